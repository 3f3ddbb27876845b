package submission

import (
	"cmp"
	"errors"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/tongket/tongket/catalog"
	"github.com/tongket/tongket/finding"
	"github.com/tongket/tongket/lang"
	"github.com/tongket/tongket/table"
	"github.com/tongket/tongket/vn"
	"github.com/tongket/tongket/xlsx"
)

// cellAt finds a column's cell in a row (cells are in column order).
func cellAt(row xlsx.Row, col int) (xlsx.Cell, bool) {
	if col == 0 {
		return xlsx.Cell{}, false
	}
	i := sort.Search(len(row.Cells), func(i int) bool { return row.Cells[i].Col >= col })
	if i < len(row.Cells) && row.Cells[i].Col == col {
		return row.Cells[i], true
	}
	return xlsx.Cell{}, false
}

func (r *reader) textAt(row xlsx.Row, col int) (string, xlsx.Cell) {
	c, ok := cellAt(row, col)
	if !ok {
		return "", c
	}
	return r.cellText(c), c
}

// nameAt is the indicator name of a row: the first text in the name
// column, or in the columns its label is merged across (names indented
// one column further).
func (r *reader) nameAt(row xlsx.Row, h *header) (string, xlsx.Cell) {
	for col := h.nameFrom; col > 0 && col <= h.nameTo; col++ {
		if s, c := r.textAt(row, col); s != "" {
			return s, c
		}
	}
	c, _ := cellAt(row, h.nameFrom)
	return "", c
}

func isBlank(c xlsx.Cell) bool {
	if c.Formula {
		return false
	}
	return c.Kind == xlsx.Blank || (c.Kind == xlsx.Text && strings.TrimSpace(c.Value) == "")
}

// isTotalRow reports a "Tổng cộng" / "Cộng" row: a total label in any text
// cell left of the figures.
func isTotalRow(row xlsx.Row, firstFigureCol int) bool {
	for _, c := range row.Cells {
		if c.Col >= firstFigureCol {
			break
		}
		if c.Kind == xlsx.Text && vn.In(totalLabels, c.Value) {
			return true
		}
	}
	return false
}

// dateLineRe matches the date line above the signature block ("Hồng
// Bàng, ngày 05 tháng 12 năm 2023", or dots for the day).
var dateLineRe = regexp.MustCompile(`^(?:[^,()]{1,40},\s*)?ngày\s*(?:\d{1,2}|[.…]+)\s*tháng\s*(?:\d{1,2}|[.…]+)\s*năm\s*(?:\d{4}|[.…]+)\.?$`)

// isSignature reports the first row of the signature block under the
// table: no indicator code, and a text that opens a signature block or is
// the date line. The table ends there; figures under it are still read
// (and refused when they name no indicator), titles and names are not.
func (h *header) isSignature(row xlsx.Row) bool {
	if h.hasCode(row) {
		return false
	}
	for _, c := range row.Cells {
		if c.Kind != xlsx.Text || c.Covered {
			continue
		}
		if table.SignatureLine(c.Value) || dateLineRe.MatchString(vn.Key(c.Value)) {
			return true
		}
	}
	return false
}

// hasCode reports a row that writes an indicator code.
func (h *header) hasCode(row xlsx.Row) bool {
	c, ok := cellAt(row, h.codeCol)
	return ok && !isBlank(c)
}

// namesIndicator reports a row whose name cell is a catalog indicator's:
// a row of the table wherever it stands.
func (r *reader) namesIndicator(h *header, row xlsx.Row) bool {
	if h.layout != Wide {
		return false // a long table's rows give codes
	}
	name, _ := r.nameAt(row, h)
	_, ok := r.cat.ByName(name)
	return name != "" && ok
}

// hasNumber reports, where the table holds its figures, a number cell or
// a text one a reader takes for one: no letter ("540.5", "1.234", "(5)",
// "-" for zero), readable or not: those are never passed over.
func (h *header) hasNumber(row xlsx.Row) bool {
	number := func(col int) bool {
		c, ok := cellAt(row, col)
		if !ok || isBlank(c) {
			return false
		}
		if c.Kind != xlsx.Text || c.Formula {
			return true
		}
		return strings.TrimSpace(c.Value) != "" && !strings.ContainsFunc(c.Value, unicode.IsLetter)
	}
	if h.layout == Long {
		return number(h.valueCol)
	}
	for _, col := range h.figureCols() {
		if number(col) {
			return true
		}
	}
	return false
}

// isNumberingRow reports the row of column numbers some forms put under
// the header ("1 | 2 | 3 …", "(1) | (2) …", "A | B | 1 | 2 …"): labels,
// not figures.
func isNumberingRow(row xlsx.Row) bool {
	n, last := 0, -1
	for _, c := range row.Cells {
		if isBlank(c) {
			continue
		}
		v := strings.Trim(strings.TrimSpace(c.Value), "()")
		if len(v) == 1 && v[0] >= 'A' && v[0] <= 'Z' {
			n++
			continue
		}
		if strings.Trim(v, "0123456789+-") != "" {
			return false // not a number; spares Atoi making an error for every row
		}
		k, err := strconv.Atoi(v)
		if err != nil || last >= 0 && k != last+1 || last < 0 && k > 5 {
			return false
		}
		last = k
		n++
	}
	return n >= 3
}

func (r *reader) tableRow(st *sheetState, row xlsx.Row) {
	if len(row.Cells) == 0 || st.refused {
		return
	}
	numbers := st.header.hasNumber(row)
	switch {
	case numbers || st.header.hasCode(row) || r.namesIndicator(st.header, row):
		// read as a row of the table, after the signature block too
	case st.ended:
		return // the signature block: titles, names, the date line
	case st.header.isSignature(row):
		st.ended = true
		return
	}
	first := st.firstData
	st.firstData = false
	if first && isNumberingRow(row) {
		return
	}
	if st.header.layout == Wide {
		r.wideRow(st, row)
	} else {
		r.longRow(st, row)
	}
}

// matchIndicator resolves a row's code and name cells to a catalog indicator.
// ok is false when the row names no indicator; a finding is returned when it
// names one that does not exist (and has figures, which the caller decides).
// codeHidden: the code's column is hidden, so a reader sees only the name.
func (r *reader) matchIndicator(sheet string, code, name string, codeCell, nameCell xlsx.Cell, row int, codeHidden bool) (ind catalog.Indicator, ok bool, problem *finding.Finding) {
	switch {
	case code != "":
		ind, ok = r.cat.ByCode(strings.ToUpper(code))
		if !ok && (name == "" || vn.Key(name) == vn.Key(code)) {
			// The code cell holds an indicator's exact name (the code and
			// name cells merged into one): the name is what is written.
			ind, ok = r.cat.ByName(code)
		}
		if !ok {
			f := unknownIndicator(r.cat, sheet, codeCell, code, row)
			return ind, false, &f
		}
		if name != "" && vn.Key(name) != vn.Key(ind.Name) {
			if other, found := r.cat.ByName(name); found && other.Code != ind.Code {
				// Codes left in place when the names were sorted: nobody
				// can tell which of the two the figures belong to.
				f := finding.New(finding.Error, finding.CodeNameConflict, lang.F(
					"Mã %s là chỉ tiêu \"%s\", nhưng tên ghi ở dòng này là \"%s\", đúng tên của chỉ tiêu khác (mã %s). Không rõ số liệu của dòng là của chỉ tiêu nào: hãy sửa mã hoặc tên cho khớp.",
					"Code %s is the indicator \"%s\", but this row's name is \"%s\", exactly the name of another indicator (code %s). Nobody can tell which the row's figures belong to: make the code and the name agree.",
					ind.Code, ind.Name, name, other.Code)).At(sheet, xlsx.ColumnName(int(nameCell.Col)), row)
				f.Indicator, f.Value = ind.Code, name
				return ind, false, &f
			}
			if codeHidden {
				// The reader sees the name; the code that would decide is hidden.
				f := finding.New(finding.Error, finding.HiddenCell, lang.F(
					"Cột mã chỉ tiêu (%s) đang bị ẩn nên người đọc bảng chỉ thấy tên \"%s\", mà mã ẩn ở ô %s là %s, tức chỉ tiêu \"%s\": không rõ số liệu của dòng là của chỉ tiêu nào. Hãy bỏ ẩn cột mã (chọn các cột bao quanh, bấm chuột phải > Bỏ ẩn) và sửa mã hoặc tên cho khớp rồi gửi lại.",
					"The indicator code column (%s) is hidden, so a reader sees only the name \"%s\", while the hidden code in cell %s is %s, the indicator \"%s\": nobody can tell which the row's figures belong to. Unhide the code column (select the columns around it, right-click > Unhide), make the code and the name agree, and resend.",
					xlsx.ColumnName(int(codeCell.Col)), name, codeCell.Ref, ind.Code, ind.Name)).At(sheet, xlsx.ColumnName(int(codeCell.Col)), row)
				f.Indicator, f.Value = ind.Code, name
				return ind, false, &f
			}
			f := finding.New(finding.Warning, finding.NameMismatch, lang.F(
				"Mã %s là \"%s\" nhưng tên ghi là \"%s\". tongket lấy theo mã; nếu sai mã, hãy sửa lại mã.",
				"Code %s is \"%s\" but the name reads \"%s\". tongket goes by the code; if the code is wrong, correct it.",
				ind.Code, ind.Name, name)).At(sheet, xlsx.ColumnName(int(nameCell.Col)), row)
			f.Indicator, f.Value = ind.Code, name
			r.sub.add(f)
		}
		return ind, true, nil
	case name != "":
		ind, ok = r.cat.ByName(name)
		if !ok {
			f := unknownIndicator(r.cat, sheet, nameCell, name, row)
			return ind, false, &f
		}
		return ind, true, nil
	}
	return ind, false, nil
}

