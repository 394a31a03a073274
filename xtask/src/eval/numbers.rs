//! Scores the numbers stage on `numbers/`:
//!
//! - `news_probes.jsonl`: cases right (every expected figure found with its
//!   value, kind, unit, and qualifier when the case gives one; nothing else
//!   reported as a figure) and F1 over expected figures.
//! - Recognizers-Text's English specs (Number, Percent, Ordinal, NumberRange,
//!   Age, Currency, Dimension, Temperature): span F1 and value accuracy over
//!   the gold spans, per model and over all of them.
//! - quantulum3's test set: span F1 and value accuracy; its `errors.json`
//!   inputs must not crash.
//! - Duckling's English corpora: span F1 per dimension, value accuracy over
//!   the positives found, and negatives that yield nothing of their dimension.
//!
//! Every tool is scored from the same [`Pred`]s: copydesk's figures and the
//! peers' predictions (written by `xtask/peers/numbers_peers.py`) are both
//! turned into them. A prediction matches a gold span when one of its spans
//! equals it exactly: the whole figure, the figure without a leading
//! qualifier ("about $5" read as "$5"), or the number without the noun it
//! counts ("50 cars" read as "50"). Values match within 0.1 % (money in
//! cents or pence is compared in the main unit; Duckling's quantities are
//! compared in SI units).
//!
//! Counted out, by category (each listed with its reason in the notes and
//! in `target/eval/numbers/excluded.txt`):
//! - Recognizers-Text results of type `ordinal.relative` ("last", "next",
//!   "previous"): words of order, not numbers.
//! - Recognizers-Text results without a value (a unit or currency named
//!   with no amount: "fahrenheit", "dollars", "the % of"): not figures.
//! - Duckling's `latentCorpus`: bare numbers ("5", "about 5") that Duckling
//!   reads as money or quantities only when asked for latent readings.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use anyhow::{Context as _, Result};
use copydesk_core::Span;
use copydesk_numbers::{Figure, FigureScanner};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::util::{CharToByte, Prf, ratio, read_json, read_jsonl};
use super::{Ctx, Row};

/// The peers, as pip requirements, and the script that runs them.
const PEERS: &[&str] =
    &["quantulum3[classifier]==0.10.0", "scikit-learn", "recognizers-text-suite==1.0.2a2", "emoji==0.6.0"];
const SCRIPT: &str = "numbers_peers.py";

/// One prediction, from copydesk or a peer, in byte offsets.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
struct Pred {
    /// Every span that counts as this prediction's (the first is the whole).
    spans: Vec<(usize, usize)>,
    /// copydesk's kind names (money, percent, count, quantity, ratio,
    /// multiplier, range, year, date, time, age, ordinal, phone, score,
    /// identifier).
    kind: String,
    value: Option<f64>,
    low: Option<f64>,
    high: Option<f64>,
    /// Money: the ISO code; otherwise the unit's name, lower case.
    unit: Option<String>,
    dimension: Option<String>,
    si: Option<f64>,
    si_low: Option<f64>,
    si_high: Option<f64>,
    approx: bool,
    bound: Option<String>,
    counted: Option<String>,
    per: Option<String>,
    part: Option<f64>,
    whole: Option<f64>,
    range_of: Option<String>,
    change: Option<String>,
}

/// A peer's prediction as the script writes it (code-point offsets).
#[derive(Deserialize)]
struct PeerPred {
    start: usize,
    end: usize,
    kind: String,
    value: Option<f64>,
    low: Option<f64>,
    high: Option<f64>,
    unit: Option<String>,
    #[serde(default)]
    dimension: Option<String>,
    #[serde(default)]
    si: Option<f64>,
    #[serde(default)]
    bound: Option<String>,
    #[serde(default)]
    range_of: Option<String>,
}

