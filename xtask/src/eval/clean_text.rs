//! Text mode of the clean stage, scored on the HTML data sets rendered to
//! plain text.
//!
//! Each page of `clean/aeb` and `clean/wcxb-dev-articles` is rendered with
//! every block-level element on its own line (script, style and the like
//! dropped), which is what scraped text looks like. Each line is labelled
//! story or furniture by the gold body (rule in [`Gold::label`]), the
//! cleaner's output is mapped back to the lines it kept (rule in
//! [`kept_lines`]), and line-level precision, recall and F1 of keeping
//! story lines are pooled over all pages (and, as a second figure,
//! averaged over pages). Lines without a letter or digit are not scored,
//! nor are pages without a gold body. Beside them, a `span oracle` row
//! gives the line F1 of the best single run of lines per page, picked with
//! the gold ([`span_oracle`]): the ceiling of any cleaner that keeps the
//! story as one run, as text mode does (it drops only the furniture lines
//! it recognises inside the run). Each page's shortfall against that run
//! goes to `<set>.oracle.pages.tsv`, most first. A `copydesk html mode`
//! row (and with `--peers` one per HTML peer) scores what a cleaner that
//! sees the markup keeps, in the same measure ([`html_mode_rows`]).
//!
//! `clean/trafilatura-eval` (990 pages in many languages, none of them
//! read while the text-mode rules were written) is rendered the same way,
//! after decoding by the page's charset, and scored by its snippets: those
//! that must appear in the cleaned text and those that must not, counted
//! as the HTML stage counts them. Keeping the whole rendered text is scored
//! beside it, as the floor any cleaner must beat on precision.
//!
//! Scraped text also comes in other shapes, scored on the same two sets:
//!
//! - `clean_text/<set> wrapped-78`: the rendered pages hard-wrapped at 78
//!   columns ([`wrap`], as lynx, `fmt` or html2text wrap), cleaned, and
//!   scored by line against the labels of the unwrapped lines: each
//!   paragraph is to come back whole on one line, so one left in pieces
//!   scores as dropped.
//! - `clean_text/<set> converted`: each page's HTML, decoded as the HTML
//!   stage decodes it, converted as scraping pipelines convert pages (the
//!   converters in [`CONVERSIONS`]: html2text's markdown with one paragraph
//!   a line and hard-wrapped at 78 columns, markdownify's), then cleaned.
//!   Lines no longer map to the rendering, so these rows are scored per
//!   page against the gold body with the HTML stage's metric for the set
//!   (AEB token 4-shingles, WCXB bag of words), beside text mode on the
//!   plain rendering (the reference a format should come near) and
//!   html2text's whole output (the floor); each page's F1 per tool goes to
//!   `<set>.converted.pages.tsv`. The conversions run once, in the peers'
//!   venv, about 3.5 minutes for both sets; they are cached under
//!   `target/eval/clean_text` by the pages, the converter and the script,
//!   so these rows come with every run. Without Python they are left out,
//!   and the eval says why.
//!
//! The snippet set is scored on the plain rendering only.
//!
//! With `--peers`, jusText and trafilatura run on the same rendered text,
//! wrapped in minimal HTML with one `<p>` per line, and their output is
//! mapped back and scored by the same code.

