#!/usr/bin/python3
"""Acceptance fixtures for "No cell left behind" (FORMATS.md §2, §2.1).

    /usr/bin/python3 testdata/offices/gen.py [CASE...]

Needs python3-openpyxl, soffice, and go to build tongket for the template cases (or
TONGKET=/path/to/tongket). With CASE names, only those files are rewritten.

Each case below is one small workbook made the way an office makes it, and the
entry it gets in expected.json: what a person reads on it. Either

    {"unit": "HP-HONGBANG", "figures": {"TT_BUOI": {"2019": "120", ...}}, "warnings": [...]}

for a file that must be accepted (values as Vietnamese text, money exact), or

    {"refused": [{"code": ..., "sheet": ..., "cell": ..., "says": [...]}]}

for one that must be refused ("cell" is left out for a file-level finding; "says" are
words the Vietnamese message must contain; "says_not" words it must not; "absent" lists
findings that must NOT be there). intake/offices_test.go runs them through the path
`tongket validate` takes, with the unit list in UNITS.

The first line of each case's docstring says which writer made the file:
- "openpyxl": written by openpyxl alone (no cached formula values, openpyxl styles);
- "LibreOffice": written by openpyxl, then opened and saved by LibreOffice headless
  (`soffice --convert-to xlsx`), so cached values, styles and structure are LibreOffice's;
- "LibreOffice, patched": as above, then the zip patched by this script;
- "openpyxl, patched": written by openpyxl, then the zip patched by this script (what openpyxl cannot write);
- "tongket template, openpyxl": made by `tongket template`, then edited by openpyxl.

Zip entry times and document dates are pinned so reruns give the same bytes (as far as
LibreOffice allows).
"""

import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from datetime import datetime
from decimal import Decimal as D

import openpyxl
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter as col

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
FIXED_TIME = datetime(2024, 12, 31, 8, 0, 0)
TITLE = "BIỂU SỐ LIỆU TỔNG KẾT PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC"

# The units the database knows when the fixtures are validated (imported list).
UNITS = [
    ("HP-HONGBANG", "Quận Hồng Bàng"),
    ("HP-LECHAN", "Quận Lê Chân"),
    ("HP-NGOQUYEN", "Quận Ngô Quyền"),
    ("HP-ANDUONG", "Huyện An Dương"),
    ("HP-Q1", "Quận 1"),
    ("00005", "Xã Năm"),
]
UNIT, UNIT_NAME = "HP-HONGBANG", "Quận Hồng Bàng"

# The built-in catalog (FORMATS.md §1): code → (name, unit of measure).
CAT = {
    "MH_TRIENKHAI": ("Số mô hình, cách làm hay được xây dựng, triển khai", "mô hình"),
    "MH_HIEUQUA": ("Số mô hình đang hoạt động hiệu quả", "mô hình"),
    "TT_BUOI": ("Số buổi tuyên truyền", "buổi"),
    "TT_LUOT": ("Số lượt người tham dự tuyên truyền", "lượt người"),
    "TIN_GIATRI": ("Số tin có giá trị cung cấp cho lực lượng Công an", "tin"),
    "TH_LOP": ("Số lớp tập huấn", "lớp"),
    "TH_LUOT": ("Số lượt cán bộ được tập huấn", "lượt người"),
    "CH_NGUOI": ("Số người có quá khứ lầm lỗi được cảm hóa, giáo dục tại cộng đồng", "người"),
    "NHA_SO": ("Số nhà đại đoàn kết, nhà tình nghĩa được xây, sửa", "nhà"),
    "NHA_TIEN": ("Kinh phí xây, sửa nhà đại đoàn kết, nhà tình nghĩa", "triệu đồng"),
    "VON_HO": ("Số hộ khó khăn được hỗ trợ vốn phát triển sản xuất", "hộ"),
    "VON_TIEN": ("Số tiền hỗ trợ vốn phát triển sản xuất", "triệu đồng"),
}

YEARS = [2019, 2020, 2021, 2022, 2023]
# The figures an office means, by indicator and year (money in triệu đồng).
DATA = {
    "TT_BUOI": [120, 95, 88, 132, 141],
    "TT_LUOT": [8450, 6120, 5310, 9875, 10240],
    "NHA_SO": [12, 9, 15, 11, 14],
    "NHA_TIEN": [D("540.5"), D("418.75"), D("765.3"), D("602.1"), D("812.45")],
    "TH_LOP": [6, 4, 5, 7, 8],
    "TH_LUOT": [310, 205, 260, 355, 402],
    "VON_HO": [25, 18, 30, 22, 27],
    "VON_TIEN": [D("1250"), D("900.5"), D("1500"), D("1120.25"), D("1380")],
}
STD = ["TT_BUOI", "TT_LUOT", "NHA_SO", "NHA_TIEN"]


def val(code, year):
    return DATA[code][YEARS.index(year)]


def num(v):
    """A value as openpyxl should write it: int, or float for a decimal."""
    if isinstance(v, D):
        return int(v) if v == v.to_integral_value() else float(v)
    return v


def group(n):
    s = str(n)
    out = []
    while len(s) > 3:
        out.insert(0, s[-3:])
        s = s[:-3]
    out.insert(0, s)
    return ".".join(out)


def vn(v):
    """Vietnamese text of a value exact to 0,01: 1234.5 → "1.234,5"."""
    q = D(v).quantize(D("0.01"))
    ip, fp = f"{q:.2f}".split(".")
    fp = fp.rstrip("0")
    return group(int(ip)) + ("," + fp if fp else "")


def figures(codes, years):
    return {c: {str(y): vn(val(c, y)) for y in years} for c in codes}


def accepted(codes=STD, years=YEARS, warnings=(), unit=UNIT, figs=None, **extra):
    e = {"unit": unit, "figures": figs if figs is not None else figures(codes, years),
         "warnings": list(warnings)}
    e.update(extra)
    return e


def refused(*findings, absent=None):
    e = {"refused": list(findings)}
    if absent:
        e["absent"] = list(absent)
    return e


def err(code, sheet=None, cell=None, says=(), says_not=()):
    f = {"code": code}
    if sheet is not None:
        f["sheet"] = sheet
    if cell is not None:
        f["cell"] = cell
    f["says"] = list(says)
    if says_not:
        f["says_not"] = list(says_not)
    return f


# ---------------------------------------------------------------- building blocks

BOLD = Font(bold=True)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)


def new_book(title="Biểu số liệu"):
    wb = openpyxl.Workbook()
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    wb.properties.creator = "Phòng PV05"
    ws = wb.active
    ws.title = title
    return wb, ws


def heading(ws, ncols, title=TITLE, name=UNIT_NAME, code=UNIT):
    """Rows 1–3 of §2: the merged title, "Đơn vị: …", "Mã đơn vị: …"."""
    ws.cell(1, 1, title).font = BOLD
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncols)
    ws.cell(1, 1).alignment = CENTER
    if name is not None:
        ws.cell(2, 1, f"Đơn vị: {name}")
    if code is not None:
        ws.cell(3, 1, f"Mã đơn vị: {code}")


def header_row(ws, r, labels, c0=1):
    for i, h in enumerate(labels):
        cell = ws.cell(r, c0 + i, h)
        cell.font = BOLD
        cell.alignment = CENTER


def widths(ws, **w):
    for k, v in w.items():
        ws.column_dimensions[k].width = v


