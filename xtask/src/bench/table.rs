//! The benchmark table: speeds and copydesk's ratios worked out from the
//! timed rows, rendered as text, markdown and JSON.

use std::fmt::Write;

use serde::{Deserialize, Serialize};

use super::claims::{CLAIMS, Claim};
use super::machine::Machine;

/// One timed (or untimed) contender, as the Rust binary and the Python
/// script write it.
#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct Row {
    stage: String,
    tool: String,
    /// `copydesk`, `parallel` (copydesk on every core), `rust_peer`,
    /// `python_peer` or `bound`.
    kind: String,
    set: String,
    tier: String,
    docs: usize,
    bytes: u64,
    secs: Option<f64>,
    runs: usize,
    output: usize,
    error: Option<String>,
    #[serde(default)]
    version: Option<String>,
    #[serde(default)]
    failed_docs: usize,
    /// Threads used, for rows that choose them.
    #[serde(default)]
    threads: Option<usize>,
    /// How the tool was run, when the stage does not say.
    #[serde(default)]
    note: Option<String>,
}

impl Row {
    /// A Python tool of `kind` that could not be installed.
    pub fn not_installed(stage: &str, tool: &str, kind: &str, why: &str) -> Row {
        Row {
            stage: stage.into(),
            tool: tool.into(),
            kind: kind.into(),
            set: String::new(),
            tier: "all".into(),
            docs: 0,
            bytes: 0,
            secs: None,
            runs: 0,
            output: 0,
            error: Some(why.into()),
            version: None,
            failed_docs: 0,
            threads: None,
            note: None,
        }
    }

    fn mb_per_s(&self) -> Option<f64> {
        self.secs.filter(|s| *s > 0.0).map(|s| self.bytes as f64 / s / 1e6)
    }

    fn docs_per_s(&self) -> Option<f64> {
        self.secs.filter(|s| *s > 0.0).map(|s| self.docs as f64 / s)
    }

    fn label(&self) -> String {
        let version = self.version.as_deref().map(|v| format!(" {v}")).unwrap_or_default();
        let threads = match self.threads {
            Some(1) => ", 1 thread".to_string(),
            Some(n) => format!(", {n} threads"),
            None => String::new(),
        };
        match self.kind.as_str() {
            "rust_peer" => format!("{} (Rust)", self.tool),
            "python_peer" => format!("{}{version} (Python){threads}", self.tool),
            "bound" => format!("bound: {}", self.tool),
            _ => format!("{}{threads}", self.tool),
        }
    }

    fn note(&self) -> String {
        let how = self.note.clone().unwrap_or_default();
        let problem = match &self.error {
            Some(e) => e.clone(),
            None if self.failed_docs > 0 => format!("raised on {} of {} docs", self.failed_docs, self.docs),
            None => return how,
        };
        if how.is_empty() { problem } else { format!("{how}; {problem}") }
    }

    fn is_copydesk(&self) -> bool {
        matches!(self.kind.as_str(), "copydesk" | "parallel")
    }
}

/// The table of one run.
pub struct Table {
    rows: Vec<Row>,
    manifest: serde_json::Value,
    machine: Machine,
}

/// Column headings.
const HEAD: [&str; 7] = ["stage", "tool", "input", "MB/s", "docs/s", "copydesk ×", "note"];

/// Prefix order: the whole set, then the prefixes slow tools run on.
const TIERS: [&str; 3] = ["all", "medium", "small"];

/// Kind order within a stage.
const KINDS: [&str; 5] = ["copydesk", "parallel", "rust_peer", "python_peer", "bound"];

impl Table {
    /// Orders the rows by stage (in the order they first appear), then
    /// input, then kind, and drops copydesk's rows on prefixes no peer runs
    /// on.
    pub fn new(rows: Vec<Row>, manifest: serde_json::Value, machine: Machine) -> Table {
        let mut stages: Vec<String> = Vec::new();
        for row in &rows {
            if !stages.contains(&row.stage) {
                stages.push(row.stage.clone());
            }
        }
        let rank = |list: &[&str], x: &str| list.iter().position(|y| *y == x).unwrap_or(list.len());
        let mut kept: Vec<Row> = rows
            .iter()
            .filter(|r| {
                !r.is_copydesk()
                    || r.tier == "all"
                    || rows.iter().any(|o| o.stage == r.stage && o.tier == r.tier && !o.is_copydesk())
            })
            .cloned()
            .collect();
        kept.sort_by_key(|r| (rank_of(&stages, &r.stage), rank(&TIERS, &r.tier), rank(&KINDS, &r.kind)));
        Table { rows: kept, manifest, machine }
    }

