package main

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/tongket/tongket/demo"
	"github.com/tongket/tongket/lang"
)

func TestAwardsFlags(t *testing.T) {
	type ran struct {
		run    *awardsRunOptions
		export *awardsExportOptions
	}
	tests := []struct {
		name    string
		args    []string // after "awards"
		want    ran
		wantErr string
	}{
		{"validate", []string{"validate", "ds/"}, ran{run: &awardsRunOptions{paths: []string{"ds/"}, format: "text"}}, ""},
		{"import as JSON", []string{"import", "--format", "json", "a.xlsx", "b.xlsx"},
			ran{run: &awardsRunOptions{paths: []string{"a.xlsx", "b.xlsx"}, format: "json", save: true}}, ""},
		{"import --format xlsx", []string{"import", "--format", "xlsx", "ds/"}, ran{}, `định dạng "xlsx" không hỗ trợ; chọn text hoặc json.`},
		{"validate nothing", []string{"validate"}, ran{}, "requires at least 1 arg"},
		{"export", []string{"export", "--period", "2019-2024"},
			ran{export: &awardsExportOptions{periodFlags: periodFlags{period: "2019-2024"}, formats: []string{"xlsx", "pdf"}}}, ""},
		{"export every flag", []string{"export", "--years", "5", "--to", "2024", "--format", "json", "-o", "kt.json", "--form", "Bằng khen", "--organisation", "Hội Nông dân"},
			ran{export: &awardsExportOptions{periodFlags: periodFlags{to: 2024, span: 5}, formats: []string{"json"}, output: "kt.json", form: "Bằng khen", organisation: "Hội Nông dân"}}, ""},
		{"export text", []string{"export", "--format", "text"}, ran{}, `định dạng "text" không hỗ trợ; chọn xlsx, pdf, docx hoặc json.`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got ran
			cmd := newAwardsRunCmd(noDeps, "validate", false, func(_ context.Context, o *awardsRunOptions) error { got.run = o; return nil })
			switch tt.args[0] {
			case "import":
				cmd = newAwardsRunCmd(noDeps, "import", true, func(_ context.Context, o *awardsRunOptions) error { got.run = o; return nil })
			case "export":
				cmd = newAwardsExportCmd(noDeps, func(_ context.Context, o *awardsExportOptions) error { got.export = o; return nil })
			}
			err := execute(cmd, tt.args[1:]...)
			if tt.wantErr != "" {
				if got != (ran{}) || !strings.Contains(said(err, lang.VI), tt.wantErr) {
					t.Fatalf("ran %+v, error %q; want no run and %q", got, said(err, lang.VI), tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.run != nil {
				got.run.deps = deps{}
			}
			if got.export != nil {
				got.export.deps = deps{}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("options %+v %+v, want %+v %+v", got.run, got.export, tt.want.run, tt.want.export)
			}
		})
	}
}

// TestRunAwardsExport: the roster's files on standard output and its
// counts line on standard error; JSON on standard output alone; a form
// that is not in the lists refused, naming those there are.
func TestRunAwardsExport(t *testing.T) {
	dir := t.TempDir()
	sampleDB(t, dir)
	out := filepath.Join(dir, "kt")
	tests := []struct {
		name       string
		o          awardsExportOptions
		lang       lang.Lang
		wantErr    string
		wantOut    string
		wantStderr string
	}{
		{name: "files", o: awardsExportOptions{formats: []string{"xlsx", "docx"}, output: out}, lang: lang.VI,
			wantOut:    filepath.Join(out, "khen-thuong-2019-2024.xlsx") + "\n" + filepath.Join(out, "khen-thuong-2019-2024.docx") + "\n",
			wantStderr: "92 gương điển hình tiên tiến, trong đó: 23 tập thể, 69 cá nhân"},
		{name: "json", o: awardsExportOptions{formats: []string{"json"}}, lang: lang.VI, wantOut: `"total": 92`},
		{name: "no such form", o: awardsExportOptions{formats: []string{"json"}, form: "Huân chương"}, lang: lang.EN,
			wantErr: `there is no award form "Huân chương"; forms: Bằng khen, Giấy khen`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, stdout, stderr := testDeps(t, dir)
			d.lang = tt.lang
			o := tt.o
			o.deps, o.period = d, "2019-2024"
			err := runAwardsExport(context.Background(), &o)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(errText(err, tt.lang), tt.wantErr) {
					t.Fatalf("error %q; want %q", errText(err, tt.lang), tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(stdout.String(), tt.wantOut) || !strings.Contains(stderr.String(), tt.wantStderr) || tt.wantStderr == "" && stderr.Len() > 0 {
				t.Errorf("stdout %q\nstderr %q\nwant %q and %q", stdout, stderr, tt.wantOut, tt.wantStderr)
			}
		})
	}
}

// TestRunAwards: validate stores nothing and makes no database; import
// stores the good roster, refuses the bad one (exit 1) and draws its bar on
// a terminal.
func TestRunAwards(t *testing.T) {
	dir := t.TempDir()
	rosters, err := demo.WriteRosters(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		save     bool
		terminal bool
		wantOut  string
		dbExists bool
	}{
		{false, false, "Tổng cộng: 2 tệp, 1 hợp lệ", false},
		{true, true, "Đã lưu 1 danh sách (92 tập thể, cá nhân), từ chối 1", true},
	} {
		d, stdout, stderr := testDeps(t, dir)
		d.errTerminal = tt.terminal
		err := runAwards(context.Background(), &awardsRunOptions{deps: d, paths: []string{rosters}, format: "text", save: tt.save})
		if !errors.Is(err, errRefused) || !strings.Contains(stdout.String(), tt.wantOut) {
			t.Errorf("save %v: %v\n%s", tt.save, err, stdout)
		}
		if bar := strings.HasPrefix(stderr.String(), "\r"); bar != tt.terminal {
			t.Errorf("save %v: stderr %q, bar %v", tt.save, stderr, bar)
		}
		if _, err := os.Stat(d.dbPath); (err == nil) != tt.dbExists {
			t.Errorf("save %v: database file %v, want it there %v", tt.save, err, tt.dbExists)
		}
	}
}

// TestAwardsRoundTrip: the roster workbook `awards export` writes, given
// to `awards import` on a fresh database, is the same roster: its JSON
// export is byte for byte the one it was written from. So is the same
// workbook after an officer opened and saved it in LibreOffice.
func TestAwardsRoundTrip(t *testing.T) {
	dir := t.TempDir()
	rosters, err := demo.WriteRosters(dir)
	if err != nil {
		t.Fatal(err)
	}
	if code, out, _ := run(t, dir, "awards", "import", rosters); code != exitRefused || !strings.Contains(out, "Đã lưu 1 danh sách (92 tập thể, cá nhân), từ chối 1") {
		t.Fatalf("import the demo's rosters: %d\n%s", code, out)
	}
	out := filepath.Join(dir, "out")
	if code, _, stderr := run(t, dir, "awards", "export", "--period", "2019-2024", "--format", "xlsx", "-o", out); code != 0 {
		t.Fatalf("export: %s", stderr)
	}
	_, want, _ := run(t, dir, "awards", "export", "--period", "2019-2024", "--format", "json")
	written := filepath.Join(out, "khen-thuong-2019-2024.xlsx")

	again := func(t *testing.T, file string) {
		t.Helper()
		fresh := t.TempDir()
		code, stdout, stderr := run(t, fresh, "awards", "import", file)
		if code != 0 || !strings.Contains(stdout, "Đã lưu 1 danh sách (92 tập thể, cá nhân), từ chối 0") {
			t.Fatalf("import the written roster: exit %d\n%s%s", code, stdout, stderr)
		}
		if _, got, _ := run(t, fresh, "awards", "export", "--period", "2019-2024", "--format", "json"); got != want {
			t.Errorf("the roster read back differs from the one written:\n%s\nwant\n%s", got[:min(len(got), 600)], want[:min(len(want), 600)])
		}
	}
	t.Run("as written", func(t *testing.T) { again(t, written) })
	t.Run("saved by LibreOffice", func(t *testing.T) {
		if _, err := exec.LookPath("soffice"); err != nil {
			if os.Getenv("CI") == "true" {
				t.Fatal("soffice is missing in CI")
			}
			t.Skip("soffice missing")
		}
		tmp := t.TempDir()
		cmd := exec.Command("soffice", "-env:UserInstallation=file://"+filepath.Join(tmp, "profile"), "--headless",
			"--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", filepath.Join(tmp, "lo"), written)
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("soffice: %v\n%s", err, b)
		}
		again(t, filepath.Join(tmp, "lo", "khen-thuong-2019-2024.xlsx"))
	})
}

// TestAwardsTwoCommunes: two communes that both send "DS khen
// thuong.xlsx" are two rosters, and the counts the import prints say so.
func TestAwardsTwoCommunes(t *testing.T) {
	dir := t.TempDir()
	inbox := filepath.Join(dir, "inbox")
	for sub, fixture := range map[string]string{"xa-an-dong": "two-sheets.xlsx", "phuong-lach-tray": "printed-layout.xlsx"} {
		b, err := os.ReadFile(filepath.Join("..", "..", "roster", "testdata", "offices", fixture))
		if err != nil {
			t.Fatal(err)
		}
		os.MkdirAll(filepath.Join(inbox, sub), 0o755)
		if err := os.WriteFile(filepath.Join(inbox, sub, "DS khen thuong.xlsx"), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, out, stderr := run(t, dir, "awards", "import", inbox)
	if code != 0 || !strings.Contains(out, "Đã lưu 2 danh sách (10 tập thể, cá nhân), từ chối 0") || strings.Contains(out, "thay cho") {
		t.Fatalf("exit %d\n%s%s", code, out, stderr)
	}
	if _, js, _ := run(t, dir, "awards", "export", "--period", "2019-2024", "--format", "json"); !strings.Contains(js, `"total": 10`) {
		t.Errorf("export after two communes:\n%s", js[:min(len(js), 400)])
	}
}
