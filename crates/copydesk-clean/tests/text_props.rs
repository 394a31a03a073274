//! Properties of text mode on any input: no panic, and nothing invented:
//! every output paragraph and the title are lines of the input, or
//! consecutive lines joined where the text looks hard-wrapped.

use copydesk_clean::TextCleaner;
use proptest::prelude::*;

/// Lines of the kinds a scraped page is made of, to mix with random ones.
const PIECES: &[&str] = &[
    "Share on Facebook",
    "Sign up for our newsletter",
    "Related",
    "Comments",
    "By Jane Doe",
    "Source: example.org",
    "image.png",
    "The minister said on Monday that the plan would be delayed until next year, citing costs.",
    "“We will not accept this,” she said. “It is not what we agreed.”",
    "The official responded:",
    "A headline about the harbour",
    "KABUL, Afghanistan —",
    "(Note: this page is for members.)",
    "Home | News | Sport",
    "",
    "   ",
    "東京都は新しい計画を発表した。",
];

fn page() -> impl Strategy<Value = String> {
    let line = prop_oneof![
        3 => proptest::sample::select(PIECES).prop_map(str::to_string),
        1 => any::<String>(),
        1 => "[a-zA-Z ,.:;!?“”\"'()—-]{0,120}",
    ];
    (proptest::collection::vec(line, 0..40), proptest::sample::select(&["\n", "\r\n", "\n\n"][..]))
        .prop_map(|(lines, sep)| lines.join(sep))
}

fn assert_made_of_input_lines(input: &str) {
    let doc = TextCleaner::new().clean(input);
    let lines: Vec<&str> = input.lines().map(str::trim).collect();
    if !doc.text.is_empty() {
        for para in doc.text.split("\n\n") {
            assert!(is_run_of_lines(para, &lines), "invented paragraph {para:?}");
        }
    }
    if let Some(title) = &doc.meta.title {
        assert!(is_run_of_lines(title, &lines), "invented title {title:?}");
        let once = lines.iter().filter(|l| **l == title.as_str()).count() == 1;
        assert!(!once || !doc.text.split("\n\n").any(|p| p == title), "title also in the body");
    }
}

/// `text` is one input line, or consecutive ones joined: text that looks
/// hard-wrapped has its lines joined back into paragraphs (by a space, or
/// by nothing after a hyphen), and nothing else is added or changed.
fn is_run_of_lines(text: &str, lines: &[&str]) -> bool {
    let squeezed = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let text = squeezed(text);
    (0..lines.len()).any(|first| {
        let mut joined = String::new();
        for line in &lines[first..] {
            if line.is_empty() {
                return false;
            }
            joined.push_str(&squeezed(line));
            if joined == text {
                return true;
            }
            if !text.starts_with(&joined) {
                return false;
            }
        }
        false
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_string_gives_input_lines_only(s in any::<String>()) {
        assert_made_of_input_lines(&s);
    }

    #[test]
    fn any_page_of_mixed_lines_gives_input_lines_only(s in page()) {
        assert_made_of_input_lines(&s);
    }
}

#[test]
fn pathological_inputs_finish() {
    let cleaner = TextCleaner::new();
    let long_line = "word ".repeat(2_000_000);
    assert_eq!(cleaner.clean(&long_line).text, long_line.trim());
    let punctuation = ".,;:!?".repeat(200_000);
    cleaner.clean(&punctuation);
    let many_lines = "Share\n".repeat(200_000);
    assert!(cleaner.clean(&many_lines).text.is_empty());
}
