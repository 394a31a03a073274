//! Where the story is: the longest body of prose, extended over light
//! interruptions, with the short lines inside it judged by their
//! neighbours, and the headline above it.
//!
//! Furniture clusters at the top and bottom of a page; the story is the run
//! of paragraphs in between. Each paragraph adds its length (less a little),
//! and every line between two paragraphs costs something (the cells of a
//! table nothing): the story is the run of paragraphs with the highest
//! total, so an "Advertisement", an image file name or a table of figures
//! between paragraphs is crossed, and a footer of disclaimers and sign-up
//! calls or a list of headlines is not.

use std::sync::OnceLock;

use super::class::Class;
use super::line::{Ending, Line, fnv1a};
use super::tweet::TEXT_LINES;
use crate::meta::author;
use crate::table;

/// Separators between the parts of a path or a page title.
const PATH_SEPARATORS: &str = include_str!("../../data/text_path_separators.txt");
/// Words any story has, not compared with a headline's.
const TITLE_STOPWORDS: &str = include_str!("../../data/text_title_stopwords.txt");

/// The cost of crossing a line that opens a furniture section ("Related",
/// "Comments"), before its length: the story rarely resumes after one, but
/// may, after a box of links.
const SECTION_COST: i64 = 44;
/// The cost of crossing any furniture line, before its length: one line of
/// furniture between paragraphs is a sign the story may have ended.
const FURNITURE_COST: i64 = 16;
/// The cost of crossing a short or headline-like line between paragraphs.
const SHORT_COST: i64 = 1;
/// The most the short lines between two paragraphs cost together: a list
/// or a table of words in the story (a schedule, a comparison of products)
/// may run to hundreds of lines, and past this it is no likelier to be a
/// menu; a menu between the story and a sidebar still costs more than a
/// blurb weighs.
const SHORT_GAP_COST: i64 = 40;
/// What a paragraph's length is discounted by: a run of one-sentence
/// blurbs between headlines gains little, a story's paragraphs much.
const PARAGRAPH_DISCOUNT: i64 = 3;
/// Lines between a teaser's blurb and the paragraph before it (headline,
/// byline, date: at least two).
const TEASER_GAP: usize = 2;
/// Furniture labels this short ("Buy Now", "Advertisement") sit inside
/// stories too: dropped, but crossed almost as cheaply as a short line.
const LABEL_UNITS: u32 = 2;
/// The cost of crossing such a label.
const LABEL_COST: i64 = 2;
/// A table between paragraphs weighs a unit of prose per this many figures.
const FIGURES_PER_UNIT: u32 = 4;
/// A table after the story has at least this many figures.
const TABLE_CELLS: u32 = 8;
/// A list after the story has at least this many items.
const LIST_ITEMS: u32 = 3;
/// Its items have at least this many units: a count and what it counts
/// is one (a poll's "% 165 readers"), a bare count or phone number none.
const ITEM_UNITS: u32 = 2;
/// Inside the story, a line that only a weak cue condemns is kept when it
/// is this long, as long as a paragraph at its shortest
/// ([`is_weakly_condemned`]): "Facebook" alone is still a button.
const WEAK_CUE_UNITS: u32 = 6;
/// Its heading or lead-in has at most this many units.
const LEAD_IN_UNITS: u32 = 12;
/// A dateline on its own line has at most this many units.
const DATELINE_UNITS: u32 = 8;
/// The lines between a standfirst and the story's first paragraph (byline,
/// date, share buttons) number at most this many.
const BYLINE_LINES: usize = 8;
/// The story before a comment thread weighs at least this fraction (one
/// over it) of the heaviest zone: a thread may hold many times its prose.
const ZONE_SHARE: i64 = 8;
/// An author blurb closes the story when the prose before it weighs at
/// least this many times the prose from it on.
const BIO_SHARE: i64 = 4;
/// A sidebar's blurb is a sentence or two of at most this many units
/// ("Lose up to 10 kg in 14 days."); a story's closing sections run longer.
const BLURB_UNITS: u32 = 15;
/// Lines (the item's name, a headline) before each blurb of a sidebar.
const BLURB_GAP: usize = 2;
/// Blurbs closing the run, at least this many, make a sidebar.
const SIDEBAR_BLURBS: usize = 3;
/// Paragraphs after a line of furniture that resume the story: at least
/// this many (one alone is a blurb or a disclaimer).
const RESUMED_PARAGRAPHS: usize = 2;
/// A copy this many lines away or nearer makes a line a twin.
const TWIN_LINES: usize = 3;
/// Twins have at least this many units: shorter copies are table cells.
const TWIN_UNITS: u32 = 8;
/// A table header given twice has this many lines: fewer is a pair of
/// cells, more a list rather than a header.
const COPIED_BLOCK_LINES: std::ops::RangeInclusive<usize> = 3..=12;
/// Date stamps and contents headings this many lines apart or closer are
/// one head ("Published: ...", "Updated: ...", "Table of Contents").
const STAMP_BLOCK_LINES: usize = 4;
/// The story opens after the last such head in the run when the prose
/// after it weighs more than this many times the prose before it.
const STAMP_SHARE: i64 = 2;
/// A story's head gives at most this many date stamps ("Published: ...",
/// "Updated: ..."); a list of dated entries (reviews, a live blog's posts)
/// gives more.
const HEAD_STAMPS: usize = 2;
/// A story's headline stands this many lines above its date or nearer
/// (a byline between them), or as near under it.
const HEADLINE_LINES: usize = 2;
/// Lines before a contents heading that are mostly not paragraphs, more
/// than this many for each paragraph, are a menu's.
const MENU_LINES_PER_PARAGRAPH: usize = 2;
/// Headline length bounds, in units.
const TITLE_UNITS: std::ops::RangeInclusive<u32> = 3..=30;
/// A headline candidate this long is no menu label or section name.
const CLEAR_TITLE_UNITS: u32 = 6;
/// The headline is looked for first this many lines above the story, over
/// its byline, dates, share bar and picture.
const TITLE_LINES: usize = 8;
/// The story's opening that a headline sums up, in bytes: its first
/// paragraph or so (a whole story names much of what its page's menus do).
const OPENING_BYTES: usize = 600;
/// Words a headline and the opening are compared by have at least this
/// many letters (shorter ones are function words)...
const WORD_CHARS: usize = 4;
/// ... and are compared by this many first letters.
const STEM_CHARS: usize = 5;

/// The decision for a whole text.
pub(super) struct Story {
    /// Per line: part of the story.
    pub keep: Vec<bool>,
    /// The headline line, when one is evident above the story.
    pub title: Option<usize>,
}

/// Decides which `lines` (classed as `classes`) are the story.
pub(super) fn select(text: &str, lines: &[Line], classes: &[Class]) -> Story {
    let mut keep = vec![false; lines.len()];
    let Some((first, last)) = core(lines, classes) else {
        // No paragraph anywhere: a short text, kept but for furniture.
        for (k, c) in keep.iter_mut().zip(classes) {
            *k = matches!(c, Class::Good | Class::Near | Class::Short);
        }
        return Story { keep, title: None };
    };
    let last = cut_at_bio(lines, classes, first, last);
    let last = cut_at_section(lines, classes, first, last);
    let last = trim_tail(lines, classes, first, last);
    let last = cut_sidebar(lines, classes, first, last);
    let first = start_after_head(lines, classes, first, last);
    let first = trim_dek(lines, classes, first, last);
    let last = list_after(lines, classes, last).or_else(|| table_after(lines, classes, last)).unwrap_or(last);
    let last = tweets_after(lines, classes, last);
    let last = resumed_after(lines, classes, last);
    let last = sign_off_after(lines, classes, last);
    judge_inner_lines(lines, classes, first, last, &mut keep);
    // A note on where the story comes from closes it, though it opens with
    // a cue ("Originally published on Live Science."): the same note among
    // the furniture is the page's.
    if lines.get(last + 1).is_some_and(|l| l.source_note) {
        keep[last + 1] = true;
    }
    let mut head_end = first;
    if first > 0
        && (is_dateline(&lines[first - 1], classes[first - 1])
            || is_lead_in(&lines[first - 1], classes[first - 1]))
    {
        keep[first - 1] = true;
        head_end = first - 1;
    }
    Story { keep, title: title(text, lines, classes, head_end, last) }
}

/// The first and last paragraph of the story, or `None` when the text has
/// no paragraph. A comment-thread heading ends the story: each zone between
/// such headings has its best run of paragraphs, and the story is the first
/// of them that weighs at least 1/[`ZONE_SHARE`] of the heaviest
/// (readers may write many times more than the reporter did).
fn core(lines: &[Line], classes: &[Class]) -> Option<(usize, usize)> {
    let mut runs = Vec::new();
    let mut from = 0;
    let ends = (0..lines.len()).filter(|&i| lines[i].thread && !in_button_row(lines, i));
    for end in ends.chain(std::iter::once(lines.len())) {
        if let Some((mass, first, last)) = best_run(&lines[from..end], &classes[from..end]) {
            runs.push((mass, from + first, from + last));
        }
        from = end + 1;
    }
    let heaviest = runs.iter().map(|r| r.0).max()?;
    runs.into_iter().find(|r| r.0 * ZONE_SHARE >= heaviest).map(|(_, first, last)| (first, last))
}

