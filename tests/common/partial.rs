//! Records shaped like real catalogues' (an unpublished fee, a fee in US dollars, a tiered fee,
//! a fee set by a council resolution, unknown online levels with and without an address, a
//! record whose every part is unknown), written into a copy of the sample.
// Each test binary compiles this module and not every one uses all of it.
#![allow(dead_code)]

use std::path::PathBuf;

/// The parts of a complete record, each replaceable by a fixture.
pub const BASE: [(&str, &str); 11] = [
    ("online_level", "full"),
    ("applicants", "[\"Cá nhân có yêu cầu\"]"),
    (
        "agencies",
        "{competent: \"Ủy ban nhân dân cấp xã\", implementing: \"Ủy ban nhân dân cấp xã\"}",
    ),
    ("steps", "[\"Nộp hồ sơ tại Bộ phận Một cửa.\"]"),
    ("channels", "[{type: in_person, available: true}]"),
    (
        "processing_time",
        "{text: \"03 ngày làm việc\", value: 3, unit: working_days}",
    ),
    (
        "documents",
        "[{name: \"Tờ khai\", originals: 1, copies: 0}]",
    ),
    ("fees", "[]"),
    ("results", "[\"Giấy xác nhận\"]"),
    (
        "legal_basis",
        "[{number: \"01/2020/TT-BTP\", title: \"Thông tư hướng dẫn\"}]",
    ),
    ("verified_on", "2026-11-01"),
];

/// A record of the field `ho-tich` with `parts` instead of the base ones (and added after them
/// when the base has no such key).
pub fn record(code: &str, slug: &str, title: &str, parts: &[(&str, &str)]) -> String {
    let mut text = format!(
        "code: \"{code}\"\ntitle: \"{title}\"\nslug: {slug}\nfield: ho-tich\nlevel: commune\nstatus: active\n"
    );
    for (key, value) in BASE {
        let value = parts
            .iter()
            .find(|(k, _)| *k == key)
            .map_or(value, |(_, v)| *v);
        text.push_str(&format!("{key}: {value}\n"));
    }
    for (key, value) in parts {
        if !BASE.iter().any(|(k, _)| k == key) {
            text.push_str(&format!("{key}: {value}\n"));
        }
    }
    text
}

pub const ONLINE_URL: &str = "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=9.900005";