fn kind_name(f: &Figure) -> String {
    serde_json::to_value(f.kind).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

/// copydesk's figure as a prediction. Its spans: the whole figure; without
/// its qualifier; the number without the noun it counts or the rate's
/// denominator ("50 cars" read as "50", "$98 a share" as "$98"), with and
/// without the qualifier; and the numeral alone ("$20" read as "20").
fn from_figure(f: &Figure, text: &str) -> Pred {
    let core = f.core_span();
    let mut spans = vec![(f.span.start, f.span.end), (core.start, core.end)];
    let tail = f
        .counted
        .as_ref()
        .map(|c| c.span.start)
        .or_else(|| f.per.as_ref().map(|p| p.span.start))
        .map(|t| connector_start(text, t));
    let num = f.number.as_ref().map(|n| n.span);
    for end in tail.into_iter().chain(num.map(|n| n.end)) {
        for start in [f.span.start, core.start] {
            let s = Span::new(start, end.max(start)).trim(text);
            if !s.is_empty() {
                spans.push((s.start, s.end));
            }
        }
    }
    spans.extend(num.map(|n| (n.start, n.end)));
    spans.dedup();
    Pred {
        spans,
        kind: kind_name(f),
        value: f.value,
        low: f.low,
        high: f.high,
        unit: f.currency.clone().or_else(|| f.unit.clone()).map(|u| u.to_lowercase()),
        dimension: f.dimension.as_deref().map(str::to_string),
        si: f.si_value,
        si_low: f.si_low,
        si_high: f.si_high,
        approx: f.approx,
        bound: f
            .bound
            .and_then(|b| serde_json::to_value(b).ok())
            .and_then(|v| v.as_str().map(str::to_string)),
        counted: f.counted.as_ref().map(|c| c.text.to_string()),
        per: f.per.as_ref().map(|p| p.text.to_string()),
        part: f.part,
        whole: f.whole,
        range_of: f
            .range_of
            .and_then(|k| serde_json::to_value(k).ok())
            .and_then(|v| v.as_str().map(str::to_string)),
        change: f
            .change
            .and_then(|c| serde_json::to_value(c).ok())
            .and_then(|v| v.as_str().map(str::to_string)),
    }
}

/// Where the "of", "a", "an", "per", "/" or "-a-" before what a figure
/// counts or is per starts ("50 cars", "2 meters of cotton", "$98 a share").
fn connector_start(text: &str, at: usize) -> usize {
    let head = text[..at].trim_end_matches(['-', '/', ' ']);
    for w in ["per", "an", "a", "of"] {
        if let Some(h) = head.strip_suffix(w)
            && h.ends_with([' ', '-'])
        {
            return h.trim_end_matches(['-', ' ']).len();
        }
    }
    head.len()
}

/// One input of one data set, with copydesk's and the peers' predictions.
struct Input {
    text: String,
    gold: Gold,
}

enum Gold {
    /// news_probes: the expected figures.
    Probe { id: String, expect: Vec<Value> },
    /// Recognizers-Text: gold spans of one model.
    Rt { spans: Vec<GoldSpan> },
    /// quantulum3: gold spans.
    Quantulum { spans: Vec<GoldSpan> },
    /// Duckling: one expression of one dimension, positive or negative.
    Duckling { dim: String, kind: String, row: Value },
}

#[derive(Clone, Debug)]
struct GoldSpan {
    start: usize,
    end: usize,
    /// Expected value; for a range, its two ends.
    value: Option<f64>,
    low: Option<f64>,
    high: Option<f64>,
}

/// Data sets, each a list of inputs.
type Sets = BTreeMap<String, Vec<Input>>;

/// Scores copydesk and, with `--peers`, the peers.
pub fn run(ctx: &Ctx) -> Result<Vec<Row>> {
    let dir = ctx.data.join("numbers");
    let (sets, excluded) = load(&dir, ctx.limit)?;
    let out = ctx.out.join("numbers");
    std::fs::create_dir_all(&out)?;
    std::fs::write(out.join("excluded.txt"), &excluded)?;
    let scanner = FigureScanner::new();
    let ours: BTreeMap<String, Vec<Vec<Pred>>> = sets
        .iter()
        .map(|(name, inputs)| {
            let preds = inputs
                .iter()
                .map(|i| scanner.scan(&i.text).iter().map(|f| from_figure(f, &i.text)).collect())
                .collect();
            (name.clone(), preds)
        })
        .collect();
    let mut report = String::new();
    let mut rows = score("copydesk", &sets, &ours, &mut report);
    std::fs::write(out.join("copydesk_misses.txt"), &report)?;
    rows.push(errors_json(&dir, &scanner)?);
    rows.extend(excluded_rows(&excluded));
    if ctx.peers {
        for (tool, preds) in peers(&out, &sets, &scanner)? {
            let mut report = String::new();
            rows.extend(score(&tool, &sets, &preds, &mut report));
            std::fs::write(out.join(format!("{tool}_misses.txt")), &report)?;
        }
    }
    Ok(rows)
}

/// One row per reason a gold span was counted out, with how many: the
/// exclusion rule, stated by category, and what it touched.
fn excluded_rows(excluded: &str) -> Vec<Row> {
    let mut by: BTreeMap<(String, String), usize> = BTreeMap::new();
    for line in excluded.lines() {
        let mut cols = line.split('\t');
        let (Some(set), Some(_), Some(why)) = (cols.next(), cols.next(), cols.next()) else { continue };
        let set = set.split('/').next().unwrap_or(set).to_string();
        *by.entry((set, why.to_string())).or_default() += 1;
    }
    by.into_iter()
        .map(|((set, why), n)| {
            Row::new(&format!("numbers/{set}"), "counted out", "all tools", n as f64, n)
                .note(format!("{why} (listed in excluded.txt)"))
        })
        .collect()
}

/// errors.json: inputs that must not crash.
fn errors_json(dir: &Path, scanner: &FigureScanner) -> Result<Row> {
    let v = read_json(&dir.join("quantulum3/errors.json"))?;
    let texts: Vec<&str> =
        v.as_array().context("errors.json is not a list")?.iter().filter_map(Value::as_str).collect();
    let ok = texts
        .iter()
        .filter(|t| std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| scanner.scan(t))).is_ok())
        .count();
    Ok(Row::new("numbers/quantulum3/errors", "no crash", "copydesk", ok as f64, texts.len()))
}

