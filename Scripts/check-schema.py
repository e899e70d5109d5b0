#!/usr/bin/env python3
"""Validate the JSON of `druglabel parse` against docs/label.schema.json.

usage: check-schema.py BIN [--no-golden] [FILE ...]

  BIN          the druglabel executable; it is run once, `BIN parse FILE... --format json`
  FILE ...     the documents to parse (default: Corpus/*.txt, plus ../shared/labels-dev/labels/*.txt
               from the repository root when that folder exists)
  --no-golden  do not validate Golden/*.json (by default every golden file is validated too)

Prints `schema: N documents valid` when every parsed document and every golden file is valid;
otherwise each error as `FILE: JSON-PATH: message` and exits 1. A file the parser fails on is
reported on stderr (the parser's own message) and left out; it is not a schema error. BIN failing
to run, its output not being JSON, or no file parsing at all is an error. Needs the `jsonschema` package
(draft 2020-12); without it, prints `skipped: python3 has no jsonschema` and exits 0.
"""
import glob
import json
import os
import re
import subprocess
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCHEMA = os.path.join(REPO, "docs", "label.schema.json")
MAX_MESSAGE = 300


def usage(code):
    if code:
        print(__doc__.split("\n\n")[1].splitlines()[0], file=sys.stderr)
    else:
        print(__doc__.strip())
    sys.exit(code)


def default_files():
    files = sorted(glob.glob(os.path.join(REPO, "Corpus", "*.txt")))
    # The seed label as PDF, .docx and web page: their spans carry pages, paragraphs and cells.
    documents = os.path.join(REPO, "Tests", "DrugLabelTests", "Fixtures", "documents")
    files += sorted(f for f in glob.glob(os.path.join(documents, "axicabtagene-*")) if not f.endswith(".json"))
    shared = os.path.join(os.path.dirname(REPO), "shared", "labels-dev", "labels")
    if os.path.isdir(shared):
        files += sorted(glob.glob(os.path.join(shared, "*.txt")))
    return [os.path.relpath(f) for f in files]


def json_path(parts):
    out = "$"
    for p in parts:
        if isinstance(p, int):
            out += f"[{p}]"
        elif re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", p):
            out += "." + p
        else:
            out += "[" + json.dumps(p, ensure_ascii=False) + "]"
    return out


def short(text):
    text = " ".join(text.split())
    return text if len(text) <= MAX_MESSAGE else text[: MAX_MESSAGE - 1] + "…"


def explain(error):
    """(JSON path, message) pairs for one validation error.

    For oneOf/anyOf, a branch that fails only because the value has another type (the null of
    a nullable object, for instance) does not apply; when one branch is left, its own errors
    are the ones that say what is wrong.
    """
    if error.validator in ("oneOf", "anyOf") and error.context:
        branches = {}
        for sub in error.context:
            branches.setdefault(sub.schema_path[0], []).append(sub)
        applicable = {
            k: errs for k, errs in branches.items()
            if not all(e.validator == "type" and list(e.absolute_path) == list(error.absolute_path) for e in errs)
        }
        if len(applicable) == 1:
            (errs,) = applicable.values()
            return [pair for e in errs for pair in explain(e)]
        branch_schemas = error.schema.get(error.validator, [])
        required = [branch_schemas[k].get("required") if isinstance(branch_schemas[k], dict) else None
                    for k in sorted(applicable)]
        if applicable and isinstance(error.instance, dict) and all(required):
            # `amount`: {value} or {low, high}, never both; say which keys it has instead.
            keys = sorted({key for req in required for key in req} & set(error.instance))
            wanted = " or ".join("{" + ", ".join(req) + "}" for req in required)
            word = "exactly one of" if error.validator == "oneOf" else "one of"
            return [(json_path(error.absolute_path), f"needs {word} the key sets {wanted}; it has {{{', '.join(keys)}}}")]
        if applicable:
            shapes = "; ".join(
                f"shape {k + 1}: " + ", ".join(f"{json_path(e.absolute_path)} {e.message}" for e in errs)
                for k, errs in sorted(applicable.items())
            )
            return [(json_path(error.absolute_path), short(f"matches none of the allowed shapes ({shapes})"))]
    return [(json_path(error.absolute_path), short(error.message))]


