package succession

import (
	"sort"

	"github.com/tongket/tongket/summary"
)

// Series is one unit's figures of one indicator over a span of years, in
// hundredths: Values[k] is year span.From+k when Has[k].
type Series struct {
	Values []int64
	Has    []bool
}

// At is the figure of year y of a series over span, and whether there is
// one (none outside the span).
func (s *Series) At(span summary.Period, y int) (int64, bool) {
	if s == nil || !span.Contains(y) || !s.Has[y-span.From] {
		return 0, false
	}
	return s.Values[y-span.From], true
}

// Figures are units' series of one indicator over Span, by code. A unit
// without figures may be absent; years outside Span have none.
type Figures struct {
	Span summary.Period
	Of   map[string]*Series
}

// Result is an indicator attributed over a window of years.
type Result struct {
	ByYear  []summary.Micro // by year of the window: the sum over the units in force
	HasYear []bool
	// ByUnit is each unit's figure over the window: a flow adds its years,
	// a stock is its figure of the window's last year.
	ByUnit map[string]summary.Micro
	// Estimated are the units whose ByUnit came, in part, through a share
	// below 1.
	Estimated map[string]bool
	// Unattributed are the years of the window reported by units that
	// start after the reference date (their history, for a later report).
	Unattributed map[string][]int
}

// cell is a value of one unit and year: has a figure, and came in part
// through a share below 1.
type cell struct {
	v        summary.Micro
	has, est bool
}

// Attribute attributes one indicator's figures over the window w (within
// f.Span) to the units in force at the reference date (FORMATS.md §10). A
// unit's value for a year is its own figure plus the parts of its
// predecessors', except:
//
//   - a year before the unit existed that it reported itself (re-reported
//     history): its own figure alone;
//   - a stock (stock true), in the year of a change that the unit
//     reported itself: its own figure alone, which already holds what the
//     predecessors had;
//   - a stock is carried over the years a unit did not report, within w
//     and the unit's life only: not before it started, not past the year
//     it ended in (or, for a unit that went to successors on 1 January,
//     into the year of that change, to them).
//
// A unit that went to successors passes its value on, split by the shares
// (the parts add up to it exactly); the units that went nowhere (in force,
// or ended without a successor) hold the figures. Units that start after
// the reference date hold nothing: their figures are Unattributed.
func (g *Graph) Attribute(f Figures, stock bool, w summary.Period) Result {
	n := w.Years()
	r := Result{ByYear: make([]summary.Micro, n), HasYear: make([]bool, n),
		ByUnit: map[string]summary.Micro{}, Estimated: map[string]bool{}, Unattributed: map[string][]int{}}
	parts := map[*edge][]cell{}
	for _, nd := range g.order {
		own := f.Of[nd.code]
		if nd.later {
			if years := yearsOf(own, f.Span, w); len(years) > 0 {
				r.Unattributed[nd.code] = years
			}
			continue
		}
		v, any := nd.values(own, f.Span, w, stock, parts)
		if !any {
			continue
		}
		if len(nd.out) > 0 {
			split(v, nd.out, parts)
			continue
		}
		r.hold(nd.code, v, stock)
	}
	return r
}

// values are a unit's values over w: its own, and its predecessors'
// parts.
func (nd *node) values(own *Series, span, w summary.Period, stock bool, parts map[*edge][]cell) ([]cell, bool) {
	var v []cell
	any := false
	for k := range w.Years() {
		y := w.From + k
		c, reported := nd.own(own, span, w, y, stock)
		for _, e := range nd.in {
			p := parts[e]
			if p == nil || !p[k].has || reported && (y < nd.startYear || stock && y == e.year) {
				continue
			}
			c.v += p[k].v
			c.has, c.est = true, c.est || p[k].est
		}
		if c.has {
			if v == nil {
				v = make([]cell, w.Years())
			}
			v[k], any = c, true
		}
	}
	return v, any
}

// own is a unit's own value for year y, and whether it reported y: a flow
// as reported; a stock as reported, or else carried from its latest
// report within w and its life.
func (nd *node) own(s *Series, span, w summary.Period, y int, stock bool) (cell, bool) {
	if v, ok := s.At(span, y); ok {
		return cell{v: summary.Amount(v).Micro(), has: true}, true
	}
	if s == nil || !stock || y < nd.startYear || y > nd.carryTo {
		return cell{}, false
	}
	for x := y - 1; x >= max(w.From, nd.startYear, span.From); x-- {
		if v, ok := s.At(span, x); ok {
			return cell{v: summary.Amount(v).Micro(), has: true}, false
		}
	}
	return cell{}, false
}

// split passes a unit's values to its successors by share. Each part is
// rounded down to a millionth, and the millionths left over go one each
// to the parts with the largest remainders (ties by successor code), so
// the parts add up to the whole exactly.
func split(v []cell, out []*edge, parts map[*edge][]cell) {
	var sum summary.Share
	for _, e := range out {
		sum += e.share
		if parts[e] == nil {
			parts[e] = make([]cell, len(v))
		}
	}
	rem := make([]int64, len(out))
	idx := make([]int, len(out))
	for k, c := range v {
		if !c.has {
			continue
		}
		whole, neg := c.v, c.v < 0
		if neg {
			whole = -whole
		}
		var given summary.Micro
		for i, e := range out {
			p, r := whole.Part(e.share)
			parts[e][k] = cell{v: p, has: true, est: c.est || e.share != summary.Whole}
			rem[i], idx[i], given = r, i, given+p
		}
		if sum == summary.Whole {
			sort.SliceStable(idx, func(a, b int) bool { return rem[idx[a]] > rem[idx[b]] })
			for i := range int(whole - given) {
				parts[out[idx[i]]][k].v++
			}
		}
		if neg {
			for _, e := range out {
				parts[e][k].v = -parts[e][k].v
			}
		}
	}
}

// hold adds a unit that keeps its figures to the result.
func (r *Result) hold(code string, v []cell, stock bool) {
	var total summary.Micro
	has, est := false, false
	for k, c := range v {
		if !c.has {
			continue
		}
		r.ByYear[k] += c.v
		r.HasYear[k] = true
		total += c.v
		has, est = true, est || c.est
	}
	if stock {
		last := v[len(v)-1]
		total, has, est = last.v, last.has, last.est
	}
	if has {
		r.ByUnit[code] = total
		if est {
			r.Estimated[code] = true
		}
	}
}

// yearsOf are the years of w that a series has a figure for.
func yearsOf(s *Series, span, w summary.Period) []int {
	var out []int
	for y := w.From; y <= w.To; y++ {
		if _, ok := s.At(span, y); ok {
			out = append(out, y)
		}
	}
	return out
}
