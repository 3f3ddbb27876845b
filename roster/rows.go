package roster

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/tongket/tongket/finding"
	"github.com/tongket/tongket/lang"
	"github.com/tongket/tongket/vn"
	"github.com/tongket/tongket/xlsx"
)

// headingRe matches a section title written in the name column of a
// printed roster: "I. TẬP THỂ", "II. Cá nhân", "1. Hội Cựu chiến binh",
// "A) Công an".
var headingRe = regexp.MustCompile(`^(?:[ivxlc]+|\d{1,2}|[a-zđ])\s*[.)/]\s*\S`)

// totalRe matches a total line: "Tổng cộng: 118", "Cộng", "Tổng số 118"
// (not "Tổng đội …" or "Cộng đồng …").
var totalRe = regexp.MustCompile(`^(?:tổng cộng|tổng số|cộng)\s*(?::|$|\d)`)

// signatureRe matches the lines of the signature block under a table
// ("NGƯỜI LẬP BIỂU", "THỦ TRƯỞNG ĐƠN VỊ", "(Ký, ghi rõ họ tên)", "TM. ỦY
// BAN NHÂN DÂN", "KT. GIÁM ĐỐC", "Nơi nhận:"): the table ends there.
var signatureRe = regexp.MustCompile(`^\(?(?:người lập|người tổng hợp|người duyệt|thủ trưởng|lãnh đạo đơn vị|ký,|ký và|ký tên|tm\.|t/m|kt\.|nơi nhận|xác nhận của)`)

// isSignature reports the first line of a signature block: a text matching
// signatureRe, on a row that gives no kind of nominee.
func (r *reader) isSignature(row xlsx.Row) bool {
	if c, ok := cellAt(row, r.h.cols[colKind]); ok {
		if _, known := r.kinds.match(cellText(c)); known {
			return false
		}
	}
	for _, c := range row.Cells {
		if c.Kind == xlsx.Text && signatureRe.MatchString(vn.Key(c.Value)) {
			return true
		}
	}
	return false
}

// row reads one row under the header.
func (r *reader) row(sheet string, row xlsx.Row) {
	if len(row.Cells) == 0 || r.ended {
		return
	}
	if r.isSignature(row) {
		r.ended = true
		return
	}
	h := &r.h
	var v [numCols]value
	bad := false
	for col := range numCols {
		if !h.found[col] || col == colSTT {
			continue
		}
		fv, ok := r.field(sheet, row, h.cols[col])
		if !ok {
			bad = true
		}
		v[col] = fv
	}
	has := bad
	for col := range numCols {
		has = has || v[col].present
	}
	if !has {
		return
	}
	name := clean(v[colName].text)
	if r.skipRow(v, name) {
		return
	}
	e := Entry{
		Name:           name,
		Position:       clean(v[colPosition].text),
		Unit:           clean(v[colUnit].text),
		Authority:      clean(v[colAuthority].text),
		DecisionNumber: clean(v[colNumber].text),
		Achievement:    v[colAchievement].text,
		File:           r.ro.File,
		Sheet:          sheet,
		Row:            row.Num,
	}
	nameCol := xlsx.ColumnName(h.cols[colName])
	e.Col = nameCol
	switch {
	case !h.found[colName]:
		bad = true
	case name == "" && !v[colName].failed:
		r.add(finding.New(finding.Error, finding.ConstraintError, lang.F(
			"Dòng %d có thông tin khen thưởng nhưng ô %s%d chưa ghi họ và tên (hoặc tên tập thể). Hãy ghi tên, hoặc xóa dòng nếu thừa.",
			"Row %d has award details but cell %s%d gives no name (of the person or collective). Write the name, or delete the row if it is not needed.",
			row.Num, nameCol, row.Num)).At(sheet, nameCol, row.Num))
		bad = true
	}
	var ok bool
	if e.Kind, ok = r.known(sheet, row.Num, colKind, v[colKind], r.kinds, name); !ok {
		bad = true
	}
	if e.Organisation, ok = r.known(sheet, row.Num, colOrg, v[colOrg], r.orgs, name); !ok {
		bad = true
	}
	if e.Form, ok = r.known(sheet, row.Num, colForm, v[colForm], r.forms, name); !ok {
		bad = true
	}
	dateCol, dateV := colDate, v[colDate]
	if !h.found[colDate] && h.found[colNumDate] {
		dateCol = colNumDate
		var number string
		number, dateV, ok = r.splitNumDate(sheet, row.Num, v[colNumDate])
		if !ok {
			bad = true
		}
		if e.DecisionNumber == "" {
			e.DecisionNumber = number
		}
	}
	if e.DecisionDate, ok = r.date(sheet, row.Num, dateCol, dateV, name); !ok {
		bad = true
	}
	if name != "" && r.duplicate(sheet, row.Num, e, v[colForm].text) {
		bad = true
	}
	if !bad {
		r.ro.Entries = append(r.ro.Entries, e)
	}
}

