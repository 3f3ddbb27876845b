// Package table finds a table in a worksheet by its header labels and
// streams the rows under it: the one reader of tables that submissions,
// rosters, unit lists and catalog workbooks share. It also loads files and
// turns container problems into findings.
//
// A reader says what its header looks like (Options.Match, shown each of
// the first rows with the row below it) and what to do with each row under
// it (Options.Data); Scan does the rest, and never drops a read error: a
// damaged or cut-off sheet comes back as a corrupt-file finding located at
// the sheet, so a list that stops half-way is refused instead of imported
// short. What hidden rows and columns hold is refused by each reader with
// the one wording of HiddenRows and HiddenColumn (hidden.go).
package table

import (
	"errors"
	"fmt"
	"strings"

	"github.com/tongket/tongket/finding"
	"github.com/tongket/tongket/vn"
	"github.com/tongket/tongket/xlsx"
)

// DefaultMaxRows is how far down a sheet a header may start when
// Options.MaxRows is 0 (FORMATS.md §2: "anywhere in the first 30 rows").
const DefaultMaxRows = 30

// Candidate is a possible header: a row and the row below it. Next is nil
// when the row below is empty or absent (the end of the sheet). Merged
// ranges are applied: a label merged over both rows appears in both, a
// group label merged across columns appears over each.
//
// Row and *Next are only valid during the Match call: their cells are
// reused for later rows.
type Candidate struct {
	Sheet string
	Row   xlsx.Row
	Next  *xlsx.Row
}

// Label is one column of a candidate header: its text in the candidate
// row (Top) and in the row below (Sub), each "" when empty.
type Label struct {
	Col              int
	Top, Sub         string // cell text, NFC, trimmed
	TopCell, SubCell xlsx.Cell
}

// Labels lists the columns of c that have text in either row, in column
// order. A formula cell without a cached value counts as having text (its
// Top or Sub is ""), so a caller can calculate a year written as a formula.
func (c Candidate) Labels() []Label {
	var next []xlsx.Cell
	if c.Next != nil {
		next = c.Next.Cells
	}
	out := make([]Label, 0, max(len(c.Row.Cells), len(next)))
	top, sub := c.Row.Cells, next
	for len(top) > 0 || len(sub) > 0 {
		var l Label
		switch {
		case len(sub) == 0 || len(top) > 0 && top[0].Col < sub[0].Col:
			l = Label{Col: top[0].Col, TopCell: top[0]}
			top = top[1:]
		case len(top) == 0 || sub[0].Col < top[0].Col:
			l = Label{Col: sub[0].Col, SubCell: sub[0]}
			sub = sub[1:]
		default:
			l = Label{Col: top[0].Col, TopCell: top[0], SubCell: sub[0]}
			top, sub = top[1:], sub[1:]
		}
		l.Top, l.Sub = labelText(l.TopCell), labelText(l.SubCell)
		if l.Top != "" || l.Sub != "" || l.TopCell.Formula || l.SubCell.Formula {
			out = append(out, l)
		}
	}
	return out
}

// MergedDown reports a label merged over both rows of the candidate: its
// Sub is its Top, not a label of the second row.
func (l Label) MergedDown() bool {
	return l.SubCell.Covered && l.SubCell.Merge != nil && l.TopCell.Merge != nil && *l.SubCell.Merge == *l.TopCell.Merge
}

// FromLeft reports a covered cell of a range merged across columns: a
// cell whose value is its left neighbour's. Readers that give each column
// its own field skip it: one value spread over several columns belongs to
// the first (a section title merged across a table, a figure merged over
// two years), while one merged down several rows belongs to each row.
func FromLeft(c xlsx.Cell) bool {
	return c.Covered && c.Merge != nil && c.Merge.FromCol != c.Col
}

// labelText is a cell's text as labels are compared: NFC, trimmed.
func labelText(c xlsx.Cell) string {
	return strings.TrimSpace(vn.NFC(c.Value))
}

