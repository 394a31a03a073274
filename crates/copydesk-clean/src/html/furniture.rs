//! Paragraph-level furniture inside the story's container: share and sign-up
//! calls, credits and "related" headings (`data/furniture_phrases.txt`), the
//! headline, byline and dateline that belong in the metadata, and headings
//! left with nothing under them.

use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};

use super::render::{Kind, Para};
use crate::table;
use crate::text_util::{DateWords, normalize};

/// A paragraph shorter than this (in bytes) may be furniture by its wording.
const SHORT_PARAGRAPH: usize = 150;
/// Among the last few paragraphs (past the story's end, where calls to
/// subscribe and publishing notes sit) the limit is longer.
const TAIL_PARAGRAPHS: usize = 3;
const TAIL_PARAGRAPH: usize = 400;
/// A byline or dateline is shorter than this (in bytes).
const SHORT_LINE: usize = 100;
/// A heading that ends the story has at most this many words.
const TAIL_HEADING_WORDS: usize = 6;
/// A paragraph this long (in bytes) with sentence punctuation starts the body.
const BODY_PARAGRAPH: usize = 120;
/// A picture's caption is shorter than this (in bytes) ...
const CAPTION: usize = 300;
/// ... and its credit, after the label, shorter than this.
const CREDIT: usize = 60;

/// The phrase tables, compiled.
pub(crate) struct Furniture {
    /// Phrases that open a furniture block.
    phrases: AhoCorasick,
    /// Blocks that are furniture when they say nothing else, sorted.
    whole: Vec<&'static str>,
    byline: AhoCorasick,
    /// Headings that end the story.
    tail: AhoCorasick,
    /// Credit labels that end a caption.
    credits: AhoCorasick,
}

impl Furniture {
    /// Compiles `data/furniture_phrases.txt` and `data/byline_prefixes.txt`.
    pub(crate) fn new() -> Furniture {
        let entries = || table::entries(include_str!("../../data/furniture_phrases.txt"));
        let mut whole: Vec<&'static str> = entries().filter_map(|p| p.strip_suffix('$')).collect();
        whole.sort_unstable();
        Furniture {
            phrases: anchored(entries().filter(|p| !p.ends_with('$'))),
            whole,
            byline: anchored(
                table::entries(include_str!("../../data/byline_prefixes.txt")).map(|p| p.to_string() + " "),
            ),
            tail: anchored(table::entries(include_str!("../../data/tail_headings.txt"))),
            credits: AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build(table::entries(include_str!("../../data/credit_labels.txt")))
                .expect("credit labels compile"),
        }
    }

    /// True when `text`, shorter than `limit` bytes, opens with a furniture
    /// phrase, or is one of the phrases that must stand alone.
    fn is_phrase(&self, text: &str, limit: usize) -> bool {
        if text.len() >= limit {
            return false;
        }
        let lower = head(text).1;
        let alone = lower.trim_end_matches(|c: char| !c.is_alphanumeric());
        self.phrases.is_match(Input::new(&lower).anchored(Anchored::Yes))
            || self.whole.binary_search(&alone).is_ok()
    }

    /// True when `text` is a picture's caption: short, and ending with a
    /// credit ("... in Beijing. © AFP / Marco Bertorello").
    fn is_caption(&self, text: &str) -> bool {
        text.len() < CAPTION
            && self.credits.find_iter(text).last().is_some_and(|m| text[m.end()..].trim().len() < CREDIT)
    }

    /// True when `p` is a heading (or a short label) that ends the story:
    /// "Related articles", "More from The Daily Example".
    fn ends_story(&self, p: &Para) -> bool {
        let short = p.text.split_whitespace().count() <= TAIL_HEADING_WORDS && !p.text.contains('\n');
        short
            && (matches!(p.kind, Kind::Heading(_)) || !p.text.ends_with(['.', '!', '?']))
            && self.tail.is_match(Input::new(&head(&p.text).1).anchored(Anchored::Yes))
    }

    /// True when `text` is a byline: "By Jane Doe", or one of `authors`.
    pub(crate) fn is_byline(&self, text: &str, authors: &[String]) -> bool {
        if text.len() >= SHORT_LINE {
            return false;
        }
        let (start, lower) = head(text);
        if let Some(m) = self.byline.find(Input::new(&lower).anchored(Anchored::Yes)) {
            // The prefixes are ASCII, so the match covers the same bytes of `start`.
            let rest = start.get(m.end()..).unwrap_or("");
            if rest.chars().next().is_some_and(char::is_uppercase) {
                return true;
            }
        }
        let norm = normalize(text);
        authors.iter().any(|a| !a.is_empty() && norm == normalize(a))
    }
}

