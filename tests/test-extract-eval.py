#!/usr/bin/python3
# test-extract-eval.py — the article extractor meets the targets on
# the development corpus (../shared/corpus and its seeds), and does not
# fall apart on the project's own held-out reports (tests/holdout*).
#
# Copyright 2026 The Accords contributors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import subprocess
import sys

EVAL = os.environ['ACCORDS_EVAL']
SHARED = os.environ.get('ACCORDS_SHARED_DIR', os.path.join('..', 'shared'))
HERE = os.path.dirname(os.path.abspath(__file__))
HOLDOUT = [os.path.join(HERE, name) for name in ('holdout', 'holdout2', 'holdout3', 'holdout4', 'holdout5')]

# Issue 6: on ../shared/corpus and ../shared/corpus/seeds together.
CORPUS_TARGETS = {'parties': 0.95, 'event_date': 0.85, 'kind': 0.85,
                  'topics': 0.80, 'people': 0.70, 'pairs': 0.90}
# The held-out set is harder (written to probe the rules): a floor that
# catches a pass that breaks, not a target.
HOLDOUT_FLOOR = {'parties': 0.90, 'event_date': 0.70, 'kind': 0.80,
                 'topics': 0.70, 'people': 0.60, 'pairs': 0.60}

LINE = re.compile(r'^(\w+) precision=([\d.]+) recall=([\d.]+) f1=([\d.]+)$')


def scores(*dirs):
    result = subprocess.run([EVAL, *dirs], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            timeout=300, text=True)
    if result.returncode != 0:
        raise AssertionError('accords-eval failed: %s' % result.stderr)
    found = {}
    for line in result.stdout.splitlines():
        match = LINE.match(line)
        if not match:
            raise AssertionError('unexpected line %r' % line)
        found[match.group(1)] = float(match.group(4))
    return found


def check(found, wanted):
    low = ['%s f1=%.3f < %.2f' % (k, found.get(k, 0), v) for k, v in wanted.items()
           if found.get(k, 0) < v]
    if low:
        raise AssertionError(', '.join(low))


def main():
    print('1..2')
    failed = 0
    corpus = os.path.join(SHARED, 'corpus')
    if os.path.isdir(corpus) and os.path.isdir(os.path.join(corpus, 'seeds')):
        try:
            check(scores(corpus, os.path.join(corpus, 'seeds')), CORPUS_TARGETS)
            print('ok 1 corpus')
        except AssertionError as e:
            failed += 1
            print('not ok 1 corpus: %s' % e)
    else:
        print('ok 1 corpus # SKIP no corpus in %s' % corpus)
    try:
        check(scores(*HOLDOUT), HOLDOUT_FLOOR)
        print('ok 2 holdout')
    except AssertionError as e:
        failed += 1
        print('not ok 2 holdout: %s' % e)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
