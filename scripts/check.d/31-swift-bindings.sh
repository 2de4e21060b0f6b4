#!/usr/bin/env bash
# The Swift bindings committed in bindings/uniffi/swift are exactly what uniffi-bindgen
# generates from the current library, and generating is deterministic. (No Swift toolchain
# runs here; docs/mobile.md says how to run the Swift tests on a machine with Swift.)
set -euo pipefail
exec "$(dirname "$0")/../../bindings/uniffi/generate-swift.sh" --check
