//! Running the pipeline over many pages at once, on every core or on a
//! pool of the size asked for, with the GIL released.

use std::panic::{AssertUnwindSafe, catch_unwind};

use copydesk::{Pipeline, Record, Source};
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use rayon::prelude::*;

use crate::failure::{INTERNAL, kind};
use crate::page::Page;

/// The record of one page: the full record, or an error record when the page
/// yields no document (or, a bug, makes copydesk panic).
pub fn record(pipeline: &Pipeline, source: Source, bytes: &[u8]) -> Record {
    match catch_unwind(AssertUnwindSafe(|| pipeline.extract(bytes))) {
        Ok(Ok(found)) => Record::from_extraction(source, found),
        Ok(Err(e)) => Record::error(source, kind(&e), e.to_string()),
        Err(_) => Record::error(source, "internal", INTERNAL),
    }
}

/// The sources of `n` pages from the optional per-page URLs and paths.
pub fn sources(
    n: usize,
    urls: Option<Vec<Option<String>>>,
    paths: Option<Vec<Option<String>>>,
) -> PyResult<Vec<Source>> {
    let urls = per_page("urls", n, urls)?;
    let paths = per_page("paths", n, paths)?;
    let sources = urls.into_iter().zip(paths).enumerate().map(|(i, (url, path))| Source {
        uri: url,
        ..Source::path(path.unwrap_or_else(|| format!("<input {i}>")))
    });
    Ok(sources.collect())
}

/// A per-page list, checked to be as long as the pages, or all `None`.
fn per_page(name: &str, n: usize, list: Option<Vec<Option<String>>>) -> PyResult<Vec<Option<String>>> {
    match list {
        None => Ok(vec![None; n]),
        Some(list) if list.len() == n => Ok(list),
        Some(list) => Err(PyValueError::new_err(format!("{name} has {} items for {n} pages", list.len()))),
    }
}

/// The records of `pages`, in order, computed on `threads` threads (every
/// core when `None`; `Some(1)` runs on the calling thread).
pub fn run(
    pipeline: &Pipeline,
    pages: &[Page<'_>],
    sources: Vec<Source>,
    threads: Option<usize>,
) -> PyResult<Vec<Record>> {
    let one = |(page, source): (&Page<'_>, Source)| record(pipeline, source, page.bytes());
    match threads {
        None => Ok(pages.par_iter().zip(sources).map(one).collect()),
        Some(0) => Err(PyValueError::new_err("threads must be at least 1")),
        Some(1) => Ok(pages.iter().zip(sources).map(one).collect()),
        Some(n) => {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .build()
                .map_err(|e| PyRuntimeError::new_err(format!("starting {n} worker threads: {e}")))?;
            Ok(pool.install(|| pages.par_iter().zip(sources).map(one).collect()))
        }
    }
}
