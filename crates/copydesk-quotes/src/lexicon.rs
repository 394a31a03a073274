//! The word lists under `data/`, parsed once into an automaton (cue phrases)
//! and sorted tables (everything looked up one word at a time).

use std::cmp::Ordering;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

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

/// A table of words, looked up ASCII-case-insensitively by binary search.
pub(crate) struct Table<V> {
    entries: Vec<(Box<str>, V)>,
}

impl<V: Copy> Table<V> {
    /// Parses a data file: one entry a line, `#` comments, the value read
    /// from the line's tab-separated columns by `value`.
    fn parse(src: &str, value: impl Fn(&[&str]) -> V) -> Table<V> {
        let mut entries: Vec<(Box<str>, V)> =
            data_lines(src).map(|cols| (cols[0].into(), value(&cols))).collect();
        entries.sort_by(|a, b| cmp_ci(&a.0, &b.0));
        entries.dedup_by(|a, b| cmp_ci(&a.0, &b.0) == Ordering::Equal);
        Table { entries }
    }

    /// The value of `word`, if listed.
    pub(crate) fn get(&self, word: &str) -> Option<V> {
        self.entries.binary_search_by(|(k, _)| cmp_ci(k, word)).ok().map(|i| self.entries[i].1)
    }

    /// True when `word` is listed.
    pub(crate) fn has(&self, word: &str) -> bool {
        self.get(word).is_some()
    }
}

/// Compares two strings as if both were ASCII-lowercased, with the curly
/// apostrophe read as a straight one.
fn cmp_ci(a: &str, b: &str) -> Ordering {
    fold(a).cmp(fold(b))
}

fn fold(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars().map(|c| if c == '\u{2019}' { '\'' } else { c.to_ascii_lowercase() })
}

/// The non-comment, non-blank lines of a data file, split on tabs.
fn data_lines(src: &str) -> impl Iterator<Item = Vec<&str>> {
    src.lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

/// Every word list, compiled.
pub(crate) struct Lexicon {
    cues: AhoCorasick,
    cue_class: Vec<CueClass>,
    pub(crate) titles: Table<Gender>,
    pub(crate) roles: Table<Gender>,
    pub(crate) pronouns: Table<Gender>,
    pub(crate) between: Table<()>,
    pub(crate) not_speakers: Table<()>,
    /// Organisation words; `true` for dates ("Thursday").
    pub(crate) org_words: Table<bool>,
    /// Cue forms that are also plural nouns ("claims").
    pub(crate) cue_nouns: Table<()>,
    pub(crate) first_names: Table<Gender>,
    pub(crate) abbreviations: Table<bool>,
    pub(crate) clause_openers: Table<()>,
    pub(crate) determiners: Table<bool>,
}

/// A cue phrase found in the text.
#[derive(Clone, Copy, Debug)]
pub(crate) struct CueMatch {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) class: CueClass,
}

impl Lexicon {
    pub(crate) fn new() -> Lexicon {
        let mut phrases = Vec::new();
        let mut cue_class = Vec::new();
        let mut cue_nouns = String::new();
        for cols in data_lines(include_str!("../data/cues.txt")) {
            if cols.get(2) == Some(&"noun") {
                cue_nouns.push_str(cols[0]);
                cue_nouns.push('\n');
            }
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
        let cues = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&phrases)
            .expect("cue phrases compile");
        let flag = |_: &[&str]| ();
        // An abbreviation listed capitalised ("Ill.") is not its lowercase
        // word ("ill.").
        let capitalised = |cols: &[&str]| cols[0].starts_with(char::is_uppercase);
        Lexicon {
            cues,
            cue_class,
            titles: Table::parse(include_str!("../data/titles.txt"), Gender::parse),
            roles: Table::parse(include_str!("../data/roles.txt"), Gender::parse),
            pronouns: Table::parse(include_str!("../data/pronouns.txt"), Gender::parse),
            between: Table::parse(include_str!("../data/between.txt"), flag),
            not_speakers: Table::parse(include_str!("../data/not_speakers.txt"), flag),
            org_words: Table::parse(include_str!("../data/org_words.txt"), |c| c.get(1) == Some(&"date")),
            cue_nouns: Table::parse(&cue_nouns, flag),
            first_names: Table::parse(include_str!("../data/first_names.txt"), Gender::parse),
            abbreviations: Table::parse(include_str!("../data/abbreviations.txt"), capitalised),
            clause_openers: Table::parse(include_str!("../data/clause_openers.txt"), flag),
            determiners: Table::parse(include_str!("../data/determiners.txt"), |c| {
                c.get(1) == Some(&"definite")
            }),
        }
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

    /// True when `word` is a day, a month or the like, never a speaker.
    pub(crate) fn is_date(&self, word: &str) -> bool {
        self.org_words.get(word) == Some(true)
    }

    /// True when `word` (with its final period) is an abbreviation whose
    /// period does not end a sentence.
    pub(crate) fn is_abbreviation(&self, word: &str) -> bool {
        let capitalised = word.starts_with(char::is_uppercase);
        self.abbreviations.get(word).is_some_and(|c| c == capitalised)
            || (capitalised && self.titles.has(word))
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
        assert_eq!(lex.pronouns.get("He"), Some(Gender::Male));
        assert_eq!(lex.roles.get("Spokeswoman"), Some(Gender::Female));
        assert!(lex.titles.has("maj."));
        assert!(!lex.titles.has("Lodewick"));
    }

    #[test]
    fn cue_phrases_match_whole_words_only() {
        let lex = Lexicon::new();
        let text = "According to him, she resaid it and told us";
        let found: Vec<&str> = lex.cues(text).iter().map(|m| &text[m.start..m.end]).collect();
        assert_eq!(found, ["According to", "told"]);
    }
}
