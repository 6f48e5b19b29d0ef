#!/bin/bash
# run-tests.sh — build Accords and run every test:
#
#   1. tree "build": all suites (core, data, ui) under Xvfb with a private
#      D-Bus session bus, warnings as errors;
#   2. tree "build-asan": the core suite again under AddressSanitizer and
#      UndefinedBehaviorSanitizer.
#
# It ends with the line "N passed, N failed" counted over both trees, and
# exits non-zero when anything failed. Both trees are reused on later runs.
#
# Copyright 2026 The Accords contributors
# SPDX-License-Identifier: GPL-3.0-or-later

set -u

cd "$(dirname "$0")/.." || exit 1
srcdir=$(pwd)
build="$srcdir/build"
build_asan="$srcdir/build-asan"

# Upper bounds for each test run, in seconds; CI allows 90 minutes in all.
MAIN_TIME_LIMIT=${ACCORDS_TEST_TIME_LIMIT:-2400}
ASAN_TIME_LIMIT=${ACCORDS_ASAN_TIME_LIMIT:-1800}

# Steps that failed without leaving a test log behind (set-up, build).
step_failures=0
failed_steps=()
start_time=$SECONDS

step ()
{
  echo
  echo "=== $* ($((SECONDS - start_time)) s) ==="
}

fail_step ()
{
  echo "run-tests: FAILED: $*" >&2
  step_failures=$((step_failures + 1))
  failed_steps+=("$*")
}

# configure DIR [MESON OPTIONS...]: set up DIR, or bring an existing one up to
# date with the same options.
configure ()
{
  local dir=$1
  shift
  if [ -f "$dir/meson-private/coredata.dat" ]; then
    meson setup --reconfigure "$dir" "$@" \
      || meson setup --wipe "$dir" "$@"
  else
    rm -rf "$dir"
    meson setup "$dir" "$@"
  fi
}

# group_members PGID: " name(pid)" for each process in that group (from
# /proc, as a bare machine may have no ps).
group_members ()
{
  local stat line comm fields
  for stat in /proc/[0-9]*/stat; do
    read -r line < "$stat" 2>/dev/null || continue
    # "pid (comm) state ppid pgrp …"; comm may hold spaces and parentheses.
    comm=${line#*(}
    comm=${comm%)*}
    read -r -a fields <<< "${line##*) }"
    if [ "${fields[2]:-}" = "$1" ]; then
      printf ' %s(%s)' "$comm" "${line%% *}"
    fi
  done
}

# run_isolated LOG COMMAND...: run COMMAND in a session (and process group)
# of its own with its output in LOG, shown as it grows. Whatever it leaves
# running afterwards (an at-spi2-registryd activated just as the app quit
# can outlive the bus and would hold a pipe open for ever) is killed.
run_isolated ()
{
  local log=$1
  shift
  local pgid_file="$log.pgid"
  local rc pid tail_pid pgid

  : > "$log"
  rm -f "$pgid_file"
  # After setsid the shell is the leader of the new session and process
  # group whether or not setsid had to fork, so $$ there is the group id.
  # shellcheck disable=SC2016 # $$ and $0 are for the inner shell
  setsid -w sh -c 'echo $$ > "$0"; exec "$@"' "$pgid_file" "$@" \
    > "$log" 2>&1 < /dev/null &
  pid=$!
  # shellcheck disable=SC2064 # expand the file name now
  trap "kill -TERM -- -\$(cat '$pgid_file' 2>/dev/null) 2>/dev/null; exit 130" INT TERM
  tail -n +1 -f --pid="$pid" "$log" &
  tail_pid=$!
  wait "$pid"
  rc=$?
  wait "$tail_pid"
  trap - INT TERM

  pgid=$(cat "$pgid_file" 2>/dev/null)
  rm -f "$pgid_file"
  # Xvfb and the bus daemons are told to stop as their parents exit: give
  # them a moment before calling them left behind.
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    if [ -z "$pgid" ] || ! kill -0 -- "-$pgid" 2>/dev/null; then
      break
    fi
    sleep 0.3
  done
  if [ -n "$pgid" ] && kill -0 -- "-$pgid" 2>/dev/null; then
    echo "run-tests: stopping processes left behind in group $pgid:$(group_members "$pgid")"
    kill -TERM -- "-$pgid" 2>/dev/null
    sleep 1
    kill -KILL -- "-$pgid" 2>/dev/null
  fi
  return "$rc"
}

step "Installing build and test dependencies"
if ! sh "$srcdir/build-aux/install-deps.sh"; then
  fail_step "installing dependencies"
fi

# 1. The main tree: every suite, with a display and a session bus.

step "Configuring $build"
main_built=no
if configure "$build" -Dwerror=true; then
  step "Building $build"
  if meson compile -C "$build"; then
    main_built=yes
  else
    fail_step "building $build"
  fi
