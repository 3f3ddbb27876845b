package roster

import (
	"strconv"
	"strings"

	"github.com/tongket/tongket/finding"
	"github.com/tongket/tongket/lang"
	"github.com/tongket/tongket/table"
	"github.com/tongket/tongket/vn"
	"github.com/tongket/tongket/xlsx"
)

// The columns of a roster table (FORMATS.md §4).
const (
	colSTT = iota
	colName
	colKind
	colPosition
	colUnit
	colOrg
	colForm
	colAuthority
	colNumber
	colDate
	colAchievement
	colNumDate // "Số, ngày quyết định": number and date in one cell
	colPosUnit // "Chức vụ, đơn vị công tác": position and unit in one cell
	numCols
)

// columnLabels are the header labels of each column as written in
// FORMATS.md §4 and the variants officers use; matched by labelKey.
var columnLabels = [numCols][]string{
	colSTT:         {"STT", "Số TT", "TT", "Số thứ tự"},
	colName:        {"Họ và tên / Tên tập thể", "Họ và tên", "Họ tên", "Tên tập thể", "Họ tên / Tên tập thể", "Tên tập thể / Họ và tên", "Tên tập thể, cá nhân", "Tên tập thể / cá nhân", "Tập thể / cá nhân được khen"},
	colKind:        {"Loại", "Loại đối tượng", "Đối tượng", "Tập thể / Cá nhân"},
	colPosition:    {"Chức vụ", "Chức danh", "Chức vụ / Chức danh"},
	colUnit:        {"Đơn vị", "Đơn vị công tác", "Nơi công tác", "Địa chỉ", "Đơn vị / Địa chỉ"},
	colOrg:         {"Tổ chức", "Tổ chức thành viên", "Thuộc tổ chức"},
	colForm:        {"Hình thức", "Hình thức khen thưởng", "Hình thức khen"},
	colAuthority:   {"Cấp khen", "Cấp khen thưởng", "Cơ quan khen thưởng", "Cấp ra quyết định"},
	colNumber:      {"Số quyết định", "Số QĐ", "Quyết định số", "Số quyết định khen thưởng"},
	colDate:        {"Ngày quyết định", "Ngày QĐ", "Ngày ký", "Ngày ký quyết định", "Ngày, tháng, năm quyết định", "Ngày tháng năm"},
	colAchievement: {"Thành tích", "Thành tích tóm tắt", "Tóm tắt thành tích", "Nội dung thành tích", "Thành tích khen thưởng"},
	colNumDate:     {"Số, ngày quyết định", "Số và ngày quyết định", "Số, ngày QĐ", "Quyết định số, ngày", "Số, ngày, tháng, năm quyết định"},
	colPosUnit:     {"Chức vụ, đơn vị công tác", "Chức vụ, đơn vị", "Chức vụ và đơn vị công tác", "Chức vụ, nơi công tác", "Chức danh, đơn vị công tác", "Chức danh, đơn vị", "Chức vụ, đơn vị, địa chỉ"},
}

// subLabels are the labels of a second header row under a merged
// "Quyết định" (or "Quyết định khen thưởng") cell: "Số" and "Ngày".
var subLabels = map[string]int{
	"số": colNumber, "số qđ": colNumber, "số quyết định": colNumber,
	"ngày": colDate, "ngày qđ": colDate, "ngày ký": colDate, "ngày tháng năm": colDate, "ngày quyết định": colDate,
}

// columnNames name the columns in messages, as FORMATS.md §4 heads them.
var columnNames = [numCols]string{
	"STT", "Họ và tên / Tên tập thể", "Loại", "Chức vụ", "Đơn vị", "Tổ chức", "Hình thức",
	"Cấp khen", "Số quyết định", "Ngày quyết định", "Thành tích", "Số, ngày quyết định",
	"Chức vụ, đơn vị công tác",
}

// requiredCols must be in every roster: without them an entry cannot be
// placed in the printed roster or its period.
var requiredCols = []int{colName, colKind, colOrg, colForm, colDate}

// labelCol maps a label key to its column.
var labelCol = func() map[string]int {
	m := map[string]int{}
	for col, ls := range columnLabels {
		for _, l := range ls {
			m[labelKey(l)] = col
		}
	}
	return m
}()

// labelKey is vn.Key with "/", "(", ")", "," and "-" read as spaces, so
// "Họ và tên/Tên tập thể", "Họ và tên (Tên tập thể)" and "Họ và tên / Tên
// tập thể" are one label.
func labelKey(s string) string {
	return strings.Join(strings.FieldsFunc(vn.Key(s), func(r rune) bool {
		switch r {
		case ' ', '/', '(', ')', ',', '-', '*', '.':
			return true
		}
		return false
	}), " ")
}

