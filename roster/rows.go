package roster

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/tongket/tongket/finding"
	"github.com/tongket/tongket/lang"
	"github.com/tongket/tongket/table"
	"github.com/tongket/tongket/vn"
	"github.com/tongket/tongket/xlsx"
)

// totalRe matches a total line: "Tổng cộng: 118", "Cộng", "Tổng số 118",
// "Cộng cá nhân: 69", "Tổng số tập thể, cá nhân được khen: 92" (not "Tổng
// đội …" or "Cộng đồng …").
var totalRe = regexp.MustCompile(`^(?:tổng cộng|tổng số|cộng)(?:\s*(?::|$|\d|\()|\s+(?:tập thể|cá nhân)[^:\d]{0,40}(?::|$|\d))`)

// isSignature reports the first line of a signature block: a text matching
// table.SignatureLine, on a row that gives no kind of nominee.
func (r *reader) isSignature(row xlsx.Row) bool {
	if c, ok := cellAt(row, r.sh.h.cols[colKind]); ok {
		if _, known := r.kinds.match(cellText(c)); known {
			return false
		}
	}
	for _, c := range row.Cells {
		if c.Kind == xlsx.Text && table.SignatureLine(c.Value) {
			return true
		}
	}
	return false
}

// row reads one row under the header.
func (r *reader) row(row xlsx.Row) {
	if len(row.Cells) == 0 || r.sh.ended {
		return
	}
	if r.isSignature(row) {
		r.sh.ended = true
		return
	}
	if r.layoutRow(row) {
		return
	}
	if row.Hidden {
		r.hiddenRow(row)
		return
	}
	h := &r.sh.h
	var v [numCols]value
	bad := false
	for col := range numCols {
		if !h.found[col] || col == colSTT {
			continue
		}
		fv, ok := r.field(row, h.cols[col])
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
	var struck []string
	for col := range numCols {
		if v[col].present && v[col].struck {
			struck = append(struck, v[col].cell.Ref)
		}
	}
	if len(struck) > 0 {
		// Struck through: taken off, to whoever reads the list.
		who := ""
		if v[colName].present {
			who = " (\"" + v[colName].text + "\")"
		}
		r.add(finding.New(finding.Error, finding.TypeError, lang.F(
			"Dòng %d%s: ô %s bị gạch ngang, người đọc danh sách hiểu là đã bỏ. Nếu không đề nghị khen thưởng, hãy xóa dòng %d; nếu có, hãy bỏ gạch ngang (Format Cells > Font > Strikethrough) rồi gửi lại.",
			"Row %d%s: cell %s is struck through, which a reader takes for taken off. If the nominee is not proposed, delete row %d; if proposed, remove the strikethrough (Format Cells > Font > Strikethrough) and resend.",
			row.Num, who, strings.Join(struck, ", "), row.Num)).At(r.sh.name, strings.TrimRight(struck[0], "0123456789"), row.Num))
		return
	}
	for _, c := range row.Cells {
		// "Đã rút khỏi danh sách" in any column (a note the roster does
		// not keep too), "Trần Văn Bình (rút)": the reader does not count
		// this nominee; nobody can tell if that is meant.
		if c.Kind == xlsx.Text && vn.Withdrawn(c.Value) {
			r.add(finding.New(finding.Error, finding.TypeError, lang.F(
				"Ô %s ghi \"%s\": người đọc danh sách hiểu là người ở dòng %d đã rút hoặc không đề nghị. Nếu không đề nghị khen thưởng, hãy xóa dòng %d; nếu có, hãy sửa lại ô đó rồi gửi lại.",
				"Cell %s reads \"%s\": a reader takes the nominee of row %d as withdrawn or not proposed. If not proposed, delete row %d; if proposed, correct that cell and resend.",
				c.Ref, strings.TrimSpace(c.Value), row.Num, row.Num)).At(r.sh.name, xlsx.ColumnName(c.Col), row.Num))
			return
		}
	}
	if row.View != nil {
		r.hiddenFields(row, &v)
	}
	r.nominee(row)
	r.entry(row.Num, v)
}

// hiddenRow refuses a nominee in a row the sheet hides (FORMATS.md §4.1):
// nobody reading the roster sees them. A hidden row with nothing in the
// roster's columns is passed over.
func (r *reader) hiddenRow(row xlsx.Row) {
	h := &r.sh.h
	var cells []string
	name := ""
	for col := range numCols {
		if !h.found[col] || col == colSTT {
			continue
		}
		c, ok := cellAt(row, h.cols[col])
		if !ok || table.FromLeft(c) || cellText(c) == "" && !c.Formula {
			continue
		}
		cells = append(cells, c.Ref)
		if col == colName {
			name = cellText(c)
		}
	}
	if len(cells) == 0 {
		return
	}
	holds := lang.F("một dòng của danh sách khen thưởng (ô %s)", "a roster entry (cells %s)", table.ListCells(cells))
	if name != "" {
		holds = lang.F("tên \"%s\" trong danh sách khen thưởng (ô %s)", "the roster entry \"%s\" (cells %s)", name, table.ListCells(cells))
	}
	r.add(table.HiddenRows(r.sh.name, row, []int{row.Num}, 1, holds, cells))
}

// hiddenFields notes the fields of a shown nominee row that lie in hidden
// columns: a person reads the entry without them, so they cannot be
// stored as read (endSheet reports each such column).
func (r *reader) hiddenFields(row xlsx.Row, v *[numCols]value) {
	h := &r.sh.h
	for col := range numCols {
		if !h.found[col] || col == colSTT || !v[col].present || !table.HiddenCol(row, h.cols[col]) {
			continue
		}
		if r.sh.hidden == nil {
			r.sh.hidden, r.sh.view = map[int][]string{}, row.View
		}
		if len(r.sh.hidden[col]) == 0 {
			r.sh.hiddenOrder = append(r.sh.hiddenOrder, col)
		}
		r.sh.hidden[col] = append(r.sh.hidden[col], v[col].cell.Ref)
	}
}

// nominee counts a row a person reads as a nominee, and notes what it
// holds outside the roster's columns.
func (r *reader) nominee(row xlsx.Row) {
	s := &r.sh
	s.rows++
	r.rows++
	s.sec.sinceKind++
	s.sec.sinceOrg++
	s.sec.sinceTotal++
	for _, c := range row.Cells {
		if table.FromLeft(c) || s.h.field(c.Col) || c.Formula && !c.Cached {
			continue
		}
		if t := cellText(c); t != "" {
			u := s.unread[c.Col]
			if u == nil {
				u = &unread{first: c.Ref, value: r.shown(c)}
				s.unread[c.Col] = u
			}
			u.rows++
		}
	}
}

// shown is a cell's content as the sheet shows it, for messages: a date
// cell as a date.
func (r *reader) shown(c xlsx.Cell) string {
	if c.Kind == xlsx.Number && xlsx.ParseFormat(r.book.NumFmt(c.Style)).Date {
		if t, p := serialProblem(c.Value, r.book.Date1904()); p == nil {
			return FormatDate(t)
		}
	}
	return cellText(c)
}

// entry makes the entry of a nominee row from its fields and keeps it, or
// reports what is wrong with it.
func (r *reader) entry(rowNum int, v [numCols]value) {
	h := &r.sh.h
	sheet := r.sh.name
	bad := false
	for col := range numCols {
		bad = bad || v[col].failed
	}
	name := clean(v[colName].text)
	e := Entry{
		Name:           name,
		Position:       clean(v[colPosition].text),
		Unit:           clean(v[colUnit].text),
		Authority:      clean(v[colAuthority].text),
		DecisionNumber: clean(v[colNumber].text),
		Achievement:    v[colAchievement].text,
		File:           r.ro.File,
		Sheet:          sheet,
		Row:            rowNum,
	}
	if t := clean(v[colPosUnit].text); t != "" {
		// Kept whole: where a position ends and a unit begins is not
		// told by any mark a person can rely on ("Cán bộ, chiến sĩ Đội
		// CSHS").
		if h.posUnitInto == colPosition {
			e.Position = t
		} else {
			e.Unit = t
		}
		r.sh.combined++
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
			rowNum, nameCol, rowNum)).At(sheet, nameCol, rowNum))
		bad = true
	}
	sec := &r.sh.sec
	var ok bool
	if e.Kind, ok = r.resolve(rowNum, colKind, v[colKind], r.kinds, name, r.titleKind()); !ok {
		bad = true
	}
	if e.Organisation, ok = r.resolve(rowNum, colOrg, v[colOrg], r.orgs, name, titled{value: sec.org, at: sec.orgAt, title: sec.orgTitle, strong: sec.org != "", bad: sec.orgBad}); !ok {
		bad = true
	}
	if e.Form, ok = r.known(rowNum, colForm, v[colForm], r.forms, name); !ok {
		bad = true
	}
	dateCol, dateV := colDate, v[colDate]
	switch {
	case !h.found[colDate] && h.found[colNumDate]:
		dateCol = colNumDate
		var number string
		number, dateV, ok = r.splitNumDate(rowNum, v[colNumDate])
		if !ok {
			bad = true
		}
		if e.DecisionNumber == "" {
			e.DecisionNumber = number
		}
	case h.found[colNumber]:
		var number string
		if number, dateV, ok = r.numberWithDate(rowNum, v[colNumber], dateV); !ok {
			bad = true
		}
		e.DecisionNumber = number
	}
	if e.DecisionDate, ok = r.date(rowNum, dateCol, dateV, name); !ok {
		bad = true
	}
	if name != "" && r.duplicate(rowNum, e, v[colForm].text) {
		bad = true
	}
	if !bad {
		r.ro.Entries = append(r.ro.Entries, e)
	}
}