def wide(ws, codes=STD, years=YEARS, first=6, with_code=True, uom=True, note=None, values=None):
    """The standard wide table of §2 with its header in row first-1:
    STT | (Mã chỉ tiêu) | Chỉ tiêu | (Đơn vị tính) | years… | Ghi chú.
    values(code, year) gives what is typed (default: the figure)."""
    labels = ["STT"] + (["Mã chỉ tiêu"] if with_code else []) + ["Chỉ tiêu"] + \
             (["Đơn vị tính"] if uom else []) + list(years) + ["Ghi chú"]
    header_row(ws, first - 1, labels)
    y0 = labels.index(years[0]) + 1
    for n, code in enumerate(codes):
        r = first + n
        row = [n + 1] + ([code] if with_code else []) + [CAT[code][0]] + ([CAT[code][1]] if uom else [])
        for i, v in enumerate(row, start=1):
            ws.cell(r, i, v)
        for j, y in enumerate(years):
            v = values(code, y) if values else num(val(code, y))
            if v is not None:
                c = ws.cell(r, y0 + j, v)
                if isinstance(v, (int, float)):
                    c.number_format = "#,##0.00" if CAT[code][1] == "triệu đồng" else "#,##0"
    if note:
        ws.cell(first, len(labels), note)
    widths(ws, A=6, B=16, C=44, D=12)
    return y0  # the column of the first year


# ---------------------------------------------------------------- writers

def pin_zip(path):
    with zipfile.ZipFile(path) as z:
        entries = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            if name == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:)",
                              rb"\g<1>2024-12-31T08:00:00Z\g<3>", data)
            zi = zipfile.ZipInfo(name, (2024, 12, 31, 8, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, data)
    with open(path, "wb") as f:
        f.write(buf.getvalue())


def patch_zip(path, part, fn):
    """Rewrites one part of a zip with fn(bytes) → bytes."""
    with zipfile.ZipFile(path) as z:
        entries = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            z.writestr(name, fn(data) if name == part else data)


def libreoffice(srcs, outdir):
    """Opens each openpyxl file in LibreOffice and saves it as .xlsx into outdir."""
    with tempfile.TemporaryDirectory(prefix="tongket-offices-lo-") as tmp:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless",
                        "--convert-to", "xlsx", "--outdir", outdir] + srcs,
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def tongket_template(tk, path, unit=UNIT, name=UNIT_NAME, period="2019-2023"):
    with tempfile.TemporaryDirectory(prefix="tongket-offices-tpl-") as tmp:
        subprocess.run([tk, "template", "--unit", unit, "--unit-name", name, "--period", period,
                        "-o", os.path.join(tmp, "x.xlsx")], cwd=tmp, check=True,
                       stdout=subprocess.DEVNULL)
        shutil.copyfile(os.path.join(tmp, "x.xlsx"), path)


CASES = []


def case(writer):
    def reg(fn):
        first = (fn.__doc__ or "").strip().splitlines()[0]
        assert first.startswith(writer + ":"), f"{fn.__name__}: docstring must start with {writer!r}"
        CASES.append((fn.__name__.replace("_", "-"), writer, fn))
        return fn
    return reg


# ---------------------------------------------------------------- controls

@case("openpyxl")
def plain_wide():
    """openpyxl: the §2 layout exactly: title, unit lines, STT | Mã chỉ tiêu | Chỉ tiêu | Đơn vị tính | 2019…2023 | Ghi chú, a note in Ghi chú."""
    wb, ws = new_book()
    heading(ws, 10)
    wide(ws, note="Kể cả 2 phường mới thành lập")
    return wb, accepted()


@case("LibreOffice")
def plain_wide_libreoffice():
    """LibreOffice: the same plain wide table, saved by LibreOffice."""
    return plain_wide()


@case("LibreOffice")
def total_row():
    """LibreOffice: plain wide table with a trailing "Tổng cộng" row of =SUM formulas (cached by LibreOffice)."""
    wb, ws = new_book()
    heading(ws, 10)
    wide(ws)
    ws.cell(10, 3, "Tổng cộng").font = BOLD
    for j in range(len(YEARS)):
        c = col(5 + j)
        ws.cell(10, 5 + j, f"=SUM({c}6:{c}9)").font = BOLD
    return wb, accepted()


@case("openpyxl")
def hidden_helper():
    """openpyxl: a hidden helper sheet "DM" (indicator and year lists for drop-downs) before the data sheet."""
    wb, dm = new_book("DM")
    dm.append(["Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính", None, "Năm"])
    for i, (code, (name, uom)) in enumerate(CAT.items()):
        dm.append([code, name, uom, None, YEARS[i] if i < len(YEARS) else None])
    dm.sheet_state = "hidden"
    ws = wb.create_sheet("Biểu số liệu")
    wb.active = 1
    heading(ws, 10)
    wide(ws)
    return wb, accepted()


# ---------------------------------------------------------------- several sheets

def year_sheet(ws, year, codes=STD, value_label="Số lượng", year_line=False, values=None, first=6):
    ws.cell(1, 1, f"BIỂU SỐ LIỆU NĂM {year}").font = BOLD
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=5)
    ws.cell(2, 1, f"Đơn vị: {UNIT_NAME}")
    ws.cell(3, 1, f"Mã đơn vị: {UNIT}")
    if year_line:
        ws.cell(4, 1, f"Năm: {year}")
    header_row(ws, first - 1, ["STT", "Chỉ tiêu", "Đơn vị tính", value_label, "Ghi chú"])
    for n, code in enumerate(codes):
        r = first + n
        v = values(code, year) if values else num(val(code, year))
        for i, x in enumerate([n + 1, CAT[code][0], CAT[code][1], v], start=1):
            ws.cell(r, i, x)
    widths(ws, A=6, B=44, C=12, D=12)


@case("LibreOffice")
def several_sheets():
    """LibreOffice: one sheet per year, "Năm 2019" … "Năm 2023", each Chỉ tiêu | Đơn vị tính | Số lượng, no code column."""
    wb, ws = new_book("Năm 2019")
    for y in YEARS:
        if y != 2019:
            ws = wb.create_sheet(f"Năm {y}")
        year_sheet(ws, y)
    return wb, accepted()


# ---------------------------------------------------------------- more office sheets

def thousands(code, year):
    """What an office types for a figure when money is kept in nghìn đồng."""
    v = val(code, year)
    return int(D(v) * 1000) if CAT[code][1] == "triệu đồng" else num(v)


def money_line_book(line):
    """A wide table without an Đơn vị tính column under line (row 4), NHA_TIEN typed in nghìn đồng."""
    wb, ws = new_book()
    heading(ws, 9)
    ws.cell(4, 1, line)
    wide(ws, uom=False, values=thousands)
    for j in range(len(YEARS)):
        ws.cell(9, 4 + j).number_format = "#,##0"
    return wb


@case("openpyxl")
def dvt_line_variant():
    """openpyxl: no Đơn vị tính column; a line "ĐVT tiền: 1.000 đồng" above the table, NHA_TIEN typed 540500 …: read as 540,5 triệu, warning."""
    return money_line_book("ĐVT tiền: 1.000 đồng"), accepted(warnings=["measure-converted"])


@case("LibreOffice")
def money_line_own_label():
    """LibreOffice: no Đơn vị tính column; a line "Kinh phí tính bằng: nghìn đồng" above the table: NHA_TIEN read in triệu, warning."""
    return money_line_book("Kinh phí tính bằng: nghìn đồng"), accepted(warnings=["measure-converted"])


@case("openpyxl")
def measure_conflict():
    """openpyxl: the Đơn vị tính column says "triệu đồng" for NHA_TIEN (D9), a line above says "Đơn vị tính: nghìn đồng" (A4): refused naming both."""
    wb, ws = new_book()
    heading(ws, 10)
    ws.cell(4, 1, "Đơn vị tính: nghìn đồng")
    wide(ws)
    return wb, refused(err("measure-mismatch", "Biểu số liệu", "D9", says=["D9", "A4"]))


@case("openpyxl")
def money_english_text():
    """openpyxl: NHA_TIEN typed as text English-style, "1,250" (E9), "2,500" (F9), "12,500" (G9): ambiguous-number at each, saying both readings."""
    typed = {2019: "1,250", 2020: "2,500", 2021: "12,500"}
    wb, ws = new_book()
    heading(ws, 10)
    wide(ws, values=lambda c, y: typed[y] if c == "NHA_TIEN" and y in typed else num(val(c, y)))
    return wb, refused(
        err("ambiguous-number", "Biểu số liệu", "E9", says=["1,250", "1,25", "1.250"]),
        err("ambiguous-number", "Biểu số liệu", "F9", says=["2,500", "2,5", "2.500"]),
        err("ambiguous-number", "Biểu số liệu", "G9", says=["12,500", "12,5", "12.500"]))


