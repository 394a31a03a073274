#![no_main]
//! The sentence splitter, English and generic rules, on any text: spans in
//! range, on char boundaries, in order and not overlapping.

use copydesk_fuzz::{GENERIC, SEGMENTER, check_sentences, text};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = text(data);
    for segmenter in [&*SEGMENTER, &*GENERIC] {
        let spans: Vec<_> = segmenter.split(&text).collect();
        check_sentences(&text, &spans);
    }
});
