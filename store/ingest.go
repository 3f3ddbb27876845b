package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/tongket/tongket/submission"
)

// Counts of one ingest, exact (FORMATS.md §7).
type Counts struct {
	Inserted  int `json:"inserted"`
	Updated   int `json:"updated"`
	Unchanged int `json:"unchanged"`
}

// Add sums counts.
func (c *Counts) Add(o Counts) {
	c.Inserted += o.Inserted
	c.Updated += o.Updated
	c.Unchanged += o.Unchanged
}

// IngestResult is what storing one submission did.
type IngestResult struct {
	SubmissionID int64
	// Skipped: the same bytes are already stored as SubmissionID.
	Skipped bool
	Counts
	// Replaced are earlier rosters this corrected one withdrew.
	Replaced []int64
}

// Lookup returns the active submission with these bytes, if any.
func (db *DB) Lookup(ctx context.Context, sha string) (int64, bool, error) {
	var id int64
	err := db.sql.QueryRowContext(ctx, `SELECT id FROM submissions WHERE sha256=? AND state='active' ORDER BY id DESC LIMIT 1`, sha).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, fmt.Errorf("look up submission: %w", err)
	}
	return id, true, nil
}

// Ingest stores a valid submission in one transaction: the submission row,
// its units, every figure, the audit of what changed, and the figures in
// force. The same bytes already stored are skipped. dryRun counts what would
// change and rolls back.
func (db *DB) Ingest(ctx context.Context, sub *submission.Submission, dryRun bool) (IngestResult, error) {
	if !sub.Valid() {
		return IngestResult{}, errors.New("ingest: submission has errors")
	}
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return IngestResult{}, db.writeErr("ingest", err)
	}
	defer tx.Rollback()
	out, err := db.ingestTx(ctx, tx, sub)
	if err != nil {
		return IngestResult{}, db.writeErr("ingest", err)
	}
	if dryRun {
		return out, nil // the deferred rollback undoes everything
	}
	if err := tx.Commit(); err != nil {
		return IngestResult{}, db.writeErr("ingest", err)
	}
	return out, nil
}

// The statements of an ingest. Their text never changes, so each is
// prepared once per write transaction (wtx.stmt), for a whole batch.
const (
	qExisting     = `SELECT id FROM submissions WHERE sha256=? AND state='active' ORDER BY id DESC LIMIT 1`
	qInsertSub    = `INSERT INTO submissions(file_name, sha256, size, layout, sheet, units, year_from, year_to, figures, ingested_at) VALUES(?,?,?,?,?,?,?,?,?,?)`
	qUpsertUnit   = `INSERT INTO units(code, name, first_seen) VALUES(?,?,?) ON CONFLICT(code) DO UPDATE SET name=excluded.name WHERE units.name='' AND excluded.name<>''`
	qFigures      = `INSERT INTO submission_figures(unit_code, submission_id, data) VALUES(?,?,?)`
	headAudit     = `INSERT INTO audit(submission_id, action, unit_code, indicator, year, old_value, new_value, old_submission_id, cell, at) VALUES `
	rowsPerInsert = 128
)

// figKey is a figure's place: unit, indicator, year.
type figKey struct {
	unit, ind string
	year      int
}

// inForce is a figure in force before the file: its value and submission.
type inForce struct{ value, sub int64 }

