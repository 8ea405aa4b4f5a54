#!/usr/bin/env bash
# The core crate stays pure: no browser binding or UI crate in its dependency tree, for the
# native target (the server) or for wasm32 (the app). Fails naming the crate that got in.
set -euo pipefail
cd "$(dirname "$0")/.."
forbidden='^(leptos|leptos_[a-z_]+|web-sys|js-sys|gloo-[a-z-]+|wasm-bindgen[a-z-]*|reactive_graph|tachys) '
status=0
for target in "" "--target=wasm32-unknown-unknown"; do
    # shellcheck disable=SC2086 # an empty target means the host's
    found=$(cargo tree -p ssl-order-core -e normal,build --prefix none --locked $target | grep -E "$forbidden" | sort -u || true)
    if [ -n "$found" ]; then
        echo "ssl-order-core depends on browser or UI crates (${target:-native}):" >&2
        echo "$found" >&2
        status=1
    fi
done
[ "$status" = 0 ] && echo "ssl-order-core: no leptos, web-sys, js-sys, gloo or wasm-bindgen (native and wasm32)"
exit "$status"
