package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"strings"
)

// Limits bound what reading a file may cost.
type Limits struct {
	MaxFileBytes int64 // the file itself
	MaxPartBytes int64 // one unpacked part (document, styles, a header)
	MaxTotal     int64 // all the parts read, unpacked
}

// DefaultLimits fit any report an officer writes (a 300-page report's
// document part is a few megabytes) and stop a zip bomb early.
var DefaultLimits = Limits{MaxFileBytes: 100 << 20, MaxPartBytes: 64 << 20, MaxTotal: 256 << 20}

// A part larger than bombMinSize unpacking more than bombRatio times its
// packed size is a zip bomb: Word's XML packs 5–20 times.
const (
	bombMinSize = 4 << 20
	bombRatio   = 200
)

// Content types that mark a macro-enabled document.
var macroTypes = []string{
	"application/vnd.ms-word.document.macroEnabled.main+xml",
	"application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
	"application/vnd.ms-office.vbaProject",
}

// File is an opened Word document.
type File struct {
	data  []byte
	zr    *zip.Reader
	parts map[string]*zip.File // by lower-case part name, without the leading "/"
	main  string               // the main document part: "word/document.xml"
	lim   Limits
	read  int64 // bytes unpacked so far
}

// Open reads and checks the Word document at path.
func Open(path string) (*File, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if st.Size() > DefaultLimits.MaxFileBytes {
		return nil, &Error{Code: CodeTooLarge, Detail: fmt.Sprintf("the file is %d MB, more than %d MB", st.Size()>>20, DefaultLimits.MaxFileBytes>>20)}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(data, DefaultLimits)
}

// Parse checks data as a Word document: a zip package (not an old .doc,
// not a password-protected file, not another office format), whole,
// without a macro, and with a main document part.
func Parse(data []byte, lim Limits) (*File, error) {
	if lim.MaxFileBytes <= 0 {
		lim = DefaultLimits
	}
	if int64(len(data)) > lim.MaxFileBytes {
		return nil, &Error{Code: CodeTooLarge, Detail: fmt.Sprintf("the file is %d MB, more than %d MB", len(data)>>20, lim.MaxFileBytes>>20)}
	}
	if err := sniff(data); err != nil {
		return nil, err
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, corrupt("not a whole zip package", err)
	}
	f := &File{data: data, zr: zr, parts: map[string]*zip.File{}, lim: lim}
	for _, z := range zr.File {
		f.parts[strings.ToLower(strings.TrimPrefix(z.Name, "/"))] = z
	}
	if err := f.kind(); err != nil {
		return nil, err
	}
	return f, nil
}

// cfbMagic starts every OLE2 compound file: an old .doc, and the envelope
// Office puts around a password-protected .docx.
var cfbMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// sniff tells from the first bytes what a file that is not a zip is.
func sniff(data []byte) error {
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")), bytes.HasPrefix(data, []byte("PK\x05\x06")):
		return nil
	case bytes.HasPrefix(data, cfbMagic):
		if bytes.Contains(data, utf16le("EncryptionInfo")) {
			return &Error{Code: CodeEncrypted, Detail: "the document is protected with a password"}
		}
		return &Error{Code: CodeNotDocx, Detail: "doc"}
	case bytes.HasPrefix(data, []byte("%PDF")):
		return &Error{Code: CodeNotDocx, Detail: "pdf"}
	case bytes.HasPrefix(bytes.TrimLeft(data, "\xEF\xBB\xBF \r\n\t"), []byte(`{\rtf`)):
		return &Error{Code: CodeNotDocx, Detail: "rtf"}
	case len(data) == 0:
		return &Error{Code: CodeNotDocx, Detail: "empty"}
	}
	if looksText(data[:min(len(data), 4096)]) {
		return &Error{Code: CodeNotDocx, Detail: "text"}
	}
	return &Error{Code: CodeNotDocx, Detail: "unknown"}
}

func utf16le(s string) []byte {
	b := make([]byte, 0, 2*len(s))
	for i := 0; i < len(s); i++ {
		b = append(b, s[i], 0)
	}
	return b
}

func looksText(b []byte) bool {
	for _, c := range b {
		if c == 0 || c < 0x20 && c != '\n' && c != '\r' && c != '\t' {
			return false
		}
	}
	return true
}

