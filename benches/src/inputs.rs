//! The documents every contender is timed on.
//!
//! Real pages come from `../shared/data` when it is there: HTML pages from
//! `clean/aeb` and `clean/wcxb-dev-articles` (gunzipped, the two alternated
//! so any prefix mixes both), news text from the same data sets' gold
//! article bodies, and the article texts of `quotes/polnear` for quotes.
//! Without it, the bundled `corpus/` stands in: its HTML pages, and its
//! scraped seed pages for every text set. Nothing from the data sets is
//! ever written into the repository; the sets live in memory.

use std::collections::HashSet;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use anyhow::{Context, Result};
use flate2::read::GzDecoder;
use serde::Serialize;

use crate::render;

/// One input document.
#[derive(Clone, Debug)]
pub struct Doc {
    /// Where it comes from (data set and file or record id).
    pub id: String,
    /// The bytes as fetched: what copydesk's byte-level entry points get,
    /// and what throughput is counted in.
    pub raw: Vec<u8>,
    /// The bytes decoded to text (see [`decode`]): what every contender
    /// that takes a string gets.
    pub text: String,
}

impl Doc {
    pub(crate) fn from_text(id: String, text: String) -> Doc {
        Doc { id, raw: text.clone().into_bytes(), text }
    }

    pub(crate) fn from_raw(id: String, raw: Vec<u8>) -> Doc {
        let text = decode(&raw);
        Doc { id, raw, text }
    }
}

/// A named list of documents.
#[derive(Clone, Debug)]
pub struct Set {
    /// The set's name: `html`, `scraped`, `news` or `quoted`.
    pub name: &'static str,
    /// Where the documents come from, for the table.
    pub source: String,
    /// The documents, in a fixed order.
    pub docs: Vec<Doc>,
}

impl Set {
    /// Bytes of input, as fetched.
    pub fn bytes(&self) -> u64 {
        self.docs.iter().map(|d| d.raw.len() as u64).sum()
    }

    /// The shortest prefix of the set holding at least `limit` bytes (the
    /// whole set when it is smaller): the input of contenders too slow to
    /// run on all of it.
    pub fn prefix(&self, limit: u64) -> Set {
        let mut total = 0;
        let n = self
            .docs
            .iter()
            .position(|d| {
                total += d.raw.len() as u64;
                total >= limit
            })
            .map_or(self.docs.len(), |i| i + 1);
        Set { name: self.name, source: self.source.clone(), docs: self.docs[..n].to_vec() }
    }
}

/// How much input to load.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Size {
    /// A few megabytes: criterion's benches and `cargo xtask bench --quick`.
    Small,
    /// Tens of megabytes of HTML and megabytes of text: `cargo xtask bench`.
    Large,
}

impl Size {
    /// Bytes of HTML pages to load.
    fn html_bytes(self) -> u64 {
        match self {
            Size::Small => 4 << 20,
            Size::Large => 32 << 20,
        }
    }

    /// Bytes of each text set to load.
    fn text_bytes(self) -> u64 {
        match self {
            Size::Small => 1 << 20,
            Size::Large => 4 << 20,
        }
    }

    /// The prefixes slow contenders run on, by name, with their byte limits.
    pub fn tiers(self) -> [(&'static str, u64); 2] {
        match self {
            Size::Small => [("medium", 256 << 10), ("small", 16 << 10)],
            Size::Large => [("medium", 1 << 20), ("small", 64 << 10)],
        }
    }
}

/// Every input set.
#[derive(Clone, Debug)]
pub struct Inputs {
    /// HTML pages as fetched: HTML cleaning and the whole pipeline.
    pub html: Set,
    /// Scraped text, one block a line, furniture included: text-mode
    /// cleaning.
    pub scraped: Set,
    /// Clean news text: sentence splitting and figure scanning.
    pub news: Set,
    /// News articles full of quotes: quote scanning.
    pub quoted: Set,
    /// The news text with every numeral dropped (see [`without_numerals`]):
    /// figure scanning must skip such prose at scanning speed.
    pub plain: Set,
}

impl Inputs {
    /// Loads the sets from `../shared/data` when it is there, else from the
    /// bundled corpus.
    pub fn load(size: Size) -> Result<Inputs> {
        let data = data_dir();
        if data.join("clean").is_dir() {
            Inputs::from_data(&data, size)
        } else {
            Inputs::from_corpus(&corpus_dir())
        }
    }

