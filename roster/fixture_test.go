package roster

import (
	"os"
	"slices"
	"strings"
	"testing"
)

// TestOpenpyxlFixture reads a roster written by openpyxl the way officers
// write them (see testdata/gen.py).
func TestOpenpyxlFixture(t *testing.T) {
	ro := Read("testdata/openpyxl.xlsx", lists, now)
	if !ro.Valid() {
		t.Fatalf("refused: %v", messages(ro.Findings))
	}
	if ro.Sheet != "Danh sách" || ro.Years != [2]int{2019, 2024} || ro.Size == 0 {
		t.Errorf("sheet %q years %v size %d", ro.Sheet, ro.Years, ro.Size)
	}
	type row struct {
		name, kind, org, form, date string
		line                        int
	}
	var got []row
	for _, e := range ro.Entries {
		got = append(got, row{e.Name, e.Kind, e.Organisation, e.Form, e.DecisionDate.Format("2006-01-02"), e.Row})
	}
	want := []row{
		{"Chi hội Cựu chiến binh phường Cát Dài", Collective, "Hội Cựu chiến binh", "Giấy khen", "2021-03-02", 8},
		{"Ban Công tác Mặt trận khu dân cư số 3", Collective, "Mặt trận Tổ quốc", "Bằng khen", "2019-09-05", 9},
		{"Nguyễn Thị Thuý", Individual, "Hội Liên hiệp Phụ nữ", "Bằng khen", "2024-08-01", 11}, // NFC now
		{"Lê Văn Hoà", Individual, "Hội Cựu chiến binh", "Giấy khen", "2022-06-01", 12},
		{"Phạm Văn Đức", Individual, "Công an", "Giấy khen", "2023-12-15", 13}, // =DATE() calculated
		{`=HYPERLINK("x")`, Individual, "Khác", "Biểu dương", "2020-11-20", 14},
		{"Vũ Thị Ân", Individual, "Đoàn Thanh niên", "Biểu dương", "2020-03-26", 15},
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%v\nwant\n%v", got, want)
	}
	e := ro.Entries[2]
	if e.Position != "Chi hội trưởng" || e.Unit != "Phường Dư Hàng Kênh" || e.DecisionNumber != "123/QĐ-UBND" ||
		e.Authority != "Chủ tịch UBND thành phố" || e.Achievement != "Vận động 20 hộ lắp camera" {
		t.Errorf("fields %+v", e)
	}
}

func TestOpenpyxlRefused(t *testing.T) {
	ro := Read("testdata/openpyxl-loi.xlsx", lists, now)
	want := []string{"constraint-error@B5", "constraint-error@G6", "duplicate-row@B8", "type-error@J7", "year-out-of-range@J9"}
	if got := codes(ro.Findings); !slices.Equal(got, want) {
		t.Errorf("got %v\nwant %v\n%v", got, want, messages(ro.Findings))
	}
	if ro.Years != [2]int{2024, 2024} || ro.Valid() {
		t.Errorf("years %v valid %v", ro.Years, ro.Valid())
	}
}

// TestDemoRosters reads the bundled demo rosters: the big one is accepted,
// the one with mistakes refused for each of them.
func TestDemoRosters(t *testing.T) {
	const good, bad = "../demo/rosters/khen-thuong-2019-2024.xlsx", "../demo/rosters/khen-thuong-loi.xlsx"
	if _, err := os.Stat(good); err != nil {
		t.Skip("no demo rosters")
	}
	ro := Read(good, lists, now)
	if !ro.Valid() {
		t.Fatalf("demo roster refused: %v", messages(ro.Findings))
	}
	if n := len(ro.Entries); n < 60 || n > 120 {
		t.Errorf("%d entries", n)
	}
	ex := Build(ro.Entries, lists, 2019, 2024, "", "")
	if ex.Counts.Total != len(ro.Entries) || len(ex.Counts.ByKind) != 2 || len(ex.Counts.ByOrganisation) != 7 || len(ex.Counts.ByForm) != 3 {
		t.Errorf("counts %+v", ex.Counts)
	}
	// The README quotes the counts line.
	if readme, err := os.ReadFile("../demo/rosters/README.md"); err == nil && !strings.Contains(string(readme), ex.Line) {
		t.Errorf("demo/rosters/README.md does not quote the counts line:\n%s", ex.Line)
	}
	ro = Read(bad, lists, now)
	want := []string{"constraint-error@B11", "constraint-error@G12", "duplicate-row@B15", "type-error@J13"}
	if got := codes(ro.Findings); !slices.Equal(got, want) || ro.Valid() {
		t.Errorf("khen-thuong-loi.xlsx: %v, want %v", got, want)
	}
}
