"""Converts HTML pages to text as scraping pipelines do: html2text or markdownify.

Usage: convert_pages.py CONVERTER INPUT.jsonl OUTPUT.json

CONVERTER is html2text-0 (html2text's markdown, one paragraph a line:
body_width 0), html2text-78 (its default: hard-wrapped at 78 columns) or
markdownify (markdownify's defaults). INPUT holds one {"id", "html"} object a
line, the page decoded as the eval's HTML stage decodes it. OUTPUT maps each
id to the converter's text, or to null when it fails on the page. Prints how
long the conversion took.
"""

import json
import sys
import time


def converter(name):
    """The function that converts one page's HTML for CONVERTER `name`."""
    if name.startswith("html2text-"):
        import html2text

        width = int(name.split("-", 1)[1])

        def convert(html):
            h = html2text.HTML2Text()
            h.body_width = width
            return h.handle(html)

        return convert
    if name == "markdownify":
        from markdownify import markdownify

        return markdownify
    raise SystemExit(f"unknown converter {name!r}")


def main():
    name, src, dst = sys.argv[1], sys.argv[2], sys.argv[3]
    convert = converter(name)
    out = {}
    started = time.perf_counter()
    with open(src, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            doc = json.loads(line)
            try:
                out[doc["id"]] = convert(doc["html"])
            except Exception as e:  # one page's failure is scored as empty text
                print(f"{name} failed on {doc['id']}: {e!r}", file=sys.stderr)
                out[doc["id"]] = None
    secs = time.perf_counter() - started
    print(f"{name}: {len(out)} pages in {secs:.1f}s", file=sys.stderr)
    with open(dst, "w", encoding="utf-8") as f:
        json.dump(out, f)


if __name__ == "__main__":
    main()
