//! The words and punctuation of a paragraph's narrative, with each outermost
//! quote standing as one token: the attribution rules read this stream.

use crate::lexicon::{CueClass, Lexicon};

/// The case of a word's first letter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Case {
    Upper,
    Lower,
    /// A digit or a letter without case.
    None,
}

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A run of letters and digits, with inner apostrophes, hyphens and
    /// periods, and the final period of an abbreviation.
    Word(Case),
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
        matches!(self.kind, Kind::Word(_))
    }

    /// The case of the word's first letter; `None` for other tokens.
    pub(crate) fn case(&self) -> Case {
        match self.kind {
            Kind::Word(case) => case,
            _ => Case::None,
        }
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

/// What an ASCII byte is to the tokenizer.
const SPACE: u8 = 1;
const ALNUM: u8 = 2;

/// The class of each ASCII byte; 0 for punctuation and non-ASCII lead bytes.
static CLASS: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = if c.is_ascii_alphanumeric() {
            ALNUM
        } else if matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C) {
            SPACE
        } else {
            0
        };
        b += 1;
    }
    table
};

/// The character at byte `i` of `text` (a char boundary), read without
/// decoding when it is ASCII, as most are.
fn char_at(text: &str, i: usize) -> Option<char> {
    match *text.as_bytes().get(i)? {
        b if b < 0x80 => Some(char::from(b)),
        _ => text.get(i..)?.chars().next(),
    }
}

/// Characters that join two runs of letters into one word: "don't",
/// "al-Assad", "U.S", "AT&T".
fn joins(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '-' | '.' | '&')
}

/// The end of the run of letters and digits (and joined runs) from byte `i`,
/// not past `to`, and whether a period joined two runs.
fn word_end(text: &str, mut i: usize, to: usize) -> (usize, bool) {
    let bytes = &text.as_bytes()[..to];
    let mut inner_period = false;
    loop {
        while bytes.get(i).is_some_and(|&b| b < 0x80 && CLASS[usize::from(b)] == ALNUM) {
            i += 1;
        }
        let Some(d) = char_at(text, i).filter(|_| i < to) else { break };
        let after = i + d.len_utf8();
        if d.is_alphanumeric() {
            i = after;
        } else if joins(d) && after < to && char_at(text, after).is_some_and(char::is_alphanumeric) {
            inner_period |= d == '.';
            i = after;
        } else {
            break;
        }
    }
    (i, inner_period)
}

/// Appends the tokens of `text[from..to]` (which holds no outermost quote).
pub(crate) fn tokenize(text: &str, from: usize, to: usize, lex: &Lexicon, out: &mut Vec<Tok>) {
    let bytes = text.as_bytes();
    let mut i = from;
    while i < to {
        let b = bytes[i];
        if b < 0x80 && CLASS[usize::from(b)] == SPACE {
            i += 1;
            continue;
        }
        let Some(c) = char_at(text, i) else { break };
        let start = i;
        i += c.len_utf8();
        if !c.is_alphanumeric() {
            if !c.is_whitespace() {
                out.push(tok(start, i, Kind::Punct(c)));
            }
            continue;
        }
        let (end, inner_period) = word_end(text, i, to);
        i = end;
        let case = if c.is_uppercase() {
            Case::Upper
        } else if c.is_lowercase() {
            Case::Lower
        } else {
            Case::None
        };
        if i < to && bytes[i] == b'.' {
            let initial = end == start + c.len_utf8() && case == Case::Upper;
            if inner_period || initial || lex.is_abbreviation(&text[start..=i]) {
                i += 1;
            }
        }
        out.push(tok(start, i, Kind::Word(case)));
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
