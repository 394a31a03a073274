//! JSON-LD (`<script type="application/ld+json">`): the article object a page
//! describes itself with, read leniently.

use serde_json::Value;

/// Schema.org types that describe the story itself, best first.
const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "ReviewNewsArticle",
    "BackgroundNewsArticle",
    "LiveBlogPosting",
    "Article",
    "BlogPosting",
    "SocialMediaPosting",
    "TechArticle",
    "ScholarlyArticle",
    "Report",
    "Review",
    "Recipe",
    "HowTo",
    "DiscussionForumPosting",
];

/// Types of a page as a whole: second choice for dates and titles.
const PAGE_TYPES: &[&str] = &["WebPage", "ItemPage", "AboutPage", "FAQPage", "QAPage", "CollectionPage"];

/// How many objects to look at in all of a page's JSON-LD.
const MAX_OBJECTS: usize = 512;

/// The fields of a page's JSON-LD the metadata reader uses.
#[derive(Debug, Default)]
pub(crate) struct LinkedData {
    /// `headline` (or `name`) of the article object.
    pub headline: Option<String>,
    /// Names of the article's authors that are people.
    pub authors: Vec<String>,
    /// Names of the article's authors that are organisations.
    pub organisations: Vec<String>,
    /// `datePublished`, as written.
    pub published: Option<String>,
    /// `dateModified`, as written.
    pub modified: Option<String>,
    /// `publisher.name`.
    pub publisher: Option<String>,
    /// `url` or `mainEntityOfPage`.
    pub url: Option<String>,
    /// `description`.
    pub description: Option<String>,
    /// `inLanguage`.
    pub lang: Option<String>,
}

/// Reads the article object out of the page's JSON-LD scripts.
pub(crate) fn read(scripts: &[String]) -> LinkedData {
    let mut objects = Vec::new();
    for script in scripts {
        if let Some(value) = parse(script) {
            flatten(value, &mut objects);
        }
    }
    let article = best_of(&objects, ARTICLE_TYPES);
    let page = best_of(&objects, PAGE_TYPES);
    let mut out = LinkedData::default();
    for obj in [article, page].into_iter().flatten() {
        let fill = |slot: &mut Option<String>, v: Option<String>| {
            if slot.is_none() {
                *slot = v;
            }
        };
        fill(&mut out.headline, string(obj.get("headline")).or_else(|| string(obj.get("name"))));
        // A page object's dates are the story's only on a page without an
        // article object.
        if article.is_some_and(|a| std::ptr::eq(a, obj)) {
            fill(
                &mut out.published,
                string(obj.get("datePublished")).or_else(|| string(obj.get("dateCreated"))),
            );
            fill(&mut out.modified, string(obj.get("dateModified")));
        }
        fill(
            &mut out.publisher,
            obj.get("publisher").and_then(|p| string(p.get("name")).or_else(|| string(Some(p)))),
        );
        fill(&mut out.url, string(obj.get("url")).or_else(|| id_of(obj.get("mainEntityOfPage"))));
        fill(&mut out.description, string(obj.get("description")));
        fill(
            &mut out.lang,
            string(obj.get("inLanguage"))
                .or_else(|| obj.get("inLanguage").and_then(|l| string(l.get("name")))),
        );
        if out.authors.is_empty() && out.organisations.is_empty() {
            (out.authors, out.organisations) =
                people(obj.get("author").or_else(|| obj.get("creator")), &objects);
        }
        // A page object only fills in for a page that has no article object.
        if article.is_some() {
            break;
        }
    }
    out
}

/// Parses one script, tolerating HTML comment and CDATA wrappers, trailing
/// semicolons and raw control characters inside strings.
fn parse(script: &str) -> Option<Value> {
    let mut s = script.trim();
    for (open, close) in [("<!--", "-->"), ("<![CDATA[", "]]>"), ("//<![CDATA[", "//]]>")] {
        s = s.strip_prefix(open).unwrap_or(s).trim();
        s = s.strip_suffix(close).unwrap_or(s).trim();
    }
    let s = s.trim_end_matches(';');
    serde_json::from_str(s).ok().or_else(|| {
        let cleaned: String = s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
        serde_json::from_str(&cleaned).ok()
    })
}

/// Collects every object with a `@type`, looking into arrays, `@graph` and
/// the values of other objects (a `Blog`'s `blogPost`, a page's
/// `mainEntity`), outer objects first.
fn flatten(root: Value, out: &mut Vec<Value>) {
    let mut queue = std::collections::VecDeque::from([root]);
    while let Some(value) = queue.pop_front() {
        if out.len() >= MAX_OBJECTS {
            return;
        }
        match value {
            Value::Array(items) => queue.extend(items),
            Value::Object(mut map) => {
                if let Some(graph) = map.remove("@graph") {
                    queue.push_back(graph);
                }
                for (key, v) in &map {
                    if NESTED.contains(&key.as_str()) && (v.is_object() || v.is_array()) {
                        queue.push_back(v.clone());
                    }
                }
                if map.contains_key("@type") {
                    out.push(Value::Object(map));
                }
            }
            _ => {}
        }
    }
}

