package docx

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tongket/tongket/docx/docxtest"
	"github.com/tongket/tongket/internal/goldenfile"
)

// sample is a two-section document with what a report needs: a portrait
// section whose first page has no number, a landscape one with a table
// longer than a page whose header rows repeat, merged cells, styled runs,
// a rule, and text that XML must escape.
func sample() *Document {
	body := []Block{
		&Paragraph{Style: "Title", Runs: []Run{{Text: "BÁO CÁO"}}},
		&Paragraph{Align: Center, Rule: RuleBottom, Indent: Indent{Left: 60, Right: 60}, Runs: []Run{{Text: "Tổng kết 10 năm", Bold: true}}},
		&Paragraph{Style: "Heading1", Runs: []Run{{Text: "I. ĐẶC ĐIỂM TÌNH HÌNH"}}},
	}
	for i := 0; i < 45; i++ {
		body = append(body, &Paragraph{Align: Justify, Indent: Indent{FirstLine: 12.7}, After: 6, Runs: []Run{
			{Text: "Đoạn văn thử nghiệm có ký tự & < > \" ' = {{ và }} cùng chữ "}, {Text: "đậm", Bold: true}, {Text: ", "},
			{Text: "nghiêng", Italic: true}, {Text: ", "}, {Text: "gạch chân", Underline: true}, {Text: " để xuống nhiều dòng trên trang."}}})
	}
	body = append(body, &Paragraph{Runs: []Run{{Text: "Điều khiển\x00\x01\x1f lạ\r\nxuống dòng\ttab \uFFFE hết."}}})
	tb := &Table{Widths: []float64{15, 120, 40, 40}, Borders: true, FontSize: 11}
	head := func(s string) Cell {
		return Cell{Paras: []*Paragraph{{Align: Center, Runs: []Run{{Text: s, Bold: true}}}}, VAlign: VCenter}
	}
	tb.Rows = append(tb.Rows,
		Row{Header: true, CantSplit: true, Cells: []Cell{{Merge: MergeStart, Paras: head("STT").Paras}, {Merge: MergeStart, Paras: head("Đơn vị").Paras}, {Span: 2, Paras: head("Số liệu").Paras}}},
		Row{Header: true, CantSplit: true, Cells: []Cell{{Merge: MergeContinue}, {Merge: MergeContinue}, head("2022"), head("2023")}},
	)
	for i := 1; i <= 60; i++ {
		n := strings.Repeat("I", i%4+1)
		tb.Rows = append(tb.Rows, Row{CantSplit: true, Cells: []Cell{
			{Paras: []*Paragraph{Text(n, Run{})}}, {Paras: []*Paragraph{Text("Xã "+n, Run{})}},
			{Paras: []*Paragraph{{Align: Right, Runs: []Run{{Text: "1.234"}}}}}, {Paras: []*Paragraph{{Align: Right, Runs: []Run{{Text: "17.980"}}}}}}})
	}
	return &Document{
		Title: "Báo cáo thử", Creator: "tongket", Created: time.Date(2024, 1, 5, 0, 0, 0, 0, time.UTC),
		Styles: []Style{{ID: "Guide", Name: "Hướng dẫn", Italic: true, Color: "7F7F7F"}},
		Sections: []*Section{
			{Margins: Margins{Top: 20, Bottom: 20, Left: 30, Right: 15}, PageNumbers: true, NoFirstNumber: true, Blocks: body},
			{Landscape: true, Margins: Margins{Top: 25, Bottom: 15, Left: 20, Right: 15}, PageNumbers: true,
				Blocks: []Block{&Paragraph{Style: "Guide", Runs: []Run{{Text: "Phụ lục I"}}}, tb, &Chart{
					Width: 200, Height: 70, Name: "buổi", Color: "3E6496", PaleColor: "CDD8E8", FontSize: 8, Format: `[>=1000]#\.##0;0`,
					Categories: []string{"2020", "2021 (*)", "2022", "2023"}, Values: []float64{1500, 1620, 0, 17980},
					Known: []bool{true, true, false, true}, Pale: []bool{false, true, false, false}, Max: 20000, Step: 5000}}},
		},
	}
}

func written(t testing.TB, d *Document) []byte {
	t.Helper()
	var b bytes.Buffer
	if _, err := d.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// parts unpacks a package.
func parts(t testing.TB, data []byte) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		out[f.Name] = string(b)
	}
	return out
}

