//! The files of the index: compact JSON wrapped in a call, so that the browser loads them with
//! a `<script>` tag (which also works from `file://`, where `fetch` does not).
//!
//! Posting lists are strings of variable-length numbers in a URL-safe base-64 alphabet: each
//! number is little-endian groups of 5 bits, a digit below 32 ending the number and a digit
//! from 32 up carrying on. A posting is `(gap − 1) × 4 + class`, where the gap is the distance
//! from the previous document (the first from −1), so runs of neighbouring documents cost one
//! character each and compress well.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde_json::{Value, json};

#[cfg(test)]
use super::index::class_of;
use super::index::{CODE, Class, Group, Index, Posting, TITLE_END, TITLE_START};

/// The digits of the posting strings.
pub const ALPHABET: &[u8; 64] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";

/// Appends `v` as a variable-length number.
pub fn push_number(out: &mut String, mut v: u32) {
    while v >= 32 {
        out.push(ALPHABET[(32 + (v & 31)) as usize] as char);
        v >>= 5;
    }
    out.push(ALPHABET[v as usize] as char);
}

/// Reads the numbers of a string written with [`push_number`] (the client's decoder, for tests).
#[cfg(test)]
pub fn read_numbers(s: &str) -> Vec<u32> {
    let mut out = Vec::new();
    let (mut n, mut shift) = (0u32, 0u32);
    for b in s.bytes() {
        let Some(d) = ALPHABET.iter().position(|a| *a == b) else {
            continue;
        };
        let d = d as u32;
        if d >= 32 {
            n |= (d - 32) << shift;
            shift += 5;
        } else {
            out.push(n | (d << shift));
            n = 0;
            shift = 0;
        }
    }
    out
}

/// A posting list as a string.
pub fn postings(list: &[Posting]) -> String {
    let mut out = String::with_capacity(list.len());
    let mut prev: i64 = -1;
    for p in list {
        let gap = (i64::from(p.doc()) - prev - 1) as u32;
        push_number(&mut out, gap * 4 + p.class() as u32);
        prev = i64::from(p.doc());
    }
    out
}

/// Reads a posting list written by [`postings`].
#[cfg(test)]
pub fn read_postings(s: &str) -> Vec<Posting> {
    let mut prev: i64 = -1;
    read_numbers(s)
        .into_iter()
        .map(|v| {
            let doc = (prev + 1 + i64::from(v / 4)) as u32;
            prev = i64::from(doc);
            Posting::new(doc, class_of((v % 4) as u8))
        })
        .collect()
}

/// A list of document numbers as a string of gaps.
pub fn doc_list(docs: &[u32]) -> String {
    let mut out = String::new();
    let mut prev: i64 = -1;
    for d in docs {
        push_number(&mut out, (i64::from(*d) - prev - 1) as u32);
        prev = i64::from(*d);
    }
    out
}

/// A group as JSON: its postings string alone when it has nothing else, else
/// `[postings, {follower: postings}, {variant: docs}]`.
pub fn group(g: &Group) -> Value {
    group_split(g, usize::MAX).0
}

/// [`group`] with every follower and variant string longer than `longest` taken out: its
/// place holds the number of the part instead (0, 1, … in the group's order), and the parts
/// are returned in that order. The sharded tier writes each part to a file of its own, so that
/// a query fetches the bigrams and variants it uses, not every one of a frequent word's (at
/// 100,000 procedures "dang" holds 60 KB of followers, of which "dang ky" uses "ki").
pub fn group_split(g: &Group, longest: usize) -> (Value, Vec<String>) {
    let mut parts = Vec::new();
    let mut place = |s: String| -> Value {
        if s.len() > longest {
            parts.push(s);
            json!(parts.len() - 1)
        } else {
            Value::String(s)
        }
    };
    let own = split_by_title(&g.postings, longest, &mut place);
    if g.next.is_empty() && g.variants.is_empty() {
        // A split list alone is the only member of an array, so that the client tells it from
        // a group.
        return match own {
            Value::String(_) => (own, parts),
            split => (Value::Array(vec![split]), parts),
        };
    }
    let next: serde_json::Map<String, Value> = g
        .next
        .iter()
        .map(|(k, v)| {
            // The anchors and the code are read for nearly every query word, and are title
            // postings: they stay.
            let kept = k.starts_with(TITLE_START) || k.starts_with(TITLE_END) || k == CODE;
            let value = if kept {
                Value::String(postings(v))
            } else {
                split_by_title(v, longest, &mut place)
            };
            (k.to_owned(), value)
        })
        .collect();
    let mut out = vec![own, Value::Object(next)];
    if !g.variants.is_empty() {
        let variants: serde_json::Map<String, Value> = g
            .variants
            .iter()
            .map(|(k, v)| (k.clone(), place(doc_list(v))))
            .collect();
        out.push(Value::Object(variants));
    }
    (Value::Array(out), parts)
}

