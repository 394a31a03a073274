//! Scorers for the clean stage (scaffold).
use super::{Ctx, Row};
use anyhow::Result;
/// Scores the clean stage.
pub fn run(_ctx: &Ctx) -> Result<Vec<Row>> {
    Ok(Vec::new())
}
