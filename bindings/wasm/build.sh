#!/usr/bin/env bash
# Build the npm package into bindings/wasm/pkg/: the core compiled for wasm32 (single-threaded,
# without the `parallel` feature), wasm-opt when it is installed, wasm-bindgen's ES module and
# .d.ts, the loader (index.js, index.d.ts, package.json) from js/, and types.d.ts generated
# from the core's JSON Schemas.
#
# Needs: rustup target wasm32-unknown-unknown, wasm-bindgen-cli at the version of the
# wasm-bindgen crate in Cargo.lock; optional: wasm-opt (Debian's binaryen).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
target_dir=${CARGO_TARGET_DIR:-$root/target}
pkg=$here/pkg

# The `wasm-release` profile (Cargo.toml): release, with the spreadsheet dependencies
# optimised for size.
cargo build --manifest-path "$root/Cargo.toml" --locked --profile wasm-release \
  -p samman-wasm --target wasm32-unknown-unknown
rm -rf "$pkg"
mkdir -p "$pkg"
wasm=$target_dir/wasm32-unknown-unknown/wasm-release/samman_wasm.wasm
if command -v wasm-opt >/dev/null; then
  # Before wasm-bindgen, not after: Debian's binaryen (108) writes the externref table that
  # wasm-bindgen adds as anyref, which engines reject. The features are those rustc enables for
  # wasm32-unknown-unknown; -O3: speed over size.
  wasm-opt -O3 --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-multivalue --enable-reference-types \
    "$wasm" -o "$pkg/optimised.wasm"
  wasm=$pkg/optimised.wasm
else
  echo "build.sh: wasm-opt not found, the .wasm is not optimised (apt-get install binaryen)" >&2
fi
wasm-bindgen --target web --out-dir "$pkg" --out-name samman_wasm "$wasm"
rm -f "$pkg/optimised.wasm"
cp "$here/js/index.js" "$here/js/index.d.ts" "$here/js/package.json" "$pkg/"
# types.d.ts: TypeScript types of the documents, from the core's JSON Schemas.
node "$here/js/schema-to-ts.mjs" "$pkg"
rm -f "$pkg/.gitignore"
echo "built $pkg ($(wc -c <"$pkg/samman_wasm_bg.wasm") bytes of wasm)"
