//! Ranking: the reference implementation of what the browser client does with the index
//! (`themes/default/static/search.js` follows it step by step), so that ranking is tested in
//! Rust.
//!
//! 1. Every query word must match (AND). The last word, while it is being typed, matches as a
//!    prefix. A word scores `4 × weight` of the best class it is found in (title 10, keywords
//!    and life events 6, field and agency names 3, documents and results 1), `3 × weight`
//!    through a prefix or a typo.
//! 2. Adjacent query words found adjacent in the record (a bigram) add `2 × weight`, so
//!    "khai sinh" beats a record with "sinh … khai".
//! 3. The first query word starting a title and the last one ending it add
//!    [`ANCHOR_POINTS`] each: the exact title ranks first.
//! 4. A word typed with its diacritics that is written exactly so in the title, keywords or
//!    life events adds [`EXACT_MARKS_POINTS`], more than both anchors ("mã" before "má").
//! 5. A word that is the code of the record ("1.001193", or its number "001193") adds
//!    [`CODE_POINTS`].
//! 6. A common word ([`text::COMMON`]: "thủ tục", "cấp") among other words counts
//!    `1 × weight` and a document may lack it.
//! 7. Ties go to the shorter title, as far as the anchors of the query's first and last words
//!    know it (a title the query reaches neither end of counts as the longest), then to the
//!    lower document number (field order, then title order).
//!
//! When nothing matches, each word of five letters or more that is not in the index is
//! replaced by the indexed words one edit away, and the search runs again ("Kết quả gần đúng").
//! When that finds nothing either, [`Outcome::nearest`] holds the procedures to offer instead
//! ("Có phải bạn muốn tìm"): the best results of the words the index knows, or, when no
//! procedure has them all, those with the most of them.

use std::collections::HashMap;

use super::index::{
    CODE, Group, Index, LONGEST_TITLE, Posting, TITLE_END, TITLE_START, anchor_length,
};
use super::text::{self, Word};

/// Points for the first query word starting a title, and for the last one ending it.
pub const ANCHOR_POINTS: u32 = 6;
/// Points for a word typed with its diacritics and written exactly so.
pub const EXACT_MARKS_POINTS: u32 = 15;
/// Points for a code match.
pub const CODE_POINTS: u32 = 1000;
/// Shortest word (in letters) for which one typo is tolerated.
pub const FUZZY_MIN_LEN: usize = 5;
/// Most procedures offered when nothing matches.
pub const NEAREST: usize = 3;

/// A ranked result.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Document number.
    pub doc: u32,
    /// Score (higher first).
    pub score: u32,
}

/// What a search found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    /// Results, best first.
    pub hits: Vec<Hit>,
    /// When the results tolerate typos: the query as it was understood, word by word.
    pub approximate: Option<Vec<String>>,
    /// When there are no results: the documents nearest to the query, best first.
    pub nearest: Vec<u32>,
}

/// One query word and the index words it stands for.
struct Expanded<'a> {
    word: &'a Word,
    /// (head, points per weight: 4 exact, 3 prefix or typo).
    heads: Vec<(&'a str, u32)>,
    prefix: bool,
    /// Whether `heads` are typo corrections.
    fuzzy: bool,
    /// Whether the word is common: optional, and `1 × weight`.
    common: bool,
}

