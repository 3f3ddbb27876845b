package vn

import (
	"strings"
	"sync"
	"sync/atomic"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// NFC returns s in Unicode Normalization Form C. Excel on macOS and text
// pasted from some web pages arrive decomposed (NFD), which looks the same
// but compares different.
func NFC(s string) string { return norm.NFC.String(s) }

// isTone reports the five combining Vietnamese tone marks: huyền, sắc,
// hỏi, ngã, nặng.
func isTone(r rune) bool {
	switch r {
	case '\u0300', '\u0301', '\u0309', '\u0303', '\u0323':
		return true
	}
	return false
}

// isZeroWidth reports invisible characters dropped from keys; they come
// with copy-paste and would make equal labels differ.
func isZeroWidth(r rune) bool {
	switch r {
	case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad':
		return true
	}
	return false
}

// Key is the matching key of a label or name: NFC, lower case,
// typographic quotes “ ” ‘ ’ « » made straight, runs of whitespace (incl.
// NBSP, tabs, newlines) made one space, trimmed, trailing ":" removed, and
// old tone placement moved to the modern one, so "hoà" == "hòa", "thuý" ==
// "thúy", "khoẻ" == "khỏe", "uỷ" == "ủy". Key is idempotent.
func Key(s string) string {
	if k, ok := asciiKey(s); ok {
		return k
	}
	// Labels repeat: the same 18 indicator names in every file, a unit's
	// name on each of its rows. Normalising costs microseconds, a lookup
	// nanoseconds; the cache stops growing at keyCacheMax entries.
	if k, ok := keyCache.Load(s); ok {
		return k.(string)
	}
	k := slowKey(s)
	if keyCacheLen.Add(1) <= keyCacheMax {
		keyCache.Store(strings.Clone(s), k)
	}
	return k
}

const keyCacheMax = 8192

var (
	keyCache    sync.Map // label → Key(label)
	keyCacheLen atomic.Int64
)

// asciiKey is Key for ASCII text, which has no tone marks, typographic
// quotes or zero-width characters, so needs no normalisation; ok is false
// for any other text. An already-folded key comes back without copying.
func asciiKey(s string) (string, bool) {
	folded := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x80:
			return "", false
		case 'A' <= c && c <= 'Z', c == '\t', c == '\n', c == '\v', c == '\f', c == '\r':
			folded = false
		case c == ' ' && (i == 0 || i == len(s)-1 || s[i+1] == ' '):
			folded = false
		}
	}
	if folded && (len(s) == 0 || s[len(s)-1] != ':') {
		return s, true
	}
	b := make([]byte, 0, len(s))
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case ' ', '\t', '\n', '\v', '\f', '\r':
			space = true
			continue
		}
		if space && len(b) > 0 {
			b = append(b, ' ')
		}
		space = false
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return strings.TrimRight(string(b), ": "), true
}

// slowKey is Key for any text.
func slowKey(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case isZeroWidth(r):
			continue
		case unicode.IsSpace(r):
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		switch r {
		case '“', '”', '«', '»':
			r = '"'
		case '‘', '’':
			r = '\''
		default:
			// unicode.ToLower covers Vietnamese (Đ→đ, Ơ→ơ, Ư→ư and
			// all precomposed tone forms) without locale tables.
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	rs := []rune(norm.NFD.String(b.String()))
	modernTone(rs)
	k := norm.NFC.String(string(rs))
	return strings.TrimRight(k, ": ")
}

// modernTone moves, in lower-case NFD text, a tone mark written on the
// second vowel of a final oa, oe or uy onto the first ("hoà" → "hòa"), as
// the modern rule places it. Both spellings remain in use, so matching must
// treat them as one. With a final consonant ("hoàng", "huỳnh") the tone is
// on the second vowel under both rules and is left alone, as is "quý",
// whose u belongs to the consonant qu.
func modernTone(rs []rune) {
	for i := 0; i+2 < len(rs); i++ {
		v1, v2, t := rs[i], rs[i+1], rs[i+2]
		if !isTone(t) {
			continue
		}
		if !(v1 == 'o' && (v2 == 'a' || v2 == 'e') || v1 == 'u' && v2 == 'y') {
			continue
		}
		if v1 == 'u' && i > 0 && rs[i-1] == 'q' {
			continue
		}
		if i+3 < len(rs) && (unicode.IsLetter(rs[i+3]) || unicode.Is(unicode.Mn, rs[i+3])) {
			continue
		}
		rs[i+1], rs[i+2] = t, v2
	}
}

// unitPrefixes are administrative-level words and abbreviations, longest
// first so "thị xã" is tried before "x".
var unitPrefixes = []string{
	"thành phố", "thị trấn", "thị xã", "phường", "huyện", "quận", "xã",
	"tp", "tx", "tt", "q", "h", "p", "x",
}

// UnitKey is Key with the administrative prefix folded away, so "Quận
// Hồng Bàng", "Q. Hồng Bàng", "q.Hồng Bàng" and "Hồng Bàng" all give "hồng
// bàng". Officers write the level inconsistently, but the name identifies
// the unit. A prefix counts only when followed by "." or a space, so "Hà
// Nội" keeps its "h"; a prefix with nothing after it is kept.
func UnitKey(s string) string {
	k := Key(s)
	for _, p := range unitPrefixes {
		rest, ok := strings.CutPrefix(k, p)
		if !ok || rest == "" || (rest[0] != '.' && rest[0] != ' ') {
			continue
		}
		if rest = strings.TrimLeft(rest, ". "); rest != "" {
			return rest
		}
		return k
	}
	return k
}

// StripAccents returns Key(s) without diacritics (đ→d), for a second,
// looser comparison when officers typed without a Vietnamese keyboard.
func StripAccents(s string) string {
	d := norm.NFD.String(Key(s))
	var b strings.Builder
	b.Grow(len(d))
	for _, r := range d {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'đ':
			r = 'd'
		case r == 'Đ':
			r = 'D'
		}
		b.WriteRune(r)
	}
	return norm.NFC.String(b.String())
}
