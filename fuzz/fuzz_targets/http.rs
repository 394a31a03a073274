#![no_main]
//! The binary's HTTP response parsing on any bytes: headers, status,
//! media type, de-chunking and decompression of the body.

use copydesk_fuzz::http::{Response, page_type};
use copydesk_fuzz::text;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(response) = Response::parse(data) {
        let _ = response.document();
    }
    let _ = page_type(Some(&text(data)));
});
