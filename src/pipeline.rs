//! The pipeline: the steps of a build as functions, composed by [`check`] and [`build`] (and
//! by `serve`, which keeps their values between edits).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::diagnostics::{Diagnostic, Diagnostics, Message};
use crate::model::Catalogue;
use crate::output::Output;
use crate::render::{RenderOptions, Renderer};
use crate::theme::Theme;
use crate::validate::ValidateOptions;
use crate::vi::Date;

/// Options of a build or a check.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The site root (holds `content/`).
    pub root: PathBuf,
    /// Output directory; `root/public` when absent.
    pub out: Option<PathBuf>,
    /// Overrides `base_url` of site.yaml.
    pub base_url: Option<String>,
    /// "Today"; the date of the last commit when absent.
    pub now: Option<Date>,
    /// Theme name under `themes/`.
    pub theme: String,
    /// Publish into a non-empty output folder without the congkhai marker (adopting an older
    /// output); never the root, `content/`, `themes/`, a folder above the root, `/` or home.
    pub force: bool,
    /// Told the name of each step of the build as it starts.
    pub progress: Option<fn(&'static str)>,
    /// The build cache's folder (`--cache`): what the previous build computed, reused where
    /// its input is the same.
    pub cache: Option<PathBuf>,
}

impl BuildOptions {
    /// Defaults for a site at `root`.
    pub fn new(root: impl Into<PathBuf>) -> BuildOptions {
        BuildOptions {
            root: root.into(),
            out: None,
            base_url: None,
            now: None,
            theme: "default".to_owned(),
            force: false,
            progress: None,
            cache: None,
        }
    }

    /// Where the site is published.
    pub fn out_dir(&self) -> PathBuf {
        self.out.clone().unwrap_or_else(|| self.root.join("public"))
    }
}

/// How long each step took, and the process's peak memory when it ended.
#[derive(Debug, Default, Clone)]
pub struct Timings {
    /// The steps, in the order they first ran.
    pub steps: Vec<Step>,
    /// Told the name of each step as it starts (the command line's progress line).
    pub progress: Option<fn(&'static str)>,
}

/// One step of [`Timings`].
#[derive(Debug, Clone)]
pub struct Step {
    /// Its name ("load", "render", …).
    pub name: &'static str,
    /// Its time, over every run of it.
    pub duration: Duration,
    /// The process's CPU time (user and system, all threads) over every run of it: next to
    /// `duration` it tells how well the step used the cores. Absent where the system does not
    /// say (off Unix).
    pub cpu: Option<Duration>,
    /// The process's peak resident memory in bytes at the end of its last run (absent where the
    /// system does not say: only Linux does).
    pub peak: Option<u64>,
}

impl Timings {
    /// Runs `f` as the step `name` (or as more of it, when the step ran before: a build
    /// renders and publishes its pages part by part).
    pub fn time<T>(&mut self, name: &'static str, f: impl FnOnce() -> T) -> T {
        if let Some(progress) = self.progress {
            progress(name);
        }
        let start = Instant::now();
        let cpu_start = cpu_time();
        let value = f();
        let elapsed = start.elapsed();
        let cpu = cpu_time()
            .zip(cpu_start)
            .map(|(end, start)| end.saturating_sub(start));
        let peak = peak_rss();
        match self.steps.iter_mut().find(|s| s.name == name) {
            Some(step) => {
                step.duration += elapsed;
                step.cpu = step.cpu.zip(cpu).map(|(a, b)| a + b);
                step.peak = peak;
            }
            None => self.steps.push(Step {
                name,
                duration: elapsed,
                cpu,
                peak,
            }),
        }
        value
    }

