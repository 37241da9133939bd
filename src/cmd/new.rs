//! `congkhai new procedure "Tên thủ tục" --field ID`: scaffold a record that passes `check`.

use std::path::PathBuf;

use congkhai::diagnostics::did_you_mean;
use congkhai::model::config::Field;
use congkhai::vi;

use super::{CliError, Messages, Outcome, site_lang};

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
    /// The procedure's name, in Vietnamese ("Đăng ký khai sinh"). Asked for in a terminal when
    /// absent.
    title: Option<String>,
    /// Field id from content/fields.yaml. Asked for in a terminal when absent.
    #[arg(long)]
    field: Option<String>,
    /// Level: central, province, district, commune or other (default: commune; asked for in a
    /// terminal when the title or field is asked for).
    #[arg(long)]
    level: Option<String>,
    /// National procedure code; a temporary one is written when absent.
    #[arg(long)]
    code: Option<String>,
    /// The site folder.
    #[arg(long, default_value = ".")]
    root: PathBuf,
}

/// Levels with their Vietnamese names, in the order they are offered.
const LEVELS: [(&str, &str); 5] = [
    ("central", "Cấp Trung ương"),
    ("province", "Cấp tỉnh"),
    ("district", "Cấp huyện"),
    ("commune", "Cấp xã"),
    ("other", "Cơ quan khác"),
];

/// Writes the new record.
pub fn run(args: Args) -> Result<Outcome, CliError> {
    let What::Procedure(mut args) = args.what;
    let fields_path = args.root.join("content/fields.yaml");
    let text = std::fs::read_to_string(&fields_path)
        .map_err(|e| format!("cannot read {}: {e}", fields_path.display()))?;
    let fields: Vec<Field> =
        congkhai::content::parse_yaml(&text, "content/fields.yaml", 0, "fields.yaml")
            .map_err(|d| format!("content/fields.yaml: {}", d.message))?;
    if (args.title.is_none() || args.field.is_none()) && interactive() {
        let stdin = std::io::stdin();
        let mut input = stdin.lock();
        let mut output = std::io::stderr();
        ask(&mut args, &fields, &mut input, &mut output)?;
    }
    let Some(title) = &args.title else {
        return Err(
            "the title is missing: congkhai new procedure \"Tên thủ tục\" --field ID (or run it in a terminal to be asked)"
                .into(),
        );
    };
    let title = vi::nfc(title.trim()).into_owned();
    if title.is_empty() {
        return Err("the title is empty: write the procedure's name in quotes".into());
    }
    let Some(field) = args.field.clone() else {
        let ids: Vec<&str> = fields.iter().map(|f| f.id.value.as_str()).collect();
        return Err(format!("--field is missing: one of {}", ids.join(", ")).into());
    };
    let level = args.level.clone().unwrap_or_else(|| "commune".to_owned());
    if !LEVELS.iter().any(|(id, _)| *id == level) {
        let ids: Vec<&str> = LEVELS.iter().map(|(id, _)| *id).collect();
        return Err(format!("--level {level}: write one of {}", ids.join(", ")).into());
    }
    let args = ProcedureArgs {
        field: Some(field.clone()),
        level: Some(level.clone()),
        ..args
    };
    if !fields.iter().any(|f| f.id.value == field) {
        let ids: Vec<&str> = fields.iter().map(|f| f.id.value.as_str()).collect();
        let hint = match did_you_mean(&field, ids.iter().copied()) {
            Some(s) => format!("did you mean `{s}`?"),
            None => format!("the fields are: {}", ids.join(", ")),
        };
        return Err(format!("unknown field `{field}`: {hint}").into());
    }
    let slug = vi::title_slug(&title);
    let dir = args.root.join("content/procedures").join(&field);
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
        .unwrap_or_else(|| format!("TAM-{}", congkhai::output::content_hash(slug.as_bytes())));
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    std::fs::write(&path, record(&title, &code, &field, &level))
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    println!("{}", path.display());
    let m = Messages(site_lang(&args.root, None));
    eprintln!("{}", m.created(&path));
    if args.code.is_none() {
        eprintln!("{}", m.temporary_code(&code));
    }
    Ok(Outcome::Success)
}

