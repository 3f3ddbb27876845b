package store

import (
	"context"
	"database/sql"
	"fmt"
	"math/bits"
	"strconv"
	"strings"

	"github.com/tongket/tongket/catalog"
	"github.com/tongket/tongket/summary"
)

// Summarize aggregates the figures in force over a period in SQL (FORMATS.md
// §5): flows add their years; stocks carry each unit's latest value forward
// and take the period's last year; the previous period of the same length
// gives the comparison total. Each indicator's coverage of both periods
// decides whether they may be compared (§5.1).
func (db *DB) Summarize(ctx context.Context, p summary.Period) (*summary.Summary, error) {
	tx, err := db.sql.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("summarize: %w", err)
	}
	// One read transaction: a concurrent ingest is seen whole or not at all.
	defer tx.Rollback()
	cat, err := db.Catalog(ctx)
	if err != nil {
		return nil, err
	}
	s := &summary.Summary{Period: p}
	idx := map[string]int{}
	for _, ind := range cat.Indicators {
		idx[ind.Code] = len(s.Indicators)
		prev := p.Previous()
		s.Indicators = append(s.Indicators, summary.Indicator{
			Code: ind.Code, Name: ind.Name, Unit: ind.Unit, Agg: string(ind.Agg), Kind: string(ind.Kind),
			ByYear: map[string]summary.Amount{}, ByUnit: map[string]summary.Amount{},
			Previous: summary.Previous{From: prev.From, To: prev.To},
		})
	}
	get := func(code string) *summary.Indicator {
		if i, ok := idx[code]; ok {
			return &s.Indicators[i]
		}
		return nil
	}

	// Every query reads the series table (series.go): one row per
	// indicator and unit, a period being a list of its year columns. Flows
	// and stocks are asked for separately, each by its list of codes, so
	// no row evaluates the other kind's expressions.
	var flows, stocks []any
	for _, ind := range cat.Indicators {
		if ind.Agg == catalog.Last {
			stocks = append(stocks, ind.Code)
		} else {
			flows = append(flows, ind.Code)
		}
	}
	prev := p.Previous()
	// unit → reportedMasks of its rows, or-ed, over both periods: the
	// previous period runs straight into p. Years before the first that
	// any submission in force carries have no figures and are left out
	// (the whole country's database starts with its first period).
	both, err := maskSpan(ctx, tx, p)
	if err != nil {
		return nil, err
	}
	// Units that merged, split, began or ended (FORMATS.md §10) are
	// attributed in Go (attribution.go); SQL adds up the others as it
	// always did, and everything when the list has no history.
	h, err := loadHistory(ctx, tx, p)
	if err != nil {
		return nil, err
	}
	excl, exclArgs, err := h.excluding(ctx, tx)
	if err != nil {
		return nil, err
	}
	expects := func(string) bool { return true }
	if h.listed {
		listed := map[string]bool{}
		for _, u := range h.units {
			listed[u.code] = h.expects(u.source)
		}
		expects = func(unit string) bool { return listed[unit] }
	}
	reported := map[string][]int64{}
	counts := map[string][2]int{} // indicator → unit-years with a value in p, in prev
	for _, kind := range []struct {
		codes []any
		unit  string // a row's by_unit value
		year  func(y int) string
		prev  string // the previous period's total: sums, added up
	}{
		// A flow's by_unit adds its years as zero where not reported; the
		// masks tell a unit that reported none (no by_unit value).
		{flows, flowTotal(p), yearCol, yearSums(prev)},
		{stocks, latest(p, p.To), func(y int) string { return latest(p, y) }, "SUM(" + latest(prev, prev.To) + ")"},
	} {
		if len(kind.codes) == 0 {
			continue
		}
		in := "(?" + strings.Repeat(",?", len(kind.codes)-1) + ")"
		// by_unit: flows add the unit's years; stocks take its latest
		// value. The mask says which years the unit reported. One
		// indicator at a time, so that no row carries its code.
		stmt, err := tx.PrepareContext(ctx, `SELECT unit_code, `+kind.unit+`, `+strings.Join(reportedMasks(both), ", ")+`
			FROM series WHERE indicator = ?`+excl)
		if err != nil {
			return nil, fmt.Errorf("summarize by unit: %w", err)
		}
		for _, code := range kind.codes {
			ind := get(code.(string))
			n, err := byUnit(ctx, stmt, append([]any{code}, exclArgs...), ind, p, both, reported, expects)
			if err != nil {
				stmt.Close()
				return nil, fmt.Errorf("summarize by unit: %w", err)
			}
			counts[ind.Code] = n
		}
		stmt.Close()

		// by_year: flows add the year's values; stocks add each unit's
		// latest value up to that year, carried over years it did not
		// report. And the previous period's total: flows add everything,
		// stocks add each unit's latest value in that period. Then the
		// unit-years with a value in each period, for coverage.
		var cols strings.Builder
		for y := p.From; y <= p.To; y++ {
			fmt.Fprintf(&cols, "SUM(%s), ", kind.year(y))
		}
		cols.WriteString(kind.prev)
		if err := byYear(ctx, tx, p, `SELECT indicator, `+cols.String()+`
			FROM series WHERE indicator IN `+in+excl+` GROUP BY indicator`, append(kind.codes, exclArgs...), get); err != nil {
			return nil, fmt.Errorf("summarize by year: %w", err)
		}
	}
	isStock := map[string]bool{}
	for _, c := range stocks {
		isStock[c.(string)] = true
	}
	if err := h.attribute(ctx, tx, s, both, isStock, get, reported, counts); err != nil {
		return nil, err
	}

	for i := range s.Indicators {
		ind := &s.Indicators[i]
		ind.UnitsReporting = len(ind.ByUnit)
		ind.Leading = summary.LeadingOf(ind, 3)
		setTotal(ind, p)
	}
	completeness(s, h, reported, both)
	compare(s, counts)
	if err := awardCounts(ctx, tx, s); err != nil {
		return nil, err
	}
	if err := awardRosters(ctx, tx, s); err != nil {
		return nil, err
	}
	return s, nil
}

