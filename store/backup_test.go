package store_test

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tongket/tongket/roster"
	"github.com/tongket/tongket/store"
	"github.com/tongket/tongket/submission"
	"github.com/tongket/tongket/summary"
)

// dbState is what a database holds, as the officer sees it.
type dbState struct {
	Subs    []string // id:sha:state, by id
	Current map[figKey]int64
	Awards  []string
}

func stateOf(tb testing.TB, db *store.DB) dbState {
	tb.Helper()
	var s dbState
	rows, err := db.SQL().Query(`SELECT id, sha256, state FROM submissions ORDER BY id`)
	if err != nil {
		tb.Fatal(err)
	}
	for rows.Next() {
		var id int64
		var sha, state string
		rows.Scan(&id, &sha, &state)
		s.Subs = append(s.Subs, fmt.Sprintf("%d:%.12s:%s", id, sha, state))
	}
	rows.Close()
	s.Current = readCurrent(tb, db)
	aw, err := db.Awards(context.Background(), 0, 0)
	if err != nil {
		tb.Fatal(err)
	}
	for _, e := range aw {
		s.Awards = append(s.Awards, e.Name)
	}
	return s
}

// stateAt opens the database at path, reads its state and closes it.
func stateAt(tb testing.TB, path string) dbState {
	tb.Helper()
	db := mustOpenDBAt(tb, path)
	defer db.Close()
	checkWhole(tb, db.SQL())
	return stateOf(tb, db.DB)
}

func fileSHA(tb testing.TB, path string) string {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

func listDir(tb testing.TB, dir string) []string {
	tb.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		tb.Fatal(err)
	}
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	return names
}

var smallRoster = &roster.Roster{File: "khen-thuong.xlsx", SHA256: "r1", Sheet: "DS", Entries: []roster.Entry{
	{Name: "Nguyễn Văn An", Kind: roster.Individual, Organisation: "Hội Nông dân", Form: "Giấy khen", DecisionDate: time.Date(2020, 5, 1, 0, 0, 0, 0, time.UTC), Row: 9},
	{Name: "Chi hội Đông Xuân", Kind: roster.Collective, Organisation: "Hội Nông dân", Form: "Bằng khen", DecisionDate: time.Date(2021, 5, 1, 0, 0, 0, 0, time.UTC), Row: 10},
}}

// filledDB is a closed database at dir/name holding two submissions and a
// roster.
func filledDB(t *testing.T, dir, name string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	db := mustOpenDBAt(t, path)
	mustIngest(t, db, subFirst)
	mustIngest(t, db, subResubmit)
	if _, err := db.ImportRoster(context.Background(), smallRoster); err != nil {
		t.Fatal(err)
	}
	db.Close()
	return path
}

