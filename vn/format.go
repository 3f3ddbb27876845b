package vn

import (
	"strconv"
	"strings"
)

// magnitude returns |n| without overflowing on math.MinInt64.
func magnitude(n int64) (neg bool, u uint64) {
	if n < 0 {
		return true, uint64(-(n + 1)) + 1
	}
	return false, uint64(n)
}

// group writes u with "." between groups of three digits.
func group(u uint64) string {
	s := strconv.FormatUint(u, 10)
	if len(s) <= 3 {
		return s
	}
	var b strings.Builder
	lead := len(s) % 3
	if lead == 0 {
		lead = 3
	}
	b.WriteString(s[:lead])
	for i := lead; i < len(s); i += 3 {
		b.WriteByte('.')
		b.WriteString(s[i : i+3])
	}
	return b.String()
}

// FormatInt writes n as officers do: 17980 → "17.980", -1234567 →
// "-1.234.567".
func FormatInt(n int64) string {
	neg, u := magnitude(n)
	if neg {
		return "-" + group(u)
	}
	return group(u)
}

// FormatHundredths writes h/100 with exactly decimals digits after the
// decimal comma: (350, 1) → "3,5", (123456, 2) → "1.234,56", (1700, 1) →
// "17,0". Fewer than two decimals round half away from zero; more are
// padded with zeros; a value that rounds to zero has no minus sign.
func FormatHundredths(h int64, decimals int) string {
	if decimals < 0 {
		decimals = 0
	}
	neg, u := magnitude(h)
	var ip uint64
	frac := ""
	switch decimals {
	case 0:
		ip = (u + 50) / 100
	case 1:
		t := (u + 5) / 10
		ip, frac = t/10, strconv.FormatUint(t%10, 10)
	default:
		ip = u / 100
		c := u % 100
		frac = string(rune('0'+c/10)) + string(rune('0'+c%10)) + strings.Repeat("0", decimals-2)
	}
	var b strings.Builder
	if neg && (ip != 0 || strings.Trim(frac, "0") != "") {
		b.WriteByte('-')
	}
	b.WriteString(group(ip))
	if frac != "" {
		b.WriteByte(',')
		b.WriteString(frac)
	}
	return b.String()
}

// FormatDecimal writes h/100 with as few decimals as keep it exact:
// 1700 → "17", 350 → "3,5", 123456 → "1.234,56".
func FormatDecimal(h int64) string {
	switch {
	case h%100 == 0:
		return FormatHundredths(h, 0)
	case h%10 == 0:
		return FormatHundredths(h, 1)
	}
	return FormatHundredths(h, 2)
}
