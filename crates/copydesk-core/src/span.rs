use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into a text.
///
/// Spans produced by copydesk always fall on `char` boundaries of the text
/// they were computed from, so [`Span::slice`] never panics on them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// Creates a span. `start` must not exceed `end`.
    #[inline]
    pub const fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span { start, end }
    }

    /// The number of bytes covered.
    #[inline]
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no bytes.
    #[inline]
    pub const fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The text this span covers.
    ///
    /// # Panics
    ///
    /// Panics when the span is out of range or not on `char` boundaries of
    /// `text`; use [`Span::get`] for text the span was not computed from.
    #[inline]
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    /// The text this span covers, or `None` when it does not fit `text`.
    #[inline]
    pub fn get<'t>(&self, text: &'t str) -> Option<&'t str> {
        text.get(self.start..self.end)
    }

    /// True when `other` lies wholly inside this span.
    #[inline]
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    #[inline]
    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// This span moved right by `offset` bytes, for spans computed on a slice
    /// that starts `offset` bytes into a larger text.
    #[inline]
    pub const fn shift(&self, offset: usize) -> Span {
        Span { start: self.start + offset, end: self.end + offset }
    }

    /// The span with leading and trailing whitespace of `text` removed.
    pub fn trim(&self, text: &str) -> Span {
        let s = self.slice(text);
        let start = self.start + (s.len() - s.trim_start().len());
        let end = self.start + s.trim_end().len();
        if start >= end { Span::new(start, start) } else { Span::new(start, end) }
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(r: std::ops::Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

impl From<Span> for std::ops::Range<usize> {
    fn from(s: Span) -> std::ops::Range<usize> {
        s.start..s.end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trim_drops_surrounding_whitespace() {
        let text = "  Hello world.\n";
        assert_eq!(Span::new(0, text.len()).trim(text).slice(text), "Hello world.");
    }

    #[test]
    fn trim_of_blank_span_is_empty() {
        let text = "a   b";
        assert!(Span::new(1, 4).trim(text).is_empty());
    }

    #[test]
    fn overlap_is_strict_on_half_open_ranges() {
        assert!(!Span::new(0, 3).overlaps(Span::new(3, 5)));
        assert!(Span::new(0, 4).overlaps(Span::new(3, 5)));
    }

    #[test]
    fn serialises_as_start_end_object() {
        let json = serde_json::to_string(&Span::new(4, 9)).unwrap();
        assert_eq!(json, r#"{"start":4,"end":9}"#);
    }
}
