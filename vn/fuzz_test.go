package vn

import (
	"math"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// textSeeds are cells officers actually type, good and bad.
var textSeeds = []string{
	"0", "-", "–", "—", "17980", "17.980", "1.234.567", "3,5", "1.234,75", "1,234",
	"1 234", "1\u00a0234,5", "1\u2009234", "-5", "−1.234,5", "+12", "  42 ",
	"1.5", "2.50", "12.3456", "1.23.456", "1,234.56", "khoảng 200", "50%", "12a",
	"abc", "", "   ", "999.999.999.999.999", "1.000.000.000.000.000", "0,005",
	"Hoà Bình", "Quận Hồng Bàng", "Ho\u0300a", "Uỷ ban:", "“Tổng số”", "\xff\xfe",
}

func checkKey(t *testing.T, s string) {
	k := Key(s)
	if k2 := Key(k); k2 != k {
		t.Errorf("Key not idempotent on %q: %q then %q", s, k, k2)
	}
	UnitKey(s)
	StripAccents(s)
	Closest(s, []string{s, k, "Hồng Bàng"}, 2)
}

func FuzzParseText(f *testing.F) {
	for _, s := range textSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkKey(t, s)
		n, err := ParseText(s)
		if n2, err2 := ParseText(" " + s + "\u00a0"); n2 != n || err2 != err {
			t.Errorf("ParseText(%q) = %+v, %v but padded gives %+v, %v", s, n, err, n2, err2)
		}
		if err != nil {
			return
		}
		h := n.Hundredths
		if h >= 1e17 || h <= -1e17 {
			t.Fatalf("ParseText(%q) = %d out of range", s, h)
		}
		if n.Whole && h%100 != 0 {
			t.Errorf("ParseText(%q) = %+v: Whole but fractional", s, n)
		}
		for _, out := range []string{FormatDecimal(h), FormatHundredths(h, 2), FormatHundredths(h, 4)} {
			m, err := ParseText(out)
			if err != nil || m.Hundredths != h || m.Whole != (h%100 == 0) {
				t.Errorf("ParseText(%q) = %+v; re-parse of %q = %+v, %v", s, n, out, m, err)
			}
		}
	})
}

// rawOf writes h/100 the way XLSX stores a number, exactly.
func rawOf(h int64) string {
	neg, u := magnitude(h)
	s := strconv.FormatUint(u/100, 10) + "." + strconv.FormatUint(u%100/10, 10) + strconv.FormatUint(u%10, 10)
	if neg {
		return "-" + s
	}
	return s
}

func FuzzParseRaw(f *testing.F) {
	for _, s := range []string{
		"1234", "1234.5", "1.2E+3", "12.300000000000001", "17.000000000000004",
		"2.6749999999999998", "-0", "0", "1E-10", "-17980", "999999999999999",
		"1e15", "1e400", "NaN", "Inf", "0x1p-2", "", " 42 ", "abc", "1,5",
		"0.07", "-2.5", "000123", ".5", "5.", "0.000000000000001234", "123456789012345", "1234567.89012345", "-.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkKey(t, s)
		n, err := ParseRaw(s)
		if err != nil {
			return
		}
		// Plain digits are read without formatting the float: the same
		// number as the digits Excel shows at 15 places, at every shift.
		if id, fr, ok := plainDigits(strings.TrimFunc(s, isBlank)); ok {
			v, _ := strconv.ParseFloat(strings.TrimFunc(s, isBlank), 64)
			id15, fr15 := digits15(v)
			for shift := -6; shift <= 6; shift += 3 {
				a, aerr := rawNumber(v, id, fr, shift)
				b, berr := rawNumber(v, id15, fr15, shift)
				if a != b || aerr != berr {
					t.Errorf("%q shifted %d: plain digits %q.%q give %+v, %v; 15 shown digits %q.%q give %+v, %v", s, shift, id, fr, a, aerr, id15, fr15, b, berr)
				}
			}
		}
		h := n.Hundredths
		if h >= 1e17 || h <= -1e17 {
			t.Fatalf("ParseRaw(%q) = %d out of range", s, h)
		}
		if n.Whole && h%100 != 0 {
			t.Errorf("ParseRaw(%q) = %+v: Whole but fractional", s, n)
		}
		v, _ := strconv.ParseFloat(strings.TrimFunc(s, isBlank), 64) // only underflow can err here
		if d := math.Abs(float64(h)/100 - v); d > 0.0051+1e-14*math.Abs(v) {
			t.Errorf("ParseRaw(%q) = %d, %g away from %g", s, h, d, v)
		}
		// Figures Excel can hold exactly (15 significant digits) survive a
		// round trip through their raw form and their Vietnamese text form.
		if h < 1e15 && h > -1e15 {
			if m, err := ParseRaw(rawOf(h)); err != nil || m.Hundredths != h {
				t.Errorf("ParseRaw(%q) = %d; ParseRaw(%q) = %+v, %v", s, h, rawOf(h), m, err)
			}
		}
		if m, err := ParseText(FormatDecimal(h)); err != nil || m.Hundredths != h {
			t.Errorf("ParseRaw(%q) = %d; ParseText(%q) = %+v, %v", s, h, FormatDecimal(h), m, err)
		}
	})
}

