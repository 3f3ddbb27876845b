package finding

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/tongket/tongket/lang"
)

func TestWhere(t *testing.T) {
	for _, tt := range []struct {
		f    Finding
		want string
	}{
		{Finding{Sheet: "Biểu số liệu", Cell: "F12"}, "Biểu số liệu!F12"},
		{Finding{Sheet: "Biểu số liệu"}, "Biểu số liệu"},
		{Finding{Cell: "F12"}, "F12"},
		{Finding{}, ""},
	} {
		if got := tt.f.Where(); got != tt.want {
			t.Errorf("%+v: %q, want %q", tt.f, got, tt.want)
		}
	}
}

func TestAt(t *testing.T) {
	f := New(Error, TypeError, lang.F("sai", "wrong"))
	got := f.At("Sheet1", "AB", 7)
	if got.Sheet != "Sheet1" || got.Column != "AB" || got.Row != 7 || got.Cell != "AB7" || got.Where() != "Sheet1!AB7" {
		t.Errorf("At: %+v", got)
	}
	if f.Sheet != "" || f.Cell != "" {
		t.Errorf("At changed the finding it was called on: %+v", f)
	}
	// A whole row or a whole column has no cell.
	if r := f.At("Sheet1", "", 7); r.Cell != "" || r.Row != 7 || r.Where() != "Sheet1" {
		t.Errorf("a row: %+v", r)
	}
	if c := f.At("Sheet1", "C", 0); c.Cell != "" || c.Column != "C" {
		t.Errorf("a column: %+v", c)
	}
}

// TestLocalize: the message is the wording of the language asked for, and
// the JSON of §7 carries the message, never the other wording.
func TestLocalize(t *testing.T) {
	f := New(Warning, Outlier, lang.F("Ô %s cao bất thường", "Cell %s is unusually high", "E6")).At("Biểu số liệu", "E", 6)
	f.Localize(lang.EN)
	if f.Message != "Cell E6 is unusually high" {
		t.Errorf("en: %q", f.Message)
	}
	f.Localize(lang.VI)
	if f.Message != "Ô E6 cao bất thường" {
		t.Errorf("vi: %q", f.Message)
	}
	b, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"severity":"warning","code":"outlier","sheet":"Biểu số liệu","cell":"E6","row":6,"column":"E","message":"Ô E6 cao bất thường"}`
	if string(b) != want {
		t.Errorf("json\n%s\nwant\n%s", b, want)
	}
}

// TestSort: errors first; within a severity, by row, then by column as a
// sheet reads (B before AA); findings in the same cell keep their order.
func TestSort(t *testing.T) {
	mk := func(sev Severity, col string, row int, code string) Finding {
		return New(sev, code, lang.Text{}).At("S", col, row)
	}
	fs := []Finding{
		mk(Warning, "B", 1, "w-b1"),
		mk(Error, "AA", 3, "e-aa3"),
		mk(Error, "B", 3, "e-b3"),
		mk(Warning, "A", 1, "w-a1"),
		mk(Error, "C", 2, "e-c2"),
		mk(Error, "B", 3, "e-b3-second"),
		New(Error, NoTable, lang.Text{}), // no place: before every row
	}
	Sort(fs)
	var got []string
	for _, f := range fs {
		got = append(got, f.Code)
	}
	want := []string{NoTable, "e-c2", "e-b3", "e-b3-second", "e-aa3", "w-a1", "w-b1"}
	if !slices.Equal(got, want) {
		t.Errorf("order %v, want %v", got, want)
	}
}

func TestCount(t *testing.T) {
	fs := []Finding{New(Error, TypeError, lang.Text{}), New(Warning, Outlier, lang.Text{}), New(Warning, Estimate, lang.Text{})}
	if e, w := Count(fs); e != 1 || w != 2 {
		t.Errorf("Count = %d, %d", e, w)
	}
	if !HasError(fs) || HasError(fs[1:]) || HasError(nil) {
		t.Errorf("HasError: %v %v %v", HasError(fs), HasError(fs[1:]), HasError(nil))
	}
}
