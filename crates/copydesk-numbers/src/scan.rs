//! The scanning loop: finds where numerals may start (digits, found at
//! memchr-like speed; number words, found by one Aho-Corasick automaton),
//! and turns each into a figure with what surrounds it.

use std::borrow::Cow;

use copydesk_core::Span;

use crate::counted;
use crate::figure::{Bound, Change, Figure, Kind, Mention};
use crate::find;
use crate::lexicon::{Lexicon, Qualifier, Strength, WordClass, starts_one_of};
use crate::nonfigure::{self, NonFigure};
use crate::numeral::{self, Form};
use crate::qualifier;
use crate::term::{self, Term, What};
use crate::text::{
    byte, char_at, char_before, ends_with_ci, ends_word_boundary, is_any, is_space, letters_end, next_word,
    prev_word, skip_spaces,
};

/// Scans `text` for figures, in text order.
pub fn scan<'a>(lex: &Lexicon, text: &'a str) -> Vec<Figure<'a>> {
    // News text has about a figure every 200 bytes, tables of figures one
    // every 20: room for most up front saves moving the figures each time
    // the list grows (capped for huge texts, where growing is cheap beside
    // the scan).
    let mut out = Vec::with_capacity((text.len() / 64).min(4096));
    let (mut pos, mut starts) = (0, find::Starts::default());
    loop {
        let at = starts.next(lex, text, pos);
        if at >= text.len() {
            break;
        }
        let next = candidate(lex, text, at, &mut out);
        pos = next.max(at + 1);
        while !text.is_char_boundary(pos) {
            pos += 1;
        }
    }
    two_sided_bounds(text, out)
}

/// "more than 10 and fewer than 20", "above 1000 but below 1500": a lower
/// and an upper bound next to each other make one range.
fn two_sided_bounds<'a>(text: &'a str, mut figs: Vec<Figure<'a>>) -> Vec<Figure<'a>> {
    if figs.iter().filter(|f| f.bound.is_some()).nth(1).is_none() {
        return figs;
    }
    // Joined in place: a figure is moved only when one before it was joined.
    let mut kept = 0;
    for i in 0..figs.len() {
        if kept > 0
            && let Some(r) = join_bounds(text, &figs[kept - 1], &figs[i])
        {
            figs[kept - 1] = r;
            continue;
        }
        if kept != i {
            figs.swap(kept, i);
        }
        kept += 1;
    }
    figs.truncate(kept);
    figs
}

fn join_bounds<'a>(text: &'a str, a: &Figure<'a>, b: &Figure<'a>) -> Option<Figure<'a>> {
    let lower = |f: &Figure| matches!(f.bound, Some(Bound::Above | Bound::AtLeast));
    let upper = |f: &Figure| matches!(f.bound, Some(Bound::Below | Bound::AtMost));
    let (lo, hi) = if lower(a) && upper(b) {
        (a, b)
    } else if upper(a) && lower(b) {
        (b, a)
    } else {
        return None;
    };
    let between = text.get(a.span.end..b.span.start)?.trim();
    let joined = ["and", "but", ", but", "and yet"].iter().any(|j| between.eq_ignore_ascii_case(j));
    let same = a.kind == b.kind
        && a.currency == b.currency
        && (a.unit == b.unit || a.unit.is_none() || b.unit.is_none());
    if !joined || !same || !a.kind.is_figure() || a.kind == Kind::Range || lo.value? >= hi.value? {
        return None;
    }
    let mut r = Figure::new(Span::new(a.span.start, b.span.end), Kind::Range);
    r.low = lo.value;
    r.high = hi.value;
    r.range_of = Some(a.kind);
    r.currency = a.currency.clone();
    r.unit = a.unit.clone().or_else(|| b.unit.clone());
    r.dimension = a.dimension.clone().or_else(|| b.dimension.clone());
    r.si_unit = a.si_unit.clone().or_else(|| b.si_unit.clone());
    r.si_low = lo.si_value;
    r.si_high = hi.si_value;
    r.counted = b.counted.clone().or_else(|| a.counted.clone());
    r.set_text(text);
    Some(r)
}

/// The end of the token around `i` (letters, digits, and the punctuation
/// codes and URLs are made of).
fn token_end(text: &str, mut i: usize) -> usize {
    while let Some(c) = char_at(text, i) {
        if c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')' | '"' | '“' | '”') {
            break;
        }
        i += c.len_utf8();
    }
    i
}

