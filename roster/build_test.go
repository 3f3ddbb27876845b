package roster

import (
	"bytes"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tongket/tongket/internal/goldenfile"
	"github.com/tongket/tongket/lang"
)

func ent(kind, org, form, name, unit string, y, m, d int) Entry {
	return Entry{Name: name, Kind: kind, Organisation: org, Form: form, Unit: unit, DecisionDate: day(y, m, d)}
}

// sample is a small mixed roster, out of order.
func sample() []Entry {
	return []Entry{
		ent(Individual, "Hội Nông dân", "Giấy khen", "Vũ Minh Đức", "Xã An Đồng", 2022, 5, 4),
		ent(Individual, "Hội Nông dân", "Bằng khen", "Hoàng Văn Dung", "Xã An Hồng", 2024, 8, 1),
		ent(Collective, "Khác", "Giấy khen", "Trường THCS Lê Lợi", "Quận Ngô Quyền", 2021, 1, 2),
		ent(Individual, "Công an", "Giấy khen", "Lê Văn Ăn", "Phường Cát Dài", 2020, 11, 20),
		ent(Individual, "Công an", "Giấy khen", "Trần Thị Ánh", "Phường Lạch Tray", 2019, 9, 5),
		ent(Individual, "Công an", "Giấy khen", "Phạm Thị Ân", "Phường Lạch Tray", 2019, 9, 5),
		ent(Individual, "Công an", "Giấy khen", "Nguyễn Văn An", "Phường Lạch Tray", 2023, 3, 3),
		ent(Collective, "hội nông dân", "giấy khen", "Chi hội Nông dân thôn Đông", "Xã An Đồng", 2021, 3, 2),
		ent(Collective, "Hội Nông dân", "Giấy khen", "Chi hội Nông dân thôn Bắc", "Xã An Đồng", 2021, 3, 2),
		ent(Collective, "Công an", "Bằng khen", "Công an phường Lạch Tray", "Quận Lê Chân", 2024, 8, 1),
		ent(Individual, "Hội Người cao tuổi", "Biểu dương", "Đỗ Văn Bảo", "Xã Đặng Cương", 2020, 6, 6),
		ent(Individual, "Đoàn Thanh niên", "Biểu dương", "Âu Thị Yến", "Phường Cát Dài", 2023, 3, 26),
		ent(Individual, "Công an", "Giấy khen", "Ngô Văn Cũ", "Phường Cát Dài", 2018, 12, 31), // before the period
		ent(Individual, "Công an", "Giấy khen", "Ngô Văn Mới", "Phường Cát Dài", 2025, 1, 1),  // after it
	}
}

// outline is an export as "kind/organisation: stt name, …" lines.
func outline(e Export) []string {
	var out []string
	for _, g := range e.Groups {
		var names []string
		for _, n := range g.Entries {
			names = append(names, fmt.Sprintf("%d %s", n.STT, n.Name))
		}
		out = append(out, g.Kind+"/"+g.Organisation+": "+strings.Join(names, ", "))
	}
	return out
}

func TestBuildOrder(t *testing.T) {
	ex := Build(sample(), lists, 2019, 2024, "", "")
	want := []string{
		"Tập thể/Công an: 1 Công an phường Lạch Tray",
		"Tập thể/Hội Nông dân: 2 Chi hội Nông dân thôn Bắc, 3 Chi hội Nông dân thôn Đông",
		"Tập thể/Khác: 4 Trường THCS Lê Lợi",
		"Cá nhân/Công an: 1 Nguyễn Văn An, 2 Trần Thị Ánh, 3 Lê Văn Ăn, 4 Phạm Thị Ân",
		"Cá nhân/Hội Nông dân: 5 Hoàng Văn Dung, 6 Vũ Minh Đức",
		"Cá nhân/Đoàn Thanh niên: 7 Âu Thị Yến",
		"Cá nhân/Hội Người cao tuổi: 8 Đỗ Văn Bảo", // not in the list: after it, before Khác
	}
	if got := outline(ex); !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if ex.Period.From != 2019 || ex.Period.To != 2024 {
		t.Errorf("period %+v", ex.Period)
	}
	// The stored spelling is made canonical.
	if g := ex.Groups[1]; g.Entries[1].Form != "Giấy khen" || g.Entries[1].Organisation != "Hội Nông dân" {
		t.Errorf("not canonical: %+v", g.Entries[1])
	}
	if d := ex.Groups[0].Entries[0].Date; d != "2024-08-01" {
		t.Errorf("Date %q", d)
	}
	c := ex.Counts
	if c.Total != 12 || c.ByKind[Collective] != 4 || c.ByKind[Individual] != 8 ||
		c.ByOrganisation["Công an"] != 5 || c.ByOrganisation["Hội Nông dân"] != 4 ||
		c.ByForm["Giấy khen"] != 8 || c.ByForm["Bằng khen"] != 2 || c.ByForm["Biểu dương"] != 2 {
		t.Errorf("counts %+v", c)
	}
	var orgs []string
	for _, r := range ex.Table {
		orgs = append(orgs, fmt.Sprintf("%s %d %v", r.Organisation, r.Total, r.ByKindForm))
	}
	wantTable := []string{
		"Công an 5 map[Cá nhân:map[Giấy khen:4] Tập thể:map[Bằng khen:1]]",
		"Hội Nông dân 4 map[Cá nhân:map[Bằng khen:1 Giấy khen:1] Tập thể:map[Giấy khen:2]]",
		"Đoàn Thanh niên 1 map[Cá nhân:map[Biểu dương:1]]",
		"Hội Người cao tuổi 1 map[Cá nhân:map[Biểu dương:1]]",
		"Khác 1 map[Tập thể:map[Giấy khen:1]]",
	}
	if !slices.Equal(orgs, wantTable) {
		t.Errorf("table\n%s", strings.Join(orgs, "\n"))
	}
}

