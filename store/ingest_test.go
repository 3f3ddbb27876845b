package store_test

import (
	"context"
	"database/sql"
	"reflect"
	"testing"
	"time"

	"github.com/tongket/tongket/finding"
	"github.com/tongket/tongket/store"
	"github.com/tongket/tongket/submission"
)

// The three submissions of the ingest story: a first file, a resubmission of
// the same years with two values changed, and a file adding new years.
var (
	subFirst = makeSub("hong-bang-2013-2015.xlsx",
		f("HP-HB", "TT_BUOI", 2013, 150000), f("HP-HB", "TT_BUOI", 2014, 162000), f("HP-HB", "TT_BUOI", 2015, 170000),
		f("HP-HB", "NHA_TIEN", 2013, 350), f("HP-HB", "NHA_TIEN", 2014, 123456),
		f("HP-LC", "TT_BUOI", 2013, 50000), f("HP-LC", "TT_BUOI", 2014, 60000))
	subResubmit = makeSub("hong-bang-2013-2015-sua.xlsx",
		f("HP-HB", "TT_BUOI", 2013, 150000), f("HP-HB", "TT_BUOI", 2014, 162500), f("HP-HB", "TT_BUOI", 2015, 170000),
		f("HP-HB", "NHA_TIEN", 2013, 360), f("HP-HB", "NHA_TIEN", 2014, 123456))
	subNewYears = makeSub("hong-bang-2015-2017.xlsx",
		f("HP-HB", "TT_BUOI", 2015, 170000), f("HP-HB", "TT_BUOI", 2016, 180000), f("HP-HB", "TT_BUOI", 2017, 190000),
		f("HP-HB", "NHA_TIEN", 2016, 100),
		f("HP-LC", "TT_BUOI", 2014, 61000))
)

