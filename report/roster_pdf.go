package report

import (
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/tongket/tongket/roster"
)

// WriteRosterPDF writes the award roster as an appendix to the report in
// the official layout (Nghị định 30/2020/NĐ-CP): agency block and national
// motto, "Phụ lục III", the roster's name in capitals and "(Kèm theo Báo cáo
// số … ngày …)"; then, on A4 landscape, the table of the commended
// collectives (I.) and individuals (II.), grouped by organisation in the
// order of e.Groups, its header repeated on every page; then the counts
// line and the counts table (organisation × kind × form). Pages are
// numbered from the second. Fonts are Liberation Serif, embedded; the
// output depends only on its arguments (the creation date is d.Date).
func WriteRosterPDF(w io.Writer, e roster.Export, d Document) error {
	return WriteRosterDocPDF(w, BuildRoster(e), d)
}

// WriteRosterDocPDF draws a roster document as the PDF of WriteRosterPDF.
func WriteRosterDocPDF(w io.Writer, r *RosterDoc, d Document) error {
	p := newPDF(d)
	p.f.SetTitle(r.Name, true)
	p.f.SetSubject("Danh sách khen thưởng", true)
	p.f.SetAuthor(pdfText(d.Agency), true)

	p.newPage(true)
	p.agencyBlock(d)
	p.y += 7
	p.appendixTitle(r.Label, r.Title, d)

	t := newRosterTable(p.measure, r.List, p.cw())
	t.draw(p)

	p.y += 3
	p.need(2 * 6.3)
	p.paragraph(r.Line, "B", 13, firstIndent, 6.3, alignJustify)

	p.rosterCounts(r.CountsTitle, r.Counts, t.size)
	return p.output(w)
}

// rosterTable lays out and draws a FitRoster table: its rows are entries
// or rows across it (sections, organisations).
type rosterTable struct {
	t      *Table
	widths []float64
	size   float64 // font size, pt
}

func newRosterTable(m *measure, t *Table, w float64) *rosterTable {
	rt := &rosterTable{t: t}
	rt.fit(m, w)
	return rt
}

// fit sizes the columns for the width w: the largest font size from 11 pt
// down at which every column holds its longest word; each column gets its
// share of the width (Table.Shares), or less if its texts are shorter, or
// more if a word needs it; what is left goes to the columns whose texts
// still wrap.
func (t *rosterTable) fit(p *measure, w float64) {
	n := len(t.t.Head)
	for _, size := range []float64{11, 10.5, 10, 9.5, 9, 8.5, 8} {
		t.size = size
		minW := make([]float64, n)
		natW := make([]float64, n)
		measure := func(c int, s string) {
			for _, word := range strings.Fields(s) {
				minW[c] = max(minW[c], p.width(word)+2*pdfCellPad)
			}
			natW[c] = max(natW[c], p.width(s)+2*pdfCellPad)
		}
		p.font("B", size)
		for c, h := range t.t.Head {
			measure(c, h)
			natW[c] = min(natW[c], max(minW[c], 25)) // long headers wrap
		}
		measure(0, "(1)")
		p.font("", size)
		for _, r := range t.t.Rows {
			if r.Across {
				continue
			}
			for c, s := range r.Cells {
				measure(c, s)
			}
		}
		natW[0] = minW[0] // STT never wraps
		least := 0.0
		for _, m := range minW {
			least += m
		}
		if least > w && size > 8 {
			continue
		}
		t.widths = make([]float64, n)
		t.widths[0] = minW[0]
		used := t.widths[0]
		for c := 1; c < n; c++ {
			t.widths[c] = max(minW[c], min(natW[c], t.t.Shares[c]*(w-t.widths[0])))
			used += t.widths[c]
		}
		if used > w && least <= w {
			// A long word took more than its share: the others give
			// back what they have above their own longest word.
			slack := used - least
			k := (used - w) / slack
			for c := range t.widths {
				t.widths[c] -= (t.widths[c] - minW[c]) * k
			}
			return
		}
		// Spread what is left over the columns that still wrap, evenly,
		// each up to what it needs: a column that needs a little gets it.
		for rest := w - used; rest > 0.01; rest = w - used {
			wanting, least := 0, math.Inf(1)
			for c := range t.widths {
				if want := natW[c] - t.widths[c]; want > 0.01 {
					wanting++
					least = min(least, want)
				}
			}
			if wanting == 0 {
				break
			}
			inc := min(rest/float64(wanting), least)
			for c := range t.widths {
				if natW[c]-t.widths[c] > 0.01 {
					t.widths[c] += inc
					used += inc
				}
			}
		}
		// Everything on one line with room to spare: widen the text
		// columns. Or, at the smallest size, words too long for the
		// table: narrow them, their words break between letters.
		if rest := w - used; rest > 0.01 || rest < -0.01 {
			total := 0.0
			for c := 1; c < n; c++ {
				total += t.widths[c]
			}
			for c := 1; c < n; c++ {
				t.widths[c] += rest * t.widths[c] / total
			}
		}
		return
	}
}

