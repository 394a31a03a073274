//! Single-thread throughput of sentence splitting beside the `sentencex`
//! crate (`sentencex::segment("en", text)`), on the same text in the same
//! run.
//!
//! `cargo run --release -p copydesk-segment --example segment_throughput -- [--rounds N | --spans] [--bytes N] FILE...`
//!
//! Each FILE holds stories: plain text (one story), a JSON object whose
//! values carry a story in an `articleBody` field, or JSON Lines (gzipped
//! when the name ends in `.gz`) with the story in `main_content`,
//! `articleBody` or `text`. The files' stories are interleaved, as the
//! benchmark's news set interleaves its two sources, and cut after the story
//! that reaches `--bytes` (4 MiB by default, the benchmark's size). The two
//! tools take turns, round after round, for about six seconds (or `N`
//! rounds each: one under a profiler), and each one's best and median
//! rounds are reported. With `--spans`, nothing is timed: copydesk's
//! sentence spans of every story are printed, one story a line, to check
//! that a change for speed changes nothing.

use std::io::Read;
use std::time::{Duration, Instant};

use copydesk_segment::Segmenter;

type Error = Box<dyn std::error::Error>;

fn stories(path: &str) -> Result<Vec<String>, Error> {
    let mut raw = Vec::new();
    if path.ends_with(".gz") {
        flate2::read::GzDecoder::new(std::fs::File::open(path)?).read_to_end(&mut raw)?;
    } else {
        raw = std::fs::read(path)?;
    }
    let raw = String::from_utf8(raw)?;
    let story = |v: &serde_json::Value| {
        ["main_content", "articleBody", "text"]
            .iter()
            .find_map(|field| v.get(field)?.as_str())
            .filter(|s| !s.trim().is_empty())
            .map(str::to_string)
    };
    if path.ends_with(".json") {
        let value: serde_json::Value = serde_json::from_str(&raw)?;
        let docs = value.as_object().ok_or("a JSON file must hold an object")?;
        return Ok(docs.values().filter_map(story).collect());
    }
    if path.contains(".jsonl") {
        let mut docs = Vec::new();
        for line in raw.lines().filter(|l| !l.trim().is_empty()) {
            docs.extend(story(&serde_json::from_str(line)?));
        }
        return Ok(docs);
    }
    Ok(vec![raw])
}

/// The stories of every source, taken in turns, up to the one that reaches
/// `limit` bytes.
fn interleave(sources: Vec<Vec<String>>, limit: usize) -> Vec<String> {
    let mut iters: Vec<_> = sources.into_iter().map(Vec::into_iter).collect();
    let (mut docs, mut total) = (Vec::new(), 0);
    loop {
        let mut any = false;
        for it in &mut iters {
            if let Some(doc) = it.next() {
                any = true;
                total += doc.len();
                docs.push(doc);
                if total >= limit {
                    return docs;
                }
            }
        }
        if !any {
            return docs;
        }
    }
}

/// Runs `f` over every story: the time it took and the size of its output.
fn round(docs: &[String], f: &dyn Fn(&str) -> usize) -> (Duration, usize) {
    let start = Instant::now();
    let out = docs.iter().map(|d| std::hint::black_box(f(d))).sum();
    (start.elapsed(), out)
}

fn main() -> Result<(), Error> {
    let mut sources = Vec::new();
    let (mut fixed_rounds, mut print_spans, mut limit) = (None, false, 4 << 20);
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--spans" => print_spans = true,
            "--rounds" => {
                fixed_rounds = Some(args.next().ok_or("--rounds needs a number")?.parse::<usize>()?)
            }
            "--bytes" => limit = args.next().ok_or("--bytes needs a number")?.parse::<usize>()?,
            _ => sources.push(stories(&arg)?),
        }
    }
    let docs = interleave(sources, limit);
    let segmenter = Segmenter::new();
    if print_spans {
        for doc in &docs {
            let spans: Vec<String> = segmenter.split(doc).map(|s| format!("{}-{}", s.start, s.end)).collect();
            println!("{}", spans.join(" "));
        }
        return Ok(());
    }
    let copydesk = |text: &str| segmenter.split(text).count();
    let sentencex = |text: &str| sentencex::segment("en", text).len();
    let tools: [&dyn Fn(&str) -> usize; 2] = [&copydesk, &sentencex];
    let mut times = [Vec::new(), Vec::new()];
    let mut out = [0; 2];
    let started = Instant::now();
    let more = |rounds: usize| match fixed_rounds {
        Some(n) => rounds < n,
        None => rounds < 3 || started.elapsed() < Duration::from_secs(6),
    };
    let mut rounds = 0;
    while more(rounds) {
        for (i, f) in tools.iter().enumerate() {
            let (time, n) = round(&docs, *f);
            times[i].push(time);
            out[i] = n;
        }
        rounds += 1;
    }
    let mb = docs.iter().map(String::len).sum::<usize>() as f64 / 1e6;
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    for t in &mut times {
        t.sort();
    }
    let rate = |t: Duration| mb / t.as_secs_f64();
    let best = |i: usize| rate(times[i][0]);
    let median = |i: usize| rate(times[i][times[i].len() / 2]);
    println!("{} stories, {mb:.3} MB, {rounds} rounds each; load {}", docs.len(), load.trim());
    println!("copydesk:  best {:.1} MB/s, median {:.1} MB/s, {} sentences", best(0), median(0), out[0]);
    println!("sentencex: best {:.1} MB/s, median {:.1} MB/s, {} sentences", best(1), median(1), out[1]);
    println!("ratio: best {:.2}x, median {:.2}x", best(0) / best(1), median(0) / median(1));
    Ok(())
}
