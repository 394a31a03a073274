"""Prints what copydesk finds in news pages: headline, who said what, and the
figures. Usage: python story.py PAGE...  (HTML or scraped text)"""

import sys

import copydesk

paths = sys.argv[1:]
records = copydesk.extract_many([open(path, "rb").read() for path in paths], paths=paths)
for record in records:
    print(f"== {record['source']['path']}")
    if "error" in record:
        print(f"   no story: {record['error']['message']}")
        continue
    print(f"   {record.get('title', '(no title)')} ({len(record['sentences'])} sentences)")
    for quote in record["quotes"]:
        speaker = quote.get("speaker", {})
        print(f"   {speaker.get('name') or speaker.get('text', '?')}: {quote['text']}")
    for figure in record["figures"]:
        said = [f"{figure['kind']:<9}", repr(figure["text"])]
        if "value" in figure:
            value = figure.get("exact", figure["value"])
            said.append(f"= {value} {figure.get('currency') or figure.get('unit') or ''}".rstrip())
        if "counted" in figure:
            said.append(f"of {figure['counted']['text']!r}")
        print("  ", " ".join(said))
