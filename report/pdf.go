package report

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/go-fonts/liberation/liberationserifbold"
	"github.com/go-fonts/liberation/liberationserifbolditalic"
	"github.com/go-fonts/liberation/liberationserifitalic"
	"github.com/go-fonts/liberation/liberationserifregular"
	"github.com/go-pdf/fpdf"

	"github.com/tongket/tongket/summary"
	"github.com/tongket/tongket/vn"
)

// PDFOptions choose the narrative and the chart of the PDF report.
type PDFOptions struct {
	Narrative *Narrative // nil: the embedded templates/report.vi.tmpl
	Chart     string     // code of the indicator charted by year (an error if absent); "" for TT_BUOI
}

// WritePDF writes the summary report as an A4 Vietnamese administrative
// document (Nghị định 30/2020/NĐ-CP): agency block and national motto,
// number and place-and-date line, "BÁO CÁO" and its summary line, the
// narrative in numbered sections, signature block and "Nơi nhận", then
// Phụ lục I with the table of every indicator by year and a bar chart.
// Fonts are Liberation Serif (metric-compatible with Times New Roman),
// embedded. The output depends only on its arguments: the PDF's creation
// date is d.Date.
func WritePDF(w io.Writer, s *summary.Summary, d Document, opt PDFOptions) error {
	n := opt.Narrative
	if n == nil {
		var err error
		if n, err = LoadNarrative(""); err != nil {
			return err
		}
	}
	if opt.Chart != "" && !hasIndicator(s, opt.Chart) {
		return fmt.Errorf("pdf chart: no indicator %q in the summary", opt.Chart)
	}
	text, err := n.Render(s, d, opt.Chart)
	if err != nil {
		return err
	}
	p := newPDF(d)
	title := strings.ReplaceAll(text.Title, "\n", " ")
	p.f.SetTitle("Báo cáo "+title, true)
	p.f.SetSubject(title, true)
	p.f.SetAuthor(pdfText(d.Agency), true)
	p.newPage(false)
	p.header(d, text.Title)
	p.body(parseMarkup(text.Body))
	p.signature(d)
	p.appendix(s, d, text, opt.Chart)
	return p.output(w)
}

// output writes the finished document to w, its fonts renamed.
func (p *pdfDoc) output(w io.Writer) error {
	var b bytes.Buffer
	if err := p.f.Output(&b); err != nil {
		return fmt.Errorf("write pdf: %w", err)
	}
	if _, err := w.Write(fontNames(b.Bytes())); err != nil {
		return fmt.Errorf("write pdf: %w", err)
	}
	return nil
}

func hasIndicator(s *summary.Summary, code string) bool {
	for _, ind := range s.Indicators {
		if strings.EqualFold(ind.Code, code) {
			return true
		}
	}
	return false
}

// fontNames gives the embedded fonts their real names. fpdf names a UTF-8
// font "utf8" + its family key ("utf8liberationserif-…B"), which is what
// PDF viewers and pdffonts then show; this rewrites each such name, where
// fpdf wrote it (font, CID font and descriptor), to the font's PostScript
// name with a subset tag ("TKLSBD+LiberationSerif-Bold"), padded with
// spaces to the same length so no byte offset moves.
func fontNames(pdf []byte) []byte {
	for _, st := range []struct{ style, name string }{
		{"BI", "TKLSBI+LiberationSerif-BoldItalic"},
		{"B", "TKLSBD+LiberationSerif-Bold"},
		{"I", "TKLSIT+LiberationSerif-Italic"},
		{"", "TKLSRG+LiberationSerif"},
	} {
		old := []byte("/utf8" + strings.ToLower(pdfFamily) + st.style)
		repl := []byte("/" + st.name + strings.Repeat(" ", len(old)-1-len(st.name)))
		for i := 0; ; {
			k := bytes.Index(pdf[i:], old)
			if k < 0 {
				break
			}
			k += i
			end := k + len(old)
			// Whole names only: "…serif" is a prefix of "…serifB".
			if end < len(pdf) && strings.IndexByte(" \n\r\t/<>[]()", pdf[end]) >= 0 {
				copy(pdf[k:end], repl)
			}
			i = end
		}
	}
	return pdf
}

