//! Prints the figures of each line of standard input as JSON Lines.
//!
//! `cargo run -p copydesk-numbers --example figures < story.txt`

use std::io::BufRead;

fn main() {
    let scanner = copydesk_numbers::FigureScanner::new();
    for line in std::io::stdin().lock().lines() {
        let line = line.expect("standard input is UTF-8 text");
        for f in scanner.scan(&line) {
            println!("{}", serde_json::to_string(&f).expect("a figure serializes"));
        }
    }
}
