//! Cue phrases: the `data/text_*.txt` tables compiled into one aho-corasick
//! automaton, run once over the whole text, each hit credited to its line.

use std::collections::BTreeMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::line::Line;

const FURNITURE: &str = include_str!("../../data/text_furniture.txt");
const LINE_START: &str = include_str!("../../data/text_line_start.txt");
const SECTION: &str = include_str!("../../data/text_section.txt");
const THREAD: &str = include_str!("../../data/text_thread.txt");

/// Headings are short: a longer line that begins with "Related" or
/// "Comments" is a sentence.
const HEADING_UNITS: u32 = 10;

/// What one phrase means, merged over the tables that list it.
#[derive(Clone, Copy, Default)]
struct Meaning {
    /// Weight of a hit anywhere in a line (0: not in the furniture table).
    anywhere: u8,
    /// Weight of a hit at the start of a line (0: not a line-start cue).
    start: u8,
    /// The phrase opens a furniture section when it starts a short line.
    section: bool,
    /// The phrase opens the comment thread when it starts a short line.
    thread: bool,
}

/// The compiled cue tables.
pub(super) struct Cues {
    automaton: AhoCorasick,
    meanings: Vec<Meaning>,
}

impl Cues {
    /// Compiles the tables.
    pub(super) fn new() -> Cues {
        let mut phrases: BTreeMap<String, Meaning> = BTreeMap::new();
        for (phrase, weight) in entries(FURNITURE) {
            phrases.entry(phrase).or_default().anywhere = weight;
        }
        for (phrase, weight) in entries(LINE_START) {
            phrases.entry(phrase).or_default().start = weight;
        }
        for (phrase, _) in entries(SECTION) {
            phrases.entry(phrase).or_default().section = true;
        }
        for (phrase, _) in entries(THREAD) {
            phrases.entry(phrase).or_default().thread = true;
        }
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(phrases.keys())
            .expect("the cue tables compile");
        Cues { automaton, meanings: phrases.into_values().collect() }
    }

    /// Adds every cue hit in `text` to the line it falls in. `lines` are the
    /// non-blank lines of `text`, in order.
    pub(super) fn mark(&self, text: &str, lines: &mut [Line]) {
        let bytes = text.as_bytes();
        let mut i = 0;
        for m in self.automaton.find_iter(text) {
            if !on_word_boundaries(bytes, m.start(), m.end()) {
                continue;
            }
            while i < lines.len() && lines[i].end <= m.start() {
                i += 1;
            }
            let Some(line) = lines.get_mut(i) else { break };
            if m.start() < line.start {
                continue;
            }
            let meaning = self.meanings[m.pattern().as_usize()];
            line.cue = line.cue.saturating_add(meaning.anywhere);
            if m.start() == line.start {
                line.cue = line.cue.saturating_add(meaning.start);
                line.start_cue |= meaning.start > 0;
            }
            if line.units <= HEADING_UNITS && m.start() == after_count(bytes, line.start) {
                line.section |= meaning.section;
                line.thread |= meaning.thread;
            }
        }
    }
}

/// Where a heading's words begin: after a leading count ("34 Comments"),
/// if any.
fn after_count(bytes: &[u8], start: usize) -> usize {
    let rest = bytes.get(start..).unwrap_or_default();
    start + rest.iter().take_while(|b| b.is_ascii_digit() || matches!(b, b' ' | b'(' | b')')).count()
}

/// The entries of a table: phrase (lowercased) and weight (2 unless a
/// second column says otherwise).
fn entries(table: &'static str) -> impl Iterator<Item = (String, u8)> {
    table.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')).map(|l| {
        let mut cols = l.split('\t');
        let phrase = cols.next().unwrap_or_default().trim().to_ascii_lowercase();
        let weight = cols.next().and_then(|w| w.trim().parse().ok()).unwrap_or(2);
        (phrase, weight)
    })
}

/// True when the match neither starts nor ends inside a word: a phrase that
/// begins (ends) with a letter or digit must not continue one.
fn on_word_boundaries(bytes: &[u8], start: usize, end: usize) -> bool {
    let word = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_alphanumeric);
    let glued_before = start > 0 && word(start) && word(start - 1);
    let glued_after = end > 0 && word(end - 1) && word(end);
    !glued_before && !glued_after
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_entry_is_lowercase_ascii_or_symbol() {
        for table in [FURNITURE, LINE_START, SECTION, THREAD] {
            for (phrase, weight) in entries(table) {
                assert!(!phrase.is_empty());
                assert!(weight == 1 || weight == 2, "{phrase}: weight {weight}");
            }
        }
    }

    #[test]
    fn phrase_inside_a_longer_word_is_no_hit() {
        let b = b"designing";
        assert!(!on_word_boundaries(b, 2, 6));
        assert!(on_word_boundaries(b"sign in", 0, 4));
        assert!(on_word_boundaries(b"see image.png", 9, 13));
    }
}
