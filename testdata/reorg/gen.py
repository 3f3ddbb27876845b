#!/usr/bin/python3
"""Generate the reorganisation sample (FORMATS.md §10) used by the tests of
issue 16: a piece of Hải Phòng's 2025 rearrangement, the unit lists before
and after it, and the yearly submissions of every unit.

Run from anywhere with the system Python (python3-openpyxl) and LibreOffice
(`soffice`) on the PATH:

    /usr/bin/python3 testdata/reorg/gen.py

The legal bases are real: Nghị quyết 1232/NQ-UBTVQH15 (24/10/2024; from
01/01/2025 huyện Thủy Nguyên became thành phố Thủy Nguyên and its communes
wards) and Nghị quyết 1669/NQ-UBTVQH15 (16/6/2025; from 01/7/2025 the
district level is abolished; phường Thủy Nguyên is formed from the whole of
Dương Quan and Thủy Đường and part of Hoa Động, phường Thiên Hương from
Thiên Hương, Hoàng Lâm and the rest of Hoa Động). The sample keeps only
these wards, and the shares 0,6/0,4 of Hoa Động are the compiling office's
estimate (a resolution gives areas and populations, not shares). The
figures are made up, from a fixed seed.

What it writes (all committed; the Go tests never run this):

  ds-don-vi-truoc-2025.xlsx  openpyxl: the list as it was before 2025, the
                             six units of 2024, no validity columns.
  ds-don-vi-2025.xlsx        saved by LibreOffice: sheet "Danh sách" with
                             "Hiệu lực từ"/"Hiệu lực đến" (date cells, and
                             one typed as text), and sheet "Sáp nhập": a
                             rename chain (xã Dương Quan → phường Dương Quan
                             → phường Thủy Nguyên), a merge of three wards,
                             Hoa Động split 0,6/0,4, and the district that
                             became a city and then ceased without successor.
  inbox/*.xlsx               one wide-layout workbook per unit (openpyxl),
                             the years it reported: the old units 2014–2024
                             and, for those that lasted to 30/6/2025, the flows
                             of 2025's first half; the new wards 2025.
                             Hoàng Lâm did not report 2016. Nobody re-reports
                             history, so the grand totals do not depend on
                             the list.
"""

import io
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from datetime import date, datetime
from decimal import Decimal

import openpyxl
from openpyxl.styles import Font

HERE = os.path.dirname(os.path.abspath(__file__))
INBOX = os.path.join(HERE, "inbox")
FIXED_TIME = datetime(2025, 12, 31, 8, 0, 0)
ZIP_TIME = (2025, 12, 31, 8, 0, 0)
SEED = "tongket-reorg-2025"
TITLE = "BIỂU SỐ LIỆU TỔNG KẾT PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC"
NQ1232 = "Nghị quyết 1232/NQ-UBTVQH15"
NQ1669 = "Nghị quyết 1669/NQ-UBTVQH15"

# The indicators the sample reports (FORMATS.md §1): flows, money with
# hundredths, and one stock.
INDICATORS = [
    ("TT_BUOI", "Số buổi tuyên truyền", "buổi"),
    ("TT_LUOT", "Số lượt người tham dự tuyên truyền", "lượt người"),
    ("TIN_GIATRI", "Số tin có giá trị cung cấp cho lực lượng Công an", "tin"),
    ("VON_HO", "Số hộ khó khăn được hỗ trợ vốn phát triển sản xuất", "hộ"),
    ("VON_TIEN", "Số tiền hỗ trợ vốn phát triển sản xuất", "triệu đồng"),
    ("HG_VU", "Số vụ mâu thuẫn, tranh chấp được hòa giải thành", "vụ"),
    ("CAMERA_SO", "Số camera an ninh được lắp đặt, kết nối", "camera"),
]
STOCKS = {"CAMERA_SO"}

