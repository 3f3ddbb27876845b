package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"slices"
	"strconv"
	"sync"
)

// Merged ranges. A worksheet lists them in <mergeCells>, after
// <sheetData>, so they must be known before rows stream: Merges finds
// them with a byte search of the inflated part and tokenizes only the
// tail from <mergeCells> on. Rows never pays for this; MergedRows does.

// maxMerges bounds <mergeCell> elements per sheet (Excel writes one per
// merged range; a real sheet has hundreds at most). A var for tests.
var maxMerges = 1_000_000

// maxMergeWork bounds what MergedRows does for merges: covered cells
// reported plus range tests made. A merge over a whole sheet would
// otherwise report 17 billion cells. A var for tests.
var maxMergeWork = 1 << 24

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

// RowsMerges is Rows that also reads the sheet's merged ranges, which
// follow its rows, in the same pass, returns them and keeps them for
// Merges and MergedRows. A reader that can interpret rows without merges
// and read again with them only when they matter (package table's
// optimistic scan) so pays nothing for sheets without merges, where
// MergedRows inflates the part twice.
func (b *Book) RowsMerges(s Sheet, fn func(Row) error) ([]Range, error) {
	i, err := b.lookup(s)
	if err != nil {
		return nil, err
	}
	var ranges []Range
	read := false
	err = b.rows(s, fn, func(sc *scanner, f *zip.File) error {
		var err error
		ranges, err = parseMerges(sc, f, b.sheets[i].Name)
		read = err == nil
		return err
	})
	if err != nil {
		return nil, err
	}
	if read {
		b.mergeMu.Lock()
		if b.mergeCache == nil {
			b.mergeCache = map[int]*mergeEntry{}
		}
		if b.mergeCache[i] == nil {
			e := &mergeEntry{ranges: ranges}
			e.once.Do(func() {})
			b.mergeCache[i] = e
		}
		b.mergeMu.Unlock()
	}
	return slices.Clone(ranges), nil
}

// mergeEntry is the cached answer of Merges for one sheet.
type mergeEntry struct {
	once   sync.Once
	ranges []Range
	err    error
}

// Merges returns the sheet's merged ranges (<mergeCells>), in file order;
// read once per sheet and cached (safe for concurrent use). Damaged
// content is a *ContainerError like Rows.
func (b *Book) Merges(s Sheet) ([]Range, error) {
	ranges, err := b.merges(s)
	return slices.Clone(ranges), err
}

// merges is Merges without the copy: MergedRows points cells into it.
func (b *Book) merges(s Sheet) ([]Range, error) {
	i, err := b.lookup(s)
	if err != nil {
		return nil, err
	}
	b.mergeMu.Lock()
	if b.mergeCache == nil {
		b.mergeCache = map[int]*mergeEntry{}
	}
	e := b.mergeCache[i]
	if e == nil {
		e = &mergeEntry{}
		b.mergeCache[i] = e
	}
	b.mergeMu.Unlock()
	e.once.Do(func() { e.ranges, e.err = b.readMerges(b.parts[i], b.sheets[i].Name) })
	return e.ranges, e.err
}

var (
	mergeTag = []byte("mergeCells")
	utf16BOM = [][]byte{{0xFE, 0xFF}, {0xFF, 0xFE}}
)

// readMerges finds <mergeCells> in sheet part f. In well-formed XML a raw
// '<' occurs in no character data, name or attribute value, so the first
// "<mergeCells" (any prefix) is the element, unless a comment, CDATA
// section or processing instruction could hide one: then the whole part
// is tokenized instead. (FuzzMerges compares the two ways.)
func (b *Book) readMerges(f *zip.File, sheet string) ([]Range, error) {
	left := b.lim.MaxUncompressed - b.meta
	if err := checkPart(f, left); err != nil {
		return nil, err
	}
	rc, err := f.Open()
	if err != nil {
		return nil, partError(f, err)
	}
	defer rc.Close()
	src := &budgetReader{r: rc, left: &left}
	bp := scanBufs.Get().(*[]byte)
	defer scanBufs.Put(bp)
	buf := *bp
	const keep = 64 // bytes carried into the next read: a tag split across reads is still seen
	carry, first := 0, true
	for {
		n, err := readFull(src, buf[carry:])
		n += carry
		data := buf[:n]
		end := err == io.EOF
		if err != nil && !end {
			return nil, partError(f, err)
		}
		from := 0
		if first {
			first = false
			if len(data) >= 2 && (data[0] == 0 || data[1] == 0 || slices.ContainsFunc(utf16BOM, func(m []byte) bool { return bytes.HasPrefix(data, m) })) {
				return nil, partError(f, &syntaxError{msg: "UTF-16 XML is not supported", line: 1})
			}
			from = declEnd(data)
		}
		at, sure := findMergeTag(data, from, end)
		switch {
		case at == -2:
			return b.scanMerges(f, sheet) // markup that could hide the tag
		case at >= 0:
			tail := io.MultiReader(bytes.NewReader(data[at:]), src)
			return parseMerges(newScanner(tail, nil), f, sheet)
		case end && sure:
			return nil, nil
		}
		c := min(keep, n)
		copy(buf, data[n-c:])
		carry = c
	}
}

