//! What a line looks like on its own: prose, a near miss, a short line, or
//! furniture. Context (where the line sits) is decided in `story.rs`.

use super::line::{Ending, Line};

/// Prose lines with at least this many units are paragraphs.
const PROSE_UNITS: u32 = 6;
/// Unpunctuated lines this long are paragraphs too when mostly lowercase.
const LONG_UNITS: u32 = 20;
/// Lines from this many units up that are not paragraphs: captions,
/// headlines, list items.
const NEAR_UNITS: u32 = 8;
/// Headlines in title case have at most this many units.
const HEADLINE_UNITS: u32 = 20;
/// Prose lines up to this many units are labels or calls, condemned by any
/// cue ("Sign up now!").
const CALL_UNITS: u32 = 5;
/// A sentence with more units than this for each unit of cue weight is
/// prose that names networks or stores in passing ("Instagram first
/// introduced business accounts in 2016 ..."), however many it names.
const UNITS_PER_CUE: u32 = 25;

/// The class of one line seen alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Class {
    /// A paragraph of prose.
    Good,
    /// A longer line that is not prose: a headline, caption or list item.
    Near,
    /// A short line: a subheading, quote intro, dateline or menu item.
    Short,
    /// A short line met elsewhere in the text too: a menu item or label
    /// around the story, a table heading or "Pros" inside it.
    Repeat,
    /// Furniture whatever its context (a date stamp on its own line among
    /// them).
    Bad,
}

/// Classifies `line` from its own measures.
pub(super) fn classify(line: &Line) -> Class {
    if line.units == 0
        || line.section
        || line.thread
        || line.contents
        || condemned_by_cues(line)
        || line.stamp
        || line.caption
    {
        Class::Bad
    } else if line.repeated {
        Class::Repeat
    } else if (line.is_prose() && line.units >= PROSE_UNITS && !is_headline_case(line))
        || (line.units >= LONG_UNITS && line.is_mostly_lowercase())
    {
        Class::Good
    } else if line.units >= NEAR_UNITS {
        Class::Near
    } else {
        Class::Short
    }
}

/// Headlines end in "?" or "!" (or a full stop, for a teaser's two
/// sentences) too, but capitalize nearly every word, as prose never does
/// for long.
fn is_headline_case(line: &Line) -> bool {
    line.units <= HEADLINE_UNITS && line.capitalized * 4 >= line.units * 3
}

/// Any cue condemns a label, heading or call; a sentence (a quote intro
/// ending in a colon is one) needs cues that weigh a lot, unless it is
/// long past [`UNITS_PER_CUE`], or much for its length ("Please let us know
/// if you have issues with commenting.").
fn condemned_by_cues(line: &Line) -> bool {
    let cue = u32::from(line.cue);
    // A page on one line holds its menus and calls too; its cues say
    // nothing about the story in it.
    if cue == 0 || line.most {
        return false;
    }
    let sentence = line.is_prose() || line.ending == Ending::Colon;
    let label = !sentence || line.units <= CALL_UNITS;
    label || (cue >= 4 && cue * UNITS_PER_CUE >= line.units) || (cue >= 2 && cue * 8 >= line.units)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::cues::marked;

    fn class(line: &str) -> Class {
        classify(&marked(line)[0])
    }

    #[test]
    fn a_long_paragraph_naming_networks_in_passing_is_prose() {
        let paragraph = "The band first posted the clip on Instagram in March, and within a week it had spread to \
                         Facebook, Twitter and WhatsApp groups across the region, where fans of the old songs shared \
                         it with friends who had not heard the band since the nineties, the label said on Monday. \
                         The tour will now visit twice as many cities as it had planned a year ago, with tickets on \
                         sale from Friday, and the band will record two new songs in the spring, its first in more \
                         than twenty years, before it sets out for the first of the summer's shows in the north.";
        assert_eq!(class(paragraph), Class::Good);
        let call =
            "Follow us on Instagram, Facebook, Twitter and WhatsApp for the latest news from the band.";
        assert_eq!(class(call), Class::Bad);
    }
}
