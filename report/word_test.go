package report

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/tongket/tongket/docx/docxtest"
	"github.com/tongket/tongket/roster"
)

// officerText fills two of the officer's sections as Word would give them
// back: styled runs, a list line, and text that is text (a formula's "=",
// braces, XML's special characters).
func officerText(o *Outline) {
	o.Fill("bai-hoc", []Para{
		{Runs: []Run{{Text: "Phải "}, {Text: "bám sát cơ sở", Bold: true}, {Text: ", "}, {Text: "dựa vào dân", Italic: true}, {Text: " và "}, {Text: "kiểm tra thường xuyên", Underline: true}, {Text: "."}}},
		{Runs: []Run{{Text: "Không để =SUM(A1) hay {{ và <b>&</b> làm hỏng tệp."}}, Bullet: true},
	})
	o.Fill("kien-nghi", []Para{{Runs: []Run{{Text: "Đề nghị Bộ Công an tiếp tục hỗ trợ 1.250 camera cho các xã, phường."}}}})
}

// written is what the Word and the PDF drawers wrote for one document,
// in a temporary folder, and the words of its tables' header rows, which
// repeat where a page breaks.
type written struct {
	docx, pdf string
	heads     map[string]bool
}

// headWords are the words of tables' header rows and column numbers.
func headWords(ts ...*Table) map[string]bool {
	out := map[string]bool{}
	for _, t := range ts {
		for _, h := range append(append([]string(nil), t.Head...), colNumbers(len(t.Head))...) {
			for _, w := range strings.Fields(strings.ReplaceAll(h, "–", " – ")) {
				out[w] = true
			}
		}
	}
	return out
}

func writeBoth(t *testing.T, dir, name string, word, pdf func(io.Writer) error) written {
	t.Helper()
	out := written{docx: filepath.Join(dir, name+".docx"), pdf: filepath.Join(dir, name+".pdf")}
	for path, write := range map[string]func(io.Writer) error{out.docx: word, out.pdf: pdf} {
		var b bytes.Buffer
		if err := write(&b); err != nil {
			t.Fatalf("%s: %v", filepath.Base(path), err)
		}
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// wordDocs writes the realistic report with the officer's text, the
// roster, the roster of edge cases and an empty roster, each as a PDF and
// a .docx.
func wordDocs(t *testing.T) []written {
	dir := t.TempDir()
	s := loadSummary(t, filepath.Join("testdata", "pdf", "summary.json"))
	d := sampleDocument()
	o, err := BuildOutline(s, d, Options{})
	if err != nil {
		t.Fatal(err)
	}
	officerText(o)
	e, rd := rosterSample()
	edge, ed := rosterEdge()
	empty := rosterExport(2019, 2024, nil, false)
	docs := []written{
		writeBoth(t, dir, "report", func(w io.Writer) error { return WriteOutlineWord(w, o, d) }, func(w io.Writer) error { return WriteOutlinePDF(w, o, d) }),
		writeBoth(t, dir, "roster", func(w io.Writer) error { return WriteRosterWord(w, e, rd) }, func(w io.Writer) error { return WriteRosterPDF(w, e, rd) }),
		writeBoth(t, dir, "edge", func(w io.Writer) error { return WriteRosterWord(w, edge, ed) }, func(w io.Writer) error { return WriteRosterPDF(w, edge, ed) }),
		writeBoth(t, dir, "empty", func(w io.Writer) error { return WriteRosterWord(w, empty, Document{}) }, func(w io.Writer) error { return WriteRosterPDF(w, empty, Document{}) }),
	}
	docs[0].heads = headWords(o.Appendices[0].Table, o.Appendices[1].Table)
	for i, e := range []roster.Export{e, edge, empty} {
		r := BuildRoster(e)
		docs[i+1].heads = headWords(r.List, r.Counts)
	}
	return docs
}

// part is a part of a .docx.
func part(t *testing.T, path, name string) string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name == name {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			return string(b)
		}
	}
	t.Fatalf("%s has no part %s", path, name)
	return ""
}

