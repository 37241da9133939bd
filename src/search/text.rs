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
                original: Some(written(&token.to_lowercase())),
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

/// A lowercase word with its marks as search compares them: the tone mark of a final "oa",
/// "oe" or "uy" on its first vowel ("hoà" → "hòa", "thuỷ" → "thủy", "khoẻ" → "khỏe", the
/// placement of current spelling; not in "quý", where "u" belongs to "qu"), and a final "y"
/// after a consonant as "i" with the same tone ("ký" → "kí", as [`spelling`] does without
/// marks). "hoà" and "hòa", "kí" and "ký", are then one way of writing the word, and rank
/// alike; "mã" and "má" stay two. The browser client's `written` does the same.
pub fn written(word: &str) -> String {
    // (old placement, current placement) of the final vowel pairs.
    const MOVES: [(&str, &str); 15] = [
        ("oà", "òa"),
        ("oá", "óa"),
        ("oả", "ỏa"),
        ("oã", "õa"),
        ("oạ", "ọa"),
        ("oè", "òe"),
        ("oé", "óe"),
        ("oẻ", "ỏe"),
        ("oẽ", "õe"),
        ("oẹ", "ọe"),
        ("uỳ", "ùy"),
        ("uý", "úy"),
        ("uỷ", "ủy"),
        ("uỹ", "ũy"),
        ("uỵ", "ụy"),
    ];
    const Y_AS_I: [(char, char); 6] = [
        ('y', 'i'),
        ('ỳ', 'ì'),
        ('ý', 'í'),
        ('ỷ', 'ỉ'),
        ('ỹ', 'ĩ'),
        ('ỵ', 'ị'),
    ];
    let mut w = word.to_owned();
    if let Some((old, new)) = MOVES.iter().find(|(old, _)| w.ends_with(old))
        && !(old.starts_with('u') && w[..w.len() - old.len()].ends_with('q'))
    {
        w.truncate(w.len() - old.len());
        w.push_str(new);
    }
    let mut chars = w.chars().rev();
    if let (Some(last), Some(before)) = (chars.next(), chars.next())
        && let Some((_, i)) = Y_AS_I.iter().find(|(y, _)| *y == last)
        && "bcdghklmnpqrstvxđ".contains(before)
    {
        w.truncate(w.len() - last.len_utf8());
        w.push(*i);
    }
    w
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
    /// For each word, whether it is a common word of the catalogue's language ([`COMMON`]):
    /// one that a document may lack and that weighs little, so that "thủ tục đăng ký khai
    /// sinh" finds what "đăng ký khai sinh" finds.
    pub common: Vec<bool>,
}

/// Words people put around what they look for, folded: "thủ tục" (and "thủ tục hành
/// chính"), "tthc", and "cấp", which starts a third of the titles ("Cấp bản sao…", "Cấp lại…")
/// and is in most records. A phrase counts only as a whole and only while the query has
/// other words (`common_words`); the browser client has the same list.
pub const COMMON: &[&[&str]] = &[
    &["thu", "tuc", "hanh", "chinh"],
    &["thu", "tuc"],
    &["tthc"],
    &["cap"],
];

/// Which of `words` (folded) belong to a [`COMMON`] phrase; none when every word would.
pub fn common_words(words: &[&str]) -> Vec<bool> {
    let mut common = vec![false; words.len()];
    let mut i = 0;
    while i < words.len() {
        match COMMON.iter().find(|phrase| words[i..].starts_with(phrase)) {
            Some(phrase) => {
                common[i..i + phrase.len()].fill(true);
                i += phrase.len();
            }
            None => i += 1,
        }
    }
    if common.iter().all(|c| *c) {
        common.fill(false);
    }
    common
}

