package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
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

// reorgDB imports the sample's list (if list is not "") and ingests its
// inbox into a new database in a temporary folder.
func reorgDB(t *testing.T, list string) string {
	t.Helper()
	dir := t.TempDir()
	if list != "" {
		if code, _, stderr := run(t, dir, "units", "import", reorgFile(list)); code != 0 {
			t.Fatalf("units import: %d %s", code, stderr)
		}
	}
	if code, out, _ := run(t, dir, "ingest", reorgFile("inbox")); code != 0 || !strings.Contains(out, "Đã lưu 10 tệp") {
		t.Fatalf("ingest: %d\n%s", code, out)
	}
	return dir
}

// summaryJSON runs summarize --format json and decodes it.
func summaryJSON(t *testing.T, dir, period string) map[string]any {
	t.Helper()
	code, out, stderr := run(t, dir, "summarize", "--period", period, "--format", "json")
	if code != 0 {
		t.Fatalf("summarize %s: %d %s", period, code, stderr)
	}
	var s map[string]any
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatal(err)
	}
	return s
}

// TestReorgBeforeTheChange: a summary of a period that ends before the
// change gives, with the 2025 list, what tongket gave before it knew unit
// histories (testdata/reorg/today-*), the units' validity aside.
func TestReorgBeforeTheChange(t *testing.T) {
	dir := reorgDB(t, "ds-don-vi-2025.xlsx")
	got := summaryJSON(t, dir, "2014-2024")
	for _, u := range got["units"].([]any) {
		delete(u.(map[string]any), "valid_from")
		delete(u.(map[string]any), "valid_to")
	}
	data, err := os.ReadFile(reorgFile("today-2014-2024.json"))
	if err != nil {
		t.Fatal(err)
	}
	var want map[string]any
	json.Unmarshal(data, &want)
	if !reflect.DeepEqual(got, want) {
		a, _ := json.MarshalIndent(got, "", " ")
		t.Errorf("2014–2024 with the 2025 list differs from before:\n%s", a)
	}
	_, status, _ := run(t, dir, "status", "--period", "2014-2024")
	if data, _ := os.ReadFile(reorgFile("today-status-2014-2024.txt")); status != string(data) {
		t.Errorf("status:\n%s\nwant\n%s", status, data)
	}
}

// TestReorgAcrossTheChange: the 2016–2025 summary attributes every stored
// figure to the units in force at its end, exactly; its grand totals are
// those of the same figures without the list (nobody re-reported
// history); completeness counts no unit-year outside a unit's life.
func TestReorgAcrossTheChange(t *testing.T) {
	with := summaryJSON(t, reorgDB(t, "ds-don-vi-2025.xlsx"), "2016-2025")
	without := summaryJSON(t, reorgDB(t, ""), "2016-2025")
	inds := func(s map[string]any) map[string]map[string]any {
		out := map[string]map[string]any{}
		for _, i := range s["indicators"].([]any) {
			m := i.(map[string]any)
			out[m["code"].(string)] = m
		}
		return out
	}
	w, wo := inds(with), inds(without)
	for _, code := range []string{"TT_BUOI", "TT_LUOT", "TIN_GIATRI", "VON_HO", "VON_TIEN", "HG_VU"} {
		for _, k := range []string{"total", "by_year"} {
			if !reflect.DeepEqual(w[code][k], wo[code][k]) {
				t.Errorf("%s %s: %v with the list, %v without", code, k, w[code][k], wo[code][k])
			}
		}
		if !reflect.DeepEqual(w[code]["previous"].(map[string]any)["total"], wo[code]["previous"].(map[string]any)["total"]) {
			t.Errorf("%s previous total differs", code)
		}
		// The units in force (and the district that ceased) hold it all.
		var units []string
		for u := range w[code]["by_unit"].(map[string]any) {
			units = append(units, u)
		}
		slices.Sort(units)
		if !slices.Equal(units, []string{"P-THIENHUONG", "P-THUYNGUYEN", "TP-THUYNGUYEN"}) {
			t.Errorf("%s by_unit %v", code, units)
		}
	}
	// A 0,4 share of Hoa Động's money, exact to the millionth.
	von := w["VON_TIEN"]
	if est := fmt.Sprint(von["estimated"]); est != "[P-THIENHUONG P-THUYNGUYEN]" {
		t.Errorf("estimated %s", est)
	}
	if s := len(with["successions"].([]any)); s != 8 {
		t.Errorf("%d successions", s)
	}
	// Completeness: every expected or missing unit-year is within the
	// unit's life; the old wards are not expected in 2025, the new ones
	// only then.
	c := with["completeness"].(map[string]any)
	if c["expected"].(float64) != 57 || c["received"].(float64) != 56 {
		t.Errorf("completeness %v", c)
	}
	for _, u := range with["units"].([]any) {
		m := u.(map[string]any)
		for _, y := range m["years_missing"].([]any) {
			yy := fmt.Sprint(y)
			if from, ok := m["valid_from"].(string); ok && yy < from[:4] {
				t.Errorf("%s missing %s before it existed", m["code"], yy)
			}
			if to, ok := m["valid_to"].(string); ok && yy > to[:4] {
				t.Errorf("%s missing %s after it ceased", m["code"], yy)
			}
		}
	}
}

