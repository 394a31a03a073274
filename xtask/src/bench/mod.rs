//! `cargo xtask bench`: copydesk against the peers, on the same inputs, in
//! one run.
//!
//! The Rust half is the `copydesk-bench` binary of the benches crate: it
//! loads the input sets (from `../shared/data`, else the bundled corpus),
//! checks copydesk's output on each, times copydesk, the Rust peers and the
//! physical bounds, writes the sets out for the Python half, and times the
//! release `copydesk` binary end to end on the HTML pages (built first by
//! this module). The Python half, `xtask/peers/bench_peers.py`, times the
//! Python peers from a venv under `target/` on the same documents, and
//! copydesk's own Python package (built from this tree into that venv)
//! against trafilatura. This module runs both, works out speeds and ratios,
//! prints one table and writes it to `target/bench/bench.json` and (on a
//! full run with the peers) to README.md between the `bench:start` and
//! `bench:end` markers.

mod claims;
mod machine;
mod readme;
mod table;

use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::{Context, Result, bail};

use table::Row;

/// Options of `cargo xtask bench`.
#[derive(clap::Args)]
pub struct BenchArgs {
    /// A smaller run (a few MB of input, fewer repetitions); README.md is
    /// left alone.
    #[arg(long)]
    quick: bool,
    /// Skip the Python peers (and copydesk from Python); README.md is left
    /// alone.
    #[arg(long)]
    no_peers: bool,
    /// Time nothing: print the last run's table again (and rewrite its
    /// outputs) from `target/bench/rows.json` and `run.json`.
    #[arg(long)]
    no_run: bool,
}

/// What a run was: where and when, and whether the Python half ran.
#[derive(serde::Deserialize, serde::Serialize)]
struct RunInfo {
    machine: machine::Machine,
    peers: bool,
}

/// Runs the benchmarks and prints the table.
pub fn run(args: &BenchArgs) -> Result<()> {
    let out = crate::workspace_root().join("target").join("bench");
    std::fs::create_dir_all(&out)?;
    let inputs = out.join("inputs");
    let all_rows = out.join("rows.json");
    let run_info = out.join("run.json");
    let (rows, info): (Vec<Row>, RunInfo) = if args.no_run {
        (read_json(&all_rows)?, read_json(&run_info)?)
    } else {
        let info = RunInfo { machine: machine::Machine::here(), peers: !args.no_peers };
        let mut rows = rust_rows(&out, &inputs, args.quick)?;
        if info.peers {
            rows.extend(python_rows(&out, &inputs, args.quick)?);
        }
        std::fs::write(&all_rows, serde_json::to_string_pretty(&rows)?)?;
        std::fs::write(&run_info, serde_json::to_string_pretty(&info)?)?;
        (rows, info)
    };
    let manifest: serde_json::Value = read_json(&inputs.join("manifest.json"))?;
    let quick = manifest["size"] == "small";
    let table = table::Table::new(rows, manifest, info.machine);
    println!("{}", table.text());
    std::fs::write(out.join("bench.json"), serde_json::to_string_pretty(&table.json())?)?;
    eprintln!("wrote {}", out.join("bench.json").display());
    // The README gets full runs with every peer only.
    if !quick && info.peers {
        let path = crate::workspace_root().join("README.md");
        readme::replace_section(&path, &table.markdown())?;
        eprintln!("updated the performance section of {}", path.display());
    }
    let failed = table.failures();
    if !failed.is_empty() {
        bail!("copydesk did not run cleanly:\n  {}", failed.join("\n  "));
    }
    Ok(())
}

