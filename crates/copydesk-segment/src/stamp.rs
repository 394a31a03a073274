//! Date-time stamps ("11/14/2000 11:37 AM"), as message headers and
//! bylines print them between a name and the text: the stamp is a sentence
//! of its own when a name or address comes before it and a capitalised word
//! after it ("Mike Curry 11/14/2000 11:37 AM With Elizabeth's comments ...").

use crate::chars::{char_at, char_before, is_all_caps, word_at};

/// A stamp: where its date starts and its time ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Stamp {
    pub(crate) start: usize,
    pub(crate) end: usize,
}

/// The stamp whose clock time has its colon at `colon`, if there is one: a
/// numeric date ("11/14/2000"), a space, "h:mm" or "h:mm:ss", and an optional
/// "AM" or "PM".
pub(crate) fn at(text: &str, colon: usize) -> Option<Stamp> {
    let b = text.as_bytes();
    let digits_before = |end: usize| (0..end.min(4)).take_while(|&k| b[end - 1 - k].is_ascii_digit()).count();
    let hours = digits_before(colon);
    if !(1..=2).contains(&hours) || colon < hours + 1 || b[colon - hours - 1] != b' ' {
        return None;
    }
    // The date: d/d/dddd, read backwards from its last digit.
    let mut j = colon - hours - 1;
    for part in 0..3 {
        let n = digits_before(j);
        let ok = if part == 0 { (2..=4).contains(&n) } else { (1..=2).contains(&n) };
        if !ok {
            return None;
        }
        j -= n;
        if part < 2 {
            if j == 0 || b[j - 1] != b'/' {
                return None;
            }
            j -= 1;
        }
    }
    let start = j;
    let mut end = colon + 1;
    for _ in 0..2 {
        if b.get(end..end + 2).is_some_and(|d| d.iter().all(u8::is_ascii_digit)) {
            end += 2;
        } else {
            return None;
        }
        if b.get(end) != Some(&b':') {
            break;
        }
        end += 1;
    }
    if b.get(end..end + 3).is_some_and(|m| [b" AM", b" PM", b" am", b" pm"].iter().any(|x| x[..] == *m)) {
        end += 3;
    }
    let free = |k: usize| b.get(k).is_none_or(|c| c.is_ascii_whitespace());
    (free(end) && (start == 0 || free(start - 1))).then_some(Stamp { start, end })
}

/// True when a name or address stands right before the stamp: two
/// capitalised words ("Mike Curry"), or a token with an '@'
/// ("Edison@ENRON").
pub(crate) fn after_name(text: &str, stamp: Stamp, floor: usize) -> bool {
    let before = text.get(floor..stamp.start).unwrap_or("").trim_end();
    let mut tokens = before.rsplit(' ');
    let last = tokens.next().unwrap_or("");
    let capital = |w: &str| w.starts_with(|c: char| c.is_uppercase()) && w.chars().all(char::is_alphabetic);
    last.contains('@') || (capital(last) && tokens.next().is_some_and(capital))
}

/// True when a capitalised word, not a time zone ("EST"), follows the stamp.
pub(crate) fn before_capital(text: &str, stamp: Stamp, limit: usize) -> bool {
    let next = crate::chars::skip_space(text, stamp.end, limit);
    let word = word_at(text, next);
    next < limit
        && char_at(text, next).is_some_and(char::is_uppercase)
        && !(is_all_caps(word) && word.len() <= 4)
        && char_before(text, next).is_some_and(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_date_and_clock_time() {
        let t = "Mike Curry 11/14/2000 11:37 AM With";
        assert_eq!(at(t, 24), Some(Stamp { start: 11, end: 30 }));
        let t = "on 01/24/2001 02:45:50 PM Vince";
        assert_eq!(at(t, 16), Some(Stamp { start: 3, end: 25 }));
    }

    #[test]
    fn a_clock_time_alone_is_no_stamp() {
        let t = "at 11:37 AM";
        assert_eq!(at(t, 5), None);
        let t = "ratio 3:1";
        assert_eq!(at(t, 7), None);
    }

    #[test]
    fn name_or_address_before_the_stamp() {
        let t = "Mike Curry 11/14/2000 11:37 AM";
        assert!(after_name(t, Stamp { start: 11, end: 30 }, 0));
        let t = "updated on 11/14/2000 11:37 AM";
        assert!(!after_name(t, Stamp { start: 11, end: 30 }, 0));
    }
}
