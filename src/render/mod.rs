//! Rendering: plan the pages of a validated [`Catalogue`] and render them with the theme's Tera
//! templates, in parallel.
//!
//! The renderer never reads content files or configuration on its own: it receives the
//! catalogue and the theme, and returns an [`Output`] (path → bytes).

mod chart;
pub mod plan;
mod qr;

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, Tera, Value};

use crate::diagnostics::{Diagnostic, Diagnostics, Message};
use crate::model::Catalogue;
use crate::output::{Output, OutputPath, content_hash};
use crate::theme::Theme;
use crate::view::Words;
use crate::view::{self, Card, Counts, Link, ProcedureView, StatsView};
pub use plan::{PageKind, PagePlan, plan};

/// Settings of one render.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    /// Overrides `base_url` of site.yaml.
    pub base_url: Option<String>,
}

/// The compiled theme and everything computed once per build that pages share.
pub struct Renderer<'a> {
    catalogue: &'a Catalogue,
    tera: Tera,
    cards: Vec<Card>,
    /// The theme's words for the site's language.
    words: Words,
    base_url: Option<String>,
    /// The path part of the base URL, "/" or "/thu-tuc/", for pages served at any depth (404).
    base_path: String,
    /// Asset name ("site.css") → published path with a content hash ("assets/site.1a2b3c4d.css").
    assets: BTreeMap<String, String>,
    replaced_by: BTreeMap<String, Vec<Link>>,
    /// URLs of the level and agency listings that exist (only listed procedures make them).
    listing_urls: std::collections::HashSet<String>,
    /// Every change of the history as pages say it, at the indexes of
    /// `catalogue.history.changes`.
    changes: Vec<Option<view::history::ChangeView>>,
    page_sizes: PageSizes,
    /// Per template ([`TEMPLATES`]): the key of the theme's templates and of the global values
    /// the template may read, once [`Renderer::key_pages`] made them (`None` for a template
    /// whose variables Tera cannot tell: its pages are always rendered).
    template_keys: Option<Vec<Option<crate::cache::Key>>>,
}

/// What a [`Renderer`] computes from the catalogue's entries: a card per entry, who replaces
/// whom, which listings exist.
pub struct EntryParts {
    /// The theme's words the cards were made with.
    words: Words,
    cards: Vec<Card>,
    replaced_by: BTreeMap<String, Vec<Link>>,
    listing_urls: std::collections::HashSet<String>,
    /// The theme as compiled by the renderer these parts came from, for the next one when
    /// the theme is the same.
    compiled: Option<Compiled>,
}

/// A theme's templates compiled, and the published names of its static files.
struct Compiled {
    tera: Tera,
    assets: BTreeMap<String, String>,
}

impl EntryParts {
    /// Computes them from every entry, in the words of `theme` for the site's language.
    pub fn new(catalogue: &Catalogue, theme: &Theme) -> EntryParts {
        let words = Words::new(&theme.labels(&catalogue.site.language));
        let cards = view::cards(catalogue, &words);

        let mut replaced_by: BTreeMap<String, Vec<Link>> = BTreeMap::new();
        for entry in &catalogue.procedures {
            for old in &entry.procedure.replaces {
                replaced_by
                    .entry(old.value.to_string())
                    .or_default()
                    .push(Link {
                        title: entry.title().to_owned(),
                        url: view::procedure_url(&entry.slug),
                    });
            }
        }

        let listing_urls = catalogue
            .listed()
            .flat_map(|e| {
                std::iter::once(view::level_url(e.level())).chain(
                    e.procedure
                        .implementing_agencies()
                        .iter()
                        .map(|a| view::agency_url(a)),
                )
            })
            .collect();
        EntryParts {
            words,
            cards,
            replaced_by,
            listing_urls,
            compiled: None,
        }
    }

