package store

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/tongket/tongket/submission"
)

// TestDiskFull: when the disk fills in the middle of a file (simulated with
// PRAGMA max_page_count on the write connection, which fails exactly like a
// full disk, SQLITE_FULL), the file is not stored at all, the database is as
// it was, and the error tells the officer what happened in Vietnamese.
func TestDiskFull(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "full.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	sub := func(sha string, n int) *submission.Submission {
		s := &submission.Submission{File: sha + ".xlsx", SHA256: sha, Layout: submission.Long, Sheet: "S"}
		for u := 0; u < n; u++ {
			s.Units = append(s.Units, submission.Unit{Code: fmt.Sprintf("U%05d", u), Resolved: fmt.Sprintf("U%05d", u)})
			for y := 2014; y <= 2023; y++ {
				s.Figures = append(s.Figures, submission.Figure{Unit: int32(u), Indicator: "TT_BUOI", Year: int32(y), Value: int64(u*100 + y), Row: int32(u + 2), Col: 5})
			}
		}
		return s
	}
	if _, err := db.Ingest(ctx, sub("small", 3), false); err != nil {
		t.Fatal(err)
	}
	var pages int
	if err := db.wr.QueryRowContext(ctx, `PRAGMA page_count`).Scan(&pages); err != nil {
		t.Fatal(err)
	}
	if _, err := db.wr.ExecContext(ctx, fmt.Sprintf(`PRAGMA max_page_count = %d`, pages+2)); err != nil {
		t.Fatal(err)
	}
	_, err = db.Ingest(ctx, sub("big", 2000), false)
	var se *Error
	if !errors.As(err, &se) || se.Code != CodeDiskFull {
		t.Fatalf("error %v, want a *Error whose code says the disk is full", err)
	}
	var subs, figs int
	db.sql.QueryRow(`SELECT count(*) FROM submissions`).Scan(&subs)
	db.sql.QueryRow(`SELECT count(*) FROM figures`).Scan(&figs)
	if subs != 1 || figs != 30 {
		t.Fatalf("after the full disk: %d submissions, %d figures; want only the first file's 1 and 30", subs, figs)
	}
}
