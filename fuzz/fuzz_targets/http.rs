#![no_main]
//! The binary's HTTP response parsing on any bytes: headers, status,
//! media type, de-chunking and decompression of the body, then the body
//! decoded by the charset its `Content-Type` names, as the binary decodes a
//! WARC response.

use copydesk_fuzz::http::{Response, page_type};
use copydesk_fuzz::text;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(response) = Response::parse(data)
        && let Ok(body) = response.document()
        && let Ok(text) = copydesk_clean::decode_with_charset(&body, response.charset().as_deref())
    {
        assert!(!text.trim().is_empty());
    }
    let _ = page_type(Some(&text(data)));
});
