//! Builds the sample catalogue in `content/` and checks the real HTML with an independent parser.

mod common;
use common::copy_dir;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use congkhai::model::{Catalogue, Status};
use congkhai::{BuildOptions, Timings};
use scraper::{Html, Selector};

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("congkhai-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn options(out: &Path) -> BuildOptions {
    let mut options = BuildOptions::new(repo());
    options.out = Some(out.to_path_buf());
    options
}

/// The sample site, built once for all tests of this file.
fn site() -> &'static Path {
    static SITE: OnceLock<PathBuf> = OnceLock::new();
    SITE.get_or_init(|| {
        let out = temp_dir("sample").join("public");
        if let Err(error) = congkhai::build(&options(&out)) {
            panic!("the sample catalogue must build:\n{error}");
        }
        out
    })
}

/// The sample catalogue, validated once.
fn catalogue() -> &'static Catalogue {
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    CATALOGUE.get_or_init(|| {
        let (catalogue, diagnostics) =
            congkhai::check(&BuildOptions::new(repo()), &mut Timings::default());
        catalogue.unwrap_or_else(|| panic!("{}", diagnostics.render_terminal(false)))
    })
}

fn page(path: &str) -> Html {
    let file = site().join(path);
    let text = std::fs::read_to_string(&file)
        .unwrap_or_else(|e| panic!("{} is missing: {e}", file.display()));
    Html::parse_document(&text)
}

fn select(selector: &str) -> Selector {
    Selector::parse(selector).unwrap()
}

