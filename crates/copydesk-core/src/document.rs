use serde::{Deserialize, Serialize};

/// A cleaned document: the story's text and what is known about the page.
///
/// `text` holds the story alone, with paragraphs separated by a blank line
/// (`"\n\n"`); every span reported by the later stages indexes into it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The story's text, paragraphs separated by `"\n\n"`.
    pub text: String,
    /// Metadata found on the page.
    pub meta: Metadata,
}

/// Page metadata. Every field is optional: nothing is invented for a page
/// that does not state it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Metadata {
    /// The story's headline, with any site-name suffix trimmed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The people credited with writing the story.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub authors: Vec<String>,
    /// Publication date or date-time, ISO 8601.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// Last modification date or date-time, ISO 8601.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub modified: Option<String>,
    /// The publication's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub site_name: Option<String>,
    /// The canonical URL of the page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The page's own summary of the story.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Language of the story, as an ISO 639-1 code where one exists.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
}

impl Document {
    /// A document holding `text` and no metadata.
    pub fn from_text(text: impl Into<String>) -> Document {
        Document { text: text.into(), meta: Metadata::default() }
    }
}
