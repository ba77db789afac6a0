#!/usr/bin/env bash
# The e2e tests drive Debian's Chromium and firefox-esr (never a downloaded browser). Installs
# whichever is missing when this user may (root, as on CI); otherwise says what to install.
set -euo pipefail
missing=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)
[ -x "${FIREFOX_PATH:-/usr/bin/firefox-esr}" ] || missing+=(firefox-esr)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "installing Debian's ${missing[*]} for the e2e tests..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
  exit 0
fi
echo "Not found: ${missing[*]}. Install these Debian packages (or set CHROMIUM_PATH / FIREFOX_PATH)." >&2
exit 1
