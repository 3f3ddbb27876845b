package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/tongket/tongket/unitlist"
)

// UnitRecord is a known unit as "tongket units" lists it.
type UnitRecord struct {
	Code    string   `json:"code"`
	Name    string   `json:"name"`
	Parent  string   `json:"parent,omitempty"`
	Level   string   `json:"level,omitempty"`
	Source  string   `json:"source"` // import or submission
	Aliases []string `json:"aliases,omitempty"`
}

// ImportUnits makes the units of an official list known, in one
// transaction: new ones are added, listed ones take the list's name, parent,
// level and other names. Once a list is imported, a submission from a code
// outside it is an unknown-unit error.
func (db *DB) ImportUnits(ctx context.Context, units []unitlist.Unit) (added, updated int, err error) {
	tx, err := db.wr.BeginTx(ctx, nil)
	if err != nil {
		return 0, 0, db.writeErr("units import", err)
	}
	defer tx.Rollback()
	now := db.now().UTC().Format(time.RFC3339)
	for _, u := range units {
		var existing string
		err := tx.QueryRowContext(ctx, `SELECT code FROM units WHERE upper(code) = upper(?)`, u.Code).Scan(&existing)
		if err == nil {
			updated++
			u.Code = existing
			_, err = tx.ExecContext(ctx, `UPDATE units SET name=?, parent=?, level=?, source='import' WHERE code=?`, u.Name, u.Parent, u.Level, u.Code)
		} else {
			added++
			_, err = tx.ExecContext(ctx, `INSERT INTO units(code, name, parent, level, source, first_seen) VALUES(?,?,?,?, 'import', ?)`,
				u.Code, u.Name, u.Parent, u.Level, now)
		}
		if err != nil {
			return 0, 0, db.writeErr("units import", err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM unit_aliases WHERE code = ?`, u.Code); err != nil {
			return 0, 0, db.writeErr("units import", err)
		}
		for _, a := range u.Aliases {
			if _, err := tx.ExecContext(ctx, `INSERT INTO unit_aliases(alias, code) VALUES(?, ?)
				ON CONFLICT(alias) DO UPDATE SET code = excluded.code`, a, u.Code); err != nil {
				return 0, 0, db.writeErr("units import", err)
			}
		}
	}
	if err := tx.Commit(); err != nil {
		return 0, 0, db.writeErr("units import", err)
	}
	return added, updated, nil
}

// Units lists every known unit by code.
func (db *DB) Units(ctx context.Context) ([]UnitRecord, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT u.code, u.name, u.parent, u.level, u.source,
		COALESCE((SELECT group_concat(alias, char(31)) FROM unit_aliases a WHERE a.code = u.code), '')
		FROM units u ORDER BY u.code`)
	if err != nil {
		return nil, fmt.Errorf("units: %w", err)
	}
	defer rows.Close()
	var out []UnitRecord
	for rows.Next() {
		var u UnitRecord
		var aliases string
		if err := rows.Scan(&u.Code, &u.Name, &u.Parent, &u.Level, &u.Source, &aliases); err != nil {
			return nil, fmt.Errorf("units: %w", err)
		}
		if aliases != "" {
			u.Aliases = strings.Split(aliases, "\x1f")
		}
		out = append(out, u)
	}
	return out, rows.Err()
}
