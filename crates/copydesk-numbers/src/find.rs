//! Where numerals may start: an ASCII digit, a number word or a vulgar
//! fraction. One pass classifies the text 64 bytes at a time into bit
//! masks (digits, letters, the lead bytes of vulgar fractions; sixteen
//! bytes a vector compare, from the `wide` crate); every
//! word's first three letters are tested against a bit set without a
//! branch, and only the bytes left marked are looked at one by one (the
//! second to fourth letters against a second bit set, then the whole word
//! against the number words). Text with none of them costs a
//! few instructions a byte and about one mispredicted branch a block.

use crate::lexicon::{Lexicon, vulgar_fraction};
use crate::text::{byte, letters_end, starts_word_boundary};
use wide::{i8x16, u8x16};

/// Bytes classified at a time: one bit of a `u64` each.
const BLOCK: usize = 64;

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

/// True when the byte at `i`, a digit, a lead byte or the first letter of
/// a word whose first three letters may start a number word, starts a
/// numeral.
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
    // A whole word ("ten", "twenty-five"), not the start of one ("tension");
    // its second to fourth letters rule most others out ("for", "this").
    lex.may_continue_number_word(byte(text, i + 1), byte(text, i + 2), byte(text, i + 3))
        && starts_word_boundary(text, i)
        && lex.is_number_trigger(&text[i..letters_end(text, i)])
}

/// The bytes of `v` from `lo` to `lo + n - 1`: moved to the bottom of
/// the signed bytes, the range is one compare.
#[inline]
fn in_range(v: i8x16, lo: u8, n: i8) -> i8x16 {
    (v + i8x16::splat(0x80u8.wrapping_sub(lo) as i8)).simd_lt(i8x16::splat(i8::MIN + n))
}

/// The ASCII letters of a block, and its ASCII digits and lead bytes of
/// vulgar fractions (C2 and E2), as masks with bit `j` for byte `j`:
/// sixteen bytes a compare (SSE2 on x86_64, portable code elsewhere).
#[inline]
fn classes(block: &[u8; BLOCK]) -> (u64, u64) {
    let (mut letters, mut marks) = (0u64, 0u64);
    for (c, chunk) in block.chunks_exact(16).enumerate() {
        let v = u8x16::from(chunk).cast_signed();
        let l = in_range(v | i8x16::splat(0x20), b'a', 26);
        // E2 with its 0x20 bit cleared is C2.
        let lead = (v & i8x16::splat(0xDFu8 as i8)).simd_eq(i8x16::splat(0xC2u8 as i8));
        letters |= u64::from(l.to_bitmask()) << (16 * c);
        marks |= u64::from((in_range(v, b'0', 10) | lead).to_bitmask()) << (16 * c);
    }
    (letters, marks)
}

/// The numeral starts of one text, in order. The block classified last is
/// kept with its marks not yet looked at: the scan resuming after a figure
/// (most often in the same block) goes on from them instead of classifying
/// that block again.
#[derive(Default)]
pub struct Starts {
    /// The first byte of the block classified last.
    block: usize,
    /// Its marks past the start returned last, bit `j` for byte `block + j`.
    marks: u64,
    /// Whether its last byte is an ASCII letter.
    letter_last: u64,
    /// Whether a block was classified.
    primed: bool,
}

impl Starts {
    /// The first byte at or after `from` where a numeral may start (a
    /// digit, a number word, a vulgar fraction), or `usize::MAX`. `from`
    /// never goes back.
    pub fn next(&mut self, lex: &Lexicon, text: &str, from: usize) -> usize {
        let bytes = text.as_bytes();
        // Whether the byte before the block is an ASCII letter: a letter
        // after it continues a word (at `from`, the boundary check decides).
        let (mut i, mut letter_before) = (from, 0);
        if self.primed && (self.block..self.block + BLOCK).contains(&from) {
            let marks = self.marks & !0 << (from - self.block);
            if let Some(k) = self.first_start(lex, text, self.block, marks, self.letter_last) {
                return k;
            }
            (i, letter_before) = (self.block + BLOCK, self.letter_last);
        }
        let mut tail: [u8; BLOCK + 2];
        while i < bytes.len() {
            // The block and the two bytes after it (a word's first three
            // letters), read with no bounds check; near the end, a copy
            // padded with zeros, which are never marked.
            let window: &[u8; BLOCK + 2] = match bytes.get(i..i + BLOCK + 2).and_then(|w| w.try_into().ok()) {
                Some(w) => w,
                None => {
                    let n = bytes.len() - i;
                    tail = [0; BLOCK + 2];
                    tail[..n].copy_from_slice(&bytes[i..]);
                    &tail
                }
            };
            let (block, _) = window.split_first_chunk::<BLOCK>().expect("a window holds a block");
            let (letters, mut marks) = classes(block);
            // Words of two letters or more (every number word has two): bit
            // `j` of `second` tells whether byte `j + 1` is a letter.
            let second = letters >> 1 | u64::from(window[BLOCK].is_ascii_alphabetic()) << 63;
            let mut words = letters & !(letters << 1 | letter_before) & second;
            // Each word's first three letters against the prefix table, with
            // no branch on the outcome: most words start no number word.
            while words != 0 {
                let j = words.trailing_zeros() as usize % BLOCK;
                let may = lex.may_start_number_word(window[j], window[j + 1], window[j + 2]);
                marks |= u64::from(may) << j;
                words &= words - 1;
            }
            letter_before = letters >> 63;
            if let Some(k) = self.first_start(lex, text, i, marks, letter_before) {
                return k;
            }
            i += BLOCK;
        }
        usize::MAX
    }

