package unitlist

import (
	"fmt"
	"math"
	"math/big"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/tongket/tongket/lang"
	"github.com/tongket/tongket/vn"
	"github.com/tongket/tongket/xlsx"
)

// A date of the list is written "2025-07-01" (ISO), so that dates compare
// as strings; "" is no date (always).
const isoDate = "2006-01-02"

// ShowDate writes an ISO date as officers do: 01/07/2025.
func ShowDate(iso string) string {
	t, err := time.Parse(isoDate, iso)
	if err != nil {
		return iso
	}
	return t.Format("02/01/2006")
}

// dateExample is the date every message suggests.
const dateExample = "01/07/2025"

var (
	dmyRe = regexp.MustCompile(`^(\d{1,2})\s*([/.\-])\s*(\d{1,2})\s*([/.\-])\s*(\d{4}|\d{2})$`)
	isoRe = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})$`)
)

// ParseDate reads a date typed as text, day first as Vietnamese write it:
// 01/07/2025, 1/7/2025, 01-07-2025, 01.07.2025, or ISO 2025-07-01. It
// returns the ISO date, or why the text is not one.
func ParseDate(s string) (string, *lang.Text) {
	k := strings.TrimSpace(vn.NFC(s))
	var d, m, y string
	if g := dmyRe.FindStringSubmatch(k); g != nil && g[2] == g[4] {
		d, m, y = g[1], g[3], g[5]
	} else if g := isoRe.FindStringSubmatch(k); g != nil {
		y, m, d = g[1], g[2], g[3]
	} else {
		return "", new(lang.F(
			"\"%s\" không phải là ngày. Hãy ghi ngày/tháng/năm, ví dụ %s, hoặc nhập vào ô kiểu ngày.",
			"\"%s\" is not a date. Write day/month/year, e.g. %s, or type it into a date cell.", s, dateExample))
	}
	if len(y) == 2 {
		return "", new(lang.F(
			"\"%s\" ghi năm bằng 2 chữ số. Hãy ghi đủ 4 chữ số, ví dụ %s/%s/20%s.",
			"\"%s\" has a two-digit year. Write all four digits, e.g. %s/%s/20%s.", s, d, m, y))
	}
	day, _ := strconv.Atoi(d)
	month, _ := strconv.Atoi(m)
	year, _ := strconv.Atoi(y)
	if month < 1 || month > 12 {
		return "", new(lang.F(
			"\"%s\" không phải là ngày: không có tháng %d. Ngày ghi trước tháng, ví dụ %s.",
			"\"%s\" is not a date: there is no month %d. The day comes before the month, e.g. %s.", s, month, dateExample))
	}
	return isoOf(s, year, month, day)
}

// isoOf checks a day of a month and writes the ISO date.
func isoOf(s string, year, month, day int) (string, *lang.Text) {
	if year < 1900 || year > 2199 {
		return "", new(lang.F(
			"\"%s\": năm %d nằm ngoài các năm 1900–2199. Hãy sửa lại ngày.",
			"\"%s\": the year %d is outside 1900–2199. Correct the date.", s, year))
	}
	last := time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
	if day < 1 || day > last {
		return "", new(lang.F(
			"\"%s\" không phải là ngày: tháng %d năm %d có %d ngày. Hãy sửa lại ngày.",
			"\"%s\" is not a date: month %d of %d has %d days. Correct the date.", s, month, year, last))
	}
	return fmt.Sprintf("%04d-%02d-%02d", year, month, day), nil
}

// cellDate reads a date cell or a date typed as text. A number shown
// without a date format is not taken for a date: a person sees 45839.
func cellDate(c xlsx.Cell, code string, date1904 bool) (string, *lang.Text) {
	f := xlsx.ParseFormat(code)
	if c.Kind != xlsx.Number {
		return ParseDate(c.Value)
	}
	v, err := strconv.ParseFloat(c.Value, 64)
	if err != nil || !f.Date || math.IsNaN(v) || v < 1 || v > 2958465 {
		return "", new(lang.F(
			"ô ghi số %s, không phải ngày. Hãy ghi ngày dạng ngày/tháng/năm, ví dụ %s, hoặc định dạng ô là ngày.",
			"the cell holds the number %s, not a date. Write the date as day/month/year, e.g. %s, or format the cell as a date.", c.Value, dateExample))
	}
	t := xlsx.DateSerial(math.Floor(v), date1904)
	if monthFirst(code, f) && t.Day() <= 12 && t.Day() != int(t.Month()) {
		// Shown "07/01/2025" for 1 July: read day first, as every date
		// here is, it is 7 January. Which was meant, nobody can tell.
		return "", new(lang.F(
			"ô kiểu ngày hiển thị tháng trước ngày (%s), nên người đọc thấy ngày %s, còn ô chứa ngày %s. Hãy định dạng ô theo ngày/tháng/năm (dd/mm/yyyy) và kiểm tra lại ngày.",
			"the date cell shows the month first (%s), so a reader sees %s while the cell holds %s. Format the cell day/month/year (dd/mm/yyyy) and check the date.",
			t.Format("01/02/2006"), fmt.Sprintf("%d/%d/%d", int(t.Month()), t.Day(), t.Year()), t.Format("02/01/2006")))
	}
	return isoOf(t.Format("02/01/2006"), t.Year(), int(t.Month()), t.Day())
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// hasDigitFormat reports a format that fixes its decimals ("0", "0.00",
// "0%"): General shows what the cell holds.
func hasDigitFormat(f xlsx.Format) bool { return f.IntDigits > 0 || f.Decimals > 0 || f.Percent }

// monthFirst reports a date format a reader reads month first: not the
// built-in short dates (ids 14 and 22, stored "mm-dd-yy" and "m/d/yy
// h:mm"), which show in the order of the reader's own computer, nor one
// that starts with the year (yyyy-mm-dd reads one way only).
func monthFirst(code string, f xlsx.Format) bool {
	if !f.Date || !f.MonthFirst || code == "mm-dd-yy" || code == "m/d/yy h:mm" {
		return false
	}
	l := strings.ToLower(code)
	y, m := strings.IndexByte(l, 'y'), strings.IndexByte(l, 'm')
	return !(y >= 0 && y < m)
}

// Whole is a share of 1: shares are kept in millionths, exactly.
const Whole = 1_000_000

// ShowShare writes a share in millionths as officers do: 0,6; 1; 0,333334.
func ShowShare(m int64) string {
	s := strconv.FormatInt(m/Whole, 10)
	if frac := m % Whole; frac != 0 {
		s += "," + strings.TrimRight(fmt.Sprintf("%06d", frac), "0")
	}
	return s
}

// ParseShare reads a share typed as text: 0,6, 0.6, 1, 60%, 1/2 (a
// decimal comma or point: a share is at most 1, so "1.000" is one). It
// returns millionths, or why the text is not a share.
func ParseShare(s string) (int64, *lang.Text) {
	k := strings.ReplaceAll(strings.TrimSpace(vn.NFC(s)), " ", "")
	percent := strings.HasSuffix(k, "%")
	k = strings.TrimSuffix(k, "%")
	if strings.Count(k, ",")+strings.Count(k, ".") > 1 || k == "" || strings.ContainsAny(k, "eE+") {
		return 0, notShare(s)
	}
	r, ok := new(big.Rat).SetString(strings.Replace(k, ",", ".", 1))
	if !ok {
		return 0, notShare(s)
	}
	if percent {
		r.Quo(r, big.NewRat(100, 1))
	}
	return shareOf(s, r)
}

func notShare(s string) *lang.Text {
	return new(lang.F(
		"\"%s\" không phải là tỷ lệ. Hãy ghi phần của đơn vị cũ chuyển sang đơn vị mới, từ 0 đến 1, ví dụ 0,6 (hoặc 60%%); để trống là 1 (cả đơn vị).",
		"\"%s\" is not a share. Write the part of the old unit that went to the new one, from 0 to 1, e.g. 0,6 (or 60%%); empty means 1 (the whole unit).", s))
}

// shareOf checks a share read exactly and turns it into millionths.
func shareOf(s string, r *big.Rat) (int64, *lang.Text) {
	if r.Sign() <= 0 || r.Cmp(big.NewRat(1, 1)) > 0 {
		return 0, new(lang.F(
			"Tỷ lệ \"%s\" phải lớn hơn 0 và không quá 1 (phần của đơn vị cũ chuyển sang đơn vị mới, ví dụ 0,6).",
			"The share \"%s\" must be above 0 and at most 1 (the part of the old unit that went to the new one, e.g. 0,6).", s))
	}
	m := new(big.Rat).Mul(r, big.NewRat(Whole, 1))
	if !m.IsInt() {
		return 0, new(lang.F(
			"Tỷ lệ \"%s\" có quá 6 chữ số thập phân. Hãy ghi tỷ lệ đến 6 chữ số, sao cho các tỷ lệ của một đơn vị cũ cộng lại đúng bằng 1 (ví dụ 1/3 và 2/3 ghi 0,333333 và 0,666667).",
			"The share \"%s\" has more than 6 decimals. Write it to 6 decimals so that the shares of one old unit add up to exactly 1 (e.g. 1/3 and 2/3 as 0,333333 and 0,666667).", s))
	}
	return m.Num().Int64(), nil
}

// cellShare reads a share cell: a number (as stored, so a formula =1/3
// shows its many decimals and is refused) or text. percent: the column is
// headed in percent, so 60 is 0,6. A number its format shows rounded
// (0,55 shown "1") is refused: the reader sees another share.
func cellShare(c xlsx.Cell, f xlsx.Format, percent bool) (int64, *lang.Text) {
	if c.Kind != xlsx.Number {
		if percent && !strings.Contains(c.Value, "%") {
			return ParseShare(strings.TrimSpace(c.Value) + "%")
		}
		return ParseShare(c.Value)
	}
	v, err := strconv.ParseFloat(c.Value, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, notShare(c.Value)
	}
	if shown := v * math.Pow(10, float64(f.Decimals+2*b2i(f.Percent))); !f.Date && !f.Text && f.Sections > 0 &&
		math.Abs(shown-math.Round(shown)) > 1e-9 && hasDigitFormat(f) {
		return 0, new(lang.F(
			"ô chứa tỷ lệ %s nhưng định dạng của ô chỉ hiện %d chữ số thập phân, nên người đọc thấy một tỷ lệ khác. Hãy định dạng ô để hiện đủ chữ số (hoặc ghi tỷ lệ dạng chữ, ví dụ 0,55).",
			"the cell holds the share %s but its format shows %d decimals, so a reader sees another share. Format the cell to show every decimal (or type the share as text, e.g. 0,55).",
			strings.Replace(strconv.FormatFloat(v, 'f', -1, 64), ".", ",", 1), f.Decimals))
	}
	if percent && !f.Percent {
		v /= 100
	}
	// A binary float holds 0,6 as 0.59999…: the share a person typed is
	// the nearest millionth, when the cell is that close to it.
	m := math.Round(v * Whole)
	if math.Abs(v*Whole-m) > 1e-6 {
		return shareOf(strconv.FormatFloat(v, 'f', -1, 64), new(big.Rat).SetFloat64(v))
	}
	return shareOf(ShowShare(int64(m)), big.NewRat(int64(m), Whole))
}
