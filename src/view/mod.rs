//! Views: what templates see. Values are formatted here, once, in Vietnamese (money, dates,
//! resolved names and URLs), so templates stay simple and cannot format the same thing two ways.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use crate::model::config::{Field, StatsPeriod};
use crate::model::{
    Agencies, Catalogue, Channel, Currency, DocumentMode, Entry, Fee, FeeKind, Level, Missing,
    OnlineLevel, Part, Procedure, ProcessingTime, Status, Text,
};
use crate::vi;
use crate::vi::Date;

pub mod history;
pub mod jsonld;
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
    /// Online level id; `unknown` or `not_published` when the record does not state it.
    pub online_level: &'static str,
    /// Status id.
    pub status: &'static str,
    /// Processing time, verbatim (or that it is not known or not published).
    pub processing_time: String,
    /// One-phrase fee summary, true for every case: never "free" for a fee that is not stated.
    pub fee_summary: String,
    /// True when the record says nothing is charged (never for unknown or unpublished fees).
    pub free: bool,
    /// Implementing agency; empty when the record does not state the agencies.
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
            online_level: online_level_id(&p.online_level),
            status: entry.status.id(),
            processing_time: history::time_text(&p.processing_time, words),
            fee_summary: fee_summary(&p.fees, words),
            free: p.is_known_free(),
            agency: p
                .implementing_agency()
                .map(|a| a.to_string())
                .unwrap_or_default(),
            effective_from: p.effective_from.as_ref().map(|d| d.value.vi()),
        }
    }
}

/// The id of an online level as templates and i18n files name it: `full`, `partial`, `none`,
/// or `unknown` / `not_published` when the record does not state it.
pub fn online_level_id(level: &Part<OnlineLevel>) -> &'static str {
    match level {
        Part::Known(level) => level.id(),
        Part::Missing(m) => m.status.id(),
    }
}

/// "Miễn phí", "8.000 đồng", "Từ 2.000 đồng", "10 USD", "Theo quy định" or "Chưa công bố mức
/// phí, lệ phí": what a citizen should expect to pay at most glance; the page shows the verbatim
/// texts and exemptions. Only what the record states: an unpublished fee is not free, an amount
/// set by a resolution is not a number, and amounts in different currencies have no lowest.
pub fn fee_summary(fees: &Part<Vec<Fee>>, words: &Words) -> String {
    match fees {
        Part::Known(fees) => known_fee_summary(fees, words),
        Part::Missing(m) => words.missing(m.status, "fees").to_owned(),
    }
}

/// [`fee_summary`] of fees the record states.
fn known_fee_summary(fees: &[Fee], words: &Words) -> String {
    if fees.iter().all(Fee::is_free) {
        return words.money(0);
    }
    let mut paid: Vec<(u64, Currency)> = Vec::new();
    for fee in fees.iter().filter(|f| !f.is_free()) {
        if !fee.tiers.is_empty() {
            paid.extend(fee.tiers.iter().map(|t| (t.amount, fee.currency)));
        } else if let Some(amount) = fee.amount {
            paid.push((amount, fee.currency));
        } else {
            // Only the text says how much: no number is true for it.
            return words.by_text().to_owned();
        }
    }
    // A tier at 0 is a case that pays nothing: said below, like an exemption.
    let free_tier = paid.iter().any(|(amount, _)| *amount == 0);
    paid.retain(|(amount, _)| *amount > 0);
    let Some(&(lowest, currency)) = paid.iter().min() else {
        return words.money(0);
    };
    if paid.iter().any(|(_, c)| *c != currency) {
        return words.by_text().to_owned();
    }
    let summary = if paid.iter().all(|(a, _)| *a == lowest) {
        words.money_in(lowest, currency)
    } else {
        words.money_from_in(lowest, currency)
    };
    // An amount alone misleads people who owe nothing (birth registration on time is free).
    if free_tier
        || fees
            .iter()
            .any(|f| !f.is_free() && !f.exemptions.is_empty())
    {
        words.some_exempt(&summary)
    } else {
        summary
    }
}

