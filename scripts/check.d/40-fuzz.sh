#!/usr/bin/env bash
# The fuzz targets (fuzz/, cargo-fuzz): install cargo-fuzz if missing, build every target once,
# then run each for a bounded time (FUZZ_SECONDS, 30 by default), failing on any crash. Runs on
# the nightly toolchain when one is installed, otherwise on stable with RUSTC_BOOTSTRAP=1 (the
# flags cargo-fuzz passes are nightly-only). A crash leaves its input in fuzz/artifacts/<target>/;
# reproduce it with `cargo fuzz run <target> <file>` and add it to crates/samman/tests/.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
seconds=${FUZZ_SECONDS:-30}

if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked
fi
if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
  fuzz=(cargo +nightly fuzz)
else
  export RUSTC_BOOTSTRAP=1
  fuzz=(cargo fuzz)
fi
# Its own target directory: the instrumented build shares nothing with the workspace's.
unset CARGO_TARGET_DIR
# No sanitizer: samman has no unsafe code, and the build is then the same on stable and
# nightly. Debug assertions on, so that an arithmetic overflow is a crash.
flags=(--sanitizer none --debug-assertions --target-dir "$root/fuzz/target")

targets=$("${fuzz[@]}" list --fuzz-dir fuzz)
# Check that the decoders still yield instances worth fuzzing.
(cd fuzz && CARGO_TARGET_DIR="$root/fuzz/target/tests" cargo test --locked --lib --quiet)
"${fuzz[@]}" build --fuzz-dir fuzz "${flags[@]}"

for target in $targets; do
  # New inputs go to a scratch corpus under fuzz/target; the committed seeds stay as they are.
  scratch=fuzz/target/corpus/$target
  mkdir -p "$scratch"
  log=fuzz/target/$target.log
  echo "fuzzing $target for ${seconds}s (log: $log)"
  if ! "${fuzz[@]}" run --fuzz-dir fuzz "${flags[@]}" "$target" "$scratch" "fuzz/corpus/$target" -- \
    -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 -print_final_stats=1 >"$log" 2>&1; then
    tail -n 40 "$log" >&2
    echo "fuzz target $target failed; the input is in fuzz/artifacts/$target/" >&2
    exit 1
  fi
  grep -E 'stat::number_of_executed_units' "$log"
done
