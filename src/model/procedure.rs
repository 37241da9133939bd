//! A procedure record as the editor writes it, typed.
//!
//! Deserialising into these types is the whole of "parsing": unknown keys, wrong types, values
//! outside an enumeration and bad dates are rejected here, with a location, by serde-saphyr.
//! Keys that refer to something else (a field, a form, a fee, an officer, another procedure) keep
//! their source location in a [`Spanned`] so that validation can point at them.

use schemars::JsonSchema;
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use serde_saphyr::Spanned;

use crate::diagnostics::{EntryProblem, Message};

use super::Text;
use super::part::{Missing, Part};
use crate::vi::Date;

/// One administrative procedure (thủ tục hành chính), with every part Nghị định 63/2010/NĐ-CP
/// art. 8 asks for.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Thủ tục hành chính",
    description = "Hồ sơ một thủ tục hành chính: đủ các bộ phận theo Điều 8 Nghị định 63/2010/NĐ-CP. Mỗi tệp content/procedures/<lĩnh-vực>/<tên>.yaml là một thủ tục."
)]
pub struct Procedure {
    /// National code such as `1.001193`; opaque.
    #[schemars(
        title = "Mã thủ tục",
        description = "Mã thủ tục hành chính quốc gia, ví dụ \"1.001193\" (viết trong ngoặc kép)."
    )]
    #[schemars(with = "Text")]
    pub code: Spanned<Text>,
    /// Name of the procedure.
    #[schemars(
        title = "Tên thủ tục",
        description = "Tên thủ tục như trong quyết định công bố."
    )]
    #[schemars(with = "Text")]
    pub title: Spanned<Text>,
    /// URL slug; derived from the title when absent.
    #[schemars(
        title = "Đường dẫn",
        description = "Phần cuối địa chỉ trang (/thu-tuc/<slug>/): chữ thường không dấu, số và dấu gạch ngang. Bỏ trống để lấy theo tên thủ tục."
    )]
    #[schemars(with = "Option<String>")]
    #[serde(default)]
    pub slug: Option<Spanned<String>>,
    /// Earlier slugs that redirect to the page (those in git history are kept without this).
    #[schemars(
        title = "Đường dẫn cũ",
        description = "Các đường dẫn cũ (phần sau /thu-tuc/) chuyển về trang này, ví dụ sau khi đổi tên thủ tục. Đường dẫn cũ có trong lịch sử git được giữ tự động, không cần ghi."
    )]
    #[schemars(with = "Vec<String>")]
    #[serde(default)]
    pub aliases: Vec<Spanned<String>>,
    /// Field (lĩnh vực) id from `fields.yaml`.
    #[schemars(
        title = "Lĩnh vực",
        description = "Mã lĩnh vực trong content/fields.yaml, ví dụ ho-tich."
    )]
    #[schemars(with = "String")]
    pub field: Spanned<String>,
    /// Level of government that carries it out.
    #[schemars(
        title = "Cấp thực hiện",
        description = "Cấp chính quyền thực hiện thủ tục."
    )]
    pub level: Level,
    /// Online public service level (NĐ 42/2022).
    #[schemars(
        title = "Dịch vụ công trực tuyến",
        description = "Mức dịch vụ công trực tuyến: toàn trình, một phần, hoặc không; unknown khi chưa có thông tin."
    )]
    pub online_level: Part<OnlineLevel>,
    /// Where to submit online.
    #[schemars(
        title = "Nộp hồ sơ trực tuyến",
        description = "Địa chỉ trang nộp hồ sơ trực tuyến (Cổng Dịch vụ công)."
    )]
    #[schemars(with = "Option<Text>")]
    #[serde(default)]
    pub online_url: Option<Spanned<Text>>,
    /// Whether the dossier may be submitted at any receiving office, wherever the applicant
    /// lives ("không phụ thuộc địa giới hành chính").
    #[schemars(
        title = "Không phụ thuộc địa giới hành chính",
        description = "true khi người dân được nộp hồ sơ tại bất kỳ nơi tiếp nhận nào, không phụ thuộc nơi cư trú."
    )]
    #[serde(default)]
    pub non_territorial: bool,
    /// Whether it is in force.
    #[schemars(
        title = "Tình trạng hiệu lực",
        description = "Thủ tục đang áp dụng, sắp áp dụng, tạm dừng hay đã bãi bỏ."
    )]
    pub status: Status,
    /// First day in force.
    #[schemars(
        title = "Ngày có hiệu lực",
        description = "Ngày bắt đầu áp dụng, dạng YYYY-MM-DD. Bắt buộc khi status là upcoming."
    )]
    #[schemars(with = "Option<Date>")]
    #[serde(default)]
    pub effective_from: Option<Spanned<Date>>,
    /// Last day in force.
    #[schemars(
        title = "Ngày hết hiệu lực",
        description = "Ngày cuối cùng áp dụng, dạng YYYY-MM-DD."
    )]
    #[schemars(with = "Option<Date>")]
    #[serde(default)]
    pub effective_to: Option<Spanned<Date>>,
    /// Who may apply.
    #[schemars(
        title = "Đối tượng thực hiện",
        description = "Cá nhân, tổ chức được thực hiện thủ tục; mỗi dòng một đối tượng."
    )]
    pub applicants: Part<Vec<Text>>,
    /// Competent, implementing, delegated and coordinating bodies.
    #[schemars(
        title = "Cơ quan thực hiện",
        description = "Cơ quan có thẩm quyền quyết định, cơ quan trực tiếp thực hiện, cơ quan được ủy quyền, cơ quan phối hợp."
    )]
    pub agencies: Part<Agencies>,
    /// Sequence of steps.
    #[schemars(
        title = "Trình tự thực hiện",
        description = "Các bước thực hiện theo thứ tự: mỗi bước là một đoạn văn, hoặc {title, text, actor}."
    )]
    pub steps: Part<Vec<Step>>,
    /// In person, online, postal: one row each.
    #[schemars(
        title = "Cách thức thực hiện",
        description = "Nộp trực tiếp, trực tuyến, qua bưu chính: mỗi cách một dòng."
    )]
    pub channels: Part<Vec<Channel>>,
    /// Time limit for processing.
    #[schemars(
        title = "Thời hạn giải quyết",
        description = "Thời hạn giải quyết: nguyên văn (text) và số ngày (value, unit)."
    )]
    pub processing_time: Part<ProcessingTime>,
    /// The dossier, in groups.
    #[schemars(
        title = "Thành phần hồ sơ",
        description = "Các giấy tờ phải nộp hoặc xuất trình: từng giấy tờ, hoặc nhóm theo trường hợp {case, mode, items}."
    )]
    pub documents: Part<Documents>,
    /// Number of dossier sets to submit.
    #[schemars(title = "Số lượng hồ sơ", description = "Số bộ hồ sơ phải nộp.")]
    #[serde(default)]
    pub dossier_sets: Option<u32>,
    /// Forms to download.
    #[schemars(
        title = "Mẫu đơn, tờ khai",
        description = "Mẫu đơn, tờ khai để tải về, tệp đặt trong content/forms/."
    )]
    #[serde(default)]
    pub forms: Part<Vec<Form>>,
    /// Fees and charges; empty means none is charged, `not_published` that the source does
    /// not say.
    #[schemars(
        title = "Phí, lệ phí",
        description = "Các khoản phí, lệ phí với nguyên văn quy định; [] nghĩa là không thu; not_published khi nguồn chưa công bố mức thu."
    )]
    pub fees: Part<Vec<Fee>>,
    /// What the applicant receives.
    #[schemars(
        title = "Kết quả thực hiện",
        description = "Giấy tờ, văn bản người dân nhận được."
    )]
    pub results: Part<Vec<Text>>,
    /// Requirements and conditions.
    #[schemars(
        title = "Yêu cầu, điều kiện",
        description = "Yêu cầu, điều kiện để thực hiện thủ tục (nếu có)."
    )]
    #[serde(default)]
    pub conditions: Part<Vec<Text>>,
    /// How long the citizen has to act.
    #[schemars(
        title = "Thời hạn người dân phải thực hiện",
        description = "Thời hạn người dân phải làm thủ tục, ví dụ \"60 ngày kể từ ngày sinh con\"."
    )]
    #[serde(default)]
    pub applicant_deadline: Option<Text>,
    /// Laws, decrees and circulars behind it.
    #[schemars(
        title = "Căn cứ pháp lý",
        description = "Luật, nghị định, thông tư quy định thủ tục."
    )]
    pub legal_basis: Part<Vec<LegalRef>>,
    /// Publication decisions (Quyết định công bố).
    #[schemars(
        title = "Quyết định công bố",
        description = "Quyết định công bố thủ tục mới, sửa đổi, thay thế hoặc bãi bỏ."
    )]
    #[serde(default)]
    pub announcements: Vec<Announcement>,
    /// Officer ids from `site.yaml`; the site default when empty.
    #[schemars(
        title = "Công chức tiếp nhận và trả kết quả",
        description = "Mã công chức trong content/site.yaml; bỏ trống để dùng danh sách mặc định của trang."
    )]
    #[schemars(with = "Vec<String>")]
    #[serde(default)]
    pub officers: Vec<Spanned<String>>,
    /// Hotline; the site default when absent.
    #[schemars(
        title = "Đường dây nóng",
        description = "Số điện thoại hỏi đáp riêng của thủ tục; bỏ trống để dùng số chung."
    )]
    #[serde(default)]
    pub hotline: Option<Text>,
    /// Codes of related procedures.
    #[schemars(title = "Thủ tục liên quan", description = "Mã các thủ tục liên quan.")]
    #[schemars(with = "Vec<Text>")]
    #[serde(default)]
    pub related: Vec<Spanned<Text>>,
    /// Codes of procedures this one replaces.
    #[schemars(
        title = "Thủ tục được thay thế",
        description = "Mã các thủ tục mà thủ tục này thay thế."
    )]
    #[schemars(with = "Vec<Text>")]
    #[serde(default)]
    pub replaces: Vec<Spanned<Text>>,
    /// Life events ("Sinh con") for browsing.
    #[schemars(
        title = "Sự kiện trong đời",
        description = "Sự kiện trong đời liên quan, ví dụ \"Sinh con\"."
    )]
    #[serde(default)]
    pub life_events: Vec<Text>,
    /// Extra words citizens use.
    #[schemars(
        title = "Từ khóa",
        description = "Những từ người dân hay dùng để tìm thủ tục này."
    )]
    #[serde(default)]
    pub keywords: Vec<Text>,
    /// When an officer last checked the record against the source.
    #[schemars(
        title = "Ngày rà soát",
        description = "Ngày công chức đối chiếu hồ sơ với văn bản gốc lần gần nhất, dạng YYYY-MM-DD."
    )]
    #[schemars(with = "Option<Date>")]
    #[serde(default)]
    pub verified_on: Option<Spanned<Date>>,
    /// Where the record's facts come from.
    #[schemars(
        title = "Nguồn thông tin",
        description = "Các nguồn của thông tin trong thủ tục: tên, địa chỉ, ngày truy cập, phần thông tin."
    )]
    #[serde(default)]
    pub sources: Vec<Source>,
    /// The procedure's id on the national public-service portal.
    #[schemars(
        title = "Mã trên Cổng Dịch vụ công quốc gia",
        description = "Mã định danh của thủ tục trên Cổng Dịch vụ công quốc gia, dùng để dẫn tới trang thủ tục trên cổng."
    )]
    #[serde(default)]
    pub portal_id: Option<Text>,
}

