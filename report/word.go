package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/tongket/tongket/docx"
)

// This file draws the report's outline as a Word document: the same
// document as the PDF, editable. The layout rules are the PDF's: the same
// margins and sizes (Nghị định 30/2020/NĐ-CP), titles broken where the PDF
// breaks them, tables with the columns the PDF gives them, measured in the
// same font.

// WriteOutlineWord writes a report outline as a .docx: the header block as
// a borderless table, "BÁO CÁO" and its summary line, "Kính gửi", the body
// (headings as Word headings, the officer's sections as their paragraphs
// or marked blanks), the signature and "Nơi nhận", then each appendix in a
// section of its own, landscape where its table needs it, its header rows
// repeated on every page. Page numbers are in the header from page 2.
func WriteOutlineWord(w io.Writer, o *Outline, d Document) error {
	wd := newWordDoc(d)
	wd.doc.Title = "Báo cáo " + strings.ReplaceAll(o.Title, "\n", " ")
	wd.doc.Subject = strings.ReplaceAll(o.Title, "\n", " ")
	first := wd.section(false)
	wd.header(first, d, o.Title)
	wd.body(first, o.Body)
	wd.signature(first, d)
	for _, a := range o.Appendices {
		wd.appendix(a, d)
	}
	if _, err := wd.doc.WriteTo(w); err != nil {
		return fmt.Errorf("write report docx: %w", err)
	}
	return nil
}

// wordDoc builds a Word document with the PDF's measure.
type wordDoc struct {
	m   *measure
	doc *docx.Document
}

func newWordDoc(d Document) *wordDoc {
	return &wordDoc{m: newMeasure(), doc: &docx.Document{
		Creator: "tongket",
		Created: d.Date,
		Size:    bodySize,
		Styles:  []docx.Style{{ID: "Blank", Name: "Đơn vị bổ sung", Kind: docx.CharacterStyle, Italic: true, Shade: blankShade}},
	}}
}

// blankShade is the light band behind a blank the officer must fill, as in
// the PDF.
const blankShade = "FFF2CC"

// section starts a section: portrait with the report's margins, or
// landscape with the appendices'.
func (wd *wordDoc) section(landscape bool) *docx.Section {
	s := &docx.Section{Landscape: landscape, PageNumbers: true, NumberSize: 13}
	if landscape {
		s.Margins = docx.Margins{Top: lsTop, Bottom: lsBottom, Left: lsLeft, Right: lsRight, Header: lsTop / 2}
	} else {
		s.Margins = docx.Margins{Top: marginTop, Bottom: marginBottom, Left: marginLeft, Right: marginRight, Header: marginTop / 2}
	}
	if len(wd.doc.Sections) == 0 {
		s.NoFirstNumber = true
	}
	wd.doc.Sections = append(wd.doc.Sections, s)
	return s
}

// sectionWidth is the width between a section's margins.
func sectionWidth(s *docx.Section) float64 {
	if s.Landscape {
		return a4H - s.Margins.Left - s.Margins.Right
	}
	return a4W - s.Margins.Left - s.Margins.Right
}

// para is a one-run paragraph.
func para(text string, r docx.Run, align docx.Align) *docx.Paragraph {
	r.Text = text
	return &docx.Paragraph{Runs: []docx.Run{r}, Align: align}
}

// lines breaks s where the PDF breaks it: each "\n" part into lines of
// balanced length for width w in style and size, joined with line breaks.
func (wd *wordDoc) lines(s, style string, size, w float64) (string, float64) {
	wd.m.font(style, size)
	var out []string
	widest := 0.0
	for _, part := range strings.Split(s, "\n") {
		for _, l := range wd.m.balanced(part, w) {
			out = append(out, l)
			widest = max(widest, wd.m.width(l))
		}
	}
	return strings.Join(out, "\n"), widest
}

// rule is the short line under a block: an empty paragraph of 2 pt with a
// top border, its indents leaving length mm in the middle of width.
func rule(width, length, before float64) *docx.Paragraph {
	side := max(0, (width-length)/2)
	return &docx.Paragraph{Rule: docx.RuleTop, Indent: docx.Indent{Left: side, Right: side}, Before: before, Line: 2, LineExact: true, Size: 2}
}