/// The visible text of an element, whitespace collapsed (so text split over lines compares).
fn text_of(html: &Html, selector: &str) -> String {
    let sel = select(selector);
    let raw: Vec<String> = html
        .select(&sel)
        .map(|e| e.text().collect::<Vec<_>>().join(" "))
        .collect();
    collapse(&raw.join(" "))
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn hrefs(html: &Html, scope: &str) -> Vec<String> {
    let sel = select(&format!("{scope} a[href]"));
    html.select(&sel)
        .filter_map(|a| a.value().attr("href").map(str::to_owned))
        .collect()
}

#[test]
fn sample_catalogue_is_large_and_varied() {
    let c = catalogue();
    assert!(
        c.procedures.len() >= 40,
        "{} procedures",
        c.procedures.len()
    );
    let fields: BTreeSet<&str> = c
        .procedures
        .iter()
        .map(|e| e.procedure.field.value.as_str())
        .collect();
    assert!(fields.len() >= 8, "{} fields", fields.len());
    let statuses: BTreeSet<Status> = c.procedures.iter().map(|e| e.procedure.status).collect();
    assert!(statuses.contains(&Status::Upcoming) && statuses.contains(&Status::Repealed));
    assert!(c.stats.len() >= 2);
}

#[test]
fn every_procedure_page_carries_every_part() {
    for entry in &catalogue().procedures {
        let p = &entry.procedure;
        let html = page(&format!("thu-tuc/{}/index.html", entry.slug));
        let main = text_of(&html, "main");
        let must = |what: &str, text: &str| {
            let text = collapse(text);
            assert!(
                main.contains(&text),
                "{}: {what} `{text}` missing from the page",
                entry.file
            );
        };
        must("code", &p.code.value);
        must("title", &p.title.value);
        for group in p.documents.groups() {
            for document in &group.items {
                must("document", &document.name);
            }
            if let Some(case) = &group.case {
                must("document case", case);
            }
        }
        for fee in p.fees.items() {
            must("fee text", &fee.text);
            for exemption in &fee.exemptions {
                must("exemption", exemption);
            }
        }
        for step in p.steps.items() {
            must("step", &step.text);
        }
        for result in p.results.items() {
            must("result", result);
        }
        for legal in p.legal_basis.items() {
            must("legal basis", &legal.number);
        }
        must(
            "processing time",
            &p.processing_time
                .known()
                .expect("the sample states every time")
                .text,
        );
        let tel = hrefs(&html, "main");
        assert!(
            tel.iter().any(|h| h.starts_with("tel:")),
            "{}: no tel: link on the page",
            entry.file
        );
    }
}

#[test]
fn free_fees_say_mien_phi_and_amounts_use_dots() {
    let c = catalogue();
    let paid = c
        .procedures
        .iter()
        .find(|e| {
            e.procedure
                .fees
                .items()
                .iter()
                .any(|f| f.amount >= Some(1000))
        })
        .expect("a record with a fee of at least 1.000 đồng");
    let fee = paid
        .procedure
        .fees
        .items()
        .iter()
        .find(|f| f.amount >= Some(1000))
        .unwrap();
    let html = page(&format!("thu-tuc/{}/index.html", paid.slug));
    assert!(
        text_of(&html, "main")
            .contains(&congkhai::view::Words::default().money(fee.amount.unwrap()))
    );

    let free = c
        .procedures
        .iter()
        .find(|e| e.procedure.is_known_free())
        .expect("a free procedure");
    let html = page(&format!("thu-tuc/{}/index.html", free.slug));
    assert!(
        text_of(&html, "main").contains("Miễn phí")
            || text_of(&html, "main").contains("Không thu phí")
    );
}

/// The build sorts entries with collation keys made once (`sort_entries`); the dev server
/// places an edited entry by comparing titles (`entry_order`). The two must be one order.
#[test]
fn catalogue_order_is_the_order_the_dev_server_inserts_by() {
    let c = catalogue();
    let collation = congkhai::vi::Collation::new();
    assert!(c.procedures.len() > 20);
    for pair in c.procedures.windows(2) {
        assert_eq!(
            congkhai::validate::entry_order(&collation, &pair[0], &pair[1]),
            std::cmp::Ordering::Less,
            "`{}` ({}) is sorted before `{}` ({})",
            pair[0].title(),
            pair[0].code(),
            pair[1].title(),
            pair[1].code()
        );
    }
}

#[test]
fn field_listings_hold_exactly_their_listed_procedures_in_vietnamese_order() {
    let c = catalogue();
    let collation = congkhai::vi::Collation::new();
    for field in &c.fields {
        let expected: Vec<&str> = c
            .listed()
            .filter(|e| e.procedure.field.value == field.id.value)
            .map(|e| e.slug.as_str())
            .collect();
        if expected.is_empty() {
            continue;
        }
        let html = page(&format!("linh-vuc/{}/index.html", field.id.value));
        let mut seen: Vec<String> = Vec::new();
        for href in hrefs(&html, "main") {
            if let Some(rest) = href.split("thu-tuc/").nth(1) {
                let slug = rest.trim_end_matches('/').to_owned();
                if !seen.contains(&slug) {
                    seen.push(slug);
                }
            }
        }
        assert_eq!(seen, expected, "listing of {}", field.id.value);
        let titles: Vec<&str> = seen
            .iter()
            .map(|s| c.procedures.iter().find(|e| &e.slug == s).unwrap().title())
            .collect();
        for pair in titles.windows(2) {
            assert_ne!(
                collation.compare(pair[0], pair[1]),
                std::cmp::Ordering::Greater,
                "`{}` listed before `{}`",
                pair[0],
                pair[1]
            );
        }
    }
}

#[test]
fn home_states_the_counts_of_the_records() {
    let c = catalogue();
    let listed = c.listed().count();
    let fields: BTreeSet<&str> = c
        .listed()
        .map(|e| e.procedure.field.value.as_str())
        .collect();
    let home = text_of(&page("index.html"), "main");
    assert!(
        home.contains(&format!("{listed} thủ tục")),
        "home lacks `{listed} thủ tục`: {home}"
    );
    assert!(
        home.contains(&format!("{} lĩnh vực", fields.len())),
        "{home}"
    );
}

#[test]
fn repealed_procedures_keep_a_page_but_leave_the_lists() {
    let c = catalogue();
    let repealed = c
        .procedures
        .iter()
        .find(|e| e.procedure.status == Status::Repealed)
        .expect("a repealed procedure");
    let html = page(&format!("thu-tuc/{}/index.html", repealed.slug));
    assert!(text_of(&html, "main").contains("bãi bỏ"));
    let listing = page(&format!(
        "linh-vuc/{}/index.html",
        repealed.procedure.field.value
    ));
    assert!(
        !hrefs(&listing, "main")
            .iter()
            .any(|h| h.contains(&format!("thu-tuc/{}/", repealed.slug)))
    );
}

#[test]
fn upcoming_procedures_say_from_when_they_apply() {
    let c = catalogue();
    let upcoming = c
        .procedures
        .iter()
        .find(|e| e.procedure.status == Status::Upcoming)
        .expect("an upcoming procedure");
    let from = upcoming
        .procedure
        .effective_from
        .as_ref()
        .unwrap()
        .value
        .vi();
    let html = page(&format!("thu-tuc/{}/index.html", upcoming.slug));
    assert!(text_of(&html, "main").contains(&format!("Áp dụng từ {from}")));
}

#[test]
fn code_pages_redirect_to_the_procedure() {
    for entry in &catalogue().procedures {
        let path = format!("ma/{}/index.html", entry.code());
        let html = page(&path);
        let refresh = select("meta[http-equiv=refresh]");
        let content = html
            .select(&refresh)
            .next()
            .and_then(|m| m.value().attr("content"))
            .unwrap_or_else(|| panic!("{path}: no meta refresh"));
        let target = format!("../../thu-tuc/{}/", entry.slug);
        assert!(content.ends_with(&target), "{path}: {content}");
        // The target resolves to a file.
        assert!(
            site()
                .join("thu-tuc")
                .join(&entry.slug)
                .join("index.html")
                .is_file()
        );
    }
}

#[test]
fn statistics_rates_are_computed_with_half_up_rounding() {
    let c = catalogue();
    let html = text_of(&page("thong-ke/index.html"), "main");
    for period in &c.stats {
        let expected = congkhai::vi::percent(period.resolved.in_time(), period.resolved.total(), 2);
        assert!(
            html.contains(&expected),
            "{}: {expected} missing",
            period.label
        );
        assert!(html.contains(&*period.label));
    }
    assert!(select_count(&page("thong-ke/index.html"), "main svg") >= c.stats.len());
}

fn select_count(html: &Html, selector: &str) -> usize {
    html.select(&select(selector)).count()
}

#[test]
fn contact_page_lists_hours_hotlines_officers_and_feedback() {
    let c = catalogue();
    let html = page("lien-he/index.html");
    let text = text_of(&html, "main");
    assert!(text.contains("Thứ Bảy"), "{text}");
    for hotline in &c.site.hotlines {
        assert!(text.contains(&*hotline.number));
    }
    for officer in &c.site.officers {
        assert!(text.contains(&*officer.name));
    }
    if let Some(email) = c.site.feedback.as_ref().and_then(|f| f.email.as_ref()) {
        assert!(text.contains(&**email));
    }
}

#[test]
fn every_internal_link_resolves_to_a_file() {
    let mut broken = Vec::new();
    for entry in walk(site()) {
        if entry.extension().is_none_or(|e| e != "html") || entry.ends_with("404.html") {
            continue;
        }
        let html = Html::parse_document(&std::fs::read_to_string(&entry).unwrap());
        for href in hrefs(&html, "html") {
            if href.contains(':') || href.starts_with('#') {
                continue;
            }
            let path = href.split(['#', '?']).next().unwrap();
            let target = entry.parent().unwrap().join(path);
            let file = if path.ends_with('/') || path.is_empty() {
                target.join("index.html")
            } else {
                target
            };
            if !file.is_file() {
                broken.push(format!("{} → {href}", entry.display()));
            }
        }
    }
    assert!(
        broken.is_empty(),
        "{} broken links, e.g. {:?}",
        broken.len(),
        &broken[..broken.len().min(5)]
    );
}

#[test]
fn sitemap_and_robots_exist_and_sitemap_urls_have_files() {
    let sitemap = std::fs::read_to_string(site().join("sitemap.xml")).unwrap();
    let locs: Vec<&str> = sitemap
        .split("<loc>")
        .skip(1)
        .filter_map(|s| s.split("</loc>").next())
        .collect();
    assert!(locs.len() > catalogue().procedures.len());
    let base = catalogue().site.base_url.clone().unwrap();
    let base = format!("{}/", base.value.trim_end_matches('/'));
    for loc in locs {
        let path = loc
            .strip_prefix(&base)
            .unwrap_or_else(|| panic!("{loc} is not under {base}"));
        let file = if path.is_empty() || path.ends_with('/') {
            site().join(path).join("index.html")
        } else {
            site().join(path)
        };
        assert!(file.is_file(), "{loc}");
    }
    assert!(
        std::fs::read_to_string(site().join("robots.txt"))
            .unwrap()
            .contains("Sitemap:")
    );
    assert!(site().join("404.html").is_file());
}

#[test]
fn pages_declare_vietnamese_and_have_one_h1() {
    for path in [
        "index.html",
        "lien-he/index.html",
        "thong-ke/index.html",
        "tra-cuu/index.html",
        "linh-vuc/ho-tich/index.html",
        "thu-tuc/dang-ky-khai-sinh/index.html",
    ] {
        let html = page(path);
        let lang = html
            .select(&select("html"))
            .next()
            .unwrap()
            .value()
            .attr("lang");
        assert_eq!(lang, Some("vi"), "{path}");
        assert_eq!(select_count(&html, "h1"), 1, "{path}");
        assert_eq!(select_count(&html, "main"), 1, "{path}");
    }
}

#[test]
fn forms_are_published_with_their_pages() {
    for attachment in &catalogue().attachments {
        let published = std::fs::read(site().join(&attachment.path)).unwrap();
        assert_eq!(
            published.len() as u64,
            attachment.size,
            "{}",
            attachment.path
        );
    }
}

#[test]
fn two_builds_are_byte_identical() {
    let second = temp_dir("second").join("public");
    congkhai::build(&options(&second)).unwrap();
    assert_eq!(snapshot(site()), snapshot(&second));
}

#[test]
fn a_failed_build_leaves_the_previous_output_intact() {
    let out = temp_dir("intact").join("public");
    congkhai::build(&options(&out)).unwrap();
    let before = snapshot(&out);
    let mut broken = BuildOptions::new(repo().join("tests/fixtures/broken"));
    broken.out = Some(out.clone());
    assert!(congkhai::build(&broken).is_err());
    assert_eq!(snapshot(&out), before);
}

#[test]
fn record_markup_is_escaped_everywhere() {
    let root = temp_dir("inject");
    copy_dir(&repo().join("src/scaffold/content"), &root.join("content"));
    let record = root.join("content/procedures/ho-tich/dang-ky-khai-sinh.yaml");
    let text = std::fs::read_to_string(&record).unwrap().replace(
        "title: \"Đăng ký khai sinh\"",
        "title: \"Đăng ký <script>alert(1)</script> khai sinh\"",
    );
    std::fs::remove_file(&record).unwrap();
    std::fs::write(
        root.join("content/procedures/ho-tich/dang-ky-khai-sinh.md"),
        format!("---\n{text}---\n\n## Hướng dẫn\n\n<img src=x onerror=alert(2)>\n\n[x](javascript:alert(3))\n"),
    )
    .unwrap();
    let out = root.join("public");
    let mut options = BuildOptions::new(&root);
    options.out = Some(out.clone());
    congkhai::build(&options).unwrap_or_else(|e| panic!("{e}"));
    for file in walk(&out) {
        if file
            .extension()
            .is_some_and(|e| e == "html" || e == "xml" || e == "json" || e == "js")
        {
            let text = std::fs::read_to_string(&file).unwrap();
            assert!(!text.contains("<script>alert"), "{}", file.display());
            assert!(!text.contains("<img src=x"), "{}", file.display());
            assert!(!text.contains("javascript:alert"), "{}", file.display());
        }
    }
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let entry = entry.unwrap();
            if entry.file_type().unwrap().is_dir() {
                stack.push(entry.path());
            } else {
                files.push(entry.path());
            }
        }
    }
    files.sort();
    files
}

fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walk(dir)
        .into_iter()
        .map(|f| {
            (
                f.strip_prefix(dir).unwrap().to_string_lossy().into_owned(),
                std::fs::read(&f).unwrap(),
            )
        })
        .collect()
}

#[test]
fn a_procedure_page_is_in_the_order_people_act() {
    let html = page("thu-tuc/dang-ky-khai-sinh/index.html");
    let sections: Vec<&str> = html
        .select(&select(".proc-layout section[id]"))
        .filter_map(|s| s.value().attr("id"))
        .collect();
    let at = |id: &str| {
        sections
            .iter()
            .position(|s| *s == id)
            .unwrap_or_else(|| panic!("no section {id} in {sections:?}"))
    };
    // What it takes, what to bring, where and how to submit, then the steps, then the rest.
    assert_eq!(at("tom-tat"), 0, "{sections:?}");
    assert!(at("ho-so") < at("cach-thuc"), "{sections:?}");
    assert!(at("cach-thuc") < at("trinh-tu"), "{sections:?}");
    assert!(at("noi-tiep-nhan") < at("trinh-tu"), "{sections:?}");
    assert!(at("trinh-tu") < at("can-cu"), "{sections:?}");
    // The contents list follows the same order.
    let toc: Vec<String> = hrefs(&html, "nav.toc");
    let pos = |href: &str| toc.iter().position(|h| h == href).unwrap();
    assert!(pos("#ho-so") < pos("#cach-thuc") && pos("#cach-thuc") < pos("#trinh-tu"));
    // The hotline (the site's, for this record) is said once, in the summary.
    assert_eq!(select_count(&html, "#tom-tat .hotline"), 1);
    assert_eq!(select_count(&html, ".hotline"), 1);
}

