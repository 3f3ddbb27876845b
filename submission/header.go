package submission

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/tongket/tongket/finding"
	"github.com/tongket/tongket/lang"
	"github.com/tongket/tongket/vn"
	"github.com/tongket/tongket/xlsx"
)

// Header labels, as matching keys (vn.Key): case, spacing and Unicode form
// do not matter.
var (
	codeLabels     = keys("Mã chỉ tiêu", "Mã số chỉ tiêu", "Mã CT")
	nameLabels     = keys("Chỉ tiêu", "Tên chỉ tiêu", "Nội dung", "Nội dung chỉ tiêu")
	yearLabels     = keys("Năm")
	valueLabels    = keys("Giá trị", "Số liệu", "Số lượng")
	unitCodeLabels = keys("Mã đơn vị")
	unitNameLabels = keys("Tên đơn vị", "Đơn vị")
	totalLabels    = keys("Tổng cộng", "Cộng", "Tổng", "Tổng số")
)

func keys(ss ...string) map[string]bool {
	m := map[string]bool{}
	for _, s := range ss {
		m[vn.Key(s)] = true
	}
	return m
}

// yearRe matches a year header: "2013" or "Năm 2013" (as a key).
var yearRe = regexp.MustCompile(`^(?:năm\s*)?(\d{4})$`)

// header is a detected header row.
type header struct {
	layout Layout
	row    int
	sheet  string

	codeCol, nameCol int // 0 when absent
	// wide
	years    map[int]int // column → year
	yearCols []int
	// long
	yearCol, valueCol, unitCodeCol, unitNameCol int

	labelled map[int]bool // every column with a label
}

// yearOf reads a header cell as a year column label.
func yearOf(c xlsx.Cell) (int, bool) {
	var s string
	switch c.Kind {
	case xlsx.Number:
		s = c.Value
		if f, err := strconv.ParseFloat(s, 64); err == nil && f == float64(int(f)) {
			s = strconv.Itoa(int(f))
		}
	case xlsx.Text:
		s = vn.Key(c.Value)
	default:
		return 0, false
	}
	m := yearRe.FindStringSubmatch(s)
	if m == nil {
		return 0, false
	}
	y, _ := strconv.Atoi(m[1])
	return y, y >= 1900 && y < 2200
}

// detectHeader decides whether row is the table's header. ok with an empty
// layout means a label row without years.
func (r *reader) detectHeader(sheet string, row xlsx.Row) (header, bool) {
	h := header{row: row.Num, sheet: sheet, years: map[int]int{}, labelled: map[int]bool{}}
	var dupLabel []finding.Finding
	seen := map[string]xlsx.Cell{}
	claim := func(col *int, c xlsx.Cell, k string) {
		if *col != 0 {
			first := seen[k]
			dupLabel = append(dupLabel, finding.New(finding.Error, finding.DuplicateLabel, lang.F(
				"Cột tiêu đề \"%s\" xuất hiện hai lần (ô %s và ô %s). Hãy giữ một cột, xóa hoặc đổi tên cột kia.",
				"The header \"%s\" appears twice (cells %s and %s). Keep one column; delete or rename the other.",
				strings.TrimSpace(c.Value), first.Ref, c.Ref)).At(sheet, xlsx.ColumnName(int(c.Col)), row.Num))
			return
		}
		*col = c.Col
		seen[k] = c
	}
	yearCells := map[int]xlsx.Cell{}
	for _, c := range row.Cells {
		if y, ok := yearOf(c); ok {
			h.labelled[c.Col] = true
			if first, dup := yearCells[y]; dup {
				dupLabel = append(dupLabel, finding.New(finding.Error, finding.DuplicateYear, lang.F(
					"Năm %d có hai cột (ô %s và ô %s). Hãy gộp số liệu vào một cột và xóa cột kia.",
					"Year %d has two columns (cells %s and %s). Merge the figures into one column and delete the other.",
					y, first.Ref, c.Ref)).At(sheet, xlsx.ColumnName(int(c.Col)), row.Num))
				continue
			}
			yearCells[y] = c
			h.years[c.Col] = y
			h.yearCols = append(h.yearCols, c.Col)
			continue
		}
		if c.Kind != xlsx.Text {
			continue
		}
		k := vn.Key(c.Value)
		if k == "" {
			continue
		}
		h.labelled[c.Col] = true
		switch {
		case codeLabels[k]:
			claim(&h.codeCol, c, "code")
		case nameLabels[k]:
			claim(&h.nameCol, c, "name")
		case yearLabels[k]:
			claim(&h.yearCol, c, "year")
		case valueLabels[k]:
			claim(&h.valueCol, c, "value")
		case unitCodeLabels[k]:
			claim(&h.unitCodeCol, c, "unitcode")
		case unitNameLabels[k]:
			claim(&h.unitNameCol, c, "unitname")
		}
	}
	if h.codeCol == 0 && h.nameCol == 0 {
		return header{}, false
	}
	switch {
	case h.yearCol != 0 || h.valueCol != 0 || h.unitCodeCol != 0:
		h.layout = Long
		var missing []string
		if h.yearCol == 0 {
			missing = append(missing, "Năm")
		}
		if h.valueCol == 0 {
			missing = append(missing, "Giá trị")
		}
		if h.unitCodeCol == 0 && h.unitNameCol == 0 {
			missing = append(missing, "Mã đơn vị")
		}
		if len(missing) > 0 {
			r.sub.add(finding.New(finding.Error, finding.MissingLabel, lang.F(
				"Bảng dạng dọc (mỗi dòng một số liệu) thiếu cột %s ở dòng tiêu đề %d. Các cột cần có: Mã đơn vị | Tên đơn vị | Năm | Mã chỉ tiêu | Giá trị.",
				"The long table (one figure per row) lacks the column(s) %s in header row %d. Needed: Mã đơn vị | Tên đơn vị | Năm | Mã chỉ tiêu | Giá trị.",
				strings.Join(missing, ", "), row.Num)).At(sheet, "", row.Num))
		}
	case len(h.yearCols) > 0:
		h.layout = Wide
	default:
		return h, true // labels but no years: no-years unless another sheet has a table
	}
	for _, f := range dupLabel {
		r.sub.add(f)
	}
	r.checkYearRange(&h)
	return h, true
}

