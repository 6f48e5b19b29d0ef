#!/usr/bin/python3
# test-facets.py — the facet sidebar narrows the search, and widens it again.
#
# Copyright 2026 The Accords contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Opens `accords --sample` in a fresh home and checks through the
# accessibility tree that:
# - the "Filters" sidebar lists "Topics" as rows named "<topic>, N records";
# - clicking a topic that one record has puts `topic:<id>` into the
#   "Search" entry, and the "Records" table shows exactly the records
#   `accords --sample --list --query topic:<id>` prints; the topic is picked
#   by what the command line says (the one the Iran–Serbia record has and
#   the others don't), not hard-coded;
# - clicking the row again empties the search and brings back every record.
#
# Exit status: 0 pass, 1 fail, 77 skipped (no display).

import os
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import accordsui as ui  # noqa: E402
from accordsui import fail, log  # noqa: E402

EXPECTED_RECORDS = 3      # the sample collection's size
WANTED_PARTIES = "IR,RS"  # the record whose own topic we click

ROW_NAME = re.compile(r"^(?P<label>.*), (?P<count>\d+) records?$")


def parse_row(row):
    """(label, count) from a facet row's accessible name, or None."""
    match = ROW_NAME.match(ui.name(row))
    if match is None:
        return None
    return match.group("label"), int(match.group("count"))