// ---------------------------------------------------------------- loading

fn load(dir: &Path, limit: Option<usize>) -> Result<(Sets, String)> {
    let mut sets = Sets::new();
    let mut excluded = String::new();
    let cap = |v: Vec<Input>| match limit {
        Some(n) => v.into_iter().take(n).collect(),
        None => v,
    };
    // News probes.
    let probes = read_jsonl(&dir.join("news_probes.jsonl"))?
        .into_iter()
        .map(|v| Input {
            text: v["text"].as_str().unwrap_or_default().to_string(),
            gold: Gold::Probe {
                id: v["id"].as_str().unwrap_or_default().to_string(),
                expect: v["expect"].as_array().cloned().unwrap_or_default(),
            },
        })
        .collect();
    sets.insert("news_probes".into(), cap(probes));
    // Recognizers-Text.
    for (file, model) in RT_MODELS {
        let v = read_json(&dir.join("recognizers-text").join(file))?;
        let mut inputs = Vec::new();
        for case in v.as_array().context("a Recognizers-Text spec is not a list")? {
            let text = case["Input"].as_str().unwrap_or_default().to_string();
            let c2b = CharToByte::new(&text);
            let mut spans = Vec::new();
            for r in case["Results"].as_array().into_iter().flatten() {
                let type_name = r["TypeName"].as_str().unwrap_or_default();
                let res = &r["Resolution"];
                let value = res["value"].as_str().unwrap_or("null");
                let why = if type_name == "ordinal.relative" {
                    Some("ordinal.relative: a word of order, not a number")
                } else if value == "null" || res["value"].is_null() {
                    Some("no value: a unit or currency named without an amount")
                } else {
                    None
                };
                let surface = r["Text"].as_str().unwrap_or_default();
                if let Some(why) = why {
                    let _ = writeln!(excluded, "recognizers-text/{model}\t{surface:?} in {text:?}\t{why}");
                    continue;
                }
                let (Some(s), Some(e)) = (r["Start"].as_u64(), r["End"].as_u64()) else { continue };
                let (low, high) = rt_range(value);
                let mut value = rt_value(value);
                if let Some(unit) = res["unit"].as_str()
                    && matches!(unit, "Cent" | "Pence" | "Penny")
                {
                    value = value.map(|v| v / 100.0);
                }
                spans.push(GoldSpan {
                    start: c2b.byte(s as usize),
                    end: c2b.byte(e as usize + 1),
                    value,
                    low,
                    high,
                });
            }
            inputs.push(Input { text, gold: Gold::Rt { spans } });
        }
        sets.insert(format!("recognizers-text/{model}"), cap(inputs));
    }
    // quantulum3.
    let mut inputs = Vec::new();
    for file in ["quantities.json", "quantities.ambiguity.json"] {
        let v = read_json(&dir.join("quantulum3").join(file))?;
        for case in v.as_array().context("a quantulum3 file is not a list")? {
            let text = case["req"].as_str().unwrap_or_default().to_string();
            let mut spans = Vec::new();
            let mut from = 0;
            for r in case["res"].as_array().into_iter().flatten() {
                let surface = r["surface"].as_str().unwrap_or_default();
                let Some(p) = text.get(from..).and_then(|t| t.find(surface)) else { continue };
                let start = from + p;
                from = start + surface.len();
                // Amounts in cents or pence compare in the main unit, as copydesk gives them.
                let minor = matches!(r["unit"].as_str(), Some("cent" | "penny" | "pence"));
                let value = r["value"].as_f64().map(|v| if minor { v / 100.0 } else { v });
                let unc = r["uncertainty"].as_f64();
                let (low, high) = match (value, unc) {
                    (Some(v), Some(u))
                        if surface.contains(" to ")
                            || surface.contains('-')
                            || surface.contains('–')
                            || surface.contains("and") =>
                    {
                        (Some(v - u), Some(v + u))
                    }
                    _ => (None, None),
                };
                spans.push(GoldSpan { start, end: from, value, low, high });
            }
            inputs.push(Input { text, gold: Gold::Quantulum { spans } });
        }
    }
    sets.insert("quantulum3".into(), cap(inputs));
    // Duckling.
    let mut inputs = Vec::new();
    for v in read_jsonl(&dir.join("duckling/duckling_en.jsonl"))? {
        let text = v["text"].as_str().unwrap_or_default().to_string();
        let dim = v["dim"].as_str().unwrap_or_default().to_string();
        if v["corpus"] == "latentCorpus" {
            let _ = writeln!(
                excluded,
                "duckling/{dim}\t{text:?}\tlatentCorpus: a bare number read as {dim} only on request"
            );
            continue;
        }
        let kind = v["kind"].as_str().unwrap_or_default().to_string();
        inputs.push(Input { text, gold: Gold::Duckling { dim, kind, row: v } });
    }
    sets.insert("duckling".into(), cap(inputs));
    Ok((sets, excluded))
}

