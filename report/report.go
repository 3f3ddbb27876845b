// Package report renders a summary.Summary for people and programs: the JSON
// of FORMATS.md §5, the summary workbook, and the report, built once as an
// outline of sections, paragraphs and tables (FORMATS.md §8, BuildOutline)
// that the PDF, the Word document and the terminal text draw; also the
// completeness table, the award roster (a document value too, RosterDoc)
// and the submission history. The rooms are files: the document values
// (outline.go, build.go, roster_doc.go), the layout the PDF and Word
// drawers share (layout.go), the PDF drawer (pdf*.go, roster_pdf.go), the
// Word drawer (word*.go), the officer's sections file and placeholders
// (sections*.go, placeholders.go, template.go), the workbooks (workbook.go,
// roster_xlsx.go). Every renderer states a comparison only where the
// summary allows one (§5.1) and marks the years lacking a unit's report.
// Renderers take plain values and an io.Writer; they never query the
// database.
package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"text/template"
	"unicode/utf8"

	"github.com/tongket/tongket/lang"
	"github.com/tongket/tongket/summary"
	"github.com/tongket/tongket/templates"
	"github.com/tongket/tongket/vn"
)

// WriteJSON writes the summary as indented JSON (FORMATS.md §5).
func WriteJSON(w io.Writer, s *summary.Summary) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		return fmt.Errorf("write summary json: %w", err)
	}
	return nil
}

// Amount formats a figure the way officers write it: 17.980, 3,5.
func Amount(a summary.Amount) string { return vn.FormatDecimal(int64(a)) }

// Percent formats a percentage with a decimal comma: "+12,5%".
func Percent(p float64, sign bool) string {
	s := strconv.FormatFloat(p, 'f', 1, 64)
	s = strings.Replace(s, ".", ",", 1)
	if sign && p > 0 {
		s = "+" + s
	}
	return s + "%"
}