// compare sets each indicator's coverage of both periods and, where both
// reach summary.ComparableCoverage, its change (FORMATS.md §5.1). Expected
// unit-years are every known unit for every year of a period.
func compare(s *summary.Summary, counts map[string][2]int) {
	cur, prev := s.Completeness.Expected, s.PreviousCompleteness.Expected
	for i := range s.Indicators {
		ind := &s.Indicators[i]
		n := counts[ind.Code]
		ind.Coverage = summary.Coverage(n[0], cur)
		ind.Previous.Coverage = summary.Coverage(n[1], prev)
		ind.SetComparison(summary.Covered(n[0], cur), summary.Covered(n[1], prev))
	}
}

// setTotal sets an indicator's period total from its by_year figures: a
// flow's add up, a stock's is its last year's (FORMATS.md §5). Figures
// made exact beyond hundredths are added exactly.
func setTotal(ind *summary.Indicator, p summary.Period) {
	if len(ind.ByYear) == 0 {
		return
	}
	if ind.Exact == nil {
		var t summary.Amount
		if ind.Agg == "last" {
			t = ind.ByYear[strconv.Itoa(p.To)]
		} else {
			for _, v := range ind.ByYear {
				t += v
			}
		}
		ind.Total = &t
		return
	}
	year := func(key string) summary.Micro {
		if v, ok := ind.Exact.ByYear[key]; ok {
			return v
		}
		return ind.ByYear[key].Micro()
	}
	var t summary.Micro
	if ind.Agg == "last" {
		t = year(strconv.Itoa(p.To))
	} else {
		for k := range ind.ByYear {
			t += year(k)
		}
	}
	a := t.Amount()
	ind.Total = &a
	if t%summary.MicroPerAmount != 0 {
		ind.Exact.Total = &t
	}
}

// yearSums are the sums of a period's year columns: a flow's total is
// theirs, added up (in Go: SQL would test each row for a year with a
// value first).
func yearSums(p summary.Period) string {
	var sums []string
	for y := p.From; y <= p.To; y++ {
		sums = append(sums, "SUM("+yearCol(y)+")")
	}
	return strings.Join(sums, ", ")
}

// byUnit runs the by-unit statement for one indicator: its by_unit
// values (a unit with no year of p reported has none), the masks of years
// reported or-ed into reported by unit, and the unit-years with a value in
// p and in the period before it.
func byUnit(ctx context.Context, stmt *sql.Stmt, args []any, ind *summary.Indicator, p, both summary.Period, reported map[string][]int64, expects func(string) bool) ([2]int, error) {
	var n [2]int
	rows, err := stmt.QueryContext(ctx, args...)
	if err != nil {
		return n, err
	}
	defer rows.Close()
	prev := summary.Period{From: both.From, To: p.From - 1}
	var unit string
	var v sql.NullInt64
	cols, err := rows.Columns()
	if err != nil {
		return n, err
	}
	mask := make([]int64, len(cols)-2)
	dest := []any{&unit, &v}
	for k := range mask {
		dest = append(dest, &mask[k])
	}
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return n, err
		}
		r := reported[unit]
		if r == nil {
			r = make([]int64, len(mask))
			reported[unit] = r
		}
		for k, m := range mask {
			r[k] |= m
		}
		cur := countBits(mask, both, p)
		if expects(unit) {
			n[0] += cur
			n[1] += countBits(mask, both, prev)
		}
		if v.Valid && cur > 0 {
			ind.ByUnit[unit] = summary.Amount(v.Int64)
		}
	}
	return n, rows.Err()
}

