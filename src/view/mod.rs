//! Views: what templates see. Values are formatted here, once, in Vietnamese (money, dates,
//! resolved names and URLs), so templates stay simple and cannot format the same thing two ways.

use std::collections::HashMap;

use serde::Serialize;

use crate::model::config::{Field, StatsPeriod};
use crate::model::{
    Agencies, Catalogue, Channel, DocumentMode, Entry, Fee, FeeKind, Level, OnlineLevel, Procedure,
    ProcessingTime, Status, Text,
};
use crate::vi;
use crate::vi::Date;

pub mod prose;
pub mod words;

use prose::Prose;
pub use words::Words;

/// The cards step: one [`Card`] per procedure, in the catalogue's order, in the words of the
/// site's language. The index step and the renderer both take them from here.
pub fn cards(catalogue: &Catalogue, words: &Words) -> Vec<Card> {
    use rayon::prelude::*;
    let fields = catalogue.fields_by_id();
    catalogue
        .procedures
        .par_iter()
        .map(|e| Card::new(&fields, e, words))
        .collect()
}

/// URL of a procedure page, relative to the site root.
pub fn procedure_url(slug: &str) -> String {
    format!("{}/{slug}/", crate::route::PROCEDURES)
}

/// URL of a field listing.
pub fn field_url(id: &str) -> String {
    format!("{}/{id}/", crate::route::FIELDS)
}

/// URL of a level listing.
pub fn level_url(level: crate::model::Level) -> String {
    format!("{}/{}/", crate::route::LEVELS, level.slug())
}

/// URL of an agency listing.
pub fn agency_url(name: &str) -> String {
    format!("{}/{}/", crate::route::AGENCIES, vi::slugify(name))
}

/// A link from a record or site.yaml, when the URL policy ([`crate::links`]) allows it.
/// Validation refuses the others (CK017); this keeps a page from ever carrying one.
pub fn published_url(url: Option<&serde_saphyr::Spanned<Text>>) -> Option<&str> {
    url.map(|u| &*u.value)
        .filter(|u| crate::links::is_allowed(u))
}

/// A link: text and URL relative to the site root.
#[derive(Clone, Debug, Serialize)]
pub struct Link {
    /// Text.
    pub title: String,
    /// URL relative to the site root (prefix with `root` in templates).
    pub url: String,
}

/// A procedure as one row of a list or a search result.
#[derive(Clone, Debug, Serialize)]
pub struct Card {
    /// Code.
    pub code: String,
    /// Title.
    pub title: String,
    /// URL relative to the site root.
    pub url: String,
    /// Field id.
    pub field: String,
    /// Field name.
    pub field_name: String,
    /// Level id.
    pub level: &'static str,
    /// Online level id.
    pub online_level: &'static str,
    /// Status id.
    pub status: &'static str,
    /// Processing time, verbatim.
    pub processing_time: String,
    /// One-phrase fee summary.
    pub fee_summary: String,
    /// True when nothing is charged.
    pub free: bool,
    /// Implementing agency.
    pub agency: String,
    /// "dd/mm/yyyy" from which an upcoming procedure applies.
    pub effective_from: Option<String>,
}

impl Card {
    /// The card of `entry`.
    pub fn new(fields: &HashMap<&str, &Field>, entry: &Entry, words: &Words) -> Card {
        let p = &entry.procedure;
        Card {
            code: entry.code().to_owned(),
            title: entry.title().to_owned(),
            url: procedure_url(&entry.slug),
            field: p.field.value.clone(),
            field_name: fields
                .get(p.field.value.as_str())
                .map(|f| f.name.to_string())
                .unwrap_or_else(|| p.field.value.clone()),
            level: p.level.id(),
            online_level: p.online_level.id(),
            status: p.status.id(),
            processing_time: p.processing_time.text.to_string(),
            fee_summary: fee_summary(&p.fees, words),
            free: p.fees.iter().all(|f| f.amount == 0),
            agency: p.agencies.implementing.to_string(),
            effective_from: p.effective_from.as_ref().map(|d| d.value.vi()),
        }
    }
}

