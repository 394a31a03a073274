//! The metadata header scraped text may open with: a YAML front-matter
//! block between `---` lines (markdown written with its metadata by
//! trafilatura and other converters, static-site sources), or a block of
//! `Key: value` lines (Jina Reader's "Title:", "URL Source:", "Published
//! Time:", closed by "Markdown Content:"). Its fields are the page's own
//! metadata, and the story is read from what follows it. The keys are
//! `data/text_header_keys.txt`.

use std::sync::OnceLock;

use copydesk_core::Metadata;

use crate::meta::author::{self, Source};
use crate::meta::date;
use crate::meta::lang::Languages;
use crate::meta::title::Separators;
use crate::table;
use crate::text_util::DateWords;

/// A header ends within this many lines: a longer block of `key: value`
/// lines is a page's own text (a fact box, a table).
const MAX_LINES: usize = 100;

/// A key of a `Key: value` header line is at most this many bytes.
const MAX_KEY: usize = 40;

/// What a header key gives.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Field {
    Title,
    Author,
    Published,
    Modified,
    Url,
    Description,
    Site,
    Lang,
    /// The key, with no value, that ends a `Key: value` header.
    Content,
}

/// A known key met in the header, with its value or values (the items of
/// a list, the lines of a folded text).
struct Entry {
    field: Field,
    /// The key's place among its field's keys: the lowest wins.
    rank: usize,
    values: Vec<String>,
}

/// The tables the header reader uses.
struct Tables {
    /// Every key, lower case, with its field, in the order of the file.
    keys: Vec<(&'static str, Field)>,
    dates: DateWords,
    languages: Languages,
    separators: Separators,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| Tables {
        keys: table::rows(include_str!("../../data/text_header_keys.txt"))
            .filter(|r| r.len() == 2)
            .filter_map(|r| Some((r[1], field(r[0])?)))
            .collect(),
        dates: DateWords::new(),
        languages: Languages::new(),
        separators: Separators::new(),
    })
}

/// The field a row of the key table names.
fn field(name: &str) -> Option<Field> {
    Some(match name {
        "title" => Field::Title,
        "author" => Field::Author,
        "published" => Field::Published,
        "modified" => Field::Modified,
        "url" => Field::Url,
        "description" => Field::Description,
        "site" => Field::Site,
        "lang" => Field::Lang,
        "content" => Field::Content,
        _ => return None,
    })
}

impl Tables {
    /// The field `key` gives and its rank among the field's keys.
    fn entry(&self, key: &str, values: Vec<String>) -> Option<Entry> {
        let key = key.trim().to_ascii_lowercase();
        let at = self.keys.iter().position(|(k, _)| *k == key)?;
        let field = self.keys[at].1;
        let rank = self.keys[..at].iter().filter(|(_, f)| *f == field).count();
        Some(Entry { field, rank, values })
    }
}

/// The header `text` opens with, if it has one: the metadata it gives and
/// the byte offset where the page after it starts.
pub(super) fn read(text: &str) -> Option<(Metadata, usize)> {
    let (entries, end) = front_matter(text).or_else(|| key_lines(text))?;
    Some((metadata(&entries), end))
}

/// Each line of `text` without its line break, and the offset after it.
fn lines(text: &str) -> impl Iterator<Item = (&str, usize)> {
    text.split_inclusive('\n').scan(0, |end, line| {
        *end += line.len();
        Some((line.trim_end_matches(['\n', '\r']), *end))
    })
}

