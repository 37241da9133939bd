//! Site-wide data: `content/site.yaml`, `content/fields.yaml` and `content/stats/*.yaml`.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_saphyr::Spanned;

use super::{Level, Text};
use crate::vi::Date;

/// `content/site.yaml`: the agency, its one-stop desk and how to reach it.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Trang thông tin thủ tục",
    description = "Tệp content/site.yaml: cơ quan công bố, Bộ phận Một cửa, giờ làm việc, đường dây nóng, hòm thư góp ý và cán bộ tiếp nhận."
)]
pub struct SiteConfig {
    /// Site title.
    #[schemars(
        title = "Tên trang",
        description = "Tên trang, hiện ở đầu mỗi trang, ví dụ \"Thủ tục hành chính phường Bình An\"."
    )]
    pub title: Text,
    /// One sentence for search engines and the home page.
    #[schemars(
        title = "Mô tả",
        description = "Một câu giới thiệu trang, cho trang chủ và máy tìm kiếm."
    )]
    #[serde(default)]
    pub description: Option<Text>,
    /// Absolute URL the site is published at; a path suffix is allowed.
    #[schemars(
        title = "Địa chỉ trang",
        description = "Địa chỉ đầy đủ nơi trang được đăng, ví dụ https://thutuc.binhan.gov.vn/ (có thể có đường dẫn con)."
    )]
    #[schemars(with = "Option<String>")]
    #[serde(default)]
    pub base_url: Option<Spanned<String>>,
    /// Main language (`vi`).
    #[schemars(
        title = "Ngôn ngữ",
        description = "Ngôn ngữ chính của trang: vi (tiếng Việt) hoặc en (tiếng Anh)."
    )]
    #[serde(default = "default_language")]
    pub language: String,
    /// Further languages.
    #[schemars(title = "Ngôn ngữ khác", description = "Các ngôn ngữ khác của trang.")]
    #[serde(default)]
    pub languages: Vec<String>,
    /// The body publishing the catalogue.
    #[schemars(title = "Cơ quan", description = "Cơ quan công bố danh mục thủ tục.")]
    pub agency: Agency,
    /// The one-stop desk.
    #[schemars(
        title = "Bộ phận Một cửa",
        description = "Nơi tiếp nhận hồ sơ và trả kết quả: tên, địa chỉ, bản đồ."
    )]
    pub desk: Desk,
    /// Opening hours of the desk.
    #[schemars(
        title = "Giờ làm việc",
        description = "Các dòng giờ làm việc của Bộ phận Một cửa."
    )]
    #[serde(default)]
    pub opening_hours: Vec<OpeningHours>,
    /// Days the desk is closed.
    #[schemars(
        title = "Ngày nghỉ",
        description = "Những ngày không làm việc (nghỉ lễ, nghỉ bù…)."
    )]
    #[serde(default)]
    pub closures: Vec<Closure>,
    /// Hotlines by category.
    #[schemars(title = "Đường dây nóng", description = "Các số điện thoại theo việc.")]
    #[serde(default)]
    pub hotlines: Vec<Hotline>,
    /// The default hotline for procedures without their own.
    #[schemars(
        title = "Đường dây nóng chung",
        description = "Số điện thoại cho các thủ tục không ghi số riêng."
    )]
    #[serde(default)]
    pub hotline: Option<Text>,
    /// The feedback mailbox.
    #[schemars(
        title = "Góp ý, phản ánh",
        description = "Hòm thư góp ý, thư điện tử, địa chỉ gửi thư, biểu mẫu trực tuyến, thời gian trả lời."
    )]
    #[serde(default)]
    pub feedback: Option<Feedback>,
    /// Officers who receive dossiers and return results.
    #[schemars(
        title = "Cán bộ tiếp nhận",
        description = "Cán bộ tiếp nhận hồ sơ và trả kết quả."
    )]
    #[serde(default)]
    pub officers: Vec<Officer>,
    /// Officers shown on procedures that name none.
    #[schemars(
        title = "Cán bộ mặc định",
        description = "Mã các cán bộ hiện ở những thủ tục không ghi cán bộ."
    )]
    #[schemars(with = "Vec<String>")]
    #[serde(default)]
    pub default_officers: Vec<Spanned<String>>,
    /// Public postal service for dossiers and results.
    #[schemars(
        title = "Dịch vụ bưu chính công ích",
        description = "Nộp hồ sơ, nhận kết quả qua bưu điện."
    )]
    #[serde(default)]
    pub postal_service: Option<PostalService>,
    /// Online portals.
    #[schemars(
        title = "Cổng dịch vụ công",
        description = "Các cổng nộp hồ sơ trực tuyến."
    )]
    #[serde(default)]
    pub online_portals: Vec<Portal>,
    /// The licence of the open data (`/du-lieu/`); the page says it is not published when
    /// absent.
    #[schemars(
        title = "Giấy phép dữ liệu",
        description = "Giấy phép sử dụng dữ liệu mở tại /du-lieu/, ví dụ {name: \"CC BY 4.0\", url: \"https://creativecommons.org/licenses/by/4.0/deed.vi\"}. Bỏ trống thì trang ghi \"chưa công bố giấy phép\"."
    )]
    #[serde(default)]
    pub data_license: Option<License>,
}

