//! The site kept in memory between edits, and the partial rebuilds that keep it equal to a full
//! `build`.
//!
//! [`Site`] holds every record file as parsed (with its text and its own diagnostics), the last
//! good [`Catalogue`], the page plan, a fingerprint of each page's inputs and the [`Output`].
//! On a change it re-reads only the files that changed and runs the same pipeline functions as
//! `build` (the checks of [`crate::validate`], [`crate::render::plan`], the [`Renderer`],
//! [`crate::pipeline::index_site`]), but:
//!
//! - **validation** re-checks a record on its own only when its file changed; the checks across
//!   records (unique codes and slugs, `related`/`replaces`, officers in use) are kept up to date
//!   record by record (`cross.rs`) and re-run only on the records a change concerns;
//! - **the catalogue** is patched: entries of changed files are replaced (put in their sorted
//!   place), the rest are moved, not rebuilt;
//! - **the plan** and what the renderer computes from the entries ([`EntryParts`]: cards, who
//!   replaces whom, which listings exist) are kept while every entry keeps its [`plan_key`]
//!   (URL, title, code, field, level, agency, listed, `replaces`, in the same order): then only
//!   the changed entries' cards are made again, and only the pages that show a changed entry
//!   get a new fingerprint;
//! - **rendering** renders only the pages whose fingerprint changed. A page's fingerprint hashes
//!   what its template receives: its plan (URL, title, breadcrumbs, listing items), the stamps
//!   of the records and cards it shows, and the global values its template reads (found with
//!   Tera's template-variable analysis, so a template that starts showing `counts` in the footer
//!   makes every page depend on them without a change here);
//! - **the index step** (search data) is deferred: [`Site::apply`] publishes the pages first and
//!   [`Site::index`] then rebuilds the index and the pages that name its files, so the page being
//!   edited reloads without waiting for the search index of the whole catalogue.
//!
//! A change of the theme renders every page; a change of site.yaml, fields.yaml, statistics,
//! free pages or forms re-plans and renders everything. After `apply` and `index` the output
//! is byte-for-byte what `build` gives for the same files (`tests/serve.rs` checks it after
//! edits, additions, deletions and renames).
//!
//! When a page starts to depend on something new (a new [`PageKind`], a view that reads another
//! record), [`content_fingerprint`] must learn it; the equality test is the guard.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::cross::{Cross, Member};
use crate::content::{self, RawPage, RawRecord, git::GitDates};
use crate::diagnostics::{Diagnostic, Diagnostics, display_path};
use crate::model::config::{Field, SiteConfig, StatsPeriod};
use crate::model::{Attachment, Catalogue, Procedure};
use crate::output::{Output, OutputPath};
use crate::pipeline::{BuildOptions, Timings};
use crate::render::{EntryParts, PageKind, PagePlan, RenderOptions, Renderer, template_name};
use crate::theme::Theme;
use crate::validate::{self, SiteFacts};
use crate::vi::{self, Collation, Date};
use crate::view::Card;

/// A record file as last read.
struct RecordFile {
    /// Path relative to the root, `/`-separated.
    file: String,
    /// Its text, for snippets in diagnostics.
    text: String,
    /// Hash of the text.
    stamp: u64,
    /// The parsed record, or its mistakes (the first, serde's, then the others).
    parsed: Result<Parsed, Vec<Diagnostic>>,
}

/// What is derived from a record that parsed, once per change of its file.
struct Parsed {
    procedure: Box<Procedure>,
    body: Option<String>,
    slug: String,
    slug_problem: Option<Diagnostic>,
    /// Diagnostics of [`validate::check_record`]: they depend on the record and the site only.
    local: Vec<Diagnostic>,
    /// Slugs of the implementing agencies: whether their listings exist depends on them.
    agency_slugs: Vec<String>,
    /// [`address_key`]: what the settling of every record's address reads of this one.
    address_key: u64,
}

/// Everything under content/ but the records.
#[derive(Default)]
struct Rest {
    site: Option<SiteConfig>,
    fields: Vec<Field>,
    stats: Vec<StatsPeriod>,
    pages: Vec<RawPage>,
    /// Files under `content/static/`, published as they are.
    static_files: Vec<Attachment>,
    /// Problems in reading them and in checking site.yaml and fields.yaml.
    diagnostics: Diagnostics,
    facts: SiteFacts,
}

/// What an update changed, for the server (which pages to reload) and the terminal.
#[derive(Debug, Default)]
pub struct Update {
    /// Output paths added or whose bytes changed.
    pub changed: Vec<String>,
    /// Output paths removed.
    pub removed: Vec<String>,
    /// Pages whose record moved to another address in this update: old output path → new.
    pub moved: Vec<(String, String)>,
    /// Every page was rendered again (theme, configuration).
    pub full: bool,
    /// The content has errors now; the output was left as it was.
    pub errors: bool,
    /// Pages rendered.
    pub rendered: usize,
    /// The index step is still to run ([`Site::index`]).
    pub index_pending: bool,
    /// Time of each step.
    pub timings: Timings,
}

impl Update {
    /// True when the output changed.
    pub fn touched(&self) -> bool {
        !self.changed.is_empty() || !self.removed.is_empty()
    }
}

