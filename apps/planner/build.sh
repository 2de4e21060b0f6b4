#!/usr/bin/env bash
# Put the samman package (bindings/wasm/pkg, built by bindings/wasm/build.sh) into
# apps/planner/samman/, so that this folder is the whole page (serve it from any static host),
# and write planner-offline.html, the same page in one file that works opened from disk. With
# --wasm, build the package first.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
pkg=$here/../../bindings/wasm/pkg
if [ "${1:-}" = "--wasm" ]; then
  "$here/../../bindings/wasm/build.sh"
fi
[ -f "$pkg/index.js" ] || { echo "no $pkg: run bindings/wasm/build.sh first" >&2; exit 1; }
rm -rf "$here/samman"
mkdir -p "$here/samman"
cp "$pkg"/index.js "$pkg"/samman_wasm.js "$pkg"/samman_wasm_bg.wasm "$here/samman/"
echo "copied the samman package into $here/samman"
# The same page in one file, for opening from disk (file://).
node "$here/offline.mjs"
