//! The story's byline and dateline in scraped text: who wrote it and when,
//! read from the lines around the story's start (up to a screenful above
//! it, over the headline too, and its first few lines), where a page sets
//! them. A date further down (a comment's, a related story's) is never the
//! story's, nor is one of a list of dated posts, and nothing is guessed: no
//! dated line there, no date. A name is read after a byline's label, or by
//! the dateline when it reads as a person's and not as a phrase of the
//! page.

use aho_corasick::AhoCorasick;
use copydesk_core::Metadata;

use super::date::{BYLINE_UNITS, DateWords as Stamps};
use super::line::Line;
use super::story::Story;
use crate::meta::{author, date, visible};
use crate::table;
use crate::text_util::{DateWords, normalize};

/// Lines above the story's first paragraph that may hold its byline and
/// date, at most: a share bar, a caption, a long table of contents or a
/// sign-up box may stand between them and the story, or the story's first
/// paragraphs may have been taken for furniture.
const HEAD_LINES: usize = 48;
/// Lines above the story's first paragraph that may hold an update's date,
/// at most: further up, one is rather a teaser's or a sidebar's ("Updated
/// on ...") and, as a story that shows only an update's date is dated by
/// it, would date a story that gives none.
const UPDATE_LINES: usize = 16;
/// Dates on this many lines in a row, each another, are a list of posts,
/// none the story's.
const LIST_DATES: usize = 3;
/// The story's first lines that may hold them too (a dateline kept above
/// the first paragraph, a byline the story's run crossed, under a
/// standfirst and an author's line perhaps).
const STORY_LINES: usize = 6;
/// A name alone on a line this many lines above or below the dateline
/// is its author's: a role, a section's name or a reading time may stand
/// between them.
const NAME_LINES: usize = 3;
/// A byline's label ("Written and photographed by") has at most this many
/// words.
const LABEL_WORDS: usize = 4;
/// A line of its own that labels the date on the next line ("Last
/// updated:") has at most this many units.
const LABEL_UNITS: u32 = 3;

/// What the head of a story says of it.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Byline {
    /// The names of its byline.
    pub authors: Vec<String>,
    /// The date it gives without an update's label, `YYYY-MM-DD`.
    pub published: Option<String>,
    /// The date an update's label gives ("Updated March 12, 2024").
    pub modified: Option<String>,
}

impl Byline {
    /// Writes what was found into `meta` where the field is still empty: a
    /// value read before (a front-matter header's) wins. A story that
    /// shows only an update's date is dated by it, as HTML mode dates a
    /// page by the date shown by its headline: readers are given no other.
    pub(super) fn fill(self, meta: &mut Metadata) {
        if meta.authors.is_empty() {
            meta.authors = self.authors;
        }
        meta.published = meta.published.take().or(self.published).or_else(|| self.modified.clone());
        meta.modified = meta.modified.take().or(self.modified);
    }
}

/// Reads bylines and datelines; built once per cleaner.
pub(super) struct Reader {
    words: DateWords,
    /// Labels of `data/text_byline_labels.txt`.
    labels: Vec<&'static str>,
    /// Words of `data/text_byline_roles.txt`.
    roles: Vec<&'static str>,
    /// Labels of `data/text_date_other_labels.txt`.
    other_dates: Vec<&'static str>,
    /// The publication labels HTML mode reads, in either case: the lines
    /// that may label the page's date.
    dating: AhoCorasick,
}

impl Reader {
    /// Loads the date words and the label and role tables.
    pub(super) fn new() -> Reader {
        Reader {
            words: DateWords::new(),
            labels: table::entries(include_str!("../../data/text_byline_labels.txt")).collect(),
            roles: table::entries(include_str!("../../data/text_byline_roles.txt")).collect(),
            other_dates: table::entries(include_str!("../../data/text_date_other_labels.txt")).collect(),
            dating: AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build(visible::dating_labels())
                .expect("the label tables compile"),
        }
    }

