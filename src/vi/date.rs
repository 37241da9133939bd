//! Calendar dates as records write them ("2026-03-15") and as Vietnamese
//! readers expect them ("15/03/2026").

use std::fmt;
use std::str::FromStr;

/// A calendar date in the proleptic Gregorian calendar, without time or time
/// zone: the day a procedure was issued or last checked, not an instant.
///
/// Parsed from `YYYY-MM-DD` (serde deserialises it from that string, which is
/// how both quoted and unquoted YAML dates arrive) and serialised back to the
/// same string. The derived ordering is chronological because the fields are
/// declared from the most to the least significant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// The year, e.g. 2026.
    pub year: i32,
    /// The month, 1–12.
    pub month: u8,
    /// The day of the month, 1–31 (at most the length of the month).
    pub day: u8,
}

/// Why a string is not a valid `YYYY-MM-DD` date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DateError {
    /// The text is not shaped like `YYYY-MM-DD` (four, two and two digits).
    Format,
    /// The month is not 1–12.
    MonthOutOfRange {
        /// The month as written.
        month: u8,
    },
    /// The day is 0 or past the end of its month.
    DayOutOfRange {
        /// The year as written.
        year: i32,
        /// The month as written (valid).
        month: u8,
        /// The day as written.
        day: u8,
    },
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            DateError::Format => f.write_str("expected YYYY-MM-DD"),
            DateError::MonthOutOfRange { month } => write!(f, "month {month} is out of range"),
            DateError::DayOutOfRange { day: 0, .. } => f.write_str("day 0 is out of range"),
            DateError::DayOutOfRange { year, month, .. } => write!(
                f,
                "{} {year} has {} days",
                MONTH_NAMES[usize::from(month - 1)],
                days_in_month(year, month)
            ),
        }
    }
}

impl std::error::Error for DateError {}

impl DateError {
    /// The text handed to serde's `custom` for `text`, a date that does not parse: readable
    /// as it is, and read back by [`DateError::from_custom`] (serde's `custom` carries only text).
    pub fn to_custom(self, text: &str) -> String {
        format!("invalid date `{text}`: {self}")
    }

    /// The date text and its problem that a message of serde's `custom` carries, if it is one
    /// of [`DateError::to_custom`]: the problem is found again by parsing the text.
    pub fn from_custom(message: &str) -> Option<(String, DateError)> {
        let rest = message.strip_prefix("invalid date `")?;
        let (text, _) = rest.split_once("`: ")?;
        let error = Date::parse(text).err()?;
        Some((text.to_owned(), error))
    }
}

/// English month names for error messages (the messages are in English).
pub(crate) const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Days from 0000-03-01 to 1970-01-01, the offset between the March-based
/// era arithmetic below and the Unix epoch.
const EPOCH_SHIFT: i64 = 719_468;
/// Days in a 400-year Gregorian cycle.
const DAYS_PER_ERA: i64 = 146_097;

