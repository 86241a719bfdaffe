#!/usr/bin/env python3
"""CLI tests for whosaid: run the binary, compare stdout, stderr, exit code.

  run_cli.py BUILD/whosaid SOURCE_ROOT

Each case is a function named case_*; it gets a fresh temporary folder.
Expectations that depend on extraction quality (which improves in other
modules) are kept to what the store and CLI guarantee.
"""
import csv
import io
import json
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import traceback

WS = os.path.abspath(sys.argv[1])
DBDUMP = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'dbdump.py')
ROOT = os.path.abspath(sys.argv[2])
CORPUS = os.path.join(ROOT, 'corpus')
STRAIGHT = 'rhc-iran-fm-meets-haniyeh-doha-straight-quotes.txt'
CURLY = 'rhc-iran-fm-meets-haniyeh-doha-curly-quotes.txt'
IS_ROOT = os.geteuid() == 0
# Root reads and writes anything; dropping these capabilities makes file
# permissions count again (setpriv is in util-linux).
NOCAPS = (['setpriv', '--bounding-set', '-dac_override,-dac_read_search']
          if IS_ROOT and shutil.which('setpriv') else [])


class Fail(Exception):
    pass


def run(args, cwd, env=None, timeout=120, prefix=()):
    e = dict(os.environ)
    e.pop('WHOSAID_DB', None)
    e.pop('COLUMNS', None)
    if env:
        e.update(env)
    p = subprocess.run(list(prefix) + [WS] + args, cwd=cwd, env=e,
                       capture_output=True, timeout=timeout)
    return p.returncode, p.stdout.decode('utf-8'), p.stderr.decode('utf-8')


def check(cond, what, out=None):
    if not cond:
        raise Fail(what + ('' if out is None else '\n--- output ---\n' + str(out)))


def expect(res, code, what):
    rc, out, err = res
    check(rc == code, '%s: exit %d, expected %d' % (what, rc, code),
          'stdout: %s\nstderr: %s' % (out[:2000], err[:2000]))
    return out, err


def index_corpus(d, db='w.db'):
    return run(['--db', db, 'index', CORPUS], d)


def decode_mentions(blob):
    """A mention list as [(entity, start, end, line)]."""
    out, vals, pos = [], [], 0
    blob = blob or b''
    while pos < len(blob):
        v, shift = 0, 0
        while True:
            b = blob[pos]
            pos += 1
            v |= (b & 0x7f) << shift
            shift += 7
            if not b & 0x80:
                break
        vals.append(v)
    start = line = 0
    for i in range(0, len(vals) - 3, 4):
        start += vals[i + 1]
        line += vals[i + 3]
        out.append((vals[i], start, start + vals[i + 2], line))
    return out


def check_consistent(dbpath):
    """The totals the store maintains agree with the rows they sum."""
    db = sqlite3.connect(dbpath)
    one = lambda q: db.execute(q).fetchone()[0]
    check(one('PRAGMA integrity_check') == 'ok', 'integrity')
    check(db.execute('PRAGMA foreign_key_check').fetchall() == [], 'foreign keys')
    # Killed before the schema's one transaction committed (a slow start,
    # as under ASan on a busy machine): an empty file, which the next run
    # takes as new.  Anything else must hold every table.
    if one('SELECT count(*) FROM sqlite_schema') == 0:
        return
    # Mention lists (schema.sql, documents.mentions): per mention the
    # varints entity, start delta, length, line delta.
    per_doc_entity = {}
    n_mentions = 0
    for doc, blob, n_doc in db.execute('SELECT id, mentions, n_mentions FROM documents'):
        ms = decode_mentions(blob)
        check(len(ms) == n_doc, 'document n_mentions is its mention list')
        last = -1
        for entity, start, end, line in ms:
            check(start > last and end > start and line >= 1, 'mention order')
            last = start
            per_doc_entity[(doc, entity)] = per_doc_entity.get((doc, entity), 0) + 1
        n_mentions += len(ms)
    stored = {(d, e): n for d, e, n in db.execute(
        'SELECT doc, entity, n_mentions FROM doc_entities WHERE n_mentions > 0')}
    check(stored == per_doc_entity, 'doc_entities count the mention lists')
    check(one('SELECT coalesce(sum(n_mentions), 0) FROM doc_entities') == n_mentions,
          'doc_entities sum to mentions')
    check(one('SELECT coalesce(sum(n_mentions), 0) FROM entities') == n_mentions,
          'entity totals sum to mentions')
    check(one('SELECT coalesce(sum(n_mentions), 0) FROM documents') == n_mentions,
          'document totals sum to mentions')
    check(one('SELECT count(*) FROM doc_entities de LEFT JOIN documents d '
              'ON d.id = de.doc WHERE d.id IS NULL') == 0, 'no orphan doc_entities')
    check(one('SELECT count(*) FROM entities e WHERE n_docs != (SELECT count(*) '
              'FROM doc_entities WHERE entity = e.id)') == 0, 'n_docs')
    check(one('SELECT count(*) FROM statements s WHERE NOT EXISTS (SELECT 1 '
              'FROM quotes WHERE statement = s.id)') == 0, 'no orphan statements')
    check(one("SELECT count(*) FROM quotes_fts") == one('SELECT count(*) FROM texts'),
          'fts rows')
    check(one('SELECT count(*) FROM texts t WHERE NOT EXISTS (SELECT 1 FROM quotes '
              'WHERE statement = t.statement AND text_id = t.id)') == 0,
          'no orphan texts')
    check(one('SELECT count(*) FROM quotes q WHERE NOT EXISTS (SELECT 1 FROM texts '
              'WHERE id = q.text_id AND statement = q.statement)') == 0,
          'quotes point to texts of their statement')
    check(one("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'zzzqqq'") == 0,
          'fts readable')
    # occurrences lists every quote under its statement and text, once.
    check(one('SELECT count(*) FROM occurrences') == one('SELECT count(*) FROM quotes'),
          'one occurrence per quote')
    check(one('SELECT count(*) FROM quotes q WHERE NOT EXISTS (SELECT 1 FROM occurrences '
              'WHERE statement = q.statement AND text_id = q.text_id AND quote = q.id)')
          == 0, 'occurrences of every quote')
    # Quotes have no index by document or speaker (schema.sql): a
    # document's are its id range, a speaker's are where doc_entities
    # counts some.
    check(one('SELECT count(*) FROM quotes q JOIN documents d ON d.id = q.doc '
              'WHERE q.id BETWEEN d.quote_lo AND d.quote_hi') ==
          one('SELECT count(*) FROM quotes'), 'quotes within their document range')
    check(one('SELECT count(*) FROM quotes q WHERE speaker IS NOT NULL AND NOT EXISTS '
              '(SELECT 1 FROM doc_entities WHERE entity = q.speaker AND doc = q.doc '
              'AND n_quotes > 0)') == 0, 'speakers counted in doc_entities')
    # Kept by store.c rather than by foreign keys (schema.sql).
    check(one('SELECT count(*) FROM statement_grams g WHERE NOT EXISTS '
              '(SELECT 1 FROM statements WHERE id = g.statement)') == 0,
          'no orphan statement_grams')
    check(one('SELECT count(*) FROM quotes q WHERE NOT EXISTS '
              '(SELECT 1 FROM statements WHERE id = q.statement)') == 0,
          'quotes point to statements')
    check(one('SELECT count(*) FROM quotes q WHERE speaker IS NOT NULL AND '
              'NOT EXISTS (SELECT 1 FROM entities WHERE id = q.speaker)') == 0,
          'quotes point to entities')
    db.close()


