//! A cheap byte scan ahead of the parser that caps element nesting: the
//! HTML tree builder does work proportional to the depth for every tag, so a
//! page of 100,000 nested elements would take minutes. Pages nested deeper
//! than [`MAX_DEPTH`] (no real page is) lose the start and end tags beyond
//! it; their text stays.

use std::borrow::Cow;

/// Deepest nesting kept. Browsers' parsers cap the DOM at a similar depth.
const MAX_DEPTH: usize = 512;

/// Elements that never have an end tag.
const VOID: &[&[u8]] = &[
    b"area", b"base", b"br", b"col", b"embed", b"hr", b"img", b"input", b"link", b"meta", b"param",
    b"source", b"track", b"wbr",
];

/// Elements whose end tag may be left out: the parser closes one when a
/// sibling opens, so they never nest by themselves, and counting them would
/// take 512 unclosed `<p>`s (or `<li>`s, `<td>`s) for 512 levels.
const OPTIONAL_END: &[&[u8]] =
    &[b"p", b"li", b"dt", b"dd", b"tr", b"td", b"th", b"option", b"optgroup", b"rt", b"rp"];

/// Elements whose content is raw text: a `<` inside them is not a tag.
const RAW: &[&[u8]] = &[b"script", b"style", b"textarea", b"title", b"xmp", b"plaintext"];

/// `html` with start and end tags nested deeper than [`MAX_DEPTH`] removed,
/// borrowed unchanged when it nests no deeper.
pub(crate) fn cap_depth(html: &str) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut depth = 0usize;
    let mut at = 0;
    while let Some(lt) = memchr::memchr(b'<', &bytes[at..]).map(|i| at + i) {
        let Some(tag) = Tag::read(bytes, lt) else {
            at = lt + 1;
            continue;
        };
        at = tag.end;
        if tag.optional_end {
            continue;
        }
        if tag.closing {
            if depth > MAX_DEPTH {
                cuts.push((lt, tag.end));
            }
            depth = depth.saturating_sub(1);
        } else if !tag.void {
            depth += 1;
            if depth > MAX_DEPTH {
                cuts.push((lt, tag.end));
            }
            if tag.raw {
                at = raw_text_end(bytes, at, tag.name);
            }
        }
    }
    if cuts.is_empty() {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut from = 0;
    for (start, end) in cuts {
        // Tags are ASCII-delimited, so the cut points are char boundaries.
        out.push_str(&html[from..start]);
        from = end;
    }
    out.push_str(&html[from..]);
    Cow::Owned(out)
}

/// A start or end tag found at a `<`.
struct Tag<'a> {
    name: &'a [u8],
    closing: bool,
    void: bool,
    raw: bool,
    optional_end: bool,
    /// One past the tag's `>`.
    end: usize,
}

impl<'a> Tag<'a> {
    fn read(bytes: &'a [u8], lt: usize) -> Option<Tag<'a>> {
        let mut i = lt + 1;
        let closing = bytes.get(i) == Some(&b'/');
        if closing {
            i += 1;
        }
        let name_start = i;
        while bytes.get(i).is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'-') {
            i += 1;
        }
        if i == name_start || !bytes[name_start].is_ascii_alphabetic() {
            return None;
        }
        let name = &bytes[name_start..i];
        let end = memchr::memchr(b'>', &bytes[i..]).map_or(bytes.len(), |g| i + g + 1);
        // Names are short: compare them lower-cased in a small buffer.
        let mut buf = [0u8; 10];
        let short = name.len() <= buf.len();
        if short {
            buf[..name.len()].copy_from_slice(name);
            buf.make_ascii_lowercase();
        }
        let lower = &buf[..name.len().min(buf.len())];
        let is = |list: &[&[u8]]| short && list.contains(&lower);
        let self_closing = !closing && end >= 2 && bytes[end - 2] == b'/';
        Some(Tag {
            name,
            closing,
            void: self_closing || (!closing && is(VOID)),
            raw: !closing && is(RAW),
            optional_end: is(OPTIONAL_END),
            end,
        })
    }
}

/// Where the raw text of a `<script>` (or similar) ends: at its end tag.
fn raw_text_end(bytes: &[u8], from: usize, name: &[u8]) -> usize {
    let mut at = from;
    while let Some(i) = memchr::memmem::find(&bytes[at..], b"</").map(|i| at + i) {
        let candidate = &bytes[i + 2..];
        if candidate.len() >= name.len() && candidate[..name.len()].eq_ignore_ascii_case(name) {
            return i;
        }
        at = i + 2;
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_page_is_borrowed_unchanged() {
        let page =
            "<html><body><div><p>a<br>b</p><img src=x><script>if (a<b) {}</script></div></body></html>";
        assert!(matches!(cap_depth(page), Cow::Borrowed(_)));
    }

    #[test]
    fn tags_beyond_the_cap_are_removed_and_text_kept() {
        let page = format!("{}text{}", "<div>".repeat(MAX_DEPTH + 10), "</div>".repeat(MAX_DEPTH + 10));
        let capped = cap_depth(&page);
        assert_eq!(capped.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(capped.matches("</div>").count(), MAX_DEPTH);
        assert!(capped.contains("text"));
    }
}
