package store

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/tongket/tongket/submission"
)

// The series table is the figures in force pivoted by year: one row per
// (indicator, unit), one column per year from seriesFrom to seriesTo. A
// period summary then reads one row per unit and indicator instead of one
// per figure (60,000 rows instead of 600,000 for the whole country), and
// still aggregates in SQL: a period is a list of year columns.
//
// The writer keeps it in step with the figures in force: an ingest upserts
// the columns of the years its file carries, a revert rewrites the units it
// touched.
const (
	seriesFrom = submission.MinYear // no submission carries an earlier year
	seriesTo   = 2100
)

// yearCol is the series column of a year, or "NULL" outside the table.
func yearCol(y int) string {
	if y < seriesFrom || y > seriesTo {
		return "NULL"
	}
	return "y" + strconv.Itoa(y)
}

// seriesDDL creates the table and fills it from the current table, which
// migration 5 then turns into a view.
func seriesDDL() string {
	var cols strings.Builder
	for y := seriesFrom; y <= seriesTo; y++ {
		fmt.Fprintf(&cols, ", %s INTEGER", yearCol(y))
	}
	var names, pivot strings.Builder
	for y := seriesFrom; y <= seriesTo; y++ {
		fmt.Fprintf(&names, ", %s", yearCol(y))
		fmt.Fprintf(&pivot, ", MAX(CASE year WHEN %d THEN value END)", y)
	}
	return `CREATE TABLE series (unit_code TEXT NOT NULL, indicator TEXT NOT NULL` + cols.String() + `,
		PRIMARY KEY (indicator, unit_code)) WITHOUT ROWID;
	INSERT INTO series(unit_code, indicator` + names.String() + `)
		SELECT unit_code, indicator` + pivot.String() + ` FROM current GROUP BY unit_code, indicator;`
}

// seriesRow is one (unit, indicator) of a file: its years, ascending, and
// their values.
type seriesRow struct {
	unit, ind string
	years     []int
	values    []int64
}

// seriesRows are some of a submission's figures (those of one unit, code)
// as series rows.
func seriesRows(sub *submission.Submission, code string, idx []int32) []*seriesRow {
	rows := map[string]*seriesRow{}
	var order []*seriesRow
	for _, i := range idx {
		f := sub.Figures[i]
		r := rows[f.Indicator]
		if r == nil {
			r = &seriesRow{unit: code, ind: f.Indicator}
			rows[f.Indicator] = r
			order = append(order, r)
		}
		r.years = append(r.years, int(f.Year))
		r.values = append(r.values, f.Value)
	}
	return order
}

// upsertSeries writes rows into series: each row gets the columns of its
// years; its other years keep their values. Rows with the same years share
// one multi-row statement.
func (tx *wtx) upsertSeries(ctx context.Context, rows []*seriesRow) error {
	bySig := map[string][]*seriesRow{}
	var sigs []string
	for _, r := range rows {
		for _, y := range r.years {
			if y < seriesFrom || y > seriesTo {
				return fmt.Errorf("year %d outside the years the store keeps (%d–%d)", y, seriesFrom, seriesTo)
			}
		}
		sort.Sort(yearOrder{r})
		for i := 1; i < len(r.years); i++ {
			if r.years[i] == r.years[i-1] {
				return fmt.Errorf("%s %s %d: two figures for one place", r.unit, r.ind, r.years[i])
			}
		}
		sig := fmt.Sprint(r.years)
		if bySig[sig] == nil {
			sigs = append(sigs, sig)
		}
		bySig[sig] = append(bySig[sig], r)
	}
	for _, sig := range sigs {
		group := bySig[sig]
		years := group[0].years
		var head, tail strings.Builder
		head.WriteString("INSERT INTO series(unit_code, indicator")
		tail.WriteString(" ON CONFLICT(indicator, unit_code) DO UPDATE SET ")
		for i, y := range years {
			c := yearCol(y)
			head.WriteString(", " + c)
			if i > 0 {
				tail.WriteString(", ")
			}
			tail.WriteString(c + "=excluded." + c)
		}
		head.WriteString(") VALUES ")
		err := tx.insertRows(ctx, head.String(), tail.String(), 2+len(years), len(group), func(i int, a []any) []any {
			r := group[i]
			a = append(a, r.unit, r.ind)
			for _, v := range r.values {
				a = append(a, v)
			}
			return a
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// replaceSeries rewrites a unit's series rows: those of the indicators in
// was (its figures in force until now) go, and the figures in force now
// (in) are written.
func (tx *wtx) replaceSeries(ctx context.Context, unit string, was, in map[figKey]inForce) error {
	gone := map[string]bool{}
	for k := range was {
		if !gone[k.ind] {
			gone[k.ind] = true
			if _, err := tx.ExecContext(ctx, `DELETE FROM series WHERE indicator = ? AND unit_code = ?`, k.ind, unit); err != nil {
				return err
			}
		}
	}
	rows := map[string]*seriesRow{}
	var order []*seriesRow
	for k, v := range in {
		r := rows[k.ind]
		if r == nil {
			r = &seriesRow{unit: unit, ind: k.ind}
			rows[k.ind] = r
			order = append(order, r)
		}
		r.years = append(r.years, k.year)
		r.values = append(r.values, v.value)
	}
	sort.Slice(order, func(i, j int) bool { return order[i].ind < order[j].ind })
	return tx.upsertSeries(ctx, order)
}

// yearOrder sorts a series row's years with their values.
type yearOrder struct{ r *seriesRow }

func (b yearOrder) Len() int           { return len(b.r.years) }
func (b yearOrder) Less(i, j int) bool { return b.r.years[i] < b.r.years[j] }
func (b yearOrder) Swap(i, j int) {
	b.r.years[i], b.r.years[j] = b.r.years[j], b.r.years[i]
	b.r.values[i], b.r.values[j] = b.r.values[j], b.r.values[i]
}
