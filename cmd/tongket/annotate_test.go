package main

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/tongket/tongket/annotate"
	"github.com/tongket/tongket/form"
)

// TestAnnotate: the marked-up copy of the demo's bad file has the fills and
// comments on exactly the cells of the findings and nothing else changed;
// its first sheet lists every finding with a working link; the original is
// untouched.
func TestAnnotate(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(inbox(t, dir), "kien-an-loi.xlsx")
	before, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	_, out, _ := run(t, dir, "validate", "--format", "json", src)
	fds := parseResult(t, out).Files[0].Findings
	if len(fds) == 0 {
		t.Fatal("the bad file has no findings")
	}

	outDir := filepath.Join(dir, "tra-lai")
	code, stdout, stderr := run(t, dir, "validate", "--annotate", outDir, src)
	if code != exitRefused || !strings.Contains(stdout, "5 lỗi") {
		t.Fatalf("exit %d\n%s", code, stdout)
	}
	copyPath := filepath.Join(outDir, "kien-an-loi-loi.xlsx")
	if !strings.Contains(stderr, "Đã ghi bản đánh dấu lỗi: "+copyPath) {
		t.Errorf("stderr: %s", stderr)
	}
	if after, _ := os.ReadFile(src); !bytes.Equal(before, after) {
		t.Fatal("the original file was changed")
	}

	orig, err := excelize.OpenReader(bytes.NewReader(before))
	if err != nil {
		t.Fatal(err)
	}
	defer orig.Close()
	cp, err := excelize.OpenFile(copyPath)
	if err != nil {
		t.Fatal(err)
	}
	defer cp.Close()

	// Sheets: the list first and active, then the workbook's own.
	if got, want := cp.GetSheetList(), append([]string{annotate.Sheet}, orig.GetSheetList()...); !reflect.DeepEqual(got, want) {
		t.Fatalf("sheets %v, want %v", got, want)
	}
	if cp.GetActiveSheetIndex() != 0 {
		t.Errorf("active sheet %d", cp.GetActiveSheetIndex())
	}

	// The list: one row per finding, in order, each linked to its cell.
	for i, fd := range fds {
		r := strconv.Itoa(annotate.ListHeaderRow + 1 + i)
		sev := map[string]string{"error": "Lỗi", "warning": "Cảnh báo"}[fd.Severity]
		for col, want := range map[string]string{"B": sev, "C": fd.Sheet, "D": fd.Cell, "E": fd.Message} {
			if got, _ := cp.GetCellValue(annotate.Sheet, col+r); got != want {
				t.Errorf("list %s%s = %q, want %q", col, r, got, want)
			}
		}
		ok, link, err := cp.GetCellHyperLink(annotate.Sheet, "D"+r)
		if err != nil || !ok {
			t.Errorf("list D%s has no link (%v)", r, err)
			continue
		}
		sheet, cell, found := strings.Cut(link, "!")
		sheet = strings.ReplaceAll(strings.Trim(sheet, "'"), "''", "'")
		if !found || sheet != fd.Sheet || cell != fd.Cell {
			t.Errorf("link %q, want %s!%s", link, fd.Sheet, fd.Cell)
		}
		if idx, _ := cp.GetSheetIndex(sheet); idx < 0 {
			t.Errorf("link %q goes to no sheet", link)
		}
	}
	if rows, _ := cp.GetRows(annotate.Sheet); len(rows) != annotate.ListHeaderRow+len(fds) {
		t.Errorf("list has %d rows for %d findings", len(rows), len(fds))
	}

	// The workbook's own sheets: same values, same styles except the fill
	// of the cells with findings, comments on exactly those cells.
	marked := map[string]string{} // "Sheet!A1" → severity
	for _, fd := range fds {
		k := fd.Sheet + "!" + fd.Cell
		if marked[k] != "error" {
			marked[k] = fd.Severity
		}
	}
	for _, sh := range orig.GetSheetList() {
		ro, _ := orig.GetRows(sh)
		rc, _ := cp.GetRows(sh)
		if !reflect.DeepEqual(ro, rc) {
			t.Errorf("%s: values changed", sh)
		}
		if do, dc := orig.GetDefinedName(), cp.GetDefinedName(); !reflect.DeepEqual(do, dc) {
			t.Errorf("defined names %v → %v", do, dc)
		}
		mo, _ := orig.GetMergeCells(sh)
		mc, _ := cp.GetMergeCells(sh)
		if len(mo) != len(mc) {
			t.Errorf("%s: merged cells %d → %d", sh, len(mo), len(mc))
		}
		maxCol := 0
		for _, row := range ro {
			maxCol = max(maxCol, len(row))
		}
		for r := 1; r <= len(ro)+2; r++ {
			for c := 1; c <= maxCol+2; c++ {
				cell, _ := excelize.CoordinatesToCellName(c, r)
				so := style(t, orig, sh, cell)
				sc := style(t, cp, sh, cell)
				sev, isMarked := marked[sh+"!"+cell]
				if !isMarked {
					if !reflect.DeepEqual(so, sc) {
						t.Errorf("%s!%s: style changed", sh, cell)
					}
					continue
				}
				want := annotate.FillError
				if sev == "warning" {
					want = annotate.FillWarning
				}
				if len(sc.Fill.Color) != 1 || sc.Fill.Color[0] != want || sc.Fill.Pattern != 1 {
					t.Errorf("%s!%s: fill %+v, want %s", sh, cell, sc.Fill, want)
				}
				sc.Fill = so.Fill
				if !reflect.DeepEqual(so, sc) {
					t.Errorf("%s!%s: style changed beyond the fill:\n%+v\n%+v", sh, cell, so, sc)
				}
			}
		}
		co, _ := orig.GetComments(sh)
		cc, _ := cp.GetComments(sh)
		got := map[string]string{}
		for _, c := range cc {
			text := c.Text
			for _, r := range c.Paragraph {
				text += r.Text
			}
			got[c.Cell] = text
		}
		want := 0
		for _, fd := range fds {
			if fd.Sheet != sh {
				continue
			}
			want++
			if !strings.Contains(got[fd.Cell], fd.Message) {
				t.Errorf("%s!%s: comment %q lacks %q", sh, fd.Cell, got[fd.Cell], fd.Message)
			}
		}
		if len(cc) != len(co)+want {
			t.Errorf("%s: %d comments, want %d", sh, len(cc), len(co)+want)
		}
	}
}

