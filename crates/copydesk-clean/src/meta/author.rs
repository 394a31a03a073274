//! Author names: from bylines and author fields as pages write them ("By Jane
//! Doe and John Roe | Staff Writers") to a list of names.

use std::sync::OnceLock;

use crate::table;
use crate::text_util::{DateWords, normalize};

/// A name has at most this many words.
const MAX_NAME_WORDS: usize = 5;
/// A byline longer than this (in bytes) is not a byline.
const MAX_BYLINE: usize = 160;
/// A label before the name ("Recipe by", "Written and photographed by") has
/// at most this many words before its `by`.
const MAX_LABEL_WORDS: usize = 4;

/// Characters after which a byline goes on with a role or a date.
const SEPARATORS: &[char] = &['|', '•', '·', '\n', '—', '–'];

/// Where a name was read, which decides how much it must look like one.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Source {
    /// An author field of the page's markup: whatever it names (a user name,
    /// a team, an organisation) is the author the page declares.
    Declared,
    /// Text shown on the page: only capitalised names count.
    Shown,
}

/// The tables the name reader uses.
struct Tables {
    /// Words that open a byline, lower case (`data/byline_prefixes.txt`).
    prefixes: Vec<&'static str>,
    /// Labels that stand for nobody (`data/author_labels.txt`), normalised.
    labels: Vec<String>,
    /// Letters after a name (`data/credentials.txt`).
    credentials: Vec<&'static str>,
    /// Lower-case words inside names (`data/author_particles.txt`).
    particles: Vec<&'static str>,
    dates: DateWords,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| Tables {
        prefixes: table::entries(include_str!("../../data/byline_prefixes.txt")).collect(),
        labels: table::entries(include_str!("../../data/author_labels.txt")).map(normalize).collect(),
        credentials: table::entries(include_str!("../../data/credentials.txt")).collect(),
        particles: table::entries(include_str!("../../data/author_particles.txt")).collect(),
        dates: DateWords::new(),
    })
}

/// The names in a byline or author field; empty when it does not read like
/// one (too long, a URL, digits, a label, or for text shown on the page a
/// string that is not a capitalised name).
pub(crate) fn names(text: &str, source: Source) -> Vec<String> {
    let text = text.trim();
    if text.len() > MAX_BYLINE || text.contains("://") || text.contains('@') {
        return Vec::new();
    }
    let rest = strip_label(text).unwrap_or(text);
    // Whatever follows a bar, bullet or line break is a role or a date.
    let rest = rest.split(SEPARATORS).map(str::trim).find(|p| !p.is_empty() && !is_label(p)).unwrap_or("");
    let rest = strip_label(rest).unwrap_or(rest);
    let mut out: Vec<String> = Vec::new();
    for part in rest.split([',', ';', '&']).flat_map(|p| p.split(" and ")).flat_map(|p| p.split(" und ")) {
        let name = part.trim().trim_matches(|c: char| !c.is_alphanumeric() && !matches!(c, '.' | '®' | ')'));
        let name = if name.contains('(') { name } else { name.trim_end_matches(')') };
        if let Some(last) = out.last_mut().filter(|_| is_credential(name)) {
            last.push_str(", ");
            last.push_str(name);
        } else if is_name(name, source) && !out.iter().any(|n| normalize(n) == normalize(name)) {
            out.push(name.to_string());
        }
    }
    out
}

/// True when `name` reads as a person's: two to five words before any
/// credentials, each capitalised or a particle ("van", "de").
pub(crate) fn is_person(name: &str) -> bool {
    let name = name.split(',').next().unwrap_or_default();
    let words: Vec<&str> = name.split_whitespace().collect();
    (2..=MAX_NAME_WORDS).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                || tables().particles.contains(&w.to_lowercase().as_str())
        })
        && !name.chars().any(|c| c.is_ascii_digit())
}

/// True when `line` is a person's name and the letters after it, alone
/// ("Dylan Bailey, MS, RD, FAND"): how an author or a reviewer is credited
/// under a headline, never a headline itself.
pub(crate) fn is_credited_name(line: &str) -> bool {
    let mut parts = line.split(',').map(str::trim);
    let name = parts.next().unwrap_or_default();
    let mut credentials = parts.peekable();
    credentials.peek().is_some() && is_person(name) && credentials.all(is_credential)
}

/// The names in a line shown on the page that opens with a byline label
/// ("By Jane Doe", "Written by | Jane Doe"); `None` for a line without one.
pub(crate) fn byline(text: &str) -> Option<Vec<String>> {
    strip_label(text.trim()).map(|_| after_label(text))
}

/// A name after a byline label has at most this many words when it is not
/// capitalised.
const MAX_PLAIN_NAME_WORDS: usize = 3;

