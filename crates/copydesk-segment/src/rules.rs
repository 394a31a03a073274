//! Whether terminal punctuation followed by a space ends the sentence: the
//! word before it (abbreviation class, number, initial), the kind of
//! punctuation (full stop, ellipsis, question or exclamation mark) and the
//! word after it decide.

use crate::chars::{
    char_at, char_before, is_all_caps, is_close_bracket, is_letter, is_letter_or_digit, is_open_bracket,
    is_roman, is_token_char, skip_space, word_at,
};
use crate::lexicon::{Abbrev, Lexicon};

/// A run of terminal punctuation: "." or "?!" or ". . ." or "…".
#[derive(Clone, Copy, Debug)]
pub(crate) struct Run {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) kind: RunKind,
    /// Contains an ideographic full stop or full-width mark: a boundary even
    /// without a space after it.
    pub(crate) cjk: bool,
}

/// What a run of terminal punctuation is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RunKind {
    /// One full stop.
    Stop,
    /// Two full stops or more, or "…".
    Ellipsis,
    /// Question and exclamation marks.
    Question,
}

impl Run {
    /// Reads the run starting at `i`; single spaces between marks belong to
    /// it ("! ! !", ". . .").
    pub(crate) fn at(text: &str, i: usize, limit: usize) -> Run {
        // Most runs are one full stop before a space and a word.
        let b = text.as_bytes();
        let plain = |k: usize| {
            k >= limit || b.get(k).is_some_and(|&x| x.is_ascii() && !matches!(x, b'.' | b'?' | b'!'))
        };
        if b.get(i) == Some(&b'.') && plain(i + 1) && (b.get(i + 1) != Some(&b' ') || plain(i + 2)) {
            return Run { start: i, end: i + 1, kind: RunKind::Stop, cjk: false };
        }
        let (mut j, mut stops, mut marks, mut ellipsis, mut cjk) = (i, 0u32, 0u32, false, false);
        while j < limit {
            match char_at(text, j) {
                Some(c) if crate::chars::is_terminal(c) => {
                    if crate::chars::is_full_stop(c) {
                        stops += 1;
                    } else if c == '…' {
                        ellipsis = true;
                    } else {
                        marks += 1;
                    }
                    cjk |= crate::chars::is_cjk_terminal(c);
                    j += c.len_utf8();
                }
                Some(' ')
                    if j > i
                        && char_at(text, j + 1).is_some_and(crate::chars::is_terminal)
                        && j + 1 < limit =>
                {
                    j += 1;
                }
                _ => break,
            }
        }
        let kind = if ellipsis || stops > 1 {
            RunKind::Ellipsis
        } else if marks > 0 {
            RunKind::Question
        } else {
            RunKind::Stop
        };
        Run { start: i, end: j.max(i + 1), kind, cjk }
    }
}

/// Where the sentence being scanned stands.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Context<'a> {
    pub(crate) text: &'a str,
    pub(crate) lex: &'a Lexicon,
    /// First character of the sentence.
    pub(crate) sent_start: usize,
    /// First character after a list marker, or the sentence start.
    pub(crate) content_start: usize,
    /// First character after the last ": " or "; " of the sentence.
    pub(crate) clause_start: usize,
    /// End of the line (or of the list item).
    pub(crate) limit: usize,
}

/// The word before a full stop, as the rules see it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Token {
    /// No letter or digit right before the stop ("%.", "].").
    Empty,
    /// Digits, with the number of digits before the stop.
    Number(usize),
    /// One letter: an initial or "I".
    Letter,
    /// Letters of one or two characters joined by full stops ("U.S", "J.R.R").
    Initialism,
    /// A listed abbreviation.
    Abbrev(Abbrev),
    /// Any other word.
    Word,
}

