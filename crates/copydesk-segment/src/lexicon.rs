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
    emoticons: Vec<&'static str>,
    signoffs: Vec<&'static str>,
    greetings: Vec<&'static str>,
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
            emoticons: phrases(include_str!("../data/emoticons.txt")),
            signoffs: phrases(include_str!("../data/signoffs.txt")),
            greetings: phrases(include_str!("../data/greetings.txt")),
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
        let first = rest.as_bytes().first()?;
        self.emoticons
            .iter()
            .find(|e| e.as_bytes().first() == Some(first) && rest.starts_with(**e))
            .map(|e| e.len())
    }

    /// The length in bytes of the sign-off ("Best regards") that `rest`
    /// starts with.
    pub(crate) fn signoff(&self, rest: &str) -> Option<usize> {
        phrase_at(&self.signoffs, rest)
    }

    /// The length in bytes of the greeting ("Hi") that `rest` starts with.
    pub(crate) fn greeting(&self, rest: &str) -> Option<usize> {
        phrase_at(&self.greetings, rest)
    }
}

/// The entries of a phrase file, longest first, so that "Best regards" is
/// tried before "Best" and ":-)" before ":-".
fn phrases(file: &'static str) -> Vec<&'static str> {
    let mut v: Vec<&'static str> = entries(file).collect();
    v.sort_by_key(|e| std::cmp::Reverse(e.len()));
    v
}

/// The longest phrase that `rest` starts with as whole words.
fn phrase_at(phrases: &[&str], rest: &str) -> Option<usize> {
    let first = rest.as_bytes().first()?;
    phrases
        .iter()
        .filter(|p| p.as_bytes().first() == Some(first))
        .find(|p| rest.starts_with(**p) && !rest[p.len()..].starts_with(char::is_alphanumeric))
        .map(|p| p.len())
}

/// The entries of a data file: first tab-separated column of each line that
/// is neither blank nor a `#` comment.
fn entries(file: &'static str) -> impl Iterator<Item = &'static str> {
    file.lines()
        .map(|l| l.split('\t').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Words sorted for binary search, each with a value.
///
/// An entry written in lower case matches the word in any case ("co" matches
/// "Co."); any other entry matches as written or in capitals ("St" matches
/// "ST." but not "st.").
#[derive(Debug)]
struct Table<T> {
    entries: Vec<(&'static str, T)>,
    /// `entries[first[b] as usize..first[b + 1] as usize]` start with byte
    /// `b`: a lookup compares a handful of entries.
    first: [u16; 257],
}

impl<T> Default for Table<T> {
    fn default() -> Self {
        Table { entries: Vec::new(), first: [0; 257] }
    }
}

impl<T: Copy> Table<T> {
    fn new(words: impl Iterator<Item = (&'static str, T)>) -> Table<T> {
        let mut entries: Vec<(&'static str, T)> = words.collect();
        // Stable sort: of two equal entries the first file's wins.
        entries.sort_by(|a, b| a.0.cmp(b.0));
        entries.dedup_by(|later, earlier| later.0 == earlier.0);
        let mut first = [0u16; 257];
        for b in 0..256 {
            first[b + 1] = entries
                .partition_point(|e| e.0.as_bytes().first().is_some_and(|&f| usize::from(f) <= b))
                as u16;
        }
        Table { entries, first }
    }

    fn get(&self, word: &str) -> Option<T> {
        if let Some(v) = self.exact(word) {
            return Some(v);
        }
        let mut buf = [0u8; 24];
        let key = buf.get_mut(..word.len())?;
        if !word.is_ascii() {
            return None;
        }
        // "CORP" -> "Corp": a word in capitals matches its capitalised entry.
        let caps =
            word.bytes().any(|b| b.is_ascii_uppercase()) && !word.bytes().any(|b| b.is_ascii_lowercase());
        if caps && word.len() > 1 {
            key.copy_from_slice(word.as_bytes());
            key[1..].make_ascii_lowercase();
            if let Some(v) = std::str::from_utf8(key).ok().and_then(|k| self.exact(k)) {
                return Some(v);
            }
        }
        key.copy_from_slice(word.as_bytes());
        key.make_ascii_lowercase();
        std::str::from_utf8(key).ok().and_then(|k| self.exact(k))
    }

    fn exact(&self, word: &str) -> Option<T> {
        let b = usize::from(*word.as_bytes().first()?);
        let bucket = self.entries.get(usize::from(self.first[b])..usize::from(self.first[b + 1]))?;
        bucket.binary_search_by(|e| e.0.cmp(word)).ok().map(|i| bucket[i].1)
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
