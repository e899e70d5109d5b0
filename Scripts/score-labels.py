#!/usr/bin/env python3
"""Score `druglabel parse` against the hand-read facts of ../shared/labels-dev.

The rules are those of ../shared/labels-dev/README.md, section "How a parse is scored":
headings by longest common subsequence, doses found by drug / amount / unit / per, the dose
fields population, route and frequency, the generic name; plus two checks over all 121 labels
(headings without a catalogue key, HTML left in the output). The labels have no licence, so
they are read from ../shared and nothing of their text is kept in this repository.

usage: score-labels.py BIN [--shared DIR] [--record FILE] [--check] [--write-record] [--details]
                        [--labels DIR --ext EXT]

  BIN             the druglabel executable; it is run once, on all the labels
  --shared DIR    the shared directory (default: ../shared from the repository root)
  --record FILE   the recorded figures (default: Scripts/label-scores.json)
  --check         exit 1, naming it, when a figure fell below its record
                  (for headings_without_key and html_left: rose above it)
  --write-record  store the current figures in the record file (rounded so a rerun passes)
  --labels DIR    score the files of DIR (same base names as the labels) instead
  --ext EXT       with this extension (default txt): pdf, docx, html
  --details       per label: doses not found next to the parser's doses, false positives,
                  field mismatches, heading and name mismatches; then headings without a key
                  and HTML left over all labels

Decisions where the README leaves room (also in the record file's "about"):
  - the dose fields (population, route, frequency) are scored over the numbered statements only
    (a statement with no number or unit can never be found, so it is not scored);
  - precision leaves out parser doses with no number or no unit, for the same reason;
  - a parser dose may match several statements; a dose whose `maximum` matches a `maximum`
    statement counts once, as a match of the dose;
  - a `maximum` with no unit or per of its own takes those of its dose;
  - a heading-less section (text before the first heading) is not a heading.
"""
import argparse
import json
import math
import os
import re
import subprocess
import sys
import unicodedata
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Figure name → (label for output, higher is better)
FIGURES = {
    "heading_f1": ("heading F1", True),
    "heading_precision": ("heading precision", True),
    "heading_recall": ("heading recall", True),
    "headings_without_key": ("headings without a catalogue key (share)", False),
    "dose_recall": ("dose recall", True),
    "dose_precision": ("dose precision", True),
    "generic_name": ("genericName (share of the 40)", True),
    "population": ("population", True),
    "route": ("route", True),
    "frequency": ("frequency", True),
    "html_left": ("html left (count)", False),
}

TARGETS = [
    ("heading_f1", ">=", 0.99, "heading F1 ≥ 0.99"),
    ("headings_without_key", "<=", 0.01, "headings without a catalogue key ≤ 1%"),
    ("dose_recall", ">=", 0.95, "dose recall ≥ 0.95"),
    ("dose_precision", ">=", 0.95, "dose precision ≥ 0.95"),
    ("generic_name", ">=", 1.0, "genericName 40/40"),
    ("population", ">=", 0.90, "population ≥ 0.90"),
    ("route", ">=", 0.90, "route ≥ 0.90"),
    ("frequency", ">=", 0.90, "frequency ≥ 0.90"),
    ("html_left", "<=", 0, "html left = 0"),
]

ABOUT = ("Figures of Scripts/score-labels.py against ../shared/labels-dev/expect (README 'How a parse "
         "is scored'). --check fails when a figure falls below its record (headings_without_key and "
         "html_left: rises above it); raise a record with --write-record once the parser improves.")


# ---------------------------------------------------------------------------------------------
# Folding

WS = re.compile(r"\s+")


def nfkc_nows(s):
    """NFKC with all white space removed (population, frequency, route)."""
    if s is None:
        return None
    return WS.sub("", unicodedata.normalize("NFKC", str(s)))


def fold(s):
    """Headings, names and drugs: NFKC, white space and a trailing colon removed, case-folded."""
    if s is None:
        return ""
    t = nfkc_nows(s).rstrip(":：")   # NFKC already makes ： a ':'
    return t.casefold()


