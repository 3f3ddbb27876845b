#!/usr/bin/python3
"""Acceptance fixtures for "No entry left behind" (FORMATS.md §4, §4.1).

    /usr/bin/python3 roster/testdata/offices/gen.py [CASE...]

(with CASE names, only those files and their entries are rewritten)

Needs python3-openpyxl and soffice (LibreOffice). The outputs are committed;
the Go tests never run this.

Each case below is one small award roster made the way an office makes it, and
its entry in expected.json: what a person reads on it. Either

    {"entries": ["Tập thể|Hội Nông dân|Chi hội …|position|unit|form|authority|number|2021-03-02|achievement@Sheet!8", …],
     "years": [2019, 2024], "unit": "…", "warnings": [...]}

for a roster that must be accepted (every entry, every field, in sheet order), or

    {"refused": [{"code": ..., "sheet": ..., "cell": ..., "says": [...]}], "absent": [...]}

for one that must be refused ("says" are words the Vietnamese message must
contain; "absent" lists findings that must not be there). roster/offices_test.go
reads them with roster.Read.

The first line of each case's docstring says which writer made the file:
"openpyxl", or "LibreOffice" (written by openpyxl, then opened and saved by
LibreOffice headless). Zip entry times and document dates are pinned so reruns
give the same bytes (as far as LibreOffice allows).
"""

import io
import json
import os
import re
import shutil
import sys
import subprocess
import tempfile
import zipfile
from datetime import date, datetime

import openpyxl
from openpyxl.styles import Font
from openpyxl.utils.datetime import CALENDAR_MAC_1904

HERE = os.path.dirname(os.path.abspath(__file__))
FIXED_TIME = datetime(2024, 12, 31, 8, 0, 0)
ZIP_TIME = (2024, 12, 31, 8, 0, 0)

HEADER = ["STT", "Họ và tên / Tên tập thể", "Loại", "Chức vụ", "Đơn vị", "Tổ chức",
          "Hình thức", "Cấp khen", "Số quyết định", "Ngày quyết định", "Thành tích"]


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


def new_book(title="Danh sách"):
    wb = openpyxl.Workbook()
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    ws = wb.active
    ws.title = title
    return wb, ws


def put(ws, row, values, fmt="dd/mm/yyyy"):
    for col, v in enumerate(values, start=1):
        if v is None:
            continue
        c = ws.cell(row=row, column=col, value=v)
        if isinstance(v, (date, datetime)):
            c.number_format = fmt


def save(wb, name):
    path = os.path.join(HERE, name + ".xlsx")
    wb.save(path)
    pin_zip(path)


