//! Every mistake at once: records with several mistakes each (of the kinds editors make:
//! a missing key, a key in Vietnamese, a misspelt key, a value not allowed, a value of the
//! wrong kind, inside a step, a channel or a document) are all reported by one `check` run,
//! each at its line, and nothing else is reported about them.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use serde_json::Value;

/// The scaffold's record with `changes` applied: (line that starts with, replacement lines;
/// empty to delete it), and the mistakes expected as (code, text of the line they point at).
struct Case {
    name: &'static str,
    changes: &'static [(&'static str, &'static str)],
    expected: &'static [(&'static str, &'static str)],
}

const CASES: &[Case] = &[
    Case {
        name: "ba-loi",
        changes: &[
            ("title:", ""),
            ("level:", "level: county"),
            ("dossier_sets:", "dossier_sets: 1\nphi: 8000"),
        ],
        expected: &[
            ("CK010", "code:"),
            ("CK013", "level: county"),
            ("CK011", "phi: 8000"),
        ],
    },
    Case {
        name: "bon-loi",
        changes: &[
            ("online_level:", "online_level: toan_trinh"),
            ("status:", "trang_thai: active"),
            (
                "  - {title: \"Cấp Giấy khai sinh\"",
                "  - {title: \"Cấp Giấy khai sinh\", actor: chu_tich, txt: \"Chủ tịch ký.\"}",
            ),
            ("dossier_sets:", "dossier_sets: một"),
        ],
        expected: &[
            ("CK013", "online_level: toan_trinh"),
            ("CK011", "trang_thai: active"),
            ("CK010", "code:"),
            ("CK013", "  - {title: \"Cấp Giấy khai sinh\""),
            ("CK011", "  - {title: \"Cấp Giấy khai sinh\""),
            ("CK010", "  - {title: \"Cấp Giấy khai sinh\""),
            ("CK012", "dossier_sets: một"),
        ],
    },
    Case {
        name: "nam-loi",
        changes: &[
            ("field:", ""),
            (
                "applicants:",
                "applicants: \"Cha hoặc mẹ của trẻ\"\napplicants_x:",
            ),
            (
                "  - {type: postal",
                "  - {type: buu_dien, available: khong}",
            ),
            (
                "      - {name: \"Bản chính Giấy chứng sinh\"",
                "      - {ten: \"Bản chính Giấy chứng sinh\", originals: một}",
            ),
        ],
        expected: &[
            ("CK010", "code:"),
            ("CK012", "applicants: \"Cha hoặc mẹ của trẻ\""),
            ("CK011", "applicants_x:"),
            ("CK013", "  - {type: buu_dien"),
            ("CK012", "  - {type: buu_dien"),
            ("CK011", "      - {ten: "),
            ("CK010", "      - {ten: "),
            ("CK012", "      - {ten: "),
        ],
    },
];

fn record(changes: &[(&str, &str)]) -> String {
    let scaffold = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("src/scaffold/content/procedures/ho-tich/dang-ky-khai-sinh.yaml"),
    )
    .unwrap();
    let mut out = Vec::new();
    for line in scaffold.lines() {
        match changes.iter().find(|(start, _)| line.starts_with(start)) {
            Some((_, "")) => {}
            Some((_, replacement)) => out.push((*replacement).to_owned()),
            None => out.push(line.to_owned()),
        }
    }
    out.join("\n") + "\n"
}

#[test]
fn one_check_run_reports_every_mistake_of_every_record_and_no_other() {
    let root = std::env::temp_dir().join(format!("congkhai-all-mistakes-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let status = Command::new(env!("CARGO_BIN_EXE_congkhai"))
        .arg("init")
        .arg(&root)
        .output()
        .unwrap();
    assert!(status.status.success());
    let dir = root.join("content/procedures/ho-tich");
    std::fs::remove_file(dir.join("dang-ky-khai-sinh.yaml")).unwrap();
    let mut texts = Vec::new();
    for (i, case) in CASES.iter().enumerate() {
        let text = record(case.changes);
        // Each record its own code and title, so they do not clash with each other.
        let text = text
            .replace("\"1.001193\"", &format!("\"1.00119{i}\""))
            .replace(
                "\"Đăng ký khai sinh\"",
                &format!("\"Đăng ký khai sinh {i}\""),
            );
        std::fs::write(dir.join(format!("{}.yaml", case.name)), &text).unwrap();
        texts.push(text);
    }

    let output = Command::new(env!("CARGO_BIN_EXE_congkhai"))
        .args(["check", "--format", "json", "--now", "2026-12-01", "--root"])
        .arg(&root)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let reported: Vec<Value> = serde_json::from_slice(&output.stdout).unwrap();

    let mut planted = 0;
    for (case, text) in CASES.iter().zip(&texts) {
        let file = format!("content/procedures/ho-tich/{}.yaml", case.name);
        let lines: Vec<&str> = text.lines().collect();
        let found: BTreeSet<(String, String)> = reported
            .iter()
            .filter(|d| d["file"] == file.as_str() && d["severity"] == "error")
            .map(|d| {
                let line = d["line"].as_u64().unwrap_or(0) as usize;
                let text = lines.get(line.wrapping_sub(1)).copied().unwrap_or("?");
                (d["code"].as_str().unwrap().to_owned(), text.to_owned())
            })
            .collect();
        let expected: BTreeSet<(String, String)> = case
            .expected
            .iter()
            .map(|(code, start)| {
                let line = lines
                    .iter()
                    .find(|l| l.starts_with(start))
                    .unwrap_or_else(|| panic!("{}: no line {start}", case.name));
                ((*code).to_owned(), (*line).to_owned())
            })
            .collect();
        planted += expected.len();
        assert_eq!(found, expected, "{}: reported against planted", case.name);
    }
    eprintln!(
        "{planted} mistakes in {} records, all in one run",
        CASES.len()
    );
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn the_help_is_made_from_the_editors_own_value() {
    let root = std::env::temp_dir().join(format!("congkhai-own-value-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    assert!(
        Command::new(env!("CARGO_BIN_EXE_congkhai"))
            .arg("init")
            .arg(&root)
            .output()
            .unwrap()
            .status
            .success()
    );
    let file = root.join("content/procedures/ho-tich/dang-ky-khai-sinh.yaml");
    let text = std::fs::read_to_string(&file)
        .unwrap()
        .replacen("amount: 0", "amount: 8.000đ", 1)
        + "verified_on: 10/03/2026\n";
    std::fs::write(&file, text).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_congkhai"))
        .args(["check", "--now", "2026-12-01", "--root"])
        .arg(&root)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1));
    // Both, in one run, each with what to write instead.
    assert!(
        stderr.contains("`8.000đ` → viết `8000` (chỉ chữ số"),
        "{stderr}"
    );
    assert!(
        stderr.contains("`10/03/2026` → viết `2026-03-10` (năm-tháng-ngày)"),
        "{stderr}"
    );
    assert!(stderr.contains("2 lỗi"), "{stderr}");
    let _ = std::fs::remove_dir_all(&root);
}
