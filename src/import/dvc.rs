//! The national public-service portal's procedure-detail JSON (`{"code":"OK","data":{…}}`)
//! as a [`Record`].
//!
//! What the portal leaves empty (`fees: []`, `""`, a time in unit `OTHER`, a fee of 0 with no
//! text) becomes an explicit `unknown` naming the portal; fields the record has no place for
//! are reported as not imported.

use serde_json::Value;

use super::yaml::Yaml;
use super::{Batch, FieldRef, Message, Problem, Record, date_of_millis, unknown};

/// The portal's public page of a procedure, named as the source of what it leaves empty.
pub fn portal_url(code: &str) -> String {
    format!(
        "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc={code}"
    )
}

/// Options of a detail import.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The field when the portal names none.
    pub field: Option<String>,
    /// The level when the portal marks none.
    pub level: Option<String>,
}

/// Reads one detail file's text into `batch`.
pub fn read(text: &str, file: &str, options: &Options, batch: &mut Batch) {
    // Records are NFC; normalising the whole text leaves JSON's syntax as it is.
    let value: Value = match serde_json::from_str(&crate::vi::nfc(text)) {
        Ok(value) => value,
        Err(e) => {
            batch.problems.push(Problem::error(
                file,
                Message::NotJson {
                    error: e.to_string(),
                },
            ));
            return;
        }
    };
    let code = value.get("code").and_then(Value::as_str).unwrap_or("");
    if code != "OK" {
        let shown = if code.is_empty() { "(none)" } else { code };
        batch.problems.push(Problem::error(
            file,
            Message::PortalNotOk {
                code: shown.to_owned(),
            },
        ));
        return;
    }
    let Some(data) = value.get("data").filter(|d| d.is_object()) else {
        batch.problems.push(Problem::error(
            file,
            Message::NotJson {
                error: "no `data` object".to_owned(),
            },
        ));
        return;
    };
    let mut detail = Detail {
        data,
        file,
        sha256: hex_sha256(text.as_bytes()),
        problems: Vec::new(),
    };
    if let Some(record) = detail.record(options) {
        batch.records.push(record);
    }
    batch.problems.append(&mut detail.problems);
}

/// The SHA-256 of `bytes` in lowercase hex, as `sha256sum` prints it.
pub fn hex_sha256(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// One detail record being read.
struct Detail<'a> {
    data: &'a Value,
    file: &'a str,
    /// Of the file's bytes, so that an office can tell later which copy it imported.
    sha256: String,
    problems: Vec<Problem>,
}

/// The trimmed text at `key`, when not empty.
fn text<'a>(value: &'a Value, key: &str) -> Option<&'a str> {
    value
        .get(key)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// The items of the array at `key`.
fn items<'a>(value: &'a Value, key: &str) -> &'a [Value] {
    value
        .get(key)
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

/// The names of the objects in the arrays at `keys`, then the text at `text_key`, without
/// repeats.
fn names(value: &Value, keys: &[&str], text_key: Option<&str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for key in keys {
        for item in items(value, key) {
            if let Some(name) = text(item, "name")
                && !out.iter().any(|n| n == name)
            {
                out.push(name.to_owned());
            }
        }
    }
    if let Some(t) = text_key.and_then(|k| text(value, k))
        && !out.iter().any(|n| n == t)
    {
        out.push(t.to_owned());
    }
    out
}

/// A processing time in the portal's units, as text and the record's unit.
fn time_of(qty: Option<f64>, unit: &str) -> Option<(String, f64, &'static str)> {
    let qty = qty?;
    let (words, unit) = match unit {
        "WORKING_DAY" => ("ngày làm việc", "working_days"),
        "DAY" => ("ngày", "days"),
        "HOUR" => ("giờ", "hours"),
        "WORKING_HOUR" => ("giờ làm việc", "hours"),
        _ => return None,
    };
    let number = if qty.fract() == 0.0 {
        format!("{qty:02}")
    } else {
        qty.to_string().replace('.', ",")
    };
    Some((format!("{number} {words}"), qty, unit))
}

