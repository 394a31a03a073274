"""Fixtures shared by the tests: the corpus and the Rust binary's records of it.

The tests run against the installed ``copydesk`` wheel (run-tests.sh builds
and installs it) and compare it with the ``copydesk`` binary built from the
same tree: ``COPYDESK_BIN``, else ``target/release/copydesk``.
"""

import json
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
CORPUS = ROOT / "corpus"


def binary():
    path = Path(os.environ.get("COPYDESK_BIN", ROOT / "target" / "release" / "copydesk"))
    if not path.exists():
        pytest.fail(f"no copydesk binary at {path}: run crates/copydesk-py/run-tests.sh or set COPYDESK_BIN")
    return path


def run_binary(*args):
    """The binary's JSON Lines records for ``args``, run from the repository
    root (so that sources read ``corpus/NAME``), in input order."""
    out = subprocess.run(
        [str(binary()), *args, "--sort", "-q"], cwd=ROOT, capture_output=True, check=False
    )
    assert out.returncode in (0, 1), out.stderr.decode()
    return [json.loads(line) for line in out.stdout.splitlines()]


@pytest.fixture(scope="session")
def corpus():
    """``[(source path as the binary names it, bytes)]`` of every corpus file, in name order."""
    return [(f"corpus/{p.name}", p.read_bytes()) for p in sorted(CORPUS.iterdir())]


@pytest.fixture(scope="session")
def binary_records(corpus):
    """The binary's record of every corpus file, by source path."""
    records = run_binary(*(path for path, _ in corpus))
    return {r["source"]["path"]: r for r in records}