/// Whether to ask: stdin is a terminal (or CONGKHAI_INTERACTIVE=1, for tests and scripts that
/// answer through a pipe).
fn interactive() -> bool {
    use std::io::IsTerminal;
    std::io::stdin().is_terminal()
        || std::env::var_os("CONGKHAI_INTERACTIVE").is_some_and(|v| v == "1")
}

/// Asks for what the command line left out: title, field (by number or id) and level.
fn ask(
    args: &mut ProcedureArgs,
    fields: &[Field],
    input: &mut impl std::io::BufRead,
    output: &mut impl std::io::Write,
) -> Result<(), CliError> {
    let mut line = String::new();
    let mut read = |output: &mut dyn std::io::Write, prompt: &str| -> Result<String, CliError> {
        write!(output, "{prompt}")?;
        output.flush()?;
        line.clear();
        if input.read_line(&mut line)? == 0 {
            return Err("no answer (end of input)".into());
        }
        Ok(line.trim().to_owned())
    };
    while args.title.as_deref().is_none_or(|t| t.trim().is_empty()) {
        let answer = read(output, "Tên thủ tục (title): ")?;
        if !answer.is_empty() {
            args.title = Some(answer);
        }
    }
    if args.field.is_none() {
        writeln!(output, "Lĩnh vực (field):")?;
        for (i, f) in fields.iter().enumerate() {
            writeln!(output, "  {:>2}. {} ({})", i + 1, f.name, f.id.value)?;
        }
        loop {
            let answer = read(output, "Chọn số hoặc mã lĩnh vực: ")?;
            let chosen = answer
                .parse::<usize>()
                .ok()
                .and_then(|n| n.checked_sub(1))
                .and_then(|i| fields.get(i))
                .or_else(|| fields.iter().find(|f| f.id.value == answer));
            match chosen {
                Some(f) => {
                    args.field = Some(f.id.value.clone());
                    break;
                }
                None => writeln!(
                    output,
                    "Không có lĩnh vực “{answer}”; chọn một số trong danh sách."
                )?,
            }
        }
        if args.level.is_none() {
            writeln!(output, "Cấp thực hiện (level):")?;
            for (i, (id, name)) in LEVELS.iter().enumerate() {
                writeln!(output, "  {}. {name} ({id})", i + 1)?;
            }
            loop {
                let answer = read(output, "Chọn số hoặc mã [4. Cấp xã]: ")?;
                if answer.is_empty() {
                    args.level = Some("commune".to_owned());
                    break;
                }
                let chosen = answer
                    .parse::<usize>()
                    .ok()
                    .and_then(|n| n.checked_sub(1))
                    .and_then(|i| LEVELS.get(i))
                    .or_else(|| LEVELS.iter().find(|(id, _)| *id == answer));
                match chosen {
                    Some((id, _)) => {
                        args.level = Some((*id).to_owned());
                        break;
                    }
                    None => writeln!(output, "Không có cấp “{answer}”; chọn 1 đến 5.")?,
                }
            }
        }
    }
    Ok(())
}

fn quoted(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

fn record(title: &str, code: &str, field: &str, level: &str) -> String {
    format!(
        r#"# yaml-language-server: $schema=../../../congkhai.schema.json
# Hồ sơ thủ tục mới: điền từng phần theo bản công bố chính thức, rồi chạy `congkhai check`.
code: {code}
title: {title}
field: {field}
level: {level}
online_level: unknown         # full (toàn trình) | partial (một phần) | none | unknown (chưa rõ)
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
fees: unknown                 # danh sách phí, lệ phí; [] = không thu; not_published = chưa công bố
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

impl Messages {
    fn created(&self, path: &std::path::Path) -> String {
        let path = path.display();
        self.pick(
            format!("created {path}; fill in each part, then run `congkhai check`"),
            format!("đã tạo {path}; điền từng phần của thủ tục, rồi chạy `congkhai check`"),
        )
    }

    fn temporary_code(&self, code: &str) -> String {
        self.pick(
            format!("note: `code` is temporary ({code}); replace it with the national code"),
            format!("lưu ý: `code` là mã tạm ({code}); hãy thay bằng mã thủ tục quốc gia"),
        )
    }
}
