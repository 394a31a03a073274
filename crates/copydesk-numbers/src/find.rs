//! Where numerals may start: an ASCII digit, a number word or a vulgar
//! fraction. One pass reads the text eight bytes at a time and marks the
//! digits, the first letters of words and the lead bytes of vulgar
//! fractions; only the marked bytes are looked at one by one (a word's
//! first three letters against a bit set, then the whole word against the
//! number words). Text with none of them is skipped at about a byte an
//! instruction or two.

use crate::lexicon::{Lexicon, vulgar_fraction};
use crate::swar;
use crate::text::{byte, letters_end, starts_word_boundary};

/// True when the bytes at `i` start a vulgar fraction: "½", "¼", "¾"
/// (C2 BC..BE) or "⅐".."⅞" (E2 85 90..9E); other text is not decoded.
#[inline]
fn is_vulgar_lead(bytes: &[u8], i: usize) -> bool {
    match bytes[i] {
        0xC2 => matches!(bytes.get(i + 1), Some(0xBC..=0xBE)),
        0xE2 => bytes.get(i + 1) == Some(&0x85) && matches!(bytes.get(i + 2), Some(0x90..=0x9E)),
        _ => false,
    }
}

/// True when the byte at `i`, marked as a digit, a word's first letter or
/// a lead byte, starts a numeral.
#[inline]
fn starts_numeral(lex: &Lexicon, text: &str, i: usize) -> bool {
    let bytes = text.as_bytes();
    let b = bytes[i];
    if b.is_ascii_digit() {
        return true;
    }
    if b >= 0x80 {
        return is_vulgar_lead(bytes, i) && vulgar_fraction(&text[i..]).is_some();
    }
    // A whole word ("ten", "twenty-five"), not the start of one ("tension").
    let second = byte(text, i + 1);
    second.is_ascii_alphabetic()
        && lex.may_start_number_word(b, second, byte(text, i + 2))
        && starts_word_boundary(text, i)
        && lex.is_number_trigger(&text[i..letters_end(text, i)])
}

/// The first byte at or after `from` where a numeral may start (a digit,
/// a number word, a vulgar fraction), or `usize::MAX`.
pub fn next_start(lex: &Lexicon, text: &str, from: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = from;
    // Whether the byte before the current eight is an ASCII letter: a
    // letter after it continues a word (at `from`, the boundary check
    // decides).
    let mut letter_before = 0;
    while i < bytes.len() {
        let x = swar::load(bytes, i);
        let letters = swar::letters(x);
        let digits = swar::between(x, b'0' - 1, b'9' + 1);
        // The lead bytes of vulgar fractions, C2 and E2: E2 with its 0x20
        // bit cleared.
        let leads = swar::equal(x & 0xDFDF_DFDF_DFDF_DFDF, 0xC2);
        let word_starts = letters & !((letters << 8) | letter_before);
        let mut marks = digits | word_starts | leads;
        while marks != 0 {
            let k = i + (marks.trailing_zeros() / 8) as usize;
            // The zeros past the end are never marked.
            if starts_numeral(lex, text, k) {
                return k;
            }
            marks &= marks - 1;
        }
        letter_before = letters >> 56;
        i += 8;
    }
    usize::MAX
}
