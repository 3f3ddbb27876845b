package submission

import (
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/tongket/tongket/finding"
	"github.com/tongket/tongket/lang"
	"github.com/tongket/tongket/table"
	"github.com/tongket/tongket/vn"
	"github.com/tongket/tongket/xlsx"
)

// Header labels, as matching keys (vn.Key): case, spacing and Unicode form
// do not matter.
var (
	codeLabels      = keys("Mã chỉ tiêu", "Mã số chỉ tiêu", "Mã CT")
	nameLabels      = keys("Chỉ tiêu", "Tên chỉ tiêu", "Nội dung", "Nội dung chỉ tiêu")
	yearLabels      = keys("Năm")
	valueLabels     = keys("Giá trị", "Số liệu", "Số lượng")
	unitCodeLabels  = keys("Mã đơn vị")
	unitNameLabels  = keys("Tên đơn vị", "Đơn vị")
	periodLabels    = keys("Kỳ báo cáo", "Kỳ", "Kỳ số liệu", "Quý", "Tháng", "Thời gian", "Thời kỳ")
	measureLabels   = keys("Đơn vị tính", "ĐVT", "Đ.V.T", "Đ.v.tính", "Đơn vị đo")
	totalLabels     = keys("Tổng cộng", "Cộng", "Tổng", "Tổng số")
	ordinalLabels   = keys("STT", "TT", "Số TT", "Số thứ tự")
	noteLabels      = keys("Ghi chú", "Ghi chú/Nguồn", "Nguồn", "Chú thích")
	explicitUnitKey = vn.Key("Tên đơn vị")
)

func keys(ss ...string) map[string]bool {
	m := map[string]bool{}
	for _, s := range ss {
		m[vn.Key(s)] = true
	}
	return m
}

// column is a figure column of a wide table: what its header says it holds.
type column struct {
	colLabel
	col   int
	ref   string // the header cell that says so (the lower one of two rows)
	label string // the header as written ("Năm / 2023 (ước)")
}

// header is a detected table header: one row, or two (group labels over
// the years).
type header struct {
	layout   Layout
	row, end int // first and last header row
	sheet    string

	codeCol, measureCol int // 0 when absent
	nameFrom, nameTo    int // the name column (a name label merged across columns spans them)
	// wide
	cols     map[int]*column // every figure column, by column number
	yearCols []int           // the columns of a year's results, in order: what is stored
	years    map[int]int     // column → year, for yearCols
	single   bool            // one value column whose year comes from the sheet, not the header
	// long
	yearCol, valueCol, unitCodeCol, unitNameCol int
	periodCol                                   int            // "Kỳ báo cáo", "Quý": rows of part of a year are refused
	planCols                                    map[int]string // plan columns beside Giá trị ("Kế hoạch"): not read, told once

	labelled map[int]bool // every column with a label
	ordinals map[int]bool // "STT" and "Ghi chú" columns

	figCols   []int    // figureCols, once worked out
	subtotals bool     // a subtotal column is among them
	partial   []column // columns of part of a year ("2023 (6 tháng)"): not read, told apart
}

// ordinal reports a column whose header is "STT" or a note ("Ghi chú"):
// numbers there are not figures.
func (h *header) ordinal(col int) bool { return h.ordinals[col] }

// roles are the label columns found in a candidate header row.
type roles struct {
	code, name, nameTo, measure, year, value, unitCode, unitName int
	period                                                       int // long: "Kỳ báo cáo", "Quý": what part of the year a row is

	yearGroup    bool // "Năm" is merged across several columns: a group label
	unitExplicit bool // "Tên đơn vị", not the ambiguous "Đơn vị"
	labelled     map[int]bool
	ordinals     map[int]bool // "STT", "Ghi chú"
	dups         []finding.Finding
}

