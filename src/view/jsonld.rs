//! Structured data for search engines and portals: schema.org JSON-LD in each procedure page
//! (`GovernmentService` and its `BreadcrumbList`) and in the contact page
//! (`GovernmentOrganization`), made from the typed record like the page around it.
//!
//! Only what the record states: a fee not published has no `offers`, an agency not stated no
//! `provider`, a page without a known address no `url`. The JSON is written with `<` as
//! `\u003c`, so record text can never close the `<script>` element it sits in.

use serde_json::{Map, Value, json};

use super::{Card, Link, published_url};
use crate::model::config::SiteConfig;
use crate::model::{Catalogue, ChannelType, Entry, Part};

/// Where the page is: the site's address (with `/` at the end) when it is known, and the
/// relative prefix from the page to the site's root otherwise.
pub struct Base<'a> {
    /// `https://example.gov.vn/thu-tuc/`, when known.
    pub url: Option<&'a str>,
    /// `../../` from the page to the root.
    pub root: &'a str,
}

impl Base<'_> {
    fn to(&self, path: &str) -> String {
        match self.url {
            Some(url) => format!("{url}{path}"),
            None => format!("{}{path}", self.root),
        }
    }
}

/// The JSON-LD of a procedure page, as the text of its `<script type="application/ld+json">`.
pub fn procedure(
    catalogue: &Catalogue,
    entry: &Entry,
    card: &Card,
    base: &Base<'_>,
    breadcrumbs: &[Link],
    title: &str,
) -> String {
    let p = &entry.procedure;
    let site = &catalogue.site;
    let mut service = Map::new();
    service.insert("@type".into(), "GovernmentService".into());
    service.insert("name".into(), p.title.value.to_string().into());
    service.insert("identifier".into(), p.code.value.to_string().into());
    service.insert("serviceType".into(), card.field_name.clone().into());
    if base.url.is_some() {
        service.insert("url".into(), base.to(&card.url).into());
    }
    if let Some(agency) = p.implementing_agency() {
        service.insert("provider".into(), organisation(agency, None));
    }
    service.insert("serviceOperator".into(), operator(site));
    let hotline = p.hotline.as_deref().or(site.hotline.as_deref());
    let channels: Vec<Value> = p
        .channels
        .items()
        .iter()
        .filter(|c| c.available)
        .map(|c| {
            let mut channel = json!({ "@type": "ServiceChannel", "availableLanguage": "vi" });
            match c.kind {
                ChannelType::Online => {
                    if let Some(url) = published_url(p.online_url.as_ref()) {
                        channel["serviceUrl"] = url.into();
                    }
                }
                ChannelType::InPerson => {
                    channel["serviceLocation"] = json!({
                        "@type": "Place",
                        "name": c.r#where.as_deref().unwrap_or(&site.desk.name),
                        "address": &*site.desk.address,
                    });
                }
                ChannelType::Postal => {
                    if let Some(postal) = &site.postal_service {
                        channel["name"] = postal.name.to_string().into();
                    }
                }
            }
            if let Some(number) = hotline {
                channel["servicePhone"] = json!({ "@type": "ContactPoint", "telephone": number });
            }
            channel
        })
        .collect();
    if !channels.is_empty() {
        service.insert("availableChannel".into(), channels.into());
    }
    if let Part::Known(fees) = &p.fees {
        let offers: Vec<Value> = if fees.is_empty() {
            vec![json!({ "@type": "Offer", "price": 0, "priceCurrency": "VND" })]
        } else {
            fees.iter()
                .map(|fee| {
                    let mut offer = json!({ "@type": "Offer", "description": &*fee.text });
                    if let (Some(amount), true) = (fee.amount, fee.tiers.is_empty()) {
                        offer["price"] = amount.into();
                        offer["priceCurrency"] = fee.currency.code().into();
                    }
                    offer
                })
                .collect()
        };
        service.insert("offers".into(), offers.into());
    }
    if let Part::Known(laws) = &p.legal_basis
        && !laws.is_empty()
    {
        let terms: Vec<Value> = laws
            .iter()
            .map(|l| format!("{} {}", l.number, l.title).into())
            .collect();
        service.insert("termsOfService".into(), terms.into());
    }
    // Without the site's address, `item` is relative to the page, as its links are.
    let items: Vec<Value> = breadcrumbs
        .iter()
        .map(|crumb| (crumb.title.as_str(), base.to(&crumb.url)))
        .chain([(title, base.to(&card.url))])
        .enumerate()
        .map(|(i, (name, item))| {
            json!({ "@type": "ListItem", "position": i + 1, "name": name, "item": item })
        })
        .collect();
    script(json!({
        "@context": "https://schema.org",
        "@graph": [
            Value::Object(service),
            { "@type": "BreadcrumbList", "itemListElement": items },
        ],
    }))
}

/// The JSON-LD of the contact page: the publishing body with its desk and hotlines.
pub fn organisation_page(site: &SiteConfig, base: &Base<'_>) -> String {
    let mut organisation = operator(site);
    if base.url.is_some() {
        organisation["url"] = base.to("").into();
    }
    let points: Vec<Value> = site
        .hotlines
        .iter()
        .map(|h| {
            json!({
                "@type": "ContactPoint",
                "contactType": &*h.label,
                "telephone": &*h.number,
                "availableLanguage": "vi",
            })
        })
        .collect();
    if !points.is_empty() {
        organisation["contactPoint"] = points.into();
    }
    if let Some(email) = site.feedback.as_ref().and_then(|f| f.email.as_deref()) {
        organisation["email"] = email.into();
    }
    organisation["@context"] = "https://schema.org".into();
    script(organisation)
}

fn organisation(name: &str, address: Option<&str>) -> Value {
    let mut organisation = json!({ "@type": "GovernmentOrganization", "name": name });
    if let Some(address) = address {
        organisation["address"] = address.into();
    }
    organisation
}

/// The publishing body, at its address or its desk's.
fn operator(site: &SiteConfig) -> Value {
    organisation(
        &site.agency.name,
        Some(site.agency.address.as_deref().unwrap_or(&site.desk.address)),
    )
}

fn script(value: Value) -> String {
    crate::output::inert_json(&value)
}