    /// The names of a line that opens with a byline's label ("By Jane Doe
    /// and John Roe", "Posted by Ann Lee on May 19, 2024"), without the
    /// stamp that may close it and the roles that may follow them; empty
    /// for any other line. Only a byline's own label counts: a menu's
    /// "Search by" or an "Edited by" in the head does not.
    fn byline(&self, line: &str, stamps: &Stamps) -> Vec<String> {
        // A byline may follow the date on its line ("May 19, 2024 by Ann
        // Lee").
        let after_date = stamps.stamped_byline(line);
        let names = before_names_end(after_date.map_or(line, |at| &line[at..]), stamps);
        let lower = names.to_ascii_lowercase();
        let label = self
            .labels
            .iter()
            .find(|l| lower.starts_with(*l) && lower[l.len()..].starts_with([' ', ':', '|', '\u{a0}']));
        let mut found = match label {
            Some(label) => {
                author::after_label(names[label.len()..].trim_start_matches([' ', ':', '|', '\u{a0}']))
            }
            None if author::opens_with_prefix(names) => author::byline(names).unwrap_or_default(),
            None => Vec::new(),
        };
        found.retain(|name| !self.is_role(name));
        // The first name follows the label: one further on is a
        // sentence's ("By clicking Continue, you agree to our Privacy
        // Policy").
        let first_at = found.first().and_then(|name| names.find(name.as_str()));
        if first_at.is_some_and(|at| names[..at].split_whitespace().count() > LABEL_WORDS) {
            found.clear();
        }
        found
    }

    /// True for a line that is only a byline's label ("By", "Written by:",
    /// "Author"): the name is on the next line. An "Edited by" is not one.
    fn is_label_line(&self, line: &str) -> bool {
        let label = line.trim().trim_end_matches([':', ' ', '\u{a0}']).to_ascii_lowercase();
        self.labels.contains(&label.as_str()) || author::is_prefix(&label)
    }

    /// True when `line` opens with a label that dates a person or an
    /// account, not the story ("Last active", "Member since").
    fn dates_another(&self, line: &str) -> bool {
        let label = visible::label_of(line);
        self.other_dates
            .iter()
            .any(|l| label.starts_with(l) && !label[l.len()..].starts_with(char::is_alphanumeric))
    }

    /// The second of two dates on `line` ("May 21, 2025 April 24, 2025 by
    /// Ann Lee"): the last date on it, with another before it.
    fn second_date(&self, line: &str) -> Option<String> {
        let last = line
            .split_whitespace()
            .skip(1)
            .map(|word| word.as_ptr() as usize - line.as_ptr() as usize)
            .filter_map(|at| Some((at, date::find_in_text(&line[at..], &self.words)?)))
            .last()?;
        date::find_in_text(&line[..last.0], &self.words).map(|_| last.1)
    }

    /// True when a word of `name` names a role ("Staff Writer").
    fn is_role(&self, name: &str) -> bool {
        name.split(|c: char| c.is_whitespace() || c == ',')
            .any(|w| self.roles.contains(&w.to_lowercase().as_str()))
    }

