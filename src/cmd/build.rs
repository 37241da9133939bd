//! `congkhai build`: the full build, published atomically.

use std::path::{Path, PathBuf};

use congkhai::BuildError;
use congkhai::diagnostics::Lang;
use congkhai::publish::{Action, AfterPublish, MARKER, PreviousSite, PublishError, Refusal};

use super::{CliError, Format, Messages, Outcome, SiteArgs, report};

/// Arguments of `build`.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    site: SiteArgs,
    /// Output folder (default: ROOT/public). Only ever a congkhai output: each build replaces
    /// all of it.
    #[arg(long)]
    out: Option<PathBuf>,
    /// Publish into a non-empty --out that has no .congkhai-output marker (an output of an
    /// older congkhai, adopted once). Never the root, content/, themes/, a folder above the
    /// root, / or the home folder.
    #[arg(long)]
    force: bool,
    /// Absolute URL the site is published at; overrides base_url in site.yaml.
    #[arg(long)]
    base_url: Option<String>,
    /// Print the time of each pipeline step.
    #[arg(long)]
    timings: bool,
    /// How to print diagnostics.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

/// Builds the site and reports warnings or errors. Content errors are an outcome (exit 1);
/// the tool's I/O errors are returned (exit 2).
pub fn run(args: Args) -> Result<Outcome, CliError> {
    let mut options = args.site.options()?;
    options.out = args.out;
    if let Some(url) = &args.base_url
        && !congkhai::links::is_site_address(url)
    {
        return Err(format!(
            "--base-url {url:?} is not an absolute http(s) address; \
             write it like https://thutuc.example.gov.vn or https://example.gov.vn/thu-tuc"
        )
        .into());
    }
    options.base_url = args.base_url;
    options.force = args.force;
    let lang = args.site.lang();
    let m = Messages(lang);
    match congkhai::build(&options) {
        Ok(result) => {
            report(&result.diagnostics, args.format, lang);
            if args.timings {
                eprint!("{}", result.timings.render());
            }
            for problem in &result.published.problems {
                eprintln!("{}", m.after_publish(problem));
            }
            eprintln!(
                "{}",
                m.built(
                    result.procedures,
                    result.files,
                    result.bytes as f64 / 1_048_576.0,
                    &result.out
                )
            );
            Ok(Outcome::Success)
        }
        Err(BuildError::Content(diagnostics)) => {
            report(&diagnostics, args.format, lang);
            eprintln!("{}", m.content_failed(diagnostics.error_count()));
            Ok(Outcome::ContentErrors)
        }
        Err(BuildError::Root { path, error }) => Err(m.root(&path, &error).into()),
        Err(BuildError::Publish { diagnostics, error }) => {
            report(&diagnostics, args.format, lang);
            Err(m.publish(&error, &options.root).into())
        }
    }
}

/// The message for a site root that cannot be read (also `check`'s).
pub fn root_message(lang: Lang, path: &Path, error: &std::io::Error) -> String {
    Messages(lang).root(path, error)
}

impl Messages {
    fn built(&self, procedures: usize, files: usize, mb: f64, out: &Path) -> String {
        let out = out.display();
        self.pick(
            format!("built {procedures} procedures: {files} files, {mb:.1} MB in {out}"),
            format!("đã dựng {procedures} thủ tục: {files} tệp, {mb:.1} MB tại {out}"),
        )
    }

    fn content_failed(&self, errors: usize) -> String {
        self.pick(
            format!("build failed: {errors} error(s); the previous site was left as it was"),
            format!("dựng trang thất bại: {errors} lỗi; trang cũ được giữ nguyên"),
        )
    }

    fn root(&self, path: &Path, error: &std::io::Error) -> String {
        let path = path.display();
        self.pick(
            format!(
                "cannot read the site root {path}: {error}\n  help: run congkhai in a site folder, pass --root DIR, or create one with `congkhai init DIR`"
            ),
            format!(
                "không đọc được thư mục trang {path}: {error}\n  gợi ý: chạy congkhai trong thư mục trang, thêm --root THƯ-MỤC, hoặc tạo trang mới bằng `congkhai init THƯ-MỤC`"
            ),
        )
    }

    fn after_publish(&self, problem: &AfterPublish) -> String {
        match problem {
            AfterPublish::NotDurable(e) => self.pick(
                format!(
                    "warning: the new site was published, but its folder could not be flushed to disk ({e}): a power cut now could bring back the previous one"
                ),
                format!(
                    "cảnh báo: trang mới đã được xuất bản, nhưng không ghi được thư mục xuống đĩa ({e}): nếu mất điện lúc này, trang cũ có thể quay lại"
                ),
            ),
            AfterPublish::OldTreeLeft { path, error } => {
                let path = path.display();
                self.pick(
                    format!(
                        "warning: the new site was published, but the previous one could not be removed ({error}): it is at {path}; the next build removes it"
                    ),
                    format!(
                        "cảnh báo: trang mới đã được xuất bản, nhưng không xóa được trang cũ ({error}): trang cũ nằm ở {path}; lần dựng sau sẽ xóa"
                    ),
                )
            }
        }
    }

