//! Scorers for the clean stage, HTML mode, on three data sets, each with its
//! own metric:
//!
//! - `clean/aeb`: the Article Extraction Benchmark's evaluate script, token
//!   4-shingles (`\w+` tokens), per-page tp/fp/fn normalised to sum to one,
//!   precision and recall averaged over pages, F1 of the two means.
//! - `clean/trafilatura-eval`: trafilatura's comparison script, "with" and
//!   "without" snippets counted over all pages (whitespace collapsed on both
//!   sides before the substring test).
//! - `clean/wcxb-dev`: word-level (bag of lower-cased `\w+` words) precision,
//!   recall and F1 per page, averaged; the share of must-not-appear snippets
//!   that leak; exact match, after whitespace and case normalisation, of
//!   title, author (the joiners between names, `,` `;` `&` "and", read as
//!   one) and date (ISO date part) over pages that state one; dates given
//!   for pages that state none.
//!
//! Every page is read as bytes and decoded once with `copydesk_clean::decode`;
//! the same string goes to copydesk and to every peer. Peers' predictions come
//! from `xtask/peers/clean_peers.py`, cached under `target/eval/clean/`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use copydesk_clean::Cleaner;
use copydesk_core::Document;
use serde::{Deserialize, Serialize};

use super::util::{self, Prf};
use super::{Ctx, Row};

/// The Python peers and their requirements.
const PEER_PACKAGES: &[&str] =
    &["trafilatura==2.0.0", "readability-lxml==0.8.1", "justext==3.0.2", "lxml_html_clean"];
/// Peer names as the script reports them.
const PEERS: &[&str] = &["trafilatura", "trafilatura-precision", "readability-lxml", "justext"];

/// One page of a data set, decoded.
pub(super) struct Page {
    pub(super) id: String,
    pub(super) html: String,
}

/// What a tool extracted from a page.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub(super) struct Prediction {
    pub(super) text: String,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    authors: Vec<String>,
    #[serde(default)]
    date: Option<String>,
    /// The last-modified date, for reading the dumps (not scored).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    modified: Option<String>,
}

impl Prediction {
    /// A prediction of text alone (no metadata).
    pub(super) fn of_text(text: String) -> Prediction {
        Prediction { text, ..Prediction::default() }
    }

    /// A cleaned document's text and metadata.
    pub(super) fn of_document(doc: Document) -> Prediction {
        Prediction {
            text: doc.text,
            title: doc.meta.title,
            authors: doc.meta.authors,
            date: doc.meta.published,
            modified: doc.meta.modified,
        }
    }
}

/// Scores the clean stage.
pub fn run(ctx: &Ctx) -> Result<Vec<Row>> {
    let root = ctx.data.join("clean");
    let out = ctx.out.join("clean");
    std::fs::create_dir_all(&out)?;
    let cleaner = Cleaner::new();
    let mut rows = Vec::new();

    let (pages, gold) = load_aeb(&root.join("aeb"), ctx.limit)?;
    let tools = predict_all(ctx, &out, "aeb", &pages, &cleaner)?;
    for (tool, preds) in &tools {
        rows.extend(score_aeb("clean/aeb", tool, preds, &gold));
    }

    let (pages, gold) = load_trafilatura(&root.join("trafilatura-eval"), ctx.limit)?;
    let tools = predict_all(ctx, &out, "trafilatura-eval", &pages, &cleaner)?;
    for (tool, preds) in &tools {
        rows.extend(score_snippets("clean/trafilatura-eval", tool, preds, &gold));
    }

    let (pages, gold) = load_wcxb(&root.join("wcxb-dev-articles"), ctx.limit)?;
    let tools = predict_all(ctx, &out, "wcxb-dev", &pages, &cleaner)?;
    for (tool, preds) in &tools {
        rows.extend(score_wcxb(tool, preds, &gold));
    }
    Ok(rows)
}

/// Reads and decodes a page the one way every tool gets it.
fn read_page(path: &Path) -> Result<String> {
    let bytes = util::read_bytes(path)?;
    Ok(match copydesk_clean::decode(&bytes) {
        Ok(text) => text.into_owned(),
        Err(_) => String::from_utf8_lossy(&bytes).into_owned(),
    })
}

