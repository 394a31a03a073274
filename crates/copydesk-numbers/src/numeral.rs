//! Numerals: digits ("1,500,000", "3.5", "45bn", "2 1/2", "1.3e6") and
//! spelled numbers ("twenty-five", "one and a half million", "two-thirds",
//! "a dozen"), parsed into a value with its exact decimal string.

use std::borrow::Cow;

use crate::lexicon::{Lexicon, NumberWord, ScaleWhen, WordClass, vulgar_fraction};
use crate::text::{
    byte, char_at, digits_end, ends_word_boundary, is_any, is_space, letters_end, next_word, prev_word,
    skip_spaces,
};

/// How a numeral is written; decides what it can be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// Bare digits, no sign, separator, decimals or scale ("2019", "0199"):
    /// could be a year, an identifier or a phone number.
    Plain,
    /// Any other digit numeral ("1,500", "3.5", "45bn", "2 1/2").
    Digits,
    /// Spelled out ("twenty-five", "a dozen").
    Words,
    /// A fraction below one and nothing else ("half", "two-thirds", "3/4").
    Fraction,
    /// An ordinal ("3rd", "third", "twenty-first").
    Ordinal,
    /// A decade ("1990s", "80s").
    Decade,
    /// Dotted groups ("192.168.1.2", "1.2.3"): an identifier.
    Dotted,
    /// Slashed groups ("5/17/2018", "9/11"): a date.
    Slashed,
}

/// A parsed numeral.
#[derive(Clone, Debug)]
pub struct Numeral {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The value (for an ordinal, its number: 3 for "third").
    pub value: f64,
    /// The value as an exact decimal string, when known exactly.
    pub exact: Option<Exact>,
    /// How it is written.
    pub form: Form,
    /// The scale word or suffix it was multiplied by ("million", "bn",
    /// "k"), 1 when none.
    pub scale: f64,
    /// Written with a plural scale as a vague amount ("hundreds", "dozens").
    pub vague: bool,
}

impl Numeral {
    /// Bare digits of `n` characters.
    pub fn plain_len(&self) -> Option<usize> {
        (self.form == Form::Plain).then_some(self.end - self.start)
    }

    /// True for a whole number.
    pub fn is_integer(&self) -> bool {
        self.value.fract() == 0.0
    }
}

/// A numeral's exact decimal string. Most often it is the digits as
/// written ("2019", "700"), kept as their span so that nothing is copied.
#[derive(Clone, Debug)]
pub enum Exact {
    /// The bytes `start..end` of the text.
    Written(usize, usize),
    /// Any other string ("7120000000" for "7.12 billion").
    Rendered(String),
}

impl Exact {
    /// The string, borrowed from `text` when written there.
    pub fn resolve(self, text: &str) -> Cow<'_, str> {
        match self {
            Exact::Written(s, e) => Cow::Borrowed(&text[s..e]),
            Exact::Rendered(r) => Cow::Owned(r),
        }
    }

    /// The string of the negated value.
    pub fn negated(&self, text: &str) -> Exact {
        let digits = match self {
            Exact::Written(s, e) => &text[*s..*e],
            Exact::Rendered(r) => r,
        };
        Exact::Rendered(format!("-{digits}"))
    }
}

/// Decimal digits, kept on the stack while they fit (a number in a story
/// rarely has more than a few), in a string past that.
struct Digits {
    short: [u8; Digits::SHORT],
    len: usize,
    long: String,
}

impl Digits {
    const SHORT: usize = 40;

    fn new() -> Digits {
        Digits { short: [0; Digits::SHORT], len: 0, long: String::new() }
    }

    fn push_str(&mut self, s: &str) {
        if self.long.is_empty() && self.len + s.len() <= Digits::SHORT {
            self.short[self.len..self.len + s.len()].copy_from_slice(s.as_bytes());
            self.len += s.len();
        } else {
            if self.long.is_empty() {
                let short = std::str::from_utf8(&self.short[..self.len]).unwrap_or_default();
                self.long.push_str(short);
            }
            self.long.push_str(s);
        }
    }

    fn len(&self) -> usize {
        if self.long.is_empty() { self.len } else { self.long.len() }
    }

    fn bytes(&self) -> &[u8] {
        if self.long.is_empty() { &self.short[..self.len] } else { self.long.as_bytes() }
    }

    fn as_str(&self) -> &str {
        if self.long.is_empty() {
            std::str::from_utf8(&self.short[..self.len]).unwrap_or_default()
        } else {
            &self.long
        }
    }
}

/// A decimal number kept as digits and a point position, so scaling by
/// powers of ten stays exact ("7.12" billion is "7120000000").
struct Decimal {
    digits: Digits,
    point: i64,
    negative: bool,
}

impl Decimal {
    fn shift(&mut self, by: i64) {
        self.point += by;
    }