def plan_book(ws):
    """A plan sheet: title "KẾ HOẠCH NĂM 2024", Mã chỉ tiêu | Chỉ tiêu | 2024 with targets."""
    ws.cell(1, 1, "KẾ HOẠCH NĂM 2024").font = BOLD
    ws.cell(2, 1, f"Đơn vị: {UNIT_NAME}")
    ws.cell(3, 1, f"Mã đơn vị: {UNIT}")
    header_row(ws, 5, ["Mã chỉ tiêu", "Chỉ tiêu", 2024])
    for n, code in enumerate(STD):
        plan = num(val(code, 2023)) + (10 if CAT[code][1] != "triệu đồng" else 50)
        for i, v in enumerate([code, CAT[code][0], plan], start=1):
            ws.cell(6 + n, i, v)
    widths(ws, A=14, B=44)


@case("LibreOffice")
def plan_sheet():
    """LibreOffice: the results sheet, then a sheet "KH 2024" titled "KẾ HOẠCH NĂM 2024" holding 2024 targets: only the results read, warning."""
    wb, ws = new_book()
    heading(ws, 10)
    wide(ws)
    plan_book(wb.create_sheet("KH 2024"))
    return wb, accepted(warnings=["plan-skipped"])


@case("openpyxl")
def plan_only():
    """openpyxl: the only sheet, "Biểu số liệu", is titled "KẾ HOẠCH NĂM 2024" (2024 targets): no table of results."""
    wb, ws = new_book()
    plan_book(ws)
    return wb, refused(err("no-table", "Biểu số liệu", says=["KẾ HOẠCH NĂM 2024"]))


@case("openpyxl")
def unit_name_code_disagree():
    """openpyxl: "Đơn vị: Quận Lê Chân" above "Mã đơn vị: HP-HONGBANG" (last year's file of another unit): unit-mismatch naming both."""
    wb, ws = new_book()
    heading(ws, 10, name="Quận Lê Chân")
    wide(ws)
    return wb, refused(err("unit-mismatch", "Biểu số liệu", "A3",
                           says=["Quận Lê Chân", "HP-LECHAN", "HP-HONGBANG", "Quận Hồng Bàng"]))


@case("LibreOffice")
def footer_block():
    """LibreOffice: a note line and the signature block under the table, partly in the figure columns ("Hồng Bàng, ngày 05 tháng 12 năm 2023" in H12): all figures, no finding."""
    wb, ws = new_book()
    heading(ws, 10)
    wide(ws)
    ws["C11"] = "Ghi chú: số liệu năm 2023 tính đến ngày 30/11/2023"
    ws["H12"] = "Hồng Bàng, ngày 05 tháng 12 năm 2023"
    ws["C13"], ws["H13"] = "NGƯỜI LẬP BIỂU", "TRƯỞNG CÔNG AN QUẬN"
    ws["C16"], ws["H16"] = "Nguyễn Văn A", "Thượng tá Trần Văn B"
    for c in ("C13", "H13"):
        ws[c].font = BOLD
        ws[c].alignment = CENTER
    return wb, accepted()


@case("openpyxl")
def year_text_dot():
    """openpyxl: year headers typed as text with a thousands dot, "2.019" … "2.023": those years."""
    wb, ws = new_book()
    heading(ws, 10)
    wide(ws)
    for j, y in enumerate(YEARS):
        ws.cell(5, 5 + j, group(y))
    return wb, accepted()


@case("LibreOffice")
def half_year_paren():
    """LibreOffice: the last column headed "2023 (6 tháng)" (half-year figures): 2019–2022 read, that column not, warning."""
    wb, ws = new_book()
    heading(ws, 10)
    wide(ws)
    ws["I5"] = "2023 (6 tháng)"
    return wb, accepted(years=[2019, 2020, 2021, 2022], warnings=["unread-column"])


@case("openpyxl")
def merged_code_name():
    """openpyxl: TT_LUOT's code and name cells merged (B7:C7) holding its exact name: its figures read."""
    wb, ws = new_book()
    heading(ws, 10)
    wide(ws)
    ws["B7"], ws["C7"] = CAT["TT_LUOT"][0], None
    ws.merge_cells("B7:C7")
    return wb, accepted()


def sub_columns_book(subs, values):
    """Years in row 5, each merged over the sub-column labels subs in row 6;
    STT | Mã chỉ tiêu | Chỉ tiêu merged down rows 5–6; values(code, year, i)
    gives what is typed under sub-column i."""
    wb, ws = new_book()
    heading(ws, 3 + len(subs) * len(YEARS))
    for i, t in enumerate(["STT", "Mã chỉ tiêu", "Chỉ tiêu"], start=1):
        ws.cell(5, i, t)
        ws.merge_cells(start_row=5, start_column=i, end_row=6, end_column=i)
    for j, y in enumerate(YEARS):
        c0 = 4 + len(subs) * j
        ws.cell(5, c0, y).alignment = CENTER
        ws.merge_cells(start_row=5, start_column=c0, end_row=5, end_column=c0 + len(subs) - 1)
        for i, t in enumerate(subs):
            ws.cell(6, c0 + i, t)
    for n, code in enumerate(STD):
        r = 7 + n
        ws.cell(r, 1, n + 1)
        ws.cell(r, 2, code)
        ws.cell(r, 3, CAT[code][0])
        for j, y in enumerate(YEARS):
            for i in range(len(subs)):
                ws.cell(r, 4 + len(subs) * j + i, values(code, y, i))
    return wb, ws


@case("LibreOffice")
def sub_columns_rate():
    """LibreOffice: each year merged over "Số lượng" and "Tăng so với năm trước (%)": the Số lượng columns are the figures, the rates are not stored."""
    wb, _ = sub_columns_book(["Số lượng", "Tăng so với năm trước (%)"], lambda code, y, i: num(val(code, y)) if i == 0 else 5)
    return wb, accepted()


@case("openpyxl")
def sub_columns_split():
    """openpyxl: each year merged over "Nam" and "Nữ", each holding part of the figure: refused at the second sub-column, asking for the year's whole figure, not to delete a column."""
    def part(code, y, i):
        v = val(code, y)
        if CAT[code][1] == "triệu đồng":
            return float(v / 2)
        return int(v) // 2 if i == 0 else int(v) - int(v) // 2
    wb, _ = sub_columns_book(["Nam", "Nữ"], part)
    return wb, refused(err("duplicate-year", "Biểu số liệu", "E6", says=["Năm 2019", "D6", "E6", "Số lượng", "Trong đó"], says_not=["xóa cột"]))


@case("openpyxl")
def breakdown_over_years():
    """openpyxl: "Tổng số giai đoạn 2019-2023", then "Trong đó" merged over the years in the row below: the years are read, the total checked."""
    wb, ws = new_book()
    heading(ws, 5 + len(YEARS))
    for i, t in enumerate(["STT", "Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính", "Tổng số giai đoạn 2019-2023"], start=1):
        ws.cell(5, i, t)
        ws.merge_cells(start_row=5, start_column=i, end_row=6, end_column=i)
    ws.cell(5, 6, "Trong đó").alignment = CENTER
    ws.merge_cells(start_row=5, start_column=6, end_row=5, end_column=5 + len(YEARS))
    for j, y in enumerate(YEARS):
        ws.cell(6, 6 + j, y)
    for n, code in enumerate(STD):
        r = 7 + n
        for i, v in enumerate([n + 1, code, CAT[code][0], CAT[code][1], num(sum(val(code, y) for y in YEARS))], start=1):
            ws.cell(r, i, v)
        for j, y in enumerate(YEARS):
            ws.cell(r, 6 + j, num(val(code, y)))
    return wb, accepted()


