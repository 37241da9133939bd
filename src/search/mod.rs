//! The client-side search index, built from the typed catalogue (not by scraping HTML).
//!
//! [`Index::build`] folds the words of each listed procedure (title and code, keywords and life
//! events, field and agency names, document and result names) into posting lists grouped by
//! head word, with bigrams, title anchors and diacritic variants ([`index`]); [`query::search`]
//! is the ranking the browser client (`themes/default/static/search.js`) implements.
//!
//! Two tiers, by the size of the first query ([`Tier`]):
//!
//! - **Single file**, while it is small ([`SINGLE_FILE_MAX_GZIP`] compressed, at most
//!   [`SINGLE_FILE_MAX`] procedures): `tra-cuu/chi-muc.<hash>.js` holds everything (postings,
//!   facets, result cards). It is loaded with a `<script>` tag, so the search also works when
//!   the site is opened from disk (kiosks, offline copies).
//! - **Sharded**: `tra-cuu/chi-muc.<hash>.js` is a small manifest (field ranges, facet values,
//!   shard boundaries); `tra-cuu/chi-muc-<hash>/` holds term shards split between head words
//!   (`<n>.js`), the long bigram and variant lists of frequent words taken out of their group
//!   (`x-<head>-<n>.js`, fetched only by a query that uses them) and so are the postings
//!   outside titles of long lists (their title postings stay: the client ranks a first page
//!   from them when no document they leave out could reach it, and loads the rest once typing
//!   pauses, for the count and the other pages), result cards by runs of
//!   [`CARDS_PER_FILE`] documents (`the-<n>.js`), one file per facet (`loc-<facet>.js`, loaded
//!   when a filter is opened) and the vocabulary for typo tolerance (`tu-vung.js`, loaded only
//!   when nothing matches). The folder name carries the hash of its content, so every file can
//!   be cached forever and the manifest can name them without a hash each. Shards are loaded
//!   with `<script>` tags too.
//!
//! Every file is `(self.congkhaiSearch=self.congkhaiSearch||{})["<key>"]=<JSON>;`, so it may
//! run before or after the client script. The output is a function of the
//! catalogue: the same content gives the same bytes.

mod encode;
pub mod index;
pub mod query;
pub mod text;

use crate::route;
use std::collections::BTreeMap;

use rayon::prelude::*;
use serde_json::{Value, json};

pub use index::{Class, Index};
pub use query::{Hit, Outcome, search};

use crate::model::Catalogue;
use crate::output::{content_hash, content_hash_of};
use crate::view::Card;

/// Largest catalogue that may be served as one index file; above it the file is not even
/// tried (2,000 result cards alone compress to more than [`SINGLE_FILE_MAX_GZIP`]).
pub const SINGLE_FILE_MAX: usize = 2_000;
/// Largest gzip size (zlib's default level, as web servers compress) of the single index file.
/// A first query fetches it and the client script (15 KB gzip for the default theme's), and
/// must stay within 60 KB: at 300 synthetic procedures the file is 43 KB, so they are sharded.
pub const SINGLE_FILE_MAX_GZIP: usize = 40 * 1024;
/// Target size of a term shard, in bytes before compression. Small shards keep the first
/// query small: a query of four words fetches about four shards.
pub const SHARD_TARGET_BYTES: usize = 6 * 1024;
/// Follower and variant lists longer than this (in characters) are taken out of their group
/// in the sharded tier, into a file of their own.
pub const LONGEST_INLINE: usize = 1024;
/// Result cards per card file in the sharded tier. A page of results names documents all
/// over the catalogue, so each card tends to cost a file: small files keep that cheap.
pub const CARDS_PER_FILE: usize = 8;
/// Version of the file format, checked by the client (2: the title anchors' keys carry the
/// title's word count, "<4"; 3: long follower and variant lists of the sharded tier are numbers
/// of parts, `x-<head>-<n>.js`; 4: long posting lists with postings outside the title are
/// `[title postings, the others]`, see [`encode::group_split`]).
pub const FORMAT_VERSION: u32 = 4;