// header is a detected header row.
type header struct {
	row   int
	sheet string
	cols  [numCols]int  // 1-based column of each field, 0 when absent
	found [numCols]bool // whether the column exists
	// labels are the header's labels of the columns read into no field,
	// by column: what they hold is said to be left unread.
	labels map[int]string
	// fields has bit c set for each column c < 64 read into a field.
	fields uint64
	// posUnitInto is the field a combined "Chức vụ, đơn vị công tác"
	// column is kept whole in: the unit, or the position when the table
	// has a unit column of its own.
	posUnitInto int
}

// field reports whether column col is read into a field (STT included).
func (h *header) field(col int) bool {
	if col < 64 {
		return h.fields&(1<<col) != 0
	}
	for f := range numCols {
		if h.found[f] && h.cols[f] == col {
			return true
		}
	}
	return false
}

// match is the roster's table.Match: it takes c.Row as the header when
// detectHeader does, together with c.Next when that is a second header
// row (subHeader), and keeps the header and its findings.
func (r *reader) match(c table.Candidate) int {
	h, dups, ok := detectHeader(c.Sheet, c.Row)
	if !ok {
		return 0
	}
	n := 1
	ls := c.Labels()
	if c.Next != nil && subHeader(&h, ls) {
		n = 2
	}
	for f := range numCols {
		if h.found[f] && h.cols[f] < 64 {
			h.fields |= 1 << h.cols[f]
		}
	}
	h.labels = map[int]string{}
	for _, l := range ls {
		text := l.Top
		if n == 2 && l.Sub != "" && !l.MergedDown() {
			text = strings.TrimSpace(text + " " + l.Sub)
		}
		if text != "" && !h.field(l.Col) && !table.FromLeft(l.TopCell) {
			h.labels[l.Col] = text
		}
	}
	h.posUnitInto = colUnit
	if h.found[colPosUnit] && h.found[colUnit] {
		h.posUnitInto = colPosition
		if h.found[colPosition] {
			dups = append(dups, finding.New(finding.Error, finding.DuplicateLabel, lang.F(
				"Cột \"%s\" (ô %s) trùng với cột \"Chức vụ\" (ô %s) và cột \"Đơn vị\" (ô %s). Hãy giữ hoặc cột chung, hoặc hai cột riêng.",
				"The column \"%s\" (cell %s) repeats the columns \"Chức vụ\" (cell %s) and \"Đơn vị\" (cell %s). Keep either the combined column or the two separate ones.",
				columnNames[colPosUnit], h.ref(colPosUnit), h.ref(colPosition), h.ref(colUnit))).At(h.sheet, xlsx.ColumnName(h.cols[colPosUnit]), h.row))
		}
	}
	r.sh.h = h
	r.sh.hLast = h.row + n - 1
	for _, f := range dups {
		r.add(f)
	}
	return n
}

// ref is the header cell of a column: "E4".
func (h *header) ref(col int) string { return xlsx.ColumnName(h.cols[col]) + strconv.Itoa(h.row) }

// detectHeader decides whether row is the roster's header: a row with the
// name column and at least one other roster column, or three roster
// columns without the name (reported as missing). dups are the labels
// written twice, reported only if row is taken as the header.
func detectHeader(sheet string, row xlsx.Row) (h header, dups []finding.Finding, ok bool) {
	h = header{row: row.Num, sheet: sheet}
	first := map[int]xlsx.Cell{}
	n := 0
	for _, c := range row.Cells {
		// A label merged across columns is one label, in its first column.
		if c.Kind != xlsx.Text || table.FromLeft(c) {
			continue
		}
		col, ok := labelCol[labelKey(c.Value)]
		if !ok {
			continue
		}
		if h.found[col] {
			f := finding.New(finding.Error, finding.DuplicateLabel, lang.F(
				"Cột \"%s\" có hai lần ở dòng tiêu đề (ô %s và ô %s). Hãy giữ một cột, xóa hoặc đổi tên cột kia.",
				"The column \"%s\" appears twice in the header (cells %s and %s). Keep one; delete or rename the other.",
				columnNames[col], first[col].Ref, c.Ref)).At(sheet, xlsx.ColumnName(c.Col), row.Num)
			f.Value = strings.TrimSpace(c.Value)
			dups = append(dups, f)
			continue
		}
		h.found[col], h.cols[col], first[col] = true, c.Col, c
		if col != colSTT {
			n++
		}
	}
	switch {
	case h.found[colName] && n >= 2:
	case !h.found[colName] && n >= 3:
	default:
		return header{}, nil, false
	}
	return h, dups, true
}

