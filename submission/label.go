package submission

import (
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/tongket/tongket/vn"
)

// colKind is what a figure column of a wide table holds, read from its
// header the way a person reads it (FORMATS.md §2.1).
type colKind uint8

const (
	colNone     colKind = iota // not a figure column
	colYear                    // a year's results: stored
	colPlan                    // a plan or target ("Kế hoạch 2024"): never stored
	colSubtotal                // "Cộng 5 năm", "Tổng cộng", "2019–2023": checked, never stored
	colDerived                 // "Bình quân", "Tỷ lệ %", "So sánh 2023/2019": recognised, never stored
	colValue                   // a single value column ("Số lượng") whose year is given elsewhere
)

// colLabel is one header text read as a column label.
type colLabel struct {
	kind     colKind
	year     int  // colYear, colPlan: the year (0 when the label names none)
	from, to int  // colSubtotal: the years it adds, 0 when unsaid
	estimate bool // "2023 (ước)", "Ước TH 2023"
	mark     bool // "2022 (*)" or other words beside the year
	group    bool // a neutral group label ("Năm", "Số liệu theo năm") that says nothing itself
	// breakdown: "Trong đó: …", part of a figure (see breakdownPrefixes)
	breakdown bool
	// partial: a year remarked as part of one ("2023 (6 tháng)"), not
	// its result; kind colNone, year set
	partial bool
}

var (
	yearNumRe = regexp.MustCompile(`(?:^|[^0-9])((?:19|20|21)[0-9]{2})(?:$|[^0-9])`)
	rangeRe   = regexp.MustCompile(`((?:19|20|21)[0-9]{2})\s*(?:-|–|—|đến|-)\s*((?:19|20|21)[0-9]{2})`)
	parenRe   = regexp.MustCompile(`\([^)]*\)|\[[^\]]*\]`)
	// yearDotRe is a year typed with a thousands dot, "2.019": the year
	// 2019 as a number formatted the Vietnamese way, typed as text.
	yearDotRe = regexp.MustCompile(`(^|[^0-9.,])([12])\.([0-9]{3})($|[^0-9.,])`)
	// partRe is a remark that the figures are of part of a year: "(6
	// tháng)", "(9 tháng đầu năm)", "(quý III)", "(đầu năm)"; not "(cả
	// năm, đến hết tháng 12)".
	partRe   = regexp.MustCompile(`\d+\s*tháng|quý|đầu năm|nửa năm`)
	labelSep = strings.NewReplacer("(", " ", ")", " ", ":", " ", ",", " ", ".", " ", "/", " ", "-", " ", "–", " ", "—", " ", ";", " ")
)

// Word sets of column labels, as keys with "năm" and punctuation removed.
var (
	resultWords = wordSet("", "th", "thực hiện", "kết quả", "kết quả thực hiện", "kq", "số liệu", "số liệu thực hiện",
		"số lượng", "giá trị", "theo", "số liệu theo", "số liệu các", "các", "kết quả các", "kết quả thực hiện các",
		"thực hiện theo", "báo cáo", "số liệu báo cáo", "chính thức", "số chính thức")
	estimateWords = wordSet("ước", "ước tính", "ước th", "ước thực hiện", "ước đạt", "số ước", "ước kết quả", "ước cả", "th ước", "thực hiện ước", "số liệu ước", "số liệu ước tính")
	planWords     = wordSet("kh", "kế hoạch", "mục tiêu", "dự kiến", "chỉ tiêu giao", "chỉ tiêu được giao", "kế hoạch giao",
		"kh giao", "dự kiến kế hoạch", "kế hoạch đề ra", "chỉ tiêu kế hoạch", "dự kiến thực hiện", "kế hoạch thực hiện")
	derivedPrefixes = []string{"bình quân", "trung bình", "tỷ lệ", "tỉ lệ", "so sánh", "tăng giảm", "tăng", "giảm", "chênh lệch", "%", "bq"}
	// breakdownPrefixes start a label of part of a figure ("Trong đó:
	// nữ"): under a year it is not the year's figure; over the years
	// ("Tổng số | Trong đó" merged over 2019 … 2023) it groups them.
	breakdownPrefixes = []string{"trong đó", "trong số đó"}
	subtotalPrefixes  = []string{"cộng", "tổng", "lũy kế", "luỹ kế", "cộng dồn", "cả giai đoạn", "giai đoạn", "toàn giai đoạn", "tổng số"}
	valueWords        = wordSet("số lượng", "kết quả", "giá trị", "số liệu", "thực hiện", "kết quả thực hiện", "kết quả đạt được", "số liệu thực hiện")
)

func wordSet(ss ...string) map[string]bool {
	m := map[string]bool{}
	for _, s := range ss {
		m[s] = true
	}
	return m
}

// colLabels caches parseColLabel across files: the headers of a batch of
// submissions are mostly the same few texts ("2019", "Năm 2020", "Ghi
// chú"). Bounded, so a hostile file cannot fill memory.
var colLabels struct {
	sync.Mutex
	m map[string]colLabel
}

