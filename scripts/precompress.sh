#!/usr/bin/env bash
# Writes NAME.br (brotli -q 11) and NAME.gz (gzip -9) beside each asset of a built app, so a
# server sends them as they are instead of compressing every response. Trunk runs it after
# each release build (Trunk.toml); it can also be run on any directory.
set -euo pipefail
dir="${1:-${TRUNK_STAGING_DIR:-dist}}"
if [ "${TRUNK_PROFILE:-release}" != "release" ]; then exit 0; fi
find "$dir" -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.css' -o -name '*.html' -o -name '*.json' -o -name '*.dat' \) |
  while read -r file; do
    brotli -f -q 11 -o "$file.br" "$file"
    gzip -f -9 -k -n "$file"
  done