// skipRow reports rows that are not entries: total lines, and section
// titles of a printed roster (a row with nothing but a title in the STT
// or name column).
func (r *reader) skipRow(v [numCols]value, name string) bool {
	k := Key(name)
	if totalRe.MatchString(k) {
		return true
	}
	for col := range numCols {
		if col != colName && v[col].present {
			return false
		}
	}
	if name == "" {
		return true
	}
	if headingRe.MatchString(k) {
		return true
	}
	if _, ok := r.kinds.match(name); ok {
		return true
	}
	if _, ok := r.orgs.match(name); ok {
		return true
	}
	// A title in capitals ("TẬP THỂ", "HỘI NÔNG DÂN"); names are not
	// written in capitals.
	upper, letters := true, 0
	for _, c := range name {
		if unicode.IsLetter(c) {
			letters++
			upper = upper && unicode.IsUpper(c)
		}
	}
	return letters > 1 && upper
}

// known resolves a Loại, Tổ chức or Hình thức cell to its canonical
// spelling.
func (r *reader) known(sheet string, row, col int, v value, m *matcher, who string) (string, bool) {
	h := &r.h
	if !h.found[col] || v.failed {
		return "", false
	}
	colName := xlsx.ColumnName(h.cols[col])
	ref := colName + strconv.Itoa(row)
	written := clean(v.text)
	if written == "" {
		t := lang.Text{
			VI: fmt.Sprintf("Ô %s: chưa ghi %s%s.", ref, fieldVI[col], of(who).VI),
			EN: fmt.Sprintf("Cell %s: no %s given%s.", ref, fieldEN[col], of(who).EN),
		}
		r.add(finding.New(finding.Error, finding.ConstraintError, lang.Join(" ", t, r.choices(col, m))).At(sheet, colName, row))
		return "", false
	}
	if c, ok := m.match(written); ok {
		return c, true
	}
	t := lang.Text{
		VI: fmt.Sprintf("Ô %s: %s \"%s\" không có trong danh mục.", ref, fieldVI[col], written),
		EN: fmt.Sprintf("Cell %s: the %s \"%s\" is not in the catalog.", ref, fieldEN[col], written),
	}
	if col == colKind {
		t = lang.F("Ô %s: loại \"%s\" không hợp lệ.", "Cell %s: the kind \"%s\" is not valid.", ref, written)
	}
	if s := m.suggest(written); s != "" {
		t = lang.Join(" ", t, lang.F("Có phải là \"%s\"?", "Did you mean \"%s\"?", s))
	}
	f := finding.New(finding.Error, finding.ConstraintError, lang.Join(" ", t, r.choices(col, m))).At(sheet, colName, row)
	f.Value = written
	r.add(f)
	return "", false
}

// choices says what may be written in a Loại, Tổ chức or Hình thức cell.
func (r *reader) choices(col int, m *matcher) lang.Text {
	if col == colKind {
		return lang.F("Hãy ghi \"Tập thể\" hoặc \"Cá nhân\".", "Write \"Tập thể\" (collective) or \"Cá nhân\" (individual).")
	}
	return lang.F("Hãy ghi một trong: %s (hoặc thêm giá trị mới vào danh mục).",
		"Write one of: %s (or add a new value to the catalog).", m.list())
}

