#!/usr/bin/python3
"""Generate the bundled demo sample of `tongket demo` (demo/inbox/).

Run from anywhere with the system Python (it has python3-openpyxl):

    /usr/bin/python3 demo/gen.py

The figures come from a fixed seed, so every run writes the same figures.
The files are made byte-stable too: zip entry times and the dates in
docProps/core.xml are pinned (openpyxl and LibreOffice both stamp "now").
Three workbooks are passed through LibreOffice (`soffice --headless
--convert-to xlsx`), so `soffice` must be on PATH.

Besides inbox/*.xlsx this writes README.md (what each file carries and what
ingesting it must do) and expected.json (the figures in force after ingesting
the whole inbox in lexical order: the corrections applied, the refused file
left out).
"""

import io
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from datetime import datetime
from decimal import Decimal

import openpyxl
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

SEED = "tongket-demo-2024"
HERE = os.path.dirname(os.path.abspath(__file__))
INBOX = os.path.join(HERE, "inbox")
YEARS = list(range(2008, 2025))
FIXED_TIME = datetime(2024, 12, 31, 8, 0, 0)
ZIP_TIME = (2024, 12, 31, 8, 0, 0)
TITLE = "BIỂU SỐ LIỆU TỔNG KẾT PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC"

# FORMATS.md §1, in catalog order: code, name, unit of measure, kind
CATALOG = [
    ("MH_TRIENKHAI", "Số mô hình, cách làm hay được xây dựng, triển khai", "mô hình", "count"),
    ("MH_HIEUQUA", "Số mô hình đang hoạt động hiệu quả", "mô hình", "count"),
    ("TT_BUOI", "Số buổi tuyên truyền", "buổi", "count"),
    ("TT_LUOT", "Số lượt người tham dự tuyên truyền", "lượt người", "count"),
    ("TIN_GIATRI", "Số tin có giá trị cung cấp cho lực lượng Công an", "tin", "count"),
    ("TH_LOP", "Số lớp tập huấn", "lớp", "count"),
    ("TH_LUOT", "Số lượt cán bộ được tập huấn", "lượt người", "count"),
    ("CH_NGUOI", "Số người có quá khứ lầm lỗi được cảm hóa, giáo dục tại cộng đồng", "người", "count"),
    ("NHA_SO", "Số nhà đại đoàn kết, nhà tình nghĩa được xây, sửa", "nhà", "count"),
    ("NHA_TIEN", "Kinh phí xây, sửa nhà đại đoàn kết, nhà tình nghĩa", "triệu đồng", "money"),
    ("VON_HO", "Số hộ khó khăn được hỗ trợ vốn phát triển sản xuất", "hộ", "count"),
    ("VON_TIEN", "Số tiền hỗ trợ vốn phát triển sản xuất", "triệu đồng", "money"),
    ("QUA_LUOT", "Số lượt hộ có hoàn cảnh khó khăn được tặng quà", "lượt hộ", "count"),
    ("VK_GIAONOP", "Số vũ khí, vật liệu nổ, công cụ hỗ trợ được vận động giao nộp", "khẩu, quả, chiếc", "count"),
    ("HG_VU", "Số vụ mâu thuẫn, tranh chấp được hòa giải thành", "vụ", "count"),
    ("XA_TUQUAN", 'Số xã, phường có mô hình "Tự quản về an ninh, trật tự"', "xã, phường", "count"),
    ("XA_CAMERA", 'Số xã, phường có mô hình "Camera an ninh"', "xã, phường", "count"),
    ("CAMERA_SO", "Số camera an ninh được lắp đặt, kết nối", "camera", "count"),
]
CODES = [c[0] for c in CATALOG]
NAME = {c[0]: c[1] for c in CATALOG}
UOM = {c[0]: c[2] for c in CATALOG}
KIND = {c[0]: c[3] for c in CATALOG}

# code, name, size factor, number of communes/wards
UNITS = [
    ("HP-HONGBANG", "Quận Hồng Bàng", 0.90, 11),
    ("HP-NGOQUYEN", "Quận Ngô Quyền", 1.20, 13),
    ("HP-LECHAN", "Quận Lê Chân", 1.25, 15),
    ("HP-HAIAN", "Quận Hải An", 1.00, 8),
    ("HP-KIENAN", "Quận Kiến An", 0.95, 10),
    ("HP-DOSON", "Quận Đồ Sơn", 0.70, 7),
    ("HP-DUONGKINH", "Quận Dương Kinh", 0.70, 6),
    ("HP-THUYNGUYEN", "Huyện Thủy Nguyên", 1.40, 20),
    ("HP-ANDUONG", "Huyện An Dương", 1.10, 16),
    ("HP-ANLAO", "Huyện An Lão", 1.00, 17),
    ("HP-KIENTHUY", "Huyện Kiến Thụy", 1.00, 18),
    ("HP-TIENLANG", "Huyện Tiên Lãng", 1.05, 20),
    ("HP-VINHBAO", "Huyện Vĩnh Bảo", 1.10, 20),
]
UNIT_NAME = {u[0]: u[1] for u in UNITS}


# --------------------------------------------------------------------------
# Figures


def clamp(v, lo, hi):
    return max(lo, min(hi, v))


def dec1(x):
    return Decimal(str(round(x, 1)))


