//! The inverted index, built from the typed records (never from rendered HTML).
//!
//! Terms are grouped by their first word, the *head*: the group of "dang" holds the postings of
//! the word itself, of the bigrams that start with it ("dang ky"), of the title anchors ("dang"
//! starts a title, "dang" ends one) and of the lowercase originals it was written as ("đăng",
//! "đảng"), so that one lookup by head answers everything a query word needs, and the sharded
//! tier can split the index between heads.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap};

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::text;
use crate::model::config::Field;
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

/// Follower keys of the anchor "the head word starts a title" begin with this, followed by
/// the number of words of the title ("<4"): the ranking puts the shorter of two titles that
/// match a query alike first ("khai sinh": "Đăng ký khai sinh" before "Cấp bản sao Trích lục
/// hộ tịch, bản sao Giấy khai sinh").
pub const TITLE_START: &str = "<";
/// Follower keys of the anchor "the head word ends a title": this and the title's word count.
pub const TITLE_END: &str = ">";
/// Titles longer than this count as this long in the anchors' keys.
pub const LONGEST_TITLE: u32 = 64;

/// The title length an anchor key states ("<12" → 12), when `key` is an anchor of `kind`
/// ([`TITLE_START`] or [`TITLE_END`]).
pub fn anchor_length(key: &str, kind: &str) -> Option<u32> {
    key.strip_prefix(kind)?.parse().ok()
}
/// Follower key of "the head word is the code of the procedure" (or its number).
pub const CODE: &str = "#";

/// One document of a posting list, with the best class the term was found in, packed into one
/// number (document number × 4 + class): at 100,000 synthetic documents an index holds about
/// 15 million postings, and a `u32` and a class side by side would take eight bytes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Posting(u32);

impl Posting {
    /// Document numbers must be below this.
    pub const MAX_DOCS: u32 = 1 << 30;

    /// The posting of document `doc` (below [`Posting::MAX_DOCS`]) for `class`.
    pub fn new(doc: u32, class: Class) -> Posting {
        debug_assert!(doc < Self::MAX_DOCS);
        Posting(doc << 2 | class as u32)
    }

    /// Document number (an index into [`Index::docs`]).
    pub fn doc(self) -> u32 {
        self.0 >> 2
    }

    /// Best class of the term in that document.
    pub fn class(self) -> Class {
        Class::from_u8((self.0 & 3) as u8)
    }
}

impl std::fmt::Debug for Posting {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Posting")
            .field("doc", &self.doc())
            .field("class", &self.class())
            .finish()
    }
}

/// Everything the index knows about one head word.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Group {
    /// Documents that contain the word.
    pub postings: Vec<Posting>,
    /// Bigrams by second word, the title anchors [`TITLE_START`] and [`TITLE_END`], and
    /// [`CODE`] for the procedures whose code this word is.
    pub next: Followers,
    /// Documents whose title, keywords or life events write the word exactly so ("mã" or
    /// "má" for "ma"); only kept when the word is written in two ways or more.
    pub variants: BTreeMap<String, Vec<u32>>,
}

/// The posting lists of a head word's followers, in byte order of the follower keys.
///
/// A map with a string and a list for each follower made building the groups add 170 MiB of
/// resident memory at 100,000 documents; here the keys are one string, and the postings one
/// list (with texts made per chunk too, RSS after the groups went from 1,020 to 899 MiB).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Followers {
    /// The keys, one after the other.
    keys: String,
    /// Where each follower's key and postings end in `keys` and `postings`.
    ends: Vec<(u32, u32)>,
    /// The posting lists, one after the other.
    postings: Vec<Posting>,
}

impl Followers {
    /// Adds a follower whose key sorts after every key so far.
    pub fn push(&mut self, key: &str, postings: impl IntoIterator<Item = Posting>) {
        debug_assert!(self.is_empty() || self.at(self.len() - 1).0 < key);
        self.keys.push_str(key);
        self.postings.extend(postings);
        self.ends
            .push((self.keys.len() as u32, self.postings.len() as u32));
    }

    /// Number of followers.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The key and postings of follower `i`.
    fn at(&self, i: usize) -> (&str, &[Posting]) {
        let (key_start, postings_start) = match i {
            0 => (0, 0),
            _ => self.ends[i - 1],
        };
        let (key_end, postings_end) = self.ends[i];
        (
            &self.keys[key_start as usize..key_end as usize],
            &self.postings[postings_start as usize..postings_end as usize],
        )
    }

