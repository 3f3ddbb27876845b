// Package unitlist reads the official list of units expected to report
// (danh sách đơn vị: code, name, parent, level, other names, the days each
// unit existed), so completeness knows who is missing before they ever
// submit and a name like "Q. Hồng Bàng" resolves to one code; and the
// units' history (FORMATS.md §10): the sheet "Sáp nhập" of which old unit
// went to which new one, when, in what share and on what legal basis,
// checked whole (codes, shares adding up to 1, no cycle, dates that agree).
// It also writes a list back as a workbook that reads the same.
//
// It reads, checks and writes workbooks only; storing the list is the
// store's job.
package unitlist

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strconv"
	"strings"

	"github.com/tongket/tongket/finding"
	"github.com/tongket/tongket/lang"
	"github.com/tongket/tongket/table"
	"github.com/tongket/tongket/vn"
	"github.com/tongket/tongket/xlsx"
)

// Unit is one row of the list.
type Unit struct {
	Code    string
	Name    string
	Parent  string
	Level   string
	Aliases []string
	// ValidFrom and ValidTo are the first and last days the unit existed
	// (ISO dates, "" for always).
	ValidFrom, ValidTo string
	Row                int
}

// Succession is one row of the sheet "Sáp nhập": Share (in millionths of
// Whole) of the old unit went to the new one on Date.
type Succession struct {
	Old, New string
	Date     string // ISO
	Share    int64
	Basis    string // legal basis, free text
	Row      int
}

// List is a read unit list.
type List struct {
	File        string
	SHA256      string
	Units       []Unit
	Successions []Succession
	Findings    []finding.Finding
}

// Valid reports whether the list has no error finding.
func (l *List) Valid() bool { return !finding.HasError(l.Findings) }

// The fields of a unit row, in the order of Unit.
const (
	fCode = iota
	fName
	fParent
	fLevel
	fAliases
	fFrom
	fTo
	numFields
)

var labels = map[string]int{
	vn.Key("Mã đơn vị"): fCode, vn.Key("Mã"): fCode,
	vn.Key("Tên đơn vị"): fName, vn.Key("Đơn vị"): fName, vn.Key("Tên"): fName,
	vn.Key("Cấp trên"): fParent, vn.Key("Mã cấp trên"): fParent, vn.Key("Đơn vị cấp trên"): fParent,
	vn.Key("Cấp"): fLevel, vn.Key("Cấp hành chính"): fLevel,
	vn.Key("Tên khác"): fAliases, vn.Key("Tên gọi khác"): fAliases, vn.Key("Bí danh"): fAliases,
	vn.Key("Hiệu lực từ"): fFrom, vn.Key("Từ ngày"): fFrom, vn.Key("Ngày thành lập"): fFrom,
	vn.Key("Hiệu lực đến"): fTo, vn.Key("Đến ngày"): fTo, vn.Key("Ngày giải thể"): fTo,
}

// ReadFile reads the unit list workbook at path (Read); a file that cannot
// be read (missing, too large) comes back as its finding.
func ReadFile(path string) *List {
	data, problem := table.LoadFile(path, xlsx.DefaultLimits)
	if problem != nil {
		return &List{File: path, Findings: []finding.Finding{*problem}}
	}
	return Read(path, data)
}

// Read reads a unit list workbook: the first visible sheet with a header
// (in its first 30 rows, on one row or on two) holding "Mã đơn vị" and
// "Tên đơn vị". Other names are separated by ";". A sheet that cannot be
// read to its end refuses the whole list: a list cut short must not pass
// for the complete one.
func Read(name string, data []byte) *List {
	l := &List{File: name}
	sum := sha256.Sum256(data)
	l.SHA256 = hex.EncodeToString(sum[:])
	book, err := xlsx.OpenReaderAt(bytes.NewReader(data), int64(len(data)), name, xlsx.DefaultLimits)
	if err != nil {
		l.Findings = append(l.Findings, table.ContainerFinding(err))
		return l
	}
	defer book.Close()
	var units *sheetReader
	for _, s := range book.Sheets() {
		if s.Hidden || successionName(s.Name) {
			continue
		}
		r := &sheetReader{l: l, book: book, sheet: s.Name, codes: map[string]int{}, aliases: map[string]string{}}
		found, problem, err := table.Scan(book, s, table.Options{Match: matchHeader, Data: r.row})
		if err != nil {
			problem = new(table.ReadProblem(s.Name, err))
		}
		if problem != nil {
			return l.damaged(*problem)
		}
		if found {
			units = r
			break
		}
	}
	if units == nil {
		l.Findings = append(l.Findings, finding.New(finding.Error, finding.NoTable, lang.F(
			"Không tìm thấy bảng đơn vị: cần một dòng tiêu đề có cột \"Mã đơn vị\" và \"Tên đơn vị\" (thêm \"Cấp trên\", \"Cấp\", \"Tên khác\", \"Hiệu lực từ\", \"Hiệu lực đến\" nếu có).",
			"No unit table found: it needs a header row with \"Mã đơn vị\" and \"Tên đơn vị\" (and \"Cấp trên\", \"Cấp\", \"Tên khác\", \"Hiệu lực từ\", \"Hiệu lực đến\" if any).")))
		return l
	}
	succ, problem := readSuccessions(l, book, units.sheet)
	if problem != nil {
		return l.damaged(*problem)
	}
	checkHistory(l, units, succ)
	sortFindings(l.Findings, units.sheet)
	return l
}

