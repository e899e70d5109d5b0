#!/usr/bin/env python3
"""The real labels of ../shared/labels-dev as people receive them: a web page, a .docx, a PDF.

Each label's text is written as a web page (its lines as <p>, inside a page with navigation);
LibreOffice turns the pages into .docx files and those into PDFs (A4, Noto CJK, lines wrapped by
the typesetter, a quarter-em gap between Chinese and Latin). Then `druglabel parse` reads every
form, and each must give what the text gives:
  - the same sections: catalogue key and heading (NFKC, white space removed), in order;
  - the same section text (NFKC, white space removed): reported, and a failure;
  - the same doses: drug, amount, unit, per, route, frequency, population, qualifier (as a
    multiset; strings NFKC with white space removed, since a PDF's text spaces Han from Latin).
A second PDF is set harder: justified, 15 pt, no space between paragraphs (so a paragraph's end
shows only as a short line, and justified Chinese comes out of poppler as `严 重 高 血 压`). Its
differences are printed but do not fail the run: where a paragraph ends on a full line, or a
line ends a sentence early, no reader can tell the paragraphs apart, and a dose's context
(who it is for) may then differ from the text's.
Line numbers and spans differ by nature (a PDF's lines are its printed lines) and are not
compared. The labels have no licence: the documents are made in a temporary folder, never kept.

usage: check-label-formats.py BIN [--shared DIR] [--keep DIR] [--details]

Without LibreOffice (soffice) only the web pages are checked, and the script says so.
"""
import argparse
import collections
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def fold(s):
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s or ""))


JUSTIFIED = '<p style="text-align:justify;font-size:15pt;margin:0">%s</p>'


def write_pages(labels, out, paragraph="<p>%s</p>"):
    names = []
    for f in sorted(os.listdir(labels)):
        if not f.endswith(".txt"):
            continue
        with open(os.path.join(labels, f), encoding="utf-8", errors="replace") as fh:
            raw = fh.read().replace("\r\n", "\n").replace("\r", "\n")
        lines = [l for l in re.split(r"<br\s*/?>|\n", raw) if l.strip()]
        body = "\n".join(paragraph % html.escape(l) for l in lines)
        page = ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>%s</title></head><body>\n'
                '<div class="nav"><a href="/">首页</a> | <a href="/drugs">药品库</a></div>\n'
                '<div class="content">\n%s\n</div></body></html>\n') % (html.escape(f[:-4]), body)
        with open(os.path.join(out, f[:-4] + ".html"), "w", encoding="utf-8") as fh:
            fh.write(page)
        names.append(f[:-4])
    return names


def convert(soffice, files, target, outdir, infilter=None):
    cmd = [soffice, "--headless"]
    if infilter:
        cmd.append("--infilter=" + infilter)
    cmd += ["--convert-to", target, "--outdir", outdir] + files
    # A profile of its own, so a LibreOffice already running for someone else is not asked.
    profile = tempfile.mkdtemp(prefix="lo-profile-")
    cmd.insert(1, "-env:UserInstallation=file://" + profile)
    try:
        subprocess.run(cmd, check=True, capture_output=True, timeout=1800)
    except subprocess.CalledProcessError as err:
        sys.exit("check-label-formats: LibreOffice failed (exit %d) converting to %s:\n%s"
                 % (err.returncode, target, (err.stderr or b"").decode("utf-8", "replace")[-2000:]))
    except subprocess.TimeoutExpired:
        sys.exit("check-label-formats: LibreOffice took over 30 minutes converting to %s" % target)
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def parse(binary, files):
    proc = subprocess.run([binary, "parse", *files, "--format", "json"], capture_output=True, text=True, timeout=1800)
    out = proc.stdout.strip()
    try:
        docs = json.loads(out) if out else []
    except json.JSONDecodeError as err:
        sys.exit("check-label-formats: %s parse gave no JSON (%s, exit %d):\n%s" % (binary, err, proc.returncode, proc.stderr[-2000:]))
    docs = docs if isinstance(docs, list) else [docs]
    by_name = {}
    for d in docs:
        p = (d.get("source") or {}).get("path", "")
        by_name[os.path.splitext(os.path.basename(p))[0]] = d
    errors = [l for l in proc.stderr.splitlines() if l.startswith("druglabel: error:")]
    return by_name, errors


def dose_key(d):
    return (fold(d.get("drug")), json.dumps(d.get("amount"), sort_keys=True), d.get("unit"), d.get("per"),
            d.get("route"), fold(d.get("frequency")), fold(d.get("population")), d.get("qualifier"))


