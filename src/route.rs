//! The site's URL scheme: its top-level routes, in one list.
//!
//! The top-level folders and files the site itself publishes, each with the page or files it
//! holds. Every URL the plan, the renderer and the index step produce starts with one of
//! these (`tests/site.rs` checks it on the sample), and a free page may not take one for its
//! slug (`validate::check_pages`).

/// `/thu-tuc/<slug>/`: procedure pages.
pub const PROCEDURES: &str = "thu-tuc";
/// `/ma/<code>/`: stable code pages.
pub const CODES: &str = "ma";
/// `/linh-vuc/`: fields.
pub const FIELDS: &str = "linh-vuc";
/// `/cap/`: levels.
pub const LEVELS: &str = "cap";
/// `/co-quan/`: agencies.
pub const AGENCIES: &str = "co-quan";
/// `/tra-cuu/`: the search page and its index files.
pub const SEARCH: &str = "tra-cuu";
/// `/lien-he/`: the contact page.
pub const CONTACT: &str = "lien-he";
/// `/thong-ke/`: statistics.
pub const STATS: &str = "thong-ke";
/// `/du-lieu/`: the open data (the catalogue as JSON and its schema).
pub const DATA: &str = "du-lieu";
/// `/cap-nhat/`: the changes of procedures and their Atom feeds.
pub const CHANGES: &str = "cap-nhat";
/// `/assets/`: the theme's static files.
pub const ASSETS: &str = "assets";

/// Every top-level route with what it holds (the title of its page, as the site shows it).
pub const RESERVED: [(&str, &str); 15] = [
    (PROCEDURES, "các trang thủ tục"),
    (CODES, "các trang mã thủ tục"),
    (FIELDS, "trang “Lĩnh vực”"),
    (LEVELS, "trang “Cấp thực hiện”"),
    (AGENCIES, "trang “Cơ quan thực hiện”"),
    (SEARCH, "trang “Tra cứu thủ tục”"),
    (CONTACT, "trang “Liên hệ, góp ý”"),
    (STATS, "trang “Thống kê”"),
    (DATA, "trang “Dữ liệu mở”"),
    (CHANGES, "trang “Cập nhật thủ tục”"),
    (ASSETS, "các tệp giao diện"),
    ("index.html", "trang chủ"),
    ("404.html", "trang “Không tìm thấy”"),
    ("sitemap.xml", "sơ đồ trang"),
    ("robots.txt", "robots.txt"),
];

/// What the site publishes at the top-level `segment`, when it is one of its own routes.
pub fn reserved(segment: &str) -> Option<&'static str> {
    RESERVED
        .iter()
        .find(|(route, _)| *route == segment)
        .map(|(_, what)| *what)
}
