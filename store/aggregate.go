package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"

	"github.com/tongket/tongket/catalog"
	"github.com/tongket/tongket/summary"
)

// Summarize aggregates the figures in force over a period in SQL (FORMATS.md
// §5): flows add their years; stocks carry each unit's latest value forward
// and take the period's last year; the previous period of the same length
// gives the comparison total.
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
	reported := map[string][]int64{} // unit → reportedMasks of its rows, or-ed
	for _, kind := range []struct {
		codes []any
		unit  string // a row's by_unit value
		year  func(y int) string
		prev  string
	}{
		{flows, flowSum(p), yearCol, flowSum(prev)},
		{stocks, latest(p, p.To), func(y int) string { return latest(p, y) }, latest(prev, prev.To)},
	} {
		if len(kind.codes) == 0 {
			continue
		}
		in := "(?" + strings.Repeat(",?", len(kind.codes)-1) + ")"
		// by_unit: flows add the unit's years; stocks take its latest
		// value. The mask says which years the unit reported.
		masks := reportedMasks(p)
		rows, err := tx.QueryContext(ctx, `SELECT indicator, unit_code, `+kind.unit+`, `+strings.Join(masks, ", ")+`
			FROM series WHERE indicator IN `+in, kind.codes...)
		if err != nil {
			return nil, fmt.Errorf("summarize by unit: %w", err)
		}
		var code, unit string
		var v sql.NullInt64
		mask := make([]int64, len(masks))
		dest := []any{&code, &unit, &v}
		for k := range mask {
			dest = append(dest, &mask[k])
		}
		for rows.Next() {
			if err := rows.Scan(dest...); err != nil {
				rows.Close()
				return nil, fmt.Errorf("summarize by unit: %w", err)
			}
			r := reported[unit]
			if r == nil {
				r = make([]int64, len(masks))
				reported[unit] = r
			}
			for k, m := range mask {
				r[k] |= m
			}
			if ind := get(code); ind != nil && v.Valid {
				ind.ByUnit[unit] = summary.Amount(v.Int64)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("summarize by unit: %w", err)
		}

		// by_year: flows add the year's values; stocks add each unit's
		// latest value up to that year, carried over years it did not
		// report. And the previous period's total: flows add everything,
		// stocks add each unit's latest value in that period.
		var cols strings.Builder
		for y := p.From; y <= p.To; y++ {
			fmt.Fprintf(&cols, "SUM(%s), ", kind.year(y))
		}
		cols.WriteString("SUM(" + kind.prev + ")")
		if err := byYear(ctx, tx, p, `SELECT indicator, `+cols.String()+`
			FROM series WHERE indicator IN `+in+` GROUP BY indicator`, kind.codes, get); err != nil {
			return nil, fmt.Errorf("summarize by year: %w", err)
		}
	}

	for i := range s.Indicators {
		ind := &s.Indicators[i]
		ind.UnitsReporting = len(ind.ByUnit)
		if len(ind.ByYear) == 0 {
			continue
		}
		var t summary.Amount
		if ind.Agg == "last" {
			t = ind.ByYear[strconv.Itoa(p.To)]
		} else {
			for _, v := range ind.ByYear {
				t += v
			}
		}
		ind.Total = &t
	}
	if err := completeness(ctx, tx, s, reported); err != nil {
		return nil, err
	}
	if err := awardCounts(ctx, tx, s); err != nil {
		return nil, err
	}
	return s, nil
}

// flowSum is a series row's sum over a period, NULL when it reported
// none of those years.
func flowSum(p summary.Period) string {
	var cols, sum []string
	for y := p.From; y <= p.To; y++ {
		cols = append(cols, yearCol(y))
		sum = append(sum, "IFNULL("+yearCol(y)+", 0)")
	}
	return "CASE WHEN COALESCE(" + strings.Join(cols, ", ") + ", NULL) IS NULL THEN NULL ELSE " + strings.Join(sum, " + ") + " END"
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

// byYear runs a by_year query (indicator, a sum per year of p, the
// previous period's total) into the summary.
func byYear(ctx context.Context, tx *sql.Tx, p summary.Period, q string, args []any, get func(string) *summary.Indicator) error {
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	n := p.To - p.From + 1
	vals := make([]sql.NullInt64, n+1)
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
		if v := vals[n]; v.Valid {
			a := summary.Amount(v.Int64)
			ind.Previous.Total = &a
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

// reportedIn says whether masks (of reportedMasks) mark year y of p.
func reportedIn(masks []int64, p summary.Period, y int) bool {
	k := y - p.From
	return masks != nil && masks[k/maskBits]&(1<<(k%maskBits)) != 0
}

// completeness lists, for every known unit, the years of the period it
// reported (any figure) and the years it did not.
func completeness(ctx context.Context, tx *sql.Tx, s *summary.Summary, reported map[string][]int64) error {
	p := s.Period
	urows, err := tx.QueryContext(ctx, `SELECT code, name FROM units ORDER BY code`)
	if err != nil {
		return fmt.Errorf("completeness: %w", err)
	}
	defer urows.Close()
	s.Completeness.Missing = []summary.Missing{}
	for urows.Next() {
		u := summary.Unit{YearsReported: []int{}, YearsMissing: []int{}}
		if err := urows.Scan(&u.Code, &u.Name); err != nil {
			return fmt.Errorf("completeness: %w", err)
		}
		for y := p.From; y <= p.To; y++ {
			s.Completeness.Expected++
			if reportedIn(reported[u.Code], p, y) {
				s.Completeness.Received++
				u.YearsReported = append(u.YearsReported, y)
			} else {
				u.YearsMissing = append(u.YearsMissing, y)
				s.Completeness.Missing = append(s.Completeness.Missing, summary.Missing{Unit: u.Code, Year: y})
			}
		}
		s.Units = append(s.Units, u)
	}
	if s.Units == nil {
		s.Units = []summary.Unit{}
	}
	return urows.Err()
}
