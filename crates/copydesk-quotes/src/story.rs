//! A story read for attribution: its paragraphs, the outermost quotes of
//! each, and the token stream of the narrative around them with cue phrases
//! and sentence starts marked.

use std::ops::Range;

use copydesk_core::Span;

use crate::lexicon::{CueClass, Entry, Gender, Lexicon};
use crate::marks::{self, Glyph};
use crate::pairing::{self, RawQuote};
use crate::tokens::{self, Case, Kind, Tok};

/// One story, tokenised.
pub(crate) struct Story<'t> {
    pub(crate) text: &'t str,
    pub(crate) lex: &'t Lexicon,
    pub(crate) toks: Vec<Tok>,
    /// Token range of each paragraph.
    pub(crate) paras: Vec<Range<usize>>,
    /// The outermost quotes, in order.
    pub(crate) quotes: Vec<RawQuote>,
    /// The token standing for each quote.
    pub(crate) quote_tok: Vec<usize>,
    /// The paragraph of each token.
    pub(crate) tok_para: Vec<u32>,
    /// Some quote uses double marks: the house style quotes with them.
    pub(crate) double_style: bool,
    /// What the word lists say about each token.
    pub(crate) info: Vec<Entry>,
}

impl<'t> Story<'t> {
    pub(crate) fn new(text: &'t str, sentences: &[Span], lex: &'t Lexicon) -> Story<'t> {
        let para_spans = paragraphs(text);
        let mut story = Story {
            text,
            lex,
            // News runs about six bytes a token.
            toks: Vec::with_capacity(text.len() / 5 + 16),
            paras: Vec::new(),
            quotes: Vec::new(),
            quote_tok: Vec::new(),
            tok_para: Vec::with_capacity(text.len() / 5 + 16),
            double_style: false,
            info: Vec::new(),
        };
        for (p, para) in para_spans.iter().enumerate() {
            let next_opens = para_spans.get(p + 1).is_some_and(|next| starts_with_opener(text, *next));
            let marks = marks::scan(text, para.start, para.end);
            let has_cue = |s: Span| lex.has_cue(s.slice(text));
            let quotes = pairing::pair(text, *para, &marks, next_opens, has_cue);
            let first = story.toks.len();
            let mut at = para.start;
            for q in quotes {
                tokens::tokenize(text, at, q.span.start, lex, &mut story.toks);
                story.quote_tok.push(story.toks.len());
                story.toks.push(tokens::tok(q.span.start, q.span.end, Kind::Quote(story.quotes.len())));
                story.quotes.push(q);
                at = q.span.end;
            }
            tokens::tokenize(text, at, para.end, lex, &mut story.toks);
            story.paras.push(first..story.toks.len());
            story.tok_para.resize(story.toks.len(), p as u32);
        }
        story.double_style = story.quotes.iter().any(|q| q.family == marks::Family::Double);
        story.look_up_words();
        story.mark_cues();
        story.mark_sentence_starts(sentences);
        story
    }

    fn look_up_words(&mut self) {
        let info = self.toks.iter().map(|t| {
            if !t.is_word() {
                return Entry::default();
            }
            let w = &self.text[t.start..t.end];
            let mut e = self.lex.entry_in(self.text, t.start, t.end);
            // "He’s claiming": the contraction keeps the pronoun.
            if let Some(stem) = w.strip_suffix("’s").or_else(|| w.strip_suffix("'s")) {
                e.pronoun = e.pronoun.or(self.lex.entry(stem).pronoun);
            }
            e
        });
        self.info = info.collect();
    }

    /// Marks the words that start a cue phrase. Cues are lowercase verbs;
    /// only "According to" opens a sentence.
    fn mark_cues(&mut self) {
        for t in 0..self.toks.len() {
            if self.info[t].cue.is_none() {
                continue;
            }
            let next = |k: usize| {
                let j = t + 1 + k;
                (j < self.toks.len() && self.toks[j].is_word() && self.same_para(t, j)).then(|| self.word(j))
            };
            let Some((class, len)) = self.lex.cue(&self.info[t], next) else { continue };
            if self.is_lowercase(t) || class == CueClass::Prep {
                self.toks[t].cue = Some((class, len as u8));
            }
        }
    }

    fn mark_sentence_starts(&mut self, sentences: &[Span]) {
        for r in &self.paras {
            if let Some(t) = self.toks.get_mut(r.start) {
                t.sentence_start = true;
            }
        }
        for i in 1..self.toks.len() {
            let prev = self.toks[i - 1];
            // A period inside brackets ends no sentence before the closing
            // bracket ("Rep. Ada Pell (D-Ore.) said"); past it, a capital
            // starts one ("(He left.) Then").
            let closing = |t: &Tok| matches!(t.kind, Kind::Punct(')' | ']'));
            let after_period = (prev.ends_sentence() && !closing(&self.toks[i]))
                || (closing(&prev) && i >= 2 && self.toks[i - 2].ends_sentence() && self.is_capitalised(i));
            // A quote woven into a sentence, or introduced by its cue
            // (`telling her, "Q!"`), ends it with its period; one standing
            // alone may still be followed by `Graham asked.`
            let woven =
                i >= 2 && self.same_para(i - 2, i) && (self.toks[i - 2].is_word() || self.introduced(i - 1));
            let after_closed_quote = prev.quote().is_some_and(|q| self.quote_ends_sentence(q))
                && self.is_capitalised(i)
                && self.toks[i].cue.is_none()
                && (woven || !self.attribution_follows(i));
            if after_period || after_closed_quote {
                self.toks[i].sentence_start = true;
            }
        }
        // The segmenter's boundaries that fall outside quotes; right after a
        // quote the rule above decides, as `"Why?" Graham asked.` goes on.
        let mut t = 0;
        for s in sentences {
            let start = trimmed_start(self.text, s);
            while t < self.toks.len() && self.toks[t].start < start {
                t += 1;
            }
            let after_quote = t > 0 && self.toks[t - 1].quote().is_some();
            if t < self.toks.len() && self.toks[t].start == start && !after_quote {
                self.toks[t].sentence_start = true;
            }
        }
    }

    /// True when a speaker and a cue verb start at token `i`: `Graham asked`.
    fn attribution_follows(&self, i: usize) -> bool {
        let hi = self.para_of(i).end.min(i + 30);
        let verb = self.mention_after(i, hi).and_then(|m| self.verb_after(m.last + 1, hi));
        // "Zahed said:" leads into the next quote instead.
        verb.is_some_and(|c| {
            let end = c + self.toks[c].cue.map_or(1, |(_, len)| len as usize);
            !(end < hi && self.toks[end].is_punct(':'))
        })
    }

    /// True when the quote at token `t` follows its cue and a comma or a
    /// colon: `Ruas said, "Q"`, `telling her: "Q"`.
    pub(crate) fn introduced(&self, t: usize) -> bool {
        let lo = self.para_of(t).start.max(t.saturating_sub(4));
        t > lo
            && matches!(self.toks[t - 1].kind, Kind::Punct(',' | ':'))
            && (lo..t - 1).any(|k| self.toks[k].cue.is_some())
    }

    /// True when quote `q` ends with a period, a question or an
    /// exclamation mark before its closing mark.
    pub(crate) fn quote_ends_sentence(&self, q: usize) -> bool {
        let s = self.quotes[q].span.slice(self.text);
        s.trim_end_matches(|c: char| marks::is_mark(c) || c.is_whitespace()).ends_with(['.', '?', '!'])
    }

    /// The text of token `i`.
    pub(crate) fn word(&self, i: usize) -> &'t str {
        let t = self.toks[i];
        &self.text[t.start..t.end]
    }

    /// True when token `i` is a word starting with a capital letter.
    pub(crate) fn is_capitalised(&self, i: usize) -> bool {
        self.toks[i].case() == Case::Upper
    }

    /// True when token `i` is a word in lowercase.
    pub(crate) fn is_lowercase(&self, i: usize) -> bool {
        self.toks[i].case() == Case::Lower
    }

    /// The pronoun's gender when token `i` is a subject pronoun.
    pub(crate) fn pronoun(&self, i: usize) -> Option<Gender> {
        self.info[i].pronoun
    }

    /// True when tokens `a` and `b` are in the same paragraph.
    pub(crate) fn same_para(&self, a: usize, b: usize) -> bool {
        self.tok_para[a] == self.tok_para[b]
    }

    /// The paragraph's token range holding token `i`.
    pub(crate) fn para_of(&self, i: usize) -> Range<usize> {
        self.paras[self.tok_para[i] as usize].clone()
    }

    /// The first token of the sentence holding token `i`, looking back at
    /// most `limit` tokens and never past the paragraph's start.
    pub(crate) fn sentence_start(&self, i: usize, limit: usize) -> usize {
        let lo = self.para_of(i).start.max(i.saturating_sub(limit));
        (lo..=i).rev().find(|&k| self.toks[k].sentence_start).unwrap_or(lo)
    }

    /// One past the last token of the sentence holding token `i`, looking
    /// ahead at most `limit` tokens and never past the paragraph's end.
    pub(crate) fn sentence_end(&self, i: usize, limit: usize) -> usize {
        let hi = self.para_of(i).end.min(i + limit);
        (i + 1..hi).find(|&k| self.toks[k].sentence_start).unwrap_or(hi)
    }
}

/// The first non-blank byte of `span`, or its start when it does not fit `text`.
fn trimmed_start(text: &str, span: &Span) -> usize {
    match span.get(text) {
        Some(s) => span.start + (s.len() - s.trim_start().len()),
        None => span.start,
    }
}

/// The non-blank lines of `text`, trimmed: news paragraphs.
fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let span = Span::new(at, at + line.len()).trim(text);
        if !span.is_empty() {
            out.push(span);
        }
        at += line.len();
    }
    out
}

/// True when the paragraph opens with an opening double mark.
fn starts_with_opener(text: &str, para: Span) -> bool {
    marks::scan(text, para.start, para.end.min(para.start + 4)).first().is_some_and(|m| {
        m.start == para.start && m.family == marks::Family::Double && m.glyph != Glyph::Closing
    })
}
