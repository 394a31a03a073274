//! One walk over the parsed tree builds a flat, pre-order arena of the page's
//! elements and text, with the text statistics the scorer needs and the
//! elements the metadata reader needs. Everything after this works on the
//! arena, by index, without recursion.

use ego_tree::iter::Edge;
use scraper::node::Element;
use scraper::{Html, Node};

use super::tags::Role;
use crate::Tables;
use crate::hints::{Memo, Weights};

/// Index of an item in [`Page::items`].
pub(crate) type Idx = u32;

/// No parent.
pub(crate) const NONE: Idx = Idx::MAX;

/// An element or a text node of the page, in document order.
pub(crate) struct Item<'a> {
    /// The element, or `None` for a text node.
    pub el: Option<&'a Element>,
    /// The text of a text node.
    pub text: &'a str,
    /// What the element is to the cleaner ([`Role::Inline`] for text).
    pub role: Role,
    /// The enclosing element.
    pub parent: Idx,
    /// One past the last item of this item's subtree.
    pub end: Idx,
    /// Strongest furniture hint in class/id.
    pub negative: i32,
    /// Strongest story hint in class/id.
    pub positive: i32,
    /// Class/id name it the standfirst.
    pub lead: bool,
    /// Text characters directly owned by this block (not in a nested block).
    pub own_chars: u32,
    /// Of those, characters inside links.
    pub own_link: u32,
    /// Sentence punctuation in the owned text.
    pub own_punct: u32,
    /// Text characters in the whole subtree (of a text node: its own).
    pub chars: u32,
    /// Of those, characters inside links.
    pub link: u32,
    /// Story-like text in the subtree, weighted (see `score.rs`).
    pub good: f32,
    /// Furniture-like text in the subtree, weighted.
    pub bad: f32,
    /// Set by the scorer: whether this subtree is furniture.
    pub furniture: Furniture,
}

/// How sure the cleaner is that a subtree is furniture.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Furniture {
    /// Not furniture.
    #[default]
    No,
    /// Furniture unless it holds most of the story.
    Likely,
    /// Furniture, however much text it holds.
    Certain,
}

/// Class/id hint weights from which a block is likely and certainly furniture.
const LIKELY_WEIGHT: i32 = 2;
const CERTAIN_WEIGHT: i32 = 3;

impl Item<'_> {
    /// How furniture-like this element's class and id are.
    pub(crate) fn hinted_furniture(&self) -> Furniture {
        if self.negative <= self.positive || self.negative < LIKELY_WEIGHT {
            Furniture::No
        } else if self.negative >= CERTAIN_WEIGHT {
            Furniture::Certain
        } else {
            Furniture::Likely
        }
    }
}

/// Elements the metadata reader looks at, found during the walk.
#[derive(Default)]
pub(crate) struct Signals<'a> {
    /// `<html lang>`.
    pub lang: Option<&'a str>,
    /// The text of the first `<title>`.
    pub title: Option<String>,
    /// Every `<meta>` element.
    pub metas: Vec<&'a Element>,
    /// Every `<link>` element.
    pub links: Vec<&'a Element>,
    /// The texts of `<script type="application/ld+json">`.
    pub json_ld: Vec<String>,
    /// `<h1>` elements, by index.
    pub h1: Vec<Idx>,
    /// Elements with an `itemprop`, `rel` or `datetime` worth reading, by index.
    pub marked: Vec<Idx>,
    /// Elements whose class/id says byline or author, by index.
    pub bylines: Vec<Idx>,
    /// Links to author pages, by index.
    pub author_links: Vec<Idx>,
}

/// The page as an arena.
pub(crate) struct Page<'a> {
    /// Items in document order; a subtree is the range `i..items[i].end`.
    pub items: Vec<Item<'a>>,
    /// What the metadata reader needs.
    pub signals: Signals<'a>,
}

/// How many byline elements and h1s to remember.
const MAX_SIGNALS: usize = 64;

