package xlsx

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// fixtureBytes are the committed workbook fixtures, for seeding fuzzers.
func fixtureBytes(tb testing.TB) [][]byte {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.xls*"))
	var out [][]byte
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, data)
	}
	return out
}

// fuzzSeeds are the committed fixtures plus hand-made workbooks.
func fuzzSeeds(f *testing.F) {
	for _, data := range fixtureBytes(f) {
		f.Add(data)
	}
	f.Add(makeZip(f, skeleton(sheetXML(`<row><c t="s"><v>0</v></c><c t="inlineStr"><is><r><t>a</t></r></is></c><c><f>1</f></c></row>`), `<si><t>x_x000D_</t></si>`)...))
	f.Add([]byte{})
	f.Add(append(append([]byte{}, cfbMagic...), utf16le("EncryptionInfo")...))
}

// FuzzOpen feeds arbitrary bytes to OpenReaderAt and reads every sheet:
// no input may panic or hang.
func FuzzOpen(f *testing.F) {
	fuzzSeeds(f)
	lim := Limits{MaxFileBytes: 1 << 20, MaxUncompressed: 16 << 20, MaxRows: 100_000}
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := OpenReaderAt(bytes.NewReader(data), int64(len(data)), "fuzz.xlsx", lim)
		if err != nil {
			if _, ok := err.(*ContainerError); !ok {
				t.Fatalf("Open error %v is %T, not *ContainerError", err, err)
			}
			return
		}
		defer b.Close()
		for _, s := range b.Sheets() {
			err := b.Rows(s, func(r Row) error {
				checkRow(t, r)
				return nil
			})
			if err != nil {
				if _, ok := err.(*ContainerError); !ok {
					t.Fatalf("Rows error %v is %T, not *ContainerError", err, err)
				}
			}
		}
	})
}

// checkRow holds the Row invariants the callers rely on.
func checkRow(t *testing.T, r Row) {
	t.Helper()
	if r.Num < 1 || r.Num > maxRow || len(r.Cells) == 0 {
		t.Fatalf("bad row %d with %d cells", r.Num, len(r.Cells))
	}
	prev := 0
	for _, c := range r.Cells {
		if c.Col < 1 || c.Col > maxCol || c.Col < prev {
			t.Fatalf("row %d: column %d after %d", r.Num, c.Col, prev)
		}
		prev = c.Col
		if c.Ref != ColumnName(c.Col)+fmt.Sprint(r.Num) {
			t.Fatalf("row %d: Ref %q for column %d", r.Num, c.Ref, c.Col)
		}
		if !c.Cached && (c.Kind != Blank || c.Value != "" || !c.Formula) {
			t.Fatalf("uncached cell %+v", c)
		}
		if c.Kind == Bool && c.Value != "TRUE" && c.Value != "FALSE" {
			t.Fatalf("bool cell %+v", c)
		}
	}
}

