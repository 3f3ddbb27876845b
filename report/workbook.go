package report

import (
	"bytes"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/tongket/tongket/catalog"
	"github.com/tongket/tongket/lang"
	"github.com/tongket/tongket/roster"
	"github.com/tongket/tongket/sheetstyle"
	"github.com/tongket/tongket/summary"
	"github.com/tongket/tongket/vn"
)

// Sheets of the summary workbook, in tab order.
const (
	SheetSummary      = "Tổng hợp"
	SheetByUnit       = "Theo đơn vị"
	SheetByYear       = "Theo năm"
	SheetCompleteness = "Tình hình báo cáo"
	SheetAwards       = "Khen thưởng"
)

// WorkbookTitle is A1 of the Tổng hợp sheet, the title of every wide
// submission (FORMATS.md §2).
const WorkbookTitle = "BIỂU SỐ LIỆU TỔNG KẾT PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC"

// Number formats. Excel shows them in the reader's locale: 17.980 and
// 3.700,50 on a Vietnamese Windows. Money shows as many decimals as its
// most precise figure needs (moneyDecimals), the same in every cell, so a
// column of triệu đồng lines up and 575,25 is shown as reported.
const (
	xFmtCount   = "#,##0"
	xFmtPercent = "0.0%"
	xFmtChange  = "+0.0%;-0.0%;0.0%"
)

// xMoneyFormat is the money format with dec decimals.
func xMoneyFormat(dec int) string {
	if dec <= 0 {
		return xFmtCount
	}
	return "#,##0." + strings.Repeat("0", dec)
}

const xFont = sheetstyle.Font

// WriteWorkbook writes the summary workbook of a period (DESIGN.md,
// Reports): Tổng hợp (the wide submission layout of FORMATS.md §2 for the
// compiling unit d.UnitCode/d.UnitName, plus period total, previous period
// and change), Theo đơn vị, Theo năm (with charts) and Tình hình báo cáo.
//
// Tổng hợp is itself a submission (FORMATS.md §6): read back, its year
// columns give the period's figures again and reproduce every total. Totals
// are live formulas that also carry their computed value, so programs that
// read cached values see the numbers. Text from submissions (unit names and
// codes) is always written as string cells, never as formulas.
func WriteWorkbook(w io.Writer, s *summary.Summary, d Document) error {
	if s == nil {
		return fmt.Errorf("write summary workbook: no summary")
	}
	f := excelize.NewFile()
	defer f.Close()
	b := &xBook{f: f, s: s, d: d, period: s.Period, styles: sheetstyle.NewCache(f), moneyDec: moneyDecimals(s)}
	sheets := []*xSheet{b.summarySheet(), b.byUnitSheet(), b.byYearSheet(), b.awardsSheet(), b.completenessSheet()}
	// The sheets of one row per unit (thousands for a province) are
	// written in the second pass only, into the places kept for them.
	perUnit := map[string]bool{SheetByUnit: true, SheetCompleteness: true}
	charts := sheetHasCharts(sheets)
	var later []*xSheet
	if err := b.write(sheets, func(sh *xSheet) bool {
		if charts && perUnit[sh.name] {
			later = append(later, sh)
			return true
		}
		return false
	}); err != nil {
		return fmt.Errorf("write summary workbook: %w", err)
	}
	if len(b.charts) == 0 {
		if _, err := f.WriteTo(w); err != nil {
			return fmt.Errorf("write summary workbook: %w", err)
		}
		return nil
	}
	// Charts go in a second pass over the workbook. On a streamed sheet
	// excelize v2.11.0 writes the <drawing> element as relationships:id
	// with a local namespace declaration instead of r:id (or drops it,
	// after Flush); reopened, the sheet goes through excelize's ordinary
	// writer, which writes r:id as Excel does. The formulas keep their
	// cached values through the round trip (the golden test shows it).
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		return fmt.Errorf("write summary workbook: %w", err)
	}
	g, err := excelize.OpenReader(&buf)
	if err != nil {
		return fmt.Errorf("write summary workbook: %w", err)
	}
	defer g.Close()
	for _, c := range b.charts {
		if err := g.AddChart(c.sheet, c.at, c.c); err != nil {
			return fmt.Errorf("write summary workbook: chart on %s: %w", c.sheet, err)
		}
	}
	b.f, b.styles = g, sheetstyle.NewCache(g)
	for _, sh := range later {
		if err := b.emit(sh, false); err != nil {
			return fmt.Errorf("write summary workbook: sheet %s: %w", sh.name, err)
		}
	}
	if _, err := g.WriteTo(w); err != nil {
		return fmt.Errorf("write summary workbook: %w", err)
	}
	return nil
}

// sheetHasCharts reports whether any sheet has charts, which the workbook
// gets in a second pass.
func sheetHasCharts(sheets []*xSheet) bool {
	for _, sh := range sheets {
		if len(sh.charts) > 0 {
			return true
		}
	}
	return false
}

type xBook struct {
	f        *excelize.File
	s        *summary.Summary // nil for a book that is not a summary (the award roster)
	d        Document
	period   summary.Period // of the title and the page footers
	styles   *sheetstyle.Cache
	charts   []xChart // added once the sheets are written
	moneyDec int      // decimals of every money cell
}

