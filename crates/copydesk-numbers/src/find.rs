//! Where numerals may start: the next ASCII digit, found eight bytes at a
//! time, and the next number word, found by checking each word's first three
//! letters against a bit set before running the number-word automaton
//! (anchored) on it. Text with neither is skipped at a few hundred MB/s.

use aho_corasick::{Anchored, Input};

use crate::lexicon::{Lexicon, vulgar_fraction};
use crate::text::{byte, starts_word_boundary};

/// The first ASCII digit at or after `from`, or `usize::MAX`.
pub fn next_digit(bytes: &[u8], from: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let mut i = from;
    // Eight bytes at a time: a byte is a digit when it is above '/' and
    // below ':' (the bit trick of "has byte between").
    while i + 8 <= bytes.len() {
        let mut w = [0u8; 8];
        w.copy_from_slice(&bytes[i..i + 8]);
        let x = u64::from_le_bytes(w);
        let low7 = x & !HIGHS;
        let between = (ONES * (127 + b':' as u64)).wrapping_sub(low7)
            & !x
            & (low7 + ONES * (127 - b'/' as u64))
            & HIGHS;
        if between != 0 {
            return i + (between.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    bytes.get(i..).and_then(|b| b.iter().position(u8::is_ascii_digit)).map_or(usize::MAX, |p| i + p)
}

/// True when the bytes at `i` may start a vulgar fraction: "½", "¼", "¾"
/// (C2 BC..BE) or "⅐".."⅞" (E2 85 90..9E); other text is not decoded.
#[inline]
fn is_vulgar_lead(bytes: &[u8], i: usize) -> bool {
    match bytes[i] {
        0xC2 => matches!(bytes.get(i + 1), Some(0xBC..=0xBE)),
        0xE2 => bytes.get(i + 1) == Some(&0x85) && matches!(bytes.get(i + 2), Some(0x90..=0x9E)),
        _ => false,
    }
}

/// The start of the first number word (or vulgar fraction) at or after
/// `from`, or `usize::MAX`.
pub fn next_word(lex: &Lexicon, text: &str, from: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = from;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_alphabetic() {
            let start = i;
            if lex.may_start_number_word(b, byte(text, start + 1), byte(text, start + 2))
                && starts_word_boundary(text, start)
            {
                let input = Input::new(text).range(start..).anchored(Anchored::Yes);
                // A whole word ("ten", "twenty-five"), not the start of one ("tension").
                if lex.word_finder.find(input).is_some_and(|m| {
                    !byte(text, m.end()).is_ascii_alphabetic() || byte(text, m.end()) == b'-'
                }) {
                    return start;
                }
            }
            // Past the rest of the word.
            while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
                i += 1;
            }
        } else if is_vulgar_lead(bytes, i) && vulgar_fraction(&text[i..]).is_some() {
            return i;
        } else {
            i += 1;
        }
    }
    usize::MAX
}
