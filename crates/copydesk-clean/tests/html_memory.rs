//! A 50 MB page is cleaned in memory bounded by a small multiple of its
//! size. The only test of its binary, so the process's peak resident memory
//! is this test's.

use copydesk_clean::Cleaner;

/// A line of `/proc/self/status`, in bytes ("VmHWM", "VmRSS").
#[cfg(target_os = "linux")]
fn status_bytes(key: &str) -> usize {
    let status = std::fs::read_to_string("/proc/self/status").expect("procfs");
    let line = status.lines().find(|l| l.starts_with(key)).expect("status line");
    let kb: usize = line.split_whitespace().nth(1).and_then(|n| n.parse().ok()).expect("a number");
    kb * 1024
}

#[cfg(target_os = "linux")]
#[test]
fn fifty_megabyte_page_is_cleaned_in_bounded_memory() {
    let story = "The council approved the budget on Tuesday, raising spending on schools by four percent.";
    let block = format!(
        "<div class=\"share-bar\"><a href=/s>Share</a> <a href=/t>Tweet</a></div><p>{story} {story}</p>\n\
         <ul><li><a href=/a>Another story</a></li></ul>\n"
    );
    let size = 50 * 1024 * 1024;
    let mut page = String::with_capacity(size + block.len() + 64);
    page.push_str("<html><body><nav><a href=/>Home</a></nav><article>");
    while page.len() < size {
        page.push_str(&block);
    }
    page.push_str("</article></body></html>");
    let cleaner = Cleaner::new();
    let before = status_bytes("VmRSS");
    let doc = cleaner.clean(page.as_bytes()).unwrap();
    let peak = status_bytes("VmHWM").saturating_sub(before);
    assert!(doc.text.len() > size / 2, "{}", doc.text.len());
    assert!(!doc.text.contains("Another story"));
    // About 13 times the page here: the parsed tree and the arena over it.
    assert!(peak < 20 * page.len(), "held {} MB more to clean a {} MB page", peak >> 20, page.len() >> 20);
}