    /// A small table: one step per line with milliseconds, share of the total, CPU time with
    /// the cores it kept busy on average, and peak memory.
    pub fn render(&self) -> String {
        let total: Duration = self.steps.iter().map(|s| s.duration).sum();
        let total_cpu: Option<Duration> = self.steps.iter().map(|s| s.cpu).sum();
        let mut out = String::new();
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        let cpu_column = |cpu: Option<Duration>, wall: Duration| match cpu {
            Some(cpu) if !wall.is_zero() => format!(
                "  cpu {:>9.1} ms {:>4.1} cores",
                ms(cpu),
                cpu.as_secs_f64() / wall.as_secs_f64()
            ),
            _ => String::new(),
        };
        for Step {
            name,
            duration,
            cpu,
            peak,
        } in &self.steps
        {
            let share = if total.is_zero() {
                0.0
            } else {
                duration.as_secs_f64() / total.as_secs_f64() * 100.0
            };
            let peak = match peak {
                Some(bytes) => format!("  peak {:>6} MB", bytes / 1_000_000),
                None => String::new(),
            };
            out.push_str(&format!(
                "  {name:<10} {:>9.1} ms {share:>5.1}%{}{peak}\n",
                ms(*duration),
                cpu_column(*cpu, *duration)
            ));
        }
        out.push_str(&format!(
            "  {:<10} {:>9.1} ms       {}\n",
            "total",
            ms(total),
            cpu_column(total_cpu, total)
        ));
        out
    }
}

/// The process's CPU time so far, user and system, of all its threads (`getrusage`, in
/// microseconds: `/proc/self/stat` counts in 10 ms ticks, too coarse for short steps).
fn cpu_time() -> Option<Duration> {
    #[cfg(unix)]
    {
        let mut usage = std::mem::MaybeUninit::<libc::rusage>::uninit();
        // SAFETY: `getrusage` writes a whole `rusage` into the pointer it is given, which points
        // to room for one, and reads nothing else; it is only read after a success.
        let usage = unsafe {
            if libc::getrusage(libc::RUSAGE_SELF, usage.as_mut_ptr()) != 0 {
                return None;
            }
            usage.assume_init()
        };
        let time = |t: libc::timeval| {
            Duration::from_secs(u64::try_from(t.tv_sec).ok()?)
                .checked_add(Duration::from_micros(u64::try_from(t.tv_usec).ok()?))
        };
        time(usage.ru_utime)?.checked_add(time(usage.ru_stime)?)
    }
    #[cfg(not(unix))]
    None
}

/// The process's peak resident memory so far (`VmHWM`), on Linux.
fn peak_rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// Loads and validates the site: the `check` command, and the first half of `build`.
pub fn check(options: &BuildOptions, timings: &mut Timings) -> (Option<Catalogue>, Diagnostics) {
    let (catalogue, diagnostics, _) = check_report(options, timings);
    (catalogue, diagnostics)
}

/// [`check`], and how the cache served. With `options.cache`, records come from the cache
/// where their file is unchanged, and the records read are kept there for the next check or
/// build.
pub fn check_report(
    options: &BuildOptions,
    timings: &mut Timings,
) -> (Option<Catalogue>, Diagnostics, Option<CacheReport>) {
    let Some(dir) = &options.cache else {
        let (catalogue, diagnostics, _) = check_cached(options, None, timings);
        return (catalogue, diagnostics, None);
    };
    let (cache, ignored) = timings.time("cache", || crate::cache::Cache::open(dir));
    let (catalogue, diagnostics, used) = check_cached(options, Some(&cache), timings);
    let kept = timings.time("cache", || keep_records(&cache, &used));
    let report = CacheReport {
        ignored,
        records: used.entries.len(),
        records_reused: used.hits.len(),
        pages: 0,
        pages_reused: 0,
        not_kept: kept.err().map(|e| e.to_string()),
    };
    (catalogue, diagnostics, Some(report))
}

/// [`check`], taking records from `cache` where it has their file's text; the records' cache
/// entries come back for the next build.
///
/// The cache keeps records without their positions in the file, which only diagnostics use.
/// When a diagnostic points into a record that came from the cache, that record is parsed
/// from its file and everything validated again, so that every diagnostic says the same as
/// without a cache.
fn check_cached(
    options: &BuildOptions,
    cache: Option<&crate::cache::Cache>,
    timings: &mut Timings,
) -> (Option<Catalogue>, Diagnostics, crate::content::CacheUse) {
    let root = &options.root;
    let none = rustc_hash::FxHashSet::default();
    let records = |bypass| {
        cache.map(|c| crate::content::RecordCache {
            store: &c.records,
            bypass,
        })
    };
    let mut loaded = timings.time("load", || crate::content::load_with(root, records(&none)));
    let mut git = timings.time("git", || crate::content::git::read(root));
    let history = timings.time("history", || {
        let current = loaded
            .records
            .iter()
            .map(|r| (r.file.as_str(), &*r.procedure))
            .collect();
        crate::content::history::read(
            root,
            crate::content::history::Versions {
                current: Some(&current),
                cache: cache.map(|c| &c.history),
            },
        )
    });
    git.history = std::sync::Arc::new(history.history);
    let validate = |loaded, git| {
        crate::validate::validate(
            loaded,
            ValidateOptions {
                now: options.now,
                git,
            },
        )
    };
    let mut used = std::mem::take(&mut loaded.cache);
    // The dates are needed again only when a second validation may follow.
    let first_git = if used.hits.is_empty() {
        std::mem::take(&mut git)
    } else {
        git.clone()
    };
    let (mut catalogue, mut diagnostics) = timings.time("validate", || validate(loaded, first_git));
    let positions: rustc_hash::FxHashSet<String> = diagnostics
        .iter()
        .filter(|d| used.hits.contains(&d.file))
        .map(|d| d.file.clone())
        .collect();
    if !positions.is_empty() {
        drop(catalogue);
        let mut loaded = timings.time("load", || {
            crate::content::load_with(root, records(&positions))
        });
        used = std::mem::take(&mut loaded.cache);
        (catalogue, diagnostics) = timings.time("validate", || validate(loaded, git));
    }
    used.commits = history.entries;
    (catalogue, diagnostics, used)
}

/// Keeps the stats of this build's pages as published in the cache, for the next build.
fn keep_pages(
    cache: &crate::cache::Cache,
    keys: &[(crate::output::OutputPath, crate::cache::Key)],
    stats: Vec<(crate::output::OutputPath, crate::publish::FileStat)>,
) -> std::io::Result<()> {
    let stats: std::collections::HashMap<_, _> = stats.into_iter().collect();
    let entries: Vec<(crate::cache::Key, [u8; crate::publish::FileStat::SIZE])> = keys
        .iter()
        .filter_map(|(path, key)| {
            let stat = stats.get(path)?;
            Some((crate::cache::page_key(path.as_str(), *key), stat.to_bytes()))
        })
        .collect();
    crate::cache::Store::write(
        &cache.dir,
        crate::cache::PAGES,
        cache.binary,
        entries.iter().map(|(key, stat)| (*key, stat.as_slice())),
    )
}

/// Keeps the records of this build and the changes of its commits in the cache, for the next
/// one.
fn keep_records(
    cache: &crate::cache::Cache,
    used: &crate::content::CacheUse,
) -> std::io::Result<()> {
    keep(cache, &cache.records, crate::cache::RECORDS, &used.entries)?;
    keep(cache, &cache.history, crate::cache::HISTORY, &used.commits)
}

/// Writes the store `name` of `cache` with `entries`: those found in `store` (as the cache was
/// opened) and those computed, each key once. Not written when the store holds exactly these
/// entries already.
fn keep(
    cache: &crate::cache::Cache,
    store: &crate::cache::Store,
    name: &str,
    entries: &[crate::content::CacheEntry],
) -> std::io::Result<()> {
    use crate::content::CacheEntry;
    let mut seen = rustc_hash::FxHashSet::default();
    let mut fresh = false;
    let mut kept = Vec::new();
    for entry in entries {
        let (key, bytes) = match entry {
            CacheEntry::Hit(key) => match store.get(*key) {
                Some(bytes) => (*key, bytes),
                None => continue,
            },
            CacheEntry::Fresh(key, bytes) => (*key, bytes.as_slice()),
        };
        if seen.insert(key) {
            fresh |= matches!(entry, CacheEntry::Fresh(..));
            kept.push((key, bytes));
        }
    }
    if !fresh && kept.len() == store.len() {
        return Ok(());
    }
    crate::cache::Store::write(&cache.dir, name, cache.binary, kept.into_iter())
}

/// What rendering needs: the plan, and the renderer with the index step's globals.
struct Prepared<'a> {
    plans: Vec<crate::render::PagePlan>,
    renderer: Renderer<'a>,
}

