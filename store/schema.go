package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"

	"github.com/tongket/tongket/catalog"
)

// migrations are applied in order, forward only; the schema version is the
// number applied. Never edit one that has shipped: add another.
var migrations = []string{
	// 1: submissions, figures, the figures in force, audit, catalog, units.
	`CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
	CREATE TABLE indicators (
		code TEXT PRIMARY KEY, name TEXT NOT NULL, unit TEXT NOT NULL,
		agg TEXT NOT NULL CHECK (agg IN ('sum','last')),
		kind TEXT NOT NULL CHECK (kind IN ('count','money')),
		ord INTEGER NOT NULL);
	CREATE TABLE rules (
		id INTEGER PRIMARY KEY, left_op TEXT NOT NULL, op TEXT NOT NULL, right_op TEXT NOT NULL,
		cond TEXT NOT NULL DEFAULT '', severity TEXT NOT NULL,
		message_vi TEXT NOT NULL DEFAULT '', message_en TEXT NOT NULL DEFAULT '');
	CREATE TABLE units (
		code TEXT PRIMARY KEY, name TEXT NOT NULL DEFAULT '',
		source TEXT NOT NULL DEFAULT 'submission', first_seen TEXT NOT NULL);
	CREATE TABLE unit_aliases (alias TEXT PRIMARY KEY, code TEXT NOT NULL REFERENCES units(code));
	CREATE TABLE submissions (
		id INTEGER PRIMARY KEY,
		file_name TEXT NOT NULL, sha256 TEXT NOT NULL, size INTEGER NOT NULL,
		layout TEXT NOT NULL, sheet TEXT NOT NULL,
		units TEXT NOT NULL, year_from INTEGER, year_to INTEGER, figures INTEGER NOT NULL,
		ingested_at TEXT NOT NULL,
		state TEXT NOT NULL DEFAULT 'active' CHECK (state IN ('active','reverted')),
		reverted_at TEXT);
	CREATE INDEX submissions_sha ON submissions(sha256);
	CREATE TABLE figures (
		submission_id INTEGER NOT NULL REFERENCES submissions(id),
		unit_code TEXT NOT NULL, indicator TEXT NOT NULL, year INTEGER NOT NULL,
		value INTEGER NOT NULL, -- hundredths: money sums stay exact
		cell TEXT NOT NULL,
		PRIMARY KEY (submission_id, unit_code, indicator, year)) WITHOUT ROWID;
	CREATE INDEX figures_key ON figures(unit_code, indicator, year, submission_id);
	CREATE TABLE current (
		unit_code TEXT NOT NULL, indicator TEXT NOT NULL, year INTEGER NOT NULL,
		value INTEGER NOT NULL, submission_id INTEGER NOT NULL REFERENCES submissions(id),
		PRIMARY KEY (unit_code, indicator, year)) WITHOUT ROWID;
	CREATE INDEX current_submission ON current(submission_id);
	CREATE TABLE audit (
		id INTEGER PRIMARY KEY, submission_id INTEGER NOT NULL,
		action TEXT NOT NULL CHECK (action IN ('insert','update','revert')),
		unit_code TEXT NOT NULL, indicator TEXT NOT NULL, year INTEGER NOT NULL,
		old_value INTEGER, new_value INTEGER, old_submission_id INTEGER,
		cell TEXT NOT NULL DEFAULT '', at TEXT NOT NULL);
	CREATE INDEX audit_submission ON audit(submission_id);`,
	// 2: report settings (agency, place, signer, …) kept by "tongket config".
	`CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);`,
	// 3: award rosters, and the organisations and forms they may name.
	`CREATE TABLE organisations (name TEXT PRIMARY KEY, ord INTEGER NOT NULL);
	CREATE TABLE award_forms (name TEXT PRIMARY KEY, ord INTEGER NOT NULL);
	CREATE TABLE rosters (
		id INTEGER PRIMARY KEY,
		file_name TEXT NOT NULL, sha256 TEXT NOT NULL, size INTEGER NOT NULL, sheet TEXT NOT NULL,
		entries INTEGER NOT NULL, ingested_at TEXT NOT NULL,
		state TEXT NOT NULL DEFAULT 'active' CHECK (state IN ('active','reverted')));
	CREATE INDEX rosters_sha ON rosters(sha256);
	CREATE TABLE awards (
		id INTEGER PRIMARY KEY, roster_id INTEGER NOT NULL REFERENCES rosters(id),
		name TEXT NOT NULL, kind TEXT NOT NULL, position TEXT NOT NULL, unit TEXT NOT NULL,
		organisation TEXT NOT NULL, form TEXT NOT NULL, authority TEXT NOT NULL,
		decision_number TEXT NOT NULL, decision_date TEXT NOT NULL, -- yyyy-mm-dd
		achievement TEXT NOT NULL, sheet TEXT NOT NULL, col TEXT NOT NULL DEFAULT '', row INTEGER NOT NULL);
	CREATE INDEX awards_date ON awards(decision_date);
	CREATE INDEX awards_roster ON awards(roster_id);`,
	// 4: the official unit list: parent and level of each unit.
	`ALTER TABLE units ADD COLUMN parent TEXT NOT NULL DEFAULT '';
	ALTER TABLE units ADD COLUMN level TEXT NOT NULL DEFAULT '';`,
	// 5: storing a file writes a few rows, not several per figure, and a
	// summary reads one row per indicator and unit. The figures in force
	// move to series (series.go: a column per year, filled here from
	// current); a submission's figures become one row per unit holding a
	// JSON array; current and figures become views of the same shape.
	seriesDDL() + `
	CREATE TABLE submission_figures (
		unit_code TEXT NOT NULL,
		submission_id INTEGER NOT NULL REFERENCES submissions(id),
		data TEXT NOT NULL, -- JSON: [[indicator, year, hundredths, cell], …]
		PRIMARY KEY (unit_code, submission_id)) WITHOUT ROWID;
	INSERT INTO submission_figures(unit_code, submission_id, data)
		SELECT unit_code, submission_id, json_group_array(json_array(indicator, year, value, cell))
		FROM figures GROUP BY unit_code, submission_id;
	DROP TABLE figures;
	DROP TABLE current;
	CREATE VIEW figures(submission_id, unit_code, indicator, year, value, cell) AS
		SELECT f.submission_id, f.unit_code, j.value->>0, j.value->>1, j.value->>2, j.value->>3
		FROM submission_figures f, json_each(f.data) j;
	CREATE VIEW current(unit_code, indicator, year, value, submission_id) AS
		SELECT unit_code, indicator, year, value, submission_id FROM (
			SELECT f.*, ROW_NUMBER() OVER (PARTITION BY f.unit_code, f.indicator, f.year ORDER BY f.submission_id DESC) AS rn
			FROM figures f JOIN submissions s ON s.id = f.submission_id WHERE s.state = 'active')
		WHERE rn = 1;`,
	// 6: what tells one roster from another besides its file name
	// (FORMATS.md §4.1): the unit its title lines name, its heading, the
	// folder it came in, the years it claims. Rosters stored before have
	// none of these, and are replaced by nothing read from a file.
	`ALTER TABLE rosters ADD COLUMN unit TEXT NOT NULL DEFAULT '';
	ALTER TABLE rosters ADD COLUMN heading TEXT NOT NULL DEFAULT '';
	ALTER TABLE rosters ADD COLUMN folder TEXT NOT NULL DEFAULT '';
	ALTER TABLE rosters ADD COLUMN year_from INTEGER NOT NULL DEFAULT 0;
	ALTER TABLE rosters ADD COLUMN year_to INTEGER NOT NULL DEFAULT 0;`,
	// 7: units that change (FORMATS.md §10): the days each unit of the
	// list existed, the list's order, and its history: which old unit went
	// to which new one, when, in what share (millionths) and on what
	// legal basis. Figures are never touched by it.
	`ALTER TABLE units ADD COLUMN valid_from TEXT NOT NULL DEFAULT ''; -- yyyy-mm-dd, '' for always
	ALTER TABLE units ADD COLUMN valid_to TEXT NOT NULL DEFAULT '';
	ALTER TABLE units ADD COLUMN ord INTEGER NOT NULL DEFAULT 0;
	CREATE TABLE successions (
		old_code TEXT NOT NULL REFERENCES units(code),
		new_code TEXT NOT NULL REFERENCES units(code),
		date TEXT NOT NULL, -- yyyy-mm-dd
		share INTEGER NOT NULL CHECK (share > 0 AND share <= 1000000),
		basis TEXT NOT NULL DEFAULT '',
		ord INTEGER NOT NULL,
		PRIMARY KEY (old_code, new_code)) WITHOUT ROWID;`,
}

