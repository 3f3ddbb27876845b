#!/usr/bin/env python3
"""Regenerates the fixtures of merged ranges, number formats, workbook
flags and circular formulas (merge_test.go, numfmt_test.go, cycle_test.go).

The outputs are committed; the Go tests never run this. It needs openpyxl
(written with 3.0.9, system Python: /usr/bin/python3) and LibreOffice
(soffice, written with 7.4). Run from anywhere:

    /usr/bin/python3 xlsx/testdata/gen_merges.py

    merges_openpyxl.xlsx     a two-row header as offices draw it: a title
                             merged across the table, labels merged down two
                             rows, "Năm" merged over the year cells, a value
                             merged across two year columns (its anchor a
                             number), a group label merged down four rows
                             (the last row holds nothing else), a note merged
                             down three rows past the table, a merged formula
                             without a cached value; sheet "Định dạng" with
                             number formats; fullCalcOnLoad (openpyxl always
                             writes it)
    merges_libreoffice.xlsx  the same through LibreOffice: covered cells
                             written as empty styled cells, the formula
                             cached, no fullCalcOnLoad
    date1904.xlsx            the 1904 date system (openpyxl)
    stale_fullcalc.xlsx      LibreOffice's file with a cached formula value
                             made stale and <calcPr fullCalcOnLoad="1"/>,
                             as a hand edit or another tool leaves it
    circular_openpyxl.xlsx   circular formulas without cached values: a
                             two-cell loop, a SUM over its own cell, a cell
                             depending on a loop, a self reference, a loop
                             across two sheets; and formulas that are not
                             circular (ranges, whole columns, text that looks
                             like a reference)
"""
import datetime
import os
import re
import shutil
import subprocess
import tempfile
import zipfile

import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904

HERE = os.path.dirname(os.path.abspath(__file__))

# Number formats of sheet "Định dạng": (cell, value, format).
FORMATS = [
    ("A1", 504250000, "#,##0.00,,"),
    ("A2", 5, "00000"),
    ("A3", datetime.date(2021, 1, 1), "yyyy"),
    ("A4", 0.15, "0%"),
    ("A5", datetime.date(2023, 12, 31), "mm/dd/yyyy"),
    ("A6", 1234, "#,##0"),
    ("A7", 1.5, "0.00"),
    ("A8", datetime.date(2022, 1, 1), "[$-42A]yyyy"),
    ("A9", "7,067", "@"),
]


