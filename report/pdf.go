package report

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/go-pdf/fpdf"

	"github.com/tongket/tongket/summary"
	"github.com/tongket/tongket/vn"
)

// WritePDF writes the summary report as an A4 Vietnamese administrative
// document (Nghị định 30/2020/NĐ-CP): agency block and national motto,
// number and place-and-date line, "BÁO CÁO" and its summary line, "Kính
// gửi" when set, the outline of FORMATS.md §8 (the officer's sections as
// marked blanks until filled), signature block and "Nơi nhận", then the
// appendices: Phụ lục I (figures by year, with the chart) and Phụ lục II
// (figures by unit). Fonts are Liberation Serif (metric-compatible with
// Times New Roman), embedded. The output depends only on its arguments:
// the PDF's creation date is d.Date.
func WritePDF(w io.Writer, s *summary.Summary, d Document, opt Options) error {
	if opt.Chart != "" && !hasIndicator(s, opt.Chart) {
		return fmt.Errorf("pdf chart: no indicator %q in the summary", opt.Chart)
	}
	o, err := BuildOutline(s, d, opt)
	if err != nil {
		return err
	}
	return WriteOutlinePDF(w, o, d)
}

// WriteOutlinePDF draws a report outline as the PDF of WritePDF.
func WriteOutlinePDF(w io.Writer, o *Outline, d Document) error {
	p := newPDF(d)
	title := strings.ReplaceAll(o.Title, "\n", " ")
	p.f.SetTitle("Báo cáo "+title, true)
	p.f.SetSubject(title, true)
	p.f.SetAuthor(pdfText(d.Agency), true)
	p.newPage(false)
	p.header(d, o.Title)
	p.body(o.Body)
	p.signature(d)
	for _, a := range o.Appendices {
		p.appendix(a, d)
	}
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

// pdf lays out one document with manual page breaks; it measures its
// text with the measure every drawer shares.
type pdfDoc struct {
	*measure
	pw, ph         float64 // page size
	lm, rm, tm, bm float64 // page margins
	landscape      bool
	y              float64 // top of the next line
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
	addFonts(f)
	f.SetAutoPageBreak(false, 0)
	p := &pdfDoc{measure: &measure{f: f}}
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
	p.addressee(d)
}

// addressee draws "Kính gửi: …" under the title, centred for one
// recipient, as a list under the label for several.
func (p *pdfDoc) addressee(d Document) {
	var to []string
	for _, a := range d.Addressee {
		if a = strings.TrimRight(oneLine(a), ";."); a != "" {
			to = append(to, a)
		}
	}
	if len(to) == 0 {
		return
	}
	const lh = 6.5
	p.font("", bodySize)
	if len(to) == 1 {
		p.centered("Kính gửi: "+to[0], p.lm, p.cw(), "", bodySize, lh)
		p.y += 4
		return
	}
	label := "Kính gửi:"
	x := p.lm + p.cw()*0.2
	p.text(x, p.y, lh, label)
	x += p.width(label + " ")
	for i, a := range to {
		end := ";"
		if i == len(to)-1 {
			end = "."
		}
		for _, l := range p.wrap("- "+a+end, p.pw-p.rm-x, 0) {
			p.text(x, p.y, lh, l)
			p.y += lh
		}
	}
	p.y += 4
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