@case("openpyxl")
def several_sheets_year_line():
    """openpyxl: sheets "Biểu 1" … "Biểu 3", the year as a line "Năm: 2021" above a single "Số lượng" column."""
    wb, ws = new_book("Biểu 1")
    years = [2021, 2022, 2023]
    for i, y in enumerate(years):
        if i:
            ws = wb.create_sheet(f"Biểu {i + 1}")
        year_sheet(ws, y, year_line=True, first=7)
    return wb, accepted(years=years)


@case("LibreOffice")
def several_sheets_ket_qua():
    """LibreOffice: sheets "Năm 2021" … "Năm 2023" with "Kết quả" as the value column."""
    wb, ws = new_book("Năm 2021")
    years = [2021, 2022, 2023]
    for i, y in enumerate(years):
        if i:
            ws = wb.create_sheet(f"Năm {y}")
        year_sheet(ws, y, value_label="Kết quả")
    return wb, accepted(years=years)


def summary_and_years(conflict):
    wb, ws = new_book("Tổng hợp")
    heading(ws, 9)
    wide(ws, with_code=False)  # STT | Chỉ tiêu | ĐVT | 2019 (D) … 2023 (H)
    for y in (2022, 2023):
        values = None
        if conflict and y == 2022:
            values = lambda c, yy: 9857 if c == "TT_LUOT" else num(val(c, yy))
        year_sheet(wb.create_sheet(f"Năm {y}"), y, values=values)
    return wb


@case("openpyxl")
def several_sheets_agree():
    """openpyxl: a "Tổng hợp" sheet with 2019–2023 and sheets "Năm 2022", "Năm 2023" repeating the same figures."""
    return summary_and_years(False), accepted()


@case("openpyxl")
def several_sheets_conflict():
    """openpyxl: "Tổng hợp" says TT_LUOT 2022 is 9.875 (G7), sheet "Năm 2022" says 9.857 (D7): refused naming both cells."""
    return summary_and_years(True), refused(
        err("conflicting-figure", "Năm 2022", "D7", says=["Tổng hợp", "G7", "Năm 2022", "D7"]))


@case("openpyxl")
def hidden_only():
    """openpyxl: the only table is on the hidden sheet "Số liệu"; the visible sheet is a guide: refused, naming the hidden sheet."""
    wb, guide = new_book("Hướng dẫn")
    guide.cell(1, 1, "HƯỚNG DẪN").font = BOLD
    guide.cell(2, 1, "Số liệu năm nào ghi vào cột năm đó; ô trống là chưa báo cáo.")
    guide.cell(3, 1, "Gửi về Phòng PV05 trước ngày 15/12.")
    ws = wb.create_sheet("Số liệu")
    heading(ws, 10)
    wide(ws)
    ws.sheet_state = "hidden"
    return wb, refused(err("no-table", says=["Số liệu", " ẩn"]))


# ---------------------------------------------------------------- two-level headers

def two_level(ws, group_label, years, with_code=False, first=7, extra_groups=None):
    """Row 5: labels merged over rows 5–6 and group_label merged over the year
    cells; row 6: the years. extra_groups: [(label, [years])] after the main group."""
    labels = ["STT"] + (["Mã chỉ tiêu"] if with_code else []) + ["Chỉ tiêu", "Đơn vị tính"]
    for i, h in enumerate(labels, start=1):
        ws.cell(5, i, h)
        ws.merge_cells(start_row=5, start_column=i, end_row=6, end_column=i)
    c = len(labels) + 1
    groups = [(group_label, years)] + (extra_groups or [])
    all_years = []
    for label, ys in groups:
        ws.cell(5, c, label)
        if len(ys) > 1:
            ws.merge_cells(start_row=5, start_column=c, end_row=5, end_column=c + len(ys) - 1)
        for j, y in enumerate(ys):
            ws.cell(6, c + j, y)
        c += len(ys)
        all_years += ys
    ws.cell(5, c, "Ghi chú")
    ws.merge_cells(start_row=5, start_column=c, end_row=6, end_column=c)
    for r in (5, 6):
        for cc in range(1, c + 1):
            ws.cell(r, cc).font = BOLD
            ws.cell(r, cc).alignment = CENTER
    y0 = len(labels) + 1
    for n, code in enumerate(STD):
        r = first + n
        row = [n + 1] + ([code] if with_code else []) + list(CAT[code])
        for i, v in enumerate(row, start=1):
            ws.cell(r, i, v)
        for j, y in enumerate(all_years):
            if y in YEARS:
                ws.cell(r, y0 + j, num(val(code, y)))
            else:  # a plan year: a target
                ws.cell(r, y0 + j, num(val(code, 2023)) + (10 if CAT[code][1] != "triệu đồng" else 50))
    widths(ws, A=6, B=44, C=12)
    return c  # the Ghi chú column


@case("LibreOffice")
def two_level_nam():
    """LibreOffice: row 5 STT | Chỉ tiêu | Đơn vị tính | Năm (merged D5:H5) | Ghi chú, labels merged over rows 5–6, row 6 the years 2019–2023."""
    wb, ws = new_book()
    heading(ws, 9)
    two_level(ws, "Năm", YEARS)
    return wb, accepted()


@case("openpyxl")
def two_level_so_lieu_theo_nam():
    """openpyxl: two-level header with "Số liệu theo năm" merged over 2021–2023."""
    wb, ws = new_book()
    heading(ws, 7)
    two_level(ws, "Số liệu theo năm", [2021, 2022, 2023])
    return wb, accepted(years=[2021, 2022, 2023])


@case("LibreOffice")
def two_level_ket_qua_thuc_hien():
    """LibreOffice: two-level header with a Mã chỉ tiêu column and "Kết quả thực hiện" merged over 2020–2023."""
    wb, ws = new_book()
    heading(ws, 9)
    two_level(ws, "Kết quả thực hiện", [2020, 2021, 2022, 2023], with_code=True)
    return wb, accepted(years=[2020, 2021, 2022, 2023])


# ---------------------------------------------------------------- decorated years

def decorated(labels, years, first=6):
    wb, ws = new_book()
    heading(ws, 5 + len(labels))
    header_row(ws, first - 1, ["STT", "Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính"] + labels + ["Ghi chú"])
    for n, code in enumerate(STD):
        r = first + n
        for i, v in enumerate([n + 1, code, CAT[code][0], CAT[code][1]] + [num(val(code, y)) for y in years], start=1):
            ws.cell(r, i, v)
    widths(ws, A=6, B=14, C=44, D=12)
    return wb, ws


@case("openpyxl")
def years_decorated():
    """openpyxl: year headers "Năm 2020", "Năm 2021", "2022 (*)", "2023 (ước)" and a footnote "(*) …" under the table; 2023 is an estimate."""
    years = [2020, 2021, 2022, 2023]
    wb, ws = decorated(["Năm 2020", "Năm 2021", "2022 (*)", "2023 (ước)"], years)
    ws.cell(11, 1, "(*) Số liệu năm 2022 đã được rà soát, điều chỉnh.")
    return wb, accepted(years=years, warnings=["estimate", "year-mark"])


@case("LibreOffice")
def years_uoc_th():
    """LibreOffice: year headers 2021, 2022, "Ước TH 2023": the 2023 figures are read, with an estimate warning."""
    years = [2021, 2022, 2023]
    wb, _ = decorated([2021, 2022, "Ước TH 2023"], years)
    return wb, accepted(years=years, warnings=["estimate"])


@case("LibreOffice")
def years_dates():
    """LibreOffice: the year cells are dates (1 January) formatted "yyyy"."""
    years = [2020, 2021, 2022, 2023]
    wb, ws = decorated([datetime(y, 1, 1) for y in years], years)
    for j in range(len(years)):
        ws.cell(5, 5 + j).number_format = "yyyy"
    return wb, accepted(years=years)