    /// Makes the cards of the entries at `changed` (indexes into `catalogue.procedures`) again.
    /// Only for a catalogue whose entries are the ones these parts were made from, in the same
    /// order, with the same field names, titles, slugs, `replaces`, levels, agencies and
    /// statuses: everything else is kept.
    pub fn update_cards(&mut self, catalogue: &Catalogue, changed: &[usize]) {
        debug_assert_eq!(self.cards.len(), catalogue.procedures.len());
        let fields = catalogue.fields_by_id();
        for &i in changed {
            self.cards[i] = Card::new(&fields, &catalogue.procedures[i], &self.words);
        }
    }
}

/// Changes a procedure page shows; the rest are on its field's list of changes.
pub const HISTORY_ON_PAGE: usize = 10;

/// Above this many listed procedures, the search page's no-JavaScript fallback lists fields
/// (with counts, linking to their listings) instead of every procedure.
pub const SEARCH_FALLBACK_LIMIT: usize = 1000;

/// The largest page rendered so far from each template, by [`template_index`]. A page's
/// buffer starts that large, so that it is seldom grown (and copied) while the page renders:
/// from a fixed 16 KB start every procedure page of the synthetic catalogue (17–23 KB) was
/// copied into a buffer of 32 KB; starting at the largest page took a build of 10,000
/// procedures from 57,000 to 46,000 page faults.
#[derive(Debug, Default)]
struct PageSizes([AtomicUsize; TEMPLATES.len()]);

impl PageSizes {
    /// The size of the largest page of template `slot` so far (1 KB before the first).
    fn start(&self, slot: usize) -> usize {
        self.0[slot].load(Ordering::Relaxed).max(1024)
    }

    /// Records a page of `len` bytes from template `slot`.
    fn record(&self, slot: usize, len: usize) {
        self.0[slot].fetch_max(len, Ordering::Relaxed);
    }
}

fn hashed_name(name: &str, bytes: &[u8]) -> String {
    let hash = content_hash(bytes);
    match name.rsplit_once('.') {
        Some((stem, ext)) => format!("{stem}.{hash}.{ext}"),
        None => format!("{name}.{hash}"),
    }
}

/// A template error as a diagnostic that points into the theme file: the one of `origins` the
/// message names, or `fallback`.
fn template_error(
    error: &tera::Error,
    origins: &BTreeMap<String, String>,
    fallback: String,
) -> Diagnostic {
    // Tera 2 reports "file:line:col" with a snippet in its Display; keep all of it.
    let mut message = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(inner) = source {
        message.push_str("\n  caused by: ");
        message.push_str(&inner.to_string());
        source = inner.source();
    }
    let file = origins
        .iter()
        .find(|(k, _)| message.contains(k.trim_start_matches("templates/")))
        .map_or(fallback, |(_, origin)| origin.clone());
    Diagnostic::new(file, Message::Template { error: message })
}

impl Compiled {
    fn new(theme: &Theme) -> Result<Compiled, Diagnostics> {
        let mut tera = Tera::new();
        tera.autoescape_on([".html", ".xml", ".svg"]);
        if let Err(e) = tera.add_raw_templates(
            theme
                .templates
                .iter()
                .map(|(name, source)| (name.as_str(), source.as_str())),
        ) {
            let mut diagnostics = Diagnostics::new();
            diagnostics.push(template_error(
                &e,
                &theme.origins,
                "themes/default/templates".to_owned(),
            ));
            return Err(diagnostics);
        }
        let assets = theme
            .static_files
            .iter()
            .map(|(name, bytes)| {
                (
                    name.clone(),
                    format!("{}/{}", crate::route::ASSETS, hashed_name(name, bytes)),
                )
            })
            .collect();
        Ok(Compiled { tera, assets })
    }
}