/// The amount of one fee as its heading says it: "8.000 đồng/bản", "10 USD/bản", "Miễn phí";
/// `None` when only its text or its tiers say it.
pub fn fee_amount_text(fee: &Fee, words: &Words) -> Option<String> {
    if !fee.tiers.is_empty() {
        return None;
    }
    fee.amount
        .map(|amount| words.money_in_with_unit(amount, fee.currency, fee.unit.as_deref()))
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
    /// Implementing agencies, each with its listing URL (`None` when that listing does not
    /// exist).
    pub implementing: Vec<AgencyLink<'a>>,
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
    /// Where the record's facts come from.
    pub sources: Vec<SourceView<'a>>,
    /// Guide as HTML (sanitised when it was rendered).
    pub body_html: Option<String>,
    /// Absolute stable URL (`/ma/<code>/`) when the site has a base URL.
    pub stable_url: Option<String>,
    /// QR code of the stable URL as inline SVG.
    pub qr_svg: Option<String>,
    /// The parts the record states as unknown or not published, by key (`p.missing.fees`).
    pub missing: MissingViews<'a>,
}

/// A part the record states as unknown or not published, as the page says it.
#[derive(Debug, Serialize)]
pub struct MissingView<'a> {
    /// `unknown` or `not_published`.
    pub status: &'static str,
    /// "Chưa công bố mức phí, lệ phí".
    pub text: String,
    /// The record's note.
    pub note: Option<&'a str>,
    /// The record's source, as written.
    pub source: Option<&'a str>,
    /// The source as a link, when it is a web address the URL policy publishes.
    pub source_url: Option<&'a str>,
}

impl<'a> MissingView<'a> {
    fn new(m: &'a Missing, key: &str, words: &Words) -> MissingView<'a> {
        let source = m.source.as_deref();
        MissingView {
            status: m.status.id(),
            text: words.missing(m.status, key).to_owned(),
            note: m.note.as_deref(),
            source,
            source_url: source.filter(|s| {
                (s.starts_with("https://") || s.starts_with("http://"))
                    && crate::links::is_allowed(s)
            }),
        }
    }
}

/// The parts the record states as unknown or not published, by key ([`Procedure::PARTS`]):
/// `p.missing.fees` in templates, absent when the record states the part.
pub type MissingViews<'a> = BTreeMap<&'static str, MissingView<'a>>;

/// The missing parts of `p`, as the page says them.
fn missing_views<'a>(p: &'a Procedure, words: &Words) -> MissingViews<'a> {
    p.missing_parts()
        .map(|(key, m)| (key, MissingView::new(m, key, words)))
        .collect()
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
    online_level: &'a Part<OnlineLevel>,
    online_url: Option<&'a str>,
    non_territorial: bool,
    status: Status,
    effective_from: Option<Date>,
    effective_to: Option<Date>,
    applicants: &'a Part<Vec<Text>>,
    agencies: &'a Part<Agencies>,
    processing_time: &'a Part<ProcessingTime>,
    dossier_sets: Option<u32>,
    results: &'a Part<Vec<Text>>,
    conditions: &'a Part<Vec<Text>>,
    applicant_deadline: Option<&'a Text>,
    hotline: Option<&'a Text>,
    life_events: &'a [Text],
    keywords: &'a [Text],
    verified_on: Option<Date>,
    portal_id: Option<&'a Text>,
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
            online_level: &p.online_level,
            online_url: published_url(p.online_url.as_ref()),
            non_territorial: p.non_territorial,
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
            portal_id: p.portal_id.as_ref(),
        }
    }
}

/// A source of the record's facts.
#[derive(Debug, Serialize)]
pub struct SourceView<'a> {
    /// What it is.
    pub title: &'a str,
    /// Where to read it; `None` when absent or not a web address.
    pub url: Option<&'a str>,
    /// "dd/mm/yyyy".
    pub retrieved_on: Option<String>,
    /// SHA-256 of the file read.
    pub sha256: Option<&'a str>,
    /// Keys of the parts it gives (the theme's `section` labels name them); all when empty.
    pub covers: Vec<&'a str>,
}

