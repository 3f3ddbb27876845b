package submission

import (
	"cmp"
	"errors"
	"sort"
	"strconv"
	"strings"

	"github.com/tongket/tongket/catalog"
	"github.com/tongket/tongket/finding"
	"github.com/tongket/tongket/lang"
	"github.com/tongket/tongket/vn"
	"github.com/tongket/tongket/xlsx"
)

// table turns the rows under a header into figures.
type table struct {
	header header

	firstRow    map[string]int    // wide: indicator → row it was first seen on
	blankWarned map[int]bool      // wide: unlabelled columns already reported
	unitIndex   map[[2]string]int // long: (code, name) as written → Units index
}

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

func textAt(row xlsx.Row, col int) (string, xlsx.Cell) {
	c, ok := cellAt(row, col)
	if !ok {
		return "", c
	}
	return cellText(c), c
}

// isTotalRow reports a "Tổng cộng" / "Cộng" row: a total label in any text
// cell left of the figures.
func (t *table) isTotalRow(row xlsx.Row, firstFigureCol int) bool {
	for _, c := range row.Cells {
		if c.Col >= firstFigureCol {
			break
		}
		if c.Kind == xlsx.Text && totalLabels[vn.Key(c.Value)] {
			return true
		}
	}
	return false
}

func (t *table) row(r *reader, sheet string, row xlsx.Row) error {
	if len(row.Cells) == 0 {
		return nil
	}
	if t.header.layout == Wide {
		t.wideRow(r, sheet, row)
	} else {
		t.longRow(r, sheet, row)
	}
	return nil
}

