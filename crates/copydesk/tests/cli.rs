//! The `copydesk` binary end to end: inputs, records, errors, exit codes.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn copydesk() -> Command {
    Command::new(env!("CARGO_BIN_EXE_copydesk"))
}

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus")
}

fn records(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

fn validator() -> jsonschema::Validator {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/record.schema.json");
    let schema = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

fn run_with_stdin(cmd: &mut Command, input: &[u8]) -> Output {
    use std::io::Write;
    let mut child = cmd.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn corpus_folder_yields_one_valid_record_per_document() {
    let out = copydesk().arg(corpus()).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let records = records(&out);
    assert_eq!(records.len(), std::fs::read_dir(corpus()).unwrap().count());
    let validator = validator();
    for r in &records {
        assert!(validator.is_valid(r), "{r}");
        assert!(!r["text"].as_str().unwrap().is_empty());
        assert!(!r["sentences"].as_array().unwrap().is_empty());
    }
}

#[test]
fn single_stage_commands_write_valid_records_naming_their_source() {
    let validator = validator();
    for stage in ["clean", "sentences", "quotes", "figures"] {
        let out = copydesk().arg(stage).arg(corpus()).output().unwrap();
        assert!(out.status.success(), "{stage}: {}", String::from_utf8_lossy(&out.stderr));
        for r in records(&out) {
            assert!(validator.is_valid(&r), "{stage}: {r}");
            assert!(r["source"]["path"].as_str().unwrap().contains("corpus"), "{stage}: {r}");
            let field = if stage == "clean" { "text" } else { stage };
            assert!(r.get(field).is_some(), "{stage}: no {field} in {r}");
        }
    }
}

#[test]
fn bad_inputs_are_reported_by_name_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, bytes: &[u8]| std::fs::write(dir.path().join(name), bytes).unwrap();
    write("a-good.txt", b"The council voted on Tuesday. It approved $42 million for the bridge.");
    write("b-invalid-utf8.txt", b"Prices rose \xff\xfe sharply in May.");
    write(
        "c-image.png",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00",
    );
    write("d-empty.txt", b"");
    let missing = dir.path().join("e-missing.html");
    let out = copydesk().arg("--sort").arg(dir.path()).arg(&missing).output().unwrap();

    assert_eq!(out.status.code(), Some(1), "errors must make the exit code non-zero");
    let stderr = String::from_utf8_lossy(&out.stderr);
    for bad in ["b-invalid-utf8.txt", "c-image.png", "d-empty.txt", "e-missing.html"] {
        assert!(stderr.contains(bad), "stderr does not name {bad}:\n{stderr}");
    }
    assert!(!stderr.contains("panicked"), "{stderr}");
    let records = records(&out);
    assert_eq!(records.len(), 5, "one record per input");
    let good = &records[0];
    assert!(good.get("error").is_none(), "{good}");
    assert!(good["text"].as_str().unwrap().contains("$42 million"));
    for r in &records[1..] {
        assert!(r["error"]["message"].is_string(), "{r}");
        assert!(r.get("text").is_none(), "{r}");
    }
    let validator = validator();
    assert!(records.iter().all(|r| validator.is_valid(r)));
}

#[test]
fn stdin_is_read_when_the_path_is_a_dash() {
    let out = run_with_stdin(
        copydesk().arg("-"),
        b"Officials said 200 soldiers were hurt. The talks resume on Monday.",
    );
    assert!(out.status.success());
    let records = records(&out);
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["source"]["path"], "-");
}

#[test]
fn sentences_as_text_prints_one_sentence_a_line() {
    let text =
        b"Maj. Gen. John Smith arrived at 10 a.m. on Monday. He left at noon.\nA new line starts here.";
    let out = run_with_stdin(copydesk().args(["sentences", "--text"]), text);
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().filter(|l| !l.is_empty()).collect();
    assert_eq!(
        lines,
        ["Maj. Gen. John Smith arrived at 10 a.m. on Monday.", "He left at noon.", "A new line starts here."]
    );
}

/// One WARC record, its block given whole.
fn warc_record(kind: &str, id: u32, uri: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{id:012}>\r\n\
         WARC-Date: 2025-02-10T12:00:00Z\r\nWARC-Target-URI: {uri}\r\nContent-Type: {content_type}\r\n\
         Content-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn http_response(content_type: &str, body: &str) -> Vec<u8> {
    format!("HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n{body}", body.len())
        .into_bytes()
}

fn gzip_member(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(bytes).unwrap();
    gz.finish().unwrap()
}

fn page(headline: &str, sentence: &str) -> String {
    format!(
        "<html><head><title>{headline}</title></head><body><article><h1>{headline}</h1><p>{sentence}</p></article></body></html>"
    )
}

#[test]
fn warc_archive_and_folder_account_for_every_document() {
    let dir = tempfile::tempdir().unwrap();
    let http = "application/http; msgtype=response";
    let mut archive = Vec::new();
    archive.extend(gzip_member(&warc_record(
        "warcinfo",
        1,
        "",
        "application/warc-fields",
        b"software: test\r\n",
    )));
    archive.extend(gzip_member(&warc_record(
        "request",
        2,
        "https://news.example/a",
        "application/http; msgtype=request",
        b"GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n",
    )));
    let first = page("Bridge vote", "The council voted 7-2 on Thursday to spend $42 million on the bridge.");
    archive.extend(gzip_member(&warc_record(
        "response",
        3,
        "https://news.example/a",
        http,
        &http_response("text/html; charset=utf-8", &first),
    )));
    let image = http_response("image/png", "\u{89}PNG not really");
    archive.extend(gzip_member(&warc_record("response", 4, "https://news.example/logo.png", http, &image)));
    let second = page("Harvest", "Farmers expect 11.1 million tonnes of wheat this year, officials said.");
    archive.extend(gzip_member(&warc_record(
        "response",
        5,
        "https://news.example/b",
        http,
        &http_response("text/html", &second),
    )));
    // The last record claims more bytes than the archive holds.
    let mut cut =
        warc_record("response", 6, "https://news.example/c", http, &http_response("text/html", &first));
    cut.truncate(cut.len() - 40);
    archive.extend(gzip_member(&cut));
    std::fs::write(dir.path().join("crawl.warc.gz"), archive).unwrap();

    let folder = dir.path().join("pages");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(
        folder.join("good.html"),
        page("Ferry fares", "Ferry fares will rise by 5% in May, the operator said."),
    )
    .unwrap();
    std::fs::write(
        folder.join("good.txt.gz"),
        gzip_member(b"Officials said 200 soldiers were hurt. Talks resume on Monday."),
    )
    .unwrap();
    let mut truncated =
        gzip_member(b"A story that never ends because its gzip stream was cut short in transit.");
    truncated.truncate(truncated.len() / 2);
    std::fs::write(folder.join("cut.txt.gz"), truncated).unwrap();
    std::fs::write(folder.join("bad.txt"), b"\x00\x01\x02\x03garbage\x00\x00\x7f\x10").unwrap();

    let out = copydesk()
        .args(["--sort", "-q"])
        .arg(dir.path().join("crawl.warc.gz"))
        .arg(&folder)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let records = records(&out);
    let ok: Vec<&serde_json::Value> = records.iter().filter(|r| r.get("error").is_none()).collect();
    let uris: Vec<&str> = ok.iter().filter_map(|r| r["source"]["uri"].as_str()).collect();
    assert_eq!(
        uris,
        ["https://news.example/a", "https://news.example/b"],
        "each good archived page exactly once"
    );
    assert!(
        ok.iter().all(|r| r["source"]["record_id"].as_str().is_some_and(|id| id.starts_with("<urn:uuid:"))
            || r["source"]["uri"].is_null())
    );
    let paths: Vec<&str> = ok
        .iter()
        .filter(|r| r["source"]["uri"].is_null())
        .map(|r| r["source"]["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths.len(), 2, "{paths:?}");
    assert!(
        paths.iter().any(|p| p.ends_with("good.html")) && paths.iter().any(|p| p.ends_with("good.txt.gz"))
    );

    let kinds: Vec<(&str, &str)> = records
        .iter()
        .filter_map(|r| Some((r["error"]["kind"].as_str()?, r["source"]["path"].as_str()?)))
        .collect();
    assert!(kinds.iter().any(|(k, p)| *k == "skipped" && p.ends_with("crawl.warc.gz")), "{kinds:?}");
    assert!(kinds.iter().any(|(k, p)| *k == "truncated" && p.ends_with("crawl.warc.gz")), "{kinds:?}");
    assert!(kinds.iter().any(|(_, p)| p.ends_with("cut.txt.gz")), "{kinds:?}");
    assert!(kinds.iter().any(|(_, p)| p.ends_with("bad.txt")), "{kinds:?}");
    assert_eq!(records.len(), 8, "4 good, 1 skipped, 3 failed: {records:#?}");
}

#[test]
fn warc_http_charset_decides_the_decoding() {
    let http = "application/http; msgtype=response";
    // windows-1252 bytes ("\xe9" is "é", "\x80" is "€") in a page that
    // claims UTF-8: as in browsers, the HTTP header's charset wins.
    let body = b"<html><head><meta charset=utf-8><title>Caf\xe9 prices</title></head><body><article><h1>Caf\xe9 prices</h1>\
                 <p>The caf\xe9 on the square raised its prices to \x804.50 a cup on Monday, its owner said.</p>\
                 </article></body></html>";
    let mut block = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1252\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    block.extend_from_slice(body);
    let archive = warc_record("response", 7, "https://news.example/cafe", http, &block);
    let out = run_with_stdin(copydesk().args(["-q", "-"]), &archive);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let records = records(&out);
    assert_eq!(records.len(), 1);
    let text = records[0]["text"].as_str().unwrap();
    assert!(text.contains("The café on the square raised its prices to €4.50"), "{text}");
}

#[test]
fn glob_filters_choose_the_files_of_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.html"),
        page("A", "The first story has 12 sentences in it, said the editor."),
    )
    .unwrap();
    std::fs::write(dir.path().join("b.txt"), "The second story is plain text. It has two sentences.")
        .unwrap();
    let out = copydesk().args(["-q", "-g", "*.html"]).arg(dir.path()).output().unwrap();
    let records = records(&out);
    assert_eq!(records.len(), 1);
    assert!(records[0]["source"]["path"].as_str().unwrap().ends_with("a.html"));
}

#[test]
fn fields_and_stages_trim_the_record() {
    let out =
        copydesk().args(["-q", "--stages", "figures", "--fields=-text"]).arg(corpus()).output().unwrap();
    for r in records(&out) {
        assert!(r.get("text").is_none() && r.get("sentences").is_none() && r.get("quotes").is_none(), "{r}");
        assert!(r["figures"].is_array(), "{r}");
    }
}

#[test]
fn output_file_receives_the_records() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("out.jsonl");
    let out = copydesk().args(["-q", "-o"]).arg(&file).arg(corpus()).output().unwrap();
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    assert!(std::fs::read_to_string(file).unwrap().lines().count() >= 5);
}
