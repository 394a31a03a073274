//! Headlines: the site's name trimmed off page titles ("Story | Site",
//! "Site - Story"), with the separators in `data/site_suffix_separators.txt`.

use crate::table;
use crate::text_util::normalize;

/// A side of a title no longer than this many words may be a site name even
/// when the page does not name its site.
const SITE_NAME_WORDS: usize = 4;

/// Title separators, in order of preference.
pub(crate) struct Separators {
    list: Vec<String>,
}

impl Separators {
    /// Loads the table.
    pub(crate) fn new() -> Separators {
        let list = table::entries(include_str!("../../data/site_suffix_separators.txt"))
            .map(|s| s.replace('_', " "))
            .collect();
        Separators { list }
    }

    /// `title` without the site's name, when a separator sets one off: the
    /// side that matches `site` (or the host's name in `url`), else a short
    /// trailing side when the rest is clearly longer and the page names no
    /// site, or the side is set off by a bar (a section: "| Opinion").
    pub(crate) fn trim_site(&self, title: &str, site: Option<&str>, url: Option<&str>) -> String {
        let title = title.trim();
        let site = site.map(normalize).filter(|s| !s.is_empty());
        let host = url.and_then(host_words);
        let is_site = |side: &str| {
            let side = normalize(side);
            let squeezed = side.replace(' ', "");
            site.as_ref().is_some_and(|s| {
                *s == side
                    || s.replace(' ', "") == squeezed
                    // The site's name cut short: "Thrive Marketing" of
                    // "Thrive Marketing Agency".
                    || (side.contains(' ') && s.strip_prefix(side.as_str()).is_some_and(|r| r.starts_with(' ')))
            })
                || host.as_ref().is_some_and(|h| {
                    !squeezed.is_empty() && (h.contains(&squeezed) || squeezed.contains(h.as_str()))
                })
        };
        for sep in &self.list {
            if let Some(at) = title.rfind(sep.as_str()) {
                let (head, tail) = (&title[..at], &title[at + sep.len()..]);
                if is_site(tail)
                    || ((site.is_none() || sep == " | ") && looks_like_suffix(head, tail))
                    || (looks_like_host(tail) && !head.trim().is_empty())
                {
                    return self.trim_site(head, site.as_deref(), url);
                }
            }
            if let Some(at) = title.find(sep.as_str()) {
                let (head, tail) = (&title[..at], &title[at + sep.len()..]);
                if is_site(head) {
                    return tail.trim().to_string();
                }
            }
        }
        title.to_string()
    }
}

/// A short tail after a longer head reads like a site name.
fn looks_like_suffix(head: &str, tail: &str) -> bool {
    let tail_words = tail.split_whitespace().count();
    let head_words = head.split_whitespace().count();
    tail_words > 0 && tail_words <= SITE_NAME_WORDS && head_words >= 2 * tail_words && head_words >= 3
}

/// A side that names a host ("Example.com", "News.example.co.uk"): a site
/// name, whatever its length beside the headline.
fn looks_like_host(side: &str) -> bool {
    let side = side.trim();
    !side.contains(' ')
        && side.rsplit_once('.').is_some_and(|(name, tld)| {
            !name.is_empty() && (2..=6).contains(&tld.len()) && tld.chars().all(|c| c.is_ascii_alphabetic())
        })
}

/// The host of a URL without `www.` and the top-level domain, squeezed:
/// `https://www.daily-example.co.uk/x` → `dailyexample`.
fn host_words(url: &str) -> Option<String> {
    let rest = url.split("://").nth(1)?;
    let host = rest.split(['/', '?', '#', ':']).next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    let name = host.split('.').next()?;
    let squeezed: String =
        name.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect();
    (squeezed.len() >= 3).then_some(squeezed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_site_suffix_is_trimmed() {
        let s = Separators::new();
        assert_eq!(
            s.trim_site("Council backs budget | The Daily Example", Some("The Daily Example"), None),
            "Council backs budget"
        );
    }

    #[test]
    fn site_prefix_matching_the_host_is_trimmed() {
        let s = Separators::new();
        assert_eq!(
            s.trim_site(
                "DailyExample - Council backs new budget",
                None,
                Some("https://www.dailyexample.com/a")
            ),
            "Council backs new budget"
        );
    }

    #[test]
    fn dash_inside_a_headline_is_kept() {
        let s = Separators::new();
        assert_eq!(
            s.trim_site("Fed holds rates - for now", Some("Example News"), None),
            "Fed holds rates - for now"
        );
    }

    #[test]
    fn section_after_a_bar_is_trimmed_with_the_site() {
        let s = Separators::new();
        assert_eq!(
            s.trim_site("How meditation rewires the brain | Opinion", Some("Daily Example"), None),
            "How meditation rewires the brain"
        );
        assert_eq!(
            s.trim_site("Fed holds rates - Markets", Some("Daily Example"), None),
            "Fed holds rates - Markets"
        );
    }

    #[test]
    fn site_name_cut_short_is_trimmed() {
        let s = Separators::new();
        assert_eq!(
            s.trim_site("Web design portfolio | Thrive Marketing", Some("Thrive Marketing Agency"), None),
            "Web design portfolio"
        );
    }

    #[test]
    fn host_name_suffix_is_trimmed_after_a_short_headline() {
        let s = Separators::new();
        assert_eq!(s.trim_site("Game changer | Example.com", None, None), "Game changer");
        assert_eq!(s.trim_site("Budget vote - news.example.co.uk", None, None), "Budget vote");
        assert_eq!(s.trim_site("Example.com", None, None), "Example.com");
    }

    #[test]
    fn unnamed_short_suffix_is_trimmed() {
        let s = Separators::new();
        assert_eq!(
            s.trim_site("What is cloud computing and why it matters | Google Cloud", None, None),
            "What is cloud computing and why it matters"
        );
    }
}
