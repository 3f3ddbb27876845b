package summary

import (
	"encoding/json"
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
		{span: 10, to: 2023, want: Period{2014, 2023}},
		{span: 5, to: 2024, want: Period{2020, 2024}},
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
}

func TestAmountJSON(t *testing.T) {
	for h, want := range map[int64]string{0: "0", 1700: "17", 350: "3.5", 123456: "1234.56", 5: "0.05", -350: "-3.5", 1798000: "17980"} {
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
