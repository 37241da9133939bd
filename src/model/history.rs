//! The change history of procedures: what changed between two committed versions of a record,
//! as typed values (a fee, a time limit, a document, the title, the status), not a text diff.
//!
//! `content::history` reads the versions from git and calls [`diff`]; the views say each
//! [`Change`] in the site's language.

use std::collections::{BTreeSet, HashMap};

use serde::{Deserialize, Serialize};

use crate::model::{
    Announcement, Change as AnnouncedChange, Documents, Fee, Part, Procedure, ProcessingTime,
    Status, Text,
};
use crate::vi::Date;

/// Every recorded change of the catalogue, newest first.
#[derive(Debug, Default, Clone)]
pub struct History {
    /// The changes, newest first (date, then the order of the commits, then code, then the
    /// order of [`diff`]).
    pub changes: Vec<Recorded>,
    /// Procedure code → indexes into `changes`, newest first.
    pub by_code: HashMap<String, Vec<usize>>,
}

impl History {
    /// The history of `changes`, put newest first. `changes` carry the position of their
    /// commit in `git log` (0 = newest) in `commit_order`.
    pub fn new(mut changes: Vec<Recorded>) -> History {
        changes.sort_by(|a, b| {
            b.date
                .cmp(&a.date)
                .then(a.commit_order.cmp(&b.commit_order))
                .then(a.code.cmp(&b.code))
                .then(a.seq.cmp(&b.seq))
        });
        let mut by_code: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, c) in changes.iter().enumerate() {
            by_code.entry(c.code.to_string()).or_default().push(i);
        }
        History { changes, by_code }
    }

    /// The changes of the procedure `code`, newest first.
    pub fn of(&self, code: &str) -> impl Iterator<Item = &Recorded> {
        self.by_code
            .get(code)
            .into_iter()
            .flatten()
            .map(|&i| &self.changes[i])
    }
}

/// One change of one procedure, in one commit.
#[derive(Debug, Clone)]
pub struct Recorded {
    /// The procedure's code.
    pub code: Text,
    /// The commit (full hash).
    pub commit: String,
    /// Its position in `git log`, newest first: orders changes of the same day.
    pub commit_order: usize,
    /// The decision's date when the new version adds a dated decision, else the commit's.
    pub date: Date,
    /// The position of the change among those of this record in this commit.
    pub seq: usize,
    /// The change.
    pub change: Change,
}

/// What changed. Kept in the build cache (as JSON) with the changes of each commit.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum Change {
    /// The title.
    Title {
        /// Before.
        old: Text,
        /// After.
        new: Text,
    },
    /// The fees (stated or not).
    Fees {
        /// Before.
        old: Part<Vec<Fee>>,
        /// After.
        new: Part<Vec<Fee>>,
    },
    /// The processing time (stated or not).
    ProcessingTime {
        /// Before.
        old: Part<ProcessingTime>,
        /// After.
        new: Part<ProcessingTime>,
    },
    /// A document the dossier did not have.
    DocumentAdded(Text),
    /// A document the dossier no longer has.
    DocumentRemoved(Text),
    /// The declared status.
    Status {
        /// Before.
        old: Status,
        /// After.
        new: Status,
        /// The number of the decision the new version adds (a repealing one first).
        decision: Option<Text>,
    },
}

/// The parts of a version of a record that [`diff`] compares, and its code, which tells which
/// record it is a version of: borrowed from a whole [`Procedure`] (a record as loaded) or from
/// a version read for the history alone.
#[derive(Debug, Clone, Copy)]
pub struct Compared<'a> {
    /// The code.
    pub code: &'a Text,
    /// The title.
    pub title: &'a Text,
    /// The declared status.
    pub status: Status,
    /// The fees.
    pub fees: &'a Part<Vec<Fee>>,
    /// The processing time.
    pub processing_time: &'a Part<ProcessingTime>,
    /// The dossier.
    pub documents: &'a Part<Documents>,
    /// The decisions that announced it.
    pub announcements: &'a [Announcement],
}

