#!/usr/bin/python3
# test-search.py — searching the sample collection from the search entry.
#
# Copyright 2026 The Accords contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Opens `accords --sample` in a fresh home and checks through the
# accessibility tree that:
# - the "Records" table shows the three sample records;
# - typing `country:IR` into the "Search" entry leaves exactly one row, the
#   one `accords --sample --list --query country:IR` prints;
# - clicking it shows its title in "Record details";
# - a query that does not parse (`country:Narnia`) shows the inline
#   "Search error" label with a message, and the list keeps the last result;
# - Escape in the entry clears the search and the three rows come back.
#
# Exit status: 0 pass, 1 fail, 77 skipped (no display).

import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import accordsui as ui  # noqa: E402
from accordsui import fail, log  # noqa: E402

EXPECTED_RECORDS = 3  # the sample collection's size
QUERY = "country:IR"
BAD_QUERY = "country:Narnia"


def table_rows(table):
    """The data rows of table, top to bottom, as (row, cells, texts)."""
    Role = ui.Atspi.Role
    rows = []
    for row in ui.find_all(table, lambda a: ui.role(a) == Role.TABLE_ROW):
        cells = [c for c in ui.children(row) if ui.role(c) == Role.TABLE_CELL]
        texts = [" ".join(t for t in ui.texts_below(c) if t) for c in cells]
        if any(texts):
            rows.append((row, cells, texts))
    rows.sort(key=lambda r: (ui.extents(r[0]) or (0, 0))[1])
    return rows


def column_titles(table):
    Role = ui.Atspi.Role
    for row in ui.find_all(table, lambda a: ui.role(a) == Role.TABLE_ROW):
        kids = ui.children(row)
        if kids and not any(ui.role(c) == Role.TABLE_CELL for c in kids):
            return [" ".join(t for t in ui.texts_below(c) if t) for c in kids]
    return []


def wait_rows(accords, table, count, timeout=20):
    """Wait until the table shows exactly count rows (and keeps showing
    them a moment later); returns them or fails."""
    def settled():
        accords.check_running()
        ui.Atspi.Accessible.clear_cache(accords.app)
        rows = table_rows(table)
        return rows if len(rows) == count else None

    rows = ui.wait_for(settled, timeout)
    if rows:
        time.sleep(0.5)
        rows = settled()
    if not rows:
        ui.Atspi.Accessible.clear_cache(accords.app)
        shown = [texts for _, _, texts in table_rows(table)]
        fail(f'the table "Records" did not settle on {count} rows within {timeout} s: {shown}')
    return rows


def type_text(accords, entry, text):
    """Focus entry with a click in its centre, select what it holds and
    type text over it, key by key."""
    accords.click(entry)
    subprocess.run(["xdotool", "key", "--clearmodifiers", "ctrl+a"], check=True, timeout=30)
    subprocess.run(["xdotool", "type", "--delay", "40", text], check=True, timeout=30)


def entry_text(accords, entry):
    ui.Atspi.Accessible.clear_cache(accords.app)
    return ui.text(entry)


def find_error_label(accords):
    """The inline "Search error" label, when it shows a message. GTK 4.8
    names a label after its text, so it is also found by its description."""
    Role = ui.Atspi.Role

    def is_error(a):
        if ui.role(a) != Role.LABEL:
            return False
        try:
            description = a.get_description() or ""
        except Exception:
            description = ""
        return ui.name(a) == "Search error" or description == "Search error"

    ui.Atspi.Accessible.clear_cache(accords.app)
    for label in ui.find_all(accords.app, is_error):
        shown = ui.text(label)
        ext = ui.extents(label)
        if shown and shown != "Search error" and ext and ext[2] > 0 and ext[3] > 0:
            return label
    return None


