// Package summary is the value that crosses from aggregation to rendering:
// one period's figures per indicator, unit and year, the previous period,
// completeness and award counts, in the JSON shape of FORMATS.md §5.
//
// It holds plain values only; the store fills it and the report package
// renders it. Neither side needs the other.
package summary

import (
	"fmt"
	"strconv"
	"strings"
)

// Period is an inclusive range of years.
type Period struct {
	From int `json:"from"`
	To   int `json:"to"`
}

// Years is the number of calendar years in the period (11 for 2013–2023,
// which officers call a 10-year review: report prose uses To−From).
func (p Period) Years() int { return p.To - p.From + 1 }

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
func (a Amount) MarshalJSON() ([]byte, error) { return []byte(a.String()), nil }

// String is the decimal with a dot and no trailing zeros.
func (a Amount) String() string {
	h := int64(a)
	sign := ""
	if h < 0 {
		sign, h = "-", -h
	}
	whole, frac := h/100, h%100
	switch {
	case frac == 0:
		return sign + strconv.FormatInt(whole, 10)
	case frac%10 == 0:
		return fmt.Sprintf("%s%d.%d", sign, whole, frac/10)
	}
	return fmt.Sprintf("%s%d.%02d", sign, whole, frac)
}

// Summary is one period's summary (FORMATS.md §5).
type Summary struct {
	Period       Period       `json:"period"`
	Units        []Unit       `json:"units"`
	Indicators   []Indicator  `json:"indicators"`
	Awards       Awards       `json:"awards"`
	Completeness Completeness `json:"completeness"`
}

// Unit is a unit expected to report, with the years it did and did not.
type Unit struct {
	Code          string `json:"code"`
	Name          string `json:"name"`
	YearsReported []int  `json:"years_reported"`
	YearsMissing  []int  `json:"years_missing"`
}

// Indicator is one indicator's figures over the period.
type Indicator struct {
	Code           string            `json:"code"`
	Name           string            `json:"name"`
	Unit           string            `json:"unit"`
	Agg            string            `json:"agg"`
	Kind           string            `json:"-"`
	Total          *Amount           `json:"total"`
	ByYear         map[string]Amount `json:"by_year"`
	ByUnit         map[string]Amount `json:"by_unit"`
	Previous       Previous          `json:"previous"`
	UnitsReporting int               `json:"units_reporting"`
}

// Year returns by_year for a year and whether it was reported.
func (i Indicator) Year(y int) (Amount, bool) {
	a, ok := i.ByYear[strconv.Itoa(y)]
	return a, ok
}

// Previous is the same indicator over the previous period.
type Previous struct {
	From  int     `json:"from"`
	To    int     `json:"to"`
	Total *Amount `json:"total"`
}

// Change is the percentage change against the previous period, if both
// totals are known and the previous one is not zero.
func (i Indicator) Change() (float64, bool) {
	if i.Total == nil || i.Previous.Total == nil || *i.Previous.Total == 0 {
		return 0, false
	}
	return float64(*i.Total-*i.Previous.Total) / float64(*i.Previous.Total) * 100, true
}

// Awards counts the commendations decided in the period.
type Awards struct {
	Total          int            `json:"total"`
	ByKind         map[string]int `json:"by_kind"`
	ByOrganisation map[string]int `json:"by_organisation"`
	ByForm         map[string]int `json:"by_form"`
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
func (c Completeness) Rate() float64 {
	if c.Expected == 0 {
		return 0
	}
	return float64(c.Received) / float64(c.Expected)
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
		return NewPeriod(to-years+1, to)
	case from != 0 || to != 0:
		if from == 0 || to == 0 {
			return Period{}, fmt.Errorf("--from and --to go together, e.g. --from 2013 --to 2023")
		}
		return NewPeriod(from, to)
	}
	return Period{}, fmt.Errorf("name the period: --period 2013-2023, --from 2013 --to 2023, or --years 10 --to 2023")
}