// Page geometry in millimetres (NĐ 30: top and bottom 20–25, left 30–35,
// right 15–20). Landscape appendix pages keep the binding margin at the top.
const (
	a4W, a4H = 210.0, 297.0

	marginTop, marginBottom, marginLeft, marginRight = 20.0, 20.0, 30.0, 15.0
	lsTop, lsBottom, lsLeft, lsRight                 = 25.0, 15.0, 20.0, 15.0

	pdfFamily   = "LiberationSerif-tongket-embedded" // long enough for fontNames
	bodySize    = 14.0                               // body text, pt
	bodyLine    = 6.3                                // body line height, mm
	paraSpace   = 2.4                                // space between paragraphs, mm (≥ 6 pt)
	firstIndent = 12.7                               // first-line indent, mm (1,27 cm)
	agencySize  = 12.0                               // agency and motto lines, pt
	mottoSize   = 13.5                               // "Độc lập - Tự do - Hạnh phúc", pt
	ptToMM      = 25.4 / 72
	ruleWidth   = 0.3  // rules under agency, motto and title, mm
	pdfNA       = "…"  // a figure not reported (not zero)
	tableMinNW  = 55.0 // narrowest "Chỉ tiêu" column, mm
)

// pdf lays out one document with manual page breaks.
type pdfDoc struct {
	f              *fpdf.Fpdf
	pw, ph         float64 // page size
	lm, rm, tm, bm float64 // page margins
	landscape      bool
	y              float64 // top of the next line
	size           float64 // current font size, pt
}

func newPDF(d Document) *pdfDoc {
	f := fpdf.New("P", "mm", "A4", "")
	f.SetCompression(true)
	f.SetCatalogSort(true)
	// An undated document gets a fixed stamp, not fpdf's clock: the same
	// input must give the same bytes.
	stamp := d.Date
	if stamp.IsZero() {
		stamp = time.Unix(0, 0).UTC()
	}
	f.SetCreationDate(stamp)
	f.SetModificationDate(stamp)
	f.SetCreator("tongket", false)
	f.SetLang("vi-VN")
	f.AddUTF8FontFromBytes(pdfFamily, "", liberationserifregular.TTF)
	f.AddUTF8FontFromBytes(pdfFamily, "B", liberationserifbold.TTF)
	f.AddUTF8FontFromBytes(pdfFamily, "I", liberationserifitalic.TTF)
	f.AddUTF8FontFromBytes(pdfFamily, "BI", liberationserifbolditalic.TTF)
	f.SetAutoPageBreak(false, 0)
	p := &pdfDoc{f: f}
	// Page numbers: Arabic, 13–14 pt, centred in the top margin, none on
	// the first page.
	f.SetHeaderFuncMode(func() {
		if f.PageNo() < 2 {
			return
		}
		f.SetFont(pdfFamily, "", 13)
		n := strconv.Itoa(f.PageNo())
		f.Text(p.lm+(p.pw-p.lm-p.rm-f.GetStringWidth(n))/2, p.tm/2+2, n)
	}, false)
	return p
}

// newPage starts a page, portrait or landscape.
func (p *pdfDoc) newPage(landscape bool) {
	p.landscape = landscape
	if landscape {
		p.pw, p.ph = a4H, a4W
		p.lm, p.rm, p.tm, p.bm = lsLeft, lsRight, lsTop, lsBottom
		p.f.AddPageFormat("L", fpdf.SizeType{Wd: a4W, Ht: a4H})
	} else {
		p.pw, p.ph = a4W, a4H
		p.lm, p.rm, p.tm, p.bm = marginLeft, marginRight, marginTop, marginBottom
		p.f.AddPageFormat("P", fpdf.SizeType{Wd: a4W, Ht: a4H})
	}
	p.f.SetMargins(p.lm, p.tm, p.rm)
	p.y = p.tm
}

func (p *pdfDoc) cw() float64 { return p.pw - p.lm - p.rm }

// fits reports whether h more millimetres fit on the page.
func (p *pdfDoc) fits(h float64) bool { return p.y+h <= p.ph-p.bm+0.01 }