def compare(text, other):
    """Differences of `other` from `text`, as lines."""
    out = []
    sa = [(s.get("key"), fold(s.get("heading"))) for s in text.get("sections", [])]
    sb = [(s.get("key"), fold(s.get("heading"))) for s in other.get("sections", [])]
    if sa != sb:
        out.append("sections %s ≠ %s" % (sb, sa))
    else:
        for x, y in zip(text["sections"], other["sections"]):
            if fold(x.get("text")) != fold(y.get("text")):
                a, b = fold(x.get("text")), fold(y.get("text"))
                k = next((i for i in range(min(len(a), len(b))) if a[i] != b[i]), min(len(a), len(b)))
                out.append("text of %s differs at %d: …%s… ≠ …%s…" % (x.get("key") or x.get("heading"), k, b[max(0, k - 15):k + 25], a[max(0, k - 15):k + 25]))
    da = collections.Counter(dose_key(d) for d in text.get("doses", []))
    db = collections.Counter(dose_key(d) for d in other.get("doses", []))
    for k in sorted((da - db).keys(), key=str):
        out.append("dose missing: %s" % (k,))
    for k in sorted((db - da).keys(), key=str):
        out.append("dose extra:   %s" % (k,))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("bin")
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(REPO), "shared"))
    ap.add_argument("--keep", help="write the documents here and keep them")
    ap.add_argument("--details", action="store_true", help="every difference, not the first five")
    a = ap.parse_args()
    labels = os.path.join(a.shared, "labels-dev", "labels")
    if not os.path.isdir(labels):
        print("skipped: ../shared/labels-dev is not there")
        return 0
    binary = os.path.abspath(a.bin) if os.sep in a.bin else a.bin
    work = a.keep or tempfile.mkdtemp(prefix="label-formats-")
    os.makedirs(work, exist_ok=True)
    try:
        dirs = {f: os.path.join(work, f) for f in ("html", "docx", "pdf", "justified-html", "justified-docx", "justified")}
        for d in dirs.values():
            os.makedirs(d, exist_ok=True)
        names = write_pages(labels, dirs["html"])
        formats = ["html"]
        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        if soffice:
            pages = [os.path.join(dirs["html"], n + ".html") for n in names]
            convert(soffice, pages, "docx:MS Word 2007 XML", dirs["docx"], infilter="HTML (StarWriter)")
            convert(soffice, [os.path.join(dirs["docx"], n + ".docx") for n in names], "pdf", dirs["pdf"])
            write_pages(labels, dirs["justified-html"], JUSTIFIED)
            convert(soffice, [os.path.join(dirs["justified-html"], n + ".html") for n in names], "docx:MS Word 2007 XML",
                    dirs["justified-docx"], infilter="HTML (StarWriter)")
            convert(soffice, [os.path.join(dirs["justified-docx"], n + ".docx") for n in names], "pdf", dirs["justified"])
            formats += ["docx", "pdf", "justified"]
        else:
            print("LibreOffice (soffice) is not installed: the .docx and PDF forms are not made; web pages only")
        texts, errors = parse(binary, [os.path.join(labels, n + ".txt") for n in names])
        ok = not errors
        for e in errors:
            print(e)
        for fmt in formats:
            ext = "pdf" if fmt == "justified" else fmt
            files = [os.path.join(dirs[fmt], n + "." + ext) for n in names]
            missing = [f for f in files if not os.path.exists(f)]
            docs, errs = parse(binary, [f for f in files if os.path.exists(f)])
            differing, sections, doses, shown = [], 0, 0, 0
            for n in names:
                if n not in texts:
                    continue
                if n not in docs:
                    differing.append((n, ["not read"]))
                    continue
                sections += len(docs[n].get("sections", []))
                doses += len(docs[n].get("doses", []))
                diff = compare(texts[n], docs[n])
                if diff:
                    differing.append((n, diff))
            print("%-4s %d labels: %d sections, %d doses; %d differ from the text%s%s%s" % (
                fmt, len(names), sections, doses, len(differing),
                "; %d not made" % len(missing) if missing else "", "; %d errors" % len(errs) if errs else "",
                " (PDF justified, paragraphs unspaced: reported, not failed)" if fmt == "justified" else ""))
            for e in errs:
                print("  " + e)
            for n, diff in differing:
                if not a.details and shown >= 5:
                    break
                shown += 1
                print("  %s:" % n)
                for line in diff[: None if a.details else 6]:
                    print("    " + line)
            ok = ok and (fmt == "justified" or not differing) and not errs and not missing
        return 0 if ok else 1
    finally:
        if not a.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
