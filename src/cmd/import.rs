//! `congkhai import dvc FILE|DIR` and `congkhai import list FILE.csv|FILE.xlsx`: records from
//! the national portal's procedure details or an office's catalogue list, written into
//! `content/` (nothing at all when anything fails; `--dry-run` writes nothing and shows what
//! would change).

use std::path::{Path, PathBuf};

use congkhai::diagnostics::{Lang, Line, Severity};
use congkhai::import::{self, Batch, Message, Problem};

use super::{CliError, LangArg, Outcome, site_lang};

/// Arguments of `import`.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(subcommand)]
    source: Source,
}

#[derive(clap::Subcommand, Debug)]
enum Source {
    /// Procedure-detail JSON of the national public-service portal (one file, or a folder of
    /// .json files).
    Dvc(DvcArgs),
    /// An office's catalogue list: .csv, or .xlsx (.xls, .ods), first sheet.
    List(ListArgs),
}

/// Options of every import.
#[derive(clap::Args, Debug)]
struct Common {
    /// The site folder (the one that holds content/).
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// Print what would change, per record, and write nothing.
    #[arg(long)]
    dry_run: bool,
    /// Language of messages: vi or en (default: the site's language in site.yaml).
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
    /// Field id from content/fields.yaml for records whose source names no field.
    #[arg(long)]
    field: Option<String>,
    /// The level when the source gives none (no "Cấp thực hiện" column, no level flag on the
    /// portal): commune, district, province, central or other.
    #[arg(long, value_parser = ["central", "province", "district", "commune", "other"])]
    level: Option<String>,
    /// "Today" as YYYY-MM-DD, to tell upcoming from active and past repeals from future
    /// ones in a list (default: today's date).
    #[arg(long)]
    now: Option<String>,
}

#[derive(clap::Args, Debug)]
struct DvcArgs {
    /// A .json file, or a folder of them.
    path: PathBuf,
    #[command(flatten)]
    common: Common,
}

#[derive(clap::Args, Debug)]
struct ListArgs {
    /// The list.
    path: PathBuf,
    /// Columns the importer does not recognise: key=Header,… (keys: code, title, field,
    /// level, status, effective_from, effective_to, decisions).
    #[arg(long)]
    columns: Option<String>,
    /// How records name the list as their source (default: its file name), e.g. a decision.
    #[arg(long)]
    source: Option<String>,
    #[command(flatten)]
    common: Common,
}

impl Args {
    /// The language of the messages: `--lang`, else the site's.
    pub fn lang(&self) -> Lang {
        let common = match &self.source {
            Source::Dvc(a) => &a.common,
            Source::List(a) => &a.common,
        };
        site_lang(&common.root, common.lang)
    }
}

/// Runs the import.
pub fn run(args: Args) -> Result<Outcome, CliError> {
    let (common, batch) = match args.source {
        Source::Dvc(a) => {
            let options = import::dvc::Options {
                field: a.common.field.clone(),
                level: a.common.level.clone(),
            };
            let batch = read_dvc(&a.path, &options);
            (a.common, batch)
        }
        Source::List(a) => {
            let lang = site_lang(&a.common.root, a.common.lang);
            let columns = match a.columns.as_deref().map(import::list::parse_columns) {
                // A usage error (exit 2), in the words of this module's table.
                Some(Err(message)) => {
                    return Err(Line::System {
                        error: message.render(lang),
                    }
                    .into());
                }
                Some(Ok(columns)) => columns,
                None => Vec::new(),
            };
            let today = match &a.common.now {
                Some(now) => now.parse().map_err(|error| Line::NowArgument {
                    now: now.clone(),
                    error,
                })?,
                None => congkhai::vi::Date::today(),
            };
            let options = import::list::Options {
                columns,
                level: a.common.level.clone(),
                field: a.common.field.clone(),
                source: a.source.clone(),
                today,
            };
            (a.common, read_list(&a.path, &options))
        }
    };
    let lang = site_lang(&common.root, common.lang);
    let (plan, problems) = match import::write::plan(&common.root, batch) {
        Ok(planned) => planned,
        Err(problems) => return Ok(failed(&problems, lang)),
    };
    for problem in &problems {
        eprintln!("{}", problem.render(lang));
    }
    for file in &plan.files {
        if common.dry_run || file.change != import::Change::Unchanged {
            println!(
                "{}",
                Message::RecordLine {
                    path: file.shown.clone(),
                    change: file.change.clone(),
                }
                .render(lang)
            );
        }
    }
    if !common.dry_run
        && let Err(problem) = plan.write()
    {
        return Ok(failed(&[*problem], lang));
    }
    let (added, changed, unchanged) = plan.counts();
    eprintln!(
        "{}",
        Message::Summary {
            added,
            changed,
            unchanged,
            fields: plan.new_fields.clone(),
            dry_run: common.dry_run,
        }
        .render(lang)
    );
    if !common.dry_run && added + changed > 0 {
        eprintln!("{}", Message::RunCheck.render(lang));
    }
    Ok(Outcome::Success)
}

/// Prints the problems and that nothing was written.
fn failed(problems: &[Problem], lang: Lang) -> Outcome {
    for problem in problems {
        eprintln!("{}", problem.render(lang));
    }
    let errors = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    eprintln!("{}", Message::Failed { errors }.render(lang));
    Outcome::ContentErrors
}

fn shown(path: &Path) -> String {
    path.display().to_string()
}

fn cannot_read(path: &Path, e: std::io::Error) -> Problem {
    Problem::error(
        &shown(path),
        Message::CannotRead {
            error: e.to_string(),
        },
    )
}

/// Reads one detail file, or every `.json` file of a folder (sorted).
fn read_dvc(path: &Path, options: &import::dvc::Options) -> Batch {
    let mut batch = Batch::default();
    let files = if path.is_dir() {
        let mut files: Vec<PathBuf> = match std::fs::read_dir(path) {
            Ok(entries) => entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "json"))
                .collect(),
            Err(e) => {
                batch.problems.push(cannot_read(path, e));
                return batch;
            }
        };
        files.sort();
        if files.is_empty() {
            batch
                .problems
                .push(Problem::error(&shown(path), Message::NoJsonFiles));
        }
        files
    } else {
        vec![path.to_owned()]
    };
    for file in files {
        match std::fs::read(&file) {
            Ok(bytes) => {
                let text = String::from_utf8_lossy(&bytes);
                import::dvc::read(&text, &shown(&file), options, &mut batch);
            }
            Err(e) => batch.problems.push(cannot_read(&file, e)),
        }
    }
    batch
}

/// Reads a CSV or spreadsheet list.
fn read_list(path: &Path, options: &import::list::Options) -> Batch {
    let mut batch = Batch::default();
    let file = shown(path);
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let rows = match extension.as_str() {
        "csv" | "txt" | "tsv" => match std::fs::read(path) {
            Ok(bytes) => import::list::csv_rows(&bytes),
            Err(e) => {
                batch.problems.push(cannot_read(path, e));
                return batch;
            }
        },
        "xlsx" | "xlsm" | "xls" | "xlsb" | "ods" => import::list::spreadsheet_rows(path),
        _ => Err(Message::UnknownListFormat),
    };
    match rows {
        Ok(rows) => import::list::read(&rows, &file, options, &mut batch),
        Err(message) => batch.problems.push(Problem::error(&file, message)),
    }
    batch
}
