package form

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestWriteFiles: one unit's template goes to -o, to its default name in
// a folder -o names or in the current folder; every unit's go to a folder
// made if need be, listed in the units' order; a refused plan writes
// nothing, and a failure says which file or folder, with the files
// written before it.
func TestWriteFiles(t *testing.T) {
	known := []Unit{{Code: "HP-A", Name: "Quận A"}, {Code: "HP-B", Name: "Quận B"}, {Code: "HP-C", Name: "Quận C"}}
	tests := []struct {
		name string
		// setup prepares the folder the test runs in (the current one)
		setup     func(t *testing.T)
		known     []Unit
		opt       Options
		cancelled bool
		want      Written
		wantCode  string // of an *Error
		wantPath  string // the *Error's path
		wantErr   error  // errors.Is
		wantNone  string // a path that must not exist afterwards
	}{
		{name: "one unit, to -o", known: known, opt: Options{Unit: "hp-b", Output: "b.xlsx"},
			want: Written{Paths: []string{"b.xlsx"}}},
		{name: "one unit, no -o: its default name here", known: known, opt: Options{Unit: "HP-A"},
			want: Written{Paths: []string{"bieu-mau-HP-A-2019-2024.xlsx"}}},
		{name: "one unit, -o a folder: its default name in it",
			setup: func(t *testing.T) { mkdir(t, "ra") },
			known: known, opt: Options{Unit: "HP-A", Output: "ra"},
			want: Written{Paths: []string{filepath.Join("ra", "bieu-mau-HP-A-2019-2024.xlsx")}}},
		{name: "one unit, a new one named", known: known, opt: Options{Unit: "HP-MOI", UnitName: "Quận Mới", Output: "moi.xlsx"},
			want: Written{Paths: []string{"moi.xlsx"}}},
		{name: "one unit without a name: refused", known: known, opt: Options{Unit: "HP-MOI", Output: "moi.xlsx"},
			wantErr: ErrNoName, wantNone: "moi.xlsx"},
		{name: "one unit into a missing folder", known: known, opt: Options{Unit: "HP-A", Output: filepath.Join("khong-co", "a.xlsx")},
			wantCode: CodeWrite, wantPath: filepath.Join("khong-co", "a.xlsx")},
		{name: "every unit, into a folder made for them", known: known, opt: Options{All: true, Output: filepath.Join("bieu", "mau")},
			want: Written{Dir: filepath.Join("bieu", "mau"), Paths: []string{
				filepath.Join("bieu", "mau", "bieu-mau-HP-A-2019-2024.xlsx"),
				filepath.Join("bieu", "mau", "bieu-mau-HP-B-2019-2024.xlsx"),
				filepath.Join("bieu", "mau", "bieu-mau-HP-C-2019-2024.xlsx"),
			}}},
		{name: "every unit, no -o: here", known: known[:1], opt: Options{All: true},
			want: Written{Dir: ".", Paths: []string{filepath.Join(".", "bieu-mau-HP-A-2019-2024.xlsx")}}},
		{name: "every unit, none known", opt: Options{All: true, Output: "ra"}, wantErr: ErrNoUnits, wantNone: "ra"},
		{name: "every unit, two give one file name: no folder made",
			known: []Unit{{Code: "HP A", Name: "A"}, {Code: "HP/A", Name: "A mới"}}, opt: Options{All: true, Output: "ra"},
			wantErr: new(SameFileError), wantNone: "ra"},
		{name: "every unit, a file where the folder goes",
			setup: func(t *testing.T) { writeText(t, "ra", "") },
			known: known, opt: Options{All: true, Output: "ra"}, wantCode: CodeMakeFolder, wantPath: "ra"},
		{name: "every unit, one file cannot be written: those before it are",
			// a folder where HP-B's template goes; one worker, so HP-C never starts
			setup: func(t *testing.T) { mkdir(t, filepath.Join("ra", "bieu-mau-HP-B-2019-2024.xlsx")) },
			known: known, opt: Options{All: true, Output: "ra", Workers: 1},
			want:     Written{Dir: "ra", Paths: []string{filepath.Join("ra", "bieu-mau-HP-A-2019-2024.xlsx")}},
			wantCode: CodeWrite, wantPath: filepath.Join("ra", "bieu-mau-HP-B-2019-2024.xlsx"),
			wantNone: filepath.Join("ra", "bieu-mau-HP-C-2019-2024.xlsx")},
		{name: "every unit, the context ended", known: known, opt: Options{All: true, Output: "ra"}, cancelled: true,
			want: Written{Dir: "ra"}, wantErr: context.Canceled, wantNone: filepath.Join("ra", "bieu-mau-HP-A-2019-2024.xlsx")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Chdir(t.TempDir())
			if tt.setup != nil {
				tt.setup(t)
			}
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			if tt.cancelled {
				cancel()
			}
			var done, total int
			tt.opt.Progress = func(d, n int) { done, total = d, n }

			got, err := WriteFiles(ctx, template("", ""), tt.known, tt.opt)

			var fe *Error
			var same *SameFileError
			switch {
			case tt.wantCode != "":
				if !errors.As(err, &fe) || fe.Code != tt.wantCode || fe.Path != tt.wantPath || fe.Err == nil {
					t.Fatalf("error %v, want a %s error about %s", err, tt.wantCode, tt.wantPath)
				}
			case tt.wantErr != nil:
				if _, isSame := tt.wantErr.(*SameFileError); isSame {
					if !errors.As(err, &same) {
						t.Fatalf("error %v, want a SameFileError", err)
					}
				} else if !errors.Is(err, tt.wantErr) {
					t.Fatalf("error %v, want %v", err, tt.wantErr)
				}
			case err != nil:
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("wrote %+v, want %+v", got, tt.want)
			}
			for _, p := range got.Paths {
				checkUnitOf(t, p)
			}
			if tt.opt.All && err == nil && (done != len(got.Paths) || total != len(got.Paths)) {
				t.Errorf("progress heard %d of %d, want %d of %d", done, total, len(got.Paths), len(got.Paths))
			}
			if tt.wantNone != "" {
				if _, err := os.Stat(tt.wantNone); !os.IsNotExist(err) {
					t.Errorf("%s exists (%v)", tt.wantNone, err)
				}
			}
		})
	}
}

// checkUnitOf opens a written template and checks that its hidden sheet
// names a unit whose default file name is the one written, when it is.
func checkUnitOf(t *testing.T, path string) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	defer f.Close()
	code, _ := f.GetCellValue(MetaSheet, "B2")
	if code == "" {
		t.Errorf("%s: no unit code", path)
	}
	if base := filepath.Base(path); strings.HasPrefix(base, "bieu-mau-") && base != FileName(code, 2019, 2024) {
		t.Errorf("%s holds the template of %s", path, code)
	}
}

func TestOutputPath(t *testing.T) {
	t.Chdir(t.TempDir())
	mkdir(t, "ra")
	tm := template("HP-A", "Quận A")
	tests := []struct{ output, want string }{
		{"", "bieu-mau-HP-A-2019-2024.xlsx"},
		{"ra", filepath.Join("ra", "bieu-mau-HP-A-2019-2024.xlsx")},
		{"a.xlsx", "a.xlsx"},
		{filepath.Join("khong-co", "a.xlsx"), filepath.Join("khong-co", "a.xlsx")},
	}
	for _, tt := range tests {
		if got := OutputPath(tt.output, tm); got != tt.want {
			t.Errorf("OutputPath(%q) = %q, want %q", tt.output, got, tt.want)
		}
	}
}

func mkdir(t *testing.T, dir string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
}

func writeText(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}
