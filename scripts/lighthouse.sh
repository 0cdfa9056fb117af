#!/usr/bin/env bash
# Lighthouse scores (mobile with default throttling, and desktop) for the home page, every demo,
# the tour (its first step and a later one), the exercises and the project of a fresh release
# build, served compressed like CloudFront (tests/serve.py --cdn).
# Each page's mobile run is repeated (LH_RUNS, default 5) and its median run reported.
# usage: [LH_RUNS=5] scripts/lighthouse.sh [page ...]   (default: every page)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install.sh test
. scripts/env.sh
scripts/build.sh >/dev/null
pages=${*:-$(sed -n 's/^ *\(id\|slug\): "\([a-z-]*\)",$/\2/p' model/src/catalog.rs) tour tour?step=5 exercises project}
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
(cd tests && set -f && node lighthouse.mjs $pages)
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
