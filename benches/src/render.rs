//! HTML pages rendered to what a scraper saves: the visible text, one block
//! a line, furniture included. This is the input of text-mode cleaning.

use scraper::{ElementRef, Html, Node};

/// Elements whose content a reader never sees.
const HIDDEN: &[&str] =
    &["head", "script", "style", "noscript", "template", "svg", "iframe", "canvas", "select"];

/// Elements that start a line of their own.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "td",
    "th",
    "tr",
    "ul",
];

/// The visible text of `html`, one block a line, with runs of white space
/// inside a line collapsed and empty lines dropped.
pub fn blocks(html: &str) -> String {
    let doc = Html::parse_document(html);
    let mut raw = String::new();
    for node in doc.tree.root().descendants() {
        match node.value() {
            Node::Text(text) if !node.ancestors().filter_map(ElementRef::wrap).any(|e| is(e, HIDDEN)) => {
                // A line break inside text is only white space in HTML.
                raw.extend(text.chars().map(|c| if c == '\n' || c == '\r' { ' ' } else { c }));
            }
            Node::Element(_) if ElementRef::wrap(node).is_some_and(|e| is(e, BLOCKS)) => raw.push('\n'),
            _ => {}
        }
    }
    let mut out = String::with_capacity(raw.len());
    for line in raw.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        if !words.is_empty() {
            out.push_str(&words.join(" "));
            out.push('\n');
        }
    }
    out
}

fn is(element: ElementRef<'_>, names: &[&str]) -> bool {
    names.contains(&element.value().name())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_go_on_lines_of_their_own_and_hidden_text_is_dropped() {
        let html = "<html><head><title>T</title><style>p{}</style></head><body><nav><a>Home</a> <a>World</a></nav>\
                    <p>First  <b>bold</b>\n words.</p><script>var x;</script><ul><li>One</li><li>Two</li></ul></body></html>";
        assert_eq!(blocks(html), "Home World\nFirst bold words.\nOne\nTwo\n");
    }
}