/// "Miễn phí", "8.000 đồng" or "Từ 2.000 đồng": what a citizen should expect to pay at most
/// glance; the page shows the verbatim texts and exemptions.
pub fn fee_summary(fees: &[Fee], words: &Words) -> String {
    let paid: Vec<u64> = fees.iter().map(|f| f.amount).filter(|a| *a > 0).collect();
    let lowest = paid.iter().min().copied().unwrap_or(0);
    let summary = if paid.is_empty() {
        return words.money(0);
    } else if paid.iter().all(|a| *a == lowest) {
        words.money(lowest)
    } else {
        words.money_from(lowest)
    };
    // An amount alone misleads people who owe nothing (birth registration on time is free).
    if fees
        .iter()
        .any(|f| f.amount > 0 && !f.exemptions.is_empty())
    {
        words.some_exempt(&summary)
    } else {
        summary
    }
}

/// A `tel:` URI for a phone number as written ("0222 3 812 345" → "tel:02223812345").
pub fn tel(number: &str) -> String {
    let digits: String = number
        .chars()
        .enumerate()
        .filter(|(i, c)| c.is_ascii_digit() || (*i == 0 && *c == '+'))
        .map(|(_, c)| c)
        .collect();
    format!("tel:{digits}")
}

/// A phone number and its link.
#[derive(Clone, Debug, Serialize)]
pub struct Phone {
    /// As written.
    pub number: String,
    /// `tel:` URI.
    pub tel: String,
}

impl Phone {
    /// From a number as written.
    pub fn new(number: &str) -> Phone {
        Phone {
            number: number.to_owned(),
            tel: tel(number),
        }
    }
}

/// Everything a procedure page shows.
#[derive(Debug, Serialize)]
pub struct ProcedureView<'a> {
    /// The row view (title, code, URLs, summaries).
    pub card: &'a Card,
    /// The record's keys that are not reformatted here, as written.
    pub record: RecordView<'a>,
    /// Field link.
    pub field: Link,
    /// Level listing URL; `None` when no listed procedure has that level (the page would not
    /// exist: repealed procedures leave the lists).
    pub level_url: Option<String>,
    /// Implementing agency listing URL; `None` when that listing does not exist.
    pub agency_url: Option<String>,
    /// Steps.
    pub steps: Vec<StepView<'a>>,
    /// Conditions, each as paragraphs and lists.
    pub conditions: Vec<Prose>,
    /// Channels with their fees resolved.
    pub channels: Vec<ChannelView<'a>>,
    /// Dossier groups.
    pub documents: Vec<GroupView<'a>>,
    /// Total documents to hand in.
    pub document_count: usize,
    /// Forms.
    pub forms: Vec<FormView<'a>>,
    /// Fees.
    pub fees: Vec<FeeView<'a>>,
    /// Officers (record's or the site default).
    pub officers: Vec<OfficerView<'a>>,
    /// Hotline.
    pub hotline: Option<Phone>,
    /// Related procedures.
    pub related: Vec<Link>,
    /// Procedures this one replaces.
    pub replaces: Vec<Link>,
    /// Procedures that replace this one.
    pub replaced_by: Vec<Link>,
    /// Legal basis with dates formatted.
    pub legal_basis: Vec<LegalView<'a>>,
    /// Announcements with dates formatted.
    pub announcements: Vec<AnnouncementView<'a>>,
    /// "dd/mm/yyyy".
    pub effective_from: Option<String>,
    /// "dd/mm/yyyy".
    pub effective_to: Option<String>,
    /// "dd/mm/yyyy".
    pub verified_on: Option<String>,
    /// "dd/mm/yyyy" of the last commit that touched the record.
    pub updated: Option<String>,
    /// Guide as HTML (sanitised when it was rendered).
    pub body_html: Option<String>,
    /// Absolute stable URL (`/ma/<code>/`) when the site has a base URL.
    pub stable_url: Option<String>,
    /// QR code of the stable URL as inline SVG.
    pub qr_svg: Option<String>,
}

