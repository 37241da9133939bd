//! Normalisation and diacritic folding: NFC for storage and display, a folded
//! ASCII-ish form for search, slugs and search words.

use std::borrow::Cow;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc, is_nfc_quick};

/// NFC-normalise `s`.
///
/// Editors on macOS write NFD ("a" followed by U+0301) where Windows and Linux
/// editors write the precomposed "á"; without normalising, the two spellings
/// would compare unequal, hash differently and sort apart. Most input is
/// already NFC, so the quick check answers without allocating and the result
/// borrows `s`.
pub fn nfc(s: &str) -> Cow<'_, str> {
    if is_nfc_inert_text(s) {
        return Cow::Borrowed(s);
    }
    match is_nfc_quick(s.chars()) {
        IsNormalized::Yes => Cow::Borrowed(s),
        // "Maybe" comes from characters that may compose with a neighbour; the
        // full check settles it before we pay for a new string.
        IsNormalized::Maybe if is_nfc(s) => Cow::Borrowed(s),
        IsNormalized::Maybe | IsNormalized::No => Cow::Owned(s.nfc().collect()),
    }
}

/// Whether `s` is NFC because every character is below U+0300 (ASCII, Latin-1, Latin
/// Extended) or in Latin Extended Additional (U+1E00–U+1EFF, the precomposed Vietnamese
/// letters): each of those is NFC on its own, is not a combining mark and is never the second
/// half of a composition, so any text of them is NFC; Vietnamese text passes without the
/// Unicode tables (the tests check the claim against them). Read from the UTF-8 bytes: U+0000–
/// U+02FF are the one-byte characters and the two-byte ones led by 0xC2–0xCB, U+1E00–U+1EFF
/// the three-byte ones led by 0xE1 0xB8–0xBB.
fn is_nfc_inert_text(s: &str) -> bool {
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            0x00..0x80 => i += 1,
            0xC2..0xCC => i += 2,
            0xE1 if (0xB8..0xBC).contains(&bytes[i + 1]) => i += 3,
            _ => return false,
        }
    }
    true
}

/// Fold `s` for search and slugs: lowercase, decompose (NFD), drop the
/// combining marks U+0300–U+036F, and map `đ`/`Đ` to `d`.
///
/// "Đăng Ký" becomes "dang ky". Everything that is not a letter with a
/// diacritic (digits, punctuation, spaces) is kept as is, so callers decide
/// how to split. NFC and NFD spellings of the same text fold to the same
/// string.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// Append the fold of `s` (see [`fold`]) to `out`, so hot loops can reuse one
/// buffer.
pub fn fold_into(s: &str, out: &mut String) {
    for c in s.chars() {
        if c.is_ascii() {
            // Most of a Vietnamese text is ASCII (spaces, and letters without
            // marks); skip the Unicode tables for it.
            out.push(c.to_ascii_lowercase());
            continue;
        }
        // The rest of it is Latin letters with marks: looked up in a table
        // made by the general path below.
        if let Some(folded) = latin_fold(c) {
            out.push(folded);
            continue;
        }
        fold_char(c, out);
    }
}

/// The first character after the Latin letters of [`latin_fold`]'s table.
const LATIN_END: u32 = 0x1F00;

/// The fold of `c` when it is a Latin letter that folds to one ASCII
/// character (U+00C0–U+1EFF: Latin-1, Latin Extended and the Vietnamese
/// letters of Latin Extended Additional), from a table computed once with
/// [`fold_char`].
fn latin_fold(c: char) -> Option<char> {
    static TABLE: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    let n = c as u32;
    if !(0xC0..LATIN_END).contains(&n) {
        return None;
    }
    let table = TABLE.get_or_init(|| {
        (0xC0..LATIN_END)
            .map(|n| {
                let mut s = String::new();
                if let Some(c) = char::from_u32(n) {
                    fold_char(c, &mut s);
                }
                match s.as_bytes() {
                    [b] if b.is_ascii() => *b,
                    _ => 0,
                }
            })
            .collect()
    });
    match table[(n - 0xC0) as usize] {
        0 => None,
        b => Some(b as char),
    }
}

/// The fold of one character (see [`fold`]), appended to `out`.
fn fold_char(c: char, out: &mut String) {
    // Lowercase before decomposing: lowercasing can itself produce a
    // combining mark ('İ' → "i\u{307}"), which must then be dropped too.
    for lower in c.to_lowercase() {
        unicode_normalization::char::decompose_canonical(lower, |d| {
            if !is_combining_diacritic(d) {
                // 'đ' has no decomposition (the stroke is part of the
                // letter), so it is mapped by hand; 'Đ' was lowercased
                // to 'đ' above.
                out.push(if d == 'đ' { 'd' } else { d });
            }
        });
    }
}

/// The Combining Diacritical Marks block, which holds all five Vietnamese
/// tone marks and the breve, circumflex and horn.
fn is_combining_diacritic(c: char) -> bool {
    ('\u{0300}'..='\u{036F}').contains(&c)
}

