#!/usr/bin/env bash
# Trunk's post_build step (Trunk.toml): for a release build with the `split` feature, cuts the
# wasm into the first module and the later one, then precompresses the staging directory.
# Hooks of one stage run concurrently, so precompression happens here, after the split.
#
# A split build (trunk build --release --features split, with --emit-relocs: scripts/env.sh)
# leaves trunk's own wasm-bindgen output unusable, so it is made again from cargo's wasm:
#   wasm-split-cli   cuts it at the #[wasm_split] points (src/ui/later.rs, the wizard;
#                    src/i18n/start_module.rs, the first step's Chinese words)
#   wasm-bindgen     writes the JS glue for the first module, keeping what the cut needs
#   wasm-opt -Oz     on every module (trunk's own pass is off for the rust link)
# Every output is named with one hash of the whole set, so a redeploy never mixes a first
# module with another build's later one, and index.html's metas, preloads and integrity
# hashes are rewritten to match.
set -euo pipefail
staging="${TRUNK_STAGING_DIR:-dist}"
here="$(cd "$(dirname "$0")" && pwd)"
if [ "${TRUNK_PROFILE:-release}" != "release" ]; then exit 0; fi

glue="$(ls "$staging"/ssl-order-*.js 2>/dev/null | head -n1 || true)"
if [ -n "$glue" ] && grep -q '__wasm_split' "$glue"; then
  raw="${CARGO_TARGET_DIR:-$here/../target}/wasm32-unknown-unknown/release/ssl-order.wasm"
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  wasm-split-cli "$raw" "$work/split" --out-name ssl-order >/dev/null
  wasm-bindgen --target web --keep-lld-exports --no-demangle --no-typescript \
    --out-dir "$work/bound" --out-name ssl-order "$work/split/ssl-order.wasm"
  # The features rustc enables for wasm32; wasm-opt must not assume fewer.
  features=(--enable-bulk-memory --enable-reference-types --enable-sign-ext
    --enable-nontrapping-float-to-int --enable-mutable-globals --enable-multivalue)
  mkdir "$work/out"
  wasm-opt -Oz "${features[@]}" "$work/bound/ssl-order_bg.wasm" -o "$work/out/main.wasm"
  chunks=()
  # split_<point>.wasm for each #[wasm_split] point, chunk_<n>.wasm for code two points share.
  for chunk in "$work"/split/split_*.wasm "$work"/split/chunk_*.wasm; do
    [ -e "$chunk" ] || continue
    name="$(basename "$chunk" .wasm)"
    wasm-opt -Oz "${features[@]}" "$chunk" -o "$work/out/$name.wasm" 2>/dev/null
    chunks+=("$name")
  done
  hash="$(cat "$work"/out/*.wasm "$work/bound/ssl-order.js" "$work/split/__wasm_split.js" |
    sha256sum | cut -c1-16)"

  # The glue and the loader of later modules name each other and the chunks.
  # Only where a file is fetched: the wasm's own import is still named "./__wasm_split.js".
  rename=(-e "s#from \"\./__wasm_split\.js\"#from \"./__wasm_split-$hash.js\"#"
    -e "s#from \"\./ssl-order\.js\"#from \"./ssl-order-$hash.js\"#")
  for name in "${chunks[@]}"; do rename+=(-e "s#\"\./$name\.wasm\"#\"./$name-$hash.wasm\"#"); done
  sed "${rename[@]}" "$work/bound/ssl-order.js" >"$work/bound/ssl-order.renamed.js"
  sed "${rename[@]}" "$work/split/__wasm_split.js" >"$work/split/__wasm_split.renamed.js"
  # The JS glue minified (terser, pinned in e2e/package.json): 8.6 -> 6.6 KB brotli. Exports
  # and the wasm's import names are kept; they are what the modules use to find each other.
  terser="$here/../e2e/node_modules/.bin/terser"
  if [ ! -x "$terser" ]; then
    echo "split.sh: terser is not installed (e2e/node_modules): run scripts/bootstrap.sh first" >&2
    exit 1
  fi
  "$terser" "$work/bound/ssl-order.renamed.js" --module --compress --mangle -o "$work/out/ssl-order.js"
  "$terser" "$work/split/__wasm_split.renamed.js" --module --compress --mangle -o "$work/out/__wasm_split.js"

  old_js="$(basename "$glue")"
  old_wasm="${old_js%.js}_bg.wasm"
  rm -f "$staging/$old_js" "$staging/$old_wasm" "$staging"/__wasm_split*.js "$staging"/split_*.wasm "$staging"/chunk_*.wasm
  cp "$work/out/ssl-order.js" "$staging/ssl-order-$hash.js"
  cp "$work/out/main.wasm" "$staging/ssl-order-${hash}_bg.wasm"
  cp "$work/out/__wasm_split.js" "$staging/__wasm_split-$hash.js"
  for name in "${chunks[@]}"; do cp "$work/out/$name.wasm" "$staging/$name-$hash.wasm"; done

  # loader.js minified as well (1.2 -> 0.6 KB brotli). Its name, trunk's hash of the source,
  # still names one content; its integrity hash is written again below.
  loader="$(ls "$staging"/loader-*.js | head -n1)"
  "$terser" "$loader" --module --compress --mangle -o "$work/loader.js"
  cp "$work/loader.js" "$loader"

  sri() { printf 'sha384-%s' "$(openssl dgst -sha384 -binary "$1" | base64 -w0)"; }
  python3 - "$staging/index.html" "$old_js" "$old_wasm" "$hash" \
    "$(sri "$staging/ssl-order-$hash.js")" "$(sri "$staging/ssl-order-${hash}_bg.wasm")" \
    "$(sri "$staging/__wasm_split-$hash.js")" "$(basename "$loader")" "$(sri "$loader")" <<'PY'
