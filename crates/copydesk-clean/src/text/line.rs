//! The lines of a scraped text and what can be measured on each alone:
//! length, case, how it ends, whether it repeats.

/// Lines with at most this many units are short enough to be menu items,
/// labels or headlines of other stories (a teaser's headline met twice in
/// a sidebar); only those count as repeated. A paragraph is rarely this
/// short, and one that repeats is a pull quote or a second copy.
pub(super) const SHORT_UNITS: u32 = 30;
/// A list item's label ("Reporting:", "Czech Republic (Group A):") has at
/// most this many words.
const LABEL_WORDS: usize = 4;
/// A line that holds most of the text's units and at least this many is a
/// whole page on one line: longer than any paragraph a page breaks out.
const MOST_UNITS: u32 = 200;

/// How a line ends, ignoring closing quotes and brackets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Ending {
    /// A full stop: `.`, `…`, `。`.
    Stop,
    /// A question mark, which headlines and calls ("Like this article?")
    /// use too.
    Question,
    /// An exclamation mark, which headlines use too.
    Exclamation,
    /// A colon, as a quote intro or a label does.
    Colon,
    /// A dash, as a dateline does ("KABUL, Afghanistan —").
    Dash,
    /// Anything else: headlines, menus, truncated captions.
    Other,
}

/// One non-blank line and its measures.
#[derive(Clone, Debug)]
pub(super) struct Line {
    /// Byte offset of the first non-space character.
    pub start: usize,
    /// Byte offset one past the last non-space character.
    pub end: usize,
    /// Words holding a letter or digit, plus half the CJK characters (CJK
    /// text has no spaces to count words by).
    pub units: u32,
    /// Words whose first letter is uppercase.
    pub capitalized: u32,
    /// ASCII digits: figures in table cells, prices, scores.
    pub digits: u32,
    /// Letters (CJK characters among them).
    pub letters: u32,
    /// The first or second word begins with a digit: a numbered item
    /// ("1) Lego Star Wars"), a dated one ("June 9 – Tampa, FL").
    pub leading_figure: bool,
    /// A label of a few words and a colon open the line, with more words
    /// after it: a list item ("Motion: inbound vs. field").
    pub labelled: bool,
    /// The line begins with a digit: a numbered row ("1. San Jose, CA"),
    /// a figure.
    pub numbered: bool,
    /// How the line ends.
    pub ending: Ending,
    /// Summed weight of the cue phrases found in the line.
    pub cue: u8,
    /// The line begins with a line-start cue ("Source:", "By").
    pub start_cue: bool,
    /// The line is a heading that opens a furniture section ("Related").
    pub section: bool,
    /// The line is a heading that opens the comment thread.
    pub thread: bool,
    /// The line heads a table of contents ("On this page").
    pub contents: bool,
    /// The same short line occurs elsewhere in the text (menus, labels).
    pub repeated: bool,
    /// A line longer than a short one occurs elsewhere in the text too: a
    /// paragraph given twice (a ticker's blurbs above and below the story,
    /// an author's blurb, a story printed twice).
    pub copied: bool,
    /// A hash of the line's text, equal for its copies.
    pub key: u64,
    /// The line is a date or time stamp and nothing else, or a byline that
    /// one closes ("By Ann Lee on May 19, 2024"): the story's date.
    pub stamp: bool,
    /// The line is a caption: a photo credit closes it, or a caption label
    /// or a gallery's counter opens it ("Image 2 of 5").
    pub caption: bool,
    /// The line opens with the name on a short line just above it: an
    /// author blurb, if it closes the story.
    pub bio: bool,
    /// The line opens with a note on where the story comes from
    /// ("Originally published on ...").
    pub source_note: bool,
    /// The line signs an embedded tweet ("— Jane Doe (@janedoe) November
    /// 18, 2019").
    pub signature: bool,
    /// The line holds most of the text's units, and many: a whole page on
    /// one line (a converter flattened a layout table, a data set stores
    /// each page as a line). Its furniture cannot be told from its story.
    pub most: bool,
}

impl Line {
    /// The line ends like a sentence.
    pub(super) fn is_prose(&self) -> bool {
        matches!(self.ending, Ending::Stop | Ending::Question | Ending::Exclamation)
    }

    /// Figures make the line (a table cell, a price, a date): at least half
    /// as many digits as letters.
    pub(super) fn is_figure(&self) -> bool {
        self.digits > 0 && self.digits * 2 >= self.letters
    }

    /// Most words start lowercase, as running prose does (and as text in
    /// scripts without case does).
    pub(super) fn is_mostly_lowercase(&self) -> bool {
        self.capitalized * 2 < self.units
    }
}