func FuzzKey(f *testing.F) {
	for _, s := range textSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkKey(t, s)
		if k, ok := asciiKey(s); ok && k != slowKey(s) {
			t.Errorf("asciiKey(%q) = %q, slowKey = %q", s, k, slowKey(s))
		}
		if !In(map[string]bool{Key(s): true}, s) || In(map[string]bool{Key(s) + "x": true}, s) {
			t.Errorf("In does not look up Key(%q) = %q", s, Key(s))
		}
		k := UnitKey(s)
		if Key(s) == "" && k != "" {
			t.Errorf("UnitKey(%q) = %q from an empty key", s, k)
		}
	})
}

// FuzzUnitLevel checks that splitting a unit's name loses nothing: the
// bare key is empty only for an empty name, and writing the level back in
// front of it, in full or abbreviated, gives the same split.
func FuzzUnitLevel(f *testing.F) {
	for _, s := range []string{
		"Quận Hồng Bàng", "Q.1", "P.1", "Phường 01", "Phường 00", "TP. Hồ Chí Minh",
		"Tp Hải Phòng", "TX.Thủy Nguyên", "Thị trấn An Dương", "H. An Dương", "Tỉnh Quảng Ninh",
		"Hà Nội", "Xuân Thủy", "Phường", "Q.", "Q. .", "Qua\u0323\u0302n 1", "x.\u0301a", "Q.uý", "",
	} {
		f.Add(s)
	}
	levels := map[string]bool{"": true}
	for _, w := range levelWords {
		levels[w.level] = true
	}
	f.Fuzz(func(t *testing.T, s string) {
		level, bare := UnitLevel(s)
		if !levels[level] {
			t.Fatalf("UnitLevel(%q) = %q: not a level", s, level)
		}
		if (bare == "") != (Key(s) == "") {
			t.Errorf("UnitLevel(%q) = %q, %q from key %q", s, level, bare, Key(s))
		}
		if l, b := UnitLevel(Key(s)); l != level || b != bare {
			t.Errorf("UnitLevel(%q) = %q, %q but of its key %q, %q", s, level, bare, l, b)
		}
		if level != "tỉnh" && foldNumber(UnitKey(s)) != bare {
			t.Errorf("UnitLevel(%q) = %q, %q but UnitKey = %q", s, level, bare, UnitKey(s))
		}
		if level == "" {
			return
		}
		for _, w := range levelWords {
			if w.level != level {
				continue
			}
			for _, again := range []string{w.word + " " + bare, w.word + "." + bare, strings.ToUpper(w.word) + ". " + bare} {
				if l, b := UnitLevel(again); l != level || b != bare {
					t.Errorf("UnitLevel(%q) = %q, %q but UnitLevel(%q) = %q, %q", s, level, bare, again, l, b)
				}
			}
		}
	})
}

// FuzzLegacy checks the shortcuts readers take before converting legacy
// text: MayConvert is false only for text no encoding changes, and
// LooksMojibake, which passes over characters below U+00A0, answers as the
// plain rune-by-rune test does.
func FuzzLegacy(f *testing.F) {
	for _, s := range append(textSeeds, "Tæng céng", "Vieät Nam", "TT01", "Ghi chú", "a«b", "x\u00ady", "Tong cong", "") {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !MayConvert(s) {
			for _, e := range []Encoding{TCVN3, TCVN3H, VNI} {
				if out, changed := e.Convert(s); changed {
					t.Errorf("MayConvert(%q) = false, but %d converts it to %q", s, e, out)
				}
			}
		}
		if got, want := LooksMojibake(s), looksMojibakeEveryRune(s); got != want {
			t.Errorf("LooksMojibake(%q) = %v, the rune-by-rune test says %v", s, got, want)
		}
	})
}

// looksMojibakeEveryRune is LooksMojibake without its shortcut.
func looksMojibakeEveryRune(s string) bool {
	prev := rune(-1)
	for i, r := range s {
		next := rune(-1)
		if j := i + utf8.RuneLen(r); j < len(s) {
			next, _ = utf8.DecodeRuneInString(s[j:])
		}
		pl, nl := isWordRune(prev), isWordRune(next)
		switch {
		case r == '«' || r == '»' || r == '·' || r == '\u00ad':
			if pl && nl {
				return true
			}
		case isLegacyOnly(r):
			if pl || nl {
				return true
			}
		case prev >= 0 && vniMarkAfter(prev, r):
			return true
		}
		prev = r
	}
	return false
}

// FuzzWithdrawn checks Withdrawn's shortcut: a text it passes over is one
// the phrases do not match.
func FuzzWithdrawn(f *testing.F) {
	for _, s := range []string{"Đã rút khỏi danh sách", "ĐÃ HỦY", "đa\u0303 ru\u0301t", "Không tính", "Hòa Bình", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Withdrawn(s), withdrawnRe.MatchString(Key(s)); got != want {
			t.Errorf("Withdrawn(%q) = %v, the phrases say %v", s, got, want)
		}
	})
}
