#!/usr/bin/python3
"""Writer fixtures: one small standard wide submission written three ways.

    /usr/bin/python3 testdata/writers/gen.py      (needs openpyxl and soffice)

- openpyxl.xlsx       openpyxl; `Tổng cộng` row 10 holds =SUM(E6:E9)... with NO cached values
- libreoffice.xlsx    openpyxl.xlsx opened and saved again by LibreOffice (cached values stored)
- long-openpyxl.xlsx  the same figures in the long layout (FORMATS.md §3), openpyxl
- values.json         the expected figures: values[unit][indicator][year], plus the totals

Zip entry times and document dates are pinned so reruns give the same bytes.
"""

import io
import json
import os
import re
import shutil
import subprocess
import tempfile
import zipfile
from datetime import datetime
from decimal import Decimal

import openpyxl
from openpyxl.styles import Font

HERE = os.path.dirname(os.path.abspath(__file__))
UNIT, UNIT_NAME = "HP-TEST", "Quận Thử Nghiệm"
YEARS = [2019, 2020, 2021, 2022, 2023]
INDICATORS = [
    ("TT_BUOI", "Số buổi tuyên truyền", "buổi"),
    ("TT_LUOT", "Số lượt người tham dự tuyên truyền", "lượt người"),
    ("NHA_SO", "Số nhà đại đoàn kết, nhà tình nghĩa được xây, sửa", "nhà"),
    ("NHA_TIEN", "Kinh phí xây, sửa nhà đại đoàn kết, nhà tình nghĩa", "triệu đồng"),
]
VALUES = {
    "TT_BUOI": [120, 95, 88, 132, 141],
    "TT_LUOT": [8450, 6120, 5310, 9875, 10240],
    "NHA_SO": [12, 9, 15, 11, 14],
    "NHA_TIEN": [Decimal("540.5"), Decimal("418.75"), Decimal("765.3"), Decimal("602.1"), Decimal("812.45")],
}
TITLE = "BIỂU SỐ LIỆU TỔNG KẾT PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC"
FIXED_TIME = datetime(2024, 12, 31, 8, 0, 0)
HEADER_ROW, FIRST, TOTAL_ROW = 5, 6, 10


def num(v):
    return float(v) if isinstance(v, Decimal) else v


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


def book(title):
    wb = openpyxl.Workbook()
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    ws = wb.active
    ws.title = title
    return wb, ws


def wide(path):
    wb, ws = book("Biểu số liệu")
    ncols = 4 + len(YEARS) + 1
    ws.cell(1, 1, TITLE).font = Font(bold=True)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncols)
    ws.cell(2, 1, f"Đơn vị: {UNIT_NAME}")
    ws.cell(3, 1, f"Mã đơn vị: {UNIT}")
    header = ["STT", "Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính"] + YEARS + ["Ghi chú"]
    for i, h in enumerate(header, start=1):
        ws.cell(HEADER_ROW, i, h).font = Font(bold=True)
    for n, (code, name, uom) in enumerate(INDICATORS):
        r = FIRST + n
        for i, v in enumerate([n + 1, code, name, uom] + [num(x) for x in VALUES[code]], start=1):
            ws.cell(r, i, v)
    last = FIRST + len(INDICATORS) - 1
    assert last + 1 == TOTAL_ROW
    ws.cell(TOTAL_ROW, 3, "Tổng cộng").font = Font(bold=True)
    for j in range(len(YEARS)):
        col = openpyxl.utils.get_column_letter(5 + j)
        ws.cell(TOTAL_ROW, 5 + j, f"=SUM({col}{FIRST}:{col}{last})").font = Font(bold=True)
    ws.column_dimensions["C"].width = 48
    wb.save(path)
    pin_zip(path)


def long(path):
    wb, ws = book("Dữ liệu")
    ws.append(["Mã đơn vị", "Tên đơn vị", "Năm", "Mã chỉ tiêu", "Giá trị", "Ghi chú"])
    for code, _, _ in INDICATORS:
        for y, v in zip(YEARS, VALUES[code]):
            ws.append([UNIT, UNIT_NAME, y, code, num(v), None])
    wb.save(path)
    pin_zip(path)


def libreoffice(src, path):
    with tempfile.TemporaryDirectory(prefix="tongket-writers-") as tmp:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless",
                        "--convert-to", "xlsx", "--outdir", os.path.join(tmp, "out"), src],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.copyfile(os.path.join(tmp, "out", os.path.basename(src)), path)
    pin_zip(path)


def main():
    wide(os.path.join(HERE, "openpyxl.xlsx"))
    libreoffice(os.path.join(HERE, "openpyxl.xlsx"), os.path.join(HERE, "libreoffice.xlsx"))
    long(os.path.join(HERE, "long-openpyxl.xlsx"))
    totals = {}
    for j, y in enumerate(YEARS):
        totals[str(y)] = num(sum(Decimal(VALUES[c][j]) for c, _, _ in INDICATORS))
    out = {
        "unit": {"code": UNIT, "name": UNIT_NAME},
        "years": YEARS,
        "sheet": "Biểu số liệu",
        "header_row": HEADER_ROW,
        "cells": {code: {str(y): f"{openpyxl.utils.get_column_letter(5 + j)}{FIRST + n}"
                         for j, y in enumerate(YEARS)}
                  for n, (code, _, _) in enumerate(INDICATORS)},
        "values": {UNIT: {code: {str(y): num(v) for y, v in zip(YEARS, VALUES[code])}
                          for code, _, _ in INDICATORS}},
        "total_row": {str(y): f"{openpyxl.utils.get_column_letter(5 + j)}{TOTAL_ROW}"
                      for j, y in enumerate(YEARS)},
        "totals": totals,
    }
    with open(os.path.join(HERE, "values.json"), "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
