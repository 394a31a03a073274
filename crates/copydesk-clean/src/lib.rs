//! Cleaning (scaffold, replaced by the clean work).
#![allow(missing_docs)]
use copydesk_core::Document;
#[derive(Debug, thiserror::Error)]
pub enum CleanError {
    #[error("empty input")]
    Empty,
}
#[derive(Default)]
pub struct Cleaner;
impl Cleaner {
    pub fn new() -> Cleaner {
        Cleaner
    }
    pub fn clean(&self, input: &[u8]) -> Result<Document, CleanError> {
        if input.is_empty() {
            return Err(CleanError::Empty);
        }
        Ok(Document::from_text(String::from_utf8_lossy(input)))
    }
}