def libreoffice(src, name):
    """Saves case src through LibreOffice Calc as case name, in a private
    profile so a running LibreOffice of someone else is not disturbed."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = os.path.join(tmp, name + ".xlsx")
        shutil.copyfile(os.path.join(HERE, src + ".xlsx"), copy)
        out = os.path.join(tmp, "out")
        subprocess.run(["soffice", "-env:UserInstallation=file://" + os.path.join(tmp, "profile"),
                        "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out, copy],
                       check=True, stdout=subprocess.DEVNULL)
        shutil.copyfile(os.path.join(out, name + ".xlsx"), os.path.join(HERE, name + ".xlsx"))
    pin_zip(os.path.join(HERE, name + ".xlsx"))


def entry(kind, org, name, position, unit, form, authority, number, when, achievement, at):
    return "|".join([kind, org, name, position, unit, form, authority, number, when, achievement]) + "@" + at


def title_block(ws, agency, sub, date_line, title, period, last="H"):
    ws["A1"], ws["A2"] = agency, sub
    ws["F1"], ws["F2"], ws["F3"] = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", date_line
    ws.merge_cells("A1:D1")
    ws.merge_cells("A2:D2")
    ws["A5"], ws["A6"] = title, period
    ws.merge_cells("A5:%s5" % last)
    ws.merge_cells("A6:%s6" % last)


def across(ws, row, text, last="H"):
    ws.cell(row=row, column=1, value=text).font = Font(bold=True)
    ws.merge_cells("A%d:%s%d" % (row, last, row))


PRINTED_HEADER = ["STT", "Họ và tên / Tên tập thể", "Chức vụ", "Đơn vị", "Thành tích tóm tắt",
                  "Hình thức", "Cấp khen", "Số, ngày quyết định"]


def printed_layout():
    """openpyxl: a roster laid out as it is printed: no Loại or Tổ chức column; a title
    "I" / "TẬP THỂ" in the STT and name cells, "1" / "Hội Nông dân", "2. Công an" and
    "II. CÁ NHÂN", "HỘI CỰU CHIẾN BINH", "Khác" merged across; number and date in one
    cell; a date line with the day left blank above the title; a total line, a
    signature block."""
    wb, ws = new_book()
    title_block(ws, "UBND PHƯỜNG LẠCH TRAY", "BAN CHỈ ĐẠO PHONG TRÀO",
                "Lạch Tray, ngày      tháng 12 năm 2024",
                "DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG", "GIAI ĐOẠN 2019 - 2024")
    put(ws, 8, PRINTED_HEADER)
    put(ws, 9, ["(%d)" % i for i in range(1, 9)])
    put(ws, 10, ["I", "TẬP THỂ"])
    put(ws, 11, ["1", "Hội Nông dân"])
    put(ws, 12, [1, "Chi hội Nông dân thôn Đông", None, "Xã An Đồng", "Dẫn đầu phong trào", "Giấy khen",
                 "Chủ tịch UBND huyện", "45/QĐ-UBND ngày 02/3/2021"])
    across(ws, 13, "2. Công an")
    put(ws, 14, [2, "Công an phường Lạch Tray", None, "Quận Ngô Quyền", None, "Bằng khen",
                 "Giám đốc Công an thành phố", "1502/QĐ-CAHP ngày 15/12/2023"])
    across(ws, 15, "II. CÁ NHÂN")
    across(ws, 16, "HỘI CỰU CHIẾN BINH")
    put(ws, 17, [1, "Nguyễn Văn An", "Chi hội trưởng", "Phường Lạch Tray", "Gương mẫu", "Bằng khen",
                 "Chủ tịch UBND thành phố", "123/QĐ-UBND ngày 01/8/2024"])
    put(ws, 18, [2, "Trần Thị Ánh", "Hội viên", "Phường Lạch Tray", None, "Giấy khen",
                 "Chủ tịch UBND quận", "7/QĐ-UBND ngày 05/9/2019"])
    across(ws, 19, "Khác")
    put(ws, 20, [3, "Phạm Văn Đức", "Tổ trưởng tổ dân phố", "Phường Lạch Tray", None, "Biểu dương",
                 "Chủ tịch UBND quận", "12/QĐ-UBND, 20/11/2020"])
    across(ws, 22, "Tổng cộng: 5 (2 tập thể, 3 cá nhân)")
    put(ws, 24, [None, "NGƯỜI LẬP BIỂU", None, None, None, "TM. BAN CHỈ ĐẠO"])
    put(ws, 28, [None, "Trần Văn Bình", None, None, None, "Nguyễn Văn Minh"])
    save(wb, "printed-layout")
    sheet = "Danh sách"
    return {
        "years": [2019, 2024],
        "unit": "UBND PHƯỜNG LẠCH TRAY – BAN CHỈ ĐẠO PHONG TRÀO",
        "entries": [
            entry("Tập thể", "Hội Nông dân", "Chi hội Nông dân thôn Đông", "", "Xã An Đồng", "Giấy khen",
                  "Chủ tịch UBND huyện", "45/QĐ-UBND", "2021-03-02", "Dẫn đầu phong trào", sheet + "!12"),
            entry("Tập thể", "Công an", "Công an phường Lạch Tray", "", "Quận Ngô Quyền", "Bằng khen",
                  "Giám đốc Công an thành phố", "1502/QĐ-CAHP", "2023-12-15", "", sheet + "!14"),
            entry("Cá nhân", "Hội Cựu chiến binh", "Nguyễn Văn An", "Chi hội trưởng", "Phường Lạch Tray", "Bằng khen",
                  "Chủ tịch UBND thành phố", "123/QĐ-UBND", "2024-08-01", "Gương mẫu", sheet + "!17"),
            entry("Cá nhân", "Hội Cựu chiến binh", "Trần Thị Ánh", "Hội viên", "Phường Lạch Tray", "Giấy khen",
                  "Chủ tịch UBND quận", "7/QĐ-UBND", "2019-09-05", "", sheet + "!18"),
            entry("Cá nhân", "Khác", "Phạm Văn Đức", "Tổ trưởng tổ dân phố", "Phường Lạch Tray", "Biểu dương",
                  "Chủ tịch UBND quận", "12/QĐ-UBND", "2020-11-20", "", sheet + "!20"),
        ],
    }


def printed_layout_lo():
    """LibreOffice: printed-layout.xlsx saved by LibreOffice Calc."""
    libreoffice("printed-layout", "printed-layout-lo")
    return dict(CASES_DONE["printed-layout"])


def merged_groups():
    """openpyxl: Loại, Đơn vị, Tổ chức, Hình thức, Cấp khen, Số quyết định and Ngày merged
    down each group of rows; the rows of a group carry only their STT and name."""
    wb, ws = new_book()
    ws["A1"] = "HỘI LIÊN HIỆP PHỤ NỮ QUẬN LÊ CHÂN"
    ws["A2"] = "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2023"
    put(ws, 4, HEADER)
    put(ws, 5, [1, "Chi hội Phụ nữ tổ dân phố số 2", "Tập thể", None, "Phường Cát Dài", "Hội Liên hiệp Phụ nữ",
                "Giấy khen", "Chủ tịch UBND quận", "315/QĐ-UBND", date(2023, 10, 3), "Tích cực"])
    put(ws, 6, [2, "Chi hội Phụ nữ tổ dân phố số 5"])
    put(ws, 7, [3, "Tổ phụ nữ tự quản tổ dân phố số 7"])
    put(ws, 8, [4, "Lê Thị Hoà", "Cá nhân", "Hội viên", "Phường Dư Hàng Kênh", "Hội Liên hiệp Phụ nữ",
                "Biểu dương", "Giám đốc Công an thành phố", "2388/QĐ-CAHP", date(2023, 12, 15)])
    put(ws, 9, [5, "Vũ Thị Ân", None, "Chi hội trưởng"])
    for col in "CEFGHIJ":
        ws.merge_cells("%s5:%s7" % (col, col))
        ws.merge_cells("%s8:%s9" % (col, col))
    save(wb, "merged-groups")
    sheet = "Danh sách"
    coll = ("Tập thể", "Hội Liên hiệp Phụ nữ")
    return {
        "years": [2023, 2023],
        "unit": "HỘI LIÊN HIỆP PHỤ NỮ QUẬN LÊ CHÂN",
        "entries": [
            entry(*coll, "Chi hội Phụ nữ tổ dân phố số 2", "", "Phường Cát Dài", "Giấy khen", "Chủ tịch UBND quận",
                  "315/QĐ-UBND", "2023-10-03", "Tích cực", sheet + "!5"),
            entry(*coll, "Chi hội Phụ nữ tổ dân phố số 5", "", "Phường Cát Dài", "Giấy khen", "Chủ tịch UBND quận",
                  "315/QĐ-UBND", "2023-10-03", "", sheet + "!6"),
            entry(*coll, "Tổ phụ nữ tự quản tổ dân phố số 7", "", "Phường Cát Dài", "Giấy khen", "Chủ tịch UBND quận",
                  "315/QĐ-UBND", "2023-10-03", "", sheet + "!7"),
            entry("Cá nhân", "Hội Liên hiệp Phụ nữ", "Lê Thị Hoà", "Hội viên", "Phường Dư Hàng Kênh", "Biểu dương",
                  "Giám đốc Công an thành phố", "2388/QĐ-CAHP", "2023-12-15", "", sheet + "!8"),
            entry("Cá nhân", "Hội Liên hiệp Phụ nữ", "Vũ Thị Ân", "Chi hội trưởng", "Phường Dư Hàng Kênh", "Biểu dương",
                  "Giám đốc Công an thành phố", "2388/QĐ-CAHP", "2023-12-15", "", sheet + "!9"),
        ],
    }


def merged_groups_lo():
    """LibreOffice: merged-groups.xlsx saved by LibreOffice Calc."""
    libreoffice("merged-groups", "merged-groups-lo")
    return dict(CASES_DONE["merged-groups"])


def two_sheets():
    """openpyxl: a Tập thể sheet and a Cá nhân sheet, neither with a Loại column; a hidden
    helper sheet first."""
    wb, helper = new_book("DanhMuc")
    helper.sheet_state = "hidden"
    helper["A1"] = "Hội Nông dân"
    coll = wb.create_sheet("Tập thể")
    coll["A1"] = "UBND XÃ AN ĐỒNG"
    coll["A2"] = "DANH SÁCH TẬP THỂ ĐỀ NGHỊ KHEN THƯỞNG NĂM 2024"
    put(coll, 4, ["STT", "Tên tập thể", "Đơn vị", "Tổ chức", "Hình thức", "Cấp khen", "Số quyết định", "Ngày quyết định"])
    put(coll, 5, [1, "Chi hội Nông dân thôn Đông", "Xã An Đồng", "Hội Nông dân", "Giấy khen", "Chủ tịch UBND huyện",
                  "45/QĐ-UBND", date(2024, 3, 2)])
    put(coll, 6, [2, "Chi đoàn thôn Tây", "Xã An Đồng", "Đoàn Thanh niên", "Giấy khen", "Chủ tịch UBND huyện",
                  "45/QĐ-UBND", date(2024, 3, 2)])
    indiv = wb.create_sheet("Cá nhân")
    indiv["A1"] = "UBND XÃ AN ĐỒNG"
    indiv["A2"] = "DANH SÁCH CÁ NHÂN ĐỀ NGHỊ KHEN THƯỞNG NĂM 2024"
    put(indiv, 4, ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Tổ chức", "Hình thức", "Cấp khen", "Số quyết định",
                   "Ngày quyết định"])
    put(indiv, 5, [1, "Nguyễn Văn An", "Chi hội trưởng", "Xã An Đồng", "Hội Nông dân", "Bằng khen",
                   "Chủ tịch UBND thành phố", "123/QĐ-UBND", date(2024, 8, 1)])
    put(indiv, 6, [2, "Trần Thị Bích", "Đoàn viên", "Xã An Đồng", "Đoàn Thanh niên", "Giấy khen",
                   "Chủ tịch UBND huyện", "45/QĐ-UBND", "02/03/2024"])
    put(indiv, 7, [3, "Chi hội Nông dân thôn Đông", "Chi hội trưởng", "Xã An Đồng", "Hội Nông dân", "Giấy khen",
                   "Chủ tịch UBND huyện", "45/QĐ-UBND", "02/03/2024"])
    wb.active = 1
    save(wb, "two-sheets")
    return {
        "years": [2024, 2024],
        "unit": "UBND XÃ AN ĐỒNG",
        "sheet": "Tập thể, Cá nhân",
        "entries": [
            entry("Tập thể", "Hội Nông dân", "Chi hội Nông dân thôn Đông", "", "Xã An Đồng", "Giấy khen",
                  "Chủ tịch UBND huyện", "45/QĐ-UBND", "2024-03-02", "", "Tập thể!5"),
            entry("Tập thể", "Đoàn Thanh niên", "Chi đoàn thôn Tây", "", "Xã An Đồng", "Giấy khen",
                  "Chủ tịch UBND huyện", "45/QĐ-UBND", "2024-03-02", "", "Tập thể!6"),
            entry("Cá nhân", "Hội Nông dân", "Nguyễn Văn An", "Chi hội trưởng", "Xã An Đồng", "Bằng khen",
                  "Chủ tịch UBND thành phố", "123/QĐ-UBND", "2024-08-01", "", "Cá nhân!5"),
            entry("Cá nhân", "Đoàn Thanh niên", "Trần Thị Bích", "Đoàn viên", "Xã An Đồng", "Giấy khen",
                  "Chủ tịch UBND huyện", "45/QĐ-UBND", "2024-03-02", "", "Cá nhân!6"),
            # A person named like the collective on the other sheet: two nominees.
            entry("Cá nhân", "Hội Nông dân", "Chi hội Nông dân thôn Đông", "Chi hội trưởng", "Xã An Đồng", "Giấy khen",
                  "Chủ tịch UBND huyện", "45/QĐ-UBND", "2024-03-02", "", "Cá nhân!7"),
        ],
    }


def date_1904():
    """openpyxl: a workbook in the 1904 date system (old Mac files): date cells count from
    1 January 1904."""
    wb, ws = new_book()
    wb.epoch = CALENDAR_MAC_1904
    ws["A1"] = "DANH SÁCH KHEN THƯỞNG GIAI ĐOẠN 2019-2024"
    put(ws, 3, HEADER)
    put(ws, 4, [1, "Nguyễn Văn An", "Cá nhân", None, "Xã An Đồng", "Hội Nông dân", "Giấy khen", "Chủ tịch UBND huyện",
                "45/QĐ-UBND", date(2019, 1, 2)])
    put(ws, 5, [2, "Trần Thị Ánh", "Cá nhân", None, "Xã An Đồng", "Hội Nông dân", "Bằng khen", "Chủ tịch UBND thành phố",
                "123/QĐ-UBND", date(2024, 8, 1)])
    put(ws, 6, [3, "Lê Văn Ăn", "Cá nhân", None, "Xã An Đồng", "Hội Nông dân", "Biểu dương", "Chủ tịch UBND huyện",
                "7/QĐ-UBND", "05/09/2021"])
    save(wb, "date-1904")
    s = "Danh sách"
    row = ("Cá nhân", "Hội Nông dân")
    return {
        "years": [2019, 2024],
        "entries": [
            entry(*row, "Nguyễn Văn An", "", "Xã An Đồng", "Giấy khen", "Chủ tịch UBND huyện", "45/QĐ-UBND", "2019-01-02", "", s + "!4"),
            entry(*row, "Trần Thị Ánh", "", "Xã An Đồng", "Bằng khen", "Chủ tịch UBND thành phố", "123/QĐ-UBND", "2024-08-01", "", s + "!5"),
            entry(*row, "Lê Văn Ăn", "", "Xã An Đồng", "Biểu dương", "Chủ tịch UBND huyện", "7/QĐ-UBND", "2021-09-05", "", s + "!6"),
        ],
    }


def date_1904_lo():
    """LibreOffice: date-1904.xlsx saved by LibreOffice Calc."""
    libreoffice("date-1904", "date-1904-lo")
    return dict(CASES_DONE["date-1904"])


def month_first_cells():
    """openpyxl: date cells displayed month first (mm/dd/yyyy, made on a US machine) and no
    text date: each cell is the date it holds and shows."""
    wb, ws = new_book()
    ws["A1"] = "DANH SÁCH KHEN THƯỞNG NĂM 2024"
    put(ws, 3, HEADER)
    put(ws, 4, [1, "Nguyễn Văn An", "Cá nhân", None, "Xã An Đồng", "Hội Nông dân", "Giấy khen", "Chủ tịch UBND huyện",
                "45/QĐ-UBND", date(2024, 8, 1)], fmt="mm/dd/yyyy")
    put(ws, 5, [2, "Trần Thị Ánh", "Cá nhân", None, "Xã An Đồng", "Hội Nông dân", "Giấy khen", "Chủ tịch UBND huyện",
                "46/QĐ-UBND", date(2024, 3, 25)], fmt="mm/dd/yyyy")
    save(wb, "month-first-cells")
    s = "Danh sách"
    row = ("Cá nhân", "Hội Nông dân")
    return {
        "years": [2024, 2024],
        "entries": [
            entry(*row, "Nguyễn Văn An", "", "Xã An Đồng", "Giấy khen", "Chủ tịch UBND huyện", "45/QĐ-UBND", "2024-08-01", "", s + "!4"),
            entry(*row, "Trần Thị Ánh", "", "Xã An Đồng", "Giấy khen", "Chủ tịch UBND huyện", "46/QĐ-UBND", "2024-03-25", "", s + "!5"),
        ],
    }


def month_first_mixed():
    """openpyxl: the dates of one column typed day first on a machine set to US dates: those
    it could read month first became date cells shown m/d/yyyy, the others stayed text."""
    wb, ws = new_book()
    ws["A1"] = "DANH SÁCH KHEN THƯỞNG NĂM 2024"
    put(ws, 3, HEADER)
    put(ws, 4, [1, "Nguyễn Văn An", "Cá nhân", None, "Xã An Đồng", "Hội Nông dân", "Giấy khen", "Chủ tịch UBND huyện",
                "45/QĐ-UBND", date(2024, 1, 8)], fmt="m/d/yyyy")  # typed 01/08/2024, meant 1 August
    put(ws, 5, [2, "Trần Thị Ánh", "Cá nhân", None, "Xã An Đồng", "Hội Nông dân", "Giấy khen", "Chủ tịch UBND huyện",
                "46/QĐ-UBND", "25/08/2024"])
    put(ws, 6, [3, "Lê Văn Ăn", "Cá nhân", None, "Xã An Đồng", "Hội Nông dân", "Giấy khen", "Chủ tịch UBND huyện",
                "47/QĐ-UBND", date(2024, 5, 10)], fmt="m/d/yyyy")
    save(wb, "month-first-mixed")
    says = ["tháng trước ngày", "J5", "25/08/2024", "dd/mm/yyyy"]
    return {"refused": [
        {"code": "date-order", "sheet": "Danh sách", "cell": "J4", "says": says + ["1/8/2024", "ngày 8 tháng 1 năm 2024"]},
        {"code": "date-order", "sheet": "Danh sách", "cell": "J6", "says": says},
    ], "absent": [{"code": "date-order", "sheet": "Danh sách", "cell": "J5"}]}


def combined_column():
    """openpyxl: "Chức vụ, đơn vị công tác" in one column: kept whole as the unit, with a
    warning; never dropped."""
    wb, ws = new_book()
    ws["A1"] = "DANH SÁCH KHEN THƯỞNG NĂM 2024"
    put(ws, 3, ["STT", "Họ và tên", "Loại", "Chức vụ, đơn vị công tác", "Tổ chức", "Hình thức", "Cấp khen",
                "Số quyết định", "Ngày quyết định"])
    put(ws, 4, [1, "Nguyễn Văn An", "Cá nhân", "Chi hội trưởng Chi hội Nông dân thôn Đông, xã An Đồng", "Hội Nông dân",
                "Giấy khen", "Chủ tịch UBND huyện", "45/QĐ-UBND", date(2024, 3, 2)])
    put(ws, 5, [2, "Trần Thị Bích", "Cá nhân", "Cán bộ, chiến sĩ Đội CSHS Công an huyện An Dương", "Công an",
                "Giấy khen", "Chủ tịch UBND huyện", "45/QĐ-UBND", date(2024, 3, 2)])
    save(wb, "combined-column")
    s = "Danh sách"
    return {
        "years": [2024, 2024],
        "warnings": ["combined-column"],
        "entries": [
            entry("Cá nhân", "Hội Nông dân", "Nguyễn Văn An", "", "Chi hội trưởng Chi hội Nông dân thôn Đông, xã An Đồng",
                  "Giấy khen", "Chủ tịch UBND huyện", "45/QĐ-UBND", "2024-03-02", "", s + "!4"),
            entry("Cá nhân", "Công an", "Trần Thị Bích", "", "Cán bộ, chiến sĩ Đội CSHS Công an huyện An Dương",
                  "Giấy khen", "Chủ tịch UBND huyện", "45/QĐ-UBND", "2024-03-02", "", s + "!5"),
        ],
    }


def household():
    """openpyxl: a household (a collective) and its head, of one name, unit and form: two
    nominees."""
    wb, ws = new_book()
    ws["A1"] = "DANH SÁCH KHEN THƯỞNG NĂM 2024"
    put(ws, 3, HEADER)
    put(ws, 4, [1, "Nguyễn Văn An", "Tập thể", None, "Xã An Đồng", "Khác", "Giấy khen", "Chủ tịch UBND huyện",
                "45/QĐ-UBND", date(2024, 3, 2), "Hộ gia đình tiêu biểu"])
    put(ws, 5, [2, "Nguyễn Văn An", "Cá nhân", "Chủ hộ", "Xã An Đồng", "Khác", "Giấy khen", "Chủ tịch UBND huyện",
                "45/QĐ-UBND", date(2024, 3, 2)])
    save(wb, "household")
    s = "Danh sách"
    return {
        "years": [2024, 2024],
        "entries": [
            entry("Tập thể", "Khác", "Nguyễn Văn An", "", "Xã An Đồng", "Giấy khen", "Chủ tịch UBND huyện",
                  "45/QĐ-UBND", "2024-03-02", "Hộ gia đình tiêu biểu", s + "!4"),
            entry("Cá nhân", "Khác", "Nguyễn Văn An", "Chủ hộ", "Xã An Đồng", "Giấy khen", "Chủ tịch UBND huyện",
                  "45/QĐ-UBND", "2024-03-02", "", s + "!5"),
        ],
    }


def two_periods():
    """openpyxl: a title naming two periods, the year and the review period: the roster
    claims both."""
    wb, ws = new_book()
    ws["A1"] = "DANH SÁCH KHEN THƯỞNG NĂM 2024 VÀ TỔNG KẾT GIAI ĐOẠN 2019 - 2024"
    put(ws, 3, HEADER)
    put(ws, 4, [1, "Nguyễn Văn An", "Cá nhân", None, "Xã An Đồng", "Hội Nông dân", "Giấy khen", "Chủ tịch UBND huyện",
                "45/QĐ-UBND", date(2024, 3, 2)])
    put(ws, 5, [2, "Trần Thị Ánh", "Cá nhân", None, "Xã An Đồng", "Hội Nông dân", "Bằng khen", "Chủ tịch UBND thành phố",
                "12/QĐ-UBND", date(2020, 6, 5)])
    save(wb, "two-periods")
    s = "Danh sách"
    row = ("Cá nhân", "Hội Nông dân")
    return {
        "years": [2019, 2024],
        "entries": [
            entry(*row, "Nguyễn Văn An", "", "Xã An Đồng", "Giấy khen", "Chủ tịch UBND huyện", "45/QĐ-UBND", "2024-03-02", "", s + "!4"),
            entry(*row, "Trần Thị Ánh", "", "Xã An Đồng", "Bằng khen", "Chủ tịch UBND thành phố", "12/QĐ-UBND", "2020-06-05", "", s + "!5"),
        ],
    }


def number_with_date():
    """openpyxl: the decision's date written in the "Số quyết định" cell, the "Ngày quyết
    định" cell left empty; and a note column that is not read (a warning)."""
    wb, ws = new_book()
    ws["A1"] = "DANH SÁCH KHEN THƯỞNG NĂM 2024"
    put(ws, 3, HEADER + ["Ghi chú"])
    put(ws, 4, [1, "Nguyễn Văn An", "Cá nhân", None, "Xã An Đồng", "Hội Nông dân", "Giấy khen", "Chủ tịch UBND huyện",
                "45/QĐ-UBND ngày 02/3/2024", None, None, "hồ sơ đủ"])
    put(ws, 5, [2, "Trần Thị Ánh", "Cá nhân", None, "Xã An Đồng", "Hội Nông dân", "Giấy khen", "Chủ tịch UBND huyện",
                "46/QĐ-UBND", date(2024, 3, 5)])
    save(wb, "number-with-date")
    s = "Danh sách"
    row = ("Cá nhân", "Hội Nông dân")
    return {
        "years": [2024, 2024],
        "warnings": ["unread-column"],
        "entries": [
            entry(*row, "Nguyễn Văn An", "", "Xã An Đồng", "Giấy khen", "Chủ tịch UBND huyện", "45/QĐ-UBND", "2024-03-02", "", s + "!4"),
            entry(*row, "Trần Thị Ánh", "", "Xã An Đồng", "Giấy khen", "Chủ tịch UBND huyện", "46/QĐ-UBND", "2024-03-05", "", s + "!5"),
        ],
    }


