//! Photo credits that close a caption ("... in Montecito. (Image: GETTY)",
//! "... Kathrin Ziegler/Getty"): the `data/text_credit.txt` table compiled
//! into one automaton, run over the end of each line.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use super::line::Line;

const CREDITS: &str = include_str!("../../data/text_credit.txt");

/// A credit closes its caption: only this many bytes at the end of a line
/// are searched.
const TAIL_BYTES: usize = 96;
/// The credited names after a label take at most this many words.
const CREDITED_WORDS: usize = 6;

/// The compiled credit table.
pub(super) struct Credits {
    automaton: AhoCorasick,
    /// Per phrase: the line ends with it (else names follow it).
    ends_line: Vec<bool>,
}

impl Credits {
    /// Compiles the table.
    pub(super) fn new() -> Credits {
        let (phrases, ends_line): (Vec<String>, Vec<bool>) = CREDITS
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .map(|l| {
                let (phrase, how) = l.split_once('\t').unwrap_or((l, "label"));
                (phrase.trim().to_ascii_lowercase(), how.trim() == "end")
            })
            .unzip();
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&phrases)
            .expect("the credit table compiles");
        Credits { automaton, ends_line }
    }

    /// Sets `credit` on each line that a photo credit closes.
    pub(super) fn mark(&self, text: &str, lines: &mut [Line]) {
        for line in lines.iter_mut() {
            line.credit = self.closes(&text[line.start..line.end]);
        }
    }

    /// True when `line` ends with a credit: a label and a few words with no
    /// full stop between, or a phrase that closes the line.
    fn closes(&self, line: &str) -> bool {
        let mut from = line.len().saturating_sub(TAIL_BYTES);
        while !line.is_char_boundary(from) {
            from += 1;
        }
        let tail = &line[from..];
        self.automaton.find_iter(tail).any(|m| {
            let glued = tail[..m.start()].chars().next_back().is_some_and(char::is_alphanumeric)
                && tail[m.start()..].starts_with(char::is_alphanumeric);
            let rest = tail[m.end()..].trim_end_matches([')', ']', '.', ' ']);
            if glued {
                false
            } else if self.ends_line[m.pattern().as_usize()] {
                rest.is_empty()
            } else {
                // Without a colon the label reads as prose too ("the photo
                // by the fountain"): names follow it, capitalized.
                let named = tail[..m.end()].ends_with(':')
                    || rest.split_whitespace().all(|w| !w.starts_with(char::is_lowercase));
                let words = rest.split_whitespace().count();
                named && (1..=CREDITED_WORDS).contains(&words) && !rest.contains(". ")
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captions_closed_by_a_credit_are_marked() {
        let credits = Credits::new();
        for line in [
            "Scooter Braun poses for a photo in Montecito, Calif. (Image: GETTY)",
            "The road to retiring early isn't easy. Kathrin Ziegler/Getty",
            "The lander on the pad. Credit: NASA",
            "Protesters march on the capital. Photograph: Jeenah Moon/Bloomberg via Getty Images",
            "More people are expected to receive notice (Credit: iStock)",
            "The old mill at dusk, seen from the river. Photo by Ann Lee",
        ] {
            assert!(credits.closes(line), "{line}");
        }
    }

    #[test]
    fn sentences_that_name_a_credit_or_an_agency_are_no_caption() {
        let credits = Credits::new();
        for line in [
            "The agency told Reuters on Monday that the talks had stalled.",
            "Photo: the council's plan drew 300 objections. The vote is next week.",
            "Her credit: a decade of work on the estuary, and a book about it that sold well.",
            "He photographed the ice sheet for the image: every week for a year, at dawn.",
            "The mayor said the photo by the fountain was taken last spring.",
        ] {
            assert!(!credits.closes(line), "{line}");
        }
    }
}
