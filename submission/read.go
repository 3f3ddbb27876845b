package submission

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/tongket/tongket/catalog"
	"github.com/tongket/tongket/finding"
	"github.com/tongket/tongket/lang"
	"github.com/tongket/tongket/table"
	"github.com/tongket/tongket/vn"
	"github.com/tongket/tongket/xlsx"
)

// headerScanRows is how far down a sheet the header row may stand (FORMATS §2).
const headerScanRows = 30

// MinYear is the earliest year a figure may belong to.
const MinYear = 1975

// TemplateVersion is the version of the `_tongket` sheet this reader knows.
const TemplateVersion = "1"

// Options configure a read.
type Options struct {
	Catalog *catalog.Catalog
	Limits  xlsx.Limits
	// Now is the clock: a year after Now's year is out of range.
	Now func() time.Time
}

func (o Options) now() time.Time {
	if o.Now == nil {
		return time.Now()
	}
	return o.Now()
}

// errStop ends a sheet scan early without being an error.
var errStop = errors.New("stop")

// Read reads one submitted file. It always returns a Submission; problems,
// including a file that is not a workbook at all, are findings on it.
func Read(path string, opt Options) *Submission {
	data, problem := table.LoadFile(path, opt.Limits)
	if problem != nil {
		return &Submission{File: path, Findings: []finding.Finding{*problem}, badCells: map[cellKey]bool{}}
	}
	return ReadBytes(path, data, opt)
}

// ReadBytes reads a submission already in memory; name is how findings and
// history refer to it.
func ReadBytes(name string, data []byte, opt Options) *Submission {
	sub := &Submission{File: name, Size: int64(len(data)), badCells: map[cellKey]bool{}}
	if opt.Limits == (xlsx.Limits{}) {
		opt.Limits = xlsx.DefaultLimits
	}
	sum := sha256.Sum256(data)
	sub.SHA256 = hex.EncodeToString(sum[:])
	book, err := xlsx.OpenReaderAt(bytes.NewReader(data), int64(len(data)), filepath.Base(name), opt.Limits)
	if err != nil {
		sub.add(table.ContainerFinding(err))
		return sub
	}
	defer book.Close()
	r := &reader{sub: sub, book: book, cat: opt.Catalog, maxYear: opt.now().Year()}
	r.read()
	r.legacyWarning()
	sub.SortFindings()
	return sub
}

func fileFinding(code string, t lang.Text) finding.Finding {
	return finding.New(finding.Error, code, t)
}

// reader holds the state of one file's read.
type reader struct {
	sub     *Submission
	book    *xlsx.Book
	cat     *catalog.Catalog
	maxYear int

	curSheet    string             // the sheet being read, for Calc
	formats     []xlsx.Format      // parsed number formats, by cell format
	formatKnown []bool             // which of formats are parsed
	measures    map[string]measure // parsed "Đơn vị tính" texts (ok false: not a measure)
	notMeasure  map[string]bool

	tmplUnit  Unit
	wideUnit  int               // index in sub.Units of the unit of the wide tables, -1 before the first
	unitIndex map[[2]string]int // long: (code, name) as written → Units index
	noYears   *finding.Finding  // a label row without years, reported if no sheet has a table
	plans     []finding.Finding // sheets that are plans, not results (their warnings)
	legacy    legacyState       // TCVN3/VNI text converted (legacy.go)

	texts [16]struct{ raw, text string } // cellText's last text by column

	unitLog [][2]string // keys added to unitIndex, in order, for undo
	badLog  []cellKey   // keys added to sub.badCells, in order, for undo
}

// mark is what the reader had before a sheet, so that a read of it can be
// undone (table.Options.Restart: the sheet is read again with its merged
// ranges).
type mark struct {
	findings, figures, totals, units, sheets, unitLog, badLog, legacyUsed, legacyN int
	layout                                                                         Layout
	sheet                                                                          string
	wideUnit                                                                       int
	noYears                                                                        *finding.Finding
}

func (r *reader) mark() mark {
	s := r.sub
	return mark{len(s.Findings), len(s.Figures), len(s.Totals), len(s.Units), len(s.Sheets), len(r.unitLog), len(r.badLog),
		len(r.legacy.used), r.legacy.nUsed, s.Layout, s.Sheet, r.wideUnit, r.noYears}
}