/// The non-blank lines of `text`, measured, with repeats marked.
pub(super) fn scan(text: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut from = 0;
    let bytes = text.as_bytes();
    loop {
        let to = memchr::memchr(b'\n', &bytes[from..]).map_or(text.len(), |i| from + i);
        if let Some(line) = measure(text, from, to) {
            lines.push(line);
        }
        if to == text.len() {
            break;
        }
        from = to + 1;
    }
    mark_repeats(text, &mut lines);
    let total: u32 = lines.iter().map(|l| l.units).sum();
    for line in lines.iter_mut() {
        line.most = line.units >= MOST_UNITS && line.units * 2 >= total;
    }
    lines
}

/// Measures `text[from..to]` (a line without its newline); `None` when blank.
fn measure(text: &str, from: usize, to: usize) -> Option<Line> {
    let raw = &text[from..to];
    let trimmed = raw.trim();
    if trimmed.chars().all(is_blank) {
        return None;
    }
    let start = from + (raw.len() - raw.trim_start().len());
    let mut count = Counts::default();
    let bytes = trimmed.as_bytes();
    let mut i = 0;
    // The word reader's state, as its row in the table.
    let mut row = 0;
    while i < bytes.len() {
        // A run adds at most one to a lane a byte: its lanes cannot
        // overflow.
        let run_end = (i + LANE_MAX).min(bytes.len());
        let mut lanes = 0;
        while i < run_end {
            // Eight ASCII bytes at once, without a test each: most text is
            // ASCII.
            if let Some(chunk) = bytes[i..run_end].first_chunk::<8>()
                && u64::from_le_bytes(*chunk) & 0x8080_8080_8080_8080 == 0
            {
                for b in chunk {
                    let step = ASCII_STEPS[row | usize::from(b & 0x7f)];
                    lanes += step & LANES;
                    row = (step >> STATE_AT) as usize;
                }
                i += 8;
                continue;
            }
            let b = bytes[i];
            let step = if b.is_ascii() {
                // The common case: a table lookup, no decoding.
                i += 1;
                ASCII_STEPS[row | usize::from(b)]
            } else {
                let c = trimmed[i..].chars().next().expect("a character starts at a non-ASCII byte");
                i += c.len_utf8();
                count.cjk += u32::from(is_cjk(c));
                step(row, kind(c))
            };
            lanes += step & LANES;
            row = (step >> STATE_AT) as usize;
        }
        count.add(lanes);
    }
    let Counts { words, capitalized, cjk, digits, letters } = count;
    Some(Line {
        start,
        end: start + trimmed.len(),
        units: words + cjk / 2,
        capitalized,
        digits,
        letters,
        leading_figure: leading_figure(bytes),
        numbered: bytes.first().is_some_and(u8::is_ascii_digit),
        labelled: labelled(trimmed),
        ending: ending(trimmed),
        cue: 0,
        start_cue: false,
        section: false,
        thread: false,
        contents: false,
        repeated: false,
        copied: false,
        key: 0,
        stamp: false,
        caption: false,
        bio: false,
        source_note: false,
        signature: false,
        most: false,
    })
}

/// White space, and the invisible characters a page puts between its
/// blocks (a zero-width space or joiner, a byte-order mark): a line of
/// them alone is blank, not furniture that the story must pay to cross.
fn is_blank(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}')
}

// What a character is, for counting words: a bit set.
const SPACE: u32 = 1;
const ALNUM: u32 = 2;
const ALPHA: u32 = 4;
const UPPER: u32 = 8;
const DIGIT: u32 = 16;

/// The kind of each ASCII byte.
const ASCII_KIND: [u32; 128] = {
    let mut table = [0; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = if c.is_ascii_whitespace() {
            SPACE
        } else if c.is_ascii_uppercase() {
            ALNUM | ALPHA | UPPER
        } else if c.is_ascii_alphabetic() {
            ALNUM | ALPHA
        } else if c.is_ascii_digit() {
            ALNUM | DIGIT
        } else {
            0
        };
        b += 1;
    }
    table
};

fn kind(c: char) -> u32 {
    // Each Unicode table is searched once at most (is_alphanumeric would
    // search the alphabetic one again); case counts for letters only.
    if c.is_whitespace() {
        SPACE
    } else if c.is_alphabetic() {
        ALNUM | ALPHA | if c.is_uppercase() { UPPER } else { 0 }
    } else if c.is_numeric() {
        ALNUM
    } else {
        0
    }
}

