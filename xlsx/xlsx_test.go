package xlsx

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The fixtures come from other writers (testdata/gen.py: openpyxl and
// LibreOffice; testdata/genexcelize: excelize) so the reader is held to
// what real programs write, not to its own idea of the format.
func TestFixtures(t *testing.T) {
	lo := map[string]string{
		"Số liệu": lines(
			`A1 text "1.234"`,
			`B1 number "1.234"`,
			`C1 text "Tổng cộng chung"`, // rich text runs
			`D1 number "0.001"`,
			`A2 number "2.468" F`,
			`B2 error "#DIV/0!" F`,
			`C2 text "1.234x" F`,
			`D2 text "" F`, // t="str" with an empty <v>: a cached ""
			`E2 bool "TRUE" F`,
			`B3 text "  hai  khoảng  "`,
			`C3 number "0"`,
		),
		"Ẩn": lines(`A1 text "bí mật"`),
	}
	tests := []struct {
		file   string
		sheets []Sheet
		cells  map[string]string // sheet name → dump
	}{
		{
			file:   "libreoffice.xlsx",
			sheets: []Sheet{{Name: "Số liệu", Index: 0}, {Name: "Ẩn", Hidden: true, Index: 1}},
			cells:  lo,
		},
		{
			file:   "libreoffice.xlsm",
			sheets: []Sheet{{Name: "Số liệu", Index: 0}, {Name: "Ẩn", Hidden: true, Index: 1}},
			cells:  lo,
		},
		{
			file: "openpyxl.xlsx",
			// Hidden first, chartsheet (index 2) skipped, very hidden last.
			sheets: []Sheet{{Name: "Ẩn", Hidden: true, Index: 0}, {Name: "Data", Index: 1}, {Name: "VeryHidden", Hidden: true, Index: 3}},
			cells: map[string]string{
				"Ẩn": lines(`A1 text "bí mật"`),
				"Data": lines(
					`A1 text "1.234"`, // inline string
					`B1 number "1.234"`,
					`C1 number "1234"`,
					`D1 bool "TRUE"`,
					`E1 error "#N/A"`,
					`F1 text "dòng 1\r\ndòng 2"`,
					`G1 text "  khoảng trắng  "`,
					`H1 number "0.001"`,
					`I1 text "2024-01-31"`, // t="d"
					`J1 bool "FALSE"`,
					`A2 blank "" F nocache`, // openpyxl writes <f> and an empty <v/>
					`B2 blank "" F nocache`,
					`C2 blank "" F nocache`,
					`D2 blank "" F nocache`,
					`E2 blank "" F nocache`,
					`B4 text "after a gap"`,
				),
				"VeryHidden": lines(`A1 number "1"`),
			},
		},
		{
			file:   "excelize.xlsx",
			sheets: []Sheet{{Name: "Data", Index: 0}, {Name: "Stream", Index: 1}, {Name: "Hidden", Hidden: true, Index: 2}},
			cells: map[string]string{
				"Data": lines(
					`A1 text "1.234"`,
					`B1 number "1.234"`,
					`C1 number "1234"`,
					`D1 bool "TRUE"`,
					`E1 text "Tiếng Việt"`,
					`F1 text "a\r\nb"`,
					`A2 blank "" F nocache`, // excelize: t="str" and no <v>
					`B2 blank "" F nocache`,
				),
				"Stream": lines(
					`A1 text "1.234"`,
					`B1 number "1.234"`,
					`C1 number "2.468" F`, // the stream writer caches formula values
					`D1 bool "TRUE"`,
					`B3 text "gap"`,
				),
				"Hidden": lines(`A1 text "x"`),
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			b, err := openFile(filepath.Join("testdata", tt.file), Limits{})
			if err != nil {
				t.Fatal(err)
			}
			defer b.Close()
			got := b.Sheets()
			if !equalSheets(got, tt.sheets) {
				t.Fatalf("Sheets() = %+v, want %+v", got, tt.sheets)
			}
			for _, s := range got {
				d, err := dump(t, b, s)
				if err != nil {
					t.Fatalf("Rows(%s): %v", s.Name, err)
				}
				if d != tt.cells[s.Name] {
					t.Errorf("sheet %s:\n%s\nwant:\n%s", s.Name, d, tt.cells[s.Name])
				}
			}
		})
	}
}

func equalSheets(a, b []Sheet) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestCalc(t *testing.T) {
	tests := []struct {
		file, sheet, ref string
		want             string
		wantErr          string // FormulaError value, or "error" for another error
	}{
		{"openpyxl.xlsx", "Data", "A2", "2.468", ""},
		{"openpyxl.xlsx", "Data", "B2", "", "#DIV/0!"},
		{"openpyxl.xlsx", "Data", "C2", "1.234x", ""},
		{"openpyxl.xlsx", "Data", "D2", "1235.234", ""},
		{"openpyxl.xlsx", "Data", "E2", "", "#VALUE!"}, // unknown function, as excelize reports it
		{"openpyxl.xlsx", "Nope", "A1", "", "error"},
		{"openpyxl.xlsx", "Data", "not a ref", "", "error"},
		{"excelize.xlsx", "Data", "A2", "2.468", ""},
		{"excelize.xlsx", "Data", "B2", "", "#DIV/0!"},
	}
	books := map[string]*Book{}
	for _, f := range []string{"openpyxl.xlsx", "excelize.xlsx"} {
		// One from a path, one from memory: both ways of opening excelize.
		var b *Book
		var err error
		if f == "openpyxl.xlsx" {
			b, err = openFile(filepath.Join("testdata", f), Limits{})
		} else {
			data, rerr := os.ReadFile(filepath.Join("testdata", f))
			if rerr != nil {
				t.Fatal(rerr)
			}
			b, err = openBytes(t, data, Limits{})
		}
		if err != nil {
			t.Fatal(err)
		}
		defer b.Close()
		books[f] = b
	}
	for _, tt := range tests {
		t.Run(tt.file+"/"+tt.sheet+"!"+tt.ref, func(t *testing.T) {
			got, err := books[tt.file].Calc(Sheet{Name: tt.sheet}, tt.ref)
			var fe *FormulaError
			switch {
			case tt.wantErr == "" && err != nil:
				t.Fatalf("Calc: %v", err)
			case tt.wantErr == "error":
				if err == nil || errors.As(err, &fe) {
					t.Fatalf("Calc = %q, %v; want a plain error", got, err)
				}
			case tt.wantErr != "":
				if !errors.As(err, &fe) || fe.Value != tt.wantErr {
					t.Fatalf("Calc = %q, %v; want FormulaError %s", got, err, tt.wantErr)
				}
			case got != tt.want:
				t.Fatalf("Calc = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestCrafted covers what the fixture writers do not produce, with sheet
// XML written by hand the way Excel and rarer writers do.
func TestCrafted(t *testing.T) {
	tests := []struct {
		name, rows, sst string
		raw             string // whole sheet XML instead of rows
		want            string
		wantCode        string // ContainerError code from Rows
	}{
		{
			name: "no r attributes",
			rows: `<row><c t="s"><v>0</v></c><c><v>2</v></c></row>` +
				`<row r="5"><c><v>3</v></c><c r="D5"><v>4</v></c><c><v>5</v></c></row>` +
				`<row><c><v>6</v></c></row>`,
			sst:  `<si><t>a</t></si>`,
			want: lines(`A1 text "a"`, `B1 number "2"`, `A5 number "3"`, `D5 number "4"`, `E5 number "5"`, `A6 number "6"`),
		},
		{
			name: "row number from the cells",
			rows: `<row><c r="C7"><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c></row>`,
			want: lines(`C7 number "1"`, `D7 number "2"`, `A8 number "3"`),
		},
		{
			name: "shared formulas as Excel writes them",
			rows: `<row r="2"><c r="A2"><v>2</v></c><c r="B2"><f t="shared" ref="B2:B3" si="0">A2*2</f><v>4</v></c></row>` +
				`<row r="3"><c r="A3"><v>3</v></c><c r="B3"><f t="shared" si="0"/><v>6</v></c></row>` +
				`<row r="4"><c r="B4"><f t="shared" si="0"/></c></row>`,
			want: lines(`A2 number "2"`, `B2 number "4" F`, `A3 number "3"`, `B3 number "6" F`, `B4 blank "" F nocache`),
		},
		{
			name: "rich text, phonetic runs and escapes in shared strings",
			rows: `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v> 2 </v></c><c r="D1" t="s"><v>3</v></c></row>`,
			sst: `<si><r><t>Tổng</t></r><r><rPr><b/></rPr><t xml:space="preserve"> cộng</t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh><phoneticPr fontId="1"/></si>` +
				`<si><t>a_x000D_b_x005F_x000D_ _xD83D__xDE00_</t></si>` +
				`<si><t/></si>` +
				`<si><t xml:space="preserve">  x &amp; &lt;y&gt; &#7843;  </t></si>`,
			want: lines(`A1 text "Tổng cộng"`, `B1 text "a\rb_x000D_ 😀"`, `C1 text ""`, `D1 text "  x & <y> ả  "`),
		},
		{
			name: "inline strings",
			rows: `<row r="1"><c r="A1" t="inlineStr"><is><t>plain</t></is></c>` +
				`<c r="B1" t="inlineStr"><is><r><t>ri</t></r><r><rPr><i/></rPr><t>ch</t></r><rPh><t>no</t></rPh></is></c>` +
				`<c r="C1" t="inlineStr"><is><t><![CDATA[<cdata> & more]]></t></is></c>` +
				`<c r="D1" t="inlineStr"><is><t>line_x000A_two</t></is></c></row>`,
			want: lines(`A1 text "plain"`, `B1 text "rich"`, `C1 text "<cdata> & more"`, `D1 text "line\ntwo"`),
		},
		{
			name: "empty values and formulas",
			rows: `<row r="1"><c r="A1"><v/></c><c r="B1" s="3"/><c r="C1"><f>1+1</f><v/></c>` +
				`<c r="D1" t="str"><f>""</f><v></v></c><c r="E1" t="e"><f>1/0</f><v>#DIV/0!</v></c>` +
				`<c r="F1" t="s"><v></v></c><c r="G1" t="b"><v>true</v></c><c r="H1" t="b"><v>0</v></c></row>` +
				`<row r="2" spans="1:3"><c r="A2" s="1"/></row>`,
			want: lines(`C1 blank "" F nocache`, `D1 text "" F`, `E1 error "#DIV/0!" F`, `G1 bool "TRUE"`, `H1 bool "FALSE"`),
		},
		{
			name: "numbers stay as stored",
			rows: `<row r="1"><c r="A1" t="n"><v>1E-3</v></c><c r="B1"><v>-0</v></c><c r="C1"><v>1234567890.1234501</v></c><c r="D1" t="d"><v>2024-01-31T00:00:00</v></c></row>`,
			want: lines(`A1 number "1E-3"`, `B1 number "-0"`, `C1 number "1234567890.1234501"`, `D1 text "2024-01-31T00:00:00"`),
		},
		{
			name: "cells out of order are sorted",
			rows: `<row r="1"><c r="C1"><v>3</v></c><c r="A1"><v>1</v></c><c r="AA1"><v>27</v></c><c r="B1"><v>2</v></c></row>`,
			want: lines(`A1 number "1"`, `B1 number "2"`, `C1 number "3"`, `AA1 number "27"`),
		},
		{
			name: "prefixed namespace, pretty printed",
			raw: "<?xml version=\"1.0\"?>\n<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">\n" +
				"  <x:sheetData>\n    <x:row r=\"3\">\n      <x:c r=\"B3\" t=\"s\">\n        <x:v>0</x:v>\n      </x:c>\n" +
				"      <x:c r=\"C3\" t=\"inlineStr\"><x:is><x:t>in</x:t></x:is></x:c>\n    </x:row>\n  </x:sheetData>\n</x:worksheet>\n",
			sst:  `<si><t>shared</t></si>`,
			want: lines(`B3 text "shared"`, `C3 text "in"`),
		},
		{
			name: "byte order mark",
			raw:  "\xEF\xBB\xBF" + sheetXML(`<row r="1"><c r="A1"><v>1</v></c></row>`),
			want: lines(`A1 number "1"`),
		},
		{
			name: "no sheetData",
			raw:  `<worksheet ` + nsMain + `><dimension ref="A1"/></worksheet>`,
			want: "",
		},
		{
			name:     "bad shared string index",
			rows:     `<row r="1"><c r="A1" t="s"><v>5</v></c></row>`,
			sst:      `<si><t>a</t></si>`,
			wantCode: CodeCorrupt,
		},
		{
			name:     "bad cell reference",
			rows:     `<row r="1"><c r="1A"><v>5</v></c></row>`,
			wantCode: CodeCorrupt,
		},
		{
			name:     "row number out of range",
			rows:     `<row r="1048577"><c><v>5</v></c></row>`,
			wantCode: CodeCorrupt,
		},
		{
			name:     "XML syntax error",
			rows:     `<row r="1"><c r="A1"><v>5</v></c></row><row r="2"><c r="A2" <v>`,
			wantCode: CodeCorrupt,
		},
		{
			name:     "XML cut short at a tag boundary",
			raw:      `<worksheet ` + nsMain + `><sheetData><row r="1"><c r="A1"><v>5</v></c></row>`,
			wantCode: CodeCorrupt,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := tt.raw
			if x == "" {
				x = sheetXML(tt.rows)
			}
			b, err := openBytes(t, makeZip(t, skeleton(x, tt.sst)...), Limits{})
			if err != nil {
				t.Fatal(err)
			}
			defer b.Close()
			got, err := dump(t, b, b.Sheets()[0])
			if tt.wantCode != "" {
				var ce *ContainerError
				if !errors.As(err, &ce) || ce.Code != tt.wantCode {
					t.Fatalf("Rows error = %v, want code %s", err, tt.wantCode)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

// TestPackage covers how the workbook finds its sheets.
func TestPackage(t *testing.T) {
	sheet := sheetXML(`<row r="1"><c r="A1"><v>1</v></c></row>`)
	wbRels := func(rels string) part {
		return part{name: "xl/_rels/workbook.xml.rels", body: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + rels + `</Relationships>`}
	}
	rel := func(id, typ, target string) string {
		return `<Relationship Id="` + id + `" Type="` + relT + typ + `" Target="` + target + `"/>`
	}
	workbook := func(sheets string) part {
		return part{name: "xl/workbook.xml", body: `<workbook ` + nsMain + ` ` + nsRel + `><sheets>` + sheets + `</sheets></workbook>`}
	}
	tests := []struct {
		name     string
		parts    []part
		want     []Sheet
		wantCode string
	}{
		{
			name: "absolute and odd-case targets, chartsheet skipped",
			parts: []part{
				workbook(`<sheet name="Chart" sheetId="1" r:id="rId1"/><sheet name="A" sheetId="2" state="veryHidden" r:id="rId2"/><sheet name="B" sheetId="3" state="visible" r:id="rId3"/>`),
				wbRels(rel("rId1", "chartsheet", "chartsheets/sheet1.xml") + rel("rId2", "worksheet", "/xl/worksheets/sheet1.xml") + rel("rId3", "worksheet", "Worksheets/../worksheets/Sheet2.xml")),
				{name: "xl/worksheets/sheet1.xml", body: sheet},
				{name: "xl/worksheets/sheet2.xml", body: sheet},
				{name: "xl/chartsheets/sheet1.xml", body: `<chartsheet/>`},
			},
			want: []Sheet{{Name: "A", Hidden: true, Index: 1}, {Name: "B", Index: 2}},
		},
		{
			name: "workbook found through the package relationships",
			parts: []part{
				{name: "_rels/.rels", body: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + rel("rId1", "officeDocument", "/book/main.xml") + `</Relationships>`},
				{name: "book/main.xml", body: `<workbook ` + nsMain + ` ` + nsRel + `><sheets><sheet name="S" sheetId="1" r:id="r1"/></sheets></workbook>`},
				{name: "book/_rels/main.xml.rels", body: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + rel("r1", "worksheet", "s.xml") + `</Relationships>`},
				{name: "book/s.xml", body: sheet},
			},
			want: []Sheet{{Name: "S"}},
		},
		{
			name: "backslashes in entry names",
			parts: []part{
				workbook(`<sheet name="S" sheetId="1" r:id="rId1"/>`),
				wbRels(rel("rId1", "worksheet", "worksheets/sheet1.xml")),
				{name: `xl\worksheets\sheet1.xml`, body: sheet},
			},
			want: []Sheet{{Name: "S"}},
		},
		{
			name: "missing sheet part",
			parts: []part{
				workbook(`<sheet name="S" sheetId="1" r:id="rId1"/>`),
				wbRels(rel("rId1", "worksheet", "worksheets/sheet9.xml")),
			},
			wantCode: CodeCorrupt,
		},
		{
			name:     "zip without a workbook",
			parts:    []part{{name: "hello.txt", body: "hi"}},
			wantCode: CodeCorrupt,
		},
		{
			name:     "xlsb",
			parts:    []part{{name: "xl/workbook.bin", body: "\x00"}},
			wantCode: CodeNotXLSX,
		},
		{
			name: "damaged workbook XML",
			parts: []part{
				workbook(`<sheet name="S" sheetId="1" r:id="rId1"`),
			},
			wantCode: CodeCorrupt,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := openBytes(t, makeZip(t, tt.parts...), Limits{})
			if tt.wantCode != "" {
				var ce *ContainerError
				if !errors.As(err, &ce) || ce.Code != tt.wantCode {
					t.Fatalf("Open error = %v, want code %s", err, tt.wantCode)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			defer b.Close()
			if got := b.Sheets(); !equalSheets(got, tt.want) {
				t.Fatalf("Sheets() = %+v, want %+v", got, tt.want)
			}
			for _, s := range b.Sheets() {
				if d, err := dump(t, b, s); err != nil || d != lines(`A1 number "1"`) {
					t.Errorf("sheet %s: %q, %v", s.Name, d, err)
				}
			}
		})
	}
}

func TestContainerErrors(t *testing.T) {
	read := func(name string) []byte {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	good := read("libreoffice.xlsx")
	cfb := func(extra string) []byte {
		b := append([]byte{}, cfbMagic...)
		b = append(b, make([]byte, 504)...)
		return append(b, extra...)
	}
	ps := skeleton(sheetXML(`<row r="1"><c r="A1"><v>12345</v></c></row>`), "")
	ps[len(ps)-1].store = true
	stored := makeZip(t, ps...)
	badCRC := bytes.Replace(stored, []byte("12345"), []byte("12346"), 1)
	tests := []struct {
		name       string
		data       []byte
		lim        Limits
		code       string
		detail     string
		atRows     bool // the error comes from Rows, not Open
		detailPart string
	}{
		{name: "xls", data: read("libreoffice.xls"), code: CodeNotXLSX, detail: "xls"},
		{name: "ods", data: read("libreoffice.ods"), code: CodeNotXLSX, detail: "ods"},
		{name: "csv renamed", data: read("csv_renamed.xlsx"), code: CodeNotXLSX, detail: "csv"},
		{name: "semicolon csv", data: []byte("a;b;c\n1;2;3\n4;5;6\n"), code: CodeNotXLSX, detail: "csv"},
		{name: "text renamed", data: read("text_renamed.xlsx"), code: CodeNotXLSX, detail: "text"},
		{name: "html table", data: []byte("<html><body><table><tr><td>1</td></tr></table></body></html>\n"), code: CodeNotXLSX, detail: "text"},
		{name: "binary", data: []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"), code: CodeNotXLSX, detail: "unknown"},
		{name: "encrypted by LibreOffice", data: read("encrypted.xlsx"), code: CodeEncrypted},
		{name: "crafted encrypted CFB", data: cfb(string(utf16le("EncryptionInfo"))), code: CodeEncrypted},
		{name: "crafted CFB without EncryptionInfo", data: cfb(string(utf16le("Workbook"))), code: CodeNotXLSX, detail: "xls"},
		{name: "empty", data: []byte{}, code: CodeCorrupt},
		{name: "truncated zip", data: good[:len(good)/2], code: CodeCorrupt},
		{name: "zip cut by one byte", data: good[:len(good)-1], code: CodeCorrupt},
		{name: "checksum error", data: badCRC, code: CodeCorrupt, atRows: true},
		{name: "file over MaxFileBytes", data: good, lim: Limits{MaxFileBytes: 1000}, code: CodeTooLarge},
		{name: "parts over MaxUncompressed", data: good, lim: Limits{MaxUncompressed: 2000}, code: CodeTooLarge},
		{name: "rows over MaxRows", data: good, lim: Limits{MaxRows: 2}, code: CodeTooLarge, atRows: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := openBytes(t, tt.data, tt.lim)
			if tt.atRows {
				if err != nil {
					t.Fatalf("Open: %v", err)
				}
				defer b.Close()
				for _, s := range b.Sheets() {
					if err = b.Rows(s, func(Row) error { return nil }); err != nil {
						break
					}
				}
			}
			var ce *ContainerError
			if !errors.As(err, &ce) {
				t.Fatalf("error = %v (%T), want a ContainerError", err, err)
			}
			if ce.Code != tt.code || tt.detail != "" && ce.Detail != tt.detail {
				t.Fatalf("error = %v, want code %s detail %q", err, tt.code, tt.detail)
			}
			if !strings.HasPrefix(ce.Error(), "xlsx: "+tt.code) {
				t.Errorf("Error() = %q", ce.Error())
			}
		})
	}
}

func TestRowsCallback(t *testing.T) {
	b, err := openFile(filepath.Join("testdata", "libreoffice.xlsx"), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	stop := errors.New("stop")
	n := 0
	err = b.Rows(Sheet{Name: "số LIỆU"}, func(r Row) error { // names match case-insensitively
		n++
		return stop
	})
	if err != stop || n != 1 {
		t.Fatalf("Rows = %v after %d rows, want the callback's error after 1", err, n)
	}
	if err := b.Rows(Sheet{Name: "nope"}, func(Row) error { return nil }); err == nil {
		t.Fatal("Rows on a missing sheet: no error")
	}
	// By index when no name is given.
	if d, err := dump(t, b, Sheet{Index: 1}); err != nil || d != lines(`A1 text "bí mật"`) {
		t.Fatalf("Rows by index: %q %v", d, err)
	}
}

func TestColumnName(t *testing.T) {
	for col, want := range map[int]string{0: "", -1: "", 1: "A", 26: "Z", 27: "AA", 52: "AZ", 53: "BA", 702: "ZZ", 703: "AAA", 16384: "XFD"} {
		if got := ColumnName(col); got != want {
			t.Errorf("ColumnName(%d) = %q, want %q", col, got, want)
		}
		if col > 0 {
			if c, r, err := ParseRef(want + "7"); err != nil || c != col || r != 7 {
				t.Errorf("ParseRef(%s7) = %d, %d, %v", want, c, r, err)
			}
		}
	}
}

func TestParseRef(t *testing.T) {
	tests := []struct {
		ref      string
		col, row int
		ok       bool
	}{
		{"F12", 6, 12, true}, {"f12", 6, 12, true}, {"$F$12", 6, 12, true}, {"XFD1048576", 16384, 1048576, true},
		{"", 0, 0, false}, {"F", 0, 0, false}, {"12", 0, 0, false}, {"F0", 0, 0, false}, {"1F", 0, 0, false},
		{"XFE1", 0, 0, false}, {"A1048577", 0, 0, false}, {"A1B", 0, 0, false}, {"A-1", 0, 0, false}, {"$$A1", 0, 0, false},
	}
	for _, tt := range tests {
		c, r, err := ParseRef(tt.ref)
		if (err == nil) != tt.ok || c != tt.col || r != tt.row {
			t.Errorf("ParseRef(%q) = %d, %d, %v", tt.ref, c, r, err)
		}
	}
}

func TestUnescape(t *testing.T) {
	tests := map[string]string{
		"":                       "",
		"plain":                  "plain",
		"_x000D_":                "\r",
		"a_x000d_b":              "a\rb",
		"_x005F_x000D_":          "_x000D_",
		"_x00":                   "_x00",
		"_xZZZZ_":                "_xZZZZ_",
		"_x1EA1_":                "ạ",
		"_xD83D__xDE00_":         "😀",
		"_xD83D_":                "\uFFFD",
		"_xDE00_x":               "\uFFFDx",
		"x_x0009__x000A__x000D_": "x\t\n\r",
	}
	for in, want := range tests {
		if got := string(unescapeInPlace([]byte(in))); got != want {
			t.Errorf("unescape(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSniffText(t *testing.T) {
	tests := map[string]string{
		"a,b\n1,2\n":                          "csv",
		"a\tb\n1\t2\n":                        "csv",
		"\xEF\xBB\xBFM\xC3\xA3,x\n1,2\n":      "csv",
		"\xFF\xFEa\x00,\x00b\x00\n\x00":       "csv",
		"Hello world\nsecond line\n":          "text",
		"T\xeat Vi\xeat (Windows-1258)\n":     "text",
		"\x00\x01\x02\x03":                    "unknown",
		"\x7fELF\x02\x01\x01\x00\x00\x00\x00": "unknown",
	}
	for in, want := range tests {
		if got := sniffText([]byte(in)); got != want {
			t.Errorf("sniffText(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestConcurrentRows: a Book may be read from several goroutines.
func TestConcurrentRows(t *testing.T) {
	data, _ := benchBook(t, 2000)
	b, err := openBytes(t, data, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	errs := make(chan error, 4)
	for range 4 {
		go func() {
			n := 0
			err := b.Rows(b.Sheets()[0], func(r Row) error {
				n += len(r.Cells)
				return nil
			})
			if err == nil && n != 20000 {
				err = errors.New("wrong cell count")
			}
			errs <- err
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
}
