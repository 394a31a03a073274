//! Bytes to text: byte-order marks, the page's own charset declaration, and
//! detection for undeclared legacy encodings.

use std::borrow::Cow;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_8};
use memchr::memmem;

use crate::CleanError;
use crate::sniff::{binary_kind, is_html};

/// How far into a page to look for a charset declaration. Browsers stop at
/// 1,024 bytes; real pages put long scripts before their `<meta>`, so look
/// further.
const DECLARATION_WINDOW: usize = 16 * 1024;

/// How many bytes the detector reads for an undeclared non-UTF-8 page.
const DETECTION_WINDOW: usize = 256 * 1024;

/// Decodes `input` to text, the way [`Cleaner::clean`](crate::Cleaner::clean)
/// does before cleaning.
///
/// A byte-order mark (UTF-8, UTF-16LE, UTF-16BE) wins. HTML is decoded by its
/// `<meta charset>` (or `http-equiv`, or XML) declaration, else as UTF-8 when
/// the bytes are valid UTF-8, else by statistical detection; a page declared
/// as a legacy encoding whose bytes are valid, non-ASCII UTF-8 is taken as
/// mislabelled UTF-8. Plain text must be UTF-8: anything else is an error
/// rather than a guess.
///
/// ```
/// let page = b"<html><head><meta charset=windows-1252></head><body>caf\xe9</body></html>";
/// assert!(copydesk_clean::decode(page).unwrap().contains("café"));
/// assert!(copydesk_clean::decode(b"caf\xe9").is_err());
/// ```
///
/// # Errors
///
/// [`CleanError::Empty`] for empty or whitespace-only input,
/// [`CleanError::Binary`] for binary data, [`CleanError::InvalidUtf8`] for
/// plain text that is not UTF-8.
pub fn decode(input: &[u8]) -> Result<Cow<'_, str>, CleanError> {
    decode_with_charset(input, None)
}

/// Decodes `input` fetched with a transport charset: the `charset`
/// parameter of an HTTP `Content-Type` header (`"ISO-8859-1"`,
/// `"shift_jis"`), as in a WARC response record.
///
/// As in browsers, the transport's word ranks below a byte-order mark and
/// above the page's own declaration, and it also decodes plain text. An
/// unknown label is ignored, and so is a legacy label on bytes that are
/// valid, non-ASCII UTF-8 (a mislabelled UTF-8 page). Without a charset
/// this is [`decode`].
///
/// ```
/// let page = b"<html><head><meta charset=utf-8></head><body>Gr\xfc\xdfe</body></html>";
/// let text = copydesk_clean::decode_with_charset(page, Some("ISO-8859-1")).unwrap();
/// assert!(text.contains("Grüße"));
/// let text = copydesk_clean::decode_with_charset(b"caf\xe9", Some("windows-1252")).unwrap();
/// assert_eq!(text, "café");
/// ```
///
/// # Errors
///
/// As [`decode`]: plain text that is not UTF-8 is an error only when the
/// transport names no usable charset.
pub fn decode_with_charset<'a>(input: &'a [u8], charset: Option<&str>) -> Result<Cow<'a, str>, CleanError> {
    if input.iter().all(u8::is_ascii_whitespace) {
        return Err(CleanError::Empty);
    }
    let transport = charset.and_then(|label| Encoding::for_label(label.trim().as_bytes()));
    let text = if let Some((encoding, bom_len)) = Encoding::for_bom(input) {
        encoding.decode_without_bom_handling(&input[bom_len..]).0
    } else if let Some(kind) = binary_kind(input) {
        return Err(CleanError::Binary { kind });
    } else if let Some(encoding) = transport {
        decode_declared(input, encoding)
    } else if is_html(input) {
        decode_as_html(input)
    } else {
        match std::str::from_utf8(input) {
            Ok(text) => Cow::Borrowed(text),
            Err(e) => return Err(CleanError::InvalidUtf8 { offset: e.valid_up_to() }),
        }
    };
    if text.trim().is_empty() { Err(CleanError::Empty) } else { Ok(text) }
}

/// Decodes bytes by a declared encoding, unless they are mislabelled UTF-8.
fn decode_declared<'a>(input: &'a [u8], declared: &'static Encoding) -> Cow<'a, str> {
    let utf8 = std::str::from_utf8(input).ok();
    let encoding = match utf8 {
        // A legacy label on bytes that are valid UTF-8 with non-ASCII in
        // them is a mislabelled UTF-8 page: random legacy text is almost
        // never valid UTF-8.
        Some(text) if declared.is_ascii_compatible() && !text.is_ascii() => return Cow::Borrowed(text),
        // A declared UTF-16 without a byte-order mark could not have been
        // read as ASCII markup: it is UTF-8 in practice.
        _ if declared == encoding_rs::UTF_16LE || declared == encoding_rs::UTF_16BE => UTF_8,
        _ => declared,
    };
    encoding.decode_without_bom_handling(input).0
}

/// Decodes an HTML page that has no byte-order mark.
pub(crate) fn decode_as_html(input: &[u8]) -> Cow<'_, str> {
    match declared_encoding(&input[..input.len().min(DECLARATION_WINDOW)]) {
        Some(encoding) => decode_declared(input, encoding),
        None => match std::str::from_utf8(input) {
            Ok(text) => Cow::Borrowed(text),
            Err(_) => detect(input).decode_without_bom_handling(input).0,
        },
    }
}