// titled is what the titles above a row say of one of its fields: the
// value, the cell that says it, whether it is a section title right above
// (strong: a cell saying otherwise is an error) or only the sheet's name
// or title (weak: the cell wins), and whether the title was one not in
// the catalog (already reported).
type titled struct {
	value, at, title string
	strong, bad      bool
}

// titleKind is the kind the titles above a row give it.
func (r *reader) titleKind() titled {
	if s := &r.sh.sec; s.kind != "" {
		return titled{value: s.kind, at: s.kindAt, title: s.kindTitle, strong: true}
	}
	return titled{value: r.sh.kind}
}

// resolve gives a row's Loại or Tổ chức: the cell when one is written,
// else the title the row stands under. A column the header lacks is
// missing for the row only when no title gives it (checkColumns).
func (r *reader) resolve(row, col int, v value, m *matcher, who string, t titled) (string, bool) {
	h := &r.sh.h
	switch {
	case !h.found[col]:
		if t.value != "" {
			return t.value, true
		}
		if !t.bad {
			r.sh.lacking[col] = append(r.sh.lacking[col], row)
		}
		return "", false
	case v.failed:
		return "", false
	case clean(v.text) == "" && t.value != "":
		return t.value, true
	}
	c, ok := r.known(row, col, v, m, who)
	if !ok || !t.strong || c == t.value {
		return c, ok
	}
	colName := xlsx.ColumnName(h.cols[col])
	ref := colName + strconv.Itoa(row)
	f := finding.New(finding.Error, finding.ConstraintError, lang.F(
		"Ô %s: %s \"%s\"%s khác với đề mục \"%s\" (ô %s) mà dòng này nằm dưới. Hãy sửa ô %s, hoặc chuyển dòng về đúng mục.",
		"Cell %s: the %s \"%s\"%s differs from the title \"%s\" (cell %s) this row stands under. Correct cell %s, or move the row under its title.",
		ref, lang.Text{VI: fieldVI[col], EN: fieldEN[col]}, c, of(who), t.title, t.at, ref)).At(r.sh.name, colName, row)
	f.Value = clean(v.text)
	r.add(f)
	return "", false
}

