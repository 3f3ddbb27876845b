package xlsx

import (
	"encoding/xml"
	"fmt"
	"io"
	"sort"
	"strconv"
)

// pending is a cell being collected; its value bytes live in the row
// buffer until the row ends and the whole row becomes one string.
type pending struct {
	col     int
	kind    Kind
	formula bool
	cached  bool
	fixed   bool   // value is str, not buf[vs:ve]
	str     string // shared string or constant
	vs, ve  int
}

// sheetReader holds the state of one Rows call.
type sheetReader struct {
	sst  *sharedStrings
	lim  Limits
	name string

	buf   []byte // value bytes of the current row, then its refs
	cells []pending
	out   []Cell

	rowNum   int  // number of the current row
	rowGiven bool // the current <row> has an r attribute
	rows     int  // <row> elements seen
	lastCol  int
	sorted   bool

	// current cell
	c        pending
	typ      string
	start    int // len(buf) at <c>
	hasV     bool
	vs, ve   int
	hasIs    bool
	is, ie   int
	inV, inT bool
	inIs     bool
	phon     int
}

// Rows streams the sheet's rows to fn in file order. It stops at and
// returns the first non-nil error from fn. Damaged or oversized content is
// reported as *ContainerError. See Row for what fn may keep.
func (b *Book) Rows(s Sheet, fn func(Row) error) error {
	i, err := b.lookup(s)
	if err != nil {
		return err
	}
	sst, used, err := b.sharedStrings()
	if err != nil {
		return err
	}
	left := b.lim.MaxUncompressed - b.meta - used
	f := b.parts[i]
	d, done, err := b.openPart(f, &left)
	if err != nil {
		return err
	}
	r := sheetReader{sst: sst, lim: b.lim, name: b.sheets[i].Name}
	err = r.run(d, fn)
	if err != nil {
		done(false)
		if _, ok := err.(fnError); ok {
			return err.(fnError).err
		}
		if _, ok := err.(*ContainerError); ok {
			return err
		}
		return partError(f, err)
	}
	return done(true)
}

// fnError carries the callback's error out of run untouched.
type fnError struct{ err error }

func (e fnError) Error() string { return e.err.Error() }

func (r *sheetReader) run(d *xml.Decoder, fn func(Row) error) error {
	inData, inRow, inCell := false, false, false
	for {
		tok, err := d.RawToken()
		if err != nil {
			if err == io.EOF {
				if inData {
					return corrupt(fmt.Sprintf("the XML of sheet %q ends inside <sheetData>", r.name), nil)
				}
				return nil
			}
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "c":
				if inRow {
					if err := r.startCell(t.Attr); err != nil {
						return err
					}
					inCell = true
				}
			case "v":
				if inCell {
					r.inV, r.hasV, r.vs = true, true, len(r.buf)
				}
			case "f":
				if inCell {
					r.c.formula = true
				}
			case "is":
				if inCell {
					r.inIs, r.hasIs, r.is = true, true, len(r.buf)
				}
			case "t":
				r.inT = r.inIs && r.phon == 0
			case "rPh":
				if r.inIs {
					r.phon++
				}
			case "row":
				if inData {
					if inRow { // unclosed row: finish it
						if err := r.endRow(fn); err != nil {
							return err
						}
					}
					if err := r.startRow(t.Attr); err != nil {
						return err
					}
					inRow, inCell = true, false
				}
			case "sheetData":
				inData = true
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "v":
				if r.inV {
					r.inV, r.ve = false, len(r.buf)
				}
			case "t":
				r.inT = false
			case "rPh":
				r.phon = max(r.phon-1, 0)
			case "is":
				if r.inIs {
					r.inIs, r.inT, r.ie = false, false, len(r.buf)
				}
			case "c":
				if inCell {
					if err := r.endCell(); err != nil {
						return err
					}
					inCell = false
				}
			case "row":
				if inRow {
					if inCell {
						if err := r.endCell(); err != nil {
							return err
						}
						inCell = false
					}
					if err := r.endRow(fn); err != nil {
						return err
					}
					inRow = false
				}
			case "sheetData":
				if inCell {
					if err := r.endCell(); err != nil {
						return err
					}
				}
				if inRow {
					if err := r.endRow(fn); err != nil {
						return err
					}
				}
				return nil // the rest of the sheet holds no cells
			}
		case xml.CharData:
			if r.inV || r.inT {
				r.buf = append(r.buf, t...)
			}
		}
	}
}

func (r *sheetReader) startRow(attrs []xml.Attr) error {
	r.rows++
	if r.rows > r.lim.MaxRows {
		return tooLarge(fmt.Sprintf("sheet %q has more than %d rows", r.name, r.lim.MaxRows))
	}
	r.rowGiven = false
	for _, a := range attrs {
		if a.Name.Local == "r" && a.Name.Space == "" {
			n, ok := atoi(a.Value)
			if !ok || n < 1 || n > maxRow {
				return corrupt(fmt.Sprintf("sheet %q has a row numbered %q", r.name, a.Value), nil)
			}
			r.rowNum, r.rowGiven = n, true
		}
	}
	if !r.rowGiven {
		// Some writers omit r: rows then follow one another.
		r.rowNum++
		if r.rowNum > maxRow {
			return corrupt(fmt.Sprintf("sheet %q has more than %d rows", r.name, maxRow), nil)
		}
	}
	r.buf, r.cells, r.lastCol, r.sorted = r.buf[:0], r.cells[:0], 0, true
	return nil
}

