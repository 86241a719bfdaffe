#!/usr/bin/env bash
# bench/index.sh - index throughput and peak memory against `wc -w`.
#
#   bench/index.sh [MB...]        default: 25 100
#
# For each size builds a corpus with ../shared/bench/make_corpus.py (cached
# in bench/out/), drops nothing from the page cache (both tools read warm
# files), then times `wc -w` and `whosaid index` on the same files, and
# `whosaid extract` alone (no database).  Peak memory is the maximum
# resident set size reported by GNU time.  Run from a release build:
# scripts/setup first.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${WHOSAID:-build/whosaid}
shared=${SHARED:-../shared}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(25 100)
command -v /usr/bin/time >/dev/null || { echo "bench: needs GNU time (apt-get install time)" >&2; exit 2; }
mkdir -p bench/out

measure() { # label cmd... -> "seconds peak_kb"
  local log
  log=$(mktemp)
  /usr/bin/time -f '%e %M' -o "$log" "$@" >/dev/null 2>bench/out/last-stderr.txt
  cat "$log"
  rm -f "$log"
}

printf '%-8s %-22s %10s %10s %12s\n' size tool seconds 'MB/s' 'peak MB'
for mb in "${sizes[@]}"; do
  dir=bench/out/corpus-$mb
  [ -d "$dir" ] || python3 "$shared/bench/make_corpus.py" "$dir" --mb "$mb" >/dev/null
  bytes=$(find "$dir" -type f -name '*.txt' -printf '%s\n' | awk '{s+=$1} END {print s}')
  real_mb=$(awk -v b="$bytes" 'BEGIN {printf "%.1f", b / 1048576}')
  cat $(find "$dir" -type f | head -2000) >/dev/null   # warm the cache
  db=bench/out/bench-$mb.db
  rm -f "$db" "$db-wal" "$db-shm"
  for tool in wc 'wc, 2 at once' index extract; do
    case $tool in
      wc) r=$(measure sh -c "find '$dir' -type f -name '*.txt' -print0 | xargs -0 wc -w") ;;
      # The machine's two cores at once: each half of the files by its own
      # `wc -w`.  On a shared virtual machine the second core is sometimes
      # much slower than the first; this line shows it.
      'wc, 2 at once') r=$(measure sh -c "find '$dir' -type f -name '*.txt' | sort > '$dir.list'; n=\$(wc -l < '$dir.list'); head -n \$((n / 2)) '$dir.list' | tr '\\n' '\\0' | xargs -0 wc -w > /dev/null & tail -n +\$((n / 2 + 1)) '$dir.list' | tr '\\n' '\\0' | xargs -0 wc -w > /dev/null; wait; rm -f '$dir.list'") ;;
      index) r=$(measure "$bin" --db "$db" index "$dir") ;;
      extract) r=$(measure sh -c "find '$dir' -type f -name '*.txt' -print0 | xargs -0 '$bin' extract --format jsonl") ;;
    esac
    set -- $r
    awk -v mb="$real_mb" -v s="$1" -v kb="$2" -v t="$tool" -v size="${real_mb}MB" \
      'BEGIN {printf "%-8s %-22s %10.2f %10.1f %12.1f\n", size, t, s, (s > 0 ? mb / s : 0), kb / 1024}'
  done
done