impl<'a> Page<'a> {
    /// Walks `html` once.
    pub(crate) fn build(html: &'a Html, tables: &Tables) -> Page<'a> {
        // Every node of the tree but those in skipped subtrees.
        let mut items: Vec<Item<'a>> = Vec::with_capacity(html.tree.nodes().len());
        let mut signals = Signals::default();
        // Open elements: (arena index, tree node id); a skipped subtree is
        // open with index NONE.
        let mut stack: Vec<(Idx, ego_tree::NodeId)> = Vec::new();
        let mut skipping = 0usize;
        let mut links_open = 0usize;
        // Block that owns the text being read, per open element.
        let mut owners: Vec<Idx> = Vec::new();
        let mut memo = Memo::new();
        for edge in html.tree.root().traverse() {
            match edge {
                Edge::Open(node) => match node.value() {
                    Node::Element(el) => {
                        let role = tables.tags.role(el.name());
                        collect_head_signal(el, node, &mut signals);
                        if skipping > 0 {
                            skipping += 1;
                            continue;
                        }
                        let attrs = Attrs::scan(el, tables, &mut memo);
                        if role == Role::Skip || attrs.hidden {
                            skipping = 1;
                            stack.push((NONE, node.id()));
                            continue;
                        }
                        let parent = stack.last().map_or(NONE, |s| s.0);
                        let (negative, positive) = (attrs.hints.negative, attrs.hints.positive);
                        let idx = items.len() as Idx;
                        items.push(Item {
                            el: Some(el),
                            text: "",
                            role,
                            parent,
                            end: idx + 1,
                            negative,
                            positive,
                            lead: attrs.hints.lead > 0,
                            own_chars: 0,
                            own_link: 0,
                            own_punct: 0,
                            chars: 0,
                            link: 0,
                            good: 0.0,
                            bad: 0.0,
                            furniture: Furniture::No,
                        });
                        stack.push((idx, node.id()));
                        collect_body_signal(el, &attrs, idx, &mut signals, tables);
                        let owner =
                            if role.is_block() { idx } else { owners.last().copied().unwrap_or(NONE) };
                        owners.push(owner);
                        if role == Role::Link {
                            links_open += 1;
                        }
                        if role == Role::Heading && el.name() == "h1" && signals.h1.len() < MAX_SIGNALS {
                            signals.h1.push(idx);
                        }
                    }
                    Node::Text(text) if skipping == 0 => {
                        let text: &'a str = text;
                        let parent = stack.last().map_or(NONE, |s| s.0);
                        let idx = items.len() as Idx;
                        let (chars, punct) = text_stats(text);
                        let link = if links_open > 0 { chars } else { 0 };
                        items.push(Item {
                            el: None,
                            text,
                            role: Role::Inline,
                            parent,
                            end: idx + 1,
                            negative: 0,
                            positive: 0,
                            lead: false,
                            own_chars: 0,
                            own_link: 0,
                            own_punct: 0,
                            chars,
                            link,
                            good: 0.0,
                            bad: 0.0,
                            furniture: Furniture::No,
                        });
                        if let Some(&owner) = owners.last()
                            && owner != NONE
                        {
                            let o = &mut items[owner as usize];
                            o.own_chars += chars;
                            o.own_punct += punct;
                            o.own_link += link;
                        }
                    }
                    _ => {}
                },
                Edge::Close(node) => {
                    if !node.value().is_element() {
                        continue;
                    }
                    if skipping > 0 {
                        skipping -= 1;
                        if skipping == 0 {
                            stack.pop();
                        }
                        continue;
                    }
                    if let Some((idx, _)) = stack.pop() {
                        owners.pop();
                        let end = items.len() as Idx;
                        let item = &mut items[idx as usize];
                        item.end = end;
                        if item.role == Role::Link {
                            links_open = links_open.saturating_sub(1);
                        }
                    }
                }
            }
        }
        Page { items, signals }
    }

    /// The text of the subtree at `idx`, whitespace collapsed.
    pub(crate) fn text_of(&self, idx: Idx) -> String {
        let mut out = String::new();
        let end = self.items.get(idx as usize).map_or(idx, |i| i.end);
        for item in &self.items[idx as usize..end as usize] {
            if item.el.is_none() {
                push_collapsed(&mut out, item.text);
            }
        }
        out.trim_end().to_string()
    }
}

impl Page<'_> {
    /// The texts of the subtree at `idx` joined by `sep`: a line of labels
    /// and values ("Updated<time>Aug 4</time>", "By <a>Jane Doe</a><span>Staff
    /// Writer</span>") read with its parts kept apart.
    pub(crate) fn joined_text_of(&self, idx: Idx, sep: &str) -> String {
        let end = self.items.get(idx as usize).map_or(idx, |i| i.end);
        let parts: Vec<&str> = self.items[idx as usize..end as usize]
            .iter()
            .filter(|i| i.el.is_none())
            .map(|i| i.text.trim())
            .filter(|t| !t.is_empty())
            .collect();
        parts.join(sep)
    }

