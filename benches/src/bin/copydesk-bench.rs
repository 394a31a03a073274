//! Times copydesk, the Rust peers and the bounds on every stage and writes
//! the rows as JSON: the Rust half of `cargo xtask bench`.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;

use anyhow::Result;
use clap::Parser;
use copydesk_benches::contenders::{self, Contender};
use copydesk_benches::inputs::Set;
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
        let set = stage.input(&inputs);
        let check = checks::verify(stage, &tools, set);
        match &check {
            Ok(summary) => eprintln!("{}: copydesk's output checks out: {summary}", stage.name()),
            Err(why) => eprintln!("{}: copydesk's output CHECK FAILED: {why}", stage.name()),
        }
        for contender in contenders::of(stage) {
            let failed = check.as_ref().err().filter(|_| contender.kind == Kind::Copydesk);
            rows.push(time(contender, &tools, set, "all", budget, failed));
            // copydesk also runs on the prefixes the slow peers run on, so
            // every ratio compares the same input.
            if contender.kind == Kind::Copydesk {
                for (tier, limit) in size.tiers() {
                    rows.push(time(contender, &tools, &set.prefix(limit), tier, budget, failed));
                }
            }
        }
    }
    std::fs::write(&args.out, serde_json::to_string_pretty(&rows)?)?;
    Ok(())
}

/// Times `contender` on `set`, unless its output check `failed`: a broken
/// path gets no speed. A contender that panics gets a row saying so.
fn time(
    contender: &Contender,
    tools: &Tools,
    set: &Set,
    tier: &'static str,
    budget: Budget,
    failed: Option<&String>,
) -> Row {
    let mut row = Row {
        stage: contender.stage.name(),
        tool: contender.tool,
        kind: contender.kind,
        set: set.name,
        tier,
        docs: set.docs.len(),
        bytes: set.bytes(),
        secs: None,
        runs: 0,
        output: 0,
        error: failed.map(|why| format!("output check failed: {why}")),
    };
    if row.error.is_none() {
        let mut output = 0;
        match catch_unwind(AssertUnwindSafe(|| {
            timing::median(budget, || {
                output = contender.run(tools, set);
                output
            })
        })) {
            Ok((secs, runs)) => (row.secs, row.runs, row.output) = (Some(secs.as_secs_f64()), runs, output),
            Err(_) => row.error = Some("panicked (message above on stderr)".into()),
        }
    }
    eprintln!(
        "{:<10} {:<20} {:<6} {:>5} docs {:>10} bytes: {}",
        row.stage,
        row.tool,
        row.tier,
        row.docs,
        row.bytes,
        row.secs.map_or_else(
            || row.error.clone().unwrap_or_default(),
            |s| format!("{:.1} MB/s", row.bytes as f64 / s / 1e6)
        )
    );
    row
}
