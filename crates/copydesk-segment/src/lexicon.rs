//! The rule knowledge: the word lists under `data/`, compiled once into
//! sorted tables.
//!
//! Each abbreviation file is one class of abbreviation, and the class says
//! when a full stop after it ends a sentence (see [`Abbrev`]). The other lists
//! are sets of words the rules ask about (sentence starters, fronted
//! prepositions, calendar words, elisions, emoticons).

use std::sync::OnceLock;

/// What a full stop after an abbreviation of this class means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Abbrev {
    /// Titles and prefixes written before a name or complement ("Dr.",
    /// "Maj.", "vs."): never the end of a sentence.
    Prepositive,
    /// Months, units, numbering and general abbreviations ("Nov.", "ft.",
    /// "No.", "etc."): they end a sentence before a capitalised word, not
    /// before a number or a lower-case word.
    Plain,
    /// Company and name suffixes ("Corp.", "Jr."): only before a sentence
    /// starter.
    Suffix,
    /// Degrees ("Ph.D."): before any capitalised word.
    Degree,
    /// Clock and era suffixes ("a.m.", "B.C."): see `rules.rs`.
    Time,
    /// U.S. states ("Calif.", "D.C."): after "City," before any capitalised
    /// word, elsewhere only before a sentence starter.
    State,
}

/// The abbreviation files, each with its class.
const CLASSES: [(&str, Abbrev); 12] = [
    (include_str!("../data/titles.txt"), Abbrev::Prepositive),
    (include_str!("../data/prefixes.txt"), Abbrev::Prepositive),
    (include_str!("../data/months.txt"), Abbrev::Plain),
    (include_str!("../data/days.txt"), Abbrev::Plain),
    (include_str!("../data/units.txt"), Abbrev::Plain),
    (include_str!("../data/numbering.txt"), Abbrev::Plain),
    (include_str!("../data/general.txt"), Abbrev::Plain),
    (include_str!("../data/companies.txt"), Abbrev::Suffix),
    (include_str!("../data/streets.txt"), Abbrev::Suffix),
    (include_str!("../data/degrees.txt"), Abbrev::Degree),
    (include_str!("../data/times.txt"), Abbrev::Time),
    (include_str!("../data/states.txt"), Abbrev::State),
];

/// The compiled word lists of one language.
#[derive(Debug, Default)]
pub(crate) struct Lexicon {
    abbrevs: Table<Abbrev>,
    starters: Table<()>,
    fronted: Table<()>,
    calendar: Table<()>,
    elisions: Table<()>,
    domains: Table<()>,
    emoticons: Phrases,
    signoffs: Phrases,
    greetings: Phrases,
    /// Numbers of one or two digits followed by a full stop are ordinals
    /// ("am 3. Oktober") and end no sentence: the generic rules' view.
    pub(crate) ordinals: bool,
}

impl Lexicon {
    /// The English news lexicon, built on first use.
    pub(crate) fn english() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(|| Lexicon {
            abbrevs: Table::new(
                CLASSES.iter().flat_map(|&(file, class)| entries(file).map(move |w| (w, class))),
            ),
            starters: Table::set(include_str!("../data/starters.txt")),
            fronted: Table::set(include_str!("../data/fronted.txt")),
            calendar: Table::set(include_str!("../data/calendar.txt")),
            elisions: Table::set(include_str!("../data/elisions.txt")),
            domains: Table::set(include_str!("../data/domains.txt")),
            emoticons: Phrases::new(include_str!("../data/emoticons.txt")),
            signoffs: Phrases::new(include_str!("../data/signoffs.txt")),
            greetings: Phrases::new(include_str!("../data/greetings.txt")),
            ordinals: false,
        })
    }

    /// The language-neutral rules: no abbreviation lists, so only the shape
    /// of a token (initial, initialism, ordinal) keeps a full stop inside a
    /// sentence.
    pub(crate) fn generic() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(|| Lexicon { ordinals: true, ..Lexicon::default() })
    }

    /// The class of an abbreviation written without its final full stop.
    pub(crate) fn abbrev(&self, word: &str) -> Option<Abbrev> {
        self.abbrevs.get(word)
    }

    /// True when `word` usually starts a sentence.
    pub(crate) fn is_starter(&self, word: &str) -> bool {
        self.starters.get(word).is_some()
    }

    /// True when `word` opens a fronted time phrase ("At", "In").
    pub(crate) fn is_fronted(&self, word: &str) -> bool {
        self.fronted.get(word).is_some()
    }

    /// True when `word` names a day or month.
    pub(crate) fn is_calendar(&self, word: &str) -> bool {
        self.calendar.get(word).is_some()
    }

    /// True when an apostrophe before `word` is part of the word ("'tis").
    pub(crate) fn is_elision(&self, word: &str) -> bool {
        self.elisions.get(word).is_some()
    }

    /// True when `word` is a top-level domain ("com", "Net").
    pub(crate) fn is_domain(&self, word: &str) -> bool {
        self.domains.get(word).is_some()
    }

    /// The length in bytes of the emoticon that `rest` starts with.
    pub(crate) fn emoticon(&self, rest: &str) -> Option<usize> {
        self.emoticons.at(rest, false)
    }

    /// The length in bytes of the sign-off ("Best regards") that `rest`
    /// starts with.
    pub(crate) fn signoff(&self, rest: &str) -> Option<usize> {
        self.signoffs.at(rest, true)
    }

    /// The length in bytes of the greeting ("Hi") that `rest` starts with.
    pub(crate) fn greeting(&self, rest: &str) -> Option<usize> {
        self.greetings.at(rest, true)
    }
}