    /// Every set, in table order.
    pub fn sets(&self) -> [&Set; 5] {
        [&self.html, &self.scraped, &self.news, &self.quoted, &self.plain]
    }

    /// Writes every set into `dir` for the Python peers, as `<set>.jsonl`
    /// (one `{"id", "text"}` object a line, in order), with
    /// `manifest.json` giving each set's source and, for the whole set and
    /// each of `size`'s prefixes, its document and byte counts (`{"sets":
    /// {"html": {"source", "file", "tiers": {"all": {"docs", "bytes"},
    /// ...}}}}`). The HTML pages also go, as fetched, one file each, into
    /// the folder [`PAGES`] under `dir` (named as `"pages"` in the HTML
    /// set's entry): what the binary is run on end to end.
    pub fn write(&self, dir: &Path, size: Size) -> Result<()> {
        fs::create_dir_all(dir)?;
        write_pages(&self.html, &dir.join(PAGES))?;
        let mut sets = serde_json::Map::new();
        for set in self.sets() {
            let file = format!("{}.jsonl", set.name);
            let mut lines = String::new();
            for doc in &set.docs {
                lines.push_str(&serde_json::json!({"id": doc.id, "text": doc.text}).to_string());
                lines.push('\n');
            }
            fs::write(dir.join(&file), lines)?;
            let count = |s: &Set| serde_json::json!({"docs": s.docs.len(), "bytes": s.bytes()});
            let mut tiers = serde_json::Map::new();
            tiers.insert("all".into(), count(set));
            for (tier, limit) in size.tiers() {
                tiers.insert(tier.into(), count(&set.prefix(limit)));
            }
            let mut entry = serde_json::json!({"source": set.source, "file": file, "tiers": tiers});
            if set.name == self.html.name {
                entry["pages"] = PAGES.into();
            }
            sets.insert(set.name.into(), entry);
        }
        let manifest = serde_json::json!({"size": size, "sets": sets});
        fs::write(dir.join("manifest.json"), serde_json::to_string_pretty(&manifest)?)?;
        Ok(())
    }

    fn from_data(data: &Path, size: Size) -> Result<Inputs> {
        let aeb = data.join("clean/aeb");
        let wcxb = data.join("clean/wcxb-dev-articles");
        let pages = alternate(gz_pages(&aeb.join("html"), "aeb")?, gz_pages(&wcxb.join("html"), "wcxb")?);
        let html = capped("html", "aeb + wcxb-dev-articles pages", pages, size.html_bytes());
        let scraped = rendered(&html, "the same pages rendered to text, one block a line");
        let bodies = alternate(aeb_bodies(&aeb)?, wcxb_bodies(&wcxb)?);
        let news = capped("news", "aeb + wcxb-dev-articles gold bodies", bodies, size.text_bytes());
        let quoted = capped(
            "quoted",
            "polnear article texts",
            polnear(&data.join("quotes/polnear"))?,
            size.text_bytes(),
        );
        let plain = plain(&news);
        Ok(Inputs { html, scraped, news, quoted, plain })
    }

