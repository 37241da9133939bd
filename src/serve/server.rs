//! HTTP from memory with live reload.
//!
//! The server never reads the disk: it answers from a map of the site's files that the
//! rebuild thread updates after each change, so a path can only ever name a file of the built
//! site. Requests with `..`, `.`, empty segments, backslashes or bad percent-encoding get 400;
//! anything else that is not a file of the site gets 404 (with the site's 404 page).
//!
//! Only requests whose `Host` names the server itself are answered (see [`host_allowed`]): a
//! page on another site whose name was made to resolve to 127.0.0.1 (DNS rebinding) gets 403
//! and cannot read the preview. A connection that does not send a complete request head
//! within [`ServeOptions::idle_timeout`] is closed, while waiting for its first request or
//! between two; the event stream is a response being written, so it stays open.
//!
//! Threads: the tokio runtime serves HTTP and the event stream; one plain thread owns the
//! [`Site`] and rebuilds it (with rayon) when the watcher reports a batch of changes, then
//! swaps the changed files in and tells the browsers which pages changed.

use std::collections::HashMap;
use std::convert::Infallible;
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{HeaderValue, Method, Request, StatusCode, Uri, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use futures_util::stream::{self, Stream, StreamExt};
use tokio::sync::broadcast;

use super::overlay::{self, EVENTS_PATH, RELOAD_SCRIPT};
use super::watch;
use super::{Site, Update};
use crate::diagnostics::{Lang, Line};
use crate::pipeline::BuildOptions;
use crate::render::RenderOptions;

/// How to serve.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// Address to listen on; port 0 picks a free one.
    pub addr: SocketAddr,
    /// Native events or polling.
    pub watch: watch::Mode,
    /// Open the site in the default browser once it is built.
    pub open: bool,
    /// Language of messages and diagnostics; the site's language when absent.
    pub lang: Option<Lang>,
    /// How long a connection may take to send a request head, first or next, before it is
    /// closed.
    pub idle_timeout: Duration,
}

/// The default [`ServeOptions::idle_timeout`].
pub const IDLE_TIMEOUT: Duration = Duration::from_secs(10);

/// What the HTTP side shares with the rebuild thread.
struct Shared {
    /// Output path → bytes.
    files: RwLock<HashMap<String, Bytes>>,
    /// The error overlay while the content has errors.
    overlay: RwLock<Option<Arc<str>>>,
    /// The first build is done.
    ready: AtomicBool,
    /// Number of published updates.
    version: AtomicU64,
    /// Reload events, as JSON: `{"all": bool, "paths": [...]}`.
    events: broadcast::Sender<Arc<str>>,
}

/// Runs the server until Ctrl-C. Prints the address as the first line on stdout once it
/// listens, in the language of messages (`serving at http://ADDR/` with `--lang en`, which
/// scripts that read the address pass).
pub fn run(build: BuildOptions, options: ServeOptions) -> std::io::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(options.addr).await?;
        let local = listener.local_addr()?;
        // The language of the site is known after its first build; `congkhai serve` always
        // says which it is.
        let lang = options.lang.unwrap_or(Lang::Vi);
        if !local.ip().is_loopback() {
            let addr = local.to_string();
            eprintln!("{}", Line::NotLoopback { addr }.render(lang));
        }
        let url = format!("http://{local}/");
        println!("{}", Line::Serving { url: url.clone() }.render(lang));
        let (events, _) = broadcast::channel(64);
        let shared = Arc::new(Shared {
            files: RwLock::new(HashMap::new()),
            overlay: RwLock::new(None),
            ready: AtomicBool::new(false),
            version: AtomicU64::new(0),
            events,
        });
        let bind = options.addr.ip();
        let idle_timeout = options.idle_timeout;
        let worker_shared = shared.clone();
        let worker_url = url.clone();
        std::thread::Builder::new()
            .name("congkhai-rebuild".into())
            .spawn(move || rebuild_loop(build, options, worker_url, worker_shared))?;
        let app = Router::new()
            .route(EVENTS_PATH, get(event_stream))
            .fallback(file)
            .with_state(shared);
        let shutdown = tokio::signal::ctrl_c();
        tokio::pin!(shutdown);
        loop {
            let (stream, _) = tokio::select! {
                accepted = listener.accept() => match accepted {
                    Ok(accepted) => accepted,
                    // Too many open files and the like: the next connection may succeed.
                    Err(_) => continue,
                },
                _ = &mut shutdown => return Ok(()),
            };
            let app = app.clone();
            tokio::spawn(async move {
                let service = hyper::service::service_fn(move |request: Request<_>| {
                    let app = app.clone();
                    async move {
                        if let Some(refusal) = refuse_host(&request, bind) {
                            return Ok::<_, Infallible>(refusal);
                        }
                        // A `Router` is always ready: no `poll_ready` needed.
                        let mut app = app;
                        tower_service::Service::call(&mut app, request).await
                    }
                });
                // hyper's header timeout runs while it waits for a request head, including
                // the next one on a kept-alive connection, and only with a timer.
                let _ = hyper::server::conn::http1::Builder::new()
                    .timer(hyper_util::rt::TokioTimer::new())
                    .header_read_timeout(idle_timeout)
                    .serve_connection(hyper_util::rt::TokioIo::new(stream), service)
                    .await;
            });
        }
    })
}