def check(accords):
    Atspi = ui.Atspi
    Role = Atspi.Role

    listing = accords.cli("--sample", "--list", "--query", QUERY)
    expected = [line.split("\t")[4] for line in listing.splitlines()]
    log(f"accords --sample --list --query {QUERY}: {expected}")
    if len(expected) != 1:
        fail(f"accords --list --query {QUERY} printed {len(expected)} records, expected 1")
    expected_title = expected[0]

    accords.start("--sample")
    accords.find_in_desktop(timeout=30)
    accords.wait_for_node(lambda a: ui.role(a) == Role.FRAME and ui.name(a) == "Accords",
                          'window "Accords"', timeout=20)
    table = accords.wait_for_node(
        lambda a: ui.role(a) in (Role.TABLE, Role.TREE_TABLE) and ui.name(a) == "Records",
        'table "Records"', timeout=20)
    entry = accords.wait_for_node(
        lambda a: ui.role(a) in (Role.ENTRY, Role.TEXT) and ui.name(a) == "Search",
        'entry "Search"', timeout=20)

    wait_rows(accords, table, EXPECTED_RECORDS)
    log(f"{EXPECTED_RECORDS} rows at the start")

    # Type the query: one row is left.
    type_text(accords, entry, QUERY)
    rows = wait_rows(accords, table, 1)
    columns = column_titles(table)
    if "Title" not in columns:
        fail(f'no column "Title" among {columns}')
    title_column = columns.index("Title")
    row, cells, texts = rows[0]
    if texts[title_column] != expected_title:
        fail(f"after {QUERY!r} the table shows {texts[title_column]!r}, "
             f"but accords --list prints {expected_title!r}")
    if find_error_label(accords) is not None:
        fail(f"{QUERY!r} parses, yet a search error is shown")

    # Select it: its title shows in the detail pane.
    details = ui.find(accords.app, lambda a: ui.name(a) == "Record details")
    if details is None:
        fail('no "Record details" in the accessibility tree')
    accords.click(cells[title_column])

    def title_shown():
        accords.check_running()
        Atspi.Accessible.clear_cache(accords.app)
        for label in ui.find_all(details, lambda a: ui.role(a) == Role.LABEL):
            try:
                description = label.get_description() or ""
            except Exception:
                description = ""
            if "Record title" in (ui.name(label), description) and ui.text(label) == expected_title:
                return label
        # GTK 4.8 may name the label after its text only.
        found = [a for a in ui.find_all(details, lambda a: ui.role(a) == Role.LABEL)
                 if ui.text(a) == expected_title]
        return found[0] if found else None

    if ui.wait_for(title_shown, timeout=10) is None:
        fail(f'after a click on the row, "Record details" does not show {expected_title!r}')
    log(f"the details show {expected_title!r}")

    # A query that does not parse: an inline error, the list unchanged.
    type_text(accords, entry, BAD_QUERY)
    label = ui.wait_for(lambda: find_error_label(accords), timeout=10)
    if label is None:
        fail(f'after typing {BAD_QUERY!r} no "Search error" label shows a message')
    message = ui.text(label)
    log(f"search error: {message!r}")
    if "Narnia" not in message:
        fail(f"the search error {message!r} does not name the offending value")
    rows = wait_rows(accords, table, 1, timeout=5)
    if rows[0][2][title_column] != expected_title:
        fail(f"after a bad query the table shows {rows[0][2]}, not the previous result")

    # Escape clears the search: every record again, and no error.
    subprocess.run(["xdotool", "key", "Escape"], check=True, timeout=30)
    wait_rows(accords, table, EXPECTED_RECORDS)
    if entry_text(accords, entry) != "":
        fail(f"after Escape the search entry still holds {entry_text(accords, entry)!r}")
    if ui.wait_for(lambda: find_error_label(accords) is None, timeout=5) is False:
        fail("after Escape the search error is still shown")
    log(f"Escape cleared the search: {EXPECTED_RECORDS} rows")

    # Closing the window after all that quits cleanly.
    accords.close_window()


def main():
    return ui.run(check,
                  "typing a query narrows the list, a bad one is explained, Escape clears")


if __name__ == "__main__":
    sys.exit(main())