impl Procedure {
    /// How the code `congkhai new` writes when it is given none starts ("TAM-1a2b3c4d"): a
    /// placeholder `check` warns about (CK045).
    pub const TEMPORARY_CODE_PREFIX: &'static str = "TAM-";

    /// The status as of `now`: an `upcoming` procedure whose `effective_from` has come applies
    /// from that day, without waiting for an editor to change it (`check` says so, CK044).
    pub fn status_on(&self, now: Option<crate::vi::Date>) -> Status {
        match (self.status, now, &self.effective_from) {
            (Status::Upcoming, Some(now), Some(from)) if from.value <= now => Status::Active,
            (status, _, _) => status,
        }
    }

    /// The keys of the parts Nghị định 63/2010 art. 8 requires that a record can state as
    /// `unknown` or `not_published`, in the order of the record format.
    pub const PARTS: [&'static str; 12] = [
        "online_level",
        "applicants",
        "agencies",
        "steps",
        "channels",
        "processing_time",
        "documents",
        "forms",
        "fees",
        "results",
        "conditions",
        "legal_basis",
    ];

    /// The parts the record states as `unknown` or `not_published`, with their keys
    /// ([`Procedure::PARTS`]).
    pub fn missing_parts(&self) -> impl Iterator<Item = (&'static str, &Missing)> {
        let missing = [
            self.online_level.missing(),
            self.applicants.missing(),
            self.agencies.missing(),
            self.steps.missing(),
            self.channels.missing(),
            self.processing_time.missing(),
            self.documents.missing(),
            self.forms.missing(),
            self.fees.missing(),
            self.results.missing(),
            self.conditions.missing(),
            self.legal_basis.missing(),
        ];
        Procedure::PARTS
            .into_iter()
            .zip(missing)
            .filter_map(|(key, missing)| missing.map(|m| (key, m)))
    }

