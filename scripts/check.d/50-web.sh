#!/usr/bin/env bash
# samman on the web: build the WebAssembly package (bindings/wasm/build.sh), run its Node tests
# (the API, and byte-for-byte the same JSON as the native command on every generator kind),
# then the planner page's test in headless Chromium. Installs what it needs on a fresh Debian
# machine: the wasm32 target, wasm-bindgen-cli at the version of the wasm-bindgen crate in
# Cargo.lock, Chromium, binaryen (wasm-opt) and LibreOffice (the spreadsheet tests save their
# fixtures as XLSX with it, as a coordinator's office suite would), and the npm packages.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
target_dir=${CARGO_TARGET_DIR:-$root/target}

rustup target list --installed | grep -qx wasm32-unknown-unknown ||
  rustup target add wasm32-unknown-unknown
version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$version" ]; then
  # --locked first; when a crate pinned by wasm-bindgen-cli's own lock file is not on the
  # registry any more, resolve afresh (the same wasm-bindgen-cli version either way).
  cargo install wasm-bindgen-cli --locked --version "$version" ||
    cargo install wasm-bindgen-cli --version "$version"
fi
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v wasm-opt >/dev/null || missing+=(binaryen)
command -v soffice >/dev/null || missing+=(libreoffice-calc-nogui)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
fi

bindings/wasm/build.sh
apps/planner/build.sh
npm ci --no-audit --no-fund   # package.json: playwright-core, typescript

# The native command the wasm plans are compared with (the workspace's debug build).
cargo build -p samman-cli --locked
export SAMMAN_BIN=$target_dir/debug/samman
node --test bindings/wasm/tests/ apps/planner/tests/
