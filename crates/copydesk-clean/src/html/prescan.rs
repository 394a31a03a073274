//! A cheap byte scan ahead of the parser. The HTML tree builder costs most
//! of the cleaner's time, per tag and per run of text, so the scan hands it
//! only what the cleaner reads:
//!
//! - The bodies of elements whose subtrees the walk skips are emptied when
//!   they are raw text (scripts but JSON-LD, style sheets, `<noscript>`) or
//!   SVG drawings made only of shapes, and so are comments and the values
//!   of attributes only scripts read ([`UNREAD`]). The elements and
//!   attributes stay, so the tree keeps its shape and every other node.
//! - Nesting is capped: the tree builder does work proportional to the depth
//!   for every tag, so a page of 100,000 nested elements would take minutes.
//!   Pages nested deeper than [`MAX_DEPTH`] (no real page is) lose the start
//!   and end tags beyond it; their text stays.
//!
//! The scan follows the tokenizer where it decides what is markup: quoted
//! attribute values, comments, raw text and the escapes of script text.
//! Where the tree builder could read the bytes another way (foreign content
//! other than a plain drawing, framesets, `<plaintext>`) it stops emptying.

use std::borrow::Cow;

use memchr::{memchr, memchr2, memmem};

use super::tags::{NameKey, Role, Tags};

/// Deepest nesting kept. Browsers' parsers cap the DOM at a similar depth.
const MAX_DEPTH: usize = 512;

/// Elements that never have an end tag.
const VOID: [NameKey; 14] = NameKey::all([
    b"area", b"base", b"br", b"col", b"embed", b"hr", b"img", b"input", b"link", b"meta", b"param",
    b"source", b"track", b"wbr",
]);

/// Elements whose end tag may be left out: the parser closes one when a
/// sibling opens, so they never nest by themselves, and counting them would
/// take 512 unclosed `<p>`s (or `<li>`s, `<td>`s) for 512 levels.
const OPTIONAL_END: [NameKey; 11] =
    NameKey::all([b"p", b"li", b"dt", b"dd", b"tr", b"td", b"th", b"option", b"optgroup", b"rt", b"rp"]);

/// Attributes no part of the cleaner reads, by the start of their names:
/// data for scripts (`data-props`, Vue's `:items` and `@click`, `v-bind`),
/// often whole JSON documents full of character references. Their values
/// are emptied (the attributes stay). A reader of one of them must take it
/// out of this list.
const UNREAD: &[&[u8]] = &[b"data-", b":", b"@", b"v-"];

/// Elements whose content the tokenizer reads as text up to their end tag
/// (RAWTEXT and RCDATA; scripts have rules of their own).
const RAW: [NameKey; 8] =
    NameKey::all([b"style", b"xmp", b"iframe", b"noembed", b"noframes", b"noscript", b"title", b"textarea"]);

/// SVG elements that draw and hold nothing the tree builder reads as HTML:
/// a drawing made only of these ends at its `</svg>`.
const DRAWING: [NameKey; 36] = NameKey::all([
    b"a",
    b"animate",
    b"animatemotion",
    b"animatetransform",
    b"circle",
    b"clippath",
    b"defs",
    b"ellipse",
    b"feblend",
    b"fecolormatrix",
    b"fecomposite",
    b"feflood",
    b"fegaussianblur",
    b"femerge",
    b"femergenode",
    b"feoffset",
    b"filter",
    b"g",
    b"image",
    b"line",
    b"lineargradient",
    b"marker",
    b"mask",
    b"path",
    b"pattern",
    b"polygon",
    b"polyline",
    b"radialgradient",
    b"rect",
    b"set",
    b"stop",
    b"symbol",
    b"text",
    b"tspan",
    b"use",
    b"view",
]);

/// SVG elements that hold text alone, up to their end tag. The metadata
/// reader reads a `<title>` (as the page title when the page has none): a
/// drawing with one is kept whole.
const TEXT_ONLY: [NameKey; 3] = NameKey::all([b"desc", b"style", b"title"]);