// readFull fills p; err is io.EOF only at the clean end of r (a cut
// deflate stream is io.ErrUnexpectedEOF, unlike io.ReadFull's).
func readFull(r io.Reader, p []byte) (n int, err error) {
	for n < len(p) && err == nil {
		var k int
		k, err = r.Read(p[n:])
		n += k
	}
	if n == len(p) && err == io.EOF {
		err = nil // the next read says EOF again
	}
	return n, err
}

// declEnd returns the offset just past a leading BOM and XML declaration.
func declEnd(data []byte) int {
	i := 0
	if bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}) {
		i = 3
	}
	if bytes.HasPrefix(data[i:], []byte("<?xml")) {
		if j := bytes.Index(data[i:], []byte("?>")); j >= 0 {
			return i + j + 2
		}
	}
	return i
}

// findMergeTag returns the offset of the '<' of a <mergeCells> start tag
// in data[from:], -1 when there is none (sure: none can start in data;
// not sure: one may continue past its end), or -2 when data holds a
// comment, CDATA section or processing instruction.
func findMergeTag(data []byte, from int, end bool) (at int, sure bool) {
	if hasMarkup(data[from:], '!') || hasMarkup(data[from:], '?') {
		return -2, true
	}
	for i := from; ; {
		j := bytes.Index(data[i:], mergeTag)
		if j < 0 {
			return -1, true
		}
		j += i
		i = j + len(mergeTag)
		if i == len(data) && !end {
			return -1, false // what follows the name is not read yet
		}
		if i < len(data) && !isSpace(data[i]) && data[i] != '>' && data[i] != '/' {
			continue // a longer name
		}
		// Back over a namespace prefix to the '<'. Like localName, a
		// prefix is what comes before the first ':' and is not empty.
		k := j - 1
		if k >= 0 && data[k] == ':' {
			for k--; k >= 0 && isNameChar(data[k]); k-- {
			}
			if k == j-2 {
				continue // "<:mergeCells"
			}
		}
		if k >= 0 && data[k] == '<' {
			return k, true
		}
		if k < 0 && j > 0 {
			return -2, true // a prefix longer than the carried bytes: be thorough
		}
	}
}

// isNameChar reports a byte of an XML name other than ':' (multi-byte
// UTF-8 let through).
func isNameChar(c byte) bool {
	return c != ':' && (isNameByte(c) || c >= '0' && c <= '9' || c == '-' || c == '.')
}

// hasMarkup reports "<"+c in data. '<' is everywhere in XML, c rare:
// searching for c is many times faster than for the pair.
func hasMarkup(data []byte, c byte) bool {
	for i := 0; ; i++ {
		j := bytes.IndexByte(data[i:], c)
		if j < 0 {
			return false
		}
		if i += j; i > 0 && data[i-1] == '<' {
			return true
		}
	}
}

// scanMerges tokenizes the whole part: the slow path for parts whose
// markup could hide a <mergeCells> from the byte search.
func (b *Book) scanMerges(f *zip.File, sheet string) ([]Range, error) {
	left := b.lim.MaxUncompressed - b.meta
	s, done, err := b.openScanner(f, &left)
	if err != nil {
		return nil, err
	}
	ranges, err := parseMerges(s, f, sheet)
	done(false)
	return ranges, err
}

