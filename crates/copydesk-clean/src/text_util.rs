//! Small text helpers shared by the HTML cleaner and the metadata reader.

use crate::table;

/// `text` lower-cased, with every run of non-alphanumeric characters turned
/// into one space: for comparing titles and names.
pub(crate) fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// Month names and other date words (`data/date_words.txt`), and the marks
/// that part a numeric date's fields (`data/date_separators.txt`).
pub(crate) struct DateWords {
    sorted: Vec<(&'static str, u8)>,
    /// The marks between a numeric date's day, month and year.
    pub(crate) separators: Vec<char>,
}

impl DateWords {
    /// Loads the table.
    pub(crate) fn new() -> DateWords {
        let mut sorted: Vec<(&'static str, u8)> = table::rows(include_str!("../data/date_words.txt"))
            .map(|r| (r[0], r.get(1).and_then(|m| m.trim().parse().ok()).unwrap_or(0)))
            .collect();
        sorted.sort_unstable();
        sorted.dedup_by_key(|(w, _)| *w);
        let separators = table::entries(include_str!("../data/date_separators.txt"))
            .filter_map(|s| s.chars().next())
            .collect();
        DateWords { sorted, separators }
    }

    /// `Some(month)` for a month name, `Some(0)` for another date word,
    /// `None` otherwise. `word` must be lower case.
    pub(crate) fn lookup(&self, word: &str) -> Option<u8> {
        let word = word.trim_end_matches('.');
        self.sorted.binary_search_by_key(&word, |(w, _)| w).ok().map(|i| self.sorted[i].1)
    }

    /// True when `text` is only a date, time or reading time, with or
    /// without a label ("Updated: March 5, 2024 at 10:02 a.m. ET", "3 min
    /// read").
    pub(crate) fn is_dateline(&self, text: &str) -> bool {
        if is_clock_time(text) {
            return true;
        }
        let mut words = 0;
        let mut numbers = 0;
        let mut year = false;
        for token in
            text.split(|c: char| !c.is_alphanumeric() && c != '.').filter(|t| !t.trim_matches('.').is_empty())
        {
            let token = token.trim_matches('.');
            if token.bytes().all(|b| b.is_ascii_digit() || b == b'.') || is_ordinal(token) {
                // "23.10.2018" is three numbers, one of them a year.
                for part in token.split('.') {
                    numbers += 1;
                    year |= part.len() == 4 && matches!(part.get(..2), Some("19" | "20"));
                }
            } else if self.lookup(&token.to_lowercase()).is_some() {
                words += 1;
            } else {
                return false;
            }
        }
        // Bare numbers ("4,210") are not a date without a word or a year.
        numbers > 0 && (words > 0 || year) && numbers + words >= 2
    }
}

/// A time of day on its own: "19:49", "7:05 pm", "14:20 Uhr".
fn is_clock_time(text: &str) -> bool {
    let mut parts = text.split_whitespace();
    let Some(clock) = parts.next() else { return false };
    let Some((h, m)) = clock.split_once(':') else { return false };
    let digits = |s: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    let suffix_ok = parts.next().is_none_or(|s| {
        matches!(s.to_lowercase().trim_end_matches('.'), "am" | "pm" | "a.m" | "p.m" | "uhr" | "h")
    });
    digits(h, 1..=2) && digits(m, 2..=2) && suffix_ok && parts.next().is_none()
}

/// "1st", "22nd", "3rd", "4th".
fn is_ordinal(token: &str) -> bool {
    let digits = token.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && matches!(&token[digits..].to_ascii_lowercase()[..], "st" | "nd" | "rd" | "th")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labelled_date_and_time_is_a_dateline() {
        let d = DateWords::new();
        assert!(d.is_dateline("Updated: March 5, 2024 at 10:02 a.m. ET"));
        assert!(d.is_dateline("05.03.2024, 14:20 Uhr"));
        assert!(d.is_dateline("23.10.2018"));
        assert!(d.is_dateline("3 min read"));
        assert!(d.is_dateline("19:49"));
        assert!(d.is_dateline("7:05 pm"));
    }

    #[test]
    fn sentence_with_a_date_is_not_a_dateline() {
        let d = DateWords::new();
        assert!(!d.is_dateline("The council met on March 5, 2024."));
        assert!(!d.is_dateline("Published"));
        assert!(!d.is_dateline("4,210"));
        assert!(!d.is_dateline("4.210"));
        assert!(!d.is_dateline("Ratio 3:2 wins"));
    }

    #[test]
    fn normalize_folds_case_and_punctuation() {
        assert_eq!(normalize("  The Budget: What’s Next? "), "the budget what s next");
    }
}
