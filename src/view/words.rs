//! The words the site itself says (page titles, money, weekdays, chart labels), read once from
//! the theme's i18n file for the site's language.
//!
//! Templates read the labels directly (`t.nav.home`); these are the words that Rust code puts
//! into values before a template sees them: breadcrumbs and titles made by the plan, fee
//! summaries on cards and in search results, opening days, the statistics chart. A key that the
//! site's language file lacks falls back to the embedded default theme's Vietnamese, so a
//! theme that overrides only some labels still builds.

use std::sync::LazyLock;

use crate::model::{Currency, MissingStatus, Procedure};
use crate::vi::{self, WEEKDAYS};

/// The embedded default theme's Vietnamese labels: the fallback of every word.
static DEFAULT_LABELS: LazyLock<serde_json::Value> = LazyLock::new(|| {
    crate::theme::Theme::embedded()
        .i18n
        .remove("vi")
        .unwrap_or(serde_json::Value::Null)
});

/// The words of one language.
#[derive(Debug, Clone)]
pub struct Words {
    /// Page titles, which are also the breadcrumbs' names.
    pub home: String,
    /// "Lĩnh vực".
    pub fields: String,
    /// "Cấp thực hiện".
    pub levels: String,
    /// "Cơ quan thực hiện".
    pub agencies: String,
    /// "Tra cứu thủ tục".
    pub search: String,
    /// "Liên hệ, góp ý".
    pub contact: String,
    /// "Thống kê tình hình giải quyết hồ sơ".
    pub stats: String,
    /// "Dữ liệu mở".
    pub data: String,
    /// "Không tìm thấy trang".
    pub not_found: String,
    /// "Cập nhật thủ tục": the title of `/cap-nhat/`.
    pub changes: String,
    /// The words of the change history (`history.*`: the names of the parts that change,
    /// "theo Quyết định {number}") and the status names (`status.*`), by key.
    history: std::collections::BTreeMap<&'static str, String>,
    free: String,
    amount: String,
    amount_currency: String,
    by_text: String,
    missing: std::collections::BTreeMap<String, String>,
    currency_word: String,
    from: String,
    some_exempt: String,
    thousands: String,
    weekdays: [String; 7],
    day_range: String,
    /// Chart rows: early, on time, late, in progress, withdrawn, returned.
    pub chart: [String; 6],
}

impl Words {
    /// The words in `labels` (one language file of the theme).
    pub fn new(labels: &serde_json::Value) -> Words {
        let word = |path: &str| -> String {
            labels
                .pointer(path)
                .or_else(|| DEFAULT_LABELS.pointer(path))
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_owned()
        };
        Words {
            home: word("/pages/home"),
            fields: word("/pages/fields"),
            levels: word("/pages/levels"),
            agencies: word("/pages/agencies"),
            search: word("/pages/search"),
            contact: word("/pages/contact"),
            stats: word("/pages/stats"),
            data: word("/pages/data"),
            not_found: word("/pages/not_found"),
            changes: word("/pages/changes"),
            history: [
                "title",
                "fees",
                "processing_time",
                "document_added",
                "document_removed",
                "status",
                "by_decision",
            ]
            .into_iter()
            .map(|k| (k, word(&format!("/history/{k}"))))
            .chain(
                ["active", "upcoming", "suspended", "repealed"]
                    .into_iter()
                    .map(|k| (k, word(&format!("/status/{k}")))),
            )
            .collect(),
            free: word("/money/free"),
            amount: word("/money/amount"),
            amount_currency: word("/money/amount_currency"),
            by_text: word("/money/by_text"),
            missing: ["unknown", "not_published"]
                .into_iter()
                .flat_map(|status| Procedure::PARTS.iter().map(move |part| (status, *part)))
                .map(|(status, part)| {
                    let key = format!("{status}/{part}");
                    let text = word(&format!("/missing/{key}"));
                    (key, text)
                })
                .collect(),
            currency_word: word("/money/currency_word"),
            from: word("/money/from"),
            some_exempt: word("/money/some_exempt"),
            thousands: word("/money/thousands"),
            weekdays: WEEKDAYS.map(|d| word(&format!("/weekday/{d}"))),
            day_range: word("/weekday/range"),
            chart: [
                "early",
                "on_time",
                "late",
                "in_progress",
                "withdrawn",
                "returned",
            ]
            .map(|k| word(&format!("/chart/{k}"))),
        }
    }