// parseMerges reads tokens up to </mergeCells> and returns the ranges of
// the <mergeCell> elements inside it; single cells are left out.
func parseMerges(s *scanner, f *zip.File, sheet string) ([]Range, error) {
	var ranges []Range
	in, n := false, 0
	for {
		err := s.next()
		if err == io.EOF {
			if in {
				return nil, corrupt(fmt.Sprintf("the XML of sheet %q ends inside <mergeCells>", sheet), nil)
			}
			return ranges, nil
		}
		if err != nil {
			return nil, partError(f, err)
		}
		switch {
		case s.kind == tokStart && string(s.name) == "mergeCells":
			in = true
		case s.kind == tokEnd && string(s.name) == "mergeCells" && in:
			return ranges, nil
		case s.kind == tokStart && string(s.name) == "mergeCell" && in:
			if n++; n > maxMerges {
				return nil, tooLarge(fmt.Sprintf("sheet %q has more than %d merged ranges", sheet, maxMerges))
			}
			ref := attrBytes(s, "ref")
			r, ok := parseRange(ref)
			if !ok {
				return nil, corrupt(fmt.Sprintf("sheet %q has a merged range %q", sheet, ref), nil)
			}
			if r.FromCol != r.ToCol || r.FromRow != r.ToRow {
				ranges = append(ranges, r)
			}
		}
	}
}

// parseRange reads "E6:F7" (or "F7:E6", or a single "E6"), each corner
// with both its column and row.
func parseRange(ref []byte) (Range, bool) {
	a, z := ref, ref
	if i := bytes.IndexByte(ref, ':'); i >= 0 {
		a, z = ref[:i], ref[i+1:]
	}
	c1, r1, ok1 := splitRef(a)
	c2, r2, ok2 := splitRef(z)
	if !ok1 || !ok2 || c1 == 0 || r1 == 0 || c2 == 0 || r2 == 0 {
		return Range{}, false
	}
	return Range{FromCol: min(c1, c2), FromRow: min(r1, r2), ToCol: max(c1, c2), ToRow: max(r1, r2)}, true
}

// MergedRows is Rows with merged ranges applied: every cell of a merged
// range is reported, covered ones carrying the anchor's value and Covered
// set; the anchor carries Merge too. A row that holds only covered cells
// is reported. Cells stay in column order. Values some writers leave in
// covered cells are ignored (what Excel shows is the anchor's value).
//
// A merge whose anchor has no value (absent, or a formula not yet
// calculated) reports no covered cells; an anchor that is reported still
// carries Merge. Rows come in the order of the file, so an anchor must
// come before the rows it covers (writers keep rows in order). The Row
// and its Cells are reused as with Rows.
func (b *Book) MergedRows(s Sheet, fn func(Row) error) error {
	ranges, err := b.merges(s)
	if err != nil {
		return err
	}
	if len(ranges) == 0 {
		return b.Rows(s, fn)
	}
	m := newMerger(ranges, s.Name, fn)
	if err := b.Rows(s, m.row); err != nil {
		return err
	}
	return m.finish()
}

// active is a merged range that has begun: its anchor, once seen.
type active struct {
	r      *Range
	anchor Cell
	has    bool // anchor has a value to copy
}

// merger applies merged ranges to the rows Rows reports.
type merger struct {
	fn      func(Row) error
	sheet   string
	byStart []*Range // ranges by FromRow
	next    int      // first range of byStart not yet active
	active  []active
	last    int // number of the last row reported
	lastRow int // Row.LastRow
	view    *SheetView
	work    int
	out     []Cell
	refs    []byte
}

func newMerger(ranges []Range, sheet string, fn func(Row) error) *merger {
	m := &merger{fn: fn, sheet: sheet, byStart: make([]*Range, len(ranges))}
	for i := range ranges {
		m.byStart[i] = &ranges[i]
	}
	slices.SortStableFunc(m.byStart, func(a, b *Range) int { return a.FromRow - b.FromRow })
	return m
}

// row handles a row of the file: first the rows only covered cells fill
// between the last one and this one, then this one.
func (m *merger) row(r Row) error {
	m.lastRow, m.view = r.LastRow, r.View
	if err := m.fill(r.Num - 1); err != nil {
		return err
	}
	if err := m.advance(r.Num); err != nil {
		return err
	}
	m.last = max(m.last, r.Num) // a row out of order must not make fill repeat rows
	if len(m.active) == 0 {
		return m.fn(r)
	}
	out := m.out[:0]
	for _, c := range r.Cells {
		a := m.find(c.Col, r.Num)
		switch {
		case a == nil:
			out = append(out, c)
		case c.Col == a.r.FromCol && r.Num == a.r.FromRow:
			c.Merge = a.r
			a.anchor, a.has = c, c.Cached
			out = append(out, c)
		} // else a covered cell: its own value is not what Excel shows
	}
	return m.emit(r, out)
}

