#!/usr/bin/env bash
# Benchmark: builds the release app and prints first-load sizes and time to interactive
# beside a static HTML page of the same first step, then the order server's throughput and
# latency. Figures only; nothing is asserted.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
source scripts/env.sh
scripts/build-app.sh
cargo build --release -p ssl-order-server --locked
# Native figures of the pure order model (validation of a 250-name draft).
cargo run --release --locked -p ssl-order-core --example validate_bench
node e2e/bench.mjs "$@"
# The order server: orders per second and latency with SQLite and PostgreSQL beside the
# sandbox called directly, and status polls from 1,000 browsers (ORDERS per run, default 400).
cargo run --release --locked -p ssl-order-server --example order_bench -- "${ORDERS:-400}"
