package roster

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/tongket/tongket/finding"
	"github.com/tongket/tongket/lang"
	"github.com/tongket/tongket/table"
	"github.com/tongket/tongket/vn"
	"github.com/tongket/tongket/xlsx"
)

// headerScanRows is how far down a sheet the header row may stand.
const headerScanRows = 30

// Read reads one roster workbook. It always returns a Roster; problems,
// including a file that is not a workbook at all, are findings on it. now
// is the clock: a decision date after now is refused.
func Read(path string, lists Lists, now time.Time) *Roster {
	data, problem := table.LoadFile(path, xlsx.DefaultLimits)
	if problem != nil {
		return &Roster{File: path, Findings: []finding.Finding{*problem}}
	}
	return ReadBytes(path, data, lists, now)
}

// ReadBytes reads a roster workbook already in memory; name is how
// findings and entries refer to it. The first visible sheet with a roster
// table (a header row in its first 30 rows) is read.
//
// Entries holds the rows without an error finding; a roster with any
// error is refused as a whole by the caller (Valid).
func ReadBytes(name string, data []byte, lists Lists, now time.Time) *Roster {
	ro := &Roster{File: name, Size: int64(len(data))}
	sum := sha256.Sum256(data)
	ro.SHA256 = hex.EncodeToString(sum[:])
	book, err := xlsx.OpenReaderAt(bytes.NewReader(data), int64(len(data)), filepath.Base(name), xlsx.DefaultLimits)
	if err != nil {
		ro.Findings = append(ro.Findings, table.ContainerFinding(err))
		return ro
	}
	defer book.Close()
	rd := &reader{
		ro:    ro,
		book:  book,
		kinds: newMatcher(Kinds),
		orgs:  newMatcher(lists.Organisations),
		forms: newMatcher(lists.Forms),
		now:   now,
		seen:  map[string]seenAt{},
	}
	rd.read()
	finding.Sort(ro.Findings)
	return ro
}

func fileFinding(code string, t lang.Text) finding.Finding {
	return finding.New(finding.Error, code, t)
}

// reader holds the state of one file's read.
type reader struct {
	ro                 *Roster
	book               *xlsx.Book
	kinds, orgs, forms *matcher
	now                time.Time

	h       header
	checked bool              // the header's columns were checked
	ended   bool              // the signature block under the table was reached
	seen    map[string]seenAt // duplicate key → first row
}

// seenAt is where a (name, unit, form) was first listed.
type seenAt struct {
	cell string
	row  int
}

func (r *reader) add(f finding.Finding) { r.ro.Findings = append(r.ro.Findings, f) }

func (r *reader) read() {
	for _, s := range r.book.Sheets() {
		if s.Hidden {
			continue
		}
		found, problem := r.readSheet(s)
		if problem != nil {
			// The rows above the damage are not the roster: none of them
			// may be stored or compared for duplicates, and what was found
			// wrong with them may be the damage's doing (the merged ranges
			// follow the rows in the file and go with a cut end).
			r.ro.Entries = nil
			r.ro.Findings = []finding.Finding{*problem}
			return
		}
		if found {
			return
		}
	}
	r.add(fileFinding(finding.NoTable, lang.F(
		"Không tìm thấy bảng danh sách khen thưởng trong %d dòng đầu của các trang tính. Bảng cần một dòng tiêu đề gồm các cột: %s.",
		"No award roster table found in the first %d rows of any sheet. The table needs a header row with the columns: %s.",
		headerScanRows, standardHeader)))
}

// standardHeader is the header row of FORMATS.md §4, for messages.
var standardHeader = "STT | Họ và tên / Tên tập thể | Loại | Chức vụ | Đơn vị | Tổ chức | Hình thức | Cấp khen | Số quyết định | Ngày quyết định | Thành tích"

