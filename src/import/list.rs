//! An office's catalogue list (CSV, or a spreadsheet: .xlsx, .xls, .ods) as skeleton
//! [`Record`]s: code, title, field, level, lifecycle and decisions as the list gives them, and
//! an explicit `unknown` for every part it does not.
//!
//! Columns are found by their headers, compared without tone marks, case or punctuation
//! ("Mã TTHC", "ma_tthc" and "MÃ TTHC" are one header); rows above the header (a title row)
//! are skipped; `--columns key=Header` names any other header.

use super::yaml::Yaml;
use super::{Batch, FieldRef, Message, Problem, Record, parse_date, unknown};
use crate::vi::Date;

/// The keys a column can be mapped to, in the order of the record.
pub const COLUMN_KEYS: [&str; 8] = [
    "code",
    "title",
    "field",
    "level",
    "status",
    "effective_from",
    "effective_to",
    "decisions",
];

/// The headers each key is recognised by, folded (see [`header_key`]).
const HEADERS: [(&str, &[&str]); 8] = [
    (
        "code",
        &[
            "matthc",
            "mathutuc",
            "mathutuchanhchinh",
            "ma",
            "maso",
            "code",
        ],
    ),
    (
        "title",
        &[
            "tentthc",
            "tenthutuc",
            "tenthutuchanhchinh",
            "ten",
            "title",
            "name",
        ],
    ),
    ("field", &["linhvuc", "field", "category"]),
    ("level", &["capthuchien", "cap", "level"]),
    (
        "status",
        &["trangthai", "tinhtrang", "tinhtranghieuluc", "status"],
    ),
    (
        "effective_from",
        &[
            "ngayhieuluc",
            "ngaycohieuluc",
            "hieulucTu",
            "activedate",
            "effectivefrom",
            "ngayapdung",
        ],
    ),
    (
        "effective_to",
        &["ngaybaibo", "ngayhethieuluc", "repealdate", "effectiveto"],
    ),
    (
        "decisions",
        &[
            "quyetdinhcongbo",
            "soquyetdinh",
            "quyetdinh",
            "decisionnumbers",
            "decisions",
            "decision",
        ],
    ),
];

/// Options of a list import.
#[derive(Clone, Debug)]
pub struct Options {
    /// `key=Header` pairs for headers the importer does not know.
    pub columns: Vec<(String, String)>,
    /// The level when the list has no level column.
    pub level: Option<String>,
    /// The field id when the list has no field column.
    pub field: Option<String>,
    /// How the records name their source (default: the file name).
    pub source: Option<String>,
    /// Today, to tell `upcoming` from `active` and a past repeal from a future one.
    pub today: Date,
}

/// Parses `--columns code=Mã số,title=Tên`.
pub fn parse_columns(text: &str) -> Result<Vec<(String, String)>, Message> {
    let mut out = Vec::new();
    for pair in text.split(',').filter(|p| !p.trim().is_empty()) {
        let Some((key, header)) = pair.split_once('=') else {
            return Err(Message::BadColumnsOption {
                text: pair.to_owned(),
            });
        };
        let key = key.trim();
        if !COLUMN_KEYS.contains(&key) {
            return Err(Message::UnknownColumnKey {
                key: key.to_owned(),
            });
        }
        out.push((key.to_owned(), header.trim().to_owned()));
    }
    Ok(out)
}

/// A header as compared: folded, letters and digits only.
pub fn header_key(header: &str) -> String {
    crate::vi::fold(header)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect()
}

/// Reads the rows of a CSV (any delimiter of `,`, `;`, tab, guessed from the first lines).
pub fn csv_rows(bytes: &[u8]) -> Result<Vec<Vec<String>>, Message> {
    let text =
        std::str::from_utf8(bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes)).map_err(|e| {
            Message::BadCsv {
                error: format!("not UTF-8 ({e}); save the list as “CSV UTF-8”"),
            }
        })?;
    let head: String = text.lines().take(5).collect::<Vec<_>>().join("\n");
    let delimiter = [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|d| head.bytes().filter(|b| b == d).count())
        .unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| Message::BadCsv {
            error: e.to_string(),
        })?;
        rows.push(
            record
                .iter()
                .map(|c| crate::vi::nfc(c).into_owned())
                .collect(),
        );
    }
    Ok(rows)
}

