//! `cargo xtask train-text`: fits a line model for text mode, scores it
//! against the rules out of set, and with `--out FILE` writes it (the model
//! fitted on both sets) for `TextCleaner::with_line_model`.
//!
//! The pages are the clean_text evaluation's, rendered and labelled by its
//! own code ([`crate::eval::clean_text`]); each line's features are the
//! crate's (`TextCleaner::line_features`, the rules' measures and
//! decisions). The model is gradient boosting on log-loss with small
//! regression trees, fitted here (a few hundred lines of Rust, no
//! dependency): depth-limited, with a floor on the weight of a leaf, so
//! that it learns the rules' errors that recur across sites rather than
//! one site's.
//!
//! It scores, beside the rules alone: the model fitted on AEB alone and
//! scored on WCXB, and the other way round (cross-set); fitted on both and
//! scored on both (in-set); and each page cleaned by a model fitted on the
//! other folds of both sets (cross-validation). A model ships in the crate
//! only when it beats the rules cross-set and cross-validated on both sets;
//! none does yet (about +0.003 cross-validated, -0.001 to +0.000
//! cross-set, with the crate's features at the defaults here).

use std::fmt::Write as _;

use anyhow::{Context, Result};

use crate::eval::clean_text::{self, Page};
use crate::eval::{Ctx, Row};

/// Options of `cargo xtask train-text`.
#[derive(clap::Args)]
pub struct TrainArgs {
    /// Trees in the ensemble.
    #[arg(long, default_value_t = 30)]
    trees: usize,
    /// Depth of each tree (splits from root to leaf).
    #[arg(long, default_value_t = 3)]
    depth: usize,
    /// Learning rate: the share of each tree's correction that is kept.
    #[arg(long, default_value_t = 0.2)]
    rate: f64,
    /// Least summed hessian (about lines x 0.2) a leaf may hold.
    #[arg(long, default_value_t = 200.0)]
    min_leaf: f64,
    /// Each page's lines weigh (lines on the page)^-this: 0 weighs every
    /// line alike, 1 every page alike.
    #[arg(long, default_value_t = 1.0)]
    page_weight: f64,
    /// Features the trees may not split on (names, comma-separated).
    #[arg(long, value_delimiter = ',')]
    drop: Vec<String>,
    /// Write the model fitted on both sets to this file.
    #[arg(long)]
    out: Option<std::path::PathBuf>,
}

/// Folds of the cross-validation over pages.
const FOLDS: usize = 5;
/// Candidate thresholds per feature, at most this many (quantiles).
const BINS: usize = 64;
/// L2 regularisation of the leaf values.
const LAMBDA: f64 = 1.0;