    /// The text of the subtree at `idx` up to its first line break or nested
    /// block (a headline without the standfirst set inside its `<h1>`).
    pub(crate) fn first_line_of(&self, idx: Idx) -> String {
        let mut out = String::new();
        let end = self.items.get(idx as usize).map_or(idx, |i| i.end);
        for item in self.items.iter().take(end as usize).skip(idx as usize + 1) {
            match item.el {
                None => push_collapsed(&mut out, item.text),
                Some(_) if (item.role.is_block() || item.role == Role::Break) && !out.trim().is_empty() => {
                    break;
                }
                Some(_) => {}
            }
        }
        out.trim_end().to_string()
    }
}

/// Appends `text` to `out` with runs of whitespace turned into one space,
/// and no space at the start of `out` or after a space or line break there.
/// [`INVISIBLE`] characters are dropped. One pass over the bytes, copying
/// each word whole.
pub(crate) fn push_collapsed(out: &mut String, text: &str) {
    let bytes = text.as_bytes();
    // Whitespace since the last word; inside a word, where its bytes not
    // yet copied start.
    let mut space = false;
    let mut word: Option<usize> = None;
    let mut i = 0;
    while i < bytes.len() {
        // Runs of visible ASCII, most of any text, in a tight loop.
        if word.is_some() && bytes[i] > b' ' && bytes[i] < 0x80 {
            i += 1 + bytes[i + 1..]
                .iter()
                .position(|&b| b <= b' ' || b >= 0x80)
                .unwrap_or(bytes.len() - i - 1);
            continue;
        }
        let (len, class) = classify(bytes, i);
        match (class, word) {
            (Class::Space, Some(start)) => {
                out.push_str(&text[start..i]);
                word = None;
                space = true;
            }
            (Class::Space, None) => space = true,
            (_, None) => {
                if space && !out.is_empty() && !out.ends_with([' ', '\n']) {
                    out.push(' ');
                }
                space = false;
                word = Some(if class == Class::Invisible { i + len } else { i });
            }
            (Class::Invisible, Some(start)) => {
                out.push_str(&text[start..i]);
                word = Some(i + len);
            }
            (Class::Visible, Some(_)) => {}
        }
        i += len;
    }
    match word {
        Some(start) => out.push_str(&text[start..]),
        None if space && !out.is_empty() && !out.ends_with([' ', '\n']) => out.push(' '),
        None => {}
    }
}

/// What a character is to [`push_collapsed`].
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Whitespace (`char::is_whitespace`).
    Space,
    /// One of [`INVISIBLE`].
    Invisible,
    /// Anything else.
    Visible,
}

