#!/usr/bin/env bash
# Builds the lab into dist/ (release, wasm-opt -Oz) and prints what a browser downloads.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install.sh
. scripts/env.sh
# The wasm: Rust's standard library built with the lab, for size (opt-level z and LTO across it),
# and a panic a bare trap, without its message, its location and their formatting code (a panic
# is still an uncaught error that the browser tests catch): 40 KB brotli less (docs/measured.md).
# These rustflags replace .cargo/config.toml's, so they repeat its erase_components.
export RUSTUP_TOOLCHAIN=$WASM_TOOLCHAIN CARGO_UNSTABLE_BUILD_STD=std,panic_abort
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg erase_components -Zunstable-options -Cpanic=immediate-abort"
cargo fetch --quiet --target wasm32-unknown-unknown
trunk build --release
scripts/size.sh