def number_date_conflict():
    """openpyxl: the "Số quyết định" cell gives one date, the "Ngày quyết định" cell another."""
    wb, ws = new_book()
    ws["A1"] = "DANH SÁCH KHEN THƯỞNG NĂM 2024"
    put(ws, 3, HEADER)
    put(ws, 4, [1, "Nguyễn Văn An", "Cá nhân", None, "Xã An Đồng", "Hội Nông dân", "Giấy khen", "Chủ tịch UBND huyện",
                "45/QĐ-UBND ngày 02/3/2024", "03/02/2024"])
    save(wb, "number-date-conflict")
    return {"refused": [{"code": "constraint-error", "sheet": "Danh sách", "cell": "I4",
                         "says": ["I4", "J4", "02/03/2024", "03/02/2024"]}]}


def honorifics():
    """openpyxl: one person twice, once with "Bà", once with "Đồng chí Thượng tá"; "Ông Văn
    Tùng" (Mr Tùng of the Ông family) is not "Văn Tùng"."""
    wb, ws = new_book()
    ws["A1"] = "DANH SÁCH KHEN THƯỞNG NĂM 2024"
    put(ws, 3, HEADER)
    rows = [
        ["Bà Trần Thị Mai", "Phường Lạch Tray", "Hội Liên hiệp Phụ nữ"],
        ["trần thị  MAI", "P. Lạch Tray", "Hội Liên hiệp Phụ nữ"],
        ["Đồng chí Thượng tá Nguyễn Văn Hùng", "Công an quận Ngô Quyền", "Công an"],
        ["Nguyễn Văn Hùng", "Công an quận Ngô Quyền", "Công an"],
        ["Ông Văn Tùng", "Phường Lạch Tray", "Hội Cựu chiến binh"],
        ["Văn Tùng", "Phường Lạch Tray", "Hội Cựu chiến binh"],
    ]
    for i, (name, unit, org) in enumerate(rows):
        put(ws, 4 + i, [i + 1, name, "Cá nhân", None, unit, org, "Giấy khen", "Chủ tịch UBND quận",
                        "45/QĐ-UBND", date(2024, 3, 2)])
    save(wb, "honorifics")
    return {"refused": [
        {"code": "duplicate-row", "sheet": "Danh sách", "cell": "B5", "says": ["B4", "trần thị MAI"]},
        {"code": "duplicate-row", "sheet": "Danh sách", "cell": "B7", "says": ["B6", "Nguyễn Văn Hùng"]},
    ], "absent": [{"code": "duplicate-row", "sheet": "Danh sách", "cell": "B9"}]}