// matchIndicator resolves a row's code and name cells to a catalog indicator.
// ok is false when the row names no indicator; a finding is returned when it
// names one that does not exist (and has figures, which the caller decides).
func (r *reader) matchIndicator(sheet string, code, name string, codeCell, nameCell xlsx.Cell, row int) (ind catalog.Indicator, ok bool, problem *finding.Finding) {
	switch {
	case code != "":
		ind, ok = r.cat.ByCode(strings.ToUpper(code))
		if !ok {
			f := unknownIndicator(r.cat, sheet, codeCell, code, row)
			return ind, false, &f
		}
		if name != "" && vn.Key(name) != vn.Key(ind.Name) {
			if other, found := r.cat.ByName(name); !found || other.Code != ind.Code {
				f := finding.New(finding.Warning, finding.NameMismatch, lang.F(
					"Mã %s là \"%s\" nhưng tên ghi là \"%s\". tongket lấy theo mã; nếu sai mã, hãy sửa lại mã.",
					"Code %s is \"%s\" but the name reads \"%s\". tongket goes by the code; if the code is wrong, correct it.",
					ind.Code, ind.Name, name)).At(sheet, xlsx.ColumnName(int(nameCell.Col)), row)
				f.Indicator, f.Value = ind.Code, name
				r.sub.add(f)
			}
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

func (t *table) wideRow(r *reader, sheet string, row xlsx.Row) {
	h := &t.header
	if t.firstRow == nil {
		t.firstRow, t.blankWarned = map[string]int{}, map[int]bool{}
	}
	firstYear := 1 << 30
	for _, c := range h.yearCols {
		firstYear = min(firstYear, c)
	}
	if t.isTotalRow(row, firstYear) {
		for _, col := range h.yearCols {
			c, ok := cellAt(row, col)
			if !ok {
				continue
			}
			if n, ok := r.number(sheet, c, "", h.years[col], -1, "Tổng cộng"); ok {
				r.sub.Totals = append(r.sub.Totals, Total{Year: h.years[col], Value: n.Hundredths, Row: row.Num, Col: col})
			}
		}
		return
	}
	code, codeCell := textAt(row, h.codeCol)
	name, nameCell := textAt(row, h.nameCol)
	hasFigures := false
	for _, col := range h.yearCols {
		if c, ok := cellAt(row, col); ok && !isBlank(c) {
			hasFigures = true
			break
		}
	}
	t.warnUnlabelled(r, sheet, row)
	if hasFigures && r.garbledName(sheet, nameCell, row.Num, name) {
		if code == "" {
			return
		}
		name = "" // go by the code; the garbled name is reported
	}
	ind, ok, problem := r.matchIndicator(sheet, code, name, codeCell, nameCell, row.Num)
	if !ok {
		switch {
		case problem != nil && hasFigures:
			r.sub.add(*problem)
		case problem == nil && hasFigures:
			r.sub.add(finding.New(finding.Error, finding.UnknownIndicator, lang.F(
				"Dòng %d có số liệu nhưng không ghi chỉ tiêu. Hãy ghi mã hoặc tên chỉ tiêu của dòng này.",
				"Row %d has figures but names no indicator. Write the indicator's code or name on this row.",
				row.Num)).At(sheet, xlsx.ColumnName(max(h.codeCol, h.nameCol)), row.Num))
		}
		// Rows without figures are section titles, notes or signatures.
		return
	}
	if first, dup := t.firstRow[ind.Code]; dup {
		f := finding.New(finding.Error, finding.DuplicateIndicator, lang.F(
			"Chỉ tiêu \"%s\" có hai dòng (dòng %d và dòng %d). Hãy gộp số liệu vào một dòng và xóa dòng kia.",
			"Indicator \"%s\" has two rows (rows %d and %d). Merge the figures into one row and delete the other.",
			ind.Name, first, row.Num)).At(sheet, xlsx.ColumnName(max(h.codeCol, h.nameCol)), row.Num)
		f.Indicator = ind.Code
		r.sub.add(f)
		return
	}
	t.firstRow[ind.Code] = row.Num
	for _, col := range h.yearCols {
		c, ok := cellAt(row, col)
		if !ok {
			continue
		}
		year := h.years[col]
		if n, ok := r.number(sheet, c, ind.Code, year, 0, ind.Name); ok {
			r.sub.Figures = append(r.sub.Figures, Figure{Unit: 0, Indicator: ind.Code, Year: int32(year), Value: n.Hundredths, Row: int32(row.Num), Col: int32(col)})
		}
	}
}

// warnUnlabelled reports, once per column, figures in a column whose header
// is blank: they are not read, and the submitter should know.
func (t *table) warnUnlabelled(r *reader, sheet string, row xlsx.Row) {
	for _, c := range row.Cells {
		if t.header.labelled[c.Col] || t.blankWarned[c.Col] || c.Kind != xlsx.Number {
			continue
		}
		t.blankWarned[c.Col] = true
		f := finding.New(finding.Warning, finding.BlankHeader, lang.F(
			"Cột %s có số liệu nhưng ô tiêu đề (dòng %d) để trống nên bị bỏ qua. Nếu đây là số liệu một năm, hãy ghi năm vào ô tiêu đề.",
			"Column %s has figures but its header (row %d) is blank, so it is ignored. If these are a year's figures, write the year in the header.",
			xlsx.ColumnName(int(c.Col)), t.header.row)).At(sheet, xlsx.ColumnName(int(c.Col)), t.header.row)
		r.sub.add(f)
	}
}

func isBlank(c xlsx.Cell) bool {
	if c.Formula {
		return false
	}
	return c.Kind == xlsx.Blank || (c.Kind == xlsx.Text && strings.TrimSpace(c.Value) == "")
}

func (t *table) longRow(r *reader, sheet string, row xlsx.Row) {
	h := &t.header
	if t.unitIndex == nil {
		t.unitIndex = map[[2]string]int{}
	}
	if t.isTotalRow(row, h.valueCol) {
		return
	}
	code, codeCell := textAt(row, h.codeCol)
	name, nameCell := textAt(row, h.nameCol)
	ucode, ucodeCell := textAt(row, h.unitCodeCol)
	uname, unameCell := textAt(row, h.unitNameCol)
	yearText, yearCell := textAt(row, h.yearCol)
	valueCell, hasValue := cellAt(row, h.valueCol)
	if hasValue && isBlank(valueCell) {
		hasValue = false
	}
	if code == "" && name == "" && ucode == "" && uname == "" && yearText == "" && !hasValue {
		return
	}
	if r.garbledName(sheet, nameCell, row.Num, name) {
		if code == "" {
			return
		}
		name = ""
	}
	ind, ok, problem := r.matchIndicator(sheet, code, name, codeCell, nameCell, row.Num)
	if !ok {
		if problem != nil {
			r.sub.add(*problem)
		} else if hasValue {
			r.sub.add(finding.New(finding.Error, finding.UnknownIndicator, lang.F(
				"Dòng %d có giá trị nhưng không ghi chỉ tiêu. Hãy ghi mã hoặc tên chỉ tiêu.",
				"Row %d has a value but names no indicator. Write the indicator's code or name.",
				row.Num)).At(sheet, xlsx.ColumnName(max(h.codeCol, h.nameCol)), row.Num))
		}
		return
	}
	year, ok := r.longYear(sheet, yearCell, yearText, ind, row.Num)
	if !ok {
		return
	}
	if ucode == "" && uname == "" {
		if hasValue {
			f := finding.New(finding.Error, finding.MissingUnit, lang.F(
				"Dòng %d không ghi mã đơn vị và tên đơn vị. Hãy ghi mã đơn vị cho dòng này.",
				"Row %d gives neither a unit code nor a unit name. Write the unit code on this row.",
				row.Num)).At(sheet, xlsx.ColumnName(cmp.Or(h.unitCodeCol, h.unitNameCol)), row.Num)
			f.Indicator, f.Year = ind.Code, year
			r.sub.add(f)
		}
		return
	}
	key := [2]string{ucode, uname}
	ui, seen := t.unitIndex[key]
	if !seen {
		r.garbledName(sheet, unameCell, row.Num, uname)
		ui = len(r.sub.Units)
		ref := ucodeCell.Ref
		if ucode == "" {
			ref = unameCell.Ref
		}
		r.sub.Units = append(r.sub.Units, Unit{Code: ucode, Name: uname, Sheet: sheet, Cell: ref})
		t.unitIndex[key] = ui
	}
	if !hasValue {
		return
	}
	if n, ok := r.number(sheet, valueCell, ind.Code, year, ui, ind.Name); ok {
		if cap(r.sub.Figures) == 0 && row.LastRow > row.Num {
			// One figure a row: sized once, a million-row sheet is not
			// copied as its slice grows.
			r.sub.Figures = make([]Figure, 0, row.LastRow-row.Num+1)
		}
		r.sub.Figures = append(r.sub.Figures, Figure{Unit: int32(ui), Indicator: ind.Code, Year: int32(year), Value: n.Hundredths, Row: int32(row.Num), Col: int32(h.valueCol)})
	}
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
	y, ok := yearOf(c)
	if !ok {
		f := finding.New(finding.Error, finding.TypeError, lang.F(
			"Ô %s: \"%s\" không phải là năm. Hãy ghi năm bằng 4 chữ số, ví dụ 2023.",
			"Cell %s: \"%s\" is not a year. Write a four-digit year, e.g. 2023.", c.Ref, text)).At(sheet, col, row)
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

// number reads a figure cell. unit < 0 marks a total row. ok is false for an
// empty cell (not reported) and for a cell with a finding.
func (r *reader) number(sheet string, c xlsx.Cell, indicator string, year, unit int, indName string) (vn.Number, bool) {
	// Worded only for a finding: most cells are fine, and formatting the
	// context of each was a fifth of reading a file.
	ctx := func() lang.Text { return lang.F("Ô %s (%s, năm %d)", "Cell %s (%s, year %d)", c.Ref, indName, year) }
	bad := func(code string, value string, t lang.Text) {
		f := finding.New(finding.Error, code, lang.Join(": ", ctx(), t)).At(sheet, xlsx.ColumnName(int(c.Col)), cellRow(c.Ref))
		f.Indicator, f.Year, f.Value = indicator, year, value
		r.sub.add(f)
		if unit >= 0 {
			r.sub.badCells[cellKey{unit, indicator, year}] = true
		}
	}
	kind, value := c.Kind, c.Value
	if c.Formula && !c.Cached {
		v, err := r.book.Calc(xlsx.Sheet{Name: sheet}, c.Ref)
		var fe *xlsx.FormulaError
		switch {
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
		if _, err := strconv.ParseFloat(v, 64); err != nil {
			kind = xlsx.Text
		}
	}
	switch kind {
	case xlsx.Blank:
		return vn.Number{}, false
	case xlsx.Number:
		n, err := vn.ParseRaw(value)
		if err != nil {
			bad(finding.ConstraintError, value, lang.F("số %s quá lớn hoặc không hợp lệ. Hãy kiểm tra lại.",
				"the number %s is too large or invalid. Check it.", value))
			return vn.Number{}, false
		}
		return n, true
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
	}
	text := strings.TrimSpace(vn.NFC(value))
	if text == "" {
		return vn.Number{}, false
	}
	n, err := vn.ParseText(text)
	switch {
	case err == nil:
		return n, true
	case errors.Is(err, vn.ErrEmpty):
		return vn.Number{}, false
	case errors.Is(err, vn.ErrAmbiguous):
		bad(finding.AmbiguousNumber, text, lang.F(
			"\"%s\" không rõ là số nào: dấu chấm chỉ dùng để phân cách hàng nghìn (nhóm đúng 3 chữ số), dấu phẩy là dấu thập phân. Hãy ghi %s nếu là số thập phân, hoặc nhập số vào ô kiểu số.",
			"\"%s\" is ambiguous: a dot only groups thousands (groups of exactly three digits) and the comma is the decimal mark. Write %s for a decimal, or type it into a number cell.",
			text, strings.ReplaceAll(text, ".", ",")))
	case errors.Is(err, vn.ErrTooLarge):
		bad(finding.ConstraintError, text, lang.F("số \"%s\" quá lớn. Hãy kiểm tra lại đơn vị tính.",
			"\"%s\" is too large. Check the unit of measure.", text))
	default:
		example := "200"
		if digits := digitsOf(text); digits != "" {
			example = digits
		}
		bad(finding.TypeError, text, lang.F(
			"\"%s\" không phải là số. Hãy nhập một số, ví dụ %s; để trống nếu chưa có số liệu.",
			"\"%s\" is not a number. Type a number, e.g. %s; leave it empty if there is no figure.",
			text, example))
	}
	return vn.Number{}, false
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

// finish runs the checks that need the whole table: duplicate rows of the
// long layout.
func (t *table) finish(r *reader) {
	if t.header.layout != Long || len(r.sub.Figures) < 2 {
		return
	}
	// Sort a permutation instead of a map of every key: a million-row sheet
	// stays within a few MB more than its figures.
	fs := r.sub.Figures
	idx := make([]int32, len(fs))
	for i := range idx {
		idx[i] = int32(i)
	}
	sort.Slice(idx, func(a, b int) bool {
		x, y := fs[idx[a]], fs[idx[b]]
		if x.Unit != y.Unit {
			return x.Unit < y.Unit
		}
		if x.Indicator != y.Indicator {
			return x.Indicator < y.Indicator
		}
		if x.Year != y.Year {
			return x.Year < y.Year
		}
		return x.Row < y.Row
	})
	for i := 1; i < len(idx); i++ {
		a, b := fs[idx[i-1]], fs[idx[i]]
		if a.Unit != b.Unit || a.Indicator != b.Indicator || a.Year != b.Year {
			continue
		}
		u := r.sub.Units[a.Unit]
		who := u.Code
		if who == "" {
			who = u.Name
		}
		f := finding.New(finding.Error, finding.DuplicateRow, lang.F(
			"Dòng %d trùng với dòng %d: cùng đơn vị %s, chỉ tiêu %s, năm %d. Hãy xóa một dòng (hoặc sửa lại năm, chỉ tiêu cho đúng).",
			"Row %d repeats row %d: same unit %s, indicator %s, year %d. Delete one of them (or correct its year or indicator).",
			b.Row, a.Row, who, b.Indicator, b.Year)).At(t.header.sheet, xlsx.ColumnName(int(b.Col)), int(b.Row))
		f.Indicator, f.Year = b.Indicator, int(b.Year)
		r.sub.add(f)
	}
}
