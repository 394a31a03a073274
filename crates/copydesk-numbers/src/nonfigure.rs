//! Numbers that are not figures: years, dates, clock times, phone numbers,
//! scores, identifiers, ordinals and ages. Each is recognised so it is never
//! reported as a count, an amount of money or a percent.

use crate::figure::Kind;
use crate::lexicon::Lexicon;
use crate::numeral::Form;
use crate::term::{Term, What};
use crate::text::{
    at_sentence_start, byte, char_at, char_before, digits_end, is_any, letters_end, next_word, prev_word,
    skip_spaces,
};

/// A number set aside: its kind, span end (it may run on: "August 30,
/// 2021", "555-0199", "2013-14"), start, and value when it has one.
#[derive(Clone, Debug, PartialEq)]
pub struct NonFigure {
    /// What it is.
    pub kind: Kind,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Its value (a year, an ordinal, an age), if any.
    pub value: Option<f64>,
    /// The unit of an age ("year", "month").
    pub unit: Option<String>,
}

impl NonFigure {
    fn new(kind: Kind, start: usize, end: usize, value: Option<f64>) -> NonFigure {
        NonFigure { kind, start, end, value, unit: None }
    }
}

/// True for a month name at `s..e` (capitalised "May" and "March" only).
fn is_month(lex: &Lexicon, text: &str, s: usize, e: usize) -> bool {
    let w = &text[s..e];
    if !(lex.months.contains(w) || byte(text, e) == b'.' && lex.months.contains(&text[s..e + 1])) {
        return false;
    }
    !is_any(w, &["may", "march", "mar"]) || w.starts_with(char::is_uppercase)
}

/// A lower-case "may" right before a day number still reads as a month ("may 19 ,").
/// `before` is the word right before `i`.
fn month_before(lex: &Lexicon, text: &str, i: usize, before: Option<(usize, usize)>) -> Option<usize> {
    let j = if i > 0 && byte(text, i - 1) == b' ' { i - 1 } else { i };
    let (s, e) = if j > 0 && byte(text, j - 1) == b'.' { prev_word(text, j - 1)? } else { before? };
    let w = &text[s..e];
    (is_month(lex, text, s, e) || lex.months.contains(w) && w.eq_ignore_ascii_case("may")).then_some(s)
}

/// A year-like plain number: four digits from 1000 to 2100.
pub fn year_like(t: &Term) -> bool {
    t.num.plain_len() == Some(4) && (1000.0..=2100.0).contains(&t.num.value)
}

/// Recognises a non-figure at term `t` that is one whatever qualifies it
/// or what it counts (dates, times, ordinals, decades, dotted and slashed
/// groups, abbreviated ages): no qualifier or counted noun need be read
/// for these. `before` is the word right before the term.
pub fn classify_alone(
    lex: &Lexicon,
    text: &str,
    t: &Term,
    before: Option<(usize, usize)>,
) -> Option<NonFigure> {
    let n = &t.num;
    let (s, e) = (t.start, t.end);
    match n.form {
        Form::Dotted => return Some(NonFigure::new(Kind::Identifier, s, n.end, None)),
        Form::Slashed => return Some(NonFigure::new(Kind::Date, s, n.end, None)),
        Form::Decade => return Some(NonFigure::new(Kind::Year, s, n.end, Some(n.value))),
        _ => {}
    }
    if matches!(t.what, What::Time) {
        return Some(NonFigure::new(Kind::Time, s, e, None));
    }
    if matches!(t.what, What::AgeAbbr) {
        return Some(age(s, e, n.value, "year"));
    }
    let plain = n.form == Form::Plain && matches!(t.what, What::Bare);
    // Clock times: "10:30", "2:00 pm".
    if plain && byte(text, n.end) == b':' && digits_end(text, n.end + 1) == n.end + 3 {
        let mut end = n.end + 3;
        if let Some((a, b)) = next_word(text, end)
            && is_any(&text[a..b], &["am", "pm", "a", "p"])
        {
            end = b;
            while byte(text, end) == b'.' || byte(text, end).eq_ignore_ascii_case(&b'm') {
                end += 1;
            }
        }
        return Some(NonFigure::new(Kind::Time, s, end, None));
    }
    // Dates: "August 30, 2021", "Aug. 30", "30 August", "May 4th".
    if matches!(n.form, Form::Plain | Form::Ordinal)
        && matches!(t.what, What::Bare)
        && n.value <= 31.0
        && n.value >= 1.0
    {
        if let Some(ms) = month_before(lex, text, s, before) {
            return Some(NonFigure::new(Kind::Date, ms, date_year_after(text, n.end), None));
        }
        if let Some((a, b)) = next_word(text, n.end) {
            let of = text[a..b].eq_ignore_ascii_case("of");
            let (a, b) = if of { next_word(text, b).unwrap_or((a, b)) } else { (a, b) };
            if is_month(lex, text, a, b) {
                let end = if byte(text, b) == b'.' { b + 1 } else { b };
                return Some(NonFigure::new(Kind::Date, s, date_year_after(text, end), None));
            }
        }
    }
    if plain
        && year_like(t)
        && let Some(ms) = month_before(lex, text, s, before)
    {
        return Some(NonFigure::new(Kind::Date, ms, n.end, None));
    }
    if n.form == Form::Ordinal {
        return Some(NonFigure::new(Kind::Ordinal, s, n.end, Some(n.value)));
    }
    if plain
        && year_like(t)
        && let Some(end) = iso_date(text, n.end)
    {
        return Some(NonFigure::new(Kind::Date, s, end, None));
    }
    None
}

