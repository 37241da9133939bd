//! `congkhai new procedure "Tên thủ tục" --field ID`: scaffold a record that passes `check`.

use std::path::PathBuf;

use congkhai::diagnostics::{Lang, Line, Thing, did_you_mean};
use congkhai::model::config::Field;
use congkhai::vi;

use super::{CliError, LangArg, Outcome, say, site_lang};

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
    /// Language of this command's messages: vi or en (default: the site's language in
    /// site.yaml).
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
}

impl Args {
    /// The language of messages: `--lang`, else the site's.
    pub fn lang(&self) -> Lang {
        let What::Procedure(args) = &self.what;
        site_lang(&args.root, args.lang)
    }
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
    let lang = args.lang();
    let What::Procedure(mut args) = args.what;
    let fields_path = args.root.join("content/fields.yaml");
    let text = std::fs::read_to_string(&fields_path).map_err(|e| Line::CannotReadFile {
        path: fields_path.display().to_string(),
        error: e.to_string(),
    })?;
    let fields: Vec<Field> =
        congkhai::content::parse_yaml(&text, "content/fields.yaml", 0, Thing::FieldsYaml).map_err(
            |d| Line::FieldsUnreadable {
                message: d.text(lang).message,
            },
        )?;
    if (args.title.is_none() || args.field.is_none()) && interactive() {
        let stdin = std::io::stdin();
        let mut input = stdin.lock();
        let mut output = std::io::stderr();
        ask(&mut args, &fields, &mut input, &mut output, lang)?;
    }
    let Some(title) = &args.title else {
        return Err(Line::TitleMissing.into());
    };
    let title = vi::nfc(title.trim()).into_owned();
    if title.is_empty() {
        return Err(Line::TitleEmpty.into());
    }
    let Some(field) = args.field.clone() else {
        let fields = fields.iter().map(|f| f.id.value.clone()).collect();
        return Err(Line::FieldMissing { fields }.into());
    };
    let level = args.level.clone().unwrap_or_else(|| "commune".to_owned());
    if !LEVELS.iter().any(|(id, _)| *id == level) {
        let levels = LEVELS.iter().map(|(id, _)| (*id).to_owned()).collect();
        return Err(Line::LevelUnknown { level, levels }.into());
    }
    let args = ProcedureArgs {
        field: Some(field.clone()),
        level: Some(level.clone()),
        ..args
    };
    if !fields.iter().any(|f| f.id.value == field) {
        let ids: Vec<&str> = fields.iter().map(|f| f.id.value.as_str()).collect();
        let suggestion = did_you_mean(&field, ids.iter().copied()).map(str::to_owned);
        let fields = ids.iter().map(|id| (*id).to_owned()).collect();
        return Err(Line::FieldUnknown {
            field,
            suggestion,
            fields,
        }
        .into());
    }
    let slug = vi::title_slug(&title);
    let dir = args.root.join("content/procedures").join(&field);
    let path = dir.join(format!("{slug}.yaml"));
    if path.exists() {
        return Err(Line::RecordExists {
            path: path.display().to_string(),
        }
        .into());
    }
    let code = args.code.clone().unwrap_or_else(|| {
        format!(
            "{}{}",
            congkhai::model::Procedure::TEMPORARY_CODE_PREFIX,
            congkhai::output::content_hash(slug.as_bytes())
        )
    });
    std::fs::create_dir_all(&dir).map_err(|e| Line::CannotCreate {
        path: dir.display().to_string(),
        error: e.to_string(),
    })?;
    std::fs::write(&path, record(&title, &code, &field, &level)).map_err(|e| {
        Line::CannotWrite {
            path: path.display().to_string(),
            error: e.to_string(),
        }
    })?;
    println!("{}", path.display());
    let path = path.display().to_string();
    say(Line::RecordCreated { path }, lang);
    if args.code.is_none() {
        say(Line::TemporaryCode { code }, lang);
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
    lang: Lang,
) -> Result<(), CliError> {
    let mut line = String::new();
    let mut read = |output: &mut dyn std::io::Write, prompt: Line| -> Result<String, CliError> {
        write!(output, "{}", prompt.render(lang))?;
        output.flush()?;
        line.clear();
        if input.read_line(&mut line)? == 0 {
            return Err(Line::NoAnswer.into());
        }
        Ok(line.trim().to_owned())
    };
    while args.title.as_deref().is_none_or(|t| t.trim().is_empty()) {
        let answer = read(output, Line::AskTitle)?;
        if !answer.is_empty() {
            args.title = Some(answer);
        }
    }
    if args.field.is_none() {
        writeln!(output, "{}", Line::AskFieldHeading.render(lang))?;
        for (i, f) in fields.iter().enumerate() {
            writeln!(output, "  {:>2}. {} ({})", i + 1, f.name, f.id.value)?;
        }
        loop {
            let answer = read(output, Line::AskField)?;
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
                None => writeln!(output, "{}", Line::NotAField { answer }.render(lang))?,
            }
        }
        if args.level.is_none() {
            writeln!(output, "{}", Line::AskLevelHeading.render(lang))?;
            for (i, (id, name)) in LEVELS.iter().enumerate() {
                writeln!(output, "  {}. {name} ({id})", i + 1)?;
            }
            loop {
                let default = format!("4. {}", LEVELS[3].1);
                let answer = read(output, Line::AskLevel { default })?;
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
                    None => {
                        let count = LEVELS.len();
                        let line = Line::NotALevel { answer, count };
                        writeln!(output, "{}", line.render(lang))?
                    }
                }
            }
        }
    }
    Ok(())
}