/// Runs the training.
pub fn run(args: &TrainArgs) -> Result<()> {
    let data = crate::shared_dir().join("data");
    anyhow::ensure!(data.is_dir(), "no evaluation data: {} is absent", data.display());
    let out = crate::workspace_root().join("target").join("eval");
    let ctx = Ctx { data, out, peers: false, limit: None };
    let rules = copydesk_clean::TextCleaner::with_line_model(None).map_err(anyhow::Error::msg)?;
    let mut sets = Vec::new();
    for name in clean_text::DATASETS {
        let pages = clean_text::pages(&ctx, name)?;
        let samples = samples(&rules, &pages);
        eprintln!("{name}: {} pages, {} scored lines", pages.len(), samples.y.len());
        sets.push((name, pages, samples));
    }
    let names = copydesk_clean::TextCleaner::line_feature_names();
    let fit = |train: &[&Samples]| -> String {
        let joined = Samples::join(train);
        let model = Booster::fit(&joined, args);
        model.write(&names, args, joined.y.len())
    };
    let aeb_model = fit(&[&sets[0].2]);
    let wcxb_model = fit(&[&sets[1].2]);
    let both_model = fit(&[&sets[0].2, &sets[1].2]);
    let cleaner =
        |model: &str| copydesk_clean::TextCleaner::with_line_model(Some(model)).map_err(anyhow::Error::msg);
    let models = [
        ("rules alone", rules),
        ("fitted on aeb", cleaner(&aeb_model)?),
        ("fitted on wcxb", cleaner(&wcxb_model)?),
        ("fitted on both", cleaner(&both_model)?),
    ];
    let mut table = String::new();
    for (label, cleaner) in &models {
        for (name, pages, _) in &sets {
            let rows = clean_text::score_cleaner(name, label, cleaner, pages);
            let _ = writeln!(table, "{}", summary(label, name, &rows));
        }
    }
    // Each page cleaned by the model fitted on the other folds of both
    // sets (a page's fold: its index modulo FOLDS).
    let mut outputs: Vec<Vec<String>> =
        sets.iter().map(|(_, pages, _)| vec![String::new(); pages.len()]).collect();
    for fold in 0..FOLDS {
        let train: Vec<Samples> = sets.iter().map(|(_, _, s)| s.pages(|p| p % FOLDS != fold)).collect();
        let cleaner = cleaner(&fit(&train.iter().collect::<Vec<_>>()))?;
        for ((_, pages, _), out) in sets.iter().zip(&mut outputs) {
            for (i, page) in pages.iter().enumerate().filter(|(i, _)| i % FOLDS == fold) {
                out[i] = cleaner.clean(page.text()).text;
            }
        }
    }
    let label = format!("{FOLDS}-fold");
    for ((name, pages, _), out) in sets.iter().zip(&outputs) {
        let rows = clean_text::score_rows(name, &label, pages, out, "");
        let _ = writeln!(table, "{}", summary(&label, name, &rows));
    }
    println!("{table}");
    let Some(path) = &args.out else { return Ok(()) };
    let header: String = table.lines().map(|l| format!("#   {l}\n")).collect();
    let text =
        both_model.replacen("# Scores:\n", &format!("# Scores (line P/R/F1, page-mean F1):\n{header}"), 1);
    std::fs::write(path, text).with_context(|| format!("writing {}", path.display()))?;
    println!("written to {}", path.display());
    Ok(())
}

/// One line of the score table.
fn summary(label: &str, dataset: &str, rows: &[Row]) -> String {
    let value = |metric: &str| rows.iter().find(|r| r.metric == metric).map_or(f64::NAN, |r| r.value);
    format!(
        "{label:15} on {dataset:18} P {:.4}  R {:.4}  F1 {:.4}  page-mean F1 {:.4}",
        value("line precision"),
        value("line recall"),
        value("line F1"),
        value("page-mean line F1")
    )
}

/// The scored lines of some pages: features (row-major) and labels.
#[derive(Default)]
struct Samples {
    x: Vec<f32>,
    y: Vec<bool>,
    /// The number of scored lines on each line's page.
    page_lines: Vec<u32>,
    /// Each line's page, by its index in its data set.
    page: Vec<usize>,
}

impl Samples {
    fn join(parts: &[&Samples]) -> Samples {
        let mut all = Samples::default();
        for p in parts {
            all.x.extend_from_slice(&p.x);
            all.y.extend_from_slice(&p.y);
            all.page_lines.extend_from_slice(&p.page_lines);
            all.page.extend_from_slice(&p.page);
        }
        all
    }

    /// The lines of the pages `keep` accepts.
    fn pages(&self, keep: impl Fn(usize) -> bool) -> Samples {
        let width = self.x.len() / self.y.len().max(1);
        let mut out = Samples::default();
        for i in (0..self.y.len()).filter(|&i| keep(self.page[i])) {
            out.x.extend_from_slice(self.row(i, width));
            out.y.push(self.y[i]);
            out.page_lines.push(self.page_lines[i]);
            out.page.push(self.page[i]);
        }
        out
    }

    fn row(&self, i: usize, width: usize) -> &[f32] {
        &self.x[i * width..(i + 1) * width]
    }
}