/// Recognizers-Text spec files scored, with their model names.
const RT_MODELS: &[(&str, &str)] = &[
    ("Number/NumberModel.json", "Number"),
    ("Number/PercentModel.json", "Percent"),
    ("Number/OrdinalModel.json", "Ordinal"),
    ("Number/NumberRangeModel.json", "NumberRange"),
    ("NumberWithUnit/AgeModel.json", "Age"),
    ("NumberWithUnit/CurrencyModel.json", "Currency"),
    ("NumberWithUnit/DimensionModel.json", "Dimension"),
    ("NumberWithUnit/TemperatureModel.json", "Temperature"),
];

/// "1234.5", "100%", "end+0": the number in it.
fn rt_value(v: &str) -> Option<f64> {
    let v = v.trim_end_matches('%');
    v.parse().ok()
}

/// "[20,35)", "(30,)": a range's ends.
fn rt_range(v: &str) -> (Option<f64>, Option<f64>) {
    let Some(inner) = v.strip_prefix(['[', '(']).and_then(|v| v.strip_suffix([']', ')'])) else {
        return (None, None);
    };
    let (a, b) = inner.split_once(',').unwrap_or((inner, ""));
    (a.trim().parse().ok(), b.trim().parse().ok())
}

// ---------------------------------------------------------------- scoring

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-3 * b.abs().max(1e-12) || (a - b).abs() < 1e-9
}

fn opt_close(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => close(a, b),
        (None, None) => true,
        _ => false,
    }
}

fn score(tool: &str, sets: &Sets, preds: &BTreeMap<String, Vec<Vec<Pred>>>, report: &mut String) -> Vec<Row> {
    let mut rows = Vec::new();
    let empty = Vec::new();
    let mut rt_all = SpanTally::default();
    for (name, inputs) in sets {
        let p = preds.get(name).unwrap_or(&empty);
        let get = |i: usize| p.get(i).map(Vec::as_slice).unwrap_or(&[]);
        if name == "news_probes" {
            rows.extend(probes(tool, inputs, &get, report));
        } else if let Some(model) = name.strip_prefix("recognizers-text/") {
            let t = spans(inputs, &get, |p| rt_accepts(model, p), report, name);
            rows.extend(t.rows(&format!("numbers/{name}"), tool));
            rt_all.add(&t);
        } else if name == "quantulum3" {
            let t = spans(inputs, &get, quantulum_accepts, report, name);
            rows.extend(t.rows("numbers/quantulum3", tool));
        } else if name == "duckling" {
            rows.extend(duckling(tool, inputs, &get, report));
        }
    }
    rows.extend(rt_all.rows("numbers/recognizers-text/all", tool).into_iter().map(|r| {
        r.note("Number, Percent, Ordinal, NumberRange, Age, Currency, Dimension, Temperature; counted out: see excluded.txt")
    }));
    rows
}

/// Span and value tallies.
#[derive(Default)]
struct SpanTally {
    prf: Prf,
    values_right: usize,
}

impl SpanTally {
    fn add(&mut self, o: &SpanTally) {
        self.prf.add(o.prf);
        self.values_right += o.values_right;
    }

    fn rows(&self, dataset: &str, tool: &str) -> Vec<Row> {
        let gold = self.prf.tp + self.prf.fn_;
        vec![
            Row::new(dataset, "span F1", tool, self.prf.f1(), gold).note(format!(
                "P {:.3} R {:.3}",
                self.prf.precision(),
                self.prf.recall()
            )),
            Row::new(dataset, "value acc", tool, ratio(self.values_right, self.prf.tp), self.prf.tp)
                .note("over the gold spans found"),
        ]
    }
}

/// Which kinds of prediction a Recognizers-Text model is compared with.
fn rt_accepts(model: &str, p: &Pred) -> bool {
    let k = p.kind.as_str();
    match model {
        "Number" => matches!(
            k,
            "count"
                | "ratio"
                | "multiplier"
                | "money"
                | "percent"
                | "quantity"
                | "year"
                | "identifier"
                | "age"
                | "range"
        ),
        "Percent" => k == "percent" || p.range_of.as_deref() == Some("percent"),
        "Ordinal" => k == "ordinal",
        "NumberRange" => k == "range" || p.bound.is_some(),
        "Age" => k == "age",
        "Currency" => k == "money" || p.range_of.as_deref() == Some("money"),
        // Recognizers-Text's dimensions: length, weight, area, volume, speed,
        // information, angle...; temperatures and durations are other models.
        "Dimension" => {
            (k == "quantity" || p.range_of.as_deref() == Some("quantity"))
                && !matches!(p.dimension.as_deref(), Some("temperature" | "duration"))
        }
        "Temperature" => p.dimension.as_deref() == Some("temperature"),
        _ => false,
    }
}

