// Package store keeps every submission and the figures in force in one local
// SQLite file, and answers the aggregation queries of a period summary.
//
// It is the "store" and "aggregate" rooms of the data flow. One file is one
// transaction: a crash, a kill or a full disk mid-file leaves the database as
// it was before that file. Every submission is kept, its figures as one JSON
// row per unit (submission_figures); the figure in force for (unit,
// indicator, year) is the latest active submission's, maintained in the
// `series` table (one row per indicator and unit, a column per year) so
// summaries never replay history and read one row per unit, not per figure.
// The views `figures` and `current` show the same data one figure a row.
// The store knows nothing of Excel or PDF: it takes parsed submissions and
// returns summary values.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	_ "modernc.org/sqlite" // pure-Go SQLite driver: the binary cross-compiles to Windows

	"github.com/tongket/tongket/catalog"
)

// DB is an open tongket database.
type DB struct {
	sql  *sql.DB // reads: deferred transactions, never wait for a writer (WAL)
	wr   *sql.DB // writes: BEGIN IMMEDIATE, queued on the busy timeout
	path string
	now  func() time.Time
	keep *sql.Conn // an in-memory view (OpenView) lives while this is open

	mu    sync.Mutex
	texts map[rowsKey]string   // multi-row INSERT texts
	reads map[string]*sql.Stmt // prepared on the read pool, by text
}

// Options configure Open.
type Options struct {
	// Now is the clock stamped on submissions and audit rows.
	Now func() time.Time
	// BusyTimeout is how long a writer waits for another process's
	// transaction before giving up.
	BusyTimeout time.Duration
}

// Error is a failure to open or use the database. Code says what went
// wrong; the command layer words it for the officer in their language
// (the store names no flag and speaks no language). Name is the file or
// folder the problem is about when it is not Path.
type Error struct {
	Op   string // open, migrate, ingest, backup, check, restore …
	Path string // the database, or the backup being checked
	Code string // one of the Code… constants
	Name string
	Err  error
}

// The codes of Error.
const (
	CodeFolderMissing        = "folder-missing"         // Name: the folder the database would be in
	CodeOpenFailed           = "open-failed"            // the driver could not open the file
	CodeUnreadable           = "unreadable"             // Name: a file that cannot be read (permissions)
	CodeNotTongket           = "not-tongket"            // not an SQLite file at all
	CodeForeignDB            = "foreign-db"             // an SQLite database of another program
	CodeCorrupt              = "corrupt"                // damaged, or not tongket's
	CodeNewerSchema          = "newer-schema"           // Name (optional): written by a newer tongket
	CodeWriteFailed          = "write-failed"           // a write failed: permissions, disk
	CodeBusy                 = "busy"                   // another tongket holds the write lock too long
	CodeDiskFull             = "disk-full"              // the disk is full
	CodeReadOnly             = "read-only"              // the database or its folder is read-only
	CodeNotFound             = "not-found"              // Name: no such file
	CodeNotAFile             = "not-a-file"             // Name: not a regular file
	CodeCannotWrite          = "cannot-write"           // Name: a file that cannot be written
	CodeFolderUnwritable     = "folder-unwritable"      // Name: a folder no file can be made in
	CodeDBIsFolder           = "db-is-folder"           // Name: --db names a folder
	CodeBackupNoName         = "backup-no-name"         // backup without a file name
	CodeBackupSameFile       = "backup-same-file"       // the backup would overwrite the database
	CodeBackupIsFolder       = "backup-is-folder"       // Name: the backup path is a folder
	CodeBackupExists         = "backup-exists"          // Name: the backup file exists
	CodeBackupWrite          = "backup-write"           // Name: the folder the backup could not be written to
	CodeBackupFolder         = "backup-folder"          // Name: the folder for the backup, which could not be made
	CodeBackupDiskFull       = "backup-disk-full"       // Name: the folder whose disk is full
	CodeBackupCheckFailed    = "backup-check-failed"    // the copy just made fails its check
	CodeBackupFileIsFolder   = "backup-file-is-folder"  // Name: the backup to check is a folder
	CodeBackupUnfinished     = "backup-unfinished"      // Name: the -wal/-journal beside the backup
	CodeBackupNotTongket     = "backup-not-tongket"     // Name: the "backup" is not an SQLite file
	CodeBackupForeign        = "backup-foreign"         // Name: another program's SQLite database
	CodeBackupCorrupt        = "backup-corrupt"         // Name: fails SQLite's integrity check
	CodeRestoreSameFile      = "restore-same-file"      // Name: the backup is the database in use
	CodeRestoreCopy          = "restore-copy"           // Name: the folder the backup could not be copied into
	CodeRestoreForeignTarget = "restore-foreign-target" // Name: --db is another program's database
	CodeRestoreOpenCopy      = "restore-open-copy"      // the copied backup cannot be opened
	CodeRestorePrepare       = "restore-prepare"        // the copied backup cannot be prepared
	CodeRestoreKeep          = "restore-keep"           // Name: where the old database could not be kept
	CodeRestoreRename        = "restore-rename"         // Name: a file that could not be renamed
	CodeRestoreWrite         = "restore-write"          // Name: the database that could not be written
)

