//! The noun phrase a count counts: "22,174 Humvees", "33 Black Hawk
//! helicopters", "16,035 pairs of night vision goggles", "25 people".
//!
//! Without a tagger, the phrase is read as a run of words that are not
//! function words (`data/stopwords.txt`), ending on the first plural noun
//! (a word ending in "s", or one of `data/irregular_plurals.txt`); a
//! partitive ("pairs of", `data/partitives.txt`) carries it past "of".

use copydesk_core::Span;

use crate::lexicon::Lexicon;
use crate::text::{char_at, ends_with_ci, is_word_char, skip_spaces};

/// Most words in a counted phrase before its head noun.
const MAX_WORDS: usize = 5;

/// A word of a counted phrase: letters, digits, inner hyphens and
/// apostrophes ("Black", "C-130", "M1117s", "anti-tank").
fn token(text: &str, i: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut e = i;
    let mut letters = false;
    // ASCII letters and digits one byte at a time; anything else as a char.
    while let Some(&b) = bytes.get(e) {
        if !b.is_ascii_alphanumeric() {
            break;
        }
        letters |= b.is_ascii_alphabetic();
        e += 1;
    }
    // Most words end at a space or a punctuation mark that joins nothing.
    if bytes.get(e).is_none_or(|&b| b.is_ascii() && b != b'-' && b != b'\'') {
        return (letters && e > i).then_some(e);
    }
    while let Some(c) = char_at(text, e) {
        if is_word_char(c) {
            letters |= c.is_alphabetic();
            e += c.len_utf8();
        } else if matches!(c, '-' | '\'' | '’')
            && char_at(text, e + c.len_utf8()).is_some_and(is_word_char)
            && e > i
        {
            e += c.len_utf8();
        } else {
            break;
        }
    }
    (letters && e > i).then_some(e)
}

/// A plural noun: ends in "s" but not "ss", "us", "is"; or irregular.
/// Words with digits ("M1117s") are names, not head nouns.
fn plural(lex: &Lexicon, w: &str) -> bool {
    if w.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let ends = |suffix: &str| ends_with_ci(w, suffix);
    w.len() >= 3 && (ends("s") && !ends("ss") && !ends("us") && !ends("is") || ends("s'"))
        || lex.irregular_plurals.contains(w)
}

/// The end of the run of non-function words from `start` (at least to
/// `first_end`), at most three words: a singular noun phrase.
fn run_end(lex: &Lexicon, text: &str, start: usize, first_end: usize) -> usize {
    let mut end = first_end;
    let mut at = start;
    for _ in 0..3 {
        let Some(e) = token(text, at) else { break };
        if lex.stopwords.contains(&text[at..e]) {
            break;
        }
        end = end.max(e);
        let j = skip_spaces(text, e);
        if j == e {
            break;
        }
        at = j;
    }
    end
}

/// A noun phrase of up to three words after `i` (past spaces), plural or
/// not: what a quantity measures ("snow", "night vision goggles").
pub fn phrase(lex: &Lexicon, text: &str, i: usize) -> Option<Span> {
    let start = skip_spaces(text, i);
    let e = token(text, start)?;
    if start == i || lex.stopwords.contains(&text[start..e]) {
        return None;
    }
    Some(Span::new(start, run_end(lex, text, start, e)))
}

/// The counted phrase starting after `i` (past spaces), for a count of
/// `value`: its span.
pub fn after(lex: &Lexicon, text: &str, i: usize, value: f64) -> Option<Span> {
    let start = skip_spaces(text, i);
    if start == i {
        return None;
    }
    let mut at = start;
    let mut words = 0;
    let mut first_end = None;
    while words < MAX_WORDS {
        let e = token(text, at)?;
        let w = &text[at..e];
        if lex.stopwords.contains(w) || words == 0 && lex.words.contains(w) {
            break;
        }
        words += 1;
        first_end.get_or_insert(e);
        if plural(lex, w) {
            // "pairs of night vision goggles": run on past "of".
            if lex.partitives.contains(w) {
                let j = skip_spaces(text, e);
                if let Some(oe) = token(text, j).filter(|&oe| text[j..oe].eq_ignore_ascii_case("of"))
                    && let Some(rest) = after(lex, text, oe, 2.0)
                {
                    return Some(Span::new(start, rest.end));
                }
            }
            return Some(Span::new(start, e));
        }
        let j = skip_spaces(text, e);
        if j == e || j >= text.len() {
            break;
        }
        at = j;
    }
    // One thing: "one person", "one complete orbit".
    if value == 1.0 {
        return first_end.map(|e| Span::new(start, run_end(lex, text, start, e)));
    }
    None
}