func (r *reader) undo(m mark) {
	s := r.sub
	s.Findings, s.Figures, s.Totals, s.Units, s.Sheets = s.Findings[:m.findings], s.Figures[:m.figures], s.Totals[:m.totals], s.Units[:m.units], s.Sheets[:m.sheets]
	for _, k := range r.unitLog[m.unitLog:] {
		delete(r.unitIndex, k)
	}
	for _, k := range r.badLog[m.badLog:] {
		delete(s.badCells, k)
	}
	r.unitLog, r.badLog = r.unitLog[:m.unitLog], r.badLog[:m.badLog]
	r.legacy.used, r.legacy.nUsed = r.legacy.used[:m.legacyUsed], m.legacyN
	s.Layout, s.Sheet, r.wideUnit, r.noYears = m.layout, m.sheet, m.wideUnit, m.noYears
}

// setBad marks a (unit, indicator, year) whose cell had an error.
func (r *reader) setBad(k cellKey) {
	if !r.sub.badCells[k] {
		r.sub.badCells[k] = true
		r.badLog = append(r.badLog, k)
	}
}

// Sheets of a summary workbook tongket wrote (package report): of those,
// only the first is a submission (FORMATS.md §6); the others are its own
// views of the same figures.
const (
	summarySheet       = "Tổng hợp"
	summaryByUnitSheet = "Theo đơn vị"
	summaryByYearSheet = "Theo năm"
)

func (r *reader) read() {
	sheets := r.book.Sheets()
	for _, s := range sheets {
		if s.Name == "_tongket" {
			r.readTemplateSheet(s)
		}
	}
	if finding.HasError(r.sub.Findings) {
		return
	}
	r.wideUnit = -1
	summary := isSummaryBook(sheets)
	found := false
	for _, s := range sheets {
		if s.Hidden || s.Name == "_tongket" || summary && s.Name != summarySheet {
			continue
		}
		ok, stop := r.readSheet(s)
		if stop {
			return
		}
		found = found || ok
	}
	if found {
		for _, f := range r.plans {
			r.sub.add(f)
		}
		r.crossSheets()
		return
	}
	if len(r.plans) > 0 {
		// Only plans: the file reports no results at all.
		f := r.plans[0]
		f.Severity, f.Code = finding.Error, finding.NoTable
		f.Text = lang.Join(" ", f.Text, lang.F(
			"Tệp không có bảng kết quả thực hiện nào. Hãy gửi bảng số liệu kết quả (các cột năm là số đã thực hiện).",
			"The file has no table of results. Send the table of results (year columns holding what was done)."))
		r.sub.add(f)
		return
	}
	if hidden := r.hiddenTables(sheets); len(hidden) > 0 {
		r.sub.add(fileFinding(finding.NoTable, lang.F(
			"Bảng số liệu nằm ở trang tính đang ẩn \"%s\"; tongket không đọc trang ẩn (thường là trang nháp). Nếu đó là số liệu gửi báo cáo, hãy bỏ ẩn trang (nhấp chuột phải vào tên trang > Bỏ ẩn) rồi gửi lại.",
			"The table of figures is on the hidden sheet \"%s\"; tongket does not read hidden sheets (usually drafts). If those are the figures being reported, unhide the sheet (right-click a sheet tab > Unhide) and resend.",
			strings.Join(hidden, "\", \""))).At(hidden[0], "", 0))
		return
	}
	if r.noYears != nil {
		r.sub.add(*r.noYears)
		return
	}
	r.sub.add(fileFinding(finding.NoTable, lang.F(
		"Không tìm thấy bảng số liệu trong %d dòng đầu của các trang tính. Bảng cần một dòng tiêu đề có cột \"Mã chỉ tiêu\" hoặc \"Chỉ tiêu\" và các cột năm (2013, 2014, … hoặc \"Năm 2013\").",
		"No table of figures found in the first %d rows of any sheet. The table needs a header row with a \"Mã chỉ tiêu\" or \"Chỉ tiêu\" column and year columns (2013, 2014, … or \"Năm 2013\").",
		headerScanRows)))
}

// isSummaryBook reports a summary workbook written by tongket.
func isSummaryBook(sheets []xlsx.Sheet) bool {
	has := map[string]bool{}
	for _, s := range sheets {
		has[s.Name] = true
	}
	return has[summarySheet] && has[summaryByUnitSheet] && has[summaryByYearSheet]
}

