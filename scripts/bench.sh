#!/usr/bin/env bash
# Benchmarks: criterion over every model entry point (native), then, in headless Chromium,
# every control of every demo: input → update and → next painted frame, worst control per demo.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install.sh test
. scripts/env.sh
cargo bench -p cloud-lab-model --bench model -- --noplot 2>/dev/null | scripts/criterion_table.py
scripts/build.sh >/dev/null
mkdir -p target/subpath/course && ln -sfn "$PWD/dist" target/subpath/course/lab
(cd tests && npx playwright test --config bench.config.ts --reporter=list 2>&1 | grep -E '^\|')
