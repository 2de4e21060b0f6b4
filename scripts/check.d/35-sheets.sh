#!/usr/bin/env bash
# Spreadsheets end to end, with a real office suite: the sample sheets of examples/sheets/
# converted by LibreOffice (headless) to XLSX and ODS, read by `samman solve`, and the
# workbook it writes opened again by LibreOffice (each sheet to CSV) and by openpyxl, with
# the people of each placement in their provider's block and the names carried through.
# Also the sheets as Swedish Excel saves CSV: Windows-1252, with a byte-order mark.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD

if ! command -v soffice >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq libreoffice-calc-nogui >/dev/null
fi
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
export PIP_DISABLE_PIP_VERSION_CHECK=1
.venv/bin/python -m pip install --quiet -r bindings/python/requirements-test.txt
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"
cargo build --quiet --locked -p samman-cli
samman="$CARGO_TARGET_DIR/debug/samman"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp examples/sheets/gaster.csv examples/sheets/vardar.csv examples/sheets/policy.json "$work/"
cd "$work"
# A private LibreOffice profile: a fresh machine has none, and a shared one can be locked.
office() { soffice -env:UserInstallation="file://$work/profile" --headless "$@" >/dev/null 2>&1; }
# Semicolons (59), quotes (34), UTF-8 (76), from row 1, Swedish number format (1053).
office --infilter="CSV:59,34,76,1,,1053" --convert-to xlsx gaster.csv
office --infilter="CSV:59,34,76,1,,1053" --convert-to ods vardar.csv
test -s gaster.xlsx && test -s vardar.ods

# Swedish Excel's CSV: Windows-1252 (å ä ö as single bytes) and CRLF; and UTF-8 with a BOM.
iconv -f UTF-8 -t WINDOWS-1252 gaster.csv | sed 's/$/\r/' > gaster-1252.csv
printf '\xef\xbb\xbf' | cat - vardar.csv > vardar-bom.csv

run() { "$samman" solve --solver groups --policy policy.json "$@"; }
LANG=sv_SE.UTF-8 run --seekers gaster.xlsx --providers vardar.ods -o plan.xlsx
run --seekers gaster.xlsx --providers vardar.ods -o plan-office.csv
run --seekers gaster-1252.csv --providers vardar-bom.csv -o plan-1252.csv
run --seekers gaster.csv --providers vardar.csv -o plan-utf8.csv

# The same people read from every form give the same placements.
cut -d, -f1,5 plan-office.csv > office.pairs
cut -d';' -f1,5 plan-utf8.csv | tr ';' , > utf8.pairs
iconv -f WINDOWS-1252 -t UTF-8 plan-1252.csv | tr -d '\r' | cut -d';' -f1,5 | tr ';' , > cp1252.pairs
diff office.pairs utf8.pairs
diff cp1252.pairs utf8.pairs
# The CSV output keeps the input's form: Windows-1252 in, Windows-1252 out.
if iconv -f UTF-8 -t UTF-8 plan-1252.csv >/dev/null 2>&1; then
  echo "plan-1252.csv should be Windows-1252" >&2
  exit 1
fi

# The workbook opened by LibreOffice: every sheet to CSV (UTF-8, commas).
office --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' plan.xlsx
"$root/.venv/bin/python" "$root/scripts/sheets/check_workbook.py" plan.xlsx plan-office.csv .
echo "sheets: 1 passed, 0 failed"