import re, sys
path, old_js, old_wasm, h, js_sri, wasm_sri, split_sri, loader, loader_sri = sys.argv[1:]
html = open(path).read()
script = re.compile(r'(<script src="\./' + re.escape(loader) + r'" integrity=")[^"]*(")')
html, n = script.subn(lambda m: m.group(1) + loader_sri + m.group(2), html)
if n != 1:
    sys.exit(f"split.sh: index.html has no script {loader} to rewrite")
js, wasm, split = f"ssl-order-{h}.js", f"ssl-order-{h}_bg.wasm", f"__wasm_split-{h}.js"
def relink(html, old, new, sri):
    # trunk's preload of the file: its name and its integrity hash
    pattern = re.compile(r'(<link[^>]*href="\./)' + re.escape(old) + r'("[^>]*integrity=")[^"]*(")')
    html, n = pattern.subn(lambda m: m.group(1) + new + m.group(2) + sri + m.group(3), html)
    if n != 1:
        sys.exit(f"split.sh: index.html has no preload of {old} to rewrite")
    return html
html = relink(html, old_js, js, js_sri)
html = relink(html, old_wasm, wasm, wasm_sri)
html = html.replace(f'"./{old_js}"', f'"./{js}"').replace(f'"./{old_wasm}"', f'"./{wasm}"')
if old_js in html or old_wasm in html:
    sys.exit("split.sh: index.html still names trunk's own files")
# The glue imports the later modules' loader at once: fetch it beside the glue.
preload = f'<link rel="modulepreload" href="./{split}" crossorigin="anonymous" integrity="{split_sri}">'
html = html.replace("</head>", preload + "</head>", 1)
open(path, "w").write(html)
PY

  # The first step, usable before any wasm runs, written by the app's own code (natively,
  # in the native target directory the tests use) from the catalogue config.json names.
  read -r catalogue locale < <(python3 -c 'import json,sys; c = json.load(open(sys.argv[1])); print(c.get("catalogue", "catalog/huawei.json"), c.get("locale", ""))' "$here/../public/config.json")
  first_step="$(cd "$here/.." && env -u CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS \
    CARGO_TARGET_DIR="$here/../target" cargo run --quiet --locked --example first_step_html -- public "$catalogue" ${locale:+"$locale"})"
  FIRST_STEP="$first_step" python3 - "$staging/index.html" <<'PY'
import os, sys
path = sys.argv[1]
html = open(path).read()
mark = "<!-- ssl-order:first-step (scripts/split.sh writes the first step here) -->"
if mark not in html:
    sys.exit("split.sh: index.html has no place for the first step")
open(path, "w").write(html.replace(mark, os.environ["FIRST_STEP"], 1))
PY
fi

"$here/precompress.sh" "$staging"
