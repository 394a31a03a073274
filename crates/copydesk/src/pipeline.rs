use copydesk_clean::{CleanError, Cleaner};
use copydesk_core::{Document, Span};
use copydesk_numbers::{Figure, FigureScanner};
use copydesk_quotes::{Quote, QuoteFinder};
use copydesk_segment::Segmenter;

/// Every stage, built once and applied to many documents.
///
/// A `Pipeline` is `Send + Sync`: build one and share it across threads.
pub struct Pipeline {
    cleaner: Cleaner,
    english: Segmenter,
    generic: Segmenter,
    quotes: QuoteFinder,
    figures: FigureScanner,
}

/// Which stages run after cleaning (cleaning always runs).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stages {
    /// Split sentences.
    pub sentences: bool,
    /// Find quotes (they need sentences, which are then split but not kept
    /// unless `sentences` is set too).
    pub quotes: bool,
    /// Find figures.
    pub figures: bool,
}

impl Stages {
    /// Every stage.
    pub const ALL: Stages = Stages { sentences: true, quotes: true, figures: true };
}

impl Default for Stages {
    fn default() -> Stages {
        Stages::ALL
    }
}

/// What the pipeline found in one document.
#[derive(Clone, Debug)]
pub struct Extraction {
    /// The cleaned story and the page's metadata.
    pub document: Document,
    /// Sentence spans into `document.text` (empty when not asked for).
    pub sentences: Vec<Span>,
    /// Quotes, with spans into `document.text`.
    pub quotes: Vec<Quote>,
    /// Figures, with spans into `document.text`.
    pub figures: Vec<Figure<'static>>,
}

impl Default for Pipeline {
    fn default() -> Pipeline {
        Pipeline::new()
    }
}

impl Pipeline {
    /// Builds every stage.
    pub fn new() -> Pipeline {
        Pipeline {
            cleaner: Cleaner::new(),
            english: Segmenter::new(),
            // Any code other than English selects the generic rule set.
            generic: Segmenter::for_lang("und"),
            quotes: QuoteFinder::new(),
            figures: FigureScanner::new(),
        }
    }

    /// Runs every stage on a page (HTML or scraped text, any charset).
    pub fn extract(&self, input: &[u8]) -> Result<Extraction, CleanError> {
        self.extract_with(input, Stages::ALL)
    }

    /// Cleans a page and runs the chosen stages on it.
    pub fn extract_with(&self, input: &[u8], stages: Stages) -> Result<Extraction, CleanError> {
        self.extract_with_charset(input, None, stages)
    }

    /// Cleans a page fetched with a transport charset (the `charset` of an
    /// HTTP `Content-Type` header; see [`copydesk_clean::decode_with_charset`])
    /// and runs the chosen stages on it.
    pub fn extract_with_charset(
        &self,
        input: &[u8],
        charset: Option<&str>,
        stages: Stages,
    ) -> Result<Extraction, CleanError> {
        Ok(self.analyse_with(self.cleaner.clean_with_charset(input, charset)?, stages))
    }

    /// The cleaning stage alone.
    pub fn clean(&self, input: &[u8]) -> Result<Document, CleanError> {
        self.cleaner.clean(input)
    }

    /// The cleaning stage alone, on a page fetched with a transport charset.
    pub fn clean_with_charset(&self, input: &[u8], charset: Option<&str>) -> Result<Document, CleanError> {
        self.cleaner.clean_with_charset(input, charset)
    }

    /// Runs every stage after cleaning on a document already clean.
    pub fn analyse(&self, document: Document) -> Extraction {
        self.analyse_with(document, Stages::ALL)
    }

    /// Runs the chosen stages on a document already clean.
    pub fn analyse_with(&self, document: Document, stages: Stages) -> Extraction {
        let text = &document.text;
        let mut sentences = Vec::new();
        if stages.sentences || stages.quotes {
            sentences = self.sentences(text, document.meta.lang.as_deref());
        }
        let quotes = if stages.quotes { self.quotes(text, &sentences) } else { Vec::new() };
        if !stages.sentences {
            sentences.clear();
        }
        let figures = if stages.figures { self.figures(text) } else { Vec::new() };
        Extraction { document, sentences, quotes, figures }
    }

    /// Sentence spans of `text`, with the rules for `lang` (English when
    /// unknown).
    pub fn sentences(&self, text: &str, lang: Option<&str>) -> Vec<Span> {
        let segmenter = match lang {
            None | Some("en") => &self.english,
            Some(_) => &self.generic,
        };
        segmenter.split(text).collect()
    }

    /// Quotes in `text`, given its sentence spans.
    pub fn quotes(&self, text: &str, sentences: &[Span]) -> Vec<Quote> {
        self.quotes.find(text, sentences)
    }

    /// Figures in `text`, owning their text (the scanner's borrow it).
    pub fn figures(&self, text: &str) -> Vec<Figure<'static>> {
        self.figures.scan(text).into_iter().map(Figure::into_owned).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pipeline_is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Pipeline>();
    }
}
