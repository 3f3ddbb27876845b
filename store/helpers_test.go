package store_test

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tongket/tongket/catalog"
	"github.com/tongket/tongket/store"
	"github.com/tongket/tongket/submission"
)

// testStart is the injected clock's first reading.
var testStart = time.Date(2024, 1, 15, 9, 0, 0, 0, time.UTC)

// fakeClock is an injected clock the tests move by hand.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *fakeClock { return &fakeClock{t: testStart} }

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) Advance(d time.Duration) time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
	return c.t
}

// testDB is an open database in t.TempDir() with its clock.
type testDB struct {
	*store.DB
	Clock *fakeClock
}

// mustOpenDB opens a new database in tb.TempDir() with an injected clock and
// closes it when the test ends.
func mustOpenDB(tb testing.TB) *testDB {
	tb.Helper()
	return mustOpenDBAt(tb, filepath.Join(tb.TempDir(), "tongket.db"))
}

// mustOpenDBAt opens (creating it if needed) the database at path.
func mustOpenDBAt(tb testing.TB, path string) *testDB {
	tb.Helper()
	clk := newClock()
	db, err := store.Open(context.Background(), path, store.Options{Now: clk.Now})
	if err != nil {
		tb.Fatalf("open %s: %v", path, err)
	}
	tb.Cleanup(func() { db.Close() })
	return &testDB{DB: db, Clock: clk}
}

// fig is one figure as a test writes it.
type fig struct {
	unit string
	ind  string
	year int
	v    int64 // hundredths
}

// f builds a fig; v is in hundredths (100 = 1).
func f(unit, ind string, year int, v int64) fig { return fig{unit, ind, year, v} }

// makeSub builds a valid submission from figures, as the reader would: units
// in order of first appearance, one row per (unit, indicator) from row 10 and
// one column per year (column = year - 2000, so 2013 is M). The hash covers
// the name and every figure, so the same arguments give the same bytes.
func makeSub(name string, figs ...fig) *submission.Submission {
	s := &submission.Submission{File: name, Layout: submission.Wide, Sheet: "Sheet1", Figures: make([]submission.Figure, 0, len(figs))}
	unitIdx := map[string]int{}
	rowOf := map[[2]string]int{}
	b := append(make([]byte, 0, 64*len(figs)), name...)
	for _, g := range figs {
		ui, ok := unitIdx[g.unit]
		if !ok {
			ui = len(s.Units)
			unitIdx[g.unit] = ui
			s.Units = append(s.Units, submission.Unit{Code: g.unit, Name: "Đơn vị " + g.unit, Sheet: "Sheet1", Cell: "B" + strconv.Itoa(5+ui), Resolved: g.unit})
		}
		rk := [2]string{g.unit, g.ind}
		row, ok := rowOf[rk]
		if !ok {
			row = 10 + len(rowOf)
			rowOf[rk] = row
		}
		s.Figures = append(s.Figures, submission.Figure{Unit: int32(ui), Indicator: g.ind, Year: int32(g.year), Value: g.v, Row: int32(row), Col: int16(g.year - 2000)})
		b = append(b, '\n')
		b = append(b, g.unit...)
		b = append(b, '|')
		b = append(b, g.ind...)
		b = append(b, '|')
		b = strconv.AppendInt(b, int64(g.year), 10)
		b = append(b, '|')
		b = strconv.AppendInt(b, g.v, 10)
	}
	sum := sha256.Sum256(b)
	s.SHA256 = hex.EncodeToString(sum[:])
	s.Size = int64(len(b))
	return s
}

// blockSub is a large submission: units prefix-00..prefix-(nUnits-1), every
// built-in indicator, years from..to, each value given by val.
func blockSub(name, prefix string, nUnits, from, to int, val func(u int, ind string, y int) int64) *submission.Submission {
	var figs []fig
	inds := catalog.Builtin().Indicators
	for u := 0; u < nUnits; u++ {
		unit := fmt.Sprintf("%s-%03d", prefix, u)
		for _, ind := range inds {
			for y := from; y <= to; y++ {
				figs = append(figs, f(unit, ind.Code, y, val(u, ind.Code, y)))
			}
		}
	}
	return makeSub(name, figs...)
}