    /// copydesk's rows that did not run cleanly (its output check failed,
    /// it crashed, the Python package did not build), as `stage: tool:
    /// why`.
    pub fn failures(&self) -> Vec<String> {
        let failed = self.rows.iter().filter(|r| r.is_copydesk());
        failed.filter_map(|r| Some(format!("{}: {}: {}", r.stage, r.label(), r.error.as_ref()?))).collect()
    }

    /// copydesk's speed over `row`'s on the same input; for copydesk on
    /// every core, its speed over copydesk's on one thread (the scaling).
    fn ratio(&self, row: &Row) -> Option<f64> {
        if row.kind == "copydesk" {
            return None;
        }
        let copydesk =
            self.rows.iter().find(|r| r.kind == "copydesk" && r.stage == row.stage && r.tier == row.tier)?;
        if row.kind == "parallel" {
            return Some(row.mb_per_s()? / copydesk.mb_per_s()?);
        }
        Some(copydesk.mb_per_s()? / row.mb_per_s()?)
    }

    fn cells(&self, row: &Row) -> [String; 7] {
        let input =
            if row.docs == 0 { String::new() } else { format!("{} docs, {}", row.docs, size(row.bytes)) };
        [
            row.stage.clone(),
            row.label(),
            input,
            row.mb_per_s().map(sig).unwrap_or_else(|| "—".into()),
            row.docs_per_s().map(sig).unwrap_or_else(|| "—".into()),
            self.ratio(row).map(times).unwrap_or_default(),
            row.note(),
        ]
    }

    /// copydesk's ratio over a claim's tool, if both ran.
    fn claimed(&self, claim: &Claim) -> Option<f64> {
        let (kind, tool) = claim.tool;
        let row = self.rows.iter().find(|r| r.stage == claim.stage && r.kind == kind && r.tool == tool)?;
        self.ratio(row)
    }

    /// One line per speed target: what it says, the ratio measured, and
    /// whether it is met.
    fn claim_lines(&self) -> Vec<String> {
        CLAIMS
            .iter()
            .map(|claim| {
                let verdict = match self.claimed(claim) {
                    Some(r) if r >= claim.min => format!("{}, met", times(r)),
                    Some(r) => format!("{}, NOT met", times(r)),
                    None => "not measured".into(),
                };
                format!("issue {}: {}: {verdict}", claim.issue, claim.says)
            })
            .collect()
    }

    /// The table as aligned plain text, with the machine on top.
    pub fn text(&self) -> String {
        let body: Vec<[String; 7]> = self.rows.iter().map(|r| self.cells(r)).collect();
        let mut widths = HEAD.map(|h| h.chars().count());
        for cells in &body {
            for (w, c) in widths.iter_mut().zip(cells) {
                *w = (*w).max(c.chars().count());
            }
        }
        let mut out = format!("{}\n\n", self.machine.describe());
        let head = HEAD.map(String::from);
        for cells in std::iter::once(&head).chain(&body) {
            let line: Vec<String> = cells
                .iter()
                .zip(widths)
                .enumerate()
                .map(|(i, (c, w))| {
                    let pad = " ".repeat(w - c.chars().count());
                    if (3..6).contains(&i) { format!("{pad}{c}") } else { format!("{c}{pad}") }
                })
                .collect();
            let _ = writeln!(out, "{}", line.join("  ").trim_end());
        }
        out.push_str("\nSpeed targets:\n");
        for line in self.claim_lines() {
            let _ = writeln!(out, "  {line}");
        }
        out
    }

