//! Validation: loaded records → a [`Catalogue`] in which every reference resolves, or the full
//! list of what is wrong.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Component, Path};

use rayon::prelude::*;
use serde_saphyr::Spanned;

use crate::content::{Loaded, RawPage, RawRecord, git::GitDates, markdown};
use crate::diagnostics::{Diagnostic, Diagnostics, FormPath, Ids, Message, NameOf, did_you_mean};
use crate::model::config::{Field, SiteConfig, StatsPeriod};
use crate::model::{Attachment, Catalogue, Entry, Missing, MissingStatus, Page, Procedure, Status};
use crate::vi::{self, Collation, Date};

/// Inputs of validation besides the loaded content.
#[derive(Debug, Default)]
pub struct ValidateOptions {
    /// "Today": records verified more than a year before are flagged. `None` skips that check.
    pub now: Option<Date>,
    /// Last-change dates from git.
    pub git: GitDates,
}

/// The longest name of a file or folder most file systems allow (ext4, XFS, Btrfs, NTFS, APFS:
/// 255 bytes). A title, slug, field id, code or agency becomes a folder name of the site
/// (`thu-tuc/<slug>/index.html`); a longer one fails only when the site is written.
pub const MAX_NAME_BYTES: usize = 255;

/// The CK018 error when `name`, which becomes a file or folder name as `what`, is longer than
/// [`MAX_NAME_BYTES`].
fn name_too_long(file: &str, what: NameOf, name: &str) -> Option<Diagnostic> {
    (name.len() > MAX_NAME_BYTES).then(|| {
        Diagnostic::new(
            file,
            Message::NameTooLong {
                name: what,
                bytes: name.len(),
                max: MAX_NAME_BYTES,
            },
        )
    })
}

/// A one-line location for messages that name a second file ("also used by a.yaml:3").
fn where_is<T>(file: &str, spanned: &Spanned<T>) -> String {
    format!("{file}:{}", spanned.referenced.line())
}

/// Validates everything [`crate::content::load`] read. Returns the catalogue when there are no
/// errors (warnings are allowed), and all diagnostics either way.
///
/// The steps are public functions so that the dev server can run the same checks on a
/// catalogue it keeps in memory, re-checking only the records that changed.
pub fn validate(loaded: Loaded, options: ValidateOptions) -> (Option<Catalogue>, Diagnostics) {
    let Loaded {
        root,
        site,
        fields,
        records,
        stats,
        pages,
        static_files,
        mut diagnostics,
        cache: _,
    } = loaded;
    let now = options.now.or(options.git.head);
    let facts = check_site_files(site.as_ref(), &fields, now, &mut diagnostics);

    // Slugs, then unique codes and slugs across records; name both files.
    let slugs: Vec<String> = records
        .iter()
        .map(|record| {
            let (slug, problem) = record_slug(&record.file, &record.procedure);
            diagnostics.extend_items(problem);
            slug
        })
        .collect();
    let mut sharing: HashMap<&str, usize> = HashMap::new();
    for slug in &slugs {
        *sharing.entry(slug.as_str()).or_default() += 1;
    }
    let slugs: Vec<String> = records
        .iter()
        .zip(&slugs)
        .map(|(record, slug)| distinct_slug(slug, &record.procedure, sharing[slug.as_str()] > 1))
        .collect();
    let members: Vec<(&str, &Procedure, &str)> = records
        .iter()
        .zip(&slugs)
        .map(|(r, s)| (r.file.as_str(), &*r.procedure, s.as_str()))
        .collect();
    let code_set = check_unique(members.iter().copied(), &mut diagnostics);
    let aliases = settle_aliases(&members, &options.git.old_slugs, &mut diagnostics);

    // References, dates and per-record rules, in parallel: they only read shared data.
    let per_record: Vec<Vec<Diagnostic>> = records
        .par_iter()
        .map(|record| {
            let mut list = check_record(&root, &record.file, &record.procedure, &facts);
            list.extend(check_references(&record.file, &record.procedure, &code_set));
            list
        })
        .collect();
    for list in per_record {
        diagnostics.extend_items(list);
    }
    drop(code_set);

    if let Some(site) = &site {
        check_officers_used(
            site,
            records.iter().map(|r| &*r.procedure),
            &mut diagnostics,
        );
    }
    check_stats(&stats, &mut diagnostics);
    let form_folders: HashSet<&str> = records
        .iter()
        .flat_map(|r| form_folders(&r.procedure))
        .collect();
    check_pages(
        &pages,
        |folder| form_folders.contains(folder),
        &static_files,
        &mut diagnostics,
    );

    diagnostics.settle();
    let Some(site) = site else {
        return (None, diagnostics);
    };
    if diagnostics.has_errors() {
        return (None, diagnostics);
    }

    // Build the catalogue: sort fields and procedures, render guides, attach dates.
    let collation = Collation::new();
    let attachments = attachments(&root, records.iter().map(|r| &*r.procedure));
    let procedures: Vec<Entry> = records
        .into_par_iter()
        .zip(slugs.into_par_iter())
        .zip(aliases.into_par_iter())
        .map(|((record, slug), aliases)| entry(record, slug, aliases, &options.git, now))
        .collect();
    let mut catalogue = assemble(
        site,
        fields,
        procedures,
        stats,
        pages,
        Files {
            attachments,
            static_files,
        },
        now,
        &collation,
    );
    catalogue.history_partial = options.git.shallow;
    catalogue.history = options.git.history.clone();
    (Some(catalogue), diagnostics)
}