impl<'a> Renderer<'a> {
    /// Compiles the theme's templates and computes what every page shares.
    pub fn new(
        catalogue: &'a Catalogue,
        theme: &Theme,
        options: &RenderOptions,
    ) -> Result<Renderer<'a>, Diagnostics> {
        Renderer::with_parts(catalogue, theme, options, EntryParts::new(catalogue, theme))
    }

    /// As [`Renderer::new`], with what it computes from the entries already made (the dev
    /// server keeps it between edits, see [`EntryParts::update_cards`]).
    pub fn with_parts(
        catalogue: &'a Catalogue,
        theme: &Theme,
        options: &RenderOptions,
        parts: EntryParts,
    ) -> Result<Renderer<'a>, Diagnostics> {
        let EntryParts {
            words,
            cards,
            replaced_by,
            listing_urls,
            compiled,
        } = parts;
        debug_assert_eq!(cards.len(), catalogue.procedures.len());
        let Compiled { mut tera, assets } = match compiled {
            Some(compiled) => compiled,
            None => Compiled::new(theme)?,
        };

        // The command line and validation refuse a base URL that is not an absolute http(s)
        // address; one that got here anyway is left out rather than published.
        let base_url = options
            .base_url
            .clone()
            .or_else(|| catalogue.site.base_url.as_ref().map(|u| u.value.clone()))
            .filter(|u| crate::links::is_site_address(u))
            .map(|u| format!("{}/", u.trim_end_matches('/')));
        let base_path = base_url
            .as_deref()
            .and_then(|u| u.split_once("://").map(|(_, rest)| rest))
            .and_then(|rest| rest.find('/').map(|i| rest[i..].to_owned()))
            .unwrap_or_else(|| "/".to_owned());

        // What every page shares goes into Tera's global context once, not into each page.
        let language = catalogue.site.language.clone();
        let labels = theme.labels(&catalogue.site.language);
        let (counts, field_counts) = Counts::with_fields(catalogue);
        let fields: Vec<FieldLink> = catalogue
            .fields
            .iter()
            .map(|f| FieldLink {
                id: f.id.value.clone(),
                name: f.name.to_string(),
                description: f.description.as_ref().map(|d| d.to_string()),
                url: view::field_url(&f.id.value),
                count: field_counts.get(f.id.value.as_str()).copied().unwrap_or(0),
            })
            .collect();
        let global = tera.global_context();
        global.insert("site", &published_site(&catalogue.site));
        global.insert("t", &labels);
        global.insert("lang", &language);
        global.insert("fields", &fields);
        global.insert("counts", &counts);
        global.insert("assets", &assets);
        global.insert("base_url", &base_url);
        global.insert("contact", &ContactView::new(catalogue, &words));
        global.insert("generator", concat!("congkhai ", env!("CARGO_PKG_VERSION")));
        global.insert("now", &catalogue.now.map(|d| d.vi()));

        let changes = view::history::change_views(catalogue, &words);
        Ok(Renderer {
            catalogue,
            tera,
            cards,
            words,
            base_url,
            base_path,
            assets,
            replaced_by,
            listing_urls,
            changes,
            page_sizes: PageSizes::default(),
            template_keys: None,
        })
    }

    /// Renders the pages of `plans`.
    pub fn render_pages(&self, plans: &[PagePlan]) -> Result<Output, Diagnostics> {
        Ok(self.render_pages_reusing(plans, &|_, _| false)?.output)
    }

    /// Theme file name ("site.css") → its published path with a content hash
    /// ("assets/site.1a2b3c4d.css"): where the copy step puts the theme's static files.
    pub fn assets(&self) -> &BTreeMap<String, String> {
        &self.assets
    }

    /// Makes the keys that [`Renderer::render_pages_reusing`] gives pages: from then on, a
    /// page's key is that of its template (every template of `theme`, and the global values
    /// the template may read, as they are now) and of its own values.
    pub fn key_pages(&mut self, theme: &Theme) {
        let sources: Vec<&[u8]> = theme
            .templates
            .iter()
            .flat_map(|(name, source)| [name.as_bytes(), source.as_bytes()])
            .collect();
        let templates = crate::cache::key(&sources);
        let keys = TEMPLATES
            .iter()
            .map(|template| {
                self.tera.get_template_variables(template).ok()?;
                let globals = self.globals_read_by(template);
                let globals = serde_json::to_vec(&globals).ok()?;
                Some(crate::cache::key(&[
                    &templates.to_le_bytes(),
                    template.as_bytes(),
                    &globals,
                ]))
            })
            .collect();
        self.template_keys = Some(keys);
    }

    /// Renders the pages of `plans` but those `reuse` says the previous site has as they are
    /// now: it is asked with each page's path and key (see [`Renderer::key_pages`]; without
    /// keys every page is rendered).
    pub fn render_pages_reusing(
        &self,
        plans: &[PagePlan],
        reuse: &(dyn Fn(&OutputPath, crate::cache::Key) -> bool + Sync),
    ) -> Result<Rendered, Diagnostics> {
        type One = Result<(OutputPath, Option<crate::cache::Key>, Option<Vec<u8>>), Diagnostic>;
        let rendered: Vec<One> = plans
            .par_iter()
            .map(|plan| {
                let path = plan_path(plan)?;
                let template = self
                    .template_keys
                    .as_ref()
                    .and_then(|keys| keys[template_index(&plan.kind)]);
                let key = template.and_then(|template| {
                    let values = self.values_of(plan, PageValues::key_only()).key()?;
                    Some(crate::cache::key(&[
                        &template.to_le_bytes(),
                        &values.to_le_bytes(),
                    ]))
                });
                if key.is_some_and(|key| reuse(&path, key)) {
                    return Ok((path, key, None));
                }
                let bytes = self.render_page(plan)?;
                Ok((path, key, Some(bytes)))
            })
            .collect();
        let mut done = Rendered::default();
        let mut diagnostics = Diagnostics::new();
        for result in rendered {
            match result {
                Ok((path, key, bytes)) => {
                    if let Some(key) = key {
                        done.keys.push((path.clone(), key));
                    }
                    match bytes {
                        Some(bytes) => done.output.insert(path, bytes),
                        None => done.reused.push(path),
                    }
                }
                Err(d) => {
                    if !diagnostics.iter().any(|x| x.message == d.message) {
                        diagnostics.push(d);
                    }
                }
            }
        }
        if diagnostics.has_errors() {
            return Err(diagnostics);
        }
        Ok(done)
    }

    /// Renders one page.
    pub fn render_page(&self, plan: &PagePlan) -> Result<Vec<u8>, Diagnostic> {
        let values = self.values_of(plan, PageValues::context());
        self.render_values(plan, values.context.unwrap_or_default())
    }

    /// The template values of a page, with their key when `keyed`.
    fn values_of(&self, plan: &PagePlan, mut context: PageValues) -> PageValues {
        let root = plan.root_prefix(&self.base_path);
        context.insert("root", &root);
        context.insert("page_url", &plan.url);
        context.insert(
            "canonical",
            &self.base_url.as_ref().map(|b| format!("{b}{}", plan.url)),
        );
        context.insert("title", &plan.title);
        context.insert("breadcrumbs", &plan.breadcrumbs);
        let catalogue = self.catalogue;
        match &plan.kind {
            PageKind::Home => {}
            PageKind::Procedure(i) => {
                let entry = &catalogue.procedures[*i];
                let stable = self
                    .base_url
                    .as_ref()
                    .map(|b| format!("{b}{}", plan::code_url(entry.code())));
                // The code is a function of the stable URL, which the view holds: a key needs
                // only the URL.
                let qr = stable
                    .as_deref()
                    .filter(|_| context.renders())
                    .and_then(qr_svg);
                let mut view = ProcedureView::new(
                    catalogue,
                    entry,
                    &self.cards[*i],
                    self.replaced_by
                        .get(entry.code())
                        .cloned()
                        .unwrap_or_default(),
                    qr,
                    &self.words,
                );
                view.stable_url = stable;
                let base = view::jsonld::Base {
                    url: self.base_url.as_deref(),
                    root: &root,
                };
                context.insert(
                    "jsonld",
                    &view::jsonld::procedure(
                        catalogue,
                        entry,
                        &self.cards[*i],
                        &base,
                        &plan.breadcrumbs,
                        &plan.title,
                    ),
                );
                view.level_url = view.level_url.filter(|u| self.listing_urls.contains(u));
                for agency in &mut view.implementing {
                    agency.url = agency.url.take().filter(|u| self.listing_urls.contains(u));
                }
                context.insert("p", &view);
                let history: Vec<&view::history::ChangeView> = catalogue
                    .history
                    .by_code
                    .get(entry.code())
                    .into_iter()
                    .flatten()
                    .filter_map(|&c| self.changes[c].as_ref())
                    .collect();
                context.insert("history", &history[..history.len().min(HISTORY_ON_PAGE)]);
                context.insert("history_total", &history.len());
                context.insert(
                    "history_url",
                    &format!("{}/{}/", crate::route::CHANGES, entry.procedure.field.value),
                );
            }
            PageKind::Redirect(i) => {
                context.insert("target", &self.cards[*i].url);
                context.insert("target_title", &self.cards[*i].title);
            }
            PageKind::Listing(listing) => {
                if context.renders() {
                    context.insert_value("cards", self.values(&listing.items));
                } else {
                    // The same cards, without making template values of them.
                    let cards: Vec<&Card> = listing.items.iter().map(|i| &self.cards[*i]).collect();
                    context.insert("cards", &cards);
                }
                context.insert("listing", listing);
            }
            PageKind::Index(index) => {
                context.insert("index", index);
            }
            PageKind::Search => {
                let groups: Vec<SearchGroup> = catalogue
                    .fields
                    .iter()
                    .zip(catalogue.listed_by_field())
                    .map(|(f, items)| SearchGroup {
                        field: Link {
                            title: f.name.to_string(),
                            url: view::field_url(&f.id.value),
                        },
                        items,
                    })
                    .filter(|g| !g.items.is_empty())
                    .collect();
                // Without JavaScript the page lists every procedure, grouped by field; past a
                // size that list would weigh megabytes on a phone, so large catalogues list the
                // fields with their counts and the field pages do the rest.
                let total: usize = groups.iter().map(|g| g.items.len()).sum();
                let full = total <= SEARCH_FALLBACK_LIMIT;
                let values: Vec<Value> = groups
                    .iter()
                    .map(|g| {
                        let mut map = tera::Map::new();
                        map.insert("field".into(), Value::from_serializable(&g.field));
                        map.insert("count".into(), Value::from_serializable(&g.items.len()));
                        let cards = if full {
                            self.values(&g.items)
                        } else {
                            Value::from(Vec::<Value>::new())
                        };
                        map.insert("cards".into(), cards);
                        Value::from(map)
                    })
                    .collect();
                context.insert_value("groups", Value::from(values));
            }
            PageKind::Contact => {
                let base = view::jsonld::Base {
                    url: self.base_url.as_deref(),
                    root: &root,
                };
                context.insert(
                    "jsonld",
                    &view::jsonld::organisation_page(&catalogue.site, &base),
                );
            }
            PageKind::Data => {}
            PageKind::Stats => {
                let periods: Vec<StatsPage> = catalogue
                    .stats
                    .iter()
                    .map(|s| StatsPage {
                        chart_html: chart::resolution_chart(s, &self.words),
                        view: StatsView::new(s),
                    })
                    .collect();
                context.insert("periods", &periods);
            }
            PageKind::Page(i) => {
                let page = &catalogue.pages[*i];
                context.insert("body_html", &crate::content::markdown::to_html(&page.body));
                context.insert("description", &page.meta.description);
            }
            PageKind::NotFound => {}
            PageKind::Sitemap(urls) => {
                context.insert("urls", urls);
            }
            PageKind::Robots => {}
            PageKind::Changes(list) | PageKind::Feed(list) => {
                let items: Vec<&view::history::ChangeView> = list
                    .items
                    .iter()
                    .filter_map(|&c| self.changes[c].as_ref())
                    .collect();
                context.insert("changes", &items);
                context.insert("list", list);
                context.insert("history_partial", &catalogue.history_partial);
                // Atom wants a date and time; a change is known to the day.
                context.insert(
                    "feed_updated",
                    &items.first().map_or_else(
                        || "1970-01-01T00:00:00Z".to_owned(),
                        |c| format!("{}T00:00:00Z", c.iso),
                    ),
                );
            }
        }
        context
    }

    /// Renders a page from its template values.
    fn render_values(&self, plan: &PagePlan, context: Context) -> Result<Vec<u8>, Diagnostic> {
        let slot = template_index(&plan.kind);
        let template = TEMPLATES[slot];
        // Rendered into bytes: `Tera::render` would check the whole page is UTF-8 once more to
        // return a `String`, and every value written was a `str` already.
        let mut html = Vec::with_capacity(self.page_sizes.start(slot));
        self.tera
            .render_to(template, &context, &mut html)
            .map_err(|e| {
                template_error(
                    &e,
                    &BTreeMap::new(),
                    format!("themes/default/templates/{template}"),
                )
            })?;
        self.page_sizes.record(slot, html.len());
        Ok(html)
    }

    /// The cards of `items` as a template value. Made for each listing page rather than kept
    /// for every entry: a page shows at most [`plan::PAGE_SIZE`] cards, and keeping them took
    /// 18 MB of peak RSS at 10,000 procedures.
    fn values(&self, items: &[usize]) -> Value {
        Value::from(
            items
                .iter()
                .map(|i| Value::from_serializable(&self.cards[*i]))
                .collect::<Vec<Value>>(),
        )
    }

    /// The card of procedure `i`.
    pub fn card(&self, i: usize) -> &Card {
        &self.cards[i]
    }

    /// The global values `template` may read (with the templates it extends and includes),
    /// by name. The dev server compares them between two renders to know which pages a change
    /// of counts or of the search index reaches.
    pub fn globals_read_by(&mut self, template: &str) -> Vec<(String, Value)> {
        let names: Vec<String> = match self.tera.get_template_variables(template) {
            Ok(vars) => vars.into_iter().map(str::to_owned).collect(),
            Err(_) => return Vec::new(),
        };
        let globals = self.tera.global_context();
        let mut out: Vec<(String, Value)> = names
            .into_iter()
            .filter_map(|name| globals.get(&name).cloned().map(|v| (name, v)))
            .collect();
        out.sort_by(|a, b| a.0.cmp(&b.0));
        out
    }

    /// Every card, in catalogue order.
    pub fn cards(&self) -> &[Card] {
        &self.cards
    }

    /// Gives back what was computed from the entries (for [`Renderer::with_parts`]).
    pub fn into_parts(self) -> EntryParts {
        EntryParts {
            words: self.words,
            cards: self.cards,
            replaced_by: self.replaced_by,
            listing_urls: self.listing_urls,
            compiled: Some(Compiled {
                tera: self.tera,
                assets: self.assets,
            }),
        }
    }

    /// Adds a value every template sees (the search step adds `search`).
    pub fn set_global(&mut self, key: &'static str, value: &impl Serialize) {
        self.tera.global_context().insert(key, value);
    }
}

