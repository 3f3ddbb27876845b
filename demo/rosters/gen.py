#!/usr/bin/python3
"""Generate the demo award rosters (danh sách khen thưởng, FORMATS.md §4).

Run from anywhere with the system Python (it has python3-openpyxl):

    /usr/bin/python3 demo/rosters/gen.py

Writes, next to this script:

    khen-thuong-2019-2024.xlsx  the city's roster for the 2019-2024 review:
                                tập thể and cá nhân of every organisation,
                                all three forms, decisions 2019-2024 as date
                                cells and as text dd/mm/yyyy; accepted.
    khen-thuong-loi.xlsx        a district's roster for 2024 with four
                                mistakes; refused as a whole.

Names of people are fictional. A fixed seed, pinned zip entry times and
pinned document dates make every run write the same bytes (with the same
openpyxl version). Do not edit the workbooks by hand: change this script.
"""

import io
import os
import random
import re
import zipfile
from datetime import date, datetime

import openpyxl
from openpyxl.styles import Alignment, Border, Font, Side

SEED = "tongket-demo-rosters-2024"
HERE = os.path.dirname(os.path.abspath(__file__))
FIXED_TIME = datetime(2024, 12, 31, 8, 0, 0)
ZIP_TIME = (2024, 12, 31, 8, 0, 0)

HEADER = ["STT", "Họ và tên / Tên tập thể", "Loại", "Chức vụ", "Đơn vị", "Tổ chức",
          "Hình thức", "Cấp khen", "Số quyết định", "Ngày quyết định", "Thành tích"]
WIDTHS = [6, 34, 10, 26, 26, 22, 12, 28, 16, 14, 50]

# District → wards or communes (Hải Phòng, before the 2025 reorganisation).
PLACES = {
    "Quận Hồng Bàng": ["Phường Hoàng Văn Thụ", "Phường Minh Khai", "Phường Quang Trung", "Phường Thượng Lý", "Phường Sở Dầu"],
    "Quận Ngô Quyền": ["Phường Máy Chai", "Phường Lạch Tray", "Phường Đằng Giang", "Phường Cầu Đất", "Phường Gia Viên", "Phường Đông Khê"],
    "Quận Lê Chân": ["Phường An Biên", "Phường Cát Dài", "Phường Dư Hàng Kênh", "Phường Trại Cau", "Phường Vĩnh Niệm", "Phường Kênh Dương"],
    "Quận Hải An": ["Phường Đằng Hải", "Phường Nam Hải", "Phường Tràng Cát", "Phường Thành Tô", "Phường Cát Bi"],
    "Quận Kiến An": ["Phường Bắc Sơn", "Phường Quán Trữ", "Phường Ngọc Sơn", "Phường Trần Thành Ngọ"],
    "Quận Đồ Sơn": ["Phường Vạn Hương", "Phường Ngọc Xuyên", "Phường Minh Đức"],
    "Quận Dương Kinh": ["Phường Anh Dũng", "Phường Hải Thành", "Phường Hưng Đạo"],
    "Huyện Thủy Nguyên": ["Xã Lại Xuân", "Xã Thủy Đường", "Thị trấn Núi Đèo", "Xã Kỳ Sơn"],
    "Huyện An Dương": ["Xã Đặng Cương", "Xã An Hồng", "Xã Lê Thiện", "Xã Hồng Phong"],
    "Huyện An Lão": ["Xã An Thắng", "Xã Quốc Tuấn", "Xã Trường Thọ"],
    "Huyện Kiến Thụy": ["Xã Đông Phương", "Xã Tân Trào", "Xã Ngũ Đoan"],
    "Huyện Tiên Lãng": ["Xã Đông Hưng", "Xã Tiên Thắng", "Xã Quang Phục"],
    "Huyện Vĩnh Bảo": ["Xã Cộng Hiền", "Xã Vĩnh An", "Xã Tam Cường"],
}