/// Recognises the other non-figures at term `t` (identifiers, years, ages),
/// once [`classify_alone`] found none. `counted_plural` says a plural noun
/// follows ("2000 people" is a count, not a year).
/// `bounded` says a bound precedes ("above 1000" is not a year).
/// `before` is the word right before the term.
pub fn classify(
    lex: &Lexicon,
    text: &str,
    t: &Term,
    counted_plural: bool,
    bounded: bool,
    before: Option<(usize, usize)>,
) -> Option<NonFigure> {
    let n = &t.num;
    let (s, e) = (t.start, t.end);
    let plain = n.form == Form::Plain && matches!(t.what, What::Bare);
    // The word before, read once for the two tests below that need it.
    let word_before = if matches!(n.form, Form::Plain | Form::Words) && matches!(t.what, What::Bare) {
        prev_word_or_abbrev(text, s, before)
    } else {
        None
    };
    // "Part Two", "Chapter One", "Section 427": a number after an identifier cue.
    if !counted_plural
        && let Some((a, b)) = word_before
        && lex.identifier_cues.contains(&text[a..b])
    {
        return Some(NonFigure::new(Kind::Identifier, s, n.end, Some(n.value)));
    }
    if plain {
        if let Some(nf) = dashed(lex, text, t) {
            return Some(nf);
        }
        // A name and a number: "Voyager 2", "English 101".
        if let Some((a, b)) = word_before {
            let w = &text[a..b];
            let name = w.starts_with(char::is_uppercase)
                && !at_sentence_start(text, a)
                && !lex.stopwords.contains(w)
                && !lex.qualifiers.contains(w)
                && !lex.months.contains(w)
                && b + 1 >= s
                && !counted_plural;
            if name && byte(text, b) == b' ' {
                return Some(NonFigure::new(Kind::Identifier, s, n.end, Some(n.value)));
            }
        }
        // A leading zero ("0199") names something.
        if byte(text, s) == b'0' && n.end - s > 1 {
            return Some(NonFigure::new(Kind::Identifier, s, n.end, Some(n.value)));
        }
        if year_like(t) && !counted_plural && !bounded {
            // "2013-14", "2005-2010"; "1000-5000" and "1000 - 5000" are ranges, not years.
            let mut end = n.end;
            let dash = skip_spaces(text, end);
            if matches!(char_at(text, dash), Some('-' | '–' | '/')) {
                let d = skip_spaces(text, dash + char_at(text, dash).map_or(1, char::len_utf8));
                let de = digits_end(text, d);
                let later: Option<f64> = text[d..de].parse().ok();
                match (de - d, later) {
                    (2, _) => end = de,
                    (4, Some(y)) if y > n.value && y <= 2100.0 => end = de,
                    _ if de > d => return None,
                    _ => {}
                }
            }
            return Some(NonFigure::new(Kind::Year, s, end, Some(n.value)));
        }
    }
    // Ages: "aged 34", "age 87".
    if matches!(t.what, What::Bare)
        && n.is_integer()
        && let Some((a, b)) = before
        && lex.age_before.contains(&text[a..b])
        && n.value < 130.0
    {
        return Some(age(a, n.end, n.value, "year"));
    }
    // Ages: "five years old", "34-year-old", "3 years of age", "90 day old".
    if let What::Unit(u) = &t.what
        && matches!(&*u.name, "year" | "month" | "week" | "day")
    {
        let j = if byte(text, e) == b'-' { e + 1 } else { skip_spaces(text, e) };
        for cue in &lex.age_after {
            if crate::text::starts_with_ci(text, j, cue)
                && !text.as_bytes().get(j + cue.len()).is_some_and(u8::is_ascii_alphanumeric)
            {
                return Some(age(s, j + cue.len(), n.value, &u.name));
            }
        }
    }
    None
}