/// quantulum3 reads every number (years and identifiers too), but not dates and times.
fn quantulum_accepts(p: &Pred) -> bool {
    !matches!(p.kind.as_str(), "date" | "time" | "phone" | "score" | "ordinal")
}

/// A prediction's value read the way a gold span gives it: a range's ends,
/// a bound's value as one end.
fn value_matches(g: &GoldSpan, p: &Pred) -> bool {
    if g.low.is_some() || g.high.is_some() {
        if p.kind == "range" {
            return opt_close(p.low, g.low) && opt_close(p.high, g.high)
                || g.value.is_some_and(|v| p.low.zip(p.high).is_some_and(|(l, h)| close((l + h) / 2.0, v)));
        }
        let v = p.value;
        return match p.bound.as_deref() {
            Some(">" | ">=") => opt_close(v, g.low) && g.high.is_none(),
            Some("<" | "<=") => opt_close(v, g.high) && g.low.is_none(),
            _ => g.low == g.high && opt_close(v, g.low),
        };
    }
    let Some(gv) = g.value else { return false };
    match p.kind.as_str() {
        "range" => p.low.zip(p.high).is_some_and(|(l, h)| close((l + h) / 2.0, gv)),
        _ => p.value.is_some_and(|v| close(v, gv)),
    }
}

/// Span F1 and value accuracy against gold spans, one-to-one.
fn spans<'a>(
    inputs: &[Input],
    preds: &dyn Fn(usize) -> &'a [Pred],
    accepts: impl Fn(&Pred) -> bool,
    report: &mut String,
    name: &str,
) -> SpanTally {
    let mut t = SpanTally::default();
    for (i, inp) in inputs.iter().enumerate() {
        let gold = match &inp.gold {
            Gold::Rt { spans, .. } | Gold::Quantulum { spans } => spans,
            _ => continue,
        };
        let cands: Vec<&Pred> = preds(i).iter().filter(|p| accepts(p)).collect();
        let mut used = vec![false; cands.len()];
        for g in gold {
            let hit =
                cands.iter().enumerate().position(|(j, p)| !used[j] && p.spans.contains(&(g.start, g.end)));
            match hit {
                Some(j) => {
                    used[j] = true;
                    t.prf.tp += 1;
                    if value_matches(g, cands[j]) {
                        t.values_right += 1;
                    } else {
                        let _ = writeln!(
                            report,
                            "{name}\tVALUE\t{:?}\tgold {:?}\tgot {:?}",
                            &inp.text[g.start..g.end],
                            (g.value, g.low, g.high),
                            (cands[j].value, cands[j].low, cands[j].high)
                        );
                    }
                }
                None => {
                    t.prf.fn_ += 1;
                    let _ = writeln!(
                        report,
                        "{name}\tMISS\t{:?}\tin {:?}",
                        inp.text.get(g.start..g.end).unwrap_or("?"),
                        inp.text
                    );
                }
            }
        }
        for (j, p) in cands.iter().enumerate() {
            if !used[j] {
                t.prf.fp += 1;
                let (s, e) = p.spans[0];
                let _ = writeln!(
                    report,
                    "{name}\tEXTRA\t{:?} ({})\tin {:?}",
                    inp.text.get(s..e).unwrap_or("?"),
                    p.kind,
                    inp.text
                );
            }
        }
    }
    t
}

// ---------------------------------------------------------------- probes

/// Unit names of the probes as copydesk names them.
fn probe_unit(u: &str) -> String {
    match u {
        "dollar" => "usd".into(),
        "pound sterling" => "gbp".into(),
        "euro" => "eur".into(),
        "percentage" => "percent".into(),
        "celsius" => "degree celsius".into(),
        "fahrenheit" => "degree fahrenheit".into(),
        "year of age" => "year".into(),
        other => other.into(),
    }
}

/// A noun's singular, for comparing counted nouns ("Humvees" with "humvee").
fn singular(w: &str) -> String {
    let w = w.to_lowercase();
    let last = w.rsplit(' ').next().unwrap_or(&w).to_string();
    if last == "people" { last } else { last.strip_suffix('s').unwrap_or(&last).to_string() }
}

/// A prediction read as the probes' kinds: itself, and for a ratio of two
/// counts ("8 million out of 39 million residents") its part and whole.
fn readings(p: &Pred) -> Vec<Pred> {
    let mut out = vec![p.clone()];
    if p.kind == "ratio"
        && let (Some(a), Some(b)) = (p.part, p.whole)
    {
        for v in [a, b] {
            out.push(Pred { kind: "count".into(), value: Some(v), approx: false, ..p.clone() });
        }
    }
    out
}