// header writes the agency block and motto, the number and the place and
// date, the title with its summary line and "Kính gửi".
func (wd *wordDoc) header(s *docx.Section, d Document, title string) {
	s.Blocks = append(s.Blocks, wd.agencyTable(s, d, true))
	s.Blocks = append(s.Blocks, para("BÁO CÁO", docx.Run{Bold: true, Size: 14}, docx.Center))
	s.Blocks[len(s.Blocks)-1].(*docx.Paragraph).Before = 9 * mmPt
	text, widest := wd.lines(title, "B", 14, sectionWidth(s)-20)
	t := para(text, docx.Run{Bold: true, Size: 14}, docx.Center)
	t.Indent = docx.Indent{Left: 10, Right: 10}
	r := rule(sectionWidth(s), max(widest/3, 25), 1)
	r.After = 6 * mmPt
	s.Blocks = append(s.Blocks, t, r)
	wd.addressee(s, d)
}

// mmPt is a millimetre in points.
const mmPt = 72 / 25.4

// agencyTable is the agency block on the left (parent agency, agency in
// bold, a short rule) and the national motto on the right (its rule as
// long as its second line), as the PDF lays them out; with number, a
// second row holds the number and the place and date.
func (wd *wordDoc) agencyTable(s *docx.Section, d Document, number bool) *docx.Table {
	const motto, motto2 = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"
	wd.m.font("B", agencySize)
	rw := wd.m.width(motto) + 2
	lw := min(sectionWidth(s)-rw-2, 100)
	gap := sectionWidth(s) - lw - rw

	parent, _ := wd.lines(strings.ToUpper(pdfText(d.ParentAgency)), "", agencySize, lw)
	agency, widest := wd.lines(strings.ToUpper(pdfText(d.Agency)), "B", agencySize, lw)
	left := []*docx.Paragraph{
		para(parent, docx.Run{Size: agencySize}, docx.Center),
		para(agency, docx.Run{Bold: true, Size: agencySize}, docx.Center),
		rule(lw, max(widest*0.4, 18), 1),
	}
	wd.m.font("B", mottoSize)
	sw := wd.m.width(motto2)
	right := []*docx.Paragraph{
		para(motto, docx.Run{Bold: true, Size: agencySize}, docx.Center),
		para(motto2, docx.Run{Bold: true, Size: mottoSize}, docx.Center),
		rule(rw, sw, 1),
	}
	t := &docx.Table{Widths: []float64{lw, gap, rw}, CellPad: -1, Rows: []docx.Row{{CantSplit: true, Cells: []docx.Cell{{Paras: left}, {}, {Paras: right}}}}}
	if number {
		no := para(numberLine(d), docx.Run{Size: 13}, docx.Center)
		no.Before = 4 * mmPt
		date := para(pdfText(d.Place)+", "+dateOr(d.Date, true), docx.Run{Italic: true, Size: 13.5}, docx.Center)
		date.Before = 4 * mmPt
		t.Rows = append(t.Rows, docx.Row{CantSplit: true, Cells: []docx.Cell{{Paras: []*docx.Paragraph{no}}, {}, {Paras: []*docx.Paragraph{date}}}})
	}
	return t
}

// addressee writes "Kính gửi: …", centred for one recipient, as a list
// hanging from the label for several.
func (wd *wordDoc) addressee(s *docx.Section, d Document) {
	to := addressees(d)
	if len(to) == 0 {
		return
	}
	if len(to) == 1 {
		p := para("Kính gửi: "+to[0], docx.Run{}, docx.Center)
		p.Before = 4
		s.Blocks = append(s.Blocks, p)
		return
	}
	wd.m.font("", bodySize)
	x := sectionWidth(s) * 0.2
	label := wd.m.width("Kính gửi: ")
	for i, a := range to {
		end := ";"
		if i == len(to)-1 {
			end = "."
		}
		text := "- " + a + end
		p := para(text, docx.Run{}, docx.Left)
		p.Indent = docx.Indent{Left: x + label}
		if i == 0 {
			p.Runs[0].Text = "Kính gửi: " + text
			p.Indent.FirstLine = -label
			p.Before = 4
		}
		s.Blocks = append(s.Blocks, p)
	}
}

// addressees are the "Kính gửi" lines, cleaned.
func addressees(d Document) []string {
	var to []string
	for _, a := range d.Addressee {
		if a = strings.TrimRight(oneLine(a), ";."); a != "" {
			to = append(to, a)
		}
	}
	return to
}

// bodyPara is a paragraph of the body: justified, its first line indented,
// at the PDF's line height and spacing.
func bodyPara(p Para) *docx.Paragraph {
	out := &docx.Paragraph{Align: docx.Justify, Indent: docx.Indent{FirstLine: firstIndent}, Line: bodyLine * mmPt, LineExact: true, After: paraSpace * mmPt}
	if p.Bullet {
		out.Runs = append(out.Runs, docx.Run{Text: "- "})
	}
	for _, r := range p.Runs {
		out.Runs = append(out.Runs, docx.Run{Text: r.Text, Bold: r.Bold, Italic: r.Italic, Underline: r.Underline})
	}
	return out
}

