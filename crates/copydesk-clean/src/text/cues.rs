//! Cue phrases: the `data/text_*.txt` tables compiled into one aho-corasick
//! automaton, run once over the whole text, each hit credited to its line.

use std::collections::BTreeMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};

use super::credit;
use super::line::Line;

const FURNITURE: &str = include_str!("../../data/text_furniture.txt");
const LINE_START: &str = include_str!("../../data/text_line_start.txt");
const SECTION: &str = include_str!("../../data/text_section.txt");
const THREAD: &str = include_str!("../../data/text_thread.txt");
const CONTENTS: &str = include_str!("../../data/text_contents.txt");
const COMMENTER: &str = include_str!("../../data/text_commenter.txt");
const DATED_COMMENTER: &str = include_str!("../../data/text_commenter_dated.txt");
const CONTROL: &str = include_str!("../../data/text_control.txt");
const SOURCE_NOTE: &str = include_str!("../../data/text_source_note.txt");
const TOPICS: &str = include_str!("../../data/text_topics.txt");

/// Headings are short: a longer line that begins with "Related" or
/// "Comments" is a sentence.
const HEADING_UNITS: u32 = 10;
/// A heading after a count quotes the story's headline ("34 responses to
/// “...”"), and may be this long.
const COUNTED_HEADING_UNITS: u32 = 40;
/// A heading that ends with a comment-thread phrase ("Top Rated Comments")
/// has at most this many units.
const THREAD_END_UNITS: u32 = 4;
/// A commenter's name and "says:" take at most this many units.
const COMMENTER_UNITS: u32 = 5;
/// A commenter's header that gives the comment's date and time ("Gary M on
/// September 17, 2018 at 8:50 pm said:") takes at most this many units.
const DATED_COMMENTER_UNITS: u32 = 12;
/// The cue weight of a control that makes a whole line: enough to condemn
/// it, whatever it looks like.
const CONTROL_WEIGHT: u8 = 4;
/// A topical phrase named in this many long lines is the text's topic.
const TOPIC_LINES: usize = 3;
/// A line this long (in units) is a sentence or a list item a topic may be
/// named in; a button or a call ("Sign up for our newsletter") is shorter.
const TOPIC_UNITS: u32 = 8;
/// Comment headers open the thread once the text has this many.
const COMMENTERS: usize = 2;

/// What a phrase at the start of a line means, merged over the tables
/// that list it.
#[derive(Clone, Copy, Default)]
struct Opening {
    /// Weight of the phrase as a line-start cue (0: not one).
    start: u8,
    /// The phrase opens a furniture section when it heads a short line.
    section: bool,
    /// The phrase opens the comment thread when it heads a short line.
    thread: bool,
    /// The phrase heads a table of contents when it heads a short line.
    contents: bool,
    /// The phrase is a button or control when it makes the whole line.
    control: bool,
    /// The phrase opens a note on where the story comes from.
    source_note: bool,
    /// How the phrase opens a caption, if it does.
    caption: Option<credit::Opener>,
}

/// The compiled cue tables.
pub(super) struct Cues {
    /// The furniture phrases, found anywhere in one pass over the text.
    anywhere: AhoCorasick,
    /// The weight of each furniture phrase; the photo credits follow them
    /// in the automaton (one pass over the text finds both).
    weights: Vec<u8>,
    /// Per furniture phrase: a story may be about it (`data/text_topics.txt`).
    topical: Vec<bool>,
    /// Per photo credit: how it closes a caption.
    credits: Vec<credit::Closing>,
    /// Line-start cues and headings, tried only where a line (or its words
    /// after a count) begins: an anchored search touches a few bytes a line.
    opening: AhoCorasick,
    openings: Vec<Opening>,
    /// How a comment's header line ends, lowercase.
    commenter_endings: Endings,
    /// How a comment's header line that gives its time may end besides,
    /// lowercase.
    dated_commenter_endings: Endings,
    /// The comment-thread headings, lowercase, also tried at the end of a
    /// short line ("Top Rated Comments").
    thread_endings: Endings,
}

