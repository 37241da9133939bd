//! `congkhai import`: lists (CSV with Vietnamese headers and a title row, xlsx) and portal
//! detail JSON become records that say only what the source says, re-import is byte-identical
//! and keeps what editors added, `--dry-run` and a failed import write nothing, and
//! import → check → build succeeds without a false "free".

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use congkhai::model::{MissingStatus, Procedure, Status};

fn congkhai(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_congkhai"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Runs `congkhai import KIND PATH ARGS --now 2026-12-04 --lang en` in `root`, asserts that it
/// succeeds, and gives its output and messages.
fn import_ok(root: &Path, args: &[&str]) -> (String, String) {
    let mut all = vec!["import"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--now", "2026-12-04", "--lang", "en"]);
    let out = congkhai(&all, root);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    (stdout(&out), err)
}

/// `check` and `build` both succeed on the site at `root`, and the page of every record whose
/// fees are unknown says so and never says "free".
fn check_and_build_ok(root: &Path) {
    for command in ["check", "build"] {
        let out = congkhai(&[command, "--now", "2026-12-04"], root);
        assert!(out.status.success(), "{command}: {}", stderr(&out));
    }
    for path in congkhai::content::record_files(root) {
        let bytes = std::fs::read(&path).unwrap();
        let is_md = path.extension().is_some_and(|e| e == "md");
        let (p, _) = congkhai::content::parse_record(&bytes, "x", is_md).unwrap();
        if p.fees.missing().is_none() {
            continue;
        }
        let slug = p
            .slug
            .as_ref()
            .map(|s| s.value.clone())
            .unwrap_or_else(|| congkhai::vi::title_slug(&p.title.value));
        let page = root.join("public/thu-tuc").join(&slug).join("index.html");
        let page =
            std::fs::read_to_string(&page).unwrap_or_else(|e| panic!("{}: {e}", page.display()));
        assert!(!page.contains("Miễn phí"), "{slug}");
        assert!(!page.contains("Không thu phí"), "{slug}");
        assert!(
            page.contains("Chưa có thông tin về mức phí, lệ phí"),
            "{slug}"
        );
    }
}

/// A new site made by `congkhai init`, in a fresh temporary folder.
fn site(name: &str) -> PathBuf {
    let base = std::env::temp_dir().join(format!("congkhai-import-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&base);
    std::fs::create_dir_all(&base).unwrap();
    let out = congkhai(&["init", "site"], &base);
    assert!(out.status.success(), "{}", stderr(&out));
    base.join("site")
}

/// Every file under `content/`, with its bytes.
fn snapshot(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(root.join("content"))
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| (e.path().to_owned(), std::fs::read(e.path()).unwrap()))
        .collect()
}

/// The record with `code`, parsed as `check` parses it.
fn record(root: &Path, code: &str) -> (PathBuf, Box<Procedure>) {
    for path in congkhai::content::record_files(root) {
        let bytes = std::fs::read(&path).unwrap();
        let is_md = path.extension().is_some_and(|e| e == "md");
        let (p, _) = congkhai::content::parse_record(&bytes, "x", is_md).unwrap();
        if p.code.value.as_str() == code {
            return (path, p);
        }
    }
    panic!("no record {code}");
}

const TITLE_900: &str = "Công nhận trường mầm non đạt chuẩn Quốc gia theo Thông tư số 57/2026/TT-BGDĐT ngày 07/07/2026 của Bộ trưởng Bộ Giáo dục và Đào tạo quy định về bảo đảm chất lượng giáo dục đối với cơ sở giáo dục mầm non";

fn list_csv() -> String {
    let long = std::iter::repeat_n(TITLE_900, 5)
        .collect::<Vec<_>>()
        .join(" ");
    format!(
        "DANH MỤC THỦ TỤC HÀNH CHÍNH THỰC HIỆN TẠI UBND XÃ AN BÌNH,,,,,,,,\n\
         STT,Mã TTHC,Tên TTHC,Lĩnh vực,Cấp thực hiện,Trạng thái,Ngày hiệu lực,Ngày bãi bỏ,Quyết định công bố\n\
         1,1.000001,Đăng ký thường trú,CƯ TRÚ,Cấp xã,Còn hiệu lực,01/07/2025,,\"1234/QĐ-UBND; 55/QĐ-BCA\"\n\
         2,1.000002,Thủ tục công bố và bãi bỏ cùng ngày,CƯ TRÚ,Cấp xã,Hết hiệu lực,2025-07-01,2025-07-01,9/QĐ-UBND\n\
         3,,Không có mã,CƯ TRÚ,Cấp xã,,,,\n\
         4,1.00003,Mã bị bảng tính làm hỏng,CƯ TRÚ,Cấp xã,,,,\n\
         5,1.000001,Trùng mã,CƯ TRÚ,Cấp xã,,,,\n\
         6,1.000004,\"{long}\",GIÁO DỤC VÀ ĐÀO TẠO,Cấp xã,,2099-01-01,,\n"
    )
}

#[test]
fn a_csv_list_becomes_skeleton_records_that_check_and_build_without_a_false_free() {
    let root = site("csv");
    std::fs::write(root.join("list.csv"), list_csv()).unwrap();
    let (_, err) = import_ok(&root, &["list", "list.csv"]);
    assert!(err.contains("list.csv, row 5: no code"), "{err}");
    assert!(
        err.contains("row 6: “1.00003” is not a procedure code"),
        "{err}"
    );
    assert!(
        err.contains("row 7: the code 1.000001 is already on row 3"),
        "{err}"
    );

    let (_, p) = record(&root, "1.000001");
    assert_eq!(p.title.value.as_str(), "Đăng ký thường trú");
    assert_eq!(p.status, Status::Active);
    assert_eq!(p.effective_from.as_ref().unwrap().value.iso(), "2025-07-01");
    let numbers: Vec<&str> = p.announcements.iter().map(|a| a.number.as_str()).collect();
    assert_eq!(numbers, ["1234/QĐ-UBND", "55/QĐ-BCA"]);
    assert!(
        p.announcements
            .iter()
            .all(|a| a.date.is_none() && a.change.is_none())
    );
    // Nothing the list does not give is stated: every part is an explicit unknown.
    assert_eq!(p.missing_parts().count(), Procedure::PARTS.len());
    assert_eq!(p.fees.missing().unwrap().status, MissingStatus::Unknown);
    assert!(!p.is_known_free());
    assert_eq!(p.field.value, "cu-tru");

    let (_, repealed) = record(&root, "1.000002");
    assert_eq!(repealed.status, Status::Repealed);
    assert_eq!(
        repealed.effective_to.as_ref().unwrap().value.iso(),
        "2025-07-01"
    );
    assert_eq!(
        repealed.effective_from.as_ref().unwrap().value.iso(),
        "2025-07-01"
    );

    let (long_path, upcoming) = record(&root, "1.000004");
    assert_eq!(upcoming.status, Status::Upcoming);
    assert!(upcoming.title.value.chars().count() > 900);
    assert!(long_path.file_name().unwrap().len() < 100);
    let fields = std::fs::read_to_string(root.join("content/fields.yaml")).unwrap();
    assert!(fields.contains("name: \"Cư trú\""), "{fields}");
    assert!(
        fields.contains("id: giao-duc-va-dao-tao\n  name: \"Giáo dục và Đào tạo\""),
        "{fields}"
    );

    // Re-import: byte-identical.
    let before = snapshot(&root);
    let (_, _) = import_ok(&root, &["list", "list.csv"]);
    assert_eq!(before, snapshot(&root));

    // Check and build: warnings for the unknowns, no errors; no page says "free".
    check_and_build_ok(&root);
}

#[test]
fn re_import_keeps_what_editors_added_and_dry_run_writes_nothing() {
    let root = site("merge");
    std::fs::write(root.join("list.csv"), list_csv()).unwrap();
    let (_, _) = import_ok(&root, &["list", "list.csv"]);
    let (path, _) = record(&root, "1.000001");
    let text = std::fs::read_to_string(&path).unwrap();
    // An editor fills in the fees, adds keywords and a hotline.
    let lines: Vec<&str> = text.lines().collect();
    let at = lines.iter().position(|l| *l == "fees:").unwrap();
    let mut edited: Vec<String> = lines[..at].iter().map(|l| l.to_string()).collect();
    edited.push("fees:".into());
    edited.push("- {id: le-phi, kind: le_phi, amount: 10, currency: USD, unit: \"USD/bản\", text: \"10 USD/bản\"}".into());
    edited.extend(lines[at + 4..].iter().map(|l| l.to_string()));
    let edited = format!(
        "{}\nkeywords:\n- hộ khẩu\nhotline: \"0236 3821 234\"\n",
        edited.join("\n")
    );
    std::fs::write(&path, &edited).unwrap();
    let (_, p) = record(&root, "1.000001");
    assert_eq!(p.fees.items()[0].currency.code(), "USD");

    // The list changes a title: the dry run names the key and writes nothing.
    let csv = list_csv().replace("Đăng ký thường trú", "Đăng ký thường trú (sửa đổi)");
    std::fs::write(root.join("list.csv"), csv).unwrap();
    let before = snapshot(&root);
    let (said, dry_err) = import_ok(&root, &["list", "list.csv", "--dry-run"]);
    assert!(said.contains("(title"), "{said}");
    assert!(said.contains("unchanged"), "{said}");
    assert!(dry_err.contains("dry run: nothing written"));
    assert_eq!(before, snapshot(&root));

    let (_, _) = import_ok(&root, &["list", "list.csv"]);
    let (_, p) = record(&root, "1.000001");
    assert_eq!(p.title.value.as_str(), "Đăng ký thường trú (sửa đổi)");
    assert_eq!(p.keywords[0].as_str(), "hộ khẩu");
    assert_eq!(p.hotline.as_ref().unwrap().as_str(), "0236 3821 234");
    assert_eq!(p.fees.items()[0].amount, Some(10));
    assert_eq!(p.fees.items()[0].currency.code(), "USD");
}

#[test]
fn an_xlsx_list_with_a_title_row_is_read_like_a_csv() {
    let root = site("xlsx");
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.write(0, 0, "DANH MỤC THỦ TỤC HÀNH CHÍNH").unwrap();
    for (c, h) in [
        "Mã TTHC",
        "Tên TTHC",
        "LĨNH VỰC",
        "Cấp thực hiện",
        "Ngày hiệu lực",
        "Ngày bãi bỏ",
    ]
    .iter()
    .enumerate()
    {
        sheet.write(1, c as u16, *h).unwrap();
    }
    sheet.write(2, 0, "2.000001").unwrap();
    sheet
        .write(2, 1, "Chứng thực bản sao từ bản chính")
        .unwrap();
    sheet.write(2, 2, "Chứng thực").unwrap();
    sheet.write(2, 3, "Cấp xã").unwrap();
    sheet.write(2, 4, "2025-07-01").unwrap();
    // A code a spreadsheet turned into a number, losing its zero.
    sheet.write(3, 0, 1.00028).unwrap();
    sheet.write(3, 1, "Mã hỏng").unwrap();
    sheet.write(3, 2, "Chứng thực").unwrap();
    sheet.write(3, 3, "Cấp xã").unwrap();
    sheet.write(4, 0, "2.000002").unwrap();
    sheet.write(4, 1, "Thủ tục đã bãi bỏ").unwrap();
    sheet.write(4, 2, "Chứng thực").unwrap();
    sheet.write(4, 3, "Cấp tỉnh").unwrap();
    // A date cell, as offices type dates into a spreadsheet.
    let date = rust_xlsxwriter::ExcelDateTime::from_ymd(2026, 1, 20).unwrap();
    let format = rust_xlsxwriter::Format::new().set_num_format("dd/mm/yyyy");
    sheet
        .write_datetime_with_format(4, 5, &date, &format)
        .unwrap();
    workbook.save(root.join("list.xlsx")).unwrap();

    let (_, err) = import_ok(&root, &["list", "list.xlsx"]);
    assert!(
        err.contains("row 4: “1.00028” is not a procedure code"),
        "{err}"
    );
    let (_, p) = record(&root, "2.000001");
    assert_eq!(p.status, Status::Active);
    assert_eq!(p.field.value, "chung-thuc");
    let (_, r) = record(&root, "2.000002");
    assert_eq!(r.status, Status::Repealed);
    assert_eq!(r.effective_to.as_ref().unwrap().value.iso(), "2026-01-20");
    assert_eq!(r.level, congkhai::model::Level::Province);
    check_and_build_ok(&root);
}

/// A detail record modelled on the portal's: a USD fee, a 0 fee without text on a channel,
/// several executing agencies, a non-territorial flag, and a step text whose time differs.
fn detail_json() -> String {
    serde_json::json!({
        "code": "OK",
        "message": "OK",
        "data": {
            "code": "2.000123",
            "name": "Cấp bản sao trích lục hộ tịch cho người nước ngoài",
            "categoriesDetails": [{"name": "Hộ tịch", "code": "G15-TP07"}],
            "isWard": true, "isProvince": false, "isFullProcess": false, "isOfflineOnly": false,
            "isNonTerritorial": true,
            "id": "019d2bfd-aaaa-70ac-b9d6-5e9e20d6eef7",
            "state": "UPDATED",
            "executionSteps": [{"name": "", "description": "- Nộp hồ sơ.\n+ Trả kết quả trong 03 ngày làm việc."}],
            "executionMethods": [
                {"submissionMethod": "DIRECT", "processingTime": 1, "processingTimeUnit": "WORKING_DAY", "description": "",
                 "fees": [{"type": "CHARGE", "value": 10, "currencyId": "USD", "description": "10 USD/bản"}]},
                {"submissionMethod": "ONLINE", "processingTime": 1, "processingTimeUnit": "WORKING_DAY", "description": "",
                 "fees": [{"type": "SERVICE_FEE", "value": 0, "currencyId": "", "description": ""}]}
            ],
            "executionCases": [
                {"name": "* Giấy tờ phải nộp:", "profileComponents": [
                    {"name": "Tờ khai", "originalQty": 1, "copyQty": 0, "attachments": []}]},
                {"name": "* Lưu ý:", "profileComponents": [
                    {"name": "Người tiếp nhận kiểm tra giấy tờ.", "originalQty": 0, "copyQty": 0}]}
            ],
            "cases": [{"name": "Cấp bản sao", "code": "2.000123.01", "processingDay": {"qty": 1, "type": "WORKING_DAY"}, "profileComponents": []}],
            "subjectTypesDetails": [{"name": "Người nước ngoài"}],
            "unitGroupsAuthority": [{"name": "Ủy ban nhân dân cấp xã"}],
            "unitGroupsExecuting": [{"name": "Ủy ban nhân dân cấp xã"}, {"name": "Trung tâm Phục vụ hành chính công"}],
            "resultsDetails": [{"name": "Bản sao trích lục hộ tịch"}],
            "legalBasisesDetails": [{"name": "Luật Hộ tịch", "code": "60/2014/QH13"}],
            "fees": [],
            "requirementsAndConditions": "",
            "updatedAt": 1776242191512_i64
        }
    })
    .to_string()
}

#[test]
fn a_portal_detail_keeps_its_currency_reports_conflicts_and_leaves_the_empty_unknown() {
    let root = site("dvc");
    std::fs::create_dir_all(root.join("dvc")).unwrap();
    std::fs::write(root.join("dvc/2.000123.json"), detail_json()).unwrap();
    let (_, err) = import_ok(&root, &["dvc", "dvc"]);
    assert!(!err.contains("isNonTerritorial"), "it is imported: {err}");
    assert!(
        err.contains("differs from the times in the step text (03 ngày làm việc)"),
        "{err}"
    );
    assert!(err.contains("fee of 0 with no text"), "{err}");
    let (_, p) = record(&root, "2.000123");
    let fee = &p.fees.items()[0];
    assert_eq!(
        (fee.amount, fee.currency.code(), fee.text.as_str()),
        (Some(10), "USD", "10 USD/bản")
    );
    assert_eq!(p.fees.items().len(), 1);
    assert!(p.non_territorial, "isNonTerritorial: true");
    assert_eq!(
        p.portal_id.as_deref(),
        Some("019d2bfd-aaaa-70ac-b9d6-5e9e20d6eef7")
    );
    // The source names the portal's page and the file's hash, as `sha256sum` computes it.
    let sum = std::process::Command::new("sha256sum")
        .arg(root.join("dvc/2.000123.json"))
        .output()
        .unwrap();
    let sum = String::from_utf8(sum.stdout).unwrap();
    let [source] = p.sources.as_slice() else {
        panic!("one source: {:?}", p.sources)
    };
    assert_eq!(source.title.as_str(), "Cổng Dịch vụ công quốc gia");
    assert!(source.url.as_ref().unwrap().value.contains("2.000123"));
    assert_eq!(
        Some(source.sha256.as_ref().unwrap().value.as_str()),
        sum.split_whitespace().next()
    );
    let agencies = p.agencies.known().unwrap();
    let implementing: Vec<&str> = agencies.implementing.iter().map(|a| a.as_str()).collect();
    assert_eq!(
        implementing,
        [
            "Ủy ban nhân dân cấp xã",
            "Trung tâm Phục vụ hành chính công"
        ]
    );
    let channels = p.channels.items();
    assert_eq!(channels.len(), 2);
    assert_eq!(channels[0].fees[0].value, "le-phi");
    assert!(channels[1].fees.is_empty());
    assert_eq!(p.processing_time.known().unwrap().value, Some(1.0));
    assert!(p.conditions.missing().is_some());
    assert!(p.online_level.missing().is_some());
    // The "Lưu ý" notes are not checklist rows: they are a group's note, with no documents.
    let groups = p.documents.groups();
    assert_eq!(groups.len(), 2);
    assert_eq!(groups[0].items.len(), 1);
    assert!(groups[1].items.is_empty());
    assert_eq!(
        groups[1].note.as_deref(),
        Some("Người tiếp nhận kiểm tra giấy tờ.")
    );
    check_and_build_ok(&root);
}

#[test]
fn the_shared_portal_example_imports_with_unknown_fees_and_builds() {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/reference/national-portal");
    if !shared.exists() {
        eprintln!(
            "note: {} is absent; skipping the real portal and list files",
            shared.display()
        );
        return;
    }
    let root = site("shared");
    // A fresh import: the scaffold's own example is this procedure, with its fees filled in.
    std::fs::remove_dir_all(root.join("content/procedures")).unwrap();
    let detail = shared.join("dvc-api-detail-1.001193.json");
    let (_, err) = import_ok(&root, &["dvc", detail.to_str().unwrap()]);
    assert!(
        err.contains("differs from the times in the step text"),
        "{err}"
    );
    let (_, p) = record(&root, "1.001193");
    // The portal's `fees: []` and its channels' empty 0 fees are not "free".
    assert!(p.fees.missing().is_some(), "{:?}", p.fees);
    assert!(!p.is_known_free());
    assert_eq!(p.processing_time.known().unwrap().value, Some(1.0));
    assert_eq!(p.legal_basis.items().len(), 15);

    let list = shared.join("catalogue-list-sample.csv");
    let (_, err) = import_ok(
        &root,
        &["list", list.to_str().unwrap(), "--level", "commune"],
    );
    // The columns the record has no place for are named (phi_dia_gioi: non-territorial).
    assert!(err.contains("columns not imported"), "{err}");
    assert!(err.contains("phi_dia_gioi"), "{err}");
    let (_, repealed) = record(&root, "1.000280");
    assert_eq!(repealed.status, Status::Repealed);
    assert_eq!(
        repealed.effective_to.as_ref().unwrap().value.iso(),
        "2026-09-03"
    );
    let before = snapshot(&root);
    let (_, _) = import_ok(
        &root,
        &["list", list.to_str().unwrap(), "--level", "commune"],
    );
    assert_eq!(before, snapshot(&root));
    check_and_build_ok(&root);
}

#[test]
fn a_broken_input_writes_nothing() {
    let root = site("broken");
    std::fs::create_dir_all(root.join("dvc")).unwrap();
    std::fs::write(root.join("dvc/a.json"), detail_json()).unwrap();
    std::fs::write(root.join("dvc/b.json"), "{\"code\": \"OK\", \"data\": {").unwrap();
    let before = snapshot(&root);
    let out = congkhai(&["import", "dvc", "dvc", "--lang", "en"], &root);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("b.json") && err.contains("nothing was written"),
        "{err}"
    );
    assert_eq!(before, snapshot(&root));

    // A list with a date that does not exist, and one that is not UTF-8.
    let csv = list_csv().replace("01/07/2025", "31/02/2025");
    std::fs::write(root.join("list.csv"), csv).unwrap();
    let out = congkhai(&["import", "list", "list.csv", "--lang", "vi"], &root);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("dòng 3"), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("không ghi tệp nào"),
        "{}",
        stderr(&out)
    );
    std::fs::write(root.join("bad.csv"), b"Ma TTHC,Ten\n\xff\xfe,x\n").unwrap();
    let out = congkhai(&["import", "list", "bad.csv"], &root);
    assert_eq!(out.status.code(), Some(1));
    std::fs::write(root.join("bad.xlsx"), b"not a zip").unwrap();
    let out = congkhai(&["import", "list", "bad.xlsx"], &root);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(before, snapshot(&root));
}

#[test]
fn two_records_with_one_title_get_distinct_addresses_the_same_way_each_time() {
    let root = site("same-title");
    let csv = "Mã TTHC,Tên TTHC,Lĩnh vực,Cấp thực hiện\n\
               1.000010,Cấp giấy phép,THƯƠNG MẠI,Cấp xã\n\
               1.000011,Cấp giấy phép,THƯƠNG MẠI,Cấp xã\n";
    std::fs::write(root.join("list.csv"), csv).unwrap();
    import_ok(&root, &["list", "list.csv"]);
    let (first_path, first) = record(&root, "1.000010");
    let (second_path, second) = record(&root, "1.000011");
    assert!(first.slug.is_none());
    assert_eq!(
        second.slug.as_ref().unwrap().value,
        "cap-giay-phep-1-000011"
    );
    assert_ne!(first_path, second_path);
    let before = snapshot(&root);
    import_ok(&root, &["list", "list.csv"]);
    assert_eq!(before, snapshot(&root));
    check_and_build_ok(&root);
}

/// The same tree written as JSON (which is YAML) by serde_json.
fn json_of(value: &congkhai::import::yaml::Yaml) -> serde_json::Value {
    use congkhai::import::yaml::Yaml;
    match value {
        Yaml::Null => serde_json::Value::Null,
        Yaml::Bool(b) => (*b).into(),
        Yaml::Int(n) => (*n).into(),
        Yaml::Float(f) => (*f).into(),
        Yaml::Str(s) | Yaml::Word(s) | Yaml::Quoted(s) => s.as_str().into(),
        Yaml::Seq(items) => items.iter().map(json_of).collect(),
        Yaml::Map(pairs) => pairs
            .iter()
            .map(|(k, v)| (k.clone(), json_of(v)))
            .collect::<serde_json::Map<_, _>>()
            .into(),
    }
}

#[test]
fn the_written_yaml_reads_back_as_the_same_procedure_as_its_json() {
    let mut batch = congkhai::import::Batch::default();
    let mut texts = vec![detail_json()];
    let shared = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/reference/national-portal/dvc-api-detail-1.001193.json");
    if let Ok(text) = std::fs::read_to_string(&shared) {
        texts.push(text);
    }
    let options = congkhai::import::dvc::Options::default();
    for text in &texts {
        congkhai::import::dvc::read(text, "x.json", &options, &mut batch);
    }
    assert_eq!(batch.records.len(), texts.len());
    for record in &batch.records {
        let mut pairs: Vec<(String, congkhai::import::yaml::Yaml)> = record
            .entries
            .iter()
            .map(|e| (e.key.to_owned(), e.value.clone()))
            .collect();
        pairs.push((
            "field".to_owned(),
            congkhai::import::yaml::Yaml::word("ho-tich"),
        ));
        let yaml = congkhai::import::yaml::emit_document(&pairs);
        let json =
            serde_json::Value::Object(pairs.iter().map(|(k, v)| (k.clone(), json_of(v))).collect())
                .to_string();
        let (from_yaml, _) = congkhai::content::parse_record(yaml.as_bytes(), "a", false).unwrap();
        let (from_json, _) = congkhai::content::parse_record(json.as_bytes(), "b", false).unwrap();
        assert_eq!(
            serde_json::to_value(&*from_yaml).unwrap(),
            serde_json::to_value(&*from_json).unwrap(),
            "{yaml}"
        );
    }
}

#[test]
fn garbage_sources_are_reported_never_a_panic() {
    let options = congkhai::import::dvc::Options::default();
    let list_options = congkhai::import::list::Options {
        columns: Vec::new(),
        level: Some("commune".to_owned()),
        field: None,
        source: None,
        today: congkhai::vi::Date::parse("2026-12-04").unwrap(),
    };
    let mut rng = fastrand::Rng::with_seed(16);
    let seeds = [
        detail_json(),
        list_csv(),
        "{\"code\":\"OK\",\"data\":{\"code\":\"1.000001\",\"name\":\"x\",\"isWard\":true,\"categoriesDetails\":[{\"name\":\"\"}],\"executionMethods\":[{\"submissionMethod\":\"DIRECT\",\"processingTime\":1e308,\"processingTimeUnit\":\"DAY\",\"fees\":[{\"type\":\"CHARGE\",\"value\":-5,\"currencyId\":\"ZZZ\"}]}],\"cases\":[{\"processingDay\":{\"qty\":2,\"type\":\"HOUR\"}},{\"processingDay\":{\"qty\":3,\"type\":\"DAY\"}}]}}".to_owned(),
        "{\"code\":\"OK\",\"data\":[]}".to_owned(),
        "[1,2,3]".to_owned(),
    ];
    for seed in &seeds {
        for round in 0..300 {
            let mut bytes = seed.clone().into_bytes();
            for _ in 0..(round % 12) {
                if bytes.is_empty() {
                    break;
                }
                let at = rng.usize(..bytes.len());
                match rng.u8(..3) {
                    0 => bytes[at] = rng.u8(..),
                    1 => {
                        bytes.remove(at);
                    }
                    _ => bytes.insert(at, b"\",:{}[]\n;0"[rng.usize(..10)]),
                }
            }
            let text = String::from_utf8_lossy(&bytes);
            let mut batch = congkhai::import::Batch::default();
            congkhai::import::dvc::read(&text, "g.json", &options, &mut batch);
            if let Ok(rows) = congkhai::import::list::csv_rows(&bytes) {
                congkhai::import::list::read(&rows, "g.csv", &list_options, &mut batch);
            }
            for problem in &batch.problems {
                assert!(!problem.render(congkhai::diagnostics::Lang::Vi).is_empty());
            }
        }
    }
}
