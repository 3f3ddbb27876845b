package publish_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/tongket/tongket/demo"
	"github.com/tongket/tongket/docx"
	"github.com/tongket/tongket/docx/docxtest"
	"github.com/tongket/tongket/intake"
	"github.com/tongket/tongket/lang"
	"github.com/tongket/tongket/publish"
	"github.com/tongket/tongket/report"
	"github.com/tongket/tongket/store"
	"github.com/tongket/tongket/summary"
)

var clock = func() time.Time { return time.Date(2025, 1, 15, 9, 0, 0, 0, time.UTC) }

var (
	sampleOnce sync.Once
	samplePath string
	sampleErr  error
)

// openSample opens a copy of a database holding the demo's submissions and
// rosters (made once for the package's tests), so each test may change its
// own.
func openSample(t *testing.T) *store.DB {
	t.Helper()
	sampleOnce.Do(func() {
		dir, err := os.MkdirTemp("", "publish-test-")
		if err != nil {
			sampleErr = err
			return
		}
		sampleErr = fillSample(dir)
	})
	if sampleErr != nil {
		t.Fatal(sampleErr)
	}
	b, err := os.ReadFile(samplePath)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "t.db")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(context.Background(), path, store.Options{Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestMain(m *testing.M) {
	code := m.Run()
	if samplePath != "" {
		os.RemoveAll(filepath.Dir(samplePath))
	}
	os.Exit(code)
}

func fillSample(dir string) error {
	ctx := context.Background()
	in, err := demo.WriteInbox(dir)
	if err != nil {
		return err
	}
	rosters, err := demo.WriteRosters(dir)
	if err != nil {
		return err
	}
	samplePath = filepath.Join(dir, "sample.db")
	db, err := store.Open(ctx, samplePath, store.Options{Now: clock})
	if err != nil {
		return err
	}
	defer db.Close()
	if _, err := intake.Ingest(ctx, db, []string{in}, intake.Options{Now: clock}); err != nil {
		return err
	}
	if _, err := intake.ImportAwards(ctx, db, []string{rosters}, intake.Options{Now: clock}); err != nil {
		return err
	}
	// A single-file copy: checkpoint the write-ahead log into the file.
	return db.Close()
}

var fiveYears = summary.Period{From: 2019, To: 2024}

// TestSummary: what each choice of formats writes, where, and what comes
// back to be told; the problems come back as codes.
func TestSummary(t *testing.T) {
	tests := []struct {
		name     string
		opt      publish.Options // Dir and Output relative to the test's folder
		files    []string        // written, relative to the test's folder
		screen   bool
		out      string // on Out
		sections bool   // the sections file is made
		noUnit   bool
		code     string // an *Error with this code
	}{
		{name: "files", opt: publish.Options{Formats: []string{"xlsx", "pdf", "docx", "json"}, Dir: "bc"},
			files:    []string{"bc/tong-ket-2019-2024.xlsx", "bc/tong-ket-2019-2024.pdf", "bc/tong-ket-2019-2024.docx", "bc/tong-ket-2019-2024.json"},
			sections: true, noUnit: true},
		{name: "unit code set", opt: publish.Options{Formats: []string{"xlsx"}, Dir: "bc", Settings: map[string]string{"unit-code": "HP"}},
			files: []string{"bc/tong-ket-2019-2024.xlsx"}},
		{name: "json on the screen", opt: publish.Options{Formats: []string{"json"}}, screen: true, out: `"from": 2019`},
		{name: "json into a file", opt: publish.Options{Formats: []string{"json"}, Output: "tk.json"}, screen: true, files: []string{"tk.json"}},
		{name: "text on the screen", opt: publish.Options{Formats: []string{"text"}, Output: "-"}, screen: true, out: "TỔNG KẾT 5 NĂM, GIAI ĐOẠN 2019–2024"},
		{name: "chart of no indicator", opt: publish.Options{Formats: []string{"pdf"}, Chart: "XX"}, code: publish.CodeNoIndicator},
		{name: "no narrative template", opt: publish.Options{Formats: []string{"pdf"}, Narrative: "khong-co.tmpl"}, code: publish.CodeNarrative},
		{name: "folder under a file", opt: publish.Options{Formats: []string{"xlsx"}, Dir: "a-file/bc"}, code: publish.CodeFolder},
		{name: "json under a file", opt: publish.Options{Formats: []string{"json"}, Output: "a-file/tk.json"}, screen: true, code: publish.CodeWriteFile},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := openSample(t)
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "a-file"), nil, 0o644); err != nil {
				t.Fatal(err)
			}
			var out bytes.Buffer
			opt := tt.opt
			opt.Period, opt.Now, opt.Lang, opt.Out = fiveYears, clock, lang.VI, &out
			if opt.Dir != "" {
				opt.Dir = filepath.Join(dir, opt.Dir)
			} else if opt.Output != "" && opt.Output != "-" {
				opt.Output = filepath.Join(dir, opt.Output)
			} else {
				opt.Dir = dir // the sections file is looked for in the current folder otherwise
			}
			var progress []int
			opt.Progress = func(done, total int) { progress = append(progress, done, total) }
			res, err := publish.Summary(context.Background(), db, opt)
			var pe *publish.Error
			if tt.code != "" {
				if !errors.As(err, &pe) || pe.Code != tt.code {
					t.Fatalf("error %v, want code %s", err, tt.code)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var want []string
			for _, f := range tt.files {
				want = append(want, filepath.Join(dir, f))
			}
			if !slices.Equal(res.Files, want) || res.Screen != tt.screen || res.NoUnitCode != tt.noUnit || (res.Sections != "") != tt.sections {
				t.Errorf("result %+v; want files %v, screen %v, no unit code %v, sections made %v", res, want, tt.screen, tt.noUnit, tt.sections)
			}
			for _, f := range want {
				if st, err := os.Stat(f); err != nil || st.Size() == 0 {
					t.Errorf("%s not written: %v", f, err)
				}
			}
			if !strings.Contains(out.String(), tt.out) || tt.out == "" && out.Len() > 0 {
				t.Errorf("printed %.200q, want %q", out.String(), tt.out)
			}
			if files := len(want); !tt.screen && (len(progress) != 2*files || progress[len(progress)-2] != files) {
				t.Errorf("progress %v over %d files", progress, files)
			}
			if tt.sections && len(res.Blanks) == 0 {
				t.Error("a new sections file leaves the office's sections blank, but none is told")
			}
		})
	}
}

