package unitlist

import (
	"sort"
	"strings"

	"github.com/tongket/tongket/finding"
	"github.com/tongket/tongket/lang"
	"github.com/tongket/tongket/table"
	"github.com/tongket/tongket/vn"
	"github.com/tongket/tongket/xlsx"
)

// The fields of a succession row, in the order of the sheet.
const (
	sOld = iota
	sNew
	sDate
	sShare
	sBasis
	numSuccFields
)

var succLabels = map[string]int{
	vn.Key("Mã đơn vị cũ"): sOld, vn.Key("Đơn vị cũ"): sOld, vn.Key("Mã cũ"): sOld,
	vn.Key("Mã đơn vị mới"): sNew, vn.Key("Đơn vị mới"): sNew, vn.Key("Mã mới"): sNew,
	vn.Key("Ngày hiệu lực"): sDate, vn.Key("Ngày sáp nhập"): sDate, vn.Key("Từ ngày"): sDate,
	vn.Key("Tỷ lệ"): sShare, vn.Key("Tỉ lệ"): sShare,
	vn.Key("Căn cứ"): sBasis, vn.Key("Căn cứ pháp lý"): sBasis,
}

// successionName tells the sheet FORMATS.md §10 names: "Sáp nhập" or
// "Kế thừa", in any case, with or without accents or more words.
func successionName(sheet string) bool {
	k := vn.StripAccents(sheet)
	return strings.HasPrefix(k, "sap nhap") || strings.HasPrefix(k, "ke thua")
}

// succColumns is a succession header read as fields.
type succColumns [numSuccFields]int

func succHeader(ls []table.Label) (cols succColumns, percent bool) {
	for _, l := range ls {
		if l.TopCell.Kind != xlsx.Text {
			continue
		}
		k := vn.Key(l.Top)
		f, ok := succLabels[k]
		if !ok && (strings.HasPrefix(k, "tỷ lệ") || strings.HasPrefix(k, "tỉ lệ")) {
			// "Tỷ lệ (%)", "Tỷ lệ chuyển sang": the share, in percent
			// when the header says so.
			f, ok = sShare, true
			if cols[sShare] == 0 {
				percent = strings.Contains(k, "%")
			}
		}
		if ok && cols[f] == 0 {
			cols[f] = l.Col
		}
	}
	return cols, percent
}

func (c succColumns) ok() bool { return c[sOld] != 0 && c[sNew] != 0 }

// succReader reads the rows of the succession sheet.
type succReader struct {
	l       *List
	book    *xlsx.Book
	sheet   string
	cols    succColumns
	percent bool              // the share column is headed in percent ("Tỷ lệ (%)"): 60 is 60%
	pairs   map[[2]string]int // (old, new) upper case → row
}

