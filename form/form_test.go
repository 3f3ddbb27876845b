package form

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/tongket/tongket/catalog"
	"github.com/tongket/tongket/submission"
)

func template(code, name string) Template {
	return Template{UnitCode: code, UnitName: name, From: 2019, To: 2024, Indicators: catalog.Builtin().Indicators}
}

func write(t *testing.T, tm Template) *excelize.File {
	t.Helper()
	var buf bytes.Buffer
	if err := tm.Write(&buf); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func TestCell(t *testing.T) {
	tm := template("X", "Y")
	tests := []struct {
		code string
		year int
		want string
		ok   bool
	}{
		{tm.Indicators[0].Code, 2019, "E6", true},
		{tm.Indicators[0].Code, 2024, "J6", true},
		{tm.Indicators[17].Code, 2020, "F23", true},
		{tm.Indicators[0].Code, 2018, "", false},
		{tm.Indicators[0].Code, 2025, "", false},
		{"NOPE", 2020, "", false},
	}
	for _, tt := range tests {
		got, ok := tm.Cell(tt.code, tt.year)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Cell(%s, %d) = %q %v, want %q %v", tt.code, tt.year, got, ok, tt.want, tt.ok)
		}
	}
	if tm.NoteColumn() != "K" {
		t.Errorf("note column %s", tm.NoteColumn())
	}
}

func TestFileName(t *testing.T) {
	for code, want := range map[string]string{
		"HP-HONGBANG": "bieu-mau-HP-HONGBANG-2019-2024.xlsx",
		"00005":       "bieu-mau-00005-2019-2024.xlsx",
		`A/B\C:D`:     "bieu-mau-A-B-C-D-2019-2024.xlsx",
		"..":          "bieu-mau-don-vi-2019-2024.xlsx",
	} {
		if got := FileName(code, 2019, 2024); got != want {
			t.Errorf("FileName(%q) = %q, want %q", code, got, want)
		}
	}
}