func TestBuildFilters(t *testing.T) {
	tests := []struct {
		from, to   int
		form, org  string
		total      int
		from2, to2 int
	}{
		{2019, 2024, "", "", 12, 2019, 2024},
		{0, 0, "", "", 14, 2018, 2025},
		{2019, 2019, "", "", 2, 2019, 2019},
		{2019, 2024, "giấy  khen", "", 8, 2019, 2024},
		{2019, 2024, "", "CÔNG AN", 5, 2019, 2024},
		{2019, 2024, "Bằng khen", "Công an", 1, 2019, 2024},
		{2030, 2035, "", "", 0, 2030, 2035},
	}
	for _, tt := range tests {
		ex := Build(sample(), lists, tt.from, tt.to, tt.form, tt.org)
		if ex.Counts.Total != tt.total || ex.Period.From != tt.from2 || ex.Period.To != tt.to2 {
			t.Errorf("%+v: total %d period %+v", tt, ex.Counts.Total, ex.Period)
		}
		n := 0
		for _, g := range ex.Groups {
			n += len(g.Entries)
		}
		if n != tt.total {
			t.Errorf("%+v: %d entries in groups", tt, n)
		}
	}
}

// many makes n entries of one kind, organisation and form.
func many(kind, org, form string, n int) []Entry {
	var out []Entry
	for i := range n {
		out = append(out, ent(kind, org, form, fmt.Sprintf("Nguyễn Văn %s %d", org, i), "Xã An Đồng", 2022, 1, 1))
	}
	return out
}