use std::collections::{HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::Path;

use anyhow::{Context, Result};

use super::clean::{self, Prediction, Snippets};
use super::util::{self, Prf};
use super::{Ctx, Row};

/// The renderer, shared with the benchmarks' scraped inputs.
#[path = "../../../benches/src/render.rs"]
mod render;
use render::render;

/// The peers run on the rendered text, and the pip requirements they need.
const PEERS: &[(&str, &[&str])] =
    &[("justext", &["justext==3.0.2", "lxml_html_clean"]), ("trafilatura", &["trafilatura==2.0.0"])];

/// html2text and markdownify, pinned: scraping pipelines turn pages into
/// text (markdown) with them.
const HTML2TEXT: &str = "html2text==2025.4.15";
const MARKDOWNIFY: &str = "markdownify==1.2.3";

/// The script that converts the pages; its text is part of the cache key.
const CONVERT_SCRIPT: &str = include_str!("../../peers/convert_pages.py");

/// A way scraped text is made from a page, that text mode is scored on.
struct Conversion {
    /// Its name in the table.
    label: &'static str,
    /// The converter, pinned.
    requirement: &'static str,
    /// The script's name for the converter and its settings.
    converter: &'static str,
    /// The settings, for the table's note.
    settings: &'static str,
}

/// The conversions scored: html2text's markdown with one paragraph a line,
/// and hard-wrapped at 78 columns (its default); markdownify's, which puts
/// setext headings, nested lists and a layout table's cells on one line.
/// The first one's whole output is the floor.
const CONVERSIONS: &[Conversion] = &[
    Conversion {
        label: "html2text",
        requirement: HTML2TEXT,
        converter: "html2text-0",
        settings: "body_width=0, its defaults otherwise",
    },
    Conversion {
        label: "html2text, wrapped 78",
        requirement: HTML2TEXT,
        converter: "html2text-78",
        settings: "body_width=78, its defaults otherwise",
    },
    Conversion {
        label: "markdownify",
        requirement: MARKDOWNIFY,
        converter: "markdownify",
        settings: "its defaults",
    },
];

/// Bump when [`render`] changes, to invalidate the rendered pages cached
/// under `target/eval/clean_text`.
const RENDER_VERSION: u32 = 1;

/// One rendered page.
#[derive(serde::Serialize, serde::Deserialize)]
struct Page {
    id: String,
    text: String,
    gold: String,
}

/// One rendered page scored by snippets.
#[derive(serde::Serialize, serde::Deserialize)]
struct SnippetPage {
    id: String,
    text: String,
    snippets: Snippets,
}

/// Scores text mode on both data sets.
pub fn run(ctx: &Ctx) -> Result<Vec<Row>> {
    let cleaner = copydesk_clean::TextCleaner::new();
    let mut rows = Vec::new();
    for (name, load) in [("aeb", aeb as Loader), ("wcxb-dev-articles", wcxb)] {
        // A page without a gold body (two in WCXB) cannot be labelled.
        let pages: Vec<Page> =
            rendered(ctx, name, load)?.into_iter().filter(|p| !p.gold.trim().is_empty()).collect();
        let dataset = format!("clean_text/{name}");
        let started = std::time::Instant::now();
        let outputs: Vec<String> = pages.iter().map(|p| cleaner.clean(&p.text).text).collect();
        let secs = started.elapsed().as_secs_f64();
        let mb = pages.iter().map(|p| p.text.len()).sum::<usize>() as f64 / 1e6;
        let note = format!("{mb:.1} MB of rendered text, cleaned at {:.0} MB/s", mb / secs);
        rows.extend(score_rows(&dataset, "copydesk", &pages, &outputs, &note));
        dump(&ctx.out.join("clean_text").join(format!("{name}.copydesk.lines.txt")), &pages, &outputs)?;
        let shortfalls = ctx.out.join("clean_text").join(format!("{name}.oracle.pages.tsv"));
        rows.push(span_oracle(&dataset, &pages, &outputs, &shortfalls)?);
        rows.extend(wrapped_rows(ctx, name, &cleaner, &pages)?);
        rows.extend(html_mode_rows(ctx, name, &pages)?);
        if ctx.peers {
            let inputs: Vec<(&str, &str)> = pages.iter().map(|p| (p.id.as_str(), p.text.as_str())).collect();
            for (tool, requirements) in PEERS {
                let outputs = peer_outputs(ctx, name, tool, requirements, &inputs)?;
                rows.extend(score_rows(
                    &dataset,
                    tool,
                    &pages,
                    &outputs,
                    "on the rendered text, one <p> per line",
                ));
            }
        }
    }
    rows.extend(meta_rows(ctx, &cleaner)?);
    rows.extend(converted_rows(ctx, &cleaner)?);
    rows.extend(snippet_set(ctx, &cleaner)?);
    Ok(rows)
}

/// Scores text mode's metadata (title, authors, published date) on WCXB's
/// rendered pages with the HTML stage's exact-match scorers, over the same
/// pages; each page's metadata goes to
/// `wcxb-dev-articles.copydesk.meta.jsonl`, for reading the errors.
fn meta_rows(ctx: &Ctx, cleaner: &copydesk_clean::TextCleaner) -> Result<Vec<Row>> {
    const NAME: &str = "wcxb-dev-articles";
    let (_, gold) = clean::load_wcxb_gold(&ctx.data.join("clean").join(NAME), ctx.limit)?;
    let mut preds = HashMap::new();
    let mut dump = String::new();
    for page in rendered(ctx, NAME, wcxb)? {
        let pred = Prediction::of_document(cleaner.clean(&page.text));
        let mut meta = pred.clone();
        meta.text.clear();
        dump.push_str(&serde_json::json!({"id": page.id, "prediction": meta}).to_string());
        dump.push('\n');
        preds.insert(page.id, pred);
    }
    std::fs::write(ctx.out.join("clean_text").join(format!("{NAME}.copydesk.meta.jsonl")), dump)?;
    let mut rows = clean::score_meta(&format!("clean_text/{NAME}"), "copydesk", &preds, &gold);
    if let Some(first) = rows.first_mut() {
        first.note = "the HTML stage's scorers, on the rendered text".to_string();
    }
    Ok(rows)
}

/// Scores text mode on the pages as the [`CONVERSIONS`] write them, with
/// the HTML stage's metric for each set, beside text mode on the plain
/// rendering (the reference every format should come near) and the first
/// conversion's whole output (the floor).
fn converted_rows(ctx: &Ctx, cleaner: &copydesk_clean::TextCleaner) -> Result<Vec<Row>> {
    let root = ctx.data.join("clean");
    let (pages, gold) = clean::load_aeb(&root.join("aeb"), ctx.limit)?;
    let ds = "clean_text/aeb converted";
    let mut rows = format_rows(
        ctx,
        cleaner,
        ("aeb", aeb),
        &pages,
        |tool, preds| clean::score_aeb(ds, tool, preds, &gold),
        |id, text| clean::shingle_overlap(gold.get(id).map_or("", String::as_str), text),
    )?;
    let (pages, gold) = clean::load_wcxb(&root.join("wcxb-dev-articles"), ctx.limit)?;
    let ds = "clean_text/wcxb-dev-articles converted";
    rows.extend(format_rows(
        ctx,
        cleaner,
        ("wcxb-dev-articles", wcxb),
        &pages,
        |tool, preds| clean::score_words(ds, tool, preds, &gold),
        |id, text| clean::word_overlap(gold.get(id).map_or("", |g| g.body.as_str()), text),
    )?);
    Ok(rows)
}

/// The rows of one data set: `score` gives a tool's rows from its text per
/// page, `overlap` one page's (tp, fp, fn) by the same metric, for the
/// per-page dump. Without Python or a converter there are none, and the
/// eval says why (the other rows do not need them).
fn format_rows(
    ctx: &Ctx,
    cleaner: &copydesk_clean::TextCleaner,
    (name, load): (&str, Loader),
    pages: &[clean::Page],
    score: impl Fn(&str, &HashMap<String, Prediction>) -> Vec<Row>,
    overlap: impl Fn(&str, &str) -> (f64, f64, f64),
) -> Result<Vec<Row>> {
    let converted: Result<Vec<_>> = CONVERSIONS.iter().map(|c| convert(ctx, name, c, pages)).collect();
    let converted = match converted {
        Ok(converted) => converted,
        Err(e) => {
            eprintln!(
                "eval clean_text: no converted rows for {name} (they need Python 3, {HTML2TEXT} and \
                 {MARKDOWNIFY}): {e:#}"
            );
            return Ok(Vec::new());
        }
    };
    let clean_each = |texts: &HashMap<String, String>| -> HashMap<String, Prediction> {
        texts.iter().map(|(id, text)| (id.clone(), Prediction::of_text(cleaner.clean(text).text))).collect()
    };
    let note = |c: &Conversion, failed: usize| {
        let mut note = format!("{}, {}", c.requirement, c.settings);
        if failed > 0 {
            note.push_str(&format!("; {failed} pages it failed on scored as empty"));
        }
        note
    };
    let rendered: HashMap<String, String> =
        rendered(ctx, name, load)?.into_iter().map(|p| (p.id, p.text)).collect();
    let plain: HashMap<String, String> = pages
        .iter()
        .map(|p| {
            let text = rendered.get(&p.id).with_context(|| format!("{name}: {} not rendered", p.id))?;
            Ok((p.id.clone(), text.clone()))
        })
        .collect::<Result<_>>()?;
    // Each tool, the note on its first row, and its text per page.
    let mut tools = vec![(
        "copydesk (plain rendered)".to_string(),
        "on our rendering, one block a line".to_string(),
        clean_each(&plain),
    )];
    for (c, (texts, failed)) in CONVERSIONS.iter().zip(&converted) {
        tools.push((format!("copydesk ({})", c.label), note(c, *failed), clean_each(texts)));
    }
    // Every word of the page: the floor.
    let (c, (texts, failed)) = CONVERSIONS.iter().zip(&converted).next().context("no conversion")?;
    let whole = texts.iter().map(|(id, text)| (id.clone(), Prediction::of_text(text.clone()))).collect();
    tools.push((format!("whole text ({})", c.label), note(c, *failed), whole));
    dump_pages(
        &ctx.out.join("clean_text").join(format!("{name}.converted.pages.tsv")),
        pages,
        &tools,
        overlap,
    )?;
    let mut rows = Vec::new();
    for (tool, note, preds) in &tools {
        let mut these = score(tool, preds);
        if let Some(first) = these.first_mut() {
            first.note = format!("{}; {note}", first.note);
        }
        rows.extend(these);
    }
    Ok(rows)
}

/// Writes each page's F1 per tool (2tp / (2tp + fp + fn) of the set's
/// metric), pages sorted by what the second tool (copydesk on the first
/// conversion) loses against the first (on the plain rendering), most
/// first, for reading the errors.
fn dump_pages(
    path: &Path,
    pages: &[clean::Page],
    tools: &[(String, String, HashMap<String, Prediction>)],
    overlap: impl Fn(&str, &str) -> (f64, f64, f64),
) -> Result<()> {
    let f1 = |(tp, fp, fn_): (f64, f64, f64)| if tp > 0.0 { 2.0 * tp / (2.0 * tp + fp + fn_) } else { 0.0 };
    let mut table: Vec<(&str, Vec<f64>)> = pages
        .iter()
        .map(|p| {
            let f1s = tools.iter().map(|(_, _, preds)| {
                f1(overlap(&p.id, preds.get(&p.id).map_or("", |pred| pred.text.as_str())))
            });
            (p.id.as_str(), f1s.collect())
        })
        .collect();
    table.sort_by(|a, b| (b.1[0] - b.1[1]).total_cmp(&(a.1[0] - a.1[1])).then(a.0.cmp(b.0)));
    let mut out =
        format!("id\t{}\n", tools.iter().map(|(tool, _, _)| tool.as_str()).collect::<Vec<_>>().join("\t"));
    for (id, f1s) in table {
        let f1s: Vec<String> = f1s.iter().map(|f| format!("{f:.4}")).collect();
        out.push_str(&format!("{id}\t{}\n", f1s.join("\t")));
    }
    std::fs::write(path, out).with_context(|| format!("writing {}", path.display()))
}

/// The text of each page as `conversion` makes it, and how many pages the
/// converter failed on (given as empty text), from the cache when the same
/// pages were converted the same way before: a conversion takes up to a
/// minute a data set (pure Python), the rest of the stage seconds.
fn convert(
    ctx: &Ctx,
    name: &str,
    conversion: &Conversion,
    pages: &[clean::Page],
) -> Result<(HashMap<String, String>, usize)> {
    let dir = ctx.out.join("clean_text");
    std::fs::create_dir_all(&dir)?;
    let mut h = DefaultHasher::new();
    (conversion.requirement, conversion.converter, CONVERT_SCRIPT).hash(&mut h);
    for p in pages {
        (&p.id, &p.html).hash(&mut h);
    }
    let out = dir.join(format!("{name}.{}.{:016x}.json", conversion.converter, h.finish()));
    let inputs = || pages.iter().map(|p| serde_json::json!({"id": p.id, "html": p.html})).collect();
    run_cached(&out, &[conversion.requirement], "convert_pages.py", conversion.converter.as_ref(), inputs)?;
    let texts: HashMap<String, Option<String>> = serde_json::from_str(&std::fs::read_to_string(&out)?)
        .with_context(|| format!("reading {}", out.display()))?;
    let failed = texts.values().filter(|t| t.is_none()).count();
    Ok((texts.into_iter().map(|(id, t)| (id, t.unwrap_or_default())).collect(), failed))
}

/// Scores text mode on the pages hard-wrapped at [`WRAP_WIDTH`] columns,
/// against the labels of the unwrapped lines: the cleaner is to give each
/// paragraph back whole, on one line.
fn wrapped_rows(
    ctx: &Ctx,
    name: &str,
    cleaner: &copydesk_clean::TextCleaner,
    pages: &[Page],
) -> Result<Vec<Row>> {
    let label = format!("wrapped-{WRAP_WIDTH}");
    let outputs: Vec<String> = pages.iter().map(|p| cleaner.clean(&wrap(&p.text, WRAP_WIDTH)).text).collect();
    let note = format!("the rendered text hard-wrapped at {WRAP_WIDTH} columns, as textwrap or fmt wrap it");
    let rows = score_rows(&format!("clean_text/{name} {label}"), "copydesk", pages, &outputs, &note);
    dump(&ctx.out.join("clean_text").join(format!("{name}.{label}.copydesk.lines.txt")), pages, &outputs)?;
    Ok(rows)
}

/// The column scraped text is hard-wrapped at by the tools that wrap it
/// (lynx, html2text, `fmt`, email).
const WRAP_WIDTH: usize = 78;

/// `text` hard-wrapped at `width` columns as Python's `textwrap` (which
/// html2text wraps with) and `fmt` wrap it: a line longer than `width`
/// characters (not bytes) is broken at the last run of spaces or tabs that
/// leaves a piece of `width` characters or fewer, and that run is dropped;
/// a word longer than `width` stays whole on a line of its own. Every other
/// line, blank ones included, is left as it is, and so is a long line's
/// leading indentation (the rendering writes none). `fold -s` differs only
/// in keeping the space at a break, counted in the width.
fn wrap(text: &str, width: usize) -> String {
    let mut pieces: Vec<&str> = Vec::new();
    for line in text.split('\n') {
        let mut rest = line;
        while let Some((at, _)) = rest.char_indices().nth(width) {
            let Some(cut) = break_at(rest, at) else { break };
            pieces.push(rest[..cut].trim_end_matches(is_blank));
            rest = rest[cut..].trim_start_matches(is_blank);
        }
        pieces.push(rest);
    }
    pieces.join("\n")
}

/// Where to break `line`, whose character at byte `at` is the first past
/// the width: the last blank at or before `at` with a word before it, else
/// the first blank after the line's first word; `None` when the line is one
/// word.
fn break_at(line: &str, at: usize) -> Option<usize> {
    let indent = line.len() - line.trim_start_matches(is_blank).len();
    let fits = if line[at..].starts_with(is_blank) { Some(at) } else { line[..at].rfind(is_blank) };
    fits.filter(|&b| b > indent && !line[indent..b].trim_end_matches(is_blank).is_empty())
        .or_else(|| line[indent..].find(is_blank).map(|b| indent + b))
}

/// A blank a wrapping tool breaks at (a no-break space is not one).
fn is_blank(c: char) -> bool {
    c == ' ' || c == '\t'
}

/// Scores `clean/trafilatura-eval` rendered to text by its snippets.
fn snippet_set(ctx: &Ctx, cleaner: &copydesk_clean::TextCleaner) -> Result<Vec<Row>> {
    const NAME: &str = "trafilatura-eval";
    let pages: Vec<SnippetPage> = rendered(ctx, NAME, trafilatura)?;
    let dataset = format!("clean_text/{NAME}");
    let started = std::time::Instant::now();
    let outputs: Vec<String> = pages.iter().map(|p| cleaner.clean(&p.text).text).collect();
    let secs = started.elapsed().as_secs_f64();
    let mb = pages.iter().map(|p| p.text.len()).sum::<usize>() as f64 / 1e6;
    let mut rows = snippet_rows(
        &dataset,
        "copydesk",
        &pages,
        &outputs,
        &format!("{mb:.1} MB of rendered text, cleaned at {:.0} MB/s", mb / secs),
    );
    dump_snippets(
        &ctx.out.join("clean_text").join(format!("{NAME}.copydesk.snippets.txt")),
        &pages,
        &outputs,
    )?;
    let whole: Vec<String> = pages.iter().map(|p| p.text.clone()).collect();
    rows.extend(snippet_rows(&dataset, "whole text", &pages, &whole, "every rendered line kept"));
    if ctx.peers {
        let inputs: Vec<(&str, &str)> = pages.iter().map(|p| (p.id.as_str(), p.text.as_str())).collect();
        for (tool, requirements) in PEERS {
            let outputs = peer_outputs(ctx, NAME, tool, requirements, &inputs)?;
            let note = match *tool {
                "justext" => {
                    "on the rendered text, one <p> per line; its English stoplist on pages in many languages"
                }
                _ => "on the rendered text, one <p> per line",
            };
            rows.extend(snippet_rows(&dataset, tool, &pages, &outputs, note));
        }
    }
    Ok(rows)
}

fn snippet_rows(
    dataset: &str,
    tool: &str,
    pages: &[SnippetPage],
    outputs: &[String],
    note: &str,
) -> Vec<Row> {
    let mut counts = (0, 0, 0, 0);
    for (page, output) in pages.iter().zip(outputs) {
        page.snippets.count(output, &mut counts);
    }
    let (tp, fn_, fp, _) = counts;
    let prf = Prf { tp, fp, fn_ };
    let n = pages.len();
    vec![
        Row::new(dataset, "snippet F-score", tool, prf.f1(), n)
            .note(format!("2tp / (2tp + fp + fn) over snippets: tp {tp} fp {fp} fn {fn_}; {note}")),
        Row::new(dataset, "snippet precision", tool, prf.precision(), n),
        Row::new(dataset, "snippet recall", tool, prf.recall(), n),
    ]
}

/// Writes every snippet of every page with its kind and whether the
/// output held it (`W`/`O` must appear or must not, `+`/`-` held or not),
/// for reading the errors.
fn dump_snippets(path: &Path, pages: &[SnippetPage], outputs: &[String]) -> Result<()> {
    let mut out = String::new();
    for (page, output) in pages.iter().zip(outputs) {
        out.push_str(&format!("## {}\n", page.id));
        for (must, snippet, found) in page.snippets.found(output) {
            let mark = format!("{}{}", if must { 'W' } else { 'O' }, if found { '+' } else { '-' });
            out.push_str(&format!("{mark} {snippet}\n"));
        }
    }
    std::fs::write(path, out).with_context(|| format!("writing {}", path.display()))
}

fn score_rows(dataset: &str, tool: &str, pages: &[Page], outputs: &[String], note: &str) -> Vec<Row> {
    score_kept(dataset, tool, pages, note, |i, rendered| kept_lines(rendered, &outputs[i]))
}

/// Line-level scores of the lines `kept(page index, rendered lines)` says
/// a tool kept.
fn score_kept(
    dataset: &str,
    tool: &str,
    pages: &[Page],
    note: &str,
    kept: impl Fn(usize, &[Vec<String>]) -> Vec<bool>,
) -> Vec<Row> {
    let mut total = Prf::default();
    let mut page_f1 = 0.0;
    let mut lines = 0;
    for (i, page) in pages.iter().enumerate() {
        let gold = Gold::new(&page.gold);
        let rendered: Vec<Vec<String>> = page.text.lines().map(tokens).collect();
        let labels = gold.label(&rendered);
        let kept = kept(i, &rendered);
        let mut this = Prf::default();
        for ((label, kept), toks) in labels.iter().zip(&kept).zip(&rendered) {
            if toks.is_empty() {
                continue;
            }
            lines += 1;
            match (label, kept) {
                (true, true) => this.tp += 1,
                (false, true) => this.fp += 1,
                (true, false) => this.fn_ += 1,
                (false, false) => {}
            }
        }
        page_f1 += this.f1();
        total.add(this);
    }
    let n = pages.len();
    let counts = format!("{lines} lines: tp {} fp {} fn {}", total.tp, total.fp, total.fn_);
    vec![
        Row::new(dataset, "line precision", tool, total.precision(), n),
        Row::new(dataset, "line recall", tool, total.recall(), n),
        Row::new(dataset, "line F1", tool, total.f1(), n).note(format!("{counts}; {note}")),
        Row::new(dataset, "page-mean line F1", tool, page_f1 / n.max(1) as f64, n)
            .note("line F1 of each page, averaged: long pages weigh no more than short ones"),
    ]
}

/// HTML mode on the same pages, and with `--peers` the HTML peers, as a
/// reference for text mode: each tool's body is labelled onto the rendered
/// lines by the rule that labels the gold's ([`Gold::label`]), and those
/// lines are scored as kept. It is what a cleaner that sees the markup
/// keeps, in text mode's measure (a line it rewrote scores as dropped, as
/// the gold's does).
fn html_mode_rows(ctx: &Ctx, name: &str, pages: &[Page]) -> Result<Vec<Row>> {
    let dir = ctx.data.join("clean").join(name);
    let (html, dataset) = if name == "aeb" {
        (clean::load_aeb(&dir, ctx.limit)?.0, "aeb")
    } else {
        (clean::load_wcxb(&dir, ctx.limit)?.0, "wcxb-dev")
    };
    let cleaner = copydesk_clean::Cleaner::new();
    let ours: HashMap<String, Prediction> = html
        .iter()
        .map(|p| {
            let doc = cleaner.clean_html(p.html.as_bytes());
            (p.id.clone(), doc.map_or_else(|_| Prediction::default(), Prediction::of_document))
        })
        .collect();
    let mut tools = vec![("copydesk html mode".to_string(), ours)];
    if ctx.peers {
        let out = ctx.out.join("clean");
        std::fs::create_dir_all(&out)?;
        for (tool, preds) in clean::peer_predictions(&out, dataset, &html)? {
            tools.push((format!("{tool} html mode"), preds));
        }
    }
    let set = format!("clean_text/{name}");
    let note = "on the HTML, its body labelled onto the rendered lines as the gold's is";
    Ok(tools
        .iter()
        .flat_map(|(tool, preds)| {
            score_kept(&set, tool, pages, note, |i, rendered| {
                let body = preds.get(&pages[i].id).map_or("", |p| p.text.as_str());
                Gold::new(body).label(rendered)
            })
            .into_iter()
            .filter(|row| row.metric == "line F1")
        })
        .collect())
}

/// The best line F1 any cleaner that keeps one run of lines per page can
/// reach: the run per page that maximises the pooled F1, found exactly.
/// Pooled F1 is a ratio, so it is maximised as Dinkelbach does: for a guess
/// F, the F1 is above F where `(2 - F) tp - F fp` is above `F` times the
/// gold lines, which splits into a best-sum run per page (Kadane's, each
/// story line worth `2 - F`, each furniture line `-F`); the F of those runs
/// is the next guess, and the guesses rise to the optimum in a few rounds.
/// Where this is below a target, no story-span rule can meet it: the gold
/// leaves lines inside the story out (table cells it rewrote, captions,
/// asides). Each page's shortfall against its best run, in the same worth
/// at the optimum, goes to `path`, most first: where a rule loses most.
fn span_oracle(dataset: &str, pages: &[Page], outputs: &[String], path: &Path) -> Result<Row> {
    // Per page, over its scored lines: the gold label, and whether copydesk kept it.
    let scored: Vec<Vec<(bool, bool)>> = pages
        .iter()
        .zip(outputs)
        .map(|(page, output)| {
            let rendered: Vec<Vec<String>> = page.text.lines().map(tokens).collect();
            let labels = Gold::new(&page.gold).label(&rendered);
            let kept = kept_lines(&rendered, output);
            labels
                .into_iter()
                .zip(kept)
                .zip(&rendered)
                .filter(|(_, toks)| !toks.is_empty())
                .map(|(l, _)| l)
                .collect()
        })
        .collect();
    let labels: Vec<Vec<bool>> = scored.iter().map(|page| page.iter().map(|l| l.0).collect()).collect();
    let (mut best, mut runs) = (Prf::default(), Vec::new());
    let mut guess = 0.0;
    for _ in 0..50 {
        let these: Vec<Prf> = labels.iter().map(|page| best_run(page, guess)).collect();
        let mut total = Prf::default();
        these.iter().for_each(|run| total.add(*run));
        if total.f1() <= guess {
            break;
        }
        (guess, best, runs) = (total.f1(), total, these);
    }
    let worth = |tally: &Prf| (2.0 - guess) * tally.tp as f64 - guess * tally.fp as f64;
    let mut shortfalls: Vec<(f64, &str, Prf, Prf)> = scored
        .iter()
        .zip(&runs)
        .zip(pages)
        .map(|((page, run), p)| {
            let mut ours = Prf::default();
            for &(label, kept) in page {
                match (label, kept) {
                    (true, true) => ours.tp += 1,
                    (false, true) => ours.fp += 1,
                    (true, false) => ours.fn_ += 1,
                    (false, false) => {}
                }
            }
            (worth(run) - worth(&ours), p.id.as_str(), ours, *run)
        })
        .collect();
    shortfalls.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut out = String::from("id\tshortfall\tcopydesk tp\tfp\tfn\toracle tp\tfp\tfn\n");
    for (shortfall, id, ours, run) in &shortfalls {
        out.push_str(&format!(
            "{id}\t{shortfall:.1}\t{}\t{}\t{}\t{}\t{}\t{}\n",
            ours.tp, ours.fp, ours.fn_, run.tp, run.fp, run.fn_
        ));
    }
    std::fs::write(path, out).with_context(|| format!("writing {}", path.display()))?;
    Ok(Row::new(dataset, "line F1", "span oracle", best.f1(), pages.len()).note(format!(
        "the best one run of lines per page, chosen with the gold: tp {} fp {} fn {}",
        best.tp, best.fp, best.fn_
    )))
}

/// The run of lines with the largest sum, each story line worth `2 - f`
/// and each furniture line `-f`, tallied against the page's labels (no run
/// when none is worth more than nothing).
fn best_run(labels: &[bool], f: f64) -> Prf {
    let worth = |story: bool| if story { 2.0 - f } else { -f };
    let (mut best, mut best_at) = (0.0, (0, 0));
    let (mut sum, mut start) = (0.0, 0);
    for (i, &story) in labels.iter().enumerate() {
        if sum <= 0.0 {
            (sum, start) = (0.0, i);
        }
        sum += worth(story);
        if sum > best {
            (best, best_at) = (sum, (start, i + 1));
        }
    }
    let tp = labels[best_at.0..best_at.1].iter().filter(|&&s| s).count();
    let gold = labels.iter().filter(|&&s| s).count();
    Prf { tp, fp: best_at.1 - best_at.0 - tp, fn_: gold - tp }
}

/// Writes every scored line with its gold label and whether it was kept
/// (`S`/`F` story or furniture, `+`/`-` kept or dropped), for reading the
/// errors.
fn dump(path: &Path, pages: &[Page], outputs: &[String]) -> Result<()> {
    std::fs::create_dir_all(path.parent().context("dump path")?)?;
    let mut out = String::new();
    for (page, output) in pages.iter().zip(outputs) {
        let rendered: Vec<Vec<String>> = page.text.lines().map(tokens).collect();
        let labels = Gold::new(&page.gold).label(&rendered);
        let kept = kept_lines(&rendered, output);
        out.push_str(&format!("## {}\n", page.id));
        for (line, (label, kept)) in page.text.lines().zip(labels.iter().zip(&kept)) {
            let mark = format!("{}{}", if *label { 'S' } else { 'F' }, if *kept { '+' } else { '-' });
            out.push_str(&format!("{mark} {line}\n"));
        }
    }
    std::fs::write(path, out).with_context(|| format!("writing {}", path.display()))
}

/// Lowercased runs of letters and digits. Character references left in
/// the text (gold bodies hold a few: `don&#39;t`, `&quot;`) are read as
/// the character they stand for, and invisible format characters (soft
/// hyphens, zero-width spaces and joiners) as nothing, so that neither
/// splits a word on one side only.
fn tokens(text: &str) -> Vec<String> {
    let mut toks = Vec::new();
    let mut word = String::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let (c, len) = match c {
            '&' => reference(rest).unwrap_or((c, 1)),
            _ => (c, c.len_utf8()),
        };
        rest = &rest[len..];
        if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
        } else if !is_invisible(c) && !word.is_empty() {
            toks.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        toks.push(word);
    }
    toks
}