/// A "Comments" between two labels of a word or two ("Twitter", "Print")
/// is a button in a share bar, not the heading of a thread.
fn in_button_row(lines: &[Line], i: usize) -> bool {
    let label = |j: Option<usize>| j.and_then(|j| lines.get(j)).is_some_and(|l| l.units <= LABEL_UNITS);
    label(i.checked_sub(1)) && label(Some(i + 1))
}

/// The run of paragraphs whose prose, less the furniture and short lines
/// between them, weighs most (Kadane's maximum subarray over the
/// paragraphs): its weight, first and last line.
fn best_run(lines: &[Line], classes: &[Class]) -> Option<(i64, usize, usize)> {
    let mut best: Option<(i64, usize, usize)> = None;
    // The best run ending at the previous paragraph, and the lines since it.
    let mut run: Option<(i64, usize)> = None;
    let mut gap = Gap::default();
    for (i, (line, class)) in lines.iter().zip(classes).enumerate() {
        if *class != Class::Good {
            gap.add(line, *class);
            continue;
        }
        let mass = i64::from(line.units) - PARAGRAPH_DISCOUNT;
        let cost = gap.cost();
        let (sum, from) = match run {
            Some((sum, from)) if sum - cost > 0 => (sum - cost + mass, from),
            _ => (mass, i),
        };
        run = Some((sum, from));
        if best.is_none_or(|(b, _, _)| sum > b) {
            best = Some((sum, from, i));
        }
        gap = Gap::default();
    }
    best
}

/// The lines between two paragraphs, and what crossing them costs.
#[derive(Default)]
struct Gap {
    /// The cost of every line.
    cost: i64,
    /// The part of it that short lines cost.
    short_cost: i64,
    /// Short lines, and how many of them are figures.
    shorts: u32,
    figures: u32,
}

impl Gap {
    fn add(&mut self, line: &Line, class: Class) {
        let cost = cost(line, class);
        self.cost += cost;
        if matches!(class, Class::Near | Class::Short | Class::Repeat) {
            self.short_cost += cost;
            self.shorts += 1;
            self.figures += u32::from(line.is_figure());
        }
    }

    /// A table (short lines, half of them figures or more) is crossed at
    /// the cost of its furniture alone, less a little for each figure: its
    /// cells are part of the story, and a story with a long table and short
    /// prose around it must still outweigh a sidebar of blurbs. Other short
    /// lines cost one each, up to [`SHORT_GAP_COST`] together.
    fn cost(&self) -> i64 {
        if self.figures * 2 >= self.shorts {
            self.cost - self.short_cost - i64::from(self.figures / FIGURES_PER_UNIT)
        } else {
            self.cost - self.short_cost + self.short_cost.min(SHORT_GAP_COST)
        }
    }
}

/// The story's last line once the furniture that closes the run is cut,
/// block by block from the end (a block: paragraphs with nothing between
/// them). A list of other stories reads as a paragraph each (the blurb)
/// behind a headline, a byline or a date: a lone paragraph after two lines
/// or more, one of them headline-like, repeated or furniture (or three
/// lines of any kind), is a teaser. An author
/// blurb opens with the name on a line above it. The story's own closing
/// paragraph, after a subheading, is a lone paragraph after one line; and
/// lines after a lead-in ending in a colon ("The plans on offer:") are the
/// story's list, not a teaser's headline and byline.
fn trim_tail(lines: &[Line], classes: &[Class], first: usize, last: usize) -> usize {
    let mut end = last;
    loop {
        let mut start = end;
        while start > first && classes[start - 1] == Class::Good {
            start -= 1;
        }
        // The paragraph before the block, in the run.
        let Some(prev) = (first..start).rev().find(|&i| classes[i] == Class::Good) else { return end };
        let gap = &classes[prev + 1..start];
        let lead_in =
            gap.first().is_some_and(|c| *c != Class::Bad) && lines[prev + 1].ending == Ending::Colon;
        let teaser = start == end
            && !lead_in
            && gap.len() >= TEASER_GAP
            && (gap.len() > TEASER_GAP || gap.iter().any(|c| *c != Class::Short));
        if !teaser && !lines[start].bio {
            return end;
        }
        end = prev;
    }
}

/// The story's last line once a sidebar that closes the run is cut: at
/// least [`SIDEBAR_BLURBS`] lone paragraphs of a sentence or two
/// ([`BLURB_UNITS`]), each behind a line or two and no furniture (the
/// item's name or headline: "Protein diet", "Popular with an active
/// life. Lose up to 10 kg in 14 days.", "Cabbage diet", ...). The teasers
/// `trim_tail` peels have a byline or a date too; these have a name alone.
fn cut_sidebar(lines: &[Line], classes: &[Class], first: usize, last: usize) -> usize {
    let (mut end, mut blurbs) = (last, 0);
    while end > first && classes[end - 1] != Class::Good && lines[end].units <= BLURB_UNITS {
        let Some(prev) = (first..end).rev().find(|&i| classes[i] == Class::Good) else { break };
        let gap = &classes[prev + 1..end];
        if gap.len() > BLURB_GAP || gap.contains(&Class::Bad) {
            break;
        }
        blurbs += 1;
        end = prev;
    }
    if blurbs >= SIDEBAR_BLURBS { end } else { last }
}

/// The story's last line once an author blurb inside the run, and all
/// after it, is cut: the blurb closes the story, and what follows it (the
/// author's links, a sign-up box, other stories) is the page's. A blurb
/// followed by more than 1/[`BIO_SHARE`] of the prose before it is a
/// profile in a list of people or firms ("Oracle is a leading ..."), not
/// the author's.
fn cut_at_bio(lines: &[Line], classes: &[Class], first: usize, last: usize) -> usize {
    let mass = |range: std::ops::Range<usize>| -> i64 {
        range.filter(|&i| classes[i] == Class::Good).map(|i| i64::from(lines[i].units)).sum()
    };
    let Some(bio) = (first + 1..=last).find(|&i| lines[i].bio && classes[i] == Class::Good) else {
        return last;
    };
    let Some(prev) = (first..bio).rev().find(|&i| classes[i] == Class::Good) else { return last };
    if mass(first..bio) >= BIO_SHARE * mass(bio..last + 1) { prev } else { last }
}

/// The story's last line once a furniture section's heading inside the
/// run ("More From the Times", "Related Terms", "About the Author") closes
/// it: when only lone paragraphs follow the heading to the run's end (a
/// blurb each behind a headline, a name or a label), they are teasers or
/// profiles, not the story resumed (which comes back in paragraphs).
fn cut_at_section(lines: &[Line], classes: &[Class], first: usize, last: usize) -> usize {
    let Some(heading) = (first + 1..last).rev().find(|&i| classes[i] == Class::Bad && lines[i].section)
    else {
        return last;
    };
    let lone = (heading + 1..last).all(|i| classes[i] != Class::Good || classes[i + 1] != Class::Good);
    match (first..heading).rev().find(|&i| classes[i] == Class::Good) {
        Some(prev) if lone => prev,
        _ => last,
    }
}

/// The story's first paragraph once the blurbs of a menu above its head
/// are cut: the story's date stamp (with its "Updated:" perhaps) stands
/// under its headline, and its table of contents under that, and a run
/// that crosses them from a mega-menu's promos ("Get financing and
/// flexibility with our card.") or a list of other headlines carries far
/// less prose before them than after. The last block of such lines is the
/// story's: the dates of a list of events or of teasers inside the story
/// come earlier, with much prose before them. A table of contents often
/// follows the story's own opening paragraphs, so without a date it opens
/// the story only when the lines before it are mostly not paragraphs. A
/// date under the story's headline opens it after such lines however much
/// prose they carry.
fn start_after_head(lines: &[Line], classes: &[Class], first: usize, last: usize) -> usize {
    let marker = |i: usize| (lines[i].stamp || lines[i].contents) && classes[i] == Class::Bad;
    let Some(mut head) = (first + 1..last).rev().find(|&i| marker(i)) else { return first };
    let mut stamps = usize::from(lines[head].stamp);
    while let Some(i) = (head.saturating_sub(STAMP_BLOCK_LINES)..head).find(|&i| i > first && marker(i)) {
        head = i;
        stamps += usize::from(lines[i].stamp);
    }
    let dated = stamps > 0;
    let Some(next) = (head + 1..=last).find(|&i| classes[i] == Class::Good) else { return first };
    let mass = |range: std::ops::Range<usize>| -> i64 {
        range
            .filter(|&i| classes[i] == Class::Good)
            .map(|i| i64::from(lines[i].units) - PARAGRAPH_DISCOUNT)
            .sum()
    };
    let paragraphs = (first..head).filter(|&i| classes[i] == Class::Good).count();
    let menu = head - first - paragraphs > MENU_LINES_PER_PARAGRAPH * paragraphs;
    let light = mass(first..head) * STAMP_SHARE < mass(head..last + 1);
    // A story's own headline right above its date: the prose before them
    // is a menu's however much it weighs, when lines that are not
    // paragraphs outnumber its paragraphs (a mega-menu's labels and its
    // promos of other stories, headline and blurb on one line).
    let headed = dated
        && stamps <= HEAD_STAMPS
        && (head.saturating_sub(HEADLINE_LINES)..head)
            .any(|i| i > first && is_headline(&lines[i], classes[i]) && lines[i].units >= CLEAR_TITLE_UNITS);
    if (light && (dated || menu)) || (headed && menu) { next } else { first }
}

