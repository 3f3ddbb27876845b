package roster

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/tongket/tongket/finding"
	"github.com/tongket/tongket/lang"
	"github.com/tongket/tongket/vn"
	"github.com/tongket/tongket/xlsx"
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

// parseDate reads a date typed as text: dd/mm/yyyy, d/m/yyyy, dd-mm-yyyy,
// dd.mm.yyyy, ISO yyyy-mm-dd, or "ngày 01 tháng 8 năm 2024". Day comes
// before month, as Vietnamese write it.
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

// serialProblem reads a number cell as a date, in the workbook's date
// system (the 1904 system of old Mac files counts from 1 January 1904).
func serialProblem(raw string, date1904 bool) (time.Time, *dateProblem) {
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
	if date1904 {
		t, ok = serialDate1904(f)
	}
	if !ok {
		return time.Time{}, &dateProblem{lang.F(
			"số %s không phải là ngày. Hãy nhập ngày vào ô kiểu ngày hoặc ghi dạng %s.",
			"the number %s is not a date. Type a date into a date cell or write it as %s.", raw, example)}
	}
	return t, nil
}

// serialDate1904 is SerialDate for the 1904 date system: serial 0 is 1
// January 1904, and no day is missing.
func serialDate1904(serial float64) (time.Time, bool) {
	if math.IsNaN(serial) || serial < 0 || serial >= 2957004 {
		return time.Time{}, false
	}
	return xlsx.DateSerial(math.Floor(serial), true), true
}

// dateOf reads a date value without reporting: a date cell or a text date.
func (r *reader) dateOf(v value) (time.Time, *dateProblem) {
	if v.kind == xlsx.Number {
		return serialProblem(v.raw, r.book.Date1904())
	}
	return parseDate(v.text)
}

// dayFirstText reports a text date written with numbers, day first
// ("05/09/2019", "1.6.2022"), as Vietnamese write them.
func dayFirstText(s string) bool {
	g := dmyRe.FindStringSubmatch(vn.Key(s))
	return g != nil && g[2] == g[4]
}

// dateOrder is what a date column shows: date cells whose number format
// puts the month first (a workbook made with US settings), and dates typed
// as text, day first. Both in one column means some dates were typed day
// first into a machine that reads month first: which date the cells hold
// cannot be told.
type dateOrder struct {
	monthFirst []shownDate
	text       []shownDate
}

// shownDate is a date cell as it shows, or a text date as typed.
type shownDate struct {
	ref, shown string
	row        int
	date       time.Time
}

// noteDateCell notes a date cell of column col whose format shows the
// month first. The built-in short date formats (ids 14 and 22, stored as
// "mm-dd-yy" and "m/d/yy h:mm") show in the order of the reader's own
// computer, so they do not count.
func (r *reader) noteDateCell(col int, c xlsx.Cell, t time.Time) {
	code := r.book.NumFmt(c.Style)
	if code == "mm-dd-yy" || code == "m/d/yy h:mm" {
		return
	}
	if f := xlsx.ParseFormat(code); !f.Date || !f.MonthFirst || yearFirst(code) {
		return // yyyy-mm-dd is read one way only
	}
	_, row, _ := xlsx.ParseRef(c.Ref)
	d := r.order(col)
	d.monthFirst = append(d.monthFirst, shownDate{ref: c.Ref, row: row, date: t, shown: showDate(t, code)})
}

