//! HTML pages rendered to what a scraper saves: the visible text, every
//! block-level element on its own line, furniture included. This is the
//! input of text-mode cleaning, both in `cargo xtask eval` (which labels
//! its lines by the gold body) and in the benchmarks; `xtask` includes this
//! file by path, so the two cannot drift apart.

use scraper::{Html, Node};

/// Elements whose text a reader never sees.
const HIDDEN: &[&str] = &[
    "head", "script", "style", "noscript", "template", "svg", "iframe", "object", "canvas", "select", "math",
];

/// Elements that start a new line.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "br",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
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
    "hgroup",
    "hr",
    "legend",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// Renders HTML as scraped text: every block on its own line, whitespace
/// collapsed, hidden elements dropped.
pub fn render(html: &str) -> String {
    let doc = Html::parse_document(html);
    let mut out = String::new();
    let mut line = String::new();
    let flush = |line: &mut String, out: &mut String| {
        let t = line.trim();
        if !t.is_empty() {
            out.push_str(t);
            out.push('\n');
        }
        line.clear();
    };
    // Depth-first with an explicit stack (no recursion on deep pages); a
    // node is pushed twice: to open it, then to close it.
    let mut stack = vec![(doc.tree.root(), false)];
    while let Some((node, closing)) = stack.pop() {
        match node.value() {
            Node::Element(e) if HIDDEN.contains(&e.name()) => {
                // Hidden subtrees are never entered.
                continue;
            }
            Node::Element(e) if BLOCKS.contains(&e.name()) => flush(&mut line, &mut out),
            Node::Text(t) if !closing => {
                for word in t.split_whitespace() {
                    if !line.is_empty() && !line.ends_with(' ') {
                        line.push(' ');
                    }
                    line.push_str(word);
                }
                if t.ends_with(char::is_whitespace) && !line.is_empty() {
                    line.push(' ');
                }
            }
            _ => {}
        }
        if !closing {
            stack.push((node, true));
            stack.extend(node.children().rev().map(|c| (c, false)));
        }
    }
    flush(&mut line, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_go_on_lines_of_their_own_and_hidden_text_is_dropped() {
        let html = "<html><head><title>T</title><style>p{}</style></head><body><nav><a>Home</a> <a>World</a></nav>\
                    <p>First  <b>bold</b>\n words.</p><script>var x;</script><ul><li>One</li><li>Two</li></ul></body></html>";
        assert_eq!(render(html), "Home World\nFirst bold words.\nOne\nTwo\n");
    }
}
