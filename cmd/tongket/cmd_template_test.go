package main

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tongket/tongket/lang"
	"github.com/tongket/tongket/summary"
	"github.com/tongket/tongket/unitlist"
)

// TestTemplateFlags: the period and the unit flags, read and checked
// before anything runs.
func TestTemplateFlags(t *testing.T) {
	type want struct {
		period         summary.Period
		unit, unitName string
		allUnits       bool
		output         string
	}
	tests := []struct {
		args    []string
		want    want
		wantErr string
	}{
		{[]string{"--unit", " HP-A ", "--unit-name", "Quận A", "--period", "2019-2024", "-o", "a.xlsx"},
			want{summary.Period{From: 2019, To: 2024}, "HP-A", "Quận A", false, "a.xlsx"}, ""},
		{[]string{"--all-units", "--years", "5", "--to", "2024", "-o", "bieu-mau/"},
			want{summary.Period{From: 2019, To: 2024}, "", "", true, "bieu-mau/"}, ""},
		{[]string{"--unit", "X", "--from", "2013", "--to", "2023"}, want{summary.Period{From: 2013, To: 2023}, "X", "", false, ""}, ""},
		{[]string{"--unit", "X"}, want{}, "giai đoạn không hợp lệ"},
		{[]string{"--period", "2019-2024"}, want{}, "hãy cho mã đơn vị (--unit MÃ)"},
		{[]string{"--unit", "  ", "--period", "2019-2024"}, want{}, "hãy cho mã đơn vị (--unit MÃ)"},
		{[]string{"--all-units", "--unit-name", "Y", "--period", "2019-2024"}, want{}, "--all-units không đi cùng --unit, --unit-name."},
		{[]string{"--period", "2019-2024", "x"}, want{}, "unknown command"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			var got *templateOptions
			err := execute(newTemplateCmd(noDeps, func(_ context.Context, o *templateOptions) error { got = o; return nil }), tt.args...)
			if tt.wantErr != "" {
				if got != nil || !strings.Contains(said(err, lang.VI), tt.wantErr) {
					t.Fatalf("ran %v, error %q; want no run and %q", got != nil, said(err, lang.VI), tt.wantErr)
				}
				return
			}
			if err != nil || got == nil {
				t.Fatalf("error %v, ran %v", err, got != nil)
			}
			if g := (want{got.period, got.unit, got.unitName, got.allUnits, got.output}); g != tt.want {
				t.Errorf("options %+v, want %+v", g, tt.want)
			}
		})
	}
}

// TestTemplateRefusals: why form planned no template, in both languages.
func TestTemplateRefusals(t *testing.T) {
	dir := t.TempDir()
	importUnits(t, dir, nil)
	for _, tt := range []struct {
		o      templateOptions
		vi, en string
	}{
		{templateOptions{unit: "MOI"}, "chưa biết tên đơn vị MOI: hãy cho --unit-name \"TÊN\".", "the name of unit MOI is not known: give --unit-name \"NAME\"."},
		{templateOptions{allUnits: true, output: dir}, "chưa có đơn vị nào trong cơ sở dữ liệu", "the database knows no unit yet"},
	} {
		d, stdout, _ := testDeps(t, dir)
		o := tt.o
		o.deps, o.period = d, summary.Period{From: 2019, To: 2024}
		err := runTemplate(context.Background(), &o)
		if !strings.HasPrefix(said(err, lang.VI), tt.vi) || !strings.HasPrefix(said(err, lang.EN), tt.en) || stdout.Len() != 0 {
			t.Errorf("%+v: %q / %q, stdout %q", tt.o, said(err, lang.VI), said(err, lang.EN), stdout)
		}
	}
}

// TestTemplateFileErrors: a file or folder form could not write is told
// in both languages, with the system's error beneath; the paths written
// before it are still printed.
func TestTemplateFileErrors(t *testing.T) {
	dir := t.TempDir()
	importUnits(t, dir, []unitlist.Unit{{Code: "HP-A", Name: "Quận A"}})
	file := filepath.Join(dir, "tep")
	if err := os.WriteFile(file, []byte("một tệp thường"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name   string
		o      templateOptions
		vi, en string
	}{
		{"every unit into a folder under a file", templateOptions{allUnits: true, output: filepath.Join(file, "bieu-mau")},
			"không tạo được thư mục " + filepath.Join(file, "bieu-mau") + ".", "cannot create the folder " + filepath.Join(file, "bieu-mau") + "."},
		{"one unit into a missing folder", templateOptions{unit: "HP-A", output: filepath.Join(dir, "khong-co", "a.xlsx")},
			"không ghi được biểu mẫu " + filepath.Join(dir, "khong-co", "a.xlsx") + ": hãy kiểm tra",
			"cannot write the template " + filepath.Join(dir, "khong-co", "a.xlsx") + ": check"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d, stdout, _ := testDeps(t, dir)
			o := tt.o
			o.deps, o.period = d, summary.Period{From: 2019, To: 2024}
			err := runTemplate(context.Background(), &o)
			var ue *userError
			if !strings.HasPrefix(said(err, lang.VI), tt.vi) || !strings.HasPrefix(said(err, lang.EN), tt.en) || stdout.Len() != 0 ||
				!errors.As(err, &ue) || ue.err == nil {
				t.Errorf("%q / %q (%v), stdout %q", said(err, lang.VI), said(err, lang.EN), err, stdout)
			}
		})
	}
}
