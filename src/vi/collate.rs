//! Vietnamese alphabetical order, backed by ICU4X's CLDR collation data.

use std::cmp::Ordering;

use icu_collator::options::{CollatorOptions, Strength};
use icu_collator::{CollatorBorrowed, CollatorPreferences};

/// Vietnamese collation: `a < ă < â`, `d < đ`, `e < ê`, `o < ô < ơ`, `u < ư`
/// as letters of their own (primary differences), with tone marks as
/// secondary differences, so "cá" sorts before "cac" and after "ca".
///
/// Build it once and share it: construction looks up locale data, while
/// comparing is cheap, and the value is `Send + Sync` (it only borrows
/// compiled-in `'static` data).
///
/// Strings that are canonically equivalent (NFC and NFD spellings) compare
/// equal; any other two strings that differ compare unequal, because the
/// collator runs at identical strength. That makes sorting by [`compare`]
/// or by [`sort_key`] deterministic regardless of input order.
///
/// [`compare`]: Collation::compare
/// [`sort_key`]: Collation::sort_key
#[derive(Debug)]
pub struct Collation {
    collator: CollatorBorrowed<'static>,
}

impl Collation {
    /// Build the Vietnamese collator from the data compiled into the binary.
    ///
    /// Never fails: if the Vietnamese tailoring were missing from the data,
    /// this falls back to the root (CLDR default) order, which still sorts
    /// tones as secondary differences but puts `ă`/`â` among the `a`s.
    pub fn new() -> Self {
        let mut options = CollatorOptions::default();
        // Identical strength breaks the ties that lower strengths leave
        // (e.g. strings differing only in ignorable characters), so that
        // the order never depends on the order records were read in.
        options.strength = Some(Strength::Identical);
        let collator = CollatorBorrowed::try_new(vietnamese_preferences(), options)
            .or_else(|_| CollatorBorrowed::try_new(CollatorPreferences::default(), options))
            // The root collation is part of the baked data of icu_collator
            // itself; it cannot be missing from a binary that compiled.
            .expect("icu_collator's compiled data includes the root collation");
        Collation { collator }
    }

    /// Compare two strings in Vietnamese order.
    pub fn compare(&self, a: &str, b: &str) -> Ordering {
        self.collator.compare(a, b)
    }

    /// A sort key for `s`: comparing two keys bytewise gives the same result
    /// as [`compare`](Collation::compare) on the strings. Compute it once per
    /// record when sorting many records (`sort_by_cached_key`).
    ///
    /// Keys are only valid within one build of the program (they change with
    /// CLDR and ICU4X versions); never store them.
    pub fn sort_key(&self, s: &str) -> Vec<u8> {
        let mut key = Vec::with_capacity(s.len() * 2);
        // Writing into a Vec cannot fail (its error type is uninhabited).
        let Ok(()) = self.collator.write_sort_key_to(s, &mut key);
        key
    }
}

impl Default for Collation {
    fn default() -> Self {
        Self::new()
    }
}