fn probe_matches(e: &Value, p: &Pred) -> bool {
    let kind = e["kind"].as_str().unwrap_or_default();
    let unit = e["unit"].as_str().map(probe_unit);
    let kind_ok = match kind {
        "measure" => p.kind == "quantity",
        "rate" => {
            p.kind == "money" && p.per.is_some()
                || p.kind == "quantity" && p.unit.as_deref().is_some_and(|u| u.contains(" per "))
        }
        "fraction" => p.kind == "ratio" && p.part.is_none(),
        k => p.kind == k,
    };
    if !kind_ok {
        return false;
    }
    let value_ok = match &e["value"] {
        Value::Array(a) => {
            opt_close(p.low, a.first().and_then(Value::as_f64))
                && opt_close(p.high, a.get(1).and_then(Value::as_f64))
        }
        v => v.as_f64().is_some_and(|v| p.value.is_some_and(|x| close(x, v))),
    };
    let unit_ok = match (kind, unit.as_deref()) {
        (_, None) | ("ratio", _) | ("multiplier", _) => true,
        ("count", Some("-")) => p.counted.is_none(),
        ("count", Some(u)) => p.counted.as_deref().is_some_and(|c| singular(c) == u),
        ("rate", Some(u)) => {
            let (cur, per) = u.split_once(" per ").unwrap_or((u, ""));
            let money = format!("{} per {per}", probe_unit(cur));
            p.unit.as_deref().is_some_and(|x| {
                x == u || format!("{x} per {}", singular(p.per.as_deref().unwrap_or(""))) == money
            })
        }
        (_, Some(u)) => p.unit.as_deref() == Some(u),
    };
    let approx_ok = e.get("approx").and_then(Value::as_bool).is_none_or(|a| a == p.approx);
    let bound_ok = e.get("bound").and_then(Value::as_str).is_none_or(|b| p.bound.as_deref() == Some(b));
    let change_ok = e.get("change").and_then(Value::as_str).is_none_or(|c| p.change.as_deref() == Some(c));
    value_ok && unit_ok && approx_ok && bound_ok && change_ok
}

fn probes<'a>(
    tool: &str,
    inputs: &[Input],
    preds: &dyn Fn(usize) -> &'a [Pred],
    report: &mut String,
) -> Vec<Row> {
    let mut prf = Prf::default();
    let mut right = 0;
    for (i, inp) in inputs.iter().enumerate() {
        let Gold::Probe { id, expect } = &inp.gold else { continue };
        // Only the kinds the probes speak of; years, dates, times, phone
        // numbers, scores and identifiers are set aside by design.
        let cands: Vec<&Pred> = preds(i)
            .iter()
            .filter(|p| {
                !matches!(p.kind.as_str(), "year" | "date" | "time" | "phone" | "score" | "identifier")
            })
            .collect();
        let mut used = vec![false; cands.len()];
        let mut ok = true;
        for e in expect {
            let hit = (0..cands.len()).find(|&j| {
                readings(cands[j]).iter().any(|r| probe_matches(e, r))
                    && (!used[j] || cands[j].kind == "ratio")
            });
            match hit {
                Some(j) => {
                    used[j] = true;
                    prf.tp += 1;
                }
                None => {
                    prf.fn_ += 1;
                    ok = false;
                    let _ = writeln!(report, "probes\t{id}\tMISS\t{e}");
                }
            }
        }
        for (j, p) in cands.iter().enumerate() {
            if !used[j] {
                prf.fp += 1;
                ok = false;
                let (s, e) = p.spans[0];
                let _ = writeln!(
                    report,
                    "probes\t{id}\tEXTRA\t{:?} {} {:?} {:?}",
                    inp.text.get(s..e).unwrap_or("?"),
                    p.kind,
                    p.value,
                    p.unit
                );
            }
        }
        right += ok as usize;
    }
    vec![
        Row::new("numbers/news_probes", "cases right", tool, ratio(right, inputs.len()), inputs.len())
            .note(format!("{right}/{}", inputs.len())),
        Row::new("numbers/news_probes", "F1", tool, prf.f1(), prf.tp + prf.fn_).note(format!(
            "P {:.3} R {:.3}",
            prf.precision(),
            prf.recall()
        )),
    ]
}

// ---------------------------------------------------------------- Duckling

/// Duckling's unit names in SI (distance in m, volume in m3, mass in kg,
/// durations in s), and money units as ISO codes.
fn duckling_si(unit: &str) -> Option<f64> {
    Some(match unit {
        "Metre" | "M" => 1.0,
        "Kilometre" => 1000.0,
        "Centimetre" => 0.01,
        "Millimetre" => 0.001,
        "Mile" => 1609.344,
        "Yard" => 0.9144,
        "Foot" => 0.3048,
        "Inch" => 0.0254,
        "Litre" => 0.001,
        "Millilitre" => 1e-6,
        "Hectolitre" => 0.1,
        "Gallon" => 0.003785411784,
        "Cup" => 0.0002365882365,
        "Gram" => 0.001,
        "Pound" => 0.45359237,
        "Ounce" => 0.028349523125,
        "Second" => 1.0,
        "Minute" => 60.0,
        "Hour" => 3600.0,
        "Day" => 86400.0,
        "Week" => 604800.0,
        "Month" => 2629746.0,
        "Quarter" => 3.0 * 2629746.0,
        "Year" => 31556952.0,
        _ => return None,
    })
}

