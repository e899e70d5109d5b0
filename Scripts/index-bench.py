#!/usr/bin/env python3
"""Times `druglabel index` against a plain FTS5 trigram index of the same files' text.

usage: index-bench.py DRUGLABEL [--megabytes 60] [--rounds 3] [--work DIR]

Copies Corpus/ and ../shared/labels-dev/labels (when there) until about --megabytes, each copy
made unique (a line naming the copy is appended, so no two files share a hash and the indexer
skips none), then, --rounds times each, alternating: `druglabel index DIR --rebuild` (reading,
hashing, parsing on every core, writing every table), and the reference, one transaction
inserting each file's text into `fts5(text, tokenize='trigram')` through Python's sqlite3
(SQLite's C does the work; reading the files is timed too). Prints input MB per second of
wall time for both, and the median.
"""
import argparse
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)


def sources():
    folders = [os.path.join(root, "Corpus"), os.path.join(root, "..", "shared", "labels-dev", "labels")]
    files = []
    for folder in folders:
        if os.path.isdir(folder):
            files += sorted(os.path.join(folder, f) for f in os.listdir(folder) if f.endswith(".txt"))
    return [(f, open(f, "rb").read()) for f in files]


def make_corpus(work, megabytes):
    docs = os.path.join(work, "docs")
    shutil.rmtree(docs, ignore_errors=True)
    os.makedirs(docs)
    originals = sources()
    total, copy = 0, 0
    while total < megabytes * 1_000_000:
        folder = os.path.join(docs, f"copy{copy:04d}")
        os.makedirs(folder)
        for path, data in originals:
            # A line in the file's own encoding, so the copy decodes as the original does.
            enc = encoding(data)
            tail = f"\n本文件副本 {copy}\n".encode(enc)
            if enc.startswith("utf-16"):
                tail = tail[2:]  # no second BOM
            out = data + tail
            with open(os.path.join(folder, os.path.basename(path)), "wb") as f:
                f.write(out)
            total += len(out)
        copy += 1
    return docs, total


def encoding(data):
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return "utf-16"
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        return "gb18030"


def text_of(data):
    enc = encoding(data)
    return data.decode("utf-8-sig" if enc == "utf-8" else enc, "replace")


def reference(docs, db):
    if os.path.exists(db):
        os.remove(db)
    start = time.monotonic()
    con = sqlite3.connect(db)
    con.execute("CREATE VIRTUAL TABLE t USING fts5(path UNINDEXED, text, tokenize='trigram')")
    with con:
        for dirpath, _, names in os.walk(docs):
            for name in sorted(names):
                path = os.path.join(dirpath, name)
                with open(path, "rb") as f:
                    con.execute("INSERT INTO t VALUES (?, ?)", (path, text_of(f.read())))
    con.close()
    return time.monotonic() - start


def index(binary, docs, db):
    start = time.monotonic()
    subprocess.run([binary, "index", docs, "--rebuild", "--db", db], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.monotonic() - start


def main():
    p = argparse.ArgumentParser()
    p.add_argument("druglabel")
    p.add_argument("--megabytes", type=float, default=60)
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--work")
    a = p.parse_args()
    work = a.work or tempfile.mkdtemp(prefix="druglabel-index-bench-")
    docs, total = make_corpus(work, a.megabytes)
    files = sum(len(n) for _, _, n in os.walk(docs))
    mb = total / 1e6
    print(f"{files} files, {mb:.1f} MB")
    ours, theirs = [], []
    for r in range(a.rounds):
        ours.append(index(a.druglabel, docs, os.path.join(work, "index.sqlite")))
        theirs.append(reference(docs, os.path.join(work, "reference.sqlite")))
        print(f"round {r + 1}: druglabel index {mb / ours[-1]:.2f} MB/s ({ours[-1]:.1f} s), "
              f"FTS5 trigram reference {mb / theirs[-1]:.2f} MB/s ({theirs[-1]:.1f} s)")
    o, t = statistics.median(ours), statistics.median(theirs)
    print(f"median: druglabel index {mb / o:.2f} MB/s, FTS5 trigram reference {mb / t:.2f} MB/s "
          f"({'faster' if o < t else 'slower'}, {max(o, t) / min(o, t):.2f}x)")
    if not a.work:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
