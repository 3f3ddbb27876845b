package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Backup and restore. A backup is a compact, consistent copy of the whole
// database made by SQLite itself (VACUUM INTO), safe while other commands
// run. A restore checks the file first and then replaces the contents of the
// database in one write transaction, so other tongket processes queue on
// the lock as for any write, a kill leaves the old contents, and no file is
// renamed under an open connection (which would pair the new file with the
// old one's -wal). Only a database too damaged to open is moved aside
// instead, with its -wal, -shm and -journal.

var (
	// ErrExists is a backup onto an existing file without overwrite.
	ErrExists = errors.New("file exists")
	// ErrNotTongket is a file that is not a tongket database.
	ErrNotTongket = errors.New("not a tongket database")
	// ErrCorrupt is a database that fails SQLite's integrity check.
	ErrCorrupt = errors.New("database fails the integrity check")
	// ErrSameFile is a backup onto, or a restore from, the database itself.
	ErrSameFile = errors.New("same file as the database")
	// ErrUnfinished is a file with a non-empty -wal or -journal beside it:
	// its last changes are not in the file alone.
	ErrUnfinished = errors.New("file has a -wal or -journal beside it")
)

// KeptSuffix names the copy of the database a restore keeps:
// tongket.db.truoc-khi-khoi-phuc-20240115-090000 ("before restoring").
const KeptSuffix = ".truoc-khi-khoi-phuc-"

// BackupPrefix begins the name of a backup made into a folder:
// tongket-sao-luu-20240115-090000.db ("backup").
const BackupPrefix = "tongket-sao-luu-"

// BackupPath is where a backup to output goes: output itself when it
// names a file; when it names a folder (one that exists, one ending in a
// path separator, or "" for the current one), a file in it named for now,
// the folder made if need be (CodeBackupFolder when it cannot be).
func BackupPath(output string, now time.Time) (string, error) {
	dir := output
	if dir == "" {
		dir = "."
	}
	if st, err := os.Stat(dir); (err != nil || !st.IsDir()) &&
		!strings.HasSuffix(dir, "/") && !strings.HasSuffix(dir, string(filepath.Separator)) {
		return dir, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", &Error{Op: "backup", Path: dir, Code: CodeBackupFolder, Name: dir, Err: err}
	}
	return filepath.Join(dir, BackupPrefix+now.Format("20060102-150405")+".db"), nil
}

// sidecars are the files SQLite keeps beside a database.
var sidecars = []string{"-wal", "-shm", "-journal"}

// FileInfo describes a checked tongket database file.
type FileInfo struct {
	Path          string `json:"path"`
	Size          int64  `json:"size"`
	SchemaVersion int    `json:"schema_version"`
	Submissions   int    `json:"submissions"`
	Rosters       int    `json:"rosters"`
}

// Backup writes a consistent copy of the database to path: VACUUM INTO a
// temporary file beside path, checked, synced, then renamed to path. An
// existing path is refused unless overwrite.
func (db *DB) Backup(ctx context.Context, path string, overwrite bool) (FileInfo, error) {
	fail := func(err error, code, name string) (FileInfo, error) {
		return FileInfo{}, &Error{Op: "backup", Path: path, Err: err, Code: code, Name: name}
	}
	if path == "" {
		return fail(errors.New("no file name"), CodeBackupNoName, "")
	}
	if isDatabaseFile(db.path, path) {
		return fail(ErrSameFile, CodeBackupSameFile, "")
	}
	if st, err := os.Lstat(path); err == nil {
		switch {
		case st.IsDir():
			return fail(fmt.Errorf("%s is a folder", path), CodeBackupIsFolder, path)
		case !overwrite:
			return fail(ErrExists, CodeBackupExists, path)
		case !st.Mode().IsRegular():
			return fail(fmt.Errorf("%s is not a regular file", path), CodeNotAFile, path)
		}
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, ".tongket-sao-luu-*.db")
	if err != nil {
		return fail(err, CodeFolderUnwritable, dir)
	}
	tmpName := tmp.Name()
	tmp.Close()
	defer removeWithSidecars(tmpName)
	// VACUUM INTO accepts an empty file: the name stays ours meanwhile.
	if _, err := db.sql.ExecContext(ctx, `VACUUM INTO ?`, tmpName); err != nil {
		code := CodeBackupWrite
		if strings.Contains(err.Error(), "full") {
			code = CodeBackupDiskFull
		}
		return fail(err, code, dir)
	}
	info, err := CheckFile(ctx, tmpName)
	if err != nil {
		return fail(err, CodeBackupCheckFailed, "")
	}
	if st, err := os.Stat(db.path); err == nil {
		os.Chmod(tmpName, st.Mode().Perm()) // as private as the database itself
	}
	if err := syncFile(tmpName); err != nil {
		return fail(err, CodeBackupWrite, dir)
	}
	if !overwrite {
		if _, err := os.Lstat(path); err == nil {
			return fail(ErrExists, CodeBackupExists, path)
		}
	}
	if err := os.Rename(tmpName, path); err != nil {
		return fail(err, CodeCannotWrite, path)
	}
	syncDir(dir)
	info.Path = path
	return info, nil
}