// readRoles finds the label columns of row. Covered cells of a merged
// label repeat it; only its anchor claims the column.
func readRoles(sheet string, row xlsx.Row) roles {
	if !hasIndicatorLabel(row) {
		return roles{} // a title, a unit line, a note: most rows offered
	}
	ro := roles{labelled: make(map[int]bool, len(row.Cells)), ordinals: map[int]bool{}}
	seen := map[string]xlsx.Cell{}
	claim := func(col *int, c xlsx.Cell, k string) {
		if *col != 0 {
			first := seen[k]
			t := lang.F(
				"Cột tiêu đề \"%s\" xuất hiện hai lần (ô %s và ô %s). Hãy giữ một cột, xóa hoặc đổi tên cột kia.",
				"The header \"%s\" appears twice (cells %s and %s). Keep one column; delete or rename the other.",
				strings.TrimSpace(c.Value), first.Ref, c.Ref)
			if yearBetween(row, first.Col, c.Col) {
				// Year columns between the two: a second table set beside
				// the first, not a column typed twice.
				t = lang.F(
					"Dòng %d có hai bảng đặt cạnh nhau: bảng thứ hai bắt đầu ở ô %s (\"%s\", như ô %s của bảng thứ nhất). tongket đọc mỗi trang một bảng: hãy chuyển bảng thứ hai sang một trang tính khác (hoặc gộp các cột năm của nó vào bảng thứ nhất) rồi gửi lại.",
					"Row %d has two tables side by side: the second starts at cell %s (\"%s\", as cell %s of the first). tongket reads one table a sheet: move the second table to a sheet of its own (or put its year columns into the first table) and resend.",
					row.Num, c.Ref, strings.TrimSpace(c.Value), first.Ref)
			}
			ro.dups = append(ro.dups, finding.New(finding.Error, finding.DuplicateLabel, t).At(sheet, xlsx.ColumnName(c.Col), row.Num))
			return
		}
		*col = c.Col
		seen[k] = c
	}
	for _, c := range row.Cells {
		if c.Kind != xlsx.Text {
			continue
		}
		k := vn.Key(c.Value)
		if k == "" {
			continue
		}
		ro.labelled[c.Col] = true
		if c.Covered {
			if c.Merge != nil && c.Merge.FromCol == ro.name && nameLabels[k] {
				ro.nameTo = max(ro.nameTo, c.Col)
			}
			continue
		}
		switch {
		case ordinalLabels[k] || noteLabels[k]:
			ro.ordinals[c.Col] = true
		case codeLabels[k]:
			claim(&ro.code, c, "code")
		case nameLabels[k]:
			claim(&ro.name, c, "name")
			ro.nameTo = c.Col
		case measureLabels[k]:
			claim(&ro.measure, c, "measure")
		case yearLabels[k]:
			if c.Merge != nil && c.Merge.ToCol > c.Merge.FromCol {
				ro.yearGroup = true
				continue
			}
			claim(&ro.year, c, "year")
		case valueLabels[k]:
			claim(&ro.value, c, "value")
		case unitCodeLabels[k]:
			claim(&ro.unitCode, c, "unitcode")
		case unitNameLabels[k]:
			claim(&ro.unitName, c, "unitname")
			ro.unitExplicit = k == explicitUnitKey
		case periodLabels[k]:
			claim(&ro.period, c, "period")
		}
	}
	return ro
}

// yearBetween reports a year label in row between columns from and to.
func yearBetween(row xlsx.Row, from, to int) bool {
	for _, c := range row.Cells {
		if c.Col > from && c.Col < to && !c.Covered && parseColLabel(c.Value).year != 0 {
			return true
		}
	}
	return false
}

// hasIndicatorLabel reports a text cell reading "Mã chỉ tiêu" or "Chỉ
// tiêu" (or their variants): without one a row is no header.
func hasIndicatorLabel(row xlsx.Row) bool {
	for _, c := range row.Cells {
		if c.Kind != xlsx.Text || c.Covered || len(c.Value) > 40 {
			continue
		}
		if vn.In(codeLabels, c.Value) || vn.In(nameLabels, c.Value) {
			return true
		}
	}
	return false
}

func (ro *roles) isRole(col int) bool {
	switch col {
	case ro.code, ro.measure, ro.year, ro.unitCode, ro.unitName, ro.period:
		return col != 0
	}
	return ro.name != 0 && col >= ro.name && col <= max(ro.name, ro.nameTo)
}