/// A site in memory, updated file by file. See the module documentation.
pub struct Site {
    options: BuildOptions,
    render_options: RenderOptions,
    theme: Theme,
    /// Records that moved to another address since the last update that rendered: (old
    /// output path, new).
    moves: Vec<(String, String)>,
    /// File → its address and old addresses, as of the last check.
    addresses: HashMap<String, (String, Vec<String>)>,
    /// The problems with the records' `aliases` found when `addresses` were settled.
    address_problems: Diagnostics,
    /// A record's [`address_key`] changed, or a record came or went, since `addresses` were
    /// settled: they are settled again at the next check.
    addresses_stale: bool,
    /// `addresses` were settled again since the catalogue was last compared with them
    /// ([`Site::note_moved_addresses`]).
    addresses_moved: bool,
    git: GitDates,
    now: Option<Date>,
    collation: Collation,
    rest: Rest,
    records: BTreeMap<PathBuf, RecordFile>,
    /// The checks across records, kept up to date record by record.
    cross: Cross,
    /// Records that did not parse or have problems of their own.
    problems: BTreeSet<PathBuf>,
    /// Position of each file's entry in the catalogue.
    positions: HashMap<String, usize>,
    /// Positions of the entries the last catalogue update replaced where they were; `None`
    /// when entries came, went or moved.
    in_place: Option<Vec<usize>>,
    /// Files whose catalogue entry is out of date (changed since the catalogue was built).
    pending: BTreeSet<String>,
    /// The catalogue must be built again from every record (site files changed).
    reassemble: bool,
    /// Every page must be rendered again (theme or site files changed).
    render_all: bool,
    catalogue: Option<Catalogue>,
    plans: Vec<PagePlan>,
    /// What every edit reads of the plan, by plan index.
    plan_index: PlanIndex,
    /// The entries' stamps, as of the last update.
    stamps: Option<Stamps>,
    /// Output path → fingerprint of the page's own inputs.
    /// Keyed by a hash of the path: 20,000 paths need not be copied on every edit.
    content_prints: HashMap<u64, u64>,
    /// Template → fingerprint of the global values it reads.
    global_prints: HashMap<&'static str, u64>,
    /// The index step's files and globals, as last built.
    index_files: BTreeSet<String>,
    index_globals: Vec<(&'static str, serde_json::Value)>,
    index_stale: bool,
    /// Attachments (form files) in the output.
    attachments: BTreeSet<String>,
    output: Output,
    diagnostics: Diagnostics,
    /// Defer the index step to [`Site::index`] (the server); `false` runs it in `apply`.
    defer_index: bool,
    /// Bumped each time the catalogue changes: an index job of an older one is stale.
    version: u64,
    /// Per record file: the stamps of its entry and card, kept between updates.
    prints: HashMap<String, EntryPrint>,
    /// What the renderer computed from the entries, kept between updates while the entries'
    /// [`plan_key`]s stay the same (only the cards of changed entries are made again).
    parts: Option<EntryParts>,
    /// [`plan_key`] of each catalogue entry when `plans` and `parts` were made: while they stay
    /// equal, the plan stays the same and is not made again.
    plan_keys: Vec<u64>,
}

/// The stamps of one catalogue entry (by file), computed when its file changes.
struct EntryPrint {
    /// The record: its file, text, slug and last-change date.
    entry: u64,
    /// Its card (what listings and the search page show).
    card: u64,
    /// Slugs of its implementing agencies.
    agencies: Vec<String>,
}

impl Site {
    /// Loads and renders the whole site, as `build` does but without publishing. The site may
    /// have errors: then [`Site::output`] is empty until they are fixed.
    pub fn open(options: &BuildOptions, render_options: RenderOptions) -> Site {
        // Watchers report absolute, resolved paths: compare them with a resolved root.
        let mut options = options.clone();
        if let Ok(root) = options.root.canonicalize() {
            options.root = root;
        }
        let options = &options;
        // Read before the records: every version the history compares is parsed from git.
        let mut git = content::git::read(&options.root);
        git.history = std::sync::Arc::new(
            content::history::read(&options.root, content::history::Versions::default()).history,
        );
        let now = options.now.or(git.head);
        let mut diagnostics = Diagnostics::new();
        let theme = match Theme::load(&options.root, &options.theme) {
            Ok(theme) => theme,
            Err(d) => {
                diagnostics.extend(d);
                Theme::embedded()
            }
        };
        let mut site = Site {
            options: options.clone(),
            render_options,
            theme,
            git,
            moves: Vec::new(),
            addresses: HashMap::new(),
            address_problems: Diagnostics::new(),
            addresses_stale: true,
            addresses_moved: true,
            now,
            collation: Collation::new(),
            rest: Rest::default(),
            records: BTreeMap::new(),
            cross: Cross::default(),
            problems: BTreeSet::new(),
            positions: HashMap::new(),
            in_place: None,
            pending: BTreeSet::new(),
            reassemble: true,
            render_all: true,
            catalogue: None,
            plans: Vec::new(),
            plan_index: PlanIndex::default(),
            stamps: None,
            content_prints: HashMap::new(),
            global_prints: HashMap::new(),
            index_files: BTreeSet::new(),
            index_globals: Vec::new(),
            index_stale: true,
            attachments: BTreeSet::new(),
            output: Output::default(),
            diagnostics,
            defer_index: false,
            version: 0,
            prints: HashMap::new(),
            parts: None,
            plan_keys: Vec::new(),
        };
        site.reload_rest();
        let files = content::record_files(&options.root);
        let read: Vec<(PathBuf, RecordFile)> = files
            .into_par_iter()
            .map(|path| {
                let record = read_record(&options.root, &path, &site.rest.facts);
                (path, record)
            })
            .collect();
        for (path, record) in read {
            site.insert_record(path, record);
        }
        site.rebuild(Timings::default(), false);
        site
    }

    /// Defers the index step of later updates to [`Site::index`].
    pub fn defer_index(&mut self, defer: bool) {
        self.defer_index = defer;
    }

    /// The site root.
    pub fn root(&self) -> &Path {
        &self.options.root
    }

    /// The rendered site: the last one without errors.
    pub fn output(&self) -> &Output {
        &self.output
    }

    /// The diagnostics of the content as it is now on disk.
    pub fn diagnostics(&self) -> &Diagnostics {
        &self.diagnostics
    }

    /// The language of the site (`vi` unless site.yaml says otherwise).
    pub fn language(&self) -> &str {
        self.rest
            .site
            .as_ref()
            .map(|s| s.language.as_str())
            .unwrap_or("vi")
    }

    /// Number of procedures in the last good catalogue.
    pub fn procedures(&self) -> usize {
        self.catalogue.as_ref().map_or(0, |c| c.procedures.len())
    }

    /// Re-reads the files at `paths` (absolute, or relative to the root; changed, created or
    /// deleted) and updates the output. Paths outside content/ and the theme are ignored.
    pub fn apply(&mut self, paths: &[PathBuf]) -> Update {
        let mut theme = false;
        let mut rest = false;
        let mut rescan = false;
        let mut records: BTreeSet<PathBuf> = BTreeSet::new();
        for path in paths {
            let path = if path.is_absolute() {
                path.clone()
            } else {
                self.options.root.join(path)
            };
            match self.classify(&path) {
                Reach::Record(p) => {
                    records.insert(p);
                }
                Reach::Records => rescan = true,
                Reach::Rest => rest = true,
                Reach::Theme => theme = true,
                Reach::Nothing => {}
            }
        }
        let mut timings = Timings::default();
        if !(theme || rest || rescan || !records.is_empty()) {
            return Update {
                errors: self.diagnostics.has_errors(),
                ..Update::default()
            };
        }
        if theme {
            timings.time("theme", || self.reload_theme());
        }
        if rest {
            timings.time("site", || self.reload_rest());
        }
        timings.time("load", || {
            if rescan {
                let on_disk: BTreeSet<PathBuf> = content::record_files(&self.options.root)
                    .into_iter()
                    .collect();
                let known: Vec<PathBuf> = self.records.keys().cloned().collect();
                records.extend(known.into_iter().filter(|p| !on_disk.contains(p)));
                records.extend(
                    on_disk
                        .into_iter()
                        .filter(|p| !self.records.contains_key(p)),
                );
            }
            for path in records {
                self.reread(path);
            }
        });
        self.rebuild(timings, self.defer_index)
    }

    /// True when an update deferred the index step and [`Site::index`] has work to do.
    pub fn index_pending(&self) -> bool {
        self.index_stale && self.catalogue.is_some() && !self.diagnostics.has_errors()
    }

    /// Runs the index step if an update deferred it, and renders the pages that name its files.
    pub fn index(&mut self) -> Update {
        match self.index_job() {
            Some(job) => {
                let result = job.run();
                self.finish_index(result)
            }
            None => Update::default(),
        }
    }

    /// The deferred index step as a job that can run on another thread while edits go on: it
    /// owns a copy of the catalogue as it is now. [`Site::finish_index`] takes its result.
    pub fn index_job(&self) -> Option<IndexJob> {
        if !self.index_pending() {
            return None;
        }
        Some(IndexJob {
            version: self.version,
            catalogue: self.catalogue.clone()?,
            theme: self.theme.clone(),
        })
    }

