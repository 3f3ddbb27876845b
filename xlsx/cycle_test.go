package xlsx

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestCalcCircular(t *testing.T) {
	b, err := openFile(filepath.Join("testdata", "circular_openpyxl.xlsx"), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	tests := []struct {
		sheet, ref string
		want       string // "" for a circular reference
	}{
		{"S", "A1", ""}, // =B1+1 with B1 =A1+1: excelize says 2
		{"S", "B1", ""},
		{"S", "C4", ""}, // =SUM(C1:C4): excelize says 3
		{"S", "D1", ""}, // =A1*2: depends on a loop
		{"S", "E1", ""}, // =E1
		{"S", "G1", ""}, // ='Năm 2019'!A1+1, which is =S!G1
		{"Năm 2019", "A1", ""},
		{"S", "F1", "3"},
		{"S", "I1", "6"},
		{"S", "J1", "9"},
		{"S", "K1", "2"},  // =LEN("K1")
		{"S", "L1", "7"},  // =SUM(M:M)
		{"S", "N1", "10"}, // N2 and N3 both lead to M1
	}
	for _, tt := range tests {
		got, err := b.Calc(Sheet{Name: tt.sheet}, tt.ref)
		switch {
		case tt.want == "" && !errors.Is(err, ErrCircular):
			t.Errorf("%s!%s = %q, %v; want a circular reference", tt.sheet, tt.ref, got, err)
		case tt.want != "" && (err != nil || got != tt.want):
			t.Errorf("%s!%s = %q, %v; want %s", tt.sheet, tt.ref, got, err, tt.want)
		}
	}
	// The fixture's formulas have no cached values, as the reader sees.
	err = b.Rows(Sheet{Name: "S"}, func(r Row) error {
		for _, c := range r.Cells {
			if c.Formula && c.Cached {
				t.Errorf("%s has a cached value: the fixture is not openpyxl's", c.Ref)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestFormulaRefs(t *testing.T) {
	cell := func(sheet, ref string) sheetRange { return sheetRange{sheet: sheet, rng: rng(ref)} }
	tests := []struct {
		formula string
		want    []sheetRange
	}{
		{"B1+1", []sheetRange{cell("", "B1")}},
		{"SUM($C$1:C4)*2", []sheetRange{cell("", "C1:C4")}},
		{"SUM(C4:C1)", []sheetRange{cell("", "C1:C4")}},
		{"SUM(M:M)", []sheetRange{{rng: Range{13, 1, 13, maxRow}}}},
		{"SUM($3:5)", []sheetRange{{rng: Range{1, 3, maxCol, 5}}}},
		{"'Năm 2019'!A1+S!B2", []sheetRange{cell("Năm 2019", "A1"), cell("S", "B2")}},
		{"'It''s'!A1", []sheetRange{cell("It's", "A1")}},
		{"Năm2019!$E$5:$F$6", []sheetRange{cell("Năm2019", "E5:F6")}},
		{`LEN("K1")&"A1:B2"""`, nil},
		{"LOG10(100)+ATAN2(1,1)", nil},
		{"#REF!+#DIV/0!+#N/A", nil},
		{"1E+5+2019+1.5", nil},
		{"[1]S!A1+Table1[Col]", nil},
		{"'[2]Other'!A1", nil},
		{"IF(TRUE,A1,B1:C2)", []sheetRange{cell("", "A1"), cell("", "B1:C2")}},
		{"SUM(A1:INDEX(B:B,3))", []sheetRange{cell("", "A1"), {rng: Range{2, 1, 2, maxRow}}}},
		{"XFE1+A1048577+A0", nil},
		{"", nil},
		{"'unclosed", nil},
		{"S!", nil},
	}
	for _, tt := range tests {
		if got := formulaRefs(tt.formula); !slices.Equal(got, tt.want) {
			t.Errorf("formulaRefs(%q) = %v, want %v", tt.formula, got, tt.want)
		}
	}
}

// A running total down 2,000 rows, computed cell by cell as a reader
// does: each search stops at cells already known to lead to no loop. The
// same chain closed on itself is circular from every cell.
func TestCalcChain(t *testing.T) {
	const n = 2000
	for _, closed := range []bool{false, true} {
		var rows strings.Builder
		first := "1"
		if closed {
			first = fmt.Sprintf("A%d", n)
		}
		fmt.Fprintf(&rows, `<row r="1"><c r="A1"><f>%s</f></c></row>`, first)
		for r := 2; r <= n; r++ {
			fmt.Fprintf(&rows, `<row r="%d"><c r="A%d"><f>A%d+1</f></c></row>`, r, r, r-1)
		}
		b, err := openBytes(t, makeZip(t, skeleton(sheetXML(rows.String()), "")...), Limits{})
		if err != nil {
			t.Fatal(err)
		}
		s := b.Sheets()[0]
		for r := 1; r <= n; r += 97 {
			got, err := b.Calc(s, fmt.Sprintf("A%d", r))
			if closed && !errors.Is(err, ErrCircular) || !closed && (err != nil || got != fmt.Sprint(r)) {
				t.Fatalf("closed %v: A%d = %q, %v", closed, r, got, err)
			}
		}
		b.Close()
	}
}