/// Every scored line of `pages`, with the features the crate computes and
/// the label the evaluation gives. A line of the crate (non-blank, trimmed)
/// is matched to the rendered line holding its first byte.
fn samples(cleaner: &copydesk_clean::TextCleaner, pages: &[Page]) -> Samples {
    let mut out = Samples::default();
    for (p, page) in pages.iter().enumerate() {
        let text = page.text();
        let labels = page.labels();
        // Byte offset where each line of `text.lines()` starts.
        let starts: Vec<usize> =
            std::iter::once(0).chain(text.match_indices('\n').map(|(at, _)| at + 1)).collect();
        let before = out.y.len();
        for line in cleaner.line_features(text) {
            let index = starts.partition_point(|&s| s <= line.start) - 1;
            if let Some(Some(label)) = labels.get(index) {
                out.x.extend_from_slice(&line.values);
                out.y.push(*label);
            }
        }
        let scored = u32::try_from(out.y.len() - before).unwrap_or(u32::MAX);
        out.page_lines.resize(out.y.len(), scored);
        out.page.resize(out.y.len(), p);
    }
    out
}

/// A node of a tree being fitted.
enum Node {
    Split { feature: usize, threshold: f32, left: usize, right: usize },
    Leaf(f64),
}

/// A fitted ensemble.
struct Booster {
    base: f64,
    trees: Vec<Vec<Node>>,
}

impl Booster {
    /// Fits trees on `data` by gradient boosting on log-loss, with the
    /// candidate thresholds of each feature at its quantiles.
    fn fit(data: &Samples, args: &TrainArgs) -> Booster {
        let n = data.y.len();
        let width = data.x.len() / n.max(1);
        let cuts: Vec<Vec<f32>> = (0..width).map(|f| cuts(data, f, width)).collect();
        let names = copydesk_clean::TextCleaner::line_feature_names();
        let usable: Vec<bool> = names.iter().map(|n| !args.drop.contains(n)).collect();
        // Each line's bin per feature: the number of cuts below its value.
        let bins: Vec<u8> = (0..n)
            .flat_map(|i| {
                let row = data.row(i, width);
                let cuts = &cuts;
                (0..width).map(move |f| cuts[f].partition_point(|&c| c < row[f]) as u8)
            })
            .collect();
        let positives = data.y.iter().filter(|&&y| y).count() as f64;
        let prior = (positives / n as f64).clamp(1e-6, 1.0 - 1e-6);
        let base = (prior / (1.0 - prior)).ln();
        // Each line's weight, a mean of 1 over all lines.
        let weight: Vec<f64> =
            data.page_lines.iter().map(|&l| f64::from(l).powf(-args.page_weight)).collect();
        let mean = weight.iter().sum::<f64>() / n.max(1) as f64;
        let mut score = vec![base; n];
        let mut trees = Vec::new();
        for _ in 0..args.trees {
            let grad: Vec<(f64, f64)> = score
                .iter()
                .zip(&data.y)
                .zip(&weight)
                .map(|((&s, &y), &w)| {
                    let p = 1.0 / (1.0 + (-s).exp());
                    let w = w / mean;
                    (w * (p - f64::from(u8::from(y))), w * (p * (1.0 - p)).max(1e-9))
                })
                .collect();
            let mut tree = Vec::new();
            let all: Vec<usize> = (0..n).collect();
            grow(
                &mut tree,
                &all,
                0,
                &Grower { bins: &bins, width, cuts: &cuts, grad: &grad, args, usable: &usable },
            );
            for (i, s) in score.iter_mut().enumerate() {
                *s += predict(&tree, |f| bins[i * width + f], &cuts);
            }
            trees.push(tree);
        }
        Booster { base, trees }
    }

    /// The model file's text.
    fn write(&self, names: &[String], args: &TrainArgs, lines: usize) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "# Text mode's line model: gradient-boosted regression trees on log-loss, {} trees of\n\
             # depth {}, learning rate {}, leaves of summed hessian {} or more, thresholds at {} quantiles\n\
             # per feature; a line is story when base + the trees' leaves > 0. Fitted by\n\
             # `cargo xtask train-text` on the {lines} scored lines of the AEB and WCXB dev pages\n\
             # rendered to text and labelled as `cargo xtask eval --stage clean_text` labels them;\n\
             # the features are the crate's (src/text/model.rs), on the line and its neighbours.\n\
             # Scores:",
            args.trees, args.depth, args.rate, args.min_leaf, BINS
        );
        let _ = writeln!(out, "features {}", names.join(" "));
        let _ = writeln!(out, "base {}", self.base as f32);
        for tree in &self.trees {
            let _ = writeln!(out, "tree");
            for node in tree {
                let _ = match node {
                    Node::Split { feature, threshold, left, right } => {
                        writeln!(out, "split {feature} {threshold} {left} {right}")
                    }
                    Node::Leaf(v) => writeln!(out, "leaf {}", *v as f32),
                };
            }
        }
        out
    }
}