/// What records are checked against: the ids defined in site.yaml and fields.yaml, and "today".
#[derive(Debug, Default, Clone)]
pub struct SiteFacts {
    /// Field ids from fields.yaml.
    pub field_ids: HashSet<String>,
    /// The same, in file order, for suggestions.
    pub field_list: Vec<String>,
    /// Officer ids from site.yaml.
    pub officer_ids: HashSet<String>,
    /// "Today", for the verification-age warning.
    pub now: Option<Date>,
}

/// Checks fields.yaml (unique ids that are URL slugs) and site.yaml, and returns the facts
/// records are checked against.
pub fn check_site_files(
    site: Option<&SiteConfig>,
    fields: &[Field],
    now: Option<Date>,
    diagnostics: &mut Diagnostics,
) -> SiteFacts {
    let at = |d: Diagnostic, loc: &serde_saphyr::Location| -> Diagnostic { d.at_location(loc, 0) };
    let mut field_ids: HashSet<String> = HashSet::new();
    for field in fields {
        let id = &field.id.value;
        if !field_ids.insert(id.clone()) {
            diagnostics.push(at(
                Diagnostic::new(
                    "content/fields.yaml",
                    Message::IdTwice {
                        of: Ids::Field,
                        id: id.clone(),
                    },
                ),
                &field.id.referenced,
            ));
        }
        if let Some(d) = name_too_long("content/fields.yaml", NameOf::FieldId, id) {
            diagnostics.push(at(d, &field.id.referenced));
        }
        if vi::slugify(id) != *id {
            diagnostics.push(at(
                Diagnostic::new(
                    "content/fields.yaml",
                    Message::FieldIdNotSlug {
                        id: id.clone(),
                        clean: vi::slugify(id),
                    },
                ),
                &field.id.referenced,
            ));
        }
    }
    let officer_ids: HashSet<String> = site
        .map(|s| s.officers.iter().map(|o| o.id.value.clone()).collect())
        .unwrap_or_default();
    if let Some(site) = site {
        check_site(site, &field_ids, diagnostics);
        for closure in site.closures.iter().filter(|c| c.is_over(now)) {
            diagnostics.push(Diagnostic::new(
                "content/site.yaml",
                Message::ClosureOver {
                    on: closure.last_day(),
                },
            ));
        }
    }
    SiteFacts {
        field_list: fields.iter().map(|f| f.id.value.clone()).collect(),
        field_ids,
        officer_ids,
        now,
    }
}

/// The URL slug of a record (its `slug:`, or derived from the title), and the problem with a
/// `slug:` that is not one.
pub fn record_slug(file: &str, p: &Procedure) -> (String, Option<Diagnostic>) {
    let offset = u32::from(file.ends_with(".md"));
    let clean = vi::record_slug(p.slug.as_ref().map(|s| s.value.as_str()), &p.title.value);
    match &p.slug {
        Some(s) => {
            let problem = (clean != s.value).then(|| {
                Diagnostic::new(
                    file,
                    Message::SlugNotSlug {
                        slug: s.value.clone(),
                        clean: clean.clone(),
                    },
                )
                .at_location(&s.referenced, offset)
            });
            let problem = problem.or_else(|| {
                name_too_long(file, NameOf::ProcedureSlug, &clean)
                    .map(|d| d.at_location(&s.referenced, offset))
            });
            (clean, problem)
        }
        None => {
            let problem = name_too_long(file, NameOf::TitleUrl, &clean)
                .map(|d| d.at_location(&p.title.referenced, offset));
            (clean, problem)
        }
    }
}

/// The address of a record whose slug (from [`record_slug`]) other records share: a slug made
/// from the title gets the code after it, as a slug ("…-hu-hong-1-001193"), so that two
/// long titles that differ only after the 80 characters a slug keeps, or two identical titles,
/// each get a page, the same way on every build. A `slug:` the editor wrote stays as written
/// (two of them alike are an error, CK021).
pub fn distinct_slug(slug: &str, p: &Procedure, shared: bool) -> String {
    if shared && p.slug.is_none() {
        format!("{slug}-{}", vi::slugify(&p.code.value))
    } else {
        slug.to_owned()
    }
}

/// The URL slug of a free page (its `slug:`, or the file name's), and the problem with a
/// `slug:` that is not one. Pages follow the rules of records' slugs ([`record_slug`]): a slug
/// is one path segment of lowercase ASCII letters, digits and `-`, so it cannot leave its
/// folder (`../../x`) or name another one.
pub fn page_slug(page: &RawPage) -> (String, Option<Diagnostic>) {
    match &page.meta.slug {
        Some(s) => {
            let clean = vi::slugify(&s.value);
            let problem = (clean != s.value || clean.is_empty()).then(|| {
                Diagnostic::new(
                    &page.file,
                    Message::PageSlugNotSlug {
                        slug: s.value.clone(),
                        clean: clean.clone(),
                    },
                )
                .at_location(&s.referenced, 1)
            });
            (clean, problem)
        }
        None => {
            let slug = vi::slugify(&page.stem);
            let problem = slug
                .is_empty()
                .then(|| Diagnostic::new(&page.file, Message::PageFileEmptyUrl));
            (slug, problem)
        }
    }
}

/// The top folders under content/ of the form files a record names (`forms` for
/// `content/forms/…`), once per form.
pub fn form_folders(p: &Procedure) -> impl Iterator<Item = &str> {
    p.forms.items().iter().filter_map(|f| {
        let file = f.file.as_ref()?.value.trim_start_matches("./");
        file.split_once('/').map(|(top, _)| top)
    })
}