func unknownIndicator(cat *catalog.Catalog, sheet string, c xlsx.Cell, written string, row int) finding.Finding {
	t := lang.F("Không có chỉ tiêu \"%s\" trong danh mục.", "There is no indicator \"%s\" in the catalog.", written)
	if near, ok := cat.Closest(written); ok {
		t = lang.Join(" ", t, lang.F("Có phải là \"%s\" (mã %s)? Hãy ghi đúng tên hoặc mã chỉ tiêu.",
			"Did you mean \"%s\" (code %s)? Write the catalog name or code.", near.Name, near.Code))
	} else {
		t = lang.Join(" ", t, lang.F("Hãy dùng tên hoặc mã trong danh mục (xem \"tongket catalog\").",
			"Use a catalog name or code (see \"tongket catalog\")."))
	}
	f := finding.New(finding.Error, finding.UnknownIndicator, t).At(sheet, xlsx.ColumnName(int(c.Col)), row)
	f.Value = written
	return f
}

// wideRow reads one row of a wide table: an indicator's figures by year,
// a total row, or a title.
func (r *reader) wideRow(st *sheetState, row xlsx.Row) {
	h := st.header
	figCols := h.figureCols()
	firstFig := 1 << 30
	if len(figCols) > 0 {
		firstFig = figCols[0]
	}
	if isTotalRow(row, firstFig) {
		if !row.Hidden { // a hidden total is seen by nobody and stores nothing
			r.totalRow(st, row)
		}
		return
	}
	if row.Hidden {
		r.hiddenWideRow(st, row, figCols)
		return
	}
	code, codeCell := r.textAt(row, h.codeCol)
	name, nameCell := r.nameAt(row, h)
	if vn.In(codeLabels, code) || vn.In(nameLabels, name) {
		r.repeatedHeader(st, row)
		return
	}
	hiddenCols := row.View != nil && len(row.View.HiddenCols) > 0
	if hiddenCols {
		r.hiddenCells(st, row, figCols)
	}
	st.nameMeasure = nameMeasure(row, h, r)
	if st.nameMeasure != "" {
		name = strings.TrimSpace(name[:strings.LastIndexByte(name, '(')]) // the name without its measure
	}
	hasFigures := false
	for _, col := range figCols {
		if c, ok := cellAt(row, col); ok && !isBlank(c) && !r.labelMerge(h, c) && !(hiddenCols && table.HiddenCol(row, col)) {
			hasFigures = true
			break
		}
	}
	r.warnUnread(st, row)
	if hasFigures && r.garbledName(st.name, nameCell, row.Num, name) {
		if code == "" {
			return
		}
		name = "" // go by the code; the garbled name is reported
	}
	ind, ok, problem := r.matchIndicator(st.name, code, name, codeCell, nameCell, row.Num, row.View != nil && table.HiddenCol(row, h.codeCol))
	if !ok {
		switch {
		case problem != nil && hasFigures:
			r.sub.add(*problem)
		case problem == nil && hasFigures:
			r.sub.add(finding.New(finding.Error, finding.UnknownIndicator, lang.F(
				"Dòng %d có số liệu nhưng không ghi chỉ tiêu. Hãy ghi mã hoặc tên chỉ tiêu của dòng này.",
				"Row %d has figures but names no indicator. Write the indicator's code or name on this row.",
				row.Num)).At(st.name, xlsx.ColumnName(max(h.codeCol, h.nameFrom)), row.Num))
		}
		// Rows without figures are section titles, notes or signatures.
		return
	}
	if st.firstRow == nil {
		st.firstRow = make(map[string]int, len(r.cat.Indicators))
	}
	if first, dup := st.firstRow[ind.Code]; dup {
		f := finding.New(finding.Error, finding.DuplicateIndicator, lang.F(
			"Chỉ tiêu \"%s\" có hai dòng (dòng %d và dòng %d). Hãy gộp số liệu vào một dòng và xóa dòng kia.",
			"Indicator \"%s\" has two rows (rows %d and %d). Merge the figures into one row and delete the other.",
			ind.Name, first, row.Num)).At(st.name, xlsx.ColumnName(max(h.codeCol, h.nameFrom)), row.Num)
		f.Indicator = ind.Code
		r.sub.add(f)
		return
	}
	st.firstRow[ind.Code] = row.Num
	if r.withdrawnRow(st, row, ind) {
		for _, col := range h.yearCols {
			r.setBad(cellKey{r.wideUnit, ind.Code, h.years[col]})
		}
		return
	}
	m, ok := r.rowMeasure(st, row, ind)
	if !ok {
		// The row's figures are refused: checks are not to call them 0.
		for _, col := range h.yearCols {
			r.setBad(cellKey{r.wideUnit, ind.Code, h.years[col]})
		}
		return
	}
	unit := r.wideUnit
	var read map[int]int64 // year → value, for subtotal columns
	if h.subtotals {
		read = map[int]int64{}
	}
	clean := true
	var subtotals []xlsx.Cell
	for _, col := range figCols {
		c, ok := cellAt(row, col)
		if !ok || isBlank(c) {
			continue
		}
		colc := h.cols[col]
		if hiddenCols && table.HiddenCol(row, col) {
			clean = clean && colc.kind != colYear // reported by hiddenCells
			continue
		}
		if c.Merge != nil {
			if r.labelMerge(h, c) {
				continue
			}
			if r.mergedFigure(st, c, ind, colc) {
				clean = false
				continue
			}
		}
		switch colc.kind {
		case colYear:
			if st.dupYearCols[col] {
				clean = false
				continue
			}
			year := colc.year
			n, ok := r.figure(st, c, ind, year, unit, m)
			if !ok {
				clean = false
				continue
			}
			r.addFigure(st, Figure{Unit: int32(unit), Indicator: ind.Code, Year: int32(year), Value: n.Hundredths, Row: int32(row.Num), Col: int16(col)})
			if read != nil {
				read[year] = n.Hundredths
			}
			if colc.estimate || colc.mark {
				st.addMarked(col, c.Ref)
			}
		case colPlan:
			st.addPlan(col, c.Ref)
		case colSubtotal:
			subtotals = append(subtotals, c)
		}
	}
	if clean {
		for _, c := range subtotals {
			r.checkSubtotal(st, c, ind, m, read)
		}
	}
}

// hiddenWideRow reports the figures of a row the sheet hides (FORMATS.md
// §2.1): nobody reading the sheet sees them. A hidden row without figures
// (a note, an empty indicator) is passed over.
func (r *reader) hiddenWideRow(st *sheetState, row xlsx.Row, figCols []int) {
	h := st.header
	var cells []string
	for _, col := range figCols {
		if c, ok := cellAt(row, col); ok && !isBlank(c) && !r.labelMerge(h, c) && h.cols[col].kind == colYear {
			cells = append(cells, c.Ref)
		}
	}
	if len(cells) == 0 {
		return
	}
	holds := lang.F("số liệu ở các ô %s", "figures in cells %s", table.ListCells(cells))
	if len(cells) == 1 {
		holds = lang.F("số liệu ở ô %s", "a figure in cell %s", cells[0])
	}
	if name, _ := r.nameAt(row, h); name != "" {
		holds = lang.F("%s (%s)", "%s (%s)", holds, name)
	}
	r.sub.add(table.HiddenRows(st.name, row, []int{row.Num}, 1, holds, cells))
}

// hiddenCells notes the figures of a shown row that lie in hidden year
// columns, for the finding finishSheet makes of each such column.
func (r *reader) hiddenCells(st *sheetState, row xlsx.Row, figCols []int) {
	h := st.header
	for _, col := range figCols {
		if h.cols[col].kind != colYear || !table.HiddenCol(row, col) {
			continue
		}
		if c, ok := cellAt(row, col); ok && !isBlank(c) && !r.labelMerge(h, c) {
			if st.hiddenCells == nil {
				st.hiddenCells = map[int][]string{}
				st.view = row.View
			}
			if len(st.hiddenCells[col]) == 0 {
				st.hiddenOrder = append(st.hiddenOrder, col)
			}
			st.hiddenCells[col] = append(st.hiddenCells[col], c.Ref)
		}
	}
}

// hiddenLongLabels notes the cells of a long table's row that decide where
// its value goes (year, period, measure; code or unit code unless the
// name beside it is shown) but lie in a hidden column: the reader cannot
// see them (reported by finishSheet, ten cells a column). It reports
// whether the row had one.
func (r *reader) hiddenLongLabels(st *sheetState, row xlsx.Row) bool {
	h := st.header
	shown := func(col int) bool {
		c, ok := cellAt(row, col)
		return col != 0 && ok && !isBlank(c) && !table.HiddenCol(row, col)
	}
	found := false
	for _, col := range []int{h.yearCol, h.periodCol, h.measureCol, h.codeCol, h.unitCodeCol, h.unitNameCol, h.nameFrom} {
		c, ok := cellAt(row, col)
		if col == 0 || !ok || isBlank(c) || !table.HiddenCol(row, col) ||
			col == h.codeCol && shown(h.nameFrom) || col == h.nameFrom && shown(h.codeCol) ||
			col == h.unitCodeCol && shown(h.unitNameCol) || col == h.unitNameCol && shown(h.unitCodeCol) {
			continue
		}
		found = true
		if st.hiddenCells == nil {
			st.hiddenCells = map[int][]string{}
			st.view = row.View
		}
		if len(st.hiddenCells[col]) == 0 {
			st.hiddenOrder = append(st.hiddenOrder, col)
		}
		if len(st.hiddenCells[col]) < 10 {
			st.hiddenCells[col] = append(st.hiddenCells[col], strings.Clone(c.Ref))
		}
	}
	return found
}

