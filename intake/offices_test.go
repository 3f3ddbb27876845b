package intake

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tongket/tongket/finding"
	"github.com/tongket/tongket/lang"
	"github.com/tongket/tongket/store"
	"github.com/tongket/tongket/submission"
	"github.com/tongket/tongket/unitlist"
	"github.com/tongket/tongket/vn"
)

// The acceptance cases of "No cell left behind" (FORMATS.md §2, §2.1):
// workbooks made the way offices make them (testdata/offices/gen.py, with
// openpyxl, LibreOffice and tongket template) and, in expected.json, what a
// person reads on each.

// officeCase is one entry of testdata/offices/expected.json.
type officeCase struct {
	About  string `json:"about"`
	Writer string `json:"writer"`

	// Accepted: the unit it resolves to (and its name, where given), exactly
	// these figures (indicator → year → Vietnamese text), no error, at least
	// these warning codes.
	Unit     string                       `json:"unit"`
	UnitName string                       `json:"unit_name"`
	Figures  map[string]map[string]string `json:"figures"`
	Warnings []string                     `json:"warnings"`

	// Refused: an error of each of these; and none of Absent.
	Refused []expectedFinding `json:"refused"`
	Absent  []expectedFinding `json:"absent"`
}

// expectedFinding: Sheet and Cell are left out for a file-level finding;
// Says are words the Vietnamese message must contain, SaysNot words it must
// not.
type expectedFinding struct {
	Code    string   `json:"code"`
	Sheet   string   `json:"sheet"`
	Cell    string   `json:"cell"`
	Says    []string `json:"says"`
	SaysNot []string `json:"says_not"`
}

func (e expectedFinding) String() string {
	where := e.Sheet
	if e.Cell != "" {
		where += "!" + e.Cell
	}
	if where == "" {
		where = "(file)"
	}
	return e.Code + " at " + where
}

// officeUnits is the unit list the offices' database knows (imported, so a
// code outside it is unknown).
var officeUnits = []unitlist.Unit{
	{Code: "HP-HONGBANG", Name: "Quận Hồng Bàng", Parent: "HP", Level: "quận"},
	{Code: "HP-LECHAN", Name: "Quận Lê Chân", Parent: "HP", Level: "quận"},
	{Code: "HP-NGOQUYEN", Name: "Quận Ngô Quyền", Parent: "HP", Level: "quận"},
	{Code: "HP-ANDUONG", Name: "Huyện An Dương", Parent: "HP", Level: "huyện"},
	{Code: "HP-Q1", Name: "Quận 1", Parent: "HP", Level: "quận"},
	{Code: "00005", Name: "Xã Năm", Parent: "HP-ANDUONG", Level: "xã"},
}

// officesNow is the clock of the run: result years after 2026 are out of
// range; a 2024 column is a plan only by its label.
var officesNow = time.Date(2026, 6, 15, 9, 0, 0, 0, time.UTC)

func TestOffices(t *testing.T) {
	dir := filepath.Join("..", "testdata", "offices")
	raw, err := os.ReadFile(filepath.Join(dir, "expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	var cases map[string]officeCase
	if err := json.Unmarshal(raw, &cases); err != nil {
		t.Fatalf("expected.json: %v", err)
	}
	ctx := context.Background()
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "t.db"), store.Options{Now: func() time.Time { return officesNow }})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, _, err := db.ImportUnits(ctx, officeUnits); err != nil {
		t.Fatal(err)
	}
	names := make([]string, 0, len(cases))
	for name := range cases {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		c := cases[name]
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, name+".xlsx")
			if _, err := os.Stat(path); err != nil {
				t.Fatalf("fixture missing (run testdata/offices/gen.py): %v", err)
			}
			sub, fr := validateOne(t, ctx, db, path)
			var problems []string
			if c.Refused == nil {
				problems = checkAccepted(c, sub, fr)
			} else {
				problems = checkRefused(c, fr)
			}
			if len(problems) > 0 {
				t.Errorf("%s\n  case: %s\n  %s\n%s", name+".xlsx", c.About,
					strings.Join(problems, "\n  "), describeRead(sub, fr))
			}
		})
	}
}

