package main

import (
	"context"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/tongket/tongket/lang"
)

func TestIngestFlags(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		want    ingestOptions
		wantErr string
	}{
		{"defaults", []string{"inbox"}, ingestOptions{paths: []string{"inbox"}, format: "text", failOn: "error"}, ""},
		{"every flag", []string{"--format", "json", "--dry-run", "--fail-on", "warning", "a", "b"},
			ingestOptions{paths: []string{"a", "b"}, format: "json", dryRun: true, failOn: "warning"}, ""},
		{"--format=csv", []string{"--format=csv", "inbox"}, ingestOptions{}, `định dạng "csv" không hỗ trợ`},
		{"--fail-on warnings", []string{"--fail-on", "warnings", "inbox"}, ingestOptions{}, "--fail-on chỉ nhận error hoặc warning."},
		{"no file", nil, ingestOptions{}, "requires at least 1 arg"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got *ingestOptions
			err := execute(newIngestCmd(noDeps, func(_ context.Context, o *ingestOptions) error { got = o; return nil }), tt.args...)
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

// TestRunIngest: a dry run counts and creates no database; the real run
// stores the good file, refuses the bad one, draws its bar on a terminal;
// the same bytes again are skipped.
func TestRunIngest(t *testing.T) {
	dir := t.TempDir()
	good, bad := sample(t, dir)
	steps := []struct {
		name     string
		dryRun   bool
		paths    []string
		terminal bool
		lang     lang.Lang
		wantErr  error
		wantOut  string
		wantBar  bool
		dbExists bool
	}{
		{"dry run", true, []string{good, bad}, false, lang.VI, errRefused,
			"Chạy thử (không lưu gì): sẽ lưu 1 tệp, từ chối 1", false, false},
		{"ingest on a terminal", false, []string{good, bad}, true, lang.VI, errRefused,
			"Đã lưu 1 tệp, từ chối 1, bỏ qua 0 tệp đã nhập", true, true},
		{"again, in English", false, []string{good}, false, lang.EN, nil,
			"Stored 0 files, rejected 0, skipped 1 already ingested", false, true},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			d, stdout, stderr := testDeps(t, dir)
			d.errTerminal, d.lang = st.terminal, st.lang
			err := runIngest(context.Background(), &ingestOptions{deps: d, paths: st.paths, format: "text", dryRun: st.dryRun, failOn: "error"})
			if !errors.Is(err, st.wantErr) || (st.wantErr == nil && err != nil) {
				t.Fatalf("error %v, want %v", err, st.wantErr)
			}
			if !strings.Contains(stdout.String(), st.wantOut) {
				t.Errorf("stdout lacks %q:\n%s", st.wantOut, stdout)
			}
			if bar := strings.HasPrefix(stderr.String(), "\rĐang nhập ["); bar != st.wantBar {
				t.Errorf("stderr %q: bar %v, want %v", stderr, bar, st.wantBar)
			}
			if _, err := os.Stat(d.dbPath); (err == nil) != st.dbExists {
				t.Errorf("database file: %v, want it there %v", err, st.dbExists)
			}
		})
	}
}
