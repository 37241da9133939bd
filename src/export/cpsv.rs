//! The catalogue in the EU's Core Public Service Vocabulary Application Profile (CPSV-AP 3.2.0,
//! <https://semiceu.github.io/CPSV-AP/releases/3.2.0/>): one JSON-LD file, `cpsv-ap.jsonld`,
//! with its context inline so that it reads offline.
//!
//! Terms are the profile's own, as its SHACL shapes (`releases/3.2.0/shacl/cpsv-ap-SHACL.ttl`)
//! name them: the service is a `cpsv:PublicService` (the class keeps the older CPSV namespace,
//! as do `cpsv:hasInput` and `cpsv:produces`), with `dct:identifier` (the national code),
//! `dct:title`, `cv:thematicArea` (the field), `cv:hasCompetentAuthority` (the competent and
//! implementing bodies, as `cv:PublicOrganisation`: the profile's "responsible Agent for the
//! delivery of the Public Service"), `cv:hasChannel` (`cv:Channel`, typed by a concept per
//! kind of channel), `cv:hasCost` (`cv:Cost`: the verbatim text, and `cv:hasValue` with
//! `cv:currency` only when the record gives one amount), `cpsv:hasInput` (`cv:Evidence`, one
//! per document), `cpsv:produces` (`cv:Output`, one per result), `cv:hasLegalResource`
//! (`eli:LegalResource`, its number as `dct:identifier`) and `cv:processingTime` (an
//! `xsd:duration`, only for days and hours: working days are no exact duration). `foaf:page`
//! links a service to its page.
//!
//! Only what the record states: a part stated as unknown or not published has no property at
//! all (never an empty list or a cost of 0), and the service carries the page's sentence for
//! it as a `skos:editorialNote`. The record has no free-text description, so the service has
//! no `dct:description`.
//!
//! IRIs are relative to the file (`#1.001193`, `../thu-tuc/…/`), and `@base` is the file's
//! address when `site.yaml` gives the site's, so the same bytes read right wherever the file
//! is served. Record text is tagged `vi`, the words of the theme with the site's language.

use std::collections::BTreeMap;

use rayon::prelude::*;
use serde_json::{Map, Value, json};

use crate::model::{Catalogue, Entry, Part, TimeUnit};
use crate::route;
use crate::view::{Card, Words};

/// `du-lieu/cpsv-ap.jsonld`.
pub fn path() -> String {
    format!("{}/{NAME}", route::DATA)
}

const NAME: &str = "cpsv-ap.jsonld";

/// Services written in parallel at a time: enough to keep the cores busy, few enough that
/// their text (about 3 KB each) is not held for the whole catalogue before it is copied.
const SERVICES_AT_A_TIME: usize = 512;