    fn from_corpus(corpus: &Path) -> Result<Inputs> {
        let mut pages = Vec::new();
        let mut seeds = Vec::new();
        for path in sorted_files(corpus)? {
            let name = file_name(&path);
            if name.ends_with(".html") {
                pages.push(Doc::from_raw(format!("corpus/{name}"), read(&path)?));
            } else if name.ends_with(".txt") {
                seeds.push(Doc::from_raw(format!("corpus/{name}"), read(&path)?));
            }
        }
        let html = Set { name: "html", source: "bundled corpus pages".into(), docs: pages };
        let mut scraped = rendered(&html, "bundled corpus: seed pages and rendered pages");
        scraped.docs.splice(0..0, seeds.iter().cloned());
        let seed_set = |name| Set { name, source: "bundled corpus seed pages".into(), docs: seeds.clone() };
        let news = seed_set("news");
        let plain = plain(&news);
        Ok(Inputs { html, scraped, news, quoted: seed_set("quoted"), plain })
    }
}

/// The folder, under the inputs folder, of the HTML pages as files.
pub const PAGES: &str = "pages";

/// Writes `set`'s documents into `dir` (emptied first) as fetched, one file
/// each, named by their place in the set.
fn write_pages(set: &Set, dir: &Path) -> Result<()> {
    if dir.exists() {
        fs::remove_dir_all(dir).with_context(|| format!("emptying {}", dir.display()))?;
    }
    fs::create_dir_all(dir)?;
    for (i, doc) in set.docs.iter().enumerate() {
        let path = dir.join(format!("{i:05}.html"));
        fs::write(&path, &doc.raw).with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(())
}

/// `../shared/data` beside the checkout, or `$COPYDESK_SHARED/data`.
pub fn data_dir() -> PathBuf {
    match std::env::var_os("COPYDESK_SHARED") {
        Some(dir) => PathBuf::from(dir).join("data"),
        None => workspace_root().join("../shared/data"),
    }
}

/// The bundled corpus.
pub fn corpus_dir() -> PathBuf {
    workspace_root().join("corpus")
}

fn workspace_root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map(PathBuf::from).unwrap_or(manifest)
}

/// Decodes a page as fetched: by its byte-order mark, as UTF-8 when it is
/// valid UTF-8, else by the encoding chardetng guesses. Every contender that
/// takes a string gets this same text.
pub fn decode(raw: &[u8]) -> String {
    if let Some((encoding, _)) = encoding_rs::Encoding::for_bom(raw) {
        return encoding.decode_with_bom_removal(raw).0.into_owned();
    }
    if let Ok(text) = std::str::from_utf8(raw) {
        return text.to_owned();
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(raw, true);
    let encoding = detector.guess(None, chardetng::Utf8Detection::Allow);
    encoding.decode_without_bom_handling(raw).0.into_owned()
}

/// Takes documents in order until `limit` bytes are reached.
fn capped(name: &'static str, source: &str, docs: Vec<Doc>, limit: u64) -> Set {
    Set { name, source: source.into(), docs }.prefix(limit)
}

fn rendered(html: &Set, source: &str) -> Set {
    let docs = html.docs.iter().map(|d| Doc::from_text(d.id.clone(), render::render(&d.text))).collect();
    Set { name: "scraped", source: source.into(), docs }
}

fn plain(news: &Set) -> Set {
    let docs = news.docs.iter().map(|d| Doc::from_text(d.id.clone(), without_numerals(&d.text))).collect();
    Set { name: "plain", source: format!("{} with every numeral dropped", news.source), docs }
}

/// `text` without its numerals: every word holding a numeric character and
/// every number word (`data/number-words.txt`) is dropped; lines are kept.
pub fn without_numerals(text: &str) -> String {
    static WORDS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    let words = WORDS.get_or_init(|| {
        let list = include_str!("../data/number-words.txt");
        list.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect()
    });
    let is_numeral = |word: &str| {
        let core = word.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
        word.chars().any(char::is_numeric) || core.split('-').any(|part| words.contains(part))
    };
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let kept: Vec<&str> = line.split_whitespace().filter(|w| !is_numeral(w)).collect();
        out.push_str(&kept.join(" "));
        if line.ends_with('\n') {
            out.push('\n');
        }
    }
    out
}

/// Interleaves two lists, so any prefix draws from both.
fn alternate(a: Vec<Doc>, b: Vec<Doc>) -> Vec<Doc> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut a, mut b) = (a.into_iter(), b.into_iter());
    loop {
        match (a.next(), b.next()) {
            (None, None) => return out,
            (x, y) => out.extend(x.into_iter().chain(y)),
        }
    }
}

fn gz_pages(dir: &Path, dataset: &str) -> Result<Vec<Doc>> {
    let mut docs = Vec::new();
    for path in sorted_files(dir)? {
        let name = file_name(&path);
        if let Some(id) = name.strip_suffix(".html.gz") {
            docs.push(Doc::from_raw(format!("{dataset}/{id}"), gunzip(&read(&path)?)?));
        }
    }
    Ok(docs)
}

fn aeb_bodies(dir: &Path) -> Result<Vec<Doc>> {
    let path = dir.join("ground-truth.json");
    let gold: serde_json::Map<String, serde_json::Value> = serde_json::from_slice(&read(&path)?)?;
    let mut docs: Vec<Doc> = gold
        .iter()
        .filter_map(|(id, v)| text_field(v, "articleBody").map(|t| Doc::from_text(format!("aeb/{id}"), t)))
        .collect();
    docs.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(docs)
}

