#!/usr/bin/env python3
"""Makes the .docx, HTML and PDF fixtures of the seed label, and the table layout they hold.

Run by hand (not in CI), from the repository root, when the fixtures need making again:

    python3 Scripts/make-document-fixtures.py

It needs LibreOffice (Debian's libreoffice-writer-nogui) and fonts-noto-cjk for the PDFs, and
pdftoppm (poppler-utils) for the scanned PDF. Nothing else: the .docx is written as its XML
parts, by hand, so that every table cell, merge and superscript is exactly what the script says.

What it writes, to Tests/DrugLabelTests/Fixtures/documents/:
- axicabtagene-ciloleucel-label-2024.docx: the seed label (Corpus/axicabtagene-ciloleucel-
  label-2024.txt) as Word paragraphs, tables 1 to 7 as real Word tables (the system organ class
  of tables 1 and 2 a vertically merged column, the arms of the header merged across their
  columns, the cells that hold one value for several columns merged across them), powers of
  ten and footnote marks as superscript runs, a running header and page numbers in the header
  and footer parts.
- the same as .html (a drug site's page: navigation and a footer around the label) and as .pdf
  (LibreOffice's rendering of the .docx: the running header on every page).
- axicabtagene-ciloleucel-label-2024.layout.json: every table as written: its caption, and each
  cell with its row, column, spans and paragraphs. The tests check that each format gives it back.
- axicabtagene-ciloleucel-label-2024.borderless.pdf: the same PDF with tables 1, 3, 5 and 7 printed as three-line tables
  (a rule above, one under the header, one below) and tables 2, 4 and 6 with no rules at all.
- axicabtagene-ciloleucel-label-2024.borderless-narrow.pdf: the same again in a serif face at
  10.5 pt, with LibreOffice's narrower cell margins (0.1 cm), the values centred, and the table
  styles the other way round (1, 3, 5, 7 without rules; 2, 4, 6 three-line).
- layouts/*.pdf: small labels of the script's own words, their tables without borders, each a
  layout the borderless reader must not misread (a table on a two-column page, cells all of one
  width, prose set close under a table, a caption beside the header of the table before it).
- two-columns.pdf: a page of the label set in two columns; scanned.pdf: a page as an image only;
  legacy.doc: a Word 97 file.

Where the text version of the label scrambles a table (the prose cells of tables 3 and 4, the
OS rows of table 5 and the comparisons of table 7, which the text can only place from the left),
the cells below are read by hand from the text's lines; the other cells are the text's own.
"""
import html
import json
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "Corpus/axicabtagene-ciloleucel-label-2024.txt"
GOLDEN = ROOT / "Golden/axicabtagene-ciloleucel-label-2024.json"
OUT = ROOT / "Tests/DrugLabelTests/Fixtures/documents"
NAME = "axicabtagene-ciloleucel-label-2024"

# Page furniture of the text version (its PDF's page footers), not the label's text.
FURNITURE = re.compile(r"^第\s*\d+\s*页/共\s*\d+\s*页$")
SENTENCE_END = tuple("。；：！？")


def runs(text):
    """Text as runs: (text, 'sup' or None). Powers of ten and cubic/square units are raised."""
    out = []
    pattern = re.compile(r"(\d(?:\.\d+)?\s*[×x]\s*10)(\d)(?!\d)|(/mm)(3)(?!\d)|(/m)(2)(?![\d/])")
    at = 0
    for m in pattern.finditer(text):
        base = m.group(1) or m.group(3) or m.group(5)
        power = m.group(2) or m.group(4) or m.group(6)
        out.append((text[at:m.start()] + base, None))
        out.append((power, "sup"))
        at = m.end()
    out.append((text[at:], None))
    return [r for r in out if r[0]]


def paragraphs(lines):
    """The text version's wrapped lines joined into paragraphs: a line that ends a sentence, a
    short line, a heading or a list item ends one."""
    out = []
    current = None
    for raw in lines:
        line = raw.strip()
        if not line or FURNITURE.match(line):
            continue
        if line.startswith("\uf06c"):
            # The text's bullet glyph (a symbol font's private-use character): a list bullet.
            line = "• " + line[1:].strip()
        starts_block = line.startswith(("【", "•", "表", "注", "警告")) or re.match(r"^(\d+(\.\d+)*[.、](?!\d)|（\d+）|\d+\)|[a-z]\.)", line)
        if current is None or starts_block or current["end"]:
            if current:
                out.append(current["text"])
            current = {"text": line, "end": False}
        else:
            current["text"] += ("" if re.search(r"[\u4e00-\u9fff，、（）：；]$", current["text"]) else " ") + line
        width = sum(2 if ord(c) > 0x2E80 else 1 for c in line)
        current["end"] = line.startswith("警告") or line.endswith(SENTENCE_END) or width < 60 or line.startswith("【") and line.endswith("】")
    if current:
        out.append(current["text"])
    return out


