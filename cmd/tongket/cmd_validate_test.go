package main

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/tongket/tongket/lang"
)

// TestValidateFlags: what the flags fill in, and the values refused where
// they are parsed, before anything runs.
func TestValidateFlags(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		want    validateOptions
		wantErr string
	}{
		{"defaults", []string{"inbox"}, validateOptions{paths: []string{"inbox"}, format: "text", failOn: "error"}, ""},
		{"every flag", []string{"--format", "json", "--annotate", "tra-lai", "--fail-on", "warning", "a.xlsx", "b"},
			validateOptions{paths: []string{"a.xlsx", "b"}, format: "json", annotate: "tra-lai", failOn: "warning"}, ""},
		{"--format xml", []string{"--format", "xml", "inbox"}, validateOptions{}, `định dạng "xml" không hỗ trợ; chọn text hoặc json.`},
		{"--fail-on info", []string{"--fail-on", "info", "inbox"}, validateOptions{}, "--fail-on chỉ nhận error hoặc warning."},
		{"no file", nil, validateOptions{}, "requires at least 1 arg"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got *validateOptions
			err := execute(newValidateCmd(noDeps, func(_ context.Context, o *validateOptions) error { got = o; return nil }), tt.args...)
			if tt.wantErr != "" {
				if got != nil || !strings.Contains(said(err, lang.VI), tt.wantErr) {
					t.Fatalf("ran %v, error %q; want no run and %q", got != nil, said(err, lang.VI), tt.wantErr)
				}
				return
			}
			if err != nil || got == nil {
				t.Fatalf("error %v, ran %v", err, got != nil)
			}
			got.deps = deps{}
			if !reflect.DeepEqual(*got, tt.want) {
				t.Errorf("options %+v, want %+v", *got, tt.want)
			}
		})
	}
}

// sample writes the demo's inbox into dir and returns one good file and the
// one with mistakes.
func sample(t *testing.T, dir string) (good, bad string) {
	t.Helper()
	in := inbox(t, dir)
	return filepath.Join(in, "01-hong-bang.xlsx"), filepath.Join(in, "kien-an-loi.xlsx")
}

// TestRunValidate: validate on fake streams: the report on standard output,
// a bar only on a terminal and not with --quiet, the marked-up copies said
// in the chosen language, refusal as the exit status, and no database file.
func TestRunValidate(t *testing.T) {
	dir := t.TempDir()
	good, bad := sample(t, dir)
	tests := []struct {
		name       string
		paths      []string
		terminal   bool
		quiet      bool
		lang       lang.Lang
		annotate   bool
		failOn     string
		wantErr    error
		wantOut    string
		wantErrOut []string // in order
	}{
		{"good file, no terminal", []string{good}, false, false, lang.VI, false, "error", nil, "Tổng cộng: 1 tệp, 1 hợp lệ", nil},
		{"bad file on a terminal", []string{good, bad}, true, false, lang.VI, false, "error", errRefused, "kien-an-loi.xlsx: Biểu số liệu!M10", []string{"\rĐang kiểm tra [", "2/2 tệp", " \r"}},
		{"terminal, --quiet", []string{good, bad}, true, true, lang.VI, false, "error", errRefused, "Tổng cộng: 2 tệp, 1 hợp lệ", nil},
		{"--annotate in English", []string{bad}, false, false, lang.EN, true, "error", errRefused, "Total: 1 files, 0 valid", []string{"Marked-up copy written: "}},
		{"--annotate in Vietnamese", []string{bad}, false, false, lang.VI, true, "error", errRefused, "Tổng cộng: 1 tệp, 0 hợp lệ", []string{"Đã ghi bản đánh dấu lỗi: "}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, stdout, stderr := testDeps(t, dir)
			d.errTerminal, d.quiet, d.lang = tt.terminal, tt.quiet, tt.lang
			o := &validateOptions{deps: d, paths: tt.paths, format: "text", failOn: tt.failOn}
			if tt.annotate {
				o.annotate = filepath.Join(t.TempDir(), "tra-lai")
			}
			err := runValidate(context.Background(), o)
			if !errors.Is(err, tt.wantErr) || (tt.wantErr == nil && err != nil) {
				t.Fatalf("error %v, want %v", err, tt.wantErr)
			}
			if !strings.Contains(stdout.String(), tt.wantOut) {
				t.Errorf("stdout lacks %q:\n%s", tt.wantOut, stdout)
			}
			rest := stderr.String()
			for _, w := range tt.wantErrOut {
				_, after, ok := strings.Cut(rest, w)
				if !ok {
					t.Fatalf("stderr lacks %q (in order):\n%q", w, stderr)
				}
				rest = after
			}
			if tt.wantErrOut == nil && stderr.Len() != 0 {
				t.Errorf("stderr %q, want nothing", stderr)
			}
			if _, err := os.Stat(d.dbPath); !os.IsNotExist(err) {
				t.Errorf("validate made the database: %v", err)
			}
		})
	}
}
