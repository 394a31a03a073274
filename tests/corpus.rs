//! The pipeline's output on every document of `corpus/`, pinned by golden
//! files (`tests/snapshots/`), and checked against the output schema.
//!
//! A change in behaviour shows up as a snapshot diff: review it with
//! `cargo insta review` (or `INSTA_UPDATE=always cargo test`) and commit the
//! snapshots with the change that caused them.

use std::path::{Path, PathBuf};

use copydesk::{Pipeline, Record, Source};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

/// Every corpus document, in name order.
fn corpus() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(root().join("corpus")).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    files
}

fn records() -> Vec<(String, serde_json::Value)> {
    let pipeline = Pipeline::new();
    corpus()
        .into_iter()
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let bytes = std::fs::read(&path).unwrap();
            let found = pipeline.extract(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
            let record = Record::from_extraction(Source::path(format!("corpus/{name}")), found);
            (name, serde_json::to_value(&record).unwrap())
        })
        .collect()
}

#[test]
fn corpus_output_matches_golden_files() {
    for (name, record) in records() {
        insta::assert_json_snapshot!(name, record);
    }
}

#[test]
fn corpus_output_validates_against_the_schema() {
    let schema_path = root().join("crates/copydesk/schema/record.schema.json");
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(schema_path).unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the schema is a valid JSON Schema");
    for (name, record) in records() {
        let errors: Vec<String> =
            validator.iter_errors(&record).map(|e| format!("{}: {e}", e.instance_path())).collect();
        assert!(errors.is_empty(), "{name} does not match the schema:\n{}", errors.join("\n"));
    }
}

#[test]
fn every_corpus_document_has_text_and_sentences() {
    for (name, record) in records() {
        assert!(!record["text"].as_str().unwrap().trim().is_empty(), "{name}: empty text");
        assert!(!record["sentences"].as_array().unwrap().is_empty(), "{name}: no sentences");
    }
}

#[test]
fn every_offset_points_at_its_surface_text() {
    for (name, record) in records() {
        let text = record["text"].as_str().unwrap();
        let items =
            ["sentences", "quotes", "figures"].iter().flat_map(|k| record[k].as_array().unwrap().iter());
        for item in items {
            let (start, end) =
                (item["start"].as_u64().unwrap() as usize, item["end"].as_u64().unwrap() as usize);
            assert_eq!(text.get(start..end), item["text"].as_str(), "{name}: {item}");
        }
    }
}

#[test]
fn seed_page_counts_humvees() {
    let (_, record) = records().into_iter().find(|(name, _)| name.starts_with("000_")).unwrap();
    let humvees = record["figures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["text"] == "22,174 Humvees")
        .expect("the figure 22,174 Humvees");
    assert_eq!(humvees["kind"], "count");
    assert_eq!(humvees["value"], 22174.0);
    assert_eq!(humvees["counted"]["text"], "Humvees");
}

#[test]
fn seed_pages_yield_quotes_and_figures() {
    for (name, record) in records().into_iter().filter(|(name, _)| name.ends_with(".txt")) {
        assert!(!record["quotes"].as_array().unwrap().is_empty(), "{name}: no quotes");
        assert!(!record["figures"].as_array().unwrap().is_empty(), "{name}: no figures");
    }
}
