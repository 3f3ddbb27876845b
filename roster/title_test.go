package roster

import (
	"slices"
	"testing"

	"github.com/tongket/tongket/xlsx"
)

// lines are rows of text cells, each row's cells from column A.
func lines(rows ...[]string) []xlsx.Row {
	var out []xlsx.Row
	for i, r := range rows {
		row := xlsx.Row{Num: i + 1}
		for j, s := range r {
			if s != "" {
				row.Cells = append(row.Cells, xlsx.Cell{Col: j + 1, Ref: xlsx.ColumnName(j+1) + "1", Kind: xlsx.Text, Value: s})
			}
		}
		out = append(out, row)
	}
	return out
}

func TestTitleLines(t *testing.T) {
	tests := []struct {
		name  string
		rows  []xlsx.Row
		years [2]int
		unit  string
		kind  string
	}{
		{"agency block, motto, date line, title, period",
			lines([]string{"CÔNG AN THÀNH PHỐ HẢI PHÒNG", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"},
				[]string{"PHÒNG THAM MƯU", "", "Độc lập - Tự do - Hạnh phúc"},
				[]string{"", "", "Hải Phòng, ngày 20 tháng 11 năm 2024"},
				[]string{"DANH SÁCH TẬP THỂ, CÁ NHÂN KHEN THƯỞNG"},
				[]string{"GIAI ĐOẠN 2019 - 2024"}),
			[2]int{2019, 2024}, "CÔNG AN THÀNH PHỐ HẢI PHÒNG – PHÒNG THAM MƯU", ""},
		{"a date line with the day left blank claims nothing",
			lines([]string{"UBND XÃ AN ĐỒNG", "Hải Phòng, ngày      tháng 12 năm 2024"},
				[]string{"DANH SÁCH CÁ NHÂN ĐỀ NGHỊ KHEN THƯỞNG GIAI ĐOẠN 2019-2024"}),
			[2]int{2019, 2024}, "UBND XÃ AN ĐỒNG", Individual},
		{"a date line with day and month blank",
			lines([]string{"An Đồng, ngày ... tháng ... năm 2024"}, []string{"DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG"}),
			[2]int{}, "", ""},
		{"a title naming two periods claims both",
			lines([]string{"DANH SÁCH KHEN THƯỞNG NĂM 2024 VÀ TỔNG KẾT GIAI ĐOẠN 2019 - 2024"}),
			[2]int{2019, 2024}, "", ""},
		{"10 and 5 years",
			lines([]string{"TỔNG KẾT 10 NĂM (2013-2023) VÀ 5 NĂM (2019-2024)"}),
			[2]int{2013, 2024}, "", ""},
		{"a unit line wins over the agency block",
			lines([]string{"UBND HUYỆN AN DƯƠNG"}, []string{"Đơn vị: Xã An Hồng"}, []string{"Đơn vị tính: người"},
				[]string{"DANH SÁCH TẬP THỂ ĐỀ NGHỊ KHEN THƯỞNG NĂM 2023"}),
			[2]int{2023, 2023}, "Xã An Hồng", Collective},
		{"an attachment note and a document number are neither",
			lines([]string{"Số: 12/DS-UBND"}, []string{"(Kèm theo Tờ trình số 15/TTr-UBND ngày 01/08/2024)"},
				[]string{"DANH SÁCH KHEN THƯỞNG"}),
			[2]int{}, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var tl titleLines
			for _, r := range tt.rows {
				tl.scan(r)
			}
			if tl.years() != tt.years || tl.unit() != tt.unit || tl.kind() != tt.kind {
				t.Errorf("years %v unit %q kind %q; want %v %q %q", tl.years(), tl.unit(), tl.kind(), tt.years, tt.unit, tt.kind)
			}
		})
	}
}

