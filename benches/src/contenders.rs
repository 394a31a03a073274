//! Who is timed on each stage: copydesk, the Rust peers, and the physical
//! bounds (the HTML parsers' own speed, a memchr scan for text).
//!
//! Every contender is a function over a whole input set returning a size of
//! its output, so the optimiser cannot drop the work. Everything a
//! contender needs built (automata, configurations) is built once in
//! [`Tools`], outside the timed call.

use copydesk::Pipeline;
use copydesk::clean::Cleaner;
use copydesk::core::Span;
use copydesk::numbers::FigureScanner;
use copydesk::quotes::QuoteFinder;
use copydesk::segment::Segmenter;
use lol_html::{HtmlRewriter, Settings, doc_text};
use serde::Serialize;

use crate::inputs::{Inputs, Set};
use Kind::{Bound, Copydesk, RustPeer};
use Stage::{CleanHtml, CleanText, Figures, FiguresPlain, Pipeline as Whole, Quotes, Segment};

/// A hot path of copydesk, timed on one input set.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Main content and metadata of HTML pages.
    CleanHtml,
    /// Story lines of scraped text.
    CleanText,
    /// Sentence splitting.
    Segment,
    /// Quotes and speakers (sentence splitting included, as a user runs it).
    Quotes,
    /// Figures.
    Figures,
    /// Figures in prose without numerals, which must be skipped at
    /// scanning speed.
    FiguresPlain,
    /// Every stage from HTML page to figures.
    Pipeline,
}

impl Stage {
    /// Every stage, in table order.
    pub const ALL: [Stage; 7] = [
        Stage::CleanHtml,
        Stage::CleanText,
        Stage::Segment,
        Stage::Quotes,
        Stage::Figures,
        Stage::FiguresPlain,
        Stage::Pipeline,
    ];

    /// The stage's name in benches and tables.
    pub fn name(self) -> &'static str {
        match self {
            Stage::CleanHtml => "clean_html",
            Stage::CleanText => "clean_text",
            Stage::Segment => "segment",
            Stage::Quotes => "quotes",
            Stage::Figures => "figures",
            Stage::FiguresPlain => "figures_plain",
            Stage::Pipeline => "pipeline",
        }
    }

    /// The input set the stage is timed on.
    pub fn input(self, inputs: &Inputs) -> &Set {
        match self {
            Stage::CleanHtml | Stage::Pipeline => &inputs.html,
            Stage::CleanText => &inputs.scraped,
            Stage::Segment | Stage::Figures => &inputs.news,
            Stage::Quotes => &inputs.quoted,
            Stage::FiguresPlain => &inputs.plain,
        }
    }
}

/// What a contender is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// copydesk itself, on one thread.
    Copydesk,
    /// copydesk on every core: compared with its own one-thread row.
    Parallel,
    /// A Rust crate that does the same job.
    RustPeer,
    /// Work any implementation must at least do: a physical limit.
    Bound,
}

/// Everything the contenders use, built once.
pub struct Tools {
    pub(crate) cleaner: Cleaner,
    pub(crate) segmenter: Segmenter,
    pub(crate) quotes: QuoteFinder,
    pub(crate) figures: FigureScanner,
    pub(crate) pipeline: Pipeline,
    english: text2num::Language,
    smoothie: dom_smoothie::Config,
}

impl Default for Tools {
    fn default() -> Tools {
        Tools::new()
    }
}

impl Tools {
    /// Builds every stage and peer configuration.
    pub fn new() -> Tools {
        Tools {
            cleaner: Cleaner::new(),
            segmenter: Segmenter::new(),
            quotes: QuoteFinder::new(),
            figures: FigureScanner::new(),
            pipeline: Pipeline::new(),
            english: text2num::Language::english(),
            // The default text mode runs words of adjacent blocks together.
            smoothie: dom_smoothie::Config {
                text_mode: dom_smoothie::TextMode::Formatted,
                ..Default::default()
            },
        }
    }

    /// Sentence spans and the quotes found with them: what a user runs to
    /// get quotes from text.
    pub(crate) fn sentences_and_quotes(&self, text: &str) -> (Vec<Span>, Vec<copydesk::quotes::Quote>) {
        let sentences: Vec<Span> = self.segmenter.split(text).collect();
        let quotes = self.quotes.find(text, &sentences);
        (sentences, quotes)
    }
}

/// One contender on one stage.
pub struct Contender {
    /// The stage it is timed on.
    pub stage: Stage,
    /// Its name in benches and tables.
    pub tool: &'static str,
    /// What it is.
    pub kind: Kind,
    run: fn(&Tools, &str, &[u8]) -> usize,
}

impl Contender {
    /// Runs the contender over every document of `set`, returning the total
    /// size of its output (items or bytes).
    pub fn run(&self, tools: &Tools, set: &Set) -> usize {
        set.docs.iter().map(|d| (self.run)(tools, &d.text, &d.raw)).sum()
    }
}

