package xlsx

import (
	"bytes"
	"unicode/utf8"
)

// unescapeInPlace decodes the _xHHHH_ escapes OOXML uses for characters
// XML 1.0 cannot carry (e.g. "_x000D_" for a carriage return, "_x005F_"
// for a literal underscore) and returns the shortened slice. The decoded
// form is never longer than the escape, so it works in place.
func unescapeInPlace(b []byte) []byte {
	i := bytes.Index(b, []byte("_x"))
	if i < 0 {
		return b
	}
	w := i
	for i < len(b) {
		if u, ok := escapeAt(b, i); ok {
			r := rune(u)
			n := 7
			if utf16IsHigh(u) {
				if lo, ok := escapeAt(b, i+7); ok && utf16IsLow(lo) {
					r = 0x10000 + (rune(u)-0xD800)<<10 + (rune(lo) - 0xDC00)
					n = 14
				} else {
					r = utf8.RuneError
				}
			} else if utf16IsLow(u) {
				r = utf8.RuneError
			}
			w += utf8.EncodeRune(b[w:], r)
			i += n
			continue
		}
		b[w] = b[i]
		w++
		i++
	}
	return b[:w]
}

// escapeAt decodes "_xHHHH_" at b[i:], if there is one.
func escapeAt(b []byte, i int) (uint16, bool) {
	if i+7 > len(b) || b[i] != '_' || b[i+1] != 'x' || b[i+6] != '_' {
		return 0, false
	}
	var u uint16
	for _, c := range b[i+2 : i+6] {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c -= 'a' - 10
		case c >= 'A' && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		u = u<<4 | uint16(c)
	}
	return u, true
}

func utf16IsHigh(u uint16) bool { return u >= 0xD800 && u < 0xDC00 }
func utf16IsLow(u uint16) bool  { return u >= 0xDC00 && u < 0xE000 }
