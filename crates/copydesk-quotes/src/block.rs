//! Block quotes: paragraphs with no quotation marks, set off by a lead-in
//! that ends with its cue and a colon ("The port's chief responded:", "Ana
//! Ruas wrote in a column for the Harbour Weekly:"), as pages quote a long
//! answer or an op-ed once their blockquote markup is gone.

use crate::attribute::Attribution;
use crate::lexicon::CueClass;
use crate::story::Story;

/// The most words between a lead-in's cue and its colon ("wrote in an op-ed
/// published by the Diplomat:").
const MAX_TAIL: usize = 12;
/// The most paragraphs one lead-in introduces.
const MAX_PARAGRAPHS: usize = 6;

/// A block quote: paragraphs `first..end` and who said them.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Block {
    pub(crate) first: usize,
    pub(crate) end: usize,
    pub(crate) attribution: Attribution,
}

impl Story<'_> {
    /// The block quotes of the story, in order.
    pub(crate) fn blocks(&self) -> Vec<Block> {
        let mut out = Vec::new();
        let mut p = 0;
        while p + 1 < self.paras.len() {
            let Some(attribution) = self.lead_in(p) else {
                p += 1;
                continue;
            };
            // The block runs until a quote opens a paragraph or the narrative
            // attributes something again.
            let end = (p + 1..self.paras.len())
                .take(MAX_PARAGRAPHS)
                .find(|&q| !self.is_quoted_on(q))
                .unwrap_or_else(|| self.paras.len().min(p + 1 + MAX_PARAGRAPHS));
            if end > p + 1 {
                out.push(Block { first: p + 1, end, attribution });
            }
            p = end;
        }
        out
    }

    /// The attribution of paragraph `p` when it ends with a lead-in: a cue
    /// with its speaker, then at most a short tail of words ("in a
    /// statement"), then a colon.
    fn lead_in(&self, p: usize) -> Option<Attribution> {
        let para = self.paras[p].clone();
        let colon = para.end.checked_sub(1).filter(|&k| k > para.start && self.toks[k].is_punct(':'))?;
        let lo = self.sentence_start(colon, MAX_TAIL + 40);
        let c = (lo..colon).rev().take(MAX_TAIL + 1).find(|&k| self.toks[k].cue.is_some())?;
        let (class, len) = self.cue_at(c)?;
        // "X said that the plan failed:" introduces no quote of X's words.
        let tail = c + len..colon;
        let clause = tail.clone().any(|k| {
            !self.toks[k].is_word()
                || matches!(self.word(k), "that" | "which" | "who" | "whether" | "if" | "how")
        });
        if clause {
            return None;
        }
        let speaker = match class {
            CueClass::Say | CueClass::Tell => self.subject(c),
            CueClass::Part => self.participle_subject(c),
            CueClass::Prep | CueClass::Quoted => None,
        }?;
        Some(self.attribution(c, speaker))
    }

    /// True when paragraph `q` reads as part of a block quote: no quote opens
    /// it, and no cue in it names a speaker outside quotes, unless it holds
    /// a writer's insertion in square brackets ("Putin met [former Taliban
    /// chief] Mansour"), which only quoted text carries (a source's tag,
    /// "[Reuters.]", is no insertion): then a cue is the quoted text's own
    /// reporting ("the Russians continued their contacts").
    fn is_quoted_on(&self, q: usize) -> bool {
        let para = self.paras[q].clone();
        if para.is_empty() || self.toks[para.start].quote().is_some() {
            return false;
        }
        let inserted =
            (para.start..para.end - 1).any(|k| self.toks[k].is_punct('[') && self.is_lowercase(k + 1));
        inserted || !para.clone().any(|k| self.toks[k].cue.is_some() && self.subject(k).is_some())
    }
}
