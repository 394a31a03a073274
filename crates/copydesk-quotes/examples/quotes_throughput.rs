//! Single-thread throughput of quote finding alone, in MB/s: the sentence
//! spans are computed first and left out of the timing.
//!
//! `cargo run --release -p copydesk-quotes --example quotes_throughput -- [--rounds N] FILE...`
//!
//! Each FILE is plain text (one story), or JSON Lines whose objects carry the
//! story in a `text` field. The stories are run through repeatedly for about
//! three seconds (or `N` times: one round under a profiler) and the best
//! round is reported, with, where Linux tells it, the rate over the CPU time
//! the thread was given (on a shared machine, wall time counts the waits).

use std::time::{Duration, Instant};

use copydesk_core::Span;
use copydesk_quotes::QuoteFinder;
use copydesk_segment::Segmenter;

fn stories(path: &str) -> Result<Vec<String>, Box<dyn std::error::Error>> {
    let raw = std::fs::read_to_string(path)?;
    if !path.ends_with(".jsonl") {
        return Ok(vec![raw]);
    }
    let mut out = Vec::new();
    for line in raw.lines().filter(|l| !l.trim().is_empty()) {
        let value: serde_json::Value = serde_json::from_str(line)?;
        if let Some(text) = value.get("text").and_then(|t| t.as_str()) {
            out.push(text.to_string());
        }
    }
    Ok(out)
}

/// Nanoseconds this thread has run on a CPU, where Linux reports it.
fn cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    Some(Duration::from_nanos(stat.split_whitespace().next()?.parse().ok()?))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut docs = Vec::new();
    let mut fixed_rounds = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--rounds" {
            fixed_rounds = Some(args.next().ok_or("--rounds needs a number")?.parse::<usize>()?);
        } else {
            docs.extend(stories(&arg)?);
        }
    }
    let segmenter = Segmenter::new();
    let docs: Vec<(String, Vec<Span>)> = docs
        .into_iter()
        .map(|text| {
            let sentences = segmenter.split(&text).collect();
            (text, sentences)
        })
        .collect();
    let bytes: usize = docs.iter().map(|(t, _)| t.len()).sum();
    let finder = QuoteFinder::new();
    let (mut best, mut quotes, mut rounds) = (Duration::MAX, 0, 0);
    let started = Instant::now();
    let cpu_started = cpu_time();
    let more = |rounds: usize| match fixed_rounds {
        Some(n) => rounds < n,
        None => rounds < 3 || started.elapsed() < Duration::from_secs(3),
    };
    while more(rounds) {
        let round = Instant::now();
        quotes = docs.iter().map(|(text, sentences)| finder.find(text, sentences).len()).sum();
        best = best.min(round.elapsed());
        rounds += 1;
    }
    let mb = bytes as f64 / 1e6;
    print!(
        "{} stories, {mb:.2} MB, {quotes} quotes: best of {rounds} rounds {:.1} ms, {:.1} MB/s",
        docs.len(),
        best.as_secs_f64() * 1e3,
        mb / best.as_secs_f64()
    );
    match (cpu_started, cpu_time()) {
        (Some(a), Some(b)) => {
            println!("; {:.1} MB/s of CPU time", mb * rounds as f64 / (b - a).as_secs_f64())
        }
        _ => println!(),
    }
    Ok(())
}
