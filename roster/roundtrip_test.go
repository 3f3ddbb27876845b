package roster_test

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tongket/tongket/report"
	"github.com/tongket/tongket/roster"
)

var (
	rtLists = roster.Lists{
		Organisations: []string{"Công an", "Mặt trận Tổ quốc", "Hội Cựu chiến binh", "Hội Liên hiệp Phụ nữ", "Hội Nông dân", "Đoàn Thanh niên", "Khác"},
		Forms:         []string{"Bằng khen", "Giấy khen", "Biểu dương"},
	}
	rtNow = time.Date(2024, 12, 31, 9, 0, 0, 0, time.UTC)
)

func rtDay(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// printed is an export's entries in print order as a person reads them:
// every field, the group's kind and organisation.
func printed(ex roster.Export) []string {
	var out []string
	for _, g := range ex.Groups {
		for _, n := range g.Entries {
			out = append(out, strings.Join([]string{g.Kind, g.Organisation, n.Name, n.Position, n.Unit, n.Form,
				n.Authority, n.DecisionNumber, n.DecisionDate.Format("2006-01-02"), n.Achievement}, " | "))
		}
	}
	return out
}

// TestRoundTrip: every roster tongket writes as a workbook (awards export
// --format xlsx), read again, is the same roster entry for entry, in the
// same print order with the same counts (FORMATS.md §4.1).
func TestRoundTrip(t *testing.T) {
	demo := roster.Read("../demo/rosters/khen-thuong-2019-2024.xlsx", rtLists, rtNow)
	if !demo.Valid() || len(demo.Entries) != 92 {
		t.Fatalf("demo roster: %d entries, %v", len(demo.Entries), demo.Findings)
	}
	merged := roster.Read("testdata/gop-o.xlsx", rtLists, rtNow)
	person := func(name, org, form string, d time.Time) roster.Entry {
		return roster.Entry{Name: name, Kind: roster.Individual, Organisation: org, Form: form, DecisionDate: d,
			Authority: "Chủ tịch UBND quận", DecisionNumber: "12/QĐ-UBND", Unit: "Phường Lạch Tray"}
	}
	edge := []roster.Entry{
		// A household and its head, of one name; a name that looks like a
		// formula; no number, position or unit; an achievement on two
		// lines; a collective named like an organisation.
		{Name: "Nguyễn Văn An", Kind: roster.Collective, Organisation: "Khác", Form: "Giấy khen", DecisionDate: rtDay(2024, 2, 1), Unit: "Xã An Đồng"},
		person("Nguyễn Văn An", "Hội Nông dân", "Giấy khen", rtDay(2024, 2, 1)),
		person(`=HYPERLINK("http://x","Lê Văn Ăn")`, "Công an", "Biểu dương", rtDay(2021, 12, 31)),
		{Name: "Trần Thị Mai", Kind: roster.Individual, Organisation: "Hội Liên hiệp Phụ nữ", Form: "Bằng khen", DecisionDate: rtDay(2019, 1, 1),
			Achievement: "Vận động 20 hộ lắp camera;\nhòa giải 3 vụ mâu thuẫn"},
		{Name: "Hội Nông dân", Kind: roster.Collective, Organisation: "Hội Nông dân", Form: "Bằng khen", DecisionDate: rtDay(2020, 10, 14),
			Authority: "Bộ trưởng Bộ Công an", DecisionNumber: "8123/QĐ-BCA", Unit: "Xã An Đồng"},
		{Name: "ĐỘI DÂN PHÒNG SỐ 3", Kind: roster.Collective, Organisation: "Công an", Form: "Giấy khen", DecisionDate: rtDay(2023, 3, 2),
			DecisionNumber: "1/QĐ", Unit: "Phường Cát Dài"},
	}
	var many []roster.Entry
	for i := range 1200 {
		many = append(many, person(fmt.Sprintf("Người Số %d", i), rtLists.Organisations[i%7], rtLists.Forms[i%3], rtDay(2019+i%6, 1+i%12, 1+i%28)))
	}
	tests := []struct {
		name                 string
		entries              []roster.Entry
		from, to             int
		form, organisation   string
		wantTotal, wantGroup int
	}{
		{"the demo's roster", demo.Entries, 2019, 2024, "", "", 92, 14},
		{"the demo's, one form and organisation", demo.Entries, 2019, 2024, "Giấy khen", "Hội Cựu chiến binh", -1, -1},
		{"the demo's, one year", demo.Entries, 2022, 2022, "", "", -1, -1},
		{"the merged fixture", merged.Entries, 2019, 2024, "", "", 4, 3},
		{"edge cases", edge, 2019, 2024, "", "", len(edge), -1},
		{"individuals only", edge[1:4], 2019, 2024, "", "", 3, 3},
		{"over a thousand (the counts line reads 1.200)", many, 2019, 2024, "", "", 1200, 7},
		{"no one", nil, 2019, 2024, "", "", 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ex := roster.Build(tt.entries, rtLists, tt.from, tt.to, tt.form, tt.organisation)
			if tt.wantTotal >= 0 && ex.Counts.Total != tt.wantTotal || tt.wantGroup >= 0 && len(ex.Groups) != tt.wantGroup {
				t.Fatalf("export of %d in %d groups", ex.Counts.Total, len(ex.Groups))
			}
			var buf bytes.Buffer
			if err := report.WriteRosterWorkbook(&buf, ex, report.Document{Date: rtNow}); err != nil {
				t.Fatal(err)
			}
			back := roster.ReadBytes("khen-thuong.xlsx", buf.Bytes(), rtLists, rtNow)
			if !back.Valid() || len(back.Findings) != 0 {
				t.Fatalf("the written roster read back with findings:\n%s", messagesOf(back))
			}
			if back.Sheet != report.SheetRoster || back.Years != [2]int{tt.from, tt.to} {
				t.Errorf("sheet %q years %v", back.Sheet, back.Years)
			}
			again := roster.Build(back.Entries, rtLists, tt.from, tt.to, "", "")
			if got, want := printed(again), printed(ex); !slices.Equal(got, want) {
				t.Errorf("read back:\n%s\nwritten:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
			if again.Line != ex.Line || again.Counts.Total != ex.Counts.Total {
				t.Errorf("counts line read back %q, written %q", again.Line, ex.Line)
			}
		})
	}
}

func messagesOf(r *roster.Roster) string {
	var b strings.Builder
	for _, f := range r.Findings {
		fmt.Fprintf(&b, "%s@%s: %s\n", f.Code, f.Cell, f.Text.VI)
	}
	return b.String()
}