// TestReorgValidation: a figure from a unit for a year after it ceased is
// refused, naming its successors; a stock of the year of the change from
// both sides is a warning naming both files and cells.
func TestReorgValidation(t *testing.T) {
	dir := reorgDB(t, "ds-don-vi-2025.xlsx")
	late := filepath.Join(dir, "hoa-dong-2026.xlsx")
	sheetFile(t, late, [][]any{{"Mã đơn vị: TN-HOADONG"}, {"Mã chỉ tiêu", 2025, 2026}, {"TT_BUOI", 10, 12}, {"TIN_GIATRI", 3, 4}})
	code, out, _ := run(t, dir, "validate", late)
	if code != exitRefused || !strings.Contains(out, "Sheet1!C3: Đơn vị Phường Hoa Động (TN-HOADONG) hết hiệu lực từ sau ngày 30/06/2025 (đã chuyển sang P-THUYNGUYEN, P-THIENHUONG) nên không có số liệu năm 2026 (2 ô, từ ô C3)") {
		t.Errorf("unit-ceased: %d\n%s", code, out)
	}
	overlap := filepath.Join(dir, "hoa-dong-camera.xlsx")
	sheetFile(t, overlap, [][]any{{"Mã đơn vị: TN-HOADONG"}, {"Mã chỉ tiêu", 2025}, {"CAMERA_SO", 31}})
	code, out, _ = run(t, dir, "ingest", overlap)
	if code != 0 || !strings.Contains(out, "cả đơn vị cũ TN-HOADONG và đơn vị mới P-THUYNGUYEN đều báo số thời điểm này cho năm sáp nhập 2025 (số của P-THUYNGUYEN ở p-thuynguyen.xlsx, E12)") {
		t.Errorf("succession-overlap: %d\n%s", code, out)
	}
}

// TestReorgReport: the 2016–2025 PDF report's by-unit appendix lists the
// new wards with where they came from, the district that ceased, the
// estimates marked and the notes (read back with pdftotext).
func TestReorgReport(t *testing.T) {
	dir := reorgDB(t, "ds-don-vi-2025.xlsx")
	out := filepath.Join(dir, "bao-cao")
	if code, _, stderr := run(t, dir, "summarize", "--period", "2016-2025", "--format", "pdf", "--date", "15/01/2026", "-o", out); code != 0 {
		t.Fatalf("summarize: %d %s", code, stderr)
	}
	text := pdfFlat(t, filepath.Join(out, "tong-ket-2016-2025.pdf"))
	appendix := text[strings.LastIndex(text, "Phụ lục II"):]
	for _, want := range []string{
		"Phường Thiên Hương – hợp nhất từ một phần Phường Hoa Động, Phường Thiên Hương (cũ) và Phường Hoàng Lâm (từ 01/7/2025)",
		"Phường Thủy Nguyên – hợp nhất từ Phường Dương Quan, Phường Thủy Đường và một phần Phường Hoa Động (từ 01/7/2025)",
		"Thành phố Thủy Nguyên – hoạt động đến 30/6/2025",
		"≈601", "≈1.835,37",
		"Số liệu của các đơn vị đã sáp nhập, chia tách được tính cho đơn vị kế thừa đang hoạt động cuối giai đoạn (căn cứ: Nghị quyết 1232/NQ-UBTVQH15; Nghị quyết 1669/NQ-UBTVQH15)",
		"Số có dấu ≈ là số ước tính theo tỷ lệ",
	} {
		if !strings.Contains(appendix, want) {
			t.Errorf("Phụ lục II lacks %q:\n%s", want, appendix)
		}
	}
	// The old units are no rows of their own: Hoàng Lâm is named once, in
	// its successor's note, and Xã Dương Quan (two changes back) not at all.
	if n := strings.Count(appendix, "Phường Hoàng Lâm"); n != 1 || strings.Contains(appendix, "Xã Dương Quan") {
		t.Errorf("Phụ lục II lists units no longer in force (Hoàng Lâm %d times):\n%s", n, appendix)
	}
}
