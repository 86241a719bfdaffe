#!/usr/bin/env bash
# fuzz/run.sh - build the libFuzzer targets (clang, ASan + UBSan, meson
# option fuzz) into build-fuzz/ and run each for SECONDS (default 60), one
# after the other.  Prints, per target, the executions, the coverage
# (libFuzzer's "cov:", edges reached) and the findings; ends with
# "N passed, N failed" (a target passes when it finds nothing).
#
#   fuzz/run.sh [SECONDS [TARGET...]]      e.g. fuzz/run.sh 3600 fuzz_doc
#
# Each target starts from its committed seeds (fuzz/corpus/NAME/) plus
# what earlier runs kept in build-fuzz/corpus/NAME/; a finding is written
# to build-fuzz/findings/NAME/ (crash-*, leak-*, timeout-*, oom-*): rerun
# it with build-fuzz/fuzz/NAME FILE.
set -uo pipefail
cd "$(dirname "$0")/.."

secs=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz_doc fuzz_key fuzz_query)
dir=build-fuzz

# clang and its libFuzzer runtime, installed as scripts/setup installs
# the rest (Debian 12, as root or with sudo).
missing=()
for p in clang libclang-rt-14-dev; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
    missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ] && command -v apt-get >/dev/null; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "run.sh: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if ! command -v clang >/dev/null; then
  echo "run.sh: clang is missing (apt-get install -y clang libclang-rt-14-dev)" >&2
  echo "0 passed, ${#targets[@]} failed"
  exit 1
fi
if [ ! -f "$dir/build.ninja" ]; then
  CC=clang meson setup "$dir" -Dfuzz=true -Dbuildtype=debugoptimized \
    -Db_lundef=false >/dev/null || { echo "0 passed, ${#targets[@]} failed"; exit 1; }
fi
build=()
for t in "${targets[@]}"; do build+=("fuzz/$t"); done
ninja -C "$dir" "${build[@]}" >/dev/null ||
  { echo "run.sh: build failed" >&2; echo "0 passed, ${#targets[@]} failed"; exit 1; }

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:symbolize=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
passed=0
failed=0
for t in "${targets[@]}"; do
  name=${t#fuzz_}
  work="$dir/corpus/$name" found="$dir/findings/$name" log="$dir/fuzz-$name.log"
  mkdir -p "$work" "$found"
  before=$(find "$found" -type f | wc -l)
  # -timeout: one input taking 10 s is a finding (a hang); the document
  # target gets longer inputs, since its costs grow with the text.
  maxlen=4096
  [ "$t" = fuzz_doc ] && maxlen=16384
  "$dir/fuzz/$t" "$work" "fuzz/corpus/$name" -max_total_time="$secs" \
    -max_len="$maxlen" -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$found/" -print_final_stats=1 >"$log" 2>&1
  rc=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  cov=$(grep -oE 'cov: [0-9]+' "$log" | tail -n 1 | cut -d' ' -f2)
  after=$(find "$found" -type f | wc -l)
  new=$((after - before))
  [ $rc -eq 0 ] || [ $new -gt 0 ] || new=1  # died without an artifact
  printf '%s: %s executions in %ss, cov: %s edges, %d finding(s)\n' \
    "$t" "${execs:-0}" "$secs" "${cov:-0}" "$new"
  if [ $new -gt 0 ]; then
    failed=$((failed + 1))
    grep -E 'ERROR|SUMMARY|broken|failed' "$log" | head -n 5
    echo "  log: $log; inputs: $found/"
  else
    passed=$((passed + 1))
  fi
done
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