// write writes the sheets in tab order; a sheet that deferred says to
// write later only gets its place (an empty sheet of its name).
func (b *xBook) write(sheets []*xSheet, deferred func(*xSheet) bool) error {
	if err := b.f.SetDefaultFont(xFont); err != nil {
		return err
	}
	if err := b.docProps(); err != nil {
		return err
	}
	for i, sh := range sheets {
		if i > 0 && deferred(sh) {
			if _, err := b.f.NewSheet(sh.name); err != nil {
				return fmt.Errorf("sheet %s: %w", sh.name, err)
			}
			continue
		}
		if err := b.emit(sh, i == 0); err != nil {
			return fmt.Errorf("sheet %s: %w", sh.name, err)
		}
	}
	// The first sheet is the active one of a new workbook; mark its tab
	// selected. SetActiveSheet would do it by reading every sheet back,
	// the whole country's by-unit sheets included.
	return b.f.GroupSheets([]string{sheets[0].name})
}

// docProps dates the file from the report date, so the same summary gives
// the same workbook.
func (b *xBook) docProps() error {
	return b.setDocProps("Tổng kết phong trào Toàn dân bảo vệ an ninh Tổ quốc giai đoạn "+b.periodText(), "Biểu số liệu tổng kết")
}

// setDocProps sets the title and subject, the creator and the dates (the
// report date).
func (b *xBook) setDocProps(title, subject string) error {
	p := &excelize.DocProperties{
		Title:          title,
		Subject:        subject,
		Creator:        "tongket",
		LastModifiedBy: "tongket",
		Language:       "vi-VN",
	}
	if !b.d.Date.IsZero() {
		t := b.d.Date.UTC().Format(time.RFC3339)
		p.Created, p.Modified = t, t
	}
	return b.f.SetDocProps(p)
}

// periodText is "2019–2024".
func (b *xBook) periodText() string {
	return fmt.Sprintf("%d–%d", b.period.From, b.period.To)
}

func (b *xBook) years() []int {
	var ys []int
	for y := b.s.Period.From; y <= b.s.Period.To; y++ {
		ys = append(ys, y)
	}
	return ys
}

// ---- sheet model ----

// xSheet is a worksheet built in memory, then streamed out by emit.
type xSheet struct {
	name      string
	widths    []float64 // from column A
	rows      []xRow
	merges    [][2]string
	freezeCol int // columns kept in view
	freezeRow int // rows kept in view
	titleRows [2]int
	charts    []xChart
	footer    string // left of the page footer; "" for "<name> — giai đoạn <period>"
}

type xRow struct {
	num    int
	height float64 // 0: automatic
	cells  []xCell // from column A; a zero cell is not written
}

type xCell struct {
	v       any // nil, string, int, int64, float64
	formula string
	st      xStyle
	set     bool
}

type xChart struct {
	sheet string
	at    string
	c     *excelize.Chart
}

// xStyle is a cell's look (every style is Times New Roman).
type xStyle = sheetstyle.Style

var (
	xsTitle = xStyle{Bold: true, Size: 14, Align: "center"}
	xsMeta  = xStyle{Size: 12}
	xsNote  = xStyle{Italic: true, Size: 11, Wrap: true}
	xsHead  = xStyle{Bold: true, Align: "center", Wrap: true, Border: true, Fill: "D9E1F2"}
	// xsHeadMarked is a year heading whose year lacks a unit's report.
	xsHeadMarked = xStyle{Bold: true, Align: "center", Wrap: true, Border: true, Fill: "F8CBAD"}
	xsCode       = xStyle{Italic: true, Size: 10, Align: "center", Border: true, Fill: "D9E1F2"}
	xsText       = xStyle{Wrap: true, Border: true}
	xsCenter     = xStyle{Align: "center", Wrap: true, Border: true}
	xsKey        = xStyle{Align: "center", Border: true} // codes: one line
	xsYear       = xStyle{Bold: true, Align: "center", Border: true}
	// xsYearMarked is a year lacking a unit's report.
	xsYearMarked = xStyle{Bold: true, Align: "center", Border: true, Fill: "F8CBAD"}
	xsTotalLb    = xStyle{Bold: true, Align: "center", Border: true}
	xsOK         = xStyle{Align: "center", Border: true, Color: "1E7B34"}
	xsMissing    = xStyle{Italic: true, Align: "center", Border: true, Color: "C00000"}
)

func xNumStyle(format string, bold bool) xStyle {
	return xStyle{Align: "right", Border: true, NumFmt: format, Bold: bold}
}

func xText(v string, st xStyle) xCell { return xCell{v: v, st: st, set: true} }
func xBlank(st xStyle) xCell          { return xCell{st: st, set: true} }
func xNum(v any, st xStyle) xCell     { return xCell{v: v, st: st, set: true} }
func xFormula(fm string, cached any, st xStyle) xCell {
	return xCell{v: cached, formula: fm, st: st, set: true}
}

// xValue is a figure as a cell value: a whole number stays an integer, a
// decimal is the exact hundredths as a float (57525 → 575.25).
func xValue(a summary.Amount) any {
	if a%100 == 0 {
		return int64(a / 100)
	}
	return float64(a) / 100
}

func xRef(col, row int) string {
	r, _ := excelize.CoordinatesToCellName(col, row)
	return r
}

func xColName(col int) string {
	n, _ := excelize.ColumnNumberToName(col)
	return n
}

// xAbsRange is 'Sheet name'!$C$6:$C$11 for chart references.
func xAbsRange(sheetName string, col, row1, row2 int) string {
	c := xColName(col)
	return fmt.Sprintf("'%s'!$%s$%d:$%s$%d", strings.ReplaceAll(sheetName, "'", "''"), c, row1, c, row2)
}

func (sh *xSheet) add(num int, cells ...xCell) *xRow {
	sh.rows = append(sh.rows, xRow{num: num, cells: cells})
	return &sh.rows[len(sh.rows)-1]
}