/// Checks free pages: their Markdown links follow the URL policy (CK017), and their slugs: each a URL slug ([`page_slug`]), none the same as another page's,
/// and none a route the site itself publishes at ([`crate::route`]) or a folder
/// of form files (`is_form_folder`, true of the [`form_folders`] of some record): a page there
/// would replace that page or folder.
pub fn check_pages(
    pages: &[RawPage],
    is_form_folder: impl Fn(&str) -> bool,
    static_files: &[Attachment],
    diagnostics: &mut Diagnostics,
) {
    let mut seen: HashMap<String, &str> = HashMap::new();
    for page in pages {
        for (line, url) in markdown::refused_links(&page.body) {
            diagnostics.push(
                Diagnostic::new(
                    &page.file,
                    Message::MarkdownLinkRefused {
                        url: url.to_string(),
                    },
                )
                .at(Some(crate::diagnostics::Position {
                    line: page.body_line + line,
                    column: 1,
                })),
            );
        }
        let (slug, problem) = page_slug(page);
        if let Some(problem) = problem {
            diagnostics.push(problem);
            continue;
        }
        let at = |d: Diagnostic| match &page.meta.slug {
            Some(s) => d.at_location(&s.referenced, 1),
            None => d,
        };
        if let Some(too_long) = name_too_long(&page.file, NameOf::PageSlug, &slug) {
            diagnostics.push(at(too_long));
            continue;
        }
        let has_slug = page.meta.slug.is_some();
        let like = crate::route::reserved(&slug)
            .map(str::to_owned)
            .or_else(|| is_form_folder(slug.as_str()).then(|| format!("content/{slug}/")));
        if let Some(like) = like.or_else(|| seen.get(&slug).map(|first| (*first).to_owned())) {
            diagnostics.push(at(Diagnostic::new(
                &page.file,
                Message::PageUrlTaken {
                    slug,
                    like,
                    has_slug,
                },
            )));
        } else {
            seen.insert(slug, &page.file);
        }
    }
    check_static(static_files, &seen, &is_form_folder, diagnostics);
}

/// Checks the files of `content/static/`, which are published as they are at the same path:
/// each path can be published (CK043), its names fit a file system (CK018), and none lands
/// where the site publishes something of its own, a free page or the form files (CK021).
fn check_static(
    static_files: &[Attachment],
    pages: &HashMap<String, &str>,
    is_form_folder: &impl Fn(&str) -> bool,
    diagnostics: &mut Diagnostics,
) {
    for file in static_files {
        let source = format!("content/{}/{}", crate::content::STATIC, file.path);
        if let Err(e) = crate::output::OutputPath::new(file.path.clone()) {
            diagnostics.push(Diagnostic::new(
                &source,
                Message::StaticFileNotPublished {
                    error: e.to_string(),
                },
            ));
            continue;
        }
        if let Some(too_long) = file
            .path
            .split('/')
            .find_map(|name| name_too_long(&source, NameOf::StaticName, name))
        {
            diagnostics.push(too_long);
            continue;
        }
        let top = file.path.split('/').next().unwrap_or_default();
        let like = crate::route::reserved(top)
            .map(str::to_owned)
            .or_else(|| pages.get(top).map(|page| (*page).to_owned()))
            .or_else(|| is_form_folder(top).then(|| format!("content/{top}/")));
        if let Some(like) = like {
            diagnostics.push(Diagnostic::new(
                &source,
                Message::StaticFileTaken {
                    path: file.path.clone(),
                    like,
                },
            ));
        }
    }
}

/// Checks that codes and slugs are unique across records, in the order given (the second file
/// of a pair gets the error and names the first). Returns the set of codes.
pub fn check_unique<'a>(
    records: impl Iterator<Item = (&'a str, &'a Procedure, &'a str)>,
    diagnostics: &mut Diagnostics,
) -> HashSet<&'a str> {
    let mut by_code: HashMap<&str, (&str, &Spanned<crate::model::Text>)> = HashMap::new();
    let mut by_slug: HashMap<&str, &str> = HashMap::new();
    // Stable-link segment → the first code that has it; distinct codes can share one
    // (`9.99 A` and `9-99-a` are both `/ma/9-99-a/`), and a QR code would open the other.
    let mut by_segment: HashMap<String, (&str, &Spanned<crate::model::Text>)> = HashMap::new();
    for (file, p, slug) in records {
        let at = |d: Diagnostic, loc: &serde_saphyr::Location| -> Diagnostic {
            d.at_location(loc, u32::from(file.ends_with(".md")))
        };
        let code = p.code.value.as_str();
        if code.trim().is_empty() {
            diagnostics.push(at(
                Diagnostic::new(file, Message::CodeEmpty),
                &p.code.referenced,
            ));
        } else if let Some((other_file, other)) = by_code.get(code) {
            diagnostics.push(at(
                Diagnostic::new(
                    file,
                    Message::CodeTaken {
                        code: code.to_owned(),
                        other: where_is(other_file, other),
                    },
                ),
                &p.code.referenced,
            ));
        } else {
            by_code.insert(code, (file, &p.code));
            let segment = vi::code_segment(code);
            if segment.is_empty() {
                diagnostics.push(at(
                    Diagnostic::new(
                        file,
                        Message::CodeEmptyLink {
                            code: code.to_owned(),
                        },
                    ),
                    &p.code.referenced,
                ));
            } else if let Some((other_file, other)) = by_segment.get(&segment) {
                diagnostics.push(at(
                    Diagnostic::new(
                        file,
                        Message::CodeLinkTaken {
                            code: code.to_owned(),
                            segment: segment.clone(),
                            other_code: other.value.to_string(),
                            other: where_is(other_file, other),
                        },
                    ),
                    &p.code.referenced,
                ));
            } else {
                by_segment.insert(segment, (file, &p.code));
            }
        }

        if slug.is_empty() {
            diagnostics.push(at(
                Diagnostic::new(file, Message::TitleEmptyUrl),
                &p.title.referenced,
            ));
        } else if let Some(other) = by_slug.get(slug) {
            diagnostics.push(at(
                Diagnostic::new(
                    file,
                    Message::ProcedureUrlTaken {
                        slug: slug.to_owned(),
                        other: (*other).to_owned(),
                    },
                ),
                &p.title.referenced,
            ));
        } else {
            by_slug.insert(slug, file);
        }
    }
    by_code.into_keys().collect()
}

