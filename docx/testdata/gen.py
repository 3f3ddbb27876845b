#!/usr/bin/python3
"""Fixtures of Word files as people's tools write them, for the docx tests.

Run from the repository root: /usr/bin/python3 docx/testdata/gen.py
Needs python3-docx and soffice (libreoffice-writer-nogui). Writes into
docx/testdata/word/:

  pydocx.docx       python-docx: headings, bold/italic/underline runs, list
                    bullets, "- " lines, a table, a placeholder split across
                    three runs (the first bold), a break and a tab
  libreoffice.docx  pydocx.docx opened and saved again by LibreOffice
  word.docx         the XML Word writes (rsids, proofErr, w14, bookmarks, a
                    PAGE field, a hyperlink, tracked changes, a smart tag, a
                    text box in mc:AlternateContent, localized style IDs)
  template.docx     python-docx: a template with {{TT_BUOI}} split across
                    three runs, a placeholder alone in its paragraph, one in a
                    table cell and one in the header
Zip entry times are pinned so a rerun gives the same bytes.
"""
import datetime, os, shutil, subprocess, sys, tempfile, zipfile

import docx
from docx.shared import Pt

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "word")


def pin(path):
    """Rewrite a zip with fixed entry times and order."""
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in items:
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


def split_runs(p, parts, bold_first=False):
    for i, t in enumerate(parts):
        r = p.add_run(t)
        if i == 0 and bold_first:
            r.bold = True


def pydocx():
    d = docx.Document()
    d.add_heading("I. ĐẶC ĐIỂM TÌNH HÌNH", level=1)
    p = d.add_paragraph("Địa bàn có ")
    p.add_run("nhiều khu công nghiệp").bold = True
    p.add_run(", dân cư ")
    p.add_run("đông").italic = True
    p.add_run(" và ")
    p.add_run("phức tạp").underline = True
    p.add_run(". Ký hiệu {{ và = ở giữa câu; <thẻ> & \"ngoặc\".")
    d.add_heading("1. Công tác lãnh đạo, chỉ đạo", level=2)
    d.add_paragraph("Ban hành 12 kế hoạch.", style="List Bullet")
    d.add_paragraph("- Kiện toàn Ban Chỉ đạo các cấp.")
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text = "Ô một"
    t.cell(0, 1).text = "Ô hai"
    t.cell(1, 0).text = "Ô ba"
    t.cell(1, 1).text = "Ô bốn"
    p = d.add_paragraph("Tổng số buổi: ")
    split_runs(p, ["{{", "TT_", "BUOI}}"], bold_first=True)
    p.add_run(" buổi.")
    p = d.add_paragraph("Dòng một")
    p.add_run().add_break()
    p.add_run("dòng hai\tsau tab")
    d.core_properties.created = datetime.datetime(2024, 1, 1)
    d.core_properties.modified = datetime.datetime(2024, 1, 1)
    d.core_properties.last_modified_by = "gen.py"
    path = os.path.join(OUT, "pydocx.docx")
    d.save(path)
    pin(path)