/// A procedure code as the URL segment of its stable link (`/ma/<segment>/`): codes are
/// opaque, so they are kept as they are when they are URL-safe (`1.001193`,
/// `1.004772.000.00.00.H54`) and slugged otherwise (`9.99 A` → `9-99-a`). The renderer makes
/// its links and validation finds collisions and empty segments with this one function.
pub fn code_segment(code: &str) -> String {
    if !code.is_empty()
        && code
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
        && !code.starts_with('.')
    {
        code.to_owned()
    } else {
        slugify(code)
    }
}

/// Make an ASCII URL slug: fold, then turn every run of characters other than
/// `[a-z0-9]` into one `-`, with none at either end.
///
/// "Chứng thực bản sao từ bản chính (cấp xã)" becomes
/// "chung-thuc-ban-sao-tu-ban-chinh-cap-xa". Empty input, or input with no
/// letters or digits, gives "".
pub fn slugify(s: &str) -> String {
    let folded = fold(s);
    let mut slug = String::with_capacity(folded.len());
    // A separator is only written when the next kept character arrives, so
    // runs collapse to one '-' and none is left at the end.
    let mut pending_dash = false;
    for c in folded.chars() {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            if pending_dash && !slug.is_empty() {
                slug.push('-');
            }
            pending_dash = false;
            slug.push(c);
        } else {
            pending_dash = true;
        }
    }
    slug
}

/// The longest slug [`title_slug`] makes: a real title of 900 characters would otherwise name a
/// folder longer than a file system allows, and a URL nobody can read out.
pub const TITLE_SLUG_MAX: usize = 80;

/// The slug of a record: its written `slug` made clean ([`slugify`]), or its title's
/// ([`title_slug`]). One rule for the address a build gives a record and for the addresses
/// its earlier versions had (old links).
pub fn record_slug(slug: Option<&str>, title: &str) -> String {
    match slug {
        Some(slug) => slugify(slug),
        None => title_slug(title),
    }
}

/// The slug of a title: [`slugify`], cut after the last whole word that ends within
/// [`TITLE_SLUG_MAX`] characters (a single longer word is cut at the limit).
pub fn title_slug(title: &str) -> String {
    let mut slug = slugify(title);
    if slug.len() > TITLE_SLUG_MAX {
        // The slug is ASCII: every index is a character boundary.
        let cut = if slug.as_bytes()[TITLE_SLUG_MAX] == b'-' {
            TITLE_SLUG_MAX
        } else {
            slug[..TITLE_SLUG_MAX].rfind('-').unwrap_or(TITLE_SLUG_MAX)
        };
        slug.truncate(cut);
    }
    slug
}

/// Split folded text (see [`fold`]) into search words.
///
/// A word is a maximal run of `[a-z0-9]`, where a `.` between two digits is
/// part of the word: procedure codes and amounts such as "1.001193" and
/// "50.000" stay one word, while a full stop after a number ("năm 2020.")
/// does not. Every other character separates words. The rule is ASCII-only on
/// purpose, so the browser-side search can apply the same rule to queries
/// with one regular expression.
pub fn words(folded: &str) -> impl Iterator<Item = &str> {
    Words { rest: folded }
}