#[test]
fn a_procedure_online_without_its_own_address_offers_the_portal_with_its_code() {
    let c = catalogue();
    let portal = &c.site.online_portals[0];
    let entry = c
        .listed()
        .find(|e| {
            e.procedure.online_url.is_none()
                && e.procedure.online_level() != Some(congkhai::model::OnlineLevel::None)
                && e.procedure.status == congkhai::model::Status::Active
        })
        .expect("the sample has an online procedure without an address of its own");
    let html = page(&format!("thu-tuc/{}/index.html", entry.slug));
    let hrefs = hrefs(&html, "#tom-tat .online-action");
    assert_eq!(hrefs, [portal.url.value.to_string()]);
    let action = text_of(&html, "#tom-tat .online-action");
    assert!(action.contains(entry.code()), "{action}");
    assert!(action.contains(portal.name.as_ref() as &str), "{action}");
}

/// Every `href` and `src` in the HTML files of `output`: (file, attribute value).
fn links_in(output: &congkhai::output::Output) -> Vec<(String, String)> {
    let sel = select("[href], [src]");
    let mut links = Vec::new();
    for (path, bytes) in output.iter() {
        if !path.as_str().ends_with(".html") {
            continue;
        }
        let html = Html::parse_document(&String::from_utf8_lossy(bytes));
        for element in html.select(&sel) {
            for name in ["href", "src"] {
                if let Some(value) = element.value().attr(name) {
                    links.push((path.to_string(), value.to_owned()));
                }
            }
        }
    }
    links
}