impl Date {
    /// Parse `YYYY-MM-DD`, checking that the month exists and that the day
    /// exists in that month (29 February only in leap years).
    pub fn parse(s: &str) -> Result<Date, DateError> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(DateError::Format);
        }
        let year = digits(&b[0..4]).ok_or(DateError::Format)?;
        let month = digits(&b[5..7]).ok_or(DateError::Format)?;
        let day = digits(&b[8..10]).ok_or(DateError::Format)?;
        // Two digits fit in u8; four fit in i32.
        let (year, month, day) = (year as i32, month as u8, day as u8);
        if !(1..=12).contains(&month) {
            return Err(DateError::MonthOutOfRange { month });
        }
        if day == 0 || day > days_in_month(year, month) {
            return Err(DateError::DayOutOfRange { year, month, day });
        }
        Ok(Date { year, month, day })
    }

    /// The date as Vietnamese readers write it: "15/03/2026".
    pub fn vi(&self) -> String {
        format!("{:02}/{:02}/{:04}", self.day, self.month, self.year)
    }

    /// Today in UTC, from the system clock: for acts at a time (an import, a report), never
    /// for what a build writes (that takes `--now` or the last commit's date).
    pub fn today() -> Date {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX));
        Date::from_days_since_epoch(secs.div_euclid(86_400))
    }

    /// The date as ISO 8601 writes it: "2026-03-15".
    pub fn iso(&self) -> String {
        self.to_string()
    }

    /// Days since 1970-01-01 (negative before it), so that date differences
    /// ("last checked more than a year ago") are plain subtraction.
    pub fn days_since_epoch(&self) -> i64 {
        // Count years from March, so the leap day is the last day of the
        // year and month lengths follow a fixed pattern (Howard Hinnant's
        // days_from_civil).
        let (month, day) = (i64::from(self.month), i64::from(self.day));
        let year = i64::from(self.year) - i64::from(month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year.rem_euclid(400);
        let day_of_year = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * DAYS_PER_ERA + day_of_era - EPOCH_SHIFT
    }

    /// The date `days` after 1970-01-01; the inverse of
    /// [`days_since_epoch`](Date::days_since_epoch).
    ///
    /// Values beyond the years an `i32` can hold are clamped to the first or
    /// last representable day, so the result is always a valid date.
    pub fn from_days_since_epoch(days: i64) -> Date {
        let min = Date {
            year: i32::MIN,
            month: 1,
            day: 1,
        }
        .days_since_epoch();
        let max = Date {
            year: i32::MAX,
            month: 12,
            day: 31,
        }
        .days_since_epoch();
        let z = days.clamp(min, max) + EPOCH_SHIFT;
        let era = z.div_euclid(DAYS_PER_ERA);
        let day_of_era = z.rem_euclid(DAYS_PER_ERA);
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let month_from_march = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
        let month = if month_from_march < 10 {
            month_from_march + 3
        } else {
            month_from_march - 9
        };
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        // The clamp above keeps the year within i32; month and day are small.
        Date {
            year: year as i32,
            month: month as u8,
            day: day as u8,
        }
    }
}

/// The value of a run of ASCII digits, or `None` if any byte is not a digit.
fn digits(b: &[u8]) -> Option<u32> {
    b.iter().try_fold(0u32, |acc, &c| {
        c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
    })
}

fn is_leap_year(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// Length of `month` (1–12) in `year`.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl FromStr for Date {
    type Err = DateError;

    fn from_str(s: &str) -> Result<Date, DateError> {
        Date::parse(s)
    }
}

/// ISO 8601, `YYYY-MM-DD`.
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl schemars::JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "format": "date",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            "description": "Ngày dạng YYYY-MM-DD, ví dụ 2026-03-15."
        })
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        deserializer.deserialize_str(DateVisitor)
    }
}

/// Accepts a `YYYY-MM-DD` string; anything else is a type error.
struct DateVisitor;