fn age(s: usize, e: usize, value: f64, unit: &str) -> NonFigure {
    NonFigure { kind: Kind::Age, start: s, end: e, value: Some(value), unit: Some(unit.to_string()) }
}

/// The word before `i`, keeping a trailing "." ("No.", "nrs."): its span.
/// `before` is the word right before `i`.
fn prev_word_or_abbrev(text: &str, i: usize, before: Option<(usize, usize)>) -> Option<(usize, usize)> {
    let j = if i > 0 && byte(text, i - 1) == b' ' { i - 1 } else { i };
    if j > 0 && byte(text, j - 1) == b'.' {
        let (a, b) = prev_word(text, j - 1)?;
        return (b == j - 1).then_some((a, j));
    }
    let (a, b) = before?;
    (b == j).then_some((a, b))
}

/// "-02-10" or "-01" after a year ("2025-02-10", "1995-01"): where the ISO date ends.
fn iso_date(text: &str, i: usize) -> Option<usize> {
    let mut end = i;
    let mut parts = 0;
    while byte(text, end) == b'-' && digits_end(text, end + 1) == end + 3 && parts < 2 {
        end += 3;
        parts += 1;
    }
    let month: u32 = text.get(i + 1..i + 3)?.parse().ok()?;
    (parts > 0 && !byte(text, end).is_ascii_alphanumeric() && (1..=12).contains(&month)).then_some(end)
}

/// ", 2021" after a day: where the date ends.
fn date_year_after(text: &str, i: usize) -> usize {
    let j = if byte(text, i) == b',' { i + 1 } else { i };
    let k = skip_spaces(text, j);
    let e = digits_end(text, k);
    if e - k == 4 && k > i && !byte(text, e).is_ascii_alphanumeric() { e } else { i }
}

/// "555-0199" (a phone number), "112-104" after a score cue (a score),
/// "+1-222-2222/2222".
fn dashed(lex: &Lexicon, text: &str, t: &Term) -> Option<NonFigure> {
    let s = t.start;
    // Most numbers are followed by no dash, slash or point and a digit.
    let joined = |end: usize| {
        matches!(char_at(text, end), Some('-' | '–' | '/' | '.'))
            && byte(text, end + char_at(text, end).map_or(1, char::len_utf8)).is_ascii_digit()
    };
    if !joined(t.num.end) {
        return None;
    }
    let mut groups = vec![t.num.end - s];
    let mut end = t.num.end;
    while joined(end) {
        let d = end + char_at(text, end).map_or(1, char::len_utf8);
        let de = digits_end(text, d);
        groups.push(de - d);
        end = de;
    }
    if groups.len() < 2 || byte(text, end).is_ascii_alphabetic() {
        return None;
    }
    // "100-1000 grams", "200-1000 people": a range of something, not a phone.
    let j = skip_spaces(text, end);
    if !lex.after_all(text, j).is_empty() || crate::counted::after(lex, text, end, 2.0).is_some() {
        return None;
    }
    let plus = char_before(text, s) == Some('+');
    let total: usize = groups.iter().sum();
    let phone = plus && groups.len() >= 2
        || groups.len() == 2 && groups[0] == 3 && groups[1] == 4
        || groups.len() >= 3 && total >= 7 && groups.iter().all(|&g| g >= 2);
    if phone {
        let start = if plus { s - 1 } else { s };
        return Some(NonFigure::new(Kind::Phone, start, end, None));
    }
    if (groups.len() == 2 && groups.iter().all(|&g| g <= 3) && byte(text, t.num.end) == b'-'
        || char_at(text, t.num.end) == Some('–') && groups.len() == 2)
        && score_context(lex, text, s, end)
    {
        return Some(NonFigure::new(Kind::Score, s, end, None));
    }
    None
}

/// A score cue among the six words before `s`, or "win"/"victory"/... right after `e`.
fn score_context(lex: &Lexicon, text: &str, s: usize, e: usize) -> bool {
    let mut at = s;
    for _ in 0..6 {
        let Some((a, b)) = prev_word(text, at) else { break };
        if lex.score_cues.contains(&text[a..b]) {
            return true;
        }
        at = a;
    }
    next_word(text, e).is_some_and(|(a, b)| lex.score_cues.contains(&text[a..b])) && letters_end(text, e) == e
}
