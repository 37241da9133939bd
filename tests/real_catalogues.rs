//! Real catalogues: what a record does not state is never shown as free, none or empty.
//!
//! Small records written into a copy of the sample (an unpublished fee, a fee in US dollars, a
//! tiered fee, a fee set by a council resolution, unknown online levels with and without an
//! address, a record whose every part is unknown), built with the binary, and the pages read
//! back with an independent HTML parser.

mod common;

use common::partial::{ONLINE_URL, fixtures, record, site_with_fixtures};

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use congkhai::diagnostics::{Code, Lang, Severity};
use congkhai::{BuildOptions, Timings};
use scraper::{Html, Selector};

/// The sample with the fixtures, built once for the tests that only read it.
fn built() -> &'static (PathBuf, String) {
    static SITE: OnceLock<(PathBuf, String)> = OnceLock::new();
    SITE.get_or_init(|| {
        let root = site_with_fixtures("real", str::to_owned);
        let output = common::run_ok(&root, "build");
        (root, String::from_utf8_lossy(&output.stderr).into_owned())
    })
}

fn read(root: &Path, path: &str) -> String {
    let file = root.join("public").join(path);
    std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()))
}

fn page(root: &Path, slug: &str) -> Html {
    Html::parse_document(&read(root, &format!("thu-tuc/{slug}/index.html")))
}

/// The visible text of the elements `selector` selects, whitespace collapsed.
fn text_of(html: &Html, selector: &str) -> String {
    let selector = Selector::parse(selector).unwrap();
    let texts: Vec<String> = html
        .select(&selector)
        .map(|e| e.text().collect::<Vec<_>>().join(" "))
        .collect();
    texts
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn hrefs(html: &Html, selector: &str) -> Vec<String> {
    let selector = Selector::parse(&format!("{selector} a[href]")).unwrap();
    html.select(&selector)
        .filter_map(|a| a.value().attr("href").map(str::to_owned))
        .collect()
}

/// The texts of the listing cards of the procedure `code`, on every listing page of the site.
fn cards(root: &Path, code: &str) -> Vec<String> {
    let mut files = Vec::new();
    common::files(&root.join("public"), &mut files);
    let card = Selector::parse("li.card").unwrap();
    let mut out = Vec::new();
    for file in files {
        let path = file.to_string_lossy();
        if !path.ends_with(".html") || path.contains("/thu-tuc/") {
            continue;
        }
        let html = Html::parse_document(&std::fs::read_to_string(&file).unwrap());
        for element in html.select(&card) {
            let text = element.text().collect::<Vec<_>>().join(" ");
            if text.contains(code) {
                out.push(text.split_whitespace().collect::<Vec<_>>().join(" "));
            }
        }
    }
    out
}

/// The search index's result card of the procedure `code`: `[title, code, url, …, fee
/// summary, …]`.
fn search_card(root: &Path, code: &str) -> String {
    let mut files = Vec::new();
    common::files(&root.join("public/tra-cuu"), &mut files);
    let needle = format!("\"{code}\"");
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        if let Some(at) = text.find(&needle) {
            let start = text[..at].rfind('[').unwrap();
            let end = at + text[at..].find(']').unwrap();
            return text[start..=end].to_owned();
        }
    }
    panic!("{code} is not in the search index");
}

/// A number shown in bold before `words` on the home page.
fn home_count(home: &str, words: &str) -> Option<usize> {
    let at = home.find(&format!("</strong> {words}<"))?;
    let number = &home[..at];
    number[number.rfind("<strong>")? + "<strong>".len()..]
        .parse()
        .ok()
}