/// The names in text that a byline label introduces (on its line or the
/// line before). A short name need not be capitalised ("by ibby", "By 3i
/// Global", "by | ALLIN ONE"): the label says it is one; but a phrase with
/// lower-case words is not a name.
pub(crate) fn after_label(text: &str) -> Vec<String> {
    let shown = names(text, Source::Shown);
    if !shown.is_empty() {
        return shown;
    }
    let plain = names(text, Source::Declared);
    let plain_name = |n: &String| {
        let words: Vec<&str> = n.split_whitespace().collect();
        words.len() <= MAX_PLAIN_NAME_WORDS
            && !n.contains(['.', '!', '?'])
            // Words of a phrase ("the Smith machine") are not a name's.
            && (words.len() == 1 || !words.iter().any(|w| w.starts_with(char::is_lowercase)))
    };
    if plain.iter().all(plain_name) { plain } else { Vec::new() }
}

/// True for a line that is only a byline label ("Written by", "By:"): the
/// name is on the next line.
pub(crate) fn is_byline_label(text: &str) -> bool {
    let text = text.trim();
    let lower = text.to_lowercase();
    strip_label(text).is_some_and(str::is_empty)
        || tables().prefixes.iter().any(|p| lower.trim_end_matches([':', ' ']) == *p)
}

/// `text` without the label that opens it: a prefix of
/// `data/byline_prefixes.txt` ("By", "von") or a few words ending in "by"
/// ("Recipe by", "Reviewed by"). `None` when no label opens it.
fn strip_label(text: &str) -> Option<&str> {
    // ASCII case folding keeps byte offsets valid in `text`.
    let lower = text.to_ascii_lowercase();
    let after = |at: usize| Some(text[at..].trim_start_matches([' ', ':', '|', '\u{a0}']));
    if let Some(at) = prefix_end(&lower) {
        return after(at);
    }
    let mut words = 0;
    for (at, word) in lower.split_inclusive(' ').scan(0, |pos, w| {
        let at = *pos;
        *pos += w.len();
        Some((at, w))
    }) {
        let word = word.trim_end();
        if word == "by" || word == "by:" {
            return if words > 0 { after(at + word.len()) } else { None };
        }
        words += 1;
        if words > MAX_LABEL_WORDS || word.chars().next().is_some_and(|c| !c.is_alphabetic()) {
            break;
        }
    }
    None
}

/// True when `text` opens with a prefix of `data/byline_prefixes.txt`
/// ("By", "Written by", "von"): a byline's own label, which a menu's "Search
/// by" or a teaser's "Edited by" is not.
pub(crate) fn opens_with_prefix(text: &str) -> bool {
    // The head is folded to lowercase byte by byte as it is compared, as
    // `prefix_end` reads it from a lowercase copy: the rest of the text is
    // never copied.
    tables().prefixes.iter().any(|p| {
        text.get(..p.len()).is_some_and(|head| head.bytes().map(|b| b.to_ascii_lowercase()).eq(p.bytes()))
            && text[p.len()..].starts_with([' ', ':', '|', '\u{a0}'])
    })
}

/// True when `label` (lower case) is a prefix of `data/byline_prefixes.txt`.
pub(crate) fn is_prefix(label: &str) -> bool {
    tables().prefixes.contains(&label)
}

/// The end of the prefix of `data/byline_prefixes.txt` that opens `lower`
/// (lower case), followed by a space, a colon or a bar.
fn prefix_end(lower: &str) -> Option<usize> {
    tables()
        .prefixes
        .iter()
        .find(|p| lower.starts_with(*p) && lower[p.len()..].starts_with([' ', ':', '|', '\u{a0}']))
        .map(|p| p.len())
}

/// A label or a date standing where a name would ("Author", "Updated", "Sat",
/// "Dec. 19, 2025").
fn is_label(part: &str) -> bool {
    let n = normalize(part);
    let t = tables();
    t.labels.contains(&n)
        || (!n.is_empty()
            && n.split(' ').all(|w| t.dates.lookup(w).is_some() || w.bytes().all(|b| b.is_ascii_digit())))
}

/// Letters after a name: all capitals ("MD", "E-RYT 200", "CFP®") or one of
/// `data/credentials.txt`.
fn is_credential(part: &str) -> bool {
    let letters = part.chars().filter(|c| c.is_alphabetic()).count();
    (letters >= 2 && part.len() <= 12 && !part.chars().any(char::is_lowercase))
        || tables().credentials.contains(&part)
}