    /// The online level, when the record states it.
    pub fn online_level(&self) -> Option<OnlineLevel> {
        self.online_level.known().copied()
    }

    /// The implementing agency, when the record states the agencies.
    pub fn implementing_agency(&self) -> Option<&Text> {
        self.agencies.known().and_then(|a| a.implementing.first())
    }

    /// Every implementing agency the record names; none when it does not state the agencies.
    pub fn implementing_agencies(&self) -> &[Text] {
        self.agencies.known().map_or(&[], |a| &a.implementing)
    }

    /// Whether the record says nothing is charged: `fees: []`, or every fee at 0. An unknown or
    /// unpublished fee is not free.
    pub fn is_known_free(&self) -> bool {
        self.fees
            .known()
            .is_some_and(|fees| fees.iter().all(Fee::is_free))
    }

    /// Whether the record says something is charged (the fees are known and one is not free).
    pub fn is_known_paid(&self) -> bool {
        self.fees
            .known()
            .is_some_and(|fees| !fees.iter().all(Fee::is_free))
    }

    /// Gives back the room its lists grew into while being read. A list read from YAML grows
    /// 0 → 4 → 8 elements, so a single form (208 bytes) held 832. At 10,000 synthetic records
    /// this took the load step's peak RSS from 92 to 72 MB.
    pub fn shrink_to_fit(&mut self) {
        self.applicants.shrink_to_fit();
        self.steps.shrink_to_fit();
        self.channels.shrink_to_fit();
        if let Some(channels) = self.channels.known_mut() {
            for channel in channels {
                channel.fees.shrink_to_fit();
            }
        }
        if let Some(documents) = self.documents.known_mut() {
            documents.0.shrink_to_fit();
            for group in &mut documents.0 {
                group.items.shrink_to_fit();
            }
        }
        self.forms.shrink_to_fit();
        self.fees.shrink_to_fit();
        if let Some(fees) = self.fees.known_mut() {
            for fee in fees {
                fee.exemptions.shrink_to_fit();
                fee.tiers.shrink_to_fit();
            }
        }
        self.results.shrink_to_fit();
        self.conditions.shrink_to_fit();
        self.legal_basis.shrink_to_fit();
        self.announcements.shrink_to_fit();
        self.officers.shrink_to_fit();
        self.related.shrink_to_fit();
        self.replaces.shrink_to_fit();
        self.sources.shrink_to_fit();
        self.aliases.shrink_to_fit();
        self.life_events.shrink_to_fit();
        self.keywords.shrink_to_fit();
    }
}

/// Level of government (cấp thực hiện).
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[schemars(
    title = "Cấp thực hiện",
    description = "Cấp chính quyền thực hiện thủ tục."
)]
pub enum Level {
    /// Cấp Bộ.
    #[schemars(
        title = "Cấp Trung ương",
        description = "Bộ, cơ quan ngang bộ (central)."
    )]
    Central,
    /// Cấp Tỉnh.
    #[schemars(
        title = "Cấp tỉnh",
        description = "Ủy ban nhân dân, sở, ngành cấp tỉnh (province)."
    )]
    Province,
    /// Cấp Huyện (older catalogues).
    #[schemars(
        title = "Cấp huyện",
        description = "Cấp huyện, trong các bộ thủ tục cũ (district)."
    )]
    District,
    /// Cấp Xã.
    #[schemars(
        title = "Cấp xã",
        description = "Ủy ban nhân dân cấp xã, phường, đặc khu (commune)."
    )]
    Commune,
    /// Cơ quan khác.
    #[schemars(title = "Cơ quan khác", description = "Cơ quan khác (other).")]
    Other,
}

impl Level {
    /// Every level, in display order.
    pub const ALL: [Level; 5] = [
        Level::Central,
        Level::Province,
        Level::District,
        Level::Commune,
        Level::Other,
    ];

    /// The key used in data and i18n files.
    pub fn id(self) -> &'static str {
        match self {
            Level::Central => "central",
            Level::Province => "province",
            Level::District => "district",
            Level::Commune => "commune",
            Level::Other => "other",
        }
    }

    /// The URL segment under `/cap/`.
    pub fn slug(self) -> &'static str {
        match self {
            Level::Central => "trung-uong",
            Level::Province => "tinh",
            Level::District => "huyen",
            Level::Commune => "xa",
            Level::Other => "khac",
        }
    }
}

/// Online public service level.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[schemars(
    title = "Dịch vụ công trực tuyến",
    description = "Mức dịch vụ công trực tuyến theo Nghị định 42/2022/NĐ-CP."
)]
pub enum OnlineLevel {
    /// Toàn trình: fully online.
    #[schemars(
        title = "Toàn trình",
        description = "Dịch vụ công trực tuyến toàn trình (full)."
    )]
    Full,
    /// Một phần: partly online.
    #[schemars(
        title = "Một phần",
        description = "Dịch vụ công trực tuyến một phần (partial)."
    )]
    Partial,
    /// Not online.
    #[schemars(
        title = "Không trực tuyến",
        description = "Chưa cung cấp trực tuyến (none)."
    )]
    None,
}

impl OnlineLevel {
    /// Every online level, in display order.
    pub const ALL: [OnlineLevel; 3] = [OnlineLevel::Full, OnlineLevel::Partial, OnlineLevel::None];

    /// The key used in data and i18n files.
    pub fn id(self) -> &'static str {
        match self {
            OnlineLevel::Full => "full",
            OnlineLevel::Partial => "partial",
            OnlineLevel::None => "none",
        }
    }
}

