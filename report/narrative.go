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

	"github.com/tongket/tongket/lang"
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

// NarrativeText is the prose of one report as the template wrote it.
type NarrativeText struct {
	Title    string // the summary line under "BÁO CÁO" (trích yếu); "\n" breaks it
	Body     string // the body in the line markup
	Appendix string // the name of Phụ lục I (figures by year); "\n" breaks it
	ByUnit   string // the name of Phụ lục II (figures by unit); "\n" breaks it
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
		{"phu-luc", &out.Appendix, "Số liệu kết quả thực hiện phong trào " + data.PeriodText},
		{"phu-luc-don-vi", &out.ByUnit, "Số liệu kết quả thực hiện phong trào theo đơn vị " + data.PeriodText},
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
	return `Tổng kết thực hiện phong trào "Toàn dân bảo vệ an ninh Tổ quốc" ` + d.PeriodText
}

// NarrativeData is what the narrative template sees. Names are cleaned
// (one line, single spaces, NFC); .Summary is the raw value.
type NarrativeData struct {
	Summary  *summary.Summary
	Doc      Document
	Period   summary.Period
	Previous summary.Period
	// Years is the span named in the title (FORMATS.md §5.2): To−From, so
	// 2013–2023 is "10 năm" and 2019–2024 "5 năm".
	Years      int
	PeriodText string // "giai đoạn 2013–2023", or "năm 2023" for one year
	Units      int    // units expected to report (in some year of the period)
	InForce    int    // of them, the units in force at the period's end (FORMATS.md §10)
	Received   int    // yearly reports received
	Expected   int    // yearly reports expected
	Rate       string // received/expected: "96,2%"
	// Comparison says, once, which period is too incomplete to compare
	// and how far (FORMATS.md §5.1); "" when every figure compares.
	Comparison string
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
	Mixed            bool // Unit names several kinds ("khẩu, quả, chiếc")
	Total            summary.Amount
	// Prev is the previous period's total, nil when unknown or when the
	// periods may not be compared; Change is set only where they may.
	Prev           *summary.Amount
	Change         *float64
	PrevPeriod     summary.Period
	Coverage       float64 // of this period, 0–1
	PrevCoverage   float64 // of the previous period, 0–1
	UnitsReporting int
	Leading        []Lead // the units with the highest figures, highest first
}

// Lead is a leading unit and its figure.
type Lead struct {
	Code, Name string
	Value      summary.Amount
}

// MissingUnit is a unit that did not report some years.
type MissingUnit struct {
	Code, Name string
	Years      []int
	All        bool // it reported no year at all
}

// AwardCounts are the award counts: kinds, forms and organisations in the
// catalog's order (forms by rank), and how far the rosters cover the period.
type AwardCounts struct {
	Total                       int
	Kinds, Forms, Organisations []Count
	// Covered is true when the rosters' decisions span the whole period;
	// otherwise Rosters says which years they span ("2019–2024") and
	// Counted the years of the period counted ("từ năm 2019 đến năm 2023").
	Covered   bool
	Rosters   string
	Counted   string
	Undecided int // entries without a decision: proposals, not counted
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
		Summary:    s,
		Doc:        d,
		Period:     s.Period,
		Previous:   s.Period.Previous(),
		Years:      s.Period.Span(),
		PeriodText: periodText(s.Period),
		Units:      len(s.Units),
		InForce:    s.InForce(),
		Received:   s.Completeness.Received,
		Expected:   s.Completeness.Expected,
		Rate:       Percent(s.Completeness.Rate()*100, false),
		Comparison: comparisonNote(s, lang.VI),
		I:          map[string]*Figure{},
	}
	names := unitNames(s)
	for _, ind := range s.Indicators {
		f := newFigure(ind, names)
		if f.PrevPeriod.From == 0 && f.PrevPeriod.To == 0 {
			f.PrevPeriod = nd.Previous
		}
		if f.Known {
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
	nd.Awards = awardCounts(s)
	return nd
}

// newFigure is an indicator as the narrative tells it.
func newFigure(ind summary.Indicator, names map[string]string) *Figure {
	f := &Figure{
		Code: ind.Code, Name: oneLine(ind.Name), Unit: oneLine(ind.Unit),
		Money:          isMoney(ind),
		Stock:          ind.Agg == "last",
		Mixed:          strings.Contains(ind.Unit, ","),
		PrevPeriod:     summary.Period{From: ind.Previous.From, To: ind.Previous.To},
		Coverage:       ind.Coverage,
		PrevCoverage:   ind.Previous.Coverage,
		UnitsReporting: ind.UnitsReporting,
	}
	if ind.Total != nil {
		f.Known, f.Total = true, *ind.Total
	}
	if ind.Previous.Comparable {
		f.Prev = ind.Previous.Total
	}
	if ind.Change != nil && f.Prev != nil {
		c := *ind.Change
		f.Change = &c
	}
	for _, l := range ind.Leading {
		name := names[l.Unit]
		if name == "" {
			name = l.Unit
		}
		f.Leading = append(f.Leading, Lead{Code: l.Unit, Name: name, Value: l.Value})
	}
	return f
}

// unitNames maps unit codes to their names, on one line.
func unitNames(s *summary.Summary) map[string]string {
	m := make(map[string]string, len(s.Units))
	for _, u := range s.Units {
		m[u.Code] = oneLine(nameOr(u))
	}
	return m
}

// periodText names a period in a sentence: "giai đoạn 2013–2023", or
// "năm 2023" for a single year.
func periodText(p summary.Period) string {
	if p.From == p.To {
		return "năm " + strconv.Itoa(p.To)
	}
	return "giai đoạn " + periodDash(p)
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
		"approx": func(v any) (string, error) { h, err := argHundredths(v); return approxCount(h), err },
		"money":  func(v any) (string, error) { h, err := argHundredths(v); return approxMoney(h), err },
		"change": changeWords,
		"uoc":    roundedPhrase,
		"sosanh": comparePhrase,
		"dandau": leadingPhrase,
		"counts": countsText,
		"whole":  func(v any) (int64, error) { h, err := argHundredths(v); return roundWhole(h), err },
		"period": periodDash,
		"years":  joinYears,
		"date":   vn.Date,
		"docdate": func(t time.Time) string {
			return dateOr(t, true)
		},
		"lower": strings.ToLower,
		"upper": strings.ToUpper,
		"dict":  dict,
	}
}

