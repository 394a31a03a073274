//! Scorers for the segment stage (scaffold).
use super::{Ctx, Row};
use anyhow::Result;
/// Scores the segment stage.
pub fn run(_ctx: &Ctx) -> Result<Vec<Row>> {
    Ok(Vec::new())
}
