#!/usr/bin/python3
# test-bulk-tag.py — tagging three selected records at once.
#
# Copyright 2026 The Accords contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Opens `accords --sample` in a fresh home and checks through the
# accessibility tree that:
# - Ctrl+A in the "Records" table selects all three records, and the
#   detail pane shows the selection summary with "Add Tag";
# - adding the tag "briefing" there tags all three in one go:
#   `accords --sample --list --query tag:briefing` lists 3 records;
# - the "Tags" list of the "Filters" sidebar shows "briefing" with 3.
#
# Exit status: 0 pass, 1 fail, 77 skipped (no display).

import os
import re
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import accordsui as ui  # noqa: E402
from accordsui import fail, log  # noqa: E402

EXPECTED_RECORDS = 3  # the sample collection's size
TAG = "briefing"

ROW_NAME = re.compile(r"^(?P<label>.*), (?P<count>\d+) records?$")


def check(accords):
    Role = ui.Atspi.Role

    accords.start("--sample")
    accords.find_in_desktop(timeout=30)
    accords.wait_for_node(lambda a: ui.role(a) == Role.FRAME and ui.name(a) == "Accords",
                          'window "Accords"', timeout=20)
    table = accords.wait_for_node(
        lambda a: ui.role(a) in (Role.TABLE, Role.TREE_TABLE) and ui.name(a) == "Records",
        'table "Records"', timeout=20)

    def settled():
        accords.check_running()
        ui.Atspi.Accessible.clear_cache(accords.app)
        return ui.record_rows(table) if len(ui.record_rows(table)) == EXPECTED_RECORDS else None

    rows = ui.wait_for(settled, timeout=20)
    if not rows:
        fail(f'the table "Records" did not show {EXPECTED_RECORDS} rows')

    # Select one row with a click, then all of them with Ctrl+A.
    accords.click(rows[0][1][0])
    time.sleep(0.5)
    subprocess.run(["xdotool", "key", "ctrl+a"], check=True, timeout=30)

    summary = f"{EXPECTED_RECORDS} Records Selected"
    accords.wait_for_node(lambda a: ui.role(a) == Role.LABEL and ui.text(a) == summary,
                          f'label "{summary}"', timeout=10)
    log(f"the detail pane says {summary!r}")

    button = accords.wait_for_node(
        lambda a: ui.name(a) == "Add Tag" and ui.role(a) in (Role.PUSH_BUTTON,
                                                              Role.TOGGLE_BUTTON),
        'button "Add Tag"', timeout=10)
    accords.click(button)
    # The popover has its own surface, so its extents are not the window's:
    # no click, it puts the focus in its entry by itself.
    accords.wait_for_node(
        lambda a: ui.name(a) == "Tag to add" and ui.role(a) in (Role.ENTRY, Role.TEXT)
        and (ui.extents(a) or (0, 0, 0, 0))[2] > 0,
        'entry "Tag to add"', timeout=10)
    time.sleep(0.5)
    subprocess.run(["xdotool", "type", "--delay", "40", TAG], check=True, timeout=30)
    subprocess.run(["xdotool", "key", "Return"], check=True, timeout=30)
    log(f"added the tag {TAG!r} from the selection summary")

    def tagged():
        listing = accords.cli("--sample", "--list", "--query", f"tag:{TAG}")
        return [line for line in listing.splitlines() if line.strip()]

    lines = ui.wait_for(lambda: len(tagged()) == EXPECTED_RECORDS, timeout=10) and tagged()
    if not lines:
        fail(f"accords --list --query tag:{TAG} prints {len(tagged())} records, "
             f"expected {EXPECTED_RECORDS}")
    log(f"tag:{TAG} lists {len(lines)} records")

    sidebar = accords.wait_for_node(lambda a: ui.name(a) == "Filters"
                                    and ui.role(a) not in (Role.PUSH_BUTTON,
                                                           Role.TOGGLE_BUTTON),
                                    'sidebar "Filters"', timeout=10)

    def tag_count():
        accords.check_running()
        ui.Atspi.Accessible.clear_cache(accords.app)
        tags = ui.find(sidebar, lambda a: ui.role(a) == Role.LIST and ui.name(a) == "Tags")
        if tags is None:
            return None
        for row in ui.list_items(tags):
            match = ROW_NAME.match(ui.name(row))
            if match and match.group("label") == TAG:
                return int(match.group("count"))
        return None

    count = ui.wait_for(tag_count, timeout=15)
    if count != EXPECTED_RECORDS:
        fail(f'the sidebar\'s "Tags" list shows {TAG!r} with {count}, '
             f"expected {EXPECTED_RECORDS}")
    log(f'the sidebar lists "{TAG}, {count} records"')

    accords.close_window()


def main():
    return ui.run(check, f"three selected records tagged {TAG!r} at once")


if __name__ == "__main__":
    sys.exit(main())