    /// The decimal string, or `None` when absurdly long.
    fn render(&self) -> Option<String> {
        let all = self.digits.as_str();
        let d = all.trim_start_matches('0');
        let lead = all.len() - d.len();
        let point = self.point - lead as i64;
        if d.is_empty() {
            return Some("0".to_string());
        }
        if !(-400..=400).contains(&point) || d.len() > 400 {
            return None;
        }
        let mut s = String::with_capacity(d.len() + point.unsigned_abs() as usize + 3);
        if self.negative {
            s.push('-');
        }
        if point <= 0 {
            s.push_str("0.");
            s.extend(std::iter::repeat_n('0', (-point) as usize));
            s.push_str(d);
        } else if point as usize >= d.len() {
            s.push_str(d);
            s.extend(std::iter::repeat_n('0', point as usize - d.len()));
        } else {
            s.push_str(&d[..point as usize]);
            s.push('.');
            s.push_str(&d[point as usize..]);
        }
        if s.contains('.') {
            while s.ends_with('0') {
                s.pop();
            }
            if s.ends_with('.') {
                s.pop();
            }
        }
        Some(s)
    }
}

/// 1e0 to 1e22, each exact in an `f64`: read from a table, not computed
/// for each numeral (`powi` is a call, and most numerals need 1).
const POWERS_OF_TEN: [f64; 23] = {
    let mut p = [1.0; 23];
    let mut i = 1;
    while i < 23 {
        p[i] = p[i - 1] * 10.0;
        i += 1;
    }
    p
};

/// The value of decimal `digits` with the point after `point` of them.
/// Up to 15 digits and 22 decimals, an exact integer divided by an exact
/// power of ten is correctly rounded, with no string to build.
fn decimal_value(digits: &Digits, point: usize) -> Option<f64> {
    let decimals = digits.len() - point;
    if digits.len() <= 15 && decimals <= 22 {
        let m = digits.bytes().iter().fold(0u64, |m, &d| m * 10 + (d - b'0') as u64);
        return Some(m as f64 / POWERS_OF_TEN[decimals]);
    }
    let digits = digits.as_str();
    format!("{}.{}", &digits[..point], &digits[point..]).trim_end_matches('.').parse().ok()
}

/// The exact string of a whole value, when it is one.
pub(crate) fn exact_of(value: f64) -> Option<Exact> {
    (value.fract() == 0.0 && value.abs() < 1e15).then(|| Exact::Rendered(integer_string(value as i64)))
}

/// `n` in decimal, written without the formatting machinery.
fn integer_string(n: i64) -> String {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    let mut m = n.unsigned_abs();
    loop {
        i -= 1;
        buf[i] = b'0' + (m % 10) as u8;
        m /= 10;
        if m == 0 {
            break;
        }
    }
    let digits = std::str::from_utf8(&buf[i..]).unwrap_or_default();
    let mut s = String::with_capacity(digits.len() + 1);
    if n < 0 {
        s.push('-');
    }
    s.push_str(digits);
    s
}