// TestSummaryRefusedWord: a Word template that is not one is refused as
// report refuses it, and nothing is written.
func TestSummaryRefusedWord(t *testing.T) {
	db := openSample(t)
	dir := t.TempDir()
	tmpl := filepath.Join(dir, "mau.docx")
	if err := os.WriteFile(tmpl, []byte("not a Word file"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "bc")
	res, err := publish.Summary(context.Background(), db, publish.Options{Period: fiveYears, Formats: []string{"pdf", "docx"}, Dir: out, DocxTemplate: tmpl, Now: clock})
	var ie *report.InputError
	if !errors.As(err, &ie) || res != nil && len(res.Files) > 0 {
		t.Fatalf("error %v, result %+v; want the template refused", err, res)
	}
	if es, _ := os.ReadDir(out); len(es) > 0 {
		t.Errorf("written after a refusal: %v", es)
	}
}

// TestLoadAndWrite: the demo's way, inputs read once and written twice,
// gives what Summary gives. The Word report is compared: it holds the
// summary, the report document (its settings) and the roster, all three
// of what Load reads.
func TestLoadAndWrite(t *testing.T) {
	db := openSample(t)
	ctx := context.Background()
	dir := t.TempDir()
	opt := publish.Options{Period: fiveYears, Formats: []string{"docx"}, Dir: filepath.Join(dir, "a"), Now: clock,
		Settings: map[string]string{"agency": "CÔNG AN QUẬN KIẾN AN"}}
	in, err := publish.Load(ctx, db, opt)
	if err != nil {
		t.Fatal(err)
	}
	if in.Summary.Period != fiveYears || in.Roster == nil || in.Roster.Counts.Total != 92 {
		t.Fatalf("inputs: %v, roster %+v", in.Summary.Period, in.Roster)
	}
	if _, err := in.Write(opt); err != nil {
		t.Fatal(err)
	}
	opt.Dir = filepath.Join(dir, "b")
	if _, err := publish.Summary(ctx, db, opt); err != nil {
		t.Fatal(err)
	}
	name := "tong-ket-2019-2024.docx"
	a, _ := os.ReadFile(filepath.Join(dir, "a", name))
	b, _ := os.ReadFile(filepath.Join(dir, "b", name))
	if len(a) == 0 || !bytes.Equal(a, b) {
		t.Errorf("Load then Write gives %d bytes of Word, Summary %d, not the same", len(a), len(b))
	}
	doc := wordText(t, a)
	for _, want := range []string{"CÔNG AN QUẬN KIẾN AN", "có 92 tập thể, cá nhân được khen thưởng", "Phụ lục II"} {
		if !strings.Contains(doc, want) {
			t.Errorf("the Word report lacks %q", want)
		}
	}
}

// TestRoster: the roster's files, its JSON on the screen or into a file, a
// form or organisation that is not in the lists.
func TestRoster(t *testing.T) {
	tests := []struct {
		name   string
		opt    publish.RosterOptions
		folder bool // Output is a new folder in the test's
		files  []string
		screen bool
		out    string
		line   string
		code   string
	}{
		{name: "files", opt: publish.RosterOptions{Formats: []string{"xlsx", "pdf"}}, folder: true,
			files: []string{"khen-thuong-2019-2024.xlsx", "khen-thuong-2019-2024.pdf"}, line: "92 gương điển hình tiên tiến, trong đó: 23 tập thể, 69 cá nhân"},
		{name: "json on the screen", opt: publish.RosterOptions{Formats: []string{"json"}}, screen: true, out: `"total": 92`},
		{name: "json into a folder", opt: publish.RosterOptions{Formats: []string{"json"}}, folder: true, files: []string{"khen-thuong-2019-2024.json"}},
		{name: "one form", opt: publish.RosterOptions{Formats: []string{"json"}, Form: "Bằng khen"}, screen: true, out: `"total": 11`},
		{name: "no such form", opt: publish.RosterOptions{Formats: []string{"json"}, Form: "Huân chương"}, code: publish.CodeNoForm},
		{name: "no such organisation", opt: publish.RosterOptions{Formats: []string{"json"}, Organisation: "Hội Người cao tuổi"}, code: publish.CodeNoOrganisation},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := openSample(t)
			dir := t.TempDir()
			var out bytes.Buffer
			opt := tt.opt
			opt.Period, opt.Now, opt.Lang, opt.Out = fiveYears, clock, lang.VI, &out
			if tt.folder {
				opt.Output = dir
			}
			res, err := publish.Roster(context.Background(), db, opt)
			var pe *publish.Error
			if tt.code != "" {
				if !errors.As(err, &pe) || pe.Code != tt.code || len(pe.Choices) == 0 {
					t.Fatalf("error %v, want code %s with the choices", err, tt.code)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var want []string
			for _, f := range tt.files {
				want = append(want, filepath.Join(dir, f))
			}
			if !slices.Equal(res.Files, want) || res.Screen != tt.screen || !strings.HasPrefix(res.Line.VI, tt.line) {
				t.Errorf("result %+v; want files %v, screen %v, line %q", res, want, tt.screen, tt.line)
			}
			if !strings.Contains(out.String(), tt.out) || tt.out == "" && out.Len() > 0 {
				t.Errorf("printed %.200q, want %q", out.String(), tt.out)
			}
			// Each file written is read back as a person would open it:
			// it holds the roster's 92 entries.
			for _, f := range res.Files {
				if text := fileText(t, f); !strings.Contains(text, "92") || !strings.Contains(text, "Hội Nông dân") {
					t.Errorf("%s does not read back as the roster: %.300q", filepath.Base(f), text)
				}
			}
		})
	}
}

// fileText is what a file shows: a workbook's cells (excelize), a PDF's
// text (pdftotext), a JSON file as it is.
func fileText(t *testing.T, path string) string {
	t.Helper()
	switch filepath.Ext(path) {
	case ".xlsx":
		f, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		var b strings.Builder
		for _, sheet := range f.GetSheetList() {
			rows, err := f.GetRows(sheet)
			if err != nil {
				t.Fatal(err)
			}
			for _, row := range rows {
				b.WriteString(strings.Join(row, " | ") + "\n")
			}
		}
		return b.String()
	case ".pdf":
		return docxtest.Text(t, path, false)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// wordText is the text of a Word file's paragraphs, one a line.
func wordText(t *testing.T, data []byte) string {
	t.Helper()
	f, err := docx.Parse(data, docx.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	paras, err := f.Paragraphs()
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, p := range paras {
		b.WriteString(p.Text() + "\n")
	}
	return b.String()
}