impl Cues {
    /// Compiles the tables.
    pub(super) fn new() -> Cues {
        let (mut phrases, weights): (Vec<String>, Vec<u8>) = entries(FURNITURE).unzip();
        let topics: std::collections::BTreeSet<String> = entries(TOPICS).map(|(phrase, _)| phrase).collect();
        let topical = phrases.iter().map(|p| topics.contains(p)).collect();
        let (credit_phrases, credits): (Vec<String>, Vec<credit::Closing>) = credit::entries().unzip();
        phrases.extend(credit_phrases);
        let mut openings: BTreeMap<String, Opening> = BTreeMap::new();
        for (phrase, weight) in entries(LINE_START) {
            openings.entry(phrase).or_default().start = weight;
        }
        for (phrase, _) in entries(SECTION) {
            openings.entry(phrase).or_default().section = true;
        }
        for (phrase, _) in entries(THREAD) {
            openings.entry(phrase).or_default().thread = true;
        }
        for (phrase, _) in entries(CONTENTS) {
            openings.entry(phrase).or_default().contents = true;
        }
        for (phrase, weight) in entries(SOURCE_NOTE) {
            let opening = openings.entry(phrase).or_default();
            opening.start = opening.start.max(weight);
            opening.source_note = true;
        }
        for (phrase, _) in entries(CONTROL) {
            openings.entry(phrase).or_default().control = true;
        }
        for (phrase, opener) in credit::openers() {
            openings.entry(phrase).or_default().caption = Some(opener);
        }
        let builder = |start| {
            let mut b = AhoCorasickBuilder::new();
            b.ascii_case_insensitive(true)
                .match_kind(MatchKind::LeftmostLongest)
                // A few hundred short phrases: a DFA is small and the fastest.
                .kind(Some(AhoCorasickKind::DFA))
                .start_kind(start);
            b
        };
        Cues {
            anywhere: builder(StartKind::Unanchored).build(&phrases).expect("the furniture table compiles"),
            weights,
            topical,
            credits,
            opening: builder(StartKind::Anchored).build(openings.keys()).expect("the opening tables compile"),
            openings: openings.into_values().collect(),
            commenter_endings: Endings::new(entries(COMMENTER).map(|(ending, _)| ending)),
            dated_commenter_endings: Endings::new(entries(DATED_COMMENTER).map(|(ending, _)| ending)),
            thread_endings: Endings::new(entries(THREAD).map(|(heading, _)| heading)),
        }
    }