// need starts a new page of the same orientation unless h fits.
func (p *pdfDoc) need(h float64) bool {
	if p.fits(h) {
		return false
	}
	p.newPage(p.landscape)
	return true
}

func (p *pdfDoc) font(style string, size float64) {
	p.f.SetFont(pdfFamily, style, size)
	p.size = size
}

func (p *pdfDoc) width(s string) float64 { return p.f.GetStringWidth(s) }

// baseline is where text sits in a line box of height lh starting at y.
func (p *pdfDoc) baseline(y, lh float64) float64 { return y + lh/2 + 0.33*p.size*ptToMM }

// text draws s with its left edge at x in the line box at y.
func (p *pdfDoc) text(x, y, lh float64, s string) { p.f.Text(x, p.baseline(y, lh), s) }

// center draws s centred in [x, x+w].
func (p *pdfDoc) center(x, w, y, lh float64, s string) {
	p.text(x+(w-p.width(s))/2, y, lh, s)
}

// right draws s flush right at x+w.
func (p *pdfDoc) right(x, w, y, lh float64, s string) { p.text(x+w-p.width(s), y, lh, s) }

func (p *pdfDoc) rule(x1, x2, y float64) {
	p.f.SetLineWidth(ruleWidth)
	p.f.Line(x1, y, x2, y)
}

// wrap breaks s into lines no wider than w (first the first line, narrower
// by indent), breaking at spaces and, for a word too long for a line,
// between letters.
func (p *pdfDoc) wrap(s string, w, indent float64) []string {
	var lines []string
	var cur []string
	curW := 0.0
	sp := p.width(" ")
	avail := func() float64 {
		if len(lines) == 0 {
			return w - indent
		}
		return w
	}
	for _, word := range strings.Fields(s) {
		ww := p.width(word)
		for ww > avail()+1e-6 && len(cur) == 0 && utf8.RuneCountInString(word) > 1 {
			// Break an over-long word.
			r := []rune(word)
			k := len(r) - 1
			for k > 1 && p.width(string(r[:k])) > avail()+1e-6 {
				k--
			}
			lines = append(lines, string(r[:k]))
			word = string(r[k:])
			ww = p.width(word)
		}
		if len(cur) > 0 && curW+sp+ww > avail()+1e-6 {
			lines = append(lines, strings.Join(cur, " "))
			cur, curW = nil, 0
		}
		if len(cur) > 0 {
			curW += sp
		}
		cur = append(cur, word)
		curW += ww
	}
	if len(cur) > 0 {
		lines = append(lines, strings.Join(cur, " "))
	}
	return lines
}

// Alignments of paragraph lines.
const (
	alignLeft = iota
	alignCenter
	alignJustify
	alignRight
)

// paragraph lays out s over the content width, breaking pages between
// lines.
func (p *pdfDoc) paragraph(s string, style string, size, indent, lh float64, align int) {
	p.font(style, size)
	x, w := p.lm, p.cw()
	lines := p.wrap(s, w, indent)
	for i, l := range lines {
		if p.need(lh) {
			p.font(style, size)
		}
		lx, lw := x, w
		if i == 0 {
			lx, lw = x+indent, w-indent
		}
		switch {
		case align == alignCenter:
			p.center(lx, lw, p.y, lh, l)
		case align == alignJustify && i < len(lines)-1:
			p.justify(lx, lw, p.y, lh, l)
		default:
			p.text(lx, p.y, lh, l)
		}
		p.y += lh
	}
}

// justify spreads the words of a line over w.
func (p *pdfDoc) justify(x, w, y, lh float64, line string) {
	words := strings.Fields(line)
	if len(words) < 2 {
		p.text(x, y, lh, line)
		return
	}
	total := 0.0
	for _, wd := range words {
		total += p.width(wd)
	}
	gap := (w - total) / float64(len(words)-1)
	if gap > 3*p.width(" ") { // a very loose line reads better ragged
		p.text(x, y, lh, line)
		return
	}
	for _, wd := range words {
		p.text(x, y, lh, wd)
		x += p.width(wd) + gap
	}
}

