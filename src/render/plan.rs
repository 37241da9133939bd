//! The page plan: which pages exist, at which URLs, and what each one needs.

use std::collections::BTreeMap;

use rayon::prelude::*;
use serde::Serialize;

use crate::model::{Catalogue, Level};
use crate::route;
use crate::vi;
use crate::view::words::Words;
use crate::view::{self, Link};

/// Procedures per listing page; longer lists are split into numbered pages.
pub const PAGE_SIZE: usize = 100;

/// One page to render.
#[derive(Debug, Clone)]
pub struct PagePlan {
    /// Output file, relative to the output root: `thu-tuc/x/index.html`.
    pub path: String,
    /// URL relative to the site root: `thu-tuc/x/` (empty for the home page).
    pub url: String,
    /// Page title.
    pub title: String,
    /// Breadcrumbs above the title, home first.
    pub breadcrumbs: Vec<Link>,
    /// What the page shows.
    pub kind: PageKind,
}

/// What a page shows.
#[derive(Debug, Clone)]
pub enum PageKind {
    /// `/`.
    Home,
    /// `/thu-tuc/<slug>/`: index into `catalogue.procedures`.
    Procedure(usize),
    /// `/ma/<code>/`: redirects to the procedure.
    Redirect(usize),
    /// A list of procedures (by field, level or agency).
    Listing(Listing),
    /// A list of lists (all fields, all agencies, all levels).
    Index(IndexList),
    /// `/tra-cuu/`.
    Search,
    /// `/lien-he/`.
    Contact,
    /// `/thong-ke/`.
    Stats,
    /// `/du-lieu/`: what the open data holds.
    Data,
    /// A free page: index into `catalogue.pages`.
    Page(usize),
    /// `/404.html`.
    NotFound,
    /// `/sitemap.xml` with the URLs of every page.
    Sitemap(Vec<SitemapUrl>),
    /// `/robots.txt`.
    Robots,
    /// `/cap-nhat/` and `/cap-nhat/<field>/`: changes of procedures, newest first.
    Changes(ChangeList),
    /// `/cap-nhat/atom.xml` and `/cap-nhat/<field>/atom.xml`: the newest changes as Atom.
    Feed(ChangeList),
}

/// A list of changes (all, or one field's), possibly one page of several.
#[derive(Debug, Clone, Serialize)]
pub struct ChangeList {
    /// The field's id, for a field's list.
    pub field: Option<String>,
    /// The field's name, for a field's list.
    pub name: Option<String>,
    /// The list's first page, relative to the site root.
    pub url: String,
    /// Its Atom feed.
    pub feed: String,
    /// Indexes into `catalogue.history.changes`, newest first.
    #[serde(skip)]
    pub items: Vec<usize>,
    /// Changes in the whole list.
    pub total: usize,
    /// Page navigation when the list is split.
    pub pagination: Option<Pagination>,
    /// The fields that have changes, with their lists.
    pub filters: Vec<CountedLink>,
}

/// A listing of procedures, possibly one page of several.
#[derive(Debug, Clone, Serialize)]
pub struct Listing {
    /// "field", "level" or "agency".
    pub kind: &'static str,
    /// The listed thing's name.
    pub name: String,
    /// Its description.
    pub description: Option<String>,
    /// Indexes into `catalogue.procedures`, in order.
    #[serde(skip)]
    pub items: Vec<usize>,
    /// Total procedures in the whole list.
    pub total: usize,
    /// Page navigation when the list is split.
    pub pagination: Option<Pagination>,
}

/// Page navigation.
#[derive(Debug, Clone, Serialize)]
pub struct Pagination {
    /// 1-based current page.
    pub current: usize,
    /// Number of pages.
    pub count: usize,
    /// The pages to link to, number and URL: the first, the last and the two either side of
    /// the current one; `None` stands for the pages left out between them ("…"). A list of
    /// 100,000 procedures has a thousand pages, and a link to each on every page would be
    /// most of the page (and of the build's memory).
    pub pages: Vec<Option<(usize, String)>>,
    /// Previous page URL.
    pub prev: Option<String>,
    /// Next page URL.
    pub next: Option<String>,
}

/// A list of links with counts.
#[derive(Debug, Clone, Serialize)]
pub struct IndexList {
    /// "fields", "levels" or "agencies".
    pub kind: &'static str,
    /// Entries.
    pub links: Vec<CountedLink>,
}

