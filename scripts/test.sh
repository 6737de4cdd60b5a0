#!/usr/bin/env bash
# Set up everything the tests need on a fresh Debian machine, then run them all.
#   bash scripts/test.sh [pytest args...]
# Installs Debian's chromium (the browser tests drive it through playwright; we
# never run `playwright install`), installs the package with its test extras
# (the build hook runs `npm ci` + `vite build` for the client), runs pytest and
# exits with its status.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

PYTHON="${PYTHON:-python3}"
apt_packages=()
[ -x /usr/bin/chromium ] || apt_packages+=(chromium fonts-dejavu-core)
command -v npm >/dev/null 2>&1 || apt_packages+=(nodejs npm)
"$PYTHON" -m pip --version >/dev/null 2>&1 || apt_packages+=(python3-pip)
if [ ${#apt_packages[@]} -gt 0 ]; then
  echo "scripts/test.sh: installing ${apt_packages[*]} with apt-get"
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
    "${apt_packages[@]}"
fi

# The client build (vite) needs Node 20 or newer; say so before npm fails obscurely.
node_major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
if [ -z "${VUER_SKIP_CLIENT_BUILD:-}" ] && [ "$node_major" -lt 20 ]; then
  echo "scripts/test.sh: Node $node_major found; the client build needs Node >= 20" >&2
  exit 1
fi

# Outside a virtualenv Debian's Python refuses pip installs unless told otherwise.
if [ -z "${VIRTUAL_ENV:-}" ]; then export PIP_BREAK_SYSTEM_PACKAGES=1; fi
"$PYTHON" -m pip install --disable-pip-version-check -e ".[test]"

exec "$PYTHON" -m pytest "$@"
