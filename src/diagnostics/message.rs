//! The table of diagnostics: every kind of problem a user can cause, as a [`Message`] variant
//! with typed arguments, and its English and Vietnamese words in one match
//! ([`Message::render`]).
//!
//! A diagnostic is built where the problem is found from a variant and its values (a key, a
//! path, a suggestion), never from text; the words are chosen when it is shown, in the
//! language asked for. Adding a message means adding a variant and its arm in
//! [`Message::render`] (the compiler asks for the arm, with both languages), and an example in
//! the tests below (the test `every_message_renders_in_both_languages` asks for it).

use super::{Code, Lang};
use crate::vi::{Date, DateError};

/// What a diagnostic says: the one-sentence message, the note under the caret and the `help:`
/// line, in one language.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Text {
    /// What is wrong.
    pub message: String,
    /// A short note under the caret.
    pub label: Option<String>,
    /// What to write instead.
    pub help: Option<String>,
}

impl Text {
    fn new(message: String) -> Text {
        Text {
            message,
            label: None,
            help: None,
        }
    }

    fn label(mut self, label: String) -> Text {
        self.label = Some(label);
        self
    }

    fn help(mut self, help: String) -> Text {
        self.help = Some(help);
        self
    }
}

/// What a YAML file is read as, named in messages about its keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Thing {
    /// A procedure record.
    Procedure,
    /// The front matter of a free page.
    Page,
    /// A file of `content/stats/`.
    StatsPeriod,
    /// `content/site.yaml`.
    SiteYaml,
    /// `content/fields.yaml`.
    FieldsYaml,
    /// A theme's `i18n/<lang>.yaml`.
    ThemeLabels,
}

impl Thing {
    fn words(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Thing::Procedure, Lang::En) => "a procedure",
            (Thing::Procedure, Lang::Vi) => "hồ sơ thủ tục",
            (Thing::Page, Lang::En) => "a page",
            (Thing::Page, Lang::Vi) => "trang",
            (Thing::StatsPeriod, Lang::En) => "a statistics period",
            (Thing::StatsPeriod, Lang::Vi) => "kỳ thống kê",
            (Thing::SiteYaml, _) => "site.yaml",
            (Thing::FieldsYaml, _) => "fields.yaml",
            (Thing::ThemeLabels, Lang::En) => "a theme's labels",
            (Thing::ThemeLabels, Lang::Vi) => "tệp nhãn của giao diện",
        }
    }
}

/// The kind of value a key takes, in the editor's words (never a Rust type name).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Expected {
    /// A YAML list.
    List,
    /// `key: value` lines.
    Mapping,
    /// Text.
    Text,
    /// A whole number (digits only).
    WholeNumber,
    /// A number, possibly with a decimal point.
    Number,
    /// `true` or `false`.
    Bool,
    /// A `YYYY-MM-DD` date.
    Date,
    /// Anything else, as the YAML reader described it.
    Other(String),
}

impl Expected {
    fn words(&self, lang: Lang) -> String {
        match (self, lang) {
            (Expected::List, Lang::En) => "a list".to_owned(),
            (Expected::List, Lang::Vi) => "một danh sách".to_owned(),
            (Expected::Mapping, Lang::En) => "`key: value` lines".to_owned(),
            (Expected::Mapping, Lang::Vi) => "các dòng `khóa: giá trị`".to_owned(),
            (Expected::Text, Lang::En) => "text".to_owned(),
            (Expected::Text, Lang::Vi) => "văn bản".to_owned(),
            (Expected::WholeNumber, Lang::En) => {
                "a whole number (digits only), for example 8000".to_owned()
            }
            (Expected::WholeNumber, Lang::Vi) => {
                "một số nguyên (chỉ chữ số), ví dụ 8000".to_owned()
            }
            (Expected::Number, Lang::En) => "a number, for example 8000 or 1.5".to_owned(),
            (Expected::Number, Lang::Vi) => "một số, ví dụ 8000 hoặc 1.5".to_owned(),
            (Expected::Bool, Lang::En) => "`true` or `false`".to_owned(),
            (Expected::Bool, Lang::Vi) => "`true` (có) hoặc `false` (không)".to_owned(),
            (Expected::Date, Lang::En) => "a date written YYYY-MM-DD".to_owned(),
            (Expected::Date, Lang::Vi) => {
                "ngày viết theo năm-tháng-ngày (ví dụ 2025-07-01)".to_owned()
            }
            (Expected::Other(what), Lang::En) => what.clone(),
            (Expected::Other(what), Lang::Vi) => format!("giá trị đúng dạng (`{what}`)"),
        }
    }

    /// What to write for a value of this kind.
    fn help(&self, lang: Lang) -> String {
        match self {
            Expected::List => pick!(
                lang,
                "write a list: one `- item` per line under the key",
                "viết một danh sách: mỗi mục một dòng `- mục` dưới khóa"
            ),
            Expected::Mapping => pick!(
                lang,
                "write a mapping: `key: value` lines indented under this key",
                "viết các dòng `khóa: giá trị`, thụt lề dưới khóa này"
            ),
            Expected::Text => pick!(
                lang,
                "write text; put it in double quotes if it contains `: ` or starts with a digit",
                "viết văn bản; đặt trong ngoặc kép nếu có `: ` hoặc bắt đầu bằng chữ số"
            ),
            Expected::WholeNumber => pick!(
                lang,
                "write a whole number without dots or spaces, for example 8000",
                "viết số nguyên, không dấu chấm hay khoảng trắng, ví dụ 8000"
            ),
            Expected::Number => pick!(
                lang,
                "write a number with digits and at most one `.`, for example 1.5",
                "viết một số gồm chữ số và nhiều nhất một dấu `.`, ví dụ 1.5"
            ),
            Expected::Bool => pick!(
                lang,
                "write `true` or `false`",
                "viết `true` (có) hoặc `false` (không)"
            ),
            Expected::Date => pick!(
                lang,
                "write dates as YYYY-MM-DD, for example 2026-03-15",
                "viết ngày theo năm-tháng-ngày, ví dụ 2026-03-15"
            ),
            Expected::Other(_) => {
                let what = self.words(lang);
                pick!(lang, "write {what}", "hãy viết {what}")
            }
        }
    }
}

/// The text an editor wrote where a number or a date was wanted, from a [`Message::WrongType`].
fn found_value(message: &Message) -> Option<&str> {
    match message {
        Message::WrongType {
            found: Found::Text(Some(text)),
            ..
        } => Some(text),
        _ => None,
    }
}

/// What to write instead, made from the editor's own value: `8.000đ` → `8000`, `10/03/2026` →
/// `2026-03-10`. `None` when no value can be read from it.
fn fix_of(expected: &Expected, found: Option<&str>, lang: Lang) -> Option<String> {
    let found = found?;
    match expected {
        Expected::WholeNumber | Expected::Number => {
            let digits: String = found.chars().filter(char::is_ascii_digit).collect();
            // "8.000đ", "8,000", "8000 đồng": digits with thousand marks and a currency word.
            let plain = found
                .chars()
                .all(|c| c.is_ascii_digit() || c.is_whitespace() || ".,đồngVNDvnd".contains(c));
            (plain && !digits.is_empty()).then(|| {
                pick!(
                    lang,
                    "`{found}` → write `{digits}` (digits only: no dots, no spaces, no đ)",
                    "`{found}` → viết `{digits}` (chỉ chữ số, không dấu chấm, không khoảng trắng, không ghi đ)"
                )
            })
        }
        Expected::Date => {
            let parts: Vec<&str> = found.split(['/', '-', '.']).map(str::trim).collect();
            match parts.as_slice() {
                [d, m, y] if y.len() == 4 && d.len() <= 2 && m.len() <= 2 => {
                    let iso = format!("{y}-{m:0>2}-{d:0>2}");
                    Some(pick!(
                        lang,
                        "`{found}` → write `{iso}` (year-month-day)",
                        "`{found}` → viết `{iso}` (năm-tháng-ngày)"
                    ))
                }
                _ => None,
            }
        }
        _ => None,
    }
}

/// The value that was found where another kind was expected.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Found {
    /// Text, with the text when it is known.
    Text(Option<String>),
    /// A number, as written.
    Number(String),
    /// `true` or `false`.
    Bool(String),
    /// A list.
    List,
    /// `key: value` lines.
    Mapping,
    /// Nothing (`~`, `null`, or an empty value).
    Nothing,
    /// Anything else, as the YAML reader described it.
    Other(String),
}

impl Found {
    fn words(&self, lang: Lang) -> String {
        match (self, lang) {
            (Found::Text(None), Lang::En) => "text".to_owned(),
            (Found::Text(None), Lang::Vi) => "văn bản".to_owned(),
            (Found::Text(Some(text)), Lang::En) => format!("the text \"{text}\""),
            (Found::Text(Some(text)), Lang::Vi) => format!("văn bản \"{text}\""),
            (Found::Number(n), Lang::En) => format!("the number {n}"),
            (Found::Number(n), Lang::Vi) => format!("số {n}"),
            (Found::Bool(b), _) => format!("`{b}`"),
            (Found::List, Lang::En) => "a list".to_owned(),
            (Found::List, Lang::Vi) => "một danh sách".to_owned(),
            (Found::Mapping, Lang::En) => "`key: value` lines".to_owned(),
            (Found::Mapping, Lang::Vi) => "các dòng `khóa: giá trị`".to_owned(),
            (Found::Nothing, Lang::En) => "nothing".to_owned(),
            (Found::Nothing, Lang::Vi) => "giá trị trống".to_owned(),
            (Found::Other(what), Lang::En) => what.clone(),
            (Found::Other(what), Lang::Vi) => format!("giá trị khác (`{what}`)"),
        }
    }
}

/// A limit of the YAML reader (serde-saphyr's budget), with the limit in force.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Limit {
    /// Too many values (list items, keys and texts together).
    Nodes {
        /// The most a file may hold.
        max: usize,
    },
    /// Nesting too deep.
    Depth {
        /// The most levels.
        max: usize,
    },
    /// Too much repetition through aliases.
    Aliases {
        /// The most aliases.
        max: usize,
    },
    /// Too much text.
    Size {
        /// The most megabytes of text.
        mb: usize,
    },
    /// Too many YAML documents.
    Documents {
        /// The most documents.
        max: usize,
    },
    /// Another limit.
    Other,
}

/// What a name too long for a file (CK018) becomes on the site.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NameOf {
    /// A field id: `linh-vuc/<id>/`.
    FieldId,
    /// A record's `slug:`: `thu-tuc/<slug>/`.
    ProcedureSlug,
    /// A free page's `slug:`.
    PageSlug,
    /// The slug made from a record's title.
    TitleUrl,
    /// The `/ma/<segment>/` of a code.
    CodeLink,
    /// The slug of the implementing agency: `co-quan/<name>/`.
    AgencyUrl,
    /// A component of a form file's path.
    FormPathName,
    /// A file or folder name under `content/static/`.
    StaticName,
}

/// The lists whose ids must be unique (CK029).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Ids {
    /// `fields.yaml`.
    Field,
    /// A record's `fees`.
    Fee,
    /// A record's `forms`.
    Form,
    /// `site.yaml`'s `officers`.
    Officer,
}

/// What is wrong with a form file's path (CK027).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FormPath {
    /// It is absolute or goes up with `..`.
    Leaves,
    /// It resolves outside `content/` or to something that is not a file.
    NotAFile,
    /// Nothing is there.
    Missing,
}

/// A dossier entry that is neither a document nor a group (CK016), reported by the record's
/// deserializer through serde's `custom` ([`EntryProblem::to_custom`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EntryProblem {
    /// Both `name` and `items`.
    Both,
    /// Neither `name` nor `items`.
    Neither,
    /// A document with `case` or `mode`.
    GroupKeysOnDocument,
    /// A group with `originals`, `copies` or `form`.
    DocumentKeysOnGroup,
}

impl EntryProblem {
    const ALL: [EntryProblem; 4] = [
        EntryProblem::Both,
        EntryProblem::Neither,
        EntryProblem::GroupKeysOnDocument,
        EntryProblem::DocumentKeysOnGroup,
    ];