/// An agency, linked to its listing when there is one.
#[derive(Debug, Serialize)]
pub struct AgencyLink<'a> {
    /// Name, as written.
    pub name: &'a str,
    /// Listing URL; `None` when that listing does not exist.
    pub url: Option<String>,
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
    /// Processing time on this channel, or the general one (or that it is not stated).
    pub processing_time: std::borrow::Cow<'a, str>,
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
    /// The group's note, as paragraphs and lists.
    pub note: Option<Prose>,
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
    /// URL of the published file relative to the site root; `None` when the form is only at
    /// its official address.
    pub url: Option<String>,
    /// "PDF", "DOCX"; empty without a file.
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
    /// Amount in the fee's currency, when the record gives one.
    pub amount: Option<u64>,
    /// ISO 4217 code, "VND".
    pub currency: &'a str,
    /// Whether the record says this fee costs nothing.
    pub free: bool,
    /// "8.000 đồng", "10 USD" or "Miễn phí"; `None` when only the text or tiers say it.
    pub amount_text: Option<String>,
    /// The amount with its unit: "8.000 đồng/trường hợp", "10 USD/bản" (or "Miễn phí"); `None`
    /// when only the text or tiers say it.
    pub amount_unit_text: Option<String>,
    /// Unit.
    pub unit: Option<&'a str>,
    /// Verbatim text.
    pub text: &'a str,
    /// Tiers: each condition with its amount.
    pub tiers: Vec<TierView<'a>>,
    /// The resolution that sets the amount.
    pub set_by: Option<LegalView<'a>>,
    /// Exemptions.
    pub exemptions: Vec<&'a str>,
}

/// One amount of a tiered fee.
#[derive(Debug, Serialize)]
pub struct TierView<'a> {
    /// When it applies.
    pub condition: &'a str,
    /// "50.000 đồng/giấy".
    pub amount_text: String,
}

fn legal_view(l: &crate::model::LegalRef) -> LegalView<'_> {
    LegalView {
        number: &l.number,
        title: &l.title,
        date: l.date.map(|d| d.vi()),
        issuer: l.issuer.as_deref(),
        url: published_url(l.url.as_ref()),
    }
}

fn fee_view<'a>(f: &'a Fee, words: &Words) -> FeeView<'a> {
    let tiered = !f.tiers.is_empty();
    FeeView {
        id: &f.id.value,
        kind: fee_kind(f.kind),
        amount: f.amount,
        currency: f.currency.code(),
        free: f.is_free(),
        amount_text: f
            .amount
            .filter(|_| !tiered)
            .map(|a| words.money_in(a, f.currency)),
        amount_unit_text: fee_amount_text(f, words),
        unit: f.unit.as_deref(),
        text: &f.text,
        tiers: f
            .tiers
            .iter()
            .map(|t| TierView {
                condition: &t.condition,
                amount_text: words.money_in_with_unit(
                    t.amount,
                    f.currency,
                    t.unit.as_deref().or(f.unit.as_deref()),
                ),
            })
            .collect(),
        set_by: f.set_by.as_ref().map(legal_view),
        exemptions: f.exemptions.iter().map(|e| e.as_str()).collect(),
    }
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

/// The key of a fee kind in i18n files: "le_phi" or "phi".
pub fn fee_kind(kind: FeeKind) -> &'static str {
    match kind {
        FeeKind::LePhi => "le_phi",
        FeeKind::Phi => "phi",
    }
}

/// The key of a document mode in i18n files (`mode.<key>`): "submit" or "present".
pub fn document_mode(mode: DocumentMode) -> &'static str {
    match mode {
        DocumentMode::Submit => "submit",
        DocumentMode::Present => "present",
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
        .filter_map(|id| p.fees.items().iter().find(|f| f.id.value == id.value))
        .map(|f| match fee_amount_text(f, words) {
            Some(amount) => amount,
            None => known_fee_summary(std::slice::from_ref(f), words),
        })
        .collect();
    let processing_time = match (&c.processing_time, &p.processing_time) {
        (Some(time), _) => std::borrow::Cow::Borrowed(time.as_str()),
        (None, Part::Known(time)) => std::borrow::Cow::Borrowed(time.text.as_str()),
        (None, Part::Missing(m)) => {
            std::borrow::Cow::Owned(words.missing(m.status, "processing_time").to_owned())
        }
    };
    ChannelView {
        kind: c.kind.id(),
        available: c.available,
        r#where: c.r#where.as_deref(),
        processing_time,
        fees,
        note: c.note.as_deref(),
    }
}