/// How the index is split.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tier {
    /// One file.
    Single,
    /// A manifest, term shards, card files and facet files.
    Sharded,
}

impl Tier {
    /// "single" or "sharded".
    pub fn id(self) -> &'static str {
        match self {
            Tier::Single => "single",
            Tier::Sharded => "sharded",
        }
    }
}

/// Bytes of `bytes` compressed with gzip at zlib's default level.
pub fn gzip_size(bytes: &[u8]) -> usize {
    use std::io::Write as _;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    // Writing into a Vec cannot fail.
    let _ = encoder.write_all(bytes);
    encoder.finish().map_or(usize::MAX, |v| v.len())
}

/// The search files of a site.
#[derive(Debug, Clone)]
pub struct SearchFiles {
    /// Output path → bytes.
    pub files: Vec<(String, Vec<u8>)>,
    /// Path of the file the search page loads first (relative to the site root).
    pub script: String,
    /// The tier.
    pub tier: Tier,
    /// Searchable procedures.
    pub procedures: usize,
}

impl SearchFiles {
    /// What templates see as `search`: `{script, tier, procedures}`.
    pub fn template_value(&self) -> Value {
        json!({
            "script": self.script,
            "tier": self.tier.id(),
            "procedures": self.procedures,
        })
    }
}

/// Builds the search files of `catalogue`. `cards` are the renderer's cards (one per procedure,
/// in catalogue order); `labels` the theme's i18n labels.
pub fn build(catalogue: &Catalogue, cards: &[Card], labels: &Value) -> SearchFiles {
    files_of(&Index::build(catalogue, labels), cards, labels)
}

/// The search files of `index` in the tier its size calls for: one file while it compresses
/// to [`SINGLE_FILE_MAX_GZIP`] or less, shards above.
pub fn files_of(index: &Index, cards: &[Card], labels: &Value) -> SearchFiles {
    if index.docs.len() <= SINGLE_FILE_MAX {
        let single = write(index, cards, labels, Tier::Single);
        if single
            .files
            .iter()
            .map(|(_, b)| gzip_size(b))
            .sum::<usize>()
            <= SINGLE_FILE_MAX_GZIP
        {
            return single;
        }
    }
    write(index, cards, labels, Tier::Sharded)
}

/// A result card as JSON: `[title, code, url, level, online level, processing time, fee
/// summary, status, effective from]`, the last two left out for procedures in force.
fn card(index: &Index, doc: &index::Doc, card: &Card) -> Value {
    let mut v = vec![
        json!(card.title),
        json!(card.code),
        json!(card.url),
        json!(doc.level),
        json!(doc.online),
        json!(card.processing_time),
        json!(card.fee_summary),
    ];
    if card.status != "active" || card.effective_from.is_some() {
        v.push(json!(card.status));
        v.push(json!(card.effective_from.clone().unwrap_or_default()));
    }
    let _ = index;
    Value::Array(v)
}

/// The facet columns: per-document values of each facet, keyed by URL parameter.
fn facet_columns(index: &Index) -> BTreeMap<&'static str, (usize, String)> {
    let mut out = BTreeMap::new();
    out.insert(
        "cap",
        encode::facet_column(index.docs.iter().map(|d| d.level), index.levels.len()),
    );
    out.insert(
        "co-quan",
        encode::facet_column(index.docs.iter().map(|d| d.agency), index.agencies.len()),
    );
    out.insert(
        "truc-tuyen",
        encode::facet_column(index.docs.iter().map(|d| d.online), index.online.len()),
    );
    out.insert(
        "mien-phi",
        encode::facet_column(index.docs.iter().map(|d| usize::from(d.free)), 2),
    );
    out
}

