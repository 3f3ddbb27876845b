// Package succession attributes the figures of units that merged or split
// to the units in force at a summary's reference date (FORMATS.md §10):
// through chains of changes, multiplying shares, with a unit's own
// re-reported history taking precedence, both sides of a change adding up
// in its year, and stocks counted once and not carried past a unit's end.
// It also says in which years a unit is expected to report.
//
// It works on plain values: the unit list's validity and history, and
// each unit's figures of one indicator by year. Figures are never
// rewritten: attribution happens at summary time, exactly (in millionths,
// a split's leftovers given so that the parts add up to the whole).
package succession

import (
	"fmt"
	"sort"
	"strconv"
	"time"

	"github.com/tongket/tongket/summary"
)

// Unit is a unit of the list with the days it existed (ISO dates, "" for
// open), as listed.
type Unit struct {
	Code     string
	From, To string
}

// Graph is the unit list's history as seen from one reference date: 31
// December of a summary's last year.
type Graph struct {
	ref   string // ISO
	nodes map[string]*node
	order []*node // every node after its predecessors (effective edges)
	edges []*edge
}

type node struct {
	code       string
	start, end string // ISO; end is the last day before the unit's first change if earlier than its listed end
	startYear  int    // minYear when open
	endYear    int    // maxYear when open
	midYearEnd bool   // ends before 31 December of endYear
	carryTo    int    // the last year its stock is carried in: its end's, or its change's when it went to successors
	in, out    []*edge
	allOut     []*edge // also the changes after the reference date
	later      bool    // starts after the reference date
}

type edge struct {
	from, to *node
	date     string
	year     int
	share    summary.Share
}

const (
	minYear = -1 << 31
	maxYear = 1<<31 - 1
)

// New builds the graph of a unit list's history for a summary ending in
// refYear. Only the changes on or before 31 December of refYear are
// applied. A cycle (which the list's import refuses) is an error.
func New(units []Unit, succ []summary.Succession, refYear int) (*Graph, error) {
	g := &Graph{ref: fmt.Sprintf("%04d-12-31", refYear), nodes: map[string]*node{}}
	for _, u := range units {
		n := &node{code: u.Code, start: u.From, end: u.To, startYear: minYear, endYear: maxYear}
		g.nodes[u.Code] = n
	}
	for _, s := range succ {
		from, to := g.nodes[s.From], g.nodes[s.To]
		if from == nil || to == nil {
			return nil, fmt.Errorf("succession %s → %s: a unit not in the list", s.From, s.To)
		}
		e := &edge{from: from, to: to, date: s.Date, year: yearOf(s.Date), share: s.Share}
		from.allOut = append(from.allOut, e)
		if before := dayBefore(s.Date); from.end == "" || before < from.end {
			from.end = before
		}
		if s.Date <= g.ref {
			from.out = append(from.out, e)
			to.in = append(to.in, e)
			g.edges = append(g.edges, e)
		}
	}
	for _, n := range g.nodes {
		if n.start != "" {
			n.startYear = yearOf(n.start)
		}
		if n.end != "" {
			n.endYear = yearOf(n.end)
			n.midYearEnd = n.end[4:] != "-12-31"
		}
		n.later = n.start > g.ref
		n.carryTo = n.endYear
		for _, e := range n.out {
			n.carryTo = max(n.carryTo, e.year)
		}
	}
	return g, g.sort()
}

// sort orders the nodes so that every node comes after its predecessors
// (Kahn's algorithm; ties by code, so attribution is deterministic).
func (g *Graph) sort() error {
	waiting := map[*node]int{}
	var ready []*node
	for _, n := range g.nodes {
		waiting[n] = len(n.in)
		if len(n.in) == 0 {
			ready = append(ready, n)
		}
	}
	sort.Slice(ready, func(i, j int) bool { return ready[i].code < ready[j].code })
	for len(ready) > 0 {
		n := ready[0]
		ready = ready[1:]
		g.order = append(g.order, n)
		for _, e := range n.out {
			if waiting[e.to]--; waiting[e.to] == 0 {
				ready = append(ready, e.to)
			}
		}
	}
	if len(g.order) != len(g.nodes) {
		return fmt.Errorf("the unit list's history has a cycle")
	}
	for _, n := range g.order {
		sort.SliceStable(n.out, func(i, j int) bool { return n.out[i].to.code < n.out[j].to.code })
	}
	return nil
}

func yearOf(iso string) int {
	y, _ := strconv.Atoi(iso[:min(4, len(iso))])
	return y
}

func dayBefore(iso string) string {
	t, err := time.Parse("2006-01-02", iso)
	if err != nil {
		return iso
	}
	return t.AddDate(0, 0, -1).Format("2006-01-02")
}

// Touched lists, by code, the units whose figures over span need this
// package: those in a change up to the reference date, those whose life
// does not cover every day of span, and those not yet in force at the
// reference date. Every other unit of the list counts as it always did.
func (g *Graph) Touched(span summary.Period) []string {
	from, to := fmt.Sprintf("%04d-01-01", span.From), fmt.Sprintf("%04d-12-31", span.To)
	var out []string
	for _, n := range g.order {
		if len(n.in) > 0 || len(n.out) > 0 || n.later || n.start > from || n.end != "" && n.end < to {
			out = append(out, n.code)
		}
	}
	sort.Strings(out)
	return out
}

// InForce reports whether a unit of the list is in force at the reference
// date: it has started, and neither ended nor gone to a successor.
func (g *Graph) InForce(code string) bool {
	n := g.nodes[code]
	return n == nil || !n.later && len(n.out) == 0 && (n.end == "" || n.end >= g.ref)
}

// Later reports whether a unit of the list starts after the reference
// date: its figures of the period are history re-reported for a later
// report, attributed to nobody in this one.
func (g *Graph) Later(code string) bool {
	n := g.nodes[code]
	return n != nil && n.later
}

// Applied are the changes attributed through, in the order given to New.
func (g *Graph) Applied(succ []summary.Succession) []summary.Succession {
	var out []summary.Succession
	for _, s := range succ {
		if s.Date <= g.ref {
			out = append(out, s)
		}
	}
	return out
}

// Expected reports whether a unit is expected to report year y (FORMATS.md
// §5.1, §10): the unit existed on some day of y, and y is not the year it
// ended in before 31 December while a successor of it reported y (they
// report for it). reported tells whether a unit reported a year (any
// figure). A unit not in the list is always expected.
func (g *Graph) Expected(code string, y int, reported func(code string, y int) bool) bool {
	n := g.nodes[code]
	if n == nil {
		return true
	}
	if y < n.startYear || y > n.endYear {
		return false
	}
	if n.endYear == y && n.midYearEnd {
		for _, e := range n.allOut {
			if reported(e.to.code, y) {
				return false
			}
		}
	}
	return true
}