def years_by_formula():
    years = [2020, 2021, 2022, 2023]
    wb, _ = decorated([2020, "=E5+1", "=F5+1", "=G5+1"], years)
    return wb, accepted(years=years)


@case("LibreOffice")
def years_formula():
    """LibreOffice: E5 is 2020 and F5 =E5+1, G5 =F5+1, H5 =G5+1 (values cached by LibreOffice)."""
    return years_by_formula()


@case("openpyxl")
def years_formula_openpyxl():
    """openpyxl: year cells =E5+1 … with no cached values (the reader must calculate them)."""
    return years_by_formula()


# ---------------------------------------------------------------- plans and subtotals

def with_plan(plan_label, years=YEARS):
    wb, ws = new_book()
    heading(ws, 6 + len(years))
    labels = ["STT", "Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính"] + list(years) + [plan_label, "Ghi chú"]
    header_row(ws, 5, labels)
    for n, code in enumerate(STD):
        r = 6 + n
        plan = num(val(code, 2023)) + (10 if CAT[code][1] != "triệu đồng" else 50)
        row = [n + 1, code] + list(CAT[code]) + [num(val(code, y)) for y in years] + [plan]
        for i, v in enumerate(row, start=1):
            ws.cell(r, i, v)
    widths(ws, A=6, B=14, C=44, D=12)
    return wb, accepted(years=years, warnings=["plan-skipped"])


@case("openpyxl")
def plan_ke_hoach():
    """openpyxl: 2019…2023 then a "Kế hoạch 2024" column with targets: never stored, warning."""
    return with_plan("Kế hoạch 2024")


@case("LibreOffice")
def plan_kh():
    """LibreOffice: 2021…2023 then "KH 2024": never stored, warning."""
    return with_plan("KH 2024", years=[2021, 2022, 2023])


@case("openpyxl")
def plan_chi_tieu_giao():
    """openpyxl: 2021…2023 then "Chỉ tiêu giao năm 2024" (the word "Chỉ tiêu" is also the name column's label)."""
    return with_plan("Chỉ tiêu giao năm 2024", years=[2021, 2022, 2023])


@case("LibreOffice")
def plan_two_level():
    """LibreOffice: two-level header, "Thực hiện" merged over 2019–2023 and "Kế hoạch" over 2024 in row 5, the years in row 6."""
    wb, ws = new_book()
    heading(ws, 10)
    two_level(ws, "Thực hiện", YEARS, extra_groups=[("Kế hoạch", [2024])])
    return wb, accepted(warnings=["plan-skipped"])


def subtotal(typed):
    wb, ws = new_book()
    heading(ws, 11)
    labels = ["STT", "Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính"] + YEARS + ["Cộng 5 năm", "Ghi chú"]
    header_row(ws, 5, labels)
    for n, code in enumerate(STD):
        r = 6 + n
        row = [n + 1, code] + list(CAT[code]) + [num(val(code, y)) for y in YEARS]
        for i, v in enumerate(row, start=1):
            ws.cell(r, i, v)
        ws.cell(r, 10, typed(code) if typed else f"=SUM(E{r}:I{r})")
    widths(ws, A=6, B=14, C=44, D=12)
    return wb


@case("LibreOffice")
def subtotal_ok():
    """LibreOffice: a "Cộng 5 năm" column J of =SUM(E:I) formulas equal to the sum: not stored, no error."""
    return subtotal(None), accepted()


@case("openpyxl")
def subtotal_mismatch():
    """openpyxl: "Cộng 5 năm" typed by hand; TT_LUOT's says 39.959 but 2019–2023 add to 39.995: total-mismatch at J7."""
    def typed(code):
        s = sum(D(val(code, y)) for y in YEARS)
        return 39959 if code == "TT_LUOT" else num(s)
    return subtotal(typed), refused(err("total-mismatch", "Biểu số liệu", "J7", says=["39.959", "39.995"]))


@case("LibreOffice")
def merged_figure():
    """LibreOffice: TT_BUOI's one figure 215 merged across 2019–2020 (E6:F6): refused naming the range."""
    wb, ws = new_book()
    heading(ws, 10)
    wide(ws, values=lambda c, y: 215 if (c, y) == ("TT_BUOI", 2019) else
         (None if (c, y) == ("TT_BUOI", 2020) else num(val(c, y))))
    ws.merge_cells("E6:F6")
    return wb, refused(err("merged-figure", "Biểu số liệu", "E6", says=["E6:F6"]))


# ---------------------------------------------------------------- measures

def money_rows(factor, uom, fmt, codes=("TT_BUOI", "NHA_SO", "NHA_TIEN", "VON_HO", "VON_TIEN"),
               years=(2021, 2022, 2023), override=None):
    """A wide table where the money rows are written in another measure:
    the figure × factor, with uom in the Đơn vị tính column."""
    wb, ws = new_book()
    heading(ws, 5 + len(years))
    header_row(ws, 5, ["STT", "Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính"] + list(years) + ["Ghi chú"])
    for n, code in enumerate(codes):
        r = 6 + n
        money = CAT[code][1] == "triệu đồng"
        for i, v in enumerate([n + 1, code, CAT[code][0], uom if money else CAT[code][1]], start=1):
            ws.cell(r, i, v)
        for j, y in enumerate(years):
            v = D(val(code, y)) * factor if money else D(val(code, y))
            if override and (code, y) in override:
                v = override[(code, y)]
            c = ws.cell(r, 5 + j, num(D(v)))
            c.number_format = fmt if money else "#,##0"
    widths(ws, A=6, B=14, C=44, D=12)
    return wb, ws, accepted(codes=codes, years=list(years), warnings=["measure-converted"])


@case("LibreOffice")
def money_dong():
    """LibreOffice: NHA_TIEN and VON_TIEN in "đồng" (Đơn vị tính column), e.g. 765.300.000: read exactly as 765,3 triệu, warning."""
    wb, _, e = money_rows(1000000, "đồng", "#,##0")
    return wb, e


@case("openpyxl")
def money_nghin_dong():
    """openpyxl: money rows in "nghìn đồng", e.g. 1.120.250: read as 1.120,25 triệu, warning."""
    wb, _, e = money_rows(1000, "nghìn đồng", "#,##0")
    return wb, e


@case("openpyxl")
def money_ty_dong():
    """openpyxl: money rows in "tỷ đồng", e.g. 0,7653: read as 765,3 triệu, warning."""
    wb, _, e = money_rows(D("0.001"), "tỷ đồng", "#,##0.00000")
    return wb, e


@case("LibreOffice")
def money_line_nghin_dong():
    """LibreOffice: a money-only table (no Đơn vị tính column) under a line "Đơn vị tính: nghìn đồng": read in triệu, warning."""
    years, codes = [2021, 2022, 2023], ["NHA_TIEN", "VON_TIEN"]
    wb, ws = new_book()
    heading(ws, 6)
    ws.cell(4, 1, "Đơn vị tính: nghìn đồng")
    header_row(ws, 5, ["STT", "Chỉ tiêu"] + years + ["Ghi chú"])
    for n, code in enumerate(codes):
        ws.cell(6 + n, 1, n + 1)
        ws.cell(6 + n, 2, CAT[code][0])
        for j, y in enumerate(years):
            ws.cell(6 + n, 3 + j, num(D(val(code, y)) * 1000)).number_format = "#,##0"
    widths(ws, A=6, B=44)
    return wb, accepted(codes=codes, years=years, warnings=["measure-converted"])


