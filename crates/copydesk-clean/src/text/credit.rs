//! Captions: photo credits that close one ("... in Montecito. (Image:
//! GETTY)", "... Kathrin Ziegler/Getty"), the `data/text_credit.txt` table,
//! found by the furniture automaton of `cues.rs` in its one pass over the
//! text; and the labels and gallery counters that open one ("Image caption
//! ...", "Image 2 of 5"), the `data/text_caption.txt` table, tried with the
//! other line openings; and the caption on the line above a credit that
//! stands alone on its own.

use super::line::Line;

const CREDITS: &str = include_str!("../../data/text_credit.txt");
const OPENERS: &str = include_str!("../../data/text_caption.txt");

/// The credited names after a label take at most this many words.
const CREDITED_WORDS: usize = 6;

/// A credited line this short is the credit alone, on a line of its own
/// under the caption it belongs to ("Sakib Ali/Hindustan Times/Getty
/// Images").
const CREDIT_LINE_UNITS: u32 = 8;
/// A caption above such a credit has at most this many units.
const CAPTION_UNITS: u32 = 45;

/// Marks as captions the lines right above a credit that stands alone on
/// its line (`credited`: the indices of those lines, in order): scraped
/// text may give a picture's caption and its credit a line each.
pub(super) fn mark_captions_above(credited: &[usize], lines: &mut [Line]) {
    for &i in credited {
        let above = i.checked_sub(1).map(|j| &lines[j]);
        if lines[i].units <= CREDIT_LINE_UNITS
            && above.is_some_and(|l| l.is_prose() && l.units <= CAPTION_UNITS)
        {
            lines[i - 1].caption = true;
        }
    }
}

/// Marks as credits the lines right below a credit's label that makes a
/// line alone (`bare_labels`: the indices of those lines, in order), when
/// short enough to be the credited names: "Photo:" on one line, "Jane
/// Doe/Reuters" on the next, as a page's separate spans are scraped.
pub(super) fn mark_credits_below(bare_labels: &[usize], lines: &mut [Line]) {
    for &i in bare_labels {
        if let Some(below) = lines.get_mut(i + 1).filter(|l| l.units as usize <= CREDITED_WORDS) {
            below.caption = true;
        }
    }
}

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
    tagged(CREDITS).map(|(phrase, tag)| (phrase, if tag == "end" { Closing::End } else { Closing::Label }))
}

/// How a phrase at the start of a line opens a caption.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Opener {
    /// The caption's text follows it ("Image caption ...").
    Label,
    /// A count of the gallery's pictures follows it ("Image 2 of 5").
    Counter,
}

/// The caption openers: each phrase, lowercase, and how it opens one.
pub(super) fn openers() -> impl Iterator<Item = (String, Opener)> {
    tagged(OPENERS)
        .map(|(phrase, tag)| (phrase, if tag == "counter" { Opener::Counter } else { Opener::Label }))
}

/// The rows of a table of phrases: each phrase, lowercase, and the tag in
/// its second column ("" when it has none).
fn tagged(table: &'static str) -> impl Iterator<Item = (String, &'static str)> {
    crate::table::rows(table)
        .map(|cols| (cols[0].trim().to_ascii_lowercase(), cols.get(1).map_or("", |t| t.trim())))
}

/// True when `rest` (a line, or what follows a counter phrase in it) opens
/// with a gallery's count: "2 of 5", perhaps with the caption after it, or
/// "2 / 5" alone. The picture's number is at most the pictures', and a
/// slash without a space before it is a rating, a date or "24/7".
pub(super) fn opens_with_count(rest: &[u8]) -> bool {
    let rest = rest.trim_ascii_start();
    let Some((shown, rest)) = number(rest) else { return false };
    let (slash, rest) = if let Some(r) =
        rest.strip_prefix(b" ").map(<[u8]>::trim_ascii_start).and_then(|r| r.strip_prefix(b"/"))
    {
        (true, r)
    } else if let Some(r) = rest.trim_ascii_start().strip_prefix(b"of ") {
        (false, r)
    } else {
        return false;
    };
    let Some((of, after)) = number(rest.trim_ascii_start()) else { return false };
    let ends =
        if slash { after.trim_ascii().is_empty() } else { after.first().is_none_or(u8::is_ascii_whitespace) };
    (1..=of).contains(&shown) && ends
}

