//! The data model: procedures and their parts, and the validated [`Catalogue`].

mod catalogue;
pub mod config;
pub mod history;
pub mod intern;
pub mod labels;
pub mod part;
mod procedure;

use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

pub use catalogue::{Attachment, Catalogue, Entry, Page};
pub use part::{Missing, MissingStatus, Part};
pub use procedure::{
    Actor, Agencies, Announcement, Change, Channel, ChannelType, Currency, Document, DocumentGroup,
    DocumentMode, Documents, Fee, FeeKind, FeeTier, Form, LegalRef, Level, Names, OnlineLevel,
    Procedure, ProcessingTime, Source, Status, Step, TimeUnit,
};

/// Human-readable text, NFC-normalised when read (editors on macOS write NFD, and a search for
/// "khai sinh" must find both). Equal texts read while an [`intern::Scope`] is open share
/// one allocation.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Text(Arc<str>);

impl Text {
    /// NFC-normalises `s`.
    pub fn new(s: &str) -> Text {
        Text(intern::intern(&crate::vi::nfc(s)))
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

impl Default for Text {
    fn default() -> Text {
        Text(Arc::from(""))
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        /// Reads the text where the parser has it, without an owned copy first.
        struct TextVisitor;
        impl Visitor<'_> for TextVisitor {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Text, E> {
                Ok(Text::new(s))
            }
        }
        deserializer.deserialize_str(TextVisitor)
    }
}
