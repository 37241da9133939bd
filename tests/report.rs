//! `congkhai report`: per record, what is not known or not published, placeholders left, and
//! how old checks and sources are; totals per part. Read back with Python's `json` and an HTML
//! parser.

mod common;

use std::path::Path;
use std::process::Command;

use scraper::{Html, Selector};

fn report(root: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_congkhai"))
        .args(["report", "--now", "2026-12-01", "--root"])
        .arg(root)
        .args(args)
        .output()
        .unwrap()
}

fn stdout_ok(root: &Path, args: &[&str]) -> String {
    let output = report(root, args);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// The sample and five records an office would have to fix: parts not known, not published, a
/// temporary code, a check two years old, a source read long ago; and one that does not read.
fn site() -> std::path::PathBuf {
    let root = common::sample_copy("report");
    let folder = root.join("content/procedures/ho-tich");
    let sample = std::fs::read_to_string(folder.join("dang-ky-khai-sinh.yaml")).unwrap();
    let variant = |code: &str, slug: &str, edit: &dyn Fn(String) -> String| {
        let text = sample
            .replace("code: \"1.001193\"", &format!("code: \"{code}\""))
            .replace("Đăng ký khai sinh", &format!("Đăng ký khai sinh {slug}"));
        let text = edit(text);
        std::fs::write(folder.join(format!("{slug}.yaml")), text).unwrap();
    };
    let replace_key = |text: String, key: &str, value: &str| -> String {
        // The key's block: its line and the indented lines under it.
        let mut out = String::new();
        let mut skipping = false;
        for line in text.lines() {
            if line.starts_with(&format!("{key}:")) {
                out.push_str(&format!("{key}: {value}\n"));
                skipping = true;
                continue;
            }
            if skipping && (line.starts_with(' ') || line.starts_with('-') || line.is_empty()) {
                continue;
            }
            skipping = false;
            out.push_str(line);
            out.push('\n');
        }
        out
    };
    variant("9.800001", "thieu-phi", &|t| {
        let t = replace_key(t, "fees", "not_published");
        replace_key(t, "steps", "unknown")
    });
    variant("TAM-1a2b3c4d", "ma-tam", &|t| t);
    variant("9.800003", "ra-soat-cu", &|t| {
        replace_key(t, "verified_on", "2024-11-01")
    });
    variant("9.800004", "nguon-cu", &|t| {
        format!(
            "{t}sources:\n  - {{title: \"Cổng Dịch vụ công quốc gia\", retrieved_on: 2025-01-15}}\n  - {{title: \"Quyết định 12/QĐ-UBND\", retrieved_on: 2026-10-01}}\n"
        )
    });
    std::fs::write(folder.join("hong.yaml"), "code: \"9.800005\"\ntitle: [\n").unwrap();
    root
}

#[test]
fn the_report_lists_what_each_record_lacks_and_the_totals_in_three_formats() {
    let root = site();
    let text = stdout_ok(&root, &[]);
    assert!(text.contains("Báo cáo mức độ đầy đủ"), "{text}");
    assert!(text.contains("cũ hơn 365 ngày"), "{text}");
    // Each record to fix, with what to fix; complete records are not listed.
    // A record's block: its line (indented by two) and its details (indented by four).
    let block = |code: &str| -> String {
        let mut lines = text
            .lines()
            .skip_while(|l| !l.starts_with(&format!("  {code}  ")));
        let head = lines
            .next()
            .unwrap_or_else(|| panic!("{code} not listed:\n{text}"));
        let details: Vec<&str> = lines.take_while(|l| l.starts_with("    ")).collect();
        format!("{head}\n{}", details.join("\n"))
    };
    let fee = block("9.800001");
    assert!(
        fee.contains("Chưa có thông tin: Trình tự thực hiện"),
        "{fee}"
    );
    assert!(fee.contains("Chưa công bố: Phí, lệ phí"), "{fee}");
    assert!(block("TAM-1a2b3c4d").contains("Giữ chỗ: mã tạm"), "{text}");
    assert!(
        block("9.800003").contains("Rà soát lần cuối: 01/11/2024 (760 ngày trước)"),
        "{text}"
    );
    let old = block("9.800004");
    assert!(
        old.contains("Cổng Dịch vụ công quốc gia, 15/01/2025 (685 ngày trước)"),
        "{old}"
    );
    assert!(
        !old.contains("12/QĐ-UBND"),
        "a recent source is not stale: {old}"
    );
    assert!(
        !text.contains("  1.001193  "),
        "a complete record is not listed"
    );
    assert!(
        text.contains("content/procedures/ho-tich/hong.yaml:"),
        "{text}"
    );

    // JSON, read by Python's parser.
    let json = stdout_ok(&root, &["--format", "json"]);
    let script = r#"
import json, sys
r = json.load(sys.stdin)
t = r["totals"]
fees = [p for p in r["parts"] if p["key"] == "fees"][0]
steps = [p for p in r["parts"] if p["key"] == "steps"][0]
rows = {x["code"]: x for x in r["records"]}
print(r["version"], r["date"], t["records"], t["complete"], t["with_unknown"],
      t["with_not_published"], t["with_placeholders"], t["verified_long_ago"],
      t["with_stale_sources"], t["unreadable"], fees["not_published"], steps["unknown"],
      rows["9.800001"]["not_published"], rows["9.800004"]["stale_sources"][0]["days_ago"],
      r["unreadable"][0]["file"], r["unreadable"][0]["line"] is not None)
"#;
    let mut python = Command::new("python3")
        .args(["-c", script])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    python
        .stdin
        .take()
        .unwrap()
        .write_all(json.as_bytes())
        .unwrap();
    let out = python.wait_with_output().unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap().trim(),
        "1 2026-12-01 57 53 1 1 1 1 1 1 1 1 ['fees'] 685 content/procedures/ho-tich/hong.yaml True"
    );

    // HTML, outside public/, read by an HTML parser.
    let output = report(&root, &["--format", "html", "--output", "bao-cao.html"]);
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("đã ghi báo cáo vào"));
    let html = std::fs::read_to_string(root.join("bao-cao.html")).unwrap();
    let page = Html::parse_document(&html);
    let rows: Vec<String> = page
        .select(&Selector::parse("#can-bo-sung ~ div table tbody tr").unwrap())
        .map(|tr| tr.text().collect::<Vec<_>>().join("|"))
        .collect();
    assert_eq!(rows.len(), 4, "{rows:?}");
    assert!(
        rows.iter()
            .any(|r| r.contains("9.800001") && r.contains("Phí, lệ phí"))
    );
    assert!(
        page.select(&Selector::parse("html[lang=vi]").unwrap())
            .next()
            .is_some()
    );
    // The same input gives the same page.
    let again = report(&root, &["--format", "html", "--output", "bao-cao-2.html"]);
    assert!(again.status.success());
    assert_eq!(
        html,
        std::fs::read_to_string(root.join("bao-cao-2.html")).unwrap()
    );

    // Never into the published folder.
    std::fs::create_dir_all(root.join("public")).unwrap();
    let refused = report(
        &root,
        &["--format", "html", "--output", "public/bao-cao.html"],
    );
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("public/"));
    assert!(!root.join("public/bao-cao.html").exists());

    // In English when asked.
    let english = stdout_ok(&root, &["--lang", "en"]);
    assert!(english.contains("Completeness report"), "{english}");
    assert!(english.contains("Not published: fees"), "{english}");
    let _ = std::fs::remove_dir_all(&root);
}
