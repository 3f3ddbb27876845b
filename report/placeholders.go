package report

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/tongket/tongket/lang"
	"github.com/tongket/tongket/roster"
	"github.com/tongket/tongket/summary"
	"github.com/tongket/tongket/vn"
)

// Placeholders gives the placeholders of FORMATS.md §9 their values for
// one report: the figures as officers write them, the comparisons only
// where §5.1 allows them, the document settings, and the tables.
type Placeholders struct {
	s      *summary.Summary
	d      Document
	o      *Outline
	roster *roster.Export
	byCode map[string]summary.Indicator // upper-case code
	names  map[string]string            // unit names by code, made when first needed
}

// NewPlaceholders prepares the values of a report's placeholders; e, the
// roster export of the period, gives {{khen_thuong}} its line and
// {{bang_khen_thuong}} its table (nil: the line from the summary's counts,
// and no table).
func NewPlaceholders(s *summary.Summary, d Document, o *Outline, e *roster.Export) *Placeholders {
	p := &Placeholders{s: s, d: d, o: o, roster: e, byCode: map[string]summary.Indicator{}}
	for _, ind := range s.Indicators {
		p.byCode[strings.ToUpper(ind.Code)] = ind
	}
	return p
}

// Table placeholders: a paragraph holding only one of them becomes the
// table.
const (
	TableByYear  = "bang_tong_hop"
	TableByUnit  = "bang_theo_don_vi"
	TableAwards  = "bang_khen_thuong"
	figureSuffix = "truoc so_sanh uoc dan_dau"
)

// fixedNames are the placeholders that are not an indicator's.
var fixedNames = []string{
	"giai_doan", "so_nam", "tu_nam", "den_nam", "so_don_vi", "ty_le_bao_cao",
	"co_quan", "co_quan_cap_tren", "so_van_ban", "dia_danh", "ngay_thang", "nguoi_ky", "chuc_vu_nguoi_ky",
	"khen_thuong", TableByYear, TableByUnit, TableAwards,
}

// PlaceholderError is a placeholder tongket does not know, or cannot fill
// where it stands: its name, why, and the closest known name.
type PlaceholderError struct {
	Name    string
	Why     lang.Text
	Closest string // "" when no name is near
}

func (e *PlaceholderError) Error() string {
	s := "{{" + e.Name + "}}: " + e.Why.EN
	if e.Closest != "" {
		s += " (closest: {{" + e.Closest + "}})"
	}
	return s
}

// Text is the placeholder's text: an error for an unknown name, and for a
// table placeholder, which only a paragraph of its own can hold.
func (p *Placeholders) Text(name string) (string, error) {
	v, t, err := p.Value(name)
	if err == nil && t != nil {
		return "", &PlaceholderError{Name: name, Why: lang.F(
			"là một bảng, chỉ đặt được trong mẫu Word (--docx-template), một mình một đoạn; tệp nội dung đã có các bảng ở Phụ lục",
			"is a table, which only a Word template (--docx-template) can hold, in a paragraph of its own; the appendices hold the tables")}
	}
	return v, err
}

// Value is the placeholder's text, or its table (the table placeholders).
// Names match without regard to case; spaces around them do not count.
func (p *Placeholders) Value(name string) (string, *Table, error) {
	key := strings.ToLower(strings.TrimSpace(name))
	switch key {
	case TableByYear, TableByUnit:
		i := 0
		if key == TableByUnit {
			i = 1
		}
		if p.o == nil || len(p.o.Appendices) <= i {
			return "", nil, p.unknown(name, lang.F("không có bảng này trong báo cáo", "the report has no such table"))
		}
		return "", p.o.Appendices[i].Table, nil
	case TableAwards:
		if p.roster == nil {
			return "", nil, p.unknown(name, lang.F("chưa có danh sách khen thưởng của giai đoạn", "no roster for the period"))
		}
		return "", BuildRoster(*p.roster).List, nil
	}
	if v, ok := p.fixed(key); ok {
		return v, nil, nil
	}
	code, part, _ := strings.Cut(name, ".")
	ind, ok := p.byCode[strings.ToUpper(strings.TrimSpace(code))]
	if !ok {
		return "", nil, p.unknown(name, lang.F("không phải là chỗ điền số liệu tongket biết", "is not a placeholder tongket knows"))
	}
	v, err := p.figure(ind, strings.ToLower(strings.TrimSpace(part)))
	if err != nil {
		return "", nil, p.unknown(name, err.(*PlaceholderError).Why)
	}
	return v, nil, nil
}

