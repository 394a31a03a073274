"""copydesk from Python gives the records the binary gives, field for field."""

import ast
import multiprocessing
import threading
import time
from pathlib import Path

import pytest

import copydesk
from conftest import CORPUS, run_binary

PAGES = sorted(p.name for p in CORPUS.iterdir())
TEXT_PAGES = [name for name in PAGES if name.endswith(".txt")]


def assert_same_record(got, want):
    assert sorted(got) == sorted(want), "the records have different fields"
    for field in want:
        if isinstance(want[field], list):
            assert len(got[field]) == len(want[field]), f"{field}: {len(got[field])} items, not {len(want[field])}"
            for i, (g, w) in enumerate(zip(got[field], want[field])):
                assert g == w, f"{field}[{i}] differs"
        else:
            assert got[field] == want[field], f"{field} differs"


@pytest.mark.parametrize("name", PAGES)
def test_extract_gives_the_binary_record_of_each_corpus_page(name, binary_records):
    path = f"corpus/{name}"
    got = copydesk.extract((CORPUS / name).read_bytes(), path=path)
    assert_same_record(got, binary_records[path])


def test_a_page_given_as_str_gives_the_record_of_its_utf8_bytes(corpus):
    for path, page in corpus:
        if b"windows-1252" in page:
            continue
        assert copydesk.extract(page.decode("utf-8")) == copydesk.extract(page), path


def test_extract_many_gives_the_binary_records_in_order(corpus, binary_records):
    paths = [path for path, _ in corpus]
    got = copydesk.extract_many([page for _, page in corpus], paths=paths)
    assert [r["source"]["path"] for r in got] == paths
    for record in got:
        assert_same_record(record, binary_records[record["source"]["path"]])


@pytest.mark.parametrize("threads", [1, 2, 3])
def test_extract_many_gives_the_same_records_on_any_number_of_threads(corpus, threads):
    pages = [page for _, page in corpus] * 3
    assert copydesk.extract_many(pages, threads=threads) == copydesk.extract_many(pages)


@pytest.mark.parametrize("stage", ["sentences", "quotes", "figures"])
def test_single_stages_give_what_the_binary_subcommands_give(stage):
    paths = [f"corpus/{name}" for name in TEXT_PAGES]
    want = run_binary(stage, *paths)
    assert [r["source"]["path"] for r in want] == paths
    for path, record in zip(paths, want):
        page = (CORPUS / Path(path).name).read_bytes()
        assert getattr(copydesk, stage)(page) == record[stage], path
        assert getattr(copydesk, stage)(page.decode("utf-8")) == record[stage], path


def test_url_and_path_name_the_source():
    page = "<html><body><p>Prices rose 3.5% in May, the office said.</p></body></html>"
    record = copydesk.extract(page, url="https://news.example/a", path="crawl/1")
    assert record["source"] == {"path": "crawl/1", "uri": "https://news.example/a"}
    assert copydesk.extract(page)["source"] == {"path": "<input>"}
    batch = copydesk.extract_many([page, page], urls=["https://news.example/b", None])
    assert [r["source"] for r in batch] == [
        {"path": "<input 0>", "uri": "https://news.example/b"},
        {"path": "<input 1>"},
    ]


