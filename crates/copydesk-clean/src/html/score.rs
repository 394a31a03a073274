//! Scoring: every block's own text is weighed as story-like (long, with
//! sentence punctuation, few links) or furniture-like (link lists, short
//! labels, text in furniture elements), the weights are summed up the tree,
//! and the story's container is the element with the best balance.

use super::page::{Furniture, Idx, Item, NONE, Page};
use super::tags::Role;

/// Non-link characters from which a block reads as prose even without
/// punctuation.
const PROSE_CHARS: u32 = 80;
/// Non-link characters from which a punctuated block reads as prose.
const SENTENCE_CHARS: u32 = 25;
/// Weight of short, unpunctuated text (labels, dates, menus without links).
const SHORT_TEXT_WEIGHT: f32 = 0.5;
/// How much a character of furniture costs against one of story.
const FURNITURE_COST: f32 = 0.5;
/// Story hint weight from which a candidate is favoured, and by how much.
const STRONG_STORY_HINT: i32 = 3;
const STORY_HINT_FACTOR: f32 = 2.0;
/// Score factors for candidates inside likely and certain furniture.
const LIKELY_FURNITURE_FACTOR: f32 = 0.6;
const CERTAIN_FURNITURE_FACTOR: f32 = 0.3;
/// A furniture tag holding at least this share of the page's story text is
/// not furniture.
const KEEP_FURNITURE_SHARE: f32 = 0.5;
/// How much more story text a lone paragraph's parent must hold to be taken.
const LONE_PARAGRAPH_GAIN: f32 = 1.2;
/// What story-like text inside furniture costs its ancestors, per character.
const FURNITURE_TEXT_COST: f32 = 0.5;

/// Sums story and furniture weights up the tree (filling `good`, `bad`,
/// `chars`, `link` and `furniture` of every item) and returns the story's
/// container.
pub(crate) fn score(page: &mut Page<'_>) -> Idx {
    let items = &mut page.items;
    let own: Vec<(f32, f32)> = items.iter().map(own_weights).collect();
    // Raw sums first: a furniture tag holding most of the page's story text
    // (a form around the whole page) is not furniture.
    sum_up(items, &own);
    let total: f32 = items.iter().filter(|i| i.parent == NONE).map(|i| i.good).sum();
    for item in items.iter_mut() {
        let by_tag = if item.role == Role::Furniture { Furniture::Certain } else { Furniture::No };
        item.furniture = by_tag.max(item.hinted_furniture());
        // A furniture tag or a likely hint on a block holding most of the
        // page's story text (a form around the whole page, a layout wrapper
        // named "sidebar-container") is wrong about it.
        if item.good >= KEEP_FURNITURE_SHARE * total.max(1.0)
            && (by_tag == Furniture::Certain || item.furniture == Furniture::Likely)
        {
            item.furniture = item.hinted_furniture().min(Furniture::Likely);
            if by_tag == Furniture::Certain {
                item.furniture = Furniture::No;
            }
        }
    }
    sum_up(items, &own);
    // Blocks inside furniture (comment threads, cookie dialogs, footers)
    // make poor containers: a story elsewhere wins unless it is much
    // shorter. A penalty rather than a ban, for layout wrappers with
    // furniture-like names ("with-nav-sidebar") around the whole story.
    let mut factor = vec![1.0f32; items.len()];
    for i in 0..items.len() {
        let parent = items[i].parent;
        if parent != NONE {
            factor[i] = factor[parent as usize] * inside_factor(items[parent as usize].furniture);
        }
    }
    let mut best = NONE;
    let mut best_score = f32::MIN;
    for (i, item) in items.iter().enumerate() {
        if item.el.is_none() || !item.role.is_block() {
            continue;
        }
        let score = balance(item) * factor[i] * inside_factor(item.furniture) * story_factor(item);
        // `>=`: among wrappers holding the same text, the innermost wins.
        if score >= best_score {
            best_score = score;
            best = i as Idx;
        }
    }
    // The score the climb below compares against, without the penalty.
    if best != NONE {
        best_score = balance(&items[best as usize]);
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
    // A lone paragraph is rarely the whole story: when its parent holds
    // much more story text at a bearable cost, the story is the parent.
    if best != NONE && items[best as usize].el.is_some_and(|e| e.name() == "p") {
        let parent = items[best as usize].parent;
        if parent != NONE
            && items[parent as usize].el.is_some_and(|e| !matches!(e.name(), "body" | "html"))
            && items[parent as usize].good >= LONE_PARAGRAPH_GAIN * items[best as usize].good
            && balance(&items[parent as usize]) > 0.0
        {
            best = parent;
        }
    }
    best
}

/// Fills `good`, `bad`, `chars` and `link` bottom-up from the blocks' own
/// weights; the text of furniture counts as furniture for its ancestors.
fn sum_up(items: &mut [Item<'_>], own: &[(f32, f32)]) {
    for item in items.iter_mut().filter(|i| i.el.is_some()) {
        (item.good, item.bad, item.chars, item.link) = (0.0, 0.0, 0, 0);
    }
    for i in (0..items.len()).rev() {
        let item = &mut items[i];
        item.good += own[i].0;
        item.bad += own[i].1;
        let parent = item.parent;
        if parent == NONE {
            continue;
        }
        let (good, bad, chars, link) = (item.good, item.bad, item.chars, item.link);
        let furniture = item.furniture != Furniture::No;
        let p = &mut items[parent as usize];
        if furniture {
            p.bad += FURNITURE_TEXT_COST * good + bad;
        } else {
            p.good += good;
            p.bad += bad;
        }
        p.chars += chars;
        p.link += link;
    }
}

/// What a story hint in class, id or itemprop (`article-body`,
/// `articleBody`) does to a candidate's score.
fn story_factor(item: &Item<'_>) -> f32 {
    if item.positive >= STRONG_STORY_HINT && item.positive > item.negative { STORY_HINT_FACTOR } else { 1.0 }
}

/// What being inside (or being) furniture does to a candidate's score.
fn inside_factor(furniture: Furniture) -> f32 {
    match furniture {
        Furniture::No => 1.0,
        Furniture::Likely => LIKELY_FURNITURE_FACTOR,
        Furniture::Certain => CERTAIN_FURNITURE_FACTOR,
    }
}

/// Story weight less furniture cost.
fn balance(item: &Item<'_>) -> f32 {
    item.good - FURNITURE_COST * item.bad
}

/// Story and furniture weight of the text a block owns directly.
fn own_weights(item: &Item<'_>) -> (f32, f32) {
    if item.el.is_none() {
        return (0.0, 0.0);
    }
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