// isDatabaseFile reports whether path is the database at dbPath or one of
// its sidecar files.
func isDatabaseFile(dbPath, path string) bool {
	a, err1 := filepath.Abs(dbPath)
	b, err2 := filepath.Abs(path)
	if err1 == nil && err2 == nil {
		for _, s := range append([]string{""}, sidecars...) {
			if a+s == b {
				return true
			}
		}
	}
	s1, err1 := os.Stat(dbPath)
	s2, err2 := os.Stat(path)
	return err1 == nil && err2 == nil && os.SameFile(s1, s2)
}

// CheckFile checks, without changing it, that path is a whole tongket
// database this tongket can use: an SQLite file with nothing left in a -wal
// or -journal beside it, passing PRAGMA integrity_check, with tongket's
// tables and a schema version no newer than SchemaVersion.
func CheckFile(ctx context.Context, path string) (FileInfo, error) {
	return checkFile(ctx, path, path, true)
}

// checkFile checks the file at path, naming it name in errors; without
// full, it skips the integrity check.
func checkFile(ctx context.Context, path, name string, full bool) (FileInfo, error) {
	info := FileInfo{Path: path}
	fail := func(err error, code, other string) (FileInfo, error) {
		return info, &Error{Op: "check", Path: name, Err: err, Code: code, Name: other}
	}
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return fail(err, CodeNotFound, name)
	case err != nil:
		return fail(err, CodeUnreadable, name)
	case st.IsDir():
		return fail(fmt.Errorf("%s is a folder", name), CodeBackupFileIsFolder, name)
	}
	info.Size = st.Size()
	for _, s := range []string{"-wal", "-journal"} {
		if st, err := os.Stat(path + s); err == nil && st.Size() > 0 {
			return fail(ErrUnfinished, CodeBackupUnfinished, filepath.Base(name+s))
		}
	}
	if err := checkHeader(path); err != nil {
		var se *Error
		if errors.As(err, &se) && errors.Is(se.Err, os.ErrPermission) {
			return fail(se.Err, CodeUnreadable, name)
		}
		return fail(ErrNotTongket, CodeBackupNotTongket, name)
	}
	// immutable: no lock, no -wal or -shm created beside the user's file.
	conn, err := sql.Open("sqlite", "file:"+escapePath(path)+"?mode=ro&immutable=1")
	if err != nil {
		return fail(err, CodeBackupNotTongket, name)
	}
	defer conn.Close()
	conn.SetMaxOpenConns(1)
	corrupt := func(err error) (FileInfo, error) {
		return fail(fmt.Errorf("%w: %v", ErrCorrupt, err), CodeBackupCorrupt, name)
	}
	if full {
		rows, err := conn.QueryContext(ctx, `PRAGMA integrity_check(20)`)
		if err != nil {
			return corrupt(err)
		}
		var problems []string
		for rows.Next() {
			var s string
			if err := rows.Scan(&s); err != nil {
				rows.Close()
				return corrupt(err)
			}
			problems = append(problems, s)
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return corrupt(err)
		}
		if len(problems) != 1 || problems[0] != "ok" {
			return corrupt(errors.New(strings.Join(problems, "; ")))
		}
	}
	tables := map[string]bool{}
	trows, err := conn.QueryContext(ctx, `SELECT name FROM sqlite_master WHERE type = 'table'`)
	if err != nil {
		return corrupt(err)
	}
	for trows.Next() {
		var n string
		if err := trows.Scan(&n); err != nil {
			trows.Close()
			return corrupt(err)
		}
		tables[n] = true
	}
	trows.Close()
	if !tables["meta"] || !tables["submissions"] {
		return fail(ErrNotTongket, CodeBackupForeign, name)
	}
	var v string
	if err := conn.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'schema_version'`).Scan(&v); err != nil {
		return fail(fmt.Errorf("%w: no schema version", ErrNotTongket), CodeBackupForeign, name)
	}
	info.SchemaVersion, err = strconv.Atoi(v)
	if err != nil || info.SchemaVersion < 1 {
		return fail(fmt.Errorf("%w: schema version %q", ErrNotTongket, v), CodeBackupForeign, name)
	}
	if info.SchemaVersion > SchemaVersion {
		return fail(fmt.Errorf("%w (%d > %d)", ErrNewerSchema, info.SchemaVersion, SchemaVersion), CodeNewerSchema, name)
	}
	if err := conn.QueryRowContext(ctx, `SELECT count(*) FROM submissions`).Scan(&info.Submissions); err != nil {
		return corrupt(err)
	}
	if tables["rosters"] {
		if err := conn.QueryRowContext(ctx, `SELECT count(*) FROM rosters`).Scan(&info.Rosters); err != nil {
			return corrupt(err)
		}
	}
	return info, nil
}

// RestoreOptions configure Restore.
type RestoreOptions struct {
	// Now stamps the name of the kept copy of the old database.
	Now func() time.Time
	// BusyTimeout is how long to wait for another process's write.
	BusyTimeout time.Duration
}

// RestoreResult says what a restore did.
type RestoreResult struct {
	// Restored is the checked backup file.
	Restored FileInfo
	// Kept is where the old database now is, "" when there was none.
	Kept string
}

// Restore replaces the database at dbPath with the backup file src. The file
// is copied beside the database and checked first (CheckFile); nothing is
// changed when it fails. A healthy database is first copied to
// dbPath.truoc-khi-khoi-phuc-<time> and then has its whole contents replaced
// in one transaction while holding the write lock, so the copy is exactly
// what was replaced. A database that cannot be read is moved aside under that
// name instead, with its -wal, -shm and -journal.
func Restore(ctx context.Context, dbPath, src string, opt RestoreOptions) (RestoreResult, error) {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.BusyTimeout == 0 {
		opt.BusyTimeout = 30 * time.Second
	}
	var res RestoreResult
	fail := func(err error, code, name string) (RestoreResult, error) {
		return res, &Error{Op: "restore", Path: dbPath, Err: err, Code: code, Name: name}
	}
	if isDatabaseFile(dbPath, src) {
		return fail(ErrSameFile, CodeRestoreSameFile, src)
	}
	// Checked as the user gave it (clear messages, -wal beside it), then
	// copied and the copy checked: what is checked is what is installed.
	if _, err := checkFile(ctx, src, src, false); err != nil {
		return res, err
	}
	dst, err := os.Stat(dbPath)
	switch {
	case err == nil && dst.IsDir():
		return fail(fmt.Errorf("%s is a folder", dbPath), CodeDBIsFolder, dbPath)
	case err != nil && !errors.Is(err, os.ErrNotExist):
		return fail(err, CodeUnreadable, dbPath)
	}
	dir := filepath.Dir(dbPath)
	tmp, err := copyBeside(src, dir)
	if err != nil {
		return fail(err, CodeRestoreCopy, dir)
	}
	defer removeWithSidecars(tmp)
	if res.Restored, err = checkFile(ctx, tmp, src, true); err != nil {
		return res, err
	}
	res.Restored.Path = src
	if dst == nil || dst.Size() == 0 {
		res.Kept, err = install(tmp, dbPath, opt.Now)
		return res, err
	}
	switch err := replaceContents(ctx, dbPath, tmp, opt, &res); {
	case err == nil:
		return res, nil
	case !errors.Is(err, errUnreadable):
		return res, err
	}
	res.Kept, err = install(tmp, dbPath, opt.Now)
	return res, err
}

// errUnreadable is a database too damaged to copy or replace from inside.
var errUnreadable = errors.New("database cannot be read")

// replaceContents keeps a copy of the healthy database at dbPath and
// replaces its contents with those of the checked file tmp in one
// transaction. It returns errUnreadable when the database cannot be read.
func replaceContents(ctx context.Context, dbPath, tmp string, opt RestoreOptions, res *RestoreResult) error {
	fail := func(err error, code, name string) error {
		return &Error{Op: "restore", Path: dbPath, Err: err, Code: code, Name: name}
	}
	if checkHeader(dbPath) != nil {
		return errUnreadable
	}
	pool, err := sql.Open("sqlite", fmt.Sprintf("file:%s?_pragma=busy_timeout(%d)", escapePath(dbPath), opt.BusyTimeout.Milliseconds()))
	if err != nil {
		return errUnreadable
	}
	defer pool.Close()
	w, err := pool.Conn(ctx)
	if err != nil {
		return classify(dbPath, err)
	}
	defer w.Close()
	// What is there must be tongket's (or empty): another program's
	// database is not ours to overwrite.
	var theirs, ours int
	if err := w.QueryRowContext(ctx, `SELECT count(*), COALESCE(SUM(name IN ('meta', 'submissions')), 0)
		FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).Scan(&theirs, &ours); err != nil {
		return classify(dbPath, err)
	}
	if theirs > 0 && ours == 0 {
		return fail(fmt.Errorf("%w: an SQLite database of another program", ErrNotTongket), CodeRestoreForeignTarget, dbPath)
	}
	abs, err := filepath.Abs(tmp)
	if err != nil {
		return fail(err, CodeWriteFailed, "")
	}
	if _, err := w.ExecContext(ctx, `ATTACH DATABASE ? AS src`, abs); err != nil {
		return fail(err, CodeRestoreOpenCopy, "")
	}
	defer w.ExecContext(context.WithoutCancel(ctx), `DETACH DATABASE src`)
	if _, err := w.ExecContext(ctx, `BEGIN IMMEDIATE`); err != nil {
		return writeFail(dbPath, err)
	}
	committed := false
	defer func() {
		if !committed {
			w.ExecContext(context.WithoutCancel(ctx), `ROLLBACK`)
		}
	}()
	// Under the write lock nothing can change: the copy kept is exactly
	// what is replaced. VACUUM INTO runs on another connection, as it
	// cannot run inside a transaction, into a temporary name, so a kill
	// never leaves half a copy under the kept name.
	kept := keptName(dbPath, opt.Now())
	keptFail := func(err error) error {
		return fail(err, CodeRestoreKeep, kept)
	}
	kt, err := os.CreateTemp(filepath.Dir(dbPath), ".tongket-truoc-khi-khoi-phuc-*.db")
	if err != nil {
		return keptFail(err)
	}
	kt.Close()
	defer removeWithSidecars(kt.Name())
	r, err := pool.Conn(ctx)
	if err != nil {
		return classify(dbPath, err)
	}
	_, err = r.ExecContext(ctx, `VACUUM INTO ?`, kt.Name())
	r.Close()
	if err != nil {
		if isCorrupt(err) {
			return errUnreadable
		}
		return keptFail(err)
	}
	if err := syncFile(kt.Name()); err != nil {
		return keptFail(err)
	}
	if st, err := os.Stat(dbPath); err == nil {
		os.Chmod(kt.Name(), st.Mode().Perm())
	}
	if err := os.Rename(kt.Name(), kept); err != nil {
		return keptFail(err)
	}
	if err := copyContents(ctx, w); err != nil {
		os.Remove(kept)
		if isCorrupt(err) {
			return errUnreadable
		}
		return writeFail(dbPath, err)
	}
	if _, err := w.ExecContext(ctx, `COMMIT`); err != nil {
		os.Remove(kept)
		return writeFail(dbPath, err)
	}
	committed = true
	res.Kept = kept
	// Fold the rewritten pages back into the file; another reader may
	// prevent it, which is harmless.
	w.ExecContext(ctx, `PRAGMA main.wal_checkpoint(TRUNCATE)`)
	return nil
}

