//! What each character is to the segmenter, and small cursor helpers over
//! the text that never leave a `char` boundary.

/// Bytes the scanner stops at: terminal punctuation, quotes, brackets,
/// clause separators, and the lead bytes of the multi-byte characters among
/// those (curly quotes, ellipsis, CJK and full-width punctuation, guillemets).
pub(crate) static INTERESTING: [bool; 256] = {
    let mut t = [false; 256];
    let bytes = b".?!\"'`()[]{}:;";
    let mut i = 0;
    while i < bytes.len() {
        t[bytes[i] as usize] = true;
        i += 1;
    }
    t[0xC2] = true; // « »
    t[0xE2] = true; // U+2000..U+2FFF: “ ” ‘ ’ … ‼ ⁇ ‽
    t[0xE3] = true; // U+3000..U+3FFF: 。 「 」 『 』
    t[0xEF] = true; // U+F000..U+FFFF: ！ ？ （ ）
    t
};

/// The bytes of [`INTERESTING`], as comparisons the compiler turns into
/// vector instructions: all bits set for an interesting byte.
#[inline(always)]
fn interesting_mask(x: u8) -> u8 {
    let hit = (x.wrapping_sub(b'!') < 2)
        | (x.wrapping_sub(b'\'') < 3)
        | (x == b'.')
        | (x.wrapping_sub(b':') < 2)
        | (x == b'?')
        | (x == b'[')
        | (x == b']')
        | (x == b'`')
        | (x == b'{')
        | (x == b'}')
        | (x == 0xC2)
        | (x.wrapping_sub(0xE2) < 2)
        | (x == 0xEF);
    u8::from(hit).wrapping_neg()
}

/// A cheaper test that holds for every interesting byte and for a few
/// others ("#$%&<=>@" and every lead byte): chunks of prose without any of
/// them are skipped with it.
#[inline(always)]
fn maybe_interesting(x: u8) -> u8 {
    // `x & 0xDF` folds "{}" onto "[]" and "`" onto "@".
    let folded = x & 0xDF;
    let hit = (x.wrapping_sub(b'!') < 9)
        | (x == b'.')
        | (x.wrapping_sub(b':') < 6)
        | (folded == b'[')
        | (folded == b']')
        | (folded == b'@')
        | (x >= 0xC2);
    u8::from(hit)
}

/// The first interesting byte in `b[from..end]`, sixteen bytes at a time.
pub(crate) fn next_interesting(b: &[u8], mut from: usize, end: usize) -> Option<usize> {
    let end = end.min(b.len());
    while from + 16 <= end {
        let chunk: &[u8; 16] = b[from..from + 16].try_into().ok()?;
        let mut any = 0;
        for &x in chunk {
            any |= maybe_interesting(x);
        }
        if any != 0 {
            let mut marks = [0u8; 16];
            for (mark, &x) in marks.iter_mut().zip(chunk) {
                *mark = interesting_mask(x);
            }
            let first = u128::from_le_bytes(marks).trailing_zeros() as usize / 8;
            if first < 16 {
                return Some(from + first);
            }
        }
        from += 16;
    }
    b.get(from..end)?.iter().position(|&x| INTERESTING[usize::from(x)]).map(|k| from + k)
}

/// Sentence-final punctuation.
pub(crate) fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '?' | '!' | '…' | '‼' | '⁇' | '⁈' | '⁉' | '‽' | '。' | '！' | '？' | '．' | '｡')
}

/// Full stops, as opposed to question and exclamation marks.
pub(crate) fn is_full_stop(c: char) -> bool {
    matches!(c, '.' | '．')
}

/// Terminal punctuation of scripts written without spaces: a boundary even
/// when no space follows.
pub(crate) fn is_cjk_terminal(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '｡')
}

/// Opening brackets (quotes are handled in `quotes.rs`).
pub(crate) fn is_open_bracket(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | '（' | '［' | '｛' | '「' | '『' | '《' | '〈' | '【' | '〔' | '〖')
}

/// Closing brackets.
pub(crate) fn is_close_bracket(c: char) -> bool {
    matches!(c, ')' | ']' | '}' | '）' | '］' | '｝' | '」' | '』' | '》' | '〉' | '】' | '〕' | '〗')
}

/// Pictographic emoji and the joiners and modifiers inside an emoji sequence.
pub(crate) fn is_emoji_part(c: char) -> bool {
    matches!(c as u32,
        0x1F000..=0x1FAFF   // pictographs, emoticons, transport, flags, ...
        | 0x2600..=0x27BF   // miscellaneous symbols, dingbats
        | 0x2B00..=0x2BFF   // stars, arrows
        | 0x200D            // zero-width joiner
        | 0xFE0F            // emoji presentation selector
        | 0xE0020..=0xE007F // tag characters
    )
}

/// Whether `c` is a letter, when a block tells without the Unicode
/// tables: Latin-1 letters and the basic Cyrillic alphabet are, General
/// Punctuation (spaces, dashes, curly quotes, bullets) holds no letter or
/// digit. These are the non-ASCII characters news text holds most.
#[inline]
fn letter_by_block(c: char) -> Option<bool> {
    match c {
        'À'..='ÿ' => Some(c != '×' && c != '÷'),
        'А'..='я' => Some(true),
        '\u{2000}'..='\u{206F}' => Some(false),
        _ => None,
    }
}