/// A code typed with spaces, as read out or copied from paper, joined again: spaces around a
/// dot between digits go ("1. 001193", "1.001193 .000.00.00.H54"), and one digit followed by
/// a space and six digits is the national code ("1 001193" → "1.001193").
pub fn join_code_parts(q: &str) -> String {
    let chars: Vec<char> = q.chars().collect();
    let digit = |i: usize| chars.get(i).is_some_and(char::is_ascii_digit);
    let space = |i: usize| chars.get(i).is_some_and(|c| c.is_whitespace());
    let mut out = String::with_capacity(q.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            let mut end = i;
            while space(end) {
                end += 1;
            }
            let before = out.chars().next_back();
            let before_digit = before.is_some_and(|b| b.is_ascii_digit());
            let dot_after_digit = before == Some('.') && {
                let mut it = out.chars().rev();
                it.next();
                it.next().is_some_and(|b| b.is_ascii_digit())
            };
            // "1 001193": a lone digit (nothing but a separator before it), then six digits
            // and no seventh.
            let lone_digit = before_digit && {
                let mut it = out.chars().rev();
                it.next();
                it.next().is_none_or(|b| !b.is_alphanumeric() && b != '.')
            };
            let six = (end..end + 6).all(digit) && !digit(end + 6);
            let mut after_dot = end + 1;
            while space(after_dot) {
                after_dot += 1;
            }
            if (before_digit && chars.get(end) == Some(&'.') && digit(after_dot))
                || (dot_after_digit && digit(end))
            {
                i = end;
                continue;
            }
            if lone_digit && six {
                out.push('.');
                i = end;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    out
}

/// Parse a query the way the browser client does: NFC, lowercase, fold, split, and read the
/// Telex "dd" as "đ" ("ddang kys" finds "đăng ký").
pub fn query(q: &str) -> Query {
    let q = join_code_parts(&vi::nfc(q));
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
    let folded: Vec<&str> = words.iter().map(|w| w.folded.as_str()).collect();
    // The last word, while typed, is not yet the word it may become.
    let mut common = common_words(&folded);
    if last_is_prefix && let Some(last) = common.last_mut() {
        *last = false;
    }
    Query {
        words,
        last_is_prefix,
        common,
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
    fn old_and_new_tone_placement_and_i_for_y_are_written_alike() {
        for (a, b) in [
            ("hoà", "hòa"),
            ("thuỷ", "thủy"),
            ("khoẻ", "khỏe"),
            ("uỷ", "ủy"),
            ("kí", "ký"),
            ("lí", "lý"),
            ("mĩ", "mỹ"),
        ] {
            assert_eq!(written(a), written(b), "{a} {b}");
        }
        assert_eq!(written("hoà"), "hòa");
        assert_eq!(written("ký"), "kí");
        // "qu" is a consonant: "quý" keeps its mark; "mã" and "má" stay two words; "hoàn"
        // has no final pair.
        assert_eq!(written("quý"), "quý");
        assert_ne!(written("mã"), written("má"));
        assert_eq!(written("hoàn"), "hoàn");
        assert_eq!(written("tây"), "tây");
        let q = query("hoà thuỷ ");
        assert_eq!(q.words[0].original.as_deref(), Some("hòa"));
        assert_eq!(q.words[1].original.as_deref(), Some("thủy"));
    }

    #[test]
    fn a_code_typed_with_spaces_is_the_code() {
        for q in [
            "1 001193",
            "1. 001193",
            "1 .001193",
            "1 . 001193",
            "mã 1 001193",
        ] {
            assert_eq!(folded(&query(q)).last(), Some(&"1.001193"), "{q}");
        }
        assert_eq!(folded(&query("1.001193 .000.00.00.H54")), ["1.001193"]);
        assert_eq!(folded(&query("1.001193.000.00.00 H54")), ["1.001193"]);
        // Other numbers keep their spaces: "12 001193" is two numbers, "2 bản" a count.
        assert_eq!(folded(&query("12 001193")), ["12", "001193"]);
        assert_eq!(folded(&query("2 bản")), ["2", "ban"]);
        assert_eq!(folded(&query("1 0011934")), ["1", "0011934"]);
    }

    #[test]
    fn common_words_are_marked_only_beside_other_words() {
        assert_eq!(
            query("thủ tục đăng ký khai sinh ").common,
            [true, true, false, false, false, false]
        );
        assert_eq!(
            query("thu tuc hanh chinh cap giay phep ").common,
            [true, true, true, true, true, false, false]
        );
        // Alone they are what is looked for; "thủ" alone, or "tục" alone, is no phrase.
        assert_eq!(query("thủ tục ").common, [false, false]);
        assert_eq!(query("cấp ").common, [false]);
        assert_eq!(query("thủ khai sinh ").common, [false, false, false]);
        // The word being typed is not common yet: "cấp" may become "cấp lại".
        assert_eq!(query("khai sinh cap").common, [false, false, false]);
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
