//! Text mode: the story in plain text scraped from a page, with the site's
//! furniture (menus, share and sign-up calls, ratings, author blurbs, lists
//! of other headlines, disclaimers) still in it.
//!
//! Each line is measured alone ([`line`]), matched against the cue-phrase
//! tables ([`cues`]), classed ([`class`]), and then judged in context
//! ([`story`]): the story is the longest body of prose, and short lines in
//! it stay or go by their neighbours. First a metadata header the text
//! opens with (front matter, a reader service's `Title:` lines) is read
//! into the metadata ([`header`]); then the text is read as a page would
//! show it: each hard-wrapped paragraph is joined onto one line
//! ([`unwrap`]) and markdown is taken off, line for line ([`markdown`]).
//! After that, lines are never split or rewritten: every paragraph of the
//! output is a line of that text, trimmed.

mod bio;
mod byline;
mod class;
mod credit;
mod cues;
mod date;
mod header;
mod line;
mod markdown;
mod story;
mod tweet;
mod unwrap;

use copydesk_core::{Document, Metadata};

/// Line-level boilerplate stripping for scraped text.
///
/// The text may come one block a line, hard-wrapped at a fixed width, or as
/// markdown; the story comes back one paragraph a line, without markup. A
/// metadata header it opens with (YAML front matter, as trafilatura writes
/// markdown with metadata; Jina Reader's `Title:`, `URL Source:`,
/// `Published Time:` lines) gives the title, authors, dates, URL, site,
/// description and language, and is not part of the story.
///
/// Built once (the cue automaton is compiled in [`TextCleaner::new`]) and
/// shared freely: it is `Send + Sync` and holds no mutable state.
///
/// ```
/// use copydesk_clean::TextCleaner;
///
/// let page = "Home | World | Sport\n\
///             Rivers rise across the north\n\
///             Share on Facebook\n\
///             Rivers across the north rose to record levels on Sunday after a week of rain, officials said.\n\
///             Hundreds of homes were evacuated overnight, and more rain is forecast for Tuesday.\n\
///             Sign up for our newsletter\n";
/// let doc = TextCleaner::new().clean(page);
/// assert_eq!(doc.meta.title.as_deref(), Some("Rivers rise across the north"));
/// assert!(doc.text.starts_with("Rivers across the north rose"));
/// assert!(doc.text.ends_with("forecast for Tuesday."));
/// ```
pub struct TextCleaner {
    cues: cues::Cues,
    dates: date::DateWords,
    bylines: byline::Reader,
}

impl Default for TextCleaner {
    fn default() -> TextCleaner {
        TextCleaner::new()
    }
}

impl TextCleaner {
    /// Builds the cleaner, compiling the cue tables.
    pub fn new() -> TextCleaner {
        TextCleaner { cues: cues::Cues::new(), dates: date::DateWords::new(), bylines: byline::Reader::new() }
    }

    /// Keeps the story lines of `text`: the paragraphs, joined by `"\n\n"`,
    /// and the headline, when one is evident above the story, as
    /// `meta.title`; the byline's names and the date stamps around the
    /// story's start as `meta.authors`, `meta.published` and, when labelled
    /// as an update's, `meta.modified`, where a metadata header gives none.
    pub fn clean(&self, text: &str) -> Document {
        let (mut header, text) = match header::read(text) {
            Some((meta, end)) => (meta, &text[end..]),
            None => (Metadata::default(), text),
        };
        let unwrapped = unwrap::join(text);
        let plain = markdown::plain(&unwrapped);
        let text: &str = &plain;
        let mut lines = line::scan(text);
        self.cues.mark(text, &mut lines);
        // A stamp holds a figure: most short lines (menus, labels) hold none
        // and are not read.
        for line in lines.iter_mut().filter(|l| l.digits > 0 && l.units <= date::STAMP_UNITS) {
            line.stamp = self.dates.is_stamp(&text[line.start..line.end]);
        }
        // A byline that dates the story ends in a sentence's full stop
        // ("... at 11:04 a.m."), so it would pass for a paragraph.
        for line in lines.iter_mut().filter(|l| l.digits > 0 && !l.stamp && l.units <= date::BYLINE_UNITS) {
            let slice = &text[line.start..line.end];
            line.stamp = if line.start_cue {
                self.dates.is_dated_byline(slice)
            } else {
                self.dates.stamped_byline(slice).is_some()
            };
        }
        tweet::mark(text, &self.dates, &mut lines);
        bio::mark(text, &mut lines);
        let classes: Vec<class::Class> = lines.iter().map(class::classify).collect();
        let story = story::select(text, &lines, &classes);
        let slice = |l: &line::Line| &text[l.start..l.end];
        let mut body = String::with_capacity(text.len() / 2);
        for line in lines.iter().zip(&story.keep).filter(|(_, k)| **k).map(|(l, _)| l) {
            if !body.is_empty() {
                body.push_str("\n\n");
            }
            body.push_str(slice(line));
        }
        // The header's title is the page's own; the headline line is only
        // the best guess without one.
        let title = header.title.take().or_else(|| story.title.map(|i| slice(&lines[i]).to_string()));
        let mut meta = Metadata { title, ..header };
        // The header's authors and dates win over the byline's.
        self.bylines.read(text, &lines, &story, &self.dates).fill(&mut meta);
        Document { text: body, meta }
    }
}

/// A paragraph of prose with its number, a story's worth of words: the
/// text-mode tests' fixture.
#[cfg(test)]
fn paragraph(n: usize) -> String {
    format!(
        "Paragraph {n} of the report says that prices in the region rose again this year, \
         after two quiet years, as buyers returned to the market."
    )
}