// TestBackupRestoreRoundTrip: a backup holds the database; a restore brings
// it back, even into a database another handle keeps open, and keeps what
// it replaced.
func TestBackupRestoreRoundTrip(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "tongket.db")
	db := mustOpenDBAt(t, path)
	mustIngest(t, db, subFirst)
	mustIngest(t, db, subResubmit)
	if _, err := db.ImportRoster(ctx, smallRoster); err != nil {
		t.Fatal(err)
	}
	saved := stateOf(t, db.DB)
	bak := filepath.Join(t.TempDir(), "sao-luu.db")
	info, err := db.Backup(ctx, bak, false)
	if err != nil {
		t.Fatal(err)
	}
	st, _ := os.Stat(bak)
	if info.Path != bak || info.Size != st.Size() || info.Submissions != 2 || info.Rosters != 1 || info.SchemaVersion != store.SchemaVersion {
		t.Errorf("backup info %+v (size on disk %d)", info, st.Size())
	}
	if got := listDir(t, filepath.Dir(bak)); !slices.Equal(got, []string{"sao-luu.db"}) {
		t.Errorf("beside the backup: %v", got)
	}
	if _, err := store.CheckFile(ctx, bak); err != nil {
		t.Fatal(err)
	}
	if got := stateAt(t, bak); !reflect.DeepEqual(got, saved) {
		t.Errorf("the backup holds %+v, want %+v", got, saved)
	}

	// Work goes on; then the backup is restored while db stays open.
	mustIngest(t, db, subNewYears)
	if _, err := db.Revert(ctx, 1); err != nil {
		t.Fatal(err)
	}
	later := stateOf(t, db.DB)
	res, err := store.Restore(ctx, path, bak, store.RestoreOptions{Now: func() time.Time { return testStart }})
	if err != nil {
		t.Fatal(err)
	}
	wantKept := path + store.KeptSuffix + "20240115-090000"
	if res.Kept != wantKept || res.Restored.Submissions != 2 || res.Restored.Path != bak {
		t.Errorf("restore result %+v, want kept %s", res, wantKept)
	}
	if got := stateOf(t, db.DB); !reflect.DeepEqual(got, saved) {
		t.Errorf("the open handle sees %+v after the restore, want the backup's %+v", got, saved)
	}
	checkWhole(t, db.SQL())
	if got := stateAt(t, res.Kept); !reflect.DeepEqual(got, later) {
		t.Errorf("the kept copy holds %+v, want what was replaced %+v", got, later)
	}
	for _, name := range listDir(t, dir) {
		if strings.HasPrefix(name, ".tongket") {
			t.Errorf("temporary file left: %s", name)
		}
	}
	// The restored database is used as before: the later file is new again.
	if res := mustIngest(t, db, subNewYears); res.Skipped || res.SubmissionID != 3 {
		t.Errorf("ingest after the restore: %+v", res)
	}
	checkWhole(t, db.SQL())
	if _, err := db.Summarize(ctx, summary.Period{From: 2013, To: 2017}); err != nil {
		t.Fatal(err)
	}
	// A second restore in the same second keeps its copy under another name.
	res2, err := store.Restore(ctx, path, bak, store.RestoreOptions{Now: func() time.Time { return testStart }})
	if err != nil || res2.Kept != wantKept+"-2" {
		t.Errorf("second restore kept %q, %v", res2.Kept, err)
	}
}

// TestBackupWhileWriting: a backup does not wait for another process's
// write transaction and holds only what was committed.
func TestBackupWhileWriting(t *testing.T) {
	ctx := context.Background()
	path := filledDB(t, t.TempDir(), "tongket.db")
	db := mustOpenDBAt(t, path)
	want := stateOf(t, db.DB)
	other := mustOpenRaw(t, path)
	conn, err := other.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `BEGIN IMMEDIATE`); err != nil {
		t.Fatal(err)
	}
	defer conn.ExecContext(ctx, `ROLLBACK`)
	if _, err := conn.ExecContext(ctx, `UPDATE series SET y2013 = y2013 + 100, y2020 = y2020 + 100`); err != nil {
		t.Fatal(err)
	}
	bak := filepath.Join(t.TempDir(), "b.db")
	start := time.Now()
	if _, err := db.Backup(ctx, bak, false); err != nil {
		t.Fatalf("backup beside a writer: %v", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("backup waited %v for the writer", d)
	}
	if got := stateAt(t, bak); !reflect.DeepEqual(got, want) {
		t.Errorf("backup holds uncommitted changes")
	}
}

// TestBackupRefusals: a backup never overwrites a file unasked, never the
// database itself, and fails cleanly where it cannot write.
func TestBackupRefusals(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filledDB(t, dir, "tongket.db")
	db := mustOpenDBAt(t, path)
	out := t.TempDir()
	existing := filepath.Join(out, "co-san.db")
	os.WriteFile(existing, []byte("bản sao cũ"), 0o644)
	notDir := filepath.Join(out, "tep-thuong")
	os.WriteFile(notDir, []byte("x"), 0o644)
	wd, _ := os.Getwd()
	rel, err := filepath.Rel(wd, path)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, path string
		want       error
	}{
		{"an existing file", existing, store.ErrExists},
		{"the database itself", path, store.ErrSameFile},
		{"the database by another name", filepath.Join(dir, ".", "..", filepath.Base(dir), "tongket.db"), store.ErrSameFile},
		{"the database relative", rel, store.ErrSameFile},
		{"the database's -wal", path + "-wal", store.ErrSameFile},
		{"a folder", out, nil},
		{"under a regular file", filepath.Join(notDir, "b.db"), nil},
		{"in a missing folder", filepath.Join(out, "khong-co", "b.db"), nil},
	}
	before := listDir(t, out)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := db.Backup(ctx, tt.path, false)
			var se *store.Error
			if !errors.As(err, &se) || se.Code == "" {
				t.Fatalf("error %v: want a *store.Error with a code", err)
			}
			if tt.want != nil && !errors.Is(err, tt.want) {
				t.Errorf("error %v, want %v", err, tt.want)
			}
			t.Logf("%s %s", se.Code, se.Name)
		})
	}
	if got := listDir(t, out); !slices.Equal(got, before) {
		t.Errorf("files now %v, were %v", got, before)
	}
	if b, _ := os.ReadFile(existing); string(b) != "bản sao cũ" {
		t.Errorf("the existing file was changed")
	}
	checkWhole(t, db.SQL())
	// --force overwrites it.
	if _, err := db.Backup(ctx, existing, true); err != nil {
		t.Fatal(err)
	}
	if _, err := store.CheckFile(ctx, existing); err != nil {
		t.Errorf("overwritten backup: %v", err)
	}
}

