package table

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"testing"

	"github.com/tongket/tongket/finding"
	"github.com/tongket/tongket/xlsx"
)

// FuzzScan reads random bytes as a sheet's XML: Scan must not panic, and
// whatever is wrong with the sheet comes back as a finding at the sheet,
// never as an error or silence.
func FuzzScan(f *testing.F) {
	f.Add([]byte(sheetXML(row(1, "Tiêu đề"), row(3, "Mã chỉ tiêu", "Năm"), row(4, nil, 2021, 2022), row(5, "TT_BUOI", 1, 2))))
	f.Add([]byte(sheetXML(row(2, "Mã chỉ tiêu", 2021), row(3, "TT_BUOI", 7))))
	full := sheetXML(row(1, "Mã chỉ tiêu", 2021), row(2, "TT_BUOI", 7))
	f.Add([]byte(full[:len(full)/2]))
	f.Add([]byte(`<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells></worksheet>`))
	for _, p := range []string{"testdata/hai-dong.xlsx", "testdata/hai-dong-lo.xlsx"} {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(sheetPart(f, data))
		}
	}
	f.Fuzz(func(t *testing.T, sheet []byte) {
		book, s := open(t, workbook(t, string(sheet)))
		var h Header
		last := 0
		found, problem, err := Scan(book, s, Options{
			MaxRows: 5,
			Match:   matchIndicators,
			Data: func(hh Header, r xlsx.Row) error {
				h, last = hh, r.Num
				return nil
			},
		})
		if err != nil {
			t.Fatalf("error instead of a finding: %v", err)
		}
		if problem != nil {
			if problem.Sheet != "S" || problem.Severity != finding.Error || problem.Text.VI == "" || problem.Text.EN == "" {
				t.Errorf("finding not at the sheet or without a message: %+v", problem)
			}
			switch problem.Code {
			case finding.CorruptFile, finding.TooLarge:
			default:
				t.Errorf("code %q", problem.Code)
			}
		}
		if last != 0 && (!found || h.Row > h.End || h.End > h.Row+1 || h.Row > 5 || h.Sheet != "S") {
			t.Errorf("data row %d under header %+v (found %v)", last, h, found)
		}
	})
}

// sheetPart returns the XML of an .xlsx's first sheet part.
func sheetPart(tb testing.TB, data []byte) []byte {
	tb.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		tb.Fatal(err)
	}
	rc, err := zr.Open("xl/worksheets/sheet1.xml")
	if err != nil {
		tb.Fatal(err)
	}
	defer rc.Close()
	xml, err := io.ReadAll(rc)
	if err != nil {
		tb.Fatal(err)
	}
	return xml
}
