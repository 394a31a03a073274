//! Author blurbs: a name on a line of its own, then (after a role line or
//! two) a paragraph about that person that opens with the name ("Matt
//! Miller has been with the magazine since 2004"). Marked here, cut in
//! `story.rs` where they close the story.

use std::sync::LazyLock;

use super::line::{Ending, Line};

/// Labels that may open a name line ("About", "Written by"), longest
/// first ("About the author" before "About").
static NAME_LABELS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut labels: Vec<&str> = crate::table::entries(include_str!("../../data/text_bio.txt")).collect();
    labels.sort_by_key(|l| std::cmp::Reverse(l.len()));
    labels
});
/// Articles that open a thing's name, never a person's ("The Bleu
/// Garten").
static ARTICLES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| crate::table::entries(include_str!("../../data/text_bio_article.txt")).collect());
/// A name line, label and all, has at most this many units.
const LINE_UNITS: u32 = 7;

/// A name line has this many words, every one capitalized.
const NAME_UNITS: std::ops::RangeInclusive<u32> = 2..=4;
/// What follows a first name that opens a blurb.
const FIRST_NAME_FOLLOWERS: &[&str] = &[" is ", " (", " has "];
/// A blurb under a labelled name holds the name within this many bytes
/// of its start (its first sentence).
const NAME_REACH: usize = 200;
/// Lines (the role, a link) that may stand between the name and the blurb.
const REACH: usize = 3;

/// Sets `bio` on each line that opens with the first word of a name line
/// just above it.
pub(super) fn mark(text: &str, lines: &mut [Line]) {
    for i in 0..lines.len() {
        let name = &lines[i];
        if name.ending != Ending::Other || name.capitalized < *NAME_UNITS.start() || name.units > LINE_UNITS {
            continue;
        }
        let Some(Name { full: full_name, first: first_name, words: name_units, labelled }) =
            name_of(&text[name.start..name.end])
        else {
            continue;
        };
        for j in i + 1..lines.len().min(i + 1 + REACH) {
            let line = &text[lines[j].start..lines[j].end];
            // The whole name, or the first name and a parenthesis or "is"
            // ("Rebecca (Bec) is", "Megan is a writer"): a first word alone
            // may be "The".
            let by_full_name = line.strip_prefix(full_name).and_then(|rest| rest.chars().next());
            let by_first_name = line
                .strip_prefix(first_name)
                .is_some_and(|rest| FIRST_NAME_FOLLOWERS.iter().any(|f| rest.starts_with(f)));
            // Under a label ("Sobre Ana Lima") the name may come later:
            // "Mother of two, Ana Lima is ...".
            let holds_name = labelled && line.find(full_name).is_some_and(|at| at < NAME_REACH);
            if (by_full_name.is_some_and(|c| !c.is_alphanumeric()) || by_first_name || holds_name)
                && lines[j].units > name_units
            {
                lines[j].bio = true;
                break;
            }
        }
    }
}

/// A name on a line of its own.
struct Name<'a> {
    /// The whole name.
    full: &'a str,
    /// Its first word.
    first: &'a str,
    /// Its words.
    words: u32,
    /// A label opened the line.
    labelled: bool,
}

/// The name a name line gives, after a label if one opens it: two to four
/// words, each capitalized, the first no article.
fn name_of(line: &str) -> Option<Name<'_>> {
    let after_label =
        NAME_LABELS.iter().find_map(|label| line.strip_prefix(label).filter(|rest| rest.starts_with(' ')));
    let full = after_label.map_or(line, str::trim_start);
    // One pass over the words, left at the first that rules the line out:
    // most lines read here are a menu's.
    let mut words = 0;
    for word in full.split_whitespace() {
        words += 1;
        if words > *NAME_UNITS.end() || !word.chars().next().is_some_and(char::is_uppercase) {
            return None;
        }
    }
    let first = full.split_whitespace().next()?;
    (NAME_UNITS.contains(&words) && !ARTICLES.contains(&first)).then_some(Name {
        full,
        first,
        words,
        labelled: after_label.is_some(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::line::scan;

    fn bios(text: &str) -> Vec<bool> {
        let mut lines = scan(text);
        mark(text, &mut lines);
        lines.iter().map(|l| l.bio).collect()
    }

    #[test]
    fn paragraph_opening_with_the_name_above_is_a_blurb() {
        let text = "Matt Miller\nEditor-in-Chief\nMatt Miller has been with the magazine since 2004.";
        assert_eq!(bios(text), [false, false, true]);
        let text = "Megan Berry\nMegan is a writer with a storyteller's instinct.";
        assert_eq!(bios(text), [false, true]);
    }

    #[test]
    fn a_labelled_name_line_opens_a_blurb_too() {
        let text = "About Amar Hussain\nAmar is an avid traveller who has tested luggage for years.";
        assert_eq!(bios(text), [false, true]);
        let text = "Written by  Jane Doe\nJane Doe writes about tax for the paper.";
        assert_eq!(bios(text), [false, true]);
        let text = "About the author Jane Doe\nJane is a reporter on the city desk.";
        assert_eq!(bios(text), [false, true]);
    }

    #[test]
    fn under_a_labelled_name_a_paragraph_holding_the_name_is_a_blurb() {
        let text = "Sobre Ana Lima\nMãe de dois filhos, Ana Lima é também coordenadora na escola.";
        assert_eq!(bios(text), [false, true]);
        let text = "Über Jan Berg\nAls Vertriebsleiter verbindet Jan Berg das Marketing mit dem Verkauf.";
        assert_eq!(bios(text), [false, true]);
        // A product's name above its review is no label's.
        let text = "Acme Washer\nWith a large drum, the Acme Washer has all the features you need.";
        assert_eq!(bios(text), [false, false]);
    }

    #[test]
    fn a_name_opened_by_an_article_is_a_place_not_an_author() {
        let text = "The Old Mill\nThe Old Mill has served pies by the river since 1952.";
        assert_eq!(bios(text), [false, false]);
        let text = "Die Alte Mühle\nDie Alte Mühle liegt seit 1952 am Fluss.";
        assert_eq!(bios(text), [false, false]);
    }

    #[test]
    fn names_inside_other_words_or_far_above_are_no_blurb() {
        assert_eq!(bios("The Takeaway\nThe effective use of tutorials helps agencies."), [false, false]);
        assert_eq!(bios("Mark Twain\nMarkets fell sharply on Monday, traders said."), [false, false]);
        assert_eq!(bios("Matt Miller\nA\nB\nC\nMatt Miller has been here since 2004."), [false; 5]);
    }
}