// repeatedHeader reads a row under the table that is a header again: the
// header repeated (a printout's page header pasted in) is passed over; a
// header with other years starts a second table, which is refused rather
// than read as figures of the first.
func (r *reader) repeatedHeader(st *sheetState, row xlsx.Row) {
	h := st.header
	same := true
	for _, col := range h.yearCols {
		c, ok := cellAt(row, col)
		if !ok || r.headerLabel(c).year != h.years[col] {
			same = false
			break
		}
	}
	if same {
		return
	}
	r.sub.add(finding.New(finding.Error, finding.SecondHeader, lang.F(
		"Dòng %d lại là một dòng tiêu đề (chỉ tiêu, năm) nhưng các cột năm khác với dòng tiêu đề %d: đây là một bảng thứ hai trên cùng trang \"%s\". tongket đọc mỗi trang một bảng; hãy chuyển bảng thứ hai sang một trang tính riêng.",
		"Row %d is a header again (indicator, years) but its year columns differ from header row %d: a second table on sheet \"%s\". tongket reads one table per sheet; move the second table to a sheet of its own.",
		row.Num, h.row, st.name)).At(st.name, "", row.Num))
	st.refused = true
}

// labelMerge reports a covered cell of a merged range that starts outside
// the figure columns: a title or name merged across the row, not a figure.
func (r *reader) labelMerge(h *header, c xlsx.Cell) bool {
	if c.Merge == nil {
		return false
	}
	_, fig := h.cols[c.Merge.FromCol]
	if h.layout == Long {
		fig = c.Merge.FromCol == h.valueCol
	}
	return c.Covered && !fig
}

// mergedFigure reports a figure merged over several cells (one value for
// 2013–2014): it cannot be split, so it is an error naming the range, once.
// Covered cells of such a range are accounted for by that error.
func (r *reader) mergedFigure(st *sheetState, c xlsx.Cell, ind catalog.Indicator, colc *column) bool {
	m := c.Merge
	if m.FromCol == m.ToCol && m.FromRow == m.ToRow {
		return false
	}
	if st.merged == nil {
		st.merged = map[string]bool{}
	}
	ref := m.Ref()
	if st.merged[ref] {
		return true
	}
	st.merged[ref] = true
	what := lang.F("nhiều cột năm", "several year columns")
	if m.FromCol == m.ToCol {
		what = lang.F("nhiều dòng", "several rows")
	} else if h := st.header; h.layout == Wide {
		var ys []string
		for col := m.FromCol; col <= m.ToCol; col++ {
			if cc, ok := h.cols[col]; ok && cc.year != 0 {
				ys = append(ys, strconv.Itoa(cc.year))
			}
		}
		if len(ys) > 1 {
			what = lang.F("các năm %s", "the years %s", strings.Join(ys, ", "))
		}
	}
	f := finding.New(finding.Error, finding.MergedFigure, lang.F(
		"Các ô %s (%s) được gộp lại (Merge) thành một ô ghi \"%s\" cho %s: không tách được số liệu của từng năm. Hãy bỏ gộp ô (Merge & Center > Unmerge Cells) và ghi số của mỗi năm vào ô của năm đó.",
		"Cells %s (%s) are merged into one cell holding \"%s\" over %s: the figure cannot be split by year. Unmerge the cells and write each year's figure in its own cell.",
		ref, ind.Name, strings.TrimSpace(c.Value), what)).At(st.name, xlsx.ColumnName(m.FromCol), m.FromRow)
	f.Indicator, f.Value = ind.Code, strings.TrimSpace(c.Value)
	if colc != nil {
		f.Year = colc.year
	}
	r.sub.add(f)
	return true
}

func (st *sheetState) addMarked(col int, ref string) {
	if st.markedCells == nil {
		st.markedCells = map[int][]string{}
	}
	st.markedCells[col] = append(st.markedCells[col], ref)
}

func (st *sheetState) addPlan(col int, ref string) {
	if st.planCells == nil {
		st.planCells = map[int][]string{}
	}
	st.planCells[col] = append(st.planCells[col], ref)
}

// totalRow records a "Tổng cộng" row's claimed totals by year.
func (r *reader) totalRow(st *sheetState, row xlsx.Row) {
	h := st.header
	if r.sub.Totals == nil {
		r.sub.Totals = make([]Total, 0, len(h.yearCols))
	}
	for _, col := range h.yearCols {
		c, ok := cellAt(row, col)
		if !ok || isBlank(c) || r.labelMerge(h, c) {
			continue
		}
		if n, ok := r.figure(st, c, catalog.Indicator{Name: "Tổng cộng"}, h.years[col], -1, measure{}); ok {
			r.sub.Totals = append(r.sub.Totals, Total{Year: h.years[col], Value: n.Hundredths, Row: row.Num, Col: col, Sheet: st.name})
		}
	}
}

// checkSubtotal compares a subtotal cell ("Cộng 5 năm") with the years it
// adds: the sum, or for a stock its latest year. It is never stored.
func (r *reader) checkSubtotal(st *sheetState, c xlsx.Cell, ind catalog.Indicator, m measure, read map[int]int64) {
	h := st.header
	colc := h.cols[c.Col]
	var years []int
	for _, col := range h.yearCols {
		y := h.years[col]
		if colc.from == 0 || y >= colc.from && y <= colc.to {
			years = append(years, y)
		}
	}
	if colc.from != 0 && len(years) != colc.to-colc.from+1 {
		return // a span the table does not show ("Giai đoạn trước"): recognised, not checked
	}
	n, ok := r.figure(st, c, ind, 0, -1, m)
	if !ok {
		return
	}
	var sum, last int64
	lastYear := 0
	for _, y := range years {
		if v, ok := read[y]; ok {
			sum += v
			if y > lastYear {
				last, lastYear = v, y
			}
		}
	}
	if n.Hundredths == sum || ind.Agg == catalog.Last && lastYear != 0 && n.Hundredths == last {
		return
	}
	span := ""
	if len(years) > 0 {
		span = strconv.Itoa(years[0]) + "–" + strconv.Itoa(years[len(years)-1])
	}
	f := finding.New(finding.Error, finding.TotalMismatch, lang.F(
		"Ô %s (%s, cột \"%s\") ghi %s, nhưng số các năm %s cộng lại là %s. Hãy kiểm tra lại số của từng năm hoặc ô cộng (ô cộng không được lưu, chỉ dùng để đối chiếu).",
		"Cell %s (%s, column \"%s\") says %s, but the years %s add up to %s. Check each year's figure or the subtotal (the subtotal is not stored, only checked).",
		c.Ref, ind.Name, colc.label, vn.FormatDecimal(n.Hundredths), span, vn.FormatDecimal(sum))).At(st.name, xlsx.ColumnName(c.Col), cellRow(c.Ref))
	f.Indicator, f.Value = ind.Code, vn.FormatDecimal(n.Hundredths)
	r.sub.add(f)
}

// warnUnread reports, once per column, numbers in a column the table does
// not read: its header is blank, or says something other than a year.
func (r *reader) warnUnread(st *sheetState, row xlsx.Row) {
	h := st.header
	for _, c := range row.Cells {
		if c.Kind != xlsx.Number && c.Kind != xlsx.Text || c.Covered || st.unreadWarn[c.Col] {
			continue
		}
		if _, fig := h.cols[c.Col]; fig || c.Col == h.codeCol || c.Col == h.measureCol || c.Col >= h.nameFrom && c.Col <= h.nameTo ||
			h.layout == Long && (c.Col == h.yearCol || c.Col == h.valueCol || c.Col == h.unitCodeCol || c.Col == h.unitNameCol) ||
			h.labelled[c.Col] && h.ordinal(c.Col) {
			continue
		}
		// A number typed as text ("1.234") is a number to whoever reads
		// the sheet: it is not left behind without a word either.
		if _, err := vn.ParseText(c.Value); c.Kind == xlsx.Text && err != nil {
			continue
		}
		if st.unreadWarn == nil {
			st.unreadWarn = map[int]bool{}
		}
		st.unreadWarn[c.Col] = true
		col := xlsx.ColumnName(c.Col)
		if h.layout == Long {
			r.longUnread(st, c)
			continue
		}
		if !h.labelled[c.Col] {
			r.sub.add(finding.New(finding.Warning, finding.BlankHeader, lang.F(
				"Cột %s có số liệu (ô %s) nhưng ô tiêu đề (dòng %d) để trống nên bị bỏ qua. Nếu đây là số liệu một năm, hãy ghi năm vào ô tiêu đề.",
				"Column %s has figures (cell %s) but its header (row %d) is blank, so it is ignored. If these are a year's figures, write the year in the header.",
				col, c.Ref, h.end)).At(st.name, col, h.end))
			continue
		}
		if h.ordinal(c.Col) {
			continue
		}
		if i := slices.IndexFunc(h.partial, func(p column) bool { return p.col == c.Col }); i >= 0 {
			p := h.partial[i]
			r.sub.add(finding.New(finding.Warning, finding.UnreadColumn, lang.F(
				"Cột %s (tiêu đề \"%s\", ô %s) là số liệu của một phần năm %d, không phải của cả năm, nên không được đọc (ô %s và các ô dưới). Nếu đó là số cả năm, hãy sửa tiêu đề thành %d; nếu năm chưa hết, hãy ghi số ước cả năm vào cột \"%d (ước)\".",
				"Column %s (headed \"%s\", cell %s) holds figures for part of %d, not the whole year, so it is not read (cell %s and those below). If they are the whole year's, head the column %d; if the year is not over, write the estimate for the whole year in a column \"%d (ước)\".",
				col, p.label, p.ref, p.year, c.Ref, p.year, p.year)).At(st.name, col, h.end))
			continue
		}
		r.sub.add(finding.New(finding.Warning, finding.UnreadColumn, lang.F(
			"Cột %s có số (ô %s) nhưng tiêu đề của cột không phải là năm, kế hoạch hay cột cộng nên không được đọc. Nếu đây là số liệu một năm, hãy ghi năm vào ô tiêu đề (dòng %d).",
			"Column %s holds numbers (cell %s) but its header is not a year, a plan or a subtotal, so it is not read. If these are a year's figures, write the year in the header (row %d).",
			col, c.Ref, h.end)).At(st.name, col, h.end))
	}
}