// The counts a character adds, packed in 13-bit lanes of one word so that
// one addition adds them all (this loop is most of the time spent on a
// text), and the word reader's state after it in the top bits, as its row
// in [`ASCII_STEPS`]: the state's bit 0 is set once the current word has
// had a letter or digit, bit 1 once it has had a letter.
const WORDS_AT: u32 = 0;
const CAPITALIZED_AT: u32 = 13;
const DIGITS_AT: u32 = 26;
const LETTERS_AT: u32 = 39;
const STATE_AT: u32 = 55;
/// The largest count a lane holds.
const LANE_MAX: usize = (1 << 13) - 1;
/// The four lanes.
const LANES: u64 = (1 << STATE_AT) - 1;

/// What a character of kind `k` adds in the state whose row is `row`, and
/// the row of the state after it.
const fn step(row: usize, k: u32) -> u64 {
    let state = (row >> 7) as u64;
    let not_space = ((k & SPACE) ^ SPACE) as u64;
    let counted = state & 1 & not_space;
    let cased = (state >> 1) & not_space;
    let alnum = ((k & ALNUM) >> 1) as u64;
    let alpha = ((k & ALPHA) >> 2) as u64;
    let upper = ((k & UPPER) >> 3) as u64;
    let digit = ((k & DIGIT) >> 4) as u64;
    let word = alnum & (counted ^ 1);
    let capitalized = alpha & (cased ^ 1) & upper;
    let next = (counted | alnum) | (cased | alpha) << 1;
    word << WORDS_AT
        | capitalized << CAPITALIZED_AT
        | digit << DIGITS_AT
        | alpha << LETTERS_AT
        | next << (STATE_AT + 7)
}

/// [`step`] for each state and ASCII byte, a row of 128 bytes a state:
/// one lookup a byte, at the row plus the byte.
const ASCII_STEPS: [u64; 512] = {
    let mut table = [0; 512];
    let mut at = 0;
    while at < 512 {
        table[at] = step(at & !127, ASCII_KIND[at & 127]);
        at += 1;
    }
    table
};

/// Word counts over a line.
#[derive(Default)]
struct Counts {
    words: u32,
    capitalized: u32,
    cjk: u32,
    digits: u32,
    letters: u32,
}

impl Counts {
    /// Adds the packed `lanes` of a run of the line.
    fn add(&mut self, lanes: u64) {
        let lane = |at: u32| ((lanes >> at) & LANE_MAX as u64) as u32;
        self.words += lane(WORDS_AT);
        self.capitalized += lane(CAPITALIZED_AT);
        self.digits += lane(DIGITS_AT);
        self.letters += lane(LETTERS_AT);
    }
}

/// Han, kana and the CJK punctuation-free scripts counted by character.
fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}')
}

/// True when the first or second word of `line` begins with a digit.
fn leading_figure(line: &[u8]) -> bool {
    let second = line.iter().position(|&b| b == b' ').map(|at| line[at..].trim_ascii_start());
    line.first().is_some_and(u8::is_ascii_digit)
        || second.and_then(|w| w.first()).is_some_and(u8::is_ascii_digit)
}

/// True when a colon ends one of the first [`LABEL_WORDS`] words of `line`
/// and words follow it.
fn labelled(line: &str) -> bool {
    let mut words = line.split_ascii_whitespace();
    words.by_ref().take(LABEL_WORDS).any(|w| w.len() > 1 && w.ends_with(':')) && words.next().is_some()
}

fn ending(line: &str) -> Ending {
    // A line wrapped in brackets is an aside from the page ("(Note: ...)"),
    // not a sentence of the story, whatever ends it inside.
    if line.starts_with('(') && line.trim_end_matches('.').ends_with(')') {
        return Ending::Other;
    }
    let core = line.trim_end_matches(['"', '\'', '”', '’', '»', ')', ']', '*', ' ']);
    match core.chars().next_back() {
        Some('.' | '…' | '。') => Ending::Stop,
        Some('?' | '？') => Ending::Question,
        Some('!' | '！') => Ending::Exclamation,
        Some(':' | '：') => Ending::Colon,
        Some('—' | '–' | '-') => Ending::Dash,
        _ => Ending::Other,
    }
}

fn mark_repeats(text: &str, lines: &mut [Line]) {
    // Hashes of the lines, sorted: a line has a copy when its hash occurs
    // twice (64-bit hashes make a false copy negligible).
    let keys: Vec<u64> = lines
        .iter()
        .map(|l| fnv1a(text.as_bytes().get(l.start..l.end).unwrap_or_default().iter().copied()))
        .collect();
    let mut sorted = keys.clone();
    sorted.sort_unstable();
    for (line, &h) in lines.iter_mut().zip(&keys) {
        line.key = h;
        let first = sorted.partition_point(|&x| x < h);
        let twice = sorted.get(first + 1) == Some(&h);
        line.repeated = twice && line.units <= SHORT_UNITS;
        line.copied = twice && line.units > SHORT_UNITS;
    }
}

