//! Quotation marks and brackets: which way a mark faces, and what is open at
//! a point of the current line.
//!
//! Straight quotes (`"`, `'`, `''`, backticks) face either way; their
//! direction comes from the characters around them and, when spaces surround
//! them (tokenized text), from what is open. An apostrophe inside or before a
//! word ("don't", "'80s", "'tis") is no quote at all.

use crate::chars::{
    INTERESTING, char_at, char_before, is_close_bracket, is_letter_or_digit, is_open_bracket, is_terminal,
    prev_non_space,
};
use crate::lexicon::Lexicon;

/// Double quotes (`"` “ ” „ « » `''` ``` `` ```) or single quotes (`'` ‘ ’ `` ` ``).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Family {
    Double,
    Single,
}

/// Which way a quote mark faces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Face {
    Open,
    Close,
    /// Spaces (or letters) on both sides: decided by what is open.
    Either,
    /// Part of a word, not a quote.
    Apostrophe,
}

/// A quote mark found in the text.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Mark {
    pub(crate) family: Family,
    pub(crate) face: Face,
    pub(crate) len: usize,
}

/// The quote mark starting at byte `i`, if there is one.
pub(crate) fn mark_at(text: &str, i: usize, lex: &Lexicon) -> Option<Mark> {
    let c = char_at(text, i)?;
    let doubled = |b: u8| text.as_bytes().get(i + 1) == Some(&b);
    let (family, len, face) = match c {
        '"' => (Family::Double, 1, by_context(text, i, 1)),
        '\'' if doubled(b'\'') => (Family::Double, 2, by_context(text, i, 2)),
        '`' if doubled(b'`') => (Family::Double, 2, by_context(text, i, 2)),
        '“' | '„' | '«' => (Family::Double, c.len_utf8(), Face::Open),
        '”' | '»' => (Family::Double, c.len_utf8(), Face::Close),
        '\'' | '‘' | '’' | '`' => (Family::Single, c.len_utf8(), single(text, i, c, lex)),
        _ => return None,
    };
    Some(Mark { family, face, len })
}

/// Direction of a straight mark from its neighbours.
fn by_context(text: &str, i: usize, len: usize) -> Face {
    let open_before = char_before(text, i)
        .is_none_or(|p| p.is_whitespace() || is_open_bracket(p) || matches!(p, '—' | '–' | '-' | '/'));
    let next = char_at(text, i + len);
    let space_after = next.is_none_or(char::is_whitespace);
    match (open_before, space_after) {
        (true, false) => Face::Open,
        (true, true) => Face::Either,
        (false, true) => Face::Close,
        (false, false) if next.is_some_and(|n| is_close_bracket(n) || ",.;:!?…'\"”’".contains(n)) => {
            Face::Close
        }
        (false, false) => Face::Either,
    }
}

/// Direction of a single quote, or whether it is an apostrophe.
fn single(text: &str, i: usize, c: char, lex: &Lexicon) -> Face {
    let prev = char_before(text, i);
    let next = char_at(text, i + c.len_utf8());
    let word_before = prev.is_some_and(is_letter_or_digit);
    let word_after = next.is_some_and(is_letter_or_digit);
    if word_before && word_after {
        return Face::Apostrophe;
    }
    if word_after && c != '`' {
        // "'80s", "'tis", "’em": an elided word, not a quotation.
        let rest = crate::chars::word_at(text, i + c.len_utf8());
        if next.is_some_and(|n| n.is_ascii_digit()) || lex.is_elision(rest) || c == '’' {
            return Face::Apostrophe;
        }
    }
    if c == '‘' {
        return Face::Open;
    }
    by_context(text, i, c.len_utf8())
}

/// What is open at a point of a line: brackets and both quote families.
#[derive(Clone, Debug, Default)]
pub(crate) struct Open {
    pub(crate) brackets: u16,
    double: u8,
    single: u8,
    double_seen: bool,
    single_seen: bool,
    bracket_ahead: Ahead,
    double_ahead: Ahead,
    single_ahead: Ahead,
}

impl Open {
    /// Open quotes of a family.
    pub(crate) fn depth(&self, family: Family) -> u8 {
        match family {
            Family::Double => self.double,
            Family::Single => self.single,
        }
    }

    /// Decides which way `mark` at `i` faces here: a mark that could face
    /// either way closes what is open, closes before lower case or
    /// punctuation, closes after a sentence end when nothing was quoted yet
    /// in the line and no mark of its kind follows before the next sentence
    /// end (the text began inside a quotation), and opens otherwise.
    pub(crate) fn resolve(&self, text: &str, i: usize, mark: Mark, line_end: usize, lex: &Lexicon) -> Face {
        if mark.face != Face::Either {
            return mark.face;
        }
        if self.depth(mark.family) > 0 {
            return Face::Close;
        }
        let after = crate::chars::skip_space(text, i + mark.len, line_end);
        if let Some(n) = char_at(text, after).filter(|_| after < line_end) {
            let lone_stop = n == '.' && char_at(text, after + 1).is_none_or(char::is_whitespace);
            if n.is_lowercase() || matches!(n, ',' | ';' | ':' | ')') || lone_stop {
                return Face::Close;
            }
        }
        let seen = match mark.family {
            Family::Double => self.double_seen,
            Family::Single => self.single_seen,
        };
        let after_end = prev_non_space(text, i, i.saturating_sub(16)).is_some_and(|(_, p)| is_terminal(p));
        if !seen && after_end && !mark_before_sentence_end(text, i + mark.len, mark.family, line_end, lex) {
            return Face::Close;
        }
        Face::Open
    }

