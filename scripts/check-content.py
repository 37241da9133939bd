#!/usr/bin/env python3
"""Check the sample catalogue in content/ against the record schema (shared/DESIGN.md §4).

This is a quick, independent cross-check for the sample data, not the real validator
(that is `congkhai check`). Needs PyYAML. Exits 1 and lists every problem found.

Usage: python3 scripts/check-content.py [CONTENT_DIR]
"""

import datetime as dt
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import yaml

# ----------------------------------------------------------------------------- schema

RECORD_KEYS = {
    "code", "title", "slug", "field", "level", "online_level", "online_url", "status",
    "effective_from", "effective_to", "applicants", "agencies", "steps", "channels",
    "processing_time", "documents", "dossier_sets", "forms", "fees", "results", "conditions",
    "applicant_deadline", "legal_basis", "announcements", "officers", "hotline", "related",
    "replaces", "life_events", "keywords", "verified_on",
}
REQUIRED = {
    "code", "title", "field", "level", "online_level", "status", "applicants", "agencies",
    "steps", "channels", "processing_time", "documents", "fees", "results", "legal_basis",
}
LEVELS = {"central", "province", "district", "commune", "other"}
ONLINE = {"full", "partial", "none"}
STATUSES = {"active", "upcoming", "suspended", "repealed"}
ACTORS = {"applicant", "one_stop", "specialist", "leader"}
CHANNEL_TYPES = {"in_person", "online", "postal"}
UNITS = {"working_days", "days", "hours", "same_day"}
MODES = {"submit", "present"}
FEE_KINDS = {"le_phi", "phi"}
CHANGES = {"new", "amended", "replaced", "repealed"}

AGENCY_KEYS = {"competent", "implementing", "delegated", "coordinating"}
STEP_KEYS = {"title", "text", "actor"}
CHANNEL_KEYS = {"type", "available", "where", "processing_time", "fees", "note"}
PT_KEYS = {"text", "value", "unit", "cutoff"}
GROUP_KEYS = {"case", "mode", "items"}
ITEM_KEYS = {"name", "originals", "copies", "form", "note"}
FORM_KEYS = {"id", "name", "issued_by", "file", "official_url"}
FEE_KEYS = {"id", "kind", "amount", "unit", "text", "exemptions"}
LEGAL_KEYS = {"number", "title", "date", "issuer", "url"}
ANN_KEYS = {"number", "date", "change", "url"}

SITE_KEYS = {
    "title", "description", "base_url", "language", "agency", "desk", "opening_hours", "closures",
    "hotlines", "hotline", "feedback", "officers", "default_officers", "postal_service",
    "online_portals",
}
FIELD_KEYS = {"id", "name", "description", "order"}
STATS_KEYS = {
    "period", "label", "from", "to", "carried_over", "received", "resolved", "in_progress",
    "withdrawn", "returned",
}
WEEKDAYS = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"}

CODE_RE = re.compile(r"^\d\.\d{6}$")
SLUG_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
HHMM_RE = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")

# ----------------------------------------------------------------------------- loading


class UniqueKeyLoader(yaml.SafeLoader):
    """SafeLoader that rejects duplicate mapping keys (serde-saphyr does too)."""


def _construct_mapping(loader, node, deep=False):
    seen = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        seen.add(key)
    return loader.construct_mapping(node, deep)


UniqueKeyLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping
)


def load_yaml(text):
    return yaml.load(text, Loader=UniqueKeyLoader)


def split_front_matter(text):
    if not text.startswith("---\n"):
        raise ValueError("a .md record must start with a '---' line")
    end = text.find("\n---\n", 4)
    if end < 0:
        raise ValueError("front matter is not closed by a '---' line")
    return text[4:end + 1], text[end + 5:]


