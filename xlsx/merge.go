package xlsx

import "fmt"

// Range is a rectangle of cells, 1-based and inclusive.
type Range struct{ FromCol, FromRow, ToCol, ToRow int }

// Ref returns the range in A1 notation, e.g. "E6:F7".
func (r Range) Ref() string {
	return fmt.Sprintf("%s%d:%s%d", ColumnName(r.FromCol), r.FromRow, ColumnName(r.ToCol), r.ToRow)
}

// Contains reports whether the cell at col, row lies in r.
func (r Range) Contains(col, row int) bool {
	return col >= r.FromCol && col <= r.ToCol && row >= r.FromRow && row <= r.ToRow
}

// Merges returns the sheet's merged ranges (<mergeCells>), in file order;
// read once per sheet and cached (safe for concurrent use). Damaged
// content is a *ContainerError like Rows.
func (b *Book) Merges(s Sheet) ([]Range, error) {
	if _, err := b.lookup(s); err != nil {
		return nil, err
	}
	return nil, nil // TODO: read <mergeCells>
}

// MergedRows is Rows with merged ranges applied: every cell of a merged
// range is reported, covered ones carrying the anchor's value and Covered
// set; the anchor carries Merge too. A row that holds only covered cells
// is reported. Cells stay in column order. Values some writers leave in
// covered cells are ignored (what Excel shows is the anchor's value).
func (b *Book) MergedRows(s Sheet, fn func(Row) error) error {
	return b.Rows(s, fn) // TODO: apply merges
}