// withdrawnRow refuses a row whose note says it is withdrawn or not to be
// used ("Số liệu sai, không sử dụng"): a reader does not count it, and
// nobody can tell whether the sender meant it to be. Only notes are read
// for it: the table's own columns (code, name, unit, year, figures) are not.
func (r *reader) withdrawnRow(st *sheetState, row xlsx.Row, ind catalog.Indicator) bool {
	h := st.header
	for _, c := range row.Cells {
		if c.Kind != xlsx.Text || h.ownColumn(c.Col) || !vn.Withdrawn(c.Value) {
			continue
		}
		f := finding.New(finding.Error, finding.TypeError, lang.F(
			"Ô %s ghi \"%s\": người đọc bảng hiểu là số liệu dòng %d (%s) không dùng. Nếu không dùng, hãy xóa các số của dòng; nếu có dùng, hãy sửa lại ô đó rồi gửi lại.",
			"Cell %s reads \"%s\": a reader takes the figures of row %d (%s) as not to be used. If they are not, clear them; if they are, correct that cell and resend.",
			c.Ref, strings.TrimSpace(c.Value), row.Num, ind.Name)).At(st.name, xlsx.ColumnName(c.Col), row.Num)
		f.Indicator = ind.Code
		r.sub.add(f)
		return true
	}
	return false
}

// ownColumn reports one of the table's own columns, not a note.
func (h *header) ownColumn(col int) bool {
	if _, fig := h.cols[col]; fig {
		return true
	}
	switch col {
	case h.codeCol, h.measureCol, h.yearCol, h.valueCol, h.unitCodeCol, h.unitNameCol, h.periodCol:
		return col != 0
	}
	return col >= h.nameFrom && col <= h.nameTo
}

// wholeYear reads a long table's period cell that means the whole year:
// "Cả năm", "Năm", "12 tháng", a year.
func wholeYear(text string) bool {
	switch k := vn.Key(text); k {
	case "cả năm", "năm", "12 tháng", "cn":
		return true
	}
	_, ok := singleYear(text)
	return ok
}

// longUnread tells of a long table's column of numbers that is none of its
// columns: a plan beside Giá trị is not stored (a warning); any other
// (an adjusted value, an unlabelled second figure) refuses the file, since
// a reader cannot tell which of the two numbers of a row is its figure.
func (r *reader) longUnread(st *sheetState, c xlsx.Cell) {
	h := st.header
	col := xlsx.ColumnName(c.Col)
	if label, ok := h.planCols[c.Col]; ok {
		r.sub.add(finding.New(finding.Warning, finding.PlanSkipped, lang.F(
			"Cột %s (\"%s\") là kế hoạch, không phải kết quả thực hiện: các số của cột (như ô %s) không được lưu.",
			"Column %s (\"%s\") is a plan, not results: its numbers (such as cell %s) are not stored.",
			col, label, c.Ref)).At(st.name, col, h.end))
		return
	}
	r.sub.add(finding.New(finding.Error, finding.UnreadColumn, lang.F(
		"Cột %s có số (ô %s) bên cạnh cột Giá trị (cột %s), mà bảng dạng dọc chỉ có một số cho mỗi dòng: không rõ số nào là số liệu. Nếu số liệu ở cột %s, hãy đưa nó vào cột Giá trị; nếu là ghi chú, hãy đặt tiêu đề cột là \"Ghi chú\"; nếu không dùng, hãy xóa cột rồi gửi lại.",
		"Column %s holds numbers (cell %s) beside the Giá trị column (%s), but a long table has one figure a row: nobody can tell which is the figure. If the figures are in column %s, move them into Giá trị; if it is a note, head the column \"Ghi chú\"; if unused, delete the column and resend.",
		col, c.Ref, xlsx.ColumnName(h.valueCol), col)).At(st.name, col, h.end))
}

// rowMeasure is the measure a row's figures are in: its "Đơn vị tính" cell,
// else (for money) a measure line above the table. A measure the figures
// cannot be converted from is a measure-mismatch error, and the row is not
// read.
func (r *reader) rowMeasure(st *sheetState, row xlsx.Row, ind catalog.Indicator) (measure, bool) {
	text, c := r.textAt(row, st.header.measureCol)
	var m measure
	where := c.Ref
	meta := st.meta.measureCell != "" && ind.Kind == catalog.Money
	switch {
	case text == ind.Unit && !meta:
		return measure{}, true // the catalog's own measure, as almost every row writes it
	case text == ind.Unit:
		// The catalog's own measure, checked against the line above below.
		parsed, ok := r.measure(text)
		if !ok {
			parsed = measure{text: text}
		}
		m = parsed
	case text != "":
		parsed, ok := r.measure(text)
		if !ok {
			if ind.Kind == catalog.Money {
				r.measureError(st, ind, text, c.Ref, cellRow(c.Ref), c.Col)
				return measure{}, false
			}
			return measure{}, true // a count measure tongket does not know: the catalog's is meant
		}
		m = parsed
	case st.nameMeasure != "":
		// "Kinh phí xây, sửa nhà (đồng)": the measure in the name's brackets.
		text, c = st.nameMeasure, cellOf(row, st.header.nameFrom)
		parsed, _ := r.measure(text)
		m, where = parsed, c.Ref
	case meta:
		m, where = st.meta.measure, st.meta.measureCell
	default:
		return measure{}, true
	}
	if meta && ind.Kind == catalog.Money {
		if other, otherCell, ok := st.meta.moneyConflict(m, where); ok {
			r.measureConflict(st, ind, row.Num, m.text, where, other, otherCell)
			return measure{}, false
		}
	}
	if p := measureProblem(m, ind, r.cat); p != "" {
		col, rw, _ := xlsx.ParseRef(where)
		r.measureError(st, ind, m.text, where, rw, col)
		return measure{}, false
	}
	if m.money && m.shift != 0 {
		st.converted = append(st.converted, row.Num)
		if st.convMeasure == "" {
			st.convMeasure = m.text
		}
	}
	return m, true
}

// nameMeasure is a measure written in brackets at the end of a row's
// indicator name ("Kinh phí … (triệu đồng)"), "" when there is none.
func nameMeasure(row xlsx.Row, h *header, r *reader) string {
	if c, ok := cellAt(row, h.nameFrom); !ok || !strings.HasSuffix(strings.TrimSpace(c.Value), ")") {
		return "" // almost every row: the name cell ends without a bracket
	}
	name, _ := r.nameAt(row, h)
	if !strings.HasSuffix(name, ")") {
		return ""
	}
	i := strings.LastIndexByte(name, '(')
	if i < 0 {
		return ""
	}
	text := strings.TrimSpace(name[i+1 : len(name)-1])
	if _, ok := r.measure(text); !ok {
		return ""
	}
	return text
}

func cellOf(row xlsx.Row, col int) xlsx.Cell {
	c, _ := cellAt(row, col)
	return c
}

// measure is parseMeasure, once per distinct text of a file.
func (r *reader) measure(text string) (measure, bool) {
	if m, ok := r.measures[text]; ok {
		return m, true
	}
	if r.notMeasure[text] {
		return measure{}, false
	}
	m, ok := parseMeasure(text)
	if r.measures == nil {
		r.measures, r.notMeasure = map[string]measure{}, map[string]bool{}
	}
	if ok {
		r.measures[text] = m
	} else {
		r.notMeasure[text] = true
	}
	return m, ok
}

// moneyConflict reports a money measure stated above the table that
// disagrees with m, stated at where (the row's own, or the first line).
func (m metaScan) moneyConflict(ms measure, where string) (other, otherCell string, ok bool) {
	switch {
	case where != m.measureCell && m.measure.money && m.measure.shift != ms.shift:
		return m.measure.text, m.measureCell, true
	case m.otherMoneyCell != "":
		return m.otherMoney, m.otherMoneyCell, true
	}
	return "", "", false
}

// measureConflict refuses a money row whose measure is stated two ways:
// which one the figures are in decides a factor of a thousand or more.
func (r *reader) measureConflict(st *sheetState, ind catalog.Indicator, row int, text, where, other, otherCell string) {
	col, _, _ := xlsx.ParseRef(where)
	f := finding.New(finding.Error, finding.MeasureMismatch, lang.F(
		"Chỉ tiêu \"%s\" (dòng %d): ô %s ghi đơn vị tính \"%s\", còn ô %s ghi \"%s\"; không rõ số tiền của dòng này tính theo đơn vị nào. Hãy để lại một cách ghi đơn vị tính đúng với số liệu (sửa hoặc xóa ô kia) rồi gửi lại.",
		"Indicator \"%s\" (row %d): cell %s states the measure \"%s\", while cell %s states \"%s\"; nobody can tell which the row's money is in. Keep the one measure that fits the figures (correct or delete the other cell) and resend.",
		ind.Name, row, where, text, otherCell, other)).At(st.name, xlsx.ColumnName(col), row)
	f.Cell, f.Indicator, f.Value = where, ind.Code, text
	r.sub.add(f)
}

