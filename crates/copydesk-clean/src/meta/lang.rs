//! Language: the page's own `lang` declaration, else detection on a prefix of
//! the story (detection on whole articles is slow and no more accurate).

use crate::table;

/// How much of the story detection reads, in bytes.
const DETECT_PREFIX: usize = 1024;

/// ISO 639-3 to 639-1 (`data/iso639.txt`).
pub(crate) struct Languages {
    sorted: Vec<(&'static str, &'static str)>,
}

impl Languages {
    /// Loads the table.
    pub(crate) fn new() -> Languages {
        let mut sorted: Vec<_> = table::rows(include_str!("../../data/iso639.txt"))
            .filter(|r| r.len() == 2)
            .map(|r| (r[0], r[1]))
            .collect();
        sorted.sort_unstable();
        Languages { sorted }
    }

    /// A `lang` attribute (`en-US`, `de_DE`, `EN`, `eng`) as ISO 639-1 where
    /// one exists; `None` for an empty or malformed tag.
    pub(crate) fn normalize(&self, tag: &str) -> Option<String> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        if !(2..=3).contains(&primary.len()) || !primary.bytes().all(|b| b.is_ascii_lowercase()) {
            return None;
        }
        Some(self.two_letter(&primary).unwrap_or(&primary).to_string())
    }

    fn two_letter(&self, three: &str) -> Option<&'static str> {
        self.sorted.binary_search_by_key(&three, |(t, _)| t).ok().map(|i| self.sorted[i].1)
    }

    /// Detects the language of `text` from its first kilobyte.
    pub(crate) fn detect(&self, text: &str) -> Option<String> {
        let mut end = text.len().min(DETECT_PREFIX);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let info = whatlang::detect(&text[..end])?;
        if !info.is_reliable() && info.confidence() < 0.5 {
            return None;
        }
        let code = info.lang().code();
        Some(self.two_letter(code).unwrap_or(code).to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn region_subtags_are_dropped() {
        let l = Languages::new();
        assert_eq!(l.normalize("en-US").as_deref(), Some("en"));
        assert_eq!(l.normalize("de_DE").as_deref(), Some("de"));
        assert_eq!(l.normalize("deu").as_deref(), Some("de"));
        assert_eq!(l.normalize("x").as_deref(), None);
    }

    #[test]
    fn english_prose_is_detected() {
        let text =
            "The council voted on Tuesday to approve the budget, which raises spending on schools and roads.";
        assert_eq!(Languages::new().detect(text).as_deref(), Some("en"));
    }
}
