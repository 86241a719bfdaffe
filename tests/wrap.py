#!/usr/bin/env python3
"""tests/wrap.py - hard-wrapped text reads as the same text unwrapped.

Takes the project's own fixtures (every sentence of the extraction tests,
tests/test_{quote,attrib,reported,entity}.c, and the articles of corpus/),
wraps each as a filler would (a greedy fill that turns the space at each
wrap point into a line break and keeps every line break and blank line of
the text), and runs `whosaid extract --format jsonl` on both.  A space
became a newline, so offsets are equal byte for byte: quotes, speakers,
cues, kinds and entities must be the same, apart from the "line" field and
the newline inside text fields.

Widths 72 (the e-mail and wire width) and 40, counted in bytes (as fold
does) and in code points (as fmt, textwrap and editors do).

A text too short to wrap at a width is left out at that width (the count
is printed).

  tests/wrap.py WHOSAID SOURCE_ROOT      (TAP on stdout)
"""
import json
import os
import re
import subprocess
import sys
import tempfile

FIXTURE_FILES = ['test_quote.c', 'test_attrib.c', 'test_reported.c',
                 'test_entity.c']
WIDTHS = [(72, 'bytes'), (72, 'cps'), (40, 'bytes'), (40, 'cps')]

# Adjacent C string literals (concatenated by the compiler) in a call.
LITERAL = re.compile(r'"((?:[^"\\\n]|\\.)*)"')
RUN = re.compile(r'(?:"(?:[^"\\\n]|\\.)*"\s*)+')


def unescape(body):
    out = bytearray()
    i = 0
    raw = body.encode('utf-8')
    while i < len(raw):
        c = raw[i]
        if c == 0x5C and i + 1 < len(raw):  # backslash
            n = chr(raw[i + 1])
            simple = {'n': b'\n', 't': b'\t', '"': b'"', '\\': b'\\',
                      "'": b"'", 'r': b'\r', '0': b'\0'}
            if n == 'x':
                m = re.match(rb'[0-9a-fA-F]+', raw[i + 2:])
                out.append(int(m.group(0), 16) & 0xFF)
                i += 2 + len(m.group(0))
                continue
            out += simple.get(n, raw[i + 1:i + 2])
            i += 2
            continue
        out.append(c)
        i += 1
    return bytes(out)


def already_wrapped(text):
    """A fixture that is hard-wrapped itself (two long lines of text in a
    row): filled again at another width it is no longer a greedy fill."""
    lines = text.split(b'\n')
    return any(len(a) >= 60 and len(b) >= 60 for a, b in zip(lines, lines[1:]))


def fixtures(root):
    """The sentences of the extraction tests: every run of string literals
    of at least six words, once each."""
    seen, texts = set(), []
    for name in FIXTURE_FILES:
        src = open(os.path.join(root, 'tests', name), encoding='utf-8').read()
        src = re.sub(r'/\*.*?\*/', ' ', src, flags=re.S)  # comments
        for m in RUN.finditer(src):
            text = b''.join(unescape(x) for x in LITERAL.findall(m.group(0)))
            if (b'\0' in text or b'|' in text or len(text.split()) < 6 or
                    text in seen or already_wrapped(text)):
                continue  # '|' joins the expected names
            try:
                text.decode('utf-8')
            except UnicodeDecodeError:
                continue  # the invalid-UTF-8 fixtures test something else
            seen.add(text)
            texts.append(('%s#%d' % (name, len(texts)), text))
    corpus = os.path.join(root, 'corpus')
    for name in sorted(os.listdir(corpus)):
        if name.endswith('.txt'):
            texts.append((name, open(os.path.join(corpus, name), 'rb').read()))
    return texts


def wrap(text, width, unit):
    """Greedy fill of every line of text at width; a wrap point's single
    space becomes a newline.  Returns (wrapped, number of breaks made)."""
    measure = len if unit == 'bytes' else (lambda b: len(b.decode('utf-8')))
    out, breaks = [], 0
    for line in text.split(b'\n'):
        words = line.split(b' ')
        col = measure(words[0])
        pieces = [words[0]]
        for w in words[1:]:
            if w and col > 0 and col + 1 + measure(w) > width:
                pieces.append(b'\n')
                breaks += 1
                col = measure(w)
            else:
                pieces.append(b' ')
                col += 1 + measure(w)
            pieces.append(w)
        out.append(b''.join(pieces))
    return b'\n'.join(out), breaks


def normal(rec):
    """A quote or entity record with the line number left out and the
    wrap newlines read as the spaces they were."""
    return {k: (v.replace('\n', ' ') if isinstance(v, str) else v)
            for k, v in rec.items() if k != 'line'}


def extract(exe, paths):
    res = subprocess.run([exe, 'extract', '--format', 'jsonl'] + paths,
                         capture_output=True, check=False)
    if res.returncode not in (0, 1):
        raise SystemExit('whosaid extract failed: %s' % res.stderr.decode())
    out = {}
    for line in res.stdout.decode('utf-8').splitlines():
        d = json.loads(line)
        out[d['path']] = ([normal(q) for q in d['quotes']],
                          [normal(e) for e in d['entities']])
    return out


def main():
    exe, root = sys.argv[1], sys.argv[2]
    texts = fixtures(root)
    print('1..%d' % len(WIDTHS))
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        flat = []
        for i, (_, text) in enumerate(texts):
            p = os.path.join(tmp, 'flat-%04d.txt' % i)
            open(p, 'wb').write(text)
            flat.append(p)
        want = extract(exe, flat)
        for n, (width, unit) in enumerate(WIDTHS, 1):
            paths, names, skipped = [], {}, 0
            for i, (name, text) in enumerate(texts):
                wrapped, breaks = wrap(text, width, unit)
                if breaks == 0:
                    skipped += 1
                    continue
                p = os.path.join(tmp, 'wrap-%d-%04d.txt' % (n, i))
                open(p, 'wb').write(wrapped)
                paths.append(p)
                names[p] = (name, flat[i])
            got = extract(exe, paths)
            bad = [p for p in paths if got[p] != want[names[p][1]]]
            ok = not bad
            failed += not ok
            print('%s %d - %d texts wrapped at %d %s read as unwrapped '
                  '(%d of %d differ; %d too short to wrap)'
                  % ('ok' if ok else 'not ok', n, len(paths), width, unit,
                     len(bad), len(paths), skipped))
            for p in bad[:5]:
                name, f = names[p]
                print('# %s: %r' % (name, open(f, 'rb').read()[:300]))
                gq, ge = got[p]
                wq, we = want[f]
                for label, g, w in (('quotes', gq, wq), ('entities', ge, we)):
                    for r in w:
                        if r not in g:
                            print('#   - %s %s' % (label, json.dumps(r)))
                    for r in g:
                        if r not in w:
                            print('#   + %s %s' % (label, json.dumps(r)))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