def printed_unknown_org():
    """openpyxl: a printed roster (no Tổ chức column) with an organisation title the
    catalog does not know."""
    wb, ws = new_book()
    ws["A1"] = "DANH SÁCH KHEN THƯỞNG NĂM 2024"
    put(ws, 3, PRINTED_HEADER)
    across(ws, 4, "I. CÁ NHÂN")
    across(ws, 5, "1. Hội Nông dân")
    put(ws, 6, [1, "Nguyễn Văn An", None, "Xã An Đồng", None, "Giấy khen", "Chủ tịch UBND huyện", "45/QĐ-UBND ngày 02/3/2024"])
    across(ws, 7, "2. Hội Người cao tuổi")
    put(ws, 8, [2, "Trần Văn Bình", None, "Xã An Đồng", None, "Giấy khen", "Chủ tịch UBND huyện", "45/QĐ-UBND ngày 02/3/2024"])
    save(wb, "printed-unknown-org")
    return {"refused": [{"code": "constraint-error", "sheet": "Danh sách", "cell": "A7",
                         "says": ["Hội Người cao tuổi", "không có trong danh mục", "Tổ chức"]}],
            "absent": [{"code": "missing-label", "sheet": "Danh sách"}]}


def total_mismatch():
    """openpyxl: the total line counts one more nominee than the table lists."""
    wb, ws = new_book()
    ws["A1"] = "DANH SÁCH KHEN THƯỞNG NĂM 2024"
    put(ws, 3, HEADER)
    for i, name in enumerate(["Nguyễn Văn An", "Trần Thị Ánh", "Lê Văn Ăn"]):
        put(ws, 4 + i, [i + 1, name, "Cá nhân", None, "Xã An Đồng", "Hội Nông dân", "Giấy khen", "Chủ tịch UBND huyện",
                        "45/QĐ-UBND", date(2024, 3, 2)])
    put(ws, 8, [None, "Tổng cộng: 4 người"])
    save(wb, "total-mismatch")
    return {"refused": [{"code": "total-mismatch", "sheet": "Danh sách", "cell": "B8", "says": ["ghi 4", "có 3"]}]}