func (r *sheetReader) startCell(attrs []xml.Attr) error {
	r.c = pending{}
	r.typ = ""
	col := 0
	for _, a := range attrs {
		if a.Name.Space != "" {
			continue
		}
		switch a.Name.Local {
		case "r":
			if a.Value == "" {
				continue
			}
			c, row, ok := splitRef(a.Value)
			if !ok || c == 0 {
				return corrupt(fmt.Sprintf("sheet %q has a cell with the reference %q", r.name, a.Value), nil)
			}
			col = c
			if row != 0 && !r.rowGiven && len(r.cells) == 0 && r.lastCol == 0 {
				// A <row> without r whose cells carry the row number.
				r.rowNum = row
			}
		case "t":
			r.typ = a.Value
		}
	}
	if col == 0 {
		col = r.lastCol + 1 // no r: the next column
		if col > maxCol {
			return corrupt(fmt.Sprintf("row %d of sheet %q has cells beyond column XFD", r.rowNum, r.name), nil)
		}
	}
	if col <= r.lastCol {
		r.sorted = false
	}
	r.lastCol = col
	r.c.col = col
	r.start = len(r.buf)
	r.hasV, r.hasIs, r.inV, r.inT, r.inIs, r.phon = false, false, false, false, false, 0
	return nil
}

// endCell decides the cell's kind and value from its t attribute and the
// <v> or <is> collected, and moves the value bytes to the cell's start.
func (r *sheetReader) endCell() error {
	c := &r.c
	if r.inV {
		r.ve = len(r.buf)
	}
	if r.inIs {
		r.ie = len(r.buf)
	}
	var v []byte
	switch {
	case r.hasIs && (r.typ == "inlineStr" || !r.hasV):
		v = unescapeInPlace(r.buf[r.is:r.ie])
		c.kind, c.cached = Text, true
	case r.hasV:
		v = r.buf[r.vs:r.ve]
		switch r.typ {
		case "s":
			i, ok := parseUint(v, r.sst.len())
			if ok && i < r.sst.len() {
				c.fixed, c.str = true, r.sst.get(i)
			} else if len(v) > 0 {
				return corrupt(fmt.Sprintf("cell %s%d of sheet %q refers to shared string %q, but the file has %d", ColumnName(c.col), r.rowNum, r.name, v, r.sst.len()), nil)
			}
			c.kind, c.cached, v = Text, len(v) > 0, nil
		case "str", "inlineStr", "d":
			// A formula's string result is cached even when empty.
			v = unescapeInPlace(v)
			c.kind, c.cached = Text, len(v) > 0 || r.typ == "str"
		case "b":
			c.kind, c.cached, c.fixed = Bool, len(v) > 0, true
			c.str = "TRUE"
			if s := string(trimSpace(v)); s == "0" || s == "false" || s == "FALSE" {
				c.str = "FALSE"
			}
			v = nil
		case "e":
			c.kind, c.cached = Error, len(v) > 0
		case "", "n":
			c.kind, c.cached = Number, len(v) > 0
		default:
			c.kind, c.cached = Text, len(v) > 0
		}
	}
	if !c.cached {
		c.kind, c.fixed, c.str, v = Blank, false, "", nil
		if !c.formula {
			r.buf = r.buf[:r.start]
			return nil // no value, no formula: not reported
		}
	}
	// Move the value down to where the cell's bytes began (copy handles
	// the overlap) and drop whatever else the cell left in buf.
	n := copy(r.buf[r.start:], v)
	r.buf = r.buf[:r.start+n]
	c.vs, c.ve = r.start, r.start+n
	r.cells = append(r.cells, *c)
	return nil
}

func trimSpace(b []byte) []byte {
	for len(b) > 0 && isSpace(b[0]) {
		b = b[1:]
	}
	for len(b) > 0 && isSpace(b[len(b)-1]) {
		b = b[:len(b)-1]
	}
	return b
}

// endRow turns the collected cells into a Row: the refs are appended to
// buf, buf becomes one string, and every Ref and Value is a substring of
// it, so a row costs one allocation however many cells it has.
func (r *sheetReader) endRow(fn func(Row) error) error {
	if len(r.cells) == 0 {
		return nil
	}
	if !r.sorted {
		sort.SliceStable(r.cells, func(i, j int) bool { return r.cells[i].col < r.cells[j].col })
	}
	refs := len(r.buf)
	var num [8]byte
	digits := strconv.AppendInt(num[:0], int64(r.rowNum), 10)
	for _, c := range r.cells {
		r.buf = appendColumnName(r.buf, c.col)
		r.buf = append(r.buf, digits...)
	}
	s := string(r.buf)
	r.out = r.out[:0]
	at := refs
	for _, c := range r.cells {
		end := at + len(digits)
		for i := c.col; i > 0; i = (i - 1) / 26 {
			end++
		}
		cell := Cell{Col: c.col, Ref: s[at:end], Kind: c.kind, Formula: c.formula, Cached: c.cached}
		if c.fixed {
			cell.Value = c.str
		} else {
			cell.Value = s[c.vs:c.ve]
		}
		r.out = append(r.out, cell)
		at = end
	}
	r.cells = r.cells[:0]
	r.buf = r.buf[:0]
	if err := fn(Row{Num: r.rowNum, Cells: r.out}); err != nil {
		return fnError{err}
	}
	return nil
}