/// Reads the rows of the first sheet of a spreadsheet.
pub fn spreadsheet_rows(path: &std::path::Path) -> Result<Vec<Vec<String>>, Message> {
    use calamine::{Data, Reader};
    let bad = |e: &dyn std::fmt::Display| Message::BadSpreadsheet {
        error: e.to_string(),
    };
    let mut workbook = calamine::open_workbook_auto(path).map_err(|e| bad(&e))?;
    let Some(name) = workbook.sheet_names().first().cloned() else {
        return Ok(Vec::new());
    };
    let range = workbook.worksheet_range(&name).map_err(|e| bad(&e))?;
    // Rows are numbered from the sheet's first row, so that a row number means what the
    // spreadsheet shows.
    let first_row = range.start().map_or(0, |(r, _)| r as usize);
    let first_col = range.start().map_or(0, |(_, c)| c as usize);
    let mut rows: Vec<Vec<String>> = vec![Vec::new(); first_row];
    for row in range.rows() {
        let mut cells = vec![String::new(); first_col];
        cells.extend(row.iter().map(|cell| {
            match cell {
                Data::Empty => String::new(),
                Data::String(s) => crate::vi::nfc(s).into_owned(),
                Data::Int(n) => n.to_string(),
                Data::Float(f) => f.to_string(),
                Data::Bool(b) => b.to_string(),
                // A date cell: days since 1899-12-30, the spreadsheet epoch.
                Data::DateTime(d) => {
                    Date::from_days_since_epoch((d.as_f64().floor() as i64).saturating_sub(25_569))
                        .iso()
                }
                Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
                Data::Error(e) => format!("#{e:?}"),
            }
        }));
        rows.push(cells);
    }
    Ok(rows)
}

/// Whether `code` is a national procedure code: `1.001193`, optionally with further
/// `.`-separated parts (`1.004772.000.00.00.H54`).
pub fn is_procedure_code(code: &str) -> bool {
    let mut parts = code.split('.');
    let first = parts.next().unwrap_or("");
    let second = parts.next().unwrap_or("");
    first.len() == 1
        && first.bytes().all(|b| b.is_ascii_digit())
        && second.len() == 6
        && second.bytes().all(|b| b.is_ascii_digit())
        && parts.all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// The column of each key, from the header row.
type Columns = [Option<usize>; COLUMN_KEYS.len()];

fn find_header(rows: &[Vec<String>], options: &Options) -> Result<(usize, Columns), Message> {
    for (index, row) in rows.iter().enumerate().take(20) {
        let keys: Vec<String> = row.iter().map(|h| header_key(h)).collect();
        let mut columns: Columns = [None; COLUMN_KEYS.len()];
        for (k, (key, known)) in HEADERS.iter().enumerate() {
            debug_assert_eq!(COLUMN_KEYS[k], *key);
            columns[k] = keys
                .iter()
                .position(|h| known.iter().any(|known| header_key(known) == *h));
        }
        let mut named = true;
        for (key, header) in &options.columns {
            let k = COLUMN_KEYS.iter().position(|c| c == key).unwrap_or(0);
            match keys.iter().position(|h| *h == header_key(header)) {
                Some(col) => columns[k] = Some(col),
                None => named = false,
            }
        }
        let found = columns.iter().filter(|c| c.is_some()).count();
        if columns[0].is_some() && found >= 2 && named {
            return Ok((index, columns));
        }
        if columns[0].is_some() && found >= 2 {
            let missing = options
                .columns
                .iter()
                .find(|(_, h)| !keys.contains(&header_key(h)))
                .map(|(_, h)| h.clone())
                .unwrap_or_default();
            return Err(Message::ColumnNotFound { header: missing });
        }
    }
    Err(Message::NoHeader)
}

/// What a status word says, when the importer knows it.
fn status_word(value: &str) -> Option<&'static str> {
    let folded = crate::vi::fold(value);
    let first: String = folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or("")
        .to_owned();
    // Vietnamese phrases first: "hết hiệu lực" also holds "hiệu lực".
    let phrases: [(&str, &'static str); 11] = [
        ("het hieu luc", "repealed"),
        ("bai bo", "repealed"),
        ("sap co hieu luc", "upcoming"),
        ("chua co hieu luc", "upcoming"),
        ("sap ap dung", "upcoming"),
        ("tam dung", "suspended"),
        ("tam ngung", "suspended"),
        ("con hieu luc", "active"),
        ("dang ap dung", "active"),
        ("co hieu luc", "active"),
        ("dang thuc hien", "active"),
    ];
    if let Some((_, status)) = phrases.iter().find(|(p, _)| folded.contains(p)) {
        return Some(status);
    }
    match first.as_str() {
        "repealed" | "repeal" | "abolished" => Some("repealed"),
        "active" | "current" | "valid" => Some("active"),
        "upcoming" => Some("upcoming"),
        "suspended" => Some("suspended"),
        _ => None,
    }
}

/// The level a "Cấp thực hiện" cell names.
fn level_word(value: &str) -> Option<&'static str> {
    let folded = crate::vi::fold(value);
    let has = |w: &str| {
        folded
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|x| x == w)
    };
    if has("commune") || has("xa") || has("phuong") || folded.contains("dac khu") {
        Some("commune")
    } else if has("district") || has("huyen") {
        Some("district")
    } else if has("province") || has("tinh") {
        Some("province")
    } else if has("central") || has("bo") || folded.contains("trung uong") {
        Some("central")
    } else if has("other") || has("khac") {
        Some("other")
    } else {
        None
    }
}

