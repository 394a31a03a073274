//! Photo credits that close a caption ("... in Montecito. (Image: GETTY)",
//! "... Kathrin Ziegler/Getty"): the `data/text_credit.txt` table, found
//! by the furniture automaton of `cues.rs` in its one pass over the text.

const CREDITS: &str = include_str!("../../data/text_credit.txt");

/// The credited names after a label take at most this many words.
const CREDITED_WORDS: usize = 6;

/// How a credit phrase closes a caption.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Closing {
    /// The credited names follow it ("Credit: NASA").
    Label,
    /// The line ends with it ("Getty Images").
    End,
}

/// The table: each phrase, lowercase, and how it closes a caption.
pub(super) fn entries() -> impl Iterator<Item = (String, Closing)> {
    CREDITS.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')).map(|l| {
        let (phrase, how) = l.split_once('\t').unwrap_or((l, "label"));
        let closing = if how.trim() == "end" { Closing::End } else { Closing::Label };
        (phrase.trim().to_ascii_lowercase(), closing)
    })
}

impl Closing {
    /// True when `phrase`, found in a line with `rest` after it, closes the
    /// line as a credit: a label and a few words with no full stop between
    /// (capitalized names, after a label without a colon, which reads as
    /// prose too: "the photo by the fountain"), or a phrase that ends it.
    pub(super) fn closes(self, phrase: &str, rest: &str) -> bool {
        let rest = rest.trim_end_matches([')', ']', '.', ' ']);
        match self {
            Closing::End => rest.is_empty(),
            Closing::Label => {
                let named = phrase.ends_with(':')
                    || rest.split_whitespace().all(|w| !w.starts_with(char::is_lowercase));
                let words = rest.split_whitespace().count();
                named && (1..=CREDITED_WORDS).contains(&words) && !rest.contains(". ")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::text::{cues::Cues, line::scan};

    fn closes(line: &str) -> bool {
        let mut lines = scan(line);
        Cues::new().mark(line, &mut lines);
        lines[0].credit
    }

    #[test]
    fn captions_closed_by_a_credit_are_marked() {
        for line in [
            "Scooter Braun poses for a photo in Montecito, Calif. (Image: GETTY)",
            "The road to retiring early isn't easy. Kathrin Ziegler/Getty",
            "The lander on the pad. Credit: NASA",
            "Protesters march on the capital. Photograph: Jeenah Moon/Bloomberg via Getty Images",
            "More people are expected to receive notice (Credit: iStock)",
            "The old mill at dusk, seen from the river. Photo by Ann Lee",
        ] {
            assert!(closes(line), "{line}");
        }
    }

    #[test]
    fn sentences_that_name_a_credit_or_an_agency_are_no_caption() {
        for line in [
            "The agency told Reuters on Monday that the talks had stalled.",
            "Photo: the council's plan drew 300 objections. The vote is next week.",
            "Her credit: a decade of work on the estuary, and a book about it that sold well.",
            "He photographed the ice sheet for the image: every week for a year, at dawn.",
            "The mayor said the photo by the fountain was taken last spring.",
            "Visitors to Gettysburg said the photo bylines were wrong.",
        ] {
            assert!(!closes(line), "{line}");
        }
    }
}
