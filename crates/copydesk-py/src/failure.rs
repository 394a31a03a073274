//! Why a page yielded no document: the error record's `kind`, and the
//! `CopydeskError` exception that carries it into Python.

use copydesk::Source;
use copydesk::clean::CleanError;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;
use pythonize::pythonize;

pyo3::create_exception!(
    copydesk,
    CopydeskError,
    PyException,
    "A page yielded no document: it is empty, binary or cannot be decoded. \
     `.kind` is the error record's kind (`empty`, `binary`, `encoding`, ...) \
     and `.source` the record's source dict."
);

/// The message of an error record for a page that made copydesk panic: a
/// bug, which costs that page and not the batch.
pub const INTERNAL: &str = "copydesk failed on this input (a bug: please report it)";

/// The error record's `kind` for a cleaning error, as the binary writes it.
pub fn kind(e: &CleanError) -> &'static str {
    match e {
        CleanError::Empty => "empty",
        CleanError::Binary { .. } => "binary",
        CleanError::InvalidUtf8 { .. } => "encoding",
        _ => "clean",
    }
}

impl CopydeskError {
    /// The exception for `source` failing with `kind`: `"{source}: {message}"`,
    /// with `.kind` and `.source` set.
    pub fn raise(py: Python<'_>, source: &Source, kind: &str, message: &str) -> PyErr {
        let err = CopydeskError::new_err(format!("{source}: {message}"));
        let value = err.value(py);
        let attrs =
            value.setattr("kind", kind).and_then(|()| value.setattr("source", pythonize(py, source)?));
        attrs.err().unwrap_or(err)
    }

    /// The exception for text given to a single stage that cannot be decoded.
    pub fn from_clean(e: &CleanError) -> PyErr {
        Python::attach(|py| CopydeskError::raise(py, &Source::path("<input>"), kind(e), &e.to_string()))
    }
}
