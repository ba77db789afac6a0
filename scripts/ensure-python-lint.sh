#!/usr/bin/env bash
# `npm run lint` checks training/ with Debian's black and flake8 (PyPI is not reachable here).
# Installs them when missing and this user may (root, as on CI); otherwise says what to install.
set -euo pipefail
command -v black >/dev/null && command -v flake8 >/dev/null && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "installing Debian's black and flake8 for the Python lint..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq black flake8 >/dev/null
  exit 0
fi
echo "black/flake8 not found: install Debian's 'black' and 'flake8' packages." >&2
exit 1