def merges_openpyxl(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Biểu"
    ws["A1"] = "BÁO CÁO SỐ LIỆU"
    ws.merge_cells("A1:G1")
    ws["A2"] = "Mã đơn vị: HP-HONGBANG"
    for ref, label in (("A5", "STT"), ("B5", "Chỉ tiêu"), ("C5", "Đơn vị tính"), ("G5", "Ghi chú")):
        ws[ref] = label
        ws.merge_cells(ref + ":" + ref[0] + "6")
    ws["D5"] = "Năm"
    ws.merge_cells("D5:F5")
    ws["D6"], ws["E6"], ws["F6"] = 2019, 2020, 2021
    ws["A7"], ws["B7"], ws["C7"] = 1, "Số buổi tập huấn", "buổi"
    ws["D7"], ws["F7"] = 25, 30
    ws.merge_cells("D7:E7")
    ws["A8"] = "Nhóm A"
    ws.merge_cells("A8:A11")
    rows = [("Số lớp", "lớp", 1, 2, 3), ("Số người", "người", 10, 11, 12), ("Số lượt", "lượt", 4, 5, 6)]
    for r, vals in enumerate(rows, start=8):
        for col, v in zip("BCDEF", vals):
            ws[col + str(r)] = v
    ws["G12"] = "Ghi chú dài"
    ws.merge_cells("G12:G14")
    ws["I5"] = "=1+1"
    ws.merge_cells("I5:J5")
    fm = wb.create_sheet("Định dạng")
    for ref, value, code in FORMATS:
        fm[ref] = value
        fm[ref].number_format = code
    wb.save(path)


def date1904(path):
    wb = openpyxl.Workbook()
    wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.title = "S"
    ws["A1"] = datetime.date(2021, 1, 1)
    ws["A1"].number_format = "yyyy"
    ws["A2"] = datetime.date(2016, 4, 6)
    ws["A2"].number_format = "dd/mm/yyyy"
    wb.save(path)


def circular(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    other = wb.create_sheet("Năm 2019")
    cells = {
        "A1": "=B1+1", "B1": "=A1+1",  # a two-cell loop
        "C1": 1, "C2": 2, "C4": "=SUM(C1:C4)",  # a sum over its own cell
        "D1": "=A1*2",  # depends on a loop
        "E1": "=E1",  # itself
        "F1": "=C1+C2",
        "G1": "='Năm 2019'!A1+1",  # a loop across sheets
        "I1": "=SUM(C1:C2)*2", "J1": "=F1+I1",  # a chain, no loop
        "K1": '=LEN("K1")',  # text that looks like its own reference
        "L1": "=SUM(M:M)", "M1": 3, "M2": 4,  # a whole column without formulas
        "N1": "=SUM(N2:N3)", "N2": "=M1", "N3": "=M2+N2",  # shared dependencies, no loop
    }
    for ref, v in cells.items():
        ws[ref] = v
    other["A1"] = "=S!G1"
    wb.save(path)


def soffice_xlsx(src, outdir):
    """LibreOffice's own .xlsx of src (cached values, its styles)."""
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, HOME=home)
        subprocess.run(["soffice", "--headless", "--convert-to", "xlsx", "--outdir", outdir, src],
                       env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       timeout=180)
    return os.path.join(outdir, os.path.basename(src))


def patch_zip(src, dst, edits):
    """Copies src to dst with edits[name](text) applied to those parts."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename in edits:
                data = edits[item.filename](data.decode("utf-8")).encode("utf-8")
            zout.writestr(item, data)


def stale_fullcalc(tmp, path):
    src = os.path.join(tmp, "stale.xlsx")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    ws["A1"], ws["A2"], ws["A3"] = 1, 2, "=A1+A2"
    wb.save(src)
    lo = os.path.join(tmp, "lo")
    os.makedirs(lo, exist_ok=True)
    out = soffice_xlsx(src, lo)

    def sheet(x):
        # The cached 3 of A3 becomes 99: stale, as after an edit by a tool
        # that does not recalculate.
        y, n = re.subn(r'(<c r="A3"[^>]*>.*?<v>)3(</v>)', r"\g<1>99\2", x)
        assert n == 1, "cached value of A3 not found"
        return y

    def workbook(x):
        if "<calcPr" in x:
            y = re.sub(r"<calcPr([^>]*?)/>", r'<calcPr\1 fullCalcOnLoad="1"/>', x)
        else:
            y = x.replace("</workbook>", '<calcPr fullCalcOnLoad="1"/></workbook>')
        assert 'fullCalcOnLoad="1"' in y
        return y

    patch_zip(out, path, {"xl/worksheets/sheet1.xml": sheet, "xl/workbook.xml": workbook})


def main():
    with tempfile.TemporaryDirectory() as tmp:
        merges_openpyxl(os.path.join(HERE, "merges_openpyxl.xlsx"))
        lo = os.path.join(tmp, "lo")
        os.makedirs(lo)
        out = soffice_xlsx(os.path.join(HERE, "merges_openpyxl.xlsx"), lo)
        shutil.copy(out, os.path.join(HERE, "merges_libreoffice.xlsx"))
        date1904(os.path.join(HERE, "date1904.xlsx"))
        circular(os.path.join(HERE, "circular_openpyxl.xlsx"))
        stale_fullcalc(tmp, os.path.join(HERE, "stale_fullcalc.xlsx"))


if __name__ == "__main__":
    main()
