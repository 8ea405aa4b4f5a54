#!/usr/bin/env bash
# Command 1: installs what is missing, builds the release app and serves it from the order
# server in its demo mode on 127.0.0.1: SQLite embedded, the sandbox as the provider
# (PROVIDER: huawei, gogetssl or cpanel; default huawei), one demo customer. PORT (default
# 8080) and ISSUE_DELAY (seconds a certificate stays "being checked", default 30) can be set.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
source scripts/env.sh
scripts/build-app.sh
cargo build --release -p ssl-order-server
exec target/release/ssl-order-server --dist dist --addr "127.0.0.1:${PORT:-8080}" \
  --issue-delay-secs "${ISSUE_DELAY:-30}" --demo --demo-provider "${PROVIDER:-huawei}"