    /// The README's performance section.
    pub fn markdown(&self) -> String {
        let mut out = String::from("## Performance\n\n");
        let intro = format!(
            "Produced by `cargo xtask bench` on {}. {} Every tool runs on one thread unless its row gives a \
             thread count, on the same documents already in memory, in the same run; each figure is the median of \
             several passes over its input, with interpreter start-up, imports and model loading left out. \
             Throughput counts the input's bytes as fetched. The `binary` stage is the exception: the release \
             `copydesk` binary runs as a user runs it, on the `html` pages saved as files, writing JSON Lines to a \
             file, process start-up included, with one worker thread (`-j 1`) and with its default, every core; \
             trafilatura's row there is one Python process reading the same files and writing its JSON to \
             /dev/null. The `python` stage calls the copydesk package from Python (`copydesk.extract` page by page, \
             `copydesk.extract_many` on every core) and `trafilatura.extract` on the same pages' bytes. The \
             machine is shared, so compare the ratios of one run rather than absolute speeds across runs.",
            self.machine.date,
            self.machine.sentence(),
        );
        let _ = writeln!(out, "{}\n", wrap(&intro));
        let _ = writeln!(out, "| {} |", HEAD.join(" | "));
        let _ = writeln!(out, "|---|---|---|--:|--:|--:|---|");
        for row in &self.rows {
            let cells = self.cells(row).map(|c| c.replace('|', "\\|"));
            let _ = writeln!(out, "| {} |", cells.join(" | "));
        }
        let legend = "*copydesk ×* is copydesk's throughput divided by the tool's on the same input: 20× means \
             copydesk is twenty times faster. On a *bound* row it says how close copydesk runs to that physical \
             limit (1× would be at the limit): a bare parse by the HTML parser for HTML, a memchr scan of the text \
             (memory speed) for text. Tools that run at kilobytes per second get a prefix of the input (see the \
             input column), and copydesk is timed on the same prefix for their ratio. copydesk's quote timing \
             includes sentence splitting, as textacy's includes spaCy's parse. On a row with several threads, \
             *copydesk ×* is its throughput over copydesk's one-thread row of the same stage: how it scales with \
             the cores.";
        let _ = writeln!(out, "\n{}\n\nSpeed targets set by the stage issues:\n", wrap(legend));
        for line in self.claim_lines() {
            let _ = writeln!(out, "- {line}");
        }
        out.push_str("\nInputs:\n\n");
        for (name, set) in self.manifest["sets"].as_object().into_iter().flatten() {
            let stages: Vec<&str> = self.stages_on(name);
            let all = &set["tiers"]["all"];
            let line = format!(
                "- `{name}` ({}): {}, {} docs, {}.",
                stages.join(", "),
                set["source"].as_str().unwrap_or_default(),
                all["docs"],
                size(all["bytes"].as_u64().unwrap_or_default())
            );
            let _ = writeln!(out, "{}", wrap(&line));
        }
        out
    }

    fn stages_on(&self, set: &str) -> Vec<&str> {
        let mut stages: Vec<&str> = Vec::new();
        for row in self.rows.iter().filter(|r| r.set == set) {
            if !stages.contains(&row.stage.as_str()) {
                stages.push(&row.stage);
            }
        }
        stages
    }

    /// The table as JSON: the machine, the input sets and every row with
    /// its speeds and ratio.
    pub fn json(&self) -> serde_json::Value {
        let rows: Vec<serde_json::Value> = self
            .rows
            .iter()
            .map(|r| {
                let mut v = serde_json::to_value(r).unwrap_or_default();
                v["mb_per_s"] = r.mb_per_s().into();
                v["docs_per_s"] = r.docs_per_s().into();
                v["copydesk_ratio"] = self.ratio(r).into();
                v
            })
            .collect();
        let claims: Vec<serde_json::Value> = CLAIMS
            .iter()
            .map(|c| {
                let ratio = self.claimed(c);
                serde_json::json!({"issue": c.issue, "says": c.says, "stage": c.stage, "tool": c.tool.1,
                    "min": c.min, "ratio": ratio, "met": ratio.map(|r| r >= c.min)})
            })
            .collect();
        serde_json::json!({"machine": self.machine, "sets": self.manifest["sets"], "size": self.manifest["size"],
            "rows": rows, "claims": claims})
    }
}

/// Prose wrapped at the README's width.
fn wrap(text: &str) -> String {
    const WIDTH: usize = 115;
    let mut out = String::new();
    let mut line_len = 0;
    for word in text.split_whitespace() {
        if line_len > 0 && line_len + 1 + word.chars().count() > WIDTH {
            out.push('\n');
            line_len = 0;
        } else if line_len > 0 {
            out.push(' ');
            line_len += 1;
        }
        out.push_str(word);
        line_len += word.chars().count();
    }
    out
}

fn rank_of(list: &[String], x: &str) -> usize {
    list.iter().position(|y| y == x).unwrap_or(list.len())
}

/// Three significant figures (two below 1).
fn sig(x: f64) -> String {
    if x >= 100.0 {
        group(x.round() as u64)
    } else if x >= 10.0 {
        format!("{x:.1}")
    } else if x >= 1.0 {
        format!("{x:.2}")
    } else if x > 0.0 {
        let decimals = (-x.log10()).ceil() as usize + 1;
        format!("{x:.decimals$}")
    } else {
        "0".into()
    }
}

