package xlsx

import (
	"bytes"
	"fmt"
	"path/filepath"
	"slices"
	"testing"
)

// rowShow is what a test expects of a row's visibility.
type rowShow struct {
	num     int
	hidden  bool
	outline uint8
}

func TestHiddenRowsCols(t *testing.T) {
	cells := func(r int) string { return fmt.Sprintf(`<c r="A%d"><v>1</v></c><c r="C%d"><v>2</v></c>`, r, r) }
	tests := []struct {
		name     string
		head     string // what comes before <sheetData>
		rows     string
		want     []rowShow
		cols     []ColSpan
		filtered bool
	}{
		{name: "nothing hidden", rows: `<row r="1">` + cells(1) + `</row>`, want: []rowShow{{num: 1}}},
		{name: "hidden row",
			rows: `<row r="1">` + cells(1) + `</row><row r="2" hidden="1">` + cells(2) + `</row><row r="3" hidden="0">` + cells(3) + `</row>`,
			want: []rowShow{{num: 1}, {num: 2, hidden: true}, {num: 3}}},
		{name: "true and false, as LibreOffice writes",
			rows: `<row r="1" hidden="false" outlineLevel="0">` + cells(1) + `</row><row r="2" hidden="true" outlineLevel="0">` + cells(2) + `</row>`,
			want: []rowShow{{num: 1}, {num: 2, hidden: true}}},
		{name: "collapsed group",
			rows: `<row r="4" hidden="1" outlineLevel="2">` + cells(4) + `</row><row r="5" outlineLevel="1">` + cells(5) + `</row><row r="6" outlineLevel="9">` + cells(6) + `</row>`,
			want: []rowShow{{num: 4, hidden: true, outline: 2}, {num: 5, outline: 1}, {num: 6}}},
		{name: "rows without r",
			rows: `<row hidden="1">` + `<c><v>1</v></c>` + `</row><row><c><v>1</v></c></row>`,
			want: []rowShow{{num: 1, hidden: true}, {num: 2}}},
		{name: "hidden columns and a filter",
			head: `<sheetPr filterMode="1"/><cols><col min="1" max="1" width="9"/><col min="3" max="4" hidden="1"/><col min="7" max="5" hidden="true" outlineLevel="1"/><col min="x" max="9" hidden="1"/><col min="20000" max="20000" hidden="1"/></cols>`,
			rows: `<row r="1">` + cells(1) + `</row>`,
			want: []rowShow{{num: 1}}, cols: []ColSpan{{From: 3, To: 4}, {From: 5, To: 7, Outline: 1}}, filtered: true},
		{name: "rows and columns of no size",
			head: `<cols><col min="2" max="2" width="0" customWidth="1"/><col min="5" max="5" width="0.5"/><col min="6" max="6" width=" 0.00 "/></cols>`,
			rows: `<row r="1" ht="0" customHeight="1">` + cells(1) + `</row><row r="2" ht="0.75">` + cells(2) + `</row><row r="3" ht="12.8">` + cells(3) + `</row>`,
			want: []rowShow{{num: 1, hidden: true}, {num: 2}, {num: 3}}, cols: []ColSpan{{From: 2, To: 2, Zero: true}, {From: 6, To: 6, Zero: true}}},
		{name: "filterMode false", head: `<sheetPr filterMode="false"/><cols><col min="2" max="2" hidden="0"/></cols>`,
			rows: `<row r="1">` + cells(1) + `</row>`, want: []rowShow{{num: 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			xml := `<worksheet ` + nsMain + `>` + tt.head + `<sheetData>` + tt.rows + `</sheetData></worksheet>`
			b, err := openBytes(t, makeZip(t, skeleton(xml, "")...), Limits{})
			if err != nil {
				t.Fatal(err)
			}
			defer b.Close()
			var got []rowShow
			var views []*SheetView
			if err := b.Rows(b.Sheets()[0], func(r Row) error {
				got = append(got, rowShow{r.Num, r.Hidden, r.Outline})
				views = append(views, r.View)
				return nil
			}); err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("rows %+v, want %+v", got, tt.want)
			}
			for _, v := range views {
				if tt.cols == nil && !tt.filtered {
					if v != nil {
						t.Errorf("View %+v, want nil", *v)
					}
					continue
				}
				if v == nil || !slices.Equal(v.HiddenCols, tt.cols) || v.Filtered != tt.filtered {
					t.Errorf("View %+v, want cols %+v filtered %v", v, tt.cols, tt.filtered)
				}
			}
		})
	}
}

