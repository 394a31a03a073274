//! Page metadata: title, authors, dates, site, canonical URL, description and
//! language, from JSON-LD, `<meta>` tags, microdata and bylines, in that
//! order of trust. Nothing is guessed: a page that states no date gets none.

pub(crate) mod author;
pub(crate) mod date;
pub(crate) mod entities;
mod jsonld;
pub(crate) mod lang;
pub(crate) mod title;
pub(crate) mod visible;

use copydesk_core::Metadata;
use scraper::node::Element;

use crate::Tables;
use crate::html::page::{Idx, Page};
use crate::text_util::normalize;

/// The `<meta>` keys of `data/meta_keys.txt` for each field, best first.
struct MetaKeys {
    title: Vec<&'static str>,
    site: Vec<&'static str>,
    description: Vec<&'static str>,
    url: Vec<&'static str>,
    author: Vec<&'static str>,
    published: Vec<&'static str>,
    og_published: Vec<&'static str>,
    modified: Vec<&'static str>,
    lang: Vec<&'static str>,
}

fn meta_keys() -> &'static MetaKeys {
    static KEYS: std::sync::OnceLock<MetaKeys> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| {
        let rows: Vec<Vec<&'static str>> =
            crate::table::rows(include_str!("../../data/meta_keys.txt")).filter(|r| r.len() == 2).collect();
        let field = |name: &str| rows.iter().filter(|r| r[0] == name).map(|r| r[1]).collect();
        MetaKeys {
            title: field("title"),
            site: field("site"),
            description: field("description"),
            url: field("url"),
            author: field("author"),
            published: field("published"),
            og_published: field("og_published"),
            modified: field("modified"),
            lang: field("lang"),
        }
    })
}

/// The value of the `twitter:dataN` whose `twitter:labelN` says this names
/// the author.
const WRITTEN_BY: &str = "written by";

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

    /// The `twitter:dataN` values whose `twitter:labelN` is `label`
    /// (case-insensitive).
    fn labelled(&self, label: &'a str) -> impl Iterator<Item = &'a str> + '_ {
        self.pairs.iter().filter(move |(_, v)| v.eq_ignore_ascii_case(label)).filter_map(|(k, _)| {
            let n = k.strip_prefix("twitter:label")?;
            self.pairs.iter().find(|(key, _)| key.strip_prefix("twitter:data") == Some(n)).map(|(_, v)| *v)
        })
    }

    /// The first value, by key in `keys` order, that `read` accepts.
    fn first<T>(&self, keys: &[&str], read: impl Fn(&'a str) -> Option<T>) -> Option<T> {
        keys.iter().find_map(|k| self.pairs.iter().filter(|(key, _)| key == k).find_map(|(_, v)| read(v)))
    }

    /// Every value for the best key in `keys` that has any.
    fn all(&self, keys: &[&str]) -> Vec<&'a str> {
        keys.iter()
            .map(|k| self.pairs.iter().filter(|(key, _)| key == k).map(|(_, v)| *v).collect::<Vec<_>>())
            .find(|v| !v.is_empty())
            .unwrap_or_default()
    }
}

