package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"sort"
	"strconv"
)

// Excel caps a cell at 32,767 characters; these bounds leave room for
// other writers but keep a crafted file from filling memory.
const (
	maxCellBytes = 4 << 20
	maxRowBytes  = 64 << 20
)

// pending is a cell being collected; its value bytes live in the row
// buffer until the row ends and the whole row becomes one string.
type pending struct {
	col     int
	kind    Kind
	formula bool
	cached  bool
	fixed   bool   // value is str, not buf[vs:ve]
	style   int32  // the s attribute
	str     string // shared string or constant
	vs, ve  int
	src     uint32 // Cell.src
}

// sheetReader holds the state of one Rows call.
type sheetReader struct {
	book *Book
	sst  *sharedStrings
	lim  Limits
	name string

	buf   []byte // value bytes of the current row, then its refs
	cells []pending
	out   []Cell

	afterData func(s *scanner) error // reads on past </sheetData> (RowsMerges)

	// For a sheet that declares no size, LastRow is estimated once
	// estimateAt rows are read, from the bytes they took: left is the
	// budget the part is read against, left0 what it was at the start.
	left     *int64
	left0    int64
	partSize uint64

	lastRow  int  // Row.LastRow
	maxRows  int  // the most rows the part can hold
	rowNum   int  // number of the current row
	rowGiven bool // the current <row> has an r attribute
	hidden   bool // the current <row> is hidden
	outline  uint8
	view     *SheetView // Row.View: nil until <cols> or <sheetPr> hide something
	rows     int        // <row> elements seen
	lastCol  int
	sorted   bool

	// current cell
	c        pending
	typ      int
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
// reported as *ContainerError; a checksum error is only known at the end
// of the part, after the rows were delivered. See Row for what fn may keep.
func (b *Book) Rows(s Sheet, fn func(Row) error) error {
	return b.rows(s, fn, nil)
}

// rows is Rows; afterData, when set, reads the part on from </sheetData>.
func (b *Book) rows(s Sheet, fn func(Row) error, afterData func(sc *scanner, f *zip.File) error) error {
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
	sc, done, err := b.openScanner(f, &left)
	if err != nil {
		return err
	}
	r := sheetReader{book: b, sst: sst, lim: b.lim, name: b.sheets[i].Name, left: &left, left0: left, partSize: f.UncompressedSize64}
	if afterData != nil {
		r.afterData = func(sc *scanner) error { return afterData(sc, f) }
	}
	// The smallest row worth reporting, <row><c><v>1</v></c></row>, takes
	// 27 bytes: a declared size beyond what the part holds is not believed.
	r.maxRows = int(min(f.UncompressedSize64/27, uint64(b.lim.withDefaults().MaxRows)))
	err = r.run(sc, fn)
	if err != nil {
		done(false)
		if fe, ok := err.(fnError); ok {
			return fe.err
		}
		return partError(f, err)
	}
	return done(true)
}

// fnError carries the callback's error out of run untouched.
type fnError struct{ err error }

func (e fnError) Error() string { return e.err.Error() }

// run is the sheet's state machine: <sheetData> holds <row>s, which hold
// <c>s, which hold <f>, <v> and <is> (whose text is in <t>, directly or in
// rich-text runs <r>, but not in phonetic runs <rPh>).
func (r *sheetReader) run(s *scanner, fn func(Row) error) error {
	inData, inRow, inCell := false, false, false
	for {
		if err := s.next(); err != nil {
			if err == io.EOF {
				if inData {
					return corrupt(fmt.Sprintf("the XML of sheet %q ends inside <sheetData>", r.name), nil)
				}
				return nil
			}
			return err
		}
		switch s.kind {
		case tokText:
			if r.inV || r.inT {
				if len(r.buf)-r.start+len(s.text) > maxCellBytes || len(r.buf)+len(s.text) > maxRowBytes {
					return tooLarge(fmt.Sprintf("row %d of sheet %q holds more text than Excel allows", r.rowNum, r.name))
				}
				r.buf = append(r.buf, s.text...)
			}
		case tokStart:
			switch string(s.name) {
			case "c":
				if inRow {
					if inCell { // unclosed cell
						if err := r.endCell(); err != nil {
							return err
						}
					}
					if err := r.startCell(s); err != nil {
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
			case "rFont":
				if r.inIs && r.phon == 0 && r.c.src == 0 {
					r.c.src = r.book.inlineFont(attrBytes(s, "val"))
				}
			case "row":
				if inData {
					if inRow { // unclosed row: finish it
						if err := r.closeRow(inCell, fn); err != nil {
							return err
						}
					}
					if err := r.startRow(s); err != nil {
						return err
					}
					inRow, inCell = true, false
				}
			case "sheetData":
				inData = true
			case "col":
				if !inData {
					if err := r.col(s); err != nil {
						return err
					}
				}
			case "sheetPr":
				if !inData && xmlTrue(attrBytes(s, "filterMode")) {
					r.viewOf().Filtered = true
				}
			case "dimension":
				if !inData {
					ref := attrBytes(s, "ref")
					if i := bytes.IndexByte(ref, ':'); i >= 0 {
						ref = ref[i+1:]
					}
					if _, row, ok := splitRef(ref); ok {
						r.lastRow = min(row, r.maxRows)
					}
				}
			}
		case tokEnd:
			switch string(s.name) {
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
					if err := r.closeRow(inCell, fn); err != nil {
						return err
					}
					inRow, inCell = false, false
				}
			case "sheetData":
				if inData {
					if inRow {
						if err := r.closeRow(inCell, fn); err != nil {
							return err
						}
					}
					if r.afterData != nil {
						return r.afterData(s)
					}
					return nil // the rest of the sheet holds no cells
				}
			}
		}
	}
}

func (r *sheetReader) closeRow(inCell bool, fn func(Row) error) error {
	if inCell {
		if err := r.endCell(); err != nil {
			return err
		}
	}
	return r.endRow(fn)
}

func (r *sheetReader) startRow(s *scanner) error {
	r.rows++
	if r.rows == estimateAt && r.lastRow < r.rowNum && r.left != nil {
		r.lastRow = r.estimateRows()
	}
	if r.rows > r.lim.MaxRows {
		return tooLarge(fmt.Sprintf("sheet %q has more than %d rows", r.name, r.lim.MaxRows))
	}
	r.rowGiven, r.hidden, r.outline = false, false, 0
	for k := range s.attrList {
		a := &s.attrList[k]
		switch string(s.attrName(a)) {
		case "r":
			val := s.attrVal(a)
			n, ok := parseUint(val, maxRow)
			if !ok || n < 1 {
				return corrupt(fmt.Sprintf("sheet %q has a row numbered %q", r.name, val), nil)
			}
			r.rowNum, r.rowGiven = n, true
		case "hidden":
			r.hidden = r.hidden || xmlTrue(s.attrVal(a))
		case "ht":
			r.hidden = r.hidden || isZero(s.attrVal(a)) // a row 0 high shows nothing
		case "outlineLevel":
			r.outline = outlineLevel(s.attrVal(a))
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

// viewOf returns the sheet's view, made when first needed.
func (r *sheetReader) viewOf() *SheetView {
	if r.view == nil {
		r.view = &SheetView{}
	}
	return r.view
}

// col reads a <col> of <cols>, before the sheet data: a hidden one (or
// one collapsed into an outline group) is noted in the view. A range
// Excel would not write (min above max, beyond XFD) is noted as far as it
// lies on the sheet; one without numbers is left out.
func (r *sheetReader) col(s *scanner) error {
	zero := !xmlTrue(attrBytes(s, "hidden"))
	if zero && !isZero(attrBytes(s, "width")) {
		return nil
	}
	from, ok1 := parseUint(attrBytes(s, "min"), maxCol)
	to, ok2 := parseUint(attrBytes(s, "max"), maxCol)
	if !ok1 || !ok2 {
		return nil
	}
	from, to = max(min(from, to), 1), min(max(from, to), maxCol)
	v := r.viewOf()
	if len(v.HiddenCols) >= maxCol {
		return corrupt(fmt.Sprintf("sheet %q lists more column ranges than a sheet has columns", r.name), nil)
	}
	v.HiddenCols = append(v.HiddenCols, ColSpan{From: from, To: to, Outline: outlineLevel(attrBytes(s, "outlineLevel")), Zero: zero})
	return nil
}

// isZero reports a size attribute that is zero ("0", "0.0", " 0 "),
// without making a string of it.
func isZero(v []byte) bool {
	v = trimSpace(v)
	zero := false
	for _, c := range v {
		switch c {
		case '0':
			zero = true
		case '.':
		default:
			return false
		}
	}
	return zero
}

// outlineLevel reads an outlineLevel attribute (Excel's levels are 0–7);
// anything else is 0.
func outlineLevel(v []byte) uint8 {
	n, ok := parseUint(v, 7)
	if !ok {
		return 0
	}
	return uint8(n)
}

// estimateAt is how many rows of a sheet without <dimension> (or with one
// it has already outgrown: excelize's stream writer declares "A1") are
// read before its length is estimated: enough for a steady bytes-per-row.
const estimateAt = 4096

// estimateRows guesses the last row of a sheet that declares none (or a
// stale one) from
// the bytes its first rows took (excelize's stream writer, which bench/gen
// and scripts use, writes no <dimension>). Like a declared size it is a
// hint: a reader sizing a slice by it avoids growing a million figures
// step by step, and copes when it is wrong.
func (r *sheetReader) estimateRows() int {
	used := r.left0 - *r.left
	if used <= 0 || r.partSize == 0 {
		return 0
	}
	est := float64(r.rowNum) * float64(r.partSize) / float64(used)
	return min(int(est*1.02)+1, r.maxRows)
}

// Cell types (the t attribute).
const (
	typNumber = iota // "n" or absent
	typShared        // "s"
	typStr           // "str": a formula's string result
	typInline        // "inlineStr"
	typBool          // "b"
	typError         // "e"
	typDate          // "d": ISO 8601 text
	typOther         // unknown: kept as text
)

func cellType(t []byte) int {
	switch string(t) {
	case "", "n":
		return typNumber
	case "s":
		return typShared
	case "str":
		return typStr
	case "inlineStr":
		return typInline
	case "b":
		return typBool
	case "e":
		return typError
	case "d":
		return typDate
	}
	return typOther
}

func (r *sheetReader) startCell(s *scanner) error {
	r.c = pending{}
	r.typ = typNumber
	col := 0
	for k := range s.attrList {
		a := &s.attrList[k]
		switch string(s.attrName(a)) {
		case "r":
			val := s.attrVal(a)
			if len(val) == 0 {
				continue
			}
			c, row, ok := splitRef(val)
			if !ok || c == 0 {
				return corrupt(fmt.Sprintf("sheet %q has a cell with the reference %q", r.name, val), nil)
			}
			col = c
			if row != 0 && !r.rowGiven && len(r.cells) == 0 && r.lastCol == 0 {
				// A <row> without r whose cells carry the row number.
				r.rowNum = row
			}
		case "t":
			r.typ = cellType(s.attrVal(a))
		case "s":
			r.c.style = parseStyle(s.attrVal(a))
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
	case r.hasIs && (r.typ == typInline || !r.hasV):
		v = unescapeInPlace(r.buf[r.is:r.ie])
		c.kind, c.cached = Text, true
	case r.hasV:
		v = r.buf[r.vs:r.ve]
		c.src = 0
		switch r.typ {
		case typShared:
			i, ok := parseUint(v, r.sst.len())
			if ok && i < r.sst.len() {
				c.fixed, c.str, c.src = true, r.sst.get(i), uint32(i)+1
			} else if len(v) > 0 {
				return corrupt(fmt.Sprintf("cell %s%d of sheet %q refers to shared string %q, but the file has %d", ColumnName(c.col), r.rowNum, r.name, v, r.sst.len()), nil)
			}
			c.kind, c.cached, v = Text, len(v) > 0, nil
		case typStr, typInline, typDate:
			// A formula's string result is cached even when empty.
			v = unescapeInPlace(v)
			c.kind, c.cached = Text, len(v) > 0 || r.typ == typStr
		case typBool:
			c.kind, c.cached, c.fixed = Bool, len(v) > 0, true
			c.str = "TRUE"
			if s := string(trimSpace(v)); s == "0" || s == "false" || s == "FALSE" {
				c.str = "FALSE"
			}
			v = nil
		case typError:
			c.kind, c.cached = Error, len(v) > 0
		case typNumber:
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
		cell := Cell{Col: c.col, Ref: s[at:end], Kind: c.kind, Formula: c.formula, Cached: c.cached, Style: int(c.style), src: c.src}
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
	if err := fn(Row{Num: r.rowNum, Cells: r.out, LastRow: r.lastRow, Hidden: r.hidden, Outline: r.outline, View: r.view}); err != nil {
		return fnError{err}
	}
	return nil
}
