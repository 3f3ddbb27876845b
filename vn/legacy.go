package vn

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// This file reads text typed in the pre-Unicode Vietnamese fonts that many
// offices still use. Such text is stored as ordinary Windows-1252/Latin-1
// characters ("Sè buæi tuyªn truyÒn") that only look Vietnamese in the
// font: TCVN3 (TCVN 5712:1993 VN3, the "ABC" fonts .VnTime, .VnArial, …,
// with the capital fonts .VnTimeH, .VnArialH, …) and VNI-Windows (VNI-Times,
// VNI-Helve, …). The cell's font says which, so conversion is driven by it.

// Encoding is the Vietnamese encoding a font draws its characters in.
type Encoding uint8

// The encodings LegacyFont recognises.
const (
	Unicode Encoding = iota // not a legacy font: text is taken as it is
	TCVN3                   // .Vn… fonts: lower case and the capitals Ă Â Ê Ô Ơ Ư Đ
	TCVN3H                  // .Vn…H fonts: the same bytes, every letter drawn as a capital
	VNI                     // VNI-… fonts: a base letter followed by a mark character
)

// String names the encoding as officers know it: "TCVN3" (for both the
// lower-case and the capital fonts) or "VNI".
func (e Encoding) String() string {
	switch e {
	case TCVN3, TCVN3H:
		return "TCVN3"
	case VNI:
		return "VNI"
	}
	return "Unicode"
}

// Decode converts s from the encoding to Unicode (NFC); Unicode returns s.
func (e Encoding) Decode(s string) string {
	switch e {
	case TCVN3:
		return FromTCVN3(s)
	case TCVN3H:
		return FromTCVN3H(s)
	case VNI:
		return FromVNI(s)
	}
	return s
}

// Convert decodes text found in a cell drawn in a font of this encoding.
// Text that already holds Vietnamese letters or tone marks outside
// Latin-1 (ơ, ư, đ, ậ, …) was typed in Unicode whatever the font says and
// is left alone. changed reports whether the text differs after decoding.
func (e Encoding) Convert(s string) (out string, changed bool) {
	if e == Unicode || !maybeLegacy(s) {
		return s, false
	}
	out = e.Decode(s)
	return out, out != s
}

// MayConvert reports whether Convert could change s in some legacy
// encoding: s holds no letter only Unicode has, and holds a character
// beyond ASCII or a lower-case letter (which the capital TCVN3 fonts draw
// as a capital). Readers ask it before looking up a cell's font, which
// for most cells (codes, numbers, Unicode names) is then never needed.
func MayConvert(s string) bool {
	lower := false
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 {
			return maybeLegacy(s)
		} else if 'a' <= c && c <= 'z' {
			lower = true
		}
	}
	return lower
}

// maybeLegacy reports whether s could be legacy-font text: it has no
// Vietnamese letter or tone mark that only Unicode has.
func maybeLegacy(s string) bool {
	for _, r := range s {
		if isVietUnicode(r) {
			return false
		}
	}
	return true
}

// isVietUnicode reports letters and tone marks that Vietnamese text can
// only hold when it is Unicode: Ă ă Đ đ Ĩ ĩ Ũ ũ Ơ ơ Ư ư, U+1EA0–U+1EF9, and
// the combining tone marks of decomposed text.
func isVietUnicode(r rune) bool {
	switch r {
	case 'Ă', 'ă', 'Đ', 'đ', 'Ĩ', 'ĩ', 'Ũ', 'ũ', 'Ơ', 'ơ', 'Ư', 'ư',
		'\u0300', '\u0301', '\u0303', '\u0309', '\u0323':
		return true
	}
	return r >= 0x1EA0 && r <= 0x1EF9
}

// LegacyFont recognises a legacy Vietnamese font by its name: ".Vn…" is
// TCVN3 (".VnTime", ".VnArial", ".VnCentury Schoolbook") and ".Vn…H", ending
// in a capital H, its capital variant (".VnTimeH", ".VnArial NarrowH");
// "VNI-…" or "VNI …" is VNI-Windows ("VNI-Times", "VNI-Helve"). Case does
// not matter except for the final H.
func LegacyFont(fontName string) (Encoding, bool) {
	n := strings.TrimSpace(fontName)
	switch {
	case len(n) > 3 && strings.EqualFold(n[:3], ".vn"):
		if n[len(n)-1] == 'H' {
			return TCVN3H, true
		}
		return TCVN3, true
	case len(n) > 4 && strings.EqualFold(n[:3], "vni") && (n[3] == '-' || n[3] == ' ' || n[3] == '_'):
		return VNI, true
	}
	return Unicode, false
}

