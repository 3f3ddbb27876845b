package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"

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

	// by_year: flows add the year's values; stocks add each unit's latest
	// value up to that year, carried over years it did not report.
	rows, err := tx.QueryContext(ctx, `
		WITH RECURSIVE yrs(y) AS (SELECT ?1 UNION ALL SELECT y + 1 FROM yrs WHERE y < ?2),
		spans AS (
			SELECT c.indicator, c.value, c.year,
				COALESCE(LEAD(c.year) OVER (PARTITION BY c.unit_code, c.indicator ORDER BY c.year), ?2 + 1) AS until
			FROM current c JOIN indicators i ON i.code = c.indicator
			WHERE i.agg = 'last' AND c.year BETWEEN ?1 AND ?2)
		SELECT indicator, year, SUM(value) FROM current
			WHERE year BETWEEN ?1 AND ?2 AND indicator IN (SELECT code FROM indicators WHERE agg = 'sum')
			GROUP BY indicator, year
		UNION ALL
		SELECT indicator, y, SUM(value) FROM spans JOIN yrs ON y >= year AND y < until
			GROUP BY indicator, y`, p.From, p.To)
	if err != nil {
		return nil, fmt.Errorf("summarize by year: %w", err)
	}
	if err := scanTriples(rows, func(code, key string, v int64) {
		if ind := get(code); ind != nil {
			ind.ByYear[key] = summary.Amount(v)
		}
	}); err != nil {
		return nil, fmt.Errorf("summarize by year: %w", err)
	}

	// by_unit: flows add the unit's years; stocks take its latest value.
	rows, err = tx.QueryContext(ctx, `
		SELECT c.indicator, c.unit_code,
			CASE WHEN i.agg = 'sum' THEN SUM(c.value)
			ELSE (SELECT c2.value FROM current c2 WHERE c2.unit_code = c.unit_code AND c2.indicator = c.indicator
				AND c2.year BETWEEN ?1 AND ?2 ORDER BY c2.year DESC LIMIT 1) END
		FROM current c JOIN indicators i ON i.code = c.indicator
		WHERE c.year BETWEEN ?1 AND ?2
		GROUP BY c.indicator, c.unit_code`, p.From, p.To)
	if err != nil {
		return nil, fmt.Errorf("summarize by unit: %w", err)
	}
	if err := scanTriples(rows, func(code, unit string, v int64) {
		if ind := get(code); ind != nil {
			ind.ByUnit[unit] = summary.Amount(v)
		}
	}); err != nil {
		return nil, fmt.Errorf("summarize by unit: %w", err)
	}

	// previous period total: flows add everything, stocks add each unit's
	// latest value in that period.
	prev := p.Previous()
	rows, err = tx.QueryContext(ctx, `
		SELECT c.indicator, '', SUM(c.value) FROM current c JOIN indicators i ON i.code = c.indicator
			WHERE i.agg = 'sum' AND c.year BETWEEN ?1 AND ?2 GROUP BY c.indicator
		UNION ALL
		SELECT indicator, '', SUM(value) FROM (
			SELECT c.indicator, c.value,
				ROW_NUMBER() OVER (PARTITION BY c.unit_code, c.indicator ORDER BY c.year DESC) AS rn
			FROM current c JOIN indicators i ON i.code = c.indicator
			WHERE i.agg = 'last' AND c.year BETWEEN ?1 AND ?2)
			WHERE rn = 1 GROUP BY indicator`, prev.From, prev.To)
	if err != nil {
		return nil, fmt.Errorf("summarize previous period: %w", err)
	}
	if err := scanTriples(rows, func(code, _ string, v int64) {
		if ind := get(code); ind != nil {
			a := summary.Amount(v)
			ind.Previous.Total = &a
		}
	}); err != nil {
		return nil, fmt.Errorf("summarize previous period: %w", err)
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
	if err := db.completeness(ctx, tx, s); err != nil {
		return nil, err
	}
	if err := awardCounts(ctx, tx, s); err != nil {
		return nil, err
	}
	return s, nil
}

type rowScanner interface {
	Next() bool
	Scan(...any) error
	Err() error
	Close() error
}

func scanTriples(rows rowScanner, fn func(a, b string, v int64)) error {
	defer rows.Close()
	for rows.Next() {
		var a, b string
		var v int64
		if err := rows.Scan(&a, &b, &v); err != nil {
			return err
		}
		fn(a, b, v)
	}
	return rows.Err()
}

// completeness lists, for every known unit, the years of the period it
// reported (any figure) and the years it did not.
func (db *DB) completeness(ctx context.Context, tx *sql.Tx, s *summary.Summary) error {
	p := s.Period
	reported := map[string]map[int]bool{}
	rows, err := tx.QueryContext(ctx, `SELECT DISTINCT unit_code, year FROM current WHERE year BETWEEN ? AND ?`, p.From, p.To)
	if err != nil {
		return fmt.Errorf("completeness: %w", err)
	}
	for rows.Next() {
		var u string
		var y int
		if err := rows.Scan(&u, &y); err != nil {
			rows.Close()
			return fmt.Errorf("completeness: %w", err)
		}
		if reported[u] == nil {
			reported[u] = map[int]bool{}
		}
		reported[u][y] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("completeness: %w", err)
	}
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
			if reported[u.Code][y] {
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