# --------------------------------------------------------------- usage

def case_version_and_help(d):
    out, _ = expect(run(['--version'], d), 0, '--version')
    check(out.startswith('whosaid '), 'version line', out)
    out, _ = expect(run(['--help'], d), 0, '--help')
    check('Usage: whosaid' in out and 'Exit status' in out, 'main help', out)
    for cmd in ['index', 'who-said', 'quotes', 'entities', 'entity', 'stats',
                'extract']:
        out, err = expect(run([cmd, '--help'], d), 0, cmd + ' --help')
        check(out.startswith('Usage: whosaid ' + cmd), cmd + ' help', out)
        check('4  database error' in out or cmd == 'extract', cmd + ' exit codes', out)
        check(err == '', cmd + ' --help writes nothing to stderr', err)


def case_misuse(d):
    for args in (['frobnicate'], [], ['--nope'], ['quotes', '--nope'],
                 ['who-said'], ['quotes', '--limit', 'ten'],
                 ['entities', '--format', 'xml'], ['quotes', '--kind', 'x'],
                 ['entities', '--kind', 'animal'], ['index'],
                 ['quotes', '--by']):
        out, err = expect(run(args, d), 2, ' '.join(args) or '(no args)')
        check(err.startswith('whosaid: '), 'usage message prefix', err)
        check('--help' in err, 'usage hint', err)
        check(out == '', 'nothing on stdout for misuse', out)


# ---------------------------------------------------------------- index

def case_index_and_reindex(d):
    out, err = expect(index_corpus(d), 0, 'index corpus')
    check(out.startswith('indexed 2 files (2 new, 0 changed, 0 removed, '
                         '0 unchanged), '), 'summary', out)
    check(' quotes, ' in out and ' entity mentions in ' in out, 'summary counts', out)
    out, _ = expect(index_corpus(d), 0, 'index again')
    check(out.startswith('indexed 0 files (0 new, 0 changed, 0 removed, '
                         '2 unchanged), 0 quotes'), 'second run skips', out)
    # A file named twice (folder and file) is one file.
    out, _ = expect(run(['--db', 'x.db', 'index', CORPUS, os.path.join(CORPUS, CURLY),
                         CORPUS + '/.'], d), 0, 'overlapping paths')
    check(out.startswith('indexed 2 files (2 new'), 'each file once', out)


def case_incremental(d):
    src = os.path.join(d, 'news')
    shutil.copytree(CORPUS, src)
    expect(run(['--db', 'w.db', 'index', 'news'], d), 0, 'first index')
    with open(os.path.join(src, CURLY), 'a', encoding='utf-8') as f:
        f.write('\nLater, Jane Doe said "we will come back to this next week."\n')
    os.remove(os.path.join(src, STRAIGHT))
    with open(os.path.join(src, 'new-article.md'), 'w', encoding='utf-8') as f:
        f.write('John Roe told reporters "the talks went well" on Monday.\n')
    with open(os.path.join(src, 'ignored.csv'), 'w') as f:
        f.write('not,an,article\n')
    out, _ = expect(run(['--db', 'w.db', 'index', 'news'], d), 0, 'second index')
    check(out.startswith('indexed 2 files (1 new, 1 changed, 1 removed, '
                         '0 unchanged)'), 'new/changed/removed', out)
    check_consistent(os.path.join(d, 'w.db'))
    out, _ = expect(run(['--db', 'w.db', 'stats', '--format', 'json'], d), 0, 'stats')
    check(json.loads(out)[0]['documents'] == 2, 'two documents left', out)
    # Same bytes, new mtime: the hash says unchanged.
    p = os.path.join(src, CURLY)
    os.utime(p, (time.time() + 5, time.time() + 5))
    out, _ = expect(run(['--db', 'w.db', 'index', 'news'], d), 0, 'touch')
    check('0 changed' in out and '2 unchanged' in out, 'touched file unchanged', out)
    # --ext picks other endings.
    out, _ = expect(run(['--db', 'e.db', 'index', '--ext', 'csv', 'news'], d), 0, '--ext')
    check(out.startswith('indexed 1 files (1 new'), '--ext csv', out)


def case_env_db(d):
    res = run(['index', CORPUS], d, env={'WHOSAID_DB': os.path.join(d, 'env.db')})
    expect(res, 0, 'index with WHOSAID_DB')
    check(os.path.exists(os.path.join(d, 'env.db')), 'WHOSAID_DB used')
    check(not os.path.exists(os.path.join(d, 'whosaid.db')), 'default not used')
    expect(run(['stats'], d, env={'WHOSAID_DB': 'env.db'}), 0, 'stats via env')
    # --db wins over the environment.
    expect(run(['--db', 'env.db', 'stats'], d, env={'WHOSAID_DB': 'none.db'}), 0,
           '--db over env')


def case_default_db(d):
    expect(run(['index', CORPUS], d), 0, 'index default db')
    check(os.path.exists(os.path.join(d, 'whosaid.db')), './whosaid.db made')


# -------------------------------------------------------------- queries

def case_who_said(d):
    expect(index_corpus(d), 0, 'index')
    out, _ = expect(run(['--db', 'w.db', 'who-said', 'good', 'stage'], d), 0, 'who-said')
    check('We have reached a good stage' in out, 'quote text', out)
    check(STRAIGHT in out and CURLY in out, 'both sources listed', out)
    out, _ = expect(run(['--db', 'w.db', 'who-said', '--format', 'json',
                         'good stage'], d), 0, 'who-said json')
    rows = json.loads(out)
    check(len(rows) == 1, 'one statement for the quote in two articles', out)
    r = rows[0]
    check(r['docs'] == 2 and len(r['sources']) == 2, 'two documents', out)
    check(all(':' in s for s in r['sources']), 'file:line sources', out)
    if r['speaker'] is not None:
        check('Thani' in r['speaker'], 'speaker is the Qatari minister', out)
    # --all: every occurrence.
    out, _ = expect(run(['--db', 'w.db', 'who-said', '--all', '--format', 'jsonl',
                         'good stage'], d), 0, 'who-said --all')
    check(len(out.splitlines()) == 2, 'two occurrences', out)
    # Nothing found: exit 1, like grep.
    out, _ = expect(run(['--db', 'w.db', 'who-said', 'zebra', 'crossing'], d), 1,
                    'no match')
    # FTS syntax in the phrase is just text.
    expect(run(['--db', 'w.db', 'who-said', 'AND OR "NEAR('], d), 1, 'fts operators')


def case_quotes_statements(d):
    expect(index_corpus(d), 0, 'index')
    out, _ = expect(run(['--db', 'w.db', 'quotes', '--format', 'jsonl'], d), 0, 'quotes')
    rows = [json.loads(l) for l in out.splitlines()]
    direct = [r for r in rows if r['kind'] == 'direct']
    check(len(direct) >= 4, 'the direct quotes of corpus/', out)
    for r in direct:
        check(r['docs'] == 2, 'each statement in both articles: %s' % r['quote'], out)
    out2, _ = expect(run(['--db', 'w.db', 'quotes', '--all', '--format', 'jsonl'], d), 0,
                     'quotes --all')
    check(len(out2.splitlines()) == sum(r['occurrences'] for r in rows),
          '--all lists every occurrence', out2)
    out, _ = expect(run(['--db', 'w.db', 'quotes', '--limit', '1', '--format', 'json'], d),
                    0, 'limit')
    check(len(json.loads(out)) == 1, '--limit 1', out)
    # --limit stops early but lists the same statements, in the same order,
    # as the head of the full listing
    out, _ = expect(run(['--db', 'w.db', 'quotes', '--limit', '5', '--format', 'jsonl'], d),
                    0, 'limit 5')
    head = [json.loads(l) for l in out.splitlines()]
    check([r['statement'] for r in head] == [r['statement'] for r in rows[:5]],
          '--limit 5 is the head of the listing', out)
    check(len({r['statement'] for r in rows}) == len(rows), 'each statement listed once', out)
    out, _ = expect(run(['--db', 'w.db', 'quotes', '--doc',
                         os.path.join(CORPUS, CURLY), '--all', '--format', 'jsonl'], d),
                    0, '--doc')
    check(all(CURLY in json.loads(l)['path'] for l in out.splitlines()), '--doc filter', out)
    expect(run(['--db', 'w.db', 'quotes', '--doc', 'nowhere.txt'], d), 1, '--doc unknown')
    out, _ = expect(run(['--db', 'w.db', 'quotes', '--kind', 'direct', '--format', 'jsonl'],
                        d), 0, '--kind direct')
    check(all(json.loads(l)['kind'] == 'direct' for l in out.splitlines()), 'kind', out)