/// What follows the space after the punctuation.
#[derive(Clone, Copy, Debug)]
enum Next<'t> {
    /// A lower-case word.
    Lower(&'t str),
    /// A capitalised (or uncased) word, with the text from its start.
    Upper(&'t str, usize),
    /// A digit; `list` when it starts a list marker ("2. ", "3) ").
    Digit { list: bool },
    /// Punctuation that continues a sentence: , ; : ) -
    Punct,
    /// Anything else: currency signs, symbols, emoji.
    Other,
}

/// True when `run`, followed by a space and the character at `after`, ends
/// the sentence. `bare` when nothing (no quote, bracket) follows the run
/// before the space.
pub(crate) fn ends_sentence(cx: &Context<'_>, run: &Run, after: usize, bare: bool) -> bool {
    let next = next_at(cx, after);
    if let Next::Lower(word) = next {
        return bare && lower_case_start(cx, run, word);
    }
    if matches!(next, Next::Punct) {
        return false;
    }
    if run.cjk {
        return true;
    }
    match run.kind {
        RunKind::Question => true,
        // "the thing is . . . I didn't mean it": "I" after an ellipsis is
        // no sentence start.
        RunKind::Ellipsis => matches!(next, Next::Upper(w, _) if w != "I"),
        RunKind::Stop => stop_ends_sentence(cx, run, next),
    }
}

/// A sentence written in lower case ("i am out of town. i am in portland."):
/// after a full stop that follows a plain lower-case word (no abbreviation,
/// initial or number), or before the pronoun "i" after "?" or "!".
fn lower_case_start(cx: &Context<'_>, run: &Run, next: &str) -> bool {
    match run.kind {
        // "bet? really, i have no idea": a question mark touching a
        // lower-case word, or a run of marks ("ASAP!!! esp"); not a name
        // like "Yahoo! in".
        RunKind::Question => {
            let question = cx.text.as_bytes().get(run.start) == Some(&b'?');
            let touching = question && char_before(cx.text, run.start).is_some_and(char::is_lowercase);
            let repeated = run.end - run.start > 1
                && char_before(cx.text, run.start).is_some_and(|c| !c.is_whitespace());
            next == "i" || touching || repeated
        }
        RunKind::Ellipsis => false,
        RunKind::Stop => {
            let (token, start) = token_before(cx, run.start);
            let word = cx.text.get(start..run.start).unwrap_or("").trim_end();
            // A plain word in lower case, or capitalised and of three letters
            // or more ("Parcels. will i have to pay"): no abbreviation.
            let letters = word.chars().filter(|c| c.is_alphabetic()).count();
            let mut rest = word.chars().skip_while(|c| c.is_uppercase() && letters > 2);
            let plain = rest.all(|c| c.is_lowercase() || c == '\'' || c == '’');
            token == Token::Word && letters > 1 && plain && !is_all_caps(word)
        }
    }
}

fn stop_ends_sentence(cx: &Context<'_>, run: &Run, next: Next<'_>) -> bool {
    let (token, start) = token_before(cx, run.start);
    let lex = cx.lex;
    match next {
        Next::Upper(word, at) => match token {
            Token::Abbrev(Abbrev::Prepositive) => false,
            Token::Abbrev(Abbrev::Plain) => !is_roman(word),
            Token::Abbrev(Abbrev::Suffix) | Token::Letter | Token::Initialism => lex.is_starter(word),
            Token::Abbrev(Abbrev::Degree) => true,
            Token::Abbrev(Abbrev::Time) => time_ends_sentence(cx, word, at),
            Token::Abbrev(Abbrev::State) => after_city(cx.text, start) || lex.is_starter(word),
            Token::Number(digits) => !(lex.ordinals && digits <= 2),
            Token::Word | Token::Empty => true,
        },
        Next::Digit { list } => match token {
            Token::Abbrev(Abbrev::Prepositive | Abbrev::Plain) | Token::Empty => false,
            _ if list => true,
            // "7 a.m. is before 7 p.m. 7 a.m. is before dinner", but
            // "A.D. 79 saw the eruption".
            Token::Abbrev(Abbrev::Time) => start > cx.content_start,
            Token::Word | Token::Number(_) => true,
            _ => false,
        },
        Next::Other => matches!(token, Token::Word | Token::Number(_) | Token::Empty),
        Next::Lower(_) | Next::Punct => false,
    }
}

/// After "a.m." or "B.C.": a sentence starter begins a new sentence; a day,
/// month or zone name ("Tuesday", "PDT") continues the time; any other
/// capitalised word begins a new sentence unless the sentence opened with a
/// fronted time phrase ("At 5 a.m. Mr. Smith went to the bank").
fn time_ends_sentence(cx: &Context<'_>, word: &str, at: usize) -> bool {
    let lex = cx.lex;
    if lex.is_starter(word) {
        return true;
    }
    let initial = word.chars().count() == 1 && cx.text.as_bytes().get(at + word.len()) == Some(&b'.');
    if lex.is_calendar(word) || is_all_caps(word) || initial {
        return false;
    }
    let first = skip_openers(cx.text, cx.clause_start, cx.limit);
    !lex.is_fronted(word_at(cx.text, first))
}

/// "Washington, D.C." or "Palo Alto, Calif.": a state after a city.
fn after_city(text: &str, start: usize) -> bool {
    start >= 2 && text.as_bytes().get(start - 2..start) == Some(b", ")
}

/// The word ending at the full stop at `stop` (a space before the stop is
/// allowed: "filming . He"), classified, with its start.
fn token_before(cx: &Context<'_>, stop: usize) -> (Token, usize) {
    let text = cx.text;
    let floor = cx.sent_start;
    let mut end = stop;
    while end > floor && text.as_bytes()[end - 1] == b' ' && stop - end < 4 {
        end -= 1;
    }
    let b = text.as_bytes();
    // Back over ASCII letters, digits, full stops and apostrophes, no
    // further than the sentence start nor 48 bytes before the stop.
    let lo = floor.max(end.saturating_sub(48));
    let ascii_walk = |start: usize| {
        if start <= lo {
            return start;
        }
        let stops = |c: &u8| !(c.is_ascii_alphanumeric() || matches!(c, b'.' | b'\''));
        b[lo..start].iter().rposition(stops).map_or(lo, |p| lo + p + 1)
    };
    let mut start = ascii_walk(end);
    // A non-ASCII letter sends the walk on through chars.
    while let Some(c) = char_before(text, start).filter(|&c| !c.is_ascii() && is_token_char(c)) {
        if start <= floor || end - start >= 48 {
            break;
        }
        start = ascii_walk(start - c.len_utf8());
    }
    let start = start.max(floor);
    let mut word = text.get(start..end).unwrap_or("");
    // Leading full stops and apostrophes belong to no word ("...and", "'80").
    loop {
        word = match word.as_bytes() {
            [b'.' | b'\'', ..] => &word[1..],
            [0xE2, 0x80, 0x99, ..] => &word[3..],
            _ => break,
        };
    }
    let start = end - word.len();
    if word.is_empty() {
        return (Token::Empty, start);
    }
    let lex = cx.lex;
    if let Some(a) = lex.abbrev(word) {
        return (Token::Abbrev(a), start);
    }
    // "7a.m": a clock suffix written against its number.
    let unnumbered = word.trim_start_matches(|c: char| c.is_ascii_digit());
    let clock = unnumbered.len() < word.len() && unnumbered.bytes().any(|b| b == b'.');
    if let Some(a) = clock.then(|| lex.abbrev(unnumbered)).flatten() {
        return (Token::Abbrev(a), start);
    }
    if word.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        let digits = word.rsplit('.').next().map_or(0, str::len);
        return (Token::Number(digits), start);
    }
    if word.bytes().any(|b| b == b'.') {
        let initials = word
            .split('.')
            .all(|p| (1..=2).contains(&p.chars().count()) && p.chars().all(char::is_alphabetic));
        return (if initials { Token::Initialism } else { Token::Word }, start);
    }
    let mut chars = word.chars();
    if matches!((chars.next(), chars.next()), (Some(c), None) if c.is_alphabetic()) {
        return (Token::Letter, start);
    }
    (Token::Word, start)
}