const SCRIPT: NameKey = NameKey::new(b"script");
const TITLE: NameKey = NameKey::new(b"title");
const SVG: NameKey = NameKey::new(b"svg");
const MATH: NameKey = NameKey::new(b"math");
const FRAMESET: NameKey = NameKey::new(b"frameset");
const PLAINTEXT: NameKey = NameKey::new(b"plaintext");

/// What the scan empties and cuts, in document order.
struct Cuts {
    ranges: Vec<(usize, usize)>,
}

/// `html` as the parser should see it, borrowed unchanged when nothing is
/// cut.
pub(crate) fn prepare<'a>(html: &'a str, tags: &Tags) -> Cow<'a, str> {
    let bytes = html.as_bytes();
    let mut cuts = Cuts { ranges: Vec::new() };
    let mut emptying = true;
    let mut depth = 0usize;
    let mut at = 0;
    while let Some(lt) = memchr(b'<', &bytes[at..]).map(|i| at + i) {
        // A tag cut whole for depth keeps no cut inside it.
        let before = cuts.ranges.len();
        let markup = Markup::read(bytes, lt, emptying.then_some(&mut cuts.ranges));
        let tag = match markup {
            Markup::Text => {
                at = lt + 1;
                continue;
            }
            Markup::Comment { body, end } => {
                if emptying {
                    cuts.empty(body, end.body);
                }
                at = end.after;
                continue;
            }
            Markup::Bogus { after } => {
                at = after;
                continue;
            }
            Markup::Unfinished => {
                cuts.ranges.truncate(before);
                break;
            }
            Markup::Tag(tag) => tag,
        };
        at = tag.end;
        let name = NameKey::new(tag.name);
        if tag.closing {
            if !OPTIONAL_END.contains(&name) {
                if depth > MAX_DEPTH {
                    cuts.ranges.push((lt, tag.end));
                }
                depth = depth.saturating_sub(1);
            }
            continue;
        }
        if !OPTIONAL_END.contains(&name) && !tag.self_closing && !VOID.contains(&name) {
            depth += 1;
            if depth > MAX_DEPTH {
                cuts.ranges.truncate(before);
                cuts.ranges.push((lt, tag.end));
            }
        }
        let body = tag.end;
        let body_end = match name {
            SCRIPT => script_end(bytes, body),
            PLAINTEXT => break,
            MATH | FRAMESET => {
                emptying = false;
                continue;
            }
            SVG if !tag.self_closing => {
                if emptying {
                    match drawing_end(bytes, body) {
                        Some((end, plain)) => {
                            if plain && tags.role_of(name) == Role::Skip {
                                cuts.empty(body, end);
                            }
                            at = end;
                        }
                        None => emptying = false,
                    }
                }
                continue;
            }
            _ if RAW.contains(&name) => raw_text_end(bytes, body, tag.name),
            _ => continue,
        };
        // A raw text element left open runs to the end of the page.
        let Some(body_end) = body_end else { break };
        if emptying && tags.role_of(name) == Role::Skip && !is_read(name, &bytes[lt..tag.end]) {
            cuts.empty(body, body_end);
        }
        at = body_end;
    }
    cuts.apply(html)
}

impl Cuts {
    /// Empties `start..end` when it holds anything.
    fn empty(&mut self, start: usize, end: usize) {
        if end > start {
            self.ranges.push((start, end));
        }
    }

    fn apply(self, html: &str) -> Cow<'_, str> {
        if self.ranges.is_empty() {
            return Cow::Borrowed(html);
        }
        let removed: usize = self.ranges.iter().map(|(s, e)| e - s).sum();
        let mut out = String::with_capacity(html.len() - removed);
        let mut from = 0;
        for (start, end) in self.ranges {
            // Cuts start and end at ASCII markup, so on char boundaries.
            out.push_str(&html[from..start]);
            from = end;
        }
        out.push_str(&html[from..]);
        Cow::Owned(out)
    }
}