/// Pages rendered by [`Renderer::render_pages_reusing`].
#[derive(Debug, Default)]
pub struct Rendered {
    /// The pages rendered.
    pub output: Output,
    /// Every page's path and key, rendered or not (for the next build's cache).
    pub keys: Vec<(OutputPath, crate::cache::Key)>,
    /// The pages not rendered: the previous site has them as they would be.
    pub reused: Vec<OutputPath>,
}

/// A page's template values, and, when asked for, the key of all of them
/// ([`crate::cache::key`]'s kind): two pages of one template with the same key are the same
/// bytes.
struct PageValues {
    /// The values, when the page is to be rendered.
    context: Option<Context>,
    /// `None` when no key was asked for, or when a value could not be written out for one.
    key: Option<crate::cache::KeyWriter>,
}

impl PageValues {
    /// The values of a page to render.
    fn context() -> PageValues {
        PageValues {
            context: Some(Context::new()),
            key: None,
        }
    }

    /// Only the key of a page's values.
    fn key_only() -> PageValues {
        PageValues {
            context: None,
            key: Some(crate::cache::KeyWriter::default()),
        }
    }

    /// Whether the values are for rendering (not only for a key).
    fn renders(&self) -> bool {
        self.context.is_some()
    }

    fn insert<T: Serialize + ?Sized>(&mut self, name: &'static str, value: &T) {
        self.add_to_key(name, value);
        if let Some(context) = &mut self.context {
            context.insert(name, value);
        }
    }