func TestWriteRefuses(t *testing.T) {
	for name, tm := range map[string]Template{
		"no code":       {From: 2019, To: 2024, Indicators: catalog.Builtin().Indicators},
		"reversed":      {UnitCode: "X", From: 2024, To: 2019, Indicators: catalog.Builtin().Indicators},
		"no indicators": {UnitCode: "X", From: 2019, To: 2024},
		"too long":      {UnitCode: "X", From: 1980, To: 2100, Indicators: catalog.Builtin().Indicators},
		"a code twice":  {UnitCode: "X", From: 2019, To: 2024, Indicators: append(catalog.Builtin().Indicators[:2:2], catalog.Builtin().Indicators[0])},
	} {
		if err := tm.Write(&bytes.Buffer{}); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// TestStructure: sheets, the hidden _tongket sheet, text cells for codes,
// validation on every value cell, protection and locking.
func TestStructure(t *testing.T) {
	tm := template("00005", "Quận Hồng Bàng")
	f := write(t, tm)
	if got := strings.Join(f.GetSheetList(), "|"); got != DataSheet+"|"+GuideSheet+"|"+MetaSheet {
		t.Fatalf("sheets %s", got)
	}
	if v, _ := f.GetSheetVisible(MetaSheet); v {
		t.Error("_tongket is visible")
	}
	meta := map[string]string{"A1": "version", "B1": "1", "A2": "unit_code", "B2": "00005", "A3": "unit_name", "B3": "Quận Hồng Bàng", "A4": "years", "B4": "2019-2024"}
	for cell, want := range meta {
		if got, _ := f.GetCellValue(MetaSheet, cell); got != want {
			t.Errorf("_tongket!%s = %q, want %q", cell, got, want)
		}
	}
	for _, c := range []struct{ sheet, cell string }{{MetaSheet, "B1"}, {MetaSheet, "B2"}, {DataSheet, "C3"}} {
		if typ, _ := f.GetCellType(c.sheet, c.cell); typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
			t.Errorf("%s!%s is not a text cell: %v", c.sheet, c.cell, typ)
		}
	}
	if v, _ := f.GetCellValue(DataSheet, "C3"); v != "00005" {
		t.Errorf("code cell %q", v)
	}

	dvs, err := f.GetDataValidations(DataSheet)
	if err != nil {
		t.Fatal(err)
	}
	bySqref := map[string]*excelize.DataValidation{}
	for _, dv := range dvs {
		bySqref[dv.Sqref] = dv
		if !dv.AllowBlank || dv.Operator != "greaterThanOrEqual" || dv.Formula1 != "0" ||
			dv.ErrorStyle == nil || *dv.ErrorStyle != "stop" || !dv.ShowErrorMessage || !dv.ShowInputMessage {
			t.Errorf("validation %s: %+v", dv.Sqref, dv)
		}
		for _, s := range []*string{dv.PromptTitle, dv.ErrorTitle} {
			if s == nil || utf16Len(*s) > 32 {
				t.Errorf("validation %s: title %v over 32 characters", dv.Sqref, s)
			}
		}
		for _, s := range []*string{dv.Prompt, dv.Error} {
			if s == nil || utf16Len(*s) > MaxMessage || !strings.Contains(*s, "trống") {
				t.Errorf("validation %s: message %v", dv.Sqref, s)
			}
		}
	}
	for i, ind := range tm.Indicators {
		first, _ := tm.Cell(ind.Code, tm.From)
		last, _ := tm.Cell(ind.Code, tm.To)
		dv := bySqref[first+":"+last]
		if dv == nil {
			t.Errorf("row %d (%s): no validation on %s:%s", i+6, ind.Code, first, last)
			continue
		}
		want := "whole"
		if ind.Kind == catalog.Money {
			want = "decimal"
		}
		if dv.Type != want {
			t.Errorf("%s: validation %s, want %s", ind.Code, dv.Type, want)
		}
	}
	if len(dvs) != len(tm.Indicators) {
		t.Errorf("%d validations for %d indicators", len(dvs), len(tm.Indicators))
	}

	for _, sh := range []string{DataSheet, GuideSheet} {
		p, err := f.GetSheetProtection(sh)
		if err != nil {
			t.Fatal(err)
		}
		if !p.SelectUnlockedCells || p.InsertRows || p.DeleteRows || p.InsertColumns || p.DeleteColumns || p.FormatCells {
			t.Errorf("%s protection %+v", sh, p)
		}
	}
	locked := func(cell string) bool {
		id, err := f.GetCellStyle(DataSheet, cell)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		return st.Protection == nil || st.Protection.Locked
	}
	for _, cell := range []string{"A1", "C3", "A5", "E5", "B6", "C6", "D23"} {
		if !locked(cell) {
			t.Errorf("%s is not locked", cell)
		}
	}
	for _, ind := range tm.Indicators {
		for _, y := range tm.Years() {
			if c, _ := tm.Cell(ind.Code, y); locked(c) {
				t.Errorf("value cell %s is locked", c)
			}
		}
		row := strings.TrimLeft(mustCell(tm, ind.Code), "ABCDEFGHIJ")
		if locked(tm.NoteColumn() + row) {
			t.Errorf("note cell %s%s is locked", tm.NoteColumn(), row)
		}
	}
	if guide, _ := f.GetRows(GuideSheet); len(guide) < len(Guide) {
		t.Errorf("guide has %d rows", len(guide))
	}
}

func mustCell(tm Template, code string) string {
	c, _ := tm.Cell(code, tm.From)
	return c
}

// TestReadBack: a blank template reads with no finding and no figure; a
// filled one gives exactly the figures written, empty cells missing.
func TestReadBack(t *testing.T) {
	tm := template("HP-TEST", "Quận Thử")
	cat := catalog.Builtin()
	var buf bytes.Buffer
	if err := tm.Write(&buf); err != nil {
		t.Fatal(err)
	}
	blank := submission.ReadBytes("blank.xlsx", buf.Bytes(), submission.Options{Catalog: cat})
	if len(blank.Findings) != 0 || len(blank.Figures) != 0 || blank.Template != Version {
		t.Fatalf("blank template: findings %+v, %d figures, template %q", blank.Findings, len(blank.Figures), blank.Template)
	}
	if u := blank.Units[0]; u.Code != "HP-TEST" || u.Name != "Quận Thử" {
		t.Fatalf("unit %+v", u)
	}

	f, _ := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	defer f.Close()
	want := map[string]int64{} // "CODE/year" → hundredths
	for i, ind := range tm.Indicators {
		for _, y := range tm.Years() {
			if (i+y)%7 == 0 {
				continue // not reported
			}
			c, _ := tm.Cell(ind.Code, y)
			var v any = (i + 1) * (y - 2000)
			h := int64((i+1)*(y-2000)) * 100
			if ind.Kind == catalog.Money {
				v, h = float64(h+25)/100, h+25
			}
			if err := f.SetCellValue(DataSheet, c, v); err != nil {
				t.Fatal(err)
			}
			want[ind.Code+"/"+strconv.Itoa(y)] = h
		}
	}
	var filled bytes.Buffer
	if _, err := f.WriteTo(&filled); err != nil {
		t.Fatal(err)
	}
	sub := submission.ReadBytes("filled.xlsx", filled.Bytes(), submission.Options{Catalog: cat})
	if len(sub.Findings) != 0 {
		t.Fatalf("findings: %+v", sub.Findings)
	}
	got := map[string]int64{}
	for _, fg := range sub.Figures {
		got[fg.Indicator+"/"+strconv.Itoa(int(fg.Year))] = fg.Value
	}
	if len(got) != len(want) {
		t.Fatalf("%d figures read, %d written", len(got), len(want))
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: read %d, wrote %d", k, got[k], v)
		}
	}
}

func TestFit(t *testing.T) {
	long := strings.Repeat("chỉ tiêu ", 60)
	if got := fit(long); utf16Len(got) > MaxMessage || !strings.HasSuffix(got, "…") {
		t.Errorf("fit: %d units", utf16Len(got))
	}
	if fit("ngắn") != "ngắn" {
		t.Error("short message changed")
	}
}
