// Package report renders a summary.Summary for people and programs: the JSON
// of FORMATS.md §5, the terminal summary, the completeness table, and the
// submission history. Renderers take plain values and an io.Writer; they
// never query the database.
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

// WriteText writes the terminal summary from the embedded template.
func WriteText(w io.Writer, s *summary.Summary) error {
	t, err := templates.Load("summary.txt.tmpl", textFuncs())
	if err != nil {
		return err
	}
	data := struct {
		Summary  *summary.Summary
		Previous summary.Period
	}{s, s.Period.Previous()}
	var b bytes.Buffer
	if err := t.Execute(&b, data); err != nil {
		return fmt.Errorf("write summary text: %w", err)
	}
	// Padded columns leave trailing spaces where a cell is empty.
	lines := strings.Split(b.String(), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	_, err = io.WriteString(w, strings.Join(lines, "\n"))
	return err
}

func textFuncs() template.FuncMap {
	return template.FuncMap{
		"num":  func(n int) string { return vn.FormatInt(int64(n)) },
		"pct":  func(r float64) string { return Percent(r*100, false) },
		"inc":  func(i int) string { return strconv.Itoa(i + 1) },
		"pad":  func(s string, n int) string { return s + spaces(n-utf8.RuneCountInString(s)) },
		"padl": func(s string, n int) string { return spaces(n-utf8.RuneCountInString(s)) + s },
		"clip": clip,
		"total": func(i summary.Indicator) string {
			if i.Total == nil {
				return "—"
			}
			return Amount(*i.Total)
		},
		"prevTotal": func(i summary.Indicator) string {
			if i.Previous.Total == nil {
				return "—"
			}
			return Amount(*i.Previous.Total)
		},
		"change": func(i summary.Indicator) string {
			if c, ok := i.Change(); ok {
				return Percent(c, true)
			}
			return ""
		},
		"missingByUnit": missingByUnit,
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
func missingByUnit(s *summary.Summary) []string {
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
			years = []string{"chưa gửi năm nào"}
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
