//! Web and e-mail addresses: no full stop or question mark inside one ends a
//! sentence, and an address has no terminal punctuation of its own, so a
//! capitalised word after one starts a new sentence ("See
//! http://example.com/a?b=1 The page moved", "mail jo@example.org Thanks").

use crate::chars::{char_at, char_before};

/// The longest address considered, in bytes.
const MAX: usize = 512;

/// The whitespace-delimited token around byte `i`, and whether it is an
/// address: it holds "://", starts with "www.", or has an '@' with a full
/// stop after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Token {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) address: bool,
}

/// The token around byte `i`, looking no further than `floor` and `limit`.
pub(crate) fn around(text: &str, i: usize, floor: usize, limit: usize) -> Token {
    let i = i.min(limit);
    // Any Unicode space ends a token (a no-break space after a URL is not
    // part of it), and both window ends stay on char boundaries.
    let mut lo = i.saturating_sub(MAX).max(floor).min(i);
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    let mut hi = (i + MAX).min(limit);
    while !text.is_char_boundary(hi) {
        hi -= 1;
    }
    let before = text.get(lo..i).unwrap_or("");
    let start = before
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(lo, |(k, c)| lo + k + c.len_utf8());
    let after = text.get(i..hi).unwrap_or("");
    let end = after.char_indices().find(|(_, c)| c.is_whitespace()).map_or(hi, |(k, _)| i + k);
    let body = text.get(start..end).unwrap_or("").trim_start_matches(['<', '(', '[', '"', '\'']);
    let web = body.as_bytes().windows(3).any(|w| w == b"://")
        || body.get(..4).is_some_and(|w| w.eq_ignore_ascii_case("www."));
    let mail = body.find('@').is_some_and(|a| body[a..].contains('.'));
    Token { start, end, address: web || mail }
}

/// True when the address ending at `end` is followed, after spaces, by a
/// capitalised word in the same line.
pub(crate) fn ends_before_capital(text: &str, end: usize, limit: usize) -> bool {
    // An address that ends in terminal punctuation is left to the rules.
    if char_before(text, end).is_some_and(crate::chars::is_terminal) {
        return false;
    }
    let next = crate::chars::skip_space(text, end, limit);
    next > end && next < limit && char_at(text, next).is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_web_and_mail_addresses() {
        let t = "see http://a.com/x?y=1 now";
        assert_eq!(around(t, 8, 0, t.len()), Token { start: 4, end: 22, address: true });
        let t = "mail jo.li@ex.org now";
        assert_eq!(around(t, 7, 0, t.len()), Token { start: 5, end: 17, address: true });
        let t = "at www.ex.org";
        assert!(around(t, 6, 0, t.len()).address);
    }

    #[test]
    fn a_no_break_space_ends_an_address() {
        let t = "http://x.com/a?b=1\u{a0} The";
        assert_eq!(around(t, 14, 0, t.len()).end, 18);
    }

    #[test]
    fn ordinary_tokens_are_not_addresses() {
        let t = "the U.S.A. today";
        assert!(!around(t, 5, 0, t.len()).address);
        let t = "ratio 3.5:1";
        assert!(!around(t, 7, 0, t.len()).address);
    }
}