// damaged reports a sheet that could not be read to its end alone. The
// units above the damage are not the list, and what was found wrong with
// them may be the damage's doing (merged ranges follow the rows in the
// file and go with a cut end).
func (l *List) damaged(problem finding.Finding) *List {
	l.Units, l.Successions = nil, nil
	l.Findings = []finding.Finding{problem}
	return l
}

// columns is a header read as fields: the column of each, 0 when absent.
type columns [numFields]int

func (c columns) ok() bool { return c[fCode] != 0 && c[fName] != 0 }

// matchHeader takes a row with the code and name columns as the header,
// together with the row below when that row holds only labels: "Mã" and
// "Tên" under a merged "Đơn vị", say.
func matchHeader(c table.Candidate) int {
	labels := c.Labels()
	if c.Next != nil && subLabels(labels) && headerColumns(labels, true).ok() {
		return 2
	}
	if headerColumns(labels, false).ok() {
		return 1
	}
	return 0
}

// subLabels reports whether the row below a candidate is a second header
// row: each of its cells a known label or a label merged down from the row
// above, at least one of them its own.
func subLabels(ls []table.Label) bool {
	own := false
	for _, l := range ls {
		switch {
		case l.Sub == "":
		case l.MergedDown():
		case l.SubCell.Kind == xlsx.Text && known(l.Sub):
			own = true
		default:
			return false
		}
	}
	return own
}

func known(s string) bool {
	_, ok := labels[vn.Key(s)]
	return ok
}

// headerColumns maps labels to fields; the first column of a field wins.
// In a two-row header the second row's label names the column, except
// under "Cấp trên", where it is the parent's code or name.
func headerColumns(ls []table.Label, two bool) columns {
	var cols columns
	for _, l := range ls {
		if l.TopCell.Kind != xlsx.Text && (!two || l.SubCell.Kind != xlsx.Text) {
			continue
		}
		f, ok := labels[vn.Key(l.Top)]
		if two && l.Sub != "" && !l.MergedDown() {
			if sub, subOK := labels[vn.Key(l.Sub)]; subOK && !(ok && f == fParent) {
				f, ok = sub, true
			}
		}
		if ok && cols[f] == 0 {
			cols[f] = l.Col
		}
	}
	return cols
}

// sheetReader reads the unit rows of one sheet.
type sheetReader struct {
	l       *List
	book    *xlsx.Book
	sheet   string
	cols    columns
	codes   map[string]int    // code (upper case) → row
	aliases map[string]string // other name key → code
}

func (r *sheetReader) bad(col, row int, code string, t lang.Text, v string) {
	f := finding.New(finding.Error, code, t).At(r.sheet, xlsx.ColumnName(col), row)
	f.Value = v
	r.l.Findings = append(r.l.Findings, f)
}

// values reads a row's fields. A value merged down a group of rows (a
// parent or level shared by several units) belongs to each; one merged
// across columns belongs to its first column only.
// The cells of the date fields are kept: a date cell is read as a date.
func (r *sheetReader) values(row xlsx.Row) (v [numFields]string, dates [2]*xlsx.Cell) {
	for _, cell := range row.Cells {
		if table.FromLeft(cell) {
			continue
		}
		for i, col := range r.cols {
			if col != 0 && cell.Col == col {
				v[i] = table.CellText(cell, xlsx.ParseFormat(r.book.NumFmt(cell.Style)))
				if (i == fFrom || i == fTo) && v[i] != "" {
					dates[i-fFrom] = &cell
				}
			}
		}
	}
	return v, dates
}

// validity reads the days a unit existed; a cell that is not a date is
// reported and read as empty.
func (r *sheetReader) validity(u *Unit, dates [2]*xlsx.Cell) {
	for i, c := range dates {
		if c == nil {
			continue
		}
		d, problem := cellDate(*c, r.book.NumFmt(c.Style), r.book.Date1904())
		if problem != nil {
			field := [2]string{"Hiệu lực từ", "Hiệu lực đến"}[i]
			r.bad(c.Col, u.Row, finding.TypeError, lang.Join(" ", lang.F("Ô %s (%s của %s):", "Cell %s (%s of %s):", c.Ref, field, u.Code), *problem), c.Value)
			continue
		}
		if i == 0 {
			u.ValidFrom = d
		} else {
			u.ValidTo = d
		}
	}
	if u.ValidFrom != "" && u.ValidTo != "" && u.ValidFrom > u.ValidTo {
		r.bad(r.cols[fTo], u.Row, finding.ConstraintError, lang.F(
			"Đơn vị %s hiệu lực từ %s đến %s: ngày kết thúc trước ngày bắt đầu. Hãy sửa một trong hai ngày.",
			"Unit %s is in force from %s to %s: the end comes before the start. Correct one of the two dates.",
			u.Code, ShowDate(u.ValidFrom), ShowDate(u.ValidTo)), ShowDate(u.ValidTo))
	}
}