@case("openpyxl")
def money_line_don_vi_trieu():
    """openpyxl: "Mã đơn vị: HP-HONGBANG" and, right above a money-only table, "Đơn vị: triệu đồng": the unit is Quận Hồng Bàng, not "triệu đồng"."""
    years, codes = [2021, 2022, 2023], ["NHA_TIEN", "VON_TIEN"]
    wb, ws = new_book()
    heading(ws, 6, name=None)
    ws.cell(4, 5, "Đơn vị: triệu đồng").alignment = Alignment(horizontal="right")
    header_row(ws, 5, ["STT", "Chỉ tiêu"] + years + ["Ghi chú"])
    for n, code in enumerate(codes):
        ws.cell(6 + n, 1, n + 1)
        ws.cell(6 + n, 2, CAT[code][0])
        for j, y in enumerate(years):
            ws.cell(6 + n, 3 + j, num(val(code, y))).number_format = "#,##0.00"
    widths(ws, A=6, B=44)
    return wb, accepted(codes=codes, years=years, unit_name=UNIT_NAME)


@case("openpyxl")
def measure_count_mismatch():
    """openpyxl: TT_LUOT's Đơn vị tính is "nghìn lượt người" (figures 8,45 …) where the catalog counts lượt người: refused at D7."""
    wb, ws = new_book()
    heading(ws, 10)
    wide(ws, values=lambda c, y: float(D(val(c, y)) / 1000) if c == "TT_LUOT" else num(val(c, y)))
    ws["D7"] = "nghìn lượt người"
    for j in range(5):
        ws.cell(7, 5 + j).number_format = "#,##0.00"
    return wb, refused(err("measure-mismatch", "Biểu số liệu", "D7", says=["nghìn lượt người", "lượt người"]))


@case("LibreOffice")
def money_dong_not_whole():
    """LibreOffice: NHA_TIEN in đồng, 2022 typed 602.112.345 đồng: not a whole number of 10.000 đồng (0,01 triệu): refused at F8."""
    wb, _, _ = money_rows(1000000, "đồng", "#,##0", override={("NHA_TIEN", 2022): 602112345})
    return wb, refused(err("ambiguous-number", "Biểu số liệu", "F8", says=["triệu đồng"]))


@case("LibreOffice")
def scaled_format():
    """LibreOffice: VON_TIEN (Đơn vị tính "triệu đồng") holds đồng, e.g. 504250000, shown in millions by "#,##0.00,," as 504,25: read as shown, warning."""
    years = [2021, 2022, 2023]
    vt = {2021: 1250000000, 2022: 504250000, 2023: 318700000}
    wb, ws = new_book()
    heading(ws, 9)
    header_row(ws, 5, ["STT", "Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính"] + years + ["Ghi chú"])
    for n, code in enumerate(["VON_HO", "VON_TIEN"]):
        r = 6 + n
        for i, v in enumerate([n + 1, code] + list(CAT[code]), start=1):
            ws.cell(r, i, v)
        for j, y in enumerate(years):
            c = ws.cell(r, 5 + j, vt[y] if code == "VON_TIEN" else val(code, y))
            c.number_format = "#,##0.00,," if code == "VON_TIEN" else "#,##0"
    widths(ws, A=6, B=14, C=44, D=12, E=12, F=12, G=12)
    figs = {"VON_HO": {str(y): vn(val("VON_HO", y)) for y in years},
            "VON_TIEN": {"2021": "1.250", "2022": "504,25", "2023": "318,7"}}
    return wb, accepted(figs=figs, warnings=["scaled-format"])


@case("LibreOffice")
def percent_count():
    """LibreOffice: TT_BUOI 2023 (I6) holds 0,85 formatted "0%" (shows 85%) on a count: refused."""
    wb, ws = new_book()
    heading(ws, 10)
    wide(ws, values=lambda c, y: 0.85 if (c, y) == ("TT_BUOI", 2023) else num(val(c, y)))
    ws["I6"].number_format = "0%"
    return wb, refused(err("type-error", "Biểu số liệu", "I6", says=["85%"]))


# ---------------------------------------------------------------- hidden rows and columns

@case("openpyxl")
def hidden_row():
    """openpyxl: row 7 (TH_LOP, an old draft) hidden between shown rows: nobody reading the sheet sees its figures, refused naming row 7 and its cells."""
    wb, ws = new_book()
    heading(ws, 10)
    wide(ws, codes=["TT_BUOI", "TH_LOP", "TT_LUOT", "NHA_SO", "NHA_TIEN"])
    ws.row_dimensions[7].hidden = True
    return wb, refused(err("hidden-cell", "Biểu số liệu", "E7", says=["Dòng 7", "bị ẩn", "E7", "I7", "Unhide"]),
                       absent=[{"code": "duplicate-indicator"}])


@case("LibreOffice")
def hidden_column():
    """LibreOffice: column E headed 2018 with draft figures hidden inside the table (2019–2023 shown): refused naming column E and its cells."""
    wb, ws = new_book()
    heading(ws, 11)
    wide(ws)
    ws.insert_cols(5)
    ws.cell(5, 5, 2018).font = BOLD
    for n, code in enumerate(STD):
        ws.cell(6 + n, 5, num(val(code, 2019)))
    ws.column_dimensions["E"].hidden = True
    return wb, refused(err("hidden-cell", "Biểu số liệu", "E6", says=["Cột E", "2018", "bị ẩn", "E6", "E9"]))


@case("LibreOffice")
def struck_figures():
    """LibreOffice: NHA_SO's figures (row 8) struck through, as an office marks a row withdrawn: refused at each cell."""
    wb, ws = new_book()
    heading(ws, 10)
    wide(ws)
    for col in "EFGHI":
        ws[f"{col}8"].font = Font(strike=True)
    return wb, refused(err("type-error", "Biểu số liệu", "E8", says=["gạch ngang", "E8"]),
                       err("type-error", "Biểu số liệu", "I8", says=["gạch ngang"]))


@case("openpyxl, patched")
def zero_size():
    """openpyxl, patched: row 7 (TT_LUOT) made 0 high and column I (2023) 0 wide, not hidden (as Excel writes a row or column dragged shut): nobody sees them either, refused naming both."""
    wb, ws = new_book()
    heading(ws, 10)
    wide(ws)
    ws.row_dimensions[7].height = 0
    ws.column_dimensions["I"].width = 0
    return wb, refused(err("hidden-cell", "Biểu số liệu", "E7", says=["Dòng 7"]), err("hidden-cell", "Biểu số liệu", "I6", says=["Cột I"]))


@case("openpyxl")
def hidden_code_column():
    """openpyxl: the code column B hidden; row 7's hidden code is TT_LUOT under the shown name of another indicator, reworded: refused, the reader sees only the name."""
    wb, ws = new_book()
    heading(ws, 10)
    wide(ws)
    ws["C7"] = "Số lượt cán bộ được tập huấn (các lớp)"
    ws.column_dimensions["B"].hidden = True
    return wb, refused(err("hidden-cell", "Biểu số liệu", "B7", says=["bị ẩn", "TT_LUOT", "Số lượt cán bộ được tập huấn (các lớp)"]))


@case("openpyxl")
def hidden_code_column_agrees():
    """openpyxl: the code column B hidden, every name the code's own: read by the codes, nothing said."""
    wb, ws = new_book()
    heading(ws, 10)
    wide(ws)
    ws.column_dimensions["B"].hidden = True
    return wb, accepted()


@case("openpyxl")
def hidden_filtered():
    """openpyxl: an AutoFilter on the table hides rows 7 and 9 (TH_LOP, TH_LUOT), <sheetPr filterMode="1"> as Excel writes it: refused, saying a filter hides them."""
    wb, ws = new_book()
    heading(ws, 10)
    wide(ws, codes=["TT_BUOI", "TH_LOP", "TT_LUOT", "TH_LUOT", "NHA_SO", "NHA_TIEN"])
    ws.auto_filter.ref = "A5:J11"
    ws.auto_filter.add_filter_column(1, ["TT_BUOI", "TT_LUOT", "NHA_SO", "NHA_TIEN"])
    ws.sheet_properties.filterMode = True
    ws.row_dimensions[7].hidden = True
    ws.row_dimensions[9].hidden = True
    return wb, refused(err("hidden-cell", "Biểu số liệu", "E7", says=["Dòng 7", "bộ lọc"]),
                       err("hidden-cell", "Biểu số liệu", "E9", says=["Dòng 9", "bộ lọc"]))