def gen_series(code, scale, ncomm):
    """Full 2008-2024 series of one unit, all indicators but MH_HIEUQUA
    (a stock bounded by the cumulative MH_TRIENKHAI of the years a file
    actually reports, so it is computed per file by with_hieuqua)."""
    rng = random.Random(f"{SEED}/{code}")
    b = {
        "buoi": rng.uniform(110, 150) * scale,
        "per": rng.uniform(55, 90),
        "mh": rng.uniform(3.5, 6.5) * scale,
        "tin": rng.uniform(50, 90) * scale,
        "lop": rng.uniform(5, 8) * scale,
        "hv": rng.uniform(35, 52),
        "ch": rng.uniform(14, 24) * scale,
        "nha": rng.uniform(8, 13) * scale,
        "ho": rng.uniform(20, 35) * scale,
        "qua": rng.uniform(450, 800) * scale,
        "vk": rng.uniform(12, 30) * scale,
        "hg": rng.uniform(40, 70) * scale,
    }
    tq = max(1, round(ncomm * rng.uniform(0.2, 0.4)))
    xc = 0
    cam = rng.randint(0, 3)
    cam_start = rng.randint(2010, 2013)
    out = {}
    for y in YEARS:
        t = y - 2008
        tr = 1 + 0.035 * t

        def nz(a=0.88, c=1.12):
            return rng.uniform(a, c)

        v = {}
        v["MH_TRIENKHAI"] = clamp(round(b["mh"] * tr * nz(0.75, 1.25)), 2, 15)
        v["TT_BUOI"] = clamp(round(b["buoi"] * tr * nz()), 80, 400)
        v["TT_LUOT"] = v["TT_BUOI"] * clamp(round(b["per"] * nz(0.85, 1.15)), 40, 120)
        v["TIN_GIATRI"] = clamp(round(b["tin"] * tr * nz(0.8, 1.2)), 20, 300)
        v["TH_LOP"] = clamp(round(b["lop"] * tr * nz(0.8, 1.2)), 2, 20)
        v["TH_LUOT"] = v["TH_LOP"] * clamp(round(b["hv"] * nz(0.85, 1.15)), 30, 60)
        v["CH_NGUOI"] = clamp(round(b["ch"] * tr * nz(0.75, 1.25)), 5, 60)
        v["NHA_SO"] = clamp(round(b["nha"] * tr * nz(0.8, 1.2)), 3, 40)
        # triệu đồng per house, one decimal (sometimes two)
        ph = Decimal(str(round(clamp(40 + 2.2 * t + rng.uniform(-4, 4), 40, 80), 1)))
        if rng.random() < 0.2:
            ph += Decimal("0.05")
        v["NHA_TIEN"] = v["NHA_SO"] * ph
        v["VON_HO"] = clamp(round(b["ho"] * tr * nz(0.8, 1.2)), 5, 120)
        pv = dec1(clamp(10 + 1.1 * t + rng.uniform(-2, 2), 10, 30))
        v["VON_TIEN"] = v["VON_HO"] * pv
        v["QUA_LUOT"] = clamp(round(b["qua"] * tr * nz(0.8, 1.2)), 300, 2500)
        vk = round(b["vk"] * (1 - 0.03 * t) * nz(0.5, 1.5))
        v["VK_GIAONOP"] = 0 if rng.random() < 0.1 else clamp(vk, 1, 60)
        v["HG_VU"] = clamp(round(b["hg"] * tr * nz(0.8, 1.2)), 20, 200)
        tq = min(ncomm, tq + rng.choice([0, 0, 1, 1, 2]))
        v["XA_TUQUAN"] = tq
        if y >= cam_start:
            new = min(ncomm - xc, rng.choice([1, 1, 2, 3]))
            xc += new
            cam += new * rng.randint(8, 15) + round(rng.randint(5, 35) * scale)
        else:
            cam += rng.randint(0, 2)
        v["XA_CAMERA"] = xc
        v["CAMERA_SO"] = cam
        out[y] = v
    return out


def with_hieuqua(series, years, missing_cells=()):
    """Copy of series restricted to `years`, with MH_HIEUQUA filled in as a
    non-decreasing stock that never exceeds the cumulative MH_TRIENKHAI of
    the reported years."""
    rng = random.Random(f"{SEED}/hq/{years[0]}/{len(years)}/{series[2008]['TT_BUOI']}")
    out = {}
    cum = 0
    hq = 0
    for y in years:
        v = dict(series[y])
        if ("MH_TRIENKHAI", y) not in missing_cells:
            cum += v["MH_TRIENKHAI"]
        frac = 0.55 + 0.015 * (y - 2008) + rng.uniform(-0.05, 0.05)
        hq = min(cum, max(hq, round(cum * frac)))
        v["MH_HIEUQUA"] = hq
        out[y] = {c: v[c] for c in CODES}
    for c, y in missing_cells:
        out[y][c] = None
    return out


# --------------------------------------------------------------------------
# Cell helpers


def vn_text(v):
    """Vietnamese-style text of a number: 1.234 / 1.234,5 / '-' for zero."""
    if v == 0:
        return "-"
    d = Decimal(v)
    ip = int(d)
    frac = d - ip
    s = f"{ip:,}".replace(",", ".")
    if frac:
        fs = format(frac.normalize(), "f")[2:]
        s += "," + fs
    return s


def num(v):
    """Numeric cell content: int, or float for money (exact to 2 decimals)."""
    if isinstance(v, Decimal):
        if v == v.to_integral_value():
            return int(v)
        return float(v)
    return v


def nfd(s):
    return unicodedata.normalize("NFD", s)


BOLD = Font(bold=True)


