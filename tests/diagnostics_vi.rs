//! Diagnostics speak the editor's language: Vietnamese for a Vietnamese site (the default), or
//! what `--lang` asks for, with the same codes and positions.

use std::path::Path;
use std::process::Command;

use congkhai::diagnostics::Lang;
use congkhai::{BuildOptions, Timings};

fn fixture() -> &'static Path {
    Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/broken"
    ))
}

#[test]
fn every_fixture_diagnostic_is_translated() {
    let (_, diagnostics) = congkhai::check(&BuildOptions::new(fixture()), &mut Timings::default());
    let english = diagnostics.sorted();
    let vietnamese = diagnostics.localized(Lang::Vi);
    let vietnamese = vietnamese.sorted();
    assert_eq!(english.len(), vietnamese.len());
    let mut untranslated = Vec::new();
    for (en, vi) in english.iter().zip(&vietnamese) {
        assert_eq!(
            (en.code, en.position, &en.file),
            (vi.code, vi.position, &vi.file)
        );
        if en.message == vi.message {
            untranslated.push(format!("{}: message {:?}", en.code.as_str(), en.message));
        }
        if en.help.is_some() && en.help == vi.help {
            untranslated.push(format!("{}: help {:?}", en.code.as_str(), en.help));
        }
        if en.label.is_some() && en.label == vi.label {
            untranslated.push(format!("{}: label {:?}", en.code.as_str(), en.label));
        }
    }
    assert!(
        untranslated.is_empty(),
        "add these to src/diagnostics/vi.rs:\n{}",
        untranslated.join("\n")
    );
    let text = diagnostics.localized(Lang::Vi).render_terminal(false);
    assert!(
        text.contains("lỗi[CK011]: khóa `phi`") || text.contains("lỗi[CK011]"),
        "{text}"
    );
    assert!(text.contains("= gợi ý: "), "{text}");
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