ROUTE_RULES = [  # README item 9, applied to both sides; a route containing the word becomes the value
    (("冲服",), "口服"),
    (("涂搽", "外涂", "贴于患处", "吹敷"), "外用"),
    (("瘤灶内", "疣体基底部注射"), "病灶注射"),
]


def norm_route(s):
    t = nfkc_nows(s)
    if not t:
        return t
    for words, value in ROUTE_RULES:
        if any(w in t for w in words):
            return value
    return t


# ---------------------------------------------------------------------------------------------
# Units and amounts

UNIT_CLASS = {
    "mg": "mg", "毫克": "mg",
    "g": "g", "克": "g",
    "μg": "μg", "ug": "μg", "mcg": "μg", "微克": "μg",   # NFKC turns µ (micro sign) into μ
    "ml": "mL", "毫升": "mL",
    "iu": "IU", "单位": "IU", "u": "IU", "国际单位": "IU",
    "片": "tablet", "tablet": "tablet",
    "粒": "capsule", "capsule": "capsule",
    "袋": "bag", "bag": "bag",
    "支": "vial", "vial": "vial",
    "丸": "pill", "pill": "pill",
    "滴": "drop", "drop": "drop",
    "ng": "ng", "纳克": "ng",
    "l": "L", "升": "L",
}
TEN_THOUSAND = {"万iu", "万单位", "万u", "万国际单位"}
LOST_SUPERSCRIPT = {"106iu"}          # expected side only: ×10⁶ IU whose superscript was lost


def unit_key(u):
    if u is None:
        return None
    t = fold(u)
    return t or None


def unit_class(u, expected):
    """(class, factor) for a unit as written or as a code; None when there is none."""
    t = unit_key(u)
    if t is None:
        return None
    if t in TEN_THOUSAND:
        return ("IU", 1e4)
    if expected and t in LOST_SUPERSCRIPT:
        return ("IU", 1e6)
    return (UNIT_CLASS.get(t, t), 1.0)


def parser_unit_class(unit, unit_text):
    """The parser's unit: its code, else what it wrote."""
    c = unit_class(unit, expected=False)
    if c is None:
        c = unit_class(unit_text, expected=False)
    return c


def num(x):
    if isinstance(x, bool) or x is None:
        return None
    if isinstance(x, (int, float)):
        return float(x)
    if isinstance(x, str):
        try:
            return float(unicodedata.normalize("NFKC", x).replace(",", ""))
        except ValueError:
            return None
    return None


def expected_amount(a):
    """(low, high) of an expected amount: a number or [low, high]."""
    if isinstance(a, list):
        if len(a) == 2 and num(a[0]) is not None and num(a[1]) is not None:
            return (num(a[0]), num(a[1]))
        return None
    v = num(a)
    return None if v is None else (v, v)


def parser_amount(a):
    """(low, high) of a parser amount: {"value": n} or {"low": n, "high": n}; a bare number too."""
    if a is None:
        return None
    if not isinstance(a, dict):
        v = num(a)
        return None if v is None else (v, v)
    v = num(a.get("value"))
    if v is not None:
        return (v, v)
    lo, hi = num(a.get("low")), num(a.get("high"))
    if lo is not None and hi is not None:
        return (lo, hi)
    return None


def close(a, b):
    if a == b:
        return True
    return abs(a - b) <= 1e-9 * max(abs(a), abs(b))


def same_amount(e, p):
    return e is not None and p is not None and close(e[0], p[0]) and close(e[1], p[1])


PER_NORM = {"kg": "kg", "千克": "kg", "公斤": "kg", "千克体重": "kg", "kg体重": "kg",
            "m2": "m2", "平方米": "m2", "m^2": "m2"}


def norm_per(p):
    if p is None:
        return None
    t = fold(p)
    return PER_NORM.get(t, t)


def fmt_num(v):
    if v is None:
        return "?"
    if float(v).is_integer():
        return f"{int(v)}"
    return repr(float(v))


def fmt_range(r):
    if r is None:
        return "—"
    return fmt_num(r[0]) if r[0] == r[1] else f"{fmt_num(r[0])}–{fmt_num(r[1])}"


def fmt_count(n):
    return f"{n:,}"


# ---------------------------------------------------------------------------------------------
# Expected statements and parser doses

