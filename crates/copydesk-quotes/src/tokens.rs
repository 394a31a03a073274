//! The words and punctuation of a paragraph's narrative, with each outermost
//! quote standing as one token: the attribution rules read this stream.

use crate::lexicon::{CueClass, Lexicon};

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A run of letters and digits, with inner apostrophes, hyphens and
    /// periods, and the final period of an abbreviation.
    Word,
    /// One punctuation character.
    Punct(char),
    /// An outermost quote: the index of the quote in the document's list.
    Quote(usize),
}

/// One token.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) kind: Kind,
    /// This word starts a cue phrase of this class, `len` tokens long.
    pub(crate) cue: Option<(CueClass, u8)>,
    /// A sentence starts at this token.
    pub(crate) sentence_start: bool,
}

impl Tok {
    pub(crate) fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }

    pub(crate) fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }

    pub(crate) fn quote(&self) -> Option<usize> {
        match self.kind {
            Kind::Quote(i) => Some(i),
            _ => None,
        }
    }

    /// True for `.`, `!` and `?`: the end of a sentence outside quotes.
    pub(crate) fn ends_sentence(&self) -> bool {
        matches!(self.kind, Kind::Punct('.' | '!' | '?' | '\u{2026}'))
    }
}

/// Appends the tokens of `text[from..to]` (which holds no outermost quote).
pub(crate) fn tokenize(text: &str, from: usize, to: usize, lex: &Lexicon, out: &mut Vec<Tok>) {
    let s = &text[from..to];
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let start = from + i;
        if !c.is_alphanumeric() {
            out.push(tok(start, start + c.len_utf8(), Kind::Punct(c)));
            continue;
        }
        let mut end = start + c.len_utf8();
        let mut inner_period = false;
        while let Some(&(j, d)) = chars.peek() {
            if d.is_alphanumeric() {
                end = from + j + d.len_utf8();
                chars.next();
            } else if matches!(d, '\'' | '\u{2019}' | '-' | '.' | '&')
                && s[j + d.len_utf8()..].starts_with(char::is_alphanumeric)
            {
                inner_period |= d == '.';
                end = from + j + d.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        if text[end..].starts_with('.') {
            let word = &text[start..end];
            let initial = word.chars().count() == 1 && word.starts_with(char::is_uppercase);
            if inner_period || initial || lex.is_abbreviation(&text[start..end + 1]) {
                end += 1;
                chars.next();
            }
        }
        out.push(tok(start, end, Kind::Word));
    }
}

pub(crate) fn tok(start: usize, end: usize, kind: Kind) -> Tok {
    Tok { start, end, kind, cue: None, sentence_start: false }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let lex = Lexicon::new();
        let mut out = Vec::new();
        tokenize(text, 0, text.len(), &lex, &mut out);
        out.iter().map(|t| &text[t.start..t.end]).collect()
    }

    #[test]
    fn keeps_abbreviation_periods_and_splits_sentence_periods() {
        assert_eq!(
            words("Maj. Rob Lodewick of the U.S. Army said no."),
            ["Maj.", "Rob", "Lodewick", "of", "the", "U.S.", "Army", "said", "no", "."]
        );
    }

    #[test]
    fn keeps_possessives_and_hyphens_inside_words() {
        assert_eq!(words("Putin’s envoy, al-Assad's ally"), ["Putin’s", "envoy", ",", "al-Assad's", "ally"]);
    }
}
