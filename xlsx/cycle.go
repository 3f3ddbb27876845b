package xlsx

import (
	"fmt"
	"slices"
	"strings"
)

// Circular references. excelize's CalcCellValue does not report them: a
// formula that reaches its own cell reads that cell's cached value (none
// from openpyxl, so 0) and other cells of the loop are computed once, so
// A1 =B1+1, B1 =A1+1 gives A1 2 and B1 1, and =SUM(C1:C4) in C4 gives the
// sum of C1:C3. Calc therefore follows the references of the formula
// itself, through ranges and other sheets, before asking excelize.
// Defined names, INDIRECT and OFFSET are not followed.

// cycleBudget bounds the cells one Calc looks at while searching for a
// loop; past it the search gives up and the value is computed as before.
const cycleBudget = 200_000

// cellPos is a cell of a sheet (index into Book.sheets).
type cellPos struct {
	sheet    int
	col, row int32
}

// cycleState is what Calc keeps between calls, under calcMu.
type cycleState struct {
	formulas map[int][]cellPos // formula cells of each sheet read so far, by row then column
	acyclic  map[cellPos]bool  // cells whose references were all followed without a loop
}

// findCycle returns the cell at which the references of start's formula
// come back to a cell being followed ("" when they do not, or when the
// search gives up). The caller holds calcMu.
func (b *Book) findCycle(start cellPos) (string, error) {
	st := &b.cycles
	if st.acyclic == nil {
		st.acyclic, st.formulas = map[cellPos]bool{}, map[int][]cellPos{}
	}
	type frame struct {
		at   cellPos
		deps []cellPos
		next int
	}
	visiting := map[cellPos]bool{start: true}
	budget := cycleBudget
	deps, err := b.formulaDeps(start, &budget)
	if err != nil {
		return "", err
	}
	stack := []frame{{at: start, deps: deps}}
	for len(stack) > 0 && budget > 0 {
		top := &stack[len(stack)-1]
		if top.next == len(top.deps) {
			st.acyclic[top.at] = true
			delete(visiting, top.at)
			stack = stack[:len(stack)-1]
			continue
		}
		d := top.deps[top.next]
		top.next++
		switch {
		case visiting[d]:
			return b.sheets[d.sheet].Name + "!" + ColumnName(int(d.col)) + fmt.Sprint(d.row), nil
		case st.acyclic[d]:
			continue
		}
		dd, err := b.formulaDeps(d, &budget)
		if err != nil {
			return "", err
		}
		visiting[d] = true
		stack = append(stack, frame{at: d, deps: dd})
	}
	return "", nil
}

// formulaDeps returns the formula cells the formula of cell at refers to.
func (b *Book) formulaDeps(at cellPos, budget *int) ([]cellPos, error) {
	*budget--
	f, err := b.xf.GetCellFormula(b.sheets[at.sheet].Name, ColumnName(int(at.col))+fmt.Sprint(at.row))
	if err != nil || f == "" {
		return nil, nil // excelize will say what is wrong with the cell, if anything
	}
	var deps []cellPos
	for _, r := range formulaRefs(f) {
		sheet := at.sheet
		if r.sheet != "" {
			i, err := b.lookup(Sheet{Name: r.sheet})
			if err != nil {
				continue // another workbook, or a sheet that is not there: #REF!
			}
			sheet = i
		}
		cells, err := b.formulaCells(sheet)
		if err != nil {
			return nil, err
		}
		// The formula cells of the range: cells are ordered by row.
		lo, _ := slices.BinarySearchFunc(cells, r.rng.FromRow, func(c cellPos, row int) int { return int(c.row) - row })
		for _, c := range cells[lo:] {
			if *budget--; int(c.row) > r.rng.ToRow || *budget < 0 {
				break
			}
			if r.rng.Contains(int(c.col), int(c.row)) {
				deps = append(deps, c)
			}
		}
	}
	return deps, nil
}

