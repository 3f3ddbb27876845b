package store

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/tongket/tongket/succession"
	"github.com/tongket/tongket/summary"
)

// unitHistory is the unit list as one summary sees it (FORMATS.md §10):
// every known unit with its validity, the list's history, and the units
// whose figures are attributed in Go (touched) rather than added in SQL.
type unitHistory struct {
	units   []knownUnit // by code
	listed  bool        // a list was imported: only its units are expected (§5.1)
	succ    []summary.Succession
	graph   *succession.Graph
	touched []string // by code
	isTouch map[string]bool
}

type knownUnit struct {
	code, name, source, from, to string
}

// loadHistory reads the units and the list's history for a summary of p.
func loadHistory(ctx context.Context, tx *sql.Tx, p summary.Period) (*unitHistory, error) {
	h := &unitHistory{isTouch: map[string]bool{}}
	rows, err := tx.QueryContext(ctx, `SELECT code, name, source, valid_from, valid_to FROM units ORDER BY code`)
	if err != nil {
		return nil, fmt.Errorf("summarize units: %w", err)
	}
	defer rows.Close()
	dated := false
	for rows.Next() {
		var u knownUnit
		if err := rows.Scan(&u.code, &u.name, &u.source, &u.from, &u.to); err != nil {
			return nil, fmt.Errorf("summarize units: %w", err)
		}
		h.units = append(h.units, u)
		h.listed = h.listed || u.source == "import"
		dated = dated || u.from != "" || u.to != ""
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("summarize units: %w", err)
	}
	srows, err := tx.QueryContext(ctx, `SELECT old_code, new_code, date, share, basis FROM successions ORDER BY date, ord`)
	if err != nil {
		return nil, fmt.Errorf("summarize successions: %w", err)
	}
	defer srows.Close()
	var all []summary.Succession
	for srows.Next() {
		var s summary.Succession
		if err := srows.Scan(&s.From, &s.To, &s.Date, &s.Share, &s.Basis); err != nil {
			return nil, fmt.Errorf("summarize successions: %w", err)
		}
		all = append(all, s)
	}
	if err := srows.Err(); err != nil {
		return nil, fmt.Errorf("summarize successions: %w", err)
	}
	if len(all) == 0 && !dated {
		return h, nil // no history: every unit counts as it always did
	}
	names := map[string]string{}
	list := make([]succession.Unit, len(h.units))
	for i, u := range h.units {
		names[u.code] = u.name
		list[i] = succession.Unit{Code: u.code, From: u.from, To: u.to}
	}
	for i := range all {
		all[i].FromName, all[i].ToName = names[all[i].From], names[all[i].To]
	}
	if h.graph, err = succession.New(list, all, p.To); err != nil {
		return nil, fmt.Errorf("summarize: %w", err)
	}
	h.succ = h.graph.Applied(all)
	h.touched = h.graph.Touched(attributionSpan(p))
	for _, c := range h.touched {
		h.isTouch[c] = true
	}
	return h, nil
}

// attributionSpan is the years a summary of p reads: p and the period
// before it.
func attributionSpan(p summary.Period) summary.Period {
	return summary.Period{From: p.Previous().From, To: p.To}
}

// expected reports whether a unit is expected to report year y (the
// graph's Expected); every year without a history.
func (h *unitHistory) expected(code string, y int, reported func(string, int) bool) bool {
	return h.graph == nil || h.graph.Expected(code, y, reported)
}

// inForce reports whether a unit is in force at the reference date.
func (h *unitHistory) inForce(code string) bool { return h.graph == nil || h.graph.InForce(code) }

// expects reports whether a unit is expected at all (FORMATS.md §5.1):
// with a list, its units; without one, every unit that ever submitted.
func (h *unitHistory) expects(source string) bool { return !h.listed || source == "import" }