// Options drive Scan.
type Options struct {
	// MaxRows is how far down the header may start (DefaultMaxRows when
	// 0). The second row of a two-row header may be MaxRows+1.
	MaxRows int
	// Match decides whether c is the header: 0 not the header; 1 the
	// header is c.Row; 2 it is c.Row and c.Next together.
	Match func(c Candidate) int
	// Before receives, in order, the rows above the header (title, unit
	// lines) and the rows Match rejected; may be nil.
	Before func(row xlsx.Row)
	// Data receives each row under the header; returning Stop ends the
	// scan early. When nil, the scan ends at the header.
	Data func(h Header, row xlsx.Row) error
	// Convert, when set, rewrites each row before anything else sees it
	// (submissions decode text typed in the old TCVN3/VNI fonts). The
	// row it returns may share buffers with the next call's.
	Convert func(row xlsx.Row) xlsx.Row
	// NoLabels leaves Header.Labels empty, for a reader that keeps what it
	// needs of the header in Match (it saves a copy of two rows a table).
	NoLabels bool
	// Restart, when set, makes the scan optimistic: the sheet is read once
	// without merged ranges, which are learnt at its end, so a sheet
	// without merges costs one read (MergedRows inflates a part twice).
	// When a merged range touches the table (the header's rows or below)
	// or no header was found among merges, Restart is called, for the
	// caller to forget what that read told it, and the sheet is read again
	// with merged ranges applied. For readers of long sheets.
	Restart func()
}

// Header is the accepted header. The Labels of a one-row header have no
// Sub: the row below it is data.
type Header struct {
	Sheet    string
	Row, End int     // first and last header row (End == Row for a one-row header)
	Labels   []Label // of the accepted candidate
}

// Stop ends a scan early without being an error.
var Stop = errors.New("table: stop")

// errEnd ends a scan from inside Scan: no header in the first rows, or a
// header and no Data callback.
var errEnd = errors.New("table: end")

// callbackError carries an error of Data out of xlsx's Rows, so that it
// is told apart from a read error.
type callbackError struct {
	row int
	err error
}

func (e *callbackError) Error() string { return e.err.Error() }

// readRows streams a sheet's rows with merged ranges applied.
var readRows = (*xlsx.Book).MergedRows

// Scan reads sheet s of book with merged ranges applied. found reports
// whether a header was accepted. A read error (damaged or cut-off sheet)
// comes back as a corrupt-file finding located at the sheet (problem
// non-nil), never dropped; an error returned by Data other than Stop is
// returned wrapped as err.
//
// When problem is set, what the callbacks made of the rows before the
// damage is not to be trusted either: a cut-off sheet loses its merged
// ranges with its end (they follow the rows in the file), so those rows
// may have been given without their merged values. Callers drop it and
// report the damage alone.
//
// The rows given to Match, Before and Data are reused after the callback
// returns, as with xlsx.Book.Rows: copy what must outlive it. Scan holds
// one row back (to offer it with the next) only while looking for the
// header; rows under the header cost nothing beyond the read.
func Scan(book *xlsx.Book, s xlsx.Sheet, opt Options) (found bool, problem *finding.Finding, err error) {
	if opt.Match == nil {
		return false, nil, errors.New("table: Options.Match is nil")
	}
	if opt.MaxRows <= 0 {
		opt.MaxRows = DefaultMaxRows
	}
	if opt.Restart != nil {
		found, problem, err, again := scanOptimistic(book, s, opt)
		if !again {
			return found, problem, err
		}
		opt.Restart()
	}
	sc := &scanner{opt: opt, sheet: s.Name}
	rerr := readRows(book, s, sc.row)
	return sc.result(rerr)
}

