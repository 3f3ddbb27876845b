package store_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/tongket/tongket/summary"
)

func amt(h int64) *summary.Amount { a := summary.Amount(h); return &a }

// checkSummaryShape asserts what holds for every summary (FORMATS.md §5).
func checkSummaryShape(tb testing.TB, s *summary.Summary) {
	tb.Helper()
	p := s.Period
	for _, ind := range s.Indicators {
		for k := range ind.ByYear {
			if y, err := strconv.Atoi(k); err != nil || !p.Contains(y) {
				tb.Errorf("%s: by_year key %q outside %v", ind.Code, k, p)
			}
		}
		if ind.UnitsReporting != len(ind.ByUnit) {
			tb.Errorf("%s: units_reporting %d, by_unit has %d", ind.Code, ind.UnitsReporting, len(ind.ByUnit))
		}
		if (ind.Total == nil) != (len(ind.ByYear) == 0) {
			tb.Errorf("%s: total %v with by_year %v: total is null exactly when nothing was reported", ind.Code, ind.Total, ind.ByYear)
		}
		if ind.Total == nil {
			continue
		}
		switch ind.Agg {
		case "sum":
			var t summary.Amount
			for _, v := range ind.ByYear {
				t += v
			}
			var u summary.Amount
			for _, v := range ind.ByUnit {
				u += v
			}
			if *ind.Total != t || *ind.Total != u {
				tb.Errorf("%s: total %v, by_year adds to %v, by_unit to %v", ind.Code, *ind.Total, t, u)
			}
		case "last":
			if v, ok := ind.Year(p.To); !ok || *ind.Total != v {
				tb.Errorf("%s: total %v != by_year[%d] %v", ind.Code, *ind.Total, p.To, v)
			}
			var u summary.Amount
			for _, v := range ind.ByUnit {
				u += v
			}
			if *ind.Total != u {
				tb.Errorf("%s: stock total %v != sum of units' latest values %v", ind.Code, *ind.Total, u)
			}
		}
		if prev := p.Previous(); ind.Previous.From != prev.From || ind.Previous.To != prev.To {
			tb.Errorf("%s: previous %d-%d, want %v", ind.Code, ind.Previous.From, ind.Previous.To, prev)
		}
	}
	for _, ind := range s.Indicators {
		checkComparison(tb, ind)
	}
	if pc := s.PreviousCompleteness; pc.Expected != len(s.Units)*p.Years() || pc.Received > pc.Expected {
		tb.Errorf("previous completeness %+v with %d units over %d years", pc, len(s.Units), p.Years())
	}
	c := s.Completeness
	if c.Expected != len(s.Units)*p.Years() || c.Received+len(c.Missing) != c.Expected {
		tb.Errorf("completeness %+v with %d units over %d years", c, len(s.Units), p.Years())
	}
}

