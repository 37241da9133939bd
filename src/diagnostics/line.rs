//! The table of the commands' own lines: summaries, progress, refusals and the messages of
//! `init`, `new` and `serve`, as [`Line`] variants with typed arguments, and their English and
//! Vietnamese words in one match ([`Line::render`]).
//!
//! Diagnostics say what is wrong with the content ([`super::Message`]); these say what a
//! command did or why it could not start. Both are shown in one language, chosen once: `--lang`,
//! else the site's `language`, else Vietnamese. Adding a line means adding a variant and its
//! arm in [`Line::render`] (the compiler asks for it, with both languages) and an example in
//! the tests below (`every_line_renders_in_both_languages` asks for it).

use super::Lang;
use super::message::code_list;
use crate::output::{Action, PreviousSite, Refusal};
use crate::vi::DateError;

kinds! {
    /// Every line a command prints besides diagnostics, with the values its words need.
    #[derive(Debug)]
    pub enum Line {
        /// The word before a command's error ("error", "lỗi").
        ErrorWord,
        /// An error of the system, in its own words (an I/O error).
        System { error: String },

        // build
        /// A build published `procedures` procedures: `files` files, `bytes` bytes, at `out`.
        Built { procedures: usize, files: usize, bytes: u64, out: String },
        /// A build stopped on `errors` errors of the content.
        BuildFailed { errors: usize },
        /// The git history is partial (a shallow clone): dates and old addresses may be
        /// missing.
        ShallowHistory,
        /// `--cache` held something this build could not use (why: another version, damaged,
        /// unreadable); everything was computed again.
        CacheIgnored { why: crate::cache::Ignored },
        /// The records the build took from `--cache` rather than parsed, and the pages it kept
        /// from the published site rather than rendered.
        CacheUsed {
            reused: usize,
            records: usize,
            pages_reused: usize,
            pages: usize,
        },
        /// The site was published, but the cache could not be written for the next build.
        CacheNotKept { error: String },
        /// The step of the build that runs now, on the progress line.
        Step { step: &'static str },
        /// `--base-url` is not an absolute http(s) address.
        BaseUrlArgument { url: String },
        /// `--cache` names a folder inside `content/` or the published output.
        CacheInside { dir: String, inside: String },
        /// `--now` is not a date.
        NowArgument { now: String, error: DateError },
        /// The site root cannot be read.
        RootUnreadable { path: String, error: String },
        /// `report --format html` wrote its page.
        ReportWritten { path: String },
        /// `report --output` inside the published folder.
        ReportInPublic { path: String },

        /// The new site was published but its folder could not be flushed.
        NotDurable { error: String },
        /// The new site was published but the previous one is still at `path`.
        OldTreeLeft { path: String, error: String },
        /// Another build holds the output's lock.
        Busy { out: String, lock: String, pid: Option<u32> },
        /// Publishing failed while doing `action` on `path`.
        PublishFailed {
            out: String,
            action: Action,
            path: String,
            error: String,
            previous: PreviousSite,
        },
        /// The output folder cannot be a congkhai output.
        Refused { out: String, root: String, refusal: Refusal },

        // check
        /// `check` found no error.
        Checked { procedures: usize, fields: usize, warnings: usize },
        /// `check` found errors.
        CheckFailed { errors: usize, warnings: usize },

        // init
        /// The folder for a new site holds files.
        InitNotEmpty { dir: String },
        /// A folder could not be read.
        CannotReadFolder { path: String, error: String },
        /// A folder could not be made.
        CannotCreate { path: String, error: String },
        /// A file could not be written.
        CannotWrite { path: String, error: String },
        /// A file could not be read.
        CannotReadFile { path: String, error: String },
        /// A new site was made in `dir`.
        SiteCreated { dir: String },
        /// The CI files need the repository congkhai is installed from.
        SetCiRepository,

        // man
        /// The manual pages could not be written into `dir`.
        CannotWriteManPages { dir: String, error: String },

        // new
        /// `content/fields.yaml` has an error (the diagnostic's message).
        FieldsUnreadable { message: String },
        /// No title was given.
        TitleMissing,
        /// The title is empty.
        TitleEmpty,
        /// No `--field` was given (`fields`: the ids).
        FieldMissing { fields: Vec<String> },
        /// `--level` is not a level (`levels`: the ids).
        LevelUnknown { level: String, levels: Vec<String> },
        /// `--field` is not a field of `fields.yaml`.
        FieldUnknown { field: String, suggestion: Option<String>, fields: Vec<String> },
        /// The record's file exists already.
        RecordExists { path: String },
        /// The answers ended before a question was answered.
        NoAnswer,
        /// The question for the title.
        AskTitle,
        /// The heading of the list of fields.
        AskFieldHeading,
        /// The question for the field.
        AskField,
        /// An answer that is not a field.
        NotAField { answer: String },
        /// The heading of the list of levels.
        AskLevelHeading,
        /// The question for the level (`default`: the name of the default level).
        AskLevel { default: String },
        /// An answer that is not a level.
        NotALevel { answer: String, count: usize },
        /// A record was written at `path`.
        RecordCreated { path: String },
        /// The record's code is a temporary one.
        TemporaryCode { code: String },

        // serve
        /// The site root has no `content/`.
        ServeNoContent { root: String },
        /// The server could not start.
        CannotServe { addr: String, error: String },
        /// The server listens at `url` (the first line on stdout: scripts read the address).
        Serving { url: String },
        /// The server listens on an address other computers can reach.
        NotLoopback { addr: String },
        /// The first build of `serve`.
        ServeBuilt { procedures: usize, files: usize, ms: u128 },
        /// The watcher could not start.
        CannotWatch { root: String, error: String },
        /// The watcher runs.
        Watching,
        /// The watcher reported an error.
        WatchError { error: String },
        /// An edit was rebuilt.
        Rebuilt { pages: usize, files: usize, ms: u128 },
        /// The content has errors; the browser keeps the last good build.
        ServeErrors { errors: usize },
        /// The title of the error overlay.
        OverlayTitle { errors: usize },
        /// The note of the error overlay.
        OverlayNote,
        /// The button that hides the error overlay.
        OverlayHide,
    }
}

impl Line {
    /// The words of this line in `lang`: the one table of them.
    pub fn render(&self, lang: Lang) -> String {
        use Line as L;
        let t = |en: &str, vi: &str| -> String {
            match lang {
                Lang::En => en.to_owned(),
                Lang::Vi => vi.to_owned(),
            }
        };
        match self {
            L::ErrorWord => t("error", "lỗi"),
            L::System { error } => pick!(lang, "{error}", "hệ thống báo: {error}"),

            L::Built {
                procedures,
                files,
                bytes,
                out,
            } => {
                let mb = format!("{:.1}", *bytes as f64 / 1_048_576.0);
                // Vietnamese writes a decimal comma: 1,5 MB.
                let mb = match lang {
                    Lang::En => mb,
                    Lang::Vi => mb.replace('.', ","),
                };
                pick!(
                    lang,
                    "built {procedures} procedures: {files} files, {mb} MB in {out}",
                    "đã dựng {procedures} thủ tục: {files} tệp, {mb} MB tại {out}"
                )
            }
            L::BuildFailed { errors } => pick!(
                lang,
                "build failed: {errors} error(s); the previous site was left as it was",
                "dựng trang thất bại: {errors} lỗi; trang cũ được giữ nguyên"
            ),
            L::Step { step } => {
                let what = match (*step, lang) {
                    ("load", Lang::En) => "reading the records",
                    ("load", Lang::Vi) => "đọc các hồ sơ thủ tục",
                    ("git", Lang::En) => "reading the dates of changes",
                    ("git", Lang::Vi) => "đọc ngày sửa đổi",
                    ("validate", Lang::En) => "checking",
                    ("validate", Lang::Vi) => "kiểm tra",
                    ("theme", Lang::En) => "reading the theme",
                    ("theme", Lang::Vi) => "đọc giao diện",
                    ("cards", Lang::En) => "preparing the lists",
                    ("cards", Lang::Vi) => "chuẩn bị các danh sách",
                    ("index", Lang::En) => "making the search index and the open data",
                    ("index", Lang::Vi) => "tạo chỉ mục tra cứu và dữ liệu mở",
                    ("plan", Lang::En) => "planning the pages",
                    ("plan", Lang::Vi) => "lập danh sách trang",
                    ("render", Lang::En) => "making the pages",
                    ("render", Lang::Vi) => "dựng các trang",
                    ("copy", Lang::En) => "copying files",
                    ("copy", Lang::Vi) => "sao chép tệp",
                    ("publish", Lang::En) => "writing the site",
                    ("publish", Lang::Vi) => "ghi trang ra đĩa",
                    (other, _) => other,
                };
                pick!(lang, "congkhai: {what}…", "congkhai: {what}…")
            }
            L::CacheInside { dir, inside } => pick!(
                lang,
                "--cache {dir} is inside {inside}: the cache would be committed or published with it\n  help: use a folder of its own, for example --cache .congkhai-cache (the default)",
                "--cache {dir} nằm trong {inside}: bộ nhớ đệm sẽ bị đưa vào kho hoặc xuất bản cùng\n  gợi ý: dùng một thư mục riêng, ví dụ --cache .congkhai-cache (mặc định)"
            ),
            L::BaseUrlArgument { url } => pick!(
                lang,
                "--base-url {url:?} is not an absolute http(s) address; write it like https://thutuc.example.gov.vn or https://example.gov.vn/thu-tuc",
                "--base-url {url:?} không phải địa chỉ đầy đủ bắt đầu bằng http(s); hãy viết như https://thutuc.example.gov.vn hoặc https://example.gov.vn/thu-tuc"
            ),
            L::NowArgument { now, error } => {
                let error = super::message::date_error(lang, *error);
                pick!(
                    lang,
                    "--now {now}: {error} (write YYYY-MM-DD)",
                    "--now {now}: {error} (hãy viết dạng YYYY-MM-DD)"
                )
            }
            L::ReportWritten { path } => pick!(
                lang,
                "report written to {path}",
                "đã ghi báo cáo vào {path}"
            ),
            L::ReportInPublic { path } => pick!(
                lang,
                "{path} is inside public/, which is published: the report is for the office\n  help: write it elsewhere, for example --output bao-cao.html",
                "{path} nằm trong public/, thư mục được đăng công khai: báo cáo chỉ dành cho cơ quan\n  gợi ý: ghi ra chỗ khác, ví dụ --output bao-cao.html"
            ),

            L::ShallowHistory => t(
                "note: the git history is partial (a shallow clone): last-change dates and the redirects of old addresses may be missing\n  help: fetch the whole history, e.g. `git fetch --unshallow`, or in GitHub Actions `fetch-depth: 0` in actions/checkout, in GitLab CI `GIT_DEPTH: 0`",
                "lưu ý: lịch sử git không đầy đủ (bản sao nông): ngày cập nhật và chuyển hướng từ địa chỉ cũ có thể thiếu\n  gợi ý: lấy đủ lịch sử, ví dụ `git fetch --unshallow`, hoặc trong GitHub Actions đặt `fetch-depth: 0` cho actions/checkout, trong GitLab CI đặt `GIT_DEPTH: 0`",
            ),
            L::CacheIgnored { why } => {
                use crate::cache::Ignored;
                let (en, vi) = match why {
                    Ignored::OtherVersion => (
                        "was written by another build of congkhai".to_owned(),
                        "do một bản congkhai khác ghi".to_owned(),
                    ),
                    Ignored::Corrupt => (
                        "is damaged or cut short".to_owned(),
                        "bị hỏng hoặc bị cắt ngắn".to_owned(),
                    ),
                    Ignored::Unreadable(error) => (
                        format!("cannot be read ({error})"),
                        format!("không đọc được ({error})"),
                    ),
                };
                pick!(
                    lang,
                    "note: the build cache {en}: not used, everything was built again (the cache is written anew)",
                    "lưu ý: bộ nhớ đệm của lần dựng trước {vi}: không dùng, mọi thứ được dựng lại (bộ nhớ đệm được ghi mới)"
                )
            }
            L::CacheUsed {
                reused, records, ..
            } if matches!(self, L::CacheUsed { pages: 0, .. }) => pick!(
                lang,
                "cache: {reused} of {records} records reused (the others read from their files)",
                "bộ nhớ đệm: dùng lại {reused}/{records} thủ tục (số còn lại đọc từ tệp)"
            ),
            L::CacheUsed {
                reused,
                records,
                pages_reused,
                pages,
            } => pick!(
                lang,
                "cache: {reused} of {records} records reused (the others read from their files), {pages_reused} of {pages} pages kept from the published site (the others rendered)",
                "bộ nhớ đệm: dùng lại {reused}/{records} thủ tục (số còn lại đọc từ tệp), giữ {pages_reused}/{pages} trang của trang đã xuất bản (số còn lại dựng mới)"
            ),
            L::CacheNotKept { error } => pick!(
                lang,
                "warning: the site was published, but the build cache could not be written ({error}): the next build will not be faster",
                "cảnh báo: trang đã được xuất bản, nhưng không ghi được bộ nhớ đệm ({error}): lần dựng sau sẽ không nhanh hơn"
            ),
            L::RootUnreadable { path, error } => pick!(
                lang,
                "cannot read the site root {path}: {error}\n  help: run congkhai in a site folder, pass --root DIR, or create one with `congkhai init DIR`",
                "không đọc được thư mục trang {path}: {error}\n  gợi ý: chạy congkhai trong thư mục trang, thêm --root THƯ-MỤC, hoặc tạo trang mới bằng `congkhai init THƯ-MỤC`"
            ),
            L::NotDurable { error } => pick!(
                lang,
                "warning: the new site was published, but its folder could not be flushed to disk ({error}): a power cut now could bring back the previous one",
                "cảnh báo: trang mới đã được xuất bản, nhưng không ghi được thư mục xuống đĩa ({error}): nếu mất điện lúc này, trang cũ có thể quay lại"
            ),
            L::OldTreeLeft { path, error } => pick!(
                lang,
                "warning: the new site was published, but the previous one could not be removed ({error}): it is at {path}; the next build removes it",
                "cảnh báo: trang mới đã được xuất bản, nhưng không xóa được trang cũ ({error}): trang cũ nằm ở {path}; lần dựng sau sẽ xóa"
            ),
            L::Busy { out, lock, pid } => {
                let pid = pid.map_or_else(|| "?".to_owned(), |p| p.to_string());
                pick!(
                    lang,
                    "{out} is being built by another congkhai (pid {pid}, lock {lock}); nothing was touched\n  help: wait for that build to end, then build again",
                    "{out} đang được một tiến trình congkhai khác dựng (pid {pid}, khóa {lock}); không có gì bị thay đổi\n  gợi ý: đợi lần dựng đó xong rồi dựng lại"
                )
            }
            L::PublishFailed {
                out,
                action,
                path,
                error,
                previous,
            } => {
                let doing = match action {
                    Action::Inspect => t("look at", "xem"),
                    Action::Lock => t("take the lock", "lấy khóa"),
                    Action::Clean => t(
                        "remove a killed build's leftovers",
                        "xóa phần còn sót của lần dựng bị ngắt",
                    ),
                    Action::Stage => t("make the staging folder", "tạo thư mục tạm"),
                    Action::Write => t("write the site", "ghi trang"),
                    Action::Flush => t("flush the site to disk", "ghi trang xuống đĩa"),
                    Action::Swap => t("swap the new site in", "thay trang mới vào"),
                };
                let state = match previous {
                    PreviousSite::Kept => t(
                        "nothing was published; the previous site was left as it was",
                        "không có gì được xuất bản; trang cũ được giữ nguyên",
                    ),
                    PreviousSite::MovedAside(aside) => {
                        let aside = aside.display();
                        pick!(
                            lang,
                            "nothing is published at {out} now: the previous site is whole at {aside} (move it back, or build again)",
                            "hiện không có trang nào ở {out}: trang cũ còn nguyên ở {aside} (chuyển nó về, hoặc dựng lại)"
                        )
                    }
                };
                pick!(
                    lang,
                    "cannot {doing} ({path}): {error}; {state}",
                    "không {doing} được ({path}): {error}; {state}"
                )
            }
            L::Refused { out, root, refusal } => refused(lang, out, root, refusal),

            L::Checked {
                procedures,
                fields,
                warnings,
            } => pick!(
                lang,
                "ok: {procedures} procedures in {fields} fields, {warnings} warning(s)",
                "không có lỗi: {procedures} thủ tục thuộc {fields} lĩnh vực, {warnings} cảnh báo"
            ),
            L::CheckFailed { errors, warnings } => pick!(
                lang,
                "{errors} error(s), {warnings} warning(s)",
                "{errors} lỗi, {warnings} cảnh báo"
            ),

            L::InitNotEmpty { dir } => pick!(
                lang,
                "{dir} already exists and is not empty; choose a new folder name",
                "{dir} đã có và không rỗng; hãy chọn tên thư mục mới"
            ),
            L::CannotReadFolder { path, error } => pick!(
                lang,
                "cannot read the folder {path}: {error}",
                "không đọc được thư mục {path}: {error}"
            ),
            L::CannotCreate { path, error } => pick!(
                lang,
                "cannot create {path}: {error}",
                "không tạo được {path}: {error}"
            ),
            L::CannotWrite { path, error } => pick!(
                lang,
                "cannot write {path}: {error}",
                "không ghi được {path}: {error}"
            ),
            L::CannotReadFile { path, error } => pick!(
                lang,
                "cannot read {path}: {error}",
                "không đọc được {path}: {error}"
            ),
            L::SiteCreated { dir } => pick!(
                lang,
                "created a new site in {dir}\n\nnext:\n  cd {dir}\n  congkhai check      # validate the records\n  congkhai serve      # preview at http://127.0.0.1:1111/ while you edit\n  congkhai build      # build the site into public/\n\nCI: .github/workflows/congkhai.yml checks pull requests and publishes to GitHub Pages (.gitlab-ci.yml: GitLab Pages).\nVS Code with the YAML extension (Red Hat) completes and checks records with congkhai.schema.json.",
                "đã tạo trang mới trong {dir}\n\ntiếp theo:\n  cd {dir}\n  congkhai check      # kiểm tra các thủ tục\n  congkhai serve      # xem trước tại http://127.0.0.1:1111/ trong khi sửa\n  congkhai build      # dựng trang vào thư mục public/\n\nCI: .github/workflows/congkhai.yml kiểm tra từng yêu cầu hợp nhất (pull request) và xuất bản lên GitHub Pages (.gitlab-ci.yml: GitLab Pages).\nVS Code với tiện ích YAML (Red Hat) gợi ý và kiểm tra từng thủ tục theo congkhai.schema.json."
            ),

            L::SetCiRepository => t(
                "Before the first push, set CONGKHAI_GIT in both CI files to the git repository CI installs congkhai from.",
                "Trước lần đẩy (push) đầu tiên, hãy điền CONGKHAI_GIT trong cả hai tệp CI: địa chỉ kho git mà CI cài congkhai từ đó.",
            ),
            L::CannotWriteManPages { dir, error } => pick!(
                lang,
                "cannot write the manual pages into {dir}: {error}",
                "không ghi được các trang hướng dẫn (man) vào {dir}: {error}"
            ),
            L::FieldsUnreadable { message } => pick!(
                lang,
                "content/fields.yaml: {message}",
                "content/fields.yaml: {message}; hãy sửa tệp này trước (`congkhai check`)"
            ),
            L::TitleMissing => t(
                "the title is missing: congkhai new procedure \"Tên thủ tục\" --field ID (or run it in a terminal to be asked)",
                "thiếu tên thủ tục: `congkhai new procedure \"Tên thủ tục\" --field MÃ` (hoặc chạy lệnh trong cửa sổ dòng lệnh để được hỏi)",
            ),
            L::TitleEmpty => t(
                "the title is empty: write the procedure's name in quotes",
                "tên thủ tục đang để trống: hãy viết tên thủ tục trong ngoặc kép",
            ),
            L::FieldMissing { fields } => {
                let fields = code_list(fields);
                pick!(
                    lang,
                    "--field is missing: one of {fields}",
                    "thiếu --field: một trong các mã {fields}"
                )
            }
            L::LevelUnknown { level, levels } => {
                let levels = code_list(levels);
                pick!(
                    lang,
                    "--level {level}: write one of {levels}",
                    "--level {level}: hãy viết một trong các giá trị {levels}"
                )
            }
            L::FieldUnknown {
                field,
                suggestion,
                fields,
            } => {
                let hint = match suggestion {
                    Some(s) => pick!(lang, "did you mean `{s}`?", "có phải ý bạn là `{s}`?"),
                    None => {
                        let fields = code_list(fields);
                        pick!(
                            lang,
                            "the fields are: {fields}",
                            "các lĩnh vực có: {fields}"
                        )
                    }
                };
                pick!(
                    lang,
                    "unknown field `{field}`: {hint}",
                    "không có lĩnh vực `{field}`: {hint}"
                )
            }
            L::RecordExists { path } => pick!(
                lang,
                "{path} already exists; edit it or choose another title",
                "{path} đã có; hãy sửa tệp đó hoặc chọn tên thủ tục khác"
            ),
            L::NoAnswer => t(
                "no answer (end of input)",
                "không có câu trả lời (hết dữ liệu nhập)",
            ),
            L::AskTitle => t("Procedure name (`title`): ", "Tên thủ tục (`title`): "),
            L::AskFieldHeading => t("Field (`field`):", "Lĩnh vực (`field`):"),
            L::AskField => t(
                "Choose a number or a field id: ",
                "Chọn số hoặc mã lĩnh vực: ",
            ),
            L::NotAField { answer } => pick!(
                lang,
                "There is no field “{answer}”; choose a number from the list.",
                "Không có lĩnh vực “{answer}”; chọn một số trong danh sách."
            ),
            L::AskLevelHeading => t("Level (`level`):", "Cấp thực hiện (`level`):"),
            L::AskLevel { default } => pick!(
                lang,
                "Choose a number or an id [{default}]: ",
                "Chọn số hoặc mã [{default}]: "
            ),
            L::NotALevel { answer, count } => pick!(
                lang,
                "There is no level “{answer}”; choose 1 to {count}.",
                "Không có cấp “{answer}”; chọn 1 đến {count}."
            ),
            L::RecordCreated { path } => pick!(
                lang,
                "created {path}; fill in each part, then run `congkhai check`",
                "đã tạo {path}; điền từng phần của thủ tục, rồi chạy `congkhai check`"
            ),
            L::TemporaryCode { code } => pick!(
                lang,
                "note: `code` is temporary ({code}); replace it with the national code",
                "lưu ý: `code` là mã tạm ({code}); hãy thay bằng mã thủ tục quốc gia"
            ),

            L::ServeNoContent { root } => pick!(
                lang,
                "there is no content/ folder in {root}; pass --root DIR or create a site with `congkhai init DIR`",
                "trong {root} không có thư mục content/; hãy thêm --root THƯ-MỤC hoặc tạo trang mới bằng `congkhai init THƯ-MỤC`"
            ),
            L::CannotServe { addr, error } => pick!(
                lang,
                "cannot serve on {addr}: {error}",
                "không mở được máy chủ xem trước tại {addr}: {error}"
            ),
            L::Serving { url } => pick!(lang, "serving at {url}", "đang phục vụ tại {url}"),
            L::NotLoopback { addr } => pick!(
                lang,
                "warning: listening on {addr}, which is not a loopback address: other computers on the network can see this preview",
                "cảnh báo: đang nghe tại {addr}, không phải địa chỉ nội bộ của máy này: các máy khác trong mạng có thể xem bản xem trước này"
            ),
            L::ServeBuilt {
                procedures,
                files,
                ms,
            } => pick!(
                lang,
                "built {procedures} procedures, {files} files in {ms} ms",
                "đã dựng {procedures} thủ tục, {files} tệp trong {ms} ms"
            ),
            L::CannotWatch { root, error } => pick!(
                lang,
                "error: cannot watch {root}: {error}; try `--poll`",
                "lỗi: không theo dõi được {root}: {error}; hãy thử `--poll`"
            ),
            L::Watching => t(
                "watching content/ and themes/ for changes (Ctrl-C to stop)",
                "đang theo dõi thay đổi trong content/ và themes/ (Ctrl-C để dừng)",
            ),
            L::WatchError { error } => pick!(lang, "watch: {error}", "theo dõi thay đổi: {error}"),
            L::Rebuilt { pages, files, ms } => pick!(
                lang,
                "rebuilt {pages} pages ({files} files changed) in {ms} ms",
                "đã dựng lại {pages} trang ({files} tệp thay đổi) trong {ms} ms"
            ),
            L::ServeErrors { errors } => pick!(
                lang,
                "{errors} error(s); the browser keeps showing the last good build",
                "{errors} lỗi; trình duyệt vẫn hiện bản dựng tốt gần nhất"
            ),
            L::OverlayTitle { errors } => pick!(
                lang,
                "The content has {errors} error(s)",
                "Nội dung có {errors} lỗi"
            ),
            L::OverlayNote => t(
                "The page below is the last good build. Fix the file and save: the page reloads by itself.",
                "Trang bên dưới là bản dựng tốt gần nhất. Sửa tệp và lưu lại: trang sẽ tự tải lại.",
            ),
            L::OverlayHide => t("Hide", "Ẩn"),
        }
    }
}

/// Why `build` refuses an output folder, and what to choose instead.
fn refused(lang: Lang, out: &str, root: &str, refusal: &Refusal) -> String {
    let t = |en: String, vi: String| match lang {
        Lang::En => en,
        Lang::Vi => vi,
    };
    let marker = crate::output::MARKER;
    let why = match refusal {
        Refusal::Root => pick!(
            lang,
            "{out} is the site root",
            "{out} là thư mục gốc của trang"
        ),
        Refusal::AboveRoot => pick!(
            lang,
            "{out} holds the site root {root}",
            "{out} chứa thư mục gốc của trang {root}"
        ),
        Refusal::SiteFolder(name) => pick!(
            lang,
            "{out} is, holds or lies in the site's {name}/ folder",
            "{out} là, chứa hoặc nằm trong thư mục {name}/ của trang"
        ),
        Refusal::FileSystemRoot => pick!(
            lang,
            "{out} is the root of the file system",
            "{out} là thư mục gốc của hệ thống tệp"
        ),
        Refusal::Home => pick!(
            lang,
            "{out} is your home folder",
            "{out} là thư mục nhà của bạn"
        ),
        Refusal::NotAFolder => pick!(
            lang,
            "{out} is a file, not a folder",
            "{out} là một tệp, không phải thư mục"
        ),
        Refusal::DanglingLink => pick!(
            lang,
            "{out} is a symbolic link to nothing",
            "{out} là liên kết tượng trưng trỏ tới chỗ không tồn tại"
        ),
        Refusal::NotAnOutput => pick!(
            lang,
            "{out} holds files and was not made by congkhai (it has no {marker} file)",
            "{out} có tệp và không do congkhai tạo (không có tệp {marker})"
        ),
        Refusal::MountPoint => pick!(
            lang,
            "{out} is a mount point or on another file system than its parent, so a new site cannot be renamed into its place",
            "{out} là điểm gắn kết hoặc nằm trên hệ thống tệp khác với thư mục chứa nó, nên không thể đổi tên trang mới vào chỗ đó"
        ),
        Refusal::Leftover(path) => {
            let path = path.display();
            pick!(
                lang,
                "{path}, beside the output, is not a congkhai leftover (it has no {marker} file)",
                "{path}, bên cạnh thư mục xuất, không phải phần còn sót của congkhai (không có tệp {marker})"
            )
        }
    };
    let help = match refusal {
        Refusal::NotAnOutput => t(
            "choose a new or empty folder for --out; if it is the output of an older congkhai (made before the marker), adopt it once with --force".to_owned(),
            "chọn một thư mục mới hoặc rỗng cho --out; nếu đó là thư mục xuất của một phiên bản congkhai cũ (trước khi có tệp đánh dấu), thêm --force một lần để nhận nó".to_owned(),
        ),
        Refusal::NotAFolder | Refusal::DanglingLink | Refusal::Leftover(_) => t(
            "choose another --out, or move that file away".to_owned(),
            "chọn --out khác, hoặc chuyển tệp đó đi chỗ khác".to_owned(),
        ),
        Refusal::MountPoint => pick!(
            lang,
            "publish into a folder inside it, e.g. --out {out}/site",
            "xuất bản vào một thư mục bên trong, ví dụ --out {out}/site"
        ),
        _ => pick!(
            lang,
            "choose a folder of its own for --out, e.g. --out {root}/public (--force does not allow this one)",
            "chọn một thư mục riêng cho --out, ví dụ --out {root}/public (--force cũng không cho phép thư mục này)"
        ),
    };
    pick!(
        lang,
        "refusing to build into {out}: {why}; a build replaces everything in its output folder. Nothing was touched.\n  help: {help}",
        "từ chối dựng vào {out}: {why}; mỗi lần dựng sẽ thay toàn bộ thư mục xuất. Không có gì bị thay đổi.\n  gợi ý: {help}"
    )
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::path::PathBuf;

    use super::*;
    use crate::diagnostics::message::check;

    fn s(text: &str) -> String {
        text.to_owned()
    }

    /// At least one line of every kind, with the values that choose each wording.
    fn examples() -> Vec<Line> {
        use Line as L;
        let mut all = vec![
            L::ErrorWord,
            L::System { error: s("E1") },
            L::Built {
                procedures: 53,
                files: 400,
                bytes: 3_000_000,
                out: s("public"),
            },
            L::BuildFailed { errors: 5 },
            L::Step { step: "render" },
            L::BaseUrlArgument { url: s("thutuc") },
            L::CacheInside {
                dir: s("public/cache"),
                inside: s("public"),
            },
            L::NowArgument {
                now: s("2026-13-01"),
                error: DateError::MonthOutOfRange { month: 13 },
            },
            L::RootUnreadable {
                path: s("site"),
                error: s("E2"),
            },
            L::ShallowHistory,
            L::CacheIgnored {
                why: crate::cache::Ignored::OtherVersion,
            },
            L::CacheIgnored {
                why: crate::cache::Ignored::Corrupt,
            },
            L::CacheIgnored {
                why: crate::cache::Ignored::Unreadable(s("E5")),
            },
            L::CacheUsed {
                reused: 52,
                records: 53,
                pages_reused: 160,
                pages: 170,
            },
            L::CacheUsed {
                reused: 52,
                records: 53,
                pages_reused: 0,
                pages: 0,
            },
            L::CacheNotKept { error: s("E6") },
            L::ReportWritten {
                path: s("bao-cao.html"),
            },
            L::ReportInPublic {
                path: s("public/bao-cao.html"),
            },
            L::NotDurable { error: s("E3") },
            L::OldTreeLeft {
                path: s(".public.old"),
                error: s("E4"),
            },
            L::Busy {
                out: s("public"),
                lock: s(".public.lock"),
                pid: Some(42),
            },
            L::Busy {
                out: s("public"),
                lock: s(".public.lock"),
                pid: None,
            },
            L::Checked {
                procedures: 53,
                fields: 7,
                warnings: 0,
            },
            L::CheckFailed {
                errors: 5,
                warnings: 1,
            },
            L::InitNotEmpty { dir: s("site") },
            L::CannotReadFolder {
                path: s("site"),
                error: s("E5"),
            },
            L::CannotCreate {
                path: s("site"),
                error: s("E6"),
            },
            L::CannotWrite {
                path: s("site/a.yaml"),
                error: s("E7"),
            },
            L::CannotReadFile {
                path: s("site/content/fields.yaml"),
                error: s("E8"),
            },
            L::SiteCreated { dir: s("site") },
            L::SetCiRepository,
            L::CannotWriteManPages {
                dir: s("man"),
                error: s("E14"),
            },
            L::FieldsUnreadable { message: s("E9") },
            L::TitleMissing,
            L::TitleEmpty,
            L::FieldMissing {
                fields: vec![s("ho-tich")],
            },
            L::LevelUnknown {
                level: s("county"),
                levels: vec![s("commune")],
            },
            L::FieldUnknown {
                field: s("ho-tic"),
                suggestion: Some(s("ho-tich")),
                fields: vec![s("ho-tich")],
            },
            L::FieldUnknown {
                field: s("ho-tic"),
                suggestion: None,
                fields: vec![s("ho-tich")],
            },
            L::RecordExists {
                path: s("content/procedures/ho-tich/a.yaml"),
            },
            L::NoAnswer,
            L::AskTitle,
            L::AskFieldHeading,
            L::AskField,
            L::NotAField { answer: s("9") },
            L::AskLevelHeading,
            L::AskLevel {
                default: s("4. Cấp xã"),
            },
            L::NotALevel {
                answer: s("9"),
                count: 5,
            },
            L::RecordCreated {
                path: s("content/procedures/ho-tich/a.yaml"),
            },
            L::TemporaryCode { code: s("TAM-1") },
            L::ServeNoContent { root: s("site") },
            L::CannotServe {
                addr: s("127.0.0.1:1111"),
                error: s("E10"),
            },
            L::Serving {
                url: s("http://127.0.0.1:1111/"),
            },
            L::NotLoopback {
                addr: s("0.0.0.0:1111"),
            },
            L::ServeBuilt {
                procedures: 53,
                files: 400,
                ms: 120,
            },
            L::CannotWatch {
                root: s("site"),
                error: s("E11"),
            },
            L::Watching,
            L::WatchError { error: s("E12") },
            L::Rebuilt {
                pages: 3,
                files: 4,
                ms: 12,
            },
            L::ServeErrors { errors: 2 },
            L::OverlayTitle { errors: 2 },
            L::OverlayNote,
            L::OverlayHide,
        ];
        for action in [
            Action::Inspect,
            Action::Lock,
            Action::Clean,
            Action::Stage,
            Action::Write,
            Action::Flush,
            Action::Swap,
        ] {
            for previous in [
                PreviousSite::Kept,
                PreviousSite::MovedAside(PathBuf::from(".public.old")),
            ] {
                all.push(L::PublishFailed {
                    out: s("public"),
                    action,
                    path: s("public"),
                    error: s("E13"),
                    previous,
                });
            }
        }
        for refusal in [
            Refusal::Root,
            Refusal::AboveRoot,
            Refusal::SiteFolder("content"),
            Refusal::FileSystemRoot,
            Refusal::Home,
            Refusal::NotAFolder,
            Refusal::DanglingLink,
            Refusal::NotAnOutput,
            Refusal::MountPoint,
            Refusal::Leftover(PathBuf::from(".public.staging")),
        ] {
            all.push(L::Refused {
                out: s("public"),
                root: s("site"),
                refusal,
            });
        }
        all
    }

    #[test]
    fn every_kind_of_line_has_an_example() {
        let covered: BTreeSet<&str> = examples().iter().map(Line::kind).collect();
        let missing: Vec<&&str> = Line::KINDS
            .iter()
            .filter(|k| !covered.contains(**k))
            .collect();
        assert!(missing.is_empty(), "add examples of {missing:?}");
    }

    #[test]
    fn every_line_renders_in_both_languages() {
        let mut problems = Vec::new();
        for line in examples() {
            let (en, vi) = (line.render(Lang::En), line.render(Lang::Vi));
            problems.extend(check::problems(line.kind(), &en, &vi));
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }
}