/// A record's keys as written, but for the lists that [`ProcedureView`] shows in a form of its
/// own (steps, channels, documents, forms, fees, legal basis, announcements, officers, related
/// and replaced procedures): turning those into template values a second time for every page,
/// and freeing them, was 8% of the instructions of rendering a procedure page (callgrind).
#[derive(Debug, Serialize)]
pub struct RecordView<'a> {
    code: &'a Text,
    title: &'a Text,
    slug: Option<&'a str>,
    field: &'a str,
    level: Level,
    online_level: OnlineLevel,
    online_url: Option<&'a str>,
    status: Status,
    effective_from: Option<Date>,
    effective_to: Option<Date>,
    applicants: &'a [Text],
    agencies: &'a Agencies,
    processing_time: &'a ProcessingTime,
    dossier_sets: Option<u32>,
    results: &'a [Text],
    conditions: &'a [Text],
    applicant_deadline: Option<&'a Text>,
    hotline: Option<&'a Text>,
    life_events: &'a [Text],
    keywords: &'a [Text],
    verified_on: Option<Date>,
}

impl<'a> RecordView<'a> {
    /// The keys of `p` that are not reformatted.
    pub fn new(p: &'a Procedure) -> RecordView<'a> {
        RecordView {
            code: &p.code.value,
            title: &p.title.value,
            slug: p.slug.as_ref().map(|s| s.value.as_str()),
            field: &p.field.value,
            level: p.level,
            online_level: p.online_level,
            online_url: published_url(p.online_url.as_ref()),
            status: p.status,
            effective_from: p.effective_from.as_ref().map(|d| d.value),
            effective_to: p.effective_to.as_ref().map(|d| d.value),
            applicants: &p.applicants,
            agencies: &p.agencies,
            processing_time: &p.processing_time,
            dossier_sets: p.dossier_sets,
            results: &p.results,
            conditions: &p.conditions,
            applicant_deadline: p.applicant_deadline.as_ref(),
            hotline: p.hotline.as_ref(),
            life_events: &p.life_events,
            keywords: &p.keywords,
            verified_on: p.verified_on.as_ref().map(|d| d.value),
        }
    }
}

/// A step.
#[derive(Debug, Serialize)]
pub struct StepView<'a> {
    /// Title.
    pub title: Option<&'a str>,
    /// Text, as written.
    pub text: &'a str,
    /// The text's paragraphs and lists.
    pub blocks: Prose,
    /// Actor id.
    pub actor: Option<&'static str>,
}

/// A channel row.
#[derive(Debug, Serialize)]
pub struct ChannelView<'a> {
    /// Channel id.
    pub kind: &'static str,
    /// Accepts dossiers.
    pub available: bool,
    /// Where.
    pub r#where: Option<&'a str>,
    /// Processing time on this channel, or the general one.
    pub processing_time: &'a str,
    /// Fees that apply on this channel, summarised.
    pub fees: Vec<String>,
    /// Note.
    pub note: Option<&'a str>,
}

/// A group of documents.
#[derive(Debug, Serialize)]
pub struct GroupView<'a> {
    /// Case, if any.
    pub case: Option<&'a str>,
    /// "submit" or "present".
    pub mode: &'static str,
    /// Items.
    pub items: Vec<DocumentView<'a>>,
    /// Whether an item says how many originals or copies (the table gets those columns).
    pub has_counts: bool,
    /// Whether an item has a form (the table gets a form column).
    pub has_form: bool,
}

/// One document.
#[derive(Debug, Serialize)]
pub struct DocumentView<'a> {
    /// Name.
    pub name: &'a str,
    /// Originals.
    pub originals: Option<u32>,
    /// Copies.
    pub copies: Option<u32>,
    /// Its form, resolved.
    pub form: Option<FormView<'a>>,
    /// Note.
    pub note: Option<&'a str>,
}

