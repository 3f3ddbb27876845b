package roster

import (
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/tongket/tongket/finding"
	"github.com/tongket/tongket/lang"
	"github.com/tongket/tongket/table"
	"github.com/tongket/tongket/xlsx"
)

// The printed layout of a roster (FORMATS.md §4.1), as tongket itself
// writes it: no Loại or Tổ chức column, but section rows "I. TẬP THỂ" /
// "II. CÁ NHÂN" and organisation rows ("Hội Cựu chiến binh") above each
// group, and a counts line under the table. Those rows stand for the
// columns: each nominee row takes the kind and organisation of the titles
// it stands under.

// section is where a row stands under the titles of a printed roster.
type section struct {
	kind, org     string // the kind and organisation the titles above give; "" none
	kindAt, orgAt string // the cells of those titles
	kindTitle     string // the kind's title as written: "I. TẬP THỂ"
	orgTitle      string
	orgBad        bool // under an organisation title not in the catalog (reported)
	// Nominee rows since each title and since the last total line: a
	// total line may count any of them.
	sinceKind, sinceOrg, sinceTotal int
}

var (
	// numberingRe is the numbering in front of a title: "I.", "II -",
	// "1)", "a/", "Phần I:".
	numberingRe = regexp.MustCompile(`^(?:phần\s+|mục\s+)?(?:[ivxlc]+|\d{1,2}|[a-zđ])\s*[.):/\-–]\s*`)
	// numberTokenRe is a numbering alone in the STT cell beside a title
	// in the name cell: "I", "2", "A", "II.".
	numberTokenRe = regexp.MustCompile(`^(?:[ivxlc]+|\d{1,2}|[a-zđ])\s*[.):]?$`)
	// countSuffixRe is a count after a title: "(23)", "(23 tập thể)", ": 23".
	countSuffixRe = regexp.MustCompile(`\s*(?:\(\s*\d[^)]*\)|:\s*\d[\d.]*)\s*$`)
	// countsRe is the counts line tongket writes under a roster, and its
	// lines for a roster with no one in it.
	countsRe = regexp.MustCompile(`^(?:\d[\d.]*\s+gương|chưa có tập thể|không có tập thể)`)
	// breakdownRe matches the line under a total that splits it ("Trong
	// đó: Tập thể: 02; Cá nhân: 01"): not a nominee.
	breakdownRe = regexp.MustCompile(`^trong (?:đó|số đó)(?:[^\p{L}].*)?\d`)
	// firstNumberRe is the count a total line states: "Tổng cộng: 1.234".
	firstNumberRe = regexp.MustCompile(`\d{1,3}(?:\.\d{3})+|\d+`)
)

// label is the text of a row's STT and name cells (and cells left of the
// name that are no field), the cell that holds it, and whether the row
// holds nothing else: a title row. A row with more, whose text cannot
// start a total line, has no text.
type label struct {
	text, ref string
	numbered  bool // a numbering stands before it ("I. …", or "I" in the STT cell)
	// plainSTT: that numbering is a plain number in the STT cell ("6"),
	// as a nominee's: not enough to make a row a title.
	plainSTT bool
	only     bool
}

func (r *reader) label(row xlsx.Row) label {
	h := &r.sh.h
	nameCol := h.cols[colName]
	var stt, name xlsx.Cell
	l := label{only: true}
	for _, c := range row.Cells {
		if table.FromLeft(c) || strings.TrimSpace(c.Value) == "" {
			continue
		}
		switch {
		case h.found[colName] && c.Col == nameCol:
			name = c
		case stt.Ref == "" && (h.found[colSTT] && c.Col == h.cols[colSTT] || c.Col < nameCol && !h.field(c.Col)):
			stt = c
		default:
			l.only = false
		}
	}
	// A nominee's row (most rows) is done here unless its text may start
	// a total line.
	if !l.only && !mayBeTotal(strings.TrimSpace(stt.Value+name.Value)) {
		return l
	}
	st, nm := cellText(stt), cellText(name)
	switch {
	case nm != "" && st != "" && numberTokenRe.MatchString(Key(st)):
		l.text, l.ref, l.numbered = nm, name.Ref, true
		l.plainSTT = strings.Trim(st, "0123456789") == ""
	case nm != "" && st != "":
		l.text, l.ref = st+" "+nm, stt.Ref
	case nm != "":
		l.text, l.ref = nm, name.Ref
	default:
		l.text, l.ref = st, stt.Ref
	}
	l.text = clean(l.text)
	l.numbered = l.numbered || numberingRe.MatchString(Key(l.text))
	return l
}