// TestHiddenFixtures reads what openpyxl and LibreOffice write for rows
// hidden by hand and in a collapsed group, and hidden columns; MergedRows
// and RowsMerges report the same.
func TestHiddenFixtures(t *testing.T) {
	want := []rowShow{{num: 1}, {num: 2}, {num: 3, hidden: true}, {num: 4}, {num: 5, hidden: true, outline: 1}, {num: 6, hidden: true, outline: 1}, {num: 7}, {num: 8}}
	wantCols := []ColSpan{{From: 3, To: 3}, {From: 5, To: 6, Outline: 1}}
	for _, tt := range []struct {
		file     string
		filtered bool
	}{{"hidden_openpyxl.xlsx", true}, {"hidden_libreoffice.xlsx", false}} {
		b, err := openFile(filepath.Join("testdata", tt.file), Limits{})
		if err != nil {
			t.Fatal(err)
		}
		s := b.Sheets()[0]
		for _, read := range []struct {
			name string
			fn   func(func(Row) error) error
		}{
			{"Rows", func(fn func(Row) error) error { return b.Rows(s, fn) }},
			{"MergedRows", func(fn func(Row) error) error { return b.MergedRows(s, fn) }},
			{"RowsMerges", func(fn func(Row) error) error { _, err := b.RowsMerges(s, fn); return err }},
		} {
			var got []rowShow
			if err := read.fn(func(r Row) error {
				got = append(got, rowShow{r.Num, r.Hidden, r.Outline})
				if !slices.Equal(r.View.HiddenCols, wantCols) || r.View.Filtered != tt.filtered {
					t.Errorf("%s %s row %d: View %+v", tt.file, read.name, r.Num, *r.View)
				}
				for _, c := range r.Cells {
					_, hidden := r.View.HiddenCol(c.Col)
					if hidden != (c.Col == 3 || c.Col == 5 || c.Col == 6) {
						t.Errorf("%s %s: %s hidden %v", tt.file, read.name, c.Ref, hidden)
					}
				}
				return nil
			}); err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, want) {
				t.Errorf("%s %s: rows %+v, want %+v", tt.file, read.name, got, want)
			}
		}
		b.Close()
	}
}

// TestHiddenMergedRows: a row MergedRows rebuilds (a merge is active) keeps
// its visibility; a row only covered cells fill is shown.
func TestHiddenMergedRows(t *testing.T) {
	xml := `<worksheet ` + nsMain + `><cols><col min="2" max="2" hidden="1"/></cols><sheetData>` +
		`<row r="1"><c r="A1"><v>1</v></c></row><row r="2" hidden="1" outlineLevel="1"><c r="A2"><v>2</v></c><c r="B2"><v>3</v></c></row>` +
		`</sheetData><mergeCells><mergeCell ref="A1:A3"/></mergeCells></worksheet>`
	b, err := openBytes(t, makeZip(t, skeleton(xml, "")...), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	var got []rowShow
	if err := b.MergedRows(b.Sheets()[0], func(r Row) error {
		got = append(got, rowShow{r.Num, r.Hidden, r.Outline})
		if _, ok := r.View.HiddenCol(2); !ok {
			t.Errorf("row %d: column B not hidden in %+v", r.Num, r.View)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if want := []rowShow{{num: 1}, {num: 2, hidden: true, outline: 1}, {num: 3}}; !slices.Equal(got, want) {
		t.Errorf("rows %+v, want %+v", got, want)
	}
}

func TestHiddenColsTooMany(t *testing.T) {
	var cols bytes.Buffer
	for i := 0; i <= maxCol; i++ {
		cols.WriteString(`<col min="1" max="1" hidden="1"/>`)
	}
	xml := `<worksheet ` + nsMain + `><cols>` + cols.String() + `</cols><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`
	b, err := openBytes(t, makeZip(t, skeleton(xml, "")...), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	err = b.Rows(b.Sheets()[0], func(Row) error { return nil })
	if ce, ok := err.(*ContainerError); !ok || ce.Code != CodeCorrupt {
		t.Fatalf("err = %v, want a corrupt ContainerError", err)
	}
}
