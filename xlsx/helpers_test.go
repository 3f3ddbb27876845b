package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"
)

// part is one entry of a hand-made zip.
type part struct {
	name, body string
	store      bool // Method Store instead of Deflate
}

func makeZip(t testing.TB, parts ...part) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		h := &zip.FileHeader{Name: p.name, Method: zip.Deflate}
		if p.store {
			h.Method = zip.Store
		}
		w, err := zw.CreateHeader(h)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(p.body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const (
	nsMain = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`
	nsRel  = `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	relT   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
)

// skeleton returns the parts of a minimal one-sheet workbook ("S") whose
// sheet part holds sheetXML; sst, when not empty, is the <sst> content.
func skeleton(sheetXML, sst string) []part {
	ps := []part{
		{name: "[Content_Types].xml", body: `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`},
		{name: "_rels/.rels", body: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="` + relT + `officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{name: "xl/workbook.xml", body: `<workbook ` + nsMain + ` ` + nsRel + `><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{name: "xl/_rels/workbook.xml.rels", body: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="` + relT + `worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="` + relT + `sharedStrings" Target="sharedStrings.xml"/></Relationships>`},
		{name: "xl/worksheets/sheet1.xml", body: sheetXML},
	}
	if sst != "" {
		ps = append(ps, part{name: "xl/sharedStrings.xml", body: `<sst ` + nsMain + `>` + sst + `</sst>`})
	}
	return ps
}

func sheetXML(rows string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet ` + nsMain + ` ` + nsRel + `><sheetData>` + rows + `</sheetData></worksheet>`
}

// openFile opens a workbook file as tongket does (table.LoadFile reads it
// whole, then OpenReaderAt), so the tests read what production reads.
func openFile(path string, lim Limits) (*Book, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return OpenReaderAt(bytes.NewReader(data), int64(len(data)), path, lim)
}

// cellFont is the font a cell's text is drawn in, as submission's legacy
// check asks for it: the run font of a rich-text string when it names one,
// else the font of the cell's format.
func cellFont(b *Book, c Cell) string {
	if f := b.RunFont(c); f != "" {
		return f
	}
	return b.FontName(c.Style)
}

func openBytes(t testing.TB, data []byte, lim Limits) (*Book, error) {
	t.Helper()
	return OpenReaderAt(bytes.NewReader(data), int64(len(data)), "test.xlsx", lim)
}

// dump renders the rows of a sheet one cell per line:
// "A1 text \"x\"" plus " F" for a formula and " nocache" without a value.
func dump(t testing.TB, b *Book, s Sheet) (string, error) {
	t.Helper()
	var sb strings.Builder
	err := b.Rows(s, func(r Row) error {
		for _, c := range r.Cells {
			if want := ColumnName(c.Col) + fmt.Sprint(r.Num); c.Ref != want {
				t.Errorf("cell %+v in row %d: Ref should be %s", c, r.Num, want)
			}
			fmt.Fprintf(&sb, "%s %v %q", c.Ref, c.Kind, c.Value)
			if c.Formula {
				sb.WriteString(" F")
			}
			if !c.Cached {
				sb.WriteString(" nocache")
			}
			sb.WriteString("\n")
		}
		return nil
	})
	return sb.String(), err
}

func lines(s ...string) string { return strings.Join(s, "\n") + "\n" }
