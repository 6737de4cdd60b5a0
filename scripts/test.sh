#!/usr/bin/env bash
# Set up everything the tests need on a fresh Debian machine, then run them all.
#   bash scripts/test.sh [pytest args...]
# Installs Debian's chromium (the browser tests drive it through playwright; we
# never run `playwright install`), installs the package with its test extras
# into .venv through scripts/setup.sh (the build hook runs `npm ci` + `vite
# build` for the client), runs that venv's pytest and exits with its status.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

if [ ! -x /usr/bin/chromium ]; then
  echo "scripts/test.sh: installing chromium with apt-get"
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
    chromium fonts-dejavu-core
fi

bash scripts/setup.sh test
exec "${VUER_VENV:-.venv}/bin/python" -m pytest "$@"