def case_quotes_by(d):
    expect(index_corpus(d), 0, 'index')
    res = run(['--db', 'w.db', 'quotes', '--by', 'amir-abdollahian'], d)
    check(res[0] in (0, 1), 'quotes --by exits 0 or 1', res)
    if res[0] == 0:
        check('more tense' in res[1], 'his quote', res[1])
    expect(run(['--db', 'w.db', 'quotes', '--by', 'Nobody Atall'], d), 1, 'unknown speaker')


def case_entities(d):
    expect(index_corpus(d), 0, 'index')
    out, _ = expect(run(['--db', 'w.db', 'entities'], d), 0, 'entities')
    check(out.splitlines()[0].split()[:5] == ['NAME', 'KIND', 'MENTIONS', 'DOCS', 'QUOTES'],
          'table header', out)
    check('Hamas' in out, 'Hamas listed', out)
    out, _ = expect(run(['--db', 'w.db', 'entities', '--format', 'json'], d), 0, 'json')
    rows = json.loads(out)
    counts = [r['mentions'] for r in rows]
    check(counts == sorted(counts, reverse=True), 'most mentioned first', out)
    check(all(r['docs'] >= 1 for r in rows), 'documents counted', out)
    out, _ = expect(run(['--db', 'w.db', 'entities', '--limit', '3', '--format', 'csv'], d),
                    0, 'csv')
    table = list(csv.reader(io.StringIO(out)))
    check(table[0][:3] == ['name', 'kind', 'mentions'] and len(table) == 4, 'csv rows', out)
    out, _ = expect(run(['--db', 'w.db', 'entities', '--format', 'tsv'], d), 0, 'tsv')
    lines = out.splitlines()
    check(all(l.count('\t') == lines[0].count('\t') for l in lines), 'tsv columns', out)
    res = run(['--db', 'w.db', 'entities', '--kind', 'person'], d)
    check(res[0] in (0, 1), 'kind filter runs', res)


def case_entity(d):
    expect(index_corpus(d), 0, 'index')
    out, _ = expect(run(['--db', 'w.db', 'entity', 'hamas'], d), 0, 'entity')
    check(out.startswith('Hamas ('), 'canonical name first', out)
    check(STRAIGHT in out and CURLY in out, 'documents listed', out)
    out, _ = expect(run(['--db', 'w.db', 'entity', '--format', 'json', 'HAMAS'], d), 0,
                    'entity json')
    obj = json.loads(out)
    check(obj['name'] == 'Hamas' and len(obj['documents']) == 2, 'entity object', out)
    check(sum(x['mentions'] for x in obj['documents']) == obj['mentions'], 'counts add up',
          out)
    # A table shows the first N documents and says how many it left out.
    out, _ = expect(run(['--db', 'w.db', 'entity', '--limit', '1', 'hamas'], d), 0,
                    'entity limit')
    check((STRAIGHT in out) != (CURLY in out), 'one document listed', out)
    check('and 1 more document (--limit 0 lists all)' in out, 'left out said', out)
    out, _ = expect(run(['--db', 'w.db', 'entity', '--limit', '1', '--format', 'json',
                         'hamas'], d), 0, 'entity json limit')
    obj = json.loads(out)
    check(len(obj['documents']) == 1 and obj['docs'] == 2, 'json limit', out)
    _, err = expect(run(['--db', 'w.db', 'entity', 'Nobody', 'Atall'], d), 1, 'unknown')
    check("no entity named 'Nobody Atall'" in err, 'message', err)


def case_stats(d):
    expect(index_corpus(d), 0, 'index')
    out, _ = expect(run(['--db', 'w.db', 'stats'], d), 0, 'stats')
    for word in ('documents', 'entities', 'mentions', 'quotes', 'with speaker', 'database'):
        check(word in out, 'stats shows ' + word, out)
    out, _ = expect(run(['--db', 'w.db', 'stats', '--format', 'json'], d), 0, 'json')
    s = json.loads(out)[0]
    check(s['documents'] == 2 and s['quotes'] > 0 and s['db_bytes'] > 0, 'stats values', out)
    check(0 <= s['speaker_share'] <= 1, 'share', out)


def case_extract(d):
    out, _ = expect(run(['extract', os.path.join(CORPUS, STRAIGHT)], d), 0, 'extract')
    obj = json.loads(out)
    check(set(obj) == {'path', 'quotes', 'entities', 'meta'}, 'extract keys', out)
    check(obj['meta']['format'] == 'txt', 'extract meta format', out)
    q = obj['quotes'][0]
    for k in ('start', 'end', 'text', 'kind', 'speaker', 'speaker_start', 'speaker_end', 'cue'):
        check(k in q, 'quote field ' + k, out)
    check(not os.path.exists(os.path.join(d, 'whosaid.db')), 'extract uses no database')


def case_extract_jsonl_dump(d):
    with open(os.path.join(d, 'dump.jsonl'), 'w', encoding='utf-8') as f:
        f.write('{"text": "Jane Doe said \\"the port reopens\\" in Lagos.", '
                '"title": "Port", "date": "2024-05-02", "source": "City Daily"}\n')
        f.write('{"text": "Rana Haddad said \\"the ferry is late\\" on Monday.", '
                '"url": "https://x.example/ferry"}\n')
        f.write('this line is not JSON\n')
        f.write('{"headline": "no text here"}\n')
    rc, out, err = run(['extract', '--format', 'jsonl', 'dump.jsonl'], d)
    check(rc == 3, 'a dump with bad lines exits 3, got %d' % rc, err)
    objs = [json.loads(l) for l in out.splitlines()]
    check([o['path'] for o in objs] == ['dump.jsonl#1', 'dump.jsonl#2'],
          'each line its own document', out)
    check(objs[0]['meta']['published'] == '2024-05-02' and
          objs[0]['meta']['outlet'] == 'City Daily' and
          objs[0]['meta']['format'] == 'jsonl', 'jsonl meta', out)
    check(objs[1]['meta']['url'] == 'https://x.example/ferry', 'jsonl url', out)
    check(objs[1]['quotes'] and objs[1]['quotes'][0]['text'] == 'the ferry is late',
          'offsets are into the text field', out)
    check('whosaid: dump.jsonl: line 3: not JSON' in err, 'bad line named', err)
    check('whosaid: dump.jsonl: line 4: no text field' in err and '--text-field' in err,
          'missing text field named', err)
    # The field can be named.
    with open(os.path.join(d, 'api.jsonl'), 'w', encoding='utf-8') as f:
        f.write('{"story": {"body": "Ana said \\"yes\\"."}, "when": "2024-01-09"}\n')
    out, _ = expect(run(['extract', '--text-field', 'story.body', '--date-field',
                         'when', 'api.jsonl'], d), 0, 'field options')
    check(json.loads(out)['meta']['published'] == '2024-01-09', 'date field', out)