// body writes the outline's body: headings as Word headings (numbered, in
// the navigation pane), paragraphs and list lines, the officer's sections
// as their paragraphs or, while empty, as a marked blank.
func (wd *wordDoc) body(s *docx.Section, blocks []Block) {
	for _, b := range blocks {
		switch b.Kind {
		case BlockHeading, BlockSubheading:
			p := bodyPara(Para{Runs: []Run{{Text: b.Number + " " + b.Para.Text()}}})
			p.Style, p.KeepNext, p.Before = "Heading1", true, mmPt
			if b.Kind == BlockSubheading {
				p.Style = "Heading2"
			}
			s.Blocks = append(s.Blocks, p)
		case BlockSection:
			sec := b.Section
			if sec.Empty() {
				if !sec.Optional {
					p := bodyPara(Para{})
					p.Align = docx.Left
					p.Runs = []docx.Run{{Text: sec.Blank(), Style: "Blank", Italic: true, Shade: blankShade}}
					s.Blocks = append(s.Blocks, p)
				}
				continue
			}
			for _, p := range sec.Paras {
				s.Blocks = append(s.Blocks, bodyPara(p))
			}
		default:
			s.Blocks = append(s.Blocks, bodyPara(b.Para))
		}
	}
}

// signature writes "Nơi nhận" on the left and the signer on the right,
// side by side, kept on one page.
func (wd *wordDoc) signature(s *docx.Section, d Document) {
	lw := sectionWidth(s) * 0.45
	left := []*docx.Paragraph{para("Nơi nhận:", docx.Run{Bold: true, Italic: true, Size: 12}, docx.Left)}
	for _, r := range recipientLines(d.Recipients) {
		left = append(left, para(r, docx.Run{Size: 11}, docx.Left))
	}
	var right []*docx.Paragraph
	for _, t := range signerTitles(d) {
		right = append(right, para(strings.ToUpper(t), docx.Run{Bold: true, Size: 13.5}, docx.Center))
	}
	name := para(pdfText(d.SignerName), docx.Run{Bold: true, Size: 14}, docx.Center)
	name.Before = 26 * mmPt // room for the signature and seal
	right = append(right, name)
	for _, p := range append(left, right...) {
		p.KeepNext, p.KeepLines = true, true
	}
	t := &docx.Table{Widths: []float64{lw, sectionWidth(s) - lw}, CellPad: -1, Rows: []docx.Row{{CantSplit: true, Cells: []docx.Cell{{Paras: left}, {Paras: right}}}}}
	gap := &docx.Paragraph{Line: 4 * mmPt, LineExact: true, KeepNext: true}
	s.Blocks = append(s.Blocks, gap, t)
}

// signerTitles are the signer's title lines, the dotted blank when unset.
func signerTitles(d Document) []string {
	titles := splitLines(pdfTrim(d.SignerTitle))
	if len(titles) == 0 {
		titles = []string{Blank}
	}
	return titles
}

// appendix writes an appendix in a section of its own, oriented as the
// PDF orients it: its title, the table, the notes, and the chart.
func (wd *wordDoc) appendix(a Appendix, d Document) {
	l := newTableLayout(wd.m, a.Table)
	s := wd.section(l.place())
	wd.appendixTitle(s, a.Label, a.Title, d)
	s.Blocks = append(s.Blocks, wd.table(l.t, l.widths, l.size, l.numbers))
	for i, n := range a.Notes {
		p := para(n, docx.Run{Italic: true, Size: 11}, docx.Justify)
		p.Before = 1 * mmPt
		if i == 0 {
			p.Before = 2 * mmPt
		}
		s.Blocks = append(s.Blocks, p)
	}
	if a.Chart != nil {
		s.Blocks = append(s.Blocks, wd.chart(s, a.Chart)...)
	}
}

// appendixTitle writes an appendix's label, its name in capitals and
// "(Kèm theo Báo cáo số … ngày …)" with a short rule under it.
func (wd *wordDoc) appendixTitle(s *docx.Section, label, name string, d Document) {
	text, _ := wd.lines(name, "B", 13.5, sectionWidth(s)-20)
	n := para(text, docx.Run{Bold: true, Size: 13.5}, docx.Center)
	n.Indent = docx.Indent{Left: 10, Right: 10}
	s.Blocks = append(s.Blocks,
		para(label, docx.Run{Bold: true, Size: 14}, docx.Center), n,
		para(attachedLine(d), docx.Run{Italic: true, Size: 13}, docx.Center),
		rule(sectionWidth(s), 30, 1.5*mmPt))
}

