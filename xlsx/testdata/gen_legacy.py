#!/usr/bin/env python3
"""Regenerates the legacy-font fixtures of package xlsx (styles_test.go).

The outputs are committed; the Go tests never run this. It needs openpyxl
(written with 3.0.9) and LibreOffice (soffice, written with 7.4). Run from
anywhere with the system Python:

    /usr/bin/python3 xlsx/testdata/gen_legacy.py

    legacy_openpyxl.xlsx      cell fonts .VnTime, .VnTimeH, VNI-Times and
                              Times New Roman on inline strings, a number
                              in .VnTime, a cell in the default font
    legacy_libreoffice.xlsx   legacy_fonts.fods through LibreOffice: the
                              same as shared strings, and a rich-text string
                              whose runs name .VnTime (<rFont>)

The text is what the fonts' users type: TCVN3 or VNI bytes as Latin-1
characters.
"""
import os
import shutil
import subprocess
import tempfile

import openpyxl
from openpyxl.styles import Font

HERE = os.path.dirname(os.path.abspath(__file__))


def openpyxl_fixture():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    cells = [
        ("A1", "Tæng céng", ".VnTime"),
        ("A2", "TæNG CéNG", ".VnTimeH"),
        ("A3", "Toång coäng", "VNI-Times"),
        ("A4", "Tổng cộng", "Times New Roman"),
        ("A5", 1234, ".VnTime"),
    ]
    for ref, value, font in cells:
        ws[ref] = value
        ws[ref].font = Font(name=font)
    ws["A6"] = "mặc định"
    wb.save(os.path.join(HERE, "legacy_openpyxl.xlsx"))


def libreoffice_fixture():
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "legacy_fonts.fods")
        shutil.copy(os.path.join(HERE, "legacy_fonts.fods"), src)
        env = dict(os.environ, HOME=tmp)
        subprocess.run(["soffice", "--headless", "--convert-to", "xlsx", "--outdir", tmp, src],
                       cwd=tmp, env=env, check=True, timeout=180,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.copy(os.path.join(tmp, "legacy_fonts.xlsx"),
                    os.path.join(HERE, "legacy_libreoffice.xlsx"))


if __name__ == "__main__":
    openpyxl_fixture()
    libreoffice_fixture()