// corruptions damage a good backup's bytes.
var corruptions = []struct {
	name   string
	damage func([]byte) []byte
}{
	{"truncated to half", func(b []byte) []byte { return b[:len(b)/2] }},
	{"a page in the middle zeroed", func(b []byte) []byte {
		p := len(b) / 4096 / 2
		clear(b[p*4096 : (p+1)*4096])
		return b
	}},
	{"pages overwritten", func(b []byte) []byte {
		// Data pages in the second half, away from the schema and meta.
		for i := len(b) / 2 / 4096 * 4096; i < len(b)-4096; i += 4096 * 3 {
			copy(b[i:], bytes.Repeat([]byte{0xA5}, 64))
		}
		return b
	}},
	{"page size damaged", func(b []byte) []byte { b[16], b[17] = 0, 3; return b }},
}

// TestRestoreRefusals: a file that is not a whole tongket database this
// tongket can read is refused with an explanation, and nothing changes:
// neither the database, nor the file, nor the files beside either.
func TestRestoreRefusals(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filledDB(t, dir, "tongket.db")
	srcDir := t.TempDir()
	good := filepath.Join(srcDir, "tot.db")
	func() {
		db := mustOpenDBAt(t, path)
		defer db.Close()
		if _, err := db.Backup(ctx, good, false); err != nil {
			t.Fatal(err)
		}
	}()
	goodBytes, _ := os.ReadFile(good)
	write := func(name string, b []byte) string {
		p := filepath.Join(srcDir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	raw := func(name string, stmts ...string) string {
		p := filepath.Join(srcDir, name)
		c, err := sql.Open("sqlite", p)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		for _, q := range stmts {
			if _, err := c.Exec(q); err != nil {
				t.Fatal(err)
			}
		}
		return p
	}
	tongketWith := func(name string, stmts ...string) string {
		p := write(name, goodBytes)
		return raw(filepath.Base(p), stmts...)
	}
	type refusal struct {
		name, src string
		want      error
	}
	tests := []refusal{
		{"missing", filepath.Join(srcDir, "khong-co.db"), os.ErrNotExist},
		{"a folder", t.TempDir(), nil},
		{"a text file", write("thu.txt", []byte("Kính gửi: Ban Chỉ đạo\nđây không phải cơ sở dữ liệu\n")), store.ErrNotTongket},
		{"an empty file", write("rong.db", nil), store.ErrNotTongket},
		{"a workbook", write("bieu.xlsx", append([]byte("PK\x03\x04"), make([]byte, 400)...)), store.ErrNotTongket},
		{"another program's SQLite", raw("khac.db", `CREATE TABLE contacts(name TEXT)`, `INSERT INTO contacts VALUES('x')`), store.ErrNotTongket},
		{"an empty SQLite", raw("trong.db", `PRAGMA user_version = 1`), store.ErrNotTongket},
		{"tongket tables without a schema version", tongketWith("khong-phien-ban.db", `DELETE FROM meta`), store.ErrNotTongket},
		{"a schema version that is not a number", tongketWith("phien-ban-chu.db", `UPDATE meta SET value = 'hai' WHERE key = 'schema_version'`), store.ErrNotTongket},
		{"no submissions table", tongketWith("thieu-bang.db", `DROP TABLE audit`, `DROP VIEW current`, `DROP VIEW figures`, `DROP TABLE submission_figures`, `DROP TABLE series`, `DROP TABLE submissions`), store.ErrNotTongket},
		{"a newer tongket", tongketWith("moi-hon.db", `UPDATE meta SET value = '`+strconv.Itoa(store.SchemaVersion+1)+`' WHERE key = 'schema_version'`), store.ErrNewerSchema},
		{"the database itself", path, store.ErrSameFile},
	}
	for _, c := range corruptions {
		tests = append(tests, refusal{"corrupt: " + c.name, write("hong-"+strings.ReplaceAll(c.name, " ", "-")+".db", c.damage(slices.Clone(goodBytes))), store.ErrCorrupt})
	}
	unfinished := write("dang-dung.db", goodBytes)
	write("dang-dung.db-wal", bytes.Repeat([]byte{1}, 4096))
	tests = append(tests, refusal{"a -wal beside it", unfinished, store.ErrUnfinished})

	dbSHA, dbFiles := fileSHA(t, path), listDir(t, dir)
	srcFiles := listDir(t, srcDir)
	srcSHA := map[string]string{}
	for _, n := range srcFiles {
		if st, err := os.Stat(filepath.Join(srcDir, n)); err == nil && st.Mode().IsRegular() {
			srcSHA[n] = fileSHA(t, filepath.Join(srcDir, n))
		}
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := store.Restore(ctx, path, tt.src, store.RestoreOptions{})
			var se *store.Error
			if !errors.As(err, &se) || se.Code == "" {
				t.Fatalf("error %v: want a *store.Error with a code", err)
			}
			if tt.want != nil && !errors.Is(err, tt.want) {
				t.Errorf("error %v, want %v", err, tt.want)
			}
			t.Logf("%s %s %s", se.Code, se.Path, se.Name)
			if tt.want != store.ErrSameFile && se.Path != tt.src && !strings.Contains(se.Name, tt.src) {
				t.Errorf("the error does not name the file %s: %+v", tt.src, se)
			}
			if _, cerr := store.CheckFile(ctx, tt.src); cerr == nil && tt.want != store.ErrSameFile {
				t.Errorf("CheckFile passes what Restore refuses")
			}
			if got := fileSHA(t, path); got != dbSHA {
				t.Errorf("the database changed")
			}
			if got := listDir(t, dir); !slices.Equal(got, dbFiles) {
				t.Errorf("files beside the database now %v, were %v", got, dbFiles)
			}
			if got := listDir(t, srcDir); !slices.Equal(got, srcFiles) {
				t.Errorf("files beside the backup now %v, were %v", got, srcFiles)
			}
			for n, sha := range srcSHA {
				if fileSHA(t, filepath.Join(srcDir, n)) != sha {
					t.Errorf("%s changed", n)
				}
			}
		})
	}
	// A restore of the good file still works afterwards.
	if _, err := store.Restore(ctx, path, good, store.RestoreOptions{}); err != nil {
		t.Fatal(err)
	}
}