def kind_conflict():
    """openpyxl: under the title "I. TẬP THỂ", a row whose Loại says Cá nhân."""
    wb, ws = new_book()
    ws["A1"] = "DANH SÁCH KHEN THƯỞNG NĂM 2024"
    put(ws, 3, HEADER)
    put(ws, 4, ["I. TẬP THỂ"])
    put(ws, 5, [1, "Chi hội Nông dân thôn Đông", "Tập thể", None, "Xã An Đồng", "Hội Nông dân", "Giấy khen",
                "Chủ tịch UBND huyện", "45/QĐ-UBND", date(2024, 3, 2)])
    put(ws, 6, [2, "Nguyễn Văn An", "Cá nhân", None, "Xã An Đồng", "Hội Nông dân", "Giấy khen",
                "Chủ tịch UBND huyện", "45/QĐ-UBND", date(2024, 3, 2)])
    save(wb, "kind-conflict")
    return {"refused": [{"code": "constraint-error", "sheet": "Danh sách", "cell": "C6",
                         "says": ["I. TẬP THỂ", "A4", "Cá nhân"]}]}


def hidden_row():
    """openpyxl: row 5 (Trần Thị Ánh, a withdrawn nominee) hidden between shown rows: nobody reading the roster sees it, refused naming the row."""
    wb, ws = new_book()
    ws["A1"] = "DANH SÁCH KHEN THƯỞNG NĂM 2024"
    put(ws, 3, HEADER)
    for i, name in enumerate(["Nguyễn Văn An", "Trần Thị Ánh", "Lê Văn Ăn"]):
        put(ws, 4 + i, [i + 1, name, "Cá nhân", None, "Xã An Đồng", "Hội Nông dân", "Giấy khen", "Chủ tịch UBND huyện",
                        "45/QĐ-UBND", date(2024, 3, 2)])
    ws.row_dimensions[5].hidden = True
    save(wb, "hidden-row")
    return {"refused": [{"code": "hidden-cell", "sheet": "Danh sách", "cell": "B5",
                         "says": ["Dòng 5", "bị ẩn", "Trần Thị Ánh", "Unhide"]}]}