func cachedColLabel(text string) colLabel {
	colLabels.Lock()
	l, ok := colLabels.m[text]
	colLabels.Unlock()
	if ok {
		return l
	}
	l = parseColLabel(text)
	colLabels.Lock()
	if colLabels.m == nil || len(colLabels.m) > 4096 {
		colLabels.m = map[string]colLabel{}
	}
	colLabels.m[text] = l
	colLabels.Unlock()
	return l
}

// parseColLabel reads a header text: "2013", "Năm 2013", "2022 (*)", "2023
// (ước)", "Ước TH 2023", "Kế hoạch 2024", "KH 2024", "Cộng 5 năm",
// "2019–2023", "Tỷ lệ %", "Năm", "Số lượng".
func parseColLabel(text string) colLabel {
	k := vn.Key(text)
	if k == "" {
		return colLabel{}
	}
	var l colLabel
	if strings.Contains(k, "*") {
		l.mark = true
		k = strings.ReplaceAll(k, "*", " ")
	}
	if strings.Contains(k, ".") {
		k = yearDotRe.ReplaceAllString(k, "${1}${2}${3}${4}")
	}
	if m := rangeRe.FindStringSubmatch(k); m != nil {
		l.kind = colSubtotal
		l.from, _ = strconv.Atoi(m[1])
		l.to, _ = strconv.Atoi(m[2])
		if rest := words(strings.Replace(k, m[0], " ", 1)); hasPrefix(rest, derivedPrefixes) {
			l.kind = colDerived
		}
		return l
	}
	years := yearNumRe.FindAllStringSubmatch(k, -1)
	rest := k
	for _, m := range years {
		rest = strings.Replace(rest, m[1], " ", 1)
	}
	rest = words(rest)
	if hasPrefix(rest, breakdownPrefixes) {
		l.breakdown = true
		if len(years) == 1 {
			l.year, _ = strconv.Atoi(years[0][1])
		}
		return l
	}
	switch {
	case hasPrefix(rest, derivedPrefixes):
		l.kind = colDerived
		return l
	case len(years) > 1:
		l.kind = colDerived // "2023/2019": a comparison of two years
		return l
	case hasPrefix(rest, subtotalPrefixes):
		l.kind = colSubtotal
		return l
	}
	if len(years) == 1 {
		l.year, _ = strconv.Atoi(years[0][1])
	}
	switch {
	case planWords[rest]:
		l.kind = colPlan
	case estimateWords[rest]:
		l.kind, l.estimate = colYear, true
	case resultWords[rest]:
		l.kind = colYear
	case l.year != 0 && words(parenRe.ReplaceAllString(strings.Replace(k, years[0][1], " ", 1), " ")) == "" &&
		partRe.MatchString(strings.Join(parenRe.FindAllString(k, -1), " ")):
		// "2023 (6 tháng)": part of a year, not its result
		l.partial = true
	case l.year != 0 && words(parenRe.ReplaceAllString(strings.Replace(k, years[0][1], " ", 1), " ")) == "":
		// "2022 (số liệu chính thức)": a year with a remark in brackets
		l.kind, l.mark = colYear, true
	case l.year != 0 && partRe.MatchString(rest):
		l.partial = true // "6 tháng đầu năm 2023"
	}
	if l.year == 0 && l.kind == colYear {
		// "Năm", "Số liệu theo năm", "Kết quả thực hiện": a group label
		// over year cells, or a single value column.
		l.kind, l.group = colNone, true
		if valueWords[rest] {
			l.kind = colValue
		}
	}
	return l
}

// words is a key with punctuation and the word "năm" taken out.
func words(k string) string {
	f := strings.Fields(labelSep.Replace(k))
	out := f[:0]
	for _, w := range f {
		if w != "năm" && w != "nam" {
			out = append(out, w)
		}
	}
	return strings.Join(out, " ")
}

func hasPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if s == p || strings.HasPrefix(s, p+" ") || (p == "%" && strings.Contains(s, "%")) {
			return true
		}
	}
	return false
}

// combine reads a column of a two-row header: the group label above and
// the label below it. A plan, subtotal or comparison in either row decides;
// the year is the lower one's when it gives one.
func combine(top, sub colLabel) colLabel {
	switch {
	case sub.breakdown:
		return colLabel{kind: colDerived, year: max(sub.year, top.year)} // part of the figure
	case top.partial || sub.partial:
		return colLabel{partial: true, year: max(sub.year, top.year)}
	case top.breakdown:
		top = colLabel{group: true} // "Trong đó" over the years groups them
	}
	for _, k := range []colKind{colPlan, colDerived, colSubtotal} {
		if top.kind == k || sub.kind == k {
			l := sub
			if sub.kind != k {
				l = colLabel{kind: k, from: top.from, to: top.to}
			}
			if l.year == 0 {
				l.year = max(sub.year, top.year)
			}
			return l
		}
	}
	l := sub
	if l.year == 0 {
		l.year = top.year
	}
	if l.year != 0 {
		l.kind = colYear
	}
	l.estimate = top.estimate || sub.estimate
	l.mark = top.mark || sub.mark
	return l
}