// schemaV1 is tongket's first schema, as shipped (migrations are never
// edited once shipped), to make a backup of the first release.
const schemaV1 = `CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
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
	CREATE INDEX audit_submission ON audit(submission_id);`

// TestRestoreOlderSchema: a backup of the first release is restored and
// upgraded when next opened.
func TestRestoreOlderSchema(t *testing.T) {
	ctx := context.Background()
	cur := filepath.Join(t.TempDir(), "nay.db")
	db := mustOpenDBAt(t, cur)
	mustIngest(t, db, subFirst)
	want := stateOf(t, db.DB)
	db.Close()
	// The same data in the first schema.
	old := filepath.Join(t.TempDir(), "cu.db")
	c := mustOpenRaw(t, old)
	for _, q := range []string{schemaV1, `ATTACH DATABASE '` + cur + `' AS cur`,
		`INSERT INTO meta VALUES ('schema_version', '1')`,
		`INSERT INTO indicators SELECT code, name, unit, agg, kind, ord FROM cur.indicators`,
		`INSERT INTO rules SELECT id, left_op, op, right_op, cond, severity, message_vi, message_en FROM cur.rules`,
		`INSERT INTO units SELECT code, name, source, first_seen FROM cur.units`,
		`INSERT INTO submissions SELECT id, file_name, sha256, size, layout, sheet, units, year_from, year_to, figures, ingested_at, state, reverted_at FROM cur.submissions`,
		`INSERT INTO figures SELECT submission_id, unit_code, indicator, year, value, cell FROM cur.figures`,
		`INSERT INTO current SELECT unit_code, indicator, year, value, submission_id FROM cur.current`,
		`INSERT INTO audit SELECT id, submission_id, action, unit_code, indicator, year, old_value, new_value, old_submission_id, cell, at FROM cur.audit`,
		`DETACH DATABASE cur`,
	} {
		if _, err := c.Exec(q); err != nil {
			t.Fatalf("%.40s: %v", q, err)
		}
	}
	c.Close()
	path := filledDB(t, t.TempDir(), "tongket.db")
	res, err := store.Restore(ctx, path, old, store.RestoreOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Restored.SchemaVersion != 1 || res.Restored.Submissions != 1 || res.Restored.Rosters != 0 {
		t.Errorf("restored %+v, want schema 1 with one submission", res.Restored)
	}
	if got := stateAt(t, path); !reflect.DeepEqual(got, want) {
		t.Errorf("after restoring the first release's backup: %+v, want %+v", got, want)
	}
	db = mustOpenDBAt(t, path)
	if n := count(t, db.SQL(), `SELECT count(*) FROM meta WHERE key = 'schema_version' AND value = ?`, strconv.Itoa(store.SchemaVersion)); n != 1 {
		t.Errorf("not upgraded after the restore")
	}
	if _, err := db.Summarize(ctx, summary.Period{From: 2013, To: 2017}); err != nil {
		t.Errorf("summarize the restored database: %v", err)
	}
}

// TestRestoreOverMissingOrDamagedDatabase: where there is no database, or
// one too damaged to open, the backup is put in place and the damaged file
// is kept with its -wal, byte for byte.
func TestRestoreOverMissingOrDamagedDatabase(t *testing.T) {
	ctx := context.Background()
	bak := filepath.Join(t.TempDir(), "sao-luu.db")
	src := filledDB(t, t.TempDir(), "nguon.db")
	func() {
		db := mustOpenDBAt(t, src)
		defer db.Close()
		if _, err := db.Backup(ctx, bak, false); err != nil {
			t.Fatal(err)
		}
	}()
	want := stateAt(t, bak)
	goodBytes, _ := os.ReadFile(src)

	t.Run("missing", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "moi.db")
		res, err := store.Restore(ctx, path, bak, store.RestoreOptions{})
		if err != nil || res.Kept != "" {
			t.Fatalf("%+v, %v", res, err)
		}
		if got := stateAt(t, path); !reflect.DeepEqual(got, want) {
			t.Errorf("restored %+v, want %+v", got, want)
		}
	})
	// A file SQLite cannot even open is kept byte for byte with its -wal;
	// one it can open it handles as any command does (a valid -wal is
	// checkpointed into it, an invalid one ignored).
	damaged := map[string][]byte{
		"not SQLite at all": []byte("tệp bị ghi đè bởi một chương trình khác"),
		"empty":             {},
	}
	for _, c := range corruptions {
		damaged[c.name] = c.damage(slices.Clone(goodBytes))
	}
	for name, content := range damaged {
		raw := !bytes.HasPrefix(content, []byte("SQLite format 3\x00"))
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "tongket.db")
			os.WriteFile(path, content, 0o644)
			wal := []byte("stale wal of the damaged database")
			os.WriteFile(path+"-wal", wal, 0o644)
			res, err := store.Restore(ctx, path, bak, store.RestoreOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := os.Stat(path + "-wal"); err == nil {
				t.Fatalf("the old -wal is still beside the restored database")
			}
			if res.Kept == "" {
				t.Fatal("nothing kept")
			}
			if b, _ := os.ReadFile(res.Kept + "-wal"); raw && !bytes.Equal(b, wal) {
				t.Errorf("the damaged file's -wal was not kept with it")
			}
			if b, err := os.ReadFile(res.Kept); err != nil || (raw && len(content) > 0 && !bytes.Equal(b, content)) {
				t.Errorf("the damaged file was not kept byte for byte (%v)", err)
			}
			if got := stateAt(t, path); !reflect.DeepEqual(got, want) {
				t.Errorf("restored %+v, want %+v", got, want)
			}
			for _, n := range listDir(t, dir) {
				if strings.HasPrefix(n, ".tongket") {
					t.Errorf("temporary file left: %s", n)
				}
			}
		})
	}
}

