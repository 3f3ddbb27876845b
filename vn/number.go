package vn

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"unicode"
)

// Number is a parsed figure, exact to 0.01.
type Number struct {
	Hundredths int64 // value × 100, rounded half away from zero
	Whole      bool  // the value has no fractional part at all (before rounding)
	// Exact is false when rounding to hundredths dropped a digit that was
	// not zero ("1,254"): the figure then holds more than tongket keeps,
	// and the reader asks which was meant instead of storing 1,25.
	Exact bool
	// Decimals is how many fractional digits the value has, trailing
	// zeros left out ("1,250" has 2).
	Decimals int
}

var (
	ErrEmpty     = errors.New("vn: empty value")
	ErrNotNumber = errors.New("vn: not a number")
	ErrAmbiguous = errors.New("vn: ambiguous number: use \".\" only to group thousands in threes and \",\" as the decimal mark")
	ErrTooLarge  = errors.New("vn: number too large")
)

// maxIntDigits caps the integer part so |value| < 1e15: value×100 then
// stays far inside int64, and Excel keeps no more than 15 significant
// digits anyway.
const maxIntDigits = 15

// isBlank reports runes trimmed from the ends of a cell. Zero-width
// characters are included because text pasted from the web carries them
// invisibly.
func isBlank(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' || r == '\u2060'
}

// isGroupSpace reports the spaces people (and Word/Excel autocorrect) put
// between digit groups: plain, no-break, thin, narrow no-break and figure.
func isGroupSpace(r rune) bool {
	return r == ' ' || r == '\u00a0' || r == '\u2009' || r == '\u202f' || r == '\u2007'
}

func isDigit(r rune) bool { return '0' <= r && r <= '9' }

// ParseText parses a number typed as TEXT the Vietnamese way:
// "." groups thousands in groups of exactly three digits ("1.234",
// "1.234.567"), "," is the decimal mark ("3,5", "1.234,75"); "0", "-", "–"
// (en dash), "—" (em dash) alone mean zero; a leading "-" or "−" (U+2212) on
// digits is a negative number (returned negative; the caller flags it);
// surrounding spaces and NBSP are trimmed; spaces/NBSP/thin spaces between
// groups of exactly three digits are also thousands separators ("1 234");
// a leading "+" is allowed.
//
// A dot not followed by exactly three digits ("1.5", "2.50", "12.3456"),
// or any mixture that fits neither rule ("1,234.5", "1.234 567"), gives
// ErrAmbiguous. "1,234" is one point two three four. Percent signs, letters
// and words ("khoảng 200") give ErrNotNumber. ParseText never panics.
func ParseText(s string) (Number, error) { return parseText(s, 0) }

func parseText(s string, shift int) (Number, error) {
	s = strings.TrimFunc(s, isBlank)
	if s == "" {
		return Number{}, ErrEmpty
	}
	switch s {
	case "-", "–", "—", "−": // a dash alone is the accountant's zero
		return Number{Whole: true, Exact: true}, nil
	}
	neg := false
	switch {
	case strings.HasPrefix(s, "+"):
		s = s[1:]
	case strings.HasPrefix(s, "-"):
		neg, s = true, s[1:]
	case strings.HasPrefix(s, "−"):
		neg, s = true, s[len("−"):]
	}
	// Anything besides digits, separators and the decimal comma is text,
	// so it is "not a number" rather than a badly written one.
	digits := false
	for _, r := range s {
		switch {
		case isDigit(r):
			digits = true
		case r == '.' || r == ',' || isGroupSpace(r):
		default:
			return Number{}, ErrNotNumber
		}
	}
	if !digits {
		return Number{}, ErrNotNumber
	}
	intPart, frac, hasComma := strings.Cut(s, ",")
	if hasComma && (frac == "" || !allDigits(frac)) {
		return Number{}, ErrAmbiguous
	}
	ip, ok := ungroup(intPart)
	if !ok {
		return Number{}, ErrAmbiguous
	}
	return fromDigits(neg, ip, frac, shift)
}

// ParseTextShift is ParseText with the decimal point moved shift places
// (negative: to the left) before rounding, so a figure written in đồng is
// read exactly in triệu đồng (shift −6).
func ParseTextShift(s string, shift int) (Number, error) {
	return parseText(s, shift)
}

// ParseRawShift is ParseRaw with the decimal point moved shift places:
// 504250000 shown by "#,##0.00,," is ParseRawShift("504250000", -6).
func ParseRawShift(s string, shift int) (Number, error) {
	return parseRaw(s, shift)
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(rune(s[i])) {
			return false
		}
	}
	return s != ""
}

// ungroup removes thousands separators from the integer part. Grouping
// must be regular (first group 1–3 digits not starting with 0, then groups
// of exactly three, one kind of separator) or the reader could not tell a
// thousands dot from an English decimal point.
func ungroup(s string) (string, bool) {
	if allDigits(s) {
		return s, true
	}
	var (
		b      strings.Builder
		kind   rune // '.' or ' ' once a separator has been seen
		group  int  // digits in the current group
		groups int
	)
	for _, r := range s {
		if isDigit(r) {
			b.WriteRune(r)
			group++
			continue
		}
		k := r
		if isGroupSpace(r) {
			k = ' '
		}
		if k != '.' && k != ' ' {
			return "", false
		}
		if kind != 0 && kind != k {
			return "", false
		}
		kind = k
		if groups == 0 {
			if group < 1 || group > 3 || s[0] == '0' {
				return "", false
			}
		} else if group != 3 {
			return "", false
		}
		groups++
		group = 0
	}
	if group != 3 {
		return "", false
	}
	return b.String(), true
}

