package report

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"text/template"
	"time"

	"github.com/tongket/tongket/summary"
	"github.com/tongket/tongket/templates"
	"github.com/tongket/tongket/vn"
)

// NarrativeTemplate is the embedded narrative's file name in templates/.
const NarrativeTemplate = "report.vi.tmpl"

// Narrative is the report's prose: a text/template (templates/report.vi.tmpl
// or a user's copy) that yields the line markup the PDF renderer lays out.
// The markup is documented in the template's header comment.
type Narrative struct {
	t *template.Template
}

// LoadNarrative loads the narrative template from path, or the embedded
// one when path is "".
func LoadNarrative(path string) (*Narrative, error) {
	if path == "" {
		t, err := templates.Load(NarrativeTemplate, narrativeFuncs())
		if err != nil {
			return nil, err
		}
		return &Narrative{t: t}, nil
	}
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("narrative template: %w", err)
	}
	t, err := template.New(filepath.Base(path)).Funcs(narrativeFuncs()).Parse(string(src))
	if err != nil {
		return nil, fmt.Errorf("narrative template %s: %w", path, err)
	}
	return &Narrative{t: t}, nil
}

// NarrativeText is the prose of one report, ready to lay out.
type NarrativeText struct {
	Title    string // the summary line under "BÁO CÁO" (trích yếu); "\n" breaks it
	Body     string // the body in the line markup
	Appendix string // the appendix's name; "\n" breaks it
	Chart    string // the chart's caption
}

// Render fills the narrative for a summary. chart is the code of the
// charted indicator ("" for TT_BUOI).
func (n *Narrative) Render(s *summary.Summary, d Document, chart string) (NarrativeText, error) {
	data := NewNarrativeData(s, d, chart)
	var out NarrativeText
	var err error
	if out.Body, err = n.exec(n.t, data); err != nil {
		return out, err
	}
	parts := []struct {
		name string
		dst  *string
		def  string
	}{
		{"trich-yeu", &out.Title, defaultTitle(data)},
		{"phu-luc", &out.Appendix, "Số liệu kết quả thực hiện phong trào giai đoạn " + periodDash(s.Period)},
		{"bieu-do", &out.Chart, ""},
	}
	for _, p := range parts {
		*p.dst = p.def
		if t := n.t.Lookup(p.name); t != nil {
			v, err := n.exec(t, data)
			if err != nil {
				return out, err
			}
			if v = keepLines(v); v != "" {
				*p.dst = v
			}
		}
	}
	if out.Chart == "" && data.Chart != nil {
		out.Chart = "Biểu đồ: " + data.Chart.Name + " qua các năm (" + data.Chart.Unit + ")"
	}
	return out, nil
}

func (n *Narrative) exec(t *template.Template, data *NarrativeData) (string, error) {
	var b bytes.Buffer
	if err := t.Execute(&b, data); err != nil {
		return "", fmt.Errorf("narrative template: %w", err)
	}
	return vn.NFC(b.String()), nil
}

func defaultTitle(d *NarrativeData) string {
	return `Tổng kết thực hiện phong trào "Toàn dân bảo vệ an ninh Tổ quốc" giai đoạn ` + periodDash(d.Period)
}

// NarrativeData is what the narrative template sees. Names are cleaned
// (one line, single spaces, NFC); .Summary is the raw value.
type NarrativeData struct {
	Summary  *summary.Summary
	Doc      Document
	Period   summary.Period
	Previous summary.Period
	// Years is the span named in the title, counted as anniversaries
	// are: To−From, so 2013–2023 is "10 năm" and 2019–2024 "5 năm".
	Years      int
	Units      int    // units expected to report
	Received   int    // yearly reports received
	Expected   int    // yearly reports expected
	Rate       string // received/expected: "96,2%"
	I          map[string]*Figure
	Indicators []*Figure
	Others     []*Figure
	Missing    []MissingUnit
	Awards     AwardCounts
	Chart      *Figure
}

// Figure is one indicator for the narrative.
type Figure struct {
	Code, Name, Unit string
	Money            bool // Total is money in hundredths of Unit (triệu đồng)
	Stock            bool // agg "last": the figure at the end of the period
	Known            bool // Total was reported
	Total            summary.Amount
	Prev             *summary.Amount // previous period's total, nil when unknown
	PrevPeriod       summary.Period
	UnitsReporting   int
}

// MissingUnit is a unit that did not report some years.
type MissingUnit struct {
	Code, Name string
	Years      []int
	All        bool // it reported no year at all
}

