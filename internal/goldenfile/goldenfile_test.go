package goldenfile

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// recorder is a testing.TB that keeps what a check reported.
type recorder struct {
	testing.TB
	errors, fatals []string
}

func (r *recorder) Helper()      {}
func (r *recorder) Name() string { return "TestReport/case" }
func (r *recorder) Errorf(format string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}
func (r *recorder) Fatalf(format string, args ...any) {
	r.fatals = append(r.fatals, fmt.Sprintf(format, args...))
}

func TestCheck(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(path, []byte("một\nhai\nba\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	r := &recorder{TB: t}
	Check(r, path, []byte("một\nhai\nba\n"))
	if len(r.errors)+len(r.fatals) != 0 {
		t.Errorf("the same bytes: %v %v", r.errors, r.fatals)
	}

	r = &recorder{TB: t}
	Check(r, path, []byte("một\nHAI\nba\n"))
	if len(r.errors) != 1 || !strings.Contains(r.errors[0], "line 2:\n  want \"hai\"\n   got \"HAI\"\n") ||
		!strings.Contains(r.errors[0], "go test -run '^TestReport$' -update") || strings.Contains(r.errors[0], "line 1") {
		t.Errorf("a line differs: %q", r.errors)
	}

	r = &recorder{TB: t}
	Check(r, filepath.Join(dir, "khong-co.txt"), []byte("x"))
	if len(r.fatals) != 1 || !strings.Contains(r.fatals[0], "-update once") {
		t.Errorf("no golden file: %q", r.fatals)
	}
}

func TestLineDiff(t *testing.T) {
	if d := LineDiff("a\nb", "a\nb"); d != "" {
		t.Errorf("equal: %q", d)
	}
	if d := LineDiff("a", "a\nb"); d != "line 2:\n  want \"\"\n   got \"b\"\n" {
		t.Errorf("a line more: %q", d)
	}
	var want, got []string
	for i := range 30 {
		want, got = append(want, "x"), append(got, string(rune('a'+i%26)))
	}
	if n := strings.Count(LineDiff(strings.Join(want, "\n"), strings.Join(got, "\n")), "line "); n != 20 {
		t.Errorf("%d lines shown, want the first 20", n)
	}
}
