package check

import (
	"sort"

	"github.com/tongket/tongket/finding"
	"github.com/tongket/tongket/lang"
	"github.com/tongket/tongket/vn"
)

// Outlier rule. A typo that adds or drops digits, or a figure in đồng where
// triệu đồng belongs, makes a value jump by a factor of ten or more against
// the unit's neighbouring years; ordinary variation, and even steady strong
// growth (cameras installed going from 20 to 300 over ten years), does not.
// So a value is an outlier when, against the median of the unit's reported
// values within two years either side (at least two of them):
//   - it is at least outlierFactor times that median and exceeds it by at
//     least outlierFloor units (small counts like 0 → 5 are ordinary), or
//   - the median is at least outlierFloor and the value is positive but at
//     most a tenth of it.
const (
	outlierFactor = 10
	outlierFloor  = 100 * 100 // hundredths
	outlierSpan   = 2
)

func (c *checker) outliers(unit int, v *view) {
	for ind, cells := range v.cells {
		years := make([]int, 0, len(cells))
		for y := range cells {
			years = append(years, y)
		}
		sort.Ints(years)
		for _, y := range years {
			fg := cells[y]
			if fg.Value < 0 || c.sub.HadError(unit, ind, y) {
				continue
			}
			var near []int64
			for ny, x := range v.values[ind] {
				if ny != y && ny >= y-outlierSpan && ny <= y+outlierSpan && x >= 0 {
					near = append(near, x)
				}
			}
			if len(near) < 2 {
				continue
			}
			m := median(near)
			high := m > 0 && fg.Value >= outlierFactor*m && fg.Value-m >= outlierFloor
			low := m >= outlierFloor && fg.Value > 0 && fg.Value*outlierFactor <= m
			if !high && !low {
				continue
			}
			t := lang.F("%s lớn gấp %s lần mức các năm liền kề (khoảng %s). Hãy kiểm tra có gõ thừa chữ số hoặc nhầm đơn vị tính không; nếu số liệu đúng thì bỏ qua cảnh báo này.",
				"%s is %s times the level of the neighbouring years (about %s). Check for an extra digit or a wrong unit of measure; if the figure is right, ignore this warning.",
				vn.FormatDecimal(fg.Value), ratio(fg.Value, m), vn.FormatDecimal(m))
			if low {
				t = lang.F("%s chỉ bằng khoảng 1/%s mức các năm liền kề (khoảng %s). Hãy kiểm tra có gõ thiếu chữ số hoặc nhầm đơn vị tính không; nếu số liệu đúng thì bỏ qua cảnh báo này.",
					"%s is about 1/%s of the level of the neighbouring years (about %s). Check for a missing digit or a wrong unit of measure; if the figure is right, ignore this warning.",
					vn.FormatDecimal(fg.Value), ratio(m, fg.Value), vn.FormatDecimal(m))
			}
			c.add(c.at(finding.Warning, finding.Outlier, fg, lang.Join(": ", c.ctx(fg), t)))
		}
	}
}

func median(xs []int64) int64 {
	sort.Slice(xs, func(i, j int) bool { return xs[i] < xs[j] })
	n := len(xs)
	if n%2 == 1 {
		return xs[n/2]
	}
	return (xs[n/2-1] + xs[n/2]) / 2
}

// ratio phrases a/b as a whole number ("12").
func ratio(a, b int64) string {
	if b <= 0 {
		return "nhiều"
	}
	return vn.FormatInt(a / b)
}
