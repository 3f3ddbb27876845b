package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestCatalogRoundTrip: export → edit in a spreadsheet → import; a custom
// indicator flows through to the summary; changing the meaning of stored
// figures needs --force.
func TestCatalogRoundTrip(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "chi-tieu.xlsx")
	if code, _, stderr := run(t, dir, "catalog", "export", "-o", file); code != 0 {
		t.Fatalf("export: %s", stderr)
	}
	// Unchanged, it imports as is.
	if code, _, stderr := run(t, dir, "catalog", "import", file); code != 0 || !strings.Contains(stderr, "18 chỉ tiêu, 5 quy tắc, 7 tổ chức, 3 hình thức") {
		t.Fatalf("import unchanged: %d %s", code, stderr)
	}
	edit(t, file, func(f *excelize.File) {
		f.SetSheetRow("Chỉ tiêu", "A20", &[]any{"TT_MANG", "Số bài tuyên truyền trên mạng xã hội", "bài", "sum", "count", 19})
		f.SetCellStr("Chỉ tiêu", "B4", "Số buổi tuyên truyền, vận động") // renaming is fine
		f.SetSheetRow("Quy tắc", "A7", &[]any{"TT_MANG", ">=", "0", "", "warning", "Không âm.", "Not negative."})
	})
	if code, _, stderr := run(t, dir, "catalog", "import", file); code != 0 {
		t.Fatalf("import with a new indicator: %d %s", code, stderr)
	}
	sub := filepath.Join(dir, "xa.xlsx")
	f := excelize.NewFile()
	for i, row := range [][]any{{"Mã đơn vị: X1"}, {"Đơn vị: Xã Một"}, {"Mã chỉ tiêu", "Chỉ tiêu", 2022, 2023}, {"TT_MANG", "Số bài tuyên truyền trên mạng xã hội", 12, 30}, {"TT_BUOI", "Số buổi tuyên truyền, vận động", 5, 6}} {
		f.SetSheetRow("Sheet1", "A"+string(rune('1'+i)), &row)
	}
	f.SaveAs(sub)
	if code, out, _ := run(t, dir, "ingest", sub); code != 0 {
		t.Fatalf("ingest with the custom indicator: %d\n%s", code, out)
	}
	_, out, _ := run(t, dir, "summarize", "--period", "2022-2023", "--format", "json")
	var s struct {
		Indicators []struct {
			Code, Name string
			Total      *float64
		}
	}
	json.Unmarshal([]byte(out), &s)
	found := false
	for _, i := range s.Indicators {
		if i.Code == "TT_MANG" && i.Total != nil && *i.Total == 42 {
			found = true
		}
		if i.Code == "TT_BUOI" && i.Name != "Số buổi tuyên truyền, vận động" {
			t.Errorf("renamed indicator reads %q", i.Name)
		}
	}
	if !found {
		t.Fatalf("TT_MANG did not reach the summary:\n%s", out)
	}

	// Removing TT_BUOI breaks a rule that names it: a finding, not a guess.
	edit(t, file, func(f *excelize.File) { f.RemoveRow("Chỉ tiêu", 4) })
	code, out, _ := run(t, dir, "catalog", "import", file)
	if code != exitRefused || !strings.Contains(out, "TT_BUOI") {
		t.Fatalf("removal breaking a rule: %d\n%s", code, out)
	}
	// Changing how TT_MANG's stored figures add up needs --force.
	run(t, dir, "catalog", "export", "-o", file)
	edit(t, file, func(f *excelize.File) { f.SetCellStr("Chỉ tiêu", "D20", "last") })
	code, _, stderr := run(t, dir, "catalog", "import", file)
	if code != exitRefused || !strings.Contains(stderr, "đổi cách cộng của TT_MANG từ sum sang last: tổng giai đoạn của 2 số liệu") {
		t.Fatalf("agg change without --force: %d %s", code, stderr)
	}
	if code, _, _ = run(t, dir, "catalog", "import", "--force", file); code != 0 {
		t.Fatal("agg change with --force")
	}

	// A bad cell is reported where it is, and nothing changes.
	edit(t, file, func(f *excelize.File) { f.SetCellStr("Chỉ tiêu", "D2", "trung bình") })
	code, out, _ = run(t, dir, "catalog", "import", file)
	if code != exitRefused || !strings.Contains(out, "Chỉ tiêu!D2: Cách cộng \"trung bình\" không hợp lệ") {
		t.Fatalf("bad cell: %d\n%s", code, out)
	}
}

func edit(t *testing.T, path string, fn func(*excelize.File)) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	fn(f)
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
}
