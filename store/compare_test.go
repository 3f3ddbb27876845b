package store_test

import (
	"context"
	"fmt"
	"math"
	"reflect"
	"testing"
	"time"

	"github.com/tongket/tongket/roster"
	"github.com/tongket/tongket/submission"
	"github.com/tongket/tongket/summary"
)

// TestSummarizeComparison: FORMATS.md §5.1. Ten units over 2021–2022 and
// the previous period 2019–2020; a comparison only where both periods have
// at least 90% of their unit-years, and then the change is the totals'
// ratio − 1.
func TestSummarizeComparison(t *testing.T) {
	tests := []struct {
		name string
		// prevUnits report both years of 2019–2020; thin is a unit that
		// reports only 2020.
		prevUnits  int
		thin       bool
		comparable bool
		cov, prev  float64
	}{
		{"complete", 10, false, true, 1, 1},
		{"exactly 90%", 9, false, true, 1, 0.9},
		{"just under 90%", 8, true, false, 1, 0.85},
		{"a third", 3, true, false, 1, 0.35},
		{"nothing before", 0, false, false, 1, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			db := mustOpenDB(t)
			var figs []fig
			for u := 0; u < 10; u++ {
				unit := fmt.Sprintf("U%02d", u)
				for y := 2021; y <= 2022; y++ {
					figs = append(figs, f(unit, "TT_BUOI", y, int64(100*(10+u))), f(unit, "CAMERA_SO", y, int64(100*(y-2000+u))))
				}
				years := []int{}
				switch {
				case u < tt.prevUnits:
					years = []int{2019, 2020}
				case u == tt.prevUnits && tt.thin:
					years = []int{2020}
				}
				for _, y := range years {
					figs = append(figs, f(unit, "TT_BUOI", y, int64(100*(5+u))), f(unit, "CAMERA_SO", y, int64(100*(y-2010+u))))
				}
			}
			mustIngest(t, db, makeSub("all.xlsx", figs...))
			s, err := db.Summarize(ctx, summary.Period{From: 2021, To: 2022})
			if err != nil {
				t.Fatal(err)
			}
			checkSummaryShape(t, s)
			for _, code := range []string{"TT_BUOI", "CAMERA_SO"} {
				var ind summary.Indicator
				for _, i := range s.Indicators {
					if i.Code == code {
						ind = i
					}
				}
				if ind.Coverage != tt.cov || math.Abs(ind.Previous.Coverage-tt.prev) > 1e-12 || ind.Previous.Comparable != tt.comparable {
					t.Errorf("%s: coverage %v, previous %v, comparable %v; want %v, %v, %v",
						code, ind.Coverage, ind.Previous.Coverage, ind.Previous.Comparable, tt.cov, tt.prev, tt.comparable)
				}
				if tt.comparable {
					want := float64(*ind.Total)/float64(*ind.Previous.Total) - 1
					if ind.Change == nil || math.Abs(*ind.Change-want) > 1e-9 {
						t.Errorf("%s: change %v, want %v", code, ind.Change, want)
					}
				} else if ind.Change != nil {
					t.Errorf("%s: change %v where the periods do not compare", code, *ind.Change)
				}
			}
			wantPrev := 2*tt.prevUnits + map[bool]int{true: 1}[tt.thin]
			if pc := s.PreviousCompleteness; pc.Expected != 20 || pc.Received != wantPrev {
				t.Errorf("previous completeness %+v, want %d of 20", pc, wantPrev)
			}
		})
	}
}

// TestSummarizeLeading: the three highest by_unit values, ties by code.
func TestSummarizeLeading(t *testing.T) {
	ctx := context.Background()
	db := mustOpenDB(t)
	mustIngest(t, db, makeSub("a.xlsx",
		f("B", "TT_BUOI", 2023, 500), f("A", "TT_BUOI", 2023, 500), f("C", "TT_BUOI", 2023, 900),
		f("D", "TT_BUOI", 2023, 100), f("E", "TT_BUOI", 2023, 500)))
	s, err := db.Summarize(ctx, summary.Period{From: 2023, To: 2023})
	if err != nil {
		t.Fatal(err)
	}
	checkSummaryShape(t, s)
	for _, ind := range s.Indicators {
		if ind.Code != "TT_BUOI" {
			if len(ind.Leading) != 0 {
				t.Errorf("%s: leading %v without figures", ind.Code, ind.Leading)
			}
			continue
		}
		want := []summary.Leader{{Unit: "C", Value: 900}, {Unit: "A", Value: 500}, {Unit: "B", Value: 500}}
		if !reflect.DeepEqual(ind.Leading, want) {
			t.Errorf("leading %v, want %v", ind.Leading, want)
		}
	}
}