// TestHeadingKey: the heading leaves out what changes between a roster and
// its correction (the date line, the years) and keeps what tells two
// communes apart.
func TestHeadingKey(t *testing.T) {
	key := func(rows ...[]string) string {
		var tl titleLines
		for _, r := range lines(rows...) {
			tl.scan(r)
		}
		return tl.key()
	}
	a := key([]string{"UBND XÃ AN ĐỒNG", "Hải Phòng, ngày 20 tháng 11 năm 2024"}, []string{"DANH SÁCH KHEN THƯỞNG NĂM 2024"})
	fix := key([]string{"UBND Xã An Đồng", "Hải Phòng, ngày 05 tháng 12 năm 2024"}, []string{"DANH SÁCH KHEN THƯỞNG NĂM 2024"})
	b := key([]string{"UBND XÃ ĐÔNG XUÂN", "Hải Phòng, ngày 20 tháng 11 năm 2024"}, []string{"DANH SÁCH KHEN THƯỞNG NĂM 2024"})
	if a != fix || a == b || a != "ubnd xã an đồng | danh sách khen thưởng" {
		t.Errorf("a %q, its correction %q, another commune %q", a, fix, b)
	}
}

func TestSheetKind(t *testing.T) {
	for name, want := range map[string]string{
		"Tập thể": Collective, "DS cá nhân": Individual, "2. Ca nhan": Individual, "Danh sách tập thể": Collective,
		"Danh sách": "", "Sheet1": "", "Tập thể, cá nhân": "",
	} {
		if got := sheetKind(name); got != want {
			t.Errorf("sheetKind(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestIdentitySame(t *testing.T) {
	base := Identity{Name: "DS.xlsx", Heading: "ubnd xã an đồng", Folder: "inbox", Years: [2]int{2024, 2024}}
	with := func(f func(*Identity)) Identity { i := base; f(&i); return i }
	noHeading := with(func(i *Identity) { i.Heading = "" })
	tests := []struct {
		a, b Identity
		same bool
	}{
		{base, base, true},
		{base, with(func(i *Identity) { i.Folder = "sua" }), true}, // the title lines tell the unit
		{base, with(func(i *Identity) { i.Heading = "ubnd xã đông xuân" }), false},
		{base, with(func(i *Identity) { i.Name = "DS (sua).xlsx" }), false},
		{base, with(func(i *Identity) { i.Years = [2]int{2023, 2023} }), false},
		{noHeading, noHeading, true},
		{noHeading, with(func(i *Identity) { i.Heading, i.Folder = "", "xa-dong-xuan" }), false}, // the folder tells the unit
		{noHeading, base, false},
		{Identity{Name: "DS.xlsx"}, noHeading, false}, // stored before the unit was kept
	}
	for _, tt := range tests {
		if got := tt.a.Same(tt.b); got != tt.same || tt.b.Same(tt.a) != got {
			t.Errorf("%+v same as %+v: %v, want %v (both ways)", tt.a, tt.b, got, tt.same)
		}
	}
}

func TestRowList(t *testing.T) {
	for _, tt := range []struct {
		rows []int
		want string
	}{
		{[]int{6, 7, 8, 9, 12}, "6–9, 12"},
		{[]int{5}, "5"},
		{[]int{1, 3, 5, 7, 9, 11, 13, 15, 17, 19}, "1, 3, 5, 7, 9, 11, 13, 15, …"},
	} {
		if got := rowList(tt.rows); got != tt.want {
			t.Errorf("rowList(%v) = %q, want %q", tt.rows, got, tt.want)
		}
	}
}

// FuzzTitleLine: any line above a table gives no panic, and years that
// are none or a period from ≤ to in range.
func FuzzTitleLine(f *testing.F) {
	for _, s := range []string{"DANH SÁCH KHEN THƯỞNG NĂM 2024 VÀ GIAI ĐOẠN 2019 - 2024", "Hải Phòng, ngày   tháng 12 năm 2024",
		"Đơn vị: Xã An Hồng", "(2019 - 2024)", "từ năm 2019 đến năm 2024", "năm 1944-2300"} {
		f.Add(s, "")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		var tl titleLines
		for _, r := range lines([]string{a, b}, []string{b}) {
			tl.scan(r)
		}
		y := tl.years()
		if y != [2]int{} && (y[0] > y[1] || y[0] < 1945 || y[1] >= 2200) {
			t.Fatalf("years %v from %q, %q", y, a, b)
		}
		if k := tl.kind(); !slices.Contains([]string{"", Collective, Individual}, k) {
			t.Fatalf("kind %q", k)
		}
	})
}
