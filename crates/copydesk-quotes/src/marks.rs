//! Finding quotation marks and reading, from the glyph and the characters on
//! either side, whether each can open or close a quote.

/// Double marks (straight, curly, low-9, guillemets) or single ones.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Family {
    Double,
    Single,
}

/// What a mark's glyph says about it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Glyph {
    /// A glyph that only opens: `“ „ « ‘ ‚ ‹`.
    Opening,
    /// A glyph that closes (or, for `’`, is an apostrophe): `” » ’ ›`.
    Closing,
    /// `"` or `'`: the context decides.
    Straight,
}

/// One quotation mark.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Mark {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) family: Family,
    pub(crate) glyph: Glyph,
    /// A letter or digit follows and space or opening punctuation precedes.
    pub(crate) left_flanking: bool,
    /// A letter, digit or punctuation precedes and space or punctuation follows.
    pub(crate) right_flanking: bool,
}

impl Mark {
    /// True when context alone says this mark opens.
    pub(crate) fn looks_opening(&self) -> bool {
        self.left_flanking && !self.right_flanking
    }

    /// True when context alone says this mark closes.
    pub(crate) fn looks_closing(&self) -> bool {
        self.right_flanking && !self.left_flanking
    }
}

/// The glyph at `i` (a byte where one of the scanned lead bytes sits), if it is
/// a quotation mark, with its length in bytes.
fn glyph_at(bytes: &[u8], i: usize) -> Option<(Family, Glyph, usize)> {
    use Family::*;
    use Glyph::*;
    match bytes[i] {
        b'"' => Some((Double, Straight, 1)),
        b'\'' => Some((Single, Straight, 1)),
        0xC2 => match bytes.get(i + 1)? {
            0xAB => Some((Double, Opening, 2)),
            0xBB => Some((Double, Closing, 2)),
            _ => None,
        },
        0xE2 if bytes.get(i + 1) == Some(&0x80) => match bytes.get(i + 2)? {
            0x9C | 0x9E | 0x9F => Some((Double, Opening, 3)),
            0x9D => Some((Double, Closing, 3)),
            0x98 | 0x9A | 0xB9 => Some((Single, Opening, 3)),
            0x99 | 0xBA => Some((Single, Closing, 3)),
            _ => None,
        },
        _ => None,
    }
}

/// Characters after which a mark that is followed by a word opens a quote.
fn opens_after(c: char) -> bool {
    c.is_whitespace()
        || matches!(c, '(' | '[' | '{' | '\u{2014}' | '\u{2013}' | '-' | '/' | ':' | ',')
        || is_mark(c)
}

/// Characters before which a mark that follows a word closes a quote.
fn closes_before(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '\u{2014}' | '\u{2013}' | '-' | '\u{2026}'
        )
        || is_mark(c)
}

pub(crate) fn is_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '\u{201C}' | '\u{201D}' | '\u{2018}' | '\u{2019}' | '\u{AB}' | '\u{BB}' | '\u{201E}'
    )
}

/// Every quotation mark of `text[from..to]`, in order.
pub(crate) fn scan(text: &str, from: usize, to: usize) -> Vec<Mark> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let hay = &bytes[from..to];
    // The marks start with one of four bytes: `"`, `'`, and the UTF-8 lead
    // bytes of U+0080..U+00BF and U+2000..U+203F.
    let push = |out: &mut Vec<Mark>, i: usize| {
        if let Some((family, glyph, len)) = glyph_at(bytes, i).filter(|g| i + g.2 <= to) {
            out.push(classify(text, i, i + len, family, glyph));
        }
    };
    let mut wide = memchr::memchr2_iter(0xC2, 0xE2, hay).map(|i| i + from).peekable();
    let mut skip_to = from;
    for i in memchr::memchr2_iter(b'"', b'\'', hay).map(|i| i + from) {
        if i < skip_to {
            continue;
        }
        while let Some(&w) = wide.peek().filter(|&&w| w < i) {
            push(&mut out, w);
            wide.next();
        }
        let run = bytes[i..to].iter().take_while(|&&b| b == b'\'').count();
        if run < 2 {
            push(&mut out, i);
            continue;
        }
        // Two apostrophes stand for a straight double mark (`''quote''`);
        // in a run of three, the single mark sits on the inner side.
        let opening = text[..i].chars().next_back().is_none_or(char::is_whitespace);
        let single_first = run >= 3 && !opening;
        if single_first {
            push(&mut out, i);
        }
        let at = i + usize::from(single_first);
        out.push(classify(text, at, at + 2, Family::Double, Glyph::Straight));
        if run >= 3 && opening {
            push(&mut out, i + 2);
        }
        skip_to = i + run.min(3);
    }
    for w in wide {
        push(&mut out, w);
    }
    out
}

fn classify(text: &str, start: usize, end: usize, family: Family, glyph: Glyph) -> Mark {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let word_after = after.is_some_and(|c| !c.is_whitespace());
    let word_before = before.is_some_and(|c| !c.is_whitespace());
    Mark {
        start,
        end,
        family,
        glyph,
        left_flanking: word_after && before.is_none_or(opens_after),
        right_flanking: word_before && after.is_none_or(closes_before),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_straight_curly_and_guillemet_marks_in_order() {
        let text = "«a» “b” 'c' ‘d’ \"e\" ''f''";
        let glyphs: Vec<&str> = scan(text, 0, text.len()).iter().map(|m| &text[m.start..m.end]).collect();
        assert_eq!(glyphs, ["«", "»", "“", "”", "'", "'", "‘", "’", "\"", "\"", "''", "''"]);
    }

    #[test]
    fn context_tells_opening_from_closing_straight_marks() {
        let text = "he said \"yes\" today";
        let marks = scan(text, 0, text.len());
        assert!(marks[0].looks_opening());
        assert!(marks[1].looks_closing());
    }

    #[test]
    fn three_apostrophes_split_into_a_single_and_a_double_mark() {
        let text = "''He said 'no.''' today";
        let marks = scan(text, 0, text.len());
        let glyphs: Vec<(&str, Family)> = marks.iter().map(|m| (&text[m.start..m.end], m.family)).collect();
        assert_eq!(
            glyphs,
            [("''", Family::Double), ("'", Family::Single), ("'", Family::Single), ("''", Family::Double)]
        );
    }

    #[test]
    fn ignores_dashes_and_other_wide_characters() {
        let text = "a — b … c";
        assert!(scan(text, 0, text.len()).is_empty());
    }
}