    /// A person's name without a label by the dateline `head[k]`: before
    /// the date on its line, whatever follows the date ("Jane Doe | May 19,
    /// 2024", "Jane Doe May 19, 2024 — 7 min read"), or alone on a line
    /// at most [`NAME_LINES`] above or below it, nearest first, a role
    /// after it perhaps ("Jane Doe, Staff Writer"): templates that print
    /// the author and the date side by side. A line over the `title` line
    /// is no byline of a date under it (a menu's is), and a capitalised
    /// phrase of words the page writes in lowercase too is no name
    /// ("Marketing Strategy").
    fn name_by_dateline(
        &self,
        text: &str,
        lines: &[Line],
        head: &[(usize, &str)],
        k: usize,
        stamps: &Stamps,
        title: Option<usize>,
    ) -> Option<Vec<String>> {
        let (i, line) = head[k];
        let own = before_names_end(line, stamps);
        let headline = title.map(|t| &text[lines[t].start..lines[t].end]);
        // The headline, wherever it is repeated, and a menu's items set on
        // one line, parted by runs of spaces, are no names; and the headline
        // parts a name from a date across it: a menu's line over the
        // headline is no byline of a date under it.
        let may_name = |j: usize, l: &str| {
            Some(l) != headline && !l.contains("  ") && !title.is_some_and(|t| j < t && t < i)
        };
        let near = |d: isize| {
            let at = i.checked_add_signed(d)?;
            head.iter().find(|&&(j, l)| j == at && may_name(j, l)).copied()
        };
        let around = (1..=NAME_LINES as isize).flat_map(|d| [near(-d), near(d)]);
        std::iter::once(Some((i, own)).filter(|_| own.len() < line.len())).chain(around).flatten().find_map(
            |(j, before)| {
                let before = before.trim_end_matches(|c: char| !c.is_alphanumeric());
                let (roles, names): (Vec<String>, Vec<String>) =
                    author::names(before, author::Source::Shown).into_iter().partition(|n| self.is_role(n));
                // The name is all the line says but its roles: no headline
                // or label holds it; a furniture phrase is none either ("All
                // Posts"), though a role may be one ("Staff Writer").
                let said =
                    roles.iter().fold(normalize(before), |rest, role| rest.replace(&normalize(role), ""));
                (names.len() == 1
                    && author::is_person(&names[0])
                    && normalize(&names[0]) == said.trim()
                    && (j == i || !roles.is_empty() || lines[j].cue == 0)
                    && !is_phrase(&names[0], text))
                .then_some(names)
            },
        )
    }

