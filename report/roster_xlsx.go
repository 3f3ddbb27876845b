package report

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/tongket/tongket/roster"
	"github.com/tongket/tongket/sheetstyle"
	"github.com/tongket/tongket/summary"
	"github.com/tongket/tongket/vn"
)

// Sheets of the award roster workbook, in tab order.
const (
	SheetRoster       = "Danh sách khen thưởng"
	SheetRosterCounts = "Tổng hợp khen thưởng"
)

// rosterHeads are the columns of the printed roster, Excel and PDF.
var rosterHeads = []string{
	"STT", "Họ và tên / Tên tập thể", "Chức vụ", "Đơn vị", "Thành tích tóm tắt",
	"Hình thức", "Cấp khen", "Số và ngày quyết định",
}

// rosterForms are the award forms in the order of the counts table; forms
// the user added follow, alphabetically.
var rosterForms = []string{"Bằng khen", "Giấy khen", "Biểu dương"}

// WriteRosterWorkbook writes the award roster of a period (DESIGN.md,
// Reports; FORMATS.md §4): sheet Danh sách khen thưởng lists the commended
// collectives, then the individuals (sections I., II.), each grouped by
// organisation under a sub-heading row, in the order of e.Groups, which is
// the print order of the JSON; the counts line closes the list. Sheet Tổng
// hợp khen thưởng is the counts table, organisation × kind × form, with
// live totals. Every text from a submission is a string cell, never a
// formula.
func WriteRosterWorkbook(w io.Writer, e roster.Export, d Document) error {
	f := excelize.NewFile()
	defer f.Close()
	b := &xBook{f: f, d: d, period: summary.Period{From: e.Period.From, To: e.Period.To}, styles: sheetstyle.NewCache(f)}
	if err := b.writeRoster(e); err != nil {
		return fmt.Errorf("write roster workbook: %w", err)
	}
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("write roster workbook: %w", err)
	}
	return nil
}

func (b *xBook) writeRoster(e roster.Export) error {
	if err := b.f.SetDefaultFont(xFont); err != nil {
		return err
	}
	title := rosterTitle(e)
	if err := b.setDocProps(xSentence(strings.ToLower(title)), "Danh sách khen thưởng"); err != nil {
		return err
	}
	for i, sh := range []*xSheet{rosterListSheet(e, b.d), rosterCountsSheet(e)} {
		if err := b.emit(sh, i == 0); err != nil {
			return fmt.Errorf("sheet %s: %w", sh.name, err)
		}
	}
	b.f.SetActiveSheet(0)
	return nil
}

// rosterTitle is "DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG … GIAI ĐOẠN
// 2019–2024".
func rosterTitle(e roster.Export) string {
	t := "DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG TRONG PHONG TRÀO \"TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC\""
	if p := rosterPeriod(e); p != "" {
		t += " " + strings.ToUpper(p)
	}
	return t
}

// rosterPeriod is "giai đoạn 2019–2024", "năm 2024", or "" when unset.
func rosterPeriod(e roster.Export) string {
	p := summary.Period{From: e.Period.From, To: e.Period.To}
	switch {
	case p.To == 0:
		return ""
	case p.From == 0 || p.From == p.To:
		return "năm " + strconv.Itoa(p.To)
	}
	return "giai đoạn " + periodDash(p)
}

// rosterLine is the counts line, or one made from the counts when the
// export has none.
func rosterLine(e roster.Export) string {
	if l := oneLine(e.Line); l != "" {
		return l
	}
	var parts []string
	for _, k := range rosterKinds(e) {
		if n := e.Counts.ByKind[k]; n > 0 {
			parts = append(parts, vn.FormatInt(int64(n))+" "+strings.ToLower(k))
		}
	}
	l := "Tổng cộng: " + vn.FormatInt(int64(e.Counts.Total)) + " tập thể, cá nhân"
	if len(parts) > 0 {
		l += " (" + strings.Join(parts, ", ") + ")"
	}
	return l + "."
}