/// Whether a procedure is in force.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[schemars(
    title = "Tình trạng hiệu lực",
    description = "Thủ tục đang áp dụng, sắp áp dụng, tạm dừng hay đã bãi bỏ."
)]
pub enum Status {
    /// In force.
    #[schemars(
        title = "Đang áp dụng",
        description = "Thủ tục đang có hiệu lực (active)."
    )]
    Active,
    /// Announced, takes effect on `effective_from`.
    #[schemars(
        title = "Sắp áp dụng",
        description = "Đã công bố, áp dụng từ effective_from (upcoming)."
    )]
    Upcoming,
    /// Temporarily not applied.
    #[schemars(title = "Tạm dừng", description = "Tạm dừng áp dụng (suspended).")]
    Suspended,
    /// No longer applies; the page stays, with the decision.
    #[schemars(
        title = "Đã bãi bỏ",
        description = "Không còn áp dụng; trang vẫn giữ, kèm quyết định bãi bỏ (repealed)."
    )]
    Repealed,
}

impl Status {
    /// The key used in data and i18n files.
    pub fn id(self) -> &'static str {
        match self {
            Status::Active => "active",
            Status::Upcoming => "upcoming",
            Status::Suspended => "suspended",
            Status::Repealed => "repealed",
        }
    }
}

/// The bodies involved.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Cơ quan thực hiện",
    description = "Các cơ quan tham gia giải quyết thủ tục."
)]
pub struct Agencies {
    /// Cơ quan có thẩm quyền: decides; absent when the source does not name it.
    #[schemars(
        title = "Cơ quan có thẩm quyền",
        description = "Cơ quan có thẩm quyền quyết định. Bỏ trống khi nguồn không ghi."
    )]
    #[serde(default)]
    pub competent: Option<Text>,
    /// Cơ quan thực hiện: carries it out; one or several.
    #[schemars(
        title = "Cơ quan trực tiếp thực hiện",
        description = "Cơ quan trực tiếp thực hiện thủ tục: một tên, hoặc danh sách khi nhiều cơ quan cùng thực hiện."
    )]
    pub implementing: Names,
    /// Where dossiers are received, when that is not the implementing body (since 1 July
    /// 2025 many procedures are received at the commune and decided by the province).
    #[schemars(
        title = "Nơi tiếp nhận hồ sơ",
        description = "Cơ quan, bộ phận tiếp nhận hồ sơ khi khác cơ quan thực hiện, ví dụ \"Bộ phận Một cửa Ủy ban nhân dân cấp xã\"."
    )]
    #[serde(default)]
    pub receiving: Option<Text>,
    /// Cơ quan được ủy quyền.
    #[schemars(
        title = "Cơ quan được ủy quyền",
        description = "Cơ quan được ủy quyền hoặc phân cấp thực hiện (nếu có)."
    )]
    #[serde(default)]
    pub delegated: Option<Text>,
    /// Cơ quan phối hợp.
    #[schemars(title = "Cơ quan phối hợp", description = "Cơ quan phối hợp (nếu có).")]
    #[serde(default)]
    pub coordinating: Option<Text>,
}

/// One name or several, written as a string or a list; never empty.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(transparent)]
pub struct Names(pub Vec<Text>);

impl Names {
    /// The first name: the one cards and listings lead with.
    pub fn first(&self) -> Option<&Text> {
        self.0.first()
    }

    /// The names separated by `separator`.
    pub fn joined(&self, separator: &str) -> String {
        let names: Vec<&str> = self.0.iter().map(Text::as_str).collect();
        names.join(separator)
    }
}

impl std::ops::Deref for Names {
    type Target = [Text];
    fn deref(&self) -> &[Text] {
        &self.0
    }
}

impl<'de> Deserialize<'de> for Names {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct NamesVisitor;
        impl<'de> Visitor<'de> for NamesVisitor {
            type Value = Names;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a name, or a list of names")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Names, E> {
                Ok(Names(vec![Text::new(v)]))
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<Names, A::Error> {
                let names = Vec::<Text>::deserialize(de::value::SeqAccessDeserializer::new(seq))?;
                if names.is_empty() {
                    return Err(de::Error::invalid_length(0, &"at least one name"));
                }
                Ok(Names(names))
            }
        }
        deserializer.deserialize_any(NamesVisitor)
    }
}

impl JsonSchema for Names {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Names".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "anyOf": [
                {"type": "string", "minLength": 1},
                {"type": "array", "items": {"type": "string", "minLength": 1}, "minItems": 1}
            ]
        })
    }
}

/// Where a record's facts come from.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Nguồn thông tin",
    description = "Một nguồn mà thông tin của thủ tục được lấy từ đó."
)]
pub struct Source {
    /// What the source is.
    #[schemars(
        title = "Tên nguồn",
        description = "Ví dụ \"Cổng Dịch vụ công quốc gia\" hoặc \"Quyết định 528/QĐ-BTP\"."
    )]
    pub title: Text,
    /// Where it can be read.
    #[schemars(title = "Địa chỉ", description = "Địa chỉ đầy đủ, https://…")]
    #[schemars(with = "Option<Text>")]
    #[serde(default)]
    pub url: Option<Spanned<Text>>,
    /// When it was read.
    #[schemars(
        title = "Ngày truy cập",
        description = "Ngày lấy thông tin từ nguồn, dạng năm-tháng-ngày, ví dụ 2025-07-01."
    )]
    #[schemars(with = "Option<Date>")]
    #[serde(default)]
    pub retrieved_on: Option<Spanned<Date>>,
    /// SHA-256 of the file read, in hex.
    #[schemars(
        title = "Mã băm SHA-256",
        description = "Mã băm SHA-256 (64 chữ số hệ 16) của tệp nguồn, để đối chiếu về sau."
    )]
    #[schemars(with = "Option<String>")]
    #[serde(default)]
    pub sha256: Option<Spanned<String>>,
    /// Which parts of the record it gives; all of them when empty.
    #[schemars(
        title = "Phần thông tin",
        description = "Các phần lấy từ nguồn này, ví dụ [fees, documents]; bỏ trống khi nguồn cho mọi phần."
    )]
    #[schemars(with = "Vec<String>")]
    #[serde(default)]
    pub covers: Vec<Spanned<String>>,
}

/// Who acts in a step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[schemars(title = "Người thực hiện", description = "Ai thực hiện bước này.")]
pub enum Actor {
    /// The citizen or organisation.
    #[schemars(
        title = "Người nộp hồ sơ",
        description = "Cá nhân, tổ chức có yêu cầu (applicant)."
    )]
    Applicant,
    /// The one-stop desk.
    #[schemars(
        title = "Bộ phận Một cửa",
        description = "Bộ phận tiếp nhận và trả kết quả (one_stop)."
    )]
    OneStop,
    /// The specialist officer.
    #[schemars(
        title = "Công chức chuyên môn",
        description = "Công chức chuyên môn xử lý hồ sơ (specialist)."
    )]
    Specialist,
    /// The leader who signs.
    #[schemars(title = "Lãnh đạo", description = "Lãnh đạo ký, phê duyệt (leader).")]
    Leader,
    /// Another body.
    #[schemars(
        title = "Cơ quan khác",
        description = "Cơ quan khác tham gia (agency)."
    )]
    Agency,
}

