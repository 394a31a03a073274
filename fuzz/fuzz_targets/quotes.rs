#![no_main]
//! The quote finder on any text, with the sentences the segmenter finds in
//! it (as the pipeline runs it): quotes in order and not overlapping, every
//! quote, speaker and cue the stretch of text it names.

use copydesk_fuzz::{QUOTES, SEGMENTER, check_json, text};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = text(data);
    let sentences: Vec<_> = SEGMENTER.split(&text).collect();
    let quotes = QUOTES.find(&text, &sentences);
    for pair in quotes.windows(2) {
        assert!(pair[0].end <= pair[1].start, "{:?} overlaps {:?}", pair[0], pair[1]);
    }
    check_json(&text, &quotes);
});
