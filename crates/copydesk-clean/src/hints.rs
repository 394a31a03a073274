//! Class and id hints: words in `class`, `id` and `itemprop` attributes that
//! mark a block as furniture (`data/class_negative.txt`), as story text
//! (`data/class_positive.txt`), as a byline (`data/class_byline.txt`) or as
//! the standfirst (`data/class_lead.txt`), all matched in one pass with one
//! automaton.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use crate::table;

/// Where a hint may match inside a class or id value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Anchor {
    /// Whole words (`share` in `article-share`, `shareBar`; not `shared`).
    Words,
    /// At the start of a word (`kommentar*` in `kommentare`).
    WordStart,
    /// Anywhere (`*promo*` in `sitepromo`).
    Anywhere,
    /// At the start of a class name, ending at a word end (`^widget` in
    /// `widget_text`).
    ClassStart,
}

/// What a hint says about a block.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Negative,
    Positive,
    Byline,
    Lead,
}

/// The strongest hint of each kind in an attribute value (0: none).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Weights {
    /// Furniture.
    pub negative: i32,
    /// Story text.
    pub positive: i32,
    /// Byline.
    pub byline: i32,
    /// Standfirst.
    pub lead: i32,
}

/// The three hint tables, compiled together.
pub(crate) struct Hints {
    automaton: AhoCorasick,
    hints: Vec<(Kind, Anchor, i32)>,
}

