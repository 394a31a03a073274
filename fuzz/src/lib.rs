//! What the fuzz targets share: the stages, built once per process; the
//! binary's own reading code (compiled in from `crates/copydesk/src`, which is
//! a binary crate and so cannot be a dependency); and the checks every
//! stage's output must pass on any input.

#![forbid(unsafe_code)]

use std::borrow::Cow;
use std::sync::LazyLock;

use copydesk_core::Span;
use serde::Serialize;
use serde_json::Value;

// The binary's reading code, verbatim: files, gzip, WARC records, HTTP.
#[allow(dead_code)]
#[path = "../../crates/copydesk/src/http.rs"]
pub mod http;
#[allow(dead_code)]
#[path = "../../crates/copydesk/src/inputs.rs"]
pub mod inputs;
#[allow(dead_code)]
#[path = "../../crates/copydesk/src/warc.rs"]
pub mod warc;

/// The cleaner, built once.
pub static CLEANER: LazyLock<copydesk_clean::Cleaner> = LazyLock::new(copydesk_clean::Cleaner::new);
/// The English segmenter, built once.
pub static SEGMENTER: LazyLock<copydesk_segment::Segmenter> = LazyLock::new(copydesk_segment::Segmenter::new);
/// The generic (non-English) segmenter, built once.
pub static GENERIC: LazyLock<copydesk_segment::Segmenter> =
    LazyLock::new(|| copydesk_segment::Segmenter::for_lang("und"));
/// The quote finder, built once.
pub static QUOTES: LazyLock<copydesk_quotes::QuoteFinder> = LazyLock::new(copydesk_quotes::QuoteFinder::new);
/// The figure scanner, built once.
pub static FIGURES: LazyLock<copydesk_numbers::FigureScanner> =
    LazyLock::new(copydesk_numbers::FigureScanner::new);

/// The fuzzer's bytes as text (invalid sequences replaced), so that every
/// input reaches the text stages.
pub fn text(data: &[u8]) -> Cow<'_, str> {
    String::from_utf8_lossy(data)
}

/// Checks sentence spans: in range, on char boundaries, non-empty, in order
/// and not overlapping.
pub fn check_sentences(text: &str, spans: &[Span]) {
    let mut after = 0;
    for span in spans {
        assert!(after <= span.start && span.start < span.end, "{span:?} after {after}");
        assert!(span.get(text).is_some(), "{span:?} not on char boundaries of a {}-byte text", text.len());
        after = span.end;
    }
}

/// Serialises `value` and checks the JSON: it parses back, and every object
/// with `start`, `end` and `text` names the stretch of `text` it quotes.
/// (serde_json writes a NaN as `null`: finiteness is checked on the values
/// themselves, with [`check_finite`].)
pub fn check_json(text: &str, value: &impl Serialize) {
    let json = serde_json::to_string(value).expect("serialises");
    let parsed: Value = serde_json::from_str(&json).expect("valid JSON");
    check_mentions(text, &parsed);
}

fn check_mentions(text: &str, value: &Value) {
    match value {
        Value::Object(map) => {
            if let (Some(start), Some(end), Some(surface)) =
                (map.get("start"), map.get("end"), map.get("text"))
            {
                let (start, end) = (start.as_u64().unwrap() as usize, end.as_u64().unwrap() as usize);
                assert_eq!(text.get(start..end), surface.as_str(), "mention {start}..{end}");
            }
            map.values().for_each(|v| check_mentions(text, v));
        }
        Value::Array(items) => items.iter().for_each(|v| check_mentions(text, v)),
        _ => {}
    }
}

/// Checks that every value is finite.
pub fn check_finite(values: impl IntoIterator<Item = Option<f64>>) {
    for v in values.into_iter().flatten() {
        assert!(v.is_finite(), "{v}");
    }
}
