#!/bin/sh
# install-deps.sh — install what building and testing Accords needs on
# Debian 12 (bookworm). Run as root. Does nothing when all of it is there
# already, so it is cheap to call before every build.
#
# Copyright 2026 The Accords contributors
# SPDX-License-Identifier: GPL-3.0-or-later

set -eu

PACKAGES="
  meson
  ninja-build
  pkg-config
  gcc
  libc6-dev
  libgtk-4-dev
  libadwaita-1-dev
  libglib2.0-dev
  libglib2.0-bin
  libsqlite3-dev
  sqlite3
  libjson-glib-dev
  libical-dev
  libcmark-dev
  libicu-dev
  iso-codes
  gettext
  libxml2-utils
  desktop-file-utils
  appstream
  librsvg2-common
  fonts-dejavu-core
  xvfb
  xauth
  dbus-x11
  at-spi2-core
  python3
  python3-gi
  python3-pyatspi
  python3-icalendar
  gir1.2-atspi-2.0
  xdotool
  imagemagick
  libclang-rt-14-dev
"

# One dpkg-query for all: "name status" per known package; a package dpkg
# has never heard of prints nothing, so look each one up in that list.
# shellcheck disable=SC2086 # the list is meant to split into words
known=$(dpkg-query -W -f='${Package} ${db:Status-Status}\n' $PACKAGES 2>/dev/null || true)
missing=""
for pkg in $PACKAGES; do
  case "
$known
" in
    *"
$pkg installed
"*) ;;
    *) missing="$missing $pkg" ;;
  esac
done

if [ -z "$missing" ]; then
  echo "install-deps: all build and test packages are installed"
  exit 0
fi

echo "install-deps: installing:$missing"

if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: run me as root (or install those packages yourself)" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update -q
# shellcheck disable=SC2086 # the list is meant to split into words
apt-get install -y -q $missing </dev/null
