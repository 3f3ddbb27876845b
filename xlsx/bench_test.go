package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// benchBook builds a workbook like Excel writes it: rows of 10 cells
// (shared strings, integers, decimals, a formula with its cached value).
func benchBook(tb testing.TB, rows int) (data []byte, sheetSize int) {
	return benchBookTail(tb, rows, "")
}

// benchBookTail is benchBook with tail (e.g. <mergeCells>) after the
// sheet data.
func benchBookTail(tb testing.TB, rows int, tail string) (data []byte, sheetSize int) {
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
	sheet.WriteString(`</sheetData>` + tail + `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`)
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

// benchMerges merges A:B of every tenth row of a rows-row sheet, a label
// merged down the two rows below it: 2 merges every 10 rows.
func benchMerges(rows int) string {
	var sb bytes.Buffer
	fmt.Fprintf(&sb, `<mergeCells count="%d">`, rows/5)
	for r := 1; r+2 <= rows; r += 10 {
		fmt.Fprintf(&sb, `<mergeCell ref="A%d:B%d"/><mergeCell ref="C%d:C%d"/>`, r, r, r, r+2)
	}
	sb.WriteString(`</mergeCells>`)
	return sb.String()
}

// BenchmarkMerges measures the pre-pass of MergedRows on a 200,000-row
// sheet: inflate the part and search it for <mergeCells>, then parse the
// tail. Compare with BenchmarkRows200k, the same sheet streamed.
func BenchmarkMerges(b *testing.B) {
	const rows = 200_000
	for _, bc := range []struct {
		name string
		tail string
	}{{"none", ""}, {"40000", benchMerges(rows)}} {
		b.Run(bc.name, func(b *testing.B) {
			data, size := benchBookTail(b, rows, bc.tail)
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for b.Loop() {
				book, err := openBytes(b, data, Limits{})
				if err != nil {
					b.Fatal(err)
				}
				m, err := book.Merges(book.Sheets()[0])
				if err != nil || len(m) != strings.Count(bc.tail, "<mergeCell ") {
					b.Fatal(len(m), err)
				}
				book.Close()
			}
		})
	}
}

// BenchmarkRows200k is BenchmarkRows on the 200,000-row sheet, and
// MergedRows on it with and without 40,000 merges.
func BenchmarkRows200k(b *testing.B) {
	const rows = 200_000
	for _, bc := range []struct {
		name   string
		tail   string
		merged bool
	}{{"Rows", "", false}, {"MergedRows/none", "", true}, {"MergedRows/40000", benchMerges(rows), true}} {
		b.Run(bc.name, func(b *testing.B) {
			data, size := benchBookTail(b, rows, bc.tail)
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for b.Loop() {
				book, err := openBytes(b, data, Limits{})
				if err != nil {
					b.Fatal(err)
				}
				read := book.Rows
				if bc.merged {
					read = book.MergedRows
				}
				n := 0
				if err := read(book.Sheets()[0], func(r Row) error { n += len(r.Cells); return nil }); err != nil || n < rows*10 {
					b.Fatal(n, err)
				}
				book.Close()
			}
		})
	}
}