    /// The text handed to serde's `custom` (which carries only text): the English sentence,
    /// readable as it is; [`EntryProblem::from_custom`] reads it back.
    pub fn to_custom(self) -> String {
        Message::DossierEntry { problem: self }
            .render(Lang::En)
            .message
    }

    /// The problem a message of serde's `custom` carries, if it is one of
    /// [`EntryProblem::to_custom`].
    pub fn from_custom(message: &str) -> Option<EntryProblem> {
        EntryProblem::ALL
            .into_iter()
            .find(|p| p.to_custom() == message)
    }
}

impl Message {
    /// The text handed to serde's `custom` (which carries only text) for a problem a
    /// deserializer finds: its English message, readable as it is; [`Message::from_custom`]
    /// reads it back.
    pub fn to_custom(&self) -> String {
        self.render(Lang::En).message
    }

    /// The message a text of serde's `custom` carries, when it is one of
    /// [`Message::to_custom`] (dates, dossier entries, currencies).
    pub fn from_custom(text: &str) -> Option<Message> {
        if let Some((text, error)) = DateError::from_custom(text) {
            return Some(Message::InvalidDate { text, error });
        }
        if let Some(problem) = EntryProblem::from_custom(text) {
            return Some(Message::DossierEntry { problem });
        }
        let (code, _) = text.strip_prefix('`')?.split_once("` ")?;
        let currency = Message::NotACurrency {
            code: code.to_owned(),
        };
        (currency.to_custom() == text).then_some(currency)
    }
}

/// The kind of a YAML syntax error (CK002), from the YAML reader's own kinds: what the editor
/// most likely wrote, so that the message can say what to write instead.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Syntax {
    /// Indentation that does not fit the lines around it.
    Indentation,
    /// A tab where YAML takes only spaces.
    Tab,
    /// `: ` inside a text that is not in quotes.
    ColonInText,
    /// A line that is not `key: value` where a key was expected.
    ExpectedKey,
    /// A `- ` list item where none can be.
    ListItem,
    /// A quote that is not closed.
    UnclosedQuote,
    /// Text after the closing quote.
    AfterQuote,
    /// A `\` escape inside double quotes that YAML does not know.
    Escape,
    /// A `[` or `{` that is not closed, or closed by the other bracket.
    Bracket,
    /// A text that starts with a character YAML reserves (`@`, `` ` ``, `%`, `|`, `>`…).
    ReservedStart,
    /// A `#` comment not separated by a space, or in the middle of a text.
    Comment,
    /// `*name` or `&name` (an alias) that names nothing.
    Alias,
    /// `---` or `...` where a document cannot start or end.
    Document,
    /// The file ends in the middle of a value.
    UnexpectedEnd,
    /// Anything else.
    Other,
}

impl Syntax {
    /// Every kind.
    pub const ALL: [Syntax; 15] = [
        Syntax::Indentation,
        Syntax::Tab,
        Syntax::ColonInText,
        Syntax::ExpectedKey,
        Syntax::ListItem,
        Syntax::UnclosedQuote,
        Syntax::AfterQuote,
        Syntax::Escape,
        Syntax::Bracket,
        Syntax::ReservedStart,
        Syntax::Comment,
        Syntax::Alias,
        Syntax::Document,
        Syntax::UnexpectedEnd,
        Syntax::Other,
    ];

    /// What is wrong and what to write instead, in `lang`.
    fn words(self, lang: Lang) -> (String, String) {
        let t = |en: &str, vi: &str| match lang {
            Lang::En => en.to_owned(),
            Lang::Vi => vi.to_owned(),
        };
        match self {
            Syntax::Indentation => (
                t("the indentation is wrong", "thụt lề không đúng"),
                t(
                    "indent each key under its parent by the same number of spaces as the keys beside it",
                    "thụt các khóa con vào dưới khóa cha, bằng đúng số dấu cách như các khóa cùng cấp",
                ),
            ),
            Syntax::Tab => (
                t(
                    "a tab is used where YAML takes only spaces",
                    "dùng ký tự Tab ở chỗ YAML chỉ nhận dấu cách",
                ),
                t(
                    "indent with spaces only; YAML does not accept tabs",
                    "chỉ thụt lề bằng dấu cách; YAML không nhận ký tự Tab",
                ),
            ),
            Syntax::ColonInText => (
                t(
                    "a text contains `: ` and is read as another key",
                    "đoạn văn có `: ` nên bị đọc thành một khóa khác",
                ),
                t(
                    "put the text in double quotes, for example `title: \"Cấp bản sao: trích lục\"`; if the line is a key of its own, indent it like the keys beside it",
                    "đặt đoạn văn trong ngoặc kép, ví dụ `title: \"Cấp bản sao: trích lục\"`; nếu dòng này là một khóa riêng, hãy thụt lề như các khóa cùng cấp",
                ),
            ),
            Syntax::ExpectedKey => (
                t(
                    "a `key: value` line was expected here",
                    "ở đây cần một dòng `khóa: giá trị`",
                ),
                t(
                    "check the indentation of this line and the one above, and that a text in quotes ends at its closing quote",
                    "kiểm tra thụt lề của dòng này và dòng trên, và đoạn văn trong ngoặc kép phải kết thúc ở dấu ngoặc đóng",
                ),
            ),
            Syntax::ListItem => (
                t(
                    "a list item `- ` is not allowed here",
                    "không được đặt mục danh sách `- ` ở đây",
                ),
                t(
                    "put list items under their key, indented the same, one `- ` per line",
                    "đặt các mục danh sách dưới khóa của chúng, thụt lề như nhau, mỗi dòng một `- `",
                ),
            ),
            Syntax::UnclosedQuote => (
                t("a quote is not closed", "dấu ngoặc kép chưa được đóng"),
                t(
                    "close the text with the same quote it opens with; write `\\\"` for a quote inside double quotes",
                    "đóng đoạn văn bằng đúng dấu ngoặc đã mở; viết `\\\"` cho dấu ngoặc kép nằm bên trong",
                ),
            ),
            Syntax::AfterQuote => (
                t(
                    "there is text after the closing quote",
                    "còn chữ sau dấu ngoặc đóng",
                ),
                t(
                    "put the whole text inside the quotes",
                    "đặt toàn bộ đoạn văn vào trong dấu ngoặc",
                ),
            ),
            Syntax::Escape => (
                t(
                    "a `\\` in double quotes starts an escape YAML does not know",
                    "dấu `\\` trong ngoặc kép tạo ra một mã thoát YAML không hiểu",
                ),
                t(
                    "write `\\\\` for a backslash, or use single quotes",
                    "viết `\\\\` cho một dấu gạch chéo ngược, hoặc dùng ngoặc đơn",
                ),
            ),
            Syntax::Bracket => (
                t(
                    "a `[` or `{` is not closed by its own bracket",
                    "dấu `[` hoặc `{` chưa được đóng đúng cặp",
                ),
                t(
                    "close `[` with `]` and `{` with `}`, or put the text in double quotes",
                    "đóng `[` bằng `]` và `{` bằng `}`, hoặc đặt đoạn văn trong ngoặc kép",
                ),
            ),
            Syntax::ReservedStart => (
                t(
                    "a value starts with a character YAML reserves",
                    "giá trị bắt đầu bằng một ký tự YAML dành riêng",
                ),
                t(
                    "put the text in double quotes",
                    "đặt đoạn văn trong ngoặc kép",
                ),
            ),
            Syntax::Comment => (
                t(
                    "a `#` is read as the start of a comment",
                    "dấu `#` bị đọc thành phần ghi chú",
                ),
                t(
                    "put a text that contains `#` in double quotes; a comment needs a space before `#`",
                    "đặt đoạn văn có `#` trong ngoặc kép; phần ghi chú cần một dấu cách trước `#`",
                ),
            ),
            Syntax::Alias => (
                t(
                    "`*` or `&` at the start of a value names an alias that does not exist",
                    "`*` hoặc `&` ở đầu giá trị là tên bí danh không tồn tại",
                ),
                t(
                    "put the text in double quotes",
                    "đặt đoạn văn trong ngoặc kép",
                ),
            ),
            Syntax::Document => (
                t(
                    "a `---` or `...` line is out of place",
                    "dòng `---` hoặc `...` đặt sai chỗ",
                ),
                t(
                    "a record is one YAML document: remove the extra `---` or `...` line",
                    "mỗi hồ sơ là một tài liệu YAML: hãy bỏ dòng `---` hoặc `...` thừa",
                ),
            ),
            Syntax::UnexpectedEnd => (
                t(
                    "the file ends in the middle of a value",
                    "tệp kết thúc khi một giá trị chưa viết xong",
                ),
                t(
                    "close the open quote or bracket, or complete the last key",
                    "đóng dấu ngoặc đang mở, hoặc viết nốt khóa cuối cùng",
                ),
            ),
            Syntax::Other => (
                t(
                    "the file is not valid YAML",
                    "bộ đọc YAML không hiểu đoạn này",
                ),
                t(
                    "check indentation, colons after keys, and quotes around text that contains `: ` or `#`",
                    "kiểm tra thụt lề, dấu hai chấm sau tên khóa, và đặt trong ngoặc kép những đoạn văn có `: ` hoặc `#`",
                ),
            ),
        }
    }
}

/// What the errors [`super::Diagnostics::settle`] summarises wait on.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Waits {
    /// `site.yaml`'s officers.
    Officers,
    /// `fields.yaml`'s fields.
    Fields,
    /// The record that declares this code.
    Code(String),
}