// formulaCells lists the formula cells of sheet i, read once.
func (b *Book) formulaCells(i int) ([]cellPos, error) {
	if cells, ok := b.cycles.formulas[i]; ok {
		return cells, nil
	}
	var cells []cellPos
	err := b.Rows(b.sheets[i], func(r Row) error {
		for _, c := range r.Cells {
			if c.Formula {
				cells = append(cells, cellPos{sheet: i, col: int32(c.Col), row: int32(r.Num)})
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	// Rows come in file order, which writers keep by row number.
	slices.SortFunc(cells, func(a, b cellPos) int {
		if a.row != b.row {
			return int(a.row - b.row)
		}
		return int(a.col - b.col)
	})
	b.cycles.formulas[i] = cells
	return cells, nil
}

// sheetRange is a reference found in a formula: sheet is "" for the
// formula's own sheet.
type sheetRange struct {
	sheet string
	rng   Range
}

// formulaRefs lists the cell and range references of a formula in A1
// notation ("B1", "$C$1:C4", "A:A", "3:3", "'Năm 2019'!E5", "S!A1"),
// skipping string literals, error values, function names, structured
// references and references into other workbooks ("[1]S!A1").
func formulaRefs(f string) []sheetRange {
	var out []sheetRange
	external := false
	for i := 0; i < len(f); {
		c := f[i]
		switch {
		case c == '"':
			i = skipQuoted(f, i, '"')
		case c == '[':
			j := strings.IndexByte(f[i:], ']')
			if j < 0 {
				return out
			}
			external = true // a workbook index or a table column: what follows is not this workbook's
			i += j + 1
			continue
		case c == '#':
			i++
			for i < len(f) && (isIdent(f[i]) || f[i] == '/') {
				i++
			}
			if i < len(f) && (f[i] == '!' || f[i] == '?') {
				i++
			}
		case c == '\'':
			end := skipQuoted(f, i, '\'')
			sheet := strings.ReplaceAll(f[i+1:max(end-1, i+1)], "''", "'")
			i = end
			if i < len(f) && f[i] == '!' {
				var r Range
				var ok bool
				if r, i, ok = refAt(f, i+1); ok && !external && !strings.HasPrefix(sheet, "[") {
					out = append(out, sheetRange{sheet: sheet, rng: r})
				}
			}
		case isIdent(c):
			j := i
			for j < len(f) && isIdent(f[j]) {
				j++
			}
			if j < len(f) && f[j] == '!' { // an unquoted sheet name
				sheet := f[i:j]
				var r Range
				var ok bool
				if r, j, ok = refAt(f, j+1); ok && !external {
					out = append(out, sheetRange{sheet: sheet, rng: r})
				}
				i = j
				break
			}
			if r, k, ok := refAt(f, i); ok && !external {
				out = append(out, sheetRange{rng: r})
				i = k
				break
			}
			i = j
		default:
			i++
		}
		external = false
	}
	return out
}

// skipQuoted returns the index just past the literal quoted by q that
// starts at f[i] (a doubled q stands for one).
func skipQuoted(f string, i int, q byte) int {
	for i++; i < len(f); i++ {
		if f[i] == q {
			if i+1 < len(f) && f[i+1] == q {
				i++
				continue
			}
			return i + 1
		}
	}
	return len(f)
}

// isIdent reports a byte of a name or reference.
func isIdent(c byte) bool {
	return c == '_' || c == '$' || c == '.' || c == '\\' || c >= '0' && c <= '9' ||
		c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= 0x80
}

// refAt reads a reference starting at f[i]: a cell, a cell range, a
// column range or a row range. A name followed by '(' is a function.
func refAt(f string, i int) (r Range, end int, ok bool) {
	tok := func(i int) (string, int) {
		j := i
		for j < len(f) && isIdent(f[j]) {
			j++
		}
		return f[i:j], j
	}
	a, j := tok(i)
	if j < len(f) && f[j] == '(' {
		return Range{}, j, false
	}
	c1, r1, ok1 := splitRef(rowOnly(a))
	if j < len(f) && f[j] == ':' {
		b, k := tok(j + 1)
		c2, r2, ok2 := splitRef(rowOnly(b))
		if ok1 && ok2 && (k == len(f) || f[k] != '(') {
			switch {
			case c1 > 0 && r1 > 0 && c2 > 0 && r2 > 0:
				return Range{min(c1, c2), min(r1, r2), max(c1, c2), max(r1, r2)}, k, true
			case r1 == 0 && r2 == 0 && c1 > 0 && c2 > 0: // A:C
				return Range{min(c1, c2), 1, max(c1, c2), maxRow}, k, true
			case c1 == 0 && c2 == 0 && r1 > 0 && r2 > 0: // 3:5
				return Range{1, min(r1, r2), maxCol, max(r1, r2)}, k, true
			}
		}
	}
	if ok1 && c1 > 0 && r1 > 0 {
		return Range{c1, r1, c1, r1}, j, true
	}
	return Range{}, j, false
}

// rowOnly drops the '$' of an absolute row number ("$3" of "$3:$5"),
// which splitRef only takes after column letters.
func rowOnly(tok string) string {
	if len(tok) > 1 && tok[0] == '$' && tok[1] >= '0' && tok[1] <= '9' {
		return tok[1:]
	}
	return tok
}
