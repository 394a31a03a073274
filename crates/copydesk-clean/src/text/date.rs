//! Date and time stamps on a line of their own ("Tuesday November 19,
//! 2019", "2 days ago at 08:12 am"): the bylines of teasers and comments,
//! and the story's own byline when one closes it.
//! A story's own date is metadata, not a paragraph.

use std::collections::HashMap;

const DATE_WORDS: &str = include_str!("../../data/text_date.txt");

/// The longest ASCII word folded without allocating.
const WORD_BYTES: usize = 16;
/// A stamp is short: a longer line that names a date is a sentence.
pub(super) const STAMP_UNITS: u32 = 16;
/// A byline that a stamp closes has at most this many units.
pub(super) const BYLINE_UNITS: u32 = 24;
/// Marks that set a byline off from the stamp before it.
const BYLINE_SEPARATORS: &[char] = &['|', '•', '·', '-', '—', '–', ','];

/// The words of `data/text_date.txt`: true for those that make a stamp.
pub(super) struct DateWords(HashMap<String, bool>);

impl DateWords {
    /// Loads the table.
    pub(super) fn new() -> DateWords {
        let words = crate::table::rows(DATE_WORDS)
            .map(|cols| (cols[0].trim().to_lowercase(), cols.get(1).is_some_and(|c| c.trim() == "1")));
        DateWords(words.collect())
    }