@case("openpyxl")
def hidden_group():
    """openpyxl: rows 10–11 (TH_LOP, TH_LUOT) in a collapsed outline group under the table: refused, saying the group is collapsed."""
    wb, ws = new_book()
    heading(ws, 10)
    wide(ws, codes=["TT_BUOI", "TT_LUOT", "NHA_SO", "NHA_TIEN", "TH_LOP", "TH_LUOT"])
    ws.row_dimensions.group(10, 11, hidden=True, outline_level=1)
    return wb, refused(err("hidden-cell", "Biểu số liệu", "E10", says=["Dòng 10", "thu gọn"]),
                       err("hidden-cell", "Biểu số liệu", "E11", says=["Dòng 11", "thu gọn"]))


@case("LibreOffice")
def hidden_labels_only():
    """LibreOffice: hidden rows and columns that hold no figure (an empty row inside the table, a helper column after Ghi chú, a note row under it): accepted."""
    wb, ws = new_book()
    heading(ws, 10)
    wide(ws)
    ws.insert_rows(8)
    ws.row_dimensions[8].hidden = True
    ws.cell(8, 3, "(dòng trống)")
    ws.cell(6, 11, "TT_BUOI-2019")
    ws.column_dimensions["K"].hidden = True
    ws.cell(12, 3, "Ghi chú nội bộ: số liệu đã đối chiếu")
    ws.row_dimensions[12].hidden = True
    return wb, accepted()


# ---------------------------------------------------------------- what the cell shows

@case("openpyxl")
def format_no_digits():
    """openpyxl: TT_BUOI 2021 (G6) formatted ";;;" (the cell looks empty) and 2022 (H6) formatted "chưa có số liệu" (shows those words) over the numbers 88 and 132: refused at each; a zero shown "-" by "#,##0;-#,##0;\"-\"" (NHA_SO 2023, I8) is read as zero."""
    wb, ws = new_book()
    heading(ws, 10)
    wide(ws, values=lambda c, y: 0 if (c, y) == ("NHA_SO", 2023) else num(val(c, y)))
    ws["G6"].number_format = ";;;"
    ws["H6"].number_format = '"chưa có số liệu"'
    ws["I8"].number_format = '#,##0;-#,##0;"-"'
    return wb, refused(err("type-error", "Biểu số liệu", "G6", says=[";;;", "để trống", "88", "Format Cells > Number"]),
                       err("type-error", "Biểu số liệu", "H6", says=["chưa có số liệu", "132", "Format Cells > Number"]),
                       absent=[err("type-error", "Biểu số liệu", "I8")])


@case("LibreOffice, patched")
def stale_cache():
    """LibreOffice, patched: I6 =H6+9 (141) cached as 140 and xl/workbook.xml asks <calcPr fullCalcOnLoad="1"/>: Excel shows 141."""
    wb, ws = new_book()
    heading(ws, 10)
    wide(ws)
    ws["I6"] = "=H6+9"
    return wb, accepted()


def circular_book():
    wb, ws = new_book()
    heading(ws, 10)
    wide(ws)
    ws["I7"] = "=SUM(E7:I7)"  # meant as a row total, typed into the 2023 column
    return wb, refused(err("formula-error", "Biểu số liệu", "I7", says=["I7"]))


@case("LibreOffice")
def circular():
    """LibreOffice: TT_LUOT 2023 (I7) is =SUM(E7:I7), a circular reference: formula-error."""
    return circular_book()


@case("openpyxl")
def circular_openpyxl():
    """openpyxl: the same circular =SUM(E7:I7) in I7, with no cached value: formula-error."""
    return circular_book()


# ---------------------------------------------------------------- precision

@case("LibreOffice")
def precision_money_numeric():
    """LibreOffice: NHA_TIEN 2021 (G9) is the number 1,254 (typed "1.254" in an English-locale Excel): more than 0,01 precision, ambiguous-number."""
    wb, ws = new_book()
    heading(ws, 10)
    wide(ws, values=lambda c, y: 1.254 if (c, y) == ("NHA_TIEN", 2021) else num(val(c, y)))
    ws["G9"].number_format = "General"
    return wb, refused(err("ambiguous-number", "Biểu số liệu", "G9"))


@case("openpyxl")
def precision_money_text():
    """openpyxl: NHA_TIEN 2022 (H9) is the text "1,092": one point zero nine two, or 1.092? ambiguous-number."""
    wb, ws = new_book()
    heading(ws, 10)
    wide(ws, values=lambda c, y: "1,092" if (c, y) == ("NHA_TIEN", 2022) else num(val(c, y)))
    return wb, refused(err("ambiguous-number", "Biểu số liệu", "H9", says=["1,092"]))


@case("openpyxl")
def precision_count_text():
    """openpyxl: TT_LUOT 2021 (G7) is the text "7,067" on a count: ambiguous-number, not not-whole."""
    wb, ws = new_book()
    heading(ws, 10)
    wide(ws, values=lambda c, y: "7,067" if (c, y) == ("TT_LUOT", 2021) else num(val(c, y)))
    return wb, refused(err("ambiguous-number", "Biểu số liệu", "G7", says=["7,067"]),
                       absent=[err("not-whole", "Biểu số liệu", "G7")])


@case("openpyxl")
def precision_count_numeric():
    """openpyxl: TT_LUOT 2022 (H7) is the number 3,004 (typed "3.004" in an English-locale Excel) on a count: refused, ambiguous-number."""
    wb, ws = new_book()
    heading(ws, 10)
    wide(ws, values=lambda c, y: 3.004 if (c, y) == ("TT_LUOT", 2022) else num(val(c, y)))
    return wb, refused(err("ambiguous-number", "Biểu số liệu", "H7"))


# ---------------------------------------------------------------- code and name

@case("openpyxl")
def code_name_conflict():
    """openpyxl: names sorted, codes left in place: row 6 code TT_BUOI with name "Số lớp tập huấn" (TH_LOP's), row 8 code TH_LOP with "Số buổi tuyên truyền": refused naming both."""
    codes = ["TT_BUOI", "TT_LUOT", "TH_LOP", "TH_LUOT"]
    wb, ws = new_book()
    heading(ws, 10)
    wide(ws, codes=codes)
    ws["C6"], ws["D6"] = CAT["TH_LOP"][0], CAT["TH_LOP"][1]
    ws["C8"], ws["D8"] = CAT["TT_BUOI"][0], CAT["TT_BUOI"][1]
    return wb, refused(
        err("code-name-conflict", "Biểu số liệu", "C6", says=["TT_BUOI", "TH_LOP", "Số lớp tập huấn"]),
        err("code-name-conflict", "Biểu số liệu", "C8", says=["TH_LOP", "TT_BUOI", "Số buổi tuyên truyền"]))


@case("openpyxl")
def name_worded_differently():
    """openpyxl: code TT_BUOI with the name "Số buổi tuyên truyền, phổ biến pháp luật": a name-mismatch warning only."""
    wb, ws = new_book()
    heading(ws, 10)
    wide(ws)
    ws["C6"] = "Số buổi tuyên truyền, phổ biến pháp luật"
    return wb, accepted(warnings=["name-mismatch"])


# ---------------------------------------------------------------- units

def named_unit(name, years=(2022, 2023)):
    wb, ws = new_book()
    heading(ws, 5 + len(years), name=name, code=None)
    wide(ws, years=list(years))
    return wb


@case("openpyxl")
def unit_town_not_district():
    """openpyxl: "Đơn vị: Thị trấn An Dương", no code; the known unit is "Huyện An Dương": missing-unit, not stored under the district."""
    return named_unit("Thị trấn An Dương"), refused(
        err("missing-unit", "Biểu số liệu", "A2", says=["Thị trấn An Dương"]))


