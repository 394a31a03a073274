//! What copydesk's output must look like before its speed counts: a broken
//! path (nothing found, everything kept, spans out of range) must not look
//! fast. The properties hold for any working implementation, however much a
//! stage improves; none is an exact count.

use copydesk::core::Span;

use crate::contenders::{Stage, Tools};
use crate::inputs::Set;

/// Runs copydesk's `stage` over `set` and checks its output, returning a
/// one-line summary of what it found or what is wrong.
pub fn verify(stage: Stage, tools: &Tools, set: &Set) -> Result<String, String> {
    let docs = set.docs.len();
    let bytes = set.bytes() as usize;
    match stage {
        Stage::CleanHtml => {
            let texts: Vec<String> = set
                .docs
                .iter()
                .map(|d| tools.cleaner.clean_html(&d.raw).map(|d| d.text).unwrap_or_default())
                .collect();
            cleaned(&texts, docs, bytes / 2, "half the HTML")
        }
        Stage::CleanText => {
            let texts: Vec<String> =
                set.docs.iter().map(|d| tools.cleaner.clean_text(&d.text).text).collect();
            // Scraped pages carry menus and share bars: keeping every byte is
            // not cleaning.
            cleaned(&texts, docs, bytes.saturating_sub(1), "the whole input")
        }
        Stage::Segment => {
            let sentences = spans_of(set, "sentence", true, |text| tools.segmenter.split(text).collect())?;
            // News sentences average well under 300 bytes.
            at_least(sentences, bytes / 300, "sentences")
        }
        Stage::Quotes => {
            let quotes = spans_of(set, "quote", false, |text| {
                tools.sentences_and_quotes(text).1.iter().map(|q| q.span()).collect()
            })?;
            // The quote sets are news articles: most quote someone.
            at_least(quotes, docs / 2, "quotes")
        }
        Stage::Figures => {
            // News articles are full of figures.
            at_least(figures(tools, set)?, docs / 2, "figures")
        }
        Stage::FiguresPlain => {
            // Nothing is left to find but words the scanner may still read
            // as figures ("a few", "several"); the spans must hold anyway.
            Ok(format!("{} figures", figures(tools, set)?))
        }
        Stage::Pipeline => {
            let (mut texts, mut sentences, mut figures) = (Vec::new(), 0, 0);
            for doc in &set.docs {
                if let Ok(found) = tools.pipeline.extract(&doc.raw) {
                    sentences += found.sentences.len();
                    figures += found.figures.len();
                    texts.push(found.document.text);
                }
            }
            extracted(&texts, sentences, figures, docs, bytes)
        }
    }
}

/// Checks the JSON Lines the binary wrote for `set`'s pages: one record for
/// each page (nothing lost), and what [`verify`] asks of the pipeline.
pub fn records(jsonl: &str, set: &Set) -> Result<String, String> {
    let (mut records, mut errors, mut texts, mut sentences, mut figures) = (0, 0, Vec::new(), 0, 0);
    for line in jsonl.lines() {
        records += 1;
        let record: serde_json::Value =
            serde_json::from_str(line).map_err(|e| format!("record {records} is not JSON: {e}"))?;
        if record.get("error").is_some() {
            errors += 1;
            continue;
        }
        let count = |field: &str| record[field].as_array().map_or(0, Vec::len);
        sentences += count("sentences");
        figures += count("figures");
        texts.push(record["text"].as_str().unwrap_or_default().to_string());
    }
    let docs = set.docs.len();
    if records != docs {
        return Err(format!("{records} records for {docs} pages"));
    }
    let summary = extracted(&texts, sentences, figures, docs, set.bytes() as usize)?;
    Ok(format!("{records} records ({errors} errors): {summary}"))
}

/// What the whole pipeline must make of `docs` HTML pages of `bytes` bytes:
/// cleaned text (see [`cleaned`]), sentences for it and some figures.
fn extracted(
    texts: &[String],
    sentences: usize,
    figures: usize,
    docs: usize,
    bytes: usize,
) -> Result<String, String> {
    let text_bytes: usize = texts.iter().map(String::len).sum();
    cleaned(texts, docs, bytes / 2, "half the HTML")?;
    at_least(sentences, text_bytes / 300, "sentences")?;
    at_least(figures, 1, "figures")?;
    Ok(format!("{} pages cleaned, {sentences} sentences, {figures} figures", texts.len()))
}

