package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/tongket/tongket/catalog"
	"github.com/tongket/tongket/form"
	"github.com/tongket/tongket/store"
	"github.com/tongket/tongket/summary"
	"github.com/tongket/tongket/unitlist"
)

// period of the templates in these tests.
const tFrom, tTo = 2019, 2024

// blankTemplate runs "tongket template" and returns the file and its
// layout (a fresh database has the built-in catalog).
func blankTemplate(t *testing.T, dir, code, name string) (string, form.Template) {
	t.Helper()
	path := filepath.Join(dir, "bieu-mau-"+code+".xlsx")
	code1, out, stderr := run(t, dir, "template", "--unit", code, "--unit-name", name, "--period", "2019-2024", "-o", path)
	if code1 != 0 || strings.TrimSpace(out) != path {
		t.Fatalf("template: exit %d, stdout %q, stderr %s", code1, out, stderr)
	}
	return path, form.Template{UnitCode: code, UnitName: name, From: tFrom, To: tTo, Indicators: catalog.Builtin().Indicators}
}

// figures are what a test writes: indicator → year → value (int or
// float64); the want map is in hundredths, as the store keeps them.
type figures map[string]map[int]any

// plausible figures: no rule broken, no outlier, one cell left empty, one
// zero, money with decimals.
func plausible(tm form.Template) figures {
	fs := figures{}
	for i, ind := range tm.Indicators {
		fs[ind.Code] = map[int]any{}
		for _, y := range tm.Years() {
			v := 10*(i+1) + y - tFrom
			if ind.Code == "MH_HIEUQUA" {
				v = 3 + y - tFrom
			}
			if ind.Kind == catalog.Money {
				fs[ind.Code][y] = float64(v) + 0.25
				continue
			}
			fs[ind.Code][y] = v
		}
	}
	delete(fs["CAMERA_SO"], 2019) // not reported
	fs["XA_CAMERA"][2020] = 0
	return fs
}

func (fs figures) hundredths() map[string]map[int]int64 {
	out := map[string]map[int]int64{}
	for code, ys := range fs {
		out[code] = map[int]int64{}
		for y, v := range ys {
			switch v := v.(type) {
			case int:
				out[code][y] = int64(v) * 100
			case float64:
				out[code][y] = int64(v*100 + 0.5)
			}
		}
	}
	return out
}

