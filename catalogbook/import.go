package catalogbook

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/tongket/tongket/catalog"
	"github.com/tongket/tongket/finding"
	"github.com/tongket/tongket/lang"
	"github.com/tongket/tongket/table"
	"github.com/tongket/tongket/vn"
	"github.com/tongket/tongket/xlsx"
)

// Imported is a catalog read from a workbook. A part whose sheet is absent
// is nil and stays as it is in the database.
type Imported struct {
	File          string
	SHA256        string
	Indicators    []catalog.Indicator
	Rules         []catalog.Rule // nil: sheet absent
	Organisations []string       // nil: sheet absent
	AwardForms    []string       // nil: sheet absent
	HasRules      bool
	Findings      []finding.Finding
}

// Valid reports whether the workbook has no error finding.
func (im *Imported) Valid() bool { return !finding.HasError(im.Findings) }

var codeRe = regexp.MustCompile(`^[A-Z][A-Z0-9_]{0,39}$`)

// Read reads an edited catalog workbook.
func Read(name string, data []byte) *Imported {
	im := &Imported{File: name}
	sum := sha256.Sum256(data)
	im.SHA256 = hex.EncodeToString(sum[:])
	book, err := xlsx.OpenReaderAt(bytes.NewReader(data), int64(len(data)), name, xlsx.DefaultLimits)
	if err != nil {
		im.Findings = append(im.Findings, table.ContainerFinding(err))
		return im
	}
	defer book.Close()
	sheets := map[string]xlsx.Sheet{}
	for _, s := range book.Sheets() {
		sheets[vn.Key(s.Name)] = s
	}
	r := &reader{im: im, book: book}
	if s, ok := sheets[vn.Key(SheetIndicators)]; ok {
		r.indicators(s)
	} else {
		im.Findings = append(im.Findings, finding.New(finding.Error, finding.NoTable, lang.F(
			"Không có trang \"%s\". Hãy dùng tệp xuất ra bằng \"tongket catalog export\" rồi sửa trên đó.",
			"There is no sheet \"%s\". Start from the file \"tongket catalog export\" writes and edit it.", SheetIndicators)))
		return im
	}
	// After a sheet that cannot be read to its end, the file is refused:
	// the rest is not read, since checking rules against a partial list of
	// indicators would only add noise.
	if s, ok := sheets[vn.Key(SheetOrganisations)]; ok && r.damage == nil {
		im.Organisations = r.names(s, organisationCols)
	}
	if s, ok := sheets[vn.Key(SheetForms)]; ok && r.damage == nil {
		im.AwardForms = r.names(s, formCols)
	}
	if s, ok := sheets[vn.Key(SheetRules)]; ok && r.damage == nil {
		im.HasRules = true
		r.rules(s)
	}
	if r.damage != nil {
		// Nothing of a damaged workbook may pass for the catalog, and what
		// was found wrong with its rows may be the damage's doing (merged
		// ranges follow the rows in the file and go with a cut end): the
		// damage alone is reported.
		im.Indicators, im.Rules, im.Organisations, im.AwardForms, im.HasRules = nil, nil, nil, nil, false
		im.Findings = r.damage
	}
	finding.Sort(im.Findings)
	return im
}

type reader struct {
	im     *Imported
	book   *xlsx.Book
	damage []finding.Finding // sheets that could not be read to their end
}

func (r *reader) bad(sheet string, col, row int, code string, t lang.Text, value string) {
	f := finding.New(finding.Error, code, t).At(sheet, xlsx.ColumnName(col), row)
	f.Value = value
	r.im.Findings = append(r.im.Findings, f)
}

// headerRows is how far down a sheet its header may stand: the exported
// workbook has it on row 1, an edited one may have gained a title above.
const headerRows = 5

// table streams a sheet whose first row (of its first five) with any of
// the labels is its header, alone or with a row of labels under it,
// calling fn with each later row's texts by label index. A sheet that
// cannot be read to its end is a corrupt-file finding.
func (r *reader) table(s xlsx.Sheet, labels []string, fn func(row int, vals []string, cols []int)) {
	keys := make(map[string]int, len(labels))
	for i, l := range labels {
		keys[vn.Key(l)] = i
	}
	var cols []int
	_, problem, err := table.Scan(r.book, s, table.Options{
		MaxRows: headerRows,
		Match: func(c table.Candidate) int {
			n := matchHeader(c, keys)
			if n != 0 {
				cols = headerColumns(c.Labels(), keys, n == 2)
				r.checkHeader(s.Name, c.Row.Num, labels, cols)
			}
			return n
		},
		Data: func(h table.Header, row xlsx.Row) error {
			if vals, ok := rowValues(row, cols); ok {
				fn(row.Num, vals, cols)
			}
			return nil
		},
	})
	if err != nil {
		problem = new(table.ReadProblem(s.Name, err))
	}
	if problem != nil {
		r.damage = append(r.damage, *problem)
	}
}