    /// Publishes the result of an [`IndexJob`]: its files, and the pages whose templates read
    /// the values it changed. A result computed from a catalogue that has changed since is
    /// dropped (the index stays pending, for a new job).
    pub fn finish_index(&mut self, result: IndexResult) -> Update {
        let mut update = Update {
            timings: result.timings,
            ..Update::default()
        };
        let index = match result.index {
            Ok(index) if result.version == self.version && self.index_pending() => index,
            _ => return update,
        };
        let Some(catalogue) = &self.catalogue else {
            return update;
        };
        // The renderer of the last rebuild: its templates compiled and its cards made.
        let parts = self
            .parts
            .take()
            .unwrap_or_else(|| EntryParts::new(catalogue, &self.theme));
        let mut renderer =
            match Renderer::with_parts(catalogue, &self.theme, &self.render_options, parts) {
                Ok(r) => r,
                Err(d) => {
                    self.diagnostics.extend(d);
                    update.errors = true;
                    return update;
                }
            };
        for (key, value) in &index.globals {
            renderer.set_global(key, value);
        }
        let global_prints = global_fingerprints(&mut renderer, &self.plan_index.template_set);
        let dirty: Vec<&PagePlan> = self
            .plan_index
            .stale_pages(&self.global_prints, &global_prints)
            .into_iter()
            .map(|i| &self.plans[i])
            .collect();
        let rendered = match update
            .timings
            .time("render", || render_pages(&renderer, &dirty))
        {
            Ok(r) => r,
            Err(d) => {
                self.diagnostics.extend(d);
                update.errors = true;
                return update;
            }
        };
        update.rendered = rendered.len();
        for (path, bytes) in rendered {
            put(&mut self.output, &mut update, path, bytes);
        }
        replace_index_files(
            &mut self.output,
            &mut self.index_files,
            &mut update,
            index.files,
        );
        self.index_globals = index.globals;
        self.index_stale = false;
        self.global_prints = global_prints;
        self.parts = Some(renderer.into_parts());
        update
    }

    fn classify(&self, path: &Path) -> Reach {
        let root = &self.options.root;
        let Ok(relative) = path.strip_prefix(root) else {
            return Reach::Nothing;
        };
        let parts: Vec<String> = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        let Some(name) = parts.last() else {
            return Reach::Nothing;
        };
        // Editors' swap, backup and temporary files; `content/static/.well-known/` is published.
        let well_known = parts.len() > 3
            && parts[0] == "content"
            && parts[1] == content::STATIC
            && parts[2] == ".well-known";
        if parts
            .iter()
            .skip(if well_known { 3 } else { 0 })
            .any(|p| p.starts_with('.'))
            || name.ends_with('~')
            || name.ends_with(".swp")
            || name.ends_with(".tmp")
            || name.starts_with('#')
        {
            return Reach::Nothing;
        }
        match parts.first().map(String::as_str) {
            Some("content") if parts.get(1).map(String::as_str) == Some("procedures") => {
                let extension = path.extension().and_then(|e| e.to_str());
                match extension {
                    Some(e) if content::RECORD_EXTENSIONS.contains(&e) && !path.is_dir() => {
                        Reach::Record(path.to_path_buf())
                    }
                    // A folder created, renamed or removed: compare the list of files.
                    _ if path.is_dir() || !path.exists() => Reach::Records,
                    _ => Reach::Nothing,
                }
            }
            Some("content") => Reach::Rest,
            Some("themes") if parts.get(1) == Some(&self.options.theme) => Reach::Theme,
            _ => Reach::Nothing,
        }
    }

    fn reread(&mut self, path: PathBuf) {
        let file = display_path(&self.options.root, &path);
        self.pending.insert(file);
        let old_address = self.records.remove(&path).and_then(|old| {
            if let Some(m) = member(&old) {
                self.cross.remove(&path, &m);
            }
            self.problems.remove(&path);
            let parsed = old.parsed.ok()?;
            Some((parsed.address_key, parsed.slug))
        });
        let old_key = old_address.as_ref().map(|(key, _)| *key);
        let mut new_key = None;
        if path.is_file() {
            let record = read_record(&self.options.root, &path, &self.rest.facts);
            new_key = record.parsed.as_ref().ok().map(|p| p.address_key);
            // A record whose address changes: the page open at the old one follows it. The
            // site stays what `build` makes of the files (the redirect comes with the commit,
            // from git history).
            if let (Some((_, old_slug)), Ok(parsed)) = (old_address, &record.parsed)
                && parsed.slug != old_slug
            {
                let page = |slug: &str| format!("{}index.html", crate::view::procedure_url(slug));
                self.moves.push((page(&old_slug), page(&parsed.slug)));
            }
            self.insert_record(path, record);
        }
        // Most edits leave what addresses are made of as it was: then every record keeps its
        // address and old addresses, and they are not settled again over the whole catalogue.
        self.addresses_stale |= old_key != new_key;
    }

    /// Adds a record that is not in `records` yet, and notes it in the cross-record indexes.
    fn insert_record(&mut self, path: PathBuf, record: RecordFile) {
        if let Some(m) = member(&record) {
            self.cross.add(&path, &m);
        }
        if has_problems(&record) {
            self.problems.insert(path.clone());
        }
        self.records.insert(path, record);
    }

    fn reload_theme(&mut self) {
        // A theme file that cannot be read keeps the theme as it was; template errors are
        // reported by the render step.
        if let Ok(theme) = Theme::load(&self.options.root, &self.options.theme) {
            self.theme = theme;
        }
        self.render_all = true;
    }

    fn reload_rest(&mut self) {
        let loaded = content::load_site(&self.options.root);
        let mut diagnostics = loaded.diagnostics;
        let facts = validate::check_site_files(
            loaded.site.as_ref(),
            &loaded.fields,
            self.now,
            &mut diagnostics,
        );
        self.rest = Rest {
            site: loaded.site,
            fields: loaded.fields,
            stats: loaded.stats,
            pages: loaded.pages,
            static_files: loaded.static_files,
            diagnostics,
            facts,
        };
        // Field and officer ids may have changed: check every record against them again.
        let root = &self.options.root;
        let facts = &self.rest.facts;
        self.records.par_iter_mut().for_each(|(_, record)| {
            if let Ok(parsed) = &mut record.parsed {
                parsed.local = validate::check_record(root, &record.file, &parsed.procedure, facts);
            }
        });
        self.problems = self
            .records
            .iter()
            .filter(|(_, r)| has_problems(r))
            .map(|(p, _)| p.clone())
            .collect();
        self.reassemble = true;
        self.render_all = true;
    }