    /// The byline and dates of `story` in `lines` of `text`; `stamps` are
    /// the words that tell where a stamp closes a byline.
    pub(super) fn read(&self, text: &str, lines: &[Line], story: &Story, stamps: &Stamps) -> Byline {
        let Some(start) = story.keep.iter().position(|&k| k) else { return Byline::default() };
        let title = story.title.filter(|&t| t < start);
        // The headline is no bound: a byline and date may be set over it.
        let from = start.saturating_sub(HEAD_LINES);
        // The story's first lines, not past its last: a short story's
        // comments follow it.
        let end = story.keep.iter().rposition(|&k| k).map_or(start, |last| last + 1);
        let to = (start + STORY_LINES).min(end);
        // The head's lines that may be a byline or a dateline: short, and
        // no paragraph of the story (which may name a date in passing). The
        // headline is among them: a dateline may pass for one.
        let head: Vec<(usize, &str)> = (from..to)
            .filter(|&i| {
                let line = &lines[i];
                line.units <= BYLINE_UNITS && (line.stamp || !(story.keep[i] && line.is_prose()))
            })
            .map(|i| (i, &text[lines[i].start..lines[i].end]))
            .collect();
        // The date nearest the story's start is its own: those above it,
        // upwards (a menu's or a ticker's dates stand higher), then its
        // first lines.
        let above = head.partition_point(|&(i, _)| i < start);
        let nearest = (0..above).rev().chain(above..head.len());

        // A date holds figures: most lines (labels, names, share bars)
        // hold too few and are not read.
        let may_date = |l: &&Line| l.digits as usize >= date::DATE_DIGITS;
        // The page's short lines that may hold a date.
        let dated_lines = || {
            let most = visible::MAX_LINE_CHARS as usize;
            lines.iter().filter(may_date).map(|l| &text[l.start..l.end]).filter(move |l| {
                // A character takes at most four bytes.
                l.len() <= most || (l.len() <= 4 * most && l.chars().count() <= most)
            })
        };
        // A numeric date that reads both
        // ways ("03/10/2023") reads as the page's other dates have it.
        let days: Vec<Option<String>> = head
            .iter()
            .map(|&(i, l)| {
                let found = may_date(&&lines[i]).then(|| date::find_form_in_text(l, &self.words)).flatten();
                found.map(|(day, form)| match form {
                    date::Form::Either { day_first } => {
                        let others = dated_lines().filter(|o| o.as_ptr() != l.as_ptr());
                        date::as_page_reads(&day, day_first, others, &self.words)
                    }
                    _ => day,
                })
            })
            .collect();
        // The lines next to `head[k]` in a row, one way, that give other
        // dates than it: a list of posts (a date twice over is no list).
        let run = |k: usize, ks: &mut dyn Iterator<Item = usize>| {
            ks.take_while(|&j| {
                days[j].is_some() && days[j] != days[k] && head[j].0.abs_diff(head[k].0) == j.abs_diff(k)
            })
            .count()
        };
        let listed =
            |k: usize| run(k, &mut (0..k).rev()) + run(k, &mut (k + 1..head.len())) + 1 >= LIST_DATES;
        // The label is on the line, or on a short line of its own right
        // above ("Last updated:" over the date).
        let labelled_update = |k: usize| {
            let (i, line) = head[k];
            let above = k.checked_sub(1).map(|j| head[j]).filter(|&(j, l)| {
                j + 1 == i && lines[j].units <= LABEL_UNITS && !l.bytes().any(|b| b.is_ascii_digit())
            });
            visible::names_an_update(&visible::label_of(line))
                || above.is_some_and(|(_, l)| visible::names_an_update(&l.to_lowercase()))
        };
        let mut found = Byline::default();
        let mut dated = None;
        let mut published_at = None;
        for k in nearest {
            let (i, line) = head[k];
            let Some(day) = days[k].clone() else { continue };
            if listed(k) || self.dates_another(line) {
                continue;
            }
            let update = labelled_update(k);
            if update && i + UPDATE_LINES < start {
                continue;
            }
            let slot = if update { &mut found.modified } else { &mut found.published };
            if slot.is_none() {
                *slot = Some(day);
                dated = dated.or(Some(k));
                published_at = published_at.or(Some(k).filter(|_| !update));
            }
        }
        // Two dates side by side without a label, on the dateline or on a
        // line next to it ("May 21, 2025 April 24, 2025", "8/1/2025" over
        // "8/27/2025"), are a template's publication and update dates: the
        // earlier is the story's.
        if let Some(k) = published_at
            && let Some(published) = found.published.clone()
        {
            let next_to = [k.checked_sub(1), Some(k + 1)].into_iter().flatten().filter(|&j| {
                j < head.len()
                    && head[j].0.abs_diff(head[k].0) == 1
                    && !labelled_update(j)
                    && !self.dates_another(head[j].1)
            });
            let beside =
                self.second_date(head[k].1).or_else(|| next_to.into_iter().find_map(|j| days[j].clone()));
            if let Some(other) = beside.filter(|o| *o != published) {
                let (first, last) = if other < published { (other, published) } else { (published, other) };
                found.published = Some(first);
                found.modified = found.modified.take().or(Some(last));
            }
        }

        // Without a date by the story's start, the one date the page
        // labels as its first publication ("Originally published ...") or,
        // without an update's either, as its publication anywhere
        // ("Published August 13, 2025" under the story) is the story's, as
        // HTML mode reads it.
        if found.published.is_none() {
            let short = || dated_lines().filter(|l| self.dating.is_match(l)).map(str::to_lowercase);
            // A long line that opens with the label is a dateline that runs
            // on ("Posted on December 20, 2025 by Ann Lee - 5 Comments on
            // ...").
            let labelled_long = || {
                lines.iter().filter(may_date).map(|l| &text[l.start..l.end]).filter_map(|l| {
                    if !visible::opens_with_publication_label(l) {
                        return None;
                    }
                    let (at, _) = l.char_indices().nth(visible::MAX_LINE_CHARS as usize)?;
                    Some(l[..at].to_lowercase())
                })
            };
            found.published = visible::original_in_lines(short(), &self.words).or_else(|| {
                found
                    .modified
                    .is_none()
                    .then(|| visible::publication_in_lines(short().chain(labelled_long()), &self.words))
                    .flatten()
            });
        }

        found.authors = head
            .iter()
            .enumerate()
            .filter(|&(_, &(i, _))| Some(i) != title)
            .find_map(|(k, &(i, line))| {
                // The name under a line that is only the label ("By").
                let labelled =
                    k.checked_sub(1).is_some_and(|j| head[j].0 + 1 == i && self.is_label_line(head[j].1));
                let mut names = if labelled {
                    author::after_label(before_names_end(line, stamps))
                } else {
                    self.byline(line, stamps)
                };
                // A label's one word may be a name the page writes in
                // lowercase too ("By Clay").
                names.retain(|name| !name.contains(' ') || !is_phrase(name, text));
                Some(names).filter(|n| !n.is_empty())
            })
            .or_else(|| dated.and_then(|k| self.name_by_dateline(text, lines, &head, k, stamps, title)))
            .unwrap_or_default();
        found
    }
}