def libreoffice():
    tmp = tempfile.mkdtemp()
    try:
        src = os.path.join(tmp, "in.docx")
        shutil.copy(os.path.join(OUT, "pydocx.docx"), src)
        subprocess.run(["soffice", "--headless", "-env:UserInstallation=file://" + tmp + "/profile",
                        "--convert-to", "docx:MS Word 2007 XML", "--outdir", os.path.join(tmp, "out"), src],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.copy(os.path.join(tmp, "out", "in.docx"), os.path.join(OUT, "libreoffice.docx"))
    finally:
        shutil.rmtree(tmp)
    pin(os.path.join(OUT, "libreoffice.docx"))


WORD_NS = ('xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" '
           'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
           'xmlns:o="urn:schemas-microsoft-com:office:office" '
           'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
           'xmlns:v="urn:schemas-microsoft-com:vml" '
           'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
           'xmlns:w10="urn:schemas-microsoft-com:office:word" '
           'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
           'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
           'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
           'mc:Ignorable="w14 wp14"')

WORD_DOC = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document %s><w:body>
<w:p w14:paraId="1A2B3C4D" w14:textId="77777777" w:rsidR="00A1" w:rsidRDefault="00A1"><w:pPr><w:pStyle w:val="u1"/></w:pPr><w:bookmarkStart w:id="0" w:name="_Toc1"/><w:r><w:t>IV. BÀI HỌC KINH NGHIỆM</w:t></w:r><w:bookmarkEnd w:id="0"/></w:p>
<w:p w:rsidR="00A1"><w:r><w:t xml:space="preserve">Phải </w:t></w:r><w:proofErr w:type="spellStart"/><w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t>bám</w:t></w:r><w:proofErr w:type="spellEnd"/><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve"> sát</w:t></w:r><w:r><w:t xml:space="preserve"> cơ sở</w:t></w:r><w:del w:id="1" w:author="A"><w:r><w:delText>XÓA</w:delText></w:r></w:del><w:ins w:id="2" w:author="A"><w:r><w:t xml:space="preserve">, dựa vào dân</w:t></w:r></w:ins><w:r><w:t>.</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">Xem </w:t></w:r><w:hyperlink r:id="rIdLink"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t>cổng thông tin</w:t></w:r></w:hyperlink><w:smartTag w:uri="urn:x" w:element="place"><w:r><w:t xml:space="preserve"> Hải Phòng</w:t></w:r></w:smartTag><w:r><w:t xml:space="preserve">, trang </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:rPr><w:i w:val="0"/></w:rPr><w:t>.</w:t></w:r></w:p>
<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:inline><wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>Hộp chữ</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></wp:inline></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>Hộp chữ</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t xml:space="preserve">Sau hình: </w:t></w:r><w:r><w:rPr><w:u w:val="single"/></w:rPr><w:t>gạch chân</w:t></w:r><w:r><w:rPr><w:u w:val="none"/></w:rPr><w:t xml:space="preserve"> thường</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="oancuaDanhsach"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>Mục danh sách</w:t></w:r></w:p>
<w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent><w:p><w:pPr><w:pStyle w:val="Strong1"/></w:pPr><w:r><w:t>Trong khung nội dung</w:t></w:r></w:p></w:sdtContent></w:sdt>
<w:p><w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:r><w:t>Đề mục theo cấp dàn ý</w:t></w:r></w:p>
<w:sectPr w:rsidR="00A1"><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701" w:header="709" w:footer="709" w:gutter="0"/><w:cols w:space="708"/><w:docGrid w:linePitch="360"/></w:sectPr>
</w:body></w:document>''' % WORD_NS

WORD_STYLES = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/><w:sz w:val="28"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="u1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="oancuaDanhsach"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Strong1"><w:name w:val="Đậm riêng"/><w:basedOn w:val="Normal"/><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:rPr><w:u w:val="single"/></w:rPr></w:style>
</w:styles>'''

CT = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>'''

RELS = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'''

DOC_RELS = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdLink" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.vn/" TargetMode="External"/></Relationships>'''


def word():
    path = os.path.join(OUT, "word.docx")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in [("[Content_Types].xml", CT), ("_rels/.rels", RELS), ("word/document.xml", WORD_DOC),
                           ("word/_rels/document.xml.rels", DOC_RELS), ("word/styles.xml", WORD_STYLES)]:
            z.writestr(zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0)), data.encode("utf-8"), zipfile.ZIP_DEFLATED)


def template():
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "Báo cáo số {{so_van_ban}}"
    d.add_paragraph("BÁO CÁO TỔNG KẾT {{giai_doan}}").runs[0].bold = True
    p = d.add_paragraph("Tổ chức ")
    r = p.add_run("{{")
    r.bold = True
    r.font.size = Pt(15)
    p.add_run("TT_")
    p.add_run("BUOI}}").italic = True
    p.add_run(" buổi tuyên truyền.")
    d.add_paragraph("{{bang_tong_hop}}")
    t = d.add_table(rows=1, cols=2)
    t.cell(0, 0).text = "Tổng số buổi"
    t.cell(0, 1).text = "{{ TT_BUOI }}"
    d.add_paragraph("Kết thúc.")
    d.core_properties.created = datetime.datetime(2024, 1, 1)
    d.core_properties.modified = datetime.datetime(2024, 1, 1)
    d.core_properties.last_modified_by = "gen.py"
    path = os.path.join(OUT, "template.docx")
    d.save(path)
    pin(path)


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    pydocx()
    libreoffice()
    word()
    template()
    print("wrote", ", ".join(sorted(os.listdir(OUT))))