// readSuccessions reads the succession table: the first sheet other than
// the units' with its header (in its first 30 rows), on a sheet named
// "Sáp nhập" or "Kế thừa" or any other. A named sheet without the header,
// a hidden one or a second one is reported, never passed over: history
// left out of a list would attribute figures wrongly without a word. The
// returned reader is nil when the list has no succession table.
func readSuccessions(l *List, book *xlsx.Book, unitSheet string) (*succReader, *finding.Finding) {
	var got *succReader
	for _, s := range book.Sheets() {
		if s.Name == unitSheet {
			continue
		}
		r := &succReader{l: l, book: book, sheet: s.Name, pairs: map[[2]string]int{}}
		data := r.row
		if s.Hidden || got != nil {
			data = nil // found, not read: it is refused below
		}
		found, problem, err := table.Scan(book, s, table.Options{
			Match: func(c table.Candidate) int {
				if cols, _ := succHeader(c.Labels()); cols.ok() {
					return 1
				}
				return 0
			},
			Data: data,
		})
		if err != nil {
			problem = new(table.ReadProblem(s.Name, err))
		}
		if problem != nil {
			return nil, problem
		}
		switch {
		case found && s.Hidden:
			l.Findings = append(l.Findings, sheetFinding(s.Name, lang.F(
				"Trang \"%s\" có bảng sáp nhập nhưng đang bị ẩn. Hãy hiện trang đó (hoặc xóa nó nếu không dùng) rồi nạp lại.",
				"Sheet \"%s\" holds a succession table but is hidden. Unhide it (or delete it if unused) and import again.", s.Name)))
		case found && got != nil:
			l.Findings = append(l.Findings, sheetFinding(s.Name, lang.F(
				"Trang \"%s\" là bảng sáp nhập thứ hai (đã có trang \"%s\"). Hãy chép các dòng vào một trang.",
				"Sheet \"%s\" is a second succession table (after sheet \"%s\"). Copy its rows into one sheet.", s.Name, got.sheet)))
		case found:
			got = r
		case successionName(s.Name) && !s.Hidden:
			l.Findings = append(l.Findings, sheetFinding(s.Name, lang.F(
				"Trang \"%s\" không có dòng tiêu đề của bảng sáp nhập. Cần các cột: Mã đơn vị cũ | Mã đơn vị mới | Ngày hiệu lực | Tỷ lệ | Căn cứ.",
				"Sheet \"%s\" has no succession header. It needs the columns Mã đơn vị cũ | Mã đơn vị mới | Ngày hiệu lực | Tỷ lệ | Căn cứ.", s.Name)))
		}
	}
	return got, nil
}

func sheetFinding(sheet string, t lang.Text) finding.Finding {
	f := finding.New(finding.Error, finding.NoTable, t)
	f.Sheet = sheet
	return f
}

func (r *succReader) bad(field, row int, code string, t lang.Text, v string) {
	f := finding.New(finding.Error, code, t).At(r.sheet, xlsx.ColumnName(r.cols[field]), row)
	f.Value = v
	r.l.Findings = append(r.l.Findings, f)
}

// unseen refuses a succession row a reader of the list does not see, or
// sees struck out: hidden (or a cell of it in a hidden column), or any of
// its cells struck through. Applied, it would move figures between units.
func (r *succReader) unseen(row xlsx.Row, cells [numSuccFields]*xlsx.Cell) bool {
	var refs []string // the cells hidden or struck (every cell of a hidden row)
	hidden := row.Hidden
	for _, c := range cells {
		switch {
		case c == nil:
		case row.Hidden || row.View != nil && table.HiddenCol(row, c.Col):
			hidden = true
			refs = append(refs, c.Ref)
		case r.book.Struck(c.Style):
			refs = append(refs, c.Ref)
		}
	}
	switch {
	case hidden:
		r.l.Findings = append(r.l.Findings, table.HiddenRows(r.sheet, row, []int{row.Num}, 1,
			lang.F("một dòng sáp nhập, chia tách", "a succession row"), refs))
	case len(refs) > 0:
		f := finding.New(finding.Error, finding.TypeError, lang.F(
			"Dòng %d của bảng sáp nhập có ô %s bị gạch ngang: người đọc hiểu là đã bỏ. Nếu đã bỏ, hãy xóa dòng %d; nếu không, hãy bỏ gạch ngang (Format Cells > Font > Strikethrough) rồi nhập lại.",
			"Row %d of the succession table has cell %s struck through, which a reader takes for withdrawn. If it is, delete row %d; if not, remove the strikethrough (Format Cells > Font > Strikethrough) and import again.",
			row.Num, strings.Join(refs, ", "), row.Num))
		col, _, _ := xlsx.ParseRef(refs[0])
		r.l.Findings = append(r.l.Findings, f.At(r.sheet, xlsx.ColumnName(col), row.Num))
	default:
		return false
	}
	return true
}

