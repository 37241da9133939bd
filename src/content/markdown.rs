//! Markdown guides to HTML, with nothing from the record able to inject markup or script.

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, html};

/// Renders CommonMark (with tables and strikethrough) to HTML. Raw HTML in the source is shown
/// as text, not passed through, and links or images the URL policy refuses ([`crate::links`]:
/// `javascript:`, `vbscript:`, `data:`, any scheme but http(s), mailto and tel, `//host`)
/// point nowhere: records are written by many hands and published on a government domain.
pub fn to_html(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let events = Parser::new_ext(markdown, options).map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Link {
            link_type,
            dest_url: safe_url(dest_url),
            title,
            id,
        }),
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Image {
            link_type,
            dest_url: safe_url(dest_url),
            title,
            id,
        }),
        other => other,
    });
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, events);
    out
}

/// The links and images of `markdown` that the URL policy refuses: (line within `markdown`,
/// 0-based; the link's target).
pub fn refused_links(markdown: &str) -> Vec<(u32, String)> {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    Parser::new_ext(markdown, options)
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. })
                if !crate::links::is_allowed(&dest_url) =>
            {
                let line = markdown[..range.start].matches('\n').count() as u32;
                Some((line, dest_url.into_string()))
            }
            _ => None,
        })
        .collect()
}

/// `url` when the URL policy ([`crate::links`]) allows it, else a link to nowhere.
fn safe_url(url: CowStr<'_>) -> CowStr<'_> {
    if crate::links::is_allowed(&url) {
        url
    } else {
        CowStr::Borrowed("#")
    }
}

#[cfg(test)]
mod tests {
    use super::{refused_links, to_html};

    #[test]
    fn raw_html_is_escaped() {
        let html = to_html("Xin chào <script>alert(1)</script>\n\n<div onclick=x>y</div>\n");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<div"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
    }

    #[test]
    fn script_links_are_neutralised() {
        let html = to_html(
            "[bấm](javascript:alert(1)) [a](JaVaScRiPt:x) [b](vbscript:x) [c](data:text/html,x) \
             [ok](https://dichvucong.gov.vn)",
        );
        assert!(!html.to_ascii_lowercase().contains("script:"), "{html}");
        assert!(!html.contains("data:"), "{html}");
        assert!(
            html.contains("href=\"https://dichvucong.gov.vn\""),
            "{html}"
        );
    }

    #[test]
    fn refused_links_are_found_with_their_line() {
        let found =
            refused_links("Xin chào\n\n[a](https://x.vn) [b](javascript:x)\n\n![c](data:x)\n");
        assert_eq!(
            found,
            vec![(2, "javascript:x".to_owned()), (4, "data:x".to_owned())]
        );
    }

    #[test]
    fn tables_render() {
        let html = to_html("| a | b |\n|---|---|\n| 1 | 2 |\n");
        assert!(html.contains("<table>"), "{html}");
    }
}
