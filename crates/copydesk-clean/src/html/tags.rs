//! The role each HTML element plays for the cleaner, from `data/tags.txt`.

use crate::table;

/// What an element is to the cleaner (see `data/tags.txt`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    /// Never text.
    Skip,
    /// Furniture by its nature.
    Furniture,
    /// Starts a paragraph.
    Block,
    /// A heading.
    Heading,
    /// A list item.
    Item,
    /// A list.
    List,
    /// A table row.
    Row,
    /// A table cell.
    Cell,
    /// Preformatted text.
    Pre,
    /// A block quote.
    Quote,
    /// A line break.
    Break,
    /// A hyperlink.
    Link,
    /// Anything else: text flows into the enclosing block.
    Inline,
}

impl Role {
    /// True for roles that own the text written directly inside them.
    pub(crate) fn is_block(self) -> bool {
        !matches!(self, Role::Inline | Role::Link | Role::Break | Role::Skip)
    }
}

/// A tag name packed into an integer, ASCII lower-cased as the tokenizer
/// does: compared with a known name in one step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct NameKey(u128);

impl NameKey {
    /// The key of every name longer than 16 bytes (all bytes 0xFF, which
    /// UTF-8 never uses): no element the cleaner knows has such a name.
    const LONG: NameKey = NameKey(u128::MAX);

    /// The key of `name`.
    pub(crate) const fn new(name: &[u8]) -> NameKey {
        if name.len() > 16 {
            return NameKey::LONG;
        }
        let mut buf = [0u8; 16];
        let mut i = 0;
        while i < name.len() {
            buf[i] = name[i].to_ascii_lowercase();
            i += 1;
        }
        NameKey(u128::from_le_bytes(buf))
    }

    /// The keys of `names`, for constant tables.
    pub(crate) const fn all<const N: usize>(names: [&[u8]; N]) -> [NameKey; N] {
        let mut keys = [NameKey::LONG; N];
        let mut i = 0;
        while i < N {
            keys[i] = NameKey::new(names[i]);
            i += 1;
        }
        keys
    }
}

/// Tag names to roles, sorted by key for binary search.
pub(crate) struct Tags {
    sorted: Vec<(NameKey, Role)>,
}

impl Tags {
    /// Loads `data/tags.txt`.
    pub(crate) fn new() -> Tags {
        let mut sorted: Vec<(NameKey, Role)> = table::rows(include_str!("../../data/tags.txt"))
            .map(|row| (NameKey::new(row[0].as_bytes()), parse_role(row.get(1).copied().unwrap_or(""))))
            .collect();
        sorted.sort_unstable_by_key(|(key, _)| *key);
        Tags { sorted }
    }

    /// The role of the element named `tag` (lower case, as the parser gives it).
    pub(crate) fn role(&self, tag: &str) -> Role {
        self.role_of(NameKey::new(tag.as_bytes()))
    }

    /// The role of the element whose name has `key`.
    pub(crate) fn role_of(&self, key: NameKey) -> Role {
        self.sorted.binary_search_by_key(&key, |(k, _)| *k).map_or(Role::Inline, |i| self.sorted[i].1)
    }
}

fn parse_role(name: &str) -> Role {
    match name {
        "skip" => Role::Skip,
        "furniture" => Role::Furniture,
        "block" => Role::Block,
        "heading" => Role::Heading,
        "item" => Role::Item,
        "list" => Role::List,
        "row" => Role::Row,
        "cell" => Role::Cell,
        "pre" => Role::Pre,
        "quote" => Role::Quote,
        "break" => Role::Break,
        "link" => Role::Link,
        _ => Role::Inline,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_of_the_table_names_a_known_role() {
        for row in table::rows(include_str!("../../data/tags.txt")) {
            let role = parse_role(row.get(1).copied().unwrap_or(""));
            assert!(role != Role::Inline, "unknown role in tags.txt: {row:?}");
        }
    }

    #[test]
    fn every_tag_of_the_table_fits_a_key() {
        for row in table::rows(include_str!("../../data/tags.txt")) {
            assert!(NameKey::new(row[0].as_bytes()) != NameKey::LONG, "tag name too long: {row:?}");
        }
    }

    #[test]
    fn unknown_tags_are_inline() {
        let tags = Tags::new();
        assert_eq!(tags.role("span"), Role::Inline);
        assert_eq!(tags.role("custom-widget"), Role::Inline);
        assert_eq!(tags.role("p"), Role::Block);
        assert_eq!(tags.role("nav"), Role::Furniture);
    }
}
