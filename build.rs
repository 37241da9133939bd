//! Gives the binary an identity for its build cache: the hash of everything it is compiled
//! from (the sources, the embedded theme, the manifest and lock file, the compiler and the
//! target). A cache written by a binary of other sources is not used (`src/cache.rs`); the same
//! sources compiled again (CI installs congkhai afresh each run) keep using it.

use std::path::{Path, PathBuf};

fn main() {
    let root = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let mut files = Vec::new();
    for dir in ["src", "themes"] {
        println!("cargo::rerun-if-changed={dir}");
        walk(&root.join(dir), &mut files);
    }
    for file in ["Cargo.toml", "Cargo.lock", "build.rs"] {
        println!("cargo::rerun-if-changed={file}");
        files.push(root.join(file));
    }
    files.sort();
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    let mut part = |bytes: &[u8]| {
        hasher.update(&(bytes.len() as u64).to_le_bytes());
        hasher.update(bytes);
    };
    for file in &files {
        let name = file.strip_prefix(&root).unwrap_or(file);
        part(name.to_string_lossy().as_bytes());
        // A file that cannot be read (no Cargo.lock in a published crate) counts as empty.
        part(&std::fs::read(file).unwrap_or_default());
    }
    for variable in ["TARGET", "PROFILE", "RUSTC", "CARGO_CFG_TARGET_FEATURE"] {
        part(std::env::var(variable).unwrap_or_default().as_bytes());
    }
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".to_owned());
    let version = std::process::Command::new(rustc)
        .arg("--version")
        .output()
        .map(|o| o.stdout)
        .unwrap_or_default();
    part(&version);
    println!(
        "cargo::rustc-env=CONGKHAI_BUILD_ID={:032x}",
        hasher.digest128()
    );
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, files);
        } else {
            files.push(path);
        }
    }
}