/// Which predictions a Duckling dimension is compared with.
fn duckling_accepts(dim: &str, p: &Pred) -> bool {
    let k = p.kind.as_str();
    let dimension = p.dimension.as_deref().unwrap_or_default();
    let q = k == "quantity" || k == "range" && p.range_of.as_deref() == Some("quantity");
    match dim {
        "AmountOfMoney" => k == "money" || p.range_of.as_deref() == Some("money"),
        "Numeral" => matches!(k, "count" | "ratio" | "range" | "multiplier"),
        "Ordinal" => k == "ordinal",
        "Distance" => q && dimension == "length",
        "Volume" => q && dimension == "volume",
        "Quantity" => q && matches!(dimension, "mass" | "volume"),
        "Temperature" => q && dimension == "temperature",
        "Duration" => q && dimension == "duration",
        _ => false,
    }
}

fn duckling<'a>(
    tool: &str,
    inputs: &[Input],
    preds: &dyn Fn(usize) -> &'a [Pred],
    report: &mut String,
) -> Vec<Row> {
    let mut by_dim: BTreeMap<String, (Prf, usize, usize, usize)> = BTreeMap::new();
    for (i, inp) in inputs.iter().enumerate() {
        let Gold::Duckling { dim, kind, row } = &inp.gold else { continue };
        let entry = by_dim.entry(dim.clone()).or_default();
        let cands: Vec<&Pred> = preds(i).iter().filter(|p| duckling_accepts(dim, p)).collect();
        if kind == "negative" {
            entry.3 += 1;
            if cands.is_empty() {
                entry.2 += 1;
            } else {
                let _ = writeln!(report, "duckling/{dim}\tNEGATIVE\t{:?}", inp.text);
            }
            continue;
        }
        let whole = Span::new(0, inp.text.len()).trim(&inp.text);
        let hit = cands.iter().position(|p| p.spans.contains(&(whole.start, whole.end)));
        match hit {
            Some(j) => {
                entry.0.tp += 1;
                entry.0.fp += cands.len() - 1;
                if duckling_value(dim, row, cands[j]) {
                    entry.1 += 1;
                } else {
                    let _ = writeln!(
                        report,
                        "duckling/{dim}\tVALUE\t{:?}\tgold {} {} {} {}\tgot {:?} {:?} {:?} {:?}",
                        inp.text,
                        row["value"],
                        row["from"],
                        row["to"],
                        row["unit"],
                        cands[j].value,
                        cands[j].low,
                        cands[j].high,
                        cands[j].si
                    );
                }
            }
            None => {
                entry.0.fn_ += 1;
                entry.0.fp += cands.len();
                let got: Vec<String> = preds(i)
                    .iter()
                    .map(|p| {
                        format!("{}:{:?}", p.kind, inp.text.get(p.spans[0].0..p.spans[0].1).unwrap_or("?"))
                    })
                    .collect();
                let _ = writeln!(report, "duckling/{dim}\tMISS\t{:?}\tgot {}", inp.text, got.join(", "));
            }
        }
    }
    let mut rows = Vec::new();
    let mut all = (Prf::default(), 0, 0, 0);
    for (dim, (prf, values, neg_ok, neg)) in &by_dim {
        all.0.add(*prf);
        all.1 += values;
        all.2 += neg_ok;
        all.3 += neg;
        rows.push(
            Row::new(&format!("numbers/duckling/{dim}"), "span F1", tool, prf.f1(), prf.tp + prf.fn_).note(
                format!(
                    "value acc {:.3} ({values}/{}); negatives clean {neg_ok}/{neg}",
                    ratio(*values, prf.tp),
                    prf.tp
                ),
            ),
        );
    }
    let (prf, values, neg_ok, neg) = all;
    rows.push(Row::new("numbers/duckling/all", "span F1", tool, prf.f1(), prf.tp + prf.fn_).note(format!(
        "P {:.3} R {:.3}; latentCorpus counted out",
        prf.precision(),
        prf.recall()
    )));
    rows.push(
        Row::new("numbers/duckling/all", "value acc", tool, ratio(values, prf.tp), prf.tp)
            .note("over the positives found"),
    );
    rows.push(Row::new("numbers/duckling/all", "negatives clean", tool, ratio(neg_ok, neg), neg));
    rows
}

