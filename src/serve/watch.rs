//! Watching the site's files: native file-system events, or polling where there are none
//! (network shares, some containers and VMs), debounced with notify-debouncer-full so that an
//! editor's save (write to a temporary file, rename over the original) arrives as one batch.

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::diagnostics::{Lang, Line};
use notify::{PollWatcher, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{
    DebounceEventResult, Debouncer, NoCache, RecommendedCache, new_debouncer_opt,
};

/// How changes are noticed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// The operating system's events (inotify, FSEvents, ReadDirectoryChangesW).
    Native,
    /// Scanning the folders at this interval.
    Poll(Duration),
}

/// How long after the last event of a burst the batch is handed over. Short: a save is a
/// handful of events within a few milliseconds, and every millisecond here is latency.
pub const DEBOUNCE: Duration = Duration::from_millis(20);

/// A running watcher; dropping it stops watching.
pub enum Watcher {
    /// Native events.
    Native(Debouncer<RecommendedWatcher, RecommendedCache>),
    /// Polling.
    Poll(Debouncer<PollWatcher, NoCache>),
}

/// Watches `paths` (folders, recursively; those that do not exist are skipped) and hands each
/// debounced batch of changed paths to `on_change`. Errors of the watcher are printed (in
/// `lang`), not fatal.
pub fn start(
    paths: &[PathBuf],
    mode: Mode,
    lang: Lang,
    on_change: impl Fn(Vec<PathBuf>) + Send + 'static,
) -> notify::Result<Watcher> {
    let handler = move |result: DebounceEventResult| match result {
        Ok(events) => {
            let mut changed: Vec<PathBuf> = events
                .into_iter()
                .filter(|e| !e.kind.is_access())
                .flat_map(|e| e.event.paths)
                .collect();
            changed.sort();
            changed.dedup();
            if !changed.is_empty() {
                on_change(changed);
            }
        }
        Err(errors) => {
            for error in errors {
                let error = error.to_string();
                eprintln!("{}", Line::WatchError { error }.render(lang));
            }
        }
    };
    let tick = Some(Duration::from_millis(5));
    let mut watcher = match mode {
        Mode::Native => Watcher::Native(new_debouncer_opt::<_, RecommendedWatcher, _>(
            DEBOUNCE,
            tick,
            handler,
            RecommendedCache::new(),
            notify::Config::default(),
        )?),
        Mode::Poll(interval) => Watcher::Poll(new_debouncer_opt::<_, PollWatcher, _>(
            DEBOUNCE,
            tick,
            handler,
            NoCache,
            // notify 8.2's poller compares modification times in whole seconds, so a save in
            // the same second as the previous change would go unseen; hashing contents costs a
            // read per file and poll, which is what this fallback is for.
            notify::Config::default()
                .with_poll_interval(interval)
                .with_compare_contents(true),
        )?),
    };
    for path in paths.iter().filter(|p| p.exists()) {
        watcher.watch(path)?;
    }
    Ok(watcher)
}

impl Watcher {
    fn watch(&mut self, path: &Path) -> notify::Result<()> {
        match self {
            Watcher::Native(d) => d.watch(path, RecursiveMode::Recursive),
            Watcher::Poll(d) => d.watch(path, RecursiveMode::Recursive),
        }
    }
}
