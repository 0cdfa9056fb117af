#!/usr/bin/env bash
# Builds the lab and serves dist/ on http://127.0.0.1:${PORT:-8080}/ with a plain static server.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
echo "Cloud Lab: http://127.0.0.1:${PORT:-8080}/"
exec python3 -m http.server "${PORT:-8080}" --bind 127.0.0.1 --directory dist