/// What every tier's first file holds besides terms, cards and facet data.
fn header(index: &Index, labels: &Value, tier: Tier) -> serde_json::Map<String, Value> {
    let sizes = index.field_sizes();
    let mut m = serde_json::Map::new();
    m.insert("v".into(), json!(FORMAT_VERSION));
    m.insert("tier".into(), json!(tier.id()));
    m.insert("n".into(), json!(index.docs.len()));
    m.insert(
        "fields".into(),
        Value::Array(
            index
                .fields
                .iter()
                .zip(sizes)
                .map(|(f, n)| json!([f.id, f.label, n]))
                .collect(),
        ),
    );
    m.insert(
        "labels".into(),
        json!({
            "search": labels.get("search").cloned().unwrap_or(Value::Null),
            "online_long": labels.get("online_long").cloned().unwrap_or(Value::Null),
        }),
    );
    m
}

/// Groups turned into JSON text at a time, in parallel.
const ENCODE_BATCH: usize = 4096;

/// One head word's entry of a shard: the head, its group as JSON text, and the parts taken
/// out of it (see [`encode::group_split`]).
pub type ShardEntry<'a> = (&'a str, String, Vec<String>);

/// Splits the term groups into shards of about `target` bytes, only between heads, each
/// group's strings longer than `longest` taken out as parts. Yields each shard's entries, a
/// shard at a time: text, not JSON values, because at 100,000 procedures the values of every
/// group took hundreds of megabytes. The text is made [`ENCODE_BATCH`] groups at a time, each
/// batch in parallel.
pub fn shard_layout(
    index: &Index,
    target: usize,
    longest: usize,
) -> impl Iterator<Item = Vec<ShardEntry<'_>>> {
    let mut heads = index.groups.iter();
    let mut groups = std::iter::from_fn(move || {
        let batch: Vec<_> = heads.by_ref().take(ENCODE_BATCH).collect();
        (!batch.is_empty()).then(|| {
            batch
                .into_par_iter()
                .map(|(head, group)| {
                    let (json, parts) = encode::group_split(group, longest);
                    (head.as_str(), json.to_string(), parts)
                })
                .collect::<Vec<_>>()
        })
    })
    .flatten()
    .peekable();
    std::iter::from_fn(move || {
        let mut shard = Vec::new();
        let mut size = 0;
        while let Some(group) =
            groups.next_if(|group| shard.is_empty() || size + entry_bytes(group) <= target)
        {
            size += entry_bytes(&group);
            shard.push(group);
        }
        (!shard.is_empty()).then_some(shard)
    })
}

/// Bytes of one (head, group JSON) entry in a shard file: the head, quoted, a colon, the JSON
/// and a comma.
fn entry_bytes((head, json, _): &ShardEntry<'_>) -> usize {
    head.len() + json.len() + 4
}

fn shard_json(shard: &[ShardEntry<'_>]) -> String {
    let mut out = String::with_capacity(shard.iter().map(entry_bytes).sum::<usize>() + 2);
    out.push('{');
    for (i, (head, json, _)) in shard.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&Value::String((*head).to_owned()).to_string());
        out.push(':');
        out.push_str(json);
    }
    out.push('}');
    out
}

