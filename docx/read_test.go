package docx

import (
	"archive/zip"
	"bytes"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// para is a paragraph as a test states it: its text with *bold*, _italic_
// and ~underlined~ runs marked, and its kind.
type para struct {
	text  string
	level int
	list  bool
	table bool
}

// marked writes a paragraph's runs with their styles marked.
func marked(p TextPara) string {
	var b strings.Builder
	for _, r := range p.Runs {
		t := r.Text
		if r.Underline {
			t = "~" + t + "~"
		}
		if r.Italic {
			t = "_" + t + "_"
		}
		if r.Bold {
			t = "*" + t + "*"
		}
		b.WriteString(t)
	}
	return b.String()
}

// TestParagraphs reads the same content as python-docx wrote it, as
// LibreOffice saved it again, and as Word writes its XML: runs and their
// styles, headings by style name or outline level (localized style IDs
// too), lists, tables, breaks and tabs; tracked deletions and field codes
// left out, insertions and field results read, a text box counted.
func TestParagraphs(t *testing.T) {
	common := []para{
		{text: "I. ĐẶC ĐIỂM TÌNH HÌNH", level: 1},
		{text: "Địa bàn có *nhiều khu công nghiệp*, dân cư _đông_ và ~phức tạp~. Ký hiệu {{ và = ở giữa câu; <thẻ> & \"ngoặc\"."},
		{text: "1. Công tác lãnh đạo, chỉ đạo", level: 2},
		{text: "Ban hành 12 kế hoạch.", list: true},
		{text: "- Kiện toàn Ban Chỉ đạo các cấp."},
		{text: "Ô một", table: true}, {text: "Ô hai", table: true}, {text: "Ô ba", table: true}, {text: "Ô bốn", table: true},
		{text: "Tổng số buổi: *{{*TT_BUOI}} buổi."},
		{text: "Dòng một\ndòng hai\tsau tab"},
	}
	for _, tc := range []struct {
		file string
		want []para
	}{
		{"pydocx.docx", common},
		{"libreoffice.docx", common},
		{"word.docx", []para{
			{text: "IV. BÀI HỌC KINH NGHIỆM", level: 1},
			{text: "Phải *bám sát* cơ sở, dựa vào dân."},
			{text: "Xem ~cổng thông tin~ Hải Phòng, trang 3."},
			{text: "Sau hình: ~gạch chân~ thường"},
			{text: "Mục danh sách", list: true},
			{text: "*Trong khung nội dung*"},
			{text: "Đề mục theo cấp dàn ý", level: 2},
		}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			f, err := Open(filepath.Join("testdata", "word", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			ps, err := f.Paragraphs()
			if err != nil {
				t.Fatal(err)
			}
			var got []para
			for _, p := range ps {
				text := marked(p)
				if p.Level > 0 {
					text = p.Text() // headings are bold by their style
				}
				got = append(got, para{text: text, level: p.Level, list: p.List, table: p.InTable})
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("paragraphs:\n got %+v\nwant %+v", got, tc.want)
			}
			if tc.file == "word.docx" && ps[3].Objects != 1 {
				t.Errorf("the text box is not counted: %d objects", ps[3].Objects)
			}
		})
	}
}

// zipOf makes a zip package of the named parts.
func zipOf(t testing.TB, parts map[string]string) []byte {
	t.Helper()
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	for _, name := range sortedKeys(parts) {
		w, err := z.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(parts[name]))
	}
	z.Close()
	return b.Bytes()
}

func sortedKeys(m map[string]string) []string {
	out := slices.Collect(maps.Keys(m))
	slices.Sort(out)
	return out
}

// minimal is the smallest package Open accepts, with document body xml.
func minimal(body string) map[string]string {
	return map[string]string{
		"[Content_Types].xml": `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="` + ctMain + `"/></Types>`,
		"_rels/.rels":         rootRels,
		"word/document.xml":   `<w:document xmlns:w="` + nsW + `"><w:body>` + body + `</w:body></w:document>`,
	}
}

// TestContainer: every kind of file that is not a readable Word document
// is refused with its code, before any of it is read as text.
func TestContainer(t *testing.T) {
	good, err := os.ReadFile(filepath.Join("testdata", "word", "pydocx.docx"))
	if err != nil {
		t.Fatal(err)
	}
	cfb := append(append([]byte(nil), cfbMagic...), make([]byte, 600)...)
	encrypted := append(append([]byte(nil), cfb...), utf16le("EncryptionInfo")...)
	docm := minimal(`<w:p/>`)
	docm["[Content_Types].xml"] = strings.Replace(docm["[Content_Types].xml"], ctMain, "application/vnd.ms-word.document.macroEnabled.main+xml", 1)
	vba := minimal(`<w:p/>`)
	vba["word/vbaProject.bin"] = "VBA"
	noDoc := minimal(`<w:p/>`)
	delete(noDoc, "word/document.xml")
	broken := minimal(`<w:p><w:r><w:t>mở</w:p>`)
	deep := minimal(strings.Repeat("<w:sdt>", 300) + strings.Repeat("</w:sdt>", 300))
	dtd := minimal(`<w:p/>`)
	dtd["word/document.xml"] = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>` + dtd["word/document.xml"]
	xlsx := minimal(`<w:p/>`)
	xlsx["xl/workbook.xml"] = "<workbook/>"
	odt := map[string]string{"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"}
	for _, tc := range []struct {
		name   string
		data   []byte
		code   string
		detail string
	}{
		{"empty", nil, CodeNotDocx, "empty"},
		{"text", []byte("Báo cáo tổng kết\n"), CodeNotDocx, "text"},
		{"pdf", []byte("%PDF-1.7\n..."), CodeNotDocx, "pdf"},
		{"rtf", []byte(`{\rtf1\ansi Báo cáo}`), CodeNotDocx, "rtf"},
		{"binary", []byte{1, 2, 3, 0, 5}, CodeNotDocx, "unknown"},
		{"old .doc", cfb, CodeNotDocx, "doc"},
		{"password", encrypted, CodeEncrypted, ""},
		{"truncated", good[:len(good)/2], CodeCorrupt, ""},
		{"macro content type", zipOf(t, docm), CodeMacro, ""},
		{"VBA project", zipOf(t, vba), CodeMacro, ""},
		{"workbook", zipOf(t, xlsx), CodeNotDocx, "xlsx"},
		{"OpenDocument", zipOf(t, odt), CodeNotDocx, "odt"},
		{"no document part", zipOf(t, noDoc), CodeNotDocx, "unknown"},
		{"broken XML", zipOf(t, broken), CodeCorrupt, ""},
		{"nested too deep", zipOf(t, deep), CodeCorrupt, ""},
		{"DTD", zipOf(t, dtd), CodeCorrupt, ""},
		{"too large", bytes.Repeat([]byte("PK\x03\x04"), 1<<10), CodeTooLarge, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			lim := DefaultLimits
			if tc.code == CodeTooLarge {
				lim.MaxFileBytes = 1 << 10 / 2
			}
			f, err := Parse(tc.data, lim)
			if err == nil {
				_, err = f.Paragraphs()
			}
			var de *Error
			if !errors.As(err, &de) {
				t.Fatalf("err = %v, want a docx error %s", err, tc.code)
			}
			if de.Code != tc.code || tc.detail != "" && de.Detail != tc.detail {
				t.Errorf("err = %v, want %s %s", err, tc.code, tc.detail)
			}
		})
	}
}

// TestZipBomb: a part declaring a huge size, or unpacking to far more
// than it declares, is refused as too large without unpacking it all.
func TestZipBomb(t *testing.T) {
	big := strings.Repeat("<w:p/>", 2<<20) // 12 MB of empty paragraphs, packs about 1000:1
	parts := minimal(big)
	f, err := Parse(zipOf(t, parts), DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	_, err = f.Paragraphs()
	var de *Error
	if !errors.As(err, &de) || de.Code != CodeTooLarge {
		t.Errorf("a 1000:1 part: err = %v, want too-large", err)
	}
	// Within the ratio but over the part limit as actually unpacked.
	lim := DefaultLimits
	lim.MaxPartBytes = 1 << 20
	f, err = Parse(zipOf(t, minimal(strings.Repeat("<w:p><w:r><w:t>x</w:t></w:r></w:p>", 40000))), lim)
	if err != nil {
		t.Fatal(err)
	}
	if _, err = f.Paragraphs(); !errors.As(err, &de) || de.Code != CodeTooLarge {
		t.Errorf("over the part limit: err = %v, want too-large", err)
	}
}
