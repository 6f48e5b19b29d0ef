#!/usr/bin/python3
# test-export.py — Export… from the window, as a person does it.
#
# Copyright 2026 The Accords contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Opens `accords --sample`, presses Ctrl+E, types a file name ending in
# .html into the file chooser, presses Enter and checks that the file is
# an HTML briefing of the three sample records and that a toast says
# "Exported 3 records"; then that Ctrl+C on the selected rows puts them
# on the clipboard as plain text and as HTML.
#
# Exit status: 0 pass, 1 fail, 77 skipped (no display).

import html.parser
import json
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import accordsui as ui  # noqa: E402
from accordsui import fail, log  # noqa: E402

EXPECTED_RECORDS = 3

# Reads the clipboard as text/html and as text/plain, in a process of its
# own (Debian's GTK 4 bindings), and prints each as "MIME LENGTH" then
# the text.
READ_CLIPBOARD = r"""
import json, sys
import gi
gi.require_version("Gtk", "4.0")
gi.require_version("Gdk", "4.0")
from gi.repository import Gdk, Gio, GLib, Gtk
Gtk.init()
clipboard = Gdk.Display.get_default().get_clipboard()
loop = GLib.MainLoop()
found = {}
def finish(mime, value):
    found[mime] = value
    if len(found) == 2:
        loop.quit()
def spliced(out, result, mime):
    try:
        out.splice_finish(result)
        finish(mime, out.steal_as_bytes().get_data().decode("utf-8"))
    except Exception:
        finish(mime, None)
def done(cb, result, mime):
    # The transfer needs this main loop: read the stream asynchronously.
    try:
        stream, chosen = cb.read_finish(result)
    except Exception:
        finish(mime, None)
        return
    out = Gio.MemoryOutputStream.new_resizable()
    flags = Gio.OutputStreamSpliceFlags.CLOSE_SOURCE | Gio.OutputStreamSpliceFlags.CLOSE_TARGET
    out.splice_async(stream, flags, GLib.PRIORITY_DEFAULT, None, spliced, mime)
for mime in ("text/html", "text/plain;charset=utf-8"):
    clipboard.read_async([mime], GLib.PRIORITY_DEFAULT, None, done, mime)
GLib.timeout_add_seconds(10, loop.quit)
loop.run()
print(json.dumps(found))
"""


class Sections(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.sections = 0

    def handle_starttag(self, tag, attrs):
        if tag == "section":
            self.sections += 1


def check(accords):
    Atspi = ui.Atspi
    Role = Atspi.Role

    accords.start("--sample")
    accords.find_in_desktop(timeout=30)
    accords.wait_for_node(lambda a: ui.role(a) == Role.FRAME and ui.name(a) == "Accords",
                          'window "Accords"', timeout=20)
    accords.wait_for_node(lambda a: ui.role(a) == Role.LABEL
                          and ui.text(a) == f"{EXPECTED_RECORDS} records",
                          f'the status "{EXPECTED_RECORDS} records"', timeout=20)

    target = os.path.join(accords.home, "briefing.html")
    subprocess.run(["xdotool", "key", "ctrl+e"], check=True, timeout=30)
    # GTK 4.8 gives the dialog the role "filler": find it by its title.
    dialog = accords.wait_for_node(lambda a: ui.name(a) == "Export Records",
                                   'the dialog "Export Records"', timeout=20)
    log(f"the dialog is {ui.describe(dialog)}")
    time.sleep(1.0)  # let the name entry take the focus
    subprocess.run(["xdotool", "key", "ctrl+a"], check=True, timeout=30)
    subprocess.run(["xdotool", "type", "--delay", "20", target], check=True, timeout=60)
    time.sleep(0.5)
    subprocess.run(["xdotool", "key", "Return"], check=True, timeout=30)

    if not ui.wait_for(lambda: os.path.exists(target), timeout=20):
        fail(f"no file {target} 20 s after Enter in the file chooser")

    accords.wait_for_node(lambda a: ui.role(a) == Role.LABEL
                          and ui.text(a) == f"Exported {EXPECTED_RECORDS} records",
                          f'a toast "Exported {EXPECTED_RECORDS} records"', timeout=20)

    with open(target, encoding="utf-8") as f:
        text = f.read()
    parser = Sections()
    parser.feed(text)
    parser.close()
    if not text.startswith("<!DOCTYPE html>"):
        fail(f"{target} is not an HTML briefing: {text[:80]!r}")
    if parser.sections != EXPECTED_RECORDS:
        fail(f"the briefing has {parser.sections} records, expected {EXPECTED_RECORDS}")
    log(f"exported {target}: {len(text)} characters, {parser.sections} records")

    leftovers = [n for n in os.listdir(accords.home) if n.startswith(".goutputstream")]
    if leftovers:
        fail(f"temporary files left behind: {leftovers}")

    # Ctrl+C copies the selected records as plain text and as HTML.
    table = accords.wait_for_node(
        lambda a: ui.role(a) in (Role.TABLE, Role.TREE_TABLE) and ui.name(a) == "Records",
        'table "Records"', timeout=20)
    cells = [c for c in ui.find_all(table, lambda a: ui.role(a) == Role.TABLE_CELL)
             if any(ui.texts_below(c))]
    if not cells:
        fail('no cells in the table "Records"')
    accords.click(cells[0])
    time.sleep(0.5)
    subprocess.run(["xdotool", "key", "ctrl+a"], check=True, timeout=30)
    time.sleep(0.3)
    subprocess.run(["xdotool", "key", "ctrl+c"], check=True, timeout=30)
    time.sleep(0.5)
    result = subprocess.run(["/usr/bin/python3", "-c", READ_CLIPBOARD], capture_output=True,
                            text=True, timeout=60, env=dict(accords.env, GTK_A11Y="none"))
    try:
        found = json.loads(result.stdout.strip().splitlines()[-1])
    except (IndexError, ValueError):
        fail(f"could not read the clipboard: {result.stdout!r} {result.stderr!r}")
    plain = found.get("text/plain;charset=utf-8")
    rich = found.get("text/html")
    if not plain or not rich:
        fail(f"the clipboard lacks plain text or HTML: {found!r}")
    parser = Sections()
    parser.feed(rich)
    parser.close()
    if parser.sections != EXPECTED_RECORDS:
        fail(f"the copied HTML has {parser.sections} records, expected {EXPECTED_RECORDS}")
    titles = [line.split("\t")[4] for line in accords.cli("--sample", "--list").splitlines()]
    for title in titles:
        if title not in plain:
            fail(f"the copied text lacks {title!r}: {plain[:300]!r}")
    log(f"copied {len(plain)} characters of text and {len(rich)} of HTML")


def main():
    return ui.run(check, "Ctrl+E exports the records to the file the chooser names")


if __name__ == "__main__":
    sys.exit(main())