// tcvn3 is what the TCVN3 (.Vn…) fonts draw for each character
// U+00A0–U+00FF (that is, each byte 0xA0–0xFF of the VN3 code page); 0
// where the font keeps the Windows character. Checked against glibc's
// TCVN5712-1 table, of which VN3 is the part the fonts implement: the
// precomposed capitals that VN1 adds at 0x01–0x17, 0x80–0xA0 and a few
// holes here (0xAF, 0xBA, 0xBF–0xC5, 0xCD, 0xD9–0xDB, 0xE0, 0xF0) do not
// exist in the fonts, which draw capitals with the …H fonts instead.
var tcvn3 = [96]rune{
	// 0xA0
	0, 'Ă', 'Â', 'Ê', 'Ô', 'Ơ', 'Ư', 'Đ', 'ă', 'â', 'ê', 'ô', 'ơ', 'ư', 'đ', 0,
	// 0xB0
	0, 0, 0, 0, 0, 'à', 'ả', 'ã', 'á', 'ạ', 0, 'ằ', 'ẳ', 'ẵ', 'ắ', 0,
	// 0xC0
	0, 0, 0, 0, 0, 0, 'ặ', 'ầ', 'ẩ', 'ẫ', 'ấ', 'ậ', 'è', 0, 'ẻ', 'ẽ',
	// 0xD0
	'é', 'ẹ', 'ề', 'ể', 'ễ', 'ế', 'ệ', 'ì', 'ỉ', 0, 0, 0, 'ĩ', 'í', 'ị', 'ò',
	// 0xE0
	0, 'ỏ', 'õ', 'ó', 'ọ', 'ồ', 'ổ', 'ỗ', 'ố', 'ộ', 'ờ', 'ở', 'ỡ', 'ớ', 'ợ', 'ù',
	// 0xF0
	0, 'ủ', 'ũ', 'ú', 'ụ', 'ừ', 'ử', 'ữ', 'ứ', 'ự', 'ỳ', 'ỷ', 'ỹ', 'ý', 'ỵ', 0,
}

// tcvn3H is tcvn3 for the capital fonts (.VnTimeH): the same positions
// drawn as capitals, and so are the ASCII letters.
var tcvn3H [96]rune

func init() {
	for i, r := range tcvn3 {
		if r != 0 {
			tcvn3H[i] = unicode.ToUpper(r)
		}
	}
}

// FromTCVN3 converts text typed in a TCVN3 (.Vn…) lower-case font to
// Unicode: "Sè buæi tuyªn truyÒn" → "Số buổi tuyên truyền". Characters
// the fonts do not redefine (ASCII, digits, punctuation) are kept.
func FromTCVN3(s string) string { return fromTable(s, &tcvn3, false) }

// FromTCVN3H converts text typed in a TCVN3 capital font (.Vn…H), where
// every letter is drawn as a capital: "Tæng céng" → "TỔNG CỘNG".
func FromTCVN3H(s string) string { return fromTable(s, &tcvn3H, true) }