/// copydesk's predictions (timed), then each peer's when asked for.
fn predict_all(
    ctx: &Ctx,
    out: &Path,
    dataset: &str,
    pages: &[Page],
    cleaner: &Cleaner,
) -> Result<Vec<(String, HashMap<String, Prediction>)>> {
    let mut elapsed = Duration::ZERO;
    let mut preds = HashMap::new();
    let mut dump = String::new();
    for page in pages {
        let started = Instant::now();
        let doc = cleaner.clean_html(page.html.as_bytes());
        elapsed += started.elapsed();
        let pred = doc.map_or_else(|_| Prediction::default(), Prediction::of_document);
        dump.push_str(&serde_json::to_string(&serde_json::json!({"id": page.id, "prediction": pred}))?);
        dump.push('\n');
        preds.insert(page.id.clone(), pred);
    }
    std::fs::write(out.join(format!("copydesk-{dataset}.jsonl")), dump)?;
    let bytes: usize = pages.iter().map(|p| p.html.len()).sum();
    eprintln!(
        "clean/{dataset}: copydesk cleaned {} pages, {:.1} MB in {:.2}s ({:.1} MB/s, {:.0} pages/s)",
        pages.len(),
        bytes as f64 / 1e6,
        elapsed.as_secs_f64(),
        bytes as f64 / 1e6 / elapsed.as_secs_f64().max(1e-9),
        pages.len() as f64 / elapsed.as_secs_f64().max(1e-9)
    );
    let mut tools = vec![("copydesk".to_string(), preds)];
    if ctx.peers {
        for (tool, preds) in peer_predictions(out, dataset, pages)? {
            tools.push((tool, preds));
        }
    }
    Ok(tools)
}

/// Runs the peers' script over `pages` unless its cached output covers them.
pub(super) fn peer_predictions(
    out: &Path,
    dataset: &str,
    pages: &[Page],
) -> Result<Vec<(String, HashMap<String, Prediction>)>> {
    let cache = |tool: &str| out.join(format!("peer-{tool}-{dataset}.json"));
    let load = |tool: &str| -> Option<HashMap<String, Prediction>> {
        let text = std::fs::read_to_string(cache(tool)).ok()?;
        let preds: HashMap<String, Prediction> = serde_json::from_str(&text).ok()?;
        pages.iter().all(|p| preds.contains_key(&p.id)).then_some(preds)
    };
    let missing: Vec<&str> = PEERS.iter().copied().filter(|t| load(t).is_none()).collect();
    if !missing.is_empty() {
        let input = out.join(format!("pages-{dataset}.json"));
        let records: Vec<serde_json::Value> =
            pages.iter().map(|p| serde_json::json!({"id": p.id, "html": p.html})).collect();
        std::fs::write(&input, serde_json::to_string(&records)?)?;
        let py = crate::peers::python(PEER_PACKAGES)?;
        let prefix: PathBuf = out.join(format!("peer-{{tool}}-{dataset}.json"));
        crate::peers::run_script(
            &py,
            "clean_peers.py",
            &[input.as_os_str(), prefix.as_os_str(), missing.join(",").as_ref()],
        )?;
    }
    PEERS
        .iter()
        .map(|t| {
            load(t)
                .map(|p| (t.to_string(), p))
                .with_context(|| format!("peer {t} left no predictions for {dataset}"))
        })
        .collect()
}

// ---------------------------------------------------------------- loading

pub(super) fn load_aeb(dir: &Path, limit: Option<usize>) -> Result<(Vec<Page>, HashMap<String, String>)> {
    let truth = util::read_json(&dir.join("ground-truth.json"))?;
    let map = truth.as_object().context("AEB ground truth is not an object")?;
    let mut ids: Vec<&String> = map.keys().collect();
    ids.sort();
    ids.truncate(limit.unwrap_or(usize::MAX));
    let mut pages = Vec::new();
    let mut gold = HashMap::new();
    for id in ids {
        let body = map[id]["articleBody"].as_str().unwrap_or("").to_string();
        pages
            .push(Page { id: id.clone(), html: read_page(&dir.join("html").join(format!("{id}.html.gz")))? });
        gold.insert(id.clone(), body);
    }
    Ok((pages, gold))
}

/// Snippets that must and must not appear in a page's text.
#[derive(Serialize, Deserialize)]
pub(super) struct Snippets {
    with: Vec<String>,
    without: Vec<String>,
}

impl Snippets {
    /// Adds to `counts` (tp, fn, fp, tn) the snippets found in `text`, or
    /// not, whitespace runs collapsed on both sides.
    pub(super) fn count(&self, text: &str, counts: &mut (usize, usize, usize, usize)) {
        for (must, _, found) in self.found(text) {
            match (must, found) {
                (true, true) => counts.0 += 1,
                (true, false) => counts.1 += 1,
                (false, true) => counts.2 += 1,
                (false, false) => counts.3 += 1,
            }
        }
    }