// hiddenTables names the hidden sheets that hold a table, for the refusal
// of a file whose only table is hidden. They are probed with a scratch
// reader: nothing found on them is reported.
func (r *reader) hiddenTables(sheets []xlsx.Sheet) []string {
	var names []string
	for _, s := range sheets {
		if !s.Hidden || s.Name == "_tongket" {
			continue
		}
		probe := &reader{sub: &Submission{badCells: map[cellKey]bool{}}, book: r.book, cat: r.cat, maxYear: r.maxYear, wideUnit: -1}
		st := newSheetState(s.Name)
		probe.curSheet = s.Name
		found, _, _ := table.Scan(r.book, s, table.Options{MaxRows: headerScanRows, Match: probe.match(st), Before: func(row xlsx.Row) { probe.scanMeta(&st.meta, row) }})
		if found {
			names = append(names, s.Name)
		}
	}
	return names
}

// readTemplateSheet reads the hidden `_tongket` sheet that `tongket template`
// writes: key in column A, value in column B.
func (r *reader) readTemplateSheet(s xlsx.Sheet) {
	var versionCell string
	err := r.book.Rows(s, func(row xlsx.Row) error {
		if len(row.Cells) < 2 || row.Cells[0].Col != 1 {
			return nil
		}
		key, val := strings.TrimSpace(row.Cells[0].Value), strings.TrimSpace(row.Cells[1].Value)
		switch key {
		case "version":
			r.sub.Template, versionCell = val, row.Cells[1].Ref
		case "unit_code":
			r.tmplUnit.Code, r.tmplUnit.Cell, r.tmplUnit.Sheet = val, row.Cells[1].Ref, s.Name
		case "unit_name":
			r.tmplUnit.Name = val
		}
		return nil
	})
	if err != nil {
		r.sub.add(table.ReadProblem(s.Name, err))
		return
	}
	if r.sub.Template != "" && r.sub.Template != TemplateVersion {
		f := finding.New(finding.Error, finding.TemplateVersion, lang.F(
			"Biểu mẫu phiên bản %q không được hỗ trợ; tongket này cần phiên bản %s. Hãy tải biểu mẫu mới bằng \"tongket template\" và chép số liệu sang.",
			"Template version %q is not supported; this tongket expects version %s. Make a new template with \"tongket template\" and copy the figures over.",
			r.sub.Template, TemplateVersion))
		f.Sheet, f.Cell, f.Value = s.Name, versionCell, r.sub.Template
		r.sub.add(f)
	}
}

// sheetState is what the reader knows of one sheet while reading it.
type sheetState struct {
	name   string
	index  int16 // in Submission.Sheets, once the sheet has a table
	meta   metaScan
	header *header

	refused     bool             // the table cannot be read at all (an error says why)
	plan        *finding.Finding // once the table is found: a plan sheet's warning (Code "" for results)
	dupYearCols map[int]bool     // year columns refused at the header
	firstData   bool             // the next data row is the first under the header
	ended       bool             // the signature block under the table was reached

	firstRow      map[string]int // wide: indicator → row it was first seen on
	unreadWarn    map[int]bool   // columns already reported as not read
	marked        []*column      // estimate and marked year columns
	markedCells   map[int][]string
	plans         []*column
	planCells     map[int][]string
	scaled        []string  // cells read through a scaling number format
	scaledBy      int       // the largest scale met (thousands divisions)
	scaledExample [2]string // the first such cell's stored and shown value
	converted     []int     // rows whose money was converted to triệu đồng
	nameMeasure   string    // a measure in brackets ending the current row's indicator name
	convMeasure   string    // the measure converted from (first met)
	merged        map[string]bool
	hiddenCells   map[int][]string // wide: figures in hidden year columns, by column
	hiddenOrder   []int            // those columns, as met
	view          *xlsx.SheetView  // the sheet's hidden columns, once one holds a figure
	hiddenLong    []string         // long: the first ten value cells of hidden rows or a hidden value column
	hiddenRows    []int            // their rows
	hiddenCount   int              // how many such cells
	hiddenFirst   xlsx.Row         // the first of them (how it is hidden), without its cells
}

func newSheetState(name string) *sheetState {
	return &sheetState{name: name, firstData: true}
}