/// One step of the sequence: plain text, or a titled step with an actor.
#[derive(Clone, Debug, Serialize)]
pub struct Step {
    /// Short title.
    pub title: Option<Text>,
    /// What happens.
    pub text: Text,
    /// Who acts.
    pub actor: Option<Actor>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Bước thực hiện",
    description = "Một bước có tiêu đề, nội dung và người thực hiện."
)]
struct StepMap {
    #[schemars(
        title = "Tiêu đề bước",
        description = "Tên ngắn của bước, ví dụ \"Nộp hồ sơ\"."
    )]
    #[serde(default)]
    title: Option<Text>,
    #[schemars(title = "Nội dung", description = "Việc cần làm ở bước này.")]
    text: Text,
    #[schemars(title = "Người thực hiện", description = "Ai thực hiện bước này.")]
    #[serde(default)]
    actor: Option<Actor>,
}

impl<'de> Deserialize<'de> for Step {
    // Hand-written rather than `#[serde(untagged)]` so that a mistake inside the mapping form is
    // reported as such ("unknown field `actr`") instead of "did not match any variant".
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct StepVisitor;
        impl<'de> Visitor<'de> for StepVisitor {
            type Value = Step;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a step as text, or a mapping with `title`, `text` and `actor`")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Step, E> {
                Ok(Step {
                    title: None,
                    text: Text::new(v),
                    actor: None,
                })
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Step, A::Error> {
                let m = StepMap::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(Step {
                    title: m.title,
                    text: m.text,
                    actor: m.actor,
                })
            }
        }
        deserializer.deserialize_any(StepVisitor)
    }
}

/// How a dossier can be submitted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[schemars(title = "Cách nộp", description = "Cách nộp hồ sơ.")]
pub enum ChannelType {
    /// Trực tiếp.
    #[schemars(
        title = "Trực tiếp",
        description = "Nộp trực tiếp tại Bộ phận Một cửa (in_person)."
    )]
    InPerson,
    /// Trực tuyến.
    #[schemars(title = "Trực tuyến", description = "Nộp trực tuyến (online).")]
    Online,
    /// Dịch vụ bưu chính.
    #[schemars(
        title = "Bưu chính",
        description = "Nộp qua dịch vụ bưu chính công ích (postal)."
    )]
    Postal,
}

impl ChannelType {
    /// The key used in data and i18n files.
    pub fn id(self) -> &'static str {
        match self {
            ChannelType::InPerson => "in_person",
            ChannelType::Online => "online",
            ChannelType::Postal => "postal",
        }
    }
}

/// One row of the method table.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Cách thức thực hiện",
    description = "Một cách nộp hồ sơ và điều kiện riêng của nó."
)]
pub struct Channel {
    /// Which channel.
    #[schemars(
        title = "Cách nộp",
        description = "in_person (trực tiếp), online (trực tuyến) hoặc postal (bưu chính)."
    )]
    #[serde(rename = "type")]
    pub kind: ChannelType,
    /// Whether this body accepts dossiers this way.
    #[schemars(
        title = "Có tiếp nhận",
        description = "true nếu cơ quan nhận hồ sơ theo cách này."
    )]
    pub available: bool,
    /// Where.
    #[schemars(title = "Nơi tiếp nhận", description = "Nơi nộp hồ sơ.")]
    #[serde(default)]
    pub r#where: Option<Text>,
    /// Processing time for this channel, verbatim, when it differs.
    #[schemars(
        title = "Thời hạn giải quyết",
        description = "Thời hạn riêng của cách nộp này, nếu khác thời hạn chung."
    )]
    #[serde(default)]
    pub processing_time: Option<Text>,
    /// Fee ids of this record that apply on this channel.
    #[schemars(
        title = "Phí, lệ phí",
        description = "Mã các khoản phí (id trong fees) áp dụng cho cách nộp này."
    )]
    #[schemars(with = "Vec<String>")]
    #[serde(default)]
    pub fees: Vec<Spanned<String>>,
    /// Anything else.
    #[schemars(title = "Ghi chú", description = "Ghi chú thêm.")]
    #[serde(default)]
    pub note: Option<Text>,
}

/// Unit of a processing time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[schemars(
    title = "Đơn vị thời gian",
    description = "Đơn vị của thời hạn giải quyết."
)]
pub enum TimeUnit {
    /// Ngày làm việc.
    #[schemars(title = "Ngày làm việc", description = "working_days")]
    WorkingDays,
    /// Ngày.
    #[schemars(title = "Ngày", description = "days")]
    Days,
    /// Giờ.
    #[schemars(title = "Giờ", description = "hours")]
    Hours,
    /// Trong ngày.
    #[schemars(title = "Trong ngày", description = "same_day")]
    SameDay,
}

/// The time limit, verbatim plus a machine-readable value.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Thời hạn giải quyết",
    description = "Thời hạn giải quyết: nguyên văn và số ngày."
)]
pub struct ProcessingTime {
    /// The official wording.
    #[schemars(
        title = "Nguyên văn",
        description = "Thời hạn như trong văn bản công bố."
    )]
    pub text: Text,
    /// The number of units.
    #[schemars(title = "Số lượng", description = "Số ngày, số giờ.")]
    #[serde(default)]
    pub value: Option<f64>,
    /// The unit.
    #[schemars(
        title = "Đơn vị",
        description = "working_days (ngày làm việc), days (ngày), hours (giờ), same_day (trong ngày)."
    )]
    pub unit: TimeUnit,
    /// Dossiers received after this time (`"15:00"`) are handled the next working day.
    #[schemars(
        title = "Giờ tiếp nhận muộn nhất",
        description = "Hồ sơ nhận sau giờ này được giải quyết vào ngày làm việc tiếp theo, dạng \"15:00\"."
    )]
    #[schemars(with = "Option<String>")]
    #[serde(default)]
    pub cutoff: Option<Spanned<String>>,
}

/// Whether a document is handed in or only shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[schemars(
    title = "Nộp hay xuất trình",
    description = "Giấy tờ được nộp lại hay chỉ xuất trình."
)]
pub enum DocumentMode {
    /// Nộp: handed in.
    #[schemars(title = "Nộp", description = "Giấy tờ nộp lại (submit).")]
    #[default]
    Submit,
    /// Xuất trình: shown and given back.
    #[schemars(
        title = "Xuất trình",
        description = "Giấy tờ chỉ xuất trình rồi nhận lại (present)."
    )]
    Present,
}