/// The character a reference at the start of `text` stands for, and the
/// reference's length: numeric ones, and the named ones for punctuation
/// and spaces (the only ones met in the gold bodies and pages).
fn reference(text: &str) -> Option<(char, usize)> {
    const NAMED: &[(&str, char)] = &[
        ("amp", '&'),
        ("lt", '<'),
        ("gt", '>'),
        ("quot", '"'),
        ("apos", '\''),
        ("nbsp", ' '),
        ("lsquo", '‘'),
        ("rsquo", '’'),
        ("ldquo", '“'),
        ("rdquo", '”'),
        ("ndash", '–'),
        ("mdash", '—'),
        ("hellip", '…'),
    ];
    let end = text.bytes().take(12).position(|b| b == b';')?;
    let name = text.get(1..end)?;
    let c = if let Some(hex) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
        char::from_u32(u32::from_str_radix(hex, 16).ok()?)?
    } else if let Some(dec) = name.strip_prefix('#') {
        char::from_u32(dec.parse().ok()?)?
    } else {
        NAMED.iter().find(|(n, _)| *n == name)?.1
    };
    Some((c, end + 1))
}

/// Format characters a reader never sees.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{ad}' | '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}')
}

/// `line` without a leading list marker: a number or single letter and
/// `.` or `)`, or a bullet, then a space.
fn without_list_marker(line: &str) -> &str {
    let t = line.trim_start();
    let bullet = t.strip_prefix(['-', '*', '•', '·', '–']);
    let numbered = t
        .find(['.', ')'])
        .filter(|&at| {
            let label = &t[..at];
            !label.is_empty()
                && (label.bytes().all(|b| b.is_ascii_digit())
                    || (label.len() == 1 && label.as_bytes()[0].is_ascii_alphabetic()))
        })
        .map(|at| &t[at + 1..]);
    match bullet.or(numbered) {
        Some(rest) if rest.starts_with(char::is_whitespace) => rest,
        _ => line,
    }
}