/// The cards, index and plan steps. The index step's files are handed to `index_files` as soon
/// as they are made. The index comes before the pages, whose search page names its hashed
/// file, and before the plan, so that the plan's memory is not taken while the index's working
/// memory is (at 100,000 procedures about 180 and 290 MiB). The binary's allocator (jemalloc,
/// see `main.rs`) hands the index's freed memory back to the system after 100 ms.
fn prepare<'a, E: From<Diagnostics>>(
    catalogue: &'a Catalogue,
    theme: &Theme,
    render_options: &RenderOptions,
    timings: &mut Timings,
    index_files: impl FnOnce(Output, &mut Timings) -> Result<(), E>,
) -> Result<Prepared<'a>, E> {
    let labels = theme.labels(&catalogue.site.language);
    let mut renderer = timings.time("cards", || Renderer::new(catalogue, theme, render_options))?;
    let index = timings.time("index", || index_site(catalogue, renderer.cards(), &labels))?;
    for (key, value) in &index.globals {
        renderer.set_global(key, value);
    }
    index_files(index.files.into_iter().collect(), timings)?;
    let plans = timings.time("plan", || crate::render::plan(catalogue, &labels));
    Ok(Prepared { plans, renderer })
}

/// Pages rendered and published at a time by `build`: the whole site is never in memory at
/// once (at 100,000 procedures its pages weigh 2.2 GB). Listing pages weigh about 80 KB each,
/// so a part of them takes some 20 MB; two parts are in memory at once (one rendering, one
/// being written).
const PART: usize = 256;