/// Reads the metadata the page states; `container` is the story's container
/// (the headline and the dateline are looked for around it). `lang` is left
/// for the caller to fill from the text when the page does not declare one.
pub(crate) fn read(page: &Page<'_>, container: Idx, tables: &Tables) -> Metadata {
    let s = &page.signals;
    let keys = meta_keys();
    let clean = |v: &str| Some(entities::unmangle(tables.entities.decode(v))).filter(|v| !v.is_empty());
    let metas = Metas::new(&s.metas);
    let ld = jsonld::read(&s.json_ld);
    let micro = Microdata::read(page);

    let url = canonical(&s.links)
        .or_else(|| metas.get(&keys.url).filter(|u| is_url(u)).map(str::to_string))
        .or_else(|| ld.url.clone().filter(|u| is_url(u)));
    let site_name = metas
        .get(&keys.site)
        .filter(|v| !v.starts_with('@'))
        .and_then(clean)
        .or_else(|| ld.publisher.as_deref().and_then(clean));
    let headline = headline(page, container);
    let raw: Vec<String> =
        [ld.headline.as_deref(), metas.get(&keys.title), micro.headline.as_deref(), s.title.as_deref()]
            .into_iter()
            .flatten()
            .filter_map(clean)
            .collect();
    let stated: Vec<String> = raw
        .iter()
        .map(|t| tables.separators.trim_site(t, site_name.as_deref(), url.as_deref()))
        .filter(|t| !t.is_empty())
        .collect();
    // The visible headline wins when it agrees with a title the page states
    // (it is what readers see, without the SEO rewording), trimmed or whole;
    // an <h1> that agrees with none is a section or widget heading.
    // Of several <h1>s, one that says a stated title word for word is the
    // story's; a headline that holds a stated title and more set off from
    // it (a date, a section label, a comment count inside the <h1>) gives
    // way to that title, while one whose words run on from the title is the
    // fuller headline.
    let same = |a: &str, b: &str| normalize(a) == normalize(b);
    let states_title =
        |i: Idx| clean(&page.first_line_of(i)).filter(|h| stated.iter().any(|t| same(h, t))).map(|h| (i, h));
    // With no <h1> near a stated title (the <h1> holds the site's name, or a
    // heading inside the story), an <h2> that says one is the headline.
    let near_title =
        |i: &Idx| clean(&page.first_line_of(*i)).is_some_and(|h| stated.iter().any(|t| agree(&h, t)));
    let exact = s.h1.iter().find_map(|&i| states_title(i)).or_else(|| {
        (!s.h1.iter().any(near_title)).then_some(())?;
        (0..page.items.len() as Idx)
            .filter(|&i| page.items[i as usize].el.is_some_and(|el| el.name() == "h2"))
            .find_map(states_title)
    });
    // The byline and dateline are read around that <h1>, else the story's.
    let headline = exact.as_ref().map(|(i, _)| *i).or(headline);
    let title = exact
        .map(|(_, h)| h)
        .or_else(|| {
            headline
                .and_then(|h| clean(&page.first_line_of(h)))
                .filter(|h| h.len() <= MAX_HEADLINE && stated.iter().chain(&raw).any(|t| agree(h, t)))
                .map(|h| stated.iter().find(|t| holds_set_off(&h, t, &tables.dates)).cloned().unwrap_or(h))
        })
        .or_else(|| stated.into_iter().next());

    let declared = |list: &[String]| {
        list.iter()
            .filter_map(|a| clean(a))
            .flat_map(|a| author::names(&a, author::Source::Declared))
            .collect::<Vec<_>>()
    };
    let shown = |text: &str| Some(author::names(text, author::Source::Shown)).filter(|n| !n.is_empty());
    let anchor = headline.unwrap_or(container);
    let publisher: Vec<String> =
        [site_name.as_deref(), ld.publisher.as_deref()].into_iter().flatten().map(normalize).collect();
    let is_publisher = |a: &String| publisher.contains(&normalize(a));
    let sources: [&dyn Fn() -> Vec<String>; 8] = [
        &|| declared(&ld.authors),
        &|| {
            let mut stated: Vec<String> = metas.all(&keys.author).into_iter().map(str::to_string).collect();
            stated.extend(metas.labelled(WRITTEN_BY).map(str::to_string));
            declared(&stated)
        },
        &|| declared(&micro.authors),
        &|| {
            nearest(&s.bylines, anchor)
                .find_map(|i| shown(&page.joined_text_of(i, " | ")))
                .unwrap_or_default()
        },
        &|| visible::byline_near(page, anchor, container).unwrap_or_default(),
        &|| nearest(&s.author_links, anchor).find_map(|i| shown(&page.text_of(i))).unwrap_or_default(),
        &|| visible::name_by_dateline(page, anchor, container, &tables.dates).unwrap_or_default(),
        &|| declared(&ld.organisations),
    ];
    // The first source that names someone wins; one that names only the
    // site itself (a CMS default) gives way to a later one that names
    // people, and is kept when none does.
    let mut authors = Vec::new();
    let mut site_only = Vec::new();
    for source in sources {
        let found = source();
        if found.is_empty() {
            continue;
        }
        if !found.iter().all(is_publisher)
            && (site_only.is_empty() || found.iter().all(|a| author::is_person(a)))
        {
            authors = found;
            break;
        }
        if site_only.is_empty() {
            site_only = found;
        }
    }
    if authors.is_empty() {
        authors = site_only;
    }
    // A name given twice, or again inside a link label ("More about Jane
    // Doe"), is one author.
    let mut seen: Vec<String> = Vec::new();
    authors.retain(|a| {
        let key = format!(" {} ", normalize(a));
        let fresh = !seen.iter().any(|s| key.contains(s.as_str()));
        seen.push(key);
        fresh
    });
    // Beside people, the site's own name is the publisher, not an author.
    if !authors.iter().all(is_publisher) {
        authors.retain(|a| !is_publisher(a));
    }

    let iso = |v: &str| date::to_iso(v, &tables.dates);
    let stated = ld
        .published
        .as_deref()
        .and_then(iso)
        .or_else(|| metas.first(&keys.published, iso))
        .or_else(|| micro.published.as_deref().and_then(iso));
    let modified = ld
        .modified
        .as_deref()
        .and_then(iso)
        .or_else(|| metas.first(&keys.modified, iso))
        .or_else(|| micro.modified.as_deref().and_then(iso));
    // The date shown by the headline is the one readers are given: it wins
    // over the markup's unless it is the markup's a day off (the same
    // instant in the site's time zone: the markup's timestamp is the
    // precise one) or with day and month read the other way, or its label
    // says it is an update's and the page states an Open Graph publication
    // time other than it.
    // Without one by the headline, a date the page labels as its
    // publication date anywhere ("Published August 13, 2025" under the
    // story) is the one shown.
    let mut shown = visible::date_near(page, headline.unwrap_or(container), container, &tables.dates)
        .or_else(|| {
            visible::labelled_publication(page, &tables.dates)
                .map(|date| visible::Shown { date, update: false })
        });
    // A shown date that is the markup's modified date and not its published
    // one is an update's, labelled or not ("entry-date updated").
    let day = |d: &Option<String>| d.as_deref().and_then(|d| d.get(..10)).map(str::to_string);
    if let Some(shown) = shown.as_mut()
        && day(&modified).as_ref() == Some(&shown.date)
        && day(&stated).as_ref() != Some(&shown.date)
    {
        shown.update = true;
    }
    // The date the URL files the page under is the site's own local date:
    // a shown date that agrees with it stays.
    let filed = url.as_deref().and_then(|u| date::in_url(u, &tables.dates));
    // A page that shows "Updated <date>" and states only a JSON-LD
    // datePublished is dated by the update; one with an Open Graph
    // publication time keeps its first date.
    let og_published = metas.first(&keys.og_published, iso);
    let published = match (stated, shown) {
        // An update shown by the headline gives way to a date the page
        // labels as the story's first publication ("Originally published
        // November 9, 2022").
        (_, Some(shown))
            if shown.update
                && let Some(first) = visible::original_publication(page, &tables.dates) =>
        {
            Some(first)
        }
        (Some(stated), Some(shown))
            if (shown.update
                && og_published.as_ref().is_some_and(|og| og.get(..10) != Some(&shown.date)))
                || stated.get(..10) == Some(shown.date.as_str())
                || stated.get(..10) == date::swapped(&shown.date).as_deref()
                || (date::same_instant_elsewhere(&stated, &shown.date)
                    && filed.as_ref() != Some(&shown.date)) =>
        {
            Some(stated)
        }
        // A numeric dateline that reads both ways ("03/10/2023") is the
        // reading the URL files the page under, or the one a <time> of the
        // page gives in ISO 8601 when none gives the first reading.
        (_, Some(shown))
            if let Some(other) = date::swapped(&shown.date)
                && (filed.as_ref() == Some(&other) || visible::times_say(page, &other, &shown.date)) =>
        {
            Some(other)
        }
        (stated, shown) => shown.map(|s| s.date).or(stated),
    };

    let lang = s
        .lang
        .and_then(|l| tables.languages.normalize(l))
        .or_else(|| metas.get(&keys.lang).and_then(|l| tables.languages.normalize(l)))
        .or_else(|| ld.lang.as_deref().and_then(|l| tables.languages.normalize(l)));

    Metadata {
        title,
        authors,
        published,
        modified,
        site_name,
        url,
        description: metas
            .get(&keys.description)
            .and_then(clean)
            .or_else(|| ld.description.as_deref().and_then(clean)),
        lang,
    }
}