// match is table.Options.Match for a submission sheet: it decides whether
// the candidate is the table's header, of one row or two.
func (r *reader) match(st *sheetState) func(c table.Candidate) int {
	return func(c table.Candidate) int {
		ro := readRoles(st.name, c.Row)
		if ro.code == 0 && ro.name == 0 {
			return 0
		}
		if c.Next != nil && r.isSubHeader(&ro, c.Row, *c.Next) {
			h := r.wideHeader(st, &ro, c.Row, c.Next)
			if len(h.cols) > 0 {
				r.accept(st, &ro, h, c)
				return 2
			}
		}
		if ro.unitCode != 0 || ro.year != 0 {
			r.accept(st, &ro, r.longHeader(st, &ro, c.Row), c)
			return 1
		}
		h := r.wideHeader(st, &ro, c.Row, nil)
		if len(h.cols) == 0 {
			r.labelsWithoutYears(st, &ro, c)
			return 0
		}
		r.accept(st, &ro, h, c)
		return 1
	}
}

// isSubHeader reports whether next is the lower row of a two-row header:
// nothing of its own under the indicator labels (empty, or the labels
// merged down), and a year, plan or subtotal label under the others, or
// labels under a year merged across several columns (2019 over "Số
// lượng" and "Tăng so với năm trước (%)").
func (r *reader) isSubHeader(ro *roles, row, next xlsx.Row) bool {
	years := false
	for _, c := range next.Cells {
		if c.Covered {
			continue
		}
		if c.Col == ro.code || ro.name != 0 && c.Col >= ro.name && c.Col <= max(ro.name, ro.nameTo) {
			if !isBlank(c) {
				return false
			}
			continue
		}
		if ro.isRole(c.Col) {
			continue
		}
		if l := r.headerLabel(c); l.year != 0 || l.kind == colSubtotal || l.kind == colPlan {
			years = true
		} else if c.Kind == xlsx.Text && r.underMergedYear(row, c.Col) {
			years = true
		}
	}
	return years
}

// underMergedYear reports a year label in row merged across several
// columns, col among them.
func (r *reader) underMergedYear(row xlsx.Row, col int) bool {
	top, ok := cellAt(row, col)
	if !ok || top.Merge == nil || top.Merge.ToCol == top.Merge.FromCol {
		return false
	}
	return r.headerLabel(top).year != 0
}

// headerLabel reads a header cell as a column label: a year typed as a
// number, as a date shown "yyyy", as a formula, or as text.
func (r *reader) headerLabel(c xlsx.Cell) colLabel {
	kind, value := c.Kind, c.Value
	if c.Formula && (!c.Cached || r.book.FullCalcOnLoad()) {
		v, err := r.book.Calc(xlsx.Sheet{Name: r.curSheet}, c.Ref)
		if err != nil {
			return colLabel{}
		}
		kind, value = xlsx.Number, v
		if _, err := strconv.ParseFloat(v, 64); err != nil {
			kind = xlsx.Text
		}
	}
	switch kind {
	case xlsx.Text:
		return cachedColLabel(value)
	case xlsx.Number:
		f, err := strconv.ParseFloat(value, 64)
		if err != nil {
			return colLabel{}
		}
		if fm := r.format(c.Style); fm.Date {
			if !fm.YearOnly {
				return colLabel{}
			}
			f = float64(xlsx.DateSerial(f, r.book.Date1904()).Year())
		}
		if f == math.Trunc(f) && f >= 1900 && f < 2200 {
			return colLabel{kind: colYear, year: int(f)}
		}
	}
	return colLabel{}
}