    /// Validates, patches the catalogue, plans and renders what changed.
    fn rebuild(&mut self, mut timings: Timings, defer_index: bool) -> Update {
        let diagnostics = timings.time("validate", || self.check());
        let errors = diagnostics.has_errors();
        self.diagnostics = diagnostics;
        if errors || self.rest.site.is_none() {
            return Update {
                errors: true,
                timings,
                ..Update::default()
            };
        }
        self.note_moved_addresses();
        // The files whose entries change in this update (all of them when the catalogue is
        // built again).
        let changed_files: BTreeSet<String> = self.pending.clone();
        let rebuilt = self.reassemble;
        timings.time("catalogue", || self.update_catalogue());
        let Some(catalogue) = &self.catalogue else {
            return Update::default();
        };
        let labels = self.theme.labels(&catalogue.site.language);
        let full = self.render_all || self.output.is_empty() || rebuilt;
        // The plan is made again only when what it reads of the records changed (or when
        // everything is rendered again: site files, theme).
        let in_place = self
            .in_place
            .take()
            .filter(|_| !full && self.plan_keys.len() == catalogue.procedures.len());
        let plan_keys: Vec<u64> = timings.time("plan keys", || match &in_place {
            Some(at) => {
                let mut keys = self.plan_keys.clone();
                for &i in at {
                    keys[i] = plan_key(&catalogue.procedures[i]);
                }
                keys
            }
            None => catalogue.procedures.par_iter().map(plan_key).collect(),
        });
        let same_entries = !rebuilt && plan_keys == self.plan_keys;
        let replan = full || !same_entries;
        // Catalogue indexes of the entries of changed files.
        let changed: Vec<usize> = match &in_place {
            Some(at) => at.clone(),
            None => catalogue
                .procedures
                .iter()
                .enumerate()
                .filter(|(_, e)| changed_files.contains(&e.file))
                .map(|(i, _)| i)
                .collect(),
        };
        let parts = self.parts.take();
        // Planning and compiling the renderer both read the whole catalogue, independently.
        let (new_plans, renderer) = timings.time("plan+renderer", || {
            rayon::join(
                || replan.then(|| crate::render::plan(catalogue, &labels)),
                || {
                    let parts = match parts {
                        // When everything is rendered again (the theme or the site files
                        // changed), the cards are made again too: their words come from the
                        // theme.
                        Some(mut parts) if same_entries && !full => {
                            parts.update_cards(catalogue, &changed);
                            parts
                        }
                        _ => EntryParts::new(catalogue, &self.theme),
                    };
                    Renderer::with_parts(catalogue, &self.theme, &self.render_options, parts)
                },
            )
        });
        let plans: &[PagePlan] = new_plans.as_deref().unwrap_or(&self.plans);
        let mut renderer = match renderer {
            Ok(r) => r,
            Err(d) => {
                self.diagnostics.extend(d);
                return Update {
                    errors: true,
                    timings,
                    ..Update::default()
                };
            }
        };
        let run_index = full || !defer_index;
        let index = match run_index.then(|| {
            timings.time("index", || {
                crate::pipeline::index_site(catalogue, renderer.cards(), &labels)
            })
        }) {
            Some(Err(d)) => {
                self.diagnostics.extend(d);
                return Update {
                    errors: true,
                    timings,
                    ..Update::default()
                };
            }
            index => index.map(|i| i.unwrap_or_default()),
        };
        let globals = match &index {
            Some(index) => &index.globals,
            None => &self.index_globals,
        };
        for (key, value) in globals {
            renderer.set_global(key, value);
        }

        let stamps = timings.time("stamps", || {
            refresh_prints(
                &mut self.prints,
                &self.options.root,
                &self.records,
                catalogue,
                renderer.cards(),
                &changed_files,
                (!full).then_some(changed.as_slice()),
            );
            match self.stamps.take() {
                Some(mut stamps) if !replan => {
                    stamps.update(catalogue, &self.prints, &changed);
                    stamps
                }
                _ => Stamps::new(catalogue, &self.prints),
            }
        });
        let new_index = new_plans.as_deref().map(|plans| {
            timings.time("plan index", || {
                PlanIndex::new(plans, catalogue.procedures.len())
            })
        });
        let plan_index = new_index.as_ref().unwrap_or(&self.plan_index);
        // The new fingerprints, and (when the plan is the same) the pages whose fingerprint
        // changed.
        let (content_prints, changed_pages) = timings.time("prints", || {
            if replan {
                let prints: Vec<(u64, u64)> = plans
                    .par_iter()
                    .zip(&plan_index.keys)
                    .map(|(p, key)| (*key, content_fingerprint(p, catalogue, &stamps)))
                    .collect();
                (prints.into_iter().collect(), None)
            } else {
                // Same plan: only the pages that show a changed entry can have another
                // fingerprint.
                let pages: BTreeSet<usize> = changed
                    .iter()
                    .flat_map(|&i| &plan_index.shown_in[i])
                    .map(|&p| p as usize)
                    .collect();
                let fresh: Vec<(usize, u64)> = pages
                    .into_par_iter()
                    .map(|i| (i, content_fingerprint(&plans[i], catalogue, &stamps)))
                    .collect();
                let mut prints = self.content_prints.clone();
                let mut changed_pages = Vec::new();
                for (i, print) in fresh {
                    if prints.insert(plan_index.keys[i], print) != Some(print) {
                        changed_pages.push(i);
                    }
                }
                (prints, Some(changed_pages))
            }
        });
        let global_prints = timings.time("globals", || {
            global_fingerprints(&mut renderer, &plan_index.template_set)
        });

        let mut update = Update {
            full,
            timings: Timings::default(),
            ..Update::default()
        };
        if full {
            let output = match timings.time("render", || {
                let mut output = renderer.render_pages(plans)?;
                output.extend(crate::pipeline::copied_files(
                    catalogue,
                    &self.options.root,
                    &self.theme,
                    renderer.assets(),
                )?);
                Ok::<_, Diagnostics>(output)
            }) {
                Ok(output) => output,
                Err(d) => {
                    self.diagnostics.extend(d);
                    update.errors = true;
                    update.timings = timings;
                    return update;
                }
            };
            let mut output = output;
            let index = index.unwrap_or_default();
            self.index_files = index.files.iter().map(|(p, _)| p.to_string()).collect();
            output.extend(index.files);
            self.index_globals = index.globals;
            for (path, bytes) in output.iter() {
                if self.output.get(path.as_str()) != Some(bytes.as_slice()) {
                    update.changed.push(path.to_string());
                }
            }
            for (path, _) in self.output.iter() {
                if output.get(path.as_str()).is_none() {
                    update.removed.push(path.to_string());
                }
            }
            update.rendered = plans.len();
            self.attachments = catalogue
                .attachments
                .iter()
                .map(|a| a.path.clone())
                .collect();
            self.output = output;
            self.index_stale = false;
        } else {
            // Pages whose templates read global values that changed, and pages whose own
            // inputs changed.
            let mut dirty = plan_index.stale_pages(&self.global_prints, &global_prints);
            match &changed_pages {
                Some(pages) => dirty.extend(pages),
                None => dirty.extend((0..plans.len()).filter(|&i| {
                    let key = plan_index.keys[i];
                    self.content_prints.get(&key) != content_prints.get(&key)
                })),
            }
            let dirty: Vec<&PagePlan> = dirty.into_iter().map(|i| &plans[i]).collect();
            let rendered = match timings.time("render", || render_pages(&renderer, &dirty)) {
                Ok(r) => r,
                Err(d) => {
                    self.diagnostics.extend(d);
                    update.errors = true;
                    update.timings = timings;
                    return update;
                }
            };
            update.rendered = rendered.len();
            for (path, bytes) in rendered {
                put(&mut self.output, &mut update, path, bytes);
            }
            if replan {
                for (old, key) in self.plans.iter().zip(&self.plan_index.keys) {
                    if !content_prints.contains_key(key) && self.output.remove(&old.path).is_some()
                    {
                        update.removed.push(old.path.clone());
                    }
                }
            }
            // Form files named by the records.
            let attachments: BTreeSet<String> = catalogue
                .attachments
                .iter()
                .map(|a| a.path.clone())
                .collect();
            for gone in self.attachments.difference(&attachments) {
                if self.output.remove(gone).is_some() {
                    update.removed.push(gone.clone());
                }
            }
            for new in attachments.difference(&self.attachments) {
                let source = self.options.root.join("content").join(new);
                if let (Ok(path), Ok(bytes)) =
                    (OutputPath::new(new.clone()), std::fs::read(&source))
                {
                    put(&mut self.output, &mut update, path, bytes);
                }
            }
            self.attachments = attachments;
            match index {
                Some(index) => {
                    replace_index_files(
                        &mut self.output,
                        &mut self.index_files,
                        &mut update,
                        index.files,
                    );
                    self.index_globals = index.globals;
                    self.index_stale = false;
                }
                None => {
                    self.index_stale = true;
                    update.index_pending = true;
                }
            }
        }
        self.parts = Some(renderer.into_parts());
        // Freeing 20,000 plans takes a while: not on the way to the reload.
        let old_plans = new_plans.map(|plans| std::mem::replace(&mut self.plans, plans));
        let old_index = new_index.map(|index| std::mem::replace(&mut self.plan_index, index));
        let old_prints = std::mem::replace(&mut self.content_prints, content_prints);
        std::thread::spawn(move || drop((old_plans, old_index, old_prints)));
        self.plan_keys = plan_keys;
        self.stamps = Some(stamps);
        self.global_prints = global_prints;
        self.render_all = false;
        update.moved = std::mem::take(&mut self.moves);
        update.timings = timings;
        update
    }

