package xlsx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"hash/crc32"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
)

// mdump renders MergedRows one cell per line like dump, adding
// " covered" and " merge=E6:F7".
func mdump(t testing.TB, b *Book, s Sheet) (string, error) {
	t.Helper()
	var sb strings.Builder
	last := 0
	err := b.MergedRows(s, func(r Row) error {
		if r.Num <= last {
			t.Errorf("row %d after row %d", r.Num, last)
		}
		last = r.Num
		prev := 0
		for _, c := range r.Cells {
			if want := ColumnName(c.Col) + fmt.Sprint(r.Num); c.Ref != want {
				t.Errorf("cell %+v in row %d: Ref should be %s", c, r.Num, want)
			}
			if c.Col <= prev {
				t.Errorf("row %d: column %d after %d", r.Num, c.Col, prev)
			}
			prev = c.Col
			fmt.Fprintf(&sb, "%s %v %q", c.Ref, c.Kind, c.Value)
			if c.Formula {
				sb.WriteString(" F")
			}
			if !c.Cached {
				sb.WriteString(" nocache")
			}
			if c.Covered {
				sb.WriteString(" covered")
			}
			if c.Merge != nil {
				if !c.Merge.Contains(c.Col, r.Num) {
					t.Errorf("%s: Merge %s does not hold it", c.Ref, c.Merge.Ref())
				}
				sb.WriteString(" merge=" + c.Merge.Ref())
			} else if c.Covered {
				t.Errorf("%s: covered without Merge", c.Ref)
			}
			sb.WriteString("\n")
		}
		return nil
	})
	return sb.String(), err
}

func rng(ref string) Range {
	r, ok := parseRange([]byte(ref))
	if !ok {
		panic(ref)
	}
	return r
}

func rngs(refs ...string) []Range {
	var out []Range
	for _, r := range refs {
		out = append(out, rng(r))
	}
	return out
}

func TestRange(t *testing.T) {
	r := Range{FromCol: 5, FromRow: 6, ToCol: 6, ToRow: 7}
	if got := r.Ref(); got != "E6:F7" {
		t.Errorf("Ref() = %q", got)
	}
	for _, tt := range []struct {
		col, row int
		in       bool
	}{{5, 6, true}, {6, 7, true}, {5, 7, true}, {4, 6, false}, {7, 6, false}, {5, 5, false}, {5, 8, false}} {
		if got := r.Contains(tt.col, tt.row); got != tt.in {
			t.Errorf("Contains(%d, %d) = %v", tt.col, tt.row, got)
		}
	}
	if got := (Range{FromCol: 27, FromRow: 1, ToCol: 702, ToRow: 1048576}).Ref(); got != "AA1:ZZ1048576" {
		t.Errorf("Ref() = %q", got)
	}
}

// The fixture's header, as the rows a reader of tables sees them: both
// writers must give the same, except the merged formula I5:J5, which
// openpyxl leaves without a cached value (no covered copy is made of a
// value nobody has computed) and LibreOffice caches.
const mergedHeader = `A1 text "BÁO CÁO SỐ LIỆU" merge=A1:G1
B1 text "BÁO CÁO SỐ LIỆU" covered merge=A1:G1
C1 text "BÁO CÁO SỐ LIỆU" covered merge=A1:G1
D1 text "BÁO CÁO SỐ LIỆU" covered merge=A1:G1
E1 text "BÁO CÁO SỐ LIỆU" covered merge=A1:G1
F1 text "BÁO CÁO SỐ LIỆU" covered merge=A1:G1
G1 text "BÁO CÁO SỐ LIỆU" covered merge=A1:G1
A2 text "Mã đơn vị: HP-HONGBANG"
A5 text "STT" merge=A5:A6
B5 text "Chỉ tiêu" merge=B5:B6
C5 text "Đơn vị tính" merge=C5:C6
D5 text "Năm" merge=D5:F5
E5 text "Năm" covered merge=D5:F5
F5 text "Năm" covered merge=D5:F5
G5 text "Ghi chú" merge=G5:G6
%s
A6 text "STT" covered merge=A5:A6
B6 text "Chỉ tiêu" covered merge=B5:B6
C6 text "Đơn vị tính" covered merge=C5:C6
D6 number "2019"
E6 number "2020"
F6 number "2021"
G6 text "Ghi chú" covered merge=G5:G6
A7 number "1"
B7 text "Số buổi tập huấn"
C7 text "buổi"
D7 number "25" merge=D7:E7
E7 number "25" covered merge=D7:E7
F7 number "30"
A8 text "Nhóm A" merge=A8:A11
B8 text "Số lớp"
C8 text "lớp"
D8 number "1"
E8 number "2"
F8 number "3"
A9 text "Nhóm A" covered merge=A8:A11
B9 text "Số người"
C9 text "người"
D9 number "10"
E9 number "11"
F9 number "12"
A10 text "Nhóm A" covered merge=A8:A11
B10 text "Số lượt"
C10 text "lượt"
D10 number "4"
E10 number "5"
F10 number "6"
A11 text "Nhóm A" covered merge=A8:A11
G12 text "Ghi chú dài" merge=G12:G14
G13 text "Ghi chú dài" covered merge=G12:G14
G14 text "Ghi chú dài" covered merge=G12:G14
`

