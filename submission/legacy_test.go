package submission_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/tongket/tongket/catalog"
	"github.com/tongket/tongket/check"
	"github.com/tongket/tongket/finding"
	"github.com/tongket/tongket/lang"
	"github.com/tongket/tongket/submission"
)

// legacyRead reads, resolves and checks a workbook as intake does, with
// Quận Hồng Bàng a known unit.
func legacyRead(t *testing.T, name string, data []byte) *submission.Submission {
	t.Helper()
	o := submission.Options{Catalog: catalog.Builtin(), Now: func() time.Time { return time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC) }}
	sub := submission.ReadBytes(name, data, o)
	if len(sub.Units) > 0 {
		sub.Resolve(submission.NewDirectory([]submission.KnownUnit{{Code: "HP-HONGBANG", Name: "Quận Hồng Bàng"}}, false))
		if err := check.Run(sub, o.Catalog, check.NoHistory{}); err != nil {
			t.Fatal(err)
		}
	}
	return sub
}

func legacyFixture(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "legacy", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// figures renders the figures as "TT_BUOI/2019=120" lines, sorted as read.
func figures(sub *submission.Submission) string {
	var sb strings.Builder
	for _, f := range sub.Figures {
		fmt.Fprintf(&sb, "%s/%d=%d@%s ", f.Indicator, f.Year, f.Value/100, f.Cell())
	}
	return strings.TrimSpace(sb.String())
}

func legacyFindings(sub *submission.Submission) (warnings, errors []finding.Finding, other []string) {
	for _, f := range sub.Findings {
		switch {
		case f.Code == finding.LegacyEncoding && f.Severity == finding.Warning:
			warnings = append(warnings, f)
		case f.Code == finding.LegacyEncoding:
			errors = append(errors, f)
		default:
			other = append(other, f.Code+"@"+f.Cell+": "+f.Text.VI)
		}
	}
	return
}

func TestLegacyFixtures(t *testing.T) {
	tests := []struct {
		file    string
		figures string
		total   string // the total row's cells
		vi, en  string // the warning
		cell    string
	}{
		{
			file:    "tcvn3.xlsx",
			figures: "TT_BUOI/2019=120@D6 TT_BUOI/2020=135@E6 TT_LUOT/2019=1234@D7 TT_LUOT/2020=1500@E7 HG_VU/2019=7@D8 HG_VU/2020=9@E8",
			total:   "2019=1361@9 2020=1644@9",
			vi:      "Các ô A2, B5, C5, C6, C7, C8, C9 dùng phông TCVN3 (.VnTime, .VnTimeH) và đã được chuyển sang Unicode; hãy kiểm tra lại và lần sau dùng phông Unicode như Times New Roman.",
			en:      "Cells A2, B5, C5, C6, C7, C8, C9 are in the old TCVN3 (.VnTime, .VnTimeH) fonts and were converted to Unicode; check them, and next time use a Unicode font such as Times New Roman.",
			cell:    "A2",
		},
		{
			file:    "tcvn3_libreoffice.xlsx",
			figures: "TT_BUOI/2019=120@D6 TT_BUOI/2020=135@E6 TT_LUOT/2019=1234@D7 TT_LUOT/2020=1500@E7 HG_VU/2019=7@D8 HG_VU/2020=9@E8",
			total:   "2019=1361@9 2020=1644@9",
			vi:      "Các ô A2, B5, C5, C6, C7, C8, C9 dùng phông TCVN3 (.VnTime, .VnTimeH) và đã được chuyển sang Unicode; hãy kiểm tra lại và lần sau dùng phông Unicode như Times New Roman.",
			cell:    "A2",
		},
		{
			file:    "vni.xlsx",
			figures: "TT_BUOI/2019=120@C5 TT_BUOI/2020=135@D5 TT_LUOT/2019=1234@C6 TT_LUOT/2020=1500@D6 HG_VU/2019=7@C7 HG_VU/2020=9@D7",
			total:   "2019=1361@8 2020=1644@8",
			vi:      "Các ô A2, B4, C4, D4, B5, B6, B7, B8 dùng phông VNI (VNI-Times) và đã được chuyển sang Unicode; hãy kiểm tra lại và lần sau dùng phông Unicode như Times New Roman.",
			en:      "Cells A2, B4, C4, D4, B5, B6, B7, B8 are in the old VNI (VNI-Times) font and were converted to Unicode; check them, and next time use a Unicode font such as Times New Roman.",
			cell:    "A2",
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			sub := legacyRead(t, tt.file, legacyFixture(t, tt.file))
			warnings, errors, other := legacyFindings(sub)
			if !sub.Valid() || len(errors) > 0 || len(other) > 0 {
				t.Fatalf("not valid: %v %v", other, errors)
			}
			if got := figures(sub); got != tt.figures {
				t.Errorf("figures\n got %s\nwant %s", got, tt.figures)
			}
			var totals []string
			for _, tot := range sub.Totals {
				totals = append(totals, fmt.Sprintf("%d=%d@%d", tot.Year, tot.Value/100, tot.Row))
			}
			if got := strings.Join(totals, " "); got != tt.total {
				t.Errorf("totals %s, want %s", got, tt.total)
			}
			if u := sub.Units[0]; u.Name != "Quận Hồng Bàng" || u.Resolved != "HP-HONGBANG" {
				t.Errorf("unit %+v", u)
			}
			if len(warnings) != 1 {
				t.Fatalf("%d legacy-encoding warnings, want 1: %+v", len(warnings), warnings)
			}
			w := warnings[0]
			if w.Text.VI != tt.vi || (tt.en != "" && w.Text.EN != tt.en) {
				t.Errorf("warning\n got %s\n     %s\nwant %s\n     %s", w.Text.VI, w.Text.EN, tt.vi, tt.en)
			}
			if w.Cell != tt.cell || w.Sheet != sub.Sheet {
				t.Errorf("warning at %s!%s", w.Sheet, w.Cell)
			}
		})
	}
}

