//! The hostile corpus: every input is made here, into a folder, when the test
//! runs (nothing is downloaded or committed). Each input says what the binary
//! must make of it.

use std::io::Write;
use std::path::Path;

use flate2::Compression;
use flate2::write::GzEncoder;

/// What the binary must report for an input (beyond "something, without
/// panicking, in bounded time and memory").
#[derive(Clone, Copy, Debug)]
pub enum Expect {
    /// A record whose text holds this phrase.
    Text(&'static str),
    /// An error record of one of these kinds.
    Error(&'static [&'static str]),
    /// A record or an error record: the input is garbage either way.
    Either,
}

/// One generated input.
pub struct Input {
    /// File name inside the corpus folder.
    pub name: &'static str,
    /// What must come of it.
    pub expect: Expect,
    make: fn() -> Vec<u8>,
}

/// A sentence every readable input carries, so a test can see it survived.
pub const STORY: &str =
    "The harbour will reopen on Tuesday after repairs costing $4.2 million, port chief Ivo Lang said.";

/// The corpus, in the order of its file names.
pub fn inputs() -> Vec<Input> {
    use Expect::*;
    let mut inputs = vec![
        Input {
            name: "charset-declared-latin1-is-utf8.html",
            expect: Text("Café Müller"),
            make: declared_latin1_is_utf8,
        },
        Input {
            name: "charset-declared-utf8-is-cp1252.html",
            expect: Text("harbour will reopen"),
            make: declared_utf8_is_cp1252,
        },
        Input {
            name: "charset-unknown-label.html",
            expect: Text("harbour will reopen"),
            make: unknown_charset_label,
        },
        Input { name: "digits-10000.txt", expect: Text("harbour will reopen"), make: ten_thousand_digits },
        Input { name: "empty.html", expect: Error(&["empty"]), make: Vec::new },
        Input { name: "gzip-bomb-100mb.txt.gz", expect: Error(&["too-large"]), make: gzip_bomb },
        Input { name: "gzip-truncated.html.gz", expect: Error(&["truncated", "read"]), make: truncated_gzip },
        Input { name: "invalid-utf8.html", expect: Text("harbour will reopen"), make: invalid_utf8_html },
        Input { name: "invalid-utf8.txt", expect: Either, make: invalid_utf8_text },
        Input { name: "nested-divs-1m.html", expect: Either, make: nested_divs },
        Input {
            name: "nul-bytes-only.txt",
            expect: Error(&["binary", "empty"]),
            make: || vec![0; 64 * 1024],
        },
        Input { name: "nul-bytes-scattered.html", expect: Either, make: scattered_nuls },
        Input { name: "open-quote-10mb.txt", expect: Text("port chief Ivo Lang said"), make: open_quote },
        Input { name: "pdf-renamed.html", expect: Error(&["binary"]), make: pdf },
        Input { name: "png-renamed.html", expect: Error(&["binary"]), make: png },
        Input { name: "punctuation-1mb.txt", expect: Either, make: punctuation },
        Input { name: "single-line-100mb.txt", expect: Error(&["too-large"]), make: hundred_mb_line },
        Input {
            name: "unclosed-p-100k.html",
            expect: Text("harbour will reopen"),
            make: unclosed_paragraphs,
        },
        Input { name: "utf16be-bom.html", expect: Text("harbour will reopen"), make: || utf16(true, true) },
        Input { name: "utf16le-bom.html", expect: Text("harbour will reopen"), make: || utf16(false, true) },
        Input { name: "utf16le-no-bom.html", expect: Either, make: || utf16(false, false) },
        Input { name: "warc-hostile.warc", expect: Either, make: hostile_warc },
        Input { name: "warc-not-a-warc.warc", expect: Error(&["read", "truncated"]), make: not_a_warc },
        Input { name: "warc-truncated.warc.gz", expect: Either, make: truncated_warc_gz },
        Input { name: "whitespace-only.txt", expect: Error(&["empty"]), make: || b" \n\t\r\n   \n".to_vec() },
        Input { name: "zero-width-and-bidi.html", expect: Either, make: zero_width_and_bidi },
    ];
    inputs.sort_by_key(|i| i.name);
    inputs
}

