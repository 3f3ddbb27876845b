#!/usr/bin/python3
"""Regenerates the small unit-list fixtures of package unitlist.

The outputs are committed; the Go tests never run this. Run with the system
Python (openpyxl 3.0.9) and LibreOffice on the PATH:

    /usr/bin/python3 unitlist/testdata/gen.py

    ds-don-vi.xlsx  a city's list as an office keeps it, saved by
                    LibreOffice Calc: a title merged across the table and a
                    date line, the header on row 4 (Mã đơn vị | Tên đơn vị |
                    Cấp trên | Cấp | Tên khác), 49 units on rows 5-53 (codes
                    HP-01 … HP-49; HP-07 has the other names "Q. Hồng Bàng;
                    Hồng Bàng"), a signature-free end.
    hai-dong.xlsx   openpyxl: a two-row header. "STT" and "Cấp", "Tên khác"
                    merged over rows 3-4, "Đơn vị" merged across B3:C3 with
                    "Mã" and "Tên" under it, "Cấp trên" merged across D3:E3
                    with "Mã" and "Tên" under it; the parent code "HP"
                    merged down D5:D7 over the three units it holds.
    nfd.xlsx        openpyxl: the header typed in decomposed Unicode (NFD),
                    capitals and doubled spaces ("MÃ ĐƠN VỊ", "tên  đơn
                    vị"), a code typed as a number (5), two units.
    export-libreoffice.xlsx
                    what "tongket units export" writes after importing
                    ../../testdata/reorg/ds-don-vi-2025.xlsx (units with
                    validity, the sheet "Sáp nhập"), opened and saved by
                    LibreOffice Calc: it must import unchanged. Needs Go.

Zip entry times and document dates are pinned, so reruns of the openpyxl
files are byte-stable; LibreOffice's own output may differ by version.
"""
import io
import os
import re
import shutil
import subprocess
import tempfile
import unicodedata
import zipfile
from datetime import datetime

import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
FIXED_TIME = datetime(2024, 12, 31, 8, 0, 0)
ZIP_TIME = (2024, 12, 31, 8, 0, 0)

# Twenty-two names of Hải Phòng's districts and communes, then numbered
# communes up to 49 units.
NAMES = ["Quận Ngô Quyền", "Quận Lê Chân", "Quận Hải An", "Quận Kiến An", "Quận Đồ Sơn",
         "Quận Dương Kinh", "Quận Hồng Bàng", "Huyện Thủy Nguyên", "Huyện An Dương",
         "Huyện An Lão", "Huyện Kiến Thụy", "Huyện Tiên Lãng", "Huyện Vĩnh Bảo",
         "Huyện Cát Hải", "Huyện Bạch Long Vĩ", "Phường Máy Chai", "Phường Lạch Tray",
         "Phường Cát Dài", "Xã Đông Xuân", "Xã An Đồng", "Thị trấn Núi Đèo", "Thị trấn Cát Bà"]


def pin_zip(path):
    """Rewrites the zip with fixed entry times and document dates."""
    with zipfile.ZipFile(path) as z:
        entries = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            if name in ("docProps/core.xml", "docProps/app.xml"):
                s = data.decode("utf-8")
                s = re.sub(r"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:)",
                           r"\g<1>2024-12-31T08:00:00Z\g<3>", s)
                s = re.sub(r"<TotalTime>[^<]*</TotalTime>", "<TotalTime>0</TotalTime>", s)
                data = s.encode("utf-8")
            zi = zipfile.ZipInfo(name, ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, data)
    with open(path, "wb") as f:
        f.write(buf.getvalue())


def new_book(title):
    wb = openpyxl.Workbook()
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    wb.active.title = title
    return wb


def put(ws, row, values):
    for col, v in enumerate(values, start=1):
        if v is not None:
            ws.cell(row=row, column=col, value=v)


def save(wb, name):
    path = os.path.join(HERE, name)
    wb.save(path)
    pin_zip(path)


