//! Qualifiers of a figure: before it ("about", "an estimated", "up to",
//! "more than", ">="), or after it ("or more", "or so", "+").

use crate::lexicon::{Lexicon, Qualifier};
use crate::text::{byte, next_word, prev_word, skip_spaces_back};

/// Up to `n` words right before `i` (letters, with a trailing "." kept for
/// "c." and "est."), nearest last: their starts and ends.
fn words_before(text: &str, i: usize, n: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(n);
    let mut at = i;
    for _ in 0..n {
        let j = skip_spaces_back(text, at);
        let (dot, j) = if j > 0 && byte(text, j - 1) == b'.' && out.is_empty() { (1, j - 1) } else { (0, j) };
        let Some((s, e)) = prev_word(text, j) else { break };
        if e != j {
            break;
        }
        out.push((s, e + dot));
        at = s;
    }
    out.reverse();
    out
}

/// The qualifier phrase ending right before `i`, longest first: its start,
/// end and meaning.
pub fn before(lex: &Lexicon, text: &str, i: usize) -> Option<(usize, usize, Qualifier)> {
    let j = skip_spaces_back(text, i);
    // A symbol, not part of a longer run of them ("<>30", "=>30").
    if let Some(&(s, q)) = lex
        .qualifier_symbols
        .iter()
        .find(|(s, _)| text[..j].ends_with(*s) && !text[..j - s.len()].ends_with(['<', '>', '=', '!']))
    {
        return Some((j - s.len(), j, q));
    }
    let ws = words_before(text, i, lex.qualifier_words);
    for k in 0..ws.len() {
        let (s, _) = ws[k];
        let e = ws[ws.len() - 1].1;
        let phrase: String =
            ws[k..].iter().map(|&(a, b)| text[a..b].to_ascii_lowercase()).collect::<Vec<_>>().join(" ");
        if let Some(&q) = lex.qualifiers.get(phrase.as_str()) {
            return Some((s, e, q));
        }
    }
    None
}

/// The qualifier phrase starting right after `i` ("or more", "or so", an
/// attached "+"), longest first: its start, end and meaning.
pub fn after(lex: &Lexicon, text: &str, i: usize) -> Option<(usize, usize, Qualifier)> {
    if byte(text, i) == b'+' && !byte(text, i + 1).is_ascii_alphanumeric() {
        return lex.qualifiers_after.get("+").map(|&q| (i, i + 1, q));
    }
    let mut ws = Vec::new();
    let mut at = i;
    while ws.len() < lex.qualifier_words {
        let Some((s, e)) = next_word(text, at) else { break };
        if ws.is_empty() && s == i {
            return None; // glued to the figure: part of something else
        }
        ws.push((s, e));
        at = e;
    }
    for k in (1..=ws.len()).rev() {
        let phrase: String =
            ws[..k].iter().map(|&(a, b)| text[a..b].to_ascii_lowercase()).collect::<Vec<_>>().join(" ");
        // "200 or greater than 190": the phrase qualifies what follows it.
        let end = ws[k - 1].1;
        let next_is_number = next_word(text, end).is_some_and(|(a, b)| lex.word(&text[a..b]).is_some())
            || byte(text, crate::text::skip_spaces(text, end)).is_ascii_digit();
        if let Some(&q) = lex.qualifiers_after.get(phrase.as_str()).filter(|_| !next_is_number) {
            return Some((ws[0].0, end, q));
        }
    }
    None
}

/// The word right before `i` when it is `word` (any case): its start.
pub fn word_before(text: &str, i: usize, word: &str) -> Option<usize> {
    let (s, e) = prev_word(text, i)?;
    text[s..e].eq_ignore_ascii_case(word).then_some(s)
}
