package store_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/tongket/tongket/store"
	"github.com/tongket/tongket/unitlist"
)

// reorgList is a small list with history: A and B merge into C, D splits
// 0,6/0,4 between C and E, and F became A earlier (a chain).
func reorgList() *unitlist.List {
	return &unitlist.List{
		Units: []unitlist.Unit{
			{Code: "F", Name: "Xã F", ValidTo: "2019-12-31"},
			{Code: "A", Name: "Phường A", ValidFrom: "2020-01-01", ValidTo: "2025-06-30", Aliases: []string{"P. A"}},
			{Code: "B", Name: "Phường B", ValidTo: "2025-06-30"},
			{Code: "D", Name: "Xã D", ValidTo: "2025-06-30"},
			{Code: "C", Name: "Phường C", ValidFrom: "2025-07-01"},
			{Code: "E", Name: "Xã E", ValidFrom: "2025-07-01"},
		},
		Successions: []unitlist.Succession{
			{Old: "F", New: "A", Date: "2020-01-01", Share: unitlist.Whole, Basis: "NQ 1"},
			{Old: "A", New: "C", Date: "2025-07-01", Share: unitlist.Whole, Basis: "NQ 2"},
			{Old: "B", New: "C", Date: "2025-07-01", Share: unitlist.Whole, Basis: "NQ 2"},
			{Old: "D", New: "C", Date: "2025-07-01", Share: 600000, Basis: "NQ 2"},
			{Old: "D", New: "E", Date: "2025-07-01", Share: 400000, Basis: "NQ 2"},
		},
	}
}

func TestImportList(t *testing.T) {
	ctx := context.Background()
	db := mustOpenDB(t)
	// Figures of a unit the list will leave out, and of B.
	mustIngest(t, db, makeSub("x.xlsx", f("X", "TT_BUOI", 2020, 500), f("B", "TT_BUOI", 2020, 700)))
	figures := count(t, db.SQL(), `SELECT count(*) FROM current`)

	r, err := db.ImportList(ctx, reorgList())
	if err != nil {
		t.Fatal(err)
	}
	if r != (store.UnitsImported{Added: 5, Updated: 1, Successions: 5}) {
		t.Errorf("first import %+v", r)
	}
	recs, err := db.Units(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, u := range recs {
		line := fmt.Sprintf("%s %s %s..%s", u.Code, u.Source, u.ValidFrom, u.ValidTo)
		for _, p := range u.Predecessors {
			line += fmt.Sprintf(" <%s@%s*%s", p.Old, p.Date, unitlist.ShowShare(p.Share))
		}
		for _, s := range u.Successors {
			line += fmt.Sprintf(" >%s@%s*%s", s.New, s.Date, unitlist.ShowShare(s.Share))
		}
		got = append(got, line)
	}
	want := []string{
		"A import 2020-01-01..2025-06-30 <F@2020-01-01*1 >C@2025-07-01*1",
		"B import ..2025-06-30 >C@2025-07-01*1",
		"C import 2025-07-01.. <A@2025-07-01*1 <B@2025-07-01*1 <D@2025-07-01*0,6",
		"D import ..2025-06-30 >C@2025-07-01*0,6 >E@2025-07-01*0,4",
		"E import 2025-07-01.. <D@2025-07-01*0,4",
		"F import ..2019-12-31 >A@2020-01-01*1",
		"X submission ..",
	}
	if !slices.Equal(got, want) {
		t.Errorf("units\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// The list reads back as imported, for "units export".
	back, err := db.UnitList(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if a, b := fmt.Sprintf("%+v", reorgList().Units), fmt.Sprintf("%+v", back.Units); a != b {
		t.Errorf("units read back\n%s\nwant\n%s", b, a)
	}
	if a, b := fmt.Sprintf("%+v", reorgList().Successions), fmt.Sprintf("%+v", back.Successions); a != b {
		t.Errorf("successions read back\n%s\nwant\n%s", b, a)
	}

	// A corrected list replaces it: F and B are left out (B has figures
	// and stays, as known from submissions), the history is the new one,
	// and no figure changes.
	l := reorgList()
	l.Units = slices.DeleteFunc(l.Units, func(u unitlist.Unit) bool { return u.Code == "F" || u.Code == "B" })
	l.Successions = []unitlist.Succession{{Old: "A", New: "C", Date: "2025-07-01", Share: unitlist.Whole}}
	r, err = db.ImportList(ctx, l)
	if err != nil {
		t.Fatal(err)
	}
	if r != (store.UnitsImported{Updated: 4, Unlisted: 2, Kept: 1, Successions: 1}) {
		t.Errorf("second import %+v", r)
	}
	recs, _ = db.Units(ctx)
	got = got[:0]
	for _, u := range recs {
		got = append(got, fmt.Sprintf("%s %s %d %d", u.Code, u.Source, len(u.Predecessors), len(u.Successors)))
	}
	want = []string{"A import 0 1", "B submission 0 0", "C import 1 0", "D import 0 0", "E import 0 0", "X submission 0 0"}
	if !slices.Equal(got, want) {
		t.Errorf("units after the corrected list %q, want %q", got, want)
	}
	if n := count(t, db.SQL(), `SELECT count(*) FROM current`); n != figures {
		t.Errorf("%d figures in force after the imports, want %d", n, figures)
	}
	if n := count(t, db.SQL(), `SELECT count(*) FROM unit_aliases WHERE alias = 'P. A' AND code = 'A'`); n != 1 {
		t.Errorf("other name of A: %d rows", n)
	}
	checkWhole(t, db.SQL())
}

// TestUnitRecordListed: a unit of the imported list is listed; one known
// only from submissions is not, before a list and after one that leaves it
// out.
func TestUnitRecordListed(t *testing.T) {
	ctx := context.Background()
	db := mustOpenDB(t)
	mustIngest(t, db, makeSub("s.xlsx", f("S1", "TT_BUOI", 2020, 500)))
	listed := func() map[string]bool {
		t.Helper()
		recs, err := db.Units(ctx)
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]bool{}
		for _, u := range recs {
			m[u.Code] = u.Listed()
		}
		return m
	}
	before := listed()
	if _, err := db.ImportList(ctx, &unitlist.List{Units: []unitlist.Unit{{Code: "L1", Name: "Xã Một"}}}); err != nil {
		t.Fatal(err)
	}
	after := listed()
	tests := []struct {
		name  string
		got   map[string]bool
		code  string
		known bool
		want  bool
	}{
		{"from a submission, no list yet", before, "S1", true, false},
		{"from a submission, left out of the list", after, "S1", true, false},
		{"in the list", after, "L1", true, true},
		{"no such unit before the list", before, "L1", false, false},
	}
	for _, tt := range tests {
		got, known := tt.got[tt.code]
		if known != tt.known || got != tt.want {
			t.Errorf("%s: %s known %v listed %v, want known %v listed %v", tt.name, tt.code, known, got, tt.known, tt.want)
		}
	}
	for _, tt := range []struct {
		source string
		want   bool
	}{{"import", true}, {"submission", false}, {"", false}} {
		if got := (store.UnitRecord{Source: tt.source}).Listed(); got != tt.want {
			t.Errorf("source %q: listed %v, want %v", tt.source, got, tt.want)
		}
	}
}