    /// Adds the cue hits in `text` to the lines they fall in, and marks the
    /// captions (lines a photo credit closes, or a caption label or a
    /// gallery's count opens). `lines` are the non-blank lines of
    /// `text`, in order.
    pub(super) fn mark(&self, text: &str, lines: &mut [Line]) {
        let bytes = text.as_bytes();
        let mut i = 0;
        let mut credited = Vec::new();
        let mut bare_labels = Vec::new();
        // Furniture phrases found: line, phrase.
        let mut hits = Vec::new();
        for m in self.anywhere.find_iter(text) {
            if !on_word_boundaries(bytes, m.start(), m.end()) {
                continue;
            }
            while lines.get(i).is_some_and(|l| l.end <= m.start()) {
                i += 1;
            }
            let Some(line) = lines.get_mut(i) else { break };
            if m.start() < line.start {
                continue;
            }
            match self.weights.get(m.pattern().as_usize()) {
                Some(_) => hits.push((i, m.pattern().as_usize())),
                None => {
                    let closing = self.credits[m.pattern().as_usize() - self.weights.len()];
                    let (phrase, rest) = (&text[m.start()..m.end()], &text[m.end()..line.end]);
                    let alone = closing.stands_alone(&text[line.start..m.start()]);
                    if alone && closing.is_bare_label(phrase, rest) {
                        line.caption = true;
                        bare_labels.push(i);
                    } else if closing.closes(phrase, rest) {
                        line.caption = true;
                        if alone {
                            credited.push(i);
                        }
                    }
                }
            }
        }
        self.credit(&hits, lines);
        for line in lines.iter_mut() {
            let opening = self.opening_at(text, line.start, line.end);
            if let Some((o, end)) = opening {
                line.cue = line.cue.saturating_add(o.start);
                line.start_cue |= o.start > 0;
                line.source_note |= o.source_note;
                if o.control && is_line_end(&text[end..line.end]) {
                    line.cue = line.cue.saturating_add(CONTROL_WEIGHT);
                }
            }
            line.caption |= match opening.and_then(|(o, end)| Some((o.caption?, end))) {
                Some((credit::Opener::Label, _)) => true,
                Some((credit::Opener::Counter, end)) => credit::opens_with_count(&bytes[end..line.end]),
                None => credit::opens_with_count(&bytes[line.start..line.end]),
            };
            let words = after_count(bytes, line.start);
            let counted = words > line.start && bytes[line.start].is_ascii_digit();
            let heading = line.units <= HEADING_UNITS || (counted && line.units <= COUNTED_HEADING_UNITS);
            // Without a count, the heading's words are the line's: the
            // opening found above.
            let at_words =
                || if words == line.start { opening } else { self.opening_at(text, words, line.end) };
            if let Some((o, _)) = heading.then(at_words).flatten() {
                line.section |= o.section;
                line.contents |= o.contents;
                line.thread |= o.thread;
            }
        }
        for line in lines.iter_mut().filter(|l| l.units <= THREAD_END_UNITS && !l.thread) {
            line.thread = self.thread_endings.end(&bytes[line.start..line.end]);
        }
        credit::mark_captions_above(&credited, lines);
        credit::mark_credits_below(&bare_labels, lines);
        self.mark_commenters(bytes, lines);
    }

    /// Credits each furniture phrase's weight to its line, but for the
    /// text's topics: a topical phrase named in [`TOPIC_LINES`] lines of at
    /// least [`TOPIC_UNITS`] is what the story is about, and weighs nothing
    /// in such lines (a sign-up box says "newsletter" in a line or two; a
    /// story on newsletters in every other paragraph). It still condemns a
    /// short line: "Facebook" alone is a button whatever the story.
    fn credit(&self, hits: &[(usize, usize)], lines: &mut [Line]) {
        let long: Vec<bool> = lines.iter().map(|l| l.units >= TOPIC_UNITS).collect();
        // Per topical phrase met in a long line: how many lines, the last.
        let mut named: BTreeMap<usize, (usize, usize)> = BTreeMap::new();
        for &(i, pattern) in hits.iter().filter(|&&(i, p)| long[i] && self.topical[p]) {
            let (count, last) = named.entry(pattern).or_insert((0, usize::MAX));
            if *last != i {
                (*count, *last) = (*count + 1, i);
            }
        }
        let topic = |p: usize| named.get(&p).is_some_and(|&(count, _)| count >= TOPIC_LINES);
        for &(i, pattern) in hits {
            if !(long[i] && topic(pattern)) {
                lines[i].cue = lines[i].cue.saturating_add(self.weights[pattern]);
            }
        }
    }

    /// Marks comment headers ("name says:") as opening the thread, when
    /// the text has enough of them to be a thread.
    fn mark_commenters(&self, bytes: &[u8], lines: &mut [Line]) {
        let is_commenter = |l: &Line| {
            let line = &bytes[l.start..l.end];
            let dated = l.units <= DATED_COMMENTER_UNITS && has_clock_time(line);
            (dated || l.units <= COMMENTER_UNITS)
                && (self.commenter_endings.end(line) || (dated && self.dated_commenter_endings.end(line)))
        };
        if lines.iter().filter(|l| is_commenter(l)).count() >= COMMENTERS {
            for line in lines.iter_mut().filter(|l| is_commenter(l)) {
                line.thread = true;
            }
        }
    }