// TestLegacyBroken: text still garbled after conversion is an error at its
// cell, and its row is not read; the rest of the file is.
func TestLegacyBroken(t *testing.T) {
	sub := legacyRead(t, "broken.xlsx", legacyFixture(t, "broken.xlsx"))
	warnings, errors, other := legacyFindings(sub)
	if sub.Valid() {
		t.Fatal("a garbled file is valid")
	}
	var cells []string
	for _, e := range errors {
		cells = append(cells, e.Cell)
	}
	if got := strings.Join(cells, " "); got != "B2 B6" {
		t.Errorf("legacy-encoding errors at %q, want B2 B6", got)
	}
	for _, o := range other {
		// the unit cannot be resolved from a garbled name; nothing else
		if !strings.HasPrefix(o, finding.MissingUnit) {
			t.Errorf("other finding %s", o)
		}
	}
	if len(errors) == 2 {
		e := errors[1]
		if !strings.Contains(e.Text.VI, "Ô B6 (phông VNI-Times): không đọc được \"Sè l") ||
			!strings.Contains(e.Text.VI, "Hãy gõ lại bằng phông Unicode") ||
			!strings.Contains(e.Text.EN, "Retype it in a Unicode font") {
			t.Errorf("message: %s / %s", e.Text.VI, e.Text.EN)
		}
		if u := errors[0]; !strings.HasPrefix(u.Text.VI, "Ô B2: không đọc được \"QuËn Hång Bµng\"") {
			t.Errorf("unit message: %s", u.Text.VI)
		}
	}
	if got := figures(sub); got != "TT_BUOI/2019=120@C5 TT_BUOI/2020=135@D5 HG_VU/2019=7@C7 HG_VU/2020=9@D7" {
		t.Errorf("figures %s", got)
	}
	if len(warnings) != 1 {
		t.Errorf("%d warnings", len(warnings))
	}
}

// legacyBook writes a workbook with excelize; each cell may carry a cell
// font and rich-text runs with their own font.
type legacyCell struct {
	ref     string
	value   any
	font    string // the cell format's font, "" for the default
	runFont string // when set, the text is one rich-text run in this font
}

func legacyBook(t *testing.T, cells ...legacyCell) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	const sh = "Sheet1"
	styles := map[string]int{}
	for _, c := range cells {
		if c.runFont != "" {
			run := []excelize.RichTextRun{{Text: c.value.(string), Font: &excelize.Font{Family: c.runFont}}}
			if err := f.SetCellRichText(sh, c.ref, run); err != nil {
				t.Fatal(err)
			}
		} else if err := f.SetCellValue(sh, c.ref, c.value); err != nil {
			t.Fatal(err)
		}
		if c.font == "" {
			continue
		}
		id, ok := styles[c.font]
		if !ok {
			var err error
			if id, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: c.font}}); err != nil {
				t.Fatal(err)
			}
			styles[c.font] = id
		}
		if err := f.SetCellStyle(sh, c.ref, c.ref, id); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestLegacyRunFont: a rich-text run's font wins over the cell's.
func TestLegacyRunFont(t *testing.T) {
	data := legacyBook(t,
		legacyCell{ref: "A1", value: "Tên đơn vị:"},
		// a .VnTime cell whose run is in Times New Roman: Unicode, kept
		// ("Tây" would read "Tõy" through the TCVN3 table)
		legacyCell{ref: "B1", value: "Tây Ninh", font: ".VnTime", runFont: "Times New Roman"},
		legacyCell{ref: "A3", value: "Chỉ tiêu"},
		legacyCell{ref: "B3", value: 2019},
		// a Times New Roman cell whose run is in .VnTime: converted
		legacyCell{ref: "A4", value: "Sè buæi tuyªn truyÒn", font: "Times New Roman", runFont: ".VnTime"},
		legacyCell{ref: "B4", value: "1.234", font: ".VnTime"},
	)
	sub := submission.ReadBytes("run.xlsx", data, submission.Options{Catalog: catalog.Builtin()})
	warnings, errors, other := legacyFindings(sub)
	if len(errors)+len(other) > 0 {
		t.Fatalf("findings %v %v", errors, other)
	}
	if u := sub.Units[0]; u.Name != "Tây Ninh" {
		t.Errorf("unit name %q", u.Name)
	}
	if got := figures(sub); got != "TT_BUOI/2019=1234@B4" {
		t.Errorf("figures %s", got)
	}
	if len(warnings) != 1 || !strings.HasPrefix(warnings[0].Text.VI, "Ô A4 dùng phông TCVN3 (.VnTime) và đã được") ||
		!strings.HasPrefix(warnings[0].Text.EN, "Cell A4 is in the old TCVN3 (.VnTime) font and was converted") {
		t.Errorf("warnings %+v", warnings)
	}
}

