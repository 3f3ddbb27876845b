package xlsx

// Differential tests: every cell this reader reports is checked against
// excelize, which reads the same files through encoding/xml and its own
// package handling.
//
// # What "the same cells" means
//
// Both sides are compared sheet by sheet, by name, for every worksheet this
// reader lists (it skips chartsheets; every other sheet excelize lists must
// hold no cell). Cells are compared by reference. excelize is read with
// RawCellValue, so neither side formats anything.
//
//   - Value. Our Cell.Value must equal the string excelize's streaming
//     iterator (File.Rows, Rows.Columns) gives for the same reference; a
//     reference one side has and the other lacks counts as "" there. So the
//     set of cells with a non-empty value is the same on both sides, and
//     each value is identical: numbers as stored ("1E-3", not 0.001),
//     shared and inline strings after rich-text runs are joined and
//     phonetic runs left out, formula results, error values.
//   - The one normalisation: a boolean is "TRUE"/"FALSE" for us and the
//     stored text for excelize ("1"/"0", or "true"/"false" from some
//     writers). Where our cell is a Bool, excelize's "1", "true", "TRUE"
//     stand for "TRUE" and "0", "false", "FALSE" for "FALSE"; anything
//     else stays as it is and fails. The type check below makes sure
//     excelize sees t="b" there too.
//   - Dates (t="d") are the ISO 8601 text as stored on both sides:
//     RawCellValue skips excelize's conversion to a serial number.
//   - Empty values. A formula cell without a cached value (openpyxl never
//     caches) is Blank with Value "" for us and "" for excelize; a cached
//     empty string (t="str" with <v></v>, an empty shared string) is Text
//     "" for us and "" for excelize. Since excelize's row slice also holds
//     "" for the gaps between cells, "" is compared as "no value" and the
//     presence of such cells is checked through their formula (below).
//   - Type and formula, for every sheet whose XML unpacks to at most
//     typedMax bytes (every real submission; not the million-row sheet,
//     since excelize's GetCellType loads the whole sheet): for each cell
//     either side has, excelize's GetCellType must agree with our Kind
//     (Number: no t or t="n"; Text: t="s", "inlineStr", "str" or "d";
//     Bool: t="b"; Error: t="e"; Blank, i.e. no cached value: any t), and
//     GetCellFormula is non-empty exactly when our Formula flag is set.
//     excelize answers these for the top-left cell of a merged range
//     whatever cell of the range is asked, so cells inside a merged range
//     other than its top-left one get only the value check.
//   - Visible or hidden: our Sheet.Hidden is the opposite of excelize's
//     GetSheetVisible; for sheets that get the type check (and not when
//     fuzzing), each reported row's Hidden the opposite of GetRowVisible,
//     and for each column holding a reported cell, Row.View's HiddenCol
//     the opposite of GetColVisible.
//
// A file this reader refuses (ContainerError: encrypted, a CSV renamed,
// damaged) is not compared; the test logs it when excelize opens it all
// the same. Likewise a sheet whose rows we refuse.
//
// TestDifferential reads every workbook in the repository's testdata and
// demo folders and, unless -short, a small benchmark-like set written by
// bench/gen; with TONGKET_DIFF_DIR set, every workbook under that folder
// instead of the generated set (bench/run points it at the national-scale
// data: both readers stream, files run on GOMAXPROCS workers).
//
// FuzzDifferential does the same on arbitrary bytes, and
// FuzzSheetDifferential on arbitrary worksheet and shared-string XML, for
// the inputs that pass wellFormed (see there for what they tolerate).
// TestDifferentialRules shows that each of wellFormed's rules stands for
// a real disagreement between the two readers.

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/xuri/excelize/v2"
)

// typedMax: sheets up to this size (unpacked XML) also get the type and
// formula check. The generated 3,000-row long sheet is about 1 MB.
const typedMax = 8 << 20

func TestDifferential(t *testing.T) {
	t.Run("repo", func(t *testing.T) {
		files := repoWorkbooks(t, "..")
		if len(files) < 10 {
			t.Fatalf("found only %d workbooks under the testdata and demo folders", len(files))
		}
		diffFiles(t, files)
	})
	if dir := os.Getenv("TONGKET_DIFF_DIR"); dir != "" {
		t.Run("TONGKET_DIFF_DIR", func(t *testing.T) {
			files := workbooksUnder(t, dir)
			if len(files) == 0 {
				t.Fatalf("no .xlsx or .xlsm under TONGKET_DIFF_DIR=%s", dir)
			}
			diffFiles(t, files)
		})
		return
	}
	t.Run("generated", func(t *testing.T) {
		if testing.Short() {
			t.Skip("-short: not generating benchmark workbooks")
		}
		dir := generateBench(t)
		diffFiles(t, workbooksUnder(t, dir))
	})
}

// repoWorkbooks lists the .xlsx and .xlsm files under root whose path has
// a testdata folder in it or that are under demo/inbox or demo/rosters;
// bench/out (generated, large) and .git are skipped.
func repoWorkbooks(t *testing.T, root string) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) {
			return nil // removed while we walk: others work in this tree
		}
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if rel == "bench/out" || rel == ".git" {
				return filepath.SkipDir
			}
			return nil
		}
		if !isWorkbookName(p) || !d.Type().IsRegular() {
			return nil
		}
		if strings.Contains("/"+rel, "/testdata/") || strings.HasPrefix(rel, "demo/inbox/") || strings.HasPrefix(rel, "demo/rosters/") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func workbooksUnder(t *testing.T, dir string) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && d.Type().IsRegular() && isWorkbookName(p) {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func isWorkbookName(p string) bool {
	ext := strings.ToLower(filepath.Ext(p))
	return ext == ".xlsx" || ext == ".xlsm"
}

// generateBench writes a small set like bench/run's: 12 wide workbooks and
// a 3,000-row long sheet. bench/gen is built once and run twice, which is
// what `go run ../bench/gen …` twice would do, a link step faster.
func generateBench(t *testing.T) string {
	t.Helper()
	goBin, err := exec.LookPath("go")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("the go command is needed to generate benchmark workbooks: %v", err)
		}
		t.Skipf("no go command to build bench/gen: %v", err)
	}
	dir := t.TempDir()
	gen := filepath.Join(t.TempDir(), "gen")
	run := func(name string, args ...string) {
		cmd := exec.Command(name, args...)
		cmd.Dir = ".."
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
		}
	}
	run(goBin, "build", "-o", gen, "./bench/gen")
	run(gen, "-seed", "3", "-wide", "12", "-out", dir)
	run(gen, "-seed", "3", "-long", "3000", "-out", filepath.Join(dir, "long.xlsx"))
	return dir
}

// fileResult is what comparing one file found.
type fileResult struct {
	path       string
	diffs      []string // differences: test failures
	notes      []string // refusals, logged
	refused    bool     // we refuse the file: not compared
	sheets     int
	cells      int // cells compared by value
	typedCells int // of which also by type and formula
}

