// Package tabletest makes damaged workbooks for the tests of the readers
// built on package table: a sheet cut off part-way, as a copy interrupted
// mid-transfer or a disk that filled up leaves it.
package tabletest

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"
)

// CutSheet returns data (an .xlsx) with the XML of the zip part named
// part ("xl/worksheets/sheet1.xml") ending right after the first
// occurrence of at, e.g. `<row r="12"`: the rows above stay readable, the
// row at the cut is left open and everything after is gone. The zip
// itself stays sound, so only the sheet's XML tells of the damage.
func CutSheet(tb testing.TB, data []byte, part, at string) []byte {
	tb.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		tb.Fatalf("CutSheet: %v", err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	cut := false
	for _, f := range zr.File {
		body := readPart(tb, f)
		if f.Name == part {
			i := strings.Index(string(body), at)
			if i < 0 {
				tb.Fatalf("CutSheet: %q not in %s", at, part)
			}
			body, cut = body[:i+len(at)], true
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate})
		if err != nil {
			tb.Fatalf("CutSheet: %v", err)
		}
		if _, err := w.Write(body); err != nil {
			tb.Fatalf("CutSheet: %v", err)
		}
	}
	if err := zw.Close(); err != nil {
		tb.Fatalf("CutSheet: %v", err)
	}
	if !cut {
		tb.Fatalf("CutSheet: no part %s", part)
	}
	return buf.Bytes()
}

func readPart(tb testing.TB, f *zip.File) []byte {
	rc, err := f.Open()
	if err != nil {
		tb.Fatalf("CutSheet: %s: %v", f.Name, err)
	}
	defer rc.Close()
	body, err := io.ReadAll(rc)
	if err != nil {
		tb.Fatalf("CutSheet: %s: %v", f.Name, err)
	}
	return body
}
