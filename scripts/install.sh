#!/usr/bin/env bash
# Install the project into .venv: CPU-only torch first (a plain `pip install torch` pulls several GB of
# CUDA packages), then the package itself. Pass "test" to add the test tools (and Chromium from Debian).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/pip install --quiet "torch==2.13.0"
if [ "${1:-}" = "test" ]; then
    .venv/bin/pip install --quiet -e ".[test]"
    # The page test drives Debian's headless Chromium; a test tool's own browser download would fail here.
    if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
        if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
        $SUDO apt-get update -qq
        $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
    fi
else
    .venv/bin/pip install --quiet -e .
fi
