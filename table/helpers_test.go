package table

import (
	"archive/zip"
	"bytes"
	"fmt"
	"html"
	"strings"
	"testing"

	"github.com/tongket/tongket/xlsx"
)

const (
	nsMain = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`
	nsRel  = `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	relT   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
)

// workbook zips a one-sheet workbook (sheet "S") around the given sheet
// XML, exactly as written: the tests control every byte of the sheet.
func workbook(tb testing.TB, sheetXML string) []byte {
	tb.Helper()
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`},
		{"_rels/.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="` + relT + `officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<workbook ` + nsMain + ` ` + nsRel + `><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="` + relT + `worksheet" Target="worksheets/sheet1.xml"/></Relationships>`},
		{"xl/worksheets/sheet1.xml", sheetXML},
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.Create(p.name)
		if err != nil {
			tb.Fatal(err)
		}
		if _, err := w.Write([]byte(p.body)); err != nil {
			tb.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// sheetXML wraps rows in a worksheet.
func sheetXML(rows ...string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet ` + nsMain + `><sheetData>` +
		strings.Join(rows, "") + `</sheetData></worksheet>`
}

// row writes row n from column A: a string is an inline string, an int a
// number, nil no cell.
func row(n int, vals ...any) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<row r="%d">`, n)
	for i, v := range vals {
		ref := xlsx.ColumnName(i+1) + fmt.Sprint(n)
		switch v := v.(type) {
		case nil:
		case string:
			fmt.Fprintf(&b, `<c r="%s" t="inlineStr"><is><t xml:space="preserve">%s</t></is></c>`, ref, html.EscapeString(v))
		case int:
			fmt.Fprintf(&b, `<c r="%s"><v>%d</v></c>`, ref, v)
		default:
			panic(fmt.Sprintf("row: %T", v))
		}
	}
	b.WriteString(`</row>`)
	return b.String()
}

func open(tb testing.TB, data []byte) (*xlsx.Book, xlsx.Sheet) {
	tb.Helper()
	b, err := xlsx.OpenReaderAt(bytes.NewReader(data), int64(len(data)), "test.xlsx", xlsx.DefaultLimits)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { b.Close() })
	return b, b.Sheets()[0]
}

// texts is a row as "n: a|b|c", its cells' values in column order.
func texts(r xlsx.Row) string {
	vs := make([]string, len(r.Cells))
	for i, c := range r.Cells {
		vs[i] = xlsx.ColumnName(c.Col) + "=" + c.Value
	}
	return fmt.Sprintf("%d: %s", r.Num, strings.Join(vs, "|"))
}

// labelsString renders labels as "A:Top/Sub" joined by spaces.
func labelsString(ls []Label) string {
	var out []string
	for _, l := range ls {
		out = append(out, xlsx.ColumnName(l.Col)+":"+l.Top+"/"+l.Sub)
	}
	return strings.Join(out, " ")
}