// excluding is the SQL that leaves the touched units out of a query on
// series, and its argument; nothing when no unit is touched. When most
// units are touched (a national list across the 2025 change), it names
// the others instead, which the series' key finds without a scan: the
// units the list knows and no history touches, and any unit with figures
// that the units table does not know.
func (h *unitHistory) excluding(ctx context.Context, tx *sql.Tx) (string, []any, error) {
	if len(h.touched) == 0 {
		return "", nil, nil
	}
	if len(h.touched) <= len(h.units)/2 {
		js, _ := json.Marshal(h.touched)
		return ` AND unit_code NOT IN (SELECT value FROM json_each(?))`, []any{string(js)}, nil
	}
	var others []string
	for _, u := range h.units {
		if !h.isTouch[u.code] {
			others = append(others, u.code)
		}
	}
	rows, err := tx.QueryContext(ctx, `SELECT DISTINCT unit_code FROM series WHERE unit_code NOT IN (SELECT code FROM units)`)
	if err != nil {
		return "", nil, fmt.Errorf("summarize: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			return "", nil, fmt.Errorf("summarize: %w", err)
		}
		others = append(others, c)
	}
	if err := rows.Err(); err != nil {
		return "", nil, fmt.Errorf("summarize: %w", err)
	}
	js, _ := json.Marshal(others)
	if others == nil {
		js = []byte("[]")
	}
	return ` AND unit_code IN (SELECT value FROM json_each(?))`, []any{string(js)}, nil
}

// exact accumulates an indicator's figures in millionths while touched
// units are attributed, then writes them into the summary.
type exact struct {
	byYear map[string]summary.Micro
	prev   *summary.Micro
}

// attribute adds the touched units' figures to the summary (FORMATS.md
// §10): their series are read, their reported years or-ed into reported
// (masks over both), their unit-years with a value counted for coverage,
// and each indicator attributed to the units in force at the reference
// date, exactly.
func (h *unitHistory) attribute(ctx context.Context, tx *sql.Tx, s *summary.Summary, both summary.Period,
	stocks map[string]bool, get func(string) *summary.Indicator, reported map[string][]int64, counts map[string][2]int) error {
	if len(h.touched) == 0 {
		return nil
	}
	// No figure in force is older than both.From (maskSpan).
	p, prev, span := s.Period, s.Period.Previous(), both
	figs, err := h.readSeries(ctx, tx, span)
	if err != nil {
		return err
	}
	// The masks first: whether a unit is expected in the year it ended
	// depends on its successors' reports.
	for _, byUnit := range figs {
		for code, sr := range byUnit.Of {
			m := reported[code]
			if m == nil {
				m = make([]int64, (both.Years()+maskBits-1)/maskBits)
				reported[code] = m
			}
			for y := both.From; y <= both.To; y++ {
				if k := y - both.From; sr.Has[y-span.From] {
					m[k/maskBits] |= 1 << (k % maskBits)
				}
			}
		}
	}
	rep := func(code string, y int) bool { return reportedIn(reported[code], both, y) }
	source := map[string]string{}
	for _, u := range h.units {
		source[u.code] = u.source
	}
	unattributed := map[string]map[int]bool{}
	for code, f := range figs {
		ind := get(code)
		if ind == nil {
			continue
		}
		n := counts[code]
		for unit, sr := range f.Of {
			if !h.expects(source[unit]) {
				continue
			}
			for y := span.From; y <= p.To; y++ {
				if sr.Has[y-span.From] && h.expected(unit, y, rep) {
					n[boolIndex(y < p.From)]++
				}
			}
		}
		counts[code] = n
		cur := h.graph.Attribute(f, stocks[code], p)
		before := h.graph.Attribute(f, stocks[code], prev)
		merge(ind, p, cur, before, stocks[code])
		for unit, ys := range cur.Unattributed {
			if unattributed[unit] == nil {
				unattributed[unit] = map[int]bool{}
			}
			for _, y := range ys {
				unattributed[unit][y] = true
			}
		}
	}
	for _, unit := range slices.Sorted(maps.Keys(unattributed)) {
		s.Unattributed = append(s.Unattributed, summary.UnitYears{Unit: unit, Years: slices.Sorted(maps.Keys(unattributed[unit]))})
	}
	return nil
}