    /// Every check of `validate`: the per-record ones taken from the cache, the ones across
    /// records from [`Cross`].
    fn check(&mut self) -> Diagnostics {
        let mut diagnostics = self.rest.diagnostics.clone();
        for path in &self.problems {
            let Some(record) = self.records.get(path) else {
                continue;
            };
            match &record.parsed {
                Err(mistakes) => {
                    diagnostics.mark_broken(&record.file, content::declared_code(&record.text));
                    diagnostics.extend_items(mistakes.iter().cloned());
                }
                Ok(parsed) => {
                    diagnostics.extend_items(parsed.local.iter().cloned());
                    diagnostics.extend_items(parsed.slug_problem.clone());
                }
            }
        }
        let records = &self.records;
        let mut cross = Diagnostics::new();
        self.cross.check(
            self.rest.site.as_ref(),
            |path| records.get(path).and_then(member),
            &mut cross,
        );
        // Addresses are settled here, when an update changed what they are made of: the
        // catalogue step reads them.
        if self.addresses_stale {
            (self.addresses, self.address_problems) = self.addresses();
            self.addresses_stale = false;
            self.addresses_moved = true;
        }
        cross.extend(self.address_problems.clone());
        validate::check_stats(&self.rest.stats, &mut cross);
        validate::check_pages(
            &self.rest.pages,
            |folder| self.cross.has_form_folder(folder),
            &self.rest.static_files,
            &mut cross,
        );
        // Only the files that are quoted need their text: not 10,000 records on every edit.
        let root = &self.options.root;
        let quoted: BTreeSet<PathBuf> = cross.iter().map(|d| root.join(&d.file)).collect();
        diagnostics.extend(cross);
        for path in self.problems.iter().chain(&quoted) {
            if let Some(record) = records.get(path) {
                diagnostics.add_source(&record.file, &record.text);
            }
        }
        diagnostics.settle();
        diagnostics
    }

    /// The address and the old addresses of every record that reads, by file, and the
    /// problems of the records' own `aliases` ([`validate::distinct_slug`] and
    /// [`validate::settle_aliases`], as the build does).
    fn addresses(&self) -> (HashMap<String, (String, Vec<String>)>, Diagnostics) {
        let mut slugs: Vec<(&str, &crate::model::Procedure, String)> = self
            .records
            .values()
            .filter_map(|r| {
                let parsed = r.parsed.as_ref().ok()?;
                let shared = self.cross.shares_slug(&parsed.slug);
                let slug = validate::distinct_slug(&parsed.slug, &parsed.procedure, shared);
                Some((r.file.as_str(), &*parsed.procedure, slug))
            })
            .collect();
        slugs.sort_by(|a, b| a.0.cmp(b.0));
        let members: Vec<(&str, &crate::model::Procedure, &str)> =
            slugs.iter().map(|(f, p, s)| (*f, *p, s.as_str())).collect();
        let mut diagnostics = Diagnostics::new();
        let aliases = validate::settle_aliases(&members, &self.git.old_slugs, &mut diagnostics);
        let by_file = slugs
            .into_iter()
            .zip(aliases)
            .map(|((file, _, slug), a)| (file.to_owned(), (slug, a)))
            .collect();
        (by_file, diagnostics)
    }

    /// Marks as changed the records that did not change but whose address or old addresses
    /// did (a record now shares their slug, an old address became live or free): their pages
    /// come or go, so the catalogue is put together again.
    fn note_moved_addresses(&mut self) {
        // Addresses that were not settled again are those the catalogue was made with.
        if !std::mem::take(&mut self.addresses_moved) {
            return;
        }
        let Some(catalogue) = &self.catalogue else {
            return;
        };
        let addresses = &self.addresses;
        let moved: Vec<String> = catalogue
            .procedures
            .iter()
            .filter(|e| {
                !self.pending.contains(&e.file)
                    && addresses
                        .get(&e.file)
                        .is_some_and(|(slug, a)| *slug != e.slug || *a != e.aliases)
            })
            .map(|e| e.file.clone())
            .collect();
        if !moved.is_empty() {
            self.pending.extend(moved);
            self.reassemble = true;
        }
    }

    /// Brings the catalogue up to date with the records: patched when only records changed,
    /// built again when the site files did.
    fn update_catalogue(&mut self) {
        let addresses = &self.addresses;
        let Some(site) = &self.rest.site else {
            return;
        };
        let git = &self.git;
        let now = self.now;
        let collation = &self.collation;
        let entry_of = |r: &RecordFile| -> Option<crate::model::Entry> {
            let parsed = r.parsed.as_ref().ok()?;
            Some(validate::entry(
                RawRecord {
                    file: r.file.clone(),
                    procedure: parsed.procedure.clone(),
                    body: parsed.body.clone(),
                },
                addresses
                    .get(&r.file)
                    .map_or_else(|| parsed.slug.clone(), |(slug, _)| slug.clone()),
                addresses
                    .get(&r.file)
                    .map(|(_, a)| a.clone())
                    .unwrap_or_default(),
                git,
                now,
            ))
        };
        self.in_place = None;
        match self.catalogue.take() {
            Some(mut catalogue) if !self.reassemble => {
                // Most edits keep the record where it was in the order: replace it there, and
                // nothing else moves.
                if let Some(at) = self.replace_in_place(&mut catalogue, &entry_of) {
                    self.in_place = Some(at);
                    self.catalogue = Some(catalogue);
                } else {
                    let mut entries = std::mem::take(&mut catalogue.procedures);
                    entries.retain(|e| !self.pending.contains(&e.file));
                    let by_file: HashMap<&str, &RecordFile> = self
                        .records
                        .values()
                        .filter(|r| self.pending.contains(&r.file))
                        .map(|r| (r.file.as_str(), r))
                        .collect();
                    // The others stay sorted: each new entry goes where a sort would put it
                    // (codes are unique, so the order is total), without moving 10,000 entries
                    // through a sort.
                    for entry in by_file.values().filter_map(|r| entry_of(r)) {
                        let at = entries.partition_point(|e| {
                            validate::entry_order(collation, e, &entry) == std::cmp::Ordering::Less
                        });
                        entries.insert(at, entry);
                    }
                    catalogue.by_code = validate::index_by_code(&entries);
                    catalogue.attachments = validate::attachments(
                        &self.options.root,
                        entries.iter().map(|e| &*e.procedure),
                    );
                    catalogue.procedures = entries;
                    self.catalogue = Some(catalogue);
                }
            }
            _ => {
                let entries: Vec<crate::model::Entry> = self
                    .records
                    .values()
                    .collect::<Vec<_>>()
                    .par_iter()
                    .filter_map(|r| entry_of(r))
                    .collect();
                let attachments = validate::attachments(
                    &self.options.root,
                    entries.iter().map(|e| &*e.procedure),
                );
                let mut catalogue = validate::assemble(
                    site.clone(),
                    self.rest.fields.clone(),
                    entries,
                    self.rest.stats.clone(),
                    self.rest.pages.clone(),
                    validate::Files {
                        attachments,
                        static_files: self.rest.static_files.clone(),
                    },
                    self.now,
                    collation,
                );
                // As `validate::validate` does: git is read once, when the server starts.
                catalogue.history_partial = self.git.shallow;
                catalogue.history = self.git.history.clone();
                self.catalogue = Some(catalogue);
            }
        }
        if self.in_place.is_none() {
            self.positions = self.catalogue.as_ref().map_or_else(HashMap::new, |c| {
                c.procedures
                    .iter()
                    .enumerate()
                    .map(|(i, e)| (e.file.clone(), i))
                    .collect()
            });
        }
        self.pending.clear();
        self.reassemble = false;
        self.version += 1;
    }

