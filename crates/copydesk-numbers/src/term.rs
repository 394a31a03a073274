//! A term: one numeral with what is attached to it — a currency before or
//! after ("$5bn", "5 rubles"), a unit ("120 km", "six-mile", "65 mph",
//! "$3.49 a gallon"), a percent sign, a clock-time marker.

use std::borrow::Cow;

use copydesk_core::Span;

use crate::lexicon::{After, Lexicon, UnitFlag};
use crate::numeral::{self, Form, Numeral};
use crate::text::{
    byte, char_at, char_before, ends_word_boundary, is_any, is_space, letters_end, skip_spaces,
    skip_spaces_back,
};

/// A unit, possibly built from others ("square kilometre", "watt per minute").
#[derive(Clone, Debug, PartialEq)]
pub struct UnitRef {
    /// English name.
    pub name: Cow<'static, str>,
    /// What it measures.
    pub dimension: Cow<'static, str>,
    /// SI unit.
    pub si_unit: Cow<'static, str>,
    /// SI value = value * factor + offset.
    pub factor: f64,
    /// See `factor`.
    pub offset: f64,
}

/// What a numeral is a number of.
#[derive(Clone, Debug, PartialEq)]
pub enum What {
    /// Nothing attached.
    Bare,
    /// Money in this ISO currency; `factor` converts the amount as written
    /// (0.01 for cents or pence, 1e6 for "MUSD").
    Money {
        /// ISO 4217 code.
        code: &'static str,
        /// In hundredths.
        factor: f64,
    },
    /// A percent word; its unit name.
    Percent(&'static str),
    /// A unit of measure.
    Unit(UnitRef),
    /// A clock-time marker followed.
    Time,
    /// "yo" followed: an age in years.
    AgeAbbr,
}

/// A numeral with what is attached to it.
#[derive(Clone, Debug)]
pub struct Term {
    /// First byte (a currency symbol before the numeral is included).
    pub start: usize,
    /// One past the last byte (a unit or currency after it is included).
    pub end: usize,
    /// The numeral.
    pub num: Numeral,
    /// What it is a number of.
    pub what: What,
    /// What a rate is per: the span of "gallon" in "$3.49 a gallon", of
    /// "day" in "500,000 barrels a day".
    pub per: Option<Span>,
    /// The unit was joined by a hyphen ("six-mile", "34-year").
    pub hyphenated: bool,
}

impl Term {
    /// The value, with a minor currency unit converted ("50 cents" is 0.5).
    pub fn value(&self) -> f64 {
        match self.what {
            What::Money { factor, .. } => self.num.value * factor,
            _ => self.num.value,
        }
    }
}

/// Parses the numeral starting at `start` (a digit, a sign or a point, or a
/// number word) and what is attached to it.
/// `floor` is where the previous figure ends: nothing before it is read.
pub fn term(lex: &Lexicon, text: &str, start: usize, floor: usize) -> Option<Term> {
    let before = currency_before(lex, text, start, floor);
    let num = if byte(text, start).is_ascii_alphabetic() {
        numeral::words(lex, text, start)?
    } else if let Some((v, len)) = crate::lexicon::vulgar_fraction(text.get(start..)?) {
        Numeral {
            start,
            end: start + len,
            value: v,
            exact: None,
            form: Form::Fraction,
            scale: 1.0,
            vague: false,
        }
    } else {
        numeral::digits(lex, text, start, before.is_some())?
    };
    let mut num = num;
    num.end = uncertainty(lex, text, num.end);
    let mut t = Term { start, end: num.end, num, what: What::Bare, per: None, hyphenated: false };
    if let Some((s, i)) = before {
        t.start = s;
        let c = &lex.currencies[i];
        t.what = What::Money { code: c.code, factor: c.factor };
    } else if matches!(t.num.form, Form::Plain | Form::Digits | Form::Words | Form::Fraction) {
        attach_after(lex, text, &mut t);
        below_zero(lex, text, &mut t);
    }
    if matches!(t.what, What::Money { .. } | What::Unit(_)) {
        // "20 J/m^2 per year": a rate of a rate.
        for _ in 0..2 {
            let end = t.end;
            per(lex, text, &mut t);
            if t.end == end {
                break;
            }
        }
    }
    Some(t)
}

/// "10 degrees below zero", "2 below zero": a negative temperature.
fn below_zero(lex: &Lexicon, text: &str, t: &mut Term) {
    let temperature = match &t.what {
        What::Unit(u) => u.dimension == "temperature",
        What::Bare => true,
        _ => false,
    };
    if !temperature {
        return;
    }
    // Most numbers are followed by no "b": done before the word is read.
    if !matches!(byte(text, skip_spaces(text, t.end)), b'b' | b'B') {
        return;
    }
    let Some((a, b)) = crate::text::next_word(text, t.end) else { return };
    if !text[a..b].eq_ignore_ascii_case("below") {
        return;
    }
    let Some((c, d)) = crate::text::next_word(text, b) else { return };
    if !text[c..d].eq_ignore_ascii_case("zero") {
        return;
    }
    if matches!(t.what, What::Bare) {
        let Some(u) = lex.units.iter().find(|u| u.name == "degree") else { return };
        t.what = What::Unit(unit_ref(u));
    }
    t.num.value = -t.num.value;
    t.num.exact = t.num.exact.as_ref().map(|e| e.negated(text));
    t.end = d;
}

/// The reference to a unit of the table.
pub fn unit_ref(u: &crate::lexicon::Unit) -> UnitRef {
    UnitRef {
        name: u.name.into(),
        dimension: u.dimension.into(),
        si_unit: u.si_unit.into(),
        factor: u.factor,
        offset: u.offset,
    }
}

/// Past an uncertainty after a numeral ("±0.01", "+/- 1e-5"): where it ends.
fn uncertainty(lex: &Lexicon, text: &str, i: usize) -> usize {
    let j = skip_spaces(text, i);
    let k = if text[j..].starts_with('±') {
        j + '±'.len_utf8()
    } else if text[j..].starts_with("+/-") {
        j + 3
    } else {
        return i;
    };
    let k = skip_spaces(text, k);
    if !byte(text, k).is_ascii_digit() {
        return i;
    }
    numeral::digits(lex, text, k, false).map_or(i, |n| n.end)
}

/// A currency written right before the numeral at `i` ("$", "US$", "£",
/// "EUR ", "hk $ ", "u.s $"), not reaching back before `floor`: where it
/// starts and its index.
pub fn currency_before(lex: &Lexicon, text: &str, i: usize, floor: usize) -> Option<(usize, usize)> {
    let j = skip_spaces_back(text, i);
    if i - j > 2 || j <= floor {
        return None;
    }
    // Most numbers have nothing before them that ends a currency: done.
    let last = text.as_bytes()[j - 1];
    if last.is_ascii() && lex.before_ascii & 1 << last == 0 {
        return None;
    }
    let candidates = lex.before.get(&char_before(text, j)?)?;
    let head = text.get(..j)?;
    // A country prefix on "$", attached or spaced: "US$", "hk $", "u.s $", "usd$".
    if head.ends_with('$') {
        let d = j - 1;
        let k = skip_spaces_back(text, d);
        let mut ls = k;
        while ls > floor && (byte(text, ls - 1).is_ascii_alphabetic() || byte(text, ls - 1) == b'.') {
            ls -= 1;
        }
        // The prefix's letters, upper case, dots dropped; a prefix longer
        // than the buffer is no country's.
        let mut buf = [0u8; 8];
        let mut letters = 0;
        for &b in text.as_bytes()[ls..k].iter().filter(|&&b| b != b'.') {
            if let Some(slot) = buf.get_mut(letters) {
                *slot = b.to_ascii_uppercase();
            }
            letters += 1;
        }
        let prefix = buf.get(..letters).unwrap_or_default();
        let spaced_ok = k == d || letters >= 2 || prefix == b"C";
        if letters > 0
            && spaced_ok
            && !char_before(text, ls).is_some_and(char::is_alphanumeric)
            && let Some(&(_, idx)) = lex.dollar_prefixes.iter().find(|(p, _)| p.as_bytes() == prefix)
        {
            return Some((ls, idx));
        }
    }
    for &(surface, idx) in candidates {
        // The dollars after "$" ("US$", "HK$", "A$"...) differ in their first byte: compared first.
        let first = j.checked_sub(surface.len()).and_then(|s| head.as_bytes().get(s).copied());
        if first != surface.as_bytes().first().copied() || !head.ends_with(surface) {
            continue;
        }
        let s = j - surface.len();
        // Codes and "Rs" are whole words; "EUR1.2bn" may be attached.
        let word = surface.starts_with(|c: char| c.is_ascii_alphabetic());
        if s < floor || word && char_before(head, s).is_some_and(char::is_alphanumeric) {
            continue;
        }
        return Some((s, idx));
    }
    None
}

/// Words that may follow a unit written with the "end" flag ("2 in thick").
const DIMENSION_ADJECTIVES: &[&str] =
    &["thick", "long", "wide", "tall", "high", "deep", "across", "diameter"];

/// Reads a unit, currency, percent or time marker after the numeral.
fn attach_after(lex: &Lexicon, text: &str, t: &mut Term) {
    let n = t.num.end;
    let (at, hyphen) = match char_at(text, n) {
        Some('-') if byte(text, n + 1).is_ascii_alphabetic() => (n + 1, true),
        Some(c) if is_space(c) => {
            let j = skip_spaces(text, n);
            if j - n > 2 {
                return;
            }
            (j, false)
        }
        _ => (n, false),
    };
    // "half an hour", "half a liter": the article belongs to the fraction;
    // "2 more minutes", "three straight years": a modifier before the unit.
    let at = match crate::text::next_word(text, at) {
        Some((a, b)) if t.num.form == Form::Fraction && a == at && matches!(&text[a..b], "a" | "an") => {
            skip_spaces(text, b)
        }
        Some((a, b))
            if a == at
                && !hyphen
                && lex.unit_modifiers.contains(&text[a..b])
                && lex.after_all(text, skip_spaces(text, b)).iter().any(|&(w, e)| {
                    matches!(w, After::Unit(_)) && e - skip_spaces(text, b) > 2 && ends_word_boundary(text, e)
                }) =>
        {
            skip_spaces(text, b)
        }
        _ => at,
    };
    // "square miles", "sq km", "cubic feet": a power word before a length unit.
    let (at, power) = power_prefix(text, at);
    let cands = lex.after_all(text, at);
    let mut chosen: Option<(After, usize)> = None;
    for &(what, end) in cands.iter() {
        if chosen.is_some_and(|(_, e)| e > end) {
            break;
        }
        let Some(end) = boundary_ok(lex, text, t, what, at, end, hyphen) else { continue };
        match (chosen, what) {
            // "2 pm" is a time before it is two picometres.
            (Some((After::Unit(_), e)), After::Time) if e == end => chosen = Some((what, end)),
            // A spelling that is both a currency and a unit ("pounds"): money
            // only with a scale ("20 million pounds"), else weight.
            (Some((After::Currency(_), e)), After::Unit(_)) if e == end && t.num.scale == 1.0 => {
                chosen = Some((what, end))
            }
            (Some(_), _) => {}
            (None, _) => chosen = Some((what, end)),
        }
    }
    let Some((what, end)) = chosen else { return };
    if hyphen && !matches!(what, After::Unit(_) | After::Currency(_)) {
        return;
    }
    t.what = match what {
        After::Unit(i) => {
            let mut r = unit_ref(&lex.units[i]);
            t.end = match power {
                Some(p) if r.dimension == "length" => {
                    raise(&mut r, p);
                    end
                }
                Some(_) => return,
                None => power_suffix(text, end, &mut r),
            };
            What::Unit(r)
        }
        After::Currency(i) => {
            t.end = end;
            // "75 USD million": a scale after the currency.
            if t.num.scale == 1.0
                && let Some((factor, e)) = numeral::scale_word(lex, text, end)
            {
                t.num.value *= factor;
                t.num.scale = factor;
                t.num.exact = numeral::exact_of(t.num.value);
                t.end = e;
            }
            let c = &lex.currencies[i];
            What::Money { code: c.code, factor: c.factor }
        }
        After::Percent(unit) => {
            t.end = end;
            What::Percent(unit)
        }
        After::Time => {
            t.end = end;
            What::Time
        }
        After::AgeAbbr => {
            t.end = end;
            What::AgeAbbr
        }
    };
    // "six weeks' time": a possessive after a plural unit.
    if matches!(t.what, What::Unit(_))
        && text[..t.end].ends_with('s')
        && let Some(mark @ ('\'' | '’')) = char_at(text, t.end)
        && char_at(text, t.end + mark.len_utf8()).is_some_and(char::is_whitespace)
    {
        t.end += mark.len_utf8();
    }
    // A unit glued to more letters or digits is part of a code ("24703m212").
    if power.is_some() && !matches!(t.what, What::Unit(_))
        || char_at(text, t.end).is_some_and(char::is_alphanumeric)
    {
        t.what = What::Bare;
        t.end = t.num.end;
        return;
    }
    // A bare "degrees" is an angle near "rotate", "angle"...; else a temperature.
    if let What::Unit(u) = &mut t.what
        && u.name == "degree"
        && degree_context(lex, text, t.start, t.end) == Some("angle")
    {
        u.dimension = "angle".into();
        u.si_unit = "rad".into();
        u.factor = std::f64::consts::PI / 180.0;
    }
    t.hyphenated = hyphen;
}

/// A power word at `i` ("square", "sq", "sq.", "cubic", "cu"): the start of
/// the unit after it and the power.
fn power_prefix(text: &str, i: usize) -> (usize, Option<i32>) {
    let e = letters_end(text, i);
    let w = &text[i..e];
    let p = if is_any(w, &["square", "sq"]) {
        2
    } else if is_any(w, &["cubic", "cu"]) {
        3
    } else {
        return (i, None);
    };
    let e = if byte(text, e) == b'.' { e + 1 } else { e };
    let j = skip_spaces(text, e);
    if j == e { (i, None) } else { (j, Some(p)) }
}

/// Checks the word boundary and the unit's flag for a reading of
/// `at..end`; returns the end to use (after a power suffix for lengths).
fn boundary_ok(
    lex: &Lexicon,
    text: &str,
    t: &Term,
    what: After,
    at: usize,
    end: usize,
    hyphen: bool,
) -> Option<usize> {
    let surface = &text[at..end];
    let last = surface.chars().next_back()?;
    let attached = at == t.num.end;
    let power = matches!(what, After::Unit(i) if lex.units[i].dimension == "length")
        && matches!(char_at(text, end), Some('2' | '3' | '²' | '³' | '^'));
    if last.is_alphanumeric() && !ends_word_boundary(text, end) && !power {
        return None;
    }
    // "C-130", "F-16": a letter joined to digits names something.
    if surface.len() == 1 && byte(text, end) == b'-' && byte(text, end + 1).is_ascii_digit() {
        return None;
    }
    match what {
        After::Unit(i) => {
            let u = &lex.units[i];
            if t.num.form == Form::Words && surface.chars().count() < 2 && !hyphen {
                return None;
            }
            match u.flag {
                UnitFlag::End => {
                    if t.num.form == Form::Words {
                        return None;
                    }
                    let j = skip_spaces(text, end);
                    let e = letters_end(text, j);
                    let next_ok = match char_at(text, j) {
                        None => true,
                        Some(c) if !c.is_alphanumeric() => !matches!(c, '(' | '$' | '£' | '€'),
                        Some(_) => DIMENSION_ADJECTIVES.iter().any(|a| text[j..e].eq_ignore_ascii_case(a)),
                    };
                    next_ok.then_some(end)
                }
                UnitFlag::Lower => {
                    // "C.P.I.", "F-Series", "14.7C/": a letter of something else.
                    if matches!(byte(text, end), b'.' | b'-' | b'/')
                        && byte(text, end + 1).is_ascii_alphanumeric()
                        || byte(text, end) == b'/'
                    {
                        return None;
                    }
                    // "30 C", "113F": a one-letter temperature only among words of temperature.
                    if u.dimension == "temperature"
                        && surface.chars().count() == 1
                        && degree_context(lex, text, t.start, end) != Some("temperature")
                    {
                        return None;
                    }
                    let j = skip_spaces(text, end);
                    let bad =
                        char_at(text, j).is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()) && j > end;
                    let bad = bad || char_at(text, end).is_some_and(|c| c.is_ascii_digit());
                    (!bad && (attached || at - t.num.end == 1)).then_some(end)
                }
                UnitFlag::Quote => (attached && !closes_quote(text, t.num.start)).then_some(end),
                UnitFlag::Plain | UnitFlag::After => Some(end),
            }
        }
        After::Time => time_shaped(text, &t.num).then_some(end),
        After::AgeAbbr => t.num.is_integer().then_some(end),
        After::Currency(_) => {
            // One-letter names ("p") only attached: "50p"; a code glued to
            // digits belongs to them ("3 USD50").
            let one_letter = surface.len() == 1 && surface.as_bytes()[0].is_ascii_alphabetic();
            ((attached || !one_letter) && !byte(text, end).is_ascii_digit()).then_some(end)
        }
        // "%28" in a URL is an escape, not a percent.
        After::Percent(_) => {
            (!(surface == "%" && char_at(text, end).is_some_and(char::is_alphanumeric))).then_some(end)
        }
    }
}

