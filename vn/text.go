package vn

import (
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// NFC returns s in Unicode Normalization Form C. Excel on macOS and text
// pasted from some web pages arrive decomposed (NFD), which looks the same
// but compares different.
func NFC(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return norm.NFC.String(s)
		}
	}
	return s // ASCII is its own NFC: codes and numbers, most cells
}

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
	folded, ok := isFoldedASCII(s)
	if !ok {
		return "", false
	}
	if folded {
		return s, true
	}
	return string(appendFoldedASCII(make([]byte, 0, len(s)), s)), true
}

// isFoldedASCII reports whether s is ASCII (ok) and already its own key.
func isFoldedASCII(s string) (folded, ok bool) {
	folded = true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x80:
			return false, false
		case 'A' <= c && c <= 'Z', c == '\t', c == '\n', c == '\v', c == '\f', c == '\r':
			folded = false
		case c == ' ' && (i == 0 || i == len(s)-1 || s[i+1] == ' '):
			folded = false
		}
	}
	return folded && (len(s) == 0 || s[len(s)-1] != ':'), true
}

// appendFoldedASCII appends the key of ASCII text s to b.
func appendFoldedASCII(b []byte, s string) []byte {
	start := len(b)
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case ' ', '\t', '\n', '\v', '\f', '\r':
			space = true
			continue
		}
		if space && len(b) > start {
			b = append(b, ' ')
		}
		space = false
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	for len(b) > start && (b[len(b)-1] == ':' || b[len(b)-1] == ' ') {
		b = b[:len(b)-1]
	}
	return b
}

// In reports whether Key(s) is in set. Most of a sheet's cells are ASCII
// (codes, numbers, "TT01"): their key is looked up from a buffer on the
// stack, without making a string of it.
func In(set map[string]bool, s string) bool {
	folded, ascii := isFoldedASCII(s)
	switch {
	case ascii && folded:
		return set[s]
	case ascii && len(s) <= 64:
		var buf [64]byte
		return set[string(appendFoldedASCII(buf[:0], s))]
	}
	return set[Key(s)]
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

// levelWords are the administrative-level words and abbreviations officers
// write before a unit's name, as Key writes them, each with the level it
// stands for. A word stands only for its own level: "p" is phường, never
// quận.
var levelWords = []struct{ word, level string }{
	{"thành phố", "thành phố"}, {"thị trấn", "thị trấn"}, {"thị xã", "thị xã"},
	{"phường", "phường"}, {"huyện", "huyện"}, {"quận", "quận"}, {"tỉnh", "tỉnh"}, {"xã", "xã"},
	{"tp", "thành phố"}, {"tx", "thị xã"}, {"tt", "thị trấn"},
	{"q", "quận"}, {"h", "huyện"}, {"p", "phường"}, {"x", "xã"},
}

// cutLevel splits a key into the level its first word stands for and the
// rest. A word counts only when followed by "." or a space, so "hà nội"
// keeps its "h" and "xuân thủy" its "x"; a key that is only a level word
// ("phường", "q.") has no level: it is a name, if a poor one.
func cutLevel(k string) (level, rest string) {
	for _, w := range levelWords {
		r, ok := strings.CutPrefix(k, w.word)
		if !ok || r == "" || (r[0] != '.' && r[0] != ' ') {
			continue
		}
		if r = strings.TrimLeft(r, ". "); r != "" {
			return w.level, r
		}
		return "", k
	}
	return "", k
}

// UnitKey is Key with the administrative prefix folded away, so "Quận
// Hồng Bàng", "Q. Hồng Bàng", "q.Hồng Bàng" and "Hồng Bàng" all give "hồng
// bàng". It forgets the level, so "Phường 1" and "Quận 1" give the same
// key: telling units apart needs UnitLevel. A "Tỉnh" prefix is kept, as it
// always was for UnitKey's callers.
func UnitKey(s string) string {
	k := Key(s)
	if level, rest := cutLevel(k); level != "" && level != "tỉnh" {
		return rest
	}
	return k
}

// UnitLevel splits a unit's name into its administrative level and its bare
// name key. The level is one of "thành phố", "thị trấn", "thị xã",
// "phường", "huyện", "quận", "tỉnh", "xã", whether written in full or as
// its abbreviation (TP., TT., TX., P., H., Q., X.), or "" when the name has
// none. The bare key is Key of the rest, with a number's leading zeros
// dropped, since "Phường 01" and "P.1" are the same ward: "TP. Hồ Chí Minh"
// gives ("thành phố", "hồ chí minh"), "Phường 01" ("phường", "1"), "Hà
// Nội" ("", "hà nội"). Names of two units are the same only when both parts
// are: "Phường 1" is not "Quận 1".
func UnitLevel(s string) (level, bare string) {
	level, bare = cutLevel(Key(s))
	return level, foldNumber(bare)
}

// foldNumber drops the leading zeros of a name that is a number ("01" →
// "1"), keeping one digit; any other name is returned as is.
func foldNumber(s string) string {
	if s == "" {
		return s
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return s
		}
	}
	if t := strings.TrimLeft(s, "0"); t != "" {
		return t
	}
	return "0"
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

// withdrawnRe finds words saying a row or an entry is withdrawn or not to
// be used: "Đã rút khỏi danh sách", "(rút)", "Số liệu sai, không sử dụng",
// "đã hủy".
var withdrawnRe = regexp.MustCompile(`(?:^|[^\p{L}])(?:đã rút|rút khỏi|rút tên|xin rút|\(rút\)|không sử dụng|không dùng|đã hủy|đã huỷ|hủy bỏ|huỷ bỏ|loại khỏi|đã loại|không đề nghị|bỏ dòng này|không tính)(?:$|[^\p{L}])`)

// Withdrawn reports a note or a name saying that its row is withdrawn or
// not to be used: a reader does not count it, and nobody can tell whether
// the sender meant it to be.
func Withdrawn(s string) bool {
	// Each phrase holds one of these letters (or, decomposed, a tone
	// mark): most cells hold none, and are not normalised and searched.
	return strings.ContainsAny(s, "úÚụỤùÙủỦỷỶạẠềỀỏỎíÍ\u0300\u0301\u0303\u0309\u0323") && withdrawnRe.MatchString(Key(s))
}