// dict makes a map of key, value pairs, to hand a named template several
// arguments.
func dict(kv ...any) (map[string]any, error) {
	if len(kv)%2 != 0 {
		return nil, fmt.Errorf("dict: %d arguments, want key and value pairs", len(kv))
	}
	m := make(map[string]any, len(kv)/2)
	for i := 0; i < len(kv); i += 2 {
		k, ok := kv[i].(string)
		if !ok {
			return nil, fmt.Errorf("dict: key %v is not a string", kv[i])
		}
		m[k] = kv[i+1]
	}
	return m, nil
}

// changeWords is "tăng 12,5%", "giảm 3,1%", "tương đương" or "gấp 3,9
// lần" against the previous period, and "" where the periods may not be
// compared (FORMATS.md §5.1) or there is nothing to compare with.
func changeWords(f *Figure) string {
	if f == nil || !f.Known || f.Prev == nil || f.Change == nil {
		return ""
	}
	return vn.Change(int64(f.Total), int64(*f.Prev))
}

// comparePhrase is ", tăng 12,5% so với giai đoạn 2008–2012" (a stock: "so
// với năm 2012"), or "" where changeWords says nothing.
func comparePhrase(f *Figure) string {
	w := changeWords(f)
	if w == "" {
		return ""
	}
	if f.Stock {
		return ", " + w + " so với năm " + strconv.Itoa(f.PrevPeriod.To)
	}
	return ", " + w + " so với " + periodText(f.PrevPeriod)
}

// leadingPhrase names the leading units, the unit of measure once:
// "dẫn đầu là Huyện Thủy Nguyên với 2.803 buổi, tiếp đến là Quận Lê Chân
// (2.409) và Quận Hồng Bàng (2.275)". It is "" with fewer than two units
// reporting, or when the leader's figure is not above zero.
func leadingPhrase(f *Figure, noun string) string {
	if f == nil || f.UnitsReporting < 2 || len(f.Leading) == 0 || f.Leading[0].Value <= 0 {
		return ""
	}
	value := func(a summary.Amount) string { return Amount(a) }
	first := f.Leading[0]
	s := "dẫn đầu là " + first.Name + " với " + value(first.Value)
	if noun = oneLine(noun); noun != "" {
		s += " " + noun
	}
	var rest []string
	for _, l := range f.Leading[1:] {
		if l.Value > 0 {
			rest = append(rest, l.Name+" ("+value(l.Value)+")")
		}
	}
	switch len(rest) {
	case 0:
	case 1:
		s += ", tiếp đến là " + rest[0]
	default:
		s += ", tiếp đến là " + strings.Join(rest[:len(rest)-1], ", ") + " và " + rest[len(rest)-1]
	}
	return s
}

// countsText lists counts as "19 tập thể, 53 cá nhân" (kinds in lower
// case) or "7 Bằng khen, 38 Giấy khen".
func countsText(cs []Count) string {
	parts := make([]string, 0, len(cs))
	for _, c := range cs {
		name := c.Name
		if name == "Tập thể" || name == "Cá nhân" {
			name = strings.ToLower(name)
		}
		parts = append(parts, vn.FormatInt(int64(c.N))+" "+name)
	}
	return strings.Join(parts, ", ")
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