// diffFiles compares the files on GOMAXPROCS workers.
func diffFiles(t *testing.T, files []string) {
	t.Helper()
	workers := min(runtime.GOMAXPROCS(0), len(files))
	paths := make(chan string)
	results := make(chan fileResult)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for p := range paths {
				results <- diffFile(p)
			}
		})
	}
	go func() {
		for _, p := range files {
			paths <- p
		}
		close(paths)
		wg.Wait()
		close(results)
	}()
	var sheets, cells, typed, refused, failed, reported int
	for r := range results {
		if r.refused {
			refused++
		}
		sheets += r.sheets
		cells += r.cells
		typed += r.typedCells
		for _, n := range r.notes {
			t.Logf("%s: %s", r.path, n)
		}
		if len(r.diffs) > 0 {
			failed++
			if reported < 50 {
				reported++
				t.Errorf("%s differs from excelize:\n\t%s", r.path, strings.Join(r.diffs, "\n\t"))
			}
		}
	}
	if failed > reported {
		t.Errorf("… and %d more files differ", failed-reported)
	}
	t.Logf("%d files (%d refused, not compared), %d sheets, %d cells compared with excelize (%d also by type and formula)", len(files), refused, sheets, cells, typed)
}

// diffFile compares one workbook file.
func diffFile(p string) (res fileResult) {
	res.path = p
	b, err := openFile(p, Limits{})
	if err != nil {
		var ce *ContainerError
		if !errors.As(err, &ce) {
			res.diffs = append(res.diffs, fmt.Sprintf("Open: %v", err))
			return res
		}
		res.refused = true
		xf, xerr := excelize.OpenFile(p, excelize.Options{RawCellValue: true})
		if xerr == nil {
			xf.Close()
			res.notes = append(res.notes, fmt.Sprintf("we refuse it (%v) but excelize opens it", err))
		} else {
			res.notes = append(res.notes, fmt.Sprintf("not compared: we refuse it (%s), excelize too (%v)", ce.Code, xerr))
		}
		return res
	}
	defer b.Close()
	xf, err := excelize.OpenFile(p, excelize.Options{RawCellValue: true})
	if err != nil {
		res.diffs = append(res.diffs, fmt.Sprintf("excelize cannot open a workbook we read: %v", err))
		return res
	}
	defer xf.Close()
	d := &differ{b: b, xf: xf, typedMax: typedMax, maxDiffs: 20}
	d.book()
	res.diffs, res.notes = d.diffs, d.notes
	res.sheets, res.cells, res.typedCells = d.sheets, d.cells, d.typedCells
	return res
}

// differ compares one open workbook with excelize's view of it.
type differ struct {
	b        *Book
	xf       *excelize.File
	typedMax int64
	maxDiffs int

	// fuzz: an excelize error, or one of our refusals, ends the comparison
	// of that sheet without a difference (fuzzed input is often something
	// one of the two legitimately rejects); a panic inside excelize is
	// recovered and ends the comparison too. Outside fuzzing excelize
	// errors are differences.
	fuzz bool

	diffs, notes              []string
	sheets, cells, typedCells int
	ourRefusal                error // fuzz: our Rows refused a sheet
}

func (d *differ) diff(format string, args ...any) {
	switch {
	case len(d.diffs) < d.maxDiffs:
		d.diffs = append(d.diffs, fmt.Sprintf(format, args...))
	case len(d.diffs) == d.maxDiffs:
		d.diffs = append(d.diffs, "… (more differences not shown)")
	}
}

// errStop ends our Rows walk early.
var errStop = errors.New("stop")

// errExcelizePanic stands for a panic recovered inside excelize.
var errExcelizePanic = errors.New("excelize panicked")

// xcall runs one excelize call, turning a panic inside it into an error
// (fuzzing only: elsewhere a panic stays a panic).
func (d *differ) xcall(fn func() error) (err error) {
	if d.fuzz {
		defer func() {
			if p := recover(); p != nil {
				err = fmt.Errorf("%w: %v", errExcelizePanic, p)
			}
		}()
	}
	return fn()
}

// xfail handles an excelize error: a difference outside fuzzing.
func (d *differ) xfail(what string, err error) {
	if !d.fuzz {
		d.diff("excelize: %s: %v", what, err)
	}
}

func (d *differ) book() {
	var xl []string
	if err := d.xcall(func() error { xl = d.xf.GetSheetList(); return nil }); err != nil {
		d.xfail("GetSheetList", err)
		return
	}
	ours := d.b.Sheets()
	listed := make(map[string]bool, len(ours))
	for _, s := range ours {
		listed[s.Name] = true
		if !slices.Contains(xl, s.Name) {
			if !d.fuzz {
				d.diff("sheet %q: excelize does not list it (it lists %q)", s.Name, xl)
			}
			continue
		}
		if !d.fuzz {
			visible, err := d.xf.GetSheetVisible(s.Name)
			if err != nil {
				d.xfail("GetSheetVisible "+s.Name, err)
			} else if visible == s.Hidden {
				d.diff("sheet %q: Hidden=%v, excelize visible=%v", s.Name, s.Hidden, visible)
			}
		}
		d.sheet(s)
		d.merges(s)
	}
	d.flags()
	if d.fuzz {
		return
	}
	// Sheets we skip (chartsheets) must hold no cell for excelize either.
	for _, name := range xl {
		if listed[name] {
			continue
		}
		rows, err := d.xf.Rows(name)
		if err != nil {
			continue // not a worksheet for excelize either
		}
		n := 0
		for rows.Next() {
			n++
			cols, err := rows.Columns(excelize.Options{RawCellValue: true})
			if err != nil {
				break
			}
			for i, v := range cols {
				if v != "" {
					d.diff("sheet %q, which we skip as not a worksheet: excelize reads %s%d = %q", name, ColumnName(i+1), n, v)
				}
			}
		}
		rows.Close()
	}
}

// xstream walks excelize's row iterator, which yields every row number in
// turn (nil for rows the file lacks).
type xstream struct {
	d     *differ
	rows  *excelize.Rows
	num   int      // row number of cells
	cells []string // raw values by column, "" for gaps
	done  bool
}

func (x *xstream) next() error {
	if x.done {
		return nil
	}
	var ok bool
	err := x.d.xcall(func() error {
		ok = x.rows.Next()
		if !ok {
			return x.rows.Error()
		}
		x.num++
		var err error
		x.cells, err = x.rows.Columns(excelize.Options{RawCellValue: true})
		return err
	})
	if !ok {
		x.done, x.cells = true, nil
	}
	return err
}

// typedCheck is a cell whose type and formula are checked after the
// streaming pass; ours is false for a position where only excelize may
// have a (formula) cell.
type typedCheck struct {
	ref     string
	ours    bool
	kind    Kind
	formula bool
}

