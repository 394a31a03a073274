//! Scoring: every block's own text is weighed as story-like (long, with
//! sentence punctuation, few links) or furniture-like (link lists, short
//! labels, text in furniture elements), the weights are summed up the tree,
//! and the story's container is the element with the best balance.

use super::page::{Idx, Item, NONE, Page};
use super::tags::Role;

/// Non-link characters from which a block reads as prose even without
/// punctuation.
const PROSE_CHARS: u32 = 80;
/// Non-link characters from which a punctuated block reads as prose.
const SENTENCE_CHARS: u32 = 25;
/// Weight of short, unpunctuated text (labels, dates, menus without links).
const SHORT_TEXT_WEIGHT: f32 = 0.5;
/// How much a character of furniture costs against one of story.
const FURNITURE_COST: f32 = 1.0;

/// Sums story and furniture weights up the tree (filling `good`, `bad`,
/// `chars` and `link` of every item) and returns the story's container.
pub(crate) fn score(page: &mut Page<'_>) -> Idx {
    let items = &mut page.items;
    for i in (0..items.len()).rev() {
        if items[i].el.is_none() {
            continue;
        }
        let (good, bad) = own_weights(&items[i]);
        let item = &mut items[i];
        item.good += good;
        item.bad += bad;
        item.chars += item.own_chars;
        item.link += item.own_link;
        let parent = item.parent;
        if parent == NONE {
            continue;
        }
        let (good, bad, chars, link) = (item.good, item.bad, item.chars, item.link);
        let furniture = is_furniture(item);
        let p = &mut items[parent as usize];
        if furniture {
            p.bad += good + bad;
        } else {
            p.good += good;
            p.bad += bad;
        }
        p.chars += chars;
        p.link += link;
    }
    let mut best = NONE;
    let mut best_score = f32::MIN;
    for (i, item) in items.iter().enumerate() {
        if item.el.is_none() || !item.role.is_block() {
            continue;
        }
        let score = balance(item);
        // `>=`: among wrappers holding the same text, the innermost wins.
        if score >= best_score {
            best_score = score;
            best = i as Idx;
        }
    }
    // An enclosing block that costs nothing more holds story parts with no
    // weight of their own (tables, short lists): take it, up to the body.
    while best != NONE {
        let parent = items[best as usize].parent;
        if parent == NONE || items[parent as usize].el.is_some_and(|e| matches!(e.name(), "body" | "html")) {
            break;
        }
        if balance(&items[parent as usize]) < best_score {
            break;
        }
        best = parent;
    }
    best
}

/// Story weight less furniture cost.
fn balance(item: &Item<'_>) -> f32 {
    item.good - FURNITURE_COST * item.bad
}

/// True for elements that are furniture by tag or by class/id hints.
pub(crate) fn is_furniture(item: &Item<'_>) -> bool {
    item.role == Role::Furniture || item.is_hinted_furniture()
}

/// Story and furniture weight of the text a block owns directly.
fn own_weights(item: &Item<'_>) -> (f32, f32) {
    let total = item.own_chars;
    if total == 0 {
        return (0.0, 0.0);
    }
    let link = item.own_link;
    let plain = total - link.min(total);
    if link * 2 > total {
        return (0.0, total as f32);
    }
    if plain >= PROSE_CHARS || (plain >= SENTENCE_CHARS && item.own_punct > 0) {
        (plain as f32, 0.0)
    } else if matches!(item.role, Role::Heading | Role::Cell | Role::Item) {
        // Short headings, table cells and list items belong to stories as
        // much as to furniture: only their links count against them.
        (0.0, 0.0)
    } else {
        (0.0, total as f32 * SHORT_TEXT_WEIGHT)
    }
}
