package report

import (
	"strings"

	"github.com/tongket/tongket/summary"
)

// Units that change (FORMATS.md §10), as the tables show them: units in
// force at the period's end with where they came from, figures that came
// through a share below 1 marked as estimates, and years outside a unit's
// life marked as such rather than as missing.

// estimateMark marks a figure that came, in part, through a share below
// 1 of a unit that was split: "≈4,9".
const estimateMark = "≈"

// unitLabel is a unit's name in a by-unit table, with its note:
// "Phường Thủy Nguyên – hợp nhất từ … (từ 01/7/2025)".
func unitLabel(r summary.UnitRow) string {
	if r.Note == "" {
		return r.Name
	}
	return r.Name + " – " + r.Note
}

// estimated is a by-unit cell, marked when the figure is an estimate.
func estimated(cell string, ind *summary.Indicator, code string) string {
	if ind.IsEstimated(code) {
		return estimateMark + cell
	}
	return cell
}

// unitNotes are the notes under a by-unit table about units that
// changed: on what basis figures were attributed, what the estimate mark
// means, and figures left out because their unit did not exist yet.
func unitNotes(s *summary.Summary) []string {
	var notes []string
	if len(s.Successions) > 0 {
		n := "Số liệu của các đơn vị đã sáp nhập, chia tách được tính cho đơn vị kế thừa đang hoạt động cuối giai đoạn"
		if b := s.Bases(); len(b) > 0 {
			n += " (căn cứ: " + strings.Join(b, "; ") + ")"
		}
		n += "; số liệu đã báo cáo không bị sửa."
		for _, ind := range s.Indicators {
			if len(ind.Estimated) > 0 {
				n += " Số có dấu " + estimateMark + " là số ước tính theo tỷ lệ (một phần của đơn vị cũ được chia cho nhiều đơn vị mới)."
				break
			}
		}
		notes = append(notes, n)
	}
	if len(s.Unattributed) > 0 {
		var parts []string
		for _, u := range s.Unattributed {
			var ys []string
			for _, y := range u.Years {
				ys = append(ys, itoa(y))
			}
			parts = append(parts, u.Unit+" ("+strings.Join(ys, ", ")+")")
		}
		notes = append(notes, "Không tính vào giai đoạn này số liệu các đơn vị báo cáo cho những năm trước khi thành lập: "+
			strings.Join(parts, "; ")+"; số liệu các năm đó là của các đơn vị tiền thân.")
	}
	return notes
}

// yearMark is a unit's mark for a year in a completeness grid: reported,
// missing, or outside the unit's life (not expected: not yet formed, or
// merged, split or dissolved).
func yearMark(u summary.Unit, y int) (reported, outside bool) {
	for _, x := range u.YearsReported {
		if x == y {
			reported = true
		}
	}
	for _, x := range u.YearsOutside {
		if x == y {
			outside = true
		}
	}
	return reported, outside
}

// outsideNote explains the outside mark, when a grid has one.
func outsideNote(s *summary.Summary, mark string) string {
	for _, u := range s.Units {
		if len(u.YearsOutside) > 0 {
			return "\"" + mark + "\": năm ngoài thời gian hoạt động của đơn vị (chưa thành lập, đã sáp nhập, chia tách hoặc giải thể), không tính là thiếu."
		}
	}
	return ""
}

// xUnitValue is a by-unit figure as a workbook cell holds it: exact (a
// share of 12,34 is 4,936), the cell's format rounding it for display.
func xUnitValue(ind *summary.Indicator, code string) (any, summary.Micro) {
	if ind.Exact != nil {
		if m, ok := ind.Exact.ByUnit[code]; ok {
			return float64(m) / 1e6, m
		}
	}
	a := ind.ByUnit[code]
	return xValue(a), a.Micro()
}