impl serde::de::Visitor<'_> for DateVisitor {
    type Value = Date;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a date written YYYY-MM-DD")
    }

    fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Date, E> {
        // The date and its problem travel typed through serde's `custom` (which carries only
        // text) to the diagnostic, whose words are in `crate::diagnostics::message`.
        Date::parse(s).map_err(|e| E::custom(e.to_custom(s)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: i32, month: u8, day: u8) -> Date {
        Date { year, month, day }
    }

    #[test]
    fn date_parses_iso() {
        assert_eq!(Date::parse("2026-03-15"), Ok(date(2026, 3, 15)));
        assert_eq!("2026-12-31".parse::<Date>(), Ok(date(2026, 12, 31)));
    }

    #[test]
    fn date_rejects_february_30() {
        let err = Date::parse("2026-02-30").unwrap_err();
        assert_eq!(
            err,
            DateError::DayOutOfRange {
                year: 2026,
                month: 2,
                day: 30
            }
        );
        assert_eq!(err.to_string(), "February 2026 has 28 days");
        assert_eq!(
            Date::parse("2026-04-31").unwrap_err().to_string(),
            "April 2026 has 30 days"
        );
    }

    #[test]
    fn date_accepts_february_29_in_leap_year_2024() {
        assert_eq!(Date::parse("2024-02-29"), Ok(date(2024, 2, 29)));
        assert_eq!(Date::parse("2000-02-29"), Ok(date(2000, 2, 29)));
    }

    #[test]
    fn date_rejects_february_29_in_2100() {
        let err = Date::parse("2100-02-29").unwrap_err();
        assert_eq!(err.to_string(), "February 2100 has 28 days");
    }

    #[test]
    fn date_rejects_bad_month_day_and_shape() {
        assert_eq!(
            Date::parse("2026-13-01").unwrap_err().to_string(),
            "month 13 is out of range"
        );
        assert_eq!(
            Date::parse("2026-00-01").unwrap_err().to_string(),
            "month 0 is out of range"
        );
        assert_eq!(
            Date::parse("2026-01-00").unwrap_err().to_string(),
            "day 0 is out of range"
        );
        for bad in [
            "",
            "2026-3-15",
            "15/03/2026",
            "2026-03-15T00:00:00Z",
            "2026-03-1a",
            "+026-03-15",
            "２０２６-03-15",
        ] {
            assert_eq!(Date::parse(bad), Err(DateError::Format), "{bad:?}");
        }
        assert_eq!(DateError::Format.to_string(), "expected YYYY-MM-DD");
    }

    #[test]
    fn date_formats_for_vietnamese_and_iso() {
        let d = date(2026, 3, 5);
        assert_eq!(d.vi(), "05/03/2026");
        assert_eq!(d.iso(), "2026-03-05");
        assert_eq!(d.to_string(), "2026-03-05");
    }

    #[test]
    fn days_since_epoch_matches_known_dates() {
        assert_eq!(date(1970, 1, 1).days_since_epoch(), 0);
        assert_eq!(date(1969, 12, 31).days_since_epoch(), -1);
        assert_eq!(date(2000, 3, 1).days_since_epoch(), 11_017);
        assert_eq!(date(2026, 3, 15).days_since_epoch(), 20_527);
        assert_eq!(
            date(2025, 3, 15).days_since_epoch() + 365,
            date(2026, 3, 15).days_since_epoch()
        );
    }

    #[test]
    fn days_since_epoch_round_trips() {
        // Every day from 1600 to 2400 covers all leap-year rules.
        let start = date(1600, 1, 1).days_since_epoch();
        let end = date(2400, 12, 31).days_since_epoch();
        let mut previous = Date::from_days_since_epoch(start - 1);
        for days in start..=end {
            let d = Date::from_days_since_epoch(days);
            assert_eq!(d.days_since_epoch(), days);
            assert_eq!(Date::parse(&d.iso()), Ok(d), "{d}");
            assert!(previous < d);
            previous = d;
        }
    }

    #[test]
    fn from_days_since_epoch_clamps_extremes() {
        assert_eq!(
            Date::from_days_since_epoch(i64::MAX),
            date(i32::MAX, 12, 31)
        );
        assert_eq!(Date::from_days_since_epoch(i64::MIN), date(i32::MIN, 1, 1));
    }

    #[test]
    fn date_serde_round_trips_as_string() {
        let d = date(2026, 3, 15);
        assert_eq!(serde_json::to_string(&d).unwrap(), "\"2026-03-15\"");
        assert_eq!(serde_json::from_str::<Date>("\"2026-03-15\"").unwrap(), d);
        let err = serde_json::from_str::<Date>("\"2026-02-30\"").unwrap_err();
        assert!(
            err.to_string().contains("February 2026 has 28 days"),
            "{err}"
        );
    }

    #[test]
    fn date_deserialises_from_unquoted_yaml() {
        #[derive(serde::Deserialize)]
        struct Record {
            updated: Date,
        }
        let r: Record = serde_saphyr::from_str("updated: 2026-03-15\n").unwrap();
        assert_eq!(r.updated, date(2026, 3, 15));
        let r: Record = serde_saphyr::from_str("updated: \"2024-02-29\"\n").unwrap();
        assert_eq!(r.updated, date(2024, 2, 29));
        assert!(serde_saphyr::from_str::<Record>("updated: 2100-02-29\n").is_err());
    }
}
