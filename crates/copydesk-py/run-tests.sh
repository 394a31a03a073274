#!/usr/bin/env bash
# Builds the copydesk wheel and runs the Python tests against it: a venv in
# target/py-venv with maturin, pytest and the Spark helper's dependencies
# (tests/requirements.txt), the wheel built by maturin and installed, and the
# copydesk binary built from the same tree for the tests to compare with.
# Extra arguments go to pytest. Needs python3 (3.9+), cargo and Java 17+.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
venv="$root/target/py-venv"
wheels="$root/target/py-wheels"
step() { printf '\n== %s (%ss)\n' "$*" "$SECONDS"; }

step "venv and test dependencies"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -m pip install -q --disable-pip-version-check -r "$here/tests/requirements.txt"
command -v java >/dev/null || { echo "the Spark test needs Java 17 or newer on PATH" >&2; exit 1; }

step "copydesk binary"
cargo build -q --release -p copydesk --bin copydesk

step "wheel"
rm -rf "$wheels"
"$venv/bin/maturin" build -q --release -m "$here/Cargo.toml" -o "$wheels"
"$venv/bin/python" -m pip install -q --disable-pip-version-check --force-reinstall --no-deps "$wheels"/*.whl

step "pytest"
cd "$here"
PYSPARK_PYTHON="$venv/bin/python" COPYDESK_BIN="$root/target/release/copydesk" "$venv/bin/python" -m pytest "$@"
step "done"