func (d *differ) sheet(s Sheet) {
	i, err := d.b.lookup(s)
	if err != nil {
		d.diff("sheet %q: %v", s.Name, err)
		return
	}
	typed := int64(d.b.parts[i].UncompressedSize64) <= d.typedMax
	var rows *excelize.Rows
	if err := d.xcall(func() (err error) { rows, err = d.xf.Rows(s.Name); return err }); err != nil {
		d.xfail("Rows "+s.Name, err)
		return
	}
	defer d.xcall(rows.Close)
	x := &xstream{d: d, rows: rows}
	var checks []typedCheck
	var shown visibility
	failed := false // excelize failed or rows are out of order: stop comparing
	extra := func() {
		// An excelize row we have no row for.
		for k, v := range x.cells {
			ref := ColumnName(k+1) + strconv.Itoa(x.num)
			if v != "" {
				d.diff("%s!%s: excelize reads %q, we report nothing", s.Name, ref, v)
			} else if typed {
				checks = append(checks, typedCheck{ref: ref})
			}
		}
	}
	last := 0
	ourErr := d.b.Rows(s, func(r Row) error {
		if r.Num <= last {
			if !d.fuzz {
				d.diff("%s: row %d after row %d: cannot compare rows out of order", s.Name, r.Num, last)
			}
			failed = true
			return errStop
		}
		last = r.Num
		if typed && !d.fuzz {
			shown.add(r)
		}
		for !x.done && x.num < r.Num {
			if err := x.next(); err != nil {
				d.xfail(fmt.Sprintf("%s row %d", s.Name, x.num+1), err)
				failed = true
				return errStop
			}
			if !x.done && x.num < r.Num {
				extra()
			}
		}
		var xc []string
		if !x.done && x.num == r.Num {
			xc = x.cells
		}
		seen := 0 // columns of xc covered by our cells
		for _, c := range r.Cells {
			d.cells++
			xv := ""
			if c.Col <= len(xc) {
				xv = xc[c.Col-1]
			}
			for ; seen < min(c.Col-1, len(xc)); seen++ {
				ref := ColumnName(seen+1) + strconv.Itoa(r.Num)
				if xc[seen] != "" {
					d.diff("%s!%s: excelize reads %q, we report nothing", s.Name, ref, xc[seen])
				} else if typed {
					checks = append(checks, typedCheck{ref: ref})
				}
			}
			seen = max(seen, c.Col)
			if got := normBool(c.Kind, xv); c.Value != got {
				d.diff("%s!%s: we read %v %q, excelize %q", s.Name, c.Ref, c.Kind, c.Value, xv)
			}
			if typed {
				checks = append(checks, typedCheck{ref: c.Ref, ours: true, kind: c.Kind, formula: c.Formula})
			}
		}
		for ; seen < len(xc); seen++ {
			ref := ColumnName(seen+1) + strconv.Itoa(r.Num)
			if xc[seen] != "" {
				d.diff("%s!%s: excelize reads %q, we report nothing", s.Name, ref, xc[seen])
			} else if typed {
				checks = append(checks, typedCheck{ref: ref})
			}
		}
		return nil
	})
	if ourErr != nil && ourErr != errStop {
		// We refuse the sheet: a note when excelize reads it to the end
		// (a failure when fuzzing well-formed input).
		var xerr error
		for !x.done && xerr == nil {
			xerr = x.next()
		}
		switch {
		case xerr != nil:
		case d.fuzz:
			d.ourRefusal = ourErr
		default:
			d.notes = append(d.notes, fmt.Sprintf("sheet %q: we refuse it (%v), excelize reads it", s.Name, ourErr))
		}
		return
	}
	if failed {
		return
	}
	for !x.done {
		if err := x.next(); err != nil {
			d.xfail(fmt.Sprintf("%s row %d", s.Name, x.num+1), err)
			return
		}
		if !x.done {
			extra()
		}
	}
	d.sheets++
	if typed {
		d.typeCheck(s, checks)
		if !d.fuzz {
			d.visible(s, shown)
		}
	}
}

// visibility is what our rows said about hidden rows and columns.
type visibility struct {
	hidden map[int]bool // by row reported
	cols   map[int]bool // columns holding a reported cell: hidden
}

func (v *visibility) add(r Row) {
	if v.hidden == nil {
		v.hidden, v.cols = map[int]bool{}, map[int]bool{}
	}
	v.hidden[r.Num] = r.Hidden
	for _, c := range r.Cells {
		span, hidden := r.View.HiddenCol(c.Col)
		if span.Zero {
			continue // excelize reads a width of 0 as none given: not compared
		}
		v.cols[c.Col] = hidden
	}
}

// visible compares Row.Hidden and Row.View's hidden columns with
// excelize's GetRowVisible and GetColVisible, for the rows and columns we
// report. Not when fuzzing: excelize takes the last <col> that names a
// column and ignores one whose min is above its max, which Excel never
// writes.
func (d *differ) visible(s Sheet, v visibility) {
	for num, hidden := range v.hidden {
		var vis bool
		if err := d.xcall(func() (err error) { vis, err = d.xf.GetRowVisible(s.Name, num); return err }); err != nil {
			d.xfail(fmt.Sprintf("GetRowVisible %s %d", s.Name, num), err)
			return
		}
		if vis { // a row 0 high is not seen either
			var ht float64
			if err := d.xcall(func() (err error) { ht, err = d.xf.GetRowHeight(s.Name, num); return err }); err == nil && ht == 0 {
				vis = false
			}
		}
		if vis == hidden {
			d.diff("%s row %d: Hidden=%v, excelize visible=%v", s.Name, num, hidden, vis)
		}
	}
	for col, hidden := range v.cols {
		var vis bool
		if err := d.xcall(func() (err error) { vis, err = d.xf.GetColVisible(s.Name, ColumnName(col)); return err }); err != nil {
			d.xfail(fmt.Sprintf("GetColVisible %s %s", s.Name, ColumnName(col)), err)
			return
		}
		if vis == hidden {
			d.diff("%s column %s: hidden=%v, excelize visible=%v", s.Name, ColumnName(col), hidden, vis)
		}
	}
}

// merges compares the sheet's merged ranges with excelize's
// GetMergeCells, for sheets of at most typedMax (excelize loads the whole
// sheet for it). excelize keeps single-cell ranges, which we leave out,
// and joins ranges that overlap (mergeOverlapCells), which Excel never
// writes: ours are joined the same way and both compared in order.
func (d *differ) merges(s Sheet) {
	i, err := d.b.lookup(s)
	if err != nil || int64(d.b.parts[i].UncompressedSize64) > d.typedMax {
		return
	}
	ours, err := d.b.Merges(s)
	var xm []excelize.MergeCell
	xerr := d.xcall(func() (err error) { xm, err = d.xf.GetMergeCells(s.Name, true); return err })
	switch {
	case err != nil && xerr != nil:
		return
	case err != nil:
		if d.fuzz {
			d.ourRefusal = err
		} else {
			d.notes = append(d.notes, fmt.Sprintf("sheet %q: we refuse its merged ranges (%v), excelize reads %d", s.Name, err, len(xm)))
		}
		return
	case xerr != nil:
		d.xfail("GetMergeCells "+s.Name, xerr)
		return
	}
	var theirs []Range
	for _, m := range xm {
		r, ok := parseRange([]byte(m[0]))
		if !ok {
			d.diff("%s: excelize gives the merged range %q", s.Name, m[0])
			continue
		}
		if r.FromCol != r.ToCol || r.FromRow != r.ToRow {
			theirs = append(theirs, r)
		}
	}
	if want := joinOverlaps(ours); !slices.Equal(want, theirs) {
		d.diff("%s: merged ranges %v, excelize %v", s.Name, rangeRefs(want), rangeRefs(theirs))
	}
}