NUMBER = r"(?:[-–]|NE|NA|[<≤>≥]?\d[\d.]*\+?%?)"
INTERVAL = rf"[（(\[]\s*{NUMBER}\s*[，,]\s*{NUMBER}\s*[）)\]]"
# Values at the end of a line (`疲劳 a - - 46 3`, `中位数c 8.3 [4.5, 15.8] 2.0 [1.6, 2.8]`), or a
# line of values only (`72`, `（62，81）`, `NE（NE，NE）`).
PAREN = rf"[（(]\s*{NUMBER}\s*[）)]"
VALUES_AT_END = re.compile(rf"(?:\s+{NUMBER}(?:\s*(?:{INTERVAL}|{PAREN}))?|\s*{INTERVAL})+\s*$")
VALUE_LINE = re.compile(rf"^(?:{NUMBER}(?:\s*{INTERVAL})?|{INTERVAL})(?:\s+(?:{NUMBER}(?:\s*{INTERVAL})?|{INTERVAL}))*$")
MARK = re.compile(r"(?<=[）)\]\u4e00-\u9fffA-Za-z%])\s?([a-z](?:,[a-z])*|#+)(?=（|\(|$)")


def written_label(lines, row):
    """A numeric row's label as the text writes it, one paragraph a line: the lines of the row
    up to its first value, each cut before the values it ends with (`疲劳 a - - 46 3`)."""
    out = []
    for n in range(row["span"]["startLine"], row["span"]["endLine"] + 1):
        line = lines[n - 1].strip()
        if not line:
            continue
        if VALUE_LINE.match(line):
            break
        m = VALUES_AT_END.search(line)
        label = line[:m.start()].strip() if m else line
        if label:
            out.append(label)
        if m:
            break
    return out


def marked(text):
    """A label's footnote marks raised (`缓解持续时间（DOR）a,b（月）`, `疲劳 a`)."""
    out, at = [], 0
    for m in MARK.finditer(text):
        out.append((text[at:m.start()], None))
        out.append((m.group(1), "sup"))
        at = m.end()
    out.append((text[at:], None))
    return [r for r in out if r[0]]


def cell(paragraphs_runs, row, column, row_span=1, column_span=1):
    return {"row": row, "column": column, "rowSpan": row_span, "columnSpan": column_span, "paragraphs": paragraphs_runs}


def plain(*texts):
    return [runs(t) for t in texts]


def numeric_table(table, stub_columns):
    """Header rows, then one row per body row; the system organ class a merged column when
    `stub_columns` is 2, else a group row across the table."""
    rows = []
    values = len(table["columns"])
    width = stub_columns + values
    arms = table["arms"]
    # Header row 1: the stub headers (merged down when a second header row follows) and the arms.
    has_arms = bool(arms)
    sub = [c[-1] for c in table["columns"]] if has_arms and len(table["columns"][0]) > 1 else None
    header_rows = 2 if sub else 1
    first = []
    stub = table["stub"] + [""] * (stub_columns - len(table["stub"]))
    for k in range(stub_columns):
        first.append(cell(plain(stub[k]) if stub[k] else [], 0, k, row_span=header_rows))
    if has_arms:
        for arm in arms:
            written = next(c[0] for i, c in enumerate(table["columns"]) if i == arm["columns"][0])
            paras = [[(written, None)] + ([(",".join(arm["footnotes"]), "sup")] if arm["footnotes"] else [])]
            first.append(cell(paras, 0, stub_columns + arm["columns"][0], column_span=len(arm["columns"])))
    else:
        for i, c in enumerate(table["columns"]):
            first.append(cell(plain(c[0]), 0, stub_columns + i))
    rows.append(first)
    if sub:
        rows.append([cell(plain(s), 1, stub_columns + i) for i, s in enumerate(sub)])
    group_start = {}
    for r in table["rows"]:
        index = len(rows)
        row = []
        if stub_columns == 2:
            if r["group"] not in group_start:
                group = next(g for g in table["groups"] if g["label"] == r["group"])
                paras = [[(group["label"], None)] + ([(",".join(group["footnotes"]), "sup")] if group["footnotes"] else [])]
                group_start[r["group"]] = cell(paras, index, 0)
                row.append(group_start[r["group"]])
            else:
                group_start[r["group"]]["rowSpan"] += 1
        elif r["group"] and r["group"] not in group_start:
            group = next(g for g in table["groups"] if g["label"] == r["group"])
            paras = [[(group["label"], None)] + ([(",".join(group["footnotes"]), "sup")] if group["footnotes"] else [])]
            group_start[r["group"]] = cell(paras, index, 0, column_span=width)
            rows.append([group_start[r["group"]]])
            index += 1
        label = written_label(LINES, r) or [r["label"]]
        row.append(cell([marked(p) for p in label], index, stub_columns - 1))
        for i, c in enumerate(r["cells"]):
            row.append(cell(plain(c["raw"]) if c["raw"] else [], index, stub_columns + i))
        rows.append(row)
    return rows, width, header_rows