    /// Replaces the entries of the changed files where they are, when each changed file had
    /// an entry, still makes one, and the order stays sorted. Returns their positions, or
    /// `None` (with `catalogue` as it was) when entries come, go or move.
    fn replace_in_place(
        &self,
        catalogue: &mut Catalogue,
        entry_of: &impl Fn(&RecordFile) -> Option<crate::model::Entry>,
    ) -> Option<Vec<usize>> {
        let mut fresh = Vec::with_capacity(self.pending.len());
        for file in &self.pending {
            let at = *self.positions.get(file)?;
            let entry = entry_of(self.records.get(&self.options.root.join(file))?)?;
            fresh.push((at, entry));
        }
        fresh.sort_by_key(|(at, _)| *at);
        let entries = &catalogue.procedures;
        let before = |i: usize, e: &crate::model::Entry| {
            // The neighbour as it will be: a changed one is compared in its new form.
            let other = fresh
                .iter()
                .find(|(at, _)| *at == i)
                .map_or(&entries[i], |(_, n)| n);
            validate::entry_order(&self.collation, other, e) == std::cmp::Ordering::Less
        };
        let sorted = fresh.iter().all(|(at, e)| {
            (*at == 0 || before(at - 1, e)) && (at + 1 == entries.len() || !before(at + 1, e))
        });
        if !sorted {
            return None;
        }
        let files = |e: &crate::model::Entry| -> Vec<String> {
            e.procedure
                .forms
                .items()
                .iter()
                .filter_map(|f| f.file.as_ref().map(|f| f.value.clone()))
                .collect()
        };
        let mut forms_changed = false;
        let mut positions = Vec::with_capacity(fresh.len());
        let mut old_codes = Vec::new();
        for (at, entry) in fresh {
            let old = std::mem::replace(&mut catalogue.procedures[at], entry);
            forms_changed |= files(&old) != files(&catalogue.procedures[at]);
            old_codes.push(old.procedure.code.value);
            positions.push(at);
        }
        // Codes may have been swapped between changed entries: take the old ones out first.
        for (code, at) in old_codes.iter().zip(&positions) {
            if catalogue.by_code.get(code.as_str()) == Some(at) {
                catalogue.by_code.remove(code.as_str());
            }
        }
        for &at in &positions {
            let code = catalogue.procedures[at].code().to_owned();
            catalogue.by_code.insert(code, at);
        }
        if forms_changed {
            catalogue.attachments = validate::attachments(
                &self.options.root,
                catalogue.procedures.iter().map(|e| &*e.procedure),
            );
        }
        Some(positions)
    }
}

/// The index step of one version of the catalogue, ready to run anywhere.
pub struct IndexJob {
    version: u64,
    catalogue: Catalogue,
    theme: Theme,
}

/// What an [`IndexJob`] produced.
pub struct IndexResult {
    version: u64,
    index: Result<crate::pipeline::IndexOutput, Diagnostics>,
    /// How long it took.
    pub timings: Timings,
}

impl IndexJob {
    /// Builds the index (the same [`crate::pipeline::index_site`] as `build`).
    pub fn run(self) -> IndexResult {
        let mut timings = Timings::default();
        let labels = self.theme.labels(&self.catalogue.site.language);
        let index = timings.time("index", || {
            let cards = crate::view::cards(&self.catalogue, &crate::view::Words::new(&labels));
            crate::pipeline::index_site(&self.catalogue, &cards, &labels)
        });
        IndexResult {
            version: self.version,
            index,
            timings,
        }
    }
}

/// What a changed path reaches.
enum Reach {
    /// One record file (changed, created or deleted).
    Record(PathBuf),
    /// The list of record files may have changed (a folder).
    Records,
    /// site.yaml, fields.yaml, statistics, pages, forms.
    Rest,
    /// The theme.
    Theme,
    /// Nothing that is built.
    Nothing,
}

/// What the cross-record checks read of a record, when it parsed.
fn member(record: &RecordFile) -> Option<Member<'_>> {
    let parsed = record.parsed.as_ref().ok()?;
    Some(Member {
        file: &record.file,
        procedure: &parsed.procedure,
        slug: &parsed.slug,
    })
}

/// True when the record did not parse or has problems of its own.
fn has_problems(record: &RecordFile) -> bool {
    match &record.parsed {
        Err(_) => true,
        Ok(parsed) => !parsed.local.is_empty() || parsed.slug_problem.is_some(),
    }
}

fn read_record(root: &Path, path: &Path, facts: &SiteFacts) -> RecordFile {
    let parsed = content::read_record(root, path);
    let stamp = hash_of(&parsed.text);
    let result = match parsed.result {
        Ok((procedure, body)) => {
            let (slug, slug_problem) = validate::record_slug(&parsed.file, &procedure);
            let address_key = address_key(&slug, &procedure);
            let local = validate::check_record(root, &parsed.file, &procedure, facts);
            // Empty when the record does not state its agencies (no listing has it).
            let agency_slugs = procedure
                .implementing_agencies()
                .iter()
                .map(|a| vi::slugify(a))
                .collect();
            Ok(Parsed {
                procedure,
                body,
                slug,
                address_key,
                slug_problem,
                local,
                agency_slugs,
            })
        }
        Err(d) => Err(std::iter::once(*d).chain(parsed.more).collect()),
    };
    RecordFile {
        file: parsed.file,
        text: parsed.text,
        stamp,
        parsed: result,
    }
}