impl Input {
    /// The input's content.
    pub fn bytes(&self) -> Vec<u8> {
        (self.make)()
    }
}

/// Writes every input into `dir`.
pub fn write_all(dir: &Path) {
    for input in inputs() {
        std::fs::write(dir.join(input.name), input.bytes()).unwrap();
    }
}

/// The content of the input named `name`.
pub fn bytes(name: &str) -> Vec<u8> {
    inputs().into_iter().find(|i| i.name == name).expect("an input of the corpus").bytes()
}

/// A news page around `body`, with `head` in its `<head>`.
fn page(head: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"en\"><head>{head}<title>Harbour to reopen | The Example Post</title></head>\
         <body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><article><h1>Harbour to reopen</h1>\
         {body}</article><footer>© The Example Post</footer></body></html>"
    )
}

fn story_page(head: &str) -> String {
    page(head, &format!("<p>{STORY}</p><p>Ships have waited outside the breakwater for three weeks.</p>"))
}

fn declared_latin1_is_utf8() -> Vec<u8> {
    let body = format!(
        "<p>{STORY}</p><p>“We are ready,” said the owner of Café Müller, who serves 300 customers a day.</p>"
    );
    page("<meta charset=\"iso-8859-1\">", &body).into_bytes()
}

fn declared_utf8_is_cp1252() -> Vec<u8> {
    let body =
        format!("<p>{STORY}</p><p>\u{93}We are ready,\u{94} said the owner of Caf\u{e9} M\u{fc}ller.</p>");
    // Latin-1 code points written as single bytes, the curly quotes at their
    // windows-1252 places (0x93, 0x94).
    page("<meta charset=\"utf-8\">", &body)
        .chars()
        .map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?'))
        .collect()
}

fn unknown_charset_label() -> Vec<u8> {
    story_page("<meta charset=\"x-no-such-charset\"><meta http-equiv=\"Content-Type\" content=\"text/html; charset=\">")
        .into_bytes()
}

fn ten_thousand_digits() -> Vec<u8> {
    let digits: String = (0..10_000).map(|i| char::from(b'0' + (i * 7 % 10) as u8)).collect();
    let grouped: String =
        digits.as_bytes().chunks(3).map(|c| std::str::from_utf8(c).unwrap()).collect::<Vec<_>>().join(",");
    format!(
        "{STORY}\n\nThe debt stood at ${digits} billion, up {digits}% on the year.\n\n\
         Officials counted {grouped} ships and 0.{digits} tonnes, or {digits}e{digits} at most.\n"
    )
    .into_bytes()
}

/// A gzip file of 100 MiB of text that is a few hundred kilobytes on disk:
/// 100 one-MiB gzip members, one after the other.
fn gzip_bomb() -> Vec<u8> {
    let member = gzip(&b"word ".repeat(1024 * 1024 / 5 + 1)[..1024 * 1024]);
    member.repeat(100)
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::fast());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

fn truncated_gzip() -> Vec<u8> {
    let mut bytes = gzip(long_story_page().as_bytes());
    bytes.truncate(bytes.len() / 2);
    bytes
}

/// A page large enough that half its gzip stream holds some text.
fn long_story_page() -> String {
    page("", &format!("<p>{STORY}</p>\n").repeat(200))
}

fn invalid_utf8_html() -> Vec<u8> {
    let mut bytes = story_page("").into_bytes();
    let at = bytes.windows(4).position(|w| w == b"<h1>").unwrap();
    bytes.splice(at..at, INVALID_UTF8.iter().copied());
    bytes
}

/// Lone continuation bytes, an overlong slash, an encoded surrogate, a
/// five-byte form, bytes never valid, and a sequence cut short.
const INVALID_UTF8: &[u8] =
    b"bad \x80\xbf bytes \xc0\xaf \xed\xa0\x80 \xf8\x88\x80\x80\x80 \xfe\xff \xe2\x82";

fn invalid_utf8_text() -> Vec<u8> {
    let mut bytes = format!("{STORY}\n\n").into_bytes();
    bytes.extend_from_slice(INVALID_UTF8);
    bytes
}

