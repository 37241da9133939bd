//! The inverted index, built from the typed records (never from rendered HTML).
//!
//! Terms are grouped by their first word, the *head*: the group of "dang" holds the postings of
//! the word itself, of the bigrams that start with it ("dang ky"), of the title anchors ("dang"
//! starts a title, "dang" ends one) and of the lowercase originals it was written as ("đăng",
//! "đảng"), so that one lookup by head answers everything a query word needs, and the sharded
//! tier can split the index between heads.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use rayon::prelude::*;

use super::text;
use crate::model::{Catalogue, Entry, Level, OnlineLevel};
use crate::vi;

/// Where a word was found; the ranking weighs the classes with [`WEIGHTS`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Class {
    /// Names of documents of the dossier, and of results.
    Document = 0,
    /// Field and agency names.
    Facet = 1,
    /// Keywords and life events.
    Keyword = 2,
    /// The title and the code.
    Title = 3,
}

/// Weight of each [`Class`], by its number: title > keywords and life events > field and agency
/// names > documents and results.
pub const WEIGHTS: [u32; 4] = [1, 3, 6, 10];

impl Class {
    fn from_u8(n: u8) -> Class {
        match n {
            0 => Class::Document,
            1 => Class::Facet,
            2 => Class::Keyword,
            _ => Class::Title,
        }
    }

    /// The weight of the class.
    pub fn weight(self) -> u32 {
        WEIGHTS[self as usize]
    }
}

/// Follower key of the anchor "the head word starts a title".
pub const TITLE_START: &str = "<";
/// Follower key of the anchor "the head word ends a title".
pub const TITLE_END: &str = ">";
/// Follower key of "the head word is the code of the procedure" (or its number).
pub const CODE: &str = "#";

/// One document of a posting list, with the best class the term was found in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Posting {
    /// Document number (an index into [`Index::docs`]).
    pub doc: u32,
    /// Best class of the term in that document.
    pub class: Class,
}

/// Everything the index knows about one head word.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Group {
    /// Documents that contain the word.
    pub postings: Vec<Posting>,
    /// Bigrams by second word, the title anchors [`TITLE_START`] and [`TITLE_END`], and
    /// [`CODE`] for the procedures whose code this word is.
    pub next: BTreeMap<String, Vec<Posting>>,
    /// Documents whose title, keywords or life events write the word exactly so ("mã" or
    /// "má" for "ma"); only kept when the word is written in two ways or more.
    pub variants: BTreeMap<String, Vec<u32>>,
}

/// A value of a facet: its URL value and its label.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetValue {
    /// Value in the URL (`ho-tich`, `xa`, `toan-trinh`).
    pub id: String,
    /// Label shown to people.
    pub label: String,
}

/// A searchable procedure and its facet values (indexes into the index's value lists).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Doc {
    /// Index into `catalogue.procedures`.
    pub entry: usize,
    /// Index into [`Index::fields`].
    pub field: usize,
    /// Index into [`Index::levels`].
    pub level: usize,
    /// Index into [`Index::agencies`].
    pub agency: usize,
    /// Index into [`Index::online`].
    pub online: usize,
    /// Nothing to pay.
    pub free: bool,
}

/// The search index of a catalogue.
#[derive(Clone, Debug, Default)]
pub struct Index {
    /// Listed procedures, ordered by field (in the catalogue's field order), then as in the
    /// catalogue (Vietnamese title order): every field is one range of document numbers.
    pub docs: Vec<Doc>,
    /// Term groups by head word, in byte order.
    pub groups: BTreeMap<String, Group>,
    /// Fields that have procedures, in the catalogue's order.
    pub fields: Vec<FacetValue>,
    /// Levels that have procedures.
    pub levels: Vec<FacetValue>,
    /// Implementing agencies, in Vietnamese order.
    pub agencies: Vec<FacetValue>,
    /// Online levels that have procedures.
    pub online: Vec<FacetValue>,
}

/// The words of one document, before merging: (head, follower or "", class) and variants.
#[derive(Default)]
struct DocTerms {
    terms: HashMap<(String, String), Class>,
    variants: BTreeSet<(String, String)>,
}

impl DocTerms {
    fn add(&mut self, head: &str, follower: &str, class: Class) {
        let slot = self
            .terms
            .entry((head.to_owned(), follower.to_owned()))
            .or_insert(class);
        *slot = (*slot).max(class);
    }

