package docx

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Chart is a column chart of one series, as a Word chart: Word and
// LibreOffice draw it from the values it carries (there is no workbook
// behind it), in a paragraph of its own, centred.
type Chart struct {
	Width, Height float64 // mm
	Name          string  // the series' name
	Categories    []string
	Values        []float64
	Known         []bool  // a category without a value is left empty
	Pale          []bool  // a column drawn in PaleColor: a year lacking reports
	Color         string  // "RRGGBB" of the columns
	PaleColor     string  // "RRGGBB"
	Format        string  // number format of the labels and the axis
	FontSize      float64 // pt, of every label
	Font          string  // "": Times New Roman
	Max, Step     float64 // the value axis' top and step; 0: automatic
}

func (*Chart) block() {}

const (
	nsC      = "http://schemas.openxmlformats.org/drawingml/2006/chart"
	nsA      = "http://schemas.openxmlformats.org/drawingml/2006/main"
	relChart = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart"
	ctChart  = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
	emuPerMM = 36000
)

// drawing writes the paragraph holding chart number n (its relationship
// rIdChartN).
func (x *xw) drawing(c *Chart, n int) {
	cx, cy := int(math.Round(c.Width*emuPerMM)), int(math.Round(c.Height*emuPerMM))
	x.s(`<w:p><w:pPr><w:keepLines/><w:spacing w:before="0" w:after="0"/><w:jc w:val="center"/></w:pPr><w:r><w:drawing>`)
	fmt.Fprintf(x, `<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="%d" cy="%d"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:docPr id="%d" name="%s"/><wp:cNvGraphicFramePr/>`,
		cx, cy, n, escape("Biểu đồ "+strconv.Itoa(n), true))
	x.s(`<a:graphic><a:graphicData uri="` + nsC + `"><c:chart r:id="rIdChart` + strconv.Itoa(n) + `"/></a:graphicData></a:graphic></wp:inline>`)
	x.s(`</w:drawing></w:r></w:p>`)
}

// chartXML writes the chart part: one bar series with literal categories
// and values, the pale columns as data points of their own, the values
// above the columns, grid lines, no legend.
func chartXML(c *Chart) string {
	x := &xw{}
	font := c.Font
	if font == "" {
		font = "Times New Roman"
	}
	size := strconv.Itoa(int(math.Round(max(c.FontSize, 6) * 100)))
	txPr := `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="` + size + `" b="0"><a:solidFill><a:srgbClr val="000000"/></a:solidFill><a:latin typeface="` + escape(font, true) + `"/><a:cs typeface="` + escape(font, true) + `"/></a:defRPr></a:pPr><a:endParaRPr lang="vi-VN"/></a:p></c:txPr>`
	format := escape(c.Format, true)
	if format == "" {
		format = "General"
	}
	x.s(xmlHead + `<c:chartSpace xmlns:c="` + nsC + `" xmlns:a="` + nsA + `" xmlns:r="` + nsR + `">`)
	x.s(`<c:date1904 val="0"/><c:lang val="vi-VN"/><c:roundedCorners val="0"/><c:chart><c:autoTitleDeleted val="1"/><c:plotArea><c:layout/>`)
	x.s(`<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>`)
	x.s(`<c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:v>` + escape(c.Name, false) + `</c:v></c:tx>`)
	x.s(`<c:spPr><a:solidFill><a:srgbClr val="` + escape(c.Color, true) + `"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>`)
	for i := range c.Categories {
		if i < len(c.Pale) && c.Pale[i] {
			fmt.Fprintf(x, `<c:dPt><c:idx val="%d"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/><c:spPr><a:solidFill><a:srgbClr val="%s"/></a:solidFill><a:ln w="9525"><a:solidFill><a:srgbClr val="%s"/></a:solidFill><a:prstDash val="dash"/></a:ln></c:spPr></c:dPt>`,
				i, escape(c.PaleColor, true), escape(c.Color, true))
		}
	}
	x.s(`<c:dLbls><c:numFmt formatCode="` + format + `" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>` + txPr +
		`<c:dLblPos val="outEnd"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>`)
	fmt.Fprintf(x, `<c:cat><c:strLit><c:ptCount val="%d"/>`, len(c.Categories))
	for i, cat := range c.Categories {
		fmt.Fprintf(x, `<c:pt idx="%d"><c:v>%s</c:v></c:pt>`, i, escape(cat, false))
	}
	fmt.Fprintf(x, `</c:strLit></c:cat><c:val><c:numLit><c:formatCode>%s</c:formatCode><c:ptCount val="%d"/>`, format, len(c.Categories))
	for i, v := range c.Values {
		if i < len(c.Known) && !c.Known[i] {
			continue
		}
		fmt.Fprintf(x, `<c:pt idx="%d"><c:v>%s</c:v></c:pt>`, i, strconv.FormatFloat(v, 'f', -1, 64))
	}
	x.s(`</c:numLit></c:val></c:ser>`)
	x.s(`<c:gapWidth val="60"/><c:axId val="111"/><c:axId val="222"/></c:barChart>`)
	x.s(`<c:catAx><c:axId val="111"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
		`<c:spPr><a:ln w="9525"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln></c:spPr>` + txPr + `<c:crossAx val="222"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`)
	x.s(`<c:valAx><c:axId val="222"/><c:scaling><c:orientation val="minMax"/>`)
	if c.Max > 0 {
		x.s(`<c:max val="` + strconv.FormatFloat(c.Max, 'f', -1, 64) + `"/><c:min val="0"/>`)
	}
	x.s(`</c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines><c:spPr><a:ln w="3175"><a:solidFill><a:srgbClr val="BEBEBE"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>`)
	x.s(`<c:numFmt formatCode="` + format + `" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>`)
	x.s(`<c:spPr><a:ln w="9525"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln></c:spPr>` + txPr + `<c:crossAx val="111"/><c:crosses val="autoZero"/><c:crossBetween val="between"/>`)
	if c.Step > 0 {
		x.s(`<c:majorUnit val="` + strconv.FormatFloat(c.Step, 'f', -1, 64) + `"/>`)
	}
	x.s(`</c:valAx><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr></c:plotArea><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>`)
	x.s(`<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr></c:chartSpace>`)
	return x.String()
}

// charts are the document's charts in order.
func (d *Document) charts() []*Chart {
	var out []*Chart
	for _, s := range d.Sections {
		for _, b := range s.Blocks {
			if c, ok := b.(*Chart); ok {
				out = append(out, c)
			}
		}
	}
	return out
}

// chartOverrides are the content types of n charts.
func chartOverrides(n int) string {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		b.WriteString(`<Override PartName="/word/charts/chart` + strconv.Itoa(i) + `.xml" ContentType="` + ctChart + `"/>`)
	}
	return b.String()
}
