//! Dates shown to readers: the first date in a `<time>` element or a short
//! line between the headline and the story's first paragraph, for pages
//! whose markup states none.

use super::date;
use crate::html::page::{Idx, Page};
use crate::html::tags::Role;
use crate::text_util::DateWords;

/// A line longer than this (in visible characters) is not a dateline.
const MAX_LINE_CHARS: u32 = 100;
/// Characters of punctuated prose that mark the story's first paragraph.
const BODY_CHARS: u32 = 120;
/// How many items past `start` to look at, at most.
const WINDOW: usize = 600;

/// The first date shown between `start` (the headline, or the story's
/// `container`) and the story's first paragraph, as `YYYY-MM-DD`.
pub(crate) fn date_near(page: &Page<'_>, start: Idx, container: Idx, words: &DateWords) -> Option<String> {
    let items = &page.items;
    let story = container as usize..items.get(container as usize).map_or(0, |c| c.end as usize);
    let end = items.len().min(start as usize + WINDOW);
    let mut i = start as usize;
    while i < end {
        let item = &items[i];
        let Some(el) = item.el else {
            i += 1;
            continue;
        };
        if el.name() == "time"
            && let Some(d) = el.attr("datetime").and_then(|v| date::to_iso(v, words))
        {
            return Some(d.get(..10).unwrap_or(&d).to_string());
        }
        if story.contains(&i) && item.role.is_block() && item.own_chars >= BODY_CHARS && item.own_punct > 0 {
            return None;
        }
        let line = item.role.is_block() || el.name() == "time";
        if line && item.chars > 0 && item.chars <= MAX_LINE_CHARS && item.role != Role::Heading {
            if let Some(d) = date::find_in_text(&page.joined_text_of(i as Idx, " "), words) {
                return Some(d);
            }
            // The line's text has been read whole: skip its subtree.
            i = item.end as usize;
            continue;
        }
        i += 1;
    }
    None
}
