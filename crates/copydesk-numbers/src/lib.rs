//! Figures (scaffold, replaced by the numbers work).
#![allow(missing_docs)]
use copydesk_core::Span;
use serde::Serialize;
#[derive(Default)]
pub struct FigureScanner;
#[derive(Clone, Debug, Serialize)]
pub struct Figure {
    #[serde(flatten)]
    pub span: Span,
    pub text: String,
    pub value: f64,
}
impl FigureScanner {
    pub fn new() -> FigureScanner {
        FigureScanner
    }
    pub fn scan(&self, _text: &str) -> Vec<Figure> {
        Vec::new()
    }
}