def struck_name():
    """openpyxl: row 5's name (Trần Thị Ánh) struck through, as an office marks a nominee taken off: refused at the name."""
    wb, ws = new_book()
    ws["A1"] = "DANH SÁCH KHEN THƯỞNG NĂM 2024"
    put(ws, 3, HEADER)
    for i, name in enumerate(["Nguyễn Văn An", "Trần Thị Ánh", "Lê Văn Ăn"]):
        put(ws, 4 + i, [i + 1, name, "Cá nhân", None, "Xã An Đồng", "Hội Nông dân", "Giấy khen", "Chủ tịch UBND huyện",
                        "45/QĐ-UBND", date(2024, 3, 2)])
    ws["B5"].font = Font(strike=True)
    save(wb, "struck-name")
    return {"refused": [{"code": "type-error", "sheet": "Danh sách", "cell": "B5",
                         "says": ["Trần Thị Ánh", "gạch ngang", "dòng 5"]}]}


def withdrawn_note():
    """openpyxl: a "Ghi chú" column (not kept by the roster) saying "Đã rút khỏi danh sách" on row 5: refused at that note, the nominee not counted."""
    wb, ws = new_book()
    ws["A1"] = "DANH SÁCH KHEN THƯỞNG NĂM 2024"
    put(ws, 3, HEADER + ["Ghi chú"])
    for i, name in enumerate(["Nguyễn Văn An", "Trần Thị Ánh", "Lê Văn Ăn"]):
        put(ws, 4 + i, [i + 1, name, "Cá nhân", None, "Xã An Đồng", "Hội Nông dân", "Giấy khen", "Chủ tịch UBND huyện",
                        "45/QĐ-UBND", date(2024, 3, 2)])
    ws.cell(5, len(HEADER) + 1, "Đã rút khỏi danh sách")
    save(wb, "withdrawn-note")
    return {"refused": [{"code": "type-error", "sheet": "Danh sách", "cell": ws.cell(5, len(HEADER) + 1).coordinate,
                         "says": ["Đã rút khỏi danh sách", "dòng 5"]}]}


