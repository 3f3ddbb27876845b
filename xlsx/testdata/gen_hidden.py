#!/usr/bin/env python3
"""Regenerates the fixtures of hidden rows and columns (hidden_test.go).

The outputs are committed; the Go tests never run this. It needs openpyxl
(system Python: /usr/bin/python3) and LibreOffice (soffice). Run from
anywhere:

    /usr/bin/python3 xlsx/testdata/gen_hidden.py

    hidden_openpyxl.xlsx     sheet "S": row 3 hidden by hand, rows 5-6 in a
                             collapsed outline group (level 1), column C
                             hidden, columns E-F in a collapsed group; an
                             AutoFilter over A1:F8 with filterMode set;
                             row 4 and the other columns shown
    hidden_libreoffice.xlsx  the same through LibreOffice: hidden="true" and
                             "false" on every row, filterMode="false" (it
                             drops the flag)
"""
import os
import shutil
import subprocess
import tempfile

import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    for r in range(1, 9):
        for c in range(1, 7):
            ws.cell(r, c, r * 10 + c)
    ws.row_dimensions[3].hidden = True
    ws.row_dimensions.group(5, 6, hidden=True, outline_level=1)
    ws.column_dimensions["C"].hidden = True
    ws.column_dimensions.group("E", "F", hidden=True, outline_level=1)
    ws.auto_filter.ref = "A1:F8"
    ws.sheet_properties.filterMode = True
    p = os.path.join(HERE, "hidden_openpyxl.xlsx")
    wb.save(p)
    d = tempfile.mkdtemp()
    src = os.path.join(d, "hidden_libreoffice.xlsx")
    shutil.copy(p, src)
    out = os.path.join(d, "out")
    subprocess.run(["soffice", "--headless", "--convert-to", "xlsx", "--outdir", out, src],
                   check=True, capture_output=True)
    shutil.move(os.path.join(out, "hidden_libreoffice.xlsx"), os.path.join(HERE, "hidden_libreoffice.xlsx"))
    shutil.rmtree(d)


if __name__ == "__main__":
    main()