// fieldVI and fieldEN name a field inside a sentence.
var (
	fieldVI = [numCols]string{colKind: "loại", colOrg: "tổ chức", colForm: "hình thức khen thưởng", colDate: "ngày quyết định"}
	fieldEN = [numCols]string{colKind: "kind", colOrg: "organisation", colForm: "award form", colDate: "decision date"}
)

// of names whose field it is: " của Nguyễn Văn An" / " of Nguyễn Văn An".
func of(who string) lang.Text {
	if who == "" {
		return lang.Text{}
	}
	return lang.Text{VI: " của " + who, EN: " of " + who}
}

// date reads the Ngày quyết định cell: a date cell (an Excel serial) or
// text dd/mm/yyyy and the like.
func (r *reader) date(sheet string, row, col int, v value, who string) (time.Time, bool) {
	h := &r.h
	if !h.found[col] || v.failed {
		return time.Time{}, false
	}
	colName := xlsx.ColumnName(h.cols[col])
	ref := colName + strconv.Itoa(row)
	w := of(who)
	if !v.present {
		r.add(finding.New(finding.Error, finding.ConstraintError, lang.Text{
			VI: fmt.Sprintf("Ô %s: chưa ghi ngày quyết định%s. Hãy ghi ngày dạng ngày/tháng/năm, ví dụ %s.", ref, w.VI, example),
			EN: fmt.Sprintf("Cell %s: no decision date%s. Write it as day/month/year, e.g. %s.", ref, w.EN, example),
		}).At(sheet, colName, row))
		return time.Time{}, false
	}
	var t time.Time
	var p *dateProblem
	switch v.kind {
	case xlsx.Number:
		t, p = serialProblem(v.raw)
	case xlsx.Text:
		t, p = parseDate(v.text)
	default:
		p = &dateProblem{lang.F("ô chứa %s, không phải ngày. Hãy ghi ngày dạng %s.",
			"the cell holds %s, not a date. Write a date as %s.", v.text, example)}
	}
	if p != nil {
		ctx := lang.Text{
			VI: fmt.Sprintf("Ô %s (ngày quyết định%s)", ref, w.VI),
			EN: fmt.Sprintf("Cell %s (decision date%s)", ref, w.EN),
		}
		f := finding.New(finding.Error, finding.TypeError, lang.Join(": ", ctx, p.text)).At(sheet, colName, row)
		f.Value = v.text
		r.add(f)
		return time.Time{}, false
	}
	today := time.Date(r.now.Year(), r.now.Month(), r.now.Day(), 0, 0, 0, 0, time.UTC)
	var f finding.Finding
	switch {
	case t.Year() < MinYear || t.After(today):
		f = finding.New(finding.Error, finding.ConstraintError, lang.Text{
			VI: fmt.Sprintf("Ô %s: ngày quyết định%s là %s, không hợp lệ: ngày phải từ năm %d đến hôm nay (%s). Hãy sửa lại ngày.",
				ref, w.VI, FormatDate(t), MinYear, FormatDate(today)),
			EN: fmt.Sprintf("Cell %s: the decision date%s is %s, which cannot be right: it must lie between %d and today (%s). Correct the date.",
				ref, w.EN, FormatDate(t), MinYear, FormatDate(today)),
		})
	case r.ro.Years != [2]int{} && (t.Year() < r.ro.Years[0] || t.Year() > r.ro.Years[1]):
		c := claimText(r.ro.Years)
		f = finding.New(finding.Error, finding.YearOutOfRange, lang.Text{
			VI: fmt.Sprintf("Ô %s: ngày quyết định%s là %s, nằm ngoài %s ghi ở đầu danh sách. Hãy sửa lại ngày, hoặc chuyển khen thưởng này sang danh sách của năm %d.",
				ref, w.VI, FormatDate(t), c.VI, t.Year()),
			EN: fmt.Sprintf("Cell %s: the decision date%s is %s, outside %s stated at the top of the roster. Correct the date, or move this award to the roster of %d.",
				ref, w.EN, FormatDate(t), c.EN, t.Year()),
		})
	default:
		return t, true
	}
	f = f.At(sheet, colName, row)
	f.Value, f.Year = FormatDate(t), t.Year()
	r.add(f)
	return time.Time{}, false
}

