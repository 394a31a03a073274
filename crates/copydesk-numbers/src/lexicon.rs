//! The rule data (`data/*.txt`), parsed once into tables and automata.
//!
//! Every file is one entry a line, `#` starts a comment line, columns are
//! separated by tabs. Adding a unit, a currency or a qualifier is a one-line
//! change to a data file.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use aho_corasick::automaton::Automaton;
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{Anchored, Input, MatchKind};

use crate::figure::{Bound, Change};

pub use crate::wordmap::{WordMap, WordSet as Set};

/// A map hashed with [`Fnv`]: for keys other than words.
pub type Map<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// FNV-1a: the keys are short, for which it is several times faster than
/// the default SipHash (and the tables are fixed data, so hash flooding
/// does not apply).
#[derive(Default, Clone, Copy)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for &b in bytes {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// The non-comment, non-blank lines of a data file, split on tabs.
fn rows(data: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    data.lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}

/// The first column of each row, lower-cased: a word list.
fn word_set(data: &'static str) -> Set {
    Set::new(rows(data).map(|r| (r[0], ())))
}

fn number(s: &str) -> f64 {
    s.parse().unwrap_or_else(|_| panic!("bad number {s:?} in a data file"))
}

/// How a number word combines with its neighbours.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WordClass {
    /// 0 to 19.
    Unit,
    /// 20, 30, ... 90.
    Ten,
    /// "hundred".
    Hundred,
    /// "thousand", "million", "lakh"...
    Scale,
    /// "dozen".
    Dozen,
    /// "third", "fifth": an ordinal, or a fraction's denominator.
    Ordinal,
    /// "half", "quarter".
    Fraction,
}

/// A number word's value and class.
#[derive(Clone, Copy, Debug)]
pub struct NumberWord {
    /// The value (for ordinals and fractions: the denominator).
    pub value: f64,
    /// How it combines.
    pub class: WordClass,
    /// Written as a plural ("thirds", "dozens", "hundreds").
    pub plural: bool,
}

/// A scale abbreviation after digits ("bn", "m", "k").
#[derive(Clone, Debug)]
pub struct ScaleSuffix {
    /// As written (case matters).
    pub surface: &'static str,
    /// What it multiplies by.
    pub factor: f64,
    /// When it is a scale rather than a unit.
    pub when: ScaleWhen,
}

/// When a scale abbreviation is a scale.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScaleWhen {
    /// After any number ("45bn").
    Always,
    /// Only after a currency ("£45m"; "1.8m" is metres).
    Money,
    /// After a whole number or a currency ("100K"; "573.15K" is kelvin).
    Whole,
    /// After a number with decimals or a currency ("1.2b"; "1500b" is bits).
    Decimal,
}

/// A currency surface.
#[derive(Clone, Debug)]
pub struct Currency {
    /// ISO 4217 code.
    pub code: &'static str,
    /// What an amount written with it is multiplied by: 0.01 for "cents",
    /// 1e6 for "MUSD", else 1.
    pub factor: f64,
}

/// When a unit's spelling may be read as that unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnitFlag {
    /// Always.
    Plain,
    /// Only before punctuation, the end, or a dimension adjective ("2 in thick").
    End,
    /// Not before a capitalised word or a digit ("30 C outside").
    Lower,
    /// An inch mark: attached to the number and not a closing quote.
    Quote,
    /// Only spelled after the number, never inside a compound unit.
    After,
}

/// A unit of measure.
#[derive(Clone, Debug)]
pub struct Unit {
    /// English name ("kilometre").
    pub name: &'static str,
    /// What it measures ("length").
    pub dimension: &'static str,
    /// The SI unit its values convert to ("m").
    pub si_unit: &'static str,
    /// SI value = value * factor + offset.
    pub factor: f64,
    /// See `factor`; non-zero only for temperatures.
    pub offset: f64,
    /// When the spelling counts.
    pub flag: UnitFlag,
}

/// What a word or symbol right after a number is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum After {
    /// A unit of measure (index into [`Lexicon::units`]).
    Unit(usize),
    /// A currency (index into [`Lexicon::currencies`]).
    Currency(usize),
    /// A percent word; the unit name ("percent", "percentage point").
    Percent(&'static str),
    /// A clock-time marker ("a.m.", "GMT").
    Time,
    /// "yo": years old.
    AgeAbbr,
}

