//! Scorers for the numbers stage (scaffold).
use super::{Ctx, Row};
use anyhow::Result;
/// Scores the numbers stage.
pub fn run(_ctx: &Ctx) -> Result<Vec<Row>> {
    Ok(Vec::new())
}
