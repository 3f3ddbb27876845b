package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/tongket/tongket/unitlist"
)

// UnitRecord is a known unit as "tongket units" lists it.
type UnitRecord struct {
	Code      string   `json:"code"`
	Name      string   `json:"name"`
	Parent    string   `json:"parent,omitempty"`
	Level     string   `json:"level,omitempty"`
	Source    string   `json:"source"` // import or submission
	Aliases   []string `json:"aliases,omitempty"`
	ValidFrom string   `json:"valid_from,omitempty"` // yyyy-mm-dd
	ValidTo   string   `json:"valid_to,omitempty"`
	// Predecessors are the successions into the unit, Successors those
	// out of it (FORMATS.md §10).
	Predecessors []unitlist.Succession `json:"predecessors,omitempty"`
	Successors   []unitlist.Succession `json:"successors,omitempty"`
}

// Listed reports whether the unit comes from the imported official list,
// not only from submissions.
func (u UnitRecord) Listed() bool { return u.Source == "import" }

// UnitsImported counts what an import of the unit list did.
type UnitsImported struct {
	Added, Updated int
	// Unlisted are units of the previous list that the new one leaves
	// out: dropped, or kept as known from submissions (Kept) when they
	// have figures, which are never touched.
	Unlisted, Kept int
	Successions    int
}

// ImportUnits imports a list of units without history (ImportList).
func (db *DB) ImportUnits(ctx context.Context, units []unitlist.Unit) (added, updated int, err error) {
	r, err := db.ImportList(ctx, &unitlist.List{Units: units})
	return r.Added, r.Updated, err
}

// ImportList makes a checked unit list the official one, in one
// transaction: it replaces the list imported before, units, other names,
// validity and history alike. A unit seen before (in a submission or an
// earlier list) keeps its code as first written. A unit the new list
// leaves out is dropped, or, when it has figures, kept as a unit known
// from submissions; figures are never touched. Once a list is imported, a
// submission from a code outside it is an unknown-unit error.
func (db *DB) ImportList(ctx context.Context, l *unitlist.List) (UnitsImported, error) {
	var r UnitsImported
	tx, err := db.wr.BeginTx(ctx, nil)
	if err != nil {
		return r, db.writeErr("units import", err)
	}
	defer tx.Rollback()
	if err := importList(ctx, tx, l, db.now().UTC().Format(time.RFC3339), &r); err != nil {
		return UnitsImported{}, db.writeErr("units import", err)
	}
	if err := tx.Commit(); err != nil {
		return UnitsImported{}, db.writeErr("units import", err)
	}
	return r, nil
}

func importList(ctx context.Context, tx *sql.Tx, l *unitlist.List, now string, r *UnitsImported) error {
	// The old list's history and other names go first: they name units
	// the new list may leave out.
	for _, q := range []string{`DELETE FROM successions`,
		`DELETE FROM unit_aliases WHERE code IN (SELECT code FROM units WHERE source = 'import')`,
		`UPDATE units SET source = 'unlisted' WHERE source = 'import'`} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	known, err := knownCodes(ctx, tx)
	if err != nil {
		return err
	}
	stmts, err := prepare(ctx, tx,
		`UPDATE units SET name=?, parent=?, level=?, valid_from=?, valid_to=?, ord=?, source='import' WHERE code=?`,
		`INSERT INTO units(code, name, parent, level, valid_from, valid_to, ord, source, first_seen) VALUES(?,?,?,?,?,?,?, 'import', ?)`,
		`INSERT INTO unit_aliases(alias, code) VALUES(?, ?) ON CONFLICT(alias) DO UPDATE SET code = excluded.code`,
		`INSERT INTO successions(old_code, new_code, date, share, basis, ord) VALUES(?,?,?,?,?,?)`)
	if err != nil {
		return err
	}
	defer closeAll(stmts)
	update, insert, alias, succ := stmts[0], stmts[1], stmts[2], stmts[3]
	stored := map[string]string{} // code as the list writes it → as stored
	for i, u := range l.Units {
		code, ok := known[strings.ToUpper(u.Code)]
		if ok {
			r.Updated++
			_, err = update.ExecContext(ctx, u.Name, u.Parent, u.Level, u.ValidFrom, u.ValidTo, i+1, code)
		} else {
			r.Added++
			code = u.Code
			_, err = insert.ExecContext(ctx, code, u.Name, u.Parent, u.Level, u.ValidFrom, u.ValidTo, i+1, now)
		}
		if err != nil {
			return err
		}
		stored[u.Code] = code
		for _, a := range u.Aliases {
			if _, err := alias.ExecContext(ctx, a, code); err != nil {
				return err
			}
		}
	}
	for i, s := range l.Successions {
		if _, err := succ.ExecContext(ctx, stored[s.Old], stored[s.New], s.Date, s.Share, s.Basis, i+1); err != nil {
			return fmt.Errorf("succession %s → %s: %w", s.Old, s.New, err)
		}
	}
	r.Successions = len(l.Successions)
	return dropUnlisted(ctx, tx, r)
}