func (sh *xSheet) merge(c1, r1, c2, r2 int) {
	sh.merges = append(sh.merges, [2]string{xRef(c1, r1), xRef(c2, r2)})
}

// titleBlock writes a merged title and a merged note line across the sheet.
func (sh *xSheet) titleBlock(title, note string, last int) {
	sh.add(1, xText(title, xsTitle)).height = 24
	sh.merge(1, 1, last, 1)
	if note != "" {
		sh.add(2, xText(note, xsNote))
		sh.merge(1, 2, last, 2)
	}
}

// ---- Tổng hợp ----

// numFormat picks the indicator's number format by its kind; without a
// kind, an indicator whose figures have decimals gets the money format.
func (b *xBook) numFormat(ind summary.Indicator) string {
	switch ind.Kind {
	case "money":
		return xMoneyFormat(b.moneyDec)
	case "count":
		return xFmtCount
	}
	frac := func(a summary.Amount) bool { return a%100 != 0 }
	for _, a := range ind.ByYear {
		if frac(a) {
			return xMoneyFormat(max(b.moneyDec, 2))
		}
	}
	for _, a := range ind.ByUnit {
		if frac(a) {
			return xMoneyFormat(max(b.moneyDec, 2))
		}
	}
	if (ind.Total != nil && frac(*ind.Total)) || (ind.Previous.Total != nil && frac(*ind.Previous.Total)) {
		return xMoneyFormat(max(b.moneyDec, 2))
	}
	return xFmtCount
}

func xStock(ind summary.Indicator) bool { return ind.Agg == "last" }

func (b *xBook) summarySheet() *xSheet {
	years := b.years()
	const firstYearCol, headRow = 5, 5
	colTotal := firstYearCol + len(years)
	colPrev, colNote := colTotal+1, colTotal+5
	prev := b.s.Period.Previous()
	incomplete, _ := incompleteYears(b.s)
	marked := map[int]bool{}
	for _, y := range incomplete {
		marked[y] = true
	}

	sh := &xSheet{name: SheetSummary, freezeCol: 4, freezeRow: headRow, titleRows: [2]int{headRow, headRow}}
	sh.widths = []float64{5, 18, 46, 12}
	for range years {
		sh.widths = append(sh.widths, 10)
	}
	sh.widths = append(sh.widths, 13, 13, 10, 11, 11, 32)

	sh.add(1, xText(WorkbookTitle, xsTitle)).height = 24
	sh.merge(1, 1, colNote, 1)
	sh.add(2, xText(strings.TrimSpace("Đơn vị: "+b.d.UnitName), xsMeta))
	sh.add(3, xText(strings.TrimSpace("Mã đơn vị: "+b.d.UnitCode), xsMeta))
	sh.add(4, xText("Kỳ báo cáo: giai đoạn "+b.periodText(), xStyle{Italic: true}))

	// The year headings stay plain years (the sheet is a submission); a
	// year lacking a unit's report is marked by its colour and named in
	// the note under the table.
	head := []xCell{xText("STT", xsHead), xText("Mã chỉ tiêu", xsHead), xText("Chỉ tiêu", xsHead), xText("Đơn vị tính", xsHead)}
	for _, y := range years {
		st := xsHead
		if marked[y] {
			st = xsHeadMarked
		}
		head = append(head, xNum(y, st))
	}
	head = append(head,
		xText("Tổng giai đoạn", xsHead),
		xText(fmt.Sprintf("Giai đoạn trước (%d–%d)", prev.From, prev.To), xsHead),
		xText("Tăng/giảm (%)", xsHead),
		xText("Tỷ lệ có số liệu "+b.periodText(), xsHead),
		xText(fmt.Sprintf("Tỷ lệ có số liệu %d–%d", prev.From, prev.To), xsHead),
		xText("Ghi chú", xsHead))
	sh.add(headRow, head...)

	r := headRow
	for i, ind := range b.s.Indicators {
		r++
		nf := b.numFormat(ind)
		cells := []xCell{xNum(i+1, xsCenter), xText(ind.Code, xsKey), xText(ind.Name, xsText), xText(ind.Unit, xsCenter)}
		for _, y := range years {
			if a, ok := ind.Year(y); ok {
				cells = append(cells, xNum(xValue(a), xNumStyle(nf, false)))
			} else {
				cells = append(cells, xBlank(xNumStyle(nf, false)))
			}
		}
		first, last := xRef(firstYearCol, r), xRef(colTotal-1, r)
		totalSt := xNumStyle(nf, true)
		_, lastKnown := ind.Year(b.s.Period.To)
		switch {
		case ind.Total == nil:
			cells = append(cells, xBlank(totalSt))
		case xStock(ind) && lastKnown:
			// A stock's period figure is its last year (FORMATS.md §5).
			cells = append(cells, xFormula(last, xValue(*ind.Total), totalSt))
		case xStock(ind):
			cells = append(cells, xNum(xValue(*ind.Total), totalSt))
		default:
			cells = append(cells, xFormula("SUM("+first+":"+last+")", xValue(*ind.Total), totalSt))
		}
		// The previous period and the change only where the two periods
		// compare (FORMATS.md §5.1); the coverage of both always.
		if c, ok := changePercent(ind); ok {
			t, p := xRef(colTotal, r), xRef(colPrev, r)
			cells = append(cells, xNum(xValue(*ind.Previous.Total), xNumStyle(nf, false)),
				xFormula(fmt.Sprintf("(%s-%s)/%s", t, p, p), c/100, xNumStyle(xFmtChange, false)))
		} else {
			cells = append(cells, xBlank(xNumStyle(nf, false)), xBlank(xNumStyle(xFmtChange, false)))
		}
		cells = append(cells, xNum(ind.Coverage, xNumStyle(xFmtPercent, false)), xNum(ind.Previous.Coverage, xNumStyle(xFmtPercent, false)))
		cells = append(cells, xText(b.indicatorNote(ind), xsText))
		sh.add(r, cells...)
	}

	// Notes below the table: text in column A only, which a reader of the
	// sheet as a submission passes over.
	r += 2
	note := "Ghi chú: ô để trống là chưa có số liệu (khác với số 0)."
	var stocks []string
	for _, ind := range b.s.Indicators {
		if xStock(ind) {
			stocks = append(stocks, ind.Code)
		}
	}
	if len(stocks) > 0 {
		note += " Chỉ tiêu thời điểm (" + strings.Join(stocks, ", ") + "): số liệu mỗi năm là số liệu gần nhất của từng đơn vị cộng lại; " +
			"tổng giai đoạn là số liệu năm " + strconv.Itoa(b.s.Period.To) + "."
	}
	sh.add(r, xText(note, xsNote))
	sh.merge(1, r, colNote, r)
	for _, n := range []string{comparisonNote(b.s, lang.VI), b.incompleteNote()} {
		if n != "" {
			r++
			sh.add(r, xText(n, xsNote))
			sh.merge(1, r, colNote, r)
		}
	}
	if line := b.madeLine(); line != "" {
		r++
		sh.add(r, xText(line, xStyle{Italic: true, Size: 11}))
	}
	return sh
}

