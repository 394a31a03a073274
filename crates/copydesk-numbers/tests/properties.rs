//! Properties that hold on any input: no panic, spans on char boundaries,
//! finite values, linear time on pathological input.

use std::sync::LazyLock;
use std::time::Instant;

use copydesk_numbers::FigureScanner;
use proptest::prelude::*;

/// One scanner for every case: building its automata is the slow part.
static SCANNER: LazyLock<FigureScanner> = LazyLock::new(FigureScanner::new);

fn check(scanner: &FigureScanner, text: &str) {
    for f in scanner.scan(text) {
        assert!(f.span.start <= f.span.end && f.span.end <= text.len());
        assert!(text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end));
        assert_eq!(f.text, &text[f.span.start..f.span.end]);
        for v in [f.value, f.low, f.high, f.si_value, f.part, f.whole].into_iter().flatten() {
            assert!(v.is_finite(), "{f:?}");
        }
        if let Some(c) = &f.counted {
            assert!(f.span.contains(c.span) && text.is_char_boundary(c.span.start));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn never_panics_on_any_string(s in "\\PC*") {
        check(&SCANNER, &s);
    }

    #[test]
    fn never_panics_on_number_like_text(s in "([0-9]{1,6}|[.,/\\-–%$£€ ]|million|bn|m|km|to|in|one|half|third|a|of|s|\u{a0}|½|é){0,40}") {
        check(&SCANNER, &s);
    }
}

/// Seconds to scan `text`.
fn time(scanner: &FigureScanner, text: &str) -> f64 {
    let t = Instant::now();
    check(scanner, text);
    t.elapsed().as_secs_f64()
}

#[test]
fn long_digit_runs_take_linear_time_and_yield_finite_values() {
    let scanner = &*SCANNER;
    let small = "9".repeat(10_000);
    let big = "9".repeat(40_000);
    let (a, b) = (time(scanner, &small), time(scanner, &big));
    // Four times the input in well under sixteen times the time: not quadratic.
    assert!(b < a * 10.0 + 0.05, "10k digits {a}s, 40k digits {b}s");
}

#[test]
fn a_megabyte_of_punctuation_takes_linear_time() {
    let scanner = &*SCANNER;
    let unit = ".,-/%$1 ";
    let small: String = unit.repeat(31_250);
    let big: String = unit.repeat(125_000);
    let (a, b) = (time(scanner, &small), time(scanner, &big));
    assert!(b < a * 10.0 + 0.05, "250 kB {a}s, 1 MB {b}s");
}