// wideHeader reads the figure columns of a wide header: the candidate row,
// and with a second row below it, the two together.
func (r *reader) wideHeader(st *sheetState, ro *roles, row xlsx.Row, next *xlsx.Row) *header {
	n := len(row.Cells)
	if next != nil {
		n += len(next.Cells)
	}
	h := &header{layout: Wide, row: row.Num, end: row.Num, sheet: st.name, cols: make(map[int]*column, n), years: make(map[int]int, n), labelled: ro.labelled, ordinals: ro.ordinals,
		codeCol: ro.code, nameFrom: ro.name, nameTo: max(ro.name, ro.nameTo), measureCol: ro.measure}
	arena := make([]column, 0, n) // the columns, made at once
	if h.measureCol == 0 && !ro.unitExplicit {
		h.measureCol = ro.unitName // "Đơn vị" beside the indicator names is its measure
	}
	if next != nil {
		h.end = next.Num
	}
	var subs []xlsx.Cell
	if next != nil {
		subs = next.Cells
	}
	// Both rows' cells are in column order: walk them together.
	tops := row.Cells
	for len(tops) > 0 || len(subs) > 0 {
		var top, sub xlsx.Cell
		hasTop, hasSub := false, false
		switch {
		case len(subs) == 0 || len(tops) > 0 && tops[0].Col < subs[0].Col:
			top, hasTop, tops = tops[0], true, tops[1:]
		case len(tops) == 0 || subs[0].Col < tops[0].Col:
			sub, hasSub, subs = subs[0], true, subs[1:]
		default:
			top, sub, hasTop, hasSub = tops[0], subs[0], true, true
			tops, subs = tops[1:], subs[1:]
		}
		col := top.Col
		if hasSub {
			col = sub.Col
			h.labelled[col] = h.labelled[col] || !isBlank(sub)
		}
		if ro.isRole(col) || col == h.measureCol || ro.ordinals[col] {
			continue
		}
		var l colLabel
		var c column
		switch { // c is copied into arena below
		case next == nil:
			l = r.headerLabel(top)
			c = column{col: col, ref: top.Ref, label: strings.TrimSpace(top.Value)}
		case hasTop && hasSub && !sub.Covered:
			l = combine(r.headerLabel(top), r.headerLabel(sub))
			c = column{col: col, ref: sub.Ref, label: joinLabels(top.Value, sub.Value)}
		case hasSub && !sub.Covered:
			l = r.headerLabel(sub)
			c = column{col: col, ref: sub.Ref, label: strings.TrimSpace(sub.Value)}
		default:
			l = r.headerLabel(top)
			c = column{col: col, ref: top.Ref, label: strings.TrimSpace(top.Value)}
		}
		if l.kind == colNone {
			if l.partial {
				c.colLabel = l
				h.partial = append(h.partial, c)
			}
			continue
		}
		c.colLabel = l
		arena = append(arena, c)
		h.cols[col] = &arena[len(arena)-1]
		h.labelled[col] = true
	}
	h.orderYears()
	return h
}

func joinLabels(top, sub string) string {
	top, sub = strings.TrimSpace(top), strings.TrimSpace(sub)
	if top == "" || top == sub {
		return sub
	}
	return top + " / " + sub
}

// orderYears lists the year columns in column order.
func (h *header) orderYears() {
	if h.yearCols == nil {
		h.yearCols = make([]int, 0, len(h.cols))
	}
	h.yearCols = h.yearCols[:0]
	for col, c := range h.cols {
		if c.kind == colYear && c.year != 0 {
			h.yearCols = append(h.yearCols, col)
			h.years[col] = c.year
		}
	}
	sort.Ints(h.yearCols)
}

// figureCols lists every figure column in column order, worked out once
// per header (every row asks).
func (h *header) figureCols() []int {
	if h.figCols != nil && len(h.figCols) == len(h.cols) {
		return h.figCols
	}
	out := make([]int, 0, len(h.cols))
	hasSub := false
	for col, c := range h.cols {
		out = append(out, col)
		hasSub = hasSub || c.kind == colSubtotal
	}
	sort.Ints(out)
	h.figCols, h.subtotals = out, hasSub
	return out
}

