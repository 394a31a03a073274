//! Running the pipeline on pages: one at a time, or many at once on every
//! core or on a pool of the size asked for, with the GIL released.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::OnceLock;

use copydesk::{ErrorInfo, Extraction, Pipeline, Record, Source};
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use rayon::prelude::*;
use rayon::{ThreadPool, ThreadPoolBuilder};

use crate::page::Page;

/// The path of a page given without one.
pub const UNNAMED: &str = "<input>";

/// The process's pipeline, built once.
pub fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(Pipeline::new)
}

/// What the pipeline finds in a page, or why it finds nothing (a panic, a
/// bug, costs that page and not the batch).
pub fn extraction(page: &Page<'_>) -> Result<Extraction, ErrorInfo> {
    let bytes = page.bytes()?;
    match catch_unwind(AssertUnwindSafe(|| pipeline().extract(bytes))) {
        Ok(found) => found.map_err(ErrorInfo::from),
        Err(_) => Err(ErrorInfo::internal()),
    }
}

/// A page's record: the full record, or its error record.
fn record(page: &Page<'_>, source: Source) -> Record {
    match extraction(page) {
        Ok(found) => Record::from_extraction(source, found),
        Err(error) => Record::error(source, error),
    }
}

/// The source a record names: the page's path (else `fallback()`) and URL.
pub fn source(path: Option<String>, url: Option<String>, fallback: impl FnOnce() -> String) -> Source {
    Source { uri: url, ..Source::path(path.unwrap_or_else(fallback)) }
}

/// The sources of `n` pages from the optional per-page URLs and paths; a
/// page without a path is `<input N>`.
pub fn sources(
    n: usize,
    urls: Option<Vec<Option<String>>>,
    paths: Option<Vec<Option<String>>>,
) -> PyResult<Vec<Source>> {
    let urls = per_page("urls", n, urls)?;
    let paths = per_page("paths", n, paths)?;
    let sources = urls.into_iter().zip(paths).enumerate();
    Ok(sources.map(|(i, (url, path))| source(path, url, || format!("<input {i}>"))).collect())
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
pub fn run(pages: &[Page<'_>], sources: Vec<Source>, threads: Option<usize>) -> PyResult<Vec<Record>> {
    let shared = match threads {
        Some(0) => return Err(PyValueError::new_err("threads must be at least 1")),
        Some(1) => return Ok(pages.iter().zip(sources).map(|(page, source)| record(page, source)).collect()),
        Some(_) => None,
        None => shared_pool(),
    };
    let own;
    let pool = match shared {
        Some(pool) => pool,
        None => {
            own = new_pool(threads.unwrap_or(0))?;
            &own
        }
    };
    Ok(pool.install(|| pages.par_iter().zip(sources).map(|(page, source)| record(page, source)).collect()))
}

/// A pool of `n` threads (0: one per core).
fn new_pool(n: usize) -> PyResult<ThreadPool> {
    let pool = ThreadPoolBuilder::new().num_threads(n).build();
    pool.map_err(|e| PyRuntimeError::new_err(format!("starting {n} worker threads: {e}")))
}

/// The pool of one thread per core that batches share, or `None` in a
/// process forked after it started: a fork copies no threads, so its pool
/// would never run a job (the child uses a pool of its own per call).
fn shared_pool() -> Option<&'static ThreadPool> {
    static POOL: OnceLock<Option<(u32, ThreadPool)>> = OnceLock::new();
    let (pid, pool) = POOL.get_or_init(|| Some((std::process::id(), new_pool(0).ok()?))).as_ref()?;
    (*pid == std::process::id()).then_some(pool)
}