// trailingDateRe finds the date at the end of a "Số, ngày quyết định"
// cell: "123/QĐ-UBND ngày 01/08/2024", "123/QĐ-UBND, 01/08/2024".
var trailingDateRe = regexp.MustCompile(`(?i)(?:^|[\s,;(])(?:ngày\s*)?(\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{2,4}|\d{1,2}\s*tháng\s*\d{1,2}\s*,?\s*năm\s*\d{4})\)?\s*$`)

// splitNumDate splits a "Số, ngày quyết định" cell into the decision
// number and the date value. A date cell is a date without a number.
func (r *reader) splitNumDate(sheet string, row int, v value) (number string, date value, ok bool) {
	if !v.present || v.failed || v.kind != xlsx.Text {
		return "", v, true
	}
	m := trailingDateRe.FindStringSubmatchIndex(v.text)
	if m == nil {
		col := xlsx.ColumnName(v.cell.Col)
		f := finding.New(finding.Error, finding.TypeError, lang.F(
			"Ô %s: \"%s\" không ghi ngày quyết định. Hãy ghi số và ngày, ví dụ \"123/QĐ-UBND ngày %s\".",
			"Cell %s: \"%s\" gives no decision date. Write the number and the date, e.g. \"123/QĐ-UBND ngày %s\".",
			col+strconv.Itoa(row), v.text, example)).At(sheet, col, row)
		f.Value = v.text
		r.add(f)
		v.failed = true
		return v.text, v, false
	}
	number = strings.TrimRight(strings.TrimSpace(v.text[:m[0]]), ",;:-( ")
	if k := vn.Key(number); strings.HasSuffix(k, " ngày") {
		number = strings.TrimSpace(number[:len(number)-len("ngày")])
	}
	d := v.text[m[2]:m[3]]
	return clean(number), value{cell: v.cell, present: true, kind: xlsx.Text, raw: d, text: d}, true
}

// claimText words the years a roster claims: "năm 2024", "giai đoạn
// 2019–2024".
func claimText(y [2]int) lang.Text {
	if y[0] == y[1] {
		return lang.F("năm %d", "the year %d", y[0])
	}
	return lang.F("giai đoạn %d–%d", "the period %d–%d", y[0], y[1])
}

// dupKey is what makes two entries the same award: the normalised name and
// unit (administrative prefix folded: "P. Lạch Tray" = "Phường Lạch
// Tray") and the form.
func dupKey(name, unit, form string) string {
	return Key(name) + "\x00" + vn.UnitKey(unit) + "\x00" + Key(form)
}

// duplicate reports a (name, unit, form) listed twice in the file: a
// roster covers one period, so the same award twice is one too many.
func (r *reader) duplicate(sheet string, row int, e Entry, writtenForm string) bool {
	form := e.Form
	if form == "" {
		form = writtenForm
	}
	if Key(form) == "" {
		return false
	}
	k := dupKey(e.Name, e.Unit, form)
	nameCol := xlsx.ColumnName(r.h.cols[colName])
	ref := nameCol + strconv.Itoa(row)
	first, dup := r.seen[k]
	if !dup {
		r.seen[k] = seenAt{cell: ref, row: row}
		return false
	}
	f := finding.New(finding.Error, finding.DuplicateRow, lang.F(
		"Ô %s: \"%s\"%s đã có ở ô %s, cùng hình thức %s. Mỗi tập thể, cá nhân chỉ được đề nghị một lần cho một hình thức trong một kỳ. Hãy xóa một trong hai dòng (nếu là hai người trùng tên, hãy ghi rõ đơn vị).",
		"Cell %s: \"%s\"%s is already listed in cell %s, for the same form %s. A collective or person is listed once per form in a period. Delete one of the two rows (if these are two people of the same name, give each one's unit).",
		ref, e.Name, unitPart(e.Unit), first.cell, form)).At(sheet, nameCol, row)
	f.Value = e.Name
	r.add(f)
	return true
}

func unitPart(unit string) string {
	if unit == "" {
		return ""
	}
	return " (" + unit + ")"
}
