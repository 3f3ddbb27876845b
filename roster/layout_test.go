package roster

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// printedHeader is the header of a printed roster: no Loại, no Tổ chức.
var printedHeader = []any{"STT", "Họ và tên / Tên tập thể", "Chức vụ", "Đơn vị", "Hình thức", "Cấp khen", "Số quyết định", "Ngày quyết định"}

func printedRow(stt int, name, form, date string) []any {
	return []any{stt, name, "", "Xã An Đồng", form, "Chủ tịch UBND huyện", "1/QĐ", date}
}

// TestPrintedLayout: titles stand for the columns a printed roster lacks,
// and the lines under it are checked, not read as nominees.
func TestPrintedLayout(t *testing.T) {
	kindOrg := func(e Entry) string { return e.Kind + "|" + e.Organisation + "|" + e.Name }
	tests := []struct {
		name  string
		rows  [][]any
		want  []string
		codes []string
		says  string
	}{
		{"titles in the STT and name cells, subtotals and a total", [][]any{
			printedHeader,
			{"I", "TẬP THỂ"},
			{"1", "Hội Nông dân"},
			printedRow(1, "Chi hội Nông dân thôn Đông", "Giấy khen", "02/03/2021"),
			printedRow(2, "Chi hội Nông dân thôn Tây", "Giấy khen", "02/03/2021"),
			{nil, "Cộng: 2"},
			{"II", "CÁ NHÂN (3)"},
			{"1", "Công an"},
			printedRow(3, "Nguyễn Văn An", "Bằng khen", "01/08/2024"),
			{"2", "Khác"},
			printedRow(4, "Trần Thị Ánh", "Biểu dương", "05/09/2019"),
			printedRow(5, "Lê Văn Ăn", "Biểu dương", "05/09/2019"),
			{nil, "Cộng cá nhân: 3"},
			{nil, "Tổng cộng: 5"},
		}, []string{
			"Tập thể|Hội Nông dân|Chi hội Nông dân thôn Đông", "Tập thể|Hội Nông dân|Chi hội Nông dân thôn Tây",
			"Cá nhân|Công an|Nguyễn Văn An", "Cá nhân|Khác|Trần Thị Ánh", "Cá nhân|Khác|Lê Văn Ăn",
		}, nil, ""},
		{"tongket's counts line", [][]any{
			printedHeader,
			{"I. TẬP THỂ"},
			{"Mặt trận Tổ quốc"},
			printedRow(1, "Ban Công tác Mặt trận khu dân cư số 3", "Giấy khen", "02/03/2021"),
			{},
			{"1 gương điển hình tiên tiến, trong đó: 1 tập thể; 1 tập thể Mặt trận"},
		}, []string{"Tập thể|Mặt trận Tổ quốc|Ban Công tác Mặt trận khu dân cư số 3"}, nil, ""},
		{"rows under no title of a kind", [][]any{
			printedHeader,
			{"Hội Nông dân"},
			printedRow(1, "Chi hội Nông dân thôn Đông", "Giấy khen", "02/03/2021"),
			{"II. CÁ NHÂN"},
			{"Hội Nông dân"},
			printedRow(2, "Nguyễn Văn An", "Giấy khen", "02/03/2021"),
		}, []string{"Cá nhân|Hội Nông dân|Nguyễn Văn An"}, []string{"missing-label@row 1"}, "Các dòng 3 không nằm dưới đề mục \"I. TẬP THỂ\" hay \"II. CÁ NHÂN\" nào"},
		{"a total that counts none of the groups above", [][]any{
			printedHeader,
			{"II. CÁ NHÂN"},
			{"Hội Nông dân"},
			printedRow(1, "Nguyễn Văn An", "Giấy khen", "02/03/2021"),
			printedRow(2, "Trần Thị Ánh", "Giấy khen", "02/03/2021"),
			{nil, "Tổng cộng: 3"},
		}, []string{"Cá nhân|Hội Nông dân|Nguyễn Văn An", "Cá nhân|Hội Nông dân|Trần Thị Ánh"}, []string{"total-mismatch@B6"}, "ghi 3, nhưng phía trên có 2 dòng"},
		{"a name alone where titles stand for Tổ chức", [][]any{
			printedHeader,
			{"II. CÁ NHÂN"},
			{"Hội Người cao tuổi"},
			printedRow(1, "Nguyễn Văn An", "Giấy khen", "02/03/2021"),
		}, nil, []string{"constraint-error@A3"}, "Hội Người cao tuổi"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ro := ReadBytes("ds.xlsx", book(t, "DS", tt.rows), lists, now)
			if got := codes(ro.Findings); !slices.Equal(got, tt.codes) {
				t.Fatalf("findings %v, want %v\n%s", got, tt.codes, strings.Join(messages(ro.Findings), "\n"))
			}
			if tt.says != "" && !strings.Contains(ro.Findings[0].Text.VI, tt.says) {
				t.Errorf("message %q lacks %q", ro.Findings[0].Text.VI, tt.says)
			}
			var got []string
			for _, e := range ro.Entries {
				got = append(got, kindOrg(e))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("entries\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

// TestTitlesAndColumns: with Loại and Tổ chức columns, a title fills a
// blank cell and a cell that says otherwise is an error; a title the
// catalog does not know groups rows nobody can place, so it fills nothing.
func TestTitlesAndColumns(t *testing.T) {
	row := func(name, kind, org string) []any {
		return []any{1, name, kind, "", "Xã An Đồng", org, "Giấy khen", "", "", "02/03/2021"}
	}
	rows := [][]any{
		headerRow,
		{"I. TẬP THỂ"},
		{"1. Hội Nông dân"},
		row("Chi hội Nông dân thôn Đông", "", ""),               // row 4: both from the titles
		row("Nguyễn Văn An", "Cá nhân", "Hội Nông dân"),         // row 5: against "I. TẬP THỂ"
		row("Chi hội Cựu chiến binh", "", "Hội Cựu chiến binh"), // row 6: against "1. Hội Nông dân"
		{"2. Xã Đông Xuân"},                                     // a title of no organisation
		row("Chi đoàn thôn Tây", "", ""),                        // row 8: its organisation unknown
	}
	ro := ReadBytes("ds.xlsx", book(t, "DS", rows), lists, now)
	want := []string{"constraint-error@C5", "constraint-error@F6", "constraint-error@F8"}
	if got := codes(ro.Findings); !slices.Equal(got, want) {
		t.Fatalf("findings %v, want %v\n%s", got, want, strings.Join(messages(ro.Findings), "\n"))
	}
	for _, f := range ro.Findings[:2] {
		if !strings.Contains(f.Text.VI, "khác với đề mục") {
			t.Errorf("%s: %s", f.Cell, f.Text.VI)
		}
	}
	if len(ro.Entries) != 1 || ro.Entries[0].Kind != Collective || ro.Entries[0].Organisation != "Hội Nông dân" {
		t.Errorf("entries %+v", ro.Entries)
	}
}

// TestSheets: every visible sheet with a table is read; a sheet's name
// gives the kind its rows lack; a repeat across sheets names the sheet.
func TestSheets(t *testing.T) {
	hdr := []any{"STT", "Họ và tên", "Đơn vị", "Tổ chức", "Hình thức", "Ngày quyết định"}
	data := books(t, map[string][][]any{
		"Tập thể": {hdr, {1, "Chi hội Nông dân thôn Đông", "Xã An Đồng", "Hội Nông dân", "Giấy khen", "02/03/2021"}},
		"Cá nhân": {hdr, {1, "Nguyễn Văn An", "Xã An Đồng", "Hội Nông dân", "Giấy khen", "02/03/2021"},
			{2, "Ông Nguyễn Văn An", "Xã An Đồng", "Hội Nông dân", "Giấy khen", "03/03/2021"}},
		"Ghi chú": {{"Danh sách gửi kèm công văn số 12"}},
	}, []string{"Tập thể", "Cá nhân", "Ghi chú"})
	ro := ReadBytes("ds.xlsx", data, lists, now)
	if got := codes(ro.Findings); !slices.Equal(got, []string{"duplicate-row@B3"}) {
		t.Fatalf("findings %v\n%s", got, strings.Join(messages(ro.Findings), "\n"))
	}
	if ro.Sheet != "Tập thể, Cá nhân" || len(ro.Entries) != 2 || ro.Entries[0].Kind != Collective || ro.Entries[1].Kind != Individual {
		t.Errorf("sheet %q entries %+v", ro.Sheet, ro.Entries)
	}
}

// books writes a workbook of several sheets, in the order given, rows from
// A1 down.
func books(t testing.TB, sheets map[string][][]any, order []string) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, name := range order {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(name); err != nil {
			t.Fatal(err)
		}
		for r, row := range sheets[name] {
			for c, v := range row {
				if v == nil {
					continue
				}
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if err := f.SetCellValue(name, ref, v); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