// fromDigits builds a Number from decimal digit strings, rounding the
// fraction to hundredths half away from zero by looking at the third
// fractional digit, so no binary floating point is involved.
func fromDigits(neg bool, intDigits, frac string, shift int) (Number, error) {
	intDigits, frac = shiftPoint(intDigits, frac, shift)
	intDigits = strings.TrimLeft(intDigits, "0")
	if len(intDigits) > maxIntDigits {
		return Number{}, ErrTooLarge
	}
	var h int64
	for i := 0; i < len(intDigits); i++ {
		h = h*10 + int64(intDigits[i]-'0')
	}
	for i := 0; i < 2; i++ {
		h *= 10
		if i < len(frac) {
			h += int64(frac[i] - '0')
		}
	}
	if len(frac) > 2 && frac[2] >= '5' {
		h++
	}
	if h >= 100*1e15 { // 999999999999999,995 rounds up to 1e15
		return Number{}, ErrTooLarge
	}
	if neg {
		h = -h
	}
	sig := strings.TrimRight(frac, "0")
	return Number{Hundredths: h, Whole: sig == "", Exact: len(sig) <= 2, Decimals: len(sig)}, nil
}

// shiftPoint moves the decimal point between intDigits and frac by shift
// places, to the right when positive.
func shiftPoint(intDigits, frac string, shift int) (string, string) {
	switch {
	case shift > 0:
		frac += strings.Repeat("0", max(0, shift-len(frac)))
		return intDigits + frac[:shift], frac[shift:]
	case shift < 0:
		k := -shift
		intDigits = strings.Repeat("0", max(0, k-len(intDigits))) + intDigits
		cut := len(intDigits) - k
		return intDigits[:cut], intDigits[cut:] + frac
	}
	return intDigits, frac
}

// ParseRaw parses the raw value XLSX stores for a numeric cell ("1234",
// "1234.5", "1.2E+3", "12.300000000000001", "-0") in Go float syntax and
// rounds it to hundredths.
//
// Like Excel, it first rounds to 15 significant digits, so float noise
// from formulas ("2.6749999999999998" for 2,675) rounds the way the officer
// sees it on screen. Whole is true when the value is within 1e-9 of an
// integer, so 17.000000000000004 counts as 17.
func ParseRaw(s string) (Number, error) { return parseRaw(s, 0) }

func parseRaw(s string, shift int) (Number, error) {
	s = strings.TrimFunc(s, isBlank)
	if s == "" {
		return Number{}, ErrEmpty
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		var ne *strconv.NumError
		if !errors.As(err, &ne) || ne.Err != strconv.ErrRange {
			return Number{}, ErrNotNumber
		}
		if math.IsInf(f, 0) {
			return Number{}, ErrTooLarge
		}
		// Underflow: f is (nearly) zero, which is right.
	}
	if math.IsNaN(f) || math.IsInf(f, 0) { // "NaN", "Inf" are not figures
		return Number{}, ErrNotNumber
	}
	if math.Abs(f) >= 1e15 {
		return Number{}, ErrTooLarge
	}
	if intDigits, frac, ok := plainDigits(s); ok {
		return rawNumber(f, intDigits, frac, shift)
	}
	intDigits, frac := digits15(f)
	return rawNumber(f, intDigits, frac, shift)
}

// plainDigits splits a raw value written as plain decimal digits with at
// most 15 significant ones ("17980", "-2.5", "0.07": what Excel writes
// for nearly every figure): those are the digits a float64 of it shows at
// 15 digits, so no formatting is needed to find them.
func plainDigits(s string) (intDigits, frac string, ok bool) {
	if s != "" && s[0] == '-' {
		s = s[1:]
	}
	intDigits, frac, _ = strings.Cut(s, ".")
	if intDigits == "" && frac == "" || !allASCIIDigits(intDigits) || !allASCIIDigits(frac) {
		return "", "", false
	}
	sig := len(strings.TrimLeft(intDigits, "0")) + len(frac)
	if sig == len(frac) { // no whole part: leading zeros of the fraction are not significant
		sig = len(strings.TrimLeft(frac, "0"))
	}
	return intDigits, frac, sig <= maxIntDigits
}

func allASCIIDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// digits15 is f's magnitude to 15 significant digits, as Excel shows it,
// split at the decimal point.
func digits15(f float64) (intDigits, frac string) {
	// "d.dddddddddddddde±XX": 15 significant digits, exactly rounded.
	e := strconv.FormatFloat(math.Abs(f), 'e', maxIntDigits-1, 64)
	mant, expStr, _ := strings.Cut(e, "e")
	exp, _ := strconv.Atoi(expStr)
	digits := mant[:1] + mant[2:]
	switch {
	case exp >= len(digits)-1:
		intDigits = digits + strings.Repeat("0", exp-(len(digits)-1))
	case exp >= 0:
		intDigits, frac = digits[:exp+1], digits[exp+1:]
	default:
		frac = strings.Repeat("0", -exp-1) + digits
	}
	return intDigits, frac
}

func rawNumber(f float64, intDigits, frac string, shift int) (Number, error) {
	n, err := fromDigits(f < 0, intDigits, frac, shift)
	if err != nil {
		return Number{}, err
	}
	if shift == 0 {
		n.Whole = math.Abs(f-math.Round(f)) <= 1e-9
	}
	return n, nil
}
