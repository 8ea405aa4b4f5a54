#!/usr/bin/env bash
# Rewrites public/data/public-suffix-icann.dat: the ICANN section of the Public Suffix List,
# one rule a line in punycode (xn--) form, the way the app compares names. The list comes from
# the publicsuffixlist package on PyPI, which ships a dated copy of it; pinning the package (and
# its hash) makes the data file reproducible. To update, change both pins and run again.
set -euo pipefail
cd "$(dirname "$0")/.."

PSL_PACKAGE_VERSION=1.1.2.20261023
PSL_WHEEL_SHA256=c792aa3fd37076c15f1c9d9897e59e9d58e8bacdf4315eb9cc10141a26d8995c
OUT=public/data/public-suffix-icann.dat

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# A wheel, so the file sits at a known path inside a zip archive.
pip download --quiet --no-deps --only-binary :all: "publicsuffixlist==$PSL_PACKAGE_VERSION" -d "$tmp"
wheel="$tmp/publicsuffixlist-$PSL_PACKAGE_VERSION-py3-none-any.whl"
echo "$PSL_WHEEL_SHA256  $wheel" | sha256sum --check --quiet

mkdir -p "$(dirname "$OUT")"
python3 - "$wheel" "$PSL_PACKAGE_VERSION" "$OUT.tmp" <<'PY'
import sys
import zipfile

wheel, version, out = sys.argv[1:]
text = zipfile.ZipFile(wheel).read("publicsuffixlist/public_suffix_list.dat").decode("utf-8")
begin, end = "// ===BEGIN ICANN DOMAINS===", "// ===END ICANN DOMAINS==="
if text.count(begin) != 1 or text.count(end) != 1:
    sys.exit("update-public-suffix: the ICANN section markers were not found exactly once")
section = text.split(begin, 1)[1].split(end, 1)[0]


def to_ascii(label):
    # The app holds names in their xn-- form, so Unicode rules (like 公司.cn) must match that.
    if label.isascii():
        return label
    try:
        return label.encode("idna").decode("ascii")
    except UnicodeError:
        return "xn--" + label.encode("punycode").decode("ascii")


rules = []
for line in section.splitlines():
    line = line.strip()
    if not line or line.startswith("//"):
        continue
    # The format reads a rule only up to the first whitespace.
    rule = line.split()[0]
    prefix = ""
    for mark in ("!", "*."):
        if rule.startswith(mark):
            prefix, rule = mark, rule[len(mark):]
    rules.append(prefix + ".".join(to_ascii(label) for label in rule.split(".")))

# Sorted the way the app's parser keeps its sets, label by label from the right (without "!"
# or "*."), so loading only ever appends; it also keeps each TLD's rules together.
rules.sort(key=lambda rule: rule.removeprefix("!").removeprefix("*.").split(".")[::-1])
with open(out, "w", encoding="ascii", newline="\n") as f:
    f.write(
        "// ICANN section of the Public Suffix List (https://publicsuffix.org/list/), "
        f"from publicsuffixlist=={version} on PyPI; Mozilla Public License 2.0\n"
    )
    f.write("\n".join(rules) + "\n")
print(f"update-public-suffix: {len(rules)} rules written", file=sys.stderr)
PY
mv "$OUT.tmp" "$OUT"
