//! `--quiet`: errors only. A clean build or check prints nothing; warnings are not shown; an
//! error still is, with the summary line and the exit code. Without a terminal there is no
//! progress line.

mod common;

use std::process::Command;

fn run(root: &std::path::Path, args: &[&str]) -> (Option<i32>, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_congkhai"))
        .args(args)
        .args(["--now", "2026-12-01", "--lang", "en", "--root"])
        .arg(root)
        .output()
        .unwrap();
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn quiet_prints_errors_only() {
    let root = common::sample_copy("quiet");
    for command in ["check", "build"] {
        let (code, stderr) = run(&root, &[command, "--quiet"]);
        assert_eq!(code, Some(0), "{stderr}");
        assert_eq!(stderr, "", "{command} --quiet on a clean site");
        let (_, loud) = run(&root, &[command]);
        assert!(!loud.is_empty(), "{command} says what it did");
        assert!(
            !loud.contains('\r'),
            "no progress line without a terminal: {loud:?}"
        );
    }
    // A warning (a record verified in the future) is hidden; an error is not.
    let record = root.join("content/procedures/ho-tich/dang-ky-khai-sinh.yaml");
    let text = std::fs::read_to_string(&record).unwrap();
    let verified = text
        .lines()
        .find(|l| l.starts_with("verified_on:"))
        .unwrap()
        .to_owned();
    std::fs::write(&record, text.replace(&verified, "verified_on: 2027-01-05")).unwrap();
    let (code, stderr) = run(&root, &["check", "-q"]);
    assert_eq!((code, stderr.as_str()), (Some(0), ""));
    let (_, loud) = run(&root, &["check"]);
    assert!(loud.contains("warning[CK044]"), "{loud}");
    std::fs::write(&record, text.replace("level: commune", "level: county")).unwrap();
    let (code, stderr) = run(&root, &["build", "-q"]);
    assert_eq!(code, Some(1));
    assert!(stderr.contains("error[CK013]"), "{stderr}");
    assert!(stderr.contains("build failed"), "{stderr}");
    let _ = std::fs::remove_dir_all(&root);
}