impl Hints {
    /// Compiles the hint tables (see the header of `data/class_negative.txt`).
    pub(crate) fn new() -> Hints {
        let tables = [
            (Kind::Negative, include_str!("../data/class_negative.txt")),
            (Kind::Positive, include_str!("../data/class_positive.txt")),
            (Kind::Byline, include_str!("../data/class_byline.txt")),
            (Kind::Lead, include_str!("../data/class_lead.txt")),
        ];
        let mut patterns = Vec::new();
        let mut hints = Vec::new();
        for (kind, file) in tables {
            for row in table::rows(file) {
                let hint = row[0];
                let (anchor, word) = if let Some(w) = hint.strip_prefix('*') {
                    (Anchor::Anywhere, w.trim_end_matches('*'))
                } else if let Some(w) = hint.strip_prefix('^') {
                    (Anchor::ClassStart, w)
                } else if let Some(w) = hint.strip_suffix('*') {
                    (Anchor::WordStart, w)
                } else {
                    (Anchor::Words, hint)
                };
                let weight = row.get(1).and_then(|w| w.trim().parse().ok()).unwrap_or(1);
                patterns.push(word);
                hints.push((kind, anchor, weight));
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            // Run on every class and id of every page: the fastest kind.
            .kind(Some(AhoCorasickKind::DFA))
            .build(&patterns)
            .expect("hint tables compile");
        Hints { automaton, hints }
    }

    /// The strongest hint of each kind in `value` (a class, id or itemprop).
    pub(crate) fn weigh(&self, value: &str) -> Weights {
        let bytes = value.as_bytes();
        let mut w = Weights::default();
        for m in self.automaton.find_overlapping_iter(bytes) {
            let (kind, anchor, weight) = self.hints[m.pattern().as_usize()];
            let slot = match kind {
                Kind::Negative => &mut w.negative,
                Kind::Positive => &mut w.positive,
                Kind::Byline => &mut w.byline,
                Kind::Lead => &mut w.lead,
            };
            if weight > *slot && anchored(bytes, m.start(), m.end(), anchor) {
                *slot = weight;
            }
        }
        w
    }
}

/// How many values [`Memo`] remembers.
const MEMO_SLOTS: usize = 256;

/// The weights of the attribute values a page has lately used: templates
/// put the same classes on many elements (menu items, cards), and reading
/// a value with the automaton costs far more than recognising it.
/// Direct-mapped, so no page can make it slow: a value whose slot another
/// took is simply read again.
pub(crate) struct Memo<'a> {
    slots: Vec<(&'a str, Weights)>,
}

impl<'a> Memo<'a> {
    pub(crate) fn new() -> Memo<'a> {
        // The empty value weighs nothing: a fine filler.
        Memo { slots: vec![("", Weights::default()); MEMO_SLOTS] }
    }

    /// [`Hints::weigh`], remembered.
    pub(crate) fn weigh(&mut self, hints: &Hints, value: &'a str) -> Weights {
        let slot = &mut self.slots[slot_of(value.as_bytes())];
        if slot.0 != value {
            *slot = (value, hints.weigh(value));
        }
        slot.1
    }
}

/// A value's slot, from its length and its first and last eight bytes.
fn slot_of(value: &[u8]) -> usize {
    let word = |bytes: &[u8]| {
        let mut buf = [0u8; 8];
        buf[..bytes.len()].copy_from_slice(bytes);
        u64::from_le_bytes(buf)
    };
    let n = value.len();
    let mix = word(&value[..n.min(8)]) ^ word(&value[n.saturating_sub(8)..]).rotate_left(29) ^ n as u64;
    (mix.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 56) as usize % MEMO_SLOTS
}

/// True when the match `start..end` in `value` sits where `anchor` allows.
fn anchored(value: &[u8], start: usize, end: usize, anchor: Anchor) -> bool {
    match anchor {
        Anchor::Anywhere => true,
        Anchor::WordStart => token_starts_at(value, start),
        Anchor::Words => token_starts_at(value, start) && token_ends_at(value, end),
        Anchor::ClassStart => {
            (start == 0 || value[start - 1].is_ascii_whitespace()) && token_ends_at(value, end)
        }
    }
}

/// A token starts after a non-alphanumeric byte, at a lower-to-upper case
/// change (`shareBar`), or at the start of the value.
fn token_starts_at(value: &[u8], at: usize) -> bool {
    match (at.checked_sub(1).map(|i| value[i]), value.get(at)) {
        (None, _) => true,
        (Some(prev), Some(cur)) => {
            !prev.is_ascii_alphanumeric() || (prev.is_ascii_lowercase() && cur.is_ascii_uppercase())
        }
        (Some(_), None) => false,
    }
}

/// A token ends before a non-alphanumeric byte, an upper-case letter after a
/// lower-case one, or the end of the value.
fn token_ends_at(value: &[u8], at: usize) -> bool {
    match (at.checked_sub(1).map(|i| value[i]), value.get(at)) {
        (_, None) => true,
        (Some(prev), Some(next)) => {
            !next.is_ascii_alphanumeric() || (prev.is_ascii_lowercase() && next.is_ascii_uppercase())
        }
        (None, Some(_)) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Negative(Hints);

    impl Negative {
        fn weight(&self, value: &str) -> i32 {
            self.0.weigh(value).negative
        }
    }

    fn negative() -> Negative {
        Negative(Hints::new())
    }

    #[test]
    fn word_hint_matches_inside_compound_class() {
        let h = negative();
        assert!(h.weight("article-share-bar") > 0);
        assert!(h.weight("articleShareBar") > 0);
        assert_eq!(h.weight("wp-block-shared-content"), 0);
        assert_eq!(h.weight("news subjective commentary article"), 0);
        assert!(h.weight("commentsContainer") > 0);
    }

    #[test]
    fn word_hint_does_not_match_inside_words() {
        let h = negative();
        assert_eq!(h.weight("add-to-cart load"), 0);
        assert!(h.weight("ad slot") > 0);
        assert!(h.weight("top_ad") > 0);
    }

    #[test]
    fn word_start_hint_matches_longer_words() {
        assert!(negative().weight("leserkommentare") == 0);
        assert!(negative().weight("kommentare") > 0);
        assert!(negative().weight("subscribe-box") > 0);
    }

    #[test]
    fn class_start_hint_ignores_page_builder_wrappers() {
        let h = negative();
        assert!(h.weight("sidebar-box widget_text") > 0);
        assert_eq!(h.weight("elementor-widget elementor-widget-text-editor"), 0);
    }

    #[test]
    fn anywhere_hint_matches_inside_words() {
        assert!(negative().weight("sitepromo") > 0);
    }

    #[test]
    fn byline_hint_is_read_with_the_others() {
        assert!(Hints::new().weigh("post-author-name").byline > 0);
    }

    #[test]
    fn standfirst_hint_is_read_with_the_others() {
        let hints = Hints::new();
        assert!(hints.weigh("article-header__lead").lead > 0);
        assert!(hints.weigh("entry-excerpt").lead > 0);
        assert_eq!(hints.weigh("leader-board").lead, 0);
    }

    #[test]
    fn remembered_weights_are_the_weights() {
        let hints = Hints::new();
        let mut memo = Memo::new();
        for value in ["share-bar", "article-body", "share-bar", "", "x", "article-body"] {
            assert_eq!(memo.weigh(&hints, value), hints.weigh(value), "{value}");
        }
    }

    #[test]
    fn story_container_has_positive_hint() {
        let hints = Hints::new();
        assert_eq!(hints.weigh("c-article-body__content").positive, 3);
        assert_eq!(hints.weigh("xyz"), Weights::default());
    }
}