class Expected:
    def __init__(self, d, index):
        self.d = d
        self.index = index
        self.text = d.get("text")
        self.drug = fold(d.get("drug"))
        self.unit_written = d.get("unit")
        self.uc = unit_class(d.get("unit"), expected=True)
        amount = expected_amount(d.get("amount"))
        self.amount_written = amount
        self.amount = None if amount is None or self.uc is None else (amount[0] * self.uc[1], amount[1] * self.uc[1])
        self.per = norm_per(d.get("per"))
        self.maximum = d.get("qualifier") == "maximum"
        self.scored = self.amount is not None and self.uc is not None

    def describe(self):
        d = self.d
        amt = d.get("amount")
        amt_s = fmt_range(self.amount_written) if self.amount_written else str(amt)
        s = f"{amt_s} {d.get('unit')}"
        if self.uc and self.uc[1] != 1.0:
            s += f" (= {fmt_range(self.amount)} {self.uc[0]})"
        if d.get("per"):
            s += f" /{d.get('per')}"
            if d.get("per_time"):
                s += f"/{d.get('per_time')}"
        extra = []
        if d.get("qualifier"):
            extra.append(d["qualifier"])
        if d.get("kind"):
            extra.append(d["kind"])
        out = f"{s}  drug {d.get('drug')}"
        if extra:
            out += "  [" + ", ".join(extra) + "]"
        return out


class ParserDose:
    def __init__(self, d, index):
        self.d = d if isinstance(d, dict) else {}
        d = self.d
        self.index = index
        self.drug = fold(d.get("drug"))
        self.amount = parser_amount(d.get("amount"))
        self.uc = parser_unit_class(d.get("unit"), d.get("unitText"))
        self.per = norm_per(d.get("per"))
        self.scored = self.amount is not None and self.uc is not None
        m = d.get("maximum")
        self.max_amount = self.max_uc = self.max_per = None
        if isinstance(m, dict):
            self.max_amount = parser_amount(m.get("amount"))
            self.max_uc = parser_unit_class(m.get("unit"), m.get("unitText")) or self.uc
            self.max_per = norm_per(m.get("per")) if m.get("per") is not None else self.per
        self.matches = []   # indices of expected statements this dose matches

    def line(self):
        span = self.d.get("span") or {}
        return span.get("startLine") if isinstance(span, dict) else None

    def describe(self):
        d = self.d
        unit = d.get("unit") or d.get("unitText")
        s = f"{fmt_range(self.amount) if self.amount else 'no amount'} {unit}"
        if d.get("unitText") and d.get("unit") and d.get("unitText") != d.get("unit"):
            s += f" ({d.get('unitText')})"
        if d.get("per"):
            s += f" /{d.get('per')}"
            if d.get("perTime"):
                s += f"/{d.get('perTime')}"
        parts = [f"L{self.line() or '?'}", str(d.get("drug")), s]
        for k in ("qualifier", "kind"):
            if d.get(k):
                parts.append(f"[{d.get(k)}]")
        alt = d.get("alternative")
        if isinstance(alt, dict):
            parts.append(f"alt {fmt_range(parser_amount(alt.get('amount')))} {alt.get('unit') or alt.get('unitText')}")
        m = d.get("maximum")
        if isinstance(m, dict):
            mu = m.get("unit") or ""
            mp = f"/{m.get('per')}" if m.get("per") else ""
            parts.append(f"max {fmt_range(parser_amount(m.get('amount')))} {mu}{mp}")
        return "  ".join(parts)

    def fields(self):
        d = self.d
        return f"route={d.get('route')} freq={d.get('frequency')} pop={d.get('population')}"


def matches_direct(e, p):
    if not e.scored or not p.scored:
        return False
    if not e.drug or not p.drug or not (e.drug in p.drug or p.drug in e.drug):
        return False
    if p.uc[0] != e.uc[0] or not same_amount(e.amount, (p.amount[0] * p.uc[1], p.amount[1] * p.uc[1])):
        return False
    if e.per in ("kg", "m2") and p.per != e.per:
        return False
    return True