/// A form to download.
#[derive(Clone, Debug, Serialize)]
pub struct FormView<'a> {
    /// Id.
    pub id: &'a str,
    /// Name.
    pub name: &'a str,
    /// Issuing text.
    pub issued_by: Option<&'a str>,
    /// URL relative to the site root.
    pub url: String,
    /// "PDF", "DOCX".
    pub format: String,
    /// "12 KB".
    pub size: Option<String>,
    /// Official source.
    pub official_url: Option<&'a str>,
}

/// A fee.
#[derive(Debug, Serialize)]
pub struct FeeView<'a> {
    /// Id.
    pub id: &'a str,
    /// "le_phi" or "phi".
    pub kind: &'static str,
    /// Amount in đồng.
    pub amount: u64,
    /// "8.000 đồng" or "Miễn phí".
    pub amount_text: String,
    /// The amount with its unit: "8.000 đồng/trường hợp" (or "Miễn phí").
    pub amount_unit_text: String,
    /// Unit.
    pub unit: Option<&'a str>,
    /// Verbatim text.
    pub text: &'a str,
    /// Exemptions.
    pub exemptions: Vec<&'a str>,
}

/// An officer.
#[derive(Debug, Serialize)]
pub struct OfficerView<'a> {
    /// Name.
    pub name: &'a str,
    /// Position.
    pub title: &'a str,
    /// Counter.
    pub counter: &'a str,
    /// Phone.
    pub phone: Option<Phone>,
}

/// A legal reference.
#[derive(Debug, Serialize)]
pub struct LegalView<'a> {
    /// Number.
    pub number: &'a str,
    /// Title.
    pub title: &'a str,
    /// "dd/mm/yyyy".
    pub date: Option<String>,
    /// Issuer.
    pub issuer: Option<&'a str>,
    /// URL.
    pub url: Option<&'a str>,
}

/// An announcement.
#[derive(Debug, Serialize)]
pub struct AnnouncementView<'a> {
    /// Number.
    pub number: &'a str,
    /// "dd/mm/yyyy", when the record gives it.
    pub date: Option<String>,
    /// Change id, when the record gives it.
    pub change: Option<&'static str>,
    /// URL.
    pub url: Option<&'a str>,
}

/// Human file size in Vietnamese notation: "850 B", "12 KB", "1,2 MB".
pub fn file_size(bytes: u64) -> String {
    if bytes < 1024 {
        format!("{bytes} B")
    } else if bytes < 1024 * 1024 {
        format!("{} KB", bytes.div_ceil(1024))
    } else {
        let tenths = (bytes * 10).div_ceil(1024 * 1024);
        format!("{},{} MB", tenths / 10, tenths % 10)
    }
}

fn actor_id(actor: crate::model::Actor) -> &'static str {
    use crate::model::Actor;
    match actor {
        Actor::Applicant => "applicant",
        Actor::OneStop => "one_stop",
        Actor::Specialist => "specialist",
        Actor::Leader => "leader",
        Actor::Agency => "agency",
    }
}

fn fee_kind(kind: FeeKind) -> &'static str {
    match kind {
        FeeKind::LePhi => "le_phi",
        FeeKind::Phi => "phi",
    }
}

fn change_id(change: crate::model::Change) -> &'static str {
    use crate::model::Change;
    match change {
        Change::New => "new",
        Change::Amended => "amended",
        Change::Replaced => "replaced",
        Change::Repealed => "repealed",
    }
}

fn channel_view<'a>(p: &'a Procedure, c: &'a Channel, words: &Words) -> ChannelView<'a> {
    let fees = c
        .fees
        .iter()
        .filter_map(|id| p.fees.iter().find(|f| f.id.value == id.value))
        .map(|f| words.money_with_unit(f.amount, f.unit.as_deref()))
        .collect();
    ChannelView {
        kind: c.kind.id(),
        available: c.available,
        r#where: c.r#where.as_deref(),
        processing_time: c
            .processing_time
            .as_deref()
            .unwrap_or(&p.processing_time.text),
        fees,
        note: c.note.as_deref(),
    }
}

