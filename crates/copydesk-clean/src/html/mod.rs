//! HTML mode: parse the page once, find the story's container by scoring
//! blocks, render it to paragraphs without the furniture, and read the
//! page's metadata.

mod furniture;
mod lead;
pub(crate) mod page;
mod prescan;
mod render;
mod score;
pub(crate) mod tags;

use copydesk_core::Document;
use scraper::Html;

pub(crate) use furniture::Furniture;
use page::{NONE, Page};

use crate::Tables;
use crate::text_util::normalize;

/// Cleans a decoded HTML page.
pub(crate) fn clean(html: &str, tables: &Tables) -> Document {
    let parsed = Html::parse_document(&prescan::prepare(html, &tables.tags));
    let mut page = Page::build(&parsed, tables);
    let container = score::score(&mut page);
    let mut meta = crate::meta::read(&page, container, tables);
    let mut paras = Vec::new();
    if container != NONE {
        if let Some(lead) = lead::find(&page, container) {
            paras = render::render(&page, lead);
        }
        paras.extend(render::render(&page, container));
    }
    let cx = furniture::Context { title: meta.title.as_deref().map(normalize), authors: &meta.authors };
    furniture::tidy(&mut paras, &tables.furniture, &tables.dates, &cx);
    let text = paras.iter().map(|p| p.text.as_str()).collect::<Vec<_>>().join("\n\n");
    if meta.lang.is_none() {
        meta.lang = tables.languages.detect(&text);
    }
    Document { text, meta }
}