#[test]
fn an_unpublished_fee_is_said_so_everywhere_and_never_free() {
    let (root, _) = built();
    let said = "Chưa công bố mức phí, lệ phí";
    let html = page(root, "phi-chua-cong-bo");
    let summary = text_of(&html, "#tom-tat");
    assert!(
        summary.contains(&format!("{said} — hỏi đường dây nóng 0222 3 812 345")),
        "{summary}"
    );
    assert!(
        hrefs(&html, "#tom-tat .facts").contains(&"tel:02223812345".to_owned()),
        "the hotline to ask is a tel: link"
    );
    let fees = text_of(&html, "#phi-le-phi");
    assert!(fees.contains(said), "{fees}");
    assert!(
        fees.contains("Quyết định công bố không ghi mức thu."),
        "{fees}"
    );
    assert!(
        hrefs(&html, "#phi-le-phi")
            .iter()
            .any(|h| h.ends_with("ma_thu_tuc=9.900003")),
        "the source is a link"
    );
    let main = text_of(&html, "main");
    for false_word in ["Miễn phí", "Không thu phí"] {
        assert!(!main.contains(false_word), "{false_word} in {main}");
    }

    let listed = cards(root, "9.900003");
    assert!(!listed.is_empty(), "the procedure is in a listing");
    for card in &listed {
        assert!(card.contains(said) && !card.contains("Miễn phí"), "{card}");
    }
    let search = search_card(root, "9.900003");
    assert!(
        search.contains(said) && !search.contains("Miễn phí"),
        "{search}"
    );

    // The open data says it as the record does.
    let data: serde_json::Value =
        serde_json::from_str(&read(root, "du-lieu/thu-tuc.json")).unwrap();
    let record = |code: &str| {
        data["procedures"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["code"] == code)
            .unwrap_or_else(|| panic!("{code} in the open data"))
            .clone()
    };
    assert_eq!(record("9.900003")["fees"]["status"], "not_published");
    assert_eq!(
        record("9.900003")["fees"]["note"],
        "Quyết định công bố không ghi mức thu."
    );
    assert_eq!(record("9.900007")["steps"]["status"], "unknown");
    assert_eq!(record("9.900001")["fees"][0]["currency"], "USD");

    // An unknown fee likewise.
    let html = page(root, "chua-co-thong-tin");
    let main = text_of(&html, "main");
    assert!(
        main.contains("Chưa có thông tin về mức phí, lệ phí"),
        "{main}"
    );
    assert!(!main.contains("Miễn phí") && !main.contains("Không thu phí"));
}

#[test]
fn fees_in_another_currency_tiers_and_council_resolutions_are_summarised_truly() {
    let (root, _) = built();
    // 10 USD/bản.
    let html = page(root, "phi-usd");
    let fees = text_of(&html, "#phi-le-phi");
    assert!(fees.contains("Lệ phí: 10 USD/bản"), "{fees}");
    let facts = text_of(&html, "#tom-tat .facts");
    assert!(facts.contains("10 USD"), "{facts}");
    let main = text_of(&html, "main");
    assert!(
        !main.contains("đồng USD") && !main.contains("10 đồng"),
        "{main}"
    );
    assert!(search_card(root, "9.900001").contains("\"10 USD\""));
    for card in cards(root, "9.900001") {
        assert!(card.contains("10 USD") && !card.contains("đồng"), "{card}");
    }

    // Two amounts: the lowest, said as such, and each amount with its case.
    let html = page(root, "phi-bac");
    let facts = text_of(&html, "#tom-tat .facts");
    assert!(facts.contains("Từ 25.000 đồng"), "{facts}");
    let fees = text_of(&html, "#phi-le-phi");
    assert!(fees.contains("Cấp mới: 50.000 đồng/giấy"), "{fees}");
    assert!(fees.contains("Cấp lại: 25.000 đồng/giấy"), "{fees}");
    assert!(!fees.contains("Miễn phí"), "{fees}");

    // Set by the provincial council: its text and the resolution, no amount and never free.
    let html = page(root, "phi-hdnd");
    let fees = text_of(&html, "#phi-le-phi");
    assert!(
        fees.contains("Mức thu do Hội đồng nhân dân tỉnh quy định."),
        "{fees}"
    );
    assert!(
        fees.contains("Mức thu quy định tại 15/2025/NQ-HĐND"),
        "{fees}"
    );
    let main = text_of(&html, "main");
    assert!(
        !main.contains("Miễn phí") && !main.contains("Không thu phí"),
        "{main}"
    );
    assert!(text_of(&html, "#tom-tat .facts").contains("Theo quy định"));
    for card in cards(root, "9.900004") {
        assert!(card.contains("Theo quy định"), "{card}");
    }
}

