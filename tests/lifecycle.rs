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

/// Runs `congkhai <args> --root <root> --lang en` and returns its exit code and stderr.
fn run(root: &std::path::Path, args: &[&str]) -> (Option<i32>, String) {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_congkhai"))
        .args(args)
        .args(["--lang", "en", "--root"])
        .arg(root)
        .output()
        .unwrap();
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn status_badge(root: &std::path::Path, page: &str) -> String {
    let html = std::fs::read_to_string(root.join("public").join(page)).unwrap();
    let page = Html::parse_document(&html);
    page.select(&Selector::parse(".badge[class*=badge-status]").unwrap())
        .next()
        .map(|b| b.text().collect::<String>())
        .unwrap_or_default()
}

#[test]
fn an_upcoming_procedure_applies_on_its_date_and_check_says_to_update_the_record() {
    let root = common::sample_copy("lifecycle-upcoming");
    let page = "thu-tuc/ho-tro-bhyt-nguoi-cao-tuoi-70-75/index.html";
    // Before its date (1 January 2027): upcoming, and nothing to say.
    let (code, stderr) = run(&root, &["check", "--now", "2026-12-31"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(!stderr.contains("CK044"), "{stderr}");
    let (code, stderr) = run(&root, &["build", "--now", "2026-12-31"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(status_badge(&root, page), "Sắp áp dụng");
    let home = std::fs::read_to_string(root.join("public/index.html")).unwrap();
    assert!(home.contains("<strong>2</strong> thủ tục sắp áp dụng"));

    // From its date on, the site says it applies, and check asks for the record to say so.
    let (code, stderr) = run(&root, &["check", "--now", "2027-01-01"]);
    assert_eq!(code, Some(0), "a warning, not an error: {stderr}");
    assert!(stderr.contains("warning[CK044]"), "{stderr}");
    assert!(stderr.contains("applies since 01/01/2027"), "{stderr}");
    assert!(stderr.contains("write `status: active`"), "{stderr}");
    let (code, stderr) = run(&root, &["build", "--now", "2027-01-01"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(status_badge(&root, page), "Đang áp dụng");
    // Both upcoming procedures of the sample apply from that day: the home page counts none.
    let home = std::fs::read_to_string(root.join("public/index.html")).unwrap();
    assert!(
        !home.contains("thủ tục sắp áp dụng"),
        "the home page counts them as in force"
    );
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn dates_that_contradict_the_record_and_placeholders_are_warned_about() {
    let root = common::sample_copy("lifecycle-warnings");
    let record = root.join("content/procedures/ho-tich/dang-ky-khai-sinh.yaml");
    let source = std::fs::read_to_string(&record).unwrap();
    let verified = source
        .lines()
        .find(|l| l.starts_with("verified_on:"))
        .unwrap()
        .to_owned();
    let edited = source
        .replace(&verified, "verified_on: 2027-03-01")
        .replace("status: active", "status: active\neffective_to: 2026-06-30");
    std::fs::write(&record, edited).unwrap();
    // A closure that is over, in site.yaml.
    let site = root.join("content/site.yaml");
    let text = std::fs::read_to_string(&site).unwrap().replace(
        "closures:\n",
        "closures:\n  - {from: 2026-04-30, to: 2026-05-01, reason: \"Ngày Chiến thắng\"}\n",
    );
    std::fs::write(&site, text).unwrap();
    // A record made by `new` without a code keeps its temporary code.
    let (code, stderr) = run(
        &root,
        &[
            "new",
            "procedure",
            "Thủ tục thử nghiệm",
            "--field",
            "ho-tich",
        ],
    );
    assert_eq!(code, Some(0), "{stderr}");

    let (code, stderr) = run(&root, &["check", "--now", "2026-12-01"]);
    assert_eq!(code, Some(0), "warnings only: {stderr}");
    for expected in [
        "`verified_on` is 01/03/2027, a day that has not come yet",
        "`effective_to` is 30/06/2026, which has passed",
        "this closure ended on 01/05/2026",
        "is the temporary code `congkhai new` wrote",
    ] {
        assert!(stderr.contains(expected), "{expected}: {stderr}");
    }
    assert!(stderr.contains("warning[CK045]"), "{stderr}");

    // The past closure is not shown to citizens; the coming ones are.
    let (code, stderr) = run(&root, &["build", "--now", "2026-12-01"]);
    assert_eq!(code, Some(0), "{stderr}");
    let contact = std::fs::read_to_string(root.join("public/lien-he/index.html")).unwrap();
    assert!(
        !contact.contains("Ngày Chiến thắng"),
        "a past closure is shown"
    );
    assert!(contact.contains("Tết Nguyên đán Đinh Mùi"));
    let _ = std::fs::remove_dir_all(&root);
}