def matches_maximum(e, p):
    if not e.scored or not e.maximum or p.max_amount is None or p.max_uc is None:
        return False
    if not e.drug or not p.drug or not (e.drug in p.drug or p.drug in e.drug):
        return False
    amt = (p.max_amount[0] * p.max_uc[1], p.max_amount[1] * p.max_uc[1])
    if p.max_uc[0] != e.uc[0] or not same_amount(e.amount, amt):
        return False
    if e.per in ("kg", "m2") and p.max_per != e.per:
        return False
    return True


def differences(e, p):
    """What keeps parser dose p from matching statement e (for --details)."""
    out = []
    if not e.drug or not p.drug or not (e.drug in p.drug or p.drug in e.drug):
        out.append(f"drug {p.d.get('drug')!r}")
    if p.uc is None or p.uc[0] != e.uc[0]:
        out.append(f"unit {p.d.get('unit') or p.d.get('unitText')!r}")
    if p.amount is None or p.uc is None or not same_amount(e.amount, (p.amount[0] * p.uc[1], p.amount[1] * p.uc[1])):
        out.append(f"amount {fmt_range(p.amount)}")
    if e.per in ("kg", "m2") and p.per != e.per:
        out.append(f"per {p.d.get('per')!r}")
    return out


def near(e, pds):
    """Parser doses that nearly match e: the same number (as written or scaled) with at most two
    differences, or one difference that is not the amount, or only the amount in the same words."""
    res = []
    for p in pds:
        diff = differences(e, p)
        same_number = p.amount is not None and e.amount_written is not None and (
            same_amount(e.amount_written, p.amount) or same_amount(e.amount, p.amount))
        pt, et = fold(p.d.get("text")), fold(e.text)
        same_text = bool(pt) and bool(et) and (pt in et or et in pt)
        amount_only = len(diff) == 1 and diff[0].startswith("amount")
        if (len(diff) == 1 and (not amount_only or same_text)) or (same_number and len(diff) <= 2):
            res.append((p, diff))
    return res


def candidate_rank(e, p, how):
    """Among the parser doses that match e: most fields right, then (ties only, for --details)
    the same qualifier, the same kind, overlapping text, a match as a dose rather than a maximum."""
    fields = sum(field_right(e, p, f) for f, _, _ in FIELDS)
    qualifier = "maximum" if how == "maximum" else p.d.get("qualifier")
    pt, et = fold(p.d.get("text")), fold(e.text)
    overlap = bool(pt) and bool(et) and (pt in et or et in pt)
    return (fields, qualifier == e.d.get("qualifier"), p.d.get("kind") == e.d.get("kind"), overlap, how == "dose")


FIELDS = [("population", "population", nfkc_nows), ("route", "route", norm_route), ("frequency", "frequency", nfkc_nows)]


def field_right(e, p, name):
    for fname, pkey, norm in FIELDS:
        if fname == name:
            want = norm(e.d.get(fname))
            got = norm(p.d.get(pkey)) if p is not None else None
            return want == got
    raise KeyError(name)


# ---------------------------------------------------------------------------------------------
# Headings