/// True when every word of `name` is capitalised and one `text` writes in
/// lowercase too ("Marketing Strategy", "By Industry"): a phrase of the
/// page's language, capitalised as a heading or a menu item is, not a
/// person's name, whose words the page writes capitalised only.
fn is_phrase(name: &str, text: &str) -> bool {
    name.split_whitespace().all(|word| {
        let lower = word.to_lowercase();
        lower != word
            && memchr::memmem::find_iter(text.as_bytes(), &lower).any(|at| {
                // A word of running text, not of an address ("@janedoe",
                // "clay.com").
                let address = |c: char| c.is_alphanumeric() || "/@_".contains(c);
                let before = text[..at].chars().next_back();
                let mut after = text[at + lower.len()..].chars();
                !before.is_some_and(|c| address(c) || c == '.')
                    && match after.next() {
                        Some('.') => !after.next().is_some_and(char::is_alphanumeric),
                        c => !c.is_some_and(address),
                    }
            })
    })
}

/// `line` without the stamp that closes it ("By Ann Lee | May 19, 2024" →
/// "By Ann Lee |"): the names stand before the date.
fn before_stamp<'a>(line: &'a str, stamps: &Stamps) -> &'a str {
    stamps.stamp_start(line).map_or(line, |at| &line[..at])
}

/// `line` up to where its names end: before the stamp that closes it, and
/// before the first digit or symbol no name holds and the date words before
/// it ("By Ann Lee ● 6 min read", "By Ann Lee on March 5, 2024 | 3
/// Comments").
fn before_names_end<'a>(line: &'a str, stamps: &Stamps) -> &'a str {
    let line = before_stamp(line, stamps);
    let end = line
        .find(|c: char| {
            c.is_ascii_digit() || !(c.is_alphanumeric() || c.is_whitespace() || ",.'’-&:|®—–".contains(c))
        })
        .unwrap_or(line.len());
    let mut names = line[..end].trim_end();
    while let Some((rest, word)) = names.rsplit_once(char::is_whitespace)
        && stamps.is_date_word(word.trim_matches(|c: char| !c.is_alphanumeric()))
    {
        names = rest.trim_end();
    }
    names
}

#[cfg(test)]
mod tests {
    use crate::TextCleaner;
    use crate::text::paragraph;

    /// The metadata text mode gives for `head` over a story of four
    /// paragraphs, and `tail` after it.
    fn read(head: &str, tail: &str) -> copydesk_core::Metadata {
        let body: Vec<String> = (1..=4).map(paragraph).collect();
        let text = format!("Home | News | Sport\n{head}\n{}\n{tail}\n", body.join("\n"));
        TextCleaner::new().clean(&text).meta
    }

    #[test]
    fn a_byline_with_two_names_gives_both_authors() {
        let meta = read("Rivers rise across the north again\nBy Jane Doe and John Roe\nMarch 10, 2024", "");
        assert_eq!(meta.authors, ["Jane Doe", "John Roe"]);
        assert_eq!(meta.published.as_deref(), Some("2024-03-10"));
    }

