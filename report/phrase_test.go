package report

import (
	"strings"
	"testing"

	"github.com/tongket/tongket/lang"
	"github.com/tongket/tongket/summary"
)

// TestApprox: a rounded figure keeps at most one decimal and says which
// side of it the figure lies, as the conferences' reports write it.
func TestApprox(t *testing.T) {
	tests := []struct {
		n    int64
		want string
	}{
		{17980, "gần 18 nghìn"},
		{1834567, "hơn 1,8 triệu"},
		{4123, "hơn 4,1 nghìn"},
		{56896, "gần 57 nghìn"},
		{22859, "gần 23 nghìn"},
		{1577960, "gần 1,6 triệu"},
		{12664, "gần 13 nghìn"},
		{10422, "hơn 10 nghìn"},
		{107900, "gần 108 nghìn"},
		{960854, "gần 961 nghìn"},
		{999600, "gần 1 triệu"}, // not "gần 1.000 nghìn"
		{9980, "gần 10 nghìn"},
		{1044, "hơn 1 nghìn"},
		{18000, "18.000"}, // round already: the figure says it
		{999, "999"},
		{0, "0"},
		{3_712_500_000, "hơn 3,7 tỷ"},
		{2_000_000_000_000, "2.000.000.000.000"},
		{2_345_000_000_000, "hơn 2,3 nghìn tỷ"},
	}
	for _, tt := range tests {
		if got := approxCount(tt.n * 100); got != tt.want {
			t.Errorf("approxCount(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

func TestApproxMoney(t *testing.T) {
	tests := []struct {
		trieu int64 // hundredths of triệu đồng
		want  string
	}{
		{371250, "hơn 3,7 tỷ đồng"},
		{11410685, "hơn 114 tỷ đồng"},
		{11259500, "gần 113 tỷ đồng"},
		{85000, "850 triệu đồng"},
		{1250, "gần 13 triệu đồng"},
		{150, "1,5 triệu đồng"},
		{1234, "hơn 12 triệu đồng"},
		{35, "350 nghìn đồng"},
		{0, "0 triệu đồng"},
		{-500, "-5 triệu đồng"},
		{12000000000, "120 nghìn tỷ đồng"},
	}
	for _, tt := range tests {
		if got := approxMoney(tt.trieu); got != tt.want {
			t.Errorf("approxMoney(%d) = %q, want %q", tt.trieu, got, tt.want)
		}
	}
}

// TestRoundedPhrase: the bracketed rounded form after an exact figure, in
// the sentence's own noun.
func TestRoundedPhrase(t *testing.T) {
	fig := func(h int64, money bool) *Figure { return &Figure{Known: true, Total: summary.Amount(h), Money: money} }
	tests := []struct {
		f    *Figure
		noun string
		want string
	}{
		{fig(5689600, false), "lượt cán bộ", " (gần 57 nghìn lượt cán bộ)"},
		{fig(1798000, false), "buổi", " (gần 18 nghìn buổi)"},
		{fig(412300, false), "tin", " (hơn 4,1 nghìn tin)"},
		{fig(99900, false), "buổi", ""},   // below 1.000: the figure says it
		{fig(1800000, false), "buổi", ""}, // round already
		{fig(371250, true), "", " (hơn 3,7 tỷ đồng)"},
		{fig(85000, true), "", ""}, // 850 triệu đồng exactly
		{fig(5689600, false), "", " (gần 57 nghìn)"},
		{&Figure{}, "buổi", ""},
		{nil, "buổi", ""},
	}
	for _, tt := range tests {
		if got := roundedPhrase(tt.f, tt.noun); got != tt.want {
			t.Errorf("roundedPhrase(%+v, %q) = %q, want %q", tt.f, tt.noun, got, tt.want)
		}
	}
}

// TestComparePhrase: a comparison only where Change allows one; stocks
// compare with the previous period's last year.
func TestComparePhrase(t *testing.T) {
	change := func(c float64) *float64 { return &c }
	prev := func(v int64) *summary.Amount { a := summary.Amount(v); return &a }
	p := summary.Period{From: 2008, To: 2012}
	tests := []struct {
		f    *Figure
		want string
	}{
		{&Figure{Known: true, Total: 112500, Prev: prev(100000), Change: change(0.125), PrevPeriod: p}, ", tăng 12,5% so với giai đoạn 2008–2012"},
		{&Figure{Known: true, Total: 67500, Prev: prev(100000), Change: change(-0.325), PrevPeriod: p}, ", giảm 32,5% so với giai đoạn 2008–2012"},
		{&Figure{Known: true, Total: 390000, Prev: prev(100000), Change: change(2.9), PrevPeriod: p}, ", gấp 3,9 lần so với giai đoạn 2008–2012"},
		{&Figure{Known: true, Total: 95400, Prev: prev(15800), Change: change(5.04), PrevPeriod: p, Stock: true}, ", gấp 6 lần so với năm 2012"},
		{&Figure{Known: true, Total: 100200, Prev: prev(100000), Change: change(0.002), PrevPeriod: p}, ", tương đương so với giai đoạn 2008–2012"},
		// Not comparable: the previous total is kept from the narrative.
		{&Figure{Known: true, Total: 390000, PrevPeriod: p}, ""},
		{&Figure{Known: true, Total: 390000, Prev: prev(100000), PrevPeriod: p}, ""},
		{nil, ""},
	}
	for _, tt := range tests {
		if got := comparePhrase(tt.f); got != tt.want {
			t.Errorf("comparePhrase(%+v) = %q, want %q", tt.f, got, tt.want)
		}
	}
}

func TestLeadingPhrase(t *testing.T) {
	lead := func(ls ...Lead) *Figure { return &Figure{Known: true, UnitsReporting: len(ls) + 5, Leading: ls} }
	tests := []struct {
		f    *Figure
		noun string
		want string
	}{
		{lead(Lead{Name: "Huyện Thủy Nguyên", Value: 280300}, Lead{Name: "Quận Lê Chân", Value: 240900}, Lead{Name: "Quận Hồng Bàng", Value: 227500}), "buổi",
			"dẫn đầu là Huyện Thủy Nguyên với 2.803 buổi, tiếp đến là Quận Lê Chân (2.409) và Quận Hồng Bàng (2.275)"},
		{lead(Lead{Name: "Huyện A", Value: 5000}, Lead{Name: "Huyện B", Value: 4000}), "", "dẫn đầu là Huyện A với 50, tiếp đến là Huyện B (40)"},
		{lead(Lead{Name: "Huyện A", Value: 5000}, Lead{Name: "Huyện B", Value: 0}), "vụ", "dẫn đầu là Huyện A với 50 vụ"},
		{lead(Lead{Name: "Huyện A", Value: 0}), "vụ", ""},
		{&Figure{Known: true, UnitsReporting: 1, Leading: []Lead{{Name: "Huyện A", Value: 100}}}, "vụ", ""}, // one unit leads nobody
		{nil, "vụ", ""},
	}
	for _, tt := range tests {
		if got := leadingPhrase(tt.f, tt.noun); got != tt.want {
			t.Errorf("leadingPhrase = %q, want %q", got, tt.want)
		}
	}
}

func TestCountsText(t *testing.T) {
	if got := countsText([]Count{{"Tập thể", 19}, {"Cá nhân", 53}}); got != "19 tập thể, 53 cá nhân" {
		t.Errorf("kinds: %q", got)
	}
	if got := countsText([]Count{{"Bằng khen", 7}, {"Giấy khen", 1038}}); got != "7 Bằng khen, 1.038 Giấy khen" {
		t.Errorf("forms: %q", got)
	}
}

// TestComparisonNote: one sentence, plainly, instead of the comparisons
// the coverage does not allow.
func TestComparisonNote(t *testing.T) {
	a := func(v int64) *summary.Amount { x := summary.Amount(v); return &x }
	ind := func(name, agg string, cov, prev float64) summary.Indicator {
		i := summary.Indicator{Name: name, Agg: agg, Total: a(100), Coverage: cov, Previous: summary.Previous{From: 2002, To: 2012, Total: a(50), Coverage: prev}}
		i.SetComparison(cov >= 0.9, prev >= 0.9)
		return i
	}
	s := func(recv, prevRecv int, inds ...summary.Indicator) *summary.Summary {
		return &summary.Summary{Period: summary.Period{From: 2013, To: 2023}, Indicators: inds,
			Completeness:         summary.Completeness{Expected: 132, Received: recv},
			PreviousCompleteness: summary.PeriodReports{From: 2002, To: 2012, Expected: 132, Received: prevRecv}}
	}
	tests := []struct {
		name string
		s    *summary.Summary
		want string
	}{
		{"previous thin", s(127, 41, ind("Số buổi", "sum", 0.96, 0.31), ind("Số camera", "last", 0.96, 0.31)),
			"Giai đoạn 2002–2012 mới có số liệu của 41/132 lượt đơn vị-năm (31,1%) nên chưa so sánh được kết quả hai giai đoạn (kể cả với số liệu năm 2012)."},
		{"this period thin", s(100, 130, ind("Số buổi", "sum", 0.75, 0.98)),
			"Giai đoạn 2013–2023 mới có số liệu của 100/132 lượt đơn vị-năm (75,8%) nên chưa so sánh được kết quả hai giai đoạn."},
		{"nothing before", s(127, 0, ind("Số buổi", "sum", 0.96, 0)),
			"Giai đoạn 2002–2012 chưa có số liệu nên chưa so sánh được kết quả hai giai đoạn."},
		{"all compare", s(127, 125, ind("Số buổi", "sum", 0.96, 0.95)), ""},
		{"one indicator short", s(127, 125, ind("Số buổi", "sum", 0.96, 0.95), ind("Số vũ khí", "sum", 0.96, 0.62), ind("Số vụ", "sum", 0.96, 0.62)),
			"Các chỉ tiêu sau chưa so sánh được với giai đoạn 2002–2012 do số liệu chưa đủ: số vũ khí, số vụ (giai đoạn 2002–2012 mới có 62,0% số liệu)."},
	}
	for _, tt := range tests {
		if got := comparisonNote(tt.s, lang.VI); got != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.want)
		}
	}
}

// TestIncompleteNote names the units missing in each marked year.
func TestIncompleteNote(t *testing.T) {
	s := &summary.Summary{Period: summary.Period{From: 2013, To: 2016}, Units: []summary.Unit{
		{Code: "A", Name: "Huyện An Dương", YearsReported: []int{2015, 2016}, YearsMissing: []int{2013, 2014}},
		{Code: "B", Name: "Quận Đồ Sơn", YearsReported: []int{2013, 2014, 2015}, YearsMissing: []int{2016}},
		{Code: "C", Name: "Quận Lê Chân", YearsReported: []int{2013, 2014, 2015}, YearsMissing: []int{2016}},
		{Code: "D", Name: "Huyện Bạch Long Vĩ", YearsReported: []int{}, YearsMissing: []int{2013, 2014, 2015, 2016}},
	}}
	want := "(*) Năm chưa đủ báo cáo của các đơn vị, tổng của năm đó thấp hơn thực tế: năm 2013, 2014 thiếu Huyện An Dương; " +
		"năm 2016 thiếu Quận Đồ Sơn, Quận Lê Chân; Huyện Bạch Long Vĩ chưa gửi báo cáo năm nào trong giai đoạn 2013–2016."
	if got := incompleteNote(s, lang.VI); got != want {
		t.Errorf("note\n got %q\nwant %q", got, want)
	}
	if years, _ := incompleteYears(s); len(years) != 4 {
		t.Errorf("marked years %v, want all four (Bạch Long Vĩ never reported)", years)
	}
	s.Units = s.Units[:0]
	if got := incompleteNote(s, lang.VI); got != "" {
		t.Errorf("no unit missing: %q", got)
	}
}

// TestAwardCountsOrder: kinds, forms and organisations in the catalog's
// order, names the user added after; the rosters' years against the period.
func TestAwardCountsOrder(t *testing.T) {
	s := &summary.Summary{Period: summary.Period{From: 2013, To: 2023}, Awards: summary.Awards{
		Total:          72,
		ByKind:         map[string]int{"Cá nhân": 53, "Tập thể": 19},
		ByForm:         map[string]int{"Giấy khen": 38, "Biểu dương": 27, "Bằng khen": 7, "Kỷ niệm chương": 9},
		ByOrganisation: map[string]int{"Khác": 4, "Hội Cựu chiến binh": 15, "Công an": 14},
		Rosters:        []summary.Roster{{File: "kt.xlsx", From: 2019, To: 2024}},
	}}
	ac := awardCounts(s)
	names := func(cs []Count) string {
		var out []string
		for _, c := range cs {
			out = append(out, c.Name)
		}
		return strings.Join(out, ", ")
	}
	if got := names(ac.Kinds); got != "Tập thể, Cá nhân" {
		t.Errorf("kinds %s", got)
	}
	if got := names(ac.Forms); got != "Bằng khen, Giấy khen, Biểu dương, Kỷ niệm chương" {
		t.Errorf("forms %s", got)
	}
	if got := names(ac.Organisations); got != "Công an, Hội Cựu chiến binh, Khác" {
		t.Errorf("organisations %s", got)
	}
	if ac.Covered || ac.Rosters != "2019–2024" || ac.Counted != "từ năm 2019 đến năm 2023" {
		t.Errorf("covered %v, rosters %q, counted %q", ac.Covered, ac.Rosters, ac.Counted)
	}
	s.Awards.Rosters = append(s.Awards.Rosters, summary.Roster{From: 2012, To: 2018})
	if ac := awardCounts(s); !ac.Covered {
		t.Errorf("rosters 2012–2024 do not cover 2013–2023: %+v", ac)
	}
}