// row reads one succession row; a row with a problem is reported and
// left out.
func (r *succReader) row(h table.Header, row xlsx.Row) error {
	if r.cols == (succColumns{}) {
		r.cols, r.percent = succHeader(h.Labels)
	}
	var v [numSuccFields]string
	var cells [numSuccFields]*xlsx.Cell
	for _, cell := range row.Cells {
		for i, col := range r.cols {
			if col != 0 && cell.Col == col && !table.FromLeft(cell) {
				v[i] = table.CellText(cell, xlsx.ParseFormat(r.book.NumFmt(cell.Style)))
				cells[i] = &cell
			}
		}
	}
	if v == [numSuccFields]string{} {
		return nil
	}
	if r.unseen(row, cells) {
		return nil
	}
	s := Succession{Old: v[sOld], New: v[sNew], Basis: v[sBasis], Share: Whole, Row: row.Num}
	ok := true
	for _, f := range []int{sOld, sNew} {
		if v[f] == "" {
			ok = false
			which := [2]lang.Text{lang.F("cũ", "old"), lang.F("mới", "new")}[f]
			r.bad(f, row.Num, finding.MissingUnit, lang.F(
				"Dòng %d chưa có mã đơn vị %s. Mỗi dòng ghi một cặp: mã đơn vị cũ và mã đơn vị mới nhận nó (hoặc một phần của nó).",
				"Row %d has no %s unit code. Each row is one pair: the old unit's code and the code of the new unit that took it (or part of it).",
				row.Num, which.VI, which.EN), "")
		}
	}
	switch {
	case v[sDate] == "":
		ok = false
		r.bad(sDate, row.Num, finding.ConstraintError, lang.F(
			"Dòng %d chưa có ngày hiệu lực. Hãy ghi ngày sáp nhập có hiệu lực, ví dụ %s.",
			"Row %d has no date. Write the day the change took effect, e.g. %s.", row.Num, dateExample), "")
	default:
		d, problem := cellDate(*cells[sDate], r.book.NumFmt(cells[sDate].Style), r.book.Date1904())
		if problem != nil {
			ok = false
			r.bad(sDate, row.Num, finding.TypeError, lang.Join(" ", lang.F("Ô %s (ngày hiệu lực):", "Cell %s (date):", cells[sDate].Ref), *problem), v[sDate])
		}
		s.Date = d
	}
	if v[sShare] != "" {
		share, problem := cellShare(*cells[sShare], xlsx.ParseFormat(r.book.NumFmt(cells[sShare].Style)), r.percent)
		if problem != nil {
			ok = false
			r.bad(sShare, row.Num, finding.TypeError, lang.Join(" ", lang.F("Ô %s (tỷ lệ):", "Cell %s (share):", cells[sShare].Ref), *problem), v[sShare])
		}
		s.Share = share
	}
	if !ok {
		return nil
	}
	key := [2]string{strings.ToUpper(s.Old), strings.ToUpper(s.New)}
	if first := r.pairs[key]; first != 0 {
		r.bad(sOld, row.Num, finding.DuplicateRow, lang.F(
			"Cặp %s → %s đã có ở dòng %d. Mỗi cặp đơn vị cũ, đơn vị mới một dòng.",
			"The pair %s → %s is already on row %d. One row per old and new unit.", s.Old, s.New, first), s.Old)
		return nil
	}
	r.pairs[key] = row.Num
	r.l.Successions = append(r.l.Successions, s)
	return nil
}

// sortFindings orders findings errors first, then the units' sheet before
// the others, each top to bottom.
func sortFindings(fs []finding.Finding, unitSheet string) {
	finding.Sort(fs)
	rank := func(f finding.Finding) int {
		if f.Sheet == unitSheet || f.Sheet == "" {
			return 0
		}
		return 1
	}
	sort.SliceStable(fs, func(i, j int) bool {
		if fs[i].Severity != fs[j].Severity {
			return fs[i].Severity == finding.Error
		}
		return rank(fs[i]) < rank(fs[j])
	})
}
