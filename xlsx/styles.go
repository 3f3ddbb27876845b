package xlsx

import (
	"archive/zip"
	"bytes"
	"io"
)

// Fonts. A cell's text is drawn in the font of its cell format (the s
// attribute indexes <cellXfs> in styles.xml, whose fontId indexes <fonts>),
// unless it is a rich-text string whose runs name their own (<rFont>).
// Neither is read while streaming: styles.xml and the run fonts of the
// shared strings are parsed once per Book, on the first question, so
// readers that never ask pay nothing.

// maxStyle bounds the s attribute (Excel allows 64,000 cell formats).
const maxStyle = 1<<24 - 1

// maxStylesBytes bounds styles.xml; a larger one is ignored (fonts unknown).
const maxStylesBytes = 64 << 20

// parseStyle reads an s attribute; anything but a number in range is 0,
// the default format. (parseUint is not inlined; this runs per cell.)
func parseStyle(v []byte) int32 {
	n := int32(0)
	for _, c := range v {
		if c < '0' || c > '9' || n > maxStyle/10 {
			return 0
		}
		n = n*10 + int32(c-'0')
	}
	return n
}

// styles is what FontName and NumFmt need from styles.xml.
type styles struct {
	fonts   []string       // <fonts>: the name of each font, by fontId
	struck  []bool         // <fonts>: each font drawn struck through (<strike/>), by fontId
	xfs     []int32        // <cellXfs>: the fontId of each cell format, by s
	xfFmts  []int32        // <cellXfs>: the numFmtId of each cell format, by s
	numFmts map[int]string // <numFmts>: custom codes by numFmtId
}

// FontName returns the name of the font of cell format style (a Cell's
// Style), e.g. "Calibri" or ".VnTime"; "" when the workbook has no such
// format or its styles cannot be read. The first call reads styles.xml.
func (b *Book) FontName(style int) string {
	st := b.styles()
	if style < 0 || style >= len(st.xfs) {
		return ""
	}
	if id := st.xfs[style]; id >= 0 && int(id) < len(st.fonts) {
		return st.fonts[id]
	}
	return ""
}

// Struck reports that cell format style draws its text struck through,
// as an office marks a figure withdrawn.
func (b *Book) Struck(style int) bool {
	st := b.styles()
	if style < 0 || style >= len(st.xfs) {
		return false
	}
	id := st.xfs[style]
	return id >= 0 && int(id) < len(st.struck) && st.struck[id]
}

// RunFont returns the font named by the first run of the cell's
// rich-text string that names one (<r><rPr><rFont val="…"/>), for shared
// and inline strings; "" for plain text and other cells. The first call
// for a shared string reads the run fonts of the shared-string table.
func (b *Book) RunFont(c Cell) string {
	switch {
	case c.src == 0:
		return ""
	case c.src&srcInline != 0:
		b.fontMu.Lock()
		defer b.fontMu.Unlock()
		if i := int(c.src &^ srcInline); i < len(b.inlineFonts) {
			return b.inlineFonts[i]
		}
		return ""
	}
	if fonts := b.sstFonts(); int(c.src) <= len(fonts) {
		return fonts[c.src-1]
	}
	return ""
}

// srcInline marks a Cell.src that numbers an inline run font.
const srcInline = 1 << 31

// inlineFont numbers a font named by an inline string's run; it returns 0
// (nothing) for an empty name.
func (b *Book) inlineFont(name []byte) uint32 {
	if len(name) == 0 {
		return 0
	}
	b.fontMu.Lock()
	defer b.fontMu.Unlock()
	if i, ok := b.inlineIdx[string(name)]; ok {
		return srcInline | i
	}
	if len(b.inlineFonts) >= 4096 {
		return 0 // a crafted file: stop remembering new names
	}
	if b.inlineIdx == nil {
		b.inlineIdx = map[string]uint32{}
	}
	b.inlineIdx[string(name)] = uint32(len(b.inlineFonts))
	b.inlineFonts = append(b.inlineFonts, string(name))
	return srcInline | uint32(len(b.inlineFonts)-1)
}

func (b *Book) styles() *styles {
	b.styOnce.Do(func() {
		b.sty = &styles{}
		if b.styZF == nil {
			return
		}
		left := min(b.lim.MaxUncompressed-b.meta, maxStylesBytes)
		if st, err := b.readStyles(b.styZF, &left); err == nil {
			b.sty = st
		}
	})
	return b.sty
}

