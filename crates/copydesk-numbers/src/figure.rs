//! The output type: one figure, with its span, kind, value and what it is of.

use std::borrow::Cow;

use copydesk_core::Span;
use serde::Serialize;

/// What kind of figure a [`Figure`] is.
///
/// The first seven kinds are figures a fact-checker checks; the rest are
/// numbers that are *not* figures (a year, a date, a phone number...). The
/// scanner reports those too, with their kind, so that a reader can see they
/// were recognised and set aside; [`Kind::is_figure`] tells the two apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// An amount of money, with its ISO 4217 currency (`$7.12 billion`).
    Money,
    /// A percentage or a number of percentage points (`22.9 percent`).
    Percent,
    /// A count, with the noun phrase it counts when there is one (`22,174 Humvees`).
    Count,
    /// A measured quantity with its unit (`120 km`, `45 degrees Celsius`, `two weeks`).
    Quantity,
    /// A part of a whole (`one in five`, `8 million out of 39 million`, `two-thirds`).
    Ratio,
    /// A factor (`three times larger`, `twice`, `tenfold`).
    Multiplier,
    /// A range between two values (`two to four weeks`, `$750,000 to $1 million`, `10-15%`).
    Range,
    /// A year or a decade (`2019`, `the 1970s`), not a figure.
    Year,
    /// A date (`August 30, 2021`, `5/17/2018`), not a figure.
    Date,
    /// A time of day (`10 a.m.`, `14:30`), not a figure.
    Time,
    /// An age (`34-year-old`, `five years old`), not a figure.
    Age,
    /// An ordinal (`third`, `21st`), not a figure.
    Ordinal,
    /// A phone number (`555-0199`), not a figure.
    Phone,
    /// A sports score (`112-104`), not a figure.
    Score,
    /// A number that names something (`Section 427`, `Voyager 2`, `192.168.1.2`), not a figure.
    Identifier,
}

impl Kind {
    /// True for the kinds a fact-checker checks (money, percent, count,
    /// quantity, ratio, multiplier, range); false for years, dates, times,
    /// ages, ordinals, phone numbers, scores and identifiers.
    pub fn is_figure(self) -> bool {
        matches!(
            self,
            Kind::Money
                | Kind::Percent
                | Kind::Count
                | Kind::Quantity
                | Kind::Ratio
                | Kind::Multiplier
                | Kind::Range
        )
    }
}

/// A bound a qualifier puts on a figure (`up to` is `<=`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum Bound {
    /// Below the figure (`fewer than`, `under`).
    #[serde(rename = "<")]
    Below,
    /// At most the figure (`up to`, `no more than`).
    #[serde(rename = "<=")]
    AtMost,
    /// Above the figure (`more than`, `over`).
    #[serde(rename = ">")]
    Above,
    /// At least the figure (`at least`, `no fewer than`).
    #[serde(rename = ">=")]
    AtLeast,
    /// Exactly the figure (`exactly`, `equal to`).
    #[serde(rename = "=")]
    Exactly,
}

/// The direction of a change a figure measures ("fell 3.5%" is down).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// A rise ("rose", "gained", "up").
    Up,
    /// A fall ("fell", "dropped", "down").
    Down,
}

/// A piece of text inside a figure: its byte span and its surface text,
/// borrowed from the scanned text ([`Mention::into_owned`] copies it).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Mention<'a> {
    /// Byte span into the scanned text.
    #[serde(flatten)]
    pub span: Span,
    /// The text the span covers.
    pub text: Cow<'a, str>,
}

