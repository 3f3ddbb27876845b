package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"github.com/tongket/tongket/roster"
	"github.com/tongket/tongket/summary"
)

// AwardLists returns the organisations (in print order) and award forms.
func (db *DB) AwardLists(ctx context.Context) (roster.Lists, error) {
	var l roster.Lists
	for _, q := range []struct {
		sql string
		dst *[]string
	}{{`SELECT name FROM organisations ORDER BY ord, name`, &l.Organisations}, {`SELECT name FROM award_forms ORDER BY ord, name`, &l.Forms}} {
		rows, err := db.sql.QueryContext(ctx, q.sql)
		if err != nil {
			return l, fmt.Errorf("award lists: %w", err)
		}
		for rows.Next() {
			var s string
			if err := rows.Scan(&s); err != nil {
				rows.Close()
				return l, fmt.Errorf("award lists: %w", err)
			}
			*q.dst = append(*q.dst, s)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return l, fmt.Errorf("award lists: %w", err)
		}
	}
	return l, nil
}

// LookupRoster returns the active roster with these bytes, if any.
func (db *DB) LookupRoster(ctx context.Context, sha string) (int64, bool, error) {
	var id int64
	err := db.sql.QueryRowContext(ctx, `SELECT id FROM rosters WHERE sha256=? AND state='active' ORDER BY id DESC LIMIT 1`, sha).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, fmt.Errorf("look up roster: %w", err)
	}
	return id, true, nil
}