// flowTotal is a series row's sum over a period, its years not reported
// counted as zero.
func flowTotal(p summary.Period) string {
	var sum []string
	for y := p.From; y <= p.To; y++ {
		sum = append(sum, "IFNULL("+yearCol(y)+", 0)")
	}
	return strings.Join(sum, " + ")
}

// latest is a series row's latest value in [p.From, y]: a stock carried
// forward over the years the unit did not report.
func latest(p summary.Period, y int) string {
	var cols []string
	for ; y >= p.From; y-- {
		cols = append(cols, yearCol(y))
	}
	return "COALESCE(" + strings.Join(cols, ", ") + ", NULL)"
}

// byYear runs a by_year query (indicator, a sum per year of p, then sums
// that add up to the previous period's total) into the summary.
func byYear(ctx context.Context, tx *sql.Tx, p summary.Period, q string, args []any, get func(string) *summary.Indicator) error {
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	n := p.To - p.From + 1
	cols, err := rows.Columns()
	if err != nil {
		return err
	}
	vals := make([]sql.NullInt64, len(cols)-1)
	var code string
	dest := []any{&code}
	for k := range vals {
		dest = append(dest, &vals[k])
	}
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return err
		}
		ind := get(code)
		if ind == nil {
			continue
		}
		for k, v := range vals[:n] {
			if v.Valid {
				ind.ByYear[strconv.Itoa(p.From+k)] = summary.Amount(v.Int64)
			}
		}
		// The previous total adds the sums after the years of p; it is
		// NULL when they all are (nothing reported).
		for _, v := range vals[n:] {
			if v.Valid {
				a := summary.Amount(v.Int64)
				if ind.Previous.Total != nil {
					a += *ind.Previous.Total
				}
				ind.Previous.Total = &a
			}
		}
	}
	return rows.Err()
}

// maskBits years go in one mask: SQLite integers are signed 64-bit.
const maskBits = 62

// reportedMasks are expressions giving a series row's years of p that have
// a value, as bits: bit k of mask m is year p.From + m*maskBits + k.
func reportedMasks(p summary.Period) []string {
	var masks []string
	for start := p.From; start <= p.To; start += maskBits {
		var bits []string
		for y := start; y <= p.To && y < start+maskBits; y++ {
			bits = append(bits, fmt.Sprintf("((%s IS NOT NULL) << %d)", yearCol(y), y-start))
		}
		masks = append(masks, strings.Join(bits, " | "))
	}
	return masks
}

// reportedIn says whether masks (of reportedMasks(p)) mark year y; a year
// outside p has none.
func reportedIn(masks []int64, p summary.Period, y int) bool {
	k := y - p.From
	return masks != nil && p.Contains(y) && masks[k/maskBits]&(1<<(k%maskBits)) != 0
}

// maskSpan is the span of years the reported masks cover: from the first
// year of the period before p, or the first year any submission in force
// carries if later, to p's last.
func maskSpan(ctx context.Context, tx *sql.Tx, p summary.Period) (summary.Period, error) {
	var first sql.NullInt64
	if err := tx.QueryRowContext(ctx, `SELECT MIN(year_from) FROM submissions WHERE state = 'active'`).Scan(&first); err != nil {
		return summary.Period{}, fmt.Errorf("summarize: %w", err)
	}
	from := p.Previous().From
	if first.Valid {
		from = max(from, int(first.Int64))
	}
	return summary.Period{From: min(from, p.From), To: p.To}, nil
}

// countBits counts the years of q that masks (of reportedMasks(p)) mark;
// years of q outside p have none.
func countBits(masks []int64, p, q summary.Period) int {
	n := 0
	q.From = max(q.From, p.From)
	for y := q.From; y <= q.To; {
		k := y - p.From
		w, b := k/maskBits, k%maskBits
		span := min(maskBits-b, q.To-y+1) // years of q in this mask
		m := uint64(masks[w]) >> b
		if span < 64 {
			m &= 1<<span - 1
		}
		n += bits.OnesCount64(m)
		y += span
	}
	return n
}

