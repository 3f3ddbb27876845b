#!/usr/bin/python3
"""The officer's sections file as people's tools leave it, for report's tests.

base.docx is the file tongket writes for the 2019-2024 sample (summary.json,
the demo's): `go test ./report -run TestSectionsBase -update` rewrites it.
From it this script makes, in this folder (run from the repository root:
/usr/bin/python3 report/testdata/sections/gen.py; needs python3-docx and
soffice from libreoffice-writer-nogui):

  pydocx.docx       the officer's edits made with python-docx: text under
                    headings with bold/italic/underlined runs, a Word list
                    line and a typed "- " line, the guidance of one section
                    deleted and of another edited, the drafts of "Hạn chế"
                    deleted, a placeholder split over three runs, text that
                    looks like markup, a heading tongket does not know, a
                    table, a paragraph above every heading and one at the
                    end, under the list of placeholders
  libreoffice.docx  pydocx.docx opened and saved again by LibreOffice
  word.docx         pydocx.docx with the XML Word writes: runs split by
                    proofErr, rsids, paraIds, bookmarks, a smart tag
TestSectionsEdited reads all three to the same sections.
"""
import os, re, shutil, subprocess, tempfile, zipfile

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.text.paragraph import Paragraph

HERE = os.path.dirname(os.path.abspath(__file__))


def pin(path):
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in items:
            z.writestr(zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)


def find(d, text):
    for p in d.paragraphs:
        if p.text.strip() == text:
            return p
    raise KeyError(text)


def after(par, text="", style=None):
    """A new paragraph after par."""
    new = OxmlElement("w:p")
    par._p.addnext(new)
    p = Paragraph(new, par._parent)
    if style:
        p.style = style
    if text:
        p.add_run(text)
    return p


def remove(p):
    p._element.getparent().remove(p._element)


def following(d, par):
    """The paragraphs after par up to the next heading."""
    ps = d.paragraphs
    i = [q._p for q in ps].index(par._p)
    out = []
    for q in ps[i + 1:]:
        if q.style.name.lower().startswith("heading"):
            break
        out.append(q)
    return out


def pydocx():
    d = docx.Document(os.path.join(HERE, "base.docx"))
    # The style Word adds when its bullet list style is first used.
    d.styles.add_style("List Bullet", WD_STYLE_TYPE.PARAGRAPH).base_style = d.styles["Normal"]
    after(d.paragraphs[0], "Ghi chú riêng của người soạn.", "Normal")

    h = find(d, "I. ĐẶC ĐIỂM TÌNH HÌNH")
    remove(following(d, h)[0])  # the guidance, deleted
    after(h, "Địa bàn có 12 phường, xã; dân số hơn 180 nghìn người.", "Normal")

    h = find(d, "1. Công tác lãnh đạo, chỉ đạo")
    g = following(d, h)[-1]
    p3 = after(g, "- Sơ kết 5 năm vào năm 2018.", "Normal")
    p2 = after(g, "Kiện toàn Ban Chỉ đạo hằng năm.", "List Bullet")
    p1 = after(g, "Ban Chỉ đạo đã ban hành ", "Normal")
    p1.add_run("36 kế hoạch").bold = True
    p1.add_run(", ")
    p1.add_run("kiểm tra 120 lượt").italic = True
    p1.add_run(".")

    h = find(d, "2. Hạn chế, tồn tại")
    for q in following(d, h)[1:]:  # the drafts and their guidance
        remove(q)

    h = find(d, "IV. BÀI HỌC KINH NGHIỆM")
    g = following(d, h)[-1]
    u = after(g, "1. Bài học về phối hợp", "Heading 2")
    after(u, "Phối hợp chặt chẽ với Mặt trận.", "Normal")
    p2 = after(g, "Ký hiệu =SUM(A1), <b>&</b> và {{ xin chào }} là chữ.", "Normal")
    p1 = after(g, "Phải ", "Normal")
    p1.add_run("bám sát cơ sở").bold = True
    p1.add_run(", ")
    p1.add_run("dựa vào dân").underline = True
    p1.add_run("; tổ chức ")
    p1.add_run("{{").bold = True
    r = p1.add_run("TT_")
    r.bold = True
    r = p1.add_run("BUOI}}")
    r.bold = True
    p1.add_run(" buổi tuyên truyền, {{TT_BUOI.so_sanh}}.")

    h = find(d, "V. PHƯƠNG HƯỚNG, NHIỆM VỤ GIAI ĐOẠN TỚI")
    g = following(d, h)[0]
    g.add_run(" Thêm chữ của đơn vị.")
    t = d.add_table(rows=1, cols=2)
    t.cell(0, 0).text = "Mục tiêu 1"
    t.cell(0, 1).text = "Mục tiêu 2"
    g._p.addnext(t._tbl)

    h = find(d, "VI. ĐỀ XUẤT, KIẾN NGHỊ")
    after(following(d, h)[-1], "Đề nghị cấp trên hỗ trợ kinh phí.", "Normal")
    d.add_paragraph("Ghi thêm ở cuối tệp.", style="Normal")  # under the list of placeholders

    path = os.path.join(HERE, "pydocx.docx")
    d.save(path)
    pin(path)