/// Warns about officers nobody refers to: they are probably misspelt somewhere.
pub fn check_officers_used<'a>(
    site: &SiteConfig,
    procedures: impl Iterator<Item = &'a Procedure>,
    diagnostics: &mut Diagnostics,
) {
    let mut used: HashSet<&str> = HashSet::new();
    for p in procedures {
        used.extend(p.officers.iter().map(|o| o.value.as_str()));
    }
    check_officers_named(site, |id| used.contains(id), diagnostics);
}

/// As [`check_officers_used`], with `named` telling whether some record names an officer id
/// (the dev server keeps counts instead of walking every record).
pub fn check_officers_named(
    site: &SiteConfig,
    named: impl Fn(&str) -> bool,
    diagnostics: &mut Diagnostics,
) {
    let defaults: HashSet<&str> = site
        .default_officers
        .iter()
        .map(|o| o.value.as_str())
        .collect();
    for officer in &site.officers {
        let id = officer.id.value.as_str();
        if !defaults.contains(id) && !named(id) {
            diagnostics.push(
                Diagnostic::new(
                    "content/site.yaml",
                    Message::OfficerUnused { id: id.to_owned() },
                )
                .at_location(&officer.id.referenced, 0),
            );
        }
    }
}

/// The problem with a link congkhai would publish in an `href`, if any: the URL policy of
/// [`crate::links`] (CK017). `key` names the field, `line_offset` is 1 in a Markdown record.
pub fn check_link(
    file: &str,
    line_offset: u32,
    key: &str,
    url: &Spanned<crate::model::Text>,
) -> Option<Diagnostic> {
    (!crate::links::is_allowed(&url.value)).then(|| {
        Diagnostic::new(
            file,
            Message::LinkRefused {
                key: key.to_owned(),
            },
        )
        .at_location(&url.referenced, line_offset)
    })
}

/// The links of a record, each with its key, for [`check_link`].
fn record_links(
    p: &Procedure,
) -> impl Iterator<Item = (&'static str, &Spanned<crate::model::Text>)> {
    p.online_url
        .iter()
        .map(|u| ("online_url", u))
        .chain(
            p.forms
                .items()
                .iter()
                .filter_map(|f| f.official_url.as_ref().map(|u| ("forms[].official_url", u))),
        )
        .chain(
            p.legal_basis
                .items()
                .iter()
                .filter_map(|l| l.url.as_ref().map(|u| ("legal_basis[].url", u))),
        )
        .chain(p.fees.items().iter().filter_map(|f| {
            f.set_by
                .as_ref()
                .and_then(|l| l.url.as_ref().map(|u| ("fees[].set_by.url", u)))
        }))
        .chain(
            p.announcements
                .iter()
                .filter_map(|a| a.url.as_ref().map(|u| ("announcements[].url", u))),
        )
        .chain(
            p.sources
                .iter()
                .filter_map(|s| s.url.as_ref().map(|u| ("sources[].url", u))),
        )
}

/// Checks statistics periods.
pub fn check_stats(stats: &[StatsPeriod], diagnostics: &mut Diagnostics) {
    for period in stats {
        let file = format!("content/stats/{}.yaml", period.period);
        if period.to < period.from {
            diagnostics.push(Diagnostic::new(
                &file,
                Message::PeriodBackwards {
                    label: period.label.to_string(),
                },
            ));
        }
    }
}

/// Form files the records name that exist, to publish as they are.
pub fn attachments<'a>(
    root: &Path,
    procedures: impl Iterator<Item = &'a Procedure>,
) -> Vec<Attachment> {
    let mut attachments: BTreeMap<String, Attachment> = BTreeMap::new();
    for p in procedures {
        for form in p.forms.items() {
            let Some(path) = form.path().map(str::to_owned) else {
                continue;
            };
            if attachments.contains_key(&path) {
                continue;
            }
            if let Ok(meta) = std::fs::metadata(root.join("content").join(&path)) {
                attachments.insert(
                    path.clone(),
                    Attachment {
                        path,
                        size: meta.len(),
                    },
                );
            }
        }
    }
    attachments.into_values().collect()
}

/// A validated record as a catalogue entry: its guide rendered and its last-change date
/// attached.
/// The entry of a checked record, with its status as of `now`.
pub fn entry(
    record: RawRecord,
    slug: String,
    aliases: Vec<String>,
    git: &GitDates,
    now: Option<Date>,
) -> Entry {
    let updated = git.files.get(&record.file).copied();
    Entry {
        status: record.procedure.status_on(now),
        body: record.body,
        procedure: record.procedure,
        file: record.file,
        slug,
        aliases,
        updated,
    }
}

