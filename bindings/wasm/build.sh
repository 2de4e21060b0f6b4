#!/usr/bin/env bash
# Build the npm package into bindings/wasm/pkg/: the core compiled for wasm32 (single-threaded,
# without the `parallel` feature), wasm-bindgen's ES module and .d.ts, wasm-opt when it is
# installed, and the loader (index.js, index.d.ts, package.json) from js/.
#
# Needs: rustup target wasm32-unknown-unknown, wasm-bindgen-cli at the version of the
# wasm-bindgen crate in Cargo.lock; optional: wasm-opt (Debian's binaryen).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
target_dir=${CARGO_TARGET_DIR:-$root/target}
pkg=$here/pkg

cargo build --manifest-path "$root/Cargo.toml" --locked --release \
  -p samman-wasm --target wasm32-unknown-unknown
rm -rf "$pkg"
mkdir -p "$pkg"
wasm-bindgen --target web --out-dir "$pkg" --out-name samman_wasm \
  "$target_dir/wasm32-unknown-unknown/release/samman_wasm.wasm"
if command -v wasm-opt >/dev/null; then
  # The features rustc enables for wasm32-unknown-unknown; -O3: speed over size (it is still
  # well under 3 MB).
  wasm-opt -O3 --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-multivalue --enable-reference-types \
    "$pkg/samman_wasm_bg.wasm" -o "$pkg/samman_wasm_bg.wasm.opt"
  mv "$pkg/samman_wasm_bg.wasm.opt" "$pkg/samman_wasm_bg.wasm"
else
  echo "build.sh: wasm-opt not found, the .wasm is not optimised (apt-get install binaryen)" >&2
fi
cp "$here/js/index.js" "$here/js/index.d.ts" "$here/js/package.json" "$pkg/"
rm -f "$pkg/.gitignore"
echo "built $pkg ($(wc -c <"$pkg/samman_wasm_bg.wasm") bytes of wasm)"
