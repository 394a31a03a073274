//! The speed targets the stage issues set, checked against a run's ratios.

/// One target: copydesk's throughput on `stage` at least `min` times that
/// of `tool` on the same input, or, when `tool` is copydesk on every core
/// (kind `parallel`), that row's throughput at least `min` times copydesk's
/// on one thread.
pub struct Claim {
    /// The issue that sets it.
    pub issue: u32,
    /// The stage.
    pub stage: &'static str,
    /// The tool's kind and name, as in the rows.
    pub tool: (&'static str, &'static str),
    /// The least ratio that meets it.
    pub min: f64,
    /// The target in words.
    pub says: &'static str,
}

const fn claim(
    issue: u32,
    stage: &'static str,
    tool: (&'static str, &'static str),
    min: f64,
    says: &'static str,
) -> Claim {
    Claim { issue, stage, tool, min, says }
}

/// Every speed target of the stage issues that one run can check.
pub const CLAIMS: &[Claim] = &[
    claim(
        4,
        "clean_html",
        ("python_peer", "trafilatura"),
        20.0,
        "HTML cleaning at least 20 times trafilatura",
    ),
    claim(4, "clean_html", ("rust_peer", "dom_smoothie"), 1.0, "HTML cleaning faster than dom_smoothie"),
    claim(
        4,
        "clean_html",
        ("bound", "scraper parse"),
        0.5,
        "HTML cleaning within twice the time of a bare scraper parse",
    ),
    // Issue 11 asks for this row to show the speed-up surviving the
    // crossing into Python; the number it is held to is issue 4's, though
    // copydesk's call also splits sentences and finds quotes and figures.
    claim(
        4,
        "python",
        ("python_peer", "trafilatura.extract"),
        20.0,
        "the whole extraction at least 20 times trafilatura's cleaning, both called from Python",
    ),
    claim(
        5,
        "segment",
        ("rust_peer", "sentencex"),
        2.0,
        "sentence splitting at least twice the sentencex crate",
    ),
    claim(5, "segment", ("python_peer", "pySBD"), 300.0, "sentence splitting at least 300 times pySBD"),
    claim(
        6,
        "figures",
        ("rust_peer", "text2num"),
        10.0,
        "figure scanning at least 10 times the text2num crate",
    ),
    claim(
        7,
        "quotes",
        ("python_peer", "textacy + spaCy sm"),
        1000.0,
        "quotes at least 1,000 times textacy with spaCy's small model",
    ),
    claim(
        8,
        "binary",
        ("parallel", "copydesk binary"),
        1.7,
        "the binary on 2 cores at least 1.7 times its 1-thread throughput",
    ),
];