FAMILY = ["Nguyễn"] * 6 + ["Trần"] * 3 + ["Lê"] * 3 + ["Phạm"] * 3 + [
    "Vũ", "Vũ", "Đỗ", "Đỗ", "Hoàng", "Bùi", "Bùi", "Đặng", "Ngô", "Dương", "Đinh", "Phan",
    "Lương", "Mạc", "Tô", "Đoàn", "Lã", "Cao", "Trịnh", "Hà", "Ông", "Âu"]
MIDDLE_M = ["Văn", "Văn", "Văn", "Đức", "Minh", "Quang", "Xuân", "Hữu", "Mạnh", "Thành", "Ngọc", "Trọng", "Đình"]
MIDDLE_F = ["Thị", "Thị", "Thị", "Thu", "Thanh", "Minh", "Ngọc", "Hồng", "Kim", "Thúy"]
GIVEN_M = ["An", "Anh", "Ân", "Bình", "Cường", "Dũng", "Đức", "Giang", "Hải", "Hùng", "Huy",
           "Khánh", "Long", "Lộc", "Lợi", "Minh", "Nam", "Phong", "Quân", "Sơn", "Thắng",
           "Toàn", "Tuấn", "Tùng", "Vinh", "Hòa", "Ước", "Ẩn", "Ơn", "Trường"]
GIVEN_F = ["Ánh", "Bích", "Dung", "Hà", "Hạnh", "Hằng", "Hoa", "Huệ", "Huế", "Hương", "Lan",
           "Liên", "Mai", "Ngân", "Nga", "Oanh", "Phương", "Thảo", "Thủy", "Trang", "Yến",
           "Êm", "Ấm", "Ngọc", "Tươi"]

ACHIEVEMENTS = [
    "Có thành tích xuất sắc trong phong trào Toàn dân bảo vệ an ninh Tổ quốc năm {y}",
    "Phát hiện, cung cấp nhiều tin có giá trị giúp lực lượng Công an triệt phá tụ điểm ma túy",
    "Tích cực vận động quần chúng giao nộp vũ khí, vật liệu nổ, công cụ hỗ trợ",
    "Xây dựng, duy trì hiệu quả mô hình \"Camera an ninh\" tại khu dân cư",
    "Hòa giải thành nhiều vụ mâu thuẫn, tranh chấp tại cơ sở",
    "Dũng cảm tham gia bắt giữ đối tượng cướp giật tài sản",
    "Tham gia cảm hóa, giúp đỡ người có quá khứ lầm lỗi tái hòa nhập cộng đồng",
    "Duy trì hiệu quả mô hình \"Tự quản về an ninh, trật tự\"",
    "Vận động xây dựng nhà đại đoàn kết cho hộ nghèo",
]

# Organisation → (collective names, individual positions), per FORMATS.md §4 order.
ORGS = [
    ("Công an", 4, 14),
    ("Mặt trận Tổ quốc", 3, 8),
    ("Hội Cựu chiến binh", 4, 12),
    ("Hội Liên hiệp Phụ nữ", 4, 12),
    ("Hội Nông dân", 3, 10),
    ("Đoàn Thanh niên", 3, 8),
    ("Khác", 2, 5),
]


def lower_first(s):
    return s[0].lower() + s[1:]


def collective(rng, org, district, place):
    village = rng.choice(["Đông", "Tây", "Nam", "Bắc", "Trung", "Thượng", "Hạ"])
    block = rng.randint(1, 12)
    small = lower_first(place)
    if place.startswith("Xã"):
        area = f"thôn {village}"
    else:
        area = f"tổ dân phố số {block}"
    name, unit = {
        "Công an": (rng.choice([f"Công an {small}", f"Đội Cảnh sát hình sự Công an {lower_first(district)}",
                                f"Đội Cảnh sát quản lý hành chính về trật tự xã hội Công an {lower_first(district)}"]), district),
        "Mặt trận Tổ quốc": (rng.choice([f"Ban Công tác Mặt trận khu dân cư số {block}", f"Ban Công tác Mặt trận {area}"]), place),
        "Hội Cựu chiến binh": (f"Chi hội Cựu chiến binh {area}", place),
        "Hội Liên hiệp Phụ nữ": (rng.choice([f"Chi hội Phụ nữ {area}", f"Tổ phụ nữ tự quản về an ninh, trật tự {area}"]), place),
        "Hội Nông dân": (f"Chi hội Nông dân thôn {village}", place),
        "Đoàn Thanh niên": (rng.choice([f"Chi đoàn {area}", f"Đội thanh niên xung kích {small}"]), place),
        "Khác": (rng.choice([f"Trường THCS {rng.choice(['Lê Lợi', 'Trần Phú', 'Ngô Quyền', 'Chu Văn An'])}",
                             f"Tổ bảo vệ dân phố {area}", "Công ty cổ phần Cảng Hải Phòng"]), place),
    }[org]
    return name, unit


