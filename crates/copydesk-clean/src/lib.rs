//! The story and its metadata from a news page: HTML as fetched (any charset,
//! broken markup) or plain text scraped from a page with the site's furniture
//! still in it.
//!
//! A [`Cleaner`] is built once (its phrase tables compiled once) and used for
//! many pages, from many threads. [`Cleaner::clean`] sniffs whether its input
//! is HTML or plain text, decodes it, and returns a [`Document`]: the story's
//! paragraphs separated by blank lines, and the [`Metadata`](copydesk_core::Metadata)
//! the page states (title, authors, dates, site, URL, description, language).
//!
//! ```
//! use copydesk_clean::Cleaner;
//!
//! let page = r##"<html lang="en-GB"><head><title>Council backs budget | The Daily Example</title>
//! <meta property="og:site_name" content="The Daily Example">
//! <meta property="article:published_time" content="2024-03-05T09:30:00Z"></head>
//! <body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
//! <article><h1>Council backs budget</h1><p class="byline">By Jane Doe</p>
//! <p>The council approved the budget on Tuesday, raising spending on schools by 4%.</p>
//! <p>"It is a fair deal," said the council leader, who had pushed for the increase.</p>
//! <div class="share-bar"><a href="#">Share on Facebook</a></div></article>
//! <footer>© The Daily Example</footer></body></html>"##;
//!
//! let doc = Cleaner::new().clean(page.as_bytes()).unwrap();
//! assert!(doc.text.starts_with("The council approved the budget"));
//! assert!(!doc.text.contains("Share on Facebook"));
//! assert_eq!(doc.meta.title.as_deref(), Some("Council backs budget"));
//! assert_eq!(doc.meta.authors, vec!["Jane Doe"]);
//! assert_eq!(doc.meta.published.as_deref(), Some("2024-03-05T09:30:00Z"));
//! assert_eq!(doc.meta.lang.as_deref(), Some("en"));
//! ```

mod charset;
mod error;
mod hints;
mod html;
mod meta;
mod sniff;
mod table;
mod text;
mod text_util;

use copydesk_core::Document;

pub use charset::{decode, decode_with_charset};
pub use error::CleanError;
pub use sniff::is_html;
pub use text::TextCleaner;

/// Everything compiled once and shared by every page.
pub(crate) struct Tables {
    tags: html::tags::Tags,
    hints: hints::Hints,
    furniture: html::Furniture,
    dates: text_util::DateWords,
    separators: meta::title::Separators,
    languages: meta::lang::Languages,
    entities: meta::entities::Entities,
    author_paths: aho_corasick::AhoCorasick,
}

impl Tables {
    fn new() -> Tables {
        Tables {
            tags: html::tags::Tags::new(),
            hints: hints::Hints::new(),
            furniture: html::Furniture::new(),
            dates: text_util::DateWords::new(),
            separators: meta::title::Separators::new(),
            languages: meta::lang::Languages::new(),
            entities: meta::entities::Entities::new(),
            author_paths: aho_corasick::AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build(table::entries(include_str!("../data/author_paths.txt")))
                .expect("author paths compile"),
        }
    }
}

/// Cleans news pages: HTML or scraped plain text in, the story and its
/// metadata out. Build it once and reuse it; it is `Send + Sync`.
pub struct Cleaner {
    tables: Tables,
    text: TextCleaner,
}

impl Default for Cleaner {
    fn default() -> Cleaner {
        Cleaner::new()
    }
}

impl std::fmt::Debug for Cleaner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Cleaner").finish_non_exhaustive()
    }
}

impl Cleaner {
    /// Builds a cleaner, compiling its tables.
    pub fn new() -> Cleaner {
        Cleaner { tables: Tables::new(), text: TextCleaner::new() }
    }

    /// Cleans a page as fetched: sniffs HTML or plain text ([`is_html`]),
    /// decodes it ([`decode`]) and cleans it in the matching mode.
    ///
    /// # Errors
    ///
    /// See [`decode`]: empty, binary, or plain text that is not UTF-8.
    pub fn clean(&self, input: &[u8]) -> Result<Document, CleanError> {
        self.clean_with_charset(input, None)
    }

    /// Cleans a page fetched with a transport charset (the `charset` of an
    /// HTTP `Content-Type` header), which decides its decoding as
    /// [`decode_with_charset`] says; [`Cleaner::clean`] otherwise.
    ///
    /// # Errors
    ///
    /// See [`decode_with_charset`].
    pub fn clean_with_charset(&self, input: &[u8], charset: Option<&str>) -> Result<Document, CleanError> {
        let text = decode_with_charset(input, charset)?;
        if is_html(input) { Ok(html::clean(&text, &self.tables)) } else { Ok(self.clean_text(&text)) }
    }

    /// Cleans an HTML page given as bytes in any charset.
    ///
    /// # Errors
    ///
    /// See [`decode`]: empty or binary input.
    pub fn clean_html(&self, html: &[u8]) -> Result<Document, CleanError> {
        let text = decode_html_bytes(html)?;
        Ok(html::clean(&text, &self.tables))
    }

    /// Cleans plain text scraped from a page (text mode).
    pub fn clean_text(&self, text: &str) -> Document {
        self.text.clean(text)
    }
}

/// Decodes bytes known to be HTML, even when they do not look like it.
fn decode_html_bytes(html: &[u8]) -> Result<std::borrow::Cow<'_, str>, CleanError> {
    match decode(html) {
        Err(CleanError::InvalidUtf8 { .. }) => Ok(charset::decode_as_html(html)),
        other => other,
    }
}