/// Where a digit numeral whose first digit is at `d` starts: a sign or a
/// leading point before it belongs to it ("-5", "−273.15", ".25"). `None`
/// when the digit is glued to a word or a code ("i7", "SCP-173", "%28").
fn digit_start(lex: &Lexicon, text: &str, d: usize) -> Option<usize> {
    let mut s = d;
    if byte(text, d.wrapping_sub(1)) == b'.'
        && d >= 1
        && !char_before(text, d - 1).is_some_and(char::is_alphanumeric)
    {
        s = d - 1;
    }
    if let Some(c @ ('-' | '−')) = char_before(text, s) {
        let b = s - c.len_utf8();
        if !char_before(text, b).is_some_and(|p| p.is_alphanumeric() || matches!(p, '-' | '.' | '/')) {
            s = b;
        } else if char_before(text, b).is_some_and(char::is_alphabetic) {
            return None;
        }
    }
    // "- 20 degrees" at the start of a line: a spaced minus.
    if char_before(text, s) == Some(' ') && matches!(char_before(text, s - 1), Some('-' | '−')) {
        let m = s - 1 - char_before(text, s - 1).map_or(1, char::len_utf8);
        if matches!(char_before(text, m), None | Some('\n')) {
            s = m;
        }
    }
    match char_before(text, s) {
        Some(c) if c.is_alphabetic() => term::currency_before(lex, text, s, 0).map(|_| s),
        Some('/' | '%' | '&' | '?' | '#' | '_' | '@' | '\\' | '|' | ':' | '^' | '=') => None,
        _ => Some(s),
    }
}

/// Reads the figure at `at`, pushes it (or the non-figure) to `out`, and
/// returns where scanning resumes.
fn candidate<'a>(lex: &Lexicon, text: &'a str, at: usize, out: &mut Vec<Figure<'a>>) -> usize {
    let start = if byte(text, at).is_ascii_digit() {
        match digit_start(lex, text, at) {
            Some(s) => s,
            None => return token_end(text, at),
        }
    } else {
        if let Some(f) = multiplier_word(lex, text, at) {
            let end = f.span.end;
            out.push(f);
            return end;
        }
        at
    };
    let floor = out.last().map_or(0, |f: &Figure| f.span.end);
    let Some(mut t) = term::term(lex, text, start, floor) else {
        // Not a number after all (or too long to be one): skip the whole run.
        return letters_end(text, at).max(crate::text::digits_end(text, at));
    };
    if byte(text, t.num.start).is_ascii_alphabetic() {
        article(lex, text, &mut t);
        if is_pronoun_one(lex, text, &t) || is_period_fraction(lex, text, &t) {
            return t.num.end;
        }
    } else if matches!(t.what, What::Bare)
        && t.end == t.num.end
        && byte(text, t.end).is_ascii_alphabetic()
        && byte(text, t.end) != b'x'
    {
        // Digits glued to letters that are no unit: a code ("06F6", "4K2").
        return token_end(text, t.end);
    }
    // The word right before the number, read once: several tests below ask.
    let mut before = prev_word(text, t.start);
    if negative_word(text, &mut t, before) {
        before = prev_word(text, t.start);
    }
    let start = t.start;
    let word_ending_at = |i: usize| if i == start { before } else { prev_word(text, i) };
    // A date, a time or an ordinal is one whatever qualifies it or follows
    // it: set aside before those are read.
    let alone = match nonfigure::classify_alone(lex, text, &t, before) {
        Some(nf) if nf.kind != Kind::Age => {
            let end = nf.end;
            out.push(non_figure(text, nf, &t));
            return end;
        }
        alone => alone,
    };
    let qual = qualifier::before(lex, text, t.start, before).filter(|&(qs, _, _)| qs >= floor);
    // What a bare number counts, read once: it decides a year from a count too.
    let counted =
        if matches!(t.what, What::Bare) { counted::after(lex, text, t.end, t.value()) } else { None };
    let counted_plural = counted.is_some_and(|sp| {
        let w = &text[sp.start..sp.end];
        w.ends_with('s') || lex.irregular_plurals.contains(w)
    });
    // "above 1000" is a count, but "since at least 2007" a year.
    let bounded = matches!(qual, Some((qs, _, Qualifier::Bound(_)))
        if !prev_word(text, qs).is_some_and(|(a, b)| lex.year_cues.contains(&text[a..b])));
    let age = match alone.or_else(|| nonfigure::classify(lex, text, &t, counted_plural, bounded, before)) {
        Some(nf) if nf.kind != Kind::Age => {
            let end = nf.end;
            out.push(non_figure(text, nf, &t));
            return end;
        }
        age => age,
    };
    // Built in its place in `out`: a figure is big, and moving it costs.
    let is_figure = age.is_none();
    out.push(match age {
        Some(nf) => non_figure(text, nf, &t),
        None => {
            compound_quantity(lex, text, &mut t);
            article_unit_before(lex, text, &mut t, floor, before);
            money_cents(lex, text, &mut t);
            let counted = counted.filter(|_| matches!(t.what, What::Bare));
            combine(lex, text, &t).unwrap_or_else(|| single(lex, text, &mut t, counted))
        }
    });
    let fig = out.last_mut().expect("a figure was just pushed");
    if is_figure && fig.kind != Kind::Range {
        fig.number = Some(Mention::new(text, Span::new(t.num.start, t.num.end)));
    }
    if let Some((qs, qe, q)) = qual {
        apply_qualifier(text, fig, qs, qe, q);
    }
    if let Some((qs, qe, q)) = qualifier::after(lex, text, fig.span.end) {
        apply_qualifier(text, fig, qs, qe, q);
        if fig.kind == Kind::Count
            && fig.counted.is_none()
            && let Some(sp) = counted::after(lex, text, qe, 2.0)
        {
            fig.counted = Some(Mention::new(text, sp));
            fig.span.end = sp.end;
        }
    }
    if qual.is_none()
        && fig.kind == Kind::Range
        && let Some((s, e)) = word_ending_at(fig.span.start)
        && is_any(&text[s..e], &["between", "from"])
    {
        fig.qualifier = Some(Mention::new(text, Span::new(s, s + letters_end(text, s) - s)));
        fig.span.start = s;
    }
    // "($99.99)": an accounting negative.
    if fig.kind == Kind::Money
        && fig.value.is_some_and(|v| v > 0.0)
        && fig.qualifier.is_none()
        && char_before(text, fig.span.start) == Some('(')
        && char_at(text, fig.span.end) == Some(')')
    {
        fig.value = fig.value.map(|v| -v);
        fig.exact = fig.exact.take().map(|e| Cow::Owned(format!("-{e}")));
        fig.span = Span::new(fig.span.start - 1, fig.span.end + 1);
    }
    if matches!(fig.kind, Kind::Money | Kind::Percent | Kind::Count | Kind::Range) {
        fig.change = change_before(lex, text, word_ending_at(fig.span.start));
    }
    fig.set_text(text);
    fig.span.end
}