// scanOptimistic reads the sheet once without merged ranges, learning them
// at its end (xlsx.Book.RowsMerges). again reports that a merged range
// touches the table (the header's rows or below), or that the read ended
// before they were known, and the sheet must be read with them.
func scanOptimistic(book *xlsx.Book, s xlsx.Sheet, opt Options) (found bool, problem *finding.Finding, err error, again bool) {
	sc := &scanner{opt: opt, sheet: s.Name}
	ranges, rerr := book.RowsMerges(s, sc.row)
	complete := rerr == nil
	var cbe *callbackError
	if rerr != nil && !errors.Is(rerr, errEnd) && !errors.As(rerr, &cbe) {
		found, problem, err = sc.result(rerr) // damaged: no second read
		return found, problem, err, false
	}
	found, problem, err = sc.result(rerr)
	if err != nil {
		return found, problem, err, false
	}
	switch {
	case !complete:
		return found, problem, err, true
	case !found:
		return found, problem, err, len(ranges) > 0
	}
	for _, r := range ranges {
		if r.ToRow >= sc.h.Row {
			return found, problem, err, true
		}
	}
	return found, problem, err, false
}

// result settles a scan once its read has ended with rerr.
func (sc *scanner) result(rerr error) (found bool, problem *finding.Finding, err error) {
	if rerr == nil && !sc.found && sc.holding {
		rerr = sc.offer(nil)
	}
	var cbe *callbackError
	switch {
	case rerr == nil, errors.Is(rerr, errEnd):
		return sc.found, nil, nil
	case errors.As(rerr, &cbe):
		return sc.found, nil, fmt.Errorf("table: sheet %q row %d: %w", sc.sheet, cbe.row, cbe.err)
	}
	p := ReadProblem(sc.sheet, rerr)
	return sc.found, &p, nil
}

// scanner is the state of one Scan.
type scanner struct {
	opt   Options
	sheet string

	found bool
	h     Header

	holding bool
	held    xlsx.Row    // the candidate waiting for the row below
	cells   []xlsx.Cell // held's own copy of its cells
	next    xlsx.Row    // the row below, addressed by Candidate.Next
}

// row is the callback of the sheet read.
func (sc *scanner) row(r xlsx.Row) error {
	if sc.opt.Convert != nil {
		r = sc.opt.Convert(r)
	}
	if sc.found {
		return sc.data(r)
	}
	return sc.search(r)
}

// data hands one row under the header to Data.
func (sc *scanner) data(r xlsx.Row) error {
	if sc.opt.Data == nil {
		return errEnd
	}
	err := sc.opt.Data(sc.h, r)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, Stop):
		return errEnd
	}
	return &callbackError{row: r.Num, err: err}
}

// search offers the held row with r below it, then holds r.
func (sc *scanner) search(r xlsx.Row) error {
	if sc.holding {
		var next *xlsx.Row
		if r.Num == sc.held.Num+1 {
			sc.next = r
			next = &sc.next
		}
		if err := sc.offer(next); err != nil {
			return err
		}
		switch {
		case sc.found && sc.h.End == r.Num:
			return nil // r is the header's second row
		case sc.found:
			return sc.data(r)
		}
	}
	if r.Num > sc.opt.MaxRows {
		return errEnd
	}
	// xlsx reuses r's cells for the next row: the held row needs its own.
	sc.cells = append(sc.cells[:0], r.Cells...)
	sc.held, sc.holding = r, true
	sc.held.Cells = sc.cells
	return nil
}

// offer asks Match about the held row and next, and settles it: header
// or Before.
func (sc *scanner) offer(next *xlsx.Row) error {
	c := Candidate{Sheet: sc.sheet, Row: sc.held, Next: next}
	n := sc.opt.Match(c)
	sc.holding = false
	switch {
	case n == 0:
		if sc.opt.Before != nil {
			sc.opt.Before(sc.held)
		}
		return nil
	case n == 1 || n == 2 && next != nil:
		sc.found = true
		sc.h = Header{Sheet: sc.sheet, Row: sc.held.Num, End: sc.held.Num}
		if n == 2 {
			sc.h.End = next.Num
		} else {
			c.Next = nil // the row below is data, not labels
		}
		if !sc.opt.NoLabels {
			sc.h.Labels = c.Labels()
		}
		return nil
	}
	return &callbackError{row: sc.held.Num, err: fmt.Errorf("table: Match returned %d (want 0, 1, or 2 with a next row)", n)}
}