    #[test]
    fn a_dateline_under_the_headline_is_the_published_date() {
        let meta = read("Rivers rise across the north again\nPublished 10 March 2024 08:15\nShare", "");
        assert_eq!(meta.title.as_deref(), Some("Rivers rise across the north again"));
        assert_eq!(meta.published.as_deref(), Some("2024-03-10"));
        assert_eq!(meta.modified, None);
    }

    #[test]
    fn an_updated_stamp_is_the_modified_date_and_dates_the_story_when_alone() {
        let meta =
            read("Rivers rise across the north again\nJane Doe, Staff Writer\nUpdated March 12, 2024", "");
        assert_eq!(meta.authors, ["Jane Doe"]);
        assert_eq!(meta.modified.as_deref(), Some("2024-03-12"));
        assert_eq!(meta.published.as_deref(), Some("2024-03-12"));
        let meta =
            read("Rivers rise across the north again\nMarch 10, 2024\nLast updated:\nMarch 12, 2024", "");
        assert_eq!(meta.published.as_deref(), Some("2024-03-10"));
        assert_eq!(meta.modified.as_deref(), Some("2024-03-12"));
    }

    #[test]
    fn a_name_and_date_printed_side_by_side_name_the_author() {
        let meta = read("Rivers rise across the north again\nJane Doe | May 19, 2024", "");
        assert_eq!(meta.authors, ["Jane Doe"]);
        let meta = read("Rivers rise across the north again\nJane Doe May 19, 2024 — 7 min read", "");
        assert_eq!(meta.authors, ["Jane Doe"]);
        let meta = read("Jane Doe\nMay 19, 2024\nRivers rise across the north again", "");
        assert_eq!(meta.authors, ["Jane Doe"]);
        assert_eq!(meta.published.as_deref(), Some("2024-05-19"));
    }

    #[test]
    fn a_name_a_few_lines_from_the_dateline_is_the_author() {
        let meta =
            read("Rivers rise across the north again\nJane Doe\nWeather\n5 min read\nMay 19, 2024", "");
        assert_eq!(meta.authors, ["Jane Doe"]);
        let meta = read("Rivers rise across the north again\nMay 19, 2024\nWeather\nJane Doe", "");
        assert_eq!(meta.authors, ["Jane Doe"]);
    }

    #[test]
    fn a_menu_item_the_headline_or_a_phrase_by_the_dateline_is_no_author() {
        // A menu's line over the headline, a date under it.
        let meta = read("Pay Your Bills\nRivers Rise Again\nMay 19, 2024", "");
        assert!(meta.authors.is_empty());
        // The headline itself, repeated.
        let meta = read("Rivers Rise Again\nRivers Rise Again\nMay 19, 2024", "");
        assert!(meta.authors.is_empty());
        // Words the story writes in lowercase.
        let meta = read("Rivers rise across the north again\nMarket Report\nMay 19, 2024", "");
        assert!(meta.authors.is_empty());
        // A menu's items on one line.
        let meta = read("Rivers rise across the north again\nHome  Blog\nMay 19, 2024", "");
        assert!(meta.authors.is_empty());
    }

    /// Short furniture lines (a table of contents) that stand between a
    /// head and the story.
    fn contents() -> String {
        (1..=20).map(|n| format!("Section {n}")).collect::<Vec<_>>().join("\n")
    }

    #[test]
    fn a_dateline_far_above_the_story_dates_it_but_an_update_there_does_not() {
        let meta = read(&format!("Rivers rise across the north again\nMay 19, 2024\n{}", contents()), "");
        assert_eq!(meta.published.as_deref(), Some("2024-05-19"));
        let meta =
            read(&format!("Rivers rise across the north again\nUpdated May 19, 2024\n{}", contents()), "");
        assert_eq!((meta.published, meta.modified), (None, None));
        // A long table of contents, the first paragraphs taken for
        // furniture: two screenfuls.
        let long = (1..=40).map(|n| format!("Section {n}")).collect::<Vec<_>>().join("\n");
        let meta = read(&format!("Rivers rise across the north again\nMay 19, 2024\n{long}"), "");
        assert_eq!(meta.published.as_deref(), Some("2024-05-19"));
    }

