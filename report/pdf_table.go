package report

import (
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/tongket/tongket/summary"
)

// appendix draws an appendix on new pages, portrait when its table fits
// with a wide enough name column, landscape otherwise: its label and name,
// the table with its header repeated on every page, the notes, the chart.
func (p *pdfDoc) appendix(a Appendix, d Document) {
	t := newPDFTable(p, a.Table)
	landscape := t.place()
	p.newPage(landscape)
	p.appendixTitle(a.Label, a.Title, d)

	const noteSize, noteLine = 11, 4.8
	p.font("I", noteSize)
	notesH := 0.0
	for _, n := range a.Notes {
		notesH += 1 + float64(len(p.wrap(n, p.cw(), 0)))*noteLine
	}
	t.draw(min(notesH, 3*noteLine)) // the first note's lines stay with the table's last row
	p.y += 1
	for _, n := range a.Notes {
		p.y += 1
		p.paragraph(n, "I", noteSize, 0, noteLine, alignJustify)
	}
	if a.Chart != nil {
		p.chart(a.Chart)
	}
}

// appendixTitle draws an appendix's heading: its label ("Phụ lục I"), its
// name in capitals and "(Kèm theo Báo cáo số … ngày …)" in italics, with a
// short rule under it.
func (p *pdfDoc) appendixTitle(label, name string, d Document) {
	p.centered(label, p.lm, p.cw(), "B", 14, 6.2)
	p.centered(name, p.lm+10, p.cw()-20, "B", 13.5, 6)
	d.DocNumber = pdfTrim(d.DocNumber)
	p.centered("(Kèm theo Báo cáo số "+d.DocNumberText()+" "+dateOr(d.Date, true)+")", p.lm, p.cw(), "I", 13, 6)
	p.rule(p.lm+p.cw()/2-15, p.lm+p.cw()/2+15, p.y+1.5)
	p.y += 6
}

// pdfTable draws a FitAppendix table as its layout says.
type pdfTable struct {
	*tableLayout
	p *pdfDoc
}

func newPDFTable(p *pdfDoc, t *Table) *pdfTable {
	return &pdfTable{tableLayout: newTableLayout(p.measure, t), p: p}
}

// tableLayout lays out a FitAppendix table: column widths and a font size
// that fit.
type tableLayout struct {
	m       *measure
	t       *Table
	numbers []string  // the (1), (2), … row under the header
	natural []float64 // per column: widest unbreakable text at 1 pt (bold for headers)
	nameW   float64   // the name column's widest cell, whole, at 1 pt
	widths  []float64
	size    float64 // font size, pt
}

const pdfCellPad = 1.2 // mm, left and right of a cell's text

func newTableLayout(p *measure, t *Table) *tableLayout {
	pt := &tableLayout{m: p, t: t, natural: make([]float64, len(t.Head))}
	for i := range t.Head {
		pt.numbers = append(pt.numbers, "("+strconv.Itoa(i+1)+")")
	}
	// Widths scale with the font size, so each cell is measured once, at
	// 1 pt: headers and wrapping cells by their widest word, the rest
	// whole.
	for c, h := range t.Head {
		p.font("B", 1)
		for _, w := range strings.Fields(h) {
			pt.natural[c] = max(pt.natural[c], p.width(w))
		}
		pt.natural[c] = max(pt.natural[c], p.width(pt.numbers[c]))
	}
	p.font("", 1)
	for c, m := range t.MinText {
		pt.natural[c] = max(pt.natural[c], p.width(m))
	}
	for _, row := range t.Rows {
		style := ""
		if row.Bold {
			style = "B"
		}
		p.font(style, 1)
		for c, cell := range row.Cells {
			if c == t.NameCol {
				if t.Spread {
					pt.nameW = max(pt.nameW, p.width(cell))
				}
				continue
			}
			if t.Wrap[c] {
				for _, w := range strings.Fields(cell) {
					pt.natural[c] = max(pt.natural[c], p.width(w))
				}
				continue
			}
			pt.natural[c] = max(pt.natural[c], p.width(cell))
		}
	}
	return pt
}

// place sizes the columns for a portrait page, or for a landscape one when
// the name column would be too narrow, and reports whether it is
// landscape.
func (t *tableLayout) place() (landscape bool) {
	if t.fit(a4W - marginLeft - marginRight) {
		return false
	}
	t.fit(a4H - lsLeft - lsRight)
	return true
}