// kind checks the package is a Word document without macros and finds its
// main part through the package relationships.
func (f *File) kind() error {
	switch {
	case f.parts["xl/workbook.xml"] != nil:
		return &Error{Code: CodeNotDocx, Detail: "xlsx"}
	case f.parts["ppt/presentation.xml"] != nil:
		return &Error{Code: CodeNotDocx, Detail: "pptx"}
	case f.parts["content.xml"] != nil && f.parts["mimetype"] != nil:
		return &Error{Code: CodeNotDocx, Detail: "odt"}
	}
	for name := range f.parts {
		if path.Base(name) == "vbaproject.bin" {
			return &Error{Code: CodeMacro, Detail: "the document holds a VBA project"}
		}
	}
	types, err := f.Part("[Content_Types].xml")
	if err != nil {
		return err
	}
	for _, t := range macroTypes {
		if bytes.Contains(types, []byte(t)) {
			return &Error{Code: CodeMacro, Detail: "a macro-enabled document"}
		}
	}
	f.main = "word/document.xml"
	if rels, err := f.rels(""); err == nil {
		for _, r := range rels {
			if strings.HasSuffix(r.Type, "/officeDocument") {
				f.main = r.Target
			}
		}
	}
	if f.parts[strings.ToLower(f.main)] == nil {
		return &Error{Code: CodeNotDocx, Detail: "unknown", Err: errors.New("no main document part")}
	}
	return nil
}

// Part is the unpacked part name ("word/styles.xml"), within the limits.
func (f *File) Part(name string) ([]byte, error) {
	z := f.parts[strings.ToLower(strings.TrimPrefix(name, "/"))]
	if z == nil {
		return nil, corrupt("missing part "+name, nil)
	}
	if z.UncompressedSize64 > uint64(f.lim.MaxPartBytes) {
		return nil, &Error{Code: CodeTooLarge, Detail: fmt.Sprintf("part %s unpacks to %d MB", name, z.UncompressedSize64>>20)}
	}
	if z.UncompressedSize64 > bombMinSize && z.UncompressedSize64/bombRatio > z.CompressedSize64 {
		return nil, &Error{Code: CodeTooLarge, Detail: fmt.Sprintf("part %s unpacks %d times its packed size, a zip bomb", name, z.UncompressedSize64/max(z.CompressedSize64, 1))}
	}
	rc, err := z.Open()
	if err != nil {
		return nil, corrupt("cannot unpack "+name, err)
	}
	defer rc.Close()
	// The declared size may lie: read one byte past what is allowed.
	budget := min(f.lim.MaxPartBytes, f.lim.MaxTotal-f.read)
	data, err := io.ReadAll(io.LimitReader(rc, budget+1))
	f.read += int64(len(data))
	if int64(len(data)) > budget {
		return nil, &Error{Code: CodeTooLarge, Detail: "the document unpacks to more than " + fmt.Sprint(budget>>20) + " MB"}
	}
	if err != nil {
		return nil, corrupt("cannot unpack "+name, err)
	}
	return data, nil
}

// rel is one relationship of a part, its target resolved to a part name.
type rel struct {
	ID, Type, Target string
	External         bool
}

// rels reads the relationships of part ("" for the package's own).
func (f *File) rels(part string) ([]rel, error) {
	dir, base := path.Split(part)
	name := dir + "_rels/" + base + ".rels"
	if f.parts[strings.ToLower(name)] == nil {
		return nil, nil
	}
	data, err := f.Part(name)
	if err != nil {
		return nil, err
	}
	var doc struct {
		Rels []struct {
			ID         string `xml:"Id,attr"`
			Type       string `xml:"Type,attr"`
			Target     string `xml:"Target,attr"`
			TargetMode string `xml:"TargetMode,attr"`
		} `xml:"Relationship"`
	}
	if err := xml.Unmarshal(data, &doc); err != nil {
		return nil, corrupt("unreadable relationships "+name, err)
	}
	var out []rel
	for _, r := range doc.Rels {
		x := rel{ID: r.ID, Type: r.Type, Target: r.Target, External: r.TargetMode == "External"}
		if !x.External {
			if strings.HasPrefix(r.Target, "/") {
				x.Target = strings.TrimPrefix(r.Target, "/")
			} else {
				x.Target = path.Clean(path.Join(dir, r.Target))
			}
		}
		out = append(out, x)
	}
	return out, nil
}

// partXML parses a part as XML.
func (f *File) partXML(name string) (*node, error) {
	data, err := f.Part(name)
	if err != nil {
		return nil, err
	}
	root, err := parseXML(data)
	if err != nil {
		return nil, corrupt("unreadable "+name, err)
	}
	return root, nil
}