/// The contenders of `stage`, copydesk first.
pub fn of(stage: Stage) -> impl Iterator<Item = &'static Contender> {
    CONTENDERS.iter().filter(move |c| c.stage == stage)
}

const fn contender(
    stage: Stage,
    tool: &'static str,
    kind: Kind,
    run: fn(&Tools, &str, &[u8]) -> usize,
) -> Contender {
    Contender { stage, tool, kind, run }
}

static CONTENDERS: &[Contender] = &[
    contender(CleanHtml, "copydesk", Copydesk, |t, _, raw| {
        t.cleaner.clean_html(raw).map_or(0, |d| d.text.len())
    }),
    contender(CleanHtml, "dom_smoothie", RustPeer, dom_smoothie),
    contender(CleanHtml, "rs-trafilatura", RustPeer, |_, text, _| {
        rs_trafilatura::extract(text).map_or(0, |r| r.content_text.len())
    }),
    contender(CleanHtml, "scraper parse", Bound, scraper_parse),
    contender(CleanHtml, "lol_html text pass", Bound, lol_html_text),
    contender(CleanText, "copydesk", Copydesk, |t, text, _| t.cleaner.clean_text(text).text.len()),
    contender(CleanText, "memchr3 scan", Bound, memchr_scan),
    contender(Segment, "copydesk", Copydesk, |t, text, _| t.segmenter.split(text).count()),
    contender(Segment, "sentencex", RustPeer, |_, text, _| sentencex::segment("en", text).len()),
    contender(Segment, "memchr3 scan", Bound, memchr_scan),
    contender(Quotes, "copydesk", Copydesk, |t, text, _| t.sentences_and_quotes(text).1.len()),
    contender(Quotes, "memchr3 scan", Bound, memchr_scan),
    contender(Figures, "copydesk", Copydesk, copydesk_figures),
    contender(Figures, "text2num", RustPeer, |t, text, _| {
        text2num::replace_numbers_in_text(text, &t.english, 10.0).len()
    }),
    contender(Figures, "memchr3 scan", Bound, memchr_scan),
    contender(FiguresPlain, "copydesk", Copydesk, copydesk_figures),
    contender(FiguresPlain, "memchr3 scan", Bound, memchr_scan),
    contender(Whole, "copydesk", Copydesk, |t, _, raw| {
        t.pipeline.extract(raw).map_or(0, |e| e.sentences.len() + e.quotes.len() + e.figures.len())
    }),
    contender(Whole, "scraper parse", Bound, scraper_parse),
    contender(Whole, "lol_html text pass", Bound, lol_html_text),
];

fn copydesk_figures(tools: &Tools, text: &str, _: &[u8]) -> usize {
    tools.figures.scan(text).len()
}

fn dom_smoothie(tools: &Tools, html: &str, _: &[u8]) -> usize {
    dom_smoothie::Readability::new(html, None, Some(tools.smoothie.clone()))
        .and_then(|mut r| r.parse())
        .map_or(0, |article| article.text_content.len())
}

/// A full HTML5 parse into a tree, the least an extractor built on the
/// scraper crate does.
fn scraper_parse(_: &Tools, html: &str, _: &[u8]) -> usize {
    scraper::Html::parse_document(html).tree.nodes().count()
}

/// A streaming tokenizer pass that sees every text chunk: the least a
/// streaming extractor does.
fn lol_html_text(_: &Tools, html: &str, _: &[u8]) -> usize {
    let mut text = 0;
    let settings = Settings::new().append_document_content_handler(doc_text!(|chunk| {
        text += chunk.as_str().len();
        Ok(())
    }));
    let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
    let written = rewriter.write(html.as_bytes());
    // The closure takes the rewriter, ending its borrow of `text`.
    let ended = written.and_then(|()| rewriter.end());
    if ended.is_ok() { text } else { 0 }
}

/// A scan for sentence-final punctuation at memory speed: the least any
/// text stage does is read its input once.
fn memchr_scan(_: &Tools, text: &str, _: &[u8]) -> usize {
    memchr::memchr3_iter(b'.', b'?', b'!', text.as_bytes()).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_stage_has_copydesk_first() {
        for stage in Stage::ALL {
            let first = of(stage).next().map(|c| (c.tool, c.kind));
            assert_eq!(first, Some(("copydesk", Kind::Copydesk)), "{}", stage.name());
        }
    }

    #[test]
    fn bounds_and_peers_see_the_work() {
        let tools = Tools::new();
        let html = "<html><body><p>One. Two?</p><p>Three!</p></body></html>";
        assert_eq!(memchr_scan(&tools, html, html.as_bytes()), 3);
        assert_eq!(lol_html_text(&tools, html, html.as_bytes()), "One. Two?Three!".len());
        assert!(scraper_parse(&tools, html, html.as_bytes()) >= 5);
    }
}