// header draws the agency block, the national motto, the number and
// place-and-date line, and the title with its summary line.
func (p *pdfDoc) header(d Document, title string) {
	const lh = 5.4
	lx, lw := p.agencyBlock(d)

	// Number (left) and place and date (right, italic).
	p.y += 4
	p.font("", 13)
	p.center(lx, lw, p.y, lh, numberLine(d))
	p.font("I", 13.5)
	p.center(p.lm+lw, p.cw()-lw, p.y, lh, pdfText(d.Place)+", "+dateOr(d.Date, true))
	p.y += lh + 9

	// Title and its summary line, a short rule under it.
	p.centered("BÁO CÁO", p.lm, p.cw(), "B", 14, 6.2)
	widest := p.centered(title, p.lm+10, p.cw()-20, "B", 14, 6.2)
	rl := max(widest/3, 25)
	p.rule(p.lm+(p.cw()-rl)/2, p.lm+(p.cw()+rl)/2, p.y+0.8)
	p.y += 8
}

// agencyBlock draws, from p.y down, the agency block (parent agency, agency
// in bold, a short rule) on the left and the national motto on the right,
// and leaves p.y under the lower of the two. It returns the left block's x
// and width, under which the document number goes.
func (p *pdfDoc) agencyBlock(d Document) (lx, lw float64) {
	const lh = 5.4
	motto := "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
	p.font("B", agencySize)
	// The motto block is as wide as the motto, at the right margin; the
	// agency block takes the rest, a gap apart, at most 100 mm (on a
	// landscape page it would drift to the middle).
	rw := p.width(motto) + 2
	rx := p.pw - p.rm - rw
	lx = p.lm
	lw = min(rx-lx-2, 100)

	// Left: parent agency, then agency in bold, a short rule under it.
	top := p.y
	p.centered(strings.ToUpper(pdfText(d.ParentAgency)), lx, lw, "", agencySize, lh)
	widest := p.centered(strings.ToUpper(pdfText(d.Agency)), lx, lw, "B", agencySize, lh)
	rl := max(widest*0.4, 18)
	p.rule(lx+(lw-rl)/2, lx+(lw+rl)/2, p.y+0.6)
	yl := p.y

	// Right: the national motto, a rule as long as its second line.
	p.y = top
	p.centered(motto, rx, rw, "B", agencySize, lh)
	sw := p.centered("Độc lập - Tự do - Hạnh phúc", rx, rw, "B", mottoSize, lh)
	p.rule(rx+(rw-sw)/2, rx+(rw+sw)/2, p.y+0.6)
	p.y = max(yl, p.y)
	return lx, lw
}

// centered draws s centred in [x, x+w] from p.y down: each of its lines
// ("\n") is wrapped into lines of balanced length. It returns the width of
// the widest line drawn.
func (p *pdfDoc) centered(s string, x, w float64, style string, size, lh float64) float64 {
	p.font(style, size)
	widest := 0.0
	for _, part := range strings.Split(s, "\n") {
		for _, l := range p.balanced(part, w) {
			if p.need(lh) {
				p.font(style, size)
			}
			p.center(x, w, p.y, lh, l)
			widest = max(widest, p.width(l))
			p.y += lh
		}
	}
	return widest
}

// balanced wraps s into as few lines as fit w, as even in length as
// possible (a title reads better as two halves than a line and a word).
func (p *pdfDoc) balanced(s string, w float64) []string {
	lines := p.wrap(s, w, 0)
	if len(lines) < 2 {
		return lines
	}
	lo, hi := w/float64(len(lines)), w
	for hi-lo > 0.5 {
		mid := (lo + hi) / 2
		if len(p.wrap(s, mid, 0)) == len(lines) {
			hi = mid
		} else {
			lo = mid
		}
	}
	return p.wrap(s, hi, 0)
}

// body lays out the narrative blocks.
func (p *pdfDoc) body(blocks []mdBlock) {
	for _, b := range blocks {
		switch b.kind {
		case blockHeading, blockSubheading:
			// Keep a heading with the two lines after it.
			p.y += 1
			p.need(bodyLine*3 + paraSpace)
			p.paragraph(b.text, "B", bodySize, firstIndent, bodyLine, alignJustify)
		default:
			p.paragraph(b.text, "", bodySize, firstIndent, bodyLine, alignJustify)
		}
		p.y += paraSpace
	}
}