// known resolves a Loại, Tổ chức or Hình thức cell to its canonical
// spelling.
func (r *reader) known(row, col int, v value, m *matcher, who string) (string, bool) {
	h, sheet := &r.sh.h, r.sh.name
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

// lazyOf is of(who), worded only when a message needs it.
func lazyOf(who string) func() lang.Text { return func() lang.Text { return of(who) } }

// date reads the Ngày quyết định cell: a date cell (an Excel serial) or
// text dd/mm/yyyy and the like.
func (r *reader) date(row, col int, v value, who string) (time.Time, bool) {
	h, sheet := &r.sh.h, r.sh.name
	if !h.found[col] || v.failed {
		return time.Time{}, false
	}
	colName := xlsx.ColumnName(h.cols[col])
	if v.present {
		colName = xlsx.ColumnName(v.cell.Col) // a date given in the "Số quyết định" cell
	}
	ref := colName + strconv.Itoa(row)
	w := lazyOf(who)
	if !v.present {
		r.add(finding.New(finding.Error, finding.ConstraintError, lang.Text{
			VI: fmt.Sprintf("Ô %s: chưa ghi ngày quyết định%s. Hãy ghi ngày dạng ngày/tháng/năm, ví dụ %s.", ref, w().VI, example),
			EN: fmt.Sprintf("Cell %s: no decision date%s. Write it as day/month/year, e.g. %s.", ref, w().EN, example),
		}).At(sheet, colName, row))
		return time.Time{}, false
	}
	var t time.Time
	var p *dateProblem
	switch v.kind {
	case xlsx.Number:
		t, p = serialProblem(v.raw, r.book.Date1904())
		if p == nil {
			r.noteDateCell(col, v.cell, t)
		}
	case xlsx.Text:
		t, p = parseDate(v.text)
		if p == nil && dayFirstText(v.text) {
			r.noteTextDate(col, v.cell, v.text)
		}
	default:
		p = &dateProblem{lang.F("ô chứa %s, không phải ngày. Hãy ghi ngày dạng %s.",
			"the cell holds %s, not a date. Write a date as %s.", v.text, example)}
	}
	if p != nil {
		ctx := lang.Text{
			VI: fmt.Sprintf("Ô %s (ngày quyết định%s)", ref, w().VI),
			EN: fmt.Sprintf("Cell %s (decision date%s)", ref, w().EN),
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
				ref, w().VI, FormatDate(t), MinYear, FormatDate(today)),
			EN: fmt.Sprintf("Cell %s: the decision date%s is %s, which cannot be right: it must lie between %d and today (%s). Correct the date.",
				ref, w().EN, FormatDate(t), MinYear, FormatDate(today)),
		})
	case r.sh.years != [2]int{} && (t.Year() < r.sh.years[0] || t.Year() > r.sh.years[1]):
		c := claimText(r.sh.years)
		f = finding.New(finding.Error, finding.YearOutOfRange, lang.Text{
			VI: fmt.Sprintf("Ô %s: ngày quyết định%s là %s, nằm ngoài %s ghi ở đầu danh sách. Hãy sửa lại ngày, hoặc chuyển khen thưởng này sang danh sách của năm %d.",
				ref, w().VI, FormatDate(t), c.VI, t.Year()),
			EN: fmt.Sprintf("Cell %s: the decision date%s is %s, outside %s stated at the top of the roster. Correct the date, or move this award to the roster of %d.",
				ref, w().EN, FormatDate(t), c.EN, t.Year()),
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
func (r *reader) splitNumDate(row int, v value) (number string, date value, ok bool) {
	if !v.present || v.failed || v.kind != xlsx.Text {
		return "", v, true
	}
	number, date, found := cutDate(v, false)
	if !found {
		col := xlsx.ColumnName(v.cell.Col)
		f := finding.New(finding.Error, finding.TypeError, lang.F(
			"Ô %s: \"%s\" không ghi ngày quyết định. Hãy ghi số và ngày, ví dụ \"123/QĐ-UBND ngày %s\".",
			"Cell %s: \"%s\" gives no decision date. Write the number and the date, e.g. \"123/QĐ-UBND ngày %s\".",
			col+strconv.Itoa(row), v.text, example)).At(r.sh.name, col, row)
		f.Value = v.text
		r.add(f)
		v.failed = true
		return v.text, v, false
	}
	return number, date, true
}

// cutDate cuts the date off the end of a cell that gives a decision's
// number and date: "123/QĐ-UBND ngày 01/08/2024" is "123/QĐ-UBND" and
// "01/08/2024". With marked, the date must be marked as one ("ngày …" or
// after a comma), as in a "Số quyết định" cell, where a bare trailing
// d/m/yyyy may be part of the number.
func cutDate(v value, marked bool) (number string, date value, found bool) {
	m := trailingDateRe.FindStringSubmatchIndex(v.text)
	if m == nil {
		return "", v, false
	}
	lead := vn.Key(v.text[m[0]:m[2]])
	if marked && !strings.Contains(lead, "ngày") && !strings.HasPrefix(lead, ",") && !strings.HasPrefix(lead, ";") {
		return "", v, false
	}
	number = strings.TrimRight(strings.TrimSpace(v.text[:m[0]]), ",;:-( ")
	if k := vn.Key(number); strings.HasSuffix(k, " ngày") || k == "ngày" {
		number = strings.TrimSpace(number[:len(number)-len("ngày")])
	}
	d := v.text[m[2]:m[3]]
	return clean(number), value{cell: v.cell, present: true, kind: xlsx.Text, raw: d, text: d}, true
}

// numberWithDate reads a "Số quyết định" cell that gives the date too
// ("123/QĐ-UBND ngày 01/08/2024"): the number is the part before the
// date, and the date stands for an empty "Ngày quyết định" cell; one that
// gives another date is an error naming both cells.
func (r *reader) numberWithDate(row int, num, date value) (string, value, bool) {
	if !num.present || num.failed || num.kind != xlsx.Text {
		return clean(num.text), date, true
	}
	number, inNum, found := cutDate(num, true)
	if !found {
		return clean(num.text), date, true
	}
	if !r.sh.h.found[colDate] || !date.present {
		return number, inNum, true
	}
	a, p1 := parseDate(inNum.text)
	b, p2 := r.dateOf(date)
	if p1 != nil || p2 != nil || a.Equal(b) {
		return number, date, true // the date cell is read, and reported, as it is
	}
	col := xlsx.ColumnName(num.cell.Col)
	ref, dref := col+strconv.Itoa(row), xlsx.ColumnName(r.sh.h.cols[colDate])+strconv.Itoa(row)
	f := finding.New(finding.Error, finding.ConstraintError, lang.F(
		"Ô %s ghi quyết định \"%s\", ngày %s, còn ô %s ghi ngày %s. Hãy để một ngày đúng: xóa ngày trong ô %s, hoặc sửa ô %s.",
		"Cell %s gives the decision \"%s\" of %s, while cell %s gives the date %s. Keep the right one: delete the date in cell %s, or correct cell %s.",
		ref, num.text, FormatDate(a), dref, FormatDate(b), ref, dref)).At(r.sh.name, col, row)
	f.Value = num.text
	r.add(f)
	return number, date, false
}

// claimText words the years a roster claims: "năm 2024", "giai đoạn
// 2019–2024".
func claimText(y [2]int) lang.Text {
	if y[0] == y[1] {
		return lang.F("năm %d", "the year %d", y[0])
	}
	return lang.F("giai đoạn %d–%d", "the period %d–%d", y[0], y[1])
}

// duplicate reports a (name, unit, form) listed twice in the file: a
// roster covers one period, so the same award twice is one too many.
func (r *reader) duplicate(row int, e Entry, writtenForm string) bool {
	if e.Form == "" {
		e.Form = writtenForm
	}
	if Key(e.Form) == "" {
		return false
	}
	form, sheet := e.Form, r.sh.name
	k := dupKey(e)
	nameCol := xlsx.ColumnName(r.sh.h.cols[colName])
	ref := nameCol + strconv.Itoa(row)
	first, dup := r.seen[k]
	if !dup {
		r.seen[k] = seenAt{cell: ref, row: row, sheet: sheet}
		return false
	}
	if first.sheet != sheet {
		first.cell = first.cell + " (" + first.sheet + ")"
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