/// What growing a tree reads.
struct Grower<'a> {
    bins: &'a [u8],
    width: usize,
    cuts: &'a [Vec<f32>],
    grad: &'a [(f64, f64)],
    args: &'a TrainArgs,
    /// Per feature: not left out by `--drop`.
    usable: &'a [bool],
}

/// Grows the subtree over lines `rows` at `depth` into `tree` (nodes in
/// pre-order, so children always come after their parent) and returns its
/// root's index.
fn grow(tree: &mut Vec<Node>, rows: &[usize], depth: usize, g: &Grower<'_>) -> usize {
    let (sum_g, sum_h) = rows.iter().fold((0.0, 0.0), |(a, b), &i| (a + g.grad[i].0, b + g.grad[i].1));
    let at = tree.len();
    tree.push(Node::Leaf(-g.args.rate * sum_g / (sum_h + LAMBDA)));
    if depth >= g.args.depth {
        return at;
    }
    let parent = sum_g * sum_g / (sum_h + LAMBDA);
    // The best split: (gain, feature, bin) with bins 0..=bin on the left.
    let mut best: Option<(f64, usize, usize)> = None;
    // Per feature, the gradient and hessian summed per bin, in one pass
    // over the lines.
    let stride = BINS + 1;
    let mut hist = vec![(0.0f64, 0.0f64); g.width * stride];
    for &i in rows {
        let (gi, hi) = g.grad[i];
        for (f, &b) in g.bins[i * g.width..(i + 1) * g.width].iter().enumerate() {
            let h = &mut hist[f * stride + usize::from(b)];
            h.0 += gi;
            h.1 += hi;
        }
    }
    for f in (0..g.width).filter(|&f| g.usable[f]) {
        let (mut lg, mut lh) = (0.0, 0.0);
        for (b, &(hg, hh)) in hist[f * stride..].iter().enumerate().take(g.cuts[f].len()) {
            lg += hg;
            lh += hh;
            let (rg, rh) = (sum_g - lg, sum_h - lh);
            if lh < g.args.min_leaf || rh < g.args.min_leaf {
                continue;
            }
            let gain = lg * lg / (lh + LAMBDA) + rg * rg / (rh + LAMBDA) - parent;
            if best.is_none_or(|(bg, _, _)| gain > bg) {
                best = Some((gain, f, b));
            }
        }
    }
    let Some((gain, feature, bin)) = best else { return at };
    if gain <= 0.0 {
        return at;
    }
    let (left_rows, right_rows): (Vec<usize>, Vec<usize>) =
        rows.iter().partition(|&&i| usize::from(g.bins[i * g.width + feature]) <= bin);
    let left = grow(tree, &left_rows, depth + 1, g);
    let right = grow(tree, &right_rows, depth + 1, g);
    tree[at] = Node::Split { feature, threshold: g.cuts[feature][bin], left, right };
    at
}

/// A tree's value for a line whose bin per feature `bin` gives.
fn predict(tree: &[Node], bin: impl Fn(usize) -> u8, cuts: &[Vec<f32>]) -> f64 {
    let mut at = 0;
    loop {
        match tree[at] {
            Node::Leaf(v) => return v,
            Node::Split { feature, threshold, left, right } => {
                let below = cuts[feature].get(usize::from(bin(feature))).is_some_and(|&c| c <= threshold);
                at = if below { left } else { right };
            }
        }
    }
}

/// The candidate thresholds of feature `f`: its distinct values when few,
/// else its quantiles. A value at most cut `k` falls in bin `k` or below.
fn cuts(data: &Samples, f: usize, width: usize) -> Vec<f32> {
    let mut values: Vec<f32> = (0..data.y.len()).map(|i| data.x[i * width + f]).collect();
    values.sort_by(f32::total_cmp);
    values.dedup();
    if values.len() > BINS {
        values = (1..=BINS).map(|k| values[(k * (values.len() - 1)) / BINS]).collect();
        values.dedup();
    }
    values
}
