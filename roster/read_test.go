package roster

import (
	"bytes"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/tongket/tongket/finding"
	"github.com/tongket/tongket/lang"
)

var lists = Lists{
	Organisations: []string{"Công an", "Mặt trận Tổ quốc", "Hội Cựu chiến binh", "Hội Liên hiệp Phụ nữ", "Hội Nông dân", "Đoàn Thanh niên", "Khác"},
	Forms:         []string{"Bằng khen", "Giấy khen", "Biểu dương"},
}

var now = time.Date(2024, 12, 31, 9, 0, 0, 0, time.UTC)

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// book writes a one-sheet workbook with excelize, rows from A1 down; a
// time.Time becomes a date cell.
func book(t testing.TB, sheet string, rows [][]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		t.Fatal(err)
	}
	for r, row := range rows {
		for c, v := range row {
			if v == nil {
				continue
			}
			ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if err := f.SetCellValue(sheet, ref, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

var headerRow = []any{"STT", "Họ và tên / Tên tập thể", "Loại", "Chức vụ", "Đơn vị", "Tổ chức", "Hình thức", "Cấp khen", "Số quyết định", "Ngày quyết định", "Thành tích"}

// standard is a valid roster for 2019–2024, header on row 5; edit the copy
// it returns. Entries start on row 6.
func standard() [][]any {
	return [][]any{
		{"CÔNG AN THÀNH PHỐ HẢI PHÒNG"},
		{nil, nil, nil, nil, nil, nil, "Hải Phòng, ngày 15 tháng 10 năm 2024"},
		{"DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG GIAI ĐOẠN 2019 – 2024"},
		{},
		slices.Clone(headerRow),
		{1, "Chi hội Nông dân thôn Đông", "Tập thể", nil, "Xã An Đồng", "Hội Nông dân", "Giấy khen", "Chủ tịch UBND huyện", "45/QĐ-UBND", day(2021, 3, 2), "Dẫn đầu phong trào"},
		{2, "Nguyễn Văn An", "Cá nhân", "Chi hội trưởng", "Xã Đông Xuân", "Hội Nông dân", "Bằng khen", "Chủ tịch UBND thành phố", "123/QĐ-UBND", day(2024, 8, 1), "Tích cực"},
		{3, "Trần Thị Ánh", "cá  nhân", "Hội viên", "Phường Lạch Tray", "hội liên hiệp phụ nữ", "giấy khen", "Chủ tịch UBND quận", "7/QĐ-UBND", "05/09/2019", ""},
		{4, "Lê Văn Ăn", "Cá nhân", "Tổ trưởng", "Phường Cát Dài", "Hội Cựu chiến binh", "Biểu dương", "Giám đốc Công an thành phố", 12, "2020-11-20", ""},
		{5, "Nguyê\u0303n Thị Hoà", "Cá nhân", "", "P. Lạch Tray", "Công an", "Giấy khen", "Giám đốc Công an thành phố", "99/QĐ-CAHP", "1.6.2022", ""},
	}
}

// codes lists findings as "code@cell" (or "code@row N"), sorted.
func codes(fs []finding.Finding) []string {
	var out []string
	for _, f := range fs {
		where := f.Cell
		if where == "" && f.Row > 0 {
			where = "row " + strconv.Itoa(f.Row)
		}
		out = append(out, f.Code+"@"+where)
	}
	sort.Strings(out)
	return out
}

func set(rows [][]any, r, c int, v any) [][]any {
	for len(rows[r]) <= c {
		rows[r] = append(rows[r], nil)
	}
	rows[r][c] = v
	return rows
}

func TestReadStandard(t *testing.T) {
	ro := ReadBytes("ds.xlsx", book(t, "DS", standard()), lists, now)
	if !ro.Valid() {
		t.Fatalf("findings: %v", messages(ro.Findings))
	}
	if ro.Years != [2]int{2019, 2024} {
		t.Errorf("Years = %v, want [2019 2024] (the date line must not count)", ro.Years)
	}
	if ro.Sheet != "DS" || len(ro.SHA256) != 64 {
		t.Errorf("Sheet %q SHA256 %q", ro.Sheet, ro.SHA256)
	}
	want := []Entry{
		{Name: "Chi hội Nông dân thôn Đông", Kind: Collective, Unit: "Xã An Đồng", Organisation: "Hội Nông dân", Form: "Giấy khen", Authority: "Chủ tịch UBND huyện", DecisionNumber: "45/QĐ-UBND", DecisionDate: day(2021, 3, 2), Achievement: "Dẫn đầu phong trào", Row: 6},
		{Name: "Nguyễn Văn An", Kind: Individual, Position: "Chi hội trưởng", Unit: "Xã Đông Xuân", Organisation: "Hội Nông dân", Form: "Bằng khen", Authority: "Chủ tịch UBND thành phố", DecisionNumber: "123/QĐ-UBND", DecisionDate: day(2024, 8, 1), Achievement: "Tích cực", Row: 7},
		{Name: "Trần Thị Ánh", Kind: Individual, Position: "Hội viên", Unit: "Phường Lạch Tray", Organisation: "Hội Liên hiệp Phụ nữ", Form: "Giấy khen", Authority: "Chủ tịch UBND quận", DecisionNumber: "7/QĐ-UBND", DecisionDate: day(2019, 9, 5), Row: 8},
		{Name: "Lê Văn Ăn", Kind: Individual, Position: "Tổ trưởng", Unit: "Phường Cát Dài", Organisation: "Hội Cựu chiến binh", Form: "Biểu dương", Authority: "Giám đốc Công an thành phố", DecisionNumber: "12", DecisionDate: day(2020, 11, 20), Row: 9},
		{Name: "Nguyễn Thị Hoà", Kind: Individual, Unit: "P. Lạch Tray", Organisation: "Công an", Form: "Giấy khen", Authority: "Giám đốc Công an thành phố", DecisionNumber: "99/QĐ-CAHP", DecisionDate: day(2022, 6, 1), Row: 10},
	}
	if len(ro.Entries) != len(want) {
		t.Fatalf("%d entries, want %d", len(ro.Entries), len(want))
	}
	for i, w := range want {
		w.File, w.Sheet, w.Col = "ds.xlsx", "DS", "B"
		if got := ro.Entries[i]; got != w {
			t.Errorf("entry %d:\n got %+v\nwant %+v", i, got, w)
		}
	}
}

func messages(fs []finding.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Code+"@"+f.Cell+": "+f.Text.VI)
	}
	return out
}

func TestReadFindings(t *testing.T) {
	tests := []struct {
		name string
		edit func([][]any) [][]any
		want []string // code@cell
		msg  string   // a part of the first finding's Vietnamese message
	}{
		{"missing name", func(r [][]any) [][]any { return set(r, 6, 1, "") },
			[]string{"constraint-error@B7"}, "chưa ghi họ và tên"},
		{"name of spaces", func(r [][]any) [][]any { return set(r, 6, 1, "   ") },
			[]string{"constraint-error@B7"}, "chưa ghi họ và tên"},
		{"unknown kind", func(r [][]any) [][]any { return set(r, 6, 2, "Cá nhân tiêu biểu") },
			[]string{"constraint-error@C7"}, "Có phải là \"Cá nhân\"?"},
		{"unknown organisation, abbreviation", func(r [][]any) [][]any { return set(r, 6, 5, "Hội CCB") },
			[]string{"constraint-error@F7"}, "Có phải là \"Hội Cựu chiến binh\"?"},
		{"unknown organisation, initials", func(r [][]any) [][]any { return set(r, 6, 5, "HCCB") },
			[]string{"constraint-error@F7"}, "Có phải là \"Hội Cựu chiến binh\"?"},
		{"unknown organisation, typed without accents", func(r [][]any) [][]any { return set(r, 6, 5, "Hoi Nong dan") },
			[]string{"constraint-error@F7"}, "Có phải là \"Hội Nông dân\"?"},
		{"unknown form", func(r [][]any) [][]any { return set(r, 6, 6, "Bằng khen Bộ") },
			[]string{"constraint-error@G7"}, "Có phải là \"Bằng khen\"?"},
		{"missing form", func(r [][]any) [][]any { return set(r, 6, 6, nil) },
			[]string{"constraint-error@G7"}, "chưa ghi hình thức khen thưởng của Nguyễn Văn An"},
		{"31 February", func(r [][]any) [][]any { return set(r, 6, 9, "31/02/2024") },
			[]string{"type-error@J7"}, "tháng 2 năm 2024 chỉ có 29 ngày"},
		{"not a date", func(r [][]any) [][]any { return set(r, 6, 9, "abc") },
			[]string{"type-error@J7"}, "\"abc\" không phải là ngày"},
		{"month first", func(r [][]any) [][]any { return set(r, 6, 9, "08/31/2024") },
			[]string{"type-error@J7"}, "hãy ghi 31/08/2024"},
		{"two-digit year", func(r [][]any) [][]any { return set(r, 6, 9, "01/08/24") },
			[]string{"type-error@J7"}, "ví dụ 01/08/2024"},
		{"year only, as a number", func(r [][]any) [][]any { return set(r, 6, 9, 2024) },
			[]string{"type-error@J7"}, "chỉ ghi năm 2024"},
		{"serial 60, the 29/02/1900 that never was", func(r [][]any) [][]any { return set(r, 6, 9, 60) },
			[]string{"type-error@J7"}, "không phải là ngày"},
		{"small serial: 1900", func(r [][]any) [][]any { return set(r, 6, 9, 5) },
			[]string{"constraint-error@J7"}, "05/01/1900"},
		{"date outside the claimed years", func(r [][]any) [][]any { return set(r, 6, 9, day(2018, 12, 31)) },
			[]string{"year-out-of-range@J7"}, "nằm ngoài giai đoạn 2019–2024"},
		{"text date outside the claimed years", func(r [][]any) [][]any { return set(r, 6, 9, "15/06/2018") },
			[]string{"year-out-of-range@J7"}, "của Nguyễn Văn An là 15/06/2018, nằm ngoài giai đoạn 2019–2024"},
		{"date in the future", func(r [][]any) [][]any { return set(r, 6, 9, "01/01/2025") },
			[]string{"constraint-error@J7"}, "đến hôm nay"},
		{"missing date", func(r [][]any) [][]any { return set(r, 6, 9, nil) },
			[]string{"constraint-error@J7"}, "chưa ghi ngày quyết định"},
		{"true/false in the date", func(r [][]any) [][]any { return set(r, 6, 9, true) },
			[]string{"type-error@J7"}, "không phải ngày"},
		{"duplicate: NFD, case, spacing, old tone, unit prefix", func(r [][]any) [][]any {
			return append(r, []any{6, "nguyễn  thị HOÀ", "Cá nhân", "", "Phường Lạch Tray", "Công an", "Giấy khen", "", "", day(2023, 1, 1)})
		}, []string{"duplicate-row@B11"}, "đã có ở ô B10"},
		{"same person, other form: no duplicate", func(r [][]any) [][]any {
			return append(r, []any{6, "Nguyễn Thị Hòa", "Cá nhân", "", "Phường Lạch Tray", "Công an", "Bằng khen", "", "", day(2023, 1, 1)})
		}, nil, ""},
		{"same name, other unit: no duplicate", func(r [][]any) [][]any {
			return append(r, []any{6, "Nguyễn Thị Hòa", "Cá nhân", "", "Phường Cát Dài", "Công an", "Giấy khen", "", "", day(2023, 1, 1)})
		}, nil, ""},
		{"duplicate label", func(r [][]any) [][]any { return set(r, 4, 11, "Hình thức khen thưởng") },
			[]string{"duplicate-label@L5"}, "ô G5 và ô L5"},
		{"missing labels", func(r [][]any) [][]any { r = set(r, 4, 5, "Ghi chú"); return set(r, 4, 9, "Ngày") },
			[]string{"missing-label@row 5"}, "thiếu cột \"Tổ chức\", \"Ngày quyết định\""},
		{"no header", func(r [][]any) [][]any { return [][]any{{"Danh sách"}, {"Nguyễn Văn An", "Cá nhân"}} },
			[]string{"no-table@"}, "Không tìm thấy bảng"},
		{"header below row 30", func(r [][]any) [][]any {
			return append(make([][]any, 30), r...)
		}, []string{"no-table@"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ro := ReadBytes("ds.xlsx", book(t, "DS", tt.edit(standard())), lists, now)
			got := codes(ro.Findings)
			want := slices.Clone(tt.want)
			sort.Strings(want)
			if !slices.Equal(got, want) {
				t.Fatalf("findings %v, want %v\n%s", got, want, strings.Join(messages(ro.Findings), "\n"))
			}
			if len(want) == 0 {
				return
			}
			f := ro.Findings[0]
			if ro.Valid() || f.Severity != finding.Error {
				t.Errorf("roster valid, want refused")
			}
			if !strings.Contains(f.Text.VI, tt.msg) {
				t.Errorf("message %q lacks %q", f.Text.VI, tt.msg)
			}
			if f.Text.EN == "" || f.Text.EN == f.Text.VI {
				t.Errorf("no English message: %q", f.Text.EN)
			}
			if f.Cell != "" && !strings.Contains(f.Text.VI, f.Cell) && !strings.Contains(f.Text.VI, "Dòng") {
				t.Errorf("message does not name cell %s: %q", f.Cell, f.Text.VI)
			}
		})
	}
}

func TestYearClaim(t *testing.T) {
	tests := []struct {
		title [][]any
		want  [2]int
	}{
		{[][]any{{"DANH SÁCH KHEN THƯỞNG NĂM 2024"}}, [2]int{2024, 2024}},
		{[][]any{{"Giai đoạn 2019–2024"}}, [2]int{2019, 2024}},
		{[][]any{{"Năm: 2019-2024"}}, [2]int{2019, 2024}},
		{[][]any{{"Năm:", 2023}}, [2]int{2023, 2023}},
		{[][]any{{"Năm:", "2019 - 2024"}}, [2]int{2019, 2024}},
		{[][]any{{"TỔNG KẾT 5 NĂM (2019 - 2024)"}}, [2]int{2019, 2024}},
		{[][]any{{"từ năm 2019 đến năm 2024"}}, [2]int{2019, 2024}},
		{[][]any{{"Hải Phòng, ngày 15 tháng 10 năm 2024"}, {"DANH SÁCH"}}, [2]int{}},
		{[][]any{{"Kèm theo Tờ trình ngày 01/08/2024"}}, [2]int{}},
		{[][]any{{"DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG"}}, [2]int{}},
		{[][]any{{"Giai đoạn 2024-2019"}}, [2]int{}},
	}
	for _, tt := range tests {
		rows := append(tt.title, headerRow,
			[]any{1, "Nguyễn Văn An", "Cá nhân", "", "Xã An Đồng", "Hội Nông dân", "Giấy khen", "", "", day(2023, 5, 5)})
		ro := ReadBytes("ds.xlsx", book(t, "DS", rows), lists, now)
		if ro.Years != tt.want {
			t.Errorf("%v: Years = %v, want %v", tt.title, ro.Years, tt.want)
		}
	}
}

func TestTextStaysText(t *testing.T) {
	rows := [][]any{headerRow,
		{1, `=HYPERLINK("http://x","Nguyễn Văn An")`, "Cá nhân", "", "Xã An Đồng", "Hội Nông dân", "Giấy khen", "", "0012/QĐ", day(2023, 5, 5)},
	}
	ro := ReadBytes("ds.xlsx", book(t, "DS", rows), lists, now)
	if !ro.Valid() || len(ro.Entries) != 1 {
		t.Fatalf("%v", messages(ro.Findings))
	}
	if e := ro.Entries[0]; e.Name != `=HYPERLINK("http://x","Nguyễn Văn An")` || e.DecisionNumber != "0012/QĐ" {
		t.Errorf("got %q %q", e.Name, e.DecisionNumber)
	}
}

func TestHeadingsAndTotalsSkipped(t *testing.T) {
	rows := [][]any{
		{"Họ và tên", "Loại", "Tổ chức", "Hình thức", "Ngày QĐ", "Đơn vị"}, // columns in another order, header on row 1
		{"I. TẬP THỂ"},
		{"1. Hội Nông dân"},
		{"Chi hội Nông dân thôn Đông", "Tập thể", "Hội Nông dân", "Giấy khen", "02/03/2021", "Xã An Đồng"},
		{"II. Cá nhân"},
		{"HỘI CỰU CHIẾN BINH"},
		{"Hội Cựu chiến binh"},
		{"Lê Văn Ăn", "Cá nhân", "Hội Cựu chiến binh", "Biểu dương", "20/11/2020", "Phường Cát Dài"},
		{},
		{"Tổng cộng: 2"},
		{"Trong đó: Tập thể: 01; Cá nhân: 01"}, // the total's breakdown, not a nominee
		{"Phạm Thị Ân"},                        // a name alone is an entry with its fields missing
	}
	ro := ReadBytes("ds.xlsx", book(t, "DS", rows), lists, now)
	if got := codes(ro.Findings); !slices.Equal(got, []string{"constraint-error@B12", "constraint-error@C12", "constraint-error@D12", "constraint-error@E12"}) {
		t.Errorf("findings %v", got)
	}
	if len(ro.Entries) != 2 || ro.Entries[0].Row != 4 || ro.Entries[1].Row != 8 {
		t.Errorf("entries %+v", ro.Entries)
	}
}

func TestContainerProblems(t *testing.T) {
	tests := []struct {
		data []byte
		code string
	}{
		{[]byte("STT;Họ và tên\n1;Nguyễn Văn An\n"), finding.NotXLSX},
		{[]byte("PK\x03\x04garbage"), finding.CorruptFile},
		{nil, finding.CorruptFile},
	}
	for _, tt := range tests {
		ro := ReadBytes("x.xlsx", tt.data, lists, now)
		if got := codes(ro.Findings); !slices.Equal(got, []string{tt.code + "@"}) {
			t.Errorf("%q: %v", tt.data, got)
		}
		if ro.Valid() {
			t.Errorf("%q: valid", tt.data)
		}
	}
	ro := Read("testdata/does-not-exist.xlsx", lists, now)
	if got := codes(ro.Findings); !slices.Equal(got, []string{"corrupt-file@"}) {
		t.Errorf("missing file: %v", got)
	}
}

func TestMessagesInBothLanguages(t *testing.T) {
	rows := standard()
	rows = set(rows, 6, 6, "Bằng khen Bộ")
	ro := ReadBytes("ds.xlsx", book(t, "DS", rows), lists, now)
	f := ro.Findings[0]
	f.Localize(lang.EN)
	if !strings.Contains(f.Message, "Did you mean \"Bằng khen\"?") || !strings.Contains(f.Message, "G7") {
		t.Errorf("EN: %q", f.Message)
	}
	if f.Value != "Bằng khen Bộ" {
		t.Errorf("Value %q", f.Value)
	}
}

func TestHeaderVariants(t *testing.T) {
	entry := func(e Entry) string {
		return e.Name + "|" + e.DecisionNumber + "|" + e.DecisionDate.Format("2006-01-02")
	}
	tests := []struct {
		name  string
		rows  [][]any
		want  []string
		codes []string
	}{
		{"two header rows: Số and Ngày under a merged Quyết định", [][]any{
			{"STT", "Họ và tên", "Loại", "Đơn vị", "Tổ chức", "Hình thức", "Quyết định khen thưởng", nil},
			{nil, nil, nil, nil, nil, nil, "Số", "Ngày"},
			{"(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)"},
			{1, "Nguyễn Văn An", "Cá nhân", "Xã An Đồng", "Hội Nông dân", "Giấy khen", "12/QĐ-UBND", "02/03/2021"},
		}, []string{"Nguyễn Văn An|12/QĐ-UBND|2021-03-02"}, nil},
		{"numbering row as numbers", [][]any{
			headerRow,
			{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11},
			{1, "Nguyễn Văn An", "Cá nhân", "", "Xã An Đồng", "Hội Nông dân", "Giấy khen", "", "12/QĐ-UBND", "02/03/2021"},
		}, []string{"Nguyễn Văn An|12/QĐ-UBND|2021-03-02"}, nil},
		{"number and date in one column", [][]any{
			{"Họ và tên", "Loại", "Đơn vị", "Tổ chức", "Hình thức", "Số, ngày quyết định"},
			{"Nguyễn Văn An", "Cá nhân", "Xã An Đồng", "Hội Nông dân", "Giấy khen", "12/QĐ-UBND ngày 02/03/2021"},
			{"Trần Thị Ánh", "Cá nhân", "Xã An Đồng", "Hội Nông dân", "Giấy khen", "13/QĐ-UBND, 3.4.2022"},
			{"Lê Văn Ăn", "Cá nhân", "Xã An Đồng", "Hội Nông dân", "Giấy khen", "Số 14/QĐ-CAHP ngày 5 tháng 6 năm 2023"},
			{"Phạm Thị Ân", "Cá nhân", "Xã An Đồng", "Hội Nông dân", "Giấy khen", day(2024, 8, 1)},
			{"Vũ Minh Đức", "Cá nhân", "Xã An Đồng", "Hội Nông dân", "Giấy khen", "15/QĐ-UBND"},
		}, []string{
			"Nguyễn Văn An|12/QĐ-UBND|2021-03-02",
			"Trần Thị Ánh|13/QĐ-UBND|2022-04-03",
			"Lê Văn Ăn|Số 14/QĐ-CAHP|2023-06-05",
			"Phạm Thị Ân||2024-08-01",
		}, []string{"type-error@F6"}},
		{"signature block ends the table", [][]any{
			headerRow,
			{1, "Nguyễn Văn An", "Cá nhân", "", "Xã An Đồng", "Hội Nông dân", "Giấy khen", "", "12/QĐ-UBND", "02/03/2021"},
			{},
			{nil, "NGƯỜI LẬP BIỂU", nil, nil, nil, nil, nil, "KT. GIÁM ĐỐC"},
			{nil, nil, nil, nil, nil, nil, nil, "PHÓ GIÁM ĐỐC"},
			{nil, "(Ký, ghi rõ họ tên)"},
			{nil, "Trần Thị Thu Hà", nil, nil, nil, nil, nil, "Nguyễn Văn Minh"},
		}, []string{"Nguyễn Văn An|12/QĐ-UBND|2021-03-02"}, nil},
		{"organisation named Cộng đồng is not a total line", [][]any{
			headerRow,
			{1, "Cộng đồng dân cư thôn Đông", "Tập thể", "", "Xã An Đồng", "Khác", "Giấy khen", "", "", "02/03/2021"},
			{2, "Tổng đội thanh niên xung phong", "Tập thể", "", "Quận Hải An", "Đoàn Thanh niên", "Giấy khen", "", "", "02/03/2021"},
		}, []string{"Cộng đồng dân cư thôn Đông||2021-03-02", "Tổng đội thanh niên xung phong||2021-03-02"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ro := ReadBytes("ds.xlsx", book(t, "DS", tt.rows), lists, now)
			if got := codes(ro.Findings); !slices.Equal(got, tt.codes) {
				t.Errorf("findings %v, want %v\n%s", got, tt.codes, strings.Join(messages(ro.Findings), "\n"))
			}
			var got []string
			for _, e := range ro.Entries {
				got = append(got, entry(e))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("entries\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

// TestHiddenSheetRoster: a roster only on a hidden sheet is refused naming
// that sheet, and nothing of it is kept.
func TestHiddenSheetRoster(t *testing.T) {
	f, err := excelize.OpenReader(bytes.NewReader(book(t, "DS", [][]any{
		{"STT", "Họ và tên", "Loại", "Tổ chức", "Hình thức", "Ngày quyết định"},
		{1, "Nguyễn Văn An", "Cá nhân", "Hội Nông dân", "Giấy khen", "02/03/2024"},
	})))
	if err != nil {
		t.Fatal(err)
	}
	cover, err := f.NewSheet("Bìa")
	if err != nil {
		t.Fatal(err)
	}
	f.SetActiveSheet(cover) // excelize does not hide the active sheet
	if err := f.SetSheetVisible("DS", false); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	ro := ReadBytes("ds.xlsx", buf.Bytes(), lists, now)
	if len(ro.Findings) != 1 || ro.Findings[0].Code != finding.NoTable || !strings.Contains(ro.Findings[0].Text.VI, `trang tính đang ẩn "DS"`) || len(ro.Entries) != 0 {
		t.Errorf("findings %+v, %d entries", ro.Findings, len(ro.Entries))
	}
}

// TestNumberedNameAlone: a row of a numbered name alone ("6 | Phạm Văn
// Bình") is a nominee with its fields missing, not a title passed over.
func TestNumberedNameAlone(t *testing.T) {
	rows := append(standard(), []any{6, "Phạm Văn Bình"})
	ro := ReadBytes("ds.xlsx", book(t, "DS", rows), lists, now)
	if len(ro.Findings) == 0 || len(ro.Entries) != 5 {
		t.Errorf("findings %v, %d entries; want row 11 refused for its missing fields", codes(ro.Findings), len(ro.Entries))
	}
	for _, f := range ro.Findings {
		if f.Row != 11 {
			t.Errorf("finding at row %d: %s", f.Row, f.Text.VI)
		}
	}
}