    fn insert_value(&mut self, name: &'static str, value: Value) {
        self.add_to_key(name, &value);
        if let Some(context) = &mut self.context {
            context.insert_value(name, value);
        }
    }

    fn add_to_key<T: Serialize + ?Sized>(&mut self, name: &str, value: &T) {
        use std::io::Write;
        if let Some(key) = &mut self.key {
            let written = key
                .write_all(name.as_bytes())
                .and_then(|()| key.write_all(&[0]))
                .map_err(serde_json::Error::io)
                .and_then(|()| serde_json::to_writer(&mut *key, value))
                .and_then(|()| key.write_all(&[0xff]).map_err(serde_json::Error::io));
            if written.is_err() {
                self.key = None;
            }
        }
    }

    fn key(&self) -> Option<crate::cache::Key> {
        self.key.as_ref().map(crate::cache::KeyWriter::finish)
    }
}

/// site.yaml as templates see it: links the URL policy ([`crate::links`]) refuses left out.
/// Validation refuses them first (CK017); this keeps a page from ever carrying one.
fn published_site(site: &crate::model::config::SiteConfig) -> crate::model::config::SiteConfig {
    let allowed = |u: &Option<serde_saphyr::Spanned<crate::model::Text>>| {
        u.as_ref()
            .is_some_and(|u| crate::links::is_allowed(&u.value))
    };
    let mut site = site.clone();
    if !allowed(&site.desk.map_url) {
        site.desk.map_url = None;
    }
    if let Some(feedback) = &mut site.feedback
        && !allowed(&feedback.online_form_url)
    {
        feedback.online_form_url = None;
    }
    site.online_portals
        .retain(|p| crate::links::is_allowed(&p.url.value));
    if let Some(license) = &mut site.data_license
        && !allowed(&license.url)
    {
        license.url = None;
    }
    site.base_url = site
        .base_url
        .filter(|u| crate::links::is_site_address(&u.value));
    site
}