/// The fixtures: (file name, YAML).
pub fn fixtures() -> Vec<(&'static str, String)> {
    vec![
        (
            "phi-usd.yaml",
            record(
                "9.900001",
                "phi-usd",
                "Hợp pháp hóa lãnh sự giấy tờ thử nghiệm",
                &[(
                    "fees",
                    "[{id: le-phi, kind: le_phi, amount: 10, currency: USD, unit: \"USD/bản\", text: \"10 USD/bản\"}]",
                )],
            ),
        ),
        (
            "phi-bac.yaml",
            record(
                "9.900002",
                "phi-bac",
                "Cấp giấy xác nhận thử nghiệm có nhiều mức thu",
                &[(
                    "fees",
                    "[{id: le-phi, kind: le_phi, unit: \"đồng/giấy\", text: \"Cấp mới: 50.000 đồng/giấy; cấp lại: 25.000 đồng/giấy.\", tiers: [{condition: \"Cấp mới\", amount: 50000}, {condition: \"Cấp lại\", amount: 25000}]}]",
                )],
            ),
        ),
        (
            "phi-chua-cong-bo.yaml",
            record(
                "9.900003",
                "phi-chua-cong-bo",
                "Đăng ký thử nghiệm chưa công bố phí",
                &[(
                    "fees",
                    "{status: not_published, note: \"Quyết định công bố không ghi mức thu.\", source: \"https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=9.900003\"}",
                )],
            ),
        ),
        (
            "phi-hdnd.yaml",
            record(
                "9.900004",
                "phi-hdnd",
                "Cấp phép thử nghiệm có phí do Hội đồng nhân dân quy định",
                &[(
                    "fees",
                    "[{id: phi, kind: phi, text: \"Mức thu do Hội đồng nhân dân tỉnh quy định.\", set_by: {number: \"15/2025/NQ-HĐND\", title: \"Nghị quyết quy định mức thu phí thẩm định\", issuer: \"Hội đồng nhân dân tỉnh Minh Châu\"}}]",
                )],
            ),
        ),
        (
            "truc-tuyen-chua-ro-co-dia-chi.yaml",
            record(
                "9.900005",
                "truc-tuyen-chua-ro-co-dia-chi",
                "Thủ tục thử nghiệm có địa chỉ nộp trực tuyến",
                &[
                    ("online_level", "unknown"),
                    ("online_url", &format!("\"{ONLINE_URL}\"")),
                ],
            ),
        ),
        (
            "truc-tuyen-chua-ro.yaml",
            record(
                "9.900006",
                "truc-tuyen-chua-ro",
                "Thủ tục thử nghiệm chưa rõ mức trực tuyến",
                &[("online_level", "unknown")],
            ),
        ),
        (
            "chua-co-thong-tin.yaml",
            record(
                "9.900007",
                "chua-co-thong-tin",
                "Thủ tục thử nghiệm chưa có thông tin",
                &[
                    ("online_level", "not_published"),
                    ("applicants", "unknown"),
                    ("agencies", "unknown"),
                    ("steps", "unknown"),
                    ("channels", "unknown"),
                    ("processing_time", "unknown"),
                    (
                        "documents",
                        "{status: not_published, note: \"Hỏi Bộ phận Một cửa.\", source: \"Quyết định 1234/QĐ-UBND\"}",
                    ),
                    ("forms", "unknown"),
                    ("fees", "unknown"),
                    ("results", "unknown"),
                    ("conditions", "not_published"),
                    ("legal_basis", "unknown"),
                ],
            ),
        ),
        (
            "khong-truc-tuyen-co-dia-chi.yaml",
            record(
                "9.900008",
                "khong-truc-tuyen-co-dia-chi",
                "Thủ tục thử nghiệm không trực tuyến có địa chỉ",
                &[
                    ("online_level", "none"),
                    (
                        "online_url",
                        "\"https://dichvucong.gov.vn/tra-cuu?ma=9.900008\"",
                    ),
                ],
            ),
        ),
        (
            "hai-cap.yaml",
            record(
                "9.900009",
                "hai-cap",
                "Thủ tục thử nghiệm tiếp nhận ở xã, giải quyết ở tỉnh",
                &[
                    (
                        "agencies",
                        "{implementing: [\"Sở Tư pháp tỉnh thử nghiệm\", \"Công an tỉnh thử nghiệm\"], receiving: \"Bộ phận Một cửa Ủy ban nhân dân cấp xã\"}",
                    ),
                    ("non_territorial", "true"),
                    (
                        "sources",
                        "[{title: \"Cổng Dịch vụ công quốc gia\", url: \"https://dichvucong.gov.vn/thu-tuc/9.900009\", retrieved_on: 2026-11-20, covers: [fees, documents], sha256: \"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\"}, {title: \"Quyết định 1234/QĐ-UBND\"}]",
                    ),
                    ("portal_id", "\"019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7\""),
                    (
                        "documents",
                        "[{items: [{name: \"Tờ khai theo mẫu\", originals: 1, copies: 0, form: to-khai}]}, {items: [], note: \"Lưu ý:\\n- Người tiếp nhận kiểm tra giấy tờ.\\n- Không yêu cầu nộp thêm giấy tờ khác.\"}]",
                    ),
                    (
                        "forms",
                        "[{id: to-khai, name: \"Tờ khai thử nghiệm\", official_url: \"https://bieumau.example.gov.vn/to-khai.docx\"}]",
                    ),
                ],
            ),
        ),
    ]
}

/// A copy of the sample with the fixtures, `edit` applied to its `site.yaml`.
pub fn site_with_fixtures(name: &str, edit: impl Fn(&str) -> String) -> PathBuf {
    let root = super::sample_copy(name);
    let folder = root.join("content/procedures/ho-tich");
    for (file, text) in fixtures() {
        std::fs::write(folder.join(file), text).unwrap();
    }
    let site = root.join("content/site.yaml");
    let text = std::fs::read_to_string(&site).unwrap();
    std::fs::write(&site, edit(&text)).unwrap();
    root
}
