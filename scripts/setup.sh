#!/usr/bin/env bash
# Create the project's virtual environment (.venv) and install vuer into it.
#   bash scripts/setup.sh          # the package (what the examples need)
#   bash scripts/setup.sh test     # plus the test tools (what scripts/test.sh runs)
# Needs python3 and Node >= 20 with npm (the client is built at install time).
# Installs with apt-get what Debian/Ubuntu may lack (python3-venv); the system
# Python itself is never modified (PEP 668), everything goes into .venv.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

PYTHON="${PYTHON:-python3}"
VENV="${VUER_VENV:-.venv}"
extras="${1:-}"

if ! command -v "$PYTHON" >/dev/null 2>&1; then
  echo "scripts/setup.sh: $PYTHON not found; install Python 3.10 or newer" >&2
  exit 1
fi

# The client build (vite) needs Node 20 or newer; say so before npm fails obscurely.
node_major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
if [ -z "${VUER_SKIP_CLIENT_BUILD:-}" ] && { [ "$node_major" -lt 20 ] || ! command -v npm >/dev/null 2>&1; }; then
  echo "scripts/setup.sh: the client build needs Node >= 20 and npm (found Node ${node_major/#0/none});" \
    "install them from https://nodejs.org or your package manager" >&2
  exit 1
fi

if [ ! -x "$VENV/bin/python" ]; then
  # Debian and Ubuntu ship venv (ensurepip) as a separate package.
  if ! "$PYTHON" -c 'import ensurepip, venv' >/dev/null 2>&1; then
    py_version="$("$PYTHON" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')"
    echo "scripts/setup.sh: installing python${py_version}-venv with apt-get"
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      "python${py_version}-venv" || as_root apt-get install -y --no-install-recommends python3-venv
  fi
  rm -rf "$VENV"
  "$PYTHON" -m venv "$VENV"
fi

spec="."
[ -n "$extras" ] && spec=".[$extras]"
echo "scripts/setup.sh: installing vuer${extras:+[$extras]} into $VENV (builds the client)"
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -e "$spec"