/// The story's first paragraph once a standfirst (dek) is cut: a lone
/// paragraph right under a headline-like line, with furniture (a byline, a
/// date, a share bar) in the few lines between it and the next paragraph.
/// The story's own first paragraph follows the byline, not the headline.
fn trim_dek(lines: &[Line], classes: &[Class], first: usize, last: usize) -> usize {
    let Some(next) = (first + 1..=last).find(|&i| classes[i] == Class::Good) else { return first };
    let under_headline = first > 0 && is_headline(&lines[first - 1], classes[first - 1]);
    // A caption between them is the picture's, not a byline.
    let bylined = next - first - 1 <= BYLINE_LINES
        && (first + 1..next).any(|i| classes[i] == Class::Bad && !lines[i].caption);
    if under_headline && bylined { next } else { first }
}

/// The last line of a list that closes the story, if any: right
/// after the last paragraph, a heading or lead-in perhaps, then items of
/// [`ITEM_UNITS`] or more, numbered or dated (`leading_figure`) or opened
/// by a label and a colon ("Motion: inbound vs. field"), at least
/// [`LIST_ITEMS`] of them, a link or label of a word or two allowed after
/// each ("Tour dates:", "June 9 – Tampa, FL", ...). Menus and lists of
/// headlines are neither numbered nor labelled; their dates stand on lines
/// of their own.
fn list_after(lines: &[Line], classes: &[Class], last: usize) -> Option<usize> {
    let plain = |i: usize| !matches!(classes[i], Class::Bad | Class::Good);
    let item =
        |i: usize| plain(i) && (lines[i].leading_figure || lines[i].labelled) && lines[i].units >= ITEM_UNITS;
    let mut at = last + 1;
    if at < lines.len() && plain(at) && !item(at) && lines[at].units <= LEAD_IN_UNITS {
        at += 1;
    }
    let (mut items, mut end) = (0, last);
    while at < lines.len() && item(at) {
        items += 1;
        end = at;
        at += 1;
        if at < lines.len() && plain(at) && !item(at) && lines[at].units <= LABEL_UNITS {
            at += 1;
        }
    }
    (items >= LIST_ITEMS).then_some(end)
}

/// The last line of a table that closes the story, if any: the
/// short lines right after the last paragraph, up to the next paragraph or
/// furniture, when half of them or more are figures or numbered rows
/// ("84.7", "1. San Jose, CA") and those number at least [`TABLE_CELLS`]
/// (a share bar's three counts are no table).
fn table_after(lines: &[Line], classes: &[Class], last: usize) -> Option<usize> {
    let run = lines[last + 1..]
        .iter()
        .zip(&classes[last + 1..])
        .take_while(|(_, c)| matches!(c, Class::Near | Class::Short | Class::Repeat));
    let (mut len, mut figures, mut end) = (0, 0, last);
    for (i, (line, _)) in run.enumerate() {
        len += 1;
        if line.is_figure() || line.numbered {
            figures += 1;
            end = last + 1 + i;
        }
    }
    (figures >= TABLE_CELLS && figures * 2 >= len).then_some(end)
}

/// The last line of the tweets that close the story, if any: each a
/// signature ("— Jane Doe (@janedoe) November 18, 2019") within a tweet's
/// text of the line before, nothing condemned between. A story quotes a
/// tweet as it quotes anyone; a page's own links to its account have no
/// signature.
fn tweets_after(lines: &[Line], classes: &[Class], last: usize) -> usize {
    let mut end = last;
    while let Some(sign) = (end + 1..lines.len().min(end + 2 + TEXT_LINES))
        .take_while(|&i| classes[i] != Class::Bad || lines[i].signature)
        .find(|&i| lines[i].signature)
    {
        end = sign;
    }
    end
}

/// The story's last line once the story resumed after one line of
/// furniture is taken in: two paragraphs or more of sentences, and then no
/// paragraph ("CLICK HERE TO GET THE APP", then the story's closing
/// paragraphs, then "Related articles"). A thread's heading ends the story,
/// and so does a blurb under the name it opens with ("About Acme", "Acme is
/// a leading ...").
fn resumed_after(lines: &[Line], classes: &[Class], last: usize) -> usize {
    let gap = last + 1;
    if gap + 1 >= lines.len() || classes[gap] != Class::Bad || lines[gap].thread || lines[gap + 1].bio {
        return last;
    }
    let sentence = |i: usize| classes.get(i) == Some(&Class::Good) && lines[i].ending == Ending::Stop;
    let mut end = gap;
    while sentence(end + 1) {
        end += 1;
    }
    let closed = classes.get(end + 1) != Some(&Class::Good);
    if end >= gap + RESUMED_PARAGRAPHS && closed { end } else { last }
}

/// The story's last line once a sign-off right after its last line is
/// taken in: a short sentence closed by a full stop or an exclamation mark
/// ("Happy coding!", "Thanks, Junior!", "Until next time…"), too short for a
/// paragraph, or a sentence's worth of lead-in closed by a colon ("Twitter
/// seemed a bit confused by the campaign:"). What the page puts after a
/// story is headings, labels ("Explore more:"), names and questions ("Like
/// this article?"), not sentences.
fn sign_off_after(lines: &[Line], classes: &[Class], last: usize) -> usize {
    let signs_off = |i: usize| {
        (matches!(classes[i], Class::Short | Class::Near)
            && matches!(lines[i].ending, Ending::Stop | Ending::Exclamation))
            || (classes[i] == Class::Near && lines[i].ending == Ending::Colon)
    };
    if last + 1 < lines.len() && signs_off(last + 1) { last + 1 } else { last }
}

/// What crossing a line that is not a paragraph costs the story around it:
/// furniture weighs by its length (and a section heading more), a short
/// line, a headline-like line or a furniture label a little.
fn cost(line: &Line, class: Class) -> i64 {
    let units = i64::from(line.units);
    match class {
        Class::Bad if line.caption => SHORT_COST,
        Class::Bad if line.contents => LABEL_COST,
        Class::Bad if line.units <= LABEL_UNITS && !(line.section || line.thread || line.stamp) => LABEL_COST,
        Class::Bad if line.section => SECTION_COST + 2 * units,
        Class::Bad => FURNITURE_COST + 2 * units,
        Class::Near | Class::Short | Class::Repeat => SHORT_COST,
        Class::Good => 0,
    }
}

/// Decides the lines between the first and last paragraph: paragraphs stay
/// (but for two in a row given outside the story too: a ticker's blurbs
/// printed above and below it are the page's, and the story says a thing
/// once),
/// furniture goes, and the short lines between paragraphs (subheadings,
/// quote intros, list items, table cells, even repeated ones like "Pros")
/// stay unless they follow a section heading such as "Related" or the
/// heading of a table of contents (its entries), or are labels of a word
/// or two met outside the story too (a menu's "Business", "Video", even
/// when the story has it twice: a menu inside the story is no rarer).
fn judge_inner_lines(lines: &[Line], classes: &[Class], first: usize, last: usize, keep: &mut [bool]) {
    // The labels met outside the story, but for a table of contents'
    // entries: the story's own subheadings, listed above it.
    let mut outside = Vec::new();
    // The paragraphs given outside the story too. Two in a row are a
    // ticker's blurbs printed above and below the story; one alone may be
    // the story's own opening, quoted again under its headline in a list
    // of teasers.
    let mut copied_outside = Vec::new();
    let mut in_contents = false;
    for i in (0..first).chain(last + 1..lines.len()) {
        in_contents = (in_contents && i != last + 1 && classes[i] != Class::Good) || lines[i].contents;
        if !in_contents && lines[i].repeated && lines[i].units <= LABEL_UNITS {
            outside.push(lines[i].key);
        }
        if lines[i].copied {
            copied_outside.push(lines[i].key);
        }
    }
    outside.sort_unstable();
    copied_outside.sort_unstable();
    let menu_label = |l: &Line| l.units <= LABEL_UNITS && outside.binary_search(&l.key).is_ok();
    let copy_of_outside = |l: &Line| l.copied && copied_outside.binary_search(&l.key).is_ok();
    // After a section or contents heading, up to the next paragraph: short
    // lines are its entries, and so are headlines that read as sentences
    // ("Video shows rescue: 'We got her!'", "What is SEO?").
    let copies = second_copies(&lines[first..=last]);
    let doubled = doubled_blocks(&lines[first..=last], &classes[first..=last]);
    let mut in_section = false;
    for i in first..=last {
        match classes[i] {
            Class::Good if in_section && lines[i].units <= BLURB_UNITS && lines[i].ending != Ending::Stop => {
            }
            Class::Good => {
                let ticker = |j: usize| (first..=last).contains(&j) && copy_of_outside(&lines[j]);
                keep[i] = !(ticker(i) && (ticker(i.wrapping_sub(1)) || ticker(i + 1)));
                in_section = false;
            }
            Class::Bad if !in_section && is_weakly_condemned(&lines[i]) => keep[i] = true,
            Class::Bad => in_section |= lines[i].section || lines[i].contents,
            Class::Repeat => {
                keep[i] = !in_section
                    && !menu_label(&lines[i])
                    && !is_twin(lines, i)
                    && !copies[i - first]
                    && !doubled[i - first];
            }
            Class::Near | Class::Short => keep[i] = !in_section && !doubled[i - first],
        }
    }
}