// FuzzSheetXML fuzzes the worksheet XML itself, where zip checksums would
// otherwise stop most mutations early.
func FuzzSheetXML(f *testing.F) {
	for _, s := range []string{
		sheetXML(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><f t="shared" si="0"/><v>2</v></c></row>`),
		sheetXML(`<row><c t="inlineStr"><is><r><t xml:space="preserve"> a </t></r><rPh><t>b</t></rPh></is></c><c t="b"><v>1</v></c><c t="e"><v>#N/A</v></c></row>`),
		sheetXML(`<row r="3"><c r="C3" t="str"><f>""</f><v></v></c><c r="A3"><v>1E-3</v></c><c><v/></c></row><row><c t="d"><v>2024-01-01</v></c></row>`),
		"<x:worksheet xmlns:x=\"m\"><x:sheetData><x:row><x:c><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>",
		"\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><worksheet><sheetData><row><c t=\"inlineStr\"><is><t>\xe9&#13;&amp;<![CDATA[<]]></t></is></c></row></sheetData></worksheet>",
	} {
		f.Add(s, `<si><t>x</t></si><si><r><t>y</t></r></si>`)
	}
	f.Fuzz(func(t *testing.T, sheet, sst string) {
		ps := skeleton(sheet, sst)
		for i := range ps {
			ps[i].store = true // deflating every input would dominate the run
		}
		data := makeZip(t, ps...)
		b, err := openBytes(t, data, Limits{MaxUncompressed: 16 << 20, MaxRows: 100_000})
		if err != nil {
			if _, ok := err.(*ContainerError); !ok {
				t.Fatalf("Open error %v is %T", err, err)
			}
			return
		}
		defer b.Close()
		err = b.Rows(b.Sheets()[0], func(r Row) error {
			checkRow(t, r)
			return nil
		})
		if err != nil {
			if _, ok := err.(*ContainerError); !ok {
				t.Fatalf("Rows error %v is %T", err, err)
			}
		}
	})
}

// FuzzScanner checks the hand-written tokenizer against encoding/xml:
// whenever encoding/xml reads the input without error, the scanner must
// too, with the same elements, attributes and text. (The scanner may be
// more lenient, so inputs encoding/xml rejects are only run; it refuses
// DTDs, which OOXML forbids, so inputs with a directive are only run too.)
func FuzzScanner(f *testing.F) {
	for _, s := range []string{
		`<a b="1" c='2'>x &amp; y &#233;&#x1F600;</a>`,
		`<?xml version="1.0"?><a><!-- c --><b/><![CDATA[ <&> ]]></a>`,
		"<p:a p:b=\"v\"\r\n x='&lt;&gt;&quot;&apos;'>l1\r\nl2\rl3</p:a>",
		`<row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c></row>`,
		"<a>" + strings.Repeat("long text &amp; more\r\n", 20) + "</a>",
	} {
		f.Add(s, uint8(3))
		f.Add(s, uint8(0))
	}
	f.Fuzz(func(t *testing.T, in string, chunk uint8) {
		data := strings.TrimPrefix(in, "\xEF\xBB\xBF")
		want, werr := refTokens(data)
		done := make(chan struct{})
		var got string
		var gerr error
		go func() {
			defer close(done)
			got, gerr = scanTokens(data, int(chunk%32)+1)
		}()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("scanner hangs on %q", data)
		}
		if werr != nil {
			return
		}
		if gerr != nil {
			t.Fatalf("scanner fails where encoding/xml reads:\n%q\nerror: %v\nencoding/xml: %s", data, gerr, want)
		}
		if got != want {
			t.Fatalf("tokens differ for %q:\nscanner:      %s\nencoding/xml: %s", data, got, want)
		}
	})
}

// tokenLog renders a token stream: text merged, markup other than
// elements dropped, since the scanner skips it.
type tokenLog struct {
	sb   strings.Builder
	text []byte
}

func (l *tokenLog) flush() {
	if len(l.text) > 0 {
		fmt.Fprintf(&l.sb, "T%q ", l.text)
		l.text = l.text[:0]
	}
}

func (l *tokenLog) start(name string, attrs []string) {
	l.flush()
	fmt.Fprintf(&l.sb, "<%s%q> ", name, attrs)
}

func (l *tokenLog) end(name string) {
	l.flush()
	fmt.Fprintf(&l.sb, "</%s> ", name)
}

func refTokens(data string) (string, error) {
	d := xml.NewDecoder(strings.NewReader(data))
	d.CharsetReader = charsetReader
	var l tokenLog
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			l.flush()
			return l.sb.String(), nil
		}
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			var attrs []string
			for _, a := range t.Attr {
				n := a.Name.Local
				if a.Name.Space != "" {
					n = a.Name.Space + ":" + n
				}
				attrs = append(attrs, n+"="+a.Value)
			}
			l.start(t.Name.Local, attrs)
		case xml.EndElement:
			l.end(t.Name.Local)
		case xml.CharData:
			l.text = append(l.text, t...)
		case xml.Directive:
			return "", errDirective
		}
	}
}

var errDirective = errors.New("directive")

// charsetReader gives encoding/xml the same encodings the scanner's
// prolog accepts.
func charsetReader(label string, r io.Reader) (io.Reader, error) {
	switch strings.ToLower(label) {
	case "utf8", "us-ascii", "ascii":
		return r, nil
	case "iso-8859-1", "latin1", "iso8859-1", "windows-1252", "cp1252":
		return &latin1Reader{r: bufio.NewReader(r)}, nil
	}
	return nil, fmt.Errorf("unsupported XML encoding %q", label)
}

