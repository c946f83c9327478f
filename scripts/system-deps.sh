#!/usr/bin/env bash
# Install the Debian packages the tool needs, only when they are missing (idempotent, quiet).
#   scripts/system-deps.sh          Graphviz and CJK fonts (rendering)
#   scripts/system-deps.sh --browser  ... and Chromium (browser tests), PostgreSQL (store tests),
#                                     Node and npm (interop checks)
#   scripts/system-deps.sh --venv     ... and what `python3 -m venv` needs (Debian splits it off)
set -euo pipefail
missing=()
command -v dot >/dev/null 2>&1 || missing+=(graphviz)
fc-list :lang=zh 2>/dev/null | grep -q . || missing+=(fonts-noto-cjk fontconfig)
fc-list "DejaVu Sans" 2>/dev/null | grep -q . || missing+=(fonts-dejavu-core)  # what the print falls back to
# Printed pages (cairocffi) and the board's outcome picture as PDF (cairosvg) draw through the cairo library.
{ ldconfig -p 2>/dev/null || /sbin/ldconfig -p 2>/dev/null; } | grep -q 'libcairo\.so\.2' || missing+=(libcairo2)
if [ "${1:-}" = "--venv" ]; then
  "${PYTHON:-python3}" -c 'import ensurepip, venv' >/dev/null 2>&1 || missing+=(python3-venv)
fi
if [ "${1:-}" = "--browser" ]; then
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  # The store's tests start a PostgreSQL server of their own with initdb and pg_ctl.
  { command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; } \
    || missing+=(postgresql)
  command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
fi
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing system packages: ${missing[*]}" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "error: need root (or sudo) to install: ${missing[*]}" >&2; exit 1; fi
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >/dev/null
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
