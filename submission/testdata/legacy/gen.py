#!/usr/bin/env python3
"""Regenerates the legacy-font submissions of package submission
(legacy_test.go): wide submissions typed in the old Vietnamese fonts, as
district officers still send them.

The outputs are committed; the Go tests never run this. It needs openpyxl
(written with 3.0.9) and, for tcvn3_libreoffice.xlsx, LibreOffice (soffice,
written with 7.4). Run from anywhere with the system Python:

    /usr/bin/python3 submission/testdata/legacy/gen.py

    tcvn3.xlsx              .VnTime / .VnTimeH cells holding TCVN3 text:
                            unit line, header (STT | Mã chỉ tiêu | Chỉ tiêu
                            | 2019 | 2020 | Ghi chú) with the code cells
                            left empty, so indicators match by name only; a
                            capital-font name and total, a text number, a
                            note and a signature (converted, not listed)
    vni.xlsx                the same in VNI-Times, without a code column
                            and with "Năm 2019" year labels as text
    tcvn3_libreoffice.xlsx  tcvn3.xlsx saved again by LibreOffice (shared
                            strings, LibreOffice's styles)
    broken.xlsx             a VNI-Times name cell holding TCVN3 text, and a
                            unit name typed in TCVN3 in a font that is not a
                            TCVN3 font (Arial): both still garbled
"""
import os
import shutil
import subprocess
import tempfile
import unicodedata

import openpyxl
from openpyxl.styles import Font

HERE = os.path.dirname(os.path.abspath(__file__))

# TCVN3 (ABC), by vowel: the characters a .Vn font draws as each letter.
TCVN3 = {
    "à": "µ", "á": "¸", "ả": "¶", "ã": "·", "ạ": "¹",
    "ă": "¨", "ằ": "»", "ắ": "¾", "ẳ": "¼", "ẵ": "½", "ặ": "Æ",
    "â": "©", "ầ": "Ç", "ấ": "Ê", "ẩ": "È", "ẫ": "É", "ậ": "Ë",
    "đ": "®",
    "è": "Ì", "é": "Ð", "ẻ": "Î", "ẽ": "Ï", "ẹ": "Ñ",
    "ê": "ª", "ề": "Ò", "ế": "Õ", "ể": "Ó", "ễ": "Ô", "ệ": "Ö",
    "ì": "×", "í": "Ý", "ỉ": "Ø", "ĩ": "Ü", "ị": "Þ",
    "ò": "ß", "ó": "ã", "ỏ": "á", "õ": "â", "ọ": "ä",
    "ô": "«", "ồ": "å", "ố": "è", "ổ": "æ", "ỗ": "ç", "ộ": "é",
    "ơ": "¬", "ờ": "ê", "ớ": "í", "ở": "ë", "ỡ": "ì", "ợ": "î",
    "ù": "ï", "ú": "ó", "ủ": "ñ", "ũ": "ò", "ụ": "ô",
    "ư": "\u00ad", "ừ": "õ", "ứ": "ø", "ử": "ö", "ữ": "÷", "ự": "ù",
    "ỳ": "ú", "ý": "ý", "ỷ": "û", "ỹ": "ü", "ỵ": "þ",
    "Ă": "¡", "Â": "¢", "Ê": "£", "Ô": "¤", "Ơ": "¥", "Ư": "¦", "Đ": "§",
}


def tcvn3(s, caps=False):
    """Encode s as typed in a .Vn font; caps: in a .Vn…H font, where a
    capital is typed with its lower-case code."""
    out = []
    for ch in s:
        if caps and ord(ch) > 127:
            ch = ch.lower()
        if ch in TCVN3:
            out.append(TCVN3[ch])
        elif ord(ch) > 127:
            raise ValueError(f"{ch!r} cannot be typed in a TCVN3 font")
        else:
            out.append(ch)
    return "".join(out)


TONES = {"": 0, "\u0301": 1, "\u0300": 2, "\u0309": 3, "\u0303": 4, "\u0323": 5}
PLAIN = ["", "ù", "ø", "û", "õ", "ï"]
CIRC = ["â", "á", "à", "å", "ã", "ä"]
BREVE = ["ê", "é", "è", "ú", "ü", "ë"]
ITONE = ["i", "í", "ì", "æ", "ó", "ò"]


def vni(s):
    """Encode s in VNI-Windows from each letter's decomposition."""
    out = []
    for ch in unicodedata.normalize("NFC", s):
        if ch in "đĐ":
            out.append("ñ" if ch == "đ" else "Ñ")
            continue
        d = unicodedata.normalize("NFD", ch)
        base = d[0].lower()
        if base not in "aeiouy":
            out.append(ch)
            continue
        shape, tone = "", 0
        for m in d[1:]:
            if m in "\u0302\u0306\u031b":
                shape = m
            else:
                tone = TONES[m]
        if base == "i":
            e = ITONE[tone]
        elif base == "y" and tone == 5:
            e = "î"
        elif shape == "\u031b":
            e = ("ô" if base == "o" else "ö") + PLAIN[tone]
        elif shape == "\u0302":
            e = base + CIRC[tone]
        elif shape == "\u0306":
            e = base + BREVE[tone]
        else:
            e = base + PLAIN[tone]
        out.append(e.upper() if d[0].isupper() else e)
    return "".join(out)


