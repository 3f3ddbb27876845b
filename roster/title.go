package roster

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/tongket/tongket/table"
	"github.com/tongket/tongket/vn"
	"github.com/tongket/tongket/xlsx"
)

// titleLines reads the lines above a roster's table (table.Options.Before)
// as a person reads them: the years the roster claims ("Năm 2024",
// "Giai đoạn 2019–2024", "Năm: 2019-2024", "(2019 - 2024)"; a title naming
// two periods claims both), the unit that sends it (a "Đơn vị: …" line, or
// the agency block above the title), the kind of nominee a title naming
// only one gives ("DANH SÁCH CÁ NHÂN …"), and the heading that, with the
// file's name, tells this roster from another. The document's date line
// ("Hải Phòng, ngày 15 tháng 10 năm 2024", even with the day left blank)
// and dates like 01/08/2024 are not claims; the national motto and a
// "(Kèm theo …)" line are not part of the heading.
type titleLines struct {
	from, to int      // the span of the years claimed; 0 when none
	unitLine string   // a "Đơn vị: …" line
	agency   []string // the lines above the title line, as written
	titled   bool     // the title line ("DANH SÁCH …") was seen
	heading  []string // keys of the heading's cells, years left out
	kinds    [2]bool  // the lines name tập thể, cá nhân
}

var (
	datePhraseRe = regexp.MustCompile(`ngày[\s.…_\-]*(?:\d{1,2})?[\s.…_\-]*tháng[\s.…_\-]*(?:\d{1,2})?[\s.…_\-]*,?\s*năm[\s.…_\-]*(?:\d{4})?|\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{4}`)
	claimRe      = regexp.MustCompile(`(?:năm|giai đoạn|thời kỳ|nhiệm kỳ|từ)\s*:?\s*(\d{4})(?:\s*(?:-|–|—|đến năm|đến|tới)\s*(\d{4}))?`)
	bareRangeRe  = regexp.MustCompile(`(?:^|[^\d])(\d{4})\s*(?:-|–|—)\s*(\d{4})(?:[^\d]|$)`)
	// unitLineRe is a line naming the submitting unit: "Đơn vị: Xã An
	// Đồng", "Tên đơn vị:", "Cơ quan đề nghị:", never "Đơn vị tính:".
	unitLineRe = regexp.MustCompile(`^(?:tên\s+)?(?:đơn vị|cơ quan)(?:\s+(?:gửi|báo cáo|đề nghị|lập danh sách|lập biểu))?\s*:`)
	// titleRe starts the title line of a roster.
	titleRe = regexp.MustCompile(`^(?:danh sách|danh sach|ds\b|bảng|biểu|tổng hợp|tổng kết|phụ lục)`)
	// asideRe starts a cell that is neither agency nor heading: the
	// national motto, a document number, an attachment note.
	asideRe = regexp.MustCompile(`^(?:cộng hòa xã hội|độc lập\s*[-–—]|số\s*:|số\s+\d|\(?\s*kèm theo|v/v)`)
)

func (t *titleLines) scan(row xlsx.Row) {
	parts := make([]string, 0, len(row.Cells))
	for _, c := range row.Cells {
		if (c.Kind != xlsx.Text && c.Kind != xlsx.Number) || table.FromLeft(c) {
			continue
		}
		s := cellText(c)
		parts = append(parts, s)
		t.cell(s)
	}
	line := datePhraseRe.ReplaceAllString(vn.Key(strings.Join(parts, " ")), " ")
	t.claims(line)
}

// claims widens the claimed years by every claim in line.
func (t *titleLines) claims(line string) {
	ms := claimRe.FindAllStringSubmatch(line, -1)
	if len(ms) == 0 {
		ms = bareRangeRe.FindAllStringSubmatch(line, -1)
	}
	for _, g := range ms {
		from, _ := strconv.Atoi(g[1])
		to := from
		if g[2] != "" {
			to, _ = strconv.Atoi(g[2])
		}
		if from < 1945 || to >= 2200 || from > to {
			continue
		}
		if t.from == 0 || from < t.from {
			t.from = from
		}
		t.to = max(t.to, to)
	}
}

// cell takes one cell of a line above the table.
func (t *titleLines) cell(s string) {
	k := vn.Key(s)
	if asideRe.MatchString(k) || !hasLetter(k) {
		return
	}
	if datePhraseRe.MatchString(k) && !titleRe.MatchString(k) {
		return // the date line: "Hải Phòng, ngày 20 tháng 11 năm 2024"
	}
	if unitLineRe.MatchString(k) && !strings.HasPrefix(k, "đơn vị tính") {
		if i := strings.IndexByte(s, ':'); i >= 0 && t.unitLine == "" {
			t.unitLine = clean(s[i+1:])
		}
	}
	if titleRe.MatchString(k) {
		t.titled = true
	} else if !t.titled && len(t.agency) < 2 && t.unitLine == "" {
		t.agency = append(t.agency, clean(s))
	}
	t.kinds[0] = t.kinds[0] || strings.Contains(k, "tập thể")
	t.kinds[1] = t.kinds[1] || strings.Contains(k, "cá nhân")
	h := claimRe.ReplaceAllString(datePhraseRe.ReplaceAllString(k, " "), " ")
	if h = strings.Join(strings.Fields(bareRangeRe.ReplaceAllString(h, " ")), " "); h != "" {
		t.heading = append(t.heading, h)
	}
}

func hasLetter(s string) bool {
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}

// years are the years claimed, zero when none.
func (t *titleLines) years() [2]int { return [2]int{t.from, t.to} }

// unit is the submitting unit the lines name, "" when none.
func (t *titleLines) unit() string {
	if t.unitLine != "" {
		return t.unitLine
	}
	return strings.Join(t.agency, " – ")
}

// kind is the kind of nominee the lines name when they name only one.
func (t *titleLines) kind() string {
	switch t.kinds {
	case [2]bool{true, false}:
		return Collective
	case [2]bool{false, true}:
		return Individual
	}
	return ""
}

// key is the heading as one key.
func (t *titleLines) key() string { return strings.Join(t.heading, " | ") }

// sheetKind is the kind of nominee a sheet's name gives: "Tập thể",
// "DS cá nhân", "2. Ca nhan".
func sheetKind(name string) string {
	k := vn.StripAccents(numberingRe.ReplaceAllString(vn.Key(name), ""))
	for _, p := range []string{"danh sach ", "ds ", "khen thuong "} {
		k = strings.TrimPrefix(k, p)
	}
	switch strings.TrimSpace(k) {
	case "tap the":
		return Collective
	case "ca nhan":
		return Individual
	}
	return ""
}
