//! The lines of a scraped text and what can be measured on each alone:
//! length, case, how it ends, whether it repeats.

use std::collections::HashMap;

/// Lines with at most this many units are short enough to be menu items or
/// labels; only those count as repeated.
pub(super) const SHORT_UNITS: u32 = 12;

/// How a line ends, ignoring closing quotes and brackets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Ending {
    /// A full stop: `.`, `…`, `。`.
    Stop,
    /// A question or exclamation mark, which headlines use too.
    Mark,
    /// A colon, as a quote intro or a label does.
    Colon,
    /// A dash, as a dateline does ("KABUL, Afghanistan —").
    Dash,
    /// Anything else: headlines, menus, truncated captions.
    Other,
}

/// One non-blank line and its measures.
#[derive(Clone, Debug)]
pub(super) struct Line {
    /// Byte offset of the first non-space character.
    pub start: usize,
    /// Byte offset one past the last non-space character.
    pub end: usize,
    /// Words holding a letter or digit, plus half the CJK characters (CJK
    /// text has no spaces to count words by).
    pub units: u32,
    /// Words whose first letter is uppercase.
    pub capitalized: u32,
    /// How the line ends.
    pub ending: Ending,
    /// Summed weight of the cue phrases found in the line.
    pub cue: u8,
    /// The line begins with a line-start cue ("Source:", "By").
    pub start_cue: bool,
    /// The line is a heading that opens a furniture section ("Related").
    pub section: bool,
    /// The line is a heading that opens the comment thread.
    pub thread: bool,
    /// The same short line occurs elsewhere in the text (menus, labels).
    pub repeated: bool,
}

impl Line {
    /// The line ends like a sentence.
    pub(super) fn is_prose(&self) -> bool {
        matches!(self.ending, Ending::Stop | Ending::Mark)
    }

    /// Most words start lowercase, as running prose does (and as text in
    /// scripts without case does).
    pub(super) fn is_mostly_lowercase(&self) -> bool {
        self.capitalized * 2 < self.units
    }
}

/// The non-blank lines of `text`, measured, with repeats marked.
pub(super) fn scan(text: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut from = 0;
    let bytes = text.as_bytes();
    loop {
        let to = memchr::memchr(b'\n', &bytes[from..]).map_or(text.len(), |i| from + i);
        if let Some(line) = measure(text, from, to) {
            lines.push(line);
        }
        if to == text.len() {
            break;
        }
        from = to + 1;
    }
    mark_repeats(text, &mut lines);
    lines
}

/// Measures `text[from..to]` (a line without its newline); `None` when blank.
fn measure(text: &str, from: usize, to: usize) -> Option<Line> {
    let raw = &text[from..to];
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return None;
    }
    let start = from + (raw.len() - raw.trim_start().len());
    let (mut words, mut capitalized, mut cjk) = (0u32, 0u32, 0u32);
    let mut in_word = false;
    let (mut word_counted, mut word_cased) = (false, false);
    for c in trimmed.chars() {
        if c.is_whitespace() {
            in_word = false;
            continue;
        }
        if !in_word {
            in_word = true;
            word_counted = false;
            word_cased = false;
        }
        if c.is_alphanumeric() {
            if !word_counted {
                word_counted = true;
                words += 1;
            }
            if !word_cased && c.is_alphabetic() {
                word_cased = true;
                capitalized += u32::from(c.is_uppercase());
            }
            cjk += u32::from(is_cjk(c));
        }
    }
    Some(Line {
        start,
        end: start + trimmed.len(),
        units: words + cjk / 2,
        capitalized,
        ending: ending(trimmed),
        cue: 0,
        start_cue: false,
        section: false,
        thread: false,
        repeated: false,
    })
}

/// Han, kana and the CJK punctuation-free scripts counted by character.
fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}')
}

fn ending(line: &str) -> Ending {
    // A line wrapped in brackets is an aside from the page ("(Note: ...)"),
    // not a sentence of the story, whatever ends it inside.
    if line.starts_with('(') && line.trim_end_matches('.').ends_with(')') {
        return Ending::Other;
    }
    let core = line.trim_end_matches(['"', '\'', '”', '’', '»', ')', ']', '*', ' ']);
    match core.chars().next_back() {
        Some('.' | '…' | '。') => Ending::Stop,
        Some('!' | '?' | '！' | '？') => Ending::Mark,
        Some(':' | '：') => Ending::Colon,
        Some('—' | '–' | '-') => Ending::Dash,
        _ => Ending::Other,
    }
}

fn mark_repeats(text: &str, lines: &mut [Line]) {
    let mut seen: HashMap<&str, u32> = HashMap::new();
    for line in lines.iter().filter(|l| l.units <= SHORT_UNITS) {
        *seen.entry(&text[line.start..line.end]).or_default() += 1;
    }
    for line in lines.iter_mut().filter(|l| l.units <= SHORT_UNITS) {
        line.repeated = seen.get(&text[line.start..line.end]).is_some_and(|&n| n > 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_lines_are_skipped_and_spans_are_trimmed() {
        let text = "  Hello world.  \n\n\u{a0}\nNext";
        let lines = scan(text);
        assert_eq!(lines.len(), 2);
        assert_eq!(&text[lines[0].start..lines[0].end], "Hello world.");
        assert_eq!(&text[lines[1].start..lines[1].end], "Next");
    }

    #[test]
    fn endings_ignore_closing_quotes() {
        assert_eq!(ending("he said “no.”"), Ending::Stop);
        assert_eq!(ending("Is it over?"), Ending::Mark);
        assert_eq!(ending("The official responded:"), Ending::Colon);
        assert_eq!(ending("KABUL, Afghanistan —"), Ending::Dash);
        assert_eq!(ending("A headline"), Ending::Other);
        assert_eq!(ending("(Note: members see one page)."), Ending::Other);
    }

    #[test]
    fn cjk_characters_count_as_half_units() {
        let lines = scan("東京都は新しい計画を発表した。");
        assert_eq!(lines[0].units, 1 + 14 / 2);
    }

    #[test]
    fn identical_short_lines_are_repeats() {
        let lines = scan("Home\nA story line that is long enough.\nHome");
        assert!(lines[0].repeated && lines[2].repeated && !lines[1].repeated);
    }
}
