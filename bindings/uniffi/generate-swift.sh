#!/usr/bin/env bash
# Generate the Swift bindings of samman into the Swift package (bindings/uniffi/swift) from the
# built library (uniffi library mode), or with --check, fail if the committed files differ from
# a fresh generation. Generation runs twice and must give identical bytes (determinism).
#
#   bindings/uniffi/generate-swift.sh          # regenerate after changing the exported API
#   bindings/uniffi/generate-swift.sh --check  # what scripts/check.d/31-swift-bindings.sh runs
set -euo pipefail
cd "$(dirname "$0")/../.."

mode=${1:-write}
cargo build --locked -p samman-ffi -p samman-uniffi-bindgen
target_dir=$(cargo metadata --format-version 1 --no-deps --locked |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')
lib="$target_dir/debug/libsamman_ffi.so"

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
for run in first second; do
  "$target_dir/debug/uniffi-bindgen" generate "$lib" --language swift --no-format \
    --out-dir "$scratch/$run" >/dev/null
done
if ! diff -r "$scratch/first" "$scratch/second" >/dev/null; then
  echo "Swift generation is not deterministic: two runs differ" >&2
  diff -r "$scratch/first" "$scratch/second" | head -20 >&2
  exit 1
fi

# Where each generated file lives in the Swift package. Two uniffi components are generated:
# the binding's (Samman) and the core's types (SammanCore, the core crate's `uniffi` feature);
# both Swift files form the one Swift module Samman, each over its own C module. SwiftPM wants a
# system library's module map to be called module.modulemap.
package=bindings/uniffi/swift
declare -A place=(
  [Samman.swift]="$package/Sources/Samman/Samman.swift"
  [SammanCore.swift]="$package/Sources/Samman/SammanCore.swift"
  [SammanFFI.h]="$package/Sources/SammanFFI/SammanFFI.h"
  [SammanFFI.modulemap]="$package/Sources/SammanFFI/module.modulemap"
  [SammanCoreFFI.h]="$package/Sources/SammanCoreFFI/SammanCoreFFI.h"
  [SammanCoreFFI.modulemap]="$package/Sources/SammanCoreFFI/module.modulemap"
)
mkdir -p "$package/Sources/SammanCoreFFI"
generated=$(cd "$scratch/first" && ls)
expected="Samman.swift SammanCore.swift SammanCoreFFI.h SammanCoreFFI.modulemap SammanFFI.h SammanFFI.modulemap "
if [ "$(echo "$generated" | tr '\n' ' ')" != "$expected" ]; then
  echo "unexpected generated files: $generated" >&2
  exit 1
fi

stale=0
for file in "${!place[@]}"; do
  if [ "$mode" = --check ]; then
    if ! cmp -s "$scratch/first/$file" "${place[$file]}"; then
      echo "${place[$file]} is not what uniffi-bindgen generates now" >&2
      diff -u "${place[$file]}" "$scratch/first/$file" 2>&1 | head -20 >&2 || true
      stale=1
    fi
  else
    cp "$scratch/first/$file" "${place[$file]}"
  fi
done
if [ "$stale" = 1 ]; then
  echo "run bindings/uniffi/generate-swift.sh and commit the result" >&2
  exit 1
fi
if [ "$mode" = --check ]; then
  echo "swift bindings: ${#place[@]} files up to date, generation deterministic"
fi