kinds! {
    /// Every kind of diagnostic, with the values its words need. [`Message::code`] gives its
    /// stable code, [`Message::render`] its words.
    #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
    pub enum Message {
        // Reading files.
        /// The site root has no `content/`.
        NoContentFolder,
        /// `content/site.yaml` does not exist.
        SiteYamlMissing,
        /// `content/fields.yaml` does not exist.
        FieldsYamlMissing,
        /// A file could not be read (the system's reason).
        CannotRead { error: String },
        /// A file is not UTF-8; `theme` when it is a theme's file (CK050).
        NotUtf8 { theme: bool },
        /// A Markdown record does not start with `---`.
        FrontMatterNotOpened,
        /// A Markdown record's front matter has no closing `---`.
        FrontMatterNotClosed,

        // The YAML reader.
        /// A key the format does not have, with the closest key (and its Vietnamese label)
        /// or the keys allowed.
        UnknownKey {
            key: String,
            what: Thing,
            suggestion: Option<String>,
            suggestion_label: Option<String>,
            allowed: Vec<String>,
        },
        /// A required key is missing (`label`: its Vietnamese name).
        MissingKey { key: String, label: Option<String> },
        /// A value outside an enumeration.
        NotAllowedValue {
            value: String,
            allowed: Vec<String>,
            suggestion: Option<String>,
        },
        /// A value of the wrong kind.
        WrongType { expected: Expected, found: Found },
        /// A value of the wrong kind, the found one unknown.
        ExpectedHere { expected: Expected },
        /// A value of the right kind that is not valid.
        InvalidValue { found: Found, expected: Expected },
        /// A key twice in one mapping.
        DuplicateKey { key: String },
        /// A date that does not exist or is not `YYYY-MM-DD`.
        InvalidDate { text: String, error: DateError },
        /// A dossier entry that is neither a document nor a group.
        DossierEntry { problem: EntryProblem },
        /// A limit of the YAML reader.
        YamlLimit { limit: Limit },
        /// A YAML syntax error: its kind, and the YAML reader's own words (shown in English).
        YamlSyntax { kind: Syntax, detail: String },
        /// A value the reader refused with a message congkhai has no words of its own for.
        Custom { text: String },

        // Validation.
        /// A name that becomes a file or folder name is over `max` bytes.
        NameTooLong { name: NameOf, bytes: usize, max: usize },
        /// An id used twice in its list.
        IdTwice { of: Ids, id: String },
        /// A field id that is not a URL slug (`clean`: what it would be).
        FieldIdNotSlug { id: String, clean: String },
        /// A record's `slug:` that is not a URL slug.
        SlugNotSlug { slug: String, clean: String },
        /// An alias of a record that is not a URL slug.
        AliasNotSlug { alias: String, clean: String },
        /// An alias that is another record's address, or another record's alias.
        AliasTaken { alias: String, other: String },
        /// A page's `slug:` that is not a URL slug (`clean` may be empty).
        PageSlugNotSlug { slug: String, clean: String },
        /// A page's file name without a letter or digit.
        PageFileEmptyUrl,
        /// A Markdown link of a page outside the URL policy.
        MarkdownLinkRefused { url: String },
        /// A link outside the URL policy, by key.
        LinkRefused { key: String },
        /// A page at a URL that is taken (`like`: by what); `has_slug` when it sets `slug:`.
        PageUrlTaken { slug: String, like: String, has_slug: bool },
        /// A record at the URL of another (`other`: its file).
        ProcedureUrlTaken { slug: String, other: String },
        /// An empty procedure code.
        CodeEmpty,
        /// A code another record has (`other`: file:line).
        CodeTaken { code: String, other: String },
        /// A code without a letter or digit.
        CodeEmptyLink { code: String },
        /// Two codes with one `/ma/` link.
        CodeLinkTaken {
            code: String,
            segment: String,
            other_code: String,
            other: String,
        },
        /// A title without a letter or digit (and no `slug:`).
        TitleEmptyUrl,
        /// An officer no record names.
        OfficerUnused { id: String },
        /// A statistics period that ends before it starts.
        PeriodBackwards { label: String },
        /// A record's field that `fields.yaml` does not define.
        UnknownField {
            id: String,
            suggestion: Option<String>,
            known: Vec<String>,
        },
        /// A field of `site.yaml` that `fields.yaml` does not define.
        SiteUnknownField { id: String },
        /// A list the law requires is empty (`label`: its Vietnamese name).
        RequiredEmpty { key: String, label: String },
        /// A channel's fee that the record's `fees` does not define (`fees_stated`: the record
        /// states its fees, rather than `unknown` or `not_published`).
        UnknownFee {
            fee: String,
            suggestion: Option<String>,
            known: Vec<String>,
            fees_stated: bool,
        },
        /// A required part of a record stated as `unknown` (`label`: its Vietnamese name).
        PartUnknown { key: String, label: String },
        /// A required part of a record stated as `not_published`.
        PartNotPublished { key: String, label: String },
        /// A fee's `currency` that is not an ISO 4217 code.
        NotACurrency { code: String },
        /// A fee's unit in another currency (`in`) than the fee's (`currency`).
        FeeUnitCurrency {
            fee: String,
            unit: String,
            in_currency: String,
            currency: String,
        },
        /// A fee with both `amount` and `tiers`.
        FeeAmountAndTiers { fee: String },
        /// A form file's path that cannot be published.
        FormFile { path: String, problem: FormPath },
        /// A form with neither a `file` nor an `official_url`.
        FormNowhere { id: String },
        /// A document's form that the record's `forms` does not define.
        UnknownForm { form: String, suggestion: Option<String> },
        /// A record's officer that `site.yaml` does not define.
        UnknownOfficer { id: String, suggestion: Option<String> },
        /// A default officer that `site.yaml`'s `officers` does not define.
        DefaultOfficerUnknown { id: String },
        /// `effective_to` before `effective_from`.
        EffectiveDates { from: Date, to: Date },
        /// An `upcoming` record without `effective_from`.
        UpcomingWithoutDate,
        /// Not `HH:MM`; `cutoff` for a record's cutoff, else opening hours.
        NotTimeOfDay { value: String, cutoff: bool },
        /// A record verified more than a year ago.
        VerifiedLongAgo { on: Date },
        /// A record verified on a day that has not come yet.
        VerifiedInFuture { on: Date },
        /// A source read on a day that has not come yet.
        RetrievedInFuture { on: Date },
        /// A source's `covers` names no part of a record.
        SourceCovers { value: String, suggestion: Option<String> },
        /// A source's `sha256` that is not 64 hexadecimal digits.
        NotSha256 { value: String },
        /// An `upcoming` procedure whose `effective_from` has come: the site shows it in force.
        UpcomingStarted { from: Date },
        /// A procedure still said to be in force (or suspended) after its `effective_to`.
        EndedStillInForce { to: Date },
        /// A closure of the desk that is over: the contact page leaves it out.
        ClosureOver { on: Date },
        /// The temporary code `congkhai new` writes when it is given none.
        TemporaryCode { code: String },
        /// Not a weekday abbreviation.
        NotWeekday { value: String },
        /// Opening hours that close before they open.
        DeskClosesBeforeOpens,
        /// A `base_url` that is not an absolute http(s) address.
        BaseUrlNotAbsolute { url: String },
        /// `related` or `replaces` names the record itself.
        ReferencesItself { key: String },
        /// `related` or `replaces` names a code no record has.
        UnknownCode {
            code: String,
            key: String,
            suggestion: Option<String>,
        },
        /// `count` errors that wait on the broken `file` (see [`super::Diagnostics::settle`]).
        Waiting { on: Waits, count: usize, file: String },

        // Rendering and publishing.
        /// A template error, in the template engine's words.
        Template { error: String },
        /// A theme file that could not be read.
        ThemeFileUnreadable { error: String },
        /// A theme's labels file that is not a mapping.
        ThemeLabelsNotMapping,
        /// A theme file that cannot be published under its name.
        ThemeFileNotPublished { error: String },
        /// The search index cannot be published.
        SearchIndexNotWritten { error: String },
        /// A form file that cannot be published under its name.
        FormFileNotPublished { error: String },
        /// A form file that could not be read.
        FormFileUnreadable { error: String },
        /// A page whose path cannot be published.
        PageNotPublished { title: String, error: String },
        /// A file of `content/static/` whose path cannot be published.
        StaticFileNotPublished { error: String },
        /// A file of `content/static/` at a path the site publishes something else at
        /// (`path`: its path under `content/static/`, `like`: what is there).
        StaticFileTaken { path: String, like: String },
    }
}