// refuseYearCol marks a year column refused at the header: its cells are
// not read.
func (st *sheetState) refuseYearCol(col int) {
	if st.dupYearCols == nil {
		st.dupYearCols = map[int]bool{}
	}
	st.dupYearCols[col] = true
}

// planSheet says whether the sheet's table is a plan or a target ("KH
// 2024", a title "KẾ HOẠCH NĂM 2024"), not results: its finding (a
// plan-skipped warning naming the sheet) when it is, an empty one when not.
func (r *reader) planSheet(st *sheetState) *finding.Finding {
	for _, c := range st.header.cols {
		if c.kind == colPlan {
			// The header tells plans from results column by column
			// ("Kế hoạch" | "Thực hiện"): the columns decide, not the title.
			return &finding.Finding{}
		}
	}
	var why lang.Text
	col, row := "", 0
	switch {
	case parseColLabel(st.name).kind == colPlan || planTitle(st.name):
		why = lang.F("tên trang", "its name")
	case st.meta.planCell != "":
		why = lang.F("dòng tiêu đề ở ô %s: \"%s\"", "the title in cell %s: \"%s\"", st.meta.planCell, st.meta.planTitle)
		c, rw, _ := xlsx.ParseRef(st.meta.planCell)
		col, row = xlsx.ColumnName(c), rw
	default:
		return &finding.Finding{}
	}
	f := finding.New(finding.Warning, finding.PlanSkipped, lang.F(
		"Trang \"%s\" là bảng kế hoạch, chỉ tiêu (theo %s), không phải kết quả thực hiện: số liệu trong trang này không được lưu. Nếu đó là kết quả, hãy đổi tên trang và dòng tiêu đề cho đúng rồi gửi lại.",
		"Sheet \"%s\" is a plan or target (by %s), not results: its figures are not stored. If they are results, correct the sheet's name and title and resend.",
		st.name, why)).At(st.name, col, row)
	return &f
}

// year is the year of a single value column: from a line above the table,
// else from the sheet's name. where says which, for messages.
func (st *sheetState) year() (int, string) {
	if st.meta.year != 0 {
		return st.meta.year, "năm " + strconv.Itoa(st.meta.year) + " theo ô " + st.meta.yearCell
	}
	if y, ok := singleYear(st.name); ok {
		return y, "năm " + strconv.Itoa(y) + " theo tên trang"
	}
	return 0, ""
}

// readSheet reads one sheet. found reports a table on it; stop that the
// file cannot be read further (a damaged sheet).
func (r *reader) readSheet(s xlsx.Sheet) (found, stop bool) {
	st := newSheetState(s.Name)
	r.curSheet = s.Name
	before := r.mark()
	found, problem, err := table.Scan(r.book, s, table.Options{
		NoLabels: true,
		Restart: func() {
			r.undo(before)
			*st = *newSheetState(s.Name)
		},
		MaxRows: headerScanRows,
		Convert: func(row xlsx.Row) xlsx.Row { return r.legacyRow(s.Name, row) },
		Match:   r.match(st),
		Before:  func(row xlsx.Row) { r.scanMeta(&st.meta, row) },
		Data: func(_ table.Header, row xlsx.Row) error {
			if st.firstData && st.plan == nil {
				st.plan = r.planSheet(st)
			}
			if st.plan.Code != "" {
				return nil // a plan's figures are not results: none is read
			}
			if st.firstData {
				r.startTable(st)
			}
			r.useLegacyTableRow(s.Name, st.header, row)
			r.tableRow(st, row)
			return nil
		},
	})
	if problem != nil {
		// A sheet cut off part-way: the file is refused, and nothing read
		// above the damage is kept for checks to talk about.
		r.sub.add(*problem)
		r.sub.Figures, r.sub.Totals = nil, nil
		return found, true
	}
	if err != nil {
		r.sub.add(table.ContainerFinding(err).At(s.Name, "", 0))
		return found, true
	}
	if !found {
		return false, false
	}
	if st.plan == nil {
		st.plan = r.planSheet(st)
	}
	if st.plan.Code != "" {
		r.plans = append(r.plans, *st.plan)
		return false, false
	}
	if st.firstData {
		r.startTable(st) // a header with no rows under it
	}
	r.finishSheet(st)
	return true, false
}