// copyContents drops every table, index, view and trigger of main and
// recreates those of src with their rows, inside the caller's transaction.
func copyContents(ctx context.Context, w *sql.Conn) error {
	type object struct{ typ, name, sql string }
	list := func(schema, cond string) ([]object, error) {
		rows, err := w.QueryContext(ctx, `SELECT type, name, COALESCE(sql, '') FROM `+schema+`.sqlite_master
			WHERE name NOT LIKE 'sqlite_%' `+cond+`
			ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 WHEN 'view' THEN 2 ELSE 3 END, rowid`)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		var out []object
		for rows.Next() {
			var o object
			if err := rows.Scan(&o.typ, &o.name, &o.sql); err != nil {
				return nil, err
			}
			out = append(out, o)
		}
		return out, rows.Err()
	}
	old, err := list("main", `AND type IN ('table', 'view', 'trigger')`)
	if err != nil {
		return err
	}
	for i := len(old) - 1; i >= 0; i-- { // triggers and views first
		if _, err := w.ExecContext(ctx, `DROP `+strings.ToUpper(old[i].typ)+` main.`+quoteIdent(old[i].name)); err != nil {
			return err
		}
	}
	objs, err := list("src", `AND sql IS NOT NULL`)
	if err != nil {
		return err
	}
	for _, o := range objs {
		if o.typ != "table" {
			continue
		}
		if _, err := w.ExecContext(ctx, o.sql); err != nil {
			return err
		}
		if _, err := w.ExecContext(ctx, `INSERT INTO main.`+quoteIdent(o.name)+` SELECT * FROM src.`+quoteIdent(o.name)); err != nil {
			return err
		}
	}
	for _, o := range objs {
		if o.typ == "table" {
			continue
		}
		if _, err := w.ExecContext(ctx, o.sql); err != nil {
			return err
		}
	}
	var seq int
	if err := w.QueryRowContext(ctx, `SELECT count(*) FROM main.sqlite_master WHERE name = 'sqlite_sequence'`).Scan(&seq); err != nil {
		return err
	}
	if seq > 0 {
		if _, err := w.ExecContext(ctx, `DELETE FROM main.sqlite_sequence`); err != nil {
			return err
		}
		if _, err := w.ExecContext(ctx, `INSERT INTO main.sqlite_sequence SELECT * FROM src.sqlite_sequence`); err != nil {
			return err
		}
	}
	var uv int64
	if err := w.QueryRowContext(ctx, `PRAGMA src.user_version`).Scan(&uv); err != nil {
		return err
	}
	_, err = w.ExecContext(ctx, `PRAGMA main.user_version = `+strconv.FormatInt(uv, 10))
	return err
}

