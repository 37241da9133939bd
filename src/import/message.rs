//! Every word `import` says to a user, in English and Vietnamese, in one place: a [`Message`]
//! variant with typed values, and its words in [`Message::render`]. (Kept apart so that the
//! table can join the typed table of diagnostics later.)

use super::Problem;
use crate::diagnostics::{Diagnostic, Lang, Severity};

/// What an import problem or summary line says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Message {
    // Reading the source.
    /// A file or folder could not be read.
    CannotRead { error: String },
    /// A folder holds no `.json` file.
    NoJsonFiles,
    /// Not JSON, or not the portal's shape.
    NotJson { error: String },
    /// The portal's answer is not `{"code":"OK","data":{…}}`.
    PortalNotOk { code: String },
    /// A value the record cannot do without is empty in the source.
    MissingValue { key: &'static str },
    /// The source names no field and `--field` is not given.
    NoField,
    /// `--field` names a field `fields.yaml` does not have.
    UnknownFieldId { id: String },
    /// The source names no level and `--level` is not given.
    NoLevel,
    /// A level the importer does not know.
    UnknownLevel { value: String },
    /// The portal marks several levels.
    SeveralLevels {
        levels: Vec<&'static str>,
        chosen: &'static str,
    },
    /// A CSV that does not read.
    BadCsv { error: String },
    /// A spreadsheet that does not read.
    BadSpreadsheet { error: String },
    /// A list format the importer does not read.
    UnknownListFormat,
    /// No row looks like the header (no code column).
    NoHeader,
    /// The header lacks a column the records need.
    MissingColumn { key: &'static str },
    /// `--columns` names a key the list importer does not have.
    UnknownColumnKey { key: String },
    /// `--columns` names a header the file does not have.
    ColumnNotFound { header: String },
    /// `--columns` is not `key=Header,…`.
    BadColumnsOption { text: String },
    /// Columns of the list the records have no place for.
    ColumnsNotImported { headers: Vec<String> },
    /// A row without a code (skipped).
    MissingCode,
    /// A row whose code is not a procedure code (skipped).
    BrokenCode { value: String },
    /// A row without a title (skipped).
    MissingTitle { code: String },
    /// The same code on two rows (the later is skipped).
    DuplicateCode { code: String, first_row: usize },
    /// A date that does not read.
    BadDate { column: &'static str, value: String },
    /// A status word the importer does not know; the status comes from the dates.
    UnknownStatus { value: String, chosen: &'static str },
    /// A status word that the dates contradict.
    StatusAgainstDates { status: &'static str, date: String },
    /// Neither a status nor dates: written as in force.
    StatusAssumed,
    /// The list has no rows.
    NoRows,
    // Inside a detail record.
    /// The structured processing time and the step text disagree.
    TimeConflict {
        structured: String,
        in_text: Vec<String>,
    },
    /// The channels' times and the cases' times disagree.
    ChannelTimeConflict { channels: String, cases: String },
    /// A time unit the record cannot hold.
    UnknownTimeUnit { unit: String },
    /// A part of the source the record has no place for.
    NotImported { key: String },
    /// A fee the importer could not read faithfully: the fees are written as unknown.
    FeeUnclear { reason: String },
    /// A fee of 0 without any text: taken as not entered.
    ZeroFeeWithoutText { channel: String },
    /// A portal state the importer does not know.
    UnknownState { state: String },
    /// A legal text without a number (left out).
    LegalRefWithoutNumber { title: String },
    // Writing.
    /// `content/fields.yaml` does not read.
    BadFieldsYaml { error: Box<Diagnostic> },
    /// A record that does not read back (a bug in the importer, reported rather than written).
    WrittenRecordInvalid { error: Box<Diagnostic> },
    /// The record already in `content/` for a code does not read.
    ExistingRecordBroken,
    /// A file could not be written.
    CannotWrite { error: String },
    // Summary.
    /// One record of a dry run or a run.
    RecordLine { path: String, change: Change },
    /// The totals.
    Summary {
        added: usize,
        changed: usize,
        unchanged: usize,
        fields: Vec<String>,
        dry_run: bool,
    },
    /// The import stopped: nothing written.
    Failed { errors: usize },
    /// What to run next.
    RunCheck,
}

/// What happens to one record file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    /// A new file.
    Added,
    /// These top-level keys change.
    Changed(Vec<String>),
    /// Nothing changes.
    Unchanged,
}

impl Message {
    /// The message in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let vi = lang == Lang::Vi;
        let pick = |en: String, vi_text: String| if vi { vi_text } else { en };
        match self {
            Message::CannotRead { error } => pick(format!("cannot read: {error}"), format!("không đọc được: {error}")),
            Message::NoJsonFiles => pick("the folder holds no .json file".into(), "thư mục không có tệp .json nào".into()),
            Message::NotJson { error } => pick(
                format!("not the national portal's procedure JSON: {error}"),
                format!("không phải dữ liệu JSON chi tiết thủ tục của Cổng Dịch vụ công quốc gia: {error}"),
            ),
            Message::PortalNotOk { code } => pick(
                format!("the portal's answer is `{code}`, not `OK`: nothing to import"),
                format!("kết quả của cổng là `{code}`, không phải `OK`: không có gì để nhập"),
            ),
            Message::MissingValue { key } => pick(
                format!("`{key}` is empty in the source; a record cannot do without it"),
                format!("nguồn để trống `{key}`; hồ sơ thủ tục không thể thiếu phần này"),
            ),
            Message::NoField => pick(
                "the source names no field (lĩnh vực): give --field ID".into(),
                "nguồn không ghi lĩnh vực: hãy thêm --field MÃ".into(),
            ),
            Message::UnknownFieldId { id } => pick(
                format!("--field {id}: content/fields.yaml has no such field"),
                format!("--field {id}: content/fields.yaml không có lĩnh vực này"),
            ),
            Message::NoLevel => pick(
                "the source gives no level (Cấp thực hiện): add a column, or give --level commune|district|province|central|other".into(),
                "nguồn không ghi cấp thực hiện: thêm cột “Cấp thực hiện”, hoặc dùng --level commune|district|province|central|other".into(),
            ),
            Message::UnknownLevel { value } => pick(
                format!("unknown level “{value}”: write Cấp xã, Cấp huyện, Cấp tỉnh, Cấp Bộ (Trung ương) or Khác"),
                format!("không rõ cấp thực hiện “{value}”: viết Cấp xã, Cấp huyện, Cấp tỉnh, Cấp Bộ (Trung ương) hoặc Khác"),
            ),
            Message::SeveralLevels { levels, chosen } => pick(
                format!("the portal marks several levels ({}); written as `{chosen}`: check `level`", levels.join(", ")),
                format!("cổng đánh dấu nhiều cấp ({}); đã ghi `{chosen}`: hãy kiểm tra `level`", levels.join(", ")),
            ),
            Message::BadCsv { error } => pick(format!("the CSV does not read: {error}"), format!("không đọc được tệp CSV: {error}")),
            Message::BadSpreadsheet { error } => pick(
                format!("the spreadsheet does not read: {error}"),
                format!("không đọc được bảng tính: {error}"),
            ),
            Message::UnknownListFormat => pick(
                "a list is a .csv or .xlsx (.xls, .ods) file".into(),
                "danh mục phải là tệp .csv hoặc .xlsx (.xls, .ods)".into(),
            ),
            Message::NoHeader => pick(
                "no header row with a code column (Mã TTHC) in the first 20 rows: name the columns with --columns code=Header,…".into(),
                "không thấy dòng tiêu đề có cột mã thủ tục (Mã TTHC) trong 20 dòng đầu: hãy chỉ rõ bằng --columns code=Tên cột,…".into(),
            ),
            Message::MissingColumn { key } => pick(
                format!("the list has no `{key}` column ({}): name it with --columns {key}=Header", column_words(key)),
                format!("danh mục không có cột `{key}` ({}): chỉ rõ bằng --columns {key}=Tên cột", column_words(key)),
            ),
            Message::UnknownColumnKey { key } => pick(
                format!("--columns: unknown key `{key}`; the keys are {}", super::list::COLUMN_KEYS.join(", ")),
                format!("--columns: không có khóa `{key}`; các khóa là {}", super::list::COLUMN_KEYS.join(", ")),
            ),
            Message::ColumnNotFound { header } => pick(
                format!("--columns: the header row has no column “{header}”"),
                format!("--columns: dòng tiêu đề không có cột “{header}”"),
            ),
            Message::BadColumnsOption { text } => pick(
                format!("--columns `{text}`: write key=Header, separated by commas"),
                format!("--columns `{text}`: viết khóa=Tên cột, cách nhau bởi dấu phẩy"),
            ),
            Message::ColumnsNotImported { headers } => pick(
                format!("columns not imported (the record has no place for them): {}", headers.join(", ")),
                format!("các cột chưa nhập (hồ sơ thủ tục chưa có chỗ cho chúng): {}", headers.join(", ")),
            ),
            Message::MissingCode => pick("no code (Mã TTHC): row skipped".into(), "thiếu mã thủ tục (Mã TTHC): bỏ qua dòng này".into()),
            Message::BrokenCode { value } => pick(
                format!("“{value}” is not a procedure code such as 1.001193 (a spreadsheet may have dropped its zeros: format the column as text): row skipped"),
                format!("“{value}” không phải mã thủ tục dạng 1.001193 (bảng tính có thể đã bỏ số 0 cuối: hãy định dạng cột là văn bản): bỏ qua dòng này"),
            ),
            Message::MissingTitle { code } => pick(
                format!("{code}: no title (Tên TTHC): row skipped"),
                format!("{code}: thiếu tên thủ tục (Tên TTHC): bỏ qua dòng này"),
            ),
            Message::DuplicateCode { code, first_row } => pick(
                format!("the code {code} is already on row {first_row}: row skipped"),
                format!("mã {code} đã có ở dòng {first_row}: bỏ qua dòng này"),
            ),
            Message::BadDate { column, value } => pick(
                format!("{column}: “{value}” is not a date (write YYYY-MM-DD or dd/mm/yyyy)"),
                format!("{column}: “{value}” không phải ngày (viết YYYY-MM-DD hoặc dd/mm/yyyy)"),
            ),
            Message::UnknownStatus { value, chosen } => pick(
                format!("status “{value}” is not one the importer knows; from the dates it is written as `{chosen}`"),
                format!("không hiểu trạng thái “{value}”; theo các ngày trong danh mục, đã ghi `{chosen}`"),
            ),
            Message::StatusAgainstDates { status, date } => pick(
                format!("the status says `{status}` but the dates say otherwise ({date}): the status is kept; check the row"),
                format!("trạng thái ghi `{status}` nhưng các ngày nói khác ({date}): giữ trạng thái; hãy kiểm tra dòng này"),
            ),
            Message::StatusAssumed => pick(
                "neither a status nor a date: written as `active` (in the list, so in force); check the row".into(),
                "không có trạng thái và ngày hiệu lực: đã ghi `active` (có trong danh mục nên đang áp dụng); hãy kiểm tra".into(),
            ),
            Message::NoRows => pick("the list has no rows under its header".into(), "danh mục không có dòng nào dưới dòng tiêu đề".into()),
            Message::TimeConflict { structured, in_text } => pick(
                format!("the structured processing time ({structured}) differs from the times in the step text ({}): imported as structured; check the record", in_text.join("; ")),
                format!("thời hạn giải quyết có cấu trúc ({structured}) khác các thời hạn trong trình tự thực hiện ({}): đã nhập theo dữ liệu có cấu trúc; hãy kiểm tra", in_text.join("; ")),
            ),
            Message::ChannelTimeConflict { channels, cases } => pick(
                format!("the channels' processing times ({channels}) differ from the cases' ({cases}): both imported; check the record"),
                format!("thời hạn theo cách thức thực hiện ({channels}) khác thời hạn theo trường hợp ({cases}): đã nhập cả hai; hãy kiểm tra"),
            ),
            Message::UnknownTimeUnit { unit } => pick(
                format!("time unit `{unit}` says no unit the record can hold: that time is not imported"),
                format!("đơn vị thời gian `{unit}` không xác định: không nhập thời hạn này"),
            ),
            Message::NotImported { key } => pick(
                format!("`{key}` is not imported: the record has no place for it"),
                format!("chưa nhập `{key}`: hồ sơ thủ tục chưa có chỗ cho phần này"),
            ),
            Message::FeeUnclear { reason } => pick(
                format!("a fee is not clear ({reason}): `fees` is written as unknown"),
                format!("một khoản phí không rõ ({reason}): đã ghi `fees` là chưa có thông tin"),
            ),
            Message::ZeroFeeWithoutText { channel } => pick(
                format!("the {channel} channel has a fee of 0 with no text (the portal's empty entry): not taken as free"),
                format!("cách thức {channel} có khoản phí 0 không kèm mô tả (ô để trống của cổng): không coi là miễn phí"),
            ),
            Message::UnknownState { state } => pick(
                format!("portal state `{state}` is not one the importer knows: written as `active`; check `status`"),
                format!("không hiểu trạng thái `{state}` của cổng: đã ghi `active`; hãy kiểm tra `status`"),
            ),
            Message::LegalRefWithoutNumber { title } => pick(
                format!("a legal text without a number is left out: “{title}”"),
                format!("bỏ qua văn bản không có số ký hiệu: “{title}”"),
            ),
            Message::BadFieldsYaml { error } => {
                let error = error.text(lang).message;
                pick(
                format!("content/fields.yaml does not read: {error}"),
                format!("không đọc được content/fields.yaml: {error}"),
            )
            }
            Message::WrittenRecordInvalid { error } => {
                let error = error.text(lang).message;
                pick(
                format!("the record made from the source does not read back ({error}); nothing written — please report this"),
                format!("hồ sơ tạo từ nguồn không đọc lại được ({error}); không ghi gì — hãy báo lỗi này"),
            )
            }
            Message::ExistingRecordBroken => pick(
                "this record does not read (run `congkhai check`); fix it before importing its code again".into(),
                "hồ sơ này không đọc được (chạy `congkhai check`); hãy sửa trước khi nhập lại mã này".into(),
            ),
            Message::CannotWrite { error } => pick(format!("cannot write: {error}"), format!("không ghi được: {error}")),
            Message::RecordLine { path, change } => match change {
                Change::Added => pick(format!("added     {path}"), format!("thêm mới  {path}")),
                Change::Changed(keys) => pick(
                    format!("changed   {path} ({})", keys.join(", ")),
                    format!("thay đổi  {path} ({})", keys.join(", ")),
                ),
                Change::Unchanged => pick(format!("unchanged {path}"), format!("giữ nguyên {path}")),
            },
            Message::Summary { added, changed, unchanged, fields, dry_run } => {
                let fields_en = if fields.is_empty() { String::new() } else { format!("; new fields: {}", fields.join(", ")) };
                let fields_vi = if fields.is_empty() { String::new() } else { format!("; lĩnh vực mới: {}", fields.join(", ")) };
                let (en_tail, vi_tail) = if *dry_run {
                    (" (dry run: nothing written)", " (chạy thử: không ghi gì)")
                } else {
                    ("", "")
                };
                pick(
                    format!("{added} added, {changed} changed, {unchanged} unchanged{fields_en}{en_tail}"),
                    format!("{added} thêm mới, {changed} thay đổi, {unchanged} giữ nguyên{fields_vi}{vi_tail}"),
                )
            }
            Message::Failed { errors } => pick(
                format!("import failed with {errors} error(s): nothing was written"),
                format!("nhập dữ liệu thất bại với {errors} lỗi: không ghi tệp nào"),
            ),
            Message::RunCheck => pick(
                "next: `congkhai check` (warnings for unknown parts are expected), then fill in what the source left unknown".into(),
                "tiếp theo: chạy `congkhai check` (cảnh báo về phần chưa có thông tin là bình thường), rồi bổ sung những phần nguồn chưa ghi".into(),
            ),
        }
    }
}

/// A problem as one line: `error: FILE, row N [CODE]: message`.
pub fn problem_line(problem: &Problem, lang: Lang) -> String {
    let severity = match (problem.severity, lang) {
        (Severity::Error, Lang::En) => "error",
        (Severity::Error, Lang::Vi) => "lỗi",
        (Severity::Warning, Lang::En) => "warning",
        (Severity::Warning, Lang::Vi) => "cảnh báo",
    };
    let mut place = problem.file.clone();
    if let Some(row) = problem.row {
        place.push_str(&match lang {
            Lang::En => format!(", row {row}"),
            Lang::Vi => format!(", dòng {row}"),
        });
    }
    if let Some(code) = &problem.code {
        place.push_str(&format!(" [{code}]"));
    }
    format!("{severity}: {place}: {}", problem.message.render(lang))
}

fn column_words(key: &str) -> &'static str {
    match key {
        "code" => "Mã TTHC",
        "title" => "Tên TTHC",
        "field" => "Lĩnh vực",
        "level" => "Cấp thực hiện",
        "status" => "Trạng thái",
        "effective_from" => "Ngày hiệu lực",
        "effective_to" => "Ngày bãi bỏ",
        "decisions" => "Quyết định công bố",
        _ => "",
    }
}