func TestIngestCounts(t *testing.T) {
	ctx := context.Background()
	db := mustOpenDB(t)

	type want struct {
		skippedAs int // step whose id a skip returns; -1 when not skipped
		counts    store.Counts
	}
	steps := []struct {
		name string
		sub  *submission.Submission
		want want
	}{
		{"first file: all inserted", subFirst, want{-1, store.Counts{Inserted: 7}}},
		{"resubmission: two changed, three unchanged", subResubmit, want{-1, store.Counts{Updated: 2, Unchanged: 3}}},
		{"new years inserted, one update, one unchanged", subNewYears, want{-1, store.Counts{Inserted: 3, Updated: 1, Unchanged: 1}}},
		{"same bytes as the first: skipped", subFirst, want{0, store.Counts{}}},
		{"same bytes as the resubmission: skipped", subResubmit, want{1, store.Counts{}}},
	}
	ids := make([]int64, len(steps))
	ats := make([]time.Time, len(steps))
	for i, st := range steps {
		ats[i] = db.Clock.Advance(time.Hour)
		before := count(t, db.SQL(), `SELECT count(*) FROM figures`)
		res := mustIngest(t, db, st.sub)
		ids[i] = res.SubmissionID
		if st.want.skippedAs >= 0 {
			if !res.Skipped || res.SubmissionID != ids[st.want.skippedAs] {
				t.Errorf("%s: got skipped=%v id=%d, want skipped as id %d", st.name, res.Skipped, res.SubmissionID, ids[st.want.skippedAs])
			}
			if after := count(t, db.SQL(), `SELECT count(*) FROM figures`); after != before {
				t.Errorf("%s: skip stored %d figure rows", st.name, after-before)
			}
		} else if res.Skipped {
			t.Errorf("%s: skipped, want stored", st.name)
		}
		if res.Counts != st.want.counts {
			t.Errorf("%s: counts %+v, want %+v", st.name, res.Counts, st.want.counts)
		}
		checkWhole(t, db.SQL())
	}
	if n := count(t, db.SQL(), `SELECT count(*) FROM submissions`); n != 3 {
		t.Errorf("submissions stored: %d, want 3", n)
	}

	// The figures in force are the newest submission's.
	wantFigures := map[string]map[string]map[int]int64{
		"HP-HB": {
			"TT_BUOI":  {2013: 150000, 2014: 162500, 2015: 170000, 2016: 180000, 2017: 190000},
			"NHA_TIEN": {2013: 360, 2014: 123456, 2016: 100},
		},
		"HP-LC":   {"TT_BUOI": {2013: 50000, 2014: 61000}},
		"UNKNOWN": {},
	}
	for unit, want := range wantFigures {
		got, err := db.Figures(ctx, unit)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("figures of %s: %v, want %v", unit, got, want)
		}
	}

	// Audit: one row per figure in force whose value a file changed, with
	// old/new values, the figure it replaced, the cell and the clock; none
	// for a first value (its figures row records it) or an unchanged one.
	type auditRow struct {
		sub              int64
		action, unit     string
		ind              string
		year             int
		oldV, newV, oldS sql.NullInt64
		cell, at         string
	}
	rows, err := db.SQL().Query(`SELECT submission_id, action, unit_code, indicator, year, old_value, new_value, old_submission_id, cell, at
		FROM audit ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	var audit []auditRow
	for rows.Next() {
		var a auditRow
		if err := rows.Scan(&a.sub, &a.action, &a.unit, &a.ind, &a.year, &a.oldV, &a.newV, &a.oldS, &a.cell, &a.at); err != nil {
			t.Fatal(err)
		}
		audit = append(audit, a)
	}
	rows.Close()
	perSub := map[int64]map[string]int{}
	for _, a := range audit {
		if perSub[a.sub] == nil {
			perSub[a.sub] = map[string]int{}
		}
		perSub[a.sub][a.action]++
		stepAt := ats[0]
		for i := range ids[:3] {
			if ids[i] == a.sub {
				stepAt = ats[i]
			}
		}
		if a.at != stepAt.UTC().Format(time.RFC3339) {
			t.Errorf("audit %+v: at %s, want the ingest clock %s", a, a.at, stepAt.Format(time.RFC3339))
		}
		if a.cell == "" || !a.newV.Valid {
			t.Errorf("audit %+v: want a cell and a new value", a)
		}
		if (a.action == "insert") == a.oldV.Valid || a.oldV.Valid != a.oldS.Valid {
			t.Errorf("audit %+v: insert has no old value, update has old value and submission", a)
		}
	}
	wantPerSub := map[int64]map[string]int{
		ids[1]: {"update": 2},
		ids[2]: {"update": 1},
	}
	if !reflect.DeepEqual(perSub, wantPerSub) {
		t.Errorf("audit rows per submission: %v, want %v", perSub, wantPerSub)
	}
	// The resubmission's change of HP-HB TT_BUOI 2014: row 10, column N.
	wantUpdate := auditRow{sub: ids[1], action: "update", unit: "HP-HB", ind: "TT_BUOI", year: 2014,
		oldV: sql.NullInt64{Int64: 162000, Valid: true}, newV: sql.NullInt64{Int64: 162500, Valid: true},
		oldS: sql.NullInt64{Int64: ids[0], Valid: true}, cell: "N10", at: ats[1].Format(time.RFC3339)}
	wantMoney := auditRow{sub: ids[1], action: "update", unit: "HP-HB", ind: "NHA_TIEN", year: 2013,
		oldV: sql.NullInt64{Int64: 350, Valid: true}, newV: sql.NullInt64{Int64: 360, Valid: true},
		oldS: sql.NullInt64{Int64: ids[0], Valid: true}, cell: "M11", at: ats[1].Format(time.RFC3339)}
	for _, w := range []auditRow{wantUpdate, wantMoney} {
		found := false
		for _, a := range audit {
			found = found || a == w
		}
		if !found {
			t.Errorf("no audit row %+v", w)
		}
	}

	// History: newest first, with the clock, units, years and what is in force.
	hist, err := db.History(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	wantHist := []store.Record{
		{ID: ids[2], File: subNewYears.File, SHA256: subNewYears.SHA256, Size: subNewYears.Size, Layout: "wide", Sheet: "Sheet1",
			Units: []string{"HP-HB", "HP-LC"}, YearFrom: 2014, YearTo: 2017, Figures: 5, InForce: 5, IngestedAt: ats[2], State: "active"},
		{ID: ids[1], File: subResubmit.File, SHA256: subResubmit.SHA256, Size: subResubmit.Size, Layout: "wide", Sheet: "Sheet1",
			Units: []string{"HP-HB"}, YearFrom: 2013, YearTo: 2015, Figures: 5, InForce: 4, IngestedAt: ats[1], State: "active"},
		{ID: ids[0], File: subFirst.File, SHA256: subFirst.SHA256, Size: subFirst.Size, Layout: "wide", Sheet: "Sheet1",
			Units: []string{"HP-HB", "HP-LC"}, YearFrom: 2013, YearTo: 2015, Figures: 7, InForce: 1, IngestedAt: ats[0], State: "active"},
	}
	if !reflect.DeepEqual(hist, wantHist) {
		t.Errorf("history:\n got %+v\nwant %+v", hist, wantHist)
	}
	if hist, _ := db.History(ctx, "HP-LC"); len(hist) != 2 || hist[0].ID != ids[2] || hist[1].ID != ids[0] {
		t.Errorf("history of HP-LC: %+v, want the first and the new-years files", hist)
	}

	// Lookup finds active submissions by hash.
	for _, tc := range []struct {
		sha    string
		id     int64
		exists bool
	}{
		{subFirst.SHA256, ids[0], true},
		{subNewYears.SHA256, ids[2], true},
		{"0000", 0, false},
	} {
		id, ok, err := db.Lookup(ctx, tc.sha)
		if err != nil || id != tc.id || ok != tc.exists {
			t.Errorf("Lookup(%.8s) = %d, %v, %v; want %d, %v", tc.sha, id, ok, err, tc.id, tc.exists)
		}
	}

	// Directory knows the units seen.
	dir, err := db.Directory(ctx)
	if err != nil {
		t.Fatal(err)
	}
	byName := &submission.Submission{Units: []submission.Unit{{Name: "Đơn vị HP-LC"}, {Code: "hp-hb"}}}
	byName.Resolve(dir)
	if got := []string{byName.Units[0].Resolved, byName.Units[1].Resolved}; !reflect.DeepEqual(got, []string{"HP-LC", "HP-HB"}) || len(byName.Findings) != 0 {
		t.Errorf("directory resolves %v (findings %v), want [HP-LC HP-HB]", got, byName.Findings)
	}
}

func TestIngestDryRunAndRefusal(t *testing.T) {
	ctx := context.Background()
	db := mustOpenDB(t)
	mustIngest(t, db, subFirst)
	snapshot := func() [4]int {
		return [4]int{
			count(t, db.SQL(), `SELECT count(*) FROM submissions`), count(t, db.SQL(), `SELECT count(*) FROM figures`),
			count(t, db.SQL(), `SELECT count(*) FROM current`), count(t, db.SQL(), `SELECT count(*) FROM audit`),
		}
	}
	before := snapshot()

	res, err := db.Ingest(ctx, subNewYears, true)
	if err != nil {
		t.Fatal(err)
	}
	if want := (store.Counts{Inserted: 3, Updated: 1, Unchanged: 1}); res.Counts != want || res.Skipped {
		t.Errorf("dry run: %+v, want %+v not skipped", res, want)
	}
	if after := snapshot(); after != before {
		t.Errorf("dry run stored something: rows %v, before %v", after, before)
	}
	if _, ok, _ := db.Lookup(ctx, subNewYears.SHA256); ok {
		t.Errorf("dry run left the submission findable")
	}

	bad := makeSub("loi.xlsx", f("HP-HB", "TT_BUOI", 2013, 1))
	bad.Findings = []finding.Finding{{Severity: finding.Error, Code: finding.TypeError, Sheet: "Sheet1", Cell: "M10"}}
	if _, err := db.Ingest(ctx, bad, false); err == nil {
		t.Errorf("a submission with an error finding was stored")
	}
	if after := snapshot(); after != before {
		t.Errorf("refused submission stored something: rows %v, before %v", after, before)
	}
	// A warning does not block.
	warned := makeSub("canh-bao.xlsx", f("HP-HB", "TT_BUOI", 2020, 1))
	warned.Findings = []finding.Finding{{Severity: finding.Warning, Code: "outlier"}}
	if res := mustIngest(t, db, warned); res.Inserted != 1 {
		t.Errorf("warned submission: %+v, want 1 inserted", res)
	}
	checkWhole(t, db.SQL())
}

// TestHistoryOfUnit: the unit filter matches whole codes only; '_' and '%'
// in a code are characters, not patterns.
func TestHistoryOfUnit(t *testing.T) {
	ctx := context.Background()
	db := mustOpenDB(t)
	for _, s := range []*submission.Submission{
		makeSub("a.xlsx", f("HP_A", "TT_BUOI", 2013, 1)),
		makeSub("b.xlsx", f("HPXA", "TT_BUOI", 2013, 1)),
		makeSub("c.xlsx", f("X%Y", "TT_BUOI", 2013, 1), f("HP-A", "TT_BUOI", 2013, 1)),
		makeSub("d.xlsx", f("HP-AB", "TT_BUOI", 2013, 1)),
	} {
		mustIngest(t, db, s)
	}
	tests := []struct {
		unit string
		want []string
	}{
		{"HP_A", []string{"a.xlsx"}},
		{"HPXA", []string{"b.xlsx"}},
		{"HP-A", []string{"c.xlsx"}},
		{"X%Y", []string{"c.xlsx"}},
		{"X%", nil},
		{"%", nil},
		{"HP", nil},
		{"", []string{"d.xlsx", "c.xlsx", "b.xlsx", "a.xlsx"}},
	}
	for _, tt := range tests {
		hist, err := db.History(ctx, tt.unit)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, h := range hist {
			got = append(got, h.File)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("History(%q) = %v, want %v", tt.unit, got, tt.want)
		}
	}
}