/// Share of a headline's words that a stated title must hold, and of the
/// title's words that the headline must hold, for the two to agree.
const HEADLINE_SHARE: f32 = 0.5;
const TITLE_SHARE: f32 = 0.3;

/// True when most words of `headline` are words of `title`, and a fair part
/// of the title's words are the headline's.
fn agree(headline: &str, title: &str) -> bool {
    let (title, headline) = (normalize(title), normalize(headline));
    let title: Vec<&str> = title.split(' ').filter(|w| !w.is_empty()).collect();
    let words: Vec<&str> = headline.split(' ').filter(|w| !w.is_empty()).collect();
    let shared = words.iter().filter(|w| title.contains(w)).count() as f32;
    !words.is_empty()
        && shared >= HEADLINE_SHARE * words.len() as f32
        && shared >= TITLE_SHARE * title.len() as f32
}

/// A stated title found inside a longer headline replaces it only when it
/// has at least this many words.
const MIN_TITLE_WORDS: usize = 3;

/// Characters that set a label, a date or a count off a headline ("Blog:
/// Title", "Title | Opinion", "Title (example.com) 87").
const SET_OFF_BEFORE: &[char] = &['|', ':', '-', '–', '—', '•', '·'];
const SET_OFF_AFTER: &[char] = &['|', '-', '–', '—', '•', '·', '(', '['];