def write_wide(ws, unit, data, years, *, title_cells, meta_cells, header_row,
               columns, year_header=lambda y: y, name_for=lambda c: NAME[c],
               cell_for=None, blank_after=(), total=None, notes=None,
               col_widths=None):
    """Write one wide-layout table. Returns {(code, year): 'F12'} and the
    total row number (or None).

    columns: list of 'STT' | 'CODE' | 'NAME' | 'UOM' | 'NOTE' | ('Y', year)
    cell_for(code, year, value, refs) -> cell content (default: numeric)
    total: None | 'number' | 'formula'
    """
    notes = notes or {}
    for (r, c, text, merge_to) in title_cells:
        ws.cell(r, c, text).font = BOLD
        if merge_to:
            ws.merge_cells(start_row=r, start_column=c, end_row=r, end_column=merge_to)
            ws.cell(r, c).alignment = Alignment(horizontal="center")
    for (r, c, text) in meta_cells:
        ws.cell(r, c, text)
    colno = {}
    for i, col in enumerate(columns, start=1):
        colno[col] = i
        if col == "STT":
            h = "STT"
        elif col == "CODE":
            h = "Mã chỉ tiêu"
        elif col == "NAME":
            h = "Chỉ tiêu"
        elif col == "UOM":
            h = "Đơn vị tính"
        elif col == "NOTE":
            h = "Ghi chú"
        else:
            h = year_header(col[1])
        cell = ws.cell(header_row, i, h)
        cell.font = BOLD
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    refs = {}
    rowof = {}
    r = header_row + 1
    first = r
    for n, code in enumerate(CODES, start=1):
        rowof[code] = r
        for y in years:
            refs[(code, y)] = f"{get_column_letter(colno[('Y', y)])}{r}"
        r += 1
        if code in blank_after:
            r += 1
    last = r - 1
    for n, code in enumerate(CODES, start=1):
        r = rowof[code]
        if "STT" in colno:
            ws.cell(r, colno["STT"], n)
        if "CODE" in colno:
            ws.cell(r, colno["CODE"], code)
        if "NAME" in colno:
            ws.cell(r, colno["NAME"], name_for(code))
        if "UOM" in colno:
            ws.cell(r, colno["UOM"], UOM[code])
        if "NOTE" in colno and code in notes:
            ws.cell(r, colno["NOTE"], notes[code])
        for y in years:
            v = data[y][code]
            if v is None:
                continue
            content = cell_for(code, y, v, refs) if cell_for else num(v)
            ws.cell(r, colno[("Y", y)], content)
    total_row = None
    if total:
        total_row = last + 1
        label_col = colno.get("NAME", colno.get("CODE"))
        ws.cell(total_row, label_col, "Tổng cộng").font = BOLD
        for y in years:
            vals = [data[y][c] for c in CODES if data[y][c] is not None]
            if not vals:  # year not reported at all: leave the total empty too
                continue
            col = colno[("Y", y)]
            if total == "formula":
                L = get_column_letter(col)
                content = f"=SUM({L}{first}:{L}{last})"
            else:
                content = num(sum(Decimal(v) for v in vals))
            ws.cell(total_row, col, content).font = BOLD
    widths = {"STT": 5, "CODE": 14, "NAME": 48, "UOM": 12, "NOTE": 16}
    for col, i in colno.items():
        w = widths.get(col, 9) if isinstance(col, str) else 9
        if col_widths and col in col_widths:
            w = col_widths[col]
        ws.column_dimensions[get_column_letter(i)].width = w
    return refs, total_row


def std_columns(years, code=True):
    cols = ["STT"] + (["CODE"] if code else []) + ["NAME", "UOM"]
    return cols + [("Y", y) for y in years] + ["NOTE"]


def std_title(ncols):
    return [(1, 1, TITLE, ncols)]


def new_book(sheet="Biểu số liệu"):
    wb = openpyxl.Workbook()
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    ws = wb.active
    ws.title = sheet
    return wb, ws


# --------------------------------------------------------------------------
# Byte-stable zips and LibreOffice


def pin_zip(path):
    """Rewrite an .xlsx with fixed zip entry times and fixed core.xml dates,
    keeping entry order and content otherwise untouched."""
    with zipfile.ZipFile(path) as z:
        entries = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            if name == "docProps/core.xml":
                s = data.decode("utf-8")
                s = re.sub(r"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:)",
                           r"\g<1>2024-12-31T08:00:00Z\g<3>", s)
                data = s.encode("utf-8")
            zi = zipfile.ZipInfo(name, ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, data)
    with open(path, "wb") as f:
        f.write(buf.getvalue())


def save_openpyxl(wb, name):
    path = os.path.join(INBOX, name)
    wb.save(path)
    pin_zip(path)
    return path


def soffice(src, fmt, outdir, profile):
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
         "--convert-to", fmt, "--outdir", outdir, src],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    out = os.path.join(outdir, os.path.splitext(os.path.basename(src))[0] + "." + fmt.split(":")[0])
    if not os.path.exists(out):
        sys.exit(f"soffice did not write {out}")
    return out


def save_libreoffice(wb, name, tmp, via_ods=False):
    """Write with openpyxl, then let LibreOffice open and re-save it as .xlsx
    (optionally through .ods first), so the file in the inbox is LibreOffice's."""
    stem = os.path.splitext(name)[0]
    profile = os.path.join(tmp, "lo-profile")
    d0, d1, d2 = (os.path.join(tmp, stem, d) for d in ("a", "b", "c"))
    for d in (d0, d1, d2):
        os.makedirs(d, exist_ok=True)
    src = os.path.join(d0, name)
    wb.save(src)
    if via_ods:
        ods = soffice(src, "ods", d1, profile)
        out = soffice(ods, "xlsx", d2, profile)
    else:
        out = soffice(src, "xlsx", d2, profile)
    path = os.path.join(INBOX, name)
    shutil.copyfile(out, path)
    pin_zip(path)
    return path


