"""copydesk from Python versus trafilatura from Python, on the same pages.

Usage: bench_python.py [--min-time SECS] [--min-runs N] [--max-time SECS] PATH...

PATHs are HTML files, folders (read recursively for *.html, *.htm) or JSON
Lines files of {"text": page} objects. Run it with the Python of a venv
holding the copydesk wheel and trafilatura. Every tool gets the same raw
bytes of every page (each decodes them in the timed call, as a user's code
would), and is timed in this process with the pages in memory: a warm-up
call, then whole passes until both --min-runs passes and --min-time seconds
are reached, or --max-time seconds have gone by; the median pass counts.

Prints a JSON list, one object per tool: tool, mb_per_s, docs_per_s, bytes,
docs, plus secs (the median pass), runs, threads (1 for the single calls, the
cores used by copydesk.extract_many), kept (pages the tool got text from),
version, and error (when the tool could not run, with null speeds, or when
copydesk got text from fewer than 90% of the pages).

`cargo xtask bench` times the same TOOLS through `xtask/peers/bench_peers.py`,
as the table's `python` stage.
"""

import argparse
import json
import os
import statistics
import sys
import time
from importlib import metadata
from pathlib import Path


def pages_of(paths):
    """Every page's bytes, in path order."""
    pages = []
    for path in map(Path, paths):
        if path.is_dir():
            files = (p for p in path.rglob("*") if p.suffix.lower() in (".html", ".htm") and p.is_file())
            pages += [p.read_bytes() for p in sorted(files)]
        elif path.suffix == ".jsonl":
            with path.open(encoding="utf-8") as lines:
                pages += [json.loads(line)["text"].encode("utf-8") for line in lines if line.strip()]
        else:
            pages.append(path.read_bytes())
    return pages


# Each tool's run takes the list of pages and returns how many it got text
# from, so a tool that extracts nothing cannot look fast.


def copydesk_extract():
    import copydesk

    def has_text(page):
        try:
            return bool(copydesk.extract(page)["text"])
        except copydesk.CopydeskError:
            return False  # a page without a document still counts as done

    return lambda pages: sum(map(has_text, pages))


def copydesk_extract_many():
    import copydesk

    return lambda pages: sum(bool(record.get("text")) for record in copydesk.extract_many(pages))


def trafilatura_extract():
    import trafilatura

    # With metadata, as copydesk extracts it too; None when it finds no text.
    def extract(page):
        return trafilatura.extract(page, output_format="json", with_metadata=True, include_comments=False)

    return lambda pages: sum(extract(p) is not None for p in pages)


CORES = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()

# name, distribution, setup (returns the run), threads.
TOOLS = [
    ("copydesk.extract", "copydesk", copydesk_extract, 1),
    ("copydesk.extract_many", "copydesk", copydesk_extract_many, CORES),
    ("trafilatura.extract", "trafilatura", trafilatura_extract, 1),
]


def passes(run, pages, min_time, min_runs, max_time):
    """Seconds of each timed pass, and what the last one returned."""
    run(pages[:1])  # warm-up: builds what the tool builds once
    times, out = [], None
    started = time.perf_counter()
    while True:
        t = time.perf_counter()
        out = run(pages)
        times.append(time.perf_counter() - t)
        spent = time.perf_counter() - started
        if (len(times) >= min_runs and spent >= min_time) or spent >= max_time:
            return times, out


def row(name, package, setup, threads, pages, min_time=2.0, min_runs=3, max_time=float("inf")):
    """Times one of TOOLS on pages."""
    size = sum(map(len, pages))
    out = {"tool": name, "mb_per_s": None, "docs_per_s": None, "bytes": size, "docs": len(pages)}
    out.update(secs=None, runs=0, threads=threads, kept=0, version=None, error=None)
    try:
        out["version"] = metadata.version(package)
        times, kept = passes(setup(), pages, min_time, min_runs, max_time)
    except Exception as e:  # a tool that cannot run loses its own row only
        out["error"] = f"{type(e).__name__}: {e}".splitlines()[0][:200]
        return out
    secs = statistics.median(times)
    out.update(mb_per_s=size / secs / 1e6, docs_per_s=len(pages) / secs, secs=secs, runs=len(times), kept=kept)
    if package == "copydesk" and kept * 10 < len(pages) * 9:
        out["error"] = f"output check failed: text from only {kept} of {len(pages)} pages (at least 90% expected)"
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", metavar="PATH")
    parser.add_argument("--min-time", type=float, default=2.0, metavar="SECS")
    parser.add_argument("--min-runs", type=int, default=3, metavar="N")
    parser.add_argument("--max-time", type=float, default=float("inf"), metavar="SECS")
    args = parser.parse_args()
    pages = pages_of(args.paths)
    if not pages:
        sys.exit("no HTML pages in " + " ".join(args.paths))
    rows = [row(*tool, pages, args.min_time, args.min_runs, args.max_time) for tool in TOOLS]
    json.dump(rows, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
