//! Hard-wrapped text: html2text's default output, lynx and w3m dumps, mail
//! and `fold` break every paragraph into lines of at most a fixed width.
//! The rest of text mode reads a line as a block, so a wrapped paragraph
//! would look like a run of unfinished lines. This pass finds the width the
//! text was wrapped at and joins each paragraph's lines back into one.

use std::borrow::Cow;

use super::markdown;

/// Lines of this many words or more are prose, the lines a wrapper fills;
/// shorter ones (menu items, headings, a list of links) say nothing about
/// the width.
const PROSE_WORDS: usize = 4;
/// A prose line has its first words within this many bytes (a line whose
/// first words are longer is a URL or a run of code, not wrapped prose).
const WORDS_WITHIN: usize = 256;
/// A text needs this many prose lines filling one width before it is
/// taken as wrapped: a few paragraphs of similar length are not a wrap.
const FILLED_LINES: usize = 8;
/// At least one prose line in this many fills the width.
const FILLED_SHARE: usize = 5;
/// At most one line without a link per this many filled lines runs past
/// the width (a wrapper leaves a long word whole).
const OVERLONG_SHARE: usize = 4;
/// At least one filled line in this many reads on in lowercase.
const READS_ON_SHARE: usize = 4;
/// A filled line ends at most this many columns short of the width: the
/// next word did not fit. A greedy wrapper fills lines to within a word.
const SLACK: usize = 15;
/// Widths a text is wrapped at. Narrower lines are a column of short
/// items; no wrapper fills lines wider than this.
const WIDTHS: std::ops::RangeInclusive<usize> = 30..=200;
/// At least this many distinct widths among the filled lines: wrapped prose
/// ends its lines wherever a word ends, while a table's rows or a block of
/// identical lines share one width.
const FILLED_WIDTHS: usize = 4;

/// `text` with every hard-wrapped paragraph on one line, its lines joined
/// by a space, and a line that ends in a hard break still ending in one;
/// borrowed as it is when the text is not hard-wrapped.
pub(super) fn join(text: &str) -> Cow<'_, str> {
    let Some(width) = wrap_width(text) else { return Cow::Borrowed(text) };
    let mut out = String::with_capacity(text.len());
    let mut joined = false;
    // The line before, when it held text and may go on: its columns, and
    // how deep in quotes it is (a wrapped quote's lines each repeat `>`).
    let mut prev: Option<(usize, usize)> = None;
    for (n, raw) in text.split('\n').enumerate() {
        let line = raw.trim_end();
        let (depth, rest) = markdown::quoted(line.trim_start());
        if !rest.is_empty() && prev.is_some_and(|(cols, d)| d == depth && is_soft_break(cols, rest, width)) {
            // "well-" + "known": a wrapper that breaks at hyphens keeps them.
            if !is_hyphen_break(&out, rest) {
                out.push(' ');
            }
            out.push_str(rest);
            joined = true;
        } else {
            if n > 0 {
                out.push('\n');
            }
            out.push_str(line);
        }
        let hard = markdown::is_hard_break(raw);
        if hard && !rest.is_empty() {
            // Kept for the markdown pass, which joins the lines of a
            // paragraph but those.
            out.push_str("  ");
        }
        prev = (!rest.is_empty() && !hard).then(|| (columns(line), depth));
    }
    if joined { Cow::Owned(out) } else { Cow::Borrowed(text) }
}

/// The width `text` was wrapped at, if it was: few prose lines run past
/// it; many fill it to within [`SLACK`] columns, at varied widths, and
/// more than end in the band below (text with one paragraph a line has
/// lines of every length); and the filled lines read on into the next
/// line, which often goes on in lowercase (a menu's items each start with
/// a capital).
fn wrap_width(text: &str) -> Option<usize> {
    let mut widths = Widths::default();
    // The prose line just before, whose next line is read now.
    let mut last: Option<usize> = None;
    let mut start = 0;
    // Every line is read once, byte by byte at most: this runs on every
    // text, wrapped or not.
    for end in memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len())) {
        let raw = &text[start..end];
        start = end + 1;
        if let Some(cols) = last.take() {
            let (_, next) = markdown::quoted(raw.trim_start());
            widths.add(cols, next.chars().next().is_some_and(|c| !c.is_uppercase()));
            if !next.is_empty() {
                let word = &next[..memchr::memchr2(b' ', b'\t', next.as_bytes()).unwrap_or(next.len())];
                widths.continued(cols, cols + 1 + columns(word));
            }
        }
        let line = raw.trim_ascii_end();
        let (_, rest) = markdown::quoted(line.trim_ascii_start());
        // A list item, a heading, a table row or a line the writer broke
        // is left as it is by html2text, however long or short.
        if has_words(rest.as_bytes(), PROSE_WORDS)
            && !markdown::opens_block(rest)
            && memchr::memchr(b'|', rest.as_bytes()).is_none()
            && !markdown::is_hard_break(raw)
        {
            let cols = columns(line);
            if is_linked(line.as_bytes()) {
                widths.linked(cols);
            }
            last = Some(cols);
        }
    }
    if let Some(cols) = last {
        widths.add(cols, false);
    }
    widths.wrap_width()
}

