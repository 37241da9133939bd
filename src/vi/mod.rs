//! Vietnamese text: NFC, folding, slugs, collation, money and dates.
//!
//! Everything the rest of congkhai needs to know about the Vietnamese
//! language lives here, so that there is one slug function, one fold, one
//! sort order and one way to write money and dates:
//!
//! - [`nfc`] every string read: macOS editors write NFD.
//! - [`fold`] (and [`fold_into`]) for search and slugs: "Đăng Ký" →
//!   "dang ky"; keep the original for display and for ranking exact-diacritic
//!   matches first. [`words`] splits folded text into search words, and
//!   [`slugify`] makes URL slugs.
//! - [`Collation`] sorts in Vietnamese order (a < ă < â, d < đ, o < ô < ơ,
//!   u < ư, tones secondary), not byte order.
//! - [`format_number`] ("50.000"), [`percent`] ("98,25%"), [`Date`] ("15/03/2026") and the
//!   ids of weekdays ([`WEEKDAYS`]).
//! - [`english_words`] finds English left in a Vietnamese message (for the tests of them).
//!
//! ```
//! use congkhai::vi;
//!
//! assert_eq!(vi::slugify("Đăng ký khai sinh"), "dang-ky-khai-sinh");
//! assert_eq!(vi::format_number(8000), "8.000");
//! let date: vi::Date = "2026-03-15".parse().unwrap();
//! assert_eq!(date.vi(), "15/03/2026");
//! ```

mod collate;
mod date;
mod english;
mod fold;
mod format;

pub use collate::Collation;
pub use date::{Date, DateError, days_in_month};
pub use english::english_words;
pub use fold::{
    TITLE_SLUG_MAX, code_segment, fold, fold_into, nfc, record_slug, slugify, title_slug, words,
};
pub use format::{WEEKDAYS, format_number, percent};
