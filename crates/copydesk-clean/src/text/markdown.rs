//! Markdown in scraped text: many scrapers (html2text, Jina Reader,
//! Firecrawl, markdownify) write a page as markdown, and its link targets,
//! heading hashes, bullets, emphasis markers and backslash escapes would
//! skew every line measure (a menu line of URLs is all digits and slashes)
//! and end up in the story. [`plain`] takes the markup off, line by line,
//! so that the classifier sees the lines it would see in plain text; a
//! paragraph or a heading that the converter broke over several lines (it
//! kept the page source's line breaks) goes on its first line.
//!
//! Hand-written rather than built on a CommonMark parser: the output keeps
//! the input's lines one for one (a block on its first line, its other
//! lines left blank), so a parser's events would have to be mapped back
//! onto lines through their source ranges for every block kind. What text
//! mode needs is smaller: where a paragraph ends, the inline markup of a
//! line, and a few line prefixes, in one linear pass with no dependency.

use std::borrow::Cow;

/// A text is markdown when at least this many of its lines hold a link or
/// an image (`](`): a page written as markdown links its menus, teasers and
/// footer, while a plain page quoting markdown source has a handful.
const MIN_LINK_LINES: usize = 3;
/// ... and when lines marked up as markdown (a link, a heading, a bullet)
/// make at least this share (one in so many) of its non-blank lines: a
/// plain page of some hundred lines that cites its sources as markdown
/// links is not markdown throughout. Measured on html2text's markdown of
/// the AEB and WCXB pages, marked lines are one in ten at the fewest; on
/// our plain renderings of them, one in seventy at the most.
const MARKED_LINE_SHARE: usize = 20;
/// A line whose words are all link text, and more of them than this, is
/// dropped: a teaser (image, headline and blurb in one link) or a row of
/// them, which our plain rendering gives as several short lines but
/// markdown as one of paragraph length that the classifier takes for
/// prose. Shorter ones (menu items, headlines) are left to the classifier.
/// Measured on html2text's markdown (bag-of-words F1), from 12 to 50 words
/// both AEB and WCXB gain; 20 gains the most on both together.
const MAX_LINKED_WORDS: usize = 20;
/// Bullet markers: one of them and a space open a list item.
const BULLETS: &[u8] = b"*-+";
/// Characters that a run of which, three or more and nothing else, makes a
/// horizontal rule or a setext heading's underline.
const RULES: &[u8] = b"-*_=";
/// Characters whose runs mark emphasis (`*`, `_`) or strikethrough (`~~`).
const EMPHASIS: &[u8] = b"*_~";
/// Code fences: a line opening with three of either starts or ends a block
/// of code, whose lines are taken as they are.
const FENCES: [&str; 2] = ["```", "~~~"];
/// The indent of a line of an indented code block.
const CODE_INDENT: &str = "    ";
/// Schemes of an autolink (`<https://...>`).
const AUTOLINK_SCHEMES: [&str; 4] = ["http://", "https://", "mailto:", "ftp://"];
/// The longest link destination read; past it a `(` is left as text, so a
/// line of unclosed brackets costs linear time.
const MAX_DESTINATION: usize = 4096;
/// The longest backtick run read as a code span's fence.
const MAX_TICKS: usize = 8;
/// The longest setext heading, in characters, read over several lines.
const MAX_HEADING: usize = 300;

/// `text` without its markdown, one output line per input line (so blocks
/// stay where they were; a block's lines go on its first, the others are
/// left blank); `Cow::Borrowed`, untouched, when `text` is not
/// markdown.
pub(super) fn plain(text: &str) -> Cow<'_, str> {
    if !is_markdown(text) {
        return Cow::Borrowed(text);
    }
    let lines: Vec<&str> = text.split('\n').collect();
    let mut out = String::with_capacity(text.len());
    let mut scratch = Scratch::default();
    let mut table = false;
    let mut headings = long_headings(&lines).into_iter().peekable();
    let mut i = 0;
    while i < lines.len() {
        if i > 0 {
            out.push('\n');
        }
        let line = lines[i].trim_end();
        let bare = line.trim_start();
        if FENCES.iter().any(|f| bare.starts_with(f)) {
            let end = lines[i + 1..]
                .iter()
                .position(|l| FENCES.iter().any(|f| l.trim_start().starts_with(f)))
                .map_or(lines.len(), |p| i + 2 + p);
            i += code_block(&lines[i..end], 1, &mut out);
            continue;
        }
        if is_indented_code(&lines, i) {
            let end = lines[i..]
                .iter()
                .position(|l| !l.trim().is_empty() && !l.starts_with(CODE_INDENT) && !l.starts_with('\t'))
                .map_or(lines.len(), |p| i + p);
            i += code_block(&lines[i..end], 0, &mut out);
            continue;
        }
        let body = unquote(line);
        if is_table_separator(body) {
            table = true;
        } else {
            table &= body.contains('|');
            if table || lines.get(i + 1).is_some_and(|next| is_table_separator(unquote(next.trim_end()))) {
                table_row(body, &mut scratch, &mut out);
            } else {
                while headings.next_if(|&(start, _)| start < i).is_some() {}
                let end = headings
                    .next_if(|&(start, _)| start == i)
                    .map_or_else(|| paragraph_end(&lines, i), |h| h.1);
                if end > i + 1 {
                    // A paragraph's lines go on its first line, the others
                    // are left blank, as a code block's are.
                    let mut para = std::mem::take(&mut scratch.para);
                    para.clear();
                    for next in lines[i..end].iter().map(|l| unquote(l.trim_end())).filter(|l| !l.is_empty())
                    {
                        if !para.is_empty() {
                            para.push(' ');
                        }
                        para.push_str(next);
                    }
                    block(&para, &mut scratch, &mut out);
                    scratch.para = para;
                    for _ in i + 1..end {
                        out.push('\n');
                    }
                    i = end;
                    continue;
                }
                block(body, &mut scratch, &mut out);
            }
        }
        i += 1;
    }
    Cow::Owned(out)
}