// readStyles reads the custom codes of <numFmts>, the font names of
// <fonts> and the fontIds and numFmtIds of <cellXfs>; it stops after
// </cellXfs>. Fonts and formats elsewhere (<dxfs>) are not cells'.
// <numFmts> comes first in the part, so formats cost no extra reading.
func (b *Book) readStyles(f *zip.File, left *int64) (*styles, error) {
	s, done, err := b.openScanner(f, left)
	if err != nil {
		return nil, err
	}
	st := &styles{}
	inFmts, inFonts, inFont, inXfs := false, false, false, false
	for {
		err := s.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			done(false)
			return nil, err
		}
		switch s.kind {
		case tokStart:
			switch string(s.name) {
			case "fonts":
				inFonts = true
			case "font":
				if inFonts {
					inFont = true
					st.fonts = append(st.fonts, "")
					st.struck = append(st.struck, false)
				}
			case "name":
				if inFont && st.fonts[len(st.fonts)-1] == "" {
					st.fonts[len(st.fonts)-1] = attrString(s, "val")
				}
			case "strike":
				if inFont {
					v := attrBytes(s, "val") // absent is true
					st.struck[len(st.struck)-1] = len(v) == 0 || xmlTrue(v)
				}
			case "numFmts":
				inFmts = true
			case "numFmt":
				if n, ok := parseUint(attrBytes(s, "numFmtId"), maxStyle); ok && inFmts {
					if st.numFmts == nil {
						st.numFmts = map[int]string{}
					}
					st.numFmts[n] = attrString(s, "formatCode")
				}
			case "cellXfs":
				inXfs = true
			case "xf":
				if inXfs {
					st.xfs = append(st.xfs, attrID(s, "fontId"))
					st.xfFmts = append(st.xfFmts, attrID(s, "numFmtId"))
				}
			}
		case tokEnd:
			switch string(s.name) {
			case "numFmts":
				inFmts = false
			case "fonts":
				inFonts, inFont = false, false
			case "font":
				inFont = false
			case "cellXfs":
				done(false)
				return st, nil // nothing after it is needed
			}
		}
	}
	return st, done(false)
}

// attrID reads an id attribute; -1 when absent or not a number in range.
func attrID(s *scanner, name string) int32 {
	if n, ok := parseUint(attrBytes(s, name), maxStyle); ok {
		return int32(n)
	}
	return -1
}

// sstFonts returns, by shared-string index, the font named by the first
// run of each string that names one, or nil when none does. It is read
// once per Book: the part is first searched for "rFont" as raw bytes, so
// a table without rich-text fonts costs one quick pass.
func (b *Book) sstFonts() []string {
	b.sstFontsOnce.Do(func() {
		f := b.sstZF
		if f == nil {
			return
		}
		left := b.lim.MaxUncompressed - b.meta
		if !b.partContains(f, []byte("rFont"), left) {
			return
		}
		sst, _, err := b.sharedStrings()
		if err != nil {
			return
		}
		if fonts, err := b.readRunFonts(f, &left, sst.len()); err == nil {
			b.sstFontList = fonts
		}
	})
	return b.sstFontList
}

// partContains reports whether the unpacked part holds needle.
func (b *Book) partContains(f *zip.File, needle []byte, left int64) bool {
	if checkPart(f, left) != nil {
		return false
	}
	rc, err := f.Open()
	if err != nil {
		return false
	}
	defer rc.Close()
	bp := scanBufs.Get().(*[]byte)
	defer scanBufs.Put(bp)
	buf := *bp
	keep := 0 // bytes carried over so a needle across reads is found
	for {
		n, err := io.ReadFull(rc, buf[keep:])
		n += keep
		if bytes.Contains(buf[:n], needle) {
			return true
		}
		if left -= int64(n - keep); left < 0 || err != nil {
			return false
		}
		keep = min(len(needle)-1, n)
		copy(buf, buf[n-keep:n])
	}
}

// readRunFonts mirrors readSST's count of <si> elements and notes, for
// each, the first <rFont> outside phonetic runs.
func (b *Book) readRunFonts(f *zip.File, left *int64, count int) ([]string, error) {
	s, done, err := b.openScanner(f, left)
	if err != nil {
		return nil, err
	}
	fonts := make([]string, count)
	names := map[string]string{} // one string per distinct font
	n, inSI, phon, font := 0, false, 0, ""
	for {
		err := s.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			done(false)
			return nil, err
		}
		switch s.kind {
		case tokStart:
			switch string(s.name) {
			case "si":
				inSI, phon, font = true, 0, ""
			case "rPh":
				phon++
			case "rFont":
				if inSI && phon == 0 && font == "" {
					v := attrBytes(s, "val")
					if font = names[string(v)]; font == "" && len(v) > 0 {
						font = string(v)
						names[font] = font
					}
				}
			}
		case tokEnd:
			switch string(s.name) {
			case "si":
				if inSI {
					if n < len(fonts) {
						fonts[n] = font
					}
					n++
					inSI = false
				}
			case "rPh":
				phon = max(phon-1, 0)
			}
		}
	}
	done(false)
	return fonts, nil
}

// attrBytes returns the value of the current start tag's attribute name
// (local name, any prefix), nil if absent; valid until the next token.
func attrBytes(s *scanner, name string) []byte {
	for k := range s.attrList {
		a := &s.attrList[k]
		if string(localName(s.attrName(a))) == name {
			return s.attrVal(a)
		}
	}
	return nil
}

func attrString(s *scanner, name string) string {
	return string(attrBytes(s, name))
}