def libreoffice():
    tmp = tempfile.mkdtemp()
    try:
        src = os.path.join(tmp, "in.docx")
        shutil.copy(os.path.join(HERE, "pydocx.docx"), src)
        subprocess.run(["soffice", "--headless", "-env:UserInstallation=file://" + tmp + "/profile",
                        "--convert-to", "docx:MS Word 2007 XML", "--outdir", os.path.join(tmp, "out"), src],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.copy(os.path.join(tmp, "out", "in.docx"), os.path.join(HERE, "libreoffice.docx"))
    finally:
        shutil.rmtree(tmp)
    pin(os.path.join(HERE, "libreoffice.docx"))


def word():
    src = os.path.join(HERE, "pydocx.docx")
    with zipfile.ZipFile(src) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    out = []
    for name, data in items:
        if name == "word/document.xml":
            x = data.decode("utf-8")
            x = x.replace("<w:document ", '<w:document xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
                          'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="w14" ', 1)
            n = [0]
            def para(m):
                n[0] += 1
                return '<w:p w14:paraId="%08X" w14:textId="77777777" w:rsidR="00B2%04d" w:rsidRDefault="00B2%04d"%s' % (n[0], n[0], n[0], m.group(1))
            x = re.sub(r"<w:p(>| )", para, x)
            x = re.sub(r"<w:r>", '<w:r w:rsidRPr="00C31F">', x)
            # Word splits a run at a spelling mark, and wraps places in smart tags.
            x = x.replace("<w:t>bám sát cơ sở</w:t></w:r>",
                          '<w:t>bám</w:t></w:r><w:proofErr w:type="spellStart"/><w:r w:rsidRPr="00C31F"><w:rPr><w:b/></w:rPr>'
                          '<w:t xml:space="preserve"> sát cơ sở</w:t></w:r><w:proofErr w:type="spellEnd"/>', 1)
            x = x.replace("<w:t>IV. BÀI HỌC KINH NGHIỆM</w:t></w:r>",
                          '<w:t>IV. BÀI HỌC KINH NGHIỆM</w:t></w:r><w:bookmarkStart w:id="9" w:name="_Toc9"/><w:bookmarkEnd w:id="9"/>', 1)
            x = re.sub(r'(<w:r w:rsidRPr="00C31F"><w:rPr><w:u w:val="single"/></w:rPr><w:t>dựa vào dân</w:t></w:r>)',
                       r'<w:smartTag w:uri="urn:x" w:element="place">\1</w:smartTag>', x, count=1)
            data = x.encode("utf-8")
        out.append((name, data))
    path = os.path.join(HERE, "word.docx")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in out:
            z.writestr(zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)


if __name__ == "__main__":
    pydocx()
    libreoffice()
    word()
    print("wrote pydocx.docx, libreoffice.docx, word.docx")
