//! The scan of one sentence: from its first character, stop at every
//! interesting byte (terminal punctuation, quotes, brackets, clause
//! separators), keep track of what is open, and at each run of terminal
//! punctuation find where the sentence would end (after closing quotes,
//! brackets, citations, emoji) and ask the rules whether it does.

use crate::chars::{
    INTERESTING, char_at, char_before, is_close_bracket, is_open_bracket, is_terminal, next_interesting,
    skip_space, trim_end,
};
use crate::quotes::{Face, Family, Open, mark_at};
use crate::rules::{Context, Run, RunKind, ends_sentence, glued_question, glued_sentences};
use crate::{address, stamp};

/// One sentence being scanned, within its line.
pub(crate) struct Scan<'a, 't> {
    pub(crate) cx: Context<'t>,
    /// What is known about the line; carried from sentence to sentence.
    pub(crate) line: &'a mut Line,
    /// End of the line: quotations and brackets close before it or never.
    pub(crate) line_end: usize,
}

/// What the scan knows about the current line.
#[derive(Clone, Debug, Default)]
pub(crate) struct Line {
    /// Quotes and brackets open.
    pub(crate) open: Open,
    /// The token before this byte is known to be no address.
    pub(crate) no_address_until: usize,
}

/// What a stop in the scan leads to.
enum Step {
    /// The sentence ends here.
    End(usize),
    /// Go on scanning from here.
    Go(usize),
}

impl Scan<'_, '_> {
    /// Scans from `from` and returns the end of the sentence.
    pub(crate) fn end(&mut self, from: usize) -> usize {
        let text = self.cx.text;
        let b = text.as_bytes();
        let limit = self.cx.limit;
        let mut i = from;
        while i < limit {
            match next_interesting(b, i, limit) {
                Some(k) => i = k,
                None => break,
            }
            // Interesting bytes are ASCII or lead bytes: `i` is a boundary.
            let Some(c) = char_at(text, i) else { break };
            let step = if is_terminal(c) {
                self.terminal(i)
            } else if let Some(m) = mark_at(text, i, self.cx.lex) {
                let face = self.line.open.resolve(text, i, m, self.line_end, self.cx.lex);
                self.line.open.quote(m.family, face);
                Step::Go(i + m.len)
            } else if is_open_bracket(c) || is_close_bracket(c) {
                self.line.open.bracket(c);
                Step::Go(i + c.len_utf8())
            } else if c == ':' || c == ';' {
                self.separator(i)
            } else {
                Step::Go(i + c.len_utf8())
            };
            match step {
                Step::End(end) => return end,
                Step::Go(j) => i = j,
            }
        }
        trim_end(text, self.cx.sent_start, limit)
    }

    /// Terminal punctuation at `i`.
    fn terminal(&mut self, i: usize) -> Step {
        let text = self.cx.text;
        let limit = self.cx.limit;
        let run = Run::at(text, i, limit);
        // A run that opens the sentence (". . . The practice") ends nothing;
        // nor does an omission in brackets ("[...]").
        if i <= self.cx.content_start
            || (run.kind == RunKind::Ellipsis && char_before(text, i).is_some_and(is_open_bracket))
        {
            return Step::Go(run.end);
        }
        // "compounds. . . . The practice": a full stop, then an ellipsis that
        // opens the next sentence.
        if text.get(i..run.end) == Some(". . . .") && char_before(text, i).is_some_and(|c| !c.is_whitespace())
        {
            let after = skip_space(text, run.end, limit);
            if char_at(text, after).is_some_and(char::is_uppercase) {
                return Step::End(i + 1);
            }
        }
        let end = self.closers(run.end);
        let after = skip_space(text, end, limit);
        if after >= limit {
            return Step::End(end);
        }
        if after == end {
            if let Some(step) = (run.kind != RunKind::Ellipsis).then(|| self.address(i)).flatten() {
                return step;
            }
            let glued = end == run.end
                && !self.inside(end)
                && match run.kind {
                    RunKind::Stop => glued_sentences(&self.cx, i),
                    RunKind::Question => glued_question(&self.cx, &run),
                    RunKind::Ellipsis => false,
                };
            return if run.cjk || glued { Step::End(end) } else { Step::Go(end) };
        }
        if self.inside(end) || !ends_sentence(&self.cx, &run, after, end == run.end) {
            return Step::Go(end);
        }
        Step::End(end)
    }

