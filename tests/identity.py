#!/usr/bin/env python3
"""Cross-document identity through the command line: one real name is one
entity whatever the Unicode form, and a surname written alone in one
article links to the full name written in another.

  identity.py BUILD/whosaid

Prints TAP.  The articles are composed for this test.
"""
import csv
import io
import os
import subprocess
import sys
import tempfile

WS = os.path.abspath(sys.argv[1])

ARTICLES = {
    # U+011F precomposed, and g + U+0306 combining breve
    'ankara-1.txt': 'President Recep Tayyip Erdo\u011fan spoke in Ankara on '
                    'Monday.\n\n"We will not step back," Erdo\u011fan said.\n',
    'ankara-2.txt': 'Crowds waited for Recep Tayyip Erdog\u0306an in Izmir.\n\n'
                    'Later Erdog\u0306an told reporters the talks had failed.\n',
    'doha-1.txt': 'The envoy met Karim Haddad, the head of the delegation, '
                  'in Doha on Tuesday.\n',
    'doha-2.txt': '"The door is still open," Haddad said after the meeting.\n',
}


def run(args, db):
    env = dict(os.environ, WHOSAID_DB=db)
    p = subprocess.run([WS] + args, env=env, capture_output=True)
    return p.returncode, p.stdout.decode('utf-8'), p.stderr.decode('utf-8')


def rows(out):
    return list(csv.DictReader(io.StringIO(out)))


def main():
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        corpus = os.path.join(tmp, 'corpus')
        os.mkdir(corpus)
        for name, text in ARTICLES.items():
            with open(os.path.join(corpus, name), 'w', encoding='utf-8') as f:
                f.write(text)
        db = os.path.join(tmp, 'w.db')
        rc, out, err = run(['index', corpus], db)
        results.append(('index exits 0', rc == 0, err))

        rc, out, err = run(['entities', '--kind', 'person', '--format', 'csv'], db)
        erd = [r for r in rows(out) if 'Erdo' in r['name']]
        results.append(('composed and decomposed names are one entity',
                        len(erd) == 1 and erd[0]['name'] ==
                        'Recep Tayyip Erdo\u011fan' and erd[0]['docs'] == '2',
                        out))

        rc, out, err = run(['entity', '--format', 'json', 'haddad'], db)
        results.append(('a surname alone links to the full name in another '
                        'article', rc == 0 and 'Karim Haddad' in out and
                        '"docs":2' in out.replace(' ', ''), out + err))

        rc, out, err = run(['quotes', '--by', 'Karim Haddad', '--format', 'csv'], db)
        q = rows(out)
        results.append(('the surname speaker\'s quote belongs to the full name',
                        rc == 0 and any('door is still open' in r['quote'] and
                                        r['speaker'] == 'Karim Haddad'
                                        for r in q), out + err))

    print('1..%d' % len(results))
    failed = 0
    for i, (name, ok, detail) in enumerate(results, 1):
        print('%s %d - %s' % ('ok' if ok else 'not ok', i, name))
        if not ok:
            failed += 1
            for line in str(detail).splitlines()[:20]:
                print('# ' + line)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
