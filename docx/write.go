package docx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
)

// Namespaces and relationship types of the parts written.
const (
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR       = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsWP      = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
	nsRels    = "http://schemas.openxmlformats.org/package/2006/relationships"
	relDoc    = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
	relCore   = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
	relStyles = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
	relSet    = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings"
	relHeader = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
	ctMain    = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
)

// A4 in millimetres.
const a4W, a4H = 210.0, 297.0

func twips(mm float64) int      { return int(math.Round(mm * 1440 / 25.4)) }
func halfPoints(pt float64) int { return int(math.Round(pt * 2)) }
func ptTwips(pt float64) int    { return int(math.Round(pt * 20)) }

// WriteTo writes the document as a .docx package.
func (d *Document) WriteTo(w io.Writer) (int64, error) {
	cw := &countWriter{w: w}
	if err := d.write(cw); err != nil {
		return cw.n, fmt.Errorf("write docx: %w", err)
	}
	return cw.n, nil
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

func (d *Document) write(w io.Writer) error {
	stamp := d.Created
	if stamp.IsZero() {
		stamp = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	body, headers := d.documentXML()
	charts := d.charts()
	parts := []struct{ name, data string }{
		{"[Content_Types].xml", d.contentTypes(len(headers), len(charts))},
		{"_rels/.rels", rootRels},
		{"docProps/core.xml", d.coreXML(stamp)},
		{"word/document.xml", body},
		{"word/_rels/document.xml.rels", documentRels(len(headers), len(charts))},
		{"word/styles.xml", d.stylesXML()},
		{"word/settings.xml", d.settingsXML()},
	}
	for i, h := range headers {
		parts = append(parts, struct{ name, data string }{"word/header" + strconv.Itoa(i+1) + ".xml", h})
	}
	for i, c := range charts {
		parts = append(parts, struct{ name, data string }{"word/charts/chart" + strconv.Itoa(i+1) + ".xml", chartXML(c)})
	}
	z := zip.NewWriter(w)
	for _, p := range parts {
		f, err := z.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: stamp.UTC()})
		if err != nil {
			return err
		}
		if _, err := io.WriteString(f, p.data); err != nil {
			return err
		}
	}
	return z.Close()
}

const xmlHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

const rootRels = xmlHead + `<Relationships xmlns="` + nsRels + `">` +
	`<Relationship Id="rId1" Type="` + relDoc + `" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="` + relCore + `" Target="docProps/core.xml"/>` +
	`</Relationships>`

func (d *Document) contentTypes(headers, charts int) string {
	var b strings.Builder
	b.WriteString(xmlHead + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`)
	b.WriteString(`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>`)
	b.WriteString(`<Default Extension="xml" ContentType="application/xml"/>`)
	b.WriteString(`<Override PartName="/word/document.xml" ContentType="` + ctMain + `"/>`)
	b.WriteString(`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>`)
	b.WriteString(`<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>`)
	for i := 1; i <= headers; i++ {
		b.WriteString(`<Override PartName="/word/header` + strconv.Itoa(i) + `.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>`)
	}
	b.WriteString(chartOverrides(charts))
	b.WriteString(`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>`)
	b.WriteString(`</Types>`)
	return b.String()
}

// documentRels: rId1 styles, rId2 settings, rId3… the headers, rIdChart1…
// the charts.
func documentRels(headers, charts int) string {
	var b strings.Builder
	b.WriteString(xmlHead + `<Relationships xmlns="` + nsRels + `">`)
	b.WriteString(`<Relationship Id="rId1" Type="` + relStyles + `" Target="styles.xml"/>`)
	b.WriteString(`<Relationship Id="rId2" Type="` + relSet + `" Target="settings.xml"/>`)
	for i := 1; i <= headers; i++ {
		fmt.Fprintf(&b, `<Relationship Id="rId%d" Type="%s" Target="header%d.xml"/>`, i+2, relHeader, i)
	}
	for i := 1; i <= charts; i++ {
		fmt.Fprintf(&b, `<Relationship Id="rIdChart%d" Type="%s" Target="charts/chart%d.xml"/>`, i, relChart, i)
	}
	b.WriteString(`</Relationships>`)
	return b.String()
}