# code, name, level, valid from, valid to, years reported, size
UNITS = [
    ("H-THUYNGUYEN", "Huyện Thủy Nguyên", "Huyện", None, date(2024, 12, 31), range(2014, 2025), 3.0),
    ("TP-THUYNGUYEN", "Thành phố Thủy Nguyên", "Thành phố", date(2025, 1, 1), date(2025, 6, 30), [2025], 3.0),
    ("TN-XA-DUONGQUAN", "Xã Dương Quan", "Xã", None, date(2024, 12, 31), range(2014, 2025), 1.0),
    ("TN-DUONGQUAN", "Phường Dương Quan", "Phường", date(2025, 1, 1), date(2025, 6, 30), [2025], 1.0),
    ("TN-THUYDUONG", "Phường Thủy Đường", "Phường", None, date(2025, 6, 30), range(2014, 2026), 1.2),
    ("TN-HOADONG", "Phường Hoa Động", "Phường", None, date(2025, 6, 30), range(2014, 2026), 0.9),
    ("TN-THIENHUONG", "Phường Thiên Hương (cũ)", "Phường", None, date(2025, 6, 30), range(2014, 2026), 1.1),
    ("TN-HOANGLAM", "Phường Hoàng Lâm", "Phường", None, date(2025, 6, 30),
     [y for y in range(2014, 2026) if y != 2016], 0.8),
    ("P-THUYNGUYEN", "Phường Thủy Nguyên", "Phường", date(2025, 7, 1), None, [2025], 3.2),
    ("P-THIENHUONG", "Phường Thiên Hương", "Phường", date(2025, 7, 1), None, [2025], 2.3),
]
BEFORE = ["H-THUYNGUYEN", "TN-XA-DUONGQUAN", "TN-THUYDUONG", "TN-HOADONG", "TN-THIENHUONG", "TN-HOANGLAM"]

# old, new, date, share (None: the default 1), legal basis
SUCCESSIONS = [
    ("H-THUYNGUYEN", "TP-THUYNGUYEN", date(2025, 1, 1), None, NQ1232),
    ("TN-XA-DUONGQUAN", "TN-DUONGQUAN", date(2025, 1, 1), 1, NQ1232),
    ("TN-DUONGQUAN", "P-THUYNGUYEN", date(2025, 7, 1), 1, NQ1669),
    ("TN-THUYDUONG", "P-THUYNGUYEN", date(2025, 7, 1), None, NQ1669),
    ("TN-HOADONG", "P-THUYNGUYEN", date(2025, 7, 1), 0.6, NQ1669),
    ("TN-HOADONG", "P-THIENHUONG", date(2025, 7, 1), 0.4, NQ1669),
    ("TN-THIENHUONG", "P-THIENHUONG", date(2025, 7, 1), 1, NQ1669),
    ("TN-HOANGLAM", "P-THIENHUONG", date(2025, 7, 1), 1, NQ1669),
]


def figures(code, years, size, valid_to):
    """A unit's figures by year. A unit that ceased on 30/6 reports the
    flows of its half year and no stock for it; the new wards report the
    second half and their stock at year end."""
    rng = random.Random(f"{SEED}/{code}")
    out = {}
    cam = round(rng.uniform(4, 12) * size)
    for y in years:
        half = 0.5 if y == 2025 else 1.0
        tr = 1 + 0.04 * (y - 2014)
        buoi = max(1, round(rng.uniform(18, 26) * size * tr * half))
        ho = max(1, round(rng.uniform(3, 7) * size * half))
        v = {
            "TT_BUOI": buoi,
            "TT_LUOT": buoi * rng.randint(40, 70),
            "TIN_GIATRI": max(1, round(rng.uniform(6, 12) * size * half)),
            "VON_HO": ho,
            # triệu đồng with hundredths: shares of it are exact only in
            # millionths (a 0,4 share of 12,34 is 4,936)
            "VON_TIEN": Decimal(ho) * Decimal(str(round(rng.uniform(10, 16), 2))),
            "HG_VU": max(1, round(rng.uniform(4, 9) * size * half)),
        }
        cam += round(rng.uniform(1, 4) * size)
        if not (y == 2025 and valid_to == date(2025, 6, 30)):
            v["CAMERA_SO"] = cam
        out[y] = v
    return out


def num(v):
    if isinstance(v, Decimal):
        return int(v) if v == v.to_integral_value() else float(v)
    return v


def pin_zip(path):
    """Rewrite an .xlsx with fixed zip entry times and document dates."""
    with zipfile.ZipFile(path) as z:
        entries = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            if name == "docProps/core.xml":
                s = data.decode("utf-8")
                s = re.sub(r"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:)",
                           r"\g<1>2025-12-31T08:00:00Z\g<3>", s)
                data = s.encode("utf-8")
            zi = zipfile.ZipInfo(name, ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, data)
    with open(path, "wb") as f:
        f.write(buf.getvalue())


def new_book(sheet):
    wb = openpyxl.Workbook()
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    ws = wb.active
    ws.title = sheet
    return wb, ws


