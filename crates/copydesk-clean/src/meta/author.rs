//! Author names: from bylines and author fields as pages write them ("By Jane
//! Doe and John Roe | Staff Writers") to a list of names.

use crate::text_util::normalize;

/// A name has at most this many words.
const MAX_NAME_WORDS: usize = 5;
/// A byline longer than this (in bytes) is not a byline.
const MAX_BYLINE: usize = 160;

/// Characters after which a byline goes on with a role or a date.
const SEPARATORS: &[char] = &['|', '•', '·', '\n', '—', '–'];

/// Prefixes that open a byline (lower case).
const PREFIXES: &[&str] = &[
    "written by",
    "words by",
    "posted by",
    "reported by",
    "story by",
    "by",
    "von",
    "par",
    "por",
    "author:",
    "autor:",
    "auteur:",
];

/// The names in a byline or author field; empty when it does not read like
/// one (too long, a URL, an organisation-like all-caps string, digits).
pub(crate) fn names(text: &str) -> Vec<String> {
    let text = text.trim();
    if text.len() > MAX_BYLINE || text.contains("://") || text.contains('@') {
        return Vec::new();
    }
    let mut rest = text;
    let lower = text.to_lowercase();
    for p in PREFIXES {
        if lower.starts_with(p) && lower[p.len()..].starts_with([' ', ':', '|', '\u{a0}']) {
            rest = text[p.len()..].trim_start_matches([' ', ':', '|', '\u{a0}']);
            break;
        }
    }
    // Whatever follows a bar, bullet or line break is a role or a date.
    let rest = rest.split(SEPARATORS).map(str::trim).find(|p| !p.is_empty()).unwrap_or("");
    let mut out: Vec<String> = Vec::new();
    for part in rest.split([',', ';', '&']).flat_map(|p| p.split(" and ")).flat_map(|p| p.split(" und ")) {
        let name = part.trim().trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '®');
        if let Some(last) = out.last_mut().filter(|_| is_credential(name)) {
            last.push_str(", ");
            last.push_str(name);
        } else if is_name(name) && !out.iter().any(|n| normalize(n) == normalize(name)) {
            out.push(name.to_string());
        }
    }
    out
}

/// Letters after a name: all capitals ("MD", "E-RYT 200", "CFP®") or one of
/// `data/credentials.txt`.
fn is_credential(part: &str) -> bool {
    static TABLE: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    let table =
        TABLE.get_or_init(|| crate::table::entries(include_str!("../../data/credentials.txt")).collect());
    let letters = part.chars().filter(|c| c.is_alphabetic()).count();
    (letters >= 2 && part.len() <= 12 && !part.chars().any(char::is_lowercase)) || table.contains(&part)
}

/// Two to five capitalised words without digits.
fn is_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= MAX_NAME_WORDS
        && !s.chars().any(|c| c.is_ascii_digit())
        && words.iter().filter(|w| w.chars().next().is_some_and(char::is_uppercase)).count() * 2
            >= words.len()
        && s.chars().any(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byline_with_two_names_and_a_role() {
        assert_eq!(names("By Jane Doe and John Roe | Staff Writers"), vec!["Jane Doe", "John Roe"]);
    }

    #[test]
    fn byline_parts_read_apart() {
        assert_eq!(names("Written by | Dan Pantelo | Senior Writer"), vec!["Dan Pantelo"]);
    }

    #[test]
    fn comma_separated_authors() {
        assert_eq!(names("Ann Lee, Bo Chan, and Cy Diaz"), vec!["Ann Lee", "Bo Chan", "Cy Diaz"]);
    }

    #[test]
    fn credentials_stay_with_their_name() {
        assert_eq!(names("Jillian Kubala, MS, RD"), vec!["Jillian Kubala, MS, RD"]);
        assert_eq!(names("Ann Lee, PhD and Bo Chan"), vec!["Ann Lee, PhD", "Bo Chan"]);
    }

    #[test]
    fn sentence_is_not_a_byline() {
        assert!(
            names("This story was updated on 5 March 2024 with new figures from the council.").is_empty()
        );
        assert!(names("https://example.com/authors/jane").is_empty());
    }
}
