//! Page metadata: title, authors, dates, site, canonical URL, description and
//! language, from JSON-LD, `<meta>` tags, microdata and bylines, in that
//! order of trust. Nothing is guessed: a page that states no date gets none.

mod author;
mod date;
mod jsonld;
pub(crate) mod lang;
pub(crate) mod title;

use copydesk_core::Metadata;
use scraper::node::Element;

use crate::Tables;
use crate::html::page::Page;

/// `<meta>` keys (lower case `property`, `name`, `itemprop` or `http-equiv`)
/// for each field, best first.
const TITLE_KEYS: &[&str] =
    &["og:title", "twitter:title", "title", "dc.title", "sailthru.title", "parsely-title"];
const SITE_KEYS: &[&str] = &["og:site_name", "application-name", "twitter:site", "publisher"];
const DESCRIPTION_KEYS: &[&str] = &["description", "og:description", "twitter:description", "dc.description"];
const URL_KEYS: &[&str] = &["og:url", "twitter:url"];
const AUTHOR_KEYS: &[&str] = &[
    "author",
    "article:author",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "byl",
    "citation_author",
    "twitter:creator",
];
const PUBLISHED_KEYS: &[&str] = &[
    "article:published_time",
    "datepublished",
    "og:published_time",
    "published_time",
    "article:published",
    "publishdate",
    "publish-date",
    "publish_date",
    "pubdate",
    "date",
    "dc.date.issued",
    "dc.date",
    "dcterms.date",
    "dcterms.created",
    "dc.date.created",
    "sailthru.date",
    "parsely-pub-date",
    "citation_publication_date",
    "citation_date",
    "article.published",
];
const MODIFIED_KEYS: &[&str] = &[
    "article:modified_time",
    "datemodified",
    "og:updated_time",
    "modified_time",
    "dcterms.modified",
    "last-modified",
];
const LANG_KEYS: &[&str] = &["content-language", "og:locale", "dc.language", "language"];

/// The `<meta>` tags of a page as (key, content) pairs.
struct Metas<'a> {
    pairs: Vec<(String, &'a str)>,
}

impl<'a> Metas<'a> {
    fn new(elements: &[&'a Element]) -> Metas<'a> {
        let mut pairs = Vec::new();
        for el in elements {
            let Some(content) = el.attr("content").map(str::trim).filter(|c| !c.is_empty()) else { continue };
            for key in ["property", "name", "itemprop", "http-equiv"] {
                if let Some(k) = el.attr(key) {
                    pairs.push((k.trim().to_ascii_lowercase(), content));
                }
            }
        }
        Metas { pairs }
    }

    /// The first value for the best key in `keys`.
    fn get(&self, keys: &[&str]) -> Option<&'a str> {
        keys.iter().find_map(|k| self.pairs.iter().find(|(key, _)| key == k).map(|(_, v)| *v))
    }

    /// Every value for the best key in `keys` that has any.
    fn all(&self, keys: &[&str]) -> Vec<&'a str> {
        keys.iter()
            .map(|k| self.pairs.iter().filter(|(key, _)| key == k).map(|(_, v)| *v).collect::<Vec<_>>())
            .find(|v| !v.is_empty())
            .unwrap_or_default()
    }
}