/// What settling the addresses ([`Site::addresses`]) reads of a record besides its file: its
/// made slug, whether it writes its own, its code, and its aliases with where they are written
/// (the problems with them point there). While every record keeps its key, every record keeps
/// its address and old addresses, and the problems with aliases are the same.
fn address_key(slug: &str, p: &Procedure) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    slug.hash(&mut h);
    p.slug.is_some().hash(&mut h);
    p.code.value.hash(&mut h);
    for alias in &p.aliases {
        alias.value.hash(&mut h);
        alias.referenced.hash(&mut h);
    }
    h.finish()
}

/// Brings the entry prints up to date: of the entries at `changed` (catalogue indexes of the
/// entries of the changed `files`), or of every entry when `None`.
fn refresh_prints(
    prints: &mut HashMap<String, EntryPrint>,
    root: &Path,
    records: &BTreeMap<PathBuf, RecordFile>,
    catalogue: &Catalogue,
    cards: &[Card],
    files: &BTreeSet<String>,
    changed: Option<&[usize]>,
) {
    let indexes: Vec<usize> = match changed {
        Some(changed) => {
            for file in files {
                prints.remove(file);
            }
            changed.to_vec()
        }
        None => {
            prints.clear();
            (0..catalogue.procedures.len()).collect()
        }
    };
    let fresh: Vec<(String, EntryPrint)> = indexes
        .into_par_iter()
        .map(|i| (&catalogue.procedures[i], &cards[i]))
        .map(|(e, card)| {
            let record = records.get(&root.join(&e.file));
            let mut h = std::collections::hash_map::DefaultHasher::new();
            e.file.hash(&mut h);
            record.map(|r| r.stamp).hash(&mut h);
            e.slug.hash(&mut h);
            e.updated.map(|d| d.iso()).hash(&mut h);
            let entry = h.finish();
            let mut h = std::collections::hash_map::DefaultHasher::new();
            hash_serialized(&mut h, card);
            let agencies = record
                .and_then(|r| r.parsed.as_ref().ok())
                .map(|p| p.agency_slugs.clone())
                .unwrap_or_default();
            (
                e.file.clone(),
                EntryPrint {
                    entry,
                    card: h.finish(),
                    agencies,
                },
            )
        })
        .collect();
    prints.extend(fresh);
}

/// What [`crate::render::plan`] reads of an entry, hashed. When every entry keeps its key (in
/// the same order) and the site files and theme did not change, the plan is the same, and so
/// are the inputs of [`content_fingerprint`] that come from other entries than the page's own:
/// the title and slug of linked procedures, who replaces whom, which listings exist.
fn plan_key(e: &crate::model::Entry) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    e.file.hash(&mut h);
    e.slug.hash(&mut h);
    e.aliases.hash(&mut h);
    e.code().hash(&mut h);
    e.title().hash(&mut h);
    e.procedure.field.value.hash(&mut h);
    e.level().hash(&mut h);
    e.is_listed().hash(&mut h);
    e.procedure.implementing_agencies().hash(&mut h);
    e.updated.hash(&mut h);
    for old in &e.procedure.replaces {
        old.value.hash(&mut h);
    }
    h.finish()
}

/// What every edit reads of the plan, computed once per plan.
#[derive(Default)]
struct PlanIndex {
    /// Hash of each page's output path (the key of its fingerprint).
    keys: Vec<u64>,
    /// Template of each page.
    templates: Vec<&'static str>,
    /// The templates the plan uses.
    template_set: BTreeSet<&'static str>,
    /// By catalogue index, the pages that show the entry (their [`content_fingerprint`]
    /// reads its stamps): its page and redirect, the listings it is on, the search page.
    shown_in: Vec<Vec<u32>>,
}

impl PlanIndex {
    fn new(plans: &[PagePlan], entries: usize) -> PlanIndex {
        let keys = plans.par_iter().map(|p| hash_of(&p.path)).collect();
        let templates: Vec<&'static str> = plans.iter().map(|p| template_name(&p.kind)).collect();
        let mut shown_in: Vec<Vec<u32>> = vec![Vec::new(); entries];
        for (page, plan) in plans.iter().enumerate() {
            let page = page as u32;
            match &plan.kind {
                PageKind::Procedure(i) | PageKind::Redirect(i) => shown_in[*i].push(page),
                PageKind::Listing(listing) => {
                    for &i in &listing.items {
                        shown_in[i].push(page);
                    }
                }
                // A change names its procedure by its title now: the lists of changes read
                // every entry (the plan does not say which entry a change is of).
                PageKind::Search | PageKind::Changes(_) | PageKind::Feed(_) => {
                    shown_in.iter_mut().for_each(|pages| pages.push(page))
                }
                PageKind::Home
                | PageKind::Index(_)
                | PageKind::Contact
                | PageKind::Stats
                | PageKind::Data
                | PageKind::Page(_)
                | PageKind::NotFound
                | PageKind::Sitemap(_)
                | PageKind::Robots => {}
            }
        }
        PlanIndex {
            keys,
            template_set: templates.iter().copied().collect(),
            templates,
            shown_in,
        }
    }

    /// The pages whose templates read global values that changed from `old` to `new` (both
    /// from [`global_fingerprints`]).
    fn stale_pages(
        &self,
        old: &HashMap<&'static str, u64>,
        new: &HashMap<&'static str, u64>,
    ) -> BTreeSet<usize> {
        let stale: BTreeSet<&str> = new
            .iter()
            .filter(|(t, print)| old.get(*t) != Some(*print))
            .map(|(t, _)| *t)
            .collect();
        if stale.is_empty() {
            return BTreeSet::new();
        }
        (0..self.templates.len())
            .filter(|&i| stale.contains(self.templates[i]))
            .collect()
    }
}

/// Puts the index step's `files` into the output in place of the last ones (`index_files`).
fn replace_index_files(
    output: &mut Output,
    index_files: &mut BTreeSet<String>,
    update: &mut Update,
    files: Vec<(OutputPath, Vec<u8>)>,
) {
    let new_files: BTreeSet<String> = files.iter().map(|(p, _)| p.to_string()).collect();
    for old in index_files.iter() {
        if !new_files.contains(old) && output.remove(old).is_some() {
            update.removed.push(old.clone());
        }
    }
    for (path, bytes) in files {
        put(output, update, path, bytes);
    }
    *index_files = new_files;
}

/// Inserts a file into the output and notes it when its bytes changed.
fn put(output: &mut Output, update: &mut Update, path: OutputPath, bytes: Vec<u8>) {
    if output.get(path.as_str()) != Some(bytes.as_slice()) {
        update.changed.push(path.to_string());
        output.insert(path, bytes);
    }
}

fn render_pages(
    renderer: &Renderer<'_>,
    plans: &[&PagePlan],
) -> Result<Vec<(OutputPath, Vec<u8>)>, Diagnostics> {
    let rendered: Vec<Result<(OutputPath, Vec<u8>), Diagnostic>> = plans
        .par_iter()
        .map(|plan| {
            let path = crate::render::plan_path(plan)?;
            renderer.render_page(plan).map(|b| (path, b))
        })
        .collect();
    let mut out = Vec::with_capacity(rendered.len());
    let mut diagnostics = Diagnostics::new();
    for r in rendered {
        match r {
            Ok(page) => out.push(page),
            Err(d) => {
                if !diagnostics.iter().any(|x| x.message == d.message) {
                    diagnostics.push(d);
                }
            }
        }
    }
    if diagnostics.has_errors() {
        Err(diagnostics)
    } else {
        Ok(out)
    }
}

fn hash_of<T: Hash + ?Sized>(value: &T) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    value.hash(&mut h);
    h.finish()
}