/// "a dozen", "a hundred", "a half": the article is part of the number;
/// "a third" (of something, or alone) is a fraction, "a third term" an ordinal.
fn article(lex: &Lexicon, text: &str, t: &mut Term) {
    let w = &text[t.num.start..letters_end(text, t.num.start)];
    let Some(a) = numeral::article_before(lex, text, t.num.start, w) else { return };
    if t.num.form == Form::Ordinal {
        if text[t.num.start..t.num.end].contains([' ', '-']) {
            t.start = t.start.min(a); // "a hundred trillionth": a many-word ordinal
            return;
        }
        let alone = match next_word(text, t.num.end) {
            Some((s, e)) => text[s..e].eq_ignore_ascii_case("of"),
            None => !char_at(text, skip_spaces(text, t.num.end)).is_some_and(char::is_alphanumeric),
        };
        if !alone || t.num.value <= 2.0 {
            return;
        }
        t.num.value = 1.0 / t.num.value;
        t.num.form = Form::Fraction;
        t.num.exact = None;
    }
    t.start = t.start.min(a);
}

/// "the second half", "in the quarter", "first quarter": a fraction word
/// that names a period or a part, not a number. A lone "quarter" is one
/// unless an article, a numerator or a scale makes it a number.
fn is_period_fraction(lex: &Lexicon, text: &str, t: &Term) -> bool {
    let span = &text[t.num.start..t.num.end];
    let Some(w) = lex.word(span).filter(|w| w.class == WordClass::Fraction) else { return false };
    if t.start < t.num.start || !matches!(t.what, What::Bare) {
        return false;
    }
    let prev = prev_word(text, t.num.start).map(|(a, b)| &text[a..b]);
    let determiner = prev.is_some_and(|p| {
        lex.not_one.contains(p) || lex.word(p).is_some_and(|n| n.class == WordClass::Ordinal)
    });
    determiner || w.value == 4.0
}

/// "the one you mentioned", "one of the": "one" as a pronoun.
fn is_pronoun_one(lex: &Lexicon, text: &str, t: &Term) -> bool {
    if !text[t.num.start..t.num.end].eq_ignore_ascii_case("one") || !matches!(t.what, What::Bare) {
        return false;
    }
    // "the one", "the old one": a determiner one or two words before.
    let determiner = |(a, b): (usize, usize)| lex.not_one.contains(&text[a..b]);
    let before = prev_word(text, t.num.start)
        .is_some_and(|w| determiner(w) || prev_word(text, w.0).is_some_and(determiner));
    let after = next_word(text, t.num.end).is_some_and(|(a, b)| {
        is_any(&text[a..b], &["of", "another", "day", "who", "that", "which", "thing", "way", "side", "hand"])
    });
    before || after
}