func (r *reader) measureError(st *sheetState, ind catalog.Indicator, text, ref string, row, col int) {
	f := finding.New(finding.Error, finding.MeasureMismatch, lang.F(
		"Ô %s: chỉ tiêu \"%s\" tính bằng %s, nhưng đơn vị tính ghi là \"%s\", không đổi được sang %s. Hãy ghi số theo %s (và sửa đơn vị tính), hoặc kiểm tra lại dòng này có đúng chỉ tiêu không.",
		"Cell %s: the indicator \"%s\" is counted in %s, but the stated measure is \"%s\", which cannot be converted to %s. Write the figures in %s (and correct the measure), or check that the row is the right indicator.",
		ref, ind.Name, ind.Unit, text, ind.Unit, ind.Unit)).At(st.name, xlsx.ColumnName(col), row)
	f.Cell, f.Indicator, f.Value = ref, ind.Code, text
	r.sub.add(f)
}

func (r *reader) longRow(st *sheetState, row xlsx.Row) {
	h := st.header
	if r.unitIndex == nil {
		r.unitIndex = map[[2]string]int{}
	}
	if isTotalRow(row, h.valueCol) {
		return
	}
	if row.Hidden || row.View != nil && table.HiddenCol(row, h.valueCol) {
		// Nobody reading the sheet sees this value: reported with the
		// others at the end of the sheet (a filtered export can hide
		// thousands of rows), never read.
		if c, ok := cellAt(row, h.valueCol); ok && !isBlank(c) && !r.labelMerge(h, c) {
			if st.hiddenCount == 0 {
				st.hiddenFirst = xlsx.Row{Num: row.Num, Hidden: row.Hidden, Outline: row.Outline, View: row.View}
			}
			if st.hiddenCount++; len(st.hiddenLong) < 10 { // the message names ten
				st.hiddenLong = append(st.hiddenLong, strings.Clone(c.Ref))
				st.hiddenRows = append(st.hiddenRows, row.Num)
			}
		}
		return
	}
	if row.View != nil && r.hiddenLongLabels(st, row) {
		return
	}
	code, codeCell := r.textAt(row, h.codeCol)
	name, nameCell := r.nameAt(row, h)
	ucode, ucodeCell := r.textAt(row, h.unitCodeCol)
	uname, unameCell := r.textAt(row, h.unitNameCol)
	yearText, yearCell := r.textAt(row, h.yearCol)
	valueCell, hasValue := cellAt(row, h.valueCol)
	if hasValue && isBlank(valueCell) {
		hasValue = false
	}
	if code == "" && name == "" && ucode == "" && uname == "" && yearText == "" && !hasValue {
		return
	}
	r.warnUnread(st, row)
	if h.periodCol != 0 {
		if text, c := r.textAt(row, h.periodCol); text != "" && !wholeYear(text) {
			// "6 tháng đầu năm", "Quý I": part of a year, not its figure.
			r.sub.add(finding.New(finding.Error, finding.TypeError, lang.F(
				"Dòng %d ghi kỳ \"%s\" (ô %s): số liệu của một phần năm, mà tongket chỉ nhận số liệu cả năm. Hãy chỉ gửi các dòng số liệu cả năm (kỳ để trống hoặc ghi \"Cả năm\").",
				"Row %d gives the period \"%s\" (cell %s): part of a year, while tongket takes whole years only. Send only rows of whole years (period blank or \"Cả năm\").",
				row.Num, text, c.Ref)).At(st.name, xlsx.ColumnName(c.Col), row.Num))
			return
		}
	}
	if r.garbledName(st.name, nameCell, row.Num, name) {
		if code == "" {
			return
		}
		name = ""
	}
	ind, ok, problem := r.matchIndicator(st.name, code, name, codeCell, nameCell, row.Num, row.View != nil && table.HiddenCol(row, h.codeCol))
	if !ok {
		if problem != nil {
			r.sub.add(*problem)
		} else if hasValue {
			r.sub.add(finding.New(finding.Error, finding.UnknownIndicator, lang.F(
				"Dòng %d có giá trị nhưng không ghi chỉ tiêu. Hãy ghi mã hoặc tên chỉ tiêu.",
				"Row %d has a value but names no indicator. Write the indicator's code or name.",
				row.Num)).At(st.name, xlsx.ColumnName(max(h.codeCol, h.nameFrom)), row.Num))
		}
		return
	}
	year, ok := r.longYear(st.name, yearCell, yearText, ind, row.Num)
	if !ok {
		return
	}
	if ucode == "" && uname == "" {
		if hasValue {
			f := finding.New(finding.Error, finding.MissingUnit, lang.F(
				"Dòng %d không ghi mã đơn vị và tên đơn vị. Hãy ghi mã đơn vị vào cột \"Mã đơn vị\" của dòng này.",
				"Row %d gives neither a unit code nor a unit name. Write the unit code in the \"Mã đơn vị\" column of this row.",
				row.Num)).At(st.name, xlsx.ColumnName(cmp.Or(h.unitCodeCol, h.unitNameCol)), row.Num)
			f.Indicator, f.Year = ind.Code, year
			r.sub.add(f)
		}
		return
	}
	key := [2]string{ucode, uname}
	ui, seen := r.unitIndex[key]
	if !seen {
		r.garbledName(st.name, unameCell, row.Num, uname)
		ui = len(r.sub.Units)
		ref := ucodeCell.Ref
		if ucode == "" {
			ref = unameCell.Ref
		}
		r.sub.Units = append(r.sub.Units, Unit{Code: ucode, Name: uname, Sheet: st.name, Cell: ref})
		r.unitIndex[key] = ui
		r.unitLog = append(r.unitLog, key)
	}
	if !hasValue {
		return
	}
	if valueCell.Merge != nil && !r.labelMerge(h, valueCell) && r.mergedFigure(st, valueCell, ind, nil) {
		return
	}
	if r.withdrawnRow(st, row, ind) {
		r.setBad(cellKey{ui, ind.Code, year})
		return
	}
	m, ok := r.rowMeasure(st, row, ind)
	if !ok {
		r.setBad(cellKey{ui, ind.Code, year})
		return
	}
	if n, ok := r.figure(st, valueCell, ind, year, ui, m); ok {
		if want := len(r.sub.Figures) + row.LastRow - row.Num + 1; cap(r.sub.Figures) < want && len(r.sub.Figures) <= 8192 {
			// One figure a row: sized by the sheet's declared or estimated
			// length while it is short, a million-row sheet is not copied
			// again and again as its slice grows.
			r.sub.Figures = append(make([]Figure, 0, want), r.sub.Figures...)
		}
		r.addFigure(st, Figure{Unit: int32(ui), Indicator: ind.Code, Year: int32(year), Value: n.Hundredths, Row: int32(row.Num), Col: int16(h.valueCol)})
	}
}

// hiddenLongRows reports the values of a long table that lie in hidden
// rows or a hidden value column: one finding for the sheet.
func (r *reader) hiddenLongRows(st *sheetState) {
	cells := st.hiddenLong
	list := table.ListCells(cells)
	if more := st.hiddenCount - len(cells); more > 0 {
		list += " … (+" + strconv.Itoa(more) + ")"
	}
	holds := lang.F("giá trị ở các ô %s", "values in cells %s", list)
	if st.hiddenCount == 1 {
		holds = lang.F("giá trị ở ô %s", "a value in cell %s", cells[0])
	}
	first := st.hiddenFirst
	if table.HiddenCol(first, st.header.valueCol) {
		r.sub.add(table.HiddenColumn(st.name, first.View, st.header.valueCol, "", holds, cells))
		return
	}
	r.sub.add(table.HiddenRows(st.name, first, st.hiddenRows, st.hiddenCount, holds, cells))
}

func (r *reader) addFigure(st *sheetState, f Figure) {
	f.Sheet = st.index
	r.sub.Figures = append(r.sub.Figures, f)
}