/// The first character at or after `i` that is not an opening quote,
/// bracket or space.
fn skip_openers(text: &str, mut i: usize, limit: usize) -> usize {
    for _ in 0..6 {
        i = skip_space(text, i, limit);
        match char_at(text, i) {
            Some(c) if i < limit && (is_open_bracket(c) || is_opening_mark(c)) => i += c.len_utf8(),
            _ => break,
        }
    }
    i
}

/// Quote marks that may open a sentence, and Spanish opening marks.
fn is_opening_mark(c: char) -> bool {
    matches!(c, '"' | '\'' | '`' | '“' | '‘' | '«' | '„' | '¿' | '¡')
}

fn next_at<'t>(cx: &Context<'t>, after: usize) -> Next<'t> {
    let text = cx.text;
    let p = skip_openers(text, after, cx.limit);
    let Some(c) = char_at(text, p).filter(|_| p < cx.limit) else { return Next::Other };
    if c.is_lowercase() {
        Next::Lower(word_at(text, p))
    } else if c.is_ascii_digit() {
        Next::Digit { list: p == after && list_marker(text, p) }
    } else if is_letter(c) {
        Next::Upper(word_at(text, p), p)
    } else if is_close_bracket(c) || matches!(c, ',' | ';' | ':' | '-' | '–' | '—' | '.') {
        Next::Punct
    } else {
        Next::Other
    }
}

