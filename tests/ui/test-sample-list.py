#!/usr/bin/python3
# test-sample-list.py — the sample collection, as a person sees it.
#
# Copyright 2026 The Accords contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Opens `accords --sample` in a fresh home and checks through the
# accessibility tree that:
# - the "Records" table shows exactly the sample collection's three records,
#   with the titles `accords --sample --list` prints for the same library;
# - the status line counts them;
# - clicking the first row shows its title in "Record details".
#
# Exit status: 0 pass, 1 fail, 77 skipped (no display).

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import accordsui as ui  # noqa: E402
from accordsui import fail, log  # noqa: E402

EXPECTED_RECORDS = 3  # the sample collection's size


def table_rows(table):
    """The data rows of table, top to bottom, each as (row, cells, texts):
    table rows whose table cells hold some text. The header row, whose
    children are column titles rather than cells, is left out."""
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
    """The column titles, from the header row (the table row without cells)."""
    Role = ui.Atspi.Role
    for row in ui.find_all(table, lambda a: ui.role(a) == Role.TABLE_ROW):
        kids = ui.children(row)
        if kids and not any(ui.role(c) == Role.TABLE_CELL for c in kids):
            return [" ".join(t for t in ui.texts_below(c) if t) for c in kids]
    return []


def labels_showing(root, wanted):
    Role = ui.Atspi.Role
    return ui.find_all(root, lambda a: ui.role(a) == Role.LABEL and ui.text(a) == wanted)


def check(accords):
    Atspi = ui.Atspi
    Role = Atspi.Role

    # What the command line says the same library holds.
    listing = accords.cli("--sample", "--list")
    expected = []
    for line in listing.splitlines():
        fields = line.split("\t")
        if len(fields) != 5:
            fail(f"accords --sample --list printed a line without 5 fields: {line!r}")
        expected.append(fields[4])
    log(f"accords --sample --list: {expected}")
    if len(expected) != EXPECTED_RECORDS:
        fail(f"the sample collection lists {len(expected)} records, "
             f"expected {EXPECTED_RECORDS}")

    accords.start("--sample")
    accords.find_in_desktop(timeout=30)
    accords.wait_for_node(lambda a: ui.role(a) == Role.FRAME and ui.name(a) == "Accords",
                          'window "Accords"', timeout=20)
    table = accords.wait_for_node(
        lambda a: ui.role(a) in (Role.TABLE, Role.TREE_TABLE) and ui.name(a) == "Records",
        'table "Records"', timeout=20)

    # The records are loaded off the main thread: wait for the rows.
    def enough_rows():
        accords.check_running()
        Atspi.Accessible.clear_cache(accords.app)
        rows = table_rows(table)
        return rows if len(rows) >= EXPECTED_RECORDS else None

    if not ui.wait_for(enough_rows, timeout=20):
        fail(f'the table "Records" did not show {EXPECTED_RECORDS} rows within 20 s '
             f"(it shows {len(table_rows(table))})")
    time.sleep(0.5)  # and make sure no more arrive
    Atspi.Accessible.clear_cache(accords.app)
    rows = table_rows(table)
    if len(rows) != EXPECTED_RECORDS:
        fail(f'the table "Records" shows {len(rows)} rows, expected {EXPECTED_RECORDS}: '
             f"{[texts for _, _, texts in rows]}")

    columns = column_titles(table)
    log(f"columns: {columns}")
    if "Title" not in columns:
        fail(f'no column "Title" among {columns}')
    title_column = columns.index("Title")
    for _, cells, texts in rows:
        if len(cells) != len(columns):
            fail(f"a row has {len(cells)} cells for {len(columns)} columns: {texts}")
    titles = [texts[title_column] for _, _, texts in rows]
    log(f"titles shown: {titles}")
    if sorted(titles) != sorted(expected):
        fail(f"the table shows the titles {titles}, but accords --list prints {expected}")
    if titles != expected:
        log("note: the table's order differs from accords --list's")

    # The status line counts them.
    count_text = f"{EXPECTED_RECORDS} records"
    status = ui.find(accords.app, lambda a: ui.role(a) == Role.LABEL
                     and ui.name(a) == "Number of records")
    if status is not None:
        if ui.text(status) != count_text:
            fail(f'"Number of records" reads {ui.text(status)!r}, expected {count_text!r}')
    elif not labels_showing(accords.app, count_text):
        fail(f'no label "Number of records" and no label reading {count_text!r}')
    else:
        log(f'note: the status label reads {count_text!r}, but is not named '
            '"Number of records" (GTK 4.8 names a label after its text)')

    # Click the first row; its title appears in the detail pane.
    details = ui.find(accords.app, lambda a: ui.name(a) == "Record details")
    if details is None:
        fail('no "Record details" in the accessibility tree')
    row, cells, texts = rows[0]
    title = texts[title_column]
    if labels_showing(details, title):
        fail(f'"Record details" shows {title!r} before any row was clicked')
    accords.click(cells[title_column])

    def title_shown():
        accords.check_running()
        Atspi.Accessible.clear_cache(accords.app)
        named = ui.find(details, lambda a: ui.role(a) == Role.LABEL
                        and ui.name(a) == "Record title")
        if named is not None:
            return named if ui.text(named) == title else None
        # GTK 4.8: a label's accessible name is replaced by its text, so
        # "Record title" is found by what it shows.
        found = labels_showing(details, title)
        return found[0] if found else None

    label = ui.wait_for(title_shown, timeout=10)
    if label is None:
        fail(f'after a click on the first row, "Record details" does not show its '
             f"title {title!r}")
    if ui.name(label) != "Record title":
        log(f'note: the title label is named {ui.name(label)!r}, not "Record title" '
            "(GTK 4.8 names a label after its text)")
    log(f"clicked row {texts}; the details show {ui.text(label)!r}")


def main():
    return ui.run(check,
                  "the sample collection is listed and a click shows a record")


if __name__ == "__main__":
    sys.exit(main())