func mustIngest(tb testing.TB, db *testDB, sub *submission.Submission) store.IngestResult {
	tb.Helper()
	res, err := db.Ingest(context.Background(), sub, false)
	if err != nil {
		tb.Fatalf("ingest %s: %v", sub.File, err)
	}
	return res
}

// checkWhole asserts that the database holds only whole submissions: the
// file is intact, every submission row has exactly its figures, and the
// series table holds exactly the figures in force (the current view: the
// newest active submission's figure for every key).
func checkWhole(tb testing.TB, sqldb *sql.DB) {
	tb.Helper()
	ctx := context.Background()
	var ic string
	if err := sqldb.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&ic); err != nil || ic != "ok" {
		tb.Fatalf("integrity_check = %q, %v", ic, err)
	}
	queries := []struct{ what, q string }{
		{"submissions whose figure rows differ from their figures count",
			`SELECT count(*) FROM submissions s WHERE s.figures <> (SELECT count(*) FROM figures f WHERE f.submission_id = s.id)`},
		{"figure rows of no submission",
			`SELECT count(*) FROM figures f WHERE NOT EXISTS (SELECT 1 FROM submissions s WHERE s.id = f.submission_id)`},
		{"active submissions stored twice", `SELECT count(*) FROM (SELECT sha256 FROM submissions WHERE state = 'active' GROUP BY sha256 HAVING count(*) > 1)`},
		{"submissions without their audit of inserts and updates",
			`SELECT count(*) FROM submissions s WHERE (SELECT count(*) FROM audit a WHERE a.submission_id = s.id AND a.action <> 'revert') > s.figures`},
	}
	for _, q := range queries {
		var n int
		if err := sqldb.QueryRowContext(ctx, q.q).Scan(&n); err != nil {
			tb.Fatalf("%s: %v", q.what, err)
		}
		if n != 0 {
			tb.Errorf("%s: %d", q.what, n)
		}
	}
	checkSeries(tb, sqldb)
	rows, err := sqldb.QueryContext(ctx, `PRAGMA foreign_key_check`)
	if err != nil {
		tb.Fatalf("foreign_key_check: %v", err)
	}
	defer rows.Close()
	if rows.Next() {
		tb.Errorf("foreign_key_check reports violations")
	}
}

// count runs a count query.
func count(tb testing.TB, sqldb *sql.DB, q string, args ...any) int {
	tb.Helper()
	var n int
	if err := sqldb.QueryRow(q, args...).Scan(&n); err != nil {
		tb.Fatalf("%s: %v", q, err)
	}
	return n
}

// mustOpenRaw opens a database file with the SQLite driver alone, to look at
// it without the store's migration.
func mustOpenRaw(tb testing.TB, path string) *sql.DB {
	tb.Helper()
	raw, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(30000)")
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { raw.Close() })
	return raw
}

// checkSeries asserts that the series table is exactly the figures in force
// pivoted by year: every figure in its column, nothing else.
func checkSeries(tb testing.TB, sqldb *sql.DB) {
	tb.Helper()
	type key struct {
		unit, ind string
		year      int
	}
	want := map[key]int64{}
	rows, err := sqldb.Query(`SELECT unit_code, indicator, year, value FROM current`)
	if err != nil {
		tb.Fatalf("series: %v", err)
	}
	for rows.Next() {
		var k key
		var v int64
		if err := rows.Scan(&k.unit, &k.ind, &k.year, &v); err != nil {
			tb.Fatalf("series: %v", err)
		}
		want[k] = v
	}
	rows.Close()
	rows, err = sqldb.Query(`SELECT * FROM series`)
	if err != nil {
		tb.Fatalf("series: %v", err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	got := map[key]int64{}
	vals := make([]sql.NullInt64, len(cols)-2)
	var unit, ind string
	dest := []any{&unit, &ind}
	for i := range vals {
		dest = append(dest, &vals[i])
	}
	empty := 0
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			tb.Fatalf("series: %v", err)
		}
		n := 0
		for i, v := range vals {
			if v.Valid {
				y, _ := strconv.Atoi(strings.TrimPrefix(cols[i+2], "y"))
				got[key{unit, ind, y}] = v.Int64
				n++
			}
		}
		if n == 0 {
			empty++
		}
	}
	if !reflect.DeepEqual(got, want) {
		tb.Errorf("series holds %d figures, current %d; they differ", len(got), len(want))
	}
	if empty > 0 {
		tb.Errorf("series has %d rows with no figure", empty)
	}
}
