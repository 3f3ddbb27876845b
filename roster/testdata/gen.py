#!/usr/bin/python3
"""Regenerates the small roster fixtures of package roster.

The outputs are committed; the Go tests never run this. Run with the system
Python (it has openpyxl, written with 3.0.9):

    /usr/bin/python3 roster/testdata/gen.py

    openpyxl.xlsx      a valid roster written the way officers write them:
                       hidden first sheet, title block with the period and a
                       date line, header on row 6 with variant labels in
                       another order and an extra column, "I. TẬP THỂ" /
                       "II. CÁ NHÂN" heading rows and a total row, dates as
                       date cells, datetime cells, text dd/mm/yyyy and
                       d.m.yyyy, a =DATE() formula without a cached value,
                       STT as formulas, an NFD name, old tone placement,
                       stray spaces, a name that looks like a formula but is
                       text. 7 entries.
    openpyxl-loi.xlsx  a roster that must be refused: a missing name, an
                       unknown form, a bad date, a duplicate, a date outside
                       the year in the title.
    gop-o.xlsx         a roster drawn with merged cells, as printed: agency
                       and title merged across, a two-row header (labels
                       merged over rows 4-5, "Quyết định khen thưởng" merged
                       across H4:I4 over "Số" and "Ngày"), a numbering row,
                       section rows "I. TẬP THỂ" / "II. CÁ NHÂN" merged
                       across the table, the organisation, form, authority,
                       decision number and date of two collectives merged
                       down rows 8-9, a total line and a signature block
                       merged across. 4 entries.
    gop-o-lo.xlsx      gop-o.xlsx opened and saved by LibreOffice Calc
                       (needs soffice on the PATH).

Zip entry times and core.xml dates are pinned, so reruns are byte-stable.
"""
import io
import os
import re
import shutil
import subprocess
import tempfile
import unicodedata
import zipfile
from datetime import date, datetime

import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
FIXED_TIME = datetime(2024, 12, 31, 8, 0, 0)
ZIP_TIME = (2024, 12, 31, 8, 0, 0)


def pin_zip(path):
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


def new_book():
    wb = openpyxl.Workbook()
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    return wb


def save(wb, name):
    path = os.path.join(HERE, name)
    wb.save(path)
    pin_zip(path)


def put(ws, row, values):
    for col, v in enumerate(values, start=1):
        if v is not None:
            ws.cell(row=row, column=col, value=v)