// signature draws "Nơi nhận" on the left and the signer on the right, side
// by side, on one page.
func (p *pdfDoc) signature(d Document) {
	recipients := recipientLines(d.Recipients)
	titles := splitLines(pdfTrim(d.SignerTitle))
	if len(titles) == 0 {
		titles = []string{Blank}
	}
	lw := p.cw() * 0.45
	rx := p.lm + lw
	rw := p.cw() - lw

	// Height of both columns, to keep them together.
	p.font("", 11)
	var rlines []string
	for _, r := range recipients {
		rlines = append(rlines, p.wrap(r, lw-2, 0)...)
	}
	left := 5.5 + float64(len(rlines))*4.6
	p.font("B", 13.5)
	var tlines []string
	for _, t := range titles {
		tlines = append(tlines, p.wrap(strings.ToUpper(t), rw, 0)...)
	}
	right := float64(len(tlines))*6 + 26 + 6
	p.y += 4
	p.need(max(left, right))

	y := p.y
	p.font("BI", 12)
	p.text(p.lm, y, 5.5, "Nơi nhận:")
	y += 5.5
	p.font("", 11)
	for _, l := range rlines {
		p.text(p.lm, y, 4.6, l)
		y += 4.6
	}
	yl := y

	y = p.y
	p.font("B", 13.5)
	for _, l := range tlines {
		p.center(rx, rw, y, 6, l)
		y += 6
	}
	y += 26 // room for the signature and seal
	p.font("B", 14)
	p.center(rx, rw, y, 6, pdfText(d.SignerName))
	y += 6
	p.y = max(yl, y)
}

// recipientLines are the "Nơi nhận" lines: "- …;" for each recipient and
// "- Lưu: VT, ….", the filing line added when missing.
func recipientLines(rs []string) []string {
	var out []string
	var filing string
	for _, r := range rs {
		r = strings.TrimSpace(strings.TrimLeft(oneLine(r), "-–• "))
		r = strings.TrimRight(r, ";.")
		if r == "" {
			continue
		}
		if strings.HasPrefix(strings.ToLower(r), "lưu") {
			filing = r
			continue
		}
		out = append(out, "- "+r+";")
	}
	if len(out) == 0 {
		out = append(out, "- "+Blank+";")
	}
	if filing == "" {
		filing = "Lưu: VT, " + Blank
	}
	return append(out, "- "+filing+".")
}

// numberLine is "Số: 125/BC-CAQ" or "Số: ……/BC-……".
func numberLine(d Document) string {
	d.DocNumber = pdfTrim(d.DocNumber)
	return d.DocNumberLine()
}

func pdfTrim(s string) string { return strings.TrimSpace(vn.NFC(s)) }

func pdfText(s string) string { return Or(pdfTrim(s)) }

// appendix draws Phụ lục I: the table of every indicator by year, a note
// and the bar chart.
func (p *pdfDoc) appendix(s *summary.Summary, d Document, text NarrativeText, chart string) {
	t := newPDFTable(s)
	landscape := !t.fit(p, a4W-marginLeft-marginRight)
	if landscape {
		t.fit(p, a4H-lsLeft-lsRight)
	}
	p.newPage(landscape)
	p.appendixTitle("Phụ lục I", strings.ToUpper(text.Appendix), d)

	note := "Ghi chú: “" + pdfNA + "” là chưa có số liệu (đơn vị chưa báo cáo), khác với số 0. " +
		"Chỉ tiêu cộng dồn đến cuối kỳ (mô hình đang hoạt động, xã, phường có mô hình, camera) " +
		"ghi số có đến cuối từng năm; tổng giai đoạn là số cuối giai đoạn."
	const noteSize, noteLine = 11, 4.8
	p.font("I", noteSize)
	noteH := 2 + float64(len(p.wrap(note, p.cw(), 0)))*noteLine

	t.draw(p, noteH) // the note stays with the table's last row
	p.y += 2
	p.paragraph(note, "I", noteSize, 0, noteLine, alignJustify)

	var ind *summary.Indicator
	code := chart
	if code == "" {
		code = DefaultChart
	}
	for i := range s.Indicators {
		if strings.EqualFold(s.Indicators[i].Code, code) {
			ind = &s.Indicators[i]
		}
	}
	if ind != nil && len(ind.ByYear) > 0 {
		p.chart(s.Period, ind, text.Chart)
	}
}

