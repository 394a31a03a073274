//! Documents inside WARC archives: one per `response` (HTTP payload),
//! `resource` or `conversion` (extracted text, as in WET files) record.
//! Request, metadata and warcinfo records are not documents and are passed
//! over; a truncated or malformed record ends the archive with an error.

use std::io::BufRead;
use std::panic::{AssertUnwindSafe, catch_unwind};

use copydesk::Source;
use warc::{RawRecordHeader, RawRecordIter, WarcHeader, WarcReader};

use crate::http;
use crate::inputs::{Doc, Payload};

/// The documents of one archive, read lazily.
pub struct WarcDocs<R> {
    records: Option<RawRecordIter<R>>,
    archive: Source,
}

impl<R: BufRead> WarcDocs<R> {
    /// The documents of the archive read from `reader`, named `archive`.
    pub fn new(reader: R, archive: Source) -> WarcDocs<R> {
        WarcDocs { records: Some(WarcReader::new(reader).iter_raw_records()), archive }
    }
}

impl<R: BufRead> Iterator for WarcDocs<R> {
    type Item = Doc;

    fn next(&mut self) -> Option<Doc> {
        loop {
            let records = self.records.as_mut()?;
            // The warc crate panics on some malformed records (a Content-Length
            // near usize::MAX); on the thread reading the inputs a panic would
            // stall the whole run, so it ends this archive instead.
            let Ok(record) = catch_unwind(AssertUnwindSafe(|| records.next())) else {
                self.records = None;
                return Some(Doc::failed(
                    self.archive.clone(),
                    "read",
                    "bad WARC record: the reader failed on it",
                ));
            };
            let (header, body) = match record? {
                Ok(r) => r,
                Err(e) => {
                    // The reader cannot find the next record after a bad one.
                    self.records = None;
                    let kind = match e {
                        warc::Error::UnexpectedEOB => "truncated",
                        _ => "read",
                    };
                    return Some(Doc::failed(self.archive.clone(), kind, format!("bad WARC record: {e}")));
                }
            };
            if let Some(doc) = document(&self.archive, &header, body) {
                return Some(doc);
            }
        }
    }
}

fn header<'h>(h: &'h RawRecordHeader, name: WarcHeader) -> Option<std::borrow::Cow<'h, str>> {
    h.as_ref().get(&name).map(|v| String::from_utf8_lossy(v))
}

/// The document a record holds, or `None` for records that hold none.
fn document(archive: &Source, h: &RawRecordHeader, body: Vec<u8>) -> Option<Doc> {
    let kind = header(h, WarcHeader::WarcType)?.to_ascii_lowercase();
    let source = Source {
        path: archive.path.clone(),
        record_id: header(h, WarcHeader::RecordID).map(|s| s.trim().to_string()),
        uri: header(h, WarcHeader::TargetURI).map(|s| s.trim().to_string()),
    };
    let content_type = header(h, WarcHeader::ContentType).map(|c| c.into_owned());
    let payload = match kind.as_str() {
        "response" if is_http(content_type.as_deref()) => match http::Response::parse(&body) {
            Ok(response) => match response.document() {
                Ok(bytes) => Payload::Bytes { bytes, charset: response.charset() },
                Err(why) => Payload::Skipped(why),
            },
            Err(f) => Payload::Failed(f),
        },
        "response" | "resource" | "conversion" => match http::page_type(content_type.as_deref()) {
            Ok(()) => {
                Payload::Bytes { bytes: body, charset: content_type.as_deref().and_then(http::charset) }
            }
            Err(why) => Payload::Skipped(why),
        },
        _ => return None,
    };
    Some(Doc { source, payload })
}

/// True when a response record's block is an HTTP message.
fn is_http(content_type: Option<&str>) -> bool {
    content_type.is_some_and(|c| c.trim_start().to_ascii_lowercase().starts_with("application/http"))
}
