//! A part of a procedure that the law requires to be disclosed, as the record states it: the
//! part itself, or that it is not known (`unknown`) or not published by the source
//! (`not_published`).
//!
//! A public-disclosure site must never say what the record does not: an unpublished fee is not
//! "free", an unknown online level is not "not online". So a required key accepts, besides its
//! normal value, either the short form
//!
//! ```yaml
//! fees: not_published
//! ```
//!
//! or the mapping form, with an optional note and source:
//!
//! ```yaml
//! fees:
//!   status: not_published
//!   note: "Quyết định công bố không ghi mức thu."
//!   source: "https://dichvucong.gov.vn/…"
//! ```
//!
//! A mapping is the "missing" form when its first key is `status`, `note` or `source` (no
//! record part has such a key), so the normal forms keep serde's own precise errors.

use serde::de::{self, DeserializeSeed, IntoDeserializer, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_saphyr::{Location, Spanned};

use super::Text;

/// Why a part is not stated.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
#[schemars(
    title = "Tình trạng thông tin",
    description = "unknown: chưa có thông tin; not_published: nguồn chưa công bố."
)]
pub enum MissingStatus {
    /// The editor does not know it.
    #[schemars(
        title = "Chưa có thông tin",
        description = "Chưa có thông tin về phần này (unknown)."
    )]
    Unknown,
    /// The source (the publication decision, the portal) does not publish it.
    #[schemars(
        title = "Chưa công bố",
        description = "Nguồn (quyết định công bố, cổng dịch vụ công) chưa công bố phần này (not_published)."
    )]
    NotPublished,
}

impl MissingStatus {
    /// The key used in data and i18n files.
    pub fn id(self) -> &'static str {
        match self {
            MissingStatus::Unknown => "unknown",
            MissingStatus::NotPublished => "not_published",
        }
    }

    fn from_word(word: &str) -> Option<MissingStatus> {
        match word {
            "unknown" => Some(MissingStatus::Unknown),
            "not_published" => Some(MissingStatus::NotPublished),
            _ => None,
        }
    }
}

/// A part stated as unknown or not published.
#[derive(Clone, Debug, Serialize)]
pub struct Missing {
    /// Unknown or not published.
    pub status: MissingStatus,
    /// What the editor knows about it ("hỏi Bộ phận Một cửa").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// Where the editor looked (a decision, a URL).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<Text>,
    /// Where the record says it, for the warning.
    #[serde(skip)]
    pub at: Location,
}

/// The mapping form of [`Missing`].
#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Chưa có thông tin / chưa công bố",
    description = "Phần này chưa có thông tin (unknown) hoặc nguồn chưa công bố (not_published), kèm ghi chú và nguồn nếu có."
)]
struct MissingMap {
    #[schemars(
        title = "Tình trạng",
        description = "unknown (chưa có thông tin) hoặc not_published (chưa công bố)."
    )]
    status: MissingStatus,
    #[schemars(
        title = "Ghi chú",
        description = "Ghi chú cho người dân, ví dụ nơi hỏi thông tin."
    )]
    #[serde(default)]
    note: Option<Text>,
    #[schemars(
        title = "Nguồn",
        description = "Nơi đã tra cứu: số quyết định, địa chỉ trang."
    )]
    #[serde(default)]
    source: Option<Text>,
}

/// A required part: stated, or stated as missing.
#[derive(Clone, Debug)]
pub enum Part<T> {
    /// The part as the source states it.
    Known(T),
    /// Unknown or not published.
    Missing(Box<Missing>),
}

impl<T: Default> Default for Part<T> {
    fn default() -> Part<T> {
        Part::Known(T::default())
    }
}

impl<T> Part<T> {
    /// The part, when it is stated.
    pub fn known(&self) -> Option<&T> {
        match self {
            Part::Known(value) => Some(value),
            Part::Missing(_) => None,
        }
    }

    /// The part, mutably, when it is stated.
    pub fn known_mut(&mut self) -> Option<&mut T> {
        match self {
            Part::Known(value) => Some(value),
            Part::Missing(_) => None,
        }
    }

    /// Why it is not stated, when it is not.
    pub fn missing(&self) -> Option<&Missing> {
        match self {
            Part::Known(_) => None,
            Part::Missing(m) => Some(m),
        }
    }

