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

Zip entry times and core.xml dates are pinned, so reruns are byte-stable.
"""
import io
import os
import re
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


if __name__ == "__main__":
    valid()
    refused()