/// The number a run of up to three digits at the start of `bytes` makes,
/// and what follows it.
fn number(bytes: &[u8]) -> Option<(u32, &[u8])> {
    let len = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    if len == 0 || len > 3 {
        return None;
    }
    let value = bytes[..len].iter().fold(0, |n, b| n * 10 + u32::from(b - b'0'));
    Some((value, &bytes[len..]))
}

impl Closing {
    /// True when the credit phrase, with `before` it on its line, makes
    /// the line a credit alone: a label opens it ("(Image credit: NASA)"),
    /// or only names precede a closing agency ("Sakib Ali/Hindustan
    /// Times/Getty Images"); a caption's words would be lowercase.
    pub(super) fn stands_alone(self, before: &str) -> bool {
        match self {
            Closing::Label => before.trim_start_matches(['(', '[', ' ']).is_empty(),
            Closing::End => before.split_whitespace().all(|w| !w.starts_with(char::is_lowercase)),
        }
    }

    /// True when `phrase` is a label with a colon ("Photo:") and nothing
    /// but `rest`, blank, follows it on its line: the names are on the next.
    pub(super) fn is_bare_label(self, phrase: &str, rest: &str) -> bool {
        self == Closing::Label && phrase.ends_with(':') && rest.trim().is_empty()
    }

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
    use crate::text::cues::marked;

    fn closes(line: &str) -> bool {
        marked(line)[0].caption
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
            "Traders on the floor of the exchange on Monday. REUTERS/Ann Lee/File Photo",
            "The senator speaks at the Capitol on July 25. J. Doe / AP file",
            "Ann P. Lee Submitted photo",
        ] {
            assert!(closes(line), "{line}");
        }
    }

    /// Which lines of `text` are marked as captions.
    fn captions(text: &str) -> Vec<bool> {
        marked(text).iter().map(|l| l.caption).collect()
    }

    #[test]
    fn the_sentence_above_a_credit_on_its_own_line_is_its_caption() {
        for credit in ["Ann Lee/City Times/Getty Images", "(Image credit: NASA)", "Photo by Ann Lee"] {
            let text = format!("Smoke from the fires drifts over the city on Sunday.\n{credit}\n");
            assert_eq!(captions(&text), [true, true], "{credit}");
        }
    }

    #[test]
    fn a_caption_closed_by_its_credit_leaves_the_paragraph_above_it_alone() {
        let text = "The council voted to close the plant on Monday.\n\
                    The plant at dusk (Image: GETTY)\n\
                    The plant's owners said they would appeal, as staff were told of the vote.\n\
                    Image copyright Getty Images\n";
        assert_eq!(captions(text), [false, true, false, true]);
    }

    #[test]
    fn a_credit_label_alone_on_its_line_credits_the_short_line_under_it() {
        let text = "Ann Lee\nPhoto:\nfrom the family's album\nAccount: @annlee\n\
                    The plant at dusk\nФото:\nличный архив Анны\n";
        assert_eq!(captions(text), [false, true, true, false, false, true, true]);
    }

    #[test]
    fn a_credit_label_alone_leaves_a_long_line_under_it_alone() {
        let text = "Photo:\nThe council voted on Monday to close the plant, and its owners said they would appeal.\n";
        assert_eq!(captions(text), [true, false]);
    }

    #[test]
    fn captions_opened_by_a_label_or_a_gallery_count_are_marked() {
        for line in [
            "Image caption The singer has managed several acts throughout his career",
            "Media caption Who is the new minister?",
            "Image 2 of 5",
            "FILE PHOTO: Traders work on the floor of the exchange in New York, November 18, 2019.",
            "1 of 4 A shopper looks at extension cords at a hardware store on Tuesday.",
            "3 /  4",
        ] {
            assert!(closes(line), "{line}");
        }
    }

    #[test]
    fn counts_that_are_no_gallery_counter_open_no_caption() {
        for line in [
            "24/7 customer service",
            "11/13/19 9:00AM",
            "1/2 tsp ground cloves",
            "Image quality matters more than the sensor's size, the tests show.",
            "7 of 5 stars",
            "5/5",
            "2 offers from $19",
        ] {
            assert!(!closes(line), "{line}");
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
