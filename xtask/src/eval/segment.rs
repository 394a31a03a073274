//! Scores the segment stage on `segment/`: the Golden Rules, sentencex's
//! English cases and the newswire probes (cases passed: the segments, each
//! trimmed and with whitespace runs collapsed, equal the expected ones), and
//! the UD English Web Treebank test split (boundary precision, recall, F1).
//!
//! Every tool, copydesk included, is scored from the sentence strings it
//! returns. For UD the strings are mapped back to byte offsets of the text by
//! walking text and sentences together over non-whitespace characters (a
//! tool that drops or alters characters loses only the boundaries it moved);
//! a boundary is the byte offset where a sentence ends, compared with the
//! ends of the gold sentences. The text is the document as copydesk receives
//! it, paragraphs on their own lines, and every tool is given it line by line.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use anyhow::{Context as _, Result};
use copydesk_segment::Segmenter;
use serde_json::{Value, json};

use super::util::{CharToByte, Prf, read_json, read_jsonl};
use super::{Ctx, Row};

/// The peers, as pip requirements, and the script that runs them (click:
/// spaCy imports it, and recent typer releases no longer install it).
const PEERS: &[&str] = &[
    "pysbd==0.3.4",
    "sentencex==1.0.32",
    "spacy==3.8.7",
    "click==8.1.8",
    "blingfire==0.1.8",
    "syntok==1.4.4",
];
const SCRIPT: &str = "segment_peers.py";

/// One input text, from one of the data sets.
struct Input {
    set: Set,
    id: String,
    text: String,
    gold: Gold,
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Set {
    Golden,
    Sentencex,
    Probes,
    Ud,
}

enum Gold {
    /// The expected sentences; `in_pysbd_48` for the Golden Rules' subset.
    Sentences { expected: Vec<String>, in_pysbd_48: bool },
    /// Byte offsets where the gold sentences end.
    Ends(Vec<usize>),
}

impl Set {
    fn dataset(self) -> &'static str {
        match self {
            Set::Golden => "segment/golden_rules_en",
            Set::Sentencex => "segment/sentencex_en_cases",
            Set::Probes => "segment/sbd_news_probes_en",
            Set::Ud => "segment/ud-ewt-test",
        }
    }
}

/// Scores copydesk and, with `--peers`, the peers.
pub fn run(ctx: &Ctx) -> Result<Vec<Row>> {
    let dir = ctx.data.join("segment");
    let inputs = load(&dir, ctx.limit)?;
    let units = units(&inputs);
    let seg = Segmenter::new();
    let ours: Vec<Vec<String>> =
        units.iter().map(|&(_, u)| seg.split(u).map(|s| s.slice(u).to_string()).collect()).collect();
    let ours = gather(&inputs, &units, ours);
    let out = ctx.out.join("segment");
    std::fs::create_dir_all(&out)?;
    std::fs::write(out.join("copydesk_misses.txt"), misses(&inputs, &ours))?;
    let mut rows = score("copydesk", &inputs, &ours);
    if ctx.peers {
        for (tool, preds) in peers(&out, &units)? {
            rows.extend(score(&tool, &inputs, &gather(&inputs, &units, preds)));
        }
    }
    Ok(rows)
}

/// The texts every tool is given: each case whole, and each UD document line
/// by line, as copydesk receives text (a line break is a hard boundary for
/// every tool alike). Each with the index of its input.
fn units(inputs: &[Input]) -> Vec<(usize, &str)> {
    let mut units = Vec::new();
    for (k, inp) in inputs.iter().enumerate() {
        if inp.set == Set::Ud {
            units.extend(inp.text.split('\n').filter(|l| !l.trim().is_empty()).map(|l| (k, l)));
        } else {
            units.push((k, inp.text.as_str()));
        }
    }
    units
}

/// The sentences of each input, from the sentences of its units in order.
fn gather(inputs: &[Input], units: &[(usize, &str)], preds: Vec<Vec<String>>) -> Vec<Vec<String>> {
    let mut out = vec![Vec::new(); inputs.len()];
    for (&(k, _), p) in units.iter().zip(preds) {
        out[k].extend(p);
    }
    out
}