    fn text(&mut self, text: &str, class: Class, anchors: bool) {
        let words = text::words(text);
        for (i, w) in words.iter().enumerate() {
            self.add(&w.folded, "", class);
            if let Some(next) = words.get(i + 1) {
                self.add(&w.folded, &next.folded, class);
            }
            if class >= Class::Keyword
                && let Some(original) = &w.original
            {
                self.variants.insert((w.folded.clone(), original.clone()));
            }
        }
        if anchors {
            if let Some(first) = words.first() {
                self.add(&first.folded, TITLE_START, class);
            }
            if let Some(last) = words.last() {
                self.add(&last.folded, TITLE_END, class);
            }
        }
    }

    fn of(t: &Texts<'_>) -> DocTerms {
        let mut terms = DocTerms::default();
        terms.text(t.title, Class::Title, true);
        // The code as written ("1.001193"), and its number alone ("001193"), which is how
        // people read it out from a paper form.
        terms.text(t.code, Class::Title, false);
        for w in text::words(t.code) {
            terms.add(&w.folded, CODE, Class::Title);
        }
        if let Some((_, rest)) = t.code.split_once('.') {
            let number = rest.split('.').next().unwrap_or("");
            if number.len() >= 3 && number.bytes().all(|b| b.is_ascii_digit()) {
                terms.add(number, "", Class::Title);
                terms.add(number, CODE, Class::Title);
            }
        }
        for k in &t.keywords {
            terms.text(k, Class::Keyword, false);
        }
        for n in &t.names {
            terms.text(n, Class::Facet, false);
        }
        for d in &t.documents {
            terms.text(d, Class::Document, false);
        }
        terms
    }
}

/// The searchable texts of one procedure, by class.
#[derive(Clone, Debug, Default)]
pub struct Texts<'a> {
    /// Title.
    pub title: &'a str,
    /// Code.
    pub code: &'a str,
    /// Keywords and life events.
    pub keywords: Vec<&'a str>,
    /// Field and agency names.
    pub names: Vec<&'a str>,
    /// Document and result names.
    pub documents: Vec<&'a str>,
}

impl<'a> Texts<'a> {
    /// The texts of `entry`.
    pub fn of(catalogue: &'a Catalogue, entry: &'a Entry) -> Texts<'a> {
        let p = &entry.procedure;
        let mut names: Vec<&str> = Vec::new();
        if let Some(field) = catalogue.field(&p.field.value) {
            names.push(&field.name);
        }
        names.push(&p.agencies.implementing);
        names.push(&p.agencies.competent);
        Texts {
            title: entry.title(),
            code: entry.code(),
            keywords: p
                .keywords
                .iter()
                .chain(&p.life_events)
                .map(|k| k.as_str())
                .collect(),
            names,
            documents: p
                .documents
                .0
                .iter()
                .flat_map(|g| g.items.iter().map(|d| d.name.as_str()))
                .chain(p.results.iter().map(|r| r.as_str()))
                .collect(),
        }
    }
}

/// The term groups of documents given by their texts, in document order.
pub fn groups(texts: &[Texts<'_>]) -> BTreeMap<String, Group> {
    let t0 = std::time::Instant::now();
    let per_doc: Vec<DocTerms> = texts.par_iter().map(DocTerms::of).collect();
    eprintln!("  per doc {:?}", t0.elapsed());
    let mut groups = merge(per_doc);
    eprintln!("  merge {:?}", t0.elapsed());
    // Variants only say something when a word is written in two ways or more.
    for group in groups.values_mut() {
        if group.variants.len() < 2 {
            group.variants.clear();
        }
    }
    groups
}

/// Labels from the theme's i18n (`level.<id>`, `online_level.<id>`), or the id.
fn label(labels: &serde_json::Value, section: &str, id: &str) -> String {
    labels
        .pointer(&format!("/{section}/{id}"))
        .and_then(|v| v.as_str())
        .unwrap_or(id)
        .to_owned()
}

/// URL value of an online level.
fn online_slug(level: OnlineLevel) -> &'static str {
    match level {
        OnlineLevel::Full => "toan-trinh",
        OnlineLevel::Partial => "mot-phan",
        OnlineLevel::None => "khong",
    }
}

