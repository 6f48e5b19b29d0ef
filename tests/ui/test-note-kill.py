#!/usr/bin/python3
# test-note-kill.py — a note survives SIGKILL two seconds after typing.
#
# Copyright 2026 The Accords contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Opens `accords --sample` in a fresh home and checks through the
# accessibility tree that:
# - a note typed into the "Note" text view of the selected record is
#   written within a second of the last keystroke: the app is killed with
#   SIGKILL two seconds later, and `accords --sample --list --query has:note`
#   then lists that record;
# - started again in the same home, the app shows the note in "Note" when
#   the same record is selected.
#
# Exit status: 0 pass, 1 fail, 77 skipped (no display).

import os
import signal
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import accordsui as ui  # noqa: E402
from accordsui import fail, log  # noqa: E402

EXPECTED_RECORDS = 3  # the sample collection's size
NOTE = "Ask the ministry about the 5G annex"


def column_titles(table):
    Role = ui.Atspi.Role
    for row in ui.find_all(table, lambda a: ui.role(a) == Role.TABLE_ROW):
        kids = ui.children(row)
        if kids and not any(ui.role(c) == Role.TABLE_CELL for c in kids):
            return [" ".join(t for t in ui.texts_below(c) if t) for c in kids]
    return []


def open_window(accords):
    """Start accords --sample; returns its "Records" table once it shows
    every sample record."""
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
        return len(ui.record_rows(table)) == EXPECTED_RECORDS

    if not ui.wait_for(settled, timeout=20):
        fail(f'the table "Records" did not show {EXPECTED_RECORDS} rows')
    return table


def select_record(accords, table, title=None):
    """Click the title cell of the row showing title (the first row when
    None); returns the title clicked."""
    columns = column_titles(table)
    if "Title" not in columns:
        fail(f'no column "Title" among {columns}')
    index = columns.index("Title")
    for row, cells, texts in ui.record_rows(table):
        if title is None or texts[index] == title:
            accords.click(cells[index])
            return texts[index]
    fail(f"no row shows {title!r}")


def find_note_view(accords):
    Role = ui.Atspi.Role
    return accords.wait_for_node(
        lambda a: ui.role(a) in (Role.TEXT, Role.ENTRY) and ui.name(a) == "Note",
        'text view "Note"', timeout=20)


def check(accords):
    table = open_window(accords)
    title = select_record(accords, table)
    log(f"selected {title!r}")
    time.sleep(0.5)

    note = find_note_view(accords)
    accords.click(note)
    subprocess.run(["xdotool", "type", "--delay", "30", NOTE], check=True, timeout=60)
    log(f"typed the note {NOTE!r}; killing accords in 2 s")
    time.sleep(2)

    pid = accords.process.pid
    os.kill(pid, signal.SIGKILL)
    accords.process.wait(timeout=15)
    accords.process = None
    log(f"killed accords (pid {pid}) with SIGKILL")

    listing = accords.cli("--sample", "--list", "--query", "has:note")
    titles = [line.split("\t")[4] for line in listing.splitlines() if line.count("\t") >= 4]
    log(f"accords --sample --list --query has:note: {titles}")
    if titles != [title]:
        fail(f"after SIGKILL, has:note lists {titles}, expected [{title!r}]")

    with ui.Accords(home=accords.home) as again:
        try:
            table = open_window(again)
            select_record(again, table, title)

            def note_shown():
                again.check_running()
                ui.Atspi.Accessible.clear_cache(again.app)
                view = ui.find(again.app, lambda a: ui.name(a) == "Note"
                               and ui.role(a) in (ui.Atspi.Role.TEXT, ui.Atspi.Role.ENTRY))
                return view is not None and ui.text(view) == NOTE

            if not ui.wait_for(note_shown, timeout=15):
                fail(f'started again, "Note" of {title!r} does not show {NOTE!r}')
            log(f"started again: the note of {title!r} is there")
            again.close_window()
        except AssertionError:
            again.report("the second run at the failure")
            raise


def main():
    return ui.run(check, "a note typed two seconds before SIGKILL is there after a restart")


if __name__ == "__main__":
    sys.exit(main())
