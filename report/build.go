package report

import (
	"strconv"
	"strings"

	"github.com/tongket/tongket/lang"
	"github.com/tongket/tongket/roster"
	"github.com/tongket/tongket/summary"
	"github.com/tongket/tongket/vn"
)

// Options choose the narrative and the chart of the report, and the
// officer's own files.
type Options struct {
	Narrative *Narrative // nil: the embedded templates/report.vi.tmpl
	Chart     string     // code of the indicator charted by year (an error if absent); "" for TT_BUOI
	// Sections is the officer's sections file (FORMATS.md §8): read when
	// it exists, made when it does not and a report is written; "" none.
	Sections string
	// Template is the officer's Word template (--docx-template, §9): the
	// .docx is it, filled, instead of the built-in outline; "" none.
	Template string
	// Roster is the period's roster export, for {{khen_thuong}} and
	// {{bang_khen_thuong}}; nil: the line from the summary's counts.
	Roster *roster.Export
	// Progress, if set, hears how many files of how many WriteOutputs
	// has written.
	Progress func(done, total int)
}

// PDFOptions are the options of the PDF report (the same as every
// report's).
type PDFOptions = Options

// Appendix is a numbered appendix: a table, notes under it, and a chart.
type Appendix struct {
	Label string // "Phụ lục I"
	Title string // its name; "\n" breaks it
	Table *Table
	Notes []string // in italics under the table
	Chart *Chart   // nil for none
}

// Table is a table of text cells as every drawer draws it: the header
// rows, which repeat on every page, the body rows, and how its columns
// take their widths (Fit).
type Table struct {
	Head []string
	// Over is a header row above Head whose cells span columns: the
	// counts table's kinds over their forms. A column under no span has
	// its Head cell merged down over both rows.
	Over    []HeadSpan
	Numbers bool // a row (1), (2), … under the header
	Rows    []Row
	Align   []int    // per column: alignLeft, alignCenter, alignRight
	Wrap    []bool   // per column: its cells may wrap (headings always may)
	BoldCol []bool   // per column, optional: its cells are bold
	NameCol int      // the column that takes the width left over
	MinText []string // per column, optional: text the column is at least as wide as
	// Spread gives the width the name column does not need to the
	// columns after it, whose headings then wrap less.
	Spread bool
	Fit    TableFit
	Shares []float64 // FitRoster: each column's preferred part of the width
}

// HeadSpan is a heading over the Head columns From to To.
type HeadSpan struct {
	Text     string
	From, To int
}

// Row is a body row of a table.
type Row struct {
	Cells        []string
	Bold, Italic bool
	// Across makes the row one cell across the table holding Cells[0]: a
	// section ("I. TẬP THỂ") or a group's title.
	Across bool
	// Join is how many columns the first cell spans (0 or 1: its own):
	// "Tổng cộng" over STT and the name.
	Join int
}

// TableFit is the rule a table's columns are sized by, in the PDF and in
// Word alike.
type TableFit int

// Sizing rules.
const (
	// FitAppendix tries font sizes from 10 pt down until the name column
	// gets its minimum width; an appendix that does not fit portrait is
	// laid out landscape.
	FitAppendix TableFit = iota
	// FitRoster gives each column its share of a landscape page, from
	// 11 pt down.
	FitRoster
	// FitCounts sizes the numbers evenly and the names to fit, centred.
	FitCounts
)

// Chart is a bar chart of one indicator by year.
type Chart struct {
	Caption string
	Unit    string
	Stock   bool
	Years   []int
	Values  []summary.Amount
	Known   []bool // the year has a figure
	Marked  []bool // the year lacks a unit's report (FORMATS.md §5.1)
	Note    string // under the chart
}

// BuildOutline builds the report of a summary as an outline: the
// narrative's body and the appendices (FORMATS.md §8).
func BuildOutline(s *summary.Summary, d Document, opt Options) (*Outline, error) {
	n := opt.Narrative
	if n == nil {
		var err error
		if n, err = LoadNarrative(""); err != nil {
			return nil, err
		}
	}
	text, err := n.Render(s, d, opt.Chart)
	if err != nil {
		return nil, err
	}
	o := &Outline{Title: text.Title, Body: parseOutline(text.Body)}
	o.Appendices = []Appendix{byYearAppendix(s, text, opt.Chart), byUnitAppendix(s, text)}
	return o, nil
}