// TestWordLayout reads back from the XML what Nghị định 30 asks of the
// report and the roster: Times New Roman, the landscape appendix sections,
// repeated header rows, no page number on page 1 and one on the others.
func TestWordLayout(t *testing.T) {
	docs := wordDocs(t)
	report, roster := docs[0].docx, docs[1].docx
	doc := part(t, report, "word/document.xml")
	count := func(s, pattern string) int { return len(regexp.MustCompile(pattern).FindAllString(s, -1)) }
	for _, tc := range []struct {
		what, text, pattern string
		want                int
	}{
		{"portrait report", doc, `<w:pgSz w:w="11906" w:h="16838"/>`, 1},
		{"landscape appendices", doc, `<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>`, 2},
		{"header rows of the two appendix tables", doc, `<w:tblHeader/>`, 4},
		{"no number on the first page", doc, `<w:headerReference w:type="first" r:id="rId4"/>`, 1},
		{"one first page only", doc, `<w:titlePg/>`, 1},
		{"numbers on the other pages", doc, `<w:headerReference w:type="default" r:id="rId3"/>`, 3},
		{"the PAGE field", part(t, report, "word/header1.xml"), `<w:instrText xml:space="preserve"> PAGE </w:instrText>`, 1},
		{"Times New Roman", part(t, report, "word/styles.xml"), `<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/>`, 1},
		{"body 14 pt", part(t, report, "word/styles.xml"), `<w:rPrDefault><w:rPr><w:rFonts[^>]*/><w:sz w:val="28"/>`, 1},
		{"headings as Word headings", doc, `<w:pStyle w:val="Heading1"/>`, 6},
		{"the chart", doc, `<c:chart r:id="rIdChart1"/>`, 1},
		{"officer's bold run", doc, `<w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">bám sát cơ sở</w:t>`, 1},
		{"text stays text", doc, `Không để =SUM\(A1\) hay \{\{ và &lt;b&gt;&amp;&lt;/b&gt; làm hỏng tệp\.`, 1},
		{"a landscape roster", part(t, roster, "word/document.xml"), `<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>.*<w:titlePg/>`, 1},
		{"roster header rows", part(t, roster, "word/document.xml"), `<w:tblHeader/>`, 4},
	} {
		if n := count(tc.text, tc.pattern); n != tc.want {
			t.Errorf("%s: %d of %q, want %d", tc.what, n, tc.pattern, tc.want)
		}
	}
	out := docxtest.Python(t, `
import sys, docx
for path in sys.argv[1:]:
    d = docx.Document(path)
    print(len(d.sections), [int(s.orientation) for s in d.sections], d.sections[0].different_first_page_header_footer, len(d.tables))
`, report, roster)
	if want := "3 [0, 1, 1] True 4\n1 [1] True 3\n"; out != want {
		t.Errorf("python-docx reads sections, orientations, first page, tables:\n%s\nwant\n%s", out, want)
	}
}

// TestWordMatchesPDF: LibreOffice converts every .docx the Word drawer
// writes, and its PDF holds the same words and figures as tongket's own
// PDF (page numbers aside, whatever the line breaks), the figures in the
// same order.
func TestWordMatchesPDF(t *testing.T) {
	docs := wordDocs(t)
	var paths []string
	for _, d := range docs {
		paths = append(paths, d.docx)
	}
	converted := docxtest.ToPDF(t, paths...)
	for i, d := range docs {
		t.Run(filepath.Base(d.pdf), func(t *testing.T) {
			ours, theirs := pdfWords(t, d.pdf), pdfWords(t, converted[i])
			if extra, missing := wordDiff(ours, theirs); len(extra)+len(missing) > 0 {
				t.Errorf("words only in tongket's PDF: %q\nwords only in LibreOffice's: %q", extra, missing)
			}
			// Pages break in other places, so the repeated header rows
			// stand elsewhere: the figures are compared without them.
			if a, b := figures(ours, d.heads), figures(theirs, d.heads); !slices.Equal(a, b) {
				i := 0
				for i < min(len(a), len(b)) && a[i] == b[i] {
					i++
				}
				t.Errorf("figures in another order from the %d-th: tongket %q…, LibreOffice %q…", i, a[i:min(i+8, len(a))], b[i:min(i+8, len(b))])
			}
		})
	}
}

// pdfWords are the words of a PDF read in layout order, each page's
// number left out and dashes between years made words of their own, so a
// line broken after "2013–" reads like one that is not.
func pdfWords(t *testing.T, pdf string) []string {
	var out []string
	for i, page := range strings.Split(docxtest.Text(t, pdf, true), "\f") {
		w := strings.Fields(strings.ReplaceAll(page, "–", " – "))
		if len(w) > 0 && w[0] == strconv.Itoa(i+1) {
			w = w[1:]
		}
		out = append(out, w...)
	}
	return out
}

// wordDiff is what one list of words has that the other has not, counted.
func wordDiff(a, b []string) (onlyA, onlyB []string) {
	n := map[string]int{}
	for _, w := range a {
		n[w]++
	}
	for _, w := range b {
		n[w]--
	}
	for w, k := range n {
		for ; k > 0; k-- {
			onlyA = append(onlyA, w)
		}
		for ; k < 0; k++ {
			onlyB = append(onlyB, w)
		}
	}
	slices.Sort(onlyA)
	slices.Sort(onlyB)
	return onlyA, onlyB
}

// figures are the words holding a digit, in order, but those of the
// header rows.
func figures(ws []string, heads map[string]bool) []string {
	var out []string
	for _, w := range ws {
		if strings.IndexFunc(w, unicode.IsDigit) >= 0 && !heads[w] {
			out = append(out, w)
		}
	}
	return out
}