// checkHeader reports a header without the sheet's first column (the code
// or the name, without which a row means nothing).
func (r *reader) checkHeader(sheet string, row int, labels []string, cols []int) {
	if cols[0] != 0 {
		return
	}
	r.bad(sheet, 1, row, finding.MissingLabel, lang.F(
		"Trang \"%s\" thiếu cột \"%s\" ở dòng tiêu đề.", "Sheet \"%s\" lacks the column \"%s\" in its header.", sheet, labels[0]), "")
}

// matchHeader takes a row with any of the labels as the header, together
// with the row below when that row holds only labels (columns named under
// a merged group label).
func matchHeader(c table.Candidate, keys map[string]int) int {
	ls := c.Labels()
	if c.Next != nil && subLabels(ls, keys) {
		return 2
	}
	for _, l := range ls {
		if _, ok := keys[vn.Key(l.Top)]; ok && l.TopCell.Kind == xlsx.Text {
			return 1
		}
	}
	return 0
}

// subLabels reports whether the row below a candidate is a second header
// row: each of its cells a label or a label merged down from the row
// above, at least one of them its own.
func subLabels(ls []table.Label, keys map[string]int) bool {
	own := false
	for _, l := range ls {
		_, known := keys[vn.Key(l.Sub)]
		switch {
		case l.Sub == "", l.MergedDown():
		case known && l.SubCell.Kind == xlsx.Text:
			own = true
		default:
			return false
		}
	}
	return own
}

// headerColumns maps each label to its column (0 when absent); the first
// column of a label wins. In a two-row header the second row's label
// names the column when it has one of its own.
func headerColumns(ls []table.Label, keys map[string]int, two bool) []int {
	cols := make([]int, len(keys))
	for _, l := range ls {
		text, cell := l.Top, l.TopCell
		if two && l.Sub != "" && !l.MergedDown() {
			text, cell = l.Sub, l.SubCell
		}
		if i, ok := keys[vn.Key(text)]; ok && cell.Kind == xlsx.Text && cols[i] == 0 {
			cols[i] = l.Col
		}
	}
	return cols
}

// rowValues reads a row's texts by label index; ok is false for a row
// with none. A value merged across columns belongs to its first column.
func rowValues(row xlsx.Row, cols []int) (vals []string, ok bool) {
	vals = make([]string, len(cols))
	for _, c := range row.Cells {
		if table.FromLeft(c) {
			continue
		}
		for i, col := range cols {
			if col != 0 && c.Col == col {
				vals[i] = cellText(c)
				ok = ok || vals[i] != ""
			}
		}
	}
	return vals, ok
}

// cellText is a cell as stored text: NFC, trimmed, a whole number without
// decimals.
func cellText(c xlsx.Cell) string {
	if c.Kind == xlsx.Number {
		if f, err := strconv.ParseFloat(c.Value, 64); err == nil && f == float64(int64(f)) {
			return strconv.FormatInt(int64(f), 10)
		}
	}
	return strings.TrimSpace(vn.NFC(c.Value))
}

// Words officers may write instead of the codes.
var (
	aggWords  = map[string]catalog.Agg{"sum": catalog.Sum, "cộng": catalog.Sum, "cộng dồn": catalog.Sum, "cộng các năm": catalog.Sum, "last": catalog.Last, "năm cuối": catalog.Last, "thời điểm": catalog.Last, "lấy năm cuối": catalog.Last}
	kindWords = map[string]catalog.Kind{"count": catalog.Count, "số nguyên": catalog.Count, "đếm": catalog.Count, "money": catalog.Money, "tiền": catalog.Money, "số tiền": catalog.Money, "thập phân": catalog.Money}
)

