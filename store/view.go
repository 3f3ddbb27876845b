package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"sync/atomic"
	"time"

	"modernc.org/sqlite"
)

// viewSeq names each in-memory view, so two views in one process do not
// share a database.
var viewSeq atomic.Int64

// OpenView opens the database at path for a command that stores nothing
// (validate): an in-memory copy, so the file is never created, migrated or
// written. A file that does not exist yet gives an empty database (the
// built-in catalog, no units, no figures); one an older tongket wrote is
// migrated in the copy. Writes to the view are lost when it is closed.
func OpenView(ctx context.Context, path string, opt Options) (*DB, error) {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	st, err := os.Stat(path)
	exists := err == nil && st.Mode().IsRegular() && st.Size() > 0
	if exists {
		if err := checkHeader(path); err != nil {
			return nil, err
		}
	}
	base := fmt.Sprintf("file:tongket-view-%d?mode=memory&cache=shared&_pragma=foreign_keys(1)&_pragma=busy_timeout(%d)",
		viewSeq.Add(1), max(opt.BusyTimeout, 30*time.Second).Milliseconds())
	rd, wr, err := openPools(path, base)
	if err != nil {
		return nil, err
	}
	// An in-memory database lives while a connection to it is open.
	keep, err := wr.Conn(ctx)
	if err != nil {
		rd.Close()
		wr.Close()
		return nil, &Error{Op: "open", Path: path, Err: err, Code: CodeOpenFailed}
	}
	db := &DB{sql: rd, wr: wr, path: path, now: opt.Now, keep: keep}
	if exists {
		if err := restoreInto(ctx, keep, path); err != nil {
			db.Close()
			return nil, &Error{Op: "open", Path: path, Err: err, Code: CodeUnreadable, Name: path}
		}
	}
	// The keeper holds the single write connection: the writes of the
	// migration go through it.
	keep.Close()
	keep, err = rd.Conn(ctx)
	if err != nil {
		db.Close()
		return nil, &Error{Op: "open", Path: path, Err: err, Code: CodeOpenFailed}
	}
	db.keep = keep
	if err := db.migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// restoreInto copies the database file at path into the database of conn
// with SQLite's backup API, reading the file read-only. When no other
// process has the database open (no -wal file beside it) the file is read
// as immutable, which creates no -wal or -shm file either; otherwise it is
// read as another reader would, through the files that are already there.
func restoreInto(ctx context.Context, conn *sql.Conn, path string) error {
	uri := "file:" + escapePath(path) + "?mode=ro"
	if _, err := os.Stat(path + "-wal"); errors.Is(err, os.ErrNotExist) {
		uri += "&immutable=1"
	}
	return conn.Raw(func(dc any) error {
		r, ok := dc.(interface {
			NewRestore(string) (*sqlite.Backup, error)
		})
		if !ok {
			return errors.New("the SQLite driver cannot copy a database")
		}
		b, err := r.NewRestore(uri)
		if err != nil {
			return err
		}
		for {
			more, err := b.Step(-1)
			if err != nil {
				b.Finish()
				return err
			}
			if !more {
				return b.Finish()
			}
		}
	})
}