    /// An amount of money: "8.000 đồng" (or "VND 8,000"), and the word for free at 0, which is
    /// how catalogues state a procedure without a fee.
    pub fn money(&self, amount: u64) -> String {
        if amount == 0 {
            return self.free.clone();
        }
        let number = vi::format_number(amount).replace('.', &self.thousands);
        self.amount.replace("{amount}", &number)
    }

    /// The amount in đồng followed by the record's unit, without repeating the currency word
    /// the unit starts with: amount 8000, unit "đồng/trường hợp" → "8.000 đồng/trường hợp".
    pub fn money_with_unit(&self, amount: u64, unit: Option<&str>) -> String {
        self.money_in_with_unit(amount, Currency::VND, unit)
    }

    /// "Từ 2.000 đồng": the lowest of several amounts.
    pub fn money_from(&self, amount: u64) -> String {
        self.from.replace("{amount}", &self.money(amount))
    }

    /// An amount in `currency`: in đồng as [`Words::money`]; otherwise "10 USD" (or "USD 10"),
    /// never "10 đồng USD". 0 is free in any currency.
    pub fn money_in(&self, amount: u64, currency: Currency) -> String {
        if currency == Currency::VND || amount == 0 {
            return self.money(amount);
        }
        let number = vi::format_number(amount).replace('.', &self.thousands);
        self.amount_currency
            .replace("{amount}", &number)
            .replace("{currency}", currency.code())
    }

    /// The amount in `currency` followed by the unit, without repeating the currency the unit
    /// starts with: 10, USD, "USD/bản" → "10 USD/bản"; 8000, VND, "đồng/bản" → "8.000 đồng/bản".
    pub fn money_in_with_unit(
        &self,
        amount: u64,
        currency: Currency,
        unit: Option<&str>,
    ) -> String {
        let money = self.money_in(amount, currency);
        let Some(unit) = unit.filter(|_| amount > 0) else {
            return money;
        };
        let unit = if currency == Currency::VND {
            let unit = unit
                .trim_start_matches("VND")
                .trim_start_matches("đồng")
                .trim_start();
            if self.currency_word.is_empty() {
                unit
            } else {
                unit.trim_start_matches(self.currency_word.as_str())
                    .trim_start()
            }
        } else {
            unit.trim_start_matches(currency.code()).trim_start()
        };
        if unit.is_empty() {
            money
        } else {
            let space = if unit.starts_with('/') { "" } else { " " };
            format!("{money}{space}{unit}")
        }
    }

    /// "Từ 10 USD": the lowest of several amounts in `currency`.
    pub fn money_from_in(&self, amount: u64, currency: Currency) -> String {
        self.from
            .replace("{amount}", &self.money_in(amount, currency))
    }

    /// "Theo quy định": a fee whose amount only its text states (a council resolution sets it).
    pub fn by_text(&self) -> &str {
        &self.by_text
    }

    /// What the site says of a part the record states as missing: "Chưa công bố mức phí, lệ
    /// phí". `part` is the record's key (`fees`).
    pub fn missing(&self, status: MissingStatus, part: &str) -> &str {
        self.missing
            .get(&format!("{}/{part}", status.id()))
            .map(String::as_str)
            .unwrap_or_default()
    }

    /// A word of the change history or a status name, by its key (`fees`, `by_decision`,
    /// `repealed`).
    pub fn history(&self, key: &str) -> &str {
        self.history
            .get(key)
            .map(String::as_str)
            .unwrap_or_default()
    }

    /// A fee summary followed by the note that some cases are exempt.
    pub fn some_exempt(&self, summary: &str) -> String {
        self.some_exempt.replace("{summary}", summary)
    }

    /// The name of the weekday `id` (`"mon"` … `"sun"`).
    pub fn weekday(&self, id: &str) -> Option<&str> {
        let i = WEEKDAYS.iter().position(|d| *d == id)?;
        Some(&self.weekdays[i])
    }

