package roster

import (
	"bytes"
	"cmp"
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
// findings and entries refer to it. Every visible sheet with a roster
// table (a header row in its first 30 rows) is read: a Tập thể sheet and
// a Cá nhân sheet are one roster.
//
// Entries holds the rows without an error finding; a roster with any
// error is refused as a whole by the caller (Valid).
func ReadBytes(name string, data []byte, lists Lists, now time.Time) *Roster {
	ro := &Roster{File: name, Size: int64(len(data)), Folder: folderOf(name)}
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

	sh     sheetState        // the sheet being read
	sheets []string          // the sheets that held a table
	rows   int               // nominee rows of the file, for total lines
	seen   map[string]seenAt // duplicate key → first row
}

// sheetState is what the reader knows of the sheet it reads.
type sheetState struct {
	name     string
	h        header
	hLast    int    // the header's last row
	started  bool   // a row under the header was read
	ended    bool   // the signature block under the table was reached
	years    [2]int // the years its title lines claim, or else the roster's
	kind     string // the kind of nominee its name or title gives
	sec      section
	rows     int           // nominee rows
	combined int           // rows with a "Chức vụ, đơn vị công tác" kept whole
	lacking  map[int][]int // Loại or Tổ chức column the header lacks → rows no title gave it to
	unread   map[int]*unread
	dates    map[int]*dateOrder // by column

	hidden      map[int][]string // roster columns the sheet hides → the cells they hold on nominee rows
	hiddenOrder []int
	view        *xlsx.SheetView
}

// seenAt is where a (name, unit, form) was first listed.
type seenAt struct {
	cell, sheet string
	row         int
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
			r.sheets = append(r.sheets, s.Name)
		}
	}
	if len(r.sheets) > 0 {
		r.ro.Sheet = strings.Join(r.sheets, ", ")
		return
	}
	if hidden := r.hiddenTables(); len(hidden) > 0 {
		r.add(fileFinding(finding.NoTable, lang.F(
			"Danh sách khen thưởng nằm ở trang tính đang ẩn \"%s\"; tongket không đọc trang ẩn (thường là trang nháp). Nếu đó là danh sách gửi đi, hãy bỏ ẩn trang (nhấp chuột phải vào tên trang > Bỏ ẩn) rồi gửi lại.",
			"The award roster is on the hidden sheet \"%s\"; tongket does not read hidden sheets (usually drafts). If it is the roster being sent, unhide the sheet (right-click a sheet tab > Unhide) and resend.",
			strings.Join(hidden, "\", \""))).At(hidden[0], "", 0))
		return
	}
	r.add(fileFinding(finding.NoTable, lang.F(
		"Không tìm thấy bảng danh sách khen thưởng trong %d dòng đầu của các trang tính. Bảng cần một dòng tiêu đề gồm các cột: %s.",
		"No award roster table found in the first %d rows of any sheet. The table needs a header row with the columns: %s.",
		headerScanRows, standardHeader)))
}

// hiddenTables names the hidden sheets that hold a roster table, read
// apart so that nothing of them is kept.
func (r *reader) hiddenTables() []string {
	var out []string
	for _, s := range r.book.Sheets() {
		if !s.Hidden {
			continue
		}
		apart := *r
		apart.ro, apart.seen = &Roster{}, map[string]seenAt{}
		if found, problem := apart.readSheet(s); found && problem == nil {
			out = append(out, s.Name)
		}
	}
	return out
}

// standardHeader is the header row of FORMATS.md §4, for messages.
var standardHeader = "STT | Họ và tên / Tên tập thể | Loại | Chức vụ | Đơn vị | Tổ chức | Hình thức | Cấp khen | Số quyết định | Ngày quyết định | Thành tích"

// readSheet streams one sheet. It reports whether the sheet held a table,
// and the problem that kept it from being read to its end.
func (r *reader) readSheet(s xlsx.Sheet) (bool, *finding.Finding) {
	var t titleLines
	r.sh = sheetState{name: s.Name, lacking: map[int][]int{}, unread: map[int]*unread{}, dates: map[int]*dateOrder{}}
	found, problem, err := table.Scan(r.book, s, table.Options{
		MaxRows: headerScanRows,
		Match: func(c table.Candidate) int {
			n := r.match(c)
			if n != 0 {
				r.begin(s.Name, &t)
			}
			return n
		},
		Before: t.scan,
		Data: func(h table.Header, row xlsx.Row) error {
			// The row of column numbers many forms put under the header.
			if !r.sh.started && row.Num <= h.End+2 && isNumbering(row) {
				return nil
			}
			r.sh.started = true
			r.row(row)
			return nil
		},
	})
	if err != nil {
		problem = new(table.ReadProblem(s.Name, err))
	}
	if found && problem == nil {
		r.endSheet()
	}
	return found, problem
}