fn wcxb_bodies(dir: &Path) -> Result<Vec<Doc>> {
    jsonl(&dir.join("ground-truth.jsonl.gz"), |v| {
        let id = v.get("file_id")?.as_str()?;
        Some(Doc::from_text(format!("wcxb/{id}"), text_field(&v, "main_content")?))
    })
}

fn polnear(dir: &Path) -> Result<Vec<Doc>> {
    let mut docs = Vec::new();
    for split in ["dev", "test", "train"] {
        docs.extend(jsonl(&dir.join(format!("{split}.jsonl")), |v| {
            let id = v.get("id")?.as_str()?;
            Some(Doc::from_text(format!("polnear/{id}"), text_field(&v, "text")?))
        })?);
    }
    Ok(docs)
}

/// A non-empty string field of a JSON object.
fn text_field(value: &serde_json::Value, field: &str) -> Option<String> {
    value.get(field)?.as_str().filter(|s| !s.trim().is_empty()).map(String::from)
}

/// The documents `doc` makes of the lines of a JSON Lines file (gzipped
/// when its name ends in `.gz`).
fn jsonl(path: &Path, doc: impl Fn(serde_json::Value) -> Option<Doc>) -> Result<Vec<Doc>> {
    let mut bytes = read(path)?;
    if path.extension().is_some_and(|e| e == "gz") {
        bytes = gunzip(&bytes)?;
    }
    let text = String::from_utf8(bytes).with_context(|| format!("{}: not UTF-8", path.display()))?;
    let mut docs = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let value =
            serde_json::from_str(line).with_context(|| format!("{}: bad JSON line", path.display()))?;
        docs.extend(doc(value));
    }
    Ok(docs)
}

fn sorted_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut paths: Vec<PathBuf> = fs::read_dir(dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .map(|e| e.map(|e| e.path()))
        .collect::<std::io::Result<_>>()?;
    paths.retain(|p| p.is_file());
    paths.sort();
    Ok(paths)
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

fn read(path: &Path) -> Result<Vec<u8>> {
    fs::read(path).with_context(|| format!("reading {}", path.display()))
}

fn gunzip(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    GzDecoder::new(bytes).read_to_end(&mut out)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(sizes: &[usize]) -> Set {
        let docs =
            sizes.iter().enumerate().map(|(i, &n)| Doc::from_text(i.to_string(), "x".repeat(n))).collect();
        Set { name: "news", source: String::new(), docs }
    }

    #[test]
    fn prefix_stops_at_the_document_that_reaches_the_limit() {
        assert_eq!(set(&[10, 10, 10]).prefix(15).docs.len(), 2);
        assert_eq!(set(&[10, 10, 10]).prefix(20).docs.len(), 2);
        assert_eq!(set(&[10, 10, 10]).prefix(1000).docs.len(), 3);
        assert_eq!(set(&[10, 10, 10]).prefix(0).docs.len(), 1);
    }

    #[test]
    fn alternate_interleaves_and_keeps_the_tail_of_the_longer_list() {
        let ids = |docs: Vec<Doc>| docs.into_iter().map(|d| d.id).collect::<Vec<_>>();
        let a = set(&[1, 1, 1]).docs;
        let b = set(&[2]).docs.into_iter().map(|d| Doc { id: format!("b{}", d.id), ..d }).collect();
        assert_eq!(ids(alternate(a, b)), ["0", "b0", "1", "2"]);
    }

    #[test]
    fn decode_reads_windows_1252_that_is_not_utf8() {
        assert_eq!(decode(b"caf\xe9 \x80 5"), "café € 5");
        assert_eq!(decode("naïve".as_bytes()), "naïve");
    }

    #[test]
    fn without_numerals_drops_digits_and_number_words_only() {
        let text = "The army got 22,174 Humvees, twenty-five jets and a dozen tanks.\nNo one ½ left\n";
        assert_eq!(without_numerals(text), "The army got Humvees, jets and a tanks.\nNo left\n");
    }

    #[test]
    fn bundled_corpus_fills_every_set() {
        let inputs = Inputs::from_corpus(&corpus_dir()).unwrap();
        for set in inputs.sets() {
            assert!(!set.docs.is_empty(), "{} is empty", set.name);
            assert!(set.docs.iter().all(|d| !d.text.trim().is_empty()), "{} has an empty document", set.name);
        }
    }
}
