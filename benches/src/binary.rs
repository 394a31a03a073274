//! The `copydesk` binary end to end, as a user runs it on a folder of saved
//! pages: process start-up, listing and reading the files, every stage, and
//! JSON Lines written to a file. It runs on the HTML pages that
//! [`Inputs::write`](crate::Inputs::write) puts in a folder, with one worker
//! thread (`-j 1`) and with its default (every core), the two timed in turns
//! so that other work on the machine slows both alike.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use crate::Kind;
use crate::checks;
use crate::inputs::Set;
use crate::timing::{self, Budget, Row};

/// The stage's name in the table.
pub const STAGE: &str = "binary";

/// One way of running the binary.
struct Run {
    /// `-j` to pass, or none for the default (every core).
    threads: Option<usize>,
    /// Where it writes its records.
    out: PathBuf,
}

impl Run {
    fn command(&self, binary: &Path, pages: &Path) -> Command {
        let mut cmd = Command::new(binary);
        cmd.arg("-q").arg("-o").arg(&self.out);
        if let Some(n) = self.threads {
            cmd.arg("-j").arg(n.to_string());
        }
        // Rayon's variable would override the default being measured.
        cmd.arg(pages).env_remove("RAYON_NUM_THREADS").stdin(Stdio::null());
        cmd
    }

    /// Runs the binary once and returns the size of what it wrote; panics
    /// when it fails (exit code 1 only says some pages yielded error
    /// records, which [`checks::records`] accounts for).
    fn once(&self, binary: &Path, pages: &Path) -> usize {
        let status = self.command(binary, pages).stdout(Stdio::null()).stderr(Stdio::null()).status();
        match status {
            Ok(s) if matches!(s.code(), Some(0 | 1)) => {
                std::fs::metadata(&self.out).map_or(0, |m| m.len() as usize)
            }
            Ok(s) => panic!("{} exited with {s}", binary.display()),
            Err(e) => panic!("starting {}: {e}", binary.display()),
        }
    }
}

/// Checks the binary's records on `set` (written as files into `pages`),
/// then times it with one thread and with every core (when the machine has
/// more than one), writing its output into `scratch`.
pub fn rows(binary: &Path, pages: &Path, set: &Set, scratch: &Path, budget: Budget) -> Vec<Row> {
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let mut runs = vec![Run { threads: Some(1), out: scratch.join("binary-1-thread.jsonl") }];
    if cores > 1 {
        runs.push(Run { threads: None, out: scratch.join("binary-all-cores.jsonl") });
    }
    let mut rows: Vec<Row> = runs
        .iter()
        .map(|run| {
            let kind = if run.threads == Some(1) { Kind::Copydesk } else { Kind::Parallel };
            Row {
                threads: Some(run.threads.unwrap_or(cores)),
                ..Row::untimed(STAGE, "copydesk binary", kind, set, "all")
            }
        })
        .collect();
    match check(binary, pages, set, &runs[runs.len() - 1]) {
        Ok(summary) => eprintln!("{STAGE}: the binary's output checks out: {summary}"),
        Err(why) => {
            eprintln!("{STAGE}: the binary's output CHECK FAILED: {why}");
            for row in &mut rows {
                row.error = Some(format!("output check failed: {why}"));
            }
            return rows;
        }
    }
    let jobs: Vec<Box<dyn Fn() -> usize + '_>> =
        runs.iter().map(|run| Box::new(move || run.once(binary, pages)) as Box<dyn Fn() -> usize>).collect();
    let jobs: Vec<&dyn Fn() -> usize> = jobs.iter().map(|b| b.as_ref()).collect();
    for (row, found) in rows.iter_mut().zip(timing::medians(budget, &jobs)) {
        match found {
            Some(t) => (row.secs, row.runs, row.output) = (Some(t.median.as_secs_f64()), t.runs, t.output),
            None => row.error = Some("failed (message above on stderr)".into()),
        }
    }
    rows
}

/// Runs the binary once as `run` and checks what it wrote.
fn check(binary: &Path, pages: &Path, set: &Set, run: &Run) -> Result<String, String> {
    let Output { status, stderr, .. } = run
        .command(binary, pages)
        .stdout(Stdio::null())
        .output()
        .map_err(|e| format!("starting {}: {e}", binary.display()))?;
    if !matches!(status.code(), Some(0 | 1)) {
        let said = String::from_utf8_lossy(&stderr);
        return Err(format!("exited with {status}: {}", said.trim()));
    }
    let jsonl =
        std::fs::read_to_string(&run.out).map_err(|e| format!("reading {}: {e}", run.out.display()))?;
    checks::records(&jsonl, set)
}