/// One document of the dossier.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Giấy tờ", description = "Một giấy tờ trong thành phần hồ sơ.")]
pub struct Document {
    /// What it is.
    #[schemars(title = "Tên giấy tờ", description = "Tên giấy tờ.")]
    pub name: Text,
    /// Number of originals (bản chính).
    #[schemars(title = "Bản chính", description = "Số bản chính.")]
    #[serde(default)]
    pub originals: Option<u32>,
    /// Number of copies (bản sao).
    #[schemars(title = "Bản sao", description = "Số bản sao.")]
    #[serde(default)]
    pub copies: Option<u32>,
    /// Form id from the record's `forms`.
    #[schemars(
        title = "Mẫu đơn, tờ khai",
        description = "Mã mẫu (id trong forms) của giấy tờ này."
    )]
    #[schemars(with = "Option<String>")]
    #[serde(default)]
    pub form: Option<Spanned<String>>,
    /// Anything else.
    #[schemars(title = "Ghi chú", description = "Ghi chú thêm.")]
    #[serde(default)]
    pub note: Option<Text>,
}

/// A group of documents for one case.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Nhóm giấy tờ",
    description = "Các giấy tờ của một trường hợp."
)]
pub struct DocumentGroup {
    /// "Trường hợp …"; none for the documents everyone needs.
    #[schemars(
        title = "Trường hợp",
        description = "\"Trường hợp …\"; bỏ trống (null) cho giấy tờ mọi người đều cần."
    )]
    #[serde(default)]
    pub case: Option<Text>,
    /// Submit or present.
    #[schemars(
        title = "Nộp hay xuất trình",
        description = "submit (nộp) hoặc present (xuất trình)."
    )]
    #[serde(default)]
    pub mode: DocumentMode,
    /// The documents.
    #[schemars(title = "Giấy tờ", description = "Các giấy tờ của nhóm.")]
    pub items: Vec<Document>,
    /// A note on the group that is not a document to bring ("Lưu ý: …").
    #[schemars(
        title = "Lưu ý",
        description = "Lưu ý về nhóm giấy tờ, không phải một giấy tờ cần mang (không thành dòng đánh dấu); xuống dòng và gạch đầu dòng được giữ."
    )]
    #[serde(default)]
    pub note: Option<Text>,
}

/// The dossier: always groups. A flat list of documents in the file becomes one group without a
/// case.
#[derive(Clone, Debug, Serialize)]
#[serde(transparent)]
pub struct Documents(pub Vec<DocumentGroup>);

impl<'de> Deserialize<'de> for Documents {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let entries = Vec::<DocumentEntry>::deserialize(deserializer)?;
        let mut groups: Vec<DocumentGroup> = Vec::new();
        for entry in entries {
            match entry {
                DocumentEntry::Group(group) => groups.push(group),
                DocumentEntry::Item(item) => match groups.last_mut() {
                    Some(last) if last.case.is_none() && last.mode == DocumentMode::Submit => {
                        last.items.push(*item)
                    }
                    _ => groups.push(DocumentGroup {
                        case: None,
                        mode: DocumentMode::Submit,
                        items: vec![*item],
                        note: None,
                    }),
                },
            }
        }
        Ok(Documents(groups))
    }
}

enum DocumentEntry {
    Group(DocumentGroup),
    Item(Box<Document>),
}

impl<'de> Deserialize<'de> for DocumentEntry {
    // A group has `items`; a document has `name`. Peeking at the first key keeps serde's precise
    // errors for each shape (an untagged enum would only say "did not match any variant").
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EntryVisitor;
        impl<'de> Visitor<'de> for EntryVisitor {
            type Value = DocumentEntry;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str(
                    "a document `{name, originals, copies}` or a group `{case, mode, items}`",
                )
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<DocumentEntry, E> {
                Ok(DocumentEntry::Item(Box::new(Document {
                    name: Text::new(v),
                    originals: None,
                    copies: None,
                    form: None,
                    note: None,
                })))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<DocumentEntry, A::Error> {
                // One struct with every key of both shapes keeps serde-saphyr's locations for
                // unknown keys and wrong types; the shape is decided afterwards.
                let raw = RawEntry::deserialize(de::value::MapAccessDeserializer::new(map))?;
                raw.into_entry()
                    .map_err(|problem| de::Error::custom(problem.to_custom()))
            }
        }
        deserializer.deserialize_any(EntryVisitor)
    }
}

/// Every key a document or a group may have; which shape it is is decided after reading.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    #[serde(default)]
    name: Option<Text>,
    #[serde(default)]
    originals: Option<u32>,
    #[serde(default)]
    copies: Option<u32>,
    #[serde(default)]
    form: Option<Spanned<String>>,
    #[serde(default)]
    note: Option<Text>,
    #[serde(default)]
    case: Option<Text>,
    #[serde(default)]
    mode: Option<DocumentMode>,
    #[serde(default)]
    items: Option<Vec<Document>>,
}

impl RawEntry {
    fn into_entry(self) -> Result<DocumentEntry, EntryProblem> {
        match (self.name, self.items) {
            (Some(_), Some(_)) => Err(EntryProblem::Both),
            (None, None) => Err(EntryProblem::Neither),
            (Some(name), None) => {
                if self.case.is_some() || self.mode.is_some() {
                    return Err(EntryProblem::GroupKeysOnDocument);
                }
                Ok(DocumentEntry::Item(Box::new(Document {
                    name,
                    originals: self.originals,
                    copies: self.copies,
                    form: self.form,
                    note: self.note,
                })))
            }
            (None, Some(items)) => {
                if self.originals.is_some() || self.copies.is_some() || self.form.is_some() {
                    return Err(EntryProblem::DocumentKeysOnGroup);
                }
                Ok(DocumentEntry::Group(DocumentGroup {
                    case: self.case,
                    mode: self.mode.unwrap_or_default(),
                    items,
                    note: self.note,
                }))
            }
        }
    }
}

