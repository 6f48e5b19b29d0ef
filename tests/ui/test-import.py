#!/usr/bin/python3
# test-import.py — a new user imports the five seed reports.
#
# Copyright 2026 The Accords contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Starts `accords --database EMPTY SEED...` (the same review that dropping
# the files on the window or Import… opens) and checks through the
# accessibility tree that:
# - the "Import" window proposes three new records, one of them from three
#   reports (its two further reports listed under it), and lists an empty
#   file of the same batch with its error, left out;
# - nothing is saved before Import: `accords --list` prints nothing;
# - a proposal's title and topics (typed as labels) can be corrected there;
# - after Import the "Records" table shows three records, and the library
#   holds the Iran–Serbia record with its three sources.
#
# Exit status: 0 pass, 1 fail, 77 skipped (no display, or no seed reports).

import json
import os
import re
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import accordsui as ui  # noqa: E402
from accordsui import fail, log  # noqa: E402

SHARED = os.environ.get("ACCORDS_SHARED_DIR", os.path.join("..", "shared"))
SEEDS = os.path.join(SHARED, "corpus", "seeds")
EDITED_TITLE = "Doha memorandum, corrected"


def check(accords):
    Role = ui.Atspi.Role
    library = os.path.join(accords.home, "library.db")
    seeds = sorted(os.path.join(SEEDS, n) for n in os.listdir(SEEDS) if n.endswith(".txt"))
    # a file that cannot be imported, in the same batch
    empty = os.path.join(accords.home, "empty.txt")
    with open(empty, "w", encoding="utf-8") as f:
        f.write("\n   \n")

    accords.start("--database", library, *seeds, empty)
    accords.find_in_desktop(timeout=30)
    accords.wait_for_node(lambda a: ui.role(a) == Role.FRAME and ui.name(a) == "Import",
                          'window "Import"', timeout=30)
    proposals = accords.wait_for_node(
        lambda a: ui.role(a) == Role.LIST and ui.name(a) == "Proposals"
        and len(ui.list_items(a)) == len(seeds) + 1,
        f'list "Proposals" with {len(seeds) + 1} items', timeout=60)

    descriptions = [item.get_description() or "" for item in ui.list_items(proposals)]
    log("proposals: " + " | ".join(descriptions))
    # Three proposals: one per event, the Iran–Serbia one from three reports
    # (its two further reports listed under it).
    new = [d for d in descriptions if re.search(r"New record( from \d+ reports)?$", d)]
    grouped = [d for d in descriptions if d.endswith("New record from 3 reports")]
    joined = [d for d in descriptions if "imported with it" in d]
    if len(new) != 3 or len(grouped) != 1 or len(joined) != 2:
        fail(f"expected 3 new records, one from 3 reports, got {descriptions}")
    if not [d for d in descriptions if d.startswith("empty.txt") and "empty" in d[10:]]:
        fail(f"the empty file is not listed with its error: {descriptions}")

    if accords.cli("--database", library, "--list").strip():
        fail("records were saved before Import was pressed")

    # Correct the first proposal: its title, and its topics by their labels.
    first = ui.list_items(proposals)[0]
    accords.click(first, window="Import")

    def plain(name):
        """GTK 4.8 says a labelled field's name twice ("Title Title")."""
        words = name.split()
        half = len(words) // 2
        return " ".join(words[:half]) if words and words[:half] == words[half:] else name

    def entry_of(row_name):
        """The editor's text field named row_name."""
        return accords.wait_for_node(
            lambda a: ui.role(a) in (Role.ENTRY, Role.TEXT) and plain(ui.name(a)) == row_name
            and (ui.extents(a) or (0, 0, 0, 0))[2] > 0,
            f'field "{row_name}" in the review', timeout=10)

    def replace_text(node, text):
        accords.click(node, window="Import")
        time.sleep(0.3)
        subprocess.run(["xdotool", "key", "ctrl+a"], check=True, timeout=30)
        subprocess.run(["xdotool", "type", "--delay", "30", text], check=True, timeout=30)
        time.sleep(0.5)

    replace_text(entry_of("Title"), EDITED_TITLE)
    replace_text(entry_of("Topics"), "Cloud computing, data centres")
    log(f"edited the first proposal: title {EDITED_TITLE!r}, topics by label")

    # GTK 4.8 repeats a button's label in its accessible name ("Import Import")
    button = accords.wait_for_node(
        lambda a: ui.role(a) == Role.PUSH_BUTTON
        and set(ui.name(a).replace("_", "").split()) == {"Import"},
        'button "Import"', timeout=10)
    # The review is its own window: press the button through its
    # accessible action, as assistive technology would.
    button.get_action_iface().do_action(0)
    log('pressed "Import"')

    table = accords.wait_for_node(
        lambda a: ui.role(a) in (Role.TABLE, Role.TREE_TABLE) and ui.name(a) == "Records",
        'table "Records"', timeout=20)

    def three_rows():
        accords.check_running()
        ui.Atspi.Accessible.clear_cache(accords.app)
        return len(ui.record_rows(table)) == 3

    if not ui.wait_for(three_rows, timeout=20):
        fail(f'the table "Records" shows {len(ui.record_rows(table))} rows, expected 3')
    log('the table "Records" shows 3 records')

    accords.close_window()

    document = json.loads(accords.cli("--database", library, "--export", "json"))
    sources = {tuple(sorted(r["parties"])): len(r["sources"]) for r in document["records"]}
    if sources.get(("IR", "RS")) != 3:
        fail(f"sources per record: {sources}")
    edited = [r for r in document["records"] if r["title"] == EDITED_TITLE]
    if len(edited) != 1 or edited[0]["topics"] != ["cloud", "data_centres"]:
        fail(f"the corrections were not saved: {[(r['title'], r['topics']) for r in document['records']]}")
    files = sorted(s["file"] for r in document["records"] for s in r["sources"])
    if files != sorted(os.path.basename(p) for p in seeds):
        fail(f"the sources do not keep their file names: {files}")
    log(f"sources per record: {sources}")


def main():
    if not os.path.isdir(SEEDS):
        print(f"SKIP: no seed reports in {SEEDS}")
        return 77
    return ui.run(check, "the five seed reports became three records after review")


if __name__ == "__main__":
    sys.exit(main())