/// Raw text the metadata reader reads from a skipped element (see
/// `page::collect_head_signal`): the title, and JSON-LD scripts (or a
/// script whose type may be spelled with a character reference).
fn is_read(name: NameKey, start_tag: &[u8]) -> bool {
    match name {
        TITLE => true,
        SCRIPT => {
            start_tag.contains(&b'&') || start_tag.windows(7).any(|w| w.eq_ignore_ascii_case(b"ld+json"))
        }
        _ => false,
    }
}

/// A start or end tag.
struct Tag<'a> {
    /// The name as written.
    name: &'a [u8],
    closing: bool,
    /// Ends with `/>` (outside an unquoted attribute value).
    self_closing: bool,
    /// One past the tag's `>`.
    end: usize,
}

/// Where a comment's text ends and the comment does.
struct CommentEnd {
    /// The `--` that closes it (the text's end).
    body: usize,
    /// One past its `>`.
    after: usize,
}

/// What starts at a `<`, as the tokenizer reads it in HTML content.
enum Markup<'a> {
    /// A `<` that is text.
    Text,
    /// `<!--` ... `-->`: its text starts at `body`.
    Comment { body: usize, end: CommentEnd },
    /// A doctype, a bogus comment (`<!x>`, `<?x>`, `</1>`) or `</>`.
    Bogus { after: usize },
    /// A tag.
    Tag(Tag<'a>),
    /// Markup the page ends inside of: the tokenizer drops it.
    Unfinished,
}

impl<'a> Markup<'a> {
    /// Reads the markup at `lt`; the quoted values of unread attributes of
    /// a start tag go to `unread`, when given.
    fn read(bytes: &'a [u8], lt: usize, unread: Option<&mut Vec<(usize, usize)>>) -> Markup<'a> {
        let up_to_gt = |from: usize| memchr(b'>', &bytes[from..]).map_or(bytes.len(), |g| from + g + 1);
        match bytes.get(lt + 1) {
            Some(b'!') if bytes[lt + 2..].starts_with(b"--") => {
                let body = lt + 4;
                match comment_end(bytes, body) {
                    Some(end) => Markup::Comment { body, end },
                    None => Markup::Unfinished,
                }
            }
            Some(b'!' | b'?') => Markup::Bogus { after: up_to_gt(lt + 2) },
            Some(b'/') => match bytes.get(lt + 2) {
                Some(b'>') => Markup::Bogus { after: lt + 3 },
                Some(b) if b.is_ascii_alphabetic() => Tag::read(bytes, lt + 2, true, None),
                Some(_) => Markup::Bogus { after: up_to_gt(lt + 2) },
                None => Markup::Unfinished,
            },
            Some(b) if b.is_ascii_alphabetic() => Tag::read(bytes, lt + 1, false, unread),
            _ => Markup::Text,
        }
    }
}

/// The tokenizer's whitespace (a carriage return is a line feed to it).
fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

impl<'a> Tag<'a> {
    /// Reads the tag whose name starts at `start`.
    fn read(
        bytes: &'a [u8],
        start: usize,
        closing: bool,
        unread: Option<&mut Vec<(usize, usize)>>,
    ) -> Markup<'a> {
        let name_end = bytes[start..]
            .iter()
            .position(|&b| is_space(b) || b == b'/' || b == b'>')
            .map_or(bytes.len(), |i| start + i);
        match attributes_end(bytes, name_end, unread) {
            Some((end, self_closing)) => {
                Markup::Tag(Tag { name: &bytes[start..name_end], closing, self_closing, end })
            }
            None => Markup::Unfinished,
        }
    }
}

