//! Tokenising for search: the words of a record's text and of a query, folded with
//! [`vi::fold`] and split with [`vi::words`], so that the index, the slugs and the browser
//! client agree on what a word is.
//!
//! A word keeps, next to its folded form ("dang"), the lowercase original it was written as
//! ("đăng") so that a query typed with its diacritics can rank exact-diacritic matches first.

use crate::vi;

/// One word of a text: folded, and as written (lowercase, NFC).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// The folded word: `[a-z0-9]` with dots between digits ("dang", "1.001193").
    pub folded: String,
    /// The lowercase original ("đăng"), when the original token folded to this one word.
    pub original: Option<String>,
}

/// The words of `text`, in order.
///
/// Tokens are runs of letters and digits (and a dot between two digits, as in codes); each
/// token is folded and split again with [`vi::words`], so a token that folds to several words
/// (rare: letters outside Vietnamese) loses its original.
pub fn words(text: &str) -> Vec<Word> {
    // Records are NFC already; this keeps the function right for any input (a combining mark
    // is not alphanumeric and would split a word).
    let text = vi::nfc(text);
    let mut out = Vec::new();
    for token in tokens(&text) {
        let folded = vi::fold(token);
        let mut parts = vi::words(&folded);
        match (parts.next(), parts.next()) {
            (Some(one), None) if one.len() == folded.len() => out.push(Word {
                folded: spelling(one),
                original: Some(token.to_lowercase()),
            }),
            (first, second) => {
                for part in first.into_iter().chain(second).chain(parts) {
                    out.push(Word {
                        folded: spelling(part),
                        original: None,
                    });
                }
            }
        }
    }
    out
}

/// A folded word as search reads it: a word-final "y" after a consonant is "i". Vietnamese
/// writes both "ký" and "kí", "lý" and "lí", "mỹ" and "mĩ", so "dang ki khai sinh" must find
/// "Đăng ký khai sinh"; the index and queries go through this one rule (the browser client's
/// `spelling` too). Slugs keep the word as written.
pub fn spelling(folded: &str) -> String {
    if ends_in_y_read_as_i(folded) {
        format!("{}i", &folded[..folded.len() - 1])
    } else {
        folded.to_owned()
    }
}

/// Whether the folded word ends in a "y" that [`spelling`] reads as "i": after a consonant
/// ("ky", "ly", "my"), not after a vowel ("quy", "tay").
pub fn ends_in_y_read_as_i(folded: &str) -> bool {
    matches!(folded.as_bytes(), [.., consonant, b'y'] if b"bcdghklmnpqrstvx".contains(consonant))
}

/// Runs of alphanumeric characters, with a `.` kept between two ASCII digits.
fn tokens(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        // Skip separators.
        let start = loop {
            let (i, c) = chars.next()?;
            if c.is_alphanumeric() {
                break i;
            }
        };
        let mut end = text.len();
        while let Some(&(i, c)) = chars.peek() {
            let dot_between_digits = c == '.'
                && i > 0
                && bytes[i - 1].is_ascii_digit()
                && bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
            if c.is_alphanumeric() || dot_between_digits {
                chars.next();
            } else {
                end = i;
                break;
            }
        }
        Some(&text[start..end])
    })
}

/// A query as typed, split into words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    /// Its words, in order; the originals are kept only when typed with diacritics.
    pub words: Vec<Word>,
    /// Whether the last word is still being typed (no separator after it), so it matches as a
    /// prefix.
    pub last_is_prefix: bool,
}

/// Parse a query the way the browser client does: NFC, lowercase, fold, split, and read the
/// Telex "dd" as "đ" ("ddang kys" finds "đăng ký").
pub fn query(q: &str) -> Query {
    let q = vi::nfc(q);
    let mut words = Vec::new();
    let mut typed = self::words(&q).into_iter().peekable();
    while let Some(Word { folded, original }) = typed.next() {
        // A national code as provincial portals print it, with the suffix of the agency's
        // copy ("1.004772.000.00.00.H54"), is searched as the code ("1.004772").
        if let Some(code) = national_code(&folded) {
            if typed.peek().is_some_and(|w| is_agency_suffix(&w.folded)) {
                typed.next();
            }
            words.push(Word {
                folded: code.to_owned(),
                original: None,
            });
            continue;
        }
        // Telex writes "đ" as "dd"; no Vietnamese word has a double d, so the rewrite is safe.
        let telex = folded.contains("dd");
        let folded = if telex {
            folded.replace("dd", "d")
        } else {
            folded
        };
        // An original only says something when it carries marks that folding removed.
        let original = original.filter(|o| !telex && *o != folded);
        words.push(Word { folded, original });
    }
    let last_is_prefix = q
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || c == '.');
    Query {
        words,
        last_is_prefix,
    }
}

/// The national code at the start of a longer dotted number: "1.004772.000.00.00" →
/// "1.004772" (one digit, a dot, six digits, then more dotted groups).
fn national_code(folded: &str) -> Option<&str> {
    let b = folded.as_bytes();
    let code = b.len() > 8
        && b[0].is_ascii_digit()
        && b[1] == b'.'
        && b[2..8].iter().all(u8::is_ascii_digit)
        && b[8] == b'.';
    code.then(|| &folded[..8])
}

