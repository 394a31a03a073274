"""Runs the HTML-mode peers of copydesk-clean over decoded pages.

Usage: clean_peers.py PAGES.json OUT_PATTERN TOOLS

PAGES.json is a list of {"id", "html"} (already decoded by copydesk, so every
tool reads the same string). For each tool in the comma-separated TOOLS, writes
OUT_PATTERN with "{tool}" replaced by the tool's name: a JSON object mapping
each id to {"text", "title", "authors", "date"} (metadata only where the tool
gives it). A tool that raises on a page yields an empty text for it.
"""

import json
import sys


def run_trafilatura(html, precision):
    import trafilatura

    out = trafilatura.extract(
        html,
        output_format="json",
        with_metadata=True,
        include_comments=False,
        favor_precision=precision,
    )
    if not out:
        return {"text": ""}
    doc = json.loads(out)
    author = doc.get("author")
    return {
        "text": doc.get("text") or "",
        "title": doc.get("title"),
        "authors": [a.strip() for a in author.split(";")] if author else [],
        "date": doc.get("date"),
    }


def run_readability(html):
    import lxml.html
    from readability import Document

    doc = Document(html)
    summary = lxml.html.fromstring(doc.summary())
    blocks = []
    for el in summary.iter("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "blockquote", "td"):
        text = " ".join(el.text_content().split())
        if text:
            blocks.append(text)
    text = "\n\n".join(blocks) if blocks else " ".join(summary.text_content().split())
    return {"text": text, "title": doc.short_title()}


def run_justext(html):
    import justext

    paragraphs = justext.justext(html.encode("utf-8"), justext.get_stoplist("English"), encoding="utf-8")
    return {"text": "\n\n".join(p.text for p in paragraphs if not p.is_boilerplate)}


TOOLS = {
    "trafilatura": lambda html: run_trafilatura(html, False),
    "trafilatura-precision": lambda html: run_trafilatura(html, True),
    "readability-lxml": run_readability,
    "justext": run_justext,
}


def main():
    pages_path, pattern, tools = sys.argv[1], sys.argv[2], sys.argv[3].split(",")
    with open(pages_path, encoding="utf-8") as f:
        pages = json.load(f)
    for tool in tools:
        run = TOOLS[tool]
        preds = {}
        for page in pages:
            try:
                pred = run(page["html"])
            except Exception as e:  # a peer failing on a page scores as empty
                print(f"{tool}: {page['id']}: {type(e).__name__}: {e}", file=sys.stderr)
                pred = {"text": ""}
            preds[page["id"]] = pred
        with open(pattern.replace("{tool}", tool), "w", encoding="utf-8") as f:
            json.dump(preds, f, ensure_ascii=False)
        print(f"{tool}: {len(preds)} pages", file=sys.stderr)


if __name__ == "__main__":
    main()