// indicatorNote is the Ghi chú of an indicator row: how a stock's total is
// taken, and how many units the figures come from when not all did.
func (b *xBook) indicatorNote(ind summary.Indicator) string {
	var parts []string
	switch {
	case ind.Total == nil:
		parts = append(parts, "chưa có số liệu")
	case xStock(ind):
		if _, ok := ind.Year(b.s.Period.To); ok {
			parts = append(parts, fmt.Sprintf("chỉ tiêu thời điểm: lấy số năm %d", b.s.Period.To))
		} else {
			parts = append(parts, "chỉ tiêu thời điểm: lấy số liệu gần nhất")
		}
	}
	if n := b.s.FigureUnits(); n > 0 && ind.Total != nil && ind.UnitsReporting < n {
		parts = append(parts, fmt.Sprintf("%d/%d đơn vị có số liệu", ind.UnitsReporting, n))
	}
	if ind.Total != nil && ind.Previous.Total != nil && !ind.Previous.Comparable {
		parts = append(parts, "chưa đủ số liệu để so sánh với giai đoạn trước")
	}
	return xSentence(strings.Join(parts, "; "))
}

// incompleteNote is the note naming the units missing in the marked years,
// for a sheet whose year headings are marked by colour.
func (b *xBook) incompleteNote() string {
	n := incompleteNote(b.s, lang.VI)
	if n == "" {
		return ""
	}
	return strings.Replace(n, "(*) Năm chưa đủ báo cáo", "Năm tô màu cam: năm chưa đủ báo cáo", 1)
}

// xSentence capitalises the first letter.
func xSentence(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}

// madeLine says when and from how many units the summary was made.
func (b *xBook) madeLine() string {
	var parts []string
	if !b.d.Date.IsZero() {
		parts = append(parts, "Lập ngày "+b.d.Date.Format("02/01/2006"))
	}
	if n := len(b.s.Units); n > 0 {
		parts = append(parts, fmt.Sprintf("tổng hợp từ báo cáo của %d đơn vị", n))
	}
	if len(parts) == 0 {
		return ""
	}
	return xSentence(strings.Join(parts, ", ")) + "."
}

// ---- Theo đơn vị ----

type xUnitRow struct{ code, name string }

// unitRows lists the units in force at the period's end with where they
// came from, then units that hold figures without being in force
// (summary.UnitRows, FORMATS.md §10).
func (b *xBook) unitRows() []xUnitRow {
	var out []xUnitRow
	for _, r := range b.s.UnitRows() {
		name := unitLabel(r)
		if name == r.Code {
			name = ""
		}
		out = append(out, xUnitRow{r.Code, name})
	}
	return out
}

// indicatorHeads writes the two header rows of an indicator-per-column
// table: names with their unit of measure, then codes.
func (b *xBook) indicatorHeads(sh *xSheet, firstCol int, lead []string) {
	const r1, r2 = 4, 5
	top := make([]xCell, 0, firstCol-1+len(b.s.Indicators))
	codes := make([]xCell, 0, cap(top))
	for i, l := range lead {
		top = append(top, xText(l, xsHead))
		codes = append(codes, xBlank(xsHead))
		sh.merge(i+1, r1, i+1, r2)
	}
	for _, ind := range b.s.Indicators {
		label := ind.Name
		if ind.Unit != "" {
			label += " (" + ind.Unit + ")"
		}
		if xStock(ind) {
			label += " (*)"
		}
		top = append(top, xText(label, xsHead))
		codes = append(codes, xText(ind.Code, xsCode))
	}
	sh.add(r1, top...)
	sh.add(r2, codes...)
}