/// `char::is_alphabetic`, without the Unicode tables for the commonest
/// blocks.
#[inline]
pub(crate) fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    letter_by_block(c).unwrap_or_else(|| c.is_alphabetic())
}

/// `char::is_alphanumeric`, without the Unicode tables for the commonest
/// blocks.
#[inline]
pub(crate) fn is_letter_or_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    letter_by_block(c).unwrap_or_else(|| c.is_alphanumeric())
}

/// Characters that continue a word for the lexicon: letters, digits, the
/// inner full stops of "U.S" or "Ph.D", and apostrophes ("tony's").
pub(crate) fn is_token_char(c: char) -> bool {
    is_letter_or_digit(c) || matches!(c, '.' | '\'' | '’')
}

/// The character starting at byte `i`, if `i` is a boundary inside `text`.
#[inline]
pub(crate) fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

/// The character ending at byte `i`.
#[inline]
pub(crate) fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i).and_then(|s| s.chars().next_back())
}

/// The first byte at or after `i` (before `end`) that is not whitespace.
#[inline]
pub(crate) fn skip_space(text: &str, mut i: usize, end: usize) -> usize {
    let b = text.as_bytes();
    while i < end {
        match b[i] {
            b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C => i += 1,
            x if x < 0x80 => return i,
            _ => match char_at(text, i) {
                Some(c) if c.is_whitespace() => i += c.len_utf8(),
                _ => return i,
            },
        }
    }
    end
}

/// The end of the last non-whitespace character in `start..end`.
pub(crate) fn trim_end(text: &str, start: usize, end: usize) -> usize {
    text.get(start..end).map_or(start, |s| start + s.trim_end().len())
}

/// The last non-whitespace character before `i`, not looking further back
/// than `floor`, with its start.
pub(crate) fn prev_non_space(text: &str, i: usize, floor: usize) -> Option<(usize, char)> {
    let s = text.get(floor..i)?;
    s.char_indices().rev().take(16).find(|(_, c)| !c.is_whitespace()).map(|(j, c)| (floor + j, c))
}

/// The word of letters starting at `i`, at most 32 bytes long.
#[inline]
pub(crate) fn word_at(text: &str, i: usize) -> &str {
    let rest = text.get(i..).unwrap_or("");
    // ASCII letters byte by byte; a non-ASCII character sends the walk
    // through chars.
    let head = &rest.as_bytes()[..rest.len().min(32)];
    let j = head.iter().position(|c| !c.is_ascii_alphabetic()).unwrap_or(head.len());
    if head.get(j).is_some_and(|c| !c.is_ascii()) {
        return word_on(rest, j);
    }
    &rest[..j]
}

/// The rest of [`word_at`]'s word from byte `j` of `rest`, a non-ASCII
/// character.
#[inline(never)]
fn word_on(rest: &str, j: usize) -> &str {
    let len = rest[j..].char_indices().find(|&(k, c)| j + k >= 32 || !is_letter(c));
    &rest[..len.map_or(rest.len(), |(k, _)| j + k)]
}

/// True for a word in capitals of two letters or more ("PDT", "EST").
pub(crate) fn is_all_caps(word: &str) -> bool {
    word.chars().count() > 1 && word.chars().all(|c| c.is_uppercase())
}

/// True for a roman numeral in capitals ("II", "XIV").
pub(crate) fn is_roman(word: &str) -> bool {
    !word.is_empty() && word.bytes().all(|b| matches!(b, b'I' | b'V' | b'X' | b'L' | b'C'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skip_space_handles_multibyte_spaces() {
        let t = "a\u{a0} \u{2003}b";
        assert_eq!(skip_space(t, 1, t.len()), t.len() - 1);
    }

    #[test]
    fn letters_by_block_agree_with_unicode() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_letter_or_digit(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn word_at_stops_at_apostrophe() {
        assert_eq!(word_at("It's over", 0), "It");
    }

    #[test]
    fn interesting_comparisons_match_the_table() {
        for x in 0..=255u8 {
            let interesting = INTERESTING[usize::from(x)];
            assert_eq!(interesting_mask(x) == 0xFF, interesting, "{x:#04x}");
            assert!(maybe_interesting(x) == 1 || !interesting, "{x:#04x}");
        }
    }

    #[test]
    fn next_interesting_finds_the_first_stop_in_any_chunk() {
        let text = b"abcdefghijklmnopqrstuvwxyz. abc";
        assert_eq!(next_interesting(text, 0, text.len()), Some(26));
        assert_eq!(next_interesting(text, 27, text.len()), None);
        assert_eq!(next_interesting(text, 0, 20), None);
    }

    #[test]
    fn interesting_bytes_cover_terminal_punctuation() {
        for c in ['.', '?', '!', '…', '。', '！'] {
            let mut buf = [0u8; 4];
            let lead = c.encode_utf8(&mut buf).as_bytes()[0];
            assert!(INTERESTING[lead as usize], "{c}");
        }
    }
}