/// True when line `i`, a headline or caption's length, has a copy a few
/// lines from it: a teaser's headline given twice (its picture's alt text
/// and its link), a caption and its picture's alt text. The story says a
/// thing once; its table cells repeat, but are shorter.
/// A line of some length condemned by one weak cue alone ("How Facebook
/// Live works for creators", "Shopify offers a three-day free trial"):
/// between the story's paragraphs it is the story's subheading or list
/// item, not a button. Around the story the same cue still condemns it.
fn is_weakly_condemned(line: &Line) -> bool {
    line.cue == 1
        && line.units >= WEAK_CUE_UNITS
        && !(line.section || line.thread || line.contents || line.stamp || line.caption || line.repeated)
}

fn is_twin(lines: &[Line], i: usize) -> bool {
    let line = &lines[i];
    let near = i.saturating_sub(TWIN_LINES)..(i + TWIN_LINES + 1).min(lines.len());
    line.units >= TWIN_UNITS
        && near.filter(|&j| j != i).any(|j| lines[j].repeated && lines[j].key == line.key)
}

/// Per line: part of the second copy of a block of different short lines
/// given twice in a row, a table's header repeated for a header that stays
/// on screen ("Pos", "Player", "Plays", then the same again). The first
/// copy is the table's.
fn second_copies(lines: &[Line]) -> Vec<bool> {
    let mut copies = vec![false; lines.len()];
    for len in COPIED_BLOCK_LINES {
        for start in len..=lines.len().saturating_sub(len) {
            let block = &lines[start..start + len];
            let copied =
                block.iter().zip(&lines[start - len..start]).all(|(l, m)| l.repeated && l.key == m.key);
            if copied && block.iter().enumerate().all(|(j, l)| block[..j].iter().all(|m| m.key != l.key)) {
                copies[start..start + len].fill(true);
            }
        }
    }
    copies
}

/// Per line: part of a block of lines that are not paragraphs, longer than
/// a table's header, given twice in a row, both copies: a menu a page
/// writes once for wide screens and once for narrow ones ("Alabama LLC",
/// "Alaska LLC", ... and the same again). A story's list is written once;
/// a block with paragraphs in it is the story given twice, whose lines
/// stay.
fn doubled_blocks(lines: &[Line], classes: &[Class]) -> Vec<bool> {
    let mut doubled = vec![false; lines.len()];
    // Where each line's next copy is.
    let mut next = vec![None; lines.len()];
    let mut seen = std::collections::HashMap::new();
    for (i, line) in lines.iter().enumerate().rev().filter(|(_, l)| l.repeated || l.copied) {
        next[i] = seen.insert(line.key, i);
    }
    let mut i = 0;
    while i < lines.len() {
        if let Some(d) = next[i].map(|j| j - i).filter(|&d| d > *COPIED_BLOCK_LINES.end()) {
            let same = (i..lines.len() - d)
                .take_while(|&k| lines[k].key == lines[k + d].key && classes[k] != Class::Good)
                .count();
            if same >= d {
                doubled[i..i + d + same].fill(true);
                i += d + same;
                continue;
            }
        }
        i += 1;
    }
    doubled
}

/// A short line ending in a dash right above the first paragraph:
/// "KABUL, Afghanistan (AP) —".
fn is_dateline(line: &Line, class: Class) -> bool {
    class != Class::Bad && line.units <= DATELINE_UNITS && line.ending == Ending::Dash
}

/// A line right above the first paragraph that leads into it: a lead-in
/// ending in a colon ("Key takeaways:", "Here is what changed:") or a short
/// question heading ("What is mesh Wi-Fi?"). A longer question is the
/// headline's; a menu's label repeats.
fn is_lead_in(line: &Line, class: Class) -> bool {
    match line.ending {
        Ending::Colon => matches!(class, Class::Short | Class::Near),
        Ending::Question | Ending::Exclamation => class == Class::Short,
        _ => false,
    }
}

/// A line that reads like a headline: not furniture, headline length, not
/// a sentence or a label.
fn is_headline(line: &Line, class: Class) -> bool {
    class != Class::Bad
        && TITLE_UNITS.contains(&line.units)
        && matches!(line.ending, Ending::Other | Ending::Question | Ending::Exclamation)
        && !line.start_cue
}

/// The headline: a line that reads like one (not furniture, headline
/// length, not a sentence or a label) too long for a menu label, the
/// nearest above the last date stamp before the story (over the byline)
/// within [`TITLE_LINES`], else right under it (a date may head the
/// headline, as its section's label does). Without one, the nearest such
/// line within [`TITLE_LINES`] above the story, one not mostly lowercase
/// first (a lead picture's caption is); else the nearest shorter one there
/// ("Healthy Eating Tips"); else the first long one further up, else the
/// longest shorter one. A page's banners and menu lines come first, its
/// headline last, over the byline and the story; between the headline and
/// the story stand standfirsts, credits, share bars and calls that read
/// like headlines too, and the date tells the headline from them. A
/// sentence-case line right under another long one is its standfirst. A
/// breadcrumb or a page title with its site's name ([`is_path`]) is the
/// headline only when no other line reads like one. A table
/// of contents between them lists the story's subheadings: its lines are
/// neither the headline nor counted in the distance to the story.
fn title(text: &str, lines: &[Line], classes: &[Class], head_end: usize, last: usize) -> Option<usize> {
    let entries = contents_entries(lines, classes, head_end, last);
    // How far above the story a line stands, a table of contents' lines
    // not counted.
    let mut above = vec![0; head_end];
    let mut d = 0;
    for i in (0..head_end).rev() {
        above[i] = d;
        d += usize::from(!entries[i]);
    }
    let line_text = |i: usize| &text[lines[i].start..lines[i].end];
    // A name with its credentials under the headline ("Jane Doe, MD")
    // reads like one.
    let headline_like = |i: &usize| {
        !entries[*i] && is_headline(&lines[*i], classes[*i]) && !author::is_credited_name(line_text(*i))
    };
    let path = |i: &usize| is_path(line_text(*i));
    // A path or a page title is the headline only when no other line is.
    let paths = (0..head_end).filter(headline_like).all(|i| path(&i));
    let named: Vec<bool> = (0..head_end).map(|i| headline_like(&i) && (paths || !path(&i))).collect();
    // A line that names what the story opens with is the headline over
    // one that does not, when any does.
    let opening = Opening::new(text, lines, classes, head_end, last);
    // Read once each, when asked: most pages ask of a few lines near the story.
    let read = vec![std::cell::Cell::new(None); head_end];
    let about = |i: usize| {
        named[i]
            && read[i].get().unwrap_or_else(|| {
                let shares = opening.shares(line_text(i));
                read[i].set(Some(shares));
                shares
            })
    };
    let topical = (0..head_end).rev().any(about);
    let candidates = (0..head_end).filter(|&i| if topical { about(i) } else { named[i] });
    let clear = |i: &usize| lines[*i].units >= CLEAR_TITLE_UNITS;
    let over_date = (0..head_end).rev().find(|&i| lines[i].stamp).and_then(|date| {
        let over = candidates.clone().rev().skip_while(|&i| i > date);
        let mut under =
            candidates.clone().skip_while(|&i| i < date).take_while(|&i| i <= date + HEADLINE_LINES);
        over.take_while(|&i| above[i] < above[date] + TITLE_LINES).find(clear).or_else(|| under.find(clear))
    });
    let window = candidates.clone().rev().take_while(|&i| above[i] < TITLE_LINES);
    let near = window.clone().filter(clear);
    over_date
        .or_else(|| near.clone().find(|&i| !lines[i].is_mostly_lowercase()))
        .or_else(|| near.clone().next())
        .or_else(|| window.clone().next())
        .or_else(|| candidates.clone().find(clear))
        .or_else(|| candidates.clone().rev().max_by_key(|&i| lines[i].units))
        .map(|t| match t.checked_sub(1) {
            // A sentence-case line right under a long headline-like line is
            // its standfirst.
            Some(above)
                if lines[t].is_mostly_lowercase()
                    && clear(&above)
                    && candidates.clone().any(|i| i == above) =>
            {
                above
            }
            _ => t,
        })
}

/// The words of the story's opening, by their stems: a headline names
/// what the story opens with; a control ("Report this article", "Become a
/// dealer") or a promo above it does not.
struct Opening {
    /// The stems' hashes, sorted.
    stems: Vec<u64>,
}

impl Opening {
    /// The words of the paragraphs from `first` on, up to
    /// [`OPENING_BYTES`].
    fn new(text: &str, lines: &[Line], classes: &[Class], first: usize, last: usize) -> Opening {
        let mut stems = Vec::new();
        let mut bytes = 0;
        for i in (first..=last).filter(|&i| classes[i] == Class::Good) {
            // A page on one line is read no further than a paragraph.
            let mut end = lines[i].end.min(lines[i].start + OPENING_BYTES - bytes);
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            let line = &text[lines[i].start..end];
            stems.extend(words(line).filter_map(stem));
            bytes += line.len();
            if bytes >= OPENING_BYTES {
                break;
            }
        }
        stems.sort_unstable();
        stems.dedup();
        Opening { stems }
    }