/// The prose lines of a text counted by their width (in columns, up to
/// [`WIDTHS`]' end, wider ones counted together).
struct Widths {
    /// Prose lines of each width.
    lines: [usize; CAP + 1],
    /// Of those, the ones that hold a link: a wrapper counts a link
    /// target's columns but cannot break it, so only a line without one
    /// shows that the text runs past a width.
    linked: [usize; CAP + 1],
    /// Of those, the ones whose next line goes on in anything but a capital.
    reads_on: [usize; CAP + 1],
    /// Of those, the ones followed by a line of text.
    continued: [usize; CAP + 1],
    /// Those continued lines by the width their next line's first word
    /// would have needed on them.
    fits: [usize; CAP + 1],
    /// Prose lines in all.
    total: usize,
}

/// The widest width counted apart.
const CAP: usize = *WIDTHS.end() + 1;

impl Default for Widths {
    fn default() -> Widths {
        Widths {
            lines: [0; CAP + 1],
            linked: [0; CAP + 1],
            reads_on: [0; CAP + 1],
            continued: [0; CAP + 1],
            fits: [0; CAP + 1],
            total: 0,
        }
    }
}

impl Widths {
    /// Counts a prose line `cols` wide, and whether the next line goes on
    /// in anything but a capital.
    fn add(&mut self, cols: usize, lower: bool) {
        let at = cols.min(CAP);
        self.lines[at] += 1;
        self.reads_on[at] += usize::from(lower);
        self.total += 1;
    }

    /// Counts a prose line `cols` wide as holding a link.
    fn linked(&mut self, cols: usize) {
        self.linked[cols.min(CAP)] += 1;
    }

    /// Counts a prose line `cols` wide whose paragraph goes on in a word
    /// that would have needed `fits` columns on it.
    fn continued(&mut self, cols: usize, fits: usize) {
        self.continued[cols.min(CAP)] += 1;
        self.fits[fits.min(CAP)] += 1;
    }

    /// Of the widths at which lines in the band up to `top` end, the one at
    /// which most continued lines end because the next word would not have
    /// fitted: those up to that width whose next word needed more. The
    /// band's widest line is not always the wrap: a headline or a quote a
    /// few columns wider, left whole, ends there too.
    fn explaining(&self, top: usize) -> usize {
        let (mut upto, mut fit) = (0, 0);
        let mut best = (0, top);
        for w in 0..=top {
            upto += self.continued[w];
            fit += self.fits[w];
            // A tie goes to the wider width, the band's top.
            if w + SLACK >= top && self.lines[w] > 0 && upto - fit >= best.0 {
                best = (upto - fit, w);
            }
        }
        best.1
    }

    /// Lines without a link wider than each width.
    fn over(&self) -> [usize; CAP + 1] {
        let mut over = [0; CAP + 1];
        for w in (0..CAP).rev() {
            over[w] = over[w + 1] + self.lines[w + 1] - self.linked[w + 1];
        }
        over
    }

    /// Lines from `low` to `high` columns.
    fn band(&self, low: usize, high: usize) -> usize {
        self.lines[low..=high].iter().sum()
    }

