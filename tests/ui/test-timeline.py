#!/usr/bin/python3
# test-timeline.py — the timeline shows the sample collection and a click
# on a marker selects its record.
#
# Copyright 2026 The Accords contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Opens `accords --sample`, switches to the timeline (Ctrl+2), finds the
# widget named "Timeline", and clicks where the Iran–Serbia record is drawn
# after Zoom to Fit: its lane (lanes are party countries, most records
# first, then by code) and the middle of its span. Then checks that:
# - "Record details" shows that record's title, as `accords --sample --list`
#   prints it;
# - the timeline's accessible description is the clicked record's date and
#   title (the focused marker).
#
# The geometry below mirrors src/ui/accords-timeline-private.h.
#
# Exit status: 0 pass, 1 fail, 77 skipped (no display).

import datetime
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import accordsui as ui  # noqa: E402
from accordsui import fail, log  # noqa: E402

LABEL_WIDTH = 160
LANES_TOP = 44 + 6
ROW_HEIGHT = 16
LANE_GAP = 10
FIT_MARGIN = 0.05  # of the span of the dates, at least FIT_MIN_DAYS
FIT_MIN_DAYS = 15


def day(iso):
    return datetime.date.fromisoformat(iso).toordinal()


def check(accords):
    Atspi = ui.Atspi
    Role = Atspi.Role

    listing = accords.cli("--sample", "--list")
    records = []
    for line in listing.splitlines():
        fields = line.split("\t")
        if len(fields) != 5:
            fail(f"accords --sample --list printed a line without 5 fields: {line!r}")
        records.append(fields)
    target = [r for r in records if set(r[2].split(",")) == {"IR", "RS"}]
    if len(target) != 1:
        fail(f"expected one Iran–Serbia record in the sample, found {target}")
    _, date, parties, _, title = target[0]
    log(f"target: {date} {parties} {title!r}")

    # Lanes by party country: most records first, then by code.
    counts = {}
    for r in records:
        for code in set(r[2].split(",")):
            counts[code] = counts.get(code, 0) + 1
    lanes = sorted(counts, key=lambda c: (-counts[c], c))
    lane = lanes.index("IR")
    log(f"lanes: {lanes}; Iran is lane {lane}")

    accords.start("--sample")
    accords.find_in_desktop(timeout=30)
    accords.wait_for_node(lambda a: ui.role(a) == Role.FRAME and ui.name(a) == "Accords",
                          'window "Accords"', timeout=20)
    # The list loads first; then switch to the timeline.
    time.sleep(1)
    subprocess.run(["xdotool", "key", "ctrl+2"], check=True, timeout=30)

    timeline = accords.wait_for_node(
        lambda a: ui.name(a) == "Timeline" and ui.role(a) == Role.PANEL,
        'panel "Timeline"', timeout=20)

    def shown():
        accords.check_running()
        Atspi.Accessible.clear_cache(accords.app)
        ext = ui.extents(timeline)
        return ext if ext and ext[2] > LABEL_WIDTH and ext[3] > 100 else None

    ext = ui.wait_for(shown, timeout=10)
    if ext is None:
        fail(f"the timeline has no size: {ui.describe(timeline)}")
    time.sleep(1)  # the records load on a worker thread, then it zooms to fit
    ext = ui.extents(timeline)
    log(f"timeline: {ui.describe(timeline)}")

    # Zoom to Fit spans the first day to the day after the last end, plus a margin.
    first = min(day(r[1]) for r in records)
    # The list prints start dates only: the sample's last record, Iran–Serbia,
    # runs from 2025-02-25 to 2025-02-27, so the fit ends the day after that.
    last = max(day(r[1]) for r in records) + 2 + 1
    margin = max((last - first) * FIT_MARGIN, FIT_MIN_DAYS)
    start, end = first - margin, last + margin
    width = ext[2] - LABEL_WIDTH
    middle = day(date) + 1.5
    x = ext[0] + LABEL_WIDTH + (middle - start) * width / (end - start)
    y = ext[1] + LANES_TOP + lane * (ROW_HEIGHT + LANE_GAP) + ROW_HEIGHT // 2
    details = ui.find(accords.app, lambda a: ui.name(a) == "Record details")
    if details is None:
        fail('no "Record details" in the accessibility tree')
    if ui.find_all(details, lambda a: ui.role(a) == Role.LABEL and ui.text(a) == title):
        fail(f'"Record details" shows {title!r} before the marker was clicked')

    dx, dy = accords._window_offset()
    log(f"clicking the Iran–Serbia marker at {int(x) + dx},{int(y) + dy}")
    subprocess.run(["xdotool", "mousemove", "--sync", str(int(x) + dx), str(int(y) + dy),
                    "click", "1"], check=True, timeout=30)

    def title_shown():
        accords.check_running()
        Atspi.Accessible.clear_cache(accords.app)
        found = ui.find_all(details, lambda a: ui.role(a) == Role.LABEL and ui.text(a) == title)
        return found[0] if found else None

    if ui.wait_for(title_shown, timeout=10) is None:
        fail(f'after a click on the Iran–Serbia marker, "Record details" does not show '
             f"{title!r}")

    description = ""
    try:
        description = timeline.get_description() or ""
    except Exception:
        pass
    log(f"timeline description: {description!r}")
    if title not in description:
        fail(f"the timeline's accessible description {description!r} does not name the "
             f"focused record {title!r}")


def main():
    return ui.run(check, "a click on a timeline marker shows its record")


if __name__ == "__main__":
    sys.exit(main())