fn times(x: f64) -> String {
    format!("{}×", if x >= 10.0 { group(x.round() as u64) } else { sig(x) })
}

/// An integer with thousands separators.
fn group(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn size(bytes: u64) -> String {
    if bytes >= 1_000_000 {
        format!("{:.1} MB", bytes as f64 / 1e6)
    } else {
        format!("{} KB", bytes.div_ceil(1000))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_keep_three_significant_figures() {
        assert_eq!(sig(1234.4), "1,234");
        assert_eq!(sig(56.78), "56.8");
        assert_eq!(sig(3.456), "3.46");
        assert_eq!(sig(0.0031), "0.0031");
        assert_eq!(sig(0.03), "0.030");
        assert_eq!(times(12345.0), "12,345×");
        assert_eq!(times(0.456), "0.46×");
        assert_eq!(times(0.0027), "0.0027×");
        assert_eq!(size(34_490), "35 KB");
    }

    fn row(stage: &str, tool: &str, kind: &str, tier: &str, secs: f64) -> Row {
        Row {
            stage: stage.into(),
            tool: tool.into(),
            kind: kind.into(),
            set: "news".into(),
            tier: tier.into(),
            docs: 10,
            bytes: 10_000_000,
            secs: Some(secs),
            runs: 3,
            output: 1,
            error: None,
            version: None,
            failed_docs: 0,
            threads: None,
            note: None,
        }
    }

    #[test]
    fn wrap_breaks_between_words_at_the_width() {
        let text = "word ".repeat(40);
        let wrapped = wrap(&text);
        assert!(wrapped.lines().all(|l| l.chars().count() <= 115));
        assert_eq!(wrapped.split_whitespace().count(), 40);
        assert_eq!(wrap("one  two"), "one two");
    }

    #[test]
    fn ratios_compare_copydesk_on_the_same_prefix_and_unused_prefixes_are_dropped() {
        let rows = vec![
            row("segment", "copydesk", "copydesk", "all", 0.1),
            row("segment", "copydesk", "copydesk", "medium", 0.2),
            row("segment", "copydesk", "copydesk", "small", 0.3),
            row("segment", "pySBD", "python_peer", "medium", 20.0),
            row("segment", "memchr3 scan", "bound", "all", 0.01),
        ];
        let table = Table::new(rows, serde_json::json!({}), Machine::default());
        let tools: Vec<(&str, &str)> =
            table.rows.iter().map(|r| (r.tool.as_str(), r.tier.as_str())).collect();
        assert_eq!(
            tools,
            [("copydesk", "all"), ("memchr3 scan", "all"), ("copydesk", "medium"), ("pySBD", "medium")]
        );
        assert_eq!(table.ratio(&table.rows[3]), Some(100.0));
        assert_eq!(table.ratio(&table.rows[1]), Some(0.1));
    }

    #[test]
    fn an_all_core_row_is_compared_with_copydesk_on_one_thread_and_peers_too() {
        let threads = |n, r: Row| Row { threads: Some(n), ..r };
        let rows = vec![
            row("binary", "trafilatura", "python_peer", "all", 40.0),
            threads(2, row("binary", "copydesk binary", "parallel", "all", 0.25)),
            threads(1, row("binary", "copydesk binary", "copydesk", "all", 0.4)),
        ];
        let table = Table::new(rows, serde_json::json!({}), Machine::default());
        let labels: Vec<String> = table.rows.iter().map(Row::label).collect();
        assert_eq!(
            labels,
            ["copydesk binary, 1 thread", "copydesk binary, 2 threads", "trafilatura (Python)"]
        );
        assert_eq!(table.ratio(&table.rows[1]), Some(1.6));
        assert_eq!(table.ratio(&table.rows[2]), Some(100.0));
        let claim = CLAIMS.iter().find(|c| c.issue == 8).unwrap();
        assert_eq!(table.claimed(claim), Some(1.6));
    }

    #[test]
    fn copydesk_rows_with_an_error_are_failures_and_peer_rows_are_not() {
        let broken = |kind| Row { error: Some("broke".into()), ..row("python", "x", kind, "all", 1.0) };
        let unbuilt = Row::not_installed("python", "copydesk.extract", "copydesk", "does not install");
        let rows = vec![broken("copydesk"), broken("python_peer"), unbuilt];
        let table = Table::new(rows, serde_json::json!({}), Machine::default());
        assert_eq!(table.failures(), ["python: x: broke", "python: copydesk.extract: does not install"]);
    }
}
