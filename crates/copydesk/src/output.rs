//! Writing records: JSON Lines or plain text, with the fields asked for.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

use anyhow::{Context, Result, bail};
use copydesk::Record;

/// The record fields that `--fields` can keep or drop.
const FIELDS: &[&str] = &[
    "lang",
    "title",
    "authors",
    "published",
    "modified",
    "site_name",
    "url",
    "description",
    "text",
    "sentences",
    "quotes",
    "figures",
];

/// Which record fields to write; `schema`, `source` and `error` always are.
#[derive(Clone, Debug, Default)]
pub struct Fields {
    dropped: Vec<&'static str>,
}

impl Fields {
    /// Parses `--fields`: names to keep, or `-name`s to drop.
    pub fn parse(spec: &[String]) -> Result<Fields> {
        let drops = spec.iter().filter(|s| s.starts_with('-')).count();
        if drops != 0 && drops != spec.len() {
            bail!("--fields takes either names to keep or -names to drop, not both");
        }
        let mut named = Vec::new();
        for item in spec {
            let name = item.trim_start_matches('-');
            let Some(field) = FIELDS.iter().find(|f| **f == name) else {
                bail!("--fields: unknown field {name:?} (known: {})", FIELDS.join(", "));
            };
            named.push(*field);
        }
        let dropped = if drops != 0 || spec.is_empty() {
            named
        } else {
            FIELDS.iter().copied().filter(|f| !named.contains(f)).collect()
        };
        Ok(Fields { dropped })
    }

    /// Drops the field `name` too.
    pub fn drop(&mut self, name: &'static str) {
        self.dropped.push(name);
    }

    fn keeps(&self, name: &str) -> bool {
        !self.dropped.contains(&name)
    }

    /// One JSON line holding the record's kept fields.
    pub fn json_line(&self, record: &Record) -> Vec<u8> {
        let mut line = if self.dropped.is_empty() {
            serde_json::to_vec(record)
        } else {
            serde_json::to_value(record).and_then(|mut value| {
                if let serde_json::Value::Object(map) = &mut value {
                    map.retain(|k, _| self.keeps(k));
                }
                serde_json::to_vec(&value)
            })
        }
        .expect("a record always serialises");
        line.push(b'\n');
        line
    }
}

/// Plain text: one sentence a line when there are sentences, else the text;
/// a blank line after each document.
pub fn text_block(record: &Record) -> Vec<u8> {
    let mut out = String::new();
    match &record.sentences {
        Some(sentences) => {
            for s in sentences {
                // A sentence's own line breaks become spaces.
                let words: Vec<&str> = s.text.split_whitespace().collect();
                out.push_str(&words.join(" "));
                out.push('\n');
            }
        }
        None => {
            out.push_str(record.text.as_deref().unwrap_or_default());
            out.push('\n');
        }
    }
    out.push('\n');
    out.into_bytes()
}

/// Standard output or the `-o` file, buffered.
pub fn sink(path: Option<&Path>) -> Result<Box<dyn Write + Send>> {
    Ok(match path {
        Some(p) => {
            let file = File::create(p).with_context(|| format!("creating {}", p.display()))?;
            Box::new(BufWriter::with_capacity(1 << 16, file))
        }
        None => Box::new(BufWriter::with_capacity(1 << 16, io::stdout())),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_keep_only_the_named_ones() {
        let f = Fields::parse(&["title".into(), "figures".into()]).unwrap();
        assert!(f.keeps("title") && f.keeps("figures") && !f.keeps("text"));
    }

    #[test]
    fn fields_with_a_dash_are_dropped() {
        let f = Fields::parse(&["-text".into()]).unwrap();
        assert!(!f.keeps("text") && f.keeps("sentences"));
    }

    #[test]
    fn unknown_or_mixed_fields_are_refused() {
        assert!(Fields::parse(&["txet".into()]).is_err());
        assert!(Fields::parse(&["title".into(), "-text".into()]).is_err());
    }
}
