package submission

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/tongket/tongket/finding"
	"github.com/tongket/tongket/lang"
	"github.com/tongket/tongket/vn"
	"github.com/tongket/tongket/xlsx"
)

// Text typed in the old Vietnamese fonts (TCVN3 ".VnTime", VNI "VNI-Times")
// is stored as Latin-1 characters that only look Vietnamese in that font.
// Every text cell of a row is converted by its font (a rich-text string's
// run font first, then the cell's format) before the row is read, so
// labels, unit lines, indicator names and numbers typed as text all read
// as Unicode. The cells whose converted text the reader actually used are
// named in one legacy-encoding warning per file; a unit or indicator name
// that still looks garbled is a legacy-encoding error at its cell.

// maxListedCells bounds the cells named in the warning.
const maxListedCells = 20

// legacyCell is a cell whose text was converted.
type legacyCell struct {
	ref      string
	row, col int
	enc      vn.Encoding
	font     string
}

// legacyState is the reader's record of conversions.
type legacyState struct {
	styleEnc []uint8                // by cell format: 0 not looked up yet, else encoding+1
	fontEnc  map[string]vn.Encoding // run fonts looked up
	buf      []xlsx.Cell            // the converted copy of the current row
	cur      []legacyCell           // converted cells of the current row
	early    map[string]legacyCell  // converted cells of the rows a header may follow, by sheet!ref
	sheet    string                 // sheet of the used cells

	used  []legacyCell // the first maxListedCells cells used
	nUsed int
}

// legacyRow returns row with the text of legacy-font cells converted. The
// row's own Cells are not changed: a converted row is a copy, valid until
// the next call.
func (r *reader) legacyRow(sheet string, row xlsx.Row) xlsx.Row {
	l := &r.legacy
	l.cur = l.cur[:0]
	copied := false
	for i, c := range row.Cells {
		if c.Kind != xlsx.Text || !vn.MayConvert(c.Value) {
			continue // spares looking up the cell's font
		}
		enc, font := r.cellEncoding(c)
		if enc == vn.Unicode {
			continue
		}
		out, changed := enc.Convert(c.Value)
		if !changed {
			continue
		}
		if !copied {
			l.buf = append(l.buf[:0], row.Cells...)
			row.Cells, copied = l.buf, true
		}
		row.Cells[i].Value = out
		lc := legacyCell{ref: c.Ref, row: row.Num, col: c.Col, enc: enc, font: font}
		l.cur = append(l.cur, lc)
		if row.Num <= headerScanRows {
			if l.early == nil {
				l.early = map[string]legacyCell{}
			}
			l.early[sheet+"!"+c.Ref] = lc
		}
	}
	return row
}

// cellEncoding is the legacy encoding of the font a text cell is drawn in.
func (r *reader) cellEncoding(c xlsx.Cell) (vn.Encoding, string) {
	l := &r.legacy
	if f := r.book.RunFont(c); f != "" {
		enc, ok := l.fontEnc[f]
		if !ok {
			enc, _ = vn.LegacyFont(f)
			if l.fontEnc == nil {
				l.fontEnc = map[string]vn.Encoding{}
			}
			l.fontEnc[f] = enc
		}
		return enc, f
	}
	s := c.Style
	if s < 0 || s >= 1<<16 { // more formats than Excel allows: do not cache
		enc, _ := vn.LegacyFont(r.book.FontName(s))
		return enc, r.book.FontName(s)
	}
	if s >= len(l.styleEnc) {
		l.styleEnc = append(l.styleEnc, make([]uint8, s+1-len(l.styleEnc))...)
	}
	if l.styleEnc[s] == 0 {
		enc, _ := vn.LegacyFont(r.book.FontName(s))
		l.styleEnc[s] = uint8(enc) + 1
	}
	enc := vn.Encoding(l.styleEnc[s] - 1)
	if enc == vn.Unicode {
		return enc, ""
	}
	return enc, r.book.FontName(s)
}