class Check:
    def __init__(self, accords):
        self.accords = accords
        self.Role = ui.Atspi.Role
        self.topics = None

    def refresh(self):
        self.accords.check_running()
        ui.Atspi.Accessible.clear_cache(self.accords.app)

    def node(self, predicate, what, timeout=20):
        return self.accords.wait_for_node(predicate, what, timeout=timeout)

    # -- what the window shows --------------------------------------------

    def topics_list(self):
        # The list stays; only its rows are rebuilt.
        if self.topics is None:
            self.topics = ui.find(self.sidebar, lambda a: ui.role(a) == self.Role.LIST
                                  and ui.name(a) == "Topics")
        return self.topics

    def topic_rows(self):
        topics = self.topics_list()
        return ui.list_items(topics) if topics is not None else []

    def topic_row(self, label):
        for row in self.topic_rows():
            parsed = parse_row(row)
            if parsed is not None and parsed[0] == label:
                return row
        return None

    def search_text(self):
        return ui.text(self.search)

    def n_records(self):
        return len(ui.record_rows(self.table))

    def wait_for_state(self, query, n_rows, what, timeout=15):
        """Wait until the search entry reads query and the table shows
        n_rows rows, for at least half a second."""
        def settled():
            self.refresh()
            return self.search_text() == query and self.n_records() == n_rows

        if ui.wait_for(settled, timeout) and (time.sleep(0.5) or settled()):
            return
        self.refresh()
        fail(f"{what}: the search entry reads {self.search_text()!r} and the table "
             f"shows {self.n_records()} rows; expected {query!r} and {n_rows}")

    def click_topic(self, label):
        scroller = ui.find(self.sidebar, lambda a: ui.role(a) == self.Role.SCROLL_PANE)
        row = ui.scroll_into_view(self.accords, lambda: self.topic_row(label),
                                  scroller or self.sidebar)
        self.accords.click(row)

    # -- the test ------------------------------------------------------------

    def run(self):
        Role = self.Role
        accords = self.accords

        listing = accords.cli("--sample", "--list").splitlines()
        if len(listing) != EXPECTED_RECORDS:
            fail(f"the sample collection lists {len(listing)} records, "
                 f"expected {EXPECTED_RECORDS}")

        accords.start("--sample")
        accords.find_in_desktop(timeout=30)
        self.node(lambda a: ui.role(a) == Role.FRAME and ui.name(a) == "Accords",
                  'window "Accords"')
        self.table = self.node(lambda a: ui.role(a) in (Role.TABLE, Role.TREE_TABLE)
                               and ui.name(a) == "Records", 'table "Records"')
        self.search = self.node(lambda a: ui.role(a) == Role.ENTRY and ui.name(a) == "Search",
                                'entry "Search"')
        self.sidebar = self.node(lambda a: ui.name(a) == "Filters"
                                 and ui.role(a) != Role.PUSH_BUTTON
                                 and ui.role(a) != Role.TOGGLE_BUTTON,
                                 'sidebar "Filters"')
        self.wait_for_state("", EXPECTED_RECORDS, "at the start", timeout=20)

        # The counts are computed off the main thread: wait for the rows.
        if not ui.wait_for(lambda: self.refresh() or self.topic_rows(), timeout=20):
            fail('the list "Topics" in "Filters" shows no rows within 20 s')

        # A record's own topics are further down: show them all.
        more = ui.find(self.sidebar, lambda a: ui.role(a) == Role.PUSH_BUTTON
                       and ui.name(a) == "Show All Topics")
        if more is not None and (ui.extents(more) or (0, 0, 0, 0))[2] > 0:
            shown = len(self.topic_rows())
            self.accords.click(more)
            if not ui.wait_for(lambda: self.refresh() or len(self.topic_rows()) > shown,
                               timeout=10):
                fail(f'"Show All Topics" did not show more than {shown} topics')

        self.refresh()
        rows = [parse_row(r) for r in self.topic_rows()]
        log(f"topics: {rows}")
        if None in rows:
            fail(f'a row of "Topics" is not named "<topic>, N records": '
                 f"{[ui.name(r) for r in self.topic_rows()]}")
        for label, count in rows:
            if not 1 <= count <= EXPECTED_RECORDS:
                fail(f"the topic {label!r} counts {count} records")
        candidates = [label for label, count in rows if count == 1]
        if not candidates:
            fail('no topic in "Topics" counts exactly 1 record')

        # Click each topic of one record until the command line says it is
        # the Iran–Serbia record's; every click must filter, and every
        # second click undo it.
        for label in candidates:
            self.click_topic(label)

            def topic_query():
                self.refresh()
                text = self.search_text()
                return text if text.startswith("topic:") else None

            query = ui.wait_for(topic_query, timeout=10)
            if query is None:
                fail(f"after a click on the topic {label!r}, the search entry reads "
                     f"{self.search_text()!r}, not topic:<id>")
            if not re.fullmatch(r"topic:[a-z0-9_]+", query):
                fail(f"after a click on the topic {label!r}, the search entry reads "
                     f"{query!r}, not a single topic:<id>")

            matching = accords.cli("--sample", "--list", "--query", query).splitlines()
            log(f"{label!r} → {query!r}; accords --list --query {query} → {matching}")
            if len(matching) != 1:
                fail(f"the sidebar counts 1 record for {label!r}, but accords --list "
                     f"--query {query} lists {len(matching)}")
            self.wait_for_state(query, 1, f"after a click on the topic {label!r}")

            # The row is still there, now marked as part of the search.
            self.refresh()
            row = self.topic_row(label)
            if row is None:
                fail(f"the topic {label!r} has no row once its term is in the search")
            if parse_row(row)[1] != 1:
                fail(f"the topic {label!r} counts {parse_row(row)[1]} under {query!r}")

            # Click again: the term goes, every record comes back.
            self.click_topic(label)
            self.wait_for_state("", EXPECTED_RECORDS,
                                f"after a second click on the topic {label!r}")

            parties = matching[0].split("\t")[2]
            if parties == WANTED_PARTIES:
                log(f"PASS: {label!r} ({query}) is the {WANTED_PARTIES} record's own topic")
                return
            log(f"{label!r} belongs to the {parties} record; trying the next topic")

        fail(f"no topic counting 1 record belongs to the {WANTED_PARTIES} record "
             f"(tried {candidates})")


def main():
    return ui.run(lambda accords: Check(accords).run(),
                  "a topic facet puts its term into the search and takes it out again")


if __name__ == "__main__":
    sys.exit(main())