fn nested_divs() -> Vec<u8> {
    let depth = 1_000_000;
    let mut html = String::with_capacity(depth * 11 + 200);
    html.push_str("<html><body>");
    html.push_str(&"<div>".repeat(depth));
    html.push_str(&format!("<p>{STORY}</p>"));
    html.push_str(&"</div>".repeat(depth));
    html.push_str("</body></html>");
    html.into_bytes()
}

fn scattered_nuls() -> Vec<u8> {
    let page = story_page("");
    let mut bytes = Vec::with_capacity(page.len() * 2);
    for (i, b) in page.bytes().enumerate() {
        bytes.push(b);
        if i % 7 == 0 {
            bytes.push(0);
        }
    }
    bytes
}

/// A story whose last paragraph opens a quote and runs on for 10 MB.
fn open_quote() -> Vec<u8> {
    let mut text = format!("{STORY}\n\nThe mayor said: \u{201c}");
    let sentence = "We will rebuild the quay, and the 12 cranes, and the sheds, and we will do it together. ";
    while text.len() < 10 * 1024 * 1024 {
        text.push_str(sentence);
    }
    text.into_bytes()
}

fn pdf() -> Vec<u8> {
    let mut bytes =
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length 4096 /Filter /FlateDecode >>\nstream\n".to_vec();
    bytes.extend(noise(4096));
    bytes.extend_from_slice(b"\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
    bytes
}

fn png() -> Vec<u8> {
    let mut bytes = b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x02\x00\x00\x00\x00\x00\x00\x00".to_vec();
    bytes.extend_from_slice(&4096u32.to_be_bytes());
    bytes.extend_from_slice(b"IDAT");
    bytes.extend(noise(4096));
    bytes.extend_from_slice(b"\x00\x00\x00\x00\x00\x00\x00\x00IEND\xaeB`\x82");
    bytes
}

/// Deterministic bytes that look random (a linear congruential generator).
fn noise(len: usize) -> impl Iterator<Item = u8> {
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    (0..len).map(move |_| {
        state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (state >> 56) as u8
    })
}

fn punctuation() -> Vec<u8> {
    let soup = ".!?…\"'“”‘’«»()[]{}—–-,;:%$€£/\\&@#*";
    let chars: Vec<char> = soup.chars().collect();
    let mut text = format!("{STORY}\n\n");
    let mut i = 0usize;
    while text.len() < 1024 * 1024 {
        text.push(chars[i % chars.len()]);
        i = i.wrapping_mul(31).wrapping_add(17) % 1_000_003;
    }
    text.into_bytes()
}

/// 100 MiB of words and no line break.
fn hundred_mb_line() -> Vec<u8> {
    let chunk = b"the harbour reopened on tuesday, officials said; ";
    chunk.iter().copied().cycle().take(100 * 1024 * 1024).collect()
}

fn unclosed_paragraphs() -> Vec<u8> {
    let mut body = format!("<p>{STORY}");
    for i in 0..100_000 {
        body.push_str(&format!("<p>Paragraph {i} has a few words"));
    }
    page("", &body).into_bytes()
}

fn utf16(big_endian: bool, bom: bool) -> Vec<u8> {
    let text = story_page("<meta charset=\"utf-16\">");
    let units = bom.then_some(0xfeff).into_iter().chain(text.encode_utf16());
    units.flat_map(|u| if big_endian { u.to_be_bytes() } else { u.to_le_bytes() }).collect()
}

fn zero_width_and_bidi() -> Vec<u8> {
    // Zero-width space, non-joiner, joiner, word joiner, BOM as ZWNBSP, left-
    // and right-to-left marks, Arabic letter mark, embeddings, overrides and
    // isolates left open.
    let controls =
        ["\u{200b}", "\u{200c}", "\u{200d}", "\u{2060}", "\u{feff}", "\u{200e}", "\u{200f}", "\u{61c}"];
    let openers = ["\u{202a}", "\u{202b}", "\u{202d}", "\u{202e}", "\u{2066}", "\u{2067}", "\u{2068}"];
    let mut body = String::new();
    for (i, word) in STORY.split(' ').enumerate() {
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            body.push(first);
            body.push_str(controls[i % controls.len()]);
            body.push_str(chars.as_str());
        }
        body.push_str(openers[i % openers.len()]);
        body.push(' ');
    }
    body.push_str("\u{202e}\u{201c}1\u{200b}000 ships,\u{201d} she said\u{2069}.\u{202c}");
    page("<meta charset=\"utf-8\">", &format!("<p>{body}</p>")).into_bytes()
}

