//! `cargo xtask eval`: scores each stage on the data sets in `../shared/data`
//! with each data set's own metric, and prints one table.
//!
//! Each stage has its own module here; a module returns [`Row`]s, one per
//! (data set, metric, tool). Peers' predictions, when asked for with
//! `--peers`, are produced by the scripts under `xtask/peers/` and scored by
//! the same Rust code as copydesk's, so the figures are comparable.

mod clean;
mod clean_text;
mod numbers;
mod quotes;
mod segment;
pub mod util;

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde::Serialize;

/// Options of `cargo xtask eval`.
#[derive(clap::Args)]
pub struct EvalArgs {
    /// Only these stages (clean, segment, numbers, quotes); all when empty.
    #[arg(long, value_delimiter = ',')]
    stage: Vec<String>,
    /// Also score the peers (installs them into a venv under target/).
    #[arg(long)]
    peers: bool,
    /// Score at most this many documents per data set (quick runs).
    #[arg(long)]
    limit: Option<usize>,
}

/// What a stage's scorer needs to know.
pub struct Ctx {
    /// `../shared/data`.
    pub data: PathBuf,
    /// `target/eval`, where outputs and peers' predictions go.
    pub out: PathBuf,
    /// Score the peers too.
    pub peers: bool,
    /// At most this many documents per data set.
    pub limit: Option<usize>,
}

/// One figure of the table.
#[derive(Clone, Debug, Serialize)]
pub struct Row {
    /// Data set, e.g. `segment/golden_rules_en`.
    pub dataset: String,
    /// Metric, e.g. `F1` or `passed`.
    pub metric: String,
    /// `copydesk` or the peer's name.
    pub tool: String,
    /// The figure.
    pub value: f64,
    /// How many items it was computed over.
    pub n: usize,
    /// Anything a reader needs to read the figure right.
    pub note: String,
}

impl Row {
    /// A row with no note.
    pub fn new(dataset: &str, metric: &str, tool: &str, value: f64, n: usize) -> Row {
        Row {
            dataset: dataset.to_string(),
            metric: metric.to_string(),
            tool: tool.to_string(),
            value,
            n,
            note: String::new(),
        }
    }

    /// The same row with a note.
    pub fn note(mut self, note: impl Into<String>) -> Row {
        self.note = note.into();
        self
    }
}

type Stage = fn(&Ctx) -> Result<Vec<Row>>;

const STAGES: &[(&str, Stage)] = &[
    ("clean", clean::run),
    ("clean_text", clean_text::run),
    ("segment", segment::run),
    ("numbers", numbers::run),
    ("quotes", quotes::run),
];

/// Runs the evaluation.
pub fn run(args: &EvalArgs) -> Result<()> {
    let data = crate::shared_dir().join("data");
    if !data.is_dir() {
        println!(
            "no evaluation data: {} is absent (clone the project beside `shared/`, or set COPYDESK_SHARED); nothing to score",
            data.display()
        );
        return Ok(());
    }
    let out = crate::workspace_root().join("target").join("eval");
    std::fs::create_dir_all(&out).with_context(|| format!("creating {}", out.display()))?;
    let ctx = Ctx { data, out: out.clone(), peers: args.peers, limit: args.limit };
    let mut rows = Vec::new();
    let mut failed = Vec::new();
    for (name, stage) in STAGES {
        if !args.stage.is_empty() && !args.stage.iter().any(|s| s == name) {
            continue;
        }
        let started = std::time::Instant::now();
        match stage(&ctx) {
            Ok(mut r) => rows.append(&mut r),
            Err(e) => {
                eprintln!("eval {name}: {e:#}");
                failed.push(*name);
            }
        }
        eprintln!("eval {name}: {:.1}s", started.elapsed().as_secs_f64());
    }
    print_table(&rows);
    write_json(&out.join("eval.json"), &rows)?;
    println!("\nwritten to {}", out.join("eval.json").display());
    if !failed.is_empty() {
        anyhow::bail!("stages that could not be scored: {}", failed.join(", "));
    }
    Ok(())
}

fn print_table(rows: &[Row]) {
    let w_ds = rows.iter().map(|r| r.dataset.len()).max().unwrap_or(7).max(7);
    let w_m = rows.iter().map(|r| r.metric.len()).max().unwrap_or(6).max(6);
    let w_t = rows.iter().map(|r| r.tool.len()).max().unwrap_or(4).max(4);
    println!("{:w_ds$}  {:w_m$}  {:w_t$}  {:>9}  {:>7}  note", "dataset", "metric", "tool", "value", "n");
    println!("{}", "-".repeat(w_ds + w_m + w_t + 30));
    for r in rows {
        let value = if r.value.fract() == 0.0 && r.value.abs() >= 1.0 {
            format!("{:.0}", r.value)
        } else {
            format!("{:.4}", r.value)
        };
        println!(
            "{:w_ds$}  {:w_m$}  {:w_t$}  {:>9}  {:>7}  {}",
            r.dataset, r.metric, r.tool, value, r.n, r.note
        );
    }
}

fn write_json(path: &Path, rows: &[Row]) -> Result<()> {
    let json = serde_json::to_string_pretty(rows)?;
    std::fs::write(path, json).with_context(|| format!("writing {}", path.display()))
}