func (d *Document) coreXML(stamp time.Time) string {
	var b strings.Builder
	b.WriteString(xmlHead + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	for _, p := range []struct{ tag, v string }{{"dc:title", d.Title}, {"dc:subject", d.Subject}, {"dc:creator", d.Creator}, {"dc:language", d.lang()}} {
		if p.v != "" {
			b.WriteString("<" + p.tag + ">" + escape(p.v, false) + "</" + p.tag + ">")
		}
	}
	t := stamp.UTC().Format("2006-01-02T15:04:05Z")
	b.WriteString(`<dcterms:created xsi:type="dcterms:W3CDTF">` + t + `</dcterms:created>`)
	b.WriteString(`<dcterms:modified xsi:type="dcterms:W3CDTF">` + t + `</dcterms:modified>`)
	b.WriteString(`</cp:coreProperties>`)
	return b.String()
}

func (d *Document) font() string {
	if d.Font == "" {
		return "Times New Roman"
	}
	return d.Font
}

func (d *Document) size() float64 {
	if d.Size <= 0 {
		return 14
	}
	return d.Size
}

func (d *Document) lang() string {
	if d.Lang == "" {
		return "vi-VN"
	}
	return d.Lang
}

func (d *Document) settingsXML() string {
	return xmlHead + `<w:settings xmlns:w="` + nsW + `">` +
		`<w:zoom w:percent="100"/>` +
		`<w:defaultTabStop w:val="720"/>` +
		`<w:characterSpacingControl w:val="doNotCompress"/>` +
		`<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>` +
		`<w:themeFontLang w:val="` + escape(d.lang(), true) + `"/>` +
		`</w:settings>`
}

// documentXML writes the body and returns it with the headers it refers
// to: header1 the page number, header2 the empty first-page header (when a
// section needs it).
func (d *Document) documentXML() (string, []string) {
	x := &xw{}
	x.s(xmlHead + `<w:document xmlns:w="` + nsW + `" xmlns:r="` + nsR + `" xmlns:wp="` + nsWP + `" xmlns:a="` + nsA + `" xmlns:c="` + nsC + `"><w:body>`)
	sections := d.Sections
	if len(sections) == 0 {
		sections = []*Section{{}}
	}
	numbers, blank := false, false
	for _, s := range sections {
		numbers = numbers || s.PageNumbers
		blank = blank || s.NoFirstNumber
	}
	var headers []string
	ids := headerIDs{}
	if numbers {
		headers = append(headers, headerXML(d.numberSize(sections)))
		ids.number = "rId" + strconv.Itoa(len(headers)+2)
	}
	if blank {
		headers = append(headers, headerXML(0))
		ids.blank = "rId" + strconv.Itoa(len(headers)+2)
	}
	charts := 0
	for i, s := range sections {
		last := i == len(sections)-1
		blocks := s.Blocks
		// A section ends with a paragraph, which carries its break; the
		// document too, or LibreOffice forgets the last orientation.
		var end *Paragraph
		if n := len(blocks); n > 0 {
			end, _ = blocks[n-1].(*Paragraph)
		}
		if end == nil {
			end = &Paragraph{Size: 1, Line: 1, LineExact: true}
			blocks = append(blocks[:len(blocks):len(blocks)], end)
		}
		for _, b := range blocks {
			switch b := b.(type) {
			case *Paragraph:
				var sect *Section
				if b == end && !last {
					sect = s
				}
				x.para(b, sect, ids)
			case *Table:
				x.table(b)
			case *Chart:
				charts++
				x.drawing(b, charts)
			}
		}
		if last {
			x.sectPr(s, ids)
		}
	}
	x.s(`</w:body></w:document>`)
	return x.String(), headers
}

func (d *Document) numberSize(sections []*Section) float64 {
	for _, s := range sections {
		if s.PageNumbers && s.NumberSize > 0 {
			return s.NumberSize
		}
	}
	return 13
}

// headerIDs are the relationship IDs of the page-number header and of the
// empty first-page header.
type headerIDs struct{ number, blank string }

// headerXML is a header holding a centred PAGE field of size pt, or an
// empty paragraph when size is 0.
func headerXML(size float64) string {
	x := &xw{}
	x.s(xmlHead + `<w:hdr xmlns:w="` + nsW + `" xmlns:r="` + nsR + `">`)
	p := &Paragraph{Style: "Header"}
	if size > 0 {
		p.Align = Center
		p.Runs = []Run{{Field: "PAGE", Text: "2", Size: size}}
	}
	x.para(p, nil, headerIDs{})
	x.s(`</w:hdr>`)
	return x.String()
}

// xw builds XML text.
type xw struct{ bytes.Buffer }

func (x *xw) s(s string) { x.WriteString(s) }

// val writes <w:tag w:val="v"/>.
func (x *xw) val(tag string, v any) {
	x.s(`<w:` + tag + ` w:val="`)
	switch v := v.(type) {
	case string:
		x.s(escape(v, true))
	case int:
		x.s(strconv.Itoa(v))
	}
	x.s(`"/>`)
}

// para writes a paragraph; sect, when set, is the section it ends.
func (x *xw) para(p *Paragraph, sect *Section, ids headerIDs) {
	x.s(`<w:p>`)
	x.pPr(p, sect, ids)
	for _, r := range p.Runs {
		x.run(r)
	}
	x.s(`</w:p>`)
}

// pPr writes the paragraph properties in the schema's order (CT_PPr:
// pStyle, keepNext, keepLines, pageBreakBefore, …, pBdr, …, spacing, ind,
// …, jc, …, outlineLvl, …, rPr, sectPr).
func (x *xw) pPr(p *Paragraph, sect *Section, ids headerIDs) {
	var b xw
	if p.Style != "" {
		b.val("pStyle", p.Style)
	}
	if p.KeepNext {
		b.s(`<w:keepNext/>`)
	}
	if p.KeepLines {
		b.s(`<w:keepLines/>`)
	}
	if p.PageBreak {
		b.s(`<w:pageBreakBefore/>`)
	}
	switch p.Rule {
	case RuleTop:
		b.s(`<w:pBdr><w:top w:val="single" w:sz="6" w:space="1" w:color="auto"/></w:pBdr>`)
	case RuleBottom:
		b.s(`<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="auto"/></w:pBdr>`)
	}
	if p.Before != 0 || p.After != 0 || p.Line != 0 {
		b.s(`<w:spacing w:before="` + strconv.Itoa(ptTwips(p.Before)) + `" w:after="` + strconv.Itoa(ptTwips(p.After)) + `"`)
		switch {
		case p.LineExact:
			b.s(` w:line="` + strconv.Itoa(ptTwips(p.Line)) + `" w:lineRule="exact"`)
		case p.Line > 0:
			b.s(` w:line="` + strconv.Itoa(int(math.Round(p.Line*240))) + `" w:lineRule="auto"`)
		}
		b.s(`/>`)
	}
	if in := p.Indent; in != (Indent{}) {
		b.s(`<w:ind w:left="` + strconv.Itoa(twips(in.Left)) + `" w:right="` + strconv.Itoa(twips(in.Right)) + `"`)
		switch {
		case in.FirstLine > 0:
			b.s(` w:firstLine="` + strconv.Itoa(twips(in.FirstLine)) + `"`)
		case in.FirstLine < 0:
			b.s(` w:hanging="` + strconv.Itoa(twips(-in.FirstLine)) + `"`)
		}
		b.s(`/>`)
	}
	switch p.Align {
	case Left:
		b.val("jc", "left")
	case Center:
		b.val("jc", "center")
	case Right:
		b.val("jc", "right")
	case Justify:
		b.val("jc", "both")
	}
	if p.Outline > 0 && p.Outline <= 9 {
		b.val("outlineLvl", p.Outline-1)
	}
	if p.Size > 0 {
		b.s(`<w:rPr>`)
		b.val("sz", halfPoints(p.Size))
		b.val("szCs", halfPoints(p.Size))
		b.s(`</w:rPr>`)
	}
	if sect != nil {
		b.sectPr(sect, ids)
	}
	if b.Len() > 0 {
		x.s(`<w:pPr>`)
		x.Write(b.Bytes())
		x.s(`</w:pPr>`)
	}
}

// rPr writes run properties in the schema's order (rStyle, rFonts, b, bCs,
// i, iCs, …, color, …, sz, szCs, highlight, u, …).
func (x *xw) rPr(r Run) {
	if !r.Bold && !r.Italic && !r.Underline && r.Size == 0 && r.Color == "" && r.Highlight == "" && r.Style == "" && r.Font == "" && r.Shade == "" {
		return
	}
	x.s(`<w:rPr>`)
	if r.Style != "" {
		x.val("rStyle", r.Style)
	}
	if r.Font != "" {
		f := escape(r.Font, true)
		x.s(`<w:rFonts w:ascii="` + f + `" w:hAnsi="` + f + `" w:eastAsia="` + f + `" w:cs="` + f + `"/>`)
	}
	if r.Bold {
		x.s(`<w:b/><w:bCs/>`)
	}
	if r.Italic {
		x.s(`<w:i/><w:iCs/>`)
	}
	if r.Color != "" {
		x.val("color", r.Color)
	}
	if r.Size > 0 {
		x.val("sz", halfPoints(r.Size))
		x.val("szCs", halfPoints(r.Size))
	}
	if r.Highlight != "" {
		x.val("highlight", r.Highlight)
	}
	if r.Underline {
		x.val("u", "single")
	}
	if r.Shade != "" {
		x.s(`<w:shd w:val="clear" w:color="auto" w:fill="` + escape(r.Shade, true) + `"/>`)
	}
	x.s(`</w:rPr>`)
}

// run writes a run; line breaks and tabs in its text become <w:br/> and
// <w:tab/>, a field its begin, instruction, separator, result and end.
func (x *xw) run(r Run) {
	if r.Field != "" {
		for _, part := range []string{`<w:fldChar w:fldCharType="begin"/>`,
			`<w:instrText xml:space="preserve"> ` + escape(r.Field, false) + ` </w:instrText>`,
			`<w:fldChar w:fldCharType="separate"/>`, "", `<w:fldChar w:fldCharType="end"/>`} {
			x.s(`<w:r>`)
			x.rPr(r)
			if part == "" {
				x.s(`<w:t>` + escape(r.Text, false) + `</w:t>`)
			} else {
				x.s(part)
			}
			x.s(`</w:r>`)
		}
		return
	}
	x.s(`<w:r>`)
	x.rPr(r)
	text := clean(r.Text)
	for len(text) > 0 {
		i := strings.IndexAny(text, "\n\t")
		if i < 0 {
			i = len(text)
		}
		if i > 0 {
			x.s(`<w:t xml:space="preserve">` + escape(text[:i], false) + `</w:t>`)
		}
		if i < len(text) {
			if text[i] == '\n' {
				x.s(`<w:br/>`)
			} else {
				x.s(`<w:tab/>`)
			}
			i++
		}
		text = text[i:]
	}
	x.s(`</w:r>`)
}

// sectPr writes a section's properties (headerReference, type, pgSz,
// pgMar, pgNumType, cols, titlePg, docGrid in the schema's order).
func (x *xw) sectPr(s *Section, ids headerIDs) {
	x.s(`<w:sectPr>`)
	if s.PageNumbers && ids.number != "" {
		x.s(`<w:headerReference w:type="default" r:id="` + ids.number + `"/>`)
	} else if ids.blank != "" {
		x.s(`<w:headerReference w:type="default" r:id="` + ids.blank + `"/>`)
	}
	if s.NoFirstNumber && ids.blank != "" {
		x.s(`<w:headerReference w:type="first" r:id="` + ids.blank + `"/>`)
	}
	x.s(`<w:type w:val="nextPage"/>`)
	w, h, orient := a4W, a4H, ""
	if s.Landscape {
		w, h, orient = a4H, a4W, ` w:orient="landscape"`
	}
	x.s(`<w:pgSz w:w="` + strconv.Itoa(twips(w)) + `" w:h="` + strconv.Itoa(twips(h)) + `"` + orient + `/>`)
	m := s.Margins
	header := m.Header
	if header <= 0 {
		header = m.Top / 2
	}
	fmt.Fprintf(x, `<w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="%d" w:footer="%d" w:gutter="0"/>`,
		twips(m.Top), twips(m.Right), twips(m.Bottom), twips(m.Left), twips(header), twips(m.Bottom/2))
	x.s(`<w:cols w:space="720"/>`)
	if s.NoFirstNumber {
		x.s(`<w:titlePg/>`)
	}
	x.s(`<w:docGrid w:linePitch="360"/>`)
	x.s(`</w:sectPr>`)
}

// table writes a table: its properties, grid and rows.
func (x *xw) table(t *Table) {
	x.s(`<w:tbl><w:tblPr>`)
	total := 0
	for _, w := range t.Widths {
		total += twips(w)
	}
	x.s(`<w:tblW w:w="` + strconv.Itoa(total) + `" w:type="dxa"/>`)
	if t.Center {
		x.val("jc", "center")
	}
	x.s(`<w:tblBorders>`)
	for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
		if t.Borders {
			x.s(`<w:` + side + ` w:val="single" w:sz="4" w:space="0" w:color="auto"/>`)
		} else {
			x.s(`<w:` + side + ` w:val="nil"/>`)
		}
	}
	x.s(`</w:tblBorders>`)
	x.s(`<w:tblLayout w:type="fixed"/>`)
	pad := t.CellPad
	switch {
	case pad == 0:
		pad = 1.2
	case pad < 0:
		pad = 0
	}
	h, v := strconv.Itoa(twips(pad)), strconv.Itoa(twips(t.CellPadV))
	x.s(`<w:tblCellMar><w:top w:w="` + v + `" w:type="dxa"/><w:left w:w="` + h + `" w:type="dxa"/><w:bottom w:w="` + v + `" w:type="dxa"/><w:right w:w="` + h + `" w:type="dxa"/></w:tblCellMar>`)
	x.s(`<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>`)
	x.s(`</w:tblPr><w:tblGrid>`)
	for _, w := range t.Widths {
		x.s(`<w:gridCol w:w="` + strconv.Itoa(twips(w)) + `"/>`)
	}
	x.s(`</w:tblGrid>`)
	for _, r := range t.Rows {
		x.row(t, r)
	}
	x.s(`</w:tbl>`)
}