func style(t *testing.T, f *excelize.File, sheet, cell string) excelize.Style {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	return *st
}

// TestFailOnWarning: a file with only a warning (an outlier) passes, fails
// with --fail-on warning, gets a yellow mark, and is stored by ingest even
// when the exit status is 1.
func TestFailOnWarning(t *testing.T) {
	dir := t.TempDir()
	path, tm := blankTemplate(t, dir, "HP-MAU", "Quận Mẫu")
	fs := plausible(tm)
	fs["TIN_GIATRI"][2021] = 5000 // about 90 times its neighbours
	fill(t, path, tm, fs)
	outlier, _ := tm.Cell("TIN_GIATRI", 2021)

	tests := []struct {
		args []string
		want int
	}{
		{[]string{"validate", path}, exitOK},
		{[]string{"validate", "--fail-on", "error", path}, exitOK},
		{[]string{"validate", "--fail-on", "warning", path}, exitRefused},
		{[]string{"ingest", "--dry-run", "--fail-on", "warning", path}, exitRefused},
	}
	for _, tt := range tests {
		if code, out, _ := run(t, dir, tt.args...); code != tt.want || !strings.Contains(out, "0 lỗi, 1 cảnh báo") {
			t.Errorf("%v: exit %d, want %d\n%s", tt.args, code, tt.want, out)
		}
	}

	outDir := filepath.Join(dir, "tra-lai")
	if code, _, stderr := run(t, dir, "validate", "--annotate", outDir, path); code != exitOK {
		t.Fatalf("annotate: %d %s", code, stderr)
	}
	cp, err := excelize.OpenFile(filepath.Join(outDir, annotate.Name(path)))
	if err != nil {
		t.Fatal(err)
	}
	if st := style(t, cp, form.DataSheet, outlier); len(st.Fill.Color) != 1 || st.Fill.Color[0] != annotate.FillWarning {
		t.Errorf("outlier cell fill %+v", st.Fill)
	}
	// The template's locked cells stay locked, the marked one unlocked.
	if st := style(t, cp, form.DataSheet, outlier); st.Protection == nil || st.Protection.Locked {
		t.Errorf("outlier cell protection %+v", st.Protection)
	}
	// The template's print titles still belong to its data sheet.
	if dns := cp.GetDefinedName(); len(dns) != 1 || dns[0].Scope != form.DataSheet || dns[0].Name != "_xlnm.Print_Titles" {
		t.Errorf("defined names %+v", dns)
	}
	if v, _ := cp.GetCellValue(annotate.Sheet, "B"+strconv.Itoa(annotate.ListHeaderRow+1)); v != "Cảnh báo" {
		t.Errorf("list severity %q", v)
	}
	cp.Close()

	code, out, _ := run(t, dir, "ingest", "--fail-on", "warning", path)
	if code != exitRefused || !strings.Contains(out, "đã lưu (lần nộp số 1)") {
		t.Fatalf("ingest --fail-on warning: exit %d\n%s", code, out)
	}
	if _, out, _ := run(t, dir, "history"); !strings.Contains(out, filepath.Base(path)) {
		t.Fatalf("not stored:\n%s", out)
	}
}

// TestAnnotateUnopenable: a file that is not a workbook gets no copy, and
// stderr says so.
func TestAnnotateUnopenable(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "inbox")
	os.MkdirAll(in, 0o755)
	os.WriteFile(filepath.Join(in, "cu.xls"), []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, 0o644)
	os.WriteFile(filepath.Join(in, "hong.xlsx"), []byte("PK\x03\x04 không phải zip"), 0o644)
	outDir := filepath.Join(dir, "tra-lai")
	code, _, stderr := run(t, dir, "validate", "--annotate", outDir, in)
	if code != exitRefused {
		t.Fatalf("exit %d", code)
	}
	for _, name := range []string{"cu.xls: không ghi bản đánh dấu lỗi", "hong.xlsx: không ghi bản đánh dấu lỗi"} {
		if !strings.Contains(stderr, name) {
			t.Errorf("stderr lacks %q:\n%s", name, stderr)
		}
	}
	if entries, _ := os.ReadDir(outDir); len(entries) != 0 {
		t.Errorf("copies written: %v", entries)
	}
}
