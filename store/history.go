package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/tongket/tongket/submission"
)

// Record is one stored submission as history lists it.
type Record struct {
	ID         int64      `json:"id"`
	File       string     `json:"file"`
	SHA256     string     `json:"sha256"`
	Size       int64      `json:"size"`
	Layout     string     `json:"layout"`
	Sheet      string     `json:"sheet"`
	Units      []string   `json:"units"`
	YearFrom   int        `json:"year_from,omitempty"`
	YearTo     int        `json:"year_to,omitempty"`
	Figures    int        `json:"figures"`
	InForce    int        `json:"in_force"` // figures of it still in force
	IngestedAt time.Time  `json:"ingested_at"`
	State      string     `json:"state"`
	RevertedAt *time.Time `json:"reverted_at,omitempty"`
}

// History lists submissions, newest first, optionally of one unit.
func (db *DB) History(ctx context.Context, unit string) ([]Record, error) {
	tx, err := db.sql.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("history: %w", err)
	}
	defer tx.Rollback() // one snapshot for the list and the counts
	q := `SELECT s.id, s.file_name, s.sha256, s.size, s.layout, s.sheet, s.units,
			COALESCE(s.year_from, 0), COALESCE(s.year_to, 0), s.figures,
			s.ingested_at, s.state, s.reverted_at
		FROM submissions s`
	var args []any
	if unit != "" {
		// instr, not LIKE: "_" and "%" in a unit code are not wildcards.
		q += ` WHERE instr(',' || s.units || ',', ',' || ? || ',') > 0`
		args = append(args, unit)
	}
	q += ` ORDER BY s.id DESC`
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("history: %w", err)
	}
	defer rows.Close()
	var out []Record
	for rows.Next() {
		var r Record
		var units, at string
		var rev sql.NullString
		if err := rows.Scan(&r.ID, &r.File, &r.SHA256, &r.Size, &r.Layout, &r.Sheet, &units,
			&r.YearFrom, &r.YearTo, &r.Figures, &at, &r.State, &rev); err != nil {
			return nil, fmt.Errorf("history: %w", err)
		}
		r.Units = strings.Split(units, ",")
		r.IngestedAt, _ = time.Parse(time.RFC3339, at)
		if rev.Valid {
			t, _ := time.Parse(time.RFC3339, rev.String)
			r.RevertedAt = &t
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("history: %w", err)
	}
	rows.Close()
	if err := countInForce(ctx, tx, out, unit == ""); err != nil {
		return nil, fmt.Errorf("history: %w", err)
	}
	return out, nil
}

