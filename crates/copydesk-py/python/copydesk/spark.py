"""copydesk on Spark: the pipeline over a DataFrame column of pages.

``extract(df, "html")`` returns ``df`` with one more column, ``copydesk``, a
struct holding the record of each row's page: metadata, ``text``,
``sentences``, ``quotes`` (with ``speaker`` and ``cue`` structs) and
``figures`` as arrays of structs, and ``error`` (``kind``, ``message``) for a
page that yields no document (a null page is an empty one). Fields absent
from a record are null. Offsets are UTF-8 byte offsets into ``text``.

It runs through ``mapInPandas``, so it needs pandas and pyarrow beside
pyspark, and the ``copydesk`` package on every executor (the same wheel: it
is abi3, one file for every CPython >= 3.9 on the platform)::

    from pyspark.sql import functions as F
    import copydesk.spark

    pages = spark.read.parquet("crawl/")                     # url, html
    facts = copydesk.spark.extract(pages, "html")
    figures = facts.select("url", F.explode("copydesk.figures").alias("f"))
    figures.where("f.kind = 'money'").select("url", "f.text", "f.value", "f.currency")
"""

from pyspark.sql.types import (
    ArrayType,
    BooleanType,
    DoubleType,
    LongType,
    StringType,
    StructField,
    StructType,
)

import copydesk

__all__ = ["FIGURE", "MENTION", "QUOTE", "RECORD", "SENTENCE", "extract"]


def _struct(*fields):
    return StructType([StructField(name, kind) for name, kind in fields])


_SPAN = (("start", LongType()), ("end", LongType()), ("text", StringType()))

MENTION = _struct(*_SPAN)
"""A stretch of the text: ``start``, ``end`` (byte offsets) and ``text``."""

SENTENCE = MENTION
"""A sentence: its span and its text."""

QUOTE = _struct(
    *_SPAN,
    ("kind", StringType()),
    ("speaker", _struct(*_SPAN, ("name", StringType()), ("kind", StringType()))),
    ("cue", MENTION),
)
"""A quote, its speaker (mention, full name, kind) and its cue."""

FIGURE = _struct(
    *_SPAN,
    ("kind", StringType()),
    ("value", DoubleType()),
    ("number", MENTION),
    ("exact", StringType()),
    ("low", DoubleType()),
    ("high", DoubleType()),
    ("range_of", StringType()),
    ("part", DoubleType()),
    ("whole", DoubleType()),
    ("currency", StringType()),
    ("unit", StringType()),
    ("dimension", StringType()),
    ("si_value", DoubleType()),
    ("si_low", DoubleType()),
    ("si_high", DoubleType()),
    ("si_unit", StringType()),
    ("per", MENTION),
    ("counted", MENTION),
    ("approx", BooleanType()),
    ("bound", StringType()),
    ("change", StringType()),
    ("qualifier", MENTION),
)
"""A figure with what the text says about it (see the JSON Lines schema)."""

RECORD = _struct(
    ("error", _struct(("kind", StringType()), ("message", StringType()))),
    ("lang", StringType()),
    ("title", StringType()),
    ("authors", ArrayType(StringType())),
    ("published", StringType()),
    ("modified", StringType()),
    ("site_name", StringType()),
    ("url", StringType()),
    ("description", StringType()),
    ("text", StringType()),
    ("sentences", ArrayType(SENTENCE)),
    ("quotes", ArrayType(QUOTE)),
    ("figures", ArrayType(FIGURE)),
)
"""One page's record, as the ``copydesk`` column holds it."""


def extract(df, column="html", output="copydesk", threads=1):
    """``df`` with a struct column ``output`` holding the record of the page
    in ``column`` (string or binary; binary pages are decoded as the binary
    decodes files, by their declared charset).

    ``threads`` is the number of threads copydesk uses inside each Python
    worker: Spark already runs one worker per core, so the default is 1.
    """
    if output in df.columns:
        raise ValueError(f"the DataFrame already has a column {output!r}: pass another output=")
    schema = StructType(df.schema.fields + [StructField(output, RECORD)])

    def apply(batches):
        for batch in batches:
            pages = [b"" if page is None else page for page in batch[column]]
            batch[output] = copydesk.extract_many(pages, threads=threads)
            yield batch

    return df.mapInPandas(apply, schema)