// seedLists fills the organisations and award forms a new or upgraded
// database starts with; existing rows (the user's) are kept.
func seedLists(ctx context.Context, tx *sql.Tx, c *catalog.Catalog) error {
	for i, o := range c.Organisations {
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO organisations(name, ord) VALUES(?, ?)`, o, i+1); err != nil {
			return err
		}
	}
	for i, f := range c.AwardForms {
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO award_forms(name, ord) VALUES(?, ?)`, f, i+1); err != nil {
			return err
		}
	}
	return nil
}

// SchemaVersion is the schema this tongket writes.
var SchemaVersion = len(migrations)

// queryer is what *sql.DB and *sql.Tx share for reading one row.
type queryer interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// schemaVersion reads the applied schema version; 0 for a new database.
func schemaVersion(ctx context.Context, q queryer) (int, error) {
	var n int
	if err := q.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type='table' AND name='meta'`).Scan(&n); err != nil || n == 0 {
		return 0, err
	}
	var v string
	if err := q.QueryRowContext(ctx, `SELECT value FROM meta WHERE key='schema_version'`).Scan(&v); err != nil {
		return 0, err
	}
	return strconv.Atoi(v)
}

// migrate brings the schema up to date and seeds a new database's catalog.
func (db *DB) migrate(ctx context.Context) error {
	v, err := schemaVersion(ctx, db.sql)
	if err != nil {
		return &Error{Op: "open", Path: db.path, Err: err, Code: CodeCorrupt}
	}
	if v > SchemaVersion {
		return &Error{Op: "open", Path: db.path, Err: fmt.Errorf("%w (%d > %d)", ErrNewerSchema, v, SchemaVersion), Code: CodeNewerSchema}
	}
	if v == SchemaVersion {
		return nil
	}
	tx, err := db.wr.BeginTx(ctx, nil)
	if err != nil {
		return &Error{Op: "migrate", Path: db.path, Err: err, Code: CodeWriteFailed}
	}
	defer tx.Rollback()
	// Re-read under the write lock: another process may have migrated.
	if v, err = schemaVersion(ctx, tx); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	if v == SchemaVersion {
		return nil
	}
	if v == 0 {
		// A database with tables but none of ours belongs to another program.
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'`).Scan(&n); err != nil {
			return fmt.Errorf("migrate: %w", err)
		}
		if n > 0 {
			return &Error{Op: "open", Path: db.path, Err: errors.New("an SQLite database of another program"), Code: CodeForeignDB}
		}
	}
	for i := v; i < len(migrations); i++ {
		if _, err := tx.ExecContext(ctx, migrations[i]); err != nil {
			return &Error{Op: "migrate", Path: db.path, Err: fmt.Errorf("migration %d: %w", i+1, err), Code: CodeWriteFailed}
		}
	}
	if v == 0 {
		if err := seedCatalog(ctx, tx, catalog.Builtin()); err != nil {
			return fmt.Errorf("seed catalog: %w", err)
		}
	}
	if v < 3 {
		if err := seedLists(ctx, tx, catalog.Builtin()); err != nil {
			return fmt.Errorf("seed award lists: %w", err)
		}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO meta(key, value) VALUES('schema_version', ?)
		ON CONFLICT(key) DO UPDATE SET value=excluded.value`, strconv.Itoa(SchemaVersion)); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return &Error{Op: "migrate", Path: db.path, Err: err, Code: CodeWriteFailed}
	}
	return nil
}

// seedCatalog writes a catalog into a new database.
func seedCatalog(ctx context.Context, tx *sql.Tx, c *catalog.Catalog) error {
	for _, i := range c.Indicators {
		if _, err := tx.ExecContext(ctx, `INSERT INTO indicators(code, name, unit, agg, kind, ord) VALUES(?,?,?,?,?,?)`,
			i.Code, i.Name, i.Unit, string(i.Agg), string(i.Kind), i.Order); err != nil {
			return err
		}
	}
	for _, r := range c.Rules {
		if _, err := tx.ExecContext(ctx, `INSERT INTO rules(left_op, op, right_op, cond, severity, message_vi, message_en) VALUES(?,?,?,?,?,?,?)`,
			r.Left, r.Op, r.Right, r.When, r.Severity, r.MessageVI, r.MessageEN); err != nil {
			return err
		}
	}
	return nil
}