    fn publish(&self, error: &PublishError, root: &Path) -> String {
        match error {
            PublishError::Refused { out, refusal } => self.refused(out, refusal, root),
            PublishError::Busy { out, lock, pid } => {
                let (out, lock) = (out.display(), lock.display());
                let pid = pid.map_or_else(|| "?".to_owned(), |p| p.to_string());
                self.pick(
                    format!(
                        "{out} is being built by another congkhai (pid {pid}, lock {lock}); nothing was touched\n  help: wait for that build to end, then build again"
                    ),
                    format!(
                        "{out} đang được một tiến trình congkhai khác dựng (pid {pid}, khóa {lock}); không có gì bị thay đổi\n  gợi ý: đợi lần dựng đó xong rồi dựng lại"
                    ),
                )
            }
            PublishError::Failed {
                out,
                action,
                path,
                error,
                previous,
            } => {
                let (en_action, vi_action) = match action {
                    Action::Inspect => ("look at", "xem"),
                    Action::Lock => ("take the lock", "lấy khóa"),
                    Action::Clean => (
                        "remove a killed build's leftovers",
                        "xóa phần còn sót của lần dựng bị ngắt",
                    ),
                    Action::Stage => ("make the staging folder", "tạo thư mục tạm"),
                    Action::Write => ("write the site", "ghi trang"),
                    Action::Flush => ("flush the site to disk", "ghi trang xuống đĩa"),
                    Action::Swap => ("swap the new site in", "thay trang mới vào"),
                };
                let (path, out) = (path.display(), out.display());
                let (en_state, vi_state) = match previous {
                    PreviousSite::Kept => (
                        "nothing was published; the previous site was left as it was".to_owned(),
                        "không có gì được xuất bản; trang cũ được giữ nguyên".to_owned(),
                    ),
                    PreviousSite::MovedAside(aside) => {
                        let aside = aside.display();
                        (
                            format!(
                                "nothing is published at {out} now: the previous site is whole at {aside} (move it back, or build again)"
                            ),
                            format!(
                                "hiện không có trang nào ở {out}: trang cũ còn nguyên ở {aside} (chuyển nó về, hoặc dựng lại)"
                            ),
                        )
                    }
                };
                self.pick(
                    format!("cannot {en_action} ({path}): {error}; {en_state}"),
                    format!("không {vi_action} được ({path}): {error}; {vi_state}"),
                )
            }
        }
    }

    fn refused(&self, out: &Path, refusal: &Refusal, root: &Path) -> String {
        let root = root.display();
        let shown = out.display();
        let (en, vi) = match refusal {
            Refusal::Root => (
                format!("{shown} is the site root"),
                format!("{shown} là thư mục gốc của trang"),
            ),
            Refusal::AboveRoot => (
                format!("{shown} holds the site root {root}"),
                format!("{shown} chứa thư mục gốc của trang {root}"),
            ),
            Refusal::SiteFolder(name) => (
                format!("{shown} is, holds or lies in the site's {name}/ folder"),
                format!("{shown} là, chứa hoặc nằm trong thư mục {name}/ của trang"),
            ),
            Refusal::FileSystemRoot => (
                format!("{shown} is the root of the file system"),
                format!("{shown} là thư mục gốc của hệ thống tệp"),
            ),
            Refusal::Home => (
                format!("{shown} is your home folder"),
                format!("{shown} là thư mục nhà của bạn"),
            ),
            Refusal::NotAFolder => (
                format!("{shown} is a file, not a folder"),
                format!("{shown} là một tệp, không phải thư mục"),
            ),
            Refusal::DanglingLink => (
                format!("{shown} is a symbolic link to nothing"),
                format!("{shown} là liên kết tượng trưng trỏ tới chỗ không tồn tại"),
            ),
            Refusal::NotAnOutput => (
                format!(
                    "{shown} holds files and was not made by congkhai (it has no {MARKER} file)"
                ),
                format!("{shown} có tệp và không do congkhai tạo (không có tệp {MARKER})"),
            ),
            Refusal::MountPoint => (
                format!(
                    "{shown} is a mount point or on another file system than its parent, so a new site cannot be renamed into its place"
                ),
                format!(
                    "{shown} là điểm gắn kết hoặc nằm trên hệ thống tệp khác với thư mục chứa nó, nên không thể đổi tên trang mới vào chỗ đó"
                ),
            ),
            Refusal::Leftover(path) => {
                let path = path.display();
                (
                    format!(
                        "{path}, beside the output, is not a congkhai leftover (it has no {MARKER} file)"
                    ),
                    format!(
                        "{path}, bên cạnh thư mục xuất, không phải phần còn sót của congkhai (không có tệp {MARKER})"
                    ),
                )
            }
        };
        let (en_help, vi_help) = match refusal {
            Refusal::NotAnOutput => (
                "choose a new or empty folder for --out; if it is the output of an older congkhai (made before the marker), adopt it once with --force".to_owned(),
                "chọn một thư mục mới hoặc rỗng cho --out; nếu đó là thư mục xuất của một phiên bản congkhai cũ (trước khi có tệp đánh dấu), thêm --force một lần để nhận nó".to_owned(),
            ),
            Refusal::NotAFolder | Refusal::DanglingLink | Refusal::Leftover(_) => (
                "choose another --out, or move that file away".to_owned(),
                "chọn --out khác, hoặc chuyển tệp đó đi chỗ khác".to_owned(),
            ),
            Refusal::MountPoint => (
                format!("publish into a folder inside it, e.g. --out {shown}/site"),
                format!("xuất bản vào một thư mục bên trong, ví dụ --out {shown}/site"),
            ),
            _ => (
                format!("choose a folder of its own for --out, e.g. --out {root}/public (--force does not allow this one)"),
                format!("chọn một thư mục riêng cho --out, ví dụ --out {root}/public (--force cũng không cho phép thư mục này)"),
            ),
        };
        self.pick(
            format!(
                "refusing to build into {shown}: {en}; a build replaces everything in its output folder. Nothing was touched.\n  help: {en_help}"
            ),
            format!(
                "từ chối dựng vào {shown}: {vi}; mỗi lần dựng sẽ thay toàn bộ thư mục xuất. Không có gì bị thay đổi.\n  gợi ý: {vi_help}"
            ),
        )
    }
}