@case("openpyxl")
def unit_ward_not_district():
    """openpyxl: "Đơn vị: Phường 1", no code; the known unit is "Quận 1": missing-unit."""
    return named_unit("Phường 1"), refused(err("missing-unit", "Biểu số liệu", "A2", says=["Phường 1"]))


@case("openpyxl")
def unit_abbreviated():
    """openpyxl: "Đơn vị: Q. Hồng Bàng", no code: the prefix's abbreviation, so Quận Hồng Bàng (HP-HONGBANG)."""
    return named_unit("Q. Hồng Bàng"), accepted(years=[2022, 2023])


@case("openpyxl")
def unit_bare_name():
    """openpyxl: "Đơn vị: Lê Chân", no code, no prefix: one known unit carries the name, HP-LECHAN."""
    return named_unit("Lê Chân"), accepted(years=[2022, 2023], unit="HP-LECHAN")


@case("LibreOffice")
def unit_code_number():
    """LibreOffice: "Mã đơn vị:" in A3 and the number 5 formatted "00000" in B3 (shows 00005): unit 00005."""
    wb, ws = new_book()
    heading(ws, 7, name=None, code=None)
    ws["A2"], ws["B2"] = "Đơn vị:", "Xã Năm"
    ws["A3"], ws["B3"] = "Mã đơn vị:", 5
    ws["B3"].number_format = "00000"
    ws["B3"].alignment = Alignment(horizontal="left")
    wide(ws, years=[2022, 2023])
    return wb, accepted(years=[2022, 2023], unit="00005")


def template_book(tk, path, lines):
    """A tongket template for Quận Hồng Bàng, filled in with openpyxl:
    lines (name, code) replace the visible unit lines when given."""
    tongket_template(tk, path)
    wb = openpyxl.load_workbook(path)
    ws = wb["Biểu số liệu"]
    rows = {ws.cell(r, 2).value: r for r in range(6, ws.max_row + 1)}
    for code in STD:
        for j, y in enumerate(YEARS):
            ws.cell(rows[code], 5 + j, num(val(code, y)))
    if lines:
        ws["C2"], ws["C3"] = lines
        guide = wb["Hướng dẫn"]
        guide["B3"], guide["B4"] = f"Đơn vị: {lines[0]}", f"Mã đơn vị: {lines[1]}"
    wb.properties.modified = FIXED_TIME
    wb.save(path)
    return rows


@case("tongket template, openpyxl")
def template_filled():
    """tongket template, openpyxl: a template for Quận Hồng Bàng filled in as its guide says."""
    return "template", None, accepted()


@case("tongket template, openpyxl")
def template_passed_on():
    """tongket template, openpyxl: Quận Hồng Bàng's template, its visible unit lines changed to Quận Lê Chân / HP-LECHAN, figures typed: unit-mismatch."""
    return "template", ("Quận Lê Chân", "HP-LECHAN"), refused(
        err("unit-mismatch", "Biểu số liệu", "C3", says=["HP-LECHAN", "HP-HONGBANG"]))


@case("openpyxl")
def long_names_unknown():
    """openpyxl: long table Mã đơn vị | Tên đơn vị | Năm | Chỉ tiêu | Giá trị, codes left empty, "Quận Đồ Sơn" unknown: missing-unit advising the Mã đơn vị column."""
    wb, ws = new_book("Tổng hợp")
    ws.append(["Mã đơn vị", "Tên đơn vị", "Năm", "Chỉ tiêu", "Giá trị"])
    for name in ["Quận Hồng Bàng", "Quận Lê Chân", "Quận Đồ Sơn"]:
        for y in (2022, 2023):
            for code in ("TT_BUOI", "TT_LUOT"):
                ws.append([None, name, y, CAT[code][0], num(val(code, y))])
    for r in ws.iter_rows(min_row=1, max_row=1):
        for c in r:
            c.font = BOLD
    widths(ws, B=20, D=40)
    # Quận Đồ Sơn's first row: 1 header + 2 units × 4 rows + 1.
    return wb, refused(err("missing-unit", "Tổng hợp", "B10", says=["Quận Đồ Sơn", "cột", "Mã đơn vị"],
                           says_not=["phía trên bảng"]))


# ---------------------------------------------------------------- main

def zero_patch(path):
    """Row 7 0 high and column I 0 wide, which openpyxl does not write."""
    def sheet(data):
        s = data.decode("utf-8")
        s, n = re.subn(r'<row r="7" customHeight="1"', '<row r="7" ht="0" customHeight="1"', s)
        s, m = re.subn(r"</cols>", '<col min="9" max="9" width="0" customWidth="1"/></cols>', s)
        if n != 1 or m != 1:
            raise SystemExit("zero-size: the sheet is not as expected")
        return s.encode("utf-8")
    patch_zip(path, "xl/worksheets/sheet1.xml", sheet)


def stale_patch(path):
    def sheet(data):
        s = data.decode("utf-8")
        new, n = re.subn(r'(<c r="I6"[^>]*>\s*<f[^>]*>[^<]*</f>\s*<v>)141(</v>)', r"\g<1>140\g<2>", s)
        assert n == 1, "stale-cache: cached value of I6 not found"
        return new.encode("utf-8")

    def workbook(data):
        s = data.decode("utf-8")
        if "<calcPr" in s:
            s, n = re.subn(r"<calcPr([^>]*?)/>", lambda m: "<calcPr" + re.sub(r'\s*fullCalcOnLoad="[^"]*"', "", m.group(1)) + ' fullCalcOnLoad="1"/>', s)
        else:
            s, n = re.subn(r"</workbook>", '<calcPr fullCalcOnLoad="1"/></workbook>', s)
        assert n == 1, "stale-cache: calcPr not placed"
        return s.encode("utf-8")

    patch_zip(path, "xl/worksheets/sheet1.xml", sheet)
    patch_zip(path, "xl/workbook.xml", workbook)


def main():
    only = set(sys.argv[1:])
    expected = {}
    lo = []  # (name, openpyxl temp file)
    with tempfile.TemporaryDirectory(prefix="tongket-offices-") as tmp:
        tk = None
        for name, writer, fn in CASES:
            if only and name not in only:
                continue
            out = os.path.join(HERE, name + ".xlsx")
            got = fn()
            if got[0] == "template":
                _, lines, exp = got
                if tk is None:
                    tk = os.environ.get("TONGKET")  # a built tongket, if the tree does not build now
                    if not tk:
                        tk = os.path.join(tmp, "tongket")
                        subprocess.run(["go", "build", "-o", tk, "./cmd/tongket"], cwd=ROOT, check=True)
                template_book(tk, out, lines)
                wb = None
            else:
                wb, exp = got
            if isinstance(wb, openpyxl.Workbook):
                if writer.startswith("LibreOffice"):
                    src = os.path.join(tmp, name + ".xlsx")
                    wb.save(src)
                    lo.append((name, src))
                else:
                    wb.save(out)
                    if name == "zero-size":
                        zero_patch(out)
            expected[name] = (writer, fn, exp)
        if lo:
            outdir = os.path.join(tmp, "lo")
            os.makedirs(outdir)
            libreoffice([s for _, s in lo], outdir)
            for name, _ in lo:
                shutil.copyfile(os.path.join(outdir, name + ".xlsx"), os.path.join(HERE, name + ".xlsx"))
                if name == "stale-cache":
                    stale_patch(os.path.join(HERE, name + ".xlsx"))
    for name in expected:
        pin_zip(os.path.join(HERE, name + ".xlsx"))
    path = os.path.join(HERE, "expected.json")
    old = {}
    if only and os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            old = json.load(f)
    out = dict(old)
    for name, (writer, fn, exp) in expected.items():
        e = {"about": (fn.__doc__ or "").strip().split("\n")[0], "writer": writer}
        e.update(exp)
        out[name] = e
    with open(path, "w", encoding="utf-8") as f:
        json.dump(dict(sorted(out.items())), f, ensure_ascii=False, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
