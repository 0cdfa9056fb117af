#!/usr/bin/env bash
# Builds the lab into dist/ (release, wasm-opt -Oz) and prints what a browser downloads.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install.sh
. scripts/env.sh
cargo fetch --quiet
trunk build --release
scripts/size.sh