/// The checked output path of a planned page: a slug or code that would leave the output
/// folder is an error about that page, never a file written elsewhere. Validation refuses such
/// slugs first; this is the last gate.
pub fn plan_path(plan: &PagePlan) -> Result<OutputPath, Diagnostic> {
    OutputPath::new(plan.path.clone()).map_err(|e| {
        Diagnostic::new(
            plan.path.clone(),
            Message::PageNotPublished {
                title: plan.title.clone(),
                error: e.to_string(),
            },
        )
    })
}

/// Every page template, in the order of [`template_index`].
const TEMPLATES: [&str; 15] = [
    "index.html",
    "procedure.html",
    "redirect.html",
    "list.html",
    "index_list.html",
    "search.html",
    "contact.html",
    "stats.html",
    "page.html",
    "404.html",
    "sitemap.xml",
    "robots.txt",
    "data.html",
    "changes.html",
    "atom.xml",
];

/// The place in [`TEMPLATES`] of the template that renders a page of this kind.
fn template_index(kind: &PageKind) -> usize {
    match kind {
        PageKind::Home => 0,
        PageKind::Procedure(_) => 1,
        PageKind::Redirect(_) => 2,
        PageKind::Listing(_) => 3,
        PageKind::Index(_) => 4,
        PageKind::Search => 5,
        PageKind::Contact => 6,
        PageKind::Stats => 7,
        PageKind::Page(_) => 8,
        PageKind::NotFound => 9,
        PageKind::Sitemap(_) => 10,
        PageKind::Robots => 11,
        PageKind::Data => 12,
        PageKind::Changes(_) => 13,
        PageKind::Feed(_) => 14,
    }
}