// TestWriteParts: every part is well-formed XML, declared in the content
// types and reachable through the relationships; the output is the same
// bytes each time; document.xml matches its golden file.
func TestWriteParts(t *testing.T) {
	data := written(t, sample())
	if !bytes.Equal(data, written(t, sample())) {
		t.Error("two writes of one document differ")
	}
	ps := parts(t, data)
	for name, body := range ps {
		if _, err := parseXML([]byte(body)); err != nil {
			t.Errorf("%s is not well-formed: %v", name, err)
		}
		if strings.HasSuffix(name, ".xml") && name != "[Content_Types].xml" && !strings.Contains(ps["[Content_Types].xml"], `PartName="/`+name+`"`) {
			t.Errorf("%s has no content type", name)
		}
	}
	for _, name := range []string{"word/document.xml", "word/styles.xml", "word/settings.xml", "word/header1.xml", "word/header2.xml", "word/charts/chart1.xml", "docProps/core.xml"} {
		if _, ok := ps[name]; !ok {
			t.Errorf("no part %s", name)
		}
	}
	got := strings.ReplaceAll(ps["word/document.xml"], "<w:p>", "\n<w:p>")
	goldenfile.Check(t, filepath.Join("testdata", "golden", "document.xml"), []byte(got))
}

// TestWriteLayout reads back from the XML what an official report needs:
// Times New Roman in every script, the landscape section, repeated header
// rows, no number on the first page and a PAGE field on the others, and a
// body that ends with a paragraph before the last section's properties.
func TestWriteLayout(t *testing.T) {
	ps := parts(t, written(t, sample()))
	doc := ps["word/document.xml"]
	for _, tc := range []struct {
		what, part, pattern string
		n                   int
	}{
		{"Times New Roman in every script", "word/styles.xml", `<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/>`, 1},
		{"body text 14 pt", "word/styles.xml", `<w:rPrDefault><w:rPr><w:rFonts[^>]*/><w:sz w:val="28"/>`, 1},
		{"one landscape section", "word/document.xml", `<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>`, 1},
		{"one portrait section", "word/document.xml", `<w:pgSz w:w="11906" w:h="16838"/>`, 1},
		{"two repeated header rows", "word/document.xml", `<w:tblHeader/>`, 2},
		{"a first page without a number", "word/document.xml", `<w:headerReference w:type="first" r:id="rId4"/>.*<w:titlePg/>`, 1},
		{"numbers in both sections", "word/document.xml", `<w:headerReference w:type="default" r:id="rId3"/>`, 2},
		{"the first section's break in its last paragraph", "word/document.xml", `<w:p><w:pPr><w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr><w:sectPr>`, 0},
		{"a paragraph last, then the last section", "word/document.xml", `</w:p><w:sectPr>.*</w:sectPr></w:body></w:document>$`, 1},
		{"the PAGE field", "word/header1.xml", `<w:instrText xml:space="preserve"> PAGE </w:instrText>`, 1},
		{"an empty first-page header", "word/header2.xml", `<w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr></w:p>`, 1},
		{"escaped text", "word/document.xml", `ký tự &amp; &lt; &gt; " ' = \{\{ và \}\}`, 45},
		{"no control characters", "word/document.xml", "[\x00-\x08\x0b\x0c\x0e-\x1f\uFFFE]", 0},
		{"line break and tab", "word/document.xml", `lạ</w:t><w:br/><w:t xml:space="preserve">xuống dòng</w:t><w:tab/>`, 1},
		{"merged header cells", "word/document.xml", `<w:vMerge w:val="restart"/>.*<w:gridSpan w:val="2"/>`, 1},
		{"the chart in its paragraph", "word/document.xml", `<w:drawing><wp:inline[^>]*><wp:extent cx="7200000" cy="2520000"/>.*<c:chart r:id="rIdChart1"/>`, 1},
		{"the chart's relationship", "word/_rels/document.xml.rels", `Id="rIdChart1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="charts/chart1.xml"`, 1},
		{"a gap for the year not reported", "word/charts/chart1.xml", `<c:pt idx="1"><c:v>1620</c:v></c:pt><c:pt idx="3">`, 1},
		{"a pale column", "word/charts/chart1.xml", `<c:dPt><c:idx val="1"/>`, 1},
	} {
		if n := len(regexp.MustCompile(tc.pattern).FindAllString(ps[tc.part], -1)); n != tc.n {
			t.Errorf("%s: %d matches of %q in %s, want %d", tc.what, n, tc.pattern, tc.part, tc.n)
		}
	}
	// The first section ends in a paragraph holding its properties, with
	// the portrait size.
	first := strings.Index(doc, "<w:sectPr>")
	if p := strings.LastIndex(doc[:first], "<w:p>"); p < 0 || strings.Contains(doc[p:first], "</w:p>") || !strings.Contains(doc[first:first+600], `w:h="16838"/>`) {
		t.Error("the first section's properties are not in its last paragraph")
	}
}

