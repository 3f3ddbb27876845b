package succession

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/tongket/tongket/summary"
)

// figs builds the figures of one indicator over span from "UNIT:YEAR=V"
// entries, V in hundredths.
func figs(span summary.Period, entries ...string) Figures {
	f := Figures{Span: span, Of: map[string]*Series{}}
	for _, e := range entries {
		var unit string
		var y int
		var v int64
		unitYear, val, _ := strings.Cut(e, "=")
		u, ys, _ := strings.Cut(unitYear, ":")
		unit = u
		fmt.Sscan(ys, &y)
		fmt.Sscan(val, &v)
		s := f.Of[unit]
		if s == nil {
			s = &Series{Values: make([]int64, span.Years()), Has: make([]bool, span.Years())}
			f.Of[unit] = s
		}
		s.Values[y-span.From], s.Has[y-span.From] = v, true
	}
	return f
}

// show renders a result as "by_year | by_unit | estimated | unattributed".
func show(r Result, w summary.Period) string {
	var ys []string
	for k, v := range r.ByYear {
		if r.HasYear[k] {
			ys = append(ys, fmt.Sprintf("%d=%s", w.From+k, v))
		}
	}
	var us []string
	for _, u := range slices.Sorted(maps.Keys(r.ByUnit)) {
		us = append(us, fmt.Sprintf("%s=%s", u, r.ByUnit[u]))
	}
	est := slices.Sorted(maps.Keys(r.Estimated))
	var un []string
	for _, u := range slices.Sorted(maps.Keys(r.Unattributed)) {
		un = append(un, fmt.Sprint(u, r.Unattributed[u]))
	}
	parts := []string{strings.Join(ys, " "), strings.Join(us, " "), strings.Join(est, " "), strings.Join(un, " ")}
	for i, p := range parts {
		if p == "" {
			parts[i] = "-"
		}
	}
	return strings.Join(parts, " | ")
}

func share(s float64) summary.Share { return summary.Share(s*1e6 + 0.5) }

// The list of most cases: A and B merge into C on 01/07/2025; D splits
// 0,6/0,4 between C and E; F became A on 01/01/2020 (a chain); G ceased
// on 30/06/2025 without successor; H is unchanged; L starts in 2030.
var (
	listUnits = []Unit{
		{Code: "F", To: "2019-12-31"}, {Code: "A", From: "2020-01-01", To: "2025-06-30"},
		{Code: "B", To: "2025-06-30"}, {Code: "D", To: "2025-06-30"},
		{Code: "C", From: "2025-07-01"}, {Code: "E", From: "2025-07-01"},
		{Code: "G", To: "2025-06-30"}, {Code: "H"}, {Code: "L", From: "2030-01-01"},
	}
	listSucc = []summary.Succession{
		{From: "F", To: "A", Date: "2020-01-01", Share: summary.Whole},
		{From: "A", To: "C", Date: "2025-07-01", Share: summary.Whole},
		{From: "B", To: "C", Date: "2025-07-01", Share: summary.Whole},
		{From: "D", To: "C", Date: "2025-07-01", Share: share(0.6)},
		{From: "D", To: "E", Date: "2025-07-01", Share: share(0.4)},
	}
)