// joinOverlaps is excelize's mergeOverlapCells: ranges one of whose
// corners lies in another are replaced by the rectangle holding both,
// until none is left.
func joinOverlaps(rs []Range) []Range {
	corner := func(a, b Range) bool {
		return b.Contains(a.FromCol, a.FromRow) || b.Contains(a.ToCol, a.FromRow) || b.Contains(a.FromCol, a.ToRow) || b.Contains(a.ToCol, a.ToRow)
	}
	rs = slices.Clone(rs)
	for joined := true; joined; {
		joined = false
		var out []Range
		used := make([]bool, len(rs))
		for i, r1 := range rs {
			if used[i] {
				continue
			}
			for j := i + 1; j < len(rs); j++ {
				if r2 := rs[j]; !used[j] && (corner(r1, r2) || corner(r2, r1)) {
					r1 = Range{min(r1.FromCol, r2.FromCol), min(r1.FromRow, r2.FromRow), max(r1.ToCol, r2.ToCol), max(r1.ToRow, r2.ToRow)}
					joined, used[j] = true, true
				}
			}
			out = append(out, r1)
		}
		rs = out
	}
	return rs
}

func rangeRefs(rs []Range) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Ref())
	}
	return out
}

// flags compares Date1904 and FullCalcOnLoad with excelize's workbook and
// calculation properties.
func (d *differ) flags() {
	var wp excelize.WorkbookPropsOptions
	var cp excelize.CalcPropsOptions
	err := d.xcall(func() (err error) {
		if wp, err = d.xf.GetWorkbookProps(); err == nil {
			cp, err = d.xf.GetCalcProps()
		}
		return err
	})
	if err != nil {
		d.xfail("GetWorkbookProps/GetCalcProps", err)
		return
	}
	deref := func(p *bool) bool { return p != nil && *p }
	if got, want := d.b.Date1904(), deref(wp.Date1904); got != want {
		d.diff("Date1904 %v, excelize %v", got, want)
	}
	if got, want := d.b.FullCalcOnLoad(), deref(cp.FullCalcOnLoad); got != want {
		d.diff("FullCalcOnLoad %v, excelize %v", got, want)
	}
}

// normBool turns excelize's raw boolean into ours; see the top comment.
func normBool(k Kind, v string) string {
	if k != Bool {
		return v
	}
	switch v {
	case "1", "true", "TRUE":
		return "TRUE"
	case "0", "false", "FALSE":
		return "FALSE"
	}
	return v
}

// typeCheck asks excelize for the type and formula of each cell, after the
// streaming pass: GetCellType loads the whole sheet into excelize's model.
func (d *differ) typeCheck(s Sheet, checks []typedCheck) {
	var merges []excelize.MergeCell
	if err := d.xcall(func() (err error) { merges, err = d.xf.GetMergeCells(s.Name, true); return err }); err != nil {
		d.xfail("GetMergeCells "+s.Name, err)
		return
	}
	type rect struct{ c0, r0, c1, r1 int }
	var rects []rect
	for _, m := range merges {
		c0, r0, err0 := ParseRef(m.GetStartAxis())
		c1, r1, err1 := ParseRef(m.GetEndAxis())
		if err0 != nil || err1 != nil {
			continue
		}
		rects = append(rects, rect{min(c0, c1), min(r0, r1), max(c0, c1), max(r0, r1)})
	}
	covered := func(ref string) bool { // inside a merged range, not its top-left cell
		c, r, _ := ParseRef(ref)
		for _, m := range rects {
			if c >= m.c0 && c <= m.c1 && r >= m.r0 && r <= m.r1 && (c != m.c0 || r != m.r0) {
				return true
			}
		}
		return false
	}
	for _, c := range checks {
		if covered(c.ref) {
			continue
		}
		var xt excelize.CellType
		var xfm string
		err := d.xcall(func() (err error) {
			if xt, err = d.xf.GetCellType(s.Name, c.ref); err != nil {
				return err
			}
			xfm, err = d.xf.GetCellFormula(s.Name, c.ref)
			return err
		})
		if err != nil {
			d.xfail(fmt.Sprintf("type of %s!%s", s.Name, c.ref), err)
			return
		}
		if !c.ours {
			if xfm != "" {
				d.diff("%s!%s: excelize has a formula cell (=%s), we report nothing", s.Name, c.ref, xfm)
			}
			continue
		}
		d.typedCells++
		if !kindMatches(c.kind, xt) {
			d.diff("%s!%s: we read a %v, excelize's cell type is %s", s.Name, c.ref, c.kind, cellTypeName(xt))
		}
		if c.formula != (xfm != "") {
			d.diff("%s!%s: formula %v for us, excelize's formula is %q", s.Name, c.ref, c.formula, xfm)
		}
	}
}

func kindMatches(k Kind, xt excelize.CellType) bool {
	switch k {
	case Number:
		return xt == excelize.CellTypeUnset || xt == excelize.CellTypeNumber
	case Text:
		return xt == excelize.CellTypeSharedString || xt == excelize.CellTypeInlineString ||
			xt == excelize.CellTypeFormula || xt == excelize.CellTypeDate
	case Bool:
		return xt == excelize.CellTypeBool
	case Error:
		return xt == excelize.CellTypeError
	case Blank:
		return true
	}
	return false
}

func cellTypeName(xt excelize.CellType) string {
	switch xt {
	case excelize.CellTypeUnset:
		return "unset"
	case excelize.CellTypeBool:
		return "bool (t=b)"
	case excelize.CellTypeDate:
		return "date (t=d)"
	case excelize.CellTypeError:
		return "error (t=e)"
	case excelize.CellTypeFormula:
		return "formula string (t=str)"
	case excelize.CellTypeInlineString:
		return "inline string"
	case excelize.CellTypeNumber:
		return "number (t=n)"
	case excelize.CellTypeSharedString:
		return "shared string"
	}
	return fmt.Sprintf("CellType(%d)", xt)
}

// FuzzDifferential compares this reader with excelize on arbitrary bytes.
// No input may make our reader panic. For an input both open, every
// sheet both can read is compared as in TestDifferential, provided the
// input passes wellFormed: a fuzzed package or XML that the two readers
// legitimately read differently (see wellFormed) is only run, not compared.
//
// The seeds are the fixtures as they are and re-zipped uncompressed with
// no CRC (archive/zip checks a CRC only when one is recorded), so that
// mutations reach the XML instead of failing the deflate stream or the
// checksum, plus hand-made workbooks.
func FuzzDifferential(f *testing.F) {
	for _, data := range fixtureBytes(f) {
		f.Add(data)
		if s := storedCopy(data); s != nil {
			f.Add(s)
		}
	}
	for _, c := range diffSeeds {
		f.Add(storedZip(f, skeleton(sheetXML(c.rows), c.sst)...))
	}
	lim := Limits{MaxFileBytes: 1 << 20, MaxUncompressed: 16 << 20, MaxRows: 100_000}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<20 {
			return
		}
		b, err := OpenReaderAt(bytes.NewReader(data), int64(len(data)), "fuzz.xlsx", lim)
		if err != nil {
			return // FuzzOpen checks our errors
		}
		defer b.Close()
		fuzzCompare(t, data, b)
	})
}