/// Where a tag ends, reading its attributes from `at` (just past its name)
/// as the tokenizer does: a `>` ends it except inside a quoted value.
/// Returns one past the `>` and whether the tag closes itself (`/>`); the
/// quoted values of [`UNREAD`] attributes go to `unread`, when given.
///
/// Between values only `=` and `>` matter. An `=` starts a value when it
/// follows an attribute name, that is when the last byte before it that is
/// not a space (since the last value) is there and is not a `/`; otherwise
/// it starts a name itself (`<a ="x">` has an attribute named `="x"`).
fn attributes_end(
    bytes: &[u8],
    at: usize,
    mut unread: Option<&mut Vec<(usize, usize)>>,
) -> Option<(usize, bool)> {
    // Where the bytes outside any value start.
    let mut outside = at;
    let mut i = at;
    loop {
        // Names and gaps are short: a plain loop beats a memchr call.
        let j = i + bytes[i..].iter().position(|&b| b == b'>' || b == b'=')?;
        if bytes[j] == b'>' {
            return Some((j + 1, j > outside && bytes[j - 1] == b'/'));
        }
        i = j + 1;
        let Some(name_end) = bytes[outside..j]
            .iter()
            .rposition(|&b| !is_space(b))
            .map(|k| outside + k + 1)
            .filter(|&end| bytes[end - 1] != b'/')
        else {
            continue;
        };
        let value = i + bytes[i..].iter().position(|&b| !is_space(b))?;
        match bytes[value] {
            quote @ (b'"' | b'\'') => {
                let close = value + 1 + memchr(quote, &bytes[value + 1..])?;
                if let Some(unread) = unread.as_deref_mut()
                    && close > value + 1
                {
                    let name_start = bytes[outside..name_end]
                        .iter()
                        .rposition(|&b| is_space(b) || b == b'/')
                        .map_or(outside, |k| outside + k + 1);
                    let name = &bytes[name_start..name_end];
                    if UNREAD.iter().any(|p| name.get(..p.len()).is_some_and(|n| n.eq_ignore_ascii_case(p))) {
                        unread.push((value + 1, close));
                    }
                }
                i = close + 1;
            }
            b'>' => return Some((value + 1, false)),
            _ => {
                // Unquoted: up to a space or the `>` (a `/` in it is text).
                i = value + bytes[value..].iter().position(|&b| is_space(b) || b == b'>')?;
                if bytes[i] == b'>' {
                    return Some((i + 1, false));
                }
            }
        }
        outside = i;
    }
}

/// Where a comment whose text starts at `body` ends (`<!-->` and `<!--->`
/// are empty comments; otherwise `-->` or `--!>`).
fn comment_end(bytes: &[u8], body: usize) -> Option<CommentEnd> {
    let rest = &bytes[body..];
    if rest.starts_with(b">") {
        return Some(CommentEnd { body, after: body + 1 });
    }
    if rest.starts_with(b"->") {
        return Some(CommentEnd { body, after: body + 2 });
    }
    let mut from = 0;
    while let Some(i) = memmem::find(&rest[from..], b"--").map(|i| from + i) {
        let after = &rest[i + 2..];
        if after.starts_with(b">") {
            return Some(CommentEnd { body: body + i, after: body + i + 3 });
        }
        if after.starts_with(b"!>") {
            return Some(CommentEnd { body: body + i, after: body + i + 4 });
        }
        from = i + 1;
    }
    None
}

/// `</name` followed by what ends a tag name, at `at`.
fn is_end_tag(bytes: &[u8], at: usize, name: &[u8]) -> bool {
    bytes.get(at..at + 2) == Some(b"</")
        && bytes.get(at + 2..at + 2 + name.len()).is_some_and(|n| n.eq_ignore_ascii_case(name))
        && bytes.get(at + 2 + name.len()).is_some_and(|&b| is_space(b) || b == b'/' || b == b'>')
}

/// Where the text of a RAWTEXT or RCDATA element named `name` ends: at the
/// `<` of its end tag.
fn raw_text_end(bytes: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut at = from;
    loop {
        let lt = at + memchr(b'<', &bytes[at..])?;
        if is_end_tag(bytes, lt, name) {
            return Some(lt);
        }
        at = lt + 1;
    }
}

