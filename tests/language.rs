//! A site in English says nothing in Vietnamese but what its records say.
//!
//! The sample catalogue is copied with every record and site file written without tone marks
//! (so that no Vietnamese letter comes from the content) and `language: en`, then built with
//! the binary. Any Vietnamese letter left in a page came from the tool or the theme: a word
//! that does not go through the theme's i18n files.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use unicode_normalization::UnicodeNormalization;

/// Vietnamese text without its marks: "Đăng ký" → "Dang ky".
fn strip_marks(text: &str) -> String {
    text.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| match c {
            'đ' => 'd',
            'Đ' => 'D',
            c => c,
        })
        .collect()
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, out);
        } else {
            out.push(path);
        }
    }
}

#[test]
fn an_english_site_has_no_vietnamese_interface_word() {
    let root = std::env::temp_dir().join(format!("congkhai-language-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let content = root.join("content");
    common::copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("content"),
        &content,
    );
    let mut sources = Vec::new();
    files(&content, &mut sources);
    for path in sources {
        if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("yaml" | "md")
        ) {
            let text = std::fs::read_to_string(&path).unwrap();
            std::fs::write(&path, strip_marks(&text)).unwrap();
        }
    }
    let site = content.join("site.yaml");
    let text = std::fs::read_to_string(&site).unwrap();
    assert!(text.contains("language: vi"), "the sample's language line");
    std::fs::write(&site, text.replace("language: vi", "language: en")).unwrap();

    let status = Command::new(env!("CARGO_BIN_EXE_congkhai"))
        .args(["build", "--now", "2026-12-01", "--root"])
        .arg(&root)
        .status()
        .unwrap();
    assert!(status.success(), "the English sample must build");

    let mut pages = Vec::new();
    files(&root.join("public"), &mut pages);
    // Scripts are left out: the search script folds "đ" itself, as code, and its messages are
    // the theme's labels, which the search page hands it.
    let mut leaks = Vec::new();
    for page in &pages {
        if !matches!(
            page.extension().and_then(|e| e.to_str()),
            Some("html" | "xml" | "svg" | "json")
        ) {
            continue;
        }
        let text = std::fs::read_to_string(page).unwrap();
        for line in text.lines() {
            if line.chars().any(|c| c.is_alphabetic() && !c.is_ascii()) {
                leaks.push(format!("{}: {}", page.display(), line.trim()));
            }
        }
    }
    assert!(pages.len() > 100, "{} files", pages.len());
    assert!(
        leaks.is_empty(),
        "{} lines with Vietnamese words, first: {:#?}",
        leaks.len(),
        &leaks[..leaks.len().min(10)]
    );
    let _ = std::fs::remove_dir_all(&root);
}
