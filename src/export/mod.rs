//! The open data of `/du-lieu/`: the catalogue as one JSON file with a versioned JSON Schema,
//! as CSV tables for spreadsheets ([`tables`]) and as linked data in the EU's CPSV-AP
//! vocabulary ([`cpsv`]), made from the typed catalogue (not by scraping pages).
//!
//! The JSON holds each listed and repealed procedure as its record says it, with its page's URL
//! and the date of its last change: a part the record states as unknown or not published stays
//! so, and a part the record leaves out is left out, never written as empty or zero. The
//! schema is generated from the same types ([`schema`]), so the file and its schema cannot
//! disagree. Part of the index step (`pipeline::index_site`), so `build` and `serve` publish
//! the same data.

mod cpsv;
mod tables;

use std::borrow::Cow;

use schemars::JsonSchema;
use serde::Serialize;
use serde_saphyr::Spanned;

use crate::model::config::{Agency, License};
use crate::model::{Catalogue, Procedure, Text};
use crate::route;
use crate::vi::Date;

/// The version of the JSON format, in the schema's file name. It changes when a key is
/// renamed or removed or changes meaning; added keys keep it.
pub const FORMAT_VERSION: u32 = 1;

/// `du-lieu/thu-tuc.json`.
pub fn json_path() -> String {
    format!("{}/thu-tuc.json", route::DATA)
}

/// `du-lieu/schema/thu-tuc-v1.schema.json`.
pub fn schema_path() -> String {
    format!(
        "{}/schema/thu-tuc-v{FORMAT_VERSION}.schema.json",
        route::DATA
    )
}

/// The whole catalogue, as `thu-tuc.json` holds it.
#[derive(Serialize, JsonSchema)]
#[schemars(
    title = "Danh mục thủ tục hành chính",
    description = "Toàn bộ danh mục thủ tục hành chính do một cơ quan công bố, như các tệp hồ sơ thủ tục ghi. Phần nào hồ sơ ghi là chưa rõ hoặc chưa công bố thì giữ nguyên như vậy; phần nào hồ sơ không ghi thì không có."
)]
struct Document<'a> {
    /// The format and where its schema is.
    #[schemars(
        title = "Định dạng",
        description = "Tên, phiên bản định dạng và đường dẫn (tương đối) tới lược đồ JSON."
    )]
    format: Format,
    /// The congkhai that wrote it.
    #[schemars(
        title = "Phần mềm tạo",
        description = "Tên và phiên bản phần mềm đã tạo tệp."
    )]
    generator: String,
    /// The date the data is current to (`--now`, or the last commit's), when known.
    #[schemars(
        title = "Ngày dữ liệu",
        description = "Dữ liệu cập nhật đến ngày này (năm-tháng-ngày); không có khi không rõ."
    )]
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<Date>,
    /// The site's title.
    #[schemars(title = "Tên trang", description = "Tên trang thông tin thủ tục.")]
    title: String,
    /// Where the site is published, when site.yaml says.
    #[schemars(
        title = "Địa chỉ trang",
        description = "Địa chỉ trang thông tin; các đường dẫn \"url\" của thủ tục là tương đối với địa chỉ này."
    )]
    #[serde(skip_serializing_if = "Option::is_none")]
    base_url: Option<String>,
    /// The publishing body.
    #[schemars(title = "Cơ quan công bố", description = "Cơ quan công bố danh mục.")]
    publisher: &'a Agency,
    /// The licence, when site.yaml gives one.
    #[schemars(
        title = "Giấy phép dữ liệu",
        description = "Giấy phép sử dụng dữ liệu; không có khi cơ quan chưa công bố giấy phép."
    )]
    #[serde(skip_serializing_if = "Option::is_none")]
    license: Option<License>,
    /// The fields, in display order.
    #[schemars(
        title = "Lĩnh vực",
        description = "Các lĩnh vực, theo thứ tự hiển thị."
    )]
    fields: Vec<FieldRow<'a>>,
    /// The procedures, in display order.
    #[schemars(
        title = "Thủ tục",
        description = "Các thủ tục, theo thứ tự hiển thị (cả thủ tục đã bãi bỏ)."
    )]
    procedures: Vec<Row<'a>>,
}

