//! The iterator over sentences: lines are hard boundaries, and each line is
//! scanned sentence by sentence.

use copydesk_core::Span;

use crate::chars::skip_space;
use crate::lexicon::Lexicon;
use crate::rules::Context;
use crate::scan::{Line, Scan};
use crate::{leadin, lists};

/// The sentences of a text, as byte spans in order. Made by
/// [`Segmenter::split`](crate::Segmenter::split).
///
/// Each span is trimmed of surrounding whitespace; together the spans cover
/// every non-whitespace character of the text exactly once.
#[derive(Clone, Debug)]
pub struct Sentences<'s, 't> {
    lex: &'s Lexicon,
    text: &'t str,
    /// Next byte to read.
    pos: usize,
    /// End of the current line (a line break, or the end of the text).
    line_end: usize,
    /// What is known about the current line.
    line: Line,
}

impl<'s, 't> Sentences<'s, 't> {
    pub(crate) fn new(lex: &'s Lexicon, text: &'t str) -> Sentences<'s, 't> {
        Sentences { lex, text, pos: 0, line_end: 0, line: Line::default() }
    }

    /// Moves to the next line that has text, returning false at the end.
    fn next_line(&mut self) -> bool {
        self.pos = skip_space(self.text, self.line_end, self.text.len());
        if self.pos >= self.text.len() {
            return false;
        }
        self.line_end = line_end(self.text, self.pos);
        self.line = Line::default();
        true
    }
}

impl Iterator for Sentences<'_, '_> {
    type Item = Span;

    fn next(&mut self) -> Option<Span> {
        self.pos = skip_space(self.text, self.pos, self.line_end);
        while self.pos >= self.line_end {
            if !self.next_line() {
                self.pos = self.text.len();
                return None;
            }
        }
        let start = self.pos;
        let (content_start, mut limit) = match lists::marker(self.text, start, self.line_end) {
            Some(m) => (m.end, m.next.unwrap_or(self.line_end)),
            None => (start, self.line_end),
        };
        if let Some(end) = leadin::end(self.text, self.lex, content_start, limit) {
            limit = end;
        }
        let cx = Context {
            text: self.text,
            lex: self.lex,
            sent_start: start,
            content_start,
            clause_start: content_start,
            limit,
        };
        let mut scan = Scan { cx, line: &mut self.line, line_end: self.line_end };
        let end = scan.end(content_start);
        self.pos = end;
        Some(Span::new(start, end))
    }
}

impl std::iter::FusedIterator for Sentences<'_, '_> {}

/// The end of the line starting at `from`: the next line break, except that
/// a line ending in a space and followed by a line in lower case is one line
/// wrapped in two ("It was a cold \nnight"), as in hard-wrapped mail or text
/// copied from a PDF.
fn line_end(text: &str, from: usize) -> usize {
    let b = text.as_bytes();
    let mut start = from;
    loop {
        let Some(j) = memchr::memchr2(b'\n', b'\r', &b[start..]) else { return text.len() };
        let end = start + j;
        let next = if b.get(end..end + 2) == Some(b"\r\n") { end + 2 } else { end + 1 };
        let first =
            next + b.get(next..).map_or(0, |s| s.iter().take_while(|c| matches!(c, b' ' | b'\t')).count());
        let wrapped = end > from
            && matches!(b[end - 1], b' ' | b'\t')
            && b.get(first).is_some_and(u8::is_ascii_lowercase);
        if !wrapped {
            return end;
        }
        start = next;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_ends_at_break() {
        assert_eq!(line_end("ab\ncd", 0), 2);
        assert_eq!(line_end("ab\r\ncd", 0), 2);
        assert_eq!(line_end("abcd", 0), 4);
    }

    #[test]
    fn soft_wrapped_line_continues() {
        assert_eq!(line_end("a cold \nnight. Yes", 0), 18);
        assert_eq!(line_end("a cold\nnight", 0), 6);
        assert_eq!(line_end("a cold \nNight", 0), 7);
        assert_eq!(line_end("a cold \r\nnight\nNo", 0), 14);
    }
}