/// "2. " or "3) " at `p`.
fn list_marker(text: &str, p: usize) -> bool {
    let b = text.as_bytes();
    let digits = b.get(p..).map_or(0, |s| s.iter().take_while(|c| c.is_ascii_digit()).count());
    (1..=2).contains(&digits)
        && matches!(b.get(p + digits), Some(b'.' | b')'))
        && b.get(p + digits + 1).is_some_and(|c| c.is_ascii_whitespace())
}

/// "shop?there will be" or "around?I've got": a question or exclamation
/// mark with no space between two words.
pub(crate) fn glued_question(cx: &Context<'_>, run: &Run) -> bool {
    let text = cx.text;
    let next = word_at(text, run.end);
    let after = char_at(text, run.end + next.len());
    let word_ends =
        after.is_none_or(|c| c.is_whitespace() || matches!(c, '\'' | '’' | ',' | '?' | '!' | '.'));
    char_before(text, run.start).is_some_and(char::is_lowercase)
        && (next.chars().count() > 1 || next == "I")
        && word_ends
}

/// "world.Today" or "1,000.That": a full stop with no space after it still
/// ends a sentence between a plain word and a capitalised word, but not
/// inside an address, a file name, an initialism or a number.
pub(crate) fn glued_sentences(cx: &Context<'_>, stop: usize) -> bool {
    let text = cx.text;
    let mut start = stop;
    while let Some(c) = char_before(text, start).filter(|&c| is_letter_or_digit(c) || c == ',') {
        if start <= cx.sent_start || stop - start > 32 {
            return false;
        }
        start -= c.len_utf8();
    }
    let before_ok = char_before(text, start)
        .is_none_or(|c| c.is_whitespace() || is_open_bracket(c) || "\"'“‘".contains(c));
    let word = text.get(start..stop).unwrap_or("");
    if !before_ok || word.chars().count() < 3 || cx.lex.abbrev(word).is_some() {
        return false;
    }
    let next = word_at(text, stop + 1);
    if cx.lex.is_domain(next) {
        return false;
    }
    let mut chars = next.chars();
    let shaped = chars.next().is_some_and(char::is_uppercase) && chars.next().is_some_and(char::is_lowercase);
    let end = stop + 1 + next.len();
    let ends_word = match char_at(text, end) {
        None => true,
        Some('.') => char_at(text, end + 1).is_none_or(char::is_whitespace),
        Some(c) => c.is_whitespace() || matches!(c, ',' | ';' | ':' | '!' | '?'),
    };
    shaped && ends_word
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> (usize, RunKind) {
        let r = Run::at(text, 0, text.len());
        (r.end, r.kind)
    }

    #[test]
    fn a_lone_full_stop_is_a_stop_and_spaced_marks_join_the_run() {
        assert_eq!(run(". The"), (1, RunKind::Stop));
        assert_eq!(run("."), (1, RunKind::Stop));
        assert_eq!(run(".\" He"), (1, RunKind::Stop));
        assert_eq!(run(". . . Then"), (5, RunKind::Ellipsis));
        assert_eq!(run(".?! Yes"), (3, RunKind::Question));
        assert_eq!(run("?! Yes"), (2, RunKind::Question));
        assert_eq!(run(".… Then"), (4, RunKind::Ellipsis));
        assert_eq!(run(". … Then"), (5, RunKind::Ellipsis));
    }
}