func (b *xBook) byUnitSheet() *xSheet {
	const firstCol, firstRow = 4, 6
	last := firstCol + len(b.s.Indicators) - 1
	last = max(last, firstCol)
	sh := &xSheet{name: SheetByUnit, freezeCol: 3, freezeRow: 5, titleRows: [2]int{4, 5}}
	units := b.unitRows()
	codeW, nameW := xFit(units)
	sh.widths = []float64{5, codeW, nameW}
	for range b.s.Indicators {
		sh.widths = append(sh.widths, 14)
	}
	sh.titleBlock("SỐ LIỆU THEO ĐƠN VỊ, GIAI ĐOẠN "+b.periodText(),
		"Chỉ tiêu cộng dồn: tổng các năm của đơn vị trong giai đoạn. (*) Chỉ tiêu thời điểm: số liệu năm gần nhất của đơn vị. Ô để trống: đơn vị chưa có số liệu.", last)
	b.indicatorHeads(sh, firstCol, []string{"STT", "Mã đơn vị", "Tên đơn vị"})

	r := firstRow - 1
	for i, u := range units {
		r++
		cells := []xCell{xNum(i+1, xsCenter), xText(u.code, xsKey), xText(u.name, xsText)}
		for _, ind := range b.s.Indicators {
			nf := b.numFormat(ind)
			if _, ok := ind.ByUnit[u.code]; ok {
				v, _ := xUnitValue(&ind, u.code)
				cells = append(cells, xNum(v, xNumStyle(nf, false)))
			} else {
				cells = append(cells, xBlank(xNumStyle(nf, false)))
			}
		}
		sh.add(r, cells...)
	}
	r++
	cells := []xCell{xText("Tổng cộng", xsTotalLb), xBlank(xsTotalLb), xBlank(xsTotalLb)}
	sh.merge(1, r, 3, r)
	for j, ind := range b.s.Indicators {
		st := xNumStyle(b.numFormat(ind), true)
		var sum summary.Micro
		n := 0
		for _, u := range units {
			if _, ok := ind.ByUnit[u.code]; ok {
				_, m := xUnitValue(&ind, u.code)
				sum += m
				n++
			}
		}
		if n == 0 {
			cells = append(cells, xBlank(st))
			continue
		}
		col := firstCol + j
		cached := xValue(sum.Amount())
		if sum%summary.MicroPerAmount != 0 {
			cached = float64(sum) / 1e6
		}
		cells = append(cells, xFormula(fmt.Sprintf("SUM(%s:%s)", xRef(col, firstRow), xRef(col, r-1)), cached, st))
	}
	sh.add(r, cells...)
	return sh
}

// ---- Theo năm ----

// xChartCodes are the indicators charted on Theo năm, when present.
var xChartCodes = []string{"TT_BUOI", "TT_LUOT", "TIN_GIATRI", "CAMERA_SO"}

func (b *xBook) byYearSheet() *xSheet {
	years := b.years()
	const firstCol, firstRow = 2, 6
	last := max(firstCol+len(b.s.Indicators)-1, firstCol)
	sh := &xSheet{name: SheetByYear, freezeCol: 1, freezeRow: 5, titleRows: [2]int{4, 5}}
	sh.widths = []float64{16}
	for range b.s.Indicators {
		sh.widths = append(sh.widths, 14)
	}
	incomplete, _ := incompleteYears(b.s)
	marked := map[int]bool{}
	for _, y := range incomplete {
		marked[y] = true
	}
	sh.titleBlock("SỐ LIỆU THEO NĂM, GIAI ĐOẠN "+b.periodText(),
		"Chỉ tiêu cộng dồn: tổng số liệu các đơn vị trong năm. (*) Chỉ tiêu thời điểm: số liệu gần nhất của từng đơn vị đến năm đó cộng lại. Ô để trống: chưa có số liệu. Năm ghi \"(*)\": chưa đủ báo cáo của các đơn vị (xem ghi chú dưới bảng), tổng năm đó thấp hơn thực tế.", last)
	b.indicatorHeads(sh, firstCol, []string{"Năm"})

	r := firstRow - 1
	for _, y := range years {
		r++
		// A year lacking a unit's report reads "2020 (*)" in the table and
		// on the charts' axis, so its dip is not read as a fall.
		yc := xNum(y, xsYear)
		if marked[y] {
			yc = xText(strconv.Itoa(y)+" (*)", xsYearMarked)
		}
		cells := []xCell{yc}
		for _, ind := range b.s.Indicators {
			nf := b.numFormat(ind)
			if a, ok := ind.Year(y); ok {
				cells = append(cells, xNum(xValue(a), xNumStyle(nf, false)))
			} else {
				cells = append(cells, xBlank(xNumStyle(nf, false)))
			}
		}
		sh.add(r, cells...)
	}
	lastYearRow := r
	r++
	cells := []xCell{xText("Tổng giai đoạn", xsTotalLb)}
	for j, ind := range b.s.Indicators {
		st := xNumStyle(b.numFormat(ind), true)
		col := firstCol + j
		_, lastKnown := ind.Year(b.s.Period.To)
		switch {
		case ind.Total == nil:
			cells = append(cells, xBlank(st))
		case xStock(ind) && lastKnown:
			cells = append(cells, xFormula(xRef(col, lastYearRow), xValue(*ind.Total), st))
		case xStock(ind):
			cells = append(cells, xNum(xValue(*ind.Total), st))
		default:
			cells = append(cells, xFormula(fmt.Sprintf("SUM(%s:%s)", xRef(col, firstRow), xRef(col, lastYearRow)), xValue(*ind.Total), st))
		}
	}
	sh.add(r, cells...)
	if n := incompleteNote(b.s, lang.VI); n != "" {
		r++
		sh.add(r, xText(n, xsNote))
		sh.merge(1, r, last, r)
	}

	// Charts, two side by side, below the table.
	var charted []int
	for _, code := range xChartCodes {
		for j, ind := range b.s.Indicators {
			if ind.Code == code && len(ind.ByYear) > 0 {
				charted = append(charted, j)
			}
		}
	}
	if len(charted) == 0 {
		for j, ind := range b.s.Indicators {
			if len(ind.ByYear) > 0 && len(charted) < 4 {
				charted = append(charted, j)
			}
		}
	}
	top := r + 2
	for k, j := range charted {
		ind := b.s.Indicators[j]
		col := firstCol + j
		// 300 px is 15 default rows; 18 leave a gap under each chart.
		at := xRef(1, top+(k/2)*18)
		if k%2 == 1 {
			at = xRef(firstCol+4, top+(k/2)*18)
		}
		sh.charts = append(sh.charts, xChart{sheet: sh.name, at: at, c: b.yearChart(ind, col, firstRow, lastYearRow)})
	}
	return sh
}