// ingestTx stores one submission inside tx: the submission row, its units,
// every figure, the figures in force, and an audit row for every figure in
// force whose value the file changes (a figure's first value is recorded by
// its figures row: submission, cell and value).
func (db *DB) ingestTx(ctx context.Context, tx *wtx, sub *submission.Submission) (IngestResult, error) {
	// Checked under the write lock, so two processes given the same file
	// store it once.
	st, err := tx.stmt(ctx, qExisting)
	if err != nil {
		return IngestResult{}, err
	}
	var existing int64
	err = st.QueryRowContext(ctx, sub.SHA256).Scan(&existing)
	if err == nil {
		return IngestResult{SubmissionID: existing, Skipped: true}, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return IngestResult{}, fmt.Errorf("ingest: %w", err)
	}

	now := db.now().UTC().Format(time.RFC3339)
	years := sub.Years()
	var yFrom, yTo any
	if len(years) > 0 {
		yFrom, yTo = years[0], years[len(years)-1]
	}
	if st, err = tx.stmt(ctx, qInsertSub); err != nil {
		return IngestResult{}, err
	}
	res, err := st.ExecContext(ctx,
		sub.File, sub.SHA256, sub.Size, string(sub.Layout), sub.Sheet, unitList(sub), yFrom, yTo, len(sub.Figures), now)
	if err != nil {
		return IngestResult{}, err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return IngestResult{}, fmt.Errorf("ingest: %w", err)
	}
	upsertUnit, err := tx.stmt(ctx, qUpsertUnit)
	if err != nil {
		return IngestResult{}, err
	}
	unitFigures, err := tx.stmt(ctx, qUnitInForce)
	if err != nil {
		return IngestResult{}, err
	}
	storeFigures, err := tx.stmt(ctx, qFigures)
	if err != nil {
		return IngestResult{}, err
	}
	for _, u := range sub.Units {
		if _, err := upsertUnit.ExecContext(ctx, u.Resolved, u.Name, now); err != nil {
			return IngestResult{}, err
		}
	}
	// Unit by unit, so a long sheet of thousands of units never has all
	// its JSON and series rows in memory at once.
	out := IngestResult{SubmissionID: id}
	codes, byUnit := figuresByUnit(sub)
	for k, code := range codes {
		idx := byUnit[k]
		old := map[figKey]inForce{}
		if err := unitInForce(ctx, unitFigures, code, 0, old); err != nil {
			return IngestResult{}, fmt.Errorf("ingest: figures in force: %w", err)
		}
		// What the file changes, counted and audited here rather than by
		// joining the tables again in SQL.
		var changed []int32 // figures whose value in force changes
		for _, i := range idx {
			f := sub.Figures[i]
			o, ok := old[figKey{code, f.Indicator, int(f.Year)}]
			switch {
			case !ok:
				out.Inserted++
			case o.value != f.Value:
				out.Updated++
				changed = append(changed, i)
			default:
				out.Unchanged++
			}
		}
		if _, err := storeFigures.ExecContext(ctx, code, id, figuresJSON(sub, idx)); err != nil {
			return IngestResult{}, err
		}
		if err := tx.upsertSeries(ctx, seriesRows(sub, code, idx)); err != nil {
			return IngestResult{}, err
		}
		if err := tx.insertRows(ctx, headAudit, "", 10, len(changed), func(i int, a []any) []any {
			f := sub.Figures[changed[i]]
			o := old[figKey{code, f.Indicator, int(f.Year)}]
			return append(a, id, "update", code, f.Indicator, int(f.Year), o.value, f.Value, o.sub, sub.Where(f), now)
		}); err != nil {
			return IngestResult{}, err
		}
	}
	return out, nil
}

// figuresByUnit groups a submission's figures (as indexes) by resolved
// unit code, units in order of first appearance.
func figuresByUnit(sub *submission.Submission) ([]string, [][]int32) {
	at := map[string]int{}
	var codes []string
	var idx [][]int32
	for i, f := range sub.Figures {
		code := sub.UnitCode(f)
		k, ok := at[code]
		if !ok {
			k = len(codes)
			at[code] = k
			codes = append(codes, code)
			idx = append(idx, nil)
		}
		idx[k] = append(idx[k], int32(i))
	}
	return codes, idx
}

// qUnitInForce is a unit's figures in force: for each place, the figure of
// the newest active submission (?2 counts as active too, for a revert).
const qUnitInForce = `SELECT indicator, year, value, submission_id FROM (
	SELECT j.value->>0 AS indicator, j.value->>1 AS year, j.value->>2 AS value, f.submission_id,
		ROW_NUMBER() OVER (PARTITION BY j.value->>0, j.value->>1 ORDER BY f.submission_id DESC) AS rn
	FROM submission_figures f JOIN submissions s ON s.id = f.submission_id, json_each(f.data) j
	WHERE f.unit_code = ?1 AND (s.state = 'active' OR s.id = ?2))
	WHERE rn = 1`

// figuresJSON is the JSON array of some of a submission's figures (those
// of one unit): [[indicator, year, hundredths, cell], …], written by hand
// because encoding/json's reflection would be most of an ingest's writing.
func figuresJSON(sub *submission.Submission, idx []int32) string {
	b := make([]byte, 0, 40*len(idx))
	b = append(b, '[')
	for n, i := range idx {
		f := sub.Figures[i]
		if n > 0 {
			b = append(b, ',')
		}
		b = append(b, '[')
		b = appendJSONString(b, f.Indicator)
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(f.Year), 10)
		b = append(b, ',')
		b = strconv.AppendInt(b, f.Value, 10)
		b = append(b, ',', '"')
		if f.Sheet != 0 {
			b = appendJSONChars(b, sub.SheetOf(f)+"!")
		}
		b = f.AppendCell(b)
		b = append(b, '"', ']')
	}
	return string(append(b, ']'))
}

// appendJSONString appends s as a JSON string.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	return append(appendJSONChars(b, s), '"')
}

// appendJSONChars appends s escaped for a JSON string, without quotes.
func appendJSONChars(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
		case c < 0x20:
			b = append(b, fmt.Sprintf("\\u%04x", c)...)
		default:
			b = append(b, c)
		}
	}
	return b
}

// unitInForce adds a unit's figures in force to m, counting submission
// also (0: none) as active; st is qUnitInForce.
func unitInForce(ctx context.Context, st *sql.Stmt, unit string, also int64, m map[figKey]inForce) error {
	rows, err := st.QueryContext(ctx, unit, also)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		k := figKey{unit: unit}
		var v inForce
		if err := rows.Scan(&k.ind, &k.year, &v.value, &v.sub); err != nil {
			return err
		}
		m[k] = v
	}
	return rows.Err()
}

