//! The `copydesk` binary over a corpus of hostile inputs, generated into a
//! temporary folder and read in one batch (`hostile/corpus.rs` lists them):
//! lying charsets, binary files named `.html`, a 100 MB line, a million
//! nested elements, a quote left open for 10 MB, broken archives and gzip.
//!
//! Nothing may panic, every input must be reported by name (a record, or an
//! error record and a line on standard error), no document may use up its
//! time budget, and the batch must finish within a minute and a gigabyte.

#[path = "hostile/check.rs"]
mod check;
#[path = "hostile/child.rs"]
mod child;
#[path = "hostile/corpus.rs"]
mod corpus;
#[path = "hostile/properties.rs"]
mod properties;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;
use std::sync::OnceLock;
use std::time::Duration;

use corpus::Expect;
use serde_json::Value;

/// The batch's budget.
const BATCH_TIME: Duration = Duration::from_secs(60);
const BATCH_MEMORY: u64 = 1024 * 1024 * 1024;
/// Each document's budget (`--timeout`): one that uses it up is reported as
/// a `timeout` error, which fails the test.
const DOC_SECONDS: &str = "20";

/// The batch's output, keyed by input file name.
struct Batch {
    run: child::Run,
    records: BTreeMap<String, Vec<Value>>,
}

/// Runs the batch once, for every test here; the corpus is deleted after.
fn batch() -> &'static Batch {
    static BATCH: OnceLock<Batch> = OnceLock::new();
    BATCH.get_or_init(|| {
        let binary = child::binary();
        let dir = tempfile::tempdir().unwrap();
        let inputs = dir.path().join("corpus");
        std::fs::create_dir(&inputs).unwrap();
        corpus::write_all(&inputs);
        let mut command = Command::new(binary);
        // In input order: an archive's records are read in order, but a
        // quick error (the cut) may be done before a record read earlier.
        command.args(["--sort", "--timeout", DOC_SECONDS]).arg(&inputs);
        let run = child::run(command, dir.path(), BATCH_TIME * 2);
        eprintln!(
            "hostile batch: {}{:.1} s, peak RSS {} MB, {} output lines",
            if run.stalled { "killed after " } else { "" },
            run.elapsed.as_secs_f64(),
            run.peak_rss / (1024 * 1024),
            run.stdout.lines().count()
        );
        let mut records: BTreeMap<String, Vec<Value>> = BTreeMap::new();
        for line in run.stdout.lines() {
            let record: Value = serde_json::from_str(line).expect("every output line is JSON");
            let path = record["source"]["path"].as_str().expect("every record names its source");
            let name =
                Path::new(path).strip_prefix(&inputs).unwrap_or_else(|_| panic!("unknown source {path}"));
            records.entry(name.display().to_string()).or_default().push(record);
        }
        Batch { run, records }
    })
}

fn error_kind(record: &Value) -> Option<&str> {
    record["error"]["kind"].as_str()
}

#[test]
fn batch_finishes_within_a_minute_and_a_gigabyte() {
    let run = &batch().run;
    assert!(!run.stalled, "batch stalled and was killed after {:?}: {}", run.elapsed, run.stderr);
    assert!(run.elapsed < BATCH_TIME, "batch took {:?}", run.elapsed);
    assert!(run.peak_rss > 0, "peak memory was never read");
    assert!(run.peak_rss < BATCH_MEMORY, "peak RSS {} MB", run.peak_rss / (1024 * 1024));
}

#[test]
fn batch_never_panics_and_exits_one_for_failed_inputs() {
    let run = &batch().run;
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert_eq!(run.status.code(), Some(1), "{}", run.stderr);
}

#[test]
fn every_input_is_reported_by_name_with_no_internal_error_or_timeout() {
    let batch = batch();
    let names: Vec<&str> = corpus::inputs().iter().map(|i| i.name).collect();
    let reported: Vec<&str> = batch.records.keys().map(String::as_str).collect();
    assert_eq!(reported, names);
    for (name, records) in &batch.records {
        for record in records {
            let kind = error_kind(record);
            assert!(!matches!(kind, Some("internal" | "timeout")), "{name}: {record}");
            if kind.is_some_and(|k| k != "skipped") {
                let path = record["source"]["path"].as_str().unwrap();
                assert!(
                    batch.run.stderr.lines().any(|l| l.contains(path)),
                    "{name}: no stderr line for {record}"
                );
            }
        }
    }
}

#[test]
fn every_input_gets_the_expected_record_or_error() {
    let batch = batch();
    for input in corpus::inputs() {
        let records = &batch.records[input.name];
        match input.expect {
            Expect::Text(phrase) => {
                let text =
                    records[0]["text"].as_str().unwrap_or_else(|| panic!("{}: {}", input.name, records[0]));
                assert!(text.contains(phrase), "{}: {phrase:?} not in {:.300}", input.name, text);
            }
            Expect::Error(kinds) => {
                let kind = error_kind(&records[0]);
                assert!(
                    kind.is_some_and(|k| kinds.contains(&k)),
                    "{}: expected {kinds:?}, got {}",
                    input.name,
                    records[0]
                );
            }
            Expect::Either => {}
        }
        if !input.name.contains(".warc") {
            assert_eq!(records.len(), 1, "{}: one input, one record", input.name);
        }
    }
}

