#!/usr/bin/env bash
# Lighthouse scores for the home page and every demo of a fresh release build.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install.sh test
. scripts/env.sh
scripts/build.sh >/dev/null
ids=$(sed -n 's/^ *id: "\([a-z-]*\)",$/\1/p' model/src/catalog.rs)
(cd tests && node lighthouse.mjs $ids tour)