# --------------------------------------------------------------------------
# The files

FILES = []  # dicts for README / expected.json


def count_figures(data, years):
    return sum(1 for y in years for c in CODES if data[y][c] is not None)


def reported_years(data, years):
    return [y for y in years if any(data[y][c] is not None for c in CODES)]


def record(name, unit, writer, layout, notes, data=None, years=None, outcome="accepted", **extra):
    rec = {"file": name, "unit": unit, "writer": writer, "layout": layout,
           "notes": notes, "outcome": outcome}
    if data is not None:
        rec["figures"] = count_figures(data, years)
        rec["years"] = reported_years(data, years)
        rec["data"] = data
    rec.update(extra)
    FILES.append(rec)


def gap(data, years):
    """Blank out whole years (not reported)."""
    for y in years:
        for c in CODES:
            data[y][c] = None


def f01_hong_bang(series):
    unit = "HP-HONGBANG"
    years = YEARS
    missing = {("VK_GIAONOP", 2008), ("VK_GIAONOP", 2009)}
    data = with_hieuqua(series[unit], years, missing)
    wb, ws = new_book()
    cols = std_columns(years)
    write_wide(ws, unit, data, years, title_cells=std_title(len(cols)),
               meta_cells=[(2, 1, f"Đơn vị: {UNIT_NAME[unit]}"), (3, 1, f"Mã đơn vị: {unit}")],
               header_row=5, columns=cols, total="number",
               notes={"VK_GIAONOP": "2008-2009 chưa thống kê"})
    save_openpyxl(wb, "01-hong-bang.xlsx")
    record("01-hong-bang.xlsx", unit, "openpyxl", "wide, standard (header row 5)",
           "standard layout; trailing `Tổng cộng` row with the correct column sums as numbers; "
           "VK_GIAONOP 2008-2009 left empty (not reported)", data, years)
    return data


def f_hong_bang_bo_sung(orig):
    unit = "HP-HONGBANG"
    years = YEARS
    data = {y: dict(orig[y]) for y in years}
    fixes = [("TT_BUOI", 2022, +14), ("TT_LUOT", 2022, +1265), ("NHA_TIEN", 2022, Decimal("37.5")),
             ("HG_VU", 2023, -3), ("QUA_LUOT", 2023, +120), ("CAMERA_SO", 2023, +25)]
    changes = []
    for code, y, delta in fixes:
        old = data[y][code]
        data[y][code] = old + delta
        changes.append((code, y, old, data[y][code]))
    assert data[2022]["TT_LUOT"] >= data[2022]["TT_BUOI"]
    assert data[2023]["CAMERA_SO"] <= data[2024]["CAMERA_SO"]
    wb, ws = new_book()
    cols = std_columns(years)
    refs, _ = write_wide(
        ws, unit, data, years, title_cells=std_title(len(cols)),
        meta_cells=[(2, 1, f"Đơn vị: {UNIT_NAME[unit]}"), (3, 1, f"Mã đơn vị: {unit}"),
                    (4, 1, "Biểu bổ sung, đính chính số liệu năm 2022, 2023 (thay thế biểu đã gửi)")],
        header_row=5, columns=cols, total="number",
        notes={"VK_GIAONOP": "2008-2009 chưa thống kê", "TT_BUOI": "Đính chính 2022",
               "TT_LUOT": "Đính chính 2022", "NHA_TIEN": "Đính chính 2022",
               "HG_VU": "Đính chính 2023", "QUA_LUOT": "Đính chính 2023", "CAMERA_SO": "Đính chính 2023"})
    save_openpyxl(wb, "hong-bang-bo-sung.xlsx")
    n = count_figures(data, years)
    record("hong-bang-bo-sung.xlsx", unit, "openpyxl", "wide, standard (header row 5)",
           "corrected resubmission of 01-hong-bang.xlsx: the whole table again with "
           f"{len(changes)} figures corrected (2022-2023); a note in A4", data, years,
           outcome=f"accepted: inserted 0, updated {len(changes)}, unchanged {n - len(changes)}",
           changes=[(c, y, o, nw, refs[(c, y)]) for c, y, o, nw in changes])
    return data


