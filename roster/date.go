package roster

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/tongket/tongket/lang"
	"github.com/tongket/tongket/vn"
)

// MinYear is the earliest year a decision date may have.
const MinYear = 1975

// dateProblem says why a cell is not a date, and what to type instead.
type dateProblem struct{ text lang.Text }

// example is the date format every message suggests.
const example = "01/08/2024"

// SerialDate converts an Excel serial date of the 1900 date system (the
// one Excel for Windows, LibreOffice and openpyxl write) to a date. The
// time of day is dropped. Excel counts a 29 February 1900 that never was
// (serial 60), so serials from 61 on are one day off the plain count; 60
// itself is no date. ok is false for serials outside 1 to 31/12/9999.
func SerialDate(serial float64) (t time.Time, ok bool) {
	if math.IsNaN(serial) || serial < 1 || serial >= 2958466 {
		return time.Time{}, false
	}
	d := int(math.Floor(serial))
	switch {
	case d == 60:
		return time.Time{}, false
	case d < 60:
		return time.Date(1899, 12, 31, 0, 0, 0, 0, time.UTC).AddDate(0, 0, d), true
	}
	return time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, d), true
}

var (
	// dd/mm/yyyy, d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy, with the same
	// separator twice, optionally followed by a time of day.
	dmyRe = regexp.MustCompile(`^(\d{1,2})\s*([/.\-])\s*(\d{1,2})\s*([/.\-])\s*(\d{2}|\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$`)
	// yyyy-mm-dd, also with a time (t="d" cells hold ISO 8601).
	isoRe = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?z?)?$`)
	// "ngày 01 tháng 8 năm 2024" (as a key: lower case).
	wordsRe = regexp.MustCompile(`^(?:ngày\s*)?(\d{1,2})\s*tháng\s*(\d{1,2})\s*,?\s*năm\s*(\d{4})$`)
)

// ParseDate reads a date typed as text: dd/mm/yyyy, d/m/yyyy, dd-mm-yyyy,
// dd.mm.yyyy, ISO yyyy-mm-dd, or "ngày 01 tháng 8 năm 2024". Day comes
// before month, as Vietnamese write it.
func ParseDate(s string) (time.Time, error) {
	t, p := parseDate(s)
	if p != nil {
		return t, fmt.Errorf("%s", p.text.EN)
	}
	return t, nil
}

func parseDate(s string) (time.Time, *dateProblem) {
	k := vn.Key(s)
	var d, m, y string
	if g := dmyRe.FindStringSubmatch(k); g != nil && g[2] == g[4] {
		d, m, y = g[1], g[3], g[5]
	} else if g := isoRe.FindStringSubmatch(k); g != nil {
		y, m, d = g[1], g[2], g[3]
	} else if g := wordsRe.FindStringSubmatch(k); g != nil {
		d, m, y = g[1], g[2], g[3]
	} else {
		return time.Time{}, &dateProblem{lang.F(
			"\"%s\" không phải là ngày. Hãy ghi ngày theo dạng ngày/tháng/năm, ví dụ %s, hoặc nhập vào ô kiểu ngày.",
			"\"%s\" is not a date. Write it as day/month/year, e.g. %s, or type it into a date cell.", s, example)}
	}
	day, _ := strconv.Atoi(d)
	month, _ := strconv.Atoi(m)
	year, _ := strconv.Atoi(y)
	if len(y) == 2 {
		full := fmt.Sprintf("%02d/%02d/20%s", day, month, y)
		return time.Time{}, &dateProblem{lang.F(
			"\"%s\" ghi năm bằng 2 chữ số. Hãy ghi đủ 4 chữ số, ví dụ %s.",
			"\"%s\" has a two-digit year. Write all four digits, e.g. %s.", s, full)}
	}
	if month < 1 || month > 12 {
		if day >= 1 && day <= 12 && month <= 31 {
			swapped := fmt.Sprintf("%02d/%02d/%04d", month, day, year)
			return time.Time{}, &dateProblem{lang.F(
				"\"%s\" không phải là ngày: không có tháng %d. Ngày ghi trước tháng; nếu là ngày %d tháng %d, hãy ghi %s.",
				"\"%s\" is not a date: there is no month %d. The day comes before the month; for day %d of month %d write %s.",
				s, month, month, day, swapped)}
		}
		return time.Time{}, &dateProblem{lang.F(
			"\"%s\" không phải là ngày: không có tháng %d. Hãy ghi ngày/tháng/năm, ví dụ %s.",
			"\"%s\" is not a date: there is no month %d. Write day/month/year, e.g. %s.", s, month, example)}
	}
	last := time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
	if day < 1 || day > last {
		return time.Time{}, &dateProblem{lang.F(
			"\"%s\" không phải là ngày: tháng %d năm %d chỉ có %d ngày. Hãy sửa lại ngày cho đúng.",
			"\"%s\" is not a date: month %d of %d has only %d days. Correct the date.", s, month, year, last)}
	}
	return time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC), nil
}

// serialProblem reads a number cell as a date.
func serialProblem(raw string) (time.Time, *dateProblem) {
	f, err := strconv.ParseFloat(strings.TrimSpace(raw), 64)
	if err != nil {
		return time.Time{}, &dateProblem{lang.F(
			"\"%s\" không phải là ngày. Hãy nhập ngày vào ô kiểu ngày hoặc ghi dạng %s.",
			"\"%s\" is not a date. Type a date into a date cell or write it as %s.", raw, example)}
	}
	if f == math.Trunc(f) && f >= MinYear && f < 2200 {
		return time.Time{}, &dateProblem{lang.F(
			"ô chỉ ghi năm %d. Hãy ghi đủ ngày quyết định, ví dụ 01/08/%d.",
			"the cell holds only the year %d. Write the full decision date, e.g. 01/08/%d.", int(f), int(f))}
	}
	t, ok := SerialDate(f)
	if !ok {
		return time.Time{}, &dateProblem{lang.F(
			"số %s không phải là ngày. Hãy nhập ngày vào ô kiểu ngày hoặc ghi dạng %s.",
			"the number %s is not a date. Type a date into a date cell or write it as %s.", raw, example)}
	}
	return t, nil
}

// FormatDate writes a date as dd/mm/yyyy, the way it is typed.
func FormatDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("02/01/2006")
}