def ditto_marks():
    """openpyxl: row 5 writes "nt" for its unit and "như trên" for its authority, as offices fill a column: refused at each, asking for the words."""
    wb, ws = new_book()
    ws["A1"] = "DANH SÁCH KHEN THƯỞNG NĂM 2024"
    put(ws, 3, HEADER)
    put(ws, 4, [1, "Nguyễn Văn An", "Cá nhân", None, "Xã An Đồng", "Hội Nông dân", "Giấy khen", "Chủ tịch UBND huyện",
                "45/QĐ-UBND", date(2024, 3, 2)])
    put(ws, 5, [2, "Trần Thị Ánh", "Cá nhân", None, "nt", "Hội Nông dân", "Giấy khen", "như trên",
                "45/QĐ-UBND", date(2024, 3, 2)])
    save(wb, "ditto-marks")
    return {"refused": [{"code": "type-error", "sheet": "Danh sách", "cell": "E5", "says": ["nt", "như trên"]},
                        {"code": "type-error", "sheet": "Danh sách", "cell": "H5", "says": ["như trên"]}]}


def hidden_column_lo():
    """LibreOffice: the Thành tích column (K) hidden, its text given on two rows; an empty hidden row under the table: refused naming column K and its cells, the empty row passed over."""
    wb, ws = new_book()
    ws["A1"] = "DANH SÁCH KHEN THƯỞNG NĂM 2024"
    put(ws, 3, HEADER)
    for i, name in enumerate(["Nguyễn Văn An", "Trần Thị Ánh"]):
        put(ws, 4 + i, [i + 1, name, "Cá nhân", None, "Xã An Đồng", "Hội Nông dân", "Giấy khen", "Chủ tịch UBND huyện",
                        "45/QĐ-UBND", date(2024, 3, 2), "Có thành tích xuất sắc"])
    ws.column_dimensions["K"].hidden = True
    ws.row_dimensions[7].hidden = True
    save(wb, "hidden-column")
    libreoffice("hidden-column", "hidden-column-lo")
    os.remove(os.path.join(HERE, "hidden-column.xlsx"))
    return {"refused": [{"code": "hidden-cell", "sheet": "Danh sách", "cell": "K4",
                         "says": ["Cột K", "Thành tích", "bị ẩn", "K4", "K5"]}]}


CASES = [
    printed_layout, printed_layout_lo, merged_groups, merged_groups_lo, two_sheets, date_1904, date_1904_lo,
    month_first_cells, month_first_mixed, combined_column, household, two_periods, number_with_date,
    number_date_conflict, honorifics, printed_unknown_org, total_mismatch, kind_conflict, hidden_row, hidden_column_lo,
    struck_name, withdrawn_note, ditto_marks,
]
CASES_DONE = {}


def main():
    only = set(sys.argv[1:])
    path = os.path.join(HERE, "expected.json")
    if only:
        with open(path, encoding="utf-8") as f:
            CASES_DONE.update(json.load(f))
    for fn in CASES:
        name = fn.__name__.replace("_lo", "-lo").replace("_", "-")
        if only and name not in only:
            continue
        exp = fn()
        doc = fn.__doc__.strip()
        writer, _, about = doc.partition(": ")
        exp = dict(exp, writer=writer, about=" ".join(about.split()))
        CASES_DONE[name] = exp
    with open(path, "w", encoding="utf-8") as f:
        json.dump(dict(sorted(CASES_DONE.items())), f, ensure_ascii=False, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