/// The refusal of a request whose `Host` does not name this server, if it does not.
fn refuse_host<B>(request: &Request<B>, bind: IpAddr) -> Option<Response> {
    let allowed = match request.headers().get(header::HOST) {
        Some(value) => value.to_str().is_ok_and(|host| host_allowed(host, bind)),
        // No `Host` (HTTP/1.0): browsers always send one, so this is no rebinding page; an
        // absolute URI still names its host.
        None => request
            .uri()
            .authority()
            .is_none_or(|authority| host_allowed(authority.as_str(), bind)),
    };
    if allowed {
        return None;
    }
    let mut response = (StatusCode::FORBIDDEN, HOST_REFUSED).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    Some(response)
}

/// The body of a 403 for a foreign `Host`, in Vietnamese and English (the site's language is
/// not known before the first build).
const HOST_REFUSED: &str = "congkhai serve chỉ trả lời yêu cầu gửi tới localhost, 127.0.0.1, [::1] \
hoặc địa chỉ đã cho ở --bind; tên máy trong tiêu đề Host của yêu cầu này không thuộc số đó, nên \
yêu cầu bị từ chối để trang của nơi khác không đọc được bản xem trước (DNS rebinding).\n\
congkhai serve only answers requests addressed to localhost, 127.0.0.1, [::1] or the --bind \
address; the Host header of this request names another host, so it is refused to keep pages of \
other sites from reading the preview (DNS rebinding).\n";

/// Whether a `Host` header value names this server: `localhost`, `127.0.0.1`, `[::1]` or the
/// bound address, with or without a port. When the server listens on every address
/// (`0.0.0.0`, `::`), any IP address is the server's; names other than `localhost` never are,
/// since a name is what a rebinding attack controls.
pub fn host_allowed(host: &str, bind: IpAddr) -> bool {
    let name = match host.rsplit_once(':') {
        // `[::1]:1111`, `127.0.0.1:1111`, `localhost:1111`; a bare `[::1]` has no `:` after `]`.
        Some((name, port))
            if !port.contains(']') && (name.starts_with('[') || !name.contains(':')) =>
        {
            if port.is_empty() || !port.bytes().all(|b| b.is_ascii_digit()) {
                return false;
            }
            name
        }
        _ => host,
    };
    if name.eq_ignore_ascii_case("localhost") {
        return true;
    }
    let ip = match name.strip_prefix('[') {
        Some(rest) => match rest.strip_suffix(']') {
            Some(inner) => inner.parse::<std::net::Ipv6Addr>().ok().map(IpAddr::V6),
            None => None,
        },
        None => name.parse::<std::net::Ipv4Addr>().ok().map(IpAddr::V4),
    };
    let Some(ip) = ip else {
        return false;
    };
    ip == IpAddr::V4(std::net::Ipv4Addr::LOCALHOST)
        || ip == IpAddr::V6(std::net::Ipv6Addr::LOCALHOST)
        || ip == bind
        || bind.is_unspecified()
}

