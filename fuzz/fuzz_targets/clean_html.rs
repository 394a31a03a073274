#![no_main]
//! The HTML cleaner on any bytes (and the sniffing entry point that picks a
//! mode): no panic, and the document serialises to JSON.

use copydesk_fuzz::{CLEANER, check_json};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(doc) = CLEANER.clean_html(data) {
        check_json(&doc.text, &doc);
    }
    if let Ok(doc) = CLEANER.clean(data) {
        check_json(&doc.text, &doc);
    }
});