def lcs_pairs(a, b):
    n, m = len(a), len(b)
    t = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            t[i][j] = t[i + 1][j + 1] + 1 if a[i] == b[j] else max(t[i + 1][j], t[i][j + 1])
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        if a[i] == b[j]:
            pairs.append((i, j)); i += 1; j += 1
        elif t[i + 1][j] >= t[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs


def parser_headings(doc):
    out = []
    for s in (doc or {}).get("sections") or []:
        if isinstance(s, dict) and s.get("heading") not in (None, ""):
            out.append(s)
    return out


# ---------------------------------------------------------------------------------------------
# HTML left

HTML_TAG = re.compile(r"<\s*/?\s*(?:br|p|div|span|sub|sup|font|b|strong|table|tr|td)\b[^<>]*>", re.I)
HTML_ENTITY = re.compile(r"&(?:[a-zA-Z][a-zA-Z0-9]*|#\d+|#[xX][0-9a-fA-F]+);")


def html_hit(s):
    if not isinstance(s, str):
        return None
    m = HTML_TAG.search(s) or HTML_ENTITY.search(s)
    return m.group(0) if m else None


def strings_in(x, path):
    if isinstance(x, str):
        yield path, x
    elif isinstance(x, dict):
        for k, v in x.items():
            yield from strings_in(v, f"{path}.{k}")
    elif isinstance(x, list):
        for i, v in enumerate(x):
            yield from strings_in(v, f"{path}[{i}]")


def html_places(doc):
    """(where, hit, excerpt) for each string of the output that still holds HTML."""
    found = []

    def check(where, s):
        h = html_hit(s)
        if h:
            i = s.find(h)
            found.append((where, h, s[max(0, i - 20): i + len(h) + 20].replace("\n", "⏎")))

    if not doc:
        return found
    check("title", doc.get("title"))
    for where, s in strings_in(doc.get("metadata") or {}, "metadata"):
        check(where, s)

    def sections(ss, path):
        for i, s in enumerate(ss or []):
            if not isinstance(s, dict):
                continue
            p = f"{path}[{i}]"
            check(f"{p}.heading", s.get("heading"))
            check(f"{p}.text", s.get("text"))
            sections(s.get("subsections"), f"{p}.subsections")

    sections(doc.get("sections"), "sections")
    for i, d in enumerate(doc.get("doses") or []):
        if isinstance(d, dict):
            for where, s in strings_in(d, f"doses[{i}]"):
                if not where.endswith(".section"):
                    check(where, s)
    return found


# ---------------------------------------------------------------------------------------------
# Running the parser

def run_parser(binary, files):
    try:
        proc = subprocess.run([binary, "parse", *files, "--format", "json"],
                              capture_output=True, text=True, timeout=1800)
    except FileNotFoundError:
        sys.exit(f"score-labels: {binary} not found")
    except subprocess.TimeoutExpired:
        sys.exit(f"score-labels: {binary} parse took over 30 minutes")
    out = proc.stdout.strip()
    objs = []
    if out:
        try:
            v = json.loads(out)
            objs = v if isinstance(v, list) else [v]
        except json.JSONDecodeError:
            dec, i = json.JSONDecoder(), 0   # one object after another, as a fallback
            try:
                while i < len(out):
                    v, i = dec.raw_decode(out, i)
                    objs.extend(v if isinstance(v, list) else [v])
                    while i < len(out) and out[i].isspace():
                        i += 1
            except json.JSONDecodeError as err:
                sys.exit(f"score-labels: the output of {binary} parse is not JSON: {err}\n{proc.stderr[-2000:]}")
    errors = {}
    for line in proc.stderr.splitlines():
        m = re.match(r"druglabel: error: (.+?): (.*)$", line)
        if m:
            errors[os.path.basename(m.group(1))] = m.group(2)
    if proc.returncode != 0 and not errors and not objs:
        sys.exit(f"score-labels: {binary} parse failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    by_real, by_base = {}, {}
    for o in objs:
        if not isinstance(o, dict):
            continue
        p = (o.get("source") or {}).get("path")
        if not p:
            continue
        by_real[os.path.realpath(p)] = o
        by_base.setdefault(os.path.basename(p), o)
    docs = {}
    for f in files:
        docs[f] = by_real.get(os.path.realpath(f)) or by_base.get(os.path.basename(f))
    return docs, errors, proc.returncode


# ---------------------------------------------------------------------------------------------
# Scoring

def score(shared_dev, binary, labels_dir=None, ext="txt"):
    labels_dir = labels_dir or os.path.join(shared_dev, "labels")
    expect_dir = os.path.join(shared_dev, "expect")
    suffix = "." + ext
    names = sorted(f[:-len(suffix)] for f in os.listdir(labels_dir) if f.endswith(suffix))
    files = [os.path.join(labels_dir, n + suffix) for n in names]
    docs, errors, rc = run_parser(binary, files)
    docs = {n: docs[f] for n, f in zip(names, files)}

    expects = {}
    for f in sorted(os.listdir(expect_dir)):
        if f.endswith(".json"):
            with open(os.path.join(expect_dir, f), encoding="utf-8") as fh:
                expects[f[:-5]] = json.load(fh)

    r = {"names": names, "errors": errors, "rc": rc, "labels": {}, "missing_docs": [n for n in names if docs[n] is None],
         "suffix": suffix}

    # Over all labels: headings without a key, HTML left.
    nokey_total = nokey = 0
    nokey_list = []
    html = []
    for n in names:
        doc = docs[n]
        for s in parser_headings(doc):
            nokey_total += 1
            if s.get("key") is None:
                nokey += 1
                nokey_list.append((n, s.get("heading")))
        for where, hit, excerpt in html_places(doc):
            html.append((n, where, hit, excerpt))

    h_match = h_exp = h_got = 0
    found = scored = 0
    p_scored = p_matched = p_unscored = 0
    field_right_n = {f: 0 for f, _, _ in FIELDS}
    field_total = {f: 0 for f, _, _ in FIELDS}
    names_right = 0
    for n, ex in expects.items():
        if n not in docs:
            print(f"warning: expect/{n}.json has no label {n}.txt", file=sys.stderr)
            continue
        doc = docs[n] or {}
        lab = {"doc": docs[n]}
        # headings
        exp_h = [fold(h) for h in ex.get("sections") or []]
        got_sections = parser_headings(doc)
        got_h = [fold(s.get("heading")) for s in got_sections]
        pairs = lcs_pairs(exp_h, got_h)
        h_match += len(pairs); h_exp += len(exp_h); h_got += len(got_h)
        mi = {i for i, _ in pairs}; mj = {j for _, j in pairs}
        lab["headings_missing"] = [ex["sections"][i] for i in range(len(exp_h)) if i not in mi]
        lab["headings_extra"] = [got_sections[j].get("heading") for j in range(len(got_h)) if j not in mj]
        lab["headings"] = (len(pairs), len(exp_h), len(got_h))
        # name
        gn = (doc.get("metadata") or {}).get("genericName")
        lab["name"] = (ex.get("generic_name"), gn, fold(gn) == fold(ex.get("generic_name")))
        names_right += lab["name"][2]
        # doses
        exps = [Expected(d, i) for i, d in enumerate(ex.get("doses") or [])]
        pds = [ParserDose(d, i) for i, d in enumerate(doc.get("doses") or [])]
        verdicts = []
        for e in exps:
            if not e.scored:
                continue
            scored += 1
            cands = []
            for p in pds:
                if matches_direct(e, p):
                    cands.append((p, "dose"))
                elif matches_maximum(e, p):
                    cands.append((p, "maximum"))
            for p, _ in cands:
                p.matches.append(e.index)
            best = None
            if cands:
                found += 1
                best = max(cands, key=lambda c: candidate_rank(e, *c))
            wrong = []
            for f, _, _ in FIELDS:
                if e.d.get(f) is None:
                    continue
                field_total[f] += 1
                if best is not None and field_right(e, best[0], f):
                    field_right_n[f] += 1
                elif best is not None:
                    wrong.append((f, e.d.get(f), best[0].d.get(f)))
            verdicts.append((e, best, wrong))
        for p in pds:
            if p.scored:
                p_scored += 1
                p_matched += bool(p.matches)
            else:
                p_unscored += 1
        lab["verdicts"] = verdicts
        lab["pds"] = pds
        lab["unscored_expected"] = [e for e in exps if not e.scored]
        r["labels"][n] = lab

    def ratio(a, b):
        return a / b if b else 0.0

    hp, hr = ratio(h_match, h_got), ratio(h_match, h_exp)
    fig = {
        "heading_f1": ratio(2 * hp * hr, hp + hr),
        "heading_precision": hp,
        "heading_recall": hr,
        "headings_without_key": ratio(nokey, nokey_total),
        "dose_recall": ratio(found, scored),
        "dose_precision": ratio(p_matched, p_scored),
        "generic_name": ratio(names_right, len(r["labels"])),
        "population": ratio(field_right_n["population"], field_total["population"]),
        "route": ratio(field_right_n["route"], field_total["route"]),
        "frequency": ratio(field_right_n["frequency"], field_total["frequency"]),
        "html_left": len(html),
    }
    r.update(fig=fig, counts=dict(
        h_match=h_match, h_exp=h_exp, h_got=h_got, nokey=nokey, nokey_total=nokey_total,
        found=found, scored=scored, p_matched=p_matched, p_scored=p_scored, p_unscored=p_unscored,
        names_right=names_right, n_expect=len(r["labels"]), field_right=field_right_n, field_total=field_total,
        n_labels=len(names)), html=html, nokey_list=nokey_list)
    return r


# ---------------------------------------------------------------------------------------------
# Output

def print_figures(r):
    f, c = r["fig"], r["counts"]
    n = c["n_labels"]
    if r["missing_docs"]:
        print(f"parse failed for {len(r['missing_docs'])} of {n} labels (counted as empty): "
              + ", ".join(r["missing_docs"][:10]) + (" …" if len(r["missing_docs"]) > 10 else ""))
    print(f"heading F1 {f['heading_f1']:.4f} (P {f['heading_precision']:.4f} R {f['heading_recall']:.4f}, "
          f"{fmt_count(c['h_match'])} matched of {fmt_count(c['h_exp'])} expected and {fmt_count(c['h_got'])} parsed)")
    print(f"headings without a catalogue key {100 * f['headings_without_key']:.1f}% "
          f"({fmt_count(c['nokey'])} of {fmt_count(c['nokey_total'])}, all {n} labels)")
    print(f"dose recall {f['dose_recall']:.4f} ({c['found']} of {c['scored']} numbered statements)")
    print(f"dose precision {f['dose_precision']:.4f} ({c['p_matched']} of {c['p_scored']} parser doses in the "
          f"{c['n_expect']} read labels match a statement; {c['p_unscored']} with no number or unit not scored)")
    print(f"genericName {c['names_right']}/{c['n_expect']}")
    for k in ("population", "route", "frequency"):
        print(f"{k} {f[k]:.4f} ({c['field_right'][k]} of {c['field_total'][k]} numbered statements that state it)")
    print(f"html left: {f['html_left']} (tags or named entities in headings/section text/metadata/dose text over {n} labels)")
    print("targets:")
    for key, op, value, label in TARGETS:
        v = f[key]
        ok = v >= value if op == ">=" else v <= value
        print(f"  {'met    ' if ok else 'not met'}  {label}")


def print_details(r):
    print()
    print("=" * 100)
    print("DETAILS (read labels: doses, headings, names; then all labels: headings without a key, HTML left)")
    for n, lab in r["labels"].items():
        doc = lab["doc"]
        verdicts, pds = lab["verdicts"], lab["pds"]
        nf = [v for v in verdicts if v[1] is None]
        fw = [v for v in verdicts if v[1] is not None and v[2]]
        fps = [p for p in pds if p.scored and not p.matches]
        hm, he, hg = lab["headings"]
        ename, gname, name_ok = lab["name"]
        clean = not nf and not fw and not fps and hm == he == hg and name_ok and doc is not None
        print()
        print("-" * 100)
        status = "all right" if clean else ""
        print(f"{n}   doses {len(verdicts) - len(nf)}/{len(verdicts)} found, parser {len(pds)} "
              f"({len(fps)} false positive{'s' if len(fps) != 1 else ''}); headings {hm}/{he} "
              f"(parsed {hg}); name {'ok' if name_ok else 'WRONG'}   {status}")
        if doc is None:
            print(f"  PARSE FAILED: {r['errors'].get(n + r['suffix'], 'no object in the output')}")
        if not name_ok:
            print(f"  name: expected {ename!r}, parser {gname!r}")
        if lab["headings_missing"]:
            print("  headings expected, not parsed: " + " | ".join(lab["headings_missing"]))
        if lab["headings_extra"]:
            print("  headings parsed, not expected: " + " | ".join(str(h) for h in lab["headings_extra"]))
        if nf:
            print("  expected doses NOT FOUND:")
            for e, _, _ in nf:
                print(f"    #{e.index:<2} {e.describe()}")
                print(f"        “{e.text}”")
                for p, diff in near(e, pds):
                    print(f"        near: L{p.line() or '?'} {fmt_range(p.amount)} {p.d.get('unit') or p.d.get('unitText')}"
                          f" — differs in {', '.join(diff)}")
        if fw:
            print("  found, but a field differs (expected → parser):")
            for e, best, wrong in fw:
                p = best[0]
                ws = "; ".join(f"{f}: {want!r} → {got!r}" for f, want, got in wrong)
                print(f"    #{e.index:<2} {fmt_range(e.amount_written)} {e.unit_written}  ({ws})   parser L{p.line() or '?'}")
        if nf or fps or fw:
            print(f"  parser doses of this label ({len(pds)}):  ✓ matches #k   ✗ false positive   · no number/unit")
            for p in pds:
                if not p.scored:
                    mark = "·    "
                elif p.matches:
                    mark = "✓ " + ",".join(f"#{i}" for i in sorted(set(p.matches)))
                    mark = mark.ljust(5)
                else:
                    mark = "✗    "
                print(f"    {mark} {p.describe()}")
                print(f"          {p.fields()}   “{p.d.get('text')}”")
    print()
    print("=" * 100)
    nk = r["nokey_list"]
    print(f"headings without a catalogue key ({len(nk)}, all {r['counts']['n_labels']} labels):")
    byh = {}
    for n, h in nk:
        byh.setdefault(fold(h), []).append(n)
    for h, ns in sorted(byh.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        print(f"  {len(ns):>3}  {h}   ({', '.join(x.split('_')[0] for x in ns[:12])}{' …' if len(ns) > 12 else ''})")
    print()
    print(f"HTML left ({len(r['html'])}):")
    for n, where, hit, excerpt in r["html"][:300]:
        print(f"  {n}  {where}  {hit}   …{excerpt}…")
    if len(r["html"]) > 300:
        print(f"  … and {len(r['html']) - 300} more")


# ---------------------------------------------------------------------------------------------
# Record

def rounded(key, v):
    if key == "html_left":
        return int(v)
    higher = FIGURES[key][1]
    d = Decimal(repr(float(v))).quantize(Decimal("0.001"), rounding=ROUND_FLOOR if higher else ROUND_CEILING)
    return float(d)


def check(fig, record_path):
    try:
        with open(record_path, encoding="utf-8") as fh:
            rec = json.load(fh)
    except FileNotFoundError:
        print(f"check: no record file {record_path}")
        return False
    fell = []
    print(f"check against {os.path.relpath(record_path, REPO)}:")
    for key, (label, higher) in FIGURES.items():
        if key not in rec:
            print(f"  {key}: no record")
            continue
        want, got = rec[key], fig[key]
        bad = got < want if higher else got > want
        if bad:
            fell.append(key)
        print(f"  {'FELL' if bad else 'ok  '}  {key} {got:.4f} (record {want})" if key != "html_left"
              else f"  {'FELL' if bad else 'ok  '}  {key} {got} (record {want})")
    if fell:
        print("figures worse than their record: " + ", ".join(fell))
        return False
    return True


def write_record(fig, record_path):
    rec = {"about": ABOUT}
    for key in FIGURES:
        rec[key] = rounded(key, fig[key])
    with open(record_path, "w", encoding="utf-8") as fh:
        json.dump(rec, fh, ensure_ascii=False, indent=2)
        fh.write("\n")
    print(f"wrote {os.path.relpath(record_path, REPO)}")


def main():
    ap = argparse.ArgumentParser(description="Score druglabel against ../shared/labels-dev/expect.")
    ap.add_argument("bin")
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(REPO), "shared"))
    ap.add_argument("--record", default=os.path.join(REPO, "Scripts", "label-scores.json"))
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--write-record", action="store_true")
    ap.add_argument("--details", action="store_true")
    ap.add_argument("--labels", help="score these files instead of ../shared/labels-dev/labels "
                    "(the same base names, for example the labels made into PDFs by "
                    "Scripts/check-label-formats.py --keep DIR)")
    ap.add_argument("--ext", default="txt", help="the extension of the files scored (default txt)")
    a = ap.parse_args()

    dev = os.path.join(a.shared, "labels-dev")
    if not os.path.isdir(os.path.join(dev, "expect")):
        print("skipped: ../shared/labels-dev is not there")
        return 0
    r = score(dev, os.path.abspath(a.bin) if os.sep in a.bin else a.bin, a.labels, a.ext)
    print_figures(r)
    if a.details:
        print_details(r)
    ok = True
    if a.check:
        ok = check(r["fig"], a.record)
    if a.write_record:
        write_record(r["fig"], a.record)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
