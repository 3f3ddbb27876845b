package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tongket/tongket/demo"
	"github.com/tongket/tongket/docx"
	"github.com/tongket/tongket/docx/docxtest"
)

// docxText is the text of a .docx's paragraphs, tables' cells included.
func docxText(t *testing.T, path string) string {
	t.Helper()
	f, err := docx.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	ps, err := f.Paragraphs()
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(p.Text())
		b.WriteString("\n")
	}
	return b.String()
}

// listing names a folder's files with their sizes and times, to see that
// nothing was written.
func listing(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		i, _ := e.Info()
		out = append(out, e.Name()+" "+i.ModTime().Format(time.RFC3339Nano))
	}
	return out
}

// TestSummarizeWord is the officer's Word round trip, end to end: the
// first summarize writes the report as .docx and the sections file; a
// sentence written under "BÀI HỌC KINH NGHIỆM" with python-docx appears in
// the PDF, the .docx and the text summary of the next summarize, which
// leaves the sections file byte-identical; a template whose {{TT_BUOI}}
// Word split over three runs comes out filled in the first run's bold;
// a template that is not a Word document is refused and nothing is
// written; awards export writes the roster as .docx; LibreOffice converts
// every .docx tongket wrote.
func TestSummarizeWord(t *testing.T) {
	dir := t.TempDir()
	ingestDemo(t, dir)
	rosters, err := demo.WriteRosters(dir)
	if err != nil {
		t.Fatal(err)
	}
	run(t, dir, "awards", "import", rosters) // one file is refused on purpose
	out := filepath.Join(dir, "bao-cao")
	args := []string{"summarize", "--period", "2019-2024", "-o", out, "--date", "15/01/2025", "--agency", "CÔNG AN QUẬN HỒNG BÀNG"}
	code, stdout, stderr := run(t, dir, args...)
	if code != 0 {
		t.Fatalf("summarize: %d %s", code, stderr)
	}
	report := filepath.Join(out, "tong-ket-2019-2024.docx")
	sections := filepath.Join(out, "tong-ket-2019-2024-noi-dung.docx")
	if !strings.Contains(stdout, report) || !strings.Contains(stderr, "Đã tạo "+sections) ||
		!strings.Contains(stderr, `Mục "III.1. Ưu điểm" còn 5 gợi ý`) || !strings.Contains(stderr, "- IV. BÀI HỌC KINH NGHIỆM") {
		t.Fatalf("first summarize: stdout %q\nstderr %s", stdout, stderr)
	}

	docxtest.Python(t, `
import sys, docx
from docx.oxml import OxmlElement
from docx.text.paragraph import Paragraph
d = docx.Document(sys.argv[1])
ps = d.paragraphs
i = [p.text for p in ps].index("IV. BÀI HỌC KINH NGHIỆM")
new = OxmlElement("w:p")
ps[i + 1]._p.addnext(new)
p = Paragraph(new, ps[i + 1]._parent)
p.add_run("Phải lấy dân làm gốc, tổ chức ")
p.add_run("{{TT_BUOI}}").bold = True
p.add_run(" buổi tuyên truyền ở tất cả các xã, phường.")
d.save(sys.argv[1])
`, sections)
	before, err := os.ReadFile(sections)
	if err != nil {
		t.Fatal(err)
	}
	code, _, stderr = run(t, dir, args...)
	if code != 0 {
		t.Fatalf("second summarize: %d %s", code, stderr)
	}
	text := filepath.Join(out, "tong-ket-2019-2024.txt")
	if code, _, e := run(t, dir, "summarize", "--period", "2019-2024", "--format", "text", "-o", text); code != 0 {
		t.Fatalf("text: %d %s", code, e)
	}
	after, _ := os.ReadFile(sections)
	if string(after) != string(before) {
		t.Error("summarize changed the sections file")
	}
	if strings.Contains(stderr, "- IV. BÀI HỌC KINH NGHIỆM") {
		t.Errorf("BÀI HỌC KINH NGHIỆM is still listed as blank:\n%s", stderr)
	}
	sentence := "Phải lấy dân làm gốc, tổ chức 13.868 buổi tuyên truyền ở tất cả các xã, phường."
	txt, _ := os.ReadFile(text)
	for name, got := range map[string]string{
		"PDF":  pdfFlat(t, filepath.Join(out, "tong-ket-2019-2024.pdf")),
		"docx": docxtest.Flat(docxText(t, report)),
		"text": docxtest.Flat(string(txt)),
	} {
		if !strings.Contains(got, "IV. BÀI HỌC KINH NGHIỆM "+sentence) {
			t.Errorf("the %s lacks the officer's sentence under its heading", name)
		}
	}

	// The officer's own template, its {{TT_BUOI}} split over three runs.
	tmplOut := filepath.Join(dir, "mau")
	tmpl := filepath.Join("..", "..", "docx", "testdata", "word", "template.docx")
	if code, _, e := run(t, dir, "summarize", "--period", "2019-2024", "-o", tmplOut, "--format", "docx", "--docx-template", tmpl); code != 0 {
		t.Fatalf("template: %d %s", code, e)
	}
	filled := filepath.Join(tmplOut, "tong-ket-2019-2024.docx")
	f, err := docx.Open(filled)
	if err != nil {
		t.Fatal(err)
	}
	ps, _ := f.Paragraphs()
	if i := slices.IndexFunc(ps, func(p docx.TextPara) bool { return p.Text() == "Tổ chức 13.868 buổi tuyên truyền." }); i < 0 || !ps[i].Runs[1].Bold || ps[i].Runs[1].Text != "13.868" {
		t.Errorf("the split placeholder is not filled in its first run's bold:\n%s", docxText(t, filled))
	}

	if code, _, e := run(t, dir, "summarize", "--period", "2019-2024", "-o", tmplOut, "--format", "pdf", "--docx-template", tmpl); code != exitFailed || !strings.Contains(e, "--docx-template chỉ dùng khi ghi báo cáo Word") {
		t.Errorf("a template without docx: %d %s", code, e)
	}

	// A template that is not one: refused, and nothing written.
	bad := filepath.Join(dir, "mau.docx")
	os.WriteFile(bad, []byte("Kính gửi: …"), 0o644)
	was := listing(t, out)
	code, _, stderr = run(t, dir, append(args, "--docx-template", bad)...)
	if code != exitRefused || !strings.Contains(stderr, "Tệp mau.docx là tệp văn bản thường, không phải tài liệu Word (.docx)") {
		t.Errorf("a template that is text: %d %s", code, stderr)
	}
	if now := listing(t, out); !slices.Equal(now, was) {
		t.Errorf("a refused template, yet the folder changed:\n%q\n%q", was, now)
	}

	roster := filepath.Join(out, "khen-thuong-2019-2024.docx")
	if code, stdout, e := run(t, dir, "awards", "export", "--period", "2019-2024", "-o", out, "--format", "docx"); code != 0 || !strings.Contains(stdout, roster) {
		t.Fatalf("awards export docx: %d %s %s", code, stdout, e)
	}
	if !strings.Contains(docxText(t, roster), "92 gương điển hình tiên tiến, trong đó: 23 tập thể, 69 cá nhân") {
		t.Error("the roster .docx lacks its counts line")
	}
	for i, pdf := range docxtest.ToPDF(t, report, roster, filled, sections) {
		if docxtest.Text(t, pdf, false) == "" {
			t.Errorf("LibreOffice's conversion of document %d is empty", i)
		}
	}
}