/// A licence: its name and where its text is.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Giấy phép",
    description = "Tên giấy phép và nơi đọc toàn văn."
)]
pub struct License {
    /// "CC BY 4.0".
    #[schemars(title = "Tên giấy phép", description = "Ví dụ \"CC BY 4.0\".")]
    pub name: Text,
    /// Where its text is.
    #[schemars(
        title = "Địa chỉ",
        description = "Đường dẫn toàn văn giấy phép, https://…"
    )]
    #[schemars(with = "Option<Text>")]
    #[serde(default)]
    pub url: Option<Spanned<Text>>,
}

/// The weekday ids of `opening_hours[].days`, for the schema only (the loader reads strings
/// and reports an unknown id with its line).
#[derive(JsonSchema)]
#[serde(rename_all = "lowercase")]
#[allow(dead_code)]
enum WeekdayId {
    /// Monday.
    #[schemars(title = "Thứ Hai")]
    Mon,
    /// Tuesday.
    #[schemars(title = "Thứ Ba")]
    Tue,
    /// Wednesday.
    #[schemars(title = "Thứ Tư")]
    Wed,
    /// Thursday.
    #[schemars(title = "Thứ Năm")]
    Thu,
    /// Friday.
    #[schemars(title = "Thứ Sáu")]
    Fri,
    /// Saturday.
    #[schemars(title = "Thứ Bảy")]
    Sat,
    /// Sunday.
    #[schemars(title = "Chủ nhật")]
    Sun,
}

fn default_language() -> String {
    "vi".to_owned()
}

/// The agency.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Cơ quan", description = "Cơ quan công bố danh mục thủ tục.")]
pub struct Agency {
    /// "Ủy ban nhân dân phường Bình An".
    #[schemars(
        title = "Tên cơ quan",
        description = "Ví dụ \"Ủy ban nhân dân phường Bình An\"."
    )]
    pub name: Text,
    /// Its level.
    #[schemars(title = "Cấp", description = "Cấp chính quyền của cơ quan.")]
    pub level: Level,
    /// Province.
    #[schemars(
        title = "Tỉnh, thành phố",
        description = "Tỉnh, thành phố trực thuộc trung ương."
    )]
    #[serde(default)]
    pub province: Option<Text>,
    /// Address.
    #[schemars(title = "Địa chỉ", description = "Địa chỉ trụ sở.")]
    #[serde(default)]
    pub address: Option<Text>,
}

/// The one-stop desk (Bộ phận Một cửa).
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Bộ phận Một cửa",
    description = "Nơi tiếp nhận hồ sơ và trả kết quả."
)]
pub struct Desk {
    /// Name.
    #[schemars(title = "Tên", description = "Tên Bộ phận Một cửa.")]
    pub name: Text,
    /// Street address.
    #[schemars(title = "Địa chỉ", description = "Số nhà, đường, phường (xã).")]
    pub address: Text,
    /// A map link.
    #[schemars(
        title = "Bản đồ",
        description = "Đường dẫn bản đồ chỉ đường tới Bộ phận Một cửa."
    )]
    #[schemars(with = "Option<Text>")]
    #[serde(default)]
    pub map_url: Option<Spanned<Text>>,
}