/// Where the paragraph that line `i` opens ends (one past its last line):
/// a converter that keeps the page source's line breaks (markdownify does)
/// breaks a paragraph wherever the source did, and markdown reads such a
/// soft break as a space. A line goes on the one above unless that one
/// ends in a hard break or is a heading, or it opens a block of its own,
/// is in another quote, or heads a table.
fn paragraph_end(lines: &[&str], i: usize) -> usize {
    let (depth, first) = quoted(lines[i].trim_end());
    if first.is_empty() || is_heading(first) || is_rule(first) || is_reference_definition(first) {
        return i + 1;
    }
    let mut end = i + 1;
    while let Some(next) = lines.get(end) {
        let (next_depth, bare) = quoted(next.trim_end());
        if bare.is_empty()
            || next_depth != depth
            || is_hard_break(lines[end - 1])
            || opens_block(bare)
            || is_definition(bare)
            || is_reference_definition(bare)
            || FENCES.iter().any(|f| bare.starts_with(f))
            || lines.get(end + 1).is_some_and(|after| is_table_separator(unquote(after.trim_end())))
        {
            break;
        }
        end += 1;
    }
    end
}

/// The setext headings that run over several lines, blank ones among
/// them, as (first line, underline): markdownify keeps the line breaks of
/// the source in a heading too (`<h2><span>11</span>` and a line break,
/// then `<span>Title</span>`), and underlines its whole text, so the
/// underline is as long as the lines above it that it heads, joined by
/// line breaks. The heading is taken to start after a blank line, as a
/// converter writes one, and to be at most [`MAX_HEADING`] characters.
fn long_headings(lines: &[&str]) -> Vec<(usize, usize)> {
    let mut headings = Vec::new();
    for (u, line) in lines.iter().enumerate() {
        let underline = line.trim_end();
        let bare = underline.trim_start();
        let indent = underline.len() - bare.len();
        let Some(&mark) = bare.as_bytes().first() else { continue };
        if !matches!(mark, b'-' | b'=') || bare.len() > MAX_HEADING || bare.bytes().any(|b| b != mark) {
            continue;
        }
        // Characters of the heading's lines, joined, without the indent a
        // list item gives each of them.
        let chars = |l: &str| l.chars().take(MAX_HEADING + 1).count().saturating_sub(indent);
        let mut from = u;
        let mut seen = 0;
        while from > 0 && seen < bare.len() {
            from -= 1;
            seen += chars(lines[from]) + usize::from(from + 1 < u);
        }
        let starts_block = from == 0 || lines[from - 1].trim().is_empty();
        let spans = seen == bare.len() && from + 1 < u;
        if spans && starts_block && !lines[from].trim().is_empty() && !lines[u - 1].trim().is_empty() {
            headings.push((from, u));
        }
    }
    headings
}

/// A block of code (`block`, its fences if `skip` is 1): our plain rendering
/// gives a `<pre>` as one line, its lines run together, so its text goes on
/// the block's first line and its other lines are left blank (a column of
/// short code lines would read as furniture and end the story). Returns
/// how many lines it took, counted from where `block` starts.
fn code_block(block: &[&str], skip: usize, out: &mut String) -> usize {
    let mut first = true;
    for line in block.iter().skip(skip).take(block.len().saturating_sub(2 * skip)).map(|l| l.trim()) {
        if !line.is_empty() {
            if !first {
                out.push(' ');
            }
            out.push_str(line);
            first = false;
        }
    }
    for _ in 1..block.len() {
        out.push('\n');
    }
    block.len()
}

