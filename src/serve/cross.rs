//! The checks across records (unique codes and slugs, references, officers in use), kept up to
//! date record by record so that an edit does not walk 10,000 records.
//!
//! The diagnostics are those of the functions [`crate::validate`] runs in a full build, called
//! on the few records concerned: [`validate::check_unique`] on the records that share a code or a
//! slug or stable link (or have an empty one), again only when one of them changed (the synthetic
//! catalogue of 10,000 has 1,500 records in shared slugs: checking them took 12 ms per edit),
//! [`validate::check_references`] on the records that name other procedures (again only when the
//! set of codes changed), [`validate::check_officers_named`] with counts of officer ids. The top
//! folders of form files are counted too, for [`validate::check_pages`].

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::Procedure;
use crate::model::config::SiteConfig;
use crate::validate::{self, CodeSet};

/// What the cross-record checks read of one record.
pub(super) struct Member<'a> {
    pub file: &'a str,
    pub procedure: &'a Procedure,
    pub slug: &'a str,
}

/// Indexes over the records that parsed, keyed by path (the order of a full check).
#[derive(Default)]
pub(super) struct Cross {
    /// Code → the records that have it.
    codes: HashMap<String, BTreeSet<PathBuf>>,
    /// Slug → the records published at it.
    slugs: HashMap<String, BTreeSet<PathBuf>>,
    /// Stable-link segment of the code ([`crate::vi::code_segment`]) → the records that have it.
    segments: HashMap<String, BTreeSet<PathBuf>>,
    /// Codes and slugs that are empty or shared: their records are the only ones
    /// `check_unique` can flag.
    shared_codes: BTreeSet<String>,
    shared_slugs: BTreeSet<String>,
    shared_segments: BTreeSet<String>,
    /// Officer id → number of records that name it.
    officers: HashMap<String, usize>,
    /// Top folder of form files ([`validate::form_folders`]) → number of forms in it.
    form_folders: HashMap<String, usize>,
    /// Diagnostics of [`validate::check_unique`] on the records in shared groups, as of the
    /// last check.
    unique: Diagnostics,
    /// A record in a shared group (or one it left) came or went since: `unique` is out of date.
    unique_stale: bool,
    /// The addresses that records in shared slugs take instead ([`validate::distinct_slug`]:
    /// the slug with the code after it), as of the last check. A record whose own slug is one
    /// of them takes the same address: it is checked with them.
    distinct: BTreeSet<String>,
    /// Records that name other procedures (`related`, `replaces`).
    referrers: BTreeSet<PathBuf>,
    /// Diagnostics of [`validate::check_references`] by record, where there are some.
    references: BTreeMap<PathBuf, Vec<Diagnostic>>,
    /// Records whose references are to be checked again.
    stale: BTreeSet<PathBuf>,
    /// Codes that disappeared or appeared since the last check: when there are some, every
    /// referrer is checked again. (An edit removes a record and adds it back: its code
    /// disappears and appears again, and nothing changed.)
    gone: BTreeSet<String>,
    appeared: BTreeSet<String>,
}

impl CodeSet for HashMap<String, BTreeSet<PathBuf>> {
    fn has(&self, code: &str) -> bool {
        !code.trim().is_empty() && self.contains_key(code)
    }
    fn codes(&self) -> impl Iterator<Item = &str> {
        self.keys()
            .map(String::as_str)
            .filter(|c| !c.trim().is_empty())
    }
}

impl Cross {
    /// Notes a record that parsed.
    pub fn add(&mut self, path: &Path, member: &Member<'_>) {
        let p = member.procedure;
        let code = p.code.value.as_str();
        let segment = crate::vi::code_segment(code);
        let group = self.codes.entry(code.to_owned()).or_default();
        group.insert(path.to_path_buf());
        if group.len() == 1 && !self.gone.remove(code) {
            self.appeared.insert(code.to_owned());
        }
        refresh_shared(&self.codes, &mut self.shared_codes, code);
        self.slugs
            .entry(member.slug.to_owned())
            .or_default()
            .insert(path.to_path_buf());
        refresh_shared(&self.slugs, &mut self.shared_slugs, member.slug);
        self.segments
            .entry(segment.clone())
            .or_default()
            .insert(path.to_path_buf());
        refresh_shared(&self.segments, &mut self.shared_segments, &segment);
        self.unique_stale |= self.in_shared(code, member.slug, &segment);
        for officer in &p.officers {
            *self.officers.entry(officer.value.clone()).or_default() += 1;
        }
        for folder in validate::form_folders(p) {
            *self.form_folders.entry(folder.to_owned()).or_default() += 1;
        }
        if !p.related.is_empty() || !p.replaces.is_empty() {
            self.referrers.insert(path.to_path_buf());
            self.stale.insert(path.to_path_buf());
        }
    }