// showDate writes a date as a numeric date format shows it: "m/d/yyyy"
// shows 1 August 2024 as 8/1/2024. [Brackets] are left out, and times.
func showDate(t time.Time, code string) string {
	var b strings.Builder
	for i := 0; i < len(code); {
		c := code[i] | 0x20
		n := 1
		for i+n < len(code) && code[i+n]|0x20 == c {
			n++
		}
		switch {
		case code[i] == '"' || code[i] == '[':
			end := byte('"')
			if code[i] == '[' {
				end = ']'
			}
			n = len(code) - i
			if j := strings.IndexByte(code[i+1:], end); j >= 0 {
				n = j + 2
			}
			if end == '"' {
				b.WriteString(strings.Trim(code[i:i+n], `"`))
			}
		case c == 'd':
			b.WriteString(pad(t.Day(), n))
		case c == 'm':
			b.WriteString(pad(int(t.Month()), n))
		case c == 'y' && n <= 2:
			b.WriteString(fmt.Sprintf("%02d", t.Year()%100))
		case c == 'y':
			b.WriteString(strconv.Itoa(t.Year()))
		case c == 'h' || c == 's' || c == ' ' || code[i] == ':':
			return strings.TrimRight(b.String(), " ")
		case code[i] == '\\' && i+1 < len(code):
			b.WriteByte(code[i+1])
			n = 2
		default:
			b.WriteString(code[i : i+n])
		}
		i += n
	}
	return b.String()
}

// pad writes n with at least width digits.
func pad(n, width int) string { return fmt.Sprintf("%0*d", min(width, 2), n) }

// yearFirst reports a date format that shows the year before the day and
// month ("yyyy-mm-dd"), outside quoted text and [brackets].
func yearFirst(code string) bool {
	for i := 0; i < len(code); i++ {
		switch c := code[i] | 0x20; {
		case code[i] == '"' || code[i] == '[':
			end := byte('"')
			if code[i] == '[' {
				end = ']'
			}
			if j := strings.IndexByte(code[i+1:], end); j >= 0 {
				i += j + 1
			}
		case code[i] == '\\':
			i++
		case c == 'y':
			return true
		case c == 'd' || c == 'm':
			return false
		}
	}
	return false
}

// noteTextDate notes a date typed as text, day first, in column col.
func (r *reader) noteTextDate(col int, c xlsx.Cell, text string) {
	_, row, _ := xlsx.ParseRef(c.Ref)
	d := r.order(col)
	d.text = append(d.text, shownDate{ref: c.Ref, row: row, shown: text})
}

func (r *reader) order(col int) *dateOrder {
	d := r.sh.dates[col]
	if d == nil {
		d = &dateOrder{}
		r.sh.dates[col] = d
	}
	return d
}

// checkDateOrder refuses, at each of its date cells, a column that holds
// both date cells shown month first and text dates written day first.
func (r *reader) checkDateOrder() {
	for _, d := range r.sh.dates {
		if len(d.monthFirst) == 0 || len(d.text) == 0 {
			continue
		}
		var texts []string
		for i, t := range d.text {
			if i == 3 {
				texts = append(texts, "…")
				break
			}
			texts = append(texts, fmt.Sprintf("%s \"%s\"", t.ref, t.shown))
		}
		list := strings.Join(texts, ", ")
		for _, c := range d.monthFirst {
			col, _, _ := strings.Cut(c.ref, strconv.Itoa(c.row))
			means := lang.Text{
				VI: fmt.Sprintf("ngày %d tháng %d năm %d", c.date.Day(), int(c.date.Month()), c.date.Year()),
				EN: c.date.Format("2 January 2006"),
			}
			f := finding.New(finding.Error, finding.DateOrder, lang.F(
				"Ô %s là ô kiểu ngày hiển thị tháng trước ngày (%s, tức %s), trong khi cùng cột có ngày ghi dạng chữ theo thứ tự ngày trước tháng (%s). Không biết ô %s có đúng ngày người lập định ghi hay không: máy đặt kiểu ngày của Mỹ đọc 01/08/2024 thành ngày 8 tháng 1. Hãy định dạng cả cột theo dd/mm/yyyy, xem lại từng ngày rồi gửi lại.",
				"Cell %s is a date cell shown month first (%s, that is %s), while the same column has text dates written day first (%s). Whether cell %s holds the date meant cannot be told: a computer set to US dates reads 01/08/2024 as 8 January. Format the whole column as dd/mm/yyyy, check each date, and send it again.",
				c.ref, c.shown, means, list, c.ref)).At(r.sh.name, col, c.row)
			f.Value = c.shown
			r.add(f)
		}
	}
}

// FormatDate writes a date as dd/mm/yyyy, the way it is typed.
func FormatDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("02/01/2006")
}