/// The 64-bit FNV-1a hash.
pub(super) fn fnv1a(bytes: impl IntoIterator<Item = u8>) -> u64 {
    bytes.into_iter().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_lines_are_skipped_and_spans_are_trimmed() {
        let text = "  Hello world.  \n\n\u{a0}\nNext";
        let lines = scan(text);
        assert_eq!(lines.len(), 2);
        assert_eq!(&text[lines[0].start..lines[0].end], "Hello world.");
        assert_eq!(&text[lines[1].start..lines[1].end], "Next");
    }

    #[test]
    fn a_line_of_zero_width_characters_alone_is_blank() {
        let text = "First line.\n\u{200b}\n \u{200d} \u{200d}\n\u{feff}\n\u{200b}Next";
        let lines = scan(text);
        assert_eq!(lines.len(), 2);
        assert_eq!(&text[lines[1].start..lines[1].end], "\u{200b}Next");
    }

    #[test]
    fn endings_ignore_closing_quotes() {
        assert_eq!(ending("he said “no.”"), Ending::Stop);
        assert_eq!(ending("Is it over?"), Ending::Question);
        assert_eq!(ending("Happy coding!"), Ending::Exclamation);
        assert_eq!(ending("The official responded:"), Ending::Colon);
        assert_eq!(ending("KABUL, Afghanistan —"), Ending::Dash);
        assert_eq!(ending("A headline"), Ending::Other);
        assert_eq!(ending("(Note: members see one page)."), Ending::Other);
    }

    #[test]
    fn cjk_characters_count_as_half_units() {
        let lines = scan("東京都は新しい計画を発表した。");
        assert_eq!(lines[0].units, 1 + 14 / 2);
    }

    #[test]
    fn words_are_counted_across_scripts_and_case() {
        let lines = scan("Él dijo 42 veces: «Ça va», ДА-да, 東京 it's");
        let line = &lines[0];
        assert_eq!((line.units, line.capitalized, line.digits), (9 + 1, 3, 2));
        assert_eq!(line.letters, 2 + 4 + 5 + 2 + 2 + 4 + 2 + 3);
    }

    #[test]
    fn a_line_longer_than_a_counts_lane_is_counted_whole() {
        let text = "Ab 1 ".repeat(20_000);
        let line = &scan(&text)[0];
        assert_eq!(
            (line.units, line.capitalized, line.digits, line.letters),
            (40_000, 20_000, 20_000, 40_000)
        );
    }

    #[test]
    fn identical_short_lines_are_repeats() {
        let lines = scan("Home\nA story line that is long enough.\nHome");
        assert!(lines[0].repeated && lines[2].repeated && !lines[1].repeated);
    }

    #[test]
    fn a_headline_met_twice_in_lists_of_other_stories_is_a_repeat() {
        let headline =
            "Why the city's plan to fix its roads will take another ten years and cost twice as much";
        let text = format!("{headline}\nA story line that is long enough.\n{headline}");
        let lines = scan(&text);
        assert!(lines[0].repeated && lines[2].repeated, "{} units", lines[0].units);
    }

    #[test]
    fn a_long_paragraph_given_twice_is_copied_not_repeated() {
        let blurb = paragraph_of(40);
        let text = format!("{blurb}\nA story line that is long enough.\n{blurb}\n{}\n", paragraph_of(41));
        let lines = scan(&text);
        let copied: Vec<bool> = lines.iter().map(|l| l.copied).collect();
        assert_eq!(copied, [true, false, true, false]);
        assert!(lines.iter().all(|l| !l.repeated));
        assert_eq!(lines[0].key, lines[2].key);
    }

    /// A line of `words` distinct words.
    fn paragraph_of(words: usize) -> String {
        (0..words).map(|w| format!("word{w}")).collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn items_opened_by_a_short_label_and_a_colon_are_labelled() {
        for item in [
            "Motion: inbound vs. field",
            "Data quality: who owns it",
            "Snacks: a small handful of nuts",
            "Czech Republic (Group A): Seventh appearance",
        ] {
            assert!(labelled(item), "{item}");
        }
        for line in ["Snacks:", "Here is what the minister said: no", "12:30 pm", "https://example.com/page"]
        {
            assert!(!labelled(line), "{line}");
        }
    }

    #[test]
    fn numbered_and_dated_items_lead_with_a_figure() {
        for item in ["1) Lego Star Wars", "June 9 – Tampa, FL", "Aug. 2 -- Clarkston, MI", "12. Pack the car"]
        {
            assert!(leading_figure(item.as_bytes()), "{item}");
        }
        for line in ["Aliran Islam (160)", "Top stories", "The best 3 picks", ""] {
            assert!(!leading_figure(line.as_bytes()), "{line}");
        }
    }
}
