//! The Python peers: a venv under `target/peers-venv` and the scripts under
//! `xtask/peers/` that run one peer over a data set and write its
//! predictions as JSON, for the Rust scorers to score like copydesk's (and,
//! for `cargo xtask bench`, copydesk's own Python package in the same venv).

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

/// Builds copydesk's Python package from this tree (`crates/copydesk-py`, a
/// release wheel built by maturin, which the venv must hold) and installs it
/// into the venv of `py`, replacing the one there.
pub fn install_copydesk(py: &Path) -> Result<()> {
    let root = crate::workspace_root();
    let wheels = root.join("target").join("peers-wheel");
    if wheels.exists() {
        std::fs::remove_dir_all(&wheels).with_context(|| format!("emptying {}", wheels.display()))?;
    }
    let manifest = root.join("crates").join("copydesk-py").join("Cargo.toml");
    let mut build = Command::new(py.with_file_name("maturin"));
    build.args(["build", "-q", "--release", "-m"]).arg(&manifest).arg("-o").arg(&wheels);
    run(&mut build, "building the copydesk wheel")?;
    let wheel = std::fs::read_dir(&wheels)?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .find(|path| path.extension().is_some_and(|e| e == "whl"))
        .with_context(|| format!("maturin wrote no wheel into {}", wheels.display()))?;
    let mut install = Command::new(py);
    install.args(["-m", "pip", "install", "-q", "--force-reinstall", "--no-deps"]).arg(&wheel);
    run(&mut install, "installing the copydesk wheel")
}

/// Runs `xtask/peers/<script>` with the venv's Python and `args`.
pub fn run_script(py: &Path, script: &str, args: &[&std::ffi::OsStr]) -> Result<()> {
    let path = crate::workspace_root().join("xtask").join("peers").join(script);
    run(Command::new(py).arg(&path).args(args).env("OMP_NUM_THREADS", "1"), script)
}

/// Runs `script` on `request` (its input as JSON text) unless `dir` already
/// holds its output for the same request, and returns that output. The
/// script is called as `script IN OUT` with the paths of the two files.
pub fn cached_run(dir: &Path, request: &str, packages: &[&str], script: &str) -> Result<serde_json::Value> {
    let in_path = dir.join("peers_in.json");
    let out_path = dir.join("peers_out.json");
    let fresh = std::fs::read_to_string(&in_path).is_ok_and(|old| old == request) && out_path.exists();
    if !fresh {
        let _ = std::fs::remove_file(&out_path);
        std::fs::write(&in_path, request).with_context(|| format!("writing {}", in_path.display()))?;
        let py = python(packages)?;
        run_script(&py, script, &[in_path.as_os_str(), out_path.as_os_str()])?;
    }
    crate::eval::util::read_json(&out_path)
}

fn run(cmd: &mut Command, what: &str) -> Result<()> {
    let status = cmd.status().with_context(|| format!("{what}: could not start"))?;
    if !status.success() {
        bail!("{what}: exited with {status}");
    }
    Ok(())
}