/// Searches `index` for `q` (as typed).
pub fn search(index: &Index, q: &str) -> Outcome {
    let query = text::query(q);
    if query.words.is_empty() {
        return Outcome::default();
    }
    let last = query.words.len() - 1;
    let mut expanded: Vec<Expanded<'_>> = query
        .words
        .iter()
        .enumerate()
        .map(|(i, word)| {
            let prefix = i == last && query.last_is_prefix;
            let common = query.common[i];
            let mut heads = heads_for(index, &word.folded, prefix);
            if common {
                for h in &mut heads {
                    h.1 = 1;
                }
            }
            Expanded {
                word,
                heads,
                prefix,
                fuzzy: false,
                common,
            }
        })
        .collect();
    let hits = rank(index, &expanded);
    if !hits.is_empty() {
        return Outcome {
            hits,
            approximate: None,
            nearest: Vec::new(),
        };
    }

    // Nothing: tolerate one typo in long words that the index does not know.
    let mut changed = false;
    for e in &mut expanded {
        let w = &e.word.folded;
        if e.heads.is_empty()
            && !e.common
            && w.len() >= FUZZY_MIN_LEN
            && w.bytes().all(|b| b.is_ascii_lowercase())
        {
            e.heads = index
                .groups
                .keys()
                .filter(|h| {
                    h.bytes().all(|b| b.is_ascii_lowercase()) && text::within_one_edit(h, w)
                })
                .map(|h| (h.as_str(), 3))
                .collect();
            e.fuzzy = !e.heads.is_empty();
            changed |= e.fuzzy;
        }
    }
    if !changed {
        return Outcome {
            nearest: nearest(index, &expanded),
            ..Outcome::default()
        };
    }
    let hits = rank(index, &expanded);
    if hits.is_empty() {
        return Outcome {
            nearest: nearest(index, &expanded),
            ..Outcome::default()
        };
    }
    let understood = expanded
        .iter()
        .map(|e| {
            if !e.fuzzy {
                return e.word.folded.clone();
            }
            // The most frequent correction; ties to the first in byte order.
            e.heads
                .iter()
                .max_by_key(|(h, _)| (index.groups[*h].postings.len(), std::cmp::Reverse(*h)))
                .map(|(h, _)| (*h).to_owned())
                .unwrap_or_default()
        })
        .collect();
    Outcome {
        hits,
        approximate: Some(understood),
        nearest: Vec::new(),
    }
}

/// The documents to offer when no document has every word (see the module's docs).
fn nearest(index: &Index, words: &[Expanded<'_>]) -> Vec<u32> {
    let known: Vec<Expanded<'_>> = words
        .iter()
        .filter(|e| !e.heads.is_empty())
        .map(|e| Expanded {
            heads: e.heads.clone(),
            ..*e
        })
        .collect();
    let counted = known.iter().filter(|e| !e.common).count();
    if words.len() < 2 || counted == 0 {
        return Vec::new();
    }
    if known.len() < words.len() {
        let hits = rank(index, &known);
        if !hits.is_empty() {
            return hits.iter().take(NEAREST).map(|h| h.doc).collect();
        }
    }
    // Most words first (a million points each), then their best scores.
    let mut points: HashMap<u32, u64> = HashMap::new();
    for e in known.iter().filter(|e| !e.common) {
        for (doc, s) in word_scores(index, e) {
            *points.entry(doc).or_insert(0) += 1_000_000 + u64::from(s);
        }
    }
    let mut docs: Vec<(u32, u64)> = points.into_iter().collect();
    docs.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    docs.into_iter().take(NEAREST).map(|(d, _)| d).collect()
}

/// The heads a query word stands for: itself, or every head it is a prefix of.
fn heads_for<'a>(index: &'a Index, word: &str, prefix: bool) -> Vec<(&'a str, u32)> {
    if prefix {
        index
            .groups
            .range::<str, _>((std::ops::Bound::Included(word), std::ops::Bound::Unbounded))
            .take_while(|(h, _)| h.starts_with(word))
            .map(|(h, _)| (h.as_str(), if h == word { 4 } else { 3 }))
            .collect()
    } else {
        index
            .groups
            .get_key_value(word)
            .map(|(h, _)| vec![(h.as_str(), 4)])
            .unwrap_or_default()
    }
}

/// The best score of one word in each document that has it: its class, the code, exact
/// diacritics.
fn word_scores(index: &Index, e: &Expanded<'_>) -> HashMap<u32, u32> {
    let mut best: HashMap<u32, u32> = HashMap::new();
    for (head, points) in &e.heads {
        let group = &index.groups[*head];
        for p in &group.postings {
            let s = points * p.class().weight();
            let slot = best.entry(p.doc()).or_insert(0);
            *slot = (*slot).max(s);
        }
    }
    // Codes.
    for (head, _) in &e.heads {
        if let Some(list) = index.groups[*head].next.get(CODE) {
            for p in list {
                if let Some(s) = best.get_mut(&p.doc()) {
                    *s += CODE_POINTS;
                }
            }
        }
    }
    // Exact diacritics.
    if let Some(original) = &e.word.original {
        for (head, _) in &e.heads {
            for (variant, docs) in &index.groups[*head].variants {
                let same = if e.prefix {
                    variant.starts_with(original.as_str())
                } else {
                    variant == original
                };
                if same {
                    for d in docs {
                        if let Some(s) = best.get_mut(d) {
                            *s += EXACT_MARKS_POINTS;
                        }
                    }
                }
            }
        }
    }
    best
}