impl Index {
    /// Builds the index of the listed procedures of `catalogue`; `labels` are the theme's
    /// i18n labels (for the names of levels and online levels).
    pub fn build(catalogue: &Catalogue, labels: &serde_json::Value) -> Index {
        let t0 = std::time::Instant::now();
        // Documents: by field, then in catalogue order.
        let mut order: Vec<(usize, usize)> = Vec::new();
        let mut fields = Vec::new();
        for field in &catalogue.fields {
            let before = order.len();
            for (i, entry) in catalogue.procedures.iter().enumerate() {
                if entry.is_listed() && entry.procedure.field.value == field.id.value {
                    order.push((fields.len(), i));
                }
            }
            if order.len() > before {
                fields.push(FacetValue {
                    id: field.id.value.clone(),
                    label: field.name.to_string(),
                });
            }
        }

        let levels: Vec<Level> = Level::ALL
            .into_iter()
            .filter(|l| {
                order
                    .iter()
                    .any(|(_, i)| catalogue.procedures[*i].level() == *l)
            })
            .collect();
        let online: Vec<OnlineLevel> = OnlineLevel::ALL
            .into_iter()
            .filter(|l| {
                order
                    .iter()
                    .any(|(_, i)| catalogue.procedures[*i].procedure.online_level == *l)
            })
            .collect();
        // Agencies grouped by slug, as the /co-quan/ listings are; named as first met there.
        let mut agency_names: BTreeMap<String, String> = BTreeMap::new();
        for entry in &catalogue.procedures {
            let name = entry.procedure.agencies.implementing.to_string();
            agency_names.entry(vi::slugify(&name)).or_insert(name);
        }
        let mut agencies: Vec<FacetValue> = agency_names
            .into_iter()
            .filter(|(slug, _)| {
                order.iter().any(|(_, i)| {
                    vi::slugify(&catalogue.procedures[*i].procedure.agencies.implementing) == *slug
                })
            })
            .map(|(id, label)| FacetValue { id, label })
            .collect();
        let collation = vi::Collation::new();
        agencies.sort_by(|a, b| collation.compare(&a.label, &b.label));
        let agency_index: HashMap<&str, usize> = agencies
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.as_str(), i))
            .collect();

        let docs: Vec<Doc> = order
            .iter()
            .map(|&(field, i)| {
                let p = &catalogue.procedures[i].procedure;
                Doc {
                    entry: i,
                    field,
                    level: levels.iter().position(|l| *l == p.level).unwrap_or(0),
                    agency: agency_index
                        .get(vi::slugify(&p.agencies.implementing).as_str())
                        .copied()
                        .unwrap_or(0),
                    online: online
                        .iter()
                        .position(|l| *l == p.online_level)
                        .unwrap_or(0),
                    free: p.fees.iter().all(|f| f.amount == 0),
                }
            })
            .collect();

        eprintln!("docs {:?}", t0.elapsed());
        let texts: Vec<Texts<'_>> = docs
            .iter()
            .map(|d| Texts::of(catalogue, &catalogue.procedures[d.entry]))
            .collect();
        eprintln!("texts {:?}", t0.elapsed());
        let groups = groups(&texts);
        eprintln!("groups {:?}", t0.elapsed());

        Index {
            docs,
            groups,
            fields,
            levels: levels
                .iter()
                .map(|l| FacetValue {
                    id: l.slug().to_owned(),
                    label: label(labels, "level", l.id()),
                })
                .collect(),
            agencies,
            online: online
                .iter()
                .map(|l| FacetValue {
                    id: online_slug(*l).to_owned(),
                    label: label(labels, "online_level", l.id()),
                })
                .collect(),
        }
    }

    /// Number of documents of each field, in [`Index::fields`] order (fields are ranges).
    pub fn field_sizes(&self) -> Vec<usize> {
        let mut sizes = vec![0; self.fields.len()];
        for d in &self.docs {
            sizes[d.field] += 1;
        }
        sizes
    }
}

/// Merges per-document terms (in document order, so postings come out sorted).
fn merge(per_doc: Vec<DocTerms>) -> BTreeMap<String, Group> {
    let mut groups: HashMap<String, Group> = HashMap::new();
    for (doc, DocTerms { terms, variants }) in per_doc.into_iter().enumerate() {
        let doc = doc as u32;
        for ((head, follower), class) in terms {
            let group = groups.entry(head).or_default();
            let posting = Posting { doc, class };
            if follower.is_empty() {
                group.postings.push(posting);
            } else {
                group.next.entry(follower).or_default().push(posting);
            }
        }
        for (head, variant) in variants {
            groups
                .entry(head)
                .or_default()
                .variants
                .entry(variant)
                .or_default()
                .push(doc);
        }
    }
    groups.into_iter().collect()
}

/// Rebuilds a class from its number (the inverse of `class as u8`).
pub fn class_of(n: u8) -> Class {
    Class::from_u8(n)
}