func TestAttribute(t *testing.T) {
	span := summary.Period{From: 2005, To: 2030}
	tests := []struct {
		name  string
		ref   int
		w     summary.Period
		stock bool
		figs  []string
		want  string
	}{
		{"merge and split, flows: exact shares, every figure attributed", 2025, summary.Period{From: 2024, To: 2025}, false,
			[]string{"A:2024=500", "B:2024=300", "D:2024=700", "D:2025=1234", "C:2025=100", "E:2025=200", "H:2024=900"},
			// D 2024: 7 → 4,2 to C and 2,8 to E; D 2025: 12,34 → 7,404 and
			// 4,936. C: 5 + 3 + 4,2 + 7,404 + 1; E: 2,8 + 4,936 + 2.
			"2024=24 2025=15.34 | C=20.604 E=9.736 H=9 | C E | -"},
		{"the chain F → A → C carries F's history", 2025, summary.Period{From: 2016, To: 2025}, false,
			[]string{"F:2018=1000", "A:2021=200"},
			"2018=10 2021=2 | C=12 | - | -"},
		{"before the change nothing is attributed", 2024, summary.Period{From: 2016, To: 2024}, false,
			[]string{"A:2024=500", "D:2024=700", "F:2018=100"},
			"2018=1 2024=12 | A=6 D=7 | - | -"},
		{"re-reported history takes precedence for its year", 2025, summary.Period{From: 2023, To: 2025}, false,
			[]string{"A:2023=500", "B:2023=300", "C:2023=1000", "A:2024=500", "B:2024=300", "D:2023=700"},
			// 2023: C's own 10 replaces A, B and D's 0,6 (D's 0,4 still goes to E); 2024: A+B.
			"2023=12.8 2024=8 | C=18 E=2.8 | E | -"},
		{"in the year of a change both sides add up (flows)", 2025, summary.Period{From: 2025, To: 2025}, false,
			[]string{"A:2025=500", "C:2025=600"},
			"2025=11 | C=11 | - | -"},
		{"a unit that ceased without successor keeps its figures", 2026, summary.Period{From: 2024, To: 2026}, false,
			[]string{"G:2024=100", "G:2025=50"},
			"2024=1 2025=0.5 | G=1.5 | - | -"},
		{"a unit not yet in force: its history is unattributed", 2025, summary.Period{From: 2016, To: 2025}, false,
			[]string{"L:2020=100", "L:2021=100", "H:2020=100"},
			"2020=1 | H=1 | - | L[2020 2021]"},
		{"stocks: a successor's figure before the change is its predecessors'", 2025, summary.Period{From: 2023, To: 2025}, true,
			[]string{"A:2023=1000", "B:2023=500", "D:2023=1000", "A:2024=1100"},
			// 2024: A 11 reported, B carried 5, D carried 10 → C 11+5+6, E 4; 2025: the same carried (their last year).
			"2023=25 2024=26 2025=26 | C=22 E=4 | C E | -"},
		{"stocks: in the year of the change a successor's own figure stands alone", 2025, summary.Period{From: 2024, To: 2025}, true,
			[]string{"A:2024=1000", "B:2024=500", "D:2024=1000", "C:2025=3000"},
			// 2025: C reported 30 (A, B and D's 0,6 not added); E gets D's 0,4 carried.
			"2024=25 2025=34 | C=30 E=4 | E | -"},
		{"stocks are not carried past a unit's end", 2027, summary.Period{From: 2024, To: 2027}, true,
			[]string{"G:2024=1000", "H:2024=500", "A:2024=200", "C:2026=700"},
			// G (ended 30/06/2025) counts to 2025; A's stock goes to C until 2025; C reports 2026.
			"2024=17 2025=17 2026=12 2027=12 | C=7 H=5 | - | -"},
		{"stocks: a unit that became another on 1 January is carried into the year of the change", 2025, summary.Period{From: 2019, To: 2020}, true,
			[]string{"F:2018=800", "F:2019=900"},
			"2019=9 2020=9 | C=9 | - | -"},
		{"stocks: ... and no further: the successor reports its own", 2025, summary.Period{From: 2019, To: 2021}, true,
			[]string{"F:2018=800", "F:2019=900"},
			"2019=9 2020=9 | - | - | -"},
		{"stocks: re-reported history is not carried", 2025, summary.Period{From: 2022, To: 2025}, true,
			[]string{"C:2022=900", "A:2022=400", "A:2023=500"},
			"2022=9 2023=5 2024=5 2025=5 | C=5 | - | -"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := New(listUnits, listSucc, tt.ref)
			if err != nil {
				t.Fatal(err)
			}
			got := show(g.Attribute(figs(span, tt.figs...), tt.stock, tt.w), tt.w)
			if got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

// TestSplitExact: a split's parts are exact to the millionth and add up to
// the whole, whatever the shares.
func TestSplitExact(t *testing.T) {
	units := []Unit{{Code: "O", To: "2025-06-30"}, {Code: "P", From: "2025-07-01"}, {Code: "Q", From: "2025-07-01"}, {Code: "R", From: "2025-07-01"}}
	tests := []struct {
		shares []float64
		v      int64
		want   string
	}{
		{[]float64{0.6, 0.4}, 700, "P=4.2 Q=2.8"},
		{[]float64{0.6, 0.4}, 1234, "P=7.404 Q=4.936"},
		// 1/3 each of 0,01: 0,003333|0,003333|0,003334 (the leftover to the largest remainder, then by code).
		{[]float64{0.333333, 0.333333, 0.333334}, 1, "P=0.003333 Q=0.003333 R=0.003334"},
		{[]float64{0.333333, 0.333334, 0.333333}, 100, "P=0.333333 Q=0.333334 R=0.333333"},
		{[]float64{0.000001, 0.999999}, 1, "P=0 Q=0.01"},
	}
	for _, tt := range tests {
		var succ []summary.Succession
		for i, s := range tt.shares {
			succ = append(succ, summary.Succession{From: "O", To: string(rune('P' + i)), Date: "2025-07-01", Share: share(s)})
		}
		g, err := New(units, succ, 2025)
		if err != nil {
			t.Fatal(err)
		}
		w := summary.Period{From: 2024, To: 2024}
		r := g.Attribute(figs(w, fmt.Sprintf("O:2024=%d", tt.v)), false, w)
		var parts []string
		var sum summary.Micro
		for _, u := range slices.Sorted(maps.Keys(r.ByUnit)) {
			parts = append(parts, fmt.Sprintf("%s=%s", u, r.ByUnit[u]))
			sum += r.ByUnit[u]
		}
		if got := strings.Join(parts, " "); got != tt.want || sum != summary.Amount(tt.v).Micro() || r.ByYear[0] != sum {
			t.Errorf("%v of %d: %s (sum %s, by year %s), want %s", tt.shares, tt.v, got, sum, r.ByYear[0], tt.want)
		}
	}
}

func TestExpected(t *testing.T) {
	g, err := New(listUnits, listSucc, 2026)
	if err != nil {
		t.Fatal(err)
	}
	reported := map[string]bool{"C:2025": true}
	rep := func(code string, y int) bool { return reported[fmt.Sprint(code, ":", y)] }
	tests := []struct {
		code  string
		years string // expected years of 2018–2026
	}{
		{"F", "2018 2019"},
		{"A", "2020 2021 2022 2023 2024"},                // 2025: C reported for it
		{"D", "2018 2019 2020 2021 2022 2023 2024"},      // its successor C reported 2025
		{"G", "2018 2019 2020 2021 2022 2023 2024 2025"}, // no successor to report for it
		{"C", "2025 2026"},
		{"H", "2018 2019 2020 2021 2022 2023 2024 2025 2026"},
		{"L", ""},
		{"NOT-LISTED", "2018 2019 2020 2021 2022 2023 2024 2025 2026"},
	}
	for _, tt := range tests {
		var ys []string
		for y := 2018; y <= 2026; y++ {
			if g.Expected(tt.code, y, rep) {
				ys = append(ys, fmt.Sprint(y))
			}
		}
		if got := strings.Join(ys, " "); got != tt.years {
			t.Errorf("%s expected %q, want %q", tt.code, got, tt.years)
		}
	}
	for code, want := range map[string]bool{"A": false, "F": false, "G": false, "C": true, "E": true, "H": true, "L": false} {
		if g.InForce(code) != want {
			t.Errorf("InForce(%s) = %v", code, !want)
		}
	}
	if got := g.Touched(summary.Period{From: 2015, To: 2026}); !slices.Equal(got, []string{"A", "B", "C", "D", "E", "F", "G", "L"}) {
		t.Errorf("touched %v", got)
	}
	if _, err := New([]Unit{{Code: "A"}, {Code: "B"}}, []summary.Succession{{From: "A", To: "B", Date: "2020-01-01", Share: summary.Whole}, {From: "B", To: "A", Date: "2020-01-01", Share: summary.Whole}}, 2025); err == nil {
		t.Error("a cycle makes a graph")
	}
}
