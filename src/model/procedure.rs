//! A procedure record as the editor writes it, typed.
//!
//! Deserialising into these types is the whole of "parsing": unknown keys, wrong types, values
//! outside an enumeration and bad dates are rejected here, with a location, by serde-saphyr.
//! Keys that refer to something else (a field, a form, a fee, an officer, another procedure) keep
//! their source location in a [`Spanned`] so that validation can point at them.

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use serde_saphyr::Spanned;

use super::Text;
use crate::vi::Date;

/// One administrative procedure (thủ tục hành chính), with every part Nghị định 63/2010/NĐ-CP
/// art. 8 asks for.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Procedure {
    /// National code such as `1.001193`; opaque.
    pub code: Spanned<Text>,
    /// Name of the procedure.
    pub title: Spanned<Text>,
    /// URL slug; derived from the title when absent.
    #[serde(default)]
    pub slug: Option<Spanned<String>>,
    /// Field (lĩnh vực) id from `fields.yaml`.
    pub field: Spanned<String>,
    /// Level of government that carries it out.
    pub level: Level,
    /// Online public service level (NĐ 42/2022).
    pub online_level: OnlineLevel,
    /// Where to submit online.
    #[serde(default)]
    pub online_url: Option<Text>,
    /// Whether it is in force.
    pub status: Status,
    /// First day in force.
    #[serde(default)]
    pub effective_from: Option<Spanned<Date>>,
    /// Last day in force.
    #[serde(default)]
    pub effective_to: Option<Spanned<Date>>,
    /// Who may apply.
    pub applicants: Vec<Text>,
    /// Competent, implementing, delegated and coordinating bodies.
    pub agencies: Agencies,
    /// Sequence of steps.
    pub steps: Vec<Step>,
    /// In person, online, postal: one row each.
    pub channels: Vec<Channel>,
    /// Time limit for processing.
    pub processing_time: ProcessingTime,
    /// The dossier, in groups.
    pub documents: Documents,
    /// Number of dossier sets to submit.
    #[serde(default)]
    pub dossier_sets: Option<u32>,
    /// Forms to download.
    #[serde(default)]
    pub forms: Vec<Form>,
    /// Fees and charges; empty means none.
    pub fees: Vec<Fee>,
    /// What the applicant receives.
    pub results: Vec<Text>,
    /// Requirements and conditions.
    #[serde(default)]
    pub conditions: Vec<Text>,
    /// How long the citizen has to act.
    #[serde(default)]
    pub applicant_deadline: Option<Text>,
    /// Laws, decrees and circulars behind it.
    pub legal_basis: Vec<LegalRef>,
    /// Publication decisions (Quyết định công bố).
    #[serde(default)]
    pub announcements: Vec<Announcement>,
    /// Officer ids from `site.yaml`; the site default when empty.
    #[serde(default)]
    pub officers: Vec<Spanned<String>>,
    /// Hotline; the site default when absent.
    #[serde(default)]
    pub hotline: Option<Text>,
    /// Codes of related procedures.
    #[serde(default)]
    pub related: Vec<Spanned<Text>>,
    /// Codes of procedures this one replaces.
    #[serde(default)]
    pub replaces: Vec<Spanned<Text>>,
    /// Life events ("Sinh con") for browsing.
    #[serde(default)]
    pub life_events: Vec<Text>,
    /// Extra words citizens use.
    #[serde(default)]
    pub keywords: Vec<Text>,
    /// When an officer last checked the record against the source.
    #[serde(default)]
    pub verified_on: Option<Spanned<Date>>,
}

/// Level of government (cấp thực hiện).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Cấp Bộ.
    Central,
    /// Cấp Tỉnh.
    Province,
    /// Cấp Huyện (older catalogues).
    District,
    /// Cấp Xã.
    Commune,
    /// Cơ quan khác.
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OnlineLevel {
    /// Toàn trình: fully online.
    Full,
    /// Một phần: partly online.
    Partial,
    /// Not online.
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// In force.
    Active,
    /// Announced, takes effect on `effective_from`.
    Upcoming,
    /// Temporarily not applied.
    Suspended,
    /// No longer applies; the page stays, with the decision.
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
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Agencies {
    /// Cơ quan có thẩm quyền: decides.
    pub competent: Text,
    /// Cơ quan thực hiện: carries it out.
    pub implementing: Text,
    /// Cơ quan được ủy quyền.
    #[serde(default)]
    pub delegated: Option<Text>,
    /// Cơ quan phối hợp.
    #[serde(default)]
    pub coordinating: Option<Text>,
}

/// Who acts in a step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Actor {
    /// The citizen or organisation.
    Applicant,
    /// The one-stop desk.
    OneStop,
    /// The specialist officer.
    Specialist,
    /// The leader who signs.
    Leader,
    /// Another body.
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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StepMap {
    #[serde(default)]
    title: Option<Text>,
    text: Text,
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChannelType {
    /// Trực tiếp.
    InPerson,
    /// Trực tuyến.
    Online,
    /// Dịch vụ bưu chính.
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
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Channel {
    /// Which channel.
    #[serde(rename = "type")]
    pub kind: ChannelType,
    /// Whether this body accepts dossiers this way.
    pub available: bool,
    /// Where.
    #[serde(default)]
    pub r#where: Option<Text>,
    /// Processing time for this channel, verbatim, when it differs.
    #[serde(default)]
    pub processing_time: Option<Text>,
    /// Fee ids of this record that apply on this channel.
    #[serde(default)]
    pub fees: Vec<Spanned<String>>,
    /// Anything else.
    #[serde(default)]
    pub note: Option<Text>,
}

/// Unit of a processing time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeUnit {
    /// Ngày làm việc.
    WorkingDays,
    /// Ngày.
    Days,
    /// Giờ.
    Hours,
    /// Trong ngày.
    SameDay,
}

/// The time limit, verbatim plus a machine-readable value.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ProcessingTime {
    /// The official wording.
    pub text: Text,
    /// The number of units.
    #[serde(default)]
    pub value: Option<f64>,
    /// The unit.
    pub unit: TimeUnit,
    /// Dossiers received after this time (`"15:00"`) are handled the next working day.
    #[serde(default)]
    pub cutoff: Option<Spanned<String>>,
}

/// Whether a document is handed in or only shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentMode {
    /// Nộp: handed in.
    #[default]
    Submit,
    /// Xuất trình: shown and given back.
    Present,
}