/// Scores the documents that match every word (but the common ones); best first.
fn rank(index: &Index, words: &[Expanded<'_>]) -> Vec<Hit> {
    let mut scores: Option<HashMap<u32, u32>> = None;
    // Required words first; a common word then only adds to the documents that have it.
    let (required, common): (Vec<&Expanded<'_>>, Vec<&Expanded<'_>>) =
        words.iter().partition(|e| !e.common);
    for e in required.into_iter().chain(common) {
        let best = word_scores(index, e);
        scores = Some(match scores {
            None => best,
            Some(mut acc) if e.common => {
                add(&mut acc, best);
                acc
            }
            Some(acc) => acc
                .into_iter()
                .filter_map(|(d, s)| best.get(&d).map(|b| (d, s + b)))
                .collect(),
        });
    }
    let mut scores = scores.unwrap_or_default();

    // Bigrams: adjacent query words adjacent in the record.
    for pair in words.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let mut bonus: HashMap<u32, u32> = HashMap::new();
        for (head, _) in &a.heads {
            for p in followers(&index.groups[*head], &b.word.folded, b.prefix) {
                let slot = bonus.entry(p.doc()).or_insert(0);
                *slot = (*slot).max(2 * p.class().weight());
            }
        }
        add(&mut scores, bonus);
    }
    // Anchors: the title starts with the first word and ends with the last (or with the
    // first and last that are not common: "thủ tục đăng ký khai sinh"); their keys say how
    // long the title is.
    let mut length: HashMap<u32, u32> = HashMap::new();
    let ends = |from_start: bool| -> Vec<&Expanded<'_>> {
        let mut order: Vec<&Expanded<'_>> = words.iter().collect();
        if !from_start {
            order.reverse();
        }
        let mut out: Vec<&Expanded<'_>> = order.first().copied().into_iter().collect();
        if let Some(e) = order.iter().find(|e| !e.common)
            && !std::ptr::eq(*e, out[0])
        {
            out.push(e);
        }
        out
    };
    if !words.is_empty() {
        for (anchor, at) in [(TITLE_START, ends(true)), (TITLE_END, ends(false))] {
            let mut bonus: HashMap<u32, u32> = HashMap::new();
            for (head, _) in at.iter().flat_map(|e| &e.heads) {
                for (key, list) in index.groups[*head]
                    .next
                    .from(anchor)
                    .take_while(|(k, _)| k.starts_with(anchor))
                {
                    let Some(n) = anchor_length(key, anchor) else {
                        continue;
                    };
                    for p in list {
                        bonus.insert(p.doc(), ANCHOR_POINTS);
                        if scores.contains_key(&p.doc()) {
                            length.insert(p.doc(), n);
                        }
                    }
                }
            }
            add(&mut scores, bonus);
        }
    }

    let mut hits: Vec<Hit> = scores
        .into_iter()
        .map(|(doc, score)| Hit { doc, score })
        .collect();
    let words_of = |doc: u32| length.get(&doc).copied().unwrap_or(LONGEST_TITLE);
    hits.sort_by(|a, b| {
        b.score
            .cmp(&a.score)
            .then(words_of(a.doc).cmp(&words_of(b.doc)))
            .then(a.doc.cmp(&b.doc))
    });
    hits
}

/// Postings of the bigrams from `group` to `word` (or to any word it is a prefix of).
fn followers<'a>(
    group: &'a Group,
    word: &'a str,
    prefix: bool,
) -> impl Iterator<Item = &'a Posting> {
    group
        .next
        .from(word)
        .take_while(move |(k, _)| {
            if prefix {
                k.starts_with(word)
            } else {
                *k == word
            }
        })
        // Not the anchors and the code: [`TITLE_START`], [`TITLE_END`], [`CODE`].
        .filter(|(k, _)| !k.starts_with(['<', '>', '#']))
        .flat_map(|(_, list)| list.iter())
}

fn add(scores: &mut HashMap<u32, u32>, bonus: HashMap<u32, u32>) {
    for (doc, b) in bonus {
        if let Some(s) = scores.get_mut(&doc) {
            *s += b;
        }
    }
}