/// A qualifier's meaning.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Qualifier {
    /// "about", "an estimated".
    Approx,
    /// "more than", "up to"...
    Bound(Bound),
}

/// A range joiner's strength.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Strength {
    /// Joins anywhere ("to", "out of").
    Strong,
    /// Joins only in the right company ("and" after "between"; "in" between bare numbers).
    Weak,
}

/// All the rule data, compiled.
pub struct Lexicon {
    /// Number words by lower-case spelling.
    pub words: WordMap<NumberWord>,
    /// Number words and multiplier words, lower case: the words a numeral
    /// may start with.
    triggers: Set,
    /// Which first three letters start a number word: for each first two
    /// letters (by their five low bits, which tell letters apart in either
    /// case), a bit for each third (its five low bits, 1 to 26) and bit 0
    /// for a word of two letters.
    word_starts: Box<[u32; 1 << 10]>,
    /// The same for the second to fourth letters, each counting as 0 past
    /// the word's end: with `word_starts`, four letters ("for", "this",
    /// "those") rule a word out before it is looked up.
    word_continues: Box<[u32; 1 << 10]>,
    /// Scale abbreviations, longest first.
    pub scales: Vec<ScaleSuffix>,
    /// Currencies, indexed by [`After::Currency`] and the `before` table.
    pub currencies: Vec<Currency>,
    /// Currency surfaces written before amounts, by their last character,
    /// longest first, with their index.
    pub before: Map<char, Vec<(&'static str, usize)>>,
    /// The ASCII characters among those last characters, as bits: after any
    /// other ASCII byte a number has no currency before it, with no lookup.
    pub before_ascii: u128,
    /// The country prefixes of "$" among those ("US" for "US$" and
    /// "U.S. $"), upper case without dots or spaces, with the currency's
    /// index: the longest spelling's first.
    pub dollar_prefixes: Vec<(String, usize)>,
    /// Units, indexed by [`After::Unit`].
    pub units: Vec<Unit>,
    after_exact: NFA,
    after_exact_what: Vec<Vec<After>>,
    after_ci: NFA,
    after_ci_what: Vec<Vec<After>>,
    /// The byte pairs a reading after a number can start with, for each
    /// automaton (exact, then any case).
    after_pairs: [Vec<u64>; 2],
    /// Qualifiers written before a figure, by lower-case phrase.
    pub qualifiers: WordMap<Qualifier>,
    /// Qualifiers written after a figure ("or more"), by lower-case phrase.
    pub qualifiers_after: WordMap<Qualifier>,
    /// The first words of those ("or", "and", "at").
    pub qualifier_first_words: Set,
    /// Their first letters, as [`first_letters`] gives them: most figures
    /// are followed by a word that starts with none.
    pub qualifier_first_letters: u128,
    /// The last words of the qualifiers written before a figure ("than", "to", "about").
    pub qualifier_last_words: Set,
    /// Qualifiers that are symbols (">=", "~"), before the figure, longest first.
    pub qualifier_symbols: Vec<(&'static str, Qualifier)>,
    /// For each byte, whether a qualifier symbol ends with it.
    pub qualifier_symbol_ends: [bool; 256],
    /// Most words in a qualifier.
    pub qualifier_words: usize,
    /// Month names (lower case).
    pub months: Set,
    /// Words after which a number is an identifier.
    pub identifier_cues: Set,
    /// Words before "N-N" that make it a score.
    pub score_cues: Set,
    /// Words that end a counted noun phrase.
    pub stopwords: Set,
    /// Plural nouns without a final "s".
    pub irregular_plurals: Set,
    /// Nouns counted through "of" ("pairs of").
    pub partitives: Set,
    /// Multiplier words and their factors.
    pub multipliers: WordMap<f64>,
    /// Words after "N times" that make it a multiplier.
    pub comparatives: Set,
    /// Words before a number that make it an age ("aged").
    pub age_before: Set,
    /// Words after a number's time unit that make it an age ("old", "of age").
    pub age_after: Vec<&'static str>,
    /// Range joiners.
    pub range_words: WordMap<Strength>,
    /// Their first letters, as [`first_letters`] gives them.
    pub range_first_letters: u128,
    /// Ratio joiners, longest first.
    pub ratio_words: Vec<(&'static str, Strength)>,
    /// Their first letters, as [`first_letters`] gives them.
    pub ratio_first_letters: u128,
    /// Words before "one" that make it a pronoun.
    pub not_one: Set,
    /// Words before a figure that make it a change, and its direction.
    pub changes: WordMap<Change>,
    /// Words before a bounded year-like number that keep it a year ("since at least 2007").
    pub year_cues: Set,
    /// Words that may stand between a number and its unit ("2 more minutes").
    pub unit_modifiers: Set,
    /// Words that say whether a nearby "degrees" is a temperature or an angle.
    pub degree_cues: WordMap<&'static str>,
}

const VULGAR: &[(&str, f64)] = &[
    ("½", 0.5),
    ("⅓", 1.0 / 3.0),
    ("⅔", 2.0 / 3.0),
    ("¼", 0.25),
    ("¾", 0.75),
    ("⅕", 0.2),
    ("⅖", 0.4),
    ("⅗", 0.6),
    ("⅘", 0.8),
    ("⅙", 1.0 / 6.0),
    ("⅚", 5.0 / 6.0),
    ("⅛", 0.125),
    ("⅜", 0.375),
    ("⅝", 0.625),
    ("⅞", 0.875),
];

/// The place of a word's first three bytes in the prefix table: `a` and
/// `b` are letters; the bit of `c` is its letter's, or 0 when the word has
/// ended.
#[inline]
fn prefix_index(a: u8, b: u8, c: u8) -> (usize, u32) {
    let third = if c.is_ascii_alphabetic() { c & 31 } else { 0 };
    (((a & 31) as usize) << 5 | (b & 31) as usize, third as u32)
}

/// The place of a word's second to fourth bytes in the continuation table:
/// `b` is a letter; `c`, and `d` after it, count as 0 past the word's end.
#[inline]
fn continuation_index(b: u8, c: u8, d: u8) -> (usize, u32) {
    let third = if c.is_ascii_alphabetic() { c & 31 } else { 0 };
    let fourth = if third != 0 && d.is_ascii_alphabetic() { d & 31 } else { 0 };
    (((b & 31) as usize) << 5 | third as usize, fourth as u32)
}

/// The value of a vulgar fraction character at the start of `s`, with its length.
pub fn vulgar_fraction(s: &str) -> Option<(f64, usize)> {
    // Every one starts with the byte C2 or E2.
    if !matches!(s.as_bytes().first(), Some(0xC2 | 0xE2)) {
        return None;
    }
    VULGAR.iter().find(|(f, _)| s.starts_with(f)).map(|(f, v)| (*v, f.len()))
}

/// A leftmost-longest automaton for anchored searches (the patterns are
/// read where a number ends), kept as a contiguous NFA and called directly,
/// not through `AhoCorasick`'s dynamic dispatch: an anchored search never
/// follows a failure transition, so it walks the text about as fast as a
/// DFA, in a tenth of the memory (a DFA of these patterns takes over a
/// megabyte, and its cache misses cost more than it saves).
fn automaton(patterns: &[&str], case_insensitive: bool) -> NFA {
    NFA::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(case_insensitive)
        .prefilter(false)
        .build(patterns)
        .expect("the data files compile into an automaton")
}

/// A spelling matches exactly when it is two characters or fewer, has
/// characters other than letters, spaces, hyphens and dots ("°C", "km/h"),
/// or mixes cases inside a word ("kWh", "GHz", "MeV"); otherwise in any case
/// ("Swiss francs", "US dollars", "degrees F", "USD").
fn exact_case(surface: &str) -> bool {
    surface.chars().count() <= 2
        || !surface.chars().all(|c| c.is_ascii_alphabetic() || matches!(c, ' ' | '-' | '.'))
        || surface.split([' ', '-']).any(|w| {
            let mut cs = w.chars();
            cs.next();
            let rest: String = cs.collect();
            rest.chars().any(|c| c.is_ascii_uppercase()) && rest.chars().any(|c| c.is_ascii_lowercase())
        })
}

/// Groups readings by spelling, so one spelling can have several ("pounds":
/// money and weight): the patterns and, for each, its readings.
fn group(
    entries: Vec<(&'static str, After)>,
    case_insensitive: bool,
) -> (Vec<&'static str>, Vec<Vec<After>>) {
    let mut pats: Vec<&'static str> = Vec::new();
    let mut what: Vec<Vec<After>> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for (surface, w) in entries {
        let key = if case_insensitive { surface.to_ascii_lowercase() } else { surface.to_string() };
        match index.get(&key) {
            Some(&i) => what[i].push(w),
            None => {
                index.insert(key, pats.len());
                pats.push(surface);
                what.push(vec![w]);
            }
        }
    }
    (pats, what)
}

impl Lexicon {
    /// Parses the data files and builds the automata.
    pub fn new() -> Lexicon {
        let mut words = Vec::new();
        for r in rows(include_str!("../data/number_words.txt")) {
            let class = match r[2] {
                "unit" => WordClass::Unit,
                "ten" => WordClass::Ten,
                "hundred" => WordClass::Hundred,
                "scale" => WordClass::Scale,
                "dozen" => WordClass::Dozen,
                "ordinal" => WordClass::Ordinal,
                "fraction" => WordClass::Fraction,
                other => panic!("unknown number word class {other:?}"),
            };
            let plural = r[0].ends_with('s');
            words.push((r[0], NumberWord { value: number(r[1]), class, plural }));
        }
        let multipliers: Vec<(&'static str, f64)> =
            rows(include_str!("../data/multipliers.txt")).map(|r| (r[0], number(r[1]))).collect();
        let trigger_words: Vec<&str> =
            words.iter().map(|w| w.0).chain(multipliers.iter().map(|m| m.0)).collect();
        let triggers = Set::new(trigger_words.iter().map(|&w| (w, ())));
        let mut word_starts = Box::new([0u32; 1 << 10]);
        let mut word_continues = Box::new([0u32; 1 << 10]);
        for t in &trigger_words {
            let b = t.as_bytes();
            assert!(
                b.len() >= 2 && b[..2].iter().all(u8::is_ascii_alphabetic),
                "number word {t:?} does not start with two letters"
            );
            let at = |k: usize| b.get(k).copied().unwrap_or(0);
            let (i, bit) = prefix_index(b[0], b[1], at(2));
            word_starts[i] |= 1 << bit;
            let (i, bit) = continuation_index(b[1], at(2), at(3));
            word_continues[i] |= 1 << bit;
        }

        let mut scales: Vec<ScaleSuffix> = rows(include_str!("../data/scale_suffixes.txt"))
            .map(|r| {
                let when = match r[2] {
                    "always" => ScaleWhen::Always,
                    "money" => ScaleWhen::Money,
                    "whole" => ScaleWhen::Whole,
                    "decimal" => ScaleWhen::Decimal,
                    other => panic!("unknown scale condition {other:?}"),
                };
                ScaleSuffix { surface: r[0], factor: number(r[1]), when }
            })
            .collect();
        scales.sort_by_key(|s| std::cmp::Reverse(s.surface.len()));

        let mut exact: Vec<(&'static str, After)> = Vec::new();
        let mut ci: Vec<(&'static str, After)> = Vec::new();
        let mut push = |surface: &'static str, what: After| {
            if exact_case(surface) { exact.push((surface, what)) } else { ci.push((surface, what)) }
        };

        let mut currencies = Vec::new();
        let mut before = Vec::new();
        for r in rows(include_str!("../data/currencies.txt")) {
            let i = currencies.len();
            currencies.push(Currency { code: r[1], factor: r.get(3).map_or(1.0, |f| number(f)) });
            if matches!(r[2], "before" | "both") {
                before.push((r[0], i));
            }
            if matches!(r[2], "after" | "both") {
                push(r[0], After::Currency(i));
            }
        }
        before.sort_by_key(|(s, _)| std::cmp::Reverse(s.len()));
        let mut dollar_prefixes: Vec<(String, usize)> = Vec::new();
        for &(s, i) in &before {
            let Some(p) = s.strip_suffix('$') else { continue };
            let p: String =
                p.chars().filter(|&c| c != '.' && c != ' ').collect::<String>().to_ascii_uppercase();
            if !p.is_empty() && !dollar_prefixes.iter().any(|(q, _)| *q == p) {
                dollar_prefixes.push((p, i));
            }
        }
        let before_ascii = before
            .iter()
            .filter_map(|(s, _)| s.bytes().next_back().filter(u8::is_ascii))
            .fold(0u128, |bits, b| bits | 1 << b);
        let before = before.into_iter().fold(Map::default(), |mut m: Map<char, Vec<_>>, (s, i)| {
            m.entry(s.chars().next_back().unwrap_or(' ')).or_default().push((s, i));
            m
        });

        let mut units = Vec::new();
        for r in rows(include_str!("../data/units.txt")) {
            let i = units.len();
            let flag = match r.get(6).copied().unwrap_or("") {
                "" => UnitFlag::Plain,
                "end" => UnitFlag::End,
                "lower" => UnitFlag::Lower,
                "quote" => UnitFlag::Quote,
                "after" => UnitFlag::After,
                other => panic!("unknown unit flag {other:?}"),
            };
            units.push(Unit {
                name: r[1],
                dimension: r[2],
                si_unit: r[3],
                factor: number(r[4]),
                offset: r.get(5).map_or(0.0, |s| number(s)),
                flag,
            });
            for s in r[0].split('|') {
                push(s, After::Unit(i));
            }
        }
        for r in rows(include_str!("../data/percent.txt")) {
            push(r[0], After::Percent(r[1]));
        }
        for r in rows(include_str!("../data/time_markers.txt")) {
            push(r[0], After::Time);
        }
        let mut age_before = Vec::new();
        let mut age_after = Vec::new();
        for r in rows(include_str!("../data/age_cues.txt")) {
            match r[1] {
                "before" => {
                    age_before.push((r[0], ()));
                }
                "after" => age_after.push(r[0]),
                _ => push(r[0], After::AgeAbbr),
            }
        }
        let (exact_pats, after_exact_what) = group(exact, false);
        let (ci_pats, after_ci_what) = group(ci, true);
        let after_pairs = [pair_table(&exact_pats, false), pair_table(&ci_pats, true)];

        let mut qualifiers = Vec::new();
        let mut qualifiers_after = Vec::new();
        let mut qualifier_symbols = Vec::new();
        for r in rows(include_str!("../data/qualifiers.txt")) {
            let q = match r[1] {
                "approx" => Qualifier::Approx,
                "<" => Qualifier::Bound(Bound::Below),
                "<=" => Qualifier::Bound(Bound::AtMost),
                ">" => Qualifier::Bound(Bound::Above),
                ">=" => Qualifier::Bound(Bound::AtLeast),
                "=" => Qualifier::Bound(Bound::Exactly),
                other => panic!("unknown qualifier meaning {other:?}"),
            };
            if r.get(2) == Some(&"after") {
                qualifiers_after.push((r[0], q));
            } else if r[0].chars().any(|c| c.is_alphabetic()) {
                qualifiers.push((r[0], q));
            } else {
                qualifier_symbols.push((r[0], q));
            }
        }
        qualifier_symbols.sort_by_key(|(s, _)| std::cmp::Reverse(s.len()));
        let mut qualifier_symbol_ends = [false; 256];
        for (s, _) in &qualifier_symbols {
            if let Some(&b) = s.as_bytes().last() {
                qualifier_symbol_ends[b as usize] = true;
            }
        }
        let first_words: Vec<&str> =
            qualifiers_after.iter().map(|(k, _)| k.split(' ').next().unwrap_or(k)).collect();
        let qualifier_first_letters = first_letters(first_words.iter().copied());
        let qualifier_first_words = Set::new(first_words.into_iter().map(|w| (w, ())));
        let qualifier_last_words =
            Set::new(qualifiers.iter().map(|(k, _)| (k.rsplit(' ').next().unwrap_or(k), ())));
        let qualifier_words =
            qualifiers.iter().chain(&qualifiers_after).map(|(k, _)| k.split(' ').count()).max().unwrap_or(1);
        let strength =
            |s: &str| if s == "always" || s == "strong" { Strength::Strong } else { Strength::Weak };
        let mut ratio_words: Vec<(&'static str, Strength)> =
            rows(include_str!("../data/ratio_words.txt")).map(|r| (r[0], strength(r[1]))).collect();
        ratio_words.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));

        Lexicon {
            words: WordMap::new(words),
            triggers,
            word_starts,
            word_continues,
            scales,
            currencies,
            before,
            before_ascii,
            dollar_prefixes,
            units,
            after_exact: automaton(&exact_pats, false),
            after_exact_what,
            after_ci: automaton(&ci_pats, true),
            after_ci_what,
            after_pairs,
            qualifiers: WordMap::new(qualifiers),
            qualifiers_after: WordMap::new(qualifiers_after),
            qualifier_last_words,
            qualifier_first_words,
            qualifier_first_letters,
            qualifier_symbols,
            qualifier_symbol_ends,
            qualifier_words,
            months: word_set(include_str!("../data/months.txt")),
            identifier_cues: word_set(include_str!("../data/identifier_cues.txt")),
            score_cues: word_set(include_str!("../data/score_cues.txt")),
            stopwords: word_set(include_str!("../data/stopwords.txt")),
            irregular_plurals: word_set(include_str!("../data/irregular_plurals.txt")),
            partitives: word_set(include_str!("../data/partitives.txt")),
            multipliers: WordMap::new(multipliers),
            comparatives: word_set(include_str!("../data/comparatives.txt")),
            age_before: Set::new(age_before),
            age_after,
            range_words: WordMap::new(
                rows(include_str!("../data/range_words.txt")).map(|r| (r[0], strength(r[1]))),
            ),
            range_first_letters: first_letters(rows(include_str!("../data/range_words.txt")).map(|r| r[0])),
            ratio_first_letters: first_letters(ratio_words.iter().map(|&(w, _)| w)),
            ratio_words,
            not_one: word_set(include_str!("../data/not_one.txt")),
            changes: WordMap::new(
                rows(include_str!("../data/change_words.txt"))
                    .map(|r| (r[0], if r[1] == "up" { Change::Up } else { Change::Down })),
            ),
            year_cues: word_set(include_str!("../data/year_cues.txt")),
            unit_modifiers: word_set(include_str!("../data/unit_modifiers.txt")),
            degree_cues: WordMap::new(rows(include_str!("../data/degree_cues.txt")).map(|r| (r[0], r[1]))),
        }
    }

    /// True when a word starting with the letters `a`, `b` and the byte
    /// `c` (any non-letter when the word has two letters) may be a number
    /// word.
    #[inline]
    pub fn may_start_number_word(&self, a: u8, b: u8, c: u8) -> bool {
        let (i, bit) = prefix_index(a, b, c);
        self.word_starts[i] >> bit & 1 != 0
    }

    /// True when a word whose second to fourth bytes are `b`, `c` and `d`
    /// (any non-letters past its end) may be a number word.
    #[inline]
    pub fn may_continue_number_word(&self, b: u8, c: u8, d: u8) -> bool {
        let (i, bit) = continuation_index(b, c, d);
        self.word_continues[i] >> bit & 1 != 0
    }

    /// True when `word` (any case) is a number word or a multiplier word.
    #[inline]
    pub fn is_number_trigger(&self, word: &str) -> bool {
        self.triggers.contains(word)
    }

    /// The number word spelled `word` (any case).
    pub fn word(&self, word: &str) -> Option<NumberWord> {
        self.words.get(word).copied()
    }

    /// All the ways to read what starts at byte `i`, longest first: the
    /// caller picks the first whose boundary holds.
    pub fn after_all(&self, text: &str, i: usize) -> Vec<(After, usize)> {
        let mut out = Vec::new();
        let bytes = text.as_bytes();
        // Most words after a number start no unit, currency or marker: their
        // first two bytes rule them out before any automaton runs, and each
        // automaton runs only on the pairs its own patterns start with.
        let Some(&first) = bytes.get(i) else { return out };
        let second = bytes.get(i + 1).copied().unwrap_or(0);
        let p = pair(first, second);
        if !self.after_pairs.iter().any(|t| bit(t, p)) {
            return out;
        }
        let Some(hay) = text.get(i..) else { return out };
        let hay = &hay[..floor_boundary(hay, 64)];
        let automata = [(&self.after_exact, &self.after_exact_what), (&self.after_ci, &self.after_ci_what)];
        for ((ac, what), pairs) in automata.into_iter().zip(&self.after_pairs) {
            if !bit(pairs, p) {
                continue;
            }
            // A leftmost-longest automaton gives one match: shorter ones are
            // found by searching again within the longest's prefix.
            let mut limit = hay.len();
            while let Some(m) = ac
                .try_find(&Input::new(&hay[..limit]).anchored(Anchored::Yes))
                .expect("an NFA searches anchored")
            {
                if out.capacity() == 0 {
                    // Room for the usual few readings at once: growing an empty list costs more.
                    out = Vec::with_capacity(4);
                }
                out.extend(what[m.pattern().as_usize()].iter().map(|&w| (w, i + m.end())));
                limit = floor_boundary(hay, m.end() - 1);
                if limit == 0 {
                    break;
                }
            }
        }
        out.sort_by_key(|&(_, end)| std::cmp::Reverse(end));
        out
    }
}

/// The first bytes of some ASCII words, in both cases, as bits: a word
/// whose first byte is none of them is none of the words, known with no
/// lookup (see [`starts_one_of`]).
fn first_letters<'a>(words: impl Iterator<Item = &'a str>) -> u128 {
    words
        .filter_map(|w| w.bytes().next().filter(u8::is_ascii))
        .fold(0, |bits, b| bits | 1 << b.to_ascii_lowercase() | 1 << b.to_ascii_uppercase())
}

/// True when the byte `b` is one of the first letters in `bits`.
#[inline]
pub fn starts_one_of(bits: u128, b: u8) -> bool {
    b.is_ascii() && bits & 1 << b != 0
}

/// The index of the byte pair `a`, `b` in a pair table.
#[inline]
fn pair(a: u8, b: u8) -> usize {
    (a as usize) << 8 | b as usize
}

#[inline]
fn bit(table: &[u64], i: usize) -> bool {
    table[i / 64] >> (i % 64) & 1 != 0
}

/// The table of the byte pairs that start a pattern (a one-byte pattern
/// starts every pair with its byte; 0 stands for the end of the text),
/// both cases of a letter when the patterns match in any case.
fn pair_table(pats: &[&str], any_case: bool) -> Vec<u64> {
    let mut table = vec![0u64; 65536 / 64];
    let cases = |b: u8| {
        if any_case && b.is_ascii_alphabetic() {
            vec![b.to_ascii_lowercase(), b.to_ascii_uppercase()]
        } else {
            vec![b]
        }
    };
    for p in pats {
        let b = p.as_bytes();
        let seconds: Vec<u8> = match b.get(1) {
            Some(&c) => cases(c),
            None => (0..=255).collect(),
        };
        for a in cases(b[0]) {
            for &c in &seconds {
                let i = pair(a, c);
                table[i / 64] |= 1 << (i % 64);
            }
        }
    }
    table
}

impl Default for Lexicon {
    fn default() -> Lexicon {
        Lexicon::new()
    }
}

/// The largest char boundary of `s` at or below `max`.
fn floor_boundary(s: &str, max: usize) -> usize {
    let mut n = max.min(s.len());
    while !s.is_char_boundary(n) {
        n -= 1;
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_letters_admit_both_cases_and_rule_out_the_rest() {
        let bits = first_letters(["or", "And"].into_iter());
        for b in *b"oOaA" {
            assert!(starts_one_of(bits, b), "{}", b as char);
        }
        for b in [b'n', b'r', b' ', b'1', 0, 0xC2] {
            assert!(!starts_one_of(bits, b), "{b}");
        }
    }
}
