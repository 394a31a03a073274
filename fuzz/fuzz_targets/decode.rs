#![no_main]
//! Decoding any bytes: no panic, and decoded text is never blank (blank input
//! is an error).

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = copydesk_clean::is_html(data);
    if let Ok(text) = copydesk_clean::decode(data) {
        assert!(!text.trim().is_empty());
    }
});