def parse(binary, files):
    """The documents `binary parse` writes for `files`, or None when it cannot be run or read."""
    command = [binary, "parse", *files, "--format", "json"]
    try:
        proc = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    except OSError as e:
        print(f"check-schema: cannot run {binary}: {e}", file=sys.stderr)
        return None
    if proc.stderr:
        sys.stderr.write(proc.stderr.decode("utf-8", "replace"))
    if proc.returncode < 0:
        print(f"check-schema: {binary} parse died of signal {-proc.returncode}", file=sys.stderr)
        return None
    out = proc.stdout.decode("utf-8", "replace").strip()
    if not out:
        return []
    try:
        data = json.loads(out)
    except json.JSONDecodeError as e:
        print(f"check-schema: the output of {binary} parse is not JSON: {e}", file=sys.stderr)
        return None
    return data if isinstance(data, list) else [data]


def main(argv):
    args = argv[1:]
    if not args or args[0] in ("-h", "--help"):
        usage(0 if args else 2)
    try:
        import jsonschema
    except ImportError:
        print("skipped: python3 has no jsonschema")
        return 0
    binary = args[0]
    if os.sep in binary:
        binary = os.path.abspath(binary)
    golden = "--no-golden" not in args[1:]
    files = [a for a in args[1:] if a != "--no-golden"] or default_files()

    with open(SCHEMA, encoding="utf-8") as f:
        schema = json.load(f)
    validator_class = getattr(jsonschema, "Draft202012Validator", None)
    if validator_class is None:
        print("skipped: python3's jsonschema is too old for draft 2020-12 (it needs jsonschema 4 or later)")
        return 0
    try:
        validator_class.check_schema(schema)
    except jsonschema.SchemaError as e:
        print(f"{os.path.relpath(SCHEMA)}: not a valid draft 2020-12 schema: {short(e.message)}")
        return 1
    validator = validator_class(schema)

    failures = 0
    documents = []  # (name, document)
    if files:
        parsed = parse(binary, files)
        if parsed is None:
            failures += 1
            parsed = []
        elif not parsed:
            print(f"check-schema: {binary} parse gave no document for {len(files)} file(s)", file=sys.stderr)
            failures += 1
        elif len(parsed) < len(files):
            print(f"check-schema: {len(files) - len(parsed)} of {len(files)} files failed to parse and are left out",
                  file=sys.stderr)
        for i, doc in enumerate(parsed):
            source = doc.get("source") if isinstance(doc, dict) else None
            name = source.get("path") if isinstance(source, dict) and isinstance(source.get("path"), str) else None
            documents.append((name or f"document {i + 1} of the parse output", doc))
    parsed_count = len(documents)
    if golden:
        for path in sorted(glob.glob(os.path.join(REPO, "Golden", "*.json"))):
            name = os.path.relpath(path)
            try:
                with open(path, encoding="utf-8") as f:
                    documents.append((name, json.load(f)))
            except (OSError, ValueError) as e:
                print(f"{name}: $: cannot be read as JSON: {short(str(e))}")
                failures += 1

    errors = 0
    invalid = 0
    for name, doc in documents:
        found = sorted(validator.iter_errors(doc), key=lambda e: [(0, p, "") if isinstance(p, int) else (1, 0, p)
                                                                  for p in e.absolute_path])
        if found:
            invalid += 1
        for error in found:
            for path, message in explain(error):
                print(f"{name}: {path}: {message}")
                errors += 1

    golden_count = len(documents) - parsed_count
    if errors or failures:
        print(f"schema: {errors} error(s) in {invalid} of {len(documents)} documents"
              f" ({parsed_count} parsed, {golden_count} golden)"
              + (f"; {failures} failure(s) reading documents" if failures else ""))
        return 1
    print(f"schema: {len(documents)} documents valid ({parsed_count} parsed, {golden_count} golden)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
