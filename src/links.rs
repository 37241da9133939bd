//! The URL policy: which link targets congkhai publishes in an `href`.
//!
//! One rule for every URL a page can carry (record fields, site.yaml, Markdown links, the base
//! URL): `https:`, `http:`, `mailto:` and `tel:` addresses, and paths on the site itself
//! (`/x`, `x/y`, `#frag`, `?q`). Everything else is refused: `javascript:`, `vbscript:` and
//! `data:` run as script in a browser, and any other scheme (`file:`, `ftp:`, an app's own)
//! is nothing a catalogue on a government domain should send people to. Protocol-relative
//! addresses (`//host/x`, and `/\host` which browsers read the same way) are refused too: they
//! leave the site without saying so, with whatever scheme the page was served over (`file:`
//! when opened from disk); a record that means another site writes `https://`.
//!
//! The scheme is read the way browsers read it: leading spaces and control characters are
//! skipped, tabs and newlines anywhere are removed (`java\tscript:` is `javascript:`), and
//! the comparison ignores case.

/// Schemes congkhai publishes.
pub const ALLOWED_SCHEMES: [&str; 4] = ["https", "http", "mailto", "tel"];

/// True when `url` may be published in an `href` or `src`.
pub fn is_allowed(url: &str) -> bool {
    let url = browser_view(url);
    match scheme(&url) {
        Some(scheme) => ALLOWED_SCHEMES
            .iter()
            .any(|allowed| scheme.eq_ignore_ascii_case(allowed)),
        None => {
            let mut start = url.chars().take(2);
            !matches!(
                (start.next(), start.next()),
                (Some('/' | '\\'), Some('/' | '\\'))
            )
        }
    }
}

/// True when `url` is an absolute `http(s)` address with a host, such as a site is published
/// at (`https://thutuc.example.gov.vn/thu-tuc`): no spaces, control characters or quotes.
pub fn is_site_address(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    let Some(rest) = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
    else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    !host.is_empty()
        && !url.chars().any(|c| {
            c.is_whitespace() || c.is_control() || matches!(c, '"' | '\'' | '<' | '>' | '\\')
        })
        && is_allowed(url)
}

/// `url` as a browser's URL parser sees it before reading the scheme: leading C0 controls and
/// spaces dropped, ASCII tabs and newlines removed.
fn browser_view(url: &str) -> String {
    url.trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect()
}

/// The scheme of `url`, when it has one: an ASCII letter, then letters, digits, `+`, `-` or
/// `.`, then `:`.
fn scheme(url: &str) -> Option<&str> {
    let end = url.find(':')?;
    let candidate = &url[..end];
    let mut chars = candidate.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
    .then_some(candidate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_mail_phone_and_site_paths_are_allowed() {
        for url in [
            "https://dichvucong.gov.vn/p/home",
            "HTTP://example.gov.vn",
            "mailto:mot-cua@binhan.gov.vn",
            "tel:+842363000000",
            "/thu-tuc/x/",
            "thu-tuc/x/",
            "#giay-to",
            "?q=khai+sinh",
            "forms/to-khai.pdf",
            "",
        ] {
            assert!(is_allowed(url), "{url}");
        }
    }

    #[test]
    fn script_and_unknown_schemes_are_refused_however_spelt() {
        for url in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            " \u{1}javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "vbscript:msgbox",
            "data:text/html,<script>alert(1)</script>",
            "file:///etc/passwd",
            "ftp://example.com",
            "//evil.example/x",
            "/\\evil.example/x",
            "\\\\evil.example/x",
        ] {
            assert!(!is_allowed(url), "{url:?}");
        }
    }

    #[test]
    fn site_addresses_are_absolute_http() {
        assert!(is_site_address("https://thutuc.example.gov.vn"));
        assert!(is_site_address("http://example.gov.vn/thu-tuc/"));
        for url in [
            "javascript:alert(1)//",
            "https://",
            "https:///x",
            "example.gov.vn",
            "/thu-tuc/",
            "https://a b",
            "https://x\"onmouseover=",
        ] {
            assert!(!is_site_address(url), "{url:?}");
        }
    }
}
