//! The standfirst: templates set the paragraph that opens the story in the
//! article's header, beside the headline, outside the container the scorer
//! picks for the body. It is taken back when an element named for it
//! (`data/class_lead.txt`) stands just before the container.

use super::page::{Furniture, Idx, Item, NONE, Page};

/// How many levels above the container the standfirst's block may start.
const LEAD_LEVELS: usize = 3;
/// A standfirst has at least this many characters of text.
const LEAD_MIN_CHARS: u32 = 40;

/// The standfirst before `container`, if there is one.
pub(crate) fn find(page: &Page<'_>, container: Idx) -> Option<Idx> {
    let items = &page.items;
    let mut scope = container;
    for _ in 0..LEAD_LEVELS {
        match items[scope as usize].parent {
            NONE => break,
            parent => scope = parent,
        }
    }
    // The nearest one before the container that is not one of its ancestors.
    (scope + 1..container).rev().find(|&i| {
        let item = &items[i as usize];
        item.lead && item.end <= container && reads_as_lead(item) && !hinted_away(items, i, scope)
    })
}

/// Prose rather than a list of links.
fn reads_as_lead(item: &Item<'_>) -> bool {
    item.chars >= LEAD_MIN_CHARS && item.link * 2 < item.chars
}

/// True when the element or one of its ancestors up to `scope` is certainly
/// furniture by its class or id (a teaser box "related-summary"). Likely
/// furniture does not count: the standfirst lives in the "header".
fn hinted_away(items: &[Item<'_>], mut i: Idx, scope: Idx) -> bool {
    while i != NONE && i != scope {
        let item = &items[i as usize];
        if item.hinted_furniture() == Furniture::Certain {
            return true;
        }
        i = item.parent;
    }
    false
}
