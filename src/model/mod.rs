//! The data model: procedures and their parts, and the validated [`Catalogue`].

mod catalogue;
pub mod labels;
mod procedure;

use std::fmt;
use std::ops::Deref;

use serde::{Deserialize, Deserializer, Serialize};

pub use catalogue::{Attachment, Catalogue, Entry, Page};
pub use procedure::{
    Actor, Agencies, Announcement, Change, Channel, ChannelType, Document, DocumentGroup,
    DocumentMode, Documents, Fee, FeeKind, Form, LegalRef, Level, OnlineLevel, Procedure,
    ProcessingTime, Status, Step, TimeUnit,
};

/// Human-readable text, NFC-normalised when read (editors on macOS write NFD, and a search for
/// "khai sinh" must find both).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Text(String);

impl Text {
    /// NFC-normalises `s`.
    pub fn new(s: &str) -> Text {
        Text(crate::vi::nfc(s).into_owned())
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl schemars::JsonSchema for Text {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Text".into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({"type": "string"})
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        Ok(match crate::vi::nfc(&s) {
            std::borrow::Cow::Borrowed(_) => Text(s),
            std::borrow::Cow::Owned(normalised) => Text(normalised),
        })
    }
}