    /// `line` has a word of the opening's, by its stem.
    fn shares(&self, line: &str) -> bool {
        words(line).filter_map(stem).any(|s| self.stems.binary_search(&s).is_ok())
    }
}

fn words(line: &str) -> impl Iterator<Item = &str> {
    line.split(|c: char| !c.is_alphanumeric())
}

/// A word's stem, hashed: its first [`STEM_CHARS`] letters, lowercase
/// ("camera", "cameras"); `None` for a word shorter than [`WORD_CHARS`], a
/// figure, or a word any text has (`data/text_title_stopwords.txt`).
fn stem(word: &str) -> Option<u64> {
    static STOP: OnceLock<Vec<&'static str>> = OnceLock::new();
    let mut letters = 0;
    for c in word.chars() {
        if !c.is_alphabetic() {
            return None;
        }
        letters += 1;
    }
    if letters < WORD_CHARS {
        return None;
    }
    let stop = STOP.get_or_init(|| {
        let mut words: Vec<&str> = table::entries(TITLE_STOPWORDS).collect();
        words.sort_unstable();
        words
    });
    if word.is_ascii() {
        // Most words: folded as they are read, no copy.
        let folded = || word.bytes().map(|b| b.to_ascii_lowercase());
        if stop.binary_search_by(|s| s.bytes().cmp(folded())).is_ok() {
            return None;
        }
        return Some(fnv1a(folded().take(STEM_CHARS)));
    }
    let lower = word.to_lowercase();
    if stop.binary_search(&lower.as_str()).is_ok() {
        return None;
    }
    let end = lower.char_indices().nth(STEM_CHARS).map_or(lower.len(), |(at, _)| at);
    Some(fnv1a(lower[..end].bytes()))
}

/// A breadcrumb ("Home / Blog / Story") or a page title with its site's
/// name ("Story | Site"): a separator of `data/text_path_separators.txt`
/// stands as a word of its own in `line`.
fn is_path(line: &str) -> bool {
    static SEPARATORS: OnceLock<Vec<&'static str>> = OnceLock::new();
    let separators = SEPARATORS.get_or_init(|| table::entries(PATH_SEPARATORS).collect());
    // Most words hold a letter or a digit: only the others are looked up.
    line.split_whitespace().filter(|w| !w.chars().any(char::is_alphanumeric)).any(|w| separators.contains(&w))
}

/// Per line above the story (to `head_end`): part of a table of contents
/// that ends right above the story, from its heading to the last of its
/// entries, the headline-like lines given again inside the story (to
/// `last`) as its subheadings. The headline may follow the entries, with
/// its byline.
fn contents_entries(lines: &[Line], classes: &[Class], head_end: usize, last: usize) -> Vec<bool> {
    let mut entries = vec![false; head_end];
    let Some(heading) =
        (0..head_end).rev().take_while(|&i| classes[i] != Class::Good).filter(|&i| lines[i].contents).last()
    else {
        return entries;
    };
    let mut in_story: Vec<u64> =
        lines[head_end..=last].iter().filter(|l| l.repeated).map(|l| l.key).collect();
    in_story.sort_unstable();
    let end = (heading..head_end)
        .rev()
        .find(|&i| {
            lines[i].repeated
                && is_headline(&lines[i], classes[i])
                && in_story.binary_search(&lines[i].key).is_ok()
        })
        .unwrap_or(heading);
    entries[heading..=end].fill(true);
    entries
}

#[cfg(test)]
mod tests {
    use crate::TextCleaner;
    use crate::text::paragraph;

    #[test]
    fn title_stopwords_are_lowercase() {
        for word in crate::table::entries(super::TITLE_STOPWORDS) {
            assert!(word == word.to_lowercase(), "{word}");
        }
    }

    #[test]
    fn a_stem_is_the_first_letters_lowercase_and_stopwords_have_none() {
        use super::stem;
        assert_eq!(stem("Cameras"), stem("camera"));
        assert_eq!(stem("Überall"), stem("überaus"));
        assert_ne!(stem("Cameras"), stem("Camping"));
        assert_eq!(stem("About"), None);
        assert_eq!(stem("2026"), None);
        assert_eq!(stem("the"), None);
    }

    #[test]
    fn the_headline_names_what_the_story_opens_with_a_promo_nearer_it_does_not() {
        let text = "Home\nShop\nWhich Robot Mower Suits Which Lawn Size?\n\
                    Become a Dealer and Grow Your Business\n\
                    A robot mower for a small lawn needs little battery; one for a large lawn needs a bigger one and \
                    a wider blade, or it will never finish before it has to go back to its dock.\n\
                    Lawns with slopes, narrow passages or several separate areas call for a mower with wheel \
                    drive and zones, whatever their size, and cost more to set up.\n";
        let doc = TextCleaner::new().clean(text);
        assert_eq!(doc.meta.title.as_deref(), Some("Which Robot Mower Suits Which Lawn Size?"), "{text}");
    }

    #[test]
    fn the_headline_stands_above_a_table_of_contents_not_in_it() {
        let subheadings = [
            "Why prices in the region rose again",
            "Where the new buyers came from this year",
            "What sellers in the region expect next",
            "How the council plans to answer",
        ];
        let mut text = String::from("Home\nNews\nPrices rise again across the whole region\nBy Ann Lee\n");
        text.push_str("Table of Contents\nKey takeaways\n");
        text.extend(subheadings.iter().map(|s| format!("{s}\n")));
        for (n, subheading) in subheadings.iter().enumerate() {
            text.push_str(&format!("{}\n{subheading}\n{}\n", paragraph(2 * n + 1), paragraph(2 * n + 2)));
        }
        let doc = TextCleaner::new().clean(&text);
        assert_eq!(doc.meta.title.as_deref(), Some("Prices rise again across the whole region"), "{text}");
        assert!(doc.text.starts_with("Paragraph 1"), "{}", doc.text);
    }

    #[test]
    fn the_headline_stands_over_the_date_not_the_headline_like_lines_after_it() {
        let headline = "Prices rise again across the whole region";
        let head = format!(
            "Home\nNews\n{headline}\nBy Ann Lee\nJune 2, 2024\nA guide to what buyers pay in every town\n\
             Michael Smith, Senior Market Analyst\n"
        );
        let text = format!("{head}{}\n{}\n", paragraph(1), paragraph(2));
        let doc = TextCleaner::new().clean(&text);
        assert_eq!(doc.meta.title.as_deref(), Some(headline), "{text}");
        // A date may head the headline, as a section's label does.
        let text = format!("Home\nNews\nJune 2, 2024\n{headline}\n{}\n{}\n", paragraph(1), paragraph(2));
        let doc = TextCleaner::new().clean(&text);
        assert_eq!(doc.meta.title.as_deref(), Some(headline), "{text}");
    }

    #[test]
    fn a_reviewers_or_fact_checkers_credit_is_no_headline() {
        let headline = "Prices rise again across the whole region";
        for credit in ["Reviewed by: Dr Jane Roe, CPA, CFP", "Fact checked by Jane Roe and John Doe"] {
            let text =
                format!("Home\nNews\n{headline}\nBy Ann Lee\n{credit}\n{}\n{}\n", paragraph(1), paragraph(2));
            let doc = TextCleaner::new().clean(&text);
            assert_eq!(doc.meta.title.as_deref(), Some(headline), "{text}");
        }
    }

    #[test]
    fn a_standfirst_right_under_the_headline_is_no_headline() {
        let headline = "Prices rise again across the whole region";
        let text = format!(
            "Home\nNews\n{headline}\nwhat buyers and sellers in every town can expect next year\nBy Ann Lee\n\
             June 2, 2024\n{}\n{}\n",
            paragraph(1),
            paragraph(2)
        );
        let doc = TextCleaner::new().clean(&text);
        assert_eq!(doc.meta.title.as_deref(), Some(headline), "{text}");
    }

    #[test]
    fn a_breadcrumb_or_a_page_title_is_the_headline_only_when_no_other_line_is() {
        let story = format!("{}\n{}\n", paragraph(1), paragraph(2));
        let text =
            format!("Home\nNews\nHome / News / Prices rise again today\nPrices rise again today\n{story}");
        let doc = TextCleaner::new().clean(&text);
        assert_eq!(doc.meta.title.as_deref(), Some("Prices rise again today"), "{text}");
        let text = format!("Home\nNews\nPrices rise again today | The Harbour Gazette\n{story}");
        let doc = TextCleaner::new().clean(&text);
        assert_eq!(
            doc.meta.title.as_deref(),
            Some("Prices rise again today | The Harbour Gazette"),
            "{text}"
        );
    }

    #[test]
    fn a_skip_link_or_a_citation_control_is_no_headline_but_a_sentence_so_opened_stays() {
        let headline = "Prices rise again across the whole region";
        let sentence = "Skip to the third table if you only want the prices of homes in the city.";
        let text = format!(
            "Home\nNews\n{headline}\nBy Ann Lee\nSkip to the table of contents below\n\
             Cite this article in your own references\n{}\n{sentence}\n{}\n",
            paragraph(1),
            paragraph(2)
        );
        let doc = TextCleaner::new().clean(&text);
        assert_eq!(doc.meta.title.as_deref(), Some(headline), "{text}");
        assert!(doc.text.contains(sentence), "{}", doc.text);
    }

