# Sourced by the scripts: puts the bootstrapped tools first on PATH.
NPM_BIN="$(npm prefix -g 2>/dev/null || echo /usr/local)/bin"
export PATH="$HOME/.cargo/bin:$NPM_BIN:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver || echo /usr/bin/chromedriver)}"
export CHROMIUM="${CHROMIUM:-$(command -v chromium || echo /usr/bin/chromium)}"
