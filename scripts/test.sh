#!/usr/bin/env bash
# Command 2: every test. Format, lints (native and wasm), native tests, browser tests of
# components, then end-to-end tests in headless Chromium against the release build.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
source scripts/env.sh

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "format"
cargo fmt --all -- --check

step "the core crate stays pure"
scripts/check-core-deps.sh

step "clippy (native)"
cargo clippy --workspace --all-targets --locked -- -D warnings
step "clippy (wasm)"
cargo clippy -p ssl-order --target wasm32-unknown-unknown --all-targets --locked -- -D warnings
step "clippy (wasm, split build)"
cargo clippy -p ssl-order --target wasm32-unknown-unknown --features split --locked -- -D warnings

step "native tests"
cargo test --workspace --locked

step "fuzzing the name and list parsers (bounded: ${FUZZ_SECONDS:-20}s)"
scripts/fuzz.sh

step "browser tests (wasm-bindgen-test in headless Chromium)"
cargo test -p ssl-order --target wasm32-unknown-unknown --test browser --locked

step "release build (the wasm split in two: scripts/build-app.sh)"
scripts/build-app.sh
cargo build --release -p ssl-order-server --locked

step "end-to-end tests (headless Chromium against the release build)"
(cd e2e && node --test --test-concurrency=1 tests/)
