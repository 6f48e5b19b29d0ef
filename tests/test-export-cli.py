#!/usr/bin/python3
# test-export-cli.py — `accords --export` from the command line: every
# format read back by a real parser (csv, json, html.parser, icalendar),
# and the exit statuses of the failures.
#
# Copyright 2026 The Accords contributors
# SPDX-License-Identifier: GPL-3.0-or-later

import csv
import html.parser
import io
import json
import os
import subprocess
import sys
import tempfile

ACCORDS = os.environ['ACCORDS_BIN']


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def run(env, *args):
    return subprocess.run([ACCORDS, '--sample', *args], env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)


def expected_uids(env):
    result = run(env, '--list')
    check(result.returncode == 0, '--list failed: %r' % result.stderr)
    return [line.split('\t')[0] for line in result.stdout.decode().splitlines()]


def test_csv(env, uids):
    result = run(env, '--export', 'csv')
    check(result.returncode == 0, 'csv: exit %d %r' % (result.returncode, result.stderr))
    text = result.stdout.decode('utf-8')
    check('\r\n' in text, 'csv: rows must end in CRLF')
    rows = list(csv.DictReader(io.StringIO(text, newline='')))
    check([row['uid'] for row in rows] == uids, 'csv: uids %r' % [r['uid'] for r in rows])
    for row in rows:
        check(row['title'], 'csv: a row without a title')
        for value in row.values():
            check(value[:1] not in ('=', '+', '-', '@', '\t', '\r'),
                  'csv: a live formula %r' % value)


def test_json(env, uids):
    result = run(env, '--export', 'json', '--query', 'country:RS')
    check(result.returncode == 0, 'json: exit %d' % result.returncode)
    document = json.loads(result.stdout.decode('utf-8'))
    check(document['format'] == 'accords-library', 'json: format')
    check(document['version'] == 1, 'json: version')
    check(document['query'] == 'country:RS', 'json: query %r' % document['query'])
    listed = run(env, '--list', '--query', 'country:RS').stdout.decode().splitlines()
    check([r['uid'] for r in document['records']] == [l.split('\t')[0] for l in listed],
          'json: records differ from --list')
    for record in document['records']:
        for key in ('uid', 'title', 'kind', 'summary', 'event_date', 'event_end',
                    'date_precision', 'date_qualifier', 'date_as_reported', 'venue',
                    'parties', 'mentioned', 'people', 'organizations', 'topics', 'figures',
                    'sources', 'annotation', 'links', 'origin', 'created', 'modified'):
            check(key in record, 'json: missing key %s' % key)
        check('RS' in record['parties'], 'json: a record without RS')