/// A YAML front-matter block: `---`, then `key: value` lines, list items
/// and indented lines, then `---` or `...`. Anything else inside means the
/// rule opened a page, not a header.
fn front_matter(text: &str) -> Option<(Vec<Entry>, usize)> {
    let tables = tables();
    let mut lines = lines(text).take(MAX_LINES);
    if lines.next()?.0.trim_end() != "---" {
        return None;
    }
    let mut entries: Vec<Entry> = Vec::new();
    // The known key whose value goes on in the lines below it: a list's
    // items, a folded text's lines.
    let mut open: Option<usize> = None;
    for (line, end) in lines {
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed == "..." {
            return (!entries.is_empty()).then_some((entries, end));
        }
        let inner = trimmed.trim_start();
        if inner.is_empty() || inner.starts_with('#') {
            continue;
        }
        if inner.len() < trimmed.len() || inner.starts_with('-') {
            // An item or a continued line belongs to the key above.
            let item = inner.strip_prefix('-').map_or(inner, str::trim_start);
            if let Some(entry) = open.map(|at| &mut entries[at]) {
                entry.values.extend(unquote(item).map(str::to_string));
            }
            continue;
        }
        let (key, value) = trimmed.split_once(':')?;
        if !is_key(key) {
            return None;
        }
        let value = value.trim();
        // `>` and `|` fold or keep the indented lines that follow.
        let folded = matches!(value.trim_end_matches(['-', '+']), ">" | "|");
        let values = if folded { Vec::new() } else { flow(value) };
        open = None;
        if let Some(entry) = tables.entry(key, values) {
            if value.is_empty() || folded {
                open = Some(entries.len());
            }
            entries.push(entry);
        }
    }
    None
}

/// A block of `Key: value` lines with known keys from the first line on,
/// blank lines between allowed: two of them at least, or one closed by a
/// content key ("Markdown Content:") with nothing after its colon.
fn key_lines(text: &str) -> Option<(Vec<Entry>, usize)> {
    let tables = tables();
    let mut entries: Vec<Entry> = Vec::new();
    let mut end = 0;
    for (line, after) in lines(text).take(MAX_LINES) {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let Some((key, value)) = line.split_once(':') else { break };
        let Some(entry) = tables.entry(key, vec![value.trim().to_string()]).filter(|_| key.len() <= MAX_KEY)
        else {
            break;
        };
        if entry.field == Field::Content {
            if !value.trim().is_empty() {
                break;
            }
            return (!entries.is_empty()).then_some((entries, after));
        }
        end = after;
        entries.push(entry);
    }
    (entries.len() >= 2).then_some((entries, end))
}

/// A YAML key: a word or a few, of letters, digits, `_`, `-` and `.`.
fn is_key(key: &str) -> bool {
    !key.is_empty()
        && key.len() <= MAX_KEY
        && key.chars().all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | ' '))
}

/// A YAML value: the items of a `[a, b]` list, or the value unquoted;
/// nothing for an empty one or `null`.
fn flow(value: &str) -> Vec<String> {
    match value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) {
        Some(items) => items.split(',').filter_map(unquote).map(str::to_string).collect(),
        None => unquote(value).map(str::to_string).into_iter().collect(),
    }
}

/// `value` without the quotes around it; `None` when it is empty or null.
fn unquote(value: &str) -> Option<&str> {
    let value = value.trim();
    let inner = ['"', '\'']
        .iter()
        .find_map(|&q| value.strip_prefix(q).and_then(|v| v.strip_suffix(q)))
        .unwrap_or(value)
        .trim();
    (!inner.is_empty() && !matches!(inner, "null" | "~")).then_some(inner)
}

/// The metadata the header's entries give: for each field, the first
/// value that reads as one, by the rank of its key.
fn metadata(entries: &[Entry]) -> Metadata {
    let tables = tables();
    let mut ranked: Vec<&Entry> = entries.iter().collect();
    ranked.sort_by_key(|e| e.rank);
    let text = |field: Field| {
        ranked.iter().filter(|e| e.field == field).map(|e| e.values.join(" ")).find(|v| !v.is_empty())
    };
    let date = |field: Field| {
        ranked
            .iter()
            .filter(|e| e.field == field)
            .find_map(|e| date::to_iso(&e.values.join(" "), &tables.dates))
    };
    let site = text(Field::Site);
    let url = ranked
        .iter()
        .filter(|e| e.field == Field::Url)
        .flat_map(|e| e.values.first())
        .find(|v| v.contains("://") && !v.contains(char::is_whitespace))
        .cloned();
    let mut authors: Vec<String> = Vec::new();
    for value in ranked.iter().filter(|e| e.field == Field::Author).take(1).flat_map(|e| &e.values) {
        for name in author::names(value, Source::Declared) {
            if !authors.contains(&name) {
                authors.push(name);
            }
        }
    }
    Metadata {
        title: text(Field::Title).map(|t| tables.separators.trim_site(&t, site.as_deref(), url.as_deref())),
        authors,
        published: date(Field::Published),
        modified: date(Field::Modified),
        lang: ranked
            .iter()
            .filter(|e| e.field == Field::Lang)
            .find_map(|e| tables.languages.normalize(&e.values.join(" "))),
        description: text(Field::Description),
        site_name: site,
        url,
    }
}