/// Parses the digit numeral starting at `start`: a digit, or a sign or a
/// leading point the caller has checked belong to it ("-5", ".25").
/// `money` says a currency precedes, so "m" and "t" are scales.
pub fn digits(lex: &Lexicon, text: &str, start: usize, money: bool) -> Option<Numeral> {
    let mut i = start;
    let negative = matches!(char_at(text, i), Some('-' | '−'));
    if negative {
        // "- 20 degrees": a spaced minus the caller let in.
        i = skip_spaces(text, i + char_at(text, i).map_or(1, char::len_utf8));
    }
    let mut int = Digits::new();
    let mut plain = !negative && byte(text, i).is_ascii_digit();
    let e = digits_end(text, i);
    int.push_str(&text[i..e]);
    i = e;
    // Most numerals end at a space before a word, a punctuation mark or the
    // text's end: no separator, decimal, exponent, fraction or suffix can
    // start there (each needs a digit, a letter, one of "/^*" or a
    // non-ASCII sign next), so those shapes are not tried.
    let (b0, b1) = (byte(text, i), byte(text, i + 1));
    let simple = match b0 {
        b' ' | b'\t' => b1.is_ascii() && !matches!(b1, b'0'..=b'9' | b' ' | b'\t'),
        b'.' | b',' => !b1.is_ascii_digit(),
        _ => b0.is_ascii() && !b0.is_ascii_alphanumeric() && !matches!(b0, b'/' | b'^' | b'*'),
    };
    // Thousands separators: "," or a space, each followed by exactly three digits.
    if !simple && (1..=3).contains(&int.len()) {
        let mut sep: Option<char> = None;
        while let Some(c) = char_at(text, i) {
            let ok = match sep {
                None => c == ',' || is_space(c),
                Some(s) => c == s,
            };
            let g = i + c.len_utf8();
            let ge = digits_end(text, g);
            if !ok || ge - g != 3 {
                break;
            }
            sep = Some(c);
            int.push_str(&text[g..ge]);
            i = ge;
            plain = false;
        }
        if sep.is_none()
            && int.len() <= 2
            && let Some((digits, e)) = indian_groups(text, i)
        {
            int.push_str(&digits);
            i = e;
            plain = false;
        }
    }
    let mut dec = Decimal { point: int.len() as i64, digits: int, negative };
    // Decimals.
    if !simple && byte(text, i) == b'.' && byte(text, i + 1).is_ascii_digit() {
        let e = digits_end(text, i + 1);
        dec.digits.push_str(&text[i + 1..e]);
        i = e;
        plain = false;
        if byte(text, i) == b'.' && byte(text, i + 1).is_ascii_digit() {
            // "192.168.1.2", "1.2.3": dotted groups name something.
            while byte(text, i) == b'.' && byte(text, i + 1).is_ascii_digit() {
                i = digits_end(text, i + 1);
            }
            return Some(Numeral {
                start,
                end: i,
                value: 0.0,
                exact: None,
                form: Form::Dotted,
                scale: 1.0,
                vague: false,
            });
        }
    }
    if dec.digits.len() == 0 {
        return None;
    }
    let mut value = decimal_value(&dec.digits, dec.point as usize)?;
    if negative {
        value = -value;
    }
    let mut exact_ok = true;
    if !simple {
        // Scientific notation: "1.3e6", "-12e-1", "2.48×10−5", "5.5x10-3", "1.1^23".
        if let Some((p, e)) = exponent(text, i) {
            value *= 10f64.powi(p.clamp(-400, 400) as i32);
            dec.shift(p);
            i = e;
            plain = false;
        } else if byte(text, i) == b'^' {
            let (sign, j) = sign_at(text, i + 1);
            let e = digits_end(text, j);
            if e > j {
                let p: f64 = text[j..e].parse().ok()?;
                value = value.abs().powf(sign * p) * value.signum();
                exact_ok = false;
                i = e;
                plain = false;
            }
        } else if let Some((factor, e)) = times_power(text, i) {
            value *= factor;
            exact_ok = false;
            i = e;
            plain = false;
        }
        // Fractions: "3/4", mixed "2 1/2", "2½", dates "5/17/2018".
        if byte(text, i) == b'/'
            && byte(text, i + 1).is_ascii_digit()
            && dec.point as usize == dec.digits.len()
        {
            let ds = i + 1;
            let de = digits_end(text, ds);
            if byte(text, de) == b'/' && byte(text, de + 1).is_ascii_digit() {
                let e = digits_end(text, de + 1);
                return Some(slashed(start, e));
            }
            let num = value;
            let den: f64 = text[ds..de].parse().ok()?;
            if !is_fraction(num, den) {
                return Some(slashed(start, de));
            }
            return Some(Numeral {
                start,
                end: de,
                value: num / den,
                exact: None,
                form: if num < den { Form::Fraction } else { Form::Digits },
                scale: 1.0,
                vague: false,
            });
        }
        if dec.point as usize == dec.digits.len()
            && let Some((f, e)) = mixed_fraction(text, i)
        {
            value += f.copysign(value);
            let end = e;
            return Some(Numeral {
                start,
                end,
                value,
                exact: None,
                form: Form::Digits,
                scale: 1.0,
                vague: false,
            });
        }
        // Decades: "1990s", "80s".
        if plain
            && matches!(byte(text, i), b's' | b'S')
            && !byte(text, i + 1).is_ascii_alphanumeric()
            && value % 10.0 == 0.0
            && (dec.digits.len() == 2 || dec.digits.len() == 4)
        {
            return Some(Numeral {
                start,
                end: i + 1,
                value,
                exact: exact_of(value),
                form: Form::Decade,
                scale: 1.0,
                vague: false,
            });
        }
        // Ordinal suffixes: "3rd", "21st", "11th".
        let le = letters_end(text, i);
        if plain
            && le == i + 2
            && ends_word_boundary(text, le)
            && is_any(&text[i..le], &["st", "nd", "rd", "th"])
        {
            return Some(Numeral {
                start,
                end: le,
                value,
                exact: exact_of(value),
                form: Form::Ordinal,
                scale: 1.0,
                vague: false,
            });
        }
    }
    // Scales: "2 million", "45bn", "1.2m" after a currency, "322 hundred", "3 lakh crore".
    let mut scale = 1.0;
    let whole = dec.point as usize == dec.digits.len();
    // The word after, read once for the scale tests and "and a half".
    let mut next = next_word(text, i);
    let within = |i: usize, next: Option<(usize, usize)>, gap: usize| next.filter(|&(j, _)| j - i <= gap);
    while let Some((factor, e)) = scale_of(lex, text, within(i, next, 2)).or_else(|| {
        if scale == 1.0 { scale_suffix(lex, text, i, within(i, next, 1), money, whole) } else { None }
    }) {
        scale *= factor;
        if factor.log10().fract() == 0.0 {
            dec.shift(factor.log10() as i64);
        } else {
            exact_ok = false;
        }
        i = e;
        next = next_word(text, i);
    }
    value *= scale;
    // "3 million and a half", "5 and a half": the fraction is of the scale.
    if (scale > 1.0 || whole)
        && let Some((f, e)) = and_a_fraction(lex, text, next)
    {
        value += f * scale;
        exact_ok = false;
        i = e;
    }
    // "4 thousand 3 hundred and 21", "6 crore and two hundred": smaller groups.
    if scale > 1.0
        && let Some((v, e)) = smaller_groups(lex, text, i, scale)
    {
        value += v;
        exact_ok = false;
        i = e;
    }
    let form = if plain && scale == 1.0 { Form::Plain } else { Form::Digits };
    if !value.is_finite() {
        return None;
    }
    // Plain digits with no leading zero are their own exact string.
    let exact = if !exact_ok {
        exact_of(value)
    } else if form == Form::Plain && (i - start == 1 || byte(text, start) != b'0') {
        Some(Exact::Written(start, i))
    } else {
        dec.render().map(Exact::Rendered)
    };
    Some(Numeral { start, end: i, value, exact, form, scale, vague: false })
}