// layoutRow takes a row of the printed layout rather than a nominee: a
// total or counts line, a title of a kind ("I. TẬP THỂ") or of an
// organisation ("1. Hội Nông dân"), or another title. It reports whether
// the row was one.
func (r *reader) layoutRow(row xlsx.Row) bool {
	l := r.label(row)
	if l.text == "" {
		return false
	}
	k := Key(l.text)
	if totalRe.MatchString(k) || l.only && countsRe.MatchString(k) {
		r.totalLine(row, l, strings.HasPrefix(k, "cộng"))
		return true
	}
	if l.only && breakdownRe.MatchString(k) {
		return true // its counts are those of the entries, read one by one
	}
	if !l.only {
		return false
	}
	bare := Key(countSuffixRe.ReplaceAllString(numberingRe.ReplaceAllString(k, ""), ""))
	title := l.numbered && !l.plainSTT || capitals(l.text)
	sec := &r.sh.sec
	if kind := r.kindTitle(bare, title); kind != "" {
		*sec = section{kind: kind, kindAt: l.ref, kindTitle: l.text, sinceTotal: sec.sinceTotal}
		return true
	}
	if org, ok := r.orgs.match(bare); ok {
		sec.org, sec.orgAt, sec.orgTitle, sec.orgBad, sec.sinceOrg = org, l.ref, l.text, false, 0
		return true
	}
	if r.sh.h.found[colOrg] {
		if title { // another title (a commune, a group): what it groups is not told
			sec.org, sec.orgAt, sec.orgBad = "", "", false
		}
		return title
	}
	// Without a Tổ chức column, the organisation of the rows below comes
	// from this title: one the catalog does not know, or a nominee with
	// nothing but a name.
	r.unknownTitle(l)
	return true
}

// mayBeTotal reports a text that may start a total line ("Tổng cộng",
// "Cộng"): one that starts with a t or a c.
func mayBeTotal(s string) bool {
	for _, c := range s {
		c = unicode.ToLower(c)
		return c == 't' || c == 'c'
	}
	return false
}

// kindTitle is the kind a title names: "TẬP THỂ", "Cá nhân", and, for a
// numbered or capitalised title, "TẬP THỂ ĐỀ NGHỊ KHEN THƯỞNG".
func (r *reader) kindTitle(bare string, title bool) string {
	if c, ok := r.kinds.match(bare); ok {
		return c
	}
	if !title {
		return ""
	}
	coll, indiv := Key(Collective), Key(Individual)
	switch {
	case strings.HasPrefix(bare, coll+" ") && !strings.Contains(bare, indiv):
		return Collective
	case strings.HasPrefix(bare, indiv+" ") && !strings.Contains(bare, coll):
		return Individual
	}
	return ""
}

// capitals reports a title in capitals ("TẬP THỂ", "HỘI NÔNG DÂN"); names
// are not written in capitals.
func capitals(s string) bool {
	upper, letters := true, 0
	for _, c := range s {
		if unicode.IsLetter(c) {
			letters++
			upper = upper && unicode.IsUpper(c)
		}
	}
	return letters > 1 && upper
}

// unknownTitle reports a title row, in a roster without a Tổ chức column,
// that names no organisation of the catalog; the rows under it are not
// kept (they belong to no known organisation), and not reported again.
func (r *reader) unknownTitle(l label) {
	sec := &r.sh.sec
	sec.org, sec.orgAt, sec.orgBad, sec.sinceOrg = "", l.ref, true, 0
	col, row, _ := xlsx.ParseRef(l.ref)
	t := lang.F("Ô %s: dòng %d chỉ ghi \"%s\". Danh sách không có cột \"Tổ chức\", nên dòng như vậy được đọc là tên tổ chức của các dòng bên dưới, nhưng tổ chức này không có trong danh mục.",
		"Cell %s: row %d holds only \"%s\". The roster has no \"Tổ chức\" column, so such a row is read as the organisation of the rows below it, but this organisation is not in the catalog.",
		l.ref, row, l.text)
	if s := r.orgs.suggest(l.text); s != "" {
		t = lang.Join(" ", t, lang.F("Có phải là \"%s\"?", "Did you mean \"%s\"?", s))
	}
	t = lang.Join(" ", t, lang.F("Hãy ghi một trong: %s (hoặc thêm vào danh mục); nếu đây là một tập thể, cá nhân được khen, hãy ghi đủ hình thức, ngày quyết định trên dòng này.",
		"Write one of: %s (or add it to the catalog); if this is a commended collective or person, give the form and decision date on this row.", r.orgs.list()))
	f := finding.New(finding.Error, finding.ConstraintError, t).At(r.sh.name, xlsx.ColumnName(col), row)
	f.Value = l.text
	r.add(f)
}