/// The old addresses of each record (in the order given): its own `aliases`, checked, and the
/// slugs `old_slugs` (git history) shows its code had. A live page keeps its address: a
/// record's alias that is another's slug or alias is an error naming both files (CK021), and
/// a slug from history that is live now is left out. A slug from history that two codes had
/// goes to the one that had it last.
pub fn settle_aliases<'a>(
    records: &[(&'a str, &'a Procedure, &'a str)],
    old_slugs: &std::collections::HashMap<String, BTreeMap<String, Date>>,
    diagnostics: &mut Diagnostics,
) -> Vec<Vec<String>> {
    let live: HashMap<&str, usize> = records
        .iter()
        .enumerate()
        .map(|(i, (_, _, slug))| (*slug, i))
        .collect();
    let mut hand: HashMap<String, usize> = HashMap::new();
    let mut out: Vec<Vec<String>> = vec![Vec::new(); records.len()];
    for (i, (file, p, slug)) in records.iter().enumerate() {
        let offset = u32::from(file.ends_with(".md"));
        for alias in &p.aliases {
            let clean = vi::slugify(&alias.value);
            let problem = if clean != alias.value || clean.is_empty() {
                Some(Message::AliasNotSlug {
                    alias: alias.value.clone(),
                    clean,
                })
            } else if clean == *slug {
                None
            } else if let Some(&j) = live.get(clean.as_str()) {
                Some(Message::AliasTaken {
                    alias: clean,
                    other: records[j].0.to_owned(),
                })
            } else if let Some(&j) = hand.get(&clean).filter(|&&j| j != i) {
                Some(Message::AliasTaken {
                    alias: clean,
                    other: records[j].0.to_owned(),
                })
            } else {
                hand.insert(clean.clone(), i);
                out[i].push(clean);
                None
            };
            if let Some(message) = problem {
                diagnostics
                    .push(Diagnostic::new(*file, message).at_location(&alias.referenced, offset));
            }
        }
    }
    // From history: each free slug to the code that had it last.
    let mut claimed: HashMap<&str, (Date, &str, usize)> = HashMap::new();
    for (i, (_, p, slug)) in records.iter().enumerate() {
        let Some(history) = old_slugs.get(p.code.value.as_str()) else {
            continue;
        };
        for (old, &date) in history {
            if old == slug || live.contains_key(old.as_str()) || hand.contains_key(old) {
                continue;
            }
            let code = p.code.value.as_str();
            let slot = claimed.entry(old).or_insert((date, code, i));
            if (date, std::cmp::Reverse(code)) > (slot.0, std::cmp::Reverse(slot.1)) {
                *slot = (date, code, i);
            }
        }
    }
    for (old, (_, _, i)) in claimed {
        out[i].push(old.to_owned());
    }
    for aliases in &mut out {
        aliases.sort();
        aliases.dedup();
    }
    out
}

/// Sorts entries in catalogue order: by title in Vietnamese order, then by code. The titles'
/// collation keys are made once for the sort and dropped after it (kept in every entry, they
/// weighed 12.6 MB at 30,000 synthetic procedures in a heaptrack run).
pub fn sort_entries(procedures: &mut [Entry], collation: &Collation) {
    procedures.par_sort_by_cached_key(|e| (collation.sort_key(e.title()), e.code().to_owned()));
}

/// The display order of entries: by title in Vietnamese order, then by code.
pub fn entry_order(collation: &Collation, a: &Entry, b: &Entry) -> std::cmp::Ordering {
    collation
        .compare(a.title(), b.title())
        .then_with(|| a.code().cmp(b.code()))
}

/// The index of sorted entries by code.
pub fn index_by_code(procedures: &[Entry]) -> HashMap<String, usize> {
    procedures
        .iter()
        .enumerate()
        .map(|(i, e)| (e.code().to_owned(), i))
        .collect()
}

/// The files a catalogue publishes as they are.
#[derive(Debug, Default, Clone)]
pub struct Files {
    /// The form files the records name ([`attachments`]).
    pub attachments: Vec<Attachment>,
    /// The files of `content/static/`.
    pub static_files: Vec<Attachment>,
}

/// Puts a catalogue together from checked parts, in their display order.
#[allow(clippy::too_many_arguments)]
pub fn assemble(
    site: SiteConfig,
    mut fields: Vec<Field>,
    mut procedures: Vec<Entry>,
    mut stats: Vec<StatsPeriod>,
    pages: Vec<RawPage>,
    files: Files,
    now: Option<Date>,
    collation: &Collation,
) -> Catalogue {
    fields.sort_by(|a, b| {
        a.order
            .unwrap_or(i64::MAX)
            .cmp(&b.order.unwrap_or(i64::MAX))
            .then_with(|| collation.compare(&a.name, &b.name))
    });
    stats.sort_by_key(|s| std::cmp::Reverse(s.from));
    sort_entries(&mut procedures, collation);
    let by_code = index_by_code(&procedures);

    let mut page_list: Vec<Page> = pages
        .into_iter()
        .map(|p| Page {
            slug: page_slug(&p).0,
            body: p.body,
            meta: p.meta,
            file: p.file,
        })
        .collect();
    page_list.sort_by(|a, b| a.slug.cmp(&b.slug));

    Catalogue {
        site,
        fields,
        procedures,
        stats,
        pages: page_list,
        attachments: files.attachments,
        static_files: files.static_files,
        now,
        by_code,
        history_partial: false,
        history: Default::default(),
    }
}

/// The procedure codes that references (`related`, `replaces`) may name.
pub trait CodeSet {
    /// True when some procedure has `code`.
    fn has(&self, code: &str) -> bool;
    /// Every code, for suggestions.
    fn codes(&self) -> impl Iterator<Item = &str>;
}

impl CodeSet for HashSet<&str> {
    fn has(&self, code: &str) -> bool {
        self.contains(code)
    }
    fn codes(&self) -> impl Iterator<Item = &str> {
        self.iter().copied()
    }
}

/// Checks that the codes a record names in `related` and `replaces` exist among `known`.
pub fn check_references(file: &str, p: &Procedure, known: &impl CodeSet) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if p.related.is_empty() && p.replaces.is_empty() {
        return out;
    }
    let line_offset = u32::from(file.ends_with(".md"));
    let at = |d: Diagnostic, loc: &serde_saphyr::Location| d.at_location(loc, line_offset);
    for (key, codes) in [("related", &p.related), ("replaces", &p.replaces)] {
        for code in codes {
            if code.value.as_str() == p.code.value.as_str() {
                out.push(at(
                    Diagnostic::new(
                        file,
                        Message::ReferencesItself {
                            key: key.to_owned(),
                        },
                    ),
                    &code.referenced,
                ));
            } else if !known.has(code.value.as_str()) {
                let d = Diagnostic::new(
                    file,
                    Message::UnknownCode {
                        code: code.value.to_string(),
                        key: key.to_owned(),
                        suggestion: did_you_mean(&code.value, known.codes()).map(str::to_owned),
                    },
                );
                out.push(at(d, &code.referenced));
            }
        }
    }

    out
}