// insertRows inserts n rows of width values with multi-row INSERT
// statements (head, then "(?,…)" per row, then tail). Rows go in chunks of
// rowsPerInsert, the rest in power-of-two chunks, so a handful of
// statement texts serve every file and each is prepared once.
func (tx *wtx) insertRows(ctx context.Context, head, tail string, width, n int, row func(i int, args []any) []any) error {
	args := make([]any, 0, width*min(n, rowsPerInsert))
	for i := 0; i < n; {
		k := rowsPerInsert
		for k > n-i {
			k /= 2
		}
		args = args[:0]
		for j := i; j < i+k; j++ {
			args = row(j, args)
		}
		st, err := tx.stmt(ctx, tx.db.multiRow(head, tail, width, k))
		if err != nil {
			return err
		}
		if _, err := st.ExecContext(ctx, args...); err != nil {
			return err
		}
		i += k
	}
	return nil
}

// wtx is a write transaction with its statements, each prepared on first
// use and kept until the transaction ends: a batch of files parses each
// text once. (Preparing on the write pool instead would wait for the one
// connection the transaction holds.)
type wtx struct {
	*sql.Tx
	db    *DB
	stmts map[string]*sql.Stmt
}

func (db *DB) beginWrite(ctx context.Context) (*wtx, error) {
	tx, err := db.wr.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	return &wtx{Tx: tx, db: db, stmts: map[string]*sql.Stmt{}}, nil
}

func (tx *wtx) stmt(ctx context.Context, q string) (*sql.Stmt, error) {
	if st, ok := tx.stmts[q]; ok {
		return st, nil
	}
	st, err := tx.PrepareContext(ctx, q)
	if err != nil {
		return nil, err
	}
	tx.stmts[q] = st
	return st, nil
}

type rowsKey struct {
	head, tail string
	width, k   int
}

// multiRow is the text of an INSERT of k rows of width values.
func (db *DB) multiRow(head, tail string, width, k int) string {
	key := rowsKey{head, tail, width, k}
	db.mu.Lock()
	defer db.mu.Unlock()
	if q, ok := db.texts[key]; ok {
		return q
	}
	one := "(" + strings.Repeat("?,", width-1) + "?)"
	q := head + strings.Repeat(one+",", k-1) + one + tail
	if db.texts == nil {
		db.texts = map[rowsKey]string{}
	}
	db.texts[key] = q
	return q
}

// Batch stores many files in one transaction, each inside its own
// savepoint: a file is still stored whole or not at all (a failing file
// rolls back alone; a crash loses only whole files not yet committed), but
// SQLite writes the shared pages once per batch instead of once per file.
type Batch struct {
	db *DB
	tx *wtx
	n  int
}

// BeginBatch starts a batch; it holds the write lock until Commit.
func (db *DB) BeginBatch(ctx context.Context) (*Batch, error) {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return nil, db.writeErr("ingest", err)
	}
	return &Batch{db: db, tx: tx}, nil
}

// Ingest stores one valid submission in the batch.
func (b *Batch) Ingest(ctx context.Context, sub *submission.Submission) (IngestResult, error) {
	if !sub.Valid() {
		return IngestResult{}, errors.New("ingest: submission has errors")
	}
	if _, err := b.tx.ExecContext(ctx, `SAVEPOINT file`); err != nil {
		return IngestResult{}, b.db.writeErr("ingest", err)
	}
	out, err := b.db.ingestTx(ctx, b.tx, sub)
	if err != nil {
		if _, rerr := b.tx.ExecContext(ctx, `ROLLBACK TO file`); rerr != nil {
			err = errors.Join(err, rerr)
		}
		return IngestResult{}, b.db.writeErr("ingest", err)
	}
	if _, err := b.tx.ExecContext(ctx, `RELEASE file`); err != nil {
		return IngestResult{}, b.db.writeErr("ingest", err)
	}
	b.n++
	return out, nil
}

// Len is the number of files stored in the batch so far.
func (b *Batch) Len() int { return b.n }

// Commit makes the batch's files durable together.
func (b *Batch) Commit() error {
	if err := b.tx.Commit(); err != nil {
		return b.db.writeErr("ingest", err)
	}
	return nil
}

// Rollback abandons the batch (no file of it is stored).
func (b *Batch) Rollback() { _ = b.tx.Rollback() }

// unitList is the submission's resolved unit codes, sorted, comma separated.
func unitList(sub *submission.Submission) string {
	seen := map[string]bool{}
	var codes []string
	for _, u := range sub.Units {
		if !seen[u.Resolved] {
			seen[u.Resolved] = true
			codes = append(codes, u.Resolved)
		}
	}
	sort.Strings(codes)
	return strings.Join(codes, ",")
}

// writeErr wraps a failed write with the code that says why.
func (db *DB) writeErr(op string, err error) error {
	code := CodeWriteFailed
	msg := err.Error()
	switch {
	case strings.Contains(msg, "locked") || strings.Contains(msg, "busy"):
		code = CodeBusy
	case strings.Contains(msg, "full"):
		code = CodeDiskFull
	case strings.Contains(msg, "readonly") || strings.Contains(msg, "read-only"):
		code = CodeReadOnly
	}
	return &Error{Op: op, Path: db.path, Err: err, Code: code}
}