func TestCountsLine(t *testing.T) {
	var report []Entry // 118: 31 tập thể, 87 cá nhân
	report = append(report, many(Collective, "Hội Cựu chiến binh", "Giấy khen", 10)...)
	report = append(report, many(Individual, "Hội Cựu chiến binh", "Bằng khen", 10)...)
	report = append(report, many(Individual, "Hội Cựu chiến binh", "Giấy khen", 34)...)
	report = append(report, many(Collective, "Hội Liên hiệp Phụ nữ", "Giấy khen", 8)...)
	report = append(report, many(Individual, "Hội Liên hiệp Phụ nữ", "Giấy khen", 20)...)
	report = append(report, many(Collective, "Hội Nông dân", "Giấy khen", 13)...)
	report = append(report, many(Individual, "Hội Nông dân", "Giấy khen", 23)...)

	var all []Entry
	all = append(all, many(Individual, "Công an", "Bằng khen", 3)...)
	all = append(all, many(Collective, "Mặt trận Tổ quốc", "Giấy khen", 2)...)
	all = append(all, many(Individual, "Mặt trận Tổ quốc", "Giấy khen", 1)...)
	all = append(all, many(Individual, "Đoàn Thanh niên", "Biểu dương", 4)...)
	all = append(all, many(Collective, "Đoàn Thanh niên", "Biểu dương", 1)...)
	all = append(all, many(Individual, "Hội Người cao tuổi", "Biểu dương", 2)...)
	all = append(all, many(Individual, "Ban Bảo vệ dân phố", "Giấy khen", 1)...)
	all = append(all, many(Individual, "Khác", "Giấy khen", 1)...)
	all = append(all, many(Collective, "Khác", "Giấy khen", 1)...)

	tests := []struct {
		name    string
		entries []Entry
		want    string
	}{
		{"report", report, "118 gương điển hình tiên tiến, trong đó: 31 tập thể, 87 cá nhân; " +
			"54 tập thể và hội viên Hội Cựu chiến binh, 28 tập thể và hội viên Hội Liên hiệp Phụ nữ, 36 tập thể và hội viên Hội Nông dân; " +
			"10 Bằng khen, 108 Giấy khen"},
		{"one form, individuals only", report[10:54], "44 gương điển hình tiên tiến, trong đó: 44 cá nhân; 44 hội viên Hội Cựu chiến binh; 10 Bằng khen, 34 Giấy khen"},
		{"one form", report[20:54], "34 gương điển hình tiên tiến, trong đó: 34 cá nhân; 34 hội viên Hội Cựu chiến binh"},
		{"collectives only", report[:10], "10 gương điển hình tiên tiến, trong đó: 10 tập thể; 10 tập thể Hội Cựu chiến binh"},
		{"every organisation", all, "16 gương điển hình tiên tiến, trong đó: 4 tập thể, 12 cá nhân; " +
			"3 cán bộ, chiến sĩ Công an, 3 tập thể và cán bộ Mặt trận, 5 tập thể và đoàn viên thanh niên, " +
			"1 cá nhân thuộc Ban Bảo vệ dân phố, 2 hội viên Hội Người cao tuổi, 2 cá nhân, tập thể khác; 3 Bằng khen, 6 Giấy khen, 7 Biểu dương"},
		{"thousands", many(Individual, "Công an", "Giấy khen", 1234), "1.234 gương điển hình tiên tiến, trong đó: 1.234 cá nhân; 1.234 cán bộ, chiến sĩ Công an"},
		{"none", nil, "Chưa có tập thể, cá nhân nào được khen thưởng"},
	}
	for _, tt := range tests {
		if got := Build(tt.entries, lists, 0, 0, "", "").Line; got != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.name, got, tt.want)
		}
	}
	// The same counts in English, for --lang en; the names stay.
	for _, tt := range []struct {
		name    string
		entries []Entry
		want    string
	}{
		{"report", report, "118 commended, of whom 31 collectives, 87 individuals; " +
			"by organisation: 54 Hội Cựu chiến binh, 28 Hội Liên hiệp Phụ nữ, 36 Hội Nông dân; by form: 10 Bằng khen, 108 Giấy khen"},
		{"one form", report[20:54], "34 commended, of whom 34 individuals; by organisation: 34 Hội Cựu chiến binh"},
		{"thousands", many(Individual, "Công an", "Giấy khen", 1234), "1.234 commended, of whom 1.234 individuals; by organisation: 1.234 Công an"},
		{"none", nil, "No collective or person commended"},
	} {
		e := Build(tt.entries, lists, 0, 0, "", "")
		if got := e.LineIn(lang.EN); got != tt.want || e.LineIn(lang.VI) != e.Line {
			t.Errorf("%s in English:\n got %s\nwant %s", tt.name, got, tt.want)
		}
	}
}

func TestWriteJSONGolden(t *testing.T) {
	ex := Build(sample(), lists, 2019, 2024, "", "")
	ex.Groups[0].Entries[0].Position = "Trưởng Công an phường"
	ex.Groups[0].Entries[0].Authority = "Chủ tịch UBND thành phố"
	ex.Groups[0].Entries[0].DecisionNumber = "123/QĐ-UBND"
	ex.Groups[0].Entries[0].Achievement = "Có thành tích xuất sắc trong phong trào \"Toàn dân bảo vệ an ninh Tổ quốc\" <2024> & khác"
	var buf bytes.Buffer
	if err := WriteJSON(&buf, ex); err != nil {
		t.Fatal(err)
	}
	goldenfile.Check(t, filepath.Join("testdata", "export.json"), buf.Bytes())
	// Keys of an entry in the order of FORMATS.md §4.
	s := buf.String()
	keys := []string{`"period"`, `"from"`, `"to"`, `"groups"`, `"kind"`, `"organisation"`, `"entries"`,
		`"stt"`, `"name"`, `"position"`, `"unit"`, `"form"`, `"authority"`, `"decision_number"`,
		`"decision_date"`, `"achievement"`, `"counts"`, `"total"`, `"by_kind"`, `"by_organisation"`, `"by_form"`}
	at := 0
	for _, k := range keys {
		i := strings.Index(s[at:], k)
		if i < 0 {
			t.Fatalf("key %s missing or out of order", k)
		}
		at += i
	}
	for _, k := range []string{`"Kind"`, `"File"`, `"Row"`, `"Table"`, `"Line"`, `"organisation": "Công an", "name"`} {
		if strings.Contains(s, k) {
			t.Errorf("JSON holds %s", k)
		}
	}
}

func TestWriteJSONEmpty(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteJSON(&buf, Export{}); err != nil {
		t.Fatal(err)
	}
	want := `{
  "period": {
    "from": 0,
    "to": 0
  },
  "groups": [],
  "counts": {
    "total": 0,
    "by_kind": {},
    "by_organisation": {},
    "by_form": {}
  }
}
`
	if buf.String() != want {
		t.Errorf("got\n%s", buf.String())
	}
}