/// A form to download.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Mẫu đơn, tờ khai",
    description = "Một mẫu đơn, tờ khai để tải về."
)]
pub struct Form {
    /// Id used by documents.
    #[schemars(
        title = "Mã mẫu",
        description = "Mã ngắn để giấy tờ trong documents trỏ tới."
    )]
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// Title of the form.
    #[schemars(title = "Tên mẫu", description = "Tên mẫu đơn, tờ khai.")]
    pub name: Text,
    /// The legal text that issues it.
    #[schemars(title = "Văn bản ban hành mẫu", description = "Văn bản ban hành mẫu.")]
    #[serde(default)]
    pub issued_by: Option<Text>,
    /// Path under `content/`; absent when the form is only published at `official_url`.
    #[schemars(
        title = "Tệp",
        description = "Đường dẫn tệp, tính từ content/, ví dụ forms/ho-tich/to-khai.pdf. Bỏ trống khi mẫu chỉ có ở nguồn chính thức (official_url)."
    )]
    #[schemars(with = "Option<String>")]
    #[serde(default)]
    pub file: Option<Spanned<String>>,
    /// The official source.
    #[schemars(
        title = "Nguồn chính thức",
        description = "Địa chỉ tải mẫu từ nguồn chính thức."
    )]
    #[schemars(with = "Option<Text>")]
    #[serde(default)]
    pub official_url: Option<Spanned<Text>>,
}

impl Form {
    /// The file's path under `content/` as written (without a leading `./`), when it has one.
    pub fn path(&self) -> Option<&str> {
        self.file.as_ref().map(|f| f.value.trim_start_matches("./"))
    }
}

/// Lệ phí (a charge for a public service) or phí (a fee for a service).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[schemars(title = "Loại phí", description = "Lệ phí hay phí.")]
pub enum FeeKind {
    /// Lệ phí.
    #[schemars(title = "Lệ phí", description = "le_phi")]
    LePhi,
    /// Phí.
    #[schemars(title = "Phí", description = "phi")]
    Phi,
}

/// A fee or charge, always with its verbatim text: the amount is optional (a fee the provincial
/// council sets has only its text and the resolution), in a currency (VND unless said), per
/// unit, or in tiers with their conditions.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Phí, lệ phí",
    description = "Một khoản phí hoặc lệ phí, luôn kèm nguyên văn."
)]
pub struct Fee {
    /// Id used by channels.
    #[schemars(title = "Mã khoản phí", description = "Mã ngắn để channels trỏ tới.")]
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// Lệ phí or phí.
    #[schemars(title = "Loại phí", description = "le_phi (lệ phí) hoặc phi (phí).")]
    pub kind: FeeKind,
    /// Amount in the fee's currency; 0 is free; absent when the text alone says it (tiers, a
    /// council resolution).
    #[schemars(
        title = "Mức thu",
        description = "Số tiền, viết liền không dấu chấm, theo đơn vị tiền tệ currency (mặc định đồng); 0 là miễn phí. Bỏ trống khi mức thu chỉ có trong nguyên văn, theo bậc (tiers) hoặc do Hội đồng nhân dân quy định (set_by)."
    )]
    #[serde(default)]
    pub amount: Option<u64>,
    /// ISO 4217 code of the amounts; VND when absent.
    #[schemars(
        title = "Đơn vị tiền tệ",
        description = "Mã tiền tệ ISO 4217, ví dụ USD; mặc định VND (đồng)."
    )]
    #[serde(default)]
    pub currency: Currency,
    /// "đồng/trường hợp", "USD/bản".
    #[schemars(
        title = "Đơn vị tính",
        description = "Ví dụ \"đồng/trường hợp\", \"USD/bản\" hoặc \"/bản\"."
    )]
    #[serde(default)]
    pub unit: Option<Text>,
    /// The official wording, verbatim: an amount alone misleads people who are exempt.
    #[schemars(
        title = "Nguyên văn",
        description = "Quy định về khoản phí như trong văn bản: chỉ ghi số tiền dễ gây hiểu lầm cho người được miễn."
    )]
    pub text: Text,
    /// Several amounts, each with its condition.
    #[schemars(
        title = "Các mức thu",
        description = "Nhiều mức thu, mỗi mức kèm điều kiện áp dụng {condition, amount, unit?}; khi có tiers thì bỏ amount."
    )]
    #[serde(default)]
    pub tiers: Vec<FeeTier>,
    /// The resolution (of the provincial council) that sets the amount.
    #[schemars(
        title = "Văn bản quy định mức thu",
        description = "Nghị quyết của Hội đồng nhân dân (hoặc văn bản khác) quy định mức thu, khi mức thu do văn bản đó quy định."
    )]
    #[serde(default)]
    pub set_by: Option<LegalRef>,
    /// Who pays nothing.
    #[schemars(title = "Miễn, giảm", description = "Các trường hợp được miễn, giảm.")]
    #[serde(default)]
    pub exemptions: Vec<Text>,
}

impl Fee {
    /// Whether the record says this fee costs nothing: amount 0 and no tiers.
    pub fn is_free(&self) -> bool {
        self.amount == Some(0) && self.tiers.is_empty()
    }
}

/// One amount of a tiered fee.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Mức thu", description = "Một mức thu và điều kiện áp dụng.")]
pub struct FeeTier {
    /// When this amount applies, verbatim.
    #[schemars(
        title = "Trường hợp áp dụng",
        description = "Trường hợp áp dụng mức thu này, ví dụ \"Cấp mới\"."
    )]
    pub condition: Text,
    /// Amount in the fee's currency.
    #[schemars(
        title = "Mức thu",
        description = "Số tiền, viết liền không dấu chấm, theo currency của khoản phí."
    )]
    pub amount: u64,
    /// Unit of this amount, when it differs from the fee's.
    #[schemars(title = "Đơn vị tính", description = "Ví dụ \"đồng/giấy\".")]
    #[serde(default)]
    pub unit: Option<Text>,
}