/// The format's name, version and schema.
#[derive(Serialize, JsonSchema)]
struct Format {
    /// "congkhai-thu-tuc".
    #[schemars(title = "Tên định dạng", description = "Luôn là \"congkhai-thu-tuc\".")]
    name: &'static str,
    /// [`FORMAT_VERSION`].
    #[schemars(title = "Phiên bản", description = "Phiên bản định dạng.")]
    version: u32,
    /// The schema's path, relative to the file.
    #[schemars(
        title = "Lược đồ",
        description = "Đường dẫn lược đồ JSON, tương đối với tệp này."
    )]
    schema: String,
}

/// A field.
#[derive(Serialize, JsonSchema)]
struct FieldRow<'a> {
    /// Its id.
    #[schemars(
        title = "Mã lĩnh vực",
        description = "Mã lĩnh vực, như trong các thủ tục."
    )]
    id: &'a str,
    /// Its name.
    #[schemars(title = "Tên lĩnh vực", description = "Tên lĩnh vực.")]
    name: &'a str,
}

/// A procedure: its record, its page and its last change. Its keys are the record's (which
/// refuses others) and its own three, and no more.
#[derive(Serialize, JsonSchema)]
#[schemars(
    title = "Thủ tục",
    description = "Một thủ tục như hồ sơ thủ tục ghi, kèm đường dẫn trang và ngày cập nhật.",
    extend("additionalProperties" = false)
)]
struct Row<'a> {
    /// The page, relative to the site's address.
    #[schemars(
        title = "Trang thủ tục",
        description = "Đường dẫn trang thủ tục, tương đối với địa chỉ trang."
    )]
    url: String,
    /// The date of the last commit that changed the record, when known.
    #[schemars(
        title = "Ngày cập nhật",
        description = "Ngày hồ sơ thủ tục được sửa lần cuối (năm-tháng-ngày)."
    )]
    #[serde(skip_serializing_if = "Option::is_none")]
    updated: Option<Date>,
    /// The guide, as the page shows it (HTML, from the record's Markdown, with what the page
    /// leaves out left out).
    #[schemars(
        title = "Hướng dẫn",
        description = "Phần hướng dẫn thêm của thủ tục, ở dạng HTML như trang thủ tục hiện."
    )]
    #[serde(skip_serializing_if = "Option::is_none")]
    guide_html: Option<String>,
    /// The record as written, but for links the URL policy refuses (see [`published`]).
    #[serde(flatten)]
    record: Cow<'a, Procedure>,
}

/// The record as the data publishes it: a link the URL policy ([`crate::links`]) refuses is
/// left out, as on the pages. Validation refuses such links first (CK017); this keeps the data
/// from ever carrying one. Borrowed when there is none, as always after validation.
fn published(procedure: &Procedure) -> Cow<'_, Procedure> {
    let refused = |u: &Option<Spanned<Text>>| {
        u.as_ref()
            .is_some_and(|u| !crate::links::is_allowed(&u.value))
    };
    let any = refused(&procedure.online_url)
        || procedure
            .forms
            .items()
            .iter()
            .any(|f| refused(&f.official_url))
        || procedure
            .legal_basis
            .items()
            .iter()
            .any(|l| refused(&l.url))
        || procedure
            .fees
            .items()
            .iter()
            .any(|f| f.set_by.as_ref().is_some_and(|l| refused(&l.url)))
        || procedure.announcements.iter().any(|a| refused(&a.url))
        || procedure.sources.iter().any(|s| refused(&s.url));
    if !any {
        return Cow::Borrowed(procedure);
    }
    let mut copy = procedure.clone();
    let keep = |u: &mut Option<Spanned<Text>>| {
        if refused(u) {
            *u = None;
        }
    };
    keep(&mut copy.online_url);
    copy.forms
        .items_mut()
        .iter_mut()
        .for_each(|f| keep(&mut f.official_url));
    copy.legal_basis
        .items_mut()
        .iter_mut()
        .for_each(|l| keep(&mut l.url));
    for fee in copy.fees.items_mut() {
        if let Some(law) = &mut fee.set_by {
            keep(&mut law.url);
        }
    }
    copy.announcements.iter_mut().for_each(|a| keep(&mut a.url));
    copy.sources.iter_mut().for_each(|s| keep(&mut s.url));
    Cow::Owned(copy)
}

/// About what a procedure takes in `thu-tuc.json` (5.2 KB for a synthetic one): room for
/// the file is reserved at once rather than doubled into, copy after copy.
const JSON_BYTES_PER_PROCEDURE: usize = 5_400;