// useLegacy records a converted cell whose text the reader used.
func (r *reader) useLegacy(sheet string, c legacyCell) {
	l := &r.legacy
	l.sheet = sheet
	if l.nUsed < maxListedCells {
		l.used = append(l.used, c)
	}
	l.nUsed++
}

// useLegacyCols records the converted cells of the current row (the one
// last given to legacyRow) in the columns keep accepts.
func (r *reader) useLegacyCols(sheet string, keep func(col int) bool) {
	for _, c := range r.legacy.cur {
		if keep(c.col) {
			r.useLegacy(sheet, c)
		}
	}
}

// useLegacyHeader records the converted labels of the header row that
// name a column the table reads (not "Ghi chú" and the like).
func (r *reader) useLegacyHeader(sheet string, h header) {
	var cells []legacyCell
	for k, c := range r.legacy.early {
		if strings.HasPrefix(k, sheet+"!") && c.row >= h.row && c.row <= h.end && readsColumn(&h, c.col) {
			cells = append(cells, c)
		}
	}
	sort.Slice(cells, func(i, j int) bool {
		if cells[i].row != cells[j].row {
			return cells[i].row < cells[j].row
		}
		return cells[i].col < cells[j].col
	})
	for _, c := range cells {
		r.useLegacy(sheet, c)
	}
}

// readsColumn reports a column the table takes values from.
func readsColumn(h *header, col int) bool {
	if col == 0 {
		return false
	}
	switch col {
	case h.codeCol, h.yearCol, h.valueCol, h.unitCodeCol, h.unitNameCol, h.measureCol:
		return true
	}
	if col >= h.nameFrom && col <= h.nameTo {
		return true
	}
	_, fig := h.cols[col]
	return fig
}

// useLegacyTableRow records the converted cells a table row is read from:
// the indicator, unit and year columns and the figures; on a wide row only
// when it has figures (rows without are titles and signatures, not read),
// and then also a total label standing elsewhere.
func (r *reader) useLegacyTableRow(sheet string, h *header, row xlsx.Row) {
	if len(r.legacy.cur) == 0 {
		return
	}
	if h.layout == Wide {
		has := false
		for col := range h.cols {
			if c, ok := cellAt(row, col); ok && !isBlank(c) {
				has = true
				break
			}
		}
		if !has {
			return
		}
		r.useLegacyCols(sheet, func(col int) bool {
			if readsColumn(h, col) {
				return true
			}
			c, _ := cellAt(row, col)
			return vn.In(totalLabels, c.Value)
		})
		return
	}
	r.useLegacyCols(sheet, func(col int) bool { return readsColumn(h, col) })
}

// legacyUnit records and checks the unit lines above a wide table when
// the unit was taken from them.
func (r *reader) legacyUnit(sheet string, meta metaScan, u Unit) {
	if u.Name != meta.name || u.Code != meta.code {
		return // from the template sheet
	}
	for _, ref := range []string{meta.nameCell, meta.codeCell} {
		if c, ok := r.legacy.early[sheet+"!"+ref]; ok && ref != "" {
			r.useLegacy(sheet, c)
		}
	}
	if meta.nameCell != "" {
		col, row, err := xlsx.ParseRef(meta.nameCell)
		if err == nil {
			r.garbledName(sheet, xlsx.Cell{Col: col, Ref: meta.nameCell}, row, meta.name)
		}
	}
}