fn hash_of<T: Hash + ?Sized>(value: &T) -> u64 {
    let mut h = DefaultHasher::new();
    value.hash(&mut h);
    h.finish()
}

/// A gold line of this many tokens or fewer with a colon may be a table
/// row written out as "Label: value".
const LABELLED_TOKENS: usize = 8;

/// A line of this many tokens or fewer is placed in the gold body by every
/// place its tokens occur there; a longer one by the places its trigrams
/// agree on most.
const PLACED_BY_TOKENS: usize = 2;
/// At most this many places are tried for one line (a table's "Yes" cells).
const PLACES: usize = 256;

/// The gold body, indexed for labelling.
struct Gold {
    trigrams: HashSet<u64>,
    paragraphs: HashSet<u64>,
    /// The body's tokens end to end, as written.
    stream: Vec<String>,
    /// Where each token trigram of `stream` starts.
    trigram_at: HashMap<u64, Vec<usize>>,
    /// Where each token of `stream` is.
    token_at: HashMap<String, Vec<usize>>,
    /// The tokens of the body's longest line.
    longest: usize,
}

impl Gold {
    /// Indexes `body` as written and with the list markers the gold bodies
    /// write out ("1. Lettuce", "- Item") dropped: a page numbers its
    /// ordered lists in its style sheet, so the rendered line has none. A
    /// short gold line of the form "Label: value" (a table written out)
    /// also indexes its value as a paragraph, as a table's cell renders.
    fn new(body: &str) -> Gold {
        let lines: Vec<&str> = body.lines().collect();
        let unmarked: Vec<&str> = lines.iter().map(|l| without_list_marker(l)).collect();
        let mut trigrams = HashSet::new();
        for text in [&lines, &unmarked] {
            let toks: Vec<String> = text.iter().flat_map(|l| tokens(l)).collect();
            trigrams.extend(toks.windows(3).map(hash_of));
        }
        let stream: Vec<String> = lines.iter().flat_map(|l| tokens(l)).collect();
        let mut trigram_at: HashMap<u64, Vec<usize>> = HashMap::new();
        for (at, w) in stream.windows(3).enumerate() {
            trigram_at.entry(hash_of(w)).or_default().push(at);
        }
        let mut token_at: HashMap<String, Vec<usize>> = HashMap::new();
        for (at, t) in stream.iter().enumerate() {
            token_at.entry(t.clone()).or_default().push(at);
        }
        let mut paragraphs = HashSet::new();
        for (line, unmarked) in lines.iter().zip(&unmarked) {
            let value = unmarked
                .split_once(':')
                .map(|(_, value)| value)
                .filter(|_| tokens(line).len() <= LABELLED_TOKENS);
            for part in [Some(*line), Some(*unmarked), value].into_iter().flatten() {
                let toks = tokens(part);
                if !toks.is_empty() {
                    paragraphs.insert(hash_of(&toks[..]));
                }
            }
        }
        let longest = lines.iter().map(|l| tokens(l).len()).max().unwrap_or(0);
        Gold { trigrams, paragraphs, stream, trigram_at, token_at, longest }
    }