/// Writes the files of `index` in `tier`.
pub fn write(index: &Index, cards: &[Card], labels: &Value, tier: Tier) -> SearchFiles {
    let doc_card = |d: &index::Doc| card(index, d, &cards[d.entry]);
    let facet_values = encode::facet_values(index);
    let columns = facet_columns(index);
    let mut head = header(index, labels, tier);

    match tier {
        Tier::Single => {
            let mut facets = serde_json::Map::new();
            for (key, (width, data)) in &columns {
                let mut f = serde_json::Map::new();
                if let Some(values) = facet_values.get(key) {
                    f.insert("values".into(), values.clone());
                }
                f.insert("w".into(), json!(width));
                f.insert("data".into(), json!(data));
                facets.insert((*key).into(), Value::Object(f));
            }
            head.insert("facets".into(), Value::Object(facets));
            head.insert(
                "cards".into(),
                Value::Array(index.docs.iter().map(doc_card).collect()),
            );
            let groups: serde_json::Map<String, Value> = index
                .groups
                .iter()
                .map(|(h, g)| (h.clone(), encode::group(g)))
                .collect();
            head.insert("groups".into(), Value::Object(groups));
            let bytes = encode::script("index", &Value::Object(head));
            let path = format!("{}/chi-muc.{}.js", route::SEARCH, content_hash(&bytes));
            SearchFiles {
                files: vec![(path.clone(), bytes)],
                script: path,
                tier,
                procedures: index.docs.len(),
            }
        }
        Tier::Sharded => {
            // Files of the folder, named without hashes; the folder gets the hash of them all.
            let mut files: Vec<(String, Vec<u8>)> = Vec::new();
            let mut bounds = Vec::new();
            for (i, shard) in shard_layout(index, SHARD_TARGET_BYTES, LONGEST_INLINE).enumerate() {
                bounds.push(json!(shard[0].0));
                files.push((
                    format!("{i}.js"),
                    encode::script_json(&format!("s{i}"), &shard_json(&shard)),
                ));
                // Heads are folded words ([a-z0-9.]), so they can name files.
                // Parts are posting strings, which need no escaping in JSON.
                for (head, _, parts) in shard {
                    for (n, part) in parts.into_iter().enumerate() {
                        let key = format!("x-{head}-{n}");
                        let json = format!("\"{part}\"");
                        files.push((format!("{key}.js"), encode::script_json(&key, &json)));
                    }
                }
            }
            let card_files: Vec<(String, Vec<u8>)> = index
                .docs
                .par_chunks(CARDS_PER_FILE)
                .enumerate()
                .map(|(k, chunk)| {
                    let chunk = Value::Array(chunk.iter().map(doc_card).collect());
                    (
                        format!("the-{k}.js"),
                        encode::script(&format!("c{k}"), &chunk),
                    )
                })
                .collect();
            files.extend(card_files);
            let mut facets = serde_json::Map::new();
            for (key, (width, data)) in &columns {
                let mut f = serde_json::Map::new();
                if let Some(values) = facet_values.get(key) {
                    f.insert("values".into(), values.clone());
                }
                f.insert("w".into(), json!(width));
                facets.insert((*key).into(), Value::Object(f));
                files.push((
                    format!("loc-{key}.js"),
                    encode::script(&format!("f-{key}"), &json!(data)),
                ));
            }
            let vocabulary: Vec<&str> = index
                .groups
                .keys()
                .map(String::as_str)
                .filter(|h| {
                    h.len() + 1 >= query::FUZZY_MIN_LEN && h.bytes().all(|b| b.is_ascii_lowercase())
                })
                .collect();
            files.push((
                "tu-vung.js".to_owned(),
                encode::script("v", &json!(vocabulary.join(" "))),
            ));

            let dir = format!(
                "chi-muc-{}/",
                content_hash_of(
                    files
                        .iter()
                        .flat_map(|(name, bytes)| [name.as_bytes(), bytes.as_slice()])
                )
            );
            head.insert("facets".into(), Value::Object(facets));
            head.insert("dir".into(), json!(dir));
            head.insert("shards".into(), Value::Array(bounds));
            head.insert("cardsPerFile".into(), json!(CARDS_PER_FILE));
            let manifest = encode::script("index", &Value::Object(head));
            let path = format!("{}/chi-muc.{}.js", route::SEARCH, content_hash(&manifest));
            let mut out: Vec<(String, Vec<u8>)> = files
                .into_iter()
                .map(|(name, bytes)| (format!("{}/{dir}{name}", route::SEARCH), bytes))
                .collect();
            out.push((path.clone(), manifest));
            SearchFiles {
                files: out,
                script: path,
                tier,
                procedures: index.docs.len(),
            }
        }
    }
}

#[cfg(test)]
mod tests;
