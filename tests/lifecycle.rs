//! Decisions and lifecycle as real catalogues give them: a decision known only by its number
//! (no date, no change kind), and a procedure published and repealed on the same day.

mod common;

use scraper::{Html, Selector};

#[test]
fn a_decision_without_date_or_change_and_a_same_day_repeal_build_and_say_only_what_is_known() {
    let root = common::sample_copy("lifecycle");
    let record = root.join("content/procedures/ho-tich/dang-ky-khai-sinh.yaml");
    let source = std::fs::read_to_string(&record).unwrap();
    let edited = source
        .replace(
            "  - {number: \"528/QĐ-BTP\", date: 2023-04-10, change: amended}",
            "  - {number: \"528/QĐ-BTP\"}\n  - number: \"1234/QĐ-UBND\"\n    change: repealed",
        )
        .replace(
            "status: active",
            "status: repealed\neffective_from: 2025-07-01\neffective_to: 2025-07-01",
        );
    assert_ne!(edited, source);
    std::fs::write(&record, edited).unwrap();

    common::run_ok(&root, "check");
    common::run_ok(&root, "build");

    let html =
        std::fs::read_to_string(root.join("public/thu-tuc/dang-ky-khai-sinh/index.html")).unwrap();
    let page = Html::parse_document(&html);
    let items: Vec<String> = page
        .select(
            &Selector::parse("#quyet-dinh li, section[aria-labelledby=h-quyet-dinh] li").unwrap(),
        )
        .map(|li| {
            li.text()
                .collect::<String>()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    // No date and no change kind are made up: the number alone.
    assert!(
        items.iter().any(|i| i == "Quyết định số 528/QĐ-BTP"),
        "{items:?}"
    );
    assert!(
        items
            .iter()
            .any(|i| i == "Quyết định số 1234/QĐ-UBND: Bãi bỏ"),
        "{items:?}"
    );
    let banner: String = page
        .select(&Selector::parse(".banner-title").unwrap())
        .flat_map(|b| b.text())
        .collect();
    assert!(banner.contains("1234/QĐ-UBND"), "{banner}");
    assert!(!banner.contains("ngày ."), "{banner}");
    let _ = std::fs::remove_dir_all(&root);
}