func TestSummarize(t *testing.T) {
	ctx := context.Background()
	db := mustOpenDB(t)
	for _, s := range [][]fig{
		{ // U1 in the period
			f("U1", "TT_BUOI", 2013, 10000), f("U1", "TT_BUOI", 2014, 20000),
			f("U1", "CAMERA_SO", 2013, 1000), f("U1", "CAMERA_SO", 2015, 1400),
			f("U1", "NHA_TIEN", 2013, 10), f("U1", "NHA_TIEN", 2014, 350),
		},
		{ // U2: a reported 0 in 2016, a stock with a gap
			f("U2", "TT_BUOI", 2013, 5000), f("U2", "TT_BUOI", 2016, 0),
			f("U2", "CAMERA_SO", 2014, 500), f("U2", "CAMERA_SO", 2017, 700),
			f("U2", "NHA_TIEN", 2013, 20),
			f("U2", "XA_TUQUAN", 2012, 300),
		},
		{ // U3 reports only outside the period
			f("U3", "CAMERA_SO", 2009, 9000), f("U3", "CAMERA_SO", 2010, 10000), f("U3", "TT_BUOI", 2018, 7700),
		},
		{ // U1 before and after the period
			f("U1", "TT_BUOI", 2008, 300), f("U1", "TT_BUOI", 2012, 400), f("U1", "CAMERA_SO", 2011, 800),
			f("U1", "CAMERA_SO", 2018, 99900),
		},
	} {
		mustIngest(t, db, makeSub(s[0].unit+fmt.Sprint(len(s))+".xlsx", s...))
	}
	p := summary.Period{From: 2013, To: 2017}
	s, err := db.Summarize(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	checkSummaryShape(t, s)

	type want struct {
		total    *summary.Amount
		byYear   summary.Figures
		byUnit   summary.Figures
		previous *summary.Amount
		coverage [2]float64 // of the period, of the previous one: unit-years with a value of 15
	}
	tests := []struct {
		code string
		want want
	}{
		{"TT_BUOI", want{amt(35000), // sum; 2016 is a reported 0; 2018 and the previous period stay out
			map[string]summary.Amount{"2013": 15000, "2014": 20000, "2016": 0},
			map[string]summary.Amount{"U1": 30000, "U2": 5000}, amt(700), [2]float64{4.0 / 15, 2.0 / 15}}},
		{"CAMERA_SO", want{amt(2100), // last: carried forward over unreported years, total = by_year[2017]
			map[string]summary.Amount{"2013": 1000, "2014": 1500, "2015": 1900, "2016": 1900, "2017": 2100},
			map[string]summary.Amount{"U1": 1400, "U2": 700}, amt(10800), [2]float64{4.0 / 15, 3.0 / 15}}}, // previous: U1's 2011 + U3's 2010
		{"NHA_TIEN", want{amt(380), // money: 0.1 + 0.2 = 0.3 exactly
			map[string]summary.Amount{"2013": 30, "2014": 350},
			map[string]summary.Amount{"U1": 360, "U2": 20}, nil, [2]float64{3.0 / 15, 0}}},
		{"XA_TUQUAN", want{nil, // reported only in the previous period: not carried into this one
			map[string]summary.Amount{}, map[string]summary.Amount{}, amt(300), [2]float64{0, 1.0 / 15}}},
		{"MH_TRIENKHAI", want{nil, map[string]summary.Amount{}, map[string]summary.Amount{}, nil, [2]float64{}}},
	}
	byCode := map[string]summary.Indicator{}
	for _, ind := range s.Indicators {
		byCode[ind.Code] = ind
	}
	if len(byCode) != 18 {
		t.Errorf("summary has %d indicators, want the 18 of the catalog", len(byCode))
	}
	for _, tt := range tests {
		ind, ok := byCode[tt.code]
		if !ok {
			t.Errorf("no indicator %s", tt.code)
			continue
		}
		if !reflect.DeepEqual(ind.Total, tt.want.total) {
			t.Errorf("%s total = %v, want %v", tt.code, deref(ind.Total), deref(tt.want.total))
		}
		if !reflect.DeepEqual(ind.ByYear, tt.want.byYear) {
			t.Errorf("%s by_year = %v, want %v", tt.code, ind.ByYear, tt.want.byYear)
		}
		if !reflect.DeepEqual(ind.ByUnit, tt.want.byUnit) {
			t.Errorf("%s by_unit = %v, want %v", tt.code, ind.ByUnit, tt.want.byUnit)
		}
		if pr := ind.Previous; pr.From != 2008 || pr.To != 2012 || !reflect.DeepEqual(pr.Total, tt.want.previous) {
			t.Errorf("%s previous = %d-%d %v, want 2008-2012 %v", tt.code, pr.From, pr.To, deref(pr.Total), deref(tt.want.previous))
		}
		// A third of the unit-years at most: nothing compares.
		if got := [2]float64{ind.Coverage, ind.Previous.Coverage}; got != tt.want.coverage || ind.Previous.Comparable || ind.Change != nil {
			t.Errorf("%s coverage %v, comparable %v, change %v; want coverage %v, not comparable, no change",
				tt.code, got, ind.Previous.Comparable, ind.Change, tt.want.coverage)
		}
		if ind.UnitsReporting != len(tt.want.byUnit) {
			t.Errorf("%s units_reporting = %d, want %d", tt.code, ind.UnitsReporting, len(tt.want.byUnit))
		}
	}

	wantUnits := []summary.Unit{
		{Code: "U1", Name: "Đơn vị U1", YearsReported: []int{2013, 2014, 2015}, YearsMissing: []int{2016, 2017}},
		{Code: "U2", Name: "Đơn vị U2", YearsReported: []int{2013, 2014, 2016, 2017}, YearsMissing: []int{2015}},
		{Code: "U3", Name: "Đơn vị U3", YearsReported: []int{}, YearsMissing: []int{2013, 2014, 2015, 2016, 2017}},
	}
	if !reflect.DeepEqual(s.Units, wantUnits) {
		t.Errorf("units:\n got %+v\nwant %+v", s.Units, wantUnits)
	}
	var missing []summary.Missing
	for _, m := range []struct {
		u string
		y int
	}{{"U1", 2016}, {"U1", 2017}, {"U2", 2015}, {"U3", 2013}, {"U3", 2014}, {"U3", 2015}, {"U3", 2016}, {"U3", 2017}} {
		missing = append(missing, summary.Missing{Unit: m.u, Year: m.y})
	}
	wantComp := summary.Completeness{Expected: 15, Received: 7, Missing: missing}
	if !reflect.DeepEqual(s.Completeness, wantComp) {
		t.Errorf("completeness:\n got %+v\nwant %+v", s.Completeness, wantComp)
	}
	// 2008–2012: U1 2008, 2011, 2012; U2 2012; U3 2009, 2010.
	if want := (summary.PeriodReports{From: 2008, To: 2012, Expected: 15, Received: 6}); s.PreviousCompleteness != want {
		t.Errorf("previous completeness %+v, want %+v", s.PreviousCompleteness, want)
	}

	// The JSON of §5: null totals, empty maps, plain decimal numbers.
	js, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	for _, frag := range []string{
		`"period":{"from":2013,"to":2017}`,
		`"code":"XA_TUQUAN","name":`,
		`"total":null,"by_year":{},"by_unit":{},"coverage":0,"previous":{"from":2008,"to":2012,"total":3,"coverage":0.06666666666666667,"comparable":false},"change":null,"leading":[],"units_reporting":0`,
		`"total":3.8,"by_year":{"2013":0.3,"2014":3.5},"by_unit":{"U1":3.6,"U2":0.2},"coverage":0.2,"previous":{"from":2008,"to":2012,"total":null,"coverage":0,"comparable":false},"change":null,"leading":[{"unit":"U1","value":3.6},{"unit":"U2","value":0.2}],"units_reporting":2`,
		`"total":350,"by_year":{"2013":150,"2014":200,"2016":0}`,
		`"completeness":{"expected":15,"received":7,"missing":[{"unit":"U1","year":2016},`,
		`"previous_completeness":{"from":2008,"to":2012,"expected":15,"received":6}`,
	} {
		if !strings.Contains(string(js), frag) {
			t.Errorf("summary JSON lacks %s\n%s", frag, js)
		}
	}
}

// checkComparison asserts FORMATS.md §5.1 for one indicator: coverages in
// [0, 1]; comparable exactly when both reach 0.9; a change only where
// comparable, equal to the totals' ratio − 1; leading the top three of
// by_unit, highest first, ties by code.
func checkComparison(tb testing.TB, ind summary.Indicator) {
	tb.Helper()
	cur, prev := ind.Coverage, ind.Previous.Coverage
	if cur < 0 || cur > 1 || prev < 0 || prev > 1 {
		tb.Errorf("%s: coverage %v, previous %v outside [0, 1]", ind.Code, cur, prev)
	}
	if want := cur >= 0.9 && prev >= 0.9; ind.Previous.Comparable != want {
		tb.Errorf("%s: comparable %v with coverage %v and %v", ind.Code, ind.Previous.Comparable, cur, prev)
	}
	canChange := ind.Previous.Comparable && ind.Total != nil && ind.Previous.Total != nil && *ind.Previous.Total != 0
	switch {
	case (ind.Change != nil) != canChange:
		tb.Errorf("%s: change %v, comparable %v, totals %v and %v", ind.Code, ind.Change, ind.Previous.Comparable, deref(ind.Total), deref(ind.Previous.Total))
	case ind.Change != nil:
		if want := float64(*ind.Total)/float64(*ind.Previous.Total) - 1; math.Abs(*ind.Change-want) > 1e-9 {
			tb.Errorf("%s: change %v, want %v", ind.Code, *ind.Change, want)
		}
	}
	if len(ind.Leading) != min(3, len(ind.ByUnit)) {
		tb.Errorf("%s: %d leading units of %d", ind.Code, len(ind.Leading), len(ind.ByUnit))
	}
	for i, l := range ind.Leading {
		if v, ok := ind.ByUnit[l.Unit]; !ok || v != l.Value {
			tb.Errorf("%s: leading %v is not its by_unit value", ind.Code, l)
		}
		if i > 0 && (ind.Leading[i-1].Value < l.Value || ind.Leading[i-1].Value == l.Value && ind.Leading[i-1].Unit > l.Unit) {
			tb.Errorf("%s: leading %v out of order", ind.Code, ind.Leading)
		}
	}
	if n := len(ind.Leading); n > 0 {
		last := ind.Leading[n-1]
		for u, v := range ind.ByUnit {
			if slices.ContainsFunc(ind.Leading, func(l summary.Leader) bool { return l.Unit == u }) {
				continue
			}
			if v > last.Value || v == last.Value && u < last.Unit {
				tb.Errorf("%s: %s (%v) should lead before %v", ind.Code, u, v, last)
			}
		}
	}
}

func deref(a *summary.Amount) any {
	if a == nil {
		return "null"
	}
	return *a
}

func TestSummarizeEmptyAndOtherPeriods(t *testing.T) {
	ctx := context.Background()
	db := mustOpenDB(t)
	tests := []struct {
		name     string
		p        summary.Period
		prev     summary.Period
		total    *summary.Amount
		previous *summary.Amount
	}{
		{"nothing stored", summary.Period{From: 2013, To: 2023}, summary.Period{From: 2002, To: 2012}, nil, nil},
	}
	for _, tt := range tests {
		s, err := db.Summarize(ctx, tt.p)
		if err != nil {
			t.Fatal(err)
		}
		checkSummaryShape(t, s)
		if s.Units == nil || len(s.Units) != 0 || s.Completeness.Missing == nil || s.Completeness.Expected != 0 {
			t.Errorf("%s: units %v, completeness %+v; want empty lists, expected 0", tt.name, s.Units, s.Completeness)
		}
		for _, ind := range s.Indicators {
			if ind.Total != nil || ind.Previous.Total != nil || len(ind.ByYear) != 0 || ind.ByYear == nil || ind.Previous.From != tt.prev.From || ind.Previous.To != tt.prev.To {
				t.Errorf("%s: %s = %+v", tt.name, ind.Code, ind)
			}
		}
		js, _ := json.Marshal(s)
		if !strings.Contains(string(js), `"units":[]`) || !strings.Contains(string(js), `"missing":[]`) {
			t.Errorf("%s: JSON has null lists: %s", tt.name, js)
		}
	}

	// Periods of other lengths: the previous one has the same length.
	mustIngest(t, db, makeSub("x.xlsx", f("U1", "CAMERA_SO", 2019, 500), f("U1", "CAMERA_SO", 2021, 600),
		f("U1", "TT_BUOI", 2019, 100), f("U1", "TT_BUOI", 2020, 100), f("U1", "TT_BUOI", 2022, 100)))
	for _, tc := range []struct {
		p                  summary.Period
		stock, flow        *summary.Amount
		prevStock, prevFlw *summary.Amount
	}{
		{summary.Period{From: 2022, To: 2022}, nil, amt(100), amt(600), nil},
		{summary.Period{From: 2021, To: 2022}, amt(600), amt(100), amt(500), amt(200)},
		{summary.Period{From: 2020, To: 2022}, amt(600), amt(200), amt(500), amt(100)},
		{summary.Period{From: 2018, To: 2019}, amt(500), amt(100), nil, nil},
	} {
		s, err := db.Summarize(ctx, tc.p)
		if err != nil {
			t.Fatal(err)
		}
		checkSummaryShape(t, s)
		for _, ind := range s.Indicators {
			var total, prev *summary.Amount
			switch ind.Code {
			case "CAMERA_SO":
				total, prev = tc.stock, tc.prevStock
			case "TT_BUOI":
				total, prev = tc.flow, tc.prevFlw
			default:
				continue
			}
			if !reflect.DeepEqual(ind.Total, total) || !reflect.DeepEqual(ind.Previous.Total, prev) {
				t.Errorf("%v %s: total %v previous %v, want %v and %v", tc.p, ind.Code, deref(ind.Total), deref(ind.Previous.Total), deref(total), deref(prev))
			}
		}
	}
}

// TestSummarizeMoneyExact adds many values that binary floats cannot hold
// (0.1, 0.2, 0.01) and expects exact decimal totals.
func TestSummarizeMoneyExact(t *testing.T) {
	ctx := context.Background()
	db := mustOpenDB(t)
	const units = 300
	var figs []fig
	var floatSum float64
	for u := 0; u < units; u++ {
		for y := 2019; y <= 2023; y++ {
			v := []int64{10, 20, 1}[(u+y)%3] // 0.1, 0.2, 0.01 triệu đồng
			figs = append(figs, f(fmt.Sprintf("M%03d", u), "VON_TIEN", y, v))
			floatSum += float64(v) / 100
		}
	}
	mustIngest(t, db, makeSub("tien.xlsx", figs...))
	s, err := db.Summarize(ctx, summary.Period{From: 2019, To: 2023})
	if err != nil {
		t.Fatal(err)
	}
	checkSummaryShape(t, s)
	for _, ind := range s.Indicators {
		if ind.Code != "VON_TIEN" {
			continue
		}
		// 1500 values, 500 each of 0.1, 0.2, 0.01: 50 + 100 + 5 = 155.
		if ind.Total == nil || *ind.Total != 15500 {
			t.Fatalf("VON_TIEN total %v, want exactly 155 (a float loop gives %v)", deref(ind.Total), floatSum)
		}
		js, _ := json.Marshal(ind.Total)
		if string(js) != "155" {
			t.Errorf("total JSON %s, want 155", js)
		}
		for y, v := range ind.ByYear {
			if v != 3100 {
				t.Errorf("by_year[%s] = %v, want 31", y, v)
			}
		}
	}
}

func TestAmountJSON(t *testing.T) {
	tests := []struct {
		h    int64
		want string
	}{
		{350, "3.5"}, {123456, "1234.56"}, {1700, "17"}, {0, "0"}, {5, "0.05"}, {30, "0.3"},
		{-350, "-3.5"}, {-5, "-0.05"}, {179800000, "1798000"}, {101, "1.01"},
	}
	for _, tt := range tests {
		js, err := json.Marshal(summary.Amount(tt.h))
		if err != nil || string(js) != tt.want {
			t.Errorf("Amount(%d) JSON = %s, %v; want %s", tt.h, js, err, tt.want)
		}
		var back float64
		if err := json.Unmarshal(js, &back); err != nil || back != float64(tt.h)/100 {
			t.Errorf("Amount(%d) JSON %s is not the number %v", tt.h, js, float64(tt.h)/100)
		}
	}
}