// fixed is the value of a placeholder that is not an indicator's.
func (p *Placeholders) fixed(key string) (string, bool) {
	s, d := p.s, p.d
	switch key {
	case "giai_doan":
		return periodDash(s.Period), true
	case "so_nam":
		return strconv.Itoa(s.Period.Span()), true
	case "tu_nam":
		return strconv.Itoa(s.Period.From), true
	case "den_nam":
		return strconv.Itoa(s.Period.To), true
	case "so_don_vi":
		return vn.FormatInt(int64(len(s.Units))), true
	case "ty_le_bao_cao":
		c := s.Completeness
		return vn.FormatInt(int64(c.Received)) + "/" + vn.FormatInt(int64(c.Expected)) + " (" + Percent(c.Rate()*100, false) + ")", true
	case "co_quan":
		return pdfText(d.Agency), true
	case "co_quan_cap_tren":
		return pdfText(d.ParentAgency), true
	case "so_van_ban":
		d.DocNumber = pdfTrim(d.DocNumber)
		return d.DocNumberText(), true
	case "dia_danh":
		return pdfText(d.Place), true
	case "ngay_thang":
		return dateOr(d.Date, true), true
	case "nguoi_ky":
		return pdfText(d.SignerName), true
	case "chuc_vu_nguoi_ky":
		return pdfText(strings.Join(splitLines(d.SignerTitle), " ")), true
	case "khen_thuong":
		return p.awardsLine(), true
	}
	return "", false
}

// awardsLine is the roster's counts line, or one from the summary's
// counts when there is no roster export.
func (p *Placeholders) awardsLine() string {
	if p.roster != nil {
		return oneLine(p.roster.Line)
	}
	a := awardCounts(p.s)
	if a.Total == 0 {
		return "Chưa có tập thể, cá nhân nào được khen thưởng"
	}
	return vn.FormatInt(int64(a.Total)) + " gương điển hình tiên tiến, trong đó: " + countsText(a.Kinds)
}

// figure is an indicator's value: part "" the period total, a year that
// year's figure, "truoc" the previous period's, "so_sanh" the comparison,
// "uoc" the rounded phrase, "dan_dau" the leading units. A figure not
// reported is "…".
func (p *Placeholders) figure(ind summary.Indicator, part string) (string, error) {
	if p.names == nil {
		p.names = unitNames(p.s)
	}
	f := newFigure(ind, p.names)
	if f.PrevPeriod.From == 0 && f.PrevPeriod.To == 0 {
		f.PrevPeriod = p.s.Period.Previous()
	}
	switch part {
	case "":
		return cellAmountPtr(ind.Total, false, 0), nil
	case "truoc":
		if f.Prev == nil {
			return pdfNA, nil
		}
		return Amount(*f.Prev), nil
	case "so_sanh":
		if c := comparePhrase(f); c != "" {
			return strings.TrimPrefix(c, ", "), nil
		}
		return "chưa so sánh được với " + periodText(f.PrevPeriod) + " (" + coverageShort(p.s.Period, f.PrevPeriod, ind, lang.VI) + ")", nil
	case "uoc":
		switch {
		case !f.Known:
			return pdfNA, nil
		case f.Money:
			return approxMoney(int64(f.Total)), nil
		}
		return approxCount(int64(f.Total)), nil
	case "dan_dau":
		if l := leadingPhrase(f, f.Unit); l != "" {
			return l, nil
		}
		return "chưa xác định được đơn vị dẫn đầu (dưới hai đơn vị có số liệu)", nil
	}
	y, err := strconv.Atoi(part)
	if err != nil {
		return "", &PlaceholderError{Why: lang.F("sau mã chỉ tiêu chỉ có thể là một năm, truoc, so_sanh, uoc hoặc dan_dau",
			"after an indicator's code come only a year, truoc, so_sanh, uoc or dan_dau")}
	}
	if y < p.s.Period.From || y > p.s.Period.To {
		return "", &PlaceholderError{Why: lang.F("năm %d ngoài %s", "the year %d is outside %s", y, periodText(p.s.Period))}
	}
	v, ok := ind.Year(y)
	return cellAmount(v, ok, false, 0), nil
}

// unknown is the error for name, with the closest known name.
func (p *Placeholders) unknown(name string, why lang.Text) error {
	return &PlaceholderError{Name: name, Why: why, Closest: nearest(name, p.Names())}
}

// Names are the placeholders this report knows, for suggestions.
func (p *Placeholders) Names() []string {
	out := append([]string(nil), fixedNames...)
	for _, ind := range p.s.Indicators {
		out = append(out, ind.Code)
		for _, part := range strings.Fields(figureSuffix) {
			out = append(out, ind.Code+"."+part)
		}
		out = append(out, ind.Code+"."+strconv.Itoa(p.s.Period.To))
	}
	return out
}

// nearest is the candidate closest to s: the one sharing most words with
// it, then the one fewest edits away, letters compared without accents
// or case; ties go to the first.
func nearest(s string, cands []string) string {
	words := func(x string) []string {
		x = vn.StripAccents(vn.Key(numbering.ReplaceAllString(vn.Key(x), "")))
		return strings.FieldsFunc(x, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	}
	a := words(s)
	best, bestShared, bestD := "", -1, 0
	for _, c := range cands {
		b := words(c)
		shared := 0
		for _, w := range a {
			if slices.Contains(b, w) {
				shared++
			}
		}
		d := editDistance([]rune(strings.Join(a, " ")), []rune(strings.Join(b, " ")))
		if shared > bestShared || shared == bestShared && d < bestD {
			best, bestShared, bestD = c, shared, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance of two rune strings.
func editDistance(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// placeholderErr is err as a *PlaceholderError, if it is one.
func placeholderErr(err error) (*PlaceholderError, bool) {
	var pe *PlaceholderError
	ok := errors.As(err, &pe)
	return pe, ok
}