fn quoted(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// A new record: what the editor gave (title, code, field, level), and every other part the
/// law asks for stated as `unknown`, never as a placeholder that reads like a fact (the site
/// says "Chưa có thông tin …" until the editor fills it in). Under each part, a commented
/// example shows its shape.
fn record(title: &str, code: &str, field: &str, level: &str) -> String {
    format!(
        r#"# yaml-language-server: $schema=../../../congkhai.schema.json
# Hồ sơ thủ tục mới. Mỗi phần còn ghi `unknown` (chưa có thông tin) thì trang ghi "Chưa có
# thông tin": thay bằng nội dung trong quyết định công bố (theo mẫu ghi chú ngay dưới), hoặc
# `not_published` nếu nguồn chưa công bố, rồi chạy `congkhai check`.
code: {code}
title: {title}
field: {field}
level: {level}
online_level: unknown         # full (toàn trình) | partial (một phần) | none | unknown | not_published
# online_url: "https://dichvucong.gov.vn/…"
status: active                # active | upcoming | suspended | repealed
applicants: unknown
# applicants:
#   - "Cá nhân, tổ chức có yêu cầu"
agencies: unknown
# agencies:
#   competent: "Ủy ban nhân dân cấp xã"
#   implementing: "Ủy ban nhân dân cấp xã"
steps: unknown
# steps:
#   - title: "Nộp hồ sơ"
#     actor: applicant
#     text: "…"
channels: unknown
# channels:
#   - {{type: in_person, available: true, where: "Bộ phận Một cửa"}}
#   - {{type: online, available: false}}
#   - {{type: postal, available: false}}
processing_time: unknown
# processing_time:
#   text: "05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ."
#   value: 5
#   unit: working_days
documents: unknown
# documents:
#   - {{name: "Tờ khai …", originals: 1, copies: 0}}
fees: unknown                 # [] = không thu phí, lệ phí; not_published = nguồn chưa công bố
# fees:
#   - {{id: le-phi, kind: le_phi, amount: 8000, unit: "đồng/bản", text: "…"}}
results: unknown
# results:
#   - "…"
legal_basis: unknown
# legal_basis:
#   - {{number: "…/…/NĐ-CP", title: "…"}}
keywords: []
"#,
        code = quoted(code),
        title = quoted(title),
    )
}
