package xlsx

import (
	"fmt"
	"strings"
	"testing"
)

// TestLastRow: Row.LastRow is the sheet's declared last row, capped by how
// many rows the part's size can hold, and 0 without a <dimension>.
func TestLastRow(t *testing.T) {
	rows := `<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>`
	padding := strings.Repeat(`<row r="3"/>`, 3000) // empty rows: bytes, no cells
	tests := []struct {
		name, dimension, extra string
		want                   int
	}{
		{"declared", `<dimension ref="A1:F900"/>`, padding, 900},
		{"a single cell", `<dimension ref="A1"/>`, "", 1},
		{"none", ``, padding, 0},
		{"more rows than the part can hold", `<dimension ref="A1:XFD1048576"/>`, "", 0}, // set below
		{"damaged", `<dimension ref="A1:??"/>`, padding, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			xml := `<?xml version="1.0" encoding="UTF-8"?><worksheet ` + nsMain + `>` + tt.dimension +
				`<sheetData>` + rows + tt.extra + `</sheetData></worksheet>`
			want := tt.want
			if tt.name == "more rows than the part can hold" {
				want = len(xml) / 27
			}
			b, err := openBytes(t, makeZip(t, skeleton(xml, "")...), Limits{})
			if err != nil {
				t.Fatal(err)
			}
			defer b.Close()
			var got []int
			if err := b.Rows(b.Sheets()[0], func(r Row) error { got = append(got, r.LastRow); return nil }); err != nil {
				t.Fatal(err)
			}
			if len(got) != 2 || got[0] != want || got[1] != want {
				t.Errorf("LastRow = %v, want %d on both rows", got, want)
			}
		})
	}
}

// TestLastRowEstimated: a sheet that declares no size, or a size its rows
// have outgrown (excelize's stream writer declares "A1"), gets LastRow
// estimated once its first rows are read, close to the rows it holds.
func TestLastRowEstimated(t *testing.T) {
	const n = 20000
	var rows strings.Builder
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&rows, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>TT_BUOI</t></is></c><c r="B%d"><v>%d</v></c></row>`, i, i, i, i*37)
	}
	for _, dim := range []string{``, `<dimension ref="A1"/>`} {
		xml := `<?xml version="1.0" encoding="UTF-8"?><worksheet ` + nsMain + `>` + dim + `<sheetData>` + rows.String() + `</sheetData></worksheet>`
		b, err := openBytes(t, makeZip(t, skeleton(xml, "")...), Limits{})
		if err != nil {
			t.Fatal(err)
		}
		var early, late int
		if err := b.Rows(b.Sheets()[0], func(r Row) error {
			switch r.Num {
			case 100:
				early = r.LastRow
			case n:
				late = r.LastRow
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		b.Close()
		if early > 1 || late < n*9/10 || late > n*5/4 { // early rows are shorter (fewer digits): a little over
			t.Errorf("dimension %q: LastRow %d at row 100, %d at the end; want the declared (0 or 1) then about %d", dim, early, late, n)
		}
	}
}
