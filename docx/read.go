package docx

import (
	"regexp"
	"strconv"
	"strings"
)

// TextPara is a paragraph of a document as read: its runs with the
// styles a person sees, and what kind of paragraph it is.
type TextPara struct {
	Runs      []TextRun
	Style     string // the paragraph style's ID
	StyleName string // its name as written: "heading 1", "Hướng dẫn"
	Level     int    // a heading's level, 1–9; 0 for body text
	List      bool   // a list item (Word numbering or bullets)
	InTable   bool   // read from a table cell
	Objects   int    // pictures, shapes and text boxes it holds, which are not read
}

// TextRun is text in one style.
type TextRun struct {
	Text                    string
	Bold, Italic, Underline bool
}

// Text is the paragraph's text.
func (p TextPara) Text() string {
	var b strings.Builder
	for _, r := range p.Runs {
		b.WriteString(r.Text)
	}
	return b.String()
}

// Paragraphs reads the document's body in order: its paragraphs and those
// of its tables' cells, row by row. Deleted text of tracked changes and
// field codes are left out; inserted text and field results are read.
func (f *File) Paragraphs() ([]TextPara, error) {
	root, err := f.partXML(f.main)
	if err != nil {
		return nil, err
	}
	doc := root.element()
	if doc == nil || !doc.isW("document") {
		return nil, corrupt("the main part is not a WordprocessingML document", nil)
	}
	st, err := f.styles()
	if err != nil {
		return nil, err
	}
	var out []TextPara
	var walk func(n *node, inTable bool)
	walk = func(n *node, inTable bool) {
		for _, k := range n.kids {
			switch {
			case k.isW("p"):
				out = append(out, st.para(k, inTable))
			case k.isW("tbl"):
				walk(k, true)
			case k.isW("sectPr"), k.isW("tblPr"), k.isW("tblGrid"), k.isW("trPr"), k.isW("tcPr"), k.isW("del"), k.isW("moveFrom"):
			case k.is(nsMC, "Fallback"):
			case k.kind == elemNode:
				walk(k, inTable) // body, tr, tc, sdt, sdtContent, customXml, ins, AlternateContent…
			}
		}
	}
	walk(doc, false)
	return out, nil
}

// styleInfo is what a style gives the paragraphs and runs that use it.
type styleInfo struct {
	name    string
	basedOn string
	rPr     *node
	pPr     *node
}

type styleSheet struct {
	byID     map[string]*styleInfo
	defaults *node // docDefaults' rPr
	normal   string
}

// styles reads the style part, if any.
func (f *File) styles() (*styleSheet, error) {
	st := &styleSheet{byID: map[string]*styleInfo{}}
	rels, err := f.rels(f.main)
	if err != nil {
		return nil, err
	}
	for _, r := range rels {
		if !strings.HasSuffix(r.Type, "/styles") || r.External {
			continue
		}
		if f.parts[strings.ToLower(r.Target)] == nil {
			continue
		}
		root, err := f.partXML(r.Target)
		if err != nil {
			return nil, err
		}
		doc := root.element()
		st.defaults = doc.child("docDefaults").child("rPrDefault").child("rPr")
		for _, s := range doc.kids {
			if !s.isW("style") {
				continue
			}
			id, _ := s.wAttr("styleId")
			name, _ := s.child("name").wAttr("val")
			based, _ := s.child("basedOn").wAttr("val")
			st.byID[id] = &styleInfo{name: name, basedOn: based, rPr: s.child("rPr"), pPr: s.child("pPr")}
			if d, _ := s.wAttr("default"); (d == "1" || d == "true") && typ(s) == "paragraph" {
				st.normal = id
			}
		}
	}
	return st, nil
}

func typ(s *node) string { v, _ := s.wAttr("type"); return v }

// chain is a style and the styles it is based on, nearest first.
func (st *styleSheet) chain(id string) []*styleInfo {
	var out []*styleInfo
	for i := 0; id != "" && i < 20; i++ {
		s := st.byID[id]
		if s == nil {
			break
		}
		out = append(out, s)
		id = s.basedOn
	}
	return out
}

// headingName matches the built-in heading styles' names ("heading 1")
// and their English display names in any case.
var headingName = regexp.MustCompile(`(?i)^heading\s*([1-9])$`)

// para reads one paragraph.
func (st *styleSheet) para(p *node, inTable bool) TextPara {
	pPr := p.child("pPr")
	id, _ := pPr.child("pStyle").wAttr("val")
	if id == "" {
		id = st.normal
	}
	out := TextPara{Style: id, InTable: inTable}
	chain := st.chain(id)
	if len(chain) > 0 {
		out.StyleName = chain[0].name
	}
	out.Level = headingLevel(pPr, chain)
	out.List = isList(pPr, chain)
	r := runReader{st: st, pChain: chain, out: &out}
	r.walk(p)
	r.flush()
	return out
}

// headingLevel is 1–9 for a heading: an outline level on the paragraph or
// its style, or a style named "heading N".
func headingLevel(pPr *node, chain []*styleInfo) int {
	level := func(n *node) (int, bool) {
		v, ok := n.child("outlineLvl").wAttr("val")
		if !ok {
			return 0, false
		}
		l, err := strconv.Atoi(v)
		if err != nil || l < 0 || l > 8 {
			return 0, true // 9 is body text
		}
		return l + 1, true
	}
	if l, ok := level(pPr); ok {
		return l
	}
	for _, s := range chain {
		if m := headingName.FindStringSubmatch(strings.TrimSpace(s.name)); m != nil {
			return int(m[1][0] - '0')
		}
		if l, ok := level(s.pPr); ok {
			return l
		}
	}
	return 0
}

