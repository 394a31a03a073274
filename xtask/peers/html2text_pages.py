"""Converts HTML pages to text with html2text, as many scraping pipelines do.

Usage: html2text_pages.py BODY_WIDTH INPUT.jsonl OUTPUT.json

INPUT holds one {"id", "html"} object a line, the page decoded as the eval's
HTML stage decodes it. OUTPUT maps each id to html2text's markdown, written
with html2text's defaults but for body_width (0: one paragraph a line; 78,
its default: hard-wrapped at 78 columns), or to null when html2text fails on
the page. Prints how long the conversion took.
"""

import json
import sys
import time


def main():
    import html2text

    width, src, dst = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    out = {}
    started = time.perf_counter()
    with open(src, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            doc = json.loads(line)
            converter = html2text.HTML2Text()
            converter.body_width = width
            try:
                out[doc["id"]] = converter.handle(doc["html"])
            except Exception as e:  # one page's failure is scored as empty text
                print(f"html2text failed on {doc['id']}: {e!r}", file=sys.stderr)
                out[doc["id"]] = None
    secs = time.perf_counter() - started
    print(f"html2text body_width={width}: {len(out)} pages in {secs:.1f}s", file=sys.stderr)
    with open(dst, "w", encoding="utf-8") as f:
        json.dump(out, f)


if __name__ == "__main__":
    main()