/// Where a script's text ends: at the `<` of its `</script>`, which does
/// not count inside `<!--` ... `<script>` ... `-->` (the tokenizer's
/// escaped and double-escaped script states).
fn script_end(bytes: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    'data: loop {
        let lt = at + memchr(b'<', &bytes[at..])?;
        if is_end_tag(bytes, lt, b"script") {
            return Some(lt);
        }
        at = lt + 1;
        if !bytes[at..].starts_with(b"!--") {
            continue;
        }
        at += 3;
        // Escaped: `-->` ends the escape; inside it `<script` starts a
        // double escape, in which `</script` is text and ends the double
        // escape instead of the script.
        let mut dashes = 2;
        let mut double = false;
        loop {
            match *bytes.get(at)? {
                b'-' => {
                    dashes += 1;
                    at += 1;
                }
                b'>' if dashes >= 2 => {
                    at += 1;
                    continue 'data;
                }
                b'<' => {
                    dashes = 0;
                    if !double && is_end_tag(bytes, at, b"script") {
                        return Some(at);
                    }
                    let letters = if double { at + 2 } else { at + 1 };
                    let starts_name = if double {
                        bytes.get(at + 1) == Some(&b'/')
                    } else {
                        bytes.get(letters).is_some_and(u8::is_ascii_alphabetic)
                    };
                    if !starts_name {
                        at += 1;
                        continue;
                    }
                    let end = bytes[letters..]
                        .iter()
                        .position(|b| !b.is_ascii_alphabetic())
                        .map_or(bytes.len(), |i| letters + i);
                    let next = *bytes.get(end)?;
                    if is_space(next) || next == b'/' || next == b'>' {
                        if bytes[letters..end].eq_ignore_ascii_case(b"script") {
                            double = !double;
                        }
                        at = end + 1;
                    } else {
                        at = end;
                    }
                }
                _ => {
                    dashes = 0;
                    at += 1 + memchr2(b'-', b'<', &bytes[at + 1..])?;
                }
            }
        }
    }
}

