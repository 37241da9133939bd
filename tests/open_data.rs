//! The open data of `/du-lieu/`: the catalogue as JSON, read back with independent parsers
//! (Python's `json` and `jsonschema`), holding every procedure with the codes of the records
//! and the URLs of the pages, valid against the schema published beside it; and the page that
//! says what is there and under which licence, never inventing one.

mod common;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use serde_json::Value;

fn python_has_jsonschema() -> bool {
    let ok = Command::new("python3")
        .args(["-c", "import jsonschema"])
        .output()
        .is_ok_and(|o| o.status.success());
    // CI installs it (scripts/test); a developer without it is told, not failed.
    assert!(
        ok || std::env::var_os("CI").is_none(),
        "python3 with the jsonschema package is required in CI (scripts/test installs it)"
    );
    ok
}

/// The codes of the sample's records, read from their files.
fn record_codes(root: &Path) -> BTreeSet<String> {
    congkhai::content::record_files(root)
        .iter()
        .map(|path| {
            let text = std::fs::read_to_string(path).unwrap();
            let line = text
                .lines()
                .find(|l| l.starts_with("code:"))
                .unwrap_or_else(|| panic!("{}: no code line", path.display()));
            line["code:".len()..].trim().trim_matches('"').to_owned()
        })
        .collect()
}

/// Rewrites a record's fees as not published: the `fees:` block runs to the next top-level
/// key, and the channels' references to its fees go with it.
fn fees_not_published(record: &Path) {
    let text = std::fs::read_to_string(record).unwrap();
    let start = text.find("\nfees:").expect("the record's fees") + 1;
    let end = start
        + text[start..]
            .match_indices('\n')
            .map(|(i, _)| i + 1)
            .find(|&i| text[start + i..].starts_with(|c: char| c.is_ascii_lowercase()))
            .unwrap();
    let text = format!("{}fees: not_published\n{}", &text[..start], &text[end..]);
    let text: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim_start().starts_with("fees: ["))
        .collect();
    std::fs::write(record, text.join("\n") + "\n").unwrap();
}

/// Runs a Python `script` with `arg` and gives its output, failing with its errors.
fn python(script: &str, arg: &Path) -> Vec<u8> {
    let output = Command::new("python3")
        .args(["-c", script])
        .arg(arg)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}

