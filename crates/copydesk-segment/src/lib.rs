//! Sentence boundaries in news text, as byte spans.
//!
//! A [`Segmenter`] is built once and splits any number of texts. Line breaks
//! are hard boundaries (headlines, datelines, captions and list items stand
//! on their own lines); inside a line, every run of terminal punctuation is a
//! candidate, and rules decide from the word before it (an abbreviation and
//! its class, a number, an initial), the word after it, and the quotes and
//! brackets open around it. The rules' knowledge lives in word lists under
//! `data/` (titles, months, units, company suffixes, degrees, states,
//! sentence starters, ...).
//!
//! ```
//! use copydesk_segment::Segmenter;
//!
//! let text = "Maj. Gen. John Smith arrived in the U.S. on Monday. \
//!             He said the deal is worth $7.12 billion.\nKABUL (Reuters) - Talks resumed.";
//! let seg = Segmenter::new();
//! let sentences: Vec<&str> = seg.split(text).map(|s| s.slice(text)).collect();
//! assert_eq!(sentences, [
//!     "Maj. Gen. John Smith arrived in the U.S. on Monday.",
//!     "He said the deal is worth $7.12 billion.",
//!     "KABUL (Reuters) - Talks resumed.",
//! ]);
//! ```

mod address;
mod chars;
mod leadin;
mod lexicon;
mod lists;
mod quotes;
mod rules;
mod scan;
mod sentences;
mod stamp;

use lexicon::Lexicon;

pub use sentences::Sentences;

/// Splits text into sentences. Built once, shared freely (`Send + Sync`,
/// cheap to copy).
#[derive(Clone, Copy, Debug)]
pub struct Segmenter {
    lex: &'static Lexicon,
}

impl Default for Segmenter {
    /// The English segmenter.
    fn default() -> Segmenter {
        Segmenter::new()
    }
}

impl Segmenter {
    /// A segmenter for English news text.
    pub fn new() -> Segmenter {
        Segmenter { lex: Lexicon::english() }
    }

    /// A segmenter for the language with this ISO 639-1 code (`"en"`,
    /// `"en-GB"`, ...). Languages other than English get the generic rules:
    /// no English abbreviations, initials and ordinals ("3.") kept inside a
    /// sentence.
    pub fn for_lang(lang: &str) -> Segmenter {
        let code = lang.split(['-', '_']).next().unwrap_or("");
        if code.eq_ignore_ascii_case("en") { Segmenter::new() } else { Segmenter { lex: Lexicon::generic() } }
    }

    /// The sentences of `text`, in order, as byte spans trimmed of
    /// whitespace. Nothing is allocated per sentence.
    pub fn split<'s, 't>(&'s self, text: &'t str) -> Sentences<'s, 't> {
        Sentences::new(self.lex, text)
    }
}