    #[test]
    fn a_long_table_of_figures_between_paragraphs_stays_in_the_story() {
        let mut text = format!("{}\n{}\nYear\nPrice\n", paragraph(1), paragraph(2));
        for year in 2000..2040 {
            text.push_str(&format!("{year}\n${},000\n", 200 + year % 17));
        }
        text.push_str(&format!("{}\n{}\n", paragraph(3), paragraph(4)));
        let out = TextCleaner::new().clean(&text).text;
        assert!(out.contains("Paragraph 1") && out.contains("Paragraph 4"), "{out}");
        assert!(out.contains("\n\n2039\n\n"), "{out}");
    }

    #[test]
    fn a_long_list_of_words_between_paragraphs_costs_no_more_than_a_short_one() {
        let mut text = format!("{}\n{}\nThe plan\n", paragraph(1), paragraph(2));
        for week in 1..=100 {
            text.push_str(&format!("Week {week}: an easy run and a rest day\n"));
        }
        text.push_str(&format!("{}\n{}\n", paragraph(3), paragraph(4)));
        let out = TextCleaner::new().clean(&text).text;
        assert!(out.starts_with("Paragraph 1") && out.ends_with("market."), "{out}");
        assert!(out.contains("Week 100: an easy run"), "{out}");
    }

    #[test]
    fn a_subheading_naming_a_network_stays_inside_the_story_but_not_above_it() {
        let text = format!(
            "How Facebook Live works for newsrooms\n{}\n{}\nHow Facebook Live works for creators\n{}\n{}\n",
            paragraph(1),
            paragraph(2),
            paragraph(3),
            paragraph(4)
        );
        let out = TextCleaner::new().clean(&text).text;
        assert!(out.starts_with("Paragraph 1"), "{out}");
        assert!(out.contains("market.\n\nHow Facebook Live works for creators\n\nParagraph 3"), "{out}");
    }

    #[test]
    fn a_long_menu_between_paragraphs_still_ends_the_story() {
        let mut text = format!("{}\n{}\n{}\n", paragraph(1), paragraph(2), paragraph(3));
        for section in 0..60 {
            text.push_str(&format!("Section {}\n", ["World", "Sport", "Style", "Travel"][section % 4]));
        }
        text.push_str(&format!("{}\n", paragraph(4)));
        let out = TextCleaner::new().clean(&text).text;
        assert!(out.contains("Paragraph 3") && !out.contains("Paragraph 4"), "{out}");
    }

    #[test]
    fn comments_button_in_a_share_bar_above_the_story_does_not_end_it() {
        let text = format!(
            "Quotes are delayed at least fifteen minutes, and market data is provided by a data vendor under \
             its terms and conditions, which readers should review before they rely on the figures shown.\n\
             Facebook\nTwitter\nComments\nPrint\n{}\n{}\n{}\n",
            paragraph(1),
            paragraph(2),
            paragraph(3)
        );
        let out = TextCleaner::new().clean(&text).text;
        assert!(out.contains("Paragraph 1") && out.contains("Paragraph 3"), "{out}");
    }

    #[test]
    fn a_short_story_before_a_long_comment_thread_is_the_story() {
        let mut text = format!("{}\nComments\n", paragraph(1));
        for reader in 2..7 {
            text.push_str(&format!("Reader {reader} said:\n{}\n", paragraph(reader)));
        }
        let out = TextCleaner::new().clean(&text).text;
        assert_eq!(out, paragraph(1));
    }

    #[test]
    fn comment_headers_that_give_the_time_split_a_long_thread_from_a_short_post() {
        let mut text = format!("{}\nComments\n", paragraph(1));
        for (reader, day) in (2..14).zip(3..) {
            text.push_str(&format!(
                "Reader {reader} on June {day}, 2024 at 4:{day:02} pm said:\n{}\n{}\n",
                paragraph(reader),
                paragraph(reader + 20)
            ));
        }
        let out = TextCleaner::new().clean(&text).text;
        assert_eq!(out, paragraph(1));
    }

    #[test]
    fn quote_intros_ending_in_said_do_not_open_a_thread() {
        let text = format!(
            "{}\nThe minister said:\n{}\nHer deputy said:\n{}\n{}\n",
            paragraph(1),
            paragraph(2),
            paragraph(3),
            paragraph(4)
        );
        let out = TextCleaner::new().clean(&text).text;
        assert!(out.starts_with("Paragraph 1") && out.contains("Her deputy said:"), "{out}");
        assert!(out.ends_with("market."), "{out}");
    }

    #[test]
    fn an_author_blurb_ends_the_story_and_the_prose_after_it_goes() {
        let mut text: String = (1..=5).map(|n| paragraph(n) + "\n").collect();
        text.push_str(
            "Jane Doe\nStaff Writer\nJane Doe is a reporter who has covered housing since 2012.\n\
             What we cover\nOur writers report on the prices of homes and the rents of flats in the north.\n",
        );
        let out = TextCleaner::new().clean(&text).text;
        assert!(out.starts_with("Paragraph 1") && out.ends_with("market."), "{out}");
    }

    #[test]
    fn lone_blurbs_after_a_more_from_heading_close_the_story() {
        let mut text: String = (1..=4).map(|n| paragraph(n) + "\n").collect();
        text.push_str("More From the Daily Courier\n");
        for (section, headline) in [
            ("Business", "Mill to close"),
            ("Transport", "Fares go up"),
            ("Housing", "Rents fall"),
            ("Schools", "Term ends"),
        ] {
            text.push_str(&format!(
                "{section}\n{headline} in the spring, the owners say\n\
                 The owners told the {section} desk on Monday that the change, planned for a year, would cost \
                 the town two hundred jobs by the end of the summer.\n"
            ));
        }
        text.push_str("More Coverage\nColumn: The council met again this week. Was anything decided?\n");
        let out = TextCleaner::new().clean(&text).text;
        assert!(out.starts_with("Paragraph 1") && out.ends_with("market."), "{out}");
    }

    #[test]
    fn a_closing_paragraph_after_a_list_and_its_lead_in_is_no_teaser() {
        let mut text: String = (1..=4).map(|n| paragraph(n) + "\n").collect();
        text.push_str(
            "The plans on offer:\nStarter plan from ten pounds a month\nFamily plan from twenty pounds\n\
             Whatever the plan, buyers should read the terms before they sign, the report says.\n\
             Sign up for our newsletter\nHome\n",
        );
        let out = TextCleaner::new().clean(&text).text;
        assert!(out.starts_with("Paragraph 1") && out.ends_with("the report says."), "{out}");
        assert!(out.contains("The plans on offer:\n\nStarter plan"), "{out}");
    }

    #[test]
    fn a_sidebar_of_names_and_one_line_blurbs_closes_the_story() {
        let mut text: String = (1..=4).map(|n| paragraph(n) + "\n").collect();
        text.push_str("Popular walks\n");
        for (walk, miles) in [("Coast path", 6), ("Old mill loop", 3), ("Ridge walk", 9), ("Lake circuit", 4)]
        {
            text.push_str(&format!("{walk}\nA quiet {miles}-mile walk for a dry afternoon. Dogs welcome.\n"));
        }
        let out = TextCleaner::new().clean(&text).text;
        assert!(out.starts_with("Paragraph 1") && out.ends_with("market."), "{out}");
    }

    #[test]
    fn paragraphs_after_a_related_box_resume_the_story() {
        let mut text: String = (1..=4).map(|n| paragraph(n) + "\n").collect();
        text.push_str("Related\nPrices fall in the south\n");
        text.extend((5..=7).map(|n| paragraph(n) + "\n"));
        let out = TextCleaner::new().clean(&text).text;
        assert!(out.starts_with("Paragraph 1") && out.ends_with("market."), "{out}");
        assert!(out.contains("Paragraph 7") && !out.contains("Related"), "{out}");
    }

    #[test]
    fn profiles_in_a_list_of_firms_do_not_end_the_story() {
        let text = format!(
            "{}\nAcme Cloud\nAcme is a leading maker of database software for banks and insurers.\n\
             What buyers want\n{}\n{}\n{}\n",
            paragraph(1),
            paragraph(2),
            paragraph(3),
            paragraph(4)
        );
        let out = TextCleaner::new().clean(&text).text;
        assert!(out.starts_with("Paragraph 1") && out.contains("Paragraph 4"), "{out}");
    }

    #[test]
    fn a_menu_label_inside_the_story_is_dropped_and_a_subheading_kept() {
        let text = format!(
            "Home\nBusiness\nSport\n{}\nBusiness\n{}\nWhat comes next\n{}\nHome\nSport\n",
            paragraph(1),
            paragraph(2),
            paragraph(3)
        );
        let out = TextCleaner::new().clean(&text).text;
        assert!(out.starts_with("Paragraph 1") && out.ends_with("market."), "{out}");
        assert!(!out.contains("Business") && out.contains("What comes next"), "{out}");
    }

    #[test]
    fn subheadings_listed_in_a_table_of_contents_above_the_story_stay_in_it() {
        let text = format!(
            "Home\nNews\nIn this article\nWhere prices rose\nConclusion\n{}\nWhere prices rose\n{}\n\
             Conclusion\n{}\nHome\nNews\n",
            paragraph(1),
            paragraph(2),
            paragraph(3)
        );
        let out = TextCleaner::new().clean(&text).text;
        assert!(out.contains("\n\nWhere prices rose\n\n") && out.contains("\n\nConclusion\n\n"), "{out}");
        assert!(!out.contains("Home") && !out.contains("News"), "{out}");
    }