/// Line `i` opens an indented code block (html2text's `<pre>`): indented by
/// [`CODE_INDENT`] or a tab after a blank line, not a nested list item, and
/// not in a list: after a list item or its indented lines, an indented
/// line goes on the item (markdownify and other converters indent an
/// item's further paragraphs, a teaser's headline, byline and blurb).
fn is_indented_code(lines: &[&str], i: usize) -> bool {
    let line = lines[i];
    let bare = line.trim();
    let in_list = || {
        lines[..i].iter().rev().find(|l| !l.trim().is_empty()).is_some_and(|above| {
            let item = above.trim_start();
            item.len() < above.len() || is_bullet(item) || is_ordered(item)
        })
    };
    (line.starts_with(CODE_INDENT) || line.starts_with('\t'))
        && !bare.is_empty()
        && i > 0
        && lines[i - 1].trim().is_empty()
        && !is_bullet(bare)
        && !is_ordered(bare)
        && !in_list()
}

/// `next` opens a block of its own: a list item (markdown's or a `•`), a
/// heading's `#` (not a hashtag), a table's row or separator, or a rule or
/// a heading's underline.
pub(super) fn opens_block(next: &str) -> bool {
    is_bullet(next)
        // A year that ends a sentence ("in\n2019. The") is no list number,
        // nor is an escaped one (html2text's "1\\. Define", a paragraph
        // that opens with a number, which its wrapping may break anywhere).
        || list_number_end(next).is_some()
        || is_heading(next)
        || is_rule(next)
        || is_table_separator(next)
        || next.starts_with(['|', '•'])
}

/// `raw` ends in markdown's hard line break, two spaces or a backslash: a
/// line break the writer meant (a table row, an address, a poem).
pub(super) fn is_hard_break(raw: &str) -> bool {
    let line = raw.trim_end_matches('\r');
    line.ends_with("  ") || line.ends_with('\\')
}

/// A definition of a definition list (`:   text`, as markdownify and
/// pandoc write a `<dd>`): a block of its own.
fn is_definition(line: &str) -> bool {
    line.strip_prefix(':').is_some_and(|rest| rest.starts_with([' ', '\t']) && !rest.trim().is_empty())
}

/// A numbered list item: digits, then `.` (escaped or not) or `)`, then a
/// space.
pub(super) fn is_ordered(line: &str) -> bool {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &line[digits..];
    digits > 0 && ["\\. ", ". ", ") "].iter().any(|m| rest.starts_with(m))
}

/// Enough lines hold a link or an image, and enough are marked up, as
/// [`MIN_LINK_LINES`] and [`MARKED_LINE_SHARE`] say.
fn is_markdown(text: &str) -> bool {
    // Plain text, with no link or almost none, is passed over in one scan.
    if memchr::memmem::find_iter(text.as_bytes(), b"](").nth(MIN_LINK_LINES - 1).is_none() {
        return false;
    }
    let (mut lines, mut links, mut marked) = (0, 0, 0);
    for line in text.lines().map(unquote).filter(|l| !l.is_empty()) {
        lines += 1;
        let link = memchr::memmem::find(line.as_bytes(), b"](").is_some();
        links += usize::from(link);
        marked += usize::from(link || is_heading(line) || is_bullet(line));
    }
    links >= MIN_LINK_LINES && marked * MARKED_LINE_SHARE >= lines
}

/// `line` without the `>` marks of a block quote, and leading space.
fn unquote(line: &str) -> &str {
    quoted(line).1
}

/// How many `>` marks of a block quote open `line` (`> >` is two), and
/// the line without them and its leading space.
pub(super) fn quoted(line: &str) -> (usize, &str) {
    let mut depth = 0;
    let mut rest = line.trim_start();
    while let Some(inner) = rest.strip_prefix('>') {
        depth += 1;
        rest = inner.trim_start();
    }
    (depth, rest)
}

/// A horizontal rule or a setext underline: three or more of one of
/// [`RULES`], spaces between allowed, and nothing else.
pub(super) fn is_rule(line: &str) -> bool {
    let mut marks = line.bytes().filter(|b| *b != b' ');
    let Some(first) = marks.next() else { return false };
    RULES.contains(&first) && marks.clone().all(|b| b == first) && marks.count() >= 2
}

/// A table's delimiter row: cells of dashes, colons for alignment, split
/// by pipes (`---|---`, `| :--- | ---: |`).
pub(super) fn is_table_separator(line: &str) -> bool {
    // The byte test first: it stops at a line's first letter, where a
    // search for "---" would build a searcher and read the whole line.
    line.bytes().all(|b| matches!(b, b'|' | b'-' | b':' | b' ' | b'\t'))
        && line.contains('|')
        && line.contains("---")
}