def person(rng):
    female = rng.random() < 0.45
    fam = rng.choice(FAMILY)
    mid = rng.choice(MIDDLE_F if female else MIDDLE_M)
    given = rng.choice(GIVEN_F if female else GIVEN_M)
    if rng.random() < 0.15:
        mid = mid + " " + rng.choice(["Minh", "Thanh", "Hoài", "Ngọc", "Xuân"])
    return f"{fam} {mid} {given}", female


def position(rng, org, female, place):
    small = lower_first(place)
    return rng.choice({
        "Công an": ["Cảnh sát khu vực", f"Phó Trưởng Công an {small}", f"Trưởng Công an {small}",
                    "Cán bộ Đội Cảnh sát hình sự", "Công an viên"],
        "Mặt trận Tổ quốc": ["Trưởng ban Công tác Mặt trận", f"Phó Chủ tịch Ủy ban MTTQ {small}", "Ủy viên Ban Công tác Mặt trận"],
        "Hội Cựu chiến binh": ["Chi hội trưởng", "Hội viên", "Chi hội phó"],
        "Hội Liên hiệp Phụ nữ": ["Chi hội trưởng", "Hội viên", "Tổ trưởng tổ phụ nữ tự quản"],
        "Hội Nông dân": ["Chi hội trưởng", "Hội viên", "Chi hội phó"],
        "Đoàn Thanh niên": ["Bí thư Chi đoàn", "Đoàn viên", "Đội trưởng Đội thanh niên xung kích"],
        "Khác": ["Tổ trưởng tổ dân phố", "Trưởng thôn", "Bảo vệ dân phố", "Giáo viên"],
    }[org])


def decision_date(rng, y, first_month=1):
    """A decision date in year y; in 2024 no later than October, since the
    roster itself is dated 20/11/2024."""
    last_month = 10 if y == 2024 else 12
    return date(y, rng.randint(min(first_month, last_month), last_month), rng.randint(1, 28))


def decisions(rng):
    """The decisions the roster's awards come from: (form, authority, number, date)."""
    out = []
    for y in range(2019, 2025):
        out.append(("Bằng khen", "Chủ tịch UBND thành phố", f"{rng.randint(100, 3800)}/QĐ-UBND", decision_date(rng, y, 7)))
        out.append(("Giấy khen", "Giám đốc Công an thành phố", f"{rng.randint(100, 4000)}/QĐ-CAHP", decision_date(rng, y)))
        out.append(("Giấy khen", "Chủ tịch UBND quận", f"{rng.randint(10, 900)}/QĐ-UBND", decision_date(rng, y)))
        out.append(("Biểu dương", "Giám đốc Công an thành phố", f"{rng.randint(100, 4000)}/QĐ-CAHP", decision_date(rng, y)))
        out.append(("Biểu dương", "Chủ tịch UBND huyện", f"{rng.randint(10, 900)}/QĐ-UBND", decision_date(rng, y)))
    out.append(("Bằng khen", "Bộ trưởng Bộ Công an", "8123/QĐ-BCA", date(2022, 10, 14)))
    return out


def pin_zip(path):
    """Rewrite an .xlsx with fixed zip entry times and fixed core.xml dates."""
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


def new_sheet(title):
    wb = openpyxl.Workbook()
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    ws = wb.active
    ws.title = title
    for i, w in enumerate(WIDTHS):
        ws.column_dimensions[openpyxl.utils.get_column_letter(i + 1)].width = w
    return wb, ws


THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def title_block(ws, agency, sub, place_date, title, period):
    ws["A1"], ws["A2"] = agency, sub
    ws.merge_cells("A1:D1")
    ws.merge_cells("A2:D2")
    ws["G1"], ws["G2"], ws["G3"] = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", place_date
    ws.merge_cells("G1:K1")
    ws.merge_cells("G2:K2")
    ws.merge_cells("G3:K3")
    ws["A5"], ws["A6"] = title, period
    ws.merge_cells("A5:K5")
    ws.merge_cells("A6:K6")
    for ref in ("A1", "A2", "G1", "G2", "A5", "A6"):
        ws[ref].font = Font(bold=True)
        ws[ref].alignment = Alignment(horizontal="center")
    ws["G3"].font = Font(italic=True)
    ws["G3"].alignment = Alignment(horizontal="center")


def header(ws, row):
    for col, label in enumerate(HEADER, start=1):
        c = ws.cell(row=row, column=col, value=label)
        c.font = Font(bold=True)
        c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        c.border = BOX


def write_row(ws, row, values, text_date=False):
    for col, v in enumerate(values, start=1):
        c = ws.cell(row=row, column=col, value=v)
        c.border = BOX
        if isinstance(v, date):
            c.number_format = "dd/mm/yyyy"
    if text_date and isinstance(values[9], date):
        ws.cell(row=row, column=10, value=values[9].strftime("%d/%m/%Y"))


def save(wb, name):
    path = os.path.join(HERE, name)
    wb.save(path)
    pin_zip(path)
    return path


def main_roster():
    rng = random.Random(SEED)
    decs = decisions(rng)
    districts = list(PLACES)
    seen = set()
    entries = {"Tập thể": [], "Cá nhân": []}
    for org, ncoll, nind in ORGS:
        for kind, n in (("Tập thể", ncoll), ("Cá nhân", nind)):
            made = 0
            while made < n:
                district = rng.choice(districts)
                place = rng.choice(PLACES[district])
                form, authority, number, when = rng.choices(decs, weights=[
                    2 if d[0] == "Bằng khen" else 5 if d[0] == "Giấy khen" else 3 for d in decs])[0]
                if authority.endswith("quận") and district.startswith("Huyện"):
                    authority = "Chủ tịch UBND huyện"
                if authority.endswith("huyện") and district.startswith("Quận"):
                    authority = "Chủ tịch UBND quận"
                if kind == "Tập thể":
                    name, unit = collective(rng, org, district, place)
                    pos = ""
                else:
                    name, female = person(rng)
                    unit = f"Công an {lower_first(place)}" if org == "Công an" else place
                    pos = position(rng, org, female, place)
                key = (name.lower(), unit.lower(), form)
                if key in seen:
                    continue
                seen.add(key)
                ach = rng.choice(ACHIEVEMENTS).format(y=when.year)
                entries[kind].append([None, name, kind, pos, unit, org, form, authority, number, when, ach])
                made += 1
    wb, ws = new_sheet("Danh sách")
    title_block(ws, "CÔNG AN THÀNH PHỐ HẢI PHÒNG", "PHÒNG THAM MƯU",
                "Hải Phòng, ngày 20 tháng 11 năm 2024",
                "DANH SÁCH TẬP THỂ, CÁ NHÂN CÓ THÀNH TÍCH XUẤT SẮC TRONG PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC",
                "GIAI ĐOẠN 2019 - 2024")
    header(ws, 8)
    r = 9
    total = 0
    text_dates = 0
    for heading, kind in (("I. TẬP THỂ", "Tập thể"), ("II. CÁ NHÂN", "Cá nhân")):
        ws.cell(row=r, column=1, value=heading).font = Font(bold=True)
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=3)
        r += 1
        rows = entries[kind]
        rng.shuffle(rows)  # as collected; tongket puts them in print order
        for i, v in enumerate(rows, start=1):
            v[0] = i
            as_text = rng.random() < 0.2
            text_dates += as_text
            write_row(ws, r, v, text_date=as_text)
            r += 1
            total += 1
    ws.cell(row=r, column=2, value=f"Tổng cộng: {total}").font = Font(bold=True)
    r += 2
    ws.cell(row=r, column=2, value="NGƯỜI LẬP BIỂU").font = Font(bold=True)
    ws.cell(row=r, column=8, value="KT. GIÁM ĐỐC").font = Font(bold=True)
    ws.cell(row=r + 1, column=8, value="PHÓ GIÁM ĐỐC").font = Font(bold=True)
    ws.cell(row=r + 5, column=2, value="Trần Thị Thu Hà")
    ws.cell(row=r + 5, column=8, value="Nguyễn Văn Minh")
    save(wb, "khen-thuong-2019-2024.xlsx")
    return total, text_dates, {k: len(v) for k, v in entries.items()}