#[test]
fn every_record_matches_the_schema_and_its_offsets_fit_its_text() {
    for (name, records) in &batch().records {
        for record in records {
            check::record(record).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
    }
}

#[test]
fn archive_records_are_reported_one_by_one_up_to_the_cut() {
    let records = &batch().records["warc-hostile.warc"];
    let by_uri = |suffix: &str| {
        records
            .iter()
            .find(|r| r["source"]["uri"].as_str().is_some_and(|u| u.ends_with(suffix)))
            .unwrap_or_else(|| panic!("no record for {suffix}"))
    };
    assert!(by_uri("/good")["text"].as_str().unwrap().contains(corpus::STORY));
    for suffix in [
        "/chunk-size-overflow",
        "/chunk-size-too-long",
        "/gzip-lie",
        "/no-status",
        "/headers-cut",
        "/many-headers",
    ] {
        by_uri(suffix);
    }
    let last = records.last().unwrap();
    assert_eq!(error_kind(last), Some("truncated"), "{last}");
}

#[test]
fn hostile_input_on_standard_input_is_reported_as_dash() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes, kind) in [
        ("truncated gzip", corpus::bytes("gzip-truncated.html.gz"), Some("truncated")),
        ("PNG", corpus::bytes("png-renamed.html"), Some("binary")),
        ("UTF-16", corpus::bytes("utf16le-bom.html"), None),
    ] {
        let input = dir.path().join("input");
        std::fs::write(&input, bytes).unwrap();
        let mut command = Command::new(child::binary());
        command.stdin(std::fs::File::open(&input).unwrap());
        let run = child::run(command, dir.path(), BATCH_TIME);
        let record: Value =
            serde_json::from_str(run.stdout.trim_end()).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(record["source"]["path"], "-", "{name}");
        assert_eq!(error_kind(&record), kind, "{name}: {record}");
        assert_eq!(run.status.code(), Some(if kind.is_some() { 1 } else { 0 }), "{name}: {}", run.stderr);
    }
}

/// Regression: a chunk size of 16 hex digits overflowed `start + size` in the
/// binary's de-chunking, and the panic, on the thread reading the archive,
/// left the binary waiting for ever.
#[test]
fn chunk_size_that_overflows_is_reported_without_panic_or_hang() {
    let dir = tempfile::tempdir().unwrap();
    let head = "HTTP/1.1 200 OK\nContent-Type: text/html\nTransfer-Encoding: chunked";
    for size in ["ffffffffffffffff", "fffffffffffffffe", "7fffffffffffffff"] {
        let message = corpus::http_response(
            head,
            format!("{size}\r\n<p>{}</p>\r\n0\r\n\r\n", corpus::STORY).as_bytes(),
        );
        let archive = dir.path().join("chunked.warc");
        std::fs::write(
            &archive,
            corpus::warc_record("response", "http://example.com/", "application/http", &message),
        )
        .unwrap();
        let mut command = Command::new(child::binary());
        command.arg(&archive);
        let run = child::run(command, dir.path(), BATCH_TIME);
        assert!(!run.stalled && !run.stderr.contains("panicked"), "{size}: {}", run.stderr);
        let record: Value =
            serde_json::from_str(run.stdout.trim_end()).unwrap_or_else(|e| panic!("{size}: {e}"));
        assert!(record["text"].as_str().is_some_and(|t| t.contains("harbour")), "{size}: {record}");
    }
}

/// Regression: the cleaner's cap on nesting depth (a byte scan ahead of the
/// parser) counted unclosed `<p>`s and `<li>`s as nesting, so past 512 of
/// them it dropped their tags and ran the paragraphs together; with 100,000
/// of them the story's first paragraph was lost.
#[test]
fn unclosed_paragraphs_and_list_items_beyond_the_nesting_cap_stay_apart() {
    let cleaner = copydesk::clean::Cleaner::new();
    let n = 2_000;
    let paragraphs: String =
        (0..n).map(|i| format!("<p>Paragraph {i} says the harbour will reopen soon.")).collect();
    let items: String =
        (0..n).map(|i| format!("<li>Item {i} of the list of ships waiting outside.")).collect();
    for body in [paragraphs, format!("<p>{}<ul>{items}</ul>", corpus::STORY)] {
        let page = format!("<html><body><article><p>{}{body}</article></body></html>", corpus::STORY);
        let text = cleaner.clean(page.as_bytes()).unwrap().text;
        assert!(text.starts_with(corpus::STORY), "{:.200}", text);
        assert!(!text.contains("soon.Paragraph") && !text.contains("outside.Item"), "blocks run together");
    }
}

/// Regression: the `warc` crate panics on a Content-Length within a few
/// bytes of `usize::MAX` (its `len + 4` wraps, then it slices the body to
/// `len`), and the panic, on the thread reading the inputs, left the binary
/// waiting for ever. The archive must end with an error record instead (the
/// panic message itself still reaches standard error).
#[test]
fn warc_content_length_near_usize_max_ends_the_archive_with_an_error() {
    let dir = tempfile::tempdir().unwrap();
    for (length, tail) in [(u64::MAX - 1, "\r\n"), (u64::MAX, "\n\r\n")] {
        let archive = dir.path().join("huge-length.warc");
        let record = format!(
            "WARC/1.0\r\nWARC-Type: resource\r\nWARC-Record-ID: <urn:x>\r\nContent-Type: text/plain\r\n\
             Content-Length: {length}\r\n\r\n{tail}"
        );
        std::fs::write(&archive, record).unwrap();
        let mut command = Command::new(child::binary());
        command.arg(&archive);
        let run = child::run(command, dir.path(), BATCH_TIME);
        assert!(!run.stalled, "{length}: stalled: {}", run.stderr);
        let record: Value =
            serde_json::from_str(run.stdout.trim_end()).unwrap_or_else(|e| panic!("{length}: {e}"));
        assert_eq!(record["source"]["path"], archive.display().to_string());
        assert_eq!(error_kind(&record), Some("read"), "{record}");
        assert_eq!(run.status.code(), Some(1));
    }
}
