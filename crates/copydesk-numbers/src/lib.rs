//! Every figure in a news story, with its value, unit and what it counts.
//!
//! [`FigureScanner`] finds numerals fast (a byte scan for digits, one
//! Aho-Corasick automaton for number words, so text with neither is skipped
//! at scanning speed) and reads around each one: a currency before or after
//! it, a scale ("billion", "bn", "m"), a unit, a percent sign, a qualifier
//! ("an estimated", "up to"), a second numeral making a range or a ratio,
//! and the noun phrase a count counts. Years, dates, times, ages, ordinals,
//! phone numbers, scores and identifiers are recognised and reported with
//! their own [`Kind`], never as counts, money or percents.
//!
//! ```
//! use copydesk_numbers::{FigureScanner, Kind};
//!
//! let scanner = FigureScanner::new();
//! let text = "In 2021 the Army left an estimated $7.12 billion of kit and 22,174 Humvees.";
//! let figures = scanner.scan(text);
//! let money = figures.iter().find(|f| f.kind == Kind::Money).unwrap();
//! assert_eq!(money.text, "an estimated $7.12 billion");
//! assert_eq!(money.value, Some(7.12e9));
//! assert_eq!(money.currency.as_deref(), Some("USD"));
//! assert!(money.approx);
//! let count = figures.iter().find(|f| f.kind == Kind::Count).unwrap();
//! assert_eq!(count.counted.as_ref().unwrap().text, "Humvees");
//! assert_eq!(figures[0].kind, Kind::Year);
//! ```
//!
//! The rules' knowledge (number words, scales, currencies, units, qualifiers,
//! cue words) lives in `data/*.txt`, compiled once when the scanner is built.

mod counted;
mod figure;
mod find;
mod lexicon;
mod nonfigure;
mod numeral;
mod qualifier;
mod scan;
mod swar;
mod term;
mod text;
mod wordmap;

pub use figure::{Bound, Change, Figure, Kind, Mention};

/// Finds figures in text. Build it once (its automata are compiled in
/// [`FigureScanner::new`]) and share it across threads.
pub struct FigureScanner {
    lexicon: lexicon::Lexicon,
}

impl Default for FigureScanner {
    fn default() -> FigureScanner {
        FigureScanner::new()
    }
}

impl FigureScanner {
    /// Compiles the data files into the scanner's tables and automata.
    pub fn new() -> FigureScanner {
        FigureScanner { lexicon: lexicon::Lexicon::new() }
    }

    /// Every figure (and every recognised non-figure) of `text`, in text
    /// order, with byte spans on `char` boundaries.
    pub fn scan<'a>(&self, text: &'a str) -> Vec<Figure<'a>> {
        scan::scan(&self.lexicon, text)
    }
}
