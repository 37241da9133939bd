//! Site-wide data: `content/site.yaml`, `content/fields.yaml` and `content/stats/*.yaml`.

use serde::{Deserialize, Serialize};
use serde_saphyr::Spanned;

use super::{Level, Text};
use crate::vi::Date;

/// `content/site.yaml`: the agency, its one-stop desk and how to reach it.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    /// Site title.
    pub title: Text,
    /// One sentence for search engines and the home page.
    #[serde(default)]
    pub description: Option<Text>,
    /// Absolute URL the site is published at; a path suffix is allowed.
    #[serde(default)]
    pub base_url: Option<Spanned<String>>,
    /// Main language (`vi`).
    #[serde(default = "default_language")]
    pub language: String,
    /// Further languages.
    #[serde(default)]
    pub languages: Vec<String>,
    /// The body publishing the catalogue.
    pub agency: Agency,
    /// The one-stop desk.
    pub desk: Desk,
    /// Opening hours of the desk.
    #[serde(default)]
    pub opening_hours: Vec<OpeningHours>,
    /// Days the desk is closed.
    #[serde(default)]
    pub closures: Vec<Closure>,
    /// Hotlines by category.
    #[serde(default)]
    pub hotlines: Vec<Hotline>,
    /// The default hotline for procedures without their own.
    #[serde(default)]
    pub hotline: Option<Text>,
    /// The feedback mailbox.
    #[serde(default)]
    pub feedback: Option<Feedback>,
    /// Officers who receive dossiers and return results.
    #[serde(default)]
    pub officers: Vec<Officer>,
    /// Officers shown on procedures that name none.
    #[serde(default)]
    pub default_officers: Vec<Spanned<String>>,
    /// Public postal service for dossiers and results.
    #[serde(default)]
    pub postal_service: Option<PostalService>,
    /// Online portals.
    #[serde(default)]
    pub online_portals: Vec<Portal>,
}

fn default_language() -> String {
    "vi".to_owned()
}

/// The agency.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Agency {
    /// "Ủy ban nhân dân phường Bình An".
    pub name: Text,
    /// Its level.
    pub level: Level,
    /// Province.
    #[serde(default)]
    pub province: Option<Text>,
    /// Address.
    #[serde(default)]
    pub address: Option<Text>,
}

/// The one-stop desk (Bộ phận Một cửa).
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Desk {
    /// Name.
    pub name: Text,
    /// Street address.
    pub address: Text,
    /// A map link.
    #[serde(default)]
    pub map_url: Option<Spanned<Text>>,
}

/// One row of opening hours, optionally limited to some fields ("Saturday morning, civil status
/// only").
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct OpeningHours {
    /// ISO weekday ids: mon … sun.
    pub days: Vec<Spanned<String>>,
    /// "07:30".
    pub opens: Spanned<String>,
    /// "11:30".
    pub closes: Spanned<String>,
    /// Field ids served in these hours; all when empty.
    #[serde(default)]
    pub fields: Vec<Spanned<String>>,
}

/// Days without service.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Closure {
    /// First day.
    pub from: Date,
    /// Last day; the same day when absent.
    #[serde(default)]
    pub to: Option<Date>,
    /// Why.
    pub reason: Text,
}

/// A hotline.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Hotline {
    /// What it is for.
    pub label: Text,
    /// Phone number as written.
    pub number: Text,
}

/// The feedback mailbox (hòm thư góp ý) and other ways to complain.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Feedback {
    /// Where the physical box is.
    #[serde(default)]
    pub r#box: Option<Text>,
    /// Email.
    #[serde(default)]
    pub email: Option<Text>,
    /// Postal address.
    #[serde(default)]
    pub postal_address: Option<Text>,
    /// Online form.
    #[serde(default)]
    pub online_form_url: Option<Spanned<Text>>,
    /// How soon an answer comes.
    #[serde(default)]
    pub response_time: Option<Text>,
}

/// An officer who receives dossiers and returns results.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Officer {
    /// Id used by records.
    pub id: Spanned<String>,
    /// Full name.
    pub name: Text,
    /// Position.
    pub title: Text,
    /// Counter at the desk.
    pub counter: Text,
    /// Phone.
    #[serde(default)]
    pub phone: Option<Text>,
    /// Fields handled.
    #[serde(default)]
    pub fields: Vec<Spanned<String>>,
}

/// Public postal service (QĐ 45/2016/QĐ-TTg).
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PostalService {
    /// Name.
    pub name: Text,
    /// Phone.
    #[serde(default)]
    pub phone: Option<Text>,
    /// Note.
    #[serde(default)]
    pub note: Option<Text>,
}

/// An online portal.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Portal {
    /// Name.
    pub name: Text,
    /// URL.
    pub url: Spanned<Text>,
}

/// A field (lĩnh vực) from `content/fields.yaml`.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Field {
    /// ASCII id used by records and URLs.
    pub id: Spanned<String>,
    /// Name.
    pub name: Text,
    /// Description.
    #[serde(default)]
    pub description: Option<Text>,
    /// Display order; by name when equal.
    #[serde(default)]
    pub order: Option<i64>,
}

/// Raw dossier counts for one period, from `content/stats/<period>.yaml`. Rates are computed,
/// never typed.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct StatsPeriod {
    /// Id of the period, "2025".
    pub period: Text,
    /// Label, "Năm 2025".
    pub label: Text,
    /// First day.
    pub from: Date,
    /// Last day.
    pub to: Date,
    /// Dossiers carried over from the previous period.
    #[serde(default)]
    pub carried_over: u64,
    /// Dossiers received, by channel.
    pub received: Received,
    /// Dossiers resolved.
    pub resolved: Resolved,
    /// Dossiers still being processed.
    #[serde(default)]
    pub in_progress: InProgress,
    /// Withdrawn by the applicant.
    #[serde(default)]
    pub withdrawn: u64,
    /// Returned as invalid.
    #[serde(default)]
    pub returned: u64,
}

/// Received dossiers by channel.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Received {
    /// Fully online.
    #[serde(default)]
    pub online_full: u64,
    /// Partly online.
    #[serde(default)]
    pub online_partial: u64,
    /// In person.
    #[serde(default)]
    pub in_person: u64,
    /// By post.
    #[serde(default)]
    pub postal: u64,
}

/// Resolved dossiers by timeliness.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Resolved {
    /// Before the deadline.
    #[serde(default)]
    pub early: u64,
    /// On the deadline.
    #[serde(default)]
    pub on_time: u64,
    /// After it.
    #[serde(default)]
    pub late: u64,
}

/// Dossiers in progress.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct InProgress {
    /// Not yet due.
    #[serde(default)]
    pub not_due: u64,
    /// Overdue.
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
