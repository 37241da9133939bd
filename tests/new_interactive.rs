//! `congkhai new procedure` asks for the title, field and level when they are missing and it
//! runs in a terminal, and the record it writes passes `check`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn congkhai() -> Command {
    Command::new(env!("CARGO_BIN_EXE_congkhai"))
}

fn new_site(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("congkhai-new-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let out = congkhai().arg("init").arg(&dir).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    dir
}

fn check(root: &Path) {
    let out = congkhai()
        .args(["check", "--now", "2026-06-01", "--root"])
        .arg(root)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn asks_for_title_field_and_level_and_writes_a_valid_record() {
    let root = new_site("ask");
    let mut child = congkhai()
        .args(["new", "procedure", "--root"])
        .arg(&root)
        .env("CONGKHAI_INTERACTIVE", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // An empty title is asked again; field by number; an unknown level, then level 2.
    child
        .stdin
        .take()
        .unwrap()
        .write_all("\nCấp giấy xác nhận thử nghiệm\n1\ncounty\n2\n".as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("Tên thủ tục"), "{stderr}");
    assert!(stderr.contains("Lĩnh vực"), "{stderr}");
    let path = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("title: \"Cấp giấy xác nhận thử nghiệm\""),
        "{text}"
    );
    assert!(text.contains("level: province"), "{text}");
    assert!(
        text.starts_with("# yaml-language-server: $schema="),
        "{text}"
    );
    check(&root);
}

/// What `new procedure` without a title and without a terminal says (it exits 2).
fn new_without_title(root: &Path, extra: &[&str]) -> String {
    let out = congkhai()
        .args(["new", "procedure"])
        .args(extra)
        .arg("--root")
        .arg(root)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn without_a_terminal_missing_arguments_are_an_error() {
    let root = new_site("pipe");
    // A new site is Vietnamese, and so are the messages about it, unless told otherwise.
    let stderr = new_without_title(&root, &[]);
    assert!(stderr.starts_with("lỗi: thiếu tên thủ tục"), "{stderr}");
    let stderr = new_without_title(&root, &["--lang", "en"]);
    assert!(
        stderr.starts_with("error: the title is missing"),
        "{stderr}"
    );
    let out = congkhai()
        .args([
            "new",
            "procedure",
            "Đăng ký thử",
            "--field",
            "ho-tich",
            "--root",
        ])
        .arg(&root)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    check(&root);
}
