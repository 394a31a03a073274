//! Lead-ins that are sentences of their own although no terminal
//! punctuation ends them, when a capitalised word follows them:
//!
//! - a sign-off and its comma: "Best regards, Al Arfsten";
//! - a salutation up to its comma or colon: "Hi David: Thought you ...";
//! - a label of one or two capitalised words and a colon, before a sentence
//!   starter: "Description: Our client is ...";
//! - a name and a comma, before a sentence starter other than "I": "Vince,
//!   We are still trying ...".

use crate::chars::{char_at, skip_space, word_at};
use crate::lexicon::Lexicon;

/// The end of the lead-in that opens the sentence at `start`, if it has one.
pub(crate) fn end(text: &str, lex: &Lexicon, start: usize, limit: usize) -> Option<usize> {
    let rest = text.get(start..limit)?;
    if !rest.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    if lex.greeting(rest).is_some() {
        // "Dear Mr. Lavorato:", "Hello all,": up to the first comma or colon.
        let len = rest
            .char_indices()
            .take(48)
            .find(|&(_, c)| !(c.is_alphabetic() || matches!(c, ' ' | '.' | '\'')))?;
        return matches!(len.1, ',' | ':').then(|| before_capital(text, start + len.0 + 1, limit)).flatten();
    }
    // Otherwise one or two words (of at most 35 bytes each), then the
    // punctuation: most sentences have none so close to their start.
    let b = text.as_bytes();
    memchr::memchr2(b',', b':', &b[start..b.len().min(start + 72)])?;
    let mut end = start + word_at(text, start).len();
    let mut second = None;
    if b.get(end) == Some(&b' ') {
        second = Some(end + 1);
        end += 1 + word_at(text, end + 1).len();
    }
    let punct = *b.get(end)?;
    if !matches!(punct, b',' | b':') {
        return None;
    }
    if let Some(len) = lex.signoff(rest).filter(|&len| rest[len..].starts_with(',')) {
        return before_capital(text, start + len + 1, limit);
    }
    if second.is_some_and(|w| !char_at(text, w).is_some_and(char::is_uppercase)) {
        return None;
    }
    before_capital(text, end + 1, limit)?;
    let next = word_at(text, skip_space(text, end + 1, limit));
    let starts = lex.is_starter(next);
    match punct {
        b':' if starts => Some(end + 1),
        b',' if second.is_none() && starts && next != "I" => Some(end + 1),
        _ => None,
    }
}

/// `end` when spaces and then a capitalised word follow it.
fn before_capital(text: &str, end: usize, limit: usize) -> Option<usize> {
    let next = skip_space(text, end, limit);
    (next > end && next < limit && char_at(text, next).is_some_and(char::is_uppercase)).then_some(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lead(text: &str) -> Option<&str> {
        end(text, Lexicon::english(), 0, text.len()).map(|e| &text[..e])
    }

    #[test]
    fn sign_off_before_name() {
        assert_eq!(lead("Best regards, Al Arfsten"), Some("Best regards,"));
        assert_eq!(lead("Best Buy said so"), None);
    }

    #[test]
    fn salutation_up_to_its_colon() {
        assert_eq!(lead("Hi David: Thought you would like it."), Some("Hi David:"));
        assert_eq!(lead("Dear Mr. Lavorato, Following up"), Some("Dear Mr. Lavorato,"));
    }

    #[test]
    fn label_before_a_sentence_starter() {
        assert_eq!(lead("Description: Our client is small."), Some("Description:"));
        assert_eq!(lead("Photo: John Smith/AP"), None);
    }

    #[test]
    fn label_of_two_long_words_is_found() {
        let word = "Abcdefghijklmnopqrstuvwxyzabcdef";
        let text = format!("{word} {word}: Our client is small.");
        assert_eq!(lead(&text), Some(&text[..66]));
    }

    #[test]
    fn addressed_name_before_a_sentence_starter() {
        assert_eq!(lead("Vince, We are still trying."), Some("Vince,"));
        assert_eq!(lead("Melissa, I show a gap."), None);
        assert_eq!(lead("Yesterday, President Li spoke."), None);
    }
}