def valid():
    wb = new_book()
    lists = wb.active
    lists.title = "DanhMuc"
    lists.sheet_state = "hidden"
    for i, org in enumerate(["Công an", "Mặt trận Tổ quốc", "Hội Cựu chiến binh"], start=1):
        lists.cell(row=i, column=1, value=org)
    ws = wb.create_sheet("Danh sách")
    wb.active = 1
    ws["A1"] = "UBND QUẬN LÊ CHÂN"
    ws["F1"] = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    ws["F2"] = "Lê Chân, ngày 20 tháng 11 năm 2024"
    ws["A3"] = "DANH SÁCH TẬP THỂ, CÁ NHÂN ĐỀ NGHỊ KHEN THƯỞNG"
    ws.merge_cells("A3:K3")
    ws["A4"] = "Năm:"
    ws["B4"] = "2019 - 2024"
    # Header on row 6: variant labels, another order, an extra column.
    put(ws, 6, ["TT", "Họ và tên\n(Tên tập thể)", "Tập thể/Cá nhân", "Chức danh",
                "Đơn vị công tác", "Tổ chức thành viên", "Ngày QĐ", "Số QĐ",
                "Hình thức khen thưởng", "Cấp khen thưởng", "Tóm tắt thành tích", "Ghi chú"])
    r = 7
    put(ws, r, ["I. TẬP THỂ"]); r += 1
    rows = [
        ["Chi hội Cựu chiến binh phường Cát Dài", "Tập thể", None, "Phường Cát Dài",
         "Hội Cựu chiến binh", datetime(2021, 3, 2), "45/QĐ-UBND", "Giấy khen",
         "Chủ tịch UBND quận", "Dẫn đầu phong trào thi đua", None],
        ["Ban Công tác Mặt trận khu dân cư số 3", "tập thể", None, "Phường Lạch Tray",
         "Mặt trận Tổ quốc", "05/09/2019", "7/QĐ-UBND", "Bằng khen",
         "Chủ tịch UBND thành phố", None, "hồ sơ đủ"],
    ]
    first = r
    for v in rows:
        put(ws, r, [None] + v)
        ws.cell(row=r, column=1, value=f"=ROW()-{first - 1}")  # STT as a formula, not read
        r += 1
    put(ws, r, ["II. CÁ NHÂN"]); r += 1
    rows = [
        [unicodedata.normalize("NFD", "Nguyễn Thị Thuý"), "Cá nhân", "Chi hội trưởng",
         "Phường Dư Hàng Kênh", "Hội Liên hiệp Phụ nữ", date(2024, 8, 1), "123/QĐ-UBND",
         "Bằng khen", "Chủ tịch UBND thành phố", "Vận động 20 hộ lắp camera", None],
        ["  Lê   Văn Hoà ", "Cá nhân", "Tổ trưởng tổ dân phố", "Phường Vĩnh Niệm",
         "hội cựu  chiến binh", "1.6.2022", "99/QĐ-UBND", "giấy khen",
         "Chủ tịch UBND quận", None, None],
        ["Phạm Văn Đức", "Cá nhân", "Đội trưởng", "Công an quận Lê Chân", "Công an",
         "=DATE(2023,12,15)", "1502/QĐ-CAHP", "Giấy khen",
         "Giám đốc Công an thành phố", "Phát hiện, cung cấp nhiều tin có giá trị", None],
        ["=HYPERLINK(\"x\")", "Cá nhân", None, "Phường An Biên", "Khác",
         "2020-11-20", "12/QĐ-UBND", "Biểu dương", "Chủ tịch UBND quận", None, "tên lạ"],
        ["Vũ Thị Ân", "Cá nhân", "Đoàn viên", "Phường Trại Cau", "Đoàn Thanh niên",
         datetime(2020, 3, 26, 14, 30), "8/QĐ-ĐTN", "Biểu dương", "Bí thư Quận đoàn", None, None],
    ]
    for v in rows:
        put(ws, r, [r - 9] + v)
        r += 1
    # The formula-looking name must stay text.
    for row in ws.iter_rows(min_row=1, max_row=r):
        for c in row:
            if c.value == "=HYPERLINK(\"x\")":
                c.data_type = "s"
    put(ws, r, [None, "Tổng cộng: 7"])
    r += 2
    put(ws, r, [None, None, None, None, None, None, None, None, "NGƯỜI LẬP BIỂU"])
    for c in ws["G"]:
        if isinstance(c.value, (datetime, date)):
            c.number_format = "dd/mm/yyyy"
    save(wb, "openpyxl.xlsx")


def refused():
    wb = new_book()
    ws = wb.active
    ws.title = "DS"
    ws["A1"] = "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2024"
    put(ws, 3, ["STT", "Họ và tên / Tên tập thể", "Loại", "Chức vụ", "Đơn vị", "Tổ chức",
                "Hình thức", "Cấp khen", "Số quyết định", "Ngày quyết định", "Thành tích"])
    rows = [
        ["Nguyễn Văn An", "Cá nhân", "", "Xã An Đồng", "Hội Nông dân", "Giấy khen",
         "Chủ tịch UBND huyện", "1/QĐ", date(2024, 1, 5), ""],                          # row 4
        [None, "Cá nhân", "", "Xã An Đồng", "Hội Nông dân", "Giấy khen",
         "Chủ tịch UBND huyện", "2/QĐ", date(2024, 1, 5), ""],                          # row 5: no name
        ["Trần Thị Bích", "Cá nhân", "", "Xã An Đồng", "Hội Nông dân", "Bằng khen Bộ",
         "Bộ trưởng", "3/QĐ", date(2024, 1, 5), ""],                                    # row 6: unknown form
        ["Lê Văn Cường", "Cá nhân", "", "Xã An Đồng", "Hội Nông dân", "Giấy khen",
         "Chủ tịch UBND huyện", "4/QĐ", "31/02/2024", ""],                              # row 7: bad date
        ["NGUYỄN VĂN AN", "Cá nhân", "", "X. An Đồng", "Hội Nông dân", "Giấy khen",
         "Chủ tịch UBND huyện", "5/QĐ", "10/10/2024", ""],                              # row 8: duplicate of row 4
        ["Đỗ Thị Dung", "Cá nhân", "", "Xã An Đồng", "Hội Nông dân", "Giấy khen",
         "Chủ tịch UBND huyện", "6/QĐ", date(2023, 12, 30), ""],                        # row 9: not 2024
    ]
    for i, v in enumerate(rows):
        put(ws, 4 + i, [i + 1] + v)
    save(wb, "openpyxl-loi.xlsx")