// totalLine checks the count a total or counts line states against the
// nominee rows above it: those since the last total line, under the
// current titles, on the sheet or in the file. A subtotal ("Cộng") ends
// the organisation's group; a total ("Tổng cộng") ends the sections too.
func (r *reader) totalLine(row xlsx.Row, l label, subtotal bool) {
	sec := &r.sh.sec
	n, stated := statedCount(row, l.text)
	if stated {
		ok := false
		for _, c := range []int{sec.sinceTotal, sec.sinceOrg, sec.sinceKind, r.sh.rows, r.rows} {
			ok = ok || c == n
		}
		if !ok {
			col, rn, _ := xlsx.ParseRef(l.ref)
			f := finding.New(finding.Error, finding.TotalMismatch, lang.F(
				"Ô %s: dòng tổng ghi %d, nhưng phía trên có %d dòng tập thể, cá nhân (trên trang này %d). Có dòng bị thiếu hoặc thừa, hoặc số tổng chưa đúng: hãy đối chiếu lại và sửa.",
				"Cell %s: the total line states %d, but %d collectives and persons are listed above it (%d on this sheet). A row is missing or extra, or the total is wrong: check and correct it.",
				l.ref, n, sec.sinceTotal, r.sh.rows)).At(r.sh.name, xlsx.ColumnName(col), rn)
			f.Value = l.text
			r.add(f)
		}
	}
	if subtotal {
		sec.org, sec.orgAt, sec.orgBad, sec.sinceOrg = "", "", false, 0
	} else {
		*sec = section{}
	}
	sec.sinceTotal = 0
}

// statedCount is the count a total line states: the first number of its
// text ("Tổng cộng: 92 (23 tập thể, 69 cá nhân)", "92 gương …"), or
// else of the row's number cells; zero for the lines of an empty roster.
func statedCount(row xlsx.Row, text string) (int, bool) {
	k := Key(text)
	if strings.HasPrefix(k, "chưa có") || strings.HasPrefix(k, "không có") {
		return 0, true
	}
	if m := firstNumberRe.FindString(k); m != "" {
		n, err := strconv.Atoi(strings.ReplaceAll(m, ".", ""))
		return n, err == nil
	}
	for _, c := range row.Cells {
		if c.Kind == xlsx.Number && !table.FromLeft(c) {
			n, err := strconv.Atoi(cellText(c))
			return n, err == nil
		}
	}
	return 0, false
}

// unread is what a column the roster does not read holds on nominee rows.
type unread struct {
	first, value string // its first non-empty cell and what it holds
	rows         int
}

// reportUnread says, at the header, which columns were read into no
// field though nominee rows hold something there, and where a combined
// "Chức vụ, đơn vị công tác" column was kept whole.
func (r *reader) reportUnread() {
	h := &r.sh.h
	if h.found[colPosUnit] {
		if r.sh.combined > 0 {
			into := lang.Text{VI: "Đơn vị", EN: "unit"}
			if h.posUnitInto == colPosition {
				into = lang.Text{VI: "Chức vụ", EN: "position"}
			}
			f := finding.New(finding.Warning, finding.CombinedColumn, lang.F(
				"Cột %s (\"%s\") ghi chung chức vụ và đơn vị: được lưu nguyên văn vào trường %s, không tách (không có dấu hiệu nào cho biết chắc chức vụ hết ở đâu). Nếu muốn tách, hãy chia thành hai cột \"Chức vụ\" và \"Đơn vị\".",
				"Column %s (\"%s\") gives position and unit together: it is kept whole as the %s, not split (nothing tells for sure where the position ends). To split it, make two columns \"Chức vụ\" and \"Đơn vị\".",
				xlsx.ColumnName(h.cols[colPosUnit]), columnNames[colPosUnit], into)).At(h.sheet, xlsx.ColumnName(h.cols[colPosUnit]), h.row)
			r.add(f)
		}
	}
	for col, u := range r.sh.unread {
		f := finding.New(finding.Warning, finding.UnreadColumn, lang.F(
			"Cột %s không phải cột của danh sách khen thưởng nên không được lưu, dù %d dòng có ghi (ví dụ ô %s: \"%s\"). Nếu cần giữ, hãy ghi vào cột Thành tích.",
			"Column %s is not a roster column, so it is not stored, though %d rows hold something there (e.g. cell %s: \"%s\"). To keep it, write it in the Thành tích column.",
			h.columnName(col), u.rows, u.first, u.value)).At(h.sheet, xlsx.ColumnName(col), h.row)
		r.add(f)
	}
}

// unreadList names the columns left unread: `F "Ghi chú", J "Ngày"`.
func (r *reader) unreadList() lang.Text {
	cols := slices.Sorted(maps.Keys(r.sh.unread))
	var out lang.Text
	for _, c := range cols {
		out = lang.Join(", ", out, r.sh.h.columnName(c))
	}
	return out
}

// columnName names a column by its letters and header label: `F "Ghi
// chú"`, or `M (không có tiêu đề)`.
func (h *header) columnName(col int) lang.Text {
	if l := h.labels[col]; l != "" {
		return lang.F("%s \"%s\"", "%s \"%s\"", xlsx.ColumnName(col), l)
	}
	return lang.F("%s (không có tiêu đề)", "%s (no header)", xlsx.ColumnName(col))
}
