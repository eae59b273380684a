#!/usr/bin/env bash
# Install everything the tests need, then run the whole suite (real model, real servers, real browser).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh test
export HF_HUB_OFFLINE=1
.venv/bin/ruff check kg service bench tests examples
.venv/bin/ruff format --check kg service bench tests examples
exec .venv/bin/pytest "$@"
