#!/usr/bin/env python3
"""Regenerates the small fixture workbooks of package xlsx.

The outputs are committed; the Go tests never run this. It needs openpyxl
(written with 3.0.9) and LibreOffice (soffice, written with 7.4) with its
Python UNO bridge for the password-protected file. Run from anywhere:

    python3 xlsx/testdata/gen.py

(openpyxl may only be installed for the system Python, /usr/bin/python3.)

    openpyxl.xlsx      types, inline strings, t="d" dates, formulas without
                       cached values, hidden first sheet, chartsheet,
                       very hidden sheet
    libreoffice.xlsx   source.fods through LibreOffice: shared and rich-text
                       strings, cached formula values (number, error, string,
                       empty string, boolean), hidden second sheet
    libreoffice.xlsm   the same as a macro-enabled workbook
    libreoffice.ods    the same as .ods   (must be refused: not-xlsx/ods)
    libreoffice.xls    the same as .xls   (must be refused: not-xlsx/xls)
    encrypted.xlsx     the same, password "secret" (CFB + EncryptionInfo)
    csv_renamed.xlsx   a CSV file named .xlsx
    text_renamed.xlsx  a text file named .xlsx

excelize.xlsx comes from genexcelize/main.go instead. Zip bombs, truncated
and hand-written workbooks are built by the tests themselves.
"""
import datetime
import os
import shutil
import subprocess
import sys
import tempfile
import time

import openpyxl
from openpyxl.chart import BarChart, Reference

HERE = os.path.dirname(os.path.abspath(__file__))


def openpyxl_fixture():
    """Types, formulas without cached values (openpyxl never caches), a
    hidden first sheet, a chartsheet and a very hidden sheet."""
    wb = openpyxl.Workbook()
    wb.iso_dates = True  # dates as t="d" ISO text
    hidden = wb.active
    hidden.title = "Ẩn"
    hidden.sheet_state = "hidden"
    hidden["A1"] = "bí mật"

    ws = wb.create_sheet("Data")
    ws["A1"] = "1.234"  # text that looks like a number
    ws["B1"] = 1.234
    ws["C1"] = 1234
    ws["D1"] = True
    ws["E1"] = "#N/A"  # openpyxl stores error literals as t="e"
    ws["F1"] = "dòng 1\r\ndòng 2"
    ws["G1"] = "  khoảng trắng  "
    ws["H1"] = 1e-3
    ws["I1"] = datetime.date(2024, 1, 31)
    ws["J1"] = False
    ws["A2"] = "=B1*2"
    ws["B2"] = "=1/0"
    ws["C2"] = '=A1&"x"'
    ws["D2"] = "=SUM(B1:C1)"
    ws["E2"] = "=NOSUCHFUNCTION(1)"
    ws["B4"] = "after a gap"

    chart = BarChart()
    chart.add_data(Reference(ws, min_col=2, min_row=1, max_col=3, max_row=1))
    cs = wb.create_chartsheet("Chart")
    cs.add_chart(chart)

    vh = wb.create_sheet("VeryHidden")
    vh.sheet_state = "veryHidden"
    vh["A1"] = 1
    wb.save(os.path.join(HERE, "openpyxl.xlsx"))


def soffice(*args, cwd):
    env = dict(os.environ, HOME=cwd)
    subprocess.run(["soffice", "--headless", *args], cwd=cwd, env=env,
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   timeout=180)


def libreoffice_fixtures(tmp):
    """source.fods converted by LibreOffice: cached formula values, rich
    text, error and string formulas, a hidden second sheet; and the same
    data as .ods and .xls, which the reader must refuse."""
    src = os.path.join(tmp, "source.fods")
    shutil.copy(os.path.join(HERE, "source.fods"), src)
    outs = [
        ("xlsx", "libreoffice.xlsx"),
        ('xlsm:Calc MS Excel 2007 VBA XML', "libreoffice.xlsm"),
        ("ods", "libreoffice.ods"),
        ("xls", "libreoffice.xls"),
    ]
    for fmt, name in outs:
        soffice("--convert-to", fmt, "--outdir", tmp, src, cwd=tmp)
        ext = fmt.split(":")[0]
        shutil.copy(os.path.join(tmp, "source." + ext), os.path.join(HERE, name))


def encrypted_fixture(tmp):
    """The same workbook saved by LibreOffice as .xlsx with the password
    "secret": a CFB container with an EncryptionInfo stream."""
    import uno
    from com.sun.star.beans import NamedValue, PropertyValue

    def prop(name, value):
        p = PropertyValue()
        p.Name, p.Value = name, value
        return p

    port = 2002 + os.getpid() % 1000
    proc = subprocess.Popen(
        ["soffice", "--headless", "--invisible", "--norestore",
         "-env:UserInstallation=file://" + tmp + "/profile",
         "--accept=socket,host=127.0.0.1,port=%d;urp;" % port],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local)
        for _ in range(100):
            try:
                ctx = resolver.resolve(
                    "uno:socket,host=127.0.0.1,port=%d;urp;StarOffice.ComponentContext" % port)
                break
            except Exception:
                time.sleep(0.2)
        else:
            raise RuntimeError("soffice did not start")
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        src = os.path.join(tmp, "source.fods")
        shutil.copy(os.path.join(HERE, "source.fods"), src)
        doc = desktop.loadComponentFromURL("file://" + src, "_blank", 0, (prop("Hidden", True),))
        out = os.path.join(tmp, "encrypted.xlsx")
        # A plain "Password" is ignored for OOXML; LibreOffice 7.4 encrypts
        # with ECMA-376 standard encryption when given the OOXPassword.
        data = []
        for k, v in (("OOXPassword", "secret"), ("CryptoType", "Standard")):
            nv = NamedValue()
            nv.Name, nv.Value = k, v
            data.append(nv)
        enc = uno.Any("[]com.sun.star.beans.NamedValue", tuple(data))
        uno.invoke(doc, "storeToURL", ("file://" + out, (
            prop("FilterName", "Calc MS Excel 2007 XML"), prop("EncryptionData", enc))))
        doc.close(True)
        shutil.copy(out, os.path.join(HERE, "encrypted.xlsx"))
        try:
            desktop.terminate()
        except Exception:
            pass
    finally:
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.terminate()
            proc.wait()


def text_fixtures():
    with open(os.path.join(HERE, "csv_renamed.xlsx"), "w", encoding="utf-8", newline="") as f:
        f.write("Mã chỉ tiêu,Chỉ tiêu,2023,2024\r\n01,Dân số,1234.5,1300\r\n02,\"Diện tích, km2\",50,50\r\n")
    with open(os.path.join(HERE, "text_renamed.xlsx"), "w", encoding="utf-8") as f:
        f.write("Báo cáo tổng kết năm\nSố liệu xem tệp đính kèm.\n")


def main():
    openpyxl_fixture()
    text_fixtures()
    with tempfile.TemporaryDirectory() as tmp:
        libreoffice_fixtures(tmp)
    with tempfile.TemporaryDirectory() as tmp:
        encrypted_fixture(tmp)
    for name in sorted(os.listdir(HERE)):
        size = os.path.getsize(os.path.join(HERE, name))
        print("%-22s %6d" % (name, size))
        if size > 20000:
            sys.exit("fixture %s is over 20 KB" % name)


if __name__ == "__main__":
    main()