    /// The opening phrase that begins at `at` (ending on a word boundary and
    /// by `end`), if any, and where it ends.
    fn opening_at(&self, text: &str, at: usize, end: usize) -> Option<(Opening, usize)> {
        if at >= end {
            return None;
        }
        let input = Input::new(text).range(at..end).anchored(Anchored::Yes);
        let m = self.opening.find(input)?;
        on_word_boundaries(text.as_bytes(), m.start(), m.end())
            .then(|| (self.openings[m.pattern().as_usize()], m.end()))
    }
}

/// Phrases tried at the end of a line, grouped by their last byte: most
/// lines end in a byte no phrase ends in, and the rest try a few phrases.
struct Endings {
    /// The phrases, lowercase, sorted by last byte.
    phrases: Vec<Vec<u8>>,
    /// Per last byte, the range of `phrases` that end in it.
    by_last: Vec<std::ops::Range<usize>>,
}

impl Endings {
    fn new(phrases: impl Iterator<Item = String>) -> Endings {
        let mut phrases: Vec<Vec<u8>> = phrases.map(String::into_bytes).filter(|p| !p.is_empty()).collect();
        phrases.sort_by_key(|p| p.last().copied());
        let by_last = (0..=u8::MAX)
            .map(|b| {
                let from = phrases.partition_point(|p| p.last() < Some(&b));
                from..phrases.partition_point(|p| p.last() <= Some(&b))
            })
            .collect();
        Endings { phrases, by_last }
    }

    /// True when `line` ends with one of the phrases, which starts a word
    /// of it.
    fn end(&self, line: &[u8]) -> bool {
        let Some(last) = line.last() else { return false };
        self.phrases[self.by_last[usize::from(last.to_ascii_lowercase())].clone()].iter().any(|e| {
            let Some(at) = line.len().checked_sub(e.len()).filter(|&at| at > 0) else { return false };
            line[at..].eq_ignore_ascii_case(e) && on_word_boundaries(line, at, line.len())
        })
    }
}

/// True when `rest` (what follows a phrase on its line) holds no letter: a
/// colon, an arrow, an ellipsis or a count at most.
fn is_line_end(rest: &str) -> bool {
    !rest.chars().any(char::is_alphabetic)
}

/// True when `line` holds a clock time: a digit, a colon, two digits
/// ("6:34 am", "18:05").
fn has_clock_time(line: &[u8]) -> bool {
    line.windows(4)
        .any(|w| w[0].is_ascii_digit() && w[1] == b':' && w[2].is_ascii_digit() && w[3].is_ascii_digit())
}

/// Where a heading's words begin: after a leading count ("34 Comments"),
/// if any.
fn after_count(bytes: &[u8], start: usize) -> usize {
    let rest = bytes.get(start..).unwrap_or_default();
    start
        + rest
            .iter()
            .take_while(|b| b.is_ascii_digit() || matches!(b, b' ' | b'(' | b')' | b'[' | b']'))
            .count()
}

/// The entries of a table: phrase (lowercased) and weight (2 unless a
/// second column says otherwise).
fn entries(table: &'static str) -> impl Iterator<Item = (String, u8)> {
    crate::table::rows(table).map(|cols| {
        let weight = cols.get(1).and_then(|w| w.trim().parse().ok()).unwrap_or(2);
        (cols[0].trim().to_ascii_lowercase(), weight)
    })
}

/// True when the match neither starts nor ends inside a word: a phrase that
/// begins (ends) with a letter or digit must not continue one.
fn on_word_boundaries(bytes: &[u8], start: usize, end: usize) -> bool {
    let word = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_alphanumeric);
    let glued_before = start > 0 && word(start) && word(start - 1);
    let glued_after = end > 0 && word(end - 1) && word(end);
    !glued_before && !glued_after
}

