//! Progress on a terminal and the summary line at the end.

use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Counts of what a run did.
#[derive(Clone, Copy, Debug, Default)]
pub struct Counts {
    /// Inputs that yielded a record.
    pub documents: u64,
    /// Inputs that yielded an error record.
    pub errors: u64,
    /// Inputs that were not documents (passed over, with a record saying so).
    pub skipped: u64,
    /// Input bytes read.
    pub bytes: u64,
}

/// A live counter on stderr, drawn only when stderr is a terminal and the
/// run is not quiet.
pub struct Progress {
    bar: ProgressBar,
    started: Instant,
    quiet: bool,
    /// What has been counted so far.
    pub counts: Counts,
}

impl Progress {
    /// Starts counting.
    pub fn new(quiet: bool) -> Progress {
        // indicatif draws nothing when stderr is not a terminal.
        let target = if quiet { ProgressDrawTarget::hidden() } else { ProgressDrawTarget::stderr_with_hz(4) };
        let bar = ProgressBar::with_draw_target(None, target);
        bar.set_style(ProgressStyle::with_template("{spinner} {msg}").expect("a valid template"));
        bar.enable_steady_tick(Duration::from_millis(250));
        Progress { bar, started: Instant::now(), quiet, counts: Counts::default() }
    }

    /// Counts one finished input.
    pub fn record(&mut self, bytes: u64, error: bool, skipped: bool) {
        let c = &mut self.counts;
        c.bytes += bytes;
        match (error, skipped) {
            (true, _) => c.errors += 1,
            (false, true) => c.skipped += 1,
            (false, false) => c.documents += 1,
        }
        if !self.bar.is_hidden() {
            self.bar.set_message(self.line());
        }
    }

    /// Prints a line on stderr without garbling the bar.
    pub fn println(&self, line: &str) {
        self.bar.suspend(|| eprintln!("{line}"));
    }

    /// Clears the bar and prints the summary line (unless quiet).
    pub fn finish(&self) {
        self.bar.finish_and_clear();
        if !self.quiet {
            eprintln!("copydesk: {}", self.line());
        }
    }

    fn line(&self) -> String {
        let c = &self.counts;
        let secs = self.started.elapsed().as_secs_f64().max(1e-9);
        let mb = c.bytes as f64 / 1e6;
        let total = c.documents + c.errors + c.skipped;
        format!(
            "{} documents, {} errors, {} skipped, {} MB in {}s ({} MB/s, {} docs/s)",
            c.documents,
            c.errors,
            c.skipped,
            figure(mb),
            figure(secs),
            figure(mb / secs),
            figure(total as f64 / secs)
        )
    }
}

/// Three significant digits or so: 0.042, 1.25, 12.5, 1250.
fn figure(x: f64) -> String {
    match x {
        x if x >= 100.0 => format!("{x:.0}"),
        x if x >= 10.0 => format!("{x:.1}"),
        x if x >= 1.0 => format!("{x:.2}"),
        x => format!("{x:.3}"),
    }
}