// countInForce fills in how many figures of each record are in force: for the
// whole history in one pass over the figures in force, for a few records
// unit by unit (the figures in force are keyed by unit first).
func countInForce(ctx context.Context, tx *sql.Tx, recs []Record, all bool) error {
	if !all {
		for i := range recs {
			for _, u := range recs[i].Units {
				var n int
				if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM current WHERE unit_code = ? AND submission_id = ?`,
					u, recs[i].ID).Scan(&n); err != nil {
					return err
				}
				recs[i].InForce += n
			}
		}
		return nil
	}
	rows, err := tx.QueryContext(ctx, `SELECT submission_id, count(*) FROM current GROUP BY submission_id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	m := map[int64]int{}
	for rows.Next() {
		var id int64
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return err
		}
		m[id] = n
	}
	for i := range recs {
		recs[i].InForce = m[recs[i].ID]
	}
	return rows.Err()
}

// ErrNoSubmission is a revert of an id that does not exist.
var ErrNoSubmission = errors.New("no such submission")

// ErrAlreadyReverted is a revert of a submission already withdrawn.
var ErrAlreadyReverted = errors.New("submission already reverted")

// RevertResult says what withdrawing a submission did to the figures in force.
type RevertResult struct {
	SubmissionID int64 `json:"submission_id"`
	// Restored figures take back the different value of an earlier submission.
	Restored int `json:"restored"`
	// Unchanged figures now come from an earlier submission with the same value.
	Unchanged int `json:"unchanged"`
	// Removed figures had no earlier value and are no longer reported.
	Removed int `json:"removed"`
}

// Revert withdraws a submission in one transaction: for every figure it had
// in force, the latest earlier active submission's figure comes back, or the
// figure is no longer reported. The submission stays in history.
func (db *DB) Revert(ctx context.Context, id int64) (RevertResult, error) {
	tx, err := db.wr.BeginTx(ctx, nil)
	if err != nil {
		return RevertResult{}, db.writeErr("revert", err)
	}
	defer tx.Rollback()
	var state, units string
	err = tx.QueryRowContext(ctx, `SELECT state, units FROM submissions WHERE id=?`, id).Scan(&state, &units)
	if errors.Is(err, sql.ErrNoRows) {
		return RevertResult{}, fmt.Errorf("revert %d: %w", id, ErrNoSubmission)
	}
	if err != nil {
		return RevertResult{}, fmt.Errorf("revert %d: %w", id, err)
	}
	if state == "reverted" {
		return RevertResult{}, fmt.Errorf("revert %d: %w", id, ErrAlreadyReverted)
	}
	now := db.now().UTC().Format(time.RFC3339)
	if _, err := tx.ExecContext(ctx, `UPDATE submissions SET state='reverted', reverted_at=? WHERE id=?`, now, id); err != nil {
		return RevertResult{}, db.writeErr("revert", err)
	}
	// The submission's figures in force are found unit by unit (the keys of
	// current and figures start with the unit). The replacement of a key is
	// the newest active submission's figure.
	const replacement = `FROM figures f JOIN submissions s ON s.id = f.submission_id
		WHERE s.state = 'active' AND f.unit_code = c.unit_code AND f.indicator = c.indicator AND f.year = c.year
		ORDER BY f.submission_id DESC LIMIT 1`
	var out RevertResult
	for _, unit := range strings.Split(units, ",") {
		if _, err := tx.ExecContext(ctx, `INSERT INTO audit(submission_id, action, unit_code, indicator, year, old_value, new_value, old_submission_id, cell, at)
			SELECT c.submission_id, 'revert', c.unit_code, c.indicator, c.year, c.value,
				(SELECT f.value `+replacement+`), c.submission_id, '', ?3
			FROM current c WHERE c.unit_code = ?2 AND c.submission_id = ?1`, id, unit, now); err != nil {
			return RevertResult{}, db.writeErr("revert", err)
		}
		var restored, unchanged int
		if err := tx.QueryRowContext(ctx, `SELECT COALESCE(SUM(r IS NOT NULL AND r <> v), 0), COALESCE(SUM(r = v), 0)
			FROM (SELECT c.value AS v, (SELECT f.value `+replacement+`) AS r FROM current c WHERE c.unit_code = ?2 AND c.submission_id = ?1)`, id, unit).
			Scan(&restored, &unchanged); err != nil {
			return RevertResult{}, fmt.Errorf("revert %d: %w", id, err)
		}
		out.Restored += restored
		out.Unchanged += unchanged
		if _, err := tx.ExecContext(ctx, `UPDATE current AS c SET (value, submission_id) = (SELECT f.value, f.submission_id `+replacement+`)
			WHERE c.unit_code = ?2 AND c.submission_id = ?1 AND EXISTS (SELECT 1 `+replacement+`)`, id, unit); err != nil {
			return RevertResult{}, db.writeErr("revert", err)
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM current WHERE unit_code = ?2 AND submission_id = ?1`, id, unit)
		if err != nil {
			return RevertResult{}, db.writeErr("revert", err)
		}
		removed, _ := res.RowsAffected()
		out.Removed += int(removed)
		if err := rebuildSeries(ctx, tx, unit); err != nil {
			return RevertResult{}, db.writeErr("revert", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return RevertResult{}, db.writeErr("revert", err)
	}
	out.SubmissionID = id
	return out, nil
}

// Figures returns a unit's figures in force: indicator → year → hundredths.
func (db *DB) Figures(ctx context.Context, unit string) (map[string]map[int]int64, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT indicator, year, value FROM current WHERE unit_code = ?`, unit)
	if err != nil {
		return nil, fmt.Errorf("figures of %s: %w", unit, err)
	}
	defer rows.Close()
	out := map[string]map[int]int64{}
	for rows.Next() {
		var ind string
		var y int
		var v int64
		if err := rows.Scan(&ind, &y, &v); err != nil {
			return nil, fmt.Errorf("figures of %s: %w", unit, err)
		}
		if out[ind] == nil {
			out[ind] = map[int]int64{}
		}
		out[ind][y] = v
	}
	return out, rows.Err()
}

// Directory returns the known units for matching names in submissions.
func (db *DB) Directory(ctx context.Context) (*submission.Directory, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT u.code, u.name, u.source,
		COALESCE((SELECT group_concat(alias, char(31)) FROM unit_aliases a WHERE a.code = u.code), '')
		FROM units u ORDER BY u.code`)
	if err != nil {
		return nil, fmt.Errorf("units: %w", err)
	}
	defer rows.Close()
	var units []submission.KnownUnit
	restricted := false
	for rows.Next() {
		var u submission.KnownUnit
		var source, aliases string
		if err := rows.Scan(&u.Code, &u.Name, &source, &aliases); err != nil {
			return nil, fmt.Errorf("units: %w", err)
		}
		if aliases != "" {
			u.Aliases = strings.Split(aliases, "\x1f")
		}
		restricted = restricted || source == "import"
		units = append(units, u)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("units: %w", err)
	}
	return submission.NewDirectory(units, restricted), nil
}