// byYearAppendix is Phụ lục I: every indicator by year, the period total,
// and the previous period with the change where the two compare; years
// lacking a unit's report are marked and the units named; then the chart.
func byYearAppendix(s *summary.Summary, text NarrativeText, chart string) Appendix {
	marked := map[int]bool{}
	years, _ := incompleteYears(s)
	for _, y := range years {
		marked[y] = true
	}
	compares := false
	for _, ind := range s.Indicators {
		compares = compares || ind.Change != nil
	}
	t := &Table{Head: []string{"STT", "Chỉ tiêu", "Đơn vị tính"}, NameCol: 1, Numbers: true}
	t.Align = []int{alignCenter, alignLeft, alignCenter}
	t.Wrap = []bool{false, true, true}
	t.MinText = []string{"", "", "lượt người"} // a unit of measure wraps only when longer
	for y := s.Period.From; y <= s.Period.To; y++ {
		h := strconv.Itoa(y)
		if marked[y] {
			h += " (*)"
		}
		t.Head = append(t.Head, h)
	}
	t.Head = append(t.Head, "Tổng "+periodText(s.Period))
	if compares {
		t.Head = append(t.Head, "Giai đoạn "+periodDash(s.Period.Previous()), "Tăng/ giảm")
	}
	for len(t.Align) < len(t.Head) {
		t.Align, t.Wrap = append(t.Align, alignRight), append(t.Wrap, false)
	}
	dec := moneyDecimals(s)
	for i, ind := range s.Indicators {
		money := isMoney(ind)
		row := []string{strconv.Itoa(i + 1), oneLine(ind.Name), oneLine(ind.Unit)}
		for y := s.Period.From; y <= s.Period.To; y++ {
			v, ok := ind.Year(y)
			row = append(row, cellAmount(v, ok, money, dec))
		}
		row = append(row, cellAmountPtr(ind.Total, money, dec))
		if compares {
			prev, change := "", ""
			if c, ok := changePercent(ind); ok {
				prev, change = cellAmountPtr(ind.Previous.Total, money, dec), Percent(c, true)
			}
			row = append(row, prev, change)
		}
		t.Rows = append(t.Rows, Row{Cells: row})
	}
	notes := []string{"Ghi chú: “" + pdfNA + "” là chưa có số liệu (đơn vị chưa báo cáo), khác với số 0. " +
		"Chỉ tiêu thời điểm (mô hình đang hoạt động, xã, phường có mô hình, camera) " +
		"ghi số có đến cuối từng năm; tổng giai đoạn là số cuối giai đoạn."}
	if n := incompleteNote(s, lang.VI); n != "" {
		notes = append(notes, n)
	}
	if c := comparisonNote(s, lang.VI); c != "" {
		notes = append(notes, c)
	} else if compares {
		notes = append(notes, "Hai giai đoạn đều có từ 90% số liệu trở lên nên được so sánh.")
	}
	return Appendix{Label: "Phụ lục I", Title: strings.ToUpper(text.Appendix), Table: t, Notes: notes, Chart: yearChart(s, text.Chart, chart, marked)}
}

// yearChart is the chart of the chosen indicator (DefaultChart when ""),
// nil when it has no figure.
func yearChart(s *summary.Summary, caption, code string, marked map[int]bool) *Chart {
	if code == "" {
		code = DefaultChart
	}
	for _, ind := range s.Indicators {
		if !strings.EqualFold(ind.Code, code) || len(ind.ByYear) == 0 {
			continue
		}
		c := &Chart{Caption: caption, Unit: oneLine(ind.Unit), Stock: ind.Agg == "last"}
		for y := s.Period.From; y <= s.Period.To; y++ {
			v, ok := ind.Year(y)
			c.Years = append(c.Years, y)
			c.Values = append(c.Values, v)
			c.Known = append(c.Known, ok)
			c.Marked = append(c.Marked, marked[y])
		}
		c.Note = "Đơn vị tính: " + c.Unit + "; “" + pdfNA + "”: chưa có số liệu."
		if len(marked) > 0 {
			c.Note += " Cột có dấu (*): năm chưa đủ báo cáo của các đơn vị (xem ghi chú ở bảng), không phải số liệu giảm."
		}
		return c
	}
	return nil
}