// isList reports numbering on the paragraph or its style (numId 0 turns
// it off), or a list style by name.
func isList(pPr *node, chain []*styleInfo) bool {
	num := func(n *node) (bool, bool) {
		np := n.child("numPr")
		if np == nil {
			return false, false
		}
		id, ok := np.child("numId").wAttr("val")
		if !ok {
			return false, false
		}
		return id != "0", true
	}
	if v, ok := num(pPr); ok {
		return v
	}
	for _, s := range chain {
		if v, ok := num(s.pPr); ok {
			return v
		}
		if n := strings.ToLower(s.name); strings.HasPrefix(n, "list bullet") || strings.HasPrefix(n, "list number") {
			return true
		}
	}
	return false
}

// runReader gathers a paragraph's runs, merging neighbours of one style.
type runReader struct {
	st     *styleSheet
	pChain []*styleInfo
	out    *TextPara
	cur    TextRun
	text   strings.Builder
	fields []bool // per open complex field: its result is being read
}

func (r *runReader) flush() {
	if r.text.Len() == 0 {
		return
	}
	r.cur.Text = r.text.String()
	r.text.Reset()
	r.out.Runs = append(r.out.Runs, r.cur)
}

// add appends text in style s.
func (r *runReader) add(s TextRun, text string) {
	if text == "" {
		return
	}
	if s.Bold != r.cur.Bold || s.Italic != r.cur.Italic || s.Underline != r.cur.Underline {
		r.flush()
		r.cur = s
	}
	r.text.WriteString(text)
}

// inInstr reports whether the reader is inside a field's instruction.
func (r *runReader) inInstr() bool { return len(r.fields) > 0 && !r.fields[len(r.fields)-1] }

// walk reads the runs under n, into hyperlinks, insertions, content
// controls and simple fields, and past deletions and nested paragraphs.
func (r *runReader) walk(n *node) {
	for _, k := range n.kids {
		switch {
		case k.isW("r"):
			r.run(k)
		case k.isW("pPr"), k.isW("del"), k.isW("moveFrom"), k.isW("rPr"):
		case k.is(nsMC, "Fallback"):
		case k.kind == elemNode:
			r.walk(k)
		}
	}
}

// run reads one run's text, tabs and breaks in its style.
func (r *runReader) run(n *node) {
	style := r.style(n.child("rPr"))
	for _, k := range n.kids {
		switch {
		case k.isW("fldChar"):
			switch t, _ := k.wAttr("fldCharType"); t {
			case "begin":
				r.fields = append(r.fields, false)
			case "separate":
				if len(r.fields) > 0 {
					r.fields[len(r.fields)-1] = true
				}
			case "end":
				if len(r.fields) > 0 {
					r.fields = r.fields[:len(r.fields)-1]
				}
			}
		case r.inInstr():
		case k.isW("t"):
			r.add(style, k.text())
		case k.isW("tab"), k.isW("ptab"):
			r.add(style, "\t")
		case k.isW("br"), k.isW("cr"):
			r.add(style, "\n")
		case k.isW("noBreakHyphen"):
			r.add(style, "-")
		case k.isW("drawing"), k.isW("pict"), k.isW("object"), k.is(nsMC, "AlternateContent"):
			r.out.Objects++
		}
	}
}

// style is a run's bold, italic and underline: its own properties, then
// its character style, the paragraph's style and the document defaults.
func (r *runReader) style(rPr *node) TextRun {
	var out TextRun
	var haveB, haveI, haveU bool
	look := func(p *node) {
		if p == nil {
			return
		}
		if v, ok := on(p.child("b")); ok && !haveB {
			out.Bold, haveB = v, true
		}
		if v, ok := on(p.child("i")); ok && !haveI {
			out.Italic, haveI = v, true
		}
		if u := p.child("u"); u != nil && !haveU {
			v, ok := u.wAttr("val")
			out.Underline, haveU = !ok || v != "none", true
		}
	}
	look(rPr)
	if id, ok := rPr.child("rStyle").wAttr("val"); ok {
		for _, s := range r.st.chain(id) {
			look(s.rPr)
		}
	}
	for _, s := range r.pChain {
		look(s.rPr)
	}
	look(r.st.defaults)
	return out
}

// TextWidth is the width between the margins of the document's last
// section, in millimetres, as its section properties give it.
func (f *File) TextWidth() (float64, bool) {
	root, err := f.partXML(f.main)
	if err != nil {
		return 0, false
	}
	body := root.element().child("body")
	sect := body.child("sectPr")
	num := func(n *node, attr string) (float64, bool) {
		v, ok := n.wAttr(attr)
		if !ok {
			return 0, false
		}
		x, err := strconv.ParseFloat(v, 64)
		return x, err == nil
	}
	w, ok1 := num(sect.child("pgSz"), "w")
	l, ok2 := num(sect.child("pgMar"), "left")
	r, ok3 := num(sect.child("pgMar"), "right")
	if !ok1 || !ok2 || !ok3 || w-l-r <= 0 {
		return 0, false
	}
	return (w - l - r) * 25.4 / 1440, true
}