func quoteIdent(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// isCorrupt reports SQLite's "malformed" and "not a database" errors.
func isCorrupt(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "malformed") || strings.Contains(msg, "not a database") ||
		strings.Contains(msg, "SQLITE_CORRUPT") || strings.Contains(msg, "SQLITE_NOTADB")
}

// classify turns a failure to read the database into errUnreadable when it
// is damaged, or an explained error otherwise.
func classify(dbPath string, err error) error {
	if isCorrupt(err) {
		return errUnreadable
	}
	return writeFail(dbPath, err)
}

func writeFail(dbPath string, err error) error {
	return (&DB{path: dbPath}).writeErr("restore", err)
}

// install puts the checked file tmp at dbPath by renaming, after moving a
// database already there (with its -wal, -shm and -journal) aside under
// the kept name, which it returns ("" when there was nothing).
func install(tmp, dbPath string, now func() time.Time) (string, error) {
	fail := func(err error, code, name string) (string, error) {
		return "", &Error{Op: "restore", Path: dbPath, Err: err, Code: code, Name: name}
	}
	// The database file SQLite reopens must hold its own pages, not pages
	// in a -wal it leaves beside the copy.
	if err := toRollbackJournal(tmp); err != nil {
		return fail(err, CodeRestorePrepare, "")
	}
	perm := os.FileMode(0o644)
	if st, err := os.Stat(dbPath); err == nil {
		perm = st.Mode().Perm()
	}
	if err := os.Chmod(tmp, perm); err != nil {
		return fail(err, CodeWriteFailed, "")
	}
	if err := syncFile(tmp); err != nil {
		return fail(err, CodeWriteFailed, "")
	}
	kept := keptName(dbPath, now())
	var moved [][2]string
	undo := func() {
		for i := len(moved) - 1; i >= 0; i-- {
			os.Rename(moved[i][1], moved[i][0])
		}
	}
	// An empty file is dropped, unless a -wal beside it may hold it all.
	empty := true
	for _, s := range append([]string{""}, sidecars...) {
		if st, err := os.Stat(dbPath + s); err == nil && st.Size() > 0 {
			empty = false
		}
	}
	for _, s := range append([]string{""}, sidecars...) {
		_, err := os.Stat(dbPath + s)
		if errors.Is(err, os.ErrNotExist) || (s == "" && empty) {
			continue
		}
		if err == nil {
			err = os.Rename(dbPath+s, kept+s)
		}
		if err != nil {
			undo()
			return fail(err, CodeRestoreRename, dbPath+s)
		}
		moved = append(moved, [2]string{dbPath + s, kept + s})
	}
	if err := os.Rename(tmp, dbPath); err != nil {
		undo()
		return fail(err, CodeRestoreWrite, dbPath)
	}
	syncDir(filepath.Dir(dbPath))
	if len(moved) == 0 {
		return "", nil
	}
	return kept, nil
}