// TestWriteReadBack: what the writer writes the reader reads back, text
// for text, with the characters XML cannot hold gone and the rest intact.
func TestWriteReadBack(t *testing.T) {
	f, err := Parse(written(t, sample()), DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	ps, err := f.Paragraphs()
	if err != nil {
		t.Fatal(err)
	}
	if ps[2].Level != 1 || ps[2].Text() != "I. ĐẶC ĐIỂM TÌNH HÌNH" {
		t.Errorf("heading read back as %+v", ps[2])
	}
	if got, want := marked(ps[3]), `Đoạn văn thử nghiệm có ký tự & < > " ' = {{ và }} cùng chữ *đậm*, _nghiêng_, ~gạch chân~ để xuống nhiều dòng trên trang.`; got != want {
		t.Errorf("styled runs read back as %q, want %q", got, want)
	}
	if got, want := ps[48].Text(), "Điều khiển lạ\nxuống dòng\ttab  hết."; got != want {
		t.Errorf("control characters: read back %q, want %q", got, want)
	}
	cells := 0
	for _, p := range ps {
		if p.InTable {
			cells++
		}
	}
	if cells != 3+4+60*4 { // a merged cell's continuation holds its own paragraph
		t.Errorf("%d table cells read back, want %d", cells, 3+4+60*4)
	}
}

// TestWriteTools: LibreOffice converts the document (and a filled
// template) and shows its pages as intended: A4 portrait then landscape,
// no number on page 1, numbers from page 2 on, the table's header rows on
// every page it runs onto; python-docx opens it and sees the sections.
func TestWriteTools(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sample.docx")
	if err := os.WriteFile(path, written(t, sample()), 0o644); err != nil {
		t.Fatal(err)
	}
	filled := filepath.Join(dir, "filled.docx")
	if err := os.WriteFile(filled, fillTemplate(t), 0o644); err != nil {
		t.Fatal(err)
	}
	pdfs := docxtest.ToPDF(t, path, filled)
	pages := strings.Split(docxtest.Text(t, pdfs[0], true), "\f")
	header := regexp.MustCompile(`STT +Đơn vị +Số liệu\s+2022 +2023`)
	if n := len(pages); n < 5 {
		t.Fatalf("%d pages, want the body over two and the table over two more", n)
	}
	first := strings.Fields(pages[0])
	if first[0] != "BÁO" {
		t.Errorf("page 1 starts with %q, want the title and no number", first[0])
	}
	appendix := -1
	for i, p := range pages {
		f := strings.Fields(p)
		if len(f) == 0 {
			continue
		}
		if i > 0 && f[0] != strconv.Itoa(i+1) {
			t.Errorf("page %d starts with %q, want its number", i+1, f[0])
		}
		if strings.Contains(p, "Phụ lục I") {
			appendix = i
		}
		if appendix >= 0 && strings.Contains(p, "Xã ") && !header.MatchString(p) {
			t.Errorf("page %d of the table has no header rows:\n%s", i+1, p)
		}
	}
	if appendix < 0 {
		t.Fatal("no appendix page")
	}
	if all := docxtest.Flat(strings.Join(pages, " ")); !strings.Contains(all, "17.980") || !strings.Contains(all, "2021 (*)") {
		t.Errorf("the chart's values or years are not drawn:\n%s", pages[len(pages)-1])
	}
	filledText := docxtest.Text(t, pdfs[1], true)
	for _, want := range []string{`Báo cáo số 125/BC-CAQ`, `Tổ chức 22.859 buổi tuyên truyền.`, `Tổng số buổi +22.859`, `Năm +Số buổi\s+2022 +1.620`} {
		if !regexp.MustCompile(want).MatchString(filledText) {
			t.Errorf("the filled template as LibreOffice shows it lacks %q:\n%s", want, filledText)
		}
	}
	out := docxtest.Python(t, `
import sys, docx
d = docx.Document(sys.argv[1])
print(len(d.sections), [int(s.orientation) for s in d.sections], d.sections[0].different_first_page_header_footer)
print(d.paragraphs[2].style.name, "|", d.paragraphs[2].text)
print(len(d.tables), len(d.tables[0].rows), d.styles["Normal"].font.name or "", d.core_properties.title)
`, path)
	want := "2 [0, 1] True\nHeading 1 | I. ĐẶC ĐIỂM TÌNH HÌNH\n1 62  Báo cáo thử\n"
	if out != want {
		t.Errorf("python-docx reads:\n%s\nwant:\n%s", out, want)
	}
}