/// One row of opening hours, optionally limited to some fields ("Saturday morning, civil status
/// only").
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Giờ làm việc",
    description = "Một dòng giờ làm việc: các ngày, giờ mở, giờ đóng, và (nếu có) chỉ cho một số lĩnh vực."
)]
pub struct OpeningHours {
    /// ISO weekday ids: mon … sun.
    #[schemars(
        title = "Các ngày",
        description = "Các ngày trong tuần: mon (Thứ Hai), tue, wed, thu, fri, sat, sun (Chủ nhật)."
    )]
    #[schemars(with = "Vec<WeekdayId>")]
    pub days: Vec<Spanned<String>>,
    /// "07:30".
    #[schemars(
        title = "Giờ mở",
        description = "Giờ:phút, ví dụ \"07:30\" (viết trong ngoặc kép)."
    )]
    #[schemars(with = "String")]
    pub opens: Spanned<String>,
    /// "11:30".
    #[schemars(
        title = "Giờ đóng",
        description = "Giờ:phút, ví dụ \"11:30\" (viết trong ngoặc kép)."
    )]
    #[schemars(with = "String")]
    pub closes: Spanned<String>,
    /// Field ids served in these hours; all when empty.
    #[schemars(
        title = "Chỉ cho lĩnh vực",
        description = "Mã các lĩnh vực nhận hồ sơ trong giờ này; bỏ trống là mọi lĩnh vực."
    )]
    #[schemars(with = "Vec<String>")]
    #[serde(default)]
    pub fields: Vec<Spanned<String>>,
}

/// Days without service.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Ngày nghỉ",
    description = "Những ngày Bộ phận Một cửa không làm việc."
)]
pub struct Closure {
    /// First day.
    #[schemars(
        title = "Từ ngày",
        description = "Ngày đầu, năm-tháng-ngày (ví dụ 2026-04-30)."
    )]
    pub from: Date,
    /// Last day; the same day when absent.
    #[schemars(
        title = "Đến ngày",
        description = "Ngày cuối, năm-tháng-ngày; bỏ trống khi chỉ nghỉ một ngày."
    )]
    #[serde(default)]
    pub to: Option<Date>,
    /// Why.
    #[schemars(
        title = "Lý do",
        description = "Ví dụ \"Nghỉ lễ Giải phóng miền Nam, thống nhất đất nước\"."
    )]
    pub reason: Text,
}

impl Closure {
    /// Its last day.
    pub fn last_day(&self) -> Date {
        self.to.unwrap_or(self.from)
    }

    /// Whether it is over on `now` (never when the day is not known).
    pub fn is_over(&self, now: Option<Date>) -> bool {
        now.is_some_and(|now| self.last_day() < now)
    }
}

/// A hotline.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Đường dây nóng",
    description = "Một số điện thoại và việc nó dành cho."
)]
pub struct Hotline {
    /// What it is for.
    #[schemars(
        title = "Dành cho",
        description = "Việc gọi số này, ví dụ \"Hộ tịch\"."
    )]
    pub label: Text,
    /// Phone number as written.
    #[schemars(
        title = "Số điện thoại",
        description = "Số điện thoại như cần bấm, ví dụ \"0236 3888 123\"."
    )]
    pub number: Text,
}

/// The feedback mailbox (hòm thư góp ý) and other ways to complain.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Góp ý, phản ánh",
    description = "Hòm thư góp ý và các cách gửi phản ánh, kiến nghị."
)]
pub struct Feedback {
    /// Where the physical box is.
    #[schemars(title = "Hòm thư góp ý", description = "Nơi đặt hòm thư góp ý.")]
    #[serde(default)]
    pub r#box: Option<Text>,
    /// Email.
    #[schemars(
        title = "Thư điện tử",
        description = "Địa chỉ thư điện tử nhận phản ánh."
    )]
    #[serde(default)]
    pub email: Option<Text>,
    /// Postal address.
    #[schemars(
        title = "Địa chỉ gửi thư",
        description = "Địa chỉ nhận thư phản ánh, kiến nghị."
    )]
    #[serde(default)]
    pub postal_address: Option<Text>,
    /// Online form.
    #[schemars(
        title = "Biểu mẫu trực tuyến",
        description = "Đường dẫn trang gửi phản ánh trực tuyến."
    )]
    #[schemars(with = "Option<Text>")]
    #[serde(default)]
    pub online_form_url: Option<Spanned<Text>>,
    /// How soon an answer comes.
    #[schemars(
        title = "Thời gian trả lời",
        description = "Sau bao lâu người dân nhận được trả lời."
    )]
    #[serde(default)]
    pub response_time: Option<Text>,
}

