//! Records into Python objects: serialised by serde_json and read back by
//! Python's own `json.loads`.
//!
//! Building the dicts field by field through pythonize made the crossing
//! cost nearly as much as the extraction: on the bench's 138 pages,
//! `copydesk.extract` took about 0.78 s against 0.42 s in Rust, while
//! `json.loads` reads the same records in about 0.07 s (it is C code that
//! makes each dict in one go and shares a key's string within a call). The
//! dicts also equal the binary's JSON lines by construction: non-finite
//! floats are `None` in both.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use serde::Serialize;

/// A value serialised as JSON text, ready to cross into Python. Made without
/// the GIL, so that threads serialise in parallel.
pub struct Json(Result<String, serde_json::Error>);

impl Json {
    /// `value` as JSON text.
    pub fn of<T: Serialize + ?Sized>(value: &T) -> Json {
        Json(serde_json::to_string(value))
    }

    /// The Python object the JSON text stands for (dicts, lists, str,
    /// int, float, bool, None).
    pub fn into_py(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        static LOADS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
        let text =
            self.0.map_err(|e| PyValueError::new_err(format!("copydesk record not serialisable: {e}")))?;
        Ok(LOADS.import(py, "json", "loads")?.call1((text,))?.unbind())
    }
}
