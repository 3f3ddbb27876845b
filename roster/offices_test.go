package roster

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/tongket/tongket/finding"
)

// The acceptance cases of "No entry left behind" (FORMATS.md §4, §4.1):
// rosters made the way offices make them (testdata/offices/gen.py, with
// openpyxl and LibreOffice) and, in expected.json, what a person reads on
// each.

// officeCase is one entry of testdata/offices/expected.json.
type officeCase struct {
	About  string `json:"about"`
	Writer string `json:"writer"`

	// Accepted: exactly these entries, in sheet order, as
	// "kind|organisation|name|position|unit|form|authority|number|date|achievement@sheet!row";
	// no error; at least these warning codes.
	Entries  []string `json:"entries"`
	Years    [2]int   `json:"years"`
	Unit     string   `json:"unit"`
	Sheet    string   `json:"sheet"`
	Warnings []string `json:"warnings"`

	// Refused: an error of each of these; and none of Absent.
	Refused []expectedFinding `json:"refused"`
	Absent  []expectedFinding `json:"absent"`
}

type expectedFinding struct {
	Code  string   `json:"code"`
	Sheet string   `json:"sheet"`
	Cell  string   `json:"cell"`
	Says  []string `json:"says"`
}

func (e expectedFinding) matches(f finding.Finding) bool {
	return f.Code == e.Code && f.Sheet == e.Sheet && (e.Cell == "" || f.Cell == e.Cell)
}

// entryLine is an entry as expected.json writes it.
func entryLine(e Entry) string {
	return strings.Join([]string{e.Kind, e.Organisation, e.Name, e.Position, e.Unit, e.Form, e.Authority,
		e.DecisionNumber, e.DecisionDate.Format("2006-01-02"), e.Achievement}, "|") + fmt.Sprintf("@%s!%d", e.Sheet, e.Row)
}

func TestOffices(t *testing.T) {
	dir := filepath.Join("testdata", "offices")
	raw, err := os.ReadFile(filepath.Join(dir, "expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	var cases map[string]officeCase
	if err := json.Unmarshal(raw, &cases); err != nil {
		t.Fatalf("expected.json: %v", err)
	}
	if len(cases) < 15 {
		t.Fatalf("%d cases in expected.json", len(cases))
	}
	names := make([]string, 0, len(cases))
	for name := range cases {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		c := cases[name]
		t.Run(name, func(t *testing.T) {
			ro := Read(filepath.Join(dir, name+".xlsx"), lists, now)
			var problems []string
			if c.Refused == nil {
				problems = checkAccepted(c, ro)
			} else {
				problems = checkRefused(c, ro)
			}
			if len(problems) > 0 {
				var got []string
				for _, e := range ro.Entries {
					got = append(got, entryLine(e))
				}
				t.Errorf("%s.xlsx (%s): %s\n  %s\nentries:\n  %s\nfindings:\n  %s", name, c.Writer, c.About,
					strings.Join(problems, "\n  "), strings.Join(got, "\n  "), strings.Join(messages(ro.Findings), "\n  "))
			}
		})
	}
}

func checkAccepted(c officeCase, ro *Roster) []string {
	var problems []string
	for _, f := range ro.Findings {
		if f.Severity == finding.Error {
			problems = append(problems, fmt.Sprintf("an accepted roster got an error: %s at %s", f.Code, f.Cell))
		}
	}
	for _, w := range c.Warnings {
		if !slices.ContainsFunc(ro.Findings, func(f finding.Finding) bool { return f.Severity == finding.Warning && f.Code == w }) {
			problems = append(problems, "no warning "+w)
		}
	}
	var got []string
	for _, e := range ro.Entries {
		got = append(got, entryLine(e))
	}
	if !slices.Equal(got, c.Entries) {
		problems = append(problems, "entries differ from what a person reads:\n    want "+strings.Join(c.Entries, "\n         "))
	}
	if ro.Years != c.Years {
		problems = append(problems, fmt.Sprintf("years %v, want %v", ro.Years, c.Years))
	}
	if c.Unit != "" && ro.Unit != c.Unit {
		problems = append(problems, fmt.Sprintf("unit %q, want %q", ro.Unit, c.Unit))
	}
	if c.Sheet != "" && ro.Sheet != c.Sheet {
		problems = append(problems, fmt.Sprintf("sheet %q, want %q", ro.Sheet, c.Sheet))
	}
	return problems
}

func checkRefused(c officeCase, ro *Roster) []string {
	var problems []string
	if ro.Valid() {
		problems = append(problems, "accepted, want refused")
	}
	for _, w := range c.Refused {
		i := slices.IndexFunc(ro.Findings, func(f finding.Finding) bool { return f.Severity == finding.Error && w.matches(f) })
		if i < 0 {
			problems = append(problems, fmt.Sprintf("no %s at %s!%s", w.Code, w.Sheet, w.Cell))
			continue
		}
		f := ro.Findings[i]
		for _, s := range w.Says {
			if !strings.Contains(f.Text.VI, s) {
				problems = append(problems, fmt.Sprintf("%s at %s does not say %q", w.Code, f.Cell, s))
			}
		}
		if f.Text.EN == "" || f.Text.EN == f.Text.VI {
			problems = append(problems, fmt.Sprintf("%s at %s has no English message", w.Code, f.Cell))
		}
	}
	for _, a := range c.Absent {
		if slices.ContainsFunc(ro.Findings, a.matches) {
			problems = append(problems, fmt.Sprintf("a %s at %s!%s that should not be", a.Code, a.Sheet, a.Cell))
		}
	}
	return problems
}
