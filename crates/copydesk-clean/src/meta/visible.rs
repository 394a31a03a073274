//! Metadata shown to readers between the headline and the story's first
//! paragraph: the dateline (the first date in a `<time>` element or a short
//! line, and whether its label calls it an update) and the byline ("By Jane
//! Doe", or "Written by" over the name).

use std::sync::OnceLock;

use super::{author, date};
use crate::html::page::{Idx, Item, NONE, Page};
use crate::html::tags::Role;
use crate::table;
use crate::text_util::{DateWords, normalize};

/// A line longer than this (in visible characters) is not a dateline.
pub(crate) const MAX_LINE_CHARS: u32 = 100;
/// A heading longer than this (in visible characters) is no dateline.
const DATE_HEADING_CHARS: u32 = 30;
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
    /// A `<time>` element, by index, with its `datetime`.
    Time(Idx, &'p str),
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
            && let Some(found) = el.attr("datetime").and_then(|v| f(Line::Time(i as Idx, v)))
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
        // A heading is a line only when short enough to be a date ("<h2
        // class=date>December 16, 2025</h2>"), not a section's title.
        let heading_ok = item.role != Role::Heading || item.chars <= DATE_HEADING_CHARS;
        if line && item.chars > 0 && item.chars <= MAX_LINE_CHARS && heading_ok {
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

/// A date shown by the headline.
pub(crate) struct Shown {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// Whether a label calls it the date of an update ("Last updated:").
    pub update: bool,
}

/// Labels of `data/date_update_labels.txt`.
fn update_labels() -> &'static [&'static str] {
    static LABELS: OnceLock<Vec<&'static str>> = OnceLock::new();
    LABELS.get_or_init(|| table::entries(include_str!("../../data/date_update_labels.txt")).collect())
}

/// Labels of `data/date_published_labels.txt`.
fn published_labels() -> &'static [&'static str] {
    static LABELS: OnceLock<Vec<&'static str>> = OnceLock::new();
    LABELS.get_or_init(|| table::entries(include_str!("../../data/date_published_labels.txt")).collect())
}

/// Where each of `labels` occurs in `text` (lower case) as a whole word or
/// phrase: the byte offset just past it.
fn label_ends<'t>(text: &'t str, labels: &'t [&'static str]) -> impl Iterator<Item = usize> + 't {
    labels.iter().flat_map(move |label| {
        text.match_indices(label).filter_map(move |(at, _)| {
            let end = at + label.len();
            let before = text[..at].chars().next_back();
            let after = text[end..].chars().next();
            (!before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric))
                .then_some(end)
        })
    })
}

/// True when `text` (lower case) holds an update label as a whole word or
/// phrase.
pub(crate) fn names_an_update(text: &str) -> bool {
    label_ends(text, update_labels()).next().is_some()
}

/// How far after a publication label its date may run, in bytes ("on
/// Thursday, 13 September 2023").
const LABELLED_DATE_BYTES: usize = 40;

/// The one date the page labels as its publication date anywhere on a
/// short line ("Published Feb 2, 2023", "Posted on April 13, 2023"); `None`
/// when no line or lines with different dates do (a list of posts).
pub(crate) fn labelled_publication(page: &Page<'_>, words: &DateWords) -> Option<String> {
    labelled_date(page, words, published_labels())
}

/// Labels of `data/date_original_labels.txt`.
fn original_labels() -> &'static [&'static str] {
    static LABELS: OnceLock<Vec<&'static str>> = OnceLock::new();
    LABELS.get_or_init(|| table::entries(include_str!("../../data/date_original_labels.txt")).collect())
}

/// The one date the page labels as its first publication anywhere on a
/// short line ("This article was originally published on 26 Sep 2019").
pub(crate) fn original_publication(page: &Page<'_>, words: &DateWords) -> Option<String> {
    labelled_date(page, words, original_labels())
}

