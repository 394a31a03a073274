//! The HTTP message inside a WARC response record: status, headers, and the
//! body with its transfer and content codings removed.

use std::io::Read;

use copydesk::ErrorInfo;

/// A parsed HTTP response.
pub struct Response {
    status: u16,
    content_type: Option<String>,
    chunked: bool,
    content_encoding: Option<String>,
    body: Vec<u8>,
}

impl Response {
    /// Parses an HTTP response message.
    pub fn parse(message: &[u8]) -> Result<Response, ErrorInfo> {
        let mut headers = vec![httparse::EMPTY_HEADER; 64];
        let mut response = httparse::Response::new(&mut headers);
        let mut status = response.parse(message);
        if let Err(httparse::Error::TooManyHeaders) = status {
            headers = vec![httparse::EMPTY_HEADER; 1024];
            response = httparse::Response::new(&mut headers);
            status = response.parse(message);
        }
        let head_len = match status {
            Ok(httparse::Status::Complete(n)) => n,
            Ok(httparse::Status::Partial) => {
                return Err(ErrorInfo::new("truncated", "truncated HTTP headers"));
            }
            Err(e) => return Err(ErrorInfo::new("read", format!("bad HTTP response: {e}"))),
        };
        let get = |name: &str| {
            response
                .headers
                .iter()
                .find(|h| h.name.eq_ignore_ascii_case(name))
                .map(|h| String::from_utf8_lossy(h.value).trim().to_string())
        };
        Ok(Response {
            status: response.code.unwrap_or(0),
            content_type: get("content-type"),
            chunked: get("transfer-encoding").is_some_and(|t| t.to_ascii_lowercase().contains("chunked")),
            content_encoding: get("content-encoding").map(|c| c.to_ascii_lowercase()),
            body: message[head_len..].to_vec(),
        })
    }

    /// The charset its `Content-Type` header names, if any.
    pub fn charset(&self) -> Option<String> {
        self.content_type.as_deref().and_then(charset)
    }

    /// The page the response carries, or why it carries none.
    pub fn document(&self) -> Result<Vec<u8>, String> {
        if !(200..300).contains(&self.status) {
            return Err(format!("HTTP status {}", self.status));
        }
        page_type(self.content_type.as_deref())?;
        let body = if self.chunked { dechunk(&self.body) } else { self.body.clone() };
        match self.content_encoding.as_deref() {
            None | Some("identity") | Some("") => Ok(body),
            Some("gzip") | Some("x-gzip") => inflate(flate2::read::MultiGzDecoder::new(&body[..])),
            Some("deflate") => inflate(flate2::read::ZlibDecoder::new(&body[..])),
            Some(other) => Err(format!("unsupported content encoding {other}")),
        }
    }
}

/// Accepts the media types that hold pages (HTML, XHTML, plain text) or no
/// stated type; anything else is not a document.
pub fn page_type(content_type: Option<&str>) -> Result<(), String> {
    let Some(ct) = content_type else { return Ok(()) };
    let media = ct.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    match media.as_str() {
        "" | "text/html" | "application/xhtml+xml" | "text/plain" | "application/octet-stream" => Ok(()),
        _ => Err(format!("not a page ({media})")),
    }
}

/// The `charset` parameter of a `Content-Type` value, unquoted:
/// `text/html; charset="ISO-8859-1"` gives `ISO-8859-1`.
pub fn charset(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        let value = value.trim().trim_matches(|c| c == '"' || c == '\'');
        (name.trim().eq_ignore_ascii_case("charset") && !value.is_empty()).then(|| value.to_string())
    })
}

fn inflate(mut reader: impl Read) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    reader.read_to_end(&mut out).map_err(|e| format!("bad compressed body: {e}"))?;
    Ok(out)
}

/// Removes chunked transfer coding; a malformed tail keeps what came before.
fn dechunk(mut body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len());
    while let Some(eol) = body.windows(2).position(|w| w == b"\r\n") {
        let size_field = String::from_utf8_lossy(&body[..eol]);
        let size_hex = size_field.split(';').next().unwrap_or("").trim();
        let Ok(size) = usize::from_str_radix(size_hex, 16) else { break };
        let start = eol + 2;
        // Saturating: a size field of 16 hex digits would overflow the sum.
        let end = start.saturating_add(size);
        if size == 0 || end > body.len() {
            out.extend_from_slice(&body[start..body.len().min(end)]);
            break;
        }
        out.extend_from_slice(&body[start..end]);
        body = body.get(end + 2..).unwrap_or_default();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_status_and_body() {
        let msg = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=ISO-8859-1\r\n\r\n<p>Hi</p>";
        assert_eq!(Response::parse(msg).unwrap().document().unwrap(), b"<p>Hi</p>");
    }

    #[test]
    fn reads_the_charset_parameter() {
        let msg = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; Charset=\"Shift_JIS\"\r\n\r\n<p>Hi</p>";
        assert_eq!(Response::parse(msg).unwrap().charset().as_deref(), Some("Shift_JIS"));
        assert_eq!(charset("text/html"), None);
        assert_eq!(charset("text/html; charset="), None);
        assert_eq!(charset("text/plain;format=flowed; charset=utf-8").as_deref(), Some("utf-8"));
    }

    #[test]
    fn removes_chunked_transfer_coding() {
        let msg =
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n<p>H\r\n6\r\ni</p>\n\r\n0\r\n\r\n";
        assert_eq!(Response::parse(msg).unwrap().document().unwrap(), b"<p>Hi</p>\n");
    }

    #[test]
    fn images_and_error_pages_are_not_documents() {
        let png = b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG";
        assert_eq!(Response::parse(png).unwrap().document().unwrap_err(), "not a page (image/png)");
        let missing = b"HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<p>gone</p>";
        assert_eq!(Response::parse(missing).unwrap().document().unwrap_err(), "HTTP status 404");
    }

    #[test]
    fn truncated_headers_are_an_error() {
        assert_eq!(Response::parse(b"HTTP/1.1 200 OK\r\nContent-Ty").err().unwrap().kind, "truncated");
    }
}