// TestRestoreRefusesForeignDatabase: --db pointing at another program's
// SQLite file is not overwritten.
func TestRestoreRefusesForeignDatabase(t *testing.T) {
	ctx := context.Background()
	bak := filepath.Join(t.TempDir(), "b.db")
	func() {
		db := mustOpenDB(t)
		defer db.Close()
		if _, err := db.Backup(ctx, bak, false); err != nil {
			t.Fatal(err)
		}
	}()
	dir := t.TempDir()
	path := filepath.Join(dir, "khac.db")
	c := mustOpenRaw(t, path)
	if _, err := c.Exec(`CREATE TABLE contacts(name TEXT); INSERT INTO contacts VALUES ('Lan')`); err != nil {
		t.Fatal(err)
	}
	c.Close()
	sum, files := fileSHA(t, path), listDir(t, dir)
	_, err := store.Restore(ctx, path, bak, store.RestoreOptions{})
	if !errors.Is(err, store.ErrNotTongket) {
		t.Fatalf("error %v, want ErrNotTongket", err)
	}
	if fileSHA(t, path) != sum || !slices.Equal(listDir(t, dir), files) {
		t.Errorf("the other program's database or its folder changed")
	}
}

// TestRestoreWaitsForWriter: a restore queues behind another process's
// write like any writer; past the busy timeout it gives up, changing
// nothing.
func TestRestoreWaitsForWriter(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filledDB(t, dir, "tongket.db")
	want := stateAt(t, path)
	bak := filepath.Join(t.TempDir(), "b.db")
	func() {
		db := mustOpenDB(t)
		defer db.Close()
		mustIngest(t, db, subNewYears)
		if _, err := db.Backup(ctx, bak, false); err != nil {
			t.Fatal(err)
		}
	}()
	other := mustOpenRaw(t, path)
	conn, err := other.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(ctx, `BEGIN IMMEDIATE`); err != nil {
		t.Fatal(err)
	}
	_, err = store.Restore(ctx, path, bak, store.RestoreOptions{BusyTimeout: 200 * time.Millisecond})
	var se *store.Error
	if !errors.As(err, &se) || se.Code != store.CodeBusy {
		t.Fatalf("error %v: want the busy code", err)
	}
	conn.ExecContext(ctx, `ROLLBACK`)
	conn.Close()
	other.Close()
	for _, n := range listDir(t, dir) {
		if n != "tongket.db" && !strings.HasSuffix(n, "-wal") && !strings.HasSuffix(n, "-shm") {
			t.Errorf("file left beside the database: %s", n)
		}
	}
	if got := stateAt(t, path); !reflect.DeepEqual(got, want) {
		t.Errorf("the database changed")
	}
	// Once the writer is done, the restore goes through.
	if _, err := store.Restore(ctx, path, bak, store.RestoreOptions{}); err != nil {
		t.Fatal(err)
	}
}

