//! Loading the data tables under `data/`: one entry a line, `#` comments,
//! tab-separated columns.

/// The non-comment, non-blank lines of a data file, split on tabs.
pub(crate) fn rows(file: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    file.lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}

/// The first column of every row.
pub(crate) fn entries(file: &'static str) -> impl Iterator<Item = &'static str> {
    rows(file).map(|r| r[0])
}