func (b *xBook) yearChart(ind summary.Indicator, col, row1, row2 int) *excelize.Chart {
	title := ind.Name + " qua các năm"
	if ind.Unit != "" {
		title += " (" + ind.Unit + ")"
	}
	nf := b.numFormat(ind)
	font := excelize.Font{Family: xFont, Size: 10, Color: "000000"}
	one := false
	c := &excelize.Chart{
		Type:       excelize.Col,
		VaryColors: &one,
		Series: []excelize.ChartSeries{{
			Name:       xAbsRange(SheetByYear, col, 4, 4),
			Categories: xAbsRange(SheetByYear, 1, row1, row2),
			Values:     xAbsRange(SheetByYear, col, row1, row2),
			Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"2F5597"}},
			DataLabel:  excelize.ChartDataLabel{Font: excelize.Font{Family: xFont, Size: 9, Color: "000000"}},
		}},
		Title: excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{
			Text: title, Font: &excelize.Font{Family: xFont, Size: 11, Bold: true, Color: "000000"},
		}}},
		Legend:       excelize.ChartLegend{Position: "none"},
		PlotArea:     excelize.ChartPlotArea{ShowVal: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: nf}},
		XAxis:        excelize.ChartAxis{Font: font},
		YAxis:        excelize.ChartAxis{MajorGridLines: true, Font: font, NumFmt: excelize.ChartNumFmt{CustomNumFmt: nf}},
		Dimension:    excelize.ChartDimension{Width: 520, Height: 300},
		ShowBlanksAs: "gap",
		Format:       excelize.GraphicOptions{AltText: title},
	}
	if xStock(ind) {
		c.Type = excelize.Line
		c.Series[0].Fill = excelize.Fill{}
		c.Series[0].Line = excelize.LineOptions{Width: 2.25}
		c.Series[0].Marker = excelize.ChartMarker{Symbol: "circle", Size: 6}
	}
	return c
}

// ---- Tình hình báo cáo ----

func (b *xBook) completenessSheet() *xSheet {
	years := b.years()
	const firstYearCol, headRow = 4, 4
	colCount := firstYearCol + len(years)
	colRate := colCount + 1
	c := b.s.Completeness

	sh := &xSheet{name: SheetCompleteness, freezeCol: 3, freezeRow: headRow, titleRows: [2]int{headRow, headRow}}
	var rows []xUnitRow
	for _, u := range b.s.Units {
		rows = append(rows, xUnitRow{u.Code, u.Name})
	}
	codeW, nameW := xFit(rows)
	sh.widths = []float64{5, codeW, nameW}
	for range years {
		sh.widths = append(sh.widths, 9)
	}
	sh.widths = append(sh.widths, 10, 10)

	units := b.s.Units
	expected, received := c.Expected, c.Received
	if expected == 0 {
		expected = len(units) * len(years)
		for _, u := range units {
			received += len(u.YearsReported)
		}
	}
	line := fmt.Sprintf("Đã nhận %s/%s báo cáo năm", vn.FormatInt(int64(received)), vn.FormatInt(int64(expected)))
	if expected > 0 {
		line += " (" + Percent(float64(received)/float64(expected)*100, false) + ")"
	}
	line += `. "✓": đã gửi số liệu năm đó; "chưa gửi": chưa có số liệu.`
	if n := outsideNote(b.s, "–"); n != "" {
		line += " " + n
	}
	sh.titleBlock("TÌNH HÌNH GỬI BÁO CÁO, GIAI ĐOẠN "+b.periodText(), line, colRate)

	head := []xCell{xText("STT", xsHead), xText("Mã đơn vị", xsHead), xText("Tên đơn vị", xsHead)}
	for _, y := range years {
		head = append(head, xNum(y, xsHead))
	}
	head = append(head, xText("Số năm đã gửi", xsHead), xText("Tỷ lệ", xsHead))
	sh.add(headRow, head...)

	perYear := make([]int, len(years))
	expectedIn := make([]int, len(years)) // units expected in each year (FORMATS.md §10)
	r := headRow
	for i, u := range units {
		r++
		cells := []xCell{xNum(i+1, xsCenter), xText(u.Code, xsKey), xText(u.Name, xsText)}
		n, due := 0, 0
		for k, y := range years {
			got, outside := yearMark(u, y)
			if !outside {
				expectedIn[k]++
				due++
			}
			switch {
			case got && !outside:
				cells = append(cells, xText("✓", xsOK))
				perYear[k]++
				n++
			case got:
				cells = append(cells, xText("✓", xsOK))
			case outside:
				cells = append(cells, xText("–", xsCenter))
			default:
				cells = append(cells, xText("chưa gửi", xsMissing))
			}
		}
		cells = append(cells, xNum(n, xNumStyle(xFmtCount, false)))
		if due > 0 {
			cells = append(cells, xNum(float64(n)/float64(due), xNumStyle(xFmtPercent, false)))
		}
		sh.add(r, cells...)
	}

	r++
	counts := []xCell{xText("Số đơn vị đã gửi", xsTotalLb), xBlank(xsTotalLb), xBlank(xsTotalLb)}
	sh.merge(1, r, 3, r)
	for _, n := range perYear {
		counts = append(counts, xNum(n, xNumStyle(xFmtCount, true)))
	}
	counts = append(counts, xNum(received, xNumStyle(xFmtCount, true)), xBlank(xNumStyle(xFmtPercent, true)))
	sh.add(r, counts...)

	r++
	rates := []xCell{xText("Tỷ lệ gửi báo cáo", xsTotalLb), xBlank(xsTotalLb), xBlank(xsTotalLb)}
	sh.merge(1, r, 3, r)
	for k, n := range perYear {
		if expectedIn[k] == 0 {
			rates = append(rates, xBlank(xNumStyle(xFmtPercent, true)))
			continue
		}
		rates = append(rates, xNum(float64(n)/float64(expectedIn[k]), xNumStyle(xFmtPercent, true)))
	}
	rates = append(rates, xBlank(xNumStyle(xFmtCount, true)))
	if expected > 0 {
		rates = append(rates, xNum(float64(received)/float64(expected), xNumStyle(xFmtPercent, true)))
	} else {
		rates = append(rates, xBlank(xNumStyle(xFmtPercent, true)))
	}
	sh.add(r, rates...)
	return sh
}