#[cfg(test)]
mod tests {
    use proptest::strategy::Strategy;

    use super::*;

    const STORY: &str = "Rivers across the north rose to record levels on Sunday, officials said.";

    #[test]
    fn front_matter_gives_the_metadata_and_the_page_starts_after_it() {
        let text = format!(
            "---\ntitle: 'Rivers rise | Example News'\nauthor: Jane Doe; John Roe\n\
             url: https://news.example.org/rivers\nsitename: Example News\ndate: 2024-03-10\n\
             description: >\n  Rivers rose\n  on Sunday.\ncategories: ['Weather']\ntags: []\n---\n{STORY}\n"
        );
        let (meta, end) = read(&text).expect("a header");
        assert_eq!(&text[end..], format!("{STORY}\n"));
        assert_eq!(meta.title.as_deref(), Some("Rivers rise"));
        assert_eq!(meta.authors, ["Jane Doe", "John Roe"]);
        assert_eq!(meta.published.as_deref(), Some("2024-03-10"));
        assert_eq!(meta.url.as_deref(), Some("https://news.example.org/rivers"));
        assert_eq!(meta.site_name.as_deref(), Some("Example News"));
        assert_eq!(meta.description.as_deref(), Some("Rivers rose on Sunday."));
    }

    #[test]
    fn a_list_of_authors_under_its_key_gives_every_name() {
        let text = "---\nauthors:\n  - Jane Doe\n  - \"John Roe\"\nlang: en-GB\n---\nText";
        let (meta, _) = read(text).expect("a header");
        assert_eq!(meta.authors, ["Jane Doe", "John Roe"]);
        assert_eq!(meta.lang.as_deref(), Some("en"));
    }

    #[test]
    fn key_value_lines_closed_by_a_content_key_are_a_header() {
        let text = format!(
            "Title: Rivers rise\n\nURL Source: https://news.example.org/rivers\n\n\
             Published Time: 2024-03-10T08:15:00Z\n\nMarkdown Content:\n{STORY}"
        );
        let (meta, end) = read(&text).expect("a header");
        assert_eq!(&text[end..], STORY);
        assert_eq!(meta.title.as_deref(), Some("Rivers rise"));
        assert_eq!(meta.url.as_deref(), Some("https://news.example.org/rivers"));
        assert_eq!(meta.published.as_deref(), Some("2024-03-10T08:15:00Z"));
    }

    #[test]
    fn a_story_that_opens_with_a_rule_or_a_labelled_line_has_no_header() {
        assert!(read(&format!("---\n{STORY}\n---\nMore text.")).is_none());
        assert!(read(&format!("Title: Rivers rise\n{STORY}")).is_none());
        assert!(read(&format!("Update: the river has fallen.\n{STORY}")).is_none());
        assert!(read(STORY).is_none());
    }

    #[test]
    fn values_that_are_not_what_their_key_says_are_left_out() {
        let text = "Title: Rivers rise\nSource: the regional council\nDate: last week\n\nText";
        let (meta, _) = read(text).expect("a header");
        assert_eq!(meta.url, None);
        assert_eq!(meta.published, None);
    }

    proptest::proptest! {
        #[test]
        fn any_mix_of_header_lines_ends_on_a_line_start(
            lines in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::sample::select(vec![
                        "---", "...", "title: 'A | B'", "date: 2024-03-10", "authors:", "  - Jane Doe", "- ",
                        "description: >", "  folded", "Title: X", "URL Source: https://a.example/b",
                        "Markdown Content:", "", "# note", "key: [a, 'b', ]", "url: \"",
                    ]).prop_map(str::to_string),
                    ".{0,30}",
                ],
                0..12,
            ),
            sep in proptest::sample::select(vec!["\n", "\r\n"]),
        ) {
            let text = lines.join(sep);
            if let Some((_, end)) = read(&text) {
                proptest::prop_assert!(end == text.len() || text[..end].ends_with('\n'));
            }
        }
    }
}
