package store

import (
	"context"
	"database/sql"
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
		return IngestResult{}, db.writeErr("ingest", err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return IngestResult{}, fmt.Errorf("ingest: %w", err)
	}
	for _, u := range sub.Units {
		if _, err := tx.ExecContext(ctx, `INSERT INTO units(code, name, first_seen) VALUES(?,?,?)
			ON CONFLICT(code) DO UPDATE SET name=excluded.name WHERE units.name='' AND excluded.name<>''`,
			u.Resolved, u.Name, now); err != nil {
			return IngestResult{}, db.writeErr("ingest", err)
		}
	}
	if err := insertFigures(ctx, tx, id, sub); err != nil {
		return IngestResult{}, db.writeErr("ingest", err)
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
		return IngestResult{}, db.writeErr("ingest", err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO current(unit_code, indicator, year, value, submission_id)
		SELECT unit_code, indicator, year, value, submission_id FROM figures WHERE submission_id = ? AND true
		ON CONFLICT(unit_code, indicator, year) DO UPDATE SET value=excluded.value, submission_id=excluded.submission_id`, id); err != nil {
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

// insertFigures writes a submission's figures with multi-row INSERTs: far
// fewer statements than one per figure, well under SQLite's variable limit.
func insertFigures(ctx context.Context, tx *sql.Tx, id int64, sub *submission.Submission) error {
	const perStmt = 500 // 6 variables each: 3000 < 32766
	var stmt *sql.Stmt
	defer func() {
		if stmt != nil {
			stmt.Close()
		}
	}()
	args := make([]any, 0, perStmt*6)
	flush := func(n int) error {
		if n == 0 {
			return nil
		}
		if n == perStmt && stmt != nil {
			_, err := stmt.ExecContext(ctx, args...)
			return err
		}
		q := "INSERT INTO figures(submission_id, unit_code, indicator, year, value, cell) VALUES" +
			strings.TrimSuffix(strings.Repeat("(?,?,?,?,?,?),", n), ",")
		if n == perStmt {
			var err error
			if stmt, err = tx.PrepareContext(ctx, q); err != nil {
				return err
			}
			_, err = stmt.ExecContext(ctx, args...)
			return err
		}
		_, err := tx.ExecContext(ctx, q, args...)
		return err
	}
	n := 0
	for _, f := range sub.Figures {
		args = append(args, id, sub.UnitCode(f), f.Indicator, f.Year, f.Value, f.Cell())
		n++
		if n == perStmt {
			if err := flush(n); err != nil {
				return err
			}
			args, n = args[:0], 0
		}
	}
	return flush(n)
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