    #[test]
    fn headlines_after_a_trending_box_inside_the_story_are_dropped() {
        let mut text: String = (1..=4).map(|n| paragraph(n) + "\n").collect();
        text.push_str(
            "Trending News\nVideo shows dramatic rescue at the harbour: \"We got her!\"\n\
             Man held after a chase through the old town\nIs the ferry fare rise here to stay?\n",
        );
        text.extend((5..=7).map(|n| paragraph(n) + "\n"));
        let out = TextCleaner::new().clean(&text).text;
        assert!(out.starts_with("Paragraph 1") && out.contains("Paragraph 7"), "{out}");
        assert!(!out.contains("rescue") && !out.contains("chase") && !out.contains("ferry"), "{out}");
    }

    #[test]
    fn a_table_of_contents_is_dropped_but_crossed() {
        let text = format!(
            "{}\nTable of Contents\nWhere prices rose\nWhat buyers want\n{}\n{}\n",
            paragraph(1),
            paragraph(2),
            paragraph(3)
        );
        let out = TextCleaner::new().clean(&text).text;
        assert!(out.starts_with("Paragraph 1") && out.ends_with("market."), "{out}");
        assert!(!out.contains("Contents") && !out.contains("Where prices rose"), "{out}");
    }

    #[test]
    fn a_caption_closed_by_a_photo_credit_is_dropped_but_crossed() {
        let text = format!(
            "{}\n{}\nA trader at work on the floor of the exchange. (AP Photo/Jane Doe, File)\n{}\n",
            paragraph(1),
            paragraph(2),
            paragraph(3)
        );
        let out = TextCleaner::new().clean(&text).text;
        assert!(out.contains("Paragraph 3") && !out.contains("AP Photo"), "{out}");
    }

    #[test]
    fn a_gallery_counter_and_a_labelled_caption_are_dropped_but_crossed() {
        let text = format!(
            "{}\nImage 1 of 3\nThe harbour at dawn, before the boats went out\n{}\n\
             Media caption What happens to prices next?\n{}\n",
            paragraph(1),
            paragraph(2),
            paragraph(3)
        );
        let out = TextCleaner::new().clean(&text).text;
        assert!(out.starts_with("Paragraph 1") && out.ends_with("market."), "{out}");
        assert!(!out.contains("Image 1 of 3") && !out.contains("Media caption"), "{out}");
    }

    #[test]
    fn a_standfirst_under_the_headline_above_the_byline_is_dropped() {
        let text = format!(
            "Home\nPrices rise again across the region\n\
             Buyers are back, and sellers are asking more than they did a year ago.\n\
             By Jane Doe\nPublished: June 2, 2024\n{}\n{}\n",
            paragraph(1),
            paragraph(2)
        );
        let doc = TextCleaner::new().clean(&text);
        assert!(doc.text.starts_with("Paragraph 1") && doc.text.contains("Paragraph 2"), "{}", doc.text);
        assert_eq!(doc.meta.title.as_deref(), Some("Prices rise again across the region"));
    }

    #[test]
    fn promos_of_a_menu_above_the_headline_and_its_date_are_cut() {
        let mut text = String::from("Home\nServices\n");
        for (offer, blurb) in [
            ("Gift cards", "Give a gift that is practical, useful and always the right size"),
            ("Coupons", "Find savings that suit your car and your budget at a store near you"),
            ("Credit card", "Get financing and flexibility with our own credit card, with no annual fee"),
        ] {
            text.push_str(&format!(
                "{offer}\nLearn more\n{blurb}. Our teams are ready to help you in person or online, every day.\n"
            ));
        }
        text.push_str("Home / Resources\nPrices rise again across the region\nJune 2, 2024\n");
        text.extend((1..=8).map(|n| paragraph(n) + "\n"));
        let out = TextCleaner::new().clean(&text).text;
        assert!(out.starts_with("Paragraph 1") && out.ends_with("market."), "{out}");
    }

    #[test]
    fn teasers_of_a_mega_menu_above_the_headline_and_its_date_are_cut_however_long() {
        let sections = ["News", "Sport", "Weather", "Travel"];
        let mut text: String = sections.iter().map(|s| format!("{s}\n")).collect();
        for section in sections {
            text.push_str(&format!(
                "{section}\nLatest {section}\nAll {section}\n{section} Videos\nPhotos\nMore\n"
            ));
            for what in ["Ferry Fares", "Parking Rules"] {
                text.push_str(&format!(
                    "{section} Desk: Council Delays Vote On {what} Until The New Year The council said on \
                     Monday that it needed more time to hear from residents before it decided on {what}, \
                     which had been due to change in the spring.\n"
                ));
            }
        }
        text.push_str("Prices Rise Again Across The Whole Region This Year\nJune 2, 2024\n");
        text.extend((1..=3).map(|n| paragraph(n) + "\n"));
        text.extend(sections.iter().map(|s| format!("{s}\n")));
        let out = TextCleaner::new().clean(&text).text;
        assert!(out.starts_with("Paragraph 1") && out.ends_with("market."), "{out}");
    }

    #[test]
    fn a_tickers_blurbs_given_above_and_below_the_story_are_dropped() {
        let ticker = [
            "Harbour council delays its vote on ferry fares until the new year, saying it needs more time to \
             hear from residents and traders, and from the ferry's owners, before it decides how much a trip \
             across should cost.",
            "Old town traders say the new parking rules have cost them a third of their custom since the \
             spring, and ask the council for a review of the rules before the busy weeks of the summer \
             season begin.",
        ];
        let mut text = String::from("Home\nNews\n");
        text.extend(ticker.iter().map(|t| format!("{t}\n")));
        text.extend((1..=5).map(|n| paragraph(n) + "\n"));
        text.push_str(
            "Sign up for our newsletter\nShare on Facebook\nShare on Twitter\nPrivacy policy\nTerms of use\n\
             Home\nNews\n",
        );
        text.extend(ticker.iter().map(|t| format!("{t}\n")));
        let out = TextCleaner::new().clean(&text).text;
        assert!(out.starts_with("Paragraph 1") && out.ends_with("market."), "{out}");
    }

    #[test]
    fn an_opening_paragraph_quoted_again_in_a_list_of_teasers_stays() {
        let opening = "Harbour council delays its vote on ferry fares until the new year, saying it needs more \
                       time to hear from residents and traders, and from the ferry's owners, before it decides \
                       how much a trip across should cost.";
        let mut text = format!("Home\nNews\n{opening}\n");
        text.extend((1..=5).map(|n| paragraph(n) + "\n"));
        text.push_str(
            "Sign up for our newsletter\nShare on Facebook\nShare on Twitter\nPrivacy policy\nTerms of use\n\
             More stories\nFerry fares vote delayed\n",
        );
        text.push_str(&format!("{opening}\nTraders ask for a parking review\n{}\n", paragraph(9)));
        let out = TextCleaner::new().clean(&text).text;
        assert!(out.starts_with(opening) && out.ends_with("market."), "{out}");
    }

    #[test]
    fn a_byline_closed_by_the_date_and_a_full_stop_heads_the_story() {
        let text = format!(
            "Home\nFact checks\n\"Prices in the region doubled in a year.\"\nDid prices in the region double?\n\
             By Ann Lee on Monday, November 18th, 2019 at 11:04 a.m.\n{}\n{}\n{}\nHome\n",
            paragraph(1),
            paragraph(2),
            paragraph(3)
        );
        let out = TextCleaner::new().clean(&text).text;
        assert!(out.starts_with("Paragraph 1") && out.ends_with("market."), "{out}");
    }

    #[test]
    fn promos_of_a_menu_above_a_table_of_contents_are_cut() {
        let mut text = String::from("Home\nServices\n");
        for (offer, blurb) in [
            ("Gift cards", "Give a gift that is practical, useful and always the right size"),
            ("Coupons", "Find savings that suit your car and your budget at a store near you"),
            ("Credit card", "Get financing and flexibility with our own credit card, with no annual fee"),
        ] {
            text.push_str(&format!(
                "{offer}\nOffers\nSee all\n{blurb}. Our teams are ready to help you in person or online, every day.\n"
            ));
        }
        text.push_str(
            "Prices rise again across the region\nTable of Contents\nWhere prices rose\nWhat buyers want\n",
        );
        text.extend((1..=8).map(|n| paragraph(n) + "\n"));
        let out = TextCleaner::new().clean(&text).text;
        assert!(out.starts_with("Paragraph 1") && out.ends_with("market."), "{out}");
    }

    #[test]
    fn the_opening_paragraphs_above_a_table_of_contents_stay() {
        let mut text = format!(
            "Home\n{}\n{}\nTable of Contents\nWhere prices rose\nWhat buyers want\n",
            paragraph(1),
            paragraph(2)
        );
        text.extend((3..=10).map(|n| paragraph(n) + "\n"));
        let out = TextCleaner::new().clean(&text).text;
        assert!(out.starts_with("Paragraph 1") && out.ends_with("market."), "{out}");
    }