/// The next term after `t`, past a space and an optional "and" ("5 feet
/// 2 inches", "3 dollars and 50 cents").
fn next_term(lex: &Lexicon, text: &str, t: &Term) -> Option<Term> {
    let mut j = skip_spaces(text, t.end);
    if j == t.end {
        return None;
    }
    if let Some((a, b)) = next_word(text, j).filter(|&(a, b)| text[a..b].eq_ignore_ascii_case("and")) {
        debug_assert_eq!(a, j);
        j = skip_spaces(text, b);
    }
    if !(byte(text, j).is_ascii_digit() || byte(text, j).is_ascii_alphabetic()) {
        return None;
    }
    term::term(lex, text, j, t.end)
}

/// "5 feet 2 inches", "2 years and 3 months": one quantity in the first
/// unit ("5.1667 foot"), when the next unit is a smaller one of the same kind.
fn compound_quantity(lex: &Lexicon, text: &str, t: &mut Term) {
    while let What::Unit(u) = &t.what {
        if t.per.is_some() || !matches!(&*u.dimension, "length" | "mass" | "duration" | "volume") {
            return;
        }
        // "one hour and a half": a fraction of the unit.
        if let Some((f, e)) = and_fraction(lex, text, t.end) {
            t.num.value += f;
            t.num.exact = None;
            t.end = e;
            return;
        }
        let Some(t2) = next_term(lex, text, t) else { return };
        let What::Unit(u2) = &t2.what else { return };
        if u2.dimension != u.dimension || u2.factor >= u.factor || t2.per.is_some() || t2.num.value < 0.0 {
            return;
        }
        t.num.value += t2.num.value * u2.factor / u.factor;
        t.num.exact = None;
        t.end = t2.end;
    }
}

/// " and a half", " and half", " and a quarter" at `i`: the fraction and its end.
fn and_fraction(lex: &Lexicon, text: &str, i: usize) -> Option<(f64, usize)> {
    let (a, b) = next_word(text, i).filter(|&(a, b)| text[a..b].eq_ignore_ascii_case("and"))?;
    debug_assert!(a < b);
    let (c, d) = next_word(text, b)?;
    let (c, d) = if is_any(&text[c..d], &["a", "an"]) { next_word(text, d)? } else { (c, d) };
    let w = lex.word(&text[c..d]).filter(|w| w.class == WordClass::Fraction && !w.plural)?;
    Some((1.0 / w.value, d))
}

/// "an hour and 45 minutes", "a year and a half": a unit named with an
/// article before "and" and the term `t`; the whole as one quantity.
/// `before` is the word right before the term.
fn article_unit_before(
    lex: &Lexicon,
    text: &str,
    t: &mut Term,
    floor: usize,
    before: Option<(usize, usize)>,
) {
    let Some((a, b)) = before.filter(|&(a, b)| text[a..b].eq_ignore_ascii_case("and")) else {
        return;
    };
    debug_assert!(a < b);
    let Some((us, ue)) = prev_word(text, a) else { return };
    let Some((arts, arte)) = prev_word(text, us) else { return };
    if arts < floor || !is_any(&text[arts..arte], &["a", "an"]) {
        return;
    }
    let Some(u) = lex.after_all(text, us).into_iter().find_map(|(w, e)| match w {
        crate::lexicon::After::Unit(i) if e == ue && e - us > 2 => Some(&lex.units[i]),
        _ => None,
    }) else {
        return;
    };
    let extra = match &t.what {
        What::Unit(u2) if u2.dimension == u.dimension && u2.factor < u.factor && t.per.is_none() => {
            t.value() * u2.factor / u.factor
        }
        What::Bare if t.num.form == Form::Fraction => t.num.value,
        _ => return,
    };
    t.num.value = 1.0 + extra;
    t.num.exact = None;
    t.start = arts;
    t.what = What::Unit(term::unit_ref(u));
}

/// "3 dollars 50 cents", "15 dollars and 50", "$20 43": cents after an amount.
fn money_cents(lex: &Lexicon, text: &str, t: &mut Term) {
    if !matches!(t.what, What::Money { factor: 1.0, .. }) || t.per.is_some() || t.num.scale != 1.0 {
        return;
    }
    let Some(t2) = next_term(lex, text, t) else { return };
    if !t2.num.is_integer() || !(0.0..100.0).contains(&t2.num.value) || t2.num.form == Form::Fraction {
        return;
    }
    let cents = match t2.what {
        What::Money { factor: 0.01, .. } => true,
        What::Bare => !char_at(text, skip_spaces(text, t2.end)).is_some_and(char::is_alphanumeric),
        _ => false,
    };
    if cents {
        t.num.value += t2.num.value / 100.0;
        t.num.exact = None;
        t.end = t2.end;
    }
}