def merge_across(rows, label, first_value_column, span):
    """The row with this label holds one value for `span` columns: one merged cell."""
    for row in rows:
        label_cells = [c for c in row if c["paragraphs"] and c["paragraphs"][0] and c["paragraphs"][0][0][0].startswith(label)]
        if not label_cells:
            continue
        values = [c for c in row if c["column"] >= first_value_column]
        keep = values[0]
        keep["columnSpan"] = span
        for c in values[1:span]:
            row.remove(c)
        return
    sys.exit(f"no row {label}")


def prose_table(columns, column_marks, grades):
    header = []
    for i, (name, marks) in enumerate(zip(columns, column_marks)):
        header.append(cell([[(name, None)] + ([(",".join(marks), "sup")] if marks else [])], 0, i))
    rows = [header]
    for r, (grade, cells) in enumerate(grades, start=1):
        row = []
        for k, paras in enumerate(cells):
            ps = [runs_with_marks(p) for p in paras]
            if k == 0:
                ps = [[(grade, None)]] + ps
            row.append(cell(ps, r, k))
        rows.append(row)
    return rows, len(columns), 1


def runs_with_marks(text):
    """`…器官毒性。^b`, `托珠单抗^c 8 mg/kg`: `^x` is a raised footnote mark."""
    out = []
    for k, piece in enumerate(re.split(r"\^([a-z](?:,[a-z])*)", text)):
        if k % 2:
            out.append((piece, "sup"))
        elif piece:
            out += runs(piece)
    return out


# Tables 3 and 4, read by hand from lines 1116-1306 and 1330-1486 of the text: which paragraph
# stands in which column. The text version runs some of them into the wrong cell.
TABLE3 = [
    ("1 级", [
        ["无危及生命的症状，仅需对症治疗（如发热、恶心、疲乏、头痛、肌肉痛、难受等）"],
        ["如果 24 小时后症状（例如发热）未改善，则考虑按 2 级处理。"],
        ["如果 3天后症状未改善，则静脉给予 1 剂地塞米松 10 mg。"],
    ]),
    ("2 级", [
        ["症状需要中等干预，并且干预后有缓解。", "需要吸氧，吸入氧浓度<40%，或低血压，补液治疗或低剂量应用一种血管加压药物后有缓解，或",
         "2 级器官毒性。^b"],
        ["静脉给予托珠单抗^c 8 mg/kg，给药时间不短于 1 小时（不超过800 mg）。",
         "如在首剂量后 CRS 的症状无临床改善，必要时每 8小时重复使用托珠单抗。", "24 小时内最多用 3 剂托珠单抗；总共不超过 4 剂。",
         "如果症状改善，则终止托珠单抗治疗。"],
        ["静脉给予地塞米松 10 mg，每日1 次。", "如果症状改善，则如上所述按 1级进行管理，并继续使用皮质类固醇，直至严重程度为 1级或以下，然后根据临床需要迅速逐渐减量。",
         "如果症状未改善，则按以下适当级别进行管理。"],
    ]),
    ("3 级", [
        ["症状需要强干预，并且干预后有缓解。", "需要吸氧，吸入氧浓度≥40%，或低血压，需要大剂量或多种血管加压药物，或",
         "3 级器官毒性或 4 级转氨酶升高。"],
        ["参照 2 级 CRS 进行处理。", "如果症状改善，按上述适当级别进行管理。"],
        ["静脉给予地塞米松 10 mg，每日3 次。", "如果症状改善，则按上述适当级别进行管理，并继续使用皮质类固醇，直至严重程度为 1级或以下，然后根据临床需要迅速逐渐减量。",
         "如果症状未改善，则按 4级CRS进行管理。"],
    ]),
    ("4 级", [
        ["危及生命的症状。", "需要呼吸机支持、连续性静脉-静脉血液透析（CVVHD）或", "4 级器官毒性（除外转氨酶升高）。"],
        ["参照 2 级 CRS 进行处理。", "如果症状改善，按上述适当级别进行管理。"],
        ["静脉给予甲泼尼龙 1000 mg，每日 1 次，持续 3 天。", "如果症状改善，则按上述适当级别进行管理，并继续使用皮质类固醇，直至严重程度为 1级或以下，然后根据临床需要逐渐减量。",
         "如果症状未改善，考虑甲泼尼龙 1000 mg，每日 2-3 次或替代治疗。^d"],
    ]),
]