/// Phrases grouped by their first byte, longest first within a group, so
/// that "Best regards" is tried before "Best" and ":-)" before ":-".
#[derive(Debug)]
struct Phrases {
    list: Vec<&'static str>,
    /// The range of `list` holding the phrases that start with each byte.
    groups: [(u16, u16); 256],
}

impl Default for Phrases {
    fn default() -> Self {
        Phrases { list: Vec::new(), groups: [(0, 0); 256] }
    }
}

impl Phrases {
    fn new(file: &'static str) -> Phrases {
        let mut list: Vec<&'static str> = entries(file).collect();
        list.sort_by_key(|e| (e.as_bytes()[0], std::cmp::Reverse(e.len())));
        let mut groups = [(0, 0); 256];
        for (i, p) in list.iter().enumerate() {
            let group = &mut groups[usize::from(p.as_bytes()[0])];
            let i = u16::try_from(i).expect("a phrase list holds fewer than 65,536 phrases");
            *group = if group.1 == 0 { (i, i + 1) } else { (group.0, i + 1) };
        }
        Phrases { list, groups }
    }

    /// The length of the longest phrase that `rest` starts with; with
    /// `whole`, only a phrase that ends at a word boundary.
    fn at(&self, rest: &str, whole: bool) -> Option<usize> {
        let first = *rest.as_bytes().first()?;
        let (from, to) = self.groups[usize::from(first)];
        self.list[usize::from(from)..usize::from(to)]
            .iter()
            .find(|p| rest.starts_with(**p) && !(whole && rest[p.len()..].starts_with(char::is_alphanumeric)))
            .map(|p| p.len())
    }
}