/// Checks one record against the site facts: everything that does not depend on the other
/// records (see [`check_references`] and [`check_unique`] for what does). Its result only
/// changes when the record, site.yaml, fields.yaml or a form file changes, so the dev server
/// keeps it per file.
pub fn check_record(root: &Path, file: &str, p: &Procedure, cx: &SiteFacts) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let line_offset = u32::from(file.ends_with(".md"));
    let at = |d: Diagnostic, loc: &serde_saphyr::Location| d.at_location(loc, line_offset);

    out.extend(record_links(p).filter_map(|(key, url)| check_link(file, line_offset, key, url)));
    if !cx.field_ids.contains(&p.field.value) {
        let suggestion = did_you_mean(&p.field.value, cx.field_list.iter().map(String::as_str));
        let d = Diagnostic::new(
            file,
            Message::UnknownField {
                id: p.field.value.clone(),
                suggestion: suggestion.map(str::to_owned),
                known: if suggestion.is_some() {
                    Vec::new()
                } else {
                    cx.field_list.clone()
                },
            },
        );
        out.push(at(d, &p.field.referenced));
    }

    // Names that become file or folder names of the site.
    let too_long = [
        name_too_long(file, NameOf::CodeLink, &vi::code_segment(&p.code.value))
            .map(|d| at(d, &p.code.referenced)),
        p.implementing_agency()
            .and_then(|agency| name_too_long(file, NameOf::AgencyUrl, &vi::slugify(agency)))
            .map(|d| at(d, &p.title.referenced)),
    ];
    out.extend(too_long.into_iter().flatten());

    // Non-empty lists the law requires.
    // (A part stated as `unknown` or `not_published` is not empty: it is warned about below.)
    let required: [(&str, bool); 6] = [
        (
            "applicants",
            p.applicants.known().is_some_and(Vec::is_empty),
        ),
        ("steps", p.steps.known().is_some_and(Vec::is_empty)),
        ("channels", p.channels.known().is_some_and(Vec::is_empty)),
        (
            "documents",
            p.documents
                .known()
                .is_some_and(|d| d.0.iter().all(|g| g.items.is_empty())),
        ),
        ("results", p.results.known().is_some_and(Vec::is_empty)),
        (
            "legal_basis",
            p.legal_basis.known().is_some_and(Vec::is_empty),
        ),
    ];
    for (key, empty) in required {
        if empty {
            let label = crate::model::labels::key_label(key).unwrap_or(key);
            out.push(at(
                Diagnostic::new(
                    file,
                    Message::RequiredEmpty {
                        key: key.to_owned(),
                        label: label.to_owned(),
                    },
                ),
                &p.title.referenced,
            ));
        }
    }

    // Ids inside the record.
    let mut fee_ids: HashSet<&str> = HashSet::new();
    out.extend(
        p.missing_parts()
            .map(|(key, missing)| at(missing_part_warning(file, key, missing), &missing.at)),
    );
    for fee in p.fees.items() {
        out.extend(
            check_fee(file, fee)
                .into_iter()
                .map(|d| at(d, &fee.id.referenced)),
        );
    }

    for fee in p.fees.items() {
        if !fee_ids.insert(fee.id.value.as_str()) {
            out.push(at(
                Diagnostic::new(
                    file,
                    Message::IdTwice {
                        of: Ids::Fee,
                        id: fee.id.value.clone(),
                    },
                ),
                &fee.id.referenced,
            ));
        }
    }
    let fee_list: Vec<&str> = p.fees.items().iter().map(|f| f.id.value.as_str()).collect();
    for channel in p.channels.items() {
        for fee in &channel.fees {
            if !fee_ids.contains(fee.value.as_str()) {
                let suggestion = did_you_mean(&fee.value, fee_list.iter().copied());
                let d = Diagnostic::new(
                    file,
                    Message::UnknownFee {
                        fee: fee.value.clone(),
                        suggestion: suggestion.map(str::to_owned),
                        known: if suggestion.is_some() {
                            Vec::new()
                        } else {
                            fee_list.iter().map(|f| (*f).to_owned()).collect()
                        },
                        fees_stated: p.fees.missing().is_none(),
                    },
                );
                out.push(at(d, &fee.referenced));
            }
        }
    }

    let mut form_ids: HashSet<&str> = HashSet::new();
    for form in p.forms.items() {
        if !form_ids.insert(form.id.value.as_str()) {
            out.push(at(
                Diagnostic::new(
                    file,
                    Message::IdTwice {
                        of: Ids::Form,
                        id: form.id.value.clone(),
                    },
                ),
                &form.id.referenced,
            ));
        }
        let Some(form_file) = &form.file else {
            // Only at its official address: it must have one, or there is nothing to download.
            if form.official_url.is_none() {
                out.push(at(
                    Diagnostic::new(
                        file,
                        Message::FormNowhere {
                            id: form.id.value.clone(),
                        },
                    ),
                    &form.id.referenced,
                ));
            }
            continue;
        };
        let long_name = Path::new(&*form_file.value)
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .find(|c| c.len() > MAX_NAME_BYTES);
        if let Some(name) = long_name {
            out.extend(
                name_too_long(file, NameOf::FormPathName, &name)
                    .map(|d| at(d, &form_file.referenced)),
            );
        } else if let Some(problem) = check_attachment(root, &form_file.value) {
            out.push(at(
                Diagnostic::new(
                    file,
                    Message::FormFile {
                        path: form_file.value.clone(),
                        problem,
                    },
                ),
                &form_file.referenced,
            ));
        }
    }
    let form_list: Vec<&str> = p
        .forms
        .items()
        .iter()
        .map(|f| f.id.value.as_str())
        .collect();
    for group in p.documents.groups() {
        for document in &group.items {
            if let Some(form) = &document.form
                && !form_ids.contains(form.value.as_str())
            {
                let d = Diagnostic::new(
                    file,
                    Message::UnknownForm {
                        form: form.value.clone(),
                        suggestion: did_you_mean(&form.value, form_list.iter().copied())
                            .map(str::to_owned),
                    },
                );
                out.push(at(d, &form.referenced));
            }
        }
    }

    for officer in &p.officers {
        if !cx.officer_ids.contains(officer.value.as_str()) {
            let d = Diagnostic::new(
                file,
                Message::UnknownOfficer {
                    id: officer.value.clone(),
                    suggestion: did_you_mean(
                        &officer.value,
                        cx.officer_ids.iter().map(String::as_str),
                    )
                    .map(str::to_owned),
                },
            );
            out.push(at(d, &officer.referenced));
        }
    }

    // The same day is allowed: real catalogues publish and repeal a procedure on one day.
    if let (Some(from), Some(to)) = (&p.effective_from, &p.effective_to)
        && to.value < from.value
    {
        out.push(at(
            Diagnostic::new(
                file,
                Message::EffectiveDates {
                    from: from.value,
                    to: to.value,
                },
            ),
            &to.referenced,
        ));
    }
    if p.status == Status::Upcoming && p.effective_from.is_none() {
        out.push(at(
            Diagnostic::new(file, Message::UpcomingWithoutDate),
            &p.title.referenced,
        ));
    }
    if let Some(now) = cx.now {
        if let Some(from) = &p.effective_from
            && p.status == Status::Upcoming
            && from.value <= now
        {
            out.push(at(
                Diagnostic::new(file, Message::UpcomingStarted { from: from.value }),
                &from.referenced,
            ));
        }
        if let Some(to) = &p.effective_to
            && matches!(p.status, Status::Active | Status::Suspended)
            && to.value < now
        {
            out.push(at(
                Diagnostic::new(file, Message::EndedStillInForce { to: to.value }),
                &to.referenced,
            ));
        }
        if let Some(verified) = &p.verified_on
            && verified.value > now
        {
            out.push(at(
                Diagnostic::new(file, Message::VerifiedInFuture { on: verified.value }),
                &verified.referenced,
            ));
        }
        for retrieved in p.sources.iter().filter_map(|s| s.retrieved_on.as_ref()) {
            if retrieved.value > now {
                out.push(at(
                    Diagnostic::new(
                        file,
                        Message::RetrievedInFuture {
                            on: retrieved.value,
                        },
                    ),
                    &retrieved.referenced,
                ));
            }
        }
    }
    for source in &p.sources {
        for part in &source.covers {
            if !Procedure::PARTS.contains(&part.value.as_str()) {
                let suggestion = did_you_mean(&part.value, Procedure::PARTS).map(str::to_owned);
                let d = Diagnostic::new(
                    file,
                    Message::SourceCovers {
                        value: part.value.clone(),
                        suggestion,
                    },
                );
                out.push(at(d, &part.referenced));
            }
        }
        if let Some(hash) = &source.sha256
            && !(hash.value.len() == 64 && hash.value.bytes().all(|b| b.is_ascii_hexdigit()))
        {
            let d = Diagnostic::new(
                file,
                Message::NotSha256 {
                    value: hash.value.clone(),
                },
            );
            out.push(at(d, &hash.referenced));
        }
    }
    if p.code.value.starts_with(Procedure::TEMPORARY_CODE_PREFIX) {
        out.push(at(
            Diagnostic::new(
                file,
                Message::TemporaryCode {
                    code: p.code.value.to_string(),
                },
            ),
            &p.code.referenced,
        ));
    }

    if let Some(cutoff) = p.processing_time.known().and_then(|t| t.cutoff.as_ref())
        && !is_clock_time(&cutoff.value)
    {
        out.push(at(
            Diagnostic::new(
                file,
                Message::NotTimeOfDay {
                    value: cutoff.value.to_string(),
                    cutoff: true,
                },
            ),
            &cutoff.referenced,
        ));
    }

    if let (Some(now), Some(verified)) = (cx.now, &p.verified_on)
        && now.days_since_epoch() - verified.value.days_since_epoch() > 365
    {
        out.push(at(
            Diagnostic::new(file, Message::VerifiedLongAgo { on: verified.value }),
            &verified.referenced,
        ));
    }
    out
}