// toRollbackJournal takes a database with no -wal out of WAL mode.
func toRollbackJournal(path string) error {
	b := make([]byte, 20)
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	_, err = io.ReadFull(f, b)
	f.Close()
	if err != nil || b[18] != 2 {
		return err
	}
	c, err := sql.Open("sqlite", "file:"+escapePath(path))
	if err != nil {
		return err
	}
	defer c.Close()
	var mode string
	if err := c.QueryRow(`PRAGMA journal_mode = DELETE`).Scan(&mode); err != nil {
		return err
	}
	if mode != "delete" {
		return fmt.Errorf("journal mode stays %s", mode)
	}
	return nil
}

// keptName is a free name for the copy of the database a restore keeps.
func keptName(dbPath string, t time.Time) string {
	base := dbPath + KeptSuffix + t.Format("20060102-150405")
	name := base
	for i := 2; ; i++ {
		free := true
		for _, s := range append([]string{""}, sidecars...) {
			if _, err := os.Lstat(name + s); err == nil {
				free = false
			}
		}
		if free {
			return name
		}
		name = base + "-" + strconv.Itoa(i)
	}
}

// copyBeside copies src into a new hidden file in dir, synced.
func copyBeside(src, dir string) (string, error) {
	in, err := os.Open(src)
	if err != nil {
		return "", err
	}
	defer in.Close()
	out, err := os.CreateTemp(dir, ".tongket-khoi-phuc-*.db")
	if err != nil {
		return "", err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		os.Remove(out.Name())
		return "", err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		os.Remove(out.Name())
		return "", err
	}
	if err := out.Close(); err != nil {
		os.Remove(out.Name())
		return "", err
	}
	return out.Name(), nil
}

func removeWithSidecars(path string) {
	os.Remove(path)
	for _, s := range sidecars {
		os.Remove(path + s)
	}
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// syncDir makes a rename in dir durable where the system allows it.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