TITLE = "Biểu số liệu tổng kết phong trào toàn dân bảo vệ an ninh Tổ quốc"
UNIT = "Đơn vị: Quận Hồng Bàng"
ROWS = [  # STT, name, 2019, 2020
    (1, "Số buổi tuyên truyền", 120, 135),
    (2, "Số lượt người tham dự tuyên truyền", "1.234", 1500),
    (3, "Số vụ mâu thuẫn, tranh chấp được hòa giải thành", 7, 9),
]


def put(ws, ref, value, font):
    ws[ref] = value
    ws[ref].font = Font(name=font)


def tcvn3_book(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Biểu"
    put(ws, "A1", tcvn3(TITLE.upper(), caps=True), ".VnTimeH")
    put(ws, "A2", tcvn3(UNIT), ".VnTime")
    for col, label in zip("ABCF", ["STT", "Mã chỉ tiêu", "Chỉ tiêu", "Ghi chú"]):
        put(ws, f"{col}5", tcvn3(label), ".VnTime")
    put(ws, "D5", 2019, ".VnTime")
    put(ws, "E5", 2020, ".VnTime")
    for i, (stt, name, a, b) in enumerate(ROWS):
        r = 6 + i
        put(ws, f"A{r}", stt, ".VnTime")
        if i == 2:  # one name in the capital font
            put(ws, f"C{r}", tcvn3(name.upper(), caps=True), ".VnTimeH")
        else:
            put(ws, f"C{r}", tcvn3(name), ".VnTime")
        put(ws, f"D{r}", a, ".VnTime")
        put(ws, f"E{r}", b, ".VnTime")
    put(ws, "F6", tcvn3("đã kiểm tra"), ".VnTime")
    put(ws, "C9", tcvn3("TỔNG CỘNG", caps=True), ".VnTimeH")
    put(ws, "D9", 120 + 1234 + 7, ".VnTime")
    put(ws, "E9", 135 + 1500 + 9, ".VnTime")
    put(ws, "C11", tcvn3("Người lập biểu"), ".VnTime")
    wb.save(path)


def vni_book(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    put(ws, "A1", vni(TITLE.upper()), "VNI-Times")
    put(ws, "A2", vni(UNIT), "VNI-Times")
    for col, label in zip("ABCD", ["STT", "Chỉ tiêu", "Năm 2019", "Năm 2020"]):
        put(ws, f"{col}4", vni(label), "VNI-Times")
    for i, (stt, name, a, b) in enumerate(ROWS):
        r = 5 + i
        put(ws, f"A{r}", stt, "VNI-Times")
        put(ws, f"B{r}", vni(name), "VNI-Times")
        put(ws, f"C{r}", a, "VNI-Times")
        put(ws, f"D{r}", b, "VNI-Times")
    put(ws, "B8", vni("Tổng cộng"), "VNI-Times")
    put(ws, "C8", 120 + 1234 + 7, "VNI-Times")
    put(ws, "D8", 135 + 1500 + 9, "VNI-Times")
    wb.save(path)


def broken_book(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    put(ws, "A2", "Đơn vị:", "Times New Roman")
    put(ws, "B2", tcvn3("Quận Hồng Bàng"), "Arial")  # TCVN3 text, Unicode font
    for col, label in zip("ABCD", ["STT", "Chỉ tiêu", "2019", "2020"]):
        put(ws, f"{col}4", vni(label), "VNI-Times")
    for i, (stt, name, a, b) in enumerate(ROWS):
        r = 5 + i
        put(ws, f"A{r}", stt, "VNI-Times")
        # the second name was typed with the TCVN3 keyboard in a VNI font
        put(ws, f"B{r}", tcvn3(name) if i == 1 else vni(name), "VNI-Times")
        put(ws, f"C{r}", a, "VNI-Times")
        put(ws, f"D{r}", b, "VNI-Times")
    wb.save(path)


def libreoffice_copy(src, dst):
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, HOME=tmp)
        ods = os.path.join(tmp, "book.ods")
        shutil.copy(src, os.path.join(tmp, "book.xlsx"))
        # through .ods, so the .xlsx is LibreOffice's own, not a copy
        for fmt, name in [("ods", "book.xlsx"), ("xlsx", "book.ods")]:
            os.makedirs(os.path.join(tmp, fmt))
            subprocess.run(["soffice", "--headless", "--convert-to", fmt, "--outdir",
                            os.path.join(tmp, fmt), os.path.join(tmp, name)],
                           cwd=tmp, env=env, check=True, timeout=180,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            shutil.copy(os.path.join(tmp, fmt, os.path.splitext(name)[0] + "." + fmt),
                        os.path.join(tmp, "book." + fmt))
        shutil.copy(os.path.join(tmp, "book.xlsx"), dst)


if __name__ == "__main__":
    tcvn3_book(os.path.join(HERE, "tcvn3.xlsx"))
    vni_book(os.path.join(HERE, "vni.xlsx"))
    broken_book(os.path.join(HERE, "broken.xlsx"))
    libreoffice_copy(os.path.join(HERE, "tcvn3.xlsx"), os.path.join(HERE, "tcvn3_libreoffice.xlsx"))