impl Detail<'_> {
    fn warn(&mut self, code: &str, message: Message) {
        self.problems
            .push(Problem::warning(self.file, message).for_code(code));
    }

    fn record(&mut self, options: &Options) -> Option<Record> {
        let data = self.data;
        let Some(code) = text(data, "code").or_else(|| text(data, "codeNotation")) else {
            self.problems.push(Problem::error(
                self.file,
                Message::MissingValue { key: "code" },
            ));
            return None;
        };
        let code = code.to_owned();
        let Some(title) = text(data, "name") else {
            self.problems.push(
                Problem::error(self.file, Message::MissingValue { key: "name" }).for_code(&code),
            );
            return None;
        };
        let field = match (
            items(data, "categoriesDetails")
                .iter()
                .find_map(|c| text(c, "name")),
            &options.field,
        ) {
            (Some(name), _) => FieldRef::Name(name.to_owned()),
            (None, Some(id)) => FieldRef::Id(id.clone()),
            (None, None) => {
                self.problems
                    .push(Problem::error(self.file, Message::NoField).for_code(&code));
                return None;
            }
        };
        let level = match (self.level(&code), &options.level) {
            (Some(level), _) => level.to_owned(),
            (None, Some(level)) => level.clone(),
            (None, None) => {
                self.problems
                    .push(Problem::error(self.file, Message::NoLevel).for_code(&code));
                return None;
            }
        };
        let source = portal_url(&code);
        let updated = data
            .get("updatedAt")
            .and_then(Value::as_i64)
            .map(|ms| date_of_millis(ms).vi());
        let not_said = |what: &str| match &updated {
            Some(date) => {
                format!("Cổng Dịch vụ công quốc gia (cập nhật ngày {date}) chưa ghi {what}.")
            }
            None => format!("Cổng Dịch vụ công quốc gia chưa ghi {what}."),
        };
        let mut record = Record::new(&code, title, field, self.file.to_owned());
        record.state("level", Yaml::word(level));
        record.state("status", Yaml::word(self.status(&code)));

        let full = data.get("isFullProcess").and_then(Value::as_bool) == Some(true);
        let offline = data.get("isOfflineOnly").and_then(Value::as_bool) == Some(true);
        if full {
            record.state("online_level", Yaml::word("full"));
        } else if offline {
            record.state("online_level", Yaml::word("none"));
        } else {
            record.leave(
                "online_level",
                unknown(
                    &not_said("mức dịch vụ công trực tuyến (một phần hay không trực tuyến)"),
                    &source,
                ),
            );
        }

        let applicants = names(data, &["subjectTypesDetails"], None);
        self.part(&mut record, "applicants", list(applicants), || {
            unknown(&not_said("đối tượng thực hiện"), &source)
        });

        self.agencies(&mut record, &not_said, &source);

        let steps: Vec<Yaml> = items(data, "executionSteps")
            .iter()
            .filter_map(|s| {
                let body = text(s, "description")?;
                Some(match text(s, "name") {
                    Some(name) => {
                        Yaml::map([("title", Yaml::str(name)), ("text", Yaml::str(body))])
                    }
                    None => Yaml::str(body),
                })
            })
            .collect();
        let step_text: String = items(data, "executionSteps")
            .iter()
            .filter_map(|s| text(s, "description"))
            .collect::<Vec<_>>()
            .join("\n");
        self.part(&mut record, "steps", steps, || {
            unknown(&not_said("trình tự thực hiện"), &source)
        });

        let fees = self.fees(&code);
        self.channels(&mut record, &fees, &not_said, &source);
        self.processing_time(&mut record, &step_text, &not_said, &source);
        self.documents(&mut record, &not_said, &source);
        record.leave(
            "forms",
            unknown(&not_said("mẫu đơn, tờ khai kèm tệp tải về"), &source),
        );
        match fees {
            Some(fees) if !fees.is_empty() => record.state(
                "fees",
                Yaml::Seq(fees.into_iter().map(|f| f.yaml).collect()),
            ),
            _ => record.leave("fees", unknown(&not_said("mức phí, lệ phí"), &source)),
        }

        let results = names(data, &["resultsDetails"], None);
        self.part(&mut record, "results", list(results), || {
            unknown(&not_said("kết quả thực hiện"), &source)
        });
        match text(data, "requirementsAndConditions") {
            Some(conditions) => record.state("conditions", Yaml::Seq(vec![Yaml::str(conditions)])),
            None => record.leave(
                "conditions",
                unknown(&not_said("yêu cầu, điều kiện thực hiện"), &source),
            ),
        }

        let mut legal = Vec::new();
        for item in items(data, "legalBasisesDetails") {
            match (text(item, "code"), text(item, "name")) {
                (Some(number), Some(name)) => legal.push(Yaml::map([
                    ("number", Yaml::str(number)),
                    ("title", Yaml::str(name)),
                ])),
                (Some(number), None) => legal.push(Yaml::map([
                    ("number", Yaml::str(number)),
                    ("title", Yaml::str(number)),
                ])),
                (None, Some(name)) => self.warn(
                    &code,
                    Message::LegalRefWithoutNumber {
                        title: name.to_owned(),
                    },
                ),
                (None, None) => {}
            }
        }
        self.part(&mut record, "legal_basis", legal, || {
            unknown(&not_said("căn cứ pháp lý"), &source)
        });

        if let Some(announcement) = self.announcement() {
            record.state("announcements", Yaml::Seq(vec![announcement]));
        }
        if let Some(keywords) = text(data, "keywords") {
            let words: Vec<Yaml> = keywords
                .split([',', ';'])
                .map(str::trim)
                .filter(|w| !w.is_empty())
                .map(Yaml::str)
                .collect();
            record.state("keywords", Yaml::Seq(words));
        }
        // Only a stated `true` says something; `false` is also what an unfilled form holds.
        if data.get("isNonTerritorial").and_then(Value::as_bool) == Some(true) {
            record.state("non_territorial", Yaml::Bool(true));
        }
        if let Some(id) = text(data, "id") {
            record.state("portal_id", Yaml::str(id));
        }
        record.state(
            "sources",
            Yaml::Seq(vec![Yaml::map([
                ("title", Yaml::str("Cổng Dịch vụ công quốc gia")),
                ("url", Yaml::str(&source)),
                ("sha256", Yaml::str(&self.sha256)),
            ])]),
        );
        for (key, present) in [
            ("description", text(data, "description").is_some()),
            ("note", text(data, "note").is_some()),
        ] {
            if present {
                self.warn(
                    &code,
                    Message::NotImported {
                        key: key.to_owned(),
                    },
                );
            }
        }
        Some(record)
    }

    /// States `key` as `value` when it has items, else leaves it as `missing()`.
    fn part(
        &self,
        record: &mut Record,
        key: &'static str,
        value: Vec<Yaml>,
        missing: impl FnOnce() -> Yaml,
    ) {
        if value.is_empty() {
            record.leave(key, missing());
        } else {
            record.state(key, Yaml::Seq(value));
        }
    }

    fn level(&mut self, code: &str) -> Option<&'static str> {
        let flags = [
            ("isWard", "commune"),
            ("isProvince", "province"),
            ("isMinistry", "central"),
            ("isOtherAgency", "other"),
        ];
        let marked: Vec<&'static str> = flags
            .iter()
            .filter(|(key, _)| self.data.get(*key).and_then(Value::as_bool) == Some(true))
            .map(|(_, level)| *level)
            .collect();
        let chosen = *marked.first()?;
        if marked.len() > 1 {
            self.warn(
                code,
                Message::SeveralLevels {
                    levels: marked.clone(),
                    chosen,
                },
            );
        }
        Some(chosen)
    }

    fn status(&mut self, code: &str) -> &'static str {
        let state = text(self.data, "state").unwrap_or("");
        match state {
            "" | "NEW" | "UPDATED" | "PUBLISHED" | "APPROVED" | "ACTIVE" => "active",
            s if s.contains("ABOLISH") || s.contains("REPEAL") || s.contains("CANCEL") => {
                "repealed"
            }
            s if s.contains("SUSPEND") => "suspended",
            s => {
                self.warn(
                    code,
                    Message::UnknownState {
                        state: s.to_owned(),
                    },
                );
                "active"
            }
        }
    }

    fn agencies(&mut self, record: &mut Record, not_said: &dyn Fn(&str) -> String, source: &str) {
        let data = self.data;
        let join = |v: Vec<String>| (!v.is_empty()).then(|| v.join("; "));
        let competent = join(names(
            data,
            &["departmentsAuthority", "unitGroupsAuthority"],
            None,
        ));
        let implementing = names(
            data,
            &["departmentsExecuting", "unitGroupsExecuting"],
            Some("executingAgencies"),
        );
        let implementing = (!implementing.is_empty()).then_some(implementing);
        let delegated = join(names(
            data,
            &["departmentsAuthorized", "unitGroupsAuthorized"],
            Some("authorizedAgencies"),
        ))
        .or_else(|| text(data, "delegatedAgencies").map(str::to_owned));
        let coordinating = join(names(
            data,
            &["departmentsCoordinating", "unitGroupsCoordinating"],
            Some("coordinatingAgencies"),
        ));
        match (competent, implementing) {
            (competent, Some(implementing)) => {
                let mut pairs = Vec::new();
                if let Some(c) = competent {
                    pairs.push(("competent".to_owned(), Yaml::str(c)));
                }
                let implementing = match implementing.len() {
                    1 => Yaml::str(implementing.into_iter().next().unwrap_or_default()),
                    _ => Yaml::Seq(implementing.into_iter().map(Yaml::str).collect()),
                };
                pairs.push(("implementing".to_owned(), implementing));
                if let Some(d) = delegated {
                    pairs.push(("delegated".to_owned(), Yaml::str(d)));
                }
                if let Some(c) = coordinating {
                    pairs.push(("coordinating".to_owned(), Yaml::str(c)));
                }
                record.state("agencies", Yaml::Map(pairs));
            }
            (competent, None) => {
                // The record needs the implementing body; what the portal does name is kept in
                // the note.
                let mut known = Vec::new();
                if let Some(c) = competent {
                    known.push(format!("Cơ quan có thẩm quyền: {c}."));
                }
                if let Some(d) = delegated {
                    known.push(format!("Cơ quan được ủy quyền: {d}."));
                }
                if let Some(c) = coordinating {
                    known.push(format!("Cơ quan phối hợp: {c}."));
                }
                known.push(not_said("cơ quan thực hiện"));
                record.leave("agencies", unknown(&known.join(" "), source));
            }
        }
    }

    /// The record's fees from the portal's `fees` and the channels' fees, without repeats;
    /// none when one of them cannot be read faithfully.
    fn fees(&mut self, code: &str) -> Option<Vec<FeeOut>> {
        let mut out: Vec<FeeOut> = Vec::new();
        let mut entries: Vec<(&Value, Option<&str>)> =
            items(self.data, "fees").iter().map(|f| (f, None)).collect();
        for method in items(self.data, "executionMethods") {
            let channel = text(method, "submissionMethod").unwrap_or("");
            for fee in items(method, "fees") {
                entries.push((fee, Some(channel)));
            }
        }
        let mut unclear = None;
        for (fee, channel) in entries {
            let description = text(fee, "description");
            let value = fee.get("value").and_then(Value::as_f64);
            if description.is_none() && value.is_none_or(|v| v == 0.0) {
                self.warn(
                    code,
                    Message::ZeroFeeWithoutText {
                        channel: channel.unwrap_or("-").to_owned(),
                    },
                );
                continue;
            }
            let currency = match text(fee, "currencyId") {
                None => "VND",
                Some(c) if crate::model::Currency::parse(c).is_some() => c,
                Some(c) => {
                    unclear = Some(format!("currency `{c}`"));
                    continue;
                }
            };
            let kind = match text(fee, "type").unwrap_or("") {
                "SERVICE_FEE" | "FEE" => "phi",
                "CHARGE" | "ADMINISTRATIVE_FEE" | "LE_PHI" => "le_phi",
                t => {
                    unclear = Some(format!("type `{t}`"));
                    continue;
                }
            };
            let amount = match value {
                Some(v) if v >= 0.0 && v.fract() == 0.0 && v < 1e15 => Some(v as i64),
                None => None,
                Some(v) => {
                    unclear = Some(format!("amount {v}"));
                    continue;
                }
            };
            let text_of = match (description, amount) {
                (Some(d), _) => d.to_owned(),
                (None, Some(a)) if currency == "VND" => {
                    format!("{} đồng", crate::vi::format_number(a as u64))
                }
                (None, Some(a)) => format!("{} {currency}", crate::vi::format_number(a as u64)),
                (None, None) => continue,
            };
            let key = (kind, amount, currency.to_owned(), text_of.clone());
            let index = match out.iter().position(|f| f.key == key) {
                Some(i) => i,
                None => {
                    let base = if kind == "phi" { "phi" } else { "le-phi" };
                    let n = out.iter().filter(|f| f.key.0 == kind).count();
                    let id = if n == 0 {
                        base.to_owned()
                    } else {
                        format!("{base}-{}", n + 1)
                    };
                    let mut pairs = vec![
                        ("id".to_owned(), Yaml::str(id.clone())),
                        ("kind".to_owned(), Yaml::word(kind)),
                        ("text".to_owned(), Yaml::str(text_of)),
                    ];
                    if let Some(a) = amount {
                        pairs.push(("amount".to_owned(), Yaml::Int(a)));
                    }
                    if currency != "VND" {
                        pairs.push(("currency".to_owned(), Yaml::word(currency)));
                    }
                    out.push(FeeOut {
                        id,
                        key,
                        channels: Vec::new(),
                        yaml: Yaml::Map(pairs),
                    });
                    out.len() - 1
                }
            };
            if let Some(channel) = channel {
                out[index].channels.push(channel.to_owned());
            }
        }
        if let Some(reason) = unclear {
            self.warn(code, Message::FeeUnclear { reason });
            return None;
        }
        Some(out)
    }

    fn channels(
        &mut self,
        record: &mut Record,
        fees: &Option<Vec<FeeOut>>,
        not_said: &dyn Fn(&str) -> String,
        source: &str,
    ) {
        let address = text(self.data, "dossierReceivingAddresses");
        let mut channels = Vec::new();
        for method in items(self.data, "executionMethods") {
            let kind = match text(method, "submissionMethod") {
                Some("DIRECT") => "in_person",
                Some("ONLINE") => "online",
                Some("POSTAL") => "postal",
                Some(other) => {
                    self.warn(
                        &record.code,
                        Message::NotImported {
                            key: format!("executionMethods: {other}"),
                        },
                    );
                    continue;
                }
                None => continue,
            };
            let mut pairs = vec![
                ("type".to_owned(), Yaml::word(kind)),
                ("available".to_owned(), Yaml::Bool(true)),
            ];
            if kind == "in_person"
                && let Some(address) = address
            {
                pairs.push(("where".to_owned(), Yaml::str(address)));
            }
            let unit = text(method, "processingTimeUnit").unwrap_or("");
            let qty = method.get("processingTime").and_then(Value::as_f64);
            match time_of(qty, unit) {
                Some((time, _, _)) => pairs.push(("processing_time".to_owned(), Yaml::str(time))),
                None if qty.is_some() && !unit.is_empty() => self.warn(
                    &record.code,
                    Message::UnknownTimeUnit {
                        unit: unit.to_owned(),
                    },
                ),
                None => {}
            }
            let channel = text(method, "submissionMethod").unwrap_or("");
            let ids: Vec<Yaml> = fees
                .iter()
                .flatten()
                .filter(|f| f.channels.iter().any(|c| c == channel))
                .map(|f| Yaml::str(f.id.clone()))
                .collect();
            if !ids.is_empty() {
                pairs.push(("fees".to_owned(), Yaml::Seq(ids)));
            }
            if let Some(note) = text(method, "description") {
                pairs.push(("note".to_owned(), Yaml::str(note)));
            }
            channels.push(Yaml::Map(pairs));
        }
        self.part(record, "channels", channels, || {
            unknown(&not_said("cách thức thực hiện"), source)
        });
    }

    fn processing_time(
        &mut self,
        record: &mut Record,
        step_text: &str,
        not_said: &dyn Fn(&str) -> String,
        source: &str,
    ) {
        let code = record.code.clone();
        let mut case_times: Vec<(String, f64, &'static str)> = Vec::new();
        for case in items(self.data, "cases") {
            let Some(day) = case.get("processingDay") else {
                continue;
            };
            let qty = day.get("qty").and_then(Value::as_f64);
            let unit = text(day, "type").unwrap_or("");
            match time_of(qty, unit) {
                Some(t) if !case_times.iter().any(|c| c.0 == t.0) => case_times.push(t),
                Some(_) => {}
                None if qty.is_some() => self.warn(
                    &code,
                    Message::UnknownTimeUnit {
                        unit: unit.to_owned(),
                    },
                ),
                None => {}
            }
        }
        let mut channel_times: Vec<String> = Vec::new();
        let mut channel_raw: Vec<String> = Vec::new();
        for method in items(self.data, "executionMethods") {
            let unit = text(method, "processingTimeUnit").unwrap_or("");
            let qty = method.get("processingTime").and_then(Value::as_f64);
            if let Some((t, _, _)) = time_of(qty, unit) {
                if !channel_times.contains(&t) {
                    channel_times.push(t);
                }
            } else if let Some(q) = qty {
                let raw = format!("{q} {unit}");
                if !channel_raw.contains(&raw) {
                    channel_raw.push(raw);
                }
            }
        }
        let structured: Vec<(String, f64, &'static str)> = if case_times.is_empty() {
            items(self.data, "executionMethods")
                .iter()
                .filter_map(|m| {
                    time_of(
                        m.get("processingTime").and_then(Value::as_f64),
                        text(m, "processingTimeUnit").unwrap_or(""),
                    )
                })
                .fold(Vec::new(), |mut v, t| {
                    if !v.iter().any(|x: &(String, f64, &str)| x.0 == t.0) {
                        v.push(t);
                    }
                    v
                })
        } else {
            let cases: Vec<&str> = case_times.iter().map(|t| t.0.as_str()).collect();
            let channels_differ = channel_times.iter().any(|t| !cases.contains(&t.as_str()))
                || !channel_raw.is_empty();
            if channels_differ {
                let mut all = channel_times.clone();
                all.extend(channel_raw.iter().cloned());
                self.warn(
                    &code,
                    Message::ChannelTimeConflict {
                        channels: all.join(", "),
                        cases: cases.join(", "),
                    },
                );
            }
            case_times
        };
        match structured.as_slice() {
            [] => record.leave(
                "processing_time",
                unknown(&not_said("thời hạn giải quyết"), source),
            ),
            [(time, value, unit)] => {
                let in_text = times_in(step_text);
                let others: Vec<String> = in_text
                    .into_iter()
                    .filter(|t| !same_time(t, time))
                    .collect();
                if !others.is_empty() {
                    self.warn(
                        &code,
                        Message::TimeConflict {
                            structured: time.clone(),
                            in_text: others,
                        },
                    );
                }
                record.state(
                    "processing_time",
                    Yaml::map([
                        ("text", Yaml::str(time.clone())),
                        ("value", Yaml::Float(*value)),
                        ("unit", Yaml::word(*unit)),
                    ]),
                );
            }
            several => {
                // Several times (by case): the text says each; no single value is claimed.
                let names: Vec<String> = items(self.data, "cases")
                    .iter()
                    .filter_map(|c| {
                        let day = c.get("processingDay")?;
                        let (t, _, _) = time_of(
                            day.get("qty").and_then(Value::as_f64),
                            text(day, "type").unwrap_or(""),
                        )?;
                        let name = text(c, "name").unwrap_or("");
                        let case_code = text(c, "code").unwrap_or("");
                        Some(format!("{name} ({case_code}): {t}"))
                    })
                    .collect();
                let text_all = if names.is_empty() {
                    several
                        .iter()
                        .map(|t| t.0.clone())
                        .collect::<Vec<_>>()
                        .join("; ")
                } else {
                    names.join("; ")
                };
                let unit = several[0].2;
                if several.iter().all(|t| t.2 == unit) {
                    record.state(
                        "processing_time",
                        Yaml::map([("text", Yaml::str(text_all)), ("unit", Yaml::word(unit))]),
                    );
                } else {
                    // Times in different units: the record's one unit would be wrong for some.
                    let note = format!("{text_all}. {}", not_said("một thời hạn chung"));
                    record.leave("processing_time", unknown(&note, source));
                }
            }
        }
    }

    fn documents(&mut self, record: &mut Record, not_said: &dyn Fn(&str) -> String, source: &str) {
        let mut groups = Vec::new();
        let mut notes: Vec<(Option<String>, String)> = Vec::new();
        let mut cases: Vec<(Option<String>, &[Value])> = items(self.data, "executionCases")
            .iter()
            .map(|c| {
                (
                    text(c, "name").map(str::to_owned),
                    items(c, "profileComponents"),
                )
            })
            .collect();
        cases.push((None, items(self.data, "profileComponents")));
        for case in items(self.data, "cases") {
            let name = match (text(case, "name"), text(case, "code")) {
                (Some(n), Some(c)) => Some(format!("{n} ({c})")),
                (n, c) => n.or(c).map(str::to_owned),
            };
            cases.push((name, items(case, "profileComponents")));
        }
        for (name, components) in cases {
            if components.is_empty() {
                continue;
            }
            let folded = name.as_deref().map(crate::vi::fold).unwrap_or_default();
            if folded.contains("luu y") {
                // Notes, not documents: a checklist row would tell people to bring them. They
                // become a group's note, one line each.
                let lines: Vec<&str> = components.iter().filter_map(|c| text(c, "name")).collect();
                if !lines.is_empty() {
                    notes.push((name, lines.join("\n")));
                }
                continue;
            }
            let mode = if folded.contains("xuat trinh") {
                "present"
            } else {
                "submit"
            };
            let mut docs = Vec::new();
            for component in components {
                let Some(doc_name) = text(component, "name") else {
                    continue;
                };
                let mut pairs = vec![("name".to_owned(), Yaml::str(doc_name))];
                let originals = component.get("originalQty").and_then(Value::as_u64);
                let copies = component.get("copyQty").and_then(Value::as_u64);
                // 0 and 0 is what the portal writes when it gives no count.
                if originals.unwrap_or(0) + copies.unwrap_or(0) > 0 {
                    for (key, n) in [("originals", originals), ("copies", copies)] {
                        if let Some(n) = n.and_then(|n| i64::try_from(n).ok()) {
                            pairs.push((key.to_owned(), Yaml::Int(n)));
                        }
                    }
                }
                docs.push(Yaml::Map(pairs));
            }
            if docs.is_empty() {
                continue;
            }
            let case = match name {
                Some(n) => Yaml::str(n),
                None => Yaml::Null,
            };
            groups.push(Yaml::map([
                ("case", case),
                ("mode", Yaml::word(mode)),
                ("items", Yaml::Seq(docs)),
            ]));
        }
        if groups.is_empty() {
            // Notes alone do not state the dossier: it stays unknown, and they are reported.
            for (name, _) in notes {
                self.warn(
                    &record.code,
                    Message::NotImported {
                        key: format!("executionCases: {}", name.unwrap_or_default()),
                    },
                );
            }
        } else {
            for (_, note) in notes {
                groups.push(Yaml::map([
                    ("items", Yaml::Seq(Vec::new())),
                    ("note", Yaml::str(note)),
                ]));
            }
        }
        self.part(record, "documents", groups, || {
            unknown(&not_said("thành phần hồ sơ"), source)
        });
    }

    fn announcement(&self) -> Option<Yaml> {
        let proposal = self.data.get("procedureProposal");
        let number = text(self.data, "decisionNo")
            .or_else(|| proposal.and_then(|p| text(p, "decisionNumber")))?;
        let mut pairs = vec![("number".to_owned(), Yaml::str(number))];
        if let Some(ms) = proposal
            .and_then(|p| p.get("decisionDate"))
            .and_then(Value::as_i64)
        {
            pairs.push(("date".to_owned(), Yaml::word(date_of_millis(ms).iso())));
        }
        Some(Yaml::Map(pairs))
    }
}