// fill writes the figures into the template's value cells, as a submitter
// would, and a remark in the notes column.
func fill(t *testing.T, path string, tm form.Template, fs figures) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for code, ys := range fs {
		for y, v := range ys {
			cell, ok := tm.Cell(code, y)
			if !ok {
				t.Fatalf("no cell for %s %d", code, y)
			}
			if err := f.SetCellValue(form.DataSheet, cell, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := f.SetCellStr(form.DataSheet, tm.NoteColumn()+"6", "số liệu năm 2024 ước tính"); err != nil {
		t.Fatal(err)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
}

type jsonResult struct {
	Valid bool
	Stats struct{ Files, Errors, Warnings int }
	Files []struct {
		File     string
		Status   string
		Unit     struct{ Code, Name string }
		Findings []jsonFinding
	}
}

type jsonFinding struct {
	Severity, Code, Sheet, Cell, Message string
	Row                                  int
}

func parseResult(t *testing.T, out string) jsonResult {
	t.Helper()
	var r jsonResult
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	return r
}

// TestTemplateIngest: a template written by the command and filled in as
// its guide says ingests through the real command with no finding, and the
// store holds exactly the figures written.
func TestTemplateIngest(t *testing.T) {
	dir := t.TempDir()
	path, tm := blankTemplate(t, dir, "HP-MAU", "Quận Mẫu")
	fs := plausible(tm)
	fill(t, path, tm, fs)

	code, out, stderr := run(t, dir, "ingest", "--format", "json", path)
	if code != 0 {
		t.Fatalf("ingest: exit %d\n%s\n%s", code, out, stderr)
	}
	r := parseResult(t, out)
	if r.Stats.Errors != 0 || r.Stats.Warnings != 0 || len(r.Files) != 1 || len(r.Files[0].Findings) != 0 ||
		r.Files[0].Status != "stored" || r.Files[0].Unit.Code != "HP-MAU" || r.Files[0].Unit.Name != "Quận Mẫu" {
		t.Fatalf("ingest result: %s", out)
	}

	db, err := store.Open(context.Background(), filepath.Join(dir, "t.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	got, err := db.Figures(context.Background(), "HP-MAU")
	if err != nil {
		t.Fatal(err)
	}
	if want := fs.hundredths(); !reflect.DeepEqual(got, want) {
		t.Fatalf("stored figures differ:\n got %v\nwant %v", got, want)
	}
}

// TestTemplateMeta: the _tongket sheet is read first and refuses an unknown
// version; without it, the visible lines still name the unit, and a code
// with leading zeros stays text.
func TestTemplateMeta(t *testing.T) {
	tests := []struct {
		name     string
		edit     func(f *excelize.File) error
		wantExit int
		check    func(t *testing.T, r jsonResult)
	}{
		{"template version 9", func(f *excelize.File) error { return f.SetCellStr(form.MetaSheet, "B1", "9") }, exitRefused,
			func(t *testing.T, r jsonResult) {
				fds := r.Files[0].Findings
				if len(fds) != 1 || fds[0].Code != "template-version" || fds[0].Sheet != form.MetaSheet || fds[0].Cell != "B1" ||
					!strings.Contains(fds[0].Message, "phiên bản \"9\"") || !strings.Contains(fds[0].Message, "cần phiên bản 1") {
					t.Errorf("findings %+v", fds)
				}
			}},
		{"without the hidden sheet", func(f *excelize.File) error { return f.DeleteSheet(form.MetaSheet) }, exitOK,
			func(t *testing.T, r jsonResult) {
				if u := r.Files[0].Unit; u.Code != "00005" || u.Name != "Phường Năm" || len(r.Files[0].Findings) != 0 {
					t.Errorf("unit %+v, findings %+v", u, r.Files[0].Findings)
				}
			}},
		{"as written", func(f *excelize.File) error { return nil }, exitOK,
			func(t *testing.T, r jsonResult) {
				if u := r.Files[0].Unit; u.Code != "00005" || len(r.Files[0].Findings) != 0 {
					t.Errorf("unit %+v, findings %+v", u, r.Files[0].Findings)
				}
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path, tm := blankTemplate(t, dir, "00005", "Phường Năm")
			fill(t, path, tm, plausible(tm))
			f, err := excelize.OpenFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if err := tt.edit(f); err != nil {
				t.Fatal(err)
			}
			if err := f.Save(); err != nil {
				t.Fatal(err)
			}
			f.Close()
			code, out, _ := run(t, dir, "validate", "--format", "json", path)
			if code != tt.wantExit {
				t.Fatalf("exit %d, want %d\n%s", code, tt.wantExit, out)
			}
			tt.check(t, parseResult(t, out))
		})
	}
}

// TestTemplateFile: what the command writes, read back: validation,
// protection, the hidden sheet.
func TestTemplateFile(t *testing.T) {
	dir := t.TempDir()
	path, tm := blankTemplate(t, dir, "HP-MAU", "Quận Mẫu")
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if vis, _ := f.GetSheetVisible(form.MetaSheet); vis {
		t.Error("_tongket is visible")
	}
	if v, _ := f.GetCellValue(form.MetaSheet, "B1"); v != "1" {
		t.Errorf("version %q", v)
	}
	dvs, _ := f.GetDataValidations(form.DataSheet)
	if len(dvs) != len(tm.Indicators) {
		t.Errorf("%d validations", len(dvs))
	}
	if p, _ := f.GetSheetProtection(form.DataSheet); !p.SelectUnlockedCells || p.InsertRows {
		t.Errorf("protection %+v", p)
	}
	for cell, wantLocked := range map[string]bool{"B6": true, "E5": true, "E6": false, "J23": false, "K6": false} {
		id, _ := f.GetCellStyle(form.DataSheet, cell)
		st, _ := f.GetStyle(id)
		if locked := st.Protection == nil || st.Protection.Locked; locked != wantLocked {
			t.Errorf("%s locked %v, want %v", cell, locked, wantLocked)
		}
	}
}

// TestTemplateUnits: a code is looked up in the known units; once an
// official list is imported, a code outside it is refused; --all-units
// writes one template per known unit.
func TestTemplateUnits(t *testing.T) {
	dir := t.TempDir()
	db, err := store.Open(context.Background(), filepath.Join(dir, "t.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	_, _, err = db.ImportUnits(context.Background(), []unitlist.Unit{{Code: "HP-A", Name: "Quận A"}, {Code: "00007", Name: "Xã Bảy"}})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := run(t, dir, "template", "--unit", "HP-X", "--unit-name", "X", "--period", "2019-2024"); code != exitFailed ||
		!strings.Contains(stderr, "không có trong danh sách đơn vị") {
		t.Fatalf("unknown code: %d %s", code, stderr)
	}
	one := filepath.Join(dir, "a.xlsx")
	if code, _, stderr := run(t, dir, "template", "--unit", "hp-a", "--period", "2019-2024", "-o", one); code != 0 {
		t.Fatalf("known code: %d %s", code, stderr)
	}
	checkMeta(t, one, "HP-A", "Quận A")

	all := filepath.Join(dir, "bieu-mau")
	code, out, stderr := run(t, dir, "template", "--all-units", "--years", "5", "--to", "2024", "-o", all)
	if code != 0 {
		t.Fatalf("--all-units: %d %s", code, stderr)
	}
	want := []string{filepath.Join(all, "bieu-mau-00007-2019-2024.xlsx"), filepath.Join(all, "bieu-mau-HP-A-2019-2024.xlsx")}
	if got := strings.Fields(out); !reflect.DeepEqual(got, want) {
		t.Fatalf("wrote %v, want %v", got, want)
	}
	checkMeta(t, want[0], "00007", "Xã Bảy")
	checkMeta(t, want[1], "HP-A", "Quận A")

	// -o naming a folder: the default name inside it.
	if code, out, _ := run(t, dir, "template", "--unit", "HP-A", "--period", "2019-2024", "-o", all); code != 0 ||
		strings.TrimSpace(out) != filepath.Join(all, "bieu-mau-HP-A-2019-2024.xlsx") {
		t.Fatalf("-o folder: %d %q", code, out)
	}
}

func checkMeta(t *testing.T, path, code, name string) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	c, _ := f.GetCellValue(form.MetaSheet, "B2")
	n, _ := f.GetCellValue(form.MetaSheet, "B3")
	if c != code || n != name {
		t.Errorf("%s: unit %q %q, want %q %q", path, c, n, code, name)
	}
}

func TestTemplateUsage(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"template", "--unit", "X", "--unit-name", "Y"}, "giai đoạn không hợp lệ"},
		{[]string{"template", "--period", "2019-2024"}, "hãy cho mã đơn vị"},
		{[]string{"template", "--all-units", "--unit", "X", "--period", "2019-2024"}, "--all-units không đi cùng"},
		{[]string{"template", "--unit", "MOI", "--period", "2019-2024"}, "chưa biết tên đơn vị MOI"},
		{[]string{"template", "--all-units", "--period", "2019-2024", "-o", dir}, "chưa có đơn vị nào"},
		{[]string{"template", "--unit", "X", "--unit-name", "Y", "--period", "2019-2024", "-o", filepath.Join(dir, "khong-co", "x.xlsx")}, "không ghi được biểu mẫu"},
		{[]string{"validate", "--fail-on", "info", dir}, "--fail-on chỉ nhận error hoặc warning"},
		{[]string{"ingest", "--fail-on", "warnings", dir}, "--fail-on chỉ nhận error hoặc warning"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, _, stderr := run(t, dir, tt.args...)
			if code != exitFailed || !strings.Contains(stderr, tt.want) {
				t.Errorf("exit %d, stderr %q; want exit 2 and %q", code, stderr, tt.want)
			}
		})
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 { // only the database
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("misuse left files behind: %v", names)
	}
}

// importUnits puts an official unit list into the database in dir.
func importUnits(t *testing.T, dir string, us []unitlist.Unit) {
	t.Helper()
	db, err := store.Open(context.Background(), filepath.Join(dir, "t.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, _, err := db.ImportUnits(context.Background(), us); err != nil {
		t.Fatal(err)
	}
}

// TestTemplateProgress: --all-units draws a bar on a terminal's standard
// error and blanks it out before the closing line; off a terminal, or with
// --quiet, there is none; standard output only ever has the paths.
func TestTemplateProgress(t *testing.T) {
	dir := t.TempDir()
	importUnits(t, dir, []unitlist.Unit{{Code: "A1", Name: "Một"}, {Code: "A2", Name: "Hai"}, {Code: "A3", Name: "Ba"}})
	out := filepath.Join(dir, "bieu-mau")
	args := []string{"template", "--all-units", "--period", "2019-2024", "-o", out}
	paths := []string{
		filepath.Join(out, "bieu-mau-A1-2019-2024.xlsx"),
		filepath.Join(out, "bieu-mau-A2-2019-2024.xlsx"),
		filepath.Join(out, "bieu-mau-A3-2019-2024.xlsx"),
	}
	closing := "Đã lập 3 biểu mẫu trong " + out + ".\n"
	checkPaths := func(t *testing.T, stdout string) {
		t.Helper()
		if got := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n"); !reflect.DeepEqual(got, paths) {
			t.Errorf("stdout %q, want the paths %v", stdout, paths)
		}
	}

	// On a terminal: runTemplate with standard error a fake terminal.
	onTerminal := func(t *testing.T, quiet bool) (stdout, stderr string) {
		t.Helper()
		d, outb, errb := testDeps(t, dir)
		d.errTerminal, d.quiet = true, quiet
		o := &templateOptions{deps: d, period: summary.Period{From: 2019, To: 2024}, allUnits: true, output: out}
		if err := runTemplate(context.Background(), o); err != nil {
			t.Fatalf("%v; stderr %q", err, errb)
		}
		return outb.String(), errb.String()
	}

	t.Run("terminal", func(t *testing.T) {
		stdout, stderr := onTerminal(t, false)
		checkPaths(t, stdout)
		bar, rest, ok := strings.Cut(stderr, closing)
		if !ok || rest != "" {
			t.Fatalf("stderr %q does not end with %q", stderr, closing)
		}
		// drawn from the start, to 3/3, then blanked: "\r" + spaces + "\r"
		if !strings.HasPrefix(bar, "\rĐang lập biểu mẫu [") || !strings.Contains(bar, "] 3/3 tệp") ||
			!strings.HasSuffix(strings.TrimRight(bar, " \r"), "tệp") || !strings.HasSuffix(bar, " \r") {
			t.Errorf("bar %q", bar)
		}
	})
	t.Run("terminal --quiet", func(t *testing.T) {
		stdout, stderr := onTerminal(t, true)
		if stderr != "" {
			t.Fatalf("stderr %q; want nothing", stderr)
		}
		checkPaths(t, stdout)
	})
	t.Run("buffer", func(t *testing.T) {
		code, stdout, stderr := run(t, dir, args...)
		if code != 0 || stderr != closing {
			t.Fatalf("exit %d, stderr %q; want 0 and %q", code, stderr, closing)
		}
		checkPaths(t, stdout)
	})
	t.Run("file", func(t *testing.T) { // an *os.File, but no terminal: "2> log.txt"
		f, err := os.Create(filepath.Join(t.TempDir(), "log.txt"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		var stdout bytes.Buffer
		code := Main(append([]string{"--db", filepath.Join(dir, "t.db")}, args...), &stdout, f)
		logged, _ := os.ReadFile(f.Name())
		if code != 0 || string(logged) != closing {
			t.Fatalf("exit %d, stderr %q; want 0 and %q", code, logged, closing)
		}
		checkPaths(t, stdout.String())
	})
}

// TestTemplateAllUnitsParallel: with more units than cores, --all-units
// writes every template exactly once, each whole and for its own unit,
// lists the paths in the units' order, and leaves nothing else behind;
// a template from the batch, filled in, ingests with no finding.
func TestTemplateAllUnitsParallel(t *testing.T) {
	dir := t.TempDir()
	var us []unitlist.Unit
	for i := range 40 {
		us = append(us, unitlist.Unit{Code: fmt.Sprintf("%05d", 40-i), Name: fmt.Sprintf("Xã Số %d", 40-i)})
	}
	importUnits(t, dir, us)
	out := filepath.Join(dir, "bieu-mau")
	code, stdout, stderr := run(t, dir, "template", "--all-units", "--period", "2019-2024", "-o", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var want []string
	for i := 1; i <= 40; i++ { // the store lists units by code
		want = append(want, filepath.Join(out, fmt.Sprintf("bieu-mau-%05d-2019-2024.xlsx", i)))
	}
	if got := strings.Fields(stdout); !reflect.DeepEqual(got, want) {
		t.Fatalf("stdout lists\n%v\nwant\n%v", got, want)
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != len(want) {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Fatalf("folder holds %d entries, want %d: %v", len(entries), len(want), names)
	}
	for i, p := range want {
		checkMeta(t, p, fmt.Sprintf("%05d", i+1), fmt.Sprintf("Xã Số %d", i+1))
	}

	tm := form.Template{UnitCode: "00023", UnitName: "Xã Số 23", From: tFrom, To: tTo, Indicators: catalog.Builtin().Indicators}
	fs := plausible(tm)
	fill(t, want[22], tm, fs)
	code, jout, stderr := run(t, dir, "ingest", "--format", "json", want[22])
	if code != 0 {
		t.Fatalf("ingest: exit %d\n%s\n%s", code, jout, stderr)
	}
	if r := parseResult(t, jout); len(r.Files) != 1 || len(r.Files[0].Findings) != 0 || r.Files[0].Status != "stored" || r.Files[0].Unit.Code != "00023" {
		t.Fatalf("ingest result: %s", jout)
	}
}

// TestTemplateSameFileName: two units whose codes give one file name are
// refused before anything is written, rather than one template silently
// replacing the other.
func TestTemplateSameFileName(t *testing.T) {
	dir := t.TempDir()
	importUnits(t, dir, []unitlist.Unit{{Code: "HP A", Name: "Quận A"}, {Code: "HP/A", Name: "Quận A mới"}})
	out := filepath.Join(dir, "bieu-mau")
	code, stdout, stderr := run(t, dir, "template", "--all-units", "--period", "2019-2024", "-o", out)
	if code != exitFailed || stdout != "" || !strings.Contains(stderr, "cùng một tên tệp bieu-mau-HP-A-2019-2024.xlsx") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("the folder was made: %v", err)
	}
}