/// ",34,567" after "12": Indian grouping (lakhs), two-digit groups then a
/// last group of three. The digits and where they end.
fn indian_groups(text: &str, mut i: usize) -> Option<(String, usize)> {
    let mut digits = String::new();
    while byte(text, i) == b',' && digits_end(text, i + 1) == i + 3 && byte(text, i + 3) == b',' {
        digits.push_str(&text[i + 1..i + 3]);
        i += 3;
    }
    let e = digits_end(text, i + 1);
    (!digits.is_empty() && byte(text, i) == b',' && e == i + 4).then(|| {
        digits.push_str(&text[i + 1..e]);
        (digits, e)
    })
}

/// Groups after a scaled number, each below the scale before it: " 3
/// hundred", " and 21", " and two hundred". Their sum and where they end.
fn smaller_groups(lex: &Lexicon, text: &str, mut i: usize, mut last: f64) -> Option<(f64, usize)> {
    let mut sum = 0.0;
    let mut end = None;
    loop {
        let and = next_word(text, i).filter(|&(a, b)| text[a..b].eq_ignore_ascii_case("and"));
        let j = skip_spaces(text, and.map_or(i, |(_, b)| b));
        if j == i {
            break;
        }
        let g =
            if byte(text, j).is_ascii_digit() { digits(lex, text, j, false) } else { words(lex, text, j) };
        let Some(g) = g else { break };
        // Scaled groups join without "and" ("4 thousand 3 hundred"), bare ones
        // with it ("3 hundred and 21"); "2.5 billion and 900 million" is two amounts.
        let fits = g.value > 0.0 && g.value < last && g.scale < last && (g.scale > 1.0) != and.is_some();
        if !fits || !matches!(g.form, Form::Plain | Form::Digits | Form::Words) {
            break;
        }
        sum += g.value;
        i = g.end;
        end = Some(i);
        if g.scale <= 1.0 {
            break;
        }
        last = g.scale;
    }
    end.map(|e| (sum, e))
}

/// " and a half", " and a quarter" from the word `next` on: the fraction and
/// where it ends.
fn and_a_fraction(lex: &Lexicon, text: &str, next: Option<(usize, usize)>) -> Option<(f64, usize)> {
    let (a, b) = next?;
    if !text[a..b].eq_ignore_ascii_case("and") {
        return None;
    }
    let (c, d) = next_word(text, b)?;
    if !is_any(&text[c..d], &["a", "an", "one"]) {
        return None;
    }
    let (e, f) = next_word(text, d)?;
    let w = lex.word(&text[e..f]).filter(|w| w.class == WordClass::Fraction && !w.plural)?;
    Some((1.0 / w.value, f))
}

fn slashed(start: usize, end: usize) -> Numeral {
    Numeral { start, end, value: 0.0, exact: None, form: Form::Slashed, scale: 1.0, vague: false }
}

/// A fraction "a/b" rather than a date "9/11": a proper fraction with a
/// usual denominator, or an improper one with a small denominator.
fn is_fraction(num: f64, den: f64) -> bool {
    if den == 0.0 {
        return false;
    }
    let usual = den <= 10.0 || [12.0, 16.0, 20.0, 32.0, 40.0, 50.0, 64.0, 100.0, 1000.0].contains(&den);
    usual && (num < den || den <= 4.0)
}

/// "+", "-", "−" at `i`: the sign and the index after it.
fn sign_at(text: &str, i: usize) -> (f64, usize) {
    match char_at(text, i) {
        Some('+') => (1.0, i + 1),
        Some('-') => (-1.0, i + 1),
        Some('−') => (-1.0, i + '−'.len_utf8()),
        _ => (1.0, i),
    }
}