// awardsSheet counts the commendations decided in the period: by kind, by
// organisation (most first) and by form. The roster itself is written by
// "tongket awards export".
func (b *xBook) awardsSheet() *xSheet {
	a := b.s.Awards
	sh := &xSheet{name: SheetAwards, freezeRow: 0, titleRows: [2]int{4, 4}}
	sh.widths = []float64{6, 40, 14}
	note := fmt.Sprintf("Tổng số %s tập thể, cá nhân được khen thưởng (có quyết định khen thưởng trong giai đoạn).", vn.FormatInt(int64(a.Total)))
	ac := awardCounts(b.s)
	if a.Total > 0 && !ac.Covered {
		note += " Số liệu từ các danh sách khen thưởng đã nhập (" + ac.Rosters + "), chưa đủ cả giai đoạn " + b.periodText() + "."
	}
	if a.Undecided > 0 {
		note += fmt.Sprintf(" Các danh sách còn %s tập thể, cá nhân được đề nghị chưa có quyết định, không tính vào số trên.", vn.FormatInt(int64(a.Undecided)))
	}
	if a.Total == 0 {
		note = `Chưa có khen thưởng nào trong giai đoạn (nhập danh sách bằng "tongket awards import").`
	}
	sh.titleBlock("KẾT QUẢ KHEN THƯỞNG, GIAI ĐOẠN "+b.periodText(), note, 3)
	r := 3
	// Rows in the catalog's order (tập thể first, organisations as rosters
	// print them); names the user added come after, most first.
	table := func(title string, counts map[string]int, order []string) {
		rank := map[string]int{}
		for i, k := range order {
			rank[k] = i + 1
		}
		keys := make([]string, 0, len(counts))
		for k := range counts {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool {
			ri, rj := rank[keys[i]], rank[keys[j]]
			switch {
			case ri != 0 && rj != 0:
				return ri < rj
			case ri != 0 || rj != 0:
				return ri != 0
			case counts[keys[i]] != counts[keys[j]]:
				return counts[keys[i]] > counts[keys[j]]
			}
			return keys[i] < keys[j]
		})
		r++
		sh.add(r, xText("STT", xsHead), xText(title, xsHead), xText("Số lượng", xsHead))
		first := r + 1
		for i, k := range keys {
			r++
			sh.add(r, xNum(i+1, xsCenter), xText(k, xsText), xNum(counts[k], xNumStyle(xFmtCount, false)))
		}
		r++
		sum := xFormula(fmt.Sprintf("SUM(C%d:C%d)", first, max(first, r-1)), a.Total, xNumStyle(xFmtCount, true))
		if len(keys) == 0 {
			sum = xNum(0, xNumStyle(xFmtCount, true))
		}
		sh.add(r, xText("Cộng", xsTotalLb), xBlank(xsTotalLb), sum)
		sh.merge(1, r, 2, r)
		r++
	}
	// The catalog's order: forms by rank, organisations as rosters print.
	cat := catalog.Builtin()
	forms, orgs := a.FormOrder, a.OrganisationOrder
	if len(forms) == 0 {
		forms = cat.AwardForms
	}
	if len(orgs) == 0 {
		orgs = cat.Organisations
	}
	table("Loại", a.ByKind, roster.Kinds)
	table("Tổ chức", a.ByOrganisation, orgs)
	table("Hình thức khen thưởng", a.ByForm, forms)
	return sh
}

// ---- layout ----

// xFit sizes the unit code and name columns to what they hold: codes on
// one line, names wrapped beyond 36 characters.
func xFit(units []xUnitRow) (code, name float64) {
	code, name = 12, 22
	for _, u := range units {
		code = max(code, float64(utf8.RuneCountInString(u.code))*1.4+2)
		name = max(name, float64(utf8.RuneCountInString(u.name))*1.05+2)
	}
	return min(code, 30), min(name, 36)
}

