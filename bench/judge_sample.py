#!/usr/bin/env python3
"""judge_sample.py - a random sample of what `whosaid extract` finds, for a
person to label as a journalist would, and the shares of those labels.

  draw    runs `extract --format jsonl` on a folder of texts, draws a fixed
          number of reported statements and direct quotes and writes them to
          a TSV with an empty label column (and prints them, readable)
  show    prints a TSV's items with their sentence context
  score   prints the share of each label, per kind

Labels (column `label`):
  right      a real statement (or quotation) with the right speaker
  speaker    a statement, but the speaker is wrong or missing although one
             is named nearby
  notspeech  nothing was said: the cue word in another sense ("claim the
             title", "adds 200 jobs", "the delays worried them"), a scare
             quote, a title
  topic      only a topic or a stance, no statement ("welcomed the
             ceasefire")
  garbled    a statement, but the content is cut or holds the wrong words
             (the addressee taken as the content: "told cheering fans in
             Leeds")

The draw is stable: items are ranked by a seeded hash of (file, start, end),
so a second run on changed output keeps every item that is still found
where it was, and `--labels OLD.tsv` copies the label of each item found
unchanged (same span, kind, speaker and mention) from an earlier sample.

Example:
  python3 bench/judge_sample.py draw --out /tmp/sample.tsv
  $EDITOR /tmp/sample.tsv            # fill in the label column
  python3 bench/judge_sample.py score /tmp/sample.tsv
"""
import argparse
import csv
import hashlib
import json
import os
import shlex
import subprocess
import sys

LABELS = ("right", "speaker", "notspeech", "topic", "garbled")
COLUMNS = ("id", "file", "kind", "confidence", "start", "end", "speaker",
           "mention", "cue", "label", "note")
DEFAULT_TEXTS = "/work/shared/data/polnear/dev/text"


def run_extract(cmd, texts):
    files = sorted(os.path.join(texts, f) for f in os.listdir(texts)
                   if f.endswith(".txt"))
    out = subprocess.run(shlex.split(cmd) + files, check=True,
                         capture_output=True).stdout.decode("utf-8")
    docs = [json.loads(line) for line in out.splitlines() if line.strip()]
    return docs


def rank(seed, path, q):
    key = "%s\t%s\t%d\t%d" % (seed, os.path.basename(path), q["start"],
                               q["end"])
    return hashlib.sha1(key.encode("utf-8")).hexdigest()


def mention_text(raw, q):
    if q.get("speaker_start") is None:
        return ""
    return raw[q["speaker_start"]:q["speaker_end"]].decode("utf-8", "replace")


def item_key(row):
    return (row["file"], row["start"], row["end"], row["kind"],
            row["speaker"], row["mention"])


