package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"strings"
)

// Value is what a placeholder becomes: text, or, for a placeholder alone
// in its paragraph of the body, a table in the paragraph's place.
type Value struct {
	Text  string
	Table *Table
}

// PlaceholderError is a placeholder the caller could not fill, and where
// it stands.
type PlaceholderError struct {
	Name      string
	Paragraph string // the text of its paragraph
	Err       error
}

func (e *PlaceholderError) Error() string {
	return fmt.Sprintf("placeholder {{%s}} in %q: %v", e.Name, e.Paragraph, e.Err)
}

func (e *PlaceholderError) Unwrap() error { return e.Err }

// Resolver gives a placeholder its value; alone tells that the
// placeholder is all its paragraph holds, where a table may go.
type Resolver func(name string, alone bool) (Value, error)

// Fill replaces the placeholders of the body, headers, footers and notes
// (FORMATS.md §9) and returns the new document. Every part it does not
// change is copied as it was, byte for byte. When any placeholder fails,
// Fill returns all the failures, each a *PlaceholderError, joined, and no
// document.
func (f *File) Fill(resolve Resolver) ([]byte, error) {
	parts := []string{f.main}
	rels, err := f.rels(f.main)
	if err != nil {
		return nil, err
	}
	for _, r := range rels {
		t := r.Type[strings.LastIndex(r.Type, "/")+1:]
		if !r.External && (t == "header" || t == "footer" || t == "footnotes" || t == "endnotes") && f.parts[strings.ToLower(r.Target)] != nil {
			parts = append(parts, r.Target)
		}
	}
	changed := map[string][]byte{}
	var errs []error
	for _, name := range parts {
		root, err := f.partXML(name)
		if err != nil {
			return nil, err
		}
		n, perrs := fillTree(root, resolve, name == f.main)
		errs = append(errs, perrs...)
		if n > 0 {
			var b bytes.Buffer
			root.serialize(&b)
			changed[strings.ToLower(name)] = b.Bytes()
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return f.rewrite(changed)
}

// rewrite writes the package again with the changed parts.
func (f *File) rewrite(changed map[string][]byte) ([]byte, error) {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, z := range f.zr.File {
		data, ok := changed[strings.ToLower(strings.TrimPrefix(z.Name, "/"))]
		if !ok {
			if err := zw.Copy(z); err != nil {
				return nil, fmt.Errorf("copy %s: %w", z.Name, err)
			}
			continue
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: z.Name, Method: zip.Deflate, Modified: z.Modified})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(data); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// fillTree fills every paragraph of a part and returns how many changed.
func fillTree(root *node, resolve Resolver, body bool) (int, []error) {
	var paras []*node
	var find func(n *node)
	find = func(n *node) {
		for _, k := range n.kids {
			if k.kind != elemNode {
				continue
			}
			if k.isW("p") {
				paras = append(paras, k)
			}
			find(k) // paragraphs in text boxes lie inside paragraphs
		}
	}
	find(root)
	changed := 0
	var errs []error
	for _, p := range paras {
		ts := paraTexts(p)
		segs := make([]string, len(ts))
		for i, t := range ts {
			segs[i] = t.text()
		}
		joined := strings.Join(segs, "")
		var table *Table
		out, perrs := Splice(segs, func(ph Placeholder) (string, error) {
			alone := body && strings.TrimSpace(joined) == joined[ph.Start:ph.End]
			v, err := resolve(ph.Name, alone)
			if err != nil {
				return "", &PlaceholderError{Name: ph.Name, Paragraph: strings.TrimSpace(joined), Err: err}
			}
			if v.Table != nil {
				if !alone {
					return "", &PlaceholderError{Name: ph.Name, Paragraph: strings.TrimSpace(joined), Err: errors.New("a table goes in a paragraph of its own")}
				}
				table = v.Table
			}
			return v.Text, nil
		})
		if len(perrs) > 0 {
			errs = append(errs, perrs...)
			continue
		}
		if table != nil {
			if err := putTable(p, table); err != nil {
				errs = append(errs, err)
			}
			changed++
			continue
		}
		for i, t := range ts {
			if out[i] != segs[i] {
				t.setText(out[i])
				preserve(t)
				changed++
			}
		}
	}
	return changed, errs
}

// paraTexts are the <w:t> elements of a paragraph in reading order,
// leaving out those of paragraphs nested in it (text boxes).
func paraTexts(p *node) []*node {
	var out []*node
	var walk func(n *node)
	walk = func(n *node) {
		for _, k := range n.kids {
			switch {
			case k.kind != elemNode, k.isW("p"):
			case k.isW("t"):
				out = append(out, k)
			default:
				walk(k)
			}
		}
	}
	walk(p)
	return out
}

// preserve keeps the spaces at the ends of a changed <w:t>.
func preserve(t *node) {
	for _, a := range t.attr {
		if a.Name.Space == "xml" && a.Name.Local == "space" {
			return
		}
	}
	t.attr = append(t.attr, xml.Attr{Name: xml.Name{Space: "xml", Local: "space"}, Value: "preserve"})
	t.attrNS = append(t.attrNS, "http://www.w3.org/XML/1998/namespace")
}

// putTable puts t in place of paragraph p. A paragraph that ends a
// section keeps its place (and the section break) with its text gone; a
// cell and the body still end with a paragraph.
func putTable(p *node, t *Table) error {
	x := &xw{}
	ns := nsW
	doc := p
	for doc.parent != nil && doc.parent.parent != nil {
		doc = doc.parent
	}
	if doc.space == nsStrict {
		ns = nsStrict
	}
	x.s(`<w:root xmlns:w="` + ns + `">`)
	x.table(t)
	x.s(`</w:root>`)
	frag, err := parseXML(x.Bytes())
	if err != nil {
		return fmt.Errorf("table: %w", err)
	}
	tbl := frag.element().kids[0]
	if lookupPrefix(p, "w") != ns {
		tbl.attr = append(tbl.attr, xml.Attr{Name: xml.Name{Space: "xmlns", Local: "w"}, Value: ns})
		tbl.attrNS = append(tbl.attrNS, "")
	}
	if pPr := p.child("pPr"); pPr != nil && pPr.child("sectPr") != nil {
		p.kids = []*node{pPr}
		p.replace(tbl, p)
		return nil
	}
	repl := []*node{tbl}
	if next := nextElement(p); next == nil || next.isW("sectPr") {
		repl = append(repl, &node{kind: elemNode, prefix: p.prefix, local: "p", space: p.space})
	}
	p.replace(repl...)
	return nil
}

// lookupPrefix is the namespace bound to prefix where n stands.
func lookupPrefix(n *node, prefix string) string {
	for ; n != nil; n = n.parent {
		for _, a := range n.attr {
			if a.Name.Space == "xmlns" && a.Name.Local == prefix {
				return a.Value
			}
		}
	}
	return ""
}

// nextElement is the element after n among its parent's children.
func nextElement(n *node) *node {
	seen := false
	for _, k := range n.parent.kids {
		if k == n {
			seen = true
			continue
		}
		if seen && k.kind == elemNode {
			return k
		}
	}
	return nil
}
