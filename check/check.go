// Package check applies the catalog's rules to a read submission: per-cell
// rules (negative values, whole numbers), claimed totals, the cross-indicator
// rules of FORMATS.md §1 (evaluated from catalog data, never hard-coded),
// outlier warnings against the unit's other years, and, where the unit list
// has history (FORMATS.md §10), figures of a unit that had ceased and a
// stock reported by both sides of a change.
//
// It is the "check" room of the data flow: it reads figures already stored
// and units' lives only through the History (and Lineage) interface and
// never writes anything.
package check

import (
	"cmp"
	"slices"
	"sort"

	"github.com/tongket/tongket/catalog"
	"github.com/tongket/tongket/finding"
	"github.com/tongket/tongket/lang"
	"github.com/tongket/tongket/submission"
	"github.com/tongket/tongket/vn"
)

// Series is a unit's figures in force: indicator → year → hundredths.
type Series map[string]map[int]int64

// History gives the figures already in force for a unit, so rules and
// outliers see the years a file does not carry.
type History interface {
	Figures(unit string) (Series, error)
}

// NoHistory is a History with nothing stored.
type NoHistory struct{}

// Figures returns nothing.
func (NoHistory) Figures(string) (Series, error) { return nil, nil }

// Run checks a submission whose units are resolved and appends its findings.
func Run(sub *submission.Submission, cat *catalog.Catalog, hist History) error {
	if hist == nil {
		hist = NoHistory{}
	}
	c := checker{sub: sub, cat: cat}
	c.cells()
	c.totals()
	c.duplicates()
	if err := c.perUnit(hist); err != nil {
		return err
	}
	if l, ok := hist.(Lineage); ok {
		if err := c.lineage(l, hist); err != nil {
			return err
		}
	}
	sub.SortFindings()
	return nil
}

type checker struct {
	sub     *submission.Submission
	cat     *catalog.Catalog
	byPlace map[place]submission.Figure // the file's figures, once lineage needs them
}

func (c *checker) add(f finding.Finding) { c.sub.Findings = append(c.sub.Findings, f) }

// at builds a finding located at a figure's cell.
func (c *checker) at(sev finding.Severity, code string, fg submission.Figure, t lang.Text) finding.Finding {
	f := finding.New(sev, code, t).At(c.sub.SheetOf(fg), fg.Column(), int(fg.Row))
	f.Indicator, f.Year, f.Value = fg.Indicator, int(fg.Year), vn.FormatDecimal(fg.Value)
	return f
}

func (c *checker) ctx(fg submission.Figure) lang.Text {
	ind, _ := c.cat.ByCode(fg.Indicator)
	return lang.F("Ô %s (%s, năm %d)", "Cell %s (%s, year %d)", fg.Cell(), ind.Name, int(fg.Year))
}

// cells applies the per-cell rules of the indicator's kind.
func (c *checker) cells() {
	for _, fg := range c.sub.Figures {
		ind, _ := c.cat.ByCode(fg.Indicator)
		if fg.Value < 0 {
			c.add(c.at(finding.Error, finding.NegativeValue, fg, lang.Join(": ", c.ctx(fg), lang.F(
				"số âm %s không hợp lệ. Số liệu phải từ 0 trở lên; hãy nhập %s nếu dấu trừ là gõ nhầm.",
				"the negative number %s is not allowed. Figures are 0 or more; type %s if the minus sign is a typo.",
				vn.FormatDecimal(fg.Value), vn.FormatDecimal(-fg.Value)))))
			continue
		}
		if ind.Kind == catalog.Count && fg.Value%100 != 0 {
			c.add(c.at(finding.Error, finding.NotWhole, fg, lang.Join(": ", c.ctx(fg), lang.F(
				"%s không phải số nguyên, mà chỉ tiêu này đếm %s. Hãy nhập số nguyên, ví dụ %s.",
				"%s is not a whole number, and this indicator counts %s. Type a whole number, e.g. %s.",
				vn.FormatDecimal(fg.Value), ind.Unit, vn.FormatInt(roundHundredths(fg.Value))))))
		}
	}
}

func roundHundredths(h int64) int64 {
	if h < 0 {
		return -roundHundredths(-h)
	}
	return (h + 50) / 100
}

// totals compares each "Tổng cộng" cell with the sum of its column.
func (c *checker) totals() {
	if len(c.sub.Totals) == 0 {
		return
	}
	sums := map[int]int64{}
	bad := map[int]bool{}
	for _, fg := range c.sub.Figures {
		sums[int(fg.Year)] += fg.Value
	}
	for _, f := range c.sub.Findings {
		if f.Severity == finding.Error && f.Year != 0 {
			bad[f.Year] = true
		}
	}
	for _, t := range c.sub.Totals {
		if bad[t.Year] || sums[t.Year] == t.Value {
			continue
		}
		col := t.Column()
		f := finding.New(finding.Error, finding.TotalMismatch, lang.F(
			"Ô %s%d (Tổng cộng, năm %d) ghi %s nhưng cộng các dòng trong cột được %s. Hãy sửa lại tổng (hoặc dùng công thức =SUM) hoặc kiểm tra các số trong cột.",
			"Cell %s%d (Total, year %d) says %s but the rows of the column add up to %s. Correct the total (or use =SUM) or check the figures in the column.",
			col, t.Row, t.Year, vn.FormatDecimal(t.Value), vn.FormatDecimal(sums[t.Year]))).At(cmp.Or(t.Sheet, c.sub.Sheet), col, t.Row)
		f.Year, f.Value = t.Year, vn.FormatDecimal(t.Value)
		c.add(f)
	}
}