// AwardCounts are the award counts, each list largest first.
type AwardCounts struct {
	Total                       int
	Kinds, Forms, Organisations []Count
}

// Count is a named count.
type Count struct {
	Name string
	N    int
}

// builtinCodes are the codes of the built-in catalog (FORMATS.md §1), which the
// embedded narrative phrases one by one; others go to .Others.
var builtinCodes = map[string]bool{
	"MH_TRIENKHAI": true, "MH_HIEUQUA": true, "TT_BUOI": true, "TT_LUOT": true,
	"TIN_GIATRI": true, "TH_LOP": true, "TH_LUOT": true, "CH_NGUOI": true,
	"NHA_SO": true, "NHA_TIEN": true, "VON_HO": true, "VON_TIEN": true,
	"QUA_LUOT": true, "VK_GIAONOP": true, "HG_VU": true, "XA_TUQUAN": true,
	"XA_CAMERA": true, "CAMERA_SO": true,
}

// DefaultChart is the indicator charted when none is chosen.
const DefaultChart = "TT_BUOI"

// NewNarrativeData prepares a summary for the narrative template.
func NewNarrativeData(s *summary.Summary, d Document, chart string) *NarrativeData {
	nd := &NarrativeData{
		Summary:  s,
		Doc:      d,
		Period:   s.Period,
		Previous: s.Period.Previous(),
		Years:    max(s.Period.To-s.Period.From, 1),
		Units:    len(s.Units),
		Received: s.Completeness.Received,
		Expected: s.Completeness.Expected,
		Rate:     Percent(s.Completeness.Rate()*100, false),
		I:        map[string]*Figure{},
	}
	for _, ind := range s.Indicators {
		f := &Figure{
			Code: ind.Code, Name: oneLine(ind.Name), Unit: oneLine(ind.Unit),
			Money:          isMoney(ind),
			Stock:          ind.Agg == "last",
			PrevPeriod:     summary.Period{From: ind.Previous.From, To: ind.Previous.To},
			Prev:           ind.Previous.Total,
			UnitsReporting: ind.UnitsReporting,
		}
		if f.PrevPeriod.From == 0 && f.PrevPeriod.To == 0 {
			f.PrevPeriod = nd.Previous
		}
		if ind.Total != nil {
			f.Known, f.Total = true, *ind.Total
			nd.I[ind.Code] = f
			if !builtinCodes[ind.Code] {
				nd.Others = append(nd.Others, f)
			}
		}
		nd.Indicators = append(nd.Indicators, f)
	}
	nd.Chart = chartFigure(nd, chart)
	for _, u := range s.Units {
		if len(u.YearsMissing) == 0 {
			continue
		}
		m := MissingUnit{Code: u.Code, Name: oneLine(nameOr(u)), Years: append([]int(nil), u.YearsMissing...), All: len(u.YearsReported) == 0}
		sort.Ints(m.Years)
		nd.Missing = append(nd.Missing, m)
	}
	nd.Awards = AwardCounts{
		Total:         s.Awards.Total,
		Kinds:         sortedCounts(s.Awards.ByKind),
		Forms:         sortedCounts(s.Awards.ByForm),
		Organisations: sortedCounts(s.Awards.ByOrganisation),
	}
	return nd
}

func chartFigure(nd *NarrativeData, code string) *Figure {
	if code == "" {
		code = DefaultChart
	}
	for _, f := range nd.Indicators {
		if strings.EqualFold(f.Code, code) {
			return f
		}
	}
	return nil
}

// isMoney tells money indicators; Kind is not in the JSON, so a summary
// read back from JSON is recognised by its unit.
func isMoney(ind summary.Indicator) bool {
	return ind.Kind == "money" || ind.Kind == "" && strings.Contains(strings.ToLower(ind.Unit), "đồng")
}

// sortedCounts lists a map largest first, then by name.
func sortedCounts(m map[string]int) []Count {
	out := make([]Count, 0, len(m))
	for k, v := range m {
		out = append(out, Count{Name: oneLine(k), N: v})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].N != out[j].N {
			return out[i].N > out[j].N
		}
		return out[i].Name < out[j].Name
	})
	return out
}