func (r *reader) longHeader(st *sheetState, ro *roles, row xlsx.Row) *header {
	h := &header{layout: Long, row: row.Num, end: row.Num, sheet: st.name, labelled: ro.labelled, ordinals: ro.ordinals,
		codeCol: ro.code, nameFrom: ro.name, nameTo: ro.name, measureCol: ro.measure,
		yearCol: ro.year, valueCol: ro.value, unitCodeCol: ro.unitCode, unitNameCol: ro.unitName, periodCol: ro.period}
	for _, c := range row.Cells {
		if c.Kind == xlsx.Text && !c.Covered && !ro.isRole(c.Col) && parseColLabel(c.Value).kind == colPlan {
			if h.planCols == nil {
				h.planCols = map[int]string{}
			}
			h.planCols[c.Col] = strings.TrimSpace(c.Value)
		}
	}
	var missing []string
	if h.yearCol == 0 {
		missing = append(missing, "Năm")
	}
	if h.valueCol == 0 {
		missing = append(missing, "Giá trị")
	}
	if h.unitCodeCol == 0 && h.unitNameCol == 0 {
		missing = append(missing, "Mã đơn vị")
	}
	if len(missing) > 0 {
		r.sub.add(finding.New(finding.Error, finding.MissingLabel, lang.F(
			"Bảng dạng dọc (mỗi dòng một số liệu) thiếu cột %s ở dòng tiêu đề %d. Các cột cần có: Mã đơn vị | Tên đơn vị | Năm | Mã chỉ tiêu | Giá trị.",
			"The long table (one figure per row) lacks the column(s) %s in header row %d. Needed: Mã đơn vị | Tên đơn vị | Năm | Mã chỉ tiêu | Giá trị.",
			strings.Join(missing, ", "), row.Num)).At(st.name, "", row.Num))
	}
	return h
}

// accept takes h as the sheet's table: duplicate labels and years are
// reported, a single value column gets its year from the sheet, and future
// years are refused.
func (r *reader) accept(st *sheetState, ro *roles, h *header, c table.Candidate) {
	for _, f := range ro.dups {
		r.sub.add(f)
	}
	st.header = h
	if h.layout == Wide {
		r.checkColumns(st, h)
	}
	r.useLegacyHeader(st.name, *h)
}

