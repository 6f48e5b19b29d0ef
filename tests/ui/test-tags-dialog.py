#!/usr/bin/python3
# test-tags-dialog.py — renaming and deleting tags in Manage Tags.
#
# Copyright 2026 The Accords contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds a library whose records carry the tags "draft" (two records) and
# "urgent" (one) by importing a JSON export, opens it, and checks through the
# accessibility tree that:
# - "Manage Tags…" under the sidebar's tags opens the "Manage Tags" window
#   with a row for each tag;
# - renaming "draft" to "final" there renames it on both records
#   (`accords --list --query tag:final` lists 2, `tag:draft` none);
# - deleting "urgent" takes it off its record and offers Undo.
#
# Exit status: 0 pass, 1 fail, 77 skipped (no display).

import json
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import accordsui as ui  # noqa: E402
from accordsui import fail, log  # noqa: E402


def make_library(accords):
    """A library of the sample records, two tagged "draft", one "urgent"."""
    document = json.loads(accords.cli("--sample", "--export", "json"))
    records = document["records"]
    if len(records) < 3:
        fail(f"the sample collection has {len(records)} records")
    for record, tags in zip(records, (["draft"], ["draft", "urgent"], [])):
        if record["annotation"] is None:
            record["annotation"] = {"note": "", "starred": False, "review": "unreviewed",
                                    "tags": [], "modified": record["modified"]}
        record["annotation"]["tags"] = tags
    path = os.path.join(accords.home, "tagged.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(document, f)
    library = os.path.join(accords.home, "library.db")
    accords.cli("--database", library, "--import", path)
    return library


def count(accords, library, query):
    listing = accords.cli("--database", library, "--list", "--query", query)
    return len([line for line in listing.splitlines() if line.strip()])


def check(accords):
    Role = ui.Atspi.Role
    library = make_library(accords)
    if count(accords, library, "tag:draft") != 2 or count(accords, library, "tag:urgent") != 1:
        fail("the library was not built with its tags")

    accords.start("--database", library)
    accords.find_in_desktop(timeout=30)
    accords.wait_for_node(lambda a: ui.role(a) == Role.FRAME and ui.name(a) == "Accords",
                          'window "Accords"', timeout=20)
    sidebar = accords.wait_for_node(lambda a: ui.name(a) == "Filters"
                                    and ui.role(a) not in (Role.PUSH_BUTTON, Role.TOGGLE_BUTTON),
                                    'sidebar "Filters"', timeout=20)

    def manage_button():
        return ui.find(sidebar, lambda a: ui.role(a) == Role.PUSH_BUTTON
                       and ui.name(a).startswith("Manage Tags")
                       and (ui.extents(a) or (0, 0, 0, 0))[2] > 0)

    if ui.wait_for(manage_button, timeout=20) is None:
        fail('no button "Manage Tags…" in the sidebar')
    accords.click(ui.scroll_into_view(accords, manage_button, sidebar))

    accords.wait_for_node(lambda a: ui.role(a) == Role.FRAME and ui.name(a) == "Manage Tags",
                          'window "Manage Tags"', timeout=10)

    def tag_entry(tag):
        def look():
            accords.check_running()
            ui.Atspi.Accessible.clear_cache(accords.app)
            for node in ui.find_all(accords.app, lambda a: ui.role(a) in (Role.ENTRY, Role.TEXT)):
                if ui.text(node) == tag and (ui.extents(node) or (0, 0, 0, 0))[2] > 0:
                    return node
            return None
        node = ui.wait_for(look, timeout=10)
        if node is None:
            fail(f'no entry holding "{tag}" in "Manage Tags"')
        return node

    # Rename: click into the row's entry, replace the text, press Enter.
    accords.click(tag_entry("draft"), window="Manage Tags")
    time.sleep(0.5)
    subprocess.run(["xdotool", "key", "ctrl+a"], check=True, timeout=30)
    subprocess.run(["xdotool", "type", "--delay", "40", "final"], check=True, timeout=30)
    subprocess.run(["xdotool", "key", "Return"], check=True, timeout=30)
    log('renamed "draft" to "final"')

    if not ui.wait_for(lambda: count(accords, library, "tag:final") == 2
                       and count(accords, library, "tag:draft") == 0, timeout=10):
        fail(f"after the rename tag:final lists {count(accords, library, 'tag:final')}, "
             f"tag:draft {count(accords, library, 'tag:draft')}")
    log("tag:final lists 2 records, tag:draft none")

    delete = accords.wait_for_node(
        lambda a: ui.role(a) == Role.PUSH_BUTTON and ui.name(a) == "Delete urgent",
        'button "Delete urgent"', timeout=10)
    accords.click(delete, window="Manage Tags")
    if not ui.wait_for(lambda: count(accords, library, "tag:urgent") == 0, timeout=10):
        fail("deleting urgent left it on its record")
    accords.wait_for_node(
        lambda a: ui.role(a) == Role.LABEL and "urgent" in ui.text(a) and "deleted" in ui.text(a),
        'toast "Tag “urgent” deleted"', timeout=10)
    log('deleted "urgent"; the toast offers Undo')


def main():
    return ui.run(check, "tags renamed and deleted in Manage Tags")


if __name__ == "__main__":
    sys.exit(main())