/// One number found in a text, with what the text says about it. Its
/// text and mentions borrow from the scanned text, so scanning allocates
/// little; [`Figure::into_owned`] gives a figure that outlives it.
///
/// Serialized flat, fields absent when they do not apply:
///
/// ```json
/// {"start":38,"end":64,"text":"an estimated $7.12 billion","kind":"money","value":7.12e9,
///  "exact":"7120000000","currency":"USD","approx":true,
///  "qualifier":{"start":38,"end":50,"text":"an estimated"}}
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Figure<'a> {
    /// Byte span of the whole figure, qualifier, currency, unit and counted
    /// noun phrase included; always on `char` boundaries.
    #[serde(flatten)]
    pub span: Span,
    /// The text the span covers.
    pub text: Cow<'a, str>,
    /// What kind of figure this is.
    pub kind: Kind,
    /// The value, in the unit or currency the text uses (`120` for `120 km`,
    /// `7.12e9` for `$7.12 billion`, `0.2` for `one in five`, `3` for `three
    /// times`). Absent for ranges (see `low`/`high`) and for dates, times,
    /// phone numbers and scores.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    /// The numeral itself, as written (`7.12 billion` in `$7.12 billion`,
    /// `22,174` in `22,174 Humvees`); absent for ranges and for dates,
    /// times, phone numbers and scores.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<Mention<'a>>,
    /// The value as an exact decimal string, when the text gives it exactly
    /// (`"7120000000"` for `$7.12 billion`; absent for `two-thirds`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exact: Option<Cow<'a, str>>,
    /// For a range, its lower end.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub low: Option<f64>,
    /// For a range, its upper end.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub high: Option<f64>,
    /// For a range, the kind of its two ends (money, percent, quantity, count).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub range_of: Option<Kind>,
    /// For a ratio of two numbers, the part (`8e6` in `8 million out of 39 million`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub part: Option<f64>,
    /// For a ratio of two numbers, the whole (`39e6`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub whole: Option<f64>,
    /// ISO 4217 code of a money figure (`"USD"`, `"GBP"`, `"EUR"`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<Cow<'static, str>>,
    /// The unit, by its English name: of a quantity (`"kilometre"`,
    /// `"degree Celsius"`, `"week"`), of a percent (`"percent"` or
    /// `"percentage point"`), of an age (`"year"`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<Cow<'static, str>>,
    /// What a quantity measures (`"length"`, `"mass"`, `"area"`, `"volume"`,
    /// `"speed"`, `"temperature"`, `"energy"`, `"duration"`, ...).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dimension: Option<Cow<'static, str>>,
    /// A quantity's value in SI units (`120000` for `120 km`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub si_value: Option<f64>,
    /// For a range of quantities, its lower end in SI units.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub si_low: Option<f64>,
    /// For a range of quantities, its upper end in SI units.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub si_high: Option<f64>,
    /// The SI unit of `si_value` (`"m"`, `"kg"`, `"m2"`, `"m3"`, `"m/s"`,
    /// `"K"`, `"J"`, `"s"`, `"B"`, ...).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub si_unit: Option<Cow<'static, str>>,
    /// What a rate is per, with its span (`gallon` in `$3.49 a gallon`,
    /// `share` in `$1.40 a share`, `day` in `500,000 barrels a day`; the
    /// unit of a quantity rate names it too: `"barrel per day"`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub per: Option<Mention<'a>>,
    /// The noun phrase a count (or a ratio, or a range of counts) counts,
    /// with its span (`Humvees`, `pairs of night vision goggles`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub counted: Option<Mention<'a>>,
    /// True when the text says the figure is approximate (`about`,
    /// `nearly`, `an estimated`, `some`, `roughly`, `hundreds of`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub approx: bool,
    /// A bound the text puts on the figure (`up to` is `"<="`, `more than` is `">"`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bound: Option<Bound>,
    /// For a money, percent or count figure that measures a change, its
    /// direction (`"down"` in `Shares fell 3.5%`); absent for levels
    /// (`rose to 22.9 percent`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub change: Option<Change>,
    /// The qualifier words themselves (`an estimated`, `up to`, `between`), with their span.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<Mention<'a>>,
}

impl<'a> Figure<'a> {
    /// A figure of `kind` over `span`, with nothing else known yet: its
    /// text is written once its span is final ([`Figure::set_text`]).
    pub(crate) fn new(span: Span, kind: Kind) -> Figure<'a> {
        Figure {
            span,
            text: Cow::Borrowed(""),
            kind,
            value: None,
            number: None,
            exact: None,
            low: None,
            high: None,
            range_of: None,
            part: None,
            whole: None,
            currency: None,
            unit: None,
            dimension: None,
            si_value: None,
            si_low: None,
            si_high: None,
            si_unit: None,
            per: None,
            counted: None,
            approx: false,
            bound: None,
            change: None,
            qualifier: None,
        }
    }

    /// Writes the text of the figure's span of `text`.
    pub(crate) fn set_text(&mut self, text: &'a str) {
        self.text = Cow::Borrowed(text.get(self.span.start..self.span.end).unwrap_or_default());
    }

    /// The figure with its text and mentions copied: one that outlives the
    /// scanned text.
    pub fn into_owned(self) -> Figure<'static> {
        let owned = |m: Option<Mention<'a>>| m.map(Mention::into_owned);
        Figure {
            span: self.span,
            text: Cow::Owned(self.text.into_owned()),
            kind: self.kind,
            value: self.value,
            number: owned(self.number),
            exact: self.exact.map(|e| Cow::Owned(e.into_owned())),
            low: self.low,
            high: self.high,
            range_of: self.range_of,
            part: self.part,
            whole: self.whole,
            currency: self.currency,
            unit: self.unit,
            dimension: self.dimension,
            si_value: self.si_value,
            si_low: self.si_low,
            si_high: self.si_high,
            si_unit: self.si_unit,
            per: owned(self.per),
            counted: owned(self.counted),
            approx: self.approx,
            bound: self.bound,
            change: self.change,
            qualifier: owned(self.qualifier),
        }
    }

    /// The span without a qualifier at either end: the figure proper
    /// (`$7.12 billion` in `an estimated $7.12 billion`, `500` in `500 or more`).
    pub fn core_span(&self) -> Span {
        let Some(q) = &self.qualifier else { return self.span };
        let s = self.span;
        let rel = |i: usize| i.saturating_sub(s.start);
        if q.span.start == s.start && q.span.end <= s.end {
            let rest = self.text.get(rel(q.span.end)..).unwrap_or_default();
            Span::new(q.span.end + (rest.len() - rest.trim_start().len()), s.end)
        } else if q.span.end == s.end && q.span.start >= s.start {
            let head = self.text.get(..rel(q.span.start)).unwrap_or_default();
            Span::new(s.start, s.start + head.trim_end().len())
        } else {
            s
        }
    }
}

impl<'a> Mention<'a> {
    /// The mention of `span` in `text`.
    pub(crate) fn new(text: &'a str, span: Span) -> Mention<'a> {
        Mention { span, text: Cow::Borrowed(text.get(span.start..span.end).unwrap_or_default()) }
    }

    /// The mention with its text copied.
    pub fn into_owned(self) -> Mention<'static> {
        Mention { span: self.span, text: Cow::Owned(self.text.into_owned()) }
    }
}
