//! Small helpers for walking a text by bytes, words and spaces without ever
//! leaving a `char` boundary.
//!
//! Each looks at the ASCII byte first and decodes a `char` only when the
//! byte is not ASCII: an ASCII byte is always a whole char, and the byte
//! before a char boundary is ASCII only when it is one.

use crate::swar;

/// The char starting at byte `i`, if `i` is a boundary inside the text.
#[inline]
pub fn char_at(text: &str, i: usize) -> Option<char> {
    match text.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => Some(b as char),
        Some(_) => text.get(i..)?.chars().next(),
        None => None,
    }
}

/// The char ending at byte `i`.
#[inline]
pub fn char_before(text: &str, i: usize) -> Option<char> {
    match text.as_bytes().get(i.wrapping_sub(1)) {
        // `i` is at most the length here, and a boundary: the byte at `i`
        // cannot continue a char that an ASCII byte ends.
        Some(&b) if b.is_ascii() => Some(b as char),
        _ => text.get(..i)?.chars().next_back(),
    }
}

/// The byte at `i`, or 0 past the end.
#[inline]
pub fn byte(text: &str, i: usize) -> u8 {
    text.as_bytes().get(i).copied().unwrap_or(0)
}

/// True for characters that make up words (letters and digits, any script).
/// Latin-1 (no-break spaces, accented letters) and the general punctuation
/// block (curly quotes, dashes), common in news text, are told apart
/// before the Unicode tables are searched.
#[inline]
pub fn is_word_char(c: char) -> bool {
    match c {
        _ if c.is_ascii() => c.is_ascii_alphanumeric(),
        // Latin-1: the letters, and a few signs that are letters or numbers.
        '\u{80}'..='\u{ff}' => {
            c >= 'À' && c != '×' && c != '÷'
                || matches!(c, 'ª' | '²' | '³' | 'µ' | '¹' | 'º' | '¼' | '½' | '¾')
        }
        '\u{2000}'..='\u{206f}' => false,
        _ => c.is_alphanumeric(),
    }
}

/// True for the horizontal spaces that may separate the parts of a figure
/// (space, tab, no-break spaces, thin spaces).
#[inline]
pub fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{a0}' | '\u{2009}' | '\u{202f}' | '\u{2007}')
}

/// The first byte at or after `i` that is not a horizontal space.
#[inline]
pub fn skip_spaces(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    while let Some(&b) = bytes.get(i) {
        if b == b' ' || b == b'\t' {
            i += 1;
            continue;
        }
        if b.is_ascii() {
            break;
        }
        let Some(c) = char_at(text, i) else { break };
        if !is_space(c) {
            break;
        }
        i += c.len_utf8();
    }
    i
}

/// The first byte at or before `i` that follows no horizontal space.
#[inline]
pub fn skip_spaces_back(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    while let Some(&b) = bytes.get(i.wrapping_sub(1)) {
        if b == b' ' || b == b'\t' {
            i -= 1;
            continue;
        }
        if b.is_ascii() {
            break;
        }
        let Some(c) = char_before(text, i) else { break };
        if !is_space(c) {
            break;
        }
        i -= c.len_utf8();
    }
    i
}

/// True when no word character touches byte `i` from the left.
#[inline]
pub fn starts_word_boundary(text: &str, i: usize) -> bool {
    !char_before(text, i).is_some_and(is_word_char)
}

/// True when no word character follows byte `i`.
#[inline]
pub fn ends_word_boundary(text: &str, i: usize) -> bool {
    !char_at(text, i).is_some_and(is_word_char)
}

