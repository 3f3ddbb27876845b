package report

import (
	"fmt"
	"io"
	"strconv"

	"github.com/tongket/tongket/docx"
	"github.com/tongket/tongket/roster"
)

// WriteRosterWord writes the award roster as a .docx, the same document as
// WriteRosterPDF: on A4 landscape, the agency block and motto, "Phụ lục
// III" with its name, the list with its header rows repeated on every
// page, the counts line and the counts table. Pages are numbered from the
// second.
func WriteRosterWord(w io.Writer, e roster.Export, d Document) error {
	return WriteRosterDocWord(w, BuildRoster(e), d)
}

// WriteRosterDocWord draws a roster document as WriteRosterWord does.
func WriteRosterDocWord(w io.Writer, r *RosterDoc, d Document) error {
	wd := newWordDoc(d)
	wd.doc.Title, wd.doc.Subject = r.Name, "Danh sách khen thưởng"
	s := wd.section(true)
	s.Blocks = append(s.Blocks, wd.agencyTable(s, d, false), &docx.Paragraph{Line: 7 * mmPt, LineExact: true})
	wd.appendixTitle(s, r.Label, r.Title, d)
	rt := newRosterTable(wd.m, r.List, sectionWidth(s))
	s.Blocks = append(s.Blocks, wd.table(r.List, rt.widths, rt.size, colNumbers(len(r.List.Head))))
	line := bodyPara(Para{Runs: []Run{{Text: r.Line, Bold: true}}})
	line.Before = 3 * mmPt
	for i := range line.Runs {
		line.Runs[i].Size = 13
	}
	caption := para(r.CountsTitle, docx.Run{Bold: true, Size: 13}, docx.Center)
	caption.Before, caption.After, caption.KeepNext = 6*mmPt, 2*mmPt, true
	s.Blocks = append(s.Blocks, line, caption, wd.counts(r.Counts, rt.size, sectionWidth(s)))
	if _, err := wd.doc.WriteTo(w); err != nil {
		return fmt.Errorf("write roster docx: %w", err)
	}
	return nil
}

// colNumbers are "(1)", "(2)", … for n columns.
func colNumbers(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = "(" + strconv.Itoa(i+1) + ")"
	}
	return out
}

// counts writes a FitCounts table, centred, in the PDF's widths: two
// header rows (the spans over their columns, the other headings merged
// down), then the rows, a first cell spanning its Join columns.
func (wd *wordDoc) counts(t *Table, size, width float64) *docx.Table {
	widths := countsWidths(wd.m, t, size, width)
	out := &docx.Table{Widths: widths, Borders: true, Center: true, FontSize: size, CellPad: pdfCellPad / 2, CellPadV: 1.2}
	headCell := func(text string, span int, merge docx.VMerge) docx.Cell {
		c := docx.Cell{Span: span, Merge: merge, VAlign: docx.VCenter}
		if merge != docx.MergeContinue {
			c.Paras = []*docx.Paragraph{cellPara(text, alignCenter, true, false)}
		}
		return c
	}
	top, under := docx.Row{Header: true, CantSplit: true}, docx.Row{Header: true, CantSplit: true}
	for c := 0; c < len(t.Head); c++ {
		sp, ok := underSpan(t, c)
		switch {
		case !ok && len(t.Over) == 0:
			top.Cells = append(top.Cells, headCell(t.Head[c], 1, docx.NoMerge))
		case !ok:
			top.Cells = append(top.Cells, headCell(t.Head[c], 1, docx.MergeStart))
			under.Cells = append(under.Cells, headCell("", 1, docx.MergeContinue))
		default:
			if c == sp.From {
				top.Cells = append(top.Cells, headCell(sp.Text, sp.To-sp.From+1, docx.NoMerge))
			}
			under.Cells = append(under.Cells, headCell(t.Head[c], 1, docx.NoMerge))
		}
	}
	out.Rows = append(out.Rows, top)
	if len(t.Over) > 0 {
		out.Rows = append(out.Rows, under)
	}
	for _, r := range t.Rows {
		row := docx.Row{CantSplit: true}
		for c := 0; c < len(r.Cells); c++ {
			span := 1
			if c == 0 && r.Join > 1 {
				span = r.Join
			}
			bold := r.Bold || c < len(t.BoldCol) && t.BoldCol[c]
			align := t.Align[c]
			if span > 1 {
				align = alignCenter
			}
			row.Cells = append(row.Cells, docx.Cell{Span: span, VAlign: docx.VCenter, Paras: []*docx.Paragraph{cellPara(r.Cells[c], align, bold, r.Italic)}})
			c += span - 1
		}
		out.Rows = append(out.Rows, row)
	}
	lineHeight(out, size)
	// Caption and table on one page, as in the PDF: every row keeps with
	// the next.
	for _, r := range out.Rows[:len(out.Rows)-1] {
		for _, c := range r.Cells {
			for _, p := range c.Paras {
				p.KeepNext = true
			}
		}
	}
	return out
}
