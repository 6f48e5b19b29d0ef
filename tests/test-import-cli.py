#!/usr/bin/python3
# test-import-cli.py — `accords --import FILE...` without a window: one line
# per file, one record per event, nothing added twice, and a batch with a
# bad file saves nothing.
#
# Copyright 2026 The Accords contributors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import re
import subprocess
import sys
import tempfile

ACCORDS = os.environ['ACCORDS_BIN']
SHARED = os.environ.get('ACCORDS_SHARED_DIR', os.path.join('..', 'shared'))

# Two reports of one signing and one of another event, written for this test.
SIGNING = (' date 2024-05-15 Chile and Peru signed a memorandum of understanding '
           'on cybersecurity in Lima on Tuesday, the Chilean foreign ministry said.\n')
SIGNING_AGAIN = (' date 2024-05-16 Peru and Chile signed a cybersecurity memorandum '
                 'of understanding in Lima on Tuesday, officials of both countries said.\n')
LATER = (' date 2024-06-20 Chile and Peru signed an agreement on satellite data in '
         'Santiago on Wednesday.\n')

LINE = re.compile(r'^(?P<file>.+): (?P<what>new|duplicate|merged into (?P<uid>\S+)|'
                  r'\d+ new, \d+ merged, \d+ duplicate)$')


class Failure(Exception):
    pass


class Skip(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def accords(db, *args):
    return subprocess.run([ACCORDS, '--database', db, *args], stdin=subprocess.DEVNULL,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)


def outcomes(result):
    lines = result.stdout.decode().splitlines()
    parsed = [LINE.match(line) for line in lines]
    check(all(parsed), 'unexpected output %r' % lines)
    return [(os.path.basename(m.group('file')), m.group('what'), m.group('uid')) for m in parsed]


def listed(db):
    result = accords(db, '--list')
    check(result.returncode == 0, '--list: %r' % result.stderr)
    return [line.split('\t') for line in result.stdout.decode().splitlines()]


def write(directory, name, text):
    path = os.path.join(directory, name)
    with open(path, 'w', encoding='utf-8') as f:
        f.write(text)
    return path


def test_articles(directory):
    db = os.path.join(directory, 'articles.db')
    files = [write(directory, 'signing.txt', SIGNING),
             write(directory, 'signing-again.txt', SIGNING_AGAIN),
             write(directory, 'later.txt', LATER)]
    result = accords(db, '--import', *files)
    check(result.returncode == 0, 'exit %d: %r' % (result.returncode, result.stderr))
    got = outcomes(result)
    check([what.split()[0] for _, what, _ in got] == ['new', 'merged', 'new'],
          'outcomes %r' % got)
    records = listed(db)
    check(len(records) == 2, '%d records' % len(records))
    check(got[1][2] in [r[0] for r in records], 'merged into an unknown uid %r' % got[1][2])

    again = accords(db, '--import', *files)
    check(again.returncode == 0, 'again: exit %d' % again.returncode)
    check([what for _, what, _ in outcomes(again)] == ['duplicate'] * 3,
          'again: %r' % outcomes(again))
    check(len(listed(db)) == 2, 'the second import added records')


def test_bad_batch(directory):
    db = os.path.join(directory, 'bad.db')
    good = write(directory, 'good.txt', SIGNING)
    empty = write(directory, 'empty.txt', '\n  \n')
    missing = os.path.join(directory, 'missing.txt')
    for bad in (empty, missing):
        result = accords(db, '--import', good, bad)
        check(result.returncode == 1, '%s: exit %d' % (bad, result.returncode))
        stderr = result.stderr.decode()
        check(os.path.basename(bad) in stderr, '%s: message %r' % (bad, stderr))
        check('nothing was imported' in stderr, '%s: message %r' % (bad, stderr))
        check(listed(db) == [], '%s: something was saved' % bad)

    result = accords(db, '--import')
    check(result.returncode == 2, 'no files: exit %d' % result.returncode)

    # Text that is not UTF-8 is repaired, imported, and the repair said.
    latin1 = os.path.join(directory, 'latin1.txt')
    with open(latin1, 'wb') as f:
        f.write(SIGNING.replace('ministry', 'minist\u00e8re').encode('cp1252'))
    result = accords(db, '--import', latin1)
    check(result.returncode == 0, 'latin1: exit %d %r' % (result.returncode, result.stderr))
    stderr = result.stderr.decode()
    check('latin1.txt' in stderr and 'UTF-8' in stderr, 'latin1: message %r' % stderr)
    check(len(listed(db)) == 1, 'latin1: not imported')


def test_json_round_trip(directory):
    source = os.path.join(directory, 'source.db')
    target = os.path.join(directory, 'target.db')
    files = [write(directory, 'a.txt', SIGNING), write(directory, 'b.txt', LATER)]
    check(accords(source, '--import', *files).returncode == 0, 'import failed')
    exported = os.path.join(directory, 'export.json')
    result = accords(source, '--export', 'json', '--output', exported)
    check(result.returncode == 0, 'export: %r' % result.stderr)

    result = accords(target, '--import', exported)
    check(result.returncode == 0, 'json import: %r' % result.stderr)
    check(outcomes(result)[0][1] == '2 new, 0 merged, 0 duplicate', 'json: %r' % outcomes(result))

    again = os.path.join(directory, 'again.json')
    check(accords(target, '--export', 'json', '--output', again).returncode == 0, 'export again')
    with open(exported, encoding='utf-8') as a, open(again, encoding='utf-8') as b:
        first, second = json.load(a), json.load(b)
    for document in (first, second):
        del document['exported']
    check(first == second, 'the JSON round trip changed the records')


def test_seeds(directory):
    seeds = os.path.join(SHARED, 'corpus', 'seeds')
    if not os.path.isdir(seeds):
        raise Skip('the seed reports are not here')
    db = os.path.join(directory, 'seeds.db')
    files = sorted(os.path.join(seeds, n) for n in os.listdir(seeds) if n.endswith('.txt'))
    result = accords(db, '--import', *files)
    check(result.returncode == 0, 'exit %d: %r' % (result.returncode, result.stderr))
    got = outcomes(result)
    check(sorted(what.split()[0] for _, what, _ in got) == ['merged'] * 2 + ['new'] * 3,
          'outcomes %r' % got)
    records = listed(db)
    check(len(records) == 3, '%d records' % len(records))
    merged_into = {uid for _, _, uid in got if uid}
    check(len(merged_into) == 1, 'merged into %r' % merged_into)
    record = [r for r in records if r[0] in merged_into][0]
    check(sorted(record[2].split(',')) == ['IR', 'RS'], 'the merged record: %r' % record)


def main():
    tests = [('articles', test_articles), ('bad-batch', test_bad_batch),
             ('json-round-trip', test_json_round_trip), ('seeds', test_seeds)]
    print('1..%d' % len(tests))
    failed = 0
    for number, (name, test) in enumerate(tests, 1):
        with tempfile.TemporaryDirectory() as directory:
            try:
                test(directory)
                print('ok %d %s' % (number, name))
            except Skip as e:
                print('ok %d %s # SKIP %s' % (number, name, e))
            except Exception as e:  # report every test, then fail
                failed += 1
                print('not ok %d %s: %s: %s' % (number, name, type(e).__name__, e))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
