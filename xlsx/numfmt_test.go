package xlsx

import (
	"fmt"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

func TestParseFormat(t *testing.T) {
	type F = Format
	date := F{Date: true}
	tests := []struct {
		code string
		want Format
	}{
		// Built-ins, by id.
		{builtinFormats[0], F{}},
		{builtinFormats[1], F{IntDigits: 1}},
		{builtinFormats[2], F{IntDigits: 1, Decimals: 2}},
		{builtinFormats[3], F{IntDigits: 1}},
		{builtinFormats[4], F{IntDigits: 1, Decimals: 2}},
		{builtinFormats[9], F{IntDigits: 1, Percent: true}},
		{builtinFormats[10], F{IntDigits: 1, Decimals: 2, Percent: true}},
		{builtinFormats[11], F{IntDigits: 1, Decimals: 2}},
		{builtinFormats[12], F{}},
		{builtinFormats[13], F{}},
		{builtinFormats[14], F{Date: true, MonthFirst: true}},
		{builtinFormats[15], date},
		{builtinFormats[16], date},
		{builtinFormats[17], date},
		{builtinFormats[18], date},
		{builtinFormats[19], date},
		{builtinFormats[20], date},
		{builtinFormats[21], date},
		{builtinFormats[22], F{Date: true, MonthFirst: true}},
		{builtinFormats[37], F{IntDigits: 1}},
		{builtinFormats[38], F{IntDigits: 1}},
		{builtinFormats[39], F{IntDigits: 1, Decimals: 2}},
		{builtinFormats[40], F{IntDigits: 1, Decimals: 2}},
		{builtinFormats[45], date}, // mm:ss is minutes
		{builtinFormats[46], date},
		{builtinFormats[47], date},
		{builtinFormats[48], F{IntDigits: 1, Decimals: 1}},
		{builtinFormats[49], F{Text: true}},

		// Codes seen in submissions.
		{"#,##0.00,,", F{Scale: 2, IntDigits: 1, Decimals: 2}},
		{"#,##0,", F{Scale: 1, IntDigits: 1}},
		{`0.0,,"tr"`, F{Scale: 2, IntDigits: 1, Decimals: 1}},
		{"#,##0", F{IntDigits: 1}},
		{"0%", F{IntDigits: 1, Percent: true}},
		{"0.00%", F{IntDigits: 1, Decimals: 2, Percent: true}},
		{"[$-42A]yyyy", F{Date: true, YearOnly: true}},
		{"[$-vi-VN]yyyy", F{Date: true, YearOnly: true}},
		{"yyyy", F{Date: true, YearOnly: true}},
		{"yy", F{Date: true, YearOnly: true}},
		{`"Năm "yyyy`, F{Date: true, YearOnly: true}},
		{"mm/dd/yyyy", F{Date: true, MonthFirst: true}},
		{"dd/mm/yyyy", date},
		{"[$-409]mmmm d, yyyy", F{Date: true, MonthFirst: true}},
		{"mmm-yy", date},
		{"h:mm", date},
		{"[hh]:mm", date},
		{"dd/mm/yyyy hh:mm:ss", date},
		{"00000", F{IntDigits: 5}},
		{"@", F{Text: true}},
		{`@" (ghi chú)"`, F{Text: true}},
		{"#,##0;[Red]-#,##0", F{IntDigits: 1}},
		{`_(* #,##0_);_(* (#,##0);_(* "-"??_);_(@_)`, F{IntDigits: 1}},
		{`_(* #,##0.00_);_(* \(#,##0.00\);_(* "-"??_);_(@_)`, F{IntDigits: 1, Decimals: 2}},
		{`"năm" 0`, F{IntDigits: 1}},
		{`#,##0.00 "đ"`, F{IntDigits: 1, Decimals: 2}},
		{`#,##0\ "₫"`, F{IntDigits: 1}},
		{`"%"0`, F{IntDigits: 1}},
		{`\%0`, F{IntDigits: 1}},
		{`0"m"`, F{IntDigits: 1}},
		{`\d0`, F{IntDigits: 1}},
		{`*00.0`, F{IntDigits: 1, Decimals: 1}}, // the first 0 is the fill character
		{"[>=100]0;0.00", F{IntDigits: 1}},
		{"[Red]0.00", F{IntDigits: 1, Decimals: 2}},
		{"0.00E-00", F{IntDigits: 1, Decimals: 2}},
		{`General "kg"`, F{}},
		{"", F{}},
		{`"unclosed`, F{}},
		{"[Red", F{}},
		{`0\`, F{IntDigits: 1}},
	}
	for _, tt := range tests {
		got := ParseFormat(tt.code)
		got.Sections, got.Bare, got.Literal = 0, [3]bool{}, [3]string{} // TestShowsNoDigits
		got.Words = ""                                                  // TestFormatWords
		if got != tt.want {
			t.Errorf("ParseFormat(%q) = %+v, want %+v", tt.code, got, tt.want)
		}
	}
}

// TestFormatWords: the words a format writes beside the number, which a
// reader takes for its measure.
func TestFormatWords(t *testing.T) {
	for _, tt := range []struct{ code, words string }{
		{"#,##0", ""},
		{`0.00" nghìn"`, " nghìn"},
		{`0.0000" tỷ"`, " tỷ"},
		{`#,##0\ "₫"`, " ₫"},
		{`#,##0" người";-#,##0" người"`, " người"}, // the first section's
		{`"unclosed`, "unclosed"},
		{`0\`, ""},
	} {
		if got := ParseFormat(tt.code).Words; got != tt.words {
			t.Errorf("ParseFormat(%q).Words = %q, want %q", tt.code, got, tt.words)
		}
	}
}

func TestShowsNoDigits(t *testing.T) {
	type shows struct {
		v     float64
		shown string
		bare  bool
	}
	for _, tt := range []struct {
		code string
		want []shows
	}{
		{"General", []shows{{88, "", false}, {-1, "", false}, {0, "", false}}},
		{"#,##0", []shows{{88, "", false}, {-1, "", false}}},
		{"", []shows{{88, "", false}}},
		{";;;", []shows{{88, "", true}, {-5, "", true}, {0, "", true}}},
		{`"chưa có số liệu"`, []shows{{88, "chưa có số liệu", true}, {-1, "chưa có số liệu", true}, {0, "chưa có số liệu", true}}},
		{`\x\y`, []shows{{3, "xy", true}}},
		{`#,##0;-#,##0;"không tổ chức"`, []shows{{5, "", false}, {-5, "", false}, {0, "không tổ chức", true}}},
		{`#,##0;-#,##0;`, []shows{{0, "", true}, {1, "", false}}},
		{`#,##0;;"x"`, []shows{{-2, "", true}, {0, "x", true}}},
		{`#,##0;"âm"`, []shows{{-2, "âm", true}, {0, "", false}}},
		{`_(* #,##0_);_(* (#,##0);_(* "-"??_);_(@_)`, []shows{{0, "", false}, {-3, "", false}}},
		{`0;-0;;@`, []shows{{0, "", true}, {7, "", false}}},
		{`[Red]"lỗi";0`, []shows{{1, "lỗi", true}, {-1, "", false}}},
		{`[>=1000000]#,##0,,"tr";"nhỏ"`, []shows{{5, "", false}, {5e6, "", false}}}, // conditions: left alone
		{"dd/mm/yyyy", []shows{{45000, "", false}}},
		{"[h]:mm", []shows{{1, "", false}}},
	} {
		f := ParseFormat(tt.code)
		for _, w := range tt.want {
			if shown, bare := f.ShowsNoDigits(w.v); shown != w.shown || bare != w.bare {
				t.Errorf("ParseFormat(%q).ShowsNoDigits(%v) = %q, %v; want %q, %v", tt.code, w.v, shown, bare, w.shown, w.bare)
			}
		}
	}
}

func TestDateSerial(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		serial   float64
		date1904 bool
		want     time.Time
	}{
		{1, false, day(1900, 1, 1)},
		{59, false, day(1900, 2, 28)},
		{61, false, day(1900, 3, 1)},
		{43466, false, day(2019, 1, 1)},
		{45291, false, day(2023, 12, 31)},
		{43466.5, false, day(2019, 1, 1).Add(12 * time.Hour)},
		{0, true, day(1904, 1, 1)},
		{41004, true, day(2016, 4, 6)}, // 42466 in the 1900 system
		{41004.25, true, day(2016, 4, 6).Add(6 * time.Hour)},
	}
	for _, tt := range tests {
		if got := DateSerial(tt.serial, tt.date1904); !got.Equal(tt.want) {
			t.Errorf("DateSerial(%v, %v) = %v, want %v", tt.serial, tt.date1904, got, tt.want)
		}
	}
}

func TestNumFmtFixtures(t *testing.T) {
	// Both writers keep the codes of sheet "Định dạng" (gen_merges.py).
	want := map[string]struct {
		code  string
		value string
	}{
		"A1": {"#,##0.00,,", "504250000"},
		"A2": {"00000", "5"},
		"A3": {"yyyy", "44197"},
		"A4": {"0%", "0.15"},
		"A5": {"mm/dd/yyyy", "45291"},
		"A6": {"#,##0", "1234"},
		"A7": {"0.00", "1.5"},
		"A8": {"[$-42A]yyyy", "44562"},
		"A9": {"@", "7,067"},
	}
	for _, file := range []string{"merges_openpyxl.xlsx", "merges_libreoffice.xlsx"} {
		t.Run(file, func(t *testing.T) {
			b, err := openFile(filepath.Join("testdata", file), Limits{})
			if err != nil {
				t.Fatal(err)
			}
			defer b.Close()
			seen := 0
			err = b.Rows(b.Sheets()[1], func(r Row) error {
				for _, c := range r.Cells {
					w, ok := want[c.Ref]
					if !ok {
						t.Errorf("unexpected cell %s", c.Ref)
						continue
					}
					seen++
					if got := b.NumFmt(c.Style); got != w.code || c.Value != w.value {
						t.Errorf("%s: NumFmt %q, value %q; want %q, %q", c.Ref, got, c.Value, w.code, w.value)
					}
				}
				return nil
			})
			if err != nil || seen != len(want) {
				t.Fatalf("%d cells, %v", seen, err)
			}
			if got := b.NumFmt(0); got != "General" {
				t.Errorf("NumFmt(0) = %q", got)
			}
			if got := b.NumFmt(-1) + b.NumFmt(1<<20); got != "GeneralGeneral" {
				t.Errorf("NumFmt of formats the file lacks = %q", got)
			}
		})
	}
}

// NumFmt without a styles part, with built-in ids and with a custom code
// that replaces a built-in one.
func TestNumFmtBuiltin(t *testing.T) {
	styles := `<styleSheet ` + nsMain + `><numFmts count="2"><numFmt numFmtId="164" formatCode="#,##0.00\ &quot;₫&quot;"/><numFmt numFmtId="14" formatCode="dd/mm/yyyy"/></numFmts>` +
		`<fonts count="1"><font><name val="Arial"/></font></fonts><cellXfs count="7"><xf numFmtId="0" fontId="0"/><xf numFmtId="3" fontId="0"/><xf numFmtId="164" fontId="0"/>` +
		`<xf numFmtId="14" fontId="0"/><xf numFmtId="49"/><xf numFmtId="50"/><xf fontId="0"/></cellXfs><dxfs><dxf><numFmt numFmtId="165" formatCode="0.0"/></dxf></dxfs></styleSheet>`
	ps := append(skeleton(sheetXML(`<row r="1"><c r="A1"><v>1</v></c></row>`), ""), part{name: "xl/styles.xml", body: styles})
	b, err := openBytes(t, makeZip(t, ps...), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	for style, want := range []string{"General", "#,##0", `#,##0.00\ "₫"`, "dd/mm/yyyy", "@", "General", "General"} {
		if got := b.NumFmt(style); got != want {
			t.Errorf("NumFmt(%d) = %q, want %q", style, got, want)
		}
	}
	if got := b.FontName(1); got != "Arial" {
		t.Errorf("FontName(1) = %q: reading formats broke fonts", got)
	}
	plain, err := openBytes(t, makeZip(t, skeleton(sheetXML(``), "")...), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	defer plain.Close()
	if got := plain.NumFmt(0); got != "General" {
		t.Errorf("no styles part: NumFmt(0) = %q", got)
	}
}

func TestWorkbookFlags(t *testing.T) {
	tests := []struct {
		file               string
		date1904, fullCalc bool
	}{
		{"date1904.xlsx", true, true}, // openpyxl always asks for recalculation
		{"merges_openpyxl.xlsx", false, true},
		{"merges_libreoffice.xlsx", false, false}, // date1904="false"
		{"stale_fullcalc.xlsx", false, true},
		{"libreoffice.xlsx", false, false},
	}
	for _, tt := range tests {
		b, err := openFile(filepath.Join("testdata", tt.file), Limits{})
		if err != nil {
			t.Fatal(err)
		}
		if b.Date1904() != tt.date1904 || b.FullCalcOnLoad() != tt.fullCalc {
			t.Errorf("%s: Date1904 %v, FullCalcOnLoad %v; want %v, %v", tt.file, b.Date1904(), b.FullCalcOnLoad(), tt.date1904, tt.fullCalc)
		}
		b.Close()
	}
	// Spellings of xsd:boolean, and <calcPr> after <definedNames>.
	for _, tt := range []struct {
		wb   string
		want bool
	}{
		{`<workbookPr date1904="true"/><sheets>%s</sheets><definedNames><definedName name="x">S!$A$1</definedName></definedNames><calcPr fullCalcOnLoad="true"/>`, true},
		{`<workbookPr date1904=" 1 "/><sheets>%s</sheets><calcPr fullCalcOnLoad="1"/>`, true},
		{`<workbookPr date1904="0"/><sheets>%s</sheets><calcPr fullCalcOnLoad="false"/>`, false},
		{`<workbookPr date1904="TRUE"/><sheets>%s</sheets><calcPr fullCalcOnLoad="t"/>`, true},
		{`<workbookPr date1904="yes"/><sheets>%s</sheets><calcPr fullCalcOnLoad="2"/>`, false},
		{`<sheets>%s</sheets>`, false},
	} {
		ps := skeleton(sheetXML(``), "")
		ps[2].body = `<workbook ` + nsMain + ` ` + nsRel + `>` + fmt.Sprintf(tt.wb, `<sheet name="S" sheetId="1" r:id="rId1"/>`) + `</workbook>`
		b, err := openBytes(t, makeZip(t, ps...), Limits{})
		if err != nil {
			t.Fatal(err)
		}
		if b.Date1904() != tt.want || b.FullCalcOnLoad() != tt.want || len(b.Sheets()) != 1 {
			t.Errorf("%s: Date1904 %v, FullCalcOnLoad %v, %d sheets", tt.wb, b.Date1904(), b.FullCalcOnLoad(), len(b.Sheets()))
		}
		b.Close()
	}
}

// A date read from a 1904 workbook is the date Excel shows.
func TestDate1904Fixture(t *testing.T) {
	b, err := openFile(filepath.Join("testdata", "date1904.xlsx"), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	want := map[string]time.Time{"A1": time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC), "A2": time.Date(2016, 4, 6, 0, 0, 0, 0, time.UTC)}
	err = b.Rows(b.Sheets()[0], func(r Row) error {
		for _, c := range r.Cells {
			v, err := strconv.ParseFloat(c.Value, 64)
			if err != nil {
				return err
			}
			if got := DateSerial(v, b.Date1904()); !got.Equal(want[c.Ref]) {
				t.Errorf("%s = %s (%s), want %v", c.Ref, c.Value, got, want[c.Ref])
			}
			if f := ParseFormat(b.NumFmt(c.Style)); !f.Date || f.YearOnly != (c.Ref == "A1") {
				t.Errorf("%s: format %q reads as %+v", c.Ref, b.NumFmt(c.Style), f)
			}
			delete(want, c.Ref)
		}
		return nil
	})
	if err != nil || len(want) > 0 {
		t.Errorf("%v; not seen: %v", err, want)
	}
}