func TestMergesFixtures(t *testing.T) {
	tests := []struct {
		file    string
		merges  []Range
		formula string // row 5's merged formula I5:J5
	}{
		{
			file:    "merges_openpyxl.xlsx",
			merges:  rngs("A1:G1", "A5:A6", "B5:B6", "C5:C6", "G5:G6", "D5:F5", "D7:E7", "A8:A11", "G12:G14", "I5:J5"),
			formula: `I5 blank "" F nocache merge=I5:J5`,
		},
		{
			file:    "merges_libreoffice.xlsx",
			merges:  rngs("A1:G1", "A5:A6", "B5:B6", "C5:C6", "D5:F5", "G5:G6", "I5:J5", "D7:E7", "A8:A11", "G12:G14"),
			formula: "I5 number \"2\" F merge=I5:J5\nJ5 number \"2\" F covered merge=I5:J5",
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			b, err := openFile(filepath.Join("testdata", tt.file), Limits{})
			if err != nil {
				t.Fatal(err)
			}
			defer b.Close()
			s := b.Sheets()[0]
			got, err := b.Merges(s)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, tt.merges) {
				t.Errorf("Merges = %v\nwant %v", got, tt.merges)
			}
			rows, err := mdump(t, b, s)
			if err != nil {
				t.Fatal(err)
			}
			if want := fmt.Sprintf(mergedHeader, tt.formula); rows != want {
				t.Errorf("MergedRows:\n%s\nwant:\n%s", rows, want)
			}
			// The formats sheet has no merges: MergedRows is Rows.
			f := b.Sheets()[1]
			if m, err := b.Merges(f); err != nil || len(m) != 0 {
				t.Errorf("Merges(%s) = %v, %v", f.Name, m, err)
			}
			plain, err1 := dump(t, b, f)
			merged, err2 := mdump(t, b, f)
			if err1 != nil || err2 != nil || plain != merged || plain == "" {
				t.Errorf("sheet without merges: Rows\n%s(%v)\nMergedRows\n%s(%v)", plain, err1, merged, err2)
			}
		})
	}
}