/// A `Write` that feeds a hasher, to hash serialised values without building strings.
struct HashWriter<'a, H: Hasher>(&'a mut H);

impl<H: Hasher> std::io::Write for HashWriter<'_, H> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.write(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn hash_serialized<H: Hasher>(h: &mut H, value: &impl serde::Serialize) {
    let _ = serde_json::to_writer(HashWriter(h), value);
}

/// Per-procedure stamps (by catalogue index) and the cross-record facts pages show. Kept
/// between updates: while the plan stays the same, only the changed entries' stamps change.
#[derive(Default)]
struct Stamps {
    /// Everything about the record: its file, text, slug and last-change date.
    entry: Vec<u64>,
    /// Its card (what listings and the search page show).
    card: Vec<u64>,
    /// Whether it is listed, and a hash of its field (what the search page groups by).
    listed: Vec<bool>,
    field: Vec<u64>,
    /// Agency slugs, per procedure.
    agency_slugs: Vec<Vec<String>>,
    /// Code → indexes of the procedures that replace it, in catalogue order.
    replaced_by: HashMap<String, Vec<usize>>,
    /// Levels and agency slugs that have a listing (listed procedures make them).
    listed_levels: HashSet<crate::model::Level>,
    listed_agencies: HashSet<String>,
    /// Form file path → size.
    attachment_sizes: HashMap<String, u64>,
}

impl Stamps {
    fn new(catalogue: &Catalogue, prints: &HashMap<String, EntryPrint>) -> Stamps {
        let per_entry: Vec<Option<&EntryPrint>> = catalogue
            .procedures
            .par_iter()
            .map(|e| prints.get(&e.file))
            .collect();
        let mut stamps = Stamps {
            entry: per_entry.iter().map(|p| p.map_or(0, |p| p.entry)).collect(),
            card: per_entry.iter().map(|p| p.map_or(0, |p| p.card)).collect(),
            agency_slugs: per_entry
                .iter()
                .map(|p| p.map_or_else(Vec::new, |p| p.agencies.clone()))
                .collect(),
            listed: catalogue.procedures.iter().map(|e| e.is_listed()).collect(),
            field: catalogue
                .procedures
                .iter()
                .map(|e| hash_of(&e.procedure.field.value))
                .collect(),
            ..Stamps::default()
        };
        for (i, e) in catalogue.procedures.iter().enumerate() {
            for old in &e.procedure.replaces {
                stamps
                    .replaced_by
                    .entry(old.value.to_string())
                    .or_default()
                    .push(i);
            }
            if e.is_listed() {
                stamps.listed_levels.insert(e.level());
                let slugs = stamps.agency_slugs[i].iter().cloned();
                stamps.listed_agencies.extend(slugs);
            }
        }
        stamps.attachment_sizes = attachment_sizes(catalogue);
        stamps
    }

    /// The same stamps after the entries at `changed` changed without changing the plan (their
    /// [`plan_key`]s are the same: listed, field, agency and `replaces` too).
    fn update(
        &mut self,
        catalogue: &Catalogue,
        prints: &HashMap<String, EntryPrint>,
        changed: &[usize],
    ) {
        for &i in changed {
            let print = prints.get(&catalogue.procedures[i].file);
            self.entry[i] = print.map_or(0, |p| p.entry);
            self.card[i] = print.map_or(0, |p| p.card);
        }
        self.attachment_sizes = attachment_sizes(catalogue);
    }
}

fn attachment_sizes(catalogue: &Catalogue) -> HashMap<String, u64> {
    catalogue
        .attachments
        .iter()
        .map(|a| (a.path.clone(), a.size))
        .collect()
}

/// The fingerprint of what a page receives besides the global values: its plan, and the
/// records and cards it shows.
fn content_fingerprint(plan: &PagePlan, catalogue: &Catalogue, stamps: &Stamps) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    plan.path.hash(&mut h);
    plan.url.hash(&mut h);
    plan.title.hash(&mut h);
    for crumb in &plan.breadcrumbs {
        crumb.title.hash(&mut h);
        crumb.url.hash(&mut h);
    }
    template_name(&plan.kind).hash(&mut h);
    let link = |h: &mut std::collections::hash_map::DefaultHasher, code: &str| match catalogue
        .by_code(code)
    {
        Some(e) => {
            e.title().hash(h);
            e.slug.hash(h);
        }
        None => 0u8.hash(h),
    };
    match &plan.kind {
        PageKind::Procedure(i) => {
            let e = &catalogue.procedures[*i];
            stamps.entry[*i].hash(&mut h);
            stamps.card[*i].hash(&mut h);
            for code in e.procedure.related.iter().chain(&e.procedure.replaces) {
                link(&mut h, &code.value);
            }
            for j in stamps.replaced_by.get(e.code()).into_iter().flatten() {
                let other = &catalogue.procedures[*j];
                other.title().hash(&mut h);
                other.slug.hash(&mut h);
            }
            stamps.listed_levels.contains(&e.level()).hash(&mut h);
            for slug in &stamps.agency_slugs[*i] {
                stamps.listed_agencies.contains(slug).hash(&mut h);
            }
            for form in e.procedure.forms.items() {
                form.path()
                    .map(|path| stamps.attachment_sizes.get(path))
                    .hash(&mut h);
            }
        }
        PageKind::Redirect(i) => stamps.card[*i].hash(&mut h),
        PageKind::Listing(listing) => {
            hash_serialized(&mut h, listing);
            for i in &listing.items {
                stamps.card[*i].hash(&mut h);
            }
        }
        PageKind::Index(index) => hash_serialized(&mut h, index),
        PageKind::Search => {
            for i in 0..stamps.listed.len() {
                if stamps.listed[i] {
                    stamps.field[i].hash(&mut h);
                    stamps.card[i].hash(&mut h);
                }
            }
        }
        // A change shows its procedure's title and links to its page.
        PageKind::Changes(list) | PageKind::Feed(list) => {
            hash_serialized(&mut h, list);
            for &c in &list.items {
                link(&mut h, &catalogue.history.changes[c].code);
            }
        }
        PageKind::Sitemap(urls) => {
            for u in urls {
                u.url.hash(&mut h);
                u.lastmod.hash(&mut h);
            }
        }
        // These show only site-wide data (site.yaml, statistics, free pages): a change to
        // those renders every page anyway. The data page shows the index step's `data`
        // global, followed by the global fingerprints.
        PageKind::Home
        | PageKind::Contact
        | PageKind::Stats
        | PageKind::Data
        | PageKind::Page(_)
        | PageKind::NotFound
        | PageKind::Robots => {}
    }
    h.finish()
}

/// For each template the plans use, a fingerprint of the global values it reads.
fn global_fingerprints(
    renderer: &mut Renderer<'_>,
    templates: &BTreeSet<&'static str>,
) -> HashMap<&'static str, u64> {
    let mut cache: HashMap<String, u64> = HashMap::new();
    templates
        .iter()
        .map(|&t| {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            for (name, value) in renderer.globals_read_by(t) {
                let print = *cache.entry(name.clone()).or_insert_with(|| {
                    let mut h = std::collections::hash_map::DefaultHasher::new();
                    hash_serialized(&mut h, &value);
                    h.finish()
                });
                name.hash(&mut h);
                print.hash(&mut h);
            }
            (t, h.finish())
        })
        .collect()
}