/// The end of the run of ASCII letters starting at `i` (`i` when there is
/// none), found eight bytes at a time.
#[inline]
pub fn letters_end(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    while let Some(rest) = bytes.get(i..) {
        // Past the end the bytes read as zeros, which are no letters.
        let others = !swar::letters(swar::load_head(rest)) & swar::HIGHS;
        if others != 0 {
            return i + (others.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    i
}

/// The start of the run of ASCII letters ending at `i`, found eight bytes
/// at a time.
#[inline]
pub fn letters_start(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    while let Some(before) = bytes.get(i.saturating_sub(8)..i).filter(|b| !b.is_empty()) {
        // The bytes before `i` at the top of the word, zeros below them.
        let x = swar::load_head(before) << (8 * (8 - before.len()));
        let letters = (!swar::letters(x) & swar::HIGHS).leading_zeros() as usize / 8;
        if letters < 8 {
            return i - letters;
        }
        i -= 8;
    }
    i
}

/// The end of the run of ASCII digits starting at `i`.
pub fn digits_end(text: &str, mut i: usize) -> usize {
    while byte(text, i).is_ascii_digit() {
        i += 1;
    }
    i
}

/// The word (ASCII letters, with one trailing `.` kept when `dot`) right
/// after `i`, past horizontal spaces: `(start, end)`.
#[inline]
pub fn next_word(text: &str, i: usize) -> Option<(usize, usize)> {
    let s = skip_spaces(text, i);
    let e = letters_end(text, s);
    (e > s && ends_word_boundary(text, e)).then_some((s, e))
}

/// The word of ASCII letters right before `i`, past horizontal spaces:
/// `(start, end)`. A trailing `.` is not part of it.
#[inline]
pub fn prev_word(text: &str, i: usize) -> Option<(usize, usize)> {
    let e = skip_spaces_back(text, i);
    let s = letters_start(text, e);
    (s < e && starts_word_boundary(text, s)).then_some((s, e))
}

/// True when `word` is one of `words` (lower case), in any ASCII case.
#[inline]
pub fn is_any(word: &str, words: &[&str]) -> bool {
    words.iter().any(|w| word.eq_ignore_ascii_case(w))
}

/// True when `word` ends with `suffix`, ASCII case ignored.
#[inline]
pub fn ends_with_ci(word: &str, suffix: &str) -> bool {
    word.len() >= suffix.len()
        && word.as_bytes()[word.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

/// True when the text at `i` starts with `pat`, ASCII case ignored.
pub fn starts_with_ci(text: &str, i: usize, pat: &str) -> bool {
    text.as_bytes().get(i..i + pat.len()).is_some_and(|b| b.eq_ignore_ascii_case(pat.as_bytes()))
}

/// True when `i` starts a sentence: nothing but spaces, quotes or brackets
/// between it and the text start, a line break, or `.`, `!`, `?`, `:`.
pub fn at_sentence_start(text: &str, i: usize) -> bool {
    let mut j = i;
    while let Some(c) = char_before(text, j) {
        match c {
            ' ' | '\t' | '\u{a0}' | '"' | '\'' | '“' | '‘' | '(' | '[' => j -= c.len_utf8(),
            '\n' | '\r' | '.' | '!' | '?' | ':' | '•' | '—' => return true,
            _ => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn general_punctuation_holds_no_word_characters() {
        let fast = ('\u{80}'..='\u{ff}').chain('\u{2000}'..='\u{206f}');
        assert!(fast.into_iter().all(|c| is_word_char(c) == c.is_alphanumeric()));
        assert!(is_word_char('é') && is_word_char('7') && !is_word_char('’') && !is_word_char('—'));
    }

    #[test]
    fn runs_of_letters_end_at_anything_else() {
        let text = "x-abcdefghijklmnopq7é Zz";
        assert_eq!(letters_end(text, 2), 19);
        assert_eq!(letters_start(text, 19), 2);
        assert_eq!(letters_start(text, 10), 2);
        assert_eq!((letters_end(text, 23), letters_start(text, 25)), (25, 23));
        assert_eq!((letters_end(text, 1), letters_start(text, 1)), (1, 0));
        assert_eq!((letters_end(text, 30), letters_start(text, 30)), (30, 30));
        assert_eq!((letters_end("", 0), letters_start("", 0)), (0, 0));
        for n in 0..20 {
            let word = "a".repeat(n);
            assert_eq!((letters_end(&word, 0), letters_start(&word, n)), (n, 0), "{n} letters");
        }
    }
}