/// A link with a number of procedures.
#[derive(Debug, Clone, Serialize)]
pub struct CountedLink {
    /// Text.
    pub title: String,
    /// URL relative to the site root.
    pub url: String,
    /// Procedures behind it.
    pub count: usize,
    /// Level or field id, when the link is one.
    pub id: Option<String>,
    /// A field's description (the index of fields shows it under the link).
    pub description: Option<String>,
}

/// One `<url>` of the sitemap.
#[derive(Debug, Clone, Serialize)]
pub struct SitemapUrl {
    /// URL relative to the site root.
    pub url: String,
    /// Last change, ISO date.
    pub lastmod: Option<String>,
}

impl PagePlan {
    /// Relative prefix from this page to the site root ("../../"), so that links work under any
    /// sub-path and from disk. The 404 page can be served at any depth, so it uses the absolute
    /// base path instead.
    pub fn root_prefix(&self, base_path: &str) -> String {
        if matches!(self.kind, PageKind::NotFound) {
            return base_path.to_owned();
        }
        let depth = self.path.matches('/').count();
        if depth == 0 {
            "./".to_owned()
        } else {
            "../".repeat(depth)
        }
    }
}

/// The URL of a procedure's stable code page.
pub fn code_url(code: &str) -> String {
    format!("{}/{}/", route::CODES, code_segment(code))
}

/// A code as a URL segment (the function validation checks codes with).
pub use crate::vi::code_segment;

fn home(words: &Words) -> Link {
    Link {
        title: words.home.clone(),
        url: String::new(),
    }
}

fn page(
    path_url: &str,
    title: impl Into<String>,
    breadcrumbs: Vec<Link>,
    kind: PageKind,
) -> PagePlan {
    PagePlan {
        path: format!("{path_url}index.html"),
        url: path_url.to_owned(),
        title: title.into(),
        breadcrumbs,
        kind,
    }
}

/// Pages linked from page `current` of `count`: the first, the last and two either side of
/// the current one, in order, with `None` for a run of two or more pages left out (a single
/// page is shown rather than a "…" in its place).
fn page_window(current: usize, count: usize) -> Vec<Option<usize>> {
    const AROUND: usize = 2;
    let mut shown: Vec<usize> = [1, count]
        .into_iter()
        .chain(current.saturating_sub(AROUND).max(1)..=(current + AROUND).min(count))
        .collect();
    shown.sort_unstable();
    shown.dedup();
    let mut out = Vec::with_capacity(shown.len() + 2);
    let mut last = 0;
    for k in shown {
        match k - last {
            1 => {}
            2 => out.push(Some(k - 1)),
            _ => out.push(None),
        }
        out.push(Some(k));
        last = k;
    }
    out
}

/// The pages of a list of `total` items at `base_url`, [`PAGE_SIZE`] a page: each page's
/// number, URL, range of items and navigation (none when there is one page).
fn paginate(
    base_url: &str,
    total: usize,
) -> Vec<(usize, String, std::ops::Range<usize>, Option<Pagination>)> {
    let count = total.div_ceil(PAGE_SIZE).max(1);
    let url_of = |n: usize| {
        if n == 1 {
            base_url.to_owned()
        } else {
            format!("{base_url}trang-{n}/")
        }
    };
    (1..=count)
        .map(|n| {
            let pagination = (count > 1).then(|| Pagination {
                current: n,
                count,
                pages: page_window(n, count)
                    .into_iter()
                    .map(|k| k.map(|k| (k, url_of(k))))
                    .collect(),
                prev: (n > 1).then(|| url_of(n - 1)),
                next: (n < count).then(|| url_of(n + 1)),
            });
            (
                n,
                url_of(n),
                (n - 1) * PAGE_SIZE..(n * PAGE_SIZE).min(total),
                pagination,
            )
        })
        .collect()
}

/// The title of page `n` of a list called `title`.
fn page_title(title: &str, n: usize) -> String {
    if n == 1 {
        title.to_owned()
    } else {
        format!("{title} (trang {n})")
    }
}

/// Splits a listing into pages of [`PAGE_SIZE`].
/// One listing of a kind (a field, a level, an agency): its name, address and procedures.
struct Group {
    name: String,
    url: String,
    /// The level's or field's id.
    id: Option<String>,
    description: Option<String>,
    /// The listed procedures, in the catalogue's order.
    items: Vec<usize>,
}

