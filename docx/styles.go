package docx

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// stylesXML writes the document defaults (the font in every script, the
// body size, the language, no spacing after paragraphs), the built-in
// styles a report uses under their built-in names, so that Word shows
// them as its own (Heading 1 in the navigation pane), and the document's
// extra styles.
func (d *Document) stylesXML() string {
	x := &xw{}
	font := escape(d.font(), true)
	x.s(xmlHead + `<w:styles xmlns:w="` + nsW + `">`)
	x.s(`<w:docDefaults><w:rPrDefault><w:rPr>`)
	x.s(`<w:rFonts w:ascii="` + font + `" w:hAnsi="` + font + `" w:eastAsia="` + font + `" w:cs="` + font + `"/>`)
	x.val("sz", halfPoints(d.size()))
	x.val("szCs", halfPoints(d.size()))
	lang := escape(d.lang(), true)
	x.s(`<w:lang w:val="` + lang + `" w:eastAsia="` + lang + `" w:bidi="ar-SA"/>`)
	x.s(`</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>`)

	x.s(`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>`)
	x.s(`<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>`)
	x.s(`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>` +
		`<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>`)
	for i := 1; i <= 3; i++ {
		n := strconv.Itoa(i)
		x.s(`<w:style w:type="paragraph" w:styleId="Heading` + n + `"><w:name w:val="heading ` + n + `"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/>`)
		x.s(`<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="120" w:after="60"/>`)
		x.val("outlineLvl", i-1)
		x.s(`</w:pPr><w:rPr><w:b/><w:bCs/>`)
		x.val("sz", halfPoints(d.size()))
		x.val("szCs", halfPoints(d.size()))
		x.s(`</w:rPr></w:style>`)
	}
	x.s(`<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="10"/><w:qFormat/>` +
		`<w:pPr><w:spacing w:after="120"/><w:jc w:val="center"/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr></w:style>`)
	x.s(`<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/></w:style>`)
	for _, s := range d.Styles {
		x.style(s)
	}
	x.s(`</w:styles>`)
	return x.String()
}

// style writes one of the document's own styles (CT_Style: name, basedOn,
// next, …, qFormat, …, pPr, rPr).
func (x *xw) style(s Style) {
	kind := "paragraph"
	if s.Kind == CharacterStyle {
		kind = "character"
	}
	x.s(`<w:style w:type="` + kind + `" w:customStyle="1" w:styleId="` + escape(s.ID, true) + `">`)
	x.val("name", s.Name)
	if s.BasedOn != "" {
		x.val("basedOn", s.BasedOn)
	}
	if s.Next != "" {
		x.val("next", s.Next)
	}
	x.s(`<w:qFormat/>`)
	if s.Kind == ParagraphStyle && (s.Before != 0 || s.After != 0) {
		x.s(`<w:pPr><w:spacing w:before="` + strconv.Itoa(ptTwips(s.Before)) + `" w:after="` + strconv.Itoa(ptTwips(s.After)) + `"/></w:pPr>`)
	}
	x.s(`<w:rPr>`)
	if s.Bold {
		x.s(`<w:b/><w:bCs/>`)
	}
	if s.Italic {
		x.s(`<w:i/><w:iCs/>`)
	}
	if s.Color != "" {
		x.val("color", s.Color)
	}
	if s.Size > 0 {
		x.val("sz", halfPoints(s.Size))
		x.val("szCs", halfPoints(s.Size))
	}
	if s.Shade != "" {
		x.s(`<w:shd w:val="clear" w:color="auto" w:fill="` + escape(s.Shade, true) + `"/>`)
	}
	x.s(`</w:rPr></w:style>`)
}

// clean makes s safe to write as XML 1.0 text: invalid UTF-8 becomes
// U+FFFD, and the control characters XML cannot hold are dropped (tab and
// line feed are kept; a carriage return ends a line).
func clean(s string) string {
	ok := utf8.ValidString(s)
	for i := 0; ok && i < len(s); i++ {
		if c := s[i]; c < 0x20 && c != '\t' && c != '\n' || c == 0xEF && strings.HasPrefix(s[i:], "\uFFFE") || c == 0xEF && strings.HasPrefix(s[i:], "\uFFFF") {
			ok = false
		}
	}
	if ok {
		return s
	}
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	return strings.Map(func(r rune) rune {
		if validXMLRune(r) {
			return r
		}
		if r == utf8.RuneError {
			return r
		}
		return -1
	}, strings.ToValidUTF8(s, "\uFFFD"))
}

// validXMLRune reports whether r may appear in XML 1.0 text.
func validXMLRune(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// escape escapes text for XML content, or for an attribute value when
// attr is set; it cleans it first.
func escape(s string, attr bool) string {
	s = clean(s)
	if !strings.ContainsAny(s, `&<>"`+"\n\t") {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"' && attr:
			b.WriteString("&quot;")
		case r == '\n' && attr:
			b.WriteString("&#xA;")
		case r == '\t' && attr:
			b.WriteString("&#x9;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
