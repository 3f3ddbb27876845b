package roster

import (
	"regexp"
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
	if c.Next != nil && subHeader(&h, c.Labels()) {
		n = 2
	}
	r.h = h
	for _, f := range dups {
		r.add(f)
	}
	return n
}

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

// checkColumns reports the required columns the header lacks.
func (r *reader) checkColumns() {
	h := &r.h
	var missing []string
	for _, col := range requiredCols {
		if !h.found[col] && !(col == colDate && h.found[colNumDate]) {
			missing = append(missing, "\""+columnNames[col]+"\"")
		}
	}
	if len(missing) > 0 {
		r.add(finding.New(finding.Error, finding.MissingLabel, lang.F(
			"Dòng tiêu đề %d thiếu cột %s. Hãy thêm các cột này (dòng tiêu đề đầy đủ: %s).",
			"Header row %d lacks the column(s) %s. Add them (the full header: %s).",
			h.row, strings.Join(missing, ", "), standardHeader)).At(h.sheet, "", h.row))
	}
}

// yearClaim finds the years a roster claims in the lines above its table:
// "Năm 2024", "Giai đoạn 2019–2024", "Năm: 2019-2024", "(2019 - 2024)".
// The date line of the document ("Hải Phòng, ngày 15 tháng 10 năm 2024")
// and dates like 01/08/2024 are not claims.
type yearClaim struct {
	years [2]int
	done  bool
}

var (
	datePhraseRe = regexp.MustCompile(`ngày\s*\d{1,2}\s*tháng\s*\d{1,2}\s*,?\s*năm\s*\d{4}|\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{4}`)
	claimRe      = regexp.MustCompile(`(?:năm|giai đoạn|thời kỳ|nhiệm kỳ|từ)\s*:?\s*(\d{4})(?:\s*(?:-|–|—|đến năm|đến|tới)\s*(\d{4}))?`)
	bareRangeRe  = regexp.MustCompile(`(?:^|[^\d])(\d{4})\s*(?:-|–|—)\s*(\d{4})(?:[^\d]|$)`)
)

func (y *yearClaim) scan(row xlsx.Row) {
	if y.done {
		return
	}
	parts := make([]string, 0, len(row.Cells))
	for _, c := range row.Cells {
		if (c.Kind == xlsx.Text || c.Kind == xlsx.Number) && !table.FromLeft(c) {
			parts = append(parts, cellText(c))
		}
	}
	line := datePhraseRe.ReplaceAllString(vn.Key(strings.Join(parts, " ")), " ")
	g := claimRe.FindStringSubmatch(line)
	if g == nil {
		g = bareRangeRe.FindStringSubmatch(line)
	}
	if g == nil {
		return
	}
	from, _ := strconv.Atoi(g[1])
	to := from
	if g[2] != "" {
		to, _ = strconv.Atoi(g[2])
	}
	if from < 1945 || to >= 2200 || from > to {
		return
	}
	y.years, y.done = [2]int{from, to}, true
}