#[test]
fn the_catalogue_json_holds_every_record_and_passes_its_schema() {
    let root = common::sample_copy("open-data");
    common::run_ok(&root, "build");
    let data = root.join("public/du-lieu");
    let json_path = data.join("thu-tuc.json");

    // Python's json module reads it; every procedure's code and page come back.
    let script = r#"
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
assert d["format"]["name"] == "congkhai-thu-tuc", d["format"]
for p in d["procedures"]:
    print(p["code"], p["url"], sep="\t")
"#;
    let rows = String::from_utf8(python(script, &json_path)).unwrap();
    let mut codes = BTreeSet::new();
    for row in rows.lines() {
        let (code, url) = row.split_once('\t').unwrap();
        assert!(
            root.join("public").join(url).join("index.html").is_file(),
            "{code}: no page at {url}"
        );
        codes.insert(code.to_owned());
    }
    assert_eq!(codes, record_codes(&root), "every record, once");

    let document: Value = serde_json::from_slice(&std::fs::read(&json_path).unwrap()).unwrap();
    assert_eq!(document["date"], "2026-12-01");
    assert_eq!(document["fields"][0]["id"], "ho-tich");
    // The site gives no licence: none is written.
    assert!(document.get("license").is_none());
    let schema_path = data.join(
        document["format"]["schema"]
            .as_str()
            .expect("the schema's path"),
    );
    assert!(schema_path.is_file(), "{}", schema_path.display());

    if !python_has_jsonschema() {
        return;
    }
    // The file passes its schema; the same file with a broken procedure fails it.
    let dir = std::env::temp_dir().join(format!("congkhai-open-data-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut broken = Vec::new();
    type Break = fn(&mut Value);
    let breaks: [(&str, Break); 3] = [
        ("no-code", |v| {
            v["procedures"][0].as_object_mut().unwrap().remove("code");
        }),
        ("bad-level", |v| {
            v["procedures"][0]["level"] = "county".into()
        }),
        ("unknown-key", |v| v["procedures"][0]["phi"] = 8000.into()),
    ];
    for (name, change) in breaks {
        let mut copy = document.clone();
        change(&mut copy);
        let path = dir.join(format!("{name}.json"));
        std::fs::write(&path, serde_json::to_vec(&copy).unwrap()).unwrap();
        broken.push(path);
    }
    let output = Command::new("python3")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/schema_check.py"))
        .arg(&schema_path)
        .arg("--valid")
        .arg(&json_path)
        .arg("--invalid")
        .args(&broken)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_data_page_lists_the_files_and_the_licence_only_when_given() {
    let root = common::sample_copy("open-data-page");
    common::run_ok(&root, "build");
    let page = std::fs::read_to_string(root.join("public/du-lieu/index.html")).unwrap();
    assert!(page.contains("href=\"../du-lieu/thu-tuc.json\""), "{page}");
    assert!(page.contains("thu-tuc-v1.schema.json"));
    assert!(page.contains("chưa công bố giấy phép"), "{page}");
    let size = std::fs::metadata(root.join("public/du-lieu/thu-tuc.json"))
        .unwrap()
        .len();
    assert!(
        page.contains(&format!("{} KB", size.div_ceil(1024))),
        "the page gives the file's size"
    );
    // Every page links to it from the footer.
    let home = std::fs::read_to_string(root.join("public/index.html")).unwrap();
    assert!(home.contains("href=\"./du-lieu/\""));

    let site = root.join("content/site.yaml");
    let mut text = std::fs::read_to_string(&site).unwrap();
    text.push_str(
        "data_license:\n  name: \"CC BY 4.0\"\n  url: \"https://creativecommons.org/licenses/by/4.0/deed.vi\"\n",
    );
    std::fs::write(&site, text).unwrap();
    common::run_ok(&root, "build");
    let page = std::fs::read_to_string(root.join("public/du-lieu/index.html")).unwrap();
    assert!(
        page.contains(
            "<a href=\"https://creativecommons.org/licenses/by/4.0/deed.vi\">CC BY 4.0</a>"
        ),
        "{page}"
    );
    assert!(!page.contains("chưa công bố giấy phép"));
    let document: Value =
        serde_json::from_slice(&std::fs::read(root.join("public/du-lieu/thu-tuc.json")).unwrap())
            .unwrap();
    assert_eq!(document["license"]["name"], "CC BY 4.0");
}

#[test]
fn the_csv_tables_read_back_in_python_with_every_procedure_and_unknowns_said() {
    let root = common::sample_copy("open-data-csv");
    // One record whose fees the source does not publish.
    let record = root.join("content/procedures/ho-tich/dang-ky-khai-sinh.yaml");
    fees_not_published(&record);
    common::run_ok(&root, "build");
    let data = root.join("public/du-lieu");

    // Python's csv module, with the byte-order mark Excel needs.
    let script = r#"
import csv, json, sys
out = {}
for name in ["thu-tuc", "phi-le-phi", "giay-to", "can-cu-phap-ly"]:
    raw = open(f"{sys.argv[1]}/{name}.csv", "rb").read()
    assert raw.startswith(b"\xef\xbb\xbf"), name
    rows = list(csv.reader(open(f"{sys.argv[1]}/{name}.csv", encoding="utf-8-sig", newline="")))
    assert all(len(r) == len(rows[0]) for r in rows), name
    out[name] = rows
print(json.dumps(out, ensure_ascii=False))
"#;
    let tables: Value = serde_json::from_slice(&python(script, &data)).unwrap();
    let rows = |name: &str| -> Vec<Vec<String>> {
        tables[name]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                r.as_array()
                    .unwrap()
                    .iter()
                    .map(|c| c.as_str().unwrap().to_owned())
                    .collect()
            })
            .collect()
    };
    let procedures = rows("thu-tuc");
    assert_eq!(procedures[0][0], "Mã thủ tục");
    let codes: BTreeSet<String> = procedures[1..].iter().map(|r| r[0].clone()).collect();
    assert_eq!(codes.len(), procedures.len() - 1, "one row per procedure");
    assert_eq!(codes, record_codes(&root));
    let birth = procedures
        .iter()
        .find(|r| r[1] == "Đăng ký khai sinh")
        .unwrap();
    let fee_column = procedures[0]
        .iter()
        .position(|h| h == "Phí, lệ phí")
        .unwrap();
    assert_eq!(birth[fee_column], "Chưa công bố mức phí, lệ phí");
    assert!(birth.last().unwrap().starts_with("https://"), "{birth:?}");

    let fees = rows("phi-le-phi");
    let birth_fees: Vec<&Vec<String>> = fees.iter().filter(|r| r[0] == birth[0]).collect();
    assert_eq!(birth_fees.len(), 1, "{birth_fees:?}");
    assert!(
        birth_fees[0]
            .iter()
            .any(|c| c == "Chưa công bố mức phí, lệ phí"),
        "{birth_fees:?}"
    );
    assert!(!birth_fees[0].iter().any(|c| c.contains("Miễn")));
    // Every procedure has its documents and its legal basis, or a row saying they are missing.
    for name in ["giay-to", "can-cu-phap-ly", "phi-le-phi"] {
        let table = rows(name);
        let covered: BTreeSet<String> = table[1..].iter().map(|r| r[0].clone()).collect();
        assert_eq!(covered, codes, "{name}");
    }
    // The page lists the tables with their sizes.
    let page = std::fs::read_to_string(data.join("index.html")).unwrap();
    for name in [
        "thu-tuc.csv",
        "phi-le-phi.csv",
        "giay-to.csv",
        "can-cu-phap-ly.csv",
    ] {
        assert!(page.contains(&format!("du-lieu/{name}\"")), "{name}");
    }
}

/// Whether `python3` has `module`; in CI it must (scripts/test installs it).
fn python_has(module: &str) -> bool {
    let ok = Command::new("python3")
        .args(["-c", &format!("import {module}")])
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        ok || std::env::var_os("CI").is_none(),
        "python3 with {module} is required in CI (scripts/test installs it)"
    );
    ok
}