// appendixTitle draws an appendix's heading: its label ("Phụ lục I"), its
// name in capitals and "(Kèm theo Báo cáo số … ngày …)" in italics, with a
// short rule under it.
func (p *pdfDoc) appendixTitle(label, name string, d Document) {
	p.centered(label, p.lm, p.cw(), "B", 14, 6.2)
	p.centered(name, p.lm+10, p.cw()-20, "B", 13.5, 6)
	no := pdfTrim(d.DocNumber)
	if no == "" {
		no = Blank + "/BC-" + Blank
	}
	p.centered("(Kèm theo Báo cáo số "+no+" "+dateOr(d.Date, true)+")", p.lm, p.cw(), "I", 13, 6)
	p.rule(p.lm+p.cw()/2-15, p.lm+p.cw()/2+15, p.y+1.5)
	p.y += 6
}

// pdfTable is the appendix table: its cells as text and its layout.
type pdfTable struct {
	heads   []string
	rows    [][]string
	aligns  []int
	widths  []float64
	size    float64 // font size, pt
	nameCol int
}

func newPDFTable(s *summary.Summary) *pdfTable {
	prev := s.Period.Previous()
	t := &pdfTable{heads: []string{"STT", "Chỉ tiêu", "Đơn vị tính"}, nameCol: 1}
	t.aligns = []int{alignCenter, alignLeft, alignCenter}
	for y := s.Period.From; y <= s.Period.To; y++ {
		t.heads = append(t.heads, strconv.Itoa(y))
		t.aligns = append(t.aligns, alignRight)
	}
	t.heads = append(t.heads, "Tổng giai đoạn "+periodDash(s.Period), "Giai đoạn "+periodDash(prev), "Tăng/ giảm")
	t.aligns = append(t.aligns, alignRight, alignRight, alignRight)
	for i, ind := range s.Indicators {
		row := []string{strconv.Itoa(i + 1), oneLine(ind.Name), oneLine(ind.Unit)}
		for y := s.Period.From; y <= s.Period.To; y++ {
			if v, ok := ind.Year(y); ok {
				row = append(row, Amount(v))
			} else {
				row = append(row, pdfNA)
			}
		}
		row = append(row, amountOr(ind.Total), amountOr(ind.Previous.Total))
		if c, ok := ind.Change(); ok {
			row = append(row, Percent(c, true))
		} else {
			row = append(row, "")
		}
		t.rows = append(t.rows, row)
	}
	return t
}

func amountOr(a *summary.Amount) string {
	if a == nil {
		return pdfNA
	}
	return Amount(*a)
}

const pdfCellPad = 1.2 // mm, left and right of a cell's text

// fit sizes the columns for a content width w, trying font sizes from 10
// pt down, and reports whether the "Chỉ tiêu" column got at least
// tableMinNW.
func (t *pdfTable) fit(p *pdfDoc, w float64) bool {
	for _, size := range []float64{10, 9.5, 9, 8.5, 8, 7.5, 7} {
		t.size = size
		t.widths = make([]float64, len(t.heads))
		fixed := 0.0
		for c := range t.heads {
			if c == t.nameCol {
				continue
			}
			// Headers wrap at spaces; values never wrap, except the unit.
			p.font("B", size)
			cw := 0.0
			for _, word := range strings.Fields(t.heads[c]) {
				cw = max(cw, p.width(word))
			}
			p.font("", size)
			for _, r := range t.rows {
				if c == 2 {
					for _, word := range strings.Fields(r[c]) {
						cw = max(cw, p.width(word))
					}
					continue
				}
				cw = max(cw, p.width(r[c]))
			}
			if c == 2 {
				cw = max(cw, p.width("lượt người"))
			}
			t.widths[c] = cw + 2*pdfCellPad
			fixed += t.widths[c]
		}
		t.widths[t.nameCol] = w - fixed
		if t.widths[t.nameCol] >= tableMinNW {
			return true
		}
	}
	return false
}

