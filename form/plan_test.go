package form

import (
	"errors"
	"path/filepath"
	"reflect"
	"testing"
)

func TestFor(t *testing.T) {
	base := template("", "")
	submitted := []Unit{{Code: "HP-A", Name: "Quận A"}, {Code: "00007"}}
	listed := []Unit{{Code: "HP-A", Name: "Quận A", Listed: true}, {Code: "HP-B", Name: "Quận B"}}
	tests := []struct {
		name       string
		known      []Unit
		code, unit string
		wantCode   string
		wantName   string
		wantErr    error
	}{
		{"a known code in another case: spelled as known, its name", submitted, " hp-a ", "", "HP-A", "Quận A", nil},
		{"a name given wins", submitted, "HP-A", " Quận A mới ", "HP-A", "Quận A mới", nil},
		{"a new code with its name", submitted, "HP-MOI", "Quận Mới", "HP-MOI", "Quận Mới", nil},
		{"a new code without a name", submitted, "HP-MOI", "", "", "", ErrNoName},
		{"a known code without a name", submitted, "00007", "", "", "", ErrNoName},
		{"outside an imported list", listed, "HP-X", "X", "", "", ErrUnlisted},
		{"in an imported list", listed, "hp-a", "", "HP-A", "Quận A", nil},
		{"no unit known", nil, "X1", "Xã Một", "X1", "Xã Một", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := For(base, tt.known, tt.code, tt.unit)
			if !errors.Is(err, tt.wantErr) || (tt.wantErr == nil && err != nil) {
				t.Fatalf("error %v, want %v", err, tt.wantErr)
			}
			if err != nil {
				return
			}
			want := base
			want.UnitCode, want.UnitName = tt.wantCode, tt.wantName
			if !reflect.DeepEqual(got, want) {
				t.Errorf("unit %q %q, want %q %q", got.UnitCode, got.UnitName, tt.wantCode, tt.wantName)
			}
		})
	}
}

func TestForAll(t *testing.T) {
	base := template("", "")
	jobs, err := ForAll(base, []Unit{{Code: "HP-B", Name: "Quận B"}, {Code: "00007"}}, "bieu-mau")
	if err != nil {
		t.Fatal(err)
	}
	want := []struct{ path, code, name string }{
		{filepath.Join("bieu-mau", "bieu-mau-HP-B-2019-2024.xlsx"), "HP-B", "Quận B"},
		{filepath.Join("bieu-mau", "bieu-mau-00007-2019-2024.xlsx"), "00007", "00007"}, // no name: its code
	}
	if len(jobs) != len(want) {
		t.Fatalf("%d jobs", len(jobs))
	}
	for i, w := range want {
		j := jobs[i]
		if j.Path != w.path || j.Template.UnitCode != w.code || j.Template.UnitName != w.name || j.Template.From != 2019 || len(j.Template.Indicators) != len(base.Indicators) {
			t.Errorf("job %d: %s %q %q, want %s %q %q", i, j.Path, j.Template.UnitCode, j.Template.UnitName, w.path, w.code, w.name)
		}
	}

	if _, err := ForAll(base, nil, "."); !errors.Is(err, ErrNoUnits) {
		t.Errorf("no unit: %v", err)
	}
	_, err = ForAll(base, []Unit{{Code: "HP A"}, {Code: "X"}, {Code: "hp/a"}}, ".")
	var same *SameFileError
	if !errors.As(err, &same) || *same != (SameFileError{First: "HP A", Second: "hp/a", File: "bieu-mau-hp-a-2019-2024.xlsx"}) {
		t.Errorf("two codes, one file name: %v", err)
	}
}