    /// Where `toks` may start in the body: every place a short line's
    /// tokens occur together, else the starts most of its trigrams agree on
    /// (a line with a word the body lacks still lines up). Empty when the
    /// line is nowhere (matched through a dropped list marker or a table
    /// value only).
    fn places(&self, toks: &[String]) -> Vec<usize> {
        if toks.len() <= PLACED_BY_TOKENS {
            let Some(at) = self.token_at.get(&toks[0]) else { return Vec::new() };
            return at
                .iter()
                .copied()
                .filter(|&p| self.stream.get(p..p + toks.len()).is_some_and(|w| w == toks))
                .take(PLACES)
                .collect();
        }
        let mut votes: HashMap<usize, usize> = HashMap::new();
        for (k, w) in toks.windows(3).enumerate() {
            for &p in self.trigram_at.get(&hash_of(w)).into_iter().flatten().take(PLACES) {
                *votes.entry(p.saturating_sub(k)).or_default() += 1;
            }
        }
        let most = votes.values().copied().max().unwrap_or(0);
        let mut places: Vec<usize> = votes.into_iter().filter(|&(_, v)| v == most).map(|(p, _)| p).collect();
        places.sort_unstable();
        places.truncate(PLACES);
        places
    }

    /// Each place in the body is the story of one line only: a heading the
    /// body holds once is story where the story has it, and its copy in a
    /// table of contents or a menu above the story, like a second copy of a
    /// paragraph, is furniture. Which copy is the story's: the chain of
    /// story lines, in page order with places rising, that holds the most
    /// tokens (a weighted longest increasing subsequence). A story line
    /// outside the chain is furniture when a line of the chain holds its
    /// place; one that no other line claims (a caption the body puts
    /// elsewhere) stays story. A line that is nowhere in the body as
    /// written stays as labelled, and so does one longer than any line of
    /// the body (the whole story on one line, as a page's "copy as text"
    /// payload holds it: no place to rank it by).
    fn align(&self, lines: &[Vec<String>], labels: &mut [bool]) {
        // Prefix maximum over places (a Fenwick tree): the heaviest chain
        // ending before a place, and the candidate that ends it.
        let size = self.stream.len() + 1;
        let mut tree: Vec<(usize, usize)> = vec![(0, usize::MAX); size + 1];
        // Per candidate: its line and place, and the candidate before it in
        // its chain.
        let mut cands: Vec<(usize, usize, usize)> = Vec::new();
        let mut best = (0, usize::MAX);
        let mut placed: Vec<(usize, Vec<usize>)> = Vec::new();
        for (i, toks) in lines.iter().enumerate() {
            if !labels[i] || toks.is_empty() || toks.len() > self.longest {
                continue;
            }
            let places = self.places(toks);
            if places.is_empty() {
                continue;
            }
            // Every place of a line is read before any is written: a line
            // does not chain onto itself.
            let ends: Vec<(usize, (usize, usize))> = places
                .iter()
                .map(|&p| {
                    let (weight, prev) = prefix_max(&tree, p);
                    (p, (weight + toks.len(), prev))
                })
                .collect();
            for (p, (weight, prev)) in ends {
                let id = cands.len();
                cands.push((i, p, prev));
                raise(&mut tree, p + 1, (weight, id));
                if weight > best.0 {
                    best = (weight, id);
                }
            }
            placed.push((i, places));
        }
        let mut held = vec![false; size];
        let mut chained = HashSet::new();
        let mut at = best.1;
        while let Some(&(i, p, prev)) = cands.get(at) {
            held[p..(p + lines[i].len()).min(size)].fill(true);
            chained.insert(i);
            at = prev;
        }
        for (i, places) in placed {
            let len = lines[i].len();
            labels[i] = chained.contains(&i)
                || !places.iter().any(|&p| held[p..(p + len).min(size)].iter().any(|&h| h));
        }
    }