fn anchored<I, P>(patterns: I) -> AhoCorasick
where
    I: IntoIterator<Item = P>,
    P: AsRef<[u8]>,
{
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .start_kind(StartKind::Anchored)
        .build(patterns)
        .expect("phrase tables compile")
}

/// `text` past bullets and other leading symbols, and its lower-cased start.
fn head(text: &str) -> (&str, String) {
    const HEAD_CHARS: usize = 64;
    let start = text.trim_start_matches(|c: char| !c.is_alphanumeric() && c != '©' && c != '(');
    let ascii = &start.as_bytes()[..start.len().min(HEAD_CHARS)];
    if ascii.is_ascii() {
        // Mostly so: a byte is a character, lower-cased without tables.
        return (start, String::from_utf8(ascii.to_ascii_lowercase()).unwrap_or_default());
    }
    (start, start.chars().take(HEAD_CHARS).flat_map(char::to_lowercase).collect())
}

/// What the cleaner knows about the page when tidying its paragraphs.
pub(crate) struct Context<'a> {
    /// The headline, normalised.
    pub title: Option<String>,
    /// The credited authors.
    pub authors: &'a [String],
}

/// Drops furniture paragraphs from `paras`.
pub(crate) fn tidy(paras: &mut Vec<Para>, furniture: &Furniture, dates: &DateWords, cx: &Context<'_>) {
    let body_start = paras.iter().position(is_body).unwrap_or(0);
    // A story-ending heading ends the story when less story text follows it
    // than precedes it (a "Read more" box set inside the story does not).
    let body_chars: Vec<usize> = paras
        .iter()
        .scan(0, |sum, p| Some(std::mem::replace(sum, *sum + if is_body(p) { p.text.len() } else { 0 })))
        .collect();
    let total = paras.iter().filter(|p| is_body(p)).map(|p| p.text.len()).sum::<usize>();
    if let Some(end) = (body_start + 1..paras.len())
        .find(|&i| furniture.ends_story(&paras[i]) && total - body_chars[i] < body_chars[i])
    {
        paras.truncate(end);
    }
    let mut index = 0;
    let count = paras.len();
    paras.retain(|p| {
        let i = index;
        index += 1;
        let heading_is_title =
            matches!(p.kind, Kind::Heading(_)) && cx.title.as_deref() == Some(&normalize(&p.text));
        let head_matter = i < body_start
            && (p.kind == Kind::Heading(1)
                || cx.title.as_deref() == Some(&normalize(&p.text))
                || furniture.is_byline(&p.text, cx.authors));
        let dateline = p.text.len() < SHORT_LINE && is_meta_line(&p.text, dates);
        let caption = p.kind != Kind::Pre && furniture.is_caption(&p.text);
        let limit = if i + TAIL_PARAGRAPHS >= count { TAIL_PARAGRAPH } else { SHORT_PARAGRAPH };
        !(heading_is_title || head_matter || dateline || caption || furniture.is_phrase(&p.text, limit))
    });
    // A heading that is a whole sentence or two is text set large, not a
    // section title.
    while paras.last().is_some_and(|p| matches!(p.kind, Kind::Heading(_)) && !reads_as_prose(&p.text)) {
        paras.pop();
    }
}

/// A date on its own, or a line of metadata led by one ("January 13, 2020
/// at 08:45 AM | categories: Python", "24.01.2022 11:38 / Kategorie: News").
fn is_meta_line(text: &str, dates: &DateWords) -> bool {
    let first = text.split(['|', '/']).next().unwrap_or(text);
    dates.is_dateline(text) || (first.len() < text.len() && dates.is_dateline(first))
}

/// A paragraph that reads like story text: long and punctuated.
fn is_body(p: &Para) -> bool {
    p.kind == Kind::Text && reads_as_prose(&p.text)
}