#[test]
fn home_page_and_search_facet_count_only_stated_fees() {
    let (root, _) = built();
    let (catalogue, diagnostics) =
        congkhai::check(&BuildOptions::new(root.as_path()), &mut Timings::default());
    let catalogue = catalogue.unwrap_or_else(|| panic!("{}", diagnostics.render_terminal(false)));
    // Counted here without the code under test: a record is free when it lists its fees and
    // each is 0 without tiers.
    let (mut free, mut paid, mut missing) = (0, 0, 0);
    for entry in catalogue.listed() {
        match entry.procedure.fees.known() {
            None => missing += 1,
            Some(fees)
                if fees
                    .iter()
                    .all(|f| f.amount == Some(0) && f.tiers.is_empty()) =>
            {
                free += 1
            }
            Some(_) => paid += 1,
        }
    }
    assert_eq!(missing, 2, "the unpublished and the unknown fee");
    let home = read(root, "index.html");
    assert_eq!(
        home_count(&home, "thủ tục không thu phí, lệ phí"),
        Some(free)
    );
    assert_eq!(home_count(&home, "thủ tục có thu phí, lệ phí"), Some(paid));
    assert_eq!(
        home_count(
            &home,
            "thủ tục chưa có thông tin hoặc chưa công bố phí, lệ phí"
        ),
        Some(missing)
    );

    // Online levels: the unknown and the unpublished are counted apart, not as "not online".
    let online = |id: &str| {
        catalogue
            .listed()
            .filter(|e| {
                e.procedure
                    .online_level
                    .missing()
                    .is_some_and(|m| m.status.id() == id)
            })
            .count()
    };
    assert_eq!((online("unknown"), online("not_published")), (2, 1));
    assert!(home.contains("<li>Chưa có thông tin: <strong>2</strong> thủ tục</li>"));
    assert!(home.contains("<li>Chưa công bố: <strong>1</strong> thủ tục</li>"));

    let labels = serde_json::json!({});
    let index = congkhai::search::Index::build(&catalogue, &labels);
    let free_of = |code: &str| {
        index
            .docs
            .iter()
            .find(|d| catalogue.procedures[d.entry].procedure.code.value.as_str() == code)
            .map(|d| d.free)
    };
    assert_eq!(free_of("9.900003"), Some(false), "unpublished is not free");
    assert_eq!(free_of("9.900007"), Some(false), "unknown is not free");
    assert_eq!(free_of("9.900004"), Some(false), "set by a council");
    assert_eq!(free_of("9.900006"), Some(true), "`fees: []` is free");
}

