package docx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// nsStrict is WordprocessingML's namespace in Strict Open XML documents;
// its element names are those of the transitional one.
const nsStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"

// Namespaces whose elements the body walk treats specially.
const nsMC = "http://schemas.openxmlformats.org/markup-compatibility/2006"

// node is an XML element, text or other token of a part, kept as written
// (prefixes, attributes, declarations) so that a filled template writes
// back everything but what was replaced.
type node struct {
	kind   nodeKind
	prefix string // element: the prefix as written
	local  string
	space  string     // element: the namespace URI the prefix is bound to
	attr   []xml.Attr // element: as written (Name.Space is the prefix)
	attrNS []string   // element: each attribute's namespace URI
	kids   []*node
	data   []byte // text: the characters; other: the token as written
	parent *node
}

type nodeKind int

const (
	elemNode nodeKind = iota
	textNode
	otherNode // declaration, comment, processing instruction
)

// maxDepth bounds element nesting: a hostile part cannot exhaust the stack
// of the walks over it.
const maxDepth = 256

// parseXML reads a part into a tree whose root holds the prolog and the
// document element.
func parseXML(data []byte) (*node, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	root := &node{kind: elemNode}
	cur := root
	scopes := []map[string]string{{"xml": "http://www.w3.org/XML/1998/namespace"}}
	depth := 0
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if depth++; depth > maxDepth {
				return nil, errors.New("elements nested too deep")
			}
			scope := map[string]string{}
			for _, a := range t.Attr {
				switch {
				case a.Name.Space == "xmlns":
					scope[a.Name.Local] = a.Value
				case a.Name.Space == "" && a.Name.Local == "xmlns":
					scope[""] = a.Value
				}
			}
			scopes = append(scopes, scope)
			n := &node{kind: elemNode, prefix: t.Name.Space, local: t.Name.Local, attr: t.Attr, parent: cur}
			n.space = lookupNS(scopes, n.prefix)
			n.attrNS = make([]string, len(t.Attr))
			for i, a := range t.Attr {
				if a.Name.Space != "" && a.Name.Space != "xmlns" {
					n.attrNS[i] = lookupNS(scopes, a.Name.Space)
				}
			}
			cur.kids = append(cur.kids, n)
			cur = n
		case xml.EndElement:
			if cur == root || t.Name.Space != cur.prefix || t.Name.Local != cur.local {
				return nil, fmt.Errorf("element <%s> closed by </%s>", qname(cur.prefix, cur.local), qname(t.Name.Space, t.Name.Local))
			}
			depth--
			scopes = scopes[:len(scopes)-1]
			cur = cur.parent
		case xml.CharData:
			cur.kids = append(cur.kids, &node{kind: textNode, data: bytes.Clone(t), parent: cur})
		case xml.Comment:
			cur.kids = append(cur.kids, &node{kind: otherNode, data: []byte("<!--" + string(t) + "-->"), parent: cur})
		case xml.ProcInst:
			cur.kids = append(cur.kids, &node{kind: otherNode, data: []byte("<?" + t.Target + " " + string(t.Inst) + "?>"), parent: cur})
		case xml.Directive:
			return nil, errors.New("a document type declaration, which Word never writes")
		}
	}
	if cur != root {
		return nil, fmt.Errorf("element <%s> not closed", qname(cur.prefix, cur.local))
	}
	if root.element() == nil {
		return nil, errors.New("no document element")
	}
	return root, nil
}

func lookupNS(scopes []map[string]string, prefix string) string {
	for i := len(scopes) - 1; i >= 0; i-- {
		if ns, ok := scopes[i][prefix]; ok {
			return ns
		}
	}
	return ""
}

func qname(prefix, local string) string {
	if prefix == "" {
		return local
	}
	return prefix + ":" + local
}

// element is the document element under a parsed root.
func (n *node) element() *node {
	for _, k := range n.kids {
		if k.kind == elemNode {
			return k
		}
	}
	return nil
}

// isW reports whether n is the WordprocessingML element local.
func (n *node) isW(local string) bool {
	return n.kind == elemNode && n.local == local && (n.space == nsW || n.space == nsStrict)
}

// is reports whether n is the element local of namespace space.
func (n *node) is(space, local string) bool {
	return n.kind == elemNode && n.local == local && n.space == space
}

// child is the first WordprocessingML child element named local.
func (n *node) child(local string) *node {
	if n == nil {
		return nil
	}
	for _, k := range n.kids {
		if k.isW(local) {
			return k
		}
	}
	return nil
}

// wAttr is the value of the WordprocessingML attribute local ("w:val").
// Strict documents and some writers leave attributes unprefixed; those
// count too.
func (n *node) wAttr(local string) (string, bool) {
	if n == nil {
		return "", false
	}
	for i, a := range n.attr {
		if a.Name.Local == local && (n.attrNS[i] == nsW || n.attrNS[i] == nsStrict || a.Name.Space == "") {
			return a.Value, true
		}
	}
	return "", false
}

// on reads a toggle property such as <w:b/> or <w:b w:val="false"/>:
// present reports whether the element is there at all.
func on(n *node) (value, present bool) {
	if n == nil {
		return false, false
	}
	v, ok := n.wAttr("val")
	if !ok {
		return true, true
	}
	switch strings.ToLower(v) {
	case "0", "false", "off", "none":
		return false, true
	}
	return true, true
}

// text is the character data directly under n.
func (n *node) text() string {
	var b strings.Builder
	for _, k := range n.kids {
		if k.kind == textNode {
			b.Write(k.data)
		}
	}
	return b.String()
}

// setText replaces n's content by the text s.
func (n *node) setText(s string) {
	n.kids = []*node{{kind: textNode, data: []byte(s), parent: n}}
}

// serialize writes the tree back as XML.
func (n *node) serialize(b *bytes.Buffer) {
	switch n.kind {
	case textNode:
		b.WriteString(escape(string(n.data), false))
		return
	case otherNode:
		b.Write(n.data)
		return
	}
	if n.parent == nil { // the root: prolog and document element
		for _, k := range n.kids {
			k.serialize(b)
		}
		return
	}
	b.WriteByte('<')
	b.WriteString(qname(n.prefix, n.local))
	for _, a := range n.attr {
		b.WriteByte(' ')
		b.WriteString(qname(a.Name.Space, a.Name.Local))
		b.WriteString(`="`)
		b.WriteString(escape(a.Value, true))
		b.WriteByte('"')
	}
	if len(n.kids) == 0 {
		b.WriteString("/>")
		return
	}
	b.WriteByte('>')
	for _, k := range n.kids {
		k.serialize(b)
	}
	b.WriteString("</")
	b.WriteString(qname(n.prefix, n.local))
	b.WriteByte('>')
}

// replace puts repl in n's place among its parent's children.
func (n *node) replace(repl ...*node) {
	p := n.parent
	for i, k := range p.kids {
		if k == n {
			for _, r := range repl {
				r.parent = p
			}
			p.kids = append(p.kids[:i], append(repl, p.kids[i+1:]...)...)
			return
		}
	}
}
