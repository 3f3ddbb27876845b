// Package summary is the value that crosses from aggregation to rendering:
// one period's figures per indicator, unit and year, the previous period,
// how complete both are and whether they may be compared (FORMATS.md §5.1),
// the leading units, completeness and award counts, in the JSON shape of
// FORMATS.md §5.
//
// It holds plain values and the rules that derive one from another
// (coverage, comparability, change, leading units); the store fills it and
// the report package renders it. Neither side needs the other.
package summary

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Period is an inclusive range of years.
type Period struct {
	From int `json:"from"`
	To   int `json:"to"`
}

// Years is the number of calendar years in the period (11 for 2013–2023,
// which officers call a 10-year review: see Span).
func (p Period) Years() int { return p.To - p.From + 1 }

// Span is the number of years the period is named by (FORMATS.md §5.2):
// 2013–2023 is "10 năm", 2019–2024 "5 năm"; a single year is 1.
func (p Period) Span() int { return max(p.To-p.From, 1) }

// Previous is the period of the same length just before.
func (p Period) Previous() Period { n := p.Years(); return Period{From: p.From - n, To: p.From - 1} }

// Contains reports whether year is in the period.
func (p Period) Contains(year int) bool { return year >= p.From && year <= p.To }

// String is "2013-2023".
func (p Period) String() string { return fmt.Sprintf("%d-%d", p.From, p.To) }

// ParsePeriod reads "2013-2023" (also with an en dash or spaces).
func ParsePeriod(s string) (Period, error) {
	s = strings.NewReplacer("–", "-", "—", "-", " ", "").Replace(s)
	a, b, ok := strings.Cut(s, "-")
	if !ok {
		return Period{}, fmt.Errorf("period %q is not FROM-TO, e.g. 2013-2023", s)
	}
	from, err1 := strconv.Atoi(a)
	to, err2 := strconv.Atoi(b)
	if err1 != nil || err2 != nil {
		return Period{}, fmt.Errorf("period %q is not FROM-TO, e.g. 2013-2023", s)
	}
	return NewPeriod(from, to)
}

// NewPeriod checks a period's bounds.
func NewPeriod(from, to int) (Period, error) {
	if from < 1900 || to > 2199 || from > to {
		return Period{}, fmt.Errorf("period %d-%d is not a range of years from 1900 to 2199, first year first", from, to)
	}
	return Period{From: from, To: to}, nil
}

// Amount is a figure in hundredths, written to JSON as a plain number:
// 1700 → 17, 350 → 3.5, 123456 → 1234.56. Exact, never a binary float sum.
type Amount int64

// MarshalJSON writes the decimal number.
func (a Amount) MarshalJSON() ([]byte, error) { return a.append(nil), nil }

// String is the decimal with a dot and no trailing zeros.
func (a Amount) String() string { return string(a.append(nil)) }

// append appends the decimal with a dot and no trailing zeros.
func (a Amount) append(b []byte) []byte {
	h := uint64(a)
	if a < 0 {
		b = append(b, '-')
		h = uint64(-a)
	}
	b = strconv.AppendUint(b, h/100, 10)
	switch frac := h % 100; {
	case frac == 0:
	case frac%10 == 0:
		b = append(b, '.', byte('0'+frac/10))
	default:
		b = append(b, '.', byte('0'+frac/10), byte('0'+frac%10))
	}
	return b
}

// Figures are by_year or by_unit: figures by year or unit code.
type Figures map[string]Amount