// longYear reads the Năm cell of a long-layout row.
func (r *reader) longYear(sheet string, c xlsx.Cell, text string, ind catalog.Indicator, row int) (int, bool) {
	col := xlsx.ColumnName(int(c.Col))
	if text == "" {
		f := finding.New(finding.Error, finding.MissingLabel, lang.F(
			"Dòng %d (%s) không ghi năm. Hãy ghi năm, ví dụ 2023.",
			"Row %d (%s) has no year. Write the year, e.g. 2023.", row, ind.Name)).At(sheet, col, row)
		f.Indicator = ind.Code
		r.sub.add(f)
		return 0, false
	}
	l := r.headerLabel(c)
	y, ok := l.year, l.kind == colYear && l.year != 0 && !l.mark && !l.estimate
	if !ok {
		t := lang.F(
			"Ô %s: \"%s\" không phải là năm. Hãy ghi năm bằng 4 chữ số, ví dụ 2023.",
			"Cell %s: \"%s\" is not a year. Write a four-digit year, e.g. 2023.", c.Ref, text)
		switch {
		case c.Kind == xlsx.Number && r.format(c.Style).Date:
			// A date cell: the reader sees a day, the cell holds a serial.
			if v, err := strconv.ParseFloat(c.Value, 64); err == nil {
				d := xlsx.DateSerial(v, r.book.Date1904())
				t = lang.F("Ô %s là ngày %s, không phải một năm. Hãy ghi năm bằng 4 chữ số, ví dụ %d.",
					"Cell %s is the date %s, not a year. Write a four-digit year, e.g. %d.", c.Ref, d.Format("02/01/2006"), d.Year())
			}
		case l.year != 0 && (l.mark || l.estimate):
			// "2021 (ước)": the year, with a remark the column cannot hold.
			t = lang.F("Ô %s ghi \"%s\": cột Năm chỉ ghi năm. Hãy ghi %d, và ghi phần còn lại (ví dụ \"ước\") vào cột Ghi chú.",
				"Cell %s reads \"%s\": the Năm column holds the year alone. Write %d, and the rest (e.g. \"ước\") in the Ghi chú column.", c.Ref, text, l.year)
		}
		f := finding.New(finding.Error, finding.TypeError, t).At(sheet, col, row)
		f.Indicator, f.Value = ind.Code, text
		r.sub.add(f)
		return 0, false
	}
	if y < MinYear || y > r.maxYear {
		f := finding.New(finding.Error, finding.YearOutOfRange, lang.F(
			"Ô %s: năm %d không hợp lệ, năm phải từ %d đến %d. Hãy sửa lại năm.",
			"Cell %s: year %d is out of range; years run from %d to %d. Correct the year.",
			c.Ref, y, MinYear, r.maxYear)).At(sheet, col, row)
		f.Indicator, f.Year, f.Value = ind.Code, y, text
		r.sub.add(f)
		return 0, false
	}
	return y, true
}

// figure reads a figure cell of indicator ind, in measure m, as a person
// reads it on the sheet. unit < 0 marks a cell that is not stored (a total
// or subtotal). ok is false for an empty cell (not reported) and for a cell
// with a finding.
func (r *reader) figure(st *sheetState, c xlsx.Cell, ind catalog.Indicator, year, unit int, m measure) (vn.Number, bool) {
	// Worded only for a finding: most cells are fine, and formatting the
	// context of each was a fifth of reading a file.
	ctx := func() lang.Text {
		if year == 0 {
			return lang.F("Ô %s (%s)", "Cell %s (%s)", c.Ref, ind.Name)
		}
		return lang.F("Ô %s (%s, năm %d)", "Cell %s (%s, year %d)", c.Ref, ind.Name, year)
	}
	bad := func(code string, value string, t lang.Text) {
		f := finding.New(finding.Error, code, lang.Join(": ", ctx(), t)).At(st.name, xlsx.ColumnName(int(c.Col)), cellRow(c.Ref))
		f.Indicator, f.Year, f.Value = ind.Code, year, value
		r.sub.add(f)
		if unit >= 0 {
			r.setBad(cellKey{unit, ind.Code, year})
		}
	}
	kind, value := c.Kind, c.Value
	if kind != xlsx.Blank && ind.Code != "" && r.book.Struck(c.Style) {
		// A figure struck through is one the office withdrew, to whoever
		// reads the sheet; nobody can tell whether it is meant.
		bad(finding.TypeError, value, lang.F(
			"số %s bị gạch ngang: người đọc bảng hiểu đó là số đã bỏ. Nếu số này không báo cáo, hãy xóa ô; nếu có, hãy bỏ gạch ngang (Format Cells > Font > Strikethrough) rồi gửi lại.",
			"the figure %s is struck through, which a reader takes for withdrawn. If it is not reported, clear the cell; if it is, remove the strikethrough (Format Cells > Font > Strikethrough) and resend.",
			strings.Replace(value, ".", ",", 1)))
		return vn.Number{}, false
	}
	if c.Formula && (!c.Cached || r.book.FullCalcOnLoad()) {
		v, err := r.book.Calc(xlsx.Sheet{Name: st.name}, c.Ref)
		var fe *xlsx.FormulaError
		switch {
		case errors.Is(err, xlsx.ErrCircular):
			bad(finding.FormulaError, "", lang.F(
				"công thức tham chiếu vòng tròn (ô tính từ chính nó), Excel không tính được. Hãy sửa công thức hoặc nhập thẳng số.",
				"the formula is circular (the cell depends on itself), so Excel cannot compute it. Fix the formula or type the number."))
			return vn.Number{}, false
		case errors.As(err, &fe):
			bad(finding.FormulaError, fe.Value, lang.F(
				"công thức cho kết quả lỗi %s. Hãy sửa công thức hoặc nhập thẳng số.",
				"the formula yields the error %s. Fix the formula or type the number.", fe.Value))
			return vn.Number{}, false
		case err != nil:
			bad(finding.FormulaError, "", lang.F(
				"không tính được công thức (%v). Hãy nhập thẳng số thay cho công thức.",
				"the formula cannot be calculated (%v). Type the number instead of the formula.", err))
			return vn.Number{}, false
		}
		kind, value = xlsx.Number, v
		if v == "" {
			kind = xlsx.Blank
		} else if _, err := strconv.ParseFloat(v, 64); err != nil {
			kind = xlsx.Text
		}
	}
	var (
		n      vn.Number
		err    error
		scaled int // thousands divisions of a scaling number format
	)
	switch kind {
	case xlsx.Blank:
		return vn.Number{}, false
	case xlsx.Error:
		bad(finding.FormulaError, value, lang.F(
			"ô chứa lỗi %s. Hãy sửa công thức hoặc nhập thẳng số.",
			"the cell holds the error %s. Fix the formula or type the number.", value))
		return vn.Number{}, false
	case xlsx.Bool:
		bad(finding.TypeError, value, lang.F(
			"ô chứa giá trị đúng/sai (%s), không phải là số. Hãy nhập một số.",
			"the cell holds a true/false value (%s), not a number. Type a number.", value))
		return vn.Number{}, false
	case xlsx.Number:
		fm := r.format(c.Style)
		switch {
		case fm.Percent && ind.Code != "":
			shown := value
			if p, err := vn.ParseRawShift(value, 2); err == nil {
				shown = vn.FormatDecimal(p.Hundredths) + "%"
			}
			bad(finding.TypeError, value, lang.F(
				"ô được định dạng phần trăm (%s) nên hiện ra %s, khác với số lưu trong ô (%s). Số liệu này không phải tỷ lệ: hãy đổi định dạng ô thành Số (Number) và nhập lại số.",
				"the cell is formatted as a percentage (%s), so it shows %s, not the number stored (%s). This figure is not a rate: format the cell as Number and type the figure again.",
				r.book.NumFmt(c.Style), shown, value))
			return vn.Number{}, false
		case fm.Date:
			bad(finding.TypeError, value, lang.F(
				"ô được định dạng ngày tháng (%s) nên số %s hiện ra thành một ngày. Hãy đổi định dạng ô thành Số (Number) và kiểm tra lại số.",
				"the cell is formatted as a date (%s), so the number %s shows as a date. Format the cell as Number and check the figure.",
				r.book.NumFmt(c.Style), value))
			return vn.Number{}, false
		}
		if fm.Sections > 0 && r.showsNoDigits(fm, c, value, bad) {
			return vn.Number{}, false
		}
		if words := strings.TrimSpace(fm.Words); words != "" && ind.Code != "" {
			// "0.00\" nghìn\"" shows 8,45 nghìn for 8,45: a reader takes
			// the words for the figure's measure, tongket cannot.
			if wm, ok := r.measure(words); ok && (wm.scale || wm.money && (ind.Kind != catalog.Money || wm.shift != m.shift)) {
				shown := strings.Replace(value, ".", ",", 1) // as the cell writes it, decimals and all
				bad(finding.TypeError, value, lang.F(
					"định dạng số của ô (%s) ghi thêm chữ \"%s\" nên ô hiện ra %s %s, còn số trong ô là %s; tongket không lấy đơn vị tính từ định dạng ô. Hãy nhập số theo %s và bỏ chữ đó khỏi định dạng (Format Cells > Number).",
					"the cell's number format (%s) adds the words \"%s\", so it shows %s %s while it holds %s; tongket does not take a measure from a cell's format. Type the figure in %s and remove the words from the format (Format Cells > Number).",
					r.book.NumFmt(c.Style), words, shown, words, shown, cmp.Or(m.text, ind.Unit)))
				return vn.Number{}, false
			}
		}
		if fm.Scale > 0 && ind.Kind == catalog.Count {
			// "#,##0," shows 12345 as 12: a count read as shown would be
			// a thousandth of what the cell holds, and read as stored it
			// is not what the sheet shows.
			bad(finding.AmbiguousNumber, value, lang.F(
				"ô có định dạng số chia cho %s khi hiển thị (%s): trên bảng hiện một số, trong ô lại là %s. Hãy bỏ định dạng đó (định dạng ô thành Số) và ghi đúng số %s.",
				"the cell's number format divides by %s for display (%s): the sheet shows one number, the cell holds %s. Remove that format (format the cell as Number) and write the actual number of %s.",
				"1"+strings.Repeat(".000", fm.Scale), r.book.NumFmt(c.Style), value, ind.Unit))
			return vn.Number{}, false
		}
		n, err = vn.ParseRawShift(value, m.shift-3*fm.Scale)
		scaled = fm.Scale
		if err != nil {
			bad(finding.ConstraintError, value, lang.F("số %s quá lớn hoặc không hợp lệ. Hãy kiểm tra lại.",
				"the number %s is too large or invalid. Check it.", value))
			return vn.Number{}, false
		}
	default:
		text := strings.TrimSpace(vn.NFC(value))
		if text == "" {
			return vn.Number{}, false
		}
		if ind.Kind == catalog.Count && englishThousands(text) {
			whole := strings.Replace(text, ",", "", 1)
			bad(finding.AmbiguousNumber, text, lang.F(
				"\"%s\" không rõ là số nào: viết theo kiểu Việt Nam thì đó là một số lẻ (có phần thập phân), mà chỉ tiêu này đếm %s; gõ theo kiểu tiếng Anh thì lại là %s. Nếu ý là %s, hãy ghi %s (dấu chấm phân cách hàng nghìn) hoặc nhập số vào ô kiểu số.",
				"\"%s\" is ambiguous: written the Vietnamese way it has decimals, though this indicator counts %s; typed the English way it is %s. If you mean %s, write %s (a dot groups thousands) or type it into a number cell.",
				text, ind.Unit, whole, whole, vn.FormatInt(atoi64(whole))))
			return vn.Number{}, false
		}
		if ind.Kind == catalog.Money && englishThousands(text) {
			// "1,250": 1,25 triệu the Vietnamese way, 1.250 triệu the
			// English way; the trailing zero does not make it a decimal.
			whole := strings.Replace(text, ",", "", 1)
			measure := cmp.Or(m.text, ind.Unit)
			bad(finding.AmbiguousNumber, text, lang.F(
				"\"%s\" không rõ là số nào: viết theo kiểu Việt Nam thì đó là %s %s (dấu phẩy là dấu thập phân); gõ theo kiểu tiếng Anh thì lại là %s %s. Hãy ghi %s nếu là số thập phân, hoặc %s nếu là số nghìn (dấu chấm phân cách hàng nghìn); hoặc nhập số vào ô kiểu số.",
				"\"%s\" is ambiguous: written the Vietnamese way it is %s %s (the comma is the decimal mark); typed the English way it is %s %s. Write %s for the decimal, or %s for the thousands (a dot groups thousands); or type it into a number cell.",
				text, strings.TrimRight(strings.TrimRight(text, "0"), ","), measure, vn.FormatInt(atoi64(whole)), measure,
				strings.TrimRight(strings.TrimRight(text, "0"), ","), vn.FormatInt(atoi64(whole))))
			return vn.Number{}, false
		}
		n, err = vn.ParseTextShift(text, m.shift)
		switch {
		case err == nil:
		case errors.Is(err, vn.ErrEmpty):
			return vn.Number{}, false
		case errors.Is(err, vn.ErrAmbiguous):
			bad(finding.AmbiguousNumber, text, lang.F(
				"\"%s\" không rõ là số nào: dấu chấm chỉ dùng để phân cách hàng nghìn (nhóm đúng 3 chữ số), dấu phẩy là dấu thập phân. Hãy ghi %s nếu là số thập phân, hoặc nhập số vào ô kiểu số.",
				"\"%s\" is ambiguous: a dot only groups thousands (groups of exactly three digits) and the comma is the decimal mark. Write %s for a decimal, or type it into a number cell.",
				text, strings.ReplaceAll(text, ".", ",")))
			return vn.Number{}, false
		case errors.Is(err, vn.ErrTooLarge):
			bad(finding.ConstraintError, text, lang.F("số \"%s\" quá lớn. Hãy kiểm tra lại đơn vị tính.",
				"\"%s\" is too large. Check the unit of measure.", text))
			return vn.Number{}, false
		default:
			example := "200"
			if digits := digitsOf(text); digits != "" {
				example = digits
			}
			bad(finding.TypeError, text, lang.F(
				"\"%s\" không phải là số. Hãy nhập một số, ví dụ %s; để trống nếu chưa có số liệu.",
				"\"%s\" is not a number. Type a number, e.g. %s; leave it empty if there is no figure.",
				text, example))
			return vn.Number{}, false
		}
		value = text
	}
	n, code, shown, t := r.precise(n, kind == xlsx.Number, value, ind, m)
	if code != "" {
		bad(code, shown, t)
		return vn.Number{}, false
	}
	if scaled > 0 {
		if len(st.scaled) == 0 {
			st.scaledExample = [2]string{value, vn.FormatDecimal(n.Hundredths)}
		}
		st.scaled = append(st.scaled, c.Ref)
		st.scaledBy = max(st.scaledBy, scaled)
	}
	return n, true
}

