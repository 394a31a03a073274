//! Text mode: the story in plain text scraped from a page, with the site's
//! furniture (menus, share and sign-up calls, ratings, author blurbs, lists
//! of other headlines, disclaimers) still in it.
//!
//! Each line is measured alone ([`line`]), matched against the cue-phrase
//! tables ([`cues`]), classed ([`class`]), and then judged in context
//! ([`story`]): the story is the longest body of prose, and short lines in
//! it stay or go by their neighbours. A learned line model ([`model`]) can
//! make the final call on each line from those measures and decisions, the
//! line's and its neighbours' ([`TextCleaner::with_line_model`]); none
//! ships, as none fitted so far beats the rules on pages it was not fitted
//! on (`cargo xtask train-text`). Lines are never split or rewritten:
//! every paragraph of the output is a line of the input, trimmed.

mod bio;
mod class;
mod credit;
mod cues;
mod date;
mod line;
mod model;
mod story;

use copydesk_core::{Document, Metadata};

/// Line-level boilerplate stripping for scraped text.
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
    /// The learned line decision; `None` keeps the rules' story.
    model: Option<model::LineModel>,
}

/// One line's features, as the line model reads them (for fitting it).
#[derive(Clone, Debug)]
pub struct LineFeatures {
    /// Byte offset of the line's first non-space character in the text.
    pub start: usize,
    /// Byte offset one past its last non-space character.
    pub end: usize,
    /// The values, in the order of [`TextCleaner::line_feature_names`].
    pub values: Vec<f32>,
}

impl Default for TextCleaner {
    fn default() -> TextCleaner {
        TextCleaner::new()
    }
}

impl TextCleaner {
    /// Builds the cleaner, compiling the cue tables: the rules decide.
    pub fn new() -> TextCleaner {
        TextCleaner { cues: cues::Cues::new(), dates: date::DateWords::new(), model: None }
    }

    /// Builds the cleaner with a line model (the text of a model file, as
    /// `cargo xtask train-text --out FILE` writes it) making the final call
    /// on each line, or with none: the rules' story alone.
    ///
    /// # Errors
    ///
    /// The model file is malformed or was fitted to other features.
    pub fn with_line_model(model: Option<&str>) -> Result<TextCleaner, String> {
        let model = model.map(model::LineModel::parse).transpose()?;
        Ok(TextCleaner { cues: cues::Cues::new(), dates: date::DateWords::new(), model })
    }

    /// The names of the line model's features, in order.
    pub fn line_feature_names() -> Vec<String> {
        model::names()
    }

    /// The features of each non-blank line of `text`, as the line model
    /// reads them: what the rules measured and decided, on the line and
    /// its neighbours.
    pub fn line_features(&self, text: &str) -> Vec<LineFeatures> {
        let (lines, classes, story) = self.rules(text);
        let page = model::Page { lines: &lines, classes: &classes, keep: &story.keep, title: story.title };
        let values = page.all_features();
        lines
            .iter()
            .zip(values)
            .map(|(l, v)| LineFeatures { start: l.start, end: l.end, values: v.to_vec() })
            .collect()
    }

    /// The lines of `text`, measured and classed, and the rules' story.
    fn rules(&self, text: &str) -> (Vec<line::Line>, Vec<class::Class>, story::Story) {
        let mut lines = line::scan(text);
        self.cues.mark(text, &mut lines);
        for line in lines.iter_mut().filter(|l| l.units <= date::STAMP_UNITS) {
            line.stamp = self.dates.is_stamp(&text[line.start..line.end]);
        }
        bio::mark(text, &mut lines);
        let classes: Vec<class::Class> = lines.iter().map(class::classify).collect();
        let story = story::select(&lines, &classes);
        (lines, classes, story)
    }

    /// Keeps the story lines of `text`: the paragraphs, joined by `"\n\n"`,
    /// and the headline, when one is evident above the story, as
    /// `meta.title`.
    pub fn clean(&self, text: &str) -> Document {
        let (lines, classes, mut story) = self.rules(text);
        if let Some(model) = &self.model {
            let rules_keep = story.keep.clone();
            let page =
                model::Page { lines: &lines, classes: &classes, keep: &rules_keep, title: story.title };
            model.decide(&page, &mut story.keep);
        }
        let slice = |l: &line::Line| &text[l.start..l.end];
        let mut body = String::with_capacity(text.len() / 2);
        for line in lines.iter().zip(&story.keep).filter(|(_, k)| **k).map(|(l, _)| l) {
            if !body.is_empty() {
                body.push_str("\n\n");
            }
            body.push_str(slice(line));
        }
        let title = story.title.map(|i| slice(&lines[i]).to_string());
        Document { text: body, meta: Metadata { title, ..Metadata::default() } }
    }
}