// TestSummarizeAwardRosters: the summary says which rosters its award
// counts come from and which years they cover (the years a roster claims,
// widened by its decisions), and counts entries without a decision apart.
func TestSummarizeAwardRosters(t *testing.T) {
	ctx := context.Background()
	db := mustOpenDB(t)
	day := func(y int) time.Time { return time.Date(y, 6, 1, 0, 0, 0, 0, time.UTC) }
	for _, r := range []*roster.Roster{
		{File: `D:\bao cao\kt-2019-2024.xlsx`, SHA256: "a1", Sheet: "DS", Years: [2]int{2019, 2024}, Entries: []roster.Entry{
			{Name: "Nguyễn Văn An", Kind: roster.Individual, Organisation: "Hội Nông dân", Form: "Giấy khen", DecisionDate: day(2020), Row: 5},
			{Name: "Lê Thị Bình", Kind: roster.Individual, Organisation: "Công an", Form: "Bằng khen", Row: 6}, // a proposal: no decision yet
		}},
		{File: "cu.xlsx", SHA256: "b2", Sheet: "DS", Entries: []roster.Entry{
			{Name: "Chi hội Đông Xuân", Kind: roster.Collective, Organisation: "Hội Nông dân", Form: "Bằng khen", DecisionDate: day(2016), Row: 5},
			{Name: "Trần Văn Cường", Kind: roster.Individual, Organisation: "Khác", Form: "Biểu dương", DecisionDate: day(2017), Row: 6},
		}},
	} {
		if _, err := db.ImportRoster(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	s, err := db.Summarize(ctx, summary.Period{From: 2013, To: 2023})
	if err != nil {
		t.Fatal(err)
	}
	a := s.Awards
	want := []summary.Roster{{File: "kt-2019-2024.xlsx", From: 2019, To: 2024}, {File: "cu.xlsx", From: 2016, To: 2017}}
	if !reflect.DeepEqual(a.Rosters, want) {
		t.Errorf("rosters %+v, want %+v", a.Rosters, want)
	}
	if a.Total != 3 || a.Undecided != 1 {
		t.Errorf("total %d, undecided %d; want 3 decided in 2013–2023 and 1 proposal", a.Total, a.Undecided)
	}
	if spans := a.Spans(); !reflect.DeepEqual(spans, []summary.Period{{From: 2016, To: 2017}, {From: 2019, To: 2024}}) {
		t.Errorf("spans %v", spans)
	}
	if a.Cover(s.Period) || !a.Cover(summary.Period{From: 2019, To: 2023}) {
		t.Errorf("cover: 2013–2023 %v (want false), 2019–2023 %v (want true)", a.Cover(s.Period), a.Cover(summary.Period{From: 2019, To: 2023}))
	}
	if len(a.FormOrder) != 3 || a.FormOrder[0] != "Bằng khen" || a.OrganisationOrder[0] != "Công an" {
		t.Errorf("catalog order: forms %v, organisations %v", a.FormOrder, a.OrganisationOrder)
	}
}

// BenchmarkSummarizePrevious is BenchmarkSummarize with figures in the
// previous period too (1,000 units × 18 indicators × 2004–2023): the
// coverage of both periods is then counted from every year.
func BenchmarkSummarizePrevious(b *testing.B) {
	db := mustOpenDB(b)
	subs := make([]*submission.Submission, 1000)
	for i := range subs {
		subs[i] = blockSub(fmt.Sprintf("P%05d.xlsx", i), fmt.Sprintf("P%05d", i), 1, 2004, 2023,
			func(u int, ind string, y int) int64 { return int64(100 * (i%97 + y - 2000 + len(ind))) })
	}
	ingestBatches(b, db, subs)
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		if _, err := db.Summarize(ctx, summary.Period{From: 2014, To: 2023}); err != nil {
			b.Fatal(err)
		}
	}
}