/// One line outside tables, markup taken off, appended to `out`.
fn block(line: &str, scratch: &mut Scratch, out: &mut String) {
    if line.is_empty() || is_rule(line) || is_reference_definition(line) {
        return;
    }
    let mut rest = line;
    let mut number = "";
    if is_bullet(rest) || is_definition(rest) {
        rest = rest[1..].trim_start();
    } else if let Some(end) = list_number_end(rest) {
        (number, rest) = (&rest[..end], rest[end..].trim_start());
    }
    // A list item may hold a heading ("* ##### More news").
    if is_heading(rest) {
        // The closing hashes of `## Heading ##` go too, not a `#` ending a
        // word (`C#`).
        rest = rest.trim_start_matches('#').trim();
        let closing = rest.trim_end_matches('#');
        if closing.is_empty() || closing.ends_with([' ', '\t']) {
            rest = closing.trim_end();
        }
    }
    let from = out.len();
    if !number.is_empty() {
        out.push_str(number);
        out.push(' ');
    }
    let text = out.len();
    if inline(rest, scratch, out) {
        // A numbered list of links is a list of headlines (the most read
        // stories), which our plain rendering gives without the numbers.
        out.replace_range(from..text, "");
        if out[from..].split_whitespace().count() > MAX_LINKED_WORDS {
            out.truncate(from);
        }
    }
}

/// Where a numbered list item's number and its `.` or `)` end, when they
/// are a list's markup: unescaped, and one or two digits.
fn list_number_end(line: &str) -> Option<usize> {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &line[digits..];
    ((1..=2).contains(&digits) && [". ", ") "].iter().any(|m| rest.starts_with(m))).then_some(digits + 1)
}

/// An ATX heading: one to six `#` and a space, or nothing, after them.
pub(super) fn is_heading(line: &str) -> bool {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    (1..=6).contains(&hashes) && line[hashes..].bytes().next().is_none_or(|b| b == b' ' || b == b'\t')
}

/// A list item: one of [`BULLETS`] and a space.
pub(super) fn is_bullet(line: &str) -> bool {
    matches!(line.as_bytes(), [mark, b' ' | b'\t', ..] if BULLETS.contains(mark))
}

/// A reference definition: `[label]: destination "optional title"`
/// (footnotes, `[^1]: text`, are text).
fn is_reference_definition(line: &str) -> bool {
    let Some(label_end) = line.strip_prefix('[').and_then(|l| l.find("]:")) else { return false };
    if line[1..].starts_with('^') || label_end == 0 {
        return false;
    }
    let mut rest = line[label_end + 3..].split_whitespace();
    rest.next().is_some() && rest.next().is_none_or(|title| title.starts_with(['"', '\'', '(']))
}

/// A table row: its cells, markup taken off, joined by tabs, empty ones
/// left out. Our plain rendering puts each cell on a line of its own, which
/// one line per input line cannot do; tabs are white space to the line
/// measures (words, capitals, endings, cues), so the row measures as its
/// cells' words run together, and no `|` that the page never showed is left
/// in the story.
fn table_row(line: &str, scratch: &mut Scratch, out: &mut String) {
    let mut first = true;
    let mut from = 0;
    let bytes = line.as_bytes();
    for to in (0..=bytes.len())
        .filter(|&i| i == bytes.len() || (bytes[i] == b'|' && (i == 0 || bytes[i - 1] != b'\\')))
    {
        let cell = line[from..to].trim();
        from = to + 1;
        if cell.is_empty() {
            continue;
        }
        let mark = out.len();
        if !first {
            out.push('\t');
        }
        let text = out.len();
        inline(cell, scratch, out);
        if out[text..].trim().is_empty() {
            out.truncate(mark);
        } else {
            first = false;
        }
    }
}

/// Buffers reused from line to line.
#[derive(Default)]
struct Scratch {
    /// A paragraph's lines joined.
    para: String,
    /// The line's text with links, images and escapes resolved, emphasis
    /// markers still in.
    text: String,
    /// The emphasis runs in `text`.
    runs: Vec<Run>,
    /// For each `[` of the line, the byte offset of its `]`.
    closing: Vec<usize>,
    /// Open brackets while matching.
    stack: Vec<usize>,
}

/// A run of one emphasis character in [`Scratch::text`].
#[derive(Clone, Copy)]
struct Run {
    /// Byte offset in the text.
    at: usize,
    /// The character, one of [`EMPHASIS`].
    mark: u8,
    /// Its length.
    len: usize,
    /// It may open an emphasis (no space follows it).
    opens: bool,
    /// It may close one (no space comes before it).
    closes: bool,
    /// Characters taken off its start (as a closer).
    front: usize,
    /// Characters taken off its end (as an opener).
    back: usize,
}