def refused_roster():
    wb, ws = new_sheet("DS khen thưởng")
    title_block(ws, "UBND QUẬN KIẾN AN", "CÔNG AN QUẬN",
                "Kiến An, ngày 05 tháng 12 năm 2024",
                "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC",
                "NĂM 2024")
    header(ws, 8)
    rows = [
        ["Công an phường Bắc Sơn", "Tập thể", "", "Quận Kiến An", "Công an", "Giấy khen",
         "Giám đốc Công an thành phố", "2210/QĐ-CAHP", date(2024, 9, 12),
         "Có thành tích xuất sắc trong phong trào Toàn dân bảo vệ an ninh Tổ quốc năm 2024"],
        ["Nguyễn Văn Hùng", "Cá nhân", "Chi hội trưởng", "Phường Bắc Sơn", "Hội Cựu chiến binh", "Giấy khen",
         "Chủ tịch UBND quận", "315/QĐ-UBND", date(2024, 10, 3), "Hòa giải thành nhiều vụ mâu thuẫn tại cơ sở"],
        # Mistake 1: no name.
        [None, "Cá nhân", "Hội viên", "Phường Quán Trữ", "Hội Liên hiệp Phụ nữ", "Giấy khen",
         "Chủ tịch UBND quận", "315/QĐ-UBND", date(2024, 10, 3), "Vận động hội viên lắp camera an ninh"],
        # Mistake 2: a form that is not in the catalog.
        ["Trần Thị Mai", "Cá nhân", "Chi hội trưởng", "Phường Ngọc Sơn", "Hội Liên hiệp Phụ nữ", "Bằng khen Bộ",
         "Bộ trưởng Bộ Công an", "8123/QĐ-BCA", date(2024, 10, 14), "Phát hiện, cung cấp nhiều tin có giá trị"],
        # Mistake 3: a date that does not exist.
        ["Phạm Đức Long", "Cá nhân", "Đoàn viên", "Phường Trần Thành Ngọ", "Đoàn Thanh niên", "Biểu dương",
         "Giám đốc Công an thành phố", "2388/QĐ-CAHP", "31/02/2024", "Dũng cảm tham gia bắt giữ đối tượng cướp giật"],
        ["Lê Thị Hoà", "Cá nhân", "Hội viên", "Phường Đồng Hòa", "Hội Nông dân", "Giấy khen",
         "Chủ tịch UBND quận", "315/QĐ-UBND", date(2024, 10, 3), "Tham gia cảm hóa người lầm lỗi"],
        # Mistake 4: Nguyễn Văn Hùng again (same unit written "P. Bắc Sơn", same form).
        ["NGUYỄN VĂN HÙNG", "Cá nhân", "Chi hội trưởng", "P. Bắc Sơn", "Hội Cựu chiến binh", "Giấy khen",
         "Giám đốc Công an thành phố", "2210/QĐ-CAHP", date(2024, 9, 12), "Tích cực vận động giao nộp vũ khí"],
    ]
    for i, v in enumerate(rows, start=1):
        write_row(ws, 8 + i, [i] + v)
    save(wb, "khen-thuong-loi.xlsx")
    return len(rows)


if __name__ == "__main__":
    total, text_dates, kinds = main_roster()
    n = refused_roster()
    print(f"khen-thuong-2019-2024.xlsx: {total} entries {kinds}, {text_dates} text dates")
    print(f"khen-thuong-loi.xlsx: {n} rows")