@pytest.mark.parametrize(
    "page, kind",
    [(b"", "empty"), ("  \n\t ", "empty"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"), (b"caf\xe9 society", "encoding")],
)
def test_a_page_without_a_document_raises_copydesk_error_naming_it(page, kind):
    with pytest.raises(copydesk.CopydeskError) as caught:
        copydesk.extract(page, url="https://news.example/bad", path="crawl/7")
    assert caught.value.kind == kind
    assert caught.value.source == {"path": "crawl/7", "uri": "https://news.example/bad"}
    assert str(caught.value).startswith("crawl/7 (https://news.example/bad): ")


def test_a_failing_page_in_a_batch_gets_the_binary_error_record(tmp_path, corpus):
    bad = {"empty.txt": b"", "image.png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "latin1.txt": b"caf\xe9 society"}
    for name, page in bad.items():
        (tmp_path / name).write_bytes(page)
    want = run_binary(*(str(tmp_path / name) for name in bad))
    good_path, good_page = corpus[0]
    got = copydesk.extract_many(
        [*bad.values(), good_page], paths=[*(str(tmp_path / name) for name in bad), good_path]
    )
    assert got[:-1] == want
    assert all(set(r) == {"schema", "source", "error"} for r in want)
    assert "text" in got[-1] and "error" not in got[-1]


def test_a_str_without_a_utf8_form_fails_alone():
    page = b"<p>caf\xe9 prices rose 3%</p>".decode("utf-8", "surrogateescape")
    with pytest.raises(copydesk.CopydeskError, match="surrogates not allowed") as caught:
        copydesk.extract(page)
    assert caught.value.kind == "encoding"
    with pytest.raises(copydesk.CopydeskError):
        copydesk.figures(page)
    bad, good = copydesk.extract_many([page, "Prices rose 3% in May."])
    assert bad["error"]["kind"] == "encoding" and set(bad) == {"schema", "source", "error"}
    assert good["figures"][0]["text"] == "3%"


def test_a_bytearray_is_a_page_like_bytes(corpus):
    for path, page in corpus:
        assert copydesk.extract(bytearray(page)) == copydesk.extract(page), path
    assert copydesk.figures(bytearray(b"22,174 Humvees")) == copydesk.figures("22,174 Humvees")


def test_extract_many_runs_in_a_process_forked_after_a_batch(corpus):
    pages = [page for _, page in corpus]
    want = copydesk.extract_many(pages)  # the parent's worker threads are running now
    # A fork copies no threads: a child that used the parent's pool would wait forever.
    with multiprocessing.get_context("fork").Pool(1) as pool:
        assert pool.apply_async(copydesk.extract_many, (pages,)).get(timeout=120) == want


def test_a_page_of_another_type_is_a_type_error():
    with pytest.raises(TypeError, match="str or bytes"):
        copydesk.extract(42)
    with pytest.raises(TypeError, match="str or bytes"):
        copydesk.extract_many(["fine", None])


def test_bad_batch_arguments_are_value_errors():
    with pytest.raises(ValueError, match="urls has 1 items for 2 pages"):
        copydesk.extract_many(["a", "b"], urls=["u"])
    with pytest.raises(ValueError, match="threads"):
        copydesk.extract_many(["a"], threads=0)


def test_extract_many_lets_other_python_threads_run(corpus):
    pages = [page for _, page in corpus] * 40
    ticks = 0
    running = threading.Event()
    done = threading.Event()

    def count():
        nonlocal ticks
        running.set()
        while not done.is_set():
            ticks += 1

    counter = threading.Thread(target=count)
    counter.start()
    running.wait()
    started = time.perf_counter()
    before = ticks
    copydesk.extract_many(pages, threads=1)
    during = ticks - before
    elapsed = time.perf_counter() - started
    done.set()
    counter.join()
    # Holding the GIL through the call would leave the counter a few ticks at
    # most (while records are turned into dicts); released, it counts freely.
    assert during > 10_000, f"{during} ticks in {elapsed:.2f}s"


def test_char_span_slices_every_item_by_code_point():
    page = (CORPUS / "cafe-chain-cp1252.html").read_bytes()
    record = copydesk.extract(page)
    text = record["text"]
    assert len(text) < len(text.encode("utf-8")), "the page should have non-ASCII text"
    items = [*record["sentences"], *record["quotes"], *record["figures"]]
    items += [q["speaker"] for q in record["quotes"] if "speaker" in q]
    assert items
    for item in items:
        start, end = copydesk.char_span(text, item)
        assert text[start:end] == item["text"]


def test_the_stubs_declare_every_public_name():
    stubs = Path(copydesk.__file__).with_name("__init__.pyi")
    tree = ast.parse(stubs.read_text())
    declared = {node.name for node in tree.body if isinstance(node, (ast.FunctionDef, ast.ClassDef))}
    declared |= {node.target.id for node in tree.body if isinstance(node, ast.AnnAssign)}
    assert set(copydesk.__all__) <= declared
    assert (stubs.parent / "py.typed").exists()
