#!/usr/bin/env bash
# What a browser downloads from dist/ (scripts/size.py); --check compares with ./size-budget.
set -euo pipefail
cd "$(dirname "$0")/.."
exec python3 scripts/size.py "$@"