/// The rebuild thread: first build, then one update per batch of file changes.
fn rebuild_loop(mut build: BuildOptions, options: ServeOptions, url: String, shared: Arc<Shared>) {
    if let Ok(root) = build.root.canonicalize() {
        build.root = root;
    }
    // Watch before the first build is served: an edit made as soon as the site answers must
    // not fall between the build and the watcher's first scan (`--poll`).
    let (sender, receiver) = mpsc::channel::<Message>();
    let mut watched = vec![build.root.join("content")];
    watched.push(build.root.join("themes").join(&build.theme));
    let watcher_sender = sender.clone();
    // The watcher starts before the site is read, so before its language is known.
    let watch_lang = options.lang.unwrap_or(Lang::Vi);
    let watcher = watch::start(&watched, options.watch, watch_lang, move |paths| {
        let _ = watcher_sender.send(Message::Changed(paths));
    });
    let started = Instant::now();
    let render = RenderOptions {
        base_url: Some(url.clone()),
    };
    let mut site = Site::open(&build, render);
    site.defer_index(true);
    let lang = options
        .lang
        .unwrap_or_else(|| Lang::for_site(site.language()));
    publish_all(&site, &shared, lang);
    if site.diagnostics().has_errors() {
        report(&site, lang);
    } else {
        report_warnings(&site, lang);
        let built = Line::ServeBuilt {
            procedures: site.procedures(),
            files: site.output().len(),
            ms: started.elapsed().as_millis(),
        };
        eprintln!("{}", built.render(lang));
    }
    if options.open {
        open_browser(&url);
    }

    let _watcher = match watcher {
        Ok(w) => w,
        Err(e) => {
            let root = build.root.display().to_string();
            let error = e.to_string();
            eprintln!("{}", Line::CannotWatch { root, error }.render(lang));
            return;
        }
    };
    eprintln!("{}", Line::Watching.render(lang));
    let timings = std::env::var_os("CONGKHAI_SERVE_TIMINGS").is_some();
    let mut indexing = false;
    while let Ok(message) = receiver.recv() {
        let mut batch = Vec::new();
        let mut results = Vec::new();
        let mut take = |message: Message| match message {
            Message::Changed(paths) => batch.extend(paths),
            Message::Indexed(result) => results.push(result),
        };
        take(message);
        // Everything already waiting: one rebuild for all of it.
        while let Ok(more) = receiver.try_recv() {
            take(more);
        }
        for result in results {
            indexing = false;
            let update = site.finish_index(result);
            publish(&site, &shared, &update, false, lang);
            if timings {
                eprint!("  index:\n{}", update.timings.render());
            }
        }
        if !batch.is_empty() {
            let had_errors = site.diagnostics().has_errors();
            let started = Instant::now();
            let update = site.apply(&batch);
            let pages_ms = started.elapsed().as_millis();
            publish(&site, &shared, &update, had_errors, lang);
            if update.errors {
                report(&site, lang);
            } else if update.touched() || had_errors {
                summary(&update, pages_ms, lang, timings);
            }
        }
        // The search index of the whole catalogue is built on another thread, from a copy of
        // the catalogue, so that the next edit does not wait for it; a result that is out of
        // date when it arrives is dropped and the index built again.
        if !indexing && let Some(job) = site.index_job() {
            indexing = true;
            let sender = sender.clone();
            std::thread::spawn(move || {
                let _ = sender.send(Message::Indexed(job.run()));
            });
        }
    }
}

/// What the rebuild thread hears about.
enum Message {
    /// Files changed.
    Changed(Vec<PathBuf>),
    /// An index job finished.
    Indexed(crate::serve::IndexResult),
}

fn summary(update: &Update, ms: u128, lang: Lang, timings: bool) {
    let rebuilt = Line::Rebuilt {
        pages: update.rendered,
        files: update.changed.len() + update.removed.len(),
        ms,
    };
    eprintln!("{}", rebuilt.render(lang));
    if timings {
        eprint!("{}", update.timings.render());
    }
}

fn report(site: &Site, lang: Lang) {
    use std::io::IsTerminal;
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let diagnostics = site.diagnostics().localized(lang);
    eprint!("{}", diagnostics.render_terminal(color));
    let errors = diagnostics.error_count();
    eprintln!("{}", Line::ServeErrors { errors }.render(lang));
}

fn report_warnings(site: &Site, lang: Lang) {
    if site.diagnostics().warning_count() > 0 {
        use std::io::IsTerminal;
        let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
        eprint!(
            "{}",
            site.diagnostics().localized(lang).render_terminal(color)
        );
    }
}

