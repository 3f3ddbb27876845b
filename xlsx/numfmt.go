package xlsx

import (
	"errors"
	"strings"
	"time"
	"unicode/utf8"
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
	st := b.styles()
	if style < 0 || style >= len(st.xfFmts) {
		return "General"
	}
	id := int(st.xfFmts[style])
	if code, ok := st.numFmts[id]; ok && code != "" {
		return code
	}
	if code, ok := builtinFormats[id]; ok {
		return code
	}
	return "General"
}

// Format is what a number-format code does to a number, from its first
// section (the one for positive numbers); quoted text "…", escaped \x and
// _x, fill *x, [colour], [$-locale] and [conditions] are skipped. Only
// Sections, Bare and Literal look at every section.
type Format struct {
	Scale      int  // thousands divisions by commas after the last digit placeholder: "#,##0.00,," is 2 (shows 504250000 as 504,25)
	Percent    bool // a % outside quotes: the value is shown ×100
	Date       bool // date or time placeholders (d, m, y, h, s, "yyyy", "mmm", and built-ins 14–22, 45–47)
	YearOnly   bool // a date format showing only the year ("yyyy", "yy", "[$-vi-VN]yyyy")
	MonthFirst bool // a date format showing month before day ("mm/dd/yyyy", "m/d/yy")
	IntDigits  int  // minimum integer digits from '0' placeholders before the decimal point: "00000" is 5, "#,##0" is 1
	Decimals   int  // digit placeholders after the decimal point
	Text       bool // "@"
	// Words are what the first section writes beside the number, quoted
	// or escaped ("0.00\" nghìn\"" has " nghìn"): a reader takes them for
	// the figure's measure.
	Words string

	// Sections is the number of sections of the code (1–4, ";"
	// separated). Bare[i] reports that the section shown for a positive
	// (i=0), a negative (1) or a zero (2) value shows no digit (";;;"
	// shows nothing, "\"chưa có\"" only its words), and Literal[i] what it
	// shows instead ("" for nothing). A code with a [condition] section
	// is not told apart this way: all false. ShowsNoDigits picks the
	// section for a value.
	Sections int
	Bare     [3]bool
	Literal  [3]string
}

// ShowsNoDigits reports that the format shows no digit for value v (the
// section that applies holds no digit placeholder, date part or General),
// and what it shows instead ("" for an empty cell).
func (f Format) ShowsNoDigits(v float64) (shown string, bare bool) {
	i := 0
	switch {
	case v < 0 && f.Sections >= 2:
		i = 1
	case v == 0 && f.Sections >= 3:
		i = 2
	}
	return f.Literal[i], f.Bare[i]
}

// sections fills Sections, Bare and Literal from code.
func (f *Format) sections(code string) {
	if code == "" {
		return // read as General
	}
	rest := code
	var secs []string
	for len(secs) < 4 {
		sec := firstSection(rest)
		secs = append(secs, sec)
		if len(sec) == len(rest) {
			break
		}
		rest = rest[len(sec)+1:]
	}
	f.Sections = len(secs)
	var bare [3]bool
	var lit [3]string
	for i := 0; i < 3 && i < len(secs); i++ {
		digits, text, cond := sectionShows(secs[i])
		if cond {
			return // conditions pick sections by value: left alone
		}
		if !digits {
			bare[i], lit[i] = true, text
		}
	}
	// One section serves every value; two: the first serves zero too.
	switch len(secs) {
	case 1:
		bare[1], lit[1], bare[2], lit[2] = bare[0], lit[0], bare[0], lit[0]
	case 2:
		bare[2], lit[2] = bare[0], lit[0]
	}
	f.Bare, f.Literal = bare, lit
}

// sectionShows reads one section: whether it shows digits (a digit
// placeholder, General, a date or time part, @), the literal text it
// shows, and whether it has a [condition].
func sectionShows(sec string) (digits bool, text string, cond bool) {
	var b strings.Builder
	for i := 0; i < len(sec); i++ {
		c := sec[i]
		switch c {
		case '"':
			j := strings.IndexByte(sec[i+1:], '"')
			if j < 0 {
				j = len(sec) - i - 1
			}
			b.WriteString(sec[i+1 : i+1+j])
			i += j + 1
		case '\\':
			n := nextRuneLen(sec[i+1:])
			b.WriteString(sec[i+1 : i+1+n])
			i += n
		case '_', '*':
			i += nextRuneLen(sec[i+1:]) // a space as wide as, or a fill of, the next character
		case '[':
			j := strings.IndexByte(sec[i:], ']')
			if j < 0 {
				j = len(sec) - i - 1
			}
			in := sec[i+1 : i+j]
			if in != "" && strings.ContainsAny(in[:1], "<>=") {
				cond = true
			}
			if elapsedTime(in) {
				digits = true
			}
			i += j
		case '0', '#', '?', '@':
			digits = true
		case 'G', 'g':
			if len(sec)-i >= 7 && strings.EqualFold(sec[i:i+7], "general") {
				digits = true
				i += 6
				continue
			}
			digits = true // era
		case 'd', 'D', 'm', 'M', 'y', 'Y', 'h', 'H', 's', 'S', 'e', 'E', 'b', 'B':
			digits = true
		default:
			b.WriteByte(c)
		}
	}
	return digits, strings.TrimSpace(b.String()), cond
}

