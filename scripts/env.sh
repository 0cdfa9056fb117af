# Sourced by the scripts: tools on PATH, Trunk kept offline and quiet.
export PATH="$PWD/.tools/wasm-split/bin:$PWD/.tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
export TRUNK_OFFLINE=true
# The wasm's toolchain (scripts/build.sh): a pinned nightly, for what stable Rust cannot do.
WASM_TOOLCHAIN=nightly-2026-05-20