/// What the words around `start..end` say a degree measures: "angle",
/// "temperature", or nothing. Looks at up to six words on each side.
fn degree_context(lex: &Lexicon, text: &str, start: usize, end: usize) -> Option<&'static str> {
    let mut from = start.saturating_sub(60);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let mut to = (end + 40).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    let mut found = None;
    for w in text[from..to].split(|c: char| !c.is_ascii_alphabetic()) {
        if let Some(&d) = lex.degree_cues.get(w) {
            if d == "angle" {
                return Some(d);
            }
            found = Some(d);
        }
    }
    found
}

/// True when a `"` after the number at `i` would close a quotation opened
/// earlier on the same line (an odd number of `"` before it).
fn closes_quote(text: &str, i: usize) -> bool {
    let head = &text[..i];
    let from = head.rfind('\n').map_or(0, |p| p + 1).max(i.saturating_sub(2000));
    let mut from = from;
    while !text.is_char_boundary(from) {
        from += 1;
    }
    text[from..i].bytes().filter(|&b| b == b'"').count() % 2 == 1
}

/// A numeral that can be a clock time: 1 to 12, or "h.mm" with minutes below 60.
pub fn time_shaped(text: &str, n: &Numeral) -> bool {
    let s = &text[n.start..n.end];
    match s.split_once(['.', ':']) {
        Some((h, m)) => {
            m.len() == 2 && h.parse::<u32>().is_ok_and(|h| h <= 24) && m.parse::<u32>().is_ok_and(|m| m < 60)
        }
        None => {
            n.form == Form::Plain && n.value >= 1.0 && n.value <= 12.0
                || n.form == Form::Words && n.value <= 12.0 && n.is_integer()
        }
    }
}