#[test]
fn an_online_address_shows_whatever_the_level_and_the_portal_is_offered_without_one() {
    let (root, _) = built();
    // Unknown level, own address: the address.
    let html = page(root, "truc-tuyen-chua-ro-co-dia-chi");
    assert_eq!(
        hrefs(&html, "#tom-tat .online-action"),
        vec![ONLINE_URL.to_owned()]
    );
    let badges = text_of(&html, ".badges");
    assert!(
        badges.contains("Chưa có thông tin về mức độ dịch vụ công trực tuyến"),
        "{badges}"
    );
    assert!(
        !badges.contains("Chưa có dịch vụ công trực tuyến"),
        "{badges}"
    );

    // Not online, own address: the address still.
    let html = page(root, "khong-truc-tuyen-co-dia-chi");
    assert_eq!(
        hrefs(&html, "#tom-tat .online-action"),
        vec!["https://dichvucong.gov.vn/tra-cuu?ma=9.900008".to_owned()]
    );

    // Unknown level, no address: the site's portal, to look the code up.
    let html = page(root, "truc-tuyen-chua-ro");
    assert_eq!(
        hrefs(&html, "#tom-tat .online-action"),
        vec!["https://dichvucong.gov.vn".to_owned()]
    );
    let action = text_of(&html, "#tom-tat .online-action");
    assert!(
        action.contains("Tra cứu trên cổng dịch vụ công") && action.contains("9.900006"),
        "{action}"
    );

    // No portal in site.yaml: nothing is invented.
    let root = site_with_fixtures("real-no-portal", |site| {
        let start = site.find("online_portals:").unwrap();
        let rest = &site[start..];
        let end = rest
            .char_indices()
            .skip(1)
            .find(|(i, c)| *c != ' ' && rest[..*i].ends_with('\n'))
            .map_or(rest.len(), |(i, _)| i);
        format!("{}{}", &site[..start], &rest[end..])
    });
    assert!(
        !std::fs::read_to_string(root.join("content/site.yaml"))
            .unwrap()
            .contains("online_portals")
    );
    common::run_ok(&root, "build");
    let html = page(&root, "truc-tuyen-chua-ro");
    assert!(hrefs(&html, "#tom-tat .online-action").is_empty());
    assert!(text_of(&html, "#tom-tat .online-action").is_empty());
    let html = page(&root, "truc-tuyen-chua-ro-co-dia-chi");
    assert_eq!(
        hrefs(&html, "#tom-tat .online-action"),
        vec![ONLINE_URL.to_owned()]
    );
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn every_part_can_be_unknown_or_not_published_and_the_page_says_so() {
    let (root, stderr) = built();
    let html = page(root, "chua-co-thong-tin");
    let expected = [
        ("#ho-so", "Chưa công bố thành phần hồ sơ"),
        ("#ho-so", "Hỏi Bộ phận Một cửa."),
        ("#ho-so", "Quyết định 1234/QĐ-UBND"),
        ("#mau-don", "Chưa có thông tin về mẫu đơn, tờ khai"),
        ("#cach-thuc", "Chưa có thông tin về cách thức thực hiện"),
        ("#trinh-tu", "Chưa có thông tin về trình tự thực hiện"),
        ("#thoi-han", "Chưa có thông tin về thời hạn giải quyết"),
        ("#doi-tuong", "Chưa có thông tin về đối tượng thực hiện"),
        ("#co-quan", "Chưa có thông tin về cơ quan thực hiện"),
        ("#ket-qua", "Chưa có thông tin về kết quả thực hiện"),
        ("#phi-le-phi", "Chưa có thông tin về mức phí, lệ phí"),
        ("#dieu-kien", "Chưa công bố yêu cầu, điều kiện"),
        ("#can-cu", "Chưa có thông tin về căn cứ pháp lý"),
        (".badges", "Chưa công bố mức độ dịch vụ công trực tuyến"),
        (
            "#tom-tat .facts",
            "Chưa có thông tin về thời hạn giải quyết",
        ),
        ("#tom-tat .facts", "Chưa công bố thành phần hồ sơ"),
        (
            "#tom-tat .facts",
            "Chưa có thông tin về cách thức thực hiện",
        ),
    ];
    for (section, words) in expected {
        let text = text_of(&html, section);
        assert!(text.contains(words), "{section}: `{words}` not in {text}");
    }
    // No empty list or zero stands for what is not known.
    let facts = text_of(&html, "#tom-tat .facts");
    assert!(
        !facts.contains("0 giấy tờ") && !facts.contains("Không tiếp nhận"),
        "{facts}"
    );
    assert!(
        Html::parse_document(&read(root, "thu-tuc/chua-co-thong-tin/index.html"))
            .select(&Selector::parse("#ho-so table, #can-cu table, #cach-thuc table").unwrap())
            .next()
            .is_none(),
        "no empty table"
    );
    // The card says what is not known too.
    for card in cards(root, "9.900007") {
        assert!(
            card.contains("Chưa có thông tin về thời hạn giải quyết")
                && card.contains("Chưa có thông tin về mức phí, lệ phí"),
            "{card}"
        );
    }
    // Each explicit unknown is a warning, and the build goes on.
    assert!(
        stderr.contains("CK032") && stderr.contains("CK033"),
        "{stderr}"
    );
}

#[test]
fn unknown_parts_warn_a_missing_key_fails_and_fee_mistakes_are_errors() {
    let root = common::sample_copy("real-errors");
    let folder = root.join("content/procedures/ho-tich");
    let write = |file: &str, text: String| std::fs::write(folder.join(file), text).unwrap();
    write(
        "chua-co-thong-tin.yaml",
        record(
            "9.900011",
            "chua-co-thong-tin",
            "Thủ tục thử nghiệm chưa có thông tin",
            &[("fees", "not_published"), ("steps", "unknown")],
        ),
    );
    write(
        "thieu-phi.yaml",
        record(
            "9.900012",
            "thieu-phi",
            "Thủ tục thử nghiệm thiếu khóa phí",
            &[],
        )
        .replace("fees: []\n", ""),
    );
    write(
        "don-vi-usd.yaml",
        record(
            "9.900013",
            "don-vi-usd",
            "Thủ tục thử nghiệm đơn vị USD",
            &[(
                "fees",
                "[{id: le-phi, kind: le_phi, amount: 10, unit: \"USD/bản\", text: \"10 USD/bản\"}]",
            )],
        ),
    );
    write(
        "muc-va-bac.yaml",
        record(
            "9.900014",
            "muc-va-bac",
            "Thủ tục thử nghiệm có cả mức và bậc",
            &[(
                "fees",
                "[{id: le-phi, kind: le_phi, amount: 10000, text: \"10.000 đồng\", tiers: [{condition: \"Cấp mới\", amount: 10000}]}]",
            )],
        ),
    );
    write(
        "ma-tien-te.yaml",
        record(
            "9.900015",
            "ma-tien-te",
            "Thủ tục thử nghiệm mã tiền tệ viết thường",
            &[(
                "fees",
                "[{id: le-phi, kind: le_phi, amount: 10, currency: usd, text: \"10 USD\"}]",
            )],
        ),
    );
    write(
        "don-vi-gcn.yaml",
        record(
            "9.900016",
            "don-vi-gcn",
            "Thủ tục thử nghiệm đơn vị giấy chứng nhận",
            &[(
                "fees",
                "[{id: le-phi, kind: le_phi, amount: 50000, unit: \"GCN\", text: \"50.000 đồng/GCN\"}]",
            )],
        ),
    );
    write(
        "kenh-phi-chua-cong-bo.yaml",
        record(
            "9.900017",
            "kenh-phi-chua-cong-bo",
            "Thủ tục thử nghiệm có cách nộp nhắc tới phí chưa công bố",
            &[
                ("fees", "not_published"),
                (
                    "channels",
                    "[{type: in_person, available: true, fees: [le-phi]}]",
                ),
            ],
        ),
    );
    let (_, diagnostics) = congkhai::check(&BuildOptions::new(&root), &mut Timings::default());
    let english = diagnostics.sorted();
    let find = |file: &str, code: Code| {
        english
            .iter()
            .find(|d| d.file.ends_with(file) && d.code == code)
            .copied()
            .unwrap_or_else(|| {
                panic!(
                    "no {} in {file}:\n{}",
                    code.as_str(),
                    diagnostics.render_terminal(false)
                )
            })
    };
    let unpublished = find("chua-co-thong-tin.yaml", Code::CK033);
    assert_eq!(unpublished.severity, Severity::Warning);
    assert!(
        unpublished.text(Lang::En).message.contains("`fees`"),
        "{unpublished:?}"
    );
    assert!(unpublished.position.is_some(), "{unpublished:?}");
    assert_eq!(
        find("chua-co-thong-tin.yaml", Code::CK032).severity,
        Severity::Warning
    );
    let absent = find("thieu-phi.yaml", Code::CK010);
    assert_eq!(absent.severity, Severity::Error);
    assert!(
        absent.text(Lang::En).message.contains("`fees`"),
        "{absent:?}"
    );
    let unit = find("don-vi-usd.yaml", Code::CK034);
    assert_eq!(unit.severity, Severity::Error);
    assert!(
        unit.text(Lang::En)
            .help
            .as_deref()
            .unwrap()
            .contains("currency: USD")
    );
    assert_eq!(
        find("muc-va-bac.yaml", Code::CK035).severity,
        Severity::Error
    );
    assert!(
        !english
            .iter()
            .any(|d| d.file.ends_with("don-vi-gcn.yaml") && d.severity == Severity::Error),
        "a unit that is no ISO 4217 code is no currency"
    );
    let channel = find("kenh-phi-chua-cong-bo.yaml", Code::CK024);
    assert!(
        channel
            .text(Lang::En)
            .help
            .as_deref()
            .unwrap()
            .contains("not stated"),
        "{channel:?}"
    );
    let currency = find("ma-tien-te.yaml", Code::CK016);
    assert!(
        currency.text(Lang::En).message.contains("`usd`"),
        "{currency:?}"
    );

    // Said in Vietnamese too.
    for d in &english {
        if [Code::CK032, Code::CK033, Code::CK034, Code::CK035].contains(&d.code)
            || (d.code == Code::CK016 && d.file.ends_with("ma-tien-te.yaml"))
            || (d.code == Code::CK024 && d.file.ends_with("kenh-phi-chua-cong-bo.yaml"))
        {
            let (en, vi) = (d.text(Lang::En), d.text(Lang::Vi));
            assert_ne!(en.message, vi.message);
            assert!(
                congkhai::vi::english_words(&vi.message).is_empty(),
                "{}",
                vi.message
            );
            if en.help.is_some() {
                assert_ne!(en.help, vi.help, "{}", d.code.as_str());
            }
        }
    }
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn an_english_site_says_the_new_states_in_english() {
    let root = site_with_fixtures("real-en", |site| {
        site.replace("language: vi", "language: en")
    });
    // Every Vietnamese letter left on the fixtures' pages would come from the tool or theme.
    let mut sources = Vec::new();
    common::files(&root.join("content"), &mut sources);
    for path in sources {
        if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("yaml" | "md")
        ) {
            let text = std::fs::read_to_string(&path).unwrap();
            std::fs::write(&path, common::strip_marks(&text)).unwrap();
        }
    }
    common::run_ok(&root, "build");

    let html = page(&root, "chua-co-thong-tin");
    let main = text_of(&html, "main");
    for words in [
        "Not yet known: the fees and charges",
        "Not yet published: the documents required",
        "Not yet known: the steps",
    ] {
        assert!(main.contains(words), "`{words}` not in {main}");
    }
    let html = page(&root, "phi-chua-cong-bo");
    let summary = text_of(&html, "#tom-tat .facts");
    assert!(
        summary.contains("Not yet published: the fees and charges — ask the hotline"),
        "{summary}"
    );
    let html = page(&root, "phi-usd");
    assert!(text_of(&html, "#phi-le-phi").contains("USD 10/ban"));
    let html = page(&root, "phi-hdnd");
    assert!(text_of(&html, "#tom-tat .facts").contains("As regulated"));
    let html = page(&root, "truc-tuyen-chua-ro");
    assert!(text_of(&html, "#tom-tat .online-action").contains("Look it up"));
    for (file, _) in fixtures() {
        let slug = file.trim_end_matches(".yaml");
        let text = read(&root, &format!("thu-tuc/{slug}/index.html"));
        let leaks: Vec<&str> = text
            .lines()
            .filter(|line| line.chars().any(|c| c.is_alphabetic() && !c.is_ascii()))
            .collect();
        assert!(leaks.is_empty(), "{slug}: {leaks:#?}");
    }
    let _ = std::fs::remove_dir_all(&root);
}

/// Two-tier local government and sources: received at the commune, decided by two provincial
/// bodies, submitted anywhere; the page names its sources and the national portal's id.
#[test]
fn a_record_received_at_the_commune_and_decided_by_the_province_says_so_with_its_sources() {
    let (root, _) = built();
    let html = page(root, "hai-cap");
    let summary = text_of(&html, "#tom-tat .facts");
    assert!(
        summary.contains("Bộ phận Một cửa Ủy ban nhân dân cấp xã"),
        "{summary}"
    );
    assert!(
        summary.contains("Không phụ thuộc địa giới hành chính"),
        "{summary}"
    );
    let agencies = text_of(&html, "#co-quan");
    assert!(
        agencies.contains("Sở Tư pháp tỉnh thử nghiệm"),
        "{agencies}"
    );
    assert!(agencies.contains("Công an tỉnh thử nghiệm"), "{agencies}");
    assert!(agencies.contains("Nơi tiếp nhận hồ sơ"), "{agencies}");
    // No competent body is stated: none is shown, and nothing stands in for it.
    assert!(!agencies.contains("Cơ quan có thẩm quyền"), "{agencies}");
    // Each implementing body links to its listing, and each listing has the procedure.
    let links = hrefs(&html, "#co-quan");
    for slug in ["so-tu-phap-tinh-thu-nghiem", "cong-an-tinh-thu-nghiem"] {
        assert!(
            links
                .iter()
                .any(|l| l.ends_with(&format!("co-quan/{slug}/"))),
            "{links:?}"
        );
        let listing = read(root, &format!("co-quan/{slug}/index.html"));
        assert!(listing.contains("thu-tuc/hai-cap/"), "{slug}");
    }

    let sources = text_of(&html, "#nguon");
    assert!(sources.contains("Nguồn thông tin"), "{sources}");
    assert!(sources.contains("truy cập ngày 20/11/2026"), "{sources}");
    assert!(
        sources.contains("Thành phần hồ sơ") && sources.contains("Phí, lệ phí"),
        "the parts a source covers are named as the page names them: {sources}"
    );
    assert!(sources.contains("Quyết định 1234/QĐ-UBND"), "{sources}");
    assert!(
        sources.contains("019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7"),
        "{sources}"
    );
    assert_eq!(
        hrefs(&html, "#nguon"),
        ["https://dichvucong.gov.vn/thu-tuc/9.900009"],
        "a source without an address is not linked"
    );
    // A form published only by its issuing body links there, in the checklist and the list.
    let official = "https://bieumau.example.gov.vn/to-khai.docx";
    assert_eq!(hrefs(&html, "#mau-don"), [official]);
    assert_eq!(hrefs(&html, "#ho-so .form-cell"), [official]);
    // A note of the dossier is not a row to tick.
    let rows = Selector::parse("#ho-so table.checklist tbody tr").unwrap();
    assert_eq!(html.select(&rows).count(), 1);
    let note = text_of(&html, "#ho-so .dossier-note");
    assert!(
        note.contains("Người tiếp nhận kiểm tra giấy tờ.") && note.contains("Không yêu cầu"),
        "{note}"
    );
    let items = Selector::parse("#ho-so .dossier-note li").unwrap();
    assert_eq!(html.select(&items).count(), 2, "its lines stay a list");
    // A record without sources has no such section.
    assert!(
        page(root, "phi-usd")
            .select(&Selector::parse("#nguon").unwrap())
            .next()
            .is_none()
    );

    // The open data carries them as written.
    let data: serde_json::Value =
        serde_json::from_str(&read(root, "du-lieu/thu-tuc.json")).unwrap();
    let row = data["procedures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["code"] == "9.900009")
        .unwrap();
    assert_eq!(row["non_territorial"], true);
    assert_eq!(row["sources"][0]["covers"][1], "documents");
    assert_eq!(
        row["agencies"]["implementing"][1],
        "Công an tỉnh thử nghiệm"
    );
    let csv = read(root, "du-lieu/thu-tuc.csv");
    assert!(
        csv.contains("Sở Tư pháp tỉnh thử nghiệm; Công an tỉnh thử nghiệm"),
        "the agency column names every implementing body"
    );
}

#[test]
fn a_source_that_cannot_be_right_is_an_error_and_a_future_reading_a_warning() {
    let root = common::sample_copy("real-sources");
    let folder = root.join("content/procedures/ho-tich");
    std::fs::write(
        folder.join("nguon-sai.yaml"),
        record(
            "9.900021",
            "nguon-sai",
            "Thủ tục thử nghiệm nguồn ghi sai",
            &[(
                "sources",
                "[{title: \"Cổng\", url: \"javascript:alert(1)\", covers: [fee, tat-ca], sha256: abc, retrieved_on: 2099-01-01}]",
            ), (
                "forms",
                "[{id: to-khai, name: \"Tờ khai không có tệp\"}]",
            )],
        ),
    )
    .unwrap();
    let options = BuildOptions {
        now: Some("2026-12-01".parse().unwrap()),
        ..BuildOptions::new(&root)
    };
    let (_, diagnostics) = congkhai::check(&options, &mut Timings::default());
    let all = diagnostics.sorted();
    let of = |code: Code| -> Vec<String> {
        all.iter()
            .filter(|d| d.file.ends_with("nguon-sai.yaml") && d.code == code)
            .map(|d| {
                let t = d.text(Lang::Vi);
                format!("{} | {}", t.message, t.help.unwrap_or_default())
            })
            .collect()
    };
    let wrong = of(Code::CK036);
    assert_eq!(wrong.len(), 3, "{wrong:?}");
    assert!(
        wrong[0].contains("`fee`") && wrong[0].contains("`fees`"),
        "{wrong:?}"
    );
    assert!(
        wrong[1].contains("`tat-ca`") && wrong[1].contains("legal_basis"),
        "{wrong:?}"
    );
    assert!(wrong[2].contains("SHA-256"), "{wrong:?}");
    assert_eq!(of(Code::CK017).len(), 1, "the source's link is refused");
    let nowhere = of(Code::CK027);
    assert!(
        nowhere.len() == 1 && nowhere[0].contains("official_url"),
        "a form with neither a file nor an address: {nowhere:?}"
    );
    let future = all
        .iter()
        .find(|d| d.file.ends_with("nguon-sai.yaml") && d.code == Code::CK044)
        .expect("a reading in the future is warned about");
    assert_eq!(future.severity, Severity::Warning);
    assert!(future.position.is_some());
    let _ = std::fs::remove_dir_all(&root);
}