def libreoffice(src, name):
    """Saves the fixture src through LibreOffice Calc as name, in a private
    profile so a running LibreOffice of someone else is not disturbed."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = os.path.join(tmp, name)
        shutil.copyfile(os.path.join(HERE, src), copy)
        out = os.path.join(tmp, "out")
        subprocess.run(["soffice", "-env:UserInstallation=file://" + os.path.join(tmp, "profile"),
                        "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out, copy],
                       check=True, stdout=subprocess.DEVNULL)
        dst = os.path.join(HERE, name)
        shutil.copyfile(os.path.join(out, name), dst)
    pin_zip(dst)


def merged():
    wb = new_book()
    ws = wb.active
    ws.title = "Danh sách"
    put(ws, 1, ["CÔNG AN QUẬN LÊ CHÂN", None, None, None, None, "Lê Chân, ngày 20 tháng 11 năm 2024"])
    ws.merge_cells("A1:D1")
    ws.merge_cells("F1:J1")
    put(ws, 2, ["DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG GIAI ĐOẠN 2019 – 2024"])
    ws.merge_cells("A2:J2")
    put(ws, 4, ["STT", "Họ và tên / Tên tập thể", "Loại", "Đơn vị", "Tổ chức", "Hình thức",
                "Cấp khen", "Quyết định khen thưởng", None, "Thành tích"])
    put(ws, 5, [None] * 7 + ["Số", "Ngày"])
    for rng in ("A4:A5", "B4:B5", "C4:C5", "D4:D5", "E4:E5", "F4:F5", "G4:G5", "H4:I4", "J4:J5"):
        ws.merge_cells(rng)
    put(ws, 6, ["(%d)" % i for i in range(1, 11)])
    put(ws, 7, ["I. TẬP THỂ"])
    ws.merge_cells("A7:J7")
    put(ws, 8, [1, "Chi hội Nông dân thôn Đông", "Tập thể", "Xã An Đồng", "Hội Nông dân", "Giấy khen",
                "Chủ tịch UBND huyện", "45/QĐ-UBND", date(2021, 3, 2), "Dẫn đầu phong trào"])
    put(ws, 9, [2, "Chi hội Nông dân thôn Tây", "Tập thể", "Xã An Đồng", None, None, None, None, None,
                "Tích cực"])
    for col in "EFGHI":
        ws.merge_cells("%s8:%s9" % (col, col))
    ws["I8"].number_format = "dd/mm/yyyy"
    put(ws, 10, ["II. CÁ NHÂN"])
    ws.merge_cells("A10:J10")
    put(ws, 11, [3, "Nguyễn Văn An", "Cá nhân", "Xã Đông Xuân", "Hội Cựu chiến binh", "Bằng khen",
                 "Chủ tịch UBND thành phố", "123/QĐ-UBND", "01/08/2024", "Gương mẫu"])
    put(ws, 12, [4, "Trần Thị Ánh", "Cá nhân", "Phường Lạch Tray", "Hội Liên hiệp Phụ nữ", "Giấy khen",
                 "Chủ tịch UBND quận", "7/QĐ-UBND", date(2019, 9, 5)])
    ws["I12"].number_format = "dd/mm/yyyy"
    put(ws, 13, ["Tổng cộng: 4 (2 tập thể, 2 cá nhân)"])
    ws.merge_cells("A13:J13")
    put(ws, 15, [None, "NGƯỜI LẬP BIỂU", None, None, None, None, "KT. TRƯỞNG CÔNG AN QUẬN"])
    ws.merge_cells("B15:D15")
    ws.merge_cells("G15:J15")
    put(ws, 18, [None, "Trần Văn Bình", None, None, None, None, "Nguyễn Văn Minh"])
    ws.merge_cells("B18:D18")
    ws.merge_cells("G18:J18")
    save(wb, "gop-o.xlsx")
    libreoffice("gop-o.xlsx", "gop-o-lo.xlsx")


if __name__ == "__main__":
    valid()
    refused()
    merged()
