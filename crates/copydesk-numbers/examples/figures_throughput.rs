//! Single-thread throughput of figure scanning beside `text2num`'s digit
//! rewrite (`replace_numbers_in_text`), on the same text in the same run.
//!
//! `cargo run --release -p copydesk-numbers --example figures_throughput -- [--rounds N | --figures] FILE...`
//!
//! Each FILE is plain text (one story), or a JSON object whose values carry
//! a story in an `articleBody` field. The two tools take turns, round after
//! round, for about six seconds (or `N` rounds each: one under a profiler,
//! where `copydesk_numbers::scan::scan` and `text2num::replace_numbers_in_text`
//! are the functions to compare), and each one's best round is reported.
//! With `--figures`, nothing is timed: copydesk's figures of every story are
//! printed as JSON Lines, to check that a change for speed changes nothing.

use std::time::{Duration, Instant};

use copydesk_numbers::FigureScanner;

fn stories(path: &str) -> Result<Vec<String>, Box<dyn std::error::Error>> {
    let raw = std::fs::read_to_string(path)?;
    if !path.ends_with(".json") {
        return Ok(vec![raw]);
    }
    let value: serde_json::Value = serde_json::from_str(&raw)?;
    let docs = value.as_object().ok_or("a JSON file must hold an object")?;
    Ok(docs.values().filter_map(|d| d.get("articleBody")?.as_str().map(str::to_string)).collect())
}

/// Runs `f` over every story: the time it took and the size of its output.
fn round(docs: &[String], f: impl Fn(&str) -> usize) -> (Duration, usize) {
    let start = Instant::now();
    let out = docs.iter().map(|d| f(d)).sum();
    (start.elapsed(), out)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut docs = Vec::new();
    let mut fixed_rounds = None;
    let mut print_figures = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--figures" {
            print_figures = true;
        } else if arg == "--rounds" {
            fixed_rounds = Some(args.next().ok_or("--rounds needs a number")?.parse::<usize>()?);
        } else {
            docs.extend(stories(&arg)?);
        }
    }
    let scanner = FigureScanner::new();
    if print_figures {
        for doc in &docs {
            for f in scanner.scan(doc) {
                println!("{}", serde_json::to_string(&f)?);
            }
        }
        return Ok(());
    }
    let english = text2num::Language::english();
    let copydesk = |text: &str| scanner.scan(text).len();
    let text2num = |text: &str| text2num::replace_numbers_in_text(text, &english, 10.0).len();
    let (mut best, mut out, mut rounds) = ([Duration::MAX; 2], [0; 2], 0);
    let started = Instant::now();
    let more = |rounds: usize| match fixed_rounds {
        Some(n) => rounds < n,
        None => rounds < 3 || started.elapsed() < Duration::from_secs(6),
    };
    while more(rounds) {
        for (i, f) in [&copydesk as &dyn Fn(&str) -> usize, &text2num].into_iter().enumerate() {
            let (time, n) = round(&docs, f);
            best[i] = best[i].min(time);
            out[i] = n;
        }
        rounds += 1;
    }
    let mb = docs.iter().map(String::len).sum::<usize>() as f64 / 1e6;
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let rate = |i: usize| mb / best[i].as_secs_f64();
    println!("{} stories, {mb:.3} MB, best of {rounds} rounds each; load {}", docs.len(), load.trim());
    println!("copydesk: {:.1} MB/s, {} figures", rate(0), out[0]);
    println!("text2num: {:.1} MB/s, {} bytes out", rate(1), out[1]);
    println!("ratio: {:.2}x", rate(0) / rate(1));
    Ok(())
}