/// The text of `line` without its inline markup, appended to `out`: links
/// and autolinks become their text, images and link targets go, escapes
/// are undone, code spans lose their backticks, and emphasis markers go when
/// they pair up. True when the line has a link and no word outside links.
fn inline(line: &str, scratch: &mut Scratch, out: &mut String) -> bool {
    let mut linked = false;
    let mut unlinked = false;
    let bytes = line.as_bytes();
    match_brackets(bytes, scratch);
    let Scratch { text, runs, closing, .. } = scratch;
    text.clear();
    runs.clear();
    // Where the text of links entered ends, and where to resume after each.
    let mut exits: Vec<(usize, usize)> = Vec::new();
    // Backtick runs known to have no closing run of the same length.
    let mut no_closer = [false; MAX_TICKS + 1];
    let mut i = 0;
    while i < bytes.len() {
        if let Some(&(end, resume)) = exits.last() {
            // A code span or an autolink may run past the `]` (then the
            // link is broken, and what it spans is taken as text).
            if i >= end {
                exits.pop();
                i = i.max(resume);
                continue;
            }
        }
        let b = bytes[i];
        match b {
            b'\\' if bytes.get(i + 1).is_some_and(u8::is_ascii_punctuation) => {
                text.push(char::from(bytes[i + 1]));
                i += 2;
            }
            b'!' if bytes.get(i + 1) == Some(&b'[') => match link_end(bytes, i + 1, closing) {
                Some(after) => i = after,
                None => {
                    text.push('!');
                    i += 1;
                }
            },
            b'[' => match link_end(bytes, i, closing) {
                Some(after) => {
                    linked = true;
                    exits.push((closing[i], after));
                    i += 1;
                }
                None => {
                    text.push('[');
                    i += 1;
                }
            },
            // The tail of a link whose text a line break split (html2text
            // writes a `<br>` in a link as one: `[**http://x  ` then
            // `**](http://x)`): the target goes, the text was on the line
            // above.
            b']' if closing[i] == i && bytes.get(i + 1) == Some(&b'(') => match destination_end(bytes, i + 2)
            {
                Some(after) => i = after,
                None => {
                    text.push(']');
                    i += 1;
                }
            },
            // An autolink is a link whose text is its target (a converter
            // writes one for `<a href="https://x">https://x</a>`): the page
            // shows the address.
            b'<' => match autolink_end(line, i) {
                Some(after) => {
                    text.push_str(&line[i + 1..after - 1]);
                    i = after;
                }
                None => {
                    text.push('<');
                    i += 1;
                }
            },
            b'`' => {
                let ticks = bytes[i..].iter().take_while(|&&c| c == b'`').count();
                let code =
                    (ticks <= MAX_TICKS && !no_closer[ticks]).then(|| code_span_end(bytes, i + ticks, ticks));
                match code.flatten() {
                    Some(end) => {
                        unlinked |=
                            exits.is_empty() && line[i + ticks..end].chars().any(char::is_alphanumeric);
                        text.push_str(line[i + ticks..end].trim());
                        i = end + ticks;
                    }
                    None => {
                        if ticks <= MAX_TICKS {
                            no_closer[ticks] = true;
                        }
                        text.push_str(&line[i..i + ticks]);
                        i += ticks;
                    }
                }
            }
            _ if EMPHASIS.contains(&b) => {
                let len = bytes[i..].iter().take_while(|&&c| c == b).count();
                let before = line[..i].chars().next_back();
                let after = line[i + len..].chars().next();
                // html2text leaves the space a page puts inside an emphasis
                // (`**Title. **Text`), so a run touching a word on either
                // side may open or close; one between spaces (`5 * 3`) is
                // text.
                let touches =
                    before.is_some_and(|c| !c.is_whitespace()) || after.is_some_and(|c| !c.is_whitespace());
                let mut opens = touches;
                let mut closes = touches;
                if b == b'_' {
                    // snake_case and file_names_like_this stay.
                    opens &= !before.is_some_and(char::is_alphanumeric);
                    closes &= !after.is_some_and(char::is_alphanumeric);
                }
                if b == b'~' && len != 2 {
                    (opens, closes) = (false, false);
                }
                if opens || closes {
                    runs.push(Run { at: text.len(), mark: b, len, opens, closes, front: 0, back: 0 });
                }
                text.push_str(&line[i..i + len]);
                i += len;
            }
            _ => {
                let next = bytes[i + 1..]
                    .iter()
                    .position(|c| matches!(c, b'\\' | b'!' | b'[' | b']' | b'<' | b'`' | b'*' | b'_' | b'~'))
                    .map_or(bytes.len(), |p| i + 1 + p);
                let next = exits.last().map_or(next, |&(end, _)| next.min(end));
                if exits.is_empty() && line[i..next].chars().any(char::is_alphanumeric) {
                    unlinked = true;
                }
                text.push_str(&line[i..next]);
                i = next;
            }
        }
    }
    pair_emphasis(runs);
    let mut from = 0;
    for run in runs.iter() {
        out.push_str(&text[from..run.at]);
        out.push_str(&text[run.at + run.front..run.at + run.len - run.back]);
        from = run.at + run.len;
    }
    out.push_str(&text[from..]);
    linked && !unlinked
}

