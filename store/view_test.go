package store_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/tongket/tongket/store"
)

// TestOpenViewTouchesNothing: a view of a database that does not exist
// creates no file; a view of one that does sees its data and leaves the
// file, and the folder, byte for byte as they were.
func TestOpenViewTouchesNothing(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	missing := filepath.Join(dir, "chua-co.db")
	v, err := store.OpenView(ctx, missing, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	cat, err := v.Catalog(ctx)
	if err != nil || len(cat.Indicators) == 0 {
		t.Fatalf("catalog of an empty view: %v, %v", cat, err)
	}
	v.Close()
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Fatalf("a view of a missing database left %v", entries)
	}

	path := filepath.Join(dir, "t.db")
	db, err := store.Open(ctx, path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.SQL().ExecContext(ctx, `INSERT INTO units(code, name, first_seen) VALUES ('HP-X', 'Quận X', '2026-01-01')`); err != nil {
		db.Close()
		t.Fatal(err)
	}
	db.Close()
	before, _ := os.ReadFile(path)
	st0, _ := os.Stat(path)
	names := func() []string {
		es, _ := os.ReadDir(dir)
		var out []string
		for _, e := range es {
			out = append(out, e.Name())
		}
		return out
	}
	list0 := names()
	time.Sleep(20 * time.Millisecond)

	v, err = store.OpenView(ctx, path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var n int
	if err := v.SQL().QueryRowContext(ctx, `SELECT count(*) FROM units WHERE code = 'HP-X'`).Scan(&n); err != nil || n != 1 {
		t.Fatalf("the view does not see the unit: %d, %v", n, err)
	}
	// Writing to the view changes the copy, never the file.
	if _, err := v.SQL().ExecContext(ctx, `DELETE FROM units`); err != nil {
		t.Fatal(err)
	}
	v.Close()
	after, _ := os.ReadFile(path)
	st1, _ := os.Stat(path)
	if !bytes.Equal(before, after) || !st1.ModTime().Equal(st0.ModTime()) {
		t.Error("the database file changed under a view")
	}
	if got := names(); len(got) != len(list0) {
		t.Errorf("files %v, were %v", got, list0)
	}
}