/// The file's bytes.
pub fn file(catalogue: &Catalogue, cards: &[Card], labels: &Value) -> Vec<u8> {
    let language = catalogue.site.language.as_str();
    let word = |path: &str| -> Value {
        let text = labels
            .pointer(path)
            .and_then(Value::as_str)
            .unwrap_or_default();
        json!({ "@value": text, "@language": language })
    };
    let words = Words::new(labels);
    // The fields, channel kinds and bodies the services name, met in the catalogue's order
    // (the bodies' IRIs follow it), so that the services can then be written in parallel.
    let mut organisations = Organisations::default();
    let mut channel_kinds = BTreeMap::new();
    let mut fields_used = BTreeMap::new();
    for (entry, card) in catalogue.procedures.iter().zip(cards) {
        let p = &entry.procedure;
        fields_used.insert(p.field.value.clone(), card.field_name.clone());
        if let Part::Known(agencies) = &p.agencies {
            for name in agencies.competent.iter().chain(&agencies.implementing.0) {
                organisations.add(name);
            }
        }
        for channel in p.channels.items().iter().filter(|c| c.available) {
            let kind = channel.kind.id();
            channel_kinds
                .entry(kind)
                .or_insert_with(|| word(&format!("/channel/{kind}")));
        }
    }
    let base = catalogue
        .site
        .base_url
        .as_ref()
        .map(|u| u.value.as_str())
        .filter(|u| crate::links::is_site_address(u));
    let mut context = context();
    if let Some(base) = base {
        context["@base"] = format!("{}/{}", base.trim_end_matches('/'), path()).into();
    }
    // Written node by node, a batch of services at a time in parallel: at 10,000 procedures
    // the whole graph as one `Value` tree took hundreds of megabytes for a 32 MB file, and one
    // core wrote the services in about 0.3 s.
    let mut out = Vec::with_capacity(catalogue.procedures.len() * 3_400);
    out.extend_from_slice(b"{\"@context\":");
    push_json(&mut out, &context);
    out.extend_from_slice(b",\"@graph\":[");
    let mut first = true;
    let mut separate = |out: &mut Vec<u8>| {
        if !std::mem::take(&mut first) {
            out.push(b',');
        }
    };
    for batch in catalogue.procedures.chunks(SERVICES_AT_A_TIME) {
        let nodes: Vec<Vec<u8>> = batch
            .par_iter()
            .map(|entry| {
                let mut node = Vec::new();
                push_json(
                    &mut node,
                    &service(entry, &organisations, &words, language, &word),
                );
                node
            })
            .collect();
        for node in &nodes {
            separate(&mut out);
            out.extend_from_slice(node);
        }
    }
    let fields = fields_used.into_iter().map(|(id, name)| {
        json!({ "@id": format!("#linh-vuc/{id}"), "@type": "Concept", "prefLabel": name })
    });
    let kinds = channel_kinds.into_iter().map(|(id, label)| {
        json!({ "@id": format!("#kenh/{id}"), "@type": "Concept", "prefLabel": label })
    });
    for node in fields.chain(kinds).chain(organisations.nodes()) {
        separate(&mut out);
        push_json(&mut out, &node);
    }
    out.extend_from_slice(b"]}\n");
    out
}

/// Appends `value` as JSON, `<` as `\u003c` as in `thu-tuc.json`: record text stays inert if
/// the file is ever inlined in HTML or sniffed as such.
fn push_json(out: &mut Vec<u8>, value: &Value) {
    crate::output::push_inert_json(out, value);
}

/// The inline context: prefixes, the classes and the properties used, with their value types.
fn context() -> Value {
    let iri = |id: &str| json!({ "@id": id, "@type": "@id" });
    json!({
        "@language": "vi",
        "cpsv": "http://purl.org/vocab/cpsv#",
        "cv": "http://data.europa.eu/m8g/",
        "dct": "http://purl.org/dc/terms/",
        "eli": "http://data.europa.eu/eli/ontology#",
        "foaf": "http://xmlns.com/foaf/0.1/",
        "skos": "http://www.w3.org/2004/02/skos/core#",
        "xsd": "http://www.w3.org/2001/XMLSchema#",
        "PublicService": "cpsv:PublicService",
        "PublicOrganisation": "cv:PublicOrganisation",
        "Channel": "cv:Channel",
        "Cost": "cv:Cost",
        "Evidence": "cv:Evidence",
        "Output": "cv:Output",
        "LegalResource": "eli:LegalResource",
        "Concept": "skos:Concept",
        "identifier": { "@id": "dct:identifier", "@language": null },
        "title": "dct:title",
        "description": "dct:description",
        "prefLabel": "skos:prefLabel",
        "editorialNote": "skos:editorialNote",
        "type": iri("dct:type"),
        "page": iri("foaf:page"),
        "thematicArea": iri("cv:thematicArea"),
        "hasCompetentAuthority": iri("cv:hasCompetentAuthority"),
        "hasChannel": iri("cv:hasChannel"),
        "hasCost": iri("cv:hasCost"),
        "hasInput": iri("cpsv:hasInput"),
        "produces": iri("cpsv:produces"),
        "hasLegalResource": iri("cv:hasLegalResource"),
        "currency": iri("cv:currency"),
        "hasValue": { "@id": "cv:hasValue", "@type": "xsd:double" },
        "processingTime": { "@id": "cv:processingTime", "@type": "xsd:duration" },
        "dateDocument": { "@id": "eli:date_document", "@type": "xsd:date" },
    })
}

