#!/usr/bin/env bash
# Kotlin bindings, tested for real: build libsamman_ffi, generate the Kotlin bindings from it
# (uniffi library mode), compile them with the Kotlin Maven plugin and run the JUnit tests on
# the JVM against the real shared library. Maven fetches Kotlin, JNA and JUnit from Maven
# Central on a fresh machine and keeps them in ~/.m2.
set -euo pipefail
cd "$(dirname "$0")/../.."

cargo build --locked -p samman-ffi -p samman-uniffi-bindgen
target_dir=$(cargo metadata --format-version 1 --no-deps --locked |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')
lib="$target_dir/debug/libsamman_ffi.so"

generated=bindings/uniffi/kotlin/target/generated-sources/uniffi
rm -rf "$generated"
"$target_dir/debug/uniffi-bindgen" generate "$lib" --language kotlin \
  --no-format --out-dir "$generated"

# The Kotlin example in docs/mobile.md is the one UsageExampleTest runs, line for line.
python3 - docs/mobile.md bindings/uniffi/kotlin/src/test/kotlin/se/samman/UsageExampleTest.kt <<'PY'
import re, sys, textwrap
doc = open(sys.argv[1]).read()
blocks = re.findall(r"```kotlin\n(.*?)```", doc, re.S)
test = open(sys.argv[2]).read()
region = re.search(r"// docs/mobile.md: begin\n(.*?)\s*// docs/mobile.md: end", test, re.S)
if len(blocks) != 1 or region is None:
    sys.exit("docs/mobile.md needs one kotlin block and the test its two markers")
if textwrap.dedent(region.group(1)).strip() != blocks[0].strip():
    sys.exit("the kotlin example in docs/mobile.md differs from UsageExampleTest.kt")
PY

mvn -q -B -Dstyle.color=never -f bindings/uniffi/kotlin/pom.xml test -Dsamman.lib.dir="$target_dir/debug"

# Maven is quiet; say how many tests ran (a failure has already stopped the script above).
echo  # Maven leaves a colour reset without a newline
python3 - bindings/uniffi/kotlin/target/surefire-reports <<'PY'
import pathlib, sys, xml.etree.ElementTree as ET
runs = failed = 0
for report in pathlib.Path(sys.argv[1]).glob("TEST-*.xml"):
    suite = ET.parse(report).getroot()
    runs += int(suite.get("tests"))
    failed += int(suite.get("failures")) + int(suite.get("errors"))
if runs == 0:
    sys.exit("kotlin: no test ran")
print(f"kotlin: {runs - failed} passed, {failed} failed")
PY