// completeness lists every unit expected in some year of the period
// (FORMATS.md §5.1, §10: the units of the list, or without one every unit
// known, each in the years it was in force), or that reported one anyway,
// with the years it reported
// (any figure), those it did not, and those it was not expected in; and
// counts the expected unit-years of both periods and those reported. A
// unit's masks are reportedMasks(both). It also names the changes of the
// unit list that the figures were attributed through.
func completeness(s *summary.Summary, h *unitHistory, reported map[string][]int64, both summary.Period) {
	p := s.Period
	prev := p.Previous()
	s.PreviousCompleteness = summary.PeriodReports{From: prev.From, To: prev.To}
	s.Completeness.Missing = []summary.Missing{}
	rep := func(code string, y int) bool { return reportedIn(reported[code], both, y) }
	for _, k := range h.units {
		if !h.expects(k.source) {
			continue
		}
		masks := reported[k.code]
		touched := h.isTouch[k.code]
		expected := func(y int) bool { return !touched || h.expected(k.code, y, rep) }
		if !touched {
			s.PreviousCompleteness.Expected += prev.Years()
			if masks != nil {
				s.PreviousCompleteness.Received += countBits(masks, both, prev)
			}
		} else {
			for y := prev.From; y <= prev.To; y++ {
				if expected(y) {
					s.PreviousCompleteness.Expected++
					if reportedIn(masks, both, y) {
						s.PreviousCompleteness.Received++
					}
				}
			}
		}
		u := summary.Unit{Code: k.code, Name: k.name, ValidFrom: k.from, ValidTo: k.to,
			YearsReported: []int{}, YearsMissing: []int{}, Ended: !h.inForce(k.code)}
		any := false
		for y := p.From; y <= p.To; y++ {
			got := reportedIn(masks, both, y)
			if got {
				u.YearsReported = append(u.YearsReported, y)
			}
			if !expected(y) {
				u.YearsOutside = append(u.YearsOutside, y)
				continue
			}
			any = true
			s.Completeness.Expected++
			if got {
				s.Completeness.Received++
			} else {
				u.YearsMissing = append(u.YearsMissing, y)
				s.Completeness.Missing = append(s.Completeness.Missing, summary.Missing{Unit: u.Code, Year: y})
			}
		}
		if any || len(u.YearsReported) > 0 {
			s.Units = append(s.Units, u)
		}
	}
	if s.Units == nil {
		s.Units = []summary.Unit{}
	}
	s.Successions = h.succ
}

// awardRosters lists the rosters in force with the years they cover: the
// years they claim (title lines), widened by the years of their dated
// decisions; and counts their entries without a decision date. The award
// counts are only as complete as the rosters behind them.
func awardRosters(ctx context.Context, tx *sql.Tx, s *summary.Summary) error {
	s.Awards.Rosters = []summary.Roster{}
	rows, err := tx.QueryContext(ctx, `SELECT r.file_name, r.unit, r.year_from, r.year_to,
			COALESCE(MIN(CASE WHEN a.decision_date >= '1000' THEN CAST(substr(a.decision_date, 1, 4) AS INTEGER) END), 0),
			COALESCE(MAX(CASE WHEN a.decision_date >= '1000' THEN CAST(substr(a.decision_date, 1, 4) AS INTEGER) END), 0),
			COUNT(a.id) - COUNT(CASE WHEN a.decision_date >= '1000' THEN 1 END)
		FROM rosters r LEFT JOIN awards a ON a.roster_id = r.id
		WHERE r.state = 'active' GROUP BY r.id ORDER BY r.id`)
	if err != nil {
		return fmt.Errorf("award rosters: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var r summary.Roster
		var first, last, undecided int
		if err := rows.Scan(&r.File, &r.Unit, &r.From, &r.To, &first, &last, &undecided); err != nil {
			return fmt.Errorf("award rosters: %w", err)
		}
		r.File = r.File[strings.LastIndexAny(r.File, `/\`)+1:] // a Windows path too
		if first != 0 {
			if r.From == 0 || first < r.From {
				r.From = first
			}
			r.To = max(r.To, last)
		}
		s.Awards.Rosters = append(s.Awards.Rosters, r)
		s.Awards.Undecided += undecided
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("award rosters: %w", err)
	}
	for _, q := range []struct {
		sql string
		dst *[]string
	}{{`SELECT name FROM award_forms ORDER BY ord, name`, &s.Awards.FormOrder}, {`SELECT name FROM organisations ORDER BY ord, name`, &s.Awards.OrganisationOrder}} {
		if err := names(ctx, tx, q.sql, q.dst); err != nil {
			return fmt.Errorf("award rosters: %w", err)
		}
	}
	return nil
}

// names reads a one-column query of names.
func names(ctx context.Context, tx *sql.Tx, q string, dst *[]string) error {
	rows, err := tx.QueryContext(ctx, q)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return err
		}
		*dst = append(*dst, n)
	}
	return rows.Err()
}
