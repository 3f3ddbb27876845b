// Package sheetstyle is the look of the cells tongket writes into Excel
// workbooks (summary, roster, blank forms): a comparable Style value and a
// per-workbook cache that turns each distinct Style into one excelize
// style id.
package sheetstyle

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// Font is the typeface of every workbook: the one official documents use.
const Font = "Times New Roman"

// Style is a cell's look. The zero value is 12 pt, vertically centred,
// locked (which matters only on a protected sheet).
type Style struct {
	Bold, Italic bool
	Size         float64 // points; 0 is 12
	Color        string  // font colour, RRGGBB
	Align        string  // left, center, right
	Wrap         bool
	Border       bool   // thin black border on all sides
	Fill         string // background colour, RRGGBB
	NumFmt       string // custom number format, e.g. "#,##0"
	Unlocked     bool   // editable on a protected sheet
	Top          bool   // vertical alignment top instead of centre
}

// PointSize is the font size in points.
func (s Style) PointSize() float64 {
	if s.Size == 0 {
		return 12
	}
	return s.Size
}

// Lines estimates how many lines a wrapped text takes in a column width
// (Excel's unit: one "0" of the default font), wrapping at spaces. Times New
// Roman fits about 1.1 Vietnamese characters per unit at 12 pt; the estimate
// counts a little less, and less again for bold, so that text is not cut
// off: Excel and LibreOffice do not reliably grow the rows of a generated
// file, so writers set heights from this.
func (s Style) Lines(text string, width float64) int {
	perUnit := 1.05
	if s.Bold {
		perUnit = 0.95
	}
	capacity := max(int(width*perUnit*12/s.PointSize()), 1)
	lines := 0
	for _, para := range strings.Split(text, "\n") {
		lines++
		used := 0
		for _, w := range strings.Fields(para) {
			n := utf8.RuneCountInString(w)
			switch {
			case used == 0:
				used = n
			case used+1+n <= capacity:
				used += 1 + n
			default:
				lines++
				used = n
			}
			for used > capacity { // a word longer than the line breaks anywhere
				lines++
				used -= capacity
			}
		}
	}
	return lines
}

// Cache gives each distinct Style one style id in a workbook.
type Cache struct {
	f   *excelize.File
	ids map[Style]int
}

// NewCache starts a cache for f.
func NewCache(f *excelize.File) *Cache { return &Cache{f: f, ids: map[Style]int{}} }

// ID returns the workbook's style id for s, creating it once.
func (c *Cache) ID(s Style) (int, error) {
	if id, ok := c.ids[s]; ok {
		return id, nil
	}
	vertical := "center"
	if s.Top {
		vertical = "top"
	}
	x := &excelize.Style{
		Font:       &excelize.Font{Family: Font, Size: s.PointSize(), Bold: s.Bold, Italic: s.Italic, Color: s.Color},
		Alignment:  &excelize.Alignment{Horizontal: s.Align, Vertical: vertical, WrapText: s.Wrap},
		Protection: &excelize.Protection{Locked: !s.Unlocked},
	}
	if s.Border {
		for _, side := range []string{"left", "right", "top", "bottom"} {
			x.Border = append(x.Border, excelize.Border{Type: side, Color: "000000", Style: 1})
		}
	}
	if s.Fill != "" {
		x.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{s.Fill}}
	}
	if s.NumFmt != "" {
		nf := s.NumFmt
		x.CustomNumFmt = &nf
	}
	id, err := c.f.NewStyle(x)
	if err != nil {
		return 0, fmt.Errorf("cell style: %w", err)
	}
	c.ids[s] = id
	return id, nil
}