// checkYearRange drops year columns outside [MinYear, this year] with an
// error at their header cell: figures for a future year cannot exist yet.
func (r *reader) checkYearRange(h *header) {
	kept := h.yearCols[:0]
	for _, col := range h.yearCols {
		y := h.years[col]
		if y < MinYear || y > r.maxYear {
			f := finding.New(finding.Error, finding.YearOutOfRange, lang.F(
				"Năm %d ở tiêu đề cột không hợp lệ: năm phải từ %d đến %d. Hãy sửa lại năm.",
				"Year %d in the column header is out of range: years run from %d to %d. Correct the year.",
				y, MinYear, r.maxYear)).At(h.sheet, xlsx.ColumnName(col), h.row)
			f.Year = y
			r.sub.add(f)
			delete(h.years, col)
			continue
		}
		kept = append(kept, col)
	}
	h.yearCols = kept
}

// metaScan collects "Đơn vị:" and "Mã đơn vị:" lines above the table, written
// either as "label: value" in one cell or as label and value side by side.
type metaScan struct {
	code, codeCell string
	name, nameCell string
}

func (m *metaScan) scan(sheet string, row xlsx.Row) {
	for i, c := range row.Cells {
		if c.Kind != xlsx.Text {
			continue
		}
		label, value, hasColon := strings.Cut(c.Value, ":")
		k := vn.Key(label)
		isCode := k == "mã đơn vị" || k == "mã số đơn vị"
		isName := k == "đơn vị" || k == "tên đơn vị" || k == "đơn vị báo cáo"
		if !isCode && !isName {
			continue
		}
		value = strings.TrimSpace(vn.NFC(value))
		ref := c.Ref
		if value == "" && (hasColon || i+1 < len(row.Cells)) && i+1 < len(row.Cells) {
			next := row.Cells[i+1]
			value, ref = cellText(next), next.Ref
		}
		if value == "" {
			continue
		}
		if isCode && m.code == "" {
			m.code, m.codeCell = value, ref
		}
		if isName && m.name == "" {
			m.name, m.nameCell = value, ref
		}
	}
}

// cellText is a cell's content as text. Codes are text: a numeric cell's
// stored value is kept as stored, so "00005" typed as text stays "00005".
func cellText(c xlsx.Cell) string {
	if c.Kind == xlsx.Number {
		if f, err := strconv.ParseFloat(c.Value, 64); err == nil && f == float64(int64(f)) {
			return strconv.FormatInt(int64(f), 10)
		}
	}
	return strings.TrimSpace(vn.NFC(c.Value))
}
