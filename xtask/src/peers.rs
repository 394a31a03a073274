//! The Python peers: a venv under `target/peers-venv` and the scripts under
//! `xtask/peers/` that run one peer over a data set and write its
//! predictions as JSON, for the Rust scorers to score like copydesk's.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};

/// The venv's folder.
pub fn venv_dir() -> PathBuf {
    crate::workspace_root().join("target").join("peers-venv")
}

/// The venv's Python, creating the venv and installing `packages` (pip
/// requirement strings) when they are not there yet.
pub fn python(packages: &[&str]) -> Result<PathBuf> {
    let venv = venv_dir();
    let py = venv.join("bin").join("python");
    if !py.exists() {
        run(Command::new("python3").arg("-m").arg("venv").arg(&venv), "creating the peers' venv")?;
        run(Command::new(&py).args(["-m", "pip", "install", "-q", "--upgrade", "pip"]), "upgrading pip")?;
    }
    let stamp_dir = venv.join("copydesk-installed");
    std::fs::create_dir_all(&stamp_dir)?;
    let missing: Vec<&str> =
        packages.iter().copied().filter(|p| !stamp_dir.join(stamp_name(p)).exists()).collect();
    if !missing.is_empty() {
        eprintln!("installing peers: {}", missing.join(" "));
        run(Command::new(&py).args(["-m", "pip", "install", "-q"]).args(&missing), "pip install")?;
        for p in missing {
            std::fs::write(stamp_dir.join(stamp_name(p)), "")?;
        }
    }
    Ok(py)
}

fn stamp_name(requirement: &str) -> String {
    requirement.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '_' }).collect()
}

/// Runs `xtask/peers/<script>` with the venv's Python and `args`.
pub fn run_script(py: &Path, script: &str, args: &[&std::ffi::OsStr]) -> Result<()> {
    let path = crate::workspace_root().join("xtask").join("peers").join(script);
    run(Command::new(py).arg(&path).args(args).env("OMP_NUM_THREADS", "1"), script)
}

fn run(cmd: &mut Command, what: &str) -> Result<()> {
    let status = cmd.status().with_context(|| format!("{what}: could not start"))?;
    if !status.success() {
        bail!("{what}: exited with {status}");
    }
    Ok(())
}
