package store

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/tongket/tongket/catalog"
)

// CatalogChange is what replacing the catalog would do to stored figures.
type CatalogChange struct {
	Indicator string `json:"indicator"`
	What      string `json:"what"` // removed, agg, kind
	From, To  string
	Figures   int `json:"figures"` // figures stored under the indicator
}

// ErrCatalogNeedsForce refuses a catalog import that would change the
// meaning of stored figures; the changes say which.
var ErrCatalogNeedsForce = errors.New("the new catalog changes the meaning of stored figures")

// CatalogChangeError lists the changes an import would make.
type CatalogChangeError struct{ Changes []CatalogChange }

func (e *CatalogChangeError) Error() string {
	var parts []string
	for _, c := range e.Changes {
		parts = append(parts, fmt.Sprintf("%s %s (%d figures)", c.Indicator, c.What, c.Figures))
	}
	return ErrCatalogNeedsForce.Error() + ": " + strings.Join(parts, ", ")
}

func (e *CatalogChangeError) Unwrap() error { return ErrCatalogNeedsForce }

// ReplaceCatalog puts a new catalog in force in one transaction. Renaming
// and adding are always fine; removing an indicator that has figures, or
// changing how its figures add up (agg) or what they may hold (kind from
// money to count), is refused unless force, with the changes listed. The
// figures themselves are never deleted.
func (db *DB) ReplaceCatalog(ctx context.Context, c *catalog.Catalog, force bool) ([]CatalogChange, error) {
	old, err := db.Catalog(ctx)
	if err != nil {
		return nil, err
	}
	tx, err := db.wr.BeginTx(ctx, nil)
	if err != nil {
		return nil, db.writeErr("catalog import", err)
	}
	defer tx.Rollback()
	counts := map[string]int{}
	rows, err := tx.QueryContext(ctx, `SELECT indicator, count(*) FROM figures GROUP BY indicator`)
	if err != nil {
		return nil, fmt.Errorf("catalog import: %w", err)
	}
	for rows.Next() {
		var ind string
		var n int
		if err := rows.Scan(&ind, &n); err != nil {
			rows.Close()
			return nil, fmt.Errorf("catalog import: %w", err)
		}
		counts[ind] = n
	}
	rows.Close()
	var changes []CatalogChange
	for _, o := range old.Indicators {
		n := counts[o.Code]
		if n == 0 {
			continue
		}
		nw, ok := c.ByCode(o.Code)
		switch {
		case !ok:
			changes = append(changes, CatalogChange{Indicator: o.Code, What: "removed", Figures: n})
		case nw.Agg != o.Agg:
			changes = append(changes, CatalogChange{Indicator: o.Code, What: "agg", From: string(o.Agg), To: string(nw.Agg), Figures: n})
		case o.Kind == catalog.Money && nw.Kind == catalog.Count:
			changes = append(changes, CatalogChange{Indicator: o.Code, What: "kind", From: string(o.Kind), To: string(nw.Kind), Figures: n})
		}
	}
	if len(changes) > 0 && !force {
		return changes, &CatalogChangeError{Changes: changes}
	}
	for _, q := range []string{`DELETE FROM indicators`, `DELETE FROM rules`, `DELETE FROM organisations`, `DELETE FROM award_forms`} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return nil, db.writeErr("catalog import", err)
		}
	}
	if err := seedCatalog(ctx, tx, c); err != nil {
		return nil, db.writeErr("catalog import", err)
	}
	if err := seedLists(ctx, tx, c); err != nil {
		return nil, db.writeErr("catalog import", err)
	}
	if err := tx.Commit(); err != nil {
		return nil, db.writeErr("catalog import", err)
	}
	return changes, nil
}

// FullCatalog is the catalog in force with its organisations and forms.
func (db *DB) FullCatalog(ctx context.Context) (*catalog.Catalog, error) {
	c, err := db.Catalog(ctx)
	if err != nil {
		return nil, err
	}
	l, err := db.AwardLists(ctx)
	if err != nil {
		return nil, err
	}
	c.Organisations, c.AwardForms = l.Organisations, l.Forms
	return c, nil
}