func boolIndex(b bool) int {
	if b {
		return 1
	}
	return 0
}

// merge adds an indicator's attributed figures (cur over p, before over
// the period before it) to the figures SQL added up for the other units,
// keeping in Exact every figure a share made finer than hundredths.
func merge(ind *summary.Indicator, p summary.Period, cur, before succession.Result, stock bool) {
	ex := ind.Exact
	if ex == nil {
		ex = &summary.Exact{ByYear: map[string]summary.Micro{}, ByUnit: map[string]summary.Micro{}}
	}
	for k, has := range cur.HasYear {
		if !has {
			continue
		}
		key := strconv.Itoa(p.From + k)
		v := cur.ByYear[k]
		if a, ok := ind.ByYear[key]; ok {
			v += a.Micro()
		}
		ind.ByYear[key] = v.Amount()
		if v%summary.MicroPerAmount != 0 {
			ex.ByYear[key] = v
		}
	}
	for unit, v := range cur.ByUnit {
		ind.ByUnit[unit] = v.Amount()
		if v%summary.MicroPerAmount != 0 {
			ex.ByUnit[unit] = v
		}
		if cur.Estimated[unit] {
			ind.Estimated = append(ind.Estimated, unit)
		}
	}
	slices.Sort(ind.Estimated)
	var prev summary.Micro
	has := false
	for k, h := range before.HasYear {
		if h && (!stock || k == len(before.HasYear)-1) {
			prev += before.ByYear[k]
			has = true
		}
	}
	if has {
		if ind.Previous.Total != nil {
			prev += ind.Previous.Total.Micro()
		}
		a := prev.Amount()
		ind.Previous.Total = &a
		if prev%summary.MicroPerAmount != 0 {
			ex.Previous = &prev
		}
	}
	if len(ex.ByYear)+len(ex.ByUnit) > 0 || ex.Previous != nil {
		ind.Exact = ex
	}
}

// readSeries reads the touched units' series over span, by indicator.
// Each row's years come as one text ("12,,300,…"): scanning a column per
// year cost more than the rest of a national summary.
func (h *unitHistory) readSeries(ctx context.Context, tx *sql.Tx, span summary.Period) (map[string]succession.Figures, error) {
	var cols []string
	for y := span.From; y <= span.To; y++ {
		cols = append(cols, "IFNULL("+yearCol(y)+", '')")
	}
	js, _ := json.Marshal(h.touched)
	rows, err := tx.QueryContext(ctx, `SELECT unit_code, indicator, `+strings.Join(cols, " || ',' || ")+`
		FROM series WHERE unit_code IN (SELECT value FROM json_each(?))`, string(js))
	if err != nil {
		return nil, fmt.Errorf("summarize units that changed: %w", err)
	}
	defer rows.Close()
	out := map[string]succession.Figures{}
	var unit, ind string
	var years []byte
	for rows.Next() {
		if err := rows.Scan(&unit, &ind, &years); err != nil {
			return nil, fmt.Errorf("summarize units that changed: %w", err)
		}
		f, ok := out[ind]
		if !ok {
			f = succession.Figures{Span: span, Of: map[string]*succession.Series{}}
			out[ind] = f
		}
		sr := &succession.Series{Values: make([]int64, len(cols)), Has: make([]bool, len(cols))}
		for i, field := range bytes.Split(years, []byte{','}) {
			if len(field) == 0 || i >= len(cols) {
				continue
			}
			v, err := strconv.ParseInt(string(field), 10, 64)
			if err != nil {
				return nil, fmt.Errorf("summarize units that changed: %s %s: %w", unit, ind, err)
			}
			sr.Values[i], sr.Has[i] = v, true
		}
		f.Of[unit] = sr
	}
	return out, rows.Err()
}
