//! Merging imported records with `content/` and writing them.
//!
//! [`plan`] decides every file before anything is written: which record file each code goes
//! to (its existing file, wherever an editor put it, or `procedures/<field>/<slug>.yaml`),
//! the merged text (the keys the source states replace the record's; explicit unknowns are
//! written only where the record has no such key; every other key an editor wrote is kept),
//! and the fields to add to `fields.yaml`. Each file is read back as a record; if any fails,
//! nothing is written. [`Plan::write`] writes each file to a temporary file beside it, then
//! renames them all.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use super::yaml::{Yaml, emit_document};
use super::{Batch, Change, FieldRef, Message, Problem, Record};
use crate::model::config::Field;

/// The record keys in the order of `docs/record.md`: files are written in this order.
pub const KEY_ORDER: [&str; 35] = [
    "code",
    "title",
    "slug",
    "aliases",
    "field",
    "level",
    "online_level",
    "online_url",
    "non_territorial",
    "status",
    "effective_from",
    "effective_to",
    "applicants",
    "agencies",
    "steps",
    "channels",
    "processing_time",
    "documents",
    "dossier_sets",
    "forms",
    "fees",
    "results",
    "conditions",
    "applicant_deadline",
    "legal_basis",
    "announcements",
    "officers",
    "hotline",
    "related",
    "replaces",
    "life_events",
    "keywords",
    "verified_on",
    "sources",
    "portal_id",
];

/// One record file to write.
#[derive(Debug)]
pub struct PlannedFile {
    /// Where, under the site root.
    pub path: PathBuf,
    /// The path as shown, relative to the root.
    pub shown: String,
    /// The new text.
    pub text: String,
    /// What changes.
    pub change: Change,
}

/// Everything an import would write.
#[derive(Debug)]
pub struct Plan {
    /// The record files, sorted by path.
    pub files: Vec<PlannedFile>,
    /// The new text of `content/fields.yaml`, when fields are added.
    pub fields_yaml: Option<(PathBuf, String)>,
    /// The names of the fields added.
    pub new_fields: Vec<String>,
}

/// An existing record: its file, top-level keys and Markdown guide.
struct Existing {
    path: PathBuf,
    pairs: Vec<(String, Yaml)>,
    body: Option<String>,
}