/// A link a browser would run as script, read the way a browser reads a scheme (leading
/// spaces and controls skipped, tabs and newlines removed, any case).
fn runs_as_script(url: &str) -> bool {
    let seen: String = url
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect::<String>()
        .to_ascii_lowercase();
    ["javascript:", "vbscript:", "data:"]
        .iter()
        .any(|scheme| seen.starts_with(scheme))
}

/// A free page whose slug climbs out of the output folder is refused, and nothing is written
/// anywhere: not outside the output folder, not the output itself.
#[test]
fn a_page_slug_cannot_write_outside_the_output_folder() {
    let dir = temp_dir("escape");
    let root = dir.join("site");
    copy_dir(&repo().join("content"), &root.join("content"));
    std::fs::write(
        root.join("content/pages/thoat.md"),
        "---\ntitle: \"Thoát\"\nslug: \"../../escaped\"\n---\nx\n",
    )
    .unwrap();
    let out = root.join("out/public");
    let mut options = BuildOptions::new(&root);
    options.out = Some(out.clone());
    let congkhai::BuildError::Content(diagnostics) =
        congkhai::build(&options).expect_err("a ../ slug must fail the build")
    else {
        panic!("a ../ slug is a content error");
    };
    assert!(
        diagnostics.iter().any(|d| d.code.as_str() == "CK016"
            && d.file == "content/pages/thoat.md"
            && d.position.map(|p| p.line) == Some(3)),
        "{}",
        diagnostics.render_terminal(false)
    );
    assert!(!out.exists());
    for escaped in [
        dir.join("escaped"),
        root.join("escaped"),
        root.join("out/escaped"),
    ] {
        assert!(!escaped.exists(), "{} was written", escaped.display());
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// The sample with script links in a record's Markdown guide builds (a guide's links that
/// break the URL policy point nowhere; a free page's are CK017, see the fixtures), every file
/// lands inside the output folder, and no `href` or `src` of any page runs as script.
#[test]
fn no_published_link_runs_as_script() {
    let dir = temp_dir("script-links");
    let root = dir.join("site");
    copy_dir(&repo().join("content"), &root.join("content"));
    let record = root.join("content/procedures/ho-tich/dang-ky-ket-hon.md");
    let mut text = std::fs::read_to_string(&record).unwrap();
    text.push_str(
        "\n[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](vbscript:x) \
         [d](data:text/html,x) ![e](data:image/svg+xml,x) [ok](https://dichvucong.gov.vn/lien-ket)\n",
    );
    std::fs::write(&record, text).unwrap();
    let out = root.join("public");
    let mut options = BuildOptions::new(&root);
    options.out = Some(out.clone());
    if let Err(e) = congkhai::build(&options) {
        panic!("{e}");
    }
    // Everything written is under `public/`, beside the content and nothing else.
    let entries: BTreeSet<String> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        entries,
        BTreeSet::from(["content".to_owned(), "public".to_owned()])
    );
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1);
    let page = std::fs::read_to_string(out.join("thu-tuc/dang-ky-ket-hon/index.html")).unwrap();
    assert!(
        page.contains("href=\"https://dichvucong.gov.vn/lien-ket\""),
        "{page}"
    );

    let (catalogue, _) = congkhai::check(&options, &mut Timings::default());
    let output = render(&root, &catalogue.unwrap(), &Default::default());
    let links = links_in(&output);
    assert!(links.len() > 1000, "only {} links", links.len());
    let bad: Vec<_> = links
        .iter()
        .filter(|(_, url)| runs_as_script(url))
        .collect();
    assert!(bad.is_empty(), "{bad:?}");
    let _ = std::fs::remove_dir_all(&dir);
}

