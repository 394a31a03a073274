//! Prints the quotes of each file named on the command line, one JSON object
//! a line: `cargo run -p copydesk-quotes --example quotes -- story.txt`.

use copydesk_core::Span;
use copydesk_quotes::QuoteFinder;
use copydesk_segment::Segmenter;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let finder = QuoteFinder::new();
    let segmenter = Segmenter::new();
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path)?;
        let sentences: Vec<Span> = segmenter.split(&text).collect();
        for quote in finder.find(&text, &sentences) {
            println!("{}", serde_json::to_string(&quote)?);
        }
    }
    Ok(())
}
