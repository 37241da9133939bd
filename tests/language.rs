//! A site in English says nothing in Vietnamese but what its records say.
//!
//! The sample catalogue is copied with every record and site file written without tone marks
//! (so that no Vietnamese letter comes from the content) and `language: en`, then built with
//! the binary. Any Vietnamese letter left in a page came from the tool or the theme: a word
//! that does not go through the theme's i18n files.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{files, strip_marks};

#[test]
fn an_english_site_has_no_vietnamese_interface_word() {
    let root = common::sample_copy("language");
    let content = root.join("content");
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
    // the theme's labels, which the search page hands it. So is the open data's JSON Schema
    // (`du-lieu/schema/`): like the records' schema, it documents the format in Vietnamese,
    // whatever the site's language; it is not a page.
    let mut leaks = Vec::new();
    let schemas = root.join("public").join("du-lieu/schema");
    for page in &pages {
        if page.starts_with(&schemas) {
            continue;
        }
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

/// A copy of the sample with `themes/default/i18n/vi.yaml` holding `labels`.
fn with_labels(name: &str, labels: &str) -> PathBuf {
    let root = common::sample_copy(&format!("labels-{name}"));
    let i18n = root.join("themes/default/i18n");
    std::fs::create_dir_all(&i18n).unwrap();
    std::fs::write(i18n.join("vi.yaml"), labels).unwrap();
    root
}

fn build(root: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_congkhai"))
        .args(["build", "--now", "2026-12-01", "--lang", "en", "--root"])
        .arg(root)
        .output()
        .unwrap()
}

#[test]
fn a_theme_can_change_some_words_and_keep_the_others() {
    let root = with_labels("partial", "pages:\n  home: \"Trang đầu\"\n");
    let out = build(&root);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let page = std::fs::read_to_string(root.join("public/404.html")).unwrap();
    assert!(
        page.contains("Trang đầu"),
        "the overridden word (breadcrumbs)"
    );
    // The other words stay, the navigation's "Trang chủ" (nav.home) among them.
    assert!(page.contains("Trang chủ") && page.contains("Tra cứu"));
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn a_theme_label_file_that_does_not_parse_fails_the_build_at_its_line() {
    let root = with_labels(
        "broken",
        "nav:\n  home: \"Trang đầu\"\n  fields: [unclosed\n",
    );
    let out = build(&root);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("themes/default/i18n/vi.yaml:3:"),
        "{stderr}"
    );
    assert!(!root.join("public").exists(), "nothing is published");
    let _ = std::fs::remove_dir_all(&root);
}
