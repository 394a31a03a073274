//! Shared types for the copydesk stages: byte [`Span`]s into a cleaned text and
//! the [`Document`] model that the cleaner produces and the other stages read.
//!
//! Every stage of copydesk reports what it finds as byte ranges into one text,
//! always on `char` boundaries, so that results from different stages can be
//! lined up without copying the text.
//!
//! ```
//! use copydesk_core::Span;
//!
//! let text = "The US supplied 22,174 Humvees.";
//! let span = Span::new(16, 30);
//! assert_eq!(span.slice(text), "22,174 Humvees");
//! assert_eq!(span.len(), 14);
//! ```

mod document;
mod span;

pub use document::{Document, Metadata};
pub use span::Span;
