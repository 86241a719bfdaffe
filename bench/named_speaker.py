#!/usr/bin/env python3
"""bench/named_speaker.py - the "named speaker" figure of polnear_eval.py,
next to an honest "right entity" figure, and the misses sorted in groups.

polnear_eval.py counts a direct quote's speaker name as right when the name
contains the LAST capitalized word of the whole gold Source span.  For
sources with an apposition or a party tag ("Rep. Jane Doe (R-Utah)",
"John Roe, a professor at State University") that word is "utah" or
"university", which no canonical person name contains.  This script copies
the scorer's logic and also counts the speaker as the right entity when

  - the metric accepts it and the speaker is no place (the metric takes
    "Vermont" for "the Vermont senator"), or
  - the gold Source contains our speaker's family name (the last word of
    the canonical name, a whole word), or
  - our speaker mention overlaps the gold Source and our name shares a
    word of two letters or more with the Source's capitalized words.

Usage (from the repo root):
  python3 bench/named_speaker.py --split ../shared/data/polnear/train \
      --cmd "build/whosaid extract --format jsonl" [--misses N] [--groups]
"""
import argparse
import collections
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
# The scorer lives in ../shared/eval beside the checkout; SHARED overrides.
SHARED = os.environ.get('SHARED', os.path.join(HERE, '..', '..', 'shared'))
sys.path.insert(0, os.path.join(SHARED, 'eval'))
import polnear_eval as pe  # noqa: E402

PRONOUNS = {'he', 'she', 'i', 'we', 'they', 'it', 'you', 'who', 'which'}


def words(s):
    return re.findall(r"[\w'\u2019\-]+", s or '')


def family(name):
    w = [x for x in words(name) if x.lower() not in ('jr', 'sr', 'ii', 'iii')]
    return w[-1].lower() if w else None


def right_entity(src, name, mention_ok):
    if not name:
        return False
    fam = family(name)
    sw = {w.lower().replace('\u2019', "'") for w in words(src)}
    sw |= {re.sub(r"['\u2019]s$", '', w) for w in sw}
    if fam and fam.replace('\u2019', "'") in sw:
        return True
    if mention_ok:
        caps = {w.lower() for w in re.findall(r"[A-Z][\w'\-\u2019]*", src)}
        if any(len(w) > 1 and w.lower() in caps for w in words(name)):
            return True
    return False


def place_modifies(src, want):
    """1 when the Source's last capitalized word is a place that only
    modifies or locates the speaker: "the Vermont senator", "Paul Ryan of
    Wisconsin", "the senator from Vermont"."""
    toks = re.findall(r"[\w'\-\u2019.]+|[,()]", src)
    idx = [i for i, t in enumerate(toks) if t.lower().rstrip('.').startswith(want)]
    if not idx:
        return False
    i = idx[-1]
    if i + 1 < len(toks) and toks[i + 1][:1].islower():
        return True
    j = i - 1
    while j >= 0 and toks[j][:1].isupper():
        j -= 1
    return j >= 0 and toks[j].lower() in ('of', 'from', 'in')


# Nouns for a person named by role or by whom they work for: the name
# before them is not the speaker ("Sanders' campaign manager", "a Twitter
# spokesman", "the Vermont senator").
PERSON_HEADS = set('''aide aides adviser advisers advisor advisors veteran
staffer staffers supporter supporters ally allies friend confidant surrogate
lawyer lawyers attorney attorneys spokesman spokeswoman spokesperson
strategist pollster manager official officials operative insider donor
source sources senator governor congressman congresswoman businessman
businesswoman leader chairman chairwoman director executive member
members nominee candidate frontrunner front-runner hopeful'''.split())


def role_of(src, want):
    """1 when the Source's last capitalized word only modifies a role
    noun that is the speaker."""
    toks = re.findall(r"[\w\-.]+|['\u2019]s?|[,()]", src)
    idx = [i for i, t in enumerate(toks) if t.lower().rstrip('.').startswith(want)]
    if not idx:
        return False
    i = idx[-1] + 1
    if i < len(toks) and toks[i][:1] in ("'", '\u2019'):
        i += 1
    head = None
    while i < len(toks) and toks[i][:1].islower():
        head = toks[i].lower()
        i += 1
    return head in PERSON_HEADS