    /// Followers and their postings, in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &[Posting])> {
        (0..self.len()).map(|i| self.at(i))
    }

    /// Followers from the first whose key is `key` or sorts after it, in key order.
    pub fn from(&self, key: &str) -> impl Iterator<Item = (&str, &[Posting])> {
        // A binary search over the followers' numbers.
        let (mut low, mut high) = (0, self.len());
        while low < high {
            let middle = low + (high - low) / 2;
            if self.at(middle).0 < key {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        (low..self.len()).map(|i| self.at(i))
    }

    /// The postings of `key`.
    pub fn get(&self, key: &str) -> Option<&[Posting]> {
        self.from(key)
            .next()
            .filter(|(k, _)| *k == key)
            .map(|(_, p)| p)
    }
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

/// A follower of a head word in one document's terms.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Follower {
    /// The word alone.
    None,
    /// [`CODE`].
    Code,
    /// [`TITLE_START`], with the title's word count.
    Start(u32),
    /// [`TITLE_END`], with the title's word count.
    End(u32),
    /// The next word: a range of [`RawTerms::buf`].
    Word(u32, u32),
}

/// The terms of one document, before merging. Every word lives in one folded buffer and words
/// are ranges of it: a document has hundreds of words, and a string for each would cost more
/// than all the rest of the index.
#[derive(Default)]
struct DocTerms {
    /// The folded texts of the document, one after the other.
    buf: String,
    /// The document's distinct words, as ranges of `buf`, by local word number.
    words: Vec<(u32, u32)>,
    /// (head, follower, class), one per (head, follower) with the best class. The head is a
    /// local word number; the follower is one too, or one of [`NONE`], [`CODE_ID`],
    /// [`START_ID`] and [`END_ID`].
    terms: Vec<(u32, u32, Class)>,
    /// (folded, lowercase original) of title, keyword and life-event words.
    variants: BTreeSet<(String, String)>,
}

/// Word → number maps of one document, whose words are borrowed from its buffer. The words
/// are short strings from trusted content, so they are hashed with FxHash rather than the
/// flooding-resistant SipHash, which was a tenth of the index time. Nothing that is written
/// out follows hash order.
type Numbers<'a> = FxHashMap<&'a str, u32>;

/// Word → number map of the whole index, which owns its words: they outlive the documents
/// they were read from.
type Words = FxHashMap<Box<str>, u32>;

/// Follower number of the word alone.
const NONE: u32 = u32::MAX;
/// Follower number of [`CODE`].
const CODE_ID: u32 = u32::MAX - 1;
/// Follower number of [`TITLE_START`] for a title of one word; one less per word more.
const START_ID: u32 = u32::MAX - 2;
/// Follower number of [`TITLE_END`] for a title of one word; one less per word more. The
/// follower numbers from [`ANCHORS_FROM`] up are not words.
const END_ID: u32 = START_ID - LONGEST_TITLE;
/// The lowest follower number that is not a word.
const ANCHORS_FROM: u32 = END_ID - (LONGEST_TITLE - 1);

/// A document's terms as they are read: words are ranges of the folded buffer.
#[derive(Default)]
struct RawTerms {
    buf: String,
    terms: Vec<((u32, u32), Follower, Class)>,
    variants: BTreeSet<(String, String)>,
}

impl RawTerms {
    /// Folds `text` into the buffer and returns the ranges of its words.
    fn fold(&mut self, text: &str) -> Vec<(u32, u32)> {
        let start = self.buf.len();
        vi::fold_into(text, &mut self.buf);
        self.buf.push(' ');
        let base = self.buf.as_ptr() as usize;
        let words: Vec<(u32, u32)> = vi::words(&self.buf[start..])
            .map(|w| {
                let at = (w.as_ptr() as usize - base) as u32;
                (at, at + w.len() as u32)
            })
            .collect();
        // Search reads a word-final "y" after a consonant as "i" (text::spelling); the
        // rewrite keeps the length, so the ranges stay right.
        for &(from, to) in &words {
            if text::ends_in_y_read_as_i(&self.buf[from as usize..to as usize]) {
                self.buf.replace_range(to as usize - 1..to as usize, "i");
            }
        }
        words
    }

    fn text(&mut self, text: &str, class: Class, anchors: bool) {
        let words = self.fold(text);
        for (i, w) in words.iter().enumerate() {
            self.terms.push((*w, Follower::None, class));
            if let Some(next) = words.get(i + 1) {
                self.terms.push((*w, Follower::Word(next.0, next.1), class));
            }
        }
        if anchors {
            let length = (words.len() as u32).clamp(1, LONGEST_TITLE);
            if let Some(first) = words.first() {
                self.terms.push((*first, Follower::Start(length), class));
            }
            if let Some(last) = words.last() {
                self.terms.push((*last, Follower::End(length), class));
            }
        }
        if class >= Class::Keyword {
            for w in text::words(text) {
                if let Some(original) = w.original {
                    self.variants.insert((w.folded, original));
                }
            }
        }
    }

    /// Numbers the distinct words and keeps one term per (head, follower), with the best
    /// class. Terms are then compared as numbers, which costs far less than comparing words.
    fn finish(self) -> DocTerms {
        let RawTerms {
            buf,
            terms: raw,
            variants,
        } = self;
        let mut numbers = Numbers::default();
        let mut words: Vec<(u32, u32)> = Vec::new();
        // The number of the word that starts at each byte of the buffer, once looked up.
        let mut at: Vec<u32> = vec![NONE; buf.len()];
        let mut number = |(a, b): (u32, u32)| -> u32 {
            if at[a as usize] == NONE {
                let next = words.len() as u32;
                let n = *numbers.entry(&buf[a as usize..b as usize]).or_insert(next);
                if n == next {
                    words.push((a, b));
                }
                at[a as usize] = n;
            }
            at[a as usize]
        };
        let mut terms: Vec<(u32, u32, Class)> = raw
            .iter()
            .map(|&(head, follower, class)| {
                let head = number(head);
                let follower = match follower {
                    Follower::None => NONE,
                    Follower::Code => CODE_ID,
                    Follower::Start(n) => START_ID - (n - 1),
                    Follower::End(n) => END_ID - (n - 1),
                    Follower::Word(a, b) => number((a, b)),
                };
                (head, follower, class)
            })
            .collect();
        terms.sort_unstable_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)).then(b.2.cmp(&a.2)));
        terms.dedup_by_key(|t| (t.0, t.1));
        DocTerms {
            buf,
            words,
            terms,
            variants,
        }
    }
}