/// Iterator behind [`words`]; it scans bytes, which is safe because every
/// byte it keeps or splits on is ASCII and multi-byte characters only ever
/// act as separators.
struct Words<'a> {
    rest: &'a str,
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let bytes = self.rest.as_bytes();
        let start = bytes.iter().position(|&b| is_word_byte(b))?;
        let mut end = start;
        while end < bytes.len() {
            let b = bytes[end];
            let dot_between_digits = b == b'.'
                && end > start
                && bytes[end - 1].is_ascii_digit()
                && bytes.get(end + 1).is_some_and(u8::is_ascii_digit);
            if is_word_byte(b) || dot_between_digits {
                end += 1;
            } else {
                break;
            }
        }
        // `start` and `end` sit on ASCII bytes, hence on char boundaries.
        let word = &self.rest[start..end];
        self.rest = &self.rest[end..];
        Some(word)
    }
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_lowercase() || b.is_ascii_digit()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nfc_borrows_text_that_is_already_nfc() {
        assert!(matches!(nfc("Đăng ký khai sinh"), Cow::Borrowed(_)));
    }

    /// The characters [`is_nfc_inert_text`] accepts.
    fn is_nfc_inert(c: char) -> bool {
        c < '\u{0300}' || ('\u{1E00}'..='\u{1EFF}').contains(&c)
    }

    #[test]
    fn nfc_inert_characters_are_nfc_in_any_order() {
        use unicode_normalization::char::{canonical_combining_class, compose};
        let inert: Vec<char> = (0..0x3100u32)
            .filter_map(char::from_u32)
            .filter(|c| is_nfc_inert(*c))
            .collect();
        assert!(inert.contains(&'ệ') && inert.contains(&'Đ') && !inert.contains(&'\u{301}'));
        for c in (0..0x11_0000u32).filter_map(char::from_u32) {
            assert_eq!(is_nfc_inert_text(&c.to_string()), is_nfc_inert(c), "{c:?}");
        }
        for &c in &inert {
            assert!(is_nfc(&c.to_string()), "{c:?}");
            assert_eq!(canonical_combining_class(c), 0, "{c:?}");
        }
        // No character at all composes with an inert one following it. Every first half of
        // a composition is below U+3100 except Hangul syllables, which compose only with jamo.
        for a in (0..0x3100u32).filter_map(char::from_u32) {
            for &c in &inert {
                assert_eq!(compose(a, c), None, "{a:?} {c:?}");
            }
        }
    }

    #[test]
    fn latin_table_agrees_with_the_general_fold() {
        for c in (0xC0..LATIN_END).filter_map(char::from_u32) {
            let mut slow = String::new();
            fold_char(c, &mut slow);
            if let Some(fast) = latin_fold(c) {
                assert_eq!(slow, fast.to_string(), "{c:?}");
            }
        }
        assert_eq!(latin_fold('Ặ'), Some('a'));
        assert_eq!(latin_fold('đ'), Some('d'));
    }

    #[test]
    fn nfc_composes_macos_nfd_text() {
        let nfd: String = "Đăng ký khai sinh".nfd().collect();
        assert_ne!(nfd, "Đăng ký khai sinh");
        let composed = nfc(&nfd);
        assert!(matches!(composed, Cow::Owned(_)));
        assert_eq!(composed, "Đăng ký khai sinh");
    }

    #[test]
    fn fold_drops_tones_and_maps_d_stroke() {
        assert_eq!(fold("Đăng Ký"), "dang ky");
        assert_eq!(fold("đường"), "duong");
        assert_eq!(
            fold("Ẩm thực Việt, ỨNG DỤNG, Ở ĐÂY"),
            "am thuc viet, ung dung, o day"
        );
        assert_eq!(fold("Mã số 1.001193 (cấp xã)"), "ma so 1.001193 (cap xa)");
    }

    #[test]
    fn fold_of_nfd_input_equals_fold_of_nfc() {
        let nfc_text = "Chứng thực bản sao từ bản chính, Đăng ký kết hôn";
        let nfd_text: String = nfc_text.nfd().collect();
        assert_ne!(nfc_text, nfd_text);
        assert_eq!(fold(&nfd_text), fold(nfc_text));
    }

    #[test]
    fn fold_into_appends() {
        let mut buf = String::from("x ");
        fold_into("Hộ tịch", &mut buf);
        assert_eq!(buf, "x ho tich");
    }

    #[test]
    fn fold_drops_a_mark_produced_by_lowercasing() {
        assert_eq!(fold("İ"), "i");
    }

    #[test]
    fn slug_of_dang_ky_khai_sinh() {
        assert_eq!(slugify("Đăng ký khai sinh"), "dang-ky-khai-sinh");
        assert_eq!(
            slugify("Chứng thực bản sao từ bản chính (cấp xã)"),
            "chung-thuc-ban-sao-tu-ban-chinh-cap-xa"
        );
    }

    #[test]
    fn title_slugs_stop_at_a_word_within_80_characters() {
        assert_eq!(title_slug("Đăng ký khai sinh"), "dang-ky-khai-sinh");
        let long = "Thủ tục cấp giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản \
                    khác gắn liền với đất lần đầu cho hộ gia đình, cá nhân";
        let slug = title_slug(long);
        assert!(slugify(long).starts_with(&slug));
        assert!(slug.len() <= TITLE_SLUG_MAX, "{slug}");
        assert!(!slug.ends_with('-'));
        // It ends at a whole word of the full slug.
        assert_eq!(slugify(long).as_bytes()[slug.len()], b'-');
        // Exactly 80 characters, ending at a word, stays whole.
        let eighty = format!("{}-{}", "a".repeat(39), "b".repeat(40));
        assert_eq!(title_slug(&format!("{eighty} c")), eighty);
        // One word longer than the limit is cut at it.
        assert_eq!(title_slug(&"x".repeat(300)), "x".repeat(TITLE_SLUG_MAX));
    }

    #[test]
    fn slug_collapses_and_trims_separators() {
        assert_eq!(slugify(""), "");
        assert_eq!(slugify(" -- (!) "), "");
        assert_eq!(slugify("  Cấp, đổi -- giấy phép!  "), "cap-doi-giay-phep");
        assert_eq!(slugify("Thủ tục 1.001193"), "thu-tuc-1-001193");
    }

    #[test]
    fn words_keep_dots_between_digits() {
        let folded = fold("Thủ tục 1.001193: phí 50.000 đồng, năm 2020. Hết.");
        let got: Vec<&str> = words(&folded).collect();
        assert_eq!(
            got,
            [
                "thu", "tuc", "1.001193", "phi", "50.000", "dong", "nam", "2020", "het"
            ]
        );
    }

    #[test]
    fn words_split_on_non_ascii_and_leading_dots() {
        let got: Vec<&str> = words(".5 a.b ß9").collect();
        assert_eq!(got, ["5", "a", "b", "9"]);
        assert_eq!(words("").count(), 0);
        assert_eq!(words(" ,.- ").count(), 0);
    }
}