/// Keys, ids or values as a list of code: "`code`, `title`".
pub(super) fn code_list(items: &[String]) -> String {
    items
        .iter()
        .map(|item| format!("`{item}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// "did you mean `s`?"
fn did_you_mean(lang: Lang, s: &str) -> String {
    pick!(lang, "did you mean `{s}`?", "có phải ý bạn là `{s}`?")
}

impl Message {
    /// The stable code of this kind of message.
    pub fn code(&self) -> Code {
        use Message as M;
        match self {
            M::NoContentFolder | M::CannotRead { .. } => Code::CK001,
            M::NotUtf8 { theme: false } => Code::CK001,
            M::NotUtf8 { theme: true } => Code::CK050,
            M::YamlSyntax { .. } => Code::CK002,
            M::FrontMatterNotOpened | M::FrontMatterNotClosed => Code::CK003,
            M::MissingKey { .. } | M::RequiredEmpty { .. } => Code::CK010,
            M::UnknownKey { .. } => Code::CK011,
            M::WrongType { .. } | M::ExpectedHere { .. } => Code::CK012,
            M::NotAllowedValue { .. } | M::NotWeekday { .. } => Code::CK013,
            M::DuplicateKey { .. } => Code::CK014,
            M::InvalidDate { .. } => Code::CK015,
            M::InvalidValue { .. }
            | M::DossierEntry { .. }
            | M::Custom { .. }
            | M::FieldIdNotSlug { .. }
            | M::SlugNotSlug { .. }
            | M::AliasNotSlug { .. }
            | M::PageSlugNotSlug { .. }
            | M::PageFileEmptyUrl
            | M::CodeEmpty
            | M::CodeEmptyLink { .. }
            | M::TitleEmptyUrl
            | M::NotTimeOfDay { .. }
            | M::NotACurrency { .. }
            | M::DeskClosesBeforeOpens
            | M::PageNotPublished { .. } => Code::CK016,
            M::MarkdownLinkRefused { .. } | M::LinkRefused { .. } => Code::CK017,
            M::NameTooLong { .. } => Code::CK018,
            M::YamlLimit { .. } => Code::CK019,
            M::CodeTaken { .. } => Code::CK020,
            M::PageUrlTaken { .. }
            | M::ProcedureUrlTaken { .. }
            | M::AliasTaken { .. }
            | M::CodeLinkTaken { .. }
            | M::StaticFileTaken { .. } => Code::CK021,
            M::UnknownField { .. } | M::SiteUnknownField { .. } => Code::CK022,
            M::UnknownForm { .. } => Code::CK023,
            M::UnknownFee { .. } => Code::CK024,
            M::UnknownOfficer { .. } | M::DefaultOfficerUnknown { .. } => Code::CK025,
            M::ReferencesItself { .. } | M::UnknownCode { .. } => Code::CK026,
            M::Waiting { on, .. } => match on {
                Waits::Officers => Code::CK025,
                Waits::Fields => Code::CK022,
                Waits::Code(_) => Code::CK026,
            },
            M::FormFile { .. }
            | M::FormFileNotPublished { .. }
            | M::FormFileUnreadable { .. }
            | M::FormNowhere { .. } => Code::CK027,
            M::EffectiveDates { .. } | M::UpcomingWithoutDate => Code::CK028,
            M::IdTwice { .. } => Code::CK029,
            M::SiteYamlMissing | M::FieldsYamlMissing | M::BaseUrlNotAbsolute { .. } => Code::CK030,
            M::PeriodBackwards { .. } => Code::CK031,
            M::PartUnknown { .. } => Code::CK032,
            M::PartNotPublished { .. } => Code::CK033,
            M::FeeUnitCurrency { .. } => Code::CK034,
            M::FeeAmountAndTiers { .. } => Code::CK035,
            M::SourceCovers { .. } | M::NotSha256 { .. } => Code::CK036,
            M::VerifiedLongAgo { .. } => Code::CK040,
            M::VerifiedInFuture { .. }
            | M::RetrievedInFuture { .. }
            | M::UpcomingStarted { .. }
            | M::EndedStillInForce { .. }
            | M::ClosureOver { .. } => Code::CK044,
            M::TemporaryCode { .. } => Code::CK045,
            M::OfficerUnused { .. } => Code::CK041,
            M::Template { .. }
            | M::ThemeFileUnreadable { .. }
            | M::ThemeLabelsNotMapping
            | M::ThemeFileNotPublished { .. }
            | M::SearchIndexNotWritten { .. } => Code::CK050,
            M::StaticFileNotPublished { .. } => Code::CK043,
        }
    }

    /// The words of this message in `lang`: the one table of them.
    pub fn render(&self, lang: Lang) -> Text {
        use Message as M;
        let t = |en: &str, vi: &str| -> String {
            match lang {
                Lang::En => en.to_owned(),
                Lang::Vi => vi.to_owned(),
            }
        };
        let utf8_help = || {
            t(
                "save the file as UTF-8 (most editors: File → Save with Encoding → UTF-8)",
                "lưu tệp với mã hóa UTF-8 (trong hầu hết trình soạn thảo: `File → Save with Encoding → UTF-8`)",
            )
        };
        match self {
            M::NoContentFolder => Text::new(t(
                "there is no `content/` folder here",
                "ở đây không có thư mục `content/`",
            ))
            .help(t(
                "run congkhai in a site folder, pass `--root DIR`, or create one with `congkhai init DIR`",
                "chạy congkhai trong thư mục trang, thêm `--root THƯ-MỤC`, hoặc tạo trang mới bằng `congkhai init THƯ-MỤC`",
            )),
            M::SiteYamlMissing => Text::new(t(
                "`content/site.yaml` is missing",
                "thiếu tệp `content/site.yaml`",
            ))
            .help(t(
                "create it with the agency, the one-stop desk and the hotlines; `congkhai init` writes an example",
                "tạo tệp với thông tin cơ quan, Bộ phận Một cửa và đường dây nóng; `congkhai init` tạo sẵn một ví dụ",
            )),
            M::FieldsYamlMissing => Text::new(t(
                "`content/fields.yaml` is missing",
                "thiếu tệp `content/fields.yaml`",
            ))
            .help(t(
                "list the fields (lĩnh vực) as `- {id: ho-tich, name: \"Hộ tịch\"}`",
                "liệt kê các lĩnh vực dạng `- {id: ho-tich, name: \"Hộ tịch\"}`",
            )),
            M::CannotRead { error } => Text::new(pick!(
                lang,
                "cannot read the file: {error}",
                "không đọc được tệp: {error}"
            ))
            .help(t(
                "check that the file exists and can be read",
                "kiểm tra tệp có tồn tại và đọc được không",
            )),
            M::NotUtf8 { .. } => Text::new(t(
                "the file is not valid UTF-8",
                "tệp không ở dạng mã hóa UTF-8",
            ))
            .help(utf8_help()),
            M::FrontMatterNotOpened => Text::new(t(
                "a Markdown record must start with a `---` line",
                "hồ sơ Markdown phải bắt đầu bằng một dòng `---`",
            ))
            .help(t(
                "put the record's YAML between two `---` lines at the top, then the guide in Markdown",
                "đặt phần YAML của hồ sơ giữa hai dòng `---` ở đầu tệp, sau đó là hướng dẫn bằng Markdown",
            )),
            M::FrontMatterNotClosed => Text::new(t(
                "the front matter is not closed",
                "phần đầu YAML chưa được đóng",
            ))
            .label(t("opened here", "mở ở đây"))
            .help(t(
                "add a line with only `---` after the last key of the record",
                "thêm một dòng chỉ có `---` sau khóa cuối cùng của hồ sơ",
            )),

            M::UnknownKey {
                key,
                what,
                suggestion,
                suggestion_label,
                allowed,
            } => {
                let what = what.words(lang);
                let text = Text::new(pick!(
                    lang,
                    "unknown key `{key}`",
                    "khóa `{key}` không có trong mẫu hồ sơ"
                ))
                .label(pick!(lang, "not a key of {what}", "không phải khóa của {what}"));
                match (suggestion, suggestion_label) {
                    (Some(s), Some(label)) => text.help(pick!(
                        lang,
                        "did you mean `{s}`? ({label})",
                        "có phải ý bạn là `{s}` ({label})?"
                    )),
                    (Some(s), None) => text.help(did_you_mean(lang, s)),
                    (None, _) => {
                        let allowed = code_list(allowed);
                        text.help(pick!(
                            lang,
                            "the keys allowed here are: {allowed}",
                            "các khóa được phép ở đây: {allowed}"
                        ))
                    }
                }
            }
            M::MissingKey { key, label } => {
                let message = match label {
                    Some(label) => pick!(
                        lang,
                        "missing required key `{key}` ({label})",
                        "thiếu khóa bắt buộc `{key}` ({label})"
                    ),
                    None => pick!(
                        lang,
                        "missing required key `{key}`",
                        "thiếu khóa bắt buộc `{key}`"
                    ),
                };
                Text::new(message)
                    .label(pick!(lang, "`{key}` is missing here", "thiếu `{key}` ở đây"))
                    .help(pick!(
                        lang,
                        "add `{key}:` with a value; see `congkhai schema` for its shape",
                        "thêm `{key}:` kèm giá trị; xem cấu trúc bằng `congkhai schema`"
                    ))
            }
            M::NotAllowedValue {
                value,
                allowed,
                suggestion,
            } => {
                let allowed = code_list(allowed);
                let text = Text::new(pick!(
                    lang,
                    "`{value}` is not an allowed value",
                    "`{value}` không phải giá trị được phép"
                ))
                .label(t("not allowed here", "không được phép ở đây"));
                match suggestion {
                    Some(s) => text.help(pick!(
                        lang,
                        "did you mean `{s}`? allowed: {allowed}",
                        "có phải ý bạn là `{s}`? Các giá trị được phép: {allowed}"
                    )),
                    None => text.help(pick!(
                        lang,
                        "write one of: {allowed}",
                        "hãy viết một trong các giá trị: {allowed}"
                    )),
                }
            }
            M::WrongType { expected, found } => {
                let (what, found) = (expected.words(lang), found.words(lang));
                Text::new(pick!(
                    lang,
                    "expected {what}, found {found}",
                    "cần {what}, nhưng gặp {found}"
                ))
                .label(t("wrong type", "sai kiểu"))
                .help(fix_of(expected, found_value(self), lang).unwrap_or_else(|| expected.help(lang)))
            }
            M::ExpectedHere { expected } => {
                let what = expected.words(lang);
                Text::new(pick!(lang, "expected {what} here", "ở đây cần {what}"))
                    .label(t("wrong type", "sai kiểu"))
                    .help(expected.help(lang))
            }
            M::InvalidValue { found, expected } => {
                let (what, found) = (expected.words(lang), found.words(lang));
                Text::new(pick!(
                    lang,
                    "invalid value {found}, expected {what}",
                    "{found} không hợp lệ, cần {what}"
                ))
                .label(t("invalid value", "giá trị không hợp lệ"))
                .help(expected.help(lang))
            }
            M::DuplicateKey { key } => Text::new(pick!(
                lang,
                "the key `{key}` appears twice",
                "khóa `{key}` xuất hiện hai lần"
            ))
            .label(t("second occurrence", "lần xuất hiện thứ hai"))
            .help(t(
                "keep one of them: YAML would silently drop the other",
                "chỉ giữ một: YAML sẽ lặng lẽ bỏ mất một trong hai",
            )),
            M::InvalidDate { text, error } => {
                let why = date_error(lang, *error);
                Text::new(pick!(
                    lang,
                    "invalid date `{text}`: {why}",
                    "ngày `{text}` không hợp lệ: {why}"
                ))
                .help(
                    fix_of(&Expected::Date, Some(text), lang)
                        .unwrap_or_else(|| Expected::Date.help(lang)),
                )
            }
            M::DossierEntry { problem } => Text::new(match problem {
                EntryProblem::Both => t(
                    "a dossier entry has both `name` and `items`: write a document `{name, originals, copies}` or a group `{case, mode, items}`",
                    "một mục hồ sơ có cả `name` và `items`: hãy viết một giấy tờ `{name, originals, copies}` hoặc một nhóm `{case, mode, items}`",
                ),
                EntryProblem::Neither => t(
                    "a dossier entry needs `name` (a document) or `items` (a group of documents)",
                    "một mục hồ sơ cần `name` (một giấy tờ) hoặc `items` (một nhóm giấy tờ)",
                ),
                EntryProblem::GroupKeysOnDocument => t(
                    "`case` and `mode` belong to a group: put this document under `items:` of a group",
                    "`case` và `mode` thuộc về một nhóm: hãy đặt giấy tờ này dưới `items:` của một nhóm",
                ),
                EntryProblem::DocumentKeysOnGroup => t(
                    "`originals`, `copies` and `form` belong to a document: put them on an item under `items:`",
                    "`originals`, `copies` và `form` thuộc về một giấy tờ: hãy ghi chúng cho một mục dưới `items:`",
                ),
            })
            .help(t(
                "see `documents` in `congkhai schema` for the shape of documents and groups",
                "xem mục `documents` trong `congkhai schema` để biết cách viết giấy tờ và nhóm giấy tờ",
            )),
            M::YamlLimit { limit } => limit_text(lang, *limit),
            M::YamlSyntax { kind, detail } => {
                let (what, help) = kind.words(lang);
                // English keeps the reader's own words, which name the construct exactly;
                // Vietnamese says what they mean.
                let message = match lang {
                    Lang::En if !detail.is_empty() => format!("{detail} ({what})"),
                    Lang::En => what,
                    Lang::Vi => format!("lỗi cú pháp YAML: {what}"),
                };
                Text::new(message).label(t("here", "tại đây")).help(help)
            }
            M::Custom { text } => Text::new(pick!(
                lang,
                "{text}",
                "giá trị không hợp lệ (`{text}`)"
            ))
            .help(t(
                "see `congkhai schema` for what this key takes",
                "xem `congkhai schema` để biết khóa này nhận giá trị gì",
            )),

            M::NameTooLong { name, bytes, max } => {
                let what = match (name, lang) {
                    (NameOf::FieldId, Lang::En) => "the field id",
                    (NameOf::FieldId, Lang::Vi) => "mã lĩnh vực",
                    (NameOf::ProcedureSlug | NameOf::PageSlug, Lang::En) => "the slug",
                    (NameOf::ProcedureSlug | NameOf::PageSlug, Lang::Vi) => "`slug`",
                    (NameOf::TitleUrl, Lang::En) => "the URL name made from the title",
                    (NameOf::TitleUrl, Lang::Vi) => "tên đường dẫn tạo từ tên thủ tục",
                    (NameOf::CodeLink, Lang::En) => "the stable link of the code",
                    (NameOf::CodeLink, Lang::Vi) => "đường dẫn cố định của mã",
                    (NameOf::AgencyUrl, Lang::En) => "the URL name of the implementing agency",
                    (NameOf::AgencyUrl, Lang::Vi) => "tên đường dẫn của cơ quan thực hiện",
                    (NameOf::FormPathName, Lang::En) => "a name in the form's path",
                    (NameOf::FormPathName, Lang::Vi) => "một tên trong đường dẫn biểu mẫu",
                    (NameOf::StaticName, Lang::En) => "a file or folder name",
                    (NameOf::StaticName, Lang::Vi) => "tên tệp hoặc thư mục",
                };
                let help = match name {
                    NameOf::FieldId => t(
                        "write a shorter id: it is the name of the field's folder (`linh-vuc/<id>/`)",
                        "viết mã ngắn hơn: đó là tên thư mục của lĩnh vực (`linh-vuc/<mã>/`)",
                    ),
                    NameOf::ProcedureSlug => t(
                        "write a shorter `slug:`: it is the name of the procedure's folder (`thu-tuc/<slug>/`)",
                        "viết `slug:` ngắn hơn: đó là tên thư mục của thủ tục (`thu-tuc/<slug>/`)",
                    ),
                    NameOf::PageSlug => t(
                        "write a shorter `slug:`: it is the name of the page's folder",
                        "viết `slug:` ngắn hơn: đó là tên thư mục của trang",
                    ),
                    NameOf::TitleUrl => t(
                        "set a shorter `slug:` (a few words of the title), which names the procedure's folder (`thu-tuc/<slug>/`)",
                        "đặt `slug:` ngắn hơn (vài từ của tên thủ tục), dùng làm tên thư mục của thủ tục (`thu-tuc/<slug>/`)",
                    ),
                    NameOf::CodeLink => t(
                        "write the code as published, e.g. 1.001193",
                        "viết mã đúng như đã công bố, ví dụ 1.001193",
                    ),
                    NameOf::AgencyUrl => t(
                        "write the agency's name as published, without its address or notes: it names the agency's folder (`co-quan/<name>/`)",
                        "viết tên cơ quan đúng như đã công bố, không kèm địa chỉ hay ghi chú: đó là tên thư mục của cơ quan (`co-quan/<tên>/`)",
                    ),
                    NameOf::FormPathName => t(
                        "rename the file or folder with a shorter name, and write the new path",
                        "đổi tên tệp hoặc thư mục cho ngắn hơn, rồi viết đường dẫn mới",
                    ),
                    NameOf::StaticName => t(
                        "rename it: it becomes a file or folder of the site",
                        "đổi tên cho ngắn hơn: tên này thành tên tệp hoặc thư mục của trang",
                    ),
                };
                Text::new(pick!(
                    lang,
                    "name too long for a file: {what} is {bytes} bytes, at most {max}",
                    "tên quá dài để làm tên tệp: {what} dài {bytes} byte, tối đa {max} byte"
                ))
                .label(t("too long", "quá dài"))
                .help(help)
            }
            M::IdTwice { of, id } => {
                let (message, help) = match of {
                    Ids::Field => (
                        pick!(
                            lang,
                            "the field id `{id}` is defined twice",
                            "mã lĩnh vực `{id}` được khai báo hai lần"
                        ),
                        t("give each field its own id", "đặt cho mỗi lĩnh vực một mã riêng"),
                    ),
                    Ids::Fee => (
                        pick!(
                            lang,
                            "the fee id `{id}` is used twice",
                            "mã khoản phí `{id}` bị dùng hai lần"
                        ),
                        t("give each fee its own id", "đặt cho mỗi khoản phí một mã riêng"),
                    ),
                    Ids::Form => (
                        pick!(
                            lang,
                            "the form id `{id}` is used twice",
                            "mã mẫu đơn `{id}` bị dùng hai lần"
                        ),
                        t("give each form its own id", "đặt cho mỗi mẫu đơn một mã riêng"),
                    ),
                    Ids::Officer => (
                        pick!(
                            lang,
                            "the officer id `{id}` is used twice",
                            "mã công chức `{id}` bị dùng hai lần"
                        ),
                        t(
                            "give each officer their own id",
                            "đặt cho mỗi công chức một mã riêng",
                        ),
                    ),
                };
                Text::new(message).help(help)
            }
            M::FieldIdNotSlug { id, clean } => Text::new(pick!(
                lang,
                "the field id `{id}` is not a URL slug",
                "mã lĩnh vực `{id}` không dùng được trong đường dẫn"
            ))
            .help(pick!(
                lang,
                "write `{clean}`: lowercase ASCII letters, digits and `-`",
                "hãy viết `{clean}`: chữ thường không dấu, chữ số và `-`"
            )),
            M::SlugNotSlug { slug, clean } => Text::new(pick!(
                lang,
                "the slug `{slug}` is not a URL slug",
                "`{slug}` không phải đường dẫn hợp lệ"
            ))
            .help(pick!(
                lang,
                "write `{clean}`, or remove `slug:` to derive it from the title",
                "hãy viết `{clean}`, hoặc bỏ `slug:` để lấy theo tên thủ tục"
            )),
            M::AliasNotSlug { alias, clean } => Text::new(pick!(
                lang,
                "the alias `{alias}` is not a URL slug",
                "đường dẫn cũ `{alias}` không phải đường dẫn hợp lệ"
            ))
            .help(pick!(
                lang,
                "write the part after /thu-tuc/ of the old address: `{clean}`",
                "hãy viết phần sau /thu-tuc/ của địa chỉ cũ: `{clean}`"
            )),
            M::AliasTaken { alias, other } => Text::new(pick!(
                lang,
                "the alias `{alias}` would send /thu-tuc/{alias}/ here, but it belongs to {other}",
                "đường dẫn cũ `{alias}` sẽ chuyển /thu-tuc/{alias}/ về đây, nhưng địa chỉ này thuộc về {other}"
            ))
            .label(t("same URL", "trùng địa chỉ"))
            .help(t(
                "remove the alias from one of the two files: a live page keeps its address",
                "bỏ đường dẫn cũ ở một trong hai tệp: trang đang có giữ địa chỉ của nó",
            )),
            M::PageSlugNotSlug { slug, clean } => Text::new(pick!(
                lang,
                "the slug `{slug}` is not a URL slug",
                "`{slug}` không phải đường dẫn hợp lệ"
            ))
            .help(if clean.is_empty() {
                t(
                    "write lowercase ASCII letters, digits and `-`, for example `slug: gioi-thieu`, or remove `slug:` to use the file name",
                    "viết chữ thường không dấu, chữ số và dấu `-`, ví dụ `slug: gioi-thieu`, hoặc bỏ `slug:` để lấy theo tên tệp",
                )
            } else {
                pick!(
                    lang,
                    "write `{clean}`, or remove `slug:` to use the file name",
                    "hãy viết `{clean}`, hoặc bỏ `slug:` để lấy theo tên tệp"
                )
            }),
            M::PageFileEmptyUrl => Text::new(t(
                "the file name gives an empty URL",
                "tên tệp cho ra đường dẫn rỗng",
            ))
            .help(t(
                "rename the file with letters or digits, or write `slug:`",
                "đổi tên tệp cho có chữ cái hoặc chữ số, hoặc đặt `slug:`",
            )),
            M::MarkdownLinkRefused { url } => Text::new(pick!(
                lang,
                "the Markdown link `{url}` is a link that browsers would run as a script or that congkhai does not publish",
                "liên kết Markdown `{url}` là liên kết mà trình duyệt sẽ chạy như mã lệnh, hoặc là loại liên kết congkhai không đăng"
            ))
            .help(link_help(lang)),
            M::LinkRefused { key } => Text::new(pick!(
                lang,
                "`{key}` is a link that browsers would run as a script or that congkhai does not publish",
                "`{key}` là liên kết mà trình duyệt sẽ chạy như mã lệnh, hoặc là loại liên kết congkhai không đăng"
            ))
            .label(t(
                "only https:, http:, mailto:, tel: and paths on this site",
                "chỉ dùng https:, http:, mailto:, tel: và đường dẫn trong trang này",
            ))
            .help(link_help(lang)),
            M::PageUrlTaken {
                slug,
                like,
                has_slug,
            } => Text::new(pick!(
                lang,
                "this page would be published at /{slug}/, like {like}",
                "trang này sẽ có địa chỉ /{slug}/, trùng với {like}"
            ))
            .help(if *has_slug {
                t(
                    "choose another `slug:`, for example `gioi-thieu-2`",
                    "chọn `slug:` khác, ví dụ `gioi-thieu-2`",
                )
            } else {
                t(
                    "rename the file, or write another `slug:`",
                    "đổi tên tệp, hoặc đặt `slug:` khác",
                )
            }),
            M::ProcedureUrlTaken { slug, other } => Text::new(pick!(
                lang,
                "this procedure would be published at /thu-tuc/{slug}/, like {other}",
                "thủ tục này sẽ có địa chỉ /thu-tuc/{slug}/, trùng với {other}"
            ))
            .label(t("same URL", "trùng địa chỉ"))
            .help(t(
                "set a distinct `slug:` in one of the two files, for example with the level or the place",
                "đặt `slug:` khác nhau ở một trong hai tệp, ví dụ thêm cấp thực hiện hoặc địa danh",
            )),
            M::CodeEmpty => Text::new(t(
                "the procedure code is empty",
                "mã thủ tục đang để trống",
            ))
            .help(t(
                "write the national code, for example `code: \"1.001193\"`",
                "viết mã thủ tục quốc gia, ví dụ `code: \"1.001193\"`",
            )),
            M::CodeTaken { code, other } => Text::new(pick!(
                lang,
                "the code `{code}` is already used by {other}",
                "mã `{code}` đã được dùng ở {other}"
            ))
            .label(t("duplicate code", "mã bị trùng"))
            .help(t(
                "each procedure has its own code; check which of the two files has the wrong one",
                "mỗi thủ tục có một mã riêng; hãy xem tệp nào trong hai tệp ghi sai mã",
            )),
            M::CodeEmptyLink { code } => Text::new(pick!(
                lang,
                "the code `{code}` gives an empty link",
                "mã `{code}` không tạo được đường dẫn (rỗng)"
            ))
            .label(t("no letter or digit", "không có chữ cái hay chữ số"))
            .help(t(
                "write the code as published, e.g. 1.001193",
                "viết mã đúng như đã công bố, ví dụ 1.001193",
            )),
            M::CodeLinkTaken {
                code,
                segment,
                other_code,
                other,
            } => Text::new(pick!(
                lang,
                "the code `{code}` would have the stable link /ma/{segment}/, like the code `{other_code}` of {other}",
                "mã `{code}` sẽ có đường dẫn cố định /ma/{segment}/, trùng với mã `{other_code}` của {other}"
            ))
            .label(t("same link", "trùng đường dẫn"))
            .help(t(
                "write the code as published, e.g. 1.001193; one of the two codes is mistyped",
                "viết mã đúng như đã công bố, ví dụ 1.001193; một trong hai mã bị gõ sai",
            )),
            M::TitleEmptyUrl => Text::new(t(
                "the title gives an empty URL",
                "tên thủ tục cho ra đường dẫn rỗng",
            ))
            .help(t(
                "write a title with letters, or set `slug:`",
                "viết tên có chữ cái, hoặc đặt `slug:`",
            )),
            M::OfficerUnused { id } => Text::new(pick!(
                lang,
                "no procedure refers to the officer `{id}`",
                "không thủ tục nào ghi công chức `{id}`"
            ))
            .help(t(
                "add the id to a record's `officers:` or to `default_officers:`, or remove the officer",
                "thêm mã vào `officers:` của một hồ sơ hoặc vào `default_officers:`, hoặc bỏ công chức này",
            )),
            M::PeriodBackwards { label } => Text::new(pick!(
                lang,
                "the period {label} ends before it starts",
                "kỳ {label} kết thúc trước khi bắt đầu"
            ))
            .help(t(
                "check the period's `from` and `to` dates",
                "kiểm tra ngày bắt đầu `from` và ngày kết thúc `to` của kỳ",
            )),
            M::UnknownField {
                id,
                suggestion,
                known,
            } => {
                let text = Text::new(pick!(
                    lang,
                    "unknown field `{id}`",
                    "không có lĩnh vực `{id}`"
                ))
                .label(t(
                    "not in content/fields.yaml",
                    "không có trong content/fields.yaml",
                ));
                match suggestion {
                    Some(s) => text.help(did_you_mean(lang, s)),
                    None => {
                        let known = code_list(known);
                        text.help(pick!(
                            lang,
                            "use one of the ids in content/fields.yaml: {known}",
                            "dùng một mã trong content/fields.yaml: {known}"
                        ))
                    }
                }
            }
            M::SiteUnknownField { id } => Text::new(pick!(
                lang,
                "unknown field `{id}`",
                "không có lĩnh vực `{id}`"
            ))
            .help(t(
                "use an id from content/fields.yaml",
                "dùng một mã trong content/fields.yaml",
            )),
            M::RequiredEmpty { key, label } => Text::new(pick!(
                lang,
                "`{key}` ({label}) is empty",
                "`{key}` ({label}) đang để trống"
            ))
            .help(pick!(
                lang,
                "the law requires every procedure to state its {label}; add at least one item",
                "pháp luật yêu cầu mọi thủ tục nêu rõ {label}; hãy thêm ít nhất một mục"
            )),
            M::UnknownFee {
                fee,
                suggestion,
                known,
                fees_stated,
            } => {
                let text = Text::new(pick!(
                    lang,
                    "unknown fee `{fee}`",
                    "không có khoản phí `{fee}`"
                ))
                .label(t(
                    "not one of this record's `fees`",
                    "không có trong `fees` của hồ sơ này",
                ));
                match suggestion {
                    Some(s) => text.help(did_you_mean(lang, s)),
                    None if !fees_stated => text.help(t(
                        "the fees of this record are not stated; remove the fee from the channel, or write the fees under `fees:`",
                        "hồ sơ này chưa ghi phí, lệ phí; bỏ khoản phí khỏi cách thức thực hiện, hoặc ghi các khoản phí ở `fees:`",
                    )),
                    None if known.is_empty() => text.help(t(
                        "this record has no fees; remove the fee from the channel or add it under `fees:`",
                        "hồ sơ này không có khoản phí nào; bỏ phí khỏi cách thức thực hiện hoặc thêm vào `fees:`",
                    )),
                    None => {
                        let known = code_list(known);
                        text.help(pick!(
                            lang,
                            "the fees of this record are: {known}",
                            "các khoản phí của hồ sơ này: {known}"
                        ))
                    }
                }
            }
            M::PartUnknown { key, label } => Text::new(pick!(
                lang,
                "`{key}` ({label}) is stated as unknown",
                "`{key}` ({label}) được ghi là chưa có thông tin"
            ))
            .help(t(
                "the page tells citizens it is not known yet; find it in the publication decision and write it",
                "trang báo cho người dân là chưa có thông tin; hãy tìm trong quyết định công bố và ghi vào",
            )),
            M::PartNotPublished { key, label } => Text::new(pick!(
                lang,
                "`{key}` ({label}) is stated as not published",
                "`{key}` ({label}) được ghi là chưa công bố"
            ))
            .help(t(
                "the page tells citizens it is not published yet; write it when the competent body publishes it",
                "trang báo cho người dân là chưa công bố; hãy ghi vào khi cơ quan có thẩm quyền công bố",
            )),
            M::NotACurrency { code } => Text::new(pick!(
                lang,
                "`{code}` is not a currency code",
                "`{code}` không phải mã tiền tệ"
            ))
            .help(t(
                "write the ISO 4217 code in capitals, for example VND or USD",
                "ghi mã ISO 4217 bằng chữ in hoa, ví dụ `VND` hoặc `USD`",
            )),
            M::FeeUnitCurrency {
                fee,
                unit,
                in_currency,
                currency,
            } => Text::new(pick!(
                lang,
                "the fee `{fee}` has the unit `{unit}` in {in_currency}, but its currency is {currency}",
                "khoản phí `{fee}` có đơn vị tính `{unit}` bằng {in_currency}, nhưng đơn vị tiền tệ của khoản phí là {currency}"
            ))
            .help(pick!(
                lang,
                "add `currency: {in_currency}` to the fee (amounts are in đồng, VND, unless `currency` says otherwise)",
                "thêm `currency: {in_currency}` vào khoản phí (số tiền tính bằng đồng, VND, trừ khi `currency` ghi khác)"
            )),
            M::FeeAmountAndTiers { fee } => Text::new(pick!(
                lang,
                "the fee `{fee}` has both `amount` and `tiers`",
                "khoản phí `{fee}` có cả `amount` và `tiers`"
            ))
            .help(t(
                "write one amount under `amount`, or several under `tiers` (each with its `condition`), not both",
                "ghi một mức thu ở `amount`, hoặc nhiều mức ở `tiers` (mỗi mức kèm `condition`), không ghi cả hai",
            )),
            M::FormFile { path, problem } => Text::new(match problem {
                FormPath::Leaves => pick!(
                    lang,
                    "the form path `{path}` leaves content/",
                    "đường dẫn mẫu đơn `{path}` ra ngoài content/"
                ),
                FormPath::NotAFile => pick!(
                    lang,
                    "the form path `{path}` is not a file inside content/",
                    "đường dẫn mẫu đơn `{path}` không phải một tệp trong content/"
                ),
                FormPath::Missing => pick!(
                    lang,
                    "the form file `content/{path}` does not exist",
                    "không có tệp mẫu đơn `content/{path}`"
                ),
            })
            .label(t("form file", "tệp mẫu đơn"))
            .help(t(
                "put the file under content/forms/ and write its path relative to content/, for example `forms/ho-tich/to-khai.pdf`",
                "đặt tệp trong content/forms/ và ghi đường dẫn tính từ content/, ví dụ `forms/ho-tich/to-khai.pdf`",
            )),
            M::FormNowhere { id } => Text::new(pick!(
                lang,
                "the form `{id}` has neither a `file` nor an `official_url`",
                "mẫu đơn `{id}` không có tệp (`file`) cũng không có địa chỉ nguồn chính thức (`official_url`)"
            ))
            .help(t(
                "add `file: forms/…` (a file under content/) or `official_url: https://…` (where the issuing body publishes it)",
                "thêm `file: forms/…` (tệp trong content/) hoặc `official_url: https://…` (nơi cơ quan ban hành đăng mẫu)",
            )),
            M::UnknownForm { form, suggestion } => {
                let text = Text::new(pick!(
                    lang,
                    "unknown form `{form}`",
                    "không có mẫu đơn `{form}`"
                ))
                .label(t(
                    "not one of this record's `forms`",
                    "không có trong `forms` của hồ sơ này",
                ));
                match suggestion {
                    Some(s) => text.help(did_you_mean(lang, s)),
                    None => text.help(t(
                        "add the form under `forms:` with `id`, `name` and `file`",
                        "thêm mẫu đơn vào `forms:` với `id`, `name` và `file`",
                    )),
                }
            }
            M::UnknownOfficer { id, suggestion } => {
                let text = Text::new(pick!(
                    lang,
                    "unknown officer `{id}`",
                    "không có công chức `{id}`"
                ))
                .label(t(
                    "not in site.yaml `officers`",
                    "không có trong `officers` của site.yaml",
                ));
                match suggestion {
                    Some(s) => text.help(did_you_mean(lang, s)),
                    None => text.help(t(
                        "add the officer to content/site.yaml under `officers:`",
                        "thêm công chức vào `officers:` trong content/site.yaml",
                    )),
                }
            }
            M::DefaultOfficerUnknown { id } => Text::new(pick!(
                lang,
                "unknown officer `{id}`",
                "không có công chức `{id}`"
            ))
            .help(t(
                "list ids from `officers:`",
                "ghi các mã có trong `officers:`",
            )),
            M::EffectiveDates { from, to } => {
                let (from, to) = (from.vi(), to.vi());
                Text::new(pick!(
                    lang,
                    "`effective_to` ({to}) is before `effective_from` ({from})",
                    "ngày hết hiệu lực `effective_to` ({to}) sớm hơn ngày có hiệu lực `effective_from` ({from})"
                ))
                .help(t("check the two dates", "kiểm tra lại hai ngày"))
            }
            M::UpcomingWithoutDate => Text::new(t(
                "an `upcoming` procedure needs `effective_from`",
                "thủ tục sắp áp dụng (`upcoming`) cần có ngày có hiệu lực `effective_from`",
            ))
            .help(t(
                "add the date it takes effect, for example `effective_from: 2027-01-01`",
                "thêm ngày bắt đầu áp dụng, ví dụ `effective_from: 2027-01-01`",
            )),
            M::NotTimeOfDay { value, cutoff } => Text::new(pick!(
                lang,
                "`{value}` is not a time of day",
                "`{value}` không phải giờ trong ngày"
            ))
            .help(if *cutoff {
                t(
                    "write the time as HH:MM in quotes, for example `cutoff: \"15:00\"`",
                    "viết giờ dạng HH:MM trong ngoặc kép, ví dụ `cutoff: \"15:00\"`",
                )
            } else {
                t(
                    "write HH:MM in quotes, for example \"07:30\"",
                    "viết giờ dạng HH:MM trong ngoặc kép, ví dụ \"07:30\"",
                )
            }),
            M::VerifiedLongAgo { on } => {
                let on = on.vi();
                Text::new(pick!(
                    lang,
                    "the record was last verified on {on}, more than a year ago",
                    "hồ sơ được rà soát lần cuối ngày {on}, đã hơn một năm"
                ))
                .help(t(
                    "check it against the latest publication decision and update `verified_on`",
                    "đối chiếu với quyết định công bố mới nhất và cập nhật `verified_on`",
                ))
            }
            M::VerifiedInFuture { on } => {
                let on = on.vi();
                Text::new(pick!(
                    lang,
                    "`verified_on` is {on}, a day that has not come yet",
                    "`verified_on` là ngày {on}, một ngày chưa tới"
                ))
                .help(t(
                    "write the day the record was checked against the publication decision, in year-month-day (for example 2026-11-20)",
                    "ghi ngày đã đối chiếu hồ sơ với quyết định công bố, theo năm-tháng-ngày (ví dụ 2026-11-20)",
                ))
            }
            M::RetrievedInFuture { on } => {
                let on = on.vi();
                Text::new(pick!(
                    lang,
                    "`retrieved_on` is {on}, a day that has not come yet",
                    "`retrieved_on` là ngày {on}, một ngày chưa tới"
                ))
                .help(t(
                    "write the day the source was read, in year-month-day (for example 2026-11-20)",
                    "ghi ngày đã lấy thông tin từ nguồn, theo năm-tháng-ngày (ví dụ 2026-11-20)",
                ))
            }
            M::SourceCovers { value, suggestion } => {
                let text = Text::new(pick!(
                    lang,
                    "`covers` names `{value}`, which is not a part of a record",
                    "`covers` ghi `{value}`, không phải tên một phần thông tin của thủ tục"
                ));
                match suggestion {
                    Some(s) => text.help(did_you_mean(lang, s)),
                    None => text.help(t(
                        "write the keys of the parts this source gives, such as `fees`, `documents`, `legal_basis` (docs/record.md lists them), or leave `covers` out when it gives them all",
                        "ghi tên khóa các phần lấy từ nguồn này, ví dụ `fees`, `documents`, `legal_basis` (xem docs/record.md), hoặc bỏ `covers` khi nguồn cho mọi phần",
                    )),
                }
            }
            M::NotSha256 { value } => Text::new(pick!(
                lang,
                "`sha256` is `{value}`, not a SHA-256 hash",
                "`sha256` là `{value}`, không phải mã băm SHA-256"
            ))
            .help(t(
                "write the 64 hexadecimal digits `sha256sum FILE` prints, or leave the key out",
                "ghi 64 chữ số hệ 16 mà lệnh `sha256sum TỆP` in ra, hoặc bỏ khóa này",
            )),
            M::UpcomingStarted { from } => {
                let from = from.vi();
                Text::new(pick!(
                    lang,
                    "this `upcoming` procedure applies since {from}: the site shows it as in force",
                    "thủ tục sắp áp dụng (`upcoming`) này đã áp dụng từ ngày {from}: trang hiện là đang áp dụng"
                ))
                .help(t(
                    "write `status: active`",
                    "ghi `status: active` (đang áp dụng)",
                ))
            }
            M::EndedStillInForce { to } => {
                let to = to.vi();
                Text::new(pick!(
                    lang,
                    "`effective_to` is {to}, which has passed, but the status still says the procedure applies",
                    "`effective_to` là ngày {to}, đã qua, mà tình trạng vẫn ghi thủ tục đang áp dụng"
                ))
                .help(t(
                    "write `status: repealed` with the decision that ends it in `announcements`, or correct the date",
                    "ghi `status: repealed` (đã bãi bỏ) kèm quyết định bãi bỏ trong `announcements`, hoặc sửa lại ngày",
                ))
            }
            M::ClosureOver { on } => {
                let on = on.vi();
                Text::new(pick!(
                    lang,
                    "this closure ended on {on}: the contact page no longer shows it",
                    "ngày nghỉ này đã qua (đến ngày {on}): trang liên hệ không hiện nữa"
                ))
                .help(t(
                    "remove it from `closures`",
                    "xóa dòng này khỏi `closures`",
                ))
            }
            M::TemporaryCode { code } => Text::new(pick!(
                lang,
                "`{code}` is the temporary code `congkhai new` wrote",
                "`{code}` là mã tạm do `congkhai new` ghi"
            ))
            .help(t(
                "replace it with the national code from the publication decision, for example \"1.001193\"",
                "thay bằng mã thủ tục quốc gia trong quyết định công bố, ví dụ \"1.001193\"",
            )),
            M::NotWeekday { value } => Text::new(pick!(
                lang,
                "`{value}` is not a weekday",
                "`{value}` không phải ngày trong tuần"
            ))
            .help(t(
                "write mon, tue, wed, thu, fri, sat or sun",
                "viết `mon`, `tue`, `wed`, `thu`, `fri`, `sat` hoặc `sun` (Thứ Hai … Chủ nhật)",
            )),
            M::DeskClosesBeforeOpens => Text::new(t(
                "the desk closes before it opens",
                "giờ đóng cửa sớm hơn giờ mở cửa",
            ))
            .help(t(
                "check `opens` and `closes`",
                "kiểm tra `opens` (mở cửa) và `closes` (đóng cửa)",
            )),
            M::BaseUrlNotAbsolute { url } => Text::new(pick!(
                lang,
                "`base_url` `{url}` is not an absolute URL",
                "`base_url` `{url}` không phải địa chỉ đầy đủ"
            ))
            .help(t(
                "write it like https://thutuc.example.gov.vn or https://example.gov.vn/thu-tuc",
                "viết như https://thutuc.example.gov.vn hoặc https://example.gov.vn/thu-tuc",
            )),
            M::ReferencesItself { key } => Text::new(pick!(
                lang,
                "`{key}` names this procedure itself",
                "`{key}` ghi chính thủ tục này"
            ))
            .help(t(
                "list other procedures' codes",
                "ghi mã của các thủ tục khác",
            )),
            M::UnknownCode {
                code,
                key,
                suggestion,
            } => {
                let text = Text::new(pick!(
                    lang,
                    "no procedure has the code `{code}`",
                    "không có thủ tục nào mang mã `{code}`"
                ))
                .label(pick!(lang, "in `{key}`", "trong `{key}`"));
                match suggestion {
                    Some(s) => text.help(did_you_mean(lang, s)),
                    None => text.help(t(
                        "check the code, or add that procedure to the catalogue",
                        "kiểm tra lại mã, hoặc thêm thủ tục đó vào danh mục",
                    )),
                }
            }
            M::Waiting { on, count, file } => {
                let n = *count;
                let message = match (on, n) {
                    (Waits::Officers, 1) => pick!(
                        lang,
                        "1 reference to an officer waits on {file}; fix it first",
                        "1 chỗ nhắc đến cán bộ đang chờ {file}; hãy sửa tệp này trước"
                    ),
                    (Waits::Officers, _) => pick!(
                        lang,
                        "{n} references to officers wait on {file}; fix it first",
                        "{n} chỗ nhắc đến cán bộ đang chờ {file}; hãy sửa tệp này trước"
                    ),
                    (Waits::Fields, 1) => pick!(
                        lang,
                        "1 reference to a field waits on {file}; fix it first",
                        "1 chỗ nhắc đến lĩnh vực đang chờ {file}; hãy sửa tệp này trước"
                    ),
                    (Waits::Fields, _) => pick!(
                        lang,
                        "{n} references to fields wait on {file}; fix it first",
                        "{n} chỗ nhắc đến lĩnh vực đang chờ {file}; hãy sửa tệp này trước"
                    ),
                    (Waits::Code(c), 1) => pick!(
                        lang,
                        "1 reference to the code `{c}` waits on {file}; fix it first",
                        "1 chỗ nhắc đến mã `{c}` đang chờ {file}; hãy sửa tệp này trước"
                    ),
                    (Waits::Code(c), _) => pick!(
                        lang,
                        "{n} references to the code `{c}` wait on {file}; fix it first",
                        "{n} chỗ nhắc đến mã `{c}` đang chờ {file}; hãy sửa tệp này trước"
                    ),
                };
                let help = match on {
                    Waits::Officers => t(
                        "the records' `officers:` are checked once content/site.yaml reads without errors",
                        "mục `officers:` của các hồ sơ sẽ được kiểm tra khi content/site.yaml hết lỗi",
                    ),
                    Waits::Fields => t(
                        "the records' `field:` is checked once content/fields.yaml reads without errors",
                        "mục `field:` của các hồ sơ sẽ được kiểm tra khi content/fields.yaml hết lỗi",
                    ),
                    Waits::Code(_) => t(
                        "`related` and `replaces` are checked once the record with that code reads without errors",
                        "`related` và `replaces` sẽ được kiểm tra khi hồ sơ có mã đó hết lỗi",
                    ),
                };
                Text::new(message).help(help)
            }

            M::Template { error } => Text::new(pick!(
                lang,
                "{error}",
                "lỗi mẫu giao diện: {error}"
            ))
            .help(theme_help(lang)),
            M::ThemeFileUnreadable { error } => Text::new(pick!(
                lang,
                "cannot read the theme file: {error}",
                "không đọc được tệp giao diện: {error}"
            ))
            .help(t(
                "check that the file exists and can be read",
                "kiểm tra tệp có tồn tại và đọc được không",
            )),
            M::ThemeLabelsNotMapping => Text::new(t(
                "the labels must be a mapping of keys",
                "tệp nhãn phải gồm các dòng `khóa: giá trị`",
            ))
            .help(t(
                "write one `key: \"text\"` per line, grouped under section keys as in the default theme's i18n files",
                "viết mỗi dòng một `khóa: \"chữ\"`, xếp theo nhóm khóa như các tệp i18n của giao diện mặc định",
            )),
            M::ThemeFileNotPublished { error } => Text::new(pick!(
                lang,
                "cannot publish the theme file: {error}",
                "không đăng được tệp giao diện: {error}"
            ))
            .help(theme_help(lang)),
            M::SearchIndexNotWritten { error } => Text::new(pick!(
                lang,
                "cannot write the search index: {error}",
                "không ghi được chỉ mục tra cứu: {error}"
            ))
            .help(t(
                "this is a fault of congkhai, not of the content: please report it",
                "đây là lỗi của congkhai, không phải của nội dung: vui lòng báo lại",
            )),
            M::FormFileNotPublished { error } => Text::new(pick!(
                lang,
                "cannot publish the form file: {error}",
                "không đăng được tệp mẫu: {error}"
            ))
            .help(t(
                "keep form files under content/forms/ with plain file names",
                "đặt tệp mẫu trong content/forms/ với tên tệp thông thường",
            )),
            M::FormFileUnreadable { error } => Text::new(pick!(
                lang,
                "cannot read the form file: {error}",
                "không đọc được tệp mẫu đơn: {error}"
            ))
            .help(t(
                "check that the file exists and can be read",
                "kiểm tra tệp có tồn tại và đọc được không",
            )),
            M::PageNotPublished { title, error } => Text::new(pick!(
                lang,
                "cannot publish the page “{title}”: {error}",
                "không đăng được trang “{title}”: {error}"
            ))
            .help(t(
                "give the page a slug of lowercase letters, digits and `-`",
                "đặt cho trang đường dẫn gồm chữ thường không dấu, chữ số và dấu `-`",
            )),
            M::StaticFileNotPublished { error } => Text::new(pick!(
                lang,
                "this file cannot be published: {error}",
                "không thể đăng tệp này lên trang: {error}"
            ))
            .help(t(
                "rename it with letters, digits, `-`, `_` and `.` only",
                "đổi tên tệp, chỉ dùng chữ cái, chữ số, `-`, `_` và `.`",
            )),
            M::StaticFileTaken { path, like } => Text::new(pick!(
                lang,
                "this file would be published at /{path}, like {like}",
                "tệp này sẽ có địa chỉ /{path}, trùng với {like}"
            ))
            .help(t(
                "rename it or move it into a folder of its own under content/static/",
                "đổi tên tệp, hoặc chuyển nó vào một thư mục riêng trong content/static/",
            )),
        }
    }
}

/// The help of links outside the URL policy.
fn link_help(lang: Lang) -> String {
    pick!(
        lang,
        "write a web address that starts with https://, for example https://dichvucong.gov.vn/…",
        "viết địa chỉ trang web bắt đầu bằng https://, ví dụ https://dichvucong.gov.vn/…"
    )
}

/// The help of template errors.
fn theme_help(lang: Lang) -> String {
    pick!(
        lang,
        "fix the template; `themes/default/` in the site root overrides the embedded theme",
        "sửa mẫu giao diện; thư mục `themes/default/` trong trang thay thế giao diện có sẵn"
    )
}

/// Why a date does not exist, in `lang`.
pub(super) fn date_error(lang: Lang, error: DateError) -> String {
    match error {
        DateError::Format => pick!(
            lang,
            "expected YYYY-MM-DD",
            "cần viết theo năm-tháng-ngày, ví dụ 2025-07-01"
        ),
        DateError::MonthOutOfRange { month } => {
            pick!(
                lang,
                "month {month} is out of range",
                "không có tháng {month}"
            )
        }
        DateError::DayOutOfRange { day: 0, .. } => {
            pick!(lang, "day 0 is out of range", "không có ngày 0")
        }
        DateError::DayOutOfRange { year, month, .. } => {
            let days = crate::vi::days_in_month(year, month);
            match lang {
                Lang::En => error.to_string(),
                Lang::Vi => format!("tháng {month}/{year} chỉ có {days} ngày"),
            }
        }
    }
}

/// The words of a limit of the YAML reader.
fn limit_text(lang: Lang, limit: Limit) -> Text {
    let (message, help) = match limit {
        Limit::Nodes { max } => (
            pick!(
                lang,
                "the list is too long: at most {max} items",
                "danh sách quá dài: tối đa {max} mục"
            ),
            pick!(
                lang,
                "a file holds at most {max} values (list items, keys and texts together); split the list or remove repeated items",
                "mỗi tệp chứa tối đa {max} giá trị (tính chung mục danh sách, khóa và văn bản); hãy tách danh sách hoặc bỏ các mục lặp lại"
            ),
        ),
        Limit::Depth { max } => (
            pick!(
                lang,
                "the lists and mappings are nested too deeply: at most {max} levels",
                "danh sách và các dòng `khóa: giá trị` lồng nhau quá sâu: tối đa {max} cấp"
            ),
            pick!(
                lang,
                "check the indentation: each level of a record is indented under its key",
                "kiểm tra thụt lề: mỗi cấp của hồ sơ được thụt vào dưới khóa của nó"
            ),
        ),
        Limit::Aliases { max } => (
            pick!(
                lang,
                "the file repeats too much through aliases (`&name`, `*name`): at most {max} aliases",
                "tệp lặp lại quá nhiều qua bí danh (`&tên`, `*tên`): tối đa {max} bí danh"
            ),
            pick!(
                lang,
                "write the values out instead of repeating them with `*name`",
                "viết đầy đủ các giá trị thay vì lặp lại bằng `*tên`"
            ),
        ),
        Limit::Size { mb } => (
            pick!(
                lang,
                "the file is too large: at most {mb} MB of text",
                "tệp quá lớn: tối đa {mb} MB văn bản"
            ),
            pick!(
                lang,
                "a record is a few kilobytes; check that the file is the record you meant",
                "một hồ sơ chỉ dài vài kilobyte; hãy kiểm tra xem tệp có đúng là hồ sơ bạn định viết không"
            ),
        ),
        Limit::Documents { max } => (
            pick!(
                lang,
                "the file has too many YAML documents (`---` lines): at most {max}",
                "tệp có quá nhiều tài liệu YAML (dòng `---`): tối đa {max}"
            ),
            pick!(
                lang,
                "a record is one YAML document; remove the extra `---` lines",
                "mỗi hồ sơ là một tài liệu YAML; hãy bỏ các dòng `---` thừa"
            ),
        ),
        Limit::Other => (
            pick!(
                lang,
                "the file is too complex for the YAML reader",
                "tệp quá phức tạp đối với bộ đọc YAML"
            ),
            pick!(
                lang,
                "simplify the file: shorter lists, less nesting, no aliases",
                "hãy đơn giản hóa tệp: danh sách ngắn hơn, ít lồng nhau hơn, không dùng bí danh"
            ),
        ),
    };
    Text::new(message).help(help)
}

/// Checks of the words of a table, shared by the tests of [`Message`] and [`super::Line`].
#[cfg(test)]
pub(super) mod check {
    /// Problems of one text in both languages: empty, the same in both, not NFC, or English
    /// words in the Vietnamese.
    pub fn problems(what: &str, en: &str, vi: &str) -> Vec<String> {
        let mut problems = Vec::new();
        if en.trim().is_empty() || vi.trim().is_empty() {
            problems.push(format!("{what}: empty ({en:?}, {vi:?})"));
        }
        if en == vi {
            problems.push(format!("{what}: the same in both languages: {en:?}"));
        }
        if crate::vi::nfc(vi) != vi {
            problems.push(format!("{what}: the Vietnamese is not NFC: {vi:?}"));
        }
        let english = crate::vi::english_words(vi);
        if !english.is_empty() {
            problems.push(format!("{what}: English words {english:?} in {vi:?}"));
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::diagnostics::Code;

    fn s(text: &str) -> String {
        text.to_owned()
    }

    /// At least one message of every kind, with the values that choose each wording.
    fn examples() -> Vec<Message> {
        use Message as M;
        let date = |text: &str| -> Date { text.parse().unwrap() };
        let mut all = vec![
            M::NoContentFolder,
            M::SiteYamlMissing,
            M::FieldsYamlMissing,
            M::CannotRead { error: s("E2") },
            M::NotUtf8 { theme: false },
            M::NotUtf8 { theme: true },
            M::FrontMatterNotOpened,
            M::FrontMatterNotClosed,
            M::MissingKey {
                key: s("fees"),
                label: Some(s("Phí, lệ phí")),
            },
            M::MissingKey {
                key: s("fees"),
                label: None,
            },
            M::NotAllowedValue {
                value: s("xa"),
                allowed: vec![s("commune"), s("district")],
                suggestion: Some(s("commune")),
            },
            M::NotAllowedValue {
                value: s("xa"),
                allowed: vec![s("commune"), s("district")],
                suggestion: None,
            },
            M::DuplicateKey { key: s("title") },
            M::Custom { text: s("E3") },
            M::NameTooLong {
                name: NameOf::FieldId,
                bytes: 300,
                max: 255,
            },
            M::FieldIdNotSlug {
                id: s("Hộ tịch"),
                clean: s("ho-tich"),
            },
            M::SlugNotSlug {
                slug: s("Khai sinh"),
                clean: s("khai-sinh"),
            },
            M::PageSlugNotSlug {
                slug: s("Giới thiệu"),
                clean: s("gioi-thieu"),
            },
            M::PageSlugNotSlug {
                slug: s("??"),
                clean: String::new(),
            },
            M::PageFileEmptyUrl,
            M::MarkdownLinkRefused {
                url: s("javascript:alert(1)"),
            },
            M::LinkRefused { key: s("url") },
            M::PageUrlTaken {
                slug: s("tra-cuu"),
                like: s("tra-cuu/"),
                has_slug: true,
            },
            M::PageUrlTaken {
                slug: s("tra-cuu"),
                like: s("tra-cuu/"),
                has_slug: false,
            },
            M::ProcedureUrlTaken {
                slug: s("khai-sinh"),
                other: s("content/procedures/a.yaml"),
            },
            M::CodeEmpty,
            M::CodeTaken {
                code: s("1.001193"),
                other: s("content/procedures/a.yaml:1"),
            },
            M::CodeEmptyLink { code: s("..") },
            M::CodeLinkTaken {
                code: s("9.99 A"),
                segment: s("9-99-a"),
                other_code: s("9-99-a"),
                other: s("content/procedures/a.yaml:1"),
            },
            M::TitleEmptyUrl,
            M::OfficerUnused {
                id: s("nguyen-van-a"),
            },
            M::PeriodBackwards { label: s("2025") },
            M::SiteUnknownField { id: s("ho-tic") },
            M::RequiredEmpty {
                key: s("results"),
                label: s("Kết quả thực hiện"),
            },
            M::UnknownForm {
                form: s("to-khai"),
                suggestion: Some(s("to-khai-1")),
            },
            M::UnknownForm {
                form: s("to-khai"),
                suggestion: None,
            },
            M::UnknownOfficer {
                id: s("nguyen-van"),
                suggestion: Some(s("nguyen-van-a")),
            },
            M::UnknownOfficer {
                id: s("nguyen-van"),
                suggestion: None,
            },
            M::DefaultOfficerUnknown {
                id: s("nguyen-van"),
            },
            M::EffectiveDates {
                from: date("2026-03-01"),
                to: date("2026-01-01"),
            },
            M::UpcomingWithoutDate,
            M::NotTimeOfDay {
                value: s("7h30"),
                cutoff: true,
            },
            M::NotTimeOfDay {
                value: s("7h30"),
                cutoff: false,
            },
            M::AliasNotSlug {
                alias: s("Đăng ký"),
                clean: s("dang-ky"),
            },
            M::AliasTaken {
                alias: s("dang-ky"),
                other: s("content/procedures/a.yaml:3"),
            },
            M::VerifiedLongAgo {
                on: date("2024-01-02"),
            },
            M::FormNowhere { id: s("to-khai") },
            M::VerifiedInFuture {
                on: date("2027-01-02"),
            },
            M::RetrievedInFuture {
                on: date("2027-01-02"),
            },
            M::SourceCovers {
                value: s("fee"),
                suggestion: Some(s("fees")),
            },
            M::SourceCovers {
                value: s("tat-ca"),
                suggestion: None,
            },
            M::NotSha256 { value: s("abc") },
            M::UpcomingStarted {
                from: date("2026-07-01"),
            },
            M::EndedStillInForce {
                to: date("2026-06-30"),
            },
            M::ClosureOver {
                on: date("2026-05-01"),
            },
            M::TemporaryCode {
                code: s("TAM-34f7f0d7"),
            },
            M::NotWeekday { value: s("t2") },
            M::DeskClosesBeforeOpens,
            M::BaseUrlNotAbsolute { url: s("thutuc") },
            M::ReferencesItself { key: s("related") },
            M::UnknownCode {
                code: s("1.00119"),
                key: s("related"),
                suggestion: Some(s("1.001193")),
            },
            M::UnknownCode {
                code: s("1.00119"),
                key: s("related"),
                suggestion: None,
            },
            M::Template { error: s("E4") },
            M::ThemeFileUnreadable { error: s("E5") },
            M::ThemeLabelsNotMapping,
            M::ThemeFileNotPublished { error: s("E6") },
            M::SearchIndexNotWritten { error: s("E7") },
            M::FormFileNotPublished { error: s("E8") },
            M::FormFileUnreadable { error: s("E9") },
            M::PageNotPublished {
                title: s("Giới thiệu"),
                error: s("E10"),
            },
            M::StaticFileNotPublished { error: s("E11") },
            M::StaticFileTaken {
                path: s("tra-cuu/a.txt"),
                like: s("tra-cuu/"),
            },
        ];
        for what in [
            Thing::Procedure,
            Thing::Page,
            Thing::StatsPeriod,
            Thing::SiteYaml,
            Thing::FieldsYaml,
            Thing::ThemeLabels,
        ] {
            all.push(M::UnknownKey {
                key: s("phi"),
                what,
                suggestion: None,
                suggestion_label: None,
                allowed: vec![s("fees"), s("title")],
            });
        }
        all.push(M::UnknownKey {
            key: s("phi"),
            what: Thing::Procedure,
            suggestion: Some(s("fees")),
            suggestion_label: Some(s("Phí, lệ phí")),
            allowed: Vec::new(),
        });
        all.push(M::UnknownKey {
            key: s("phi"),
            what: Thing::Procedure,
            suggestion: Some(s("fees")),
            suggestion_label: None,
            allowed: Vec::new(),
        });
        let expected = [
            Expected::List,
            Expected::Mapping,
            Expected::Text,
            Expected::WholeNumber,
            Expected::Number,
            Expected::Bool,
            Expected::Date,
            Expected::Other(s("E12")),
        ];
        let found = [
            Found::Text(None),
            Found::Text(Some(s("8000đ"))),
            Found::Number(s("5")),
            Found::Bool(s("true")),
            Found::List,
            Found::Mapping,
            Found::Nothing,
            Found::Other(s("E13")),
        ];
        for (expected, found) in expected.iter().zip(&found) {
            all.push(M::WrongType {
                expected: expected.clone(),
                found: found.clone(),
            });
            all.push(M::ExpectedHere {
                expected: expected.clone(),
            });
            all.push(M::InvalidValue {
                found: found.clone(),
                expected: expected.clone(),
            });
        }
        for error in [
            DateError::Format,
            DateError::MonthOutOfRange { month: 13 },
            DateError::DayOutOfRange {
                year: 2026,
                month: 2,
                day: 0,
            },
            DateError::DayOutOfRange {
                year: 2026,
                month: 2,
                day: 30,
            },
        ] {
            all.push(M::InvalidDate {
                text: s("2026-02-30"),
                error,
            });
        }
        for problem in EntryProblem::ALL {
            all.push(M::DossierEntry { problem });
        }
        for limit in [
            Limit::Nodes { max: 10 },
            Limit::Depth { max: 10 },
            Limit::Aliases { max: 10 },
            Limit::Size { mb: 10 },
            Limit::Documents { max: 10 },
            Limit::Other,
        ] {
            all.push(M::YamlLimit { limit });
        }
        for kind in Syntax::ALL {
            all.push(M::YamlSyntax {
                kind,
                detail: s("E14"),
            });
        }
        for name in [
            NameOf::ProcedureSlug,
            NameOf::PageSlug,
            NameOf::TitleUrl,
            NameOf::CodeLink,
            NameOf::AgencyUrl,
            NameOf::FormPathName,
            NameOf::StaticName,
        ] {
            all.push(M::NameTooLong {
                name,
                bytes: 300,
                max: 255,
            });
        }
        for of in [Ids::Field, Ids::Fee, Ids::Form, Ids::Officer] {
            all.push(M::IdTwice { of, id: s("a") });
        }
        for suggestion in [Some(s("ho-tich")), None] {
            all.push(M::UnknownField {
                id: s("ho-tic"),
                suggestion,
                known: vec![s("ho-tich")],
            });
        }
        for (suggestion, known, fees_stated) in [
            (Some(s("le-phi")), vec![s("le-phi")], true),
            (None, Vec::new(), true),
            (None, vec![s("le-phi")], true),
            (None, Vec::new(), false),
        ] {
            all.push(M::UnknownFee {
                fee: s("le-ph"),
                suggestion,
                known,
                fees_stated,
            });
        }
        all.push(M::PartUnknown {
            key: s("fees"),
            label: s("Phí, lệ phí"),
        });
        all.push(M::PartNotPublished {
            key: s("fees"),
            label: s("Phí, lệ phí"),
        });
        all.push(M::NotACurrency { code: s("USD1") });
        all.push(M::FeeUnitCurrency {
            fee: s("le-phi"),
            unit: s("USD/bản"),
            in_currency: s("USD"),
            currency: s("VND"),
        });
        all.push(M::FeeAmountAndTiers { fee: s("le-phi") });
        for problem in [FormPath::Leaves, FormPath::NotAFile, FormPath::Missing] {
            all.push(M::FormFile {
                path: s("forms/a.pdf"),
                problem,
            });
        }
        for on in [Waits::Officers, Waits::Fields, Waits::Code(s("1.001193"))] {
            for count in [1, 3] {
                all.push(M::Waiting {
                    on: on.clone(),
                    count,
                    file: s("content/site.yaml"),
                });
            }
        }
        all
    }

    #[test]
    fn every_kind_of_message_has_an_example() {
        let covered: BTreeSet<&str> = examples().iter().map(Message::kind).collect();
        let missing: Vec<&&str> = Message::KINDS
            .iter()
            .filter(|k| !covered.contains(**k))
            .collect();
        assert!(missing.is_empty(), "add examples of {missing:?}");
    }

    #[test]
    fn every_message_renders_in_both_languages() {
        let mut problems = Vec::new();
        let mut seen = BTreeSet::new();
        for message in examples() {
            let (en, vi) = (message.render(Lang::En), message.render(Lang::Vi));
            let kind = message.kind();
            problems.extend(check::problems(kind, &en.message, &vi.message));
            assert_eq!(
                en.label.is_some(),
                vi.label.is_some(),
                "{kind}: a label in one language only"
            );
            assert_eq!(
                en.help.is_some(),
                vi.help.is_some(),
                "{kind}: a help in one language only"
            );
            for (en, vi) in [(en.label, vi.label), (en.help.clone(), vi.help)] {
                if let (Some(en), Some(vi)) = (en, vi) {
                    problems.extend(check::problems(kind, &en, &vi));
                }
            }
            if en.help.is_none() {
                problems.push(format!("{kind}: no help line"));
            }
            seen.insert(message.code());
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn every_code_has_a_message() {
        let used: BTreeSet<Code> = examples().iter().map(Message::code).collect();
        for code in Code::ALL {
            // CK042 is reserved for a warning that is not emitted yet.
            if *code != Code::CK042 {
                assert!(
                    used.contains(code),
                    "no message has the code {}",
                    code.as_str()
                );
            }
        }
    }

    #[test]
    fn a_typed_problem_survives_serdes_custom() {
        for problem in EntryProblem::ALL {
            assert_eq!(
                EntryProblem::from_custom(&problem.to_custom()),
                Some(problem)
            );
        }
        assert_eq!(EntryProblem::from_custom("entry-both"), None);
        let currency = Message::NotACurrency { code: s("USD1") };
        assert_eq!(Message::from_custom(&currency.to_custom()), Some(currency));
        assert_eq!(Message::from_custom("`USD1` is not a code"), None);
        let (text, error) =
            DateError::from_custom(&DateError::Format.to_custom("2026-2-3")).unwrap();
        assert_eq!((text.as_str(), error), ("2026-2-3", DateError::Format));
        assert_eq!(DateError::from_custom("invalid date `2026-02-03`: x"), None);
    }
}