/// The length and class of the character starting at `bytes[i]`, read
/// from its UTF-8 bytes.
fn classify(bytes: &[u8], i: usize) -> (usize, Class) {
    let b = bytes[i];
    if b < 0x80 {
        let class = if matches!(b, b'\t'..=b'\r' | b' ') { Class::Space } else { Class::Visible };
        return (1, class);
    }
    let len = match b {
        0xF0.. => 4,
        0xE0.. => 3,
        _ => 2,
    };
    let class = match (b, bytes.get(i + 1), bytes.get(i + 2)) {
        (0xC2, Some(0x85 | 0xA0), _)
        | (0xE1, Some(0x9A), Some(0x80))
        | (0xE2, Some(0x80), Some(0x80..=0x8A | 0xA8 | 0xA9 | 0xAF))
        | (0xE2, Some(0x81), Some(0x9F))
        | (0xE3, Some(0x80), Some(0x80)) => Class::Space,
        (0xC2, Some(0xAD), _)
        | (0xE2, Some(0x80), Some(0x8B))
        | (0xE2, Some(0x81), Some(0xA0))
        | (0xEF, Some(0xBB), Some(0xBF)) => Class::Invisible,
        _ => Class::Visible,
    };
    (len, class)
}

/// Characters that are in the markup but not on the screen: soft hyphens,
/// zero-width spaces, word joiners, stray byte-order marks. They would split
/// words for every later stage.
pub(crate) const INVISIBLE: &[char] = &['\u{ad}', '\u{200b}', '\u{2060}', '\u{feff}'];

/// Visible characters (not whitespace) and sentence punctuation in `text`,
/// counted on bytes: a character starts at every byte that is not a UTF-8
/// continuation byte.
fn text_stats(text: &str) -> (u32, u32) {
    let bytes = text.as_bytes();
    let mut chars = 0u32;
    let mut punct = 0u32;
    for (i, &b) in bytes.iter().enumerate() {
        if b < 0x80 {
            if !b.is_ascii_whitespace() {
                chars += 1;
                punct += u32::from(matches!(b, b'.' | b',' | b'!' | b'?' | b';'));
            }
        } else if b & 0xC0 != 0x80 && !is_unicode_space(b, bytes.get(i + 1), bytes.get(i + 2)) {
            chars += 1;
            // Ideographic full stop and comma, fullwidth comma, ! and ?.
            punct += u32::from(matches!(
                (b, bytes.get(i + 1), bytes.get(i + 2)),
                (0xE3, Some(0x80), Some(0x81 | 0x82)) | (0xEF, Some(0xBC), Some(0x8C | 0x81 | 0x9F))
            ));
        }
    }
    (chars, punct)
}

/// The UTF-8 sequence starting with `b` is a no-break, typographic or
/// ideographic space.
fn is_unicode_space(b: u8, next: Option<&u8>, third: Option<&u8>) -> bool {
    matches!(
        (b, next, third),
        (0xC2, Some(0xA0), _) | (0xE2, Some(0x80), Some(0x80..=0x8A | 0xAF)) | (0xE3, Some(0x80), Some(0x80))
    )
}

/// What the cleaner reads from an element's attributes, in one pass.
struct Attrs<'a> {
    /// Strongest class/id/itemprop hints. Classes on the root, the body and
    /// semantic story containers describe the page (a body with
    /// `comments-open`), not the block: they carry no furniture hint.
    hints: Weights,
    /// Hidden by an inline style. (The `hidden` attribute does not count:
    /// streaming server renderers ship the story in `hidden` containers that
    /// a script reveals.)
    hidden: bool,
    /// Has `itemprop`, `datetime` or `rel="author"`: microdata to read.
    marked: bool,
    /// `href`.
    href: Option<&'a str>,
}

impl<'a> Attrs<'a> {
    fn scan(el: &'a Element, tables: &Tables, memo: &mut Memo<'a>) -> Attrs<'a> {
        let page_level = matches!(el.name(), "html" | "body" | "article" | "main");
        let mut out = Attrs { hints: Weights::default(), hidden: false, marked: false, href: None };
        for (name, value) in el.attrs() {
            match name {
                "class" | "id" | "itemprop" => {
                    let w = memo.weigh(&tables.hints, value);
                    if !page_level {
                        out.hints.negative = out.hints.negative.max(w.negative);
                    }
                    out.hints.positive = out.hints.positive.max(w.positive);
                    out.hints.byline = out.hints.byline.max(w.byline);
                    out.hints.lead = out.hints.lead.max(w.lead);
                    out.marked |= name == "itemprop";
                }
                "style" => out.hidden = is_hiding_style(value),
                "datetime" => out.marked = true,
                "rel" => out.marked |= value.contains("author"),
                "href" => out.href = Some(value),
                _ => {}
            }
        }
        out
    }
}

