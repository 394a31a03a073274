//! Helpers shared by the scorers: reading data files, offset conversion,
//! precision/recall/F1.

use std::io::Read;
use std::path::Path;

use anyhow::{Context, Result};

/// Reads a file whole, gunzipping it when its name ends in `.gz`.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>> {
    let raw = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    if path.extension().is_some_and(|e| e == "gz") {
        let mut out = Vec::new();
        flate2::read::MultiGzDecoder::new(&raw[..])
            .read_to_end(&mut out)
            .with_context(|| format!("gunzipping {}", path.display()))?;
        Ok(out)
    } else {
        Ok(raw)
    }
}

/// Reads a UTF-8 text file (gunzipping `.gz`).
pub fn read_string(path: &Path) -> Result<String> {
    String::from_utf8(read_bytes(path)?).with_context(|| format!("{} is not UTF-8", path.display()))
}

/// Parses a JSON Lines file (gunzipping `.gz`) into values.
pub fn read_jsonl(path: &Path) -> Result<Vec<serde_json::Value>> {
    let text = read_string(path)?;
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .enumerate()
        .map(|(i, l)| serde_json::from_str(l).with_context(|| format!("{}:{}", path.display(), i + 1)))
        .collect()
}

/// Parses a JSON file (gunzipping `.gz`).
pub fn read_json(path: &Path) -> Result<serde_json::Value> {
    let text = read_string(path)?;
    serde_json::from_str(&text).with_context(|| format!("parsing {}", path.display()))
}

/// Maps code-point offsets (as Python counts them) to byte offsets of `text`.
pub struct CharToByte {
    offsets: Vec<usize>,
}

impl CharToByte {
    /// Builds the table for `text`.
    pub fn new(text: &str) -> CharToByte {
        let mut offsets: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        offsets.push(text.len());
        CharToByte { offsets }
    }

    /// The byte offset of code point `i` (clamped to the end of the text).
    pub fn byte(&self, i: usize) -> usize {
        self.offsets[i.min(self.offsets.len() - 1)]
    }
}

/// Precision, recall and F1 from counts.
#[derive(Clone, Copy, Debug, Default)]
pub struct Prf {
    /// True positives.
    pub tp: usize,
    /// False positives.
    pub fp: usize,
    /// False negatives.
    pub fn_: usize,
}

impl Prf {
    /// tp / (tp + fp), 0 when nothing was predicted.
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    /// tp / (tp + fn), 0 when there was nothing to find.
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
    /// Adds another tally to this one.
    pub fn add(&mut self, other: Prf) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }
}

/// a / b, or 0 when b is 0.
pub fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}
