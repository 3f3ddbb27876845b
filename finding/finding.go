// Package finding defines the validation finding: one problem in one submitted
// file, located by sheet and cell, with a stable code and a message in both
// languages that says what is wrong and what to type instead.
//
// Readers and checks produce findings; intake decides from them whether a file
// may be stored; renderers print them. Codes are the stable kebab-case names of
// FORMATS.md §7.
package finding

import (
	"sort"
	"strconv"

	"github.com/tongket/tongket/lang"
)

// Severity of a finding: an error blocks the file, a warning does not.
type Severity string

// The two severities.
const (
	Error   Severity = "error"
	Warning Severity = "warning"
)

// Stable finding codes (FORMATS.md §7). Where Frictionless Data has a name for
// the same thing, it is used.
const (
	BlankHeader        = "blank-header"
	DuplicateLabel     = "duplicate-label"
	MissingLabel       = "missing-label"
	TypeError          = "type-error"
	ConstraintError    = "constraint-error"
	DuplicateRow       = "duplicate-row"
	NotXLSX            = "not-xlsx"
	CorruptFile        = "corrupt-file"
	TooLarge           = "too-large"
	NoTable            = "no-table"
	NoYears            = "no-years"
	MissingUnit        = "missing-unit"
	UnknownUnit        = "unknown-unit"
	UnknownIndicator   = "unknown-indicator"
	DuplicateIndicator = "duplicate-indicator"
	DuplicateYear      = "duplicate-year"
	AmbiguousNumber    = "ambiguous-number"
	NegativeValue      = "negative-value"
	NotWhole           = "not-whole"
	YearOutOfRange     = "year-out-of-range"
	FormulaError       = "formula-error"
	TotalMismatch      = "total-mismatch"
	TemplateVersion    = "template-version"
	Encrypted          = "encrypted"
	RuleViolation      = "rule-violation"
	Outlier            = "outlier"
	NameMismatch       = "name-mismatch"
	UnitMismatch       = "unit-mismatch"
	LegacyEncoding     = "legacy-encoding"
	// No cell left behind (FORMATS.md §2.1).
	MergedFigure      = "merged-figure"      // one value merged over several year cells
	MeasureMismatch   = "measure-mismatch"   // a stated measure the figures cannot be converted from
	MeasureConverted  = "measure-converted"  // warning: money converted to the catalog's triệu đồng
	CodeNameConflict  = "code-name-conflict" // a code and the exact name of another indicator
	ConflictingFigure = "conflicting-figure" // two sheets give one figure different values
	Estimate          = "estimate"           // warning: figures read under an estimate mark
	YearMark          = "year-mark"          // warning: figures read under a year with a mark
	PlanSkipped       = "plan-skipped"       // warning: a plan column, not stored
	ScaledFormat      = "scaled-format"      // warning: read through a number format that scales
	UnreadColumn      = "unread-column"      // warning: numbers under a header that is not a year
	SecondHeader      = "second-header"      // a second table under the first, with other years
	HiddenCell        = "hidden-cell"        // a figure or an entry in a row or column the sheet hides
	// Units that change (FORMATS.md §10).
	UnitCeased        = "unit-ceased"        // figures for a year after the unit ceased
	SuccessionOverlap = "succession-overlap" // warning: a stock of the year of a change from both sides
	// No entry left behind (FORMATS.md §4.1).
	DateOrder      = "date-order"      // date cells shown month first beside day-first text dates
	CombinedColumn = "combined-column" // warning: "Chức vụ, đơn vị công tác" kept whole in one field
)

// Finding is one problem found in a submitted file. The JSON shape is
// FORMATS.md §7; Message is filled in the chosen language by Localize.
type Finding struct {
	Severity  Severity  `json:"severity"`
	Code      string    `json:"code"`
	Sheet     string    `json:"sheet,omitempty"`
	Cell      string    `json:"cell,omitempty"`
	Row       int       `json:"row,omitempty"`
	Column    string    `json:"column,omitempty"`
	Indicator string    `json:"indicator,omitempty"`
	Year      int       `json:"year,omitempty"`
	Value     string    `json:"value,omitempty"`
	Message   string    `json:"message"`
	Text      lang.Text `json:"-"`
}

// Localize sets Message to the wording in l.
func (f *Finding) Localize(l lang.Lang) { f.Message = f.Text.In(l) }

// Where returns "Sheet1!F12", "Sheet1" or "" for the text output.
func (f Finding) Where() string {
	switch {
	case f.Sheet != "" && f.Cell != "":
		return f.Sheet + "!" + f.Cell
	case f.Sheet != "":
		return f.Sheet
	}
	return f.Cell
}

// At places a finding at a cell given by column letters and row number.
func (f Finding) At(sheet, column string, row int) Finding {
	f.Sheet, f.Column, f.Row = sheet, column, row
	if column != "" && row > 0 {
		f.Cell = column + strconv.Itoa(row)
	}
	return f
}

// New makes a finding with a code, severity and message.
func New(sev Severity, code string, t lang.Text) Finding {
	return Finding{Severity: sev, Code: code, Text: t}
}

// Sort orders findings errors first, then by row and column, so a report
// reads top to bottom within each severity.
func Sort(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Severity != b.Severity {
			return a.Severity == Error
		}
		if a.Row != b.Row {
			return a.Row < b.Row
		}
		return len(a.Column) < len(b.Column) || (len(a.Column) == len(b.Column) && a.Column < b.Column)
	})
}

// Count returns the number of errors and warnings in fs.
func Count(fs []Finding) (errors, warnings int) {
	for _, f := range fs {
		if f.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return
}

// HasError reports whether any finding is an error.
func HasError(fs []Finding) bool {
	e, _ := Count(fs)
	return e > 0
}
