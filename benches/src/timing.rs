//! Wall-clock timing of one contender over one input set: a warm-up run,
//! then repeated runs until both a minimum count and a minimum time are
//! reached; the median run is reported. The Python peers are timed the same
//! way by `xtask/peers/bench_peers.py` and written in the same [`Row`]
//! shape.

use std::time::{Duration, Instant};

use serde::Serialize;

/// How long to keep timing.
#[derive(Clone, Copy, Debug)]
pub struct Budget {
    /// Runs at least this many times.
    pub min_runs: usize,
    /// And keeps running until this much time has passed.
    pub min_time: Duration,
    /// But never more than this many times.
    pub max_runs: usize,
}

impl Budget {
    /// The budget of `cargo xtask bench`.
    pub const FULL: Budget = Budget { min_runs: 5, min_time: Duration::from_secs(2), max_runs: 200 };
    /// The budget of `cargo xtask bench --quick`.
    pub const QUICK: Budget = Budget { min_runs: 3, min_time: Duration::from_millis(300), max_runs: 50 };
}

/// The median wall-clock time of `run` after one warm-up call, and how many
/// timed runs it took. `run`'s result is kept from the optimiser.
pub fn median(budget: Budget, mut run: impl FnMut() -> usize) -> (Duration, usize) {
    std::hint::black_box(run());
    let started = Instant::now();
    let mut times = Vec::new();
    while times.len() < budget.min_runs
        || (started.elapsed() < budget.min_time && times.len() < budget.max_runs)
    {
        let t = Instant::now();
        std::hint::black_box(run());
        times.push(t.elapsed());
    }
    times.sort();
    (times[times.len() / 2], times.len())
}

/// One line of the benchmark table, before speeds are worked out.
#[derive(Clone, Debug, Serialize)]
pub struct Row {
    /// The stage (see [`crate::Stage::name`]).
    pub stage: &'static str,
    /// The contender.
    pub tool: &'static str,
    /// `copydesk`, `rust_peer` or `bound` (`python_peer` for rows from the
    /// Python script).
    pub kind: crate::Kind,
    /// The input set's name.
    pub set: &'static str,
    /// `all`, or the name of the prefix a slow contender runs on.
    pub tier: &'static str,
    /// Documents in the input.
    pub docs: usize,
    /// Bytes of input, as fetched.
    pub bytes: u64,
    /// Median seconds for the whole input (absent when it did not run).
    pub secs: Option<f64>,
    /// Timed runs.
    pub runs: usize,
    /// Size of the output (items or bytes), to spot a contender that does
    /// nothing.
    pub output: usize,
    /// Why the row has no time, or, for copydesk, why its output check
    /// failed.
    pub error: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_runs_at_least_the_minimum_and_stops_at_the_maximum() {
        let mut calls = 0;
        let budget = Budget { min_runs: 3, min_time: Duration::from_secs(60), max_runs: 7 };
        let (_, runs) = median(budget, || {
            calls += 1;
            calls
        });
        assert_eq!(runs, 7);
        assert_eq!(calls, 8, "one warm-up call before the timed runs");
    }
}