/// A declared name: a few words with a letter, no digits-only string, no
/// label. A name shown on the page must also be capitalised and not all
/// capitals.
fn is_name(s: &str, source: Source) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.is_empty() || words.len() > MAX_NAME_WORDS || !s.chars().any(char::is_alphabetic) || is_label(s)
    {
        return false;
    }
    // A template's unfilled key ("page.head.extra.author") names nobody.
    if words.len() == 1 && s.matches('.').count() >= 3 && !s.ends_with('.') {
        return false;
    }
    match source {
        Source::Declared => true,
        Source::Shown => {
            !s.chars().any(|c| c.is_ascii_digit())
                && words.iter().filter(|w| w.chars().next().is_some_and(char::is_uppercase)).count() * 2
                    >= words.len()
                && s.chars().any(char::is_lowercase)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str) -> Vec<String> {
        names(text, Source::Shown)
    }

    #[test]
    fn a_prefix_opens_a_byline_in_any_case_before_a_space_colon_or_bar() {
        for line in ["By Jane Doe", "BY: Jane Doe", "written by | Jane Doe", "Von\u{a0}Jana Berg"] {
            assert!(opens_with_prefix(line), "{line}");
        }
        for line in ["Byline Jane Doe", "By", "Search by region", "Bÿ Jane Doe", ""] {
            assert!(!opens_with_prefix(line), "{line}");
        }
    }

    #[test]
    fn byline_with_two_names_and_a_role() {
        assert_eq!(shown("By Jane Doe and John Roe | Staff Writers"), vec!["Jane Doe", "John Roe"]);
    }

    #[test]
    fn byline_parts_read_apart() {
        assert_eq!(shown("Written by | Dan Pantelo | Senior Writer"), vec!["Dan Pantelo"]);
    }

    #[test]
    fn any_short_label_ending_in_by_opens_a_byline() {
        assert_eq!(shown("Recipe by | Ann Lee"), vec!["Ann Lee"]);
        assert_eq!(shown("Written and photographed by Bo Chan"), vec!["Bo Chan"]);
        assert!(shown("Text by").is_empty());
    }

    #[test]
    fn labelled_byline_keeps_a_short_uncapitalised_name() {
        assert_eq!(byline("by ibby"), Some(vec!["ibby".to_string()]));
        assert_eq!(byline("By 3i Global"), Some(vec!["3i Global".to_string()]));
        assert_eq!(byline("by | ALLIN ONE | on | Jan 22, 2025"), Some(vec!["ALLIN ONE".to_string()]));
        assert_eq!(byline("By clicking here you agree."), Some(vec![]));
    }

    #[test]
    fn only_a_labelled_line_is_a_byline() {
        assert_eq!(byline("By Ann Lee"), Some(vec!["Ann Lee".to_string()]));
        assert_eq!(byline("Ann Lee"), None);
        assert!(is_byline_label("Written by"));
        assert!(is_byline_label("By:"));
        assert!(!is_byline_label("By Ann Lee"));
    }

    #[test]
    fn labels_and_dates_are_nobody() {
        assert_eq!(shown("Dec. 19, 2025 | Ann Lee"), vec!["Ann Lee"]);
        assert!(shown("Author").is_empty());
        assert!(shown("Updated").is_empty());
        assert_eq!(shown("The Author | Ann Lee"), vec!["Ann Lee"]);
    }

    #[test]
    fn comma_separated_authors() {
        assert_eq!(shown("Ann Lee, Bo Chan, and Cy Diaz"), vec!["Ann Lee", "Bo Chan", "Cy Diaz"]);
    }

    #[test]
    fn a_name_with_its_credentials_alone_is_a_credited_name() {
        assert!(is_credited_name("Dylan Bailey, MS, RD, FAND"));
        assert!(is_credited_name("Jane Doe, PhD"));
        assert!(!is_credited_name("Jane Doe"));
        assert!(!is_credited_name("Paris, Texas, USA"));
        assert!(!is_credited_name("Rates Rise Again, Fed Says"));
    }

    #[test]
    fn credentials_stay_with_their_name() {
        assert_eq!(shown("Jillian Kubala, MS, RD"), vec!["Jillian Kubala, MS, RD"]);
        assert_eq!(shown("Ann Lee, PhD and Bo Chan"), vec!["Ann Lee, PhD", "Bo Chan"]);
    }

    #[test]
    fn declared_user_names_and_capitals_are_kept() {
        assert_eq!(names("jdoe_admin", Source::Declared), vec!["jdoe_admin"]);
        assert_eq!(names("ANN LEE", Source::Declared), vec!["ANN LEE"]);
        assert!(shown("jdoe_admin").is_empty());
    }

    #[test]
    fn unfilled_template_key_is_nobody() {
        assert!(names("page.head.extra.author", Source::Declared).is_empty());
        assert_eq!(names("sara.r.peter", Source::Declared), vec!["sara.r.peter"]);
    }

    #[test]
    fn name_on_the_line_after_a_label_may_be_plain_but_not_a_phrase() {
        assert_eq!(after_label("ALLIN ONE"), vec!["ALLIN ONE"]);
        assert!(after_label("the Smith machine").is_empty());
    }

    #[test]
    fn sentence_is_not_a_byline() {
        assert!(
            shown("This story was updated on 5 March 2024 with new figures from the council.").is_empty()
        );
        assert!(shown("https://example.com/authors/jane").is_empty());
    }
}