    /// At least half of the line's token trigrams occur in the gold body.
    fn is_long_story(&self, toks: &[String]) -> bool {
        let grams: Vec<u64> = toks.windows(3).map(hash_of).collect();
        grams.iter().filter(|g| self.trigrams.contains(g)).count() * 2 >= grams.len()
    }

    /// True when a token trigram of `stream` across the boundary before
    /// `at` (one token on each side at least) occurs in the gold body.
    fn joins_at(&self, stream: &[&String], at: usize) -> bool {
        (at.saturating_sub(2)..at)
            .filter_map(|k| stream.get(k..k + 3))
            .any(|w| self.trigrams.contains(&hash_of(w)))
    }

    /// Labels each line. A line of three tokens or more is story when at least half of its
    /// token trigrams occur in the gold body. A line of one or two tokens is
    /// story when it is a whole gold paragraph (a subheading), or when it
    /// reads on from a story line before it, or into one after it, as the
    /// gold body does: a token trigram across the two occurs there (a
    /// fragment of a paragraph split by inline markup; table cells, each
    /// read on from the one before). A word of the gold body met alone
    /// ("Share", "Media" in a menu) is not enough, nor is a menu of short
    /// lines that happens to name things in the gold body's order. Last,
    /// each place in the body is the story of one line only
    /// ([`Gold::align`]).
    fn label(&self, lines: &[Vec<String>]) -> Vec<bool> {
        let scored: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].is_empty()).collect();
        let mut labels = vec![false; lines.len()];
        for &i in &scored {
            let toks = &lines[i];
            labels[i] = if toks.len() >= 3 {
                self.is_long_story(toks)
            } else {
                self.paragraphs.contains(&hash_of(&toks[..]))
            };
        }
        // The scored lines' tokens end to end, and where each line starts.
        let stream: Vec<&String> = scored.iter().flat_map(|&i| &lines[i]).collect();
        let starts: Vec<usize> = scored
            .iter()
            .scan(0, |at, &i| {
                let start = *at;
                *at += lines[i].len();
                Some(start)
            })
            .collect();
        // Short lines read on from the story line before them, then into
        // the one after them, in chains.
        for k in 1..scored.len() {
            let (prev, i) = (scored[k - 1], scored[k]);
            if lines[i].len() < 3 && !labels[i] && labels[prev] {
                labels[i] = self.joins_at(&stream, starts[k]);
            }
        }
        for k in (0..scored.len().saturating_sub(1)).rev() {
            let (i, next) = (scored[k], scored[k + 1]);
            if lines[i].len() < 3 && !labels[i] && labels[next] {
                labels[i] = self.joins_at(&stream, starts[k + 1]);
            }
        }
        self.align(lines, &mut labels);
        labels
    }
}