fn cargo() -> Command {
    Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

/// Times copydesk, the Rust peers and the bounds (one thread), and the
/// `copydesk` binary end to end.
fn rust_rows(out: &Path, inputs: &Path, quick: bool) -> Result<Vec<Row>> {
    let binary = build_binary()?;
    let rows = out.join("rust.json");
    let mut cmd = cargo();
    cmd.args(["run", "--release", "--package", "copydesk-benches", "--bin", "copydesk-bench", "--"])
        .arg("--out")
        .arg(&rows)
        .arg("--inputs")
        .arg(inputs)
        .arg("--binary")
        .arg(&binary)
        .env("RAYON_NUM_THREADS", "1");
    if quick {
        cmd.arg("--quick");
    }
    let status = cmd.status().context("starting copydesk-bench")?;
    if !status.success() {
        bail!("copydesk-bench exited with {status}");
    }
    read_json(&rows)
}

/// Builds the release `copydesk` binary and returns its path.
fn build_binary() -> Result<PathBuf> {
    let output = cargo()
        .args(["build", "--release", "--package", "copydesk", "--bin", "copydesk"])
        .arg("--message-format=json-render-diagnostics")
        .stderr(Stdio::inherit())
        .output()
        .context("starting cargo build")?;
    if !output.status.success() {
        bail!("building the copydesk binary: cargo exited with {}", output.status);
    }
    let messages = String::from_utf8_lossy(&output.stdout);
    let executable = messages
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .find_map(|m| {
            let ours = m["reason"] == "compiler-artifact" && m["target"]["name"] == "copydesk";
            ours.then(|| m["executable"].as_str().map(PathBuf::from)).flatten()
        });
    executable.context("cargo build named no copydesk executable")
}

/// Installs each Python peer on its own (one that fails to install gets a
/// row saying so), and copydesk's Python package for the tools that call
/// it, and times those that installed.
fn python_rows(out: &Path, inputs: &Path, quick: bool) -> Result<Vec<Row>> {
    let py = crate::peers::python(&[])?;
    let listed = out.join("python-requirements.json");
    crate::peers::run_script(&py, "bench_peers.py", &[OsStr::new("requirements"), listed.as_os_str()])?;
    let listed: Vec<Listed> = read_json(&listed)?;
    // Each tool's requirements, the stages it runs on, and whether it
    // needs copydesk's package.
    let mut tools: BTreeMap<&str, (Vec<&str>, Vec<&str>, bool)> = BTreeMap::new();
    for entry in &listed {
        let (reqs, stages, wheel) = tools.entry(&entry.tool).or_default();
        reqs.extend(
            entry.requires.iter().map(String::as_str).filter(|r| !reqs.contains(r)).collect::<Vec<_>>(),
        );
        stages.push(&entry.stage);
        *wheel |= entry.wheel;
    }
    let mut installed = Vec::new();
    let mut rows = Vec::new();
    // Built once, for the first tool that needs it.
    let mut package: Option<Result<(), String>> = None;
    for (tool, (reqs, stages, wheel)) in &tools {
        let ready = crate::peers::python(reqs).and_then(|py| {
            if *wheel {
                let built = package.get_or_insert_with(|| {
                    crate::peers::install_copydesk(&py).map_err(|e| format!("the copydesk package: {e:#}"))
                });
                built.clone().map_err(anyhow::Error::msg)?;
            }
            Ok(())
        });
        match ready {
            Ok(()) => installed.push(*tool),
            Err(e) => {
                let why = format!("does not install ({}): {e:#}", reqs.join(" "));
                // copydesk's own package failing to build is copydesk's failure.
                let kind = if *wheel { "copydesk" } else { "python_peer" };
                rows.extend(stages.iter().map(|stage| Row::not_installed(stage, tool, kind, &why)));
            }
        }
    }
    let timed = out.join("python.json");
    let only = installed.join(",");
    let mut args = vec![
        OsStr::new("time"),
        inputs.as_os_str(),
        timed.as_os_str(),
        OsStr::new("--only"),
        OsStr::new(&only),
    ];
    if quick {
        args.push(OsStr::new("--quick"));
    }
    crate::peers::run_script(&py, "bench_peers.py", &args)?;
    rows.extend(read_json::<Vec<Row>>(&timed)?);
    Ok(rows)
}

/// A Python peer and what it needs, as `bench_peers.py requirements`
/// lists it.
#[derive(serde::Deserialize)]
struct Listed {
    stage: String,
    tool: String,
    requires: Vec<String>,
    /// Whether it calls copydesk's Python package.
    wheel: bool,
}

fn read_json<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T> {
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    serde_json::from_slice(&bytes).with_context(|| format!("parsing {}", path.display()))
}