/// The warning for a part stated as unknown (CK032) or not published (CK033): the site says so
/// to citizens, and the office should find it out.
fn missing_part_warning(file: &str, key: &str, missing: &Missing) -> Diagnostic {
    let label = crate::model::labels::key_label(key)
        .unwrap_or(key)
        .to_owned();
    let key = key.to_owned();
    let message = match missing.status {
        MissingStatus::Unknown => Message::PartUnknown { key, label },
        MissingStatus::NotPublished => Message::PartNotPublished { key, label },
    };
    Diagnostic::new(file, message)
}

/// Problems with one fee's amounts: a unit that names another currency than the fee's (it would
/// read "10 đồng USD/bản", CK034), or both `amount` and `tiers` (CK035).
fn check_fee(file: &str, fee: &crate::model::Fee) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let units = fee
        .unit
        .iter()
        .chain(fee.tiers.iter().filter_map(|t| t.unit.as_ref()));
    for unit in units {
        if let Some(code) = unit_currency(unit)
            && code != fee.currency.code()
        {
            out.push(Diagnostic::new(
                file,
                Message::FeeUnitCurrency {
                    fee: fee.id.value.clone(),
                    unit: unit.to_string(),
                    in_currency: code.to_owned(),
                    currency: fee.currency.code().to_owned(),
                },
            ));
        }
    }
    if fee.amount.is_some() && !fee.tiers.is_empty() {
        out.push(Diagnostic::new(
            file,
            Message::FeeAmountAndTiers {
                fee: fee.id.value.clone(),
            },
        ));
    }
    out
}