func fromTable(s string, table *[96]rune, upper bool) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/2)
	for _, r := range s {
		switch {
		case r >= 0xA0 && r <= 0xFF && table[r-0xA0] != 0:
			r = table[r-0xA0]
		case upper && r >= 'a' && r <= 'z':
			r -= 'a' - 'A'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// vniRows spell each Vietnamese vowel in VNI-Windows with its six tones in
// the order none, sắc, huyền, hỏi, ngã, nặng: Unicode letters, then their
// VNI spelling. The mark characters are ù ø û õ ï for the tones; â á à å ã ä
// for the circumflex with each tone; ê é è ú ü ë for the breve with each
// tone; ô and ö alone are ơ and ư, which take the tone marks; i and y have
// single characters for some tones. Capitals are the same with the
// Latin-1 capitals (AÙ, AÂ, Ô, Ö, Í, Æ, Î, Ñ).
var vniRows = []struct {
	uni string
	vni [6]string
}{
	{"aáàảãạ", [6]string{"a", "aù", "aø", "aû", "aõ", "aï"}},
	{"ăắằẳẵặ", [6]string{"aê", "aé", "aè", "aú", "aü", "aë"}},
	{"âấầẩẫậ", [6]string{"aâ", "aá", "aà", "aå", "aã", "aä"}},
	{"eéèẻẽẹ", [6]string{"e", "eù", "eø", "eû", "eõ", "eï"}},
	{"êếềểễệ", [6]string{"eâ", "eá", "eà", "eå", "eã", "eä"}},
	{"iíìỉĩị", [6]string{"i", "í", "ì", "æ", "ó", "ò"}},
	{"oóòỏõọ", [6]string{"o", "où", "oø", "oû", "oõ", "oï"}},
	{"ôốồổỗộ", [6]string{"oâ", "oá", "oà", "oå", "oã", "oä"}},
	{"ơớờởỡợ", [6]string{"ô", "ôù", "ôø", "ôû", "ôõ", "ôï"}},
	{"uúùủũụ", [6]string{"u", "uù", "uø", "uû", "uõ", "uï"}},
	{"ưứừửữự", [6]string{"ö", "öù", "öø", "öû", "öõ", "öï"}},
	{"yýỳỷỹỵ", [6]string{"y", "yù", "yø", "yû", "yõ", "î"}},
	{"đ", [6]string{"ñ"}},
}

// vniPair maps a VNI base and mark character to the letter they spell;
// vniSingle maps a lone VNI character to its letter where they differ.
var (
	vniPair   = map[[2]rune]rune{}
	vniSingle = map[rune]rune{}
)

func init() {
	for _, row := range vniRows {
		letters := []rune(row.uni)
		for i, letter := range letters {
			for _, upper := range []bool{false, true} {
				l, spelling := letter, []rune(row.vni[i])
				if upper {
					l = unicode.ToUpper(l)
					for k, c := range spelling {
						spelling[k] = unicode.ToUpper(c)
					}
				}
				switch len(spelling) {
				case 1:
					if spelling[0] != l {
						vniSingle[spelling[0]] = l
					}
				case 2:
					vniPair[[2]rune{spelling[0], spelling[1]}] = l
				}
			}
		}
	}
}

// FromVNI converts text typed in a VNI-Windows font to Unicode (NFC):
// "Soá buoåi tuyeân truyeàn" → "Số buổi tuyên truyền". The letter's case
// comes from the base letter, so a lower-case mark after a capital ("Aù",
// as some keyboards type it) still reads "Á".
func FromVNI(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/2)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if i+n < len(s) {
			m, mn := utf8.DecodeRuneInString(s[i+n:])
			if l, ok := vniPair[[2]rune{r, m}]; ok {
				b.WriteRune(l)
				i += n + mn
				continue
			}
			if l, ok := vniPair[[2]rune{r, swapLatin1Case(m)}]; ok {
				b.WriteRune(l)
				i += n + mn
				continue
			}
		}
		if l, ok := vniSingle[r]; ok {
			r = l
		}
		b.WriteRune(r)
		i += n
	}
	return b.String()
}

// swapLatin1Case swaps the case of a Latin-1 letter (ù ↔ Ù).
func swapLatin1Case(r rune) rune {
	switch {
	case r >= 0xE0 && r <= 0xFE && r != 0xF7:
		return r - 0x20
	case r >= 0xC0 && r <= 0xDE && r != 0xD7:
		return r + 0x20
	}
	return r
}

// LooksMojibake reports text that still reads as undecoded TCVN3 or VNI:
// a Latin-1 character that Vietnamese never uses standing in a word
// ("Sè buæi", "Quaän", "tuyªn", "Hµ Néi"), or a VNI mark character right
// after the vowel it was meant to sit on ("Soá buoåi tuyeân": "eâ", "aù",
// "yù"), or another pair of vowels Vietnamese spelling never writes (see
// vniMarkAfter). Text decoded with the wrong table can still slip through
// when it happens to spell Vietnamese ("Tỉng céng").
// Genuine Unicode Vietnamese, old or new tone placement ("hoà", "thuý"),
// typographic quotes « » and symbols set off by spaces ("30 °C", "A · B")
// do not count.
func LooksMojibake(s string) bool {
	prev := rune(-1)
	for i, r := range s {
		if r < 0xA0 { // none of the cases below is below U+00A0; most text is ASCII
			prev = r
			continue
		}
		switch {
		case r == '«' || r == '»' || r == '·' || r == '\u00ad':
			// quotes, a middle dot or a soft hyphen: only inside a word
			if isWordRune(prev) && isWordRune(runeAfter(s, i, r)) {
				return true
			}
		case isLegacyOnly(r):
			if isWordRune(prev) || isWordRune(runeAfter(s, i, r)) {
				return true
			}
		case prev >= 0 && vniMarkAfter(prev, r):
			return true
		}
		prev = r
	}
	return false
}