// ImportRoster stores a valid roster whole in one transaction; the same
// bytes already stored are skipped. A roster that is the same as an active
// one (roster.Identity.Same: the same file name, unit and years) is its
// corrected version and replaces it (Replaced); one of the same name from
// another unit replaces nothing.
func (db *DB) ImportRoster(ctx context.Context, r *roster.Roster) (IngestResult, error) {
	if !r.Valid() {
		return IngestResult{}, errors.New("import roster: roster has errors")
	}
	tx, err := db.wr.BeginTx(ctx, nil)
	if err != nil {
		return IngestResult{}, db.writeErr("awards import", err)
	}
	defer tx.Rollback()
	var existing int64
	err = tx.QueryRowContext(ctx, `SELECT id FROM rosters WHERE sha256=? AND state='active' ORDER BY id DESC LIMIT 1`, r.SHA256).Scan(&existing)
	if err == nil {
		return IngestResult{SubmissionID: existing, Skipped: true}, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return IngestResult{}, fmt.Errorf("import roster: %w", err)
	}
	now := db.now().UTC().Format(time.RFC3339)
	active, err := activeRosters(ctx, tx)
	if err != nil {
		return IngestResult{}, fmt.Errorf("import roster: %w", err)
	}
	var replaced []int64
	for _, a := range active {
		if a.Identity.Same(r.Identity()) {
			replaced = append(replaced, a.ID)
		}
	}
	for _, id := range replaced {
		if _, err := tx.ExecContext(ctx, `UPDATE rosters SET state = 'reverted' WHERE id = ?`, id); err != nil {
			return IngestResult{}, db.writeErr("awards import", err)
		}
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO rosters(file_name, sha256, size, sheet, entries, ingested_at,
		unit, heading, folder, year_from, year_to) VALUES(?,?,?,?,?,?,?,?,?,?,?)`,
		r.File, r.SHA256, r.Size, r.Sheet, len(r.Entries), now, r.Unit, r.Heading, r.Folder, r.Years[0], r.Years[1])
	if err != nil {
		return IngestResult{}, db.writeErr("awards import", err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return IngestResult{}, fmt.Errorf("import roster: %w", err)
	}
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO awards(roster_id, name, kind, position, unit, organisation, form, authority,
		decision_number, decision_date, achievement, sheet, col, row) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)`)
	if err != nil {
		return IngestResult{}, db.writeErr("awards import", err)
	}
	defer stmt.Close()
	for _, e := range r.Entries {
		if _, err := stmt.ExecContext(ctx, id, e.Name, e.Kind, e.Position, e.Unit, e.Organisation, e.Form, e.Authority,
			e.DecisionNumber, e.DecisionDate.Format(time.DateOnly), e.Achievement, e.Sheet, e.Col, e.Row); err != nil {
			return IngestResult{}, db.writeErr("awards import", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return IngestResult{}, db.writeErr("awards import", err)
	}
	return IngestResult{SubmissionID: id, Counts: Counts{Inserted: len(r.Entries)}, Replaced: replaced}, nil
}

// StoredRoster is a roster in force: its id, the unit its title lines
// name, what tells it from another roster, and (from ActiveRosters) its
// entries in storage order.
type StoredRoster struct {
	ID       int64
	File     string
	Unit     string
	Identity roster.Identity
	Entries  []roster.Entry
}

// activeRosters lists the rosters in force, without their entries.
func activeRosters(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}) ([]StoredRoster, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, file_name, unit, heading, folder, year_from, year_to
		FROM rosters WHERE state = 'active' ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []StoredRoster
	for rows.Next() {
		var s StoredRoster
		if err := rows.Scan(&s.ID, &s.File, &s.Unit, &s.Identity.Heading, &s.Identity.Folder,
			&s.Identity.Years[0], &s.Identity.Years[1]); err != nil {
			return nil, err
		}
		s.Identity.Name = filepath.Base(s.File)
		out = append(out, s)
	}
	return out, rows.Err()
}

// ActiveRosters returns the rosters in force with their entries, in
// storage order: what an incoming roster is checked against, and what it
// may replace.
func (db *DB) ActiveRosters(ctx context.Context) ([]StoredRoster, error) {
	rs, err := activeRosters(ctx, db.sql)
	if err != nil {
		return nil, fmt.Errorf("rosters: %w", err)
	}
	at := make(map[int64]int, len(rs))
	for i, r := range rs {
		at[r.ID] = i
	}
	err = db.awards(ctx, 0, 0, func(id int64, e roster.Entry) {
		if i, ok := at[id]; ok {
			rs[i].Entries = append(rs[i].Entries, e)
		}
	})
	return rs, err
}

// Awards returns the stored awards of active rosters whose decision year is
// in [from, to] (every award when both are zero), in storage order.
func (db *DB) Awards(ctx context.Context, from, to int) ([]roster.Entry, error) {
	var out []roster.Entry
	err := db.awards(ctx, from, to, func(_ int64, e roster.Entry) { out = append(out, e) })
	return out, err
}

// awards calls fn with each award of an active roster whose decision
// year is in [from, to] (every award when both are zero), and its
// roster's id, in storage order.
func (db *DB) awards(ctx context.Context, from, to int, fn func(rosterID int64, e roster.Entry)) error {
	q := `SELECT a.roster_id, a.name, a.kind, a.position, a.unit, a.organisation, a.form, a.authority, a.decision_number,
			a.decision_date, a.achievement, r.file_name, a.sheet, a.col, a.row
		FROM awards a JOIN rosters r ON r.id = a.roster_id WHERE r.state = 'active'`
	var args []any
	if from != 0 || to != 0 {
		q += ` AND a.decision_date >= ? AND a.decision_date < ?`
		args = append(args, fmt.Sprintf("%04d-01-01", from), fmt.Sprintf("%04d-01-01", to+1))
	}
	rows, err := db.sql.QueryContext(ctx, q+` ORDER BY a.id`, args...)
	if err != nil {
		return fmt.Errorf("awards: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var e roster.Entry
		var id int64
		var date string
		if err := rows.Scan(&id, &e.Name, &e.Kind, &e.Position, &e.Unit, &e.Organisation, &e.Form, &e.Authority,
			&e.DecisionNumber, &date, &e.Achievement, &e.File, &e.Sheet, &e.Col, &e.Row); err != nil {
			return fmt.Errorf("awards: %w", err)
		}
		e.DecisionDate, _ = time.Parse(time.DateOnly, date)
		fn(id, e)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("awards: %w", err)
	}
	return nil
}

// awardCounts fills the summary's award counts for its period (FORMATS §5).
func awardCounts(ctx context.Context, tx *sql.Tx, s *summary.Summary) error {
	s.Awards = summary.Awards{ByKind: map[string]int{}, ByOrganisation: map[string]int{}, ByForm: map[string]int{}}
	rows, err := tx.QueryContext(ctx, `SELECT a.kind, a.organisation, a.form, count(*)
		FROM awards a JOIN rosters r ON r.id = a.roster_id
		WHERE r.state = 'active' AND a.decision_date >= ? AND a.decision_date < ?
		GROUP BY a.kind, a.organisation, a.form`,
		fmt.Sprintf("%04d-01-01", s.Period.From), fmt.Sprintf("%04d-01-01", s.Period.To+1))
	if err != nil {
		return fmt.Errorf("award counts: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var kind, org, form string
		var n int
		if err := rows.Scan(&kind, &org, &form, &n); err != nil {
			return fmt.Errorf("award counts: %w", err)
		}
		s.Awards.Total += n
		s.Awards.ByKind[kind] += n
		s.Awards.ByOrganisation[org] += n
		s.Awards.ByForm[form] += n
	}
	return rows.Err()
}