def f02_ngo_quyen(series):
    unit = "HP-NGOQUYEN"
    years = YEARS
    data = with_hieuqua(series[unit], [y for y in years if y not in (2010, 2011)])
    data[2010] = {c: None for c in CODES}
    data[2011] = {c: None for c in CODES}
    wb, ws = new_book("Sheet1")
    cols = std_columns(years)
    n = len(cols)
    write_wide(ws, unit, data, years,
               title_cells=[(1, 1, "CÔNG AN THÀNH PHỐ HẢI PHÒNG", 4),
                            (1, 12, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", n),
                            (2, 1, "CÔNG AN QUẬN NGÔ QUYỀN", 4),
                            (2, 12, "Độc lập - Tự do - Hạnh phúc", n),
                            (4, 1, TITLE, n),
                            (5, 1, "(Giai đoạn 2008 - 2024, kèm theo Báo cáo tổng kết của Công an quận)", n)],
               meta_cells=[(6, 1, f"Đơn vị: {UNIT_NAME[unit]}"), (7, 1, f"Mã đơn vị: {unit}")],
               header_row=8, columns=cols,
               notes={"TT_BUOI": "Năm 2010, 2011 không có số liệu"})
    save_openpyxl(wb, "02-ngo-quyen.xlsx")
    record("02-ngo-quyen.xlsx", unit, "openpyxl", "wide, header row 8",
           "longer title block (agency heading, motto, period line), header on row 8; "
           "years 2010 and 2011 entirely empty (a completeness gap)", data, years)


def f03_le_chan(series, tmp):
    unit = "HP-LECHAN"
    years = YEARS
    data = with_hieuqua(series[unit], years)
    wb, ws = new_book()
    cols = std_columns(years)
    formula_years = set(range(2020, 2025))

    def cell_for(code, y, v, refs):
        if code == "NHA_TIEN" and y in formula_years:
            per = v / data[y]["NHA_SO"]
            assert per * data[y]["NHA_SO"] == v
            return f"={refs[('NHA_SO', y)]}*{format(per.normalize(), 'f')}"
        return num(v)

    refs, _ = write_wide(ws, unit, data, years, title_cells=std_title(len(cols)),
                         meta_cells=[(2, 1, "Đơn vị:"), (2, 2, UNIT_NAME[unit]),
                                     (3, 1, "Mã đơn vị:"), (3, 2, unit)],
                         header_row=5, columns=cols, cell_for=cell_for,
                         notes={"NHA_TIEN": "Số nhà x suất đầu tư"},
                         col_widths={"STT": 11})
    save_libreoffice(wb, "03-le-chan.xlsx", tmp, via_ods=True)
    cells = ", ".join(refs[("NHA_TIEN", y)] for y in sorted(formula_years))
    record("03-le-chan.xlsx", unit, "openpyxl -> .ods -> .xlsx, both conversions by LibreOffice",
           "wide, standard (header row 5)",
           "label and value in adjacent cells (A2 `Đơn vị:`, B2 `Quận Lê Chân`; A3 `Mã đơn vị:`, B3 `HP-LECHAN`); "
           f"NHA_TIEN 2020-2024 are formulas (`=<NHA_SO cell>*<cost per house>`, {cells}) "
           "with LibreOffice's cached values", data, years)


def f04_hai_an(series):
    unit = "HP-HAIAN"
    years = list(range(2013, 2025))
    data = with_hieuqua(series[unit], years)
    wb, ws = new_book()
    cols = ["NAME", "UOM", "NOTE", "CODE"] + [("Y", y) for y in years] + ["STT"]
    write_wide(ws, unit, data, years, title_cells=std_title(len(cols)),
               meta_cells=[(2, 1, f"Đơn vị: {UNIT_NAME[unit]}"), (3, 1, f"Mã đơn vị: {unit}")],
               header_row=5, columns=cols,
               notes={"TT_BUOI": "Kể cả tuyên truyền lưu động", "CAMERA_SO": "Lũy kế",
                      "XA_CAMERA": "Lũy kế", "XA_TUQUAN": "Lũy kế"})
    save_openpyxl(wb, "04-hai-an.xlsx")
    record("04-hai-an.xlsx", unit, "openpyxl", "wide, header row 5, years 2013-2024",
           "columns in another order: `Chỉ tiêu`, `Đơn vị tính`, `Ghi chú`, `Mã chỉ tiêu`, 2013..2024, `STT` "
           "(code after the name, STT last, notes filled in)", data, years)


def f05_do_son(series):
    unit = "HP-DOSON"
    years = YEARS
    data = with_hieuqua(series[unit], [y for y in years if y != 2016])
    data[2016] = {c: None for c in CODES}
    variants = {
        "MH_HIEUQUA": NAME["MH_HIEUQUA"].upper(),
        "TT_BUOI": "Số buổi  tuyên truyền",
        "TT_LUOT": " số lượt người tham dự tuyên truyền ",
        "TIN_GIATRI": nfd(NAME["TIN_GIATRI"]),
        "TH_LOP": NAME["TH_LOP"].upper(),
        "CH_NGUOI": nfd(NAME["CH_NGUOI"]),
        "VON_TIEN": "Số tiền hỗ trợ vốn   phát triển sản xuất",
        "XA_TUQUAN": "Số xã, phường có mô hình “Tự quản về an ninh, trật tự”",
        "HG_VU": NAME["HG_VU"].lower(),
    }
    wb, ws = new_book()
    cols = std_columns(years, code=False)
    write_wide(ws, unit, data, years, title_cells=std_title(len(cols)),
               meta_cells=[(2, 1, f"Đơn vị: {UNIT_NAME[unit]}"), (3, 1, f"Mã đơn vị: {unit}")],
               header_row=5, columns=cols, name_for=lambda c: variants.get(c, NAME[c]))
    save_openpyxl(wb, "05-do-son.xlsx")
    record("05-do-son.xlsx", unit, "openpyxl", "wide, no `Mã chỉ tiêu` column",
           "indicators matched by name only: catalog names with case changes (MH_HIEUQUA, TH_LOP upper case, "
           "HG_VU lower case), doubled/leading/trailing spaces (TT_BUOI, TT_LUOT, VON_TIEN), NFD-decomposed "
           "strings (TIN_GIATRI, CH_NGUOI), typographic quotes “…” (XA_TUQUAN); year 2016 entirely empty",
           data, years)


def f06_duong_kinh(series):
    unit = "HP-DUONGKINH"
    years = list(range(2013, 2025))
    data = with_hieuqua(series[unit], years)
    # a couple of real zeros, written as '-'
    data[2014]["VK_GIAONOP"] = 0
    data[2021]["VK_GIAONOP"] = 0
    text_codes = {"TT_LUOT", "TH_LUOT", "QUA_LUOT", "NHA_TIEN", "VON_TIEN", "CAMERA_SO"}

    def cell_for(code, y, v, refs):
        if code in text_codes or v == 0:
            return vn_text(v)
        return num(v)

    wb, ws = new_book()
    cols = std_columns(years)
    write_wide(ws, unit, data, years, title_cells=std_title(len(cols)),
               meta_cells=[(2, 1, f"Tên đơn vị: {UNIT_NAME[unit]}"), (3, 1, f"Mã đơn vị: {unit}")],
               header_row=5, columns=cols, year_header=lambda y: f"Năm {y}", cell_for=cell_for,
               col_widths={("Y", y): 11 for y in years})
    save_openpyxl(wb, "06-duong-kinh.xlsx")
    zeros = sorted((c, y) for y in years for c in CODES if data[y][c] == 0)
    record("06-duong-kinh.xlsx", unit, "openpyxl", "wide, header row 5, years 2013-2024",
           "year headers as text `Năm 2013`; `Tên đơn vị:` label; TT_LUOT, TH_LUOT, QUA_LUOT, CAMERA_SO, "
           "NHA_TIEN, VON_TIEN as Vietnamese text cells (`12.345`, `1.234,5`); zeros as `-` ("
           + ", ".join(f"{c} {y}" for c, y in zeros) + ")", data, years)


def f07_thuy_nguyen(series):
    unit = "HP-THUYNGUYEN"
    years = YEARS
    data = with_hieuqua(series[unit], [y for y in years if y not in (2009, 2020)])
    data[2009] = {c: None for c in CODES}
    data[2020] = {c: None for c in CODES}
    wb, ws = new_book()
    cols = std_columns(years)
    _, trow = write_wide(ws, unit, data, years, title_cells=std_title(len(cols)),
                         meta_cells=[(2, 1, f"Đơn vị: {UNIT_NAME[unit]}"), (3, 1, f"Mã đơn vị: {unit}")],
                         header_row=5, columns=cols, total="formula",
                         blank_after={"MH_HIEUQUA", "TIN_GIATRI", "CH_NGUOI", "HG_VU"})
    save_openpyxl(wb, "07-thuy-nguyen.xlsx")
    record("07-thuy-nguyen.xlsx", unit, "openpyxl", "wide, standard (header row 5)",
           f"blank rows inside the table (after MH_HIEUQUA, TIN_GIATRI, CH_NGUOI, HG_VU); `Tổng cộng` row {trow} "
           "with `=SUM(...)` formulas and NO cached values (openpyxl), so the reader must calculate them; "
           "years 2009 and 2020 entirely empty (their total cells empty too)", data, years)


def f08_an_duong(series, tmp):
    unit = "HP-ANDUONG"
    years = list(range(2015, 2025))
    data = with_hieuqua(series[unit], years, {("VK_GIAONOP", 2015), ("HG_VU", 2015)})
    wb, helper = new_book("DanhMuc")
    helper.append(["Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính"])
    for c in CODES:
        helper.append([c, NAME[c], UOM[c]])
    helper.append([])
    helper.append(["Năm bắt đầu", 2015])
    helper.sheet_state = "hidden"
    ws = wb.create_sheet("Biểu số liệu")
    wb.active = 1
    cols = std_columns(years)
    write_wide(ws, unit, data, years, title_cells=std_title(len(cols)),
               meta_cells=[(2, 1, f"Đơn vị: {UNIT_NAME[unit]}"), (3, 1, f"Mã đơn vị: {unit}")],
               header_row=5, columns=cols)
    save_libreoffice(wb, "08-an-duong.xlsx", tmp)
    record("08-an-duong.xlsx", unit, "openpyxl, then LibreOffice (xlsx -> xlsx)",
           "wide, standard (header row 5), years 2015-2024",
           "hidden helper sheet `DanhMuc` (a code/name list, no years) before the data sheet `Biểu số liệu`; "
           "reports only 2015-2024; VK_GIAONOP and HG_VU 2015 empty", data, years)


def f09_an_lao(series, tmp):
    unit = "HP-ANLAO"
    years = YEARS
    data = with_hieuqua(series[unit], [y for y in years if y not in (2012, 2017)],
                        {("VK_GIAONOP", 2010), ("TIN_GIATRI", 2008)})
    data[2012] = {c: None for c in CODES}
    data[2017] = {c: None for c in CODES}
    wb, ws = new_book("Sheet1")
    cols = std_columns(years)
    _, trow = write_wide(ws, unit, data, years, title_cells=std_title(len(cols)),
                         meta_cells=[(2, 1, f"Đơn vị: {UNIT_NAME[unit]}"), (3, 1, f"Mã đơn vị: {unit}")],
                         header_row=5, columns=cols, total="formula")
    save_libreoffice(wb, "09-an-lao.xlsx", tmp)
    record("09-an-lao.xlsx", unit, "openpyxl, then LibreOffice (xlsx -> xlsx)",
           "wide, standard (header row 5)",
           f"`Tổng cộng` row {trow} with `=SUM(...)` formulas, cached values written by LibreOffice; "
           "years 2012 and 2017 entirely empty; TIN_GIATRI 2008 and VK_GIAONOP 2010 empty", data, years)


def f_kien_an_loi(series):
    unit = "HP-KIENAN"
    years = YEARS
    data = with_hieuqua(series[unit], years)
    wb, ws = new_book()
    cols = std_columns(years)
    bad = {
        ("TIN_GIATRI", 2016): ("khoảng 200", "type-error", "text where a number belongs"),
        ("QUA_LUOT", 2019): ("1.5", "ambiguous-number", "text `1.5` is neither `1.500` nor `1,5`"),
        ("HG_VU", 2020): (-3, "negative-value", "a negative count"),
        ("CH_NGUOI", 2021): ("12,5", "not-whole", "12.5 people: a count must be whole"),
    }
    # TT_LUOT < TT_BUOI in 2018 (the attendance typed per session, not in total)
    data[2018]["TT_LUOT"] = data[2018]["TT_BUOI"] - 17

    def cell_for(code, y, v, refs):
        if (code, y) in bad:
            return bad[(code, y)][0]
        return num(v)

    refs, _ = write_wide(ws, unit, data, years, title_cells=std_title(len(cols)),
                         meta_cells=[(2, 1, f"Đơn vị: {UNIT_NAME[unit]}"), (3, 1, f"Mã đơn vị: {unit}")],
                         header_row=5, columns=cols, cell_for=cell_for)
    save_openpyxl(wb, "kien-an-loi.xlsx")
    errors = [(refs[k], k[0], k[1], repr(v[0]) if not isinstance(v[0], str) else f"`{v[0]}` (text)", v[1], v[2])
              for k, v in bad.items()]
    errors.append((f"{refs[('TT_BUOI', 2018)]} / {refs[('TT_LUOT', 2018)]}", "TT_LUOT", 2018,
                   f"TT_BUOI {data[2018]['TT_BUOI']}, TT_LUOT {data[2018]['TT_LUOT']}",
                   "rule-violation", "TT_LUOT >= TT_BUOI fails"))
    errors.sort(key=lambda e: (int(re.sub(r"\D", "", e[0].split(" ")[0])), e[0]))
    record("kien-an-loi.xlsx", unit, "openpyxl", "wide, standard (header row 5)",
           "the only file of HP-KIENAN, with five mistakes; no total row", outcome="refused (whole file)",
           errors=errors)


def f_long(series):
    units = ["HP-KIENTHUY", "HP-TIENLANG", "HP-VINHBAO"]
    years = YEARS
    wb, ws = new_book("Dữ liệu")
    ws.append(["Mã đơn vị", "Tên đơn vị", "Năm", "Mã chỉ tiêu", "Giá trị", "Ghi chú"])
    for c in ws[1]:
        c.font = BOLD
    datas = {}
    for u in units:
        data = with_hieuqua(series[u], years)
        datas[u] = data
        for y in years:
            for c in CODES:
                note = None
                if u == "HP-TIENLANG" and y == 2024 and c in ("NHA_TIEN", "VON_TIEN"):
                    note = "Số liệu ước đến 31/12/2024"
                ws.append([u, UNIT_NAME[u], y, c, num(data[y][c]), note])
    for col, w in zip("ABCDEF", (15, 18, 7, 15, 10, 28)):
        ws.column_dimensions[col].width = w
    ws.freeze_panes = "A2"
    save_openpyxl(wb, "long-huyen.xlsx")
    for u in units:
        record("long-huyen.xlsx", u, "openpyxl", "long (§3), header row 1",
               "one of three districts in the long file (sheet `Dữ liệu`); all years, all indicators; "
               "two notes in `Ghi chú`", datas[u], years)


def check_rules(data, years, unit):
    cum = 0
    for y in years:
        v = data[y]
        if all(v[c] is None for c in CODES):
            continue
        if v["TT_LUOT"] is not None and v["TT_BUOI"] is not None:
            assert v["TT_LUOT"] >= v["TT_BUOI"], (unit, y)
        if v["TH_LUOT"] is not None and v["TH_LOP"] is not None:
            assert v["TH_LUOT"] >= v["TH_LOP"], (unit, y)
        if v["MH_TRIENKHAI"] is not None:
            cum += v["MH_TRIENKHAI"]
        if v["MH_HIEUQUA"] is not None:
            assert v["MH_HIEUQUA"] <= cum, (unit, y)
        if v["NHA_SO"]:
            assert v["NHA_TIEN"] > 0
        if v["VON_HO"]:
            assert v["VON_TIEN"] > 0
        for c in CODES:
            if v[c] is not None:
                assert v[c] >= 0
                if KIND[c] == "count":
                    assert v[c] == int(v[c])
                else:
                    assert Decimal(v[c]).as_tuple().exponent >= -2


def write_readme_and_expected():
    lines = []
    w = lines.append
    w("# Demo sample for `tongket demo`")
    w("")
    w("Submissions from districts of Hải Phòng city, 2008-2024, all 18 catalog indicators.")
    w("Generated by `gen.py` (fixed seed; run `/usr/bin/python3 demo/gen.py`, needs openpyxl")
    w("and `soffice`). Do not edit the workbooks by hand: change `gen.py` and run it again. Zip entry")
    w("times and document dates are pinned, so a rerun writes the same figures (byte-identical as well,")
    w("with the same openpyxl and LibreOffice versions).")
    w("")
    w("`inbox/` is meant to be ingested as a whole, in lexical order (the correction")
    w("`hong-bang-bo-sung.xlsx` sorts after `01-hong-bang.xlsx`). `expected.json` holds the figures")
    w("in force afterwards: `{unit code: {indicator code: {year: value}}}`; money (`NHA_TIEN`,")
    w("`VON_TIEN`, triệu đồng) has at most two decimals; a year absent from a unit's map was not reported.")
    w("")
    w("Every accepted file satisfies the cross-indicator rules of FORMATS.md §1 (no rule errors or")
    w("warnings), and each file's `Tổng cộng` row, where present, equals the column sums. Stocks")
    w("(`MH_HIEUQUA`, `XA_TUQUAN`, `XA_CAMERA`, `CAMERA_SO`) never decrease. A year left empty is")
    w("left empty in the total row too. An `outlier` warning on the early, small `CAMERA_SO` values")
    w("would not be wrong.")
    w("")
    w("| file | unit | writer | layout | what it carries | figures | outcome |")
    w("|---|---|---|---|---|---|---|")
    for r in FILES:
        figs = r.get("figures", "-")
        w(f"| `{r['file']}` | {r['unit']} ({UNIT_NAME[r['unit']]}) | {r['writer']} | {r['layout']} | "
          f"{r['notes']} | {figs} | {r['outcome']} |")
    w("")
    w("Years reported (a unit-year counts when any figure is present):")
    w("")
    for r in FILES:
        if "years" in r and r["file"] != "hong-bang-bo-sung.xlsx":
            ys = r["years"]
            miss = [y for y in range(ys[0], ys[-1] + 1) if y not in ys]
            w(f"- {r['unit']}: {ys[0]}-{ys[-1]}" + (f", missing {', '.join(map(str, miss))}" if miss else ""))
    w("- HP-KIENAN: none (its only file is refused)")
    w("")
    bs = next(r for r in FILES if r["file"] == "hong-bang-bo-sung.xlsx")
    w("## The correction `hong-bang-bo-sung.xlsx`")
    w("")
    w("Same layout and figures as `01-hong-bang.xlsx` except these (its `Tổng cộng` row recomputed):")
    w("")
    w("| cell | indicator | year | was | now |")
    w("|---|---|---|---|---|")
    for c, y, o, n, ref in bs["changes"]:
        w(f"| {ref} | {c} | {y} | {o} | {n} |")
    w("")
    w(f"Ingested after the original: inserted 0, updated {len(bs['changes'])}, "
      f"unchanged {bs['figures'] - len(bs['changes'])}.")
    w("")
    bad = next(r for r in FILES if r["file"] == "kien-an-loi.xlsx")
    w("## The refused file `kien-an-loi.xlsx`")
    w("")
    w("Sheet `Biểu số liệu`, standard layout (header row 5, years 2008-2024 in E..U). Exactly these")
    w("errors, so the file is not ingested and HP-KIENAN has no data:")
    w("")
    w("| cell | indicator | year | value | finding | why |")
    w("|---|---|---|---|---|---|")
    for cell, c, y, v, code, why in bad["errors"]:
        w(f"| {cell} | {c} | {y} | {v} | `{code}` | {why} |")
    w("")
    w("Everything else in it is valid.")
    w("")
    total_figs = sum(r["figures"] for r in FILES if "figures" in r and r["file"] != "hong-bang-bo-sung.xlsx")
    nfiles = len([n for n in os.listdir(INBOX) if n.endswith(".xlsx")])
    w(f"Ingesting the whole inbox on an empty store: {nfiles} files read, 1 rejected, inserted {total_figs}, "
      f"updated {len(bs['changes'])}, unchanged {bs['figures'] - len(bs['changes'])}; exit code 1.")
    w("")
    w("LibreOffice 7.4 notes: it writes `t=\"n\"` on numbers, `<f aca=\"false\">` formulas with cached")
    w("values rounded to 15 significant digits (`18*65.2` is stored as `1173.6`), an empty")
    w("`<workbookProtection/>` element, and `[Content_Types].xml` as the last zip entry. Its headless")
    w(".ods round trip makes a hidden first sheet visible again, so `08-an-duong.xlsx` (hidden")
    w("sheet) goes xlsx -> xlsx and `03-le-chan.xlsx` takes the .ods route.")
    w("")
    with open(os.path.join(HERE, "README.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines))

    expected = {}
    for r in FILES:
        if "data" not in r or r["outcome"].startswith("refused"):
            continue
        m = expected.setdefault(r["unit"], {})
        for c in CODES:
            for y in sorted(r["data"]):
                v = r["data"][y][c]
                if v is not None:
                    m.setdefault(c, {})[str(y)] = num(v)
    with open(os.path.join(HERE, "expected.json"), "w", encoding="utf-8") as f:
        json.dump(dict(sorted(expected.items())), f, ensure_ascii=False, indent=1)
        f.write("\n")


def main():
    if os.path.isdir(INBOX):
        shutil.rmtree(INBOX)
    os.makedirs(INBOX)
    series = {u[0]: gen_series(u[0], u[2], u[3]) for u in UNITS}
    with tempfile.TemporaryDirectory(prefix="tongket-demo-") as tmp:
        hb = f01_hong_bang(series)
        f02_ngo_quyen(series)
        f03_le_chan(series, tmp)
        f04_hai_an(series)
        f05_do_son(series)
        f06_duong_kinh(series)
        f07_thuy_nguyen(series)
        f08_an_duong(series, tmp)
        f09_an_lao(series, tmp)
        f_hong_bang_bo_sung(hb)
        f_kien_an_loi(series)
        f_long(series)
    for r in FILES:
        if "data" in r and not r["outcome"].startswith("refused"):
            check_rules(r["data"], sorted(r["data"]), r["unit"])
    write_readme_and_expected()
    for name in sorted(os.listdir(INBOX)):
        print(f"{os.path.getsize(os.path.join(INBOX, name)):7d}  inbox/{name}")


if __name__ == "__main__":
    main()