// FuzzSheetDifferential is FuzzDifferential on the XML of one worksheet
// and of the shared-string table, put in a fixed package: mutations of
// the zip structure, which are most of what FuzzDifferential's inputs
// turn into, cannot reach the cells. Seeded with the worksheets and
// tables of the fixtures.
func FuzzSheetDifferential(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.xls*"))
	for _, name := range files {
		zr, err := zip.OpenReader(name)
		if err != nil {
			continue
		}
		sst := ""
		var sheets []string
		for _, zf := range zr.File {
			rc, err := zf.Open()
			if err != nil {
				f.Fatal(err)
			}
			body, err := io.ReadAll(rc)
			rc.Close()
			if err != nil {
				f.Fatal(err)
			}
			switch {
			case strings.EqualFold(zf.Name, "xl/sharedStrings.xml"):
				sst = string(body)
			case strings.HasPrefix(zf.Name, "xl/worksheets/") && strings.HasSuffix(zf.Name, ".xml"):
				sheets = append(sheets, string(body))
			}
		}
		zr.Close()
		for _, sh := range sheets {
			f.Add(sh, sst)
		}
	}
	for _, c := range diffSeeds {
		f.Add(sheetXML(c.rows), `<sst `+nsMain+`>`+c.sst+`</sst>`)
	}
	f.Fuzz(func(t *testing.T, sheet, sst string) {
		if len(sheet)+len(sst) > 1<<20 {
			return
		}
		ps := skeleton(sheet, "-")
		if sst == "" {
			ps = ps[:len(ps)-1]
		} else {
			ps[len(ps)-1].body = sst
		}
		data := storedZip(t, ps...)
		b, err := openBytes(t, data, Limits{MaxUncompressed: 16 << 20, MaxRows: 100_000})
		if err != nil {
			return
		}
		defer b.Close()
		fuzzCompare(t, data, b)
	})
}

// fuzzCompare compares b, opened from data, with excelize when data is
// well-formed; otherwise, or when excelize refuses it, it only reads
// every sheet: no input may make our reader panic.
func fuzzCompare(t *testing.T, data []byte, b *Book) {
	var xf *excelize.File
	if wellFormed(data, b) == "" {
		xf = openExcelizeFuzz(data)
	}
	if xf == nil {
		readAll(b)
		return
	}
	defer func() {
		defer func() { recover() }()
		xf.Close()
	}()
	d := &differ{b: b, xf: xf, typedMax: typedMax, maxDiffs: 20, fuzz: true}
	d.book()
	if d.ourRefusal != nil {
		t.Fatalf("we refuse a well-formed sheet that excelize opens: %v", d.ourRefusal)
	}
	if len(d.diffs) > 0 {
		t.Fatalf("well-formed input read differently from excelize:\n\t%s", strings.Join(d.diffs, "\n\t"))
	}
}

func readAll(b *Book) {
	for _, s := range b.Sheets() {
		b.Rows(s, func(Row) error { return nil })
	}
}

// openExcelizeFuzz opens fuzzed bytes with excelize; nil when it refuses
// them or panics.
func openExcelizeFuzz(data []byte) (xf *excelize.File) {
	defer func() {
		if recover() != nil {
			xf = nil
		}
	}()
	xf, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{RawCellValue: true, UnzipSizeLimit: 64 << 20, UnzipXMLSizeLimit: 16 << 20})
	if err != nil {
		if xf != nil {
			xf.Close()
		}
		return nil
	}
	return xf
}

// diffSeeds are sheets for FuzzDifferential covering every cell type.
var diffSeeds = []struct{ rows, sst string }{
	{
		rows: `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>1E-3</v></c><c r="C1" t="b"><v>1</v></c><c r="D1" t="b"><v>0</v></c><c r="E1" t="e"><v>#N/A</v></c></row>` +
			`<row r="3"><c r="A3" t="str"><f>"x"&amp;"y"</f><v>xy</v></c><c r="B3"><f>1/0</f></c><c r="C3" t="d"><v>2024-01-31</v></c>` +
			`<c r="D3" t="inlineStr"><is><r><t>in</t></r><r><rPr><b/></rPr><t xml:space="preserve"> line </t></r><rPh><t>x</t></rPh></is></c><c r="F3" t="s"><v>1</v></c></row>`,
		sst: `<si><t>a_x000D_b</t></si><si><r><t>Tổng</t></r><r><t> cộng</t></r><rPh sb="0" eb="1"><t>ふ</t></rPh></si><si><t/></si>`,
	},
	{
		rows: `<row r="2"><c r="A2"><v>2</v></c><c r="B2"><f t="shared" ref="B2:B3" si="0">A2*2</f><v>4</v></c></row>` +
			`<row r="3"><c r="A3"><v>3</v></c><c r="B3"><f t="shared" si="0"/><v>6</v></c><c r="C3" t="str"><f>""</f><v></v></c></row>`,
	},
}

// storedZip is makeZip with every part stored and no CRC recorded.
func storedZip(t testing.TB, parts ...part) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		if err := writeRaw(zw, p.name, []byte(p.body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// storedCopy re-zips a package with every part stored and no CRC.
func storedCopy(data []byte) []byte {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return nil
		}
		body, err := io.ReadAll(rc)
		rc.Close()
		if err != nil || writeRaw(zw, f.Name, body) != nil {
			return nil
		}
	}
	if zw.Close() != nil {
		return nil
	}
	return buf.Bytes()
}

func writeRaw(zw *zip.Writer, name string, body []byte) error {
	w, err := zw.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Store, CompressedSize64: uint64(len(body)), UncompressedSize64: uint64(len(body))})
	if err != nil {
		return err
	}
	_, err = w.Write(body)
	return err
}

// Relationship types, as excelize compares them (exactly).
const (
	relNS          = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	relTypeOffice  = relNS + "/officeDocument"
	gateMaxPart    = 4 << 20 // bytes of one part the gate parses
	gateMaxRow     = 65536   // excelize's whole-sheet model allocates every row up to the last
	gateMaxCol     = 702     // ZZ: and every cell of a row up to its last
	maxStyleDigits = 9
)

