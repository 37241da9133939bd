//! The change history as the site says it: each [`Recorded`] change in one sentence, in the
//! words of the site's language ("Phí, lệ phí: 8.000 đồng → Miễn phí"), with the summaries the
//! cards use (fees, processing time), so a part that is not stated is said as such.

use serde::Serialize;

use crate::model::history::{Change, Recorded};
use crate::model::{Catalogue, Part, ProcessingTime};
use crate::view::{Words, fee_summary, procedure_url};

/// One change as pages and feeds show it.
#[derive(Debug, Clone, Serialize)]
pub struct ChangeView {
    /// A stable id of the change: commit, code and its place among the record's changes in
    /// that commit.
    pub id: String,
    /// "dd/mm/yyyy".
    pub date: String,
    /// "yyyy-mm-dd".
    pub iso: String,
    /// The procedure's code.
    pub code: String,
    /// Its title now.
    pub title: String,
    /// Its page, relative to the site root.
    pub url: String,
    /// Its field id.
    pub field: String,
    /// The change in one sentence.
    pub text: String,
}

/// The view of every change of `catalogue.history`, at the same indexes; `None` for a change
/// of a procedure the catalogue no longer has (no page to show it on).
pub fn change_views(catalogue: &Catalogue, words: &Words) -> Vec<Option<ChangeView>> {
    catalogue
        .history
        .changes
        .iter()
        .map(|c| {
            let entry = catalogue.by_code(&c.code)?;
            Some(ChangeView {
                id: format!(
                    "{}-{}-{}",
                    c.commit,
                    crate::vi::code_segment(&c.code),
                    c.seq
                ),
                date: c.date.vi(),
                iso: c.date.iso(),
                code: c.code.to_string(),
                title: entry.title().to_owned(),
                url: procedure_url(&entry.slug),
                field: entry.procedure.field.value.clone(),
                text: sentence(c, words),
            })
        })
        .collect()
}

/// The change in one sentence: "Thời hạn giải quyết: 05 ngày làm việc → 03 ngày làm việc".
pub fn sentence(recorded: &Recorded, words: &Words) -> String {
    let label = |key: &str| words.history(key).to_owned();
    match &recorded.change {
        Change::Title { old, new } => format!("{}: {old} → {new}", label("title")),
        Change::Fees { old, new } => format!(
            "{}: {} → {}",
            label("fees"),
            fee_summary(old, words),
            fee_summary(new, words)
        ),
        Change::ProcessingTime { old, new } => format!(
            "{}: {} → {}",
            label("processing_time"),
            time_text(old, words),
            time_text(new, words)
        ),
        Change::DocumentAdded(name) => format!("{}: {name}", label("document_added")),
        Change::DocumentRemoved(name) => format!("{}: {name}", label("document_removed")),
        Change::Status { old, new, decision } => {
            let mut text = format!(
                "{}: {} → {}",
                label("status"),
                words.history(old.id()),
                words.history(new.id())
            );
            if let Some(number) = decision {
                text.push(' ');
                text.push_str(&words.history("by_decision").replace("{number}", number));
            }
            text
        }
    }
}

/// The processing time as the card says it: the record's words, or that it is not stated.
pub fn time_text(time: &Part<ProcessingTime>, words: &Words) -> String {
    match time {
        Part::Known(t) => t.text.to_string(),
        Part::Missing(m) => words.missing(m.status, "processing_time").to_owned(),
    }
}