/// What the index step adds: files, and values every template sees that name them.
#[derive(Debug, Default)]
pub struct IndexOutput {
    /// Output path → bytes.
    pub files: Vec<(crate::output::OutputPath, Vec<u8>)>,
    /// Template globals (`search`: the hashed name of the index file).
    pub globals: Vec<(&'static str, serde_json::Value)>,
}

/// The index step: data built from the whole catalogue rather than page by page (the search
/// index, the open data of `/du-lieu/`; feeds belong here too). `build` and `serve` both call it, so anything
/// added here reaches both.
pub fn index_site(
    catalogue: &Catalogue,
    cards: &[crate::view::Card],
    labels: &serde_json::Value,
) -> Result<IndexOutput, Diagnostics> {
    // Independent, so made in parallel: alone, each kept only 1.2 of the two cores busy.
    let (search, (data, data_files)) = rayon::join(
        || crate::search::build(catalogue, cards, labels),
        || crate::export::files(catalogue, cards, labels),
    );
    let globals = vec![
        ("search", search.template_value()),
        (
            "data",
            serde_json::json!({ "files": data_files, "version": crate::export::FORMAT_VERSION }),
        ),
    ];
    let files = search
        .files
        .into_iter()
        .chain(data)
        .map(|(path, bytes)| Ok((crate::output::OutputPath::new(path)?, bytes)))
        .collect::<Result<_, crate::output::InvalidPath>>()
        .map_err(|e| {
            let mut diagnostics = Diagnostics::new();
            diagnostics.push(Diagnostic::new(
                "tra-cuu/",
                Message::SearchIndexNotWritten {
                    error: e.to_string(),
                },
            ));
            diagnostics
        })?;
    Ok(IndexOutput { globals, files })
}

/// The copy step: the files that are not made but copied, the theme's static files (under
/// the hashed names the renderer links to, [`Renderer::assets`]), the form files the records
/// name and the files of `content/static/` (read from `content/`: the renderer never reads
/// content).
pub fn copied_files(
    catalogue: &Catalogue,
    root: &Path,
    theme: &Theme,
    assets: &std::collections::BTreeMap<String, String>,
) -> Result<Output, Diagnostics> {
    let mut output = Output::default();
    let mut diagnostics = Diagnostics::new();
    for (name, bytes) in &theme.static_files {
        let published = assets.get(name).cloned().unwrap_or_default();
        match crate::output::OutputPath::new(published) {
            Ok(path) => output.insert(path, bytes.clone()),
            Err(e) => diagnostics.push(Diagnostic::new(
                format!("themes/static/{name}"),
                Message::ThemeFileNotPublished {
                    error: e.to_string(),
                },
            )),
        }
    }
    for attachment in &catalogue.attachments {
        let path = match crate::output::OutputPath::new(attachment.path.clone()) {
            Ok(path) => path,
            Err(e) => {
                diagnostics.push(Diagnostic::new(
                    format!("content/{}", attachment.path),
                    Message::FormFileNotPublished {
                        error: e.to_string(),
                    },
                ));
                continue;
            }
        };
        match std::fs::read(root.join("content").join(&attachment.path)) {
            Ok(bytes) => output.insert(path, bytes),
            Err(e) => diagnostics.push(Diagnostic::new(
                format!("content/{}", attachment.path),
                Message::FormFileUnreadable {
                    error: e.to_string(),
                },
            )),
        }
    }
    for file in &catalogue.static_files {
        let source = root
            .join("content")
            .join(crate::content::STATIC)
            .join(&file.path);
        let read = crate::output::OutputPath::new(file.path.clone())
            .map_err(|e| e.to_string())
            .and_then(|path| Ok((path, std::fs::read(&source).map_err(|e| e.to_string())?)));
        match read {
            Ok((path, bytes)) => output.insert(path, bytes),
            Err(error) => diagnostics.push(Diagnostic::new(
                format!("content/{}/{}", crate::content::STATIC, file.path),
                Message::CannotRead { error },
            )),
        }
    }
    if diagnostics.has_errors() {
        return Err(diagnostics);
    }
    Ok(output)
}

/// The result of a successful build.
#[derive(Debug)]
pub struct BuildReport {
    /// Warnings (the build succeeded).
    pub diagnostics: Diagnostics,
    /// Files written.
    pub files: usize,
    /// Bytes written.
    pub bytes: u64,
    /// Procedures built.
    pub procedures: usize,
    /// Where the site is.
    pub out: PathBuf,
    /// How the publication went (problems after the swap, if any).
    pub published: crate::publish::Published,
    /// Step timings.
    pub timings: Timings,
    /// Whether the git history was partial (a shallow clone).
    pub history_partial: bool,
    /// How the build cache served, with `--cache`.
    pub cache: Option<CacheReport>,
}

/// What the build cache did for a build.
#[derive(Debug, Clone)]
pub struct CacheReport {
    /// Why what was in the cache was not used, when it was not (another version, damaged).
    pub ignored: Option<crate::cache::Ignored>,
    /// Records read.
    pub records: usize,
    /// Records taken from the cache rather than parsed.
    pub records_reused: usize,
    /// Pages made (with a key in the cache).
    pub pages: usize,
    /// Pages kept from the published site rather than rendered.
    pub pages_reused: usize,
    /// Why the cache could not be written for the next build, when it could not.
    pub not_kept: Option<String>,
}

/// Why a build published nothing.
#[derive(Debug)]
pub enum BuildError {
    /// The content (or the theme) has errors: every diagnostic, warnings included.
    Content(Diagnostics),
    /// The site root cannot be read (it does not exist, or holds no readable `content/`).
    Root {
        /// The folder that could not be read.
        path: PathBuf,
        /// Why.
        error: std::io::Error,
    },
    /// The output was refused, is locked by another build, or could not be written; the
    /// error says what is at the output now. `diagnostics`: the content's warnings.
    Publish {
        /// The content's warnings (the content itself was fine).
        diagnostics: Diagnostics,
        /// What happened (boxed: the error is large, and rare).
        error: Box<crate::publish::PublishError>,
    },
}

impl BuildError {
    /// True for errors of the tool rather than of the content (exit code 2, not 1).
    pub fn is_io(&self) -> bool {
        !matches!(self, BuildError::Content(_))
    }
}

impl std::fmt::Display for BuildError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BuildError::Content(diagnostics) => f.write_str(&diagnostics.render_terminal(false)),
            BuildError::Root { path, error } => {
                let line = crate::diagnostics::Line::RootUnreadable {
                    path: path.display().to_string(),
                    error: error.to_string(),
                };
                f.write_str(&line.render(crate::diagnostics::Lang::En))
            }
            BuildError::Publish { error, .. } => write!(f, "{error}"),
        }
    }
}