    #[test]
    fn a_list_of_dated_posts_or_a_persons_last_activity_dates_no_story() {
        let meta = read(
            "Rivers rise across the north again\nFirst post Sunday, 03.03.2019\n\
             Second post Sunday, 24.02.2019\nThird post Sunday, 17.02.2019",
            "",
        );
        assert_eq!(meta.published, None);
        let meta = read("Rivers rise across the north again\nMay 19, 2024\nMay 19, 2024\nMay 19, 2024", "");
        assert_eq!(meta.published.as_deref(), Some("2024-05-19"));
        let meta = read("Rivers rise across the north again\nLast active May 19, 2024", "");
        assert_eq!(meta.published, None);
    }

    #[test]
    fn a_labelled_phrase_of_the_pages_words_is_no_author() {
        let meta = read("Rivers rise across the north again\nBy Market Region", "");
        assert!(meta.authors.is_empty());
        let meta = read("Rivers rise across the north again\nBy Jane Doe", "");
        assert_eq!(meta.authors, ["Jane Doe"]);
    }

    #[test]
    fn a_sentence_that_opens_with_by_is_no_byline() {
        let meta = read(
            "Rivers rise across the north again\n\
             By signing in, you agree to our Terms of Use , Privacy Policy , and Cookie Policy",
            "",
        );
        assert!(meta.authors.is_empty());
    }

    #[test]
    fn a_name_under_a_label_of_its_own_is_the_author() {
        let meta = read("Rivers rise across the north again\nWritten by\nJane Doe\n5 min read", "");
        assert_eq!(meta.authors, ["Jane Doe"]);
    }

    #[test]
    fn only_a_bylines_own_label_opens_one() {
        let meta = read("Search by Postal Code\nRivers rise across the north again\nEdited by\nAnn Lee", "");
        assert!(meta.authors.is_empty());
        let meta = read("Rivers rise across the north again\nMay 19, 2024 by Jane Doe | 3 Comments", "");
        assert_eq!(meta.authors, ["Jane Doe"]);
        assert_eq!(meta.published.as_deref(), Some("2024-05-19"));
    }

    #[test]
    fn a_publication_label_anywhere_dates_a_story_without_a_dateline() {
        let meta = read("Rivers rise across the north again", "Share\nPublished on: 12 March 2024");
        assert_eq!(meta.published.as_deref(), Some("2024-03-12"));
        // Posts listed with their dates: none is the story's.
        let meta = read(
            "Rivers rise across the north again",
            "Posted on March 12, 2024 in Weather\nPosted on March 19, 2024 in Weather",
        );
        assert_eq!(meta.published, None);
    }

    #[test]
    fn a_long_line_that_opens_with_a_publication_label_dates_the_story() {
        let meta = read(
            "Posted on March 12, 2024 by Jane Doe - 5 Comments on Rivers rise across the north again, \
             as the rain goes on for a second week in a row",
            "",
        );
        assert_eq!(meta.published.as_deref(), Some("2024-03-12"));
        // A sentence that names a publication further on is no dateline.
        let meta = read(
            "Rivers rise across the north again",
            "The report, published on March 12, 2024, says that the rivers of the north rose again this \
             week after a week of rain.",
        );
        assert_eq!(meta.published, None);
    }

    #[test]
    fn an_update_gives_way_to_the_first_publication() {
        let meta = read(
            "Rivers rise across the north again\n\
             Updated March 12, 2024 9:10 AM ET Originally published March 10, 2024 8:00 AM ET",
            "",
        );
        assert_eq!(meta.published.as_deref(), Some("2024-03-10"));
        assert_eq!(meta.modified.as_deref(), Some("2024-03-12"));
    }