// MarshalJSON writes the object as encoding/json would, keys sorted, but
// without reflection: the whole country's by_unit maps hold 60,000
// figures.
func (f Figures) MarshalJSON() ([]byte, error) {
	if f == nil {
		return []byte("null"), nil
	}
	keys := make([]string, 0, len(f))
	for k := range f {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	b := make([]byte, 0, 2+len(f)*20)
	b = append(b, '{')
	for i, k := range keys {
		if i > 0 {
			b = append(b, ',')
		}
		if plainKey(k) {
			b = append(append(append(b, '"'), k...), '"')
		} else {
			q, err := json.Marshal(k)
			if err != nil {
				return nil, err
			}
			b = append(b, q...)
		}
		b = append(b, ':')
		b = f[k].append(b)
	}
	return append(b, '}'), nil
}

// plainKey tells a key that JSON writes as it is: printable ASCII without
// a quote or backslash.
func plainKey(k string) bool {
	for i := 0; i < len(k); i++ {
		if c := k[i]; c < 0x20 || c >= 0x7f || c == '"' || c == '\\' {
			return false
		}
	}
	return true
}

// Summary is one period's summary (FORMATS.md §5).
type Summary struct {
	Period       Period       `json:"period"`
	Units        []Unit       `json:"units"`
	Indicators   []Indicator  `json:"indicators"`
	Awards       Awards       `json:"awards"`
	Completeness Completeness `json:"completeness"`
	// PreviousCompleteness counts the previous period's reports the same
	// way: the sentence that says how incomplete it is quotes it.
	PreviousCompleteness PeriodReports `json:"previous_completeness"`
	// Successions are the changes of the unit list up to the reference
	// date (31/12 of the last year) through which figures were attributed
	// to the units in force then (FORMATS.md §10).
	Successions []Succession `json:"successions,omitempty"`
	// Unattributed are the years of the period that units not yet in
	// force at the reference date reported (history re-reported by a
	// later unit): they belong to no unit of the period and are left out
	// of its figures, which their predecessors' reports make.
	Unattributed []UnitYears `json:"unattributed,omitempty"`
}

// Unit is a unit expected to report in at least one year of the period,
// with the years it did and did not.
type Unit struct {
	Code string `json:"code"`
	Name string `json:"name"`
	// ValidFrom and ValidTo are the days the unit existed, as the unit
	// list gives them (ISO dates), when it gives them.
	ValidFrom     string `json:"valid_from,omitempty"`
	ValidTo       string `json:"valid_to,omitempty"`
	YearsReported []int  `json:"years_reported"`
	YearsMissing  []int  `json:"years_missing"`
	// YearsOutside are the years of the period in which the unit was not
	// expected: outside its life, or the year it ended in when its
	// successors reported for it. A report for such a year still counts
	// as a figure (and is in YearsReported).
	YearsOutside []int `json:"years_outside,omitempty"`
	// Ended: the unit is not in force at the reference date; its figures
	// went to its successors, or it ceased without one.
	Ended bool `json:"-"`
}

// Indicator is one indicator's figures over the period.
type Indicator struct {
	Code   string  `json:"code"`
	Name   string  `json:"name"`
	Unit   string  `json:"unit"`
	Agg    string  `json:"agg"`
	Kind   string  `json:"-"`
	Total  *Amount `json:"total"`
	ByYear Figures `json:"by_year"`
	ByUnit Figures `json:"by_unit"`
	// Coverage is the share of expected unit-years of the period that
	// have a value for this indicator (FORMATS.md §5.1).
	Coverage float64  `json:"coverage"`
	Previous Previous `json:"previous"`
	// Change is Total/Previous.Total − 1 (0.125 is +12,5%), set only
	// where the two periods may be compared: no renderer states a
	// comparison that Change does not allow.
	Change         *float64 `json:"change"`
	Leading        []Leader `json:"leading"`
	UnitsReporting int      `json:"units_reporting"`
	// Estimated are the units whose by_unit value came, in part, through
	// a share below 1 of a unit that was split (FORMATS.md §10).
	Estimated []string `json:"estimated,omitempty"`
	// Exact holds the figures that attribution made finer than
	// hundredths; nil when none.
	Exact *Exact `json:"-"`
}

// Year returns by_year for a year and whether it was reported.
func (i Indicator) Year(y int) (Amount, bool) {
	a, ok := i.ByYear[strconv.Itoa(y)]
	return a, ok
}

// Previous is the same indicator over the previous period.
type Previous struct {
	From       int     `json:"from"`
	To         int     `json:"to"`
	Total      *Amount `json:"total"`
	Coverage   float64 `json:"coverage"`
	Comparable bool    `json:"comparable"`
}

// Leader is one of the units with the highest figure for an indicator.
type Leader struct {
	Unit  string `json:"unit"`
	Value Amount `json:"value"`
}

// ComparableCoverage is the coverage both periods need before they are
// compared (FORMATS.md §5.1).
const ComparableCoverage = 0.9

// Coverage is n of expected, 0 when nothing is expected.
func Coverage(n, expected int) float64 {
	if expected <= 0 {
		return 0
	}
	return float64(n) / float64(expected)
}

// Covered reports whether n of expected reaches ComparableCoverage,
// counted in whole numbers so that 9 of 10 is exactly enough.
func Covered(n, expected int) bool { return expected > 0 && 10*n >= 9*expected }

// SetComparison decides, from the totals and the two coverages, whether
// the periods may be compared and by how much the figure changed.
// curOK and prevOK say whether each period reaches ComparableCoverage
// (see Covered).
func (i *Indicator) SetComparison(curOK, prevOK bool) {
	i.Previous.Comparable = curOK && prevOK
	i.Change = nil
	if !i.Previous.Comparable || i.Total == nil || i.Previous.Total == nil || *i.Previous.Total <= 0 {
		return // nothing to compare with: no change is worded (vn.Change says nothing either)
	}
	// (t−p)/p is t/p − 1 computed without its rounding: 700 on 500 is
	// exactly 0.4.
	c := float64(*i.Total-*i.Previous.Total) / float64(*i.Previous.Total)
	if i.Exact != nil && (i.Exact.Total != nil || i.Exact.Previous != nil) {
		t, _ := i.ExactTotal()
		p := i.Previous.Total.Micro()
		if i.Exact.Previous != nil {
			p = *i.Exact.Previous
		}
		c = float64(t-p) / float64(p)
	}
	i.Change = &c
}

// Leading are the n units with the highest values, highest first, ties
// by code (FORMATS.md §5.1). It keeps the best n in one pass: the whole
// country is thousands of units per indicator.
func Leading(byUnit map[string]Amount, n int) []Leader {
	return leading(byUnit, n, func(l Leader) Micro { return l.Value.Micro() })
}

// LeadingOf are an indicator's n leading units (Leading), compared
// exactly where attribution made its figures finer than hundredths.
func LeadingOf(i *Indicator, n int) []Leader {
	if i.Exact == nil || len(i.Exact.ByUnit) == 0 {
		return Leading(i.ByUnit, n)
	}
	return leading(i.ByUnit, n, func(l Leader) Micro {
		if v, ok := i.Exact.ByUnit[l.Unit]; ok {
			return v
		}
		return l.Value.Micro()
	})
}

func leading(byUnit map[string]Amount, n int, value func(Leader) Micro) []Leader {
	better := func(a, b Leader) bool {
		va, vb := value(a), value(b)
		return va > vb || va == vb && a.Unit < b.Unit
	}
	out := make([]Leader, 0, n+1)
	for u, v := range byUnit {
		l := Leader{Unit: u, Value: v}
		if len(out) == n && !better(l, out[n-1]) {
			continue
		}
		i := len(out)
		out = append(out, l)
		for ; i > 0 && better(l, out[i-1]); i-- {
			out[i] = out[i-1]
		}
		out[i] = l
		if len(out) > n {
			out = out[:n]
		}
	}
	return out
}

// Awards counts the commendations decided in the period, and says which
// rosters they were counted from.
type Awards struct {
	Total          int            `json:"total"`
	ByKind         map[string]int `json:"by_kind"`
	ByOrganisation map[string]int `json:"by_organisation"`
	ByForm         map[string]int `json:"by_form"`
	// Rosters are the rosters in force with the years of their decisions:
	// the years for which award counts exist at all.
	Rosters []Roster `json:"rosters"`
	// Undecided counts entries without a decision date (proposals, not
	// awards made): they belong to no period and are not in Total.
	Undecided int `json:"undecided"`
	// FormOrder and OrganisationOrder are the catalog's forms by rank and
	// organisations in print order, for renderers to list the counts in;
	// not part of the JSON.
	FormOrder         []string `json:"-"`
	OrganisationOrder []string `json:"-"`
}

// Roster is a roster in force: its file, the unit its title names, and the
// years it covers (those it claims, widened by its decisions' years; 0 when
// it has neither).
type Roster struct {
	File string `json:"file"`
	Unit string `json:"unit"`
	From int    `json:"from"`
	To   int    `json:"to"`
}

// Spans are the years the rosters' decisions cover, merged and in order.
func (a Awards) Spans() []Period {
	var ps []Period
	for _, r := range a.Rosters {
		if r.From != 0 {
			ps = append(ps, Period{From: r.From, To: r.To})
		}
	}
	sort.Slice(ps, func(i, j int) bool { return ps[i].From < ps[j].From })
	var out []Period
	for _, p := range ps {
		if n := len(out); n > 0 && p.From <= out[n-1].To+1 {
			out[n-1].To = max(out[n-1].To, p.To)
			continue
		}
		out = append(out, p)
	}
	return out
}

// Cover reports whether the rosters' years cover every year of p.
func (a Awards) Cover(p Period) bool {
	for _, s := range a.Spans() {
		if s.From <= p.From && s.To >= p.To {
			return true
		}
	}
	return false
}

// Completeness is who reported which year: expected is every known unit
// times every year of the period.
type Completeness struct {
	Expected int       `json:"expected"`
	Received int       `json:"received"`
	Missing  []Missing `json:"missing"`
}

// Missing is a (unit, year) with no figure.
type Missing struct {
	Unit string `json:"unit"`
	Year int    `json:"year"`
}

// Rate is the share of expected reports received, 0–1.
func (c Completeness) Rate() float64 { return Coverage(c.Received, c.Expected) }

// PeriodReports counts a period's yearly reports: expected unit-years and
// those received (any figure).
type PeriodReports struct {
	From     int `json:"from"`
	To       int `json:"to"`
	Expected int `json:"expected"`
	Received int `json:"received"`
}

// Rate is the share of expected reports received, 0–1.
func (c PeriodReports) Rate() float64 { return Coverage(c.Received, c.Expected) }

// MissingIn lists, for each year of the period in which an expected unit
// did not report, those units (by code, in the order of s.Units): the
// years whose totals are incomplete.
func (s *Summary) MissingIn() map[int][]string {
	out := map[int][]string{}
	for _, u := range s.Units {
		for _, y := range u.YearsMissing {
			out[y] = append(out[y], u.Code)
		}
	}
	return out
}

// PeriodFromFlags reads the three ways to name a period: "--period
// 2013-2023", "--from 2013 --to 2023", or "--years 10 --to 2023".
func PeriodFromFlags(period string, from, to, years int) (Period, error) {
	switch {
	case period != "":
		if from != 0 || to != 0 || years != 0 {
			return Period{}, fmt.Errorf("give either --period or --from/--to/--years, not both")
		}
		return ParsePeriod(period)
	case years != 0:
		if to == 0 || from != 0 {
			return Period{}, fmt.Errorf("--years goes with --to (and without --from), e.g. --years 10 --to 2023")
		}
		if years < 1 || years > 100 {
			return Period{}, fmt.Errorf("--years must be from 1 to 100")
		}
		// FORMATS.md §5.2: a period is named by To−From, so "5 năm" to
		// 2024 is 2019–2024, as --period 2019-2024 names it.
		return NewPeriod(to-years, to)
	case from != 0 || to != 0:
		if from == 0 || to == 0 {
			return Period{}, fmt.Errorf("--from and --to go together, e.g. --from 2013 --to 2023")
		}
		return NewPeriod(from, to)
	}
	return Period{}, fmt.Errorf("name the period: --period 2013-2023, --from 2013 --to 2023, or --years 10 --to 2023")
}
