//! Hostile input: stray and unbalanced marks, one huge open quote,
//! apostrophes everywhere. Nothing panics, spans stay on char boundaries, time
//! stays linear, and the rest of the story still gets its quotes.

use std::time::{Duration, Instant};

use copydesk_core::Span;
use copydesk_quotes::{Quote, QuoteFinder};
use proptest::prelude::*;

fn check_spans(text: &str, quotes: &[Quote]) {
    for q in quotes {
        assert_eq!(q.span().get(text), Some(q.text.as_str()));
        if let Some(s) = &q.speaker {
            assert_eq!(Span::new(s.start, s.end).get(text), Some(s.text.as_str()));
        }
        if let Some(c) = &q.cue {
            assert_eq!(Span::new(c.start, c.end).get(text), Some(c.text.as_str()));
        }
    }
}

const GOOD: &str = "\n\n\"The harbour will reopen next week,\" port chief Ivo Lang said.";

/// Runs the finder on `make(n)` for a size and ten times that size, and
/// checks the time grows about linearly (a quadratic step would grow it a
/// hundredfold); returns the larger input's quotes and text.
fn linear(make: impl Fn(usize) -> String, small: usize) -> (String, Vec<Quote>) {
    let finder = QuoteFinder::new();
    let time = |text: &str| {
        let started = Instant::now();
        let quotes = finder.find(text, &[]);
        (started.elapsed(), quotes)
    };
    let (t_small, _) = time(&make(small));
    let big = make(small * 10);
    let (t_big, quotes) = time(&big);
    assert!(t_big < t_small * 30 + Duration::from_millis(500), "{t_small:?} then {t_big:?}");
    check_spans(&big, &quotes);
    (big, quotes)
}

#[test]
fn ten_megabyte_paragraph_inside_one_open_quote_is_linear_and_spares_the_rest() {
    let make = |size: usize| {
        let mut text = String::from("“");
        while text.len() < size {
            text.push_str("the dockers said it's the owners’ fault, 'again' and ");
        }
        text + GOOD
    };
    let (_, quotes) = linear(make, 1_000_000);
    let last = quotes.last().expect("the closing paragraph keeps its quote");
    assert_eq!(last.speaker.as_ref().map(|s| s.text.as_str()), Some("Ivo Lang"));
}

#[test]
fn apostrophes_and_stray_marks_everywhere_do_not_hide_later_quotes() {
    let finder = QuoteFinder::new();
    let mut text = String::new();
    for _ in 0..20_000 {
        text.push_str("Rock 'n' roll isn't dead, the '90s fans' club says \" and ” stray ‘ marks. ");
    }
    text.push_str(GOOD);
    let quotes = finder.find(&text, &[]);
    check_spans(&text, &quotes);
    assert!(quotes.iter().any(|q| q.speaker.as_ref().is_some_and(|s| s.text == "Ivo Lang")));
}

#[test]
fn apostrophes_everywhere_are_linear_and_spare_the_quote_after_them() {
    let make = |size: usize| {
        let mut text = String::new();
        while text.len() < size {
            text.push_str(
                "the dockers' union isn't sure it's the owners’ call, 'cause the '90s rock 'n' roll ",
            );
        }
        text + GOOD
    };
    let (_, quotes) = linear(make, 250_000);
    assert_eq!(quotes.len(), 1, "no apostrophe pairs into a quote");
    assert_eq!(quotes[0].speaker.as_ref().map(|s| s.text.as_str()), Some("Ivo Lang"));
}

#[test]
fn unbalanced_marks_in_every_paragraph_are_linear_and_spare_the_last_quote() {
    // Each paragraph opens a quote that no mark closes, as a quote running
    // over paragraphs does, and carries a stray closer and a lone opener.
    let make = |size: usize| {
        let mut text = String::new();
        while text.len() < size {
            text.push_str("“The cranes stay, ” he said ‘ and ” left « for good.\n\n");
        }
        text + GOOD
    };
    let (_, quotes) = linear(make, 250_000);
    let last = quotes.last().expect("the closing paragraph keeps its quote");
    assert_eq!(last.speaker.as_ref().map(|s| s.text.as_str()), Some("Ivo Lang"));
}

#[test]
fn many_named_speakers_are_linear() {
    // Every name, role and pronoun is looked up against the story's others
    // ("she" against men only, finding none): that must not grow with the
    // square of their number.
    let make = |size: usize| {
        let mut text = String::new();
        let mut n = 0;
        while text.len() < size {
            text.push_str(&format!(
                "“We are ready,” said Mr. Ivo Lang{n}, the port's spokesman. “So are we,” she added.\n\n"
            ));
            n += 1;
        }
        text
    };
    let (_, quotes) = linear(make, 100_000);
    assert!(quotes.iter().all(|q| q.speaker.is_some()));
}

#[test]
fn a_megabyte_of_punctuation_and_marks_is_linear() {
    let make = |size: usize| "\"“”‘’'«»,.:;—– ".chars().cycle().take(size).collect::<String>();
    linear(make, 100_000);
}

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("\"".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("'".to_string()),
        Just("’".to_string()),
        Just("‘".to_string()),
        Just("''".to_string()),
        Just("«".to_string()),
        Just(" said ".to_string()),
        Just(" according to ".to_string()),
        Just("Mr. Ivo Lang".to_string()),
        Just(" he ".to_string()),
        Just(", ".to_string()),
        Just(": ".to_string()),
        Just(". ".to_string()),
        Just("\n\n".to_string()),
        Just(" — ".to_string()),
        "[a-zA-Z]{1,8}",
        "\\PC{0,3}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn never_panics_and_spans_fit(pieces in proptest::collection::vec(piece(), 0..60), cut in 0usize..200) {
        let text: String = pieces.concat();
        // Sentence spans that are coarse, overlapping or out of range.
        let sentences = [Span::new(0, cut.min(text.len())), Span::new(cut, cut + 3)];
        let quotes = QuoteFinder::new().find(&text, &sentences);
        check_spans(&text, &quotes);
        for w in quotes.windows(2) {
            prop_assert!(w[0].end <= w[1].start);
        }
    }
}
