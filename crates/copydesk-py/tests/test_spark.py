"""copydesk.spark runs the pipeline over a DataFrame of pages on a local
Spark, and its rows hold what copydesk.extract gives for each page."""

import os
import sys

import pytest
from pyspark.sql import SparkSession

import copydesk
import copydesk.spark


@pytest.fixture(scope="module")
def spark():
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = (
        SparkSession.builder.master("local[*]")
        .appName("copydesk-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def without_nulls(value):
    """A Spark row as a record dict: Spark fills absent fields with null."""
    if isinstance(value, dict):
        return {k: without_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [without_nulls(v) for v in value]
    return value


def test_the_helper_gives_each_page_its_record_as_columns(spark, corpus):
    rows = [(path, page) for path, page in corpus] + [("blank", b"  "), ("missing", None)]
    df = spark.createDataFrame(rows, "path string, html binary").repartition(2)
    out = copydesk.spark.extract(df, "html").select("path", "copydesk").collect()
    got = {row["path"]: without_nulls(row["copydesk"].asDict(recursive=True)) for row in out}
    assert sorted(got) == sorted(path for path, _ in rows)
    for path, page in corpus:
        want = copydesk.extract(page)
        del want["schema"], want["source"]
        assert got[path] == want, path
        assert got[path]["figures"] and got[path]["quotes"], path
    assert got["blank"] == {"error": {"kind": "empty", "message": "empty input: nothing but whitespace"}}
    assert got["missing"]["error"]["kind"] == "empty"


def test_the_helper_takes_a_string_column_and_keeps_the_others(spark, corpus):
    rows = [(i, page.decode("utf-8")) for i, (_, page) in enumerate(corpus) if b"windows-1252" not in page]
    df = spark.createDataFrame(rows, "id long, html string")
    out = copydesk.spark.extract(df, "html", output="facts")
    assert out.columns == ["id", "html", "facts"]
    titles = dict(out.select("id", "facts.title").collect())
    assert titles == {i: copydesk.extract(html).get("title") for i, html in rows}
    with pytest.raises(ValueError, match="already has a column 'html'"):
        copydesk.spark.extract(df, "html", output="html")


def test_the_readme_recipe_lists_money_figures_and_speakers(spark, corpus):
    from pyspark.sql import functions as F

    pages = spark.createDataFrame([(path, page) for path, page in corpus], "url string, html binary")
    facts = copydesk.spark.extract(pages, "html").drop("html")
    money = (
        facts.select("url", F.explode("copydesk.figures").alias("f"))
        .where("f.kind = 'money'")
        .select("url", "f.text", "f.value", "f.currency")
    )
    quotes = facts.select("url", F.explode("copydesk.quotes").alias("q")).select("url", "q.speaker.name", "q.text")
    records = {path: copydesk.extract(page) for path, page in corpus}
    want_money = [
        (path, f["text"], f["value"], f.get("currency"))
        for path, r in records.items()
        for f in r["figures"]
        if f["kind"] == "money"
    ]
    want_quotes = [(path, q["speaker"].get("name"), q["text"]) for path, r in records.items() for q in r["quotes"]]
    assert want_money and want_quotes
    assert sorted(map(tuple, money.collect())) == sorted(want_money)
    assert sorted(map(tuple, quotes.collect()), key=str) == sorted(want_quotes, key=str)


def field_names(struct):
    """Every field path of a Spark struct type."""
    names = set()
    for field in struct.fields:
        names.add(field.name)
        inner = getattr(field.dataType, "elementType", field.dataType)
        if hasattr(inner, "fields"):
            names |= {f"{field.name}.{name}" for name in field_names(inner)}
    return names


def key_paths(value, prefix=""):
    """Every key path of a record (list items share their list's path)."""
    if isinstance(value, list):
        return set().union(*(key_paths(v, prefix) for v in value))
    if not isinstance(value, dict):
        return set()
    return set().union(*({prefix + k} | key_paths(v, f"{prefix}{k}.") for k, v in value.items()))


def test_the_spark_schema_holds_every_field_of_the_corpus_records(corpus):
    records = copydesk.extract_many([page for _, page in corpus])
    records.append(copydesk.extract_many([b""])[0])
    seen = set().union(*(key_paths(r) for r in records)) - {"schema", "source", "source.path"}
    assert seen - field_names(copydesk.spark.RECORD) == set()
