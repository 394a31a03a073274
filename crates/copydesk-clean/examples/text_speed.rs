//! Times text mode (`Cleaner::clean_text`) over scraped pages, single
//! thread, best of several rounds.
//!
//! The pages are the JSON arrays of `{"text": ...}` objects that
//! `cargo xtask eval --stage clean_text` caches under
//! `target/eval/clean_text/*.rendered.*.json`:
//!
//! ```text
//! cargo run --release -p copydesk-clean --example text_speed -- target/eval/clean_text/*.rendered.*.json
//! ```

use std::time::Instant;

use copydesk_clean::Cleaner;

/// Rounds over all pages; the fastest counts (the machine is shared).
const ROUNDS: usize = 7;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut texts = Vec::new();
    for path in std::env::args().skip(1) {
        let pages: Vec<serde_json::Value> = serde_json::from_str(&std::fs::read_to_string(&path)?)?;
        texts.extend(pages.iter().filter_map(|p| p["text"].as_str().map(str::to_string)));
    }
    if texts.is_empty() {
        return Err("no pages: pass the rendered-page JSON files of the clean_text eval".into());
    }
    let cleaner = Cleaner::new();
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut best = f64::INFINITY;
    let mut kept = 0;
    for _ in 0..ROUNDS {
        let started = Instant::now();
        kept = texts.iter().map(|t| cleaner.clean_text(t).text.len()).sum();
        best = best.min(started.elapsed().as_secs_f64());
    }
    println!(
        "{} pages, {:.1} MB: best of {ROUNDS} rounds {:.1} ms, {:.0} MB/s, {:.0} pages/s ({kept} bytes kept)",
        texts.len(),
        bytes as f64 / 1e6,
        best * 1e3,
        bytes as f64 / 1e6 / best,
        texts.len() as f64 / best
    );
    Ok(())
}
