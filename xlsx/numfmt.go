package xlsx

import (
	"errors"
	"time"
)

// ErrCircular is wrapped by the error Calc returns for a formula that
// depends on itself.
var ErrCircular = errors.New("xlsx: circular reference")

// builtinFormats are the codes of the number formats Excel numbers but
// does not write into styles.xml (ECMA-376-1 §18.8.30).
var builtinFormats = map[int]string{
	0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00",
	9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
	14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy",
	18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss",
	22: "m/d/yy h:mm",
	37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)",
	39: "#,##0.00;(#,##0.00)", 40: "#,##0.00;[Red](#,##0.00)",
	45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
}

// NumFmt returns the number-format code of cell format style (cellXfs
// index): custom codes from <numFmts>, built-in ids mapped to their codes
// (0 "General", 1 "0", 2 "0.00", 3 "#,##0", 4 "#,##0.00", 9 "0%", 10
// "0.00%", 11 "0.00E+00", 14 "mm-dd-yy", 15 "d-mmm-yy", 16 "d-mmm", 17
// "mmm-yy", 18-21 times, 22 "m/d/yy h:mm", 37-40 accounting, 45-47 times,
// 48 "##0.0E+0", 49 "@"; unknown ids "General"). Read with the styles
// part, once.
func (b *Book) NumFmt(style int) string {
	return "General" // TODO
}

// Format is what a number-format code does to a number, from its first
// section (the one for positive numbers); quoted text "…", escaped \x and
// _x, fill *x, [colour], [$-locale] and [conditions] are skipped.
type Format struct {
	Scale      int  // thousands divisions by commas after the last digit placeholder: "#,##0.00,," is 2 (shows 504250000 as 504,25)
	Percent    bool // a % outside quotes: the value is shown ×100
	Date       bool // date or time placeholders (d, m, y, h, s, "yyyy", "mmm", and built-ins 14–22, 45–47)
	YearOnly   bool // a date format showing only the year ("yyyy", "yy", "[$-vi-VN]yyyy")
	MonthFirst bool // a date format showing month before day ("mm/dd/yyyy", "m/d/yy")
	IntDigits  int  // minimum integer digits from '0' placeholders before the decimal point: "00000" is 5, "#,##0" is 1
	Decimals   int  // digit placeholders after the decimal point
	Text       bool // "@"
}

// ParseFormat reads a number-format code; see Format.
func ParseFormat(code string) Format {
	return Format{} // TODO
}

// Date1904 reports the workbook's 1904 date system (<workbookPr
// date1904="1"/> or "true").
func (b *Book) Date1904() bool { return b.date1904 }

// FullCalcOnLoad reports that the workbook asks to be recalculated when
// opened (<calcPr fullCalcOnLoad="1"/>), so cached formula values may be
// stale.
func (b *Book) FullCalcOnLoad() bool { return b.fullCalc }

// DateSerial turns a date serial number into a date (Excel's 1900 system
// with its 1900 leap-year bug, or the 1904 system).
func DateSerial(serial float64, date1904 bool) time.Time {
	base := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	if date1904 {
		base = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
	} else if serial < 61 {
		// Excel counts a 29 February 1900 that never was: serials
		// before it are one day later than the plain count says.
		base = base.AddDate(0, 0, 1)
	}
	days := int(serial)
	frac := serial - float64(days)
	return base.AddDate(0, 0, days).Add(time.Duration(frac*86400+0.5) * time.Second)
}