/// "minus 5", "negative one": negates the term and takes the word in.
/// `before` is the word right before the term; true when it was taken in.
fn negative_word(text: &str, t: &mut Term, before: Option<(usize, usize)>) -> bool {
    if let Some((a, b)) = before {
        let w = &text[a..b];
        if (w.eq_ignore_ascii_case("minus") || w.eq_ignore_ascii_case("negative")) && t.num.value > 0.0 {
            t.num.value = -t.num.value;
            t.num.exact = t.num.exact.as_ref().map(|e| e.negated(text));
            t.start = a;
            return true;
        }
    }
    false
}

fn non_figure<'a>(text: &'a str, nf: NonFigure, t: &Term) -> Figure<'a> {
    let mut f = Figure::new(Span::new(nf.start, nf.end), nf.kind);
    if nf.value.is_some() && Span::new(nf.start, nf.end).contains(Span::new(t.num.start, t.num.end)) {
        // A decade's number is its digits: "1960" in "1960s".
        let end = if t.num.form == Form::Decade { t.num.end - 1 } else { t.num.end };
        f.number = Some(Mention::new(text, Span::new(t.num.start, end)));
    }
    f.value = nf.value;
    f.unit = nf.unit.map(Into::into);
    f.set_text(text);
    f
}

/// A change word `word` (the word right before a figure), or the word
/// before it when `word` is "by" ("fell 3.5%", "rose by 2 points"); "to"
/// makes it a level, not a change.
fn change_before(lex: &Lexicon, text: &str, word: Option<(usize, usize)>) -> Option<Change> {
    let (a, b) = word?;
    let (a, b) = if text[a..b].eq_ignore_ascii_case("by") { prev_word(text, a)? } else { (a, b) };
    lex.changes.get(&text[a..b]).copied()
}

/// "twice", "tenfold", "doubled".
fn multiplier_word<'a>(lex: &Lexicon, text: &'a str, at: usize) -> Option<Figure<'a>> {
    let e = letters_end(text, at);
    if !ends_word_boundary(text, e) {
        return None;
    }
    let v = *lex.multipliers.get(&text[at..e])?;
    let mut f = Figure::new(Span::new(at, e), Kind::Multiplier);
    f.value = Some(v);
    f.set_text(text);
    Some(f)
}

/// Sets the qualifier at `qs..qe`, before or after the figure, and takes it
/// into the figure's span. A figure qualified on both sides keeps the one
/// before as its `qualifier`; "or equal" after makes a bound inclusive.
fn apply_qualifier<'a>(text: &'a str, fig: &mut Figure<'a>, qs: usize, qe: usize, q: Qualifier) {
    match q {
        Qualifier::Approx => fig.approx = true,
        Qualifier::Bound(Bound::Exactly) if qs >= fig.span.end => {
            fig.bound = match fig.bound {
                Some(Bound::Above) => Some(Bound::AtLeast),
                Some(Bound::Below) => Some(Bound::AtMost),
                b => b.or(Some(Bound::Exactly)),
            }
        }
        Qualifier::Bound(b) => fig.bound = Some(b),
    }
    if fig.qualifier.is_none() {
        fig.qualifier = Some(Mention::new(text, Span::new(qs, qe)));
    }
    fig.span.start = fig.span.start.min(qs);
    fig.span.end = fig.span.end.max(qe);
}

/// A figure of one term: money, percent, quantity, multiplier, ratio or count.
/// `counted` is what a bare number counts, when anything. The term's exact
/// string moves to the figure.
fn single<'a>(lex: &Lexicon, text: &'a str, t: &mut Term, counted: Option<Span>) -> Figure<'a> {
    let mut f = Figure::new(Span::new(t.start, t.end), Kind::Count);
    set_value(text, &mut f, t);
    match &t.what {
        What::Money { code, .. } => {
            f.kind = Kind::Money;
            f.currency = Some((*code).into());
            f.per = t.per.map(|s| Mention::new(text, s));
        }
        What::Percent(unit) => {
            f.kind = Kind::Percent;
            f.unit = Some((*unit).into());
        }
        What::Unit(u) => {
            f.kind = Kind::Quantity;
            f.unit = Some(u.name.clone());
            f.dimension = Some(u.dimension.clone());
            f.si_value = Some(t.value() * u.factor + u.offset);
            f.si_unit = Some(u.si_unit.clone());
            f.per = t.per.map(|s| Mention::new(text, s));
            measured(lex, text, &mut f);
        }
        What::Bare | What::Time | What::AgeAbbr => bare(lex, text, t, &mut f, counted),
    }
    f
}