fn load(dir: &Path, limit: Option<usize>) -> Result<Vec<Input>> {
    let cap = limit.unwrap_or(usize::MAX);
    let mut inputs = Vec::new();
    let strings = |v: &Value| -> Vec<String> {
        v.as_array().into_iter().flatten().filter_map(|s| s.as_str().map(str::to_string)).collect()
    };
    let golden = read_json(&dir.join("golden_rules_en.json"))?;
    for r in golden["rules"].as_array().context("golden rules: no rules")?.iter().take(cap) {
        inputs.push(Input {
            set: Set::Golden,
            id: r["id"].to_string(),
            text: r["input"].as_str().unwrap_or_default().to_string(),
            gold: Gold::Sentences {
                expected: strings(&r["expected"]),
                in_pysbd_48: r["in_pysbd_48"] == true,
            },
        });
    }
    for (file, set) in [("sentencex_en_cases.json", Set::Sentencex), ("sbd_news_probes_en.json", Set::Probes)]
    {
        let v = read_json(&dir.join(file))?;
        for (i, c) in v["cases"].as_array().context("no cases")?.iter().take(cap).enumerate() {
            let id = if c["id"].is_null() { i.to_string() } else { c["id"].to_string() };
            inputs.push(Input {
                set,
                id,
                text: c["input"].as_str().unwrap_or_default().to_string(),
                gold: Gold::Sentences { expected: strings(&c["expected"]), in_pysbd_48: false },
            });
        }
    }
    for doc in read_jsonl(&dir.join("ud-ewt-test").join("docs.jsonl"))?.iter().take(cap) {
        let text = doc["text"].as_str().unwrap_or_default().to_string();
        let map = CharToByte::new(&text);
        let ends = doc["sentences"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|s| s["end"].as_u64())
            .map(|e| map.byte(e as usize))
            .collect();
        inputs.push(Input {
            set: Set::Ud,
            id: doc["doc_id"].as_str().unwrap_or_default().to_string(),
            text,
            gold: Gold::Ends(ends),
        });
    }
    Ok(inputs)
}

/// Trimmed segments with whitespace runs collapsed, empty ones dropped.
fn normalise<S: AsRef<str>>(segments: &[S]) -> Vec<String> {
    segments
        .iter()
        .map(|s| s.as_ref().split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|s| !s.is_empty())
        .collect()
}

/// True when the segments equal the expected ones exactly (after trimming).
fn strict<S: AsRef<str>>(segments: &[S], expected: &[String]) -> bool {
    let got: Vec<&str> = segments.iter().map(|s| s.as_ref().trim()).filter(|s| !s.is_empty()).collect();
    got == expected.iter().map(|s| s.trim()).collect::<Vec<_>>()
}

/// Where each sentence ends in `text`: sentences and text are walked
/// together over non-whitespace characters; a sentence character that does
/// not match the text is skipped.
fn ends_in(text: &str, sentences: &[String]) -> Vec<usize> {
    let mut chars = text.char_indices().filter(|(_, c)| !c.is_whitespace()).peekable();
    let mut ends = Vec::with_capacity(sentences.len());
    for s in sentences {
        let mut end = None;
        for c in s.chars().filter(|c| !c.is_whitespace()) {
            if let Some((i, t)) = chars.next_if(|&(_, t)| t == c) {
                end = Some(i + t.len_utf8());
            }
        }
        ends.extend(end);
    }
    ends
}

/// Cases passed in one set.
#[derive(Default)]
struct Tally {
    passed: usize,
    /// Passed without collapsing whitespace.
    strict: usize,
    total: usize,
    failed: Vec<String>,
}

