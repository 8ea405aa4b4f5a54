#!/usr/bin/env bash
# Benchmark: builds the release app and prints first-load sizes and time to interactive
# beside a static HTML page of the same first step. Figures only; nothing is asserted.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
source scripts/env.sh
trunk build --release
cargo build --release -p ssl-order-server --locked
# Native figures of the pure order model (validation of a 250-name draft).
cargo run --release --locked -p ssl-order-core --example validate_bench
node e2e/bench.mjs "$@"