impl<'a> From<&'a Procedure> for Compared<'a> {
    fn from(p: &'a Procedure) -> Compared<'a> {
        Compared {
            code: &p.code.value,
            title: &p.title.value,
            status: p.status,
            fees: &p.fees,
            processing_time: &p.processing_time,
            documents: &p.documents,
            announcements: &p.announcements,
        }
    }
}

/// The changes from `old` to `new` (two versions of one record), and the date of the decision
/// `new` adds, when it gives one.
pub fn diff(old: Compared<'_>, new: Compared<'_>) -> (Vec<Change>, Option<Date>) {
    let mut changes = Vec::new();
    if old.title != new.title {
        changes.push(Change::Title {
            old: old.title.clone(),
            new: new.title.clone(),
        });
    }
    if !same_fees(old.fees, new.fees) {
        changes.push(Change::Fees {
            old: old.fees.clone(),
            new: new.fees.clone(),
        });
    }
    if !same_time(old.processing_time, new.processing_time) {
        changes.push(Change::ProcessingTime {
            old: old.processing_time.clone(),
            new: new.processing_time.clone(),
        });
    }
    // Documents are compared only when both versions state them: a dossier that became
    // "not published" did not lose its documents.
    if let (Some(before), Some(after)) = (document_names(&old), document_names(&new)) {
        for name in after.difference(&before) {
            changes.push(Change::DocumentAdded((*name).clone()));
        }
        for name in before.difference(&after) {
            changes.push(Change::DocumentRemoved((*name).clone()));
        }
    }
    // The decision the new version adds: a repealing one first when it repeals.
    let known: BTreeSet<&str> = old.announcements.iter().map(|a| &*a.number).collect();
    let added: Vec<_> = new
        .announcements
        .iter()
        .filter(|a| !known.contains(&*a.number))
        .collect();
    let decision = added
        .iter()
        .find(|a| new.status == Status::Repealed && a.change == Some(AnnouncedChange::Repealed))
        .or(added.first())
        .copied();
    if old.status != new.status {
        changes.push(Change::Status {
            old: old.status,
            new: new.status,
            decision: decision.map(|a| a.number.clone()),
        });
    }
    (changes, decision.and_then(|a| a.date))
}

/// The names of the documents in every group, once each, when the record states them.
fn document_names<'a>(p: &Compared<'a>) -> Option<BTreeSet<&'a Text>> {
    let documents = p.documents.known()?;
    Some(
        documents
            .0
            .iter()
            .flat_map(|g| g.items.iter().map(|d| &d.name))
            .collect(),
    )
}

/// Whether two statements of the fees say the same: the same missing status, or the same fees
/// (kind, amount, currency, unit, text and tiers) in the same order.
fn same_fees(a: &Part<Vec<Fee>>, b: &Part<Vec<Fee>>) -> bool {
    match (a, b) {
        (Part::Missing(a), Part::Missing(b)) => a.status == b.status,
        (Part::Known(a), Part::Known(b)) => {
            a.len() == b.len()
                && a.iter().zip(b).all(|(a, b)| {
                    a.kind == b.kind
                        && a.amount == b.amount
                        && a.currency == b.currency
                        && a.unit == b.unit
                        && a.text == b.text
                        && a.tiers.len() == b.tiers.len()
                        && a.tiers.iter().zip(&b.tiers).all(|(x, y)| {
                            x.amount == y.amount && x.unit == y.unit && x.condition == y.condition
                        })
                })
        }
        _ => false,
    }
}

/// Whether two statements of the processing time say the same.
fn same_time(a: &Part<ProcessingTime>, b: &Part<ProcessingTime>) -> bool {
    match (a, b) {
        (Part::Missing(a), Part::Missing(b)) => a.status == b.status,
        (Part::Known(a), Part::Known(b)) => {
            a.text == b.text && a.value == b.value && a.unit == b.unit
        }
        _ => false,
    }
}
