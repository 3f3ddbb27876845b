package main

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func sheetFile(t *testing.T, path string, rows [][]any) string {
	t.Helper()
	f := excelize.NewFile()
	for i, row := range rows {
		r := row
		f.SetSheetRow("Sheet1", "A"+strconv.Itoa(i+1), &r)
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestUnitsImport(t *testing.T) {
	dir := t.TempDir()
	list := sheetFile(t, filepath.Join(dir, "ds.xlsx"), [][]any{
		{"DANH SÁCH ĐƠN VỊ"},
		{"Mã đơn vị", "Tên đơn vị", "Cấp trên", "Cấp", "Tên khác"},
		{"HP-HONGBANG", "Quận Hồng Bàng", "HP", "quận", "Q.HB; Hồng Bàng cũ"},
		{"HP-BACHLONGVI", "Huyện Bạch Long Vĩ", "HP", "huyện"},
	})
	if code, _, stderr := run(t, dir, "units", "import", list); code != 0 || !strings.Contains(stderr, "2 đơn vị mới") {
		t.Fatalf("units import: %d %s", code, stderr)
	}
	if _, out, _ := run(t, dir, "units"); !strings.Contains(out, "tên khác: Q.HB, Hồng Bàng cũ") {
		t.Fatalf("units:\n%s", out)
	}
	// A unit that has never sent anything is already missing.
	if _, out, _ := run(t, dir, "status", "--period", "2022-2023"); !strings.Contains(out, "Huyện Bạch Long Vĩ (HP-BACHLONGVI)   ·   ·  0/2") {
		t.Fatalf("status:\n%s", out)
	}
	// A file naming its unit only by an other name resolves to the code.
	byAlias := sheetFile(t, filepath.Join(dir, "hb.xlsx"), [][]any{
		{"Đơn vị: Q.HB"}, {"Mã chỉ tiêu", 2022}, {"TT_BUOI", 12},
	})
	if code, out, _ := run(t, dir, "ingest", "--format", "json", byAlias); code != 0 || !strings.Contains(out, `"code": "HP-HONGBANG"`) {
		t.Fatalf("alias: %d\n%s", code, out)
	}
	// A code outside the list is refused.
	stranger := sheetFile(t, filepath.Join(dir, "la.xlsx"), [][]any{
		{"Mã đơn vị: HP-LAMAT"}, {"Đơn vị: Quận Lạ Mặt"}, {"Mã chỉ tiêu", 2022}, {"TT_BUOI", 12},
	})
	if code, out, _ := run(t, dir, "ingest", stranger); code != exitRefused || !strings.Contains(out, "Mã đơn vị \"HP-LAMAT\" không có trong danh sách đơn vị") {
		t.Fatalf("unknown unit: %d\n%s", code, out)
	}
	// A list with a repeated code is refused at its cell.
	bad := sheetFile(t, filepath.Join(dir, "ds-loi.xlsx"), [][]any{
		{"Mã đơn vị", "Tên đơn vị"}, {"A", "Xã A"}, {"A", "Xã A bis"},
	})
	if code, out, _ := run(t, dir, "units", "import", bad); code != exitRefused || !strings.Contains(out, "Sheet1!A3: Mã đơn vị A đã có ở dòng 2") {
		t.Fatalf("bad list: %d\n%s", code, out)
	}
}