/// The encoding a page declares in `<meta charset>`, `<meta http-equiv
/// content="...; charset=...">` or an XML declaration.
fn declared_encoding(head: &[u8]) -> Option<&'static Encoding> {
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let xml = lower.starts_with(b"<?xml").then(|| {
        let end = memchr::memchr(b'>', &lower).unwrap_or(lower.len());
        label_after(&lower[..end], b"encoding")
    });
    let meta = memmem::find_iter(&lower, b"<meta").find_map(|at| {
        let tag = &lower[at..];
        let end = memchr::memchr(b'>', tag).unwrap_or(tag.len());
        label_after(&tag[..end], b"charset")
    });
    xml.flatten().or(meta)
}

/// The encoding named after `key` (`charset`, `encoding`) and `=` in a tag.
fn label_after(tag: &[u8], key: &[u8]) -> Option<&'static Encoding> {
    let at = memmem::find(tag, key)? + key.len();
    let rest = tag[at..].trim_ascii_start().strip_prefix(b"=")?.trim_ascii_start();
    let rest = rest.strip_prefix(b"\"").or_else(|| rest.strip_prefix(b"'")).unwrap_or(rest);
    let len = rest
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.')))
        .unwrap_or(rest.len());
    Encoding::for_label(&rest[..len])
}

/// Guesses the legacy encoding of undeclared, non-UTF-8 bytes.
fn detect(input: &[u8]) -> &'static Encoding {
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(&input[..input.len().min(DETECTION_WINDOW)], true);
    detector.guess(None, Utf8Detection::Allow)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn http_equiv_declaration_is_read() {
        let page =
            b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">\
                     </head><body><p>Gr\xfc\xdfe</p></body></html>";
        assert!(decode(page).unwrap().contains("Grüße"));
    }

    #[test]
    fn xml_declaration_is_read() {
        let page = b"<?xml version=\"1.0\" encoding=\"windows-1251\"?><html><body>\xcf\xf0\xe8\xe2\xe5\xf2</body></html>";
        assert!(decode(page).unwrap().contains("Привет"));
    }

    #[test]
    fn mislabelled_utf8_page_is_read_as_utf8() {
        let page = "<html><head><meta charset=\"iso-8859-1\"></head><body>naïve café</body></html>";
        assert!(decode(page.as_bytes()).unwrap().contains("naïve café"));
    }

    #[test]
    fn undeclared_legacy_page_is_detected() {
        let mut page = b"<html><body><p>".to_vec();
        // "Le caf\xe9 \xe9tait ferm\xe9 ..." in windows-1252, repeated so the detector is sure.
        for _ in 0..20 {
            page.extend_from_slice(b"Le caf\xe9 \xe9tait ferm\xe9 \xe0 cause de la gr\xe8ve. ");
        }
        page.extend_from_slice(b"</p></body></html>");
        assert!(decode(&page).unwrap().contains("Le café était fermé"));
    }

    #[test]
    fn utf16le_with_bom_is_decoded() {
        let bytes: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Hello, world".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&bytes).unwrap(), "Hello, world");
    }

    #[test]
    fn utf8_bom_is_dropped() {
        assert_eq!(decode(b"\xEF\xBB\xBFHello").unwrap(), "Hello");
    }

    #[test]
    fn invalid_utf8_text_reports_offset() {
        assert_eq!(decode(b"abc\xffdef"), Err(CleanError::InvalidUtf8 { offset: 3 }));
    }

    #[test]
    fn whitespace_only_is_empty() {
        assert_eq!(decode(b" \n\t "), Err(CleanError::Empty));
        assert_eq!(decode(b""), Err(CleanError::Empty));
    }

    #[test]
    fn transport_charset_outranks_the_page_declaration() {
        let page = b"<html><head><meta charset=utf-8></head><body>Gr\xfc\xdfe</body></html>";
        assert!(decode_with_charset(page, Some("iso-8859-1")).unwrap().contains("Grüße"));
    }

    #[test]
    fn transport_charset_decodes_plain_text() {
        let text = b"\x83\x6e\x83\x8d\x81\x5b";
        assert_eq!(decode_with_charset(text, Some("Shift_JIS")).unwrap(), "ハロー");
    }

    #[test]
    fn transport_charset_yields_to_a_byte_order_mark_and_to_valid_utf8() {
        assert_eq!(decode_with_charset(b"\xEF\xBB\xBFcaf\xC3\xA9", Some("iso-8859-1")).unwrap(), "café");
        assert_eq!(decode_with_charset("café".as_bytes(), Some("windows-1252")).unwrap(), "café");
    }

    #[test]
    fn unknown_transport_charset_is_ignored() {
        assert_eq!(
            decode_with_charset(b"caf\xe9", Some("no-such-charset")),
            Err(CleanError::InvalidUtf8 { offset: 3 })
        );
    }

    #[test]
    fn pdf_is_binary() {
        assert_eq!(decode(b"%PDF-1.7\n%\xe2\xe3"), Err(CleanError::Binary { kind: "PDF document" }));
    }
}
