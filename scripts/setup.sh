#!/usr/bin/env bash
# Installs what Balai needs on a fresh machine with only Python: uv, the locked Python
# packages, and for tests Chromium (Debian), axe-core and lighthouse (npm).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
WANT_BROWSER=${1:-}

if ! command -v uv >/dev/null 2>&1 && [ ! -x .venv-tools/bin/uv ]; then
  echo "== installing uv"
  "$PY" -m venv .venv-tools
  .venv-tools/bin/pip install --quiet --disable-pip-version-check uv
fi
UV=$(command -v uv || echo .venv-tools/bin/uv)
# Use the system trust store: some networks intercept TLS with their own CA.
export UV_SYSTEM_CERTS=1
echo "== uv sync"
"$UV" sync --frozen --quiet

if [ "$WANT_BROWSER" = "browser" ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  # Install only what is missing: Debian's npm conflicts with a Node.js that ships its own npm.
  pkgs=()
  [ -x /usr/bin/chromium ] || pkgs+=(chromium)
  command -v npm >/dev/null 2>&1 || pkgs+=(npm)
  # Certificate tests: pdftotext/pdftoppm/pdfsig check the PDFs, zbarimg reads their QR code.
  command -v pdfsig >/dev/null 2>&1 || pkgs+=(poppler-utils)
  command -v zbarimg >/dev/null 2>&1 || pkgs+=(zbar-tools)
  # Benchmarks: wrk, a C load generator (a Python client would steal the CPU it measures).
  command -v wrk >/dev/null 2>&1 || pkgs+=(wrk)
  if [ ${#pkgs[@]} -gt 0 ]; then
    echo "== installing ${pkgs[*]} (Debian packages)"
    $SUDO apt-get update -qq
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${pkgs[@]}" >/dev/null
  fi
  if [ ! -f node_modules/axe-core/axe.min.js ] || [ ! -x node_modules/.bin/lighthouse ]; then
    echo "== npm ci (axe-core, lighthouse)"
    npm ci --silent --no-audit --no-fund
  fi
fi