/// `display: none` or `visibility: hidden` in an inline style.
fn is_hiding_style(style: &str) -> bool {
    let squeezed: String =
        style.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
    squeezed.contains("display:none") || squeezed.contains("visibility:hidden")
}

/// Notes the head elements the metadata reader needs (read even where the
/// walk skips: `<head>` is not text).
fn collect_head_signal<'a>(el: &'a Element, node: ego_tree::NodeRef<'a, Node>, signals: &mut Signals<'a>) {
    match el.name() {
        "html" => signals.lang = signals.lang.or_else(|| el.attr("lang").or_else(|| el.attr("xml:lang"))),
        "meta" => signals.metas.push(el),
        "link" => signals.links.push(el),
        "title" if signals.title.is_none() => signals.title = Some(node_text(node)),
        "script" if el.attr("type").is_some_and(|t| t.to_ascii_lowercase().contains("ld+json")) => {
            signals.json_ld.push(node_text(node));
        }
        _ => {}
    }
}

/// Notes the body elements the metadata reader needs: microdata, bylines and
/// links to author pages, by index.
fn collect_body_signal(
    el: &Element,
    attrs: &Attrs<'_>,
    idx: Idx,
    signals: &mut Signals<'_>,
    tables: &Tables,
) {
    if attrs.marked && signals.marked.len() < MAX_SIGNALS * 4 {
        signals.marked.push(idx);
    }
    if attrs.hints.byline > 0 && signals.bylines.len() < MAX_SIGNALS {
        signals.bylines.push(idx);
    }
    if signals.author_links.len() < MAX_SIGNALS
        && el.name() == "a"
        && attrs.href.is_some_and(|h| tables.author_paths.is_match(h))
    {
        signals.author_links.push(idx);
    }
}

/// The text directly inside a node (a `<title>` or `<script>`).
fn node_text(node: ego_tree::NodeRef<'_, Node>) -> String {
    node.children().filter_map(|c| c.value().as_text().map(|t| &**t)).collect()
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// The definition [`push_collapsed`] keeps: words split on whitespace,
    /// invisible characters filtered out of them.
    fn collapsed_by_words(out: &mut String, text: &str) {
        for (i, word) in text.split_whitespace().enumerate() {
            let space_before = i > 0 || text.starts_with(char::is_whitespace);
            if space_before && !out.is_empty() && !out.ends_with([' ', '\n']) {
                out.push(' ');
            }
            out.extend(word.chars().filter(|c| !INVISIBLE.contains(c)));
        }
        if text.ends_with(char::is_whitespace) && !out.is_empty() && !out.ends_with([' ', '\n']) {
            out.push(' ');
        }
    }

    #[test]
    fn every_unicode_space_is_a_space_and_nothing_else_is() {
        for c in (0..0x11000).filter_map(char::from_u32) {
            let text = c.to_string();
            let class = classify(text.as_bytes(), 0).1;
            assert_eq!(class == Class::Space, c.is_whitespace(), "{c:?}");
            assert_eq!(class == Class::Invisible, INVISIBLE.contains(&c), "{c:?}");
        }
    }

    proptest! {
        #[test]
        fn collapsing_matches_the_word_definition(
            before in "[a \n]{0,2}",
            text in "[ab \t\n\u{0b}\u{a0}\u{ad}\u{200b}\u{2009}\u{3000}\u{feff}é’]{0,12}",
        ) {
            let (mut fast, mut slow) = (before.clone(), before);
            push_collapsed(&mut fast, &text);
            collapsed_by_words(&mut slow, &text);
            prop_assert_eq!(fast, slow);
        }
    }
}