/// One WARC record.
pub fn warc_record(kind: &str, uri: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut record = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{uri}>\r\nWARC-Date: 2024-03-05T09:30:00Z\r\n\
         WARC-Target-URI: {uri}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    record.extend_from_slice(block);
    record.extend_from_slice(b"\r\n\r\n");
    record
}

/// An HTTP response message: `head` with `\n` line ends, then `body`.
pub fn http_response(head: &str, body: &[u8]) -> Vec<u8> {
    let mut message = head.replace('\n', "\r\n").into_bytes();
    message.extend_from_slice(b"\r\n\r\n");
    message.extend_from_slice(body);
    message
}

/// An archive of broken HTTP responses around a good one, ending in a
/// record cut short.
fn hostile_warc() -> Vec<u8> {
    const HTTP: &str = "application/http; msgtype=response";
    let page = story_page("");
    let responses: Vec<(&str, Vec<u8>)> = vec![
        (
            "http://example.com/good",
            http_response("HTTP/1.1 200 OK\nContent-Type: text/html", page.as_bytes()),
        ),
        (
            "http://example.com/chunk-size-overflow",
            http_response(
                "HTTP/1.1 200 OK\nContent-Type: text/html\nTransfer-Encoding: chunked",
                b"ffffffffffffffff\r\n<p>The harbour</p>\r\n0\r\n\r\n",
            ),
        ),
        (
            "http://example.com/chunk-size-too-long",
            http_response(
                "HTTP/1.1 200 OK\nContent-Type: text/html\nTransfer-Encoding: chunked",
                b"7fffffff\r\n<p>The harbour</p>\r\n",
            ),
        ),
        (
            "http://example.com/gzip-lie",
            http_response(
                "HTTP/1.1 200 OK\nContent-Type: text/html\nContent-Encoding: gzip",
                page.as_bytes(),
            ),
        ),
        ("http://example.com/no-status", b"<p>not HTTP at all</p>".to_vec()),
        ("http://example.com/headers-cut", b"HTTP/1.1 200 OK\r\nContent-Type: te".to_vec()),
        (
            "http://example.com/many-headers",
            http_response(
                &format!("HTTP/1.1 200 OK\n{}Content-Type: text/html", "X-A: b\n".repeat(5000)),
                page.as_bytes(),
            ),
        ),
        (
            "http://example.com/charset-lie",
            http_response("HTTP/1.1 200 OK\nContent-Type: text/html; charset=\"utf-16\"", page.as_bytes()),
        ),
    ];
    let mut archive =
        warc_record("warcinfo", "urn:info", "application/warc-fields", b"software: hostile\r\n");
    for (uri, message) in &responses {
        archive.extend(warc_record(
            "request",
            uri,
            "application/http; msgtype=request",
            b"GET / HTTP/1.1\r\n\r\n",
        ));
        archive.extend(warc_record("response", uri, HTTP, message));
    }
    archive.extend(warc_record(
        "resource",
        "http://example.com/resource",
        "text/plain",
        &invalid_utf8_text(),
    ));
    archive.extend(warc_record("conversion", "http://example.com/binary", "text/plain", &png()));
    let mut cut = warc_record("response", "http://example.com/cut", HTTP, &responses[0].1);
    cut.truncate(cut.len() / 2);
    archive.extend(cut);
    archive
}

fn not_a_warc() -> Vec<u8> {
    format!("{STORY}\nWARC/1.0\r\nContent-Length: nine\r\n\r\n").into_bytes()
}

fn truncated_warc_gz() -> Vec<u8> {
    let page = long_story_page();
    let message = http_response("HTTP/1.1 200 OK\nContent-Type: text/html", page.as_bytes());
    let mut archive = Vec::new();
    for n in 0..20 {
        archive.extend(warc_record(
            "response",
            &format!("http://example.com/{n}"),
            "application/http",
            &message,
        ));
    }
    let mut bytes = gzip(&archive);
    bytes.truncate(bytes.len() * 2 / 3);
    bytes
}
