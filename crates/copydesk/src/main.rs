//! The `copydesk` binary: reads pages from files, folders, WARC archives or
//! stdin and writes one JSON object per document (JSON Lines). See
//! `copydesk --help`.

mod args;
mod http;
mod inputs;
mod output;
mod progress;
mod run;
mod warc;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = args::Args::parse();
    match run::run(&args) {
        Ok(counts) if counts.errors == 0 => ExitCode::SUCCESS,
        Ok(_) => ExitCode::from(1),
        Err(e) => {
            eprintln!("copydesk: {e:#}");
            ExitCode::from(2)
        }
    }
}
