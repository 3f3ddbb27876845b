package store

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
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
	tx, err := db.wr.BeginTx(ctx, nil)
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

// ingestTx stores one submission inside tx.
func (db *DB) ingestTx(ctx context.Context, tx *sql.Tx, sub *submission.Submission) (IngestResult, error) {
	var err error
	// Checked under the write lock, so two processes given the same file
	// store it once.
	var existing int64
	err = tx.QueryRowContext(ctx, `SELECT id FROM submissions WHERE sha256=? AND state='active' ORDER BY id DESC LIMIT 1`, sub.SHA256).Scan(&existing)
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
	res, err := tx.ExecContext(ctx, `INSERT INTO submissions(file_name, sha256, size, layout, sheet, units, year_from, year_to, figures, ingested_at)
		VALUES(?,?,?,?,?,?,?,?,?,?)`,
		sub.File, sub.SHA256, sub.Size, string(sub.Layout), sub.Sheet, unitList(sub), yFrom, yTo, len(sub.Figures), now)
	if err != nil {
		return IngestResult{}, err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return IngestResult{}, fmt.Errorf("ingest: %w", err)
	}
	for _, u := range sub.Units {
		if _, err := tx.ExecContext(ctx, `INSERT INTO units(code, name, first_seen) VALUES(?,?,?)
			ON CONFLICT(code) DO UPDATE SET name=excluded.name WHERE units.name='' AND excluded.name<>''`,
			u.Resolved, u.Name, now); err != nil {
			return IngestResult{}, err
		}
	}
	if err := insertFigures(ctx, tx, id, sub); err != nil {
		return IngestResult{}, err
	}
	out := IngestResult{SubmissionID: id}
	if err := tx.QueryRowContext(ctx, `SELECT
			COALESCE(SUM(c.value IS NULL), 0),
			COALESCE(SUM(c.value IS NOT NULL AND c.value <> f.value), 0),
			COALESCE(SUM(c.value = f.value), 0)
		FROM figures f LEFT JOIN current c USING (unit_code, indicator, year)
		WHERE f.submission_id = ?`, id).Scan(&out.Inserted, &out.Updated, &out.Unchanged); err != nil {
		return IngestResult{}, fmt.Errorf("ingest: count changes: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO audit(submission_id, action, unit_code, indicator, year, old_value, new_value, old_submission_id, cell, at)
		SELECT f.submission_id, CASE WHEN c.value IS NULL THEN 'insert' ELSE 'update' END,
			f.unit_code, f.indicator, f.year, c.value, f.value, c.submission_id, f.cell, ?
		FROM figures f LEFT JOIN current c USING (unit_code, indicator, year)
		WHERE f.submission_id = ? AND (c.value IS NULL OR c.value <> f.value)`, now, id); err != nil {
		return IngestResult{}, err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO current(unit_code, indicator, year, value, submission_id)
		SELECT unit_code, indicator, year, value, submission_id FROM figures WHERE submission_id = ? AND true
		ON CONFLICT(unit_code, indicator, year) DO UPDATE SET value=excluded.value, submission_id=excluded.submission_id`, id); err != nil {
		return IngestResult{}, err
	}
	return out, nil
}

// Batch stores many files in one transaction, each inside its own
// savepoint: a file is still stored whole or not at all (a failing file
// rolls back alone; a crash loses only whole files not yet committed), but
// SQLite writes the shared pages once per batch instead of once per file.
type Batch struct {
	db *DB
	tx *sql.Tx
	n  int
}

// BeginBatch starts a batch; it holds the write lock until Commit.
func (db *DB) BeginBatch(ctx context.Context) (*Batch, error) {
	tx, err := db.wr.BeginTx(ctx, nil)
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

// insertFigures writes a submission's figures with one statement whose
// text never changes, so SQLite parses it once per connection: the rows go
// in as a JSON array bound to a parameter (json_each), a chunk at a time so
// a million-row sheet never becomes one huge string.
func insertFigures(ctx context.Context, tx *sql.Tx, id int64, sub *submission.Submission) error {
	const chunk = 4096
	rows := make([][5]any, 0, min(chunk, len(sub.Figures)))
	var buf bytes.Buffer
	for start := 0; start < len(sub.Figures); start += chunk {
		rows = rows[:0]
		for _, f := range sub.Figures[start:min(start+chunk, len(sub.Figures))] {
			rows = append(rows, [5]any{sub.UnitCode(f), f.Indicator, f.Year, f.Value, f.Cell()})
		}
		buf.Reset()
		if err := json.NewEncoder(&buf).Encode(rows); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO figures(submission_id, unit_code, indicator, year, value, cell)
			SELECT ?, j.value->>0, j.value->>1, j.value->>2, j.value->>3, j.value->>4 FROM json_each(?) AS j`, id, buf.String()); err != nil {
			return err
		}
	}
	return nil
}

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

// writeErr wraps a failed write with the hint the officer needs.
func (db *DB) writeErr(op string, err error) error {
	hint := hintWrite
	msg := err.Error()
	switch {
	case strings.Contains(msg, "locked") || strings.Contains(msg, "busy"):
		hint = "Cơ sở dữ liệu đang bận vì một lệnh tongket khác đang ghi quá lâu. Hãy chờ lệnh đó xong rồi chạy lại."
	case strings.Contains(msg, "full"):
		hint = "Ổ đĩa đã đầy: hãy giải phóng chỗ trống rồi chạy lại. Không tệp nào bị lưu dở dang."
	case strings.Contains(msg, "readonly") || strings.Contains(msg, "read-only"):
		hint = "Cơ sở dữ liệu chỉ đọc: hãy kiểm tra quyền ghi của tệp và thư mục chứa nó."
	}
	return &Error{Op: op, Path: db.path, Err: err, Hint: hint}
}