// byUnitAppendix is Phụ lục II: each unit's figure for every indicator
// over the period (flows add the years, stocks take the latest), and the
// total.
func byUnitAppendix(s *summary.Summary, text NarrativeText) Appendix {
	t := &Table{Head: []string{"STT", "Đơn vị"}, NameCol: 1, Spread: true, Numbers: true}
	t.Align = []int{alignCenter, alignLeft}
	t.Wrap = []bool{false, true}
	dec := moneyDecimals(s)
	stocks := false
	for _, ind := range s.Indicators {
		h := oneLine(ind.Name) + " (" + oneLine(ind.Unit) + ")"
		if ind.Agg == "last" {
			h += " (*)"
			stocks = true
		}
		t.Head = append(t.Head, h)
		t.Align, t.Wrap = append(t.Align, alignRight), append(t.Wrap, false)
	}
	rows := unitRowsOf(s)
	money := make([]bool, len(s.Indicators))
	for j, ind := range s.Indicators {
		money[j] = isMoney(ind)
	}
	for i, u := range rows {
		row := make([]string, 0, len(t.Head))
		row = append(row, strconv.Itoa(i+1), oneLine(u.name))
		for j, ind := range s.Indicators {
			v, ok := ind.ByUnit[u.code]
			row = append(row, estimated(cellAmount(v, ok, money[j], dec), &ind, u.code))
		}
		t.Rows = append(t.Rows, Row{Cells: row})
	}
	total := []string{"", "Tổng cộng"}
	for j, ind := range s.Indicators {
		total = append(total, cellAmountPtr(ind.Total, money[j], dec))
	}
	t.Rows = append(t.Rows, Row{Cells: total, Bold: true})
	note := "Ghi chú: “" + pdfNA + "” là đơn vị chưa có số liệu (khác với số 0); chỉ tiêu cộng dồn: tổng các năm của đơn vị trong giai đoạn."
	if stocks {
		note += " (*) Chỉ tiêu thời điểm: số liệu năm gần nhất của đơn vị; tổng cộng là số cuối giai đoạn."
	}
	return Appendix{Label: "Phụ lục II", Title: strings.ToUpper(text.ByUnit), Table: t, Notes: append([]string{note}, unitNotes(s)...)}
}

// unitRow is a unit of a by-unit table.
type unitRow struct{ code, name string }

// unitRowsOf lists the units in force at the period's end with where
// they came from, then units that hold figures without being in force
// (summary.UnitRows, FORMATS.md §10).
func unitRowsOf(s *summary.Summary) []unitRow {
	var out []unitRow
	for _, r := range s.UnitRows() {
		out = append(out, unitRow{r.Code, unitLabel(r)})
	}
	return out
}

// moneyDecimals is how many decimals the money figures of a summary need
// (0, 1 or 2): every money cell of a table shows that many, so a column of
// triệu đồng lines up (FORMATS.md §5: money is exact to 0,01).
func moneyDecimals(s *summary.Summary) int {
	dec := 0
	need := func(a summary.Amount) {
		switch {
		case a%10 != 0:
			dec = 2
		case a%100 != 0:
			dec = max(dec, 1)
		}
	}
	for _, ind := range s.Indicators {
		if !isMoney(ind) {
			continue
		}
		for _, v := range ind.ByYear {
			need(v)
		}
		for _, v := range ind.ByUnit {
			need(v)
		}
		for _, p := range []*summary.Amount{ind.Total, ind.Previous.Total} {
			if p != nil {
				need(*p)
			}
		}
	}
	return dec
}

// cellAmount is a table cell: the figure as officers write it, money with
// dec decimals, or "…" when not reported.
func cellAmount(a summary.Amount, ok, money bool, dec int) string {
	switch {
	case !ok:
		return pdfNA
	case money:
		return vn.FormatHundredths(int64(a), dec)
	}
	return Amount(a)
}

func cellAmountPtr(a *summary.Amount, money bool, dec int) string {
	if a == nil {
		return pdfNA
	}
	return cellAmount(*a, true, money, dec)
}