// rosterKinds are the kinds of the roster in print order: the two known
// ones, then any other found in the export.
func rosterKinds(e roster.Export) []string {
	kinds := append([]string(nil), roster.Kinds...)
	seen := map[string]bool{}
	for _, k := range kinds {
		seen[k] = true
	}
	var extra []string
	add := func(k string) {
		if k != "" && !seen[k] {
			seen[k] = true
			extra = append(extra, k)
		}
	}
	for _, g := range e.Groups {
		add(g.Kind)
	}
	for _, r := range e.Table {
		for k := range r.ByKindForm {
			add(k)
		}
	}
	sort.Strings(extra)
	return append(kinds, extra...)
}

// rosterKindForms are, for a kind, the forms the counts table has a column
// for: those with a count, known forms first.
func rosterKindForms(e roster.Export, kind string) []string {
	has := map[string]bool{}
	for _, r := range e.Table {
		for f, n := range r.ByKindForm[kind] {
			if n != 0 {
				has[f] = true
			}
		}
	}
	var out, extra []string
	for _, f := range rosterForms {
		if has[f] {
			out = append(out, f)
			delete(has, f)
		}
	}
	for f := range has {
		extra = append(extra, f)
	}
	sort.Strings(extra)
	return append(out, extra...)
}

// rosterDecision is "123/QĐ-UBND ngày 01/8/2024": the number and the date of
// the decision, either of which may be missing.
func rosterDecision(n roster.Numbered) string {
	no := oneLine(n.DecisionNumber)
	date := rosterDate(n)
	switch {
	case no == "":
		if date == "" {
			return ""
		}
		return "Ngày " + date
	case date == "":
		return no
	}
	return no + " ngày " + date
}

// rosterDate is the decision date as dd/m/yyyy, with the leading zeros of
// Nghị định 30 (days below 10, months 1 and 2): 01/8/2024, 15/02/2024.
func rosterDate(n roster.Numbered) string {
	t := n.DecisionDate
	if t.IsZero() {
		s := strings.TrimSpace(n.Date)
		if s == "" {
			return ""
		}
		p, err := time.Parse("2006-01-02", s)
		if err != nil {
			return s
		}
		t = p
	}
	m := strconv.Itoa(int(t.Month()))
	if t.Month() <= time.February {
		m = "0" + m
	}
	return fmt.Sprintf("%02d/%s/%d", t.Day(), m, t.Year())
}

// rosterRow is one entry's cells in the column order of rosterHeads.
func rosterRow(n roster.Numbered) []string {
	return []string{
		strconv.Itoa(n.STT), n.Name, n.Position, n.Unit, n.Achievement,
		n.Form, n.Authority, rosterDecision(n),
	}
}

// rosterSections walks the groups in print order, calling section when a
// kind starts ("I. TẬP THỂ") and group for every group.
func rosterSections(e roster.Export, section func(label string), group func(g roster.Group)) {
	n := 0
	kind := ""
	for i, g := range e.Groups {
		if i == 0 || g.Kind != kind {
			n++
			kind = g.Kind
			section(roman(n) + ". " + strings.ToUpper(oneLine(g.Kind)))
		}
		group(g)
	}
}

// Styles of the roster sheets.
var (
	xsSection = xStyle{Bold: true, Border: true, Wrap: true}
	xsOrg     = xStyle{Bold: true, Italic: true, Border: true, Wrap: true}
	xsLine    = xStyle{Bold: true, Wrap: true}
	xsSub     = xStyle{Italic: true, Align: "center", Wrap: true}
)

// xTextWidth is a column width (Excel units) that fits the longest of
// texts on one line, between lo and hi; longer texts wrap.
func xTextWidth(texts []string, lo, hi float64) float64 {
	w := lo
	for _, s := range texts {
		w = max(w, float64(utf8.RuneCountInString(s))*0.95+2)
	}
	return min(w, hi)
}

