//! The `CopydeskError` exception that carries an error record's kind and
//! message into Python.

use copydesk::{ErrorInfo, Source};
use pyo3::exceptions::PyException;
use pyo3::prelude::*;

use crate::objects::Json;

pyo3::create_exception!(
    copydesk,
    CopydeskError,
    PyException,
    "A page yielded no document: it is empty, binary or cannot be decoded. \
     `.kind` is the error record's kind (`empty`, `binary`, `encoding`, ...) \
     and `.source` the record's source dict."
);

/// The exception for `source`: `"{source}: {message}"`, with `.kind` and
/// `.source` set.
pub fn raise(py: Python<'_>, error: &ErrorInfo, source: &Source) -> PyErr {
    let err = CopydeskError::new_err(format!("{source}: {}", error.message));
    let value = err.value(py);
    let attrs = value
        .setattr("kind", error.kind)
        .and_then(|()| value.setattr("source", Json::of(source).into_py(py)?));
    attrs.err().unwrap_or(err)
}
