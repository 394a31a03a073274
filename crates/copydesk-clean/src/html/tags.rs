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

/// Tag names to roles, sorted for binary search.
pub(crate) struct Tags {
    sorted: Vec<(&'static str, Role)>,
}

impl Tags {
    /// Loads `data/tags.txt`.
    pub(crate) fn new() -> Tags {
        let mut sorted: Vec<(&'static str, Role)> = table::rows(include_str!("../../data/tags.txt"))
            .map(|row| (row[0], parse_role(row.get(1).copied().unwrap_or(""))))
            .collect();
        sorted.sort_unstable_by_key(|(tag, _)| *tag);
        Tags { sorted }
    }

    /// The role of the element named `tag` (lower case, as the parser gives it).
    pub(crate) fn role(&self, tag: &str) -> Role {
        self.sorted.binary_search_by_key(&tag, |(t, _)| t).map_or(Role::Inline, |i| self.sorted[i].1)
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
    fn unknown_tags_are_inline() {
        let tags = Tags::new();
        assert_eq!(tags.role("span"), Role::Inline);
        assert_eq!(tags.role("custom-widget"), Role::Inline);
        assert_eq!(tags.role("p"), Role::Block);
        assert_eq!(tags.role("nav"), Role::Furniture);
    }
}
