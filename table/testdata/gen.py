#!/usr/bin/python3
"""Regenerates the small fixtures of package table.

The outputs are committed; the Go tests never run this. Run with the system
Python (openpyxl 3.0.9) and LibreOffice on the PATH:

    /usr/bin/python3 table/testdata/gen.py

    hai-dong.xlsx     openpyxl: a two-row header as offices draw it. A title
                      merged across A1:G1, a unit line, then "STT", "Mã chỉ
                      tiêu", "Chỉ tiêu" and "Ghi chú" each merged over rows 4
                      and 5, and a group label "Năm" merged across D4:F4 with
                      the years 2021, 2022, 2023 (numbers) in row 5 under it.
                      Three indicator rows (6-8) and a blank row, then a
                      "Tổng cộng" row (10).
    hai-dong-lo.xlsx  the same workbook opened and saved by LibreOffice Calc
                      (shared strings, its own merge and style records).
    mot-dong-lo.xlsx  LibreOffice: a one-row header on row 3 under a title
                      and a unit line, labels in decomposed Unicode (NFD)
                      and other case, two data rows.

Zip entry times and document dates are pinned, so reruns of the openpyxl
part are byte-stable; LibreOffice's own output may differ by version.
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


def new_book():
    wb = openpyxl.Workbook()
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    return wb


def put(ws, row, values):
    for col, v in enumerate(values, start=1):
        if v is not None:
            ws.cell(row=row, column=col, value=v)


def libreoffice(src, name):
    """Saves src through LibreOffice Calc as name, in a private profile so
    a running LibreOffice of someone else is not disturbed."""
    with tempfile.TemporaryDirectory() as tmp:
        profile = "file://" + os.path.join(tmp, "profile")
        out = os.path.join(tmp, "out")
        subprocess.run(["soffice", "-env:UserInstallation=" + profile, "--headless",
                        "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out, src],
                       check=True, stdout=subprocess.DEVNULL)
        made = os.path.join(out, os.path.splitext(os.path.basename(src))[0] + ".xlsx")
        dst = os.path.join(HERE, name)
        shutil.copyfile(made, dst)
    pin_zip(dst)


def two_rows():
    wb = new_book()
    ws = wb.active
    ws.title = "Biểu 1"
    put(ws, 1, ["BIỂU SỐ LIỆU TỔNG KẾT PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC"])
    ws.merge_cells("A1:G1")
    put(ws, 2, ["Đơn vị: Quận Hồng Bàng"])
    put(ws, 4, ["STT", "Mã chỉ tiêu", "Chỉ tiêu", "Năm", None, None, "Ghi chú"])
    for rng in ("A4:A5", "B4:B5", "C4:C5", "D4:F4", "G4:G5"):
        ws.merge_cells(rng)
    put(ws, 5, [None, None, None, 2021, 2022, 2023])
    put(ws, 6, [1, "TT_BUOI", "Số buổi tuyên truyền", 120, 135, 150, ""])
    put(ws, 7, [2, "TT_LUOT", "Số lượt người tham dự tuyên truyền", "1.234", 1500, 1620])
    put(ws, 8, [3, "TIN_GIATRI", "Số tin có giá trị cung cấp cho lực lượng Công an", 40, "-", 52, "ước"])
    put(ws, 10, [None, None, "Tổng cộng", 1394, 1635, 1822])
    path = os.path.join(HERE, "hai-dong.xlsx")
    wb.save(path)
    pin_zip(path)
    libreoffice(path, "hai-dong-lo.xlsx")


def one_row():
    nfd = lambda s: unicodedata.normalize("NFD", s)
    wb = new_book()
    ws = wb.active
    ws.title = "DS"
    put(ws, 1, ["DANH SÁCH ĐƠN VỊ"])
    put(ws, 2, ["Đơn vị: Công an thành phố Hải Phòng"])
    put(ws, 3, [nfd("MÃ ĐƠN VỊ"), nfd("tên  đơn vị"), "Cấp"])
    put(ws, 4, ["HP-HONGBANG", "Quận Hồng Bàng", "Quận"])
    put(ws, 5, ["00005", "Xã Đông Xuân", "Xã"])
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "mot-dong-lo.xlsx")
        wb.save(src)
        libreoffice(src, "mot-dong-lo.xlsx")


if __name__ == "__main__":
    two_rows()
    one_row()