/// The one date that follows one of `labels` on short lines of the page.
fn labelled_date(page: &Page<'_>, words: &DateWords, labels: &[&'static str]) -> Option<String> {
    let lines = page.items.iter().enumerate().filter_map(|(i, item)| {
        if item.el.is_none() || item.chars == 0 || item.chars > MAX_LINE_CHARS {
            return None;
        }
        // Read each line once: at the outermost short element.
        let parent = page.items.get(item.parent as usize);
        if parent.is_some_and(|p| p.chars <= MAX_LINE_CHARS) {
            return None;
        }
        Some(page.joined_text_of(i as Idx, " ").to_lowercase())
    });
    one_date_after(lines, words, labels)
}

/// The one date that follows a publication label on `lines` (lower case,
/// short lines of scraped text); `None` when none or several do.
pub(crate) fn publication_in_lines(lines: impl Iterator<Item = String>, words: &DateWords) -> Option<String> {
    one_date_after(lines, words, published_labels())
}

/// The labels of a publication's and of a first publication's date: for a
/// reader that picks out the lines that may hold one.
pub(crate) fn dating_labels() -> impl Iterator<Item = &'static str> {
    published_labels().iter().chain(original_labels()).copied()
}

/// True when `text` opens with a publication label ("Posted on ..."), in
/// either case of its ASCII letters.
pub(crate) fn opens_with_publication_label(text: &str) -> bool {
    published_labels().iter().any(|l| {
        text.get(..l.len()).is_some_and(|p| p.eq_ignore_ascii_case(l))
            && !text[l.len()..].starts_with(char::is_alphanumeric)
    })
}

/// The one date that follows a first publication's label on `lines`
/// (lower case, short lines of scraped text).
pub(crate) fn original_in_lines(lines: impl Iterator<Item = String>, words: &DateWords) -> Option<String> {
    one_date_after(lines, words, original_labels())
}

