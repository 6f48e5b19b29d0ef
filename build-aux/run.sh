#!/bin/sh
# run.sh — build Accords and open it on the sample collection, straight from
# the build tree (nothing is installed). Extra arguments go to accords, e.g.
#   build-aux/run.sh --list
#
# Copyright 2026 The Accords contributors
# SPDX-License-Identifier: GPL-3.0-or-later

set -eu

cd "$(dirname "$0")/.."
srcdir=$(pwd)
builddir="$srcdir/build"

sh "$srcdir/build-aux/install-deps.sh"

if [ -f "$builddir/meson-private/coredata.dat" ]; then
  meson setup --reconfigure "$builddir" \
    || meson setup --wipe "$builddir"
else
  meson setup "$builddir"
fi
meson compile -C "$builddir"

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  case " $* " in
    *" --list "*|*" -l "*|*" --version "*|*" --help "*|*" -h "*) ;;
    *)
      echo "run.sh: built $builddir/src/accords, but there is no display to open it on" >&2
      echo "run.sh: run it in a desktop session, or try: build-aux/run.sh --list" >&2
      exit 1
      ;;
  esac
fi

# The development environment points the app at the sample library and the
# settings schema of this build tree.
exec meson devenv -C "$builddir" "$builddir/src/accords" --sample "$@"
