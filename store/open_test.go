package store_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"testing"

	"github.com/tongket/tongket/catalog"
	"github.com/tongket/tongket/store"
	"github.com/tongket/tongket/summary"
)

func TestOpenRefusesNonSQLite(t *testing.T) {
	tests := []struct {
		name    string
		content []byte
	}{
		{"text file", []byte("Báo cáo tổng kết 10 năm\nkhông phải cơ sở dữ liệu\n")},
		{"xlsx (zip)", append([]byte("PK\x03\x04\x14\x00\x06\x00"), bytes.Repeat([]byte{0}, 200)...)},
		{"shorter than the header", []byte("SQLite")},
		{"header without its NUL", []byte("SQLite format 3!and more bytes here")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "tongket.db")
			if err := os.WriteFile(path, tt.content, 0o644); err != nil {
				t.Fatal(err)
			}
			db, err := store.Open(context.Background(), path, store.Options{Now: newClock().Now})
			if err == nil {
				db.Close()
				t.Fatal("opened a file that is not SQLite")
			}
			var se *store.Error
			if !errors.As(err, &se) || se.Code == "" || se.Path != path || se.Op == "" {
				t.Errorf("error %v (%T): want *store.Error with op, path and code", err, err)
			}
			got, _ := os.ReadFile(path)
			if !bytes.Equal(got, tt.content) {
				t.Errorf("the file was changed")
			}
			ents, _ := os.ReadDir(dir)
			if len(ents) != 1 {
				var names []string
				for _, e := range ents {
					names = append(names, e.Name())
				}
				t.Errorf("files beside it were created: %v", names)
			}
		})
	}
}

func TestOpenNewerSchema(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "tongket.db")
	db, err := store.Open(ctx, path, store.Options{Now: newClock().Now})
	if err != nil {
		t.Fatal(err)
	}
	newer := strconv.Itoa(store.SchemaVersion + 1)
	if _, err := db.SQL().Exec(`UPDATE meta SET value = ? WHERE key = 'schema_version'`, newer); err != nil {
		t.Fatal(err)
	}
	db.Close()

	db, err = store.Open(ctx, path, store.Options{Now: newClock().Now})
	if err == nil {
		db.Close()
		t.Fatal("opened a database of a newer schema")
	}
	var se *store.Error
	if !errors.Is(err, store.ErrNewerSchema) || !errors.As(err, &se) || se.Code != store.CodeNewerSchema {
		t.Errorf("error %v: want *store.Error coded newer-schema wrapping ErrNewerSchema", err)
	}
	// Still the newer version: nothing was migrated down.
	check := mustOpenRaw(t, path)
	var v string
	if err := check.QueryRow(`SELECT value FROM meta WHERE key = 'schema_version'`).Scan(&v); err != nil || v != newer {
		t.Errorf("schema_version now %q (%v), want %s", v, err, newer)
	}
}

func TestOpenReopenKeepsData(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "tongket.db")
	db := mustOpenDBAt(t, path)
	mustIngest(t, db, subFirst)
	mustIngest(t, db, subResubmit)
	want, err := db.Summarize(ctx, summary.Period{From: 2013, To: 2017})
	if err != nil {
		t.Fatal(err)
	}
	wantFigs, _ := db.Figures(ctx, "HP-HB")
	db.Close()

	for i := 0; i < 3; i++ {
		db := mustOpenDBAt(t, path)
		got, err := db.Summarize(ctx, summary.Period{From: 2013, To: 2017})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("reopen %d: summary changed", i)
		}
		if figs, _ := db.Figures(ctx, "HP-HB"); !reflect.DeepEqual(figs, wantFigs) {
			t.Errorf("reopen %d: figures %v, want %v", i, figs, wantFigs)
		}
		nInd := len(catalog.Builtin().Indicators)
		if n := count(t, db.SQL(), `SELECT count(*) FROM indicators`); n != nInd {
			t.Errorf("reopen %d: %d indicators, want %d (catalog seeded once)", i, n, nInd)
		}
		if n := count(t, db.SQL(), `SELECT count(*) FROM rules`); n != len(catalog.Builtin().Rules) {
			t.Errorf("reopen %d: %d rules, want %d", i, n, len(catalog.Builtin().Rules))
		}
		if n := count(t, db.SQL(), `SELECT count(*) FROM meta WHERE key = 'schema_version' AND value = ?`, strconv.Itoa(store.SchemaVersion)); n != 1 {
			t.Errorf("reopen %d: schema_version is not %d", i, store.SchemaVersion)
		}
		if n := count(t, db.SQL(), `SELECT count(*) FROM submissions`); n != 2 {
			t.Errorf("reopen %d: %d submissions, want 2", i, n)
		}
		if res := mustIngest(t, db, subFirst); !res.Skipped {
			t.Errorf("reopen %d: the first file is not recognised as stored", i)
		}
		c, err := db.Catalog(ctx)
		if err != nil || len(c.Indicators) != nInd {
			t.Errorf("reopen %d: catalog %v, %v", i, c, err)
		}
		checkWhole(t, db.SQL())
		db.Close()
	}
}

func TestOpenUnwritablePlace(t *testing.T) {
	path := filepath.Join(t.TempDir(), "no", "such", "folder", "tongket.db")
	db, err := store.Open(context.Background(), path, store.Options{})
	if err == nil {
		db.Close()
		t.Fatal("opened a database in a folder that does not exist")
	}
	var se *store.Error
	if !errors.As(err, &se) || se.Code != store.CodeFolderMissing || se.Name != filepath.Dir(path) {
		t.Errorf("error %v: want *store.Error coded folder-missing naming the folder", err)
	}
}

func TestSnapshot(t *testing.T) {
	ctx := context.Background()
	db := mustOpenDB(t)
	mustIngest(t, db, subFirst)
	mustIngest(t, db, subNewYears)
	snap := filepath.Join(t.TempDir(), "copy.db")
	if err := db.Snapshot(ctx, snap); err != nil {
		t.Fatal(err)
	}
	p := summary.Period{From: 2013, To: 2017}
	want, _ := db.Summarize(ctx, p)
	cp := mustOpenDBAt(t, snap)
	got, err := cp.Summarize(ctx, p)
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("snapshot summary differs (%v)", err)
	}
	checkWhole(t, cp.SQL())
	if err := db.Snapshot(ctx, snap); err == nil {
		t.Errorf("snapshot over an existing file succeeded")
	}
}

// TestOpenNewDatabaseConcurrently: commands started together on a database
// that does not exist yet all open it (one creates it, the others wait).
func TestOpenNewDatabaseConcurrently(t *testing.T) {
	rounds, openers := 25, 8
	if testing.Short() {
		rounds = 10
	}
	failed := 0
	for r := 0; r < rounds; r++ {
		path := filepath.Join(t.TempDir(), "tongket.db")
		errs := make(chan error, openers)
		for g := 0; g < openers; g++ {
			go func() {
				db, err := store.Open(context.Background(), path, store.Options{})
				if err == nil {
					err = db.Close()
				}
				errs <- err
			}()
		}
		for g := 0; g < openers; g++ {
			if err := <-errs; err != nil {
				failed++
				if failed == 1 {
					t.Errorf("round %d: %v", r, err)
				}
			}
		}
	}
	if failed > 0 {
		t.Errorf("%d of %d opens of a new database failed", failed, rounds*openers)
	}
}
