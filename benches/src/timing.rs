//! Wall-clock timing of the contenders of one stage: a warm-up run of each,
//! then rounds in which each runs once over its input, until both a minimum
//! number of rounds and a minimum time are reached; each one's median run
//! is reported. Taking turns means a machine busy with other work slows all
//! of a stage's contenders alike, so their ratios hold. The Python peers are
//! timed the same way (one at a time) by `xtask/peers/bench_peers.py` and
//! written in the same [`Row`] shape.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::{Duration, Instant};

use serde::Serialize;

/// How long to keep timing.
#[derive(Clone, Copy, Debug)]
pub struct Budget {
    /// Runs at least this many rounds.
    pub min_runs: usize,
    /// And keeps running until this much time has passed.
    pub min_time: Duration,
    /// But never more than this many rounds.
    pub max_runs: usize,
}

impl Budget {
    /// The budget of `cargo xtask bench`.
    pub const FULL: Budget = Budget { min_runs: 5, min_time: Duration::from_secs(3), max_runs: 200 };
    /// The budget of `cargo xtask bench --quick`.
    pub const QUICK: Budget = Budget { min_runs: 3, min_time: Duration::from_millis(500), max_runs: 50 };
}

/// What timing one job found.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Timing {
    /// The median run.
    pub median: Duration,
    /// Timed runs.
    pub runs: usize,
    /// What the last run returned (the size of the job's output).
    pub output: usize,
}

/// Times `jobs` in turns (see the module docs). A job that panics is
/// dropped from the rounds and gets `None`; each job's result is kept from
/// the optimiser.
pub fn medians(budget: Budget, jobs: &[&dyn Fn() -> usize]) -> Vec<Option<Timing>> {
    let run = |job: &dyn Fn() -> usize| catch_unwind(AssertUnwindSafe(|| std::hint::black_box(job()))).ok();
    let mut times: Vec<Option<Vec<Duration>>> =
        jobs.iter().map(|job| run(*job).map(|_| Vec::new())).collect();
    let mut outputs = vec![0; jobs.len()];
    let started = Instant::now();
    let mut rounds = 0;
    while rounds < budget.min_runs || (started.elapsed() < budget.min_time && rounds < budget.max_runs) {
        for (i, job) in jobs.iter().enumerate() {
            let Some(list) = &mut times[i] else { continue };
            let t = Instant::now();
            match run(*job) {
                Some(out) => {
                    list.push(t.elapsed());
                    outputs[i] = out;
                }
                None => times[i] = None,
            }
        }
        rounds += 1;
    }
    times
        .into_iter()
        .zip(outputs)
        .map(|(list, output)| {
            let mut list = list?;
            list.sort();
            Some(Timing { median: list[list.len() / 2], runs: list.len(), output })
        })
        .collect()
}

/// One line of the benchmark table, before speeds are worked out.
#[derive(Clone, Debug, Serialize)]
pub struct Row {
    /// The stage (see [`crate::Stage::name`]).
    pub stage: &'static str,
    /// The contender.
    pub tool: &'static str,
    /// `copydesk`, `parallel`, `rust_peer` or `bound` (`python_peer` for
    /// rows from the Python script).
    pub kind: crate::Kind,
    /// Threads used, for rows that choose them (the binary's).
    pub threads: Option<usize>,
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
    /// How the contender was run, when the stage does not say.
    pub note: Option<String>,
}

impl Row {
    /// A row for `tool` on `tier` of `set`, before it is timed.
    pub fn untimed(
        stage: &'static str,
        tool: &'static str,
        kind: crate::Kind,
        set: &crate::inputs::Set,
        tier: &'static str,
    ) -> Row {
        Row {
            stage,
            tool,
            kind,
            threads: None,
            set: set.name,
            tier,
            docs: set.docs.len(),
            bytes: set.bytes(),
            secs: None,
            runs: 0,
            output: 0,
            error: None,
            note: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    #[test]
    fn every_job_runs_each_round_after_one_warm_up() {
        let (a, b) = (Cell::new(0), Cell::new(0));
        let budget = Budget { min_runs: 3, min_time: Duration::from_secs(60), max_runs: 7 };
        let count = |c: &Cell<usize>| {
            c.set(c.get() + 1);
            c.get()
        };
        let found = medians(budget, &[&|| count(&a), &|| count(&b)]);
        assert_eq!((a.get(), b.get()), (8, 8), "one warm-up call and seven rounds each");
        assert_eq!(found[0].map(|t| (t.runs, t.output)), Some((7, 8)));
    }

    #[test]
    fn a_job_that_panics_gets_no_timing_and_the_others_go_on() {
        let budget = Budget { min_runs: 2, min_time: Duration::ZERO, max_runs: 2 };
        let found = medians(budget, &[&|| panic!("broken peer"), &|| 1]);
        assert_eq!(found[0], None);
        assert_eq!(found[1].map(|t| t.runs), Some(2));
    }
}