// runeAfter is the rune after r, which starts at s[i]; -1 at the end.
func runeAfter(s string, i int, r rune) rune {
	if j := i + utf8.RuneLen(r); j < len(s) {
		next, _ := utf8.DecodeRuneInString(s[j:])
		return next
	}
	return -1
}

// isWordRune reports a letter, or a character TCVN3 uses as one.
func isWordRune(r rune) bool {
	return r >= 0 && (unicode.IsLetter(r) || isLegacyOnly(r))
}

// isLegacyOnly reports the Latin-1 characters that only undecoded TCVN3
// or VNI puts inside words: TCVN3's letters in the symbol range (¡–§ ¨ ©
// ª ¬ ® µ–¹ ¼–¾) and the Latin-1 letters that Vietnamese does not have
// (Ä Å Æ Ç Ë Î Ï Ñ Ö × Ø Û Ü Þ ß, their lower case, ÷ ÿ). Ð and ð are left
// out: they are often typed for Đ in otherwise good Unicode text.
func isLegacyOnly(r rune) bool {
	switch {
	case r >= 0xA1 && r <= 0xAE:
		return r != '«' && r != 0xAD
	case r >= 0xB5 && r <= 0xBE:
		return r != '·' && r != 0xBA && r != '»'
	}
	switch unicode.ToLower(r) {
	case 'ä', 'å', 'æ', 'ç', 'ë', 'î', 'ï', 'ñ', 'ö', 'ø', 'û', 'ü', 'þ', 'ÿ', 'ß', '×', '÷':
		return true
	}
	return false
}

// vniMarkAfter reports a vowel right after a plain a, e, o, u, y or ô
// where Vietnamese spelling never writes one: what undecoded VNI leaves
// ("eâ", "aù", "où", "yõ"), or TCVN3 decoded with the wrong table ("aứ",
// "oồ"). After a or e no vowel with a diacritic follows; after o, no ô, ơ,
// â, ê, ư or toned u, nor õ; after u, no ư or toned u, nor õ; after y or ô,
// no ù or õ. Pairs Vietnamese does write — "oà", "oá", "oè", "oă" (hoà,
// khoẻ, xoăn), "uâ", "uê", "uô", "uơ", "uý" (quân, quê, muốn, thuở, thuý),
// "soóc", "voọc", "iê", "yê", "giá" — are not among them.
func vniMarkAfter(prev, r rune) bool {
	p, m := unicode.ToLower(prev), unicode.ToLower(r)
	if m < 0xC0 || p > 'z' && p != 'ô' {
		return false
	}
	switch p {
	case 'a', 'e', 'o', 'u', 'y', 'ô':
	default:
		return false
	}
	if m == 'ù' || m == 'õ' {
		return true // VNI's sắc and ngã marks
	}
	base, shape, tone := decompose(m)
	switch p {
	case 'a', 'e':
		return base != 0 && (shape != 0 || tone != 0)
	case 'o':
		return base == 'o' && shape != 0 || (base == 'a' || base == 'e') && shape == '\u0302' ||
			base == 'u' && (shape != 0 || tone != 0)
	case 'u':
		return base == 'u' && (shape != 0 || tone != 0)
	}
	return false
}

// decompose splits a lower-case Vietnamese vowel into its base letter
// (a e i o u y, 0 for anything else), its circumflex, breve or horn, and
// its tone mark.
func decompose(r rune) (base, shape, tone rune) {
	v, ok := vowels[r]
	if !ok {
		return 0, 0, 0
	}
	return v[0], v[1], v[2]
}

// vowels decomposes every lower-case Vietnamese vowel (decompose).
var vowels = map[rune][3]rune{}

func init() {
	for _, row := range vniRows {
		for _, r := range row.uni {
			d := []rune(norm.NFD.String(string(r)))
			if !strings.ContainsRune("aeiouy", d[0]) {
				continue
			}
			v := [3]rune{d[0], 0, 0}
			for _, m := range d[1:] {
				switch m {
				case '\u0302', '\u0306', '\u031b':
					v[1] = m
				default:
					v[2] = m
				}
			}
			vowels[r] = v
		}
	}
}