impl DocTerms {
    /// The word of local number `n`.
    fn word(&self, n: u32) -> &str {
        let (a, b) = self.words[n as usize];
        &self.buf[a as usize..b as usize]
    }

    fn of(t: &Texts<'_>) -> DocTerms {
        let mut terms = RawTerms::default();
        terms.text(t.title, Class::Title, true);
        // The code as written ("1.001193"), and its number alone ("001193"), which is how
        // people read it out from a paper form.
        terms.text(t.code, Class::Title, false);
        for w in terms.fold(t.code) {
            terms.terms.push((w, Follower::Code, Class::Title));
        }
        if let Some((_, rest)) = t.code.split_once('.') {
            let number = rest.split('.').next().unwrap_or("");
            if number.len() >= 3 && number.bytes().all(|b| b.is_ascii_digit()) {
                for w in terms.fold(number) {
                    terms.terms.push((w, Follower::None, Class::Title));
                    terms.terms.push((w, Follower::Code, Class::Title));
                }
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
        terms.finish()
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
    pub fn of(fields: &HashMap<&str, &'a Field>, entry: &'a Entry) -> Texts<'a> {
        let p = &entry.procedure;
        let mut names: Vec<&str> = Vec::new();
        if let Some(&field) = fields.get(p.field.value.as_str()) {
            names.push(&field.name);
        }
        if let Some(agencies) = p.agencies.known() {
            names.extend(agencies.implementing.iter().map(|a| a.as_str()));
            names.extend(agencies.competent.as_deref());
            names.extend(agencies.receiving.as_deref());
        }
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
                .groups()
                .iter()
                .flat_map(|g| g.items.iter().map(|d| d.name.as_str()))
                .chain(p.results.items().iter().map(|r| r.as_str()))
                .collect(),
        }
    }
}

/// Documents whose terms are read at a time while building the index: the terms of one
/// document weigh some kilobytes before merging (its folded texts and their word ranges), so
/// they are read in parallel a chunk at a time, merged, and dropped, and the index build never
/// holds them for every document at once (at 100,000 documents they would weigh 600 MB).
pub(super) const CHUNK: usize = 2048;

/// The term groups of `count` documents, in document order, given the texts of each document
/// by number (they are made a chunk at a time too).
pub fn groups<'a>(
    count: usize,
    texts: impl Fn(usize) -> Texts<'a> + Sync,
) -> BTreeMap<String, Group> {
    let read = |first: usize| -> Option<Vec<DocTerms>> {
        (first < count).then(|| {
            (first..count.min(first + CHUNK))
                .into_par_iter()
                .map(|doc| DocTerms::of(&texts(doc)))
                .collect()
        })
    };
    // Merging is sequential (postings come out in document order), so the next chunk is read
    // while this one merges: in turns, the merge left a core idle for about a fifth of the
    // reading.
    let mut merger = Merger::default();
    let mut first = 0;
    let mut chunk = read(first);
    while let Some(per_doc) = chunk {
        let next = first + CHUNK;
        chunk = rayon::join(|| merger.add(first as u32, per_doc), || read(next)).1;
        first = next;
    }
    let mut groups = merger.finish();
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

/// URL value of an online level; `chua-ro` when the record does not state it.
fn online_slug(level: Option<OnlineLevel>) -> &'static str {
    match level {
        Some(OnlineLevel::Full) => "toan-trinh",
        Some(OnlineLevel::Partial) => "mot-phan",
        Some(OnlineLevel::None) => "khong",
        None => "chua-ro",
    }
}