fn form_view<'a>(catalogue: &Catalogue, form: &'a crate::model::Form) -> FormView<'a> {
    let path = form.file.value.trim_start_matches("./");
    let format = std::path::Path::new(path)
        .extension()
        .map(|e| e.to_string_lossy().to_uppercase())
        .unwrap_or_default();
    let size = catalogue
        .attachments
        .iter()
        .find(|a| a.path == path)
        .map(|a| file_size(a.size));
    FormView {
        id: &form.id.value,
        name: &form.name,
        issued_by: form.issued_by.as_deref(),
        url: path.to_owned(),
        format,
        size,
        official_url: published_url(form.official_url.as_ref()),
    }
}

impl<'a> ProcedureView<'a> {
    /// The view of `entry`, whose card is `card`.
    pub fn new(
        catalogue: &'a Catalogue,
        entry: &'a Entry,
        card: &'a Card,
        replaced_by: Vec<Link>,
        qr_svg: Option<String>,
        words: &Words,
    ) -> ProcedureView<'a> {
        let p = &entry.procedure;
        let link_to = |code: &str| {
            catalogue.by_code(code).map(|e| Link {
                title: e.title().to_owned(),
                url: procedure_url(&e.slug),
            })
        };
        let officer_ids = if p.officers.is_empty() {
            &catalogue.site.default_officers
        } else {
            &p.officers
        };
        let documents: Vec<GroupView<'a>> = p
            .documents
            .0
            .iter()
            .map(|g| {
                let items: Vec<DocumentView<'a>> = g
                    .items
                    .iter()
                    .map(|d| DocumentView {
                        name: &d.name,
                        originals: d.originals,
                        copies: d.copies,
                        form: d.form.as_ref().and_then(|id| {
                            p.forms
                                .iter()
                                .find(|f| f.id.value == id.value)
                                .map(|f| form_view(catalogue, f))
                        }),
                        note: d.note.as_deref(),
                    })
                    .collect();
                GroupView {
                    case: g.case.as_deref(),
                    mode: match g.mode {
                        DocumentMode::Submit => "submit",
                        DocumentMode::Present => "present",
                    },
                    has_counts: items
                        .iter()
                        .any(|d| d.originals.is_some() || d.copies.is_some()),
                    has_form: items.iter().any(|d| d.form.is_some()),
                    items,
                }
            })
            .collect();
        ProcedureView {
            card,
            record: RecordView::new(p),
            field: Link {
                title: card.field_name.clone(),
                url: field_url(&p.field.value),
            },
            level_url: Some(level_url(p.level)),
            agency_url: Some(agency_url(&p.agencies.implementing)),
            steps: p
                .steps
                .iter()
                .map(|s| StepView {
                    title: s.title.as_deref(),
                    text: &s.text,
                    blocks: prose::blocks(&s.text),
                    actor: s.actor.map(actor_id),
                })
                .collect(),
            conditions: p.conditions.iter().map(|c| prose::blocks(c)).collect(),
            channels: p
                .channels
                .iter()
                .map(|c| channel_view(p, c, words))
                .collect(),
            document_count: documents.iter().map(|g| g.items.len()).sum(),
            documents,
            forms: p.forms.iter().map(|f| form_view(catalogue, f)).collect(),
            fees: p
                .fees
                .iter()
                .map(|f| FeeView {
                    id: &f.id.value,
                    kind: fee_kind(f.kind),
                    amount: f.amount,
                    amount_text: words.money(f.amount),
                    amount_unit_text: words.money_with_unit(f.amount, f.unit.as_deref()),
                    unit: f.unit.as_deref(),
                    text: &f.text,
                    exemptions: f.exemptions.iter().map(|e| e.as_str()).collect(),
                })
                .collect(),
            officers: officer_ids
                .iter()
                .filter_map(|id| catalogue.officer(&id.value))
                .map(|o| OfficerView {
                    name: &o.name,
                    title: &o.title,
                    counter: &o.counter,
                    phone: o.phone.as_deref().map(Phone::new),
                })
                .collect(),
            hotline: p
                .hotline
                .as_deref()
                .or(catalogue.site.hotline.as_deref())
                .map(Phone::new),
            related: p.related.iter().filter_map(|c| link_to(&c.value)).collect(),
            replaces: p
                .replaces
                .iter()
                .filter_map(|c| link_to(&c.value))
                .collect(),
            replaced_by,
            legal_basis: p
                .legal_basis
                .iter()
                .map(|l| LegalView {
                    number: &l.number,
                    title: &l.title,
                    date: l.date.map(|d| d.vi()),
                    issuer: l.issuer.as_deref(),
                    url: published_url(l.url.as_ref()),
                })
                .collect(),
            announcements: p
                .announcements
                .iter()
                .map(|a| AnnouncementView {
                    number: &a.number,
                    date: a.date.map(|d| d.vi()),
                    change: a.change.map(change_id),
                    url: published_url(a.url.as_ref()),
                })
                .collect(),
            effective_from: p.effective_from.as_ref().map(|d| d.value.vi()),
            effective_to: p.effective_to.as_ref().map(|d| d.value.vi()),
            verified_on: p.verified_on.as_ref().map(|d| d.value.vi()),
            updated: entry.updated.map(|d| d.vi()),
            body_html: entry.body.as_deref().map(crate::content::markdown::to_html),
            stable_url: None,
            qr_svg,
        }
    }
}

