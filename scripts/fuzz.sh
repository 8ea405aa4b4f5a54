#!/usr/bin/env bash
# Fuzzes the host-name and name-list parsers of the order model (fuzz/fuzz_targets/names.rs)
# for FUZZ_SECONDS seconds (20 unless set). Starts from a copy of fuzz/corpus/names, so the
# committed corpus does not grow with every run. Exits non-zero when the fuzzer finds a
# crash or a broken invariant; the input is then saved under fuzz/artifacts/names/.
#
# cargo-fuzz needs unstable compiler flags; the toolchain is stable, so RUSTC_BOOTSTRAP=1.
# FUZZ_SANITIZER=none (the default) builds without AddressSanitizer: the parsers are safe Rust, and it
# builds faster and runs 3 to 4 times as many inputs a second.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
export RUSTC_BOOTSTRAP=1

FUZZ_SECONDS=${FUZZ_SECONDS:-20}
FUZZ_SANITIZER=${FUZZ_SANITIZER:-none}
say() { printf '\033[1mfuzz:\033[0m %s\n' "$*"; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/corpus"
cp fuzz/corpus/names/* "$work/corpus/"

# Build first, with its progress shown; the run below then reuses the build.
cargo fuzz build --sanitizer "$FUZZ_SANITIZER" names

log=fuzz/target/fuzz-names.log
say "running the names target for ${FUZZ_SECONDS}s (full output in $log)"
status=0
cargo fuzz run --sanitizer "$FUZZ_SANITIZER" names "$work/corpus" -- \
  -max_total_time="$FUZZ_SECONDS" -rss_limit_mb=2048 >"$log" 2>&1 || status=$?

if [ "$status" -ne 0 ]; then
  # What failed (a broken invariant's message, or libFuzzer's summary of a crash, leak,
  # timeout or out-of-memory), then where the input was saved and how to reproduce it.
  sed -n '/panicked at/,/^stack backtrace/p' "$log" | grep -v '^stack backtrace' | head -n 20
  grep -E '^(SUMMARY|==[0-9]+== ?ERROR): ' "$log" | head -n 5
  input=$(grep -oE 'fuzz/artifacts/names/[a-z]+-[0-9a-f]+' "$log" | tail -n 1 || true)
  say "FAILED (exit $status): a crash or broken invariant; the full output is in $log"
  say "input: ${input:-(none saved)}; reproduce with:" \
    "RUSTC_BOOTSTRAP=1 cargo fuzz run --sanitizer $FUZZ_SANITIZER names ${input:-<input>}"
  exit "$status"
fi
# libFuzzer ends with "Done N runs in S second(s)".
done_line=$(grep -E '^Done [0-9]+ runs in [0-9]+ second' "$log" | tail -n 1 || true)
runs=$(awk '{ print $2 }' <<<"$done_line")
secs=$(awk '{ print $5 }' <<<"$done_line")
say "${runs:-?} executions in ${secs:-?}s ($((${runs:-0} / (${secs:-0} > 0 ? ${secs:-0} : 1))) per second)," \
  "no crash; corpus grew from $(find fuzz/corpus/names -type f | wc -l) to $(find "$work/corpus" -type f | wc -l) inputs"
