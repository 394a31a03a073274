//! Who said what in a news story: quotes, the cue that attributes each one,
//! and the speaker, resolved to a full name where the story gives one.
//!
//! Quotes are found from their marks alone (straight and curly double
//! quotes, single quotes where they quote, guillemets; nested, stray and
//! missing marks; quotes running over several paragraphs), or as paragraphs
//! set off by a lead-in ending with its cue and a colon ("The official
//! responded:"), the block quotes of a page whose markup is gone. Attribution reads
//! the narrative around each quote with cue verbs, titles, roles and pronouns
//! kept in data files (`data/*.txt`) and compiled once; no parser is needed.
//! Quoted words that nobody is said to have said (scare quotes, nicknames,
//! titles) are left out.
//!
//! ```
//! use copydesk_core::Span;
//! use copydesk_quotes::{QuoteFinder, QuoteKind};
//!
//! let text = "Maj. Ada Pell, a port spokeswoman, spoke on Monday.\n\n\
//!             \"The harbour will reopen next week,\" Pell said.";
//! let sentences = [Span::new(0, 51), Span::new(53, text.len())];
//! let quotes = QuoteFinder::new().find(text, &sentences);
//! assert_eq!(quotes.len(), 1);
//! assert_eq!(quotes[0].text, "\"The harbour will reopen next week,\"");
//! assert_eq!(quotes[0].kind, QuoteKind::Direct);
//! let speaker = quotes[0].speaker.as_ref().unwrap();
//! assert_eq!(speaker.text, "Pell");
//! assert_eq!(speaker.name.as_deref(), Some("Ada Pell"));
//! assert_eq!(quotes[0].cue.as_ref().unwrap().text, "said");
//! ```

mod attribute;
mod block;
mod kind;
mod lexicon;
mod marks;
mod mention;
mod pairing;
mod resolve;
mod story;
mod subject;
mod tokens;

use copydesk_core::Span;
use serde::Serialize;

use crate::attribute::Attribution;
use crate::lexicon::Lexicon;
use crate::mention::{Mention, MentionKind};
use crate::resolve::{Names, Resolver};
use crate::story::Story;

/// Finds and attributes the quotes of a story. Built once (its automata are
/// compiled in [`QuoteFinder::new`]) and shared across threads.
pub struct QuoteFinder {
    lex: Lexicon,
}

impl Default for QuoteFinder {
    fn default() -> QuoteFinder {
        QuoteFinder::new()
    }
}

/// Whether a quote stands as an utterance or is woven into a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// A full quoted utterance: `"We had a common enemy," she said.`
    Direct,
    /// A quoted fragment that someone is said to have said, inside the
    /// writer's sentence: `He insists he is "winning."`
    Partial,
}

/// How the speaker is named where the quote is attributed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerKind {
    /// A proper name, with any titles: "Maj. Rob Lodewick", "the Kremlin".
    Name,
    /// A pronoun: "he", "she", "they".
    Pronoun,
    /// A description headed by a role noun: "the senior Taliban official".
    Description,
}

/// A quote, its speaker and its cue. Offsets are byte offsets into the text
/// given to [`QuoteFinder::find`].
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Quote {
    /// Start of the quote, at its opening mark (at its first paragraph's
    /// start for a block quote, which has no marks).
    pub start: usize,
    /// End of the quote, past its closing mark (or the end of its paragraph
    /// when no mark closes it, or of a block quote's last paragraph).
    pub end: usize,
    /// The quote, marks included.
    pub text: String,
    /// Direct or partial.
    pub kind: QuoteKind,
    /// Who said it, when the story says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<Speaker>,
    /// The words that attribute it ("said", "according to").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cue: Option<Cue>,
}

/// The speaker of a quote.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Speaker {
    /// Start of the mention nearest the cue.
    pub start: usize,
    /// End of the mention.
    pub end: usize,
    /// The mention as written: "Lodewick", "he", "the senior Taliban official".
    pub text: String,
    /// The full name, when the story gives one: the fullest form of the name
    /// ("Rob Lodewick"), or the name a pronoun or a role stands for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// How the mention names the speaker.
    pub kind: SpeakerKind,
}

/// The cue attributing a quote.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Cue {
    /// Start of the cue.
    pub start: usize,
    /// End of the cue.
    pub end: usize,
    /// The cue as written: "said", "according to", "as saying".
    pub text: String,
}

impl Quote {
    /// The quote's byte range.
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

impl QuoteFinder {
    /// Compiles the word lists.
    pub fn new() -> QuoteFinder {
        QuoteFinder { lex: Lexicon::new() }
    }

    /// The attributed quotes of `text`, in order. `sentences` are the sorted
    /// sentence spans of `text` (from copydesk-segment); coarse spans, or
    /// none, only cost some accuracy.
    pub fn find(&self, text: &str, sentences: &[Span]) -> Vec<Quote> {
        let story = Story::new(text, sentences, &self.lex);
        let attributed = story.attribute();
        let blocks = story.blocks();
        let names = Names::new(&story);
        let overrides: Vec<(usize, Mention)> = attributed
            .iter()
            .filter_map(|a| a.attribution)
            .chain(blocks.iter().map(|b| b.attribution))
            .map(|x| (x.cue.0, x.speaker))
            .collect();
        let resolver = Resolver::new(&story, &names, &overrides);
        let slice = |first: usize, last: usize| {
            let span = Span::new(story.toks[first].start, story.toks[last].end);
            (span, span.slice(text).to_string())
        };
        let quote = |span: Span, kind: QuoteKind, attribution: Attribution| {
            let m = attribution.speaker;
            let (s, s_text) = slice(m.first, m.last);
            let (c, c_text) = slice(attribution.cue.0, attribution.cue.1);
            let speaker_kind = match m.kind {
                MentionKind::Name => SpeakerKind::Name,
                MentionKind::Pronoun => SpeakerKind::Pronoun,
                MentionKind::Description => SpeakerKind::Description,
            };
            Quote {
                start: span.start,
                end: span.end,
                text: span.slice(text).to_string(),
                kind,
                speaker: Some(Speaker {
                    start: s.start,
                    end: s.end,
                    text: s_text,
                    name: resolver.name(attribution.cue.0),
                    kind: speaker_kind,
                }),
                cue: Some(Cue { start: c.start, end: c.end, text: c_text }),
            }
        };
        let block_spans: Vec<(Span, Attribution)> = blocks
            .iter()
            .map(|b| {
                let first = story.paras[b.first].start;
                let last = story.paras[b.end - 1].end - 1;
                (Span::new(story.toks[first].start, story.toks[last].end), b.attribution)
            })
            .collect();
        // Quotes inside a block quote are nested in it.
        let in_block =
            |span: Span| block_spans.iter().any(|(b, _)| b.start <= span.start && span.end <= b.end);
        let mut quotes: Vec<Quote> = story
            .quotes
            .iter()
            .zip(&attributed)
            .filter(|(raw, _)| !in_block(raw.span))
            .filter_map(|(raw, a)| {
                let kind = if a.partial { QuoteKind::Partial } else { QuoteKind::Direct };
                Some(quote(raw.span, kind, a.attribution?))
            })
            .chain(block_spans.iter().map(|&(span, a)| quote(span, QuoteKind::Direct, a)))
            .collect();
        quotes.sort_by_key(|q| q.start);
        quotes
    }
}
