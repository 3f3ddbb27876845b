package check

import (
	"slices"
	"sort"

	"github.com/tongket/tongket/finding"
	"github.com/tongket/tongket/lang"
	"github.com/tongket/tongket/vn"
)

// Outlier rule. A typo that adds or drops digits, or a figure in đồng where
// triệu đồng belongs, puts a value ten times or more out of line with every
// neighbouring year; ordinary variation, and even steady strong growth
// (cameras installed going from 20 to 300 over ten years), does not. So, with
// the unit's reported values within two years either side (at least two):
//   - high: the value is at least outlierFactor times the largest of them
//     and exceeds it by at least outlierFloor units (0 → 5 is ordinary);
//   - low: the smallest of them is at least outlierFloor units and the value
//     is positive but at most a tenth of it.
//
// Comparing with every neighbour rather than their median keeps one spike
// from making its neighbours look out of line too.
const (
	outlierFactor = 10
	outlierFloor  = 100 * 100 // hundredths
	outlierSpan   = 2
)

func (c *checker) outliers(unit int, v *view) {
	// A cell that already has an error is not also called unusual.
	flagged := map[string]bool{}
	for _, f := range c.sub.Findings {
		if f.Severity == finding.Error && f.Cell != "" {
			flagged[f.Cell] = true
		}
	}
	var years []int
	var near []int64 // both reused from indicator to indicator
	for ind, cells := range v.cells {
		years = years[:0]
		for y := range cells {
			years = append(years, y)
		}
		sort.Ints(years)
		for _, y := range years {
			fg := cells[y]
			if fg.Value < 0 || c.sub.HadError(unit, ind, y) || len(flagged) > 0 && flagged[fg.Cell()] {
				continue
			}
			near = near[:0]
			for ny, x := range v.values[ind] {
				if ny != y && ny >= y-outlierSpan && ny <= y+outlierSpan && x >= 0 {
					near = append(near, x)
				}
			}
			if len(near) < 2 {
				continue
			}
			lo, hi := slices.Min(near), slices.Max(near)
			high := fg.Value >= outlierFactor*hi && fg.Value-hi >= outlierFloor
			low := lo >= outlierFloor && fg.Value > 0 && fg.Value*outlierFactor <= lo
			if !high && !low {
				continue
			}
			t := lang.F("%s lớn gấp %s lần năm liền kề cao nhất (%s). Hãy kiểm tra có gõ thừa chữ số hoặc nhầm đơn vị tính không; nếu số liệu đúng thì bỏ qua cảnh báo này.",
				"%s is %s times the highest neighbouring year (%s). Check for an extra digit or a wrong unit of measure; if the figure is right, ignore this warning.",
				vn.FormatDecimal(fg.Value), ratio(fg.Value, hi), vn.FormatDecimal(hi))
			if low {
				t = lang.F("%s chỉ bằng khoảng 1/%s năm liền kề thấp nhất (%s). Hãy kiểm tra có gõ thiếu chữ số hoặc nhầm đơn vị tính không; nếu số liệu đúng thì bỏ qua cảnh báo này.",
					"%s is about 1/%s of the lowest neighbouring year (%s). Check for a missing digit or a wrong unit of measure; if the figure is right, ignore this warning.",
					vn.FormatDecimal(fg.Value), ratio(lo, fg.Value), vn.FormatDecimal(lo))
			}
			c.add(c.at(finding.Warning, finding.Outlier, fg, lang.Join(": ", c.ctx(fg), t)))
		}
	}
}

// ratio phrases a/b as a whole number ("12").
func ratio(a, b int64) string {
	if b <= 0 {
		return "nhiều"
	}
	return vn.FormatInt(a / b)
}
