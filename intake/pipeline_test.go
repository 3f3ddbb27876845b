package intake

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/tongket/tongket/store"
)

// TestIngestStopsWhenCancelled: when the run is cancelled while files are
// being written (here after the first one), the check and write stages stop
// without hanging, the error says why, and the database holds whole files
// only: none of the batch that was not committed.
func TestIngestStopsWhenCancelled(t *testing.T) {
	inbox, _ := filepath.Glob(filepath.Join("..", "demo", "inbox", "0*.xlsx"))
	if len(inbox) < 5 {
		t.Fatalf("demo inbox: %d files", len(inbox))
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "t.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	done := make(chan error, 1)
	var res *Result
	go func() {
		var err error
		res, err = Ingest(ctx, db, inbox, Options{Progress: func(done, _ int) {
			if done == 1 {
				cancel()
			}
		}})
		done <- err
	}()
	select {
	case err = <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("ingest did not stop after the cancel")
	}
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error %v, want context.Canceled", err)
	}
	var n int
	if err := db.SQL().QueryRow(`SELECT count(*) FROM submissions`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Errorf("%d submissions stored from a batch that was never committed", n)
	}
	// The report says exactly what was stored: nothing of the batch rolled back.
	if res == nil || res.Totals == nil || res.Totals.Stored != n {
		t.Errorf("report after the cancel: %+v, want %d stored", res, n)
	}
}
