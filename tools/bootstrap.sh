#!/usr/bin/env bash
# One-time set-up, run by `make` before anything needs the virtualenv:
#   1. the Debian packages in tools/apt-packages.txt (as root, or with sudo; otherwise
#      print exactly what to install and stop);
#   2. the virtualenv .venv with the project and its dev extras from pyproject.toml;
#   3. the pinned reveal.js release for the slide decks (tools/vendor_reveal.sh, needs npm).
# Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
VENV=${VENV:-.venv}

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

if ! command -v "$PYTHON" >/dev/null 2>&1; then
  echo "error: $PYTHON not found. Install Python 3.11 or newer (apt-get install python3)." >&2
  exit 1
fi
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "error: Python 3.11 or newer is needed; $PYTHON is $("$PYTHON" -V 2>&1)." >&2
  exit 1
fi

mapfile -t wanted < <(grep -v '^\s*#' tools/apt-packages.txt | grep -v '^\s*$')
# A Python without ensurepip (Debian's own python3) needs python3-venv for `-m venv`.
if ! "$PYTHON" -c 'import ensurepip' >/dev/null 2>&1; then
  wanted+=(python3-venv)
fi
# npm fetches reveal.js for the slide decks. A machine whose Node.js already brings npm
# (e.g. a NodeSource build, whose nodejs conflicts with Debian's npm) needs nothing more;
# a plain Debian 12 gets Debian's nodejs and npm.
if ! command -v npm >/dev/null 2>&1; then
  wanted+=(nodejs npm)
fi
missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for pkg in "${wanted[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$pkg")
    fi
  done
else
  say "dpkg-query not found: not a Debian system, assuming system packages are present"
fi

if ((${#missing[@]})); then
  if [[ $(id -u) -eq 0 ]]; then
    SUDO=()
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO=(sudo)
  else
    echo "error: these system packages are missing and I cannot install them (not root, no sudo):" >&2
    echo "  ${missing[*]}" >&2
    echo "Install them with:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
  say "installing system packages: ${missing[*]}"
  # Another apt run (a second checkout's first make) holds the dpkg lock: wait for it
  # rather than fail.
  lock=(-o DPkg::Lock::Timeout=900)
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "${lock[@]}" update -qq
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "${lock[@]}" install -y -qq --no-install-recommends "${missing[@]}"
fi

if [[ ! -x "$VENV/bin/python" ]]; then
  say "creating virtualenv $VENV"
  "$PYTHON" -m venv "$VENV"
fi
say "installing the project and its dev tools into $VENV (first time: a few minutes)"
"$VENV/bin/python" -m pip install -q --upgrade pip
"$VENV/bin/python" -m pip install -q -e ".[dev]"
"$VENV/bin/python" -c 'import manim, mathkit, scenes' >/dev/null
# reveal.js for the HTML slide decks (make slides), fetched with npm and verified.
bash tools/vendor_reveal.sh
say "ready: $("$VENV/bin/python" -c 'import manim; print("manim", manim.__version__)')"
