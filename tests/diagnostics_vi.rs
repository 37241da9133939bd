//! Diagnostics speak the editor's language: Vietnamese for a Vietnamese site (the default), or
//! what `--lang` asks for, with the same codes and positions.

use std::path::Path;
use std::process::Command;

use congkhai::diagnostics::Lang;
use congkhai::vi::english_words;
use congkhai::{BuildOptions, Timings};

fn fixture() -> &'static Path {
    Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/broken"
    ))
}

#[test]
fn every_fixture_diagnostic_is_vietnamese() {
    let (_, diagnostics) = congkhai::check(&BuildOptions::new(fixture()), &mut Timings::default());
    let sorted = diagnostics.sorted();
    assert!(sorted.len() > 30, "{}", sorted.len());
    let mut untranslated = Vec::new();
    for d in &sorted {
        let (en, vi) = (d.text(Lang::En), d.text(Lang::Vi));
        let code = d.code.as_str();
        let texts = [
            ("message", Some(en.message), Some(vi.message)),
            ("label", en.label, vi.label),
            ("help", en.help, vi.help),
        ];
        for (part, en, vi) in texts {
            match (en, vi) {
                (Some(en), Some(vi)) => {
                    if en == vi {
                        untranslated.push(format!("{code}: {part} {en:?} is the same in both"));
                    }
                    let english = english_words(&vi);
                    if !english.is_empty() {
                        untranslated.push(format!("{code}: {part} {vi:?} has {english:?}"));
                    }
                }
                (None, None) => {}
                (en, vi) => untranslated.push(format!("{code}: {part} {en:?} against {vi:?}")),
            }
        }
    }
    assert!(
        untranslated.is_empty(),
        "fix these in src/diagnostics/message.rs:\n{}",
        untranslated.join("\n")
    );
    // The same diagnostics, in the same order, whatever the language shown.
    let vietnamese = diagnostics.localized(Lang::Vi);
    let order = |d: &congkhai::diagnostics::Diagnostic| (d.code, d.position, d.file.clone());
    assert_eq!(
        sorted.iter().map(|d| order(d)).collect::<Vec<_>>(),
        vietnamese
            .sorted()
            .iter()
            .map(|d| order(d))
            .collect::<Vec<_>>()
    );
    let text = vietnamese.render_terminal(false);
    assert!(text.contains("lỗi[CK011]: khóa `phi`"), "{text}");
    assert!(text.contains("lỗi[CK002]: lỗi cú pháp YAML: "), "{text}");
    assert!(text.contains("= gợi ý: "), "{text}");
    assert!(!text.contains("error["), "{text}");
    // The words congkhai writes, not the lines of the editor's file it quotes (`12 | name: …`)
    // nor the `-->` lines naming the file.
    let written: String = text
        .lines()
        .filter(|line| {
            let line = line.trim_start();
            !line.starts_with("-->")
                && !line
                    .trim_start_matches(|c: char| c.is_ascii_digit())
                    .trim_start()
                    .starts_with('|')
        })
        .map(|line| format!("{line}\n"))
        .collect();
    assert!(
        english_words(&written).is_empty(),
        "{:?}",
        english_words(&written)
    );
}

fn check(args: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_congkhai"))
        .arg("check")
        .arg("--root")
        .arg(fixture())
        .args(args)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

#[test]
fn check_speaks_the_site_language_unless_told_otherwise() {
    let default = check(&[]);
    assert!(default.contains("lỗi[CK013]"), "{default}");
    assert!(default.contains("gợi ý"), "{default}");
    let english = check(&["--lang", "en"]);
    assert!(english.contains("error[CK013]"), "{english}");
    assert!(english.contains("is not an allowed value"), "{english}");
    let github = check(&["--lang", "vi", "--format", "github"]);
    assert!(
        github.contains("::error file=content/procedures/ho-tich/"),
        "{github}"
    );
    assert!(github.contains("không phải giá trị được phép"), "{github}");
}

/// The summary line `check` ends with, for `root` in `lang` (none: the site's).
fn summary(root: &Path, lang: Option<&str>) -> String {
    let mut command = Command::new(env!("CARGO_BIN_EXE_congkhai"));
    command
        .args(["check", "--now", "2026-12-01", "--root"])
        .arg(root);
    if let Some(lang) = lang {
        command.args(["--lang", lang]);
    }
    let out = command.output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    stderr.lines().last().unwrap_or_default().to_owned()
}

#[test]
fn summaries_speak_the_sites_language_too() {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR"));
    let vi = summary(sample, None);
    assert!(
        vi.starts_with("không có lỗi: ") && vi.contains(" thủ tục thuộc "),
        "{vi}"
    );
    let en = summary(sample, Some("en"));
    assert!(
        en.starts_with("ok: ") && en.contains(" procedures in "),
        "{en}"
    );
    let broken = summary(fixture(), None);
    assert!(
        broken.contains(" lỗi, ") && broken.ends_with(" cảnh báo"),
        "{broken}"
    );
    assert!(!broken.contains("error"), "{broken}");
}
