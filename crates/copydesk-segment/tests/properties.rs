//! Properties every split must have, on arbitrary strings and on strings
//! built from the characters the rules care about.

use copydesk_segment::Segmenter;
use proptest::prelude::*;

/// Checks the spans of `text`: in order, not overlapping, on char
/// boundaries, trimmed, non-empty, and covering every non-whitespace
/// character exactly once.
fn check(seg: &Segmenter, text: &str) -> Result<(), TestCaseError> {
    let mut covered = 0;
    for span in seg.split(text) {
        prop_assert!(
            covered <= span.start && span.start < span.end && span.end <= text.len(),
            "{span:?} after {covered}"
        );
        prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        let gap = &text[covered..span.start];
        prop_assert!(gap.chars().all(char::is_whitespace), "text lost between sentences: {gap:?}");
        let s = span.slice(text);
        prop_assert_eq!(s, s.trim(), "span not trimmed");
        covered = span.end;
    }
    prop_assert!(text[covered..].chars().all(char::is_whitespace), "text lost at the end");
    Ok(())
}

/// Pieces that exercise the rules: punctuation, quotes, brackets,
/// abbreviations, list markers, line breaks, multi-byte characters.
fn piece() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "a",
        "The",
        "word",
        "U.S.",
        "Mr.",
        "Corp.",
        "a.m.",
        "No.",
        "3",
        "2.",
        "1)",
        "• ",
        ". ",
        "? ",
        "! ",
        "...",
        "…",
        ". . .",
        " ",
        "  ",
        "\n",
        "\r\n",
        "\n\n",
        "\"",
        "'",
        "''",
        "`",
        "“",
        "”",
        "‘",
        "’",
        "(",
        ")",
        "[",
        "]",
        "[1]",
        "{",
        "}",
        ":",
        ";",
        ":)",
        ",",
        "-",
        "é",
        "日本。",
        "！",
        "🎉",
        "\u{a0}",
        "\t",
        "http://x.com/a?b=1",
        "x@y.org",
    ])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn spans_cover_arbitrary_strings(text in any::<String>()) {
        check(&Segmenter::new(), &text)?;
        check(&Segmenter::for_lang("fr"), &text)?;
    }

    #[test]
    fn spans_cover_rule_heavy_strings(pieces in prop::collection::vec(piece(), 0..60)) {
        let text: String = pieces.concat();
        check(&Segmenter::new(), &text)?;
        check(&Segmenter::for_lang("de"), &text)?;
    }
}

#[test]
fn pathological_inputs_finish() {
    let seg = Segmenter::new();
    // About 128 KB each: quadratic work would take minutes.
    let inputs = [
        "a".repeat((1 << 17) / "a".len()),
        ".".repeat((1 << 17) / ".".len()),
        "(a. ".repeat((1 << 17) / "(a. ".len()),
        "\"a. ".repeat((1 << 17) / "\"a. ".len()),
        "'a. ".repeat((1 << 17) / "'a. ".len()),
        "U.S.".repeat((1 << 17) / "U.S.".len()),
        "1".repeat((1 << 17) / "1".len()),
        "x. ' y ".repeat((1 << 17) / "x. ' y ".len()),
        "at 5 a.m. Mr. ".repeat((1 << 17) / "at 5 a.m. Mr. ".len()),
        "1. A. ".repeat((1 << 17) / "1. A. ".len()),
        "a?b".repeat((1 << 17) / "a?b".len()),
        "x@y.z ".repeat((1 << 17) / "x@y.z ".len()),
        "http://a.b/c. ".repeat((1 << 17) / "http://a.b/c. ".len()),
    ];
    for text in &inputs {
        let started = std::time::Instant::now();
        let n = seg.split(text).count();
        assert!(n > 0);
        // Linear time: a quarter megabyte takes milliseconds, never seconds.
        assert!(started.elapsed().as_secs() < 5, "{} bytes took {:?}", text.len(), started.elapsed());
        check(&seg, text).unwrap();
    }
}