/// Long and punctuated.
fn reads_as_prose(text: &str) -> bool {
    text.len() >= BODY_PARAGRAPH && text.contains(['.', '!', '?', '。'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn share_call_is_furniture() {
        let f = Furniture::new();
        assert!(f.is_phrase("Share this article", SHORT_PARAGRAPH));
        assert!(f.is_phrase("» Read more: Council backs new budget", SHORT_PARAGRAPH));
        assert!(!f.is_phrase("Shares in the company fell 4% on Monday.", SHORT_PARAGRAPH));
    }

    #[test]
    fn standalone_phrase_needs_the_whole_block() {
        let f = Furniture::new();
        assert!(f.is_phrase("Home", SHORT_PARAGRAPH));
        assert!(f.is_phrase("Share:", SHORT_PARAGRAPH));
        assert!(!f.is_phrase("Home prices rose 4% in March.", SHORT_PARAGRAPH));
    }

    #[test]
    fn a_reading_time_label_is_furniture_and_a_sentence_on_reading_time_is_not() {
        let f = Furniture::new();
        assert!(f.is_phrase("Estimated reading time: 6 minutes", SHORT_PARAGRAPH));
        assert!(f.is_phrase("Reading time", SHORT_PARAGRAPH));
        assert!(!f.is_phrase("Reading time for pupils doubled last year.", SHORT_PARAGRAPH));
    }

    #[test]
    fn paragraph_ending_with_a_credit_is_a_caption() {
        let f = Furniture::new();
        assert!(f.is_caption("Marco Odermatt at the start in Beijing. © AFP / Marco Bertorello"));
        assert!(f.is_caption("The new school on Elm Street. Photo: City of Leeds"));
        assert!(!f.is_caption("Photo: the council said the picture, taken in May, shows the site before the works began last year."));
        assert!(!f.is_caption("The mayor thanked the photographers who took the pictures."));
    }

    #[test]
    fn non_ascii_phrase_matches_case_insensitively() {
        assert!(Furniture::new().is_phrase("Ähnliche Beiträge", SHORT_PARAGRAPH));
    }

    fn para(text: &str, kind: Kind) -> Para {
        Para { text: text.to_string(), kind }
    }

    #[test]
    fn related_heading_after_the_story_ends_it() {
        let f = Furniture::new();
        let d = DateWords::new();
        let story = "The council approved the budget on Tuesday after a long debate about schools, roads \
                     and the new library, which opens next spring.";
        let mut paras = vec![
            para(story, Kind::Text),
            para("More from The Daily Example", Kind::Heading(2)),
            para(
                "Storm knocks out power to thousands of homes across the county on Monday night.",
                Kind::Text,
            ),
        ];
        tidy(&mut paras, &f, &d, &Context { title: None, authors: &[] });
        assert_eq!(paras.len(), 1);
    }

    #[test]
    fn related_heading_before_the_story_does_not_end_it() {
        let f = Furniture::new();
        let d = DateWords::new();
        let story = "The council approved the budget on Tuesday after a long debate about schools and roads.";
        let mut paras = vec![para("Related: schools", Kind::Heading(2)), para(story, Kind::Text)];
        tidy(&mut paras, &f, &d, &Context { title: None, authors: &[] });
        assert_eq!(paras.last().map(|p| p.text.as_str()), Some(story));
    }

    #[test]
    fn longer_call_to_action_is_dropped_only_at_the_end() {
        let f = Furniture::new();
        let d = DateWords::new();
        let call = "Sign up for our morning newsletter: the day's local stories, the weather and the \
                    traffic, in your inbox before seven, every weekday, and a weekend edition too.";
        assert!(call.len() > SHORT_PARAGRAPH);
        let story = "The council approved the budget on Tuesday after a long debate about schools and roads.";
        let mut paras = vec![
            para(story, Kind::Text),
            para(call, Kind::Text),
            para(story, Kind::Text),
            para(story, Kind::Text),
            para(story, Kind::Text),
            para(call, Kind::Text),
        ];
        tidy(&mut paras, &f, &d, &Context { title: None, authors: &[] });
        assert_eq!(paras.len(), 5);
        assert_eq!(paras[1].text, call);
    }

    #[test]
    fn line_of_metadata_led_by_a_date_is_dropped() {
        let d = DateWords::new();
        assert!(is_meta_line("January 13, 2020 at 08:45 AM | categories: Python", &d));
        assert!(is_meta_line("24.01.2022 11:38 / Kategorie: News", &d));
        assert!(!is_meta_line("2020 | The year the river froze", &d));
        assert!(!is_meta_line("Council meets on March 5", &d));
    }

    #[test]
    fn byline_needs_a_capitalised_name() {
        let f = Furniture::new();
        assert!(f.is_byline("By Jane Doe, Staff Writer", &[]));
        assert!(!f.is_byline("by the time the vote came, it was late.", &[]));
        assert!(f.is_byline("Jane Doe", &["Jane Doe".to_string()]));
    }
}