def write_submission(code, name, data):
    years = sorted(data)
    wb, ws = new_book("Biểu số liệu")
    ws.cell(1, 1, TITLE).font = Font(bold=True)
    ws.cell(2, 1, f"Đơn vị: {name}")
    ws.cell(3, 1, f"Mã đơn vị: {code}")
    head = ["STT", "Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính"] + years + ["Ghi chú"]
    for c, h in enumerate(head, start=1):
        ws.cell(5, c, h).font = Font(bold=True)
    for r, (ind, iname, uom) in enumerate(INDICATORS, start=6):
        ws.cell(r, 1, r - 5)
        ws.cell(r, 2, ind)
        ws.cell(r, 3, iname)
        ws.cell(r, 4, uom)
        for c, y in enumerate(years, start=5):
            v = data[y].get(ind)
            if v is not None:
                ws.cell(r, c, num(v))
    path = os.path.join(INBOX, f"{code.lower()}.xlsx")
    wb.save(path)
    pin_zip(path)


def unit_sheet(ws, codes, history):
    head = ["Mã đơn vị", "Tên đơn vị", "Cấp trên", "Cấp"]
    if history:
        head += ["Hiệu lực từ", "Hiệu lực đến"]
    ws.cell(1, 1, "DANH SÁCH ĐƠN VỊ BÁO CÁO").font = Font(bold=True)
    for c, h in enumerate(head, start=1):
        ws.cell(3, c, h).font = Font(bold=True)
    r = 4
    for code, name, level, vf, vt, _, _ in UNITS:
        if code not in codes:
            continue
        for c, v in enumerate([code, name, "HP", level], start=1):
            ws.cell(r, c, v)
        if history:
            for c, d in ((5, vf), (6, vt)):
                if d is None:
                    continue
                if code == "TN-DUONGQUAN" and c == 5:
                    ws.cell(r, c, d.strftime("%d/%m/%Y"))  # typed as text
                else:
                    ws.cell(r, c, d).number_format = "DD/MM/YYYY"
        r += 1
    for col, w in zip("ABCDEF", (18, 28, 10, 12, 14, 14)):
        ws.column_dimensions[col].width = w


def write_lists(tmp):
    wb, ws = new_book("Danh sách")
    unit_sheet(ws, BEFORE, False)
    path = os.path.join(HERE, "ds-don-vi-truoc-2025.xlsx")
    wb.save(path)
    pin_zip(path)

    wb, ws = new_book("Danh sách")
    unit_sheet(ws, [u[0] for u in UNITS], True)
    sa = wb.create_sheet("Sáp nhập")
    for c, h in enumerate(["Mã đơn vị cũ", "Mã đơn vị mới", "Ngày hiệu lực", "Tỷ lệ", "Căn cứ"], start=1):
        sa.cell(1, c, h).font = Font(bold=True)
    for r, (old, new, d, share, basis) in enumerate(SUCCESSIONS, start=2):
        sa.cell(r, 1, old)
        sa.cell(r, 2, new)
        sa.cell(r, 3, d).number_format = "DD/MM/YYYY"
        if share is not None:
            sa.cell(r, 4, share).number_format = "0.0"
        sa.cell(r, 5, basis)
    for col, w in zip("ABCDE", (18, 18, 14, 8, 34)):
        sa.column_dimensions[col].width = w
    src = os.path.join(tmp, "ds-don-vi-2025.xlsx")
    wb.save(src)
    out = os.path.join(tmp, "out")
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless",
                    "--convert-to", "xlsx", "--outdir", out, src],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    saved = os.path.join(out, "ds-don-vi-2025.xlsx")
    if not os.path.exists(saved):
        sys.exit("soffice did not write " + saved)
    path = os.path.join(HERE, "ds-don-vi-2025.xlsx")
    shutil.copyfile(saved, path)
    pin_zip(path)


def main():
    shutil.rmtree(INBOX, ignore_errors=True)
    os.makedirs(INBOX)
    data = {code: figures(code, years, size, vt) for code, _, _, _, vt, years, size in UNITS}
    # A new ward's cameras at the end of 2025 are those its predecessors
    # had at the end of 2024 (their shares of them) and a few more.
    def cameras(code):
        years = [y for y in data[code] if "CAMERA_SO" in data[code][y]]
        if years:
            return Decimal(data[code][max(years)]["CAMERA_SO"])
        return sum(Decimal(str(share or 1)) * cameras(old)
                   for old, to, _, share, _ in SUCCESSIONS if to == code)

    for new in ("P-THUYNGUYEN", "P-THIENHUONG"):
        del data[new][2025]["CAMERA_SO"]
        had = cameras(new)
        data[new][2025]["CAMERA_SO"] = int(had) + random.Random(f"{SEED}/cam/{new}").randint(3, 9)
    for code, name, _, _, _, _, _ in UNITS:
        write_submission(code, name, data[code])
    with tempfile.TemporaryDirectory() as tmp:
        write_lists(tmp)


if __name__ == "__main__":
    main()
