//! `cargo xtask bench` (scaffold, replaced by the benchmark work).
use anyhow::Result;

/// Options of `cargo xtask bench`.
#[derive(clap::Args)]
pub struct BenchArgs {}

/// Runs the benchmarks.
pub fn run(_args: &BenchArgs) -> Result<()> {
    anyhow::bail!("not built yet")
}