impl std::error::Error for BuildError {}

impl From<Diagnostics> for BuildError {
    fn from(diagnostics: Diagnostics) -> Self {
        BuildError::Content(diagnostics)
    }
}

/// Checks that `root` is a folder that can be read and holds a readable `content/`: the
/// tool's I/O error (exit 2), not the content's.
pub fn read_root(root: &Path) -> Result<(), BuildError> {
    for path in [root.to_path_buf(), root.join("content")] {
        if let Err(error) = std::fs::read_dir(&path) {
            return Err(BuildError::Root { path, error });
        }
    }
    Ok(())
}

/// Builds the site and publishes it atomically. On any error nothing is published, and the
/// error says whether the content or the tool's I/O is at fault. The output folder is checked
/// ([`crate::publish::Target::resolve`]) before anything is read or written.
pub fn build(options: &BuildOptions) -> Result<BuildReport, BuildError> {
    read_root(&options.root)?;
    let out = options.out_dir();
    let target =
        crate::publish::Target::resolve(&options.root, &out, options.force).map_err(|error| {
            BuildError::Publish {
                diagnostics: Diagnostics::new(),
                error: Box::new(error),
            }
        })?;
    // Taken first, so that a second build into the same output stops at once.
    let lock = crate::publish::Lock::take(&target).map_err(|error| BuildError::Publish {
        diagnostics: Diagnostics::new(),
        error: Box::new(error),
    })?;
    let mut timings = Timings {
        progress: options.progress,
        ..Timings::default()
    };
    let (cache, ignored) = match &options.cache {
        Some(dir) => {
            let (cache, ignored) = timings.time("cache", || crate::cache::Cache::open(dir));
            (Some(cache), ignored)
        }
        None => (None, None),
    };
    let (catalogue, diagnostics, used) = check_cached(options, cache.as_ref(), &mut timings);
    let Some(catalogue) = catalogue else {
        return Err(BuildError::Content(diagnostics));
    };
    let theme = timings.time("theme", || Theme::load(&options.root, &options.theme))?;
    let render_options = RenderOptions {
        base_url: options.base_url.clone(),
    };
    let publish_error = |error| BuildError::Publish {
        diagnostics: diagnostics.clone(),
        error: Box::new(error),
    };
    let cannot_write = |e: std::io::Error| {
        publish_error(crate::publish::PublishError::Failed {
            out: out.clone(),
            action: crate::publish::Action::Write,
            path: target.dir().to_path_buf(),
            error: e,
            previous: crate::publish::PreviousSite::Kept,
        })
    };
    // Dropped on an error before the commit, the staging tree is removed (and the lock
    // released) and the published site stays as it was.
    let mut staging = timings
        .time("publish", || crate::publish::Staging::begin(&target, lock))
        .map_err(publish_error)?;
    let mut site = prepare(
        &catalogue,
        &theme,
        &render_options,
        &mut timings,
        |files, timings| {
            timings
                .time("publish", || staging.write(&files))
                .map_err(cannot_write)
        },
    )?;
    // With a cache, pages whose every template value is what it was when the published site
    // was made, and whose file there is untouched since, are kept from it rather than rendered.
    if cache.is_some() {
        staging.keep_stats();
        timings.time("keys", || site.renderer.key_pages(&theme));
    }
    let published_pages = cache
        .as_ref()
        .filter(|_| staging.can_keep_previous())
        .map(|cache| &cache.pages);
    let reuse = |path: &crate::output::OutputPath, key| {
        published_pages.is_some_and(|pages| {
            pages
                .get(crate::cache::page_key(path.as_str(), key))
                .and_then(crate::publish::FileStat::from_bytes)
                .is_some_and(|stat| crate::publish::is_published(&target, path, &stat))
        })
    };
    let mut page_keys = Vec::new();
    let mut pages_reused = 0;
    let put = |staging: &mut crate::publish::Staging, pages: crate::render::Rendered| {
        staging.write(&pages.output)?;
        staging.keep_previous(&pages.reused)
    };

    // Each part is written while the next renders: writing files alone kept 1.0–1.5 of the
    // two cores busy (likely the kernel's folder locks: `thu-tuc/` and `ma/` each hold a folder
    // per procedure), and the rendering takes up the rest. The "render" step so includes
    // writing every part but the last.
    let mut rendered: Option<crate::render::Rendered> = None;
    for part in site.plans.chunks(PART) {
        let previous = rendered.take();
        let (written, pages) = timings.time("render", || {
            rayon::join(
                || previous.map_or(Ok(()), |pages| put(&mut staging, pages)),
                || site.renderer.render_pages_reusing(part, &reuse),
            )
        });
        written.map_err(cannot_write)?;
        let mut pages = pages?;
        pages_reused += pages.reused.len();
        page_keys.append(&mut pages.keys);
        rendered = Some(pages);
    }
    if let Some(pages) = rendered {
        timings
            .time("publish", || put(&mut staging, pages))
            .map_err(cannot_write)?;
    }
    let rest = timings.time("copy", || {
        copied_files(&catalogue, &options.root, &theme, site.renderer.assets())
    })?;
    timings
        .time("publish", || staging.write(&rest))
        .map_err(cannot_write)?;
    let (files, bytes) = (staging.files(), staging.bytes());
    let stats = staging.take_stats();
    let published = timings
        .time("publish", || staging.commit())
        .map_err(publish_error)?;
    let kept = cache.as_ref().map(|cache| {
        timings.time("cache", || {
            keep_records(cache, &used)?;
            keep_pages(cache, &page_keys, stats)
        })
    });
    let cache = options.cache.as_ref().map(|_| CacheReport {
        ignored,
        records: used.entries.len(),
        records_reused: used.hits.len(),
        pages: page_keys.len(),
        pages_reused,
        not_kept: kept.and_then(Result::err).map(|e| e.to_string()),
    });
    let procedures = catalogue.procedures.len();
    let history_partial = catalogue.history_partial;
    let Prepared { plans, renderer } = site;
    let parts = renderer.into_parts();
    free_later((catalogue, plans, parts));
    Ok(BuildReport {
        diagnostics,
        files,
        bytes,
        procedures,
        out,
        published,
        timings,
        history_partial,
        cache,
    })
}

