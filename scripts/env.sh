# Sourced by the scripts: tools on PATH, Trunk kept offline and quiet.
export PATH="$PWD/.tools/wasm-split/bin:$PWD/.tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
export TRUNK_OFFLINE=true