// keepLines cleans each line of s and drops empty ones: a named part may
// break its lines where it wants.
func keepLines(s string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = oneLine(l); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// oneLine puts submitted text on one line with single spaces, so that it can
// never start a markup line or break one.
func oneLine(s string) string { return strings.Join(strings.Fields(vn.NFC(s)), " ") }

// periodDash is "2013–2023" (en dash), or "2023" for one year.
func periodDash(p summary.Period) string {
	if p.From == p.To {
		return strconv.Itoa(p.To)
	}
	return fmt.Sprintf("%d–%d", p.From, p.To)
}

func narrativeFuncs() template.FuncMap {
	return template.FuncMap{
		"num":    numText,
		"approx": func(v any) (string, error) { h, err := argHundredths(v); return vn.Approx(roundWhole(h)), err },
		"money":  func(v any) (string, error) { h, err := argHundredths(v); return vn.Money(h), err },
		"change": func(f *Figure) string {
			if f == nil || !f.Known || f.Prev == nil {
				return ""
			}
			return vn.Change(int64(f.Total), int64(*f.Prev))
		},
		"whole":   func(v any) (int64, error) { h, err := argHundredths(v); return roundWhole(h), err },
		"period":  periodDash,
		"years":   joinYears,
		"date":    vn.Date,
		"docdate": vn.DocDate,
		"lower":   strings.ToLower,
		"upper":   strings.ToUpper,
	}
}

// numText writes a figure exactly: Amounts as decimals (17.980;
// 114.106,85), integers grouped.
func numText(v any) (string, error) {
	switch x := v.(type) {
	case summary.Amount:
		return Amount(x), nil
	case *summary.Amount:
		if x == nil {
			return Blank, nil
		}
		return Amount(*x), nil
	case int:
		return vn.FormatInt(int64(x)), nil
	case int64:
		return vn.FormatInt(x), nil
	}
	return "", fmt.Errorf("num: %T is not a number", v)
}

// hundredths reads a template argument as hundredths: an Amount as is, an
// integer as a whole number.
func argHundredths(v any) (int64, error) {
	switch x := v.(type) {
	case summary.Amount:
		return int64(x), nil
	case *summary.Amount:
		if x == nil {
			return 0, fmt.Errorf("no figure")
		}
		return int64(*x), nil
	case int:
		return int64(x) * 100, nil
	case int64:
		return x * 100, nil
	}
	return 0, fmt.Errorf("%T is not a number", v)
}

// roundWhole rounds hundredths to a whole number, half away from zero.
func roundWhole(h int64) int64 {
	if h < 0 {
		return -((-h + 50) / 100)
	}
	return (h + 50) / 100
}

func joinYears(ys []int) string {
	s := make([]string, len(ys))
	for i, y := range ys {
		s[i] = strconv.Itoa(y)
	}
	return strings.Join(s, ", ")
}

// Block kinds of the narrative markup.
const (
	blockPara = iota
	blockBullet
	blockHeading    // "# ": numbered I., II., … in capitals
	blockSubheading // "## ": numbered 1., 2., … within the section
)

// mdBlock is one laid-out unit of the narrative.
type mdBlock struct {
	kind int
	text string
}

// parseMarkup reads the narrative markup (see the template's header) and
// numbers the headings.
func parseMarkup(src string) []mdBlock {
	var out []mdBlock
	var para []string
	flush := func() {
		if len(para) > 0 {
			out = append(out, mdBlock{kind: blockPara, text: strings.Join(para, " ")})
			para = nil
		}
	}
	sec, sub := 0, 0
	inBullet := false
	for _, line := range strings.Split(strings.ReplaceAll(src, "\r\n", "\n"), "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "":
			flush()
			inBullet = false
		case strings.HasPrefix(line, "## "):
			flush()
			inBullet = false
			sub++
			out = append(out, mdBlock{kind: blockSubheading, text: strconv.Itoa(sub) + ". " + oneLine(line[3:])})
		case strings.HasPrefix(line, "# "):
			flush()
			inBullet = false
			sec++
			sub = 0
			out = append(out, mdBlock{kind: blockHeading, text: roman(sec) + ". " + strings.ToUpper(oneLine(line[2:]))})
		case strings.HasPrefix(line, "- "):
			flush()
			inBullet = true
			out = append(out, mdBlock{kind: blockBullet, text: "- " + oneLine(line[2:])})
		case inBullet:
			out[len(out)-1].text += " " + oneLine(line)
		default:
			para = append(para, oneLine(line))
		}
	}
	flush()
	return out
}

// roman writes 1–3999 in Roman numerals.
func roman(n int) string {
	if n <= 0 || n >= 4000 {
		return strconv.Itoa(n)
	}
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}

// dateOr is the running-text or document date, or dotted blanks if unset.
func dateOr(t time.Time, doc bool) string {
	if t.IsZero() {
		return "ngày " + Blank + " tháng " + Blank + " năm " + Blank
	}
	if doc {
		return vn.DocDate(t)
	}
	return vn.Date(t)
}