/// The template that renders a page of this kind.
pub fn template_name(kind: &PageKind) -> &'static str {
    TEMPLATES[template_index(kind)]
}

/// The QR code of a URL as a small inline SVG, for the printed checklist.
fn qr_svg(url: &str) -> Option<String> {
    qr::svg(url)
}

#[derive(Serialize)]
struct FieldLink {
    id: String,
    name: String,
    description: Option<String>,
    url: String,
    count: usize,
}

struct SearchGroup {
    field: Link,
    items: Vec<usize>,
}

#[derive(Serialize)]
struct StatsPage<'a> {
    view: StatsView<'a>,
    chart_html: String,
}

/// The contact block: desk, hours (with their field scope), closures, hotlines, officers,
/// feedback.
#[derive(Serialize)]
struct ContactView {
    hours: Vec<HoursView>,
    /// The rows of `hours` for every field, the times of the same days together: the
    /// header's strip shows them on every page.
    general_hours: Vec<DaysHours>,
    closures: Vec<ClosureView>,
    hotlines: Vec<HotlineView>,
    hotline: Option<view::Phone>,
    officers: Vec<OfficerRow>,
}

/// The times of some days ("Thứ Hai – Thứ Sáu": "07:30–11:30", "13:30–17:00").
#[derive(Serialize)]
struct DaysHours {
    days: String,
    times: Vec<String>,
}