    /// ":" or ";" at `i`: a web address, an emoticon, or the start of a new
    /// clause.
    fn separator(&mut self, i: usize) -> Step {
        let text = self.cx.text;
        let limit = self.cx.limit;
        if let Some(step) = text.get(i..).filter(|r| r.starts_with("://")).and_then(|_| self.address(i)) {
            return step;
        }
        if let Some(step) = self.stamp(i) {
            return step;
        }
        let spaced = |j: usize| j >= limit || char_at(text, j).is_none_or(char::is_whitespace);
        // Only an emoticon with spaces around it counts: the space before it
        // is checked before the list is.
        let spaced_before = char_before(text, i).is_some_and(char::is_whitespace);
        let emoticon = text.get(i..).filter(|_| spaced_before).and_then(|rest| self.cx.lex.emoticon(rest));
        if let Some(len) = emoticon.filter(|&len| spaced(i + len)) {
            // "Loved it :) See you": a lone emoticon before a capital ends
            // the sentence.
            let after = skip_space(text, i + len, limit);
            let capital = after < limit && char_at(text, after).is_some_and(char::is_uppercase);
            if capital && i > self.cx.content_start && !self.inside(i + len) {
                return Step::End(i + len);
            }
            return Step::Go(i + len);
        }
        if spaced(i + 1) {
            self.cx.clause_start = i + 1;
            // "There are five locations: http://...": a lead-in to an address.
            let next = skip_space(text, i + 1, limit);
            let rest = text.get(next..limit).unwrap_or("");
            let web = rest.starts_with("http://") || rest.starts_with("https://") || rest.starts_with("www.");
            // The address must stand alone, not end the sentence itself
            // ("The site is: https://example.com/a.html.").
            let alone = web
                && !char_before(text, address::around(text, next, next, limit).end).is_some_and(is_terminal);
            if alone && i > self.cx.content_start && !self.inside(i + 1) {
                return Step::End(i + 1);
            }
        }
        Step::Go(i + 1)
    }

    /// The date-time stamp whose clock time has its colon at `i`, if there
    /// is one: ends the sentence before it (after a name) or after it
    /// (before a capitalised word), or skips it.
    fn stamp(&mut self, i: usize) -> Option<Step> {
        let text = self.cx.text;
        let st = stamp::at(text, i)?;
        let cx = &self.cx;
        if st.start > cx.content_start && stamp::after_name(text, st, cx.sent_start) && !self.inside(st.start)
        {
            return Some(Step::End(trim_end(text, self.cx.sent_start, st.start)));
        }
        if stamp::before_capital(text, st, self.cx.limit) && !self.inside(st.end) {
            return Some(Step::End(st.end));
        }
        Some(Step::Go(st.end))
    }

    /// The address around byte `i`, if there is one: skips it, and ends the
    /// sentence after it when a capitalised word follows.
    fn address(&mut self, i: usize) -> Option<Step> {
        let (text, limit) = (self.cx.text, self.cx.limit);
        // Every stop inside one long token asks about the same token.
        if i < self.line.no_address_until {
            return None;
        }
        let token = address::around(text, i, self.cx.sent_start, limit);
        if !token.address {
            self.line.no_address_until = token.end;
            return None;
        }
        let end = token.end;
        // Closing brackets, quotes and punctuation after the address proper.
        let tail = text[i..end].trim_end_matches(|c: char| ")]}>\"'.,;:!?”’".contains(c)).len();
        let proper = i + tail;
        if proper <= i
            || text[proper..end].chars().any(is_terminal)
            || !address::ends_before_capital(text, end, limit)
        {
            return Some(Step::Go(proper.max(i + 1)));
        }
        let mut j = proper;
        while let Some(c) = char_at(text, j).filter(|_| j < end) {
            match mark_at(text, j, self.cx.lex) {
                Some(m) => {
                    let face = self.line.open.resolve(text, j, m, self.line_end, self.cx.lex);
                    self.line.open.quote(m.family, face);
                    j += m.len;
                }
                None => {
                    self.line.open.bracket(c);
                    j += c.len_utf8();
                }
            }
        }
        Some(if self.inside(end) { Step::Go(end) } else { Step::End(end) })
    }

