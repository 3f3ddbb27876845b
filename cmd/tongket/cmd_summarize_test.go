package main

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/tongket/tongket/demo"
	"github.com/tongket/tongket/intake"
	"github.com/tongket/tongket/lang"
	"github.com/tongket/tongket/store"
)

func TestSummarizeFlags(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		want    summarizeOptions
		wantErr string
	}{
		{"defaults", []string{"--period", "2019-2024"},
			summarizeOptions{periodFlags: periodFlags{period: "2019-2024"}, formats: []string{"xlsx", "pdf", "docx"}, settings: map[string]string{}}, ""},
		{"every flag", []string{"--years", "5", "--to", "2024", "--format", "json", "-o", "tk.json", "--template", "t.tmpl",
			"--docx-template", "m.docx", "--chart", "TT_LUOT", "--date", "15/01/2025", "--agency", "CÔNG AN QUẬN"},
			summarizeOptions{periodFlags: periodFlags{to: 2024, span: 5}, formats: []string{"json"}, output: "tk.json", template: "t.tmpl",
				docxTemplate: "m.docx", chart: "TT_LUOT", settings: map[string]string{"date": "15/01/2025", "agency": "CÔNG AN QUẬN"}}, ""},
		{"a list of formats", []string{"--format", "pdf,docx"},
			summarizeOptions{formats: []string{"pdf", "docx"}, settings: map[string]string{}}, ""},
		{"--format odt", []string{"--format", "xlsx,odt"}, summarizeOptions{}, `định dạng "odt" không hỗ trợ; chọn xlsx, pdf, docx, json hoặc text.`},
		{"--date that is not one", []string{"--date", "hôm qua"}, summarizeOptions{}, `giá trị --date "hôm qua" không hợp lệ`},
		{"an argument", []string{"2019-2024"}, summarizeOptions{}, "unknown command"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got *summarizeOptions
			err := execute(newSummarizeCmd(noDeps, func(_ context.Context, o *summarizeOptions) error { got = o; return nil }), tt.args...)
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

// sampleDB fills dir/t.db (testDeps' database) with the demo's
// submissions, the refused one left out, and its rosters.
func sampleDB(t *testing.T, dir string) {
	t.Helper()
	ctx := context.Background()
	in := inbox(t, dir)
	os.Remove(filepath.Join(in, "kien-an-loi.xlsx"))
	rosters, err := demo.WriteRosters(dir)
	if err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(rosters, "khen-thuong-loi.xlsx"))
	db, err := store.Open(ctx, filepath.Join(dir, "t.db"), store.Options{Now: testClock})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := intake.Ingest(ctx, db, []string{in}, intake.Options{Now: testClock}); err != nil {
		t.Fatal(err)
	}
	if _, err := intake.ImportAwards(ctx, db, []string{rosters}, intake.Options{Now: testClock}); err != nil {
		t.Fatal(err)
	}
}

// TestRunSummarize: summarize on fake streams: the files on standard
// output, what the officer should know on standard error in the chosen
// language (none with --quiet), formats that do not go together refused
// before the database is opened, a bar only on a terminal.
func TestRunSummarize(t *testing.T) {
	dir := t.TempDir()
	sampleDB(t, dir)
	out := filepath.Join(dir, "bc")
	tests := []struct {
		name       string
		o          summarizeOptions
		terminal   bool
		quiet      bool
		lang       lang.Lang
		wantErr    string // said in the chosen language
		wantOut    []string
		wantStderr []string
		noStderr   bool
	}{
		{name: "files", o: summarizeOptions{formats: []string{"xlsx", "pdf"}, output: out}, lang: lang.VI,
			wantOut:    []string{filepath.Join(out, "tong-ket-2019-2024.xlsx") + "\n" + filepath.Join(out, "tong-ket-2019-2024.pdf") + "\n"},
			wantStderr: []string{"chưa đặt mã đơn vị tổng hợp", "Đã tạo " + filepath.Join(out, "tong-ket-2019-2024-noi-dung.docx"), "- I. ĐẶC ĐIỂM TÌNH HÌNH"}},
		{name: "again, in English, on a terminal", o: summarizeOptions{formats: []string{"pdf"}, output: out, settings: map[string]string{"unit-code": "HP"}},
			terminal: true, lang: lang.EN,
			wantOut:    []string{filepath.Join(out, "tong-ket-2019-2024.pdf") + "\n"},
			wantStderr: []string{"\rWriting the report [", "1/1 files", "Sections the office writes itself, still blank"}},
		{name: "quiet", o: summarizeOptions{formats: []string{"pdf"}, output: out}, quiet: true, terminal: true, lang: lang.VI,
			wantOut: []string{"tong-ket-2019-2024.pdf"}, noStderr: true},
		{name: "json", o: summarizeOptions{formats: []string{"json"}}, lang: lang.VI, wantOut: []string{`"from": 2019`}, noStderr: true},
		{name: "text into a file", o: summarizeOptions{formats: []string{"text"}, output: filepath.Join(out, "tk.txt")}, lang: lang.EN,
			wantStderr: []string{"Wrote " + filepath.Join(out, "tk.txt")}},
		{name: "text with a file format", o: summarizeOptions{formats: []string{"xlsx", "text"}}, lang: lang.EN,
			wantErr: "text goes to the screen only, not with other formats."},
		{name: "a Word template without Word", o: summarizeOptions{formats: []string{"pdf"}, docxTemplate: "m.docx"}, lang: lang.VI,
			wantErr: "--docx-template chỉ dùng khi ghi báo cáo Word"},
		{name: "a chart of no indicator", o: summarizeOptions{formats: []string{"pdf"}, chart: "XX", output: out}, lang: lang.EN,
			wantErr: `there is no indicator "XX" to chart; see the codes in the JSON report or the workbook.`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, stdout, stderr := testDeps(t, dir)
			d.errTerminal, d.quiet, d.lang = tt.terminal, tt.quiet, tt.lang
			o := tt.o
			o.deps, o.period = d, "2019-2024"
			err := runSummarize(context.Background(), &o)
			if tt.wantErr != "" {
				if err == nil {
					t.Fatalf("no error; want %q", tt.wantErr)
				}
				if got := errText(err, tt.lang); !strings.Contains(got, tt.wantErr) {
					t.Fatalf("error %q; want %q", got, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.wantOut {
				if !strings.Contains(stdout.String(), w) {
					t.Errorf("stdout lacks %q:\n%s", w, stdout)
				}
			}
			for _, w := range tt.wantStderr {
				if !strings.Contains(stderr.String(), w) {
					t.Errorf("stderr lacks %q:\n%s", w, stderr)
				}
			}
			if tt.noStderr && stderr.Len() > 0 {
				t.Errorf("stderr %q, want nothing", stderr)
			}
		})
	}
}

// errText is what Main would print for err in l.
func errText(err error, l lang.Lang) string {
	var b strings.Builder
	a := &app{errOut: &b, lang: l}
	a.printError(err)
	return b.String()
}

// TestRunSummarizeRefusedWord: a Word template that is not one is told on
// standard error and ends with exit status 1, nothing written.
func TestRunSummarizeRefusedWord(t *testing.T) {
	dir := t.TempDir()
	sampleDB(t, dir)
	tmpl := filepath.Join(dir, "mau.docx")
	os.WriteFile(tmpl, []byte("not a Word file"), 0o644)
	out := filepath.Join(dir, "bc")
	d, stdout, stderr := testDeps(t, dir)
	err := runSummarize(context.Background(), &summarizeOptions{deps: d, periodFlags: periodFlags{period: "2019-2024"},
		formats: []string{"docx"}, docxTemplate: tmpl, output: out, settings: map[string]string{"unit-code": "HP"}})
	if !errors.Is(err, errRefused) || stdout.Len() > 0 || !strings.Contains(stderr.String(), "tongket: ") || !strings.Contains(stderr.String(), "mau.docx") {
		t.Fatalf("error %v, stdout %q, stderr %q", err, stdout, stderr)
	}
	if es, _ := os.ReadDir(out); len(es) > 0 {
		t.Errorf("written after a refusal: %v", es)
	}
}