/// A power-of-ten exponent at `i` ("e6", "E-3", "×10^-4", "x10−5"): the
/// power and where it ends.
fn exponent(text: &str, i: usize) -> Option<(i64, usize)> {
    let c = char_at(text, i)?;
    let j = match c {
        'e' | 'E' => i + 1,
        '×' | 'x' | '*' => {
            let k = i + c.len_utf8();
            if !text.get(k..)?.starts_with("10") {
                return None;
            }
            let k = k + 2;
            match char_at(text, k)? {
                '^' => k + 1,
                '-' | '−' => k,
                _ => return superscript(text, k),
            }
        }
        _ => return None,
    };
    let (sign, k) = sign_at(text, j);
    let e = digits_end(text, k);
    if e == k || e - k > 4 || byte(text, e).is_ascii_alphabetic() && c != '×' && c != 'x' {
        return None;
    }
    let p: i64 = text[k..e].parse().ok()?;
    Some(((sign as i64) * p, e))
}

/// "x2^10" after a number ("8x2^10 bits"): the factor and where it ends.
fn times_power(text: &str, i: usize) -> Option<(f64, usize)> {
    let c = char_at(text, i).filter(|c| matches!(c, 'x' | '×'))?;
    let b = i + c.len_utf8();
    let be = digits_end(text, b);
    if be == b || byte(text, be) != b'^' {
        return None;
    }
    let ee = digits_end(text, be + 1);
    if ee == be + 1 || ee - be > 4 {
        return None;
    }
    let base: f64 = text[b..be].parse().ok()?;
    let exp: f64 = text[be + 1..ee].parse().ok()?;
    let f = base.powf(exp);
    f.is_finite().then_some((f, ee))
}

fn superscript(text: &str, mut i: usize) -> Option<(i64, usize)> {
    let mut sign = 1;
    if char_at(text, i) == Some('⁻') {
        sign = -1;
        i += '⁻'.len_utf8();
    }
    let mut p: i64 = 0;
    let start = i;
    while let Some(c) = char_at(text, i) {
        let d = "⁰¹²³⁴⁵⁶⁷⁸⁹".chars().position(|s| s == c)?;
        p = p * 10 + d as i64;
        i += c.len_utf8();
        if p > 400 {
            return None;
        }
    }
    (i > start).then_some((sign * p, i))
}

/// A proper fraction after a whole number: " 1/2", "½", " ½".
fn mixed_fraction(text: &str, i: usize) -> Option<(f64, usize)> {
    if let Some((v, len)) = vulgar_fraction(text.get(i..)?) {
        return Some((v, i + len));
    }
    let j = skip_spaces(text, i);
    if j == i || j - i > 2 {
        return None;
    }
    if let Some((v, len)) = vulgar_fraction(text.get(j..)?) {
        return Some((v, j + len));
    }
    let ne = digits_end(text, j);
    if ne == j || byte(text, ne) != b'/' {
        return None;
    }
    let de = digits_end(text, ne + 1);
    if de == ne + 1 || byte(text, de) == b'/' || byte(text, de).is_ascii_alphanumeric() {
        return None;
    }
    let n: f64 = text[j..ne].parse().ok()?;
    let d: f64 = text[ne + 1..de].parse().ok()?;
    (d > 0.0 && n < d && is_fraction(n, d)).then_some((n / d, de))
}

/// The whole word of ASCII letters after at most `gap` bytes of spaces
/// from `i`: its start and end.
fn word_within(text: &str, i: usize, gap: usize) -> Option<(usize, usize)> {
    let j = skip_spaces(text, i);
    let e = letters_end(text, j);
    (j - i <= gap && e > j && ends_word_boundary(text, e)).then_some((j, e))
}

/// A scale word after at most one space: "million", "bn"... ("2 million",
/// "322 hundred", "3 dozens"): its factor and end.
pub(crate) fn scale_word(lex: &Lexicon, text: &str, i: usize) -> Option<(f64, usize)> {
    scale_of(lex, text, word_within(text, i, 2))
}

/// The factor of a scale word `word`, and its end.
fn scale_of(lex: &Lexicon, text: &str, word: Option<(usize, usize)>) -> Option<(f64, usize)> {
    let (j, e) = word?;
    let w = lex.word(&text[j..e])?;
    matches!(w.class, WordClass::Scale | WordClass::Hundred | WordClass::Dozen).then_some((w.value, e))
}

/// A scale abbreviation right after the digits, or after one space when it
/// cannot be mistaken for a unit ("45bn", "1.2m" after a currency, "2.33 k").
/// `word` is the word after `i`; `whole` says the digits have no decimals.
fn scale_suffix(
    lex: &Lexicon,
    text: &str,
    i: usize,
    word: Option<(usize, usize)>,
    money: bool,
    whole: bool,
) -> Option<(f64, usize)> {
    let (j, e) = word?;
    let word = &text[j..e];
    // The list is longest first: a longer word is none of them.
    if word.len() > lex.scales.first()?.surface.len() {
        return None;
    }
    let s = lex.scales.iter().find(|s| s.surface == word)?;
    let fits = match s.when {
        ScaleWhen::Always => true,
        ScaleWhen::Money => money,
        ScaleWhen::Whole => money || whole,
        ScaleWhen::Decimal => money || !whole,
    };
    if !fits {
        return None;
    }
    if j > i && !money && s.surface.len() < 2 && !matches!(s.surface, "k" | "M" | "G") {
        return None;
    }
    Some((s.factor, e))
}

