package xlsx

import "fmt"

// Excel's grid size: XFD1048576 is the last cell.
const (
	maxCol = 16384
	maxRow = 1048576
)

// ColumnName returns the letters of a 1-based column number: 1 → "A",
// 27 → "AA". It returns "" for col < 1.
func ColumnName(col int) string {
	if col < 1 {
		return ""
	}
	var b [8]byte
	return string(appendColumnName(b[:0], col))
}

// appendColumnName appends the column letters to dst without allocating.
func appendColumnName(dst []byte, col int) []byte {
	var b [8]byte
	i := len(b)
	for col > 0 {
		col--
		i--
		b[i] = byte('A' + col%26)
		col /= 26
	}
	return append(dst, b[i:]...)
}

// ParseRef splits an A1-style reference such as "F12" (also "f12" and
// "$F$12") into its 1-based column and row.
func ParseRef(ref string) (col, row int, err error) {
	col, row, ok := splitRef(ref)
	if !ok || col == 0 || row == 0 {
		return 0, 0, fmt.Errorf("xlsx: %q is not a cell reference like F12", ref)
	}
	return col, row, nil
}

// splitRef parses "F12", "F" or "12"-less forms used inside sheets: either
// part may be missing (col or row 0). ok is false for anything else or for
// a reference beyond XFD1048576.
func splitRef[T string | []byte](ref T) (col, row int, ok bool) {
	i := 0
	if i < len(ref) && ref[i] == '$' {
		i++
	}
	start := i
	for ; i < len(ref); i++ {
		c := ref[i] | 0x20 // ASCII lower case
		if c < 'a' || c > 'z' {
			break
		}
		col = col*26 + int(c-'a'+1)
		if col > maxCol {
			return 0, 0, false
		}
	}
	if i == start && start > 0 {
		return 0, 0, false
	}
	if i < len(ref) && ref[i] == '$' && i > start {
		i++
	}
	if i == len(ref) {
		return col, 0, true
	}
	for ; i < len(ref); i++ {
		c := ref[i]
		if c < '0' || c > '9' {
			return 0, 0, false
		}
		row = row*10 + int(c-'0')
		if row > maxRow {
			return 0, 0, false
		}
	}
	return col, row, true
}

// parseUint parses a small non-negative decimal, allowing surrounding
// spaces, without allocating. ok is false on anything else or above max.
func parseUint(b []byte, max int) (n int, ok bool) {
	for len(b) > 0 && isSpace(b[0]) {
		b = b[1:]
	}
	for len(b) > 0 && isSpace(b[len(b)-1]) {
		b = b[:len(b)-1]
	}
	if len(b) == 0 {
		return 0, false
	}
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
		if n > max {
			return 0, false
		}
	}
	return n, true
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
