//! What kind of quote a quote is: a full utterance, a fragment woven into
//! the writer's sentence, or words nobody is said to have said (a title, a
//! nickname, a headline in single quotes).

use crate::marks::{self, Family};
use crate::story::Story;
use crate::tokens::Kind;

/// A title has at most this many words ("Fox News Sunday", "Make Your Kid a
/// Millionaire").
const MAX_TITLE_WORDS: usize = 8;

/// Short words a title leaves in lowercase.
fn is_minor_word(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "the"
            | "of"
            | "in"
            | "on"
            | "at"
            | "to"
            | "for"
            | "and"
            | "or"
            | "but"
            | "with"
            | "by"
            | "from"
            | "is"
            | "as"
    )
}

impl Story<'_> {
    /// The quote's words, without its marks.
    fn inner(&self, q: usize) -> &str {
        self.quotes[q].span.slice(self.text).trim_matches(|c: char| marks::is_mark(c) || c.is_whitespace())
    }

    /// Quoted words that are not an utterance: a title or nickname in title
    /// case, or single quotes in a story whose own quotes are double (the
    /// headline style of US outlets).
    pub(crate) fn is_unsaid(&self, q: usize) -> bool {
        let single = self.quotes[q].family == Family::Single;
        (single && self.double_style) || self.is_title(q)
    }

    /// "MSNBC's “Morning Joe”", "the nickname "Lyin' Ted."": two or more
    /// capitalised words and nothing else, not introduced as speech.
    fn is_title(&self, q: usize) -> bool {
        let inner = self.inner(q);
        // Read word by word, stopping at the first sign of a sentence.
        let (mut words, mut major) = (0, 0);
        for w in inner.split_whitespace() {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            if w.is_empty() {
                continue;
            }
            words += 1;
            if words > MAX_TITLE_WORDS {
                return false;
            }
            if !is_minor_word(w) {
                if !w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) {
                    return false;
                }
                major += 1;
            }
        }
        major >= 2 && !inner.contains(['!', '?']) && !self.after_cue(self.quote_tok[q])
    }

    /// Token `t` opens its paragraph or follows "CUE," / "CUE:".
    fn after_cue(&self, t: usize) -> bool {
        let para = self.para_of(t);
        t == para.start
            || (t >= para.start + 2
                && matches!(self.toks[t - 1].kind, Kind::Punct(',' | ':'))
                && self.toks[t - 2].cue.is_some())
    }

    /// A quote woven into the writer's sentence rather than standing as an
    /// utterance of its own.
    pub(crate) fn is_partial(&self, t: usize) -> bool {
        let para = self.para_of(t);
        let Some(q) = self.toks[t].quote() else { return false };
        let inner = self.inner(q);
        let starts_upper = !inner.starts_with(char::is_lowercase);
        let ends_punct = inner.ends_with(['.', ',', '!', '?', '\u{2026}', ':', ';', '\u{2014}', '-']);
        let woven_before = t > para.start && {
            let p = t - 1;
            self.toks[p].is_word() && self.toks[p].cue.is_none() && !self.word(p).eq_ignore_ascii_case("that")
        };
        let woven_after = t + 1 < para.end
            && self.toks[t + 1].is_word()
            && self.toks[t + 1].cue.is_none()
            && self.pronoun(t + 1).is_none()
            && self.trailing(t).is_none();
        // `X says, "what ..."`: a lowercase quote standing after its cue.
        let after_cue = self.after_cue(t);
        let full = starts_upper && ends_punct;
        !full && (woven_before || woven_after || (!starts_upper && !after_cue))
    }
}
