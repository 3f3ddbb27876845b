package main

import (
	"context"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/tongket/tongket/lang"
)

// The sample of the 2025 reorganisation (testdata/reorg, FORMATS.md §10).
const reorgDir = "../../testdata/reorg"

func reorgFile(name string) string { return filepath.Join(reorgDir, name) }

// TestUnitsFlags: what the flags of units, units import and units export
// fill in.
func TestUnitsFlags(t *testing.T) {
	var gotImp *unitsImportOptions
	var gotExp *unitsExportOptions
	tests := []struct {
		args   []string
		file   string
		format string
		output string
		err    string
	}{
		{args: []string{"import", "ds.xlsx"}, file: "ds.xlsx", format: "text"},
		{args: []string{"import", "--format", "json", "ds.xlsx"}, file: "ds.xlsx", format: "json"},
		{args: []string{"import", "--format", "xml", "ds.xlsx"}, err: "xml"},
		{args: []string{"import"}, err: "accepts 1 arg"},
		{args: []string{"export", "-o", "ra.xlsx"}, output: "ra.xlsx"},
		{args: []string{"export"}, err: "hãy chỉ tệp ghi ra bằng -o"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			gotImp, gotExp = nil, nil
			c := newUnitsCmd(noDeps, unitsRuns{
				imp: func(_ context.Context, o *unitsImportOptions) error { gotImp = o; return nil },
				exp: func(_ context.Context, o *unitsExportOptions) error { gotExp = o; return nil },
			})
			err := execute(c, tt.args...)
			if tt.err != "" {
				if err == nil || !strings.Contains(said(err, lang.VI)+err.Error(), tt.err) {
					t.Fatalf("error %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			switch {
			case gotImp != nil:
				if gotImp.file != tt.file || gotImp.format != tt.format {
					t.Errorf("import options %+v", gotImp)
				}
			case gotExp != nil:
				if gotExp.output != tt.output {
					t.Errorf("export options %+v", gotExp)
				}
			default:
				t.Fatal("nothing ran")
			}
		})
	}
}

// TestUnitsHistory: the list with history imports, "units" shows who
// became whom, "units export" writes a workbook that imports unchanged on
// a fresh database, and a list with bad history is refused at its cells.
func TestUnitsHistory(t *testing.T) {
	dir := t.TempDir()
	if code, _, stderr := run(t, dir, "units", "import", reorgFile("ds-don-vi-2025.xlsx")); code != 0 ||
		!strings.Contains(stderr, "10 đơn vị mới") || !strings.Contains(stderr, "Lịch sử sáp nhập, chia tách: 8 dòng") {
		t.Fatalf("units import: %d %s", code, stderr)
	}
	_, listed, _ := run(t, dir, "units")
	for _, want := range []string{
		"P-THUYNGUYEN     Phường Thủy Nguyên               HP           Phường     danh sách; hiệu lực từ 01/07/2025\n" +
			"    kế thừa từ: TN-DUONGQUAN từ 01/07/2025, Nghị quyết 1669/NQ-UBTVQH15; TN-THUYDUONG từ 01/07/2025, Nghị quyết 1669/NQ-UBTVQH15; TN-HOADONG (tỷ lệ 0,6) từ 01/07/2025, Nghị quyết 1669/NQ-UBTVQH15\n",
		"TN-HOADONG       Phường Hoa Động                  HP           Phường     danh sách; hiệu lực đến 30/06/2025\n" +
			"    chuyển sang: P-THUYNGUYEN (tỷ lệ 0,6) từ 01/07/2025, Nghị quyết 1669/NQ-UBTVQH15; P-THIENHUONG (tỷ lệ 0,4) từ 01/07/2025, Nghị quyết 1669/NQ-UBTVQH15\n",
		"TN-DUONGQUAN     Phường Dương Quan                HP           Phường     danh sách; hiệu lực từ 01/01/2025; hiệu lực đến 30/06/2025\n" +
			"    kế thừa từ: TN-XA-DUONGQUAN từ 01/01/2025, Nghị quyết 1232/NQ-UBTVQH15\n" +
			"    chuyển sang: P-THUYNGUYEN từ 01/07/2025, Nghị quyết 1669/NQ-UBTVQH15\n",
	} {
		if !strings.Contains(listed, want) {
			t.Errorf("units lacks\n%s\nin\n%s", want, listed)
		}
	}
	_, en, _ := run(t, dir, "--lang", "en", "units")
	if !strings.Contains(en, "went to: P-THUYNGUYEN (share 0,6) from 01/07/2025") {
		t.Errorf("units in English:\n%s", en)
	}

	out := filepath.Join(dir, "ra.xlsx")
	if code, stdout, stderr := run(t, dir, "units", "export", "-o", out); code != 0 || strings.TrimSpace(stdout) != out {
		t.Fatalf("units export: %d %s %s", code, stdout, stderr)
	}
	fresh := t.TempDir()
	if code, _, stderr := run(t, fresh, "units", "import", out); code != 0 {
		t.Fatalf("import of the export: %d %s", code, stderr)
	}
	if _, again, _ := run(t, fresh, "units"); again != listed {
		t.Errorf("the exported list imports as\n%s\nnot\n%s", again, listed)
	}
	// Importing it again over itself changes nothing.
	run(t, dir, "units", "import", out)
	if _, again, _ := run(t, dir, "units"); again != listed {
		t.Errorf("re-importing the export gives\n%s", again)
	}

	bad := filepath.Join(dir, "ds-loi.xlsx")
	book := [][]any{{"Mã đơn vị", "Tên đơn vị"}, {"A", "Phường A"}, {"B", "Phường B"}, {"C", "Phường C"}}
	sheetFile(t, bad, book)
	addSheet(t, bad, "Sáp nhập", [][]any{
		{"Mã đơn vị cũ", "Mã đơn vị mới", "Ngày hiệu lực", "Tỷ lệ"},
		{"A", "B", "01/07/2025", "0,5"},
		{"A", "C", "01/07/2025", "0,4"},
		{"B", "C", "01/07/2025"},
		{"C", "B", "01/07/2025"},
		{"C", "X", "01/07/2025"},
	})
	code, text, _ := run(t, dir, "units", "import", bad)
	if code != exitRefused {
		t.Fatalf("bad list: exit %d\n%s", code, text)
	}
	for _, want := range []string{
		"Sáp nhập!D2: Các tỷ lệ của đơn vị cũ A (dòng 2, 3) cộng lại được 0,9, phải bằng 1",
		"Sáp nhập!B5: Dòng 5 khép một vòng: B → C → B",
		"Sáp nhập!B6: Mã đơn vị \"X\" không có trong trang \"Sheet1\"",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("refusal lacks %q:\n%s", want, text)
		}
	}
	if _, still, _ := run(t, dir, "units"); still != listed {
		t.Errorf("a refused list changed the units:\n%s", still)
	}
}

// addSheet adds a sheet of rows to a workbook file.
func addSheet(t *testing.T, path, name string, rows [][]any) {
	t.Helper()
	edit(t, path, func(f *excelize.File) {
		f.NewSheet(name)
		for i, row := range rows {
			r := row
			f.SetSheetRow(name, "A"+strconv.Itoa(i+1), &r)
		}
	})
}
