package summary

import (
	"encoding/json"
	"math/bits"
	"strconv"
	"strings"
)

// Units that change (FORMATS.md §10): the successions a summary applied,
// and figures made exact beyond hundredths by the shares they came
// through.

// Share is a part of a unit, in millionths of Whole: 0,6 is 600000. JSON
// writes it as a plain number (0.6).
type Share int64

// Whole is all of a unit.
const Whole Share = 1_000_000

// MarshalJSON writes the decimal number.
func (s Share) MarshalJSON() ([]byte, error) { return Micro(s).MarshalJSON() }

// Succession is one change of the unit list that a summary applied: Share
// of From went to To on Date (ISO). The names are for renderers.
type Succession struct {
	From     string `json:"from"`
	To       string `json:"to"`
	Date     string `json:"date"`
	Share    Share  `json:"share"`
	Basis    string `json:"basis,omitempty"`
	FromName string `json:"-"`
	ToName   string `json:"-"`
}

// UnitYears are years of one unit.
type UnitYears struct {
	Unit  string `json:"unit"`
	Years []int  `json:"years"`
}

// Micro is a figure in millionths: what a share makes of hundredths (a 0,4
// share of 12,34 is 4,936). Exact; JSON writes it as a plain number.
type Micro int64

// MicroPerAmount is how many millionths make a hundredth.
const MicroPerAmount = 10_000

// Micro is the amount in millionths.
func (a Amount) Micro() Micro { return Micro(a) * MicroPerAmount }

// Amount rounds to hundredths, halves away from zero: how tables show an
// attributed figure.
func (m Micro) Amount() Amount {
	if m < 0 {
		return -(-m).Amount()
	}
	return Amount((m + MicroPerAmount/2) / MicroPerAmount)
}

// MarshalJSON writes the decimal number without trailing zeros.
func (m Micro) MarshalJSON() ([]byte, error) { return m.append(nil), nil }

// String is the decimal with a dot and no trailing zeros.
func (m Micro) String() string { return string(m.append(nil)) }

func (m Micro) append(b []byte) []byte {
	u := uint64(m)
	if m < 0 {
		b = append(b, '-')
		u = uint64(-m)
	}
	b = strconv.AppendUint(b, u/1_000_000, 10)
	if frac := u % 1_000_000; frac != 0 {
		s := strconv.FormatUint(frac+1_000_000, 10)[1:]
		b = append(append(b, '.'), strings.TrimRight(s, "0")...)
	}
	return b
}

// Part is share of m, rounded down to a millionth, and what is left of
// the exact product, in millionths of a millionth: a split gives the
// leftovers to the largest of them (Split).
func (m Micro) Part(share Share) (Micro, int64) {
	neg := m < 0
	u := uint64(m)
	if neg {
		u = uint64(-m)
	}
	hi, lo := bits.Mul64(u, uint64(share))
	q, r := bits.Div64(hi, lo, uint64(Whole))
	if neg {
		return -Micro(q), -int64(r)
	}
	return Micro(q), int64(r)
}

// Exact holds, in millionths, the figures of an indicator that
// attribution through shares made finer than hundredths: Total, the
// previous total, and the keys of ByYear and ByUnit. The JSON writes them
// in place of the rounded Amounts, which renderers show.
type Exact struct {
	Total, Previous *Micro
	ByYear, ByUnit  map[string]Micro
}

// exactFigures is by_year or by_unit with the exact values written where
// there are some.
type exactFigures struct {
	f     Figures
	exact map[string]Micro
}

func (e exactFigures) MarshalJSON() ([]byte, error) {
	b, err := e.f.MarshalJSON()
	if err != nil || len(e.exact) == 0 {
		return b, err
	}
	// Rewrite the keys that have an exact value: decode, replace, encode
	// again in key order (encoding/json sorts map keys).
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, err
	}
	for k, v := range e.exact {
		if _, ok := m[k]; ok {
			m[k] = v.append(nil)
		}
	}
	return json.Marshal(m)
}

// MarshalJSON writes an indicator as FORMATS.md §5, with the exact values
// of attributed figures where there are some. The fields are those of
// Indicator, in its order (TestExactJSON holds the two to the same keys).
func (i Indicator) MarshalJSON() ([]byte, error) {
	type plain Indicator
	if i.Exact == nil {
		return json.Marshal(plain(i))
	}
	type previous struct {
		From       int     `json:"from"`
		To         int     `json:"to"`
		Total      any     `json:"total"`
		Coverage   float64 `json:"coverage"`
		Comparable bool    `json:"comparable"`
	}
	type leader struct {
		Unit  string `json:"unit"`
		Value any    `json:"value"`
	}
	out := struct {
		Code           string       `json:"code"`
		Name           string       `json:"name"`
		Unit           string       `json:"unit"`
		Agg            string       `json:"agg"`
		Total          any          `json:"total"`
		ByYear         exactFigures `json:"by_year"`
		ByUnit         exactFigures `json:"by_unit"`
		Coverage       float64      `json:"coverage"`
		Previous       previous     `json:"previous"`
		Change         *float64     `json:"change"`
		Leading        []leader     `json:"leading"`
		UnitsReporting int          `json:"units_reporting"`
		Estimated      []string     `json:"estimated,omitempty"`
	}{i.Code, i.Name, i.Unit, i.Agg, i.Total, exactFigures{i.ByYear, i.Exact.ByYear}, exactFigures{i.ByUnit, i.Exact.ByUnit},
		i.Coverage, previous{i.Previous.From, i.Previous.To, i.Previous.Total, i.Previous.Coverage, i.Previous.Comparable},
		i.Change, make([]leader, len(i.Leading)), i.UnitsReporting, i.Estimated}
	if i.Exact.Total != nil && i.Total != nil {
		out.Total = *i.Exact.Total
	}
	if i.Exact.Previous != nil && i.Previous.Total != nil {
		out.Previous.Total = *i.Exact.Previous
	}
	for k, l := range i.Leading {
		out.Leading[k] = leader{l.Unit, l.Value}
		if v, ok := i.Exact.ByUnit[l.Unit]; ok {
			out.Leading[k].Value = v
		}
	}
	return json.Marshal(out)
}

// ExactTotal is the total in millionths, and whether there is one.
func (i *Indicator) ExactTotal() (Micro, bool) {
	switch {
	case i.Total == nil:
		return 0, false
	case i.Exact != nil && i.Exact.Total != nil:
		return *i.Exact.Total, true
	}
	return i.Total.Micro(), true
}
