//! Author blurbs: a name on a line of its own, then (after a role line or
//! two) a paragraph about that person that opens with the name ("Matt
//! Miller has been with the magazine since 2004"). Marked here, cut in
//! `story.rs` where they close the story.

use super::line::{Ending, Line};

/// A name line has this many words, every one capitalized.
const NAME_UNITS: std::ops::RangeInclusive<u32> = 2..=4;
/// What follows a first name that opens a blurb.
const FIRST_NAME_FOLLOWERS: &[&str] = &[" is ", " (", " has "];
/// Lines (the role, a link) that may stand between the name and the blurb.
const REACH: usize = 3;

/// Sets `bio` on each line that opens with the first word of a name line
/// just above it.
pub(super) fn mark(text: &str, lines: &mut [Line]) {
    for i in 0..lines.len() {
        let name = &lines[i];
        if !NAME_UNITS.contains(&name.units) || name.capitalized != name.units || name.ending != Ending::Other
        {
            continue;
        }
        let full_name = &text[name.start..name.end];
        let Some(first_name) = full_name.split_whitespace().next() else { continue };
        for j in i + 1..lines.len().min(i + 1 + REACH) {
            let line = &text[lines[j].start..lines[j].end];
            // The whole name, or the first name and a parenthesis or "is"
            // ("Rebecca (Bec) is", "Megan is a writer"): a first word alone
            // may be "The".
            let by_full_name = line.strip_prefix(full_name).and_then(|rest| rest.chars().next());
            let by_first_name = line
                .strip_prefix(first_name)
                .is_some_and(|rest| FIRST_NAME_FOLLOWERS.iter().any(|f| rest.starts_with(f)));
            if (by_full_name.is_some_and(|c| !c.is_alphanumeric()) || by_first_name)
                && lines[j].units > name.units
            {
                lines[j].bio = true;
                break;
            }
        }
    }
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
    fn names_inside_other_words_or_far_above_are_no_blurb() {
        assert_eq!(bios("The Takeaway\nThe effective use of tutorials helps agencies."), [false, false]);
        assert_eq!(bios("Mark Twain\nMarkets fell sharply on Monday, traders said."), [false, false]);
        assert_eq!(bios("Matt Miller\nA\nB\nC\nMatt Miller has been here since 2004."), [false; 5]);
    }
}