/// Parses the spelled number starting with the word at `start`.
pub fn words(lex: &Lexicon, text: &str, start: usize) -> Option<Numeral> {
    let mut p = WordParser::default();
    let mut i = start;
    let mut end = start;
    // The state at a comma or an "and" after a scale, to return to if what
    // follows is another number ("one million, two million", "two million and
    // three million", "three million, two people"): `true` for a comma.
    let mut checkpoint: Option<(WordParser, usize, bool)> = None;
    loop {
        // "two hundred & forty": "&" for "and".
        let we = if p.any && byte(text, i) == b'&' { i + 1 } else { letters_end(text, i) };
        if we == i || !ends_word_boundary(text, we) && byte(text, we) != b'-' {
            break;
        }
        let word = &text[i..we];
        let Some(w) = lex.word(word) else {
            if p.any && (word.eq_ignore_ascii_case("and") || word == "&") {
                // "and" inside a number: only when a number word follows.
                let j = separator(text, we);
                if lex.word(&text[j..letters_end(text, j)]).is_some() || followed_by_a_fraction(lex, text, j)
                {
                    if p.last == Some(WordClass::Scale) && checkpoint.is_none() {
                        checkpoint = Some((p.clone(), end, false));
                    }
                    p.and();
                    i = j;
                    continue;
                }
            }
            if p.any
                && word.eq_ignore_ascii_case("point")
                && let Some((frac, e)) = spoken_decimals(lex, text, separator(text, we))
            {
                p.cur += frac;
                end = e;
                // "two point two million"
                let j = separator(text, e);
                if lex.word(&text[j..letters_end(text, j)]).is_some_and(|w| w.class == WordClass::Scale) {
                    i = j;
                    p.last = Some(WordClass::Unit);
                    continue;
                }
            }
            if p.any && (word.eq_ignore_ascii_case("a") || word.eq_ignore_ascii_case("an")) && p.after_and {
                // "one and a half"
                let j = separator(text, we);
                let je = letters_end(text, j);
                if let Some(f) = lex.word(&text[j..je])
                    && (matches!(f.class, WordClass::Fraction | WordClass::Ordinal) && f.value > 2.0
                        || f.class == WordClass::Fraction)
                {
                    p.add_fraction(1.0 / f.value);
                    end = je;
                    i = separator(text, je);
                    continue;
                }
            }
            if p.fraction && (word.eq_ignore_ascii_case("of") || word.eq_ignore_ascii_case("a")) {
                // "two thirds of a million", "half a million", "half a dozen"
                let mut j = separator(text, we);
                let mut je = letters_end(text, j);
                if text[j..je].eq_ignore_ascii_case("a") {
                    j = separator(text, je);
                    je = letters_end(text, j);
                }
                if let Some(s) = lex.word(&text[j..je])
                    && matches!(s.class, WordClass::Scale | WordClass::Dozen | WordClass::Hundred)
                    && !s.plural
                {
                    p.scale_fraction(s.value);
                    end = je;
                    i = separator(text, je);
                    continue;
                }
            }
            break;
        };
        match p.push(w, word) {
            Step::Took => {
                end = we;
                i = separator(text, we);
                // "three million, two hundred & forty": a smaller group after a comma.
                if w.class == WordClass::Scale && byte(text, we) == b',' && byte(text, we + 1) == b' ' {
                    let j = skip_spaces(text, we + 1);
                    if lex.word(&text[j..letters_end(text, j)]).is_some_and(|n| n.value < w.value) {
                        checkpoint.get_or_insert_with(|| (p.clone(), end, true));
                        i = j;
                    }
                }
            }
            Step::TookLast => {
                end = we;
                break;
            }
            Step::Stop => break,
        }
    }
    if let Some((saved, saved_end, after_comma)) = checkpoint
        && (p.scale_words > saved.scale_words && p.scale >= saved.scale
            || lex.word(&text[i..letters_end(text, i)]).is_some()
            || after_comma && p.hundreds == saved.hundreds)
    {
        p = saved;
        end = saved_end;
    }
    if !p.any || end == start {
        return None;
    }
    let (value, form) = p.finish()?;
    if !value.is_finite() {
        return None;
    }
    Some(Numeral {
        start,
        end,
        value,
        exact: if form == Form::Fraction { None } else { exact_of(value) },
        form,
        scale: if p.scale == 0.0 { 1.0 } else { p.scale },
        vague: p.vague,
    })
}