/// "km2", "km²", "km^2", "km squared", "km3"...: turns a length into an
/// area or a volume; returns where the unit ends.
fn power_suffix(text: &str, end: usize, r: &mut UnitRef) -> usize {
    if r.dimension != "length" {
        return end;
    }
    let (p, e) = match char_at(text, end) {
        Some('2' | '²') => (2, end + char_at(text, end).map_or(1, char::len_utf8)),
        Some('3' | '³') => (3, end + char_at(text, end).map_or(1, char::len_utf8)),
        Some('^') if matches!(byte(text, end + 1), b'2' | b'3') => {
            ((byte(text, end + 1) - b'0') as i32, end + 2)
        }
        _ => {
            let j = skip_spaces(text, end);
            let we = letters_end(text, j);
            let w = &text[j..we];
            if j > end && w.eq_ignore_ascii_case("squared") {
                (2, we)
            } else if j > end && w.eq_ignore_ascii_case("cubed") {
                (3, we)
            } else {
                return end;
            }
        }
    };
    if !ends_word_boundary(text, e) {
        return end;
    }
    raise(r, p);
    e
}

/// Raises a unit to the power 2 or 3: a length to an area or a volume.
pub fn raise(r: &mut UnitRef, p: i32) {
    let word = if p == 2 { "square" } else { "cubic" };
    r.name = format!("{word} {}", r.name).into();
    r.dimension = match (&*r.dimension, p) {
        ("length", 2) => "area".into(),
        ("length", _) => "volume".into(),
        (d, p) => format!("{d}^{p}").into(),
    };
    r.si_unit = format!("{}{p}", r.si_unit).into();
    r.factor = r.factor.powi(p);
}

