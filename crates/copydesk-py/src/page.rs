//! A page handed over from Python: `str`, `bytes` or `bytearray`, borrowed
//! where Python allows it so that the GIL can be released while copydesk
//! reads it.

use std::borrow::Cow;

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyString};

use copydesk::ErrorInfo;

/// A page's content, readable without the GIL.
pub enum Page<'a> {
    /// Bytes, in whatever charset the page is in.
    Bytes(Cow<'a, [u8]>),
    /// Text, already decoded by Python.
    Text(Cow<'a, str>),
    /// A `str` that is not text: it holds lone surrogates (as decoding with
    /// `surrogateescape` leaves), so it has no UTF-8 form. Like undecodable
    /// bytes, it fails alone, not its batch.
    Unencodable(String),
}

impl<'a> Page<'a> {
    /// The page held by `obj`, which must be `str`, `bytes` or `bytearray`.
    pub fn from_py(obj: &'a Bound<'_, PyAny>) -> PyResult<Page<'a>> {
        if let Ok(bytes) = obj.cast::<PyBytes>() {
            Ok(Page::Bytes(Cow::Borrowed(bytes.as_bytes())))
        } else if let Ok(text) = obj.cast::<PyString>() {
            Ok(text.to_cow().map_or_else(|e| Page::Unencodable(e.to_string()), Page::Text))
        } else if let Ok(array) = obj.cast::<PyByteArray>() {
            Ok(Page::Bytes(Cow::Owned(array.to_vec())))
        } else {
            let kind = obj.get_type().name()?;
            Err(PyTypeError::new_err(format!("copydesk takes a page as str or bytes, not {kind}")))
        }
    }

    /// The page as bytes for the cleaner, which decodes them (text is UTF-8,
    /// which the cleaner takes as such whatever the page declares).
    pub fn bytes(&self) -> Result<&[u8], ErrorInfo> {
        match self {
            Page::Bytes(b) => Ok(b),
            Page::Text(t) => Ok(t.as_bytes()),
            Page::Unencodable(why) => Err(ErrorInfo::new("encoding", why.clone())),
        }
    }

    /// The page as text for the stages that take text as it is: `str` as
    /// given, bytes decoded as the binary decodes a file.
    pub fn text(self) -> Result<Cow<'a, str>, ErrorInfo> {
        let decoded = match self {
            Page::Text(t) => return Ok(t),
            Page::Bytes(Cow::Borrowed(b)) => copydesk::clean::decode(b),
            Page::Bytes(Cow::Owned(b)) => copydesk::clean::decode(&b).map(|t| Cow::Owned(t.into_owned())),
            Page::Unencodable(why) => return Err(ErrorInfo::new("encoding", why)),
        };
        decoded.map_err(ErrorInfo::from)
    }
}