IMPROVES = "如果症状改善，继续使用皮质类固醇，直至严重程度为 1 级或以下，然后根据临床需要迅速逐渐减量。"
IMPROVES_SLOW = "如果症状改善，则按上述适当级别进行管理，并继续使用皮质类固醇，直至严重程度为 1 级或以下，然后根据临床需要逐渐减量。"
TABLE4 = [
    ("1 级", [[],
              ["参照表 3 中托珠单抗给药治疗 1 级 CRS。", "此外，静脉给予 1 剂地塞米松 10 mg。", "如果 2 天后症状未改善，则重复静脉给予地塞米松 10 mg。"],
              ["静脉给予 1 剂地塞米松 10 mg。", "如果 2 天后症状未改善，则重复静脉给予地塞米松 10 mg。"]]),
    ("2 级", [[],
              ["参照表 3 中托珠单抗给药治疗 2 级 CRS。", "此外，静脉给予地塞米松 10 mg，每日 4 次。", IMPROVES, "如果症状未改善，则按以下适当级别进行管理。"],
              ["静脉给予地塞米松 10 mg，每日 4次。", IMPROVES, "如果症状未改善，则按以下适当级别进行管理。"]]),
    ("3 级", [[],
              ["参照表 3 中托珠单抗给药治疗 2 级 CRS。", "此外，静脉给予甲泼尼龙 1000 mg，每日 1次。", IMPROVES_SLOW, "如果症状未改善，则按 4 级进行治疗。"],
              ["静脉给予甲泼尼龙 1000 mg，每日 1次。", IMPROVES_SLOW, "如果症状未改善，则按 4 级进行治疗。"]]),
    ("4 级", [[],
              ["参照表 3 中托珠单抗给药治疗 2 级 CRS。", "此外，静脉给予甲泼尼龙 1000 mg，每日 2次。", IMPROVES_SLOW,
               "如果症状未改善，考虑静脉给予甲泼尼龙 1000 mg，每日 3 次或替代疗法^b。"],
              ["静脉给予甲泼尼龙 1000 mg，每日 2次。", IMPROVES_SLOW, "如果症状未改善，考虑静脉给予甲泼尼龙 1000 mg，每日 3 次或替代疗法^b。"]]),
]


def build_tables(golden):
    tables = {t["id"]: t for t in golden["tables"]}
    built = {}
    for tid in ("表 1", "表 2"):
        built[tid] = numeric_table(tables[tid], 2)
    built["表 3"] = prose_table(["CRS 分级", "托珠单抗", "皮质类固醇"], [["a"], [], ["e"]], TABLE3)
    built["表 4"] = prose_table(["分级评估", "并发 CRS", "未并发 CRS"], [["a"], [], []], TABLE4)
    t5 = numeric_table(tables["表 5"], 1)
    # The OS estimates hold one value for the three follow-up columns (the text gives each once).
    for label in ("6个月的OS", "12个月的OS", "24个月的OS"):
        merge_across(t5[0], label, 1, 3)
    built["表 5"] = t5
    built["表 6"] = numeric_table(tables["表 6"], 1)
    t7 = numeric_table(tables["表 7"], 1)
    # The comparisons between the arms hold one value for both columns.
    for label in ("分层风险比", "分层对数秩 p 值", "ORR 差异", "分层 p 值"):
        for row in t7[0]:
            first = [c for c in row if c["paragraphs"] and c["paragraphs"][0][0][0].startswith(label)]
            if first:
                values = [c for c in row if c["column"] >= 1]
                values[0]["columnSpan"] = 2
                row.remove(values[1])
    built["表 7"] = t7
    return built


LINES = SOURCE.read_text(encoding="utf-8").split("\n")


def document_blocks():
    """The label as blocks: ('p', runs) and ('table', id, caption, rows, width)."""
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    lines = LINES
    tables = build_tables(golden)
    regions = {}
    for t in golden["tables"]:
        last = max(r["span"]["endLine"] for r in t["rows"])
        regions[t["span"]["startLine"]] = (t["id"], last)
    # The boxed warning, which the text's PDF laid into the middle of 【性状】, is printed at the
    # top of the label, above 【药品名称】, as labels print it.
    box = golden["boxedWarning"]["span"]
    box_lines = lines[box["startLine"] - 1:box["endLine"]]
    lines = lines[:box["startLine"] - 1] + [""] * len(box_lines) + lines[box["endLine"]:]
    first_heading = next(i for i, l in enumerate(lines) if l.strip().startswith("【"))
    blocks = []
    pending = []
    n = 1
    while n <= len(lines):
        if n == first_heading + 1:
            for p in paragraphs(pending):
                blocks.append(("p", runs(p)))
            pending = []
            for p in paragraphs(box_lines):
                blocks.append(("p", runs(p)))
        if n in regions:
            tid, last = regions[n]
            for p in paragraphs(pending):
                blocks.append(("p", runs(p)))
            pending = []
            blocks.append(("p", runs(lines[n - 1].strip())))
            rows, width, headers = tables[tid]
            blocks.append(("table", tid, lines[n - 1].strip(), rows, width, headers))
            n = last + 1
            continue
        pending.append(lines[n - 1])
        n += 1
    for p in paragraphs(pending):
        blocks.append(("p", runs(p)))
    return blocks


