//! Vietnamese labels of record keys, for diagnostics that speak the editor's language.
//!
//! The labels citizens see come from the theme's i18n files; these are for editors, who think
//! of "Phí, lệ phí" rather than `fees`.

/// Every top-level key of a procedure record with its label, in the legal order.
pub const PROCEDURE_KEYS: &[(&str, &str)] = &[
    ("code", "Mã thủ tục"),
    ("title", "Tên thủ tục"),
    ("slug", "Đường dẫn"),
    ("field", "Lĩnh vực"),
    ("level", "Cấp thực hiện"),
    ("online_level", "Dịch vụ công trực tuyến"),
    ("online_url", "Nộp hồ sơ trực tuyến"),
    ("status", "Tình trạng hiệu lực"),
    ("effective_from", "Ngày có hiệu lực"),
    ("effective_to", "Ngày hết hiệu lực"),
    ("applicants", "Đối tượng thực hiện"),
    ("agencies", "Cơ quan thực hiện"),
    ("steps", "Trình tự thực hiện"),
    ("channels", "Cách thức thực hiện"),
    ("processing_time", "Thời hạn giải quyết"),
    ("documents", "Thành phần hồ sơ"),
    ("dossier_sets", "Số lượng hồ sơ"),
    ("forms", "Mẫu đơn, tờ khai"),
    ("fees", "Phí, lệ phí"),
    ("results", "Kết quả thực hiện"),
    ("conditions", "Yêu cầu, điều kiện"),
    ("applicant_deadline", "Thời hạn người dân phải thực hiện"),
    ("legal_basis", "Căn cứ pháp lý"),
    ("announcements", "Quyết định công bố"),
    ("officers", "Công chức tiếp nhận và trả kết quả"),
    ("hotline", "Đường dây nóng"),
    ("related", "Thủ tục liên quan"),
    ("replaces", "Thủ tục được thay thế"),
    ("life_events", "Sự kiện trong đời"),
    ("keywords", "Từ khóa"),
    ("verified_on", "Ngày rà soát"),
];

/// Labels of nested keys that editors meet in errors.
const NESTED_KEYS: &[(&str, &str)] = &[
    ("competent", "Cơ quan có thẩm quyền"),
    ("implementing", "Cơ quan thực hiện"),
    ("delegated", "Cơ quan được ủy quyền"),
    ("coordinating", "Cơ quan phối hợp"),
    ("text", "Nội dung"),
    ("actor", "Người thực hiện"),
    ("available", "Có tiếp nhận"),
    ("where", "Nơi tiếp nhận"),
    ("note", "Ghi chú"),
    ("unit", "Đơn vị"),
    ("value", "Số lượng"),
    ("cutoff", "Giờ tiếp nhận muộn nhất"),
    ("name", "Tên"),
    ("originals", "Bản chính"),
    ("copies", "Bản sao"),
    ("form", "Mẫu đơn, tờ khai"),
    ("case", "Trường hợp"),
    ("mode", "Nộp hay xuất trình"),
    ("items", "Giấy tờ"),
    ("kind", "Loại phí"),
    ("amount", "Mức thu"),
    ("exemptions", "Miễn, giảm"),
    ("number", "Số ký hiệu"),
    ("date", "Ngày ban hành"),
    ("issuer", "Cơ quan ban hành"),
    ("change", "Nội dung thay đổi"),
    ("file", "Tệp"),
    ("id", "Mã"),
];

/// The Vietnamese label of a record key, if it has one.
pub fn key_label(key: &str) -> Option<&'static str> {
    PROCEDURE_KEYS
        .iter()
        .chain(NESTED_KEYS)
        .find(|(k, _)| *k == key)
        .map(|(_, label)| *label)
}

/// The key among `known` an editor most likely meant by `typed`: one a typo away
/// ([`crate::diagnostics::did_you_mean`]'s rule is the caller's), or failing that the key whose
/// Vietnamese label `typed` names, written without marks and with `_` or `-` between words:
/// `phi` or `le_phi` → `fees` ("Phí, lệ phí"), `ten_thu_tuc` → `title`, `thoi_han` →
/// `processing_time`. Only when exactly one key's label fits.
pub fn key_named(typed: &str, known: &[&str]) -> Option<String> {
    let typed = crate::vi::slugify(typed);
    if typed.is_empty() {
        return None;
    }
    let fits = |label: &str| {
        // The whole label, any one of its comma-separated names, or its first words.
        let slug = crate::vi::slugify(label);
        slug == typed
            || label
                .split(',')
                .any(|part| crate::vi::slugify(part) == typed)
            || slug.starts_with(&format!("{typed}-"))
    };
    let mut matching = known.iter().filter(|k| key_label(k).is_some_and(fits));
    match (matching.next(), matching.next()) {
        (Some(key), None) => Some((*key).to_owned()),
        _ => None,
    }
}