def case_extract_encodings(d):
    with open(os.path.join(d, 'legacy.txt'), 'wb') as f:
        f.write(b'The mayor said \x93we are ready\x94 on Monday.\n')
    rc, out, err = run(['extract', 'legacy.txt'], d)
    check(rc == 3 and 'legacy.txt: invalid UTF-8 at byte 15' in err and
          '--encoding' in err, 'legacy file without --encoding', err)
    out, _ = expect(run(['extract', '--encoding', 'windows-1252', 'legacy.txt'], d),
                    0, 'windows-1252')
    q = json.loads(out)['quotes']
    check(q and q[0]['text'] == 'we are ready', 'curly quotes decoded', out)
    _, err = expect(run(['extract', '--encoding', 'no-such-code', 'legacy.txt'], d),
                    2, 'unknown encoding')
    check("unknown encoding 'no-such-code'" in err, 'encoding named', err)
    out, _ = expect(run(['index', '--encoding', 'windows-1252', 'legacy.txt'], d),
                    0, 'index reads through --encoding')
    check('1 quotes' in out, 'the decoded quote is indexed', out)
    _, err = expect(run(['index', '--encoding', 'no-such-code', 'legacy.txt'], d),
                    2, 'index: unknown encoding')


def case_extract_html_and_front_matter(d):
    with open(os.path.join(d, 'page.html'), 'w', encoding='utf-8') as f:
        f.write('<html><head><title>Port news</title>'
                '<meta property="og:site_name" content="Harbour Herald"></head>'
                '<body><nav>Home</nav><article><p>The harbour master said '
                '&ldquo;the cranes arrive in May&rdquo; on Monday.</p></article>'
                '</body></html>')
    out, _ = expect(run(['extract', 'page.html'], d), 0, 'html')
    o = json.loads(out)
    check(o['meta']['outlet'] == 'Harbour Herald' and o['meta']['format'] == 'html',
          'html meta', out)
    check(o['quotes'] and o['quotes'][0]['text'] == 'the cranes arrive in May',
          'html quote', out)
    md = ('---\ntitle: Ferry\ndate: 2024-02-11\n---\n'
          'The captain said "the ferry runs daily" at noon.\n')
    with open(os.path.join(d, 'ferry.md'), 'w', encoding='utf-8') as f:
        f.write(md)
    out, _ = expect(run(['extract', 'ferry.md'], d), 0, 'md')
    o = json.loads(out)
    q = o['quotes'][0]
    check(md.encode()[q['start']:q['end']] == b'the ferry runs daily' and q['line'] == 5,
          'front matter: offsets and lines are the file\'s', out)
    check(o['meta']['title'] == 'Ferry', 'front matter title', out)


def case_extract_jobs(d):
    # Articles composed for this test, each with its own speaker, and two
    # bad files among them: --jobs N prints the same bytes in the same
    # order as one job, errors included.
    files = []
    for i in range(40):
        p = os.path.join(d, 'a%02d.txt' % i)
        with open(p, 'w') as f:
            f.write('Officials met on Monday.\n\n"We will build %d bridges '
                    'this year," said Mayor Anna Berg%d.\n' % (i, i))
        files.append(p)
    bad = os.path.join(d, 'bad.txt')
    with open(bad, 'wb') as f:
        f.write(b'ok\n\xff\n')
    files[7:7] = [bad, os.path.join(d, 'missing.txt')]
    one = run(['extract'] + files, d)
    expect(one, 3, 'extract, one job')
    check(one[1].count('\n') == 40, 'one line per good file', one[1])
    check(one[2].index('bad.txt') < one[2].index('missing.txt'), 'errors in order', one[2])
    for jobs in ('2', '3', '64'):
        many = run(['extract', '--jobs', jobs] + files, d)
        check(many == one, 'extract --jobs %s is byte-identical to one job' % jobs,
              many[2][:500])
    expect(run(['extract', '--jobs', '0', files[0]], d), 2, 'extract --jobs 0')


def case_jobs_same_answers(d):
    # One thread or three: the same database, table by table (dbdump.py
    # prints every answer without row ids).  Composed articles repeat a
    # statement word for word and nearly so across documents, and name
    # people in full and by surname, so identity across documents and
    # "one statement, many sources" are both exercised.
    import random
    rnd = random.Random(7)
    names = ['Karim Haddad', 'Lena Ortiz', 'Tomas Brandt', 'Ama Mensah']
    words = 'the plan will cut costs for families across the region next year'.split()
    src = os.path.join(d, 'in')
    os.makedirs(src)
    for i in range(120):
        n = names[i % 4]
        w = list(words)
        w[rnd.randrange(len(w))] = rnd.choice(['soon', 'many', 'small', 'farms'])
        body = ('%s, the minister, spoke in the capital on Monday.\n\n'
                '"%s," said %s.\n\n"We expect %d new schools," %s said.\n'
                % (n, ' '.join(w).capitalize(), n.split()[1], i % 9, n.split()[1]))
        with open(os.path.join(src, 'a%03d.txt' % i), 'w') as f:
            f.write(body)
    dumps = []
    for jobs in ('1', '3'):
        db = os.path.join(d, 'j%s.db' % jobs)
        expect(run(['--db', db, 'index', '--jobs', jobs, src], d), 0, 'index --jobs ' + jobs)
        out = subprocess.run([sys.executable, DBDUMP, db], capture_output=True, check=True)
        dumps.append(out.stdout.decode('utf-8'))
    check('karim haddad' in dumps[0] and "'schools'" not in dumps[0], 'dump lists entities', dumps[0][:2000])
    check(dumps[0] == dumps[1], 'index --jobs 1 and --jobs 3 store the same answers')


def case_no_database(d):
    _, err = expect(run(['--db', 'none.db', 'quotes'], d), 4, 'query without db')
    check('no database at none.db' in err, 'message', err)
    check(not os.path.exists(os.path.join(d, 'none.db')), 'query creates nothing')


# ------------------------------------------------------------ bad input

