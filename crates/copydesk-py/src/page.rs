//! A page handed over from Python: `str`, `bytes` or `bytearray`, borrowed
//! where Python allows it so that the GIL can be released while copydesk
//! reads it.

use std::borrow::Cow;

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyString};

use crate::failure::CopydeskError;

/// A page's content, readable without the GIL.
pub enum Page<'a> {
    /// Bytes, in whatever charset the page is in.
    Bytes(Cow<'a, [u8]>),
    /// Text, already decoded by Python.
    Text(Cow<'a, str>),
}

impl<'a> Page<'a> {
    /// The page held by `obj`, which must be `str`, `bytes` or `bytearray`.
    pub fn from_py(obj: &'a Bound<'_, PyAny>) -> PyResult<Page<'a>> {
        if let Ok(bytes) = obj.cast::<PyBytes>() {
            Ok(Page::Bytes(Cow::Borrowed(bytes.as_bytes())))
        } else if let Ok(text) = obj.cast::<PyString>() {
            Ok(Page::Text(text.to_cow()?))
        } else if let Ok(array) = obj.cast::<PyByteArray>() {
            Ok(Page::Bytes(Cow::Owned(array.to_vec())))
        } else {
            let kind = obj.get_type().name()?;
            Err(PyTypeError::new_err(format!("copydesk takes a page as str or bytes, not {kind}")))
        }
    }

    /// The page as bytes for the cleaner, which decodes them (text is UTF-8,
    /// which the cleaner takes as such whatever the page declares).
    pub fn bytes(&self) -> &[u8] {
        match self {
            Page::Bytes(b) => b,
            Page::Text(t) => t.as_bytes(),
        }
    }

    /// The page as text for the stages that take text as it is: `str` as
    /// given, bytes decoded as the binary decodes a file.
    pub fn text(self) -> PyResult<Cow<'a, str>> {
        match self {
            Page::Text(t) => Ok(t),
            Page::Bytes(Cow::Borrowed(b)) => decode(b),
            Page::Bytes(Cow::Owned(b)) => decode(&b).map(|t| Cow::Owned(t.into_owned())),
        }
    }
}

fn decode(bytes: &[u8]) -> PyResult<Cow<'_, str>> {
    copydesk::clean::decode(bytes).map_err(|e| CopydeskError::from_clean(&e))
}
