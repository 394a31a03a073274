//! List items: a sentence that starts with a bullet or an enumerator ("1.",
//! "2.)", "(3)", "b.", "• 9.") keeps its marker, and ends where the next item
//! of the same list starts on the same line ("1. The first item 2. The
//! second item").

use crate::chars::{char_at, skip_space};

/// The marker that starts a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Marker {
    /// Where the item's text starts.
    pub(crate) end: usize,
    /// Where the next item of the list starts in the line, if it does.
    pub(crate) next: Option<usize>,
}

/// Bullets that may start a list item.
fn is_bullet(c: char) -> bool {
    matches!(c, '•' | '⁃' | '‣' | '◦' | '▪' | '▫' | '●' | '○' | '■' | '□' | '·' | '*' | '-')
}

/// The list marker at `start`, the first character of a sentence.
pub(crate) fn marker(text: &str, start: usize, line_end: usize) -> Option<Marker> {
    // Most sentences start with a capital: no marker.
    if text.as_bytes().get(start).is_none_or(u8::is_ascii_uppercase) {
        return None;
    }
    let mut i = start;
    let bullet = char_at(text, i).filter(|&c| is_bullet(c));
    if let Some(b) = bullet {
        i = skip_space(text, i + b.len_utf8(), line_end);
        if i == start + b.len_utf8() && b.is_ascii() {
            // "-5" or "*note": not a bullet.
            return None;
        }
    }
    let enumerator = enumerator(text, i, line_end);
    let end = match enumerator {
        Some(e) => skip_space(text, e.end, line_end),
        None if bullet.is_some() => i,
        None => return None,
    };
    // The next item: the same glyph bullet, or the next enumerator.
    let mut pat = [0u8; 16];
    let pattern: Option<&[u8]> = match (bullet, enumerator) {
        (Some(b), _) if !b.is_ascii() => {
            pat[0] = b' ';
            let n = 1 + b.encode_utf8(&mut pat[1..]).len();
            Some(&pat[..n])
        }
        (_, Some(e)) => e.successor(&mut pat),
        _ => None,
    };
    // Items are short: looking 2 KB ahead keeps a line of many items linear.
    let hay = text.as_bytes().get(end..line_end.min(end + 2048)).unwrap_or(&[]);
    let next = pattern.and_then(|p| memchr::memmem::find(hay, p)).map(|j| end + j + 1);
    Some(Marker { end, next })
}

/// "12." or "b)" or "(3)" at `i`.
#[derive(Clone, Copy, Debug)]
struct Enumerator {
    value: Value,
    open_paren: bool,
    style: &'static [u8],
    end: usize,
}

#[derive(Clone, Copy, Debug)]
enum Value {
    Number(u32),
    Letter(u8),
}

fn enumerator(text: &str, i: usize, line_end: usize) -> Option<Enumerator> {
    let b = text.as_bytes().get(..line_end)?;
    let open_paren = b.get(i) == Some(&b'(');
    let mut j = i + usize::from(open_paren);
    let digits = b.get(j..)?.iter().take_while(|c| c.is_ascii_digit()).count();
    let value = match digits {
        1..=3 => {
            let v = text.get(j..j + digits)?.parse().ok()?;
            j += digits;
            Value::Number(v)
        }
        0 if b.get(j).is_some_and(u8::is_ascii_lowercase) => {
            j += 1;
            Value::Letter(b[j - 1])
        }
        _ => return None,
    };
    let style: &'static [u8] = if open_paren {
        b")"
    } else if b.get(j..j + 2) == Some(b".)") {
        b".)"
    } else if b.get(j) == Some(&b'.') {
        b"."
    } else if b.get(j) == Some(&b')') {
        b")"
    } else {
        return None;
    };
    if b.get(j..j + style.len()) != Some(style) {
        return None;
    }
    j += style.len();
    // The marker must be followed by a space: "1.5" and "a.m." are no items.
    if !b.get(j).is_some_and(|c| c.is_ascii_whitespace()) {
        return None;
    }
    Some(Enumerator { value, open_paren, style, end: j })
}

impl Enumerator {
    /// The text of the next item's marker, with the space before it.
    fn successor<'p>(&self, pat: &'p mut [u8; 16]) -> Option<&'p [u8]> {
        let mut n = 0;
        let mut push = |bytes: &[u8]| {
            pat[n..n + bytes.len()].copy_from_slice(bytes);
            n += bytes.len();
        };
        push(b" ");
        if self.open_paren {
            push(b"(");
        }
        match self.value {
            Value::Number(v) => {
                // At most four digits: enumerators have at most three.
                let mut digits = [0u8; 10];
                let mut k = digits.len();
                let mut x = v + 1;
                loop {
                    k -= 1;
                    digits[k] = b'0' + (x % 10) as u8;
                    x /= 10;
                    if x == 0 {
                        break;
                    }
                }
                push(&digits[k..]);
            }
            Value::Letter(b'z') => return None,
            Value::Letter(c) => push(&[c + 1]),
        }
        push(self.style);
        push(b" ");
        Some(&pat[..n])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at_start(text: &str) -> Option<Marker> {
        marker(text, 0, text.len())
    }

    #[test]
    fn numbered_item_finds_next_number_on_the_line() {
        let t = "1. Raise taxes 2. Cut spending";
        assert_eq!(at_start(t), Some(Marker { end: 3, next: Some(15) }));
    }

    #[test]
    fn lettered_and_parenthesised_items() {
        assert_eq!(at_start("a. one b. two").and_then(|m| m.next), Some(7));
        assert_eq!(at_start("1.) one 2.) two").and_then(|m| m.next), Some(8));
        assert_eq!(at_start("(1) one (2) two").and_then(|m| m.next), Some(8));
    }

    #[test]
    fn glyph_bullet_finds_next_bullet() {
        let t = "• 9. one • 10. two";
        let m = at_start(t).unwrap();
        assert_eq!(m.end, 7);
        assert_eq!(m.next, Some(11));
    }

    #[test]
    fn decimals_and_times_are_not_markers() {
        assert_eq!(at_start("1.5 million"), None);
        assert_eq!(at_start("a.m. start"), None);
        assert_eq!(at_start("-5 degrees"), None);
    }
}