/// An officer who receives dossiers and returns results.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Cán bộ",
    description = "Cán bộ tiếp nhận hồ sơ và trả kết quả."
)]
pub struct Officer {
    /// Id used by records.
    #[schemars(
        title = "Mã cán bộ",
        description = "Mã ngắn để các thủ tục nhắc tới, ví dụ nguyen-van-a."
    )]
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// Full name.
    #[schemars(title = "Họ và tên", description = "Họ và tên cán bộ.")]
    pub name: Text,
    /// Position.
    #[schemars(
        title = "Chức vụ",
        description = "Ví dụ \"Công chức Tư pháp - Hộ tịch\"."
    )]
    pub title: Text,
    /// Counter at the desk.
    #[schemars(title = "Quầy", description = "Quầy tiếp nhận ở Bộ phận Một cửa.")]
    pub counter: Text,
    /// Phone.
    #[schemars(title = "Điện thoại", description = "Số điện thoại công vụ.")]
    #[serde(default)]
    pub phone: Option<Text>,
    /// Fields handled.
    #[schemars(
        title = "Lĩnh vực phụ trách",
        description = "Mã các lĩnh vực cán bộ tiếp nhận."
    )]
    #[schemars(with = "Vec<String>")]
    #[serde(default)]
    pub fields: Vec<Spanned<String>>,
}

/// Public postal service (QĐ 45/2016/QĐ-TTg).
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Dịch vụ bưu chính công ích",
    description = "Nộp hồ sơ, nhận kết quả qua bưu điện (Quyết định 45/2016/QĐ-TTg)."
)]
pub struct PostalService {
    /// Name.
    #[schemars(title = "Tên", description = "Ví dụ \"Bưu điện phường Bình An\".")]
    pub name: Text,
    /// Phone.
    #[schemars(title = "Điện thoại", description = "Số điện thoại.")]
    #[serde(default)]
    pub phone: Option<Text>,
    /// Note.
    #[schemars(title = "Ghi chú", description = "Ghi chú cho người dân.")]
    #[serde(default)]
    pub note: Option<Text>,
}

/// An online portal.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Cổng dịch vụ công",
    description = "Một cổng nộp hồ sơ trực tuyến."
)]
pub struct Portal {
    /// Name.
    #[schemars(
        title = "Tên cổng",
        description = "Ví dụ \"Cổng Dịch vụ công quốc gia\"."
    )]
    pub name: Text,
    /// URL.
    #[schemars(title = "Địa chỉ", description = "Địa chỉ đầy đủ của cổng, https://…")]
    #[schemars(with = "Text")]
    pub url: Spanned<Text>,
}

/// A field (lĩnh vực) from `content/fields.yaml`.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Lĩnh vực",
    description = "Một lĩnh vực trong content/fields.yaml."
)]
pub struct Field {
    /// ASCII id used by records and URLs.
    #[schemars(
        title = "Mã lĩnh vực",
        description = "Chữ thường không dấu và dấu gạch ngang, ví dụ ho-tich; dùng trong thủ tục và trong địa chỉ trang."
    )]
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// Name.
    #[schemars(title = "Tên lĩnh vực", description = "Ví dụ \"Hộ tịch\".")]
    pub name: Text,
    /// Description.
    #[schemars(
        title = "Mô tả",
        description = "Một câu nói lĩnh vực gồm những thủ tục gì."
    )]
    #[serde(default)]
    pub description: Option<Text>,
    /// Display order; by name when equal.
    #[schemars(
        title = "Thứ tự",
        description = "Số thứ tự khi liệt kê; cùng số thì xếp theo tên."
    )]
    #[serde(default)]
    pub order: Option<i64>,
}

