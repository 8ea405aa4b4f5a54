#!/usr/bin/env bash
# Installs what building and testing need, at pinned versions, and skips whatever is
# already present at that version. Safe to run again and again.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
CARGO_FUZZ_VERSION=0.13.2
BINARYEN_VERSION=132
# Cuts the wasm into a first and a later module (scripts/split.sh).
WASM_SPLIT_VERSION=0.2.4
# The order log's tests start throwaway PostgreSQL clusters with initdb and pg_ctl.
POSTGRESQL_MAJOR=15
# wasm-bindgen's CLI must match the library version the app is built with.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)

say() { printf '\033[1mbootstrap:\033[0m %s\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# npm's global bin must come before /usr/bin, where Debian's binaryen (which breaks the page) may be.
NPM_BIN="$(npm prefix -g 2>/dev/null || echo /usr/local)/bin"
export PATH="$HOME/.cargo/bin:$NPM_BIN:$PATH"

missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
command -v brotli >/dev/null || missing+=(brotli)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
# Debian keeps initdb out of PATH, in /usr/lib/postgresql/MAJOR/bin (where the tests look).
if ! command -v initdb >/dev/null && [ ! -x "/usr/lib/postgresql/$POSTGRESQL_MAJOR/bin/initdb" ]; then
  missing+=("postgresql-$POSTGRESQL_MAJOR")
fi
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]} from Debian"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for component in clippy rustfmt; do
  rustup component list --installed | grep -q "^$component" || rustup component add "$component"
done

if ! trunk --version 2>/dev/null | grep -qx "trunk $TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (about 10 minutes on 2 cores)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

# scripts/fuzz.sh runs it on the stable toolchain with RUSTC_BOOTSTRAP=1.
if ! cargo fuzz --version 2>/dev/null | grep -qx "cargo-fuzz $CARGO_FUZZ_VERSION"; then
  say "installing cargo-fuzz $CARGO_FUZZ_VERSION (under a minute)"
  cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q "wasm-bindgen $WASM_BINDGEN_VERSION"; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 3 minutes)"
  # Its lock file names a webpki-roots release crates.io no longer serves; fall back to
  # resolving afresh, still at the pinned CLI version.
  cargo install --locked wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" ||
    cargo install --force wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

if ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  say "installing wasm-split-cli $WASM_SPLIT_VERSION (under 2 minutes)"
  cargo install --locked wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary
fi

if ! wasm-opt --version 2>/dev/null | grep -q "version $BINARYEN_VERSION"; then
  say "installing wasm-opt from npm binaryen@$BINARYEN_VERSION"
  as_root npm install -g --no-fund --no-audit "binaryen@$BINARYEN_VERSION" >/dev/null
  hash -r
  if ! wasm-opt --version | grep -q "version $BINARYEN_VERSION"; then
    say "wasm-opt on PATH is $(command -v wasm-opt), not binaryen $BINARYEN_VERSION: put $NPM_BIN first on PATH"
    exit 1
  fi
fi

# End-to-end tests and the benchmark drive Debian's Chromium with playwright-core.
if [ ! -f e2e/node_modules/.package-lock.json ] ||
  ! cmp -s e2e/package-lock.json e2e/node_modules/.bootstrap-lock; then
  say "installing the end-to-end test packages (npm ci)"
  (cd e2e && npm ci --no-fund --no-audit --loglevel=error && cp package-lock.json node_modules/.bootstrap-lock)
fi
