//! Rendering the story's container to paragraphs, leaving out the furniture
//! nested inside it.

use super::page::{Furniture, INVISIBLE, Idx, Item, Page, push_collapsed};
use super::tags::Role;

/// What kind of block a paragraph came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Ordinary text.
    Text,
    /// A heading; `h1` is level 1.
    Heading(u8),
    /// A list item.
    Item,
    /// A table row.
    Row,
    /// Preformatted text.
    Pre,
}

/// One rendered paragraph.
#[derive(Clone, Debug)]
pub(crate) struct Para {
    /// Its text, trimmed.
    pub text: String,
    /// Where it came from.
    pub kind: Kind,
}

/// A likely-furniture element is kept when it holds at least this share of
/// the container's text.
const KEEP_FURNITURE_SHARE: f32 = 0.5;
/// A block whose text is mostly links is furniture unless it has at least
/// this many characters of plain text.
const LINK_BLOCK_PLAIN_CHARS: u32 = 100;

/// The paragraphs of the subtree at `container`.
pub(crate) fn render(page: &Page<'_>, container: Idx) -> Vec<Para> {
    let items = &page.items;
    let root = &items[container as usize];
    let mut out = Vec::new();
    let mut current = String::new();
    // Open blocks: (end, role, heading level).
    let mut open: Vec<(Idx, Role, u8)> = Vec::new();
    let mut pre_depth = 0usize;
    let mut i = container;
    while i < root.end {
        while let Some(&(end, role, level)) = open.last() {
            if end > i {
                break;
            }
            open.pop();
            if role == Role::Pre {
                pre_depth -= 1;
            }
            flush(&mut current, kind_of(role, level), &mut out);
        }
        let item = &items[i as usize];
        let Some(el) = item.el else {
            if pre_depth > 0 {
                current.extend(item.text.chars().filter(|c| !INVISIBLE.contains(c)));
            } else {
                push_collapsed(&mut current, item.text);
            }
            i += 1;
            continue;
        };
        if i != container && is_dropped(item, root) {
            i = item.end;
            continue;
        }
        match item.role {
            Role::Break => current.push('\n'),
            // Cells of a row make one paragraph.
            Role::Cell if !current.trim().is_empty() => current.push_str(" | "),
            Role::Cell => {}
            role if role.is_block() => {
                let level = heading_level(el.name());
                // The text before this block belongs to the enclosing one.
                let enclosing = open.last().map_or((Role::Block, 0), |o| (o.1, o.2));
                flush(&mut current, kind_of(enclosing.0, enclosing.1), &mut out);
                if role == Role::Pre {
                    pre_depth += 1;
                }
                open.push((item.end, role, level));
            }
            _ => {}
        }
        i += 1;
    }
    let enclosing = open.last().map_or((Role::Block, 0), |o| (o.1, o.2));
    flush(&mut current, kind_of(enclosing.0, enclosing.1), &mut out);
    out
}

/// True when a nested element is furniture to leave out.
fn is_dropped(item: &Item<'_>, root: &Item<'_>) -> bool {
    match item.furniture {
        Furniture::Certain => return true,
        Furniture::Likely if (item.chars as f32) < KEEP_FURNITURE_SHARE * root.chars as f32 => return true,
        _ => {}
    }
    if !item.role.is_block() || item.role == Role::Cell || item.chars == 0 {
        return false;
    }
    let plain = item.chars - item.link.min(item.chars);
    item.link * 2 > item.chars && plain < LINK_BLOCK_PLAIN_CHARS
}

fn heading_level(name: &str) -> u8 {
    match name.as_bytes() {
        [b'h', d @ b'1'..=b'6'] => d - b'0',
        _ => 0,
    }
}

fn kind_of(role: Role, level: u8) -> Kind {
    match role {
        Role::Heading => Kind::Heading(level),
        Role::Item => Kind::Item,
        Role::Row => Kind::Row,
        Role::Pre => Kind::Pre,
        _ => Kind::Text,
    }
}

/// Ends the paragraph being built, if it holds any text.
fn flush(current: &mut String, kind: Kind, out: &mut Vec<Para>) {
    let text = if kind == Kind::Pre { current.trim_matches('\n').trim_end() } else { current.trim() };
    if !text.is_empty() {
        let text = if kind == Kind::Pre { text.to_string() } else { tidy_lines(text) };
        out.push(Para { text, kind });
    }
    current.clear();
}

/// Trims each line of a paragraph and drops blank lines (left by `<br>`s).
fn tidy_lines(text: &str) -> String {
    if !text.contains('\n') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(line);
    }
    out
}