/// The listing pages of each group of `kind`, under the index page at
/// `index` (titled `index_title`); the links the index page shows.
fn group_listings(
    kind: &'static str,
    index: &str,
    index_title: &str,
    groups: impl Iterator<Item = Group>,
    words: &Words,
    plans: &mut Vec<PagePlan>,
) -> Vec<CountedLink> {
    let index_link = Link {
        title: index_title.to_owned(),
        url: format!("{index}/"),
    };
    let mut links = Vec::new();
    for group in groups {
        let title = group.name.clone();
        links.push(CountedLink {
            title: group.name.clone(),
            url: group.url.clone(),
            count: group.items.len(),
            id: group.id,
            description: group.description.clone(),
        });
        listings(
            &group.url,
            &title,
            &[home(words), index_link.clone()],
            Listing {
                kind,
                total: group.items.len(),
                name: group.name,
                description: group.description,
                items: group.items,
                pagination: None,
            },
            plans,
        );
    }
    links
}

/// The index page at `index` that links the listings of one kind.
fn index_page(
    kind: &'static str,
    index: &str,
    title: &str,
    links: Vec<CountedLink>,
    words: &Words,
) -> PagePlan {
    page(
        &format!("{index}/"),
        title.to_owned(),
        vec![home(words)],
        PageKind::Index(IndexList { kind, links }),
    )
}

fn listings(
    base_url: &str,
    title: &str,
    breadcrumbs: &[Link],
    listing: Listing,
    out: &mut Vec<PagePlan>,
) {
    let total = listing.items.len();
    for (n, url, range, pagination) in paginate(base_url, total) {
        out.push(page(
            &url,
            page_title(title, n),
            breadcrumbs.to_vec(),
            PageKind::Listing(Listing {
                items: listing.items[range].to_vec(),
                total,
                pagination,
                ..listing.clone()
            }),
        ));
    }
}

/// Changes an Atom feed holds: the newest.
pub const FEED_SIZE: usize = 50;

/// The pages of `/cap-nhat/` (every change, newest first, then one list per field) and their
/// Atom feeds. Only changes of procedures the catalogue has are listed.
fn changes(catalogue: &Catalogue, words: &Words, out: &mut Vec<PagePlan>) {
    let base = format!("{}/", route::CHANGES);
    let shown: Vec<(usize, &str)> = catalogue
        .history
        .changes
        .iter()
        .enumerate()
        .filter_map(|(i, c)| {
            let entry = catalogue.by_code(&c.code)?;
            Some((i, entry.procedure.field.value.as_str()))
        })
        .collect();
    let mut lists: Vec<(Option<&crate::model::config::Field>, Vec<usize>)> =
        vec![(None, shown.iter().map(|(i, _)| *i).collect())];
    for field in &catalogue.fields {
        let items = shown
            .iter()
            .filter(|(_, f)| *f == field.id.value)
            .map(|(i, _)| *i)
            .collect();
        lists.push((Some(field), items));
    }
    let filters: Vec<CountedLink> = lists
        .iter()
        .filter_map(|(field, items)| {
            let field = (*field)?;
            (!items.is_empty()).then(|| CountedLink {
                title: field.name.to_string(),
                url: format!("{base}{}/", field.id.value),
                count: items.len(),
                id: Some(field.id.value.clone()),
                description: None,
            })
        })
        .collect();
    let changes_link = Link {
        title: words.changes.clone(),
        url: base.clone(),
    };
    for (field, items) in lists {
        let (url, title, crumbs) = match field {
            None => (base.clone(), words.changes.clone(), vec![home(words)]),
            Some(f) => (
                format!("{base}{}/", f.id.value),
                format!("{}: {}", words.changes, f.name),
                vec![home(words), changes_link.clone()],
            ),
        };
        let list = ChangeList {
            field: field.map(|f| f.id.value.clone()),
            name: field.map(|f| f.name.to_string()),
            url: url.clone(),
            feed: format!("{url}atom.xml"),
            items: Vec::new(),
            total: items.len(),
            pagination: None,
            filters: filters.clone(),
        };
        for (n, page_url, range, pagination) in paginate(&url, items.len()) {
            out.push(page(
                &page_url,
                page_title(&title, n),
                crumbs.clone(),
                PageKind::Changes(ChangeList {
                    items: items[range].to_vec(),
                    pagination,
                    ..list.clone()
                }),
            ));
        }
        out.push(PagePlan {
            path: format!("{url}atom.xml"),
            url: format!("{url}atom.xml"),
            title,
            breadcrumbs: vec![],
            kind: PageKind::Feed(ChangeList {
                items: items.into_iter().take(FEED_SIZE).collect(),
                filters: Vec::new(),
                ..list
            }),
        });
    }
}

