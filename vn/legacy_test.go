package vn

import (
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// toTCVN3 encodes lower-case Vietnamese (and the capitals Ă Â Ê Ô Ơ Ư Đ)
// as typed in a .Vn… font. The table is written by vowel, as typing guides
// list it, independently of the byte-ordered table in legacy.go.
var toTCVN3Table = map[rune]string{
	'à': "µ", 'á': "¸", 'ả': "¶", 'ã': "·", 'ạ': "¹",
	'ă': "¨", 'ằ': "»", 'ắ': "¾", 'ẳ': "¼", 'ẵ': "½", 'ặ': "Æ",
	'â': "©", 'ầ': "Ç", 'ấ': "Ê", 'ẩ': "È", 'ẫ': "É", 'ậ': "Ë",
	'đ': "®",
	'è': "Ì", 'é': "Ð", 'ẻ': "Î", 'ẽ': "Ï", 'ẹ': "Ñ",
	'ê': "ª", 'ề': "Ò", 'ế': "Õ", 'ể': "Ó", 'ễ': "Ô", 'ệ': "Ö",
	'ì': "×", 'í': "Ý", 'ỉ': "Ø", 'ĩ': "Ü", 'ị': "Þ",
	'ò': "ß", 'ó': "ã", 'ỏ': "á", 'õ': "â", 'ọ': "ä",
	'ô': "«", 'ồ': "å", 'ố': "è", 'ổ': "æ", 'ỗ': "ç", 'ộ': "é",
	'ơ': "¬", 'ờ': "ê", 'ớ': "í", 'ở': "ë", 'ỡ': "ì", 'ợ': "î",
	'ù': "ï", 'ú': "ó", 'ủ': "ñ", 'ũ': "ò", 'ụ': "ô",
	'ư': "\u00ad", 'ừ': "õ", 'ứ': "ø", 'ử': "ö", 'ữ': "÷", 'ự': "ù",
	'ỳ': "ú", 'ý': "ý", 'ỷ': "û", 'ỹ': "ü", 'ỵ': "þ",
	'Ă': "¡", 'Â': "¢", 'Ê': "£", 'Ô': "¤", 'Ơ': "¥", 'Ư': "¦", 'Đ': "§",
}

// toTCVN3 encodes s for a lower-case .Vn font; with caps, for a .Vn…H
// font, where a capital is typed as its lower-case code.
func toTCVN3(t *testing.T, s string, caps bool) string {
	t.Helper()
	var b strings.Builder
	for _, r := range s {
		if caps && r > unicode.MaxASCII {
			r = unicode.ToLower(r)
		}
		if e, ok := toTCVN3Table[r]; ok {
			b.WriteString(e)
			continue
		}
		if r > unicode.MaxASCII {
			t.Fatalf("toTCVN3: %q cannot be typed in a lower-case TCVN3 font", r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// toVNI encodes s in VNI-Windows from each letter's decomposition: a
// base letter, its circumflex/breve/horn, and its tone.
func toVNI(s string) string {
	tones := map[rune]int{0: 0, '\u0301': 1, '\u0300': 2, '\u0309': 3, '\u0303': 4, '\u0323': 5}
	plain := []string{"", "ù", "ø", "û", "õ", "ï"}
	circ := []string{"â", "á", "à", "å", "ã", "ä"}
	breve := []string{"ê", "é", "è", "ú", "ü", "ë"}
	iTone := []string{"i", "í", "ì", "æ", "ó", "ò"}
	var b strings.Builder
	for _, r := range norm.NFC.String(s) {
		if r == 'đ' || r == 'Đ' {
			b.WriteString(map[rune]string{'đ': "ñ", 'Đ': "Ñ"}[r])
			continue
		}
		d := []rune(norm.NFD.String(string(r)))
		base := unicode.ToLower(d[0])
		if !strings.ContainsRune("aeiouy", base) || r > 0x1EF9 {
			b.WriteRune(r)
			continue
		}
		var shape rune
		tone := 0
		for _, m := range d[1:] {
			switch m {
			case '\u0302', '\u0306', '\u031b':
				shape = m
			default:
				tone = tones[m]
			}
		}
		var out string
		switch {
		case base == 'i':
			out = iTone[tone]
		case base == 'y' && tone == 5:
			out = "î"
		case shape == '\u031b' && base == 'o':
			out = "ô" + plain[tone]
		case shape == '\u031b' && base == 'u':
			out = "ö" + plain[tone]
		case shape == '\u0302':
			out = string(base) + circ[tone]
		case shape == '\u0306':
			out = string(base) + breve[tone]
		default:
			out = string(base) + plain[tone]
		}
		if unicode.IsUpper(d[0]) {
			out = strings.ToUpper(out)
		}
		b.WriteString(out)
	}
	return b.String()
}

// allLetters is every Vietnamese letter with a diacritic, lower case.
func allLetters() []rune {
	var rs []rune
	for _, row := range []string{"aáàảãạ", "ăắằẳẵặ", "âấầẩẫậ", "eéèẻẽẹ", "êếềểễệ", "iíìỉĩị",
		"oóòỏõọ", "ôốồổỗộ", "ơớờởỡợ", "uúùủũụ", "ưứừửữự", "yýỳỷỹỵ", "đ"} {
		rs = append(rs, []rune(row)...)
	}
	return rs
}

var phrases = []string{
	"Số buổi tuyên truyền",
	"Quận Hồng Bàng",
	"Huyện Thủy Nguyên",
	"Đơn vị",
	"Tổng cộng",
	"Mã chỉ tiêu",
	"Số lượt người tham dự tuyên truyền",
	"Số vụ mâu thuẫn, tranh chấp được hòa giải thành",
	"Số xã, phường có mô hình \"Tự quản về an ninh, trật tự\"",
	"Kinh phí xây, sửa nhà đại đoàn kết, nhà tình nghĩa",
	"Năm 2019",
}

func TestFromTCVN3Phrases(t *testing.T) {
	for _, p := range phrases {
		enc := toTCVN3(t, p, false)
		if enc == p && p != "Năm 2019" {
			t.Fatalf("%q did not encode", p)
		}
		if got := FromTCVN3(enc); got != p {
			t.Errorf("FromTCVN3(%q) = %q, want %q", enc, got, p)
		}
		upper := strings.ToUpper(p)
		if got := FromTCVN3H(toTCVN3(t, upper, true)); got != upper {
			t.Errorf("FromTCVN3H(%q) = %q, want %q", toTCVN3(t, upper, true), got, upper)
		}
	}
}

func TestFromVNIPhrases(t *testing.T) {
	for _, p := range phrases {
		for _, s := range []string{p, strings.ToUpper(p)} {
			enc := toVNI(s)
			if got := FromVNI(enc); got != s {
				t.Errorf("FromVNI(%q) = %q, want %q", enc, got, s)
			}
		}
	}
}

// TestLiteralSamples are hand-checked spellings, as seen in old files.
func TestLiteralSamples(t *testing.T) {
	tests := []struct {
		enc  Encoding
		in   string
		want string
	}{
		{TCVN3, "Sè buæi tuyªn truyÒn", "Số buổi tuyên truyền"},
		{TCVN3, "QuËn Hång Bµng", "Quận Hồng Bàng"},
		{TCVN3, "HuyÖn Thñy Nguyªn", "Huyện Thủy Nguyên"},
		{TCVN3, "§¬n vÞ: QuËn Hång Bµng", "Đơn vị: Quận Hồng Bàng"},
		{TCVN3, "Tæng céng", "Tổng cộng"},
		{TCVN3, "M· chØ tiªu", "Mã chỉ tiêu"},
		{TCVN3, "Ng\u00adêi lËp biÓu", "Người lập biểu"},
		{TCVN3, "N¨m 2019", "Năm 2019"},
		{TCVN3, "Hµ Néi, ngµy 05 th¸ng 01 n¨m 2024", "Hà Nội, ngày 05 tháng 01 năm 2024"},
		{TCVN3H, "BiÓu sè liÖu tæng kÕt", "BIỂU SỐ LIỆU TỔNG KẾT"},
		{TCVN3H, "TæNG CéNG", "TỔNG CỘNG"},
		{TCVN3H, "§¥N VÞ", "ĐƠN VỊ"},
		{VNI, "Soá buoåi tuyeân truyeàn", "Số buổi tuyên truyền"},
		{VNI, "Quaän Hoàng Baøng", "Quận Hồng Bàng"},
		{VNI, "Huyeän Thuûy Nguyeân", "Huyện Thủy Nguyên"},
		{VNI, "Ñôn vò", "Đơn vị"},
		{VNI, "Toång coäng", "Tổng cộng"},
		{VNI, "Maõ chæ tieâu", "Mã chỉ tiêu"},
		{VNI, "Ngöôøi laäp bieåu", "Người lập biểu"},
		{VNI, "ñöôïc hoøa giaûi thaønh", "được hòa giải thành"},
		{VNI, "QUAÄN HOÀNG BAØNG", "QUẬN HỒNG BÀNG"},
		{VNI, "Aù Ñoâng, Maët traêng, Hoïc sinh", "Á Đông, Mặt trăng, Học sinh"}, // a lower-case mark after a capital
		{VNI, "Kyø hoïp, Quyù, Só quan, Ñaïi söù", "Kỳ họp, Quý, Sĩ quan, Đại sứ"},
		{VNI, "ÔÛ ñaây, Öu tieân", "Ở đây, Ưu tiên"},
		// text that was Unicode all along is not touched by Convert
		{Unicode, "Quận Hồng Bàng", "Quận Hồng Bàng"},
	}
	for _, tt := range tests {
		if got := tt.enc.Decode(tt.in); got != tt.want {
			t.Errorf("%v.Decode(%q) = %q, want %q", tt.enc, tt.in, got, tt.want)
		}
	}
}

func TestAllLetters(t *testing.T) {
	for _, l := range allLetters() {
		L := unicode.ToUpper(l)
		if got := FromTCVN3(toTCVN3(t, string(l), false)); got != string(l) {
			t.Errorf("TCVN3 %c: got %q", l, got)
		}
		if got := FromTCVN3H(toTCVN3(t, string(l), false)); got != string(L) {
			t.Errorf("TCVN3H %c: got %q, want %c", l, got, L)
		}
		for _, r := range []rune{l, L} {
			// inside a word, between consonants, so pairs are tried
			w := "t" + string(r) + "n"
			if got := FromVNI(toVNI(w)); got != w {
				t.Errorf("VNI %c: FromVNI(%q) = %q", r, toVNI(w), got)
			}
			if LooksMojibake(w) {
				t.Errorf("LooksMojibake(%q) = true", w)
			}
		}
	}
	// Every TCVN3 code is a distinct letter, and every other character
	// U+00A0–U+00FF is left as it is.
	seen := map[rune]rune{}
	for c := rune(0xA0); c <= 0xFF; c++ {
		got := []rune(FromTCVN3(string(c)))
		if len(got) != 1 {
			t.Fatalf("FromTCVN3(%q) = %q", c, string(got))
		}
		if got[0] == c {
			continue
		}
		if prev, dup := seen[got[0]]; dup {
			t.Errorf("%q and %q both decode to %q", prev, c, got[0])
		}
		seen[got[0]] = c
	}
	if len(seen)+1 != len(toTCVN3Table) { // +1: ý is 0xFD, the same character
		t.Errorf("the TCVN3 table has %d codes, the typing table %d", len(seen), len(toTCVN3Table))
	}
}

func TestASCIIUnchanged(t *testing.T) {
	s := "TT_BUOI 1.234 3,5 - (abc) [x] {y} A1:B2"
	if FromTCVN3(s) != s || FromVNI(s) != s {
		t.Errorf("ASCII changed: %q %q", FromTCVN3(s), FromVNI(s))
	}
	if got := FromTCVN3H("hp-hongbang 2019"); got != "HP-HONGBANG 2019" {
		t.Errorf("FromTCVN3H(ascii) = %q", got)
	}
}

func TestConvert(t *testing.T) {
	tests := []struct {
		enc     Encoding
		in      string
		want    string
		changed bool
	}{
		{TCVN3, "Tæng céng", "Tổng cộng", true},
		{TCVN3, "TT_BUOI", "TT_BUOI", false},
		{TCVN3, "1.234", "1.234", false},
		{TCVN3, "Tổng cộng", "Tổng cộng", false}, // Unicode in a .VnTime cell
		{TCVN3, "Quận Bàng", "Quận Bàng", false}, // ậ: Unicode, so à stays à
		{VNI, "Quận Hồng Bàng", "Quận Hồng Bàng", false},
		{VNI, "Toång coäng", "Tổng cộng", true},
		{TCVN3H, "céng", "CỘNG", true},
		{TCVN3H, "CONG", "CONG", false},
		{Unicode, "Tæng", "Tæng", false},
		{TCVN3, "Tæng “céng”", "Tổng “cộng”", true}, // Windows-1252 quotes pass through
	}
	for _, tt := range tests {
		got, changed := tt.enc.Convert(tt.in)
		if got != tt.want || changed != tt.changed {
			t.Errorf("%v.Convert(%q) = %q, %v; want %q, %v", tt.enc, tt.in, got, changed, tt.want, tt.changed)
		}
	}
}

func TestLegacyFont(t *testing.T) {
	tests := []struct {
		font string
		want Encoding
		ok   bool
	}{
		{".VnTime", TCVN3, true},
		{".VnArial", TCVN3, true},
		{".VnArial Narrow", TCVN3, true},
		{".VnCentury Schoolbook", TCVN3, true},
		{".vntime", TCVN3, true},
		{" .VnTime ", TCVN3, true},
		{".VnTimeH", TCVN3H, true},
		{".VnArialH", TCVN3H, true},
		{".VnArial NarrowH", TCVN3H, true},
		{".VnBook-AntiquaH", TCVN3H, true},
		{"VNI-Times", VNI, true},
		{"VNI-Helve", VNI, true},
		{"VNI-Helve-Condense", VNI, true},
		{"vni-times", VNI, true},
		{"VNI Times", VNI, true},
		{"Times New Roman", Unicode, false},
		{"Calibri", Unicode, false},
		{"Arial", Unicode, false},
		{"VNI", Unicode, false},
		{".Vn", Unicode, false},
		{"", Unicode, false},
		{"Vntime", Unicode, false},
		{"VNIxyz", Unicode, false},
	}
	for _, tt := range tests {
		got, ok := LegacyFont(tt.font)
		if got != tt.want || ok != tt.ok {
			t.Errorf("LegacyFont(%q) = %v, %v; want %v, %v", tt.font, got, ok, tt.want, tt.ok)
		}
	}
	if TCVN3.String() != "TCVN3" || TCVN3H.String() != "TCVN3" || VNI.String() != "VNI" {
		t.Error("String")
	}
}

func TestLooksMojibake(t *testing.T) {
	var bad, good []string
	for _, p := range phrases {
		good = append(good, p, strings.ToUpper(p))
		if p != "Năm 2019" && p != "Đơn vị" {
			// undecoded, or decoded with the wrong table
			bad = append(bad, toTCVN3(t, p, false), toVNI(p), strings.ToUpper(toVNI(p)), FromTCVN3(toVNI(p)))
			// TCVN3 decoded as VNI can happen to spell Vietnamese:
			// "Tæng céng" gives "Tỉng céng".
			if p != "Tổng cộng" {
				bad = append(bad, FromVNI(toTCVN3(t, p, false)))
			}
		}
	}
	bad = append(bad,
		"Sè buæi tuyªn truyÒn", "QuËn Hång Bµng", "Hµ Néi", "§¬n vÞ", "Ng\u00adêi",
		"Quaän Hoàng Baøng", "Ñôn vò", "Soá buoåi", "tuyeân", "Nguyeãn", "yù kieán",
		"Cñng cè", "c«ng t¸c", "Quận Hång Bàng", // one word left undecoded
	)
	good = append(good,
		"Số mô hình, cách làm hay được xây dựng, triển khai",
		"Số người có quá khứ lầm lỗi được cảm hóa, giáo dục tại cộng đồng",
		"Số vũ khí, vật liệu nổ, công cụ hỗ trợ được vận động giao nộp",
		"Số xã, phường có mô hình “Tự quản về an ninh, trật tự”",
		"Số xã, phường có mô hình «Camera an ninh»",
		"Hoà bình, hoá chất, khoẻ mạnh, thuý, tuỳ, uỷ ban, xoã tóc", // old tone placement
		"HOÀ BÌNH, KHOẺ, THUÝ, QUÂN, QUÊ, QUÁ, GIÁ, NGOÀI, TOÉT",
		"Quân, quê, quà, quá, già, giã, tiền, yên, khuya, người, được, rượu, cừu",
		"Xã Ea H'Leo, Huyện Krông Pắc, Cư M'gar, Ia Grai, Đắk Lắk, Chư Păh",
		"Ðống Đa", // Eth typed for Đ
		"Nhiệt độ 30 °C", "A · B", "Tổng số (1 + 2)", "TT_BUOI", "HP-HONGBANG", "00005", "",
		"Café", "Nguyễn Văn Ánh",
	)
	for _, s := range bad {
		if !LooksMojibake(s) {
			t.Errorf("LooksMojibake(%q) = false, want true", s)
		}
	}
	for _, s := range good {
		if LooksMojibake(s) {
			t.Errorf("LooksMojibake(%q) = true, want false", s)
		}
	}
}
