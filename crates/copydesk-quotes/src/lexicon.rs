//! The word lists under `data/`, parsed once into an automaton (cue phrases)
//! and sorted tables (everything looked up one word at a time).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

/// How a cue relates to its speaker; see `data/cues.txt`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CueClass {
    /// "X said" or "said X".
    Say,
    /// "X told Y": never inverted.
    Tell,
    /// "..., adding": the main clause's speaker.
    Part,
    /// "according to X".
    Prep,
    /// "quoted X as saying".
    Quoted,
}

/// What a word says about the sex or number of whom it names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Gender {
    Male,
    Female,
    Plural,
    /// A thing or an organisation ("it", "the report").
    Thing,
    Unknown,
}

impl Gender {
    /// Reads the second column of a data line.
    fn parse(cols: &[&str]) -> Gender {
        match cols.get(1).copied().unwrap_or("") {
            "m" => Gender::Male,
            "f" => Gender::Female,
            "p" => Gender::Plural,
            "o" => Gender::Thing,
            _ => Gender::Unknown,
        }
    }
}

/// What the word lists say about one word. Every word of a story is looked
/// up once; the rules then read these fields.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Entry {
    pub(crate) pronoun: Option<Gender>,
    pub(crate) role: Option<Gender>,
    pub(crate) title: Option<Gender>,
    pub(crate) first_name: Option<Gender>,
    /// `Some(true)` for a definite determiner ("the", "his").
    pub(crate) determiner: Option<bool>,
    /// `Some(true)` for a date word ("Thursday"), `Some(false)` for an
    /// organisation word ("Ministry").
    pub(crate) org: Option<bool>,
    /// `Some(true)` when listed capitalised ("Ill."), which a lowercase word
    /// does not match.
    pub(crate) abbreviation: Option<bool>,
    pub(crate) between: bool,
    pub(crate) not_speaker: bool,
    pub(crate) clause_opener: bool,
    pub(crate) cue_noun: bool,
    pub(crate) preposition: bool,
    /// A lowercase word inside a name ("bin", "de").
    pub(crate) particle: bool,
    pub(crate) auxiliary: bool,
}

/// Lowercases ASCII letters and reads the curly apostrophe as a straight
/// one, into `buf`: the key of the word tables.
fn fold_into(word: &str, buf: &mut String) {
    buf.clear();
    buf.extend(word.chars().map(|c| if c == '\u{2019}' { '\'' } else { c.to_ascii_lowercase() }));
}

/// The non-comment, non-blank lines of a data file, split on tabs.
fn data_lines(src: &str) -> impl Iterator<Item = Vec<&str>> {
    src.lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

/// FNV-1a: the word tables are looked up once per token, where SipHash's
/// strength buys nothing.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type Words = HashMap<String, Entry, BuildHasherDefault<Fnv>>;

/// Every word list, compiled.
pub(crate) struct Lexicon {
    cues: AhoCorasick,
    cue_class: Vec<CueClass>,
    words: Words,
}

/// A cue phrase found in the text.
#[derive(Clone, Copy, Debug)]
pub(crate) struct CueMatch {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) class: CueClass,
}

/// Adds a data file's words to `words`, `set` filling in each one's entry.
fn add(words: &mut Words, src: &str, set: impl Fn(&mut Entry, &[&str])) {
    let mut key = String::new();
    for cols in data_lines(src) {
        fold_into(cols[0], &mut key);
        set(words.entry(key.clone()).or_default(), &cols);
    }
}

