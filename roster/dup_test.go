package roster

import (
	"slices"
	"strconv"
	"strings"
	"testing"
)

// fiveYears puts a year in the review periods 2013–2018 and 2019–2024.
func fiveYears(y int) (int, int) {
	if y >= 2019 {
		return 2019, 2024
	}
	return 2013, 2018
}

func TestDuplicatesAcrossFiles(t *testing.T) {
	a := ReadBytes("a.xlsx", book(t, "DS", [][]any{
		{"DANH SÁCH KHEN THƯỞNG NĂM 2024"},
		headerRow,
		{1, "Nguyễn Văn An", "Cá nhân", "", "Xã Đông Xuân", "Hội Nông dân", "Bằng khen", "", "123/QĐ-UBND", day(2024, 8, 1)},
		{2, "Trần Thị Ánh", "Cá nhân", "", "Phường Lạch Tray", "Công an", "Giấy khen", "", "", day(2024, 2, 1)},
		{3, "Chi hội Nông dân thôn Đông", "Tập thể", "", "Xã An Đồng", "Hội Nông dân", "Giấy khen", "", "", day(2024, 3, 2)},
	}), lists, now)
	b := ReadBytes("b.xlsx", book(t, "Sheet1", [][]any{
		headerRow,
		{1, "NGUYỄN  VĂN AN", "Cá nhân", "", "X. Đông Xuân", "Hội Nông dân", "bằng khen", "", "", "05/05/2021"}, // same award, same period
		{2, "Nguyễn Văn An", "Cá nhân", "", "Xã Đông Xuân", "Hội Nông dân", "Giấy khen", "", "", "05/05/2021"},  // other form
		{3, "Trần Thị Ánh", "Cá nhân", "", "Phường Lạch Tray", "Công an", "Giấy khen", "", "", "01/02/2018"},    // other period
		{4, "Trần Thị Ánh", "Cá nhân", "", "Phường Cát Dài", "Công an", "Giấy khen", "", "", "01/02/2024"},      // other unit
		{5, "Chi hội Nông dân thôn Đông", "Tập thể", "", "Xã An Đồng", "Hội Nông dân", "Giấy khen", "", "", day(2019, 1, 1)},
	}), lists, now)
	c := ReadBytes("c.xlsx", book(t, "DS", [][]any{
		headerRow,
		{1, "Nguyễn Văn An", "Cá nhân", "", "Xã Đông Xuân", "Hội Nông dân", "Giấy khen", "", "", "06/06/2022"}, // repeats b row 3
	}), lists, now)
	for _, r := range []*Roster{a, b, c} {
		if !r.Valid() {
			t.Fatalf("%s: %v", r.File, messages(r.Findings))
		}
	}

	// a is stored; b and c come in one batch.
	incoming := append(slices.Clone(b.Entries), c.Entries...)
	dups := Duplicates(a.Entries, incoming, fiveYears)
	var got []string
	for _, d := range dups {
		got = append(got, d.Entry.File+":"+strconv.Itoa(d.Entry.Row)+" repeats "+d.Earlier.File+":"+strconv.Itoa(d.Earlier.Row))
	}
	want := []string{"b.xlsx:2 repeats a.xlsx:3", "b.xlsx:6 repeats a.xlsx:5", "c.xlsx:2 repeats b.xlsx:3"}
	if !slices.Equal(got, want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	f := dups[0].Finding
	if f.Code != "duplicate-row" || f.Sheet != "Sheet1" || f.Row != 2 || f.Value != "NGUYỄN VĂN AN" {
		t.Errorf("finding %+v", f)
	}
	for _, part := range []string{"Dòng 2", "Bằng khen", "giai đoạn 2019–2024", "tệp a.xlsx, trang DS, ô B3", "123/QĐ-UBND ngày 01/08/2024"} {
		if !strings.Contains(f.Text.VI, part) {
			t.Errorf("message lacks %q: %s", part, f.Text.VI)
		}
	}
	if !strings.Contains(f.Text.EN, "file a.xlsx, sheet DS, cell B3") {
		t.Errorf("EN: %s", f.Text.EN)
	}

	// Without periods, every repeat counts: b row 4 (2018) repeats a row 3.
	if n := len(Duplicates(a.Entries, incoming, nil)); n != 4 {
		t.Errorf("nil period: %d duplicates, want 4", n)
	}
	// A file sent again is not its own duplicate; within one sheet the
	// reader reports repeats.
	if d := Duplicates(nil, append(slices.Clone(a.Entries), a.Entries...), fiveYears); len(d) != 0 {
		t.Errorf("same sheet: %v", d)
	}
	if d := Duplicates(a.Entries, a.Entries, fiveYears); len(d) != 3 {
		t.Errorf("stored again: %d, want 3", len(d))
	}
}