def group(g, q, src):
    """A coarse label for a miss: what we output as the speaker mention."""
    if q is None or q.get('speaker_start') is None:
        return 'no speaker'
    raw = g['text'].encode('utf-8')
    m = raw[q['speaker_start']:q['speaker_end']].decode('utf-8', 'replace')
    ml = m.lower()
    ok = pe.overlap(q['speaker_start'], q['speaker_end'], g['src'])
    where = 'mention ok' if ok else 'wrong mention'
    if ml in ('he', 'she'):
        return where + ': he/she'
    if ml in ('who', 'which'):
        return where + ': who'
    if ml in PRONOUNS:
        return where + ': other pronoun'
    if not q.get('speaker'):
        return where + ': unresolved ' + ('cap' if m[:1].isupper() else 'lower')
    if m[:1].isupper():
        return where + ': capitalized'
    return where + ': description'


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--split', required=True)
    ap.add_argument('--cmd')
    ap.add_argument('--jsonl')
    ap.add_argument('--misses', type=int, default=0,
                    help='print this many real misses (not the right entity) per group')
    ap.add_argument('--attr', action='store_true',
                    help='group the attribution misses (speaker mention not on the gold Source) too')
    args = ap.parse_args()
    gold = pe.load_gold(args.split)
    if args.jsonl:
        with open(args.jsonl, encoding='utf-8') as f:
            raw = f.read()
    else:
        raw = pe.run_command(args.cmd, [g['path'] for g in gold.values()])
    preds = pe.load_predictions(raw)
    # the kind of each canonical name, per document (a speaker "Vermont"
    # for "the Vermont senator" satisfies the metric but is a place)
    kinds = collections.defaultdict(dict)
    for line in raw.splitlines():
        if line.strip():
            obj = json.loads(line)
            base = os.path.splitext(os.path.basename(obj.get('path', '')))[0]
            for e in obj.get('entities') or []:
                kinds[base][e.get('canonical')] = e.get('kind')

    n = ok_metric = ok_entity = 0
    groups = collections.Counter()
    agroups = collections.Counter()
    examples = collections.defaultdict(list)
    aexamples = collections.defaultdict(list)
    for base, g in gold.items():
        for c in g['contents']:
            c.pop('hits', None)
        for q in preds.get(base, []):
            if q.get('kind') == 'reported':
                continue
            best, best_len = None, 0
            for c in g['contents']:
                L = pe.overlap_len(q['start'], q['end'], c['segs'])
                if L > best_len:
                    best, best_len = c, L
            if best is not None:
                best.setdefault('hits', []).append(q)
        for c in g['contents']:
            if not c['direct'] or not c.get('hits') or not c['source']:
                continue
            hits = c['hits']
            g['src'] = c['source']
            src = c['source_text']
            aok = any(q.get('speaker_start') is not None and
                      pe.overlap(q['speaker_start'], q['speaker_end'], c['source']) for q in hits)
            ctx = pe.context(g, c['segs'][0][0], c['segs'][-1][1], 100)
            if args.attr and not aok:
                q = hits[0]
                label = group(g, q, src)
                agroups[label] += 1
                m = None
                if q.get('speaker_start') is not None:
                    m = g['text'].encode('utf-8')[q['speaker_start']:q['speaker_end']].decode('utf-8', 'replace')
                aexamples[label].append('gold=%r got=%r @ %r :: %s' % (src, q.get('speaker'), m, ctx))
            want = pe.last_cap_word(src)
            if not want or src.lower() in ('he', 'she', 'i', 'we', 'they'):
                continue
            n += 1
            names = [(q.get('speaker') or '') for q in hits]
            hit = [s for s in names if want in s.lower().replace('\u2019', "'")]
            if hit:
                ok_metric += 1
                if ((all(kinds[base].get(s) == 'place' for s in hit) and
                     place_modifies(src, want)) or role_of(src, want)):
                    label = 'metric only (wrong entity: a place or employer)'
                    groups[label] += 1
                    examples[label].append('gold=%r got=%r' % (src, hit[0]))
                    continue
                ok_entity += 1
                continue
            right = False
            for q in hits:
                mok = q.get('speaker_start') is not None and pe.overlap(
                    q['speaker_start'], q['speaker_end'], c['source'])
                if right_entity(src, q.get('speaker'), mok):
                    right = True
            if right:
                ok_entity += 1
                groups['metric only (right entity)'] += 1
                continue
            q = hits[0]
            label = group(g, q, src)
            groups[label] += 1
            m = None
            if q.get('speaker_start') is not None:
                m = g['text'].encode('utf-8')[q['speaker_start']:q['speaker_end']].decode('utf-8', 'replace')
            examples[label].append('gold=%r got=%r @ %r :: %s' % (src, q.get('speaker'), m, ctx))

    r = lambda a, b: a / b if b else 0.0
    print('named speaker (metric)        %.3f (%d/%d)' % (r(ok_metric, n), ok_metric, n))
    print('named speaker (right entity)  %.3f (%d/%d)' % (r(ok_entity, n), ok_entity, n))
    print('named-speaker misses by group:')
    for k, v in groups.most_common():
        print('  %5d  %s' % (v, k))
    if args.attr:
        print('direct attribution misses by group:')
        for k, v in agroups.most_common():
            print('  %5d  %s' % (v, k))
    for k, lst in sorted(examples.items()):
        for e in lst[:args.misses]:
            print('NAME %-28s %s' % (k, e))
    if args.attr:
        for k, lst in sorted(aexamples.items()):
            for e in lst[:args.misses]:
                print('ATTR %-28s %s' % (k, e))


if __name__ == '__main__':
    main()