func (t *pdfTable) lineH() float64 { return t.size * ptToMM * 1.25 }

// rowLayout wraps a row's cells and gives its height.
func (t *pdfTable) rowLayout(p *pdfDoc, cells []string, style string) ([][]string, float64) {
	p.font(style, t.size)
	lines := make([][]string, len(cells))
	n := 1
	for c, s := range cells {
		if c == t.nameCol || c == 2 || style == "B" {
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
func (t *pdfTable) drawRow(p *pdfDoc, cells []string, header bool) {
	style := ""
	if header {
		style = "B"
	}
	lines, h := t.rowLayout(p, cells, style)
	p.font(style, t.size)
	p.f.SetLineWidth(0.2)
	x := p.lm
	lh := t.lineH()
	for c := range cells {
		w := t.widths[c]
		p.f.Rect(x, p.y, w, h, "D")
		y := p.y + (h-float64(len(lines[c]))*lh)/2
		for _, l := range lines[c] {
			switch {
			case header || t.aligns[c] == alignCenter:
				p.center(x, w, y, lh, l)
			case t.aligns[c] == alignLeft:
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

// draw draws the table, repeating the header row on every page; after is
// the height of what must follow the last row on its page.
func (t *pdfTable) draw(p *pdfDoc, after float64) {
	numbers := make([]string, len(t.heads))
	for i := range numbers {
		numbers[i] = "(" + strconv.Itoa(i+1) + ")"
	}
	head := func() {
		t.drawRow(p, t.heads, true)
		t.drawRow(p, numbers, true)
	}
	_, hh := t.rowLayout(p, t.heads, "B")
	_, nh := t.rowLayout(p, numbers, "B")
	if len(t.rows) > 0 {
		_, rh := t.rowLayout(p, t.rows[0], "")
		p.need(hh + nh + rh)
	}
	head()
	for i, r := range t.rows {
		_, rh := t.rowLayout(p, r, "")
		if i == len(t.rows)-1 {
			rh += after
		}
		if p.need(rh) {
			head()
		}
		t.drawRow(p, r, false)
	}
}

// chart draws a bar chart of an indicator by year, with its axis, grid and
// labels in Vietnamese number format.
func (p *pdfDoc) chart(period summary.Period, ind *summary.Indicator, caption string) {
	const plotH = 62.0
	total := 8 + plotH + 12
	p.y += 4
	p.need(total)
	p.centered(caption, p.lm, p.cw(), "B", 12, 6)
	p.y += 2

	var maxV int64
	for y := period.From; y <= period.To; y++ {
		if v, ok := ind.Year(y); ok {
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
	n := period.Years()
	slot := plotW / float64(n)
	bw := slot * 0.62
	p.f.SetFillColor(62, 100, 150)
	for i := 0; i < n; i++ {
		yr := period.From + i
		cx := x0 + slot*(float64(i)+0.5)
		p.font("", 8)
		p.center(cx-slot/2, slot, yAxis+1, 4, strconv.Itoa(yr))
		v, ok := ind.Year(yr)
		if !ok {
			p.center(cx-slot/2, slot, yAxis-5, 4, pdfNA)
			continue
		}
		h := float64(v) * scale
		if h > 0 {
			p.f.Rect(cx-bw/2, yAxis-h, bw, h, "F")
		}
		label := Amount(v)
		size := 8.0
		for p.font("", size); p.width(label) > slot && size > 5; p.font("", size) {
			size -= 0.5
		}
		p.center(cx-slot/2, slot, yAxis-h-4.2, 4, label)
	}
	p.y = yAxis + 6
	p.font("I", 10)
	unit := oneLine(ind.Unit)
	p.center(p.lm, p.cw(), p.y, 4.5, "Đơn vị tính: "+unit+"; “"+pdfNA+"”: chưa có số liệu.")
	p.y += 6
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