func (t *rosterTable) lineH() float64 { return t.size * ptToMM * 1.25 }

const rosterPad = 1.2 // mm above and below a cell's text

// layout wraps an entry's cells.
func (t *rosterTable) layout(p *measure, cells []string, style string) ([][]string, int) {
	p.font(style, t.size)
	lines := make([][]string, len(cells))
	n := 1
	for c, s := range cells {
		if c == 0 {
			lines[c] = []string{s}
		} else {
			lines[c] = p.wrap(s, t.widths[c]-2*pdfCellPad, 0)
		}
		n = max(n, len(lines[c]))
	}
	return lines, n
}

// height is a row's height.
func (t *rosterTable) height(p *pdfDoc, r Row) float64 {
	if !r.Across {
		_, n := t.layout(p.measure, r.Cells, "")
		return float64(n)*t.lineH() + 2*rosterPad
	}
	p.font(rowStyle(r), t.size)
	n := len(p.wrap(r.Cells[0], p.cw()-2*pdfCellPad, 0))
	return float64(max(n, 1))*t.lineH() + 2*rosterPad
}

// rowStyle is a row's fpdf style.
func rowStyle(r Row) string { return runStyle(Run{Bold: r.Bold, Italic: r.Italic}) }

func (t *rosterTable) numbers() []string {
	out := make([]string, len(t.t.Head))
	for i := range out {
		out[i] = "(" + strconv.Itoa(i+1) + ")"
	}
	return out
}

// headH is the height of the header rows.
func (t *rosterTable) headH(p *pdfDoc) float64 {
	_, n := t.layout(p.measure, t.t.Head, "B")
	return float64(n)*t.lineH() + 2*rosterPad + t.lineH() + 2*rosterPad
}

// head draws the header rows: the column names and their numbers.
func (t *rosterTable) head(p *pdfDoc) {
	for _, cells := range [][]string{t.t.Head, t.numbers()} {
		lines, n := t.layout(p.measure, cells, "B")
		h := float64(n)*t.lineH() + 2*rosterPad
		t.cells(p, lines, 0, n, h, true)
		p.y += h
	}
}

// cells draws lines [from, to) of each cell of a row of height h at p.y,
// with borders, vertically centred.
func (t *rosterTable) cells(p *pdfDoc, lines [][]string, from, to int, h float64, header bool) {
	p.f.SetLineWidth(0.2)
	lh := t.lineH()
	x := p.lm
	n := 0
	for _, l := range lines {
		n = max(n, len(l))
	}
	split := !header && to-from < n // a row split between pages reads from the top
	for c := range lines {
		w := t.widths[c]
		p.f.Rect(x, p.y, w, h, "D")
		ls := lines[c][min(from, len(lines[c])):min(to, len(lines[c]))]
		y := p.y + (h-float64(len(ls))*lh)/2
		if split {
			y = p.y + rosterPad
		}
		for _, l := range ls {
			switch {
			case header || t.t.Align[c] == alignCenter:
				p.center(x, w, y, lh, l)
			default:
				p.text(x+pdfCellPad, y, lh, l)
			}
			y += lh
		}
		x += w
	}
}