// checkColumns reports two columns for one year, gives a single value
// column its year, and refuses result years outside [MinYear, this year].
func (r *reader) checkColumns(st *sheetState, h *header) {
	var values []*column
	for _, col := range h.figureCols() {
		if c := h.cols[col]; c.kind == colValue {
			values = append(values, c)
		}
	}
	if len(h.yearCols) == 0 && len(values) > 0 {
		h.single = true
		for _, c := range values[1:] {
			c.kind = colNone // reported as unread figures if they hold any
			delete(h.cols, c.col)
		}
		v := values[0]
		year, where := st.year()
		if year == 0 {
			f := finding.New(finding.Error, finding.NoYears, lang.F(
				"Bảng ở trang \"%s\" có cột \"%s\" (ô %s) nhưng không thấy đó là số liệu năm nào: tên trang, các dòng phía trên bảng và tiêu đề cột đều không ghi năm. Hãy ghi năm vào tiêu đề cột (ví dụ 2021), hoặc đặt tên trang là \"Năm 2021\", hoặc thêm dòng \"Năm: 2021\" phía trên bảng.",
				"The table on sheet \"%s\" has a column \"%s\" (cell %s) but nothing says which year it is: the sheet name, the lines above the table and the column header give no year. Write the year in the column header (e.g. 2021), name the sheet \"Năm 2021\", or add a line \"Năm: 2021\" above the table.",
				st.name, v.label, v.ref)).At(st.name, xlsx.ColumnName(v.col), h.row)
			r.sub.add(f)
			st.refused = true
			return
		}
		v.kind, v.year, v.label = colYear, year, v.label+" ("+where+")"
		h.orderYears()
	}
	var seenBuf [16]int
	seen := seenBuf[:0] // the first column of each year, kept or out of range
	kept := h.yearCols[:0]
	for _, col := range h.yearCols {
		c := h.cols[col]
		if first := yearColumn(h, seen, c.year); first != nil {
			t := lang.F(
				"Năm %d có hai cột (ô %s \"%s\" và ô %s \"%s\"). Hãy gộp số liệu vào một cột và xóa cột kia.",
				"Year %d has two columns (cell %s \"%s\" and cell %s \"%s\"). Merge the figures into one column and delete the other.",
				c.year, first.ref, first.label, c.ref, c.label)
			if h.end != h.row && cellRow(first.ref) == h.end && cellRow(c.ref) == h.end {
				// Sub-columns of one year ("Nam", "Nữ"): each holds part
				// of the figure, and deleting one would lose it.
				t = lang.F(
					"Năm %d chia làm nhiều cột (ô %s \"%s\" và ô %s \"%s\"), mà mỗi chỉ tiêu chỉ có một số cho một năm. Hãy thêm dưới năm %d một cột tiêu đề \"Số lượng\" ghi số của cả năm (ví dụ tổng các cột đó), đổi tiêu đề các cột chi tiết thành \"Trong đó: …\" rồi gửi lại.",
					"Year %d is split into several columns (cell %s \"%s\" and cell %s \"%s\"), but each indicator has one figure a year. Under %d, add a column headed \"Số lượng\" with the whole year's figure (e.g. the sum of those columns), rename the detail columns \"Trong đó: …\", and resend.",
					c.year, first.ref, first.label, c.ref, c.label, c.year)
			}
			f := finding.New(finding.Error, finding.DuplicateYear, t).At(st.name, xlsx.ColumnName(col), cellRow(c.ref))
			f.Year = c.year
			r.sub.add(f)
			st.refuseYearCol(col)
			continue
		}
		seen = append(seen, col)
		if c.year < MinYear || c.year > r.maxYear {
			f := finding.New(finding.Error, finding.YearOutOfRange, lang.F(
				"Năm %d ở tiêu đề cột (ô %s) không hợp lệ: năm phải từ %d đến %d. Hãy sửa lại năm; nếu là kế hoạch, hãy ghi \"Kế hoạch %d\".",
				"Year %d in the column header (cell %s) is out of range: years run from %d to %d. Correct the year; if it is a plan, write \"Kế hoạch %d\".",
				c.year, c.ref, MinYear, r.maxYear, c.year)).At(st.name, xlsx.ColumnName(col), cellRow(c.ref))
			f.Year = c.year
			r.sub.add(f)
			st.refuseYearCol(col)
			continue
		}
		kept = append(kept, col)
	}
	h.yearCols = kept
	r.noteColumns(st, h)
}

// yearColumn returns the column among cols (a dozen at most) that holds
// year, or nil.
func yearColumn(h *header, cols []int, year int) *column {
	for _, col := range cols {
		if c := h.cols[col]; c.year == year {
			return c
		}
	}
	return nil
}

// noteColumns warns once per column about what is read with a remark: an
// estimate or a marked year is read as that year; a plan is skipped.
func (r *reader) noteColumns(st *sheetState, h *header) {
	for _, col := range h.figureCols() {
		c := h.cols[col]
		switch {
		case c.kind == colYear && c.estimate:
			st.marked = append(st.marked, c)
		case c.kind == colYear && c.mark:
			st.marked = append(st.marked, c)
		case c.kind == colPlan:
			st.plans = append(st.plans, c)
		}
	}
}

// labelsWithoutYears remembers a row with indicator labels but no year
// columns, said as the reader saw it, in case no sheet has a table.
func (r *reader) labelsWithoutYears(st *sheetState, ro *roles, c table.Candidate) {
	if r.noYears != nil {
		return
	}
	var t lang.Text
	if ro.yearGroup && c.Next != nil {
		t = lang.F(
			"Dòng %d có tiêu đề \"Năm\" gộp trên nhiều cột, nhưng dòng %d bên dưới không ghi năm nào. Hãy ghi các năm (2013, 2014, …) vào dòng %d, mỗi năm một cột.",
			"Row %d has a \"Năm\" heading merged over several columns, but row %d below it names no year. Write the years (2013, 2014, …) in row %d, one per column.",
			c.Row.Num, c.Next.Num, c.Next.Num)
	} else {
		t = lang.F(
			"Dòng %d có cột chỉ tiêu nhưng không có cột năm nào (ở dòng này và dòng ngay dưới). Hãy ghi năm vào dòng tiêu đề, mỗi năm một cột: 2013, 2014, … (hoặc \"Năm 2013\").",
			"Row %d has an indicator column but no year columns (in it or the row below). Put the years in the header row, one per column: 2013, 2014, … (or \"Năm 2013\").",
			c.Row.Num)
	}
	f := finding.New(finding.Error, finding.NoYears, t).At(st.name, "", c.Row.Num)
	r.noYears = &f
}

