//! Building the `copydesk` binary and running it while watching its time and
//! peak memory.
//!
//! This test crate is not the binary's package, so Cargo gives it no
//! `CARGO_BIN_EXE_copydesk`: the binary is built here with the same `cargo`
//! and target folder as the test (a no-op when it is up to date), in release
//! mode, which is what users run over a crawl. `COPYDESK_BIN` names a binary
//! to use instead.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// The release `copydesk` binary, built once per test run.
pub fn binary() -> &'static Path {
    static BINARY: OnceLock<PathBuf> = OnceLock::new();
    BINARY.get_or_init(|| {
        if let Some(path) = std::env::var_os("COPYDESK_BIN") {
            return PathBuf::from(path);
        }
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
        let out = Command::new(cargo)
            .current_dir(root)
            .args(["build", "--release", "--bin", "copydesk", "--message-format=json-render-diagnostics"])
            .stderr(Stdio::inherit())
            .output()
            .expect("running cargo build");
        assert!(out.status.success(), "cargo build --release --bin copydesk failed");
        let stdout = String::from_utf8(out.stdout).unwrap();
        stdout
            .lines()
            .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
            .filter(|m| m["reason"] == "compiler-artifact" && m["target"]["name"] == "copydesk")
            .find_map(|m| m["executable"].as_str().map(PathBuf::from))
            .expect("cargo named no copydesk executable")
    })
}

/// How a run of the binary went.
pub struct Run {
    /// Its exit status.
    pub status: ExitStatus,
    /// What it wrote to standard output.
    pub stdout: String,
    /// What it wrote to standard error.
    pub stderr: String,
    /// Wall-clock time from start to exit.
    pub elapsed: Duration,
    /// True when it was killed for running past the limit.
    pub stalled: bool,
    /// The largest resident set size seen, in bytes.
    pub peak_rss: u64,
}

/// Runs `command` to the end, with its output going to files in `dir`,
/// polling its peak resident set size (`VmHWM` in `/proc/<pid>/status`, a
/// high-water mark the kernel keeps, so polling misses only a peak reached in
/// the last few milliseconds before exit). Kills it after `limit` (and says
/// so in [`Run::stalled`]).
pub fn run(mut command: Command, dir: &Path, limit: Duration) -> Run {
    let (out_path, err_path) = (dir.join("stdout"), dir.join("stderr"));
    command
        .stdout(std::fs::File::create(&out_path).unwrap())
        .stderr(std::fs::File::create(&err_path).unwrap());
    let started = Instant::now();
    let mut child = command.spawn().expect("starting copydesk");
    let status_file = PathBuf::from(format!("/proc/{}/status", child.id()));
    let (mut peak_rss, mut stalled) = (0, false);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > limit && !stalled {
            stalled = true;
            child.kill().unwrap();
        }
        if let Some(hwm) = std::fs::read_to_string(&status_file).ok().as_deref().and_then(vm_hwm) {
            peak_rss = peak_rss.max(hwm);
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let elapsed = started.elapsed();
    let read = |path: &Path| String::from_utf8(std::fs::read(path).unwrap()).expect("output is UTF-8");
    Run { status, stdout: read(&out_path), stderr: read(&err_path), elapsed, stalled, peak_rss }
}

/// The `VmHWM` line of a `/proc/<pid>/status` file, in bytes.
fn vm_hwm(status: &str) -> Option<u64> {
    let line = status.lines().find_map(|l| l.strip_prefix("VmHWM:"))?;
    let kb: u64 = line.trim().strip_suffix("kB")?.trim().parse().ok()?;
    Some(kb * 1024)
}
