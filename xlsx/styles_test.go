package xlsx

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// fontDump renders each cell as "A1 s=1 font=.VnTime run=… \"value\"".
func fontDump(t *testing.T, b *Book) string {
	t.Helper()
	var sb strings.Builder
	err := b.Rows(b.Sheets()[0], func(r Row) error {
		for _, c := range r.Cells {
			fmt.Fprintf(&sb, "%s s=%d font=%s run=%s %q\n", c.Ref, c.Style, b.FontName(c.Style), b.RunFont(c), c.Value)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return sb.String()
}

const stylesXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet ` + nsMain + `>
<fonts count="3"><font><sz val="11"/><name val="Calibri"/></font><font><b/><name val=".VnTime"/></font><font><name val="VNI-Times"/><family val="2"/></font></fonts>
<fills count="1"><fill/></fills>
<cellStyleXfs count="1"><xf fontId="2"/></cellStyleXfs>
<cellXfs count="4"><xf numFmtId="0" fontId="0"/><xf fontId="1" applyFont="1"><alignment/></xf><xf fontId="2"/><xf fontId="9"/></cellXfs>
<dxfs count="1"><dxf><font><name val="Dxf Font"/></font></dxf></dxfs>
</styleSheet>`

func TestFontsHandMade(t *testing.T) {
	rows := `<row r="1"><c r="A1" s="1" t="s"><v>0</v></c><c r="B1" s="2" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" s="3"><v>1</v></c><c r="E1" s="77"><v>2</v></c></row>` +
		`<row r="2"><c r="A2" s="2" t="inlineStr"><is><r><rPr><rFont val=".VnTimeH"/></rPr><t>Tæng</t></r><r><rPr><rFont val="Arial"/></rPr><t> céng</t></r></is></c>` +
		`<c r="B2" t="inlineStr"><is><t>plain</t></is></c><c r="C2" s="x"><v>3</v></c><c r="D2" s="1" t="inlineStr"><is><r><t>a</t></r><r><rPr><rFont val=".VnTimeH"/></rPr><t>b</t></r></is></c></row>`
	sst := `<si><r><rPr><b/><rFont val=".VnTime"/></rPr><t>§¬n vÞ: </t></r><r><rPr><rFont val="Times New Roman"/></rPr><t>x</t></r></si>` +
		`<si><t>plain</t><rPh sb="0" eb="1"><t>ふ</t></rPh></si>` +
		`<si><t>kana</t><rPh sb="0" eb="1"><r><rPr><rFont val="MS Gothic"/></rPr><t>ふ</t></r></rPh></si>`
	ps := append(skeleton(sheetXML(rows), sst), part{name: "xl/styles.xml", body: stylesXML})
	b, err := openBytes(t, makeZip(t, ps...), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	got := fontDump(t, b)
	want := lines(
		`A1 s=1 font=.VnTime run=.VnTime "§¬n vÞ: x"`,
		`B1 s=2 font=VNI-Times run= "plain"`,
		`C1 s=0 font=Calibri run= "kana"`,
		`D1 s=3 font= run= "1"`,  // fontId out of range
		`E1 s=77 font= run= "2"`, // no such format
		`A2 s=2 font=VNI-Times run=.VnTimeH "Tæng céng"`,
		`B2 s=0 font=Calibri run= "plain"`,
		`C2 s=0 font=Calibri run= "3"`, // damaged s
		`D2 s=1 font=.VnTime run=.VnTimeH "ab"`,
	)
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	var a1 Cell
	b.Rows(b.Sheets()[0], func(r Row) error {
		if r.Num == 1 {
			a1 = r.Cells[0]
		}
		return nil
	})
	if f := cellFont(b, a1); f != ".VnTime" {
		t.Errorf("cellFont(A1) = %q", f)
	}
	if f := b.FontName(-1); f != "" {
		t.Errorf("FontName(-1) = %q", f)
	}
}

// TestFontsStylesRel finds styles.xml by the workbook relationship, under
// any name.
func TestFontsStylesRel(t *testing.T) {
	ps := skeleton(sheetXML(`<row r="1"><c r="A1" s="1"><v>1</v></c></row>`), "")
	for i := range ps {
		if ps[i].name == "xl/_rels/workbook.xml.rels" {
			ps[i].body = strings.Replace(ps[i].body, `</Relationships>`,
				`<Relationship Id="rId9" Type="`+relT+`styles" Target="/xl/other/Formats.xml"/></Relationships>`, 1)
		}
	}
	ps = append(ps, part{name: "xl/other/Formats.xml", body: stylesXML})
	b, err := openBytes(t, makeZip(t, ps...), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if got := fontDump(t, b); got != "A1 s=1 font=.VnTime run= \"1\"\n" {
		t.Errorf("got %q", got)
	}
}

// TestFontsMissingOrDamaged: fonts are a hint; a workbook without styles
// or with damaged ones reads as before, with no font names.
func TestFontsMissingOrDamaged(t *testing.T) {
	sheet := sheetXML(`<row r="1"><c r="A1" s="1" t="s"><v>0</v></c></row>`)
	sst := `<si><r><rPr><rFont val=".VnTime"/></rPr><t>x</t></r></si>`
	for name, extra := range map[string][]part{
		"missing": nil,
		"damaged": {{name: "xl/styles.xml", body: `<styleSheet><fonts><font><name val=".VnTime"/></font></fonts><cellXfs><xf fontId="0"/><xf fontId="0"`}},
		"empty":   {{name: "xl/styles.xml", body: ``}},
	} {
		b, err := openBytes(t, makeZip(t, append(skeleton(sheet, sst), extra...)...), Limits{})
		if err != nil {
			t.Fatal(name, err)
		}
		if got := fontDump(t, b); got != "A1 s=1 font= run=.VnTime \"x\"\n" {
			t.Errorf("%s: got %q", name, got)
		}
	}
}

func TestFontsFixtures(t *testing.T) {
	tests := []struct {
		file string
		want string
	}{
		{"legacy_openpyxl.xlsx", lines(
			`A1 s=1 font=.VnTime run= "Tæng céng"`,
			`A2 s=2 font=.VnTimeH run= "TæNG CéNG"`,
			`A3 s=3 font=VNI-Times run= "Toång coäng"`,
			`A4 s=4 font=Times New Roman run= "Tổng cộng"`,
			`A5 s=1 font=.VnTime run= "1234"`,
			`A6 s=0 font=Calibri run= "mặc định"`,
		)},
		{"legacy_libreoffice.xlsx", lines(
			`A1 s=1 font=.VnTime run= "Tæng céng"`,
			`A2 s=2 font=.VnTimeH run= "TæNG CéNG"`,
			`A3 s=3 font=VNI-Times run= "Toång coäng"`,
			`A4 s=4 font=Times New Roman run= "Tổng cộng"`,
			`A5 s=5 font=.VnTime run=.VnTime "§¬n vÞ: QuËn Hång Bµng"`,
			`A6 s=1 font=.VnTime run= "1234"`,
		)},
	}
	for _, tt := range tests {
		data, err := os.ReadFile(filepath.Join("testdata", tt.file))
		if err != nil {
			t.Fatal(err)
		}
		b, err := openBytes(t, data, Limits{})
		if err != nil {
			t.Fatal(err)
		}
		if got := fontDump(t, b); got != tt.want {
			t.Errorf("%s: got\n%s\nwant\n%s", tt.file, got, tt.want)
		}
	}
}

// TestFontsConcurrent asks for fonts from several goroutines at once (run
// with -race).
func TestFontsConcurrent(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "legacy_libreoffice.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := openBytes(t, data, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	var cells []Cell
	b.Rows(b.Sheets()[0], func(r Row) error {
		cells = append(cells, r.Cells...)
		return nil
	})
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, c := range cells {
				if cellFont(b, c) == "" {
					t.Errorf("%s: no font", c.Ref)
				}
			}
		}()
	}
	wg.Wait()
}

// TestNoStylesParsedWhileStreaming: reading rows must not read styles.xml
// nor the run fonts; only a question about fonts does.
func TestNoStylesParsedWhileStreaming(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "legacy_libreoffice.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := openBytes(t, data, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	b.Rows(b.Sheets()[0], func(r Row) error { return nil })
	if b.sty != nil || b.sstFontList != nil {
		t.Error("Rows read the styles or run fonts")
	}
}

// TestRunFontAcrossReads: the quick search for "rFont" finds it where it
// straddles two reads of the part.
func TestRunFontAcrossReads(t *testing.T) {
	for _, at := range []int{scanBufSize - 4, scanBufSize - 2, scanBufSize - 1, scanBufSize, 2*scanBufSize - 3} {
		head := `<sst ` + nsMain + `><si><t>`
		mid := `</t></si><si><r><rPr><`
		pad := at - len(head) - len(mid)
		sst := `<si><t>` + strings.Repeat("x", pad) + mid + `rFont val=".VnTime"/></rPr><t>y</t></r></si>`
		rows := `<row r="1"><c r="A1" t="s"><v>1</v></c></row>`
		b, err := openBytes(t, makeZip(t, skeleton(sheetXML(rows), sst)...), Limits{})
		if err != nil {
			t.Fatal(err)
		}
		if got := fontDump(t, b); got != "A1 s=0 font= run=.VnTime \"y\"\n" {
			t.Errorf("rFont at %d: got %q", at, got)
		}
	}
}

// TestStruck: fonts drawn struck through, by cell format.
func TestStruck(t *testing.T) {
	styles := `<styleSheet ` + nsMain + `><fonts count="4">` +
		`<font><name val="Calibri"/></font>` +
		`<font><strike/><name val="Times New Roman"/></font>` +
		`<font><strike val="0"/><name val="Arial"/></font>` +
		`<font><strike val="true"/></font></fonts>` +
		`<cellXfs count="5"><xf fontId="0"/><xf fontId="1"/><xf fontId="2"/><xf fontId="3"/><xf fontId="9"/></cellXfs></styleSheet>`
	ps := append(skeleton(sheetXML(`<row r="1"><c r="A1"><v>1</v></c></row>`), ""), part{name: "xl/styles.xml", body: styles})
	b, err := openBytes(t, makeZip(t, ps...), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	for s, want := range []bool{false, true, false, true, false} {
		if got := b.Struck(s); got != want {
			t.Errorf("Struck(%d) = %v, want %v", s, got, want)
		}
	}
	if b.Struck(-1) || b.Struck(99) {
		t.Error("Struck of no format")
	}
}