#[derive(Serialize)]
struct HoursView {
    days: String,
    opens: String,
    closes: String,
    fields: Vec<String>,
}

#[derive(Serialize)]
struct ClosureView {
    from: String,
    to: Option<String>,
    reason: String,
}

#[derive(Serialize)]
struct HotlineView {
    label: String,
    phone: view::Phone,
}

#[derive(Serialize)]
struct OfficerRow {
    name: String,
    title: String,
    counter: String,
    phone: Option<view::Phone>,
    fields: Vec<String>,
}

impl ContactView {
    fn new(catalogue: &Catalogue, words: &Words) -> ContactView {
        let site = &catalogue.site;
        let field_names = |ids: &[serde_saphyr::Spanned<String>]| -> Vec<String> {
            ids.iter()
                .map(|id| {
                    catalogue
                        .field(&id.value)
                        .map(|f| f.name.to_string())
                        .unwrap_or_else(|| id.value.clone())
                })
                .collect()
        };
        let hours: Vec<HoursView> = site
            .opening_hours
            .iter()
            .map(|h| HoursView {
                days: words.days(&h.days.iter().map(|d| d.value.as_str()).collect::<Vec<_>>()),
                opens: h.opens.value.clone(),
                closes: h.closes.value.clone(),
                fields: field_names(&h.fields),
            })
            .collect();
        let mut general_hours: Vec<DaysHours> = Vec::new();
        for h in hours.iter().filter(|h| h.fields.is_empty()) {
            let time = format!("{}–{}", h.opens, h.closes);
            match general_hours.iter_mut().find(|g| g.days == h.days) {
                Some(g) => g.times.push(time),
                None => general_hours.push(DaysHours {
                    days: h.days.clone(),
                    times: vec![time],
                }),
            }
        }
        ContactView {
            general_hours,
            hours,
            // A closure that is over tells citizens nothing (`check` says so, CK044).
            closures: site
                .closures
                .iter()
                .filter(|c| !c.is_over(catalogue.now))
                .map(|c| ClosureView {
                    from: c.from.vi(),
                    to: c.to.filter(|t| *t != c.from).map(|t| t.vi()),
                    reason: c.reason.to_string(),
                })
                .collect(),
            hotlines: site
                .hotlines
                .iter()
                .map(|h| HotlineView {
                    label: h.label.to_string(),
                    phone: view::Phone::new(&h.number),
                })
                .collect(),
            hotline: site.hotline.as_deref().map(view::Phone::new),
            officers: site
                .officers
                .iter()
                .map(|o| OfficerRow {
                    name: o.name.to_string(),
                    title: o.title.to_string(),
                    counter: o.counter.to_string(),
                    phone: o.phone.as_deref().map(view::Phone::new),
                    fields: field_names(&o.fields),
                })
                .collect(),
        }
    }
}
