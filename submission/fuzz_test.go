package submission_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/tongket/tongket/submission"
)

// FuzzRead feeds arbitrary bytes, seeded with real submissions, through the
// whole reader: it must never panic, and a file it accepts must carry a unit
// and figures with cells.
func FuzzRead(f *testing.F) {
	for _, dir := range []string{"../demo/inbox", "../testdata/writers"} {
		paths, _ := filepath.Glob(filepath.Join(dir, "*.xlsx"))
		for _, p := range paths {
			if b, err := os.ReadFile(p); err == nil {
				f.Add(b)
			}
		}
	}
	f.Add([]byte{})
	f.Add([]byte("Mã chỉ tiêu,2019\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		sub := submission.ReadBytes("f.xlsx", data, opts())
		if sub.Valid() && len(sub.Figures) > 0 && len(sub.Units) == 0 {
			t.Fatal("figures without a unit")
		}
		for _, fg := range sub.Figures {
			if fg.Row <= 0 || fg.Col <= 0 {
				t.Fatalf("figure without a cell: %+v", fg)
			}
		}
	})
}

// FuzzHeader fuzzes the labels of a header row and a figure cell's text:
// header detection, year labels and number parsing together.
func FuzzHeader(f *testing.F) {
	f.Add("Mã chỉ tiêu", "Năm 2019", "2020", "1.234")
	f.Add("CHỈ TIÊU", "2019", "năm  2020", "3,5")
	f.Add("Mã chỉ tiêu", "Giá trị", "Năm", "-")
	f.Add("chi\u0309 tiêu", "2019", "2019", "khoảng 200")
	f.Fuzz(func(t *testing.T, label, y1, y2, value string) {
		rows := [][]any{
			{"Mã đơn vị: HP-X"},
			{"STT", label, y1, y2},
			{1, "TT_BUOI", value, 5},
		}
		sub := pipeline(t, "h.xlsx", book(t, sheet{name: "S", rows: rows}))
		for _, fd := range sub.Findings {
			if fd.Code == "" || fd.Text.VI == "" || fd.Text.EN == "" {
				t.Fatalf("finding without code or message: %+v", fd)
			}
		}
	})
}
