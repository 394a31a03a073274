//! Pathological pages: deep nesting, broken markup, huge inputs, any bytes.

use std::sync::LazyLock;

use copydesk_clean::{CleanError, Cleaner};
use proptest::prelude::*;

static CLEANER: LazyLock<Cleaner> = LazyLock::new(Cleaner::new);

const STORY: &str =
    "The council approved the budget on Tuesday, raising spending on schools by four percent.";

#[test]
fn hundred_thousand_nested_elements_do_not_overflow_the_stack() {
    let depth = 100_000;
    let mut page = String::from("<html><body>");
    page.push_str(&"<div>".repeat(depth));
    page.push_str(&format!("<p>{STORY}</p>"));
    page.push_str(&"</div>".repeat(depth));
    page.push_str("</body></html>");
    let doc = CLEANER.clean(page.as_bytes()).unwrap();
    assert!(doc.text.contains("approved the budget"), "{}", doc.text);
}

#[test]
fn deeply_nested_inline_formatting_does_not_overflow_the_stack() {
    let depth = 100_000;
    let page = format!(
        "<html><body><p>{}{STORY}{}</p></body></html>",
        "<span><b>".repeat(depth / 2),
        "</b></span>".repeat(depth / 2)
    );
    assert!(CLEANER.clean(page.as_bytes()).is_ok());
}

#[test]
fn unclosed_and_misnested_tags_still_yield_the_story() {
    let page = format!(
        "<html><body><div class=\"nav\"><a href=/>Home</a><a href=/n>News</a><div><article><p>{STORY}<p><b>\"It is fair,\" <i>said</b> the leader</i>, who backed the plan for months.</article>"
    );
    let doc = CLEANER.clean(page.as_bytes()).unwrap();
    assert!(doc.text.contains("approved the budget"), "{}", doc.text);
    assert!(doc.text.contains("said the leader"), "{}", doc.text);
}

#[test]
fn large_page_is_cleaned() {
    let para = format!("<p>{STORY} {STORY}</p>\n");
    let mut page = String::from("<html><body><article>");
    while page.len() < 8 * 1024 * 1024 {
        page.push_str(&para);
    }
    page.push_str("</article></body></html>");
    let doc = CLEANER.clean(page.as_bytes()).unwrap();
    assert!(doc.text.len() > 4 * 1024 * 1024);
}

#[test]
fn binary_file_is_a_clear_error() {
    let mut gzip = vec![0x1f, 0x8b, 0x08, 0x00];
    gzip.extend((0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8));
    let err = CLEANER.clean(&gzip).unwrap_err();
    assert!(matches!(err, CleanError::Binary { .. }), "{err:?}");
    assert!(!err.to_string().is_empty());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_bytes_clean_without_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = CLEANER.clean(&bytes);
        let _ = CLEANER.clean_html(&bytes);
    }

    #[test]
    fn any_markup_soup_cleans_without_panic(parts in proptest::collection::vec(
        prop_oneof![
            Just("<div>"), Just("</div>"), Just("<p>"), Just("</p>"), Just("<a href=x>"), Just("</a>"),
            Just("<table><tr><td>"), Just("</td></tr></table>"), Just("<br>"), Just("<pre>"), Just("</pre>"),
            Just("<script>"), Just("</script>"), Just("<nav class=\"share\">"), Just("<h1>"), Just("</h1>"),
            Just("Words, and more words."), Just("é ü 日本"), Just("&amp;&#0;&bogus;"), Just("<!--"), Just("-->"),
        ],
        0..64,
    )) {
        let page = parts.concat();
        let _ = CLEANER.clean_html(page.as_bytes());
    }
}
