package roster

import (
	"strings"
)

// honorifics are the words written before a person's name that are not
// part of it, as Key writes them, longest first where one starts another:
// forms of address and the ranks of the police and the army.
var honorifics = []string{
	"đồng chí", "đ/c", "đ.c", "đc",
	"đại tướng", "thượng tướng", "trung tướng", "thiếu tướng",
	"đại tá", "thượng tá", "trung tá", "thiếu tá",
	"đại úy", "thượng úy", "trung úy", "thiếu úy",
	"thượng sĩ", "trung sĩ", "hạ sĩ", "binh nhất", "binh nhì",
	"ông", "bà", "anh", "chị", "cụ",
}

// familyNames are common Vietnamese family names. "Ông" is a family name
// too: it is a form of address only when one of these follows it ("Ông
// Nguyễn Văn An"), never before a middle name ("Ông Văn Tùng" is Mr Tùng
// of the Ông family).
var familyNames = func() map[string]bool {
	m := map[string]bool{}
	for _, n := range strings.Fields("nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý " +
		"đinh lương trịnh đoàn mai cao lâm tô hà tạ chu trương kiều lại mạc lã đào vương thái nông la âu " +
		"tăng quách triệu khổng đàm lưu châu thân giang tống phùng hứa nghiêm khúc doãn lục tôn ninh đồng " +
		"thạch quan ông") {
		m[n] = true
	}
	return m
}()

// PersonKey is Key of a person's name without the honorifics and ranks in
// front of it: "Bà Trần Thị Mai", "Đồng chí Thượng tá Trần Thị Mai" and
// "Trần Thị Mai" are one person. A word is dropped only when a name of at
// least two words remains, and "Ông" only before a family name.
func PersonKey(name string) string { return withoutHonorifics(Key(name)) }

// withoutHonorifics is PersonKey of a name already a Key.
func withoutHonorifics(k string) string {
	for {
		rest, ok := dropHonorific(k)
		if !ok {
			return k
		}
		k = rest
	}
}

// dropHonorific removes one honorific from the front of key k.
func dropHonorific(k string) (string, bool) {
	for _, h := range honorifics {
		rest, ok := strings.CutPrefix(k, h)
		if !ok || rest != "" && !strings.ContainsRune(" .:", rune(rest[0])) {
			continue // "bà" in "bàng …" is no word of its own
		}
		rest = strings.TrimLeft(rest, " .:")
		words := strings.Fields(rest)
		if len(words) < 2 || h == "ông" && !familyNames[words[0]] {
			return k, false
		}
		return rest, true
	}
	return k, false
}