/// Where an SVG drawing whose content starts at `from` ends (the `<` of its
/// `</svg>`) and whether it is plain: only [`DRAWING`] elements, nested
/// drawings, comments and [`TEXT_ONLY`] elements but `<title>`. `None`
/// when it holds anything else the tree builder could read another way.
fn drawing_end(bytes: &[u8], from: usize) -> Option<(usize, bool)> {
    let mut plain = true;
    let mut depth = 0usize;
    let mut at = from;
    loop {
        let lt = at + memchr(b'<', &bytes[at..])?;
        let tag = match Markup::read(bytes, lt, None) {
            Markup::Text => {
                at = lt + 1;
                continue;
            }
            Markup::Comment { end, .. } => {
                at = end.after;
                continue;
            }
            Markup::Tag(tag) => tag,
            Markup::Bogus { .. } | Markup::Unfinished => return None,
        };
        let name = NameKey::new(tag.name);
        at = tag.end;
        if name == SVG {
            match (tag.closing, depth) {
                (true, 0) => return Some((lt, plain)),
                (true, _) => depth -= 1,
                (false, _) if !tag.self_closing => depth += 1,
                (false, _) => {}
            }
            continue;
        }
        if DRAWING.contains(&name) {
            continue;
        }
        if !TEXT_ONLY.contains(&name) || tag.closing || tag.self_closing {
            return None;
        }
        let close = at + memchr(b'<', &bytes[at..])?;
        let Markup::Tag(end_tag) = Markup::read(bytes, close, None) else { return None };
        if !end_tag.closing || NameKey::new(end_tag.name) != name {
            return None;
        }
        plain &= name != TITLE;
        at = end_tag.end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prep(html: &str) -> String {
        prepare(html, &Tags::new()).into_owned()
    }

    #[test]
    fn page_without_scripts_or_comments_is_borrowed_unchanged() {
        let page = "<html><body><div><p>a<br>b</p><img src=x></div></body></html>";
        assert!(matches!(prepare(page, &Tags::new()), Cow::Borrowed(_)));
    }

    #[test]
    fn scripts_styles_and_comments_are_emptied() {
        let page = "<head><style>p{color:red}</style><script src=a.js>if (a<b) {}</script></head>\
                    <body><!-- ad slot --><p>Text</p><noscript><img src=x></noscript></body>";
        assert_eq!(
            prep(page),
            "<head><style></style><script src=a.js></script></head>\
             <body><!----><p>Text</p><noscript></noscript></body>"
        );
    }

    #[test]
    fn script_data_in_attributes_is_emptied() {
        let page = "<div class=\"card\" data-props=\"{&quot;a&quot;:1}\" :items='[1]' DATA-X=\"y\" \
                    title=\"data-x='1'\" data-n=3>Text</div>";
        assert_eq!(
            prep(page),
            "<div class=\"card\" data-props=\"\" :items='' DATA-X=\"\" title=\"data-x='1'\" data-n=3>Text</div>"
        );
    }

    #[test]
    fn title_and_json_ld_are_kept() {
        let page = "<title>A &amp; B</title><script type=\"application/LD+JSON\">{\"a\":1}</script>\
                    <script type=\"application/ld&#43;json\">{}</script>";
        assert_eq!(prep(page), page);
    }

    #[test]
    fn script_ends_at_its_end_tag_outside_a_double_escape() {
        let page = "<script><!-- document.write('<script>x</script>'); --></script><p>Text</p>";
        assert_eq!(prep(page), "<script></script><p>Text</p>");
        let page = "<script>a = '</scripts>'; b = 1 <!--2; </script ><p>Text</p>";
        assert_eq!(prep(page), "<script></script ><p>Text</p>");
    }

    #[test]
    fn quoted_attribute_value_may_hold_markup() {
        let page = "<div title='<script>'>Text</div><script>x</script>";
        assert_eq!(prep(page), "<div title='<script>'>Text</div><script></script>");
    }

    #[test]
    fn tag_ends_where_the_tokenizer_ends_it() {
        let end = |tag: &str| attributes_end(tag.as_bytes(), 2, None);
        for tag in ["<a href=\"x>y\" title = 'z>'>", "<a =\"x>", "<a b/=\"x>", "<a b=c=\"d>", "<a href=/x/>"]
        {
            assert_eq!(end(tag), Some((tag.len(), false)), "{tag}");
        }
        assert_eq!(end("<a b='c'/>"), Some((10, true)));
        assert_eq!(end("<a b='c"), None);
    }

    #[test]
    fn markup_in_comments_and_raw_text_is_text() {
        let page = "<!-- <script> --><p>A</p><textarea><style></textarea><p>B</p><style>x</style>";
        assert_eq!(prep(page), "<!----><p>A</p><textarea></textarea><p>B</p><style></style>");
    }

    #[test]
    fn plain_drawing_is_emptied_and_labelled_one_kept() {
        let page = "<svg viewBox=\"0 0 1 1\"><g><path d=\"M0 0\"/></g></svg><p>A</p>\
                    <svg><title>Logo</title><path d=\"M0\"/></svg><script>x</script>";
        assert_eq!(
            prep(page),
            "<svg viewBox=\"0 0 1 1\"></svg><p>A</p><svg><title>Logo</title><path d=\"M0\"/></svg>\
             <script></script>"
        );
    }

    #[test]
    fn drawing_with_nested_drawings_and_styles_is_emptied() {
        let page = "<svg><symbol><svg><style>.a{fill:red}</style><path/></svg></symbol></svg><p>A</p>";
        assert_eq!(prep(page), "<svg></svg><p>A</p>");
    }

    #[test]
    fn foreign_content_the_scan_does_not_know_stops_the_emptying() {
        let page = "<svg><foreignObject><style>x</style></foreignObject></svg><script>y</script>";
        assert_eq!(prep(page), page);
        let page = "<math><mi>x</mi></math><script>y</script>";
        assert_eq!(prep(page), page);
    }

    #[test]
    fn tags_beyond_the_cap_are_removed_and_text_kept() {
        let page = format!("{}text{}", "<div>".repeat(MAX_DEPTH + 10), "</div>".repeat(MAX_DEPTH + 10));
        let capped = prep(&page);
        assert_eq!(capped.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(capped.matches("</div>").count(), MAX_DEPTH);
        assert!(capped.contains("text"));
    }
}