// span draws a row across the table: a section, an organisation.
func (t *rosterTable) span(p *pdfDoc, r Row) {
	h := t.height(p, r)
	p.font(rowStyle(r), t.size)
	p.f.SetLineWidth(0.2)
	p.f.Rect(p.lm, p.y, p.cw(), h, "D")
	y := p.y + rosterPad
	for _, l := range p.wrap(r.Cells[0], p.cw()-2*pdfCellPad, 0) {
		p.text(p.lm+pdfCellPad, y, t.lineH(), l)
		y += t.lineH()
	}
	p.y += h
}

// room starts a new page with the header rows unless h fits on this one.
func (t *rosterTable) room(p *pdfDoc, h float64) {
	if p.need(h) {
		t.head(p)
	}
}

// draw draws the table, the header rows on every page, a section or
// organisation row never the last of its page.
func (t *rosterTable) draw(p *pdfDoc) {
	body := p.ph - p.tm - p.bm - t.headH(p) // room for rows on a page
	// keep is the height that must follow item i on its page: the rows
	// up to the first entry.
	rows := t.t.Rows
	keep := func(i int) float64 {
		h := 0.0
		for ; i < len(rows); i++ {
			ih := t.height(p, rows[i])
			if ih > body { // an entry split over pages: its first lines
				ih = 2*t.lineH() + 2*rosterPad
			}
			h += ih
			if !rows[i].Across || !rows[i].Bold { // an entry, or the line of an empty roster
				break
			}
		}
		return h
	}
	p.need(t.headH(p) + keep(0))
	t.head(p)
	for i, r := range rows {
		if r.Across {
			t.room(p, keep(i))
			t.span(p, r)
			continue
		}
		t.entry(p, r, body)
	}
}

// entry draws an entry's row; a row taller than a page goes on over the
// next, its lines split between pages.
func (t *rosterTable) entry(p *pdfDoc, r Row, body float64) {
	lines, n := t.layout(p.measure, r.Cells, "")
	lh := t.lineH()
	h := float64(n)*lh + 2*rosterPad
	if h <= body {
		t.room(p, h)
		p.font("", t.size)
		t.cells(p, lines, 0, n, h, false)
		p.y += h
		return
	}
	for from := 0; from < n; {
		k := int(math.Floor((p.ph - p.bm - p.y - 2*rosterPad + 0.01) / lh))
		if k < 2 {
			p.newPage(true)
			t.head(p)
			continue
		}
		to := min(n, from+k)
		hh := float64(to-from)*lh + 2*rosterPad
		p.font("", t.size)
		t.cells(p, lines, from, to, hh, false)
		p.y += hh
		from = to
		if from < n {
			p.newPage(true)
			t.head(p)
		}
	}
}

// countsWidths sizes a FitCounts table for the width cw at size pt: STT
// to its heading, the names to the longest (at least 60 mm, less when the
// page is short of room), every count column alike, wide enough for its
// heading's longest word and its share of the span above it.
func countsWidths(p *measure, t *Table, size, cw float64) []float64 {
	p.font("B", size)
	last := len(t.Head) - 1
	numW := p.width(t.Head[last]) + 2*pdfCellPad
	for c := 2; c < last; c++ {
		for _, word := range strings.Fields(t.Head[c]) {
			numW = max(numW, p.width(word)+2*pdfCellPad)
		}
	}
	for _, sp := range t.Over {
		numW = max(numW, p.width(sp.Text)/float64(sp.To-sp.From+1)+2*pdfCellPad)
	}
	numW = max(numW, 22)
	orgW := 60.0
	for _, r := range t.Rows {
		if !r.Bold {
			orgW = max(orgW, p.width(r.Cells[1])+2*pdfCellPad)
		}
	}
	sttW := p.width("STT") + 4*pdfCellPad
	nNum := len(t.Head) - 2
	if fixed := sttW + float64(nNum)*numW; fixed+orgW > cw {
		orgW = max(cw-fixed, 30)
	}
	widths := []float64{sttW, orgW}
	for i := 0; i < nNum; i++ {
		widths = append(widths, numW)
	}
	return widths
}

// underSpan is the span over column c, if any.
func underSpan(t *Table, c int) (HeadSpan, bool) {
	for _, sp := range t.Over {
		if c >= sp.From && c <= sp.To {
			return sp, true
		}
	}
	return HeadSpan{}, false
}

