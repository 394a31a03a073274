use copydesk_clean::CleanError;
use copydesk_core::{Document, Metadata, Span};
use copydesk_numbers::Figure;
use copydesk_quotes::Quote;
use serde::Serialize;

use crate::Extraction;

/// The version of the output schema, written into every record. It changes
/// whenever a field changes meaning or is removed; see
/// `schema/record.schema.json` in this crate.
pub const SCHEMA: &str = "copydesk/1";

/// One line of the binary's JSON Lines output: what was found in one input,
/// or why nothing could be.
///
/// Fields a stage did not run for are absent. Every offset is a byte offset
/// into `text`.
#[derive(Clone, Debug, Serialize)]
pub struct Record {
    /// Always [`SCHEMA`].
    pub schema: &'static str,
    /// Where the document came from.
    pub source: Source,
    /// Why the input yielded no document.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<ErrorInfo>,
    /// The page's metadata: lang, title, authors, published, modified,
    /// site_name, url, description (each absent when the page does not say).
    #[serde(flatten)]
    pub meta: Metadata,
    /// The text every offset points into.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Sentences.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sentences: Option<Vec<Sentence>>,
    /// Quotes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quotes: Option<Vec<Quote>>,
    /// Figures.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub figures: Option<Vec<Figure<'static>>>,
}

/// Where a record's document came from.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Source {
    /// The file path as given or found, `-` for standard input.
    pub path: String,
    /// The record's id, for a document inside an archive.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub record_id: Option<String>,
    /// The URL the document was fetched from, when the input says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uri: Option<String>,
}

impl Source {
    /// A source that is a file (or `-`).
    pub fn path(path: impl Into<String>) -> Source {
        Source { path: path.into(), ..Source::default() }
    }
}

impl std::fmt::Display for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.path)?;
        if let Some(id) = &self.record_id {
            write!(f, " record {id}")?;
        }
        if let Some(uri) = &self.uri {
            write!(f, " ({uri})")?;
        }
        Ok(())
    }
}

/// Why an input yielded no document: the `error` of an error record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ErrorInfo {
    /// A stable, short class of error: `read`, `empty`, `binary`, `encoding`,
    /// `truncated`, `too-large`, `timeout`, `skipped`, `internal`, ...
    pub kind: &'static str,
    /// A message for people.
    pub message: String,
}

impl ErrorInfo {
    /// An error of `kind`.
    pub fn new(kind: &'static str, message: impl Into<String>) -> ErrorInfo {
        ErrorInfo { kind, message: message.into() }
    }

    /// An input that made copydesk panic: a bug, which must cost that input
    /// and not the batch.
    pub fn internal() -> ErrorInfo {
        ErrorInfo::new("internal", "copydesk failed on this input (a bug: please report it)")
    }
}

impl From<&CleanError> for ErrorInfo {
    fn from(e: &CleanError) -> ErrorInfo {
        let kind = match e {
            CleanError::Empty => "empty",
            CleanError::Binary { .. } => "binary",
            CleanError::InvalidUtf8 { .. } => "encoding",
            _ => "clean",
        };
        ErrorInfo::new(kind, e.to_string())
    }
}

impl From<CleanError> for ErrorInfo {
    fn from(e: CleanError) -> ErrorInfo {
        ErrorInfo::from(&e)
    }
}

/// A sentence: its span and its text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Sentence {
    /// Byte offset of the first byte in `text`.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The sentence as written.
    pub text: String,
}

impl Record {
    /// An empty record for `source`, to be filled by the `with_*` methods.
    pub fn new(source: Source) -> Record {
        Record {
            schema: SCHEMA,
            source,
            error: None,
            meta: Metadata::default(),
            text: None,
            sentences: None,
            quotes: None,
            figures: None,
        }
    }

    /// A record saying why `source` yielded no document.
    pub fn error(source: Source, error: ErrorInfo) -> Record {
        Record { error: Some(error), ..Record::new(source) }
    }

    /// The full record of a pipeline run.
    pub fn from_extraction(source: Source, found: Extraction) -> Record {
        let Extraction { document, sentences, quotes, figures } = found;
        Record::new(source)
            .with_sentences(&document.text, &sentences)
            .with_quotes(quotes)
            .with_figures(figures)
            .with_document(document)
    }

    /// Fills the metadata and the text from a cleaned document.
    pub fn with_document(mut self, document: Document) -> Record {
        self.meta = document.meta;
        self.text = Some(document.text);
        self
    }

    /// Sets the text alone (for the stages that take text as it is).
    pub fn with_text(mut self, text: String) -> Record {
        self.text = Some(text);
        self
    }

    /// Sets the sentences, as spans into `text`.
    pub fn with_sentences(mut self, text: &str, spans: &[Span]) -> Record {
        let sentences =
            spans.iter().map(|s| Sentence { start: s.start, end: s.end, text: s.slice(text).to_string() });
        self.sentences = Some(sentences.collect());
        self
    }

    /// Sets the quotes.
    pub fn with_quotes(mut self, quotes: Vec<Quote>) -> Record {
        self.quotes = Some(quotes);
        self
    }

    /// Sets the figures.
    pub fn with_figures(mut self, figures: Vec<Figure<'static>>) -> Record {
        self.figures = Some(figures);
        self
    }
}