/// The one date that follows one of `labels` on `lines` (lower case):
/// `None` when none does or two differ.
fn one_date_after(
    lines: impl Iterator<Item = String>,
    words: &DateWords,
    labels: &[&'static str],
) -> Option<String> {
    let mut found: Option<String> = None;
    for text in lines {
        for end in label_ends(&text, labels) {
            let cut = (end..=(end + LABELLED_DATE_BYTES).min(text.len()))
                .rfind(|&at| text.is_char_boundary(at))
                .unwrap_or(end);
            if let Some(date) = date::find_in_text(&text[end..cut], words) {
                match &found {
                    Some(other) if *other != date => return None,
                    _ => found = Some(date),
                }
            }
        }
    }
    found
}

/// The text of a line before its first digit (where a date starts), lower
/// case: the date's label.
pub(crate) fn label_of(text: &str) -> String {
    text[..text.find(|c: char| c.is_ascii_digit()).unwrap_or(text.len())].to_lowercase()
}

/// The first date shown between `start` and the story's second paragraph,
/// with whether its label (on its line, or a line of its own just before)
/// names an update.
pub(crate) fn date_near(page: &Page<'_>, start: Idx, container: Idx, words: &DateWords) -> Option<Shown> {
    let mut label_line = false;
    scan(page, start, container, |line| {
        let (i, date, within) = match line {
            Line::Time(i, v) => {
                (i, date::to_iso(v, words).map(|d| d.get(..10).unwrap_or(&d).to_string()), String::new())
            }
            Line::Text(i) => {
                let text = page.joined_text_of(i, " | ");
                let parts: Vec<&str> = text.split(" | ").collect();
                let (date, within) = parts
                    .iter()
                    .enumerate()
                    .find_map(|(k, part)| {
                        let date = date::find_in_text(part, words)?;
                        Some((Some(date), format!("{} {}", parts[..k].join(" "), label_of(part))))
                    })
                    .unwrap_or_else(|| {
                        (date::find_in_text(&text.replace(" | ", " "), words), label_of(&text))
                    });
                // A <time> of the line says its date in ISO 8601, which a
                // date written in a form not read ("12/19 — 2025") may be.
                let date = time_within(page, i).or(date);
                (i, date, within)
            }
        };
        let Some(date) = date else {
            label_line = names_an_update(&label_of(&page.joined_text_of(i, " ")));
            return None;
        };
        let label = format!("{} {}", text_before(page, i), within).to_lowercase();
        let cut = (label.len().saturating_sub(LABEL_BYTES)..label.len())
            .find(|&at| label.is_char_boundary(at))
            .unwrap_or(label.len());
        let label = &label[cut..];
        Some(Shown { date, update: label_line || names_an_update(label) })
    })
}

/// The date of the first `<time datetime>` in ISO 8601 inside item `i`.
fn time_within(page: &Page<'_>, i: Idx) -> Option<String> {
    let end = page.items.get(i as usize).map_or(i, |t| t.end);
    time_dates(&page.items[i as usize..end as usize]).next()
}

/// True when, in ISO 8601, some `<time datetime>` of the page says `day`
/// (`YYYY-MM-DD`) and none says `rather_than`: one pass over the page.
pub(crate) fn times_say(page: &Page<'_>, day: &str, rather_than: &str) -> bool {
    let (mut said, mut other) = (false, false);
    for d in time_dates(&page.items) {
        said |= d == day;
        other |= d == rather_than;
    }
    said && !other
}

/// The days of the `<time datetime>`s in ISO 8601 among `items`.
fn time_dates<'a>(items: &'a [Item<'_>]) -> impl Iterator<Item = String> + 'a {
    items
        .iter()
        .filter_map(|t| t.el.filter(|el| el.name() == "time")?.attr("datetime"))
        .filter_map(date::machine_readable)
        .map(|d| d.get(..10).unwrap_or(&d).to_string())
}

/// How far before a date its label is looked for, in bytes.
const LABEL_BYTES: usize = 40;

/// The last text before item `i` inside its parent, up to about
/// [`LABEL_BYTES`]: a label set in a sibling ("<span>Last updated
/// on</span> <time>...</time>").
fn text_before(page: &Page<'_>, i: Idx) -> String {
    let Some(parent) = page.items.get(i as usize).map(|t| t.parent).filter(|&p| p != NONE) else {
        return String::new();
    };
    let mut parts = Vec::new();
    let mut bytes = 0;
    for item in page.items[parent as usize..i as usize].iter().rev() {
        if item.el.is_none() {
            parts.push(item.text.trim());
            bytes += item.text.len();
            if bytes >= LABEL_BYTES {
                break;
            }
        }
    }
    parts.reverse();
    parts.join(" ")
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
            author::after_label(&text)
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

/// A person's name set without a label just before the dateline, on its
/// line or on the line right above ("Jane Doe | 23.07.2025 | 6 min read"):
/// the byline of a template that prints the author's name and the date side
/// by side.
pub(crate) fn name_by_dateline(
    page: &Page<'_>,
    start: Idx,
    container: Idx,
    words: &DateWords,
) -> Option<Vec<String>> {
    // The last part of the line before, and where that line ends.
    let mut above = (String::new(), NONE);
    scan(page, start, container, |line| {
        let Line::Text(i) = line else { return None };
        let text = page.joined_text_of(i, " | ");
        let parts: Vec<&str> = text.split(" | ").map(str::trim).collect();
        let right_above = || page.items[above.1.min(i) as usize..i as usize].iter().all(|t| t.chars == 0);
        let found = parts.iter().position(|p| date::find_in_text(p, words).is_some()).and_then(|at| {
            let before = if at > 0 {
                parts[at - 1]
            } else if right_above() {
                above.0.as_str()
            } else {
                ""
            };
            let names = author::names(before, author::Source::Shown);
            (names.len() == 1 && author::is_person(&names[0]) && normalize(&names[0]) == normalize(before))
                .then_some(names)
        });
        above = (parts.last().map_or_else(String::new, |p| p.to_string()), page.items[i as usize].end);
        found
    })
}