/// Properties whose values may hold the article object itself.
const NESTED: &[&str] = &["mainEntity", "blogPost"];

/// The first object whose type is the earliest in `types`.
fn best_of<'v>(objects: &'v [Value], types: &[&str]) -> Option<&'v Value> {
    types.iter().find_map(|t| objects.iter().find(|o| has_type(o, t)))
}

fn has_type(obj: &Value, wanted: &str) -> bool {
    match obj.get("@type") {
        Some(Value::String(t)) => type_name(t) == wanted,
        Some(Value::Array(ts)) => ts.iter().any(|t| t.as_str().is_some_and(|t| type_name(t) == wanted)),
        _ => false,
    }
}

/// `"schema:NewsArticle"` and `"http://schema.org/NewsArticle"` are `NewsArticle`.
fn type_name(t: &str) -> &str {
    t.rsplit(['/', ':']).next().unwrap_or(t)
}

/// A string field: the string itself, the first of a list, or `@value`.
fn string(v: Option<&Value>) -> Option<String> {
    let s = match v? {
        Value::String(s) => s.trim(),
        Value::Array(items) => return items.iter().find_map(|i| string(Some(i))),
        Value::Object(map) => return string(map.get("@value")),
        Value::Number(n) => return Some(n.to_string()),
        _ => return None,
    };
    (!s.is_empty()).then(|| s.to_string())
}

/// `mainEntityOfPage` as a URL string or as `{"@id": ...}`.
fn id_of(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::Object(map) => string(map.get("@id")).or_else(|| string(map.get("url"))),
        other => string(Some(other)),
    }
}

/// The names in an `author` field: people, then organisations (kept apart:
/// an organisation is the author only of a page that names no person). A
/// reference (`{"@id": ...}`) is looked up among `objects`.
fn people<'v>(v: Option<&'v Value>, objects: &'v [Value]) -> (Vec<String>, Vec<String>) {
    let mut out = Vec::new();
    let mut organisations = Vec::new();
    let mut stack: Vec<&Value> = v.into_iter().collect();
    while let Some(v) = stack.pop() {
        let v = match v.get("@id").and_then(Value::as_str) {
            Some(id) if v.get("name").is_none() => {
                match objects.iter().find(|o| o.get("@id").and_then(Value::as_str) == Some(id)) {
                    Some(found) => found,
                    None => continue,
                }
            }
            _ => v,
        };
        match v {
            Value::String(s) if !s.trim().is_empty() => out.push(s.trim().to_string()),
            Value::Array(items) => stack.extend(items.iter().rev()),
            Value::Object(map) if has_type(v, "Organization") || has_type(v, "NewsMediaOrganization") => {
                organisations.extend(string(map.get("name")))
            }
            Value::Object(map) => out.extend(string(map.get("name"))),
            _ => {}
        }
    }
    (out, organisations)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn news_article_in_a_graph_is_found() {
        let script = r#"{"@context":"https://schema.org","@graph":[
            {"@type":"WebSite","name":"The Daily Example"},
            {"@type":"NewsArticle","headline":"Council backs budget","datePublished":"2024-03-05T10:00:00Z",
             "author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Organization","name":"Example Wire"}],
             "publisher":{"@type":"Organization","name":"The Daily Example"}}]}"#;
        let ld = read(&[script.to_string()]);
        assert_eq!(ld.headline.as_deref(), Some("Council backs budget"));
        assert_eq!(ld.authors, vec!["Jane Doe"]);
        assert_eq!(ld.organisations, vec!["Example Wire"]);
        assert_eq!(ld.published.as_deref(), Some("2024-03-05T10:00:00Z"));
        assert_eq!(ld.publisher.as_deref(), Some("The Daily Example"));
    }

    #[test]
    fn author_reference_is_resolved_in_the_graph() {
        let script = r##"{"@graph":[{"@type":"Article","headline":"H","author":{"@id":"#p1"}},
            {"@type":"Person","@id":"#p1","name":"Jane Doe"}]}"##;
        assert_eq!(read(&[script.to_string()]).authors, vec!["Jane Doe"]);
    }

    #[test]
    fn raw_newline_inside_a_string_is_tolerated() {
        let script = "<!--\n{\"@type\":\"Article\",\"headline\":\"Two\nlines\"};\n-->";
        assert_eq!(read(&[script.to_string()]).headline.as_deref(), Some("Two lines"));
    }

    #[test]
    fn broken_json_yields_nothing() {
        assert!(read(&["{\"@type\":".to_string()]).headline.is_none());
    }
}
