package store

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/tongket/tongket/submission"
)

// TestBatchFileAtomicity: inside a batch, a file that fails mid-write (here
// a figure listed twice, which the primary key refuses after the submission
// row and some figures are written) leaves nothing behind, and the files
// around it are stored whole.
func TestBatchFileAtomicity(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "b.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	mk := func(sha, unit string, figs ...submission.Figure) *submission.Submission {
		return &submission.Submission{File: sha + ".xlsx", SHA256: sha, Layout: submission.Wide, Sheet: "S",
			Units: []submission.Unit{{Code: unit, Resolved: unit}}, Figures: figs}
	}
	fig := func(ind string, year int, v int64) submission.Figure {
		return submission.Figure{Indicator: ind, Year: int32(year), Value: v, Row: 6, Col: 5}
	}
	b, err := db.BeginBatch(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.Ingest(ctx, mk("a", "U1", fig("TT_BUOI", 2020, 100), fig("TT_LUOT", 2020, 900))); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Ingest(ctx, mk("b", "U2", fig("TT_BUOI", 2020, 100), fig("TT_BUOI", 2020, 200))); err == nil {
		t.Fatal("a file with a figure twice was stored")
	}
	if r, err := b.Ingest(ctx, mk("c", "U3", fig("TT_BUOI", 2021, 300))); err != nil || r.Inserted != 1 {
		t.Fatalf("file after the failure: %+v %v", r, err)
	}
	if b.Len() != 2 {
		t.Fatalf("batch holds %d files, want 2", b.Len())
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
	var subs, figs, units int
	db.sql.QueryRow(`SELECT count(*) FROM submissions`).Scan(&subs)
	db.sql.QueryRow(`SELECT count(*) FROM current`).Scan(&figs)
	db.sql.QueryRow(`SELECT count(*) FROM units WHERE code = 'U2'`).Scan(&units)
	if subs != 2 || figs != 3 || units != 0 {
		t.Fatalf("after the batch: %d submissions, %d figures in force, unit U2 %d times; want 2, 3, 0", subs, figs, units)
	}
}