    /// Each snippet, whether it must appear, and whether `text` holds it
    /// (whitespace runs collapsed on both sides).
    pub(super) fn found<'a>(&'a self, text: &str) -> impl Iterator<Item = (bool, &'a str, bool)> {
        let text = squeeze(text);
        let with = self.with.iter().map(|w| (true, w));
        let without = self.without.iter().map(|w| (false, w));
        with.chain(without).map(move |(must, w)| (must, w.as_str(), text.contains(&squeeze(w))))
    }
}

fn strings(v: &serde_json::Value) -> Vec<String> {
    v.as_array()
        .map(|a| a.iter().filter_map(|s| s.as_str().map(str::to_string)).collect())
        .unwrap_or_default()
}

pub(super) fn load_trafilatura(
    dir: &Path,
    limit: Option<usize>,
) -> Result<(Vec<Page>, HashMap<String, Snippets>)> {
    let data = util::read_json(&dir.join("evaldata.json"))?;
    let map = data.as_object().context("evaldata is not an object")?;
    let mut urls: Vec<&String> = map.keys().collect();
    urls.sort();
    urls.truncate(limit.unwrap_or(usize::MAX));
    let mut pages = Vec::new();
    let mut gold = HashMap::new();
    for url in urls {
        let entry = &map[url];
        let file = entry["file"].as_str().context("entry without file")?;
        let path = dir.join("pages").join(format!("{file}.gz"));
        pages.push(Page { id: url.clone(), html: read_page(&path)? });
        gold.insert(
            url.clone(),
            Snippets { with: strings(&entry["with"]), without: strings(&entry["without"]) },
        );
    }
    Ok((pages, gold))
}

/// A WCXB page's gold.
pub(super) struct Wcxb {
    pub(super) body: String,
    snippets: Snippets,
    title: Option<String>,
    author: Option<String>,
    date: Option<String>,
}

pub(super) fn load_wcxb(dir: &Path, limit: Option<usize>) -> Result<(Vec<Page>, HashMap<String, Wcxb>)> {
    let (ids, gold) = load_wcxb_gold(dir, limit)?;
    let pages = ids
        .into_iter()
        .map(|id| Ok(Page { html: read_page(&dir.join("html").join(format!("{id}.html.gz")))?, id }))
        .collect::<Result<_>>()?;
    Ok((pages, gold))
}

/// WCXB's gold alone, without reading the pages, and the pages' ids in the
/// order of the gold file.
pub(super) fn load_wcxb_gold(
    dir: &Path,
    limit: Option<usize>,
) -> Result<(Vec<String>, HashMap<String, Wcxb>)> {
    let rows = util::read_jsonl(&dir.join("ground-truth.jsonl.gz"))?;
    let mut ids = Vec::new();
    let mut gold = HashMap::new();
    for row in rows.iter().take(limit.unwrap_or(usize::MAX)) {
        let id = row["file_id"].as_str().context("row without file_id")?.to_string();
        let Some(body) = row["main_content"].as_str() else { continue };
        let opt = |k: &str| row[k].as_str().map(str::trim).filter(|s| !s.is_empty()).map(str::to_string);
        ids.push(id.clone());
        gold.insert(
            id,
            Wcxb {
                body: body.to_string(),
                snippets: Snippets { with: strings(&row["with"]), without: strings(&row["without"]) },
                title: opt("title"),
                author: opt("author"),
                date: opt("publish_date"),
            },
        );
    }
    Ok((ids, gold))
}

// ---------------------------------------------------------------- metrics

/// `\w+` tokens, as Python's `re` finds them.
fn tokens(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_')).filter(|t| !t.is_empty())
}

/// Token 4-shingles with their counts (a text shorter than four tokens is one
/// shorter shingle, as the benchmark's script does).
fn shingles(text: &str) -> HashMap<Vec<&str>, usize> {
    let toks: Vec<&str> = tokens(text).collect();
    let mut out = HashMap::new();
    let n = 4;
    for i in 0..toks.len().saturating_sub(n - 1).max(1) {
        let shingle = &toks[i.min(toks.len())..(i + n).min(toks.len())];
        if !shingle.is_empty() {
            *out.entry(shingle.to_vec()).or_insert(0) += 1;
        }
    }
    out
}