    /// The width the lines were wrapped at, if they were: few prose lines
    /// run past it; many fill it to within [`SLACK`] columns, at varied
    /// widths, and more than end in the band below (text with one paragraph
    /// a line has lines of every length); and the filled lines read on
    /// into the next line, which often goes on in lowercase (a menu's items
    /// each start with a capital).
    fn wrap_width(&self) -> Option<usize> {
        if self.total < FILLED_LINES {
            return None;
        }
        // The top of the band of SLACK + 1 columns that holds the most
        // lines, less the lines past it.
        let over = self.over();
        let score = |top: usize| self.band(top - SLACK, top) as isize - over[top] as isize;
        let top = WIDTHS.rev().max_by_key(|&w| score(w))?;
        let width = (top - SLACK..=top).rev().find(|&w| self.lines[w] > 0).filter(|w| WIDTHS.contains(w))?;
        let filled = self.band(width - SLACK, width);
        // The band just below the filled lines: a wrapper leaves only
        // paragraphs' last lines there, fewer than it fills; in text with
        // one paragraph a line, lines thin out towards the longest ones.
        let below = self.band(width - 2 * SLACK, width - SLACK - 1);
        let distinct = (width - SLACK..=width).filter(|&w| self.lines[w] > 0).count();
        let reads_on: usize = self.reads_on[width - SLACK..=width].iter().sum();
        let wrapped = filled >= FILLED_LINES
            && filled * FILLED_SHARE >= self.total
            && over[width] * OVERLONG_SHARE <= filled
            && filled > below
            && distinct >= FILLED_WIDTHS
            && reads_on * READS_ON_SHARE >= filled;
        wrapped.then(|| self.explaining(width))
    }
}

/// `line` holds at least `n` words (runs of anything but ASCII blanks)
/// in its first [`WORDS_WITHIN`] bytes: where a line of prose has them.
fn has_words(line: &[u8], n: usize) -> bool {
    let mut words = 0;
    let mut blank = true;
    for &b in &line[..line.len().min(WORDS_WITHIN)] {
        let is_blank = b == b' ' || b == b'\t';
        if blank && !is_blank {
            words += 1;
            if words == n {
                return true;
            }
        }
        blank = is_blank;
    }
    false
}

/// `line` holds a markdown link's target (`](`) or a URL (`://`).
fn is_linked(line: &[u8]) -> bool {
    // Found from their first byte: a searcher built for each line would
    // cost more than the line's scan.
    memchr::memchr_iter(b']', line).any(|at| line[at + 1..].starts_with(b"("))
        || memchr::memchr_iter(b':', line).any(|at| line[at + 1..].starts_with(b"//"))
}

/// The line break before `next` was the wrapper's: `next`'s first word would
/// not have fitted on the line before (`prev_cols` wide), and `next` does
/// not open a block of its own (a list item, a heading, a table row).
fn is_soft_break(prev_cols: usize, next: &str, width: usize) -> bool {
    let word = next.split_whitespace().next().unwrap_or_default();
    prev_cols + 1 + columns(word) > width && !markdown::opens_block(next)
}

/// The text so far ends in a letter and a hyphen, and `next` goes on in
/// lowercase: a word broken at its hyphen.
fn is_hyphen_break(out: &str, next: &str) -> bool {
    let mut tail = out.chars().rev();
    tail.next() == Some('-')
        && tail.next().is_some_and(char::is_alphabetic)
        && next.chars().next().is_some_and(char::is_lowercase)
}