/// Fills `scratch.closing` with the `]` matching each `[` of `bytes`
/// (`usize::MAX` for none), skipping escaped brackets; a `]` that closes
/// no `[` gets its own offset.
fn match_brackets(bytes: &[u8], scratch: &mut Scratch) {
    scratch.closing.clear();
    scratch.closing.resize(bytes.len(), usize::MAX);
    scratch.stack.clear();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 1,
            b'[' => scratch.stack.push(i),
            b']' => match scratch.stack.pop() {
                Some(open) => scratch.closing[open] = i,
                None => scratch.closing[i] = i,
            },
            _ => {}
        }
        i += 1;
    }
}

/// For a link or image whose `[` is at `open`, where it ends: after
/// `(destination "title")`, or after a reference `[label]` or `[]`; `None`
/// when the brackets are not a link (a citation `[1]`, an unclosed one).
fn link_end(bytes: &[u8], open: usize, closing: &[usize]) -> Option<usize> {
    let close = *closing.get(open).filter(|&&c| c != usize::MAX)?;
    match bytes.get(close + 1)? {
        b'(' => destination_end(bytes, close + 2),
        b'[' => closing.get(close + 1).filter(|&&c| c != usize::MAX).map(|c| c + 1),
        _ => None,
    }
}

/// Where `(destination "title")` ends, reading from just after its `(`:
/// one past its `)`.
fn destination_end(bytes: &[u8], from: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut quote = None;
    let limit = bytes.len().min(from + MAX_DESTINATION);
    let mut i = from;
    while i < limit {
        let b = bytes[i];
        match (quote, b) {
            (_, b'\\') => i += 1,
            (Some(q), _) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') if bytes[i - 1] == b' ' => quote = Some(b),
            (None, b'(') => depth += 1,
            (None, b')') if depth == 0 => return Some(i + 1),
            (None, b')') => depth -= 1,
            _ => {}
        }
        i += 1;
    }
    None
}

/// For `<` at `at`, one past the `>` of an autolink (`<https://...>`).
fn autolink_end(line: &str, at: usize) -> Option<usize> {
    let rest = &line[at + 1..];
    if !AUTOLINK_SCHEMES.iter().any(|s| rest.get(..s.len()).is_some_and(|p| p.eq_ignore_ascii_case(s))) {
        return None;
    }
    let end = rest.bytes().take(MAX_DESTINATION).position(|b| b == b'>' || b == b' ' || b == b'<')?;
    (rest.as_bytes()[end] == b'>').then_some(at + 1 + end + 1)
}

/// Where a code span opened by `ticks` backticks ends (the offset of its
/// closing run of as many), reading from `from`.
fn code_span_end(bytes: &[u8], from: usize, ticks: usize) -> Option<usize> {
    let mut i = from;
    while let Some(p) = memchr::memchr(b'`', &bytes[i..]) {
        let start = i + p;
        let len = bytes[start..].iter().take_while(|&&c| c == b'`').count();
        if len == ticks {
            return Some(start);
        }
        i = start + len;
    }
    None
}

/// Pairs the emphasis runs, each closer with the nearest open run of its
/// character, and marks what each pair takes off (one stack per character
/// keeps this linear); unpaired runs of two or more go as well.
fn pair_emphasis(runs: &mut [Run]) {
    let mut open: [Vec<usize>; 3] = Default::default();
    for i in 0..runs.len() {
        let slot = EMPHASIS.iter().position(|&m| m == runs[i].mark).unwrap_or(0);
        if runs[i].closes {
            while let Some(&o) = open[slot].last() {
                let left = runs[i].len - runs[i].front;
                let avail = runs[o].len - runs[o].back - runs[o].front;
                let n = left.min(avail);
                if n == 0 {
                    break;
                }
                runs[o].back += n;
                runs[i].front += n;
                if runs[o].len - runs[o].back - runs[o].front == 0 {
                    open[slot].pop();
                }
            }
        }
        if runs[i].opens && runs[i].front < runs[i].len {
            open[slot].push(i);
        }
    }
    // A strong or a strikethrough whose other half is on another line (a
    // line break inside it) goes too; a lone `*` (a footnote mark) stays.
    for run in runs.iter_mut().filter(|r| r.len >= 2 && r.front == 0 && r.back == 0) {
        run.front = run.len;
    }
}

#[cfg(test)]
mod tests {
    use super::plain;

    /// A menu of links above `body`, enough to make the text markdown.
    fn page(body: &str) -> String {
        format!("* [Home](/)\n* [World](https://example.com/world)\n* [Sport](/sport \"Sport\")\n\n{body}")
    }

    /// The lines of `plain(page(body))` after the menu.
    fn body_of(body: &str) -> String {
        let text = page(body);
        let out = plain(&text).into_owned();
        assert_eq!(out.lines().take(3).collect::<Vec<_>>(), ["Home", "World", "Sport"]);
        out.split('\n').skip(4).collect::<Vec<_>>().join("\n")
    }

