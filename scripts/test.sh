#!/usr/bin/env bash
# Every test: formatting, the model's purity, model and view unit tests (native),
# the release build, and the browser tests in headless Chromium (root and sub-path).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install.sh test
. scripts/env.sh
say() { printf '\033[1m== %s\033[0m\n' "$*"; }

say "formatting"
cargo fmt --all -- --check

say "the model crate stays pure"
web=$(cargo tree -p cloud-lab-model -e normal --prefix none |
  grep -E '^(leptos|web-sys|js-sys|wasm-bindgen|plotters|gloo)' || true)
if [ -n "$web" ]; then echo "cloud-lab-model depends on web crates: $web"; exit 1; fi

say "typed HCL waits for the parser's module (demos/src/split.rs), not read in the page's code"
if cargo tree -p cloud-lab -e features -i cloud-lab-model | grep -q 'cloud-lab-model feature "read-at-once"'; then
  echo "the lab builds the model with read-at-once: the HCL parser would leave its module"; exit 1
fi

say "model, view and shell tests (native)"
cargo test -p cloud-lab-model -p cloud-lab-demos -p cloud-lab

say "release build, within the size budget"
scripts/build.sh
scripts/size.sh --check

say "browser tests (Playwright, headless Chromium)"
mkdir -p target/subpath/course
ln -sfn "$PWD/dist" target/subpath/course/lab
(cd tests && npx playwright test)