/// Multiset overlap: (tp, fp, fn).
fn overlap<K: std::hash::Hash + Eq>(gold: &HashMap<K, usize>, pred: &HashMap<K, usize>) -> (f64, f64, f64) {
    let mut tp = 0usize;
    for (k, &p) in pred {
        tp += p.min(gold.get(k).copied().unwrap_or(0));
    }
    let pred_total: usize = pred.values().sum();
    let gold_total: usize = gold.values().sum();
    (tp as f64, (pred_total - tp) as f64, (gold_total - tp) as f64)
}

/// AEB's overlap of one page: (tp, fp, fn) of token 4-shingles.
pub(super) fn shingle_overlap(truth: &str, pred: &str) -> (f64, f64, f64) {
    overlap(&shingles(truth), &shingles(pred))
}

pub(super) fn score_aeb(
    ds: &str,
    tool: &str,
    preds: &HashMap<String, Prediction>,
    gold: &HashMap<String, String>,
) -> Vec<Row> {
    let mut precisions = Vec::new();
    let mut recalls = Vec::new();
    let mut exact = 0;
    for (id, truth) in gold {
        let pred = preds.get(id).map_or("", |p| p.text.as_str());
        let (tp, fp, fn_) = shingle_overlap(truth, pred);
        let s = tp + fp + fn_;
        let (tp, fp, fn_) = if s > 0.0 { (tp / s, fp / s, fn_ / s) } else { (tp, fp, fn_) };
        // As the script: a page counts toward the mean precision when
        // something was predicted, toward the mean recall when there was
        // something to find.
        if tp + fp > 0.0 {
            precisions.push(tp / (tp + fp));
        }
        if tp + fn_ > 0.0 {
            recalls.push(tp / (tp + fn_));
        }
        exact += usize::from(tp > 0.0 && fp == 0.0 && fn_ == 0.0);
    }
    let p = mean(&precisions);
    let r = mean(&recalls);
    let n = gold.len();
    vec![
        Row::new(ds, "F1", tool, harmonic(p, r), n).note("token 4-shingles; F1 of mean P and mean R"),
        Row::new(ds, "precision", tool, p, n),
        Row::new(ds, "recall", tool, r, n),
        Row::new(ds, "accuracy", tool, util::ratio(exact, n), n).note("pages with F1 = 1"),
    ]
}

/// Whitespace runs collapsed to one space.
fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Snippet counts over all pages: (tp, fn, fp, tn).
fn snippet_counts<'a>(
    preds: &HashMap<String, Prediction>,
    gold: impl Iterator<Item = (&'a String, &'a Snippets)>,
) -> (usize, usize, usize, usize) {
    let mut counts = (0, 0, 0, 0);
    for (id, s) in gold {
        s.count(preds.get(id).map_or("", |p| p.text.as_str()), &mut counts);
    }
    counts
}

fn score_snippets(
    ds: &str,
    tool: &str,
    preds: &HashMap<String, Prediction>,
    gold: &HashMap<String, Snippets>,
) -> Vec<Row> {
    let (tp, fn_, fp, tn) = snippet_counts(preds, gold.iter());
    let n = gold.len();
    let prf = Prf { tp, fp, fn_ };
    vec![
        Row::new(ds, "F-score", tool, prf.f1(), n).note("2tp / (2tp + fp + fn) over snippets"),
        Row::new(ds, "precision", tool, prf.precision(), n),
        Row::new(ds, "recall", tool, prf.recall(), n),
        Row::new(ds, "accuracy", tool, util::ratio(tp + tn, tp + tn + fp + fn_), n),
    ]
}

/// Lower-cased `\w+` words with their counts.
fn words(text: &str) -> HashMap<String, usize> {
    let mut out = HashMap::new();
    for t in tokens(text) {
        *out.entry(t.to_lowercase()).or_insert(0) += 1;
    }
    out
}

/// Lower case, whitespace collapsed.
fn norm(text: &str) -> String {
    squeeze(&text.to_lowercase())
}

/// An author field as the list of its names, in order, each lower-cased
/// with its whitespace collapsed: the joiners between names (commas,
/// semicolons, ampersands, "and") are a matter of list format, so "A, B and
/// C" and "A; B & C" read the same, but "B, A" does not, nor "A, A".
fn author_list(text: &str) -> Vec<String> {
    let lower = text.to_lowercase().replace(" and ", ",").replace(['&', ';'], ",");
    lower.split(',').map(squeeze).filter(|s| !s.is_empty()).collect()
}

fn score_wcxb(tool: &str, preds: &HashMap<String, Prediction>, gold: &HashMap<String, Wcxb>) -> Vec<Row> {
    let ds = "clean/wcxb-dev";
    let mut rows = score_words(ds, tool, preds, gold);
    rows.extend(score_meta(ds, tool, preds, gold));
    rows
}

