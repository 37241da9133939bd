//! The validated catalogue: what every later stage works from.

use std::collections::HashMap;

use crate::model::config::{Field, Officer, PageMeta, SiteConfig, StatsPeriod};
use crate::model::{Level, Procedure, Status};
use crate::vi::Date;

/// Everything the site is built from, validated: every reference resolves, codes and URLs are
/// unique, lists are sorted in Vietnamese order.
#[derive(Debug, Clone)]
pub struct Catalogue {
    /// `site.yaml`.
    pub site: SiteConfig,
    /// Fields, in their display order.
    pub fields: Vec<Field>,
    /// Procedures, sorted by title in Vietnamese order.
    pub procedures: Vec<Entry>,
    /// Statistics periods, newest first.
    pub stats: Vec<StatsPeriod>,
    /// Free pages.
    pub pages: Vec<Page>,
    /// Form files to publish.
    pub attachments: Vec<Attachment>,
    /// The files of `content/static/`, published as they are (path relative to that folder).
    pub static_files: Vec<Attachment>,
    /// "Today" for the build: `--now`, or the date of the last commit.
    pub now: Option<Date>,
    /// Index of `procedures` by code.
    pub by_code: HashMap<String, usize>,
    /// Whether the git history it was read with is partial (a shallow clone): last-change
    /// dates and old addresses may be missing.
    pub history_partial: bool,
    /// The changes of procedures between their committed versions (shared: `serve` reads
    /// git once and keeps it).
    pub history: std::sync::Arc<crate::model::history::History>,
}

/// One procedure and what was derived from its file.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The record (boxed, so that the catalogue's list of entries stays small to move).
    pub procedure: Box<Procedure>,
    /// The file it came from, relative to the site root.
    pub file: String,
    /// Its URL slug, unique in the catalogue.
    pub slug: String,
    /// Earlier slugs whose addresses redirect to its page: the record's `aliases` and the
    /// slugs git history shows it had, none of them a live page's.
    pub aliases: Vec<String>,
    /// The guide, as written (Markdown): the view renders it.
    pub body: Option<String>,
    /// Date of the last commit that touched the file.
    pub updated: Option<Date>,
    /// The status as of the catalogue's date ([`Procedure::status_on`]): what every page says.
    pub status: Status,
}

impl Entry {
    /// The procedure's code.
    pub fn code(&self) -> &str {
        &self.procedure.code.value
    }

    /// The procedure's title.
    pub fn title(&self) -> &str {
        &self.procedure.title.value
    }

    /// Whether it belongs in the active lists (repealed ones keep a page but leave the lists).
    pub fn is_listed(&self) -> bool {
        self.status != Status::Repealed
    }

    /// The level.
    pub fn level(&self) -> Level {
        self.procedure.level
    }
}

/// A free page (`content/pages/*.md`).
#[derive(Debug, Clone)]
pub struct Page {
    /// Front matter.
    pub meta: PageMeta,
    /// URL slug.
    pub slug: String,
    /// Body, as written (Markdown): the renderer renders it.
    pub body: String,
    /// Source file.
    pub file: String,
}

/// A file under `content/` published as is (forms).
#[derive(Debug, Clone)]
pub struct Attachment {
    /// Path relative to `content/`, `/`-separated; also its path in the output.
    pub path: String,
    /// Size in bytes.
    pub size: u64,
}

impl Catalogue {
    /// The field with this id.
    pub fn field(&self, id: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.id.value == id)
    }

    /// Each field by id, for looking fields up in a loop over procedures: [`Catalogue::field`]
    /// searches the list, which made such loops quadratic in large catalogues.
    pub fn fields_by_id(&self) -> HashMap<&str, &Field> {
        self.fields
            .iter()
            .map(|f| (f.id.value.as_str(), f))
            .collect()
    }

    /// The listed procedures of each field (indexes into `procedures`, in catalogue order), in
    /// the order of `fields`; one pass over the procedures.
    pub fn listed_by_field(&self) -> Vec<Vec<usize>> {
        let positions: HashMap<&str, usize> = self
            .fields
            .iter()
            .enumerate()
            .map(|(k, f)| (f.id.value.as_str(), k))
            .collect();
        let mut lists = vec![Vec::new(); self.fields.len()];
        for (i, entry) in self.procedures.iter().enumerate() {
            if entry.is_listed()
                && let Some(&k) = positions.get(entry.procedure.field.value.as_str())
            {
                lists[k].push(i);
            }
        }
        lists
    }

    /// The officer with this id.
    pub fn officer(&self, id: &str) -> Option<&Officer> {
        self.site.officers.iter().find(|o| o.id.value == id)
    }

    /// The procedure with this code.
    pub fn by_code(&self, code: &str) -> Option<&Entry> {
        self.by_code.get(code).map(|&i| &self.procedures[i])
    }

    /// Procedures that appear in lists (not repealed).
    pub fn listed(&self) -> impl Iterator<Item = &Entry> {
        self.procedures.iter().filter(|e| e.is_listed())
    }
}
