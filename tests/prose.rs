//! Long texts keep their structure: a step of several thousand characters laid out with line
//! breaks, "-", "+" and "a)" markers is shown as paragraphs and lists, escaped.

mod common;

use std::process::Command;

use scraper::{Html, Selector};

/// A step as real catalogues write it: an introduction, bullets with second-level "+" items,
/// marked cases, and a note; padded to several thousand characters.
fn long_step() -> String {
    let mut text = String::from("Bước 1: Chuẩn bị hồ sơ <script>alert(1)</script> gồm:\n");
    text.push_str("- Tờ khai theo mẫu;\n+ bản chính;\n+ bản sao có chứng thực.\n");
    text.push_str("- Giấy tờ chứng minh nơi cư trú.\n");
    text.push_str("a) Trường hợp nộp trực tiếp: xuất trình bản chính;\n");
    text.push_str("b) Trường hợp nộp trực tuyến: đính kèm bản chụp.\n");
    for i in 0..40 {
        text.push_str(&format!(
            "Đoạn {i}: công chức tiếp nhận kiểm tra tính đầy đủ, hợp lệ của hồ sơ và hướng dẫn người nộp bổ sung khi cần.\n"
        ));
    }
    text
}

#[test]
fn a_structured_step_is_shown_as_paragraphs_and_lists() {
    let root = common::sample_copy("prose");
    let record = root.join("content/procedures/ho-tich/dang-ky-khai-sinh.yaml");
    let source = std::fs::read_to_string(&record).unwrap();
    let step = long_step();
    assert!(step.chars().count() > 4000);
    // The first step's folded text becomes a literal block with the structured text.
    let indented: String = step.lines().map(|l| format!("      {l}\n")).collect();
    let start = source.find("    text: >-\n").unwrap();
    let end = start + source[start..].find("  - title:").unwrap();
    let edited = format!(
        "{}    text: |-\n{indented}{}",
        &source[..start],
        &source[end..]
    );
    std::fs::write(&record, edited).unwrap();

    let status = Command::new(env!("CARGO_BIN_EXE_congkhai"))
        .args(["build", "--now", "2026-12-01", "--root"])
        .arg(&root)
        .status()
        .unwrap();
    assert!(status.success());
    let html =
        std::fs::read_to_string(root.join("public/thu-tuc/dang-ky-khai-sinh/index.html")).unwrap();
    let page = Html::parse_document(&html);
    let select = |css: &str| Selector::parse(css).unwrap();
    let first = page.select(&select(".steps > li")).next().unwrap();

    // 1 introduction + 40 paragraphs; bullets with two nested items; marked cases.
    assert_eq!(first.select(&select(":scope > p:not(.actor)")).count(), 41);
    let bullets: Vec<_> = first
        .select(&select(":scope > ul.prose-bullets > li"))
        .collect();
    assert_eq!(bullets.len(), 2);
    let nested: Vec<String> = bullets[0]
        .select(&select("ul.prose-bullets > li"))
        .map(|li| li.text().collect())
        .collect();
    assert_eq!(nested, ["bản chính;", "bản sao có chứng thực."]);
    let markers: Vec<String> = first
        .select(&select("ul.prose-marked .marker"))
        .map(|m| m.text().collect())
        .collect();
    assert_eq!(markers, ["a)", "b)"]);
    // Escaped: the text is shown, never run.
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(first.select(&select("script")).next().is_none());
    let _ = std::fs::remove_dir_all(&root);
}