impl Index {
    /// Builds the index of the listed procedures of `catalogue`; `labels` are the theme's
    /// i18n labels (for the names of levels and online levels).
    pub fn build(catalogue: &Catalogue, labels: &serde_json::Value) -> Index {
        // Documents: by field, then in catalogue order.
        let mut order: Vec<(usize, usize)> = Vec::new();
        let mut fields = Vec::new();
        for (field, items) in catalogue.fields.iter().zip(catalogue.listed_by_field()) {
            let before = order.len();
            order.extend(items.into_iter().map(|i| (fields.len(), i)));
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
        // `None`: the record does not state it, a value of its own (never "not online").
        let online: Vec<Option<OnlineLevel>> = OnlineLevel::ALL
            .into_iter()
            .map(Some)
            .chain([None])
            .filter(|l| {
                order
                    .iter()
                    .any(|(_, i)| catalogue.procedures[*i].procedure.online_level() == *l)
            })
            .collect();
        // Agencies grouped by slug, as the /co-quan/ listings are; named as first met there.
        let mut agency_names: BTreeMap<String, String> = BTreeMap::new();
        for entry in &catalogue.procedures {
            if let Some(name) = entry.procedure.implementing_agency() {
                let name = name.to_string();
                agency_names.entry(vi::slugify(&name)).or_insert(name);
            }
        }
        let doc_agency: Vec<String> = order
            .iter()
            .map(|(_, i)| {
                catalogue.procedures[*i]
                    .procedure
                    .implementing_agency()
                    .map(|a| vi::slugify(a))
                    .unwrap_or_default()
            })
            .collect();
        let used: BTreeSet<&str> = doc_agency.iter().map(String::as_str).collect();
        let mut agencies: Vec<FacetValue> = agency_names
            .into_iter()
            .filter(|(slug, _)| used.contains(slug.as_str()))
            .map(|(id, label)| FacetValue { id, label })
            .collect();
        let collation = vi::Collation::new();
        agencies.sort_by(|a, b| collation.compare(&a.label, &b.label));
        // Records that do not state their agencies: a value of their own, last (never counted
        // under another agency).
        if used.contains("") {
            agencies.push(FacetValue {
                id: "chua-ro".to_owned(),
                label: label(labels, "missing/unknown", "agencies"),
            });
        }
        let mut agency_index: HashMap<&str, usize> = agencies
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.as_str(), i))
            .collect();
        if let Some(i) = agency_index.remove("chua-ro") {
            agency_index.insert("", i);
        }

        let docs: Vec<Doc> = order
            .iter()
            .zip(&doc_agency)
            .map(|(&(field, i), agency_slug)| {
                let p = &catalogue.procedures[i].procedure;
                Doc {
                    entry: i,
                    field,
                    level: levels.iter().position(|l| *l == p.level).unwrap_or(0),
                    agency: agency_index.get(agency_slug.as_str()).copied().unwrap_or(0),
                    online: online
                        .iter()
                        .position(|l| *l == p.online_level())
                        .unwrap_or(0),
                    free: p.is_known_free(),
                }
            })
            .collect();

