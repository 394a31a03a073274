//! Project tasks: `cargo xtask eval` scores every stage on the data sets in
//! `../shared/data`; see `cargo xtask --help`.

mod bench;
mod eval;
mod peers;

use std::path::PathBuf;

use anyhow::Result;
use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "xtask", about = "copydesk project tasks")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Score every stage on every data set under ../shared/data.
    Eval(eval::EvalArgs),
    /// Time copydesk and the peers on the same inputs and print one table.
    Bench(bench::BenchArgs),
}

fn main() -> Result<()> {
    let cli = Cli::parse();
    match cli.command {
        Command::Eval(args) => eval::run(&args),
        Command::Bench(args) => bench::run(&args),
    }
}

/// The workspace root (the parent of this crate's folder).
fn workspace_root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map(PathBuf::from).unwrap_or(manifest)
}

/// The shared folder beside the checkout, or `$COPYDESK_SHARED` when set.
fn shared_dir() -> PathBuf {
    match std::env::var_os("COPYDESK_SHARED") {
        Some(dir) => PathBuf::from(dir),
        None => workspace_root().join("..").join("shared"),
    }
}