/// Plans the import of `batch` into the site at `root`. Errors (the batch's own, a
/// `fields.yaml` that does not read, a record that would not read back) come back as
/// problems, and then nothing may be written.
pub fn plan(root: &Path, batch: Batch) -> Result<(Plan, Vec<Problem>), Vec<Problem>> {
    // One record's repeated problem (a unit on each of its channels) is said once.
    let mut problems = batch.problems;
    problems.dedup();
    if problems
        .iter()
        .any(|p| p.severity == crate::diagnostics::Severity::Error)
    {
        return Err(problems);
    }
    let fields_path = root.join("content/fields.yaml");
    let fields_text = match std::fs::read_to_string(&fields_path) {
        Ok(text) => text,
        Err(e) => {
            problems.push(Problem::error(
                "content/fields.yaml",
                Message::CannotRead {
                    error: e.to_string(),
                },
            ));
            return Err(problems);
        }
    };
    let fields: Vec<Field> = if fields_text.trim().is_empty() {
        Vec::new()
    } else {
        match crate::content::parse_yaml(
            &fields_text,
            "content/fields.yaml",
            0,
            crate::diagnostics::Thing::FieldsYaml,
        ) {
            Ok(fields) => fields,
            Err(d) => {
                problems.push(Problem::error(
                    "content/fields.yaml",
                    Message::BadFieldsYaml { error: d },
                ));
                return Err(problems);
            }
        }
    };
    let mut records = batch.records;
    records.sort_by(|a, b| a.code.cmp(&b.code));

    // Fields: an existing one by id or by name without tone marks, else a new one.
    let mut by_name: HashMap<String, String> = fields
        .iter()
        .map(|f| (crate::vi::fold(&f.name), f.id.value.clone()))
        .collect();
    let mut ids: HashSet<String> = fields.iter().map(|f| f.id.value.clone()).collect();
    let mut next_order = fields.iter().filter_map(|f| f.order).max().unwrap_or(0);
    let mut appended = String::new();
    let mut new_fields = Vec::new();
    let mut field_ids = Vec::with_capacity(records.len());
    for record in &records {
        let id = match &record.field {
            FieldRef::Id(id) if ids.contains(id) => id.clone(),
            FieldRef::Id(id) => {
                problems.push(
                    Problem::error(&record.origin, Message::UnknownFieldId { id: id.clone() })
                        .for_code(&record.code),
                );
                id.clone()
            }
            FieldRef::Name(name) => {
                let name = super::field_name(name);
                let folded = crate::vi::fold(&name);
                match by_name.get(&folded) {
                    Some(id) => id.clone(),
                    None => {
                        let mut id = crate::vi::slugify(&name);
                        if id.is_empty() {
                            id = "linh-vuc".to_owned();
                        }
                        let base = id.clone();
                        let mut n = 2;
                        while ids.contains(&id) {
                            id = format!("{base}-{n}");
                            n += 1;
                        }
                        next_order += 1;
                        appended.push_str(&field_entry(&id, &name, next_order));
                        ids.insert(id.clone());
                        by_name.insert(folded, id.clone());
                        new_fields.push(name);
                        id
                    }
                }
            }
        };
        field_ids.push(id);
    }

    // Existing records by code, and the page slugs in use.
    let mut existing: HashMap<String, Existing> = HashMap::new();
    let mut slugs: HashMap<String, String> = HashMap::new();
    let mut broken: HashMap<String, PathBuf> = HashMap::new();
    for path in crate::content::record_files(root) {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let is_markdown = path.extension().is_some_and(|e| e == "md");
        let (yaml, body) = if is_markdown {
            match crate::content::split_front_matter(&text, "") {
                Ok(fm) => (fm.yaml.to_owned(), Some(fm.body.to_owned())),
                Err(_) => continue,
            }
        } else {
            (text.clone(), None)
        };
        let Ok(Yaml::Map(pairs)) = serde_saphyr::from_str::<Yaml>(&yaml) else {
            // A record that does not read cannot be merged; a new file for its code would make
            // two records with one code.
            if let Some(code) = crate::content::declared_code(&text) {
                broken.insert(code, path);
            }
            continue;
        };
        let get = |key: &str| {
            pairs
                .iter()
                .find(|(k, _)| k == key)
                .and_then(|(_, v)| v.as_str())
        };
        let Some(code) = get("code").map(str::to_owned) else {
            continue;
        };
        let slug = get("slug")
            .map(str::to_owned)
            .or_else(|| get("title").map(crate::vi::title_slug))
            .unwrap_or_default();
        slugs.insert(slug, code.clone());
        existing.insert(code, Existing { path, pairs, body });
    }

    let mut files = Vec::new();
    let mut paths_taken: HashSet<PathBuf> = existing.values().map(|e| e.path.clone()).collect();
    for (mut record, field_id) in records.into_iter().zip(field_ids) {
        record.state("field", Yaml::word(field_id.clone()));
        if let Some(path) = broken.get(&record.code) {
            let shown = path
                .strip_prefix(root)
                .unwrap_or(path)
                .display()
                .to_string();
            problems
                .push(Problem::error(&shown, Message::ExistingRecordBroken).for_code(&record.code));
            continue;
        }
        let old = existing.remove(&record.code);
        let (path, body, old_pairs) = match old {
            Some(e) => (e.path, e.body, Some(e.pairs)),
            None => {
                let mut slug = crate::vi::title_slug(&record.title);
                if slug.is_empty() || slugs.get(&slug).is_some_and(|c| *c != record.code) {
                    // Two records with one title: the code tells them apart, the same way
                    // each time.
                    let base = crate::vi::title_slug(&record.title);
                    let code = crate::vi::slugify(&record.code);
                    slug = if base.is_empty() {
                        code
                    } else {
                        format!("{base}-{code}")
                    };
                    record.state("slug", Yaml::word(slug.clone()));
                }
                slugs.insert(slug.clone(), record.code.clone());
                let dir = root.join("content/procedures").join(&field_id);
                let mut path = dir.join(format!("{slug}.yaml"));
                let mut n = 2;
                while paths_taken.contains(&path) {
                    path = dir.join(format!("{slug}-{n}.yaml"));
                    n += 1;
                }
                paths_taken.insert(path.clone());
                (path, None, None)
            }
        };
        let merged = merge(old_pairs.as_deref(), &record);
        let mut text = emit_document(&merged);
        if let Some(body) = &body {
            text = format!("---\n{text}---\n{body}");
        }
        let shown = path
            .strip_prefix(root)
            .unwrap_or(&path)
            .display()
            .to_string();
        let is_markdown = path.extension().is_some_and(|e| e == "md");
        if let Err(d) = crate::content::parse_record(text.as_bytes(), &shown, is_markdown) {
            problems.push(
                Problem::error(&shown, Message::WrittenRecordInvalid { error: d })
                    .for_code(&record.code),
            );
            continue;
        }
        let change = match &old_pairs {
            None => Change::Added,
            Some(old) => {
                let keys = changed_keys(old, &merged);
                if keys.is_empty() {
                    Change::Unchanged
                } else {
                    Change::Changed(keys)
                }
            }
        };
        files.push(PlannedFile {
            path,
            shown,
            text,
            change,
        });
    }
    if problems
        .iter()
        .any(|p| p.severity == crate::diagnostics::Severity::Error)
    {
        return Err(problems);
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    let fields_yaml = (!appended.is_empty()).then(|| {
        let mut text = fields_text;
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        text.push_str(&appended);
        (fields_path, text)
    });
    Ok((
        Plan {
            files,
            fields_yaml,
            new_fields,
        },
        problems,
    ))
}

/// A `fields.yaml` entry.
fn field_entry(id: &str, name: &str, order: i64) -> String {
    let text = emit_document(&[
        ("id".to_owned(), Yaml::word(id)),
        ("name".to_owned(), Yaml::Quoted(name.to_owned())),
        ("order".to_owned(), Yaml::Int(order)),
    ]);
    let mut out = String::new();
    for (i, line) in text.lines().enumerate() {
        out.push_str(if i == 0 { "- " } else { "  " });
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// The record's keys after a re-import: what the source states, what the record had (an
/// editor's keys, and values filled in where the source has none), and explicit unknowns
/// for the rest, in [`KEY_ORDER`].
fn merge(old: Option<&[(String, Yaml)]>, record: &Record) -> Vec<(String, Yaml)> {
    let mut keys: BTreeMap<usize, (String, Yaml)> = BTreeMap::new();
    let rank = |key: &str| {
        KEY_ORDER
            .iter()
            .position(|k| *k == key)
            .unwrap_or(KEY_ORDER.len())
    };
    let mut extra = Vec::new();
    for (key, value) in old.unwrap_or(&[]) {
        let r = rank(key);
        if r == KEY_ORDER.len() {
            extra.push((key.clone(), value.clone()));
        } else {
            keys.insert(r, (key.clone(), value.clone()));
        }
    }
    for entry in &record.entries {
        let r = rank(entry.key);
        if entry.stated || !keys.contains_key(&r) {
            keys.insert(r, (entry.key.to_owned(), entry.value.clone()));
        }
    }
    let mut out: Vec<(String, Yaml)> = keys.into_values().collect();
    out.extend(extra);
    out
}

/// The top-level keys whose values differ between `old` and `new`.
fn changed_keys(old: &[(String, Yaml)], new: &[(String, Yaml)]) -> Vec<String> {
    let mut keys = Vec::new();
    for (key, value) in new {
        match old.iter().find(|(k, _)| k == key) {
            Some((_, before)) if before.same(value) => {}
            _ => keys.push(key.clone()),
        }
    }
    for (key, _) in old {
        if !new.iter().any(|(k, _)| k == key) {
            keys.push(key.clone());
        }
    }
    keys
}

impl Plan {
    /// How many files are added, changed and unchanged.
    pub fn counts(&self) -> (usize, usize, usize) {
        let mut counts = (0, 0, 0);
        for file in &self.files {
            match file.change {
                Change::Added => counts.0 += 1,
                Change::Changed(_) => counts.1 += 1,
                Change::Unchanged => counts.2 += 1,
            }
        }
        counts
    }

    /// Writes the plan: every new or changed file to a temporary file beside it first, then
    /// each renamed over its target (so that no file is ever half-written, and a failure
    /// before the renames leaves `content/` as it was).
    pub fn write(&self) -> Result<(), Box<Problem>> {
        let mut staged: Vec<(PathBuf, PathBuf, String)> = Vec::new();
        let targets = self
            .files
            .iter()
            .filter(|f| f.change != Change::Unchanged)
            .map(|f| (&f.path, &f.text, f.shown.clone()))
            .chain(
                self.fields_yaml
                    .iter()
                    .map(|(p, t)| (p, t, "content/fields.yaml".to_owned())),
            );
        let result = (|| {
            for (path, text, shown) in targets {
                let fail = |e: std::io::Error| {
                    Box::new(Problem::error(
                        &shown,
                        Message::CannotWrite {
                            error: e.to_string(),
                        },
                    ))
                };
                let dir = path.parent().unwrap_or(Path::new("."));
                std::fs::create_dir_all(dir).map_err(fail)?;
                let name = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let temp = dir.join(format!(".{name}.congkhai-import"));
                std::fs::write(&temp, text).map_err(fail)?;
                staged.push((temp, path.clone(), shown));
            }
            Ok(())
        })();
        if let Err(problem) = result {
            for (temp, _, _) in &staged {
                let _ = std::fs::remove_file(temp);
            }
            return Err(problem);
        }
        for (temp, path, shown) in &staged {
            std::fs::rename(temp, path).map_err(|e| {
                Box::new(Problem::error(
                    shown,
                    Message::CannotWrite {
                        error: e.to_string(),
                    },
                ))
            })?;
        }
        Ok(())
    }
}