fn score(tool: &str, inputs: &[Input], preds: &[Vec<String>]) -> Vec<Row> {
    // Per set, and for the Golden Rules' 48 subset.
    let mut tally: BTreeMap<(Set, bool), Tally> = BTreeMap::new();
    let mut ud = Prf::default();
    let mut ud_docs = 0;
    for (inp, pred) in inputs.iter().zip(preds) {
        match &inp.gold {
            Gold::Sentences { expected, in_pysbd_48 } => {
                let ok = normalise(pred) == normalise(expected);
                let exact = strict(pred, expected);
                let mut keys = vec![(inp.set, false)];
                if *in_pysbd_48 {
                    keys.push((inp.set, true));
                }
                for key in keys {
                    let t = tally.entry(key).or_default();
                    t.passed += usize::from(ok);
                    t.strict += usize::from(exact);
                    t.total += 1;
                    if !ok {
                        t.failed.push(inp.id.clone());
                    }
                }
            }
            Gold::Ends(gold) => {
                let got = ends_in(&inp.text, pred);
                let tp = got.iter().filter(|e| gold.binary_search(e).is_ok()).count();
                ud.add(Prf { tp, fp: got.len() - tp, fn_: gold.len() - tp });
                ud_docs += 1;
            }
        }
    }
    let mut rows = Vec::new();
    for ((set, subset), Tally { passed: ok, strict: exact, total: n, failed }) in tally {
        let metric = if subset { "passed_pysbd_48" } else { "passed" };
        let mut note = format!("strict (no whitespace collapse): {exact}");
        if !failed.is_empty() && failed.len() <= 12 {
            let _ = write!(note, "; failed: {}", failed.join(" "));
        } else if !failed.is_empty() {
            let _ = write!(note, "; {} failed", failed.len());
        }
        rows.push(Row::new(set.dataset(), metric, tool, ok as f64, n).note(note));
    }
    if ud_docs > 0 {
        let ds = Set::Ud.dataset();
        let note = format!("{ud_docs} docs, tp {} fp {} fn {}", ud.tp, ud.fp, ud.fn_);
        rows.push(Row::new(ds, "boundary_P", tool, ud.precision(), ud.tp + ud.fp));
        rows.push(Row::new(ds, "boundary_R", tool, ud.recall(), ud.tp + ud.fn_));
        rows.push(Row::new(ds, "boundary_F1", tool, ud.f1(), ud.tp + ud.fn_).note(note));
    }
    rows
}

/// A readable list of copydesk's failures, for whoever works on the rules.
fn misses(inputs: &[Input], preds: &[Vec<String>]) -> String {
    let mut out = String::new();
    for (inp, pred) in inputs.iter().zip(preds) {
        match &inp.gold {
            Gold::Sentences { expected, .. } => {
                if normalise(pred) != normalise(expected) {
                    let _ = writeln!(out, "== {:?} {}\n  got:", inp.set, inp.id);
                    for s in pred {
                        let _ = writeln!(out, "    {s:?}");
                    }
                    let _ = writeln!(out, "  expected:");
                    for s in expected {
                        let _ = writeln!(out, "    {s:?}");
                    }
                }
            }
            Gold::Ends(gold) => {
                let got = ends_in(&inp.text, pred);
                let fps = got.iter().filter(|e| gold.binary_search(e).is_err());
                let fns = gold.iter().filter(|e| !got.contains(e));
                for (kind, at) in fps.map(|e| ("FP", *e)).chain(fns.map(|e| ("FN", *e))) {
                    let t = &inp.text;
                    let lo = (0..=at.saturating_sub(60)).rev().find(|&k| t.is_char_boundary(k)).unwrap_or(0);
                    let hi = ((at + 40).min(t.len())..=t.len())
                        .find(|&k| t.is_char_boundary(k))
                        .unwrap_or(t.len());
                    let ctx = format!("{}‸{}", &inp.text[lo..at], &inp.text[at..hi]);
                    let _ = writeln!(out, "== Ud {kind} {} {:?}", inp.id, ctx);
                }
            }
        }
    }
    out
}

/// Runs the peers over every input (once: their predictions are cached
/// beside the inputs they were made for) and reads their sentences back.
fn peers(out: &Path, units: &[(usize, &str)]) -> Result<Vec<(String, Vec<Vec<String>>)>> {
    let texts: Vec<&str> = units.iter().map(|&(_, t)| t).collect();
    let request = serde_json::to_string(&json!({ "texts": texts }))?;
    let v = crate::peers::cached_run(out, &request, PEERS, SCRIPT)?;
    let mut tools = Vec::new();
    for (tool, preds) in v["tools"].as_object().context("peers: no tools")? {
        let preds: Vec<Vec<String>> = preds
            .as_array()
            .context("peers: predictions are not a list")?
            .iter()
            .map(|p| {
                p.as_array().into_iter().flatten().filter_map(|s| s.as_str().map(str::to_string)).collect()
            })
            .collect();
        anyhow::ensure!(
            preds.len() == texts.len(),
            "peer {tool}: {} predictions for {} texts",
            preds.len(),
            texts.len()
        );
        tools.push((tool.clone(), preds));
    }
    Ok(tools)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ends_follow_non_whitespace_characters() {
        let text = "Hello  world.\nNext one.";
        let sents = vec!["Hello world.".to_string(), "Next one.".to_string()];
        assert_eq!(ends_in(text, &sents), vec![13, 23]);
    }

    #[test]
    fn normalising_collapses_whitespace() {
        assert_eq!(normalise(&["a \n b ", " "]), vec!["a b".to_string()]);
    }
}