/// At least 90% of the documents keep some text, and the kept text is
/// under `max_bytes` in all.
fn cleaned(texts: &[String], docs: usize, max_bytes: usize, what: &str) -> Result<String, String> {
    let kept = texts.iter().filter(|t| !t.trim().is_empty()).count();
    let kept_bytes: usize = texts.iter().map(String::len).sum();
    if kept * 10 < docs * 9 {
        return Err(format!("text kept for only {kept} of {docs} documents (at least 90% expected)"));
    }
    if kept_bytes > max_bytes {
        return Err(format!("kept {kept_bytes} bytes, more than {what} ({max_bytes} bytes)"));
    }
    Ok(format!("text kept for {kept} of {docs} documents, {kept_bytes} bytes"))
}

fn at_least(found: usize, expected: usize, what: &str) -> Result<String, String> {
    if found < expected.max(1) {
        return Err(format!("found {found} {what}, expected at least {}", expected.max(1)));
    }
    Ok(format!("{found} {what}"))
}

fn figures(tools: &Tools, set: &Set) -> Result<usize, String> {
    spans_of(set, "figure", false, |text| tools.figures.scan(text).iter().map(|f| f.span).collect())
}

/// Runs `find` on every document of `set`, checks the spans of the `what`s
/// it finds (see [`spans_valid`]) and counts them.
fn spans_of(set: &Set, what: &str, ordered: bool, find: impl Fn(&str) -> Vec<Span>) -> Result<usize, String> {
    let mut found = 0;
    for doc in &set.docs {
        let spans = find(&doc.text);
        spans_valid(&doc.text, &spans, ordered).map_err(|e| format!("{}: {what} {e}", doc.id))?;
        found += spans.len();
    }
    Ok(found)
}

/// Spans lie inside `text` on char boundaries, and, when `ordered`, follow
/// each other without overlapping.
fn spans_valid(text: &str, spans: &[Span], ordered: bool) -> Result<(), String> {
    let mut last_end = 0;
    for span in spans {
        if span.start > span.end || text.get(span.start..span.end).is_none() {
            return Err(format!(
                "{}..{} is not a range of the text on char boundaries",
                span.start, span.end
            ));
        }
        if ordered && span.start < last_end {
            return Err(format!("{}..{} overlaps the one before", span.start, span.end));
        }
        last_end = span.end;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_off_a_char_boundary_or_overlapping_are_caught() {
        let text = "héllo world";
        assert!(spans_valid(text, &[Span::new(0, 2)], false).is_err());
        assert!(spans_valid(text, &[Span::new(0, 6), Span::new(5, 8)], true).is_err());
        assert!(spans_valid(text, &[Span::new(0, 6), Span::new(5, 8)], false).is_ok());
        assert!(spans_valid(text, &[Span::new(7, 40)], false).is_err());
    }

    #[test]
    fn binary_output_must_hold_one_record_per_page() {
        let page = "<html><body><p>Prices rose 5% in May. Wages did not.</p></body></html>";
        let docs = (0..2).map(|i| crate::inputs::Doc::from_raw(i.to_string(), page.into())).collect();
        let set = Set { name: "html", source: String::new(), docs };
        let record = r#"{"text":"Prices rose 5% in May.","sentences":[{}],"figures":[{}]}"#;
        assert!(records(&format!("{record}\n{record}\n"), &set).is_ok());
        assert!(records(&format!("{record}\n"), &set).unwrap_err().contains("1 records for 2 pages"));
        let error = r#"{"error":{"kind":"empty"}}"#;
        assert!(records(&format!("{record}\n{error}\n"), &set).is_err(), "one page of two kept no text");
    }

    #[test]
    fn cleaning_that_keeps_nothing_or_everything_fails() {
        let texts = ["story".to_string(), String::new()];
        assert!(cleaned(&texts, 2, 100, "x").is_err());
        let texts = ["story".to_string(), "more".to_string()];
        assert!(cleaned(&texts, 2, 5, "x").is_err());
        assert!(cleaned(&texts, 2, 100, "x").is_ok());
    }
}