    /// "Thứ Hai – Thứ Sáu" for a run of three or more consecutive weekdays, "Thứ Bảy" for one,
    /// else a list ("Thứ Hai, Thứ Tư").
    pub fn days(&self, days: &[&str]) -> String {
        let mut indices: Vec<usize> = days
            .iter()
            .filter_map(|d| WEEKDAYS.iter().position(|o| o == d))
            .collect();
        indices.sort_unstable();
        indices.dedup();
        let name = |i: usize| self.weekdays[i].as_str();
        let consecutive = indices.windows(2).all(|w| w[1] == w[0] + 1);
        match indices.as_slice() {
            [] => String::new(),
            [one] => name(*one).to_owned(),
            [first, .., last] if consecutive && indices.len() > 2 => self
                .day_range
                .replace("{first}", name(*first))
                .replace("{last}", name(*last)),
            many => many.iter().map(|i| name(*i)).collect::<Vec<_>>().join(", "),
        }
    }
}

impl Default for Words {
    /// The default theme's Vietnamese.
    fn default() -> Words {
        Words::new(&DEFAULT_LABELS)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn english() -> Words {
        Words::new(&crate::theme::Theme::embedded().i18n["en"])
    }

    #[test]
    fn money_in_vietnamese_and_english() {
        let vi = Words::default();
        assert_eq!(vi.money(8000), "8.000 đồng");
        assert_eq!(vi.money(1_250_000), "1.250.000 đồng");
        assert_eq!(vi.money(0), "Miễn phí");
        assert_eq!(vi.money_from(2000), "Từ 2.000 đồng");
        assert_eq!(
            vi.money_with_unit(8000, Some("đồng/trường hợp")),
            "8.000 đồng/trường hợp"
        );
        assert_eq!(vi.money_with_unit(8000, Some("đồng")), "8.000 đồng");
        let en = english();
        assert_eq!(en.money(8000), "VND 8,000");
        assert_eq!(en.money(0), "Free of charge");
        assert_eq!(
            en.money_with_unit(8000, Some("đồng/trường hợp")),
            "VND 8,000/trường hợp"
        );
    }

    #[test]
    fn money_in_other_currencies_names_the_code_once() {
        let usd = Currency::parse("USD").unwrap();
        let vi = Words::default();
        assert_eq!(vi.money_in(10, usd), "10 USD");
        assert_eq!(
            vi.money_in_with_unit(10, usd, Some("USD/bản")),
            "10 USD/bản"
        );
        assert_eq!(vi.money_in_with_unit(10, usd, Some("/bản")), "10 USD/bản");
        assert_eq!(vi.money_from_in(10, usd), "Từ 10 USD");
        assert_eq!(vi.money_in(1500, usd), "1.500 USD");
        assert_eq!(
            vi.money_in_with_unit(8000, Currency::VND, Some("VND/bản")),
            "8.000 đồng/bản"
        );
        let en = english();
        assert_eq!(
            en.money_in_with_unit(10, usd, Some("USD/bản")),
            "USD 10/bản"
        );
        assert_eq!(
            vi.missing(MissingStatus::NotPublished, "fees"),
            "Chưa công bố mức phí, lệ phí"
        );
        for part in Procedure::PARTS {
            for status in [MissingStatus::Unknown, MissingStatus::NotPublished] {
                assert!(!vi.missing(status, part).is_empty(), "{part}");
                assert!(!en.missing(status, part).is_empty(), "{part}");
            }
        }
    }

    #[test]
    fn opening_days() {
        let vi = Words::default();
        assert_eq!(
            vi.days(&["mon", "tue", "wed", "thu", "fri"]),
            "Thứ Hai – Thứ Sáu"
        );
        assert_eq!(vi.days(&["sat"]), "Thứ Bảy");
        assert_eq!(vi.days(&["mon", "wed"]), "Thứ Hai, Thứ Tư");
        assert_eq!(english().days(&["mon", "tue", "wed"]), "Monday – Wednesday");
        assert_eq!(vi.weekday("sun"), Some("Chủ nhật"));
        assert_eq!(vi.weekday("xyz"), None);
    }

    #[test]
    fn a_missing_word_falls_back_to_the_default_vietnamese() {
        let words = Words::new(&serde_json::json!({"pages": {"home": "Start"}}));
        assert_eq!(words.home, "Start");
        assert_eq!(words.fields, "Lĩnh vực");
    }
}