fn publish_all(site: &Site, shared: &Shared, lang: Lang) {
    let files: HashMap<String, Bytes> = site
        .output()
        .iter()
        .map(|(p, b)| (p.to_string(), Bytes::copy_from_slice(b)))
        .collect();
    *shared.files.write().unwrap_or_else(|e| e.into_inner()) = files;
    set_overlay(site, shared, lang);
    shared.ready.store(true, Ordering::SeqCst);
    shared.version.fetch_add(1, Ordering::SeqCst);
    let _ = shared.events.send(Arc::from(r#"{"all":true,"paths":[]}"#));
}

fn set_overlay(site: &Site, shared: &Shared, lang: Lang) {
    let overlay = site
        .diagnostics()
        .has_errors()
        .then(|| Arc::from(overlay::overlay(&site.diagnostics().localized(lang))));
    *shared.overlay.write().unwrap_or_else(|e| e.into_inner()) = overlay;
}

/// Swaps the changed files in and tells the browsers.
fn publish(site: &Site, shared: &Shared, update: &Update, had_errors: bool, lang: Lang) {
    {
        let mut files = shared.files.write().unwrap_or_else(|e| e.into_inner());
        for path in &update.changed {
            if let Some(bytes) = site.output().get(path) {
                files.insert(path.clone(), Bytes::copy_from_slice(bytes));
            }
        }
        for path in &update.removed {
            files.remove(path);
        }
    }
    let errors = site.diagnostics().has_errors();
    set_overlay(site, shared, lang);
    // Errors appear, change or go away: every open page shows (or hides) the overlay.
    let all = update.full || errors || had_errors;
    if !all && !update.touched() {
        return;
    }
    shared.version.fetch_add(1, Ordering::SeqCst);
    let message = if all || update.changed.len() + update.removed.len() > 2000 {
        r#"{"all":true,"paths":[]}"#.to_owned()
    } else {
        let paths: Vec<&String> = update.changed.iter().chain(&update.removed).collect();
        let moved: serde_json::Map<String, serde_json::Value> = update
            .moved
            .iter()
            .map(|(old, new)| (old.clone(), serde_json::Value::from(new.as_str())))
            .collect();
        serde_json::json!({"all": false, "paths": paths, "moved": moved}).to_string()
    };
    let _ = shared.events.send(Arc::from(message));
}

fn open_browser(url: &str) {
    let command = if cfg!(target_os = "macos") {
        ("open", vec![url])
    } else if cfg!(windows) {
        ("cmd", vec!["/C", "start", url])
    } else {
        ("xdg-open", vec![url])
    };
    let _ = std::process::Command::new(command.0)
        .args(command.1)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
}

/// The event stream: a `hello` event with the current version, then a `reload` event per
/// update.
async fn event_stream(
    State(shared): State<Arc<Shared>>,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let receiver = shared.events.subscribe();
    let hello = Event::default()
        .event("hello")
        .data(shared.version.load(Ordering::SeqCst).to_string());
    let updates = stream::unfold(receiver, |mut receiver| async move {
        let data: Arc<str> = match receiver.recv().await {
            Ok(data) => data,
            // Missed some: reload whatever is open.
            Err(broadcast::error::RecvError::Lagged(_)) => Arc::from(r#"{"all":true,"paths":[]}"#),
            Err(broadcast::error::RecvError::Closed) => return None,
        };
        Some((Ok(Event::default().event("reload").data(&*data)), receiver))
    });
    Sse::new(stream::once(async { Ok(hello) }).chain(updates)).keep_alive(KeepAlive::default())
}

/// Any other request: a file of the site.
async fn file(State(shared): State<Arc<Shared>>, method: Method, uri: Uri) -> Response {
    if method != Method::GET && method != Method::HEAD {
        let mut response = (StatusCode::METHOD_NOT_ALLOWED, "method not allowed\n").into_response();
        response
            .headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return response;
    }
    let Some(path) = resolve(uri.path()) else {
        return (StatusCode::BAD_REQUEST, "bad request\n").into_response();
    };
    if !shared.ready.load(Ordering::SeqCst) {
        return html_response(
            StatusCode::SERVICE_UNAVAILABLE,
            Bytes::from(format!(
                "<!doctype html><meta charset=utf-8><title>congkhai</title><p>Đang dựng trang… / Building…</p>{RELOAD_SCRIPT}"
            )),
            None,
        );
    }
    let overlay = shared
        .overlay
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .clone();
    let files = shared.files.read().unwrap_or_else(|e| e.into_inner());
    let key = if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.clone()
    };
    if let Some(bytes) = files.get(&key) {
        return typed_response(StatusCode::OK, &key, bytes.clone(), overlay);
    }
    if files.contains_key(&format!("{path}/index.html")) {
        let location = format!("/{path}/");
        return Response::builder()
            .status(StatusCode::MOVED_PERMANENTLY)
            .header(header::LOCATION, location)
            .body(Body::empty())
            .unwrap_or_default();
    }
    match files.get("404.html") {
        Some(bytes) => typed_response(StatusCode::NOT_FOUND, "404.html", bytes.clone(), overlay),
        // No good build yet (the content had errors from the start): a bare page that shows
        // the overlay and reloads when the site is built.
        None => html_response(
            StatusCode::NOT_FOUND,
            Bytes::from(format!(
                "<!doctype html><meta charset=utf-8><title>congkhai</title><body>{RELOAD_SCRIPT}</body>"
            )),
            overlay,
        ),
    }
}

/// The path of a request relative to the site root, or `None` for a request that names
/// something outside it or is malformed.
pub fn resolve(raw: &str) -> Option<String> {
    let rest = raw.strip_prefix('/')?;
    let decoded = percent_decode(rest)?;
    if decoded.contains(['\\', '\0']) {
        return None;
    }
    let segments: Vec<&str> = decoded.split('/').collect();
    let last = segments.len() - 1;
    for (i, segment) in segments.iter().enumerate() {
        if (segment.is_empty() && i != last) || *segment == "." || *segment == ".." {
            return None;
        }
    }
    Some(decoded)
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3)?;
            let hex = std::str::from_utf8(hex).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn content_type(path: &str) -> &'static str {
    let extension = path.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
    match extension.to_ascii_lowercase().as_str() {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "doc" => "application/msword",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

fn typed_response(
    status: StatusCode,
    path: &str,
    bytes: Bytes,
    overlay: Option<Arc<str>>,
) -> Response {
    let kind = content_type(path);
    if kind.starts_with("text/html") {
        return html_response(status, bytes, overlay);
    }
    Response::builder()
        .status(status)
        .header(header::CONTENT_TYPE, kind)
        .header(header::CACHE_CONTROL, "no-cache")
        .body(Body::from(bytes))
        .unwrap_or_default()
}

/// A page as `build` wrote it, with the reload script (and the error overlay, while there are
/// errors) inserted on the way out: the site in memory stays byte for byte what `build` writes.
fn html_response(status: StatusCode, bytes: Bytes, overlay: Option<Arc<str>>) -> Response {
    let extra = match overlay {
        Some(overlay) => format!("{RELOAD_SCRIPT}{overlay}"),
        None => RELOAD_SCRIPT.to_owned(),
    };
    let body = Bytes::from(overlay::insert_before_body_end(&bytes, &extra));
    Response::builder()
        .status(status)
        .header(header::CONTENT_TYPE, "text/html; charset=utf-8")
        .header(header::CACHE_CONTROL, "no-cache")
        .body(Body::from(body))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::{host_allowed, resolve};
    use std::net::IpAddr;

    #[test]
    fn only_hosts_that_name_the_server_are_allowed() {
        let loopback: IpAddr = "127.0.0.1".parse().unwrap();
        for host in [
            "127.0.0.1",
            "127.0.0.1:1111",
            "localhost",
            "LocalHost:8080",
            "[::1]",
            "[::1]:1111",
        ] {
            assert!(host_allowed(host, loopback), "{host}");
        }
        for host in [
            "evil.example",
            "evil.example:1111",
            "localhost.evil.example",
            "127.0.0.1.nip.io",
            "192.168.1.5:1111",
            "127.0.0.1:",
            "127.0.0.1:x",
            "::1",
            "[::1",
            "",
        ] {
            assert!(!host_allowed(host, loopback), "{host}");
        }
        let lan: IpAddr = "192.168.1.5".parse().unwrap();
        assert!(host_allowed("192.168.1.5:1111", lan));
        assert!(host_allowed("localhost:1111", lan));
        assert!(!host_allowed("192.168.1.6:1111", lan));
        let v6: IpAddr = "fe80::1".parse().unwrap();
        assert!(host_allowed("[fe80::1]:1111", v6));
        let any: IpAddr = "0.0.0.0".parse().unwrap();
        assert!(host_allowed("192.168.1.5:1111", any));
        assert!(!host_allowed("evil.example:1111", any));
    }

    #[test]
    fn paths_outside_the_site_are_refused() {
        assert_eq!(resolve("/"), Some(String::new()));
        assert_eq!(resolve("/thu-tuc/x/"), Some("thu-tuc/x/".to_owned()));
        assert_eq!(resolve("/a%20b.pdf"), Some("a b.pdf".to_owned()));
        assert_eq!(resolve("/../etc/passwd"), None);
        assert_eq!(resolve("/%2e%2e/etc/passwd"), None);
        assert_eq!(resolve("/a/%2e%2e%2f%2e%2e/x"), None);
        assert_eq!(resolve("/a//b"), None);
        assert_eq!(resolve("/a/./b"), None);
        assert_eq!(resolve("/a%5c..%5cb"), None);
        assert_eq!(resolve("/a%00"), None);
        assert_eq!(resolve("/%zz"), None);
        assert_eq!(resolve("/%ff"), None);
        assert_eq!(resolve("relative"), None);
    }
}
