package docx

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// FuzzRead: whatever the bytes, reading a file as a Word document and
// filling its placeholders returns a document or an error, never panics
// and never runs away; a filled document reads again.
func FuzzRead(f *testing.F) {
	// Small seeds: minimizing an input of tens of kilobytes takes the
	// whole of a short run (TestParagraphs reads the python-docx ones).
	if b, err := os.ReadFile(filepath.Join("testdata", "word", "word.docx")); err == nil {
		f.Add(b)
	}
	f.Add(zipOf(f, minimal(`<w:p><w:r><w:t>{{TT_</w:t></w:r><w:r><w:t>BUOI}}</w:t></w:r></w:p><w:p><w:r><w:t>{{bang_tong_hop}}</w:t></w:r></w:p>`)))
	lim := Limits{MaxFileBytes: 1 << 20, MaxPartBytes: 1 << 20, MaxTotal: 4 << 20}
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := Parse(data, lim)
		if err != nil {
			var de *Error
			if !errors.As(err, &de) {
				t.Fatalf("Parse: %v is not a docx error", err)
			}
			return
		}
		if _, err := file.Paragraphs(); err != nil {
			return
		}
		out, err := file.Fill(func(name string, alone bool) (Value, error) {
			if alone {
				return Value{Table: &Table{Widths: []float64{10}, Rows: []Row{{Cells: []Cell{{}}}}}}, nil
			}
			return Value{Text: "<&" + name + ">"}, nil
		})
		if err != nil {
			return
		}
		again, err := Parse(out, Limits{MaxFileBytes: 8 << 20, MaxPartBytes: 8 << 20, MaxTotal: 32 << 20})
		if err != nil {
			t.Fatalf("a filled document does not open: %v", err)
		}
		if _, err := again.Paragraphs(); err != nil {
			t.Fatalf("a filled document does not read: %v", err)
		}
	})
}
