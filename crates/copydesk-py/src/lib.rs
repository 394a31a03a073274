//! Python bindings of copydesk: the `copydesk._copydesk` extension module
//! behind the `copydesk` Python package (see `python/copydesk`).
//!
//! Every function releases the GIL while copydesk works, and every record is
//! the same object the `copydesk` binary prints as one JSON line, read into
//! Python dicts and lists by `json.loads` (byte offsets included). One
//! [`Pipeline`] per process is built on first use and shared by all threads.

mod batch;
mod failure;
mod objects;
mod page;

use std::borrow::Cow;

use copydesk::{Record, Source};
use pyo3::prelude::*;

use crate::batch::{UNNAMED, pipeline};
use crate::failure::CopydeskError;
use crate::objects::Json;
use crate::page::Page;

/// The text of a page given to a single stage, or the exception saying why
/// it has none.
fn text_of<'a>(py: Python<'_>, page: &'a Bound<'_, PyAny>) -> PyResult<Cow<'a, str>> {
    Page::from_py(page)?.text().map_err(|e| failure::raise(py, &e, &Source::path(UNNAMED)))
}

/// Runs every stage on one page (HTML or scraped text) and returns its
/// record: the dict the `copydesk` binary prints as a JSON line.
///
/// `page` is `str` or `bytes` (bytes are decoded as the binary decodes files:
/// byte-order mark, then the page's declared charset, then detection). `url`
/// (where the page came from) goes into `record["source"]["uri"]`, `path` into
/// `record["source"]["path"]` (default `"<input>"`). Offsets in the record are
/// UTF-8 byte offsets into `record["text"]`.
///
/// Raises `CopydeskError` (with `.kind` and `.source`) when the page yields no
/// document (empty, binary, undecodable).
#[pyfunction]
#[pyo3(signature = (page, url=None, path=None))]
fn extract(
    py: Python<'_>,
    page: &Bound<'_, PyAny>,
    url: Option<String>,
    path: Option<String>,
) -> PyResult<Py<PyAny>> {
    let page = Page::from_py(page)?;
    let source = batch::source(path, url, || UNNAMED.to_string());
    let found = py.detach(|| {
        batch::extraction(&page).map(|found| Json::of(&Record::from_extraction(source.clone(), found)))
    });
    match found {
        Ok(record) => record.into_py(py),
        Err(error) => Err(failure::raise(py, &error, &source)),
    }
}

/// `extract` over a list of pages, in parallel with the GIL released: every
/// core by default, `threads` worker threads when given (`1` runs on the
/// calling thread). Returns one record per page, in order. A page that yields
/// no document gets an error record instead of raising, so one bad page never
/// stops a batch: `{"schema": ..., "source": ..., "error": {"kind": ...,
/// "message": ...}}`.
///
/// `urls` and `paths`, when given, are lists as long as `pages` naming each
/// page's source; paths default to `"<input N>"` (N counts from 0).
#[pyfunction]
#[pyo3(signature = (pages, threads=None, urls=None, paths=None))]
fn extract_many(
    py: Python<'_>,
    pages: &Bound<'_, PyAny>,
    threads: Option<usize>,
    urls: Option<Vec<Option<String>>>,
    paths: Option<Vec<Option<String>>>,
) -> PyResult<Py<PyAny>> {
    // The Python objects are kept here so that the pages can borrow them.
    let objects: Vec<Bound<'_, PyAny>> = pages.try_iter()?.collect::<PyResult<_>>()?;
    let pages: Vec<Page<'_>> = objects.iter().map(Page::from_py).collect::<PyResult<_>>()?;
    let sources = batch::sources(pages.len(), urls, paths)?;
    py.detach(|| batch::run(&pages, sources, threads).map(|records| Json::of(&records)))?.into_py(py)
}

/// The sentences of `text` taken as it is (no cleaning), as a list of
/// `{"start", "end", "text"}` dicts with byte offsets, like
/// `copydesk sentences`. `lang` picks the rules: English when `None` or
/// `"en"`, generic rules otherwise.
#[pyfunction]
#[pyo3(signature = (text, lang=None))]
fn sentences(py: Python<'_>, text: &Bound<'_, PyAny>, lang: Option<String>) -> PyResult<Py<PyAny>> {
    let text = text_of(py, text)?;
    py.detach(|| {
        let spans = pipeline().sentences(&text, lang.as_deref());
        Json::of(&Record::new(Source::default()).with_sentences(&text, &spans).sentences)
    })
    .into_py(py)
}

/// The quotes of `text` taken as it is (no cleaning), with their speakers
/// and cues, like `copydesk quotes`: a list of dicts with byte offsets.
#[pyfunction]
fn quotes(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
    let text = text_of(py, text)?;
    py.detach(|| {
        let p = pipeline();
        Json::of(&p.quotes(&text, &p.sentences(&text, None)))
    })
    .into_py(py)
}

/// The figures of `text` taken as it is (no cleaning), with their values,
/// units and what they count, like `copydesk figures`: a list of dicts with
/// byte offsets.
#[pyfunction]
fn figures(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
    let text = text_of(py, text)?;
    py.detach(|| Json::of(&pipeline().figures(&text))).into_py(py)
}

/// The native half of the `copydesk` package.
#[pymodule]
fn _copydesk(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(extract_many, m)?)?;
    m.add_function(wrap_pyfunction!(sentences, m)?)?;
    m.add_function(wrap_pyfunction!(quotes, m)?)?;
    m.add_function(wrap_pyfunction!(figures, m)?)?;
    m.add("CopydeskError", m.py().get_type::<CopydeskError>())?;
    m.add("SCHEMA", copydesk::SCHEMA)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