/// The lines of `text`, measured and marked: the tests' fixture.
#[cfg(test)]
pub(super) fn marked(text: &str) -> Vec<Line> {
    let mut lines = super::line::scan(text);
    Cues::new().mark(text, &mut lines);
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_entry_is_lowercase_ascii_or_symbol() {
        for table in [
            FURNITURE,
            LINE_START,
            SECTION,
            THREAD,
            COMMENTER,
            DATED_COMMENTER,
            CONTENTS,
            CONTROL,
            SOURCE_NOTE,
            TOPICS,
        ] {
            for (phrase, weight) in entries(table) {
                assert!(!phrase.is_empty());
                assert!(weight == 1 || weight == 2, "{phrase}: weight {weight}");
            }
        }
    }

    #[test]
    fn every_topic_is_a_furniture_phrase() {
        let furniture: Vec<String> = entries(FURNITURE).map(|(phrase, _)| phrase).collect();
        for (topic, _) in entries(TOPICS) {
            assert!(furniture.contains(&topic), "{topic} is not in text_furniture.txt");
        }
    }

    #[test]
    fn a_network_or_newsletter_the_story_names_again_and_again_is_its_topic_not_furniture() {
        let sentence = |n: usize| {
            format!(
                "In step {n} of the plan, the writers grew their newsletter by sharing each issue on Instagram \
                 with readers who had asked for it, and by answering every question they were sent."
            )
        };
        let text = format!(
            "Instagram\nSign up for our newsletter to get the best stories in your inbox every single morning \
             of the working week.\n{}\n{}\n{}\n",
            sentence(1),
            sentence(2),
            sentence(3)
        );
        let cues: Vec<u8> = marked(&text).iter().map(|l| l.cue).collect();
        // The button and the sign-up box still carry their cues; the story's
        // sentences carry none.
        assert!(cues[0] > 0 && cues[1] > 0, "{cues:?}");
        assert_eq!(cues[2..], [0, 0, 0]);
    }

    #[test]
    fn a_phrase_named_in_fewer_sentences_or_not_topical_still_weighs() {
        let twice = "We asked readers to share the newsletter on Instagram with friends, and many more of them \
                     than we had hoped for did so in the weeks after the launch.\n";
        let cues: Vec<u8> = marked(&twice.repeat(2)).iter().map(|l| l.cue).collect();
        assert!(cues.iter().all(|&c| c > 0), "{cues:?}");
        let consent = "We use cookies to measure how the site is used, and third parties set cookies that \
                       remember what you read here, which you may refuse at any time.\n";
        let cues: Vec<u8> = marked(&consent.repeat(4)).iter().map(|l| l.cue).collect();
        assert!(cues.iter().all(|&c| c > 0), "{cues:?}");
    }

    #[test]
    fn a_control_alone_on_its_line_is_furniture_and_its_words_in_prose_are_not() {
        let text = "Close\nPlay Video »\nGet a Quote:\nNext, the council will vote on the plan.\n\
                    Search engines rank the pages\nClose to a thousand people came to the vote\n";
        let lines = marked(text);
        let cues: Vec<u8> = lines.iter().map(|l| l.cue).collect();
        assert_eq!(cues, [CONTROL_WEIGHT, CONTROL_WEIGHT, CONTROL_WEIGHT, 0, 0, 0]);
    }

    #[test]
    fn a_line_opened_by_a_link_bullet_is_furniture() {
        use crate::text::class::{Class, classify};
        let text = "» Related: How to save on car hire\n» Our columns\nPrices rose » fell\n";
        let condemned: Vec<bool> = marked(text).iter().map(|l| classify(l) == Class::Bad).collect();
        assert_eq!(condemned, [true, true, false]);
    }

    #[test]
    fn a_call_to_action_button_is_furniture_and_a_long_sentence_naming_it_is_not() {
        use crate::text::class::{Class, classify};
        let text = "Apply Now\nStart for free\nRead the Review\nContact Sales\n\
                    Students who apply now, before the deadline at the end of the month, will hear \
                    from the admissions office in early May.\n";
        let condemned: Vec<bool> = marked(text).iter().map(|l| classify(l) == Class::Bad).collect();
        assert_eq!(condemned, [true, true, true, true, false]);
    }

    #[test]
    fn what_a_page_says_to_a_browser_without_scripts_is_furniture() {
        use crate::text::class::{Class, classify};
        let text = "Please enable JavaScript to view the comments powered by Disqus.\n\
                    This site requires JavaScript to run correctly. Please turn on JavaScript or unblock scripts.\n\
                    Our reporters learned JavaScript in a week, and the newsroom's own tools are now written in it.\n";
        let condemned: Vec<bool> = marked(text).iter().map(|l| classify(l) == Class::Bad).collect();
        assert_eq!(condemned, [true, true, false]);
    }

    #[test]
    fn rights_notes_comment_forms_and_labels_in_other_languages_are_furniture() {
        use crate::text::class::{Class, classify};
        let text = "© 2023 Beispiel Verlag. Alle Rechte vorbehalten.\n\
                    Deine E-Mail-Adresse wird nicht veröffentlicht.\nLesen Sie auch: Die Wahl in Bremen\n\
                    Fuente: Banco Central\nLire la suite\n\
                    Von den dreißig Teilnehmern kamen nur zwölf bis ins Ziel, und das bei strahlendem Wetter.\n";
        let condemned: Vec<bool> = marked(text).iter().map(|l| classify(l) == Class::Bad).collect();
        assert_eq!(condemned, [true, true, true, true, true, false]);
    }

    #[test]
    fn byline_labels_in_other_scripts_open_a_line_as_written() {
        let text = "Текст: Анна Ли · 24 сентября 2018\nТекст песни звучит иначе, чем раньше.\n";
        let starts: Vec<bool> = marked(text).iter().map(|l| l.start_cue).collect();
        assert_eq!(starts, [true, false]);
    }

    #[test]
    fn endings_match_whole_words_at_the_end_only() {
        let endings = Endings::new(["comments", "says:"].into_iter().map(String::from));
        assert!(endings.end(b"Top Rated Comments"));
        assert!(endings.end(b"joe says:"));
        assert!(!endings.end(b"Nocomments"));
        assert!(!endings.end(b"comments"));
        assert!(!endings.end(b"Comments closed"));
    }

    #[test]
    fn headings_in_other_languages_open_a_section_as_written() {
        let text = "関連記事\nМатериалы по теме\nArtigos Relacionados\nМатериалы и методы\nMehr zum Thema\n\
                    Ähnliche Beiträge\nÀ lire aussi\nNoticias relacionadas\nCzytaj także\nMehr Geld für Schulen\n";
        let lines = marked(text);
        let sections: Vec<bool> = lines.iter().map(|l| l.section).collect();
        assert_eq!(sections, [true, true, true, false, true, true, true, true, true, false]);
    }

    #[test]
    fn comment_calls_in_other_languages_open_the_thread() {
        let text = "Lascia un commento Annulla risposta\nДобавить комментарий\nDeixe um comentário\nКомментарий эксперта\n\
                    Schreibe einen Kommentar\nKommentare (12)\nKommentare von Lesern prägen die Debatte in dieser Stadt schon seit vielen Jahren\n";
        let lines = marked(text);
        let threads: Vec<bool> = lines.iter().map(|l| l.thread).collect();
        assert_eq!(threads, [true, true, true, false, true, true, false]);
    }

    #[test]
    fn a_clock_time_is_a_digit_a_colon_and_two_digits() {
        assert!(has_clock_time(b"Alex on May 2, 2018 at 6:34 am said:"));
        assert!(has_clock_time(b"at 18:05"));
        assert!(!has_clock_time(b"The minister said:"));
        assert!(!has_clock_time(b"Ratio 3:1 said:"));
    }

    #[test]
    fn phrase_inside_a_longer_word_is_no_hit() {
        let b = b"designing";
        assert!(!on_word_boundaries(b, 2, 6));
        assert!(on_word_boundaries(b"sign in", 0, 4));
        assert!(on_word_boundaries(b"see image.png", 9, 13));
    }
}
