package roster

import (
	"os"
	"testing"
)

// FuzzRead feeds damaged workbooks to the reader: it must never panic,
// and a roster with entries must have a sheet.
func FuzzRead(f *testing.F) {
	for _, p := range []string{"testdata/openpyxl.xlsx", "testdata/openpyxl-loi.xlsx",
		"testdata/offices/printed-layout.xlsx", "testdata/offices/two-sheets.xlsx", "testdata/offices/date-1904.xlsx",
		"testdata/offices/month-first-mixed.xlsx"} {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add(book(f, "DS", standard()))
	f.Fuzz(func(t *testing.T, data []byte) {
		ro := ReadBytes("fuzz.xlsx", data, lists, now)
		if len(ro.Entries) > 0 && ro.Sheet == "" {
			t.Errorf("entries without a sheet")
		}
		for _, e := range ro.Entries {
			if e.Name == "" || e.Kind == "" || e.Form == "" || e.Organisation == "" || e.DecisionDate.IsZero() {
				t.Errorf("incomplete entry %+v", e)
			}
		}
	})
}

// FuzzParseDate: no panic, and a parsed date prints back to a date that
// parses to itself.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"01/08/2024", "31/02/2024", "2024-08-01T00:00:00", "ngày 1 tháng 8 năm 2024", "08/31/2024", "1/1/99"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, p := parseDate(s)
		if p != nil {
			return
		}
		back, p := parseDate(FormatDate(d))
		if p != nil || !back.Equal(d) {
			t.Errorf("%q → %v → %q → %v, %v", s, d, FormatDate(d), back, p)
		}
	})
}