impl Lexicon {
    pub(crate) fn new() -> Lexicon {
        let mut phrases = Vec::new();
        let mut cue_class = Vec::new();
        let mut words = Words::default();
        let cues = include_str!("../data/cues.txt");
        for cols in data_lines(cues) {
            let class = match cols.get(1).copied() {
                Some("tell") => CueClass::Tell,
                Some("part") => CueClass::Part,
                Some("prep") => CueClass::Prep,
                Some("quoted") => CueClass::Quoted,
                _ => CueClass::Say,
            };
            phrases.push(cols[0].to_string());
            cue_class.push(class);
        }
        add(&mut words, cues, |e, c| e.cue_noun |= c.get(2) == Some(&"noun"));
        let cues = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&phrases)
            .expect("cue phrases compile");
        let gender = |c: &[&str]| Some(Gender::parse(c));
        add(&mut words, include_str!("../data/titles.txt"), |e, c| e.title = gender(c));
        add(&mut words, include_str!("../data/roles.txt"), |e, c| e.role = gender(c));
        add(&mut words, include_str!("../data/pronouns.txt"), |e, c| e.pronoun = gender(c));
        add(&mut words, include_str!("../data/first_names.txt"), |e, c| e.first_name = gender(c));
        add(&mut words, include_str!("../data/between.txt"), |e, _| e.between = true);
        add(&mut words, include_str!("../data/not_speakers.txt"), |e, _| e.not_speaker = true);
        add(&mut words, include_str!("../data/clause_openers.txt"), |e, _| e.clause_opener = true);
        add(&mut words, include_str!("../data/prepositions.txt"), |e, _| e.preposition = true);
        add(&mut words, include_str!("../data/name_particles.txt"), |e, _| e.particle = true);
        add(&mut words, include_str!("../data/auxiliaries.txt"), |e, _| e.auxiliary = true);
        add(&mut words, include_str!("../data/org_words.txt"), |e, c| {
            e.org = Some(c.get(1) == Some(&"date"))
        });
        add(&mut words, include_str!("../data/determiners.txt"), |e, c| {
            e.determiner = Some(c.get(1) == Some(&"definite"))
        });
        // An abbreviation listed capitalised ("Ill.") is not its lowercase
        // word ("ill.").
        add(&mut words, include_str!("../data/abbreviations.txt"), |e, c| {
            e.abbreviation = Some(c[0].starts_with(char::is_uppercase))
        });
        Lexicon { cues, cue_class, words }
    }

    /// What the lists say about `word`, folded into `buf` to look it up.
    pub(crate) fn entry_with(&self, word: &str, buf: &mut String) -> Entry {
        fold_into(word, buf);
        self.words.get(buf.as_str()).copied().unwrap_or_default()
    }

    /// What the lists say about `word`.
    pub(crate) fn entry(&self, word: &str) -> Entry {
        self.entry_with(word, &mut String::new())
    }

    /// Every cue phrase of `text` that stands as whole words, in order.
    pub(crate) fn cues(&self, text: &str) -> Vec<CueMatch> {
        self.cues
            .find_iter(text)
            .filter(|m| is_word_edge(text, m.start(), m.end()))
            .map(|m| CueMatch {
                start: m.start(),
                end: m.end(),
                class: self.cue_class[m.pattern().as_usize()],
            })
            .collect()
    }

    /// True when `word` (with its final period) is an abbreviation whose
    /// period does not end a sentence.
    pub(crate) fn is_abbreviation(&self, word: &str) -> bool {
        let capitalised = word.starts_with(char::is_uppercase);
        let e = self.entry(word);
        e.abbreviation == Some(capitalised) || (capitalised && e.title.is_some())
    }
}

/// True when `[start, end)` is not glued to a letter or digit on either side.
fn is_word_edge(text: &str, start: usize, end: usize) -> bool {
    let before = text.get(..start).and_then(|s| s.chars().next_back());
    let after = text.get(end..).and_then(|s| s.chars().next());
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_ignore_case_and_apostrophe_style() {
        let lex = Lexicon::new();
        assert_eq!(lex.entry("He").pronoun, Some(Gender::Male));
        assert_eq!(lex.entry("Spokeswoman").role, Some(Gender::Female));
        assert!(lex.entry("maj.").title.is_some());
        assert!(lex.entry("Lodewick").title.is_none());
        assert!(lex.entry("Kabulov’s").first_name.is_none());
        assert!(lex.is_abbreviation("Ill.") && !lex.is_abbreviation("ill."));
    }

    #[test]
    fn cue_phrases_match_whole_words_only() {
        let lex = Lexicon::new();
        let text = "According to him, she resaid it and told us";
        let found: Vec<&str> = lex.cues(text).iter().map(|m| &text[m.start..m.end]).collect();
        assert_eq!(found, ["According to", "told"]);
    }
}