// subHeader reads the second row of a candidate header into h: "Số" and
// "Ngày" under a merged "Quyết định" cell, or any label the first row
// lacks. Labels merged down over both rows belong to the first. It
// reports whether the second row was one; h is unchanged when not.
func subHeader(h *header, ls []table.Label) bool {
	var cols [numCols]int
	n := 0
	for _, l := range ls {
		c := l.SubCell
		if c.Kind != xlsx.Text || l.MergedDown() || table.FromLeft(c) {
			continue
		}
		k := labelKey(c.Value)
		col, ok := subLabels[k]
		if !ok {
			if col, ok = labelCol[k]; !ok {
				return false
			}
		}
		if h.found[col] || cols[col] != 0 {
			return false
		}
		cols[col] = c.Col
		n++
	}
	if n == 0 {
		return false
	}
	for col, c := range cols {
		if c != 0 {
			h.found[col], h.cols[col] = true, c
		}
	}
	return true
}

// isNumbering reports the row of column numbers many forms put under the
// header: (1) (2) (3) … or 1 2 3 …, as numbers or text.
func isNumbering(row xlsx.Row) bool {
	if len(row.Cells) < 3 {
		return false
	}
	for _, c := range row.Cells {
		s := strings.Trim(cellText(c), "() ")
		if _, err := strconv.Atoi(s); err != nil || c.Kind != xlsx.Number && c.Kind != xlsx.Text {
			return false
		}
	}
	return true
}

// checkColumns reports, at the end of a sheet, the required columns the
// header lacks. A missing "Loại" or "Tổ chức" is missing only for the rows
// no title above them stood for ("I. TẬP THỂ", "Hội Nông dân"): the
// printed layout of a roster has neither column.
func (r *reader) checkColumns() {
	h := &r.sh.h
	var missing []string
	var why lang.Text
	for _, col := range requiredCols {
		switch {
		case h.found[col] || col == colDate && h.found[colNumDate]:
			continue
		case col == colKind || col == colOrg:
			rows := r.sh.lacking[col]
			if len(rows) == 0 {
				continue
			}
			why = lang.Join(" ", why, lang.F("Các dòng %s không nằm dưới đề mục %s nào.",
				"Rows %s stand under no %s title.", rowList(rows), titleExample[col]))
		}
		missing = append(missing, "\""+columnNames[col]+"\"")
	}
	if len(missing) == 0 {
		return
	}
	t := lang.F("Dòng tiêu đề %d thiếu cột %s.", "Header row %d lacks the column(s) %s.", h.row, strings.Join(missing, ", "))
	// Columns left unread may be the missing ones under another label.
	if u := r.unreadList(); u.VI != "" {
		why = lang.Join(" ", why, lang.F("Các cột %s có ghi nhưng không được đọc: nếu là cột còn thiếu, hãy sửa tiêu đề cho đúng.",
			"The columns %s hold something but are not read: if they are the missing ones, correct their header.", u))
		r.sh.unread = nil
	}
	advice := lang.F("Hãy thêm các cột này (dòng tiêu đề đầy đủ: %s).", "Add them (the full header: %s).", standardHeader)
	if why.VI != "" {
		advice = lang.F("Hãy thêm các cột này (dòng tiêu đề đầy đủ: %s), hoặc đề mục phía trên mỗi nhóm.",
			"Add them (the full header: %s), or a title above each group.", standardHeader)
	}
	r.add(finding.New(finding.Error, finding.MissingLabel, lang.Join(" ", t, why, advice)).At(h.sheet, "", h.row))
}

// titleExample names the titles that stand for a column, for messages.
var titleExample = [numCols]lang.Text{
	colKind: {VI: "\"I. TẬP THỂ\" hay \"II. CÁ NHÂN\"", EN: "\"I. TẬP THỂ\" or \"II. CÁ NHÂN\""},
	colOrg:  {VI: "tổ chức (như \"Hội Nông dân\")", EN: "organisation (such as \"Hội Nông dân\")"},
}

// rowList words row numbers, runs as ranges: "6–9, 12", at most eight parts.
func rowList(rows []int) string {
	var parts []string
	for i := 0; i < len(rows); {
		j := i
		for j+1 < len(rows) && rows[j+1] == rows[j]+1 {
			j++
		}
		if len(parts) == 8 {
			parts = append(parts, "…")
			break
		}
		if j > i {
			parts = append(parts, strconv.Itoa(rows[i])+"–"+strconv.Itoa(rows[j]))
		} else {
			parts = append(parts, strconv.Itoa(rows[i]))
		}
		i = j + 1
	}
	return strings.Join(parts, ", ")
}
