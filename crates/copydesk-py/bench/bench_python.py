"""copydesk from Python versus trafilatura from Python, on the same pages.

Usage: bench_python.py [--min-time SECS] [--min-runs N] PATH...

PATHs are HTML files, folders (read recursively for *.html, *.htm) or JSON
Lines files of {"text": page} objects (the bench's input sets). Run it
with the Python of a venv holding the copydesk wheel and trafilatura. Every
tool gets the same raw bytes of every page (each decodes them in the timed
call, as a user's code would), and is timed in this process with the pages in
memory: a warm-up pass, then whole passes until both --min-runs passes and
--min-time seconds are reached; the median pass counts.

Prints a JSON list, one object per tool: tool, mb_per_s, docs_per_s, bytes,
docs, plus secs (the median pass), runs, threads (1 for the single calls, the
cores used by copydesk.extract_many), version, and error (when the tool could
not run, with null speeds).
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


def copydesk_extract():
    import copydesk

    def extract(page):
        try:
            copydesk.extract(page)
        except copydesk.CopydeskError:
            pass  # a page without a document still counts as done

    return lambda pages: [extract(p) for p in pages]


def copydesk_extract_many():
    import copydesk

    return copydesk.extract_many


def trafilatura_extract():
    import trafilatura

    # With metadata, as copydesk extracts it too.
    def extract(page):
        return trafilatura.extract(page, output_format="json", with_metadata=True, include_comments=False)

    return lambda pages: [extract(p) for p in pages]


CORES = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()

TOOLS = [
    ("copydesk.extract", "copydesk", copydesk_extract, 1),
    ("copydesk.extract_many", "copydesk", copydesk_extract_many, CORES),
    ("trafilatura.extract", "trafilatura", trafilatura_extract, 1),
]


def passes(run, pages, min_time, min_runs):
    run(pages[:1])  # warm-up: builds what the tool builds once
    times = []
    started = time.perf_counter()
    while len(times) < min_runs or time.perf_counter() - started < min_time:
        t = time.perf_counter()
        run(pages)
        times.append(time.perf_counter() - t)
    return times


def row(name, package, make, threads, pages, args):
    size = sum(map(len, pages))
    out = {"tool": name, "mb_per_s": None, "docs_per_s": None, "bytes": size, "docs": len(pages)}
    out.update(secs=None, runs=0, threads=threads, version=None)
    try:
        out["version"] = metadata.version(package)
        times = passes(make(), pages, args.min_time, args.min_runs)
    except Exception as e:  # a tool that cannot run loses its own row only
        out["error"] = f"{type(e).__name__}: {e}"
        return out
    secs = statistics.median(times)
    out.update(mb_per_s=size / secs / 1e6, docs_per_s=len(pages) / secs, secs=secs, runs=len(times))
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", metavar="PATH")
    parser.add_argument("--min-time", type=float, default=2.0, metavar="SECS")
    parser.add_argument("--min-runs", type=int, default=3, metavar="N")
    args = parser.parse_args()
    pages = pages_of(args.paths)
    if not pages:
        sys.exit("no HTML pages in " + " ".join(args.paths))
    rows = [row(*tool, pages, args) for tool in TOOLS]
    json.dump(rows, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
