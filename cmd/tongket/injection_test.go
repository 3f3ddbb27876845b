package main

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/tongket/tongket/report"
	"github.com/tongket/tongket/roster"
	"github.com/tongket/tongket/store"
	"github.com/tongket/tongket/summary"
)

// Text stays text: whatever a unit, a nominee or a decision is called, it
// is written back as that text — never as a formula in a workbook, never
// run as a template directive in the report, never built into SQL.

// formulaLike are texts a spreadsheet would take for a formula if they were
// written as one: =, +, -, @, a leading tab or CR, a link, a DDE call.
var formulaLike = []string{
	`=HYPERLINK("http://x","y")`,
	`=1+2`,
	`+1+2`,
	`-1+2`,
	`@SUM(A1:A2)`,
	"\t=1+2",
	"\r=1+2",
	`=cmd|' /C calc'!A0`,
}

// templateLike are texts text/template would run if it parsed them.
var templateLike = []string{`{{.Secret}}`, `{{template "x"}}`}

// sqlCode is a unit code written to break a query built by concatenation.
const sqlCode = `x'); DROP TABLE submissions;--`

// injected are every hostile text, as the readers keep it (trimmed).
func injected() []string {
	var out []string
	for _, s := range append(append([]string{}, formulaLike...), templateLike...) {
		out = append(out, strings.TrimSpace(s))
	}
	return out
}

// markers find a hostile text inside a formula.
var markers = []string{"HYPERLINK", "1+2", "SUM(A1", "cmd|", "Secret", "template", "DROP"}

