#!/usr/bin/env bash
# The release build that is served, tested end to end and measured: the wasm cut into a first
# module and a later one (scripts/split.sh, run by trunk after the build). It has a target
# directory of its own, because the cut needs the linker's relocations (--emit-relocs) and
# those flags would otherwise rebuild the unsplit wasm that trunk serve and the tests use.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="$PWD/target/split"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Clink-args=--emit-relocs"
exec trunk build --release --features split "$@"
