package submission

import (
	"strings"

	"github.com/tongket/tongket/catalog"
	"github.com/tongket/tongket/vn"
)

// measure is a stated unit of measure ("Đơn vị tính") read against the
// catalog's: money in đồng, nghìn đồng or tỷ đồng is converted exactly to
// the catalog's triệu đồng; a scaled or foreign measure on a count cannot be.
type measure struct {
	text  string // as written
	money bool   // a measure of money (đồng and its multiples)
	shift int    // money: decimal places to move to reach triệu đồng (đồng −6, nghìn −3, tỷ +3)
	scale bool   // count: a multiplier word ("nghìn lượt người")
	words string // count: the measure's words, as a key
}

// moneyScales are the multipliers written before a currency (or alone:
// "Triệu"), as the shift to triệu đồng; currencies are the words for đồng.
var (
	moneyScales = map[string]int{
		"triệu": 0, "tr": 0, "trđ": 0,
		"nghìn": -3, "ngàn": -3, "1000": -3, "1 000": -3, "ngđ": -3,
		"tỷ": 3, "tỉ": 3,
	}
	currencies = map[string]bool{"đồng": true, "đ": true, "vnđ": true, "vnd": true, "đ/vnđ": true}
)

// moneyMeasure reads "triệu đồng", "Tr.đ", "Triệu VNĐ", "1.000 đồng",
// "nghìn đồng", "tỷ", "VNĐ": the shift from its figures to triệu đồng.
func moneyMeasure(k string) (int, bool) {
	if currencies[k] {
		return -6, true
	}
	if sh, ok := moneyScales[k]; ok {
		return sh, true
	}
	for scale, sh := range moneyScales {
		rest, ok := strings.CutPrefix(k, scale)
		if !ok {
			continue
		}
		if rest = strings.TrimSpace(rest); currencies[rest] {
			return sh, true
		}
	}
	return 0, false
}

var measureSep = strings.NewReplacer(".", " ", "(", " ", ")", " ")

var countScales = []string{"nghìn", "ngàn", "triệu", "tỷ", "tỉ", "trăm", "vạn", "chục"}

// parseMeasure reads a measure; ok is false when the text is not one
// (so "Đơn vị: Quận Hồng Bàng" is a unit name, not a measure).
func parseMeasure(text string) (measure, bool) {
	k := vn.Key(text)
	k = strings.ReplaceAll(k, "1.000", "1000")
	k = strings.Join(strings.Fields(measureSep.Replace(k)), " ")
	k = strings.ReplaceAll(k, "tr đ", "trđ")
	if k == "" {
		return measure{}, false
	}
	m := measure{text: strings.TrimSpace(text)}
	if sh, ok := moneyMeasure(strings.ReplaceAll(k, "1 000", "1000")); ok {
		m.money, m.shift = true, sh
		return m, true
	}
	first, _, _ := strings.Cut(k, " ")
	for _, s := range countScales {
		if first == s {
			m.scale, m.words = true, k
			return m, true
		}
	}
	if measureWords[k] {
		m.words = k
		return m, true
	}
	return measure{}, false
}

// measureWords are the count measures officers write, so a line above
// the table can be told from a unit name.
var measureWords = func() map[string]bool {
	m := wordSet("người", "lượt", "lượt người", "buổi", "cuộc", "lớp", "tin", "mô hình", "nhà", "căn", "hộ", "lượt hộ",
		"vụ", "việc", "khẩu", "quả", "chiếc", "cái", "khẩu quả chiếc", "xã", "phường", "xã phường", "xã, phường", "camera",
		"đơn vị", "điểm", "tổ", "câu lạc bộ", "clb", "suất", "phần", "người lượt", "lượt cán bộ", "cán bộ", "hội viên", "lượt hội viên")
	return m
}()

// measureProblem says why a stated measure cannot hold a figure of ind:
// "" when it can. Money is converted by shift; a count's measure must not
// be scaled, must not be money, and must not be the measure of another
// indicator only ("lượt người" on the row of sessions).
func measureProblem(m measure, ind catalog.Indicator, cat *catalog.Catalog) string {
	money := ind.Kind == catalog.Money
	switch {
	case money && !m.money:
		return "money"
	case !money && m.money:
		return "count-money"
	case !money && m.scale:
		return "scaled"
	case money:
		return ""
	}
	own := vn.Key(ind.Unit)
	if m.words == own || wordsWithin(m.words, own) || wordsWithin(own, m.words) {
		return ""
	}
	for _, other := range cat.Indicators {
		if other.Kind != catalog.Money && vn.Key(other.Unit) == m.words {
			return "other"
		}
	}
	return ""
}

// wordsWithin reports whether every word of a is a word of b ("lượt" in
// "lượt người", "xã" in "xã, phường").
func wordsWithin(a, b string) bool {
	bw := map[string]bool{}
	for _, w := range strings.FieldsFunc(b, isSepRune) {
		bw[w] = true
	}
	aw := strings.FieldsFunc(a, isSepRune)
	for _, w := range aw {
		if !bw[w] {
			return false
		}
	}
	return len(aw) > 0
}

func isSepRune(r rune) bool { return r == ' ' || r == ',' || r == '/' || r == ';' }