// row reads one row under the header.
func (r *sheetReader) row(h table.Header, row xlsx.Row) error {
	if r.cols == (columns{}) {
		r.cols = headerColumns(h.Labels, h.End > h.Row)
	}
	v, dates := r.values(row)
	if v == [numFields]string{} {
		return nil
	}
	if r.unseen(row, v) {
		return nil
	}
	u := Unit{Code: v[fCode], Name: v[fName], Parent: v[fParent], Level: v[fLevel], Row: row.Num}
	key := strings.ToUpper(u.Code)
	switch {
	case u.Code == "":
		r.bad(r.cols[fCode], row.Num, finding.MissingUnit, lang.F(
			"Dòng %d chưa có mã đơn vị. Hãy ghi mã (ví dụ HP-HONGBANG).", "Row %d has no unit code. Write the code (e.g. HP-HONGBANG).", row.Num), "")
		return nil
	case u.Name == "":
		r.bad(r.cols[fName], row.Num, finding.MissingLabel, lang.F(
			"Đơn vị %s chưa có tên. Hãy ghi tên đơn vị.", "Unit %s has no name. Write its name.", u.Code), "")
		return nil
	case r.codes[key] != 0:
		r.bad(r.cols[fCode], row.Num, finding.DuplicateRow, lang.F(
			"Mã đơn vị %s đã có ở dòng %d. Mỗi đơn vị một dòng.", "Unit code %s is already on row %d. One row per unit.", u.Code, r.codes[key]), u.Code)
		return nil
	}
	r.codes[key] = row.Num
	u.Aliases = r.otherNames(row.Num, u.Code, v[fAliases])
	r.validity(&u, dates)
	r.l.Units = append(r.l.Units, u)
	return nil
}

// unseen refuses a unit a reader of the list does not see, or sees struck
// out: in a hidden row (or a field of it in a hidden column), or with a
// field of it struck through. Listed, it would be expected to report.
func (r *sheetReader) unseen(row xlsx.Row, v [numFields]string) bool {
	code := r.cols[fCode]
	ref := xlsx.ColumnName(code) + strconv.Itoa(row.Num)
	hiddenCol := false // a field read from a hidden column (a parent, a date of validity)
	for i, col := range r.cols {
		hiddenCol = hiddenCol || col != 0 && v[i] != "" && row.View != nil && table.HiddenCol(row, col)
	}
	if row.Hidden || hiddenCol {
		holds := lang.F("đơn vị %s (%s)", "the unit %s (%s)", v[fCode], v[fName])
		r.l.Findings = append(r.l.Findings, table.HiddenRows(r.sheet, row, []int{row.Num}, 1, holds, []string{ref}))
		return true
	}
	for _, c := range row.Cells {
		if slices.Contains(r.cols[:], c.Col) && c.Col != 0 && strings.TrimSpace(c.Value) != "" && r.book.Struck(c.Style) {
			r.bad(c.Col, row.Num, finding.TypeError, lang.F(
				"Đơn vị %s (%s) ở dòng %d bị gạch ngang: người đọc danh sách hiểu là đơn vị đã bỏ khỏi danh sách. Nếu đã bỏ, hãy xóa dòng %d; nếu không, hãy bỏ gạch ngang (Format Cells > Font > Strikethrough) rồi nhập lại.",
				"Unit %s (%s) on row %d is struck through, which a reader takes for taken off the list. If it is, delete row %d; if not, remove the strikethrough (Format Cells > Font > Strikethrough) and import again.",
				v[fCode], v[fName], row.Num, row.Num), v[fCode])
			return true
		}
	}
	return false
}

// otherNames splits the "Tên khác" cell; a name already standing for
// another unit is reported and left out.
func (r *sheetReader) otherNames(row int, code, cell string) []string {
	var out []string
	for _, a := range strings.Split(cell, ";") {
		a = strings.TrimSpace(a)
		if a == "" {
			continue
		}
		k := vn.UnitKey(a)
		if other, dup := r.aliases[k]; dup && other != code {
			r.bad(r.cols[fAliases], row, finding.DuplicateLabel, lang.F(
				"Tên khác \"%s\" đã dùng cho đơn vị %s; một tên chỉ được chỉ một đơn vị.",
				"The other name \"%s\" already stands for unit %s; a name may point to one unit only.", a, other), a)
			continue
		}
		r.aliases[k] = code
		out = append(out, a)
	}
	return out
}