/// A file of the open data, for the `/du-lieu/` page.
#[derive(Debug, Clone, Serialize)]
pub struct DataFile {
    /// Its path under the site's root.
    pub path: String,
    /// "JSON", "CSV"…
    pub format: &'static str,
    /// Its key under `t.data.files` in the theme's labels (what it holds).
    pub what: &'static str,
    /// Its size in bytes.
    pub bytes: usize,
    /// Its size as people read it ("1,2 MB").
    pub size: String,
}

impl DataFile {
    fn new(path: String, format: &'static str, what: &'static str, bytes: &[u8]) -> DataFile {
        DataFile {
            path,
            format,
            what,
            bytes: bytes.len(),
            size: crate::view::file_size(bytes.len() as u64),
        }
    }
}

/// The files of `/du-lieu/`, path and bytes, and their list for the page. `cards` are the
/// catalogue's cards (in its order) and `labels` the theme's words, for the tables.
pub fn files(
    catalogue: &Catalogue,
    cards: &[crate::view::Card],
    labels: &serde_json::Value,
) -> (Vec<(String, Vec<u8>)>, Vec<DataFile>) {
    // The three kinds of file are made in parallel (at 10,000 procedures about 0.2, 0.3
    // and 0.15 s of one core), and beside the search index (`pipeline::index_site`).
    let ((json, linked), tables) = rayon::join(
        || {
            rayon::join(
                || catalogue_json(catalogue),
                || cpsv::file(catalogue, cards, labels),
            )
        },
        || tables::tables(catalogue, cards, labels),
    );
    let mut schema = serde_json::to_vec_pretty(&schema()).unwrap_or_default();
    schema.push(b'\n');
    let mut list = vec![
        DataFile::new(json_path(), "JSON", "catalogue", &json),
        DataFile::new(schema_path(), "JSON Schema", "schema", &schema),
    ];
    let mut files = vec![(json_path(), json), (schema_path(), schema)];
    list.push(DataFile::new(cpsv::path(), "JSON-LD", "cpsv_ap", &linked));
    files.push((cpsv::path(), linked));
    for table in tables {
        let path = format!("{}/{}", route::DATA, table.name);
        list.push(DataFile::new(path.clone(), "CSV", table.what, &table.bytes));
        files.push((path, table.bytes));
    }
    (files, list)
}

/// `thu-tuc.json`.
fn catalogue_json(catalogue: &Catalogue) -> Vec<u8> {
    let document = Document {
        format: Format {
            name: "congkhai-thu-tuc",
            version: FORMAT_VERSION,
            schema: format!("schema/thu-tuc-v{FORMAT_VERSION}.schema.json"),
        },
        generator: format!("congkhai {}", env!("CARGO_PKG_VERSION")),
        date: catalogue.now,
        title: catalogue.site.title.to_string(),
        base_url: catalogue
            .site
            .base_url
            .as_ref()
            .map(|u| u.value.clone())
            .filter(|u| crate::links::is_site_address(u)),
        publisher: &catalogue.site.agency,
        license: catalogue.site.data_license.as_ref().map(|l| License {
            name: l.name.clone(),
            url: l.url.clone().filter(|u| crate::links::is_allowed(&u.value)),
        }),
        fields: catalogue
            .fields
            .iter()
            .map(|f| FieldRow {
                id: &f.id.value,
                name: &f.name,
            })
            .collect(),
        procedures: catalogue
            .procedures
            .iter()
            .map(|e| Row {
                url: crate::view::procedure_url(&e.slug),
                updated: e.updated,
                guide_html: e.body.as_deref().map(crate::content::markdown::to_html),
                record: published(&e.procedure),
            })
            .collect(),
    };
    // `<` as `\u003c` (the same string to every JSON reader), so that record text such as
    // `<script>` is inert even where the file is wrongly served or sniffed as HTML.
    let mut json = Vec::with_capacity(catalogue.procedures.len() * JSON_BYTES_PER_PROCEDURE);
    crate::output::push_inert_json(&mut json, &document);
    json.push(b'\n');
    json
}

/// The JSON Schema (draft-07) of `thu-tuc.json`.
pub fn schema() -> serde_json::Value {
    let generator = schemars::generate::SchemaSettings::draft07().into_generator();
    let mut value = generator.into_root_schema_for::<Document<'_>>().to_value();
    if let Some(object) = value.as_object_mut() {
        object.insert(
            "$comment".into(),
            format!(
                "Generated by congkhai {} from its types: format congkhai-thu-tuc version {FORMAT_VERSION}.",
                env!("CARGO_PKG_VERSION")
            )
            .into(),
        );
    }
    value
}
