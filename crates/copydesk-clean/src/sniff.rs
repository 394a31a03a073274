//! Telling HTML from plain text, and text from binary data, by looking at the
//! first bytes.

use memchr::memmem;

/// How many leading bytes the HTML sniff looks at.
const SNIFF_LEN: usize = 4096;

/// Markers that make a prefix HTML when the input starts with `<`.
const TAG_MARKERS: &[&[u8]] = &[
    b"<!doctype html",
    b"<html",
    b"<head",
    b"<body",
    b"<meta",
    b"<title",
    b"<div",
    b"<p>",
    b"<p ",
    b"<article",
    b"<script",
    b"<link",
    b"<!--",
];

/// True when `input` looks like an HTML page (or fragment) rather than plain
/// text: it starts with markup, or declares an HTML document early on.
///
/// ```
/// assert!(copydesk_clean::is_html(b"<!DOCTYPE html><title>x</title>"));
/// assert!(!copydesk_clean::is_html(b"Plain text with a < sign."));
/// ```
pub fn is_html(input: &[u8]) -> bool {
    let prefix = ascii_prefix(input);
    let lower: Vec<u8> = prefix.iter().map(u8::to_ascii_lowercase).collect();
    let first = lower.iter().position(|b| !b.is_ascii_whitespace());
    if first.is_some_and(|i| lower[i] == b'<') {
        return TAG_MARKERS.iter().any(|m| memmem::find(&lower, m).is_some());
    }
    [&b"<!doctype html"[..], b"<html", b"<body"].iter().any(|m| memmem::find(&lower, m).is_some())
}

/// The first [`SNIFF_LEN`] bytes of `input` as ASCII-compatible bytes: past a
/// UTF-8 byte-order mark, or with the zero bytes of UTF-16 dropped.
fn ascii_prefix(input: &[u8]) -> Vec<u8> {
    match input {
        [0xEF, 0xBB, 0xBF, rest @ ..] => rest.iter().take(SNIFF_LEN).copied().collect(),
        [0xFF, 0xFE, rest @ ..] => rest.iter().step_by(2).take(SNIFF_LEN).copied().collect(),
        [0xFE, 0xFF, rest @ ..] => rest.iter().skip(1).step_by(2).take(SNIFF_LEN).copied().collect(),
        _ => input.iter().take(SNIFF_LEN).copied().collect(),
    }
}

/// File signatures of common binary formats.
const MAGIC: &[(&[u8], &str)] = &[
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xFF\xD8\xFF", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x1F\x8B", "gzip data"),
    (b"BZh", "bzip2 data"),
    (b"\xFD7zXZ\x00", "xz data"),
    (b"7z\xBC\xAF\x27\x1C", "7-Zip archive"),
    (b"\x7FELF", "ELF executable"),
    (b"RIFF", "RIFF media"),
    (b"\x00\x00\x01\x00", "icon"),
    (b"wOFF", "web font"),
    (b"wOF2", "web font"),
];

/// What binary format `input` looks like, or `None` for text. The caller
/// has already ruled out UTF-16 with a byte-order mark (which holds zeros).
pub(crate) fn binary_kind(input: &[u8]) -> Option<&'static str> {
    if let Some((_, kind)) = MAGIC.iter().find(|(magic, _)| input.starts_with(magic)) {
        return Some(kind);
    }
    let head = &input[..input.len().min(8192)];
    // A stray NUL in a page is an encoding accident; text has almost none.
    let nul = count(head, |b| b == 0);
    if nul * 100 > head.len() {
        return Some("NUL bytes");
    }
    let control = count(head, is_control);
    // Text in any encoding has almost no C0 controls besides tab and newlines.
    (control * 10 > head.len()).then_some("mostly control bytes")
}

/// How many bytes of `bytes` are `wanted`, summed as byte-wide flags in
/// runs of 255, which the compiler turns into vector code.
fn count(bytes: &[u8], wanted: impl Fn(u8) -> bool) -> usize {
    bytes.chunks(255).map(|run| usize::from(run.iter().map(|&b| u8::from(wanted(b))).sum::<u8>())).sum()
}

fn is_control(b: u8) -> bool {
    matches!(b, 0x01..=0x08 | 0x0E..=0x1A | 0x1C..=0x1F | 0x7F)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doctype_with_leading_whitespace_is_html() {
        assert!(is_html(b"\n\n  <!doctype HTML>\n<html><body><p>x</p></body></html>"));
    }

    #[test]
    fn fragment_starting_with_paragraph_is_html() {
        assert!(is_html(b"<p>Some story text.</p><p>More.</p>"));
    }

    #[test]
    fn utf16_html_is_html() {
        let bytes: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("<html><body>x</body></html>".bytes().flat_map(|b| [b, 0]))
            .collect();
        assert!(is_html(&bytes));
    }

    #[test]
    fn prose_mentioning_a_tag_is_not_html() {
        assert!(!is_html(b"The <div> element groups content, said the spec editor."));
    }

    #[test]
    fn png_is_binary() {
        assert_eq!(binary_kind(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), Some("PNG image"));
    }

    #[test]
    fn page_with_a_stray_nul_is_not_binary() {
        let mut page = b"<html><body><p>".to_vec();
        page.extend(std::iter::repeat_n(b'x', 500));
        page.extend_from_slice(b"\0</p></body></html>");
        assert_eq!(binary_kind(&page), None);
    }

    #[test]
    fn utf16_without_bom_is_binary() {
        let bytes: Vec<u8> = "Hello, world".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(binary_kind(&bytes), Some("NUL bytes"));
    }

    #[test]
    fn text_with_one_control_byte_is_not_binary() {
        assert_eq!(binary_kind(b"A story\x0c with a form feed and a \x1b escape in it."), None);
    }
}