/// "30 centimetres of snow", "500 grams of strawberries": what a quantity
/// measures, kept in `counted`.
fn measured<'a>(lex: &Lexicon, text: &'a str, f: &mut Figure<'a>) {
    let Some((a, b)) =
        next_word(text, f.span.end).filter(|&(a, b)| a > f.span.end && text[a..b].eq_ignore_ascii_case("of"))
    else {
        return;
    };
    debug_assert!(a < b);
    if let Some(sp) = counted::phrase(lex, text, b) {
        f.counted = Some(Mention::new(text, sp));
        f.span.end = sp.end;
    }
}

fn set_value<'a>(text: &'a str, f: &mut Figure<'a>, t: &mut Term) {
    f.value = Some(t.value());
    f.exact = match t.what {
        What::Money { factor, .. } if factor != 1.0 => None,
        _ => t.num.exact.take().map(|e| e.resolve(text)),
    };
}

/// A bare number: a multiplier ("three times larger", "3x"), a fraction of
/// something ("two-thirds of the members"), or a count.
fn bare<'a>(lex: &Lexicon, text: &'a str, t: &Term, f: &mut Figure<'a>, counted: Option<Span>) {
    let e = t.end;
    // "3x", "3×", "3-fold", "three times larger"
    if matches!(char_at(text, e), Some('x' | '×'))
        && !char_at(text, e + 1).is_some_and(char::is_alphanumeric)
        && t.num.form != Form::Words
    {
        f.kind = Kind::Multiplier;
        f.span.end = e + char_at(text, e).map_or(1, char::len_utf8);
        return;
    }
    if let Some((a, b)) = next_word(text, if byte(text, e) == b'-' { e + 1 } else { e }) {
        let w = &text[a..b];
        if w.eq_ignore_ascii_case("fold") {
            f.kind = Kind::Multiplier;
            f.span.end = b;
            return;
        }
        if w.eq_ignore_ascii_case("times")
            && a > e
            && let Some((c, d)) = next_word(text, b)
        {
            let cw = &text[c..d];
            if lex.comparatives.contains(cw) || cw.len() > 4 && ends_with_ci(cw, "er") {
                f.kind = Kind::Multiplier;
                f.span.end = d;
                return;
            }
            // "four times a week": a frequency.
            if let Some((u, end)) = frequency(lex, text, c, d) {
                f.kind = Kind::Quantity;
                f.si_value = f.value.map(|v| v / u.factor);
                f.unit = Some(format!("time per {}", u.name).into());
                f.dimension = Some("frequency".into());
                f.si_unit = Some("1/s".into());
                f.span.end = end;
                return;
            }
        }
        // "hundreds of people", "two-thirds of the members", "half of the voters"
        if w.eq_ignore_ascii_case("of") && (t.num.vague || t.num.form == Form::Fraction) {
            let mut k = b;
            if let Some((c, d)) = next_word(text, b)
                && is_any(&text[c..d], &["the", "its", "their", "his", "her", "our", "all", "those", "these"])
            {
                k = d;
            }
            if t.num.form == Form::Fraction {
                f.kind = Kind::Ratio;
            } else {
                f.approx = true;
                f.bound = Some(Bound::AtLeast);
            }
            // "billions of dollars": money.
            let c = skip_spaces(text, k);
            if let Some((crate::lexicon::After::Currency(i), end)) =
                lex.after_all(text, c).into_iter().find(|&(w, end)| {
                    matches!(w, crate::lexicon::After::Currency(_))
                        && end - c > 2
                        && ends_word_boundary(text, end)
                })
            {
                f.kind = Kind::Money;
                f.currency = Some(lex.currencies[i].code.into());
                f.value = f.value.map(|v| v * lex.currencies[i].factor);
                f.span.end = end;
                return;
            }
            if let Some(sp) = counted::after(lex, text, k, 2.0) {
                f.counted = Some(Mention::new(text, sp));
                f.span.end = sp.end;
            }
            return;
        }
    }
    if t.num.form == Form::Fraction {
        f.kind = Kind::Ratio;
        return;
    }
    if t.num.vague {
        f.approx = true;
        f.bound = Some(Bound::AtLeast);
    }
    if let Some(sp) = counted {
        f.counted = Some(Mention::new(text, sp));
        f.span.end = sp.end;
    }
}