    /// Forgets a record noted by [`Cross::add`] (with the same `member`).
    pub fn remove(&mut self, path: &Path, member: &Member<'_>) {
        let p = member.procedure;
        let code = p.code.value.as_str();
        let segment = crate::vi::code_segment(code);
        self.unique_stale |= self.in_shared(code, member.slug, &segment);
        if let Some(group) = self.codes.get_mut(code) {
            group.remove(path);
            if group.is_empty() {
                self.codes.remove(code);
                if !self.appeared.remove(code) {
                    self.gone.insert(code.to_owned());
                }
            }
        }
        refresh_shared(&self.codes, &mut self.shared_codes, code);
        if let Some(group) = self.slugs.get_mut(member.slug) {
            group.remove(path);
            if group.is_empty() {
                self.slugs.remove(member.slug);
            }
        }
        refresh_shared(&self.slugs, &mut self.shared_slugs, member.slug);
        if let Some(group) = self.segments.get_mut(&segment) {
            group.remove(path);
            if group.is_empty() {
                self.segments.remove(&segment);
            }
        }
        refresh_shared(&self.segments, &mut self.shared_segments, &segment);
        for officer in &p.officers {
            if let Some(n) = self.officers.get_mut(officer.value.as_str()) {
                *n -= 1;
                if *n == 0 {
                    self.officers.remove(officer.value.as_str());
                }
            }
        }
        for folder in validate::form_folders(p) {
            if let Some(n) = self.form_folders.get_mut(folder) {
                *n -= 1;
                if *n == 0 {
                    self.form_folders.remove(folder);
                }
            }
        }
        self.referrers.remove(path);
        self.references.remove(path);
        self.stale.remove(path);
    }

    /// Whether more than one record has `slug` (see [`validate::distinct_slug`]).
    pub fn shares_slug(&self, slug: &str) -> bool {
        self.slugs.get(slug).is_some_and(|g| g.len() > 1)
    }

    /// Whether some record names a form file in the top folder `folder` under content/.
    pub fn has_form_folder(&self, folder: &str) -> bool {
        self.form_folders.contains_key(folder)
    }

    /// Whether a record with this code, slug and code segment is in a group that
    /// [`validate::check_unique`] is run on.
    fn in_shared(&self, code: &str, slug: &str, segment: &str) -> bool {
        self.shared_codes.contains(code)
            || self.shared_slugs.contains(slug)
            || self.shared_segments.contains(segment)
            || self.distinct.contains(slug)
    }

    /// The cross-record diagnostics, as [`crate::validate::validate`] gives them. `member`
    /// finds a record that parsed by its path.
    pub fn check<'a>(
        &mut self,
        site: Option<&SiteConfig>,
        member: impl Fn(&Path) -> Option<Member<'a>>,
        diagnostics: &mut Diagnostics,
    ) {
        if self.unique_stale {
            (self.unique, self.distinct) = self.check_unique(&member);
            self.unique_stale = false;
        }
        diagnostics.extend(self.unique.clone());

        let stale: Vec<PathBuf> = if !self.gone.is_empty() || !self.appeared.is_empty() {
            self.referrers.iter().cloned().collect()
        } else {
            self.stale.iter().cloned().collect()
        };
        for path in stale {
            let found = member(&path)
                .map(|m| validate::check_references(m.file, m.procedure, &self.codes))
                .unwrap_or_default();
            if found.is_empty() {
                self.references.remove(&path);
            } else {
                self.references.insert(path, found);
            }
        }
        self.stale.clear();
        self.gone.clear();
        self.appeared.clear();
        for found in self.references.values() {
            diagnostics.extend_items(found.iter().cloned());
        }

        if let Some(site) = site {
            validate::check_officers_named(site, |id| self.officers.contains_key(id), diagnostics);
        }
    }

    /// [`validate::check_unique`] on the records in shared groups, found by `member`.
    /// [`validate::check_unique`] on the records in shared groups, and on those whose slug
    /// is an address a record in a shared slug takes; those addresses.
    fn check_unique<'a>(
        &self,
        member: &impl Fn(&Path) -> Option<Member<'a>>,
    ) -> (Diagnostics, BTreeSet<String>) {
        let shared = self
            .shared_codes
            .iter()
            .filter_map(|k| self.codes.get(k))
            .chain(self.shared_slugs.iter().filter_map(|k| self.slugs.get(k)))
            .chain(
                self.shared_segments
                    .iter()
                    .filter_map(|k| self.segments.get(k)),
            );
        let mut suspects: BTreeSet<&PathBuf> = shared.flatten().collect();
        let distinct: BTreeSet<String> = self
            .shared_slugs
            .iter()
            .filter_map(|k| self.slugs.get(k))
            .flatten()
            .filter_map(|p| member(p))
            .map(|m| validate::distinct_slug(m.slug, m.procedure, true))
            .collect();
        suspects.extend(distinct.iter().filter_map(|s| self.slugs.get(s)).flatten());
        let suspects: Vec<Member<'a>> = suspects.into_iter().filter_map(|p| member(p)).collect();
        let slugs: Vec<String> = suspects
            .iter()
            .map(|m| validate::distinct_slug(m.slug, m.procedure, self.shares_slug(m.slug)))
            .collect();
        let mut diagnostics = Diagnostics::new();
        validate::check_unique(
            suspects
                .iter()
                .zip(&slugs)
                .map(|(m, s)| (m.file, m.procedure, s.as_str())),
            &mut diagnostics,
        );
        (diagnostics, distinct)
    }
}

/// Keeps the set of `shared` keys (empty, or with more than one record) up to date for the
/// group `key` of `groups` after one of its records came or went.
fn refresh_shared(
    groups: &HashMap<String, BTreeSet<PathBuf>>,
    shared: &mut BTreeSet<String>,
    key: &str,
) {
    match groups.get(key) {
        Some(members) if key.trim().is_empty() || members.len() > 1 => {
            shared.insert(key.to_owned());
        }
        _ => {
            shared.remove(key);
        }
    }
}
