package report

import (
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/tongket/tongket/roster"
	"github.com/tongket/tongket/vn"
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
	p := newPDF(d)
	title := rosterTitle(e)
	p.f.SetTitle(xSentence(strings.ToLower(title)), true)
	p.f.SetSubject("Danh sách khen thưởng", true)
	p.f.SetAuthor(pdfText(d.Agency), true)

	p.newPage(true)
	p.agencyBlock(d)
	p.y += 7
	p.appendixTitle(rosterAppendix, title, d)

	t := newRosterTable(p, e)
	t.draw(p)

	p.y += 3
	p.need(2 * 6.3)
	p.paragraph(rosterLine(e), "B", 13, firstIndent, 6.3, alignJustify)

	p.rosterCounts(e, t.size)
	return p.output(w)
}

// rosterAppendix is the roster's label: the report's own tables are Phụ lục I and II.
const rosterAppendix = "Phụ lục III"

// Rows of the roster table.
const (
	rowEntry = iota
	rowSection
	rowOrg
	rowNone
)

type rosterItem struct {
	kind  int
	text  string   // section and organisation rows
	cells []string // entry rows
}

// rosterTable is the roster as table rows and its layout.
type rosterTable struct {
	items  []rosterItem
	aligns []int
	widths []float64
	size   float64 // font size, pt
}

func newRosterTable(p *pdfDoc, e roster.Export) *rosterTable {
	t := &rosterTable{aligns: []int{alignCenter, alignLeft, alignLeft, alignLeft, alignLeft, alignCenter, alignLeft, alignCenter}}
	rosterSections(e, func(label string) {
		t.items = append(t.items, rosterItem{kind: rowSection, text: label})
	}, func(g roster.Group) {
		t.items = append(t.items, rosterItem{kind: rowOrg, text: oneLine(g.Organisation)})
		for _, n := range g.Entries {
			cells := rosterRow(n)
			for i := range cells {
				cells[i] = oneLine(cells[i])
			}
			t.items = append(t.items, rosterItem{kind: rowEntry, cells: cells})
		}
	})
	if len(t.items) == 0 {
		t.items = append(t.items, rosterItem{kind: rowNone, text: rosterNone(e)})
	}
	t.fit(p, p.cw())
	return t
}

// rosterShares are the columns' preferred parts of the table width (but
// STT's, which fits its numbers); a
// column takes less when its longest text needs less, and what is left
// goes to the columns whose texts are longer.
var rosterShares = []float64{0, 0.16, 0.12, 0.16, 0.23, 0.09, 0.12, 0.12}