/// Columns a wrapper counts: characters (the bytes that start one), up to
/// [`CAP`]; a line of four times as many bytes is wider, whatever it holds.
fn columns(s: &str) -> usize {
    if s.len() > 4 * CAP {
        CAP
    } else if s.is_ascii() {
        s.len()
    } else {
        s.bytes().filter(|&b| (b as i8) >= -0x40).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `text` wrapped greedily at `width` columns, blank lines between
    /// paragraphs when `blank` is true.
    fn wrap(paragraphs: &[&str], width: usize, blank: bool) -> String {
        let mut out = Vec::new();
        for p in paragraphs {
            let mut line = String::new();
            for word in p.split(' ') {
                if !line.is_empty() && columns(&line) + 1 + columns(word) > width {
                    out.push(std::mem::take(&mut line));
                }
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(word);
            }
            out.push(line);
            if blank {
                out.push(String::new());
            }
        }
        out.join("\n")
    }

    /// Four paragraphs of varied prose, each long enough to wrap several
    /// times.
    fn story() -> Vec<String> {
        let sentences = [
            "Rivers across the north rose to record levels on Sunday after a week of heavy rain, officials said.",
            "Hundreds of homes were evacuated overnight in three towns, and more rain is forecast for Tuesday.",
            "The regional council opened four shelters and asked drivers to keep off minor roads until Monday.",
            "Farmers said the floods had ruined most of the winter wheat, which was sown late after a dry autumn.",
            "A spokeswoman for the weather service said the river at Millbrook peaked at 5.2 metres, a record.",
            "Insurers expect claims to exceed the figure paid after the floods of 2007, the trade body said.",
        ];
        (0..4)
            .map(|n| (0..4).map(|k| sentences[(n + k) % sentences.len()]).collect::<Vec<_>>().join(" "))
            .collect()
    }

    #[test]
    fn paragraphs_wrapped_at_a_fixed_width_are_joined_back() {
        let story = story();
        let paragraphs: Vec<&str> = story.iter().map(String::as_str).collect();
        for width in [60, 72, 78, 90] {
            let wrapped = wrap(&paragraphs, width, true);
            let joined = join(&wrapped);
            let lines: Vec<&str> = joined.lines().filter(|l| !l.is_empty()).collect();
            assert_eq!(lines, paragraphs, "width {width}");
        }
    }

    #[test]
    fn without_blank_lines_a_paragraph_is_never_split() {
        // A paragraph's last line that happens to be full reads on into the
        // next paragraph: nothing tells the two breaks apart.
        let story = story();
        let paragraphs: Vec<&str> = story.iter().map(String::as_str).collect();
        for width in [60, 72, 78, 90] {
            let wrapped = wrap(&paragraphs, width, false);
            let joined = join(&wrapped);
            for p in &paragraphs {
                assert!(joined.lines().any(|l| l.contains(p)), "width {width}: {p}");
            }
        }
    }

    #[test]
    fn text_with_one_paragraph_a_line_is_left_as_it_is() {
        let mut page = String::from("Home\nWorld\nSport\nRivers rise across the north\n");
        for n in 1..=8 {
            page.push_str(&crate::text::paragraph(n)[..40 + 9 * n]);
            page.push('\n');
        }
        assert!(matches!(join(&page), Cow::Borrowed(_)));
    }

    #[test]
    fn a_menu_and_a_headline_above_wrapped_text_stay_on_their_lines() {
        let story = story();
        let paragraphs: Vec<&str> = story.iter().map(String::as_str).collect();
        let page =
            format!("Home\nWorld news\nRivers rise across the north\n\n{}", wrap(&paragraphs, 72, true));
        let joined = join(&page);
        let lines: Vec<&str> = joined.lines().collect();
        assert_eq!(lines[..4], ["Home", "World news", "Rivers rise across the north", ""]);
        assert_eq!(lines[4], paragraphs[0]);
    }

    #[test]
    fn list_items_headings_and_quotes_start_their_own_line() {
        let story = story();
        let long = &story[0][..70];
        let mut page = wrap(&story.iter().map(String::as_str).collect::<Vec<_>>(), 72, true);
        for marker in ["* ", "- ", "1. ", "12) ", "# ", "> ", "| ", "• "] {
            page.push_str(&format!("\n{long}\n{marker}item"));
        }
        let joined = join(&page);
        for marker in ["* ", "- ", "1. ", "12) ", "# ", "> ", "| ", "• "] {
            assert!(joined.contains(&format!("\n{marker}item")), "{marker}");
        }
    }

    /// The story wrapped at 72 columns with blank lines between paragraphs,
    /// and `extra` after it.
    fn page_with(extra: &str) -> String {
        let story = story();
        format!("{}\n\n{extra}", wrap(&story.iter().map(String::as_str).collect::<Vec<_>>(), 72, true))
    }

    #[test]
    fn a_wrapped_quote_is_joined_inside_its_marks() {
        let quote = "> The council said the plan for a new bridge over the river would be\n\
                     > ready by the spring, and that work on it could start in the summer.";
        let joined = join(&page_with(quote)).into_owned();
        assert!(joined.ends_with(
            "> The council said the plan for a new bridge over the river would be ready by the spring, \
             and that work on it could start in the summer."
        ));
    }

    #[test]
    fn a_hashtag_going_on_a_line_is_not_a_heading() {
        let tagged =
            "Photographs of the flooded valley taken from the hills above the town on\n#Sunday morning.";
        assert!(join(&page_with(tagged)).ends_with("town on #Sunday morning."));
    }

    #[test]
    fn an_escaped_number_at_a_wrap_goes_on_and_a_list_number_does_not() {
        // html2text escapes the number a paragraph opens with, and wrapping
        // may put it at a line's start; a list's item is not escaped.
        let text = "The guide to the harbour walk lists the stops in the order they come in:\n\
                    1\\. the old customs house, where the tour begins at ten each morning.\n\
                    2. The lighthouse";
        let joined = join(&page_with(text)).into_owned();
        assert!(joined.ends_with("come in: 1\\. the old customs house, where the tour begins at ten each morning.\n2. The lighthouse"), "{joined}");
    }

    #[test]
    fn a_markdown_hard_break_and_a_table_separator_keep_their_lines() {
        let table = "| Town | River level on Sunday morning in metres above the usual mark |\n---|---";
        let hard =
            "The river at Millbrook peaked on Sunday at 5.2 metres, the highest since  \nrecords began.";
        let joined = join(&page_with(&format!("{table}\n\n{hard}"))).into_owned();
        assert!(joined.contains("mark |\n---|---"));
        // The break is kept, for the markdown pass.
        assert!(joined.ends_with("since  \nrecords began."));
    }

    #[test]
    fn a_line_past_the_width_keeps_the_blank_line_after_it() {
        let url = "https://ledger.example/a/long/address/that/no/wrapper/can/break/anywhere/at/all/2019";
        let page = page_with(&format!("{url}\n\nThe council said the plan was sound."));
        let joined = join(&page);
        assert!(joined.ends_with(&format!("{url}\n\nThe council said the plan was sound.")));
    }

    #[test]
    fn a_word_broken_at_its_hyphen_is_whole_again() {
        let story = story();
        let mut page = wrap(&story.iter().map(String::as_str).collect::<Vec<_>>(), 72, true);
        page.push_str(
            "\n\nThe council said the plan for a new bridge over the river was well-\nknown to all.",
        );
        assert!(join(&page).ends_with("was well-known to all."));
    }

    #[test]
    fn rows_of_one_width_are_not_a_wrapped_paragraph() {
        let row = "Alpha team scored 10 points in round one today";
        let page = [row; 12].join("\n");
        assert!(matches!(join(&page), Cow::Borrowed(_)));
    }

    /// Words of 1 to 11 letters, for generated prose.
    const WORDS: &str = "a of the rain river council flooded shelters overnight evacuated regional forecast to in on was homes roads drivers insurers spokeswoman temporarily farmers wheat and record levels after week heavy";

    /// A sentence-cased paragraph of `len` of the `WORDS`, drawn by a
    /// generator seeded with `seed` (a linear congruential one: the words
    /// vary as prose does, however the seed shrinks).
    fn paragraph_of(seed: u64, len: usize) -> String {
        let vocabulary: Vec<&str> = WORDS.split(' ').collect();
        let mut state = seed;
        let words: Vec<&str> = (0..len)
            .map(|_| {
                state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                vocabulary[(state >> 33) as usize % vocabulary.len()]
            })
            .collect();
        let mut text = words.join(" ");
        text[..1].make_ascii_uppercase();
        text.push('.');
        text
    }

    /// A line of prose `min` to `min + 11` columns wide: a block a wrapper
    /// left whole (a headline, a quote, a line wrapped before).
    fn long_line(start: usize, min: usize) -> String {
        let mut line = String::from("Unwrapped");
        for word in WORDS.split(' ').cycle().skip(start) {
            if line.len() >= min {
                break;
            }
            line.push(' ');
            line.push_str(word);
        }
        line
    }

    proptest::proptest! {
        #[test]
        fn paragraphs_wrapped_at_any_width_are_joined_back_around_unwrapped_lines(
            width in 45usize..=100,
            shapes in proptest::collection::vec((proptest::num::u64::ANY, 45usize..90), 4..7),
            extra in proptest::collection::vec((0usize..8, 1usize..=8), 0..=2),
        ) {
            let mut blocks: Vec<String> = shapes.iter().map(|&(seed, len)| paragraph_of(seed, len)).collect();
            for (at, over) in extra {
                blocks.insert(at % (blocks.len() + 1), long_line(at, width + over));
            }
            let page = blocks
                .iter()
                .map(|b| if b.starts_with("Unwrapped") { b.clone() } else { wrap(&[b.as_str()], width, false) })
                .collect::<Vec<_>>()
                .join("\n\n");
            let joined = join(&page);
            let got: Vec<&str> = joined.split("\n\n").collect();
            proptest::prop_assert_eq!(got, blocks.iter().map(String::as_str).collect::<Vec<_>>());
        }

        #[test]
        fn joining_keeps_every_word_in_order(text in "[a-z .\n-]{0,400}") {
            let joined = join(&text);
            let before: Vec<&str> = text.split_whitespace().collect();
            let after: Vec<&str> = joined.split_whitespace().collect();
            // A hyphen break merges two words into one.
            proptest::prop_assert_eq!(before.concat(), after.concat());
        }
    }
}