// fitHeights gives every row the height its tallest cell needs, counting
// the lines of wrapped text. Excel and LibreOffice do not reliably grow rows of a generated file
// on their own, so heights are written out.
func (sh *xSheet) fitHeights() {
	span := map[[2]int]float64{} // (row, col) of a one-row merge → its width
	for _, m := range sh.merges {
		c1, r1, _ := excelize.CellNameToCoordinates(m[0])
		c2, r2, _ := excelize.CellNameToCoordinates(m[1])
		if r1 != r2 {
			continue
		}
		w := 0.0
		for c := c1; c <= c2; c++ {
			w += sh.width(c)
		}
		span[[2]int{r1, c1}] = w
	}
	for i := range sh.rows {
		r := &sh.rows[i]
		need := 0.0
		for j, c := range r.cells {
			if !c.set {
				continue
			}
			lines := 1
			if s, ok := c.v.(string); ok && c.st.Wrap {
				w, merged := span[[2]int{r.num, j + 1}]
				if !merged {
					w = sh.width(j + 1)
				}
				lines = c.st.Lines(s, w)
			}
			need = max(need, float64(lines)*c.st.PointSize()*1.25+2.5)
		}
		r.height = max(r.height, need)
	}
}

func (sh *xSheet) width(col int) float64 {
	if col <= len(sh.widths) {
		return sh.widths[col-1]
	}
	return 9
}

// ---- writing ----

func (b *xBook) styleID(s xStyle) (int, error) { return b.styles.ID(s) }

// emit streams a sheet out. excelize's stream writer is used because it is
// the one writer in excelize v2.11.0 that stores a formula together with a
// typed cached value (<f>SUM(…)</f><v>17980</v>); File.SetCellFormula marks
// the cell t="str", and every SetCell* call drops the formula. Sheet
// properties go in before the stream starts, page setup and charts before
// Flush, because the stream writes those parts of the sheet at those moments;
// charts come later (see WriteWorkbook).
func (b *xBook) emit(sh *xSheet, first bool) error {
	f := b.f
	if first {
		if err := f.SetSheetName(f.GetSheetName(0), sh.name); err != nil {
			return err
		}
	} else if _, err := f.NewSheet(sh.name); err != nil {
		return err
	}
	yes := true
	if err := f.SetSheetProps(sh.name, &excelize.SheetPropsOptions{FitToPage: &yes}); err != nil {
		return err
	}
	sh.fitHeights()
	lastCol, lastRow := len(sh.widths), 1
	for _, r := range sh.rows {
		lastCol, lastRow = max(lastCol, len(r.cells)), max(lastRow, r.num)
	}
	if err := f.SetSheetDimension(sh.name, "A1:"+xRef(lastCol, lastRow)); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sh.name)
	if err != nil {
		return err
	}
	for i, w := range sh.widths {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return err
		}
	}
	if sh.freezeRow > 0 || sh.freezeCol > 0 {
		topLeft := xRef(sh.freezeCol+1, sh.freezeRow+1)
		pane := "bottomRight"
		switch {
		case sh.freezeCol == 0:
			pane = "bottomLeft"
		case sh.freezeRow == 0:
			pane = "topRight"
		}
		if err := sw.SetPanes(&excelize.Panes{
			Freeze: true, XSplit: sh.freezeCol, YSplit: sh.freezeRow, TopLeftCell: topLeft, ActivePane: pane,
			Selection: []excelize.Selection{{SQRef: topLeft, ActiveCell: topLeft, Pane: pane}},
		}); err != nil {
			return err
		}
	}
	for _, r := range sh.rows {
		vals := make([]any, len(r.cells))
		for i, c := range r.cells {
			if !c.set {
				continue
			}
			id, err := b.styleID(c.st)
			if err != nil {
				return err
			}
			vals[i] = excelize.Cell{StyleID: id, Value: c.v, Formula: c.formula}
		}
		var opts []excelize.RowOpts
		if r.height > 0 {
			opts = append(opts, excelize.RowOpts{Height: r.height})
		}
		if err := sw.SetRow(xRef(1, r.num), vals, opts...); err != nil {
			return err
		}
	}
	for _, m := range sh.merges {
		if err := sw.MergeCell(m[0], m[1]); err != nil {
			return err
		}
	}
	if err := b.pageSetup(sh); err != nil {
		return err
	}
	b.charts = append(b.charts, sh.charts...)
	if err := sw.Flush(); err != nil {
		return err
	}
	if sh.titleRows[0] > 0 {
		quoted := "'" + strings.ReplaceAll(sh.name, "'", "''") + "'"
		return f.SetDefinedName(&excelize.DefinedName{
			Name:     "_xlnm.Print_Titles",
			RefersTo: fmt.Sprintf("%s!$%d:$%d", quoted, sh.titleRows[0], sh.titleRows[1]),
			Scope:    sh.name,
		})
	}
	return nil
}

// pageSetup prints the sheet on A4 landscape, one page wide, with page
// numbers in the footer.
func (b *xBook) pageSetup(sh *xSheet) error {
	a4, land, wide, tall := 9, "landscape", 1, 0
	if err := b.f.SetPageLayout(sh.name, &excelize.PageLayoutOptions{
		Size: &a4, Orientation: &land, FitToWidth: &wide, FitToHeight: &tall,
	}); err != nil {
		return err
	}
	lr, tb, hf := 0.4, 0.6, 0.3
	centre := true
	if err := b.f.SetPageMargins(sh.name, &excelize.PageLayoutMarginsOptions{
		Left: &lr, Right: &lr, Top: &tb, Bottom: &tb, Header: &hf, Footer: &hf, Horizontally: &centre,
	}); err != nil {
		return err
	}
	footer := sh.footer
	if footer == "" {
		footer = sh.name + ` — giai đoạn ` + b.periodText()
	}
	return b.f.SetHeaderFooter(sh.name, &excelize.HeaderFooterOptions{
		OddFooter: `&L&"Times New Roman,Italic"&9` + footer + `&R&"Times New Roman,Regular"&10Trang &P/&N`,
	})
}