// scanTokens runs the scanner with a tiny buffer over a reader that hands
// out chunk bytes at a time, to exercise every refill path.
func scanTokens(data string, chunk int) (string, error) {
	s := newScanner(&chunkReader{data: data, n: chunk}, make([]byte, 16))
	if err := s.prolog(); err != nil {
		return "", err
	}
	var l tokenLog
	for {
		err := s.next()
		if err == io.EOF {
			l.flush()
			return l.sb.String(), nil
		}
		if err != nil {
			return "", err
		}
		switch s.kind {
		case tokStart:
			var attrs []string
			for k := range s.attrList {
				a := &s.attrList[k]
				attrs = append(attrs, string(s.attrName(a))+"="+string(s.attrVal(a)))
			}
			l.start(string(s.name), attrs)
		case tokEnd:
			l.end(string(s.name))
		case tokText:
			l.text = append(l.text, s.text...)
		}
	}
}

type chunkReader struct {
	data string
	n    int
}

func (r *chunkReader) Read(p []byte) (int, error) {
	if len(r.data) == 0 {
		return 0, io.EOF
	}
	n := copy(p[:min(len(p), r.n)], r.data)
	r.data = r.data[n:]
	return n, nil
}

// FuzzMerges checks the byte search that finds <mergeCells> against
// tokenizing the whole part: whenever encoding/xml reads the part and our
// tokenizer does too, both must find the same ranges. (The search relies
// on a raw '<' starting markup, which holds for well-formed XML only: the
// tokenizer lets "<a<mergeCells>" pass as one odd tag name. And it skips
// what comes before the tag, so it may accept a part the tokenizer
// refuses.) MergedRows must
// keep the Row invariants, give every covered cell the anchor's value and
// fail only with a *ContainerError.
func FuzzMerges(f *testing.F) {
	for _, tail := range []string{
		`<mergeCells count="2"><mergeCell ref="A1:B2"/><mergeCell ref="C1:C3"/></mergeCells>`,
		`<x:mergeCells><x:mergeCell ref="$A$1:B1"/><x:mergeCell ref="D4"/></x:mergeCells>`,
		`<!-- <mergeCells><mergeCell ref="C1:D1"/></mergeCells> --><mergeCells><mergeCell ref="B2:A1"/></mergeCells>`,
		`<?pi <mergeCells> ?><mergeCells count="0"/>`,
		`<mergeCells><mergeCell ref="A1:B"/></mergeCells>`,
	} {
		f.Add(mergeSheet(`<row r="1"><c r="A1"><v>1</v></c><c r="B1" t="inlineStr"><is><t>mergeCells</t></is></c></row><row r="3"><c r="C3"><f>1</f></c></row>`, tail))
	}
	for _, name := range []string{"merges_openpyxl.xlsx", "merges_libreoffice.xlsx"} {
		b, err := openFile(filepath.Join("testdata", name), Limits{})
		if err != nil {
			f.Fatal(err)
		}
		rc, err := b.parts[0].Open()
		if err != nil {
			f.Fatal(err)
		}
		body, _ := io.ReadAll(rc)
		rc.Close()
		b.Close()
		f.Add(string(body))
	}
	maxMergeWork = 1 << 16
	f.Fuzz(func(t *testing.T, sheet string) {
		ps := skeleton(sheet, `<si><t>x</t></si>`)
		for i := range ps {
			ps[i].store = true
		}
		b, err := openBytes(t, makeZip(t, ps...), Limits{MaxUncompressed: 16 << 20, MaxRows: 100_000})
		if err != nil {
			return
		}
		defer b.Close()
		s := b.Sheets()[0]
		got, err := b.Merges(s)
		if err != nil {
			if _, ok := err.(*ContainerError); !ok {
				t.Fatalf("Merges error %v is %T", err, err)
			}
		}
		_, xerr := refTokens(sheet)
		if want, werr := b.scanMerges(b.parts[0], s.Name); xerr == nil && werr == nil && (err != nil || !slices.Equal(got, want)) {
			t.Fatalf("byte search: %v, %v; tokenizer: %v", got, err, want)
		}
		err = b.MergedRows(s, func(r Row) error {
			checkRow(t, r)
			for _, c := range r.Cells {
				if c.Merge != nil && !c.Merge.Contains(c.Col, r.Num) || c.Covered && c.Merge == nil {
					t.Fatalf("%s: Merge %v, Covered %v", c.Ref, c.Merge, c.Covered)
				}
			}
			return nil
		})
		if err != nil {
			if _, ok := err.(*ContainerError); !ok {
				t.Fatalf("MergedRows error %v is %T", err, err)
			}
		}
	})
}