/// Counts shown on the home page.
#[derive(Debug, Serialize)]
pub struct Counts {
    /// Listed procedures.
    pub total: usize,
    /// Fields with at least one listed procedure.
    pub fields: usize,
    /// By level id, in display order, only non-zero: (id, url, count).
    pub by_level: Vec<(String, String, usize)>,
    /// By online level id: (id, count).
    pub by_online_level: Vec<(String, usize)>,
    /// Listed procedures with no fee.
    pub free: usize,
    /// Upcoming.
    pub upcoming: usize,
    /// Repealed (kept with their pages).
    pub repealed: usize,
}

impl Counts {
    /// Counts over the catalogue, and the number of listed procedures in each field, in one
    /// pass over the entries.
    pub fn with_fields(catalogue: &Catalogue) -> (Counts, HashMap<&str, usize>) {
        let mut levels = [0usize; crate::model::Level::ALL.len()];
        let mut online = [0usize; OnlineLevel::ALL.len()];
        let mut fields: HashMap<&str, usize> = HashMap::new();
        let (mut total, mut free, mut upcoming) = (0, 0, 0);
        for e in catalogue.listed() {
            total += 1;
            if let Some(i) = crate::model::Level::ALL
                .iter()
                .position(|l| *l == e.level())
            {
                levels[i] += 1;
            }
            if let Some(i) = OnlineLevel::ALL
                .iter()
                .position(|o| *o == e.procedure.online_level)
            {
                online[i] += 1;
            }
            *fields.entry(e.procedure.field.value.as_str()).or_default() += 1;
            free += usize::from(e.procedure.fees.iter().all(|f| f.amount == 0));
            upcoming += usize::from(e.procedure.status == Status::Upcoming);
        }
        let counts = Counts {
            total,
            fields: fields.len(),
            by_level: crate::model::Level::ALL
                .iter()
                .zip(levels)
                .filter(|(_, n)| *n > 0)
                .map(|(l, n)| (l.id().to_owned(), level_url(*l), n))
                .collect(),
            by_online_level: OnlineLevel::ALL
                .iter()
                .zip(online)
                .map(|(o, n)| (o.id().to_owned(), n))
                .collect(),
            free,
            upcoming,
            repealed: catalogue.procedures.len() - total,
        };
        (counts, fields)
    }
}