    #[test]
    fn a_lead_in_or_a_short_question_right_above_the_first_paragraph_stays() {
        for lead_in in ["Key takeaways:", "What is a price index?"] {
            let text = format!("Home\nNews\n{lead_in}\n{}\n{}\nHome\n", paragraph(1), paragraph(2));
            let out = TextCleaner::new().clean(&text).text;
            assert!(out.starts_with(&format!("{lead_in}\n\nParagraph 1")), "{out}");
        }
    }

    #[test]
    fn the_dates_of_events_listed_in_the_story_do_not_cut_its_opening() {
        let mut text: String = (1..=3).map(|n| paragraph(n) + "\n").collect();
        for (event, day) in [("Spring summit", 4), ("Harbour fair", 11)] {
            text.push_str(&format!(
                "{event}\nJune {day}, 2024\n{}\n{}\n",
                paragraph(day),
                paragraph(day + 1)
            ));
        }
        let out = TextCleaner::new().clean(&text).text;
        assert!(out.starts_with("Paragraph 1") && out.contains("Paragraph 12"), "{out}");
    }

    #[test]
    fn a_first_paragraph_under_the_headline_with_no_byline_after_it_stays() {
        let text = format!(
            "Home\nPrices rise again across the region\n{}\nA subheading\n{}\n",
            paragraph(1),
            paragraph(2)
        );
        let out = TextCleaner::new().clean(&text).text;
        assert!(out.starts_with("Paragraph 1") && out.contains("Paragraph 2"), "{out}");
    }

    #[test]
    fn a_headline_given_twice_inside_the_story_is_dropped_and_a_table_cell_twice_kept() {
        let teaser = "Council sells the old mill to a developer for homes";
        let text = format!(
            "{}\n{teaser}\nBusiness\n{teaser}\n{}\nPrice\n$10,000 (per person)\n$10,000 (per person)\n{}\n{}\n",
            paragraph(1),
            paragraph(2),
            paragraph(3),
            paragraph(4)
        );
        let out = TextCleaner::new().clean(&text).text;
        assert!(!out.contains(teaser), "{out}");
        assert_eq!(out.matches("$10,000 (per person)").count(), 2, "{out}");
        assert!(out.starts_with("Paragraph 1") && out.contains("Paragraph 4"), "{out}");
    }

    #[test]
    fn a_table_header_given_twice_is_kept_once() {
        let text = format!(
            "{}\nTeam\nPlayed\nPoints\nTeam\nPlayed\nPoints\nLions\n12\n30\nTigers\n12\n27\n{}\n{}\n",
            paragraph(1),
            paragraph(2),
            paragraph(3)
        );
        let out = TextCleaner::new().clean(&text).text;
        assert_eq!(out.matches("Played").count(), 1, "{out}");
        assert!(out.contains("Team\n\nPlayed\n\nPoints\n\nLions"), "{out}");
        assert_eq!(out.matches("\n12\n").count(), 2, "{out}");
    }

    #[test]
    fn a_first_paragraph_with_a_captioned_picture_after_it_is_no_standfirst() {
        let text = format!(
            "Home\nPrices rise again across the region\n{}\n\
             Buyers at a market in the city on Monday. Photo: Ann Lee/Reuters\n{}\n",
            paragraph(1),
            paragraph(2)
        );
        let out = TextCleaner::new().clean(&text).text;
        assert!(out.starts_with("Paragraph 1") && out.contains("Paragraph 2"), "{out}");
        assert!(!out.contains("Buyers at a market"), "{out}");
    }

    #[test]
    fn a_dated_list_after_the_last_paragraph_closes_the_story() {
        let mut text = format!("{}\n{}\nTour dates:\n", paragraph(1), paragraph(2));
        for (day, city) in [(9, "West Palm Beach, FL"), (10, "Tampa, FL"), (14, "Alpharetta, GA")] {
            text.push_str(&format!("June {day} – {city} @ Amphitheatre\n"));
        }
        text.push_str("Sign up for our newsletter\nHome\nWorld\n");
        let out = TextCleaner::new().clean(&text).text;
        assert!(out.ends_with("June 14 – Alpharetta, GA @ Amphitheatre"), "{out}");
        assert!(out.contains("Tour dates:"), "{out}");
    }

    #[test]
    fn a_list_of_labelled_items_after_the_last_paragraph_closes_the_story() {
        let text = format!(
            "{}\n{}\nHow to choose\nBudget: what the team can spend each year\n\
             Reach: how many offices will use it\nSupport: who answers the phone at night\n\
             Related Articles\nHome\n",
            paragraph(1),
            paragraph(2)
        );
        let out = TextCleaner::new().clean(&text).text;
        assert!(out.ends_with("Support: who answers the phone at night"), "{out}");
    }

    #[test]
    fn a_poll_of_counted_readers_after_the_last_paragraph_closes_the_story() {
        let mut text = format!("{}\n{}\nWhich walk did you like best?\n", paragraph(1), paragraph(2));
        for readers in [165, 250, 437, 59] {
            text.push_str(&format!("% {readers} readers\n"));
        }
        text.push_str("More walks\nHome\n");
        let out = TextCleaner::new().clean(&text).text;
        assert!(out.contains("market.\n\nWhich walk did you like best?\n\n% 165 readers"), "{out}");
        assert!(out.ends_with("% 437 readers\n\n% 59 readers"), "{out}");
    }

    #[test]
    fn counts_and_phone_numbers_after_the_story_are_no_list() {
        let text = format!("{}\n{}\n589\n149\n94\n1-888-304-4674\n", paragraph(1), paragraph(2));
        let out = TextCleaner::new().clean(&text).text;
        assert!(out.ends_with("market."), "{out}");
    }

    #[test]
    fn a_short_sign_off_after_the_last_paragraph_stays_and_a_question_goes() {
        for (sign_off, kept) in
            [("See you at the market!", true), ("Until next time.", true), ("Like this article?", false)]
        {
            let text = format!("{}\n{}\n{sign_off}\nShare on Facebook\nHome\n", paragraph(1), paragraph(2));
            let out = TextCleaner::new().clean(&text).text;
            assert_eq!(out.ends_with(sign_off), kept, "{out}");
            assert!(out.contains("Paragraph 2"), "{out}");
        }
    }

    #[test]
    fn a_note_on_where_the_story_comes_from_closes_it() {
        let note = "This article was first printed in the Harbour Gazette.";
        let text = format!("{}\n{}\n{note}\nShare on Facebook\nHome\n", paragraph(1), paragraph(2));
        let out = TextCleaner::new().clean(&text).text;
        assert!(out.starts_with("Paragraph 1") && out.ends_with(note), "{out}");
        let text = format!("{}\n{}\nShare on Facebook\n{note}\nHome\n", paragraph(1), paragraph(2));
        let out = TextCleaner::new().clean(&text).text;
        assert!(out.ends_with("market."), "{out}");
    }

    #[test]
    fn closing_paragraphs_after_one_line_of_furniture_resume_the_story_and_a_profile_does_not() {
        let mut text: String = (1..=4).map(|n| paragraph(n) + "\n").collect();
        text.push_str(&format!("Trending\n{}\n{}\nRelated articles\nHome\n", paragraph(5), paragraph(6)));
        let out = TextCleaner::new().clean(&text).text;
        assert!(out.starts_with("Paragraph 1") && out.ends_with("market."), "{out}");
        assert!(out.contains("Paragraph 6") && !out.contains("Trending"), "{out}");
        let mut text: String = (1..=4).map(|n| paragraph(n) + "\n").collect();
        text.push_str(&format!(
            "About Acme Media\nAcme Media is a leading publisher of news on markets and prices.\n{}\nHome\n",
            paragraph(5)
        ));
        let out = TextCleaner::new().clean(&text).text;
        assert!(out.contains("Paragraph 4") && !out.contains("Acme"), "{out}");
    }

    #[test]
    fn a_ranked_table_after_the_last_paragraph_closes_the_story() {
        let mut text = format!("{}\n{}\nTop cities\nScore\n", paragraph(1), paragraph(2));
        for (rank, city) in ["Oslo", "Lima", "Pune", "Kobe", "Graz", "Fez"].iter().enumerate() {
            text.push_str(&format!("{}. {city}\n{}.5\n", rank + 1, 90 - rank));
        }
        text.push_str("Sign up for our newsletter\nHome\n");
        let out = TextCleaner::new().clean(&text).text;
        assert!(out.ends_with("6. Fez\n\n85.5"), "{out}");
    }

    #[test]
    fn a_long_table_with_little_prose_around_it_outweighs_a_sidebar() {
        let mut text = format!("{}\nYear\nPrice\n", paragraph(1));
        for year in 2000..2060 {
            text.push_str(&format!("{year}\n${},000\n", 200 + year % 17));
        }
        text.push_str(&format!("{}\n{}\n", paragraph(2), paragraph(3)));
        text.push_str(
            "Sign up for our newsletter\nShare on Facebook\nShare on Twitter\nPrivacy policy\nTerms of use\n",
        );
        for blurb in 4..8 {
            text.push_str(&format!("{}\n", paragraph(blurb)));
        }
        let out = TextCleaner::new().clean(&text).text;
        assert!(out.starts_with("Paragraph 1") && out.ends_with("market."), "{out}");
        assert!(out.contains("2059") && out.contains("Paragraph 3") && !out.contains("Paragraph 4"), "{out}");
    }
}