func rosterListSheet(e roster.Export, d Document) *xSheet {
	const headRow, last = 4, 8
	sh := &xSheet{name: SheetRoster, freezeRow: headRow + 1, titleRows: [2]int{headRow, headRow + 1}}

	cols := make([][]string, last)
	for _, g := range e.Groups {
		for _, n := range g.Entries {
			for c, s := range rosterRow(n) {
				cols[c] = append(cols[c], s)
			}
		}
	}
	sh.widths = []float64{
		xTextWidth(cols[0], 5, 7),
		xTextWidth(cols[1], 22, 30),
		xTextWidth(cols[2], 14, 22),
		xTextWidth(cols[3], 16, 28),
		xTextWidth(cols[4], 24, 45),
		xTextWidth(cols[5], 11, 14),
		xTextWidth(cols[6], 16, 26),
		xTextWidth(cols[7], 18, 26),
	}

	sh.add(1, xText(rosterTitle(e), xStyle{Bold: true, Size: 14, Align: "center", Wrap: true}))
	sh.merge(1, 1, last, 1)
	no := strings.TrimSpace(d.DocNumber)
	if no == "" {
		no = Blank + "/BC-" + Blank
	}
	sh.add(2, xText("(Kèm theo Báo cáo số "+no+" "+dateOr(d.Date, true)+")", xsSub))
	sh.merge(1, 2, last, 2)

	var head, nums []xCell
	for i, h := range rosterHeads {
		head = append(head, xText(h, xsHead))
		nums = append(nums, xText("("+strconv.Itoa(i+1)+")", xsCode))
	}
	sh.add(headRow, head...)
	sh.add(headRow+1, nums...)

	r := headRow + 1
	spanning := func(label string, st xStyle) {
		r++
		cells := []xCell{xText(label, st)}
		for c := 2; c <= last; c++ {
			cells = append(cells, xBlank(st))
		}
		sh.add(r, cells...)
		sh.merge(1, r, last, r)
	}
	rosterSections(e, func(label string) { spanning(label, xsSection) }, func(g roster.Group) {
		spanning(g.Organisation, xsOrg)
		for _, n := range g.Entries {
			r++
			row := rosterRow(n)
			sh.add(r,
				xNum(n.STT, xsCenter),
				xText(row[1], xsText), xText(row[2], xsText), xText(row[3], xsText), xText(row[4], xsText),
				xText(row[5], xsCenter), xText(row[6], xsText), xText(row[7], xsCenter))
		}
	})
	if len(e.Groups) == 0 {
		spanning(rosterNone(e), xStyle{Italic: true, Border: true, Wrap: true})
	}

	r += 2
	sh.add(r, xText(rosterLine(e), xsLine))
	sh.merge(1, r, last, r)
	rosterHeights(sh)
	sh.footer = rosterFooter(SheetRoster, e)
	return sh
}

// rosterFooter is the left of a sheet's page footer: its name and period.
func rosterFooter(name string, e roster.Export) string {
	if p := rosterPeriod(e); p != "" {
		return name + " — " + p
	}
	return name
}

// rosterHeights sets the height of rows of wrapped text from a cautious
// count of their lines: names of places and offices are long words with
// capitals, wider than the average text emit's estimate is made for.
func rosterHeights(sh *xSheet) {
	span := map[[2]int]float64{} // (row, col) of a one-row merge → its width
	for _, m := range sh.merges {
		c1, r1, _ := excelize.CellNameToCoordinates(m[0])
		c2, r2, _ := excelize.CellNameToCoordinates(m[1])
		if r1 == r2 {
			w := 0.0
			for c := c1; c <= c2; c++ {
				w += sh.width(c)
			}
			span[[2]int{r1, c1}] = w
		}
	}
	for i := range sh.rows {
		r := &sh.rows[i]
		need := 0.0
		for j, c := range r.cells {
			s, ok := c.v.(string)
			if !ok || !c.st.Wrap {
				continue
			}
			w, merged := span[[2]int{r.num, j + 1}]
			if !merged {
				w = sh.width(j + 1)
			}
			k := 0.85
			if strings.ToUpper(s) == s {
				k = 0.7 // capitals are wider still
			}
			need = max(need, float64(c.st.Lines(s, w*k))*c.st.PointSize()*1.25+2.5)
		}
		r.height = max(r.height, need)
	}
}

// rosterNone is the line of an empty roster.
func rosterNone(e roster.Export) string {
	p := rosterPeriod(e)
	if p == "" {
		p = "kỳ"
	}
	return "Không có tập thể, cá nhân nào được khen thưởng trong " + p + "."
}

