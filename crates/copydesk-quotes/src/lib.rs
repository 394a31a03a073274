//! Quotes (scaffold, replaced by the quotes work).
#![allow(missing_docs)]
use copydesk_core::Span;
use serde::Serialize;
#[derive(Default)]
pub struct QuoteFinder;
#[derive(Clone, Debug, Serialize)]
pub struct Quote {
    #[serde(flatten)]
    pub span: Span,
    pub text: String,
}
impl QuoteFinder {
    pub fn new() -> QuoteFinder {
        QuoteFinder
    }
    pub fn find(&self, _text: &str, _sentences: &[Span]) -> Vec<Quote> {
        Vec::new()
    }
}
