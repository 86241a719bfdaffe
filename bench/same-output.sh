#!/usr/bin/env bash
# bench/same-output.sh - is `whosaid extract` output byte-identical to a
# saved reference?  A regression tool for speed work, which must not change
# what is extracted.
#
#   bench/same-output.sh save  BIN     write reference outputs of BIN (a
#                                      build of the commit to compare with)
#   bench/same-output.sh check [BIN]   compare BIN's output (default
#                                      build/whosaid) against the reference
#
# Inputs: PolNeAR train and dev texts, CoNLL-2003 train and dev documents (fed
# as conll_eval.py feeds them: the .txt files of the folder, sorted) and the
# benchmark corpus bench/out/corpus-25.  The reference lives in $REF
# (default /tmp/whosaid-ref), outside the tree: it is derived data.
# Exit status 0 when every set matches, 1 otherwise.
set -uo pipefail
cd "$(dirname "$0")/.."
shared=${SHARED:-../shared}
ref=${REF:-/tmp/whosaid-ref}
mode=${1:-check}
case $mode in
  save) bin=${2:-${WHOSAID:?bench/same-output.sh save: give the reference binary}} ;;
  check) bin=${2:-${WHOSAID:-build/whosaid}} ;;
  *) echo "usage: bench/same-output.sh save BIN | check [BIN]" >&2; exit 2 ;;
esac
bin=$(realpath "$bin")

sets=(
  "polnear-train $shared/data/polnear/train/text"
  "polnear-dev $shared/data/polnear/dev/text"
  "conll-train $shared/data/conll2003/train"
  "conll-dev $shared/data/conll2003/dev"
  "corpus-25 bench/out/corpus-25"
)

run() { # dir -> JSONL on stdout; paths relative to dir, sorted (C locale)
  (cd "$1" && find . -name '*.txt' | LC_ALL=C sort | xargs "$bin" extract --format jsonl)
}

mkdir -p "$ref"
status=0
for s in "${sets[@]}"; do
  name=${s%% *}
  dir=${s#* }
  if [ ! -d "$dir" ]; then echo "$name: missing $dir" >&2; status=1; continue; fi
  if [ "$mode" = save ]; then
    run "$dir" >"$ref/$name.jsonl" || { echo "$name: $bin failed" >&2; status=1; }
    echo "$name: saved $(wc -l <"$ref/$name.jsonl") lines"
  else
    out=$(mktemp)
    run "$dir" >"$out" || { echo "$name: $bin failed" >&2; status=1; }
    if cmp -s "$out" "$ref/$name.jsonl"; then
      echo "$name: same"
    else
      echo "$name: DIFFERS ($(cmp "$out" "$ref/$name.jsonl" 2>&1 | head -1))"
      status=1
    fi
    rm -f "$out"
  fi
done
exit $status
