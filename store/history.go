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
	"github.com/tongket/tongket/summary"
)

// Record is one stored submission as history lists it (the value is
// summary's, so the renderer needs no store).
type Record = summary.Submission

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

// countInForce fills in how many figures of each record are in force. A
// unit with one active submission has all of its figures in force (the
// common case: counted from the array lengths); only a unit that sent
// several needs its figures in force worked out.
func countInForce(ctx context.Context, tx *sql.Tx, recs []Record, all bool) error {
	st, err := tx.PrepareContext(ctx, qUnitInForce)
	if err != nil {
		return err
	}
	defer st.Close()
	units := map[string]bool{}
	for _, r := range recs {
		for _, u := range r.Units {
			units[u] = true
		}
	}
	type part struct {
		sub int64
		n   int
	}
	active := map[string][]part{}
	rows, err := tx.QueryContext(ctx, `SELECT f.unit_code, f.submission_id, json_array_length(f.data)
		FROM submission_figures f JOIN submissions s ON s.id = f.submission_id WHERE s.state = 'active'`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var u string
		var p part
		if err := rows.Scan(&u, &p.sub, &p.n); err != nil {
			rows.Close()
			return err
		}
		if all || units[u] {
			active[u] = append(active[u], p)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	m := map[int64]int{}
	for u, ps := range active {
		if len(ps) == 1 {
			m[ps[0].sub] += ps[0].n
			continue
		}
		in := map[figKey]inForce{}
		if err := unitInForce(ctx, st, u, 0, in); err != nil {
			return err
		}
		for _, v := range in {
			m[v.sub]++
		}
	}
	for i := range recs {
		recs[i].InForce = m[recs[i].ID]
	}
	return nil
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
	tx, err := db.beginWrite(ctx)
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
	unitFigures, err := tx.stmt(ctx, qUnitInForce)
	if err != nil {
		return RevertResult{}, db.writeErr("revert", err)
	}
	out := RevertResult{SubmissionID: id}
	for _, unit := range strings.Split(units, ",") {
		// The unit's figures in force before (the submission still
		// counted) and after; where it was in force, the newest other
		// active submission's figure replaces it.
		before, after := map[figKey]inForce{}, map[figKey]inForce{}
		if err := unitInForce(ctx, unitFigures, unit, id, before); err != nil {
			return RevertResult{}, fmt.Errorf("revert %d: %w", id, err)
		}
		if err := unitInForce(ctx, unitFigures, unit, 0, after); err != nil {
			return RevertResult{}, fmt.Errorf("revert %d: %w", id, err)
		}
		var keys []figKey
		for k, b := range before {
			if b.sub == id {
				keys = append(keys, k)
			}
		}
		sort.Slice(keys, func(i, j int) bool {
			if keys[i].ind != keys[j].ind {
				return keys[i].ind < keys[j].ind
			}
			return keys[i].year < keys[j].year
		})
		err := tx.insertRows(ctx, headAudit, "", 10, len(keys), func(i int, a []any) []any {
			k := keys[i]
			var repl any
			if r, ok := after[k]; ok {
				repl = r.value
			}
			return append(a, id, "revert", k.unit, k.ind, k.year, before[k].value, repl, id, "", now)
		})
		if err != nil {
			return RevertResult{}, db.writeErr("revert", err)
		}
		for _, k := range keys {
			r, ok := after[k]
			switch {
			case !ok:
				out.Removed++
			case r.value != before[k].value:
				out.Restored++
			default:
				out.Unchanged++
			}
		}
		if err := tx.replaceSeries(ctx, unit, before, after); err != nil {
			return RevertResult{}, db.writeErr("revert", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return RevertResult{}, db.writeErr("revert", err)
	}
	return out, nil
}

// Figures returns a unit's figures in force: indicator → year → hundredths.
func (db *DB) Figures(ctx context.Context, unit string) (map[string]map[int]int64, error) {
	st, err := db.readStmt(ctx, qUnitInForce)
	if err != nil {
		return nil, fmt.Errorf("figures of %s: %w", unit, err)
	}
	rows, err := st.QueryContext(ctx, unit, 0)
	if err != nil {
		return nil, fmt.Errorf("figures of %s: %w", unit, err)
	}
	defer rows.Close()
	out := map[string]map[int]int64{}
	for rows.Next() {
		var ind string
		var y int
		var v, sub int64
		if err := rows.Scan(&ind, &y, &v, &sub); err != nil {
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
