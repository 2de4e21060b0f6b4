#!/usr/bin/env bash
# Size and speed of samman on the web (BENCHMARKS.md, "On the web"): builds the package, the
# planner folder and the native release command, then runs bench.mjs. Arguments: SIZE RUNS.
set -euo pipefail
cd "$(dirname "$0")/../.."
target_dir=${CARGO_TARGET_DIR:-$PWD/target}
bindings/wasm/build.sh
apps/planner/build.sh
npm ci --no-audit --no-fund
cargo build --release --locked -p samman-cli
node benches/web/bench.mjs "$target_dir/release/samman" "${1:-2000}" "${2:-3}"