// fit sizes the columns for a content width w, trying font sizes from 10
// pt down, and reports whether the name column got at least tableMinNW. A
// spread table also takes a smaller size while its headings wrap to more
// than six lines.
func (t *tableLayout) fit(w float64) bool {
	sizes := []float64{10, 9.5, 9, 8.5, 8, 7.5, 7}
	ok := false
	for i, size := range sizes {
		if !t.fitSize(w, size) {
			continue
		}
		ok = true
		if !t.t.Spread || i == len(sizes)-1 {
			return true
		}
		lines, _ := t.rowLayout(t.t.Head, "B", true)
		most := 0
		for _, l := range lines {
			most = max(most, len(l))
		}
		if most <= 6 {
			return true
		}
	}
	return ok
}

// fitSize sizes the columns at one font size and reports whether the name
// column gets its minimum width.
func (t *tableLayout) fitSize(w, size float64) bool {
	t.size = size
	t.widths = make([]float64, len(t.t.Head))
	fixed := 0.0
	for c := range t.t.Head {
		if c == t.t.NameCol {
			continue
		}
		t.widths[c] = t.natural[c]*size + 2*pdfCellPad
		fixed += t.widths[c]
	}
	t.widths[t.t.NameCol] = w - fixed
	// A spread table's names need only their own width; the room
	// left goes to the columns after them.
	need, minName := t.nameW*size+2*pdfCellPad, tableMinNW
	if t.t.Spread {
		minName = min(minName, need)
	}
	if t.widths[t.t.NameCol] < minName {
		return false
	}
	if spare := t.widths[t.t.NameCol] - need; t.t.Spread && spare > 0 {
		t.widths[t.t.NameCol] = need
		level(t.widths[t.t.NameCol+1:], spare)
	}
	return true
}

// level widens the narrowest of ws first, to one common width, until
// spare is used up: the columns whose headings wrap most gain most.
func level(ws []float64, spare float64) {
	sorted := append([]float64(nil), ws...)
	sort.Float64s(sorted)
	// Find the width L that the columns narrower than it are raised to.
	sum, L := 0.0, 0.0
	for i, w := range sorted {
		sum += w
		next := math.Inf(1)
		if i+1 < len(sorted) {
			next = sorted[i+1]
		}
		if L = (sum + spare) / float64(i+1); L <= next {
			break
		}
	}
	for i, w := range ws {
		ws[i] = max(w, L)
	}
}

func (t *tableLayout) lineH() float64 { return t.size * ptToMM * 1.25 }

// rowLayout wraps a row's cells and gives its height.
func (t *tableLayout) rowLayout(cells []string, style string, header bool) ([][]string, float64) {
	p := t.m
	p.font(style, t.size)
	lines := make([][]string, len(cells))
	n := 1
	for c, s := range cells {
		if c == t.t.NameCol || t.t.Wrap[c] || header {
			lines[c] = p.wrap(s, t.widths[c]-2*pdfCellPad, 0)
		} else {
			lines[c] = []string{s}
		}
		n = max(n, len(lines[c]))
	}
	return lines, float64(n)*t.lineH() + 2*1.2
}

// drawRow draws one row at p.y: borders, then the text of each cell,
// vertically centred; header cells are centred, numbers flush right.
func (t *pdfTable) drawRow(lines [][]string, h float64, style string, header bool) {
	p := t.p
	p.font(style, t.size)
	p.f.SetLineWidth(0.2)
	x := p.lm
	lh := t.lineH()
	for c := range lines {
		w := t.widths[c]
		p.f.Rect(x, p.y, w, h, "D")
		y := p.y + (h-float64(len(lines[c]))*lh)/2
		for _, l := range lines[c] {
			switch {
			case l == "":
			case header || t.t.Align[c] == alignCenter:
				p.center(x, w, y, lh, l)
			case t.t.Align[c] == alignLeft:
				p.text(x+pdfCellPad, y, lh, l)
			default:
				p.right(x+pdfCellPad, w-2*pdfCellPad, y, lh, l)
			}
			y += lh
		}
		x += w
	}
	p.y += h
}

// draw draws the table, repeating the header rows on every page; after is
// the height of what must follow the last row on its page.
func (t *pdfTable) draw(after float64) {
	p := t.p
	hl, hh := t.rowLayout(t.t.Head, "B", true)
	nl, nh := t.rowLayout(t.numbers, "B", true)
	if !t.t.Numbers {
		nh = 0
	}
	head := func() {
		t.drawRow(hl, hh, "B", true)
		if t.t.Numbers {
			t.drawRow(nl, nh, "B", true)
		}
	}
	first := true
	for i, r := range t.t.Rows {
		style := ""
		if r.Bold {
			style = "B"
		}
		lines, rh := t.rowLayout(r.Cells, style, false)
		need := rh
		if i == len(t.t.Rows)-1 {
			need += after
		}
		if first {
			p.need(hh + nh + need)
			head()
			first = false
		} else if p.need(need) {
			head()
		}
		t.drawRow(lines, rh, style, false)
	}
	if first {
		p.need(hh + nh)
		head()
	}
}