/// Collator preferences for the locale "vi".
///
/// icu_collator does not re-export the `Locale` type and icu_locale_core is
/// not a direct dependency, but `from_locale_strict` takes a `&Locale`, so
/// `str::parse` infers the type from that parameter. If "vi" somehow failed
/// to parse, the default (root) preferences are used.
fn vietnamese_preferences() -> CollatorPreferences {
    match "vi".parse() {
        Ok(locale) => CollatorPreferences::from_locale_strict(&locale).unwrap_or_else(|p| p),
        Err(_) => CollatorPreferences::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    /// Real titles of administrative procedures (plus a few look-alikes that
    /// stress the letters Vietnamese sorts differently from the root order).
    const TITLES: &[&str] = &[
        "Đăng ký khai sinh",
        "Đăng ký kết hôn",
        "Đăng ký khai tử",
        "Đăng ký nhận cha, mẹ, con",
        "Đăng ký giám hộ",
        "Đăng ký lại khai sinh",
        "Đăng ký thường trú",
        "Đăng ký tạm trú",
        "Đăng ký biến động quyền sử dụng đất",
        "Đăng ký xe ô tô",
        "Đổi giấy phép lái xe do ngành Giao thông vận tải cấp",
        "Điều chỉnh giấy phép thành lập văn phòng đại diện",
        "Dịch vụ công trực tuyến về chứng thực",
        "Cấp bản sao trích lục hộ tịch",
        "Cấp Giấy xác nhận tình trạng hôn nhân",
        "Cấp Giấy chứng nhận đăng ký hộ kinh doanh",
        "Cấp giấy phép xây dựng nhà ở riêng lẻ",
        "Cấp lại Giấy chứng nhận quyền sử dụng đất",
        "Cấp hộ chiếu phổ thông",
        "Cấp, đổi giấy phép lái xe",
        "Cấp đổi thẻ Căn cước",
        "Cấp thẻ bảo hiểm y tế",
        "Cấp Phiếu lý lịch tư pháp",
        "Chứng thực bản sao từ bản chính giấy tờ, văn bản",
        "Chứng thực chữ ký trong các giấy tờ, văn bản",
        "Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản",
        "Công nhận tuyên truyền viên pháp luật",
        "Gia hạn giấy phép lao động",
        "Giải quyết hưởng trợ cấp thất nghiệp",
        "Hỗ trợ người có công với cách mạng",
        "Thủ tục thôi quốc tịch Việt Nam",
        "Thủ tục nhập quốc tịch Việt Nam",
        "Thẩm định thiết kế cơ sở",
        "Thành lập doanh nghiệp tư nhân",
        "Tặng thưởng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
        "Xác nhận thông tin về cư trú",
        "Xóa đăng ký thường trú",
        "Ủy quyền",
        "Ưu đãi đầu tư",
        "Ân giảm án tử hình",
        "Ăn uống",
        "An toàn thực phẩm",
        "Ổn định dân cư",
        "Ơn nghĩa",
        "Ong mật",
        "1.001193 Đăng ký khai sinh",
        "",
    ];

    #[test]
    fn collation_orders_a_breve_after_a() {
        let c = Collation::new();
        assert_eq!(c.compare("an", "ăn"), Ordering::Less);
        // ă is a letter after a, not an "a with a mark": every a-word sorts
        // before every ă-word, which the root collation would not do.
        assert_eq!(c.compare("ăn", "az"), Ordering::Greater);
        assert_eq!(c.compare("ân", "ăz"), Ordering::Greater);
        assert_eq!(c.compare("ôn", "oz"), Ordering::Greater);
        assert_eq!(c.compare("ơn", "ôz"), Ordering::Greater);
        assert_eq!(c.compare("ưu", "uz"), Ordering::Greater);
        assert_eq!(c.compare("ê", "ez"), Ordering::Greater);
    }

    #[test]
    fn collation_orders_d_stroke_after_d() {
        let c = Collation::new();
        assert_eq!(c.compare("Dịch vụ", "Đăng ký"), Ordering::Less);
        assert_eq!(c.compare("Dzung", "Đa"), Ordering::Less);
        assert_eq!(c.compare("đa", "ea"), Ordering::Less);
    }

    #[test]
    fn collation_treats_tones_as_secondary() {
        let c = Collation::new();
        assert_eq!(c.compare("ca", "cá"), Ordering::Less);
        assert_eq!(c.compare("cá", "cac"), Ordering::Less);
        // The CLDR order of the tones: ngang, huyền, hỏi, ngã, sắc, nặng.
        let tones = ["ma", "mà", "mả", "mã", "má", "mạ"];
        for pair in tones.windows(2) {
            assert_eq!(c.compare(pair[0], pair[1]), Ordering::Less, "{pair:?}");
        }
    }

    #[test]
    fn collation_equates_nfc_and_nfd() {
        let c = Collation::new();
        let nfd: String = "Đăng ký kết hôn".nfd().collect();
        assert_eq!(c.compare("Đăng ký kết hôn", &nfd), Ordering::Equal);
        assert_eq!(c.sort_key("Đăng ký kết hôn"), c.sort_key(&nfd));
    }

    #[test]
    fn sort_key_agrees_with_compare() {
        let c = Collation::new();
        let keys: Vec<Vec<u8>> = TITLES.iter().map(|t| c.sort_key(t)).collect();
        for (i, a) in TITLES.iter().enumerate() {
            for (j, b) in TITLES.iter().enumerate() {
                assert_eq!(
                    keys[i].cmp(&keys[j]),
                    c.compare(a, b),
                    "sort key and compare disagree on {a:?} vs {b:?}"
                );
            }
        }
    }

    #[test]
    fn titles_sort_in_vietnamese_order() {
        let c = Collation::new();
        let mut titles = [
            "Ưu đãi đầu tư",
            "Đăng ký khai sinh",
            "Ủy quyền",
            "Dịch vụ công",
            "Chứng thực chữ ký",
            "Cấp hộ chiếu",
            "Ăn uống",
            "An toàn thực phẩm",
        ];
        titles.sort_by_cached_key(|t| c.sort_key(t));
        assert_eq!(
            titles,
            [
                "An toàn thực phẩm",
                "Ăn uống",
                "Cấp hộ chiếu",
                "Chứng thực chữ ký",
                "Dịch vụ công",
                "Đăng ký khai sinh",
                "Ủy quyền",
                "Ưu đãi đầu tư",
            ]
        );
    }

    #[test]
    fn collation_is_shareable_across_threads() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Collation>();
    }
}
