#![no_main]
//! The figure scanner on any text: values finite, every figure and mention
//! the stretch of text it names.

use copydesk_fuzz::{FIGURES, check_finite, check_json, text};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = text(data);
    let figures = FIGURES.scan(&text);
    for f in &figures {
        check_finite([f.value, f.low, f.high, f.part, f.whole, f.si_value, f.si_low, f.si_high]);
    }
    check_json(&text, &figures);
});