    /// True when `line` is numbers and date words only, with a number and
    /// a word that makes a stamp (a month, a weekday, "ago").
    pub(super) fn is_stamp(&self, line: &str) -> bool {
        // Most short lines (menus, labels) hold no digit: skipped unread.
        if !line.bytes().any(|b| b.is_ascii_digit()) {
            return false;
        }
        let mut anchor = false;
        for word in line.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
            if word.starts_with(|c: char| c.is_ascii_digit()) {
                // "19", "19th", "17H", "8:21" (split at the colon).
                continue;
            }
            match self.get(word) {
                Some(stamp) => anchor |= stamp,
                None => return false,
            }
        }
        anchor
    }

    /// True when `word` is a word of the table ("on", "March", "ago").
    pub(super) fn is_date_word(&self, word: &str) -> bool {
        self.get(word).is_some()
    }

    /// Whether `word`, in any case, makes a stamp; `None` when it is no
    /// word of the table.
    fn get(&self, word: &str) -> Option<bool> {
        if word.len() <= WORD_BYTES && word.is_ascii() {
            // Folded in place: no allocation for the common case.
            let mut folded = [0u8; WORD_BYTES];
            let folded = &mut folded[..word.len()];
            folded.copy_from_slice(word.as_bytes());
            folded.make_ascii_lowercase();
            std::str::from_utf8(folded).ok().and_then(|w| self.0.get(w)).copied()
        } else {
            self.0.get(&word.to_lowercase()).copied()
        }
    }

    /// True when `line` is a byline that dates the story: its first word
    /// (the cue, "By"), names (words that start uppercase), then a stamp
    /// ("By Ann Lee on Monday, November 18th, 2019 at 11:04 a.m.", "by Ann
    /// Lee | May 19, 2024"). A caption or a sentence that ends with a date
    /// has lowercase words before it.
    pub(super) fn is_dated_byline(&self, line: &str) -> bool {
        self.stamp_start(line).is_some_and(|at| {
            line[..at]
                .split_whitespace()
                .skip(1)
                .all(|word| !word.chars().find(|c| c.is_alphabetic()).is_some_and(char::is_lowercase))
        })
    }

    /// Where the byline starts in a `line` that opens with a stamp and goes
    /// on with a byline's label and names: the story's date, then its
    /// authors ("October 11, 2023 by Jane Doe", "May 18, 2023 | By Sara
    /// Harberson"). `None` for any other line.
    pub(super) fn stamped_byline(&self, line: &str) -> Option<usize> {
        // A stamp holds a figure and opens with one or a date word: most
        // short lines (menus, labels) end here, unread.
        let first = line.split_whitespace().next().filter(|_| line.bytes().any(|b| b.is_ascii_digit()))?;
        if !first.starts_with(|c: char| c.is_ascii_digit())
            && !self.is_date_word(first.trim_matches(|c: char| !c.is_alphanumeric()))
        {
            return None;
        }
        let is_lower = |word: &&str| word.chars().find(|c| c.is_alphabetic()).is_some_and(char::is_lowercase);
        line.split_whitespace().skip(1).find_map(|word| {
            let at = word.as_ptr() as usize - line.as_ptr() as usize;
            let rest = line[at..].trim_start_matches(BYLINE_SEPARATORS).trim_start();
            // A capitalised name after the label; particles ("de") and
            // roles after it may be lowercase.
            let named = || rest.split_whitespace().skip(1).any(|w| !is_lower(&w));
            (crate::meta::author::opens_with_prefix(rest)
                && named()
                && self.is_stamp(line[..at].trim_end().trim_end_matches(BYLINE_SEPARATORS)))
            .then(|| line.len() - rest.len())
        })
    }

    /// Where the stamp that closes `line` starts: the byte offset of the
    /// first word after the first from which the rest of the line is a
    /// stamp ("on Monday, November 18th, 2019", "| May 19, 2024").
    pub(super) fn stamp_start(&self, line: &str) -> Option<usize> {
        // A stamp holds a figure: a line without one is not read word by
        // word.
        if !line.bytes().any(|b| b.is_ascii_digit()) {
            return None;
        }
        line.split_whitespace()
            .skip(1)
            .map(|word| word.as_ptr() as usize - line.as_ptr() as usize)
            .find(|&at| self.is_stamp(&line[at..]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stamp_then_a_byline_is_a_stamped_byline() {
        let words = DateWords::new();
        for line in [
            "October 11, 2023 by Jane Doe",
            "May 18, 2023 | By Sara Harberson",
            "Tuesday November 19, 2019 — By Ann Lee",
        ] {
            assert!(words.stamped_byline(line).is_some(), "{line}");
        }
        for line in [
            "October 11, 2023 by the river",
            "10 Best Laptops by Price",
            "Home | News by Region",
            "March 2024: written by hand",
            "Rivers rise by 2 metres",
        ] {
            assert!(words.stamped_byline(line).is_none(), "{line}");
        }
    }

    #[test]
    fn dates_and_relative_times_are_stamps() {
        let words = DateWords::new();
        for line in [
            "Tuesday November 19, 2019",
            "17H ago",
            "2 days ago at 08:12 am",
            "Updated Nov. 19, 2019 8:21 am ET / Original Nov. 19, 2019 8:02 am ET",
            "Published 18 November 2019",
            "15 Dec, 2025",
            "12 de marzo de 2024",
            "24 сентября 2018",
        ] {
            assert!(words.is_stamp(line), "{line}");
        }
    }

    #[test]
    fn a_byline_of_names_closed_by_a_stamp_is_dated() {
        let words = DateWords::new();
        for line in [
            "By Ann Lee on Monday, November 18th, 2019 at 11:04 a.m.",
            "By Ann Lee , Bo Chen on Monday, November 18th, 2019 at 11:08 a.m.",
            "by Ann Lee | May 19, 2024",
            "By Ann Lee — November 18, 2019",
            "Текст: Анна Ли · 24 сентября 2018",
        ] {
            assert!(words.is_dated_byline(line), "{line}");
        }
        for line in [
            "© Ann Lee Migrants wait at the border crossing in Tijuana, on May 18, 2018.",
            "This post was last updated July 2021.",
            "By the way, we met on May 19, 2024.",
            "By Ann Lee",
            "November 18, 2019",
        ] {
            assert!(!words.is_dated_byline(line), "{line}");
        }
    }

    #[test]
    fn numbers_alone_and_sentences_are_no_stamps() {
        let words = DateWords::new();
        for line in ["12/1/2020", "2019", "Tuesday", "May 6 was the day it rained", "3 min read", "Chapter 5"]
        {
            assert!(!words.is_stamp(line), "{line}");
        }
    }
}