/// "a week", "per month" at `c..d`: the time unit a frequency is per, and where it ends.
fn frequency<'l>(
    lex: &'l Lexicon,
    text: &str,
    c: usize,
    d: usize,
) -> Option<(&'l crate::lexicon::Unit, usize)> {
    if !is_any(&text[c..d], &["a", "an", "per", "each", "every"]) {
        return None;
    }
    let j = skip_spaces(text, d);
    lex.after_all(text, j).into_iter().find_map(|(w, end)| match w {
        crate::lexicon::After::Unit(i)
            if lex.units[i].dimension == "duration" && end - j > 2 && ends_word_boundary(text, end) =>
        {
            Some((&lex.units[i], end))
        }
        _ => None,
    })
}

/// The numeral starting after `i`: skips spaces and a currency symbol.
fn numeral_after(lex: &Lexicon, text: &str, i: usize) -> Option<Term> {
    // "between 2 g and about 7 g", "2 - ~7 grams": an approximation inside.
    let i = match next_word(text, i) {
        Some((a, b)) if lex.qualifiers.get(&text[a..b]) == Some(&Qualifier::Approx) => b,
        _ if text[skip_spaces(text, i)..].starts_with('~') => skip_spaces(text, i) + 1,
        _ => i,
    };
    let j = skip_spaces(text, i);
    let mut k = j;
    // Past a currency symbol or code: "to $1 million".
    while let Some(c) = char_at(text, k) {
        if c.is_ascii_digit() || k - j > 6 || c.is_whitespace() && k > j + 4 {
            break;
        }
        if c.is_ascii_alphabetic() && k == j {
            break;
        }
        k += c.len_utf8();
    }
    let k = skip_spaces(text, k);
    let start = if byte(text, k).is_ascii_digit() {
        if k > j
            && term::currency_before(lex, text, k, i).is_none()
            && !matches!(char_at(text, j), Some('-' | '−'))
        {
            return None;
        }
        if matches!(char_at(text, j), Some('-' | '−')) && k == j + 1 { j } else { k }
    } else if byte(text, j).is_ascii_alphabetic() && lex.word(&text[j..letters_end(text, j)]).is_some() {
        j
    } else {
        return None;
    };
    let t = term::term(lex, text, start, i)?;
    matches!(t.num.form, Form::Plain | Form::Digits | Form::Words | Form::Fraction).then_some(t)
}

/// Ranges ("two to four weeks", "10-15%"), ratios ("one in five",
/// "8 million out of 39 million") and "times" multipliers.
fn combine<'a>(lex: &Lexicon, text: &'a str, t: &Term) -> Option<Figure<'a>> {
    let e = if matches!(t.what, What::Bare) { t.num.end } else { t.end };
    range(lex, text, t, e).or_else(|| ratio(lex, text, t, e))
}

fn range<'a>(lex: &Lexicon, text: &'a str, t: &Term, e: usize) -> Option<Figure<'a>> {
    // The joiner: a dash, "~", "to", "through", "and" after "between".
    let mut j = skip_spaces(text, e);
    let c = char_at(text, j)?;
    let after_join = if matches!(c, '-' | '–' | '—' | '~') {
        let k = skip_spaces(text, j + c.len_utf8());
        // "8- to 16-meter"
        match next_word(text, k) {
            Some((a, b)) if a == k && text[a..b].eq_ignore_ascii_case("to") => b,
            _ => {
                if c == '-' && matches!(t.what, What::Bare) && k == j + 1 && j > e {
                    return None; // "5 -3": a negative number, not a range
                }
                if t.num.form == Form::Words && j == e && k == j + 1 {
                    return None; // "three-nought-four": digits spelled out
                }
                j + c.len_utf8()
            }
        }
    } else {
        if !starts_one_of(lex.range_first_letters, byte(text, j)) {
            return None;
        }
        let (a, b) = next_word(text, j)?;
        match lex.range_words.get(&text[a..b]) {
            Some(Strength::Strong) => b,
            Some(Strength::Weak) if qualifier::word_before(text, t.start, "between").is_some() => b,
            _ => return None,
        }
    };
    j = after_join;
    let t2 = numeral_after(lex, text, j)?;
    let what = match (&t.what, &t2.what) {
        (What::Bare, w) => w.clone(),
        (a, b) if same_kind(a, b) => a.clone(),
        (a @ What::Money { .. }, What::Bare) => a.clone(),
        _ => return None,
    };
    if matches!(what, What::Time | What::AgeAbbr) || nonfigure::year_like(t) && nonfigure::year_like(&t2) {
        return None;
    }
    let mut f = Figure::new(Span::new(t.start, t2.end), Kind::Range);
    let scale = match what {
        What::Money { factor, .. } => factor,
        _ => 1.0,
    };
    // "$5 to 10 million": the scale of the upper end applies to both.
    let mut low = t.num.value * scale;
    if t.num.scale == 1.0 && matches!(t.what, What::Bare) {
        low *= t2.num.scale;
    }
    let high = t2.value();
    f.low = Some(low.min(high));
    f.high = Some(low.max(high));
    match &what {
        What::Money { code, .. } => {
            f.range_of = Some(Kind::Money);
            f.currency = Some((*code).into());
        }
        What::Percent(u) => {
            f.range_of = Some(Kind::Percent);
            f.unit = Some((*u).into());
        }
        What::Unit(u) => {
            f.range_of = Some(Kind::Quantity);
            f.unit = Some(u.name.clone());
            f.dimension = Some(u.dimension.clone());
            f.si_unit = Some(u.si_unit.clone());
            f.si_low = f.low.map(|v| v * u.factor + u.offset);
            f.si_high = f.high.map(|v| v * u.factor + u.offset);
            measured(lex, text, &mut f);
        }
        _ => {
            f.range_of = Some(Kind::Count);
            if let Some(sp) = counted::after(lex, text, t2.end, 2.0) {
                f.counted = Some(Mention::new(text, sp));
                f.span.end = sp.end;
            }
        }
    }
    Some(f)
}

