#!/usr/bin/env python3
"""Prints what a whosaid database answers, without its row ids, in a
stable order, so that two databases built in different ways (one thread or
several, one writer or a merge of shards) can be compared with diff.

  python3 tests/dbdump.py DB > dump.txt

Sections: documents (path, size, counts), entities (name, key, kind,
totals, votes), aliases and roles (by entity key), mentions (per document:
entity key and span), doc_entities (entity key, document path, counts),
statements (key and sketch, with every occurrence: document path, span,
line, text, kind, speaker key, speaker span, cue), and a full-text search
check (the number of texts each of a few words finds)."""
import json
import sqlite3
import sys


def varints(blob):
    out, v, shift = [], 0, 0
    for b in blob or b'':
        v |= (b & 0x7f) << shift
        shift += 7
        if not b & 0x80:
            out.append(v)
            v, shift = 0, 0
    return out


def dump(path, f):
    db = sqlite3.connect('file:%s?mode=ro' % path, uri=True)
    ent = {i: k for i, k in db.execute('SELECT id, key FROM entities')}
    doc = {i: p for i, p in db.execute('SELECT id, path FROM documents')}
    f.write('# documents\n')
    for row in db.execute('SELECT path, size, hash, n_mentions, n_quotes, n_spoken,'
                          ' quote_hi - quote_lo + 1, mentions FROM documents ORDER BY path'):
        f.write('%s\n' % (row[:7],))
        v, prev_start, prev_line, ms = varints(row[7]), 0, 0, []
        for i in range(0, len(v) - 3, 4):
            prev_start += v[i + 1]
            prev_line += v[i + 3]
            ms.append((ent.get(v[i]), prev_start, prev_start + v[i + 2], prev_line))
        f.write('  mentions %s\n' % (ms,))
    f.write('# entities\n')
    for row in db.execute('SELECT key, name, kind, n_mentions, n_docs, n_quotes, votes_other,'
                          ' votes_person, votes_org, votes_place FROM entities ORDER BY key'):
        f.write('%s\n' % (row,))
    f.write('# aliases\n')
    for row in sorted(db.execute('SELECT e.key, a.name, a.key FROM aliases a'
                                 ' JOIN entities e ON e.id = a.entity')):
        f.write('%s\n' % (row,))
    f.write('# roles\n')
    for row in sorted(db.execute('SELECT e.key, r.role FROM roles r JOIN entities e ON e.id = r.entity')):
        f.write('%s\n' % (row,))
    f.write('# doc_entities\n')
    rows = [(ent.get(e), doc.get(d), m, q, k) for e, d, m, q, k in
            db.execute('SELECT entity, doc, n_mentions, n_quotes, kind FROM doc_entities')]
    for row in sorted(rows, key=repr):
        f.write('%s\n' % (row,))
    f.write('# statements\n')
    occ = {}
    for st, dpath, s, e, line, text, kind, spk, ss, se, cue in db.execute(
            'SELECT q.statement, q.doc, q.start, q.end, q.line, t.text, q.kind, q.speaker,'
            ' q.speaker_start, q.speaker_end, q.cue FROM quotes q JOIN texts t ON t.id = q.text_id'):
        occ.setdefault(st, []).append((doc.get(dpath), s, e, line, text, kind, ent.get(spk), ss, se, cue))
    stmts = []
    for i, key, sketch in db.execute('SELECT id, key, sketch FROM statements'):
        stmts.append((key, sketch, sorted(occ.pop(i, []), key=repr)))
    for key, sketch, o in sorted(stmts, key=repr):
        f.write('%r %s\n' % (key, sketch))
        for x in o:
            f.write('  %s\n' % (x,))
    f.write('# quotes without a statement: %d\n' % len(occ))
    f.write('# occurrences rows %d, texts %d, statement_grams %d\n' % tuple(
        db.execute('SELECT (SELECT count(*) FROM occurrences), (SELECT count(*) FROM texts),'
                   ' (SELECT count(*) FROM statement_grams)').fetchone()))
    f.write('# full text\n')
    for w in ('said', 'minister', 'people', 'government', 'not'):
        n = db.execute('SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH ?', (w,)).fetchone()[0]
        f.write('%s %d\n' % (w, n))


if __name__ == '__main__':
    dump(sys.argv[1], sys.stdout)
