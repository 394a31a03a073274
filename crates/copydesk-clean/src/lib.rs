//! Cleaning (scaffold, replaced by the clean work).
#![allow(missing_docs)]
mod text;
use copydesk_core::Document;
pub use text::TextCleaner;
#[derive(Debug, thiserror::Error)]
pub enum CleanError {
    #[error("empty input")]
    Empty,
}
#[derive(Default)]
pub struct Cleaner {
    text: TextCleaner,
}
impl Cleaner {
    pub fn new() -> Cleaner {
        Cleaner { text: TextCleaner::new() }
    }
    pub fn clean(&self, input: &[u8]) -> Result<Document, CleanError> {
        if input.is_empty() {
            return Err(CleanError::Empty);
        }
        Ok(self.text.clean(&String::from_utf8_lossy(input)))
    }
}