// wideSubmission writes the demo's first file again as another unit: the
// unit's name and code replaced, and, when gap, the year 2024 left empty
// (not reported) so the narrative lists the unit among those missing.
func wideSubmission(t *testing.T, inbox, out, name, code string, gap bool) {
	t.Helper()
	f, err := excelize.OpenFile(filepath.Join(inbox, "01-hong-bang.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sh := f.GetSheetName(0)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.SetCellStr(sh, "A2", "Đơn vị: "+name))
	must(f.SetCellStr(sh, "A3", "Mã đơn vị: "+code))
	rows, err := f.GetRows(sh)
	must(err)
	if gap {
		col := -1
		for c, v := range rows[4] {
			if v == "2024" {
				col = c + 1
			}
		}
		if col < 0 {
			t.Fatalf("no 2024 column in %v", rows[4])
		}
		for r := 6; r <= len(rows); r++ {
			ref, _ := excelize.CoordinatesToCellName(col, r)
			must(f.SetCellValue(sh, ref, nil))
		}
	}
	must(f.SaveAs(out))
}

// rosterBook writes a nomination list whose names and free text are the
// hostile texts.
func rosterBook(t *testing.T, path string) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	rows := [][]any{
		{"CÔNG AN THÀNH PHỐ HẢI PHÒNG"},
		{"DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG GIAI ĐOẠN 2019 – 2024"},
		{},
		{"STT", "Họ và tên / Tên tập thể", "Loại", "Chức vụ", "Đơn vị", "Tổ chức", "Hình thức", "Cấp khen", "Số quyết định", "Ngày quyết định", "Thành tích"},
	}
	for i, s := range append(append([]string{}, formulaLike...), templateLike...) {
		kind := "Cá nhân"
		if i%3 == 0 {
			kind = "Tập thể"
		}
		// "\t=1+2" and "\r=1+2" are read as "=1+2": another form each, so
		// not the same nomination twice.
		form := []string{"Bằng khen", "Giấy khen", "Biểu dương"}[i%3]
		rows = append(rows, []any{i + 1, s, kind, s, s, "Hội Nông dân", form, s, s, fmt.Sprintf("%02d/03/2021", i+1), s})
	}
	for r, row := range rows {
		for c, v := range row {
			ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if err := f.SetCellValue("Sheet1", ref, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

var formulaRE = regexp.MustCompile(`<f[^>]*>([^<]*)</f>`)

// checkWorkbook asserts no formula of the workbook holds a hostile text and
// that the hostile texts it should hold are there, as text cells.
func checkWorkbook(t *testing.T, path string, want []string) {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	formulas := 0
	for _, zf := range zr.File {
		if !strings.HasPrefix(zf.Name, "xl/worksheets/") || !strings.HasSuffix(zf.Name, ".xml") {
			continue
		}
		rc, _ := zf.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		for _, m := range formulaRE.FindAllSubmatch(b, -1) {
			formulas++
			for _, mk := range markers {
				if bytes.Contains(m[1], []byte(mk)) {
					t.Errorf("%s: %s: a formula holds submitted text: %s", filepath.Base(path), zf.Name, m[1])
				}
			}
		}
	}
	zr.Close()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	found := map[string]bool{}
	cells := 0
	for _, sh := range f.GetSheetList() {
		rows, err := f.GetRows(sh)
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for c, v := range row {
				hostile := false
				for _, w := range want {
					if strings.Contains(v, w) {
						found[w], hostile = true, true
					}
				}
				if !hostile {
					continue
				}
				cells++
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if fm, _ := f.GetCellFormula(sh, ref); fm != "" {
					t.Errorf("%s: %s!%s is the formula %q", filepath.Base(path), sh, ref, fm)
				}
				if ct, _ := f.GetCellType(sh, ref); ct != excelize.CellTypeSharedString && ct != excelize.CellTypeInlineString {
					t.Errorf("%s: %s!%s holding %q is a cell of type %v, not text", filepath.Base(path), sh, ref, v, ct)
				}
			}
		}
	}
	for _, w := range want {
		if !found[w] {
			t.Errorf("%s: %q is not written anywhere", filepath.Base(path), w)
		}
	}
	t.Logf("%s: %d cells of hostile text, all text; %d formulas, none holding it", filepath.Base(path), cells, formulas)
}

// jsonStrings are every string in a JSON document.
func jsonStrings(t *testing.T, b []byte) map[string]bool {
	t.Helper()
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	var walk func(any)
	walk = func(v any) {
		switch v := v.(type) {
		case string:
			out[v] = true
		case []any:
			for _, e := range v {
				walk(e)
			}
		case map[string]any:
			for k, e := range v {
				out[k] = true
				walk(e)
			}
		}
	}
	walk(v)
	return out
}

// pdfText is a PDF's text by pdftotext; it skips the test without it,
// except in CI, where it must be installed.
func pdfText(t *testing.T, path string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pdftotext is missing in CI")
		}
		t.Skip("pdftotext missing")
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// TestInjectionEndToEnd sends hostile unit names, a hostile unit code and a
// hostile nomination list through ingest, summarize, awards and history.
func TestInjectionEndToEnd(t *testing.T) {
	dir := t.TempDir()
	demoInbox := inbox(t, dir)
	in := filepath.Join(dir, "gui-len")
	os.MkdirAll(in, 0o755)
	for i, name := range append(append([]string{}, formulaLike...), templateLike...) {
		wideSubmission(t, demoInbox, filepath.Join(in, fmt.Sprintf("don-vi-%02d.xlsx", i)), name, fmt.Sprintf("INJ-%02d", i), true)
	}
	wideSubmission(t, demoInbox, filepath.Join(in, "ma-la.xlsx"), "Xã Mã Lạ", sqlCode, false)
	files := len(formulaLike) + len(templateLike) + 1
	if code, out, stderr := run(t, dir, "ingest", in); code != 0 || !strings.Contains(out, fmt.Sprintf("Đã lưu %d tệp", files)) {
		t.Fatalf("ingest: exit %d\n%s\n%s", code, out, stderr)
	}
	ros := filepath.Join(dir, "danh-sach")
	os.MkdirAll(ros, 0o755)
	rosterBook(t, filepath.Join(ros, "khen-thuong.xlsx"))
	if code, out, stderr := run(t, dir, "awards", "import", ros); code != 0 {
		t.Fatalf("awards import: exit %d\n%s\n%s", code, out, stderr)
	}
	want := injected()

	t.Run("summary workbook and JSON", func(t *testing.T) {
		out := filepath.Join(dir, "bao-cao")
		if code, _, stderr := run(t, dir, "summarize", "--period", "2019-2024", "--format", "xlsx,json", "-o", out); code != 0 {
			t.Fatalf("summarize: %s", stderr)
		}
		checkWorkbook(t, filepath.Join(out, "tong-ket-2019-2024.xlsx"), append(want[:len(want):len(want)], sqlCode))
		b, _ := os.ReadFile(filepath.Join(out, "tong-ket-2019-2024.json"))
		strs := jsonStrings(t, b)
		for _, w := range append(want[:len(want):len(want)], sqlCode) {
			if !strs[w] {
				t.Errorf("summary JSON lacks %q as a string", w)
			}
		}
	})
	t.Run("roster workbook and JSON", func(t *testing.T) {
		out := filepath.Join(dir, "khen-thuong")
		if code, _, stderr := run(t, dir, "awards", "export", "--period", "2019-2024", "--format", "xlsx,json", "-o", out); code != 0 {
			t.Fatalf("awards export: %s", stderr)
		}
		checkWorkbook(t, filepath.Join(out, "khen-thuong-2019-2024.xlsx"), want)
		b, _ := os.ReadFile(filepath.Join(out, "khen-thuong-2019-2024.json"))
		strs := jsonStrings(t, b)
		for _, w := range want {
			if !strs[w] {
				t.Errorf("roster JSON lacks %q as a string", w)
			}
		}
	})
	t.Run("report narrative", func(t *testing.T) {
		out := filepath.Join(dir, "pdf")
		if code, _, stderr := run(t, dir, "summarize", "--period", "2019-2024", "--format", "pdf", "-o", out); code != 0 {
			t.Fatalf("summarize: %s", stderr)
		}
		txt := pdfText(t, filepath.Join(out, "tong-ket-2019-2024.pdf"))
		for _, w := range templateLike {
			if !strings.Contains(txt, w) {
				t.Errorf("the report does not show the unit named %s literally", w)
			}
		}
		if strings.Contains(txt, "<no value>") {
			t.Errorf("the report shows <no value>: a name was run as a template")
		}
	})
	t.Run("roster PDF", func(t *testing.T) {
		out := filepath.Join(dir, "pdf-khen")
		if code, _, stderr := run(t, dir, "awards", "export", "--period", "2019-2024", "--format", "pdf", "-o", out); code != 0 {
			t.Fatalf("awards export: %s", stderr)
		}
		txt := pdfText(t, filepath.Join(out, "khen-thuong-2019-2024.pdf"))
		for _, w := range templateLike {
			if !strings.Contains(txt, w) {
				t.Errorf("the roster does not show %s literally", w)
			}
		}
	})
	t.Run("SQL", func(t *testing.T) {
		code, out, stderr := run(t, dir, "history", "--unit", sqlCode, "--format", "json")
		if code != 0 {
			t.Fatalf("history --unit: %d %s", code, stderr)
		}
		var recs []store.Record
		if err := json.Unmarshal([]byte(out), &recs); err != nil {
			t.Fatal(err)
		}
		if len(recs) != 1 || len(recs[0].Units) != 1 || recs[0].Units[0] != sqlCode || recs[0].File != filepath.Join(in, "ma-la.xlsx") {
			t.Fatalf("history of %q: %+v", sqlCode, recs)
		}
		code, out, _ = run(t, dir, "history", "--format", "json")
		if err := json.Unmarshal([]byte(out), &recs); code != 0 || err != nil || len(recs) != files {
			t.Fatalf("history after the hostile code: exit %d, %d records (%v), want %d", code, len(recs), err, files)
		}
		// The code is stored as given, and withdrawn by its number.
		if code, _, stderr := run(t, dir, "revert", fmt.Sprint(recs[0].ID)); code != 0 {
			t.Fatalf("revert: %s", stderr)
		}
		if _, out, _ = run(t, dir, "history", "--unit", sqlCode); !strings.Contains(out, "đã rút") {
			t.Errorf("history after revert:\n%s", out)
		}
	})
}

// TestInjectionRenderers gives the renderers names that still carry their
// leading tab or CR (the readers trim them; a future reader might not).
func TestInjectionRenderers(t *testing.T) {
	dir := t.TempDir()
	in := inbox(t, dir)
	if code, _, stderr := run(t, dir, "ingest", filepath.Join(in, "01-hong-bang.xlsx"), filepath.Join(in, "02-ngo-quyen.xlsx")); code != 0 {
		t.Fatalf("ingest: %s", stderr)
	}
	ctx := context.Background()
	db, err := store.Open(ctx, filepath.Join(dir, "t.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s, err := db.Summarize(ctx, summary.Period{From: 2019, To: 2024})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	hostile := append(append([]string{}, formulaLike...), templateLike...)
	for i := range s.Units {
		s.Units[i].Name = hostile[i%len(hostile)]
		s.Units[i].Code = hostile[(i+1)%len(hostile)]
	}
	var used []string
	for i := range s.Units {
		used = append(used, s.Units[i].Name, s.Units[i].Code)
	}
	doc := report.NewDocument(map[string]string{"agency": `=HYPERLINK("http://a","b")`}, nil, time.Date(2024, 12, 31, 0, 0, 0, 0, time.UTC))
	var buf bytes.Buffer
	if err := report.WriteWorkbook(&buf, s, doc); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "tong-ket.xlsx")
	os.WriteFile(p, buf.Bytes(), 0o644)
	checkWorkbook(t, p, dedupe(used))
	buf.Reset()
	if err := report.WriteJSON(&buf, s); err != nil {
		t.Fatal(err)
	}
	strs := jsonStrings(t, buf.Bytes())
	for _, w := range used {
		if !strs[w] {
			t.Errorf("summary JSON lacks %q verbatim", w)
		}
	}

	lists := roster.Lists{Organisations: []string{"Công an", "Hội Nông dân"}, Forms: []string{"Bằng khen", "Giấy khen"}}
	var entries []roster.Entry
	for i, h := range hostile {
		entries = append(entries, roster.Entry{Name: h, Kind: roster.Individual, Position: h, Unit: h, Organisation: "Hội Nông dân",
			Form: "Giấy khen", Authority: h, DecisionNumber: h, DecisionDate: time.Date(2021, 3, 1+i, 0, 0, 0, 0, time.UTC), Achievement: h})
	}
	e := roster.Build(entries, lists, 2019, 2024, "", "")
	buf.Reset()
	if err := report.WriteRosterWorkbook(&buf, e, doc); err != nil {
		t.Fatal(err)
	}
	p = filepath.Join(dir, "khen-thuong.xlsx")
	os.WriteFile(p, buf.Bytes(), 0o644)
	checkWorkbook(t, p, hostile)
}

func dedupe(ss []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
