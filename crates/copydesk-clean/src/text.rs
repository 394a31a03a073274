//! Text mode (scaffold, replaced by the text-mode work).
use copydesk_core::Document;
/// Line-level boilerplate stripping for scraped text.
#[derive(Default)]
pub struct TextCleaner;
impl TextCleaner {
    /// Builds the cleaner.
    pub fn new() -> TextCleaner {
        TextCleaner
    }
    /// Keeps the story lines of `text`.
    pub fn clean(&self, text: &str) -> Document {
        Document::from_text(text)
    }
}