// TestBackupDuringIngest takes backups in a loop while another process
// ingests eight files: every backup is a valid database holding whole
// submissions only, and each holds at least what the one before it held.
func TestBackupDuringIngest(t *testing.T) {
	ctx := context.Background()
	start := time.Now()
	dir := t.TempDir()
	path := filepath.Join(dir, "tongket.db")
	db := mustOpenDBAt(t, path)
	var list []string
	for k := 0; k < concSubs; k++ {
		list = append(list, strconv.Itoa(k))
	}
	// The child of TestConcurrentIngest ingests the listed files in order.
	cmd := exec.Command(os.Args[0], "-test.run=^TestConcurrentIngest$", "-test.count=1")
	cmd.Env = append(os.Environ(), childEnv+"=1", "TONGKET_STORE_DB="+path, "TONGKET_STORE_SUBS="+strings.Join(list, ","),
		"TONGKET_STORE_PAUSE=100ms")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	p := summary.Period{From: 2013, To: 2023}
	var masks []uint64
	for running := true; running; {
		select {
		case err := <-exited:
			if err != nil {
				t.Fatalf("ingest process: %v\n%s%s", err, stdout.String(), stderr.String())
			}
			running = false // one more backup, of the finished database
		default:
		}
		bak := filepath.Join(dir, fmt.Sprintf("sao-luu-%03d.db", len(masks)))
		if _, err := db.Backup(ctx, bak, false); err != nil {
			t.Fatalf("backup %d: %v", len(masks), err)
		}
		b := mustOpenDBAt(t, bak)
		checkWhole(t, b.SQL())
		s, err := b.Summarize(ctx, p)
		if err != nil {
			t.Fatal(err)
		}
		m := checkWholeFiles(t, s)
		if m&(m+1) != 0 {
			t.Errorf("backup %d holds files %b: not the first files in order", len(masks), m)
		}
		if len(masks) > 0 && m < masks[len(masks)-1] {
			t.Errorf("backup %d holds files %b, the one before %b", len(masks), m, masks[len(masks)-1])
		}
		masks = append(masks, m)
		b.Close()
		os.Remove(bak)
	}
	sc := bufio.NewScanner(strings.NewReader(stdout.String()))
	results := 0
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "RESULT") {
			results++
		}
	}
	if results != concSubs || masks[len(masks)-1] != 1<<concSubs-1 {
		t.Fatalf("the ingest process stored %d files; the last backup holds %b", results, masks[len(masks)-1])
	}
	between := 0
	for _, m := range masks {
		if m != 0 && m != 1<<concSubs-1 {
			between++
		}
	}
	t.Logf("%d backups during the ingest of %d files, %d of them between files, in %v", len(masks), concSubs, between, time.Since(start).Round(time.Millisecond))
	if between == 0 && !testing.Short() && !raceEnabled {
		t.Errorf("no backup was taken between two files: the test proved nothing")
	}
}