/// Labels used in titles of planned pages, from the theme's i18n `level.<id>`.
fn level_name(labels: &serde_json::Value, level: Level) -> String {
    labels
        .pointer(&format!("/level/{}", level.id()))
        .and_then(|v| v.as_str())
        .map(str::to_owned)
        .unwrap_or_else(|| level.id().to_owned())
}

/// Plans every page of the site.
pub fn plan(catalogue: &Catalogue, labels: &serde_json::Value) -> Vec<PagePlan> {
    let words = &Words::new(labels);
    let mut plans = Vec::with_capacity(catalogue.procedures.len() * 2 + 64);
    plans.push(PagePlan {
        path: "index.html".to_owned(),
        url: String::new(),
        title: catalogue.site.title.to_string(),
        breadcrumbs: vec![],
        kind: PageKind::Home,
    });

    let fields_link = Link {
        title: words.fields.clone(),
        url: format!("{}/", route::FIELDS),
    };
    let fields_by_id = catalogue.fields_by_id();
    // Two pages a procedure, planned in parallel (in one thread this was most of the plan
    // step, with the other cores idle).
    plans.par_extend(
        catalogue
            .procedures
            .par_iter()
            .enumerate()
            .flat_map_iter(|(i, entry)| {
                let field = fields_by_id.get(entry.procedure.field.value.as_str());
                let mut crumbs = vec![home(words), fields_link.clone()];
                if let Some(field) = field {
                    crumbs.push(Link {
                        title: field.name.to_string(),
                        url: view::field_url(&field.id.value),
                    });
                }
                let mut pages = vec![
                    page(
                        &view::procedure_url(&entry.slug),
                        entry.title(),
                        crumbs,
                        PageKind::Procedure(i),
                    ),
                    page(
                        &code_url(entry.code()),
                        entry.title(),
                        vec![home(words)],
                        PageKind::Redirect(i),
                    ),
                ];
                // Old addresses keep working: each redirects to the page.
                pages.extend(entry.aliases.iter().map(|alias| {
                    page(
                        &view::procedure_url(alias),
                        entry.title(),
                        vec![home(words)],
                        PageKind::Redirect(i),
                    )
                }));
                pages
            }),
    );

    // Fields.
    let fields = catalogue
        .fields
        .iter()
        .zip(catalogue.listed_by_field())
        .map(|(field, items)| Group {
            name: field.name.to_string(),
            url: view::field_url(&field.id.value),
            id: Some(field.id.value.clone()),
            description: field.description.as_ref().map(|d| d.to_string()),
            items,
        });
    let links = group_listings(
        "field",
        route::FIELDS,
        &words.fields,
        fields,
        words,
        &mut plans,
    );
    plans.push(index_page(
        "fields",
        route::FIELDS,
        &words.fields,
        links,
        words,
    ));

    // Levels.
    let levels = Level::ALL
        .into_iter()
        .map(|level| Group {
            name: level_name(labels, level),
            url: view::level_url(level),
            id: Some(level.id().to_owned()),
            description: None,
            items: catalogue
                .procedures
                .iter()
                .enumerate()
                .filter(|(_, e)| e.is_listed() && e.level() == level)
                .map(|(i, _)| i)
                .collect(),
        })
        .filter(|g| !g.items.is_empty());
    let links = group_listings(
        "level",
        route::LEVELS,
        &words.levels,
        levels,
        words,
        &mut plans,
    );
    plans.push(index_page(
        "levels",
        route::LEVELS,
        &words.levels,
        links,
        words,
    ));

    // Agencies, by implementing body; grouped by slug so that spelling variants that fold the
    // same share one page.
    let mut agencies: BTreeMap<String, (String, Vec<usize>)> = BTreeMap::new();
    for (i, entry) in catalogue.procedures.iter().enumerate() {
        // A record that does not state its agencies is in no agency's listing.
        for name in entry.procedure.implementing_agencies() {
            let name = name.to_string();
            let slot = agencies
                .entry(vi::slugify(&name))
                .or_insert_with(|| (name, Vec::new()));
            // Two spellings of one agency in one record list it once.
            if entry.is_listed() && slot.1.last() != Some(&i) {
                slot.1.push(i);
            }
        }
    }
    let agencies = agencies
        .into_values()
        .map(|(name, items)| Group {
            url: view::agency_url(&name),
            name,
            id: None,
            description: None,
            items,
        })
        .filter(|g| !g.items.is_empty());
    let mut links = group_listings(
        "agency",
        route::AGENCIES,
        &words.agencies,
        agencies,
        words,
        &mut plans,
    );
    let collation = vi::Collation::new();
    links.sort_by(|a, b| collation.compare(&a.title, &b.title));
    plans.push(index_page(
        "agencies",
        route::AGENCIES,
        &words.agencies,
        links,
        words,
    ));

    plans.push(page(
        &format!("{}/", route::SEARCH),
        words.search.clone(),
        vec![home(words)],
        PageKind::Search,
    ));
    plans.push(page(
        &format!("{}/", route::CONTACT),
        words.contact.clone(),
        vec![home(words)],
        PageKind::Contact,
    ));
    plans.push(page(
        &format!("{}/", route::STATS),
        words.stats.clone(),
        vec![home(words)],
        PageKind::Stats,
    ));
    plans.push(page(
        &format!("{}/", route::DATA),
        words.data.clone(),
        vec![home(words)],
        PageKind::Data,
    ));
    for (i, p) in catalogue.pages.iter().enumerate() {
        plans.push(page(
            &format!("{}/", p.slug),
            p.meta.title.to_string(),
            vec![home(words)],
            PageKind::Page(i),
        ));
    }
    changes(catalogue, words, &mut plans);
    plans.push(PagePlan {
        path: "404.html".to_owned(),
        url: "404.html".to_owned(),
        title: words.not_found.clone(),
        breadcrumbs: vec![home(words)],
        kind: PageKind::NotFound,
    });

    let updated: BTreeMap<String, String> = catalogue
        .procedures
        .iter()
        .filter_map(|e| e.updated.map(|d| (view::procedure_url(&e.slug), d.iso())))
        .collect();
    let sitemap: Vec<SitemapUrl> = plans
        .iter()
        .filter(|p| {
            !matches!(
                p.kind,
                PageKind::Redirect(_) | PageKind::NotFound | PageKind::Feed(_)
            )
        })
        .map(|p| SitemapUrl {
            lastmod: updated.get(&p.url).cloned(),
            url: p.url.clone(),
        })
        .collect();
    plans.push(PagePlan {
        path: "sitemap.xml".to_owned(),
        url: "sitemap.xml".to_owned(),
        title: String::new(),
        breadcrumbs: vec![],
        kind: PageKind::Sitemap(sitemap),
    });
    plans.push(PagePlan {
        path: "robots.txt".to_owned(),
        url: "robots.txt".to_owned(),
        title: String::new(),
        breadcrumbs: vec![],
        kind: PageKind::Robots,
    });
    plans
}

#[cfg(test)]
mod tests {
    use super::page_window;

    fn show(current: usize, count: usize) -> String {
        page_window(current, count)
            .iter()
            .map(|k| k.map_or("…".to_owned(), |k| k.to_string()))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn pagination_links_the_ends_and_the_pages_around_the_current_one() {
        assert_eq!(show(1, 1), "1");
        assert_eq!(show(3, 7), "1 2 3 4 5 6 7");
        assert_eq!(show(1, 1000), "1 2 3 … 1000");
        assert_eq!(show(500, 1000), "1 … 498 499 500 501 502 … 1000");
        assert_eq!(show(1000, 1000), "1 … 998 999 1000");
        // One page left out is shown rather than replaced by "…".
        assert_eq!(show(5, 10), "1 2 3 4 5 6 7 … 10");
        for count in 1..40 {
            for current in 1..=count {
                let window = page_window(current, count);
                let numbers: Vec<usize> = window.iter().flatten().copied().collect();
                assert!(numbers.windows(2).all(|w| w[0] < w[1]));
                assert!(numbers.contains(&1) && numbers.contains(&count));
                assert!(numbers.contains(&current));
                assert!(window.len() <= 9, "{current}/{count}: {window:?}");
            }
        }
    }
}