// validateOne takes one file along the path `tongket validate` takes it
// (Validate → run → readOne → settle), keeping the read submission so its
// figures can be compared. Each file gets a fresh directory of known units,
// so no case depends on another.
func validateOne(t *testing.T, ctx context.Context, db *store.DB, path string) (*submission.Submission, FileResult) {
	t.Helper()
	inputs, _, err := Collect([]string{path})
	if err != nil || len(inputs) != 1 {
		t.Fatalf("collect %s: %v (%d inputs)", path, err, len(inputs))
	}
	cat, err := db.Catalog(ctx)
	if err != nil {
		t.Fatal(err)
	}
	dir, err := db.Directory(ctx)
	if err != nil {
		t.Fatal(err)
	}
	sub := readOne(inputs[0], submission.Options{Catalog: cat, Now: func() time.Time { return officesNow }})
	fr, _, err := settle(ctx, db, false, sub, cat, dir, history{ctx: ctx, db: db})
	if err != nil {
		t.Fatalf("settle %s: %v", path, err)
	}
	return sub, fr
}

func checkAccepted(c officeCase, sub *submission.Submission, fr FileResult) []string {
	var problems []string
	for _, f := range fr.Findings {
		if f.Severity == finding.Error {
			problems = append(problems, fmt.Sprintf("an accepted file got an error: %s %s", f.Code, where(f)))
		}
	}
	for _, w := range c.Warnings {
		if !hasFinding(fr.Findings, finding.Warning, w) {
			problems = append(problems, "no warning "+w)
		}
	}
	// Nor a warning the case does not expect: a warning is words an
	// officer reads, and one that should not be there misleads.
	for _, f := range fr.Findings {
		if f.Severity == finding.Warning && !slices.Contains(c.Warnings, f.Code) {
			problems = append(problems, fmt.Sprintf("an unexpected warning: %s %s", f.Code, where(f)))
		}
	}
	switch {
	case fr.Unit == nil:
		problems = append(problems, fmt.Sprintf("unit: want %s, got %d units %v", c.Unit, len(fr.Units), fr.Units))
	case fr.Unit.Code != c.Unit:
		problems = append(problems, fmt.Sprintf("unit: want %s, got %s (%s)", c.Unit, fr.Unit.Code, fr.Unit.Name))
	case c.UnitName != "" && vn.NFC(fr.Unit.Name) != vn.NFC(c.UnitName):
		problems = append(problems, fmt.Sprintf("unit name: want %q, got %q", c.UnitName, fr.Unit.Name))
	}

	// Every figure read is an expected one with the expected value; every
	// expected one is read. The same figure read twice (two sheets that
	// agree) is one figure.
	type key struct {
		ind  string
		year int
	}
	want := map[key]int64{}
	for ind, years := range c.Figures {
		for ys, text := range years {
			y, err := strconv.Atoi(ys)
			if err != nil {
				problems = append(problems, fmt.Sprintf("expected.json: year %q", ys))
				continue
			}
			n, err := vn.ParseText(text)
			if err != nil {
				problems = append(problems, fmt.Sprintf("expected.json: value %q: %v", text, err))
				continue
			}
			want[key{ind, y}] = n.Hundredths
		}
	}
	got := map[key]int64{}
	for _, fg := range sub.Figures {
		k := key{fg.Indicator, int(fg.Year)}
		code := ""
		if int(fg.Unit) < len(sub.Units) {
			code = sub.UnitCode(fg)
		}
		if code != c.Unit {
			problems = append(problems, fmt.Sprintf("figure %s %d at %s is for unit %q, not %s", fg.Indicator, fg.Year, fg.Cell(), code, c.Unit))
		}
		if prev, seen := got[k]; seen && prev != fg.Value {
			problems = append(problems, fmt.Sprintf("%s %d read twice with different values: %s and %s (at %s)",
				fg.Indicator, fg.Year, vn.FormatDecimal(prev), vn.FormatDecimal(fg.Value), fg.Cell()))
		}
		got[k] = fg.Value
		w, ok := want[k]
		switch {
		case !ok:
			problems = append(problems, fmt.Sprintf("extra figure %s %d = %s at %s", fg.Indicator, fg.Year, vn.FormatDecimal(fg.Value), fg.Cell()))
		case w != fg.Value:
			problems = append(problems, fmt.Sprintf("%s %d: read %s at %s, a person reads %s", fg.Indicator, fg.Year,
				vn.FormatDecimal(fg.Value), fg.Cell(), vn.FormatDecimal(w)))
		}
	}
	if len(got) == 0 && len(want) > 0 {
		return append(problems, fmt.Sprintf("no figure read; a person reads %d", len(want)))
	}
	var missing []string
	for k, w := range want {
		if _, ok := got[k]; !ok {
			missing = append(missing, fmt.Sprintf("missing figure %s %d = %s", k.ind, k.year, vn.FormatDecimal(w)))
		}
	}
	sort.Strings(missing)
	return append(problems, missing...)
}

