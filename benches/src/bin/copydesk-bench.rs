//! Times copydesk, the Rust peers and the bounds on every stage, and the
//! `copydesk` binary end to end, and writes the rows as JSON: the Rust half
//! of `cargo xtask bench`.

use std::path::PathBuf;

use anyhow::Result;
use clap::Parser;
use copydesk_benches::binary;
use copydesk_benches::contenders::{self, Contender};
use copydesk_benches::inputs::{PAGES, Set};
use copydesk_benches::timing::{self, Budget, Row};
use copydesk_benches::{Inputs, Kind, Size, Stage, Tools, checks};

#[derive(Parser)]
#[command(about = "Time copydesk, the Rust peers and the bounds on every stage")]
struct Args {
    /// Smaller inputs and fewer runs.
    #[arg(long)]
    quick: bool,
    /// Also write the input sets here, for the Python peers.
    #[arg(long)]
    inputs: Option<PathBuf>,
    /// Also time this `copydesk` binary (a release build) end to end on the
    /// HTML pages, written as files under the inputs folder.
    #[arg(long, requires = "inputs")]
    binary: Option<PathBuf>,
    /// Where to write the rows (JSON).
    #[arg(long)]
    out: PathBuf,
}

fn main() -> Result<()> {
    let args = Args::parse();
    let (size, budget) = if args.quick { (Size::Small, Budget::QUICK) } else { (Size::Large, Budget::FULL) };
    let inputs = Inputs::load(size)?;
    if let Some(dir) = &args.inputs {
        inputs.write(dir, size)?;
    }
    let tools = Tools::new();
    let mut rows = Vec::new();
    for stage in Stage::ALL {
        rows.extend(stage_rows(stage, &tools, stage.input(&inputs), size, budget));
    }
    if let (Some(binary), Some(dir)) = (&args.binary, &args.inputs) {
        let scratch = args.out.parent().unwrap_or(dir);
        let timed = binary::rows(binary, &dir.join(PAGES), &inputs.html, scratch, budget);
        report(&timed);
        rows.extend(timed);
    }
    std::fs::write(&args.out, serde_json::to_string_pretty(&rows)?)?;
    Ok(())
}

/// One line per row on stderr, as the run goes.
fn report(rows: &[Row]) {
    for row in rows {
        let speed = row.secs.map(|s| format!("{:.1} MB/s", row.bytes as f64 / s / 1e6));
        let what = speed.or_else(|| row.error.clone()).unwrap_or_default();
        let threads = match row.threads {
            Some(1) => " (1 thread)".to_string(),
            Some(n) => format!(" ({n} threads)"),
            None => String::new(),
        };
        eprintln!(
            "{:<10} {:<20} {:<6} {:>5} docs {:>10} bytes: {what}{threads}",
            row.stage, row.tool, row.tier, row.docs, row.bytes
        );
    }
}

/// Checks copydesk's output on `stage`, then times its contenders in turns:
/// each on the whole set, and copydesk also on the prefixes the slow Python
/// peers run on, so every ratio compares the same input. A broken path
/// gets no speed, only a row saying what is wrong.
fn stage_rows(stage: Stage, tools: &Tools, set: &Set, size: Size, budget: Budget) -> Vec<Row> {
    let check = checks::verify(stage, tools, set);
    match &check {
        Ok(summary) => eprintln!("{}: copydesk's output checks out: {summary}", stage.name()),
        Err(why) => eprintln!("{}: copydesk's output CHECK FAILED: {why}", stage.name()),
    }
    let mut jobs: Vec<(&Contender, &'static str, Set)> = Vec::new();
    for contender in contenders::of(stage) {
        jobs.push((contender, "all", set.clone()));
        if contender.kind == Kind::Copydesk {
            jobs.extend(size.tiers().map(|(tier, limit)| (contender, tier, set.prefix(limit))));
        }
    }
    let mut rows: Vec<Row> = jobs.iter().map(|(c, tier, set)| row(c, tier, set)).collect();
    if let Err(why) = &check {
        for (row, (c, _, _)) in rows.iter_mut().zip(&jobs) {
            if c.kind == Kind::Copydesk {
                row.error = Some(format!("output check failed: {why}"));
            }
        }
    }
    let timed: Vec<usize> = (0..jobs.len()).filter(|&i| rows[i].error.is_none()).collect();
    let runs: Vec<Box<dyn Fn() -> usize + '_>> = timed
        .iter()
        .map(|&i| {
            let (contender, _, set) = &jobs[i];
            Box::new(move || contender.run(tools, set)) as Box<dyn Fn() -> usize>
        })
        .collect();
    let runs: Vec<&dyn Fn() -> usize> = runs.iter().map(|b| b.as_ref()).collect();
    for (&i, found) in timed.iter().zip(timing::medians(budget, &runs)) {
        let row = &mut rows[i];
        match found {
            Some(t) => (row.secs, row.runs, row.output) = (Some(t.median.as_secs_f64()), t.runs, t.output),
            None => row.error = Some("panicked (message above on stderr)".into()),
        }
        // A peer or bound that does nothing would look fast.
        if row.kind != Kind::Copydesk && row.secs.is_some() && row.output == 0 {
            row.error = Some("produced no output".into());
        }
    }
    report(&rows);
    rows
}

fn row(contender: &Contender, tier: &'static str, set: &Set) -> Row {
    Row::untimed(contender.stage.name(), contender.tool, contender.kind, set, tier)
}
