package store

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"testing"
)

// TestMigrateForward: a database made by the first schema opens with this
// tongket, keeps its data and gains the later tables.
func TestMigrateForward(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v1.db")
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{migrations[0],
		`INSERT INTO meta VALUES('schema_version', '1')`,
		`INSERT INTO units(code, name, first_seen) VALUES('HP-A', 'Quận A', '2024-01-01T00:00:00Z')`} {
		if _, err := raw.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	raw.Close()

	db, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if v, err := schemaVersion(ctx, db.sql); err != nil || v != SchemaVersion || SchemaVersion < 2 {
		t.Fatalf("version %d, %v; want %d", v, err, SchemaVersion)
	}
	if err := db.SetSetting(ctx, "place", "Hải Phòng"); err != nil {
		t.Fatal(err)
	}
	if s, _ := db.Settings(ctx); s["place"] != "Hải Phòng" {
		t.Fatalf("settings %v", s)
	}
	var name string
	if err := db.sql.QueryRow(`SELECT name FROM units WHERE code='HP-A'`).Scan(&name); err != nil || name != "Quận A" {
		t.Fatalf("unit lost in migration: %q %v", name, err)
	}
	if err := db.SetSetting(ctx, "place", ""); err != nil {
		t.Fatal(err)
	}
	if s, _ := db.Settings(ctx); len(s) != 0 {
		t.Fatalf("unset left %v", s)
	}
}

// TestForeignDatabase: another program's SQLite file is refused untouched.
func TestForeignDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "other.db")
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`CREATE TABLE contacts(name TEXT)`); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	_, err = Open(context.Background(), path, Options{})
	var se *Error
	if !errors.As(err, &se) || se.Code != CodeForeignDB {
		t.Fatalf("error %v, want a *Error with code %s", err, CodeForeignDB)
	}
	raw, _ = sql.Open("sqlite", path)
	defer raw.Close()
	var n int
	raw.QueryRow(`SELECT count(*) FROM sqlite_master WHERE type='table'`).Scan(&n)
	if n != 1 {
		t.Fatalf("%d tables after the refusal, want only the program's own", n)
	}
}