else
  fail_step "configuring $build"
fi

main_rc=0
rm -f "$build/meson-logs/testlog.json"
if [ "$main_built" = yes ]; then
  step "Testing $build: all suites, under Xvfb and a private D-Bus session"
  # Xvfb outside, D-Bus inside: the bus (and so the AT-SPI registry it
  # activates) then knows DISPLAY, which key synthesis needs. xvfb-run -a
  # takes the first free display from -n on, racily: start the search at a
  # random number so that two runs on one machine do not pick the same one.
  run_isolated "$build/meson-logs/run-tests-main.log" \
    timeout -k 30 "$MAIN_TIME_LIMIT" \
    xvfb-run -a -n "$((100 + RANDOM % 800))" -s '-screen 0 1280x800x24' \
    dbus-run-session -- \
    meson test -C "$build" --no-rebuild --print-errorlogs
  main_rc=$?
  echo "run-tests: meson test in $build exited with $main_rc"
  if [ ! -s "$build/meson-logs/testlog.json" ]; then
    fail_step "testing $build (no test log written)"
  fi
fi

# 2. The sanitizer tree: the core suite under ASan and UBSan. UBSan only
# prints by default; halt_on_error makes its findings fail the test.

step "Configuring $build_asan"
asan_built=no
if configure "$build_asan" -Dwerror=true -Db_sanitize=address,undefined; then
  step "Building $build_asan"
  if meson compile -C "$build_asan"; then
    asan_built=yes
  else
    fail_step "building $build_asan"
  fi
else
  fail_step "configuring $build_asan"
fi

asan_rc=0
rm -f "$build_asan/meson-logs/testlog.json"
if [ "$asan_built" = yes ]; then
  step "Testing $build_asan: core suite under AddressSanitizer and UBSan"
  ASAN_OPTIONS="halt_on_error=1:abort_on_error=1:detect_leaks=1:fast_unwind_on_malloc=0:print_summary=1" \
  UBSAN_OPTIONS="halt_on_error=1:abort_on_error=1:print_stacktrace=1:print_summary=1" \
  LSAN_OPTIONS="suppressions=$srcdir/tests/ui/lsan.supp:print_suppressions=0" \
    timeout -k 30 "$ASAN_TIME_LIMIT" \
    meson test -C "$build_asan" --no-rebuild --print-errorlogs \
      --suite core --timeout-multiplier 3 < /dev/null
  asan_rc=$?
  echo "run-tests: meson test in $build_asan exited with $asan_rc"
  if [ ! -s "$build_asan/meson-logs/testlog.json" ]; then
    fail_step "testing $build_asan (no test log written)"
  fi
fi

# 3. The count, from both trees' test logs.

step "Summary"
/usr/bin/python3 - "$step_failures" \
  "$build/meson-logs/testlog.json" "$main_rc" \
  "$build_asan/meson-logs/testlog.json" "$asan_rc" <<'EOF'
import json
import os
import sys

PASSED = {"OK", "EXPECTEDFAIL"}
SKIPPED = {"SKIP"}

step_failures = int(sys.argv[1])
passed = failed = skipped = 0
for path, rc in zip(sys.argv[2::2], sys.argv[3::2]):
    tree = os.path.basename(os.path.dirname(os.path.dirname(path)))
    if not os.path.exists(path):
        continue  # the shell script has counted that already
    counts = {"passed": 0, "failed": 0, "skipped": 0}
    with open(path, encoding="utf-8") as log:
        for line in log:
            if not line.strip():
                continue
            test = json.loads(line)
            result = test.get("result")
            if result in PASSED:
                kind = "passed"
            elif result in SKIPPED:
                kind = "skipped"
            else:
                kind = "failed"
                print(f"{tree}: {test.get('name')} ({result})")
            counts[kind] += 1
    print(f"{tree} tree: {counts['passed']} ok, {counts['failed']} not ok, "
          f"{counts['skipped']} skip")
    if int(rc) != 0 and counts["failed"] == 0:
        # Killed by the time limit, or meson itself failed: not a pass.
        print(f"{tree}: meson test exited with {rc} but logged no failing test")
        step_failures += 1
    passed += counts["passed"]
    failed += counts["failed"]
    skipped += counts["skipped"]

if step_failures:
    print(f"{step_failures} set-up or build step(s) failed (counted as failures)")
print(f"skipped: {skipped}")
print(f"{passed} passed, {failed + step_failures} failed")
sys.exit(1 if failed + step_failures else 0)
EOF
summary_rc=$?

for s in "${failed_steps[@]}"; do
  echo "run-tests: failed step: $s"
done
echo "run-tests: done in $((SECONDS - start_time)) s"

if [ "$summary_rc" -ne 0 ]; then
  exit 1
fi
exit 0
