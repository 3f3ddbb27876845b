package store

import (
	"context"
	"fmt"
)

// Settings returns every stored setting.
func (db *DB) Settings(ctx context.Context) (map[string]string, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT key, value FROM settings ORDER BY key`)
	if err != nil {
		return nil, fmt.Errorf("settings: %w", err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return nil, fmt.Errorf("settings: %w", err)
		}
		out[k] = v
	}
	return out, rows.Err()
}

// SetSetting stores a setting; an empty value removes it.
func (db *DB) SetSetting(ctx context.Context, key, value string) error {
	var err error
	if value == "" {
		_, err = db.wr.ExecContext(ctx, `DELETE FROM settings WHERE key = ?`, key)
	} else {
		_, err = db.wr.ExecContext(ctx, `INSERT INTO settings(key, value) VALUES(?, ?)
			ON CONFLICT(key) DO UPDATE SET value = excluded.value`, key, value)
	}
	if err != nil {
		return db.writeErr("config", err)
	}
	return nil
}