# ---- .docx ----------------------------------------------------------------------------------

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' \
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def x(text):
    return html.escape(text, quote=True)


def w_runs(rs):
    out = []
    for text, pos in rs:
        props = '<w:rPr><w:rFonts w:eastAsia="Noto Sans CJK SC"/><w:vertAlign w:val="superscript"/></w:rPr>' if pos == "sup" \
            else '<w:rPr><w:rFonts w:eastAsia="Noto Sans CJK SC"/></w:rPr>'
        out.append(f'<w:r>{props}<w:t xml:space="preserve">{x(text)}</w:t></w:r>')
    return "".join(out)


def w_paragraph(rs, style=None, align=None):
    props = (f'<w:pStyle w:val="{style}"/>' if style else "") + (f'<w:jc w:val="{align}"/>' if align else "")
    ppr = f"<w:pPr>{props}</w:pPr>" if props else ""
    return f"<w:p>{ppr}{w_runs(rs)}</w:p>"


# A table's borders: every cell ruled ("grid"), a three-line table (a rule above and below the
# table and one under its header rows, as Chinese journals and many labels print them), or none.
BORDERS = {
    "grid": '<w:top w:val="single" w:sz="4"/><w:left w:val="single" w:sz="4"/><w:bottom w:val="single" w:sz="4"/>'
            '<w:right w:val="single" w:sz="4"/><w:insideH w:val="single" w:sz="4"/><w:insideV w:val="single" w:sz="4"/>',
    "three-line": '<w:top w:val="single" w:sz="12"/><w:left w:val="nil"/><w:bottom w:val="single" w:sz="12"/>'
                  '<w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/>',
    "none": '<w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/>'
            '<w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/>',
}


