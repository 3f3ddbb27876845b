package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// benchBook builds a workbook like Excel writes it: rows of 10 cells
// (shared strings, integers, decimals, a formula with its cached value).
func benchBook(tb testing.TB, rows int) (data []byte, sheetSize int) {
	tb.Helper()
	var sheet bytes.Buffer
	sheet.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<worksheet ` + nsMain + ` ` + nsRel + ` xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"><dimension ref="A1:J` +
		strconv.Itoa(rows) + `"/><sheetData>`)
	for r := 1; r <= rows; r++ {
		n := strconv.Itoa(r)
		fmt.Fprintf(&sheet, `<row r="%s" spans="1:10" x14ac:dyDescent="0.25">`, n)
		fmt.Fprintf(&sheet, `<c r="A%s" s="1" t="s"><v>%d</v></c>`, n, r%1000)
		fmt.Fprintf(&sheet, `<c r="B%s" t="s"><v>%d</v></c>`, n, (r*7)%1000)
		fmt.Fprintf(&sheet, `<c r="C%s" s="2"><v>%d</v></c>`, n, 2013+r%12)
		for col := 'D'; col <= 'H'; col++ {
			fmt.Fprintf(&sheet, `<c r="%c%s" s="3"><v>%d.%d</v></c>`, col, n, r*31%100000, r%97)
		}
		fmt.Fprintf(&sheet, `<c r="I%s" s="3"><v>0.1</v></c>`, n)
		fmt.Fprintf(&sheet, `<c r="J%s" s="3"><f>SUM(D%s:H%s)</f><v>%d</v></c>`, n, n, n, r)
		sheet.WriteString(`</row>`)
	}
	sheet.WriteString(`</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`)
	var sst bytes.Buffer
	for i := 0; i < 1000; i++ {
		fmt.Fprintf(&sst, `<si><t>Chỉ tiêu số %d</t></si>`, i)
	}
	ps := skeleton(sheet.String(), sst.String())
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range ps {
		w, err := zw.Create(p.name)
		if err != nil {
			tb.Fatal(err)
		}
		w.Write([]byte(p.body))
	}
	zw.Close()
	return buf.Bytes(), sheet.Len()
}

// BenchmarkRows streams a 100,000-row, 10-column sheet.
func BenchmarkRows(b *testing.B) {
	const rows = 100_000
	data, size := benchBook(b, rows)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		book, err := openBytes(b, data, Limits{})
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		err = book.Rows(book.Sheets()[0], func(r Row) error {
			n += len(r.Cells)
			return nil
		})
		if err != nil || n != rows*10 {
			b.Fatal(n, err)
		}
		book.Close()
	}
	b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkSmallFile opens and reads a small real workbook, the common
// case of a folder of submissions.
func BenchmarkSmallFile(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("testdata", "libreoffice.xlsx"))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := openAndRead(b, data, Limits{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "files/s")
}