// showsNoDigits refuses a number whose format shows no digit for it: ";;;"
// shows an empty cell, "\"chưa có số liệu\"" only those words, whatever the
// cell holds. A zero shown as "-" or "–" is a zero (FORMATS.md §2), as a
// person reads it.
func (r *reader) showsNoDigits(fm xlsx.Format, c xlsx.Cell, value string, bad func(code, value string, t lang.Text)) bool {
	v, err := strconv.ParseFloat(value, 64)
	if err != nil {
		return false
	}
	shown, bare := fm.ShowsNoDigits(v)
	if !bare || v == 0 && (shown == "-" || shown == "–") {
		return false
	}
	if shown == "" {
		bad(finding.TypeError, value, lang.F(
			"định dạng số của ô (%s) không hiện chữ số nào nên trên bảng ô này trông như để trống, nhưng trong ô có số %s. Hãy đặt định dạng Số cho ô (Format Cells > Number) để số hiện ra, hoặc xóa ô nếu chưa có số liệu.",
			"the cell's number format (%s) shows no digits, so on the sheet it looks empty, yet it holds the number %s. Give the cell a Number format (Format Cells > Number) so the figure shows, or clear the cell if there is no figure.",
			r.book.NumFmt(c.Style), value))
		return true
	}
	bad(finding.TypeError, value, lang.F(
		"định dạng số của ô (%s) không hiện chữ số nào nên trên bảng ô này hiện chữ \"%s\", nhưng trong ô có số %s. Hãy đặt định dạng Số cho ô (Format Cells > Number) để số hiện ra, hoặc xóa ô nếu chưa có số liệu.",
		"the cell's number format (%s) shows no digits, so on the sheet it reads \"%s\", yet it holds the number %s. Give the cell a Number format (Format Cells > Number) so the figure shows, or clear the cell if there is no figure.",
		r.book.NumFmt(c.Style), shown, value))
	return true
}

// precise refuses a figure that holds more than tongket keeps: a count
// whose fraction rounding to hundredths would hide (3,004), money beyond
// 0,01 triệu đồng (1,254; 1.234.567 đồng). A count with a visible fraction
// is left to check's not-whole.
// It returns the finding's code, value and words when the figure is
// refused ("" when it is kept); the wording is built only then.
func (r *reader) precise(n vn.Number, numeric bool, written string, ind catalog.Indicator, m measure) (vn.Number, string, string, lang.Text) {
	if n.Exact && (n.Whole || ind.Kind != catalog.Count) {
		return n, "", "", lang.Text{} // almost every figure
	}
	if numeric {
		written = strings.Replace(written, ".", ",", 1) // as a Vietnamese reader writes it
	}
	switch {
	case ind.Kind == catalog.Count && numeric && n.Decimals == 3 && n.Hundredths < 100_000:
		// 3,004 in a count: most likely "3.004" typed into an English
		// Excel, where the dot is a decimal point.
		thousands := strings.Replace(written, ",", "", 1)
		return vn.Number{}, finding.AmbiguousNumber, written, lang.F(
			"ô chứa số %s, có phần thập phân, mà chỉ tiêu này đếm %s. Nếu ý là %s (gõ \"%s\" trên Excel tiếng Anh, nơi dấu chấm là dấu thập phân), hãy nhập %s; nếu không, hãy sửa thành số nguyên.",
			"the cell holds %s, which has decimals, but this indicator counts %s. If you meant %s (typed \"%s\" in an English Excel, where the dot is the decimal point), type %s; otherwise correct it to a whole number.",
			written, ind.Unit, strings.TrimLeft(thousands, "0"), strings.Replace(written, ",", ".", 1), strings.TrimLeft(thousands, "0"))
	case ind.Kind == catalog.Count && !n.Whole && n.Hundredths%100 == 0:
		return vn.Number{}, finding.NotWhole, written, lang.F(
			"%s không phải số nguyên, mà chỉ tiêu này đếm %s. Hãy nhập số nguyên.",
			"%s is not a whole number, and this indicator counts %s. Type a whole number.",
			vn.FormatDecimal(n.Hundredths)+"…", ind.Unit)
	case ind.Kind == catalog.Money && !n.Exact && m.shift != 0:
		return vn.Number{}, finding.AmbiguousNumber, written, lang.F(
			"%s %s là %s… triệu đồng, lẻ dưới 10.000 đồng; tongket giữ số tiền đến 0,01 triệu đồng (10.000 đồng). Hãy làm tròn số tiền đến hàng chục nghìn đồng, hoặc ghi theo triệu đồng.",
			"%s %s is %s… triệu đồng, with a part below 10,000 đồng; tongket keeps money to 0.01 triệu đồng (10,000 đồng). Round the amount to tens of thousands of đồng, or write it in triệu đồng.",
			written, m.text, vn.FormatDecimal(n.Hundredths))
	case ind.Kind == catalog.Money && !n.Exact:
		return vn.Number{}, finding.AmbiguousNumber, written, lang.F(
			"\"%s\" có %d chữ số sau dấu phẩy, mà số tiền chỉ được ghi đến 0,01 triệu đồng. Nếu là số thập phân, hãy làm tròn còn 2 chữ số (ví dụ %s); nếu là số nghìn viết kiểu tiếng Anh, hãy ghi %s.",
			"\"%s\" has %d digits after the decimal mark, but money is kept to 0.01 triệu đồng. If it is a decimal, round it to 2 digits (e.g. %s); if it is an English-style thousands number, write %s.",
			written, n.Decimals, vn.FormatDecimal(n.Hundredths), strings.NewReplacer(",", ".", ".", ".").Replace(written))
	}
	return n, "", "", lang.Text{}
}