/// Where the next word starts after a separator inside a spelled number
/// (spaces, a hyphen, " - ").
fn separator(text: &str, i: usize) -> usize {
    let j = skip_spaces(text, i);
    if byte(text, j) == b'-' || text.get(j..).is_some_and(|s| s.starts_with(['–', '—'])) {
        let k = j + char_at(text, j).map_or(1, char::len_utf8);
        return skip_spaces(text, k);
    }
    j
}

fn followed_by_a_fraction(lex: &Lexicon, text: &str, j: usize) -> bool {
    let e = letters_end(text, j);
    if !text[j..e].eq_ignore_ascii_case("a") {
        return false;
    }
    let k = separator(text, e);
    lex.word(&text[k..letters_end(text, k)])
        .is_some_and(|w| matches!(w.class, WordClass::Fraction | WordClass::Ordinal))
}

/// "zero three" after "point": the decimals (0.03) and where they end.
fn spoken_decimals(lex: &Lexicon, text: &str, mut i: usize) -> Option<(f64, usize)> {
    let mut digits = String::new();
    let mut end = i;
    loop {
        let e = letters_end(text, i);
        let Some(w) = lex.word(&text[i..e]) else { break };
        match w.class {
            WordClass::Unit if w.value < 10.0 => digits.push_str(&format!("{}", w.value as u8)),
            WordClass::Unit | WordClass::Ten if digits.is_empty() => {
                let mut v = w.value;
                end = e;
                let j = separator(text, e);
                let je = letters_end(text, j);
                if w.class == WordClass::Ten
                    && let Some(u) =
                        lex.word(&text[j..je]).filter(|u| u.class == WordClass::Unit && u.value < 10.0)
                {
                    v += u.value;
                    end = je;
                }
                digits.push_str(&format!("{}", v as u8));
                break;
            }
            _ => break,
        }
        end = e;
        i = separator(text, e);
    }
    if digits.is_empty() {
        return None;
    }
    let v: f64 = format!("0.{digits}").parse().ok()?;
    Some((v, end))
}

enum Step {
    Took,
    TookLast,
    Stop,
}

/// The state of a spelled number being read left to right.
#[derive(Default, Clone)]
struct WordParser {
    /// Completed groups ("two million" after "three thousand" is read).
    total: f64,
    /// The group being read (below the last scale).
    cur: f64,
    /// What was split off by "and" ("twenty and three fifths").
    base: f64,
    last: Option<WordClass>,
    last_value: f64,
    after_and: bool,
    any: bool,
    fraction: bool,
    ordinal: bool,
    scale: f64,
    vague: bool,
    /// Count of cardinal words read.
    cardinals: usize,
    /// Scale words read.
    scale_words: usize,
    /// "hundred" words read.
    hundreds: usize,
    /// The scale an "and" followed ("a million and a half"), else 0.
    scale_and: f64,
    /// The group read when an "and" followed "hundred" ("one hundred and three quarters").
    hundred_and: Option<f64>,
}

impl WordParser {
    fn and(&mut self) {
        // "one hundred and six" keeps going; "twenty and three fifths" splits.
        // "a million and a half": a fraction after a scale is of that scale;
        // "one hundred and three quarters": of one, after the hundred.
        match self.last {
            Some(WordClass::Unit | WordClass::Ten) => {
                self.base += self.total + self.cur;
                self.total = 0.0;
                self.cur = 0.0;
                self.last = None;
            }
            Some(WordClass::Scale) => self.scale_and = self.scale,
            Some(WordClass::Hundred) => self.hundred_and = Some(self.cur),
            _ => {}
        }
        self.after_and = true;
    }

    fn add_fraction(&mut self, f: f64) {
        self.cur += f;
        self.last = Some(WordClass::Fraction);
        self.any = true;
    }

    fn scale_fraction(&mut self, s: f64) {
        self.cur *= s;
        self.fraction = false;
        self.scale = s;
        self.last = Some(WordClass::Scale);
    }