// metaScan collects the lines above the table: "Đơn vị:" and "Mã đơn vị:"
// (as "label: value" in one cell or label and value side by side), a
// measure ("Đơn vị tính: nghìn đồng", or "Đơn vị: triệu đồng", which is a
// measure and not the unit's name), and a year ("Năm: 2021", "Năm 2021").
type metaScan struct {
	code, codeCell string
	name, nameCell string

	measure     measure
	measureCell string
	// otherMoney is a second line stating another money measure than
	// measure ("ĐVT: triệu đồng", then "ĐVT tiền: nghìn đồng"): nobody can
	// tell which the money rows are in.
	otherMoney, otherMoneyCell string
	year                       int
	yearCell                   string
	// planTitle is a title line that says the table is a plan ("KẾ HOẠCH
	// NĂM 2024"), at planCell.
	planTitle, planCell string
}

func (r *reader) scanMeta(m *metaScan, row xlsx.Row) {
	for i, c := range row.Cells {
		if c.Kind != xlsx.Text || c.Covered {
			continue
		}
		// "(Đơn vị tính: triệu đồng)" is written in brackets as often as not.
		text := strings.TrimSpace(c.Value)
		if m.planCell == "" && planTitle(text) && titleLine(text) {
			m.planTitle, m.planCell = text, c.Ref
		}
		if strings.HasPrefix(text, "(") && strings.HasSuffix(text, ")") {
			text = text[1 : len(text)-1]
		}
		label, value, _ := strings.Cut(text, ":")
		k := vn.Key(label)
		value = strings.TrimSpace(vn.NFC(value))
		ref := c.Ref
		if value == "" && i+1 < len(row.Cells) {
			next := row.Cells[i+1]
			value, ref = r.cellText(next), next.Ref
		}
		switch {
		case k == "mã đơn vị" || k == "mã số đơn vị":
			if value != "" && m.code == "" {
				m.code, m.codeCell = value, ref
			}
		case k == "đơn vị" || k == "tên đơn vị" || k == "đơn vị báo cáo" || isMeasureLabel(k):
			if value == "" {
				continue
			}
			if ms, ok := parseMeasure(value); ok {
				m.addMeasure(ms, ref)
				continue
			}
			if !isMeasureLabel(k) && m.name == "" {
				m.name, m.nameCell = value, ref
			}
		case k == "năm" || k == "năm báo cáo":
			if y, ok := singleYear(value); ok && m.year == 0 {
				m.year, m.yearCell = y, ref
			}
		default:
			// "Tiền: nghìn đồng", "Kinh phí tính bằng: 1.000 đồng": a line
			// whose whole value is a money measure states the money's
			// measure, whatever its label says.
			if strings.Contains(text, ":") && value != "" {
				if ms, ok := parseMeasure(value); ok && ms.money {
					m.addMeasure(ms, ref)
					continue
				}
			}
			if y, ok := yearLine(c.Value); ok && m.year == 0 {
				m.year, m.yearCell = y, c.Ref
			}
		}
	}
}

// titleLine reports a document title: in capitals, as official titles are
// ("KẾ HOẠCH NĂM 2024"), and not a citation of one ("Kế hoạch số
// 45/KH-CAQ ngày …", "KẾ HOẠCH SỐ 45/KH").
func titleLine(s string) bool {
	if strings.ToUpper(s) != s {
		return false
	}
	k := vn.Key(s)
	return !strings.Contains(k, " số ") && !strings.Contains(k, "/kh")
}