def case_bad_files(d):
    src = os.path.join(d, 'in')
    os.makedirs(os.path.join(src, 'sub'))
    w = lambda name, data: open(os.path.join(src, name), 'wb').write(data)
    w('empty.txt', b'')
    w('binary.txt', b'abc\x00def')
    w('badutf8.txt', b'first line\nsecond \xff line\n')
    w('good.txt', 'Jane Doe said "this article is fine" in Paris.\n'.encode())
    # 50 MB on one line, with a name now and then.
    chunk = ('the talks went on and on for hours without any result ' * 18 +
             'Jane Doe ').encode()
    with open(os.path.join(src, 'oneline.txt'), 'wb') as f:
        left = 50 * 1024 * 1024
        while left > 0:
            f.write(chunk[:left])
            left -= len(chunk)
    os.symlink('selfloop.txt', os.path.join(src, 'selfloop.txt'))
    os.symlink('..', os.path.join(src, 'sub', 'up'))
    t0 = time.time()
    out, err = expect(run(['--db', 'w.db', 'index', 'in', 'missing-folder'], d, timeout=300),
                      3, 'index with bad files')
    took = time.time() - t0
    check(took < 240, '50 MB line indexed in reasonable time (%.0f s)' % took)
    check('in/empty.txt: empty file' in err, 'empty file named', err)
    check('in/binary.txt: ' in err and 'byte 3' in err, 'NUL byte offset', err)
    check('in/badutf8.txt: invalid UTF-8 at byte 18 (line 2)' in err, 'UTF-8 offset+line', err)
    check('in/selfloop.txt: symbolic link loop' in err, 'symlink loop', err)
    check('in/sub/up: symbolic link loop' in err, 'folder loop', err)
    check('missing-folder: No such file or directory' in err, 'missing path', err)
    check('whosaid: 5 files could not be indexed' in err, 'failure count', err)
    check(out.startswith('indexed 2 files (2 new'), 'good files indexed', out)
    db = sqlite3.connect(os.path.join(d, 'w.db'))
    paths = sorted(os.path.basename(r[0]) for r in db.execute('SELECT path FROM documents'))
    check(paths == ['good.txt', 'oneline.txt'], 'stored documents', paths)
    check(db.execute('PRAGMA integrity_check').fetchone()[0] == 'ok', 'integrity')
    db.close()
    # A file that goes bad is dropped from the index, not left stale.
    w('good.txt', b'now \x00 binary')
    out, err = expect(run(['--db', 'w.db', 'index', 'in'], d, timeout=300), 3, 'goes bad')
    check('in/good.txt: ' in err, 'names the file', err)
    db = sqlite3.connect(os.path.join(d, 'w.db'))
    check(db.execute('SELECT count(*) FROM documents').fetchone()[0] == 1, 'stale row gone')
    db.close()


def case_unreadable(d):
    if IS_ROOT and not NOCAPS:
        return 'SKIP root without setpriv'
    src = os.path.join(d, 'in')
    os.makedirs(src)
    open(os.path.join(src, 'secret.txt'), 'w').write('Jane Doe said "hidden words here".\n')
    open(os.path.join(src, 'open.txt'), 'w').write('Jane Doe said "open words here".\n')
    os.chmod(os.path.join(src, 'secret.txt'), 0)
    out, err = expect(run(['--db', 'w.db', 'index', 'in'], d, prefix=NOCAPS), 3, 'unreadable')
    check('in/secret.txt: Permission denied' in err, 'message', err)
    check(out.startswith('indexed 1 files (1 new'), 'other file indexed', out)
    # A folder that cannot be read keeps what was indexed from it.
    sub = os.path.join(src, 'locked')
    os.makedirs(sub)
    open(os.path.join(sub, 'kept.txt'), 'w').write('Jane Doe said "kept words".\n')
    expect(run(['--db', 'w.db', 'index', 'in'], d, prefix=NOCAPS), 3, 'index locked')
    os.chmod(sub, 0)
    try:
        out, err = expect(run(['--db', 'w.db', 'index', 'in'], d, prefix=NOCAPS), 3,
                          'locked folder')
    finally:
        os.chmod(sub, 0o755)
    check('in/locked: Permission denied' in err, 'names the folder', err)
    check('0 removed' in out, 'nothing under it removed', out)


def case_bad_databases(d):
    # A folder that does not exist.
    _, err = expect(run(['--db', 'no/such/dir/w.db', 'index', CORPUS], d), 4, 'missing dir')
    check('folder no/such/dir does not exist' in err, 'names the folder', err)
    # Not SQLite: refused and untouched.
    junk = os.path.join(d, 'junk.db')
    data = b'this is a text file, not a database\n' * 100
    open(junk, 'wb').write(data)
    _, err = expect(run(['--db', 'junk.db', 'index', CORPUS], d), 4, 'not sqlite')
    check('junk.db: not a whosaid database' in err, 'message', err)
    check(open(junk, 'rb').read() == data, 'left untouched')
    expect(run(['--db', 'junk.db', 'stats'], d), 4, 'query on junk')
    # SQLite, but another program's.
    other = os.path.join(d, 'other.db')
    db = sqlite3.connect(other)
    db.execute('CREATE TABLE notes(x)')
    db.commit()
    db.close()
    before = open(other, 'rb').read()
    _, err = expect(run(['--db', 'other.db', 'index', CORPUS], d), 4, 'other sqlite')
    check('another program' in err, 'message', err)
    check(open(other, 'rb').read() == before, 'other db untouched')
    # From a newer whosaid.
    expect(index_corpus(d, 'new.db'), 0, 'index')
    db = sqlite3.connect(os.path.join(d, 'new.db'))
    db.execute('PRAGMA user_version = 999')
    db.commit()
    db.close()
    _, err = expect(run(['--db', 'new.db', 'quotes'], d), 4, 'newer schema')
    check('newer whosaid' in err, 'message', err)
    # From an older whosaid: refused untouched, with what to do.
    expect(index_corpus(d, 'old.db'), 0, 'index')
    db = sqlite3.connect(os.path.join(d, 'old.db'))
    db.execute('PRAGMA user_version = 1')
    db.commit()
    db.close()
    before = open(os.path.join(d, 'old.db'), 'rb').read()
    _, err = expect(run(['--db', 'old.db', 'index', CORPUS], d), 4, 'older schema')
    check('older whosaid' in err and "run 'whosaid index' again" in err, 'message', err)
    check(open(os.path.join(d, 'old.db'), 'rb').read() == before, 'old db untouched')


def case_readonly_database(d):
    if IS_ROOT and not NOCAPS:
        return 'SKIP root without setpriv'
    expect(index_corpus(d, 'ro.db'), 0, 'index')
    os.chmod(os.path.join(d, 'ro.db'), 0o444)
    _, err = expect(run(['--db', 'ro.db', 'index', CORPUS], d, prefix=NOCAPS), 4, 'ro index')
    check('ro.db: database is read-only' in err, 'message', err)
    out, _ = expect(run(['--db', 'ro.db', 'who-said', 'good stage'], d, prefix=NOCAPS), 0,
                    'queries still work on a read-only database')
    check('good stage' in out, 'answer', out)