def draw(args):
    docs = run_extract(args.cmd, args.texts)
    pools = {"reported": [], "direct": []}
    for d in docs:
        path = d["path"]
        with open(path, "rb") as f:
            raw = f.read()
        for q in d["quotes"]:
            kind = q.get("kind", "reported")
            conf = q.get("confidence")
            if kind == "direct":
                pool = "direct"
            else:
                # what `quotes` would list by default: statements, and of
                # those the confident ones when the output says how confident
                if args.statements_only and kind != "reported":
                    continue
                if conf is not None and conf < args.min_confidence:
                    continue
                pool = "reported"
            pools[pool].append((rank(args.seed, path, q), path, raw, q))
    old = {}
    if args.labels:
        for row in read_tsv(args.labels):
            if row["label"]:
                old[item_key(row)] = (row["label"], row["note"])
    rows = []
    for pool, n in (("reported", args.reported), ("direct", args.direct)):
        items = sorted(pools[pool], key=lambda x: x[0])[:n]
        print("# %s: %d drawn of %d" % (pool, len(items), len(pools[pool])),
              file=sys.stderr)
        for _, path, raw, q in items:
            conf = q.get("confidence")
            row = {
                "id": "%s%02d" % (pool[0], len(rows) + 1),
                "file": os.path.basename(path),
                "kind": q.get("kind", ""),
                "confidence": "" if conf is None else "%.2f" % conf,
                "start": str(q["start"]), "end": str(q["end"]),
                "speaker": q.get("speaker") or "",
                "mention": mention_text(raw, q),
                "cue": q.get("cue") or "", "label": "", "note": "",
            }
            if item_key(row) in old:
                row["label"], row["note"] = old[item_key(row)]
            rows.append(row)
    with open(args.out, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, COLUMNS, delimiter="\t", lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    print("# wrote %s (%d items, %d labels carried over)" %
          (args.out, len(rows), sum(1 for r in rows if r["label"])),
          file=sys.stderr)
    show_rows(rows, args.texts)


def read_tsv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def context(raw, start, end, width=260):
    """The sentence(s) around [start, end): back to the previous sentence
    end or paragraph break, forward to the next, within width bytes."""
    lo = max(0, start - width)
    hi = min(len(raw), end + width)
    s = start
    while s > lo and not (raw[s - 1:s] == b"\n" or
                          (raw[s - 2:s] in (b". ", b"? ", b"! ")) and s - 2 >= lo):
        s -= 1
    e = end
    while e < hi and not (raw[e:e + 1] == b"\n" or
                          raw[e:e + 2] in (b". ", b"? ", b"! ")):
        e += 1
    return s, min(e + 1, len(raw))


def show_rows(rows, texts):
    for r in rows:
        path = os.path.join(texts, r["file"])
        with open(path, "rb") as f:
            raw = f.read()
        st, en = int(r["start"]), int(r["end"])
        s, e = context(raw, st, en)
        # the speaker mention may lie outside the content's sentence
        text = (raw[s:st] + b"[[" + raw[st:en] + b"]]" + raw[en:e])
        text = text.decode("utf-8", "replace").replace("\n", " / ")
        print("%s  %s%s  %s" % (r["id"], r["kind"],
                                " %s" % r["confidence"] if r["confidence"] else "",
                                r["file"]))
        print("    %s" % text)
        print("    speaker=%r mention=%r cue=%r  label=%s" %
              (r["speaker"], r["mention"], r["cue"], r["label"] or "?"))


def show(args):
    show_rows(read_tsv(args.tsv), args.texts)


def score(args):
    rows = read_tsv(args.tsv)
    bad = [r["id"] for r in rows if r["label"] and r["label"] not in LABELS]
    if bad:
        sys.exit("judge_sample: unknown label in %s (use %s)" %
                 (", ".join(bad), "/".join(LABELS)))
    for pool in ("reported", "direct"):
        rs = [r for r in rows if (r["kind"] == "direct") == (pool == "direct")]
        done = [r for r in rs if r["label"]]
        if not rs:
            continue
        parts = []
        for lab in LABELS:
            k = sum(1 for r in done if r["label"] == lab)
            parts.append("%s %d (%.0f%%)" % (lab, k,
                                             100.0 * k / max(1, len(done))))
        print("%-8s labelled %d of %d: %s" % (pool, len(done), len(rs),
                                              ", ".join(parts)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="verb", required=True)
    d = sub.add_parser("draw", help="draw a sample into a TSV")
    d.add_argument("--cmd", default="build/whosaid extract --format jsonl")
    d.add_argument("--texts", default=DEFAULT_TEXTS)
    d.add_argument("--seed", default="12")
    d.add_argument("--reported", type=int, default=60)
    d.add_argument("--direct", type=int, default=40)
    d.add_argument("--min-confidence", type=float, default=0.0,
                   help="draw only reported statements at least this "
                        "confident (when the output gives a confidence)")
    d.add_argument("--statements-only", action="store_true",
                   help="leave out the kinds other than `reported` "
                        "(stance, topic)")
    d.add_argument("--labels", help="an earlier TSV whose labels carry over")
    d.add_argument("--out", required=True)
    d.set_defaults(fn=draw)
    s = sub.add_parser("show", help="print a TSV's items in context")
    s.add_argument("tsv")
    s.add_argument("--texts", default=DEFAULT_TEXTS)
    s.set_defaults(fn=show)
    c = sub.add_parser("score", help="shares of the labels in a TSV")
    c.add_argument("tsv")
    c.set_defaults(fn=score)
    args = ap.parse_args()
    args.fn(args)


if __name__ == "__main__":
    main()
