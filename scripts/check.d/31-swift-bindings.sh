#!/usr/bin/env bash
# The Swift bindings committed in bindings/uniffi/swift are exactly what uniffi-bindgen
# generates from the current library, and generating is deterministic. No Swift toolchain runs
# here; docs/mobile.md says how to run the Swift tests on a machine with Swift.
set -euo pipefail
cd "$(dirname "$0")/../.."

# The Swift example in docs/mobile.md is the one the Swift usage test holds, line for line.
python3 - docs/mobile.md bindings/uniffi/swift/Tests/SammanTests/SammanTests.swift <<'PY'
import re, sys, textwrap
doc = open(sys.argv[1]).read()
blocks = re.findall(r"```swift\n(.*?)```", doc, re.S)
test = open(sys.argv[2]).read()
region = re.search(r"// docs/mobile.md: begin\n(.*?)\s*// docs/mobile.md: end", test, re.S)
if len(blocks) != 1 or region is None:
    sys.exit("docs/mobile.md needs one swift block and SammanTests.swift its two markers")
if textwrap.dedent(region.group(1)).strip() != blocks[0].strip():
    sys.exit("the swift example in docs/mobile.md differs from SammanTests.swift")
PY

exec bindings/uniffi/generate-swift.sh --check