// chart draws a bar chart of an indicator by year, with its axis, grid and
// labels in Vietnamese number format. A year lacking a unit's report has a
// paler, hatched bar and "(*)" under it, so its dip is not read as a fall.
func (p *pdfDoc) chart(c *Chart) {
	const plotH = 62.0
	p.font("I", 10)
	noteLines := p.wrap(c.Note, p.cw(), 0)
	total := 12 + plotH + 12 + float64(len(noteLines))*4.5
	p.y += 4
	p.need(total)
	p.centered(c.Caption, p.lm, p.cw(), "B", 12, 6)
	p.y += 6 // room for the value above the tallest bar

	var maxV int64
	for i, v := range c.Values {
		if c.Known[i] {
			maxV = max(maxV, int64(v))
		}
	}
	step := niceStep(maxV)
	top := step * ((maxV + step - 1) / step)
	if top == 0 {
		top = step
	}

	p.font("", 8)
	labelW := p.width(Amount(summary.Amount(top))) + 2
	plotW := min(p.cw()-labelW-4, 220)
	x0 := p.lm + (p.cw()-plotW-labelW)/2 + labelW
	y0 := p.y
	yAxis := y0 + plotH
	scale := plotH / float64(top)

	// Grid lines and axis labels.
	p.f.SetDrawColor(190, 190, 190)
	p.f.SetLineWidth(0.15)
	for v := int64(0); v <= top; v += step {
		yy := yAxis - float64(v)*scale
		if v > 0 {
			p.f.Line(x0, yy, x0+plotW, yy)
		}
		p.right(x0-labelW-1.5, labelW, yy-2, 4, Amount(summary.Amount(v)))
	}
	p.f.SetDrawColor(0, 0, 0)
	p.f.SetLineWidth(0.3)
	p.f.Line(x0, y0-2, x0, yAxis)
	p.f.Line(x0, yAxis, x0+plotW, yAxis)

	// Bars, their values above, the years below.
	n := len(c.Years)
	slot := plotW / float64(max(n, 1))
	bw := slot * 0.62
	for i, yr := range c.Years {
		cx := x0 + slot*(float64(i)+0.5)
		label := strconv.Itoa(yr)
		if c.Marked[i] {
			label += " (*)"
		}
		size := 8.0
		for p.font("", size); p.width(label) > slot && size > 5; p.font("", size) {
			size -= 0.5
		}
		p.center(cx-slot/2, slot, yAxis+1, 4, label)
		if !c.Known[i] {
			p.font("", 8)
			p.center(cx-slot/2, slot, yAxis-5, 4, pdfNA)
			continue
		}
		v := c.Values[i]
		h := float64(v) * scale
		if h > 0 {
			p.bar(cx-bw/2, yAxis-h, bw, h, c.Marked[i])
		}
		value := Amount(v)
		size = 8.0
		for p.font("", size); p.width(value) > slot && size > 5; p.font("", size) {
			size -= 0.5
		}
		p.center(cx-slot/2, slot, yAxis-h-4.2, 4, value)
	}
	p.y = yAxis + 6
	p.font("I", 10)
	for _, l := range noteLines {
		p.center(p.lm, p.cw(), p.y, 4.5, l)
		p.y += 4.5
	}
	p.y += 1.5
}

// bar fills a chart bar; a marked one is pale with diagonal hatching and a
// dashed outline.
func (p *pdfDoc) bar(x, y, w, h float64, marked bool) {
	if !marked {
		p.f.SetFillColor(62, 100, 150)
		p.f.Rect(x, y, w, h, "F")
		return
	}
	p.f.SetFillColor(205, 216, 232)
	p.f.Rect(x, y, w, h, "F")
	p.f.ClipRect(x, y, w, h, false)
	p.f.SetDrawColor(62, 100, 150)
	p.f.SetLineWidth(0.25)
	for d := -h; d < w; d += 2.2 {
		p.f.Line(x+d, y+h, x+d+h, y)
	}
	p.f.ClipEnd()
	p.f.SetDashPattern([]float64{1, 0.8}, 0)
	p.f.Rect(x, y, w, h, "D")
	p.f.SetDashPattern(nil, 0)
	p.f.SetDrawColor(0, 0, 0)
}

// niceStep is a round grid step (1, 2, 2,5 or 5 × 10ⁿ, in hundredths, at
// least one whole unit) giving about five grid lines up to max.
func niceStep(maxV int64) int64 {
	if maxV <= 0 {
		return 100
	}
	raw := float64(maxV) / 5
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*mag >= raw {
			return max(int64(math.Round(m*mag)), 100)
		}
	}
	return max(int64(10*mag), 100)
}