/// "per X", "/X", "a X", "-a-share": a rate's denominator.
fn per(lex: &Lexicon, text: &str, t: &mut Term) {
    let e = t.end;
    let (j, strong) = if byte(text, e) == b'/' {
        (e + 1, true)
    } else {
        let j = skip_spaces(text, e);
        let j = if j == e && byte(text, e) == b'-' { e + 1 } else { j };
        if j == e && byte(text, e) != b'-' {
            return;
        }
        let we = letters_end(text, j);
        let w = &text[j..we];
        if w.eq_ignore_ascii_case("per") {
            (skip_spaces(text, we), true)
        } else if is_any(w, &["a", "an"]) {
            let k = if byte(text, we) == b'-' { we + 1 } else { skip_spaces(text, we) };
            (k, false)
        } else {
            return;
        }
    };
    // A unit after "per" / "/" / "a".
    for (what, end) in lex.after_all(text, j) {
        let After::Unit(i) = what else { continue };
        let u = &lex.units[i];
        if !ends_word_boundary(text, end) && !matches!(char_at(text, end), Some('2' | '3' | '²' | '³' | '^'))
        {
            continue;
        }
        if u.flag != UnitFlag::Plain && !(u.flag == UnitFlag::After && text[j..end].len() > 2) {
            continue;
        }
        if !strong && text[j..end].len() <= 2 {
            continue;
        }
        let mut d = unit_ref(u);
        // "km/s2": a time squared in a denominator.
        let end = if d.dimension == "duration" && matches!(char_at(text, end), Some('2' | '²')) {
            raise(&mut d, 2);
            end + char_at(text, end).map_or(1, char::len_utf8)
        } else {
            power_suffix(text, end, &mut d)
        };
        if let What::Unit(r) = &mut t.what {
            r.name = format!("{} per {}", r.name, d.name).into();
            r.dimension = format!("{} per {}", r.dimension, d.dimension).into();
            r.si_unit = format!("{}/{}", r.si_unit, d.si_unit).into();
            r.factor /= d.factor;
            r.offset = 0.0;
        }
        t.per = Some(Span::new(j, end));
        t.end = end;
        return;
    }
    // Money per anything countable: "$1.40 a share", "$98 a barrel".
    if matches!(t.what, What::Money { .. }) {
        let we = letters_end(text, j);
        let w = &text[j..we];
        if we > j
            && ends_word_boundary(text, we)
            && !lex.stopwords.contains(w)
            && w.chars().all(|c| c.is_ascii_lowercase())
        {
            t.per = Some(Span::new(j, we));
            t.end = we;
        }
    }
}
