//! Why a page yielded no document: the error record's kind and message, and
//! the `CopydeskError` exception that carries them into Python.

use copydesk::clean::CleanError;
use copydesk::{Record, Source};
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

/// Why a page yielded no document, as its error record says.
#[derive(Debug, PartialEq, Eq)]
pub struct Failure {
    /// The error record's `kind`, as the binary writes it.
    pub kind: &'static str,
    /// The error record's `message`.
    pub message: String,
}

impl From<&CleanError> for Failure {
    fn from(e: &CleanError) -> Failure {
        let kind = match e {
            CleanError::Empty => "empty",
            CleanError::Binary { .. } => "binary",
            CleanError::InvalidUtf8 { .. } => "encoding",
            _ => "clean",
        };
        Failure { kind, message: e.to_string() }
    }
}

impl Failure {
    /// A page that made copydesk panic: a bug, which costs that page and not
    /// the batch.
    pub fn internal() -> Failure {
        Failure {
            kind: "internal",
            message: "copydesk failed on this input (a bug: please report it)".into(),
        }
    }

    /// A `str` page with no UTF-8 form.
    pub fn encoding(why: &str) -> Failure {
        Failure { kind: "encoding", message: why.to_string() }
    }

    /// The error record of `source`.
    pub fn record(self, source: Source) -> Record {
        Record::error(source, self.kind, self.message)
    }

    /// The exception for `source`: `"{source}: {message}"`, with `.kind` and
    /// `.source` set.
    pub fn raise(&self, py: Python<'_>, source: &Source) -> PyErr {
        let err = CopydeskError::new_err(format!("{source}: {}", self.message));
        let value = err.value(py);
        let attrs =
            value.setattr("kind", self.kind).and_then(|()| value.setattr("source", pythonize(py, source)?));
        attrs.err().unwrap_or(err)
    }
}