// wellFormed returns "" when data is a package that this reader and
// excelize must read alike, else why not. It holds inputs to what real
// writers produce where the two readers' documented choices differ:
//
//   - The package: entry names without backslashes or a leading slash and
//     unique ignoring case (we match part names case-insensitively and keep
//     the first of duplicates; excelize matches exactly and keeps the last);
//     _rels/.rels naming xl/workbook.xml as the one main part (we read
//     xl/workbook.xml without asking); xl/_rels/workbook.xml.rels present
//     (we guess the layout without it), each sheet's relationship unique,
//     internal and resolving to exactly the part we read (excelize joins
//     targets to xl/ case-sensitively); the shared strings at
//     xl/sharedStrings.xml (excelize looks only there, we follow the
//     relationship); sheet names unique ignoring case (excelize looks them
//     up that way); the r:id in the relationships namespace (we take any
//     prefix) and unprefixed name/Id/Type/Target/r/t/s attributes (we
//     match the literal name, excelize the local name in any namespace).
//   - The XML of every part read: well-formed for encoding/xml (what
//     excelize uses) without a DTD and in UTF-8 (excelize converts other
//     encodings, we only Latin-1).
//   - Worksheets: one <sheetData> under the root, holding only <row>s with
//     an r attribute, strictly increasing, holding only <c>s with an r
//     attribute in that row, columns strictly increasing (excelize's
//     streaming iterator puts a cell by its r without sorting; we sort;
//     rows and cells without r are numbered differently); a <c> holds only
//     <v>, <f>, <is>, at most one each, <v> and <f> plain text; <is> only
//     with t="inlineStr"; an <f> with text, or a shared formula whose si
//     has a master (t="shared" with ref and text) in the sheet (excelize's
//     GetCellFormula is "" otherwise, and the formula check could not tell
//     the cell from one without <f>); t one of n, s, str, inlineStr, b, e, d (we read
//     an unknown t as text, excelize as a number); s an integer (excelize
//     drops the cell otherwise); a t="s" index of digits within the table
//     (we refuse the sheet, excelize drops the cell); a t="b" value 0, 1,
//     true, false (TRUE, FALSE); no "_x" in the <v> of t="str", "d" or
//     "inlineStr" (we decode _xHHHH_ escapes there, excelize only in
//     shared and inline strings); rows up to 65536 and columns up to ZZ
//     (only to keep excelize's whole-sheet model small).
//   - Shared and inline strings (<si>, <is>): either one <t> or rich-text
//     runs <r> of <rPr> and one <t>, plus phonetic runs <rPh> of <t>s and
//     <phoneticPr> (we join every <t> in document order, excelize the
//     direct <t> first and then the runs); no escape of a UTF-16
//     surrogate, _xD800_ to _xDFFF_ (we decode a pair to its character
//     and a lone half to U+FFFD; excelize drops them).
func wellFormed(data []byte, b *Book) string {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "zip: " + err.Error()
	}
	byName := make(map[string]*zip.File, len(zr.File))
	folded := make(map[string]bool, len(zr.File))
	var sstEntry *zip.File
	for _, f := range zr.File {
		if strings.Contains(f.Name, `\`) || strings.HasPrefix(f.Name, "/") {
			return "entry name " + f.Name
		}
		l := strings.ToLower(f.Name)
		if folded[l] {
			return "duplicate entry " + f.Name
		}
		folded[l], byName[f.Name] = true, f
		if l == "xl/sharedstrings.xml" {
			sstEntry = f
		}
	}
	read := func(name string) (*xnode, string) {
		f := byName[name]
		if f == nil {
			return nil, "no part " + name
		}
		rc, err := f.Open()
		if err != nil {
			return nil, name + ": " + err.Error()
		}
		defer rc.Close()
		body, err := io.ReadAll(io.LimitReader(rc, gateMaxPart+1))
		if err != nil || len(body) > gateMaxPart {
			return nil, name + ": unreadable or too big"
		}
		n, err := parseDOM(body)
		if err != nil {
			return nil, name + ": " + err.Error()
		}
		return n, ""
	}

	// The main part.
	root, why := read("_rels/.rels")
	if why != "" {
		return why
	}
	rels, why := relationships(root)
	if why != "" {
		return "_rels/.rels: " + why
	}
	office := 0
	for _, r := range rels {
		if r.typ == relTypeOffice {
			office++
			if r.target != "xl/workbook.xml" && r.target != "/xl/workbook.xml" {
				return "main part " + r.target
			}
		}
	}
	if office != 1 {
		return "not one officeDocument relationship"
	}

	// The sheets.
	if root, why = read("xl/_rels/workbook.xml.rels"); why != "" {
		return why
	}
	if rels, why = relationships(root); why != "" {
		return "workbook rels: " + why
	}
	byID := make(map[string]pkgRel, len(rels))
	for _, r := range rels {
		if _, dup := byID[r.id]; dup {
			return "duplicate relationship " + r.id
		}
		byID[r.id] = r
	}
	wb, why := read("xl/workbook.xml")
	if why != "" {
		return why
	}
	counts := wb.count()
	var sheetsEl *xnode
	for _, k := range wb.kids {
		if k.name.Local == "sheets" {
			sheetsEl = k
		}
	}
	if sheetsEl == nil || counts["sheets"] != 1 || counts["sheet"] != len(sheetsEl.kids) {
		return "workbook: <sheets> not as written by Excel"
	}
	type wbSheet struct{ name, rid string }
	var entries []wbSheet
	names := make(map[string]bool)
	for _, k := range sheetsEl.kids {
		if k.name.Local != "sheet" {
			return "workbook: <" + k.name.Local + "> in <sheets>"
		}
		name, ok := k.plainAttr("name")
		if !ok || name == "" || names[strings.ToLower(name)] {
			return "workbook: sheet name missing or repeated"
		}
		names[strings.ToLower(name)] = true
		rid, n := "", 0
		for _, a := range k.attr {
			if a.Name.Local == "id" && a.Name.Space != "" && a.Name.Space != "xmlns" {
				n++
				rid = a.Value
				if a.Name.Space != relNS {
					return "workbook: sheet id in namespace " + a.Name.Space
				}
			}
		}
		if n != 1 {
			return "workbook: sheet without one r:id"
		}
		entries = append(entries, wbSheet{name, rid})
	}
	used := make(map[string]bool)
	for k, s := range b.sheets {
		if s.Index >= len(entries) || entries[s.Index].name != s.Name {
			return "sheet " + s.Name + " not where the workbook has it"
		}
		r, ok := byID[entries[s.Index].rid]
		if !ok || r.external {
			return "sheet " + s.Name + ": relationship missing or external"
		}
		p := strings.TrimPrefix(path.Clean("xl/"+r.target), "/")
		if strings.HasPrefix(r.target, "/") {
			p = strings.TrimPrefix(path.Clean(r.target), "/")
		}
		if p != b.parts[k].Name || used[p] || strings.EqualFold(p, "xl/sharedStrings.xml") || strings.EqualFold(p, "[Content_Types].xml") {
			return "sheet " + s.Name + ": part " + p + " vs " + b.parts[k].Name
		}
		used[p] = true
	}

	// The shared strings.
	if (sstEntry == nil) != (b.sstZF == nil) || sstEntry != nil && b.sstZF.Name != sstEntry.Name {
		return "shared strings not at xl/sharedStrings.xml"
	}
	nSST := 0
	if sstEntry != nil {
		sst, why := read(sstEntry.Name)
		if why != "" {
			return why
		}
		if sst.count()["si"] != len(sst.kids) {
			return "sst: <si> elsewhere than under the root"
		}
		for _, si := range sst.kids {
			if si.name.Local != "si" {
				return "sst: <" + si.name.Local + ">"
			}
			if why := richText(si); why != "" {
				return "sst: " + why
			}
		}
		nSST = len(sst.kids)
	}

	for k := range b.sheets {
		ws, why := read(b.parts[k].Name)
		if why != "" {
			return why
		}
		if why := worksheet(ws, nSST); why != "" {
			return b.parts[k].Name + ": " + why
		}
	}
	return ""
}

// relationships reads a .rels part: Relationship elements right under the
// root with unprefixed, unrepeated Id, Type and Target.
func relationships(root *xnode) ([]pkgRel, string) {
	if root.count()["Relationship"] != len(root.kids) {
		return nil, "<Relationship> out of place"
	}
	var out []pkgRel
	for _, k := range root.kids {
		if k.name.Local != "Relationship" {
			return nil, "<" + k.name.Local + ">"
		}
		var r pkgRel
		var ok1, ok2, ok3 bool
		r.id, ok1 = k.plainAttr("Id")
		r.typ, ok2 = k.plainAttr("Type")
		r.target, ok3 = k.plainAttr("Target")
		if !ok1 || !ok2 || !ok3 || strings.Contains(r.target, `\`) {
			return nil, "relationship attributes"
		}
		r.external = k.hasAttr("TargetMode")
		out = append(out, r)
	}
	return out, ""
}

// pkgRel is a relationship as wellFormed reads it.
type pkgRel struct {
	id, typ, target string
	external        bool // has a TargetMode
}

var cellTypes = map[string]bool{"": true, "n": true, "s": true, "str": true, "inlineStr": true, "b": true, "e": true, "d": true}

// worksheet checks a worksheet's cells; see wellFormed.
func worksheet(root *xnode, nSST int) string {
	counts := root.count()
	var data *xnode
	for _, k := range root.kids {
		if k.name.Local == "sheetData" {
			data = k
		}
	}
	if data == nil || counts["sheetData"] != 1 {
		return "not one <sheetData> under the root"
	}
	if counts["row"] != len(data.kids) {
		return "<row> out of place"
	}
	cells, inner := 0, 0
	lastRow := 0
	masters := make(map[int]bool) // si of shared formulas with a master
	var children []int            // si of the other shared formulas
	for _, row := range data.kids {
		if row.name.Local != "row" {
			return "<" + row.name.Local + "> in <sheetData>"
		}
		if a, bad := row.badBool("customFormat", "hidden", "customHeight", "collapsed", "thickTop", "thickBot", "ph"); bad {
			return "row " + a
		}
		rs, ok := row.plainAttr("r")
		n, err := strconv.Atoi(rs)
		if !ok || !isDigits(rs) || err != nil || n <= lastRow || n > gateMaxRow {
			return fmt.Sprintf("row r=%q after %d", rs, lastRow)
		}
		lastRow = n
		lastCol := 0
		for _, c := range row.kids {
			cells++
			if c.name.Local != "c" {
				return "<" + c.name.Local + "> in <row>"
			}
			ref, ok := c.plainAttr("r")
			if !ok || !isRef(ref) {
				return fmt.Sprintf("cell r=%q", ref)
			}
			col, crow, err := ParseRef(ref)
			if err != nil || crow != n || col <= lastCol || col > gateMaxCol {
				return fmt.Sprintf("cell %s in row %d after column %d", ref, n, lastCol)
			}
			lastCol = col
			typ, ok := c.plainAttr("t")
			if !ok && c.hasAttr("t") || !cellTypes[typ] {
				return fmt.Sprintf("cell %s t=%q", ref, typ)
			}
			if st, ok := c.plainAttr("s"); ok && (!isDigits(st) || len(st) > maxStyleDigits) || !ok && c.hasAttr("s") {
				return fmt.Sprintf("cell %s s=%q", ref, st)
			}
			var v, f, is *xnode
			for _, k := range c.kids {
				inner++
				switch k.name.Local {
				case "v":
					if v != nil || len(k.kids) > 0 {
						return "cell " + ref + ": <v>"
					}
					v = k
				case "f":
					if f != nil || len(k.kids) > 0 {
						return "cell " + ref + ": <f>"
					}
					f = k
					if a, bad := k.badBool("aca", "ca", "bx", "del1", "del2", "dt2D", "dtr"); bad {
						return "cell " + ref + ": <f " + a + ">"
					}
					// excelize's GetCellFormula gives a shared formula's
					// text through its master: the cell with ref and text.
					ft, _ := k.plainAttr("t")
					si, hasSI := k.plainAttr("si")
					fref, _ := k.plainAttr("ref")
					text := strings.TrimSpace(string(k.text))
					switch {
					case ft != "shared" || !hasSI:
						if text == "" {
							return "cell " + ref + ": empty formula"
						}
					case !isDigits(si) || len(si) > 9:
						return "cell " + ref + ": shared formula si=" + si
					default:
						n, _ := strconv.Atoi(si)
						if fref != "" && text != "" {
							masters[n] = true
						} else {
							children = append(children, n)
						}
					}
				case "is":
					if is != nil || typ != "inlineStr" {
						return "cell " + ref + ": <is>"
					}
					if why := richText(k); why != "" {
						return "cell " + ref + ": " + why
					}
					is = k
				default:
					return "cell " + ref + ": <" + k.name.Local + ">"
				}
			}
			if v == nil {
				continue
			}
			val := string(v.text)
			switch typ {
			case "s":
				if val != "" {
					i, err := strconv.Atoi(val)
					if !isDigits(val) || len(val) > 9 || err != nil || i >= nSST {
						return fmt.Sprintf("cell %s: shared string %q of %d", ref, val, nSST)
					}
				}
			case "b":
				switch val {
				case "", "0", "1", "true", "false", "TRUE", "FALSE":
				default:
					return fmt.Sprintf("cell %s: boolean %q", ref, val)
				}
			case "str", "d", "inlineStr":
				if strings.Contains(val, "_x") {
					return fmt.Sprintf("cell %s: escape in %q", ref, val)
				}
			}
		}
	}
	if counts["c"] != cells || counts["v"]+counts["f"]+counts["is"] != inner {
		return "<c>, <v>, <f> or <is> out of place"
	}
	for _, si := range children {
		if !masters[si] {
			return fmt.Sprintf("shared formula %d without a master", si)
		}
	}
	return ""
}

// richText checks an <si> or <is>; see wellFormed.
func richText(n *xnode) string {
	direct, runs := 0, 0
	var text []byte
	for _, k := range n.kids {
		switch k.name.Local {
		case "t":
			if len(k.kids) > 0 {
				return "<t> with elements"
			}
			direct++
			text = append(text, k.text...)
		case "r":
			runs++
			ts := 0
			for _, rk := range k.kids {
				switch rk.name.Local {
				case "rPr":
					if rk.count()["t"] > 0 {
						return "<t> in <rPr>"
					}
				case "t":
					if len(rk.kids) > 0 || ts > 0 {
						return "run with odd <t>"
					}
					ts++
					text = append(text, rk.text...)
				default:
					return "<" + rk.name.Local + "> in a run"
				}
			}
		case "rPh":
			for _, pk := range k.kids {
				if pk.name.Local != "t" || len(pk.kids) > 0 {
					return "odd phonetic run"
				}
			}
		case "phoneticPr":
			if len(k.kids) > 0 {
				return "odd phoneticPr"
			}
		default:
			return "<" + k.name.Local + "> in a string"
		}
	}
	if direct > 1 || direct == 1 && runs > 0 {
		return "both <t> and runs"
	}
	if hasSurrogateEscape(text) {
		return "surrogate escape"
	}
	return ""
}

func hasSurrogateEscape(b []byte) bool {
	for i := 0; i+7 <= len(b); i++ {
		if u, ok := escapeAt(b, i); ok && u >= 0xD800 && u < 0xE000 {
			return true
		}
	}
	return false
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// isRef: upper-case column letters, then a row number without a leading
// zero, as every writer spells a cell's r.
func isRef(s string) bool {
	i := 0
	for i < len(s) && s[i] >= 'A' && s[i] <= 'Z' {
		i++
	}
	return i > 0 && i <= 3 && i < len(s) && s[i] != '0' && isDigits(s[i:])
}

// xnode is an element parsed by encoding/xml, for wellFormed.
type xnode struct {
	name xml.Name
	attr []xml.Attr
	kids []*xnode
	text []byte // character data directly inside
}

// parseDOM parses with encoding/xml as excelize does: strict, UTF-8 only
// (no CharsetReader), and no DTD (we refuse one).
func parseDOM(data []byte) (*xnode, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	var root *xnode
	var stack []*xnode
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			n := &xnode{name: tk.Name, attr: tk.Attr}
			if len(stack) > 0 {
				top := stack[len(stack)-1]
				top.kids = append(top.kids, n)
			} else if root != nil {
				return nil, errors.New("two root elements")
			} else {
				root = n
			}
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				top := stack[len(stack)-1]
				top.text = append(top.text, tk...)
			}
		case xml.Directive:
			return nil, errors.New("DTD")
		}
	}
	if root == nil {
		return nil, errors.New("no root element")
	}
	return root, nil
}

// count counts the elements below n by local name.
func (n *xnode) count() map[string]int {
	m := make(map[string]int)
	var walk func(*xnode)
	walk = func(n *xnode) {
		for _, k := range n.kids {
			m[k.name.Local]++
			walk(k)
		}
	}
	walk(n)
	return m
}

// plainAttr returns the attribute with this local name when it is the
// only one of that local name and has no prefix.
func (n *xnode) plainAttr(local string) (string, bool) {
	val, found := "", 0
	for _, a := range n.attr {
		if a.Name.Local == local {
			found++
			if a.Name.Space != "" {
				return "", false
			}
			val = a.Value
		}
	}
	return val, found == 1
}

// badBool names the first of the given attributes whose value is not a
// boolean as encoding/xml reads one (strconv.ParseBool after trimming):
// excelize unmarshals these into bool fields and, on such a value, drops
// the cell's value, where our reader never looks at them.
func (n *xnode) badBool(names ...string) (string, bool) {
	for _, a := range n.attr {
		if slices.Contains(names, a.Name.Local) {
			if _, err := strconv.ParseBool(strings.TrimSpace(a.Value)); err != nil {
				return a.Name.Local + "=" + strconv.Quote(a.Value), true
			}
		}
	}
	return "", false
}

func (n *xnode) hasAttr(local string) bool {
	for _, a := range n.attr {
		if a.Name.Local == local {
			return true
		}
	}
	return false
}

// TestDifferentialRules shows that the comparison catches what it should
// and that each rule of wellFormed stands for a real disagreement: every
// input here is one the two readers read differently, the differ reports
// it, and wellFormed keeps it out of FuzzDifferential. The fixtures, as
// they are and uncompressed, must pass wellFormed and compare equal.
func TestDifferentialRules(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.xls*"))
	passed := 0
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, in := range [][]byte{data, storedCopy(data)} {
			b, err := openBytes(t, in, Limits{})
			if err != nil {
				continue // not a workbook: csv, xls, encrypted
			}
			if why := wellFormed(in, b); why != "" {
				t.Errorf("%s: wellFormed refuses it: %s", name, why)
			}
			d := diffBytes(t, b, in, true)
			if len(d.diffs) > 0 || d.ourRefusal != nil || d.sheets == 0 {
				t.Errorf("%s: %d sheets compared, differences %q, refusal %v", name, d.sheets, d.diffs, d.ourRefusal)
			}
			b.Close()
			passed++
		}
	}
	if passed < 10 {
		t.Errorf("only %d fixtures compared", passed)
	}

	renameSST := func(ps []part) []part {
		for i := range ps {
			ps[i].name = strings.Replace(ps[i].name, "xl/sharedStrings.xml", "xl/strings.xml", 1)
			ps[i].body = strings.Replace(ps[i].body, `Target="sharedStrings.xml"`, `Target="strings.xml"`, 1)
		}
		return ps
	}
	tests := []struct {
		name, rows, sst string
		edit            func([]part) []part
		diff, gate      string // substrings of the difference and of wellFormed's reason
	}{
		{name: "formula flag not a boolean", rows: `<row r="1"><c r="A1" t="str"><f aca="lse">"x"</f><v>x</v></c></row>`,
			diff: "A1", gate: "aca"},
		{name: "unknown cell type", rows: `<row r="1"><c r="A1" t="x"><v>5</v></c></row>`,
			diff: "we read a text, excelize's cell type is unset", gate: `t="x"`},
		{name: "escape in a formula string", rows: `<row r="1"><c r="A1" t="str"><f>A2</f><v>a_x000D_b</v></c></row>`,
			diff: `we read text "a\rb", excelize "a_x000D_b"`, gate: "escape"},
		{name: "cells out of order", rows: `<row r="1"><c r="B1"><v>2</v></c><c r="A1"><v>1</v></c></row>`,
			diff: "excelize reads", gate: "cell A1 in row 1 after column 2"},
		{name: "row without r", rows: `<row><c r="C7"><v>1</v></c></row>`,
			diff: `S!C1: excelize reads "1", we report nothing`, gate: "row r="},
		{name: "odd boolean", rows: `<row r="1"><c r="A1" t="b"><v>2</v></c></row>`,
			diff: `we read bool "TRUE", excelize "2"`, gate: "boolean"},
		{name: "inline text before and after runs", rows: `<row r="1"><c r="A1" t="inlineStr"><is><r><t>a</t></r><t>b</t></is></c></row>`,
			diff: `we read text "ab", excelize "ba"`, gate: "both <t> and runs"},
		{name: "surrogate escape", rows: `<row r="1"><c r="A1" t="s"><v>0</v></c></row>`, sst: `<si><t>_xD83D__xDE00_</t></si>`,
			diff: `we read text "😀", excelize ""`, gate: "surrogate"},
		{name: "shared strings elsewhere", rows: `<row r="1"><c r="A1" t="s"><v>0</v></c></row>`, sst: `<si><t>x</t></si>`, edit: renameSST,
			diff: `we read text "x", excelize ""`, gate: "shared strings not at"},
		{name: "shared formula without a master", rows: `<row r="2"><c r="B2"><f t="shared" si="0">A2*2</f><v>4</v></c></row>`,
			diff: `formula true for us, excelize's formula is ""`, gate: "shared formula 0 without a master"},
		{name: "empty formula", rows: `<row r="2"><c r="B2"><f></f><v>4</v></c></row>`,
			diff: `formula true for us, excelize's formula is ""`, gate: "empty formula"},
		{name: "shared string index out of range", rows: `<row r="1"><c r="A1" t="s"><v>3</v></c><c r="B1"><v>1</v></c></row>`, sst: `<si><t>x</t></si>`,
			gate: "shared string"}, // we refuse the sheet: a note, not a difference
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps := skeleton(sheetXML(tt.rows), tt.sst)
			if tt.edit != nil {
				ps = tt.edit(ps)
			}
			data := storedZip(t, ps...)
			b, err := openBytes(t, data, Limits{})
			if err != nil {
				t.Fatal(err)
			}
			defer b.Close()
			if why := wellFormed(data, b); !strings.Contains(why, tt.gate) || why == "" {
				t.Errorf("wellFormed = %q, want it to refuse with %q", why, tt.gate)
			}
			d := diffBytes(t, b, data, false)
			if tt.diff == "" {
				if len(d.diffs) > 0 {
					t.Errorf("differences %q, want none", d.diffs)
				}
				return
			}
			if !strings.Contains(strings.Join(d.diffs, "\n"), tt.diff) {
				t.Errorf("differences %q, want one with %q", d.diffs, tt.diff)
			}
		})
	}
}

// diffBytes compares an open Book with excelize's reading of its bytes.
func diffBytes(t *testing.T, b *Book, data []byte, fuzz bool) *differ {
	t.Helper()
	xf, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatalf("excelize: %v", err)
	}
	defer xf.Close()
	d := &differ{b: b, xf: xf, typedMax: typedMax, maxDiffs: 20, fuzz: fuzz}
	d.book()
	return d
}
