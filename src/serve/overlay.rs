//! What `serve` adds to pages on the way out, never into the site it keeps (which stays what
//! `build` writes): the live-reload script, in every HTML response, and the error overlay, while
//! the content has errors.

use crate::diagnostics::{Diagnostics, Line};

/// The URL of the server-sent events stream.
pub const EVENTS_PATH: &str = "/__congkhai/events";

/// The reload client: listens to [`EVENTS_PATH`] and reloads when an event names this page's
/// file (or everything). Plain ES5, no dependencies.
pub const RELOAD_SCRIPT: &str = r#"<script>(function(){if(!window.EventSource)return;var here=decodeURIComponent(location.pathname).replace(/^\/+/,"");if(here===""||here.charAt(here.length-1)==="/")here+="index.html";var es=new EventSource("/__congkhai/events");es.addEventListener("reload",function(e){var d=JSON.parse(e.data);var to=d.moved&&d.moved[here];if(to){location.replace("/"+to.replace(/index\.html$/,"")+location.hash);return;}if(d.all||d.paths.indexOf(here)>=0)location.reload();});})();</script>"#;

/// The overlay for `diagnostics`: the same text as the terminal (code, file:line:col, the line
/// with a caret, help), HTML-escaped, over the last good page.
/// Its words are in the language the diagnostics are shown in.
pub fn overlay(diagnostics: &Diagnostics) -> String {
    let lang = diagnostics.lang();
    let errors = diagnostics.error_count();
    let title = Line::OverlayTitle { errors }.render(lang);
    let note = Line::OverlayNote.render(lang);
    let close = Line::OverlayHide.render(lang);
    format!(
        concat!(
            r#"<div id="congkhai-overlay" role="alertdialog" aria-labelledby="congkhai-overlay-title" "#,
            r#"style="position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,20,.94);color:#f4f4f4;font:15px/1.5 system-ui,sans-serif;padding:2rem">"#,
            r#"<div style="max-width:60rem;margin:0 auto">"#,
            r#"<h2 id="congkhai-overlay-title" style="color:#ff8a80;margin:0 0 .5rem">{title}</h2>"#,
            r#"<p style="margin:0 0 1rem">{note}</p>"#,
            r#"<pre style="white-space:pre-wrap;background:#111;border-left:4px solid #ff5252;padding:1rem;font:14px/1.45 ui-monospace,monospace">{text}</pre>"#,
            r#"<button type="button" onclick="this.parentNode.parentNode.remove()" style="font:inherit;padding:.4rem 1rem">{close}</button>"#,
            r#"</div></div>"#
        ),
        title = escape(&title),
        note = escape(&note),
        text = escape(&diagnostics.render_terminal(false)),
        close = escape(&close),
    )
}

/// Inserts `extra` before `</body>`, or at the end when there is none.
pub fn insert_before_body_end(html: &[u8], extra: &str) -> Vec<u8> {
    let needle = b"</body>";
    let at = html
        .windows(needle.len())
        .rposition(|w| w.eq_ignore_ascii_case(needle))
        .unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + extra.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(extra.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

/// Escapes text for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::{Diagnostic, Message, Position, Thing};

    #[test]
    fn overlay_escapes_the_snippet() {
        let mut d = Diagnostics::new();
        d.add_source("a.yaml", "title: <script>alert(1)</script>\n");
        d.push(
            Diagnostic::new(
                "a.yaml",
                Message::UnknownKey {
                    key: "<b>".to_owned(),
                    what: Thing::Procedure,
                    suggestion: Some("fees".to_owned()),
                    suggestion_label: None,
                    allowed: Vec::new(),
                },
            )
            .at(Some(Position { line: 1, column: 1 })),
        );
        let html = overlay(&d);
        assert!(!html.contains("<script>alert"), "{html}");
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{html}"
        );
        assert!(html.contains("error[CK011]"), "{html}");
        assert!(html.contains("a.yaml:1:1"), "{html}");
        assert!(html.contains("help"), "{html}");
    }

    #[test]
    fn inserts_before_the_last_body_end() {
        assert_eq!(
            insert_before_body_end(b"<body>x</body></html>", "<i>"),
            b"<body>x<i></body></html>"
        );
        assert_eq!(insert_before_body_end(b"plain", "<i>"), b"plain<i>");
    }
}
