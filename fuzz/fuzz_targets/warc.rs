#![no_main]
//! The binary's WARC reading on any bytes: the `warc` crate's record
//! iterator, then the binary's own record handling and HTTP parsing
//! (de-chunking, gzip and deflate bodies), document by document.

use std::io::Cursor;
use std::sync::Once;

use copydesk::Source;
use copydesk_fuzz::inputs::Payload;
use copydesk_fuzz::warc::WarcDocs;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // libFuzzer's panic hook aborts even on a panic that is caught; the
    // binary catches the warc crate's panics (see warc.rs), so the default
    // hook is put back and only a panic that escapes counts as a crash.
    static DEFAULT_HOOK: Once = Once::new();
    DEFAULT_HOOK.call_once(|| drop(std::panic::take_hook()));
    for doc in WarcDocs::new(Cursor::new(data), Source::path("fuzz.warc")) {
        assert_eq!(doc.source.path, "fuzz.warc");
        if let Payload::Failed(f) = doc.payload {
            assert!(!f.kind.is_empty() && !f.message.is_empty());
        }
    }
});
