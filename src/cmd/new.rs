//! `congkhai new procedure "Tên thủ tục" --field ID`: scaffold a record that passes `check`.

use std::path::PathBuf;

use congkhai::config::Field;
use congkhai::diagnostics::did_you_mean;
use congkhai::vi;

use super::{CliError, Outcome};

/// Arguments of `new`.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(subcommand)]
    what: What,
}

#[derive(clap::Subcommand, Debug)]
enum What {
    /// A new procedure record under content/procedures/<field>/.
    Procedure(ProcedureArgs),
}

#[derive(clap::Args, Debug)]
struct ProcedureArgs {
    /// The procedure's name, in Vietnamese ("Đăng ký khai sinh").
    title: String,
    /// Field id from content/fields.yaml.
    #[arg(long)]
    field: String,
    /// Level: central, province, district, commune or other.
    #[arg(long, default_value = "commune")]
    level: String,
    /// National procedure code; a temporary one is written when absent.
    #[arg(long)]
    code: Option<String>,
    /// The site folder.
    #[arg(long, default_value = ".")]
    root: PathBuf,
}

/// Writes the new record.
pub fn run(args: Args) -> Result<Outcome, CliError> {
    let What::Procedure(args) = args.what;
    let title = vi::nfc(args.title.trim()).into_owned();
    if title.is_empty() {
        return Err("the title is empty: write the procedure's name in quotes".into());
    }
    const LEVELS: [&str; 5] = ["central", "province", "district", "commune", "other"];
    if !LEVELS.contains(&args.level.as_str()) {
        return Err(format!("--level {}: write one of {}", args.level, LEVELS.join(", ")).into());
    }
    let fields_path = args.root.join("content/fields.yaml");
    let text = std::fs::read_to_string(&fields_path)
        .map_err(|e| format!("cannot read {}: {e}", fields_path.display()))?;
    let fields: Vec<Field> =
        congkhai::content::parse_yaml(&text, "content/fields.yaml", 0, "fields.yaml")
            .map_err(|d| format!("content/fields.yaml: {}", d.message))?;
    if !fields.iter().any(|f| f.id.value == args.field) {
        let ids: Vec<&str> = fields.iter().map(|f| f.id.value.as_str()).collect();
        let hint = match did_you_mean(&args.field, ids.iter().copied()) {
            Some(s) => format!("did you mean `{s}`?"),
            None => format!("the fields are: {}", ids.join(", ")),
        };
        return Err(format!("unknown field `{}`: {hint}", args.field).into());
    }
    let slug = vi::slugify(&title);
    let dir = args.root.join("content/procedures").join(&args.field);
    let path = dir.join(format!("{slug}.yaml"));
    if path.exists() {
        return Err(format!(
            "{} already exists; edit it or choose another title",
            path.display()
        )
        .into());
    }
    let code = args
        .code
        .clone()
        .unwrap_or_else(|| format!("TAM-{}", congkhai::render::content_hash(slug.as_bytes())));
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    std::fs::write(&path, record(&title, &code, &args.field, &args.level))
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    println!("{}", path.display());
    eprintln!(
        "created {}; fill in each part, then run `congkhai check`",
        path.display()
    );
    if args.code.is_none() {
        eprintln!("note: `code` is temporary ({code}); replace it with the national code");
    }
    Ok(Outcome::Success)
}

fn quoted(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

fn record(title: &str, code: &str, field: &str, level: &str) -> String {
    format!(
        r#"# Hồ sơ thủ tục mới: điền từng phần theo bản công bố chính thức, rồi chạy `congkhai check`.
code: {code}
title: {title}
field: {field}
level: {level}
online_level: none            # full (toàn trình) | partial (một phần) | none
status: active                # active | upcoming | suspended | repealed
applicants:
  - "Cá nhân, tổ chức có yêu cầu"
agencies:
  competent: "Ủy ban nhân dân cấp xã"
  implementing: "Ủy ban nhân dân cấp xã"
steps:
  - title: "Nộp hồ sơ"
    actor: applicant
    text: "Người có yêu cầu nộp hồ sơ tại Bộ phận Một cửa."
  - title: "Tiếp nhận và giải quyết"
    actor: one_stop
    text: "Bộ phận Một cửa tiếp nhận, kiểm tra hồ sơ và chuyển giải quyết."
  - title: "Trả kết quả"
    actor: one_stop
    text: "Trả kết quả cho người có yêu cầu."
channels:
  - {{type: in_person, available: true, where: "Bộ phận Một cửa"}}
  - {{type: online, available: false}}
  - {{type: postal, available: false}}
processing_time:
  text: "05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ."
  value: 5
  unit: working_days
documents:
  - case: null
    mode: submit
    items:
      - {{name: "Đơn đề nghị", originals: 1, copies: 0}}
dossier_sets: 1
fees: []                      # [] = không thu phí, lệ phí
results:
  - "Văn bản trả lời kết quả giải quyết"
legal_basis:
  - {{number: "Số ký hiệu văn bản", title: "Trích yếu văn bản"}}
keywords: []
"#,
        code = quoted(code),
        title = quoted(title),
    )
}