// planTitle reads a title or sheet name that starts by saying it is a
// plan or a target ("KẾ HOẠCH NĂM 2024", "KH 2024", "Chỉ tiêu giao năm
// 2024"), and does not also speak of results ("Kế hoạch và kết quả …").
func planTitle(s string) bool {
	k := vn.Key(s)
	for _, p := range []string{"kế hoạch", "kh", "chỉ tiêu giao", "chỉ tiêu được giao", "mục tiêu", "dự kiến"} {
		if k == p || strings.HasPrefix(k, p+" ") || strings.HasPrefix(k, p+":") {
			return !strings.Contains(k, "kết quả") && !strings.Contains(k, "báo cáo") && !strings.Contains(k, "và thực hiện")
		}
	}
	return false
}

// isMeasureLabel reads "Đơn vị tính", "ĐVT" and those followed by what
// they measure ("ĐVT tiền", "Đơn vị tính kinh phí", "ĐVT (tiền)").
func isMeasureLabel(k string) bool {
	if measureLabels[k] {
		return true
	}
	for l := range measureLabels {
		if len(k) > len(l) && strings.HasPrefix(k, l) && (k[len(l)] == ' ' || k[len(l)] == '(') {
			return true
		}
	}
	return false
}

// addMeasure keeps the first measure stated above the table, a money one
// before any other (the line only ever applies to money rows), and notes
// a second money measure that disagrees with it.
func (m *metaScan) addMeasure(ms measure, ref string) {
	switch {
	case m.measureCell == "" || ms.money && !m.measure.money:
		m.measure, m.measureCell = ms, ref
	case ms.money && ms.shift != m.measure.shift && m.otherMoneyCell == "":
		m.otherMoney, m.otherMoneyCell = ms.text, ref
	}
}

// singleYear reads "2021" or "năm 2021" (nothing else) as a year.
func singleYear(s string) (int, bool) {
	l := parseColLabel(s)
	if l.kind == colYear && l.year != 0 && !l.mark && !l.estimate {
		return l.year, true
	}
	return 0, false
}

// yearLine reads a line above the table that names one year: "Năm 2021",
// or a title "BÁO CÁO KẾT QUẢ … NĂM 2021"; a span ("giai đoạn 2019–2023")
// is not one year.
func yearLine(s string) (int, bool) {
	if !strings.ContainsAny(s, "0123456789") {
		return 0, false
	}
	k := vn.Key(s)
	if rangeRe.MatchString(k) {
		return 0, false
	}
	ys := yearNumRe.FindAllStringSubmatch(k, -1)
	if len(ys) != 1 {
		return 0, false
	}
	i := strings.Index(k, ys[0][1])
	before := strings.TrimRight(k[:i], " :")
	if !strings.HasSuffix(before, "năm") {
		return 0, false
	}
	y, _ := strconv.Atoi(ys[0][1])
	return y, true
}

// cellText is a cell's content as text (codes keep the zeros their format
// shows: table.CellText).
func (r *reader) cellText(c xlsx.Cell) string {
	if c.Kind != xlsx.Number {
		// A long table repeats a unit's name, a code, row after row: the
		// column's last text is kept rather than normalised again.
		if c.Col < len(r.texts) {
			t := &r.texts[c.Col]
			if t.raw != c.Value || t.raw == "" {
				t.raw, t.text = c.Value, strings.TrimSpace(vn.NFC(c.Value))
			}
			return t.text
		}
		return strings.TrimSpace(vn.NFC(c.Value))
	}
	return table.CellText(c, r.format(c.Style))
}

// format is the number format of a cell format, parsed once.
func (r *reader) format(style int) xlsx.Format {
	if style >= 0 && style < len(r.formats) && r.formatKnown[style] {
		return r.formats[style]
	}
	f := xlsx.ParseFormat(r.book.NumFmt(style))
	if style >= 0 && style < 1<<16 { // Excel allows 64,000 cell formats
		if style >= len(r.formats) {
			r.formats = append(r.formats, make([]xlsx.Format, style+1-len(r.formats))...)
			r.formatKnown = append(r.formatKnown, make([]bool, style+1-len(r.formatKnown))...)
		}
		r.formats[style], r.formatKnown[style] = f, true
	}
	return f
}