/// One statistics period with computed rates.
#[derive(Debug, Serialize)]
pub struct StatsView<'a> {
    /// Raw counts.
    pub raw: &'a StatsPeriod,
    /// "01/01/2025".
    pub from: String,
    /// "31/12/2025".
    pub to: String,
    /// Received in the period.
    pub received: String,
    /// Carried over + received.
    pub total: String,
    /// Resolved.
    pub resolved: String,
    /// Resolved early or on time.
    pub in_time: String,
    /// Share resolved early or on time, 2 decimals ("98,25%").
    pub in_time_rate: String,
    /// The same, 1 decimal ("98,3%").
    pub in_time_rate_short: String,
    /// Share resolved early.
    pub early_rate: String,
    /// Share resolved late.
    pub late_rate: String,
    /// Share received online (fully or partly).
    pub online_rate: String,
    /// In progress.
    pub in_progress: String,
    /// Each count formatted with thousands dots, by key.
    pub counts: std::collections::BTreeMap<&'static str, String>,
}

impl<'a> StatsView<'a> {
    /// Rates computed from raw counts with the one stated rule: half up, integer arithmetic.
    pub fn new(s: &'a StatsPeriod) -> StatsView<'a> {
        let resolved = s.resolved.total();
        let received = s.received.total();
        let n = vi::format_number;
        let counts = [
            ("carried_over", s.carried_over),
            ("online_full", s.received.online_full),
            ("online_partial", s.received.online_partial),
            ("in_person", s.received.in_person),
            ("postal", s.received.postal),
            ("early", s.resolved.early),
            ("on_time", s.resolved.on_time),
            ("late", s.resolved.late),
            ("not_due", s.in_progress.not_due),
            ("overdue", s.in_progress.overdue),
            ("withdrawn", s.withdrawn),
            ("returned", s.returned),
        ]
        .into_iter()
        .map(|(k, v)| (k, n(v)))
        .collect();
        StatsView {
            raw: s,
            from: s.from.vi(),
            to: s.to.vi(),
            received: n(received),
            total: n(received + s.carried_over),
            resolved: n(resolved),
            in_time: n(s.resolved.in_time()),
            in_time_rate: vi::percent(s.resolved.in_time(), resolved, 2),
            in_time_rate_short: vi::percent(s.resolved.in_time(), resolved, 1),
            early_rate: vi::percent(s.resolved.early, resolved, 2),
            late_rate: vi::percent(s.resolved.late, resolved, 2),
            online_rate: vi::percent(
                s.received.online_full + s.received.online_partial,
                received,
                2,
            ),
            in_progress: n(s.in_progress.not_due + s.in_progress.overdue),
            counts,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The keys of a record that [`RecordView`] leaves out.
    const REFORMATTED_KEYS: [&str; 10] = [
        "steps",
        "channels",
        "documents",
        "forms",
        "fees",
        "legal_basis",
        "announcements",
        "officers",
        "related",
        "replaces",
    ];

    /// `p.record` in templates: every key of the record, with the same value, but the lists
    /// the view reformats (a key added to `Procedure` must be added to `RecordView` too).
    #[test]
    fn the_record_view_keeps_every_key_but_the_reformatted_lists() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let files = crate::content::record_files(root);
        assert!(files.len() > 10);
        for path in &files {
            let (record, _) = crate::content::read_record(root, path).result.unwrap();
            let full = serde_json::to_value(&*record).unwrap();
            let view = serde_json::to_value(RecordView::new(&record)).unwrap();
            let (full, view) = (full.as_object().unwrap(), view.as_object().unwrap());
            for (key, value) in full {
                if REFORMATTED_KEYS.contains(&key.as_str()) {
                    assert!(!view.contains_key(key), "{key}");
                } else {
                    assert_eq!(view.get(key), Some(value), "{key} in {}", path.display());
                }
            }
            assert_eq!(view.len() + REFORMATTED_KEYS.len(), full.len());
        }
    }

    #[test]
    fn tel_keeps_digits_and_leading_plus() {
        assert_eq!(tel("0222 3 812 345"), "tel:02223812345");
        assert_eq!(tel("+84 222 3812345"), "tel:+842223812345");
    }

    #[test]
    fn file_sizes_read_naturally() {
        assert_eq!(file_size(850), "850 B");
        assert_eq!(file_size(12 * 1024), "12 KB");
        assert_eq!(file_size(1_258_291), "1,2 MB");
    }
}