def w_table(rows, width, headers=1, borders="grid", margin=None, centered=False):
    """`margin`: the cells' left and right margin in twips (Word's default, 108, when None);
    `centered`: every cell but the first column's centred, as many labels set their values."""
    grid = "".join('<w:gridCol w:w="%d"/>' % (9000 // width) for _ in range(width))
    margins = (f'<w:tblCellMar><w:left w:w="{margin}" w:type="dxa"/><w:right w:w="{margin}" w:type="dxa"/></w:tblCellMar>'
               if margin is not None else "")
    out = ['<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="5000" w:type="pct"/>'
           f'<w:tblBorders>{BORDERS[borders]}</w:tblBorders>{margins}'
           f'</w:tblPr><w:tblGrid>{grid}</w:tblGrid>']
    # The three-line table's middle rule: under the cells that reach the last header row.
    under_header = '<w:tcBorders><w:bottom w:val="single" w:sz="6"/></w:tcBorders>' if borders == "three-line" else ""
    # Cells merged down from rows above, by row index: column -> the cell.
    covering = {}
    for r, row in enumerate(rows):
        for c in row:
            for below in range(r + 1, r + c["rowSpan"]):
                covering.setdefault(below, {})[c["column"]] = c
    for r, row in enumerate(rows):
        header = "<w:trPr><w:tblHeader/></w:trPr>" if r == 0 else ""
        out.append(f"<w:tr>{header}")
        by_column = {c["column"]: c for c in row}
        column = 0
        while column < width:
            if column in covering.get(r, {}):
                c = covering[r][column]
                span = f'<w:gridSpan w:val="{c["columnSpan"]}"/>' if c["columnSpan"] > 1 else ""
                rule = under_header if r + 1 == headers else ""
                out.append(f'<w:tc><w:tcPr>{span}<w:vMerge/>{rule}</w:tcPr><w:p/></w:tc>')
                column += c["columnSpan"]
                continue
            c = by_column.get(column)
            if c is None:
                out.append(f"<w:tc><w:tcPr>{under_header if r + 1 == headers else ''}</w:tcPr><w:p/></w:tc>")
                column += 1
                continue
            props = ""
            if c["columnSpan"] > 1:
                props += f'<w:gridSpan w:val="{c["columnSpan"]}"/>'
            if c["rowSpan"] > 1:
                props += '<w:vMerge w:val="restart"/>'
            if r + c["rowSpan"] == headers:
                props += under_header
            paras = "".join(w_paragraph(p, align="center" if centered and column > 0 else None) for p in c["paragraphs"]) or "<w:p/>"
            out.append(f"<w:tc><w:tcPr>{props}</w:tcPr>{paras}</w:tc>")
            column += c["columnSpan"]
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def write_docx(blocks, path, header_text, borders=lambda table_id: "grid", margin=None, centered=False, size=20,
               gap_after_tables=True):
    body = []
    for b in blocks:
        if b[0] == "p":
            text = "".join(t for t, _ in b[1])
            body.append(w_paragraph(b[1], "Heading2" if text.startswith("【") and text.endswith("】") else None))
        else:
            body.append(w_table(b[3], b[4], b[5], borders(b[1]), margin, centered))
            if gap_after_tables:
                body.append("<w:p/>")
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{"".join(body)}'
                '<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/><w:footerReference w:type="default" r:id="rIdFooter"/>'
                '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1200" w:bottom="1440" w:left="1200" w:header="720" w:footer="720"/>'
                '</w:sectPr></w:body></w:document>')
    header = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr {W}>'
              f'{w_paragraph([(header_text, None)])}</w:hdr>')
    footer = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:ftr {W}><w:p><w:r><w:t xml:space="preserve">第 </w:t></w:r>'
              '<w:fldSimple w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple><w:r><w:t xml:space="preserve"> 页</w:t></w:r></w:p></w:ftr>')
    styles = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles {W}>'
              '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Noto Sans CJK SC" w:hAnsi="Noto Sans CJK SC" w:eastAsia="Noto Sans CJK SC"/>'
              f'<w:sz w:val="{size}"/><w:lang w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault></w:docDefaults>'
              '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
              '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/>'
              '<w:rPr><w:b/></w:rPr></w:style>'
              '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/></w:style></w:styles>')
    content_types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                     '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                     '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                     '<Default Extension="xml" ContentType="application/xml"/>'
                     '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                     '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
                     '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>'
                     '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>'
                     '</Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '</Relationships>')
    doc_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                '<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
                '<Relationship Id="rIdHeader" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>'
                '<Relationship Id="rIdFooter" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>'
                '</Relationships>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        # A fixed date, so that the same script makes the same bytes.
        for name, data in [("[Content_Types].xml", content_types), ("_rels/.rels", rels),
                           ("word/_rels/document.xml.rels", doc_rels), ("word/document.xml", document),
                           ("word/styles.xml", styles), ("word/header1.xml", header), ("word/footer1.xml", footer)]:
            info = zipfile.ZipInfo(name, date_time=(2026, 12, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


# ---- HTML -----------------------------------------------------------------------------------

def h_runs(rs):
    return "".join(f"<sup>{x(t)}</sup>" if pos == "sup" else x(t) for t, pos in rs)


def h_table(rows):
    out = ["<table border=\"1\">"]
    for r, row in enumerate(rows):
        out.append("<tr>")
        for c in row:
            tag = "th" if r == 0 else "td"
            attrs = (f' colspan="{c["columnSpan"]}"' if c["columnSpan"] > 1 else "") + (f' rowspan="{c["rowSpan"]}"' if c["rowSpan"] > 1 else "")
            inner = "".join(f"<p>{h_runs(p)}</p>" for p in c["paragraphs"])
            out.append(f"<{tag}{attrs}>{inner}</{tag}>")
        out.append("</tr>")
    out.append("</table>")
    return "\n".join(out)


def write_html(blocks, path):
    body = []
    for b in blocks:
        if b[0] == "p":
            text = "".join(t for t, _ in b[1])
            tag = "h3" if text.startswith("【") and text.endswith("】") else "p"
            body.append(f"<{tag}>{h_runs(b[1])}</{tag}>")
        else:
            body.append(h_table(b[3]))
    page = f"""<!DOCTYPE html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>阿基仑赛注射液说明书 - 药品说明书查询</title>
<style>table {{ border-collapse: collapse; }}</style>
<script>var menu = "【首页】【药品】【说明书】";</script></head>
<body>
<nav><a href="/">【首页】</a> <a href="/drugs">【药品查询】</a> <a href="/labels">【说明书】</a></nav>
<div class="sidebar"><p>相关药品：替雷利珠单抗注射液 · 信迪利单抗注射液</p></div>
<div id="content"><article class="label">
{chr(10).join(body)}
</article></div>
<footer><p>本站内容仅供参考 · 联系我们</p></footer>
</body></html>
"""
    path.write_text(page, encoding="utf-8")


# ---- the layout the tests check -------------------------------------------------------------

def write_layout(blocks, path):
    tables = []
    for b in blocks:
        if b[0] != "table":
            continue
        cells = []
        for row in b[3]:
            for c in row:
                cells.append({"row": c["row"], "column": c["column"], "rowSpan": c["rowSpan"], "columnSpan": c["columnSpan"],
                              "paragraphs": ["".join(t if pos is None else t for t, pos in p) for p in c["paragraphs"]],
                              "marks": [t for p in c["paragraphs"] for t, pos in p if pos == "sup" and not t.isdigit()]})
        tables.append({"id": b[1], "caption": b[2], "columns": b[4], "rows": len(b[3]), "cells": cells})
    path.write_text(json.dumps({"source": "Corpus/" + SOURCE.name, "tables": tables}, ensure_ascii=False, indent=1) + "\n",
                    encoding="utf-8")


def write_image_pdf(jpeg, path):
    """A one-page PDF whose page is the JPEG and nothing else, as a scanner makes it."""
    data = jpeg.read_bytes()
    width, height = jpeg_size(data)
    content = f"q 595 0 0 842 0 0 cm /Im0 Do Q".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>",
        f"<< /Type /XObject /Subtype /Image /Width {width} /Height {height} /ColorSpace /DeviceRGB /BitsPerComponent 8 "
        f"/Filter /DCTDecode /Length {len(data)} >>\nstream\n".encode() + data + b"\nendstream",
        f"<< /Length {len(content)} >>\nstream\n".encode() + content + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for o in offsets:
        out += f"{o:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    path.write_bytes(bytes(out))


def jpeg_size(data):
    """Width and height from a JPEG's start-of-frame marker."""
    i = 2
    while i < len(data):
        marker, length = data[i + 1], int.from_bytes(data[i + 2:i + 4], "big")
        if marker in (0xC0, 0xC1, 0xC2):
            return int.from_bytes(data[i + 7:i + 9], "big"), int.from_bytes(data[i + 5:i + 7], "big")
        i += 2 + length
    sys.exit("no frame in the JPEG")


# Pages that a borderless table's reader must not misread, each a small label of its own words:
# a table on a page set in two columns; a table whose cells are all of one width (`常见`); prose
# set close under a table; a caption that poppler joins to the header of the table beside it.
PROSE = "本品在临床试验中共纳入受试者四百二十名，其中男性占百分之五十二，女性占百分之四十八，平均年龄为五十六岁，所有受试者均接受了至少一次给药并完成了安全性随访评估。"


def small_table(tid, caption, rows):
    cells = [[cell(plain(text), r, c) for c, text in enumerate(row)] for r, row in enumerate(rows)]
    return ("table", tid, caption, cells, len(rows[0]), 1)


def layout_blocks():
    p = lambda text: ("p", runs(text))
    pk = small_table("表 1", "表1 药代动力学参数", [["参数", "单次", "多次"], ["Cmax", "12.1", "15.3"], ["AUC", "110", "140"], ["t1/2", "6.2", "6.8"]])
    freq = small_table("表 1", "表1 不良反应及其发生频率", [["系统器官分类", "不良反应", "频率"], ["胃肠系统疾病", "恶心", "常见"],
                       ["胃肠系统疾病", "便秘", "偶见"], ["各类神经系统疾病", "头痛", "常见"], ["皮肤及皮下组织类疾病", "皮疹", "罕见"],
                       ["肝胆系统疾病", "肝功能异常", "罕见"]])
    rates = small_table("表 1", "表1 常见不良反应发生率", [["不良反应", "本品组（N=120）", "安慰剂组（N=118）"], ["恶心", "12（10.0%）", "3（2.5%）"],
                        ["呕吐", "8（6.7%）", "1（0.8%）"], ["头痛", "5（4.2%）", "0"]])
    lab = small_table("表 2", "表2 实验室检查异常", [["检查项目", "本品组", "安慰剂组"], ["ALT升高", "6", "2"], ["AST升高", "4", "1"]])
    return {
        "two-columns-table": [p("【药代动力学】")] + [p(PROSE)] * 3 + [p("表1 药代动力学参数"), pk] + [p(PROSE)] * 14,
        "same-width-cells": [p("【不良反应】"), p("上市后报告的不良反应见表1。"), p("表1 不良反应及其发生频率"), freq, p("【禁忌】"), p(PROSE)],
        "prose-under-table": [p("【不良反应】"), p("表1 常见不良反应发生率"), rates, p("上述不良反应多为轻度至中度。"),
                              p("2. 上市后经验"), p("上市后报告了以下不良反应："), p("过敏反应、血管性水肿。"), p(PROSE)],
        "caption-beside-header": [p("【不良反应】"), p("表1 常见不良反应发生率"), rates, p("上述不良反应多为轻度至中度。"),
                                  p("表2 实验室检查异常"), lab, p(PROSE)],
    }


def rewrite_parts(docx, change):
    """Rewrites each part of a .docx through `change(name, data)`, with the fixed date."""
    with zipfile.ZipFile(docx) as z:
        parts = {n: change(n, z.read(n)) for n in z.namelist()}
    with zipfile.ZipFile(docx, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in parts.items():
            info = zipfile.ZipInfo(n, date_time=(2026, 12, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


def libreoffice(source, target_dir, fmt="pdf"):
    subprocess.run(["libreoffice", "--headless", "--convert-to", fmt, "--outdir", str(target_dir), str(source)],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    blocks = document_blocks()
    docx = OUT / f"{NAME}.docx"
    write_docx(blocks, docx, "阿基仑赛注射液说明书（2024 年 12 月 13 日修订）")
    write_html(blocks, OUT / f"{NAME}.html")
    write_layout(blocks, OUT / f"{NAME}.layout.json")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        libreoffice(docx, tmp)
        shutil.copy(tmp / f"{NAME}.pdf", OUT / f"{NAME}.pdf")
        # The same label with tables printed without cell borders: tables 1, 3, 5 and 7 as
        # three-line tables, 2, 4 and 6 with no rule at all. Their cells are found by where the
        # words stand.
        borderless = tmp / f"{NAME}.borderless.docx"
        write_docx(blocks, borderless, "阿基仑赛注射液说明书（2024 年 12 月 13 日修订）",
                   lambda tid: "three-line" if int(tid.split()[-1]) % 2 else "none")
        libreoffice(borderless, tmp)
        shutil.copy(tmp / f"{NAME}.borderless.pdf", OUT / f"{NAME}.borderless.pdf")
        # Again, set as another typesetter would: a serif face at 10.5 pt, cell margins of 0.1 cm
        # (LibreOffice's own, half Word's: narrower gutters) and the values centred.
        narrow = tmp / f"{NAME}.borderless-narrow.docx"
        write_docx(blocks, narrow, "阿基仑赛注射液说明书（2024 年 12 月 13 日修订）",
                   lambda tid: "none" if int(tid.split()[-1]) % 2 else "three-line", margin=57, centered=True, size=21)
        rewrite_parts(narrow, lambda name, data: data.replace(b"Noto Sans CJK SC", b"Noto Serif CJK SC"))
        libreoffice(narrow, tmp)
        shutil.copy(tmp / f"{NAME}.borderless-narrow.pdf", OUT / f"{NAME}.borderless-narrow.pdf")
        # The small layouts, their tables without borders, in layouts/.
        (OUT / "layouts").mkdir(exist_ok=True)
        for name, blocks_of in layout_blocks().items():
            source = tmp / f"{name}.docx"
            write_docx(blocks_of, source, "", lambda tid: "none", gap_after_tables=False)
            if name == "two-columns-table":
                rewrite_parts(source, lambda part, data: data.replace(b"<w:pgSz", b'<w:cols w:num="2" w:space="425"/><w:pgSz')
                              if part == "word/document.xml" else data)
            libreoffice(source, tmp)
            shutil.copy(tmp / f"{name}.pdf", OUT / "layouts" / f"{name}.pdf")
        # A page set in two columns: the label's opening sections, in a section with w:cols.
        opening = [b for b in blocks[:60] if b[0] == "p"]
        two = tmp / "two-columns.docx"
        write_docx(opening, two, "两栏排版")
        rewrite_parts(two, lambda name, data: data.replace(b"<w:pgSz", b'<w:cols w:num="2" w:space="425"/><w:pgSz')
                      if name == "word/document.xml" else data)
        libreoffice(two, tmp)
        shutil.copy(tmp / "two-columns.pdf", OUT / "two-columns.pdf")
        # A scanned page: the first page as an image, in a PDF with no text layer.
        subprocess.run(["pdftoppm", "-r", "50", "-jpeg", "-f", "1", "-l", "1", str(OUT / f"{NAME}.pdf"), str(tmp / "page")], check=True)
        write_image_pdf(next(tmp.glob("page*.jpg")), OUT / "scanned.pdf")
        # A Word 97 file, for the refusal.
        small = tmp / "legacy.docx"
        write_docx(blocks[:5], small, "")
        libreoffice(small, tmp, "doc")
        shutil.copy(tmp / "legacy.doc", OUT / "legacy.doc")
    for f in sorted(OUT.iterdir()):
        print(f"{f.stat().st_size:>9}  {f.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