def fold_slug(title):
    t = title.replace("đ", "d").replace("Đ", "D")
    t = "".join(c for c in unicodedata.normalize("NFD", t) if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", t.lower()).strip("-")


def walk_strings(value, path=""):
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from walk_strings(k, f"{path}.<key>")
            yield from walk_strings(v, f"{path}.{k}")
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from walk_strings(v, f"{path}[{i}]")


# ----------------------------------------------------------------------------- checks


class Checker:
    def __init__(self, content):
        self.content = content
        self.errors = []

    def err(self, where, msg):
        self.errors.append(f"{where}: {msg}")

    def keys(self, where, obj, allowed, required=()):
        if not isinstance(obj, dict):
            self.err(where, f"expected a mapping, got {type(obj).__name__}")
            return False
        for k in obj:
            if k not in allowed:
                self.err(where, f"unknown key {k!r}")
        for k in required:
            if k not in obj:
                self.err(where, f"missing key {k!r}")
        return True

    def text(self, where, v, allow_none=False):
        if v is None and allow_none:
            return
        if not isinstance(v, str) or not v.strip():
            self.err(where, "expected non-empty text")

    def text_list(self, where, v):
        if not isinstance(v, list) or not v:
            self.err(where, "expected a non-empty list of text")
            return
        for i, s in enumerate(v):
            self.text(f"{where}[{i}]", s)

    def date(self, where, v):
        if not isinstance(v, dt.date) or isinstance(v, dt.datetime):
            self.err(where, f"expected an unquoted date (YYYY-MM-DD), got {v!r}")
            return False
        return True

    def nfc_file(self, path):
        raw = path.read_text(encoding="utf-8")
        if not unicodedata.is_normalized("NFC", raw):
            self.err(path, "file text is not NFC")
        return raw

    def nfc_value(self, where, value):
        for p, s in walk_strings(value):
            if not unicodedata.is_normalized("NFC", s):
                self.err(where, f"string at {p} is not NFC")

    # -- site, fields, stats, pages

    def check_site(self):
        path = self.content / "site.yaml"
        site = load_yaml(self.nfc_file(path))
        self.nfc_value(path, site)
        self.keys(path, site, SITE_KEYS, SITE_KEYS)
        self.keys(f"{path}:agency", site.get("agency"), {"name", "level", "province", "address"},
                  {"name", "level", "province"})
        self.keys(f"{path}:desk", site.get("desk"), {"name", "address", "map_url"}, {"name", "address"})
        for i, h in enumerate(site.get("opening_hours") or []):
            w = f"{path}:opening_hours[{i}]"
            self.keys(w, h, {"days", "opens", "closes", "fields"}, {"days", "opens", "closes"})
            if not set(h.get("days", [])) <= WEEKDAYS:
                self.err(w, "days must be mon..sun")
            for k in ("opens", "closes"):
                if not HHMM_RE.match(str(h.get(k, ""))):
                    self.err(w, f"{k} must be a quoted HH:MM")
        for i, c in enumerate(site.get("closures") or []):
            w = f"{path}:closures[{i}]"
            self.keys(w, c, {"from", "to", "reason"}, {"from", "reason"})
            self.date(w, c.get("from"))
            if "to" in c and self.date(w, c["to"]) and c["to"] < c["from"]:
                self.err(w, "to is before from")
        hotlines = site.get("hotlines") or []
        if len(hotlines) < 4:
            self.err(path, "at least 4 hotlines expected")
        for i, h in enumerate(hotlines):
            self.keys(f"{path}:hotlines[{i}]", h, {"label", "number"}, {"label", "number"})
        self.keys(f"{path}:feedback", site.get("feedback"),
                  {"box", "email", "postal_address", "online_form_url", "response_time"},
                  {"box", "email", "postal_address", "online_form_url", "response_time"})
        officers = site.get("officers") or []
        if len(officers) < 5:
            self.err(path, "at least 5 officers expected")
        ids = set()
        for i, o in enumerate(officers):
            w = f"{path}:officers[{i}]"
            self.keys(w, o, {"id", "name", "title", "counter", "phone", "fields"},
                      {"id", "name", "title", "counter"})
            if o.get("id") in ids:
                self.err(w, f"duplicate officer id {o.get('id')!r}")
            ids.add(o.get("id"))
        for oid in site.get("default_officers") or []:
            if oid not in ids:
                self.err(path, f"default_officers: unknown officer {oid!r}")
        self.keys(f"{path}:postal_service", site.get("postal_service"), {"name", "phone", "note"}, {"name"})
        for i, p in enumerate(site.get("online_portals") or []):
            self.keys(f"{path}:online_portals[{i}]", p, {"name", "url"}, {"name", "url"})
        self.site = site
        self.officer_ids = ids
        self.officer_fields = {o["id"]: set(o.get("fields") or []) for o in officers}

    def check_fields(self):
        path = self.content / "fields.yaml"
        fields = load_yaml(self.nfc_file(path))
        self.nfc_value(path, fields)
        ids = []
        for i, f in enumerate(fields):
            w = f"{path}[{i}]"
            self.keys(w, f, FIELD_KEYS, FIELD_KEYS)
            if not SLUG_RE.match(str(f.get("id", ""))):
                self.err(w, "id must be an ASCII slug")
            ids.append(f.get("id"))
        for fid, n in Counter(ids).items():
            if n > 1:
                self.err(path, f"duplicate field id {fid!r}")
        if len(ids) < 9:
            self.err(path, "at least 9 fields expected")
        self.field_ids = set(ids)
        for oid, fs in self.officer_fields.items():
            for fid in fs - self.field_ids:
                self.err(self.content / "site.yaml", f"officer {oid}: unknown field {fid!r}")
        for h in self.site.get("opening_hours") or []:
            for fid in set(h.get("fields") or []) - self.field_ids:
                self.err(self.content / "site.yaml", f"opening_hours: unknown field {fid!r}")

    def check_stats(self):
        files = sorted((self.content / "stats").glob("*.yaml"))
        if not files:
            self.err(self.content / "stats", "no statistics files")
        for path in files:
            s = load_yaml(self.nfc_file(path))
            self.keys(path, s, STATS_KEYS, STATS_KEYS)
            self.date(f"{path}:from", s.get("from"))
            self.date(f"{path}:to", s.get("to"))
            self.keys(f"{path}:received", s.get("received"),
                      {"online_full", "online_partial", "in_person", "postal"},
                      {"online_full", "online_partial", "in_person", "postal"})
            self.keys(f"{path}:resolved", s.get("resolved"), {"early", "on_time", "late"},
                      {"early", "on_time", "late"})
            self.keys(f"{path}:in_progress", s.get("in_progress"), {"not_due", "overdue"},
                      {"not_due", "overdue"})
            try:
                total_in = s["carried_over"] + sum(s["received"].values())
                total_out = (sum(s["resolved"].values()) + sum(s["in_progress"].values())
                             + s["withdrawn"] + s["returned"])
                if total_in != total_out:
                    self.err(path, f"carried_over + received = {total_in} but outcomes = {total_out}")
            except (KeyError, TypeError, AttributeError) as e:
                self.err(path, f"cannot add up the counts: {e}")

    def check_pages(self):
        for path in sorted((self.content / "pages").glob("*.md")):
            fm, body = split_front_matter(self.nfc_file(path))
            meta = load_yaml(fm)
            self.keys(path, meta, {"title"}, {"title"})
            if not body.strip():
                self.err(path, "empty page body")

    # -- records

    def check_record(self, path, rec, body):
        w = str(path.relative_to(self.content))
        self.nfc_value(w, rec)
        if not self.keys(w, rec, RECORD_KEYS, REQUIRED):
            return
        code = rec.get("code")
        if not isinstance(code, str) or not CODE_RE.match(code):
            self.err(w, f"code must be a quoted string like '1.001193', got {code!r}")
        self.text(f"{w}:title", rec.get("title"))
        if "slug" in rec and not SLUG_RE.match(str(rec["slug"])):
            self.err(w, "slug must be an ASCII slug")
        if rec.get("field") not in self.field_ids:
            self.err(w, f"unknown field {rec.get('field')!r}")
        if path.parent.name != rec.get("field"):
            self.err(w, f"file is under {path.parent.name}/ but field is {rec.get('field')!r}")
        for key, allowed in (("level", LEVELS), ("online_level", ONLINE), ("status", STATUSES)):
            if rec.get(key) not in allowed:
                self.err(w, f"{key} {rec.get(key)!r} not in {sorted(allowed)}")
        for key in ("effective_from", "effective_to", "verified_on"):
            if key in rec:
                self.date(f"{w}:{key}", rec[key])
        if isinstance(rec.get("verified_on"), dt.date) and rec["verified_on"].year != 2026:
            self.err(w, "verified_on should be within 2026")
        self.text_list(f"{w}:applicants", rec.get("applicants"))
        self.text_list(f"{w}:results", rec.get("results"))
        for key in ("conditions", "life_events", "keywords"):
            if key in rec:
                self.text_list(f"{w}:{key}", rec[key])
        if "applicant_deadline" in rec:
            self.text(f"{w}:applicant_deadline", rec["applicant_deadline"])
        ag = rec.get("agencies")
        if self.keys(f"{w}:agencies", ag, AGENCY_KEYS, {"competent", "implementing"}):
            for k, v in ag.items():
                self.text(f"{w}:agencies.{k}", v)

        steps = rec.get("steps")
        if not isinstance(steps, list) or not steps:
            self.err(w, "steps must be a non-empty list")
        else:
            for i, s in enumerate(steps):
                if isinstance(s, str):
                    self.text(f"{w}:steps[{i}]", s)
                elif self.keys(f"{w}:steps[{i}]", s, STEP_KEYS, {"title", "text"}):
                    if "actor" in s and s["actor"] not in ACTORS:
                        self.err(f"{w}:steps[{i}]", f"actor {s['actor']!r} not in {sorted(ACTORS)}")

        pt = rec.get("processing_time")
        if self.keys(f"{w}:processing_time", pt, PT_KEYS, {"text", "unit"}):
            self.text(f"{w}:processing_time.text", pt.get("text"))
            if pt.get("unit") not in UNITS:
                self.err(w, f"processing_time.unit {pt.get('unit')!r} not in {sorted(UNITS)}")
            if "value" in pt and (not isinstance(pt["value"], int) or pt["value"] <= 0):
                self.err(w, "processing_time.value must be a positive integer")
            if pt.get("unit") != "same_day" and "value" not in pt:
                self.err(w, "processing_time.value missing for a non same_day unit")
            if "cutoff" in pt and not HHMM_RE.match(str(pt["cutoff"])):
                self.err(w, "processing_time.cutoff must be a quoted HH:MM")

        fee_ids = []
        fees = rec.get("fees")
        if not isinstance(fees, list):
            self.err(w, "fees must be a list ([] when none)")
            fees = []
        for i, f in enumerate(fees):
            fw = f"{w}:fees[{i}]"
            if not self.keys(fw, f, FEE_KEYS, {"id", "kind", "amount", "text"}):
                continue
            fee_ids.append(f.get("id"))
            if f.get("kind") not in FEE_KINDS:
                self.err(fw, f"kind {f.get('kind')!r} not in {sorted(FEE_KINDS)}")
            if not isinstance(f.get("amount"), int) or isinstance(f.get("amount"), bool) or f["amount"] < 0:
                self.err(fw, "amount must be a non-negative integer (VND)")
            self.text(f"{fw}.text", f.get("text"))
            if "exemptions" in f:
                self.text_list(f"{fw}.exemptions", f["exemptions"])
        for fid, n in Counter(fee_ids).items():
            if n > 1:
                self.err(w, f"duplicate fee id {fid!r}")

        channels = rec.get("channels")
        if not isinstance(channels, list) or not channels:
            self.err(w, "channels must be a non-empty list")
            channels = []
        for i, c in enumerate(channels):
            cw = f"{w}:channels[{i}]"
            if not self.keys(cw, c, CHANNEL_KEYS, {"type", "available"}):
                continue
            if c.get("type") not in CHANNEL_TYPES:
                self.err(cw, f"type {c.get('type')!r} not in {sorted(CHANNEL_TYPES)}")
            if not isinstance(c.get("available"), bool):
                self.err(cw, "available must be true or false")
            for fid in c.get("fees") or []:
                if fid not in fee_ids:
                    self.err(cw, f"fee id {fid!r} is not in this record's fees")
        types = [c.get("type") for c in channels if isinstance(c, dict)]
        for t, n in Counter(types).items():
            if n > 1:
                self.err(w, f"channel type {t!r} listed twice")

        form_ids = []
        for i, f in enumerate(rec.get("forms") or []):
            fw = f"{w}:forms[{i}]"
            if not self.keys(fw, f, FORM_KEYS, {"id", "name", "file"}):
                continue
            form_ids.append(f.get("id"))
            rel = str(f.get("file", ""))
            target = (self.content / rel).resolve()
            if rel.startswith("/") or not str(target).startswith(str(self.content.resolve()) + "/"):
                self.err(fw, f"file {rel!r} must stay inside content/")
            elif not rel.startswith("forms/"):
                self.err(fw, f"file {rel!r} should be under forms/")
            elif not target.is_file():
                self.err(fw, f"file {rel!r} does not exist")
            else:
                self.form_files.add(rel)
        for fid, n in Counter(form_ids).items():
            if n > 1:
                self.err(w, f"duplicate form id {fid!r}")

        docs = rec.get("documents")
        if not isinstance(docs, list) or not docs:
            self.err(w, "documents must be a non-empty list")
            docs = []
        for gi, g in enumerate(docs):
            gw = f"{w}:documents[{gi}]"
            if isinstance(g, dict) and "items" in g:
                if not self.keys(gw, g, GROUP_KEYS, {"case", "mode", "items"}):
                    continue
                mode = g.get("mode")
                if mode not in MODES:
                    self.err(gw, f"mode {mode!r} not in {sorted(MODES)}")
                self.text(f"{gw}.case", g.get("case"), allow_none=True)
                items = g.get("items") or []
                if not items:
                    self.err(gw, "empty items")
            else:
                mode, items = "submit", [g]
            for ii, it in enumerate(items):
                iw = f"{gw}.items[{ii}]"
                if not self.keys(iw, it, ITEM_KEYS, {"name"}):
                    continue
                self.text(f"{iw}.name", it.get("name"))
                if mode == "present":
                    for k in ("originals", "copies"):
                        if k in it:
                            self.err(iw, f"{k} must be omitted for a presented document")
                elif mode == "submit":
                    for k in ("originals", "copies"):
                        if not isinstance(it.get(k), int) or it[k] < 0:
                            self.err(iw, f"{k} must be a non-negative integer")
                    if it.get("originals", 0) + it.get("copies", 0) == 0:
                        self.err(iw, "submits neither an original nor a copy")
                if "form" in it and it["form"] not in form_ids:
                    self.err(iw, f"form {it['form']!r} is not in this record's forms")
        if "dossier_sets" in rec and (not isinstance(rec["dossier_sets"], int) or rec["dossier_sets"] < 1):
            self.err(w, "dossier_sets must be a positive integer")

        lb = rec.get("legal_basis")
        if not isinstance(lb, list) or not lb:
            self.err(w, "legal_basis must be a non-empty list")
        else:
            for i, l in enumerate(lb):
                lw = f"{w}:legal_basis[{i}]"
                if self.keys(lw, l, LEGAL_KEYS, {"number", "title"}) and "date" in l:
                    self.date(lw, l["date"])
        for i, a in enumerate(rec.get("announcements") or []):
            aw = f"{w}:announcements[{i}]"
            if self.keys(aw, a, ANN_KEYS, {"number", "date", "change"}):
                self.date(aw, a.get("date"))
                if a.get("change") not in CHANGES:
                    self.err(aw, f"change {a.get('change')!r} not in {sorted(CHANGES)}")
        for oid in rec.get("officers") or []:
            if oid not in self.officer_ids:
                self.err(w, f"unknown officer {oid!r}")
        for key in ("related", "life_events", "keywords", "officers"):
            if key in rec and not isinstance(rec[key], list):
                self.err(w, f"{key} must be a list")

        # status rules
        status = rec.get("status")
        if status == "upcoming":
            ef = rec.get("effective_from")
            if not isinstance(ef, dt.date) or ef <= dt.date(2026, 12, 31):
                self.err(w, "an upcoming record needs effective_from in the future (2027)")
        if status == "repealed":
            et = rec.get("effective_to")
            if not isinstance(et, dt.date) or et >= dt.date.today():
                self.err(w, "a repealed record needs effective_to in the past")
            if not any(a.get("change") == "repealed" for a in rec.get("announcements") or []):
                self.err(w, "a repealed record needs an announcement with change: repealed")

        if path.suffix == ".md":
            if not body.strip():
                self.err(w, "markdown body is empty")
            if not re.search(r"^## ", body, re.M):
                self.err(w, "markdown body has no '## ' heading")

    def check_records(self):
        self.form_files = set()
        records = []
        root = self.content / "procedures"
        for path in sorted(root.rglob("*")):
            if path.is_dir():
                continue
            if path.suffix not in (".yaml", ".md"):
                self.err(path, "unexpected file type in procedures/")
                continue
            raw = self.nfc_file(path)
            try:
                if path.suffix == ".md":
                    fm, body = split_front_matter(raw)
                else:
                    fm, body = raw, ""
                rec = load_yaml(fm)
            except (ValueError, yaml.YAMLError) as e:
                self.err(path, f"cannot load: {e}")
                continue
            if not isinstance(rec, dict):
                self.err(path, "record is not a mapping")
                continue
            records.append((path, rec, body))
            self.check_record(path, rec, body)

        codes = Counter(r.get("code") for _, r, _ in records)
        for c, n in codes.items():
            if n > 1:
                self.err(root, f"duplicate code {c!r} ({n} records)")
        stems = Counter(p.stem for p, _, _ in records)
        for s, n in stems.items():
            if n > 1:
                self.err(root, f"duplicate file name {s!r}")
        slugs = Counter(r.get("slug") or fold_slug(r.get("title", "")) for _, r, _ in records)
        for s, n in slugs.items():
            if n > 1:
                self.err(root, f"duplicate slug {s!r}")
        all_codes = set(codes)
        for path, rec, _ in records:
            w = str(path.relative_to(self.content))
            for c in rec.get("related") or []:
                if c == rec.get("code"):
                    self.err(w, "related lists the record's own code")
                elif c not in all_codes:
                    self.err(w, f"related code {c!r} is not in the catalogue")
            replaces = rec.get("replaces", [])
            if not isinstance(replaces, list):
                self.err(w, "replaces must be a list of codes")
                replaces = []
            for c in replaces:
                if c == rec.get("code") or c not in all_codes:
                    self.err(w, f"replaces {c!r} is not another record of the catalogue")

        # catalogue-wide targets from the brief
        n = len(records)
        fields_used = {r.get("field") for _, r, _ in records}
        md = [p for p, _, _ in records if p.suffix == ".md"]
        status = Counter(r.get("status") for _, r, _ in records)
        levels = Counter(r.get("level") for _, r, _ in records)
        online = Counter(r.get("online_level") for _, r, _ in records)
        if n < 44:
            self.err(root, f"only {n} records (need at least 44)")
        if len(fields_used) < 9:
            self.err(root, f"only {len(fields_used)} fields used (need at least 9)")
        if len(md) < 6:
            self.err(root, f"only {len(md)} markdown records (need at least 6)")
        if status["upcoming"] < 2 or status["repealed"] < 2 or status["suspended"] < 1:
            self.err(root, f"status mix too thin: {dict(status)}")
        if levels["province"] < 8:
            self.err(root, f"only {levels['province']} province-level records (need at least 8)")
        if set(online) != ONLINE:
            self.err(root, f"online_level mix incomplete: {dict(online)}")
        if not any(re.search(r"^\|.*\|\s*$", b, re.M) and re.search(r"^(\s*[-*]|\s*\d+\.) ", b, re.M)
                   for _, _, b in records):
            self.err(root, "no markdown record has both a list and a table")
        if not any(f.get("amount") == 0 for _, r, _ in records for f in r.get("fees") or []):
            self.err(root, "no free (amount 0) fee")
        if sum(1 for _, r, _ in records if r.get("fees") == []) < 1:
            self.err(root, "no record with fees: []")
        on_disk = {str(p.relative_to(self.content)) for p in (self.content / "forms").rglob("*") if p.is_file()}
        for rel in sorted(on_disk - self.form_files):
            self.err(self.content / rel, "form file not referenced by any record")
        if len(self.form_files) < 5:
            self.err(root, f"only {len(self.form_files)} form files referenced (need at least 5)")
        self.records = records

    def summary(self):
        by_field = Counter(r["field"] for _, r, _ in self.records)
        by_level = Counter(r["level"] for _, r, _ in self.records)
        print(f"{len(self.records)} records; by field: {dict(sorted(by_field.items()))}")
        print(f"by level: {dict(by_level)}; by status: {dict(Counter(r['status'] for _, r, _ in self.records))}")
        print(f"online: {dict(Counter(r['online_level'] for _, r, _ in self.records))}; "
              f"markdown: {sum(1 for p, _, _ in self.records if p.suffix == '.md')}; "
              f"forms: {len(self.form_files)}")


def main():
    content = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "content"
    c = Checker(content)
    c.check_site()
    c.check_fields()
    c.check_stats()
    c.check_pages()
    c.check_records()
    c.summary()
    if c.errors:
        print(f"\n{len(c.errors)} problem(s):")
        for e in c.errors:
            print(f"  {e}")
        sys.exit(1)
    print("content OK")


if __name__ == "__main__":
    main()