// fit sizes the columns for the width w: the largest font size from 11 pt
// down at which every column holds its longest word; each column gets its
// share of the width, or less if its texts are shorter, or more if a word
// needs it; what is left goes to the columns whose texts still wrap.
func (t *rosterTable) fit(p *pdfDoc, w float64) {
	n := len(rosterHeads)
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
		for c, h := range rosterHeads {
			measure(c, h)
			natW[c] = min(natW[c], max(minW[c], 25)) // long headers wrap
		}
		measure(0, "(1)")
		p.font("", size)
		for _, it := range t.items {
			for c, s := range it.cells {
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
			t.widths[c] = max(minW[c], min(natW[c], rosterShares[c]*(w-t.widths[0])))
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
func (t *rosterTable) layout(p *pdfDoc, cells []string, style string) ([][]string, int) {
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

// height is an item's height.
func (t *rosterTable) height(p *pdfDoc, it rosterItem) float64 {
	switch it.kind {
	case rowEntry:
		_, n := t.layout(p, it.cells, "")
		return float64(n)*t.lineH() + 2*rosterPad
	default:
		p.font(t.spanStyle(it.kind), t.size)
		n := len(p.wrap(it.text, p.cw()-2*pdfCellPad, 0))
		return float64(max(n, 1))*t.lineH() + 2*rosterPad
	}
}

func (t *rosterTable) spanStyle(kind int) string {
	switch kind {
	case rowSection:
		return "B"
	case rowOrg:
		return "BI"
	}
	return "I"
}

func (t *rosterTable) numbers() []string {
	out := make([]string, len(rosterHeads))
	for i := range out {
		out[i] = "(" + strconv.Itoa(i+1) + ")"
	}
	return out
}

// headH is the height of the header rows.
func (t *rosterTable) headH(p *pdfDoc) float64 {
	_, n := t.layout(p, rosterHeads, "B")
	return float64(n)*t.lineH() + 2*rosterPad + t.lineH() + 2*rosterPad
}

// head draws the header rows: the column names and their numbers.
func (t *rosterTable) head(p *pdfDoc) {
	for _, cells := range [][]string{rosterHeads, t.numbers()} {
		lines, n := t.layout(p, cells, "B")
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
			case header || t.aligns[c] == alignCenter:
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
func (t *rosterTable) span(p *pdfDoc, it rosterItem) {
	h := t.height(p, it)
	p.font(t.spanStyle(it.kind), t.size)
	p.f.SetLineWidth(0.2)
	p.f.Rect(p.lm, p.y, p.cw(), h, "D")
	y := p.y + rosterPad
	for _, l := range p.wrap(it.text, p.cw()-2*pdfCellPad, 0) {
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
	keep := func(i int) float64 {
		h := 0.0
		for ; i < len(t.items); i++ {
			ih := t.height(p, t.items[i])
			if ih > body { // an entry split over pages: its first lines
				ih = 2*t.lineH() + 2*rosterPad
			}
			h += ih
			if t.items[i].kind == rowEntry || t.items[i].kind == rowNone {
				break
			}
		}
		return h
	}
	p.need(t.headH(p) + keep(0))
	t.head(p)
	for i, it := range t.items {
		if it.kind != rowEntry {
			t.room(p, keep(i))
			t.span(p, it)
			continue
		}
		t.entry(p, it, body)
	}
}

// entry draws an entry's row; a row taller than a page goes on over the
// next, its lines split between pages.
func (t *rosterTable) entry(p *pdfDoc, it rosterItem, body float64) {
	lines, n := t.layout(p, it.cells, "")
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

// rosterCounts draws the counts table: one row per organisation, for each
// kind a column per form and their sum, the total; a total row.
func (p *pdfDoc) rosterCounts(e roster.Export, size float64) {
	kinds := rosterKinds(e)
	forms := make([][]string, len(kinds))
	for i, k := range kinds {
		forms[i] = rosterKindForms(e, k)
	}
	lh := size * ptToMM * 1.25
	rowH := func(lines int) float64 { return float64(lines)*lh + 2*rosterPad }

	// Column widths: STT, Tổ chức, the counts, Tổng cộng.
	p.font("B", size)
	numW := p.width("Tổng cộng") + 2*pdfCellPad
	for i, k := range kinds {
		for _, f := range forms[i] {
			for _, word := range strings.Fields(f) {
				numW = max(numW, p.width(word)+2*pdfCellPad)
			}
		}
		numW = max(numW, p.width(k)/float64(len(forms[i])+1)+2*pdfCellPad)
	}
	numW = max(numW, 22)
	orgW := 60.0
	for _, r := range e.Table {
		orgW = max(orgW, p.width(oneLine(r.Organisation))+2*pdfCellPad)
	}
	sttW := p.width("STT") + 4*pdfCellPad
	nNum := 1
	for _, f := range forms {
		nNum += len(f) + 1
	}
	if fixed := sttW + float64(nNum)*numW; fixed+orgW > p.cw() {
		orgW = max(p.cw()-fixed, 30)
	}
	widths := []float64{sttW, orgW}
	for i := 0; i < nNum; i++ {
		widths = append(widths, numW)
	}
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

	// Header: row 1 the kinds over their columns, row 2 the forms.
	h1 := rowH(1)
	n2 := 1
	for i := range kinds {
		for _, f := range forms[i] {
			n2 = max(n2, len(wrap(f, "B", 2, 2)))
		}
	}
	h2 := rowH(n2)
	last := len(widths) - 1
	head := func() {
		y := p.y
		box(0, 0, y, h1+h2, []string{"STT"}, "B", alignCenter)
		box(1, 1, y, h1+h2, wrap("Tổ chức", "B", 1, 1), "B", alignCenter)
		c := 2
		for i, k := range kinds {
			box(c, c+len(forms[i]), y, h1, wrap(k, "B", c, c+len(forms[i])), "B", alignCenter)
			for _, f := range forms[i] {
				box(c, c, y+h1, h2, wrap(f, "B", c, c), "B", alignCenter)
				c++
			}
			box(c, c, y+h1, h2, []string{"Cộng"}, "B", alignCenter)
			c++
		}
		box(last, last, y, h1+h2, wrap("Tổng cộng", "B", last, last), "B", alignCenter)
		p.y += h1 + h2
	}

	type row struct {
		cells []string
		total bool
	}
	var rows []row
	sums := make([]int, nNum)
	for i, r := range e.Table {
		cells := []string{strconv.Itoa(i + 1), oneLine(r.Organisation)}
		j, total := 0, 0
		for ki, k := range kinds {
			s := rosterKindSum(r, k, forms[ki])
			for _, f := range forms[ki] {
				cells = append(cells, vn.FormatInt(int64(r.ByKindForm[k][f])))
				sums[j] += r.ByKindForm[k][f]
				j++
			}
			cells = append(cells, vn.FormatInt(int64(s)))
			sums[j] += s
			j++
			total += s
		}
		cells = append(cells, vn.FormatInt(int64(total)))
		sums[j] += total
		rows = append(rows, row{cells: cells})
	}
	tot := []string{"", "Tổng cộng"}
	for _, s := range sums {
		tot = append(tot, vn.FormatInt(int64(s)))
	}
	rows = append(rows, row{cells: tot, total: true})
	heights := make([]float64, len(rows))
	all := h1 + h2
	for i, r := range rows {
		style := ""
		if r.total {
			style = "B"
		}
		heights[i] = rowH(len(wrap(r.cells[1], style, 1, 1)))
		all += heights[i]
	}

	// Caption and table on one page when they fit one.
	const capSize, capLine = 13, 6.0
	p.font("B", capSize)
	capLines := len(p.balanced("TỔNG HỢP SỐ LƯỢNG TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG", p.cw()))
	p.y += 6
	if body := p.ph - p.tm - p.bm; all+float64(capLines)*capLine+2 <= body {
		p.need(all + float64(capLines)*capLine + 2)
	} else {
		p.need(float64(capLines)*capLine + 2 + h1 + h2 + heights[0])
	}
	p.centered("TỔNG HỢP SỐ LƯỢNG TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG", p.lm, p.cw(), "B", capSize, capLine)
	p.y += 2
	head()
	for i, r := range rows {
		if p.need(heights[i]) {
			head()
		}
		y, h := p.y, heights[i]
		style := ""
		if r.total {
			style = "B"
			box(0, 1, y, h, []string{"Tổng cộng"}, style, alignCenter)
		} else {
			box(0, 0, y, h, []string{r.cells[0]}, style, alignCenter)
			box(1, 1, y, h, wrap(r.cells[1], style, 1, 1), style, alignLeft)
		}
		for c := 2; c < len(r.cells); c++ {
			st := style
			if c == last || rosterSumCol(forms, c) {
				st = "B"
			}
			box(c, c, y, h, []string{r.cells[c]}, st, alignCenter)
		}
		p.y += h
	}
}

// rosterSumCol reports whether column c of the counts table is a kind's
// "Cộng".
func rosterSumCol(forms [][]string, c int) bool {
	c -= 2
	for _, f := range forms {
		c -= len(f)
		if c == 0 {
			return true
		}
		if c < 0 {
			return false
		}
		c--
	}
	return false
}
