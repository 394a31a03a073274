"""copydesk: news pages to structured facts, from Python.

One call per page (``extract``) or per batch (``extract_many``, parallel,
with the GIL released) returns the record the ``copydesk`` binary prints as a
JSON line, as a dict: the clean story (``text``), its metadata, its
``sentences``, ``quotes`` (with speakers and cues) and ``figures`` (with
values, units and what they count). Every offset is a UTF-8 byte offset into
``record["text"]``; ``char_span`` turns one into a ``str`` slice.

The single stages take text as it is (no cleaning): ``sentences``, ``quotes``
and ``figures``. ``copydesk.spark`` applies copydesk to a Spark DataFrame.

>>> import copydesk
>>> page = "<html><body><article><p>The US supplied 22,174 Humvees to the Afghan army, officials said on Tuesday.</p></article></body></html>"
>>> record = copydesk.extract(page, url="https://example.com/story")
>>> record["figures"][0]["text"]
'22,174 Humvees'
"""

from ._copydesk import (
    SCHEMA,
    CopydeskError,
    __version__,
    extract,
    extract_many,
    figures,
    quotes,
    sentences,
)

__all__ = [
    "SCHEMA",
    "CopydeskError",
    "__version__",
    "char_span",
    "extract",
    "extract_many",
    "figures",
    "quotes",
    "sentences",
]


def char_span(text, item):
    """The ``(start, end)`` code-point offsets of ``item`` in ``text``.

    copydesk's offsets count UTF-8 bytes, as in the JSON Lines output;
    Python slices ``str`` by code points. ``item`` is any dict with byte
    ``start`` and ``end`` (a sentence, quote, speaker, cue or figure) found in
    ``text``, so that ``text[slice(*char_span(text, item))] == item["text"]``.
    """
    encoded = text.encode("utf-8")
    start = len(encoded[: item["start"]].decode("utf-8"))
    return start, start + len(encoded[item["start"] : item["end"]].decode("utf-8"))