func (r *reader) indicators(s xlsx.Sheet) {
	seen := map[string]int{}
	r.table(s, indicatorCols, func(row int, v []string, cols []int) {
		code := strings.ToUpper(v[0])
		ind := catalog.Indicator{Code: code, Name: v[1], Unit: v[2]}
		ok := true
		switch {
		case !codeRe.MatchString(code):
			r.bad(s.Name, cols[0], row, finding.ConstraintError, lang.F(
				"Mã chỉ tiêu \"%s\" không hợp lệ: chỉ dùng chữ in hoa không dấu, số và dấu gạch dưới, bắt đầu bằng chữ, ví dụ TT_BUOI.",
				"Indicator code \"%s\" is invalid: use capital letters without accents, digits and underscores, starting with a letter, e.g. TT_BUOI.", v[0]), v[0])
			ok = false
		case seen[code] != 0:
			r.bad(s.Name, cols[0], row, finding.DuplicateRow, lang.F(
				"Mã chỉ tiêu %s đã có ở dòng %d. Mỗi mã chỉ một dòng.", "Indicator code %s is already on row %d. One row per code.", code, seen[code]), v[0])
			ok = false
		}
		seen[code] = row
		if v[1] == "" {
			r.bad(s.Name, max(cols[1], 1), row, finding.ConstraintError, lang.F(
				"Chỉ tiêu %s chưa có tên. Hãy ghi tên chỉ tiêu.", "Indicator %s has no name. Write its name.", code), "")
			ok = false
		}
		if a, found := aggWords[vn.Key(v[3])]; found {
			ind.Agg = a
		} else {
			r.bad(s.Name, max(cols[3], 1), row, finding.ConstraintError, lang.F(
				"Cách cộng \"%s\" không hợp lệ: ghi sum (cộng các năm, ví dụ số buổi) hoặc last (lấy năm cuối, ví dụ số mô hình đang hoạt động).",
				"Aggregation \"%s\" is invalid: write sum (adds the years) or last (takes the latest year).", v[3]), v[3])
			ok = false
		}
		if k, found := kindWords[vn.Key(v[4])]; found {
			ind.Kind = k
		} else {
			r.bad(s.Name, max(cols[4], 1), row, finding.ConstraintError, lang.F(
				"Kiểu số \"%s\" không hợp lệ: ghi count (số nguyên, đếm) hoặc money (tiền, có thể có số lẻ).",
				"Kind \"%s\" is invalid: write count (whole numbers) or money (may have decimals).", v[4]), v[4])
			ok = false
		}
		if v[5] != "" {
			n, err := strconv.Atoi(v[5])
			if err != nil || n < 1 {
				r.bad(s.Name, cols[5], row, finding.TypeError, lang.F(
					"Thứ tự \"%s\" phải là số nguyên dương.", "Order \"%s\" must be a positive whole number.", v[5]), v[5])
				ok = false
			}
			ind.Order = n
		}
		if ok {
			r.im.Indicators = append(r.im.Indicators, ind)
		}
	})
}

func (r *reader) rules(s xlsx.Sheet) {
	r.im.Rules = []catalog.Rule{}
	r.table(s, ruleCols, func(row int, v []string, cols []int) {
		rule := catalog.Rule{Left: strings.ToUpper(v[0]), Op: v[1], Right: v[2], When: v[3], Severity: strings.ToLower(v[4]), MessageVI: v[5], MessageEN: v[6]}
		switch rule.Severity {
		case "lỗi":
			rule.Severity = "error"
		case "cảnh báo":
			rule.Severity = "warning"
		}
		// Compile alone against the indicators read, so a bad rule is
		// reported at its own row.
		if _, err := catalog.New(r.im.Indicators, []catalog.Rule{rule}); err != nil {
			r.bad(s.Name, cols[0], row, finding.ConstraintError, lang.F(
				"Quy tắc ở dòng %d không hợp lệ: %v. Vế trái, vế phải là mã chỉ tiêu, cumulative(MÃ) hoặc một số; phép so sánh là >=, <=, >, <, ==, !=; mức độ là error (lỗi) hoặc warning (cảnh báo).",
				"The rule on row %d is invalid: %v. Sides are indicator codes, cumulative(CODE) or numbers; operators >=, <=, >, <, ==, !=; severity error or warning.", row, err), v[0])
			return
		}
		r.im.Rules = append(r.im.Rules, rule)
	})
}

func (r *reader) names(s xlsx.Sheet, cols []string) []string {
	out := []string{}
	seen := map[string]int{}
	type named struct {
		name  string
		order int
	}
	var rows []named
	r.table(s, cols, func(row int, v []string, c []int) {
		k := vn.Key(v[0])
		if k == "" {
			return
		}
		if seen[k] != 0 {
			r.bad(s.Name, c[0], row, finding.DuplicateRow, lang.F(
				"\"%s\" đã có ở dòng %d.", "\"%s\" is already on row %d.", v[0], seen[k]), v[0])
			return
		}
		seen[k] = row
		n, _ := strconv.Atoi(v[1])
		rows = append(rows, named{v[0], n})
	})
	// Keep the sheet's order unless an order column says otherwise.
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].order != 0 && rows[j].order != 0 && rows[i].order < rows[j].order })
	for _, n := range rows {
		out = append(out, n.name)
	}
	return out
}