    /// Records a quote mark facing `face`.
    pub(crate) fn quote(&mut self, family: Family, face: Face) {
        let (depth, seen) = match family {
            Family::Double => (&mut self.double, &mut self.double_seen),
            Family::Single => (&mut self.single, &mut self.single_seen),
        };
        match face {
            Face::Open => *depth = depth.saturating_add(1).min(8),
            Face::Close => *depth = depth.saturating_sub(1),
            Face::Either | Face::Apostrophe => return,
        }
        *seen = true;
    }

    /// Records a bracket.
    pub(crate) fn bracket(&mut self, c: char) {
        if is_open_bracket(c) {
            self.brackets = self.brackets.saturating_add(1);
        } else if is_close_bracket(c) {
            self.brackets = self.brackets.saturating_sub(1);
        }
    }

    /// The first closing bracket at or after `from` in the line.
    pub(crate) fn bracket_closes(&mut self, text: &str, from: usize, line_end: usize) -> Option<usize> {
        self.bracket_ahead.get(from, |from| {
            let b = text.as_bytes();
            let close = (from..line_end).find(|&k| {
                matches!(b[k], b')' | b']' | b'}')
                    || (b[k] >= 0xE3 && char_at(text, k).is_some_and(is_close_bracket))
            });
            (close, close.unwrap_or(line_end))
        })
    }

    /// The first mark of `family` at or after `from` that can close a
    /// quotation, if no opening mark of that family comes first.
    pub(crate) fn quote_closes(
        &mut self,
        text: &str,
        from: usize,
        family: Family,
        line_end: usize,
        lex: &Lexicon,
    ) -> Option<usize> {
        let ahead = match family {
            Family::Double => &mut self.double_ahead,
            Family::Single => &mut self.single_ahead,
        };
        ahead.get(from, |from| {
            let mut j = from;
            while let Some(k) = next_mark(text, j, line_end) {
                match mark_at(text, k, lex) {
                    Some(m) if m.family == family && m.face != Face::Apostrophe => {
                        return if m.face == Face::Open { (None, k) } else { (Some(k), k) };
                    }
                    Some(m) => j = k + m.len,
                    None => j = k + char_at(text, k).map_or(1, char::len_utf8),
                }
            }
            (None, line_end)
        })
    }
}

/// The next byte at or after `from` that may start a quote mark.
fn next_mark(text: &str, from: usize, end: usize) -> Option<usize> {
    let b = text.as_bytes();
    (from..end).find(|&k| matches!(b[k], b'"' | b'\'' | b'`' | 0xC2 | 0xE2))
}

/// True when a mark of `family` comes before the next sentence-final
/// punctuation (looking at most 200 bytes ahead).
fn mark_before_sentence_end(text: &str, from: usize, family: Family, line_end: usize, lex: &Lexicon) -> bool {
    let end = line_end.min(from + 200);
    let b = text.as_bytes();
    let mut j = from;
    while j < end {
        if !INTERESTING[b[j] as usize] {
            j += 1;
            continue;
        }
        let Some(c) = char_at(text, j) else { return false };
        if is_terminal(c) {
            return false;
        }
        if let Some(m) = mark_at(text, j, lex) {
            if m.family == family && m.face != Face::Apostrophe {
                return true;
            }
            j += m.len;
        } else {
            j += c.len_utf8();
        }
    }
    false
}

/// A cached forward search: scanning from `from` found `found` and stopped
/// at `stop`, so any search starting in `from..=stop` has the same answer.
/// Searches start ever further right, so a line is scanned about once.
#[derive(Clone, Copy, Debug, Default)]
struct Ahead {
    from: usize,
    stop: usize,
    found: Option<usize>,
    valid: bool,
}

impl Ahead {
    fn get(&mut self, from: usize, scan: impl FnOnce(usize) -> (Option<usize>, usize)) -> Option<usize> {
        if !(self.valid && self.from <= from && from <= self.stop) {
            let (found, stop) = scan(from);
            *self = Ahead { from, stop, found, valid: true };
        }
        self.found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn face(text: &str, i: usize) -> Face {
        mark_at(text, i, Lexicon::english()).map(|m| m.face).unwrap()
    }

    #[test]
    fn apostrophes_inside_and_before_words_are_not_quotes() {
        assert_eq!(face("don't", 3), Face::Apostrophe);
        assert_eq!(face("the '80s", 4), Face::Apostrophe);
        assert_eq!(face("'Tis the season", 0), Face::Apostrophe);
        assert_eq!(face("Walter 's brother", 7), Face::Apostrophe);
    }

    #[test]
    fn straight_quotes_face_the_word_they_touch() {
        assert_eq!(face("said \"We", 5), Face::Open);
        assert_eq!(face("lost.\" He", 5), Face::Close);
        assert_eq!(face("it , '' she", 5), Face::Either);
    }

    #[test]
    fn spaced_quote_after_a_sentence_end_closes_when_nothing_was_quoted() {
        let text = "what to do ? '' Graham was convicted .";
        let open = Open::default();
        let m = mark_at(text, 13, Lexicon::english()).unwrap();
        assert_eq!(open.resolve(text, 13, m, text.len(), Lexicon::english()), Face::Close);
    }

    #[test]
    fn spaced_quote_followed_by_its_partner_opens() {
        let text = "a singer . ' Blessings of Baapu ' is a hit .";
        let open = Open::default();
        let m = mark_at(text, 11, Lexicon::english()).unwrap();
        assert_eq!(open.resolve(text, 11, m, text.len(), Lexicon::english()), Face::Open);
    }
}