// restoreChild restores the two backups in turn until it is killed.
func restoreChild(t *testing.T) {
	ctx := context.Background()
	path, srcs := os.Getenv("TONGKET_STORE_DB"), strings.Split(os.Getenv("TONGKET_STORE_SRCS"), ",")
	rng := childRand()
	fmt.Fprintln(os.Stderr, "ready")
	for i := rng.IntN(2); ; i++ {
		fmt.Fprintln(os.Stderr, "begin restore", i%2)
		if _, err := store.Restore(ctx, path, srcs[i%2], store.RestoreOptions{}); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintln(os.Stderr, "end")
	}
}

// TestCrashRestore kills a process restoring one backup or another over the
// database: the database is always wholly one of them, and every copy kept
// under the kept name is whole.
func TestCrashRestore(t *testing.T) {
	if os.Getenv(childEnv) == "1" {
		restoreChild(t)
		return
	}
	skipWithoutKill(t)
	t.Parallel()
	ctx := context.Background()
	start := time.Now()
	subs := revertSubs()
	srcDir := t.TempDir()
	var srcs []string
	wants := map[string][]*submission.Submission{}
	for i, part := range [][]*submission.Submission{subs[:3], subs[3:]} {
		db := mustOpenDB(t)
		var shas []string
		for _, s := range part {
			mustIngest(t, db, s)
			shas = append(shas, s.SHA256)
		}
		src := filepath.Join(srcDir, fmt.Sprintf("sao-luu-%d.db", i))
		if _, err := db.Backup(ctx, src, false); err != nil {
			t.Fatal(err)
		}
		db.Close()
		srcs = append(srcs, src)
		wants[strings.Join(shas, ",")] = part
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "tongket.db")
	if _, err := store.Restore(ctx, path, srcs[0], store.RestoreOptions{}); err != nil {
		t.Fatal(err)
	}
	// whole checks a database is wholly one of the two backups.
	whole := func(what, p string) {
		t.Helper()
		db := mustOpenDBAt(t, p)
		defer db.Close()
		checkWhole(t, db.SQL())
		var shas []string
		rows, err := db.SQL().Query(`SELECT sha256 FROM submissions ORDER BY id`)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var s string
			rows.Scan(&s)
			shas = append(shas, s)
		}
		rows.Close()
		part, ok := wants[strings.Join(shas, ",")]
		if !ok {
			t.Fatalf("%s holds %d submissions, neither backup", what, len(shas))
		}
		if got := readCurrent(t, db.DB); !reflect.DeepEqual(got, inForce(part)) {
			t.Fatalf("%s: figures in force are not the backup's", what)
		}
	}
	kills := killCount() / 2
	rng := parentRand(t)
	midRestore, keptCopies, leftovers := 0, 0, 0
	for i := 0; i < kills; i++ {
		k := killChild(t, "TestCrashRestore", []string{"TONGKET_STORE_DB=" + path, "TONGKET_STORE_SRCS=" + strings.Join(srcs, ",")}, rng, 300*time.Millisecond)
		if k.midWrite() {
			midRestore++
		}
		whole(fmt.Sprintf("kill %d after %v (%q): the database", i, k.delay, k.last()), path)
		for _, n := range listDir(t, dir) {
			p := filepath.Join(dir, n)
			switch {
			case strings.HasPrefix(n, ".tongket"):
				leftovers++ // a temporary file of the killed process
				os.Remove(p)
			case strings.Contains(n, store.KeptSuffix) && !strings.HasSuffix(n, "-wal") && !strings.HasSuffix(n, "-shm"):
				keptCopies++
				whole(fmt.Sprintf("kill %d: the kept copy %s", i, n), p)
				removeAll(p)
			}
		}
	}
	t.Logf("%d kills, %d in the middle of a restore; %d kept copies checked whole, %d temporary files left by the kills; in %v",
		kills, midRestore, keptCopies, leftovers, time.Since(start).Round(time.Millisecond))
	if midRestore == 0 && !testing.Short() {
		t.Errorf("no kill landed during a restore: the test proved nothing")
	}
}