// begin takes what the lines above a sheet's table say: its years (a
// sheet without any reads under the roster's), its kind of nominee, and,
// for the first sheet, the roster's unit and heading.
func (r *reader) begin(sheet string, t *titleLines) {
	y := t.years()
	if y != [2]int{} {
		if r.ro.Years == [2]int{} {
			r.ro.Years = y
		} else {
			r.ro.Years = [2]int{min(r.ro.Years[0], y[0]), max(r.ro.Years[1], y[1])}
		}
	} else {
		y = r.ro.Years
	}
	r.sh.years = y
	r.sh.kind = cmp.Or(sheetKind(sheet), t.kind())
	if len(r.sheets) == 0 {
		r.ro.Unit, r.ro.Heading = t.unit(), t.key()
	}
}

// endSheet reports what only the whole sheet shows: columns missing,
// columns left unread, a combined column kept whole, dates in two orders.
func (r *reader) endSheet() {
	for _, col := range r.sh.hiddenOrder {
		cells := r.sh.hidden[col]
		holds := lang.F("nội dung của %d dòng trong danh sách khen thưởng (ô %s)", "what %d roster entries give (cells %s)", len(cells), table.ListCells(cells))
		r.add(table.HiddenColumn(r.sh.name, r.sh.view, r.sh.h.cols[col], columnNames[col], holds, cells))
	}
	r.checkColumns()
	r.checkDateOrder()
	r.reportUnread()
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
	struck  bool // drawn struck through
}

// field reads column col of row, calculating a formula the writer left
// without a cached value.
func (r *reader) field(row xlsx.Row, col int) (v value, ok bool) {
	sheet := r.sh.name
	c, found := cellAt(row, col)
	if !found {
		return value{}, true
	}
	v = value{cell: c, present: true, kind: c.Kind, raw: c.Value}
	if c.Formula && !c.Cached {
		ref := c.Ref
		if c.Covered && c.Merge != nil { // the formula is the merged range's first cell's
			ref = xlsx.ColumnName(c.Merge.FromCol) + strconv.Itoa(c.Merge.FromRow)
		}
		res, err := r.book.Calc(xlsx.Sheet{Name: sheet}, ref)
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
		return v, true
	}
	_, rowNum, _ := xlsx.ParseRef(c.Ref)
	v.struck = r.book.Struck(c.Style) // told once for the row (row)
	switch {
	case isDitto(v.text):
		// "nt", "như trên", a lone quote mark: the reader looks up; a
		// stored entry would hold the mark.
		r.add(finding.New(finding.Error, finding.TypeError, lang.F(
			"Ô %s ghi \"%s\" (như trên): mỗi ô của danh sách cần ghi đầy đủ. Hãy chép nội dung ô phía trên vào ô này rồi gửi lại.",
			"Cell %s reads \"%s\" (ditto): each cell of the roster must be written out. Copy the cell above into it and resend.",
			c.Ref, v.text)).At(sheet, xlsx.ColumnName(c.Col), rowNum))
		v.failed = true
		return v, false
	}
	return v, true
}

// isDitto reports a ditto mark: "nt", "-nt-", "như trên", a lone quote.
func isDitto(s string) bool {
	s = strings.Trim(strings.TrimSpace(s), "-.")
	if len(s) > len("như trên") { // most cells: longer than any mark, not normalised
		return false
	}
	switch vn.Key(s) {
	case "nt", "n.t", "như trên", "\"", "〃", "''", "ditto", "như trên.":
		return true
	}
	return false
}

func (r *reader) formulaError(sheet string, c xlsx.Cell, e string) {
	_, row, _ := xlsx.ParseRef(c.Ref)
	f := finding.New(finding.Error, finding.FormulaError, lang.F(
		"Ô %s chứa lỗi %s. Hãy sửa công thức hoặc nhập thẳng giá trị.",
		"Cell %s holds the error %s. Fix the formula or type the value.", c.Ref, e)).At(sheet, xlsx.ColumnName(c.Col), row)
	f.Value = e
	r.add(f)
}
