// Package submission reads submitted workbooks (biểu số liệu) in the wide and
// long layouts of FORMATS.md §2–3 into plain values: the units, the figures
// with the sheet and cell each came from, and the findings met while reading.
//
// It is the "read" room of the data flow: what the cells of a table mean.
// Package table finds each visible sheet's table (its header on one row or
// two, merged ranges applied); this package reads its labels (years as
// offices decorate them, plans, subtotals, measures), its numbers as the
// sheet shows them (number formats, Vietnamese text, exact money), and
// matches indicators and units. Its invariant is FORMATS.md §2.1's: every
// non-empty cell of a table is stored as exactly what a person reads on it,
// recognised as a label, or named in a finding (invariant_test.go). It never
// touches the database; cross-indicator rules and outliers are the check
// package's.
package submission

import (
	"sort"
	"strconv"

	"github.com/tongket/tongket/finding"
	"github.com/tongket/tongket/xlsx"
)

// Layout of a submission sheet.
type Layout string

// The two layouts of FORMATS.md.
const (
	Wide Layout = "wide"
	Long Layout = "long"
)

// Unit is a submitting unit as the file names it, and the code it resolved to.
type Unit struct {
	Code     string // as written (may be empty)
	Name     string // as written (may be empty)
	Sheet    string
	Cell     string // where the code (or else the name) was found
	Resolved string // the unit code in force, set by Resolve
}

// Figure is one reported value: a unit's indicator in a year, exact to 0.01.
//
// Its fields are small (40 bytes a figure, not 56): a long sheet holds a
// million of them. Excel has 16,384 columns, so a column fits in 16 bits.
type Figure struct {
	Indicator string
	Value     int64 // hundredths
	Unit      int32 // index into Submission.Units
	Year      int32
	Row       int32
	Col       int16
	Sheet     int16 // index into Submission.Sheets
}

// Cell returns the figure's cell reference on its sheet, e.g. "F12".
func (f Figure) Cell() string { return string(f.AppendCell(nil)) }

// Column returns the figure's column letters, e.g. "F".
func (f Figure) Column() string { return xlsx.ColumnName(int(f.Col)) }

// Column returns the total's column letters.
func (t Total) Column() string { return xlsx.ColumnName(t.Col) }

// AppendCell appends the figure's cell reference to b, for writers that
// build a record of many figures without a string for each.
func (f Figure) AppendCell(b []byte) []byte {
	b = append(b, xlsx.ColumnName(int(f.Col))...)
	return strconv.AppendInt(b, int64(f.Row), 10)
}

// Total is a "Tổng cộng" row's claimed total for one year column.
type Total struct {
	Year  int
	Value int64
	Row   int
	Col   int
	Sheet string
}

// Submission is everything read from one file.
type Submission struct {
	File     string
	SHA256   string
	Size     int64
	Layout   Layout
	Sheet    string   // the first sheet with a table
	Sheets   []string // every sheet a table was read from, in order; Figure.Sheet indexes it
	Template string   // template version from the _tongket sheet, if any
	Units    []Unit
	Figures  []Figure
	Totals   []Total
	Findings []finding.Finding

	// badYears marks (unit, indicator, year) whose cell had an error, so
	// totals and rules do not report the same problem twice.
	badCells map[cellKey]bool
}

type cellKey struct {
	unit      int
	indicator string
	year      int
}

// Valid reports whether the file has no error finding.
func (s *Submission) Valid() bool { return !finding.HasError(s.Findings) }

// Years returns the distinct years with at least one figure, ascending.
func (s *Submission) Years() []int {
	seen := map[int]bool{}
	var ys []int
	for _, f := range s.Figures {
		if y := int(f.Year); !seen[y] {
			seen[y] = true
			ys = append(ys, y)
		}
	}
	sort.Ints(ys)
	return ys
}

// SheetOf returns the name of the sheet a figure was read from.
func (s *Submission) SheetOf(f Figure) string {
	if int(f.Sheet) < len(s.Sheets) {
		return s.Sheets[f.Sheet]
	}
	return s.Sheet
}

// Where returns a figure's cell for history: "F12" on the first sheet with
// a table, "Năm 2014!F12" on another.
func (s *Submission) Where(f Figure) string {
	if f.Sheet == 0 {
		return f.Cell()
	}
	return s.SheetOf(f) + "!" + f.Cell()
}

// UnitCode returns the resolved code of a figure's unit.
func (s *Submission) UnitCode(f Figure) string { return s.Units[f.Unit].Resolved }

// HadError reports whether the cell for (unit, indicator, year) had an error
// while reading, so its value is unknown rather than missing.
func (s *Submission) HadError(unit int, indicator string, year int) bool {
	return s.badCells[cellKey{unit, indicator, year}]
}

func (s *Submission) add(f finding.Finding) { s.Findings = append(s.Findings, f) }

// SortFindings orders findings errors first, then top to bottom.
func (s *Submission) SortFindings() { finding.Sort(s.Findings) }