    #[test]
    fn plain_text_with_stars_hashtags_and_citations_is_borrowed() {
        let text = "Prices rose 5 * 3 times, says #economy [1].\n* a note\n# not a heading?\n\
                    See [the report](https://example.com/report) and snake_case_names.\n";
        assert!(matches!(plain(text), std::borrow::Cow::Borrowed(t) if t == text));
    }

    #[test]
    fn a_few_links_in_a_long_plain_text_leave_it_borrowed() {
        let mut text = String::new();
        for n in 0..80 {
            text.push_str(&format!("Paragraph {n} of the story, with no markup at all.\n"));
        }
        text.push_str("Sources: [a](/a), [b](/b).\n[c](/c)\n[d](/d)\n");
        assert!(matches!(plain(&text), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn a_url_only_menu_line_becomes_its_text() {
        assert_eq!(body_of("  * [News](https://example.com/news/2024/05/19/index.html?ref=nav)\n"), "News\n");
    }

    #[test]
    fn links_become_their_text_and_images_go() {
        assert_eq!(
            body_of(
                "Read [the council's report](https://example.com/r \"Report (PDF)\") today.\n\n\
                 ![A flooded street](https://example.com/a.jpg)\n\n\
                 [![logo](/logo.png)](/)\n\n\
                 [![](/i.png) Weather](/weather)\n\n\
                 **[Bold link](/b)** and _[em link](/e)_\n\n\
                 See <https://example.com/x> now, [text][1] and [more][].\n"
            ),
            "Read the council's report today.\n\n\n\n\n\n Weather\n\nBold link and em link\n\n\
             See https://example.com/x now, text and more.\n"
        );
    }

    #[test]
    fn headings_lose_their_hashes() {
        assert_eq!(
            body_of("# Rivers rise\n### Rivers rise ###\n## C#\n#hashtag stays\n"),
            "Rivers rise\nRivers rise\nC#\n#hashtag stays\n"
        );
    }

    #[test]
    fn emphasis_markers_go_when_they_pair() {
        assert_eq!(
            body_of(
                "**Bold** and *em* and _em_ and __strong__ and ~~gone~~.\n\n\
                 5 * 3 = 15, snake_case_name, a lone *star.\n\n**Spaced inside. **Then text.\n"
            ),
            "Bold and em and em and strong and gone.\n\n5 * 3 = 15, snake_case_name, a lone *star.\n\n\
             Spaced inside. Then text.\n"
        );
    }

    #[test]
    fn escapes_are_undone() {
        assert_eq!(
            body_of("1\\. First\n\n2019\\. A year \\- and \\*stars\\* \\[1\\]\n"),
            "1. First\n\n2019. A year - and *stars* [1]\n"
        );
    }

    #[test]
    fn bullets_quotes_rules_and_code_lose_their_markup() {
        assert_eq!(
            body_of("- one\n+ two\n> quoted `code` line\n---\nTitle\n=====\n* * *\n```\n**raw**\n```\n"),
            "one\ntwo\nquoted code line\n\nTitle\n\n\n**raw**\n\n\n"
        );
    }

    #[test]
    fn a_code_block_goes_on_its_first_line() {
        assert_eq!(
            body_of(
                "Run this:\n\n    SELECT name\n      FROM users;\n\n    -- done\nAfter it.\n\n      * [Nested](/n)\n"
            ),
            "Run this:\n\nSELECT name FROM users; -- done\n\n\n\nAfter it.\n\nNested\n"
        );
    }

    #[test]
    fn indented_paragraphs_of_a_list_item_are_no_code() {
        assert_eq!(
            body_of(
                "* ##### More news\n\n  + [Teaser](/t)\n\n    ##### [Rivers rise](/r)\n\n    \
                 [Jane Doe](/j)\n\n    Rivers rose to *record* levels.\n"
            ),
            "More news\n\nTeaser\n\nRivers rise\n\nJane Doe\n\nRivers rose to record levels.\n"
        );
    }

    #[test]
    fn table_rows_become_tab_separated_cells() {
        assert_eq!(
            body_of(
                "Team | Won | Lost\n---|:---:|---\n**Ajax** | 3 | 1\n|  | [Leeds](/l) | 2 |\nAfter the table.\n"
            ),
            "Team\tWon\tLost\n\nAjax\t3\t1\nLeeds\t2\nAfter the table.\n"
        );
    }

    #[test]
    fn a_long_line_of_links_alone_goes() {
        let teaser = "[![Cover](/c.jpg) Music of the month: the best albums and tracks of May, picked by our \
                      staff, from experimental hip hop to shoegaze and everything in between](/m)";
        assert_eq!(
            body_of(&format!(
                "{teaser} · [More](/more)\n\nRead {teaser} here.\n\n[Short link headline](/s)\n"
            )),
            format!(
                "\n\nRead  Music of the month: the best albums and tracks of May, picked by our staff, from \
                     experimental hip hop to shoegaze and everything in between here.\n\nShort link headline\n"
            )
        );
    }

    #[test]
    fn reference_definitions_go() {
        assert_eq!(
            body_of("[1]: https://example.com/a\n[docs]: /docs \"The docs\"\n[^1]: A footnote.\n"),
            "\n\n[^1]: A footnote.\n"
        );
    }

    #[test]
    fn unclosed_brackets_are_left_as_they_are() {
        assert_eq!(
            body_of("A [link split](https://exa\n\nmple.com/x) here\n"),
            "A [link split](https://exa\n\nmple.com/x) here\n"
        );
    }

    #[test]
    fn a_link_tail_below_a_line_break_loses_its_target() {
        assert_eq!(
            body_of(
                "1) A boxed set of films\n\n[**https://example.com/item  \n**](https://example.com/item) and more\n"
            ),
            "1) A boxed set of films\n\n[https://example.com/item\n and more\n"
        );
    }

    #[test]
    fn a_paragraph_broken_where_the_source_broke_it_goes_on_its_first_line() {
        assert_eq!(
            body_of(
                "Rivers rose to *record\nlevels* on Sunday, [officials\nsaid](/s).\nMore rain is due.\n\n\
                 > A quoted line\n> that goes on.\n"
            ),
            "Rivers rose to record levels on Sunday, officials said. More rain is due.\n\n\n\n\n\
             A quoted line that goes on.\n\n"
        );
    }

    #[test]
    fn hard_breaks_blocks_and_tables_end_a_paragraph() {
        assert_eq!(
            body_of(
                "June 9 -- Tampa, FL  \nJune 10 -- Miami, FL\\\nJune 12 -- Atlanta, GA\n* an item\n\
                 and its lazy line\n## A heading\nText below it\nTeam | Won\n---|---\nTerm\n:   Its definition\n"
            ),
            "June 9 -- Tampa, FL\nJune 10 -- Miami, FL\\\nJune 12 -- Atlanta, GA\nan item and its lazy line\n\n\
             A heading\nText below it\nTeam\tWon\n\nTerm\nIts definition\n"
        );
    }

    #[test]
    fn a_numbered_list_of_links_loses_its_numbers_and_a_numbered_item_of_text_keeps_them() {
        assert_eq!(
            body_of(
                "1. [Rivers rise across the north](/r)\n2) [Council delays bridge vote](/c)\n\
                 3. Boil the water, then [let it cool](/c).\n2019. A year\n"
            ),
            "Rivers rise across the north\nCouncil delays bridge vote\n3. Boil the water, then let it cool. 2019. A year\n\n"
        );
    }

    #[test]
    fn a_heading_underlined_over_several_lines_is_one_line() {
        // The underline is as long as the heading's lines joined: a
        // number, a blank line, the title.
        assert_eq!(
            body_of("Intro paragraph.\n\n7 \n\nA better kettle\n-------------------\nThe kettle boils.\n"),
            "Intro paragraph.\n\n7 A better kettle\n\n\n\nThe kettle boils.\n"
        );
        // A short title under a longer underline stays as it is.
        assert_eq!(
            body_of("Intro paragraph.\n\n7\n\nTitle\n==============\n"),
            "Intro paragraph.\n\n7\n\nTitle\n\n"
        );
    }

    proptest::proptest! {
        #[test]
        fn lines_are_kept_one_for_one(body in "[a-z #*_~`!\\[\\]()<>|\\\\:.\n-]{0,200}") {
            let text = page(&body);
            let out = plain(&text);
            proptest::prop_assert_eq!(out.matches('\n').count(), text.matches('\n').count());
        }

        #[test]
        fn a_soft_line_break_reads_as_a_space(
            words in proptest::collection::vec("[a-z]{1,8}", 1..40),
            breaks in proptest::collection::vec(proptest::bool::ANY, 40),
        ) {
            let mut broken = String::new();
            for (n, word) in words.iter().enumerate() {
                if n > 0 {
                    broken.push(if breaks[n] { '\n' } else { ' ' });
                }
                broken.push_str(word);
            }
            let (text, flat) = (page(&broken), page(&words.join(" ")));
            let (out, expected) = (plain(&text), plain(&flat));
            proptest::prop_assert_eq!(out.split_whitespace().collect::<Vec<_>>(), expected.split_whitespace().collect::<Vec<_>>());
            proptest::prop_assert_eq!(out.lines().nth(4), expected.lines().nth(4));
        }

        #[test]
        fn any_text_is_safe(text in "\\PC{0,300}") {
            let out = plain(&text);
            proptest::prop_assert_eq!(out.matches('\n').count(), text.matches('\n').count());
        }
    }
}