func (e *Error) Error() string {
	return fmt.Sprintf("%s %s: %v", e.Op, e.Path, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// ErrNewerSchema is a database written by a newer tongket.
var ErrNewerSchema = errors.New("database schema is newer than this tongket")

// Open opens (creating it if needed) and migrates the database at path, and
// loads the built-in catalog into a new database.
func Open(ctx context.Context, path string, opt Options) (*DB, error) {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.BusyTimeout == 0 {
		opt.BusyTimeout = 30 * time.Second
	}
	if st, err := os.Stat(filepath.Dir(path)); err != nil || !st.IsDir() {
		if err == nil {
			err = errors.New("not a folder")
		}
		return nil, &Error{Op: "open", Path: path, Err: err, Code: CodeFolderMissing, Name: filepath.Dir(path)}
	}
	if st, err := os.Stat(path); err == nil && st.Size() > 0 {
		if err := checkHeader(path); err != nil {
			return nil, err
		}
	}
	base := fmt.Sprintf("file:%s?_pragma=busy_timeout(%d)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_pragma=temp_store(MEMORY)&_pragma=foreign_keys(1)",
		escapePath(path), opt.BusyTimeout.Milliseconds())
	rd, wr, err := openPools(path, base)
	if err != nil {
		return nil, err
	}
	db := &DB{sql: rd, wr: wr, path: path, now: opt.Now}
	// A new database switches to WAL under an exclusive lock that the busy
	// handler does not wait for: another process opening it at the same
	// moment gets SQLITE_BUSY, so opening retries for a while.
	deadline := time.Now().Add(opt.BusyTimeout)
	for {
		err = db.migrate(ctx)
		if err == nil || !isBusy(err) || time.Now().After(deadline) {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// openPools opens the read pool and the one-connection write pool of the
// database at dsn base.
func openPools(path, base string) (rd, wr *sql.DB, err error) {
	rd, err = sql.Open("sqlite", base)
	if err != nil {
		return nil, nil, &Error{Op: "open", Path: path, Err: err, Code: CodeOpenFailed}
	}
	// Writers take the write lock at BEGIN, so two ingests queue on the busy
	// timeout instead of failing on a lock upgrade; readers do not, so a
	// summary never waits for an ingest.
	wr, err = sql.Open("sqlite", base+"&_txlock=immediate")
	if err != nil {
		rd.Close()
		return nil, nil, &Error{Op: "open", Path: path, Err: err, Code: CodeOpenFailed}
	}
	// Writes are serialised by SQLite anyway; one connection lets
	// database/sql reuse each prepared statement instead of re-parsing it.
	wr.SetMaxOpenConns(1)
	return rd, wr, nil
}

// escapePath keeps '?' and '#' in a file name from being read as URI parts.
func escapePath(p string) string {
	return strings.NewReplacer("%", "%25", "?", "%3F", "#", "%23").Replace(p)
}

// checkHeader refuses a file that is not SQLite before the driver touches it.
func checkHeader(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return &Error{Op: "open", Path: path, Err: err, Code: CodeUnreadable, Name: path}
	}
	defer f.Close()
	buf := make([]byte, 16)
	if _, err := f.Read(buf); err != nil || string(buf) != "SQLite format 3\x00" {
		return &Error{Op: "open", Path: path, Err: errors.New("not an SQLite database"), Code: CodeNotTongket}
	}
	return nil
}

// Close closes the database.
func (db *DB) Close() error {
	db.mu.Lock()
	var errs []error
	for _, st := range db.reads {
		errs = append(errs, st.Close())
	}
	db.reads = nil
	db.mu.Unlock()
	if db.keep != nil {
		errs = append(errs, db.keep.Close())
	}
	return errors.Join(append(errs, db.sql.Close(), db.wr.Close())...)
}

// readStmt is q prepared once on the read pool: a check asks for the
// figures of every unit of every file, and parsing the query each time
// cost more than running it.
func (db *DB) readStmt(ctx context.Context, q string) (*sql.Stmt, error) {
	db.mu.Lock()
	defer db.mu.Unlock()
	if st, ok := db.reads[q]; ok {
		return st, nil
	}
	st, err := db.sql.PrepareContext(ctx, q)
	if err != nil {
		return nil, err
	}
	if db.reads == nil {
		db.reads = map[string]*sql.Stmt{}
	}
	db.reads[q] = st
	return st, nil
}

// isBusy reports SQLite's "database is locked".
func isBusy(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "SQLITE_BUSY") || strings.Contains(msg, "database is locked")
}

// Path is the database file.
func (db *DB) Path() string { return db.path }

// SQL exposes the connection for tests of the schema.
func (db *DB) SQL() *sql.DB { return db.sql }

// Catalog loads the catalog in force from the database.
func (db *DB) Catalog(ctx context.Context) (*catalog.Catalog, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT code, name, unit, agg, kind, ord FROM indicators ORDER BY ord, code`)
	if err != nil {
		return nil, fmt.Errorf("load indicators: %w", err)
	}
	defer rows.Close()
	var inds []catalog.Indicator
	for rows.Next() {
		var i catalog.Indicator
		if err := rows.Scan(&i.Code, &i.Name, &i.Unit, &i.Agg, &i.Kind, &i.Order); err != nil {
			return nil, fmt.Errorf("load indicators: %w", err)
		}
		inds = append(inds, i)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("load indicators: %w", err)
	}
	rrows, err := db.sql.QueryContext(ctx, `SELECT left_op, op, right_op, cond, severity, message_vi, message_en FROM rules ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("load rules: %w", err)
	}
	defer rrows.Close()
	var rules []catalog.Rule
	for rrows.Next() {
		var r catalog.Rule
		if err := rrows.Scan(&r.Left, &r.Op, &r.Right, &r.When, &r.Severity, &r.MessageVI, &r.MessageEN); err != nil {
			return nil, fmt.Errorf("load rules: %w", err)
		}
		rules = append(rules, r)
	}
	if err := rrows.Err(); err != nil {
		return nil, fmt.Errorf("load rules: %w", err)
	}
	c, err := catalog.New(inds, rules)
	if err != nil {
		return nil, fmt.Errorf("catalog in database: %w", err)
	}
	return c, nil
}

// Snapshot writes a consistent copy of the database to path (VACUUM INTO),
// safe while other commands run.
func (db *DB) Snapshot(ctx context.Context, path string) error {
	if _, err := db.wr.ExecContext(ctx, `VACUUM INTO ?`, path); err != nil {
		return fmt.Errorf("snapshot to %s: %w", path, err)
	}
	return nil
}
