//! copydesk turns raw news pages into structured facts: the clean story, its
//! sentences, who said what, and every figure with its value and what it
//! counts.
//!
//! This crate chains the stage crates, which are each usable alone and are
//! re-exported here: [`clean`] (main content and metadata), [`segment`]
//! (sentences), [`quotes`] (quote attribution) and [`numbers`] (figures). A
//! [`Pipeline`] builds every stage once and is shared across threads; a
//! [`Record`] is one line of the `copydesk` binary's JSON Lines output.
//!
//! ```
//! let pipeline = copydesk::Pipeline::new();
//! let page = "<html><body><article><p>The US supplied 22,174 Humvees to the Afghan \
//!             army, officials said on Tuesday.</p></article></body></html>";
//! let found = pipeline.extract(page.as_bytes()).unwrap();
//! assert!(found.document.text.contains("22,174 Humvees"));
//! assert_eq!(found.sentences.len(), 1);
//! ```

mod pipeline;
mod record;

pub use copydesk_clean as clean;
pub use copydesk_core as core;
pub use copydesk_numbers as numbers;
pub use copydesk_quotes as quotes;
pub use copydesk_segment as segment;

pub use copydesk_core::{Document, Metadata, Span};
pub use pipeline::{Extraction, Pipeline, Stages};
pub use record::{ErrorInfo, Record, SCHEMA, Sentence, Source};
