#!/usr/bin/env python3
"""Validates records (as JSON files) against congkhai's JSON Schema with the `jsonschema`
package: an independent implementation of draft-07, not the Rust types that generated it.

Usage: schema_check.py SCHEMA.json --valid FILE... [--invalid FILE...]
Exits 0 when every --valid file passes and every --invalid file fails; 1 otherwise;
3 when the jsonschema package is missing.
"""
import json
import sys

try:
    import jsonschema
except ImportError:
    print("jsonschema is not installed: python3 -m pip install --user jsonschema", file=sys.stderr)
    sys.exit(3)


def main(argv):
    schema = json.load(open(argv[1], encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())
    mode, ok, checked = None, True, 0
    for arg in argv[2:]:
        if arg in ("--valid", "--invalid"):
            mode = arg
            continue
        record = json.load(open(arg, encoding="utf-8"))
        errors = sorted(validator.iter_errors(record), key=lambda e: list(e.path))
        checked += 1
        if mode == "--valid" and errors:
            ok = False
            for e in errors[:5]:
                where = "/".join(str(p) for p in e.path)
                print(f"{arg}: {where}: {e.message}")
        elif mode == "--invalid" and not errors:
            ok = False
            print(f"{arg}: expected to fail the schema, but it passes")
    print(f"checked {checked} record(s) with jsonschema {getattr(jsonschema, '__version__', '')}".strip())
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