/// A posting list longer than `longest` characters with postings outside the title, as
/// `[title postings, other postings]` (each a [`postings`] string, the second placed by `place`:
/// a part of its own in the sharded tier); else the list as one string.
///
/// The first page of results mostly comes from titles: at 100,000 synthetic procedures the
/// title postings of "dang" compress to 1.2 KB and the others to 7.4 KB (titles are sorted, so
/// the documents whose title has a word are runs), so the client ranks with the title postings
/// first, and loads the others only when they can change that page, or for the count.
fn split_by_title(
    list: &[Posting],
    longest: usize,
    place: &mut impl FnMut(String) -> Value,
) -> Value {
    let whole = postings(list);
    if whole.len() <= longest {
        return Value::String(whole);
    }
    let (title, rest): (Vec<Posting>, Vec<Posting>) =
        list.iter().partition(|p| p.class() == Class::Title);
    if rest.is_empty() {
        return Value::String(whole);
    }
    json!([postings(&title), place(postings(&rest))])
}

/// Per-document facet values as a string of `width` digits each.
pub fn facet_column(values: impl Iterator<Item = usize>, count: usize) -> (usize, String) {
    let mut width = 1;
    while 64usize.pow(width as u32) < count {
        width += 1;
    }
    let mut out = String::new();
    for mut v in values {
        for _ in 0..width {
            out.push(ALPHABET[v % 64] as char);
            v /= 64;
        }
    }
    (width, out)
}

/// The value lists of the facets, keyed by their URL parameter.
pub fn facet_values(index: &Index) -> BTreeMap<&'static str, Value> {
    let list = |values: &[super::index::FacetValue]| -> Value {
        Value::Array(values.iter().map(|v| json!([v.id, v.label])).collect())
    };
    let mut out = BTreeMap::new();
    out.insert("cap", list(&index.levels));
    out.insert("co-quan", list(&index.agencies));
    out.insert("truc-tuyen", list(&index.online));
    out
}

/// Wraps JSON in an assignment into the client's registry, which works whichever of the file
/// and the client runs first: `(self.congkhaiSearch=self.congkhaiSearch||{})["key"]=…;`.
///
/// `<` is written as `\u003c` (same string for JSON and JavaScript) so that record text such as
/// `</script>` can never end a script element, should the data ever be inlined in a page.
pub fn script(key: &str, value: &Value) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(b"(self.congkhaiSearch=self.congkhaiSearch||{})[");
    crate::output::push_inert_json(&mut out, key);
    out.push(b']');
    out.push(b'=');
    crate::output::push_inert_json(&mut out, value);
    out.extend_from_slice(b";\n");
    out
}

/// [`script`] for a value already written as JSON.
pub fn script_json(key: &str, json: &str) -> Vec<u8> {
    let mut out = String::with_capacity(json.len() + key.len() + 48);
    let _ = writeln!(
        out,
        "(self.congkhaiSearch=self.congkhaiSearch||{{}})[{}]={};",
        Value::String(key.to_owned()),
        json
    );
    out.replace('<', "\\u003c").into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_round_trip() {
        let values = [0, 1, 31, 32, 33, 1023, 1024, 99_999, u32::MAX >> 2];
        let mut s = String::new();
        for v in values {
            push_number(&mut s, v);
        }
        assert_eq!(read_numbers(&s), values);
        // Small numbers take one digit.
        let mut one = String::new();
        push_number(&mut one, 31);
        assert_eq!(one.len(), 1);
    }

    #[test]
    fn neighbouring_documents_cost_one_character_each() {
        let list: Vec<Posting> = (10..20)
            .map(|doc| Posting::new(doc, Class::Title))
            .collect();
        let s = postings(&list);
        assert_eq!(s.len(), 1 + 9 + 1, "first gap needs two digits: {s}");
        assert_eq!(read_postings(&s), list);
    }

    #[test]
    fn facet_columns_widen_past_64_values() {
        assert_eq!(
            facet_column([0, 1, 2].into_iter(), 3),
            (1, "012".to_owned())
        );
        let (width, s) = facet_column([65].into_iter(), 100);
        assert_eq!((width, s.as_str()), (2, "11"));
    }

    #[test]
    fn posting_strings_need_no_json_escaping() {
        assert!(
            ALPHABET
                .iter()
                .all(|b| b.is_ascii_alphanumeric() || b"-_".contains(b))
        );
    }
}