func removeAll(p string) {
	for _, s := range []string{"", "-wal", "-shm", "-journal"} {
		os.Remove(p + s)
	}
}

// TestBackupPath: -o naming a file is the backup; naming a folder (one
// that is there, one ending in a separator, or none for the current one)
// puts a file named for the time in it, the folder made if need be; a
// folder that cannot be made is an Error with its code.
func TestBackupPath(t *testing.T) {
	now := time.Date(2024, 1, 15, 9, 0, 5, 0, time.UTC)
	name := "tongket-sao-luu-20240115-090005.db"
	sep := string(filepath.Separator)
	tests := []struct {
		name     string
		setup    func(t *testing.T)
		output   string
		want     string
		wantDir  string // a folder that must exist afterwards
		wantNone string // a path that must not exist afterwards
		wantCode string
	}{
		{name: "a file", output: "sao-luu.db", want: "sao-luu.db", wantNone: "sao-luu.db"},
		{name: "a file in a folder not made yet", output: filepath.Join("moi", "sao-luu.db"),
			want: filepath.Join("moi", "sao-luu.db"), wantNone: "moi"},
		{name: "nothing: the current folder", output: "", want: name},
		{name: "a folder that is there", setup: func(t *testing.T) { mkdirAll(t, "ra") },
			output: "ra", want: filepath.Join("ra", name)},
		{name: "a new folder, with a slash", output: "sao-luu/", want: filepath.Join("sao-luu", name), wantDir: "sao-luu"},
		{name: "a new nested folder, with the separator", output: "a" + sep + "b" + sep,
			want: filepath.Join("a", "b", name), wantDir: filepath.Join("a", "b")},
		{name: "a folder under a file", setup: func(t *testing.T) { writeFile(t, "tep", "") },
			output: "tep" + sep + "ra" + sep, wantCode: store.CodeBackupFolder},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Chdir(t.TempDir())
			if tt.setup != nil {
				tt.setup(t)
			}
			got, err := store.BackupPath(tt.output, now)
			if tt.wantCode != "" {
				var se *store.Error
				if !errors.As(err, &se) || se.Code != tt.wantCode || se.Name != tt.output || se.Err == nil {
					t.Fatalf("error %v, want code %s about %s", err, tt.wantCode, tt.output)
				}
				if got != "" {
					t.Errorf("path %q with the error", got)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("path %q, want %q", got, tt.want)
			}
			if tt.wantDir != "" {
				if st, err := os.Stat(tt.wantDir); err != nil || !st.IsDir() {
					t.Errorf("folder %s not made: %v", tt.wantDir, err)
				}
			}
			if tt.wantNone != "" {
				if _, err := os.Stat(tt.wantNone); !os.IsNotExist(err) {
					t.Errorf("%s was made (%v)", tt.wantNone, err)
				}
			}
		})
	}
}

func mkdirAll(t *testing.T, dir string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}