/// WCXB's figures of the metadata: exact title, author and date over the
/// pages that state one, and dates given for pages that state none.
pub(super) fn score_meta(
    ds: &str,
    tool: &str,
    preds: &HashMap<String, Prediction>,
    gold: &HashMap<String, Wcxb>,
) -> Vec<Row> {
    let (mut title_ok, mut title_n, mut author_ok, mut author_n, mut date_ok, mut date_n) =
        (0, 0, 0, 0, 0, 0);
    let (mut undated, mut invented) = (0, 0);
    let empty = Prediction::default();
    for (id, g) in gold {
        let pred = preds.get(id).unwrap_or(&empty);
        if let Some(t) = &g.title {
            title_n += 1;
            title_ok += usize::from(pred.title.as_deref().is_some_and(|pt| norm(pt) == norm(t)));
        }
        if let Some(a) = &g.author {
            author_n += 1;
            author_ok += usize::from(
                !pred.authors.is_empty() && author_list(&pred.authors.join(", ")) == author_list(a),
            );
        }
        let pred_date = pred.date.as_deref().map(|d| d.get(..10).unwrap_or(d));
        match &g.date {
            Some(d) => {
                date_n += 1;
                date_ok += usize::from(pred_date == Some(d.get(..10).unwrap_or(d)));
            }
            None => {
                undated += 1;
                invented += usize::from(pred_date.is_some());
            }
        }
    }
    vec![
        Row::new(ds, "title exact", tool, util::ratio(title_ok, title_n), title_n),
        Row::new(ds, "author exact", tool, util::ratio(author_ok, author_n), author_n)
            .note("names in order; joiners normalised"),
        Row::new(ds, "date exact", tool, util::ratio(date_ok, date_n), date_n).note("ISO date part"),
        Row::new(ds, "invented dates", tool, invented as f64, undated).note("dates given for undated pages"),
    ]
}

/// WCXB's overlap of one page: (tp, fp, fn) of lower-cased words.
pub(super) fn word_overlap(body: &str, text: &str) -> (f64, f64, f64) {
    overlap(&words(body), &words(text))
}

/// WCXB's figures of the text alone: bag-of-words precision, recall and F1
/// per page, averaged, and the share of must-not-appear snippets found.
pub(super) fn score_words(
    ds: &str,
    tool: &str,
    preds: &HashMap<String, Prediction>,
    gold: &HashMap<String, Wcxb>,
) -> Vec<Row> {
    let (mut ps, mut rs, mut fs) = (Vec::new(), Vec::new(), Vec::new());
    let empty = Prediction::default();
    for (id, g) in gold {
        let pred = preds.get(id).unwrap_or(&empty);
        let (tp, fp, fn_) = word_overlap(&g.body, &pred.text);
        let p = if tp + fp > 0.0 { tp / (tp + fp) } else { 0.0 };
        let r = if tp + fn_ > 0.0 { tp / (tp + fn_) } else { 0.0 };
        ps.push(p);
        rs.push(r);
        fs.push(harmonic(p, r));
    }
    let (_, _, leaked, kept_out) = snippet_counts(preds, gold.iter().map(|(id, g)| (id, &g.snippets)));
    let n = gold.len();
    vec![
        Row::new(ds, "word F1", tool, mean(&fs), n).note("bag of words, mean over pages"),
        Row::new(ds, "word precision", tool, mean(&ps), n),
        Row::new(ds, "word recall", tool, mean(&rs), n),
        Row::new(ds, "leak rate", tool, util::ratio(leaked, leaked + kept_out), leaked + kept_out)
            .note("must-not-appear snippets found"),
    ]
}

fn mean(xs: &[f64]) -> f64 {
    if xs.is_empty() { 0.0 } else { xs.iter().sum::<f64>() / xs.len() as f64 }
}

fn harmonic(p: f64, r: f64) -> f64 {
    if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_text_is_one_shingle() {
        assert_eq!(shingles("one two").len(), 1);
        assert_eq!(shingles("a b c d e").len(), 2);
        assert!(shingles("").is_empty());
    }

    #[test]
    fn author_lists_normalise_joiners_but_keep_order_and_repeats() {
        assert_eq!(author_list("Ann Lee, Bo  Chan, and Cy Diaz"), author_list("ann lee; Bo Chan & Cy Diaz"));
        assert_ne!(author_list("Ann Lee, Bo Chan"), author_list("Bo Chan, Ann Lee"));
        assert_ne!(author_list("Ann Lee"), author_list("Ann Lee, Ann Lee"));
    }
}
