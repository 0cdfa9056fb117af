#!/usr/bin/env bash
# Installs what building (and, with `test`, testing) the lab needs, from the package
# registries only, skipping whatever is already there.
#   scripts/install.sh         build tools: wasm target, Trunk, wasm-bindgen-cli, wasm-split-cli, wasm-opt
#   scripts/install.sh test    also Chromium + its driver, brotli, the Playwright packages
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132.0.0
LIGHTNINGCSS_VERSION=1.33.0
ESBUILD_VERSION=0.28.2
REPO=$PWD
TOOLS="$REPO/.tools"
# The CLI must match the wasm-bindgen crate in Cargo.lock exactly.
WASM_BINDGEN_VERSION=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"$/\1/p')

say() { printf '\033[1m== %s\033[0m\n' "$*"; }

rustup target list --installed | grep -qx wasm32-unknown-unknown ||
  { say "adding the wasm32 target"; rustup target add wasm32-unknown-unknown; }
# The wasm is built with a pinned nightly and its own build of the standard library (build.sh).
. scripts/env.sh
rustup +"$WASM_TOOLCHAIN" component list --installed 2>/dev/null | grep -qx rust-src ||
  { say "installing Rust $WASM_TOOLCHAIN for the wasm"; rustup toolchain install "$WASM_TOOLCHAIN" \
      --profile minimal --target wasm32-unknown-unknown --component rust-src; }

# Trunk 0.22 needs a newer rustc than this toolchain: pin 0.21.14.
[ "$(trunk --version 2>/dev/null)" = "trunk $TRUNK_VERSION" ] ||
  { say "installing Trunk $TRUNK_VERSION (several minutes)"; cargo install trunk --version "$TRUNK_VERSION" --locked; }

# Not --locked: the registry lacks a crate that the CLI's own lockfile pins.
[ "$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $WASM_BINDGEN_VERSION" ] ||
  { say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"; cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"; }

# Cuts the app's wasm into modules (scripts/split_wasm.py): the published wasm-split-cli with
# tools/wasm-split-chunks.patch applied, built into .tools/wasm-split/ (on PATH by env.sh).
WASM_SPLIT_VERSION=0.2.4
WASM_SPLIT_SHA256=f6c1f994b196e31969f4cdbe37d051362659567efc0f5c90cb931a8a5cdc530f
split_want="$WASM_SPLIT_VERSION $(sha256sum tools/wasm-split-chunks.patch | cut -d' ' -f1)"
if [ "$(cat "$TOOLS/wasm-split/built-from" 2>/dev/null)" != "$split_want" ] || [ ! -x "$TOOLS/wasm-split/bin/wasm-split-cli" ]; then
  say "building wasm-split-cli $WASM_SPLIT_VERSION with tools/wasm-split-chunks.patch"
  src=$(mktemp -d)
  curl -fsSL -o "$src/crate.tar.gz" \
    "https://static.crates.io/crates/wasm_split_cli_support/wasm_split_cli_support-$WASM_SPLIT_VERSION.crate"
  echo "$WASM_SPLIT_SHA256  $src/crate.tar.gz" | sha256sum -c --quiet
  tar -xzf "$src/crate.tar.gz" -C "$src"
  crate="$src/wasm_split_cli_support-$WASM_SPLIT_VERSION"
  (cd "$crate" && git apply "$REPO/tools/wasm-split-chunks.patch")
  cargo install --locked --path "$crate" --features build-binary --root "$TOOLS/wasm-split"
  echo "$split_want" > "$TOOLS/wasm-split/built-from"
  rm -rf "$src"
fi

# Debian's wasm-opt (108) builds a wasm that crashes in the browser; npm's binaryen has 132.
[ -x "$TOOLS/node_modules/.bin/wasm-opt" ] ||
  { say "installing wasm-opt (binaryen $BINARYEN_VERSION) into .tools/"; npm install --prefix "$TOOLS" --no-audit --no-fund --silent "binaryen@$BINARYEN_VERSION"; }
# The stylesheet and the scripts that run the wasm are shipped minified (Trunk.toml's first
# hook, scripts/split_wasm.py).
[ -x "$TOOLS/node_modules/.bin/lightningcss" ] ||
  { say "installing lightningcss-cli $LIGHTNINGCSS_VERSION into .tools/"; npm install --prefix "$TOOLS" --no-audit --no-fund --silent "lightningcss-cli@$LIGHTNINGCSS_VERSION"; }
[ -x "$TOOLS/node_modules/.bin/esbuild" ] ||
  { say "installing esbuild $ESBUILD_VERSION into .tools/"; npm install --prefix "$TOOLS" --no-audit --no-fund --silent "esbuild@$ESBUILD_VERSION"; }

# Debian packages: brotli measures what a browser downloads (scripts/size.sh); the tests
# drive Debian's Chromium (Playwright never downloads a browser of its own here).
missing=()
command -v brotli >/dev/null || missing+=(brotli)
if [ "${1:-}" = test ]; then
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  command -v openssl >/dev/null || missing+=(openssl)  # serve.py --cdn: HTTPS for Lighthouse
fi
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]} from Debian"
  SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

[ "${1:-}" = test ] || exit 0

# The browser-test packages (Playwright, axe-core, Lighthouse), reinstalled when the lockfile changes.
stamp=tests/node_modules/.installed-from
lock=$(sha256sum tests/package-lock.json | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$lock" ]; then
  say "installing the browser-test packages"
  (cd tests && npm ci --no-audit --no-fund --silent)
  echo "$lock" > "$stamp"
fi