func (x *xw) row(t *Table, r Row) {
	x.s(`<w:tr>`)
	if r.CantSplit || r.Header {
		x.s(`<w:trPr>`)
		if r.CantSplit {
			x.s(`<w:cantSplit/>`)
		}
		if r.Header {
			x.s(`<w:tblHeader/>`)
		}
		x.s(`</w:trPr>`)
	}
	col := 0
	for _, c := range r.Cells {
		span := max(c.Span, 1)
		w := 0.0
		for i := col; i < col+span && i < len(t.Widths); i++ {
			w += t.Widths[i]
		}
		col += span
		x.s(`<w:tc><w:tcPr><w:tcW w:w="` + strconv.Itoa(twips(w)) + `" w:type="dxa"/>`)
		if span > 1 {
			x.val("gridSpan", span)
		}
		switch c.Merge {
		case MergeStart:
			x.val("vMerge", "restart")
		case MergeContinue:
			x.s(`<w:vMerge/>`)
		}
		if c.Shade != "" {
			x.s(`<w:shd w:val="clear" w:color="auto" w:fill="` + escape(c.Shade, true) + `"/>`)
		}
		switch c.VAlign {
		case VCenter:
			x.val("vAlign", "center")
		case VBottom:
			x.val("vAlign", "bottom")
		}
		x.s(`</w:tcPr>`)
		paras := c.Paras
		if len(paras) == 0 {
			paras = []*Paragraph{{}} // a cell holds at least one paragraph
		}
		for _, p := range paras {
			if t.FontSize > 0 || t.Font != "" {
				p = sized(p, t.FontSize, t.Font)
			}
			x.para(p, nil, headerIDs{})
		}
		x.s(`</w:tc>`)
	}
	x.s(`</w:tr>`)
}

// sized is p with every run and its mark in size pt and font, where they
// have none of their own.
func sized(p *Paragraph, size float64, font string) *Paragraph {
	q := *p
	if q.Size == 0 {
		q.Size = size
	}
	q.Runs = make([]Run, len(p.Runs))
	for i, r := range p.Runs {
		if r.Size == 0 {
			r.Size = size
		}
		if r.Font == "" {
			r.Font = font
		}
		q.Runs[i] = r
	}
	return &q
}