// knownCodes maps the known units' codes, upper case, to the codes as
// stored: a list may write a code in another case.
func knownCodes(ctx context.Context, tx *sql.Tx) (map[string]string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT code FROM units`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			return nil, err
		}
		out[strings.ToUpper(c)] = c
	}
	return out, rows.Err()
}

// dropUnlisted deletes the units the new list left out, except those with
// figures, which stay known from their submissions.
func dropUnlisted(ctx context.Context, tx *sql.Tx, r *UnitsImported) error {
	res, err := tx.ExecContext(ctx, `UPDATE units SET source = 'submission', valid_from = '', valid_to = '', ord = 0
		WHERE source = 'unlisted' AND EXISTS (SELECT 1 FROM submission_figures f WHERE f.unit_code = units.code)`)
	if err != nil {
		return err
	}
	kept, _ := res.RowsAffected()
	res, err = tx.ExecContext(ctx, `DELETE FROM units WHERE source = 'unlisted'`)
	if err != nil {
		return err
	}
	dropped, _ := res.RowsAffected()
	r.Kept, r.Unlisted = int(kept), int(kept+dropped)
	return nil
}

func prepare(ctx context.Context, tx *sql.Tx, qs ...string) ([]*sql.Stmt, error) {
	var out []*sql.Stmt
	for _, q := range qs {
		st, err := tx.PrepareContext(ctx, q)
		if err != nil {
			closeAll(out)
			return nil, err
		}
		out = append(out, st)
	}
	return out, nil
}

func closeAll(stmts []*sql.Stmt) {
	for _, st := range stmts {
		st.Close()
	}
}

// Units lists every known unit by code, each with its history.
func (db *DB) Units(ctx context.Context) ([]UnitRecord, error) {
	return db.units(ctx, `u.code`)
}

// units lists the known units in an order, each with its history.
func (db *DB) units(ctx context.Context, order string) ([]UnitRecord, error) {
	tx, err := db.sql.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("units: %w", err)
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, `SELECT u.code, u.name, u.parent, u.level, u.source, u.valid_from, u.valid_to,
		COALESCE((SELECT group_concat(alias, char(31)) FROM unit_aliases a WHERE a.code = u.code), '')
		FROM units u ORDER BY `+order)
	if err != nil {
		return nil, fmt.Errorf("units: %w", err)
	}
	defer rows.Close()
	var out []UnitRecord
	at := map[string]int{}
	for rows.Next() {
		var u UnitRecord
		var aliases string
		if err := rows.Scan(&u.Code, &u.Name, &u.Parent, &u.Level, &u.Source, &u.ValidFrom, &u.ValidTo, &aliases); err != nil {
			return nil, fmt.Errorf("units: %w", err)
		}
		if aliases != "" {
			u.Aliases = strings.Split(aliases, "\x1f")
		}
		at[u.Code] = len(out)
		out = append(out, u)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("units: %w", err)
	}
	succ, err := successions(ctx, tx)
	if err != nil {
		return nil, err
	}
	for _, s := range succ {
		out[at[s.Old]].Successors = append(out[at[s.Old]].Successors, s)
		out[at[s.New]].Predecessors = append(out[at[s.New]].Predecessors, s)
	}
	return out, nil
}

// successions reads the list's history in its order.
func successions(ctx context.Context, tx *sql.Tx) ([]unitlist.Succession, error) {
	rows, err := tx.QueryContext(ctx, `SELECT old_code, new_code, date, share, basis FROM successions ORDER BY ord`)
	if err != nil {
		return nil, fmt.Errorf("successions: %w", err)
	}
	defer rows.Close()
	var out []unitlist.Succession
	for rows.Next() {
		var s unitlist.Succession
		if err := rows.Scan(&s.Old, &s.New, &s.Date, &s.Share, &s.Basis); err != nil {
			return nil, fmt.Errorf("successions: %w", err)
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// UnitList is the official list as imported, in its order, to be written
// back as a workbook (unitlist.Write) that imports unchanged; without one,
// every unit known from submissions, as a list to start from.
func (db *DB) UnitList(ctx context.Context) (*unitlist.List, error) {
	recs, err := db.units(ctx, `u.source <> 'import', u.ord, u.code`)
	if err != nil {
		return nil, err
	}
	listed := len(recs) > 0 && recs[0].Source == "import"
	l := &unitlist.List{}
	for _, u := range recs {
		if listed && u.Source != "import" {
			break
		}
		l.Units = append(l.Units, unitlist.Unit{Code: u.Code, Name: u.Name, Parent: u.Parent, Level: u.Level,
			Aliases: u.Aliases, ValidFrom: u.ValidFrom, ValidTo: u.ValidTo})
	}
	tx, err := db.sql.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("unit list: %w", err)
	}
	defer tx.Rollback()
	if l.Successions, err = successions(ctx, tx); err != nil {
		return nil, err
	}
	return l, nil
}

// UnitLife is how a unit of the list ended and whom it is joined to, for
// the checks of submissions (FORMATS.md §10).
type UnitLife struct {
	Name string
	// End is the last day the unit existed (ISO), "" while it exists: its
	// Hiệu lực đến, or the day before it went to successors if earlier.
	End        string
	Successors []string
	Changes    []UnitChange
}

// UnitChange is a unit joined to another by a succession in Year.
type UnitChange struct {
	Unit        string
	Year        int
	Predecessor bool // Unit is the predecessor
}

// UnitLives are the lives of the units that ended or changed, by code.
func (db *DB) UnitLives(ctx context.Context) (map[string]UnitLife, error) {
	recs, err := db.Units(ctx)
	if err != nil {
		return nil, err
	}
	out := map[string]UnitLife{}
	for _, u := range recs {
		if u.ValidTo == "" && len(u.Predecessors) == 0 && len(u.Successors) == 0 {
			continue
		}
		l := UnitLife{Name: u.Name, End: u.ValidTo}
		for _, s := range u.Successors {
			l.Successors = append(l.Successors, s.New)
			l.Changes = append(l.Changes, UnitChange{Unit: s.New, Year: yearOfISO(s.Date)})
			if before := isoDayBefore(s.Date); l.End == "" || before < l.End {
				l.End = before
			}
		}
		for _, s := range u.Predecessors {
			l.Changes = append(l.Changes, UnitChange{Unit: s.Old, Year: yearOfISO(s.Date), Predecessor: true})
		}
		out[u.Code] = l
	}
	return out, nil
}

func yearOfISO(iso string) int {
	y, _ := strconv.Atoi(iso[:min(4, len(iso))])
	return y
}

func isoDayBefore(iso string) string {
	t, err := time.Parse("2006-01-02", iso)
	if err != nil {
		return iso
	}
	return t.AddDate(0, 0, -1).Format("2006-01-02")
}

// FigureSource names the file and cell of the figure in force for (unit,
// indicator, year); ok is false when there is none.
func (db *DB) FigureSource(ctx context.Context, unit, indicator string, year int) (file, cell string, ok bool, err error) {
	err = db.sql.QueryRowContext(ctx, `SELECT s.file_name, j.value->>3
		FROM submission_figures f JOIN submissions s ON s.id = f.submission_id, json_each(f.data) j
		WHERE f.unit_code = ? AND s.state = 'active' AND j.value->>0 = ? AND j.value->>1 = ?
		ORDER BY f.submission_id DESC LIMIT 1`, unit, indicator, year).Scan(&file, &cell)
	switch {
	case err == sql.ErrNoRows:
		return "", "", false, nil
	case err != nil:
		return "", "", false, fmt.Errorf("source of %s %s %d: %w", unit, indicator, year, err)
	}
	return file[strings.LastIndexAny(file, `/\`)+1:], cell, true, nil
}
