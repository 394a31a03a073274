"""Runs the sentence-splitting peers over the texts of the segment eval.

Usage: segment_peers.py IN.json OUT.json

IN.json holds {"texts": [...]}; OUT.json gets {"tools": {name: [[sentence, ...]
per text]}}. Each peer returns sentence strings; the Rust scorer maps them back
to offsets the same way for every peer (and for copydesk). A peer that raises
on a text is recorded as returning the whole text as one sentence, and the
count of such texts is printed.
"""

import json
import sys


def peers():
    """(name, function from text to list of sentence strings) for each peer."""
    import blingfire
    import pysbd
    import spacy
    import syntok.segmenter as syntok_segmenter
    from sentencex import segment as sentencex_segment

    pysbd_seg = pysbd.Segmenter(language="en", clean=False)
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.max_length = 10_000_000

    def syntok_split(text):
        out = []
        for paragraph in syntok_segmenter.process(text):
            for sentence in paragraph:
                out.append("".join(t.spacing + t.value for t in sentence).strip())
        return out

    return [
        ("pysbd", lambda t: pysbd_seg.segment(t)),
        ("sentencex", lambda t: list(sentencex_segment("en", t))),
        ("spacy_sentencizer", lambda t: [s.text for s in nlp(t).sents]),
        ("blingfire", lambda t: blingfire.text_to_sentences(t).split("\n") if t.strip() else []),
        ("syntok", syntok_split),
    ]


def main():
    src, dst = sys.argv[1], sys.argv[2]
    with open(src, encoding="utf-8") as f:
        texts = json.load(f)["texts"]
    tools = {}
    for name, split in peers():
        preds, failed = [], 0
        for text in texts:
            try:
                preds.append([s for s in split(text) if s.strip()])
            except Exception:  # a peer's crash on one text costs it that text only
                failed += 1
                preds.append([text])
        if failed:
            print(f"{name}: raised on {failed} of {len(texts)} texts", file=sys.stderr)
        tools[name] = preds
    with open(dst, "w", encoding="utf-8") as f:
        json.dump({"tools": tools}, f, ensure_ascii=False)


if __name__ == "__main__":
    main()