#[test]
fn every_procedure_page_carries_json_ld_that_rdflib_reads_with_its_code() {
    let root = common::sample_copy("json-ld");
    common::run_ok(&root, "build");
    if !python_has("rdflib") {
        eprintln!("skipped: python3 -m pip install --user rdflib to run this test");
        return;
    }
    // rdflib reads each page's JSON-LD (with schema.org's context given inline: the test runs
    // offline) and lists the services: page, identifier, name, and whether it has offers.
    let script = r#"
import glob, json, re, sys
import rdflib
SDO = rdflib.Namespace("https://schema.org/")
out = []
for page in sorted(glob.glob(sys.argv[1] + "/thu-tuc/*/index.html")):
    html = open(page, encoding="utf-8").read()
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1, page
    data = json.loads(blocks[0])
    assert data["@context"] == "https://schema.org"
    data["@context"] = {"@vocab": "https://schema.org/"}
    g = rdflib.Graph().parse(data=json.dumps(data), format="json-ld")
    services = list(g.subjects(rdflib.RDF.type, SDO.GovernmentService))
    assert len(services) == 1, page
    s = services[0]
    crumbs = list(g.subjects(rdflib.RDF.type, SDO.BreadcrumbList))
    assert len(crumbs) == 1, page
    out.append({
        "page": page,
        "identifier": str(g.value(s, SDO.identifier)),
        "name": str(g.value(s, SDO.name)),
        "offers": len(list(g.objects(s, SDO.offers))),
        "channels": len(list(g.objects(s, SDO.availableChannel))),
    })
print(json.dumps(out, ensure_ascii=False))
"#;
    let services: Vec<Value> =
        serde_json::from_slice(&python(script, &root.join("public"))).unwrap();
    let codes: BTreeSet<String> = services
        .iter()
        .map(|s| s["identifier"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        codes,
        record_codes(&root),
        "every procedure, its code round-trips"
    );
    let birth = services
        .iter()
        .find(|s| s["name"] == "Đăng ký khai sinh")
        .unwrap();
    assert_eq!(birth["offers"], 2);
    assert!(birth["channels"].as_u64().unwrap() >= 1);

    // A fee that is not published has no offer: nothing is said about its price.
    let record = root.join("content/procedures/ho-tich/dang-ky-khai-sinh.yaml");
    fees_not_published(&record);
    common::run_ok(&root, "build");
    let html =
        std::fs::read_to_string(root.join("public/thu-tuc/dang-ky-khai-sinh/index.html")).unwrap();
    let json = html
        .split("<script type=\"application/ld+json\">")
        .nth(1)
        .and_then(|s| s.split("</script>").next())
        .unwrap();
    let data: Value = serde_json::from_str(json).unwrap();
    assert!(data["@graph"][0].get("offers").is_none(), "{data}");
    // The contact page describes the publishing body.
    let contact = std::fs::read_to_string(root.join("public/lien-he/index.html")).unwrap();
    assert!(contact.contains("\"@type\":\"GovernmentOrganization\""));
}

#[test]
fn the_cpsv_ap_file_reads_in_rdflib_with_one_public_service_per_record() {
    let root = common::sample_copy("cpsv-ap");
    common::run_ok(&root, "build");
    let path = root.join("public/du-lieu/cpsv-ap.jsonld");
    let bytes = std::fs::read(&path).unwrap();
    let page = std::fs::read_to_string(root.join("public/du-lieu/index.html")).unwrap();
    assert!(
        page.contains("du-lieu/cpsv-ap.jsonld\""),
        "the data page lists it"
    );
    // The same input gives the same bytes.
    common::run_ok(&root, "build");
    assert!(std::fs::read(&path).unwrap() == bytes, "deterministic");
    if !python_has("rdflib") {
        eprintln!("skipped: python3 -m pip install --user rdflib to run this test");
        return;
    }
    // rdflib reads the file from disk with no network (the context is inline), and SPARQL
    // lists each service with what it links to, each linked node checked for its class.
    let script = r#"
import json, sys
import rdflib
doc = json.load(open(sys.argv[1], encoding="utf-8"))
assert isinstance(doc["@context"], dict), "the context is inline"
g = rdflib.Graph().parse(sys.argv[1], format="json-ld")
NS = """
PREFIX cpsv: <http://purl.org/vocab/cpsv#>
PREFIX cv: <http://data.europa.eu/m8g/>
PREFIX dct: <http://purl.org/dc/terms/>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""
def count(s, prop, cls):
    q = NS + f"SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE {{ ?s {prop} ?o . ?o a {cls} }}"
    return int(next(iter(g.query(q, initBindings={"s": s})))[0])
out = {"triples": len(g), "services": []}
for s, code, title, page in g.query(NS + """
    SELECT ?s ?code ?title ?page WHERE {
        ?s a cpsv:PublicService ; dct:identifier ?code ; dct:title ?title ; foaf:page ?page .
    }"""):
    costs = [
        {"value": None if v is None else v.toPython(), "datatype": None if v is None else str(v.datatype),
         "currency": None if c is None else str(c), "description": [str(d) for d in g.objects(o, rdflib.DCTERMS.description)]}
        for o, v, c in g.query(NS + "SELECT ?o ?v ?c WHERE { ?s cv:hasCost ?o . ?o a cv:Cost . OPTIONAL { ?o cv:hasValue ?v } OPTIONAL { ?o cv:currency ?c } }", initBindings={"s": s})
    ]
    out["services"].append({
        "code": str(code), "title": str(title), "language": title.language, "page": str(page),
        "authorities": count(s, "cv:hasCompetentAuthority", "cv:PublicOrganisation"),
        "channels": count(s, "cv:hasChannel", "cv:Channel"),
        "costs": costs,
        "evidence": count(s, "cpsv:hasInput", "cv:Evidence"),
        "outputs": count(s, "cpsv:produces", "cv:Output"),
        "laws": sorted(str(n) for (n,) in g.query(NS + "SELECT ?n WHERE { ?s cv:hasLegalResource ?o . ?o a eli:LegalResource ; dct:identifier ?n }", initBindings={"s": s})),
        "themes": count(s, "cv:thematicArea", "skos:Concept"),
        "notes": [str(n) for n in g.objects(s, rdflib.SKOS.editorialNote)],
    })
print(json.dumps(out, ensure_ascii=False))
"#;
    let rdflib = || -> Value { serde_json::from_slice(&python(script, &path)).unwrap() };
    let read = rdflib();
    let services = read["services"].as_array().unwrap();
    let records = congkhai::content::record_files(&root).len();
    assert_eq!(services.len(), records, "one service per record");
    let codes: BTreeSet<String> = services
        .iter()
        .map(|s| s["code"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(codes, record_codes(&root), "every code round-trips");
    eprintln!(
        "cpsv-ap.jsonld: {} bytes, {} triples",
        bytes.len(),
        read["triples"]
    );
    let service = |services: &[Value], code: &str| -> Value {
        services.iter().find(|s| s["code"] == code).unwrap().clone()
    };

    let birth = service(services, "1.001193");
    assert_eq!(birth["title"], "Đăng ký khai sinh");
    assert_eq!(birth["language"], "vi");
    assert_eq!(
        birth["page"],
        "https://binhan.example.gov.vn/thu-tuc/dang-ky-khai-sinh/"
    );
    assert_eq!(
        birth["authorities"], 1,
        "competent and implementing are one body"
    );
    assert_eq!(birth["channels"], 3);
    assert_eq!(birth["evidence"], 6);
    assert_eq!(birth["outputs"], 2);
    assert_eq!(birth["themes"], 1);
    assert_eq!(
        birth["laws"],
        serde_json::json!([
            "04/2020/TT-BTP",
            "123/2015/NĐ-CP",
            "60/2014/QH13",
            "85/2019/TT-BTC"
        ])
    );
    let costs = birth["costs"].as_array().unwrap();
    assert_eq!(costs.len(), 2, "{costs:?}");
    for cost in costs {
        assert_eq!(cost["value"], 8000.0, "{cost}");
        assert_eq!(cost["datatype"], "http://www.w3.org/2001/XMLSchema#double");
        assert_eq!(
            cost["currency"],
            "http://publications.europa.eu/resource/authority/currency/VND"
        );
    }
    assert!(
        costs.iter().any(|c| c["description"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d == "Phí cấp bản sao Giấy khai sinh (nếu có yêu cầu): 8.000 đồng/bản sao")),
        "the verbatim text: {costs:?}"
    );
    assert!(birth["notes"].as_array().unwrap().is_empty());

    assert!(bytes.len() < 1024 * 1024, "{} bytes", bytes.len());

    // Fees not published: no cost, neither empty nor zero, and the page's sentence as a note.
    fees_not_published(&root.join("content/procedures/ho-tich/dang-ky-khai-sinh.yaml"));
    common::run_ok(&root, "build");
    let read = rdflib();
    let unpublished = service(read["services"].as_array().unwrap(), "1.001193");
    assert_eq!(unpublished["costs"], serde_json::json!([]), "{unpublished}");
    assert!(
        unpublished["notes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n.as_str().unwrap().contains("phí, lệ phí")),
        "{unpublished}"
    );
    assert_eq!(unpublished["channels"], 3, "the rest stays");
}