    /// The first of `marks` (of the block at `block`, whose last byte is a
    /// letter when `letter_last` is 1) that starts a numeral; the block is
    /// kept with the marks after it.
    #[inline]
    fn first_start(
        &mut self,
        lex: &Lexicon,
        text: &str,
        block: usize,
        mut marks: u64,
        letter_last: u64,
    ) -> Option<usize> {
        while marks != 0 {
            let k = block + marks.trailing_zeros() as usize;
            marks &= marks - 1;
            if starts_numeral(lex, text, k) {
                *self = Starts { block, marks, letter_last, primed: true };
                return Some(k);
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every start [`Starts`] finds in `text`, in order.
    fn starts(lex: &Lexicon, text: &str) -> Vec<usize> {
        let (mut out, mut found) = (Vec::new(), Starts::default());
        let mut i = 0;
        while let Some(k) = Some(found.next(lex, text, i)).filter(|&k| k < text.len()) {
            out.push(k);
            i = k + 1;
        }
        out
    }

    #[test]
    fn finds_digits_number_words_and_fractions_across_blocks() {
        let lex = Lexicon::new();
        // A word running over a block's end is one word: "xten" is none.
        let pad = "x".repeat(BLOCK - 1);
        assert_eq!(starts(&lex, &format!("{pad}ten ten")), [BLOCK + 3]);
        assert_eq!(starts(&lex, &format!("{pad} ten")), [BLOCK]);
        // A word whose first letter ends a block and whose second starts the next.
        assert_eq!(starts(&lex, &format!("{} ten", &pad[1..])), [BLOCK - 1]);
        assert_eq!(starts(&lex, &format!("{pad}.7½")), [BLOCK, BLOCK + 1]);
        // The last, short block and a word cut by the text's end.
        assert_eq!(starts(&lex, "tension, 3 and twenty"), [9, 15]);
        assert_eq!(starts(&lex, "to"), Vec::<usize>::new());
        assert_eq!(starts(&lex, "thirty-one"), [0, 7]);
    }

    #[test]
    fn every_number_word_starts_a_numeral_in_any_case() {
        let lex = Lexicon::new();
        let data = [include_str!("../data/number_words.txt"), include_str!("../data/multipliers.txt")];
        let words = data.iter().flat_map(|d| d.lines()).filter(|l| !l.starts_with('#') && !l.is_empty());
        for w in words.map(|l| l.split('\t').next().unwrap_or_default()) {
            let capital = format!("{}{}", w[..1].to_uppercase(), &w[1..]);
            for form in [w.to_string(), capital, w.to_uppercase()] {
                assert_eq!(starts(&lex, &format!("({form}, {form})")), [1, form.len() + 3], "{form}");
            }
        }
        // Words sharing a number word's first three letters are none.
        assert_eq!(starts(&lex, "For this, those found several Twitter"), Vec::<usize>::new());
    }

    #[test]
    fn resuming_after_a_figure_skips_only_what_it_took() {
        let lex = Lexicon::new();
        let text = format!("1 two 3 and 45 six{}7", " ".repeat(BLOCK));
        let mut found = Starts::default();
        assert_eq!(found.next(&lex, &text, 0), 0);
        // Resumed inside the block classified last: past a start ("two"),
        // at one, mid-way through a word ("six" seen from its "i")...
        assert_eq!(found.next(&lex, &text, 3), 6);
        assert_eq!(found.next(&lex, &text, 12), 12);
        assert_eq!(found.next(&lex, &text, 14), 15);
        assert_eq!(found.next(&lex, &text, 16), BLOCK + 18);
        // ...and past the block's end.
        assert_eq!(found.next(&lex, &text, BLOCK + 19), usize::MAX);
    }
}