/// Raw dossier counts for one period, from `content/stats/<period>.yaml`. Rates are computed,
/// never typed.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Số liệu một kỳ",
    description = "Tệp content/stats/<kỳ>.yaml: số hồ sơ của một kỳ báo cáo. Chỉ ghi số đếm; tỷ lệ do congkhai tính."
)]
pub struct StatsPeriod {
    /// Id of the period, "2025".
    #[schemars(
        title = "Mã kỳ",
        description = "Ví dụ \"2025\" hoặc \"2026-q3\" (viết trong ngoặc kép)."
    )]
    pub period: Text,
    /// Label, "Năm 2025".
    #[schemars(
        title = "Tên kỳ",
        description = "Ví dụ \"Năm 2025\", \"Quý III năm 2026\"."
    )]
    pub label: Text,
    /// First day.
    #[schemars(title = "Từ ngày", description = "Ngày đầu kỳ, năm-tháng-ngày.")]
    pub from: Date,
    /// Last day.
    #[schemars(title = "Đến ngày", description = "Ngày cuối kỳ, năm-tháng-ngày.")]
    pub to: Date,
    /// Dossiers carried over from the previous period.
    #[schemars(
        title = "Kỳ trước chuyển sang",
        description = "Số hồ sơ kỳ trước chuyển sang."
    )]
    #[serde(default)]
    pub carried_over: u64,
    /// Dossiers received, by channel.
    #[schemars(
        title = "Tiếp nhận",
        description = "Số hồ sơ tiếp nhận trong kỳ, theo cách nộp."
    )]
    pub received: Received,
    /// Dossiers resolved.
    #[schemars(
        title = "Đã giải quyết",
        description = "Số hồ sơ đã giải quyết, theo thời hạn."
    )]
    pub resolved: Resolved,
    /// Dossiers still being processed.
    #[schemars(
        title = "Đang giải quyết",
        description = "Số hồ sơ đang giải quyết cuối kỳ."
    )]
    #[serde(default)]
    pub in_progress: InProgress,
    /// Withdrawn by the applicant.
    #[schemars(title = "Rút hồ sơ", description = "Số hồ sơ người nộp xin rút.")]
    #[serde(default)]
    pub withdrawn: u64,
    /// Returned as invalid.
    #[schemars(title = "Trả lại", description = "Số hồ sơ trả lại vì không hợp lệ.")]
    #[serde(default)]
    pub returned: u64,
}

/// Received dossiers by channel.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Hồ sơ tiếp nhận",
    description = "Số hồ sơ tiếp nhận trong kỳ, theo cách nộp."
)]
pub struct Received {
    /// Fully online.
    #[schemars(
        title = "Trực tuyến toàn trình",
        description = "Số hồ sơ nộp trực tuyến toàn trình."
    )]
    #[serde(default)]
    pub online_full: u64,
    /// Partly online.
    #[schemars(
        title = "Trực tuyến một phần",
        description = "Số hồ sơ nộp trực tuyến một phần."
    )]
    #[serde(default)]
    pub online_partial: u64,
    /// In person.
    #[schemars(
        title = "Trực tiếp",
        description = "Số hồ sơ nộp trực tiếp tại Bộ phận Một cửa."
    )]
    #[serde(default)]
    pub in_person: u64,
    /// By post.
    #[schemars(
        title = "Qua bưu chính",
        description = "Số hồ sơ nộp qua bưu chính công ích."
    )]
    #[serde(default)]
    pub postal: u64,
}

/// Resolved dossiers by timeliness.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Hồ sơ đã giải quyết",
    description = "Số hồ sơ đã giải quyết, theo thời hạn."
)]
pub struct Resolved {
    /// Before the deadline.
    #[schemars(title = "Trước hạn", description = "Số hồ sơ giải quyết trước hạn.")]
    #[serde(default)]
    pub early: u64,
    /// On the deadline.
    #[schemars(title = "Đúng hạn", description = "Số hồ sơ giải quyết đúng hạn.")]
    #[serde(default)]
    pub on_time: u64,
    /// After it.
    #[schemars(title = "Quá hạn", description = "Số hồ sơ giải quyết quá hạn.")]
    #[serde(default)]
    pub late: u64,
}

/// Dossiers in progress.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Hồ sơ đang giải quyết",
    description = "Số hồ sơ đang giải quyết cuối kỳ."
)]
pub struct InProgress {
    /// Not yet due.
    #[schemars(
        title = "Trong hạn",
        description = "Số hồ sơ đang giải quyết, chưa đến hạn."
    )]
    #[serde(default)]
    pub not_due: u64,
    /// Overdue.
    #[schemars(
        title = "Quá hạn",
        description = "Số hồ sơ đang giải quyết, đã quá hạn."
    )]
    #[serde(default)]
    pub overdue: u64,
}

impl Received {
    /// All received dossiers.
    pub fn total(&self) -> u64 {
        self.online_full + self.online_partial + self.in_person + self.postal
    }
}

impl Resolved {
    /// All resolved dossiers.
    pub fn total(&self) -> u64 {
        self.early + self.on_time + self.late
    }

    /// Resolved early or on time.
    pub fn in_time(&self) -> u64 {
        self.early + self.on_time
    }
}

/// A free page from `content/pages/*.md`.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PageMeta {
    /// Title.
    pub title: Text,
    /// URL slug; from the file name when absent.
    #[serde(default)]
    pub slug: Option<Spanned<String>>,
    /// A one-line summary.
    #[serde(default)]
    pub description: Option<Text>,
}