/// The entries of a data file: first tab-separated column of each line that
/// is neither blank nor a `#` comment.
fn entries(file: &'static str) -> impl Iterator<Item = &'static str> {
    file.lines()
        .map(|l| l.split('\t').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Words in an open-addressed hash table, each with a value.
///
/// An entry written in lower case matches the word in any case ("co" matches
/// "Co."); any other entry matches as written or in capitals ("St" matches
/// "ST." but not "st."). Words are keyed as 16-byte integers (entries are
/// at most 16 bytes long), so a lookup costs a multiplication and a few
/// integer comparisons.
#[derive(Debug)]
struct Table<T> {
    /// Slots of a power-of-two table; `None` is empty.
    slots: Vec<Option<(u128, T)>>,
    /// How far to shift a 64-bit hash to index `slots`.
    shift: u32,
    /// The longest entry: longer words are not looked up.
    longest: usize,
}

impl<T> Default for Table<T> {
    fn default() -> Self {
        Table { slots: Vec::new(), shift: 63, longest: 0 }
    }
}

/// `word` as a big-endian integer, zero-padded. `None` for words longer
/// than 16 bytes.
fn key(word: &[u8]) -> Option<u128> {
    let mut buf = [0u8; 16];
    buf.get_mut(..word.len())?.copy_from_slice(word);
    Some(u128::from_be_bytes(buf))
}

/// The slot a key hashes to first.
fn home(key: u128, shift: u32) -> usize {
    let folded = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
    (folded.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> shift) as usize
}

impl<T: Copy> Table<T> {
    fn new(words: impl Iterator<Item = (&'static str, T)>) -> Table<T> {
        let mut longest = 0;
        let entries: Vec<(u128, T)> = words
            .filter_map(|(w, v)| {
                longest = longest.max(w.len());
                Some((key(w.as_bytes())?, v))
            })
            .collect();
        // At most a quarter full: most lookups are misses, and end at the
        // first empty slot.
        let bits = (entries.len() * 4).next_power_of_two().trailing_zeros().max(4);
        let mut table = Table { slots: vec![None; 1 << bits], shift: 64 - bits, longest };
        for (k, v) in entries {
            // Of two equal entries the first file's wins.
            let mut i = home(k, table.shift);
            loop {
                match table.slots[i] {
                    None => {
                        table.slots[i] = Some((k, v));
                        break;
                    }
                    Some((other, _)) if other == k => break,
                    Some(_) => i = (i + 1) & (table.slots.len() - 1),
                }
            }
        }
        table
    }

    fn get(&self, word: &str) -> Option<T> {
        let w = word.as_bytes();
        if w.len() > self.longest || w.len() > 16 {
            return None;
        }
        // The word as written and in lower case, in one pass.
        let (mut exact, mut lower) = ([0u8; 16], [0u8; 16]);
        let (mut upper, mut lowercase, mut ascii) = (false, false, true);
        for (k, &c) in w.iter().enumerate() {
            exact[k] = c;
            lower[k] = c.to_ascii_lowercase();
            upper |= c.is_ascii_uppercase();
            lowercase |= c.is_ascii_lowercase();
            ascii &= c.is_ascii();
        }
        let exact = u128::from_be_bytes(exact);
        if let Some(v) = self.exact(exact) {
            return Some(v);
        }
        if !ascii {
            return None;
        }
        // "CORP" -> "Corp": a word in capitals matches its capitalised entry.
        let mut tried = exact;
        if upper && !lowercase && w.len() > 1 {
            let mut capitalised = lower;
            capitalised[0] = w[0];
            tried = u128::from_be_bytes(capitalised);
            if let Some(v) = self.exact(tried) {
                return Some(v);
            }
        }
        let lower = u128::from_be_bytes(lower);
        if lower == exact || lower == tried {
            return None;
        }
        self.exact(lower)
    }

    fn exact(&self, key: u128) -> Option<T> {
        if self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut i = home(key, self.shift);
        while let Some((k, v)) = self.slots[i] {
            if k == key {
                return Some(v);
            }
            i = (i + 1) & mask;
        }
        None
    }
}

impl Table<()> {
    fn set(file: &'static str) -> Table<()> {
        Table::new(entries(file).map(|w| (w, ())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_case_entry_matches_any_case() {
        let lex = Lexicon::english();
        assert_eq!(lex.abbrev("co"), Some(Abbrev::Suffix));
        assert_eq!(lex.abbrev("Co"), Some(Abbrev::Suffix));
        assert_eq!(lex.abbrev("CO"), Some(Abbrev::Suffix));
    }

    #[test]
    fn capitalised_entry_matches_as_written_or_in_capitals() {
        let lex = Lexicon::english();
        assert_eq!(lex.abbrev("St"), Some(Abbrev::Prepositive));
        assert_eq!(lex.abbrev("ST"), Some(Abbrev::Prepositive));
        assert_eq!(lex.abbrev("Mass"), Some(Abbrev::State));
        assert_eq!(lex.abbrev("mass"), None);
    }

    #[test]
    fn multi_period_abbreviations_are_found_without_final_stop() {
        let lex = Lexicon::english();
        assert_eq!(lex.abbrev("Ph.D"), Some(Abbrev::Degree));
        assert_eq!(lex.abbrev("a.m"), Some(Abbrev::Time));
        assert_eq!(lex.abbrev("D.C"), Some(Abbrev::State));
    }

    #[test]
    fn no_abbreviation_is_listed_in_two_classes() {
        let mut all: Vec<&str> = CLASSES.iter().flat_map(|(f, _)| entries(f)).collect();
        assert!(all.iter().all(|w| w.len() <= 16), "an abbreviation is longer than 16 bytes");
        let n = all.len();
        all.sort_unstable();
        all.dedup();
        assert_eq!(all.len(), n, "an abbreviation is listed twice");
    }

    #[test]
    fn generic_lexicon_knows_no_english_abbreviation() {
        assert_eq!(Lexicon::generic().abbrev("Mr"), None);
        assert!(!Lexicon::generic().is_starter("The"));
    }

    #[test]
    fn longest_emoticon_wins() {
        assert_eq!(Lexicon::english().emoticon(":-) ok"), Some(3));
    }
}
