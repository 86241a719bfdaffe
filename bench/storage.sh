#!/usr/bin/env bash
# bench/storage.sh - what storing costs beside extraction: `whosaid
# extract` and `whosaid index` (a fresh database) on the same files with
# the same number of threads, alternated and repeated.
#
#   bench/storage.sh [-j "1 2"] [-r 3] [CORPUS...]
#
# CORPUS is a folder, or NAME-MB with NAME `vary` (made with
# ../shared/bench/make_corpus.py --vary 0.3: quotes worded anew, new names
# keep appearing) or `corpus` (the default, repetitive corpus), built into
# bench/out/ if missing.  Default: vary-25 corpus-25.
#
# Prints one line per run and, per corpus and thread count, the median of
# the ratio index MB/s / extract MB/s (issue 10 asks for at least 0.8),
# the peak resident set of each (GNU time) and the writer's CPU split
# (WHOSAID_TIMING).  The two tools run one after the other, extract first
# in odd runs and index first in even ones, so a slow minute on this
# shared machine falls on both; compare ratios, not single timings.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${WHOSAID:-build/whosaid}
shared=${SHARED:-../shared}
jobs_list="1 2"
repeat=3
while getopts "j:r:" opt; do
  case $opt in
    j) jobs_list=$OPTARG ;;
    r) repeat=$OPTARG ;;
    *) echo "usage: bench/storage.sh [-j \"1 2\"] [-r 3] [CORPUS...]" >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
corpora=("$@")
[ ${#corpora[@]} -gt 0 ] || corpora=(vary-25 corpus-25)
command -v /usr/bin/time >/dev/null || { echo "bench: needs GNU time (apt-get install time)" >&2; exit 2; }
mkdir -p bench/out
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

corpus_dir() { # NAME-MB or a folder -> the folder (made if missing)
  if [ -d "$1" ]; then echo "$1"; return; fi
  local name=${1%-*} mb=${1##*-} dir=bench/out/$1
  case $name in
    vary) [ -d "$dir" ] || python3 "$shared/bench/make_corpus.py" "$dir" --mb "$mb" --vary 0.3 >/dev/null ;;
    corpus) [ -d "$dir" ] || python3 "$shared/bench/make_corpus.py" "$dir" --mb "$mb" >/dev/null ;;
    *) echo "bench: no folder $1, and not vary-MB or corpus-MB" >&2; exit 2 ;;
  esac
  echo "$dir"
}

timed() { # out_file cmd... -> "seconds peak_kb" in out_file
  /usr/bin/time -f '%e %M' -o "$1" "${@:2}"
}

printf '%-12s %4s %3s %9s %9s %9s %7s %9s %9s  %s\n' corpus jobs run \
  'ext MB/s' 'idx MB/s' 'idx s' ratio 'ext MB' 'idx MB' 'writer cpu (put/commit/link)'
for c in "${corpora[@]}"; do
  dir=$(corpus_dir "$c")
  find "$dir" -type f -name '*.txt' -print0 | sort -z > "$tmp/files"
  bytes=$(xargs -0 stat -c %s < "$tmp/files" | awk '{s += $1} END {print s}')
  mb=$(awk -v b="$bytes" 'BEGIN {printf "%.2f", b / 1048576}')
  xargs -0 cat < "$tmp/files" > /dev/null # warm the page cache
  label=$(basename "$dir")
  for j in $jobs_list; do
    : > "$tmp/ratios"
    for r in $(seq 1 "$repeat"); do
      order="extract index"
      [ $((r % 2)) -eq 1 ] || order="index extract"
      for tool in $order; do
        if [ "$tool" = extract ]; then
          timed "$tmp/ext" sh -c "xargs -0 '$bin' extract --jobs $j --format jsonl < '$tmp/files' > /dev/null"
        else
          db=$tmp/bench.db
          rm -f "$db" "$db-wal" "$db-shm"
          WHOSAID_TIMING=1 timed "$tmp/idx" "$bin" --db "$db" index --jobs "$j" "$dir" > /dev/null 2> "$tmp/idx-stderr"
        fi
      done
      read -r es ek < "$tmp/ext"
      read -r is ik < "$tmp/idx"
      writer=$(sed -n 's/^writer cpu \([0-9.]*\) s: put \([0-9.]*\), commit \([0-9.]*\), link \([0-9.]*\).*/\1 (\2\/\3\/\4)/p' "$tmp/idx-stderr")
      awk -v c="$label" -v j="$j" -v r="$r" -v mb="$mb" -v es="$es" -v is="$is" \
          -v ek="$ek" -v ik="$ik" -v w="$writer" 'BEGIN {
        em = es > 0 ? mb / es : 0; im = is > 0 ? mb / is : 0
        printf "%-12s %4d %3d %9.1f %9.1f %9.2f %7.2f %9.1f %9.1f  %s\n", c, j, r, em, im, is,
          (em > 0 ? im / em : 0), ek / 1024, ik / 1024, w }'
      awk -v es="$es" -v is="$is" 'BEGIN {printf "%.3f\n", (is > 0 ? es / is : 0)}' >> "$tmp/ratios"
    done
    sort -n "$tmp/ratios" | awk -v c="$label" -v j="$j" -v mb="$mb" \
      '{v[NR] = $1} END {printf "%-12s %4d   median ratio index/extract %.2f over %d runs (%.1f MB)\n", c, j, v[int((NR + 1) / 2)], NR, mb}'
  done
done
