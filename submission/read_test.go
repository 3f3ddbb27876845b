package submission_test

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/tongket/tongket/catalog"
	"github.com/tongket/tongket/check"
	"github.com/tongket/tongket/finding"
	"github.com/tongket/tongket/submission"
	"github.com/tongket/tongket/table/tabletest"
)

var cat = catalog.Builtin()

func opts() submission.Options {
	return submission.Options{Catalog: cat, Now: func() time.Time { return time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC) }}
}

// sheet is one sheet of a test workbook: rows from A1 down.
type sheet struct {
	name   string
	hidden bool
	rows   [][]any
	// formulas: cell → formula, written without a cached value.
	formulas map[string]string
	// hiddenCols are columns the sheet hides ("C").
	hiddenCols []string
}

// book writes a workbook with excelize (test-made; writer fixtures from
// openpyxl and LibreOffice are under testdata/writers).
func book(t testing.TB, sheets ...sheet) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, s := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(s.name); err != nil {
			t.Fatal(err)
		}
		for r, row := range s.rows {
			for c, v := range row {
				if v == nil {
					continue
				}
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if err := f.SetCellValue(s.name, ref, v); err != nil {
					t.Fatal(err)
				}
			}
		}
		for ref, fm := range s.formulas {
			if err := f.SetCellFormula(s.name, ref, fm); err != nil {
				t.Fatal(err)
			}
		}
		for _, col := range s.hiddenCols {
			if err := f.SetColVisible(s.name, col, false); err != nil {
				t.Fatal(err)
			}
		}
	}
	for i, s := range sheets {
		if !s.hidden {
			f.SetActiveSheet(i) // Excel cannot hide the active sheet
			break
		}
	}
	for _, s := range sheets {
		if s.hidden {
			if err := f.SetSheetVisible(s.name, false); err != nil {
				t.Fatal(err)
			}
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// standard is a valid wide submission; edit the copy it returns.
func standard() [][]any {
	return [][]any{
		{"BIỂU SỐ LIỆU TỔNG KẾT PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC"},
		{"Đơn vị: Quận Hồng Bàng"},
		{"Mã đơn vị: HP-HONGBANG"},
		{},
		{"STT", "Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính", 2019, 2020, 2021, "Ghi chú"},
		{1, "TT_BUOI", "Số buổi tuyên truyền", "buổi", 120, 130, 140},
		{2, "TT_LUOT", "Số lượt người tham dự tuyên truyền", "lượt người", 9000, 9500, 9900},
		{3, "NHA_SO", "Số nhà đại đoàn kết, nhà tình nghĩa được xây, sửa", "nhà", 10, 12, 11},
		{4, "NHA_TIEN", "Kinh phí xây, sửa nhà đại đoàn kết, nhà tình nghĩa", "triệu đồng", 500.5, 610, 575.25},
	}
}

// pipeline reads, resolves against known units and checks, as intake does.
func pipeline(t testing.TB, name string, data []byte, known ...submission.KnownUnit) *submission.Submission {
	t.Helper()
	sub := submission.ReadBytes(name, data, opts())
	if len(sub.Units) > 0 {
		sub.Resolve(submission.NewDirectory(known, false))
		if err := check.Run(sub, cat, check.NoHistory{}); err != nil {
			t.Fatal(err)
		}
	}
	return sub
}

// got lists findings as "code@cell" for comparison.
func got(sub *submission.Submission) []string {
	var out []string
	for _, f := range sub.Findings {
		out = append(out, f.Code+"@"+f.Cell)
	}
	sort.Strings(out)
	return out
}

func set(rows [][]any, r, c int, v any) [][]any {
	for len(rows[r]) <= c {
		rows[r] = append(rows[r], nil)
	}
	rows[r][c] = v
	return rows
}

func TestStandardWide(t *testing.T) {
	sub := pipeline(t, "hb.xlsx", book(t, sheet{name: "Biểu", rows: standard()}))
	if len(sub.Findings) != 0 {
		t.Fatalf("findings: %v", got(sub))
	}
	if sub.Layout != submission.Wide || sub.Units[0].Resolved != "HP-HONGBANG" || sub.Units[0].Name != "Quận Hồng Bàng" {
		t.Fatalf("layout %s unit %+v", sub.Layout, sub.Units[0])
	}
	if len(sub.Figures) != 12 {
		t.Fatalf("%d figures, want 12", len(sub.Figures))
	}
	want := map[string]int64{"NHA_TIEN/2019@E9": 50050, "NHA_TIEN/2021@G9": 57525, "TT_BUOI/2020@F6": 13000}
	for _, f := range sub.Figures {
		k := f.Indicator + "/" + itoa(int(f.Year)) + "@" + f.Cell()
		if v, ok := want[k]; ok && v != f.Value {
			t.Errorf("%s = %d, want %d", k, f.Value, v)
		}
		delete(want, k)
	}
	if len(want) != 0 {
		t.Errorf("figures not found: %v", want)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestTolerances: what real submissions do (FORMATS.md §2) reads as the
// standard file does, with the same figures.
func TestTolerances(t *testing.T) {
	base := pipeline(t, "base.xlsx", book(t, sheet{name: "S", rows: standard()}))
	tests := []struct {
		name   string
		sheets func() []sheet
		known  []submission.KnownUnit
	}{
		{"header lower down, title block", func() []sheet {
			rows := append([][]any{{"CÔNG AN THÀNH PHỐ"}, {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"}, {}, {}}, standard()...)
			return []sheet{{name: "S", rows: rows}}
		}, nil},
		{"label and value in adjacent cells", func() []sheet {
			rows := standard()
			rows[1] = []any{"Đơn vị:", "Quận Hồng Bàng"}
			rows[2] = []any{"Mã đơn vị:", "HP-HONGBANG"}
			return []sheet{{name: "S", rows: rows}}
		}, nil},
		{"columns in another order, extra columns", func() []sheet {
			rows := standard()
			for i := 4; i < len(rows); i++ {
				r := rows[i]
				rows[i] = []any{r[2], "x", r[6], r[4], r[1], r[5], r[0]}
			}
			return []sheet{{name: "S", rows: rows}}
		}, nil},
		{"no code column: names, case, spacing, NFD, old tone marks", func() []sheet {
			rows := standard()
			names := []string{"SỐ BUỔI  TUYÊN TRUYỀN", "so\u0302\u0301 lượt người tham dự tuyên truyền", "Số nhà đại đoàn kết, nhà tình nghĩa được xây, sửa ", "kinh phí xây, sửa nhà đại đoàn kết, nhà tình nghĩa"}
			for i := 4; i < len(rows); i++ {
				rows[i][1] = nil
			}
			rows[4][1] = "Ghi chú 2"
			for i, n := range names {
				rows[5+i][2] = n
			}
			return []sheet{{name: "S", rows: rows}}
		}, nil},
		{"years as text Năm 2019, numbers as Vietnamese text", func() []sheet {
			rows := standard()
			rows[4][4], rows[4][5], rows[4][6] = "Năm 2019", "năm 2020", "2021"
			rows[6][4] = "9.000"
			rows[8][4], rows[8][6] = "500,5", "575,25"
			return []sheet{{name: "S", rows: rows}}
		}, nil},
		{"blank rows, section titles and a correct total row", func() []sheet {
			rows := standard()
			out := append([][]any{}, rows[:6]...)
			out = append(out, []any{}, []any{nil, nil, "I. Công tác tuyên truyền"})
			out = append(out, rows[6:]...)
			out = append(out, []any{nil, nil, "Tổng cộng", nil, 9630.5, 10252, 10626.25})
			return []sheet{{name: "S", rows: out}}
		}, nil},
		{"hidden helper sheet first", func() []sheet {
			return []sheet{{name: "DanhMuc", hidden: true, rows: [][]any{{"Mã chỉ tiêu", 2019}, {"TT_BUOI", 1}}}, {name: "S", rows: standard()}}
		}, nil},
		{"visible sheet without a table first", func() []sheet {
			return []sheet{{name: "Hướng dẫn", rows: [][]any{{"Điền số liệu vào trang sau"}}}, {name: "S", rows: standard()}}
		}, nil},
		{"unit by name only, prefix folded", func() []sheet {
			rows := standard()
			rows[1] = []any{"Đơn vị: Q. Hồng Bàng"}
			rows[2] = []any{}
			return []sheet{{name: "S", rows: rows}}
		}, []submission.KnownUnit{{Code: "HP-HONGBANG", Name: "Quận Hồng Bàng"}, {Code: "HP-LECHAN", Name: "Quận Lê Chân"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sub := pipeline(t, "t.xlsx", book(t, tt.sheets()...), tt.known...)
			if len(sub.Findings) != 0 {
				for _, f := range sub.Findings {
					t.Log(f.Code, f.Cell, f.Text.VI)
				}
				t.Fatalf("findings: %v", got(sub))
			}
			if sub.Units[0].Resolved != "HP-HONGBANG" {
				t.Errorf("unit %+v", sub.Units[0])
			}
			if a, b := values(base), values(sub); a != b {
				t.Errorf("figures differ:\n base %s\n got  %s", a, b)
			}
		})
	}
}

func values(s *submission.Submission) string {
	var out []string
	for _, f := range s.Figures {
		out = append(out, f.Indicator+"/"+itoa(int(f.Year))+"="+strconv.FormatInt(f.Value, 10))
	}
	sort.Strings(out)
	return strings.Join(out, " ")
}

func TestUnitCodeStaysText(t *testing.T) {
	rows := standard()
	rows[2] = []any{"Mã đơn vị:", "00005"}
	sub := pipeline(t, "t.xlsx", book(t, sheet{name: "S", rows: rows}))
	if sub.Units[0].Resolved != "00005" {
		t.Fatalf("unit code %q, want 00005", sub.Units[0].Resolved)
	}
}

func TestMissingIsNotZero(t *testing.T) {
	rows := standard()
	rows[5][5] = nil // TT_BUOI 2020 empty: not reported
	rows[7][5] = "-" // NHA_SO 2020 "-": zero
	rows[7][6] = "0" // NHA_SO 2021 "0": zero
	rows[8][5] = "–" // NHA_TIEN 2020 en dash: zero
	rows[8][6] = nil // keep the NHA_TIEN rule quiet for 2021
	sub := pipeline(t, "t.xlsx", book(t, sheet{name: "S", rows: rows}))
	if len(sub.Findings) != 0 {
		t.Fatalf("findings: %v", got(sub))
	}
	have := map[string]int64{}
	for _, f := range sub.Figures {
		have[f.Indicator+itoa(int(f.Year))] = f.Value
	}
	if _, ok := have["TT_BUOI2020"]; ok {
		t.Error("an empty cell was stored")
	}
	for _, k := range []string{"NHA_SO2020", "NHA_SO2021", "NHA_TIEN2020"} {
		if v, ok := have[k]; !ok || v != 0 {
			t.Errorf("%s = %d, %v; want a reported 0", k, v, ok)
		}
	}
}

// TestFindings covers every finding code that applies to submissions, each
// at the cell it names.
func TestFindings(t *testing.T) {
	tests := []struct {
		name  string
		build func(t *testing.T) []byte
		want  []string
		known []submission.KnownUnit
	}{
		{"type-error", wideWith(5, 5, "khoảng 200"), []string{"type-error@F6"}, nil},
		{"ambiguous-number", wideWith(5, 5, "1.5"), []string{"ambiguous-number@F6"}, nil},
		{"constraint-error", wideWith(5, 5, "99.999.999.999.999.999"), []string{"constraint-error@F6"}, nil},
		{"negative-value", wideWith(5, 5, -3), []string{"negative-value@F6"}, nil},
		{"not-whole", wideWith(5, 5, "12,5"), []string{"not-whole@F6"}, nil},
		{"rule-violation error", wideWith(6, 5, 100), []string{"rule-violation@F7"}, nil},
		{"rule-violation warning (money missing)", wideWith(8, 5, 0), []string{"rule-violation@F9"}, nil},
		{"outlier", wideWith(6, 5, 950000), []string{"outlier@F7"}, nil},
		{"total-mismatch", func(t *testing.T) []byte {
			rows := append(standard(), []any{nil, nil, "Tổng cộng", nil, 9630.5, 1, 10626.25})
			return book(t, sheet{name: "S", rows: rows})
		}, []string{"total-mismatch@F10"}, nil},
		{"formula-error", func(t *testing.T) []byte {
			return book(t, sheet{name: "S", rows: set(standard(), 5, 5, nil), formulas: map[string]string{"F6": "1/0"}})
		}, []string{"formula-error@F6"}, nil},
		{"formula without cached value is calculated", func(t *testing.T) []byte {
			return book(t, sheet{name: "S", rows: set(standard(), 5, 5, nil), formulas: map[string]string{"F6": "100+30"}})
		}, nil, nil},
		{"unknown-indicator", wideWith(5, 1, "TT_BUOII"), []string{"unknown-indicator@B6"}, nil},
		{"unknown-indicator: figures without a label", func(t *testing.T) []byte {
			return book(t, sheet{name: "S", rows: append(standard(), []any{nil, nil, nil, nil, 5})})
		}, []string{"unknown-indicator@C10"}, nil},
		{"name-mismatch", wideWith(5, 2, "Số buổi tuyên truyền, vận động"), []string{"name-mismatch@C6"}, nil},
		// FORMATS.md §2.1: a code beside the exact name of another
		// indicator (codes left in place when the names were sorted).
		{"code-name-conflict", wideWith(5, 2, "Số lớp tập huấn"), []string{"code-name-conflict@C6"}, nil},
		{"duplicate-indicator", func(t *testing.T) []byte {
			return book(t, sheet{name: "S", rows: append(standard(), []any{5, "TT_BUOI", "Số buổi tuyên truyền", "buổi", 1, 2, 3})})
		}, []string{"duplicate-indicator@C10"}, nil},
		{"duplicate-year", wideWith(4, 6, 2020), []string{"duplicate-year@G5"}, nil},
		{"duplicate-label", wideWith(4, 7, "Mã chỉ tiêu"), []string{"duplicate-label@H5"}, nil},
		{"year-out-of-range", wideWith(4, 6, 2031), []string{"year-out-of-range@G5"}, nil},
		{"blank-header", wideWith(5, 8, 77), []string{"blank-header@I5"}, nil},
		{"no-years", func(t *testing.T) []byte {
			return book(t, sheet{name: "S", rows: [][]any{{"Mã đơn vị: X"}, {"Mã chỉ tiêu", "Chỉ tiêu", "Ghi chú"}, {"TT_BUOI", "Số buổi", ""}}})
		}, []string{"no-years@"}, nil},
		{"no-table", func(t *testing.T) []byte {
			return book(t, sheet{name: "S", rows: [][]any{{"Kính gửi Công an thành phố"}, {"Số liệu xin gửi sau."}}})
		}, []string{"no-table@"}, nil},
		{"missing-unit", func(t *testing.T) []byte {
			rows := standard()
			rows[1], rows[2] = []any{}, []any{}
			return book(t, sheet{name: "S", rows: rows})
		}, []string{"missing-unit@"}, nil},
		{"missing-unit: name matches no known unit", func(t *testing.T) []byte {
			rows := standard()
			rows[2] = []any{}
			return book(t, sheet{name: "S", rows: rows})
		}, []string{"missing-unit@A2"}, []submission.KnownUnit{{Code: "HP-LECHAN", Name: "Quận Lê Chân"}}},
		{"template-version", func(t *testing.T) []byte {
			return book(t, sheet{name: "S", rows: standard()},
				sheet{name: "_tongket", hidden: true, rows: [][]any{{"version", "99"}, {"unit_code", "HP-HONGBANG"}}})
		}, []string{"template-version@B1"}, nil},
		{"not-xlsx: old .xls bytes", raw(append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 1024)...)), []string{"not-xlsx@"}, nil},
		{"not-xlsx: CSV renamed", raw([]byte("Mã chỉ tiêu,2019\nTT_BUOI,12\n")), []string{"not-xlsx@"}, nil},
		{"corrupt-file: empty", raw(nil), []string{"corrupt-file@"}, nil},
		{"corrupt-file: truncated", func(t *testing.T) []byte {
			b := book(t, sheet{name: "S", rows: standard()})
			return b[:len(b)/2]
		}, []string{"corrupt-file@"}, nil},
		{"encrypted", func(t *testing.T) []byte {
			f := excelize.NewFile()
			f.SetCellValue("Sheet1", "A1", "x")
			p := filepath.Join(t.TempDir(), "p.xlsx")
			if err := f.SaveAs(p, excelize.Options{Password: "matkhau"}); err != nil {
				t.Fatal(err)
			}
			b, _ := os.ReadFile(p)
			return b
		}, []string{"encrypted@"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sub := pipeline(t, "t.xlsx", tt.build(t), tt.known...)
			g := got(sub)
			if strings.Join(g, " ") != strings.Join(tt.want, " ") {
				for _, f := range sub.Findings {
					t.Log(f.Code, f.Cell, f.Text.VI)
				}
				t.Fatalf("findings %v, want %v", g, tt.want)
			}
			for _, f := range sub.Findings {
				if f.Text.VI == "" || f.Text.EN == "" || f.Text.VI == f.Text.EN {
					t.Errorf("%s: message must exist in both languages: %+v", f.Code, f.Text)
				}
			}
		})
	}
}

func wideWith(r, c int, v any) func(t *testing.T) []byte {
	return func(t *testing.T) []byte { return book(t, sheet{name: "S", rows: set(standard(), r, c, v)}) }
}

func raw(b []byte) func(*testing.T) []byte { return func(*testing.T) []byte { return b } }

// TestMessageNamesCellAndFix: the §7 example message, word for word in shape.
func TestMessageNamesCellAndFix(t *testing.T) {
	sub := pipeline(t, "t.xlsx", book(t, sheet{name: "Sheet1", rows: set(standard(), 5, 5, "khoảng 200")}))
	f := sub.Findings[0]
	want := `Ô F6 (Số buổi tuyên truyền, năm 2020): "khoảng 200" không phải là số. Hãy nhập một số, ví dụ 200; để trống nếu chưa có số liệu.`
	if f.Text.VI != want {
		t.Errorf("message\n got %s\nwant %s", f.Text.VI, want)
	}
	if f.Sheet != "Sheet1" || f.Cell != "F6" || f.Row != 6 || f.Column != "F" || f.Indicator != "TT_BUOI" || f.Year != 2020 || f.Value != "khoảng 200" || f.Severity != finding.Error {
		t.Errorf("finding fields: %+v", f)
	}
}

func TestLongLayout(t *testing.T) {
	rows := [][]any{
		{"SỐ LIỆU CÁC HUYỆN"},
		{"Mã đơn vị", "Tên đơn vị", "Năm", "Mã chỉ tiêu", "Giá trị", "Ghi chú"},
		{"HP-A", "Huyện A", 2019, "TT_BUOI", 10},
		{"HP-A", "Huyện A", "2019", "TT_LUOT", "1.200"},
		{},
		{"HP-B", "Huyện B", 2020, "TT_BUOI", 7},
		{"HP-B", "Huyện B", 2020, "TT_LUOT", 700},
		{"HP-B", "Huyện B", 2020, "TT_BUOI", 8},
		{"HP-B", "Huyện B", 2040, "TT_BUOI", 8},
		{"", "", 2020, "TH_LOP", 8},
		{"HP-B", "Huyện B", 2021, "CH_NGUOI", nil},
	}
	sub := pipeline(t, "long.xlsx", book(t, sheet{name: "Dữ liệu", rows: rows}))
	if sub.Layout != submission.Long || len(sub.Units) != 2 {
		t.Fatalf("layout %s units %+v", sub.Layout, sub.Units)
	}
	want := []string{"duplicate-row@E8", "missing-unit@A10", "year-out-of-range@C9"}
	if g := got(sub); strings.Join(g, " ") != strings.Join(want, " ") {
		t.Fatalf("findings %v, want %v", g, want)
	}
	if len(sub.Figures) != 5 {
		t.Errorf("%d figures, want 5", len(sub.Figures))
	}
}

// TestWriterFixtures reads the same submission as written by openpyxl (no
// cached formula values), LibreOffice, and openpyxl in the long layout.
func TestWriterFixtures(t *testing.T) {
	var want struct {
		Unit   struct{ Code string }
		Cells  map[string]map[string]string
		Values map[string]map[string]map[string]float64
	}
	b, err := os.ReadFile("../testdata/writers/values.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &want); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"openpyxl.xlsx", "libreoffice.xlsx", "long-openpyxl.xlsx"} {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("../testdata/writers", name))
			if err != nil {
				t.Fatal(err)
			}
			sub := pipeline(t, name, data)
			if len(sub.Findings) != 0 {
				t.Fatalf("findings: %v", got(sub))
			}
			n := 0
			for _, years := range want.Values[want.Unit.Code] {
				n += len(years)
			}
			if len(sub.Figures) != n {
				t.Fatalf("%d figures, want %d", len(sub.Figures), n)
			}
			for _, f := range sub.Figures {
				if sub.UnitCode(f) != want.Unit.Code {
					t.Errorf("unit %s", sub.UnitCode(f))
				}
				w := want.Values[want.Unit.Code][f.Indicator][itoa(int(f.Year))]
				if int64(math.Round(w*100)) != f.Value {
					t.Errorf("%s %d = %d, want %v", f.Indicator, f.Year, f.Value, w)
				}
				if sub.Layout == submission.Wide && want.Cells[f.Indicator][itoa(int(f.Year))] != f.Cell() {
					t.Errorf("%s %d at %s, want %s", f.Indicator, f.Year, f.Cell(), want.Cells[f.Indicator][itoa(int(f.Year))])
				}
			}
			if sub.Layout == submission.Wide && len(sub.Totals) != 5 {
				t.Errorf("%d totals read, want 5 (formula totals must be calculated or cached)", len(sub.Totals))
			}
		})
	}
}

// TestFormulaWithoutCachedValue: scripts write formulas with no cached
// value; the reader calculates them.
func TestFormulaWithoutCachedValue(t *testing.T) {
	sub := pipeline(t, "t.xlsx", book(t, sheet{name: "S", rows: set(standard(), 5, 5, nil), formulas: map[string]string{"F6": "100+30"}}))
	for _, f := range sub.Figures {
		if f.Cell() == "F6" {
			if f.Value != 13000 {
				t.Fatalf("F6 = %d hundredths, want 13000", f.Value)
			}
			return
		}
	}
	t.Fatal("F6 was not read")
}

// TestCutSheetIsCorrupt: a sheet cut off part-way (a copy interrupted, a
// full disk) is refused as corrupt-file at the sheet, never read as the
// rows above the cut.
func TestCutSheetIsCorrupt(t *testing.T) {
	for _, at := range []string{`<row r="7"`, `<row r="9"`, `<mergeCells`} {
		rows := standard()
		data := book(t, sheet{name: "S", rows: rows})
		if at == `<mergeCells` {
			f, _ := excelize.OpenReader(bytes.NewReader(data))
			if err := f.MergeCell("S", "A1", "H1"); err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			if err := f.Write(&b); err != nil {
				t.Fatal(err)
			}
			data = b.Bytes()
		}
		cut := tabletest.CutSheet(t, data, "xl/worksheets/sheet1.xml", at)
		sub := pipeline(t, "cut.xlsx", cut)
		if codes := got(sub); len(codes) != 1 || !strings.HasPrefix(codes[0], "corrupt-file@") {
			t.Errorf("cut at %s: findings %v, want one corrupt-file", at, codes)
		}
		if sub.Valid() || sub.Findings[0].Sheet != "S" {
			t.Errorf("cut at %s: valid %v, finding at sheet %q", at, sub.Valid(), sub.Findings[0].Sheet)
		}
	}
}

// TestFormatsAsShown: a number format changes what a person reads; the
// reader goes by what the cell shows, or refuses.
func TestFormatsAsShown(t *testing.T) {
	tests := []struct {
		name   string
		row    int // 0-based row of standard()
		format string
		value  any
		want   []string // findings
		stored int64    // the figure stored at the cell when accepted
	}{
		{"money in millions shown", 8, "#,##0.00,,", 504250000, []string{"scaled-format@"}, 50425},
		{"money in thousands shown", 8, "#,##0,", 610000, []string{"scaled-format@"}, 61000},
		{"money in millions, digits lost", 8, "#,##0.00,,", 504251234, []string{"ambiguous-number@E9"}, 0},
		{"count in thousands", 5, "#,##0,", 12345, []string{"ambiguous-number@E6"}, 0},
		{"percent on a count", 5, "0%", 0.85, []string{"type-error@E6"}, 0},
		{"date on a count", 5, "dd/mm/yyyy", 120, []string{"type-error@E6"}, 0},
		{"plain format", 5, "#,##0", 120, nil, 12000},
		{"a count shown with its own measure", 5, `#,##0" buổi"`, 120, nil, 12000},
		{"a count shown in thousands by its words", 6, `0.00" nghìn"`, 8.45, []string{"type-error@E7"}, 0},
		{"money shown in tỷ by its words", 8, `0.0000" tỷ"`, 0.5405, []string{"type-error@E9"}, 0},
		{"money shown in triệu by its words", 8, `#,##0.00" triệu đồng"`, 500.5, nil, 50050},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows := standard()
			rows[tt.row][4] = tt.value
			f, err := excelize.OpenReader(bytes.NewReader(book(t, sheet{name: "S", rows: rows})))
			if err != nil {
				t.Fatal(err)
			}
			style, err := f.NewStyle(&excelize.Style{CustomNumFmt: &tt.format})
			if err != nil {
				t.Fatal(err)
			}
			cell := "E" + itoa(tt.row+1)
			if err := f.SetCellStyle("S", cell, cell, style); err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			if err := f.Write(&b); err != nil {
				t.Fatal(err)
			}
			sub := submission.ReadBytes("f.xlsx", b.Bytes(), opts())
			var codes []string
			for _, fd := range sub.Findings {
				c := fd.Cell
				if fd.Code == "scaled-format" {
					c = ""
				}
				codes = append(codes, fd.Code+"@"+c)
			}
			if strings.Join(codes, " ") != strings.Join(tt.want, " ") {
				t.Errorf("findings %v, want %v", codes, tt.want)
			}
			for _, fg := range sub.Figures {
				if fg.Cell() == cell && (tt.stored == 0 || fg.Value != tt.stored) {
					t.Errorf("%s stored %d, want %d", cell, fg.Value, tt.stored)
				}
			}
		})
	}
}

// TestLayoutsReadAsShown: further layouts offices send, each read as a
// person reads it (the figure of NHA_TIEN 2019, E9, in triệu đồng) or
// refused at the cell that says why.
func TestLayoutsReadAsShown(t *testing.T) {
	money := func(rows [][]any) [][]any { // NHA_TIEN 2019..2021 in đồng
		rows[8][4], rows[8][5], rows[8][6] = 500500000, 610000000, 575250000
		rows[8][3] = nil
		return rows
	}
	tests := []struct {
		name  string
		rows  [][]any
		want  []string // findings
		e9    int64    // NHA_TIEN 2019 stored, hundredths of triệu; 0 when not stored
		count int      // figures stored
	}{
		{"a bracketed measure line above the table", func() [][]any {
			r := money(standard())
			r[3] = []any{"(Đơn vị tính: đồng)"}
			return r
		}(), []string{"measure-converted@"}, 50050, 12},
		{"a measure line that says what it measures", func() [][]any {
			r := money(standard())
			r[3] = []any{"ĐVT tiền: đồng"}
			return r
		}(), []string{"measure-converted@"}, 50050, 12},
		{"a money measure line under a label of the office's own", func() [][]any {
			r := money(standard())
			r[3] = []any{"Kinh phí tính bằng: đồng"}
			return r
		}(), []string{"measure-converted@"}, 50050, 12},
		{"a count measure line, then the money's", func() [][]any {
			r := money(standard())
			r[2] = []any{"ĐVT: người", nil, "Mã đơn vị: HP-HONGBANG"}
			r[3] = []any{"ĐVT tiền: đồng"}
			return r
		}(), []string{"measure-converted@"}, 50050, 12},
		{"the measure column and the line above disagree", func() [][]any {
			r := standard()
			r[3] = []any{"Đơn vị tính: nghìn đồng"}
			return r
		}(), []string{"measure-mismatch@"}, 0, 9},
		{"two money measure lines that disagree", func() [][]any {
			r := money(standard())
			r[2] = []any{"Đơn vị tính: đồng", nil, "Mã đơn vị: HP-HONGBANG"}
			r[3] = []any{"ĐVT tiền: nghìn đồng"}
			return r
		}(), []string{"measure-mismatch@"}, 0, 9},
		{"money typed as text the English way", func() [][]any {
			r := standard()
			r[8][4] = "1,250"
			return r
		}(), []string{"ambiguous-number@"}, 0, 11},
		{"the signature block under the table, in its columns", append(standard(),
			[]any{nil, nil, "Ghi chú: số liệu năm 2021 tính đến ngày 30/11/2021"},
			[]any{nil, nil, nil, nil, nil, "Hồng Bàng, ngày 05 tháng 12 năm 2021"},
			[]any{nil, nil, "NGƯỜI LẬP BIỂU", nil, nil, "TRƯỞNG CÔNG AN QUẬN"},
			[]any{},
			[]any{nil, nil, "Nguyễn Văn A", nil, nil, "Thượng tá Trần Văn B"}), nil, 50050, 12},
		{"an indicator's name in the code column too (code and name cells merged)", func() [][]any {
			r := standard()
			r[5][1] = "Số buổi tuyên truyền"
			return r
		}(), nil, 50050, 12},
		{"years typed as text with a thousands dot", func() [][]any {
			r := standard()
			r[4][4], r[4][5], r[4][6] = "2.019", "2.020", "2.021"
			return r
		}(), nil, 50050, 12},
		{"part of a year", func() [][]any {
			r := standard()
			r[4][6] = "2021 (9 tháng)"
			return r
		}(), []string{"unread-column@"}, 50050, 8},
		{"a date in a note inside the table does not end it", func() [][]any {
			r := standard()
			r = append(r[:8], append([][]any{{nil, nil, "(Số liệu từ ngày 01 tháng 01 năm 2019 đến ngày 31 tháng 12 năm 2021)"}}, r[8:]...)...)
			r[9][4] = "540.5" // NHA_TIEN typed the English way, under the note
			return r
		}(), []string{"ambiguous-number@"}, 0, 11},
		{"a note saying a row is not to be used", func() [][]any {
			r := standard()
			r[6] = append(r[6], "Số liệu sai, không sử dụng")
			return r
		}(), []string{"type-error@"}, 50050, 9},
		{"an indicator's row under the signature block, its figures '-'", append(standard(),
			[]any{nil, nil, "NGƯỜI LẬP BIỂU"},
			[]any{nil, nil, "Số lớp tập huấn", "lớp", "-", "-", "-"}), nil, 50050, 15},
		{"a figure under the signature block", append(standard(),
			[]any{nil, nil, "NGƯỜI LẬP BIỂU", nil, nil, "THỦ TRƯỞNG ĐƠN VỊ"},
			[]any{nil, nil, "Phụ cấp", nil, 5}), []string{"unknown-indicator@"}, 50050, 12},
		{"the measure in the name's brackets", func() [][]any {
			r := money(standard())
			r[8][2] = "Kinh phí xây, sửa nhà đại đoàn kết, nhà tình nghĩa (đồng)"
			return r
		}(), []string{"measure-converted@"}, 50050, 12},
		{"the header repeated under the table (a pasted printout)", append(standard(),
			[]any{"STT", "Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính", 2019, 2020, 2021, "Ghi chú"},
			[]any{5, "TH_LOP", "Số lớp tập huấn", "lớp", 3, 4, 5}), nil, 50050, 15},
		{"a number typed as text in a column without a header", func() [][]any {
			r := standard()
			r[5] = append(r[5], nil, "1.234")
			return r
		}(), []string{"blank-header@"}, 50050, 12},
		{"a second table with other years", append(standard(),
			[]any{"STT", "Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính", 2016, 2017, 2018},
			[]any{5, "TH_LOP", "Số lớp tập huấn", "lớp", 3, 4, 5}), []string{"second-header@"}, 50050, 12},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sub := submission.ReadBytes("l.xlsx", book(t, sheet{name: "S", rows: tt.rows}), opts())
			var codes []string
			for _, fd := range sub.Findings {
				codes = append(codes, fd.Code+"@"+strings.TrimLeft(fd.Cell, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"))
			}
			if strings.Join(codes, " ") != strings.Join(tt.want, " ") {
				t.Errorf("findings %v, want %v", got(sub), tt.want)
			}
			var e9 int64
			for _, fg := range sub.Figures {
				if fg.Cell() == "E9" {
					e9 = fg.Value
				}
			}
			if e9 != tt.e9 || len(sub.Figures) != tt.count {
				t.Errorf("E9 = %d, %d figures; want %d, %d", e9, len(sub.Figures), tt.e9, tt.count)
			}
		})
	}
}

// TestPlanSheets: a sheet that is a plan or target (by its name, or a
// title starting "KẾ HOẠCH") is not read as results; a file of plans
// alone is refused; a results title that mentions a plan is results.
func TestPlanSheets(t *testing.T) {
	plan := func(title string) [][]any {
		return [][]any{
			{title},
			{"Đơn vị: Quận Hồng Bàng"},
			{},
			{"Mã chỉ tiêu", "Chỉ tiêu", 2024},
			{"TT_BUOI", "Số buổi tuyên truyền", 150},
			{"NHA_SO", "Số nhà đại đoàn kết, nhà tình nghĩa được xây, sửa", 15},
		}
	}
	results := func(title string) [][]any {
		r := standard()
		r[0] = []any{title}
		return r
	}
	tests := []struct {
		name    string
		sheets  []sheet
		want    []string // finding codes
		figures int
	}{
		{"a plan sheet named KH 2024", []sheet{{name: "Kết quả", rows: standard()}, {name: "KH 2024", rows: plan("CHỈ TIÊU NĂM 2024")}},
			[]string{"plan-skipped@"}, 12},
		{"a plan sheet by its title", []sheet{{name: "Sheet1", rows: standard()}, {name: "Sheet2", rows: plan("KẾ HOẠCH NĂM 2024")}},
			[]string{"plan-skipped@"}, 12},
		{"only a plan", []sheet{{name: "Sheet1", rows: plan("KẾ HOẠCH NĂM 2024")}},
			[]string{"no-table@"}, 0},
		{"results of a plan are results", []sheet{{name: "Sheet1", rows: results("BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH NĂM 2021")}},
			nil, 12},
		{"a plan and its results", []sheet{{name: "Sheet1", rows: results("KẾ HOẠCH VÀ KẾT QUẢ THỰC HIỆN 2019–2021")}},
			nil, 12},
		{"a plan cited above the results", []sheet{{name: "Sheet1", rows: func() [][]any {
			r := standard()
			r[3] = []any{"Kế hoạch số 45/KH-CAQ ngày 10/01/2021 của Công an quận"}
			return r
		}()}}, nil, 12},
		{"plans beside results, columns telling which", []sheet{{name: "Năm 2023", rows: [][]any{
			{"CHỈ TIÊU GIAO VÀ THỰC HIỆN NĂM 2023"},
			{"Đơn vị: Quận Hồng Bàng"},
			{},
			{"Mã chỉ tiêu", "Chỉ tiêu", "Kế hoạch", "Thực hiện"},
			{"TT_BUOI", "Số buổi tuyên truyền", 150, 141},
			{"NHA_SO", "Số nhà đại đoàn kết, nhà tình nghĩa được xây, sửa", 15, 14},
		}}}, []string{"plan-skipped@"}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sub := submission.ReadBytes("p.xlsx", book(t, tt.sheets...), opts())
			var codes []string
			for _, f := range sub.Findings {
				codes = append(codes, f.Code+"@")
			}
			if strings.Join(codes, " ") != strings.Join(tt.want, " ") || len(sub.Figures) != tt.figures {
				t.Errorf("findings %v, %d figures; want %v, %d", got(sub), len(sub.Figures), tt.want, tt.figures)
			}
			for _, fg := range sub.Figures {
				if fg.Year == 2024 {
					t.Errorf("a plan's figure stored: %+v", fg)
				}
			}
		})
	}
}

// TestSideBySide: two tables set side by side are refused as that, not
// as a column typed twice (deleting one would lose the second table).
func TestSideBySide(t *testing.T) {
	rows := standard()
	rows[4] = append(rows[4], nil, "Mã chỉ tiêu", "Chỉ tiêu", 2022)
	rows[5] = append(rows[5], nil, nil, "TT_BUOI", "Số buổi tuyên truyền", 150)
	sub := submission.ReadBytes("s.xlsx", book(t, sheet{name: "S", rows: rows}), opts())
	var said []string
	for _, f := range sub.Findings {
		if f.Code == "duplicate-label" {
			said = append(said, f.Text.VI)
		}
	}
	if len(said) != 2 || !strings.Contains(said[0], "hai bảng đặt cạnh nhau") || strings.Contains(said[0], "xóa") {
		t.Errorf("findings %v; want two duplicate-label saying the tables stand side by side", said)
	}
}

// TestLongLayoutColumns: a long table's other columns. A column of numbers
// that is none of its columns (an adjusted value beside Giá trị) refuses
// the file, a reader cannot tell which number is the figure; a plan beside
// it is not stored, with a warning; a note column is passed over; a row of
// part of a year ("Kỳ báo cáo": "6 tháng đầu năm") is refused.
func TestLongLayoutColumns(t *testing.T) {
	long := [][]any{
		{"Mã đơn vị", "Tên đơn vị", "Năm", "Mã chỉ tiêu", "Giá trị"},
		{"HP-A", "Huyện A", 2019, "TT_BUOI", 10},
		{"HP-A", "Huyện A", 2020, "TT_BUOI", 12},
	}
	tests := []struct {
		name    string
		rows    [][]any
		want    string // findings
		figures int
		hidden  []string // columns hidden
	}{
		{"the year column hidden", long, "hidden-cell@C2", 0, []string{"C"}},
		{"the indicator code column hidden, no name shown", long, "hidden-cell@D2", 0, []string{"D"}},
		{"the unit code hidden, its name shown", long, "", 2, []string{"A"}},
		{"an adjusted value beside Giá trị", [][]any{
			{"Mã đơn vị", "Tên đơn vị", "Năm", "Mã chỉ tiêu", "Giá trị", "Giá trị điều chỉnh", "Ghi chú"},
			{"HP-A", "Huyện A", 2019, "TT_BUOI", 10, 12, "đã rà soát"},
			{"HP-A", "Huyện A", 2019, "TT_LUOT", 1200, nil, "1"},
		}, "unread-column@F1", 2, nil},
		{"a plan beside Giá trị", [][]any{
			{"Mã đơn vị", "Tên đơn vị", "Năm", "Mã chỉ tiêu", "Kế hoạch", "Giá trị"},
			{"HP-A", "Huyện A", 2019, "TT_BUOI", 15, 10},
		}, "plan-skipped@E1", 1, nil},
		{"a year with a remark", [][]any{
			{"Mã đơn vị", "Tên đơn vị", "Năm", "Mã chỉ tiêu", "Giá trị"},
			{"HP-A", "Huyện A", "2021 (ước)", "TT_BUOI", 60},
		}, "type-error@C2", 0, nil},
		{"part of a year", [][]any{
			{"Mã đơn vị", "Tên đơn vị", "Năm", "Kỳ báo cáo", "Mã chỉ tiêu", "Giá trị"},
			{"HP-A", "Huyện A", 2022, "6 tháng đầu năm", "TT_BUOI", 60},
			{"HP-A", "Huyện A", 2021, "Cả năm", "TT_BUOI", 120},
			{"HP-A", "Huyện A", 2020, nil, "TT_BUOI", 110},
		}, "type-error@D2", 2, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sub := submission.ReadBytes("long.xlsx", book(t, sheet{name: "Dữ liệu", rows: tt.rows, hiddenCols: tt.hidden}), opts())
			if g := got(sub); strings.Join(g, " ") != tt.want || len(sub.Figures) != tt.figures {
				t.Errorf("findings %v, %d figures; want %s, %d", g, len(sub.Figures), tt.want, tt.figures)
			}
		})
	}
}