// rosterCountsSheet is the counts table: one row per organisation, for
// each kind a column per form and its sum, then the total; a total row.
func rosterCountsSheet(e roster.Export) *xSheet {
	const r1, r2 = 4, 5
	kinds := rosterKinds(e)
	forms := make([][]string, len(kinds))
	last := 2
	for i, k := range kinds {
		forms[i] = rosterKindForms(e, k)
		last += len(forms[i]) + 1
	}
	last++ // Tổng cộng
	sh := &xSheet{name: SheetRosterCounts, freezeCol: 2, freezeRow: r2, titleRows: [2]int{r1, r2}}
	var orgs []string
	for _, t := range e.Table {
		orgs = append(orgs, t.Organisation)
	}
	sh.widths = []float64{6, xTextWidth(orgs, 24, 36)}
	for c := 3; c <= last; c++ {
		sh.widths = append(sh.widths, 12.5)
	}

	title := "TỔNG HỢP SỐ LƯỢNG TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG"
	if p := rosterPeriod(e); p != "" {
		title += " " + strings.ToUpper(p)
	}
	sh.add(1, xText(title, xStyle{Bold: true, Size: 14, Align: "center", Wrap: true}))
	sh.merge(1, 1, last, 1)
	sh.add(2, xText(rosterLine(e), xsNote))
	sh.merge(1, 2, last, 2)

	top := []xCell{xText("STT", xsHead), xText("Tổ chức", xsHead)}
	sub := []xCell{xBlank(xsHead), xBlank(xsHead)}
	sh.merge(1, r1, 1, r2)
	sh.merge(2, r1, 2, r2)
	c := 3
	for i, k := range kinds {
		top = append(top, xText(k, xsHead))
		for range forms[i] {
			top = append(top, xBlank(xsHead))
		}
		for _, f := range forms[i] {
			sub = append(sub, xText(f, xsHead))
		}
		sub = append(sub, xText("Cộng", xsHead))
		sh.merge(c, r1, c+len(forms[i]), r1)
		c += len(forms[i]) + 1
	}
	top = append(top, xText("Tổng cộng", xsHead))
	sub = append(sub, xBlank(xsHead))
	sh.merge(last, r1, last, r2)
	sh.add(r1, top...)
	sh.add(r2, sub...)

	count := xStyle{Align: "center", Border: true, NumFmt: xFmtCount}
	bold := xStyle{Align: "center", Border: true, NumFmt: xFmtCount, Bold: true}
	colSums := make([]int, last+1)
	r := r2
	for i, t := range e.Table {
		r++
		cells := []xCell{xNum(i+1, xsCenter), xText(t.Organisation, xsText)}
		c := 3
		var kindCols []string
		for j, k := range kinds {
			sum := 0
			for _, f := range forms[j] {
				n := t.ByKindForm[k][f]
				sum += n
				colSums[c] += n
				cells = append(cells, xNum(n, count))
				c++
			}
			colSums[c] += sum
			if len(forms[j]) == 0 {
				cells = append(cells, xNum(0, bold))
			} else {
				cells = append(cells, xFormula(fmt.Sprintf("SUM(%s:%s)", xRef(c-len(forms[j]), r), xRef(c-1, r)), sum, bold))
			}
			kindCols = append(kindCols, xRef(c, r))
			c++
		}
		total := 0
		for j := range kinds {
			total += rosterKindSum(t, kinds[j], forms[j])
		}
		colSums[c] += total
		cells = append(cells, xFormula(strings.Join(kindCols, "+"), total, bold))
		sh.add(r, cells...)
	}
	r++
	cells := []xCell{xText("Tổng cộng", xsTotalLb), xBlank(xsTotalLb)}
	sh.merge(1, r, 2, r)
	for c := 3; c <= last; c++ {
		if len(e.Table) == 0 {
			cells = append(cells, xNum(0, bold))
			continue
		}
		col := xColName(c)
		cells = append(cells, xFormula(fmt.Sprintf("SUM(%s%d:%s%d)", col, r2+1, col, r-1), colSums[c], bold))
	}
	sh.add(r, cells...)
	rosterHeights(sh)
	sh.footer = rosterFooter(SheetRosterCounts, e)
	return sh
}

// rosterKindSum is an organisation's count of one kind over the given forms.
func rosterKindSum(t roster.TableRow, kind string, forms []string) int {
	n := 0
	for _, f := range forms {
		n += t.ByKindForm[kind][f]
	}
	return n
}
