#!/usr/bin/env bash
# The peer comparison (benches/peers): install its pinned peers into the .venv made by
# 20-python.sh (which installed samman's wheel) and run its quick mode, the small size only,
# so that the harness and its equality checks cannot rot. Writes nothing.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD

if [ ! -x .venv/bin/python ]; then
  echo "25-peers.sh: .venv is missing; scripts/check.d/20-python.sh makes it" >&2
  exit 1
fi
export PATH="$root/.venv/bin:$PATH"
export PIP_DISABLE_PIP_VERSION_CHECK=1

python -m pip install --quiet -r benches/peers/requirements.txt
python benches/peers/peers.py --quick