/// The ISO 4217 currency codes in use (and the precious metals and SDR), sorted.
const ISO_4217: [&str; 174] = [
    "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT",
    "BGN", "BHD", "BIF", "BMD", "BND", "BOB", "BOV", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD",
    "CAD", "CDF", "CHE", "CHF", "CHW", "CLF", "CLP", "CNY", "COP", "COU", "CRC", "CUC", "CUP",
    "CVE", "CZK", "DJF", "DKK", "DOP", "DZD", "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP",
    "GEL", "GHS", "GIP", "GMD", "GNF", "GTQ", "GYD", "HKD", "HNL", "HTG", "HUF", "IDR", "ILS",
    "INR", "IQD", "IRR", "ISK", "JMD", "JOD", "JPY", "KES", "KGS", "KHR", "KMF", "KPW", "KRW",
    "KWD", "KYD", "KZT", "LAK", "LBP", "LKR", "LRD", "LSL", "LYD", "MAD", "MDL", "MGA", "MKD",
    "MMK", "MNT", "MOP", "MRU", "MUR", "MVR", "MWK", "MXN", "MXV", "MYR", "MZN", "NAD", "NGN",
    "NIO", "NOK", "NPR", "NZD", "OMR", "PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "PYG", "QAR",
    "RON", "RSD", "RUB", "RWF", "SAR", "SBD", "SCR", "SDG", "SEK", "SGD", "SHP", "SLE", "SLL",
    "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL", "THB", "TJS", "TMT", "TND", "TOP", "TRY",
    "TTD", "TWD", "TZS", "UAH", "UGX", "USD", "USN", "UYI", "UYU", "UYW", "UZS", "VED", "VES",
    "VND", "VUV", "WST", "XAF", "XAG", "XAU", "XCD", "XCG", "XDR", "XOF", "XPD", "XPF", "XPT",
    "YER", "ZAR", "ZMW", "ZWG", "ZWL",
];

/// An ISO 4217 currency code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Currency([u8; 3]);

impl Currency {
    /// Vietnamese đồng.
    pub const VND: Currency = Currency(*b"VND");

    /// The code, "USD".
    pub fn code(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("VND")
    }

    /// A code from its text, when it is an ISO 4217 currency code in capitals. Only real codes:
    /// a unit such as "GCN/bản" (giấy chứng nhận) must not read as a currency.
    pub fn parse(code: &str) -> Option<Currency> {
        let bytes: [u8; 3] = code.as_bytes().try_into().ok()?;
        ISO_4217
            .binary_search(&code)
            .is_ok()
            .then_some(Currency(bytes))
    }
}

impl Default for Currency {
    fn default() -> Currency {
        Currency::VND
    }
}

impl Serialize for Currency {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Currency {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let code = String::deserialize(deserializer)?;
        Currency::parse(&code)
            .ok_or_else(|| de::Error::custom(Message::NotACurrency { code }.to_custom()))
    }
}

impl JsonSchema for Currency {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Currency".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "enum": ISO_4217.as_slice(),
            "title": "Đơn vị tiền tệ",
            "description": "Mã tiền tệ ISO 4217, ví dụ VND, USD."
        })
    }
}

/// A legal document behind the procedure.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Văn bản", description = "Một văn bản quy phạm pháp luật.")]
pub struct LegalRef {
    /// Số ký hiệu, "60/2014/QH13".
    #[schemars(
        title = "Số ký hiệu",
        description = "Số ký hiệu văn bản, ví dụ \"60/2014/QH13\"."
    )]
    pub number: Text,
    /// Trích yếu.
    #[schemars(title = "Trích yếu", description = "Trích yếu nội dung văn bản.")]
    pub title: Text,
    /// Date of issue.
    #[schemars(title = "Ngày ban hành", description = "Dạng YYYY-MM-DD.")]
    #[serde(default)]
    pub date: Option<crate::vi::Date>,
    /// Issuing body.
    #[schemars(title = "Cơ quan ban hành", description = "Cơ quan ban hành văn bản.")]
    #[serde(default)]
    pub issuer: Option<Text>,
    /// Link to the text.
    #[schemars(title = "Liên kết", description = "Địa chỉ toàn văn.")]
    #[schemars(with = "Option<Text>")]
    #[serde(default)]
    pub url: Option<Spanned<Text>>,
}

/// What a publication decision did.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[schemars(
    title = "Nội dung thay đổi",
    description = "Quyết định công bố làm gì với thủ tục."
)]
pub enum Change {
    /// Ban hành mới.
    #[schemars(title = "Ban hành mới", description = "new")]
    New,
    /// Sửa đổi, bổ sung.
    #[schemars(title = "Sửa đổi, bổ sung", description = "amended")]
    Amended,
    /// Thay thế.
    #[schemars(title = "Thay thế", description = "replaced")]
    Replaced,
    /// Bãi bỏ.
    #[schemars(title = "Bãi bỏ", description = "repealed")]
    Repealed,
}

/// A publication decision (Quyết định công bố).
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Quyết định công bố",
    description = "Một quyết định công bố thủ tục."
)]
pub struct Announcement {
    /// "528/QĐ-BTP".
    #[schemars(title = "Số quyết định", description = "Ví dụ \"528/QĐ-BTP\".")]
    pub number: Text,
    /// Date of the decision, when the source gives it (many lists give only the number).
    #[schemars(
        title = "Ngày quyết định",
        description = "Dạng năm-tháng-ngày, ví dụ 2025-07-01. Bỏ trống khi nguồn không ghi."
    )]
    #[serde(default)]
    pub date: Option<crate::vi::Date>,
    /// What it did, when the source says.
    #[schemars(
        title = "Nội dung thay đổi",
        description = "new, amended, replaced hoặc repealed. Bỏ trống khi nguồn không ghi."
    )]
    #[serde(default)]
    pub change: Option<Change>,
    /// Link to the decision.
    #[schemars(title = "Liên kết", description = "Địa chỉ toàn văn quyết định.")]
    #[schemars(with = "Option<Text>")]
    #[serde(default)]
    pub url: Option<Spanned<Text>>,
}

impl JsonSchema for Step {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Step".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let map = generator.subschema_for::<StepMap>();
        schemars::json_schema!({
            "title": "Bước thực hiện",
            "description": "Một bước: một đoạn văn, hoặc {title, text, actor}.",
            "anyOf": [
                {"type": "string", "title": "Nội dung bước", "description": "Việc cần làm ở bước này."},
                map
            ]
        })
    }
}

impl JsonSchema for Documents {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Documents".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let document = generator.subschema_for::<Document>();
        let group = generator.subschema_for::<DocumentGroup>();
        schemars::json_schema!({
            "title": "Thành phần hồ sơ",
            "description": "Các giấy tờ: từng giấy tờ {name, originals, copies}, hoặc nhóm theo trường hợp {case, mode, items}.",
            "type": "array",
            "items": {
                "anyOf": [
                    document,
                    group,
                    {"type": "string", "title": "Tên giấy tờ", "description": "Tên giấy tờ, khi không cần ghi số bản."}
                ]
            }
        })
    }
}

impl Part<Documents> {
    /// The stated groups of documents; none when the dossier is missing.
    pub fn groups(&self) -> &[DocumentGroup] {
        match self.known() {
            Some(documents) => &documents.0,
            None => &[],
        }
    }
}
