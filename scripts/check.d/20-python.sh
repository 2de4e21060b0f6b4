#!/usr/bin/env bash
# The Python package (bindings/python): build and install it into .venv at the repository
# root (created if missing), then run its pytest suite and check its stubs with mypy.stubtest.
# Uses the workspace's cargo target directory, so only the extension's own crates rebuild.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
export PATH="$root/.venv/bin:$PATH"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"
export PIP_DISABLE_PIP_VERSION_CHECK=1

python -m pip install --quiet -r bindings/python/requirements-test.txt
# A real wheel built by maturin (release profile) and installed like any user's would be;
# --no-build-isolation reuses the pinned maturin instead of fetching one per build.
python -m pip install --quiet --no-build-isolation --no-deps --force-reinstall ./bindings/python

# From the package directory, so that pytest reads pyproject.toml (filterwarnings = error)
# and `import samman` finds the installed package, not the sources.
cd bindings/python
python -m pytest
python -m mypy.stubtest samman