/// The ISO 4217 code a fee's unit starts with ("USD/bản" → USD), when it starts with one.
fn unit_currency(unit: &str) -> Option<&str> {
    let end = unit
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(unit.len());
    let word = &unit[..end];
    crate::model::Currency::parse(word).map(|_| word)
}

/// Problems with a form path, if any: it must be relative, stay inside `content/`, and exist.
fn check_attachment(root: &Path, path: &str) -> Option<FormPath> {
    let relative = Path::new(path);
    if relative.is_absolute()
        || relative
            .components()
            .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir))
    {
        return Some(FormPath::Leaves);
    }
    let content = root.join("content");
    let full = content.join(relative);
    match (full.canonicalize(), content.canonicalize()) {
        (Ok(file), Ok(content)) if file.starts_with(&content) && file.is_file() => None,
        (Ok(_), Ok(_)) => Some(FormPath::NotAFile),
        _ => Some(FormPath::Missing),
    }
}

fn is_clock_time(s: &str) -> bool {
    let Some((h, m)) = s.split_once(':') else {
        return false;
    };
    h.len() == 2
        && m.len() == 2
        && h.parse::<u8>().is_ok_and(|h| h < 24)
        && m.parse::<u8>().is_ok_and(|m| m < 60)
}

fn check_site(site: &SiteConfig, field_ids: &HashSet<String>, diagnostics: &mut Diagnostics) {
    let file = "content/site.yaml";
    let at = |d: Diagnostic, loc: &serde_saphyr::Location| d.at_location(loc, 0);
    // Officers and opening hours may be limited to fields, which must exist.
    let unknown_fields = |fields: &[serde_saphyr::Spanned<String>],
                          diagnostics: &mut Diagnostics| {
        for field in fields.iter().filter(|f| !field_ids.contains(&f.value)) {
            let id = field.value.clone();
            diagnostics.push(at(
                Diagnostic::new(file, Message::SiteUnknownField { id }),
                &field.referenced,
            ));
        }
    };
    let mut officer_ids = HashSet::new();
    for officer in &site.officers {
        if !officer_ids.insert(officer.id.value.as_str()) {
            diagnostics.push(at(
                Diagnostic::new(
                    file,
                    Message::IdTwice {
                        of: Ids::Officer,
                        id: officer.id.value.clone(),
                    },
                ),
                &officer.id.referenced,
            ));
        }
        unknown_fields(&officer.fields, diagnostics);
    }
    for id in &site.default_officers {
        if !officer_ids.contains(id.value.as_str()) {
            diagnostics.push(at(
                Diagnostic::new(
                    file,
                    Message::DefaultOfficerUnknown {
                        id: id.value.clone(),
                    },
                ),
                &id.referenced,
            ));
        }
    }
    for hours in &site.opening_hours {
        for day in &hours.days {
            if !vi::WEEKDAYS.contains(&day.value.as_str()) {
                diagnostics.push(at(
                    Diagnostic::new(
                        file,
                        Message::NotWeekday {
                            value: day.value.clone(),
                        },
                    ),
                    &day.referenced,
                ));
            }
        }
        for time in [&hours.opens, &hours.closes] {
            if !is_clock_time(&time.value) {
                diagnostics.push(at(
                    Diagnostic::new(
                        file,
                        Message::NotTimeOfDay {
                            value: time.value.to_string(),
                            cutoff: false,
                        },
                    ),
                    &time.referenced,
                ));
            }
        }
        if is_clock_time(&hours.opens.value)
            && is_clock_time(&hours.closes.value)
            && hours.closes.value <= hours.opens.value
        {
            diagnostics.push(at(
                Diagnostic::new(file, Message::DeskClosesBeforeOpens),
                &hours.closes.referenced,
            ));
        }
        unknown_fields(&hours.fields, diagnostics);
    }
    if let Some(url) = &site.base_url
        && !crate::links::is_site_address(&url.value)
    {
        diagnostics.push(at(
            Diagnostic::new(
                file,
                Message::BaseUrlNotAbsolute {
                    url: url.value.to_string(),
                },
            ),
            &url.referenced,
        ));
    }
    let links = [
        ("desk.map_url", site.desk.map_url.as_ref()),
        (
            "feedback.online_form_url",
            site.feedback
                .as_ref()
                .and_then(|f| f.online_form_url.as_ref()),
        ),
    ]
    .into_iter()
    .chain(
        site.online_portals
            .iter()
            .map(|p| ("online_portals[].url", Some(&p.url))),
    )
    .chain([(
        "data_license.url",
        site.data_license.as_ref().and_then(|l| l.url.as_ref()),
    )]);
    for (key, url) in links {
        if let Some(url) = url {
            diagnostics.extend_items(check_link(file, 0, key, url));
        }
    }
}