// mergeSheet is a worksheet part with rows and what follows sheetData.
func mergeSheet(rows, tail string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet ` + nsMain + `><sheetData>` + rows + `</sheetData>` + tail + `</worksheet>`
}

func TestMergedRowsXML(t *testing.T) {
	mc := func(refs ...string) string {
		s := `<mergeCells count="` + fmt.Sprint(len(refs)) + `">`
		for _, r := range refs {
			s += `<mergeCell ref="` + r + `"/>`
		}
		return s + `</mergeCells>`
	}
	tests := []struct {
		name   string
		sheet  string
		merges []Range
		want   string
		code   string // a ContainerError from Merges and MergedRows
	}{
		{
			name:   "a covered cell's own value is not what Excel shows",
			sheet:  mergeSheet(`<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>99</v></c><c r="C1"><v>3</v></c></row>`, mc("A1:B1")),
			merges: rngs("A1:B1"),
			want:   lines(`A1 number "1" merge=A1:B1`, `B1 number "1" covered merge=A1:B1`, `C1 number "3"`),
		},
		{
			name:   "a merge whose anchor is empty reports nothing",
			sheet:  mergeSheet(`<row r="1"><c r="B1"><v>99</v></c><c r="C1"><v>3</v></c></row><row r="2"><c r="B2"><v>98</v></c></row>`, mc("A1:B2")),
			merges: rngs("A1:B2"),
			want:   lines(`C1 number "3"`),
		},
		{
			name: "an anchor formula without a cached value has no copies",
			sheet: mergeSheet(`<row r="1"><c r="A1"><f>1+1</f></c></row><row r="2"><c r="C2"><v>3</v></c></row>`,
				mc("A1:B2")),
			merges: rngs("A1:B2"),
			want:   lines(`A1 blank "" F nocache merge=A1:B2`, `C2 number "3"`),
		},
		{
			name: "a cached formula, a shared string and a style are copied",
			sheet: mergeSheet(`<row r="1"><c r="A1" s="3"><f>1+1</f><v>2</v></c><c r="C1" t="s" s="4"><v>0</v></c></row>`,
				mc("A1:B1", "C1:C2")),
			merges: rngs("A1:B1", "C1:C2"),
			want: lines(`A1 number "2" F merge=A1:B1`, `B1 number "2" F covered merge=A1:B1`, `C1 text "Năm" merge=C1:C2`,
				`C2 text "Năm" covered merge=C1:C2`),
		},
		{
			name:   "rows after the last row of the file",
			sheet:  mergeSheet(`<row r="2"><c r="B2" t="inlineStr"><is><t>x</t></is></c></row>`, mc("B2:C4")),
			merges: rngs("B2:C4"),
			want: lines(`B2 text "x" merge=B2:C4`, `C2 text "x" covered merge=B2:C4`, `B3 text "x" covered merge=B2:C4`,
				`C3 text "x" covered merge=B2:C4`, `B4 text "x" covered merge=B2:C4`, `C4 text "x" covered merge=B2:C4`),
		},
		{
			name: "a gap after a merge, and a merge begun in the gap",
			sheet: mergeSheet(`<row r="1"><c r="A1"><v>1</v></c></row><row r="900000"><c r="A900000"><v>2</v></c><c r="B900000"><v>3</v></c></row>`,
				mc("A1:A2", "B5:B900000")),
			merges: rngs("A1:A2", "B5:B900000"),
			want:   lines(`A1 number "1" merge=A1:A2`, `A2 number "1" covered merge=A1:A2`, `A900000 number "2"`),
		},
		{
			name:   "namespace prefixes",
			sheet:  `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>7</x:v></x:c></x:row></x:sheetData><x:mergeCells count="1"><x:mergeCell ref="A1:A2"/></x:mergeCells></x:worksheet>`,
			merges: rngs("A1:A2"),
			want:   lines(`A1 number "7" merge=A1:A2`, `A2 number "7" covered merge=A1:A2`),
		},
		{
			name: "the tag's name in text, escaped markup and a longer name",
			sheet: mergeSheet(`<row r="1"><c r="A1" t="inlineStr"><is><t>mergeCells &lt;mergeCells&gt;&lt;mergeCell ref="C1:D1"/&gt;</t></is></c></row>`,
				`<mergeCellsX/>`+mc("A1:B1")),
			merges: rngs("A1:B1"),
			want: lines(`A1 text "mergeCells <mergeCells><mergeCell ref=\"C1:D1\"/>" merge=A1:B1`,
				`B1 text "mergeCells <mergeCells><mergeCell ref=\"C1:D1\"/>" covered merge=A1:B1`),
		},
		{
			name: "a comment that holds a mergeCells element",
			sheet: mergeSheet(`<row r="1"><c r="A1"><v>1</v></c></row>`,
				`<!-- <mergeCells><mergeCell ref="C1:D1"/></mergeCells> -->`+mc("A1:B1")),
			merges: rngs("A1:B1"),
			want:   lines(`A1 number "1" merge=A1:B1`, `B1 number "1" covered merge=A1:B1`),
		},
		{
			name:   "a comment and no merges",
			sheet:  mergeSheet(`<row r="1"><c r="A1"><v>1</v></c></row>`, `<!-- <mergeCells><mergeCell ref="C1:D1"/></mergeCells> -->`),
			merges: nil,
			want:   lines(`A1 number "1"`),
		},
		{
			name:   "a processing instruction that holds one",
			sheet:  mergeSheet(`<row r="1"><c r="A1"><v>1</v></c></row>`, `<?pi <mergeCells><mergeCell ref="C1:D1"/></mergeCells> ?>`),
			merges: nil,
			want:   lines(`A1 number "1"`),
		},
		{
			name:   "single cells, reversed corners and dollars",
			sheet:  mergeSheet(`<row r="1"><c r="A1"><v>1</v></c></row>`, mc("A1", "C3:C3", "B2:A1", "$D$1:$E$1")),
			merges: rngs("A1:B2", "D1:E1"),
			want:   lines(`A1 number "1" merge=A1:B2`, `B1 number "1" covered merge=A1:B2`, `A2 number "1" covered merge=A1:B2`, `B2 number "1" covered merge=A1:B2`),
		},
		{
			name:   "an empty mergeCells element",
			sheet:  mergeSheet(`<row r="1"><c r="A1"><v>1</v></c></row>`, `<mergeCells count="0"/>`),
			merges: nil,
			want:   lines(`A1 number "1"`),
		},
		{
			name:   "mergeCell outside mergeCells is not a merge",
			sheet:  mergeSheet(`<row r="1"><c r="A1"><v>1</v></c></row>`, `<mergeCell ref="A1:B1"/>`),
			merges: nil,
			want:   lines(`A1 number "1"`),
		},
		{
			// The first range in file order holds a cell: B1 is covered,
			// so B1:C1 has no anchor of its own.
			name:   "overlapping merges, which Excel does not write",
			sheet:  mergeSheet(`<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><v>3</v></c></row>`, mc("A1:B2", "B1:C1")),
			merges: rngs("A1:B2", "B1:C1"),
			want:   lines(`A1 number "1" merge=A1:B2`, `B1 number "1" covered merge=A1:B2`, `A2 number "1" covered merge=A1:B2`, `B2 number "1" covered merge=A1:B2`),
		},
		{
			name:   "a merge across many columns",
			sheet:  mergeSheet(`<row r="3"><c r="Y3"><v>5</v></c></row>`, mc("Y3:AB3")),
			merges: rngs("Y3:AB3"),
			want:   lines(`Y3 number "5" merge=Y3:AB3`, `Z3 number "5" covered merge=Y3:AB3`, `AA3 number "5" covered merge=Y3:AB3`, `AB3 number "5" covered merge=Y3:AB3`),
		},
		{name: "a range without a row", sheet: mergeSheet(``, mc("A1:B")), code: CodeCorrupt},
		{name: "a range that is a name", sheet: mergeSheet(``, mc("Năm")), code: CodeCorrupt},
		{name: "an empty range", sheet: mergeSheet(``, mc("")), code: CodeCorrupt},
		{name: "a range past XFD", sheet: mergeSheet(``, mc("A1:XFE1")), code: CodeCorrupt},
		{name: "the part ends inside mergeCells", sheet: mergeSheet(``, ``)[:0] + `<worksheet ` + nsMain + `><sheetData/><mergeCells><mergeCell ref="A1:B1"/>`, code: CodeCorrupt},
		{name: "damaged XML after the tag", sheet: mergeSheet(``, `<mergeCells><mergeCell ref="A1:B1"</mergeCells>`), code: CodeCorrupt},
		{name: "UTF-16", sheet: "\xff\xfe<\x00w\x00", code: CodeCorrupt},
		{
			name:  "a merge of the whole sheet",
			sheet: mergeSheet(`<row r="1"><c r="A1"><v>1</v></c></row>`, mc("A1:XFD1048576")),
			code:  CodeTooLarge,
		},
	}
	old := maxMergeWork
	maxMergeWork = 1 << 16 // the whole-sheet merge must not fill memory with its dump first
	defer func() { maxMergeWork = old }()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := openBytes(t, makeZip(t, skeleton(tt.sheet, `<si><t>Năm</t></si>`)...), Limits{})
			if err != nil {
				t.Fatal(err)
			}
			defer b.Close()
			s := b.Sheets()[0]
			merges, err := b.Merges(s)
			got, rerr := mdump(t, b, s)
			if tt.code != "" {
				var ce *ContainerError
				if !errors.As(rerr, &ce) || ce.Code != tt.code {
					t.Fatalf("MergedRows error = %v, want code %s", rerr, tt.code)
				}
				if tt.code == CodeCorrupt && (!errors.As(err, &ce) || ce.Code != tt.code) {
					t.Fatalf("Merges error = %v, want code %s", err, tt.code)
				}
				return
			}
			if err != nil || rerr != nil {
				t.Fatalf("Merges: %v; MergedRows: %v", err, rerr)
			}
			if !slices.Equal(merges, tt.merges) {
				t.Errorf("Merges = %v, want %v", merges, tt.merges)
			}
			if got != tt.want {
				t.Errorf("MergedRows:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

// The byte search reads the part in 64 KB pieces: a tag split between two
// of them, with or without a prefix, must be found all the same.
func TestMergesAcrossReads(t *testing.T) {
	for _, prefix := range []string{"", "x:", strings.Repeat("p", 70) + ":"} {
		open := func(tag string) string {
			if prefix == "" {
				return tag
			}
			return strings.Replace(tag, "<", "<"+prefix, 1)
		}
		head := `<worksheet ` + nsMain + ` xmlns:` + strings.TrimSuffix(prefix, ":") + `="` + nsMainURI + `"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>`
		if prefix == "" {
			head = `<worksheet ` + nsMain + `><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>`
		}
		for pad := scanBufSize - len(head) - 90; pad < scanBufSize-len(head)+10; pad++ {
			tail := open(`<mergeCells count="1">`) + `<` + prefix + `mergeCell ref="A1:B1"/></` + prefix + `mergeCells></worksheet>`
			x := head + `<sheetPr>` + strings.Repeat(" ", pad) + `</sheetPr>` + tail
			b, err := openBytes(t, makeZip(t, skeleton(x, "")...), Limits{})
			if err != nil {
				t.Fatal(err)
			}
			got, err := b.Merges(b.Sheets()[0])
			b.Close()
			if err != nil || !slices.Equal(got, rngs("A1:B1")) {
				t.Fatalf("prefix %q, padding %d: Merges = %v, %v", prefix, pad, got, err)
			}
		}
	}
}

const nsMainURI = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

func TestMergesLimits(t *testing.T) {
	old := maxMerges
	maxMerges = 3
	defer func() { maxMerges = old }()
	x := mergeSheet(``, `<mergeCells><mergeCell ref="A1:B1"/><mergeCell ref="A2:B2"/><mergeCell ref="A3:B3"/><mergeCell ref="A4:B4"/></mergeCells>`)
	b, err := openBytes(t, makeZip(t, skeleton(x, "")...), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	var ce *ContainerError
	if _, err := b.Merges(b.Sheets()[0]); !errors.As(err, &ce) || ce.Code != CodeTooLarge {
		t.Errorf("4 merges over a limit of 3: %v", err)
	}
}

// deflatedCut zips parts like makeZip, but the part named cut keeps only
// the first half of its compressed data while declaring its full size: a
// download or copy cut off inside the sheet.
func deflatedCut(t testing.TB, cut string, parts ...part) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		var z bytes.Buffer
		fw, _ := flate.NewWriter(&z, flate.BestCompression)
		fw.Write([]byte(p.body))
		fw.Close()
		data := z.Bytes()
		if p.name == cut {
			data = data[:len(data)/2]
		}
		w, err := zw.CreateRaw(&zip.FileHeader{Name: p.name, Method: zip.Deflate, CRC32: crc32.ChecksumIEEE([]byte(p.body)),
			CompressedSize64: uint64(len(data)), UncompressedSize64: uint64(len(p.body))})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestMergedRowsCutShort(t *testing.T) {
	var rows strings.Builder
	for r := 1; r <= 3000; r++ {
		fmt.Fprintf(&rows, `<row r="%d"><c r="A%d"><v>%d</v></c><c r="B%d" t="s"><v>0</v></c></row>`, r, r, r*7919, r)
	}
	for _, tail := range []string{``, `<mergeCells><mergeCell ref="A1:B1"/></mergeCells>`} {
		data := deflatedCut(t, "xl/worksheets/sheet1.xml", skeleton(mergeSheet(rows.String(), tail), `<si><t>x</t></si>`)...)
		b, err := openBytes(t, data, Limits{})
		if err != nil {
			t.Fatal(err)
		}
		var ce *ContainerError
		s := b.Sheets()[0]
		if _, err := b.Merges(s); !errors.As(err, &ce) || ce.Code != CodeCorrupt {
			t.Errorf("Merges of a cut sheet: %v", err)
		}
		n := 0
		err = b.MergedRows(s, func(Row) error { n++; return nil })
		if !errors.As(err, &ce) || ce.Code != CodeCorrupt {
			t.Errorf("MergedRows of a cut sheet: %v", err)
		}
		if n != 0 {
			t.Errorf("MergedRows reported %d rows of a sheet it refuses", n)
		}
		b.Close()
	}
}

func TestMergedRowsCallback(t *testing.T) {
	b, err := openFile(filepath.Join("testdata", "merges_libreoffice.xlsx"), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	stop := errors.New("stop")
	n := 0
	err = b.MergedRows(b.Sheets()[0], func(r Row) error {
		if n++; r.Num == 6 {
			return stop
		}
		return nil
	})
	if err != stop || n != 4 {
		t.Errorf("error %v after %d rows, want the callback's error after 4", err, n)
	}
	// Merges is read once: the copy returned may be changed freely.
	m, _ := b.Merges(b.Sheets()[0])
	m[0].ToCol = 1
	if m2, _ := b.Merges(b.Sheets()[0]); m2[0] != rng("A1:G1") {
		t.Errorf("Merges returned its cache: %v", m2[0])
	}
	if _, err := b.Merges(Sheet{Name: "no such sheet"}); err == nil {
		t.Error("Merges of a missing sheet: no error")
	}
}

func TestMergesConcurrent(t *testing.T) {
	b, err := openFile(filepath.Join("testdata", "merges_openpyxl.xlsx"), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	want, _ := dump(t, b, b.Sheets()[1])
	var wg sync.WaitGroup
	results := make([]string, 8)
	for i := range results {
		wg.Go(func() {
			got, err := mdump(t, b, b.Sheets()[i%2])
			if err != nil {
				t.Error(err)
			}
			results[i] = got
		})
	}
	wg.Wait()
	for i, got := range results {
		w := want
		if i%2 == 0 {
			w = fmt.Sprintf(mergedHeader, `I5 blank "" F nocache merge=I5:J5`)
		}
		if got != w {
			t.Errorf("goroutine %d read:\n%s", i, got)
		}
	}
}

// TestRowsMerges: one pass gives Rows' rows and Merges' ranges, and keeps
// the ranges for MergedRows.
func TestRowsMerges(t *testing.T) {
	for _, file := range []string{"merges_openpyxl.xlsx", "merges_libreoffice.xlsx", "libreoffice.xlsx", "openpyxl.xlsx"} {
		t.Run(file, func(t *testing.T) {
			b, err := openFile(filepath.Join("testdata", file), Limits{})
			if err != nil {
				t.Fatal(err)
			}
			defer b.Close()
			for _, s := range b.Sheets() {
				var plain, rows strings.Builder
				cells := func(w *strings.Builder) func(Row) error {
					return func(r Row) error {
						for _, c := range r.Cells {
							fmt.Fprintf(w, "%s %s %q %v\n", c.Ref, c.Kind, c.Value, c.Formula)
						}
						return nil
					}
				}
				if err := b.Rows(s, cells(&plain)); err != nil {
					t.Fatal(err)
				}
				got, err := b.RowsMerges(s, cells(&rows))
				if err != nil {
					t.Fatal(err)
				}
				// A fresh book reads the merges its own way.
				b2, err := openFile(filepath.Join("testdata", file), Limits{})
				if err != nil {
					t.Fatal(err)
				}
				want, err := b2.Merges(s)
				b2.Close()
				if err != nil || !slices.Equal(got, want) {
					t.Errorf("%s: RowsMerges ranges %v, Merges %v (%v)", s.Name, got, want, err)
				}
				if again, _ := b.Merges(s); !slices.Equal(again, want) {
					t.Errorf("%s: Merges after RowsMerges = %v", s.Name, again)
				}
				if rows.String() != plain.String() || plain.Len() == 0 {
					t.Errorf("%s: RowsMerges rows\n%s\nRows\n%s", s.Name, rows.String(), plain.String())
				}
			}
		})
	}
}

// TestRowsMergesStopped: a callback that stops the read leaves the ranges
// unknown and uncached.
func TestRowsMergesStopped(t *testing.T) {
	b, err := openFile(filepath.Join("testdata", "merges_openpyxl.xlsx"), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	stop := errors.New("stop")
	s := b.Sheets()[0]
	got, err := b.RowsMerges(s, func(Row) error { return stop })
	if !errors.Is(err, stop) || got != nil {
		t.Fatalf("RowsMerges = %v, %v", got, err)
	}
	if m, err := b.Merges(s); err != nil || len(m) == 0 {
		t.Errorf("Merges after a stopped RowsMerges = %v, %v (a stopped read must not cache an empty answer)", m, err)
	}
}