/// Frees `value` on a thread of its own. Freeing a built catalogue, its plan and its cards
/// means freeing every text and list read and made (at 10,000 procedures about 25 ms on one
/// core, with the other idle); once the site is published nothing waits for it, and a
/// command that exits right after does not wait for it either.
fn free_later<T: Send + 'static>(value: T) {
    // When no thread can be started, `spawn` drops the closure, and with it `value`, here.
    let _ = std::thread::Builder::new()
        .name("congkhai-free".to_owned())
        .spawn(move || drop(value));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_step_run_twice_adds_up_and_keeps_its_place() {
        let mut timings = Timings::default();
        timings.time("render", || std::thread::sleep(Duration::from_millis(2)));
        timings.time("publish", || ());
        timings.time("render", || std::thread::sleep(Duration::from_millis(2)));
        let names: Vec<&str> = timings.steps.iter().map(|s| s.name).collect();
        assert_eq!(names, ["render", "publish"]);
        assert!(timings.steps[0].duration >= Duration::from_millis(4));
        let table = timings.render();
        assert_eq!(table.lines().count(), 3, "{table}");
        if cfg!(unix) {
            assert!(timings.steps.iter().all(|s| s.cpu.is_some()));
        }
        if cfg!(target_os = "linux") {
            assert!(timings.steps.iter().all(|s| s.peak.is_some_and(|b| b > 0)));
            assert!(table.contains(" MB"), "{table}");
        }
    }
}
