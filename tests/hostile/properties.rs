//! The whole pipeline on arbitrary input, in process: what each stage's own
//! property tests cannot see is the record they make together. Whatever the
//! bytes, extraction either fails with an error or yields a record that
//! serialises to JSON matching the output schema, with every offset on the
//! text it points into and the sentences in order.

use std::sync::LazyLock;

use copydesk::{Pipeline, Record, Source};
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;

use crate::check;

static PIPELINE: LazyLock<Pipeline> = LazyLock::new(Pipeline::new);

fn check_extraction(input: &[u8]) -> Result<(), TestCaseError> {
    let Ok(found) = PIPELINE.extract(input) else { return Ok(()) };
    let record = Record::from_extraction(Source::path("input"), found);
    let json = serde_json::to_string(&record).expect("a record serialises");
    let value = serde_json::from_str(&json).expect("the JSON parses back");
    check::record(&value).map_err(TestCaseError::fail)
}

/// Pieces of news pages and their hostile cousins: markup, quote marks,
/// figures, abbreviations, controls, charset declarations.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(vec![
            "<p>", "</p>", "<div class=\"share\">", "</div>", "<article>", "<h1>", "</h1>", "<br>", "<script>",
            "</script>", "<meta charset=\"windows-1252\">", "<title>", "</title>", "&amp;", "&#0;", "&#x1F600;",
            "<!--", "-->", "\"", "\u{201c}", "\u{201d}", "'", "\u{2018}", "\u{2019}", "«", "»", " said ",
            " told reporters", ", according to ", "Mr. ", "Dr. ", "U.S. ", "Ivo Lang", "she", ". ", "? ", "! ",
            "...", "\n", "\n\n", "\r\n", " ", "$", "£", "€", "%", "4.2", "1,200", "3 1/2", "½", " million",
            " bn", " km", " per cent", "-", "–", "—", "\u{200b}", "\u{202e}", "\u{feff}", "\0", "\u{fffd}", "日本",
        ])
        .prop_map(str::to_string),
        1 => "[0-9]{1,40}",
        1 => "[A-Za-z]{1,10}",
        1 => "\\PC{0,4}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 256,
        // The default looks for the crate's lib.rs or main.rs, which a test
        // target of its own does not have.
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct("hostile/properties.proptest-regressions"))),
        ..ProptestConfig::default()
    })]

    #[test]
    fn any_bytes_give_an_error_or_a_valid_record(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        check_extraction(&bytes)?;
    }

    #[test]
    fn any_page_of_news_pieces_gives_an_error_or_a_valid_record(
        pieces in prop::collection::vec(piece(), 0..80),
        html in any::<bool>(),
    ) {
        let body = pieces.concat();
        let page = if html { format!("<html><body>{body}</body></html>") } else { body };
        check_extraction(page.as_bytes())?;
    }
}
