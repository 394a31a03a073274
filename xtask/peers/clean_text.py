"""Runs one main-content peer over scraped text rendered from HTML pages.

Usage: clean_text.py TOOL INPUT.jsonl OUTPUT.json

INPUT holds one {"id", "text"} object a line, `text` being a page rendered
with one block a line. Each text is wrapped in minimal HTML, one <p> per line,
and given to TOOL (justext or trafilatura); OUTPUT maps each id to the text the
tool kept, one paragraph a line, for the Rust scorer to map back to lines.
"""

import html
import json
import sys


def wrap(text):
    paras = "".join(f"<p>{html.escape(line)}</p>\n" for line in text.split("\n") if line.strip())
    return f"<html><head><meta charset=\"utf-8\"></head><body>\n{paras}</body></html>"


def run_justext():
    import justext

    stoplist = justext.get_stoplist("English")

    def clean(page):
        paras = justext.justext(page.encode("utf-8"), stoplist, encoding="utf-8")
        return "\n".join(p.text for p in paras if not p.is_boilerplate)

    return clean


def run_trafilatura():
    import trafilatura

    def clean(page):
        return trafilatura.extract(page, include_comments=False) or ""

    return clean


def main():
    tool, src, dst = sys.argv[1:4]
    clean = {"justext": run_justext, "trafilatura": run_trafilatura}[tool]()
    out = {}
    with open(src, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                doc = json.loads(line)
                out[doc["id"]] = clean(wrap(doc["text"]))
    with open(dst, "w", encoding="utf-8") as f:
        json.dump(out, f)


if __name__ == "__main__":
    main()