/// One procedure as a `cpsv:PublicService`, its channels, costs, evidence, outputs and legal
/// resources inside it.
fn service(
    entry: &Entry,
    organisations: &Organisations,
    words: &Words,
    language: &str,
    word: &(dyn Fn(&str) -> Value + Sync),
) -> Value {
    let p = &entry.procedure;
    let id = crate::vi::code_segment(&p.code.value);
    let node = |part: &str, n: String| format!("{id}/{part}/{n}");
    let mut s = Map::new();
    s.insert("@id".into(), format!("#{id}").into());
    s.insert("@type".into(), "PublicService".into());
    s.insert("identifier".into(), p.code.value.to_string().into());
    s.insert("title".into(), p.title.value.to_string().into());
    s.insert(
        "thematicArea".into(),
        format!("#linh-vuc/{}", p.field.value).into(),
    );
    s.insert(
        "page".into(),
        format!("../{}", crate::view::procedure_url(&entry.slug)).into(),
    );

    if let Part::Known(agencies) = &p.agencies {
        let mut ids: Vec<String> = Vec::new();
        for name in agencies.competent.iter().chain(&agencies.implementing.0) {
            let Some(iri) = organisations.iri(name) else {
                continue;
            };
            if !ids.iter().any(|id| id == iri) {
                ids.push(iri.to_owned());
            }
        }
        s.insert("hasCompetentAuthority".into(), ids.into());
    }

    let channels: Vec<Value> = p
        .channels
        .items()
        .iter()
        .filter(|c| c.available)
        .map(|c| {
            let n = node("kenh", c.kind.id().to_owned());
            let mut channel = json!({
                "@id": format!("#{n}"),
                "@type": "Channel",
                "identifier": n,
                "type": format!("#kenh/{}", c.kind.id()),
            });
            let description: Vec<&str> = c.r#where.iter().chain(&c.note).map(|t| &**t).collect();
            if !description.is_empty() {
                channel["description"] = description.into();
            }
            if c.kind == crate::model::ChannelType::Online
                && let Some(url) = crate::view::published_url(p.online_url.as_ref())
            {
                channel["page"] = url.into();
            }
            channel
        })
        .collect();
    put(&mut s, "hasChannel", channels);

    if let Part::Known(fees) = &p.fees {
        let costs: Vec<Value> = if fees.is_empty() {
            // `fees: []`: the record says nothing is charged.
            let n = node("phi", "mien-phi".into());
            vec![json!({
                "@id": format!("#{n}"),
                "@type": "Cost",
                "identifier": n,
                "hasValue": "0",
                "currency": currency("VND"),
                "description": word("/money/free"),
            })]
        } else {
            fees.iter()
                .map(|fee| {
                    let n = node("phi", fee.id.value.clone());
                    // The verbatim text, then who is exempt: an amount alone misleads them.
                    let description: Vec<&str> = std::iter::once(&fee.text)
                        .chain(&fee.exemptions)
                        .map(|t| &**t)
                        .collect();
                    let mut cost = json!({
                        "@id": format!("#{n}"),
                        "@type": "Cost",
                        "identifier": n,
                        "description": description,
                    });
                    // One amount only: tiers are several, each with its condition, which the
                    // verbatim text says.
                    if let (Some(amount), true) = (fee.amount, fee.tiers.is_empty()) {
                        cost["hasValue"] = amount.to_string().into();
                        cost["currency"] = currency(fee.currency.code()).into();
                    }
                    cost
                })
                .collect()
        };
        s.insert("hasCost".into(), costs.into());
    }

    let evidence: Vec<Value> = p
        .documents
        .groups()
        .iter()
        .enumerate()
        .flat_map(|(g, group)| {
            group
                .items
                .iter()
                .enumerate()
                .map(move |(i, d)| (g, group, i, d))
        })
        .map(|(g, group, i, d)| {
            let n = node("giay-to", format!("{}-{}", g + 1, i + 1));
            let mut evidence = json!({
                "@id": format!("#{n}"),
                "@type": "Evidence",
                "identifier": n,
                "title": &*d.name,
            });
            let description: Vec<&str> = group.case.iter().chain(&d.note).map(|t| &**t).collect();
            if !description.is_empty() {
                evidence["description"] = description.into();
            }
            let form = d
                .form
                .as_ref()
                .and_then(|id| p.forms.items().iter().find(|f| f.id.value == id.value));
            if let Some(url) =
                form.and_then(|f| crate::view::published_url(f.official_url.as_ref()))
            {
                evidence["page"] = url.into();
            }
            evidence
        })
        .collect();
    put(&mut s, "hasInput", evidence);

    let outputs: Vec<Value> = p
        .results
        .items()
        .iter()
        .enumerate()
        .map(|(i, result)| {
            let n = node("ket-qua", (i + 1).to_string());
            json!({ "@id": format!("#{n}"), "@type": "Output", "identifier": n, "title": &**result })
        })
        .collect();
    put(&mut s, "produces", outputs);

    let laws: Vec<Value> = p
        .legal_basis
        .items()
        .iter()
        .enumerate()
        .map(|(i, law)| {
            let mut resource = json!({
                "@id": format!("#{}", node("can-cu", (i + 1).to_string())),
                "@type": "LegalResource",
                "identifier": &*law.number,
                "title": &*law.title,
            });
            if let Some(date) = law.date {
                resource["dateDocument"] = date.to_string().into();
            }
            if let Some(url) = crate::view::published_url(law.url.as_ref()) {
                resource["page"] = url.into();
            }
            resource
        })
        .collect();
    put(&mut s, "hasLegalResource", laws);

    if let Some(duration) = p.processing_time.known().and_then(duration) {
        s.insert("processingTime".into(), duration.into());
    }

    let notes: Vec<Value> = p
        .missing_parts()
        .map(|(part, missing)| {
            let mut text = words.missing(missing.status, part).to_owned();
            if let Some(note) = &missing.note {
                text.push_str(" (");
                text.push_str(note);
                text.push(')');
            }
            json!({ "@value": text, "@language": language })
        })
        .collect();
    put(&mut s, "editorialNote", notes);
    Value::Object(s)
}