// startTable registers the sheet's table: its index among the sheets read
// and, for a wide table, its unit.
func (r *reader) startTable(st *sheetState) {
	h := st.header
	if len(r.sub.Sheets) == 0 {
		r.sub.Layout, r.sub.Sheet = h.layout, st.name
	}
	st.index = int16(len(r.sub.Sheets))
	r.sub.Sheets = append(r.sub.Sheets, st.name)
	if h.layout == Wide {
		r.useWideUnit(st)
		if cap(r.sub.Figures) == 0 && r.cat != nil {
			// A wide table has a row an indicator: its figures sized once.
			r.sub.Figures = make([]Figure, 0, len(r.cat.Indicators)*len(h.yearCols))
		}
	}
}

// useWideUnit settles the unit of a wide table: the template sheet's, else
// the lines above the first wide table. A sheet that names another unit
// than the template or an earlier sheet is unit-mismatch: nobody can tell
// whose figures these are.
func (r *reader) useWideUnit(st *sheetState) {
	m := st.meta
	written := Unit{Code: m.code, Name: m.name, Sheet: st.name, Cell: m.codeCell}
	if written.Cell == "" {
		written.Cell = m.nameCell
	}
	if r.wideUnit < 0 {
		u := written
		if r.tmplUnit.Code != "" || r.tmplUnit.Name != "" {
			u = r.tmplUnit
		}
		r.wideUnit = len(r.sub.Units)
		r.sub.Units = append(r.sub.Units, u)
		r.legacyUnit(st.name, m, u)
		if u != written {
			r.checkSameUnit(u, written, lang.F("biểu mẫu (trang ẩn _tongket)", "the template (hidden sheet _tongket)"))
		}
		return
	}
	first := r.sub.Units[r.wideUnit]
	r.checkSameUnit(first, written, lang.F("trang \"%s\"", "sheet \"%s\"", first.Sheet))
}

// checkSameUnit adds unit-mismatch when written (lines above a table)
// names another unit than u, which the file's figures belong to.
func (r *reader) checkSameUnit(u, written Unit, from lang.Text) {
	codeDiffers := written.Code != "" && u.Code != "" && !strings.EqualFold(written.Code, u.Code)
	nameDiffers := written.Name != "" && u.Name != "" && !sameUnitName(written.Name, u.Name)
	if !codeDiffers && !nameDiffers {
		return
	}
	f := finding.New(finding.Error, finding.UnitMismatch, lang.F(
		"Trang \"%s\" ghi đơn vị \"%s\"%s, nhưng %s là của đơn vị \"%s\"%s. Không rõ số liệu là của đơn vị nào. Nếu biểu mẫu được chuyển cho đơn vị khác, hãy tải biểu mẫu của đúng đơn vị (tongket template --unit …) và chép số liệu sang; nếu không, hãy sửa lại tên, mã đơn vị cho khớp.",
		"Sheet \"%s\" names the unit \"%s\"%s, but %s belongs to \"%s\"%s. Nobody can tell whose figures these are. If the template was passed on to another unit, make that unit's own template (tongket template --unit …) and copy the figures over; otherwise correct the unit's name and code so they agree.",
		written.Sheet, cmp.Or(written.Name, written.Code), codeSuffix(written), from, cmp.Or(u.Name, u.Code), codeSuffix(u)))
	f.Sheet, f.Cell = written.Sheet, written.Cell
	if col, row, err := xlsx.ParseRef(written.Cell); err == nil {
		f.Column, f.Row = xlsx.ColumnName(col), row
	}
	f.Value = cmp.Or(written.Code, written.Name)
	r.sub.add(f)
}

func codeSuffix(u Unit) string {
	if u.Code == "" || u.Name == "" {
		return ""
	}
	return " (" + u.Code + ")"
}

// sameUnitName reports whether two written unit names are one unit: the
// same name at the same level ("Q. Hồng Bàng" is "Quận Hồng Bàng"; "Thị
// trấn An Dương" is not "Huyện An Dương").
func sameUnitName(a, b string) bool {
	return vn.UnitKey(a) == vn.UnitKey(b) && unitLevel(a) == unitLevel(b)
}

// unitLevel is the administrative level a unit name starts with ("quận",
// "thị trấn"), "" when none.
func unitLevel(s string) string {
	level, _ := vn.UnitLevel(s)
	return level
}