fn duckling_value(dim: &str, row: &Value, p: &Pred) -> bool {
    let unit = row["unit"].as_str().unwrap_or_default();
    let (value, from, to) = (row["value"].as_f64(), row["from"].as_f64(), row["to"].as_f64());
    // Quantities compare in SI; money and numerals as written.
    let si = duckling_si(unit).filter(|_| !matches!(dim, "AmountOfMoney" | "Numeral" | "Ordinal"));
    let conv = |v: Option<f64>| v.map(|v| v * si.unwrap_or(1.0));
    let cents = |v: Option<f64>| if unit == "Cent" { v.map(|v| v / 100.0) } else { v };
    let (pv, pl, ph) = if si.is_some() && dim != "Temperature" {
        (p.si, p.si_low, p.si_high)
    } else {
        (p.value, p.low, p.high)
    };
    let conv = |v: Option<f64>| if dim == "Temperature" { v } else { cents(conv(v)) };
    match row["kind"].as_str().unwrap_or_default() {
        "between" => opt_close(pl, conv(from)) && opt_close(ph, conv(to)),
        "above" => matches!(p.bound.as_deref(), Some(">" | ">=")) && opt_close(pv, conv(from)),
        "under" => matches!(p.bound.as_deref(), Some("<" | "<=")) && opt_close(pv, conv(to)),
        _ => opt_close(pv, conv(value)),
    }
}

// ---------------------------------------------------------------- peers

/// One peer's predictions: per data set, per input.
type PeerPreds = BTreeMap<String, Vec<Vec<Pred>>>;

/// Runs the peers over every input (cached: reruns reuse their output while
/// the inputs are unchanged) and reads their predictions.
fn peers(out: &Path, sets: &Sets, scanner: &FigureScanner) -> Result<Vec<(String, PeerPreds)>> {
    let mut si = SiTable::default();
    let request: BTreeMap<&String, Vec<&str>> =
        sets.iter().map(|(k, v)| (k, v.iter().map(|i| i.text.as_str()).collect())).collect();
    let request = serde_json::to_string(&json!({ "sets": request }))?;
    let v = crate::peers::cached_run(out, &request, PEERS, SCRIPT)?;
    let mut tools = Vec::new();
    for (tool, by_set) in v["tools"].as_object().context("peers: no tools")? {
        let mut preds = BTreeMap::new();
        for (set, inputs) in sets {
            let lists = by_set[set].as_array().with_context(|| format!("peer {tool}: no {set}"))?;
            anyhow::ensure!(
                lists.len() == inputs.len(),
                "peer {tool}: {} predictions for {} inputs of {set}",
                lists.len(),
                inputs.len()
            );
            let per_input = lists
                .iter()
                .zip(inputs)
                .map(|(l, inp)| {
                    let c2b = CharToByte::new(&inp.text);
                    l.as_array()
                        .into_iter()
                        .flatten()
                        .filter_map(|p| serde_json::from_value::<PeerPred>(p.clone()).ok())
                        .map(|p| {
                            let conv = p.unit.as_deref().and_then(|u| si.get(scanner, u));
                            let to_si =
                                |v: Option<f64>| conv.as_ref().and_then(|(f, o, _)| v.map(|v| v * f + o));
                            let dimension = p
                                .dimension
                                .filter(|d| !d.is_empty())
                                .or_else(|| conv.as_ref().map(|c| c.2.clone()));
                            Pred {
                                spans: vec![(c2b.byte(p.start), c2b.byte(p.end))],
                                si: p.si.or_else(|| to_si(p.value)),
                                si_low: to_si(p.low),
                                si_high: to_si(p.high),
                                kind: p.kind,
                                value: p.value,
                                low: p.low,
                                high: p.high,
                                unit: p.unit.map(|u| u.to_lowercase()),
                                dimension,
                                bound: p.bound,
                                range_of: p.range_of,
                                ..Pred::default()
                            }
                        })
                        .collect()
                })
                .collect();
            preds.insert(set.clone(), per_input);
        }
        tools.push((tool.clone(), preds));
    }
    Ok(tools)
}

/// SI factor, offset and dimension of a peer's unit name, read by
/// copydesk's own unit table ("1 kilometre" is 1000 m, a length), so peers'
/// quantities compare in SI too and fall in the same dimensions.
#[derive(Default)]
struct SiTable(BTreeMap<String, Option<(f64, f64, String)>>);

impl SiTable {
    fn get(&mut self, scanner: &FigureScanner, unit: &str) -> Option<(f64, f64, String)> {
        self.0
            .entry(unit.to_string())
            .or_insert_with(|| {
                let read = |v: u32| {
                    let text = format!("{v} {unit}");
                    let f = scanner.scan(&text).into_iter().next().filter(|f| f.span.start == 0)?;
                    Some((f.si_value?, f.dimension?))
                };
                let ((zero, _), (one, dim)) = (read(0)?, read(1)?);
                Some((one - zero, zero, dim.into_owned()))
            })
            .clone()
    }
}