/// The heaviest chain, and its last candidate, over places below `end`.
fn prefix_max(tree: &[(usize, usize)], end: usize) -> (usize, usize) {
    let mut best = (0, usize::MAX);
    let mut i = end;
    while i > 0 {
        if tree[i].0 > best.0 {
            best = tree[i];
        }
        i &= i - 1;
    }
    best
}

/// Records a chain of `value` ending at place `i - 1` (1-based index `i`).
fn raise(tree: &mut [(usize, usize)], mut i: usize, value: (usize, usize)) {
    while i < tree.len() {
        if value.0 > tree[i].0 {
            tree[i] = value;
        }
        i += i & i.wrapping_neg();
    }
}

/// Which rendered lines a tool's output kept. The output's paragraphs
/// (non-blank lines) are matched in order as a subsequence of the rendered
/// lines: a line is kept when it has the same tokens as the next unmatched
/// paragraph; a paragraph that matches no later line (a tool's rewording) is
/// skipped. Tokens ignore the tools' reformatting (list bullets, spacing);
/// every tool here keeps the input's lines as its paragraphs.
fn kept_lines(rendered: &[Vec<String>], output: &str) -> Vec<bool> {
    let paragraphs: Vec<Vec<String>> = output.lines().map(tokens).filter(|t| !t.is_empty()).collect();
    let mut at: HashMap<&[String], Vec<usize>> = HashMap::new();
    for (i, toks) in rendered.iter().enumerate() {
        at.entry(&toks[..]).or_default().push(i);
    }
    let occurs_from =
        |para: &[String], i: usize| at.get(para).is_some_and(|v| v.last().is_some_and(|&l| l >= i));
    let mut cursor = 0;
    let mut kept = vec![false; rendered.len()];
    for (i, toks) in rendered.iter().enumerate() {
        while cursor < paragraphs.len() && !occurs_from(&paragraphs[cursor], i) {
            cursor += 1;
        }
        if !toks.is_empty() && paragraphs.get(cursor) == Some(toks) {
            kept[i] = true;
            cursor += 1;
        }
    }
    kept
}

type Loader = fn(&Ctx) -> Result<Vec<Page>>;

/// The pages of a data set rendered to text, from the cache when rendered
/// before (parsing the HTML takes most of the evaluation's time).
fn rendered<T>(ctx: &Ctx, name: &str, load: fn(&Ctx) -> Result<Vec<T>>) -> Result<Vec<T>>
where
    T: serde::Serialize + serde::de::DeserializeOwned,
{
    let limit = ctx.limit.map_or("all".to_string(), |n| n.to_string());
    let cache = ctx.out.join("clean_text").join(format!("{name}.rendered.v{RENDER_VERSION}.{limit}.json"));
    if let Some(pages) = std::fs::read_to_string(&cache).ok().and_then(|j| serde_json::from_str(&j).ok()) {
        return Ok(pages);
    }
    let pages = load(ctx)?;
    std::fs::create_dir_all(ctx.out.join("clean_text"))?;
    std::fs::write(&cache, serde_json::to_string(&pages)?)?;
    Ok(pages)
}

fn read_page(path: &Path) -> Result<String> {
    let bytes = util::read_bytes(path)?;
    Ok(render(&String::from_utf8_lossy(&bytes)))
}

/// The trafilatura evaluation pages, decoded as the HTML stage decodes
/// them (many are in legacy charsets), then rendered.
fn trafilatura(ctx: &Ctx) -> Result<Vec<SnippetPage>> {
    let dir = ctx.data.join("clean").join("trafilatura-eval");
    let (pages, mut gold) = super::clean::load_trafilatura(&dir, ctx.limit)?;
    pages
        .into_iter()
        .map(|p| {
            let snippets = gold.remove(&p.id).context("trafilatura-eval: a page without snippets")?;
            Ok(SnippetPage { text: render(&p.html), id: p.id, snippets })
        })
        .collect()
}

fn capped<T>(items: Vec<T>, ctx: &Ctx) -> Vec<T> {
    let n = ctx.limit.unwrap_or(usize::MAX);
    items.into_iter().take(n).collect()
}

fn aeb(ctx: &Ctx) -> Result<Vec<Page>> {
    let dir = ctx.data.join("clean").join("aeb");
    let truth = util::read_json(&dir.join("ground-truth.json"))?;
    let map = truth.as_object().context("aeb ground truth is not an object")?;
    let mut ids: Vec<&String> = map.keys().collect();
    ids.sort();
    capped(ids, ctx)
        .into_iter()
        .map(|id| {
            let gold = map[id]["articleBody"].as_str().unwrap_or_default().to_string();
            let text = read_page(&dir.join("html").join(format!("{id}.html.gz")))?;
            Ok(Page { id: id.clone(), text, gold })
        })
        .collect()
}