/// Reads a list's rows into `batch`. `file` names the list in messages and, unless
/// `options.source` says otherwise, in the records' notes.
pub fn read(rows: &[Vec<String>], file: &str, options: &Options, batch: &mut Batch) {
    let (header, columns) = match find_header(rows, options) {
        Ok(found) => found,
        Err(message) => {
            batch.problems.push(Problem::error(file, message));
            return;
        }
    };
    let col = |key: &str| columns[COLUMN_KEYS.iter().position(|k| *k == key).unwrap_or(0)];
    let ignored: Vec<&str> = rows[header]
        .iter()
        .enumerate()
        .filter(|(i, h)| !h.trim().is_empty() && !columns.contains(&Some(*i)))
        .map(|(_, h)| h.trim())
        .collect();
    if !ignored.is_empty() {
        batch.problems.push(Problem::warning(
            file,
            Message::ColumnsNotImported {
                headers: ignored.iter().map(|h| h.to_string()).collect(),
            },
        ));
    }
    if col("title").is_none() {
        batch.problems.push(Problem::error(
            file,
            Message::MissingColumn { key: "title" },
        ));
        return;
    }
    if col("field").is_none() && options.field.is_none() {
        batch.problems.push(Problem::error(file, Message::NoField));
        return;
    }
    if col("level").is_none() && options.level.is_none() {
        batch.problems.push(Problem::error(file, Message::NoLevel));
        return;
    }
    let source_name = options.source.clone().unwrap_or_else(|| {
        std::path::Path::new(file)
            .file_name()
            .map_or_else(|| file.to_owned(), |n| n.to_string_lossy().into_owned())
    });
    let note = format!("Danh mục thủ tục hành chính ({source_name}) không ghi phần này.");
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let before = batch.records.len();
    for (index, row) in rows.iter().enumerate().skip(header + 1) {
        let number = index + 1;
        let cell =
            |key: &str| -> &str { col(key).and_then(|c| row.get(c)).map_or("", |s| s.trim()) };
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let code = cell("code");
        if code.is_empty() {
            batch
                .problems
                .push(Problem::warning(file, Message::MissingCode).at_row(number));
            continue;
        }
        if !is_procedure_code(code) {
            batch.problems.push(
                Problem::warning(
                    file,
                    Message::BrokenCode {
                        value: code.to_owned(),
                    },
                )
                .at_row(number),
            );
            continue;
        }
        if let Some(first_row) = seen.get(code) {
            batch.problems.push(
                Problem::warning(
                    file,
                    Message::DuplicateCode {
                        code: code.to_owned(),
                        first_row: *first_row,
                    },
                )
                .at_row(number),
            );
            continue;
        }
        seen.insert(code.to_owned(), number);
        let title = cell("title")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if title.is_empty() {
            batch.problems.push(
                Problem::warning(
                    file,
                    Message::MissingTitle {
                        code: code.to_owned(),
                    },
                )
                .at_row(number),
            );
            continue;
        }
        let field = match (cell("field"), &options.field) {
            ("", Some(id)) => FieldRef::Id(id.clone()),
            ("", None) => {
                batch.problems.push(
                    Problem::error(file, Message::NoField)
                        .at_row(number)
                        .for_code(code),
                );
                continue;
            }
            (name, _) => FieldRef::Name(name.to_owned()),
        };
        let mut record = Record::new(code, &title, field, format!("{file}:{number}"));
        let mut problem = |message: Message, error: bool| {
            let p = if error {
                Problem::error(file, message)
            } else {
                Problem::warning(file, message)
            };
            batch.problems.push(p.at_row(number).for_code(code));
        };
        match (cell("level"), &options.level) {
            ("", Some(level)) => record.state("level", Yaml::word(level.clone())),
            ("", None) => {
                problem(Message::NoLevel, true);
                continue;
            }
            (value, _) => match level_word(value) {
                Some(level) => record.state("level", Yaml::word(level)),
                None => {
                    problem(
                        Message::UnknownLevel {
                            value: value.to_owned(),
                        },
                        true,
                    );
                    continue;
                }
            },
        }
        let mut date = |key: &'static str| -> Result<Option<Date>, ()> {
            let value = cell(key);
            if value.is_empty() {
                return Ok(None);
            }
            match parse_date(value) {
                Some(d) => Ok(Some(d)),
                None => {
                    problem(
                        Message::BadDate {
                            column: key,
                            value: value.to_owned(),
                        },
                        true,
                    );
                    Err(())
                }
            }
        };
        let (Ok(from), Ok(to)) = (date("effective_from"), date("effective_to")) else {
            continue;
        };
        let today = options.today;
        let by_dates = match (from, to) {
            (_, Some(to)) if to <= today => "repealed",
            (Some(from), _) if from > today => "upcoming",
            _ => "active",
        };
        let status_text = cell("status");
        let status = match status_word(status_text) {
            Some(status) => {
                if status != by_dates && (from.is_some() || to.is_some()) {
                    let date = to.or(from).map(|d| d.vi()).unwrap_or_default();
                    problem(Message::StatusAgainstDates { status, date }, false);
                }
                status
            }
            None if !status_text.is_empty() => {
                problem(
                    Message::UnknownStatus {
                        value: status_text.to_owned(),
                        chosen: by_dates,
                    },
                    false,
                );
                by_dates
            }
            None => {
                if from.is_none() && to.is_none() {
                    problem(Message::StatusAssumed, false);
                }
                by_dates
            }
        };
        // An `upcoming` record needs its date; without one the list's word is all there is.
        let status = if status == "upcoming" && from.is_none() {
            "active"
        } else {
            status
        };
        record.state("status", Yaml::word(status));
        if let Some(from) = from {
            record.state("effective_from", Yaml::word(from.iso()));
        }
        if let Some(to) = to {
            record.state("effective_to", Yaml::word(to.iso()));
        }
        let decisions: Vec<Yaml> = cell("decisions")
            .split([';', ',', '\n', '|'])
            .map(str::trim)
            .filter(|d| !d.is_empty())
            .map(|d| Yaml::map([("number", Yaml::str(d))]))
            .collect();
        if !decisions.is_empty() {
            record.state("announcements", Yaml::Seq(decisions));
        }
        for key in crate::model::Procedure::PARTS {
            record.leave(key, unknown(&note, &source_name));
        }
        batch.records.push(record);
    }
    if batch.records.len() == before && !batch.has_errors() {
        batch.problems.push(Problem::error(file, Message::NoRows));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_statuses_and_levels_are_read_as_offices_write_them() {
        assert!(is_procedure_code("1.001193"));
        assert!(is_procedure_code("1.004772.000.00.00.H54"));
        assert!(!is_procedure_code("1.00028"));
        assert!(!is_procedure_code("1.001193 "));
        assert_eq!(
            status_word("repealed_by_official_city_decision"),
            Some("repealed")
        );
        assert_eq!(
            status_word("official_commune_evidence_no_later_repeal_in_snapshot"),
            None
        );
        assert_eq!(status_word("Hết hiệu lực"), Some("repealed"));
        assert_eq!(status_word("Còn hiệu lực"), Some("active"));
        assert_eq!(level_word("Cấp xã"), Some("commune"));
        assert_eq!(level_word("Cấp Tỉnh"), Some("province"));
        assert_eq!(header_key("Mã TTHC"), "matthc");
        assert_eq!(header_key("linhVuc"), "linhvuc");
    }
}