    fn push(&mut self, w: NumberWord, word: &str) -> Step {
        use WordClass::*;
        let first = !self.any;
        let step = match w.class {
            Unit => match self.last {
                None => {
                    self.cur += w.value;
                    Step::Took
                }
                Some(Ten) if self.last_value >= 20.0 && w.value < 10.0 && w.value > 0.0 => {
                    self.cur += w.value;
                    Step::Took
                }
                Some(Hundred | Scale) => {
                    self.cur += w.value;
                    Step::Took
                }
                _ => Step::Stop,
            },
            Ten => match self.last {
                None | Some(Hundred | Scale) => {
                    self.cur += w.value;
                    Step::Took
                }
                _ => Step::Stop,
            },
            Hundred => {
                if self.fraction || self.ordinal {
                    return Step::Stop;
                }
                if w.plural && first {
                    self.vague = true;
                }
                self.cur = if self.cur == 0.0 { 100.0 } else { self.cur * 100.0 };
                self.hundreds += 1;
                Step::Took
            }
            Scale => {
                if w.plural && first {
                    self.vague = true;
                }
                if self.scale_and != 0.0 && w.value >= self.scale_and {
                    return Step::Stop; // "two million and three million": two numbers
                } else if self.scale_and != 0.0 {
                    // "one billion and three quarters million"
                    self.total += self.cur * w.value;
                    self.scale_and = 0.0;
                    self.fraction = false;
                } else if self.last == Some(Scale) {
                    self.total *= w.value;
                } else if self.last == Some(Fraction) && !self.fraction {
                    // "one and a half million": the scale takes the whole.
                    self.total = (self.base + self.total + self.cur) * w.value;
                    self.base = 0.0;
                } else {
                    let c = if self.cur == 0.0 && self.total == 0.0 { 1.0 } else { self.cur };
                    if self.fraction {
                        self.total = (self.total + self.cur) * w.value;
                        self.fraction = false;
                    } else {
                        self.total += c * w.value;
                    }
                }
                self.cur = 0.0;
                self.scale = w.value;
                self.scale_words += 1;
                Step::Took
            }
            Dozen => {
                if w.plural && first {
                    self.vague = true;
                }
                self.cur = if self.cur == 0.0 { 12.0 } else { self.cur * 12.0 };
                Step::Took
            }
            Fraction => {
                // "half", "three quarters", "one half".
                if self.fraction || self.ordinal {
                    return Step::Stop;
                }
                let (keep, n) = match self.hundred_and.take() {
                    Some(h) if self.cur > h => (h, self.cur - h),
                    _ => (0.0, self.cur),
                };
                let n = if n == 0.0 { 1.0 } else { n };
                self.cur = keep + n / w.value;
                self.fraction = keep == 0.0;
                Step::Took
            }
            Ordinal => return self.ordinal_word(w, word),
        };
        if matches!(step, Step::Took) {
            if matches!(w.class, Unit | Ten | Hundred | Scale | Dozen) {
                self.cardinals += 1;
            }
            self.any = true;
            self.last = Some(w.class);
            self.last_value = w.value;
            self.after_and = false;
        }
        step
    }

    /// An ordinal word: the end of an ordinal ("twenty-first") or the
    /// denominator of a fraction ("two thirds", "one fifth").
    fn ordinal_word(&mut self, w: NumberWord, word: &str) -> Step {
        use WordClass::*;
        if self.fraction || self.ordinal {
            return Step::Stop;
        }
        let second = word.eq_ignore_ascii_case("second");
        let step = if !self.any {
            if w.plural {
                return Step::Stop;
            }
            self.cur = w.value;
            self.ordinal = true;
            Step::TookLast
        } else if w.plural && !second {
            let n = if self.cur == 0.0 { 1.0 } else { self.cur };
            self.cur = n / w.value;
            if self.scale_and == 0.0 {
                self.total /= w.value;
            }
            self.fraction = true;
            Step::Took
        } else if matches!(self.last, Some(Ten | Hundred | Scale)) && w.value < 10.0 && w.value >= 1.0 {
            // "twenty-first", "one hundred twenty fifth"
            self.cur += w.value;
            self.ordinal = true;
            Step::TookLast
        } else if w.value >= 100.0 && self.cardinals > 0 {
            // "two hundredth", "three trillionth"
            let n = self.total + if self.cur == 0.0 { 1.0 } else { self.cur };
            self.total = 0.0;
            self.cur = n * w.value;
            self.ordinal = true;
            Step::TookLast
        } else if !second && self.last == Some(Unit) {
            // "one fifth", "one-eighth"
            self.cur /= w.value;
            self.fraction = true;
            Step::Took
        } else {
            return Step::Stop;
        };
        self.any = true;
        self.last = Some(w.class);
        self.last_value = w.value;
        step
    }

    fn finish(&self) -> Option<(f64, Form)> {
        let cur = if self.scale_and != 0.0 && self.cur > 0.0 && self.cur < 1.0 {
            self.cur * self.scale_and
        } else {
            self.cur
        };
        let value = self.base + self.total + cur;
        let form = if self.ordinal {
            Form::Ordinal
        } else if self.fraction && self.base == 0.0 && self.total == 0.0 && value < 1.0 {
            Form::Fraction
        } else {
            Form::Words
        };
        Some((value, form))
    }
}

/// "a"/"an" right before `i`, when the number starts with a word that needs
/// it ("a dozen", "a hundred", "a half", "a third"): where it starts.
pub fn article_before(lex: &Lexicon, text: &str, i: usize, first_word: &str) -> Option<usize> {
    let w = lex.word(first_word)?;
    if !matches!(
        w.class,
        WordClass::Hundred | WordClass::Scale | WordClass::Dozen | WordClass::Fraction | WordClass::Ordinal
    ) || w.plural
    {
        return None;
    }
    let (s, e) = prev_word(text, i)?;
    let a = &text[s..e];
    (a.eq_ignore_ascii_case("a") || a.eq_ignore_ascii_case("an")).then_some(s)
}