/// An agency's suffix to a national code: a letter and digits ("h54", "g18").
fn is_agency_suffix(folded: &str) -> bool {
    let b = folded.as_bytes();
    b.len() >= 2 && b[0].is_ascii_lowercase() && b[1..].iter().all(u8::is_ascii_digit)
}

/// Whether `a` and `b` are at most one edit apart (insert, delete, substitute, or swap two
/// neighbours): the typo tolerance for words of five letters or more.
pub fn within_one_edit(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a == b {
        return true;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let prefix = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    if short.len() == long.len() {
        let rest = prefix + 1;
        // One substitution, or one swap of neighbours.
        short[rest..] == long[rest..]
            || (rest < short.len()
                && short[prefix] == long[rest]
                && short[rest] == long[prefix]
                && short[rest + 1..] == long[rest + 1..])
    } else {
        // One insertion into the shorter word.
        short[prefix..] == long[prefix + 1..]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(q: &Query) -> Vec<&str> {
        q.words.iter().map(|w| w.folded.as_str()).collect()
    }

    #[test]
    fn words_keep_lowercase_originals() {
        let got = words("Đăng ký khai sinh");
        assert_eq!(got[0].folded, "dang");
        assert_eq!(got[0].original.as_deref(), Some("đăng"));
        assert_eq!(got[3].original.as_deref(), Some("sinh"));
        assert_eq!(got.len(), 4);
    }

    #[test]
    fn codes_stay_one_word() {
        let got: Vec<String> = words("Mã 1.001193; số 60/2014/QH13.")
            .into_iter()
            .map(|w| w.folded)
            .collect();
        assert_eq!(got, ["ma", "1.001193", "so", "60", "2014", "qh13"]);
    }

    #[test]
    fn nfd_text_gives_the_same_words_as_nfc() {
        use unicode_normalization::UnicodeNormalization;
        let nfd: String = "Chứng thực bản sao".nfd().collect();
        let a: Vec<String> = words(&nfd).into_iter().map(|w| w.folded).collect();
        let b: Vec<String> = words("Chứng thực bản sao")
            .into_iter()
            .map(|w| w.folded)
            .collect();
        assert_eq!(a, b);
    }

    #[test]
    fn query_folds_marks_case_and_d_stroke() {
        for q in [
            "dang ky khai sinh",
            "Đăng ký khai sinh",
            "ĐĂNG KÝ KHAI SINH",
            "dang ki khai sinh",
            "đăng kí khai sinh",
        ] {
            assert_eq!(folded(&query(q)), ["dang", "ki", "khai", "sinh"], "{q}");
        }
    }

    #[test]
    fn a_final_y_after_a_consonant_reads_as_i() {
        for (word, read) in [
            ("ky", "ki"),
            ("ly", "li"),
            ("my", "mi"),
            ("sy", "si"),
            ("ty", "ti"),
        ] {
            assert_eq!(spelling(word), read);
        }
        // After a vowel, or alone, "y" stays.
        for word in ["quy", "tay", "uy", "y", "khay", "ki"] {
            assert_eq!(spelling(word), word);
        }
    }

    #[test]
    fn a_code_with_its_agency_suffix_is_searched_as_the_code() {
        assert_eq!(folded(&query("1.004772.000.00.00.H54")), ["1.004772"]);
        assert_eq!(
            folded(&query("mã 1.004772.000.00.00.H54")),
            ["ma", "1.004772"]
        );
        assert_eq!(folded(&query("1.004772.000.00.00")), ["1.004772"]);
        // A plain code, and other numbers, stay as typed.
        assert_eq!(folded(&query("1.004772")), ["1.004772"]);
        assert_eq!(folded(&query("12.018.000")), ["12.018.000"]);
    }

    #[test]
    fn query_reads_telex_dd_as_d_stroke() {
        let q = query("ddang kys");
        assert_eq!(folded(&q), ["dang", "kys"]);
        assert_eq!(q.words[0].original, None);
        assert_eq!(folded(&query("ĐĐăng")), ["dang"]);
    }

    #[test]
    fn query_keeps_originals_only_when_typed_with_marks() {
        let q = query("mã ma");
        assert_eq!(q.words[0].original.as_deref(), Some("mã"));
        assert_eq!(q.words[1].original, None);
    }

    #[test]
    fn last_word_is_a_prefix_until_a_separator_follows() {
        assert!(query("khai si").last_is_prefix);
        assert!(!query("khai sinh ").last_is_prefix);
        assert!(query("1.0011").last_is_prefix);
        assert!(!query("").last_is_prefix);
    }

    #[test]
    fn one_edit_covers_insert_delete_substitute_and_swap() {
        assert!(within_one_edit("chung", "chung"));
        assert!(within_one_edit("chung", "chungg"));
        assert!(within_one_edit("chung", "chng"));
        assert!(within_one_edit("chung", "chunh"));
        assert!(within_one_edit("chung", "hcung"));
        assert!(within_one_edit("chung", "chugn"));
        assert!(!within_one_edit("chung", "chnug1"));
        assert!(!within_one_edit("chung", "khunh"));
        assert!(!within_one_edit("chung", "ch"));
    }
}