fn form_view<'a>(catalogue: &Catalogue, form: &'a crate::model::Form) -> FormView<'a> {
    let path = form.path();
    let format = path
        .and_then(|p| std::path::Path::new(p).extension())
        .map(|e| e.to_string_lossy().to_uppercase())
        .unwrap_or_default();
    let size = path.and_then(|path| {
        catalogue
            .attachments
            .iter()
            .find(|a| a.path == path)
            .map(|a| file_size(a.size))
    });
    FormView {
        id: &form.id.value,
        name: &form.name,
        issued_by: form.issued_by.as_deref(),
        url: path.map(str::to_owned),
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
            .groups()
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
                                .items()
                                .iter()
                                .find(|f| f.id.value == id.value)
                                .map(|f| form_view(catalogue, f))
                        }),
                        note: d.note.as_deref(),
                    })
                    .collect();
                GroupView {
                    case: g.case.as_deref(),
                    mode: document_mode(g.mode),
                    has_counts: items
                        .iter()
                        .any(|d| d.originals.is_some() || d.copies.is_some()),
                    has_form: items.iter().any(|d| d.form.is_some()),
                    items,
                    note: g.note.as_deref().map(prose::blocks),
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
            implementing: p
                .implementing_agencies()
                .iter()
                .map(|a| AgencyLink {
                    name: a,
                    url: Some(agency_url(a)),
                })
                .collect(),
            steps: p
                .steps
                .items()
                .iter()
                .map(|s| StepView {
                    title: s.title.as_deref(),
                    text: &s.text,
                    blocks: prose::blocks(&s.text),
                    actor: s.actor.map(actor_id),
                })
                .collect(),
            conditions: p
                .conditions
                .items()
                .iter()
                .map(|c| prose::blocks(c))
                .collect(),
            channels: p
                .channels
                .items()
                .iter()
                .map(|c| channel_view(p, c, words))
                .collect(),
            document_count: documents.iter().map(|g| g.items.len()).sum(),
            documents,
            forms: p
                .forms
                .items()
                .iter()
                .map(|f| form_view(catalogue, f))
                .collect(),
            fees: p.fees.items().iter().map(|f| fee_view(f, words)).collect(),
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
            legal_basis: p.legal_basis.items().iter().map(legal_view).collect(),
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
            sources: p
                .sources
                .iter()
                .map(|s| SourceView {
                    title: &s.title,
                    url: published_url(s.url.as_ref()),
                    retrieved_on: s.retrieved_on.as_ref().map(|d| d.value.vi()),
                    sha256: s.sha256.as_ref().map(|h| h.value.as_str()),
                    covers: s.covers.iter().map(|c| c.value.as_str()).collect(),
                })
                .collect(),
            body_html: entry.body.as_deref().map(crate::content::markdown::to_html),
            stable_url: None,
            qr_svg,
            missing: missing_views(p, words),
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
    /// By online level id: (id, count); `unknown` and `not_published` only when some are.
    pub by_online_level: Vec<(String, usize)>,
    /// Listed procedures whose record says nothing is charged.
    pub free: usize,
    /// Listed procedures whose record says something is charged.
    pub paid: usize,
    /// Listed procedures whose fees are unknown or not published (neither free nor paid).
    pub fees_missing: usize,
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
        let mut online_missing = [0usize; 2];
        let mut fields: HashMap<&str, usize> = HashMap::new();
        let (mut total, mut free, mut paid, mut upcoming) = (0, 0, 0, 0);
        for e in catalogue.listed() {
            total += 1;
            if let Some(i) = crate::model::Level::ALL
                .iter()
                .position(|l| *l == e.level())
            {
                levels[i] += 1;
            }
            match &e.procedure.online_level {
                Part::Known(level) => {
                    if let Some(i) = OnlineLevel::ALL.iter().position(|o| o == level) {
                        online[i] += 1;
                    }
                }
                Part::Missing(m) => {
                    online_missing
                        [usize::from(m.status == crate::model::MissingStatus::NotPublished)] += 1
                }
            }
            *fields.entry(e.procedure.field.value.as_str()).or_default() += 1;
            free += usize::from(e.procedure.is_known_free());
            paid += usize::from(e.procedure.is_known_paid());
            upcoming += usize::from(e.status == Status::Upcoming);
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
                .chain(
                    ["unknown", "not_published"]
                        .into_iter()
                        .zip(online_missing)
                        .filter(|(_, n)| *n > 0)
                        .map(|(id, n)| (id.to_owned(), n)),
                )
                .collect(),
            free,
            paid,
            fees_missing: total - free - paid,
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
    const REFORMATTED_KEYS: [&str; 12] = [
        "aliases",
        "sources",
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

    /// Every shape a record's fees can take, with what the summary (card, page, search result)
    /// and each fee's heading say: only what the record states.
    #[test]
    fn fee_summaries_state_only_what_the_record_says() {
        let words = Words::default();
        let cases: [(&str, &str, &[Option<&str>]); 14] = [
            ("[]", "Miễn phí", &[]),
            ("not_published", "Chưa công bố mức phí, lệ phí", &[]),
            ("unknown", "Chưa có thông tin về mức phí, lệ phí", &[]),
            (
                "{status: not_published, note: \"hỏi UBND\"}",
                "Chưa công bố mức phí, lệ phí",
                &[],
            ),
            (
                "[{id: a, kind: le_phi, amount: 0, text: \"Miễn lệ phí\"}]",
                "Miễn phí",
                &[Some("Miễn phí")],
            ),
            (
                "[{id: a, kind: le_phi, amount: 8000, unit: \"đồng/bản\", text: \"t\"}]",
                "8.000 đồng",
                &[Some("8.000 đồng/bản")],
            ),
            (
                "[{id: a, kind: le_phi, amount: 10, currency: USD, unit: \"USD/bản\", text: \"10 USD/bản\"}]",
                "10 USD",
                &[Some("10 USD/bản")],
            ),
            (
                "[{id: a, kind: le_phi, amount: 10, currency: USD, unit: \"/bản\", text: \"t\"}, {id: b, kind: phi, amount: 25, currency: USD, text: \"t\"}]",
                "Từ 10 USD",
                &[Some("10 USD/bản"), Some("25 USD")],
            ),
            (
                "[{id: a, kind: le_phi, amount: 10, currency: USD, text: \"t\"}, {id: b, kind: phi, amount: 8000, text: \"t\"}]",
                "Theo quy định",
                &[Some("10 USD"), Some("8.000 đồng")],
            ),
            (
                "[{id: a, kind: le_phi, unit: \"đồng/giấy\", text: \"t\", tiers: [{condition: \"Cấp mới\", amount: 50000}, {condition: \"Cấp lại\", amount: 25000}]}]",
                "Từ 25.000 đồng",
                &[None],
            ),
            (
                "[{id: a, kind: le_phi, text: \"t\", tiers: [{condition: \"Trẻ em\", amount: 0}, {condition: \"Người lớn\", amount: 50000}]}]",
                "50.000 đồng (có trường hợp được miễn)",
                &[None],
            ),
            (
                "[{id: a, kind: phi, text: \"Do HĐND tỉnh quy định\", set_by: {number: \"15/2025/NQ-HĐND\", title: \"Nghị quyết\"}}]",
                "Theo quy định",
                &[None],
            ),
            (
                "[{id: a, kind: le_phi, amount: 8000, text: \"t\"}, {id: b, kind: phi, text: \"Do HĐND tỉnh quy định\"}]",
                "Theo quy định",
                &[Some("8.000 đồng"), None],
            ),
            (
                "[{id: a, kind: le_phi, amount: 8000, text: \"t\", exemptions: [\"Trẻ em\"]}]",
                "8.000 đồng (có trường hợp được miễn)",
                &[Some("8.000 đồng")],
            ),
        ];
        for (yaml, summary, headings) in cases {
            let fees: Part<Vec<Fee>> = serde_saphyr::from_str(yaml).unwrap();
            assert_eq!(fee_summary(&fees, &words), summary, "{yaml}");
            let said: Vec<Option<String>> = fees
                .items()
                .iter()
                .map(|f| fee_amount_text(f, &words))
                .collect();
            let expected: Vec<Option<String>> =
                headings.iter().map(|h| h.map(str::to_owned)).collect();
            assert_eq!(said, expected, "{yaml}");
            let free = fees.known().is_some_and(|f| f.iter().all(Fee::is_free));
            assert_eq!(free, summary == "Miễn phí", "{yaml}");
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
