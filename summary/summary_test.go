package summary

import (
	"encoding/json"
	"math"
	"reflect"
	"testing"
)

func TestPeriodFromFlags(t *testing.T) {
	tests := []struct {
		period         string
		from, to, span int
		want           Period
		err            bool
	}{
		{period: "2013-2023", want: Period{2013, 2023}},
		{period: "2013–2023", want: Period{2013, 2023}},
		{period: " 2019 - 2024 ", want: Period{2019, 2024}},
		{from: 2013, to: 2023, want: Period{2013, 2023}},
		// FORMATS.md §5.2: "10 năm" to 2023 is 2013–2023, as --period names it.
		{span: 10, to: 2023, want: Period{2013, 2023}},
		{span: 5, to: 2024, want: Period{2019, 2024}},
		{span: 1, to: 2024, want: Period{2023, 2024}},
		{period: "2023-2013", err: true},
		{period: "2013", err: true},
		{period: "2013-2023", from: 2013, err: true},
		{from: 2013, err: true},
		{span: 10, err: true},
		{span: 0, to: 2023, err: true},
		{err: true},
	}
	for _, tt := range tests {
		got, err := PeriodFromFlags(tt.period, tt.from, tt.to, tt.span)
		if (err != nil) != tt.err || (!tt.err && got != tt.want) {
			t.Errorf("PeriodFromFlags(%q,%d,%d,%d) = %v, %v", tt.period, tt.from, tt.to, tt.span, got, err)
		}
	}
	if p := (Period{2013, 2023}).Previous(); p != (Period{2002, 2012}) {
		t.Errorf("previous of 2013-2023 = %v", p)
	}
	for p, want := range map[Period]int{{2013, 2023}: 10, {2019, 2024}: 5, {2024, 2024}: 1} {
		if got := p.Span(); got != want {
			t.Errorf("%v.Span() = %d, want %d", p, got, want)
		}
	}
}

func TestSetComparison(t *testing.T) {
	a := func(v int64) *Amount { x := Amount(v); return &x }
	tests := []struct {
		name          string
		total, prev   *Amount
		curOK, prevOK bool
		comparable    bool
		change        float64 // NaN: none
	}{
		{"both complete", a(2285900), a(591100), true, true, true, 2285900.0/591100 - 1},
		{"previous thin", a(2285900), a(591100), true, false, false, math.NaN()},
		{"this period thin", a(2285900), a(591100), false, true, false, math.NaN()},
		{"previous zero", a(100), a(0), true, true, true, math.NaN()},
		{"previous below zero", a(100), a(-5), true, true, true, math.NaN()},
		{"no previous figure", a(100), nil, true, true, true, math.NaN()},
		{"a fall", a(67500), a(100000), true, true, true, -0.325},
	}
	for _, tt := range tests {
		ind := Indicator{Total: tt.total, Previous: Previous{Total: tt.prev}}
		ind.SetComparison(tt.curOK, tt.prevOK)
		if ind.Previous.Comparable != tt.comparable {
			t.Errorf("%s: comparable %v", tt.name, ind.Previous.Comparable)
		}
		switch {
		case math.IsNaN(tt.change) && ind.Change != nil:
			t.Errorf("%s: change %v, want none", tt.name, *ind.Change)
		case !math.IsNaN(tt.change) && (ind.Change == nil || math.Abs(*ind.Change-tt.change) > 1e-12):
			t.Errorf("%s: change %v, want %v", tt.name, ind.Change, tt.change)
		}
	}
	for _, c := range []struct {
		n, of int
		want  bool
	}{{9, 10, true}, {8, 10, false}, {99, 110, true}, {98, 110, false}, {0, 0, false}, {127, 132, true}, {41, 132, false}} {
		if got := Covered(c.n, c.of); got != c.want {
			t.Errorf("Covered(%d, %d) = %v", c.n, c.of, got)
		}
	}
}

func TestLeading(t *testing.T) {
	tests := []struct {
		by   Figures
		want []Leader
	}{
		{Figures{}, []Leader{}},
		{Figures{"B": 5}, []Leader{{"B", 5}}},
		{Figures{"B": 5, "A": 5, "C": 9, "D": 1, "E": 5}, []Leader{{"C", 9}, {"A", 5}, {"B", 5}}},
		{Figures{"X": -1, "Y": 0, "Z": 0, "W": 2}, []Leader{{"W", 2}, {"Y", 0}, {"Z", 0}}},
	}
	for _, tt := range tests {
		if got := Leading(tt.by, 3); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Leading(%v) = %v, want %v", tt.by, got, tt.want)
		}
	}
}

func TestAwardSpans(t *testing.T) {
	a := Awards{Rosters: []Roster{{From: 2019, To: 2024}, {From: 0, To: 0}, {From: 2013, To: 2015}, {From: 2016, To: 2018}, {From: 2030, To: 2030}}}
	if got, want := a.Spans(), []Period{{2013, 2024}, {2030, 2030}}; !reflect.DeepEqual(got, want) {
		t.Errorf("spans %v, want %v", got, want)
	}
	for p, want := range map[Period]bool{{2013, 2023}: true, {2013, 2030}: false, {2030, 2030}: true, {2012, 2013}: false} {
		if got := a.Cover(p); got != want {
			t.Errorf("cover %v = %v, want %v", p, got, want)
		}
	}
}

// TestFiguresJSON: by_year and by_unit are written exactly as
// encoding/json writes a map: keys sorted, escaped the same way.
func TestFiguresJSON(t *testing.T) {
	f := Figures{"HP-HONGBANG": 227500, "00312": 5, "2013": -350, `a"b\c`: 1, "Quận 1": 100, "x\ny": 2, "<&>": 3}
	got, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	plain := map[string]json.RawMessage{}
	for k, v := range f {
		plain[k] = json.RawMessage(v.String())
	}
	want, _ := json.Marshal(plain)
	if string(got) != string(want) {
		t.Errorf("Figures JSON\n got %s\nwant %s", got, want)
	}
	for _, tt := range []struct {
		f    Figures
		want string
	}{{nil, "null"}, {Figures{}, "{}"}} {
		if b, _ := json.Marshal(tt.f); string(b) != tt.want {
			t.Errorf("%#v → %s, want %s", tt.f, b, tt.want)
		}
	}
}

func TestAmountJSON(t *testing.T) {
	for h, want := range map[int64]string{0: "0", 1700: "17", 350: "3.5", 123456: "1234.56", 5: "0.05", -350: "-3.5", -5: "-0.05", 1798000: "17980"} {
		b, _ := json.Marshal(Amount(h))
		if string(b) != want {
			t.Errorf("Amount(%d) = %s, want %s", h, b, want)
		}
	}
}

func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{"2013-2023", "2013–2023", "2019 - 2024", "-", "2013-", "99999999999999999999-1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePeriod(s)
		if err != nil {
			return
		}
		if p.From > p.To || p.Years() < 1 || p.Previous().To != p.From-1 {
			t.Fatalf("%q gave %v", s, p)
		}
		if q, err := ParsePeriod(p.String()); err != nil || q != p {
			t.Fatalf("%q: %v does not round-trip: %v %v", s, p, q, err)
		}
	})
}
