//! Qualifiers of a figure: before it ("about", "an estimated", "up to",
//! "more than", ">="), or after it ("or more", "or so", "+").

use crate::lexicon::{Lexicon, Qualifier, WordMap, starts_one_of};
use crate::text::{byte, is_any, next_word, prev_word, skip_spaces, skip_spaces_back};

/// The phrase of the words at `ws`, joined by single spaces, in `map`.
fn phrase(map: &WordMap<Qualifier>, text: &str, ws: &[(usize, usize)]) -> Option<Qualifier> {
    // Words one space apart in the text are the phrase as written.
    let (s, e) = (ws.first()?.0, ws.last()?.1);
    let spaced: usize = ws.iter().map(|&(a, b)| b - a).sum::<usize>() + ws.len() - 1;
    if e - s == spaced && ws.windows(2).all(|w| byte(text, w[0].1) == b' ') {
        return map.get(&text[s..e]).copied();
    }
    let joined: Vec<&str> = ws.iter().map(|&(a, b)| &text[a..b]).collect();
    map.get(&joined.join(" ")).copied()
}

/// The word right before `i`, past spaces, a trailing "." kept when `dot`
/// ("c.", "est."): its start and end.
fn last_word(text: &str, i: usize, dot: bool) -> Option<(usize, usize)> {
    let j = skip_spaces_back(text, i);
    let (d, j) = if dot && j > 0 && byte(text, j - 1) == b'.' { (1, j - 1) } else { (0, j) };
    let (s, e) = prev_word(text, j)?;
    (e == j).then_some((s, e + d))
}

/// Up to `n` words right before `i` (the nearest may keep a trailing "."),
/// nearest last: their starts and ends.
fn words_before(text: &str, i: usize, n: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(n);
    let mut at = i;
    while out.len() < n {
        let Some((s, e)) = last_word(text, at, out.is_empty()) else { break };
        out.push((s, e));
        at = s;
    }
    out.reverse();
    out
}

/// The qualifier phrase ending right before `i`, longest first: its start,
/// end and meaning.
/// `word` is the word right before `i` (as [`prev_word`] reads it).
pub fn before(
    lex: &Lexicon,
    text: &str,
    i: usize,
    word: Option<(usize, usize)>,
) -> Option<(usize, usize, Qualifier)> {
    let j = skip_spaces_back(text, i);
    // A symbol, not part of a longer run of them ("<>30", "=>30").
    if j > 0
        && lex.qualifier_symbol_ends[text.as_bytes()[j - 1] as usize]
        && let Some(&(s, q)) = lex
            .qualifier_symbols
            .iter()
            .find(|(s, _)| text[..j].ends_with(*s) && !text[..j - s.len()].ends_with(['<', '>', '=', '!']))
    {
        return Some((j - s.len(), j, q));
    }
    // Most numbers have no qualifier: rule them out by the last word alone
    // (the word before, unless a dot ends it).
    let (ls, le) = if j > 0 && byte(text, j - 1) == b'.' { last_word(text, i, true)? } else { word? };
    if !lex.qualifier_last_words.contains(&text[ls..le]) {
        return None;
    }
    let ws = words_before(text, i, lex.qualifier_words);
    for k in 0..ws.len() {
        let (s, _) = ws[k];
        let e = ws[ws.len() - 1].1;
        if let Some(q) = phrase(&lex.qualifiers, text, &ws[k..]) {
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
    // Most figures have no qualifier after them: rule it out by the first
    // word, or before reading it by its first letter.
    if !starts_one_of(lex.qualifier_first_letters, byte(text, skip_spaces(text, i))) {
        return None;
    }
    if !next_word(text, i).is_some_and(|(a, b)| lex.qualifier_first_words.contains(&text[a..b])) {
        return None;
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
        // "200 or greater than 190", "Humvees and up to 50,000": the phrase
        // belongs to what follows it.
        let end = ws[k - 1].1;
        let next_is_number = next_word(text, end).is_some_and(|(a, b)| {
            lex.word(&text[a..b]).is_some() || is_any(&text[a..b], &["to", "than", "of", "from"])
        }) || byte(text, skip_spaces(text, end)).is_ascii_digit();
        if let Some(q) = phrase(&lex.qualifiers_after, text, &ws[..k]).filter(|_| !next_is_number) {
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