/// True when `headline` holds the whole of `title`, word for word, plus
/// words set off from it: a date, or a label or count after a separator.
/// Words that run on from the title (": Room-by-Room Breakdown", ", Reviewed
/// by a Student", a leading year) are the headline's own: the stated title
/// is the shortened one.
fn holds_set_off(headline: &str, title: &str, dates: &crate::text_util::DateWords) -> bool {
    let spans = word_spans(headline);
    let words: Vec<String> = spans.iter().map(|&(a, b)| headline[a..b].to_lowercase()).collect();
    let wanted: Vec<String> =
        normalize(title).split(' ').filter(|w| !w.is_empty()).map(str::to_string).collect();
    if wanted.len() < MIN_TITLE_WORDS || wanted.len() >= words.len() {
        return false;
    }
    let Some(at) = words.windows(wanted.len()).position(|w| w == wanted.as_slice()) else { return false };
    let before = headline[..spans[at].0].trim();
    let after = headline[spans[at + wanted.len() - 1].1..].trim();
    // Punctuation alone (the title's closing bracket) adds nothing.
    let nothing = |s: &str| !s.chars().any(char::is_alphanumeric);
    let is_date = |s: &str| date::find_in_text(s, dates).is_some();
    (nothing(before) || before.ends_with(SET_OFF_BEFORE) || is_date(before))
        && (nothing(after) || after.starts_with(SET_OFF_AFTER) || is_date(after))
}

/// Byte spans of the words of `text`, as [`normalize`] splits them.
fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = None;
    for (at, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(at),
            (false, Some(s)) => {
                spans.push((s, at));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        spans.push((s, text.len()));
    }
    spans
}

/// A headline longer than this (in bytes) is a paragraph in an `<h1>`.
const MAX_HEADLINE: usize = 300;

/// The story's `<h1>`: the first one inside the container, else the last one
/// before it, else the first on the page.
fn headline(page: &Page<'_>, container: Idx) -> Option<Idx> {
    let h1 = &page.signals.h1;
    let end = page.items.get(container as usize).map_or(container, |c| c.end);
    let has_text = |i: &Idx| page.items[*i as usize].chars > 0;
    h1.iter()
        .copied()
        .filter(has_text)
        .find(|&i| i >= container && i < end)
        .or_else(|| h1.iter().copied().filter(has_text).rfind(|&i| i < container))
        .or_else(|| h1.iter().copied().find(has_text))
}

/// `items` nearest first to `anchor` (the headline): the byline of the story
/// rather than one of a teaser or a comment. Items before the anchor count
/// as twice as far.
fn nearest(items: &[Idx], anchor: Idx) -> impl Iterator<Item = Idx> {
    let mut sorted = items.to_vec();
    sorted.sort_by_key(|&i| if i >= anchor { u64::from(i - anchor) } else { 2 * u64::from(anchor - i) });
    sorted.into_iter()
}

/// `<link rel="canonical" href>`.
fn canonical(links: &[&Element]) -> Option<String> {
    links
        .iter()
        .find(|l| l.attr("rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical")))
        .and_then(|l| l.attr("href"))
        .map(|h| h.trim().to_string())
        .filter(|h| is_url(h))
}

/// True for an absolute URL or a path: templates fill a URL's field with a
/// headline or leave it empty ("<link rel=canonical href=\"What are the
/// ...\">"), and a URL holds no spaces.
fn is_url(v: &str) -> bool {
    (v.contains("://") || v.starts_with('/')) && !v.bytes().any(|b| b.is_ascii_whitespace())
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