// rosterCounts draws a FitCounts table under its caption: two header
// rows (the spans over their columns, the other headings merged down),
// the rows, a total row whose first cell spans its Join columns; bold
// where a row or a column says so.
func (p *pdfDoc) rosterCounts(caption string, t *Table, size float64) {
	lh := size * ptToMM * 1.25
	rowH := func(lines int) float64 { return float64(lines)*lh + 2*rosterPad }
	widths := countsWidths(p.measure, t, size, p.cw())
	tw := 0.0
	for _, w := range widths {
		tw += w
	}
	x0 := p.lm + max(0, (p.cw()-tw)/2)
	colX := make([]float64, len(widths)+1)
	colX[0] = x0
	for i, w := range widths {
		colX[i+1] = colX[i] + w
	}

	// box draws a cell over columns [c1, c2] and its lines, centred, or
	// left with align alignLeft.
	box := func(c1, c2 int, y, h float64, lines []string, style string, align int) {
		p.f.SetLineWidth(0.2)
		p.f.Rect(colX[c1], y, colX[c2+1]-colX[c1], h, "D")
		p.font(style, size)
		yy := y + (h-float64(len(lines))*lh)/2
		for _, l := range lines {
			if align == alignLeft {
				p.text(colX[c1]+pdfCellPad, yy, lh, l)
			} else {
				p.center(colX[c1], colX[c2+1]-colX[c1], yy, lh, l)
			}
			yy += lh
		}
	}
	wrap := func(s, style string, c1, c2 int) []string {
		p.font(style, size)
		return p.wrap(s, colX[c2+1]-colX[c1]-2*pdfCellPad, 0)
	}

	// Header: row 1 the spans over their columns, row 2 the headings
	// under them; the others over both rows.
	h1 := rowH(1)
	n2 := 1
	for c, h := range t.Head {
		if _, ok := underSpan(t, c); ok {
			n2 = max(n2, len(wrap(h, "B", c, c)))
		}
	}
	h2 := rowH(n2)
	if len(t.Over) == 0 {
		h1, h2 = 0, rowH(n2)
	}
	head := func() {
		y := p.y
		for c, h := range t.Head {
			sp, ok := underSpan(t, c)
			switch {
			case !ok:
				box(c, c, y, h1+h2, wrap(h, "B", c, c), "B", alignCenter)
			case c == sp.From:
				box(sp.From, sp.To, y, h1, wrap(sp.Text, "B", sp.From, sp.To), "B", alignCenter)
				fallthrough
			default:
				box(c, c, y+h1, h2, wrap(h, "B", c, c), "B", alignCenter)
			}
		}
		p.y += h1 + h2
	}

	heights := make([]float64, len(t.Rows))
	all := h1 + h2
	for i, r := range t.Rows {
		heights[i] = rowH(max(1, len(wrap(r.Cells[t.NameCol], rowStyle(r), t.NameCol, t.NameCol))))
		all += heights[i]
	}

	// Caption and table on one page when they fit one.
	const capSize, capLine = 13, 6.0
	p.font("B", capSize)
	capLines := len(p.balanced(caption, p.cw()))
	p.y += 6
	if body := p.ph - p.tm - p.bm; all+float64(capLines)*capLine+2 <= body {
		p.need(all + float64(capLines)*capLine + 2)
	} else {
		p.need(float64(capLines)*capLine + 2 + h1 + h2 + heights[0])
	}
	p.centered(caption, p.lm, p.cw(), "B", capSize, capLine)
	p.y += 2
	head()
	for i, r := range t.Rows {
		if p.need(heights[i]) {
			head()
		}
		y, h := p.y, heights[i]
		style := rowStyle(r)
		c := 0
		if r.Join > 1 {
			box(0, r.Join-1, y, h, []string{r.Cells[0]}, style, alignCenter)
			c = r.Join
		}
		for ; c < len(r.Cells); c++ {
			st := style
			if c < len(t.BoldCol) && t.BoldCol[c] {
				st = "B"
			}
			lines := []string{r.Cells[c]}
			if t.Wrap[c] {
				lines = wrap(r.Cells[c], st, c, c)
			}
			box(c, c, y, h, lines, st, t.Align[c])
		}
		p.y += h
	}
}