    /// Whether the part is stated.
    pub fn is_known(&self) -> bool {
        matches!(self, Part::Known(_))
    }
}

impl<T> Part<Vec<T>> {
    /// The stated items; none when the part is missing (check [`Part::missing`] before saying
    /// "none").
    pub fn items(&self) -> &[T] {
        match self {
            Part::Known(items) => items,
            Part::Missing(_) => &[],
        }
    }

    /// The stated items, mutably; none when the part is missing.
    pub fn items_mut(&mut self) -> &mut [T] {
        match self {
            Part::Known(items) => items,
            Part::Missing(_) => &mut [],
        }
    }

    /// Gives back the room the list grew into.
    pub fn shrink_to_fit(&mut self) {
        if let Part::Known(items) = self {
            items.shrink_to_fit();
        }
    }
}

impl<T: Serialize> Serialize for Part<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Part::Known(value) => value.serialize(serializer),
            Part::Missing(missing) => missing.serialize(serializer),
        }
    }
}

/// What was read, before its location is attached.
enum Raw<T> {
    Known(T),
    Missing(MissingMap),
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Raw<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct RawVisitor<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for RawVisitor<T> {
            type Value = Raw<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("the part as the source states it, or `unknown` or `not_published`")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Raw<T>, E> {
                match MissingStatus::from_word(v) {
                    Some(status) => Ok(Raw::Missing(MissingMap {
                        status,
                        note: None,
                        source: None,
                    })),
                    None => T::deserialize(v.into_deserializer()).map(Raw::Known),
                }
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Raw<T>, E> {
                T::deserialize(v.into_deserializer()).map(Raw::Known)
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Raw<T>, E> {
                T::deserialize(v.into_deserializer()).map(Raw::Known)
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Raw<T>, E> {
                T::deserialize(v.into_deserializer()).map(Raw::Known)
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Raw<T>, E> {
                T::deserialize(v.into_deserializer()).map(Raw::Known)
            }
            fn visit_unit<E: de::Error>(self) -> Result<Raw<T>, E> {
                T::deserialize(().into_deserializer()).map(Raw::Known)
            }
            fn visit_none<E: de::Error>(self) -> Result<Raw<T>, E> {
                self.visit_unit()
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<Raw<T>, A::Error> {
                T::deserialize(de::value::SeqAccessDeserializer::new(seq)).map(Raw::Known)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Raw<T>, A::Error> {
                let first: Option<String> = map.next_key()?;
                let missing = matches!(first.as_deref(), Some("status" | "note" | "source"));
                let replay = Replay { first, map };
                let deserializer = de::value::MapAccessDeserializer::new(replay);
                if missing {
                    MissingMap::deserialize(deserializer).map(Raw::Missing)
                } else {
                    T::deserialize(deserializer).map(Raw::Known)
                }
            }
        }
        deserializer.deserialize_any(RawVisitor(std::marker::PhantomData))
    }
}

/// A mapping whose first key was already read: gives it back, then the rest.
struct Replay<A> {
    first: Option<String>,
    map: A,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Replay<A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        match self.first.take() {
            Some(key) => seed.deserialize(key.into_deserializer()).map(Some),
            None => self.map.next_key_seed(seed),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        self.map.next_value_seed(seed)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Part<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = Spanned::<Raw<T>>::deserialize(deserializer)?;
        Ok(match raw.value {
            Raw::Known(value) => Part::Known(value),
            Raw::Missing(m) => Part::Missing(Box::new(Missing {
                status: m.status,
                note: m.note,
                source: m.source,
                at: raw.referenced,
            })),
        })
    }
}

impl<T: schemars::JsonSchema> schemars::JsonSchema for Part<T> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        format!("{}_or_missing", T::schema_name()).into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let known = generator.subschema_for::<T>();
        let map = generator.subschema_for::<MissingMap>();
        schemars::json_schema!({
            "anyOf": [
                known,
                {
                    "type": "string",
                    "enum": ["unknown", "not_published"],
                    "title": "Chưa có thông tin / chưa công bố",
                    "description": "unknown: chưa có thông tin; not_published: nguồn chưa công bố. Trang ghi rõ như vậy, không bao giờ ghi là không có hoặc miễn phí."
                },
                map
            ]
        })
    }
}