    /// Everything after terminal punctuation that still belongs to its
    /// sentence: closing quotes and brackets (spaced ones too, in tokenized
    /// text), more punctuation ('."' then '.'), citations ("[1]"), emoji
    /// and emoticons. Returns where the sentence would end.
    fn closers(&mut self, mut j: usize) -> usize {
        let text = self.cx.text;
        let limit = self.cx.limit;
        for _ in 0..64 {
            if let Some(k) = self.closer_at(j, true) {
                j = k;
                continue;
            }
            let k = skip_space(text, j, limit);
            if k >= limit {
                break;
            }
            if let Some(e) = (k > j).then(|| self.closer_at(k, false)).flatten() {
                j = e;
            } else if let Some(e) = citation(text, k, limit).or_else(|| self.emoji(k)) {
                j = e;
            } else {
                break;
            }
        }
        j
    }

    /// The end of a closing mark at `j` (a bracket or terminal punctuation
    /// only when `adjacent`), recording it.
    fn closer_at(&mut self, j: usize, adjacent: bool) -> Option<usize> {
        let text = self.cx.text;
        // Quotes, brackets and terminal punctuation start with interesting
        // bytes: most stops are followed by a space or a letter.
        if !text.as_bytes().get(j).is_some_and(|&x| INTERESTING[usize::from(x)]) {
            return None;
        }
        let c = char_at(text, j).filter(|_| j < self.cx.limit)?;
        if let Some(m) = mark_at(text, j, self.cx.lex) {
            let face = self.line.open.resolve(text, j, m, self.line_end, self.cx.lex);
            if face != Face::Close {
                return None;
            }
            self.line.open.quote(m.family, face);
            return Some(j + m.len);
        }
        if !adjacent {
            return None;
        }
        if is_close_bracket(c) {
            self.line.open.bracket(c);
            return Some(j + c.len_utf8());
        }
        is_terminal(c).then(|| Run::at(text, j, self.cx.limit).end)
    }

    /// An emoji sequence or emoticon at `k`.
    fn emoji(&self, k: usize) -> Option<usize> {
        let text = self.cx.text;
        let rest = text.get(k..self.cx.limit)?;
        let len: usize =
            rest.chars().take_while(|&c| crate::chars::is_emoji_part(c)).map(char::len_utf8).sum();
        if len > 0 {
            return Some(k + len);
        }
        let len = self.cx.lex.emoticon(rest)?;
        rest[len..].chars().next().is_none_or(char::is_whitespace).then_some(k + len)
    }

    /// True when the sentence cannot end at `end` because a bracket or a
    /// single-quoted passage is open and closes later in the line, or a
    /// double-quoted one is open and, where it closes, runs on into the
    /// sentence ('"We lost. We have to accept it," he said').
    fn inside(&mut self, end: usize) -> bool {
        let (text, lex, line_end) = (self.cx.text, self.cx.lex, self.line_end);
        if self.line.open.brackets > 0 {
            if self.line.open.bracket_closes(text, end, line_end).is_some() {
                return true;
            }
            self.line.open.brackets = 0;
        }
        if self.line.open.depth(Family::Single) > 0
            && self.line.open.quote_closes(text, end, Family::Single, line_end, lex).is_some()
        {
            return true;
        }
        if self.line.open.depth(Family::Double) == 0 {
            return false;
        }
        let Some(close) = self.line.open.quote_closes(text, end, Family::Double, line_end, lex) else {
            return false;
        };
        let ended = crate::chars::prev_non_space(text, close, close.saturating_sub(16))
            .is_some_and(|(_, c)| is_terminal(c));
        let len = mark_at(text, close, lex).map_or(1, |m| m.len);
        let after = skip_space(text, close + len, line_end);
        let runs_on =
            char_at(text, after).filter(|_| after < line_end).is_some_and(|c| c.is_lowercase() || c == ',');
        !ended || runs_on
    }
}

/// A citation mark "[1]", "[2–11]", "[a]" at `k`.
fn citation(text: &str, k: usize, limit: usize) -> Option<usize> {
    let rest = text.get(k..limit)?.strip_prefix('[')?;
    let close = rest.char_indices().take(12).find(|&(_, c)| c == ']')?.0;
    let inner = &rest[..close];
    let numeric = inner.chars().any(|c| c.is_ascii_digit())
        && inner.chars().all(|c| c.is_ascii_digit() || matches!(c, ',' | ' ' | '-' | '–'));
    let letter = inner.len() == 1 && inner.bytes().all(|b| b.is_ascii_lowercase());
    (numeric || letter).then_some(k + 1 + close + 1)
}