// perUnit runs the cross-indicator rules and outlier detection for each unit
// of the file, on the file's figures laid over the unit's stored ones.
func (c *checker) perUnit(hist History) error {
	// Figures are grouped by unit as indexes, not copies: a million-row
	// long sheet must not be held twice.
	byUnit := make([][]int32, len(c.sub.Units))
	var order []int
	for i, fg := range c.sub.Figures {
		if byUnit[int(fg.Unit)] == nil {
			order = append(order, int(fg.Unit))
		}
		byUnit[int(fg.Unit)] = append(byUnit[int(fg.Unit)], int32(i))
	}
	var figs []submission.Figure
	for _, u := range order {
		code := c.sub.Units[u].Resolved
		var stored Series
		if code != "" {
			var err error
			if stored, err = hist.Figures(code); err != nil {
				return err
			}
		}
		figs = figs[:0]
		for _, i := range byUnit[u] {
			figs = append(figs, c.sub.Figures[i])
		}
		byUnit[u] = nil
		v := newView(stored, figs)
		c.rules(u, v)
		c.outliers(u, v)
	}
	return nil
}

// view is a unit's figures: the file's over the stored ones.
type view struct {
	values Series
	cells  map[string]map[int]submission.Figure // figures from the file
	years  []int                                // years the file carries
}

func newView(stored Series, figs []submission.Figure) *view {
	// The years first, so that every map is made at its size: growing
	// them was much of a check's time.
	v := &view{}
	for _, fg := range figs {
		if !slices.Contains(v.years, int(fg.Year)) { // a file carries a dozen years at most
			v.years = append(v.years, int(fg.Year))
		}
	}
	sort.Ints(v.years)
	v.values = make(Series, len(stored)+len(figs)/max(len(v.years), 1))
	v.cells = make(map[string]map[int]submission.Figure, len(figs)/max(len(v.years), 1))
	for ind, ys := range stored {
		m := make(map[int]int64, len(ys)+len(v.years))
		for y, x := range ys {
			m[y] = x
		}
		v.values[ind] = m
	}
	for _, fg := range figs {
		if v.values[fg.Indicator] == nil {
			v.values[fg.Indicator] = make(map[int]int64, len(v.years))
		}
		if v.cells[fg.Indicator] == nil {
			v.cells[fg.Indicator] = make(map[int]submission.Figure, len(v.years))
		}
		v.values[fg.Indicator][int(fg.Year)] = fg.Value
		v.cells[fg.Indicator][int(fg.Year)] = fg
	}
	return v
}

// operand evaluates a rule operand for a year; ok is false when unknown.
func (v *view) operand(o catalog.Operand, year int) (int64, bool) {
	if o.Indicator == "" {
		return o.Constant, true
	}
	ys := v.values[o.Indicator]
	if !o.Cumulative {
		x, ok := ys[year]
		return x, ok
	}
	var sum int64
	known := false
	for y, x := range ys {
		if y <= year {
			sum += x
			known = true
		}
	}
	return sum, known
}

// duplicates finds one unit's figure given twice where the file names the
// unit in two ways (code on one row, name on another): the reader sees two
// units, resolution shows they are one.
func (c *checker) duplicates() {
	// Only units written two ways (the same resolved code twice) can repeat
	// each other's rows; most files have none, so no figure is indexed.
	units := map[string][]int{}
	for i, u := range c.sub.Units {
		if u.Resolved != "" {
			units[u.Resolved] = append(units[u.Resolved], i)
		}
	}
	shared := map[int]bool{}
	for _, us := range units {
		if len(us) > 1 {
			for _, u := range us {
				shared[u] = true
			}
		}
	}
	if len(shared) == 0 {
		return
	}
	type key struct {
		unit, ind string
		year      int
	}
	first := map[key]submission.Figure{}
	for _, fg := range c.sub.Figures {
		if !shared[int(fg.Unit)] {
			continue
		}
		k := key{c.sub.UnitCode(fg), fg.Indicator, int(fg.Year)}
		prev, dup := first[k]
		if !dup {
			first[k] = fg
			continue
		}
		if prev.Unit == fg.Unit {
			continue // same unit as written: the reader reported it already
		}
		f := c.at(finding.Error, finding.DuplicateRow, fg, lang.F(
			"Dòng %d trùng với dòng %d: cùng đơn vị %s (ghi theo hai cách), chỉ tiêu %s, năm %d. Hãy xóa một dòng.",
			"Row %d repeats row %d: the same unit %s (written two ways), indicator %s, year %d. Delete one of them.",
			int(fg.Row), prev.Row, k.unit, fg.Indicator, int(fg.Year)))
		c.add(f)
	}
}