fn same_kind(a: &What, b: &What) -> bool {
    match (a, b) {
        (What::Money { code: x, .. }, What::Money { code: y, .. }) => x == y,
        (What::Percent(x), What::Percent(y)) => x == y,
        (What::Unit(x), What::Unit(y)) => x.dimension == y.dimension,
        _ => false,
    }
}

fn ratio<'a>(lex: &Lexicon, text: &'a str, t: &Term, e: usize) -> Option<Figure<'a>> {
    if !matches!(t.what, What::Bare) || nonfigure::year_like(t) {
        return None;
    }
    let j = skip_spaces(text, e);
    if j == e {
        return None;
    }
    // The joiner's first word, read once for all the joiners (when it can
    // start one).
    if !starts_one_of(lex.ratio_first_letters, byte(text, j)) {
        return None;
    }
    let (a, b) = next_word(text, j)?;
    let (strength, after) = lex.ratio_words.iter().find_map(|&(w, s)| {
        let mut parts = w.split(' ');
        if !parts.next().is_some_and(|p| text[a..b].eq_ignore_ascii_case(p)) {
            return None;
        }
        let mut k = b;
        for part in parts {
            let (c, d) = next_word(text, k)?;
            if !text[c..d].eq_ignore_ascii_case(part) {
                return None;
            }
            k = d;
        }
        Some((s, k))
    })?;
    // The whole: right after the joiner, or, after "out of", at the end of a
    // short noun phrase ("out of Ukraine's pre-war population of 39 million").
    let mut whole = numeral_after(lex, text, after);
    if whole.is_none() && strength == Strength::Strong {
        let mut k = after;
        for _ in 0..8 {
            let Some((a, b)) = next_word(text, k) else { break };
            // The apostrophe's own length: the curly one takes three bytes.
            let b = match ["'s", "’s"].into_iter().find(|p| text[b..].starts_with(p)) {
                Some(p) => letters_end(text, b + p.len()),
                None => b,
            };
            let b = if byte(text, b) == b'-' { letters_end(text, b + 1) } else { b };
            if text[a..b].eq_ignore_ascii_case("of")
                && let Some(w) = numeral_after(lex, text, b)
            {
                whole = Some(w);
                break;
            }
            k = b;
            if !matches!(char_at(text, k), Some(c) if is_space(c) || c == '-') {
                break;
            }
        }
    }
    let whole = whole?;
    if !matches!(whole.what, What::Bare) || whole.num.value == 0.0 {
        return None;
    }
    if whole.num.value < t.num.value {
        return None;
    }
    if strength == Strength::Weak
        && (whole.num.value < t.num.value
            || nonfigure::year_like(&whole)
            || !t.num.is_integer()
            || whole.num.form == Form::Fraction)
    {
        return None;
    }
    let mut f = Figure::new(Span::new(t.start, whole.end), Kind::Ratio);
    f.value = Some(t.num.value / whole.num.value);
    f.part = Some(t.num.value);
    f.whole = Some(whole.num.value);
    if let Some(sp) = counted::after(lex, text, whole.end, 2.0) {
        f.counted = Some(Mention::new(text, sp));
        f.span.end = sp.end;
    }
    Some(f)
}