// attachedLine is "(Kèm theo Báo cáo số … ngày …)".
func attachedLine(d Document) string {
	d.DocNumber = pdfTrim(d.DocNumber)
	return "(Kèm theo Báo cáo số " + d.DocNumberText() + " " + dateOr(d.Date, true) + ")"
}

// cellPara is a table cell's paragraph.
func cellPara(text string, align int, bold, italic bool) *docx.Paragraph {
	a := docx.Left
	switch align {
	case alignCenter:
		a = docx.Center
	case alignRight:
		a = docx.Right
	}
	p := para(text, docx.Run{Bold: bold, Italic: italic}, a)
	p.Line = 1 // single, whatever the template's Normal style says
	return p
}

// table writes a table with its header rows (and the row of column
// numbers) repeated on every page, in the widths and size given.
func (wd *wordDoc) table(t *Table, widths []float64, size float64, numbers []string) *docx.Table {
	// The columns are the PDF's; a narrower padding than the PDF's
	// leaves Word and LibreOffice room for their rounding.
	out := &docx.Table{Widths: widths, Borders: true, FontSize: size, CellPad: pdfCellPad / 2, CellPadV: 1.2}
	head := func(cells []string) docx.Row {
		r := docx.Row{Header: true, CantSplit: true}
		for _, c := range cells {
			r.Cells = append(r.Cells, docx.Cell{Paras: []*docx.Paragraph{cellPara(c, alignCenter, true, false)}, VAlign: docx.VCenter})
		}
		return r
	}
	out.Rows = append(out.Rows, head(t.Head))
	if t.Numbers {
		out.Rows = append(out.Rows, head(numbers))
	}
	for _, r := range t.Rows {
		row := docx.Row{CantSplit: true}
		if r.Across {
			row.Cells = []docx.Cell{{Span: len(widths), Paras: []*docx.Paragraph{cellPara(r.Cells[0], alignLeft, r.Bold, r.Italic)}}}
			out.Rows = append(out.Rows, row)
			continue
		}
		for c, text := range r.Cells {
			bold := r.Bold || c < len(t.BoldCol) && t.BoldCol[c]
			row.Cells = append(row.Cells, docx.Cell{Paras: []*docx.Paragraph{cellPara(text, t.Align[c], bold, r.Italic)}, VAlign: docx.VCenter})
		}
		out.Rows = append(out.Rows, row)
	}
	lineHeight(out, size)
	return out
}

// lineHeight gives a table's lines the PDF's height, 1,25 times the font
// size, so that its rows and pages break where the PDF's do.
func lineHeight(t *docx.Table, size float64) {
	for _, r := range t.Rows {
		for _, c := range r.Cells {
			for _, p := range c.Paras {
				p.Line, p.LineExact = size*1.25, true
			}
		}
	}
}

// chart writes the chart as a Word chart under its caption, its note
// under it: the years lacking a unit's report pale, as in the PDF, the
// values in the Vietnamese format whatever the reader's locale.
func (wd *wordDoc) chart(s *docx.Section, c *Chart) []docx.Block {
	cap := para(c.Caption, docx.Run{Bold: true, Size: 12}, docx.Center)
	cap.Before, cap.KeepNext = 4*mmPt, true
	ch := &docx.Chart{Width: min(sectionWidth(s), 240), Height: 80, Name: c.Unit, Color: "3E6496", PaleColor: "CDD8E8", FontSize: 8, Format: vnNumberFormat(c)}
	var top int64
	for i, y := range c.Years {
		label := strconv.Itoa(y)
		if c.Marked[i] {
			label += " (*)"
		}
		ch.Categories = append(ch.Categories, label)
		ch.Values = append(ch.Values, float64(c.Values[i])/100)
		ch.Known = append(ch.Known, c.Known[i])
		ch.Pale = append(ch.Pale, c.Marked[i])
		if c.Known[i] {
			top = max(top, int64(c.Values[i]))
		}
	}
	step := niceStep(top)
	ch.Step = float64(step) / 100
	ch.Max = float64(step*max(1, (top+step-1)/step)) / 100
	note := para(c.Note, docx.Run{Italic: true, Size: 10}, docx.Center)
	note.Before = 1
	return []docx.Block{cap, ch, note}
}

// vnNumberFormat is a number format that writes a chart's whole figures as
// officers do (17.980, 1.577.960) in any locale: the dots are literal.
func vnNumberFormat(c *Chart) string {
	return `[>=1000000]#\.###\.##0;[>=1000]#\.##0;0`
}