// ParseFormat reads a number-format code; see Format.
func ParseFormat(code string) Format {
	var (
		f        Format
		point    bool   // past the decimal point
		afterNum bool   // the last token was a digit placeholder or a scaling comma
		exponent bool   // past the E+ of scientific notation
		dates    []byte // date/time letters in order, one per run ("yyyy" is one 'y')
	)
	sec := firstSection(code)
	for i := 0; i < len(sec); i++ {
		c := sec[i]
		switch c {
		case '"':
			if j := strings.IndexByte(sec[i+1:], '"'); j >= 0 {
				f.Words += sec[i+1 : i+1+j]
				i += j + 1
			} else {
				f.Words += sec[i+1:]
				i = len(sec)
			}
			afterNum = false
			continue
		case '\\', '_', '*':
			n := nextRuneLen(sec[i+1:])
			if c == '\\' {
				f.Words += sec[i+1 : i+1+n] // an escaped character is written as it is
			}
			i += n // the escaped, spaced or fill character
			afterNum = false
			continue
		case '[':
			j := strings.IndexByte(sec[i:], ']')
			if j < 0 {
				j = len(sec) - i - 1
			}
			if elapsedTime(sec[i+1 : i+j]) { // [h], [mm], [ss]
				f.Date = true
				dates = append(dates, lower(sec[i+1]))
			}
			i += j
			afterNum = false
			continue
		case '0', '#', '?':
			if exponent {
				continue
			}
			if point {
				f.Decimals++
			} else if c == '0' {
				f.IntDigits++
			}
			f.Scale, afterNum = 0, true
			continue
		case ',':
			if afterNum { // a comma after the last digit placeholder divides by 1000
				f.Scale++
			}
			continue
		case '.':
			point = true
		case '%':
			f.Percent = true
		case '@':
			f.Text = true
		case 'E', 'e':
			if i+1 < len(sec) && (sec[i+1] == '+' || sec[i+1] == '-') {
				i++ // scientific notation: the exponent's digits are not decimals
				exponent = true
				break
			}
			f.Date, dates = true, appendRun(dates, sec, i)
		case 'G', 'g':
			if len(sec)-i >= 7 && strings.EqualFold(sec[i:i+7], "general") {
				i += 6
				break
			}
			f.Date, dates = true, appendRun(dates, sec, i) // era
		case 'A', 'a':
			if n := ampm(sec[i:]); n > 0 { // AM/PM, A/P: a time marker
				f.Date, i = true, i+n-1
			}
		case 'd', 'D', 'm', 'M', 'y', 'Y', 'h', 'H', 's', 'S', 'b', 'B':
			f.Date, dates = true, appendRun(dates, sec, i)
		}
		afterNum = false
	}
	if f.Date {
		f.YearOnly, f.MonthFirst = dateShape(dates)
		f.Scale, f.Percent, f.IntDigits, f.Decimals = 0, false, 0, 0
	}
	f.sections(code)
	return f
}

// firstSection returns code up to its first ';' outside quotes, escapes
// and brackets: the section for positive numbers.
func firstSection(code string) string {
	for i := 0; i < len(code); i++ {
		switch code[i] {
		case '"':
			j := strings.IndexByte(code[i+1:], '"')
			if j < 0 {
				return code
			}
			i += j + 1
		case '\\', '_', '*':
			i++
		case '[':
			j := strings.IndexByte(code[i:], ']')
			if j < 0 {
				return code
			}
			i += j
		case ';':
			return code[:i]
		}
	}
	return code
}

// nextRuneLen is the byte length of the first character of s (0 when empty).
func nextRuneLen(s string) int {
	if s == "" {
		return 0
	}
	_, n := utf8.DecodeRuneInString(s)
	return n
}

func lower(c byte) byte { return c | 0x20 }

// elapsedTime reports a bracketed elapsed-time part: [h], [hh], [m], [ss]…
func elapsedTime(in string) bool {
	if in == "" {
		return false
	}
	for i := 0; i < len(in); i++ {
		if c := lower(in[i]); c != lower(in[0]) || c != 'h' && c != 'm' && c != 's' {
			return false
		}
	}
	return true
}

// appendRun notes the date letter at sec[i] unless it continues a run of
// the same letter ("yyyy" is one year part).
func appendRun(dates []byte, sec string, i int) []byte {
	c := lower(sec[i])
	if i > 0 && lower(sec[i-1]) == c {
		return dates
	}
	return append(dates, c)
}

// ampm returns the length of an "AM/PM" or "A/P" marker at the start of s.
func ampm(s string) int {
	switch {
	case len(s) >= 5 && strings.EqualFold(s[:5], "am/pm"):
		return 5
	case len(s) >= 3 && strings.EqualFold(s[:3], "a/p"):
		return 3
	}
	return 0
}

// dateShape tells from the date parts in order whether only the year is
// shown and whether the month comes before the day. An 'm' next to an
// hour or a second is minutes, not the month.
func dateShape(parts []byte) (yearOnly, monthFirst bool) {
	yearOnly = len(parts) > 0
	month, day := -1, -1
	for i, c := range parts {
		if c != 'y' && c != 'e' && c != 'b' {
			yearOnly = false
		}
		switch c {
		case 'm':
			minute := i > 0 && parts[i-1] == 'h' || i+1 < len(parts) && parts[i+1] == 's'
			if !minute && month < 0 {
				month = i
			}
		case 'd':
			if day < 0 {
				day = i
			}
		}
	}
	return yearOnly, month >= 0 && day >= 0 && month < day
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