/// A fee made from the portal, with the channels it applies on.
struct FeeOut {
    id: String,
    key: (&'static str, Option<i64>, String, String),
    channels: Vec<String>,
    yaml: Yaml,
}

fn list(names: Vec<String>) -> Vec<Yaml> {
    names.into_iter().map(Yaml::str).collect()
}

/// The times a text names ("03 ngày làm việc", "07 ngày", "một ngày"), as written, without
/// clock times ("sau 15 giờ").
pub fn times_in(text: &str) -> Vec<String> {
    const NUMBERS: [&str; 10] = [
        "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười",
    ];
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out: Vec<String> = Vec::new();
    for (i, word) in words.iter().enumerate() {
        let number = word.trim_start_matches('(');
        let is_number = number.chars().all(|c| c.is_ascii_digit()) && !number.is_empty()
            || NUMBERS.contains(&number.to_lowercase().as_str());
        if !is_number || i > 0 && words[i - 1].eq_ignore_ascii_case("sau") {
            continue;
        }
        let rest = |n: usize| -> String {
            words[i + 1..]
                .iter()
                .take(n)
                .map(|w| w.trim_end_matches([',', '.', ';', ')', ':']))
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        };
        let unit = if rest(3) == "ngày làm việc" {
            "ngày làm việc"
        } else if rest(1) == "ngày" {
            "ngày"
        } else if rest(1) == "giờ" {
            "giờ"
        } else {
            continue;
        };
        let found = format!("{number} {unit}");
        if !out.contains(&found) {
            out.push(found);
        }
    }
    out
}

/// Whether a time found in a text is the structured time ("1 ngày làm việc" and "01 ngày làm
/// việc", "một ngày làm việc").
fn same_time(found: &str, structured: &str) -> bool {
    let norm = |s: &str| {
        let mut parts = s.splitn(2, ' ');
        let n = parts.next().unwrap_or("");
        let n = match n.to_lowercase().as_str() {
            "một" => "1".to_owned(),
            "hai" => "2".to_owned(),
            "ba" => "3".to_owned(),
            other => other.trim_start_matches('0').to_owned(),
        };
        format!("{n} {}", parts.next().unwrap_or(""))
    };
    norm(found) == norm(structured)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_in_a_step_text_leave_out_clock_times() {
        let text = "nếu tiếp nhận hồ sơ sau 15 giờ thì ...; trong thời hạn 03 ngày làm việc, niêm yết 07 ngày liên tục (tối đa một ngày).";
        assert_eq!(times_in(text), ["03 ngày làm việc", "07 ngày", "một ngày"]);
        assert!(same_time("01 ngày làm việc", "1 ngày làm việc"));
        assert!(!same_time("một ngày", "01 ngày làm việc"));
    }
}