// finish reports the rows covered cells fill after the file's last row.
func (m *merger) finish() error {
	end := 0
	for _, a := range m.active {
		if a.has {
			end = max(end, a.r.ToRow)
		}
	}
	return m.fill(end)
}

// fill reports the rows after the last one up to and including upto that
// hold only covered cells.
func (m *merger) fill(upto int) error {
	for n := m.last + 1; n <= upto; n++ {
		if err := m.advance(n); err != nil {
			return err
		}
		end := 0
		for _, a := range m.active {
			if a.has {
				end = max(end, a.r.ToRow)
			}
		}
		if end < n {
			// Nothing with a value covers n: skip to upto, noting the
			// ranges that begin there (their anchors are absent).
			m.last = upto
			return m.advance(upto)
		}
		m.last = n
		if err := m.emit(Row{Num: n, View: m.view}, m.out[:0]); err != nil {
			return err
		}
	}
	return nil
}

// advance makes the ranges that begin by row n active and drops those
// that ended before it.
func (m *merger) advance(n int) error {
	for m.next < len(m.byStart) && m.byStart[m.next].FromRow <= n {
		m.active = append(m.active, active{r: m.byStart[m.next]})
		m.next++
	}
	m.active = slices.DeleteFunc(m.active, func(a active) bool { return a.r.ToRow < n })
	return m.spend(len(m.active))
}

// spend counts work against maxMergeWork.
func (m *merger) spend(n int) error {
	if m.work += n; m.work > maxMergeWork {
		return tooLarge(fmt.Sprintf("sheet %q merges more cells than a real sheet holds", m.sheet))
	}
	return nil
}

// find returns the active range holding the cell, nil when none.
func (m *merger) find(col, row int) *active {
	m.work += len(m.active)
	for i := range m.active {
		if m.active[i].r.Contains(col, row) {
			return &m.active[i]
		}
	}
	return nil
}

// emit adds the covered cells of row r to out (the row's own cells,
// anchors marked) and reports the row, with out as its cells, when it
// holds any cell.
func (m *merger) emit(r Row, out []Cell) error {
	n := r.Num
	own := len(out)
	for i := range m.active {
		a := &m.active[i]
		if !a.has || !a.r.Contains(a.r.FromCol, n) {
			continue
		}
		for col := a.r.FromCol; col <= a.r.ToCol; col++ {
			if col == a.r.FromCol && n == a.r.FromRow {
				continue // the anchor itself
			}
			c := a.anchor
			c.Col, c.Ref, c.Covered = col, "", true
			out = append(out, c)
		}
		if err := m.spend(a.r.ToCol - a.r.FromCol + 1); err != nil {
			return err
		}
	}
	m.out = out
	if len(out) == 0 {
		return nil
	}
	if len(out) > own {
		out = m.order(out, n)
	}
	m.out = out
	r.Cells, r.LastRow = out, m.lastRow
	return m.fn(r)
}

// colWidth is the number of letters of column col.
func colWidth(col int) int {
	w := 0
	for ; col > 0; col = (col - 1) / 26 {
		w++
	}
	return w
}

// order sorts the row's cells by column, keeps the first of any column
// given twice (overlapping ranges, which Excel refuses to write), and
// gives the covered cells their references, all in one string.
func (m *merger) order(out []Cell, n int) []Cell {
	slices.SortStableFunc(out, func(a, b Cell) int { return a.Col - b.Col })
	out = slices.CompactFunc(out, func(a, b Cell) bool { return a.Col == b.Col })
	var num [8]byte
	digits := strconv.AppendInt(num[:0], int64(n), 10)
	m.refs = m.refs[:0]
	for _, c := range out {
		if c.Covered {
			m.refs = appendColumnName(m.refs, c.Col)
			m.refs = append(m.refs, digits...)
		}
	}
	s, at := string(m.refs), 0
	for i := range out {
		if out[i].Covered {
			w := colWidth(out[i].Col) + len(digits)
			out[i].Ref = s[at : at+w]
			at += w
		}
	}
	return out
}