// garbledName reports a unit or indicator name that still reads as
// undecoded TCVN3/VNI after conversion, with an error at its cell: the
// name cannot be matched, and the officer must retype it.
func (r *reader) garbledName(sheet string, c xlsx.Cell, row int, name string) bool {
	if name == "" || !vn.LooksMojibake(name) {
		return false
	}
	where := lang.F("Ô %s", "Cell %s", c.Ref)
	if font := r.legacyFont(sheet, c); font != "" {
		where = lang.F("Ô %s (phông %s)", "Cell %s (font %s)", c.Ref, font)
	}
	f := finding.New(finding.Error, finding.LegacyEncoding, lang.Join(": ", where, lang.F(
		"không đọc được \"%s\": chữ Việt gõ bằng bảng mã cũ (TCVN3/ABC hoặc VNI) không chuyển được sang Unicode. Hãy gõ lại bằng phông Unicode như Times New Roman.",
		"\"%s\" cannot be read: Vietnamese typed in an old encoding (TCVN3/ABC or VNI) that could not be converted to Unicode. Retype it in a Unicode font such as Times New Roman.",
		name))).At(sheet, xlsx.ColumnName(int(c.Col)), row)
	f.Value = name
	r.sub.add(f)
	return true
}

// legacyFont is the legacy font of a cell of the current row or of the
// first rows, "" when it is not in one.
func (r *reader) legacyFont(sheet string, c xlsx.Cell) string {
	for _, lc := range r.legacy.cur {
		if lc.ref == c.Ref {
			return lc.font
		}
	}
	if lc, ok := r.legacy.early[sheet+"!"+c.Ref]; ok {
		return lc.font
	}
	if enc, font := r.cellEncoding(c); enc != vn.Unicode {
		return font
	}
	return ""
}

// legacyWarning adds the one warning naming the converted cells.
func (r *reader) legacyWarning() {
	l := &r.legacy
	if l.nUsed == 0 {
		return
	}
	cells := append([]legacyCell(nil), l.used...)
	sort.SliceStable(cells, func(i, j int) bool {
		if cells[i].row != cells[j].row {
			return cells[i].row < cells[j].row
		}
		return cells[i].col < cells[j].col
	})
	refs := make([]string, len(cells))
	for i, c := range cells {
		refs[i] = c.ref
	}
	listVI, listEN := strings.Join(refs, ", "), strings.Join(refs, ", ")
	if more := l.nUsed - len(cells); more > 0 {
		listVI += fmt.Sprintf(" và %d ô khác", more)
		listEN += fmt.Sprintf(" and %d more", more)
	}

	// The fonts, grouped by encoding in order of appearance:
	// "TCVN3 (.VnTime, .VnTimeH) và VNI (VNI-Times)".
	var encs []string
	fonts := map[string][]string{}
	nFonts := 0
	for _, c := range l.used {
		e := c.enc.String()
		if _, ok := fonts[e]; !ok {
			encs = append(encs, e)
		}
		if !slices.Contains(fonts[e], c.font) {
			fonts[e] = append(fonts[e], c.font)
			nFonts++
		}
	}
	groups := make([]string, len(encs))
	for i, e := range encs {
		groups[i] = e + " (" + strings.Join(fonts[e], ", ") + ")"
	}
	fontsVI, fontsEN := strings.Join(groups, " và "), strings.Join(groups, " and ")

	var t lang.Text
	if l.nUsed == 1 {
		t = lang.Text{
			VI: fmt.Sprintf("Ô %s dùng phông %s và đã được chuyển sang Unicode; hãy kiểm tra lại và lần sau dùng phông Unicode như Times New Roman.", listVI, fontsVI),
			EN: fmt.Sprintf("Cell %s is in the old %s font and was converted to Unicode; check it, and next time use a Unicode font such as Times New Roman.", listEN, fontsEN),
		}
	} else {
		plural := "font"
		if nFonts > 1 {
			plural = "fonts"
		}
		t = lang.Text{
			VI: fmt.Sprintf("Các ô %s dùng phông %s và đã được chuyển sang Unicode; hãy kiểm tra lại và lần sau dùng phông Unicode như Times New Roman.", listVI, fontsVI),
			EN: fmt.Sprintf("Cells %s are in the old %s %s and were converted to Unicode; check them, and next time use a Unicode font such as Times New Roman.", listEN, fontsEN, plural),
		}
	}
	f := finding.New(finding.Warning, finding.LegacyEncoding, t).At(l.sheet, xlsx.ColumnName(cells[0].col), cells[0].row)
	r.sub.add(f)
}