func checkRefused(c officeCase, fr FileResult) []string {
	var problems []string
	if fr.Valid {
		problems = append(problems, "the file was accepted; it must be refused")
	}
	for _, e := range c.Refused {
		if p := matchFinding(fr.Findings, e); p != "" {
			problems = append(problems, p)
		}
	}
	for _, e := range c.Absent {
		for _, f := range fr.Findings {
			if f.Code == e.Code && at(f, e) {
				problems = append(problems, fmt.Sprintf("must not be there: %s (%s)", e, message(f)))
			}
		}
	}
	return problems
}

// matchFinding returns "" when an error of e's code at e's place says what
// e says, else what is wrong.
func matchFinding(fs []finding.Finding, e expectedFinding) string {
	var near []string
	for _, f := range fs {
		if f.Severity != finding.Error || f.Code != e.Code || !at(f, e) {
			continue
		}
		msg := fold(message(f))
		var lacks []string
		for _, w := range e.Says {
			if !strings.Contains(msg, fold(w)) {
				lacks = append(lacks, strconv.Quote(w))
			}
		}
		for _, w := range e.SaysNot {
			if strings.Contains(msg, fold(w)) {
				lacks = append(lacks, "not "+strconv.Quote(w))
			}
		}
		if len(lacks) == 0 {
			return ""
		}
		near = append(near, fmt.Sprintf("its message lacks %s", strings.Join(lacks, ", ")))
	}
	if len(near) > 0 {
		return fmt.Sprintf("want error %s: found, but %s", e, strings.Join(near, "; "))
	}
	return fmt.Sprintf("want error %s saying %q: none", e, e.Says)
}

func at(f finding.Finding, e expectedFinding) bool {
	return (e.Sheet == "" || vn.NFC(f.Sheet) == vn.NFC(e.Sheet)) && (e.Cell == "" || f.Cell == e.Cell)
}

func hasFinding(fs []finding.Finding, sev finding.Severity, code string) bool {
	for _, f := range fs {
		if f.Severity == sev && f.Code == code {
			return true
		}
	}
	return false
}

func message(f finding.Finding) string {
	if m := f.Text.In(lang.VI); m != "" {
		return m
	}
	return f.Message
}

// fold is how words are looked for in a message: Unicode form and case do
// not matter.
func fold(s string) string { return strings.ToLower(vn.NFC(s)) }

func where(f finding.Finding) string {
	if w := f.Where(); w != "" {
		return w
	}
	return "(file)"
}

// describeRead is what the reader produced, for a failure message: the unit,
// the figures by indicator and year, every finding with its cell and message.
func describeRead(sub *submission.Submission, fr FileResult) string {
	var b strings.Builder
	b.WriteString("  read:\n")
	switch {
	case fr.Unit != nil:
		fmt.Fprintf(&b, "    unit %s (%s)\n", fr.Unit.Code, fr.Unit.Name)
	default:
		fmt.Fprintf(&b, "    units %v\n", fr.Units)
	}
	figs := append([]submission.Figure(nil), sub.Figures...)
	sort.SliceStable(figs, func(i, j int) bool {
		if figs[i].Indicator != figs[j].Indicator {
			return figs[i].Indicator < figs[j].Indicator
		}
		return figs[i].Year < figs[j].Year
	})
	for i := 0; i < len(figs); {
		j := i
		var parts []string
		for ; j < len(figs) && figs[j].Indicator == figs[i].Indicator; j++ {
			parts = append(parts, fmt.Sprintf("%d=%s@%s", figs[j].Year, vn.FormatDecimal(figs[j].Value), figs[j].Cell()))
		}
		fmt.Fprintf(&b, "    %-10s %s\n", figs[i].Indicator, strings.Join(parts, " "))
		i = j
	}
	if len(figs) == 0 {
		b.WriteString("    no figures\n")
	}
	for _, f := range fr.Findings {
		fmt.Fprintf(&b, "    %-7s %-18s %-22s %s\n", f.Severity, f.Code, where(f), message(f))
	}
	if len(fr.Findings) == 0 {
		b.WriteString("    no findings\n")
	}
	return b.String()
}
