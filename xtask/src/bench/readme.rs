//! The README's performance section, between two markers the tool owns.

use std::path::Path;

use anyhow::{Context, Result, bail};

const START: &str = "<!-- bench:start -->";
const END: &str = "<!-- bench:end -->";

/// Replaces what lies between the markers in the file at `path` with
/// `section`.
pub fn replace_section(path: &Path, section: &str) -> Result<()> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let updated = replaced(&text, section)?;
    std::fs::write(path, updated).with_context(|| format!("writing {}", path.display()))
}

fn replaced(text: &str, section: &str) -> Result<String> {
    let (Some(start), Some(end)) = (text.find(START), text.find(END)) else {
        bail!("README.md lacks the {START} and {END} markers");
    };
    if end < start {
        bail!("README.md has {END} before {START}");
    }
    let before = &text[..start + START.len()];
    Ok(format!("{before}\n{}\n{}", section.trim_end(), &text[end..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_text_between_the_markers_changes() {
        let text = format!("intro\n{START}\nold\n{END}\nrest\n");
        assert_eq!(replaced(&text, "new\n").unwrap(), format!("intro\n{START}\nnew\n{END}\nrest\n"));
        assert!(replaced("no markers", "x").is_err());
    }
}