fn render(
    root: &Path,
    catalogue: &Catalogue,
    options: &congkhai::render::RenderOptions,
) -> congkhai::output::Output {
    // The steps after validation, composed on a catalogue that validation never saw.
    let theme = congkhai::theme::Theme::load(root, "default").unwrap();
    let labels = theme.labels(&catalogue.site.language);
    let mut renderer = congkhai::render::Renderer::new(catalogue, &theme, options)
        .unwrap_or_else(|d| panic!("{}", d.render_terminal(false)));
    let index = congkhai::index_site(catalogue, renderer.cards(), &labels)
        .unwrap_or_else(|d| panic!("{}", d.render_terminal(false)));
    for (key, value) in &index.globals {
        renderer.set_global(key, value);
    }
    let plans = congkhai::render::plan(catalogue, &labels);
    let mut output = renderer
        .render_pages(&plans)
        .unwrap_or_else(|d| panic!("{}", d.render_terminal(false)));
    output.extend(index.files);
    let copied = congkhai::pipeline::copied_files(catalogue, root, &theme, renderer.assets());
    output.extend(copied.unwrap_or_else(|d| panic!("{}", d.render_terminal(false))));
    output
}

/// Defence in depth: a catalogue whose links got past validation (every URL field of a record
/// and of site.yaml a script link) still renders pages without them, and a script base URL is
/// not published.
#[test]
fn the_renderer_never_publishes_a_script_link_that_got_past_validation() {
    use congkhai::model::Text;
    use serde_saphyr::{Location, Spanned};
    let evil = |s: &str| Spanned::new(Text::new(s), Location::UNKNOWN, Location::UNKNOWN);
    let mut catalogue = catalogue().clone();
    for entry in &mut catalogue.procedures {
        let p = &mut entry.procedure;
        p.online_url = Some(evil("javascript:alert(1)"));
        for form in p.forms.items_mut() {
            form.official_url = Some(evil(" java\tscript:alert(2)"));
        }
        for law in p.legal_basis.items_mut() {
            law.url = Some(evil("VBScript:msgbox(3)"));
        }
        for a in &mut p.announcements {
            a.url = Some(evil("data:text/html,<script>alert(4)</script>"));
        }
    }
    let site = &mut catalogue.site;
    site.desk.map_url = Some(evil("javascript:alert(5)"));
    if let Some(feedback) = &mut site.feedback {
        feedback.online_form_url = Some(evil("JAVASCRIPT:alert(6)"));
    }
    for portal in &mut site.online_portals {
        portal.url = evil("javascript:alert(7)");
    }
    let options = congkhai::render::RenderOptions {
        base_url: Some("javascript:alert(8)//".to_owned()),
    };
    let output = render(repo(), &catalogue, &options);
    let bad: Vec<_> = links_in(&output)
        .into_iter()
        .filter(|(_, url)| runs_as_script(url))
        .collect();
    assert!(bad.is_empty(), "{bad:?}");
    for (path, bytes) in output.iter() {
        let text = String::from_utf8_lossy(bytes).to_ascii_lowercase();
        assert!(!text.contains("alert("), "{path} carries a script link");
    }
}

/// The top-level routes the site publishes are the ones a free page may not take.
#[test]
fn every_top_level_route_of_the_sample_is_reserved_or_a_page_or_a_form_folder() {
    let output = render(repo(), catalogue(), &Default::default());
    let pages: BTreeSet<&str> = catalogue().pages.iter().map(|p| p.slug.as_str()).collect();
    for (path, _) in output.iter() {
        let top = path.as_str().split('/').next().unwrap();
        assert!(
            congkhai::route::reserved(top).is_some() || pages.contains(top) || top == "forms",
            "{path}: `{top}` is not in route::RESERVED"
        );
    }
}
