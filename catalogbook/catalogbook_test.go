package catalogbook

import (
	"bytes"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/tongket/tongket/catalog"
	"github.com/tongket/tongket/finding"
	"github.com/tongket/tongket/internal/goldenfile"
	"github.com/tongket/tongket/table/tabletest"
)

func export(t *testing.T, c *catalog.Catalog) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, c); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// rules keeps what a workbook holds of rules (not their compiled form).
func rules(rs []catalog.Rule) []catalog.Rule {
	out := make([]catalog.Rule, len(rs))
	for i, r := range rs {
		out[i] = catalog.Rule{Left: r.Left, Op: r.Op, Right: r.Right, When: r.When, Severity: r.Severity, MessageVI: r.MessageVI, MessageEN: r.MessageEN}
	}
	return out
}

// sameCatalog reports how im differs from c.
func sameCatalog(t *testing.T, im *Imported, c *catalog.Catalog) {
	t.Helper()
	if !im.Valid() || len(im.Findings) != 0 {
		t.Fatalf("findings %v", codes(im.Findings))
	}
	if !slices.Equal(im.Indicators, c.Indicators) {
		t.Errorf("indicators\n%+v\nwant\n%+v", im.Indicators, c.Indicators)
	}
	if !im.HasRules || !slices.Equal(rules(im.Rules), rules(c.Rules)) {
		t.Errorf("rules (%v)\n%+v\nwant\n%+v", im.HasRules, rules(im.Rules), rules(c.Rules))
	}
	if !slices.Equal(im.Organisations, c.Organisations) || !slices.Equal(im.AwardForms, c.AwardForms) {
		t.Errorf("organisations %q forms %q", im.Organisations, im.AwardForms)
	}
}

func codes(fs []finding.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Code+"@"+f.Where())
	}
	return out
}

// TestRoundTrip: what export writes, import reads back unchanged.
func TestRoundTrip(t *testing.T) {
	c := catalog.Builtin()
	data := export(t, c)
	// With -update, the export is kept as testdata/export.xlsx, the
	// exported built-in catalog gen.py gives to LibreOffice.
	if goldenfile.Update() {
		if err := os.WriteFile("testdata/export.xlsx", data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	sameCatalog(t, Read("chi-tieu.xlsx", data), c)
}

// TestFixtures reads catalog workbooks edited the way officers edit them
// (testdata/gen.py).
func TestFixtures(t *testing.T) {
	builtin := catalog.Builtin()
	t.Run("export saved again by LibreOffice", func(t *testing.T) {
		sameCatalog(t, Read("export-lo.xlsx", readFile(t, "testdata/export-lo.xlsx")), builtin)
	})
	t.Run("edited: title above, two-row header, words for codes", func(t *testing.T) {
		im := Read("sua.xlsx", readFile(t, "testdata/sua.xlsx"))
		if !im.Valid() {
			t.Fatalf("findings %v", codes(im.Findings))
		}
		want := []catalog.Indicator{
			{Code: "TT_BUOI", Name: "Số buổi tuyên truyền, phổ biến", Unit: "buổi", Agg: catalog.Sum, Kind: catalog.Count, Order: 1},
			{Code: "MH_HIEUQUA", Name: "Số mô hình đang hoạt động hiệu quả", Unit: "mô hình", Agg: catalog.Last, Kind: catalog.Count, Order: 2},
			{Code: "HO_TRO_TIEN", Name: "Số tiền hỗ trợ hộ nghèo", Unit: "triệu đồng", Agg: catalog.Sum, Kind: catalog.Money, Order: 3},
		}
		if !slices.Equal(im.Indicators, want) {
			t.Errorf("indicators\n%+v\nwant\n%+v", im.Indicators, want)
		}
		if im.HasRules || im.Rules != nil || im.AwardForms != nil {
			t.Errorf("absent sheets must stay nil: rules %v %v forms %v", im.HasRules, im.Rules, im.AwardForms)
		}
		if want := []string{"Công an", "Hội Nông dân", "Hội Người cao tuổi"}; !slices.Equal(im.Organisations, want) {
			t.Errorf("organisations %q, want %q", im.Organisations, want)
		}
	})
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestCutOff: a sheet cut off mid-row refuses the import; its rows above
// the cut do not pass for the whole catalog.
func TestCutOff(t *testing.T) {
	tests := []struct {
		part, at, sheet string
	}{
		{"xl/worksheets/sheet1.xml", `<row r="9"`, SheetIndicators},
		{"xl/worksheets/sheet2.xml", `<row r="3"`, SheetRules},
		{"xl/worksheets/sheet4.xml", `<row r="2"`, SheetForms},
	}
	data := export(t, catalog.Builtin())
	for _, tt := range tests {
		t.Run(tt.sheet, func(t *testing.T) {
			im := Read("chi-tieu.xlsx", tabletest.CutSheet(t, data, tt.part, tt.at))
			if got := codes(im.Findings); !slices.Equal(got, []string{"corrupt-file@" + tt.sheet}) {
				t.Fatalf("findings %v", got)
			}
			if im.Valid() || im.Indicators != nil || im.Rules != nil || im.Organisations != nil || im.AwardForms != nil {
				t.Errorf("valid %v, indicators %d: a damaged workbook must give no catalog", im.Valid(), len(im.Indicators))
			}
			if f := im.Findings[0]; !strings.Contains(f.Text.VI, "bị hỏng hoặc bị cắt cụt") {
				t.Errorf("message %q", f.Text.VI)
			}
		})
	}
}

func TestFindings(t *testing.T) {
	c := catalog.Builtin()
	tests := []struct {
		name string
		edit func(c *catalog.Catalog)
		want []string
	}{
		{"bad code", func(c *catalog.Catalog) { c.Indicators[1].Code = "tt buổi" }, []string{"constraint-error@Chỉ tiêu!A3", "constraint-error@Quy tắc!A4"}},               // the rule on MH_HIEUQUA too
		{"duplicate code", func(c *catalog.Catalog) { c.Indicators[2].Code = c.Indicators[0].Code }, []string{"constraint-error@Quy tắc!A2", "duplicate-row@Chỉ tiêu!A4"}}, // TT_BUOI's row is gone
		{"bad aggregation", func(c *catalog.Catalog) { c.Indicators[0].Agg = "trung bình" }, []string{"constraint-error@Chỉ tiêu!D2", "constraint-error@Quy tắc!A4"}},
		{"rule on an unknown code", func(c *catalog.Catalog) { c.Rules[0].Left = "KHONG_CO" }, []string{"constraint-error@Quy tắc!A2"}},
		{"duplicate organisation", func(c *catalog.Catalog) { c.Organisations[1] = "công  an" }, []string{"duplicate-row@Tổ chức!A3"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cc := *c
			cc.Indicators = slices.Clone(c.Indicators)
			cc.Rules = slices.Clone(c.Rules)
			cc.Organisations = slices.Clone(c.Organisations)
			tt.edit(&cc)
			im := Read("chi-tieu.xlsx", export(t, &cc))
			if got := codes(im.Findings); !slices.Equal(got, tt.want) || im.Valid() {
				t.Errorf("findings %v, want %v", got, tt.want)
			}
		})
	}
}

func TestNoIndicatorSheet(t *testing.T) {
	f, err := excelize.OpenReader(bytes.NewReader(export(t, catalog.Builtin())))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := f.SetSheetName(SheetIndicators, "Chi tieu cu"); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	im := Read("chi-tieu.xlsx", buf.Bytes())
	if got := codes(im.Findings); !slices.Equal(got, []string{"no-table@"}) {
		t.Errorf("findings %v", got)
	}
}
