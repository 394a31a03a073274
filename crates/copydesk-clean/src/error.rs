//! The ways cleaning can fail.

/// Why an input could not be cleaned.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CleanError {
    /// The input is empty or holds only whitespace.
    #[error("empty input: nothing but whitespace")]
    Empty,
    /// The input is not text: an image, an archive, a PDF or other binary data.
    #[error("binary input ({kind}), not HTML or text")]
    Binary {
        /// What the bytes look like, e.g. `"PNG image"` or `"NUL bytes"`.
        kind: &'static str,
    },
    /// Plain text that is not valid UTF-8 and carries no byte-order mark.
    #[error("invalid UTF-8 at byte {offset}: re-encode the text as UTF-8")]
    InvalidUtf8 {
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
}
