#!/usr/bin/python3
"""Regenerates the catalog workbook fixtures of package catalogbook.

The outputs are committed; the Go tests never run this. Run from the
repository root with the system Python (openpyxl 3.0.9), Go and LibreOffice
on the PATH:

    /usr/bin/python3 catalogbook/testdata/gen.py

    export.xlsx     the built-in catalog as "tongket catalog export" writes
                    it (written by TestRoundTrip -update).
    export-lo.xlsx  export.xlsx opened and saved by LibreOffice Calc, as an
                    officer who edits in LibreOffice sends it back: it must
                    import as the same catalog.
    sua.xlsx        openpyxl: a catalog edited by hand. On "Chỉ tiêu" a
                    title merged across row 1, then a two-row header:
                    "Mã chỉ tiêu", "Tên chỉ tiêu", "Đơn vị tính", "Thứ tự"
                    merged over rows 2-3 and "Cách tính" merged across D2:E2
                    over "Cách cộng" and "Kiểu số"; three indicators with
                    words for the codes ("cộng các năm", "số nguyên", "lấy
                    năm cuối", "đếm", "tiền"), one renamed and one new. A
                    "Tổ chức" sheet whose order column puts a row last. No
                    "Quy tắc" or "Hình thức khen thưởng" sheet.

Zip entry times and document dates are pinned, so reruns of the openpyxl
file are byte-stable; LibreOffice's own output may differ by version.
"""
import io
import os
import re
import shutil
import subprocess
import tempfile
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


def put(ws, row, values):
    for col, v in enumerate(values, start=1):
        if v is not None:
            ws.cell(row=row, column=col, value=v)


def exported():
    root = os.path.dirname(os.path.dirname(HERE))
    subprocess.run(["go", "test", "./catalogbook/", "-run", "^TestRoundTrip$", "-update"],
                   cwd=root, check=True, stdout=subprocess.DEVNULL)
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "export-lo.xlsx")
        shutil.copyfile(os.path.join(HERE, "export.xlsx"), src)
        out = os.path.join(tmp, "out")
        subprocess.run(["soffice", "-env:UserInstallation=file://" + os.path.join(tmp, "profile"),
                        "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out, src],
                       check=True, stdout=subprocess.DEVNULL)
        dst = os.path.join(HERE, "export-lo.xlsx")
        shutil.copyfile(os.path.join(out, "export-lo.xlsx"), dst)
    pin_zip(dst)


def edited():
    wb = openpyxl.Workbook()
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    ws = wb.active
    ws.title = "Chỉ tiêu"
    put(ws, 1, ["DANH MỤC CHỈ TIÊU PHONG TRÀO (bản sửa năm 2024)"])
    ws.merge_cells("A1:F1")
    put(ws, 2, ["Mã chỉ tiêu", "Tên chỉ tiêu", "Đơn vị tính", "Cách tính", None, "Thứ tự"])
    put(ws, 3, [None, None, None, "Cách cộng", "Kiểu số"])
    for rng in ("A2:A3", "B2:B3", "C2:C3", "D2:E2", "F2:F3"):
        ws.merge_cells(rng)
    put(ws, 4, ["TT_BUOI", "Số buổi tuyên truyền, phổ biến", "buổi", "cộng các năm", "số nguyên", 1])
    put(ws, 5, ["MH_HIEUQUA", "Số mô hình đang hoạt động hiệu quả", "mô hình", "lấy năm cuối", "đếm", 2])
    put(ws, 6, ["HO_TRO_TIEN", "Số tiền hỗ trợ hộ nghèo", "triệu đồng", "sum", "tiền", 3])
    orgs = wb.create_sheet("Tổ chức")
    put(orgs, 1, ["Tổ chức", "Thứ tự"])
    put(orgs, 2, ["Công an", 1])
    put(orgs, 3, ["Hội Người cao tuổi", 3])
    put(orgs, 4, ["Hội Nông dân", 2])
    path = os.path.join(HERE, "sua.xlsx")
    wb.save(path)
    pin_zip(path)


if __name__ == "__main__":
    exported()
    edited()