def libreoffice(wb, name):
    """Saves wb through LibreOffice Calc as name, in a private profile so
    a running LibreOffice of someone else is not disturbed."""
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, name)
        wb.save(src)
        out = os.path.join(tmp, "out")
        subprocess.run(["soffice", "-env:UserInstallation=file://" + os.path.join(tmp, "profile"),
                        "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out, src],
                       check=True, stdout=subprocess.DEVNULL)
        dst = os.path.join(HERE, name)
        shutil.copyfile(os.path.join(out, name), dst)
    pin_zip(dst)


def city():
    wb = new_book("Danh sách")
    ws = wb.active
    put(ws, 1, ["DANH SÁCH ĐƠN VỊ BÁO CÁO PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC"])
    ws.merge_cells("A1:E1")
    put(ws, 2, ["(Kèm theo Kế hoạch số 12/KH-CAHP ngày 15/10/2024)"])
    put(ws, 4, ["Mã đơn vị", "Tên đơn vị", "Cấp trên", "Cấp", "Tên khác"])
    for i in range(1, 50):
        name = NAMES[i - 1] if i <= len(NAMES) else "Xã Số %d" % i
        level = name.split(" ")[0] if i <= len(NAMES) else "Xã"
        if level == "Thị":
            level = "Thị trấn"
        other = "Q. Hồng Bàng; Hồng Bàng" if i == 7 else None
        put(ws, 4 + i, ["HP-%02d" % i, name, "HP", level, other])
    libreoffice(wb, "ds-don-vi.xlsx")


def two_rows():
    wb = new_book("DS")
    ws = wb.active
    put(ws, 1, ["DANH SÁCH ĐƠN VỊ"])
    put(ws, 3, ["STT", "Đơn vị", None, "Cấp trên", None, "Cấp", "Tên khác"])
    put(ws, 4, [None, "Mã", "Tên", "Mã", "Tên"])
    for rng in ("A3:A4", "B3:C3", "D3:E3", "F3:F4", "G3:G4"):
        ws.merge_cells(rng)
    put(ws, 5, [1, "HP-07", "Quận Hồng Bàng", "HP", "Thành phố Hải Phòng", "Quận", "Q. Hồng Bàng"])
    put(ws, 6, [2, "HP-02", "Quận Lê Chân", None, None, "Quận"])
    put(ws, 7, [3, "HP-08", "Huyện Thủy Nguyên", None, None, "Huyện"])
    ws.merge_cells("D5:D7")
    ws.merge_cells("E5:E7")
    save(wb, "hai-dong.xlsx")


def nfd():
    d = lambda s: unicodedata.normalize("NFD", s)
    wb = new_book("Sheet1")
    ws = wb.active
    put(ws, 2, [d("MÃ ĐƠN VỊ"), d("tên  đơn vị"), d("CẤP")])
    put(ws, 3, [5, d("Xã Đông Xuân"), "Xã"])
    put(ws, 4, ["HP-07", "Quận Hồng Bàng", "Quận"])
    save(wb, "nfd.xlsx")


def exported():
    """tongket's export of the reorganisation sample, saved by LibreOffice."""
    root = os.path.dirname(os.path.dirname(HERE))
    with tempfile.TemporaryDirectory() as tmp:
        db, name = os.path.join(tmp, "t.db"), "export-libreoffice.xlsx"
        src = os.path.join(tmp, "in", name)
        os.makedirs(os.path.dirname(src))
        tongket = ["go", "run", "./cmd/tongket", "--db", db]
        subprocess.run(tongket + ["units", "import", "testdata/reorg/ds-don-vi-2025.xlsx"], cwd=root, check=True)
        subprocess.run(tongket + ["units", "export", "-o", src], cwd=root, check=True, stdout=subprocess.DEVNULL)
        out = os.path.join(tmp, "out")
        subprocess.run(["soffice", "-env:UserInstallation=file://" + os.path.join(tmp, "profile"),
                        "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out, src],
                       check=True, stdout=subprocess.DEVNULL)
        dst = os.path.join(HERE, name)
        shutil.copyfile(os.path.join(out, name), dst)
    pin_zip(dst)


if __name__ == "__main__":
    city()
    two_rows()
    nfd()
    exported()