    #[test]
    fn a_numeric_dateline_that_reads_both_ways_reads_as_the_pages_other_dates() {
        let meta =
            read("Rivers rise across the north again\n03/10/2023", "More news\n25/10/2023\n17/11/2023");
        assert_eq!(meta.published.as_deref(), Some("2023-10-03"));
        let meta = read("Rivers rise across the north again\n03/10/2023", "");
        assert_eq!(meta.published.as_deref(), Some("2023-03-10"));
    }

    #[test]
    fn of_two_dates_side_by_side_the_earlier_is_the_published() {
        let meta = read("Rivers rise across the north again\nMay 21, 2024 April 24, 2024 by Jane Doe", "");
        assert_eq!(meta.published.as_deref(), Some("2024-04-24"));
        assert_eq!(meta.modified.as_deref(), Some("2024-05-21"));
        let meta = read("Rivers rise across the north again\n8/1/2024\n8/27/2024", "");
        assert_eq!(meta.published.as_deref(), Some("2024-08-01"));
        assert_eq!(meta.modified.as_deref(), Some("2024-08-27"));
        // An update's label says which is which.
        let meta = read("Rivers rise across the north again\nMay 21, 2024\nUpdated April 24, 2024", "");
        assert_eq!(meta.published.as_deref(), Some("2024-05-21"));
    }

    #[test]
    fn a_dateline_a_few_lines_into_the_storys_run_dates_it() {
        let body: Vec<String> = (1..=6).map(paragraph).collect();
        let text = format!(
            "Home | News | Sport\nOur writers report on the weather of the region every week, and the \
             figures they give come from the agency's own gauges on the rivers.\nRivers rise across the \
             north again\nRain fell for a week across the north, and the rivers there rose to levels that \
             the towns along them had not seen in a decade.\nBy Jane Doe Mar 5, 2024 | 6 comments\n{}\n",
            body.join("\n")
        );
        let meta = TextCleaner::new().clean(&text).meta;
        assert_eq!(meta.published.as_deref(), Some("2024-03-05"));
    }

    #[test]
    fn a_comments_date_at_the_end_is_not_the_published_date() {
        let meta = read(
            "Rivers rise across the north again",
            "Comments\nAnn Lee\nMarch 14, 2024 at 9:12 am\nGreat story, thanks for writing it.",
        );
        assert_eq!(meta.published, None);
        assert!(meta.authors.is_empty());
    }

    #[test]
    fn no_date_line_gives_no_date_and_a_date_in_the_story_is_none() {
        let meta = read("Rivers rise across the north again", "");
        assert_eq!((meta.published, meta.modified), (None, None));
        let meta = read("Rivers rise across the north again\nThe vote was on March 10, 2024.", "");
        assert_eq!(meta.published, None);
    }

    #[test]
    fn a_front_matter_headers_author_and_date_win_over_the_bylines() {
        let body: Vec<String> = (1..=4).map(paragraph).collect();
        let text = format!(
            "---\nauthor: Ann Lee\ndate: 2024-01-01\n---\nRivers rise across the north again\n\
             By Jane Doe\nMarch 10, 2024\nUpdated March 12, 2024\n{}\n",
            body.join("\n")
        );
        let meta = TextCleaner::new().clean(&text).meta;
        assert_eq!(meta.authors, ["Ann Lee"]);
        assert_eq!(meta.published.as_deref(), Some("2024-01-01"));
        assert_eq!(meta.modified.as_deref(), Some("2024-03-12"));
    }

    #[test]
    fn values_read_before_win() {
        let mut meta = copydesk_core::Metadata {
            authors: vec!["Ann Lee".to_string()],
            published: Some("2024-01-01".to_string()),
            ..Default::default()
        };
        super::Byline {
            authors: vec!["Jane Doe".to_string()],
            published: Some("2024-03-10".to_string()),
            modified: Some("2024-03-12".to_string()),
        }
        .fill(&mut meta);
        assert_eq!(meta.authors, ["Ann Lee"]);
        assert_eq!(meta.published.as_deref(), Some("2024-01-01"));
        assert_eq!(meta.modified.as_deref(), Some("2024-03-12"));
    }
}
