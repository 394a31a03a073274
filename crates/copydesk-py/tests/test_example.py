"""The README's example runs and prints what copydesk finds."""

import subprocess
import sys
from pathlib import Path

import copydesk
from conftest import CORPUS, ROOT

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "story.py"


def test_the_example_prints_headline_speakers_and_figures(tmp_path):
    page = CORPUS / "harbour-bridge.html"
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    out = subprocess.run(
        [sys.executable, str(EXAMPLE), str(page), str(empty)], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    record = copydesk.extract(page.read_bytes())
    assert f"== {page}\n   {record['title']} ({len(record['sentences'])} sentences)\n" in out
    for quote in record["quotes"]:
        assert f"   {quote['speaker']['name']}: {quote['text']}\n" in out
    assert "'$42 million' = 42000000 USD\n" in out
    assert f"== {empty}\n   no story: empty input" in out