func atoi64(s string) int64 {
	n, _ := strconv.ParseInt(s, 10, 64)
	return n
}

// englishThousands reports text like "7,067" or "12,500": a comma then
// exactly three digits, which is a decimal the Vietnamese way and a
// thousands group the English way.
func englishThousands(s string) bool {
	ip, frac, ok := strings.Cut(s, ",")
	if !ok || len(frac) != 3 || len(ip) == 0 || len(ip) > 3 || strings.ContainsAny(ip, ". ") {
		return false
	}
	for _, r := range ip + frac {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// digitsOf pulls the digits out of "khoảng 200" to suggest "200".
func digitsOf(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' || (b.Len() > 0 && (r == '.' || r == ',')) {
			b.WriteRune(r)
		} else if b.Len() > 0 {
			break
		}
	}
	return strings.TrimRight(b.String(), ".,")
}

func cellRow(ref string) int {
	_, row, err := xlsx.ParseRef(ref)
	if err != nil {
		return 0
	}
	return row
}

// finishSheet adds the warnings a sheet earned once read: figures read
// under an estimate or a mark, plan columns skipped, figures read through
// a scaling format, money converted to triệu đồng.
func (r *reader) finishSheet(st *sheetState) {
	for _, col := range st.hiddenOrder {
		cells := st.hiddenCells[col]
		holds := lang.F("số liệu ở các ô %s", "figures in cells %s", table.ListCells(cells))
		if len(cells) == 1 {
			holds = lang.F("số liệu ở ô %s", "a figure in cell %s", cells[0])
		}
		label := ""
		if c := st.header.cols[col]; c != nil {
			label = c.label
		} else {
			// A long table's year, code or unit: what decides where the
			// value goes.
			holds = lang.F("nội dung quyết định số liệu thuộc năm, chỉ tiêu hay đơn vị nào (ô %s)",
				"what decides the year, indicator or unit of the figures (cells %s)", table.ListCells(cells))
		}
		r.sub.add(table.HiddenColumn(st.name, st.view, col, label, holds, cells))
	}
	if st.hiddenCount > 0 {
		r.hiddenLongRows(st)
	}
	for _, c := range st.marked {
		cells := st.markedCells[c.col]
		if len(cells) == 0 {
			continue
		}
		code, t := finding.Estimate, lang.F(
			"Cột \"%s\" là số ước tính; tongket đọc các ô %s là số liệu năm %d. Khi có số chính thức, hãy gửi bản sửa.",
			"Column \"%s\" holds estimates; tongket reads cells %s as the figures of %d. When the final figures are known, send a correction.",
			c.label, table.ListCells(cells), c.year)
		if !c.estimate {
			code, t = finding.YearMark, lang.F(
				"Tiêu đề cột \"%s\" có dấu hoặc chữ ghi thêm bên cạnh năm; tongket đọc các ô %s là số liệu năm %d. Nếu dấu đó có nghĩa khác (ví dụ số kế hoạch), hãy sửa tiêu đề cột.",
				"The column header \"%s\" carries a mark or words beside the year; tongket reads cells %s as the figures of %d. If the mark means something else (a plan, say), correct the header.",
				c.label, table.ListCells(cells), c.year)
		}
		f := finding.New(finding.Warning, code, t).At(st.name, xlsx.ColumnName(c.col), cellRow(c.ref))
		f.Year = c.year
		r.sub.add(f)
	}
	for _, c := range st.plans {
		cells := st.planCells[c.col]
		if len(cells) == 0 {
			continue
		}
		r.sub.add(finding.New(finding.Warning, finding.PlanSkipped, lang.F(
			"Cột \"%s\" (ô %s) là kế hoạch hoặc chỉ tiêu giao, không phải kết quả thực hiện: %d ô của cột (%s) không được lưu.",
			"Column \"%s\" (cell %s) is a plan or target, not results: its %d cells (%s) are not stored.",
			c.label, c.ref, len(cells), table.ListCells(cells))).At(st.name, xlsx.ColumnName(c.col), cellRow(c.ref)))
	}
	if len(st.scaled) > 0 {
		div := "1.000"
		if st.scaledBy >= 2 {
			div = "1.000.000"
		}
		raw, shown := st.scaledExample[0], st.scaledExample[1]
		if n, err := vn.ParseRaw(raw); err == nil {
			raw = vn.FormatDecimal(n.Hundredths)
		}
		f := finding.New(finding.Warning, finding.ScaledFormat, lang.F(
			"Các ô %s có định dạng số chia cho %s khi hiển thị: tongket đọc số như trên màn hình, theo đơn vị tính của chỉ tiêu (ô %s chứa %s, hiện và được đọc là %s). Hãy kiểm tra lại đơn vị tính của các ô này.",
			"Cells %s have a number format that divides by %s for display: tongket reads the figures as shown, in the indicator's measure (cell %s holds %s, shown and read as %s). Check the measure of those cells.",
			table.ListCells(st.scaled), div, st.scaled[0], raw, shown)).At(st.name, "", 0)
		f.Cell = st.scaled[0]
		r.sub.add(f)
	}
	if len(st.converted) > 0 {
		rows := make([]string, len(st.converted))
		for i, n := range st.converted {
			rows[i] = strconv.Itoa(n)
		}
		r.sub.add(finding.New(finding.Warning, finding.MeasureConverted, lang.F(
			"Số tiền ở dòng %s ghi bằng \"%s\"; tongket đã đổi chính xác sang triệu đồng, đơn vị của danh mục chỉ tiêu.",
			"The money on rows %s is written in \"%s\"; tongket converted it exactly to triệu đồng, the catalog's measure.",
			strings.Join(rows, ", "), st.convMeasure)).At(st.name, "", st.converted[0]))
	}
}

// crossSheets runs the checks that need every figure of the file: two
// rows of a long sheet for one (unit, indicator, year) are duplicate-row;
// two sheets giving it are one figure when they agree and
// conflicting-figure when they do not.
func (r *reader) crossSheets() {
	fs := r.sub.Figures
	if len(fs) < 2 || r.sub.Layout == Wide && len(r.sub.Sheets) < 2 {
		return
	}
	// Sort a permutation instead of a map of every key: a million-row sheet
	// stays within a few MB more than its figures.
	idx := make([]int32, len(fs))
	for i := range idx {
		idx[i] = int32(i)
	}
	slices.SortFunc(idx, func(a, b int32) int {
		x, y := &fs[a], &fs[b]
		switch {
		case x.Unit != y.Unit:
			return cmp.Compare(x.Unit, y.Unit)
		case x.Indicator != y.Indicator:
			return strings.Compare(x.Indicator, y.Indicator)
		case x.Year != y.Year:
			return cmp.Compare(x.Year, y.Year)
		case x.Sheet != y.Sheet:
			return cmp.Compare(x.Sheet, y.Sheet)
		}
		return cmp.Compare(x.Row, y.Row)
	})
	var drop []int32
	for i := 1; i < len(idx); i++ {
		a, b := fs[idx[i-1]], fs[idx[i]]
		if a.Unit != b.Unit || a.Indicator != b.Indicator || a.Year != b.Year {
			continue
		}
		switch {
		case a.Sheet == b.Sheet:
			u := r.sub.Units[a.Unit]
			f := finding.New(finding.Error, finding.DuplicateRow, lang.F(
				"Dòng %d trùng với dòng %d: cùng đơn vị %s, chỉ tiêu %s, năm %d. Hãy xóa một dòng (hoặc sửa lại năm, chỉ tiêu cho đúng).",
				"Row %d repeats row %d: same unit %s, indicator %s, year %d. Delete one of them (or correct its year or indicator).",
				b.Row, a.Row, cmp.Or(u.Code, u.Name), b.Indicator, b.Year)).At(r.sub.Sheets[b.Sheet], xlsx.ColumnName(int(b.Col)), int(b.Row))
			f.Indicator, f.Year = b.Indicator, int(b.Year)
			r.sub.add(f)
		case a.Value == b.Value:
			drop = append(drop, idx[i]) // the same figure shown twice: stored once
		default:
			ind, _ := r.cat.ByCode(b.Indicator)
			f := finding.New(finding.Error, finding.ConflictingFigure, lang.F(
				"%s năm %d có hai số khác nhau: %s ở ô %s!%s và %s ở ô %s!%s. Hãy sửa để hai trang ghi cùng một số (hoặc xóa một trong hai).",
				"%s for %d has two different figures: %s in %s!%s and %s in %s!%s. Make the two sheets agree (or delete one).",
				ind.Name, b.Year, vn.FormatDecimal(a.Value), r.sub.Sheets[a.Sheet], a.Cell(), vn.FormatDecimal(b.Value), r.sub.Sheets[b.Sheet], b.Cell())).At(r.sub.Sheets[b.Sheet], xlsx.ColumnName(int(b.Col)), int(b.Row))
			f.Indicator, f.Year, f.Value = b.Indicator, int(b.Year), vn.FormatDecimal(b.Value)
			r.sub.add(f)
			r.sub.badCells[cellKey{int(b.Unit), b.Indicator, int(b.Year)}] = true
		}
	}
	if len(drop) > 0 {
		sort.Slice(drop, func(i, j int) bool { return drop[i] < drop[j] })
		kept, d := fs[:0], 0
		for i, f := range fs {
			if d < len(drop) && int32(i) == drop[d] {
				d++
				continue
			}
			kept = append(kept, f)
		}
		r.sub.Figures = kept
	}
}
