#![no_main]
//! The text-mode cleaner on any text: no panic, and the document serialises
//! to JSON.

use copydesk_fuzz::{CLEANER, check_json, text};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let doc = CLEANER.clean_text(&text(data));
    check_json(&doc.text, &doc);
});