/// Adds `values` under `key`, unless there are none: a list the record does not fill is not
/// said at all.
fn put(node: &mut Map<String, Value>, key: &str, values: Vec<Value>) {
    if !values.is_empty() {
        node.insert(key.into(), values.into());
    }
}

/// The time limit as an exact `xsd:duration`: whole days (`P5D`) or hours (`PT4H`). Working
/// days depend on the calendar and "within the day" on the hour the dossier comes in: neither
/// is a duration, so neither is stated.
fn duration(time: &crate::model::ProcessingTime) -> Option<String> {
    let value = time.value.filter(|v| v.fract() == 0.0 && *v >= 0.0)? as u64;
    match time.unit {
        TimeUnit::Days => Some(format!("P{value}D")),
        TimeUnit::Hours => Some(format!("PT{value}H")),
        TimeUnit::WorkingDays | TimeUnit::SameDay => None,
    }
}

/// A currency in the EU's authority table, which names currencies by their ISO 4217 code.
fn currency(code: &str) -> String {
    format!("http://publications.europa.eu/resource/authority/currency/{code}")
}

/// The bodies the services name, one node each: an IRI from the name's slug, made unique in
/// the order names are met (the catalogue's), so the same catalogue gives the same IRIs.
#[derive(Default)]
struct Organisations {
    by_name: BTreeMap<String, String>,
    taken: BTreeMap<String, String>,
}

impl Organisations {
    /// Gives `name` its IRI, unless it has one.
    fn add(&mut self, name: &str) {
        if self.by_name.contains_key(name) {
            return;
        }
        let slug = match crate::vi::slugify(name) {
            s if s.is_empty() => "co-quan".to_owned(),
            s => s,
        };
        let mut iri = format!("#co-quan/{slug}");
        let mut n = 1;
        while self.taken.contains_key(&iri) {
            n += 1;
            iri = format!("#co-quan/{slug}-{n}");
        }
        self.taken.insert(iri.clone(), name.to_owned());
        self.by_name.insert(name.to_owned(), iri);
    }

    /// The IRI of `name`, once [`Organisations::add`]ed.
    fn iri(&self, name: &str) -> Option<&str> {
        self.by_name.get(name).map(String::as_str)
    }

    fn nodes(self) -> impl Iterator<Item = Value> {
        self.taken.into_iter().map(
            |(iri, name)| json!({ "@id": iri, "@type": "PublicOrganisation", "prefLabel": name }),
        )
    }
}