// TestLegacyNone: a Unicode workbook, and Unicode text in a cell whose
// font is a legacy one, give no legacy-encoding finding.
func TestLegacyNone(t *testing.T) {
	data := legacyBook(t,
		legacyCell{ref: "A1", value: "Đơn vị: Quận Hồng Bàng", font: ".VnTime"},
		legacyCell{ref: "A3", value: "Chỉ tiêu", font: "VNI-Times"},
		legacyCell{ref: "B3", value: 2019},
		legacyCell{ref: "A4", value: "Số buổi tuyên truyền", font: ".VnTimeH"},
		legacyCell{ref: "B4", value: 5},
		legacyCell{ref: "A5", value: "TT_LUOT", font: ".VnTime"}, // ASCII: the same in any font
		legacyCell{ref: "B5", value: 6},
	)
	sub := submission.ReadBytes("u.xlsx", data, submission.Options{Catalog: catalog.Builtin()})
	for _, f := range sub.Findings {
		if f.Code == finding.LegacyEncoding {
			t.Errorf("%s@%s: %s", f.Code, f.Cell, f.Text.VI)
		}
	}
	if sub.Units[0].Name != "Quận Hồng Bàng" {
		t.Errorf("unit %q", sub.Units[0].Name)
	}
}

// TestLegacyLongLayout: a long sheet typed in VNI, 30 rows: unit and
// indicator names and the year label convert; the warning names the first
// 20 cells and counts the rest.
func TestLegacyLongLayout(t *testing.T) {
	vni := map[string]string{
		"Mã đơn vị": "Maõ ñôn vò", "Tên đơn vị": "Teân ñôn vò", "Năm": "Naêm", "Chỉ tiêu": "Chæ tieâu", "Giá trị": "Giaù trò",
		"Quận Hồng Bàng": "Quaän Hoàng Baøng", "Số buổi tuyên truyền": "Soá buoåi tuyeân truyeàn",
	}
	cells := []legacyCell{}
	for i, h := range []string{"Mã đơn vị", "Tên đơn vị", "Năm", "Chỉ tiêu", "Giá trị"} {
		cells = append(cells, legacyCell{ref: string(rune('A'+i)) + "1", value: vni[h], font: "VNI-Times"})
	}
	for r := 2; r <= 31; r++ {
		n := fmt.Sprint(r)
		cells = append(cells,
			legacyCell{ref: "A" + n, value: fmt.Sprintf("U%02d", r), font: "VNI-Times"},
			legacyCell{ref: "B" + n, value: vni["Quận Hồng Bàng"], font: "VNI-Times"},
			legacyCell{ref: "C" + n, value: 2019, font: "VNI-Times"},
			legacyCell{ref: "D" + n, value: vni["Số buổi tuyên truyền"], font: "VNI-Times"},
			legacyCell{ref: "E" + n, value: r, font: "VNI-Times"},
		)
	}
	sub := submission.ReadBytes("long.xlsx", legacyBook(t, cells...), submission.Options{Catalog: catalog.Builtin()})
	warnings, errors, other := legacyFindings(sub)
	if len(errors)+len(other) > 0 || sub.Layout != submission.Long {
		t.Fatalf("findings %v %v", errors, other)
	}
	if len(sub.Figures) != 30 || len(sub.Units) != 30 || sub.Units[0].Name != "Quận Hồng Bàng" || sub.Figures[0].Indicator != "TT_BUOI" {
		t.Fatalf("%d figures, units %+v", len(sub.Figures), sub.Units[:1])
	}
	want := "Các ô A1, B1, C1, D1, E1, B2, D2, B3, D3, B4, D4, B5, D5, B6, D6, B7, D7, B8, D8, B9 và 45 ô khác dùng phông VNI (VNI-Times)"
	if len(warnings) != 1 || !strings.HasPrefix(warnings[0].Text.In(lang.VI), want) ||
		!strings.HasPrefix(warnings[0].Text.In(lang.EN), "Cells A1, B1, C1, D1, E1, B2, D2, B3, D3, B4, D4, B5, D5, B6, D6, B7, D7, B8, D8, B9 and 45 more are in the old VNI (VNI-Times) font") {
		t.Errorf("warnings %+v", warnings)
	}
}
