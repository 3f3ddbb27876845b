package docx

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// figures resolves the placeholders of testdata/word/template.docx.
func figures(name string, alone bool) (Value, error) {
	switch name {
	case "TT_BUOI":
		return Value{Text: "22.859"}, nil
	case "giai_doan":
		return Value{Text: "2013–2023"}, nil
	case "so_van_ban":
		return Value{Text: "125/BC-CAQ"}, nil
	case "bang_tong_hop":
		if !alone {
			return Value{}, errors.New("a table goes alone in its paragraph")
		}
		return Value{Table: &Table{Widths: []float64{30, 60}, Borders: true, Rows: []Row{
			{Header: true, Cells: []Cell{{Paras: []*Paragraph{Text("Năm", Run{Bold: true})}}, {Paras: []*Paragraph{Text("Số buổi", Run{Bold: true})}}}},
			{Cells: []Cell{{Paras: []*Paragraph{Text("2022", Run{})}}, {Paras: []*Paragraph{Text("1.620", Run{})}}}},
		}}}, nil
	}
	return Value{}, fmt.Errorf("no placeholder %q", name)
}

func fillTemplate(t testing.TB) []byte {
	t.Helper()
	f, err := Open(filepath.Join("testdata", "word", "template.docx"))
	if err != nil {
		t.Fatal(err)
	}
	out, err := f.Fill(figures)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestFill: "{{TT_BUOI}}" split over three runs (the first bold, 15 pt)
// is filled in the first run's formatting; placeholders in the header and
// in a table cell are filled; a paragraph holding only a table placeholder
// becomes the table; the parts without placeholders are copied unchanged.
func TestFill(t *testing.T) {
	out := fillTemplate(t)
	f, err := Parse(out, DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	ps, err := f.Paragraphs()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range ps {
		got = append(got, marked(p))
	}
	want := []string{"*BÁO CÁO TỔNG KẾT 2013–2023*", "Tổ chức *22.859* buổi tuyên truyền.", "*Năm*", "*Số buổi*", "2022", "1.620", "Tổng số buổi", "22.859", "Kết thúc."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("filled paragraphs:\n got %q\nwant %q", got, want)
	}
	doc := parts(t, out)["word/document.xml"]
	if !strings.Contains(doc, `<w:b/><w:sz w:val="30"/></w:rPr><w:t xml:space="preserve">22.859</w:t>`) {
		t.Errorf("the value lost the bold 15 pt of the run where the placeholder starts:\n%s", doc[strings.Index(doc, "Tổ chức")-200:strings.Index(doc, "Tổ chức")+600])
	}
	header := ""
	for name, body := range parts(t, out) {
		if strings.HasPrefix(name, "word/header") && strings.Contains(body, "Báo cáo số") {
			header = body
		}
	}
	if !strings.Contains(header, "Báo cáo số 125/BC-CAQ") {
		t.Errorf("the header's placeholder is not filled: %s", header)
	}
	src, _ := os.ReadFile(filepath.Join("testdata", "word", "template.docx"))
	before, after := parts(t, src), parts(t, out)
	for name, body := range before {
		if name != "word/document.xml" && !strings.HasPrefix(name, "word/header") && after[name] != body {
			t.Errorf("%s changed", name)
		}
	}
}

// TestFillErrors: an unknown name and a table in the middle of a sentence
// are each named with their paragraph, and nothing is returned.
func TestFillErrors(t *testing.T) {
	data := zipOf(t, minimal(`<w:p><w:r><w:t>Số buổi {{TT_</w:t></w:r><w:r><w:t>BUOII}} và {{ bang_tong_hop }}.</w:t></w:r></w:p><w:p><w:r><w:t>{{bang_tong_hop}}</w:t></w:r></w:p>`))
	f, err := Parse(data, DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	out, err := f.Fill(figures)
	if out != nil || err == nil {
		t.Fatalf("Fill = %d bytes, %v; want an error and nothing", len(out), err)
	}
	var pe *PlaceholderError
	if !errors.As(err, &pe) || pe.Name != "TT_BUOII" || pe.Paragraph != "Số buổi {{TT_BUOII}} và {{ bang_tong_hop }}." {
		t.Errorf("err = %v, want the unknown name and its paragraph", err)
	}
	if n := strings.Count(err.Error(), "placeholder {{"); n != 2 {
		t.Errorf("%d failures reported, want 2 (the unknown name, the table in a sentence): %v", n, err)
	}
}

// TestFillSectionBreak: a table placeholder in the paragraph that ends a
// section leaves the break where it was; at the end of the body a
// paragraph follows the table.
func TestFillSectionBreak(t *testing.T) {
	body := `<w:p><w:pPr><w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:pPr><w:r><w:t>{{bang_tong_hop}}</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t>{{bang_tong_hop}}</w:t></w:r></w:p><w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/></w:sectPr>`
	f, err := Parse(zipOf(t, minimal(body)), DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	out, err := f.Fill(figures)
	if err != nil {
		t.Fatal(err)
	}
	doc := parts(t, out)["word/document.xml"]
	if !strings.Contains(doc, `</w:tbl><w:p><w:pPr><w:sectPr>`) || !strings.Contains(doc, `</w:tbl><w:p/><w:sectPr>`) {
		t.Errorf("section breaks or the closing paragraph lost:\n%s", doc)
	}
	if bytes.Contains([]byte(doc), []byte("{{")) {
		t.Error("a placeholder is left")
	}
}
