//! Scorers for the quotes stage (scaffold).
use super::{Ctx, Row};
use anyhow::Result;
/// Scores the quotes stage.
pub fn run(_ctx: &Ctx) -> Result<Vec<Row>> {
    Ok(Vec::new())
}