fn wcxb(ctx: &Ctx) -> Result<Vec<Page>> {
    let dir = ctx.data.join("clean").join("wcxb-dev-articles");
    let truth = util::read_jsonl(&dir.join("ground-truth.jsonl.gz"))?;
    capped(truth, ctx)
        .into_iter()
        .map(|v| {
            let id = v["file_id"].as_str().context("wcxb: file_id")?.to_string();
            let gold = v["main_content"].as_str().unwrap_or_default().to_string();
            let text = read_page(&dir.join("html").join(format!("{id}.html.gz")))?;
            Ok(Page { id, text, gold })
        })
        .collect()
}

/// A peer's output per page, from the cache when the same rendered pages
/// were run before.
fn peer_outputs(
    ctx: &Ctx,
    dataset: &str,
    tool: &str,
    requirements: &[&str],
    pages: &[(&str, &str)],
) -> Result<Vec<String>> {
    let dir = ctx.out.join("clean_text");
    std::fs::create_dir_all(&dir)?;
    let inputs: Vec<serde_json::Value> =
        pages.iter().map(|(id, text)| serde_json::json!({"id": id, "text": text})).collect();
    let key = hash_of(&serde_json::to_string(&inputs)?);
    let out = dir.join(format!("{dataset}.{tool}.{key:016x}.json"));
    run_cached(&out, requirements, "clean_text.py", tool.as_ref(), || inputs)?;
    let preds = util::read_json(&out)?;
    Ok(pages.iter().map(|(id, _)| preds[*id].as_str().unwrap_or_default().to_string()).collect())
}

/// Runs a peers script once over `inputs` (made only then, written as JSON
/// Lines beside `out`, removed afterwards) unless `out`, its result, is
/// there already: `script ARG INPUT OUT` in the venv with `requirements`.
fn run_cached(
    out: &Path,
    requirements: &[&str],
    script: &str,
    arg: &std::ffi::OsStr,
    inputs: impl FnOnce() -> Vec<serde_json::Value>,
) -> Result<()> {
    if out.exists() {
        return Ok(());
    }
    // Python first: without it, no input file is left behind.
    let py = crate::peers::python(requirements)?;
    let input = out.with_extension("input.jsonl");
    let lines: Vec<String> = inputs().iter().map(|v| v.to_string()).collect();
    std::fs::write(&input, lines.join("\n"))?;
    let ran = crate::peers::run_script(&py, script, &[arg, input.as_os_str(), out.as_os_str()]);
    std::fs::remove_file(&input)?;
    ran
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(gold: &str, rendered: &str) -> Vec<bool> {
        Gold::new(gold).label(&rendered.lines().map(tokens).collect::<Vec<_>>())
    }

    #[test]
    fn a_word_of_the_gold_body_alone_in_a_menu_is_not_story() {
        let gold = "Shares in media companies rose on Monday, traders said.";
        assert_eq!(
            labels(gold, "Media\nShares\nShares in media companies rose on Monday, traders said."),
            [false, false, true]
        );
    }

    #[test]
    fn fragments_and_table_cells_that_read_on_from_the_story_are_story() {
        let gold = "The council voted on the plan in March.\nName Votes\nAnn Lee 512\nBo Park 498";
        let rendered =
            "The council voted on the\nplan\nin March.\nName\nVotes\nAnn Lee\n512\nBo Park\n498\nShare";
        assert_eq!(labels(gold, rendered), [true, true, true, true, true, true, true, true, true, false]);
    }

    #[test]
    fn list_numbers_and_labels_written_into_the_gold_body_do_not_hide_a_line() {
        let gold = "Easy crops:\n1. Lettuce\n2. Green beans\nMaterials: Stainless steel";
        assert_eq!(labels(gold, "Lettuce\nGreen beans\nStainless steel"), [true, true, true]);
    }

    #[test]
    fn a_table_of_contents_or_a_second_copy_is_not_story_but_a_caption_out_of_order_is() {
        let gold = "Rivers rose again on Monday across the north.\nWhat comes next\n\
                    Forecasters expect more rain this week, officials said.\nA flooded road near the town";
        let rendered = "What comes next\nRivers rose again on Monday across the north.\nA flooded road near the town\n\
                        What comes next\nForecasters expect more rain this week, officials said.\n\
                        Rivers rose again on Monday across the north.";
        assert_eq!(labels(gold, rendered), [false, true, true, true, true, false]);
    }

    #[test]
    fn the_whole_story_on_one_line_does_not_hide_its_paragraphs() {
        let gold = "Rivers rose again on Monday across the north.\nForecasters expect more rain this week.";
        let rendered = "Rivers rose again on Monday across the north.\nForecasters expect more rain this week.\n\
                        Rivers rose again on Monday across the north. Forecasters expect more rain this week.";
        assert_eq!(labels(gold, rendered), [true, true, true]);
    }

    #[test]
    fn wrapping_breaks_long_lines_at_the_last_space_that_fits_and_drops_it() {
        let line = "The council voted on the plan in March after a long debate.";
        assert_eq!(wrap(line, 20), "The council voted on\nthe plan in March\nafter a long debate.");
        assert!(wrap(line, 20).lines().all(|l| l.chars().count() <= 20));
        // A space just past the width is a break that fits.
        assert_eq!(wrap("abcd efgh", 4), "abcd\nefgh");
    }

    #[test]
    fn the_span_oracle_crosses_a_furniture_line_inside_the_story_but_not_a_block_of_it() {
        let labels = |s: &str| s.chars().map(|c| c == 'S').collect::<Vec<bool>>();
        let run = best_run(&labels("FFSSSFSSSFFFFFS"), 0.9);
        assert_eq!((run.tp, run.fp, run.fn_), (6, 1, 1));
        let none = best_run(&labels("FFF"), 0.9);
        assert_eq!((none.tp, none.fp, none.fn_), (0, 0, 0));
    }

    #[test]
    fn wrapping_counts_characters_not_bytes() {
        assert_eq!(wrap("café crème brûlée", 10), "café crème\nbrûlée");
    }

    #[test]
    fn wrapping_keeps_a_word_longer_than_the_width_whole_on_its_own_line() {
        assert_eq!(
            wrap("see https://example.com/a/long/path now", 10),
            "see\nhttps://example.com/a/long/path\nnow"
        );
        assert_eq!(wrap("  https://example.com/a/long/path", 10), "  https://example.com/a/long/path");
    }

    #[test]
    fn wrapping_leaves_short_lines_blank_lines_and_no_break_spaces_alone() {
        let text = "Headline\n\nA short line.\n  indented\n";
        assert_eq!(wrap(text, 20), text);
        assert_eq!(wrap("one\u{a0}two\u{a0}three four", 14), "one\u{a0}two\u{a0}three\nfour");
    }

    #[test]
    fn character_references_and_invisible_characters_do_not_split_words() {
        assert_eq!(tokens("don&#39;t co\u{ad}operate &quot;now&quot;"), ["don", "t", "cooperate", "now"]);
        assert_eq!(tokens("AT&amp;T & a &bogus; ref"), ["at", "t", "a", "bogus", "ref"]);
    }
}
