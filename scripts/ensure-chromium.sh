#!/usr/bin/env bash
# The e2e tests drive Debian's Chromium (never a downloaded browser). Installs it when missing
# and this user may (root, as on CI); otherwise says what to install.
set -euo pipefail
browser=${CHROMIUM_PATH:-/usr/bin/chromium}
[ -x "$browser" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "installing Debian's chromium for the e2e tests..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "Chromium not found at $browser: install Debian's 'chromium' package (or set CHROMIUM_PATH)." >&2
exit 1