        let fields_by_id = catalogue.fields_by_id();
        let groups = groups(docs.len(), |doc| {
            Texts::of(&fields_by_id, &catalogue.procedures[docs[doc].entry])
        });

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
                    label: label(labels, "online_level", l.map_or("unknown", OnlineLevel::id)),
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

/// A posting of a head word's follower, by follower number.
type FollowerPosting = (u32, Posting);

/// The postings of one head word: of the word alone, and by follower number.
#[derive(Default)]
struct Slot {
    postings: Vec<Posting>,
    next: Vec<FollowerPosting>,
}

/// Merges per-document terms, given chunk by chunk in document order so that postings come
/// out sorted. Words are interned while merging, so each distinct term is allocated once and
/// outlives the chunk it was first read in; the postings of each head word are gathered under
/// its number, and made into groups in parallel at the end.
#[derive(Default)]
struct Merger {
    /// The number of each distinct word, in the order words were first met.
    ids: Words,
    /// The postings of each head word, by word number.
    slots: Vec<Slot>,
    /// Documents of each (folded, lowercase original) word of titles, keywords and life
    /// events.
    variants: BTreeMap<(String, String), Vec<u32>>,
    /// Word number of each local word number of the current document.
    global: Vec<u32>,
}

impl Merger {
    /// Merges the terms of the documents numbered from `first` on, in document order.
    fn add(&mut self, first: u32, per_doc: Vec<DocTerms>) {
        for (doc, terms) in (first..).zip(per_doc) {
            self.global.clear();
            for n in 0..terms.words.len() as u32 {
                self.global.push(intern(&mut self.ids, terms.word(n)));
            }
            if self.slots.len() < self.ids.len() {
                self.slots.resize_with(self.ids.len(), Slot::default);
            }
            for &(head, follower, class) in &terms.terms {
                let slot = &mut self.slots[self.global[head as usize] as usize];
                let posting = Posting::new(doc, class);
                match follower {
                    NONE => slot.postings.push(posting),
                    f if f >= ANCHORS_FROM => slot.next.push((f, posting)),
                    word => slot.next.push((self.global[word as usize], posting)),
                }
            }
            for v in terms.variants {
                self.variants.entry(v).or_default().push(doc);
            }
        }
    }

    /// The term groups of every document merged.
    fn finish(self) -> BTreeMap<String, Group> {
        let Merger {
            ids,
            slots,
            variants,
            ..
        } = self;
        // Words by number. The map is walked in hash order, but each word goes to the place
        // its number gives it, so the order of the walk changes nothing.
        let mut names: Vec<Box<str>> = vec![Box::default(); ids.len()];
        for (word, id) in ids {
            names[id as usize] = word;
        }
        let names = &names;
        let built: Vec<(String, Group)> = slots
            .into_par_iter()
            .enumerate()
            .filter(|(_, slot)| !slot.postings.is_empty() || !slot.next.is_empty())
            .map(|(head, slot)| {
                let mut next = slot.next;
                // A stable sort: the postings of each follower stay in document order.
                next.sort_by_key(|(f, _)| *f);
                let mut group = Group {
                    postings: slot.postings,
                    ..Group::default()
                };
                let mut runs: Vec<(Cow<'_, str>, &[FollowerPosting])> = next
                    .chunk_by(|a, b| a.0 == b.0)
                    .map(|run| {
                        let key = match run[0].0 {
                            CODE_ID => Cow::Borrowed(CODE),
                            f if f > END_ID => {
                                Cow::Owned(format!("{TITLE_START}{}", START_ID - f + 1))
                            }
                            f if f >= ANCHORS_FROM => {
                                Cow::Owned(format!("{TITLE_END}{}", END_ID - f + 1))
                            }
                            word => Cow::Borrowed(&*names[word as usize]),
                        };
                        (key, run)
                    })
                    .collect();
                runs.sort_unstable_by(|(a, _), (b, _)| a.cmp(b));
                for (key, run) in runs {
                    group.next.push(&key, run.iter().map(|(_, p)| *p));
                }
                (names[head].to_string(), group)
            })
            .collect();
        let mut groups: BTreeMap<String, Group> = built.into_iter().collect();
        for ((head, variant), docs) in variants {
            groups
                .entry(head)
                .or_default()
                .variants
                .insert(variant, docs);
        }
        groups
    }
}

/// The number of `w`, given a new one (the count of words so far) if it has none.
fn intern(ids: &mut Words, w: &str) -> u32 {
    if let Some(id) = ids.get(w) {
        return *id;
    }
    let id = ids.len() as u32;
    ids.insert(w.into(), id);
    id
}

/// Rebuilds a class from its number (the inverse of `class as u8`).
pub fn class_of(n: u8) -> Class {
    Class::from_u8(n)
}