// readSheet streams one sheet. It reports whether the sheet held a table,
// and the problem that kept it from being read to its end.
func (r *reader) readSheet(s xlsx.Sheet) (bool, *finding.Finding) {
	var claim yearClaim
	found, problem, err := table.Scan(r.book, s, table.Options{
		MaxRows: headerScanRows,
		Match: func(c table.Candidate) int {
			n := r.match(c)
			if n != 0 {
				r.ro.Sheet, r.ro.Years = s.Name, claim.years
			}
			return n
		},
		Before: claim.scan,
		Data: func(h table.Header, row xlsx.Row) error {
			// The row of column numbers many forms put under the header.
			if !r.checked && row.Num <= h.Row+2 && isNumbering(row) {
				return nil
			}
			if !r.checked {
				r.checked = true
				r.checkColumns()
			}
			r.row(s.Name, row)
			return nil
		},
	})
	if err != nil {
		problem = new(table.ReadProblem(s.Name, err))
	}
	if found && !r.checked && problem == nil {
		r.checked = true
		r.checkColumns()
	}
	return found, problem
}

// cellAt finds a column's cell in a row (cells are in column order).
func cellAt(row xlsx.Row, col int) (xlsx.Cell, bool) {
	if col == 0 {
		return xlsx.Cell{}, false
	}
	i := sort.Search(len(row.Cells), func(i int) bool { return row.Cells[i].Col >= col })
	// A value merged across columns is its first column's only (a section
	// title over the whole row is not a kind or a form); one merged down a
	// group of rows is each row's.
	if i < len(row.Cells) && row.Cells[i].Col == col && !table.FromLeft(row.Cells[i]) {
		return row.Cells[i], true
	}
	return xlsx.Cell{}, false
}

// cellText is a cell's content as stored text: NFC, trimmed. Text stays
// text (a name "=HYPERLINK(…)" typed as text is just a name); a whole
// number is written without decimals.
func cellText(c xlsx.Cell) string {
	if c.Kind == xlsx.Number {
		if f, err := strconv.ParseFloat(c.Value, 64); err == nil && f == float64(int64(f)) {
			return strconv.FormatInt(int64(f), 10)
		}
	}
	return strings.TrimSpace(vn.NFC(c.Value))
}

// value is one field of a row: the cell (zero when absent), its kind and
// value after calculating an uncached formula, and ok false when the
// cell held an error (already reported).
type value struct {
	cell    xlsx.Cell
	present bool
	kind    xlsx.Kind
	raw     string
	text    string
	failed  bool // the cell held an error, already reported
}

// field reads column col of row, calculating a formula the writer left
// without a cached value.
func (r *reader) field(sheet string, row xlsx.Row, col int) (v value, ok bool) {
	c, found := cellAt(row, col)
	if !found {
		return value{}, true
	}
	v = value{cell: c, present: true, kind: c.Kind, raw: c.Value}
	if c.Formula && !c.Cached {
		res, err := r.book.Calc(xlsx.Sheet{Name: sheet}, c.Ref)
		var fe *xlsx.FormulaError
		switch {
		case errors.As(err, &fe):
			r.formulaError(sheet, c, fe.Value)
			v.failed = true
			return v, false
		case err != nil:
			f := finding.New(finding.Error, finding.FormulaError, lang.F(
				"Ô %s: không tính được công thức (%v). Hãy nhập thẳng giá trị thay cho công thức.",
				"Cell %s: the formula cannot be calculated (%v). Type the value instead of the formula.",
				c.Ref, err)).At(sheet, xlsx.ColumnName(c.Col), row.Num)
			r.add(f)
			v.failed = true
			return v, false
		}
		v.kind, v.raw = xlsx.Number, res
		if _, err := strconv.ParseFloat(res, 64); err != nil {
			v.kind = xlsx.Text
		}
	}
	if v.kind == xlsx.Error {
		r.formulaError(sheet, c, v.raw)
		v.failed = true
		return v, false
	}
	v.text = cellText(xlsx.Cell{Kind: v.kind, Value: v.raw})
	if v.text == "" {
		v.present = false
	}
	return v, true
}

func (r *reader) formulaError(sheet string, c xlsx.Cell, e string) {
	_, row, _ := xlsx.ParseRef(c.Ref)
	f := finding.New(finding.Error, finding.FormulaError, lang.F(
		"Ô %s chứa lỗi %s. Hãy sửa công thức hoặc nhập thẳng giá trị.",
		"Cell %s holds the error %s. Fix the formula or type the value.", c.Ref, e)).At(sheet, xlsx.ColumnName(c.Col), row)
	f.Value = e
	r.add(f)
}