/// Reads the metadata the page states. `lang` is left for the caller to fill
/// from the text when the page does not declare one.
pub(crate) fn read(page: &Page<'_>, tables: &Tables) -> Metadata {
    let s = &page.signals;
    let metas = Metas::new(&s.metas);
    let ld = jsonld::read(&s.json_ld);
    let micro = Microdata::read(page);

    let url = canonical(&s.links).or_else(|| metas.get(URL_KEYS).map(str::to_string)).or(ld.url.clone());
    let site_name =
        metas.get(SITE_KEYS).filter(|v| !v.starts_with('@')).map(str::to_string).or(ld.publisher.clone());
    let h1 = s.h1.iter().map(|&i| page.text_of(i)).find(|t| !t.is_empty() && t.len() < 400);
    let title = choose_title(
        [ld.headline.as_deref(), metas.get(TITLE_KEYS), micro.headline.as_deref()],
        h1.as_deref(),
        s.title.as_deref(),
        |t| tables.separators.trim_site(t, site_name.as_deref(), url.as_deref()),
    );

    let mut authors = ld.authors.iter().flat_map(|a| author::names(a)).collect::<Vec<_>>();
    if authors.is_empty() {
        authors = metas.all(AUTHOR_KEYS).into_iter().flat_map(author::names).collect();
    }
    if authors.is_empty() {
        authors = micro.authors.iter().flat_map(|a| author::names(a)).collect();
    }
    if authors.is_empty() {
        authors = s
            .bylines
            .iter()
            .map(|&i| page.text_of(i))
            .find_map(|t| Some(author::names(&t)).filter(|n| !n.is_empty()))
            .unwrap_or_default();
    }
    if let Some(site) = &site_name {
        let site = crate::text_util::normalize(site);
        authors.retain(|a| crate::text_util::normalize(a) != site);
    }

    let iso = |v: &str| date::to_iso(v, &tables.dates);
    let published = ld
        .published
        .as_deref()
        .and_then(iso)
        .or_else(|| metas.get(PUBLISHED_KEYS).and_then(iso))
        .or_else(|| micro.published.as_deref().and_then(iso));
    let modified = ld
        .modified
        .as_deref()
        .and_then(iso)
        .or_else(|| metas.get(MODIFIED_KEYS).and_then(iso))
        .or_else(|| micro.modified.as_deref().and_then(iso));

    let lang = s
        .lang
        .and_then(|l| tables.languages.normalize(l))
        .or_else(|| metas.get(LANG_KEYS).and_then(|l| tables.languages.normalize(l)))
        .or_else(|| ld.lang.as_deref().and_then(|l| tables.languages.normalize(l)));

    Metadata {
        title,
        authors,
        published,
        modified,
        site_name,
        url,
        description: metas.get(DESCRIPTION_KEYS).map(str::to_string).or(ld.description),
        lang,
    }
}

/// The headline: a structured title, or the page's `<h1>` when it agrees with
/// one, or the `<title>`, each with the site's name trimmed off.
fn choose_title(
    structured: [Option<&str>; 3],
    h1: Option<&str>,
    title_tag: Option<&str>,
    trim: impl Fn(&str) -> String,
) -> Option<String> {
    let structured = structured.into_iter().flatten().map(&trim).find(|t| !t.is_empty());
    let tag = title_tag.map(&trim).filter(|t| !t.is_empty());
    structured.or(h1.map(str::to_string)).or(tag)
}

/// `<link rel="canonical" href>`.
fn canonical(links: &[&Element]) -> Option<String> {
    links
        .iter()
        .find(|l| l.attr("rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical")))
        .and_then(|l| l.attr("href"))
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty())
}

/// Fields marked up in the body with `itemprop`, `datetime` or `rel="author"`.
#[derive(Default)]
struct Microdata {
    headline: Option<String>,
    authors: Vec<String>,
    published: Option<String>,
    modified: Option<String>,
}

impl Microdata {
    fn read(page: &Page<'_>) -> Microdata {
        let mut out = Microdata::default();
        for &i in &page.signals.marked {
            let Some(el) = page.items[i as usize].el else { continue };
            let value = || {
                el.attr("content")
                    .or_else(|| el.attr("datetime"))
                    .map(str::to_string)
                    .unwrap_or_else(|| page.text_of(i))
            };
            match el.attr("itemprop").map(str::to_ascii_lowercase).as_deref() {
                Some("headline") if out.headline.is_none() => out.headline = Some(value()),
                Some("author" | "creator") => out.authors.push(value()),
                Some("datepublished" | "datecreated") if out.published.is_none() => {
                    out.published = Some(value())
                }
                Some("datemodified") if out.modified.is_none() => out.modified = Some(value()),
                _ if el.attr("rel").is_some_and(|r| r.split_whitespace().any(|r| r == "author")) => {
                    out.authors.push(page.text_of(i))
                }
                _ => {}
            }
        }
        out
    }
}
