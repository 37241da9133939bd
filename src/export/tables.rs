//! The open data as spreadsheets: CSV files (UTF-8 with a byte-order mark, so that Excel reads
//! Vietnamese right) of the procedures and, one row each, of their fees, documents and legal
//! bases, written with the `csv` crate.
//!
//! Headers and the words of values (levels, statuses, "Chưa công bố …") come from the theme's
//! labels, like every word on the site; amounts and dates are as the pages write them. A part
//! the record states as unknown or not published is one row saying so, never an empty file
//! section that would read as "none".

use serde_json::Value;

use crate::model::Catalogue;
use crate::model::part::{Missing, Part};
use crate::view::{self, Card, Words};

/// The UTF-8 byte-order mark.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// A CSV file: its name under `du-lieu/`, its key in the theme's `data.files` labels, and its
/// bytes.
pub struct Table {
    /// "thu-tuc.csv".
    pub name: &'static str,
    /// "procedures".
    pub what: &'static str,
    /// The file.
    pub bytes: Vec<u8>,
}

/// The four tables of the catalogue.
pub fn tables(catalogue: &Catalogue, cards: &[Card], labels: &Value) -> Vec<Table> {
    let words = Words::new(labels);
    let t = |path: &str| -> String {
        labels
            .pointer(path)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    let column = |key: &str| t(&format!("/data/columns/{key}"));
    let base = catalogue
        .site
        .base_url
        .as_ref()
        .map(|u| u.value.as_str())
        .filter(|u| crate::links::is_site_address(u))
        .map(|u| format!("{}/", u.trim_end_matches('/')));
    let missing = |m: &Missing, part: &str| -> String {
        let mut text = words.missing(m.status, part).to_owned();
        if let Some(note) = &m.note {
            text.push_str(" (");
            text.push_str(note);
            text.push(')');
        }
        text
    };

    let mut procedures = Sheet::new(
        [
            "code",
            "title",
            "field",
            "level",
            "online_level",
            "status",
            "processing_time",
            "fees",
            "agency",
            "effective_from",
            "effective_to",
            "updated",
            "url",
        ]
        .map(column),
    );
    for (entry, card) in catalogue.procedures.iter().zip(cards) {
        let p = &entry.procedure;
        procedures.row([
            card.code.clone(),
            card.title.clone(),
            card.field_name.clone(),
            t(&format!("/level/{}", card.level)),
            t(&format!("/online_level/{}", card.online_level)),
            t(&format!("/status/{}", card.status)),
            card.processing_time.clone(),
            card.fee_summary.clone(),
            match &p.agencies {
                // Every implementing agency: a CSV cell that named only the first would say
                // the others do not carry it out.
                Part::Known(a) => a.implementing.joined("; "),
                Part::Missing(m) => missing(m, "agencies"),
            },
            p.effective_from
                .as_ref()
                .map(|d| d.value.vi())
                .unwrap_or_default(),
            p.effective_to
                .as_ref()
                .map(|d| d.value.vi())
                .unwrap_or_default(),
            entry.updated.map(|d| d.vi()).unwrap_or_default(),
            format!("{}{}", base.as_deref().unwrap_or_default(), card.url),
        ]);
    }

    let mut fees = Sheet::new(
        [
            "code",
            "procedure",
            "kind",
            "amount",
            "text",
            "tiers",
            "set_by",
            "exemptions",
        ]
        .map(column),
    );
    let mut documents = Sheet::new(
        [
            "code",
            "procedure",
            "case",
            "mode",
            "document",
            "originals",
            "copies",
            "note",
        ]
        .map(column),
    );
    let mut laws = Sheet::new(
        [
            "code",
            "procedure",
            "number",
            "law_title",
            "date",
            "issuer",
            "law_url",
        ]
        .map(column),
    );
    for entry in &catalogue.procedures {
        let p = &entry.procedure;
        let (code, title) = (entry.code().to_owned(), entry.title().to_owned());
        let head = |rest: Vec<String>| [code.clone(), title.clone()].into_iter().chain(rest);
        match &p.fees {
            Part::Missing(m) => fees.row(head(vec![
                String::new(),
                String::new(),
                missing(m, "fees"),
                String::new(),
                String::new(),
                String::new(),
            ])),
            Part::Known(list) if list.is_empty() => fees.row(head(vec![
                String::new(),
                words.money(0),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
            ])),
            Part::Known(list) => {
                for fee in list {
                    fees.row(head(vec![
                        t(&format!("/fee_kind/{}", view::fee_kind(fee.kind))),
                        view::fee_amount_text(fee, &words).unwrap_or_default(),
                        fee.text.to_string(),
                        fee.tiers
                            .iter()
                            .map(|tier| {
                                format!(
                                    "{}: {}",
                                    tier.condition,
                                    words.money_in_with_unit(
                                        tier.amount,
                                        fee.currency,
                                        tier.unit.as_deref()
                                    )
                                )
                            })
                            .collect::<Vec<_>>()
                            .join("; "),
                        fee.set_by
                            .as_ref()
                            .map(|l| format!("{} {}", l.number, l.title))
                            .unwrap_or_default(),
                        fee.exemptions
                            .iter()
                            .map(|e| e.to_string())
                            .collect::<Vec<_>>()
                            .join("; "),
                    ]));
                }
            }
        }
        match &p.documents {
            Part::Missing(m) => documents.row(head(vec![
                String::new(),
                String::new(),
                missing(m, "documents"),
                String::new(),
                String::new(),
                String::new(),
            ])),
            Part::Known(groups) => {
                for group in &groups.0 {
                    for d in &group.items {
                        documents.row(head(vec![
                            group
                                .case
                                .as_ref()
                                .map(|c| c.to_string())
                                .unwrap_or_default(),
                            t(&format!("/mode/{}", view::document_mode(group.mode))),
                            d.name.to_string(),
                            d.originals.map(|n| n.to_string()).unwrap_or_default(),
                            d.copies.map(|n| n.to_string()).unwrap_or_default(),
                            d.note.as_ref().map(|n| n.to_string()).unwrap_or_default(),
                        ]));
                    }
                }
            }
        }
        match &p.legal_basis {
            Part::Missing(m) => laws.row(head(vec![
                String::new(),
                missing(m, "legal_basis"),
                String::new(),
                String::new(),
                String::new(),
            ])),
            Part::Known(list) => {
                for law in list {
                    laws.row(head(vec![
                        law.number.to_string(),
                        law.title.to_string(),
                        law.date.map(|d| d.vi()).unwrap_or_default(),
                        law.issuer
                            .as_ref()
                            .map(|i| i.to_string())
                            .unwrap_or_default(),
                        view::published_url(law.url.as_ref())
                            .unwrap_or_default()
                            .to_owned(),
                    ]));
                }
            }
        }
    }
    vec![
        Table {
            name: "thu-tuc.csv",
            what: "procedures",
            bytes: procedures.finish(),
        },
        Table {
            name: "phi-le-phi.csv",
            what: "fees",
            bytes: fees.finish(),
        },
        Table {
            name: "giay-to.csv",
            what: "documents",
            bytes: documents.finish(),
        },
        Table {
            name: "can-cu-phap-ly.csv",
            what: "legal_basis",
            bytes: laws.finish(),
        },
    ]
}

/// A CSV file being written.
struct Sheet(csv::Writer<Vec<u8>>);

impl Sheet {
    fn new<const N: usize>(header: [String; N]) -> Sheet {
        let mut sheet = Sheet(
            csv::WriterBuilder::new()
                .terminator(csv::Terminator::CRLF)
                .from_writer(BOM.to_vec()),
        );
        sheet.row(header);
        sheet
    }

    fn row(&mut self, row: impl IntoIterator<Item = String>) {
        // Writing into memory cannot fail.
        let _ = self.0.write_record(row);
    }

    fn finish(self) -> Vec<u8> {
        self.0.into_inner().unwrap_or_default()
    }
}