def case_interrupt(d):
    src = os.path.join(d, 'many')
    text = open(os.path.join(CORPUS, STRAIGHT), encoding='utf-8').read()
    for i in range(1500):
        sub = os.path.join(src, '%02d' % (i // 100))
        os.makedirs(sub, exist_ok=True)
        with open(os.path.join(sub, 'a%04d.txt' % i), 'w', encoding='utf-8') as f:
            f.write('Story %d.\n\n%s\n' % (i, text))
    e = dict(os.environ)
    e.pop('WHOSAID_DB', None)
    p = subprocess.Popen([WS, '--db', 'w.db', 'index', 'many'], cwd=d,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(0.5)
    p.send_signal(signal.SIGINT)
    out, err = p.communicate(timeout=120)
    check(p.returncode in (0, 130), "interrupted exit %d" % p.returncode, err)
    note = "exit %d" % p.returncode
    if p.returncode == 130:
        check('interrupted' in err.decode(), 'says so', err)
    db = sqlite3.connect(os.path.join(d, 'w.db'))
    check(db.execute('PRAGMA integrity_check').fetchone()[0] == 'ok', 'integrity')
    check(db.execute('PRAGMA foreign_key_check').fetchall() == [], 'foreign keys')
    n = db.execute('SELECT count(*) FROM documents').fetchone()[0]
    q = db.execute('SELECT count(*) FROM quotes').fetchone()[0]
    # Every stored document's quote is found through the full-text index
    # (one entry per distinct text: the copies share it).
    fts = db.execute("SELECT count(*) FROM quotes_fts f JOIN quotes q ON q.text_id = "
                     "f.rowid WHERE quotes_fts MATCH 'stage'").fetchone()[0]
    db.close()
    check(fts == n, 'fts in sync with documents (%d vs %d)' % (fts, n))
    check_consistent(os.path.join(d, 'w.db'))
    out, _ = expect(run(['--db', 'w.db', 'index', 'many'], d, timeout=300), 0, 'resume')
    check(('%d unchanged' % n) in out, 'resume keeps committed work', out)
    # Two ^C end the process at once, mid-transaction: still consistent.
    for f in os.listdir(os.path.join(src, '03')):
        with open(os.path.join(src, '03', f), 'a') as fh:
            fh.write('\nMore: Jane Doe said "again".\n')
    shutil.rmtree(os.path.join(src, '04'))
    p = subprocess.Popen([WS, '--db', 'w.db', 'index', 'many'], cwd=d,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(0.3)
    p.send_signal(signal.SIGINT)
    time.sleep(0.02)
    p.send_signal(signal.SIGINT)
    p.communicate(timeout=120)
    check_consistent(os.path.join(d, 'w.db'))
    expect(run(['--db', 'w.db', 'index', 'many'], d, timeout=300), 0, 'resume again')
    check_consistent(os.path.join(d, 'w.db'))
    return note + ', %d documents committed' % n


def case_killed(d):
    """kill -9 mid-run, twice (once while replacing documents): the
    database holds whole batches only, and a new run completes it."""
    src = os.path.join(d, 'many')
    text = open(os.path.join(CORPUS, STRAIGHT), encoding='utf-8').read()
    for i in range(1500):
        sub = os.path.join(src, '%02d' % (i // 100))
        os.makedirs(sub, exist_ok=True)
        with open(os.path.join(sub, 'a%04d.txt' % i), 'w', encoding='utf-8') as f:
            f.write('Story %d.\n\n%s\n' % (i, text))
    notes = []
    for round_ in range(2):
        p = subprocess.Popen([WS, '--db', 'w.db', 'index', 'many'], cwd=d,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        time.sleep(0.1 + 0.2 * round_)
        alive = p.poll() is None
        p.send_signal(signal.SIGKILL)
        p.communicate(timeout=120)
        check_consistent(os.path.join(d, 'w.db'))
        db = sqlite3.connect(os.path.join(d, 'w.db'))
        schema = db.execute('SELECT count(*) FROM sqlite_schema').fetchone()[0]
        notes.append('%d%s' % (db.execute('SELECT count(*) FROM documents').fetchone()[0]
                               if schema else 0,
                               '' if alive else ' (done before the kill)'))
        db.close()
        out, _ = expect(run(['--db', 'w.db', 'index', 'many'], d, timeout=300), 0,
                        'run after kill')
        check_consistent(os.path.join(d, 'w.db'))
        db = sqlite3.connect(os.path.join(d, 'w.db'))
        check(db.execute('SELECT count(*) FROM documents').fetchone()[0] == 1500,
              'all documents after the next run')
        check(db.execute("SELECT count(*) FROM quotes_fts f JOIN quotes q ON "
                         "q.text_id = f.rowid WHERE quotes_fts MATCH 'stage'"
                         ).fetchone()[0] == 1500, 'every copy found by full text')
        db.close()
        # The second round replaces documents: new words in every file.
        for sub in os.listdir(src):
            for f in os.listdir(os.path.join(src, sub)):
                with open(os.path.join(src, sub, f), 'a') as fh:
                    fh.write('\nLater Jane Doe said "round %d".\n' % round_)
    return '%s documents committed when killed' % '/'.join(map(str, notes))


# --------------------------------------------------------- hostile input

def shell(cmd, cwd, timeout=120, preexec=None):
    """Runs a bash command line; returns (rc, stdout bytes, stderr str)."""
    e = dict(os.environ)
    e.pop('WHOSAID_DB', None)
    e['WS'] = WS
    p = subprocess.run(['bash', '-c', cmd], cwd=cwd, env=e, capture_output=True,
                       timeout=timeout, preexec_fn=preexec)
    return p.returncode, p.stdout, p.stderr.decode('utf-8')


def write_quotes(folder, n_files, per_file=2, words=''):
    """n_files articles, each with per_file quotes by Jane Doe."""
    os.makedirs(folder, exist_ok=True)
    for i in range(n_files):
        with open(os.path.join(folder, 'a%05d.txt' % i), 'w') as f:
            for k in range(per_file):
                f.write('Jane Doe said "article %d makes point %d %s".\n\n'
                        % (i, k, words))


def dump(dbpath):
    """Every row of the database, as SQL text (to compare two states)."""
    db = sqlite3.connect(dbpath)
    rows = list(db.iterdump())
    db.close()
    return rows


def case_special_files(d):
    src = os.path.join(d, 'in')
    os.makedirs(src)
    open(os.path.join(src, 'good.txt'), 'w').write('Jane Doe said "a good file here".\n')
    os.mkfifo(os.path.join(src, 'fifo.txt'))
    import socket
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(os.path.join(src, 'sock.txt'))
    os.symlink('/dev/null', os.path.join(src, 'null.txt'))
    os.symlink('/dev/zero', os.path.join(src, 'zero.txt'))
    try:
        out, err = expect(run(['--db', 'w.db', 'index', 'in'], d, timeout=60), 3,
                          'index special files')
        for name, what in (('fifo', 'a FIFO'), ('sock', 'a socket'),
                           ('null', 'a device'), ('zero', 'a device')):
            check('whosaid: in/%s.txt: not a regular file (%s), skipped' % (name, what)
                  in err, name + ' named', err)
        check('4 files could not be indexed' in err, 'counted', err)
        check(out.startswith('indexed 1 files (1 new'), 'good file indexed', out)
        # Named on the command line, and given to extract: no hang either.
        _, err = expect(run(['--db', 'w.db', 'index', 'in/fifo.txt', 'in/zero.txt'], d,
                            timeout=60), 3, 'index a FIFO by name')
        check('in/fifo.txt: not a regular file (a FIFO)' in err, 'fifo by name', err)
        _, err = expect(run(['extract', 'in/fifo.txt', 'in/zero.txt'], d, timeout=60), 3,
                        'extract a FIFO')
        check('in/fifo.txt: not a regular file' in err and
              'in/zero.txt: not a regular file' in err, 'extract names them', err)
    finally:
        sock.close()


def case_odd_file_names(d):
    src = os.path.join(d, 'in')
    os.makedirs(src)
    names = {b'new\nline.txt': 'in/new\\nline.txt', b'tab\there.txt': 'in/tab\\there.txt',
             b'caf\xe9.txt': 'in/caf\\xe9.txt', b'back\\slash.txt': 'in/back\\\\slash.txt'}
    for i, name in enumerate(names):
        with open(os.path.join(os.fsencode(src), name), 'w') as f:
            f.write('Tom Roe said "%s".\n' % ['the first name is odd', 'a tab in the name',
                                               'latin one bytes', 'a backslash too'][i])
    with open(os.path.join(os.fsencode(src), b'bad\n\xff.txt'), 'wb') as f:
        f.write(b'nul \x00 byte')
    # run() decodes stdout and stderr as UTF-8: an unescaped name fails it.
    out, err = expect(run(['--db', 'w.db', 'index', 'in'], d), 3, 'index odd names')
    check('whosaid: in/bad\\n\\xff.txt: ' in err, 'message escapes the name', err)
    out, _ = expect(run(['--db', 'w.db', 'quotes', '--limit', '0'], d), 0, 'quotes')
    for shown in names.values():
        check(shown + ':1' in out, 'listing escapes ' + shown, out)
    check(len(out.splitlines()) == 1 + len(names), 'one line a quote', out)
    out, _ = expect(run(['--db', 'w.db', 'quotes', '--all', '--format', 'json'], d), 0,
                    'json')
    paths = sorted(q['path'] for q in json.loads(out))
    check(paths == sorted(names.values()), 'json paths escaped', paths)
    out, _ = expect(run(['--db', 'w.db', 'entity', 'Tom Roe'], d), 0, 'entity docs')
    check('in/new\\nline.txt' in out, 'entity documents escaped', out)


def case_deep_folders(d):
    parts = ['d%d' % i for i in range(200)]
    deep = os.path.join(d, 'in', *parts)
    os.makedirs(deep)
    open(os.path.join(deep, 'deep.txt'), 'w').write('Jane Doe said "two hundred down".\n')
    out, err = expect(run(['--db', 'w.db', 'index', 'in'], d, timeout=60), 0, '200 folders')
    check(out.startswith('indexed 1 files (1 new'), 'deep file indexed', out + err)
    out, _ = expect(run(['--db', 'w.db', 'who-said', 'two hundred down'], d), 0, 'found')
    # Deeper than the walk follows: said, and nothing else lost.
    deeper = os.path.join(d, 'in', *parts, *['e%d' % i for i in range(100)])
    os.makedirs(deeper)
    open(os.path.join(deeper, 'x.txt'), 'w').write('Jane Doe said "too far down".\n')
    out, err = expect(run(['--db', 'w.db', 'index', 'in'], d, timeout=60), 0, '300 folders')
    check('folders nested too deep, skipped' in err, 'too deep named', err)
    check('0 removed' in out, 'nothing removed', out)


def case_file_changing_while_read(d):
    import threading
    src = os.path.join(d, 'in')
    write_quotes(src, 50)
    big = os.path.join(src, 'big.txt')
    body = ('Jane Doe said "the big file grows and shrinks".\n\n' * 40000).encode()
    stop = threading.Event()

    def churn():
        k = 0
        while not stop.is_set():
            with open(big, 'wb') as f:   # truncated, then rewritten in pieces
                for j in range(0, len(body), 65536):
                    f.write(body[j:j + 65536])
                    if stop.is_set():
                        break
            if k % 3 == 0:
                os.truncate(big, len(body) // 3)
            k += 1

    open(big, 'wb').write(body)
    t = threading.Thread(target=churn)
    t.start()
    try:
        for _ in range(3):
            rc, out, err = run(['--db', 'w.db', 'index', 'in'], d, timeout=120)
            check(rc in (0, 3), 'index of a changing file: exit %d' % rc, err)
    finally:
        stop.set()
        t.join()
    check_consistent(os.path.join(d, 'w.db'))
    # Once the file holds still, an index run stores it as it is.
    open(big, 'wb').write(b'Jane Doe said "the file is still now".\n')
    expect(run(['--db', 'w.db', 'index', 'in'], d), 0, 'index settled file')
    expect(run(['--db', 'w.db', 'who-said', 'the file is still now'], d), 0, 'settled text')
    expect(run(['--db', 'w.db', 'who-said', 'grows and shrinks'], d), 1, 'old text gone')
    check_consistent(os.path.join(d, 'w.db'))


def case_closed_pipe(d):
    # Quotes worded apart (seeded random words), so that no two fold into
    # one statement and every listing is far larger than a pipe's buffer:
    # the reader is gone before whosaid has written it all.
    rnd = random.Random(7)
    os.makedirs(os.path.join(d, 'in'))
    for i in range(300):
        with open(os.path.join(d, 'in', 'a%05d.txt' % i), 'w') as f:
            for k in range(20):
                w = ' '.join(''.join(rnd.choice('abcdefghijklmnoprstuvw')
                                     for _ in range(7)) for _ in range(8))
                f.write('Jane Doe said "article %d says %s".\n\n' % (i, w))
    expect(run(['--db', 'w.db', 'index', 'in'], d), 0, 'index')
    # As grep does when its reader is gone: killed by SIGPIPE, quietly.
    rc, _, err = shell('seq 1 2000000 | grep 1 | head -1 >/dev/null; '
                       'echo ${PIPESTATUS[1]} >grep.rc', d)
    grep_rc = int(open(os.path.join(d, 'grep.rc')).read())
    for cmd in ('quotes --limit 0', 'quotes --all --limit 0 --format jsonl',
                'who-said article --limit 0'):
        rc, out, err = shell('"$WS" --db w.db %s | head -1 >/dev/null; '
                             'echo ${PIPESTATUS[0]} >ws.rc' % cmd, d)
        ws_rc = int(open(os.path.join(d, 'ws.rc')).read())
        check(err == '', cmd + ' | head -1 is quiet', err)
        check(ws_rc == grep_rc, '%s | head -1: exit %d, grep gives %d' % (cmd, ws_rc, grep_rc))
    # With SIGPIPE ignored, the write fails with EPIPE: still quiet and
    # not a success.
    rc, out, err = shell('"$WS" --db w.db quotes --limit 0 | head -1 >/dev/null; '
                         'echo ${PIPESTATUS[0]} >ws.rc', d,
                         preexec=lambda: signal.signal(signal.SIGPIPE, signal.SIG_IGN))
    ws_rc = int(open(os.path.join(d, 'ws.rc')).read())
    check(err == '' and ws_rc != 0, 'EPIPE: quiet, exit %d' % ws_rc, err)


def case_output_to_full_disk(d):
    expect(index_corpus(d), 0, 'index')
    for cmd in (['quotes'], ['entities'], ['stats'], ['entity', 'Haniyeh'],
                ['extract', os.path.join(CORPUS, CURLY)], ['--help']):
        rc, _, err = shell('"$WS" --db w.db %s >/dev/full'
                           % ' '.join("'%s'" % c for c in cmd), d)
        check(rc != 0, ' '.join(cmd) + ' >/dev/full: exit %d, not 0' % rc, err)
        check('whosaid: error writing output: No space left on device' in err,
              ' '.join(cmd) + ' >/dev/full says so', err)


def case_fts_syntax_in_who_said(d):
    expect(index_corpus(d), 0, 'index')
    for phrase in ('"', '""', 'AND', 'Haniyeh AND', 'NEAR(', 'NEAR(a b', '*',
                   'Hani*', 'OR NOT', '(', ')', 'col:x', '^x', 'a -x', '+', "'",
                   'x"y', '\u201cquoted\u201d', 'a' * 600):
        rc, out, err = run(['--db', 'w.db', 'who-said', phrase], d)
        if phrase.strip('"') == '':
            check(rc == 2 and 'empty search phrase' in err, repr(phrase) + ' is empty', err)
            continue
        check(rc in (0, 1), 'who-said %r: exit %d' % (phrase[:20], rc), err)
        check(err == '' or rc == 1, 'no error message for %r' % phrase[:20], err)
    big = ' '.join(['Haniyeh'] + ['word%d' % i for i in range(12000)])  # ~100 KB
    check(len(big) > 100000, '100 KB phrase')
    rc, out, err = run(['--db', 'w.db', 'who-said', big], d, timeout=60)
    check(rc in (0, 1), '100 KB phrase: exit %d' % rc, err)
    # Bytes that are not UTF-8: a usage error naming the problem.
    rc, out, err = run(['--db', 'w.db', 'who-said', os.fsdecode(b'caf\xe9')], d)
    check(rc == 2 and 'search phrase is not valid UTF-8' in err, 'latin-1 phrase', err)
    rc, out, err = run(['--db', 'w.db', 'entity', os.fsdecode(b'Hani\xe9yeh')], d)
    check(rc == 2 and 'name is not valid UTF-8' in err, 'latin-1 name', err)


def case_bad_limits(d):
    expect(index_corpus(d), 0, 'index')
    for cmd in ('quotes', 'entities'):
        for v in ('-1', '1' * 30, '', '1e3', '0x10'):
            out, err = expect(run(['--db', 'w.db', cmd, '--limit', v], d), 2,
                              '%s --limit %r' % (cmd, v))
            check("--limit needs a number, not '%s'" % v in err, 'names the value', err)
            check(out == '', 'nothing on stdout', out)


def case_disk_fills_during_commit(d):
    if not IS_ROOT:
        return 'SKIP needs root to mount a small tmpfs'
    mnt = os.path.join(d, 'small')
    os.makedirs(mnt)
    if subprocess.run(['mount', '-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', mnt],
                      capture_output=True).returncode != 0:
        return 'SKIP mount -t tmpfs not allowed here'
    try:
        db = os.path.join(mnt, 'w.db')
        write_quotes(os.path.join(d, 'first'), 20)
        expect(run(['--db', db, 'index', 'first'], d), 0, 'first batch')
        before = dump(db)
        # The second batch needs more room than is left: 600 files of
        # distinct quotes, about 6 MB of index.
        write_quotes(os.path.join(d, 'second'), 600, per_file=20,
                     words='with many more distinct words about the matter')
        filler = os.path.join(mnt, 'filler')
        subprocess.run(['dd', 'if=/dev/zero', 'of=' + filler, 'bs=64k', 'count=20'],
                       capture_output=True)
        t0 = time.time()
        rc, out, err = run(['--db', db, 'index', 'second'], d, timeout=120)
        took = time.time() - t0
        check(rc == 4, 'disk full: exit %d, expected 4' % rc, out + err)
        check('database or disk is full' in err, 'says the disk is full', err)
        check_consistent(db)
        after = dump(db)
        if took < 2.5:  # one batch (index.c commits every 3 seconds)
            check(after == before, 'the database is as it was before the batch')
        else:
            check(after[:len(before)] == before or len(after) >= len(before),
                  'earlier batches kept')
        os.unlink(filler)
        subprocess.run(['umount', mnt], capture_output=True)
        subprocess.run(['mount', '-t', 'tmpfs', '-o', 'size=64m', 'tmpfs', mnt],
                       capture_output=True)
        return 'failed commit left the database unchanged (%.1f s)' % took
    finally:
        subprocess.run(['umount', mnt], capture_output=True)


# ------------------------------------------------------------ concurrency

def stats_of(d, db):
    rc, out, err = run(['--db', db, 'stats', '--format', 'json'], d)
    check(rc in (0, 1), 'stats while indexing: exit %d' % rc, err)  # 1: empty
    st = json.loads(out)
    return st[0] if isinstance(st, list) else st


def case_queries_during_index(d):
    # Each article has exactly two quotes: a reader that sees a document
    # sees both, whatever moment it reads.
    write_quotes(os.path.join(d, 'in'), 3000)
    p = subprocess.Popen([WS, '--db', 'w.db', 'index', 'in'], cwd=d,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    seen, last_docs = 0, 0
    try:
        while p.poll() is None or seen == 0:
            if not os.path.exists(os.path.join(d, 'w.db')):
                time.sleep(0.05)
                continue
            st = stats_of(d, 'w.db')
            docs, quotes = st['documents'], st['quotes']
            check(quotes == 2 * docs, 'stats saw half a document: %d docs, %d quotes'
                  % (docs, quotes))
            check(docs >= last_docs, 'documents only grow')
            last_docs = docs
            seen += 1
            if seen % 4:
                continue  # the full listing below is slower than stats
            rc, out, err = run(['--db', 'w.db', 'quotes', '--by', 'Jane Doe', '--all',
                                '--limit', '0', '--format', 'jsonl'], d)
            check(rc in (0, 1), 'quotes while indexing: exit %d' % rc, err)
            rows = [json.loads(l) for l in out.splitlines()]
            per_doc = {}
            for r in rows:
                per_doc[r['path']] = per_doc.get(r['path'], 0) + 1
            check(all(n == 2 for n in per_doc.values()), 'a reader saw half a document')
            rc, out, err = run(['--db', 'w.db', 'who-said', 'makes point'], d)
            check(rc in (0, 1), 'who-said while indexing: exit %d' % rc, err)
    finally:
        out, err = p.communicate(timeout=300)
    check(p.returncode == 0, 'index exit %d' % p.returncode, err)
    st = stats_of(d, 'w.db')
    check(st['documents'] == 3000 and st['quotes'] == 6000, 'all indexed', st)
    return '%d rounds of queries during the index' % seen


def case_two_indexers_at_once(d):
    write_quotes(os.path.join(d, 'a'), 1500)
    write_quotes(os.path.join(d, 'b'), 1500, words='from folder b')
    procs = [subprocess.Popen([WS, '--db', 'w.db', 'index', f], cwd=d,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for f in ('a', 'b')]
    results = [p.communicate(timeout=300) for p in procs]
    notes = []
    for f, p, (out, err) in zip('ab', procs, results):
        err = err.decode()
        check(p.returncode in (0, 4), 'second indexer: exit %d' % p.returncode, err)
        if p.returncode == 4:
            check('whosaid: ' in err and ('locked' in err or 'busy' in err or
                                          'another' in err), 'clear refusal', err)
            notes.append('%s refused' % f)
            expect(run(['--db', 'w.db', 'index', f], d), 0, 'rerun ' + f)
        else:
            notes.append('%s ok' % f)
    st = stats_of(d, 'w.db')
    check(st['documents'] == 3000 and st['quotes'] == 6000, 'nothing lost', st)
    check_consistent(os.path.join(d, 'w.db'))
    # A clean index of both folders gives the same answers.
    expect(run(['--db', 'clean.db', 'index', 'a', 'b'], d), 0, 'clean index')
    for args in (['quotes', '--all', '--limit', '0', '--format', 'jsonl'],
                 ['entities', '--limit', '0', '--format', 'jsonl']):
        got = sorted(run(['--db', 'w.db'] + args, d)[1].splitlines())
        want = sorted(run(['--db', 'clean.db'] + args, d)[1].splitlines())
        strip = lambda rows: sorted(re.sub(r'"(statement|quote|id)":\d+,?', '', r)
                                    for r in rows)
        check(strip(got) == strip(want), ' '.join(args[:1]) + ' as a clean index')
    return ', '.join(notes)


def main():
    """Runs the cases and reports in TAP (meson test counts subtests)."""
    cases = [(k, v) for k, v in sorted(globals().items()) if k.startswith('case_')]
    only = os.environ.get('CLI_CASE')
    if only:
        cases = [(k, v) for k, v in cases if only in k]
    print('1..%d' % len(cases))
    failed = 0
    for i, (name, fn) in enumerate(cases, 1):
        d = tempfile.mkdtemp(prefix='whosaid-cli-')
        t0 = time.time()
        try:
            note = fn(d)
            print('ok %d - %s (%.1fs)%s' % (i, name[5:], time.time() - t0,
                                            ' # ' + note if note else ''))
        except Exception as e:  # noqa: BLE001 - report every failure
            failed += 1
            msg = str(e) if isinstance(e, Fail) else traceback.format_exc()
            print('not ok %d - %s' % (i, name[5:]))
            print('\n'.join('# ' + l for l in msg.splitlines()))
        finally:
            shutil.rmtree(d, ignore_errors=True)
        sys.stdout.flush()
    print('# %d passed, %d failed' % (len(cases) - failed, failed))
    sys.exit(1 if failed else 0)


main()