// WriteText writes the terminal summary: the period's totals with their
// coverage, the previous period and the change only where the two compare
// (FORMATS.md §5.1), the years lacking a unit's report and who has not
// reported, then the report's outline as text (FORMATS.md §8), the
// officer's sections as marked blanks. o may be nil for the table alone.
// The table and its notes are in l; the report is the Vietnamese document,
// introduced in English when l is.
func WriteText(w io.Writer, s *summary.Summary, o *Outline, l lang.Lang) error {
	t, err := templates.Load("summary.txt.tmpl", textFuncs(l))
	if err != nil {
		return err
	}
	data := struct {
		Summary    *summary.Summary
		Previous   summary.Period
		Title      string
		Comparison string
		Incomplete string
	}{s, s.Period.Previous(), textTitle(s.Period, l), comparisonNote(s, l), incompleteNote(s, l)}
	var b bytes.Buffer
	if err := t.Execute(&b, data); err != nil {
		return fmt.Errorf("write summary text: %w", err)
	}
	if o != nil {
		if l == lang.EN {
			b.WriteString("\nThe report, in Vietnamese as it is sent:\n")
		}
		writeOutlineText(&b, o)
	}
	// Padded columns leave trailing spaces where a cell is empty.
	lines := strings.Split(b.String(), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	_, err = io.WriteString(w, strings.Join(lines, "\n"))
	return err
}

// textTitle is "TỔNG KẾT 10 NĂM, GIAI ĐOẠN 2013–2023", or "TỔNG KẾT NĂM
// 2023"; in English "SUMMARY OF 10 YEARS, 2013–2023", "SUMMARY OF 2023".
func textTitle(p summary.Period, l lang.Lang) string {
	if l == lang.EN {
		if p.From == p.To {
			return "SUMMARY OF " + strconv.Itoa(p.To)
		}
		return "SUMMARY OF " + strconv.Itoa(p.Span()) + " YEARS, " + periodDash(p)
	}
	if p.From == p.To {
		return "TỔNG KẾT NĂM " + strconv.Itoa(p.To)
	}
	return "TỔNG KẾT " + strconv.Itoa(p.Span()) + " NĂM, " + strings.ToUpper(periodText(p))
}

// textWidth is the width the outline's text is wrapped to.
const textWidth = 96

// writeOutlineText writes the outline's title and body as plain text:
// headings on their own lines, paragraphs wrapped with the first line
// indented, list lines hanging, blanks as "[Đơn vị bổ sung: …]".
func writeOutlineText(b *bytes.Buffer, o *Outline) {
	b.WriteString("\n" + strings.Repeat("=", textWidth) + "\n")
	b.WriteString(centerText("BÁO CÁO", textWidth) + "\n")
	for _, l := range strings.Split(o.Title, "\n") {
		b.WriteString(centerText(oneLine(l), textWidth) + "\n")
	}
	b.WriteString(strings.Repeat("=", textWidth) + "\n")
	para := func(p Para) {
		text, first, rest := p.Text(), "    ", ""
		if p.Bullet {
			text, first, rest = "- "+text, "    ", "      "
		}
		for i, l := range wrapText(text, textWidth-len(first)) {
			if i == 0 {
				b.WriteString(first + l + "\n")
			} else {
				b.WriteString(rest + l + "\n")
			}
		}
	}
	for _, blk := range o.Body {
		switch blk.Kind {
		case BlockHeading, BlockSubheading:
			b.WriteString("\n" + blk.Number + " " + blk.Para.Text() + "\n")
		case BlockSection:
			s := blk.Section
			if s.Empty() {
				if !s.Optional {
					para(plain(s.Blank(), false))
				}
				continue
			}
			for _, p := range s.Paras {
				para(p)
			}
		default:
			para(blk.Para)
		}
	}
	for _, a := range o.Appendices {
		b.WriteString("\n")
		for _, l := range wrapText(a.Label+": "+strings.ReplaceAll(a.Title, "\n", " ")+" (trong tệp PDF)", textWidth) {
			b.WriteString(l + "\n")
		}
	}
}

// wrapText breaks s into lines of at most n runes, at spaces.
func wrapText(s string, n int) []string {
	var lines []string
	var cur strings.Builder
	for _, w := range strings.Fields(s) {
		if cur.Len() > 0 && utf8.RuneCountInString(cur.String())+1+utf8.RuneCountInString(w) > n {
			lines = append(lines, cur.String())
			cur.Reset()
		}
		if cur.Len() > 0 {
			cur.WriteByte(' ')
		}
		cur.WriteString(w)
	}
	if cur.Len() > 0 {
		lines = append(lines, cur.String())
	}
	return lines
}

// centerText centres s in n columns.
func centerText(s string, n int) string {
	return spaces((n-utf8.RuneCountInString(s))/2) + s
}

func textFuncs(l lang.Lang) template.FuncMap {
	return template.FuncMap{
		// tr picks the wording of the language asked for.
		"tr":     func(vi, en string) string { return lang.Text{VI: vi, EN: en}.In(l) },
		"num":    func(n int) string { return vn.FormatInt(int64(n)) },
		"pct":    func(r float64) string { return Percent(r*100, false) },
		"inc":    func(i int) string { return strconv.Itoa(i + 1) },
		"pad":    func(s string, n int) string { return s + spaces(n-utf8.RuneCountInString(s)) },
		"padl":   func(s string, n int) string { return spaces(n-utf8.RuneCountInString(s)) + s },
		"clip":   clip,
		"wrap":   func(s string) []string { return wrapText(s, textWidth) },
		"period": periodDash,
		"total": func(i summary.Indicator) string {
			if i.Total == nil {
				return "—"
			}
			return Amount(*i.Total)
		},
		// The previous period's total and the change, only where the two
		// periods compare (FORMATS.md §5.1).
		"prevTotal": func(i summary.Indicator) string {
			if i.Change == nil || i.Previous.Total == nil {
				return ""
			}
			return Amount(*i.Previous.Total)
		},
		"change": func(i summary.Indicator) string {
			if c, ok := changePercent(i); ok {
				return Percent(c, true)
			}
			return ""
		},
		"missingByUnit": func(s *summary.Summary) []string { return missingByUnit(s, l) },
	}
}

func spaces(n int) string {
	if n <= 0 {
		return ""
	}
	return strings.Repeat(" ", n)
}

// clip shortens a long label to n runes with an ellipsis.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// missingByUnit phrases completeness gaps per unit: "Quận Ngô Quyền (HP-NGOQUYEN): 2015, 2016".
func missingByUnit(s *summary.Summary, l lang.Lang) []string {
	var out []string
	for _, u := range s.Units {
		if len(u.YearsMissing) == 0 {
			continue
		}
		years := make([]string, len(u.YearsMissing))
		for i, y := range u.YearsMissing {
			years[i] = strconv.Itoa(y)
		}
		if len(u.YearsReported) == 0 {
			years = []string{lang.Text{VI: "chưa gửi năm nào", EN: "no year sent"}.In(l)}
		}
		out = append(out, fmt.Sprintf("%s (%s): %s", nameOr(u), u.Code, strings.Join(years, ", ")))
	}
	sort.Strings(out)
	return out
}

func nameOr(u summary.Unit) string {
	if u.Name != "" {
		return u.Name
	}
	return u.Code
}

// changePercent is an indicator's change against the previous period in
// percent, where the summary allows a comparison (summary.Indicator.Change).
func changePercent(i summary.Indicator) (float64, bool) {
	if i.Change == nil {
		return 0, false
	}
	return *i.Change * 100, true
}
