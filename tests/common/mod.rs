//! Helpers shared by the integration tests.

pub mod git;
pub mod partial;

use std::path::{Path, PathBuf};

/// Copies the folder `from` to `to`, recursively.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A fresh folder `congkhai-<name>-<pid>` in the temporary folder holding a copy of the sample
/// catalogue's `content/`: a site root to change and build.
// Each test binary compiles this module and some use only `copy_dir`.
#[allow(dead_code)]
pub fn sample_copy(name: &str) -> std::path::PathBuf {
    let root = std::env::temp_dir().join(format!("congkhai-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("content"),
        &root.join("content"),
    );
    root
}

/// Runs `congkhai <command> --now 2026-12-01 --root <root>` and asserts that it succeeds.
#[allow(dead_code)]
pub fn run_ok(root: &Path, command: &str) -> std::process::Output {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_congkhai"))
        .args([command, "--now", "2026-12-01", "--root"])
        .arg(root)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "congkhai {command}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

/// Vietnamese text without its marks: "Đăng ký" → "Dang ky".
#[allow(dead_code)]
pub fn strip_marks(text: &str) -> String {
    unicode_normalization::UnicodeNormalization::nfd(text)
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| match c {
            'đ' => 'd',
            'Đ' => 'D',
            c => c,
        })
        .collect()
}

/// Every file under `dir`, recursively, appended to `out`.
#[allow(dead_code)]
pub fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, out);
        } else {
            out.push(path);
        }
    }
}