/// One document of the dossier.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// What it is.
    pub name: Text,
    /// Number of originals (bản chính).
    #[serde(default)]
    pub originals: Option<u32>,
    /// Number of copies (bản sao).
    #[serde(default)]
    pub copies: Option<u32>,
    /// Form id from the record's `forms`.
    #[serde(default)]
    pub form: Option<Spanned<String>>,
    /// Anything else.
    #[serde(default)]
    pub note: Option<Text>,
}

/// A group of documents for one case.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentGroup {
    /// "Trường hợp …"; none for the documents everyone needs.
    #[serde(default)]
    pub case: Option<Text>,
    /// Submit or present.
    #[serde(default)]
    pub mode: DocumentMode,
    /// The documents.
    pub items: Vec<Document>,
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
                raw.into_entry().map_err(de::Error::custom)
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
    fn into_entry(self) -> Result<DocumentEntry, &'static str> {
        match (self.name, self.items) {
            (Some(_), Some(_)) => Err(
                "a dossier entry has both `name` and `items`: write a document `{name, originals, copies}` or a group `{case, mode, items}`",
            ),
            (None, None) => {
                Err("a dossier entry needs `name` (a document) or `items` (a group of documents)")
            }
            (Some(name), None) => {
                if self.case.is_some() || self.mode.is_some() {
                    return Err(
                        "`case` and `mode` belong to a group: put this document under `items:` of a group",
                    );
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
                    return Err(
                        "`originals`, `copies` and `form` belong to a document: put them on an item under `items:`",
                    );
                }
                Ok(DocumentEntry::Group(DocumentGroup {
                    case: self.case,
                    mode: self.mode.unwrap_or_default(),
                    items,
                }))
            }
        }
    }
}

/// A form to download.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Form {
    /// Id used by documents.
    pub id: Spanned<String>,
    /// Title of the form.
    pub name: Text,
    /// The legal text that issues it.
    #[serde(default)]
    pub issued_by: Option<Text>,
    /// Path under `content/`.
    pub file: Spanned<String>,
    /// The official source.
    #[serde(default)]
    pub official_url: Option<Text>,
}

/// Lệ phí (a charge for a public service) or phí (a fee for a service).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FeeKind {
    /// Lệ phí.
    LePhi,
    /// Phí.
    Phi,
}

/// A fee or charge, always with its verbatim text.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Fee {
    /// Id used by channels.
    pub id: Spanned<String>,
    /// Lệ phí or phí.
    pub kind: FeeKind,
    /// Amount in đồng; 0 is free.
    pub amount: u64,
    /// "đồng/trường hợp".
    #[serde(default)]
    pub unit: Option<Text>,
    /// The official wording, verbatim: an amount alone misleads people who are exempt.
    pub text: Text,
    /// Who pays nothing.
    #[serde(default)]
    pub exemptions: Vec<Text>,
}

/// A legal document behind the procedure.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct LegalRef {
    /// Số ký hiệu, "60/2014/QH13".
    pub number: Text,
    /// Trích yếu.
    pub title: Text,
    /// Date of issue.
    #[serde(default)]
    pub date: Option<crate::vi::Date>,
    /// Issuing body.
    #[serde(default)]
    pub issuer: Option<Text>,
    /// Link to the text.
    #[serde(default)]
    pub url: Option<Text>,
}

/// What a publication decision did.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// Ban hành mới.
    New,
    /// Sửa đổi, bổ sung.
    Amended,
    /// Thay thế.
    Replaced,
    /// Bãi bỏ.
    Repealed,
}

/// A publication decision (Quyết định công bố).
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Announcement {
    /// "528/QĐ-BTP".
    pub number: Text,
    /// Date of the decision.
    pub date: crate::vi::Date,
    /// What it did.
    pub change: Change,
    /// Link to the decision.
    #[serde(default)]
    pub url: Option<Text>,
}
