//! Metadata shown to readers between the headline and the story's first
//! paragraph: the dateline (the first date in a `<time>` element or a short
//! line) and the byline ("By Jane Doe", or "Written by" over the name), for
//! pages whose markup states none.

use super::{author, date};
use crate::html::page::{Idx, NONE, Page};
use crate::html::tags::Role;
use crate::text_util::DateWords;

/// A line longer than this (in visible characters) is not a dateline.
const MAX_LINE_CHARS: u32 = 100;
/// Characters of punctuated prose that mark the story's first paragraph.
const BODY_CHARS: u32 = 120;
/// Long paragraphs the header may hold before the story starts: a
/// standfirst set between the headline and the byline or dateline.
const HEADER_PARAGRAPHS: u32 = 1;
/// How many items past `start` to look at, at most.
const WINDOW: usize = 600;
/// How many items before the headline its header may start (a dateline or
/// byline set above the `<h1>`, in the same wrapper).
const HEADER_BEFORE: u32 = 80;
/// How many levels up from the headline that wrapper may be.
const HEADER_LEVELS: usize = 2;

/// What the scan meets between the headline and the story.
enum Line<'p> {
    /// A `<time>` element with a `datetime`.
    Time(&'p str),
    /// A short line of text, by index.
    Text(Idx),
}

/// Calls `f` on each `<time>` and short line from `start` (the headline, or
/// the story's `container`) to the story's second paragraph (the first may
/// be a standfirst above the byline), until it returns something.
fn scan<'p, T>(
    page: &'p Page<'_>,
    start: Idx,
    container: Idx,
    mut f: impl FnMut(Line<'p>) -> Option<T>,
) -> Option<T> {
    let items = &page.items;
    let story = container as usize..items.get(container as usize).map_or(0, |c| c.end as usize);
    let end = items.len().min(start as usize + WINDOW);
    let mut i = header_start(page, start) as usize;
    let mut paragraphs = 0;
    let beside = items.get(start as usize).map_or(NONE, |h| h.parent);
    while i < end {
        let item = &items[i];
        let Some(el) = item.el else {
            i += 1;
            continue;
        };
        if el.name() == "time"
            && let Some(found) = el.attr("datetime").and_then(|v| f(Line::Time(v)))
        {
            return Some(found);
        }
        if story.contains(&i) && item.role.is_block() && item.own_chars >= BODY_CHARS && item.own_punct > 0 {
            paragraphs += 1;
            if paragraphs > HEADER_PARAGRAPHS {
                return None;
            }
        }
        // Inline elements beside the headline (a <span> dateline after the
        // <h1>) are lines of their own.
        let line = item.role.is_block() || el.name() == "time" || item.parent == beside;
        if line && item.chars > 0 && item.chars <= MAX_LINE_CHARS && item.role != Role::Heading {
            if let Some(found) = f(Line::Text(i as Idx)) {
                return Some(found);
            }
            // The line's text has been read whole: skip its subtree.
            i = item.end as usize;
            continue;
        }
        i += 1;
    }
    None
}

/// Where the header around `headline` starts: the start of its parent or
/// grandparent when that is at most [`HEADER_BEFORE`] items earlier.
fn header_start(page: &Page<'_>, headline: Idx) -> Idx {
    let mut start = headline;
    let mut at = headline;
    for _ in 0..HEADER_LEVELS {
        let Some(parent) = page.items.get(at as usize).map(|i| i.parent).filter(|&p| p != NONE) else {
            break;
        };
        if parent + HEADER_BEFORE < headline {
            break;
        }
        start = parent;
        at = parent;
    }
    start
}

/// The first date shown between `start` and the story's second paragraph, as
/// `YYYY-MM-DD`.
pub(crate) fn date_near(page: &Page<'_>, start: Idx, container: Idx, words: &DateWords) -> Option<String> {
    scan(page, start, container, |line| match line {
        Line::Time(v) => date::to_iso(v, words).map(|d| d.get(..10).unwrap_or(&d).to_string()),
        Line::Text(i) => date::find_in_text(&page.joined_text_of(i, " "), words),
    })
}

/// The names of the first byline shown between `start` and the story's
/// second paragraph: a line that opens with a byline label ("By", "Written
/// by"), or the line after one that is only the label.
pub(crate) fn byline_near(page: &Page<'_>, start: Idx, container: Idx) -> Option<Vec<String>> {
    let mut labelled = false;
    scan(page, start, container, |line| {
        let Line::Text(i) = line else { return None };
        let text = page.joined_text_of(i, " | ");
        let names = if labelled {
            author::names(&text, author::Source::Shown)
        } else {
            // The byline may be a part of a line that holds the whole
            // header ("Coffee | Mar 24, 2025 | By Amy Wilhelm | 0 comments").
            let parts: Vec<&str> = text.split(" | ").collect();
            (0..parts.len())
                .find_map(|j| author::byline(&parts[j..].join(" | ")).filter(|n| !n.is_empty()))
                .unwrap_or_default()
        };
        labelled = names.is_empty() && text.rsplit(" | ").next().is_some_and(author::is_byline_label);
        Some(names).filter(|n| !n.is_empty())
    })
}
