//! Who said each quote: the cue and speaker around it in its sentence, then
//! what carries over (a quote after "he said", a quote-only paragraph, a
//! colon lead-in, a quote running over several paragraphs).

use crate::lexicon::CueClass;
use crate::mention::{Mention, MentionKind};
use crate::story::Story;

/// How far around a quote its attribution is looked for, in tokens.
const WINDOW: usize = 60;
/// The longest appositive between a speaker and the verb after a quote.
const MAX_APPOSITIVE: usize = 30;

/// A cue (tokens `cue.0..=cue.1`) and the speaker it names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Attribution {
    pub(crate) cue: (usize, usize),
    pub(crate) speaker: Mention,
}

/// A quote's attribution and kind.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Attributed {
    pub(crate) attribution: Option<Attribution>,
    pub(crate) partial: bool,
}

impl Story<'_> {
    /// Attributes every outermost quote of the story.
    pub(crate) fn attribute(&self) -> Vec<Attributed> {
        let mut out: Vec<Attributed> = (0..self.quotes.len())
            .map(|q| {
                let t = self.quote_tok[q];
                let partial = self.is_partial(t);
                let attribution = if self.is_unsaid(q) {
                    None
                } else if self.ends_introduced_sentence(q) {
                    // `X wrote: "Q." Y said ...`: what follows is a new sentence.
                    self.leading(t).or_else(|| self.trailing(t))
                } else {
                    self.trailing(t).or_else(|| self.leading(t)).or_else(|| self.later_in_sentence(t))
                };
                Attributed { attribution, partial }
            })
            .collect();
        self.carry_over(&mut out);
        out
    }

    /// True when quote `q` follows a colon or a comma and ends with its own
    /// period, question or exclamation mark: `writing in an email: "Q."`,
    /// `responds with, "Q?"`.
    fn ends_introduced_sentence(&self, q: usize) -> bool {
        let t = self.quote_tok[q];
        t > self.para_of(t).start
            && matches!(self.toks[t - 1].kind, crate::tokens::Kind::Punct(':' | ','))
            && self.quote_ends_sentence(q)
    }

    pub(crate) fn attribution(&self, c: usize, speaker: Mention) -> Attribution {
        let len = self.cue_at(c).map_or(1, |(_, len)| len);
        Attribution { cue: (c, c + len - 1), speaker }
    }

    /// `"Q," X said`, `"Q," said X`, `"Q," X, a spokesman, said`,
    /// `"Q," according to X`, `"Q" ― X` (a byline under a reader's quote),
    /// and "quoted X as saying" later in the clause.
    pub(crate) fn trailing(&self, t: usize) -> Option<Attribution> {
        let para = self.para_of(t);
        let hi = self.sentence_end(t, WINDOW);
        let mut k = t + 1;
        if k >= para.end || self.toks[k].sentence_start {
            return None;
        }
        let mut dash = None;
        while k < hi && (self.toks[k].is_punct(',') || self.is_separator(k)) {
            if !self.toks[k].is_punct(',') {
                dash = Some(dash.map_or((k, k), |(d, _)| (d, k)));
            }
            k += 1;
        }
        if k >= hi {
            return None;
        }
        // `"Q." Zahed said: "R"`: a cue with a colon leads into what follows.
        let leads_in = |c: usize| {
            let end = c + self.cue_at(c).map_or(1, |(_, len)| len);
            end < hi && self.toks[end].is_punct(':')
        };
        let found = match self.cue_at(k) {
            Some((CueClass::Say | CueClass::Prep, _)) => self.subject(k).map(|m| self.attribution(k, m)),
            _ => {
                let m = self.mention_after(k, hi)?;
                match self.verb_after(m.last + 1, hi) {
                    Some(c) if matches!(self.cue_at(c), Some((CueClass::Say | CueClass::Tell, _))) => {
                        Some(self.attribution(c, m))
                    }
                    Some(_) => None,
                    None => {
                        let rest = m.last + 1..para.end;
                        let byline = rest.clone().all(|r| self.toks[r].ends_sentence()) && rest.len() <= 1;
                        dash.filter(|_| byline && m.kind == MentionKind::Name)
                            .map(|cue| Attribution { cue, speaker: m })
                    }
                }
            }
        }
        .filter(|a| !leads_in(a.cue.0))?;
        Some(self.quoted_as_saying(found, hi).unwrap_or(found))
    }

    /// The cue verb after a mention: past a parenthesis ("(D-Wis.)"), an
    /// appositive set off by commas or dashes, and adverbs.
    pub(crate) fn verb_after(&self, mut j: usize, hi: usize) -> Option<usize> {
        if j < hi && self.toks[j].is_punct('(') {
            j = (j + 1..hi).take(12).find(|&k| self.toks[k].is_punct(')'))? + 1;
        }
        if j < hi && self.is_separator(j) {
            return (j..hi)
                .take(MAX_APPOSITIVE)
                .take_while(|&k| self.toks[k].quote().is_none() && !self.toks[k].ends_sentence())
                .filter(|&k| self.is_separator(k))
                .find_map(|k| self.cue_past_adverbs(k + 1, hi));
        }
        self.cue_past_adverbs(j, hi)
    }

    fn cue_past_adverbs(&self, mut j: usize, hi: usize) -> Option<usize> {
        let mut skipped = 0;
        while j < hi && self.toks[j].cue.is_none() && skipped < 4 {
            let w = self.word(j);
            let adverb = self.is_lowercase(j) && w.len() > 3 && w.ends_with("ly");
            if !(self.toks[j].is_word() && (self.info[j].between || adverb)) {
                return None;
            }
            j += 1;
            skipped += 1;
        }
        (j < hi && self.toks[j].cue.is_some()).then_some(j)
    }

    /// "said Foreign Policy last year quoted Maj. X as saying": the speaker is
    /// the one quoted, not the outlet.
    fn quoted_as_saying(&self, found: Attribution, hi: usize) -> Option<Attribution> {
        let q = (found.cue.1 + 1..hi)
            .take(WINDOW)
            .find(|&k| matches!(self.cue_at(k), Some((CueClass::Quoted, _))))?;
        let speaker = self.mention_after(q + 1, hi)?;
        let saying = (speaker.last + 1..hi)
            .take(MAX_APPOSITIVE)
            .find(|&k| self.word(k).eq_ignore_ascii_case("saying"))?;
        let first = if self.word(saying - 1).eq_ignore_ascii_case("as") { saying - 1 } else { saying };
        Some(Attribution { cue: (first, saying), speaker })
    }

    /// The nearest cue before the quote in its sentence: `X said: "Q"`,
    /// `X said that "Q"`, `According to X, "Q"`, `X called it "Q"`.
    fn leading(&self, t: usize) -> Option<Attribution> {
        let lo = self.sentence_start(t, WINDOW);
        // The nearest cue that names a speaker: "the tweets were" does not.
        (lo..t).rev().filter(|&k| self.toks[k].cue.is_some()).find_map(|c| {
            let part = self.cue_at(c)?.0 == CueClass::Part;
            let speaker = if part { self.participle_subject(c) } else { self.subject(c) };
            speaker.map(|m| self.attribution(c, m))
        })
    }

    /// A cue later in the sentence: `"The Russians" sent arms, X said.`
    fn later_in_sentence(&self, t: usize) -> Option<Attribution> {
        let hi = self.sentence_end(t, WINDOW);
        (t + 1..hi)
            .filter(|&k| matches!(self.cue_at(k), Some((CueClass::Say | CueClass::Tell, _))))
            .find_map(|k| self.subject(k).map(|m| self.attribution(k, m)))
    }

    /// Attribution that carries from one quote to the next.
    fn carry_over(&self, out: &mut [Attributed]) {
        for q in 0..out.len() {
            if out[q].attribution.is_some() || out[q].partial || self.is_unsaid(q) {
                continue;
            }
            let t = self.quote_tok[q];
            let para = self.para_of(t);
            // `"A," he said. "B."`: the previous quote of the paragraph, or
            // the last attributed one past fragments nobody was said to say.
            let same_para = q.checked_sub(1).filter(|&p| self.same_para(self.quote_tok[p], t));
            let attributed = || {
                (0..q)
                    .rev()
                    .take_while(|&p| self.same_para(self.quote_tok[p], t))
                    .find_map(|p| out[p].attribution)
            };
            out[q].attribution = match same_para {
                Some(p) => out[p].attribution.or_else(attributed),
                None if t == para.start => self.previous_paragraph_speaker(q, out),
                None => None,
            };
        }
        // A quote left open at its paragraph's end takes the attribution of
        // its continuation below.
        for q in (0..out.len().saturating_sub(1)).rev() {
            let next = self.quote_tok[q + 1];
            let continues = self.quotes[q].open_end && next == self.para_of(next).start;
            if continues && out[q].attribution.is_none() {
                out[q].attribution = out[q + 1].attribution;
                out[q].partial = false;
            }
        }
    }

    /// A paragraph that opens with a quote continues the previous
    /// paragraph's speaker, or the one its colon lead-in introduced.
    fn previous_paragraph_speaker(&self, q: usize, out: &[Attributed]) -> Option<Attribution> {
        let t = self.quote_tok[q];
        let p = self.tok_para[t] as usize;
        let prev = self.paras.get(p.checked_sub(1)?)?.clone();
        if prev.is_empty() {
            return None;
        }
        if self.toks[prev.end - 1].is_punct(':') {
            let c = (prev.clone()).rev().find(|&k| self.toks[k].cue.is_some())?;
            return self.subject(c).map(|m| self.attribution(c, m));
        }
        let last = q.checked_sub(1).filter(|&l| self.tok_para[self.quote_tok[l]] as usize == p - 1)?;
        out[last].attribution
    }
}