class BriefingParser(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []
        self.links = []
        self.headings = 0
        self.scripts = 0

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == 'h2':
            self.headings += 1
        if tag == 'script':
            self.scripts += 1
        if tag == 'a':
            self.links.append(dict(attrs).get('href'))
        for name, value in attrs:
            check(not name.startswith('on'), 'html: an event handler attribute')
            check(name not in ('src',), 'html: an external resource')


def test_html(env, uids):
    result = run(env, '--export', 'html')
    check(result.returncode == 0, 'html: exit %d' % result.returncode)
    parser = BriefingParser()
    parser.feed(result.stdout.decode('utf-8'))
    parser.close()
    check('style' in parser.tags, 'html: no inline style')
    check('link' not in parser.tags, 'html: not self-contained')
    check(parser.scripts == 0, 'html: a script')
    check(parser.headings == len(uids), 'html: %d sections for %d records'
          % (parser.headings, len(uids)))
    check(parser.links, 'html: no source links')
    for href in parser.links:
        check(href.startswith('http://') or href.startswith('https://'),
              'html: link %r' % href)


def test_markdown(env, uids):
    result = run(env, '--export', 'md')
    check(result.returncode == 0, 'md: exit %d' % result.returncode)
    text = result.stdout.decode('utf-8')
    check(text.startswith('# '), 'md: no title')
    sections = [line for line in text.splitlines() if line.startswith('## ')]
    check(len(sections) == len(uids), 'md: %d sections' % len(sections))
    dates = [line[3:13] for line in sections]
    check(dates == sorted(dates), 'md: not by date: %r' % dates)


def test_ics(env, uids, directory):
    import icalendar

    path = os.path.join(directory, 'sample.ics')
    result = run(env, '--export', 'ics', '--output', path)
    check(result.returncode == 0, 'ics: exit %d %r' % (result.returncode, result.stderr))
    check(result.stdout == b'', 'ics: wrote to stdout with --output')
    with open(path, 'rb') as f:
        calendar = icalendar.Calendar.from_ical(f.read())
    events = list(calendar.walk('VEVENT'))
    check(sorted(str(e['UID']) for e in events) == sorted(uids), 'ics: uids')
    document = json.loads(run(env, '--export', 'json').stdout.decode('utf-8'))
    by_uid = {r['uid']: r for r in document['records']}
    import datetime
    for event in events:
        record = by_uid[str(event['UID'])]
        start = event['DTSTART'].dt
        end = event['DTEND'].dt
        check(isinstance(start, datetime.date) and not isinstance(start, datetime.datetime),
              'ics: DTSTART is not a date')
        check(start.isoformat() == record['event_date'], 'ics: DTSTART')
        last = datetime.date.fromisoformat(record['event_end'] or record['event_date'])
        check(end == last + datetime.timedelta(days=1), 'ics: DTEND not exclusive')
        check(str(event['SUMMARY']) == record['title'], 'ics: SUMMARY')
    os.unlink(path)


def test_failures(env, directory):
    result = run(env, '--export', 'csv', '--query', 'country:')
    check(result.returncode == 2, 'bad query: exit %d' % result.returncode)
    check(b'query' in result.stderr, 'bad query: message %r' % result.stderr)

    result = run(env, '--export', 'xls')
    check(result.returncode == 2, 'unknown format: exit %d' % result.returncode)
    check(b'xls' in result.stderr, 'unknown format: message %r' % result.stderr)

    path = os.path.join(directory, 'no-such-folder', 'out.csv')
    result = run(env, '--export', 'csv', '--output', path)
    check(result.returncode == 1, 'unwritable: exit %d' % result.returncode)
    check(b'out.csv' in result.stderr, 'unwritable: message %r' % result.stderr)
    check(not os.path.exists(path), 'unwritable: a file was left')

    # A folder in the way of the file: also unwritable.
    path = os.path.join(directory, 'a-folder')
    os.mkdir(path)
    result = run(env, '--export', 'json', '--output', path)
    check(result.returncode == 1, 'folder: exit %d' % result.returncode)
    check(os.path.isdir(path) and not os.listdir(path), 'folder: touched')
    os.rmdir(path)
    check(not [n for n in os.listdir(directory) if n != 'data'],
          'files left behind: %r' % os.listdir(directory))


def main():
    with tempfile.TemporaryDirectory() as directory:
        env = dict(os.environ)
        env['XDG_DATA_HOME'] = os.path.join(directory, 'data')
        uids = expected_uids(env)
        check(uids, 'the sample collection is empty')
        tests = [
            ('csv', lambda: test_csv(env, uids)),
            ('json', lambda: test_json(env, uids)),
            ('html', lambda: test_html(env, uids)),
            ('md', lambda: test_markdown(env, uids)),
            ('ics', lambda: test_ics(env, uids, directory)),
            ('failures', lambda: test_failures(env, directory)),
        ]
        print('1..%d' % len(tests))
        failed = 0
        for number, (name, test) in enumerate(tests, 1):
            try:
                test()
                print('ok %d %s' % (number, name))
            except Exception as e:  # report every test, then fail
                failed += 1
                print('not ok %d %s: %s: %s' % (number, name, type(e).__name__, e))
        return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
